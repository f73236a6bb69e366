"""Reported speech the rules of `quotes.py` did not find, picked by a learned scorer.

The rules know a few hundred verbs of saying, believing and taking a stand, and the
shapes of sentence they come in. News attributes far more widely: `Trump has
repeatedly wondered whether ...`, `Cruz weighed in on the plan`, `the group urged
its members to vote`. Here every verb (or noun) of a sentence with a complement, an
object or a prepositional phrase is a candidate: the complement is the content, the
verb the cue. A logistic regression scores each candidate from the words and the
parse around it (the verb, how the content hangs on it, its subject, the content's
first word); one scoring `THRESHOLD` or more becomes a statement of reported speech
when no statement found by the rules overlaps it. Candidates are taken best first,
never two overlapping.

The weights (`storyline/data/reported-speech.tsv`) are learned by
`eval/train_reported.py` from the PolNeAR train split, without the documents kept
as an unseen check; the dev split scored by `eval/quotes.py` is never seen. They
hold one weight per feature: a feature is a short string, such as `cue=urge` or
`cue+dep=weigh|prep`. Scoring a candidate is a sum of its features' weights.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEIGHTS = "reported-speech.tsv"
THRESHOLD = 0.5  # from which a candidate is kept: the top of a plateau of F1 from 0.35 to 0.5, the fewest additions

# How a content hangs on its cue: a clause (`wondered whether ...`), an object (`weighed the
# plan`), a phrase after a preposition (`called for ...`: the content is what follows it), ...
CONTENT_DEPS = frozenset("ccomp xcomp dobj prep advcl attr oprd acomp".split())
SUBJECT_DEPS = frozenset("nsubj nsubjpass csubj".split())
PRONOUNS = frozenset("he she they i we it you".split())
REFERRING = frozenset("he she they it who which that".split())
LONG = 20  # tokens; the length feature counts up to here


def content_root(child: Token) -> Token | None:
    """The head of the content a child of the cue carries: the child itself, or the object of a preposition."""
    if child.dep_ != "prep":
        return child
    return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)


def candidates(doc: Doc) -> Iterator[tuple[Token, Token, Token]]:
    """`(cue, child, content root)` for every possible statement of `doc`."""
    for head in doc:
        if head.is_punct or head.is_space:
            continue
        for child in head.children:
            if child.dep_ in CONTENT_DEPS and (root := content_root(child)) is not None:
                yield head, child, root


def features(head: Token, child: Token, root: Token, lemma: Callable[[Token], str], known: frozenset[str],
             quoted: bool, tokens: list[Token] | None = None,
             sentence: tuple[bool, bool] | None = None) -> list[str]:
    """The features of one candidate; `lemma` gives a token's lemma, `known` is the rules' cue
    words, `quoted` whether the cue stands inside quotation marks, `tokens` the content's
    (`root.subtree`) and `sentence` the `sentence_facts` of the cue's sentence, both read
    here when not given."""
    cue = lemma(head)
    headline, quote_in_sentence = sentence if sentence is not None else sentence_facts(head.sent)
    dep = child.dep_
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    subject = subjects[0] if subjects else None
    tokens = list(root.subtree) if tokens is None else tokens
    first, last = tokens[0], tokens[-1]
    size = len(tokens)
    found = [
        "bias", f"cue={cue}", f"dep={dep}", f"cue+dep={cue}|{dep}", f"cue.dep={head.dep_}",
        f"cue.dep+dep={head.dep_}|{dep}", f"subject={subject.dep_ if subject is not None else 'none'}",
        f"first={first.lower_}", f"first+dep={first.lower_}|{dep}", f"content.ent={root.ent_type_ or '-'}",
        f"size={size if size < 12 else 12 if size < LONG else LONG}",
        f"negated={any(c.dep_ == 'neg' for c in head.children)}", f"known={cue in known}", f"quoted={quoted}",
        f"content={'after' if first.i > head.i else 'before'}", f"ending={head.lower_[-3:]}",
        f"capital={head.text[:1].isupper()}", f"cue.head={head.dep_}|{lemma(head.head)}",
        f"root={root.lower_}|{dep}", f"headline={headline}", f"quote.in.sentence={quote_in_sentence}",
        f"cue+first={cue}|{first.lower_}", f"cue+cue.dep={cue}|{head.dep_}",
        f"cue+subject={cue}|{subject.dep_ if subject is not None else 'none'}",
    ]
    if dep == "prep":
        found += [f"prep={child.lower_}", f"cue+prep={cue}|{child.lower_}"]
    if subject is not None:
        kind = subject.ent_type_ or "-"
        found += [f"subject.ent={kind}", f"subject.pronoun={subject.lower_ in PRONOUNS}",
                  f"cue+subject.kind={cue}|{subject.lower_ if subject.lower_ in REFERRING else kind}",
                  f"subject.word={subject.ent_type_ or subject.lower_}"]
    if any(c.dep_ == "agent" for c in head.children):
        found.append("agent")
    if head.dep_ == "relcl":
        found.append("relative")
    for other in head.children:
        if other.dep_ == "prt":
            found.append(f"particle={cue}|{other.lower_}")
        elif other.dep_ == "aux":
            found.append(f"aux={other.lower_}")
        elif other.dep_ in ("dobj", "dative") and other is not child:
            found.append(f"second.object|{dep}")
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    found.append(f"next={after.lower_ if after is not None and after.is_punct else 'word'}")
    return found


def sentence_facts(sentence: Span) -> tuple[bool, bool]:
    """Whether `sentence` is its doc's first (a headline), and whether it holds a quotation mark."""
    return sentence.start == 0, any(t.is_quote for t in sentence)


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The bundled weights, read once."""
    text = files("storyline.data").joinpath(WEIGHTS).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition("\t")
            table[name] = float(value)
    return table


def probability(found: list[str], table: dict[str, float]) -> float:
    z = sum(table.get(name, 0.0) for name in found)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[tuple[int, int]], bool]:
    """`_overlaps(span, spans)` for many spans against the same `spans`: the spans that start
    before `span` ends are a prefix of them sorted by start, and one of those overlaps it when
    the furthest end in that prefix lies past its start."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    furthest = list(accumulate((end for _, end in ordered), max))

    def overlaps(span: tuple[int, int]) -> bool:
        before = bisect_left(starts, span[1])
        return before > 0 and furthest[before - 1] > span[0]
    return overlaps


