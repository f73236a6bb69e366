"""Canonical entities across articles.

For now mentions are grouped by exact name and type; cross-document coreference
("Sullivan" = "Jake Sullivan", spelling variants) replaces this grouping later.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from ..model import Entity, EntityMention


def group_entities(mentions: Iterable[EntityMention]) -> tuple[Entity, ...]:
    """One `Entity` per (type, exact name), most-mentioned first."""
    groups: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    for item in mentions:
        groups[(item.label, " ".join(item.mention.text.split()))].append(item)
    entities = [
        Entity(
            id=entity_id(kind, name),
            name=name,
            type=kind,
            aliases=tuple(sorted({m.mention.text for m in items})),
            mentions=tuple(m.mention for m in items),
        )
        for (kind, name), items in groups.items()
    ]
    entities.sort(key=lambda e: (-len(e.mentions), e.type, e.name))
    return tuple(entities)


def entity_id(kind: str, name: str) -> str:
    """A stable id: the same entity gets the same id in every run."""
    return "ent-" + hashlib.sha1(f"{kind}\0{name}".encode()).hexdigest()[:10]
