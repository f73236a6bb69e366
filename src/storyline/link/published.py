"""Publication dates inferred from the texts, and every article's temporal expressions resolved.

Most of what a scraped article dates is relative to a publication date it may not
print ("said on Monday", "last week", "in July"). When metadata and the page give
none, the date is inferred from what the story's texts say, as a range of days:

- **Anchors across the story.** A relative expression of one article and a dated
  expression of the same event (in that article or another: sentences sharing
  enough rare words) pin the publication date to the days on which the relative
  one takes that date: "revealed on Monday" in one article and "announced on
  July 11" in another leave July 11-17 for the first. Each candidate day is
  scored by the evidence it satisfies, weighted by how alike the two sentences
  are; the best-scoring days are the range.
- **Tense.** A dated event told in the past (an absolute date) bounds the range
  from below, one told in the future from above, and the crawl date of a page
  from above; these weigh less than an anchor, so a misread tense cannot
  outvote one.
- **Rounds.** Anchors are expressions with a calendar value: absolute ones, those
  of articles already dated, and relative ones of the same article (resolved
  together). Each round infers every undated article and commits the most
  confident (the best score, and those close to it), whose resolved expressions
  then anchor the others in the next round: a weak guess about one article does
  not date the story for the rest. Each anchor weighs its sentence similarity
  times the information it carries (a weekday matching a day narrows more than a
  month matching a month), and an expression bounding a period ("since June",
  "from May 20") only anchors one with the same signal word.

Candidate days come from a window around the latest year the story mentions in
the past (or the latest known publication year). The range is `earliest`..`latest`
with `method: "inferred"` and the expressions that decided it as evidence; `date`
is set only when the range is one day, and a side with no bound stays `None`.

A date the cleaner read in the text (`method: "text"`) is checked the same way, as
if the page had none: when the evidence scores it below half the best day, it is a
page header's date, not the article's; it becomes the crawl date, with a warning,
and the inferred range is used.

Relative expressions of an article dated by a range are resolved for every day
of the range: the value they take on at least 80 % of them ("said Tuesday" in an
article of July 11-17 is July 12 on six days of seven), else the month or year
they all share, else they stay unresolved (with X placeholders).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from ..extract.timexes import resolve, tag_timexes
from ..model import Article, Mention, Published, Timex, Warning
from ..words import sentence_spans, words

# Anchors from sentences less alike than this are ignored.
MIN_SIMILARITY = 0.15
# Two sentences must share at least this many content words to be anchors of each other.
MIN_SHARED = 2
# An anchor's weight is its similarity; a tense or crawl-date bound weighs this.
BOUND_WEIGHT = 0.1
# Candidate days: from the year before the story's latest year to this many years after it.
WINDOW_YEARS = 2
# A relative expression of an article dated by a range takes the value that at least this share
# of the range's days give it ("said Tuesday" in a story of July 11-17 is July 12 on six days of
# seven); otherwise what all the values share.
MAJORITY = 0.8
# A range longer than this is resolved at its endpoints and weekly in between.
DENSE_RANGE_DAYS = 92
# Anchors per expression: the most alike sentences with distinct values (reprints count once).
MAX_ANCHORS = 8
# Each round commits the inferences at least this share as confident as the round's best.
COMMIT_SHARE = 0.75
MAX_ROUNDS = 12
# A date printed in the text stands unless the evidence scores it below this share of the best day.
KEEP_PRINTED = 0.5
# The evidence kept for an inferred date: its most telling expressions (each with its anchor).
MAX_EVIDENCE = 4
# A publication date more than this many days after today is reported (time zones allow a day).
FUTURE_DAYS = 1

NUMBERS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
ORDINALS = {word: n for n, word in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}
UNITS = {"day": 1, "week": 7}  # in days; months and years move the calendar
# The age of an event: "the four-month-old war", "four months after invading Ukraine",
# "a war now in its fifth month" (four months done; the event is named by the words before).
AGE = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+)[\s-](?P<unit>day|week|month|year)s?(?:[\s-]old\s+|\s+(?:after|since)\s+)"
    r"(?P<what>(?:[\w-]+\s+){0,2}[\w-]+)"
    r"|\bin\s+its\s+(?P<ord>[a-z]+|\d{1,3}(?:st|nd|rd|th))\s+(?P<ord_unit>day|week|month|year)\b",
    re.IGNORECASE)
WORDS_BEFORE = re.compile(r"((?:[\w-]+\s+){1,3})(?:now\s+)?$")
# An event's age weighs this much (an anchor weighs its sentence similarity).
AGE_WEIGHT = 0.8
BOUND_SIGNAL = re.compile(
    r"\b(since|by|until|till|before|after|from|through|as of|as early as|as soon as|as late as|ahead of|"
    r"prior to|within|no later than|no earlier than|up to)\s+(?:the\s+)?$", re.IGNORECASE)
DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|XX-XX|WXX-\d|W\d{2}-\d)$")
CONCRETE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
PATTERN = re.compile(r"^[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?|-W[\dX]{2})?$")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
                     "week month year day days weeks months years ago last next earlier later now".split())


@dataclass(frozen=True, slots=True)
class _Dated:
    """A dated expression that can anchor others: where it is and the words of its sentence."""

    article: str
    timex: Timex
    sentence: int  # index of its sentence in the article
    words: frozenset[str]
    signal: str  # the word that makes it a bound ("since", "from", ...), or ""


def date_articles(
    articles: Sequence[Article],
) -> tuple[list[Article], dict[str, tuple[Timex, ...]], list[Warning]]:
    """The articles with inferred publication dates where they had none, each article's
    temporal expressions resolved against its (possibly inferred) date, and warnings."""
    warnings: list[Warning] = []
    # Each text is tagged once, without a reference date: `resolve` gives the values for any date.
    unanchored: dict[str, tuple[Timex, ...]] = {}
    tagged: dict[str, tuple[Timex, ...]] = {}
    texts = {a.id: _Sentences(a.body) for a in articles}
    for article in articles:
        found, notes = tag_timexes(article.body, None)
        unanchored[article.id] = found
        known = article.published.date if article.published.method in ("metadata", "text") else None
        tagged[article.id] = _at(found, known) if known else found
        warnings += [Warning(article.source, note, "time", article.id) for note in notes + _odd_dates(article)]

    own = {a.id: _dated(a, unanchored[a.id], texts[a.id]) for a in articles}
    anchors = _Anchors(own.values())
    for article in articles:
        if article.published.method in ("metadata", "text"):
            anchors.add(article.id, _dated(article, tagged[article.id], texts[article.id]))
        else:
            anchors.add(article.id, [item for item in own[article.id] if not item.timex.relative])
    window = _window(articles, tagged)
    inferred: dict[str, Published] = {}

    # Rounds: the most confident inferences are committed first, so that their resolved dates
    # anchor the others; a weak guess never dates the story for everyone else.
    remaining = [a for a in articles if a.published.method in ("unknown", "inferred", "text")] if window else []
    calendar = _calendar(window) if window else None
    agreed: set[str] = set()
    for round_number in range(MAX_ROUNDS):
        results = []
        for article in remaining:
            # A page's printed date is checked against the evidence as if the page had none.
            found = _infer(article, unanchored[article.id], texts[article.id], own[article.id], anchors,
                           calendar)  # type: ignore[arg-type]
            if found is None:
                continue
            result, confidence, printed = found
            if article.published.method == "text" and printed >= confidence * KEEP_PRINTED:
                agreed.add(article.id)  # the printed date is about as good as the best: it stays
                continue
            results.append((confidence, article, result))
        remaining = [a for a in remaining if a.id not in agreed]
        if not results:
            break
        best = max(confidence for confidence, _, _ in results)
        last_round = round_number == MAX_ROUNDS - 1
        done = set()
        for confidence, article, result in results:
            if confidence < best * COMMIT_SHARE and not last_round:
                continue
            done.add(article.id)
            inferred[article.id] = result
            anchors.add(article.id, _dated(article, _resolved(unanchored[article.id], result), texts[article.id]))
        remaining = [a for a in remaining if a.id not in done]

    out: list[Article] = []
    resolved: dict[str, tuple[Timex, ...]] = {}
    for article in articles:
        published = inferred.get(article.id)
        if published is None:
            out.append(article)
            resolved[article.id] = tagged[article.id]
            continue
        if article.published.method == "text":
            header = article.published.date
            published = replace(published, crawl_date=article.published.crawl_date or header)
            reason = (f"the date printed in the page ({header}) contradicts what the text dates; taken for the "
                      f"crawl date, publication inferred as {_label(published)}")
            warnings.append(Warning(article.source, reason, "time", article.id))
        out.append(replace(article, published=published))
        resolved[article.id] = _resolved(unanchored[article.id], published)
    return out, resolved, warnings


def _odd_dates(article: Article) -> tuple[str, ...]:
    """What is wrong with a given publication date: after the page's crawl date, or in the future."""
    published = article.published
    notes = []
    if published.date and published.crawl_date and published.date > published.crawl_date:
        notes.append(f"publication date {published.date} is after the crawl date {published.crawl_date}: "
                     "one of them is wrong")
    if published.date and published.date > (date.today() + timedelta(days=FUTURE_DAYS)).isoformat():
        notes.append(f"publication date {published.date} is in the future")
    return tuple(notes)


