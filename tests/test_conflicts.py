"""Factual conflicts, stance disagreements, spelling variants and novelty, on hand-made claims."""

from __future__ import annotations

import pytest

from storyline.analyze.conflicts import (
    factual_conflicts,
    gender_conflicts,
    parse_quantity,
    spelling_contradictions,
    stance_disagreements,
)
from storyline.analyze.novelty import novelty
from storyline.model import (
    Article,
    Claim,
    ClaimMention,
    Entity,
    Mention,
    Quote,
    Speaker,
    TimelineEvent,
    TimelineMention,
    Timex,
)


def article(article_id: str, body: str, outlet: str) -> Article:
    return Article(id=article_id, source=article_id, body=body, outlet=outlet)


def member(a: Article, clause: str, *, quantity: str | None = None, time: str | None = None,
           status: str = "asserted", source: str | None = None) -> ClaimMention:
    start = a.body.index(clause)
    spans = {}
    for name, part in (("quantity", quantity), ("time", time), ("source", source)):
        if part is not None:
            at = a.body.index(part)
            spans[name] = a.mention(at, at + len(part))
    return ClaimMention(mention=a.mention(start, start + len(clause)), predicate="leak",
                        quantities=(spans["quantity"],) if quantity else (),
                        times=(spans["time"],) if time else (), status=status, source=spans.get("source"))


@pytest.mark.parametrize(("first", "second", "meet"), [
    ("400 drones", "more than 400 drones", False),
    ("about 18,000 litres", "an estimated 80,000 litres", False),
    ("about 18,000 litres", "18,000 litres", True),
    ("up to several hundred UAVs", "300 drones", True),
    ("nearly 20 percent", "19%", True),
    ("at least 12 people", "10 people", False),
    ("dozens of boats", "40 boats", True),
])
def test_quantities_as_intervals(first: str, second: str, meet: bool) -> None:
    a, b = parse_quantity(first), parse_quantity(second)
    assert a is not None and b is not None
    assert a.unit == b.unit
    assert a.meets(b) is meet and b.meets(a) is meet


def test_years_and_words_without_numbers_are_not_quantities() -> None:
    assert parse_quantity("2022") is None
    assert parse_quantity("the tank") is None
    assert parse_quantity("6 million crowns").low == 6e6


def test_conflicting_amounts_in_one_claim_group() -> None:
    a = article("a", "About 18,000 litres of solvent leaked.", "Courier")
    b = article("b", "Some 18,000 litres of solvent leaked on Monday.", "Post")
    c = article("c", "An estimated 80,000 litres of solvent leaked.", "Gazette")
    members = [member(a, a.body, quantity="About 18,000 litres"), member(b, b.body, quantity="Some 18,000 litres"),
               member(c, c.body, quantity="An estimated 80,000 litres")]
    [(index, found, against)] = factual_conflicts([("18,000 litres leaked", members)], [a, b, c])
    assert index == 0 and found.kind == "factual_conflict"
    assert against == ("c",)
    minority, majority = found.sides
    assert [m.article for m in minority] == ["c"] and {m.article for m in majority} == {"a", "b"}
    assert "80,000" in found.description and "Gazette" in found.description


def test_agreeing_amounts_and_one_article_are_no_conflict() -> None:
    a = article("a", "About 18,000 litres of solvent leaked.", "Courier")
    b = article("b", "18,000 litres leaked, and 300 litres more on Friday.", "Post")
    assert factual_conflicts([("s", [member(a, a.body, quantity="About 18,000 litres"),
                                     member(b, b.body, quantity="18,000 litres")])], [a, b]) == []
    # one article giving two amounts of one unit: two things, not a conflict
    assert factual_conflicts([("s", [member(b, b.body, quantity="18,000 litres"),
                                     member(b, b.body, quantity="300 litres")])], [b]) == []


def test_conflicting_days() -> None:
    a = article("a", "Brenmouth closed its intake on Monday.", "Courier")
    b = article("b", "Brenmouth closed its intake on Tuesday.", "Post")
    c = article("c", "The town closed its intake on Monday.", "Ledger")
    timexes = {
        "a": (Timex(a.body.index("Monday"), a.body.index("Monday") + 6, "Monday", "DATE", "2025-04-07"),),
        "b": (Timex(b.body.index("Tuesday"), b.body.index("Tuesday") + 7, "Tuesday", "DATE", "2025-04-08"),),
        "c": (Timex(c.body.index("Monday"), c.body.index("Monday") + 6, "Monday", "DATE", "2025-04-07"),),
    }
    members = [member(x, x.body, time=w) for x, w in ((a, "Monday"), (b, "Tuesday"), (c, "Monday"))]
    [(_, found, against)] = factual_conflicts([("closed its intake", members)], [a, b, c], timexes)
    assert against == ("b",)
    assert "2025-04-08" in found.description and "Tuesday" in found.description


