"""JSON and JSONL records: one article per object, with its metadata.

A record is an object with `html` or `text` and optionally `url`, `title`,
`published` and `outlet` (strings). When a record has both `html` and `text`,
`html` is used: it carries the title, date and byline markup the clean stage
reads, and `text` is usually an extraction of the same page.

A `.json` file (one record, or a list of records) is parsed whole and so is
bound by `max_file_bytes`; a `.jsonl` file is streamed line by line and only
each line is bound. Records are numbered from 1: the line number in JSONL (so
`path#12` is what an editor shows as line 12), the position in a JSON list.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..model import Warning
from ..settings import Settings
from . import RawDocument
from .encoding import decode, drop_nul, sniff_kind
from .files import DocumentTooLarge, describe_size, read_bytes

__all__ = ["METADATA_FIELDS", "read_json_file", "read_jsonl_file", "record_document"]

METADATA_FIELDS = ("url", "title", "published", "outlet")

_SUFFIX = {"html": ".html", "text": ".txt"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_SKIP_CHUNK = 1024 * 1024


def record_document(
    record: Any,
    *,
    source: str,
    relpath: str,
    name: str | None = None,
    stem: str = "record",
    number: int = 1,
    max_bytes: int,
    notes: tuple[str, ...] = (),
) -> RawDocument | Warning:
    """One JSON record as a `RawDocument`, or a Warning saying what is wrong with it.

    `name` None gives the record its own name, `<stem>-<number>.html` (or `.txt`).
    """
    if not isinstance(record, dict):
        return Warning(source, f"record is a JSON {type(record).__name__}, not an object")
    field, content = _content(record)
    if field is None:
        keys = ", ".join(repr(key[:30]) for key in sorted(map(str, record))[:5]) or "none"
        if len(record) > 5:
            keys += f", ... {len(record)} in all"
        return Warning(source, f"record has no non-empty 'html' or 'text' field (keys: {keys})")
    notes = list(notes)
    if _SURROGATE.search(content):
        # Lone surrogates (legal as JSON escapes) cannot be encoded or stored later on.
        content = _SURROGATE.sub("\ufffd", content)
        notes.append("record text held invalid surrogate escapes; replaced with U+FFFD")
    content, nul_notes = drop_nul(content)
    if not content.strip():
        return Warning(source, "empty record")
    notes.extend(nul_notes)
    size = len(content.encode("utf-8"))
    if size > max_bytes:
        return Warning(source, f"record text is {describe_size(size)}, over the "
                               f"{describe_size(max_bytes)} limit for one document (max_file_bytes); skipped")
    kind = "html" if field == "html" else sniff_kind(content)
    metadata: dict[str, str | None] = {}
    for key in METADATA_FIELDS:
        value = record.get(key)
        if isinstance(value, str):
            metadata[key] = value.strip() or None
        elif value is not None:
            notes.append(f"ignored non-string '{key}' field ({type(value).__name__})")
    return RawDocument(
        source=source,
        name=name or f"{stem}-{number}{_SUFFIX[kind]}",
        relpath=relpath,
        kind=kind,
        text=content,
        encoding="utf-8",
        notes=tuple(notes),
        **metadata,
    )


def read_json_file(
    path: Path, *, source: str, name: str, relpath: str, gzipped: bool, settings: Settings,
) -> Iterator[RawDocument | Warning]:
    """Records from a `.json` file holding one record object or a list of them."""
    try:
        data = read_bytes(path, gzipped=gzipped, settings=settings)
    except DocumentTooLarge as exc:
        yield Warning(source, str(exc))
        return
    except EOFError:
        yield Warning(source, "truncated gzip file: the compressed stream ends early; skipped")
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield Warning(source, f"corrupt gzip file ({exc}); skipped")
        return
    except OSError as exc:
        yield Warning(source, f"cannot read file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Warning(source, "empty file")
        return
    try:
        value, notes = _parse_json(data)
    except (ValueError, RecursionError) as exc:
        yield Warning(source, _json_error(exc))
        return
    stem = _stem(name)
    if isinstance(value, dict):
        yield record_document(value, source=source, relpath=relpath, name=name, stem=stem,
                              max_bytes=settings.max_file_bytes, notes=notes)
    elif isinstance(value, list):
        if not value:
            yield Warning(source, "JSON list holds no records")
        for number, record in enumerate(value, 1):
            yield record_document(record, source=f"{source}#{number}", relpath=f"{relpath}#{number}",
                                  stem=stem, number=number, max_bytes=settings.max_file_bytes, notes=notes)
    else:
        yield Warning(source, f"JSON file holds a {type(value).__name__}, not a record or a list of records")


def read_jsonl_file(
    path: Path, *, source: str, name: str, relpath: str, gzipped: bool, settings: Settings,
) -> Iterator[RawDocument | Warning]:
    """Records from a `.jsonl` file, one per line; a bad line is a Warning naming `path#line`."""
    limit = settings.max_file_bytes
    if gzipped:
        limit = min(limit, settings.max_decompressed_bytes)
    stem = _stem(name)
    found = False
    line_number = 0
    try:
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as handle:
            for line_number, line, too_long in _bounded_lines(handle, limit):
                where = f"{source}#{line_number}"
                if too_long:
                    found = True
                    yield Warning(where, f"line is over the {describe_size(limit)} limit for one record; skipped")
                    continue
                if line_number == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                if not line.strip():
                    continue
                found = True
                try:
                    value, notes = _parse_json(line)
                except (ValueError, RecursionError) as exc:
                    yield Warning(where, _json_error(exc))
                    continue
                yield record_document(value, source=where, relpath=f"{relpath}#{line_number}", stem=stem,
                                      number=line_number, max_bytes=limit, notes=notes)
    except EOFError:
        yield Warning(source, f"truncated gzip file: the compressed stream ends early (after line {line_number})")
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield Warning(source, f"corrupt gzip file ({exc}) at line {line_number + 1}")
        return
    except OSError as exc:
        yield Warning(source, f"cannot read file: {exc.strerror or exc}")
        return
    if not found:
        yield Warning(source, "empty file" if line_number == 0 else "no records (only blank lines)")


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, too long) without ever holding more than `limit` bytes of one line."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line in bounded steps
                rest = handle.readline(_SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, b"", True
        else:
            yield number, line, False


def _content(record: dict[Any, Any]) -> tuple[str | None, str]:
    for field in ("html", "text"):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return field, value
    return None, ""


def _parse_json(data: bytes) -> tuple[Any, tuple[str, ...]]:
    """Parse JSON bytes; JSON is UTF-8 (or UTF-16/32) by spec, but scraped dumps are not always."""
    try:
        return json.loads(data), ()
    except UnicodeDecodeError:
        decoded = decode(data)
        return json.loads(decoded.text), decoded.notes


def _json_error(exc: ValueError | RecursionError) -> str:
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    return f"invalid JSON: {exc}"


def _stem(name: str) -> str:
    lowered = name.lower()
    for suffix in (".gz", ".jsonl", ".ndjson", ".json"):
        if lowered.endswith(suffix):
            name, lowered = name[: -len(suffix)], lowered[: -len(suffix)]
    return name or "record"
