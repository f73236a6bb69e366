"""The command line as a user runs it: exit codes, files written, one-line errors."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .helpers import assert_mentions_match_bodies

pytestmark = pytest.mark.model


def storyline(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300, check=False)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "story.html").write_text(
        "<html><head><title>Port reopens</title><meta property='og:site_name' content='Harbour Herald'>"
        "</head><body><article><h1>Port reopens</h1><p>The port of Valmera reopened on Monday after a "
        "three-week closure, the Harbour Authority said, and officials in Lisbon welcomed it.</p>"
        "<p>Transport minister Ana Duarte said inspections of 400 containers had found nothing.</p>"
        "</article></body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_run_on_seeds_writes_every_output(seeds_dir: Path, tmp_path: Path) -> None:
    result = storyline("run", seeds_dir, "--db", tmp_path / "s.db", "--json", tmp_path / "d.json",
                       "--html", tmp_path / "d.html", "--markdown", tmp_path / "d.md")
    assert result.returncode == 0, result.stderr
    dossier = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 4
    assert assert_mentions_match_bodies(dossier) > 50
    assert "articles" in result.stdout and "d.html" in result.stdout
    assert (tmp_path / "d.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    again = storyline("run", seeds_dir, "--db", tmp_path / "s.db")
    assert again.returncode == 0 and "0 new, 4 from the store" in again.stdout


def test_nothing_to_process_exits_1_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = storyline("run", tmp_path / "empty", "--db", tmp_path / "s.db")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "Traceback" not in result.stderr


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert storyline("run", "--no-such-option").returncode == 2


def test_file_names_in_errors_and_warnings_are_printed_as_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes [bold]draft[red] x.txt").write_text("", encoding="utf-8")
    (folder / "story.txt").write_text("Mayor Ivo Bellin said the harbour would reopen on Monday.\n", encoding="utf-8")
    result = storyline("run", folder, "--no-store")
    assert result.returncode == 0, result.stderr
    assert "notes [bold]draft[red] x.txt: empty file" in result.stderr  # Rich markup would have eaten the brackets
    missing = storyline("run", tmp_path / "gone [red].txt", "--no-store")
    assert missing.returncode == 1 and "gone [red].txt" in missing.stderr


def test_clean_explain_lists_removed_lines_with_reasons(seeds_dir: Path) -> None:
    result = storyline("clean", seeds_dir / "000_a56a3bf40c559065.txt", "--explain")
    assert result.returncode == 0, result.stderr
    assert "removed" in result.stdout and "Donate to Dallas Express" in result.stdout


def test_url_from_a_local_server(served: str, tmp_path: Path) -> None:
    refused = storyline("run", f"{served}/story.html", "--db", tmp_path / "s.db")
    assert refused.returncode == 1 and "private" in refused.stderr
    fetched = storyline("run", f"{served}/story.html", "--allow-private-urls", "--db", tmp_path / "s.db",
                        "--json", tmp_path / "d.json")
    assert fetched.returncode == 0, fetched.stderr
    article = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["articles"][0]
    assert article["title"] == "Port reopens" and "Valmera" in article["body"]


def test_unreachable_url_is_a_warning_and_the_rest_is_processed(served: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The port of Valmera reopened on Monday after a three-week closure, the Harbour Authority said.\n\n"
        "Transport minister Ana Duarte said inspections of 400 containers had found nothing unusual.",
        encoding="utf-8")
    result = storyline("run", tmp_path / "a.txt", "http://127.0.0.1:9/nothing", "--allow-private-urls",
                       "--db", tmp_path / "s.db", "--json", tmp_path / "d.json")
    assert result.returncode == 0, result.stderr
    warnings = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["warnings"]
    assert any("127.0.0.1:9" in w["source"] for w in warnings)


def test_run_killed_mid_way_is_completed_by_the_next(examples_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(examples_dir.glob("*.txt"))
    for n in range(160):  # enough for several stored batches before the kill
        source = sources[n % len(sources)]
        (folder / f"{n:03d}-{source.name}").write_text(
            source.read_text(encoding="utf-8") + f"\n\nReference number {n}.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    runner = subprocess.Popen([sys.executable, "-m", "storyline", "run", str(folder), "--db", str(db), "-p", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while stored == 0 and runner.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db) as probe:
                stored = probe.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            pass
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    assert 0 < stored < 160, "the run was not caught between two batches"
    resumed = storyline("run", folder, "--db", db, "--json", tmp_path / "d.json")
    assert resumed.returncode == 0, resumed.stderr
    new, cached = map(int, re.search(r"160 \((\d+) new, (\d+) from the store\)", resumed.stdout).groups())
    assert cached >= stored and new + cached == 160 and new > 0
    dossier = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 160
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
