"""The embedded SQLite store: per-article results cached by content hash.

A re-run on a grown folder processes only articles whose content hash (with the
per-article pipeline's version and a digest of its code) is not stored yet. Results
are written in one transaction per batch, in WAL mode, so a run interrupted at any
point (Ctrl-C, kill -9) leaves a consistent database whose missing articles the next
run does.
The schema is versioned with `PRAGMA user_version` and upgraded by `MIGRATIONS`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from .errors import StoreError
from .model import ArticleResult

# MIGRATIONS[i] upgrades a database from schema version i to i + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE results (
        content_hash TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        article_id TEXT NOT NULL,
        source TEXT NOT NULL,
        data TEXT NOT NULL,
        processed_at TEXT NOT NULL,
        PRIMARY KEY (content_hash, pipeline)
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        inputs TEXT NOT NULL,
        articles INTEGER,
        processed INTEGER
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# SQLite caps host parameters per statement; look-ups are chunked below it.
_CHUNK = 500


class Store:
    """Per-article results keyed by `(content_hash, pipeline)`; `None` path keeps them in memory."""

    def __init__(self, path: Path | str | None) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is not None and self.path.parent != Path():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path) if self.path else ":memory:", isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}; pass another --db or delete it") from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema {version}, newer than this storyline's {SCHEMA_VERSION}: "
                "upgrade storyline or use another --db"
            )
        for target in range(version, SCHEMA_VERSION):
            with self._transaction():
                # One statement at a time: executescript() would commit half-way.
                for statement in filter(str.strip, MIGRATIONS[target].split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target + 1}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def load(self, hashes: Iterable[str], *, pipeline: str) -> dict[str, ArticleResult]:
        """Stored results for those of `hashes` that this pipeline version has done."""
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, ArticleResult] = {}
        for offset in range(0, len(wanted), _CHUNK):
            chunk = wanted[offset:offset + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT content_hash, data FROM results WHERE pipeline = ? AND content_hash IN ({marks})",
                [pipeline, *chunk],
            )
            for content_hash, data in rows:
                found[content_hash] = ArticleResult.from_dict(json.loads(data))
        return found

    def save(self, results: Sequence[ArticleResult], *, pipeline: str) -> None:
        """Store a batch of results in one transaction (all or nothing)."""
        now = _now()
        rows = [
            (r.article.content_hash, pipeline, r.article.id, r.article.source,
             json.dumps(r.to_dict(), ensure_ascii=False), now)
            for r in results
        ]
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)", rows)

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def start_run(self, inputs: Sequence[str]) -> int:
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (_now(), json.dumps(list(inputs)))
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, *, articles: int, processed: int) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE runs SET finished_at = ?, articles = ?, processed = ? WHERE id = ?",
                (_now(), articles, processed, run_id),
            )

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (KeyboardInterrupt too)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._db.execute("ROLLBACK" if kind else "COMMIT")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
