"""Learn the weights of the reported-speech scorer (`storyline/extract/reported.py`).

    .venv/bin/python eval/train_reported.py            # writes src/storyline/data/reported-speech.tsv

Reads the PolNeAR train split from `../shared/datasets/polnear/train` at run time,
leaving out the documents `eval/quotes.py --split train --offset 200 --limit 200`
scores as an unseen check; the dev split is never read. Each article is parsed and
run through the rules alone; every candidate statement the rules leave room for is
an example, positive when it matches an annotated attribution of reported speech
as `eval/quotes.py` matches (half of each side's words shared). A logistic
regression is fitted by stochastic gradient descent with a fixed order, so a run
gives the same weights each time. Features seen fewer than `MIN_COUNT` times are
left out of the table.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import quotes as Q

from storyline.extract import quotes as rules
from storyline.extract.reported import WEIGHTS, open_candidates
from storyline.nlp import load_pipeline, process
from storyline.pipeline import COMPONENTS, text_articles

if TYPE_CHECKING:
    from spacy.tokens import Token

HELD_OUT = (200, 400)  # train documents kept unseen, as `eval/quotes.py --offset 200 --limit 200` reads them
EPOCHS, RATE, DECAY, L2 = 30, 0.05, 0.8, 1e-4
MIN_COUNT = 5
OUT = Path(__file__).resolve().parent.parent / "src" / "storyline" / "data" / WEIGHTS


def examples(root: Path) -> list[tuple[list[str], bool]]:
    """`(features, is an attribution)` for every candidate of the training documents."""
    return [(features, label) for _, _, _, features, label in labelled_candidates(root)]


def labelled_candidates(root: Path) -> Iterator[tuple[str, Token, tuple[int, int], list[str], bool]]:
    """`(text, cue, content span, features, is an attribution)` for every candidate the rules
    leave room for in the training documents (`eval/train_transformer.py` reads them too)."""
    documents = Q.load_polnear(root)
    documents = documents[:HELD_OUT[0]] + documents[HELD_OUT[1]:]
    nlp = load_pipeline(None, components=COMPONENTS)
    parsed = process(nlp, [text for _, text, _ in documents], batch_size=32, n_process=2)
    articles = text_articles([text for _, text, _ in documents], [name for name, _, _ in documents])
    for (name, text, attributions), article, doc in zip(documents, articles, parsed):
        index, mask = Q.TokenIndex(text), Q.quoted_mask(text)
        gold = [g for g in (Q.polnear_item(name, index, a, mask) for a in attributions) if g.kind == "indirect"]
        found, _ = rules.extract_quotes(article, doc, learned=False)
        taken = [(p.start, p.end) for q in found for p in q.parts] + [(q.start, q.end) for q in found if not q.parts]
        spans, _ = rules.find_quoted_spans(text)
        quoted = rules._offset_mask(len(text), rules._covered(s.pieces for s in spans))
        for cue, span, features in open_candidates(
                doc, taken, lemma=rules._lemma, known=rules.VERBS,
                quoted=lambda offset: bool(quoted[offset]),
                quoted_share=lambda span: rules._quoted_share(text, [span], quoted)):
            tokens = index.tokens([span])
            if tokens:
                yield text, cue, span, features, any(_matches(g.tokens, tokens) for g in gold)


def _matches(gold: frozenset, predicted: frozenset) -> bool:
    shared = len(gold & predicted)
    return shared >= Q.MIN_SHARE * len(gold) and shared >= Q.MIN_SHARE * len(predicted)


def fit(rows: list[tuple[list[str], bool]]) -> dict[str, float]:
    counts = Counter(name for features, _ in rows for name in set(features))
    weights = dict.fromkeys(counts, 0.0)
    rate = RATE
    for epoch in range(EPOCHS):
        order = list(range(len(rows)))
        random.Random(epoch).shuffle(order)
        for i in order:
            features, label = rows[i]
            z = max(-30.0, min(30.0, sum(weights[name] for name in features)))
            gradient = 1.0 / (1.0 + math.exp(-z)) - label
            for name in features:
                weights[name] -= rate * (gradient + L2 * weights[name])
        rate *= DECAY
    return {name: w for name, w in weights.items() if counts[name] >= MIN_COUNT and abs(w) >= 0.05}


def arguments(description: str, default_out: Path) -> tuple[Path, Path]:
    """`(--out, the PolNeAR train split)` from the command line; exits when the split is missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    root = Q.SHARED / "datasets" / "polnear" / "train"
    if not root.is_dir():
        sys.exit(f"error: PolNeAR train split not found at {root}")
    return args.out, root


def main() -> None:
    out, root = arguments(__doc__.splitlines()[0], OUT)
    rows = examples(root)
    positive = sum(label for _, label in rows)
    print(f"{len(rows)} candidates, {positive} of them attributions", flush=True)
    weights = fit(rows)
    lines = ["# storyline reported-speech scorer: feature<TAB>weight; written by eval/train_reported.py",
             f"# {len(rows)} candidates ({positive} attributions) from PolNeAR train without documents "
             f"{HELD_OUT[0]}-{HELD_OUT[1] - 1}"]
    lines += [f"{name}\t{w:.4f}" for name, w in sorted(weights.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {out}")


if __name__ == "__main__":
    main()
