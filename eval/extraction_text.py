"""Plain-text scrape cleaning against a line-level gold annotation of the seed pages.

Data: the scrapes in `../shared/seeds/*.txt`, read at run time, and
`eval/gold/seeds-lines.json`, which lists for each file the 0-based indices (after
`str.splitlines()`) of the lines that are article body: dateline, standfirst,
paragraphs and crossheads. The gold holds indices only, no text.

Metric: every non-blank line is an item; a line is predicted body when
`clean_text` kept it (some segment of the body comes from it). Precision, recall
and F1 are micro-averaged over all lines of all pages. Lost body lines (false
negatives) are listed, since losing a paragraph is the worse error.

Measured (4 pages, 192 lines, 88 body lines)::

    page                         lines  body    P      R      F1
    all                            117    88  1.000  1.000  1.000

    PYTHONPATH=src python eval/extraction_text.py
"""

from __future__ import annotations

import json
import sys
from bisect import bisect_right
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
GOLD = HERE / "gold" / "seeds-lines.json"


def _line_starts(text: str) -> tuple[list[int], list[bool]]:
    """Start offset of every `splitlines()` line, and whether it is non-blank."""
    starts, filled, pos = [], [], 0
    for raw in text.splitlines(keepends=True):
        starts.append(pos)
        filled.append(bool(raw.strip()))
        pos += len(raw)
    return starts, filled


def kept_lines(text: str, segments: tuple[tuple[int, int, int], ...]) -> set[int]:
    """Indices of the `splitlines()` lines that some body segment comes from."""
    starts, _ = _line_starts(text)
    return {bisect_right(starts, source_start) - 1 for _, source_start, length in segments if length}


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def score_seeds(shared_dir: Path = SHARED, *, gold_path: Path = GOLD) -> dict:
    """Line-level precision, recall and F1 of `clean_text` on the seed scrapes, per page and overall.

    Returns `{"pages": {name: {...}}, "overall": {...}, "lost": [(name, index, text), ...]}`.
    A seed missing from `shared_dir` is reported under "missing" and skipped.
    """
    from storyline.clean.text import clean_text

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))["seeds"]
    seeds_dir = Path(shared_dir) / "seeds"
    pages: dict[str, dict] = {}
    lost: list[tuple[str, int, str]] = []
    missing: list[str] = []
    total = {"tp": 0, "fp": 0, "fn": 0, "lines": 0, "body": 0}
    for name, body_lines in sorted(gold.items()):
        path = seeds_dir / name
        if not path.is_file():
            missing.append(name)
            continue
        text = path.read_text(encoding="utf-8")
        page = clean_text(text)
        kept = kept_lines(text, page.segments)
        _, filled = _line_starts(text)
        raw_lines = text.splitlines()
        truth = set(body_lines)
        counts = {"tp": 0, "fp": 0, "fn": 0, "lines": sum(filled), "body": len(truth)}
        for index, non_blank in enumerate(filled):
            if not non_blank:
                continue
            predicted, actual = index in kept, index in truth
            if predicted and actual:
                counts["tp"] += 1
            elif predicted:
                counts["fp"] += 1
            elif actual:
                counts["fn"] += 1
                lost.append((name, index, raw_lines[index]))
        pages[name] = {**counts, **_prf(counts)}
        for key in total:
            total[key] += counts[key]
    return {"pages": pages, "overall": {**total, **_prf(total)}, "lost": lost, "missing": missing}


def _prf(counts: dict[str, int]) -> dict[str, float]:
    precision = _ratio(counts["tp"], counts["tp"] + counts["fp"])
    recall = _ratio(counts["tp"], counts["tp"] + counts["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def print_table(result: dict) -> None:
    print(f"{'page':<28} {'lines':>5} {'body':>5} {'P':>6} {'R':>6} {'F1':>6}")
    rows = [*result["pages"].items(), ("all", result["overall"])]
    for name, row in rows:
        print(f"{name:<28} {row['lines']:>5} {row['body']:>5} "
              f"{row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}")
    for name in result["missing"]:
        print(f"missing: {name}")
    for name, index, line in result["lost"]:
        print(f"lost body line {name}:{index}: {line[:70]!r}")


def main() -> None:
    if not (SHARED / "seeds").is_dir():
        print(f"no seeds at {SHARED / 'seeds'}; nothing to score", file=sys.stderr)
        sys.exit(0)
    print_table(score_seeds(SHARED))


if __name__ == "__main__":
    main()
