"""What each article adds: the claims, statements and events no earlier article had.

Articles are taken in publication order (the order the pipeline gives them, with
any articles under `storyline diff` last); an item is new in the first article
that carries it. A statement carried by several outlets (a quote group) is new
only where it first appears, however its wording changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..model import Claim, Novelty, Quote, TimelineEvent


def novelty(
    order: Sequence[str],
    claims: Iterable[Claim] = (),
    quotes: Iterable[Quote] = (),
    timeline: Iterable[TimelineEvent] = (),
) -> tuple[Novelty, ...]:
    """One `Novelty` per article of `order` (article ids, earliest first)."""
    position = {article_id: n for n, article_id in enumerate(order)}
    last = len(position)

    def first(article_ids: Iterable[str]) -> str | None:
        known = [a for a in article_ids if a in position]
        return min(known, key=position.__getitem__) if known else None

    new_claims: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        if (where := first(claim.articles)) is not None:
            new_claims[where].append(claim.id)

    new_quotes: dict[str, list[str]] = defaultdict(list)
    grouped: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        if quote.group is None:
            if quote.article in position:
                new_quotes[quote.article].append(quote.id)
        else:
            grouped[quote.group].append(quote)
    for members in grouped.values():
        earliest = min(members, key=lambda q: (position.get(q.article, last), q.start))
        if earliest.article in position:
            new_quotes[earliest.article].append(earliest.id)

    new_events: dict[str, list[str]] = defaultdict(list)
    for event in timeline:
        if (where := first(m.mention.article for m in event.mentions)) is not None:
            new_events[where].append(event.id)

    return tuple(Novelty(article=a, claims=tuple(new_claims[a]), quotes=tuple(new_quotes[a]),
                         events=tuple(new_events[a])) for a in order)
