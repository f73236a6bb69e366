"""How the cross-article layer scales: from 1,000 to 20,000 articles, per-article cost and peak memory.

The cross-article layer (`pipeline.build_dossier`: publication dates and timeline,
entities, quote linking, text reuse, stories, claims, contradictions, novelty)
runs on stored per-article results, so the large corpora are built from them
rather than by running spaCy 20,000 times:

1. the bench corpus of bench/pipeline.py (1,000 articles from the example story,
   each made distinct) is run through the pipeline once, into a fresh store;
2. each run of ten stored results becomes a story of its own: every content word
   and name of its articles is re-spelt with a letter substitution keyed by the
   story (same length and case, so every offset and mention stays valid; function
   words, months, weekdays and speech verbs are kept so sentences, dates and
   attributions still read), ids become "k<key>-<id>" and outlets are re-spelt
   the same way; copies of the 1,000 with other keys make the larger corpora;
3. `build_dossier` runs on 1,000, 2,000, 5,000, 10,000 and 20,000 of them, each
   stage timed on its own.

So 20,000 articles are 2,000 stories of ten articles, with wire copies and
reprints among them (the bench corpus repeats the example story's articles):
what a large mixed archive looks like to the layer. The goal: the cost per
article at 20,000 within 1.5x of that at 1,000.

    .venv/bin/python bench/cross_article.py [--sizes 1000,2000,5000,10000,20000] [--json out.json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any

from storyline import pipeline
from storyline.extract.quotes import QUOTING_VERBS
from storyline.model import ArticleResult
from storyline.settings import Settings
from storyline.words import MONTHS, STOPWORDS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import build_corpus  # noqa: E402  (bench/pipeline.py)

# The stages of build_dossier, timed by wrapping the names it calls.
STAGES = ("equipment_mentions", "cluster_stories", "story_time", "merge_timelines", "link_entities",
          "_link_quotes_by_story", "find_duplicates", "independence_keys", "group_claims", "find_contradictions",
          "novelty")
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
KEEP = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS) | QUOTING_VERBS | frozenset(
    "last next this week month year day days weeks months years earlier later ago early late mid "
    "today yesterday tomorrow morning afternoon evening night".split())
WORD = re.compile(r"[A-Za-z]{3,}")
# Articles per story: each run of this many stored results gets its own cipher.
STORY = 10
LOWER = "abcdefghijklmnopqrstuvwxyz"


def cipher(key: int) -> Callable[[str], str]:
    """Re-spell every word not in KEEP with a letter substitution keyed by `key` (length and case kept)."""
    letters = list(LOWER)
    random.Random(key).shuffle(letters)
    shuffled = "".join(letters)
    table = str.maketrans(LOWER + LOWER.upper(), shuffled + shuffled.upper())

    def respell(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.lower() in KEEP else word.translate(table)

    return lambda text: WORD.sub(respell, text)


def variant(result: ArticleResult, key: int) -> ArticleResult:
    """One article's stored results re-spelt with cipher `key`: a new id, every mention re-sliced."""
    spell = cipher(key)
    body = spell(result.article.body)
    old_id = result.article.id
    new_id = f"k{key}-{old_id}"

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            item = {k: walk(v) for k, v in value.items()}
            if item.get("article") == old_id and {"start", "end", "text"} <= item.keys():
                item["article"] = new_id
                item["text"] = body[item["start"]:item["end"]]
            for field in ("name", "predicate", "outlet", "title"):
                if isinstance(item.get(field), str):
                    item[field] = spell(item[field])
            return item
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    data = walk(result.to_dict())
    data["article"].update(id=new_id, source=f"k{key}/{result.article.source}", body=body,
                           content_hash=f"{key}:{result.article.content_hash}")
    return ArticleResult.from_dict(data)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def instrument(seconds: dict[str, float]) -> None:
    """Wrap the stages build_dossier calls so each adds its time to `seconds`."""
    for name in STAGES:
        original = getattr(pipeline, name)

        @wraps(original)
        def timed(*args: Any, __original: Callable[..., Any] = original, __name: str = name, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return __original(*args, **kwargs)
            finally:
                seconds[__name] += time.perf_counter() - start

        setattr(pipeline, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000,20000")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="Keep the corpus and its store in this folder: a second run "
                                                   "reads the stored results instead of parsing again.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        if not (folder / "corpus").exists():
            build_corpus(folder / "corpus", articles=1000)
        settings = Settings(db_path=folder / "store.db", show_progress=False)
        base, _, _ = pipeline._results([folder / "corpus"], settings=settings, progress=pipeline._Silent())
    print(f"stored results of {len(base)} articles; building up to {max(sizes)}", flush=True)

    seconds: dict[str, float] = defaultdict(float)
    instrument(seconds)
    copies = -(-max(sizes) // len(base))
    results = [variant(r, 1 + copy * len(base) + n // STORY) for copy in range(copies)
               for n, r in enumerate(base)][: max(sizes)]
    rows = []
    for size in sorted(sizes):
        seconds.clear()
        start = time.perf_counter()
        dossier = pipeline.build_dossier(results[:size])
        total = time.perf_counter() - start
        row = {"articles": size, "seconds": round(total, 2), "ms_per_article": round(1000 * total / size, 2),
               "peak_mb": round(peak_mb()), "stories": len(dossier.stories), "claims": len(dossier.claims),
               "duplicate_pairs": len(dossier.duplicates),
               "stages_ms_per_article": {k: round(1000 * v / size, 3) for k, v in seconds.items()}}
        rows.append(row)
        print(json.dumps(row), flush=True)
    report(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


def report(rows: Sequence[dict[str, Any]]) -> None:
    first = rows[0]
    print()
    print(f"{'articles':>8} {'s':>8} {'ms/art':>8} {'x of first':>10} {'peak MB':>8} {'stories':>8} {'claims':>8}")
    for row in rows:
        print(f"{row['articles']:>8} {row['seconds']:>8} {row['ms_per_article']:>8} "
              f"{row['ms_per_article'] / first['ms_per_article']:>10.2f} {row['peak_mb']:>8} "
              f"{row['stories']:>8} {row['claims']:>8}")
    print()
    print("ms per article by stage (first size -> last size):")
    last = rows[-1]
    for stage in STAGES:
        a = first["stages_ms_per_article"].get(stage, 0.0)
        b = last["stages_ms_per_article"].get(stage, 0.0)
        ratio = f"{b / a:.2f}x" if a else "-"
        print(f"  {stage:<22} {a:>8.3f} -> {b:>8.3f}  {ratio}")


if __name__ == "__main__":
    main()
