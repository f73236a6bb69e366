"""Named-entity mentions of one article, from spaCy's NER, with offsets into the body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Article, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy (OntoNotes) labels kept, mapped to the contract's types. Dates and numbers
# are left to the time and claim stages, which normalise them.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "PRODUCT": "EQUIPMENT",
    "EVENT": "EVENT",
    "LAW": "LAW",
    "WORK_OF_ART": "WORK_OF_ART",
}

_LEADING = ("the ", "The ")
_TRAILING = ("'s", "’s", "'", "’")
# A span the recogniser ended on a function word: the name ends before it.
_DANGLING = re.compile(r"\s+(?:of|for|at|in|on|per|and|the|to|from|by|with)$")


def extract_entities(article: Article, doc: Doc) -> tuple[EntityMention, ...]:
    """Entity mentions of `article` found in `doc` (the parse of `article.body`)."""
    found = []
    for ent in doc.ents:
        kind = ENTITY_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = _trim(article.body, ent.start_char, ent.end_char)
        if end > start:
            found.append(EntityMention(article.mention(start, end), kind))
    return tuple(found)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive, which are not part of the name."""
    text = body[start:end]
    for prefix in _LEADING:
        if text.startswith(prefix) and len(text) > len(prefix):
            start += len(prefix)
            text = text[len(prefix):]
            break
    for suffix in _TRAILING:
        if text.endswith(suffix) and len(text) > len(suffix):
            end -= len(suffix)
            break
    while end > start and not body[end - 1].isalnum() and body[end - 1] not in ").":
        end -= 1
    dangling = _DANGLING.search(body, start, end)  # "Justin Bronk of" (of the Royal ... Institute)
    if dangling is not None and dangling.start() > start:
        end = dangling.start()
    return start, end