def open_candidates(doc: Doc, taken: list[tuple[int, int]], *, lemma: Callable[[Token], str],
                    known: frozenset[str], quoted: Callable[[int], bool],
                    quoted_share: Callable[[tuple[int, int]], float]
                    ) -> Iterator[tuple[Token, tuple[int, int], list[str]]]:
    """`(cue, content span, features)` of the candidates that overlap no span of `taken` (the
    statements found by the rules) and whose content is not mostly quoted words."""
    overlaps = _overlap_test(taken)
    facts: list[tuple[bool, bool]] = []  # `sentence_facts` of each token's sentence, read once
    for head, child, root in candidates(doc):
        tokens = list(root.subtree)  # its edges: `left_edge`/`right_edge` can differ where arcs cross
        span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        if overlaps(span) or quoted_share(span) >= 0.5:
            continue
        if not facts:
            for sentence in doc.sents:
                facts += [sentence_facts(sentence)] * len(sentence)
        yield head, span, features(head, child, root, lemma, known, quoted(head.idx), tokens, facts[head.i])


def learned_statements(doc: Doc, taken: list[tuple[int, int]], *, scorer: str = "linear",
                       **helpers) -> list[tuple[Token, tuple[int, int]]]:
    """`(cue, content span)` of the candidates kept, in text order; `scorer` is "linear" (the
    weights here) or "transformer" (`reported_transformer.py`), `helpers` as for `open_candidates`."""
    found = list(open_candidates(doc, taken, **helpers))
    table = weights()
    scores = [probability(features, table) for _, _, features in found]
    threshold = THRESHOLD
    if scorer == "transformer":
        from . import reported_transformer as transformer  # PyTorch is imported only when chosen
        # the mean of both scorers; the transformer reads only what the linear one does not rule out
        read = [i for i, score in enumerate(scores) if score >= transformer.PRESELECT]
        read_scores = transformer.probabilities([transformer.candidate_text(doc.text, *found[i][:2]) for i in read])
        scores = [score / 2 for score in scores]
        for i, score in zip(read, read_scores, strict=True):
            scores[i] += score / 2
        threshold = transformer.THRESHOLD
    scored = [(score, head, span) for score, (head, span, _) in zip(scores, found, strict=True)]
    kept: list[tuple[Token, tuple[int, int]]] = []
    for score, head, span in sorted(scored, key=lambda item: (-item[0], item[2])):
        if score >= threshold and not _overlaps(span, [s for _, s in kept]):
            kept.append((head, span))
    return sorted(kept, key=lambda item: item[1])