@lru_cache(maxsize=4)
def _calendar(window: tuple[date, date]) -> _Calendar:
    """One calendar per window, shared by the stories of a run (stories of one period have one
    window): what a relative code means on each day is worked out once for all of them."""
    return _Calendar(window)


# Agreement masks a calendar keeps (each a bool per candidate day, about a kilobyte).
MAX_MASKS = 50_000


class _Calendar:
    """The candidate publication days, with what expressions mean on each, cached across articles,
    rounds and stories: a relative code is resolved once per day, and the days on which two
    values agree are computed once per pair of values (up to MAX_MASKS pairs kept)."""

    def __init__(self, window: tuple[date, date]) -> None:
        first, last = window
        self.days = [(first + timedelta(n)).isoformat() for n in range((last - first).days + 1)]
        self.ordinals = np.arange(first.toordinal(), last.toordinal() + 1)
        self._values: dict[str, list[str]] = {}
        self._masks: dict[tuple[str, str], np.ndarray] = {}

    def values(self, timex: Timex) -> list[str] | str:
        """The expression's value on each day (a list), or its one value when it does not depend on the day."""
        if not timex.relative:
            return timex.value[:10]
        found = self._values.get(timex.relative)
        if found is None:
            found = self._values[timex.relative] = [resolve(timex.relative, d) for d in self.days]
        return found

    def agree(self, timex: Timex, other: Timex | str) -> np.ndarray:
        """The days on which `timex` and `other` (an expression of the same article, or a fixed value)
        can name the same time."""
        key = (timex.relative or timex.value, other if isinstance(other, str) else f"@{other.relative or other.value}")
        mask = self._masks.get(key)
        if mask is None:
            mine = self.values(timex)
            theirs = other if isinstance(other, str) else self.values(other)
            pairs = zip(mine if isinstance(mine, list) else [mine] * len(self.days),
                        theirs if isinstance(theirs, list) else [theirs] * len(self.days), strict=True)
            if len(self._masks) >= MAX_MASKS:
                self._masks.clear()
            mask = self._masks[key] = np.fromiter((_compatible(a, b) for a, b in pairs), dtype=bool,
                                                  count=len(self.days))
        return mask

    def between(self, lower: date | None, upper: date | None) -> np.ndarray:
        mask = np.ones(len(self.days), dtype=bool)
        if lower is not None:
            mask &= self.ordinals >= lower.toordinal()
        if upper is not None:
            mask &= self.ordinals <= upper.toordinal()
        return mask


