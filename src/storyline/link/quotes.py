"""Quotes across articles: canonical speakers, groups of one utterance, variants."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Contradiction, Quote, QuoteGroup


def link_quotes(
    articles: Sequence[Article], quotes: Sequence[Quote]
) -> tuple[tuple[Quote, ...], tuple[QuoteGroup, ...], tuple[Contradiction, ...]]:
    """Quotes with canonical speakers and group ids, the groups, and paraphrase drift."""
    return tuple(quotes), (), ()
