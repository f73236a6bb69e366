"""Quotations and reported speech in one article, with their speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article, Quote, Warning

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(article: Article, doc: Doc) -> tuple[tuple[Quote, ...], tuple[Warning, ...]]:
    """Every quotation in `article` (parsed as `doc`), and warnings about odd quoting."""
    return (), ()