def _infer(
    article: Article,
    timexes: tuple[Timex, ...],
    text: _Sentences,
    own: Sequence[_Dated],
    anchors: _Anchors,
    calendar: _Calendar,
) -> tuple[Published, float, float] | None:
    """The publication range the evidence supports, how strongly (its score), and the score of the date
    the page prints (`article.published.date` when read from the text); None without evidence."""
    printed = article.published.date if article.published.method == "text" else None
    size = len(calendar.days)
    score = np.zeros(size)
    reasons: list[tuple[float, np.ndarray, Mention, Mention | None]] = []
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not timex.relative:
            continue
        sentence = text.index_of(timex.start)
        mine = text.words_at(timex.start)
        signal = _signal(article.body, timex)
        best = np.zeros(size)
        candidates: list[tuple[_Dated, Timex | str, float]] = anchors.similar(mine, signal, article.id)
        for other, similarity in _alike(mine, signal, sentence, own, anchors.idf):
            if _day_pair(timex, other.timex):  # resolved on the same day as `timex`
                candidates.append((other, other.timex, similarity))
            elif not other.timex.relative and CONCRETE.match(other.timex.value[:10]):
                candidates.append((other, other.timex.value[:10], similarity))
        seen: set[str] = set()
        for other, target, similarity in sorted(candidates, key=lambda c: -c[2]):
            key = target if isinstance(target, str) else f"@{target.relative}"
            if key in seen:
                continue  # the same value again: the most alike sentence already counted
            seen.add(key)
            if len(seen) > MAX_ANCHORS:
                break
            mask = calendar.agree(timex, target)
            satisfied = int(mask.sum())
            if not satisfied or satisfied == size:
                continue  # impossible, or says nothing
            weight = similarity * math.log(size / satisfied)  # a day-level match says more than a month
            np.maximum(best, weight * mask, out=best)
            reasons.append((weight, mask, article.mention(timex.start, timex.end), _mention_of(other)))
        score += best

    for (lower, upper), mention, anchor in _ages(article, anchors):
        mask = calendar.between(lower, upper)
        satisfied = int(mask.sum())
        if not satisfied or satisfied == size:
            continue
        weight = AGE_WEIGHT * math.log(size / satisfied)
        score += weight * mask
        reasons.append((weight, mask, mention, anchor))

    for (lower, upper), mention in _bounds(article, timexes):
        mask = calendar.between(lower, upper)
        score += BOUND_WEIGHT * mask
        if mention is not None:
            reasons.append((BOUND_WEIGHT, mask, mention, None))
    top = float(score.max()) if size else 0.0
    if top <= 0 or not reasons:
        return None  # nothing in the text itself (a crawl date alone says too little)
    best_days = np.flatnonzero(score >= top - 1e-9)
    low, high = int(best_days[0]), int(best_days[-1])
    earliest = calendar.days[low] if low > 0 else None
    latest = calendar.days[high] if high < size - 1 else None
    if earliest is None and latest is None:
        return None
    evidence: list[Mention] = []
    decisive = [r for r in reasons if r[1][best_days].all() and not r[1].all()]
    for _weight, _mask, mention, anchor in sorted(decisive, key=lambda r: -r[0])[:MAX_EVIDENCE]:
        evidence += [mention, *([anchor] if anchor else [])]
    published = Published(date=earliest if earliest == latest else None, earliest=earliest, latest=latest,
                          method="inferred", evidence=tuple(dict.fromkeys(evidence)),
                          crawl_date=article.published.crawl_date)
    printed_score = 0.0
    if printed and calendar.days[0] <= printed <= calendar.days[-1]:
        printed_score = float(score[calendar.days.index(printed)])
    return published, top, printed_score


