"""Temporal expressions (TimeML TIMEX3) in one text, normalised against the document creation time.

Rule-based and pure Python (`re`, `datetime`): it runs on every article, so it has
to cost well under a millisecond per thousand characters (about 0.25 ms on news text).
Three things keep it there without changing what it finds: each family's pattern only
runs over windows around its trigger words and numbers (found by one trie regex over the
lower-cased text), each pattern opens with a lookahead of the words its expressions can
start with (`_starts`), so `re` turns most words away without trying every alternative,
and the tense of a clause is read from the nearest cue outwards, skipping known non-cues.

1. Candidates. A handful of compiled patterns find the expressions of one family
   each: calendar dates (ISO, numeric, named months with and without day or year),
   years, decades and centuries, quarters and halves, seasons, weekdays, deictic
   words ("today", "last week", "earlier this year"), counted spans of time ("two
   years", "the past five months", "the four-month-old war"), points counted from
   now ("two days ago"), clock times and parts of the day, holidays ("Thanksgiving
   Day", "Easter", US dates where countries differ), sets ("every week", "annually")
   and the vague references ("now", "recently", "the near term"). A match
   keeps its modifiers and determiners ("the past five years", "early July") and
   leaves out prepositions ("on", "since", "by"), as TimeML and TempEval-3 do.
2. Selection: the longest candidate wins, then the earliest; adjacent day and
   time-of-day pieces ("Friday morning", "10 p.m. Wednesday") are joined.
3. Normalisation, left to right. Absolute expressions get their value directly.
   An expression whose value depends on the reference date gets a `relative`
   code (below) and its value is `resolve(relative, dct)`, or X placeholders
   ("XXXX-07-19", "XXXX-WXX-1") when the DCT is unknown. The tense of the clause
   (nearest auxiliary or past-tense verb) chooses between the Monday before and
   the Monday after, and the year of "July 19". Anaphoric expressions ("the next
   day", "a year earlier", "the quarter") are resolved against the last suitable
   expression before them; they are `relative` only when that one is.

`relative` codes (`kind:args`, `base>shift` for an anaphor of a relative anchor):

    d:N[:TOD]   the DCT plus N days (TOD a part of the day: MO AF EV NI)
    w:N[:WE]    the DCT's ISO week plus N (WE: its weekend)
    m:N q:N h:N y:N de:N ce:N   the DCT's month / quarter / half / year / decade / century plus N
    wd:D:DIR[:TOD]  weekday D (1 = Monday); DIR -1 on or before the DCT, -2 before,
                    1 on or after, 2 after, 0 the nearest
    mo:M:DIR  md:M:D:DIR  se:S:DIR  qn:N:DIR  hn:N:DIR   a month, a month and day, a season,
                    a quarter or half named without its year, placed by DIR likewise; for a
                    month also DIR -3 and 3: -1 and 1 read from the tense alone, so a month
                    more than 240 days off gives way to the nearest one within 100 days
    we:DIR      the weekend before (-2), around (-1, 0) or after (2) the DCT
    ym:N:M      month M of the DCT's year plus N ("June last year")
    yy:YY[:M[:D]]  a two-digit year, put in the century that brings it nearest the DCT
    dy:D        a decade written "the '90s"
    hd:NAME:DIR  a holiday ("thanksgiving", "easter"), placed by DIR like a month and day
    >d:N >w:N >m:N >q:N >y:N   shift the base value by N days, weeks, months, quarters, years
    >cut:4 >cut:7 >cut:w       cut it to its year, month or ISO week; >qset:N >hset:N  its quarter or half N
    >qtr        a day value to its calendar quarter; >yr:YYYY  the same period in year YYYY
    >pw:D >nw:D  weekday D before / after a day value ("the previous Friday")
    @SUFFIX     a time of day after a day value ("@TMO", "@T15:00")

Without a DCT the value is a placeholder in TIMEX3 style ("XXXX-07-19", "XXXX-WXX-1",
"XXXX-XX-XXTMO"); two-digit years then pivot around 2030 (1950-2049). Warnings name
impossible dates (kept at month granularity), a DCT that is not YYYY-MM-DD, and dates
more than a century after the DCT.

Heuristics learnt from the TimeBank errors (the WSJ convention that "the quarter"
is the latest reported quarter, "a year ago" after a quarter is that quarter a
year before, "the period" and "the 1988 quarter" are the reporting period the lead names
first, "the quarter ended July 31" is the calendar quarter holding most of its three
months) are general news conventions, not fits to single documents. Where TimeBank and
MEANTIME write one value two ways, the TimeML guidelines and the majority decide: "the past
year" is the previous calendar year (a DATE), "year-end" and "mid-1996" the year with mod
END or MID, "two decades" P20Y, "2 1/2 years" P2Y6M, "18:00 UTC" T18:00Z. General too are
the expressions left out because TimeBank never annotates them: rates ("$5 million a year",
"four flights a week", "8.5% annually"), ages in years ("a 44-year-old protester"), fractions
("three-quarters of its food"), "a second" as an ordinal, "to fall" as a verb, and "Now," or
"Currently," opening a sentence as a discourse marker. Tense cues include "expects / plans /
aims / hopes / intends / is due to" and "planned for" (future; "plans" alone is the noun), and
"had been due to" (past); "until Tuesday" points ahead.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..model import Timex

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3, "thursday": 4,
    "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "couple": 2, "a couple of": 2, "couple of": 2, "a dozen": 12,
}
# Quantities with no number: "several years" is PXY.
VAGUE_QUANTITIES = frozenset(["several", "few", "a few", "some", "many", "numerous"])
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16, "17th": 17,
    "18th": 18, "19th": 19, "20th": 20, "21st": 21, "last": 4, "final": 4,
}
# TIMEX3 duration units: (designator, in time part, months or days per unit for arithmetic).
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False), "millennium": ("ML", False), "millennia": ("ML", False),
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI", "midday": "MI"}
MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START", "beginning of":
    "START", "start of": "START", "late": "END", "later": "END", "the end of": "END", "end of": "END",
    "mid": "MID", "the middle of": "MID", "middle of": "MID", "the mid": "MID",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "nearly": "LESS_THAN", "almost": "LESS_THAN", "fewer than": "LESS_THAN",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "or so": "APPROX", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
}
# Nouns after "the 6-year-old": the age of a person, not of an event.
PEOPLE = frozenset("""
boy girl man woman child son daughter kid baby mother father wife husband brother sister student player
resident victim patient suspect driver actor singer twin twins grandson granddaughter nephew niece
and or was is who had has
""".split())
PAST_REF_WORDS = frozenset("recently recent lately previously formerly once the past past earlier before".split())
PRESENT_REF_WORDS = frozenset("now currently current nowadays presently present today".split())
FUTURE_REF_WORDS = frozenset("soon future the future shortly".split())

# Tense cues: an auxiliary or verb form near the expression tells which way it points.
FUTURE_CUES = frozenset("""
will 'll wo shall would going gonna scheduled expected upcoming intends can may might soon
should must effective
""".split())
PAST_CUES = frozenset("""
said was were had did told went came took made met gave got began saw left won lost fell rose ago
announced reported killed died held became brought bought sold paid sent spent struck found thought
""".split())
PRESENT_CUES = frozenset("is are says am has have does tells".split())
NOT_PAST = frozenset("need needed feed speed seed bed red hundred indeed proceed exceed succeed shed wed".split())

_NUM_WORD = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
             r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
             r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|couple")
_QUANTITY = (rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2|½)?|{_NUM_WORD}|an?|several|a\s+few|few|some|many|numerous)"
             r"(?:\s+and\s+a\s+half)?")
_UNIT = (r"(?:second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|decade|centur(?:y|ie)"
         r"|millenni(?:um|a))")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])")
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thu(?:rs)?\.|Fri\.|Sat\."
            r"|Sun\.)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
# A year in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand and one".
_SPELLED_YEAR = (r"(?i:nineteen[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                 r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
                 r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)(?![\w-])")
_MOD = (r"(?:(?P<mod>early|late|mid|the\s+(?:beginning|start|end|middle)\s+of|(?:beginning|start|end|middle)\s+of)"
        r"(?:-|\s+))?")
_DIRECTION = r"(?P<dir>last|next|this|past|coming|previous|following|current|same)"
_PART = r"(?:morning|afternoon|evening|night)"


def _trie(words: list[str], spell: Callable[[str], str] = re.escape) -> str:
    """A regex alternation of `words` arranged as a trie, so a word is found without trying each in turn.
    `spell` writes one character; "\\d", "\\s" and "\\s+" (digits, spaces) are kept as they are."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in re.findall(r"\\[ds]\+?|.", word):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(char if char.startswith("\\") else spell(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _starts(prefixes: str, *, ignore_case: bool = True) -> str:
    """A lookahead at the start of a family's pattern: one of `prefixes` (space-separated words or
    beginnings of words; "\\d" a digit, "\\s" a space, "the\\s+year" two words).

    `re` tries every alternative of a pattern at every word of its window; the lookahead, a first
    character and then a trie of the prefixes, turns most words away at once. It must allow every
    start the pattern can match, and so never changes a match. The trie is matched case-sensitively
    with each letter's case-insensitive matches spelt out (`re` checks a character class without
    backtracking, a case-insensitive letter with it).
    """
    items = prefixes.split()
    first = "".join(sorted({item[:2] if item.startswith("\\") else re.escape(item[0]) for item in items}))
    if all(len(item) == 1 or item == r"\d" for item in items):
        return f"(?=[{first}])"
    return f"(?=[{first}])(?-i:(?={_trie(items, _case_class if ignore_case else re.escape)}))"


def _case_class(char: str) -> str:
    """What a character matches case-insensitively in `re` (Unicode): "s" also "ſ", "k" the Kelvin sign."""
    if not char.isalpha():
        return re.escape(char)
    extra = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}.get(char.lower(), "")
    return f"[{char.lower()}{char.upper()}{extra}]"


_NUMBER_WORDS = ("twenty thirty forty fifty sixty seventy eighty ninety one two three four five six seven eight nine "
                 "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen hundred dozen couple")
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first")


def _the(words: str) -> str:
    """Prefixes for `_starts`: "the" and then one of `words`."""
    return " ".join(rf"the\s+{word}" for word in words.split())


# How the expressions of each family can start (the words that can open each alternative), for `_starts`.
_DATE_START = _starts(r"\d J F M A S O N D t e l m b s L N T C P c p n", ignore_case=False)
_NUMERIC_START = _starts(r"\d", ignore_case=False)
_YEAR_WORDS = (r"\d\d\d\d \ds \dn \dr \dt \d\ds \d\dn \d\dr \d\dt ' early late mid nineteen twenties thirties forties "
               r"fifties sixties seventies eighties nineties beginning start end middle year " + _ORDINAL_WORDS)
_YEARS_START = _starts(f"{_YEAR_WORDS} fiscal calendar model fy {_the(_YEAR_WORDS)}")
_QUARTER_WORDS = (r"\d fiscal calendar this last next past coming previous following current same latest year most "
                  r"recent first second third fourth final quarter half")
_QUARTERS_START = _starts(f"{_QUARTER_WORDS} q {_the(_QUARTER_WORDS)}")
_WEEKDAYS_START = _starts(r"l n t p c f M T W F S", ignore_case=False)
_DEICTIC_START = _starts("year early late later earlier this tomorrow yesterday last tonight overnight mid afternoon "
                         "morning end beginning start middle next past coming previous following current same that "
                         "today now currently nowadays presently recently lately at these recent spring summer fall "
                         "autumn winter "
                         + _the("morning afternoon evening night end beginning start middle last latest next this past "
                                "coming previous following current same that the full fiscal calendar week month "
                                "year quarter decade century spring summer fall autumn winter day future present "
                                "near distant foreseeable short"))
_SPANS_START = _starts(r"\d the a\s a- an ab al ar ap at as am ah ad aw af aq ay ac its their his her this past last "
                       r"next first final coming previous following latest remaining initial recent full entire whole "
                       r"same other more less fewer longer nearly almost about around roughly approximately up some "
                       r"just only no several few many numerous days weeks months years decades centuries hours "
                       r"minutes " + _NUMBER_WORDS)
_ORDINAL_START = _starts(_the(_ORDINAL_WORDS))
_HOLIDAYS_START = _starts("last Last next Next this This past Past coming Coming Thanksgiving Christmas Xmas New "
                          "Easter Good Halloween Valentine St Election Labor Labour Memorial Fourth July Veterans "
                          "Mother Father",
                          ignore_case=False)
