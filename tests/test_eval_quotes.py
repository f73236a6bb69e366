"""eval/quotes.py: the brat reader, the direct/indirect rule and the matcher on hand-built quotes; quality floors."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from storyline.model import Mention, Quote, Speaker

ROOT = Path(__file__).resolve().parents[1]

# Just under what is measured (docs/quality.md); PolNeAR on all 84 dev texts (about 15 s).
POLNEAR_DIRECT_F1_FLOOR = 0.905
POLNEAR_DIRECT_SPEAKER_FLOOR = 0.94
POLNEAR_INDIRECT_F1_FLOOR = 0.65
# With the learned scorer of reported speech (`learned_quotes`, `storyline quotes --learned`).
POLNEAR_LEARNED_INDIRECT_F1_FLOOR = 0.685
# With the optional transformer scorer (`learned_scorer = "transformer"`; runs only after `make transformer`).
POLNEAR_TRANSFORMER_INDIRECT_F1_FLOOR = 0.70
SEEDS_DIRECT_F1_FLOOR = 0.99
SEEDS_DIRECT_SPEAKER_FLOOR = 0.99
SEEDS_F1_FLOOR = 0.85
EXAMPLES_DIRECT_F1_FLOOR = 0.98
# The examples' reported speech is not annotated exhaustively: recall is pinned, not precision.
EXAMPLES_RECALL_FLOOR = 0.90
# Predictions allowed on an annotated scare quote or coinage.
NOT_QUOTES_CEILING = 0


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "eval" / "quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_quotes", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ev = _eval_module()


# -- the brat reader

ANN = "\n".join([
    "T1\tSource 0 5\tKirby",
    "T2\tCue 6 10\tsaid",
    "T3\tContent 11 20;25 30\tsome text more.",
    "T4\tAttribution 6 10\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tContent 40 50\tno source",
    "T6\tCue 51 58\tclaimed",
    "T7\tAttribution-no-source 51 58\tclaimed",
    "E2\tAttribution-no-source:T7 Content:T5 Cue:T6",
    "T8\tContent 60 70\tpart one.",
    "T9\tContent 75 80\tpart two",
    "T10\tAttribution 71 74\tsaid",
    "E3\tAttribution:T10 Content:T8 Content2:T9 Cue:T2 Source:T1",
    "T11\tAttribution-no-source 90 95\tasked",
    "E4\tAttribution-no-source:T11 ",
    "T12\tDiscard 100 110\tRead more",
])


def test_brat_events_discontinuous_spans_and_missing_source() -> None:
    first, second, third = ev.parse_brat(ANN)
    assert first == ev.Attribution(content=((11, 20), (25, 30)), source=((0, 5),), cue=((6, 10),))
    assert second.content == ((40, 50),) and second.source == () and second.cue == ((51, 58),)
    assert third.content == ((60, 70), (75, 80))  # Content2 is a further piece
    assert len(ev.parse_brat(ANN)) == 3  # the event with no Content is skipped


def test_load_polnear_takes_the_first_annotator(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_story.txt").write_text("Kirby said it was over.", encoding="utf-8")
    (tmp_path / "text" / "b_story.txt").write_text("Nothing here.", encoding="utf-8")
    (tmp_path / "attributions" / "a_story_zz99.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "a_story_4b22.ann").write_text(
        "T1\tSource 0 5\tKirby\nT2\tContent 11 22\tit was over\nE1\tAttribution:T3 Content:T2 Source:T1\n",
        encoding="utf-8")
    (tmp_path / "attributions" / "b_story_4b22.ann").write_text("", encoding="utf-8")
    docs = ev.load_polnear(tmp_path)
    assert [name for name, _, _ in docs] == ["a_story", "b_story"]
    assert docs[0][2] == [ev.Attribution(content=((11, 22),), source=((0, 5),))]
    assert len(ev.load_polnear(tmp_path, limit=1)) == 1


@pytest.mark.model
def test_agreement_scores_annotators_against_each_other_and_storyline_against_each(tmp_path: Path) -> None:
    text = "Kirby said the talks were over. Mira Holt said the ferry would run in June."
    kirby = "T1\tSource 0 5\tKirby\nT2\tContent 11 30\tthe talks were over\nE1\tAttribution:T3 Content:T2 Source:T1\n"
    holt = "T4\tSource 32 41\tMira Holt\nT5\tContent 47 74\tthe ferry would run in June\n" \
           "E2\tAttribution:T6 Content:T5 Source:T4\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name in ("a_story", "b_story"):
        (tmp_path / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "a_story_4b22.ann").write_text(kirby + holt, encoding="utf-8")
    (tmp_path / "attributions" / "a_story_5fec.ann").write_text(kirby, encoding="utf-8")  # missed Holt's
    (tmp_path / "attributions" / "b_story_4b22.ann").write_text(kirby, encoding="utf-8")  # one annotator: left out
    assert list(ev.several_annotators(tmp_path)) == ["a_story"]
    result = ev.score_agreement([tmp_path])
    assert (result["texts"], result["annotations"]) == (1, 2)
    people = result["people"]["indirect"]  # 2 + 1 gold, 1 + 2 predicted, 1 + 1 matched
    assert (people["gold"], people["predicted"], people["matched"]) == (3, 3, 2)
    assert people["precision"] == people["recall"] == pytest.approx(2 / 3)
    machine = result["storyline"]["indirect"]  # both statements found: against each annotator in turn
    assert (machine["gold"], machine["predicted"], machine["matched"]) == (3, 4, 3)
    assert machine["recall"] == 1.0 and machine["precision"] == 0.75


# -- direct or indirect


def _kind(text: str, content: str) -> str:
    start = text.index(content)
    return ev.classify(text, [(start, start + len(content))])


@pytest.mark.parametrize(("text", "content", "kind"), [
    ('He said, "We will win the vote."', '"We will win the vote."', "direct"),
    ("He said, “We will win the vote.”", "We will win the vote.", "direct"),
    ("She said Trump was a “con artist” on Monday.", "Trump was a “con artist”", "indirect"),
    ("She called it “a disgrace to the office”.", "it “a disgrace to the office”", "direct"),  # 5 of 6 quoted
    ("It’s the Clintons’ plan, he said.", "It’s the Clintons’ plan", "indirect"),  # apostrophes
    ("He called it ‘a total disgrace’ today.", "‘a total disgrace’", "direct"),
    ("He said that was ''not in line with our policy.''", "''not in line with our policy.''", "direct"),
    ("Voters wrote: ”Fear. I am truly afraid.”", "”Fear. I am truly afraid.”", "direct"),  # opened by a closing mark
    ('He read: "The question: “Do you agree?” Most did."', "“Do you agree?” Most did.", "direct"),  # nested marks
    ("“The first paragraph runs on\n\n“and the second closes,” she said.", "The first paragraph runs on", "direct"),
    ("The minister said the port would reopen.", "the port would reopen", "indirect"),
])
def test_classify(text: str, content: str, kind: str) -> None:
    assert _kind(text, content) == kind


def test_classify_over_pieces() -> None:
    text = "“We are ready,” he said, adding that the port would reopen soon after the storm had passed."
    quoted = (1, text.index("”"))
    reported = (text.index("the port"), len(text) - 1)
    assert ev.classify(text, [quoted]) == "direct"
    assert ev.classify(text, [quoted, reported]) == "indirect"  # 3 of 12 words quoted


# -- matching and scoring with hand-built quotes

TEXT = ('Kirby said the deal shows intent and will be watched closely. "We will act now, and we will act together," '
        'he said. "Nobody should doubt it." The minister denied that any deal had been signed at all.')


def _span(part: str) -> tuple[int, int]:
    """The first occurrence of `part` in TEXT not inside a word ("he" is not the end of "the")."""
    before, after = ("(?<!\\w)" if part[0].isalnum() else ""), ("(?!\\w)" if part[-1].isalnum() else "")
    found = re.search(before + re.escape(part) + after, TEXT)
    assert found, part
    return found.span()


def _quote(*parts: str, kind: str = "direct", name: str | None = None, mention: str | None = None,
           article: str = "doc") -> Quote:
    pieces = [Mention(article, *_span(p), p) for p in parts]
    speaker = Speaker(name=name, mention=Mention(article, *_span(mention), mention) if mention else None)
    return Quote(id=f"q{parts[0][:5]}", article=article, start=pieces[0].start, end=pieces[-1].end,
                 text=" ".join(parts), kind=kind, speaker=speaker, parts=tuple(pieces))


INDEX = ev.TokenIndex(TEXT)
ACT = "We will act now, and we will act together,"
DOUBT = "Nobody should doubt it."
DEAL = "the deal shows intent and will be watched closely"
SIGNED = "any deal had been signed at all"


def _gold(*parts: str, kind: str = "direct", speaker: str = "John Kirby", doc: str = "doc") -> ev.Item:
    return ev.Item(doc, INDEX.tokens([_span(p) for p in parts]), kind, speaker=speaker)


def _predicted(quote: Quote, doc: str = "doc") -> ev.Item:
    return ev.predicted_item(doc, INDEX, quote)


def test_exact_matches_and_speaker_by_name() -> None:
    gold = [_gold(ACT, DOUBT), _gold(DEAL, kind="indirect"), _gold(SIGNED, kind="indirect", speaker="minister")]
    predicted = [_predicted(_quote(ACT, DOUBT, name="Kirby")), _predicted(_quote(DEAL, kind="indirect", name="Kirby")),
                 _predicted(_quote(SIGNED, kind="indirect", name="Kirby"))]
    result = ev.score(gold, predicted)
    assert result["direct"] | {"false_positives": [], "false_negatives": [], "wrong_speakers": []} == {
        "gold": 1, "predicted": 1, "matched": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0,
        "speaker_n": 1, "speaker_right": 1, "speaker_accuracy": 1.0, "false_positives": [], "false_negatives": [],
        "wrong_speakers": []}
    assert result["indirect"]["f1"] == 1.0
    assert result["indirect"]["speaker_right"] == 1 and result["indirect"]["speaker_accuracy"] == 0.5
    assert result["all"]["matched"] == 3


def test_half_of_each_side_is_needed() -> None:
    gold = [_gold(ACT)]  # 9 tokens
    assert ev.score(gold, [_predicted(_quote("We will act now"))])["all"]["matched"] == 0  # 4 of 9
    assert ev.score(gold, [_predicted(_quote("We will act now, and"))])["all"]["matched"] == 1  # 5 of 9
    longer = _predicted(_quote(f'{ACT}" he said. "Nobody should'))  # 9 of its 13 tokens are gold
    assert ev.score(gold, [longer])["all"]["matched"] == 1
    exactly_half = _predicted(_quote(f'{ACT}" he said. "{DOUBT}" The minister denied'))  # 9 of 18
    assert ev.score(gold, [exactly_half])["all"]["matched"] == 1
    longest = _predicted(_quote(f'{ACT}" he said. "{DOUBT}" The minister denied that'))  # 9 of 19
    assert ev.score(gold, [longest])["all"]["matched"] == 0


def test_split_quote_parts() -> None:
    gold = [_gold(ACT, DOUBT)]
    assert ev.score(gold, [_predicted(_quote(ACT, DOUBT))])["direct"]["matched"] == 1
    assert ev.score(gold, [_predicted(_quote(DOUBT))])["direct"]["matched"] == 0  # 4 of 13
    assert ev.score(gold, [_predicted(_quote(ACT))])["direct"]["matched"] == 1  # 9 of 13
    whole = _quote(ACT, DOUBT)
    no_parts = Quote(id="q", article="doc", start=whole.start, end=whole.end, text=TEXT[whole.start:whole.end],
                     kind="direct")  # old data: the span stands for the content
    assert ev.score(gold, [_predicted(no_parts)])["direct"]["matched"] == 1


def test_one_to_one_largest_overlap_first() -> None:
    gold = [_gold(ACT), _gold(DOUBT)]
    predicted = [_predicted(_quote(ACT)), _predicted(_quote("We will act now, and we will act")),
                 _predicted(_quote(f'together," he said. "{DOUBT}'))]
    result = ev.score(gold, predicted)["all"]
    assert (result["gold"], result["predicted"], result["matched"]) == (2, 3, 2)
    assert result["precision"] == pytest.approx(2 / 3) and result["recall"] == 1.0
    assert len(result["false_positives"]) == 1 and "act now, and we will act" in result["false_positives"][0]


def test_kinds_go_to_their_sets() -> None:
    gold = [_gold(ACT, kind="direct"), _gold("act now", kind="partial"), _gold(DEAL, kind="indirect")]
    predicted = [_predicted(_quote(ACT, kind="indirect")), _predicted(_quote("act now", kind="partial")),
                 _predicted(_quote(DEAL, kind="direct"))]
    result = ev.score(gold, predicted)
    assert (result["direct"]["gold"], result["direct"]["predicted"], result["direct"]["matched"]) == (2, 2, 1)
    assert (result["indirect"]["gold"], result["indirect"]["predicted"], result["indirect"]["matched"]) == (1, 1, 0)
    assert result["all"]["matched"] == 3


def test_no_match_across_texts_and_empty_sets() -> None:
    assert ev.score([_gold(ACT, doc="a")], [_predicted(_quote(ACT), doc="b")])["all"]["matched"] == 0
    empty = ev.score([], [])
    for name in ev.SETS:
        assert empty[name]["f1"] == 0.0 and empty[name]["speaker_accuracy"] is None


def test_speaker_against_a_source_span() -> None:
    source = _span("Kirby")
    gold = ev.Item("doc", INDEX.tokens([_span(DEAL)]), "indirect", speaker_tokens=INDEX.tokens([source]),
                   speaker_words=frozenset({"kirby"}))
    by_mention = _predicted(_quote(DEAL, kind="indirect", mention="Kirby"))
    by_name = _predicted(_quote(DEAL, kind="indirect", name="John Kirby", mention="he"))  # "he" is not the Source
    wrong = _predicted(_quote(DEAL, kind="indirect", name="The minister", mention="The minister"))
    nobody = _predicted(_quote(DEAL, kind="indirect"))
    assert [ev.speaker_right(gold, p) for p in (by_mention, by_name, wrong, nobody)] == [True, True, False, False]
    no_source = ev.Item("doc", gold.tokens, "indirect")
    result = ev.score([no_source], [by_mention])["indirect"]
    assert result["matched"] == 1 and result["speaker_n"] == 0  # not judged


@pytest.mark.parametrize(("gold", "name", "right"), [
    ("Jake Sullivan", "Jake Sullivan", True), ("Jake Sullivan", "sullivan", True),
    ("Nasser Kanani Chafi", "Mr. Chafi", True), ("Jake Sullivan", "John Kirby", False),
    ("Jake Sullivan", None, False), ("White House officials", "officials", True),
])
def test_speaker_by_name(gold: str, name: str | None, right: bool) -> None:
    item = _gold(ACT, speaker=gold)
    assert ev.speaker_right(item, _predicted(_quote(ACT, name=name))) is right


# -- the gold files (no model)


def test_seed_gold_spans(seeds_dir: Path) -> None:
    if not seeds_dir.is_dir():
        pytest.skip("no seed scrapes beside the repository")
    gold = json.loads((ROOT / "eval" / "gold" / "seeds-quotes.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    assert {q["file"] for q in gold["quotes"]} == set(texts)
    for key in ("quotes", "not_quotes", "ignore"):
        for entry in gold[key]:
            assert "text" not in entry  # offsets only: the text stays in ../shared
            text = texts[entry["file"]]
            pieces = entry.get("parts") or [[entry["start"], entry["end"]]]
            assert all(0 <= s < e <= len(text) for s, e in pieces) and pieces == sorted(pieces), entry
            for s, e in pieces:
                span = text[s:e]
                assert span == span.strip(), entry
                if entry.get("kind") in ("direct", "partial"):  # the marks are not content
                    assert span[0] not in ev._QUOTE_CHARS and span[-1] not in ev._QUOTE_CHARS, entry
            if key == "quotes":
                assert entry["kind"] in ("direct", "partial", "indirect") and entry["speaker"], entry
    quoted = [(q["file"], s, e) for q in gold["quotes"] if q["kind"] != "indirect"
              for s, e in q.get("parts") or [[q["start"], q["end"]]]]
    for entry in gold["not_quotes"]:
        assert not any(f == entry["file"] and s < entry["end"] and entry["start"] < e for f, s, e in quoted), entry


def test_example_gold_is_found_in_the_cleaned_bodies(examples_dir: Path) -> None:
    from storyline.pipeline import clean_only
    from storyline.settings import Settings

    articles, _ = clean_only([examples_dir], settings=Settings(db_path=None, show_progress=False))
    bodies = {Path(a.source.split("#")[0]).name: a.body for a in articles}
    annotation = json.loads((examples_dir.parent / "annotation.json").read_text(encoding="utf-8"))
    located, unlocated = ev.example_gold(annotation, bodies)
    assert unlocated == []
    splits = [(name, pieces) for name, pieces, _, _ in located if len(pieces) > 1]
    assert len(splits) >= 10  # nine split quotes (S6 is split in 07 only) and a two-paragraph one
    assert all(a[1] < b[0] for _, pieces in splits for a, b in zip(pieces, pieces[1:]))


# -- quality floors (one scoring run shared by the tests below)


@pytest.fixture(scope="module")
def scores() -> dict:
    return {
        "polnear": ev.score_polnear() if ev.POLNEAR_DEV.is_dir() else None,
        "seeds": ev.score_seeds() if (ev.SHARED / "seeds").is_dir() else None,
        "examples": ev.score_examples(),
    }


@pytest.mark.model
def test_polnear_floor(scores: dict) -> None:
    result = scores["polnear"] or pytest.skip("PolNeAR is not in ../shared")
    assert result["texts"] == 84
    assert result["direct"]["f1"] >= POLNEAR_DIRECT_F1_FLOOR
    assert (result["direct"]["speaker_accuracy"] or 0.0) >= POLNEAR_DIRECT_SPEAKER_FLOOR
    assert result["indirect"]["f1"] >= POLNEAR_INDIRECT_F1_FLOOR


@pytest.mark.model
def test_polnear_floor_with_the_learned_scorer() -> None:
    from storyline.settings import Settings

    if not ev.POLNEAR_DEV.is_dir():
        pytest.skip("PolNeAR is not in ../shared")
    result = ev.score_polnear(settings=Settings(show_progress=False, learned_quotes=True))
    assert result["direct"]["f1"] >= POLNEAR_DIRECT_F1_FLOOR
    assert result["indirect"]["f1"] >= POLNEAR_LEARNED_INDIRECT_F1_FLOOR


@pytest.mark.model
def test_polnear_floor_with_the_transformer_scorer() -> None:
    from storyline.extract import reported_transformer
    from storyline.settings import Settings

    if not reported_transformer.installed():
        pytest.skip("the transformer extra is not installed (make transformer)")

    if not ev.POLNEAR_DEV.is_dir():
        pytest.skip("PolNeAR is not in ../shared")
    result = ev.score_polnear(settings=Settings(show_progress=False, learned_quotes=True,
                                                learned_scorer="transformer"))
    assert result["direct"]["f1"] >= POLNEAR_DIRECT_F1_FLOOR
    assert result["indirect"]["f1"] >= POLNEAR_TRANSFORMER_INDIRECT_F1_FLOOR


@pytest.mark.model
def test_seeds_floor(scores: dict) -> None:
    result = scores["seeds"] or pytest.skip("no seed scrapes beside the repository")
    assert result["missing"] == []
    assert result["direct"]["f1"] >= SEEDS_DIRECT_F1_FLOOR
    assert (result["direct"]["speaker_accuracy"] or 0.0) >= SEEDS_DIRECT_SPEAKER_FLOOR
    assert result["all"]["f1"] >= SEEDS_F1_FLOOR
    assert len(result["not_quotes"]["hits"]) <= NOT_QUOTES_CEILING


@pytest.mark.model
def test_examples_floor(scores: dict) -> None:
    result = scores["examples"]
    assert result["unlocated"] == []
    assert result["direct"]["f1"] >= EXAMPLES_DIRECT_F1_FLOOR
    assert result["all"]["recall"] >= EXAMPLES_RECALL_FLOOR
    assert len(result["not_quotes"]["hits"]) <= NOT_QUOTES_CEILING
