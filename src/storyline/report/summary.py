"""What both human-readable reports say about the story as a whole: outlets, dates, labels."""

from __future__ import annotations

from storyline.model import Article, Dossier, Published

EMPTY_STATES = {
    "articles": "No articles were read.",
    "entities": "No entities found yet.",
    "quotes": "No quotations attributed yet.",
    "timeline": "No dated events yet.",
    "claims": "No claims grouped yet.",
    "contradictions": "No contradictions found.",
    "duplicates": "No shared or duplicated text found.",
    "warnings": "No warnings: every input was read in full.",
}


def story_outlets(dossier: Dossier) -> list[str]:
    """The distinct known outlets, in order of first appearance."""
    seen: dict[str, None] = {}
    for article in dossier.articles:
        if article.outlet:
            seen.setdefault(article.outlet, None)
    return list(seen)


def story_dates(dossier: Dossier) -> tuple[str, str] | None:
    """The earliest and latest publication date over all articles, if any is known."""
    dates: list[str] = []
    for article in dossier.articles:
        published = article.published
        # A bounded guess (earliest/latest) still says when the story ran.
        dates.extend(d for d in (published.date, published.earliest, published.latest) if d)
    if not dates:
        return None
    # ISO 8601 dates of any precision sort correctly as strings.
    return min(dates), max(dates)


def published_label(published: Published) -> str:
    """A short human label for a publication date and how it was found."""
    if published.date:
        when = published.date
    elif published.earliest or published.latest:
        when = f"{published.earliest or '?'} to {published.latest or '?'}"
    else:
        return "date unknown"
    return f"{when} ({published.method})"


def article_outlet_label(article: Article | None, article_id: str) -> str:
    """The outlet of an article, falling back to its id when the outlet is unknown."""
    if article is not None and article.outlet:
        return article.outlet
    return article_id
