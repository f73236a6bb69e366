"""`read_inputs`: files, folders and URLs in, decoded documents and warnings out.

What is read, by file name (case-insensitive; `.gz` may follow any of them):

- `.txt`, `.text` -> plain text; `.html`, `.htm`, `.xhtml`, `.shtml` -> HTML;
- `.json` (a record or a list of records), `.jsonl`/`.ndjson` (a record per
  line) -> one document per record (`records.py`);
- `.warc`, `.warc.gz` -> one document per HTML/plain-text response (`warc.py`);
- no suffix or an unknown one -> sniffed: HTML if it starts like an HTML
  document, text if it decodes as text, else a "binary file" warning.

Some suffixes are known not to be articles. Formats a user may well expect to
be read (PDF, Word, spreadsheets, archives, feeds) always get a warning saying
what to do instead. Page assets and media (images, fonts, CSS, scripts, audio,
video) are skipped without a word when met inside a folder, since a browser's
"save page" puts them next to every article, but named on their own they get
a warning. Inside folders, hidden files and folders (a leading dot) are
skipped; folders are walked recursively in sorted order, following symlinks
once per real folder.

A file reached twice (given twice, or given and inside a given folder, or via a
symlink) is read once; the same URL given twice is fetched once. Identical
content under different names is not merged here: the caller does that by
content hash.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ..errors import FetchError, InputError
from ..model import Warning
from ..settings import Settings
from . import RawDocument
from .fetch import fetch
from .files import is_regular_file, one_line, read_document_file
from .records import read_json_file, read_jsonl_file
from .warc import read_warc_file

__all__ = ["FileFormat", "classify", "read_inputs"]

_TEXT = {".txt", ".text"}
_HTML = {".html", ".htm", ".xhtml", ".shtml"}
_ASSETS = {
    # images, fonts, style and script: what "save page as" writes beside a page
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico", ".svg", ".heic",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".css", ".js", ".mjs", ".map", ".wasm",
    # media
    ".mp3", ".mp4", ".m4a", ".m4v", ".wav", ".ogg", ".oga", ".ogv", ".webm", ".mov", ".avi", ".mkv", ".flac",
    # code, configuration, logs, compiled files and system droppings
    ".py", ".pyc", ".pyo", ".ipynb", ".sh", ".bat", ".ps1", ".c", ".h", ".cpp", ".java", ".go", ".rs", ".rb",
    ".toml", ".yaml", ".yml", ".cfg", ".conf", ".ini", ".lock", ".log",
    ".o", ".so", ".dll", ".exe", ".class", ".db", ".sqlite", ".lnk",
}
_UNSUPPORTED = {
    ".pdf": "PDF is not read; convert it to text (e.g. pdftotext) or give the article's web page",
    ".doc": "Word documents are not read; save it as plain text or HTML",
    ".docx": "Word documents are not read; save it as plain text or HTML",
    ".odt": "OpenDocument text is not read; save it as plain text or HTML",
    ".rtf": "RTF is not read; save it as plain text or HTML",
    ".epub": "e-books are not read; convert them to text or HTML",
    ".csv": "tables are not read; give one article per row as JSONL with a 'text' field",
    ".tsv": "tables are not read; give one article per row as JSONL with a 'text' field",
    ".xls": "spreadsheets are not read; give one article per row as JSONL with a 'text' field",
    ".xlsx": "spreadsheets are not read; give one article per row as JSONL with a 'text' field",
    ".ods": "spreadsheets are not read; give one article per row as JSONL with a 'text' field",
    ".xml": "XML and feeds are not read; give the articles' pages or URLs",
    ".rss": "feeds are not read; give the articles' pages or URLs",
    ".atom": "feeds are not read; give the articles' pages or URLs",
    ".zip": "archives are not opened; extract it and give the folder",
    ".tar": "archives are not opened; extract it and give the folder",
    ".tgz": "archives are not opened; extract it and give the folder",
    ".7z": "archives are not opened; extract it and give the folder",
    ".rar": "archives are not opened; extract it and give the folder",
    ".bz2": "only gzip compression is read; recompress it with gzip or decompress it",
    ".xz": "only gzip compression is read; recompress it with gzip or decompress it",
    ".zst": "only gzip compression is read; recompress it with gzip or decompress it",
}
_JUNK_NAMES = {"thumbs.db", "desktop.ini"}
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_LOOKS_LIKE_HOST = re.compile(r"^(www\.|[a-z0-9-]+\.[a-z]{2,}/)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FileFormat:
    """How a file is read, decided from its name.

    `reader` is "document" (kind "text"/"html", or None to sniff), "json",
    "jsonl", "warc", "asset" (not an article, quiet in folders) or "unsupported"
    (`reason` says what to do).
    """

    reader: str
    kind: str | None = None
    gzipped: bool = False
    reason: str | None = None


def classify(name: str) -> FileFormat:
    """The `FileFormat` of a file called `name`."""
    lowered = name.lower()
    if lowered in _JUNK_NAMES:
        return FileFormat("asset", reason="not an article")
    gzipped = lowered.endswith(".gz") and len(lowered) > 3
    inner = lowered[:-3] if gzipped else lowered
    suffix = os.path.splitext(inner)[1]
    if suffix == ".warc":
        return FileFormat("warc", gzipped=gzipped)  # warcio reads gzip member by member itself
    if suffix in _TEXT or suffix in _HTML:
        return FileFormat("document", kind="text" if suffix in _TEXT else "html", gzipped=gzipped)
    if suffix == ".json":
        return FileFormat("json", gzipped=gzipped)
    if suffix in (".jsonl", ".ndjson"):
        return FileFormat("jsonl", gzipped=gzipped)
    if suffix == ".tar" and gzipped:
        return FileFormat("unsupported", reason=_UNSUPPORTED[".tar"])
    if suffix in _UNSUPPORTED:
        return FileFormat("unsupported", reason=_UNSUPPORTED[suffix])
    if suffix in _ASSETS:
        return FileFormat("asset", reason=f"a {suffix} file is not an article")
    return FileFormat("document", kind=None, gzipped=gzipped)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One input as given, sorted out: a path, a URL, or already a Warning."""

    source: str
    path: Path | None = None
    url: str | None = None
    warning: Warning | None = None


