"""Body-extraction quality: HTML pages and plain-text scrapes.

- HTML: `../shared/datasets/article-extraction` with the benchmark's own metric
  (4-word shingles of `\\w+` tokens, per-page P/R, micro-averaged), storyline's
  `clean_html` beside `trafilatura.extract` alone, on the same pages.
- Plain text: the scrapes in `../shared/seeds`, line by line against our own
  annotation of which lines are article body (`eval/gold/seeds-lines.json`).

    .venv/bin/python eval/extraction.py [--limit N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extraction_html import score_html  # noqa: E402
from extraction_text import score_seeds  # noqa: E402

SHARED = HERE.parent.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description="Score body extraction on ../shared data.")
    parser.add_argument("--limit", type=int, default=None, help="only the first N HTML pages")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"no shared data at {SHARED}")
    html = score_html(SHARED, limit=args.limit)
    text = score_seeds(SHARED)
    print()
    print(json.dumps({"html": html, "plain_text": text}, indent=2, default=str))
    if args.json:
        args.json.write_text(json.dumps({"html": html, "plain_text": text}, indent=2, default=str),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
