"""Articles grouped into stories (link/stories.py), and headline lists kept apart."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.link.stories import cluster_stories, is_headline_list
from storyline.model import Article, EntityMention
from storyline.pipeline import clean_only
from storyline.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"

# --- a generator of fictional stories ---------------------------------------------------------

SYLLABLES = ("ka lo mi ren tas vol dor bri sen tu gar el ni ost pra vek hal mun dri zo fen cal ru bel tor ang "
             "is wen qua lus mar ber tin sol hav kel jor pim").split()
GENERIC = ("officials said the government would review the matter, while local residents asked for more "
           "information about what happens next and the authorities promised an update later this week, "
           "according to a statement released by the regional office on the same day").split()
TOPICS = {
    "flood": "flood river levee rain water pumps sandbags evacuation rescue boats shelters",
    "strike": "strike union wages nurses hospital shifts pay talks picket negotiators contract",
    "fraud": "fraud bank loans audit accounts investors prosecutors shares scandal auditors",
    "fire": "wildfire forest smoke firefighters hectares blaze winds crews evacuated embers",
    "quake": "earthquake tremor magnitude aftershocks rubble buildings collapsed rescuers epicentre",
    "election": "election ballots candidate campaign polls turnout recount votes councillors",
    "mine": "mine miners collapse shaft rescue copper tunnel trapped drilling oxygen",
    "theft": "museum painting theft gallery thieves alarm canvas detectives insurers auction",
    "ferry": "ferry sinking coastguard passengers harbour captain lifeboats hull crossing",
    "cyber": "hackers cyberattack servers ransom breach passwords encrypted systems outage",
    "zoo": "zoo tiger enclosure keepers escape tranquilliser visitors fence sighting",
    "rail": "railway derailment carriages signals track commuters station inquiry freight",
}
OUTLET_WORDS = "Courier Herald Gazette Post Ledger Times Chronicle Record Observer Tribune".split()


def _name(rng: random.Random, syllables: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _story(rng: random.Random, topic: str) -> dict[str, list[str]]:
    return {
        "people": [f"{_name(rng)} {_name(rng, 3)}" for _ in range(3)],
        "places": [_name(rng, 3) for _ in range(2)],
        "orgs": [f"{_name(rng)} {rng.choice(['Authority', 'Group', 'Council', 'Union', 'Trust'])}"],
        "topic": TOPICS[topic].split(),
    }


def _sentence(rng: random.Random, story: dict[str, list[str]]) -> str:
    person, place, org = rng.choice(story["people"]), rng.choice(story["places"]), rng.choice(story["orgs"])
    topic = rng.sample(story["topic"], 3)
    filler = " ".join(rng.sample(GENERIC, 6))
    templates = [
        f"{person} said the {topic[0]} near {place} was worse than expected, and {filler}",
        f"The {org} confirmed that the {topic[0]} and the {topic[1]} had been discussed, {filler}",
        f"In {place}, {topic[0]} and {topic[1]} dominated the day as {person} met the {org}",
        f"{person} of the {org} told reporters the {topic[2]} would take weeks, {filler}",
        f"Residents of {place} described the {topic[1]} to {person}, who promised {topic[2]}",
    ]
    text = rng.choice(templates)
    return text[0].upper() + text[1:] + "."


def _article(rng: random.Random, story: dict[str, list[str]], article_id: str, outlet: str,
             paragraphs: int | None = None) -> Article:
    count = paragraphs or rng.randint(4, 8)
    body = "\n\n".join(" ".join(_sentence(rng, story) for _ in range(rng.randint(1, 3))) for _ in range(count))
    return Article(id=article_id, source=f"{article_id}.txt", body=body, outlet=outlet,
                   title=_sentence(rng, story).rstrip("."))


def mixed_corpus(stories: int, seed: int, sizes: tuple[int, int] = (3, 12)
                 ) -> tuple[list[Article], dict[str, int], list[dict[str, list[str]]]]:
    """Articles of `stories` invented stories (topics reused: two floods in two invented towns),
    each told by a few outlets, shuffled; and each article's true story."""
    rng = random.Random(seed)
    outlets = [f"The {_name(rng)} {rng.choice(OUTLET_WORDS)}" for _ in range(12)]
    articles, truth, told = [], {}, []
    for number in range(stories):
        story = _story(rng, list(TOPICS)[number % len(TOPICS)])
        told.append(story)
        tellers = rng.sample(outlets, 4)
        for _ in range(rng.randint(*sizes)):
            article_id = f"s{number}-{len(articles)}"
            articles.append(_article(rng, story, article_id, rng.choice(tellers)))
            truth[article_id] = number
    rng.shuffle(articles)
    return articles, truth, told