def read_inputs(inputs: Sequence[str | Path], *, settings: Settings) -> Iterator[RawDocument | Warning]:
    """Yield a `RawDocument` for every article in `inputs` and a `Warning` for every problem.

    Inputs are read in the order given. A bad input (missing, unreadable, too
    large, binary, unreachable) becomes a Warning and the others carry on;
    `InputError` is raised only for misuse: `inputs` not a sequence of paths and
    URLs. `relpath` is relative to the common folder of all file inputs (a
    file's own folder counts, a folder counts itself), with `/` separators.
    """
    if isinstance(inputs, (str, bytes, os.PathLike)):
        raise InputError("read_inputs takes a sequence of paths or URLs, not a single one; wrap it in a list")
    # Checked here, before the first item is asked for, so misuse fails at the call.
    entries = [_entry(item, settings=settings) for item in inputs]
    return _read_entries(entries, settings=settings)


def _read_entries(entries: list[_Entry], *, settings: Settings) -> Iterator[RawDocument | Warning]:
    root = common_root([entry.path for entry in entries if entry.path is not None])
    seen: set[str] = set()
    for entry in entries:
        if entry.warning is not None:
            yield entry.warning
        elif entry.url is not None:
            if entry.url in seen:
                continue
            seen.add(entry.url)
            yield _fetch(entry.url, settings=settings)
        else:
            assert entry.path is not None
            yield from _read_path(entry.path, entry.source, root=root, seen=seen, settings=settings)


def _entry(item: object, *, settings: Settings) -> _Entry:
    """What one input is: a path, a URL to fetch, or already a Warning."""
    if isinstance(item, os.PathLike):
        return _Entry(str(item), path=Path(item))
    if not isinstance(item, str):
        raise InputError(f"inputs must be paths or URLs (str or Path), not {type(item).__name__}")
    text = item.strip()
    if not text:  # Path("") would quietly mean the current folder
        return _Entry(item, warning=Warning(repr(item), "empty input: give a file, folder or URL"))
    if not _URL.match(text):
        return _Entry(item, path=Path(item))
    scheme = urlsplit(text).scheme.lower()
    if scheme in ("http", "https"):
        return _Entry(item, url=text)
    if scheme == "file":
        if not settings.allow_file_urls:
            return _Entry(item, warning=Warning(item, "file: URLs are not allowed (set allow_file_urls, "
                                                      "or give the path itself)"))
        parts = urlsplit(text)
        if parts.netloc not in ("", "localhost"):
            return _Entry(item, warning=Warning(item, f"file: URL on another host ({parts.netloc}) cannot be read"))
        return _Entry(item, path=Path(url2pathname(parts.path)))
    return _Entry(item, warning=Warning(item, f"unsupported URL scheme {scheme!r}: only http and https "
                                              "URLs can be fetched"))