_TIMES_START = _starts(r"\d about around approximately shortly just noon midnight midday mid")
_SETS_START = _starts(r"every each per hourly daily nightly weekly biweekly fortnightly monthly annually yearly "
                      r"semiannually bimonthly a\s once twice thrice " + _NUMBER_WORDS)
_ANAPHOR_START = _starts(r"next following previous preceding same that prior year month week "
                         + _the(r"next following previous preceding same that prior day \d year comparable "
                                r"corresponding latest"))

# Each family is one pattern; case-insensitive except where capitals tell a name from a word.
_DATE_FULL = re.compile(rf"""(?<!\w){_DATE_START}(?P<weekof>[Tt]he\s+week\s+of\s+(?={_MONTH}\s*{_DAY}))?(?:
    (?P<mdy>(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})(?:\s*,\s*|\s+)(?P<y1>{_YEAR}|'\d\d)(?!\d))
  | (?P<dmy>(?:the\s+)?(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTH})(?:\s*,?\s*(?P<y2>{_YEAR})(?!\d))?)
  | (?P<md>(?:(?P<mddir>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<m3>{_MONTH})\s*(?P<d3>{_DAY})
        (?![\d:,]\d|\s*%))
  | (?P<my>(?:{_MOD})(?:(?P<mdir>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<m4>{_MONTH})
        (?:\s*,?\s*(?:of\s+)?(?P<y4>{_YEAR}|'\d\d|{_SPELLED_YEAR})(?!\d)|\s+(?:of\s+)?(?P<myrel>last|this|next)\s+year(?!\w))?)
)""", re.VERBOSE)
_NUMERIC_DATE = re.compile(r"(?<!\w)" + _NUMERIC_START + r"""(?:
    (?<![\w/.-])(?:(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?:T(?P<ih>\d\d):(?P<imin>\d\d)(?::\d\d)?)?
  | (?P<nm>1[0-2]|0?[1-9])/(?P<nd>3[01]|[12]\d|0?[1-9])/(?P<ny>\d{4}|\d\d)
  | (?P<ym>\d{4})/(?P<ymm>1[0-2]|0[1-9])/(?P<ymd>3[01]|[12]\d|0[1-9]))(?![\w/])
)""", re.VERBOSE)
_YEARS = re.compile(rf"""(?<!\w){_YEARS_START}(?:
    (?P<decade>(?:the\s+)?(?:(?:early|late|mid)-?\s*)?(?:{_YEAR[3:-1]}|\d\d\d)0'?s(?!\w)|(?:the\s+)?'\d0s(?!\w)
        |(?:the\s+)?(?:nineteen\s+|)(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))
  | (?P<century>(?:the\s+)?(?:(?:early|late|mid)-?\s*)?(?P<cn>\d\d?(?:st|nd|rd|th)|(?:first|second|third|fourth|
        fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|
        seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[- ]century)
  | (?P<year>(?:(?:early|late|mid)-?\s*|(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+|(?:fiscal|calendar|
        model|FY)\s*)?(?:(?<=mid-)|(?<=early-)|(?<=late-)|(?<![\w$#.,/-]))(?P<yv>{_YEAR})(?![\w%/-]|[.,]\d|\s*(?:%|percent|people|persons|dollars|
        years|times|feet|metres|meters|miles|tons|troops|cars|members|workers|shares|units)\b))
  | (?P<shortyear>(?<!\w)'(?P<yy>\d\d)(?![\w']))
  | (?P<theyear>(?:the\s+)?year\s+(?:(?P<ty>\d{{3,4}})(?![\w%.,]\d|\w)|(?P<tw>two\s+thousand(?:\s+(?:and\s+)?
        (?:one|two|three|four|five|six|seven|eight|nine|ten))?)(?!\w)))
  | (?P<spelled>(?:(?:early|late|mid)-?\s*)?nineteen[\s-]+
        (?P<sp>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)
        (?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)(?!\w))
)""", re.VERBOSE | re.IGNORECASE)
_QUARTERS = re.compile(rf"""(?<!\w){_QUARTERS_START}(?:
    (?P<quarter>(?:(?P<qpre>this|last|next)\s+year's\s+|(?P<qpy>{_YEAR})'s\s+|the\s+)?(?:(?:fiscal|calendar)\s+)?(?:(?P<qd>{_DIRECTION[8:-1]}|latest|
        year-earlier|year-ago|most\s+recent|recent)\s+)?(?:(?P<qyear>{_YEAR})\s+)?(?:(?:fiscal|calendar)\s+)?
        (?:(?P<qn>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ])?(?P<qunit>quarter|half)s?
        (?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<qy2>{_YEAR}))?(?P<qprime>'s)?(?![\w-]))
  | (?P<qshort>(?<!\w)(?P<qsn>[1-4])Q(?P<qsy>\d\d)?(?!\w)|(?<!\w)Q(?P<qsn2>[1-4])(?:\s+(?P<qsy2>{_YEAR}))?(?!\w))
)""", re.VERBOSE | re.IGNORECASE)
_WEEKDAYS = re.compile(rf"""(?<!\w){_WEEKDAYS_START}(?:
    (?:(?P<wana>(?:[Tt]he\s+)?(?:previous|preceding|following))\s+|(?P<wdir>last|next|this|past|coming)\s+)?
    (?P<wd>{_WEEKDAY})(?P<wplural>s)?(?!\w)
    (?:\s*,?\s+(?P<wpart>{_PART}))?
)""", re.VERBOSE)
_DEICTIC = re.compile(rf"""(?<!\w){_DEICTIC_START}(?:
    (?P<pod>(?:(?P<podmod>early|late|later|earlier)\s+)?(?P<podd>this|tomorrow|yesterday|last|the)\s+(?P<podp>{_PART})
        |tonight|overnight|(?:mid-?\s*)?(?:afternoon|morning)(?=\s+(?:yesterday|today|tomorrow)))
  | (?P<rel>(?:(?P<rmod>early|late|mid|earlier|later|(?:the\s+)?(?:end|beginning|start|middle)\s+of)
        (?:-|\s+)(?:in\s+|during\s+)?)?(?:the\s+)?
        (?P<rdir>last|next|this|past|coming|previous|following|current|same|that|latest|the)\s+
        (?:(?P<radj>fiscal|calendar|full)\s+(?=year))?
        (?P<runit>week(?:end)?|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|day|night)
        (?!\w|-\w|\s+(?:of\s+)?(?:{_YEAR}(?!\d)|{_SPELLED_YEAR})))
  | (?P<word>(?:(?:early|late)\s+)?(?:today|tomorrow|yesterday)|now|currently|nowadays|presently|recently|lately
        |the\s+(?:past|future|present)|the\s+(?:near|distant|foreseeable)\s+future|the\s+(?:near|short)\s+term
        |at\s+present|these\s+days
        |the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?<=\s)(?:current|recent)(?=\s+[a-z]))(?!\w)
  | (?P<yend>year[- ]end|year's\s+end)(?!\w|-\w)
  | (?P<season>(?:(?P<smod>early|late|mid)(?:-|\s+))?(?:the\s+)?(?P<sname>spring|summer|fall|autumn|winter)
        (?:\s+(?:of\s+)?(?P<sy>{_YEAR}|{_SPELLED_YEAR}))?(?!\w))
)""", re.VERBOSE | re.IGNORECASE)
_SPANS = re.compile(rf"""(?<!\w){_SPANS_START}(?:
    (?P<span>(?:(?P<det>the|a|an|its|their|his|her|this)\s+)?
        (?:(?:the\s+)?(?P<sdir>past|last|next|first|final|coming|previous|following|latest|remaining|
            initial|recent|full|entire|whole|same|other)\s+)?
        (?:(?P<smod>more\s+than|less\s+than|fewer\s+than|longer\s+than|nearly|almost|about|around|roughly|
            approximately|at\s+least|at\s+most|up\s+to|some|just|only|no\s+more\s+than)\s+)?
        (?P<qty>{_QUANTITY})(?:\s+(?:more|additional|extra|further)\s+|[- ]?)
        (?:(?P<unit>{_UNIT})(?P<plural>s)?(?P<uhalf>\s+and\s+a\s+half(?!\w))?|(?P<pod2>days|nights))
        (?P<old>[- ]old|[- ]long)?
        (?P<ago>\s+(?:or\s+so\s+)?(?:ago|earlier|later|from\s+now|hence|before|after)(?!\w))?)
  | (?P<bare>(?:(?:the\s+)?(?P<bdir>past|last|next|coming|recent|previous|following)\s+)?
        (?P<bunit>days|weeks|months|years|decades|centuries|hours|minutes)(?P<bago>\s+ago)?(?!\w))
)""", re.VERBOSE | re.IGNORECASE)
# Holidays, by their capitalised names; "the Christmas season", "New Year sales" use them as modifiers.
_HOLIDAYS = re.compile(rf"""(?<!\w){_HOLIDAYS_START}(?:
    (?:(?P<hdir>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?
    (?P<hname>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|Xmas|New\s+Year(?:'s|s)?(?:\s+(?:Day|Eve))?
        |Easter(?:\s+Sunday)?|Good\s+Friday|Halloween|(?:St\.?\s+)?Valentine's\s+Day|Election\s+Day
        |Labou?r\s+Day|Memorial\s+Day|Fourth\s+of\s+July|July\s+Fourth|Veterans'?\s+Day|Mother's\s+Day
        |Father's\s+Day)
    (?P<hweek>\s+week)?(?![\w'])
)""", re.VERBOSE)
_ORDINAL = re.compile(rf"""(?<!\w){_ORDINAL_START}(?:
    (?P<ord>the\s+(?P<on>{'|'.join(o for o in ORDINALS if not o[0].isdigit() and o not in ('last', 'final'))}
        )\s+(?P<ou>day|week|month|year)(?!\w))
)""", re.VERBOSE | re.IGNORECASE)
_TIMES = re.compile(r"(?<!\w)" + _TIMES_START + r"""(?:
    (?P<clock>(?:(?P<tmod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?
        (?<![\w:.])(?P<th>[01]?\d|2[0-3])(?:[:.](?P<tm>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?|o'clock|in\s+the\s+(?:morning|afternoon|evening)(?!\w))
        (?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?
      |(?<![\w:.])(?P<th24>[01]\d|2[0-3]):(?P<tm24>[0-5]\d)(?:\s+(?P<tz24>[ECMP][SD]T|GMT|UTC)\b)?(?![\w:])
      |(?<!\w)(?:noon|midnight|midday|mid[- ]?afternoon|mid[- ]?morning)(?!\w))
)""", re.VERBOSE | re.IGNORECASE)
_SETS = re.compile(rf"""(?<!\w){_SETS_START}(?:
    (?P<set>(?:every|each|per)\s+(?:(?P<setn>other|{_NUM_WORD}|\d+)\s+)?(?P<setu>{_UNIT}|{_WEEKDAY[3:-1]}|
        {_MONTH[3:-1]}|morning|evening|afternoon|spring|summer|fall|autumn|winter)s?(?!\w)
      |(?P<adv>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|annually|yearly|semiannually
        |bimonthly)(?!\w)
      |(?<=\d\s)a\s+(?P<aunit>year|month|week|day|hour)(?!\w)
      |(?P<times>(?:once|twice|thrice|(?:{_NUM_WORD})\s+times)\s+(?:a|per|every|each)\s+(?P<tu>year|month|week|day|hour))
        (?!\w))
)""", re.VERBOSE | re.IGNORECASE)
_ANAPHOR = re.compile(r"(?<!\w)" + _ANAPHOR_START + r"""(?:
    (?P<ana>(?:the\s+)?(?P<adir>next|following|previous|preceding|same|that|prior)\s+(?P<aunit>day|week|month|year)
        (?!\w)|(?:(?:year|month|week)[- ](?:earlier|ago)|the\s+day\s+before|the\s+day\s+after)(?!\w)
        |(?P<period>the\s+(?:(?P<pyear>\d{4})\s+|(?P<pdir>year-earlier|year-ago|year-before|same|comparable|
            corresponding|latest|prior-year|previous-year|year-earlier\s+comparable)\s+)(?:fiscal\s+)?period
            (?P<pshift>\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|of\s+last\s+year))?(?!\w)))
)""", re.VERBOSE | re.IGNORECASE)
# A clause boundary: white space after a sentence's end before a capital or quote, ";", a line
# break, a quotation mark. Written to start with its first character, which lets `re` skip to
# the candidates (the same matches as `(?<=[a-z0-9%)][.!?])\s+(?=[A-Z"“`])|[;\n]|["“”]|``|''`).
_BOUNDARY = re.compile(r"[\s;\"“”`']"
                       r"(?:(?<=[a-z0-9%)][.!?]\s)\s*(?=[A-Z\"“`])|(?<=[;\n\"“”])|(?<=`)`|(?<=')')")
