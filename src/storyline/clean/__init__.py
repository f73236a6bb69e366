"""Clean: a `RawDocument` becomes an `Article` (body, title, outlet, date, language).

`html.py` runs trafilatura with news-specific fixes; `text.py` is our own line-level
cleaner for plain-text scrapes; `meta.py` finds titles, outlets and printed dates;
`core.py` wires them and decides which metadata wins.
"""

from .core import clean_document, detect_language

__all__ = ["clean_document", "detect_language"]
