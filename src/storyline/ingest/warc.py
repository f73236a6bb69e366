"""WARC files (`.warc`, `.warc.gz`): each HTML or plain-text response is a document.

Records are streamed with warcio, so a WARC of any size is read one record at
a time; each record is bound by `max_file_bytes` and, after HTTP
content-encoding is undone, by `max_decompressed_bytes`. Records are numbered
from 1 over all records in the file (warcinfo and request records included), so
`path#N` names the N-th record whatever its type.

Only `response` (and `resource`) records with an HTML or plain-text content type
become documents; requests, metadata, revisits and assets (images, scripts)
are not articles and are passed over without a warning, unless the whole file
yields nothing. A 4xx/5xx response gets a warning: it was meant to be a page.
`WARC-Date` is when the page was crawled, not published, so it is not used as
the publication date.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Warning
from ..settings import Settings
from . import RawDocument
from .encoding import parse_content_type
from .files import describe_size, document_from_bytes, one_line

__all__ = ["read_warc_file"]

_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_SUFFIX = {"html": ".html", "text": ".txt"}
_CHUNK = 64 * 1024


def read_warc_file(
    path: Path, *, source: str, name: str, relpath: str, settings: Settings,
) -> Iterator[RawDocument | Warning]:
    """Documents (and warnings) from the HTML and plain-text responses of one WARC file."""
    problem = _not_a_warc(path)
    if problem:
        yield Warning(source, problem)
        return
    stem = _stem(name)
    limit = min(settings.max_file_bytes, settings.max_decompressed_bytes)
    number = 0
    produced = False
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            try:
                for number, record in enumerate(records, 1):
                    item = _record_item(record, source=f"{source}#{number}", relpath=f"{relpath}#{number}",
                                        name=f"{stem}-{number}", limit=limit)
                    if item is not None:
                        produced = True
                        yield item
            finally:
                records.close()
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        yield Warning(source, f"corrupt or truncated WARC after record {number}: {one_line(exc)}")
        return
    except OSError as exc:
        yield Warning(source, f"cannot read file: {exc.strerror or exc}")
        return
    if not produced:
        yield Warning(source, f"no HTML or plain-text responses among its {number} WARC record(s)")


def _record_item(record: Any, *, source: str, relpath: str, name: str, limit: int) -> RawDocument | Warning | None:
    """The document one record holds, a Warning, or None for records that are not pages."""
    if record.rec_type not in ("response", "resource"):
        return None
    http = record.http_headers
    if record.rec_type == "response":
        if http is None:  # e.g. a dns: response
            return None
        status = http.get_statuscode() or ""
        if status[:1] in ("4", "5"):
            return Warning(source, f"HTTP {status} response, not an article")
        if status[:1] != "2":
            return None  # redirects and the like are navigation, not pages
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, charset = parse_content_type(content_type)
    kind = _KINDS.get(mime)
    if kind is None:
        return None
    try:
        data = _read_capped(record.content_stream(), limit)
    except (zlib.error, ValueError, EOFError) as exc:
        return Warning(source, f"cannot decode record content: {one_line(exc)}")
    if data is None:
        return Warning(source, f"record content exceeds {describe_size(limit)} "
                               "(max_file_bytes / max_decompressed_bytes); skipped")
    # warcio stops quietly at the end of a cut-off file; what is left unread of the
    # record's declared length tells us it was cut.
    while record.raw_stream.read(_CHUNK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Warning(source, "truncated record: the WARC file ends before this record does; skipped")
    return document_from_bytes(
        data,
        source=source,
        name=name + _SUFFIX[kind],
        relpath=relpath,
        kind=kind,
        declared_charset=charset,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        empty_reason="empty record",
    )


def _read_capped(stream: Any, limit: int) -> bytes | None:
    """Up to `limit` bytes of `stream`, or None if it holds more."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def _not_a_warc(path: Path) -> str | None:
    """Why `path` is not a WARC file, or None if it starts like one.

    Checked up front because warcio reads many non-WARC inputs as ARC files and
    fails later, and an empty file should be called empty.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(handle, "rb") as inner:
                    head = inner.read(5)
            else:
                head = handle.read(5)
    except (EOFError, gzip.BadGzipFile, zlib.error):
        return "corrupt gzip data at the start of the WARC; skipped"
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if not head:
        return "empty file"
    if head != b"WARC/":
        return "not a WARC file (it does not start with a WARC/1.x record header); skipped"
    return None


def _stem(name: str) -> str:
    lowered = name.lower()
    for suffix in (".gz", ".warc"):
        if lowered.endswith(suffix):
            name, lowered = name[: -len(suffix)], lowered[: -len(suffix)]
    return name or "record"