_WORD = re.compile(r"[A-Za-z']+")
_TO_FUTURE = frozenset("""
set due about poised is are planned scheduled expected expects expect plans plan aims aim hopes hope intends intend
supposed planning
""".split())
_SENTENCE_START = re.compile(r"(?:[.!?][\"'”’]*\s+[\"“`']*|\n\s*|^\s*)$")
_UNTIL = re.compile(r"(?<!\bnot )(?<!\bup )(?<!\bUp )\b(?:until|till)\s+"
                    r"(?:\d\d?(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[ECMP][SD]T\s+)?)?$")
_FOR_FUTURE = frozenset("planned scheduled slated set due".split())
_ADJECTIVE_LEAD = re.compile(r"\b(?:a|an|the|its|their|his|her|this|these|those)\s+(?:(?:still|newly|\w+ly)\s+)?$",
                            re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|am|get|gets)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    family: str
    match: re.Match[str]


# -- values


@lru_cache(maxsize=4096)
def _granularity(value: str) -> str:
    """Which unit a TIMEX3 date value names: "day", "month", "week", "quarter", "half", "season", "year"."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-W\d\d(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-H\d", value):
        return "half"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "other"


def _ymd(value: str) -> tuple[int, int, int]:
    """Year, month (1 when absent) and day (1 when absent) of a value of known granularity."""
    year = int(value[:4])
    if value[5:6] == "W":
        monday = date.fromisocalendar(year, int(value[6:8]), 1)
        return monday.year, monday.month, monday.day
    if value[5:6] == "Q":
        return year, 3 * int(value[6]) - 2, 1
    if value[5:6] == "H":
        return year, 6 * int(value[6]) - 5, 1
    if value[5:7] in SEASON_MONTH:
        return year, SEASON_MONTH[value[5:7]], 1
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if len(value) >= 10 else 1
    return year, month, day


def _clamp_year(year: int) -> int:
    return min(max(year, 1), 9999)


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + months
    return _clamp_year(total // 12), total % 12 + 1


def _shift(value: str, unit: str, amount: int) -> str:
    """`value` moved by `amount` units, kept at its own granularity (a day stays a day)."""
    granularity = _granularity(value)
    if granularity == "other":
        return value
    year, month, day = _ymd(value)
    if granularity == "day":
        base = date(year, month, day)
        if unit == "d":
            moved = _add_days(base, amount)
        elif unit == "w":
            moved = _add_days(base, 7 * amount)
        else:
            months = {"m": 1, "q": 3, "y": 12}[unit] * amount
            y, m = _add_months(year, month, months)
            moved = date(y, m, min(day, calendar.monthrange(y, m)[1]))
        return moved.isoformat() + value[10:]
    if granularity == "week":
        days = {"d": 1, "w": 7, "m": 30, "q": 91, "y": 364}[unit] * amount
        moved_week = _week(_add_days(date(year, month, day), days))
        return moved_week + value[8:]
    if unit in ("d", "w"):
        if granularity == "year":
            return value
        amount, unit = round(amount / 30 if unit == "d" else amount / 4.3), "m"
    months = {"m": 1, "q": 3, "y": 12}[unit] * amount
    y, m = _add_months(year, month, months)
    if granularity == "month":
        return f"{y:04d}-{m:02d}"
    if granularity == "quarter":
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if granularity == "half":
        return f"{y:04d}-H{(m - 1) // 6 + 1}"
    if granularity == "season":
        return f"{y:04d}-{value[5:7]}"
    return f"{y:04d}"


def _place(candidates: list[tuple[date, str]], reference: date, direction: int, *, soft: int = 0) -> str:
    """The candidate (start date, value) that `direction` picks relative to `reference`.

    With `soft`, a tense-chosen candidate more than `soft` days away gives way to one on
    the other side within 100 days: news seldom names a month and day almost a year off
    without its year, and the tense read from the clause is only a guess.
    """
    candidates.sort()
    nearest = min(candidates, key=lambda c: (abs((c[0] - reference).days), c[0] > reference))
    if direction in (-1, -2):
        before = [c for c in candidates if (c[0] <= reference if direction == -1 else c[0] < reference)]
        chosen = before[-1] if before else candidates[0]
    elif direction in (1, 2):
        after = [c for c in candidates if (c[0] >= reference if direction == 1 else c[0] > reference)]
        chosen = after[0] if after else candidates[-1]
    else:
        return nearest[1]
    if soft and abs((chosen[0] - reference).days) > soft and abs((nearest[0] - reference).days) < 100:
        return nearest[1]
    return chosen[1]


def _pivot(two_digits: int, reference_year: int) -> int:
    """The year ending in `two_digits` nearest to `reference_year`, at most 20 years after it."""
    base = reference_year - reference_year % 100 + two_digits
    for year in (base, base - 100, base + 100):
        if reference_year - 80 <= year <= reference_year + 20:
            return _clamp_year(year)
    return _clamp_year(base)


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def resolve(relative: str, dct: str) -> str:
    """The TIMEX3 value a relative expression takes for reference date `dct` ("YYYY-MM-DD")."""
    return _resolve(relative, dct)


@lru_cache(maxsize=4096)  # a text resolves the same few codes against one DCT again and again
def _resolve(relative: str, dct: str) -> str:
    relative, _, suffix = relative.partition("@")
    base, _, shifts = relative.partition(">")
    reference = date.fromisoformat(dct[:10])
    value = _resolve_base(base, reference)
    for shift in shifts.split(">") if shifts else ():
        unit, _, amount = shift.partition(":")
        if unit in ("qset", "hset"):
            value = f"{value[:4]}-{'Q' if unit == 'qset' else 'H'}{amount}"
        elif unit == "yr":
            value = amount + value[4:]
        elif unit == "qtr":
            value = f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}" if _granularity(value) == "day" else value
        elif unit in ("pw", "nw"):
            value = _resolve_weekday_shift(value, f"{unit}:{amount}")
        elif unit == "cut":
            value = _week(date(*_ymd(value))) if amount == "w" else value[:int(amount)]
        else:
            value = _shift(value, unit, int(amount))
    if suffix and _granularity(value) == "day":
        value = value[:10] + suffix
    return value


def _resolve_weekday_shift(value: str, shift: str) -> str:
    """The weekday of `shift` ("pw:5" the Friday before, "nw:5" the Friday after) a day value; other
    values are left as they are."""
    if _granularity(value) != "day":
        return value
    day = date.fromisoformat(value[:10])
    unit, _, weekday = shift.partition(":")
    if unit == "pw":
        return _add_days(day, -((day.isoweekday() - int(weekday) - 1) % 7 + 1)).isoformat()
    return _add_days(day, (int(weekday) - day.isoweekday() - 1) % 7 + 1).isoformat()


def _resolve_base(code: str, reference: date) -> str:
    kind, *args = code.split(":")
    numbers = [int(a) for a in args if a.lstrip("-").isdigit()]
    year, month = reference.year, reference.month
    if kind == "d":
        return _add_days(reference, numbers[0]).isoformat()
    if kind == "w":
        return _week(_add_days(reference, 7 * numbers[0]))
    if kind == "we":
        direction = numbers[0]
        weekday = reference.isoweekday()
        offset = {-2: -1, -1: 0 if weekday >= 6 else -1, 0: 0, 1: 0, 2: 1}
        return _week(_add_days(reference, 7 * offset.get(direction, 0))) + "-WE"
    if kind == "m":
        y, m = _add_months(year, month, numbers[0])
        return f"{y:04d}-{m:02d}"
    if kind == "q":
        y, m = _add_months(year, month, 3 * numbers[0])
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if kind == "h":
        y, m = _add_months(year, month, 6 * numbers[0])
        return f"{y:04d}-H{(m - 1) // 6 + 1}"
    if kind == "y":
        return f"{_clamp_year(year + numbers[0]):04d}"
    if kind == "ym":
        return f"{_clamp_year(year + numbers[0]):04d}-{numbers[1]:02d}"
    if kind == "de":
        return f"{_clamp_year(year + 10 * numbers[0]) // 10:03d}"
    if kind == "ce":
        return f"{_clamp_year(year + 100 * numbers[0]) // 100:02d}"
    if kind == "wd":
        weekday, direction = numbers[0], numbers[1]
        offset = weekday - reference.isoweekday()
        days = [_add_days(reference, offset + k) for k in (-7, 0, 7)]
        return _place([(d, d.isoformat()) for d in days], reference, direction)
    if kind == "mo":
        m, direction = numbers
        options = [(date(y, m, 1), f"{y:04d}-{m:02d}") for y in (year - 1, year, year + 1) if 1 <= y <= 9999]
        # DIR -3 and 3: like -1 and 1, but a month named without its year is seldom most of a
        # year off, so one more than 240 days away gives way to the nearest within 100 days.
        soft = 240 if direction in (-3, 3) else 0
        return _place(options, reference.replace(day=1), max(-1, min(1, direction)) if soft else direction, soft=soft)
    if kind == "md":
        m, d, direction = numbers
        options = []
        for y in (year - 1, year, year + 1):
            if 1 <= y <= 9999:
                start = date(y, m, min(d, calendar.monthrange(y, m)[1]))
                options.append((start, f"{y:04d}-{m:02d}-{d:02d}" if _valid_day(y, m, d) else f"{y:04d}-{m:02d}"))
        return _place(options, reference, direction, soft=270 if direction in (-1, 1) else 0)
    if kind == "se":
        season, direction = args[0], int(args[1])
        first = SEASON_MONTH[season]
        options = [(date(y, first, 1), f"{y:04d}-{season}") for y in (year - 1, year, year + 1) if 1 <= y <= 9999]
        current = date(year - (1 if month < 3 and season == "WI" else 0), first, 1) if 1 < year < 9999 else reference
        if direction == 0 and current <= reference < date(current.year + (first + 3 > 12), (first + 2) % 12 + 1, 1):
            return f"{current.year:04d}-{season}"
        return _place(options, reference, direction)
    if kind in ("qn", "hn"):
        n, direction = numbers
        size = 3 if kind == "qn" else 6
        letter = "Q" if kind == "qn" else "H"
        options = [(date(y, size * n - size + 1, 1), f"{y:04d}-{letter}{n}") for y in (year - 1, year, year + 1)
                   if 1 <= y <= 9999]
        this = date(year, (month - 1) // size * size + 1, 1)
        return _place(options, this, direction)
    if kind == "hd":
        options = [(day, day.isoformat()) for day in (_holiday(args[0], y) for y in (year - 1, year, year + 1)
                                                      if 1 <= y <= 9999) if day is not None]
        direction = int(args[1])
        return _place(options, reference, direction, soft=270 if direction in (-1, 1) else 0)
    if kind == "yy":
        y = _pivot(numbers[0], year)
        if len(numbers) == 3 and not _valid_day(y, numbers[1], numbers[2]):
            return f"{y:04d}-{numbers[1]:02d}"
        return "-".join([f"{y:04d}"] + [f"{n:02d}" for n in numbers[1:]])
    if kind == "dy":
        return f"{_pivot(numbers[0], year) // 10:03d}"
    raise ValueError(f"unknown relative code {code!r}")


_HOLIDAY_KEYS = {
    "thanksgiving": "thanksgiving", "christmas": "christmas", "christmas eve": "christmaseve", "xmas": "christmas",
    "new": "newyear", "new years eve": "newyeareve", "new year eve": "newyeareve", "easter": "easter",
    "good friday": "goodfriday", "halloween": "halloween", "valentines day": "valentine", "st valentines day":
    "valentine", "st. valentines day": "valentine", "election day": "election", "labor day": "labor",
    "labour day": "labor", "memorial day": "memorial", "fourth of july": "july4", "july fourth": "july4",
    "veterans day": "veterans", "mothers day": "mother", "fathers day": "father",
}
# (month, day) of the holidays on a fixed date.
_FIXED_HOLIDAYS = {"christmas": (12, 25), "christmaseve": (12, 24), "newyear": (1, 1), "newyeareve": (12, 31),
                   "halloween": (10, 31), "valentine": (2, 14), "july4": (7, 4), "veterans": (11, 11)}
# (month, weekday (1 = Monday), which one: 1 the first, -1 the last, and days added) of the others (US).
_WEEKDAY_HOLIDAYS = {"thanksgiving": (11, 4, 4, 0), "labor": (9, 1, 1, 0), "memorial": (5, 1, -1, 0),
                     "election": (11, 1, 1, 1), "mother": (5, 7, 2, 0), "father": (6, 7, 3, 0)}


def _holiday(key: str, year: int) -> date | None:
    """The date of holiday `key` in `year` (US dates where countries differ)."""
    if key in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[key])
    if key in ("easter", "goodfriday"):
        return _easter(year) - timedelta(days=2 if key == "goodfriday" else 0)
    if key not in _WEEKDAY_HOLIDAYS:
        return None
    month, weekday, which, extra = _WEEKDAY_HOLIDAYS[key]
    if which > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (which - 1))
    else:
        last = date(year, month, calendar.monthrange(year, month)[1])
        day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return day + timedelta(days=extra)  # Election Day: the Tuesday after the first Monday


def _easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=4096)
def _placeholder(relative: str) -> str:
    """The value of a relative expression when the reference date is unknown."""
    relative, _, suffix = relative.partition("@")
    base, _, shifts = relative.partition(">")
    kind, *args = base.split(":")
    if kind in ("yy", "dy"):
        return resolve(relative, "2030-01-01")  # the pivot alone: 50-99 the 1900s, 00-49 the 2000s
    if shifts:
        cut = re.search(r"cut:(\w)$", shifts)
        if cut:
            return {"4": "XXXX", "7": "XXXX-XX", "w": "XXXX-WXX"}[cut.group(1)]
        named = re.search(r"([qh])set:(\d)$", shifts)
        if named:
            return f"XXXX-{named.group(1).upper()}{named.group(2)}"
        year = re.search(r"yr:(\d{4})$", shifts)
        if year:
            return year.group(1)
        if "qtr" in shifts:
            return "XXXX-QX"
        if kind in ("d", "wd", "md"):
            return "XXXX-XX-XX" + suffix
    if kind == "d":
        return "XXXX-XX-XX" + suffix
    if kind == "wd":
        return f"XXXX-WXX-{args[0]}" + suffix
    if kind in ("w", "we"):
        return "XXXX-WXX" + ("-WE" if kind == "we" else "")
    if kind == "md":
        return f"XXXX-{int(args[0]):02d}-{int(args[1]):02d}"
    if kind == "hd":
        fixed = _FIXED_HOLIDAYS.get(args[0])
        return f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
    if kind == "mo":
        return f"XXXX-{int(args[0]):02d}"
    if kind == "ym":
        return f"XXXX-{int(args[1]):02d}"
    if kind == "se":
        return f"XXXX-{args[0]}"
    if kind in ("qn", "hn"):
        return f"XXXX-{'Q' if kind == 'qn' else 'H'}{args[0]}"
    return {"m": "XXXX-XX", "q": "XXXX-QX", "h": "XXXX-HX", "y": "XXXX", "de": "XXX", "ce": "XX"}.get(kind, "XXXX")


# -- candidates


_FAMILIES = (
    ("date", _DATE_FULL), ("numeric", _NUMERIC_DATE), ("quarter", _QUARTERS), ("years", _YEARS),
    ("time", _TIMES), ("set", _SETS), ("weekday", _WEEKDAYS), ("deictic", _DEICTIC), ("span", _SPANS),
    ("anaphor", _ANAPHOR), ("ordinal", _ORDINAL), ("holiday", _HOLIDAYS),
)
_REACH = 48
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def _trigger_table() -> dict[str, tuple[tuple[str, int], ...]]:
    """Word -> the families whose patterns can match around it."""
    table: dict[str, set[str]] = {}

    def add(words: str, *families: str) -> None:
        for word in words.split():
            table.setdefault(word, set()).update(families)

    add(" ".join(MONTHS) + " sept", "date", "set")
    add(" ".join(WEEKDAYS) + " thurs " + " ".join(w + "s" for w in WEEKDAYS if len(w) > 3), "weekday", "set")
    units = """second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight
               fortnights month months quarter quarters year years decade decades century centuries millennium
               millennia"""
    add(units, "span", "deictic", "set", "anaphor", "ordinal", "quarter", "years")
    add("quarter quarters half q", "quarter")
    add("twenties thirties forties fifties sixties seventies eighties nineties nineteen century", "years")
    add("""today tomorrow yesterday now currently current recent recently lately nowadays presently present past term
           future tonight overnight spring summer fall autumn winter springs summers winters morning afternoon
           evening night mornings afternoons evenings""", "deictic")
    add("morning afternoon evening night noon midnight midday mid", "time", "weekday", "deictic")
    add("""every each per hourly daily nightly weekly biweekly fortnightly monthly bimonthly annually yearly
           semiannually once twice thrice times""", "set")
    add("period", "anaphor")
    add("""thanksgiving christmas xmas year years easter friday halloween valentine election labor labour memorial
           fourth july veterans mother father""", "holiday")
    return {word: tuple((family, _REACH) for family in sorted(families)) for word, families in table.items()}


_TRIGGERS = _trigger_table()


# The tokens of `_TOKEN` that open a window, found in C rather than word by word: trigger words
# in `text.lower()` (after a character that is no letter, or at the start), and runs of digits.
# `str.lower` keeps every offset and makes no other character an ASCII letter, except for two
# characters ("İ" lengthens, the Kelvin sign becomes "k"): texts with them are read word by word.
_TRIGGER_WORDS = _trie(sorted(_TRIGGERS))
_TRIGGER_FIRST = re.compile(rf"(?:{_TRIGGER_WORDS})(?![a-z])")
_TRIGGER_WORD = re.compile(rf"[^a-z]({_TRIGGER_WORDS})(?![a-z])")  # starts with a class: `re` skips letters fast
_DIGITS = re.compile(r"\d+")
_LOWER_UNSAFE = ("\u0130", "\u212a")
# A number alone starts a numeric date, a year or a clock time; counted spans and dates with
# a month name are found from their unit or month word.
_DIGIT_FAMILIES = (("numeric", 12), ("years", 40), ("time", 24))
_PRIORITY = {name: i for i, (name, _) in enumerate(_FAMILIES)} | {"join": -1}
_JOIN_GAP = re.compile(r"\s*,?\s*")
_WEEKDAY_DATE_GAP = re.compile(r",?\s+")
# Words before a bare month name ("May", "March") or season that make it a date, not a verb or noun.
_DATE_LEAD = frozenset("""
in since until till by of during through from to before after early late mid last next this and or between for
on around about throughout starting beginning ending end
""".split())
_YEAR_BLOCKERS = frozenset("""
flight no number route highway article resolution code room windows page chapter section form model boeing
airbus bus interstate channel version gate seat track
""".split())


def _triggers(text: str) -> list[tuple[int, int, tuple[tuple[str, int], ...]]]:
    """(start, end, families) of each token of `text` that is a trigger word or a number, in order."""
    if any(char in text for char in _LOWER_UNSAFE):
        tokens = ((token.start(), token.end(), token.group(0)) for token in _TOKEN.finditer(text))
        return [(start, end, _DIGIT_FAMILIES if word[0].isdigit() else _TRIGGERS[word.lower()])
                for start, end, word in tokens if word[0].isdigit() or word.lower() in _TRIGGERS]
    lowered = text.lower()
    first = _TRIGGER_FIRST.match(lowered)
    found = [(first.start(), first.end(), _TRIGGERS[first.group(0)])] if first else []
    found += [(word.start(1), word.end(1), _TRIGGERS[word.group(1)]) for word in _TRIGGER_WORD.finditer(lowered)]
    found += [(number.start(), number.end(), _DIGIT_FAMILIES) for number in _DIGITS.finditer(text)]
    found.sort()
    return found


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per family, the stretches of text around its trigger words, merged.

    Every expression of a family contains a digit or one of its trigger words and reaches
    at most `_REACH` characters beyond it, so the family's pattern need not run over the
    rest of the text (most of an article).
    """
    length = len(text)
    if len(text) < 200:  # not worth the bookkeeping
        return {family: [(0, length)] for family, _ in _FAMILIES}
    windows: dict[str, list[tuple[int, int]]] = {family: [] for family, _ in _FAMILIES}
    for first, last, families in _triggers(text):
        for family, reach in families:
            start = first - reach if first > reach else 0
            end = last + reach if last + reach < length else length
            spans = windows[family]
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return {family: spans for family, spans in windows.items() if spans}