def test_spokesman_and_spokeswoman_for_one_person() -> None:
    a = article("a", "Teskar spokeswoman Irena Valdaro said so.", "Courier")
    b = article("b", "Teskar spokesman Irena Valdaro said so.", "Report")
    c = article("c", "Valdaro, a spokeswoman for Teskar, agreed.", "Post")
    roles = (a.mention(7, 18), b.mention(7, 16), c.mention(11, 22))
    person = Entity(id="e1", name="Irena Valdaro", type="PERSON", role_mentions=roles)
    [found] = gender_conflicts([person], [a, b, c])
    assert found.kind == "factual_conflict"
    assert [m.text for m in found.sides[0]] == ["spokesman"]
    assert "Irena Valdaro" in found.description
    assert gender_conflicts([Entity(id="e2", name="X", type="PERSON", role_mentions=roles[:1])], [a]) == []


def test_a_denial_against_an_assertion() -> None:
    a = article("a", "Inspectors warned Teskar about the tank, an official said.", "Wire")
    b = article("b", "Teskar denied it was warned about the tank.", "Post")
    members = [member(a, a.body, source="an official"), member(b, b.body, status="denied", source="Teskar")]
    [(_, found, against)] = stance_disagreements([("Teskar was warned", members)], [a, b])
    assert found.kind == "stance_disagreement" and against == ("b",)
    assert found.sides[0][0].article == "b" and "teskar" in found.description.lower()
    assert stance_disagreements([("s", members[:1])], [a, b]) == []


def test_spelling_variant_sides() -> None:
    a = article("a", "The Huthi rebels attacked.", "AFP")
    b = article("b", "The Houthi rebels attacked.", "Post")
    entity = Entity(id="e", name="Houthi", type="NORP")
    [found] = spelling_contradictions([(entity, (a.mention(4, 9),), (b.mention(4, 10),))], [a, b])
    assert found.kind == "spelling_variant" and found.sides[0][0].text == "Huthi"
    assert "Huthi" in found.description and "Houthi" in found.description


def test_novelty_in_publication_order() -> None:
    claims = [Claim(id="c1", statement="s", articles=("a", "b")), Claim(id="c2", statement="t", articles=("b",))]
    quotes = [Quote(id="q1", article="a", start=0, end=1, text="x", kind="direct", speaker=Speaker(), group="g"),
              Quote(id="q2", article="b", start=0, end=1, text="x", kind="direct", speaker=Speaker(), group="g"),
              Quote(id="q3", article="b", start=2, end=3, text="y", kind="direct", speaker=Speaker())]
    event = TimelineEvent(id="t1", date="2025-04", granularity="month", description="d",
                          mentions=(TimelineMention(Mention("b", 0, 1, "x"), "April"),))
    first, second = novelty(["a", "b"], claims, quotes, [event])
    assert (first.claims, first.quotes, first.events) == (("c1",), ("q1",), ())
    assert (second.claims, second.quotes, second.events) == (("c2",), ("q3",), ("t1",))
    # taken the other way round, "b" brings everything first
    b, a = novelty(["b", "a"], claims, quotes, [event])
    assert set(b.claims) == {"c1", "c2"} and a.claims == () and a.quotes == ()


def test_a_denial_answering_another_claim() -> None:
    from storyline.analyze.conflicts import stances_across_groups

    a = article("a", "Inspectors warned Teskar that the storage tank was unsafe, an official said. "
                     "Teskar denied that inspectors warned it the storage tank was unsafe.", "Wire")
    b = article("b", "Inspectors warned Teskar that the storage tank was unsafe. "
                     "Teskar denied that inspectors warned it the storage tank was unsafe.", "Post")
    assertion = [member(x, "Inspectors warned Teskar that the storage tank was unsafe") for x in (a, b)]
    denial = [member(x, "inspectors warned it the storage tank was unsafe", status="denied", source="Teskar")
              for x in (a, b)]
    [(index, found, against)] = stances_across_groups([("warned", assertion), ("denied", denial)], [a, b])
    assert index == 0 and found.kind == "stance_disagreement" and against == ()
    assert {m.article for m in found.sides[0]} == {"a", "b"} and "Teskar" in found.description
    # a denial sharing only a name with a claim answers nothing
    other = [member(x, "Inspectors warned Teskar") for x in (a, b)]
    lone = [ClaimMention(mention=x.mention(0, 10), predicate="deny", status="denied") for x in (a, b)]
    assert stances_across_groups([("w", other), ("d", lone)], [a, b]) == []


