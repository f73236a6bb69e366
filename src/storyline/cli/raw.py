"""Files read as plain text, uncleaned, for the commands' `--raw` option: offsets refer to the file."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..ingest import RawDocument
from ..ingest.core import classify, common_root, relative_path, walk_folder
from ..ingest.files import is_regular_file, read_document_file
from ..model import Warning
from ..settings import Settings

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def read_raw_files(inputs: Sequence[str], *, settings: Settings) -> tuple[list[RawDocument], list[Warning]]:
    """Every file under `inputs` decoded as plain text, and a warning for each one that cannot be.

    A file named on its own is read whatever its suffix; inside a folder only
    `.txt`/`.text` files (and their `.gz`) are, since a page or a record would need
    cleaning to be read at all. Folders are walked, and files named, decoded and
    size-limited, as the ingest stage does it.
    """
    warnings: list[Warning] = []
    files: list[tuple[Path, str]] = []
    for item in inputs:
        path = Path(item)
        if _URL.match(item):
            warnings.append(Warning(item, "--raw reads files only; leave out --raw to fetch and clean a URL"))
        elif path.is_dir():
            found, problems = walk_folder(item)
            warnings += problems
            texts = [file for file in found if _is_text(Path(file).name)]
            if not texts:
                warnings.append(Warning(item, "no .txt files in this folder"))
            files += [(Path(file), file) for file in texts]
        elif path.exists():
            files.append((path, item))
        else:
            warnings.append(Warning(item, "no such file or directory"))
    root = common_root([Path(item) for item in inputs if not _URL.match(item)])
    documents: list[RawDocument] = []
    seen: set[str] = set()
    for path, source in files:
        key = os.path.realpath(path)
        if key in seen:
            continue
        seen.add(key)
        if not is_regular_file(path):
            warnings.append(Warning(source, "not a regular file (a device, socket or pipe); skipped"))
            continue
        read = read_document_file(path, source=source, name=path.name, relpath=relative_path(source, root),
                                  kind="text", gzipped=path.name.lower().endswith(".gz"), settings=settings)
        if isinstance(read, Warning):
            warnings.append(read)
        else:
            documents.append(read)
            warnings += [Warning(source, note) for note in read.notes]
    return documents, warnings


def _is_text(name: str) -> bool:
    fmt = classify(name)
    return fmt.reader == "document" and fmt.kind == "text"
