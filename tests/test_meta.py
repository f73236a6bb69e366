"""Printed dates, outlet names from page furniture, and outlet normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.meta import (
    PrintedDate,
    comparison_key,
    find_printed_dates,
    masthead_outlet,
    normalise_outlet,
    outlet_from_text,
)


@pytest.mark.parametrize(
    ("text", "expected", "granularity", "time"),
    [
        ("Sunday, September 25, 2022", "2022-09-25", "day", None),
        ("Sept. 25, 2022", "2022-09-25", "day", None),
        ("Sep 25 2022", "2022-09-25", "day", None),
        ("25 September 2022", "2022-09-25", "day", None),
        ("Sunday 25th of September, 2022", "2022-09-25", "day", None),
        ("2022-09-25", "2022-09-25", "day", None),
        ("2022-09-25T14:03:00Z", "2022-09-25", "day", "14:03"),
        ("09/25/2022", "2022-09-25", "day", None),
        ("25/09/2022", "2022-09-25", "day", None),
        ("25.09.2022 um 14:30", "2022-09-25", "day", "14:30"),
        ("07/07/2022", "2022-07-07", "day", None),
        ("July 12, 2022 at 10:04 a.m.", "2022-07-12", "day", "10:04"),
        ("Published: July 12, 2022, 3:05 PM", "2022-07-12", "day", "15:05"),
        ("July 12, 2022 at 12:30 a.m.", "2022-07-12", "day", "00:30"),
        ("Sept. 25, '22", "2022-09-25", "day", None),
        ("9/25/22", "2022-09-25", "day", None),
        ("March 3, 1999", "1999-03-03", "day", None),
        ("25 de septiembre de 2022", "2022-09-25", "day", None),
        ("le 25 septembre 2022", "2022-09-25", "day", None),
        ("25. September 2022", "2022-09-25", "day", None),
        ("25 сентября 2022 г.", "2022-09-25", "day", None),
        ("in September 2022,", "2022-09", "month", None),
        ("Wed 14 May 2025", "2025-05-14", "day", None),
        ("ANW | 15 Apr 2025 16:02", "2025-04-15", "day", "16:02"),
    ],
)
def test_find_printed_dates_formats(text: str, expected: str, granularity: str, time: str | None) -> None:
    dates = find_printed_dates(text)
    assert [(d.date, d.granularity, d.time) for d in dates] == [(expected, granularity, time)]
    assert dates[0].date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Feb. 30, 2022",  # no such day
        "February 29, 2023",  # not a leap year
        "13/13/2022",
        "05/06/2022",  # May 6 or 5 June: ambiguous, not guessed
        "1.2.3",
        "12 people 2022",
        "in may 2022 we",  # "may" the verb
        "Sept. 25",  # no year
        "July 12, 1492",  # outside the years news is about
        "",
        "no digits at all",
    ],
)
def test_find_printed_dates_refuses(text: str) -> None:
    assert find_printed_dates(text) == []


def test_printed_date_spans_and_order() -> None:
    text = "Posted Sunday, September 25, 2022; updated 2022-09-26 after the July 12, 2022 report."
    dates = find_printed_dates(text)
    assert [d.date for d in dates] == ["2022-09-25", "2022-09-26", "2022-07-12"]
    assert [text[d.start:d.end] for d in dates] == ["Sunday, September 25, 2022", "2022-09-26", "July 12, 2022"]
    assert all(isinstance(d, PrintedDate) for d in dates)


def test_word_before_date_is_not_a_weekday() -> None:
    text = "officials said September 25, 2022 that"
    (date,) = find_printed_dates(text)
    assert text[date.start:date.end] == "September 25, 2022"


def test_impossible_clock_time_is_left_out_of_the_span() -> None:
    text = "July 12, 2022 14:30 p.m."
    (date,) = find_printed_dates(text)
    assert date.time is None and text[date.start:date.end] == "July 12, 2022"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789/.-: ,'", "Sept", "May ", "de ", "a.m.", "T", "30", "Feb "]), max_size=30))
def test_find_printed_dates_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    for date in find_printed_dates(text):
        assert 0 <= date.start < date.end <= len(text)
        assert date.granularity in ("day", "month")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Donate to Dallas Express to Keep it Free"], "Dallas Express"),
        (["We welcome comments on\xa0The Dallas Express as part of a healthy dialogue."], "Dallas Express"),
        (["© 2022 The Morning Ledger. All rights reserved."], "Morning Ledger"),
        (["© Copyright 2011-2019 Example Media Group"], "Example Media Group"),
        (["Copyright 2022 Harbour Times, Inc."], "Harbour Times"),
        (["Subscribe to The Valley Courier"], "Valley Courier"),
        (["Subscribe to Comments", "Subscribe to Our Newsletter", "Follow us on Twitter"], None),
        (["Share", "Advertisement"], None),
        ([], None),
    ],
)
def test_outlet_from_text(lines: list[str], expected: str | None) -> None:
    assert outlet_from_text(lines) == expected


@pytest.mark.parametrize(
    ("lines", "masthead", "expected"),
    [
        # a sign-up cue names a newsletter: any other cue wins, whatever the order
        (["SIGN UP FOR THE TIDE SHEET", "Donate to the Lowmarsh Herald"], None, "Lowmarsh Herald"),
        (["Sign up for The Morning Brief", "Follow Harbour Times"], None, "Morning Brief"),  # weak cues alone
        # the top line, named again elsewhere, beats the publisher in the copyright line
        (["© 2025 Fenwick Media Group", "Fenwick Bay Courier | About us | Privacy"], "FENWICK BAY COURIER",
         "Fenwick Bay Courier"),
        (["© 2025 Fenwick Media Group"], "FENWICK BAY COURIER", "Fenwick Media Group"),  # named only once
        (["© 2025 Fenwick Media Group", "Environment"], "Environment", "Fenwick Media Group"),  # one word: a label
        (["Dallas, TX", "Donate to Dallas Express"], "Dallas, TX", "Dallas Express"),  # not shaped like a name
        (["BRENNA VALE POST", "Donate to the Brenna Vale Post"], "BRENNA VALE POST", "Brenna Vale Post"),
    ],
)
def test_outlet_from_text_cue_strength_and_masthead(lines: list[str], masthead: str | None, expected: str) -> None:
    assert outlet_from_text(lines, masthead=masthead) == expected


def test_outlet_from_text_votes_and_masthead_wins() -> None:
    lines = ["Support The Weekly Lantern", "© 2022 The Weekly Lantern", "Donate to Other Paper"]
    assert outlet_from_text(lines) == "Weekly Lantern"
    title = "Drone deal raises alarm: officials"
    lines = ["Harbour Times - Drone deal raises alarm: officials", "© 2022 Other Paper"]
    assert outlet_from_text(lines, title=title) == "Harbour Times"


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        ("Morning Ledger - Russia seeks drones: officials", "Russia seeks drones: officials", "Morning Ledger"),
        ("Russia seeks drones | The Morning Ledger", "Russia seeks drones", "Morning Ledger"),
        ("Russia seeks drones - and more", "Russia seeks drones", "and more"),
        ("Ukraine - what we know", "Iran drones", None),
        ("Morning Ledger - Russia seeks drones", "", None),
    ],
)
def test_masthead_outlet(line: str, title: str, expected: str | None) -> None:
    assert masthead_outlet(line, title) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Dallas Express ", "Dallas Express"),
        ("  the   Morning\xa0Ledger. ", "Morning Ledger"),
        ("Reuters’s", "Reuters"),
        ("https://www.Example.com/", "example.com"),
        ("www.example.co.uk", "example.co.uk"),
        ("The", "The"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalise_outlet(name: str, expected: str) -> None:
    assert normalise_outlet(name) == expected


def test_comparison_key_ignores_case_and_punctuation() -> None:
    expected = comparison_key("russia seeks iran drones white house")
    assert comparison_key("Russia seeks Iran drones: White House!") == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=6), st.one_of(st.none(), st.text(max_size=40)))
def test_outlet_helpers_never_raise(lines: list[str], title: str | None) -> None:
    outlet = outlet_from_text(lines, title=title, masthead=lines[0] if lines else None)
    assert outlet is None or isinstance(outlet, str)
    for line in lines:
        normalise_outlet(line)
        masthead_outlet(line, title or "")
