"""Single-document files: `.txt`, `.html`, `.htm`, their `.gz` forms, and sniffed files.

Sizes are checked before anything is read: a file over `max_file_bytes` is
skipped on its `stat`, and gzip is decompressed in bounded reads that stop at
`max_decompressed_bytes`, so neither a huge file nor a gzip bomb is ever held
in memory whole.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

from ..model import Warning
from ..settings import MB, Settings
from . import RawDocument
from .encoding import decode, drop_nul, looks_binary, sniff_kind

__all__ = [
    "DocumentTooLarge", "describe_size", "document_from_bytes", "is_regular_file", "one_line", "read_bytes",
    "read_document_file",
]


class DocumentTooLarge(Exception):
    """Raised inside this package when a bounded read hits its limit; becomes a Warning."""


def describe_size(limit: int) -> str:
    """`limit` bytes for a person: "10 MB", "1.5 MB", "512 bytes"."""
    if limit >= MB:
        return f"{limit / MB:g} MB"
    if limit >= 1024:
        return f"{limit / 1024:g} KB"
    return f"{limit} bytes"


def one_line(exc: BaseException) -> str:
    """An exception as one short line for a warning."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200] + "..." if len(text) > 200 else text


def read_bytes(path: Path, *, gzipped: bool, settings: Settings) -> bytes:
    """The content of `path` (decompressed if `gzipped`), within the size limits.

    Raises `DocumentTooLarge` with the reason for a warning, `EOFError` for a
    truncated gzip stream, `gzip.BadGzipFile`/`zlib.error` for a corrupt one and
    `OSError` when the file cannot be read.
    """
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise DocumentTooLarge(
            f"file is {describe_size(size)}, over the {describe_size(settings.max_file_bytes)} limit "
            "for one document (max_file_bytes); skipped"
        )
    if not gzipped:
        with path.open("rb") as handle:
            return handle.read(settings.max_file_bytes + 1)
    limit = min(settings.max_decompressed_bytes, settings.max_file_bytes)
    with gzip.open(path, "rb") as handle:
        # GzipFile.read(n) decompresses in bounded steps, so a bomb costs at most `limit` bytes.
        data = handle.read(limit + 1)
    if len(data) > limit:
        if limit == settings.max_decompressed_bytes:
            raise DocumentTooLarge(
                f"decompressed size exceeds {describe_size(limit)} (possible gzip bomb; max_decompressed_bytes)"
            )
        raise DocumentTooLarge(
            f"decompressed document exceeds the {describe_size(limit)} limit for one document (max_file_bytes)"
        )
    return data


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    name: str,
    relpath: str,
    kind: str | None,
    declared_charset: str | None = None,
    url: str | None = None,
    empty_reason: str = "empty file",
) -> RawDocument | Warning:
    """Decode `data` into a `RawDocument`, or a Warning if it is empty or binary.

    `kind` None means sniff it; a "text" document whose content starts like an
    HTML document (`<!doctype html`, `<html`) is read as HTML, since a page saved
    with the wrong extension is still a page.
    """
    if not data.strip():
        return Warning(source, empty_reason)
    if looks_binary(data):
        return Warning(source, "binary file, not an article")
    decoded = decode(data, declared=declared_charset)
    text, nul_notes = drop_nul(decoded.text)
    if not text.strip():
        return Warning(source, empty_reason)
    if kind != "html":
        kind = sniff_kind(text)
    return RawDocument(
        source=source,
        name=name,
        relpath=relpath,
        kind=kind,
        text=text,
        url=url,
        encoding=decoded.encoding,
        notes=(*decoded.notes, *nul_notes),
    )


def read_document_file(
    path: Path,
    *,
    source: str,
    name: str,
    relpath: str,
    kind: str | None,
    gzipped: bool,
    settings: Settings,
) -> RawDocument | Warning:
    """Read one single-document file; every failure becomes a Warning naming `source`."""
    try:
        data = read_bytes(path, gzipped=gzipped, settings=settings)
    except DocumentTooLarge as exc:
        return Warning(source, str(exc))
    except EOFError:
        return Warning(source, "truncated gzip file: the compressed stream ends early; skipped")
    except (gzip.BadGzipFile, zlib.error) as exc:
        return Warning(source, f"corrupt gzip file ({exc}); skipped")
    except OSError as exc:
        return Warning(source, f"cannot read file: {exc.strerror or exc}")
    return document_from_bytes(data, source=source, name=name, relpath=relpath, kind=kind)


def is_regular_file(path: Path) -> bool:
    """True for a regular file (following symlinks); FIFOs and devices would block or never end."""
    return os.path.isfile(path)
