"""End to end through the Python API: cache, interruption, bad input, the offset invariant."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from storyline import pipeline
from storyline.extract.entities import extract_entities
from storyline.model import Article
from storyline.nlp import load_pipeline
from storyline.report import render_html, render_json
from storyline.settings import Settings

from .helpers import assert_mentions_match_bodies

pytestmark = pytest.mark.model

STORY = (
    "Foreign Minister Ana Duarte said on Monday that the port of Valmera would reopen. "
    "The Harbour Authority said 400 containers were inspected in Valmera.\n\n"
    "Duarte travelled to Lisbon with officials from the Ministry of Transport."
)


def _article(n: int) -> str:
    return f"Story number {n}\n\n{STORY} Ship {n} was held for {n} days by the Harbour Authority."


def _settings(tmp_path: Path, **kw: object) -> Settings:
    return Settings(db_path=tmp_path / "story.db", show_progress=False).with_overrides(**kw)


def test_folder_of_mixed_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(_article(1), encoding="utf-8")
    html = f"<html><head><title>Two</title></head><body><article><h1>Two</h1><p>{STORY}</p>" \
           f"<p>{_article(2)}</p></article></body></html>"
    (folder / "sub" / "two.html.gz").write_bytes(gzip.compress(html.encode()))
    record = {"text": _article(3), "title": "Three", "outlet": "Wire", "published": "2031-05-02T10:00:00Z"}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    dossier = pipeline.analyze([folder], settings=_settings(tmp_path))
    assert len(dossier.articles) == 3
    wire = next(a for a in dossier.articles if a.outlet == "Wire")
    assert wire.published.date == "2031-05-02" and wire.published.method == "metadata"
    assert any(e.name == "Valmera" for e in dossier.entities)
    data = json.loads(render_json(dossier))
    assert assert_mentions_match_bodies(data) > 10


def test_rerun_processes_only_new_articles(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(_article(n), encoding="utf-8")
    first = pipeline.run([folder], settings=_settings(tmp_path))
    assert (first.processed, first.cached) == (3, 0)
    (folder / "a3.txt").write_text(_article(3), encoding="utf-8")
    second = pipeline.run([folder], settings=_settings(tmp_path))
    assert (second.processed, second.cached) == (1, 3)
    assert [a.id for a in second.dossier.articles] == [a.id for a in pipeline.analyze(
        [folder], settings=_settings(tmp_path, db_path=Path(":memory:"))).articles]


def test_stored_results_are_not_reused_after_the_per_article_code_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a0.txt").write_text(_article(0), encoding="utf-8")
    assert pipeline.run([folder], settings=_settings(tmp_path)).processed == 1
    assert pipeline.run([folder], settings=_settings(tmp_path)).cached == 1
    monkeypatch.setattr(pipeline, "_code_fingerprint", lambda: "another-release")  # as after an upgrade
    assert pipeline.run([folder], settings=_settings(tmp_path)).processed == 1


def test_the_code_fingerprint_follows_the_source_of_the_per_article_stages(tmp_path: Path) -> None:
    (tmp_path / "extract").mkdir()
    rules = tmp_path / "extract" / "quotes.py"
    rules.write_text("RULES = 1\n", encoding="utf-8")
    before = pipeline._code_fingerprint(tmp_path)
    rules.write_text("RULES = 2\n", encoding="utf-8")
    assert pipeline._code_fingerprint.__wrapped__(tmp_path) != before
    assert pipeline._code_fingerprint() == pipeline._code_fingerprint()  # the installed code: stable


def test_same_article_twice_is_one_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_article(1), encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "b.txt").write_text(_article(1), encoding="utf-8")
    dossier = pipeline.analyze([tmp_path / "a.txt", tmp_path / "a.txt", tmp_path / "copy"],
                               settings=_settings(tmp_path))
    assert len(dossier.articles) == 1
    assert any("kept once" in w.reason for w in dossier.warnings)


def test_interrupted_run_is_completed_by_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(7):
        (folder / f"a{n}.txt").write_text(_article(n), encoding="utf-8")
    monkeypatch.setattr(pipeline, "SAVE_EVERY", 2)

    class Interrupt:
        def start(self, stage: str, total: int | None) -> None:
            self.seen = 0

        def advance(self, stage: str, amount: int = 1) -> None:
            if stage == "nlp":
                self.seen += amount
                if self.seen == 5:
                    raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pipeline.run([folder], settings=_settings(tmp_path), progress=Interrupt())
    resumed = pipeline.run([folder], settings=_settings(tmp_path))
    assert resumed.cached == 4 and resumed.processed == 3
    assert len(resumed.dossier.articles) == 7


def test_bad_inputs_become_warnings_and_the_rest_is_processed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(_article(1), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.html").write_text("<html><body><div><p>Unclosed", encoding="utf-8")
    (folder / "spanish.txt").write_text(
        "El ministro de Transporte dijo el lunes que el puerto de Valmera reabrirá la próxima semana. "
        "Las autoridades portuarias inspeccionaron cuatrocientos contenedores durante el fin de semana "
        "y no encontraron ninguna irregularidad en los documentos de carga.", encoding="utf-8")
    dossier = pipeline.analyze([folder], settings=_settings(tmp_path))
    ids = {a.id for a in dossier.articles}
    assert "good.txt" in ids and "spanish.txt" in ids
    reasons = {Path(w.source).name: w.reason for w in dossier.warnings}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "broken.html" in reasons
    assert "not English" in reasons["spanish.txt"]
    assert next(a for a in dossier.articles if a.id == "spanish.txt").language == "es"


def test_html_output_escapes_article_text(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "Evil Times\n\nThe minister said <script>alert('x')</script> was not a threat to Valmera at all, "
        "and officials in Lisbon agreed on Monday after a long meeting about the port.", encoding="utf-8")
    dossier = pipeline.analyze([tmp_path / "evil.txt"], settings=_settings(tmp_path))
    assert "<script>alert" in dossier.articles[0].body
    page = render_html(dossier)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


NAMES = st.sampled_from(["Ana Duarte", "the Harbour Authority", "Valmera", "Lisbon", "Russia's",
                         "the United Nations", "Jake Sullivan", "O'Neill", "Kyiv"])
FILLER = st.sampled_from(["said on Monday that", "met", "and", "visited", "—", "“", "”", "\n\n", ",", "."])


@hyp_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(NAMES, FILLER, st.text(max_size=8)), max_size=30))
def test_entity_mentions_are_body_slices(parts: list[str]) -> None:
    body = " ".join(parts)
    article = Article(id="p", source="p", body=body)
    for item in extract_entities(article, load_pipeline()(body)):
        assert body[item.mention.start:item.mention.end] == item.mention.text
        assert item.mention.text.strip() == item.mention.text and item.mention.text


def test_an_entity_span_ending_on_a_function_word_ends_before_it():
    from storyline.extract.entities import _trim

    body = "while Justin Bronk of the Royal United Services Institute told the BBC"
    start = body.index("Justin")
    assert body[slice(*_trim(body, start, body.index(" the Royal")))] == "Justin Bronk"
    assert body[slice(*_trim(body, body.index("the Royal"), body.index(" told")))] == "Royal United Services Institute"


def test_a_run_collects_garbage_less_often_and_restores_the_callers_settings():
    import gc

    before = gc.get_threshold()
    gc.set_threshold(123, 4, 5)
    try:
        with pipeline._fewer_collections():
            assert gc.get_threshold() == (pipeline.GC_YOUNG_THRESHOLD, 4, 5)
        assert gc.get_threshold() == (123, 4, 5)
        with pytest.raises(RuntimeError), pipeline._fewer_collections():
            raise RuntimeError("a failed run")
        assert gc.get_threshold() == (123, 4, 5)
    finally:
        gc.set_threshold(*before)


def test_the_code_fingerprint_follows_the_bundled_tables(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    table = tmp_path / "data" / "reported-speech.tsv"
    table.write_text("cue=say\t1.0\n", encoding="utf-8")
    before = pipeline._code_fingerprint.__wrapped__(tmp_path)
    table.write_text("cue=say\t2.0\n", encoding="utf-8")
    assert pipeline._code_fingerprint.__wrapped__(tmp_path) != before


def test_the_learned_scorer_has_a_store_of_its_own() -> None:
    plain = Settings(db_path=None)
    assert pipeline._pipeline_key(plain) != pipeline._pipeline_key(plain.with_overrides(learned_quotes=True))