def _candidates(text: str) -> list[_Candidate]:
    found = []
    windows = _windows(text)
    for family, pattern in _FAMILIES:
        for start, end in windows.get(family, ()):
            for match in pattern.finditer(text, start, end):
                if match.end() > match.start():
                    found.append(_Candidate(match.start(), match.end(), family, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: the longest first, then the earliest, then by family priority."""
    chosen: list[_Candidate] = []
    starts: list[int] = []  # the spans taken, disjoint and in order, so only the last one
    ends: list[int] = []  # starting before a candidate's end can overlap it
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start, _PRIORITY[c.family])):
        index = bisect_left(starts, candidate.end)
        if index and ends[index - 1] > candidate.start:
            continue
        chosen.append(candidate)
        starts.insert(index, candidate.start)
        ends.insert(index, candidate.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


# -- tense


def _tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around text[start:end], from the nearest auxiliary or past-tense verb."""
    found = _tense_cue(text, start, end)
    return found[1] if found else None


def _tense_cue(text: str, start: int, end: int) -> tuple[int, str, int] | None:
    """(distance in characters, tense, -1 before or 1 after) of the nearest tense cue in the clause
    around text[start:end]."""
    left = max(0, start - 120)
    right = min(len(text), end + 120)
    before = text[left:start]
    after = text[end:right]
    cut = [m.end() for m in _BOUNDARY.finditer(before)]
    if cut:
        left += cut[-1]
        before = before[cut[-1]:]
    stop = _BOUNDARY.search(text, end, right)  # on the whole text: "Tuesday. At" ends the sentence
    if stop:
        after = after[:stop.start() - end]
    # The nearest cue before is the last one, after the first one; on a tie the one before wins.
    best: tuple[int, str, int] | None = None
    for word in reversed(list(_WORD.finditer(before))):
        tense = _cue(before, word)
        if tense:
            best = (start - (left + word.end()), tense, -1)
            break
    for word in _WORD.finditer(after):
        if best is not None and word.start() >= best[0]:
            break
        tense = _cue(after, word)
        if tense:
            return word.start(), tense, 1
    return best


# Words that are never a tense cue, learnt as they are met (a news vocabulary stays small).
_NOT_CUE: dict[str, bool] = {}
_CUE_WORDS = FUTURE_CUES | PAST_CUES | PRESENT_CUES | _TO_FUTURE | _FOR_FUTURE


def _cue(piece: str, word: re.Match[str]) -> str | None:
    """The tense the word `word` of `piece` (a clause before or after the expression) points to, if any."""
    raw = word.group(0)
    inert = _NOT_CUE.get(raw)
    if inert is None:
        token = raw.lower()
        inert = token not in _CUE_WORDS and not (
            len(token) > 4 and token.endswith("ed") and token not in NOT_PAST and raw[0].islower())
        if len(_NOT_CUE) > 100_000:
            _NOT_CUE.clear()
        _NOT_CUE[raw] = inert
    if inert:
        return None
    token = raw.lower()
    if token in _TO_FUTURE and piece[word.end():word.end() + 4] == " to " and \
            _PLUPERFECT.search(piece[max(0, word.start() - 12):word.start()]):
        return "past"  # "had been scheduled to expire Friday"
    if token in FUTURE_CUES or (token in _TO_FUTURE and piece[word.end():word.end() + 4] == " to ") or (
            token in _FOR_FUTURE and piece[word.end():word.end() + 5] == " for "):
        return "future"  # "expects to", "was planned for early March"
    if token in PAST_CUES:
        if token != "ago" and _PASSIVE.search(piece[max(0, word.start() - 12):word.start()]):
            return None  # "would be paid", "will be held": the auxiliary carries the tense
        return "past"
    if len(token) > 4 and token.endswith("ed") and token not in NOT_PAST and raw[0].islower():
        if _PASSIVE.search(piece[max(0, word.start() - 12):word.start()]):
            return None  # "can be exercised": the auxiliary carries the tense
        if _ADJECTIVE_LEAD.search(piece[max(0, word.start() - 24):word.start()]):
            return None  # "a still unspecified date": an adjective
        return "past"
    if token in PRESENT_CUES:
        return "present"
    return None


def _direction(tense: str | None) -> int:
    return {"past": -1, "future": 1}.get(tense or "", 0)


# -- normalisation


@dataclass(slots=True)
class _Result:
    type: str
    value: str | None = None  # absolute value; None when `relative` gives it
    relative: str | None = None
    mod: str | None = None
    anchor: bool = False  # may anchor a later anaphor
    end: int | None = None  # a shorter span than the match (a trailing signal left out)
    start: int | None = None  # a later start (a determiner left out)
    warning: str | None = None


class _Context:
    """What normalisation knows: the text, the reference date, the anchors seen so far."""

    def __init__(self, text: str, reference: date | None) -> None:
        self.text = text
        self.reference = reference
        self.anchors: list[tuple[int, str, str | None]] = []  # (end offset, value, relative)

    def value(self, result: _Result) -> str:
        if result.relative is None:
            return result.value or ""
        if self.reference is None:
            return _placeholder(result.relative)
        return resolve(result.relative, self.reference.isoformat())

    def anchor(self, granularities: tuple[str, ...] | None = None, *, before: int | None = None,
               within: int | None = None, first: bool = False) -> tuple[str, str | None] | None:
        """The last anchor (value, relative) of one of `granularities` (with `first`, the first one);
        None when there is none."""
        for end, value, relative in (self.anchors if first else reversed(self.anchors)):
            if within is not None and before is not None and before - end > within:
                return None
            if granularities is None or _granularity(value) in granularities:
                return value, relative
        return None


def _lower_words_before(text: str, start: int, count: int = 1) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, start - 40):start])[-count:]]


