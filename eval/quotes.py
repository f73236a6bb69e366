"""Quotation extraction and speaker attribution: PolNeAR dev, the seed scrapes, the example corpus.

Data, read at run time:

- PolNeAR dev, `../shared/datasets/polnear/dev` (`text/<name>.txt`, brat standoff
  `attributions/<name>_<annotator>.ann`; the alphabetically first annotator per
  text). Every `E` event with a Content is one gold attribution: its content
  pieces (discontinuous spans and `Content2` roles included), its Source spans
  (none for `Attribution-no-source`) and its Cue.
- The seed scrapes `../shared/seeds/*.txt` against our own reading of them,
  `eval/gold/seeds-quotes.json` (offsets into the raw file text; see its
  `_conventions`). Quotes are extracted from the raw text, so offsets agree.
- The fictional example corpus, `examples/annotation.json` `quotes`, located by
  their text in the cleaned bodies of `pipeline.run` on `examples/corpus`. Its
  indirect quotes are not exhaustive (the annotation says so), so indirect
  precision there is a lower bound.

Kinds. A PolNeAR attribution is direct when at least half of its content's
`\\w+` tokens are inside quotation marks (pairs of double marks within a
paragraph, an opening mark left open running to the paragraph's end; pairs of
single marks that are not apostrophes; a content piece that begins and ends
with a mark counts as quoted whole), else indirect. A piece that merely ends
with a mark is not quoted whole: that is the usual partial quote closing
reported speech (`called him a “con artist”`), 77 dev attributions. Our
statements are put in a set by the same rule applied to their content (with the
marks around it), whatever kind they claim. Sets: "direct" scores statements
that are mostly quoted against gold direct (and, in our own gold, partial) ones,
"indirect" the rest against indirect, "all" everything. `--split train` scores
the train split instead of dev (the rules were tuned on dev; `--offset 200
--limit 200` is a slice of train nobody looked at while tuning).

Matching. An item is the set of `\\w+` tokens (by start offset) whose start lies
in one of its pieces (`Quote.parts`, else `start:end`). A prediction and a gold
item of the same text match when their overlap is at least half of each one's
tokens; pairs are taken one-to-one, largest overlap first. Precision =
matched / predicted, recall = matched / gold (0.0 when there is nothing to
divide by), F1 their harmonic mean.

Speakers, over matched pairs whose gold names one: against a PolNeAR Source the
speaker is right when `speaker.mention` shares a token with the Source span, or
the last word of `speaker.name` is a word of the Source text (a name resolved
from "he"); against a gold name (seeds, examples) when `speaker.name` equals it
or their last words agree, case aside.

Agreement, for scale: 18 PolNeAR texts (2 of dev, 16 of train) were annotated by
several people (107 annotations). Each annotation is scored against each other one
by the same matching, and storyline against each of them; counts are summed over
all pairings (`score_agreement`, printed after the PolNeAR table).

For context: GenderGapTracker (spaCy rules and coreference, on its own data)
reports quote F1 0.837 at 0.3 overlap and speaker accuracy 86.5 %. Our goals:
direct F1 >= 0.90 with speaker >= 0.90, indirect F1 >= 0.70.

    .venv/bin/python eval/quotes.py [--split dev|train] [--offset N] [--limit N] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
POLNEAR_DEV = SHARED / "datasets" / "polnear" / "dev"
EXAMPLES = HERE.parent / "examples"
SEEDS_GOLD = HERE / "gold" / "seeds-quotes.json"

SETS = ("direct", "indirect", "all")
SET_OF_KIND = {"direct": "direct", "partial": "direct", "indirect": "indirect"}
MIN_SHARE = 0.5  # of each side's tokens, for a match
REFERENCE = "reference: GenderGapTracker quote F1 0.837 at 0.3 overlap, speaker 86.5 % (its own data)"
GOALS = "goals: direct F1 >= 0.90, direct speaker >= 0.90, indirect F1 >= 0.70"

_TOKEN = re.compile(r"\w+")
_DOUBLE_CLOSERS = {"\"": "\"”", "“": "”", "«": "»", "„": "“”"}  # an opening mark: the marks that close it
_QUOTE_CHARS = "\"“”«»„‘’'"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One brat `E` event: content pieces, source spans (may be empty) and cue spans."""

    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """A quote reduced to what is scored: its content tokens and who said it.

    `speaker` is a name (gold or predicted); `speaker_tokens` the tokens of a gold
    Source span or of a predicted speaker mention; `speaker_words` the lowercased
    words of a gold Source text. `label` is a short snippet for error listings.
    """

    doc: str
    tokens: frozenset[int]
    kind: str
    speaker: str | None = None
    speaker_tokens: frozenset[int] = frozenset()
    speaker_words: frozenset[str] = frozenset()
    label: str = ""


