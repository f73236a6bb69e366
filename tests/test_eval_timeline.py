"""eval/timeline.py: relative dates, inferred publication dates and the timeline, floors on the seeds and
the example story (no model needed: the temporal layer reads cleaned text only)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Just under what is measured (eval/timeline.py; docs/quality.md).
SEEDS_RELATIVE_FLOOR = 0.95  # share of relative dates resolved to the right day, week or month
SEEDS_EVENTS_FLOOR = 0.85  # share of the gold events the timeline has at their date
SEEDS_VALUE_F1_FLOOR = 0.95
EXAMPLES_RELATIVE_FLOOR = 0.96
EXAMPLES_EVENTS_FLOOR = 0.92


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_timeline", ROOT / "eval" / "timeline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_timeline", module)
    spec.loader.exec_module(module)
    return module


ev = _eval_module()


def _share(part: dict) -> float:
    return part.get("right", part.get("found", 0)) / part["total"]


def test_seeds_every_publication_range_contains_its_true_date(seeds_dir: Path) -> None:
    result = ev.score_seeds(seeds_dir)
    for entry in result["publication"]:
        assert entry["method"] == "inferred", entry
        assert entry["contains"], entry
    assert _share(result["relative_dates"]) >= SEEDS_RELATIVE_FLOOR, result["relative_dates"]["errors"]
    assert _share(result["events"]) >= SEEDS_EVENTS_FLOOR, result["events"]["errors"]
    assert result["expressions"]["value_f1"] >= SEEDS_VALUE_F1_FLOOR


def test_seed_page_header_date_is_the_crawl_date_not_the_publication(seeds_dir: Path) -> None:
    from storyline.pipeline import clean_only, story_time
    from storyline.settings import Settings

    articles, _ = clean_only([seeds_dir], settings=Settings(db_path=None, show_progress=False))
    dated, _, _, _ = story_time(articles)
    dallas = next(a for a in dated if a.id.startswith("000_"))
    assert dallas.published.crawl_date == "2022-09-25"
    assert dallas.published.latest is not None and dallas.published.latest < "2022-09-25"


def test_examples_relative_dates_and_timeline() -> None:
    result = ev.score_examples()
    assert _share(result["relative_dates"]) >= EXAMPLES_RELATIVE_FLOOR, result["relative_dates"]["errors"]
    assert _share(result["events"]) >= EXAMPLES_EVENTS_FLOOR, result["events"]["errors"]
    undated = [e for e in result["publication"] if e["article"].startswith("10-")]
    assert undated and undated[0]["method"] == "inferred"
    earliest, latest = undated[0]["published"]
    assert earliest <= "2025-05-15" <= latest  # the annotation's publication day


def test_body_offset_maps_raw_offsets_through_the_cleaners_segments() -> None:
    segments = ((0, 10, 5), (6, 20, 4))
    assert ev._body_offset(segments, 12) == 2
    assert ev._body_offset(segments, 21) == 7
    assert ev._body_offset(segments, 5) is None
