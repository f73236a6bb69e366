"""Text reuse between articles (link/duplicates.py): wire copies, shared passages, independence."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.link.duplicates import (
    copy_groups,
    count_independent,
    find_duplicates,
    independence_keys,
    outlet_key,
)
from storyline.model import Article
from storyline.pipeline import clean_only
from storyline.settings import Settings

# A fictional wire story and unrelated fictional reports.
WIRE = """MARLOW (ANW) — Engineers began draining the Hollin reservoir on Thursday after surveyors found a crack \
running along the base of its northern dam wall, the regional water board said.

The board said the crack, about four metres long, was discovered during a routine inspection on Tuesday and \
posed no immediate danger to the villages below the dam. Water levels will be lowered by a third over ten days.

“We are taking no chances with a structure of this age,” board chairwoman Edda Morven told reporters at the site.

The dam, completed in 1958, supplies drinking water to about 40,000 homes in Marlow and the surrounding valley. \
The board said supplies would not be interrupted while repairs were planned.

Residents of Lower Hollin were told they did not need to leave their homes, but a temporary evacuation centre \
was opened at the village school as a precaution.

An independent engineering firm has been hired to assess the wall and will report by the end of next month."""

COUNCIL = """The Brackwater town council voted on Monday to close the old covered market for a year of repairs, \
ending weeks of argument between traders and the mayor's office.

Traders had asked for the works to be done in stages so that some stalls could stay open. The council rejected \
the plan, saying the roof timbers were too badly rotted to leave any part of the hall in use.

Mayor Corin Tash said the market would reopen next spring with new drainage, lighting and a repaired glass roof. \
Temporary stalls will be set up in the car park behind the library from the first week of next month.

Several traders said they feared losing customers during the closure. A fishmonger who has kept a stall in the \
market for thirty years said the car park was too far from the bus station for older shoppers."""

FESTIVAL = """Organisers of the Quillon summer festival said ticket sales had doubled this year, helped by a new \
stage on the river meadow and a late-night programme of open-air cinema.

The festival, now in its twelfth year, expects around 18,000 visitors over four days. Local hotels said they \
were fully booked for the opening weekend.

Festival director Ansel Brye said the organisers had added shuttle buses from the railway station after \
complaints about parking last summer. Residents near the meadow have been promised that music will end at \
eleven each night."""

SCHOOL = """A primary school in Denholt will stay closed until after the holidays after a storm tore part of \
its roof away on Saturday night, the county education office said.

Pupils will be taught in classrooms borrowed from the secondary school across town, with buses laid on from \
the usual pick-up points. Parents were told of the arrangements in a letter sent home on Sunday.