def assert_separated(stories, truth: dict[str, int]) -> None:
    """Each true story is exactly one cluster, and no cluster mixes two."""
    for story in stories:
        assert len({truth[a] for a in story.articles if a in truth}) <= 1, story
    found = Counter(story.id for story in stories for a in story.articles if a in truth)
    where = {truth[a]: set() for a in truth}
    for story in stories:
        for a in story.articles:
            if a in truth:
                where[truth[a]].add(story.id)
    assert all(len(ids) == 1 for ids in where.values()), where
    assert sum(found.values()) == len(truth)


@pytest.fixture(scope="module")
def examples() -> list[Article]:
    articles, _ = clean_only([EXAMPLES], settings=Settings(db_path=None))
    return articles


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> list[Article]:
    if not seeds_dir.is_dir():
        pytest.skip("no seeds")
    articles, _ = clean_only([seeds_dir], settings=Settings(db_path=None))
    return articles


# --- tests -----------------------------------------------------------------------------------


def test_the_example_story_is_one_story(examples: list[Article]) -> None:
    stories = cluster_stories(examples)
    assert len(examples) == 11
    assert [s.id for s in stories] == ["story-1"]
    assert stories[0].articles == tuple(a.id for a in examples)
    assert "Teskar" in stories[0].label


def test_the_seed_story_is_one_story(seeds: list[Article]) -> None:
    stories = cluster_stories(seeds)
    assert len(stories) == 1 and len(stories[0].articles) == 4
    assert "Iran" in stories[0].label


def test_two_real_stories_are_told_apart(examples: list[Article], seeds: list[Article]) -> None:
    stories = cluster_stories([*seeds, *examples])
    assert [len(s.articles) for s in stories] == [11, 4]
    assert set(stories[0].articles) == {a.id for a in examples}


def test_mixed_invented_stories_are_separated(examples: list[Article]) -> None:
    articles, truth, _ = mixed_corpus(10, seed=1)
    stories = cluster_stories([*articles, *examples])
    assert_separated(stories, truth)
    teskar = [s for s in stories if examples[0].id in s.articles]
    assert len(teskar) == 1 and len(teskar[0].articles) == len(examples)


def test_five_hundred_articles_of_unrelated_stories() -> None:
    articles, truth, _ = mixed_corpus(60, seed=2, sizes=(2, 15))
    assert len(articles) >= 400
    stories = cluster_stories(articles)
    assert_separated(stories, truth)
    assert [s.id for s in stories] == [f"story-{n}" for n in range(1, len(stories) + 1)]
    assert [len(s.articles) for s in stories] == sorted((len(s.articles) for s in stories), reverse=True)


def test_a_roundup_does_not_chain_stories() -> None:
    articles, truth, told = mixed_corpus(4, seed=3, sizes=(4, 6))
    rng = random.Random(9)
    # One article with a paragraph on each story: it may join one story, never glue them.
    body = "\n\n".join(" ".join(_sentence(rng, story) for _ in range(2)) for story in told)
    roundup = Article(id="roundup", source="roundup.txt", body=body, outlet="The Weekly Digest")
    stories = cluster_stories([*articles, roundup])
    assert_separated(stories, truth)


