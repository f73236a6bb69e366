"""Sentences and content words of article text, shared by the cross-article stages.

Cheap and spaCy-free, so they run on stored bodies: `sentences` splits on
sentence-final punctuation before a capital (or a digit or an opening mark) and
on line breaks; `words` reduces a text to its content words, lowercased,
stop words and month names out, crudely stemmed ("trained" -> "train") and with
a few near-synonyms of the news about supplies made one ("UAVs" -> "drone",
"delivered" -> "supply").
"""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = ("january february march april may june july august september october november december").split()

WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")

STOPWORDS = frozenset("""
a an the and or but of to in on at for with by from as that this these those it its it's is are was were be been
being has have had do does did will would can could may might must shall should not no any some all each both
their there they them he she his her him we our us you your i me my who whom which what when where why how
than then so such also only just very more most about into over after before up down out off again further
once here said says say told tell according while during since until within without per via
""".split())
SYNONYMS = {
    "uav": "drone", "uavs": "drone", "drone": "drone", "unmanned": "drone",
    "deliver": "supply", "delivery": "supply", "provid": "supply", "provide": "supply", "suppli": "supply",
    "supply": "supply", "send": "supply", "sent": "supply", "sending": "supply", "give": "supply",
    "gave": "supply", "given": "supply", "transfer": "supply", "handed": "supply", "ship": "supply",
    "train": "train", "training": "train", "trained": "train",
    "finding": "finding", "result": "finding",
}


@lru_cache(maxsize=1 << 16)
def words(text: str) -> frozenset[str]:
    """The content words of `text`, stemmed (see the module docstring). Cached: reprinted
    sentences are common in a story."""
    found = set()
    for word in WORD.findall(text):
        lower = word.lower().replace("’", "'")
        if lower in STOPWORDS or lower in MONTHS or len(lower) < 3:
            continue
        found.add(stem(lower))
    return frozenset(found)


def stem(word: str) -> str:
    """A lowercase word without its possessive and a plain suffix, or its synonym group."""
    word = word.removesuffix("'s")
    if word in SYNONYMS:
        return SYNONYMS[word]
    for suffix in ("ing", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return SYNONYMS.get(word, word)


def sentences(body: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence of `body[start:end]`, without surrounding space."""
    end = len(body) if end is None else end
    found = []
    position = start
    for match in SENTENCE_END.finditer(body, start, end):
        if match.start() > position:
            found.append(_strip(body, position, match.start()))
        position = match.end()
    if position < end:
        found.append(_strip(body, position, end))
    return [(s, e) for s, e in found if e > s]


@lru_cache(maxsize=4096)
def sentence_spans(body: str) -> tuple[tuple[int, int], ...]:
    """`sentences` of a whole body, cached: the temporal stages both split every article."""
    return tuple(sentences(body))


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