class _Anchors:
    """Dated sentences that can anchor a relative expression of another article: those with a calendar
    value (absolute, or of an article already dated), each distinct sentence, value and signal once
    (a wire story reprinted a hundred times is one anchor), indexed by word."""

    def __init__(self, every: Iterable[Sequence[_Dated]]) -> None:
        frequency: Counter[str] = Counter()
        sentences_seen = 0
        for items in every:
            for words_of in {(item.sentence, item.words) for item in items}:
                frequency.update(words_of[1])
                sentences_seen += 1
        self.idf = {word: math.log(1 + max(sentences_seen, 1) / n) for word, n in frequency.items()}
        self.items: list[tuple[_Dated, str, float]] = []  # an expression, its value, its sentence's weight
        self.articles: list[set[str]] = []  # the articles each one is found in
        self.postings: dict[str, list[int]] = defaultdict(list)
        self._known: dict[tuple[frozenset[str], str, str], int] = {}

    def add(self, article: str, items: Iterable[_Dated]) -> None:
        for item in items:
            value = item.timex.value[:10]
            if "X" in value or not CONCRETE.match(value):
                continue
            key = (item.words, value, item.signal)
            n = self._known.get(key)
            if n is None:
                n = self._known[key] = len(self.items)
                self.items.append((item, value, sum(self.idf.get(w, 0.0) for w in item.words)))
                self.articles.append(set())
                for word in item.words:
                    self.postings[word].append(n)
            self.articles[n].add(article)

    def similar(self, mine: frozenset[str], signal: str, article: str) -> list[tuple[_Dated, str, float]]:
        """Anchors from other articles whose sentence is like `mine` and whose signal is the same
        ("since June" is not the date of what happened "in June"), with their similarity."""
        common: dict[int, float] = defaultdict(float)
        count: dict[int, int] = defaultdict(int)
        for word in mine:
            weight = self.idf.get(word, 0.0)
            for n in self.postings.get(word, ()):
                common[n] += weight
                count[n] += 1
        weight_mine = sum(self.idf.get(w, 0.0) for w in mine)
        found = []
        for n, shared in count.items():
            item, value, weight_item = self.items[n]
            if shared < MIN_SHARED or item.signal != signal or self.articles[n] == {article}:
                continue
            similarity = 2 * common[n] / (weight_mine + weight_item)
            if similarity >= MIN_SIMILARITY:
                found.append((item, value, similarity))
        return found


