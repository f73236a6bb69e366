"""Wire the cleaners: `RawDocument` -> `Article`, deciding which metadata wins.

Given metadata (JSON fields, WARC/HTTP headers) beats what the page says, which
beats what the text suggests. A publication date is never guessed: without
evidence it stays `None` with `method="unknown"` (the time stage infers it later).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import py3langid

from ..ingest import RawDocument
from ..model import Article, CleanedPage, Mention, Published, Warning
from ..settings import Settings
from .html import clean_html
from .meta import find_printed_dates
from .text import clean_text

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# py3langid needs little text to be sure; the head of the body is enough and cheap.
_LANGUAGE_SAMPLE = 500


def clean_page(raw: RawDocument) -> CleanedPage:
    """Run the cleaner that fits the document's kind."""
    if raw.kind == "html":
        return clean_html(raw.text, url=raw.url)
    return clean_text(raw.text)


def clean_document(
    raw: RawDocument, *, article_id: str, content_hash: str, settings: Settings
) -> tuple[Article | None, tuple[Warning, ...]]:
    """Clean one document; `None` (with a warning saying why) when no article text is left."""
    warnings = [Warning(raw.source, note, stage="ingest", article=article_id) for note in raw.notes]
    page = clean_page(raw)
    body = page.body
    if not body.strip():
        # A cleaner that failed says why in an empty removed block; name that reason.
        why = next((block.reason for block in page.removed if not block.text), None)
        reason = f"no article text found after cleaning ({why})" if why else "no article text found after cleaning"
        warnings.append(Warning(raw.source, reason, stage="clean"))
        return None, tuple(warnings)
    if len(body) > settings.max_article_chars:
        warnings.append(Warning(
            raw.source,
            f"article body of {len(body):,} characters cut to the first {settings.max_article_chars:,}",
            stage="clean", article=article_id,
        ))
        body = body[:settings.max_article_chars]
    published, date_warning = _published(raw, page, article_id=article_id, body=body)
    if date_warning:
        warnings.append(Warning(raw.source, date_warning, stage="clean", article=article_id))
    article = Article(
        id=article_id,
        source=raw.source,
        body=body,
        outlet=raw.outlet or page.outlet or _outlet_from_url(raw.url),
        title=raw.title or page.title,
        published=published,
        language=detect_language(body),
        content_hash=content_hash,
        author=page.author,
        url=raw.url,
        removed=page.removed,
    )
    return article, tuple(warnings)


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text` (py3langid), "und" when there is nothing to judge."""
    sample = text[:_LANGUAGE_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    code, _score = py3langid.classify(sample)
    return str(code)


def _published(raw: RawDocument, page: CleanedPage, *, article_id: str, body: str) -> tuple[Published, str | None]:
    """The publication date and how it is known, plus a warning when given metadata is unreadable."""
    warning = None
    if raw.published:
        given = parse_date(raw.published)
        if given:
            return Published(date=given, earliest=given, latest=given, method="metadata",
                             crawl_date=page.crawl_date), None
        warning = f"unreadable publication date {raw.published!r} in the input's metadata; ignored"
    if page.date and page.date_method in ("metadata", "text"):
        evidence = tuple(
            Mention(article_id, start, end, body[start:end]) for start, end in page.date_evidence if end <= len(body)
        )
        return Published(date=page.date, earliest=page.date, latest=page.date, method=page.date_method,
                         evidence=evidence, crawl_date=page.crawl_date), warning
    return Published(method="unknown", crawl_date=page.crawl_date), warning


def parse_date(value: str) -> str | None:
    """`YYYY-MM-DD` from an ISO timestamp or a printed date; `None` if it is not a real day."""
    match = _ISO_DATE.search(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    printed = [d for d in find_printed_dates(value) if d.granularity == "day"]
    return printed[0].date if printed else None


def _outlet_from_url(url: str | None) -> str | None:
    """The site's host name, as a last resort for the outlet."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
