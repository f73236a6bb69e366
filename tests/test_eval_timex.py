"""eval/timex.py: the TimeML and MEANTIME readers, the matcher; quality floors on TempEval-3 and MEANTIME."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Just under what is measured (eval/timex.py: value F1 0.823, relaxed 0.947, strict 0.880, type 0.953;
# AQUAINT value 0.791; MEANTIME value 0.839, relaxed 0.930), rounded down.
TEMPEVAL_VALUE_F1_FLOOR = 0.82
TEMPEVAL_RELAXED_F1_FLOOR = 0.94
TEMPEVAL_STRICT_F1_FLOOR = 0.87
TEMPEVAL_TYPE_ACCURACY_FLOOR = 0.95
AQUAINT_VALUE_F1_FLOOR = 0.78  # the held-out half: the rules were mostly written on TimeBank errors
MEANTIME_VALUE_F1_FLOOR = 0.83
MEANTIME_RELAXED_F1_FLOOR = 0.92


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_timex", ROOT / "eval" / "timex.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_timex", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ev = _eval_module()

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks <EVENT eid="e1">fell</EVENT> &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, \
for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3>.
</TEXT>
</TimeML>
"""

MEANTIME_XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">7</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2005</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">won</token>
<token number="8" sentence="2" t_id="9">last</token>
<token number="9" sentence="2" t_id="10">week</token>
<token number="10" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2005-05-07">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2005-W18">
<token_anchor t_id="9"/><token_anchor t_id="10"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="2005-04-30" functionInDocument="NONE" m_id="3" type="DATE" value="2005-04-30"/>
</Markables>
</Document>
"""


def test_parse_tml_strips_tags_and_keeps_offsets() -> None:
    document = ev.parse_tml(TML, "x")
    assert document.dct == "1998-01-08"
    assert [document.text[g.start:g.end] for g in document.gold] == ["yesterday", "a week"]
    assert [(g.type, g.value) for g in document.gold] == [("DATE", "1998-01-07"), ("DURATION", "P1W")]
    assert "&amp;" not in document.text and "fell & rose" in document.text


def test_parse_meantime_rebuilds_the_text() -> None:
    document = ev.parse_meantime(MEANTIME_XML, "x")
    assert document.text == "Apple wins\nMay 7, 2005\nIt won last week."
    assert document.dct == "2005-05-07"
    assert [document.text[g.start:g.end] for g in document.gold] == ["May 7, 2005", "last week"]  # no empty tag


def test_match_is_one_to_one_largest_overlap_first() -> None:
    gold = [ev.GoldTimex(0, 10, "DATE", "a"), ev.GoldTimex(12, 20, "DATE", "b")]
    predicted = [ev.Predicted(0, 4, "DATE", "a"), ev.Predicted(2, 15, "DATE", "a"), ev.Predicted(30, 35, "SET", "c")]
    assert ev.match(gold, predicted) == [(0, 1), (1, 2)] or ev.match(gold, predicted) == [(0, 1)]
    assert ev.match(gold, predicted)[0] == (0, 1)  # 8 characters beat 4
    assert ev.match([], predicted) == []


def test_score_counts_strict_relaxed_and_values() -> None:
    document = ev.Document("x", "He left yesterday, for a week.", "1998-01-08",
                           [ev.GoldTimex(8, 17, "DATE", "1998-01-07"), ev.GoldTimex(19, 29, "DURATION", "P1W")])
    figures = ev.score([document]).figures()
    assert figures["strict"]["f1"] == 0.5  # "a week" is the system's span, "for a week" is not
    assert figures["relaxed"]["f1"] == 1.0 and figures["value"]["f1"] == 1.0 and figures["type_accuracy"] == 1.0


def test_canonical_spellings_are_compared_alike() -> None:
    assert ev.canonical("2000-W7") == ev.canonical("2000-W07") == "2000-W07"
    assert ev.canonical("2000-W7-WE") == "2000-W07-WE"
    assert ev.canonical("198X") == ev.canonical("198") and ev.canonical("19XX") == ev.canonical("19")
    assert ev.canonical("1989-11-06T17") == ev.canonical("1989-11-06T17:00")
    # What a value means is never changed: a year is not a month of it, a week not a day.
    assert ev.canonical("1968-XX") != ev.canonical("1968")
    assert ev.canonical("2000-W10") == "2000-W10" and ev.canonical("XXXX-WXX-1") == "XXXX-WXX-1"
    assert ev.canonical("1998-10-XX") == "1998-10-XX" and ev.canonical("PXY") == "PXY"


# -- quality floors (one scoring run shared by the tests below)


@pytest.fixture(scope="module")
def results() -> dict:
    if not ev.SHARED.is_dir():
        pytest.skip(f"no datasets at {ev.SHARED}")
    return {name: counts.figures() for name, counts in ev.evaluate().items()}


def test_tempeval_floor(results: dict) -> None:
    figures = results.get("TempEval-3") or pytest.skip("TempEval-3 (TBAQ-cleaned) is not in ../shared/datasets")
    assert figures["gold"] == 1822
    assert figures["value"]["f1"] >= TEMPEVAL_VALUE_F1_FLOOR
    assert figures["relaxed"]["f1"] >= TEMPEVAL_RELAXED_F1_FLOOR
    assert figures["strict"]["f1"] >= TEMPEVAL_STRICT_F1_FLOOR
    assert figures["type_accuracy"] >= TEMPEVAL_TYPE_ACCURACY_FLOOR
    assert results["AQUAINT"]["value"]["f1"] >= AQUAINT_VALUE_F1_FLOOR


def test_meantime_floor(results: dict) -> None:
    figures = results.get("MEANTIME") or pytest.skip("MEANTIME is not in ../shared/datasets")
    assert figures["value"]["f1"] >= MEANTIME_VALUE_F1_FLOOR
    assert figures["relaxed"]["f1"] >= MEANTIME_RELAXED_F1_FLOOR
