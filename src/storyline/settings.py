"""Configuration in one place: defaults, then a TOML config file, then CLI options."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    # ingest
    max_file_bytes: int = 10 * MB  # larger single-article files are skipped with a warning
    max_decompressed_bytes: int = 64 * MB  # gzip/WARC bomb guard
    max_article_chars: int = 2_000_000  # a body longer than this is cut, with a warning
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 16 * MB
    allow_private_urls: bool = False  # a URL may reach loopback/private addresses only if asked
    allow_file_urls: bool = False
    # nlp
    model: str | None = None  # None: the best installed English pipeline
    batch_size: int = 32
    n_process: int = 0  # 0: pick from the machine and the amount of work
    # cross-article stages
    learned_quotes: bool = False  # also reported speech found by the learned scorer: more recall, less precision
    learned_scorer: str = "linear"  # that scorer: "linear", or "transformer" (needs the transformer extra)
    gazetteers: tuple[Path, ...] = ()  # extra equipment gazetteers (name<TAB>kind<TAB>aliases), beside the bundled one
    # store
    db_path: Path | None = Path("storyline.db")
    # reporting
    show_progress: bool = True

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with every override that is not None applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    @classmethod
    def from_file(cls, path: Path) -> Settings:
        """Read `[storyline]` from a TOML file over the defaults."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("storyline", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"cannot read config {path}: {exc}") from exc
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"unknown setting(s) in {path}: {', '.join(unknown)}")
        if "db_path" in data:
            data["db_path"] = Path(data["db_path"])
        if "gazetteers" in data:
            listed = data["gazetteers"]
            data["gazetteers"] = tuple(Path(path).expanduser() for path in
                                       ([listed] if isinstance(listed, str) else listed))
        return cls().with_overrides(**data)
