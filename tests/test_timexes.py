"""extract.timexes: TIMEX3 spans, types and values; relative codes; bad input."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.timexes import resolve, tag_timexes
from storyline.model import Timex

DCT = "2022-07-13"  # a Wednesday


def _only(text: str, dct: str | None = DCT) -> Timex:
    timexes, _ = tag_timexes(text, dct)
    assert len(timexes) == 1, timexes
    return timexes[0]


# -- table: (text, span, type, value, mod)

CASES = [
    ("It happened July 11, 2022.", "July 11, 2022", "DATE", "2022-07-11", None),
    ("It happened on 11 July 2022.", "11 July 2022", "DATE", "2022-07-11", None),
    ("It happened on Jul. 11.", "Jul. 11", "DATE", "2022-07-11", None),
    ("It happened in July 2022.", "July 2022", "DATE", "2022-07", None),
    ("It happened on 7/11/2022.", "7/11/2022", "DATE", "2022-07-11", None),
    ("It happened on 2022-07-11.", "2022-07-11", "DATE", "2022-07-11", None),
    ("It rose last week.", "last week", "DATE", "2022-W27", None),
    ("It will rise next month.", "next month", "DATE", "2022-08", None),
    ("It rose this year.", "this year", "DATE", "2022", None),
    ("It rose earlier this year.", "earlier this year", "DATE", "2022", "START"),
    ("It rose in the spring.", "the spring", "DATE", "2022-SP", None),
    ("It will rise in the spring.", "the spring", "DATE", "2023-SP", None),
    ("Prices rose since August.", "August", "DATE", "2021-08", None),
    ("Talks may end as early as early July.", "early July", "DATE", "2022-07", "START"),
    ("It fell in late July.", "late July", "DATE", "2022-07", "END"),
    ("It fell in mid-July.", "mid-July", "DATE", "2022-07", "MID"),
    ("It was built in the 1990s.", "the 1990s", "DATE", "199", None),
    ("It was built in the 19th century.", "the 19th century", "DATE", "18", None),
    ("Sales fell in the third quarter of 2022.", "the third quarter of 2022", "DATE", "2022-Q3", None),
    ("It ended four months after the invasion.", "four months", "DURATION", "P4M", None),
    ("It took two years.", "two years", "DURATION", "P2Y", None),
    ("It lasted 24 hours.", "24 hours", "DURATION", "PT24H", None),
    ("It has gone on for decades.", "decades", "DURATION", "PXY", None),  # TimeBank counts decades in years
    ("It has gone on for two decades.", "two decades", "DURATION", "P20Y", None),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", None),
    ("She spent about 5 1/2 hours there.", "about 5 1/2 hours", "DURATION", "PT5H30M", "APPROX"),
    ("It lasted a minute and a half.", "a minute and a half", "DURATION", "PT1M30S", None),
    ("It keeps the base for at least 20 more years.", "at least 20 more years", "DURATION", "P20Y", "EQUAL_OR_MORE"),
    ("It may be extended for an additional year.", "an additional year", "DURATION", "P1Y", None),
    ("It is the four-month-old war.", "four-month-old", "DURATION", "P4M", None),
    ("It has grown over the past five years.", "the past five years", "DURATION", "P5Y", None),
    ("It lasted more than two years.", "more than two years", "DURATION", "P2Y", "MORE_THAN"),
    ("Prices are high now.", "now", "DATE", "PRESENT_REF", None),
    ("Prices are currently high.", "currently", "DATE", "PRESENT_REF", None),
    ("Prices recently rose.", "recently", "DATE", "PAST_REF", None),
    ("It was so in the past.", "the past", "DATE", "PAST_REF", None),
    ("It may change in the future.", "the future", "DATE", "FUTURE_REF", None),
    ("It opens at 3 p.m.", "3 p.m.", "TIME", "2022-07-13T15:00", None),
    ("It opened this morning.", "this morning", "TIME", "2022-07-13TMO", None),
    ("It opened at 10 p.m. Monday.", "10 p.m. Monday", "TIME", "2022-07-11T22:00", None),
    ("They meet every week.", "every week", "SET", "P1W", None),
    ("It is published weekly.", "weekly", "SET", "P1W", None),
    ("It is renewed annually.", "annually", "SET", "P1Y", None),
    ("They meet twice a year.", "twice a year", "SET", "P1Y", None),
    ("It happened yesterday.", "yesterday", "DATE", "2022-07-12", None),
    ("It happens today.", "today", "DATE", "2022-07-13", None),
    ("It happens tomorrow.", "tomorrow", "DATE", "2022-07-14", None),
    ("It happened two days ago.", "two days ago", "DATE", "2022-07-11", None),
    ("It happened two weeks ago.", "two weeks ago", "DATE", "2022-W26", None),
    ("It was the fifth month of the war.", "the fifth month", "DATE", "XXXX-XX", None),
    ("It happened in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", None),
    ("Profit rose in the latest quarter.", "the latest quarter", "DATE", "2022-Q2", None),
    ("It happened over the weekend.", "the weekend", "DATE", "2022-W27-WE", None),
    ("It happened in June last year.", "June last year", "DATE", "2021-06", None),
    ("It happened last February.", "last February", "DATE", "2022-02", None),
    ("Hate groups grew over the past year.", "the past year", "DATE", "2021", None),
    ("Profits rose during the last quarter.", "the last quarter", "DATE", "2022-Q2", None),
    ("The group began to fall apart in mid-1996.", "mid-1996", "DATE", "1996", "MID"),
    ("It saw a low in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE", "1994-WI",
     None),
    ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "DATE", "1997-01", None),
    ("He was found on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2021-11-25", None),
    ("They will meet on Christmas Eve.", "Christmas Eve", "DATE", "2022-12-24", None),
    ("It will close by year-end.", "year-end", "DATE", "2022", "END"),
    ("The change is since year-end.", "year-end", "DATE", "2021", "END"),
    ("It happened a week or so ago.", "a week or so ago", "DATE", "2022-W27", "APPROX"),
    ("He was shot last Oct. 23 at home.", "last Oct. 23", "DATE", "2021-10-23", None),
    ("A hearing is set for the week of March 6, 2023.", "the week of March 6, 2023", "DATE", "2023-W10", None),
    ("It took off at 18:00 UTC.", "18:00 UTC", "TIME", "2022-07-13T18:00Z", None),
    ("It will leave at 4 in the morning.", "4 in the morning", "TIME", "2022-07-13T04:00", None),
    ("It is hard to say in the near term.", "the near term", "DATE", "FUTURE_REF", None),
]


@pytest.mark.parametrize(("text", "span", "type_", "value", "mod"), CASES)
def test_cases(text: str, span: str, type_: str, value: str, mod: str | None) -> None:
    timex = _only(text)
    assert (timex.text, timex.type, timex.value, timex.mod) == (span, type_, value, mod)
    assert text[timex.start:timex.end] == timex.text


# Seen in news: (text, DCT, span, type, value).
NEWS_CASES = [
    ("The inspectorate expects to publish preliminary findings in late May.", "2025-04-29", "late May", "DATE",
     "2025-05"),
    ("The ministry plans to publish its findings in late May.", "2025-04-29", "late May", "DATE", "2025-05"),
    ("The report is due to appear in late May.", "2025-04-29", "late May", "DATE", "2025-05"),
    ("The agency aims to finish the survey in late May.", "2025-04-29", "late May", "DATE", "2025-05"),
    ("The agency hopes to finish the survey in late May.", "2025-04-29", "late May", "DATE", "2025-05"),
    ("The agency intends to finish the survey in late May.", "2025-04-29", "late May", "DATE", "2025-05"),
    ("By Monday evening, dead fish were reported.", "2025-04-08", "Monday evening", "TIME", "2025-04-07TEV"),
    ("Applications can be made from next Tuesday.", "2025-05-14", "next Tuesday", "DATE", "2025-05-20"),
    ("The offer, which is to resume trading in Paris Tuesday. At the same time, he is expected to act.",
     "1989-10-27", "Tuesday", "DATE", "1989-10-31"),  # the sentence ends after the weekday
    ("The offer had been scheduled to expire at midnight Friday.", "1989-10-30", "midnight Friday", "TIME",
     "1989-10-27T24:00"),
    ("Officials postponed until Tuesday morning any action.", "2000-03-30", "Tuesday morning", "TIME",
     "2000-04-04TMO"),
    ("The general election is due this September.", "1998-02-05", "this September", "DATE", "1998-09"),
    ("The company said it agreed to acquire the bank holding company in January.", "1989-11-02", "January",
     "DATE", "1990-01"),
    ("Prices have risen since August.", "2022-07-13", "August", "DATE", "2021-08"),
    # earnings reports: the fiscal year, the reporting period in another year, the quarter ended a day
    ("Earnings will be lower for the fiscal year.", "1989-11-02", "the fiscal year", "DATE", "1989"),
    ("Sales for the full year rose 13%.", "1989-11-02", "the full year", "DATE", "1989"),
    ("It expects sales in the current fiscal year to rise.", "1989-11-02", "the current fiscal year", "DATE",
     "1989"),
    ("In the latest fiscal year it earned $3 million.", "1989-10-26", "the latest fiscal year", "DATE", "1988"),
    ("It was the last half of 1989.", "1989-11-02", "the last half of 1989", "DATE", "1989-H2"),
    ("It was under a June agreement with holders.", "1989-10-27", "June", "DATE", "1989-06"),
    ("It will be the theme until Election Day.", "1998-10-26", "Election Day", "DATE", "1998-11-03"),
    ("He set aside vacation plans for the trip on Friday.", "1998-08-17", "Friday", "DATE", "1998-08-14"),
    ("Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "DATE", "2000-W16"),
]


def test_earnings_periods_follow_the_reporting_quarter() -> None:
    text = ("Net rose in the third quarter. After a flat second quarter, the company gained. In the 1989 period "
            "also, costs were lower. The year-earlier period had a charge. U.K. sales for last year's quarter "
            "were $3 million. In the 1988 quarter it earned $1 million.")
    values = {t.text: t.value for t in tag_timexes(text, "1989-11-01")[0]}
    assert values["the 1989 period"] == "1989-Q3"
    assert values["The year-earlier period"] == "1988-Q3"
    assert values["last year's quarter"] == "1988-Q2"  # the quarter last named, a year back
    assert values["the 1988 quarter"] == "1988-Q3"
    ended = {t.text: t.value for t in tag_timexes("In the quarter ended July 31, it sold more.", "1989-10-30")[0]}
    assert ended["the quarter"] == "1989-Q2"  # May to July: mostly the second calendar quarter
    year = {t.text: t.value for t in tag_timexes("In the fiscal year ended Jan. 31, sales rose.", "1989-10-31")[0]}
    assert year["the fiscal year"] == "P1Y"


def test_anaphoric_weekdays_count_from_the_day_last_named() -> None:
    values = [(t.text, t.value) for t in tag_timexes("It closed on Oct. 27, down from the previous Friday and "
                                                     "up on the following Monday.", "1989-10-30")[0]]
    assert values == [("Oct. 27", "1989-10-27"), ("the previous Friday", "1989-10-20"),
                      ("the following Monday", "1989-10-23")]


def test_holidays_and_their_modifier_use() -> None:
    assert _only("He came back last Thanksgiving.", "2000-02-10").value == "1999-11-25"
    assert _only("It opens after Easter.", "2024-01-10").value in ("2023-04-09", "2024-03-31")
    assert _only("It came on Good Friday.", "2024-04-10").value == "2024-03-29"
    assert _only("The park shuts on Labor Day.", "2024-08-01").value == "2024-09-02"
    assert _only("Parades fill Memorial Day.", "2024-05-01").value == "2024-05-27"
    assert _only("He was found on Thanksgiving Day.", None).value == "XXXX-XX-XX"
    assert _only("They met on Christmas Day.", None).value == "XXXX-12-25"
    values = {t.text: t.value for t in tag_timexes("From now to Election Day it is the theme.", "1998-10-26")[0]}
    assert values["Election Day"] == "1998-11-03"  # "from now to": ahead
    assert tag_timexes("Sales in the Christmas and New Year sales period doubled.", DCT)[0] == ()


@pytest.mark.parametrize(("text", "dct", "span", "type_", "value"), NEWS_CASES)
def test_news_cases(text: str, dct: str, span: str, type_: str, value: str) -> None:
    timex = _only(text, dct)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)


@pytest.mark.parametrize("text", [
    "It earns $5 million a year.",  # a rate
    "Flights rose to four a week.",
    "Sales should rise 8.5% annually.",
    "Kopp, a 44-year-old protester, fled.",  # an age
    "The group began to fall apart.",  # the verb
    "Iraq imports about three-quarters of its food.",  # a fraction
    "A second group of directors resigned.",  # the ordinal
    "Now, he says, it is over.",  # a discourse marker
    "The talks led nowhere.",
])
def test_not_time_expressions(text: str) -> None:
    assert tag_timexes(text, DCT)[0] == ()


def test_signals_stay_outside() -> None:
    assert _only("They met on Monday.").text == "Monday"
    assert _only("It has risen since 2019.").text == "2019"
    assert _only("It ends by March 3.").text == "March 3"


@pytest.mark.parametrize(("text", "value", "tense"), [
    ("The minister said on Monday that talks failed.", "2022-07-11", "past"),
    ("She will travel on Monday to Kyiv.", "2022-07-18", "future"),
    ("The vote was held on Wednesday.", "2022-07-13", "past"),  # the DCT's own weekday
    ("The court upheld Thursday's ruling.", "2022-07-07", None),  # possessive: a day gone by
])
def test_weekdays_follow_tense(text: str, value: str, tense: str | None) -> None:
    timex = _only(text)
    assert timex.value == value
    if tense:
        assert timex.tense == tense


def test_month_names_choose_the_year_by_tense_and_nearness() -> None:
    assert _only("The talks collapsed on Dec. 15.", "2023-01-05").value == "2022-12-15"
    assert _only("The talks will resume on Feb. 2.", "2022-12-20").value == "2023-02-02"
    assert _only("The rights expire on Nov. 21.", "1989-11-02").value == "1989-11-21"
    assert _only("The deal was signed in January.", "2022-11-20").value == "2022-01"


def test_anaphors_follow_the_last_date() -> None:
    timexes, _ = tag_timexes("On July 4, 2022, it began. The next day talks broke down. That week was bad.", DCT)
    assert [(t.text, t.value, t.relative) for t in timexes] == [
        ("July 4, 2022", "2022-07-04", None), ("The next day", "2022-07-05", None), ("That week", "2022-W27", None)]


def test_anaphor_of_a_relative_date_is_relative() -> None:
    timexes, _ = tag_timexes("On Monday it began. The next day talks broke down.", None)
    assert [t.value for t in timexes] == ["XXXX-WXX-1", "XXXX-XX-XX"]
    assert resolve(timexes[1].relative or "", DCT) == "2022-07-12"


def test_no_dct_gives_placeholders() -> None:
    values = {t.text: (t.value, t.relative) for t in tag_timexes(
        "Monday and July 19, last week, today, the third quarter and this morning; it ended July 11, 2022.")[0]}
    assert values["July 19"][0] == "XXXX-07-19"
    assert values["Monday"][0] == "XXXX-WXX-1"
    assert values["last week"][0] == "XXXX-WXX"
    assert values["today"][0] == "XXXX-XX-XX"
    assert values["the third quarter"][0] == "XXXX-Q3"
    assert values["this morning"][0] == "XXXX-XX-XXTMO"
    assert values["July 11, 2022"] == ("2022-07-11", None)
    assert all(relative for text, (_, relative) in values.items() if text != "July 11, 2022")


@pytest.mark.parametrize(("relative", "dct", "value"), [
    ("d:-1", "2022-01-01", "2021-12-31"),
    ("w:-1", "2022-01-03", "2021-W52"),
    ("m:1", "2022-12-05", "2023-01"),
    ("q:-1", "2022-02-01", "2021-Q4"),
    ("y:0", "2022-07-13", "2022"),
    ("wd:1:-1", "2022-07-13", "2022-07-11"),
    ("wd:1:1", "2022-07-13", "2022-07-18"),
    ("wd:3:-2", "2022-07-13", "2022-07-06"),
    ("md:7:19:0", "2022-07-13", "2022-07-19"),
    ("md:12:15:-1", "2023-01-05", "2022-12-15"),
    ("mo:2:-2", "2022-02-10", "2021-02"),
    ("se:SP:0", "2022-07-13", "2022-SP"),
    ("qn:3:-1", "2022-11-02", "2022-Q3"),
    ("yy:98", "2022-07-13", "1998"),
    ("yy:22:7:11", "2022-07-13", "2022-07-11"),
    ("wd:1:-1>d:1@TMO", "2022-07-13", "2022-07-12TMO"),
    ("d:0@T15:00", "2022-07-13", "2022-07-13T15:00"),
])
def test_resolve(relative: str, dct: str, value: str) -> None:
    assert resolve(relative, dct) == value


# -- bad input


def test_impossible_dates_fall_back_to_the_month_with_a_warning() -> None:
    for text in ("It happened on February 30, 2022.", "It happened on February 30.", "on 2022-02-30"):
        timexes, warnings = tag_timexes(text, DCT)
        assert all(not t.value.endswith("-02-30") for t in timexes)
        assert [t.value for t in timexes] == ["2022-02"]
        assert any("impossible" in w for w in warnings)
    assert _only("It happened on February 29, 2024.").value == "2024-02-29"


def test_two_digit_years_pivot_around_the_dct() -> None:
    assert _only("It has grown since '98.").value == "1998"
    assert _only("It has grown since '98.", "1960-01-01").value == "1898"
    assert _only("It happened on 7/11/22.").value == "2022-07-11"
    assert _only("It happened on 7/11/22.", "1930-05-01").value == "1922-07-11"
    assert _only("It happened on 7/11/22.", None).value == "2022-07-11"


def test_far_future_dates_warn() -> None:
    timexes, warnings = tag_timexes("Nothing will be left in the year 3000.", DCT)
    assert timexes[0].value == "3000" and any("far in the future" in w for w in warnings)
    timexes, warnings = tag_timexes("It will be safe 500 years from now.", DCT)
    assert timexes[0].value == "2522" and any("far in the future" in w for w in warnings)
    assert tag_timexes("It ends in 2030.", DCT)[1] == ()


def test_bad_dct_warns_and_leaves_values_open() -> None:
    timexes, warnings = tag_timexes("It happened yesterday.", "last Tuesday")
    assert timexes[0].value == "XXXX-XX-XX" and warnings


def test_empty_text() -> None:
    assert tag_timexes("", DCT) == ((), ())
    assert tag_timexes("   \n", None) == ((), ())


def test_hundreds_of_dates() -> None:
    # About 45,000 characters; how fast is measured by bench/, not here.
    start = date(2001, 1, 1)
    text = " ".join(f"On {(start + timedelta(days=7 * i)):%B %d, %Y} and {(start + timedelta(days=i)):%A} prices rose "
                    f"{i % 9 + 1} percent over two weeks." for i in range(400))
    timexes, _ = tag_timexes(text, DCT)
    assert len(timexes) >= 1200
    assert all(a.end <= b.start for a, b in pairwise(timexes))


def _check_invariants(text: str, timexes: tuple[Timex, ...]) -> None:
    assert all(text[t.start:t.end] == t.text and 0 <= t.start < t.end <= len(text) for t in timexes)
    assert all(a.end <= b.start for a, b in pairwise(timexes))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates().map(date.isoformat)))
def test_random_unicode_never_raises(text: str, dct: str | None) -> None:
    timexes, warnings = tag_timexes(text, dct)
    _check_invariants(text, timexes)
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)


FRAGMENTS = [
    "said on Monday", "will travel on Friday", "July 19", "Jul. 4, 2021", "last week", "next month", "this year",
    "earlier this year", "in the spring", "since August", "two days ago", "three weeks from now", "yesterday",
    "today", "tomorrow", "this morning", "3 p.m.", "the next day", "the following week", "a year earlier",
    "the third quarter", "the quarter", "last February", "June last year", "'98", "7/11/22", "February 30",
    "the weekend", "that week", "Thursday's ruling", "late July", "the 1990s", "the '90s", "four months",
    "the same day", "10 p.m. Wednesday", "Friday night", "the year-ago quarter", "fiscal 2019", "a year ago",
    "Sunday, March 6", "early next year", "the first half", "2021", "since", "The talks", "will", "said", ".", ",",
    "Thanksgiving Day", "last Thanksgiving", "Easter week", "Good Friday", "Labor Day", "New Year's Eve", "year-end",
    "the fiscal year", "the full year", "the 1988 period", "the year-earlier period", "last year's quarter",
    "the quarter ended July 31", "the previous Friday", "the following Monday", "last Oct. 23", "the week of March 6",
    "mid-1996", "2 1/2 years", "a minute and a half", "a week or so ago", "the past year", "the last quarter",
    "at 18:00 UTC", "at 4 in the morning", "the near term", "January nineteen ninety-seven",
    "the winter of nineteen ninety-four", "20 more years", "the next couple of years", "a June agreement",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12),
       st.dates(min_value=date(1, 3, 1), max_value=date(9998, 10, 1)))
def test_relative_values_resolve_for_any_dct(pieces: list[str], day: date) -> None:
    text = " ".join(pieces)
    dct = day.isoformat()
    without, _ = tag_timexes(text, None)
    with_dct, _ = tag_timexes(text, dct)
    assert [(t.start, t.end) for t in without] == [(t.start, t.end) for t in with_dct]
    _check_invariants(text, with_dct)
    for open_timex, dated in zip(without, with_dct):
        if open_timex.relative:
            assert resolve(open_timex.relative, dct) == dated.value, (open_timex, dated)
            assert dated.relative == open_timex.relative
        else:
            assert dated.value == open_timex.value


# -- the speed machinery must never change a match


def test_start_lookaheads_never_change_a_match() -> None:
    # Every family's pattern opens with a lookahead of the words its expressions can start with
    # (`_starts`); without it the pattern must find exactly the same matches.
    from storyline.extract import timexes as module

    words = " ".join(FRAGMENTS) + " The Past Five Years THE THIRD QUARTER ſunday Ⅻ 1990S twenty-first century"
    texts = [words, words.upper(), words.lower(), words.replace(" ", "\n"), " ".join(reversed(FRAGMENTS))]
    assert len(module._FAMILIES) == 12
    for (family, pattern), gate in zip(module._FAMILIES, (
            module._DATE_START, module._NUMERIC_START, module._QUARTERS_START, module._YEARS_START,
            module._TIMES_START, module._SETS_START, module._WEEKDAYS_START, module._DEICTIC_START,
            module._SPANS_START, module._ANAPHOR_START, module._ORDINAL_START, module._HOLIDAYS_START)):
        assert gate in pattern.pattern, family
        plain = re.compile(pattern.pattern.replace(gate, "", 1), pattern.flags)
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], family


def test_case_classes_cover_every_case_insensitive_match() -> None:
    from storyline.extract.timexes import _case_class

    every = "".join(map(chr, range(0x110000)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        spelt = set(re.findall(_case_class(letter), every))
        assert set(re.findall(f"(?i){letter}", every)) == spelt, letter


def test_lowering_keeps_offsets_but_for_the_known_characters() -> None:
    from storyline.extract.timexes import _LOWER_UNSAFE

    unsafe = [c for c in map(chr, range(128, 0x110000)) if len(c.lower()) != 1 or c.lower().isascii()]
    assert sorted(unsafe) == sorted(_LOWER_UNSAFE)

