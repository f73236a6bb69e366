"""extract/reported.py: the learned scorer of reported speech the rules miss (`learned_quotes`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract import reported
from storyline.pipeline import quotes_of_texts
from storyline.settings import Settings

LEARNED = Settings(show_progress=False, learned_quotes=True)
# Neither verb is one the rules know: `weighed in on` and `pushed for` are found by the scorer only.
TEXT = ("Senator Ada Quill weighed in on the dispute over the harbour tariffs. "
        "Bellin pushed for deeper ties with the port authority.")


def test_the_bundled_weights_load_and_score() -> None:
    table = reported.weights()
    assert len(table) > 1000 and "bias" in table
    assert 0.0 < reported.probability(["bias"], table) < 1.0
    assert reported.probability([], {}) == 0.5


def test_features_are_plain_strings_about_cue_and_content() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    doc = nlp("Ada urged calm")
    for token, head, dep in zip(doc, (1, 1, 1), ("nsubj", "ROOT", "dobj")):
        token.head, token.dep_ = doc[head], dep
    (cue, child, root), = reported.candidates(doc)
    assert (cue.text, child.text, root.text) == ("urged", "calm", "calm")
    found = reported.features(cue, child, root, lambda t: t.lower_, frozenset({"urged"}), False)
    assert {"cue=urged", "dep=dobj", "cue+dep=urged|dobj", "subject=nsubj", "known=True", "first=calm"} <= set(found)


@pytest.mark.model
def test_the_learned_scorer_adds_what_the_rules_miss_and_only_when_asked() -> None:
    _, (plain,), _ = quotes_of_texts([TEXT], settings=Settings(show_progress=False))
    _, (learned,), _ = quotes_of_texts([TEXT], settings=LEARNED)
    assert {(q.start, q.end) for q in plain} <= {(q.start, q.end) for q in learned}
    added = [q for q in learned if (q.start, q.end) not in {(p.start, p.end) for p in plain}]
    assert added and all(q.kind == "indirect" and q.cue and TEXT[q.start:q.end] == q.text for q in added)
    assert {(q.cue, q.speaker.name, q.text) for q in added} == {
        ("weighed in", "Ada Quill", "the dispute over the harbour tariffs"),
        ("pushed", "Bellin", "deeper ties with the port authority")}


@pytest.mark.model
def test_the_learned_scorer_never_overlaps_the_rules() -> None:
    text = ('Mayor Ivo Bellin said the council backed the plan. "We will build it," he said. '
            "Bellin pushed for deeper ties with the port authority.")
    _, (quotes,), _ = quotes_of_texts([text], settings=LEARNED)
    spans = sorted((q.start, q.end) for q in quotes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert {q.text for q in quotes} == {"the council backed the plan", "We will build it",
                                        "deeper ties with the port authority"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
       st.tuples(st.integers(0, 60), st.integers(0, 20)))
def test_the_overlap_test_agrees_with_overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> None:
    spans = [(start, start + length) for start, length in spans]
    span = (span[0], span[0] + span[1])
    assert reported._overlap_test(spans)(span) == reported._overlaps(span, spans)