def _alike(mine: frozenset[str], signal: str, sentence: int, items: Sequence[_Dated], idf: dict[str, float]
           ) -> list[tuple[_Dated, float]]:
    """An article's own dated expressions in other sentences like `mine`, with the same signal."""
    weight_mine = sum(idf.get(w, 0.0) for w in mine)
    found = []
    for item in items:
        if item.sentence == sentence or item.signal != signal or len(mine & item.words) < MIN_SHARED:
            continue
        total = weight_mine + sum(idf.get(w, 0.0) for w in item.words)
        similarity = 2 * sum(idf.get(w, 0.0) for w in mine & item.words) / total if total else 0.0
        if similarity >= MIN_SIMILARITY:
            found.append((item, similarity))
    return found


def _dated(article: Article, timexes: Iterable[Timex], text: _Sentences) -> list[_Dated]:
    """An article's date expressions (with calendar values or placeholders) as possible anchors."""
    return [_Dated(article.id, t, text.index_of(t.start), text.words_at(t.start), _signal(article.body, t))
            for t in timexes
            if t.type in ("DATE", "TIME") and (PATTERN.match(t.value[:10]) or DAY_VALUE.match(t.value))]


def _day_pair(timex: Timex, other: Timex) -> bool:
    """Two relative expressions of one article that both name days (a weekday and a month day): only
    such a coincidence pins a date; "next week" and "January" together say little."""
    return bool(other.relative) and bool(DAY_VALUE.match(timex.value)) and bool(DAY_VALUE.match(other.value))


def _signal(body: str, timex: Timex) -> str:
    """The word before an expression that makes it a bound ("since June", "by August", "from May 20"),
    lowercased, or "" for the date of an event ("on Monday", "July 11")."""
    match = BOUND_SIGNAL.search(body, max(0, timex.start - 24), timex.start)
    return " ".join(match.group(1).lower().split()) if match else ""


