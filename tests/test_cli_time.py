"""`storyline timex` and `storyline timeline` end to end (they need no model: no spaCy is loaded)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

WIDE = {"COLUMNS": "200"}
runner = CliRunner()

SCRAPE = ("Menu | Home | World\n\n"
          "Iran is preparing to supply Russia with drones, the White House said on Monday.\n\n"
          "Putin will travel to Tehran next week, the Kremlin said.\n")


def test_timex_raw_json_offsets_refer_to_the_file(tmp_path: Path) -> None:
    source = tmp_path / "scrape.txt"
    source.write_text(SCRAPE, encoding="utf-8")
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["timex", "--dct", "2022-07-12", str(source), "--raw", "--json", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    [entry] = data["articles"]
    assert entry["id"] == "scrape.txt"
    found = {t["text"]: t for t in entry["timexes"]}
    assert found["Monday"]["value"] == "2022-07-11" and found["Monday"]["type"] == "DATE"
    assert found["next week"]["value"] == "2022-W29"
    for timex in entry["timexes"]:
        assert SCRAPE[timex["start"]:timex["end"]] == timex["text"]
        assert {"start", "end", "text", "type", "value"} <= set(timex)
    assert "2022-07-11" in result.output and "Monday" in result.output


def test_timex_without_dct_uses_the_articles_date_or_says_it_is_unknown(tmp_path: Path) -> None:
    source = tmp_path / "scrape.txt"
    source.write_text(SCRAPE, encoding="utf-8")
    result = runner.invoke(app, ["timex", str(source), "--raw"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "date unknown" in result.output  # nothing to anchor "Monday": its value keeps placeholders


def test_timex_rejects_a_bad_dct(tmp_path: Path) -> None:
    source = tmp_path / "scrape.txt"
    source.write_text(SCRAPE, encoding="utf-8")
    result = runner.invoke(app, ["timex", "--dct", "2022-02-30", str(source)])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_timex_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timex", str(tmp_path / "nope.txt"), "--raw"])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_timeline_on_the_example_corpus(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    out = tmp_path / "timeline.json"
    result = runner.invoke(app, ["timeline", str(corpus), "--json", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    dates = [e["date"] for e in data["timeline"] if e["date"]]
    assert "2025-04-07" in dates  # the leak, "early on Monday" in the articles of April 8 and 9
    assert "dated event" in result.output
    for event in data["timeline"]:
        assert event["mentions"] and event["description"]
