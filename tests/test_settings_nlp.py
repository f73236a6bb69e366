"""Settings precedence and NLP model resolution, without loading a model where none is needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline import nlp
from storyline.errors import InputError, ModelError
from storyline.settings import Settings


def test_config_file_overrides_defaults_and_options_override_the_file(tmp_path: Path) -> None:
    config = tmp_path / "storyline.toml"
    config.write_text('[storyline]\nbatch_size = 8\ndb_path = "x.db"\nfetch_timeout = 3.5\n', encoding="utf-8")
    from_file = Settings.from_file(config)
    assert (from_file.batch_size, from_file.db_path, from_file.fetch_timeout) == (8, Path("x.db"), 3.5)
    overridden = from_file.with_overrides(batch_size=64, model=None)
    assert overridden.batch_size == 64 and overridden.model is None and overridden.fetch_timeout == 3.5


@pytest.mark.parametrize(("text", "message"), [
    ("[storyline]\nno_such_setting = 1\n", "unknown setting"),
    ("[storyline\n", "cannot read config"),
])
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        Settings.from_file(config)


def test_the_bundled_english_model_is_found() -> None:
    assert nlp.resolve_model(None) in nlp.PREFERRED_MODELS
    assert nlp.resolve_model("some_pipeline") == "some_pipeline"


def test_a_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="cannot load spaCy pipeline 'no_such_pipeline_here'"):
        nlp.load_pipeline("no_such_pipeline_here")


def _config(ner_listens: bool) -> dict:
    tok2vec = {"@architectures": "spacy.Tok2VecListener.v1", "upstream": "tok2vec"} if ner_listens \
        else {"@architectures": "spacy.Tok2Vec.v2"}
    return {
        "nlp": {"pipeline": ["tok2vec", "tagger", "parser", "ner"]},
        "components": {"tok2vec": {}, "tagger": {"model": {}}, "parser": {"model": {}},
                       "ner": {"model": {"tok2vec": tok2vec}}},
    }


@pytest.mark.parametrize(("ner_listens", "excluded"), [
    (False, ["tok2vec", "tagger", "parser"]),
    (True, ["tagger", "parser"]),
])
def test_only_needed_components_are_loaded(ner_listens: bool, excluded: list[str]) -> None:
    assert nlp._excluded(_config(ner_listens), nlp.NER) == excluded


@pytest.mark.parametrize(("texts", "requested", "at_most"), [(1, 0, 1), (10, 0, 1), (5000, 0, 2), (10, 3, 3)])
def test_processes_follow_the_amount_of_work(texts: int, requested: int, at_most: int) -> None:
    chosen = nlp.pick_n_process(texts, requested)
    assert 1 <= chosen <= at_most
