"""Temporal expressions (TimeML TIMEX3): TempEval-3 task A on TimeBank and AQUAINT, and MEANTIME.

Data, read at run time from `../shared/datasets` (never copied into the repository):

- TempEval-3 training data, `tempeval3/TBAQ-cleaned/{TimeBank,AQUAINT}/*.tml` (183 and
  73 news texts). The document creation time (DCT) is the TIMEX3 with
  `functionInDocument="CREATION_TIME"`; only TIMEX3 inside `<TEXT>` are scored, on
  the text of `<TEXT>` with every tag stripped and entities decoded, so offsets are
  character offsets into that plain text.
- NewsReader MEANTIME, `meantime/intra_cross-doc_annotation/corpus_*/*.xml` (English
  Wikinews, token-level XML). The text is rebuilt from the tokens (one line per
  sentence, a space between tokens except before closing punctuation and around
  hyphens) and each TIMEX3's tokens give its character span; TIMEX3 with no tokens
  (empty tags the annotators added for anchoring) are not scored. The DCT is the
  TIMEX3 with `functionInDocument="CREATION_TIME"`; it is also a dateline in the
  text, and that dateline is scored like any other expression. MEANTIME annotates only
  the title, the dateline and the first sentences of each article (sentences 0-5), so
  system expressions after the end of sentence 5 are not scored.

Measures (TempEval-3 task A), micro-averaged over the texts of a corpus:

- strict span P/R/F1: a system expression matches a gold one with exactly its offsets;
- relaxed span P/R/F1: pairs that overlap, taken one-to-one (largest overlap first);
- type accuracy and value accuracy: over the relaxed matches, how many have the gold
  type (DATE, TIME, DURATION, SET) or the gold value;
- value P/R/F1: a relaxed match with the gold value counts; precision over system
  expressions, recall over gold ones. This is TempEval-3's headline figure.

Before values are compared, both sides are put in one spelling of the same value (`canonical`),
never changing what a value means: ISO weeks zero-padded ("2000-W7" = "2000-W07"), a decade or
century with its open digits written as X or left out ("198X" = "198", "19XX" = "19"), and a
clock time to the hour with or without ":00" ("T17" = "T17:00"). The gold writes each of these
both ways.

For context, on the TempEval-3 test set HeidelTime reached value F1 0.776 and SUTime
0.674. Our goals on TimeBank and AQUAINT together: value F1 >= 0.82 and relaxed span
F1 >= 0.92. The rules were written mostly while looking at TimeBank errors; AQUAINT
and MEANTIME serve as the held-out check (see docs for the figures).

    .venv/bin/python eval/timex.py [--corpus all|timebank|aquaint|meantime] [--limit N] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.extract.timexes import tag_timexes

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"
TEMPEVAL = SHARED / "tempeval3" / "TBAQ-cleaned"
MEANTIME = SHARED / "meantime" / "intra_cross-doc_annotation"
CORPORA = ("TimeBank", "AQUAINT", "TempEval-3", "MEANTIME")
MEANTIME_SENTENCES = 5  # the last sentence number MEANTIME annotates


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class Document:
    name: str
    text: str
    dct: str | None
    gold: list[GoldTimex] = field(default_factory=list)
    scored_until: int | None = None  # system expressions starting later are not scored (MEANTIME)


# -- reading TimeML

_MARKUP = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);|[^<&]+|[<&]")
_ATTRIBUTE = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


def _attributes(raw: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(raw)}


def parse_tml(source: str, name: str = "") -> Document:
    """The plain text of `<TEXT>`, its TIMEX3 as character spans in it, and the DCT."""
    dct = None
    for match in re.finditer(r"<TIMEX3([^>]*)>", source):
        attributes = _attributes(match.group(1))
        if attributes.get("functionInDocument") == "CREATION_TIME":
            dct = attributes.get("value", "")[:10] or None
            break
    body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.DOTALL)
    content = body.group(1) if body else ""
    pieces: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    opened: tuple[int, dict[str, str]] | None = None
    for match in _MARKUP.finditer(content):
        token = match.group(0)
        if match.group(2):
            if match.group(2) == "TIMEX3":
                if match.group(1):
                    if opened is not None:
                        start, attributes = opened
                        gold.append(GoldTimex(start, length, attributes.get("type", ""), attributes.get("value", "")))
                    opened = None
                elif not match.group(4):
                    opened = (length, _attributes(match.group(3)))
            continue
        piece = html.unescape(token) if token.startswith("&") else token
        pieces.append(piece)
        length += len(piece)
    return Document(name, "".join(pieces), dct, gold)


def _read(path: Path) -> str:
    """A few .tml files are Latin-1, the rest UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def load_tempeval(corpus: str, *, limit: int | None = None, root: Path = TEMPEVAL) -> list[Document]:
    """The `.tml` texts of one TempEval-3 corpus ("TimeBank" or "AQUAINT"), sorted by name."""
    paths = sorted((root / corpus).glob("*.tml"))[:limit]
    return [parse_tml(_read(path), path.stem) for path in paths]