def test_a_headline_list_is_its_own_story(examples: list[Article]) -> None:
    articles, truth, told = mixed_corpus(3, seed=4, sizes=(3, 5))
    rng = random.Random(5)
    headlines = [_sentence(rng, story).rstrip(".")[:70].rstrip(" ,") for story in told for _ in range(4)]
    front = Article(id="front", source="front.html", body="\n".join(headlines), outlet="The Daily Front")
    assert is_headline_list(front)
    stories = cluster_stories([*articles, front])
    assert_separated(stories, truth)
    assert any(s.articles == ("front",) for s in stories)


def test_headline_lists_are_recognised(examples: list[Article]) -> None:
    assert not any(is_headline_list(a) for a in examples)
    section = Article(id="s", source="s", body="\n".join([
        "World", "Storm leaves thousands without power in coastal towns", "Markets slide as bank shares fall",
        "Council votes to close covered market for repairs", "Festival ticket sales double on new river stage",
        "School roof torn off in overnight storm", "Ferry services resume after week of gales",
        "Opinion: why the bypass still matters", "Weather: bright spells, showers later",
    ]))
    assert is_headline_list(section)
    short = Article(id="t", source="t", body="Storm hits coast\nMarkets slide")
    assert not is_headline_list(short)
    prose = Article(id="p", source="p", body="\n".join([
        "A storm left thousands of homes without power on Sunday, the grid operator said in a statement.",
    ] * 8))
    assert not is_headline_list(prose)


def test_one_article_is_one_story() -> None:
    article = Article(id="only", source="only.txt", body="Engineers drained the Hollin reservoir on Thursday.")
    stories = cluster_stories([article])
    assert len(stories) == 1
    assert stories[0].id == "story-1" and stories[0].articles == ("only",)
    assert cluster_stories([]) == ()


def test_empty_articles_each_stand_alone() -> None:
    articles = [Article(id=f"e{n}", source="e", body=body) for n, body in enumerate(["", " ", "\n\n", "OK."])]
    stories = cluster_stories(articles)
    assert sorted(a for s in stories for a in s.articles) == ["e0", "e1", "e2", "e3"]
    assert len(stories) == 4


def test_ids_and_members_do_not_depend_on_input_order() -> None:
    articles, _, _ = mixed_corpus(5, seed=6)
    first = cluster_stories(articles)
    again = cluster_stories(list(reversed(articles)))
    assert {frozenset(s.articles) for s in first} == {frozenset(s.articles) for s in again}
    assert [len(s.articles) for s in first] == [len(s.articles) for s in again]
    order = {a.id: n for n, a in enumerate(articles)}
    for story in first:
        assert list(story.articles) == sorted(story.articles, key=order.__getitem__)


def test_entity_mentions_give_the_names(examples: list[Article]) -> None:
    mentions = {}
    for article in examples:
        found = []
        for name in ("Teskar Chemicals", "Orvane River", "Pieter Vollan"):
            start = article.body.find(name)
            if start >= 0:
                found.append(EntityMention(article.mention(start, start + len(name)), "ORG"))
        mentions[article.id] = found
    stories = cluster_stories(examples, mentions)
    assert len(stories) == 1
    assert stories[0].label.startswith("Teskar Chemicals")


def test_duplicate_ids_are_counted_once(examples: list[Article]) -> None:
    stories = cluster_stories([*examples, examples[0]])
    assert sum(len(s.articles) for s in stories) == len(examples)


POOL, _, _ = mixed_corpus(6, seed=8, sizes=(2, 6))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(range(len(POOL))), max_size=25), st.booleans())
def test_stories_partition_the_articles(chosen: list[int], with_empty: bool) -> None:
    articles = [POOL[n] for n in chosen]
    if with_empty:
        articles.append(Article(id="empty", source="e", body=""))
    stories = cluster_stories(articles)
    ids = [a for story in stories for a in story.articles]
    assert sorted(ids) == sorted({a.id for a in articles})
    assert [s.id for s in stories] == [f"story-{n}" for n in range(1, len(stories) + 1)]
    assert all(story.articles for story in stories)
