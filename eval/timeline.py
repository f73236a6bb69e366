"""Relative dates, inferred publication dates and the timeline, on the seed scrapes and the example story.

`eval/timex.py` scores the tagger on TempEval-3 and MEANTIME, one document at a
time with its known creation date. This script scores what a user of storyline
sees when pointed at a folder of undated scrapes: the pipeline cleans them,
infers each publication date from the texts (`link/published.py`), resolves
every expression against it and merges the timeline (`link/timeline.py`).

Data, read at run time:

- The seed scrapes `../shared/seeds/*.txt` against our own reading of them,
  `eval/gold/seeds-timexes.json` (offsets into the raw file text, values
  resolved against each article's true publication date; see its
  `_conventions`). Gold offsets are carried into the cleaned bodies through
  the plain-text cleaner's offset map.
- The fictional example corpus, `examples/corpus`, against
  `examples/annotation.json` (`relative_dates`: each expression as written and
  the day, ISO week (its Monday) or month it resolves to; `timeline`: the
  story's dated events).

Measures:

- **relative dates resolved**: of the gold expressions that need the
  publication date and resolve to a calendar date (a day, week, month or
  year), the share where storyline has an expression overlapping it with that
  value. Seeds and examples. (Ages of events such as "the three-week-old
  investigation" are durations in TIMEX3; they are listed, not scored.)
- **expressions** (seeds): TempEval-3's relaxed span P/R/F1 and value F1 over
  every gold expression in the body (the gold leaves out headlines and captions,
  so precision is a lower bound).
- **publication ranges**: per article, whether the inferred range contains the
  gold range (the true date lies in it) and how many days it spans.
- **timeline events**: of the gold events, the share that storyline's timeline
  has at the gold date, reported by the gold's sentence (seeds) or at that date
  at all (examples).

Goal (issue 4): every relative date resolved to the right day or month and
every publication range containing its true date.

    .venv/bin/python eval/timeline.py [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from bisect import bisect_right
from datetime import date
from pathlib import Path

from storyline.clean.text import clean_text
from storyline.model import Article, TimelineEvent, Timex
from storyline.pipeline import clean_only, story_time
from storyline.settings import Settings

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = HERE / "gold" / "seeds-timexes.json"
EXAMPLES = HERE.parent / "examples"
CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
AGES = re.compile(r"-old\b|\bafter\b", re.IGNORECASE)


def _quiet() -> Settings:
    return Settings(db_path=None, show_progress=False)


def _overlapping(timexes: tuple[Timex, ...], start: int, end: int) -> list[Timex]:
    return [t for t in timexes if t.start < end and start < t.end]


def _same_value(timex: Timex, value: str) -> bool:
    """A value right at the gold's precision: "Monday afternoon" (2025-04-07TAF) is right for 2025-04-07."""
    return timex.value == value or (timex.type == "TIME" and timex.value.split("T")[0] == value)


