"""Small, pure helpers for page metadata shared by the text and HTML cleaners.

Owns: finding dates printed in text (`find_printed_dates`), naming the outlet
from page furniture (`outlet_from_text`, `masthead_outlet`), putting outlet names
into one display form (`normalise_outlet`), and the key lines are compared by
when looking for a repeated headline (`comparison_key`). Nothing here raises on
odd input; what cannot be read is simply not returned.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as _date

__all__ = [
    "PrintedDate", "comparison_key", "find_printed_dates", "masthead_outlet", "normalise_outlet", "outlet_from_text",
]


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A calendar date printed in text: `text[start:end]` spells it.

    `date` is ISO: `YYYY-MM-DD` for granularity "day", `YYYY-MM` for "month".
    `time` is `HH:MM` (24-hour) when a clock time directly follows the date; the
    span then covers the time as well.
    """

    start: int
    end: int
    date: str
    granularity: str  # "day" | "month"
    time: str | None = None


# Month names in the languages the text cleaner knows (English, Spanish, French,
# German, Russian genitive as used in dates). Abbreviations may carry a period.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero janvier januar jänner января",
        "february feb febrero février fevrier februar февраля",
        "march mar marzo mars märz maerz марта",
        "april apr abril avril апреля",
        "may mayo mai мая",
        "june jun junio juin juni июня",
        "july jul julio juillet juli июля",
        "august aug agosto août aout августа",
        "september sept sep septiembre setiembre septembre сентября",
        "october oct octubre octobre oktober октября",
        "november nov noviembre novembre ноября",
        "december dec diciembre décembre decembre dezember декабря",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "понедельник вторник среда четверг пятница суббота воскресенье"
).split()


_WEEKDAY_SET = frozenset(_WEEKDAYS)

# Month and weekday are matched as any word and checked against the tables in
# Python: a regex alternation of ~150 names is tried at every position and is
# many times slower than this.
_MONTH = r"(?P<month>[^\W\d_]{3,11})\.?"
_WEEKDAY = r"(?:(?P<weekday>[^\W\d_]{2,12})\.?,?\s+)?"
_YEAR = r"(?P<year>\d{4}|['’]\d{2})(?!\d)"
# a clock time right after the date: ", 10:04 a.m.", " at 10:04", " - 14:30 GMT", "10h04"
_TIME = (
    r"(?P<clock>\s*(?:,|\bat\b|-|–|—|\||\ba las\b|à|\bum\b|в)?\s*"
    r"(?P<hour>[01]?\d|2[0-3])(?::|h)(?P<minute>[0-5]\d)(?!\d)"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?)?"
)
_FLAGS = re.IGNORECASE | re.UNICODE

_MONTH_FIRST = re.compile(
    rf"(?<!\w){_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,\s*|\s+){_YEAR}{_TIME}", _FLAGS
)
_DAY_FIRST = re.compile(
    rf"(?<!\w){_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:of\s+|de\s+)?{_MONTH},?\s+"
    rf"(?:de\s+|del\s+)?{_YEAR}(?:\s*г\.?)?{_TIME}",
    _FLAGS,
)
_ISO = re.compile(
    r"(?<![\w/.-])(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d/-])"
    r"(?P<clock>[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::\d\d)?)?"
)
_NUMERIC = re.compile(
    r"(?<![\w/.-])(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\w/]|\.\d)"
    + _TIME,
)
_MONTH_YEAR = re.compile(rf"(?<!\w)(?<!\d\s){_MONTH},?\s+{_YEAR}", _FLAGS)
# every pattern above needs a year: a cheap test that spares the five scans on most text with digits;
# "\d{4}|['’]\d\d|\d[/.]\d{1,2}[/.]\d\d", opening with one character class the regex engine scans for quickly
_YEAR_LIKE = re.compile(r"[\d'’](?:(?<=\d)(?:\d{3}|[/.]\d{1,2}[/.]\d\d)|(?<=['’])\d\d)")