def common_root(paths: list[Path]) -> str | None:
    """The common folder of `paths` (a file counts by its folder); None when there is none."""
    anchors = []
    for path in paths:
        absolute = os.path.abspath(path)
        if os.path.isdir(absolute):
            anchors.append(absolute)
        elif os.path.lexists(absolute):
            anchors.append(os.path.dirname(absolute))
    try:
        return os.path.commonpath(anchors) if anchors else None
    except ValueError:  # paths on different Windows drives share no root
        return None


def relative_path(path: str, root: str | None) -> str:
    """`path` relative to `root` (absolute without one), with `/` separators."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root) if root else absolute
    return Path(relative).as_posix()


def _fetch(url: str, *, settings: Settings) -> RawDocument | Warning:
    try:
        return fetch(url, settings=settings)
    except FetchError as exc:
        return Warning(url, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input never stops the others
        return Warning(url, f"unexpected error fetching this URL ({type(exc).__name__}: {one_line(exc)})")


def _read_path(path: Path, source: str, *, root: str | None, seen: set[str], settings: Settings,
               ) -> Iterator[RawDocument | Warning]:
    """Everything one path input holds: a file's documents, or a folder's files in order."""
    if not os.path.lexists(path):
        hint = " (for a web page, start the URL with https://)" if _LOOKS_LIKE_HOST.match(source) else ""
        yield Warning(source, f"no such file or directory{hint}")
        return
    if not os.path.exists(path):
        yield Warning(source, "broken symbolic link")
        return
    if not os.path.isdir(path):
        yield from _read_file(path, source, relpath=relative_path(str(path), root), seen=seen, explicit=True,
                              settings=settings)
        return
    # Files inside a folder are named from the folder as the user wrote it ("./news/a.txt").
    files, problems = walk_folder(source if _URL.match(source) is None else str(path))
    yield from problems
    for file in files:
        yield from _read_file(Path(file), file, relpath=relative_path(file, root), seen=seen, explicit=False,
                              settings=settings)


def walk_folder(folder: str) -> tuple[list[str], list[Warning]]:
    """Non-hidden files under `folder`, sorted by their path parts, and the folders that could not be read."""
    found: list[tuple[tuple[str, ...], str]] = []
    problems: list[Warning] = []
    visited: set[str] = set()

    def on_error(exc: OSError) -> None:
        problems.append(Warning(str(exc.filename or folder), f"cannot read folder: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=on_error, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited:  # a symlink back up the tree, or two links to one folder
            dirnames[:] = []
            continue
        visited.add(real)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        relative = os.path.relpath(dirpath, folder)
        parts = () if relative == os.curdir else tuple(Path(relative).parts)
        for name in filenames:
            if not name.startswith("."):
                found.append(((*parts, name), os.path.join(dirpath, name)))
    found.sort()
    return [file for _, file in found], problems


def _read_file(path: Path, source: str, *, relpath: str, seen: set[str], explicit: bool, settings: Settings,
               ) -> Iterator[RawDocument | Warning]:
    key = os.path.realpath(path)
    if key in seen:
        return
    seen.add(key)
    name = path.name
    fmt = classify(name)
    if fmt.reader == "asset":
        if explicit:
            yield Warning(source, f"{fmt.reason}; skipped")
        return
    if fmt.reader == "unsupported":
        yield Warning(source, f"unsupported file type: {fmt.reason}")
        return
    if not is_regular_file(path):
        yield Warning(source, "not a regular file (a device, socket or pipe); skipped")
        return
    try:
        if fmt.reader == "json":
            yield from read_json_file(path, source=source, name=name, relpath=relpath, gzipped=fmt.gzipped,
                                      settings=settings)
        elif fmt.reader == "jsonl":
            yield from read_jsonl_file(path, source=source, name=name, relpath=relpath, gzipped=fmt.gzipped,
                                       settings=settings)
        elif fmt.reader == "warc":
            yield from read_warc_file(path, source=source, name=name, relpath=relpath, settings=settings)
        else:
            yield read_document_file(path, source=source, name=name, relpath=relpath, kind=fmt.kind,
                                     gzipped=fmt.gzipped, settings=settings)
    except Exception as exc:  # noqa: BLE001 - one bad input never stops the others
        yield Warning(source, f"unexpected error reading this file ({type(exc).__name__}: {one_line(exc)})")