def _with_parts(m: ClaimMention, a: Article, subject: str | None = None, obj: str | None = None) -> ClaimMention:
    """`m` with its subject and object spans, looked up inside its clause."""
    from dataclasses import replace

    def span(part: str | None) -> Mention | None:
        if part is None:
            return None
        at = a.body.index(part, m.mention.start)
        return a.mention(at, at + len(part))

    return replace(m, subject=span(subject), object=span(obj))


def test_a_denial_answers_the_claim_about_the_denying_party() -> None:
    from storyline.analyze.conflicts import stances_across_groups

    teskar = Entity(id="e-teskar", name="Teskar Chemicals", type="ORG", aliases=("Teskar",))
    bodies = {
        "a": "Inspectors recorded rust and asked its owner, Teskar Chemicals, for a repair plan, an official said. "
             "The river was closed. Teskar denied that it had been warned the tank was unsafe.",
        "b": "The official said inspectors asked Teskar for a repair plan. "
             "The river was closed. Teskar denied that it had been warned the tank was unsafe.",
    }
    a, b = (article(k, v, k.upper()) for k, v in bodies.items())
    asked = [_with_parts(member(a, "asked its owner, Teskar Chemicals, for a repair plan", source="an official"),
                         a, obj="its owner"),
             _with_parts(member(b, "inspectors asked Teskar for a repair plan", source="The official"),
                         b, "inspectors", "Teskar")]
    closed = [member(x, "The river was closed") for x in (a, b)]
    denial = [member(x, "it had been warned the tank was unsafe", status="denied", source="Teskar") for x in (a, b)]
    groups = [("closed", closed), ("asked", asked), ("denied", denial)]
    [(index, found, against)] = stances_across_groups(groups, [a, b], [teskar])
    assert index == 1 and found.kind == "stance_disagreement" and against == ()
    assert {m.article for m in found.sides[1]} == {"a", "b"}
    # without the entities the denying party is not known: no shared words, no answer
    assert stances_across_groups(groups, [a, b]) == []
    # a claim told after the denial does not provoke it
    late = {k: v.split(". ", 2)[2] + " Inspectors asked Teskar for a repair plan." for k, v in bodies.items()}
    a2, b2 = (article(k, v, k.upper()) for k, v in late.items())
    asked_late = [_with_parts(member(x, "Inspectors asked Teskar for a repair plan"), x, "Inspectors", "Teskar")
                  for x in (a2, b2)]
    denial_late = [member(x, "it had been warned the tank was unsafe", status="denied", source="Teskar")
                   for x in (a2, b2)]
    assert stances_across_groups([("asked", asked_late), ("denied", denial_late)], [a2, b2], [teskar]) == []


def test_a_spokesman_denies_for_whom_he_speaks() -> None:
    from storyline.analyze.conflicts import stances_across_groups

    entities = [
        Entity(id="e-iran", name="Iran", type="GPE"),
        Entity(id="e-iranian", name="Iranian", type="NORP"),
        Entity(id="e-kanani", name="Nasser Kanani", type="PERSON", aliases=("Kanani",),
               roles=("spokesman for the Iranian Foreign Ministry",)),
        Entity(id="e-sullivan", name="Jake Sullivan", type="PERSON", roles=("national security adviser",)),
    ]
    text = ("Jake Sullivan said the Iranian government is preparing to provide Russia with several hundred drones. "
            "Kanani said there has been no special development in this relationship recently.")
    a, b = article("a", text, "Wire"), article("b", text.replace("Jake ", ""), "Post")
    supply = [_with_parts(member(x, "the Iranian government is preparing to provide Russia with several hundred",
                                 source="Sullivan"), x, "the Iranian government", "Russia") for x in (a, b)]
    denial = [member(x, "there has been no special development in this relationship recently", status="denied",
                     source="Kanani") for x in (a, b)]
    [(index, found, _)] = stances_across_groups([("supply", supply), ("denied", denial)], [a, b], entities)
    assert index == 0 and "Kanani" in found.description
    # the same claim made by the spokesman's own side is no dispute
    own = [replace_source(m, x, "Kanani") for m, x in zip(supply, (a, b))]
    assert stances_across_groups([("supply", own), ("denied", denial)], [a, b], entities) == []
    # a claim about another party is not what the spokesman answers
    other = [_with_parts(member(x, "Russia with several hundred drones", source="Sullivan"), x, "Russia")
             for x in (a, b)]
    assert stances_across_groups([("other", other), ("denied", denial)], [a, b], entities) == []


def replace_source(m: ClaimMention, a: Article, source: str) -> ClaimMention:
    from dataclasses import replace

    at = a.body.index(source)
    return replace(m, source=a.mention(at, at + len(source)))