def _number(words: str) -> float | None:
    """The number a quantity stands for; None for a vague one ("several")."""
    words = re.sub(r"\s+", " ", words.lower().strip())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    elif words.endswith(("1/2", "½")):  # "2 1/2 years"
        words, half = re.sub(r"\s*(?:1/2|½)$", "", words), 0.5
    if words in VAGUE_QUANTITIES:
        return None
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words] + half
    digits = words.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", digits):
        return float(digits) + half
    parts = re.split(r"[- ]", words)
    if all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts) + half
    return None


def _duration(amount: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit == "quarter" and amount is not None and amount > 1:
        unit, amount = "month", amount * 3  # TimeBank writes three quarters as P9M
    if unit == "centurie":
        unit = "century"
    if unit in ("decade", "century"):  # TimeBank and MEANTIME write "two decades" as P20Y, "centuries" as years
        unit, amount = "year", None if amount is None else amount * (10 if unit == "decade" else 100)
    designator, in_time = UNITS.get(unit, ("X", False))
    if unit == "fortnight":
        amount = None if amount is None else amount * 2
    if amount is not None and amount != int(amount) and unit in _SMALLER_UNIT:
        smaller, per, time_part = _SMALLER_UNIT[unit]
        rest = (amount - int(amount)) * per
        if rest == int(rest):  # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M, as TimeBank writes them
            whole = f"{int(amount)}{designator}" if int(amount) else ""
            if time_part and not in_time:
                return f"P{whole}T{int(rest)}{smaller}"
            return f"{'PT' if in_time else 'P'}{whole}{int(rest)}{smaller}"
    number = "X" if amount is None else (f"{amount:g}" if amount != int(amount) else str(int(amount)))
    return f"PT{number}{designator}" if in_time else f"P{number}{designator}"


# The next smaller unit of a duration, how many of it make one, and whether it is written after "T".
_SMALLER_UNIT = {"year": ("M", 12, False), "day": ("H", 24, True), "hour": ("M", 60, True),
                 "minute": ("S", 60, True)}


# Words before "a year" that make it a rate ("$5 million a year", "twice a year").
_SET_LEADS = frozenset("million billion thousand hundred percent times once twice dollars cents each".split())
_DURATION_LEADS = frozenset("for in within about than over after into of last lasted take takes took spent a the"
                            .split())
_UNIT_CODE = {"day": "d", "night": "d", "week": "w", "weekend": "w", "fortnight": "w", "month": "m",
              "quarter": "q", "year": "y", "decade": "de", "century": "ce", "centurie": "ce"}


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    return MODS.get(re.sub(r"\s+", " ", word.lower()).strip("- "))


def _month_day(context: _Context, month: int, day: int, year: int | None, text: str, tense: str | None,
               *, two_digit: int | None = None) -> _Result:
    """A month and day, with or without its year; impossible days fall back to the month."""
    if day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        warning = f"impossible date {text!r}: kept at month granularity"
        if two_digit is not None:
            return _Result("DATE", relative=f"yy:{two_digit}:{month}", anchor=True, warning=warning)
        if year is None:
            return _Result("DATE", relative=f"mo:{month}:{_direction(tense)}", anchor=True, warning=warning)
        return _Result("DATE", f"{year:04d}-{month:02d}", anchor=True, warning=warning)
    if two_digit is not None:
        return _Result("DATE", relative=f"yy:{two_digit}:{month}:{day}", anchor=True)
    if year is None:
        return _Result("DATE", relative=f"md:{month}:{day}:{_direction(tense)}", anchor=True)
    if not _valid_day(year, month, day):
        return _Result("DATE", f"{year:04d}-{month:02d}", anchor=True,
                       warning=f"impossible date {text!r}: kept at month granularity")
    return _Result("DATE", f"{year:04d}-{month:02d}-{day:02d}", anchor=True)


def _year_of(word: str) -> tuple[int | None, int | None]:
    """(year, None) for "2022" and "nineteen ninety-four", (None, 22) for "'22"."""
    if word.startswith("'"):
        return None, int(word[1:])
    if not word[:1].isdigit():
        words = word.lower().replace("-", " ").split()
        if words[0] == "two":  # "two thousand and one"
            return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:]), None
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in words[1:]), None
    return int(word), None


