"""Where articles contradict each other or the quotations they print.

`find_contradictions` gathers every kind, surest first: factual conflicts, stance
disagreements and spelling variants come from conflicts.py; this module's own kind
is paraphrase drift, an outlet's own words contradicting the quotation they restate.

`paraphrase_drift` compares each sentence an article says in its own voice with the
quotations that sentence restates (words in common, after light stemming and a few
synonyms such as "UAV"/"drone", "deliver"/"provide") and reports a drift when the
restatement changes

- a date: the same month with another part of it or another day ("late July" for
  "early July", "May 12" for "May 21");
- a quantity: another number of the same thing ("18,000 litres" for "80,000 litres");
- certainty: the quotation doubts what the article's sentence states as fact ("it's
  unclear whether Iran has delivered" and "Iran provided the drones");
- negation: the quotation denies what the article's sentence states ("we never
  received any drones" and "Russia received the drones").

Certainty and negation are checked only against quotations the same article prints,
where the outlet has the doubt or the denial before its eyes, and only when the
sentence restates most of the quotation's words.

Candidate pairs come from an index of the quotations' words, so the cost grows with
the number of sentences, not with sentences times quotations.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from ..extract.quotes import find_quoted_spans
from ..link.claims import ClaimGroup
from ..link.duplicates import outlet_key
from ..link.entities import spelling_variants
from ..model import Article, Claim, Contradiction, Entity, Mention, Quote, Story, Timex
from ..words import MONTHS, sentences, stem, words
from .conflicts import (
    factual_conflicts,
    gender_conflicts,
    spelling_contradictions,
    stance_disagreements,
    stances_across_groups,
)

_MONTH = "|".join(m.capitalize() for m in MONTHS)
DATE = re.compile(
    rf"\b(?:(early|mid|late|the end of|end of|the beginning of|beginning of|the middle of|middle of)[\s-]+)?"
    rf"({_MONTH})\b(?:\s+(\d{{1,2}})\b)?"
)
QUANTITY = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s*(%|per ?cent|[a-zA-Z]+)")
HEDGE = re.compile(
    r"\b(?:unclear|not clear|whether|may|might|could|possibly|potentially|perhaps|unconfirmed|"
    r"not known|unknown|reportedly|allegedly|likely)\b",
    re.IGNORECASE,
)
HEDGE_WORDS = frozenset("unclear whether may might could possibly potentially perhaps unconfirmed unknown "
                        "reportedly allegedly likely".split())
NEGATION = re.compile(r"\b(?:not|no|never|n't|neither|nor|denied|denies|without)\b|n’t", re.IGNORECASE)
# A restatement shares at least this many words with the quotation...
MIN_SHARED = 4
# ...and this share of the quotation's words (higher for certainty, which has no values to compare).
MIN_SHARED_SHARE = 0.4
MIN_SHARED_SHARE_CERTAINTY = 0.6
# A word in more quotation sentences than this does not suggest a pair by itself.
MAX_POSTINGS = 300


@dataclass(frozen=True, slots=True)
class _Unit:
    """A sentence (or a quotation's sentence) reduced to what drift compares."""

    article: str
    start: int
    end: int
    words: frozenset[str]
    dates: tuple[tuple[str, str, str], ...]  # (part of month, month, day)
    quantities: tuple[tuple[str, str, str], ...]  # (value, unit, as written)
    hedged: str  # the word that leaves it uncertain, or ""
    negated: str  # the negating word, or ""
    negated_clause: frozenset[str]  # the words of the clause it negates
    quote: Quote | None = None


def paraphrase_drift(articles: Sequence[Article], quotes: Sequence[Quote]) -> tuple[Contradiction, ...]:
    """`paraphrase_drift` contradictions: an outlet's sentence changing what a quotation says."""
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_article[quote.article].append(quote)
    marked = {a.id: _marked(a.body) for a in articles}
    quoted_units = [u for a in articles for q in by_article[a.id] if q.kind != "indirect"
                    for u in _quote_units(a, q, marked[a.id])]
    # Only quotation sentences that can drift: with a date, a quantity, a doubt, or a
    # negated clause long enough to be restated.
    quoted_units = [u for u in quoted_units if u.dates or u.quantities or u.hedged or len(u.negated_clause) >= 4]
    index: dict[str, list[int]] = defaultdict(list)
    for n, unit in enumerate(quoted_units):
        for word in unit.words:
            index[word].append(n)
    group_members: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        if quote.group:
            group_members[quote.group].append(quote)

    found: dict[tuple[int, int, str, str], Contradiction] = {}
    bodies = {a.id: a.body for a in articles}
    outlet = {a.id: a.outlet or a.id for a in articles}
    for article in articles:
        for start, end, text in _own_sentences(article, marked[article.id]):
            postings = [index.get(word, ()) for word in _unit_words(text)]
            counts = Counter(chain.from_iterable(p for p in postings if len(p) <= MAX_POSTINGS))
            candidates = [n for n, shared in counts.items() if shared >= MIN_SHARED]
            if not candidates:
                continue  # most sentences: the rest of what drift compares is not read
            own = _unit(article, start, end, text, None)
            # quotations the article itself prints first: that is the drift most worth showing
            for n in sorted(candidates, key=lambda n: quoted_units[n].article != article.id):
                quoted = quoted_units[n]
                drift = _drift(own, quoted)
                if drift is None:
                    continue
                quote = quoted.quote
                assert quote is not None
                key = (own.start, own.end, own.article, quote.group or quote.id)
                if key in found:
                    continue
                carriers = [q for q in group_members.get(quote.group or "", [quote]) if q.kind != "indirect"]
                what, was, now = drift
                speaker = f"{quote.speaker.name}'s" if quote.speaker.name else "the"
                where = " in the same article" if quote.article == own.article else f" in {outlet[quote.article]}"
                if what == "certainty":
                    description = (f"{outlet[own.article]} states as fact what {speaker} quoted words{where} "
                                   f"leave uncertain (\"{was}\")")
                elif what == "negation":
                    description = (f"{outlet[own.article]} states as fact what {speaker} quoted words{where} "
                                   f"deny (\"{was}\")")
                else:
                    description = (f"{outlet[own.article]} writes \"{now}\" where {speaker} quoted words{where} "
                                   f"say \"{was}\"")
                quoted_body = bodies[quoted.article]
                sides = (
                    (Mention(own.article, own.start, own.end, article.body[own.start:own.end]),),
                    (Mention(quoted.article, quoted.start, quoted.end, quoted_body[quoted.start:quoted.end]),
                     *(Mention(q.article, q.start, q.end, bodies[q.article][q.start:q.end])
                       for q in carriers if q.id != quote.id)),
                )
                digest = hashlib.sha1(f"{own.article}:{own.start}:{quote.id}".encode()).hexdigest()[:10]
                found[key] = Contradiction(id=f"drift-{digest}", kind="paraphrase_drift",
                                           description=description, sides=sides)
    return tuple(found.values())


def _drift(own: _Unit, quoted: _Unit) -> tuple[str, str, str] | None:
    """What the restatement changed: (how it is described, the quotation's value, the sentence's)."""
    shared = own.words & quoted.words
    if len(shared) < MIN_SHARED or len(shared) < MIN_SHARED_SHARE * min(len(own.words), len(quoted.words)):
        return None
    for part, month, day in own.dates:
        for q_part, q_month, q_day in quoted.dates:
            if month != q_month:
                continue
            if (part and q_part and part != q_part) or (day and q_day and day != q_day):
                return "date", _date(q_part, q_month, q_day), _date(part, month, day)
    units: dict[str, dict[str, str]] = defaultdict(dict)
    for value, unit, written in quoted.quantities:
        units[unit].setdefault(value, written)
    for value, unit, written in own.quantities:
        if unit in units and value not in units[unit]:
            return "quantity", next(iter(units[unit].values())), written
    close = quoted.article == own.article and len(shared) >= MIN_SHARED_SHARE_CERTAINTY * len(quoted.words)
    if close and quoted.hedged and not own.hedged and not own.negated:
        return "certainty", quoted.hedged, ""
    clause = quoted.negated_clause
    if close and quoted.negated and not own.negated and not own.hedged and not quoted.hedged \
            and len(clause) >= 4 and len(clause & own.words) >= 0.8 * len(clause):
        return "negation", quoted.negated, ""
    return None


def _date(part: str, month: str, day: str) -> str:
    return " ".join(x for x in (part, month.capitalize(), day) if x)


def _marked(body: str) -> list[tuple[int, int]]:
    """The text inside quotation marks: the speakers' words, as opposed to the outlet's."""
    spans, _ = find_quoted_spans(body)
    return sorted(piece for span in spans for piece in span.pieces)


def _quote_units(article: Article, quote: Quote, marked: list[tuple[int, int]]) -> list[_Unit]:
    """The sentences of a quotation's words inside quotation marks (a partial quotation's
    reported-speech words are the outlet's, not the speaker's)."""
    pieces = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
    inside = [(max(s, ms), min(e, me)) for s, e in pieces for ms, me in marked if ms < e and me > s]
    units = []
    for start, end in inside:
        for s, e in sentences(article.body, start, end):
            unit = _unit(article, s, e, article.body[s:e], quote)
            if unit.words:
                units.append(unit)
    return units


def _own_sentences(article: Article, marked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Sentences in the article's own voice, of five words or more: `(start, end, text)` with
    the text inside its quotation marks blanked out."""
    found = []
    for start, end in sentences(article.body, 0, len(article.body)):
        own = article.body[start:end]
        for qs, qe in marked:
            if qs < end and qe > start:
                a, b = max(qs, start) - start, min(qe, end) - start
                own = own[:a] + " " * (b - a) + own[b:]
        if len(own.split()) >= 5:
            found.append((start, end, own))
    return found


def _unit(article: Article, start: int, end: int, text: str, quote: Quote | None) -> _Unit:
    unit_words, dates, quantities, hedged, negated, negated_clause = _reading(text)
    return _Unit(article=article.id, start=start, end=end, words=unit_words, dates=dates, quantities=quantities,
                 hedged=hedged, negated=negated, negated_clause=negated_clause, quote=quote)


@lru_cache(maxsize=1 << 14)
def _reading(text: str) -> tuple[frozenset[str], tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...],
                                 str, str, frozenset[str]]:
    """What `_Unit` holds of a sentence's text: its words, dates, quantities, hedge, negation and
    negated clause. Cached: reprinted sentences are common in a story."""
    return (
        _unit_words(text),
        tuple((_part(m.group(1)), m.group(2).lower(), m.group(3) or "") for m in DATE.finditer(text)),
        tuple((m.group(1).replace(",", ""), stem(m.group(2).lower()), m.group(0)) for m in QUANTITY.finditer(text)),
        _first(HEDGE, text), _first(NEGATION, text), _negated_clause(text),
    )


@lru_cache(maxsize=1 << 14)
def _unit_words(text: str) -> frozenset[str]:
    """The words drift compares in a sentence's text (hedges aside): all a sentence of the
    article's own needs until it shares enough of them with a quotation."""
    return frozenset(words(text) - HEDGE_WORDS)


def _negated_clause(text: str) -> frozenset[str]:
    """The words of the clause around the first negation (`the river is not`, not the whole
    sentence it sits in)."""
    found = NEGATION.search(text)
    if found is None:
        return frozenset()
    start = max(text.rfind(mark, 0, found.start()) for mark in ",;:—(") + 1
    ends = [i for i in (text.find(mark, found.end()) for mark in ",;:—)") if i >= 0]
    return frozenset(words(text[start:min(ends, default=len(text))]) - HEDGE_WORDS)


def _first(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    return found.group(0) if found else ""


def _part(text: str | None) -> str:
    if not text:
        return ""
    text = text.lower().replace("the ", "")
    return {"end of": "late", "beginning of": "early", "middle of": "mid"}.get(text, text)



def find_contradictions(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    claim_groups: Sequence[ClaimGroup],
    entities: Sequence[Entity],
    timexes: Mapping[str, Sequence[Timex]],
    independence: Mapping[str, str] | None = None,
    *,
    stories: Sequence[Story] = (),
) -> tuple[tuple[Contradiction, ...], tuple[Claim, ...]]:
    """Every kind of contradiction, the surest first, and the claims marked with the articles
    that contradict them (status "disputed" when some state a claim and others contradict it).
    An article with another number or date for a fact still states the fact and counts among
    its outlets; one that only denies it does not (`independence` as for `link.claims.group_claims`).

    Order: a person's gender and a name's spelling (read off the entities), then
    paraphrase drift (an outlet against the quote it prints), then denials and
    conflicting numbers or dates inside a claim group, those spanning more articles first.
    """
    groups = [(g.claim.statement, g.members) for g in claim_groups]
    stances = stance_disagreements(groups, articles)
    within = [*stances, *factual_conflicts(groups, articles, timexes)]
    across = stances_across_groups(groups, articles, entities)
    against: dict[int, set[str]] = defaultdict(set)  # articles whose version contradicts the claim
    denying: dict[int, set[str]] = defaultdict(set)  # members' articles that only deny it: they do not state it
    disputed: set[int] = set()
    for index, _, articles_against in [*within, *across]:
        against[index].update(articles_against)
        disputed.add(index)
    for index, _, articles_against in stances:
        denying[index].update(articles_against)
    ranked = [
        *gender_conflicts(entities, articles),
        *spelling_contradictions(spelling_variants(entities), articles),
        *_drift_by_story(articles, quotes, stories),
        *sorted((c for _, c, _ in within), key=lambda c: (-_reach(c), c.kind != "stance_disagreement")),
        *sorted((c for _, c, _ in across), key=lambda c: -_reach(c)),
    ]
    outlets = {a.id: outlet_key(a) for a in articles}
    keys = independence or {}
    claims = []
    for index, group in enumerate(claim_groups):
        claim = group.claim
        if index in disputed:
            stating = [a for a in claim.articles if a not in denying[index]]
            claim = replace(claim, contradicted_in=tuple(sorted(against[index])),
                            status="disputed" if stating else claim.status)
            if denying[index] and stating:
                claim = replace(claim, outlets=len({outlets.get(a, a) for a in stating}),
                                independent_outlets=len({keys.get(a) or outlets.get(a, a) for a in stating}))
        claims.append(claim)
    unique = {c.id: c for c in ranked}
    return tuple(unique.values()), tuple(claims)


def _drift_by_story(
    articles: Sequence[Article], quotes: Sequence[Quote], stories: Sequence[Story]
) -> list[Contradiction]:
    """`paraphrase_drift` within each story (all articles one story when none are given)."""
    if len(stories) <= 1:
        return list(paraphrase_drift(articles, quotes))
    story_of = {article_id: story.id for story in stories for article_id in story.articles}
    by_story: dict[str | None, tuple[list[Article], list[Quote]]] = defaultdict(lambda: ([], []))
    for article in articles:
        by_story[story_of.get(article.id)][0].append(article)
    for quote in quotes:
        by_story[story_of.get(quote.article)][1].append(quote)
    return [c for story_articles, story_quotes in by_story.values() if story_quotes
            for c in paraphrase_drift(story_articles, story_quotes)]


def _reach(contradiction: Contradiction) -> int:
    return len({m.article for side in contradiction.sides for m in side})
