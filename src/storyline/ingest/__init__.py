"""Ingest: turn paths, folders and URLs into decoded `RawDocument`s.

Readers per input kind live beside this file (`files.py`, `records.py` for
JSON/JSONL, `warc.py`, `fetch.py` for URLs, `encoding.py`). Every input that
cannot be read becomes a `Warning` in the stream, never an exception that stops
the other inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("text", "html")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One decoded input document, before cleaning.

    `source` is the path or URL as given (a record inside a JSONL or WARC file gets
    `"path#N"`); `name` is the basename used for the article id when unique and
    `relpath` the path relative to the inputs' common root (the contract's rule).
    Given metadata (JSON fields, WARC headers, HTTP headers) rides along and wins
    over what cleaning infers.
    """

    source: str
    name: str
    relpath: str
    kind: str  # "text" | "html"
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = ()  # degradations worth a dossier warning (e.g. "mixed encoding")


from .core import read_inputs  # noqa: E402  (RawDocument must exist first)

__all__ = ["KINDS", "RawDocument", "read_inputs"]