def _normalise_date(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    result = _date(m, context, tense)
    if result is None or not m.group("weekof"):
        return result
    # "the week of March 6": the ISO week holding the day
    if result.relative is not None:
        if _granularity(resolve(result.relative, "2000-01-01")) == "day":
            result.relative += ">cut:w"
        return result
    if _granularity(result.value or "") == "day":
        result.value = _week(date.fromisoformat(result.value[:10]))  # type: ignore[index]
    return result


def _date(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = m.group(0)
    if m.group("mdy"):
        year, two = _year_of(m.group("y1"))
        return _month_day(context, _month(m.group("m1")), _day(m.group("d1")), year, text, tense, two_digit=two)
    if m.group("dmy"):
        year = int(m.group("y2")) if m.group("y2") else None
        return _month_day(context, _month(m.group("m2")), _day(m.group("d2")), year, text, tense)
    if m.group("md"):
        month_word = m.group("m3")
        if month_word.lower().rstrip(".") in ("may", "mar") and len(month_word) <= 3 and m.group("d3")[0] == "0":
            return None
        if m.group("mddir"):  # "last Oct. 23": the one before the DCT
            step = {"last": -2, "past": -2, "next": 2, "coming": 2, "this": 0}[m.group("mddir").lower()]
            result = _month_day(context, _month(month_word), _day(m.group("d3")), None, text, tense)
            if result.relative and result.relative.startswith(("md:", "mo:")):
                result.relative = result.relative.rpartition(":")[0] + f":{step}"
            return result
        return _month_day(context, _month(month_word), _day(m.group("d3")), None, text, tense)
    month_word = m.group("m4")
    mod = _mod(m.group("mod"))
    year_word = m.group("y4")
    bare = month_word.rstrip(".").lower()
    if m.group("myrel"):
        offset = {"last": -1, "this": 0, "next": 1}[m.group("myrel")]
        return _Result("DATE", relative=f"ym:{offset}:{_month(month_word)}", mod=mod, anchor=True)
    if m.group("mdir") and m.group("mdir").lower() == "this":  # "this September": of the DCT's year
        return _Result("DATE", relative=f"ym:0:{_month(month_word)}", mod=mod, anchor=True)
    if m.group("mdir"):
        step = {"last": -2, "past": -2, "next": 2, "coming": 2}[m.group("mdir").lower()]
        return _Result("DATE", relative=f"mo:{_month(month_word)}:{step}", mod=mod, anchor=True)
    if not year_word and not mod and (bare in ("may", "march", "mar") or len(bare) <= 4):
        previous = _lower_words_before(context.text, m.start())
        modifier = previous and previous[0] in ("a", "an", "the") and re.match(r"\s+[a-z]{3,}",
                                                                               context.text[m.end():m.end() + 6])
        if not previous or previous[0] not in _DATE_LEAD and not modifier:  # "a June agreement" is a date
            return None
    if not year_word and not mod:
        nxt = context.text[m.end():m.end() + 2]
        if re.match(r"\s[A-Z]", nxt) and bare not in ("may", "march"):  # "June Carter", "August Wilson"
            following = re.match(r"\s+([A-Z][a-z]+)", context.text[m.end():])
            if following and following.group(1) not in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                         "Saturday", "Sunday"):
                return None
    month = _month(month_word)
    if year_word:
        year, two = _year_of(year_word)
        if two is not None:
            return _Result("DATE", relative=f"yy:{two}:{month}", mod=mod, anchor=True)
        return _Result("DATE", f"{year:04d}-{month:02d}", mod=mod, anchor=True)
    direction = _direction(tense)
    previous = _lower_words_before(context.text, m.start())
    if previous and previous[0] == "since":
        direction = -1  # "prices have risen since August": a month gone by
    elif direction < 0:
        cue = _tense_cue(context.text, m.start(), m.end())
        if cue and (cue[2] > 0 or cue[0] > 12):
            # "was signed in January" is past; in "announced an agreement to acquire the bank in
            # January" the past verb governs another phrase and the month may lie ahead.
            direction = -3
    return _Result("DATE", relative=f"mo:{month}:{direction}", mod=mod, anchor=True)
    return _Result("DATE", relative=f"mo:{month}:{direction}", mod=mod, anchor=True)


def _normalise_numeric(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = m.group(0)
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        if not _valid_day(year, month, day):
            if 1 <= month <= 12:
                return _Result("DATE", f"{year:04d}-{month:02d}", warning=f"impossible date {text!r}: kept at month")
            return None
        if m.group("ih"):
            return _Result("TIME", f"{year:04d}-{month:02d}-{day:02d}T{m.group('ih')}:{m.group('imin')}", anchor=True)
        return _Result("DATE", f"{year:04d}-{month:02d}-{day:02d}", anchor=True)
    if m.group("ym"):
        year, month, day = int(m.group("ym")), int(m.group("ymm")), int(m.group("ymd"))
        return _month_day(context, month, day, year, text, tense)
    month, day, year_word = int(m.group("nm")), int(m.group("nd")), m.group("ny")
    if len(year_word) == 2:
        return _month_day(context, month, day, None, text, tense, two_digit=int(year_word))
    return _month_day(context, month, day, int(year_word), text, tense)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_CENTURY_WORDS = {w: n for w, n in ORDINALS.items() if w not in ("last", "final")}


def _normalise_years(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = m.group(0)
    lead = re.match(r"(?:the\s+)?(early|late|mid)", text, re.IGNORECASE)
    mod = _mod(lead.group(1)) if lead else None
    if m.group("decade"):
        digits = re.search(r"(\d+)0'?s", text)
        if digits and len(digits.group(1)) == 3:
            return _Result("DATE", digits.group(1), mod=mod, anchor=False)
        if digits and len(digits.group(1)) == 1:  # "the '90s"
            return _Result("DATE", relative=f"dy:{digits.group(1)}0", mod=mod)
        word = re.search(r"(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", text,
                         re.IGNORECASE)
        if not word:
            return None
        if re.search(r"nineteen", text, re.IGNORECASE):
            return _Result("DATE", f"19{_DECADE_WORDS[word.group(1).lower()]}", mod=mod)
        if not text.lower().startswith("the"):
            return None  # "in his forties" is an age
        return _Result("DATE", relative=f"dy:{_DECADE_WORDS[word.group(1).lower()]}0", mod=mod)
    if m.group("century"):
        word = m.group("cn").lower()
        number = _CENTURY_WORDS.get(word) or int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]
        return _Result("DATE", f"{number - 1:02d}", mod=mod)
    if m.group("theyear") or m.group("spelled"):
        if m.group("ty"):
            return _Result("DATE", f"{int(m.group('ty')):04d}", anchor=True)
        words = (m.group("tw") or m.group("sp")).lower().replace("-", " ").split()
        if m.group("tw"):
            return _Result("DATE", f"{2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:]):04d}", anchor=True)
        return _Result("DATE", f"{1900 + sum(NUMBER_WORDS.get(w, 0) for w in words):04d}", mod=mod, anchor=True)
    if m.group("shortyear"):
        previous = _lower_words_before(context.text, m.start())
        if not previous or previous[0] not in _DATE_LEAD | {"the", "since", "class", "season", "summer", "fall",
                                                            "spring", "winter"}:
            return None
        return _Result("DATE", relative=f"yy:{m.group('yy')}", anchor=True)
    previous = _lower_words_before(context.text, m.start("yv"))
    if previous and previous[0] in _YEAR_BLOCKERS:
        return None
    year = int(m.group("yv"))
    if lead is None:
        edge = re.match(r"(?:the\s+)?(beginning|start|end|middle)\s+of", text, re.IGNORECASE)
        mod = _mod(edge.group(1) + " of") if edge else None
    return _Result("DATE", f"{year:04d}", mod=mod, anchor=True)


def _normalise_quarter(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    result = _quarter(m, context, tense)
    if result and m.group("quarter") and m.group("qn") and context.text[m.end("qn"):m.start("qunit")] == "-" \
            and m.group(0).lower().startswith("the "):
        result.start = m.start("qn")  # "the third-quarter loss": the adjective alone
    return result


def _quarter(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = m.group(0)
    if m.group("qshort"):
        number = int(m.group("qsn") or m.group("qsn2"))
        year_word = m.group("qsy2") or (m.group("qsy") and m.group("qsy"))
        if year_word and len(year_word) == 4:
            return _Result("DATE", f"{year_word}-Q{number}", anchor=True)
        if year_word:
            return _Result("DATE", relative=f"yy:{year_word}", anchor=True)
        return _Result("DATE", relative=f"qn:{number}:{_direction(tense)}", anchor=True)
    unit = m.group("qunit").lower()
    if m.group("qunit")[0] == "Q":
        return None  # "the Latin Quarter"
    letter, code = ("Q", "qn") if unit == "quarter" else ("H", "hn")
    ordinal = (m.group("qn") or "").lower()
    number = ORDINALS.get(ordinal) if ordinal else None
    if number is not None and unit == "half":
        number = 2 if ordinal in ("last", "final") else number
        if number > 2:
            return None
    direction = re.sub(r"\s+", " ", (m.group("qd") or "").lower())
    year = m.group("qyear") or m.group("qy2")
    lowered = text.lower()
    determiner = lowered.split()[0] if " " in lowered else ""
    if text.endswith("s") and not m.group("qprime") and number is not None and not year:
        return _Result("SET", f"XXXX-{letter}{number}")
    year = year or m.group("qpy")
    if year and number is None and direction in ("last", "final") and m.group("qy2"):
        number = 4 if letter == "Q" else 2  # "the last half of 1989"
    if year and number is not None:
        return _Result("DATE", f"{year}-{letter}{number}", anchor=True)
    if m.group("qpre") and number is not None:
        offset = {"this": 0, "last": -1, "next": 1}[m.group("qpre").lower()]
        return _Result("DATE", relative=f"y:{offset}>qset:{number}" if letter == "Q" else f"y:{offset}>hset:{number}",
                       anchor=True)
    if m.group("qpre") and number is None and unit == "quarter" and not text.lower().endswith("s"):
        found = context.anchor(("quarter",))  # "last year's quarter": the quarter reported, a year before
        offset = {"this": 0, "last": -1, "next": 1}[m.group("qpre").lower()]
        return _anaphor(found, "y", offset) if found else _Result("DATE", relative=f"q:-1>y:{offset}")
    if number is not None:
        if direction in ("this", "current"):
            return _Result("DATE", relative=f"{code}:{number}:0", anchor=True)
        if direction in ("last", "previous", "past"):
            return _Result("DATE", relative=f"{code}:{number}:-2", anchor=True)
        if direction in ("next", "coming", "following"):
            return _Result("DATE", relative=f"{code}:{number}:2", anchor=True)
        if direction in ("year-earlier", "year-ago"):
            return _Result("DATE", relative=f"{code}:{number}:-1>y:-1")
        # "expects to report third-quarter results": a future report of the latest quarter, so
        # the future tense only takes the nearest quarter of that name, not the next one.
        return _Result("DATE", relative=f"{code}:{number}:{0 if tense == 'future' else -1}", anchor=True)
    if unit == "half":
        return None
    if year:
        if m.group("qyear") and determiner == "the" and not direction and not text.lower().endswith("s"):
            return _in_year(context.anchor(("quarter",), first=True), m.group("qyear"))  # "the 1988 quarter"
        return None
    if text.lower().endswith("quarters") and direction in ("next", "coming", "following"):
        return _Result("DATE", "FUTURE_REF")  # "coming quarters": no one quarter
    if direction in ("this", "current"):
        return _Result("DATE", relative="q:0", anchor=True)
    if direction in ("last", "previous") and determiner != "the" or direction in ("last", "past") and \
            determiner == "the" and unit == "quarter" and not lowered.endswith("s"):
        return _Result("DATE", relative="q:-1", anchor=True)  # "during the last quarter": see _normalise_relative
    if direction in ("next", "coming") and determiner != "the":
        return _Result("DATE", relative="q:1", anchor=True)
    if direction in ("year-earlier", "year-ago"):
        found = context.anchor(("quarter",))
        if found:
            return _anaphor(found, "y", -1)
        return _Result("DATE", relative="q:-1>y:-1")
    if direction in ("latest", "most recent"):
        return _Result("DATE", relative="q:-1", anchor=True)
    if determiner in ("the", "its", "their") and direction in ("", "recent", "same"):
        after = context.text[m.end():m.end() + 12].lower()
        if re.match(r"\s+of\s+(?!\d)", after) or re.match(r"\s+(?:point|mile|century|hour)", after):
            return None
        ended = _QUARTER_ENDED.match(context.text, m.end())
        if ended and unit == "quarter":
            # "the quarter ended July 31": the three months up to that day, named by the calendar
            # quarter that holds most of them (the one of the day six weeks before).
            month, day = _month(ended.group(1)), _day(ended.group(2))
            if _valid_day(2000, month, day):
                return _Result("DATE", relative=f"md:{month}:{day}:-1>d:-45>qtr", anchor=True)
        found = context.anchor(("quarter",))
        if found:
            return _anaphor(found, "y", 0)
        return _Result("DATE", relative="q:-1")
    if determiner in ("a", "") and direction == "":
        return None
    if direction in ("past", "last", "next", "coming", "previous", "following"):
        return _Result("DURATION", "P1Q")
    return None


def _in_year(found: tuple[str, str | None] | None, year: str) -> _Result:
    """The reporting period `found` in another year ("the 1988 period", "the 1988 quarter")."""
    if found is None:
        return _Result("DATE", year)
    if found[1] is not None:
        return _Result("DATE", relative=f"{found[1].partition('@')[0]}>yr:{year}")
    return _Result("DATE", year + found[0][4:])


_QUARTER_ENDED = re.compile(rf"\s+(?:ended|ending)\s+({_MONTH})\s*({_DAY})(?!\d)")


def _anaphor(found: tuple[str, str | None], unit: str, amount: int, *, suffix: str = "",
             type_: str = "DATE", anchor: bool = False) -> _Result:
    """An expression resolved against an earlier one: relative only when that one is."""
    value, relative = found
    if relative is not None:
        base, _, _ = relative.partition("@")
        code = base + (f">{unit}:{amount}" if amount else "") + (f"@{suffix}" if suffix else "")
        return _Result(type_, relative=code, anchor=anchor)
    base_value = value[:10] if _granularity(value) == "day" else value
    shifted = _shift(base_value, unit, amount) if amount else base_value
    return _Result(type_, shifted + (f"T{suffix[1:]}" if suffix.startswith("T") else ""), anchor=anchor)


def _with_suffix(found: tuple[str, str | None], suffix: str) -> tuple[str, str | None]:
    value, relative = found
    if relative is not None:
        return value, relative.partition("@")[0] + f"@{suffix}"
    return value[:10] + suffix, None


def _normalise_time(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = m.group(0).lower()
    mod = _mod(m.group("tmod")) if m.group("tmod") else None
    if m.group("th") is not None:
        hour = int(m.group("th"))
        minute = int(m.group("tm") or 0)
        ampm = m.group("ampm").lower()
        if ampm.startswith("in"):  # "4 in the morning", "8 in the evening"
            previous = _lower_words_before(context.text, m.start())
            if hour > 12 or not previous or previous[0] not in ("at", "by", "until", "till", "from", "before",
                                                                 "after", "around", "about"):
                return None  # "won 3 in the afternoon session"
            ampm = "am" if ampm.endswith("morning") else "pm"
        if hour > 12 and ampm.startswith(("a", "p")):
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"T{hour:02d}:{minute:02d}" + _zone(m.group("tz"))
    elif m.group("th24") is not None:
        previous = _lower_words_before(context.text, m.start())
        if not previous or previous[0] not in ("at", "by", "until", "from", "to", "before", "after", "around"):
            return None
        clock = f"T{m.group('th24')}:{m.group('tm24')}" + _zone(m.group("tz24"))
    elif "afternoon" in text:
        clock = "TAF"
    elif "noon" in text or "midday" in text:
        clock = "T12:00"
    elif "midnight" in text:
        clock = "T24:00"
    elif "afternoon" in text:
        clock = "TAF"
    else:
        clock = "TMO"
    found = context.anchor(("day",), before=m.start(), within=150)
    if found and not _BOUNDARY.search(context.text[max(0, m.start() - 150):m.start()].split("\n")[-1][-60:]):
        value, relative = _with_suffix(found, clock)
        return _Result("TIME", None if relative else value, relative=relative, mod=mod)
    return _Result("TIME", relative=f"d:0@{clock}", mod=mod)


def _zone(zone: str | None) -> str:
    """"Z" after a clock time in universal time ("18:00 UTC" is T18:00Z in ISO 8601, as MEANTIME writes it)."""
    return "Z" if (zone or "").upper() in ("GMT", "UTC") else ""


def _normalise_set(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = m.group(0).lower()
    if m.group("adv"):
        word = m.group("adv").lower()
        previous = context.text[max(0, m.start() - 12):m.start()].split()
        if previous and (previous[-1][-1:].isdigit() or previous[-1].endswith("%") or previous[-1].lower() in (
                "units", "percent", "average")):
            return None  # "rise 8.5% annually", "average daily volume": a rate

        value = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                 "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "annually": "P1Y",
                 "yearly": "P1Y", "semiannually": "P6M"}[word]
        return _Result("SET", value)
    if m.group("aunit"):
        return None  # "$5 million a year": a rate, which TimeBank leaves out
    if m.group("times"):
        return _Result("SET", _duration(1, m.group("tu")))
    unit = m.group("setu").lower().rstrip(".")
    count = m.group("setn")
    amount: float | None = 1
    if count:
        amount = 2 if count.lower() == "other" else _number(count)
    if unit in WEEKDAYS:
        return _Result("SET", f"XXXX-WXX-{WEEKDAYS[unit]}")
    if unit.rstrip("s") in MONTHS or unit in MONTHS:
        return _Result("SET", f"XXXX-{MONTHS[unit]:02d}")
    if unit in SEASONS:
        return _Result("SET", f"XXXX-{SEASONS[unit]}")
    if unit in PARTS_OF_DAY:
        return _Result("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    if text.startswith("per ") and unit not in UNITS:
        return None
    return _Result("SET", _duration(amount, unit))


def _normalise_weekday(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    name = m.group("wd").lower().rstrip(".")
    weekday = WEEKDAYS[name]
    part = m.group("wpart")
    suffix = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
    if m.group("wplural"):
        return _Result("SET", f"XXXX-WXX-{weekday}" + suffix)
    if m.group("wana"):  # "the previous Friday": the Friday before the day last named
        after = "following" in m.group("wana")
        found = context.anchor(("day",))
        if found is None:
            return _Result("DATE", relative=f"wd:{weekday}:{2 if after else -2}", anchor=True)
        shift = f"{'nw' if after else 'pw'}:{weekday}"
        if found[1] is not None:
            return _Result("DATE", relative=f"{found[1].partition('@')[0]}>{shift}", anchor=True)
        return _Result("DATE", _resolve_weekday_shift(found[0][:10], shift), anchor=True)
    direction_word = (m.group("wdir") or "").lower()
    direction = {"last": -2, "past": -2, "next": 2, "coming": 2, "this": 0}.get(direction_word)
    if direction is None and context.text.startswith(("'s", "’s"), m.end()):
        direction = -1  # "Thursday's closing price"
    if direction is None and _UNTIL.search(context.text, max(0, m.start() - 30), m.start()):
        direction = 1  # "postponed until Tuesday", "has until Friday to": a deadline ahead
    if direction is None:
        direction = _direction(tense)
    code = f"wd:{weekday}:{direction}" + (f"@{suffix}" if suffix else "")
    return _Result("TIME" if suffix else "DATE", relative=code, anchor=True)


def _normalise_deictic(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = re.sub(r"\s+", " ", m.group(0).lower())
    if m.group("pod") is not None:
        if m.group("podp"):
            suffix = "T" + PARTS_OF_DAY[m.group("podp").lower()]
            which = m.group("podd").lower()
            mod = _mod(m.group("podmod")) if m.group("podmod") and m.group("podmod").lower() in (
                "early", "late") else None
            if which == "the":
                if re.match(r"\s+(?:of|before|after|when|that)\b", context.text[m.end():]):
                    return None
                found = context.anchor(("day",))
                if not found:
                    return _Result("TIME", relative=f"d:0@{suffix}", mod=mod)
                value, relative = _with_suffix(found, suffix)
                return _Result("TIME", None if relative else value, relative=relative, mod=mod)
            offset = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[which]
            return _Result("TIME", relative=f"d:{offset}@{suffix}", mod=mod)
        if text in ("tonight", "overnight"):
            return _Result("TIME", relative="d:0@TNI")
        return None
    if m.group("yend") is not None:
        if re.match(r"\s+(?!(?:and|or|but|to|when|as|in|at|of|for|with|from|than|is|was|will|the|a)\b)[a-z]",
                    context.text[m.end():m.end() + 12]):
            return None  # "year-end results": an adjective
        previous = _lower_words_before(context.text, m.start())
        offset = -1 if previous and previous[0] == "since" else 0
        return _Result("DATE", relative=f"y:{offset}", mod="END", anchor=True)  # TimeML: the year, mod END
    if m.group("word") is not None:
        if text in ("now", "currently") and context.text.startswith(",", m.end()) and (
                m.start() == 0 or _SENTENCE_START.search(context.text, max(0, m.start() - 6), m.start())):
            return None  # "Now, he says, ...": a discourse marker opening the sentence, which TimeBank leaves out
        if text in ("current", "recent") and re.match(r"\s+(?:account|affairs|events|flows?|of|and|is|was)\b",
                                                     context.text[m.end():]):
            return None
        day_mod = {"early": "START", "late": "END"}.get(text.split()[0]) if " " in text else None
        day_word = text.split()[-1]
        if day_word in ("today", "tomorrow", "yesterday") and (day_mod or text == day_word):
            offset = {"today": 0, "tomorrow": 1, "yesterday": -1}[day_word]
            return _Result("DATE", relative=f"d:{offset}", mod=day_mod, anchor=True)
        if text == "the day before yesterday":
            return _Result("DATE", relative="d:-2", anchor=True)
        if text == "the day after tomorrow":
            return _Result("DATE", relative="d:2", anchor=True)
        words = text.split()
        if text in ("the past",) or words[-1] in PAST_REF_WORDS:
            return _Result("DATE", "PAST_REF")
        if words[-1] in PRESENT_REF_WORDS or text in ("at present", "these days"):
            return _Result("DATE", "PRESENT_REF")
        if words[-1] in FUTURE_REF_WORDS or words[-1] == "term":  # "in the near term"
            return _Result("DATE", "FUTURE_REF")
        return None
    if m.group("rel") is not None:
        return _normalise_relative(m, context, tense)
    if m.group("season") is not None:
        name = SEASONS[m.group("sname").lower()]
        mod = _mod(m.group("smod"))
        if m.group("sy"):
            return _Result("DATE", f"{_year_of(m.group('sy'))[0]:04d}-{name}", mod=mod, anchor=True)
        previous = _lower_words_before(context.text, m.start())
        if not mod and not text.startswith("the") and (not previous or previous[0] not in _DATE_LEAD):
            return None
        if text == "fall" and previous and previous[0] == "to" and not re.search(
                r"(?i)\b(?:spring|summer|winter|autumn)\b", context.text[max(0, m.start() - 30):m.start()]):
            return None  # "began to fall apart", "expects net income to fall": the verb
        after = context.text[m.end():m.end() + 12]
        if re.match(r"\s+(?:of|[A-Z])", after) or re.match(r"[- ](?:time|season|term|semester|break)", after):
            return None
        return _Result("DATE", relative=f"se:{name}:{_direction(tense)}", mod=mod, anchor=True)
    return None


def _normalise_relative(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = re.sub(r"\s+", " ", m.group(0).lower())
    unit = m.group("runit").lower()
    direction = m.group("rdir").lower()
    has_the = bool(re.search(r"(?:^|\s)the\s", text)) and direction != "the"
    modword = (m.group("rmod") or "").lower()
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(modword) or _mod(modword)
    if unit in SEASONS:
        name = SEASONS[unit]
        step = {"last": -2, "previous": -2, "past": -2, "next": 2, "coming": 2, "following": 2, "this": 0,
                "current": 0}.get(direction)
        if direction in ("that", "same"):
            return None
        if step is None:
            step = _direction(tense)
        return _Result("DATE", relative=f"se:{name}:{step}", mod=mod, anchor=True)
    if unit == "night":
        if direction == "last" and not has_the:
            return _Result("TIME", relative="d:-1@TNI")
        return None
    code = {"day": "d", "week": "w", "weekend": "we", "month": "m", "year": "y", "quarter": "q", "decade": "de",
            "century": "ce"}[unit]
    if direction in ("that", "same") or (direction == "the" and unit in ("day", "week", "month", "year", "weekend")):
        granularity = {"day": ("day",), "week": ("week", "day"), "weekend": ("week", "day"),
                       "month": ("month", "day"), "year": ("year", "month", "day", "quarter", "season"),
                       "quarter": ("quarter",), "decade": None, "century": None}[unit]
        if direction == "the" and unit in ("day", "week"):
            return None
        if unit == "weekend":
            return _Result("DATE", relative=f"we:{_direction(tense)}", anchor=True) if direction == "the" else None
        if direction == "the" and re.match(r"\s+(?:ended|ending|through|to\s+date)\b", context.text[m.end():]):
            return _Result("DURATION", _duration(1, unit))
        if m.group("radj"):  # "the fiscal year", "the full year": the year being reported, not one named before
            return _Result("DATE", relative="y:0", mod=mod, anchor=True)
        found = context.anchor(granularity)
        if found is None:
            if direction == "the" and unit == "year":
                return _Result("DATE", relative="y:0", mod=mod)
            return None
        result = _coarsen(found, code)
        result.mod = mod
        return result
    if direction in ("next", "following", "previous") and (has_the or unit == "day"):
        if unit == "weekend":
            return None
        amount = 1 if direction in ("next", "following") else -1
        found = context.anchor(_ANCHOR_UNITS.get(code, ("day",)))
        if found is None:
            if code in ("d", "w", "m", "y", "q"):
                return _Result("DATE", relative=f"{code}:{amount}")
            return None
        coarse = _coarsen(found, code)
        value_or_code = coarse.relative or coarse.value or ""
        if coarse.relative:
            return _Result("DATE", relative=f"{coarse.relative}>{'q' if code == 'q' else code}:{amount}"
                           if code in ("d", "w", "m", "q", "y") else coarse.relative, anchor=True)
        return _Result("DATE", _shift(value_or_code, code, amount) if code in ("d", "w", "m", "q", "y") else
                       value_or_code, anchor=True)
    if direction in ("past", "last") and has_the and unit in ("week", "month", "quarter", "year") and not mod:
        # "over the past year", "profits during the last quarter": TimeBank and MEANTIME annotate the
        # previous calendar unit (a DATE), not a stretch of one unit's length
        return _Result("DATE", relative=f"{code}:-1", anchor=True)
    if direction in ("past", "last", "next", "coming", "previous") and has_the:
        return _Result("DURATION", _duration(1, unit))
    if direction == "the":
        return None
    offset = {"last": -1, "previous": -1, "past": -1, "latest": -1, "this": 0, "current": 0, "next": 1,
              "coming": 1, "following": 1}[direction]
    if unit == "day":
        return None
    if unit == "weekend":
        step = {-1: -2, 0: 0, 1: 2}[offset]
        if direction == "this":
            step = _direction(tense) or 0
        return _Result("DATE", relative=f"we:{step}", mod=mod, anchor=True)
    return _Result("DATE", relative=f"{code}:{offset}", mod=mod, anchor=True)


_ANCHOR_UNITS = {"d": ("day",), "w": ("week", "day"), "m": ("month", "day"), "q": ("quarter",),
                 "y": ("year", "month", "day", "quarter", "season")}


def _coarsen(found: tuple[str, str | None], code: str) -> _Result:
    """The anchor at the granularity of `code` ("the same week" as a date in that week)."""
    value, relative = found
    granularity = _granularity(value)
    cut = {"y": 4, "m": 7, "d": 10}.get(code)
    if relative is not None:
        base = relative.partition("@")[0]
        if code == "y" and granularity != "year":
            return _Result("DATE", relative=f"{base}>cut:4")
        if code == "m" and granularity == "day":
            return _Result("DATE", relative=f"{base}>cut:7")
        if code == "w" and granularity == "day":
            return _Result("DATE", relative=f"{base}>cut:w")
        return _Result("DATE", relative=base)
    if code == "w" and granularity == "day":
        return _Result("DATE", _week(date.fromisoformat(value[:10])))
    if cut and granularity != "other" and len(value) >= cut and code != "d" or (code == "d" and cut):
        return _Result("DATE", value[:cut] if _granularity(value[:cut]) != "other" else value)
    return _Result("DATE", value)


def _normalise_span(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    if m.group("bare") is not None:
        unit = m.group("bunit").lower()
        if m.group("bago"):
            return _Result("DATE", "PAST_REF")

        previous = _lower_words_before(context.text, m.start())
        if not m.group("bdir") and (not previous or previous[0] not in (
                "for", "in", "over", "within", "after", "took", "take", "takes", "lasted", "spent", "spend")):
            return None
        after = context.text[m.end():m.end() + 8]
        if re.match(r"\s+of\b", after) and not m.group("bdir"):
            return None
        return _Result("DURATION", _duration(None, unit))
    unit = (m.group("unit") or m.group("pod2") or "").lower()
    amount = _number(m.group("qty"))
    if amount is not None and m.group("uhalf"):
        amount += 0.5  # "a minute and a half"
    vague = amount is None
    if m.group("qty").lower() in ("some", "many", "numerous") and not m.group("plural"):
        return None
    if m.group("qty").lower() in ("a", "an") and m.group("plural"):
        return None
    mod = _mod(m.group("smod")) if m.group("smod") else None
    value = _duration(amount, unit)
    ago = " ".join((m.group("ago") or "").lower().split())
    if ago.startswith("or so "):  # "a week or so ago": as far back as "a week ago", roughly
        ago, mod = ago[len("or so "):], mod or "APPROX"
    base_unit = unit.rstrip("s")
    if m.group("old"):
        if m.group("det") and not m.group("sdir") and not m.group("smod"):
            start = m.start("qty")
        else:
            start = None
        following = re.match(r"\s+([a-z]+)", context.text[m.end():m.end() + 20])
        if following is None or following.group(1) in PEOPLE or not following.group(1).isalpha():
            return None  # the age of a person is no time expression
        if base_unit == "year":
            return None  # "a 52-year-old obstetrician", "the 50-year-old alliance": an age, unannotated
        return _Result("DURATION", value, mod=mod, start=start)
    if ago in ("before", "after"):
        return _Result("DURATION", value, mod=mod, end=m.start("ago"))
    if ago:
        sign = -1 if ago.endswith(("ago", "earlier")) else 1
        if vague:
            return _Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        code = _UNIT_CODE.get(base_unit)
        if code == "y" and amount != int(amount) and amount * 12 == int(amount * 12):
            code, amount = "m", amount * 12  # "a year and a half ago": 18 months back
        count = int(amount) if amount == int(amount) else None
        if code is None or count is None:
            if ago in ("ago",):
                return _Result("DATE", relative="d:0")
            return _Result("DURATION", value, mod=mod, end=m.start("ago"))  # "a minute and a half later"
        if base_unit == "fortnight":
            count *= 2
        if code == "y" and count == 1 and sign < 0:
            quarter = context.anchor(("quarter",))
            if quarter:
                return _anaphor(quarter, "y", -1)
        if ago in ("ago", "from now", "hence"):
            return _Result("DATE", relative=f"{code}:{sign * count}", mod=mod, anchor=True)
        shift_code = code if code in ("d", "w", "m", "q", "y") else None
        found = context.anchor(_ANCHOR_UNITS.get(shift_code or "y", None) if shift_code != "y" else None)
        if found and shift_code == "y" and _granularity(found[0]) in ("day", "month", "week"):
            found = (found[0][:4], None) if found[1] is None else (found[0], found[1].partition("@")[0] + ">cut:4")
        if shift_code is None:
            return None
        if found is None:
            return _Result("DATE", relative=f"{code}:{sign * count}", mod=mod, anchor=True)
        result = _anaphor(found, shift_code, sign * count)
        result.mod = mod
        return result
    if amount is not None and amount > 10000:
        return None

    det = (m.group("det") or "").lower()
    after = context.text[m.end():m.end() + 12]
    if base_unit == "quarter" and not vague and re.match(r"\s+of\b", after) and not m.group("sdir"):
        return None  # "three-quarters of its food": a fraction
    if base_unit == "second" and m.group("qty").lower() in ("a", "an") and not m.group("smod") and \
            re.match(r"\s+(?!later|earlier|or|and|of|to|in|before|after|ago)[a-z]", after):
        return None  # "a second group": the ordinal
    hyphenated = context.text[m.end("qty"):m.start("unit") if m.group("unit") else m.end("qty")] == "-"
    if det and hyphenated and not m.group("plural") and not m.group("sdir") and not m.group("smod"):
        return _Result("DURATION", value, start=m.start("qty"))  # "a two-year contract": the adjective alone
    if det == "" and m.group("qty").lower() in ("a", "an") and not m.group("plural") and not m.group("sdir"):
        previous = context.text[max(0, m.start() - 30):m.start()].lower().split()[-3:]
        if previous and (previous[-1] in _SET_LEADS or previous[-1][-1:].isdigit() or previous[-1].endswith("%") or (
                previous[-1] not in _DURATION_LEADS and any(p[:1].isdigit() or p in NUMBER_WORDS for p in previous))):
            if m.group("smod"):
                return _Result("DURATION", value, mod=mod)  # "a talk lasting nearly an hour"
            return None  # "four flights a week": a rate, not a time expression
    if det in ("its", "their", "his", "her") and not m.group("sdir"):
        return None
    return _Result("DURATION", value, mod=mod)


def _normalise_anaphor(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    text = re.sub(r"\s+", " ", m.group(0).lower())
    if "day before" in text or "day after" in text:
        found = context.anchor(("day",))
        amount = -1 if "before" in text else 1
        return _anaphor(found, "d", amount) if found else _Result("DATE", relative=f"d:{amount}")
    if m.group("period"):
        # "The period" of an earnings report is its reporting period, which the lead names first
        # ("third-quarter profit"); quarters named later are often other ones ("after a flat second
        # quarter", "through the third quarter of 1990").
        found = context.anchor(("quarter", "half", "month"), first=True)
        if m.group("pyear"):
            return _in_year(found, m.group("pyear"))
        direction = (m.group("pdir") or "").lower()
        if direction == "latest":
            return _Result("DATE", relative="q:-1", anchor=True)
        back = -1 if (m.group("pshift") or direction not in ("same", "comparable", "corresponding")) else 0
        if found is None:
            return _Result("DATE", relative=f"q:-1>y:{back}" if back else "q:-1")
        return _anaphor(found, "y", back)
    unit = {"year": "y", "month": "m", "week": "w"}[re.search(r"(year|month|week)", text).group(1)]  # type: ignore
    if unit == "y":
        found = context.anchor(("quarter",))
        return _anaphor(found, "y", -1) if found else _Result("DATE", relative="y:-1")
    return _Result("DATE", relative=f"{unit}:-1")


# Words after a holiday's name that make the name a modifier ("Christmas sales", "the Easter holidays").
_HOLIDAY_NOUNS = frozenset("""
sales sale season shopping period holiday holidays party parties break rush vacation tree trees card cards gift gifts
present presents dinner lunch service services message address speech truce ceasefire cease-fire spirit decorations
lights market markets bonus special episode parade offensive bombing bombings recess travel traveler travelers
""".split())
# Words before "New Year" that name another calendar's new year.
_OTHER_CALENDARS = frozenset("chinese lunar jewish persian iranian islamic hijri thai vietnamese tamil sikh".split())


def _normalise_holiday(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    """A holiday placed like a month and day: by "last" / "next", "since" / "until", or the tense."""
    name = " ".join(m.group("hname").lower().replace("'", "").split())
    key = _HOLIDAY_KEYS.get(name) or _HOLIDAY_KEYS[name.split()[0]]
    after = re.match(r"(?:\s+and\s+(?:[A-Z][\w.']*\s+){1,3}?)?\s*([a-z-]+)", context.text[m.end():m.end() + 40])
    if not m.group("hweek") and after and after.group(1) in _HOLIDAY_NOUNS:
        return None  # "the Christmas and New Year sales period": a modifier
    if re.match(r"\s+[A-Z]", context.text[m.end():m.end() + 2]):
        return None  # "Christmas Island", "the Good Friday Agreement": part of another name
    previous = _lower_words_before(context.text, m.start())
    if key == "newyear" and previous and previous[0] in _OTHER_CALENDARS:
        return None  # "the Lunar New Year" is no January 1
    direction_word = (m.group("hdir") or "").lower()
    direction = {"last": -2, "past": -2, "next": 2, "coming": 2, "this": 0}.get(direction_word)
    if direction is None:
        if previous and previous[0] == "since":
            direction = -1
        elif previous and previous[0] in ("until", "till") or re.search(
                r"(?i)\bfrom\s+now\s+(?:to|until|till)\s+$", context.text[max(0, m.start() - 20):m.start()]):
            direction = 1  # "from now to Election Day": a time ahead
        else:
            direction = _direction(tense)
    code = f"hd:{key}:{direction}" + (">cut:w" if m.group("hweek") else "")
    return _Result("DATE", relative=code, anchor=True)


def _normalise_ordinal(m: re.Match[str], context: _Context, tense: str | None) -> _Result | None:
    unit = m.group("ou").lower()
    return _Result("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit])


_NORMALISERS = {
    "date": _normalise_date, "numeric": _normalise_numeric, "years": _normalise_years,
    "quarter": _normalise_quarter, "time": _normalise_time, "set": _normalise_set,
    "weekday": _normalise_weekday, "deictic": _normalise_deictic, "span": _normalise_span,
    "anaphor": _normalise_anaphor, "ordinal": _normalise_ordinal, "holiday": _normalise_holiday,
}


# -- the tagger


def _joined(selected: list[_Candidate], text: str) -> list[list[_Candidate]]:
    """Group a day and a time of day next to each other ("10 p.m. Wednesday", "Friday, Oct. 27")."""
    groups: list[list[_Candidate]] = []
    for candidate in selected:
        if groups:
            previous = groups[-1][-1]
            gap = text[previous.end:candidate.start]
            kinds = {previous.family, candidate.family}
            day_like = {"weekday", "date", "numeric"}
            if any(c.family == "deictic" and c.match.group("word") for c in (previous, candidate)):
                day_like.add("deictic")  # "mid-afternoon yesterday", not "last week 3 p.m."
            if (len(groups[-1]) == 1 and _JOIN_GAP.fullmatch(gap) and "time" in kinds and kinds & day_like
                    and len(gap) <= 3) or (
                    len(groups[-1]) == 1 and previous.family == "weekday" and candidate.family in ("date", "numeric")
                    and _WEEKDAY_DATE_GAP.fullmatch(gap) and not previous.match.group("wplural")):
                groups[-1].append(candidate)
                continue
        groups.append([candidate])
    return groups


def _normalise(candidate: _Candidate, context: _Context, tense: str | None) -> _Result | None:
    try:
        return _NORMALISERS[candidate.family](candidate.match, context, tense)
    except (ValueError, KeyError, OverflowError, IndexError, AttributeError):
        return None


def _far_future(value: str, reference: date | None) -> bool:
    head = re.match(r"(\d{4})", value)
    return bool(head) and int(head.group(1)) > (reference.year if reference else 2000) + 100  # type: ignore


def tag_timexes(text: str, dct: str | None = None) -> tuple[tuple[Timex, ...], tuple[str, ...]]:
    """Temporal expressions in `text`, normalised against the document creation time `dct`
    ("YYYY-MM-DD", or None when unknown). Returns (timexes sorted by start, non-overlapping,
    each with text == text[start:end]) and warnings (one-line strings). Never raises on any str."""
    warnings: list[str] = []
    reference: date | None = None
    if dct:
        try:
            reference = date.fromisoformat(str(dct)[:10])
        except ValueError:
            warnings.append(f"document creation time {dct!r} is not YYYY-MM-DD: relative dates left open")
    if not isinstance(text, str) or not text:
        return (), tuple(warnings)
    context = _Context(text, reference)
    timexes: list[Timex] = []
    for group in _joined(_select(_candidates(text)), text):
        start, end = group[0].start, group[-1].end
        tense = _tense(text, start, end)
        results = [(c, _normalise(c, context, tense)) for c in group]
        kept = [(c, r) for c, r in results if r is not None]
        if not kept:
            continue
        if len(kept) == 2:
            result = _combine(kept[0], kept[1], context)
        else:
            (candidate, result) = kept[0]
            start, end = candidate.start, candidate.end
        if result.end is not None:
            end = result.end
        if result.start is not None:
            start = result.start
        value = context.value(result) if result.relative is None or context.reference is None else \
            _safe_resolve(result.relative, context.reference, warnings)
        if result.warning:
            warnings.append(result.warning)
        if _far_future(value, reference):
            warnings.append(f"date {text[start:end]!r} ({value}) is far in the future")
        # Anchors are chosen by granularity, never by the DCT, so that an anaphor of a relative
        # expression is the same with and without one (`resolve` then gives its value).
        shape = resolve(result.relative, "2000-01-01") if result.relative else value
        if result.anchor and _granularity(shape) != "other":
            context.anchors.append((end, shape, result.relative))
        timexes.append(Timex(start=start, end=end, text=text[start:end], type=result.type, value=value,
                             mod=result.mod, relative=result.relative, tense=tense))
    return tuple(timexes), tuple(warnings)


def _safe_resolve(relative: str, reference: date, warnings: list[str]) -> str:
    try:
        return resolve(relative, reference.isoformat())
    except (ValueError, OverflowError):  # pragma: no cover - every code built here resolves
        warnings.append(f"could not resolve {relative!r}")
        return _placeholder(relative)


def _combine(first: tuple[_Candidate, _Result], second: tuple[_Candidate, _Result], context: _Context) -> _Result:
    """One expression from a day and a time of day, or a weekday and a date."""
    (c1, r1), (c2, r2) = first, second
    if c1.family == "weekday" and c2.family in ("date", "numeric"):
        return r2
    day, clock = (r1, r2) if c2.family == "time" else (r2, r1)
    # Decided on the codes, never on the DCT, so the result is the same with and without one.
    if clock.relative is not None:
        suffix = clock.relative.partition("@")[2]
    else:
        suffix = (clock.value or "")[10:] if _granularity(clock.value or "") == "day" else ""
    if not suffix.startswith("T"):
        return day
    if day.relative is not None:
        if _granularity(resolve(day.relative, "2000-01-01")) != "day":
            return day
        base = day.relative.partition("@")[0]
        return _Result("TIME", relative=f"{base}@{suffix}", mod=clock.mod, anchor=False)
    day_value = day.value or ""
    if _granularity(day_value) != "day":
        return day
    return _Result("TIME", day_value[:10] + suffix, mod=clock.mod)