def _mention_of(other: _Dated) -> Mention:
    return Mention(other.article, other.timex.start, other.timex.end, other.timex.text)


def _ages(article: Article, anchors: _Anchors) -> list[tuple[tuple[date, date], Mention, Mention]]:
    """Bounds from the age of an event whose start another sentence dates: "the four-month-old war"
    and "the war began on February 24, 2022" put the publication four to five months after."""
    found = []
    for match in AGE.finditer(article.body):
        if match.group("ord"):
            count_word, unit = match.group("ord").lower(), match.group("ord_unit").lower()
            before = WORDS_BEFORE.search(article.body, max(0, match.start() - 60), match.start())
            what = before.group(1) if before else ""
            digits = count_word.rstrip("stndrh")
            count = ORDINALS.get(count_word, int(digits) if digits.isdigit() else 0) - 1
        else:
            count_word, unit, what = match.group("n").lower(), match.group("unit").lower(), match.group("what")
            count = int(count_word) if count_word.isdigit() else NUMBERS.get(count_word, -1)
        event_words = words(what) - WEEKDAYS
        if count < 0 or not event_words:
            continue
        candidates = set.intersection(*(set(anchors.postings.get(w, ())) for w in event_words))
        starts = [anchors.items[n][:2] for n in sorted(candidates)
                  if len(anchors.items[n][1]) >= 7 and "W" not in anchors.items[n][1]]
        if not starts:
            continue
        anchor, value = starts[0]
        span = value_span(value)
        if span is None:
            continue
        lower = _plus(span[0], count, unit)
        upper = _plus(span[1], count + 1, unit) - timedelta(1)
        found.append(((lower, upper), article.mention(match.start(), match.end()), _mention_of(anchor)))
    return found


def _plus(day: date, count: int, unit: str) -> date:
    """`day` moved on by `count` days, weeks, months or years (month ends clamp)."""
    if unit in ("day", "week"):
        return day + timedelta(count * UNITS[unit])
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    return date(year, month, 28)


def _bounds(article: Article, timexes: Sequence[Timex]) -> list[tuple[tuple[date | None, date | None], Mention | None]]:
    """Weak bounds: absolute dates told in the past or the future, and the crawl date."""
    found: list[tuple[tuple[date | None, date | None], Mention | None]] = []
    for timex in timexes:
        if timex.relative or timex.type != "DATE" or timex.tense not in ("past", "future"):
            continue
        span = value_span(timex.value)
        if span is None or len(timex.value) == 4:
            continue  # a year is too often a name ("the 2015 deal") to bound anything
        mention = article.mention(timex.start, timex.end)
        found.append(((span[0], None) if timex.tense == "past" else (None, span[1]), mention))
    crawl = _day(article.published.crawl_date)
    if crawl is not None:
        found.append(((None, crawl), None))
    return found


def _window(articles: Sequence[Article], tagged: dict[str, tuple[Timex, ...]]) -> tuple[date, date] | None:
    """Candidate publication days: around the latest year the story dates anything in the past (else
    anything at all), or the latest known publication year."""
    known = [int(a.published.date[:4]) for a in articles
             if a.published.method in ("metadata", "text") and a.published.date]
    absolute = [t for found in tagged.values() for t in found
                if t.type == "DATE" and not t.relative and t.value[:4].isdigit() and 1000 <= int(t.value[:4]) <= 9997]
    past = [int(t.value[:4]) for t in absolute if t.tense != "future"]
    years = past or [int(t.value[:4]) for t in absolute]
    if known:
        years = [y for y in years if y <= max(known)] + known
    if not years:
        return None
    latest = max(years)
    return date(latest - 1, 1, 1), date(latest + WINDOW_YEARS, 12, 31)


