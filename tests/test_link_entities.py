"""link/entities.py: canonical entities across articles, roles, spelling variants (hand-built mentions)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.equipment import equipment_mentions
from storyline.link.entities import (
    entity_id,
    group_entities,
    link_entities,
    link_entity_mentions,
    speaker_mentions,
    spelling_variants,
    translit,
)
from storyline.model import Article, ArticleResult, Entity, EntityMention, Quote, Speaker


def article(article_id: str, body: str) -> Article:
    return Article(id=article_id, source=article_id, body=body)


def marks(art: Article, *spans: tuple[str, str] | tuple[str, str, int]) -> list[EntityMention]:
    """Entity mentions of `art`: (text, label) for each occurrence, or (text, label, n) for the n-th."""
    found = []
    for spec in spans:
        text, label = spec[0], spec[1]
        starts = [m.start() for m in re.finditer(re.escape(text), art.body)]
        assert starts, text
        chosen = starts if len(spec) == 2 else [starts[spec[2]]]
        found += [EntityMention(art.mention(s, s + len(text)), label) for s in chosen]
    return found


def named(entities: tuple[Entity, ...], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, [e.name for e in entities]
    return matches[0]


def holding(entities: tuple[Entity, ...], article_id: str, start: int) -> Entity:
    return next(e for e in entities if any(m.article == article_id and m.start == start for m in e.mentions))


# -- people: full names, surnames, possessives

def test_surname_and_possessive_go_to_the_full_name_within_and_across_articles():
    a = article("a", "National Security Adviser Jake Sullivan said on Monday. Sullivan’s remarks followed.")
    b = article("b", "Sullivan told reporters that the drones were delivered.")
    mentions = marks(a, ("Jake Sullivan", "PERSON"), ("Sullivan’s", "PERSON")) + marks(b, ("Sullivan", "PERSON"))
    entities = link_entities([a, b], mentions)
    assert len(entities) == 1
    sullivan = entities[0]
    assert sullivan.name == "Jake Sullivan" and sullivan.type == "PERSON"
    assert [m.text for m in sullivan.mentions] == ["Jake Sullivan", "Sullivan", "Sullivan"]
    assert {"Jake Sullivan", "Sullivan", "Sullivan’s"} <= set(sullivan.aliases)
    assert sullivan.roles == ("National Security Adviser",)
    assert [m.text for m in sullivan.role_mentions] == ["National Security Adviser"]
    assert sullivan.id == entity_id("PERSON", "Jake Sullivan")


def test_people_sharing_a_surname_are_kept_apart():
    a = article("a", "Joe Biden spoke in Washington. Biden said the talks went well.")
    b = article("b", "Hunter Biden met the committee. Biden declined to comment.")
    c = article("c", "Hunter Biden arrived after Joe Biden. Biden then left.")
    d = article("d", "Biden was not available.")
    mentions = (marks(a, ("Joe Biden", "PERSON"), ("Biden", "PERSON", 1))
                + marks(b, ("Hunter Biden", "PERSON"), ("Biden", "PERSON", 1))
                + marks(c, ("Hunter Biden", "PERSON"), ("Joe Biden", "PERSON"), ("Biden", "PERSON", 2))
                + marks(d, ("Biden", "PERSON")))
    entities = link_entities([a, b, c, d], mentions)
    joe, hunter = named(entities, "Joe Biden"), named(entities, "Hunter Biden")
    assert joe.id != hunter.id
    assert holding(entities, "a", a.body.index("Biden said")) is joe  # the one it follows
    assert holding(entities, "b", b.body.index("Biden declined")) is hunter
    # Both named before it in c, and two candidates in the story for d: unresolved.
    for art, start in (("c", c.body.index("Biden then")), ("d", 0)):
        assert holding(entities, art, start) not in (joe, hunter)


def test_given_names_must_fold_alike():
    a = article("a", "Ivana Trump and Ivanka Trump arrived. Jon Smith and John Smith left.")
    mentions = marks(a, ("Ivana Trump", "PERSON"), ("Ivanka Trump", "PERSON"), ("Jon Smith", "PERSON"),
                     ("John Smith", "PERSON"))
    assert len(link_entities([a], mentions)) == 4


def test_a_longer_form_of_a_name_is_one_person_and_no_spelling_variant():
    a = article("a", "According to Nasser Kanani Chafi, a spokeswoman for the Iranian Foreign Ministry, there is none.")
    b = article("b", "Iran's foreign ministry spokesman Nasser Kanani said it was false. Kanani added more.")
    mentions = marks(a, ("Nasser Kanani Chafi", "PERSON")) \
        + marks(b, ("Nasser Kanani", "PERSON"), ("Kanani", "PERSON", 1))
    entities = link_entities([a, b], mentions)
    assert len(entities) == 1
    kanani = entities[0]
    assert kanani.name == "Nasser Kanani Chafi"  # as many articles use each form: the fuller one
    assert set(kanani.roles) == {"spokeswoman for the Iranian Foreign Ministry", "Iran's foreign ministry spokesman"}
    assert {m.text for m in kanani.role_mentions} == set(kanani.roles)
    assert spelling_variants(entities) == []


@pytest.mark.parametrize(("body", "name", "role"), [
    ("John Kirby, a spokesman for the national security council, said so.", "John Kirby",
     "spokesman for the national security council"),
    ("Teskar spokeswoman Irena Valdaro said the company acted.", "Irena Valdaro", "Teskar spokeswoman"),
    ("Bruno Fallowes, the cooperative’s chairman. He said more.", "Bruno Fallowes", "cooperative’s chairman"),
    ("Teskar's chief operating officer, Konrad Pell, told the committee.", "Konrad Pell",
     "Teskar's chief operating officer"),
    ("It said that his deputy, Mirela Hask, would run the plant.", "Mirela Hask", "deputy"),
    ("Turkish President Recep Tayyip Erdogan will attend.", "Recep Tayyip Erdogan", "Turkish President"),
])
def test_roles_written_next_to_a_name(body, name, role):
    art = article("a", body)
    (entity,) = link_entities([art], marks(art, (name, "PERSON")))
    assert entity.roles == (role,)
    assert entity.role_mentions[0].text == role


@pytest.mark.parametrize("body", [
    "According to a White House spokesperson, Sullivan’s knowledge was based on intelligence.",
    "Dr Nadia Holm said the water was safe.",
    "On Monday, Sullivan said the drones were ready.",
])
def test_no_role_where_none_is_given(body):
    art = article("a", body)
    name = "Nadia Holm" if "Holm" in body else "Sullivan"
    (entity,) = link_entities([art], marks(art, (name, "PERSON")))
    assert entity.roles == () and entity.role_mentions == ()


def test_titles_inside_a_mention_are_roles_and_variant_role_spellings_are_one():
    a = article("a", "Spokeswoman Irena Valdaro said so. National Security Adviser Jake Sullivan agreed.")
    b = article("b", "Teskar spokesman Irena Valdaro said so. National Security Advisor Jake Sullivan agreed.")
    mentions = (marks(a, ("Spokeswoman Irena Valdaro", "PERSON"), ("Jake Sullivan", "PERSON"))
                + marks(b, ("Irena Valdaro", "PERSON"), ("Jake Sullivan", "PERSON")))
    entities = link_entities([a, b], mentions)
    valdaro, sullivan = named(entities, "Irena Valdaro"), named(entities, "Jake Sullivan")
    assert [m.text for m in valdaro.mentions] == ["Irena Valdaro", "Irena Valdaro"]
    assert {m.text for m in valdaro.role_mentions} == {"Spokeswoman", "Teskar spokesman"}
    assert len(sullivan.roles) == 1 and len(sullivan.role_mentions) == 2


# -- spellings and types

def test_transliteration_variants_are_one_entity_and_a_spelling_variant():
    a = article("a", "Plant director Ruslan Dzhabarov said it. Dzhabarov repeated it. Ruslan Dzhabarov left.")
    b = article("b", "Plant director Ruslan Djabarov has said the valve was closed.")
    mentions = (marks(a, ("Ruslan Dzhabarov", "PERSON"), ("Dzhabarov", "PERSON", 1))
                + marks(b, ("Ruslan Djabarov", "PERSON")))
    entities = link_entities([a, b], mentions)
    assert len(entities) == 1 and entities[0].name == "Ruslan Dzhabarov"
    ((entity, rare, common),) = spelling_variants(entities)
    assert entity is entities[0]
    assert [m.text for m in rare] == ["Ruslan Djabarov"]
    assert {m.text for m in common} == {"Ruslan Dzhabarov", "Dzhabarov"}


def test_houthi_and_huthi_with_disagreeing_types_are_one():
    a = article("a", "Iran gave Yemen’s Houthi rebels drones. The Houthi group denied it.")
    b = article("b", "The Huthi movement said nothing.")
    mentions = marks(a, ("Houthi", "ORG", 0), ("Houthi", "NORP", 1)) + marks(b, ("Huthi", "NORP"))
    entities = link_entities([a, b], mentions)
    assert len(entities) == 1
    assert entities[0].name == "Houthi" and set(entities[0].aliases) == {"Houthi", "Huthi"}
    ((_, rare, common),) = spelling_variants(entities)
    assert [m.text for m in rare] == ["Huthi"] and [m.text for m in common] == ["Houthi", "Houthi"]


@pytest.mark.parametrize(("first", "second"), [
    ("Zelensky", "Zelenskyy"), ("Houthi", "Huthi"), ("Dzhabarov", "Djabarov"), ("Kanani", "Kanaani"),
])
def test_transliteration_folding(first, second):
    assert translit(first) == translit(second)


@pytest.mark.parametrize(("first", "second"), [("Iran", "Iraq"), ("Joe", "Jill"), ("737", "787")])
def test_different_names_do_not_fold_alike(first, second):
    assert translit(first) != translit(second)


def test_case_possessives_and_surname_forms_are_no_spelling_variants():
    a = article("a", "KESSFORD — Teskar said. Kessford residents. Kessford's mayor. Jake Sullivan and Sullivan.")
    mentions = marks(a, ("KESSFORD", "GPE"), ("Kessford", "GPE", 0), ("Kessford's", "GPE"),
                     ("Jake Sullivan", "PERSON"), ("Sullivan", "PERSON", 1))
    entities = link_entities([a], mentions)
    assert {e.name for e in entities} == {"Kessford", "Jake Sullivan"}
    assert spelling_variants(entities) == []


def test_an_organisation_named_by_its_first_word_takes_the_organisation_type():
    a = article("a", "Teskar Chemicals owns the plant. Teskar said it acted. Teskar denied it.")
    b = article("b", "Teskar declined to comment.")
    mentions = marks(a, ("Teskar Chemicals", "ORG"), ("Teskar", "PERSON", 1), ("Teskar", "PERSON", 2)) \
        + marks(b, ("Teskar", "NORP"))
    (entity,) = link_entities([a, b], mentions)
    assert entity.name == "Teskar Chemicals" and entity.type == "ORG" and len(entity.mentions) == 4


def test_acronyms_and_company_forms():
    a = article("a", "The United States and the U.S. Air Force. Apple Inc. and Apple agreed. Singapore Airlines (SIA).")
    b = article("b", "U.S. officials said SIA would pay. Apple said so.")
    mentions = (marks(a, ("United States", "GPE"), ("U.S.", "GPE"), ("Apple Inc.", "ORG"), ("Apple", "ORG", 1),
                      ("Singapore Airlines (SIA", "ORG"))
                + marks(b, ("U.S.", "GPE"), ("SIA", "ORG"), ("Apple", "ORG")))
    entities = link_entities([a, b], mentions)
    assert len(named(entities, "United States").mentions) == 3
    assert len(named(entities, "Singapore Airlines").mentions) == 2
    assert len(named(entities, "Apple").mentions) == 3


def test_leading_the_trailing_junk_and_descriptions_are_trimmed():
    a = article("a", "the Kremlin said.\nIran\n\nThe report. European airframer Airbus and Justin Bronk of RUSI.")
    mentions = marks(a, ("the Kremlin", "ORG"), ("Iran\n\nThe", "GPE"), ("European airframer Airbus", "ORG"),
                     ("Justin Bronk of", "ORG"))
    entities = link_entities([a], mentions)
    assert {e.name for e in entities} == {"Kremlin", "Iran", "Airbus", "Justin Bronk"}
    assert named(entities, "Airbus").roles == ("European airframer",)
    for entity in entities:
        for mention in entity.mentions:
            assert a.body[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text", ["bund", "eastern", "A", "2022", "--", "Supreme Leader",
                                  "White House National Security Advisor", "Apple Computer CEO"])
def test_junk_and_roles_alone_are_dropped(text):
    art = article("a", f"x {text} y")
    mentions = marks(art, (text, "ORG"))
    entities, ids = link_entity_mentions([art], mentions)
    assert entities == () and ids == (None,)


def test_equipment_from_the_gazetteer_and_its_other_names_are_one():
    a = article("a", "Russia launched Shahed-136 drones, which it calls Geran-2, and Su-35 jets.")
    b = article("b", "The Shahed 136 is cheap. Orlan-10 drones flew.")
    mentions = [m for art in (a, b) for m in equipment_mentions(art)]
    entities = link_entities([a, b], mentions)
    shahed = named(entities, "Shahed-136")
    assert shahed.type == "EQUIPMENT"
    assert {m.text for m in shahed.mentions} == {"Shahed-136", "Geran-2", "Shahed 136"}
    assert {e.name for e in entities} == {"Shahed-136", "Su-35", "Orlan-10"}
    assert spelling_variants(entities) == []


def test_a_mention_inside_an_equipment_name_is_that_equipment():
    a = article("a", "Turkish-made Bayraktar TB2 drones.")
    mentions = marks(a, ("Bayraktar", "ORG")) + list(equipment_mentions(a))
    entities, ids = link_entity_mentions([a], mentions)
    assert [e.name for e in entities] == ["Bayraktar TB2"]
    assert ids == (entities[0].id, entities[0].id)


# -- edges and invariants

def test_empty_input():
    assert link_entities([], []) == ()
    assert group_entities([]) == ()
    assert link_entity_mentions([article("a", "Nothing here.")], []) == ((), ())
    assert spelling_variants([]) == []


def test_without_articles_names_are_still_linked():
    a = article("a", "Jake Sullivan said. Sullivan added.")
    entities = group_entities(marks(a, ("Jake Sullivan", "PERSON"), ("Sullivan", "PERSON", 1)))
    assert [(e.name, len(e.mentions), e.roles) for e in entities] == [("Jake Sullivan", 2, ())]


def test_a_story_of_one_article_most_mentioned_first_and_stable_ids():
    a = article("a", "Iran and Russia. Iran again. Vladimir Putin met Iran's leader. Putin left.")
    mentions = marks(a, ("Iran", "GPE"), ("Russia", "GPE"), ("Vladimir Putin", "PERSON"), ("Putin", "PERSON", 1))
    first = link_entities([a], mentions)
    assert [(e.name, len(e.mentions)) for e in first] == [("Iran", 3), ("Vladimir Putin", 2), ("Russia", 1)]
    assert link_entities([a], list(reversed(mentions))) == first
    assert all(e.id == entity_id(e.type, e.name) for e in first)


def test_entity_round_trip_with_role_mentions():
    a = article("a", "Mayor Owen Castellane spoke.")
    (entity,) = link_entities([a], marks(a, ("Owen Castellane", "PERSON")))
    data = json.loads(json.dumps(entity.to_dict()))
    assert data["role_mentions"][0]["text"] == "Mayor"
    assert Entity.from_dict(data) == entity
    bare = Entity(id="e", name="X", type="ORG")
    assert "role_mentions" not in bare.to_dict() and Entity.from_dict(bare.to_dict()) == bare


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="AbcIr ’'s.\n-,Kl", min_size=1, max_size=60), st.data())
def test_any_mentions_give_valid_entities(body, data):
    art = article("a", body)
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(body)), st.integers(0, 12)), max_size=8))
    labels = st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "EQUIPMENT"])
    mentions = [EntityMention(art.mention(s, min(len(body), s + n)), data.draw(labels)) for s, n in spans]
    entities, ids = link_entity_mentions([art], mentions)
    assert len(ids) == len(mentions)
    assert {i for i in ids if i} == {e.id for e in entities}
    for entity in entities:
        assert entity.mentions and entity.name
        for mention in (*entity.mentions, *entity.role_mentions):
            assert body[mention.start:mention.end] == mention.text
        assert any(c.isupper() or c.isdigit() for c in entity.name)


# -- the example story and the seeds (per-article results are built once, from stored JSON when given)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def example_entities():
    pytest.importorskip("spacy")
    from storyline.pipeline import _process, _read, _Silent
    from storyline.settings import Settings

    settings = Settings(db_path=None)
    keyed, warnings = _read([EXAMPLES], settings=settings, progress=_Silent())
    results: list[ArticleResult] = list(_process(keyed, settings=settings, progress=_Silent(),
                                                 warnings=warnings, save=lambda batch: None))
    articles = [r.article for r in results]
    mentions = [m for r in results for m in r.entities] + [m for a in articles for m in equipment_mentions(a)]
    return link_entities(articles, mentions)


@pytest.mark.model
def test_example_story_entities(example_entities):
    entities = example_entities
    valdaro = named(entities, "Irena Valdaro")
    role_words = {w.lower() for m in valdaro.role_mentions for w in m.text.split()}
    assert {"spokeswoman", "spokesman"} <= role_words
    dzhabarov = named(entities, "Ruslan Dzhabarov")
    assert {"Dzhabarov", "Ruslan Djabarov"} <= set(dzhabarov.aliases)
    variants = {e.name: ({m.text for m in rare}, {m.text for m in common})
                for e, rare, common in spelling_variants(entities)}
    assert variants["Ruslan Dzhabarov"][0] == {"Ruslan Djabarov"}
    assert named(entities, "Teskar Chemicals").type == "ORG"
    assert named(entities, "Tank 4").type == "EQUIPMENT"
    assert named(entities, "Kessford").type == "GPE"
    for person in ("Dalia Renko", "Pieter Vollan", "Owen Castellane", "Tamsin Rook", "Ines Korhaven"):
        assert named(entities, person).type == "PERSON"
        assert person.split()[-1] in named(entities, person).aliases


def test_a_name_found_speaking_as_a_person_is_a_person_whatever_its_label() -> None:
    art = article("a", "Marco Bellin of the Harbour Institute told the Courier that the dam was safe. "
                       "The Harbour Institute agreed.")
    subject = art.mention(0, art.body.index(" told"))
    quote = Quote(id="a#q1", article="a", start=art.body.index("the dam"), end=art.body.index(" was safe"),
                  text="the dam", kind="indirect", speaker=Speaker(name="Marco Bellin", mention=subject, kind="person"))
    speakers = speaker_mentions([quote])
    assert [(m.mention.text, m.mention.start) for m in speakers] == [("Marco Bellin", 0)]
    entities = link_entities([art], [*marks(art, ("Marco Bellin", "ORG"), ("Harbour Institute", "ORG")), *speakers])
    assert named(entities, "Marco Bellin").type == "PERSON" and len(named(entities, "Marco Bellin").mentions) == 1
    assert named(entities, "Harbour Institute").type == "ORG"
    unnamed = Quote(id="a#q2", article="a", start=0, end=3, text="x", kind="indirect",
                    speaker=Speaker(name="Harbour Institute", mention=subject, kind="organisation"))
    assert speaker_mentions([unnamed]) == []
    # Evidence for a name the recogniser found, never a name of its own.
    assert [e.name for e in link_entities([art], speakers)] == []