def _iso_week(day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _body_offset(segments: tuple[tuple[int, int, int], ...], source_offset: int) -> int | None:
    """Where a raw-text offset lands in the cleaned body (None when cleaning removed it)."""
    starts = [s for _, s, _ in segments]
    n = bisect_right(starts, source_offset) - 1
    if n < 0:
        return None
    body_start, source_start, length = segments[n]
    if source_offset > source_start + length:
        return None
    return body_start + source_offset - source_start


def _range_contains(published, earliest: str, latest: str) -> bool:
    return (published.earliest or "0000") <= earliest and latest <= (published.latest or "9999")


def _range_days(published) -> int | None:
    if not (published.earliest and published.latest):
        return None
    return (date.fromisoformat(published.latest) - date.fromisoformat(published.earliest)).days + 1


def score_seeds(seeds: Path = SEEDS, gold_path: Path = SEEDS_GOLD) -> dict:
    """Relative dates, expressions, publication ranges and timeline events of the seed scrapes."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    articles, _ = clean_only([seeds], settings=_quiet())
    articles, timexes, timeline, _warnings = story_time(articles)
    by_id = {a.id: a for a in articles}
    relative = {"total": 0, "right": 0, "errors": []}
    spans = {"gold": 0, "predicted": 0, "matched": 0, "value_right": 0}
    ranges = []
    events = {"total": 0, "found": 0, "errors": []}
    for name, entry in gold.items():
        article = by_id.get(name)
        if article is None:
            relative["errors"].append(f"{name}: not read")
            continue
        raw = (seeds / name).read_text(encoding="utf-8")
        segments = clean_text(raw).segments
        found = timexes.get(name, ())
        matched: set[int] = set()
        for item in entry["timexes"]:
            start, end = _body_offset(segments, item["start"]), _body_offset(segments, item["end"] - 1)
            if start is None or end is None:
                continue
            spans["gold"] += 1
            overlap = [t for t in _overlapping(found, start, end + 1) if id(t) not in matched]
            if overlap:
                spans["matched"] += 1
                matched.add(id(overlap[0]))
                spans["value_right"] += overlap[0].value == item["value"]
            if item.get("relative") and CALENDAR.match(item["value"]):
                relative["total"] += 1
                if any(_same_value(t, item["value"]) for t in overlap):
                    relative["right"] += 1
                else:
                    got = ", ".join(f"{t.text!r}={t.value}" for t in overlap) or "nothing"
                    relative["errors"].append(f"{name}: {item['text']!r} gold {item['value']}, got {got}")
        body_start = _body_offset(segments, 0) or 0
        spans["predicted"] += sum(1 for t in found if t.start >= body_start)
        truth = entry["published"]
        ranges.append({"article": name, "gold": [truth["earliest"], truth["latest"]],
                       "inferred": [article.published.earliest, article.published.latest],
                       "method": article.published.method,
                       "contains": _range_contains(article.published, truth["earliest"], truth["latest"]),
                       "days": _range_days(article.published)})
        for event in entry["events"]:
            events["total"] += 1
            start, end = _body_offset(segments, event["evidence"][0]), _body_offset(segments, event["evidence"][1] - 1)
            if start is not None and end is not None and _reported(timeline, name, start, end + 1, event["date"]):
                events["found"] += 1
            else:
                events["errors"].append(f"{name}: {event['date']} {event['what'][:70]}")
    return {"relative_dates": relative, "expressions": _prf(spans), "publication": ranges, "events": events,
            "timeline_events": len(timeline)}


def _reported(timeline: tuple[TimelineEvent, ...], article: str, start: int, end: int, when: str) -> bool:
    return any(event.date == when and any(m.mention.article == article and m.mention.start < end
                                          and start < m.mention.end for m in event.mentions)
               for event in timeline)


def _prf(spans: dict) -> dict:
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    p = spans["matched"] / spans["predicted"] if spans["predicted"] else 0.0
    r = spans["matched"] / spans["gold"] if spans["gold"] else 0.0
    vp = spans["value_right"] / spans["predicted"] if spans["predicted"] else 0.0
    vr = spans["value_right"] / spans["gold"] if spans["gold"] else 0.0
    return {**spans, "relaxed_p": round(p, 3), "relaxed_r": round(r, 3), "relaxed_f1": round(f1(p, r), 3),
            "value_f1": round(f1(vp, vr), 3)}


def score_examples(examples: Path = EXAMPLES) -> dict:
    """Relative dates and timeline dates of the example story against its annotation."""
    annotation = json.loads((examples / "annotation.json").read_text(encoding="utf-8"))
    articles, _ = clean_only([examples / "corpus"], settings=_quiet())
    articles, timexes, timeline, _warnings = story_time(articles)
    by_file: dict[str, Article] = {Path(a.source.split("#")[0]).name: a for a in articles}
    relative = {"total": 0, "right": 0, "errors": [], "ages": []}
    for item in annotation["relative_dates"]:
        article = by_file.get(item["file"])
        at = article.body.find(item["expression"]) if article else -1
        if AGES.search(item["expression"]):
            relative["ages"].append(f"{item['file']}: {item['expression']!r} -> {item['resolves_to']} (not scored)")
            continue
        relative["total"] += 1
        if article is None or at < 0:
            relative["errors"].append(f"{item['file']}: {item['expression']!r} not in the body")
            continue
        want = _iso_week(item["resolves_to"]) if item["granularity"] == "week" else item["resolves_to"]
        overlap = _overlapping(timexes.get(article.id, ()), at, at + len(item["expression"]))
        if any(_same_value(t, want) for t in overlap):
            relative["right"] += 1
        else:
            got = ", ".join(f"{t.text!r}={t.value}" for t in overlap) or "nothing"
            relative["errors"].append(f"{item['file']}: {item['expression']!r} gold {want}, got {got}")
    dates = {e.date for e in timeline if e.date}
    gold_dates = [e["date"] for e in annotation["timeline"]]
    missing = [d for d in gold_dates if d not in dates]
    publication = [{"article": a.id, "published": a.published.date or [a.published.earliest, a.published.latest],
                    "method": a.published.method} for a in articles]
    return {"relative_dates": relative,
            "events": {"total": len(gold_dates), "found": len(gold_dates) - len(missing),
                       "errors": [f"no event dated {d}" for d in missing]},
            "timeline_events": len(timeline), "publication": publication}


def _share(part: dict) -> str:
    return f"{part['right' if 'right' in part else 'found']}/{part['total']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    results = {}
    if SEEDS.exists() and SEEDS_GOLD.exists():
        results["seeds"] = score_seeds()
    else:
        print(f"no seeds under {SEEDS}: skipped", file=sys.stderr)
    results["examples"] = score_examples()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, result in results.items():
        print(f"{name}: relative dates resolved {_share(result['relative_dates'])}, "
              f"timeline events found {_share(result['events'])} ({result['timeline_events']} in the timeline)")
        if "expressions" in result:
            e = result["expressions"]
            print(f"  expressions: relaxed span P {e['relaxed_p']:.3f} R {e['relaxed_r']:.3f} "
                  f"F1 {e['relaxed_f1']:.3f}, value F1 {e['value_f1']:.3f}")
        for entry in result["publication"]:
            if "gold" in entry:
                print(f"  {entry['article']}: inferred {entry['inferred'][0]} .. {entry['inferred'][1]} "
                      f"({entry['method']}, {entry['days']} days), true {entry['gold'][0]} .. {entry['gold'][1]}: "
                      f"{'contains it' if entry['contains'] else 'MISSES it'}")
        if args.errors:
            for line in result["relative_dates"]["errors"] + result["events"]["errors"]:
                print(f"    miss: {line}")
            for line in result["relative_dates"].get("ages", ()):
                print(f"    {line}")


if __name__ == "__main__":
    main()
