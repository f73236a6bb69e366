"""Claims grouped across articles: rewordings, differing numbers and dates, denials, stories,
independence, and what keeps two facts apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.link.claims import ClaimGroup, group_claims, parse_quantity, statement, verb_key, word_key
from storyline.model import Article, ClaimMention, Entity, Mention, Published, Story, Timex

# --- hand-built inputs (no model) --------------------------------------------------------------


def article(article_id: str, body: str, *, outlet: str | None = None, date: str | None = None) -> Article:
    return Article(id=article_id, source=article_id, body=body, outlet=outlet,
                   published=Published(date=date, earliest=date, latest=date, method="metadata" if date else "unknown"))


def span(art: Article, text: str, within: Mention | None = None) -> Mention:
    start = art.body.index(text, within.start if within else 0)
    return art.mention(start, start + len(text))


def claim(art: Article, text: str, predicate: str, *, subject: str | None = None, quantities: tuple[str, ...] = (),
          negated: bool = False, status: str = "asserted", source: str | None = None,
          obj: str | None = None) -> ClaimMention:
    mention = span(art, text)
    return ClaimMention(
        mention=mention, predicate=predicate,
        subject=span(art, subject) if subject else None,
        object=span(art, obj, mention) if obj else None,
        quantities=tuple(span(art, q, mention) for q in quantities),
        negated=negated, status=status, source=span(art, source) if source else None,
    )


def group_of(groups: list[ClaimGroup], article_id: str, fragment: str) -> ClaimGroup:
    found = [g for g in groups for m in g.members if m.mention.article == article_id and fragment in m.mention.text]
    assert len(found) == 1, f"{fragment!r} of {article_id} in {len(found)} groups"
    return found[0]


def test_empty_input_gives_no_groups() -> None:
    assert group_claims([], {}) == []
    assert group_claims([article("a", "Nothing here.")], {"a": ()}) == []


def test_one_article_claims_stand_alone() -> None:
    a = article("a", "Teskar employs about 640 people in Kessford. Teskar makes solvents in Kessford.", outlet="Post")
    claims = {"a": [claim(a, "Teskar employs about 640 people in Kessford", "employ", subject="Teskar",
                          quantities=("about 640 people",)),
                    claim(a, "Teskar makes solvents in Kessford", "make", subject="Teskar")]}
    groups = group_claims([a], claims)
    assert len(groups) == 2
    for group in groups:
        assert group.claim.outlets == 1 and group.claim.independent_outlets == 1
        assert group.claim.articles == ("a",) and group.claim.id.startswith("claim-")
        assert group.claim.status == "asserted"
    again = group_claims([a], claims)
    assert [g.claim.id for g in again] == [g.claim.id for g in groups], "ids are stable"


def test_same_fact_reworded_is_one_group() -> None:
    a = article("a", "About 18,000 litres of solvent escaped from the storage tank at the Teskar plant.", outlet="A")
    b = article("b", "A storage tank at the Teskar plant lost about 18,000 litres of chlorinated solvent.", outlet="B")
    claims = {
        "a": [claim(a, "About 18,000 litres of solvent escaped from the storage tank at the Teskar plant", "escape",
                    quantities=("About 18,000 litres",))],
        "b": [claim(b, "A storage tank at the Teskar plant lost about 18,000 litres of chlorinated solvent", "lose",
                    quantities=("about 18,000 litres",))],
    }
    groups = group_claims([a, b], claims)
    assert len(groups) == 1
    assert groups[0].claim.articles == ("a", "b") and groups[0].claim.outlets == 2
    assert len(groups[0].claim.mentions) == 2


def test_differing_numbers_and_dates_still_one_group() -> None:
    a = article("a", "An estimated 80,000 litres of solvent escaped from the storage tank on Monday.", outlet="A")
    b = article("b", "About 18,000 litres of solvent escaped from the storage tank on Tuesday.", outlet="B")
    claims = {
        "a": [claim(a, "An estimated 80,000 litres of solvent escaped from the storage tank on Monday", "escape",
                    quantities=("An estimated 80,000 litres",))],
        "b": [claim(b, "About 18,000 litres of solvent escaped from the storage tank on Tuesday", "escape",
                    quantities=("About 18,000 litres",))],
    }
    monday, tuesday = a.body.index("Monday"), b.body.index("Tuesday")
    timexes = {"a": [Timex(monday, monday + 6, "Monday", "DATE", "2025-04-07")],
               "b": [Timex(tuesday, tuesday + 7, "Tuesday", "DATE", "2025-04-08")]}
    groups = group_claims([a, b], claims, timexes=timexes)
    assert len(groups) == 1 and groups[0].claim.articles == ("a", "b")


def test_denial_is_grouped_with_what_it_denies() -> None:
    a = article("a", "Inspectors had warned Teskar that the tank was unsafe, an official said.", outlet="A")
    b = article("b", "Teskar denied that it had been warned the tank was unsafe.", outlet="B")
    claims = {
        "a": [claim(a, "Inspectors had warned Teskar that the tank was unsafe", "warn", subject="Inspectors",
                    source="an official")],
        "b": [claim(b, "it had been warned the tank was unsafe", "warn", subject="it", status="denied",
                    source="Teskar")],
    }
    groups = group_claims([a, b], claims)
    assert len(groups) == 1
    assert groups[0].claim.status == "disputed"
    assert set(groups[0].claim.attributed_to) == {"official", "Teskar"}


def test_different_facts_about_the_same_names_stay_apart() -> None:
    body = ("Teskar employs about 640 people in Kessford. Teskar set up a compensation fund in Kessford. "
            "Teskar makes cleaning agents and solvents in Kessford.")
    a = article("a", body, outlet="A")
    b = article("b", body.replace("Teskar", "Teskar Chemicals"), outlet="B")
    claims = {
        art.id: [claim(art, art.body.split(". ")[0], "employ", quantities=("about 640 people",)),
                 claim(art, art.body.split(". ")[1], "set"),
                 claim(art, art.body.split(". ")[2].rstrip("."), "make")]
        for art in (a, b)
    }
    groups = group_claims([a, b], claims)
    assert len(groups) == 3
    assert all(g.claim.articles == ("a", "b") for g in groups)


@pytest.mark.parametrize(("first", "second", "predicates"), [
    ("Iran supplied hundreds of drones to Russia in July", "The US supplied hundreds of drones to Ukraine in July",
     ("supply", "supply")),
    ("Essaria lifted its fishing ban on Sallow Bay", "Essaria imposed a fishing ban on Sallow Bay", ("lift", "impose")),
])
def test_what_keeps_two_claims_apart(first: str, second: str, predicates: tuple[str, str]) -> None:
    a, b = article("a", first + ".", outlet="A"), article("b", second + ".", outlet="B")
    entities = []
    for art, text in ((a, first), (b, second)):
        for name, kind in (("Iran", "GPE"), ("Russia", "GPE"), ("US", "GPE"), ("Ukraine", "GPE")):
            if f"{name} " in text or text.endswith(name):
                entities.append(Entity(id=f"ent-{name}-{art.id}", name=name, type=kind,
                                       mentions=(span(art, name),)))
    claims = {"a": [claim(a, first, predicates[0], subject=first.split(" supplied")[0].split(" lifted")[0])],
              "b": [claim(b, second, predicates[1], subject=second.split(" supplied")[0].split(" imposed")[0])]}
    assert len(group_claims([a, b], claims, entities=entities)) == 2


@pytest.mark.parametrize(("first", "second", "predicates"), [
    ("technological cooperation with Russia existed before the war",
     "the country's technological cooperation with Russia predates the invasion of Ukraine", ("exist", "predate")),
    ("On Monday the White House revealed intelligence on the drone deal",
     "the White House announced intelligence on the drone deal on July 11", ("reveal", "announce")),
    ("Iran has pushed for deeper ties with Russia", "Iran is strengthening its ties with Russia",
     ("push", "strengthen")),
    ("The Ukrainian military used Turkish-built Bayraktar drones to target Russian command posts",
     "Ukraine's forces have had particular success in using Turkish-made Bayraktar armed drones", ("target", "have")),
])
def test_news_wordings_of_one_fact_are_one_group(first: str, second: str, predicates: tuple[str, str]) -> None:
    a, b = article("a", first + ".", outlet="A"), article("b", second + ".", outlet="B")
    claims = {"a": [claim(a, first, predicates[0])], "b": [claim(b, second, predicates[1])]}
    assert len(group_claims([a, b], claims)) == 1


def test_an_elaboration_after_the_object_weighs_less() -> None:
    first = ("Drones have played a crucial role in the war in Ukraine, for everything from firing guided missiles "
             "from a long distance to dropping small bombs on armoured targets and conducting aerial reconnaissance")
    second = "Drones have become a crucial component of the war between Russia and Ukraine"
    a, b = article("a", first + ".", outlet="A"), article("b", second + ".", outlet="B")
    claims = {"a": [claim(a, first, "play", subject="Drones", obj="a crucial role")],
              "b": [claim(b, second, "become", subject="Drones", obj="a crucial component")]}
    assert len(group_claims([a, b], claims)) == 1
    unweighted = {"a": [claim(a, first, "play", subject="Drones")], "b": claims["b"]}
    assert len(group_claims([a, b], unweighted)) == 2, "without an object there is no elaboration to tell"


@pytest.mark.parametrize(("first", "second"), [
    ("The ministry has not said how long the fishing ban on Sallow Bay will last",
     "The ministry lifted the fishing ban on Sallow Bay on Monday"),
    ("The fishing ban on Sallow Bay will not be lifted until fish samples are clean",
     "The ministry lifted the fishing ban on Sallow Bay on Monday"),
    ("It is unclear whether Iran has delivered any of the drones to Russia",
     "Iran has delivered hundreds of drones to Russia"),
])
def test_an_open_question_or_a_condition_is_not_the_fact(first: str, second: str) -> None:
    a, b = article("a", first + ".", outlet="A"), article("b", second + ".", outlet="B")
    claims = {"a": [claim(a, first, "say")], "b": [claim(b, second, "lift")]}
    assert len(group_claims([a, b], claims)) == 2


@pytest.mark.parametrize(("first", "second"), [
    ("technological", "technologies"), ("before", "predated"), ("revealed", "announces"), ("invasion", "conflict"),
    ("deeper", "strengthening"), ("critical", "crucial"), ("military", "forces"), ("intention", "planned"),
    ("invading", "invasion"),
])
def test_word_keys_join_news_wordings(first: str, second: str) -> None:
    assert word_key(first) == word_key(second) != ""


def test_one_disclosure_act_however_worded_is_one_group() -> None:
    """An event-level match: one named actor (here the host of a press briefing its spokesman
    spoke at), an act of making public, a day within the week the other names."""
    first = "On Tuesday the Harbour Authority revealed the inspection report"
    second = "spokesman Odo Marren told reporters at a Harbour Authority press briefing last week"
    a = article("a", first + ".", outlet="A", date="2025-04-09")
    b = article("b", second + ".", outlet="B", date="2025-04-16")
    entities = [Entity(id="ent-authority", name="Harbour Authority", type="ORG",
                       mentions=(span(a, "Harbour Authority"), span(b, "Harbour Authority"))),
                Entity(id="ent-marren", name="Odo Marren", type="PERSON", mentions=(span(b, "Odo Marren"),))]
    tuesday, week = a.body.index("Tuesday"), b.body.index("last week")
    timexes = {"a": [Timex(tuesday, tuesday + 7, "Tuesday", "DATE", "2025-04-08")],
               "b": [Timex(week, week + 9, "last week", "DATE", "2025-W15")]}
    claims = {"a": [claim(a, first, "reveal", subject="the Harbour Authority", obj="the inspection report")],
              "b": [claim(b, second, "tell", subject="spokesman Odo Marren", obj="reporters")]}
    groups = group_claims([a, b], claims, entities=entities, timexes=timexes)
    assert len(groups) == 1, "a day within the week: one act"
    other_week = {"a": timexes["a"], "b": [Timex(week, week + 9, "last week", "DATE", "2025-W17")]}
    assert len(group_claims([a, b], claims, entities=entities, timexes=other_week)) == 2, "another week"
    assert len(group_claims([a, b], claims, entities=entities)) == 2, "undated: no act to compare"
    hostless = b.body.replace("a Harbour Authority press briefing", "a press briefing at the Harbour Authority")
    c = article("b", hostless, outlet="B", date="2025-04-16")
    moved = [Entity(id="ent-authority", name="Harbour Authority", type="ORG",
                    mentions=(span(a, "Harbour Authority"), span(c, "Harbour Authority"))),
             Entity(id="ent-marren", name="Odo Marren", type="PERSON", mentions=(span(c, "Odo Marren"),))]
    week = c.body.index("last week")
    claims["b"] = [claim(c, hostless.rstrip("."), "tell", subject="spokesman Odo Marren", obj="reporters")]
    timexes["b"] = [Timex(week, week + 9, "last week", "DATE", "2025-W15")]
    assert len(group_claims([a, c], claims, entities=moved, timexes=timexes)) == 2, "not the host: another actor"


def test_a_pro_verb_counts_as_the_verb_phrase_it_stands_for() -> None:
    first = "The council has voted to rebuild the old harbour bridge"
    second = "Mayor Elin Dorr asked the council to rebuild the old harbour bridge, but it has been slow to do so"
    a, b = article("a", first + ".", outlet="A"), article("b", second + ".", outlet="B")
    resolved = claim(b, "it has been slow to do so", "be", subject="it")
    resolved = ClaimMention(mention=resolved.mention, predicate="be", subject=resolved.subject,
                            object=span(b, "rebuild the old harbour bridge"))
    claims = {"a": [claim(a, first, "rebuild", subject="The council")], "b": [resolved]}
    assert len(group_claims([a, b], claims)) == 1
    unresolved = ClaimMention(mention=resolved.mention, predicate="be", subject=resolved.subject)
    assert len(group_claims([a, b], {"a": claims["a"], "b": [unresolved]})) == 2


@pytest.mark.parametrize(("first", "second", "apart"), [
    ("The ministry has been debating whether to close the Sallow Bay fishery",
     "The ministry has been hesitant to close the Sallow Bay fishery", False),
    ("The ministry is reluctant to close the Sallow Bay fishery",
     "The ministry is weighing whether to close the Sallow Bay fishery", False),
    ("The ministry has been hesitant to close the Sallow Bay fishery",
     "The ministry closed the Sallow Bay fishery", True),
])
def test_an_act_weighed_is_not_the_act_done(first: str, second: str, apart: bool) -> None:
    a, b = article("a", first + ".", outlet="A"), article("b", second + ".", outlet="B")
    claims = {"a": [claim(a, first, "be")], "b": [claim(b, second, "close" if apart else "be")]}
    assert len(group_claims([a, b], claims)) == (2 if apart else 1)


def test_word_keys_leave_out_negations_and_hedges() -> None:
    assert word_key("didn’t") == word_key("wasn't") == word_key("allegedly") == ""
    assert word_key("Meanwhile") == word_key("additionally") == word_key("however") == "", "connectives"
    assert verb_key("predate") == word_key("before")


def test_a_capital_stands_for_its_country() -> None:
    """A capital ("Kyiv") stands for its country; the same supplier with another recipient is another fact."""
    first = "the United States has supplied Kyiv with small Switchblade drones"
    second = "the U.S. has supplied Ukraine with small Switchblade drones"
    third = "the U.S. has supplied Russia with small Switchblade drones"
    arts = [article(x, text + ".", outlet=x.upper()) for x, text in (("a", first), ("b", second), ("c", third))]
    names = {"a": ("United States", "Kyiv"), "b": ("U.S.", "Ukraine"), "c": ("U.S.", "Russia")}
    entities = [Entity(id=f"ent-{art.id}-{n}", name=name, type="GPE", mentions=(span(art, name),))
                for art in arts for n, name in enumerate(names[art.id])]
    claims = {art.id: [claim(art, art.body.rstrip("."), "supply", subject=names[art.id][0])] for art in arts}
    groups = group_claims(arts, claims, entities=entities)
    assert sorted(g.claim.articles for g in groups) == [("a", "b"), ("c",)]


def test_canonical_entities_and_spelling_variants_agree() -> None:
    a = article("a", "Iran's drones were used by the Houthi rebels to attack Saudi Arabia, Jake Sullivan said.")
    b = article("b", "Iranian drones have been used by Huthi rebels in Yemen to attack Saudi Arabia, Sullivan noted.")
    sullivan = Entity(id="ent-sullivan", name="Jake Sullivan", type="PERSON",
                      mentions=(span(a, "Jake Sullivan"), span(b, "Sullivan")))
    saudi = Entity(id="ent-saudi", name="Saudi Arabia", type="GPE",
                   mentions=(span(a, "Saudi Arabia"), span(b, "Saudi Arabia")))
    claims = {"a": [claim(a, "Iran's drones were used by the Houthi rebels to attack Saudi Arabia", "attack",
                          source="Jake Sullivan")],
              "b": [claim(b, "Iranian drones have been used by Huthi rebels in Yemen to attack Saudi Arabia", "attack",
                          source="Sullivan")]}
    groups = group_claims([a, b], claims, entities=[sullivan, saudi])
    assert len(groups) == 1
    assert groups[0].claim.attributed_to == ("Jake Sullivan",)


def test_claims_are_grouped_only_within_a_story() -> None:
    text = "Brenmouth closed its drinking-water intake on the Orvane River."
    arts = [article(x, text, outlet=x.upper()) for x in "abc"]
    claims = {art.id: [claim(art, text.rstrip("."), "close")] for art in arts}
    stories = [Story("s1", ("a", "b")), Story("s2", ("c",))]
    groups = group_claims(arts, claims, stories=stories)
    assert sorted(g.claim.articles for g in groups) == [("a", "b"), ("c",)]
    assert {g.claim.articles: g.claim.story for g in groups} == {("a", "b"): "s1", ("c",): "s2"}
    assert len(group_claims(arts, claims)) == 1, "without stories all articles are one story"


def test_wire_copies_count_once_among_independent_outlets() -> None:
    text = "Government inspectors recorded corrosion on the storage tank in March."
    arts = [article("ledger", text, outlet="The Sarnholm Ledger"), article("coast", text, outlet="Sallow Coast Report"),
            article("post", "Inspectors had recorded corrosion on the storage tank in March.", outlet="Orvane Post")]
    claims = {art.id: [claim(art, art.body.rstrip("."), "record")] for art in arts}
    independence = {"ledger": "Allied News Wire", "coast": "Allied News Wire", "post": "Orvane Post"}
    [group] = group_claims(arts, claims, independence=independence)
    assert group.claim.outlets == 3 and group.claim.independent_outlets == 2
    [group] = group_claims(arts, claims)
    assert group.claim.independent_outlets == 3


def test_statement_status_and_order() -> None:
    later = article("later", "Reportedly, the fishing ban on Sallow Bay was lifted on Monday by the ministry.",
                    outlet="A", date="2025-05-13")
    early = article("early", "The ministry lifted the fishing ban on Sallow Bay on Monday, officials said.",
                    outlet="B", date="2025-05-12")
    lone = article("lone", "Brenmouth waived harbour mooring fees for April.", outlet="C", date="2025-04-01")
    claims = {
        "later": [claim(later, "the fishing ban on Sallow Bay was lifted on Monday by the ministry", "lift",
                        status="alleged")],
        "early": [claim(early, "The ministry lifted the fishing ban on Sallow Bay on Monday", "lift",
                        source="officials")],
        "lone": [claim(lone, "Brenmouth waived harbour mooring fees for April", "waive")],
    }
    groups = group_claims([later, early, lone], claims)
    assert [g.claim.articles for g in groups] == [("early", "later"), ("lone",)], "most outlets first"
    first = groups[0]
    assert first.claim.statement == "The ministry lifted the fishing ban on Sallow Bay on Monday."
    assert first.members[0].mention.article == "early", "members in publication order"
    assert first.claim.status == "asserted"
    only_alleged = group_claims([later], {"later": claims["later"]})
    assert only_alleged[0].claim.status == "alleged"
    denied = claim(early, "The ministry lifted the fishing ban on Sallow Bay on Monday", "lift", status="denied",
                   source="officials")
    assert group_claims([early], {"early": [denied]})[0].claim.status == "denied"


def test_statement_adds_the_subject_a_clause_leaves_out() -> None:
    art = article("a", "Teskar, which employs about 640 people in Kessford, makes solvents.")
    mention = claim(art, "employs about 640 people in Kessford", "employ", subject="Teskar")
    assert statement(mention) == "Teskar employs about 640 people in Kessford."


def test_news_wording_of_stocks_losses_and_seeking_help_is_one_word() -> None:
    assert word_key("inventory") == word_key("arsenal") == word_key("stockpile") == word_key("stock")
    assert word_key("depleting") == word_key("losses") == word_key("shortage")
    assert word_key("replenishing") == word_key("restock") == word_key("resupplied")
    assert word_key("implies") == word_key("proves") == word_key("shows") == word_key("reflection")
    assert word_key("severe") == word_key("heavy") == word_key("significant")
    assert word_key("they're") == word_key("we've") == ""  # a pronoun with its verb: no content
    x = article("x", "Velmar has turned to Kessford to help replenish its inventory of pumps.", outlet="X")
    y = article("y", "Velmar has had trouble replenishing its stock of pumps, which has caused it to look to "
                     "Kessford for spares.", outlet="Y")
    z = article("z", "Velmar sold pumps to Kessford in May.", outlet="Z")
    claims = {"x": [claim(x, "Velmar has turned to Kessford to help replenish its inventory of pumps", "turn",
                          subject="Velmar")],
              "y": [claim(y, y.body.rstrip("."), "have", subject="Velmar")],
              "z": [claim(z, "Velmar sold pumps to Kessford in May", "sell", subject="Velmar")]}
    groups = group_claims([x, y, z], claims)
    assert group_of(groups, "x", "turned").claim.articles == ("x", "y")
    assert group_of(groups, "z", "sold").claim.articles == ("z",)


def test_the_event_a_claim_of_evidence_names_weighs_less() -> None:
    # "X's plan to ... shows ...": the claim is what the plan shows; the plan itself is stated elsewhere
    a = article("a", "Teskar's plan to buy new pumps from Velmar shows its urgent need for water.", outlet="A")
    c = article("c", "Teskar plans to buy new pumps from Velmar, the firm said.", outlet="C")
    d = article("d", "The mayor said the town has an urgent need for water.", outlet="D")
    claims = {
        "a": [claim(a, "shows its urgent need for water", "show",
                    subject="Teskar's plan to buy new pumps from Velmar")],
        "c": [claim(c, "Teskar plans to buy new pumps from Velmar", "buy", subject="Teskar")],
        "d": [claim(d, "the town has an urgent need for water", "have", subject="the town")],
    }
    groups = group_claims([a, c, d], claims)
    assert group_of(groups, "a", "shows").claim.articles == ("a", "d")
    assert group_of(groups, "c", "plans").claim.articles == ("c",)


def test_the_event_a_claim_of_evidence_names_is_no_actor_of_it() -> None:
    a = article("a", "Teskar's plan to buy pumps from Velmar shows its urgent need to make up heavy losses after "
                     "the flood.", outlet="A")
    b = article("b", "The revelation that Velmar sold the pumps proves that the flood came at the severe cost of "
                     "depleting Teskar's stock.", outlet="B")
    claims = {
        "a": [claim(a, "shows its urgent need to make up heavy losses after the flood", "show",
                    subject="Teskar's plan to buy pumps from Velmar")],
        "b": [claim(b, "Velmar sold the pumps", "sell", subject="Velmar"),
              claim(b, "proves that the flood came at the severe cost of depleting Teskar's stock", "prove",
                    subject="The revelation that Velmar sold the pumps")],
    }
    entities = [Entity(id="ent-teskar", name="Teskar", type="ORG", mentions=(span(a, "Teskar"), span(b, "Teskar"))),
                Entity(id="ent-velmar", name="Velmar", type="ORG", mentions=(span(a, "Velmar"), span(b, "Velmar")))]
    groups = group_claims([a, b], claims, entities=entities)
    # Velmar sells, it does not reveal: the two claims of evidence are one (heavy losses, a severe cost)
    assert group_of(groups, "b", "proves").claim.articles == ("a", "b")
    assert group_of(groups, "b", "sold").claim.articles == ("b",)


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("about 18,000 litres", "litr", 18000), ("6 million crowns", "crown", 6_000_000), ("14 percent", "percent", 14),
    ("More than three tonnes", "tonn", 3), ("hundreds of drones", "drone", None), ("41 boats", "boat", 41),
])
def test_parse_quantity(text: str, unit: str, value: float | None) -> None:
    assert parse_quantity(text) == (unit, value)


def test_claims_of_unknown_articles_are_ignored() -> None:
    a = article("a", "Teskar employs about 640 people in Kessford.")
    stray = claim(a, "Teskar employs about 640 people in Kessford", "employ")
    assert group_claims([a], {"missing": [stray]}) == []


# --- the example story (model) -----------------------------------------------------------------


@pytest.mark.model
def test_example_story_groups_its_main_claims(examples_dir: Path) -> None:
    from storyline.extract.claims import extract_claims
    from storyline.extract.entities import extract_entities
    from storyline.extract.quotes import extract_quotes
    from storyline.link.entities import group_entities
    from storyline.nlp import load_pipeline
    from storyline.pipeline import COMPONENTS, clean_only, story_time
    from storyline.settings import Settings

    articles, _ = clean_only([examples_dir], settings=Settings(db_path=None))
    nlp = load_pipeline(None, components=COMPONENTS)
    claims, mentions = {}, []
    for art, doc in zip(articles, nlp.pipe([a.body for a in articles]), strict=True):
        quotes, _ = extract_quotes(art, doc)
        claims[art.id] = extract_claims(art, doc, quotes)
        mentions.extend(extract_entities(art, doc))
    dated, timexes, _, _ = story_time(articles)
    groups = group_claims(dated, claims, entities=group_entities(mentions), timexes=timexes)
    bodies = {a.id: a.body for a in dated}
    for group in groups:
        for m in group.claim.mentions:
            assert bodies[m.article][m.start:m.end] == m.text

    def spanning(*fragments: str) -> set[str]:
        found = [g for g in groups if all(any(f in m.mention.text for m in g.members) for f in fragments)]
        assert found, fragments
        return set(found[0].claim.articles)

    # the leak, with the Gazette's 80,000 litres beside the others' 18,000
    leak = spanning("18,000 litres", "80,000 litres")
    assert len({a[:2] for a in leak}) >= 7
    assert len({a[:2] for a in spanning("three tonnes of dead fish")}) >= 5
    assert len({a[:2] for a in spanning("drinking-water intake")}) >= 4


# --- statements: one readable sentence of the article's words ----------------------------------


def test_statement_puts_back_a_pronoun_subject_a_coordinated_verb_leaves_out() -> None:
    art = article("a", "“We shut down the line and alerted the river authority within the hour,” she said.")
    mention = claim(art, "alerted the river authority within the hour", "alert", subject="We")
    assert statement(mention) == "We alerted the river authority within the hour."


def test_statement_shows_a_participle_that_modifies_its_subject_as_a_passive() -> None:
    art = article("a", "Bellin said the plan, revealed by the council on Monday, shows its need for money.")
    mention = claim(art, "revealed by the council on Monday", "reveal", subject="the plan")
    assert statement(mention, article=art) == "The plan was revealed by the council on Monday."
    art = article("b", "The ferries bought by the port last year and repaired in May are running again.")
    mention = claim(art, "bought by the port last year", "buy", subject="The ferries")
    assert statement(mention, article=art) == "The ferries were bought by the port last year."
    art = article("c", "The council met on Monday and voted by a show of hands to close the port.")
    mention = claim(art, "voted by a show of hands to close the port", "vote", subject="The council")
    assert statement(mention, article=art) == "The council voted by a show of hands to close the port."


def test_statement_leaves_out_a_subject_the_verb_does_not_agree_with() -> None:
    art = article("a", "It is a compound used to degrease metal parts, which breaks down slowly in mud.")
    mention = claim(art, "breaks down slowly in mud", "break", subject="metal parts")
    assert statement(mention) == "Breaks down slowly in mud."


def test_statement_drops_a_complementizer_the_parse_left_in_the_subject() -> None:
    art = article("a", "Pell said it was a note, and that repairs to Tank 4 had been scheduled for July.")
    mention = claim(art, "that repairs to Tank 4 had been scheduled for July", "schedule", subject="that repairs")
    assert statement(mention, article=art) == "Repairs to Tank 4 had been scheduled for July."
    art = article("b", "The tank failed along a weld seam that corrosion had thinned to half its thickness.")
    mention = claim(art, "that corrosion had thinned to half its thickness", "thin", subject="that corrosion")
    assert statement(mention, article=art) == "Corrosion had thinned to half its thickness."
    art = article("c", "Renko said that question would be addressed in the final report.")
    mention = claim(art, "that question would be addressed in the final report", "address",
                    subject="that question")
    assert statement(mention, article=art) == "That question would be addressed in the final report."


def test_statement_names_a_pronoun_subject_by_its_source() -> None:
    art = article("a", "Teskar denied that it had been warned the tank was unsafe.")
    teskar = Entity(id="e1", name="Teskar", type="ORG", mentions=(span(art, "Teskar"),))
    mention = claim(art, "it had been warned the tank was unsafe", "warn", subject="it", source="Teskar",
                    status="denied")
    assert statement(mention, entities=[teskar]) == "Teskar had been warned the tank was unsafe."
    assert statement(mention) == "It had been warned the tank was unsafe."  # no entity: as written
    unclear = claim(art, "it had been warned the tank was unsafe", "warn", subject="it", source="Teskar")
    assert statement(unclear, entities=[Entity(id="e2", name="Teskar", type="PERSON",
                                               mentions=(span(art, "Teskar"),))]).startswith("It ")


def test_statement_shows_a_time_clause_with_the_clause_it_times() -> None:
    art = article("a", "“Once we understood the scale of the leak, we shut down the line,” she said.")
    mention = claim(art, "we understood the scale of the leak", "understand", subject="we")
    assert statement(mention, article=art) == "Once we understood the scale of the leak, we shut down the line."
    assert statement(mention) == "We understood the scale of the leak."