# -- reading PolNeAR


def parse_brat(ann: str) -> list[Attribution]:
    """The attributions of one brat `.ann` text; an event without Content is skipped."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple((int(a), int(b)) for a, b in (p.split() for p in offsets.split(";")))
        elif line.startswith("E") and len(fields) >= 2:
            events.append([tuple(arg.split(":", 1)) for arg in fields[1].split() if ":" in arg])
    found = []
    for args in events:
        roles: dict[str, list[Span]] = defaultdict(list)
        for role, ref in args[1:]:  # the first argument is the event's own trigger
            roles[role.rstrip("0123456789")].extend(spans.get(ref, ()))
        if roles["Content"]:
            found.append(Attribution(tuple(roles["Content"]), tuple(roles["Source"]), tuple(roles["Cue"])))
    return found


def load_polnear(
    root: Path = POLNEAR_DEV, limit: int | None = None, offset: int = 0
) -> list[tuple[str, str, list[Attribution]]]:
    """`(name, text, attributions)` per text of a PolNeAR split, by name from the `offset`-th;
    the first annotator's `.ann`."""
    root = Path(root)
    first: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for name in sorted(first)[offset:offset + limit if limit is not None else None]:
        path = root / "text" / f"{name}.txt"
        if path.is_file():  # bytes decoded by hand: brat offsets count "\r" too
            docs.append((name, path.read_bytes().decode("utf-8"), parse_brat(first[name].read_text(encoding="utf-8"))))
    return docs


def quoted_mask(text: str) -> bytearray:
    """1 for every character inside quotation marks, paragraph by paragraph.

    Double marks nest (`"... “...” ..."`); a straight mark may be closed by a
    curly one; `''` counts as a double mark; a mark left open runs to the end of
    its paragraph (a quotation going on into the next). Single marks pair when
    they are not apostrophes: an opening one before a word, a closing one after.
    """
    marks = text.replace("''", '" ')  # same length: offsets hold
    mask = bytearray(len(text))
    for paragraph in re.finditer(r"[^\n]+", text):
        start, end = paragraph.span()
        stack: list[tuple[int, str]] = []
        for i in range(start, end):
            char = marks[i]
            if stack and char in _DOUBLE_CLOSERS[stack[-1][1]]:
                opened = stack.pop()[0]
                if not stack:
                    mask[opened + 1:i] = b"\1" * (i - opened - 1)
            elif char in _DOUBLE_CLOSERS:
                stack.append((i, char))
        if stack:
            mask[stack[0][0] + 1:end] = b"\1" * (end - stack[0][0] - 1)
        single = -1
        for i in range(start, end):
            before = marks[i - 1] if i > start else " "
            after = marks[i + 1] if i + 1 < end else " "
            if marks[i] in "‘'" and not before.isalnum() and after.isalnum():
                single = i
            elif marks[i] in "’'" and single >= 0 and not after.isalnum() and not before.isspace():
                mask[single + 1:i] = b"\1" * (i - single - 1)
                single = -1
    return mask


def classify(text: str, pieces: Iterable[Span], mask: bytearray | None = None) -> str:
    """"direct" when at least half of the content's tokens are quoted, else "indirect".

    A piece that begins and ends with a mark (end punctuation aside) is quoted
    whole: it catches a quotation opened with a closing mark (`”Fear. ...”`).
    """
    mask = quoted_mask(text) if mask is None else mask
    total = quoted = 0
    for start, end in pieces:
        piece = text[start:end].strip()
        whole = piece[:1] in _QUOTE_CHARS and piece.rstrip(".,;:!?")[-1:] in _QUOTE_CHARS
        for token in _TOKEN.finditer(text, start, end):
            total += 1
            quoted += whole or mask[token.start()]
    return "direct" if total and quoted * 2 >= total else "indirect"