def _resolved(timexes: tuple[Timex, ...], published: Published) -> tuple[Timex, ...]:
    """Relative expressions resolved over the publication range: what every day of it agrees on."""
    if published.date:
        return _at(timexes, published.date)
    first, last = _day(published.earliest), _day(published.latest)
    if first is None or last is None:
        return timexes
    length = (last - first).days
    step = 1 if length <= DENSE_RANGE_DAYS else 7
    days = list(dict.fromkeys([(first + timedelta(n)).isoformat() for n in range(0, length + 1, step)]
                              + [last.isoformat()]))
    out = []
    for timex in timexes:
        if timex.relative:
            value = _agreed(Counter(_resolve(timex.relative, d) for d in days))
            if value:
                timex = replace(timex, value=value)
        out.append(timex)
    return tuple(out)


def _agreed(values: Counter[str]) -> str | None:
    """The value nearly all days of a range agree on, else the month or year they all share (dates only)."""
    value, count = values.most_common(1)[0]
    if count >= MAJORITY * sum(values.values()):
        return value
    if not all(CONCRETE.match(v) for v in values):
        return None
    for length in (7, 4):
        prefixes = {v[:length] for v in values}
        if len(prefixes) == 1 and all("W" not in v for v in values):
            return next(iter(prefixes))
    return None


@lru_cache(maxsize=1 << 16)
def _compatible(a: str, b: str) -> bool:
    return compatible(a, b)


def compatible(a: str, b: str) -> bool:
    """Whether two date values can name the same time: equal at the coarser one's precision
    (a month or finer), X placeholders matching anything."""
    if not a or not b:
        return False
    if "X" in a or "X" in b:
        if "W" in a or "W" in b:
            return False
        length = min(len(a), len(b))
        if length < 7:
            return False
        return all(x == y or x == "X" or y == "X" for x, y in zip(a[:length], b[:length], strict=True))
    span_a, span_b = value_span(a), value_span(b)
    if span_a is None or span_b is None:
        return False
    (a0, a1), (b0, b1) = span_a, span_b
    if max((a1 - a0).days, (b1 - b0).days) > 31:
        return False  # a year says too little
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


@lru_cache(maxsize=1 << 14)
def value_span(value: str) -> tuple[date, date] | None:
    """The first and last day a concrete date value covers."""
    value = value[:10]
    if not CONCRETE.match(value):
        return None
    try:
        year = int(value[:4])
        if len(value) == 4:
            return date(year, 1, 1), date(year, 12, 31)
        if value[5] == "W":
            monday = date.fromisocalendar(year, int(value[6:8]), 1)
            return monday, monday + timedelta(6)
        month = int(value[5:7])
        if len(value) == 7:
            following = date(year + (month == 12), month % 12 + 1, 1)
            return date(year, month, 1), following - timedelta(1)
        day = date(year, month, int(value[8:10]))
        return day, day
    except (ValueError, OverflowError):
        return None


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class _Sentences:
    """An article's sentences, and the content words of each (computed once, when first asked)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.spans = sentence_spans(body)
        self.starts = [start for start, _ in self.spans]
        self._words: dict[int, frozenset[str]] = {}

    def index_of(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def words_at(self, offset: int) -> frozenset[str]:
        """The content words of the sentence around `offset`, without the words that date it."""
        if not self.spans:
            return frozenset()
        n = self.index_of(offset)
        if n not in self._words:
            start, end = self.spans[n]
            self._words[n] = frozenset(words(self.body[start:end]) - WEEKDAYS)
        return self._words[n]


def _at(timexes: tuple[Timex, ...], day: str) -> tuple[Timex, ...]:
    """Expressions tagged without a reference date, with their values for `day`."""
    return tuple(replace(t, value=_resolve(t.relative, day)) if t.relative else t for t in timexes)


@lru_cache(maxsize=1 << 16)
def _resolve(relative: str, day: str) -> str:
    return resolve(relative, day)


def _label(published: Published) -> str:
    if published.date:
        return published.date
    return f"{published.earliest or '...'} to {published.latest or '...'}"