# -- reading MEANTIME

_NO_SPACE_BEFORE = frozenset(", . ; : ! ? ) ] } % 's ' n't 're 've 'll 'd 'm ''".split())
_NO_SPACE_AFTER = frozenset("( [ { $ ``".split())


def parse_meantime(source: str, name: str = "") -> Document:
    """Rebuild the text of a MEANTIME document from its tokens; TIMEX3 spans over those tokens."""
    root = ET.fromstring(source)
    spans: dict[str, tuple[int, int]] = {}
    pieces: list[str] = []
    length = 0
    previous_sentence = None
    previous = ""
    scored_until = None
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if previous_sentence is not None:
            if sentence != previous_sentence:
                separator = "\n"
            elif word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER or word == "-" or previous == "-":
                separator = ""
            else:
                separator = " "
            pieces.append(separator)
            length += len(separator)
        spans[token.get("t_id", "")] = (length, length + len(word))
        if int(token.get("sentence") or 0) <= MEANTIME_SENTENCES:
            scored_until = length + len(word)
        pieces.append(word)
        length += len(word)
        previous_sentence, previous = sentence, word
    dct = None
    gold: list[GoldTimex] = []
    markables = root.find("Markables")
    for timex in markables.iter("TIMEX3") if markables is not None else ():
        if timex.get("functionInDocument") == "CREATION_TIME" and dct is None:
            dct = (timex.get("value") or "")[:10] or None
        anchors = [spans[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id", "") in spans]
        if anchors:
            gold.append(GoldTimex(min(s for s, _ in anchors), max(e for _, e in anchors), timex.get("type", ""),
                                  timex.get("value", "")))
    gold.sort(key=lambda g: g.start)
    return Document(name, "".join(pieces), dct, gold, scored_until)


def load_meantime(*, limit: int | None = None, root: Path = MEANTIME) -> list[Document]:
    """The English MEANTIME documents, sorted by path."""
    paths = sorted(root.glob("*/*.xml"))[:limit]
    return [parse_meantime(path.read_text(encoding="utf-8"), path.stem) for path in paths]


# -- scoring

_WEEK = re.compile(r"^(\d{4})-W(\d)(?!\d)")
_OPEN_DIGITS = re.compile(r"^(\d\d|\d{3})X+$")
_WHOLE_HOUR = re.compile(r"(T\d\d)$")


def canonical(value: str) -> str:
    """One spelling of a TIMEX3 value ("2000-W7" -> "2000-W07", "198X" -> "198", "T17" -> "T17:00")."""
    value = _WEEK.sub(r"\1-W0\2", value)
    value = _OPEN_DIGITS.sub(r"\1", value)
    return _WHOLE_HOUR.sub(r"\1:00", value)


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    type: str
    value: str


def match(gold: Sequence[GoldTimex], predicted: Sequence[Predicted]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, largest overlap first."""
    candidates = []
    j0 = 0
    for i, g in enumerate(gold):
        for j in range(j0, len(predicted)):
            p = predicted[j]
            if p.start >= g.end:
                break
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _prf(right: int, predicted: int, gold: int) -> dict[str, float]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_right: int = 0
    value_right: int = 0
    seconds: float = 0.0
    characters: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, object]:
        return {
            "gold": self.gold, "predicted": self.predicted,
            "strict": _prf(self.strict, self.predicted, self.gold),
            "relaxed": _prf(self.relaxed, self.predicted, self.gold),
            "type_accuracy": round(self.type_right / self.relaxed, 4) if self.relaxed else 0.0,
            "value_accuracy": round(self.value_right / self.relaxed, 4) if self.relaxed else 0.0,
            "value": _prf(self.value_right, self.predicted, self.gold),
            "ms_per_1000_chars": round(1000 * self.seconds / self.characters * 1000, 4) if self.characters else 0.0,
        }


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def score(documents: Iterable[Document], counts: Counts | None = None) -> Counts:
    """Tag every document against its DCT and add its figures to `counts`."""
    counts = counts or Counts()
    for document in documents:
        began = time.perf_counter()
        timexes, _ = tag_timexes(document.text, document.dct)
        counts.seconds += time.perf_counter() - began
        counts.characters += len(document.text)
        until = document.scored_until if document.scored_until is not None else len(document.text)
        predicted = [Predicted(t.start, t.end, t.type, t.value) for t in timexes if t.start < until]
        gold = document.gold
        counts.gold += len(gold)
        counts.predicted += len(predicted)
        pairs = match(gold, predicted)
        matched_gold = {i for i, _ in pairs}
        matched_predicted = {j for _, j in pairs}
        for i, j in pairs:
            g, p = gold[i], predicted[j]
            counts.relaxed += 1
            counts.strict += (g.start, g.end) == (p.start, p.end)
            counts.type_right += g.type == p.type
            same_value = canonical(g.value) == canonical(p.value)
            counts.value_right += same_value
            if (g.start, g.end) != (p.start, p.end) or not same_value or g.type != p.type:
                kind = "span" if same_value and g.type == p.type else "value"
                counts.errors.append({"kind": kind, "document": document.name, "dct": document.dct or "",
                                      "context": _context(document.text, g.start, g.end),
                                      "gold": f"{document.text[g.start:g.end]!r} {g.type} {g.value}",
                                      "system": f"{document.text[p.start:p.end]!r} {p.type} {p.value}"})
        for i, g in enumerate(gold):
            if i not in matched_gold:
                counts.errors.append({"kind": "missed", "document": document.name, "dct": document.dct or "",
                                      "context": _context(document.text, g.start, g.end),
                                      "gold": f"{document.text[g.start:g.end]!r} {g.type} {g.value}", "system": ""})
        for j, p in enumerate(predicted):
            if j not in matched_predicted:
                counts.errors.append({"kind": "spurious", "document": document.name, "dct": document.dct or "",
                                      "context": _context(document.text, p.start, p.end), "gold": "",
                                      "system": f"{document.text[p.start:p.end]!r} {p.type} {p.value}"})
    return counts


def evaluate(corpora: Sequence[str] = CORPORA, *, limit: int | None = None) -> dict[str, Counts]:
    """Counts per corpus; "TempEval-3" is TimeBank and AQUAINT together. Missing data is left out."""
    results: dict[str, Counts] = {}
    wanted = set(corpora)
    if wanted & {"TimeBank", "AQUAINT", "TempEval-3"} and TEMPEVAL.is_dir():
        together = Counts()
        for name in ("TimeBank", "AQUAINT"):
            counts = score(load_tempeval(name, limit=limit))
            results[name] = counts
            for attribute in ("gold", "predicted", "strict", "relaxed", "type_right", "value_right", "seconds",
                              "characters"):
                setattr(together, attribute, getattr(together, attribute) + getattr(counts, attribute))
            together.errors.extend(counts.errors)
        results["TempEval-3"] = together
    if "MEANTIME" in wanted and MEANTIME.is_dir():
        results["MEANTIME"] = score(load_meantime(limit=limit))
    return {name: counts for name, counts in results.items() if name in wanted}


def _table(results: dict[str, Counts]) -> str:
    header = (f"{'corpus':<11} {'gold':>5} {'sys':>5}  {'strict P/R/F1':<17}  {'relaxed P/R/F1':<17}  "
              f"{'type':>5} {'value':>5}  {'value P/R/F1':<17} {'ms/1k':>6}")
    lines = [header, "-" * len(header)]
    for name, counts in results.items():
        f = counts.figures()

        def prf(key: str, f: dict = f) -> str:
            return "{precision:.3f}/{recall:.3f}/{f1:.3f}".format(**f[key])

        lines.append(f"{name:<11} {f['gold']:>5} {f['predicted']:>5}  {prf('strict'):<17}  {prf('relaxed'):<17}  "
                     f"{f['type_accuracy']:>5.3f} {f['value_accuracy']:>5.3f}  {prf('value'):<17} "
                     f"{f['ms_per_1000_chars']:>6.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("all", "timebank", "aquaint", "tempeval3", "meantime"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N texts of each corpus")
    parser.add_argument("--errors", type=int, default=0, help="print N mismatches with context")
    parser.add_argument("--kind", choices=("span", "value", "missed", "spurious"), default=None,
                        help="with --errors: only mismatches of this kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"no datasets at {SHARED}", file=sys.stderr)
        return 1
    chosen = {"all": CORPORA, "timebank": ("TimeBank",), "aquaint": ("AQUAINT",), "tempeval3": ("TempEval-3",),
              "meantime": ("MEANTIME",)}[args.corpus]
    results = evaluate(chosen, limit=args.limit)
    if args.json:
        print(json.dumps({name: counts.figures() for name, counts in results.items()}, indent=2))
    else:
        print(_table(results))
    if args.errors:
        seen = 0
        for name, counts in results.items():
            if name == "TempEval-3" and len(results) > 1:
                continue
            for error in counts.errors:
                if args.kind and error["kind"] != args.kind:
                    continue
                if seen >= args.errors:
                    break
                seen += 1
                print(f"[{name} {error['document']} dct={error['dct']}] {error['kind']}: {error['context']}\n"
                      f"    gold: {error['gold'] or '-'} | system: {error['system'] or '-'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
