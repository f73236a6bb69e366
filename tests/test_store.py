"""The SQLite store: migrations, cache round trip, and consistency after an interruption."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import Article, ArticleResult, EntityMention
from storyline.store import SCHEMA_VERSION, Store


def _result(n: int) -> ArticleResult:
    article = Article(id=f"a{n}.txt", source=f"in/a{n}.txt", body=f"Article {n} about Tehran.",
                      content_hash=f"hash{n}")
    return ArticleResult(article, entities=(EntityMention(article.mention(len(article.body) - 7,
                                                                          len(article.body) - 1), "GPE"),))


def test_new_store_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.integrity_ok()


def test_results_round_trip_per_pipeline_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save([_result(1), _result(2)], pipeline="v1")
    with Store(tmp_path / "s.db") as store:
        found = store.load(["hash1", "hash2", "hash3"], pipeline="v1")
        assert set(found) == {"hash1", "hash2"}
        assert found["hash1"] == _result(1)
        assert store.load(["hash1"], pipeline="v2") == {}


def test_many_hashes_are_looked_up_in_chunks(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save([_result(n) for n in range(1200)], pipeline="v1")
        assert len(store.load([f"hash{n}" for n in range(1500)], pipeline="v1")) == 1200


def test_store_from_a_newer_storyline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_garbage_file_is_a_clear_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(path)


def test_a_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save([_result(1)], pipeline="v1")
        broken = ArticleResult(Article(id="x", source="x", body="x", content_hash=None))  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            store.save([_result(2), broken], pipeline="v1")
        assert set(store.load(["hash1", "hash2"], pipeline="v1")) == {"hash1"}


WRITER = """
import sys
from storyline.model import Article, ArticleResult
from storyline.store import Store
store = Store(sys.argv[1])
n = 0
while True:
    batch = []
    for _ in range(50):
        body = "x" * 2000 + str(n)
        batch.append(ArticleResult(Article(id=str(n), source=str(n), body=body, content_hash=f"h{n}")))
        n += 1
    store.save(batch, pipeline="v1")
    print(n, flush=True)
"""


def test_kill_9_mid_write_leaves_a_consistent_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    deadline = time.monotonic() + 30
    written = 0
    while written < 500 and time.monotonic() < deadline:
        written = int(writer.stdout.readline() or 0)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    with Store(path) as store:
        assert store.integrity_ok()
        count = store.count()
        assert count >= 500 and count % 50 == 0  # whole batches only