# -- items and scoring


class TokenIndex:
    """Start offsets of the `\\w+` tokens of one text, for the tokens of spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() for m in _TOKEN.finditer(text)]

    def tokens(self, pieces: Iterable[Span]) -> frozenset[int]:
        found: set[int] = set()
        for start, end in pieces:
            found.update(self.starts[bisect_left(self.starts, start):bisect_left(self.starts, end)])
        return frozenset(found)

    def snippet(self, pieces: Sequence[Span], width: int = 90) -> str:
        text = " / ".join(" ".join(self.text[s:e].split()) for s, e in pieces)
        return text if len(text) <= width else text[:width - 3] + "..."


def quote_pieces(quote) -> tuple[Span, ...]:
    """A Quote's content spans: its parts, else `start:end`."""
    return tuple((p.start, p.end) for p in quote.parts) or ((quote.start, quote.end),)


def predicted_item(doc: str, index: TokenIndex, quote, mask: bytearray | None = None) -> Item:
    """A `storyline.model.Quote` of the text `index` was built on, as a scored item.

    With `mask` (the text's `quoted_mask`) its set is decided as the gold's is, by
    the share of its words inside quotation marks, whatever kind it claims: a
    statement of reported speech carrying a few quoted words is indirect.
    """
    pieces = quote_pieces(quote)
    speaker = quote.speaker
    mention = speaker.mention if speaker else None
    name = speaker.name if speaker else None
    kind = quote.kind if mask is None else classify(index.text, [_with_marks(index.text, p) for p in pieces], mask)
    return Item(doc, index.tokens(pieces), kind, speaker=name,
                speaker_tokens=index.tokens([(mention.start, mention.end)]) if mention else frozenset(),
                label=f"{doc[:28]}: [{quote.kind} | {name or (mention.text if mention else '?')}] "
                      f"{index.snippet(pieces)}")


def _with_marks(text: str, piece: Span) -> Span:
    """A predicted piece with the quotation marks around it, as gold content includes them."""
    start, end = piece
    while start > 0 and text[start - 1] in _QUOTE_CHARS:
        start -= 1
    while end < len(text) and (text[end] in _QUOTE_CHARS or (text[end] in ".,;:!?" and end + 1 < len(text)
                                                             and text[end + 1] in _QUOTE_CHARS)):
        end += 1
    return start, end


def polnear_item(doc: str, index: TokenIndex, attribution: Attribution, mask: bytearray) -> Item:
    source_text = " ".join(index.text[s:e] for s, e in attribution.source)
    return Item(doc, index.tokens(attribution.content), classify(index.text, attribution.content, mask),
                speaker_tokens=index.tokens(attribution.source),
                speaker_words=frozenset(_TOKEN.findall(source_text.casefold())),
                label=f"{doc[:28]}: [{source_text or 'no source'}] {index.snippet(attribution.content)}")


def _last_word(name: str | None) -> str | None:
    words = _TOKEN.findall((name or "").casefold())
    return words[-1] if words else None


def has_speaker(gold: Item) -> bool:
    return bool(gold.speaker_tokens or gold.speaker)


def speaker_right(gold: Item, predicted: Item) -> bool:
    """Whether the prediction names the gold speaker (a Source span, else a name); see the module docstring."""
    last = _last_word(predicted.speaker)
    if gold.speaker_tokens:
        return bool(gold.speaker_tokens & predicted.speaker_tokens) or last in gold.speaker_words
    if not gold.speaker or not predicted.speaker:
        return False
    words = set(_TOKEN.findall(predicted.speaker.casefold()))
    return predicted.speaker.casefold() == gold.speaker.casefold() or last == _last_word(gold.speaker) \
        or words <= set(_TOKEN.findall(gold.speaker.casefold()))  # "official" for "anonymous senior official"


