"""The story's timeline: dated events from every article, merged across articles.

Each sentence with a date expression resolved to a calendar value (a day, an
ISO week, a month or a year) reports an event on that date; a sentence with
several dates reports several. Two reports are one event when their dates are
compatible (equal, or the finer inside the coarser, a month at most) and their
sentences share enough rare words; the event then keeps every report as a
mention with the expression as written. Its date is the most precise one the
reports agree on: "July" and "July 11" make July 11, "July 11" and "July 12"
stay two events. Granularity is the date's own: a July event is not pinned to
July 1.

Sentences that date an event only by its relation to another ("before the
ceasefire", "since the invasion") are kept with that anchor, undated; when a
dated event's sentences name the anchor, the entry points to it and sits beside
it, otherwise it goes to the end. Candidate pairs come from an index of words
within each month, never all pairs.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, TimelineEvent, TimelineMention, Timex
from ..words import sentence_spans, stem, words
from .joins import root
from .published import WEEKDAYS, compatible, value_span

# Reports of one event share at least this many content words...
MIN_SHARED = 3
# ...and this much of their words, weighted by rarity.
MIN_SIMILARITY = 0.3
# ...more of them when one report is coarser ("last month" and "July 19"): merging then sets a date.
MIN_SIMILARITY_REFINED = 0.45
# A word in more reports of one month than this does not suggest a pair by itself.
MAX_POSTINGS = 300
DESCRIPTION_WIDTH = 220

CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
RELATION = re.compile(
    r"\b(before|after|ahead of|following|since|until|prior to|in the run-up to|in the wake of)\s+"
    r"((?:the|a|an|this|last|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(ceasefire|cease-fire|truce|invasion|war|summit|talks|meeting|election|elections|vote|referendum|visit|attack|"
    r"attacks|strike|strikes|offensive|deal|agreement|announcement|briefing|sanctions|shutdown|leak|spill|"
    r"inspection|investigation|hearing|trial|verdict|ruling|report|conference|crash|outbreak|collapse))\b",
    re.IGNORECASE)
RELATION_WORDS = {"ahead of": "before", "prior to": "before", "in the run-up to": "before",
                  "following": "after", "in the wake of": "after"}


@dataclass(slots=True)
class _Report:
    article: Article
    start: int  # the sentence
    end: int
    timex: Timex
    value: str
    words: frozenset[str]


def build_timeline(articles: Sequence[Article], timexes: dict[str, tuple[Timex, ...]]) -> tuple[TimelineEvent, ...]:
    """Dated events, oldest first, merged across articles; undated ones beside their anchor."""
    order = {a.id: n for n, a in enumerate(articles)}
    reports: list[_Report] = []
    related: list[tuple[Article, int, int, re.Match[str]]] = []
    for article in articles:
        spans = sentence_spans(article.body)
        starts = [s for s, _ in spans]
        dated_sentences: set[int] = set()
        sentence_words: dict[int, frozenset[str]] = {}
        skip = {(m.start, m.end) for m in article.published.evidence  # the article's own dateline
                if m.article == article.id and article.published.method in ("metadata", "text")}
        for timex in timexes.get(article.id, ()):
            if timex.type not in ("DATE", "TIME") or not spans:
                continue
            value = _calendar(timex.value)
            if value is None:
                continue
            n = max(bisect_right(starts, timex.start) - 1, 0)
            start, end = spans[n]
            if any(s <= timex.start < e for s, e in skip):
                continue  # the article's own dateline
            if n not in sentence_words:
                sentence_words[n] = frozenset(words(article.body[start:end]) - WEEKDAYS)
            found = sentence_words[n]
            if len(found) < 2:
                continue  # a date on its own line
            dated_sentences.add(n)
            reports.append(_Report(article, start, end, timex, value, found))
        for n, (start, end) in enumerate(spans):
            if n in dated_sentences:
                continue
            match = RELATION.search(article.body, start, end)
            if match:
                related.append((article, start, end, match))

    groups = _merge(reports)
    events = []
    for members in groups:
        members.sort(key=lambda r: (order[r.article.id], r.start))
        value = _agreed_value([r.value for r in members])
        first = members[0]
        mentions = tuple(dict.fromkeys(
            TimelineMention(r.article.mention(r.start, r.end), r.timex.text) for r in members))
        events.append((value, first, mentions, all(_ahead(r) for r in members)))
    events.sort(key=lambda e: (_sort_key(e[0]), order[e[1].article.id], e[1].start))
    dated = [TimelineEvent(id="", date=value, granularity=_granularity(value),
                           description=_describe(first.article.body[first.start:first.end]),
                           mentions=mentions, planned=planned)
             for value, first, mentions, planned in events]
    return _with_relations(dated, related)


def _merge(every: Sequence[_Report]) -> list[list[_Report]]:
    """Reports of one event together: compatible dates and alike sentences (union-find within each year).

    Reports with the same date and the same words (a reprinted sentence) are one report here, so a
    story carried by a hundred outlets costs what it costs once."""
    copies: dict[tuple[str, frozenset[str]], list[_Report]] = defaultdict(list)
    for report in every:
        copies[(report.value, report.words)].append(report)
    reports = [found[0] for found in copies.values()]
    parent = list(range(len(reports)))
    values = {n: {report.value} for n, report in enumerate(reports)}  # the dates of each group, by its root

    by_year: dict[str, list[int]] = defaultdict(list)
    for n, report in enumerate(reports):
        by_year[report.value[:4]].append(n)
    for members in by_year.values():
        index: dict[str, list[int]] = defaultdict(list)
        for n in members:
            for word in reports[n].words:
                index[word].append(n)
        idf = {w: math.log(1 + len(members) / len(p)) for w, p in index.items()}
        for n in members:
            shared: Counter[int] = Counter()
            for word in reports[n].words:
                postings = index[word]
                if len(postings) <= MAX_POSTINGS:
                    shared.update(m for m in postings if m > n)
            for m, count in shared.items():
                a, b = reports[n], reports[m]
                if count < MIN_SHARED or root(parent, n) == root(parent, m):
                    continue
                if a.article.id == b.article.id and a.start == b.start:
                    continue  # one sentence with two dates tells two events
                root_n, root_m = root(parent, n), root(parent, m)
                if not all(x == y or compatible(x, y) for x in values[root_n] for y in values[root_m]):
                    continue  # every date of the merged event must fit every other: no chains via "April"
                common = sum(idf[w] for w in a.words & b.words)
                total = sum(idf[w] for w in a.words) + sum(idf[w] for w in b.words)
                needed = MIN_SIMILARITY if a.value == b.value else MIN_SIMILARITY_REFINED
                if total and 2 * common / total >= needed:
                    parent[root_m] = root_n
                    values[root_n] |= values.pop(root_m)
    groups: dict[int, list[_Report]] = defaultdict(list)
    for n, report in enumerate(reports):
        groups[root(parent, n)] += copies[(report.value, report.words)]
    return list(groups.values())


def _with_relations(dated: list[TimelineEvent], related: Sequence[tuple[Article, int, int, re.Match[str]]]
                    ) -> tuple[TimelineEvent, ...]:
    """Number the events, and place each undated one beside the dated event it names."""
    heads: dict[str, list[int]] = defaultdict(list)
    for n, event in enumerate(dated):
        for mention in event.mentions:
            for word in words(mention.mention.text):
                heads[word].append(n)
    before: dict[int, list[TimelineEvent]] = defaultdict(list)
    after: dict[int, list[TimelineEvent]] = defaultdict(list)
    loose: list[TimelineEvent] = []
    for article, start, end, match in related:
        relation = RELATION_WORDS.get(match.group(1).lower(), match.group(1).lower())
        head = stem(match.group(3).lower())
        anchor = next(iter(dict.fromkeys(heads.get(head, ()))), None)
        event = TimelineEvent(
            id="", date=None, granularity=None, description=_describe(article.body[start:end]),
            mentions=(TimelineMention(article.mention(start, end), match.group(0)),),
            relation=relation, anchor=match.group(2))
        if anchor is None:
            loose.append(event)
        elif relation in ("before", "until"):
            before[anchor].append(event)
        else:
            after[anchor].append(event)
    ordered: list[tuple[TimelineEvent, int | None]] = []
    for n, event in enumerate(dated):
        ordered += [(e, n) for e in before[n]] + [(event, None)] + [(e, n) for e in after[n]]
    ordered += [(e, None) for e in loose]
    ids = {}
    numbered = []
    for position, (event, _anchor) in enumerate(ordered, start=1):
        ids[id(event)] = f"t{position}"
    for event, anchor in ordered:
        anchor_id = ids[id(dated[anchor])] if anchor is not None else None
        numbered.append(_renamed(event, ids[id(event)], anchor_id))
    return tuple(numbered)


def _renamed(event: TimelineEvent, event_id: str, anchor: str | None) -> TimelineEvent:
    return TimelineEvent(id=event_id, date=event.date, granularity=event.granularity, description=event.description,
                         mentions=event.mentions, relation=event.relation, anchor=event.anchor,
                         anchor_event=anchor, planned=event.planned)


def _ahead(report: _Report) -> bool:
    """Told in the future tense about a date not before the article's publication ("the 2015 deal"
    in a sentence about the future is not a plan)."""
    published = report.article.published
    span = value_span(report.value)
    when = published.date or published.earliest
    return report.timex.tense == "future" and (span is None or when is None or span[1].isoformat() >= when)


def _calendar(value: str) -> str | None:
    """A date value the calendar can place (a day, ISO week, month or year), without a time of day."""
    value = value.split("T", 1)[0]
    return value if CALENDAR.match(value) and value_span(value) else None


def _agreed_value(values: Sequence[str]) -> str:
    """The most precise value the reports agree on: the most common of the finest, if none contradicts it."""
    finest = min(_width(v) for v in values)
    precise = Counter(v for v in values if _width(v) == finest)
    value, _ = precise.most_common(1)[0]
    if len(precise) == 1:
        return value
    # Reports disagree at the finest level: keep what they share.
    for length in (7, 4):
        prefixes = {v[:length] for v in values if "W" not in v}
        if len(prefixes) == 1:
            return next(iter(prefixes))
    return value


def _width(value: str) -> int:
    span = value_span(value)
    return (span[1] - span[0]).days if span else 10**6


def _granularity(value: str) -> str:
    if "W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def _sort_key(value: str) -> tuple[str, int]:
    span = value_span(value)
    return (span[0].isoformat(), _width(value)) if span else ("9999", 0)


def _describe(sentence: str) -> str:
    flat = " ".join(sentence.split())
    if len(flat) <= DESCRIPTION_WIDTH:
        return flat
    cut = flat[:DESCRIPTION_WIDTH - 1]
    return cut[:cut.rindex(" ")].rstrip(" ,;:") + "…" if " " in cut else cut + "…"


def merge_timelines(parts: Sequence[Sequence[TimelineEvent]], order: Sequence[str]) -> tuple[TimelineEvent, ...]:
    """One timeline from the timelines of several stories (`build_timeline` on each): dated
    events oldest first across all of them, each with the undated events placed beside it,
    events with no anchor last; renumbered "t1", "t2", ... with `anchor_event` following.
    `order`: article ids in publication order, for events of one date."""
    position = {article_id: n for n, article_id in enumerate(order)}
    blocks: list[tuple[tuple[str, int], int, list[TimelineEvent]]] = []
    loose: list[TimelineEvent] = []
    renamed: dict[int, str] = {}  # id(event) -> its new id
    anchors: dict[int, TimelineEvent] = {}  # id(undated event) -> the dated event it is placed beside
    for part in parts:
        by_id = {event.id: event for event in part if event.date is not None}
        members: dict[str, list[TimelineEvent]] = defaultdict(list)  # a dated event's id -> its block, in order
        for event in part:
            if event.date is not None:
                members[event.id].append(event)
            elif event.anchor_event in by_id:
                members[event.anchor_event].append(event)
                anchors[id(event)] = by_id[event.anchor_event]
            else:
                loose.append(event)
        blocks += [_block(by_id[event_id], events, position) for event_id, events in members.items()]
    blocks.sort(key=lambda block: (block[0], block[1]))
    ordered = [event for _, _, events in blocks for event in events] + loose
    for n, event in enumerate(ordered, start=1):
        renamed[id(event)] = f"t{n}"
    return tuple(_renamed(event, renamed[id(event)],
                          renamed[id(anchors[id(event)])] if id(event) in anchors else None)
                 for event in ordered)


def _block(dated: TimelineEvent, events: list[TimelineEvent], position: Mapping[str, int]
           ) -> tuple[tuple[str, int], int, list[TimelineEvent]]:
    """A dated event's block (it, and the undated events placed beside it), with where it sorts."""
    first = min((position.get(m.mention.article, len(position)) for m in dated.mentions), default=len(position))
    return _sort_key(dated.date or ""), first, events
