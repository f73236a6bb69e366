"""The vocabulary: contract shape, round trips, and the mention invariant."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import (
    Article, ArticleResult, Claim, Contradiction, Dossier, DuplicatePair, Entity, EntityMention, Mention,
    Published, Quote, QuoteGroup, QuoteVariant, RemovedBlock, Speaker, TimelineEvent, TimelineMention, Warning,
)

CONTRACT_TOP_LEVEL = {
    "schema", "generated_at", "articles", "entities", "quotes", "quote_groups", "timeline", "claims",
    "contradictions", "duplicates", "warnings",
}
CONTRACT_ARTICLE = {"id", "source", "outlet", "title", "published", "language", "body"}


def _sample_dossier() -> Dossier:
    article = Article(id="a.txt", source="in/a.txt", body="Jake Sullivan said on Monday that 400 drones left.",
                      outlet="Gazette", title="Drones", language="en",
                      published=Published(date="2022-07-12", earliest="2022-07-12", latest="2022-07-12",
                                           method="text"),
                      removed=(RemovedBlock("Text size:", "widget", 10, 20),))
    name = article.mention(0, 13)
    quote = Quote(id="q1", article="a.txt", start=34, end=50, text=article.body[34:50], kind="indirect",
                  speaker=Speaker(name="Jake Sullivan", entity="e1", mention=name), cue="said", group="g1")
    return Dossier(
        generated_at="2026-11-21T00:00:00+00:00",
        articles=(article,),
        entities=(Entity("e1", "Jake Sullivan", "PERSON", aliases=("Sullivan",), roles=("adviser",),
                         mentions=(name,)),),
        quotes=(quote,),
        quote_groups=(QuoteGroup("g1", quote.text, "Jake Sullivan", ("q1",), ("a.txt",), "a.txt",
                                 (QuoteVariant("q1", ("+ drones",)),)),),
        timeline=(TimelineEvent("t1", "2022-07-11", "day", "said",
                                (TimelineMention(article.mention(19, 28), "on Monday"),)),),
        claims=(Claim("c1", "400 drones left", (article.mention(34, 50),), ("a.txt",), 1, 1, ("Jake Sullivan",)),),
        contradictions=(Contradiction("x1", "factual_conflict", "400 vs 4,000",
                                      ((article.mention(34, 37),), (article.mention(0, 4),))),),
        duplicates=(DuplicatePair(("a.txt", "a.txt"), 1.0, ((name, name),)),),
        warnings=(Warning("b.bin", "binary file, not an article"),),
    )


def test_dossier_has_every_contract_field() -> None:
    data = _sample_dossier().to_dict()
    assert CONTRACT_TOP_LEVEL <= set(data)
    assert CONTRACT_ARTICLE <= set(data["articles"][0])
    assert set(data["articles"][0]["published"]) >= {"date", "earliest", "latest", "method", "evidence"}
    assert set(data["quotes"][0]) >= {"id", "article", "start", "end", "text", "kind", "speaker", "cue", "group"}


def test_empty_dossier_has_every_list() -> None:
    data = Dossier(generated_at="2026-11-21T00:00:00+00:00").to_dict()
    assert CONTRACT_TOP_LEVEL <= set(data)
    assert all(data[k] == [] for k in CONTRACT_TOP_LEVEL - {"schema", "generated_at"})


def test_round_trip_through_json() -> None:
    dossier = _sample_dossier()
    again = Dossier.from_dict(json.loads(json.dumps(dossier.to_dict())))
    assert again == dossier


def test_article_result_round_trip_and_rename() -> None:
    article = Article(id="a.txt", source="x/a.txt", body="Tehran and Moscow.")
    result = ArticleResult(article, entities=(EntityMention(article.mention(0, 6), "GPE"),),
                           warnings=(Warning("x/a.txt", "note", "clean", "a.txt"),))
    assert ArticleResult.from_dict(result.to_dict()) == result
    renamed = result.renamed("b/a.txt", "y/b/a.txt")
    assert renamed.article.id == "b/a.txt" and renamed.article.source == "y/b/a.txt"
    assert renamed.entities[0].mention.article == "b/a.txt"
    assert renamed.warnings[0].source == "y/b/a.txt"


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_article_mention_rejects_bad_spans(start: int, end: int) -> None:
    article = Article(id="a", source="a", body="short")
    with pytest.raises(ValueError, match="outside"):
        article.mention(start, end)


def test_mention_rejects_text_of_wrong_length() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        Mention("a", 0, 3, "four")


def test_unknown_published_method_is_refused() -> None:
    with pytest.raises(ValueError, match="method"):
        Published(method="guessed")


@given(body=st.text(max_size=200), data=st.data())
def test_every_mention_is_its_body_slice(body: str, data: st.DataObject) -> None:
    article = Article(id="a", source="a", body=body)
    start = data.draw(st.integers(0, len(body)))
    end = data.draw(st.integers(start, len(body)))
    mention = article.mention(start, end)
    assert body[mention.start:mention.end] == mention.text
    assert Mention.from_dict(mention.to_dict()) == mention
