"""Atomic claims of one article: clauses, attribution, status, parts, offsets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.extract.claims import base_form, extract_claims
from storyline.extract.quotes import extract_quotes
from storyline.model import Article, ClaimMention
from storyline.nlp import load_pipeline
from storyline.pipeline import COMPONENTS


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None, components=COMPONENTS)


def claims_of(nlp, text: str) -> tuple[Article, tuple[ClaimMention, ...]]:
    article = Article(id="a1", source="a1", body=text, language="en")
    doc = nlp(text)
    quotes, _ = extract_quotes(article, doc)
    return article, extract_claims(article, doc, quotes)


def only(claims: tuple[ClaimMention, ...], fragment: str) -> ClaimMention:
    """The one claim holding `fragment` (the innermost, when a clause nests in another)."""
    found = [c for c in claims if fragment in c.mention.text]
    assert found, f"{fragment!r} in {[c.mention.text for c in claims]}"
    innermost = min(found, key=lambda c: len(c.mention.text))
    assert all(innermost.mention.start >= c.mention.start and innermost.mention.end <= c.mention.end
               for c in found), f"{fragment!r} in several claims: {[c.mention.text for c in found]}"
    return innermost


def assert_offsets(article: Article, claims: tuple[ClaimMention, ...]) -> None:
    for claim in claims:
        spans = [claim.mention, claim.subject, claim.object, claim.source,
                 *claim.quantities, *claim.places, *claim.times]
        for span in spans:
            if span is not None:
                assert span.article == article.id
                assert article.body[span.start:span.end] == span.text


# --- base forms (no model) -------------------------------------------------------------------


@pytest.mark.parametrize(("word", "base"), [
    ("escaped", "escape"), ("banned", "ban"), ("supplies", "supply"), ("told", "tell"), ("tried", "try"),
    ("using", "use"), ("recorded", "record"), ("closing", "close"), ("lost", "lose"), ("killed", "kill"),
    ("added", "add"), ("estimated", "estimate"), ("planned", "plan"), ("visited", "visit"), ("caused", "cause"),
])
def test_base_form(word: str, base: str) -> None:
    assert base_form(word) == base


# --- extraction (model) ------------------------------------------------------------------------


@pytest.mark.model
def test_asserted_claim_with_its_parts(nlp) -> None:
    article, claims = claims_of(nlp, "Teskar Chemicals employs about 640 people in Kessford.")
    claim = only(claims, "employs")
    assert claim.status == "asserted" and claim.source is None and not claim.negated
    assert claim.predicate == "employ"
    assert claim.subject.text == "Teskar Chemicals"
    assert [q.text for q in claim.quantities] == ["about 640 people"]
    assert [p.text for p in claim.places] == ["Kessford"]
    assert_offsets(article, claims)


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "source"), [
    ("Plant director Ruslan Dzhabarov said that operators noticed a pressure drop in the tank at 3:40 a.m.",
     "operators noticed", "Dzhabarov"),
    ("Government inspectors recorded corrosion on the storage tank in March, a senior official said on Tuesday.",
     "recorded corrosion", "official"),
    ("According to the Orvane River Authority, more than three tonnes of dead fish were collected on Wednesday.",
     "dead fish", "Orvane River Authority"),
    ("Mayor Owen Castellane told reporters that Brenmouth had closed its drinking-water intake on Monday.",
     "closed its drinking-water intake", "Castellane"),
])
def test_attributed_claims(nlp, text: str, fragment: str, source: str) -> None:
    article, claims = claims_of(nlp, text)
    claim = only(claims, fragment)
    assert claim.source is not None and source in claim.source.text
    assert claim.status == "asserted"
    assert not any(c.predicate in ("say", "tell") for c in claims), "the speech act is not a claim"
    assert_offsets(article, claims)


@pytest.mark.model
def test_direct_quotation_is_attributed_to_its_speaker(nlp) -> None:
    text = ("Teskar spokeswoman Irena Valdaro spoke to reporters in Kessford on Tuesday.\n\n"
            "“We shut down the entire solvent line at the Kessford plant within the hour,” she said.")
    article, claims = claims_of(nlp, text)
    claim = only(claims, "shut down the entire solvent line")
    assert claim.source is not None and claim.source.text in ("Irena Valdaro", "Valdaro")
    assert_offsets(article, claims)


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "hedge"), [
    ("Iran reportedly started showing its drones to Russian officials in June.", "showing", "reportedly"),
    ("The tank may have leaked solvent into the Orvane River for several hours.", "leaked", "may"),
    ("Iran is believed to be training Russian forces at an airfield near Kashan.", "training", "believed"),
])
def test_hedged_claims_are_alleged(nlp, text: str, fragment: str, hedge: str) -> None:
    _, claims = claims_of(nlp, text)
    claim = only(claims, fragment)
    assert claim.status == "alleged" and claim.hedge == hedge


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "denier"), [
    ("Teskar denied that it had been warned the tank was unsafe.", "warned the tank was unsafe", "Teskar"),
    ("The Kremlin rejected claims that Russian officials had visited the airfield in June.",
     "Russian officials had visited", "Kremlin"),
])
def test_denied_claims(nlp, text: str, fragment: str, denier: str) -> None:
    _, claims = claims_of(nlp, text)
    claim = only(claims, fragment)
    assert claim.status == "denied"
    assert claim.source is not None and denier in claim.source.text


@pytest.mark.model
def test_existential_denial_by_a_source(nlp) -> None:
    text = "Foreign ministry spokesman Nasser Kanani said there has been no special development in Tehran recently."
    _, claims = claims_of(nlp, text)
    claim = only(claims, "no special development")
    assert claim.negated and claim.status == "denied" and "Kanani" in claim.source.text


@pytest.mark.model
def test_a_stance_not_taken_leaves_the_assertion_open(nlp) -> None:
    text = ("Iran did not confirm or reject the U.S. assertion that technological cooperation with Russia "
            "existed before the war.")
    article, claims = claims_of(nlp, text)
    claim = only(claims, "existed before the war")
    assert claim.status == "alleged", "not denied: Iran took no stand"
    assert claim.source is not None and claim.source.text == "U.S."
    assert [c.mention.text for c in claims] == [claim.mention.text], "the unanswered speech act is no claim"
    assert_offsets(article, claims)


@pytest.mark.model
def test_not_saying_whether_makes_an_open_question(nlp) -> None:
    article, claims = claims_of(nlp, "Sullivan didn’t indicate whether the drones had already been delivered.")
    claim = only(claims, "delivered")
    assert claim.mention.text.startswith("whether"), "the open question keeps its marker"
    assert claim.source is not None and claim.source.text == "Sullivan"
    assert claim.subject is not None and claim.subject.text == "the drones"
    assert_offsets(article, claims)
    _, claims = claims_of(nlp, "Teskar has not said whether he will return to the Kessford plant.")
    assert only(claims, "whether he will return").mention.text.startswith("Teskar"), "about a pronoun: kept whole"


@pytest.mark.model
def test_a_dated_disclosure_is_a_claim_beside_what_it_disclosed(nlp) -> None:
    text = ("On Monday the White House revealed intelligence that Russia and Iran are moving quickly on a drone "
            "supply pact.\n\nJohn Kirby said the deal, revealed by the White House on Monday, shows Iran's "
            "willingness to support Moscow.\n\nThe White House revealed that Iran had trained Russian pilots.")
    article, claims = claims_of(nlp, text)
    act = only(claims, "On Monday the White House revealed intelligence")
    assert act.predicate == "reveal" and "moving" not in act.mention.text
    assert only(claims, "moving quickly").source.text == "the White House"
    participle = only(claims, "revealed by the White House on Monday")
    assert participle.subject is not None and participle.subject.text == "the deal"
    undated = text.index("The White House revealed that")
    assert not any(c.predicate == "reveal" for c in claims if c.mention.start >= undated), "undated: an attribution"
    assert only(claims, "Iran had trained Russian pilots").source.text == "The White House"
    assert_offsets(article, claims)


@pytest.mark.model
def test_a_dated_statement_to_the_press_is_a_disclosure(nlp) -> None:
    text = ("“The tank was never inspected,” spokesman Odo Marren told reporters at a press briefing on Monday.\n\n"
            "“The bridge will reopen in May,” Mayor Elin Dorr said at a news conference last week.\n\n"
            "“The ban will stay,” the minister told reporters.")
    article, claims = claims_of(nlp, text)
    briefing = only(claims, "told reporters at a press briefing on Monday")
    assert briefing.predicate == "tell" and [t.text for t in briefing.times] == ["Monday"]
    assert "inspected" not in briefing.mention.text, "what was said is a claim of its own"
    assert only(claims, "said at a news conference last week").predicate == "say"
    assert not any("told reporters." in c.mention.text + "." for c in claims), "undated: an attribution"
    assert_offsets(article, claims)


@pytest.mark.model
def test_do_so_stands_for_the_verb_phrase_before_it(nlp) -> None:
    text = "The mayor asked the council to rebuild the old harbour bridge, but the council has been slow to do so."
    article, claims = claims_of(nlp, text)
    slow = only(claims, "slow to do so")
    assert slow.object is not None and slow.object.text == "rebuild the old harbour bridge"
    assert_offsets(article, claims)


@pytest.mark.model
def test_as_reported_by_is_an_attribution(nlp) -> None:
    text = "The plant's closure shows the weakness of the regional economy as reported by the Kessford Courier."
    article, claims = claims_of(nlp, text)
    shown = only(claims, "The plant's closure shows")
    assert "reported" not in shown.mention.text
    assert shown.source is not None and "Kessford Courier" in shown.source.text


@pytest.mark.model
def test_a_concern_is_held_not_stated(nlp) -> None:
    text = "The ministry delayed the vote out of concern that the harbour bridge might collapse in a storm."
    article, claims = claims_of(nlp, text)
    concern = only(claims, "the harbour bridge might collapse")
    assert concern.status == "alleged"
    assert "collapse" not in only(claims, "The ministry delayed the vote").mention.text


@pytest.mark.model
def test_a_paragraph_the_parser_hung_on_another_is_a_claim(nlp) -> None:
    text = ("He noted that Iran's drones have been used by the Huthi rebels in Yemen to attack Saudi Arabia.\n\n"
            "- Drones play key role -\n\n"
            "Drones have played a crucial role on both sides of the war in Ukraine.")
    article, claims = claims_of(nlp, text)
    claim = only(claims, "Drones have played a crucial role")
    assert claim.mention.text.startswith("Drones have played")
    assert_offsets(article, claims)


@pytest.mark.model
def test_a_relative_clause_after_a_role_modifies_the_noun_before_it(nlp) -> None:
    text = ("A day before President Joe Biden’s first trip to the Middle East as president, which included stops "
            "in Israel and Saudi Arabia, news broke of the deal.")
    _, claims = claims_of(nlp, text)
    claim = only(claims, "included stops")
    assert claim.subject is not None and claim.subject.text.endswith("first trip")


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment"), [
    ("Inspectors made no such finding at the Kessford plant in March.", "no such finding"),
    ("Teskar did not pay the fine the inspectorate imposed in April.", "did not pay"),
    ("Teskar says it was never told that the tank should be taken out of service.", "never told"),
])
def test_negated_claims(nlp, text: str, fragment: str) -> None:
    _, claims = claims_of(nlp, text)
    assert only(claims, fragment).negated


@pytest.mark.model
@pytest.mark.parametrize(("text", "quantity"), [
    ("An estimated 80,000 litres of solvent escaped from the storage tank.", "An estimated 80,000 litres"),
    ("Teskar set up a compensation fund of 6 million crowns for fishers.", "6 million crowns"),
    ("Shares in Teskar Chemicals fell 14 percent on the Sarnholm exchange.", "14 percent"),
    ("Iran is preparing to provide Russia with up to several hundred drones.", "up to several hundred drones"),
    ("More than three tonnes of dead fish were collected from the Orvane River.", "More than three tonnes"),
])
def test_quantities_with_modifiers_and_units(nlp, text: str, quantity: str) -> None:
    article, claims = claims_of(nlp, text)
    assert quantity in [q.text for c in claims for q in c.quantities]
    assert_offsets(article, claims)


@pytest.mark.model
def test_coordinated_clauses_are_separate_claims(nlp) -> None:
    text = "Inspectors recorded corrosion at the base of the tank and asked Teskar for a repair plan."
    article, claims = claims_of(nlp, text)
    recorded, asked = only(claims, "recorded corrosion"), only(claims, "asked Teskar")
    assert recorded.predicate == "record" and asked.predicate == "ask"
    assert "asked" not in recorded.mention.text
    assert asked.subject is not None and asked.subject.text == "Inspectors"
    assert_offsets(article, claims)


@pytest.mark.model
def test_relative_clauses_and_participles_are_claims(nlp) -> None:
    text = ("Teskar, which employs about 640 people in Kessford, makes industrial solvents.\n\n"
            "The ban on fishing, ordered by Environment Minister Pieter Vollan on Wednesday, has no end date.")
    article, claims = claims_of(nlp, text)
    employs = only(claims, "employs about 640 people")
    assert employs.subject is not None and employs.subject.text == "Teskar"
    ordered = only(claims, "ordered by")
    assert ordered.predicate == "order" and [t.text for t in ordered.times] == ["Wednesday"]
    assert_offsets(article, claims)


@pytest.mark.model
def test_predicate_through_light_verbs(nlp) -> None:
    _, claims = claims_of(nlp, "Putin is scheduled to visit Tehran on July 19.")
    claim = only(claims, "visit Tehran")
    assert claim.predicate == "visit"
    assert [t.text for t in claim.times] == ["July 19"]
    assert [p.text for p in claim.places] == ["Tehran"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The rebels have had trouble replenishing their ammunition, which has forced them to turn to smugglers for rifles.",
    "The farmers had difficulty selling their grain, which led them to store it in old barns near Kessford.",
])
def test_a_struggle_and_its_consequence_are_one_claim(nlp, text: str) -> None:
    # "had trouble V-ing Y": V and Y are the subject's act; ", which caused them to ...": the consequence
    article, claims = claims_of(nlp, text)
    assert [c.mention.text for c in claims] == [text.rstrip(".")]
    assert claims[0].subject is not None and claims[0].subject.text.startswith("The ")
    assert_offsets(article, claims)


@pytest.mark.model
def test_a_claim_of_evidence_leaves_out_the_event_it_names(nlp) -> None:
    text = ("The council's decision to close the Varna bridge shows its deep concern over the cracks found in March. "
            "The revelation that Teskar stored the solvent proves that the inspectorate missed the tank. "
            "The council's report shows that the bridge was closed in March.")
    article, claims = claims_of(nlp, text)
    shows = only(claims, "deep concern")
    assert shows.mention.text.startswith("shows its deep concern") and shows.predicate == "show"
    assert shows.subject is not None and shows.subject.text == "The council's decision to close the Varna bridge"
    proves = only(claims, "missed the tank")
    assert proves.mention.text.startswith("proves that") and proves.subject is not None
    assert proves.subject.text == "The revelation that Teskar stored the solvent"
    assert only(claims, "Teskar stored").mention.text == "Teskar stored the solvent"  # the event: a claim of its own
    assert not any(c.mention.text.startswith("shows that") for c in claims)  # a report names no event
    assert_offsets(article, claims)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Did the inspectors warn Teskar about Tank 4 in March?",
    "Solvent leak at Teskar plant reaches Orvane River",
    "Read the full report on the Teskar leak in Kessford.",
    "(Reporting by Pavel Orsk; Editing by Lise Montravel)",
])
def test_non_factual_lines_give_no_claims(nlp, text: str) -> None:
    _, claims = claims_of(nlp, text)
    assert claims == ()


@pytest.mark.model
def test_headline_joined_to_the_first_sentence_is_left_out(nlp) -> None:
    text = ("Solvent leak at Teskar plant reaches Orvane River\n\n"
            "KESSFORD — About 18,000 litres of solvent escaped from a storage tank at the plant on Monday.")
    article, claims = claims_of(nlp, text)
    assert claims and all(c.mention.start > text.index("KESSFORD") for c in claims)
    assert not any(c.mention.text.startswith("KESSFORD") for c in claims)
    assert_offsets(article, claims)


@pytest.mark.model
def test_doc_of_another_text_gives_no_claims(nlp) -> None:
    article = Article(id="a1", source="a1", body="Teskar employs about 640 people in Kessford.")
    assert extract_claims(article, nlp("Something else entirely was said in Sarnholm.")) == ()
    empty = Article(id="a2", source="a2", body="")
    assert extract_claims(empty, nlp("")) == ()


SENTENCES = [
    "Teskar Chemicals employs about 640 people in Kessford.",
    "“We shut down the line,” she said.",
    "Inspectors recorded corrosion in March and asked Teskar for a plan, an official said.",
    "Did Iran deliver 400 drones?",
    "Iran reportedly started training Russian forces in July.",
    "Headline Without A Stop",
    "The company denied that it had been warned.",
    "  ",
    "According to Kirby, the US had provided hundreds of drones to Ukraine by June 2022.",
]


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.sampled_from([" ", "\n\n", "\n"]))
def test_offsets_always_fit_the_body(nlp, parts: list[str], separator: str) -> None:
    article, claims = claims_of(nlp, separator.join(parts))
    assert_offsets(article, claims)
    for claim in claims:
        assert claim.status in ("asserted", "alleged", "denied")