The county said builders had made the site safe and that the full cost of the repairs was not yet known. \
Head teacher Ilse Varro thanked neighbours who had helped clear debris from the playground."""

FOOTER = ("\n\nFollow our newsroom on social media for the latest local headlines every day. "
          "Subscribe to the weekend edition for puzzles, recipes and the best long reads.")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def art(article_id: str, body: str, outlet: str | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", body=body, outlet=outlet)


@pytest.fixture(scope="module")
def examples() -> list[Article]:
    articles, _ = clean_only([EXAMPLES], settings=Settings(db_path=None))
    return articles


def test_wire_copies_in_the_example_corpus(examples: list[Article]) -> None:
    pairs = find_duplicates(examples)
    assert [p.articles for p in pairs] == [("05-sarnholm-ledger-wire-warning.html", "06-sallow-coast-wire-warning.txt")]
    pair = pairs[0]
    assert 0.9 <= pair.similarity <= 1.0
    # The 11 shared paragraphs are one passage, from the dateline to the paragraph on the fishing ban.
    assert len(pair.shared) == 1
    first, second = pair.shared[0]
    assert first.text.startswith("SARNHOLM (ANW) — Government inspectors") and first.text == second.text
    assert first.text.endswith("the water and the fish are safe.")
    assert "Shares in Teskar" not in first.text  # the Ledger's last paragraph is its own


def test_an_outlet_quoting_one_statement_is_not_copying(examples: list[Article]) -> None:
    # Article 10 and the wire item both quote Vollan's "The bay is clean. The river is not ..."
    pairs = find_duplicates(examples)
    assert not any("wire-feed-1.txt" in p.articles for p in pairs)


def test_identical_articles_under_different_names() -> None:
    pairs = find_duplicates([art("a", WIRE, "Marlow Echo"), art("b", COUNCIL), art("c", WIRE, "Valley Times")])
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.articles == ("a", "c") and pair.similarity == 1.0
    assert [(m.start, m.end) for m in pair.shared[0]] == [(0, len(WIRE)), (0, len(WIRE))]


def test_a_shared_paragraph_inside_an_own_report() -> None:
    wire_paragraph = WIRE.split("\n\n")[1]
    own = COUNCIL + "\n\nIn other news from the region:\n\n" + wire_paragraph + "\n\n" + FESTIVAL
    pairs = find_duplicates([art("wire", WIRE, "ANW"), art("local", own, "Brackwater Herald")])
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.articles == ("wire", "local")
    assert len(pair.shared) == 1
    in_wire, in_local = pair.shared[0]
    assert in_wire.text == in_local.text == wire_paragraph
    assert own.index(wire_paragraph) == in_local.start
    # The shorter article (the wire) has about a quarter of its words in the passage.
    assert 0.15 < pair.similarity < 0.5


def test_near_identical_sentences_still_align() -> None:
    edited = (WIRE.replace("MARLOW (ANW) — ", "")
              .replace("about four metres long", "about 4 metres long")
              .replace("posed no immediate danger", "posed no immediate risk")
              .replace("“We are taking no chances with a structure of this age,”",
                       "\"We are taking no chances with a structure of this age\","))
    pairs = find_duplicates([art("wire", WIRE), art("edited", edited)])
    assert len(pairs) == 1
    assert len(pairs[0].shared) == 1  # one passage despite the changed words
    assert 0.9 < pairs[0].similarity < 1.0


def test_unrelated_articles_give_no_pairs() -> None:
    articles = [art("w", WIRE), art("c", COUNCIL), art("f", FESTIVAL), art("s", SCHOOL)]
    assert find_duplicates(articles) == ()


def test_boilerplate_shared_by_every_article_is_not_copying() -> None:
    bodies = [WIRE, COUNCIL, FESTIVAL, SCHOOL, *_reports(4)]
    articles = [art(f"a{n}", body + FOOTER, "One Outlet") for n, body in enumerate(bodies)]
    assert find_duplicates(articles) == ()


def test_empty_and_very_short_articles() -> None:
    articles = [art("empty", ""), art("blank", "  \n\n "), art("short", "Storm."), art("short2", "Storm."),
                art("line", "Markets closed higher on a quiet day of trading."), art("w", WIRE)]
    assert find_duplicates(articles) == ()
    assert find_duplicates([]) == ()
    assert find_duplicates([art("only", WIRE)]) == ()


def test_output_order_follows_the_input_and_is_stable() -> None:
    changed = WIRE.replace("Thursday", "Friday")
    articles = [art("x", WIRE), art("c", COUNCIL), art("y", WIRE + FOOTER), art("z", changed)]
    pairs = find_duplicates(articles)
    assert [p.articles for p in pairs] == [("x", "y"), ("x", "z"), ("y", "z")]
    assert find_duplicates(articles) == pairs
    reordered = find_duplicates([articles[2], articles[1], articles[0], articles[3]])
    assert [p.articles for p in reordered] == [("y", "x"), ("y", "z"), ("x", "z")]


def test_a_widely_reprinted_wire_story_is_still_found() -> None:
    # More copies than the boilerplate limit: the copies are near-duplicates all the same.
    copies = [art(f"copy{n}", WIRE, f"Outlet {n}") for n in range(8)]
    pairs = find_duplicates([*copies, art("c", COUNCIL)])
    assert len(copy_groups(copies, pairs)) == 1
    assert all(p.similarity == 1.0 for p in pairs)


# --- independence ----------------------------------------------------------------------------


def test_two_outlets_reprinting_one_wire_story_count_once(examples: list[Article]) -> None:
    pairs = find_duplicates(examples)
    keys = independence_keys(examples, pairs)
    outlets = {a.id: outlet_key(a) for a in examples}
    wire_copies = ["05-sarnholm-ledger-wire-warning.html", "06-sallow-coast-wire-warning.txt"]
    assert len({keys[a] for a in wire_copies}) == 1
    assert count_independent(wire_copies, keys, outlets) == 1
    own_reports = ["03-sarnholm-ledger-minister.html", "09-sallow-coast-findings.html"]
    assert count_independent(own_reports, keys, outlets) == 2
    # An outlet's own report and another outlet's reprint of the wire are independent...
    assert count_independent(["03-sarnholm-ledger-minister.html", "06-sallow-coast-wire-warning.txt"],
                             keys, outlets) == 2
    # ...but the Sallow Coast Report's own report and its reprint are one outlet.
    assert count_independent(["09-sallow-coast-findings.html", "06-sallow-coast-wire-warning.txt"],
                             keys, outlets) == 1


def test_two_articles_of_one_outlet_count_once() -> None:
    articles = [art("a", COUNCIL, "The Brackwater Herald"), art("b", FESTIVAL, "Brackwater Herald"),
                art("c", SCHOOL, "Denholt Post"), art("d", WIRE, None), art("e", WIRE.replace("ANW", "AW"), "")]
    pairs = find_duplicates(articles)
    keys = independence_keys(articles, pairs)
    assert keys["a"] == keys["b"] == "brackwater herald"
    assert keys["c"] == "denholt post"
    assert keys["d"] == keys["e"] == "wire:anw"  # unknown outlets, one text, crediting a wire in its dateline
    assert len({keys[x] for x in "abc"}) == 2
    assert copy_groups(articles, pairs) == (("d", "e"),)


def test_outlet_keys() -> None:
    assert outlet_key(art("a", "", "The Sarnholm Ledger")) == outlet_key(art("b", "", "sarnholm ledger"))
    assert outlet_key(art("a", "", "www.sarnholm-ledger.com")) == "sarnholm ledger"
    assert outlet_key(art("a", "", None)) == "article:a"
    assert outlet_key(art("a", "", "  ")) == "article:a"


def test_count_independent_never_exceeds_outlets() -> None:
    keys = {"a": "copy:a", "b": "copy:a", "c": "x", "d": "y"}
    outlets = {"a": "x", "b": "z", "c": "x", "d": "y"}
    assert count_independent(["a", "b", "c", "d"], keys, outlets) == 2  # a-b copies, a-c one outlet
    assert count_independent(["b", "c"], keys, outlets) == 2
    assert count_independent([], keys, outlets) == 0
    assert count_independent(["unknown", "a"], keys, outlets) == 2


# --- properties ------------------------------------------------------------------------------

SENTENCES = [s for body in (WIRE, COUNCIL, FESTIVAL, SCHOOL) for s in body.replace("\n\n", " ").split(". ")]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(SENTENCES) - 1), max_size=12), min_size=2, max_size=5))
def test_pairs_are_well_formed(choices: list[list[int]]) -> None:
    articles = [art(f"a{n}", ". ".join(SENTENCES[i] for i in chosen)) for n, chosen in enumerate(choices)]
    order = {a.id: n for n, a in enumerate(articles)}
    bodies = {a.id: a.body for a in articles}
    for pair in find_duplicates(articles):
        first, second = pair.articles
        assert order[first] < order[second]
        assert 0.0 < pair.similarity <= 1.0
        assert pair.shared
        for one, other in pair.shared:
            assert (one.article, other.article) == (first, second)
            assert bodies[first][one.start:one.end] == one.text
            assert bodies[second][other.start:other.end] == other.text


def _reports(count: int) -> list[str]:
    """Fictional reports with nothing in common but the language."""
    rng = random.Random(4)
    nouns = ("bridge harbour orchard library council ferry quarry museum brewery tannery mill clinic "
             "lighthouse vineyard bakery foundry observatory canal chapel granary").split()
    verbs = "repaired inspected reopened sold flooded renamed expanded surveyed closed painted".split()
    places = "Arnby Belcot Corrow Dunmere Eskby Farrow Gelling Harrowby".split()
    reports = []
    for n in range(count):
        sentences = []
        for _ in range(8):
            place, noun, verb = rng.choice(places), rng.choice(nouns), rng.choice(verbs)
            sentences.append(f"The {noun} at {place} was {verb} {rng.choice(['on Monday', 'last week', 'in May'])} "
                             f"after {rng.randint(2, 90)} {rng.choice(nouns)}s were counted by {place} volunteers "
                             f"working with the {rng.choice(nouns)} trust number {n}.")
        reports.append(" ".join(sentences))
    return reports


def test_a_wire_story_counts_once_with_the_agencys_own_articles() -> None:
    from storyline.link.duplicates import independence_keys, wire_credit

    wire = Article(id="w", source="w", body="ARDEN (NWA) — The bridge closed on Monday.", outlet="Northern Wire Agency")
    reprint = Article(id="r", source="r", body="ARDEN (NWA) — The bridge closed on Monday, officials said.",
                      outlet="Valley Times")
    own = Article(id="o", source="o", body="Valley Times reporters saw the bridge close.", outlet="Valley Times")
    other = Article(id="x", source="x", body="KYIV (Reuters) - Talks resumed.", outlet="Daily Ledger")
    assert wire_credit(reprint) == "NWA" and wire_credit(own) is None
    keys = independence_keys([wire, reprint, own, other], [])
    assert keys["r"] == keys["w"] != keys["o"]
    assert keys["x"] == "wire:reuters"