# Two-digit years: 00-69 are 2000s, 70-99 are 1900s (the POSIX strptime pivot).
_PIVOT = 70
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _year(text: str) -> int | None:
    digits = text.lstrip("'’")
    if not digits.isdigit():
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < _PIVOT else 1900
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


def _iso_day(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or month is None or day is None:
        return None
    try:
        return _date(year, month, day).isoformat()
    except ValueError:  # 30 February, month 13 ...: not a date
        return None


def _clock(match: re.Match[str], groups: dict[str, str | None]) -> tuple[str | None, int]:
    """`HH:MM` and the end of the span (`groups` is the match's `groupdict()`); an unreadable time is left
    out of the span."""
    if groups.get("clock") is None:
        return None, match.end()
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = groups.get("ampm")
    if ampm:
        if not 1 <= hour <= 12:  # "14:30 p.m." is not a time
            return None, match.start("clock")
        if ampm[0].lower() == "p" and hour != 12:
            hour += 12
        elif ampm[0].lower() == "a" and hour == 12:
            hour = 0
    return f"{hour:02d}:{minute:02d}", match.end()


def find_printed_dates(text: str) -> list[PrintedDate]:
    """Every calendar date printed in `text`, in order of position.

    Recognises "Sunday, September 25, 2022", "Sept. 25, 2022", "25 September
    2022", "25 de septiembre de 2022", "2022-09-25", "September 2022" (month
    granularity) and numeric "09/25/2022" or "25.09.2022" only when the day
    cannot be mistaken for the month (one part above 12, or both equal).
    Two-digit years follow a fixed pivot (00-69 -> 2000s). Impossible dates
    (30 February) and years outside 1900-2100 are skipped, never raised.
    """
    if not isinstance(text, str) or not _YEAR_LIKE.search(text):
        return []
    found: list[PrintedDate] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    def add(match: re.Match[str], iso: str | None, granularity: str) -> None:
        if iso is None:
            return
        groups = match.groupdict()
        time, end = _clock(match, groups) if granularity == "day" else (None, match.end())
        start = match.start()
        weekday = groups.get("weekday")
        if weekday is not None and weekday.lower() not in _WEEKDAY_SET:
            # the word before the date was not a weekday ("said September 25, 2022")
            start = match.start("month") if match.start("month") < match.start("day") else match.start("day")
        if overlaps(start, end):
            return
        taken.append((start, end))
        found.append(PrintedDate(start, end, iso, granularity, time))

    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for m in pattern.finditer(text):
            month = _MONTHS.get(m.group("month").lower())
            if month is not None:
                add(m, _iso_day(_year(m.group("year")), month, int(m.group("day"))), "day")
    if "-" in text or "/" in text:  # the separators of an ISO date
        for m in _ISO.finditer(text):
            add(m, _iso_day(_year(m.group("year")), int(m.group("month")), int(m.group("day"))), "day")
    if "/" in text or "." in text:  # those of a numeric one
        for m in _NUMERIC.finditer(text):
            first, second = int(m.group("first")), int(m.group("second"))
            if first == second:
                month, day = first, second
            elif first > 12 >= second:
                day, month = first, second
            elif second > 12 >= first:
                month, day = first, second
            else:  # 05/06/2022: May 6 or 5 June; refuse to guess
                continue
            add(m, _iso_day(_year(m.group("year")), month, day), "day")
    for m in _MONTH_YEAR.finditer(text):
        year = _year(m.group("year"))
        month = _MONTHS.get(m.group("month").lower())
        if year is None or month is None:
            continue
        # "May" and "Mar" are also ordinary words; as month-only dates accept them capitalised
        if m.group("month")[0].islower():
            continue
        add(m, f"{year:04d}-{month:02d}", "month")
    found.sort(key=lambda d: d.start)
    return found


# ---------------------------------------------------------------------------
# outlets

# Phrases in page furniture that name the publishing outlet; the name follows. A
# sign-up or follow cue often names a newsletter or a channel ("Sign up for the
# Harbour Letter"), so its names are `weak`: they count only when no other cue names anything.
_OUTLET_CUES = re.compile(
    r"(?:(?P<weak>\bsubscrib(?:e|ing) to|\bsign up for|\bfollow|\bsuscríbete a|\babonnez-vous à|\bподпишитесь на)"
    r"|\bdonat(?:e|ing|ions?) to|\bsupport(?:ing)?|\bcomments? (?:on|to)|\bcopyright(?:\s*©)?|©|\(c\)|\bdonar a"
    r"|\bsoutenez|\bunterstützen sie|\bподдержите)\s+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<rest>[^\n]{1,90})",
    re.IGNORECASE,
)
# the cues' first words, found in the lower-cased line by one regex
_CUE_STEMS = re.compile(
    r"subscri|sign up|follow|suscr|abonn|подпи|donat|support|comment|copyright|©|\(c\)|donar|soutenez|unterstützen"
    r"|поддерж"
)
_CONNECTORS = frozenset("of the for and & de del la le des der die das y et und".split())
# words that follow the cues above without naming an outlet ("Subscribe to Comments")
_GENERIC = frozenset(
    """comments comment our the this newsletter newsletters updates notifications email emails e-mail rss us me
    them it all free premium access alerts breaking news today now here more replies thread feed posts post
    daily weekly digest channel page account plan journalism reporting work independent local quality
    facebook twitter instagram telegram youtube linkedin whatsapp tiktok x on nuestro nuestra notre unser
    unseren наш нашу""".split()
)
_YEARS = re.compile(r"^\d{4}(?:[-–]\d{2,4})?$")
_LEAD_INS = frozenset({"copyright", "©", "(c)", "c"})
_NAME_ENDS = frozenset({"all", "todos", "tous", "alle", "все", "inc", "ltd", "llc"})
_NAME_TOKEN = re.compile(r"[^\s,;:!?|()\[\]\"“”]+")


def _name_after_cue(rest: str) -> str | None:
    """The capitalised run of words at the start of `rest`, e.g. "The Dallas Express"."""
    words: list[str] = []
    for token in _NAME_TOKEN.findall(rest[:90]):
        bare = token.strip(".'’-")
        if not words and (_YEARS.match(bare) or bare.lower() in _LEAD_INS or bare == "the"):
            continue  # "© Copyright 2011-2019 Example Media", "Donate to the Gazette"
        if not bare or bare.lower() in _NAME_ENDS:
            break
        if bare[0].isupper() or (bare[0].isdigit() and words) or (bare.lower() in _CONNECTORS and words):
            words.append(bare)
        else:
            break
        # "The Dallas Express. All rights reserved." ends the name at the full stop
        if len(words) >= 6 or (token.endswith(".") and len(bare) > 3):
            break
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words or all(w.lower() in _GENERIC or w.lower() in _CONNECTORS for w in words):
        return None
    return normalise_outlet(" ".join(words)) or None


def outlet_from_text(
    lines: Iterable[str], *, title: str | None = None, masthead: str | None = None
) -> str | None:
    """The outlet named by page furniture such as "Donate to X", "comments on X", "© 2022 X".

    Give it the lines that are not article body (navigation, footers, widgets):
    "according to The New York Times" in the body names a source, not the
    publisher. What wins, in order: with `title`, a line "X - <title>" or
    "<title> | X"; the page's top line `masthead` when it is shaped like a name
    and another line names it too (a copyright line often names the publishing
    company instead: "© Coast Media"); else the name cues give most often
    (earliest on a tie), names from sign-up and follow cues only when no other cue
    names anything, since those are often a newsletter's or a channel's.
    """
    votes: Counter[str] = Counter()
    strong: set[str] = set()
    order: dict[str, int] = {}
    texts = [line for line in lines if isinstance(line, str) and line.strip() and len(line) <= 2000]
    title_words = comparison_key(title).split() if isinstance(title, str) else []
    for line in texts:
        lower = line.lower()
        if title_words and title_words[0] in lower:
            named = masthead_outlet(line, title)
            if named:
                return named
        stem = _CUE_STEMS.search(lower)
        if not stem:
            continue
        # every cue opens with a stem, so the search may start at the first (on an ASCII line,
        # where lower-casing keeps the offsets)
        for match in _OUTLET_CUES.finditer(line, stem.start() if line.isascii() else 0):
            name = _name_after_cue(match.group("rest"))
            if name:
                votes[name] += 1
                order.setdefault(name, len(order))
                if match.group("weak") is None:
                    strong.add(name)
    top = _masthead_name(masthead, texts, votes) if isinstance(masthead, str) else None
    if top:
        return top
    if not votes:
        return None
    return max(votes, key=lambda name: (name in strong, votes[name], -order[name]))


_MASTHEAD_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")


def _masthead_name(line: str, others: list[str], named: Counter[str]) -> str | None:
    """`line` as an outlet name ("BRENMOUTH GAZETTE") if it is shaped like one and another line names it.

    Two to six capitalised words (or "of", "the"...); the display form is taken
    from a line that does not shout in capitals when there is one.
    """
    text = " ".join(line.split())
    words = text.split()
    if not 2 <= len(words) <= 6 or len(_MASTHEAD_WORD.findall(text)) != len(words):
        return None
    if not all(w[0].isupper() or w.lower() in _CONNECTORS for w in words):
        return None
    padded = f" {comparison_key(text)} "
    first_word = words[0].lower()
    display = None
    seen_elsewhere = False
    rest = list(others)
    if line in rest:
        rest.remove(line)  # the masthead line itself
    for other in [*named, *rest]:
        if first_word not in other.lower() or padded not in f" {comparison_key(other)} ":
            continue
        seen_elsewhere = True
        at = other.lower().find(text.lower())
        if at >= 0 and not other[at: at + len(text)].isupper():
            display = other[at: at + len(text)]
            break
    if not seen_elsewhere:
        return None
    return normalise_outlet(display or text) or None


_MASTHEAD_SPLIT = re.compile(r"\s+[-–—|·•]\s+")


def masthead_outlet(line: str, title: str) -> str | None:
    """X from a masthead line "X - <title>" or "<title> | X", else None.

    The other side must be the title (compared by `comparison_key`) and X at most
    six words, so a headline that merely contains " - " is not taken for one.
    """
    stripped = line.strip()
    if len(stripped) > 400 or not _MASTHEAD_SPLIT.search(stripped):
        return None
    title_key = comparison_key(title)
    if not title_key:
        return None
    for sep in _MASTHEAD_SPLIT.finditer(stripped):
        left, right = stripped[: sep.start()], stripped[sep.end():]
        if comparison_key(right) == title_key and 1 <= len(left.split()) <= 6:
            return normalise_outlet(left) or None
        if comparison_key(left) == title_key and 1 <= len(right.split()) <= 6:
            return normalise_outlet(right) or None
    return None


_KEY_STRIP = re.compile(r"[\W_]+", re.UNICODE)
_ASCII_KEY_WORD = re.compile(r"[a-z0-9]+")  # what `_KEY_STRIP` leaves of lower-case ASCII, found faster


def comparison_key(text: str) -> str:
    """Case-folded words only, so punctuation and spacing do not matter when comparing lines."""
    if text.isascii():
        return " ".join(_ASCII_KEY_WORD.findall(text.lower()))
    return _KEY_STRIP.sub(" ", text.casefold()).strip()


_DOMAIN = re.compile(r"^(?:https?://)?(?:www\d?\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)/?$", re.IGNORECASE)
_EDGE = " \t\"'“”‘’«».,:;|-–—•·/\\()[]{}"


def normalise_outlet(name: str) -> str:
    """One display form for an outlet name: "The Dallas Express " -> "Dallas Express".

    Collapses whitespace, trims edge punctuation and a possessive "'s", drops a
    leading "The" when more words follow, and turns a URL or host into the bare
    host ("https://www.example.com/" -> "example.com"). Compare results with
    `casefold()`; the casing of the input is kept for display. Empty in, empty out.
    """
    if not isinstance(name, str):
        return ""
    text = " ".join(name.split()).strip(_EDGE)
    domain = _DOMAIN.match(text)
    if domain and " " not in text:
        return domain.group("host").lower()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    words = text.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words).strip(_EDGE)