def match(gold: Sequence[Item], predicted: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one `(gold index, predicted index)` pairs, largest overlap first; see the module docstring.

    A gold *partial* quotation (quoted words only, in our own gold) is found by a
    prediction holding at least half of its words: the statement they belong to.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, item in enumerate(predicted):
        by_doc[item.doc].append(j)
    candidates = []
    for i, item in enumerate(gold):
        for j in by_doc.get(item.doc, ()):
            shared = len(item.tokens & predicted[j].tokens)
            if shared and shared >= MIN_SHARE * len(item.tokens) and (
                    item.kind == "partial" or shared >= MIN_SHARE * len(predicted[j].tokens)):
                candidates.append((-shared, i, j))
    pairs, used_gold, used_predicted = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return pairs


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def score(gold: Sequence[Item], predicted: Sequence[Item]) -> dict[str, dict]:
    """Per set ("direct", "indirect", "all"): counts, P/R/F1, speaker accuracy and the unmatched items' labels.

    A gold partial quotation missed by the direct set's predictions may be recalled by
    a statement of the indirect set that holds it (not counted again for precision).
    """
    result = {}
    for name in SETS:
        gold_set = [g for g in gold if name == "all" or SET_OF_KIND.get(g.kind) == name]
        predicted_set = [p for p in predicted if name == "all" or SET_OF_KIND.get(p.kind) == name]
        pairs = match(gold_set, predicted_set)
        judged_pairs = [(gold_set[i], predicted_set[j]) for i, j in pairs]
        matched_gold, matched_predicted = {i for i, _ in pairs}, {j for _, j in pairs}
        if name == "direct":
            missed = [i for i, g in enumerate(gold_set) if i not in matched_gold and g.kind == "partial"]
            others = [p for p in predicted if SET_OF_KIND.get(p.kind) != name]
            for i, j in match([gold_set[i] for i in missed], others):
                matched_gold.add(missed[i])
                judged_pairs.append((gold_set[missed[i]], others[j]))
        judged = [speaker_right(g, p) for g, p in judged_pairs if has_speaker(g)]
        wrong = [f"{p.label} <- gold {g.label.split(': [', 1)[-1].split(']')[0]}" for g, p in judged_pairs
                 if has_speaker(g) and not speaker_right(g, p)]
        precision = _ratio(len(matched_predicted), len(predicted_set))
        recall = _ratio(len(matched_gold), len(gold_set))
        result[name] = {
            "gold": len(gold_set), "predicted": len(predicted_set), "matched": len(matched_gold),
            "precision": precision, "recall": recall,
            "f1": _ratio(2 * precision * recall, precision + recall),
            "speaker_n": len(judged), "speaker_right": sum(judged),
            "speaker_accuracy": _ratio(sum(judged), len(judged)) if judged else None,
            "false_negatives": [g.label for i, g in enumerate(gold_set) if i not in matched_gold],
            "false_positives": [p.label for j, p in enumerate(predicted_set) if j not in matched_predicted],
            "wrong_speakers": wrong,
        }
    return result


def _extract(texts: Sequence[str], ids: Sequence[str], settings=None) -> list[tuple]:
    from storyline.pipeline import quotes_of_texts
    from storyline.settings import Settings

    _, quotes, _ = quotes_of_texts(texts, settings=settings or Settings(show_progress=False), ids=ids)
    return quotes


# -- the three sets


def score_polnear(limit: int | None = None, *, root: Path = POLNEAR_DEV, offset: int = 0, settings=None) -> dict:
    """`score` of `quotes_of_texts` on a PolNeAR split (`limit` texts by name from the
    `offset`-th; dev by default), plus `"texts"`."""
    docs = load_polnear(root, limit, offset)
    gold, predicted = [], []
    quotes = _extract([text for _, text, _ in docs], [name for name, _, _ in docs], settings) if docs else []
    for (name, text, attributions), found in zip(docs, quotes, strict=True):
        index, mask = TokenIndex(text), quoted_mask(text)
        gold.extend(polnear_item(name, index, attribution, mask) for attribution in attributions)
        predicted.extend(predicted_item(name, index, quote, mask) for quote in found)
    return {"texts": len(docs), **score(gold, predicted)}


def several_annotators(root: Path) -> dict[str, list[Path]]:
    """The texts of a PolNeAR split that more than one person annotated: name -> their `.ann` files."""
    annotations: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((Path(root) / "attributions").glob("*.ann")):
        annotations[ann.stem.rsplit("_", 1)[0]].append(ann)
    return {name: anns for name, anns in annotations.items()
            if len(anns) > 1 and (Path(root) / "text" / f"{name}.txt").is_file()}


def _pooled(runs: Iterable[dict]) -> dict[str, dict]:
    """P/R/F1 per set over the summed counts of several `score` results."""
    pooled = {}
    for name in SETS:
        gold = sum(run[name]["gold"] for run in runs)
        predicted = sum(run[name]["predicted"] for run in runs)
        right = sum(round(run[name]["precision"] * run[name]["predicted"]) for run in runs)  # exact: right / predicted
        found = sum(run[name]["matched"] for run in runs)
        precision, recall = _ratio(right, predicted), _ratio(found, gold)
        pooled[name] = {"gold": gold, "predicted": predicted, "matched": found, "precision": precision,
                        "recall": recall, "f1": _ratio(2 * precision * recall, precision + recall)}
    return pooled


def score_agreement(roots: Sequence[Path] = (POLNEAR_DEV, POLNEAR_DEV.parent / "train"), *, settings=None) -> dict:
    """How far people agree, for scale: on the PolNeAR texts that several people annotated
    (2 of dev, 16 of train), each annotator scored against each other one (`"people"`), and
    storyline against each of them (`"storyline"`), counts summed over all those pairings."""
    texts: list[tuple[str, str, list[list[Attribution]]]] = []
    for root in roots:
        for name, anns in several_annotators(root).items():
            text = (Path(root) / "text" / f"{name}.txt").read_bytes().decode("utf-8")
            texts.append((name, text, [parse_brat(ann.read_text(encoding="utf-8")) for ann in anns]))
    people, machine = [], []
    quotes = _extract([text for _, text, _ in texts], [name for name, _, _ in texts], settings) if texts else []
    for (name, text, per_annotator), found in zip(texts, quotes, strict=True):
        index, mask = TokenIndex(text), quoted_mask(text)
        readings = [[polnear_item(name, index, a, mask) for a in attributions] for attributions in per_annotator]
        predicted = [predicted_item(name, index, q, mask) for q in found]
        for i, gold in enumerate(readings):
            people.extend(score(gold, other) for j, other in enumerate(readings) if j != i)
            machine.append(score(gold, predicted))
    return {"texts": len(texts), "annotations": sum(len(a) for _, _, a in texts),
            "people": _pooled(people), "storyline": _pooled(machine)}


def _named_item(doc: str, index: TokenIndex, pieces: Sequence[Span], kind: str, speaker: str) -> Item:
    return Item(doc, index.tokens(pieces), kind, speaker=speaker,
                label=f"{doc[:28]}: [{kind} | {speaker}] {index.snippet(pieces)}")


def _inside(predicted: Sequence[Item], spans: Sequence[Item]) -> list[Item]:
    """The predictions with at least half of their tokens inside one of `spans`."""
    return [p for p in predicted if any(s.doc == p.doc and p.tokens & s.tokens
                                        and len(p.tokens & s.tokens) >= MIN_SHARE * len(p.tokens) for s in spans)]


def score_seeds(shared_dir: Path = SHARED, *, gold_path: Path = SEEDS_GOLD, settings=None) -> dict:
    """`score` on the seed scrapes (raw text) against `seeds-quotes.json`.

    Predictions mostly inside an `ignore` span are left out; `"not_quotes"` lists
    the predictions mostly inside a `not_quotes` span (false positives too), and
    `"missing"` the gold's files absent from `shared_dir/seeds`.
    """
    gold_data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    files = sorted({q["file"] for q in gold_data["quotes"]})
    paths = {name: Path(shared_dir) / "seeds" / name for name in files}
    present = [name for name in files if paths[name].is_file()]
    texts = [paths[name].read_text(encoding="utf-8") for name in present]
    indexes = {name: TokenIndex(text) for name, text in zip(present, texts, strict=True)}

    def items(key: str) -> list[Item]:
        return [_named_item(q["file"], indexes[q["file"]], q.get("parts") or [(q["start"], q["end"])],
                            q.get("kind", "none"), q.get("speaker", "")) for q in gold_data.get(key, ())
                if q["file"] in indexes]

    quotes = _extract(texts, present, settings) if texts else []
    masks = {name: quoted_mask(index.text) for name, index in indexes.items()}
    predicted = [predicted_item(name, indexes[name], q, masks[name])
                 for name, found in zip(present, quotes, strict=True) for q in found]
    ignored = {id(p) for p in _inside(predicted, items("ignore"))}
    predicted = [p for p in predicted if id(p) not in ignored]
    not_quotes = items("not_quotes")
    return {**score(items("quotes"), predicted), "missing": sorted(set(files) - set(present)),
            "ignored": len(ignored),
            "not_quotes": {"listed": len(not_quotes), "hits": [p.label for p in _inside(predicted, not_quotes)]}}


def example_gold(annotation: dict, bodies: dict[str, str]) -> tuple[list[tuple[str, list[Span], str, str]], list]:
    """`(file, pieces, kind, speaker)` per gold quote and file, located in `bodies` by text, and what was not found.

    Entries sharing a `split` id are one quote with a piece each; a `parts` list
    (a quotation over paragraphs) gives its pieces.
    """
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for n, quote in enumerate(annotation["quotes"]):
        for name in quote["files"]:
            grouped[(name, quote.get("split") or n)].append(quote)
    found, unlocated = [], []
    for (name, _), entries in grouped.items():
        body, pieces = bodies.get(name, ""), []
        for entry in sorted(entries, key=lambda q: q.get("part", 0)):
            for text in entry.get("parts") or [entry["text"]]:
                start = body.find(text)
                if start < 0:
                    unlocated.append((name, text))
                else:
                    pieces.append((start, start + len(text)))
        found.append((name, pieces, entries[0]["kind"], entries[0]["speaker"]))
    return found, unlocated


def score_examples(examples_dir: Path = EXAMPLES, *, settings=None) -> dict:
    """`score` of the whole pipeline on `examples/corpus` against `annotation.json` quotes.

    Gold quotes are found by their text in the cleaned bodies (`"unlocated"` lists
    those that are not; they still count as gold). `"not_quotes"` lists the
    predictions mostly inside an annotated scare quote.
    """
    from storyline.pipeline import run
    from storyline.settings import Settings

    examples_dir = Path(examples_dir)
    annotation = json.loads((examples_dir / "annotation.json").read_text(encoding="utf-8"))
    settings = settings or Settings(db_path=None, show_progress=False)
    dossier = run([examples_dir / "corpus"], settings=settings).dossier
    file_of = {a.id: Path(a.source.split("#")[0]).name for a in dossier.articles}
    bodies = {file_of[a.id]: a.body for a in dossier.articles}
    indexes = {name: TokenIndex(body) for name, body in bodies.items()}
    located, unlocated = example_gold(annotation, bodies)
    gold = [_named_item(name, indexes.get(name, TokenIndex("")), pieces, kind, speaker)
            for name, pieces, kind, speaker in located]
    masks = {name: quoted_mask(index.text) for name, index in indexes.items()}
    predicted = [predicted_item(file_of[q.article], indexes[file_of[q.article]], q, masks[file_of[q.article]])
                 for q in dossier.quotes]
    scare = []
    for entry in annotation.get("scare_quotes", ()):
        for name in entry["files"]:
            start = bodies.get(name, "").find(entry["text"])
            if start >= 0:
                scare.append(_named_item(name, indexes[name], [(start, start + len(entry["text"]))], "none", ""))
    return {**score(gold, predicted), "unlocated": unlocated,
            "not_quotes": {"listed": len(scare), "hits": [p.label for p in _inside(predicted, scare)]}}


# -- report


def print_table(title: str, result: dict, errors: int = 0) -> None:
    print(title)
    print(f"  {'set':<9} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}   speaker (n)")
    for name in SETS:
        row = result[name]
        accuracy = "-" if row["speaker_accuracy"] is None else f"{row['speaker_accuracy']:.3f}"
        print(f"  {name:<9} {row['gold']:>5} {row['predicted']:>5} {row['matched']:>5} {row['precision']:>6.3f} "
              f"{row['recall']:>6.3f} {row['f1']:>6.3f}   {accuracy:>5} ({row['speaker_n']})")
    for name in SETS if errors else ():
        for what in ("false_positives", "false_negatives", "wrong_speakers"):
            for label in result[name][what][:errors]:
                print(f"    {name} {what[:-1].replace('_', ' ')}: {label}")
    for key in ("missing", "unlocated"):
        for entry in result.get(key, ()):
            print(f"  {key}: {entry}")
    if "not_quotes" in result:
        not_quotes = result["not_quotes"]
        print(f"  not-quotes (scare quotes, coinages) predicted: {len(not_quotes['hits'])} of {not_quotes['listed']}")
        for label in not_quotes["hits"][:errors]:
            print(f"    not a quote: {label}")
    print()


def print_agreement(agreement: dict) -> None:
    print(f"PolNeAR agreement ({agreement['texts']} texts with several annotators, "
          f"{agreement['annotations']} annotations; each scored against each other, storyline against each)")
    print(f"  {'set':<9} {'people P':>8} {'R':>6} {'F1':>6}   {'storyline P':>11} {'R':>6} {'F1':>6}")
    for name in SETS:
        people, machine = agreement["people"][name], agreement["storyline"][name]
        print(f"  {name:<9} {people['precision']:>8.3f} {people['recall']:>6.3f} {people['f1']:>6.3f}   "
              f"{machine['precision']:>11.3f} {machine['recall']:>6.3f} {machine['f1']:>6.3f}")
    print()


def _summary(result: dict) -> dict:
    """A result without the error listings (for --json)."""
    return {key: ({k: v for k, v in value.items() if not k.startswith("false_")} if key in SETS else value)
            for key, value in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description="Score quotation extraction on PolNeAR dev, the seeds, the examples.")
    parser.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR texts (by name)")
    parser.add_argument("--errors", type=int, default=0, help="list up to N false positives and negatives per set")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of tables")
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="PolNeAR split: the rules were tuned on dev; train is a check on other articles")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N PolNeAR texts (by name)")
    parser.add_argument("--learned", action="store_true",
                        help="with the learned scorer of reported speech (storyline quotes --learned)")
    parser.add_argument("--transformer", action="store_true",
                        help="with the transformer scorer instead (storyline quotes --transformer; make transformer)")
    args = parser.parse_args()
    from storyline.errors import StorylineError
    from storyline.pipeline import check_scorer
    from storyline.settings import Settings

    settings = Settings(show_progress=False, learned_quotes=args.learned or args.transformer,
                        learned_scorer="transformer" if args.transformer else "linear")
    try:
        check_scorer(settings)
    except StorylineError as exc:
        sys.exit(f"error: {exc}")
    results = {}
    root = POLNEAR_DEV.parent / args.split
    if root.is_dir():
        results["polnear"] = score_polnear(args.limit, root=root, offset=args.offset, settings=settings)
        agreement = score_agreement(settings=settings)
    else:
        print(f"no PolNeAR at {root}; skipped", file=sys.stderr)
    if (SHARED / "seeds").is_dir():
        results["seeds"] = score_seeds(SHARED, settings=settings)
    else:
        print(f"no seeds at {SHARED / 'seeds'}; skipped", file=sys.stderr)
    results["examples"] = score_examples(EXAMPLES, settings=replace(settings, db_path=None))
    if args.json:
        print(json.dumps({**{name: _summary(result) for name, result in results.items()},
                          **({"agreement": agreement} if root.is_dir() else {})}, indent=2))
        return
    titles = {"polnear": f"PolNeAR {args.split} ({results.get('polnear', {}).get('texts')} texts, first annotator)",
              "seeds": "seeds (raw text, eval/gold/seeds-quotes.json)",
              "examples": "examples (cleaned bodies, examples/annotation.json; indirect gold not exhaustive)"}
    for name, result in results.items():
        print_table(titles[name], result, args.errors)
    if root.is_dir():
        print_agreement(agreement)
    print(REFERENCE)
    print(GOALS)


if __name__ == "__main__":
    main()
