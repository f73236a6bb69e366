"""The cross-article layer on whole stories: mixed stories, one article, copies, headline lists.

These run `build_dossier` on hand-made per-article results (no spaCy), so hundreds of
articles cost a second or two; the example story runs through the whole pipeline in
tests/test_pipeline.py.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from storyline.model import Article, ArticleResult, ClaimMention, EntityMention, Published
from storyline.pipeline import build_dossier

SYLLABLES = "ka ro mi tes var lun dor pel sa vin tor bel ga rus han ker lo fen dra mos qui zel".split()
OUTLETS = ("Northern Herald", "Valley Times", "Coast Courier", "Daily Ledger", "City Post", "Morning Star",
           "Evening Chronicle", "River Gazette", "Harbour News", "Plains Journal")
# One story's sentences; every outlet words them its own way (three wordings each).
TEMPLATES = (
    ("{firm} recalled {n} {product} after inspectors in {town} found faulty wiring.",
     "Inspectors in {town} found faulty wiring, and {firm} recalled {n} {product}.",
     "After faulty wiring was found by {town} inspectors, {firm} has recalled {n} {product}."),
    ("{person}, the chief executive of {firm}, apologised to customers on {weekday}.",
     "{firm} chief executive {person} apologised to customers on {weekday}.",
     "On {weekday}, {person}, who runs {firm}, said sorry to customers."),
    ("Regulators in {town} opened an inquiry into {firm} and its {product}.",
     "An inquiry into {firm} and its {product} was opened by regulators in {town}.",
     "{town} regulators have opened an inquiry into {product} made by {firm}."),
    ("Shares in {firm} fell {pct} percent on the {exchange} exchange.",
     "{firm} shares dropped {pct} percent in {exchange} trading.",
     "On the {exchange} exchange, {firm} lost {pct} percent of its value."),
)
PRODUCTS = ("heaters", "kettles", "scooters", "lamps", "chargers", "fridges", "drills", "fans")


def name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def story_articles(n_stories: int, per_story: int, seed: int = 5) -> tuple[list[ArticleResult], dict[str, int]]:
    """`n_stories` invented stories of `per_story` articles each (shared sentence templates,
    different names and numbers), with hand-made claims and entity mentions."""
    rng = random.Random(seed)
    results: list[ArticleResult] = []
    story_of: dict[str, int] = {}
    for s in range(n_stories):
        facts = {"firm": name(rng, 3) + " Industries", "person": f"{name(rng)} {name(rng, 3)}",
                 "town": name(rng, 3), "exchange": name(rng, 2), "product": rng.choice(PRODUCTS),
                 "n": rng.randint(2, 90) * 1000, "pct": rng.randint(3, 40),
                 "weekday": rng.choice(("Monday", "Tuesday", "Wednesday"))}
        for a in range(per_story):
            sentences = [rng.choice(wordings).format(**facts) for wordings in TEMPLATES]
            rng.shuffle(sentences)
            body = " ".join(sentences)
            article_id = f"s{s:03d}-a{a:02d}.txt"
            article = Article(id=article_id, source=article_id, body=body, outlet=OUTLETS[a % len(OUTLETS)],
                              published=Published(date=f"2025-05-{1 + a:02d}", earliest=f"2025-05-{1 + a:02d}",
                                                  latest=f"2025-05-{1 + a:02d}", method="metadata"),
                              language="en", content_hash=f"h{s}-{a}")
            results.append(ArticleResult(article, entities=entity_mentions(article, facts),
                                         claims=claim_mentions(article)))
            story_of[article_id] = s
    return results, story_of


def entity_mentions(article: Article, facts: dict[str, object]) -> tuple[EntityMention, ...]:
    found = []
    for key, label in (("firm", "ORG"), ("person", "PERSON"), ("town", "GPE")):
        for match in re.finditer(re.escape(str(facts[key])), article.body):
            found.append(EntityMention(article.mention(match.start(), match.end()), label))
    return tuple(found)


def claim_mentions(article: Article) -> tuple[ClaimMention, ...]:
    """Each sentence one claim, its first capitalised words the subject (as a claim extractor would)."""
    claims = []
    for match in re.finditer(r"[^.]+\.", article.body):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        subject = re.match(r"[A-Z][\w ]*?(?=,| [a-z])", article.body[start:match.end()])
        numbers = [article.mention(m.start(), m.end()) for m in re.finditer(r"\d[\d,]*(?: percent)?",
                                                                             match.group(0))
                   for m in [re.compile(re.escape(m.group(0))).search(article.body, start)] if m]
        claims.append(ClaimMention(
            mention=article.mention(start, match.end()),
            predicate="report",
            subject=article.mention(start, start + subject.end()) if subject else None,
            quantities=tuple(numbers),
        ))
    return tuple(claims)


@pytest.fixture(scope="module")
def mixed():
    results, story_of = story_articles(50, 10)
    return build_dossier(results), story_of


def test_unrelated_stories_are_told_apart_and_claims_never_cross_them(mixed) -> None:
    dossier, story_of = mixed
    assert len(dossier.articles) == 500
    assert len(dossier.stories) == 50
    for story in dossier.stories:
        assert len({story_of[a] for a in story.articles}) == 1
    assert dossier.claims
    for claim in dossier.claims:
        assert len({story_of[a] for a in claim.articles}) == 1, claim
    assert any("50 separate stories" in w.reason for w in dossier.warnings)
    # within a story, the same fact told by its ten outlets is one claim
    assert max(c.independent_outlets for c in dossier.claims) >= 5


def test_a_story_of_one_article() -> None:
    results, _ = story_articles(1, 1)
    dossier = build_dossier(results)
    assert len(dossier.stories) == 1 and not dossier.duplicates and not dossier.contradictions
    assert all(c.outlets == 1 and c.independent_outlets == 1 for c in dossier.claims)
    assert [n.article for n in dossier.novelty] == [results[0].article.id]
    assert not any("separate stories" in w.reason for w in dossier.warnings)


def test_identical_articles_under_different_names_count_once() -> None:
    results, _ = story_articles(1, 1)
    original = results[0]
    renamed = original.renamed("copy.txt", "copy.txt")
    copy = replace(renamed, article=replace(renamed.article, outlet="Another Outlet", content_hash="other"))
    dossier = build_dossier([original, copy])
    [pair] = dossier.duplicates
    assert set(pair.articles) == {original.article.id, "copy.txt"} and pair.similarity >= 0.99
    shared = [c for c in dossier.claims if len(c.articles) == 2]
    assert shared and all(c.outlets == 2 and c.independent_outlets == 1 for c in shared)


def test_a_list_of_headlines_is_kept_apart_with_a_warning() -> None:
    results, _ = story_articles(2, 4)
    headlines = "\n".join(c.mention.text.rstrip(".") for r in results for c in r.claims[:1])
    body = f"{headlines}\nSport\nWeather\nMore stories"
    page = Article(id="front-page.txt", source="front-page.txt", body=body, outlet="City Post", language="en",
                   content_hash="front")
    claims = tuple(ClaimMention(page.mention(m.start(), m.end()), predicate="report")
                   for m in re.finditer(r"[^\n]+", body))
    dossier = build_dossier([*results, ArticleResult(page, claims=claims)])
    assert any(w.article == "front-page.txt" and "headlines" in w.reason for w in dossier.warnings)
    assert all("front-page.txt" not in c.articles or len(c.articles) == 1 for c in dossier.claims)
    assert len([s for s in dossier.stories if len(s.articles) > 1]) == 2


def test_a_user_gazetteer_from_the_config_file(tmp_path) -> None:
    from storyline.errors import InputError
    from storyline.settings import Settings

    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("Kestrel-#\tdrone\tKestrel #\n", encoding="utf-8")
    config = tmp_path / "storyline.toml"
    config.write_text(f'[storyline]\ngazetteers = ["{gazetteer}"]\n', encoding="utf-8")
    settings = Settings.from_file(config)
    assert settings.gazetteers == (gazetteer,)
    body = "The army flew a Kestrel-9 drone over the valley on Monday."
    page = Article(id="k.txt", source="k.txt", body=body, outlet="City Post", language="en", content_hash="k")
    dossier = build_dossier([ArticleResult(page)], gazetteers=settings.gazetteers)
    assert any(e.type == "EQUIPMENT" and e.name.startswith("Kestrel") for e in dossier.entities)
    gazetteer.write_text("Kestrel-#\n", encoding="utf-8")  # no kind: a clear one-line error
    with pytest.raises(InputError, match="line 1"):
        build_dossier([ArticleResult(page)], gazetteers=settings.gazetteers)


def test_merging_one_storys_timeline_changes_nothing_and_two_interleave() -> None:
    from pathlib import Path

    from storyline.link.timeline import merge_timelines
    from storyline.pipeline import clean_only, story_time
    from storyline.settings import Settings

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    articles, _ = clean_only([corpus], settings=Settings(db_path=None))
    dated, _, timeline, _ = story_time(articles)
    order = [a.id for a in dated]
    assert merge_timelines([timeline], order) == timeline
    half = len(dated) // 2
    first, second = story_time(dated[:half])[2], story_time(dated[half:])[2]
    merged = merge_timelines([first, second], order)
    assert len(merged) == len(first) + len(second)
    assert [e.id for e in merged] == [f"t{n}" for n in range(1, len(merged) + 1)]
    ids = {e.id for e in merged}
    assert all(e.anchor_event in ids for e in merged if e.anchor_event)
    days = [e.date for e in merged if e.date and len(e.date) == 10]
    assert days == sorted(days)
