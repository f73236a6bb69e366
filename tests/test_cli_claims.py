"""`storyline claims`, `entities` and `diff` in-process: hand-built dossiers stand in for the pipeline,
then a few runs over the example corpus with the real model (one store per module, so it parses once)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline.pipeline
from storyline.cli import app
from storyline.model import (
    Article,
    Claim,
    Contradiction,
    Dossier,
    Entity,
    Novelty,
    Published,
    Quote,
    Speaker,
    Story,
    TimelineEvent,
    TimelineMention,
)
from storyline.pipeline import RunReport
from storyline.settings import Settings

# Wide enough that no cell of a table wraps: assertions read whole names.
WIDE = {"COLUMNS": "220"}

BODY_1 = "Officials said the bridge will reopen in May. The mayor said repairs began on 3 March."
BODY_2 = "The bridge will reopen in May, the ministry said. Repairs began on 5 March."
BODY_3 = "Residents say the bridge will not reopen in May. Tolls will rise."
BODY_NEW = "The bridge will reopen in May. A second crossing is planned, Maria Ortega said."


def _article(article_id: str, body: str, outlet: str, date: str) -> Article:
    return Article(id=article_id, source=f"news/{article_id}", body=body, outlet=outlet, language="en",
                   title=f"Title of {article_id}", published=Published(date=date, method="metadata"))


def _mention(article: Article, text: str):
    start = article.body.index(text)
    return article.mention(start, start + len(text))


A1 = _article("a1.txt", BODY_1, "Harbour Gazette", "2024-03-04")
A2 = _article("a2.txt", BODY_2, "Coastal Courier", "2024-03-05")
A3 = _article("a3.txt", BODY_3, "Valley Post", "2024-03-06")
NEW = _article("new.txt", BODY_NEW, "Island Times", "2024-03-08")

REOPEN = Claim(id="K1", statement="The bridge will reopen in May", articles=("a1.txt", "a2.txt"),
               mentions=(_mention(A1, "the bridge will reopen in May"), _mention(A2, "The bridge will reopen in May")),
               outlets=2, independent_outlets=2, attributed_to=("officials",), status="disputed",
               contradicted_in=("a3.txt",), story="S1")
REPAIRS = Claim(id="K2", statement="Repairs began on 3 March", articles=("a1.txt",), outlets=1,
                independent_outlets=1, attributed_to=("the mayor",), status="alleged", story="S1")
TOLLS = Claim(id="K3", statement="Tolls will rise", articles=("a3.txt",), outlets=1, independent_outlets=1,
              status="asserted", story="S2")
CONFIRMED = Claim(id="K4", statement="Repairs began in March", articles=("a1.txt", "a2.txt"), outlets=2,
                  independent_outlets=2, status="asserted", story="S1")


def story() -> Dossier:
    """Three outlets: one claim confirmed, one disputed, two single-source; two stories."""
    ortega = Entity(id="E1", name="Maria Ortega", type="PERSON", aliases=("Maria Ortega", "Ortega", "the mayor"),
                    roles=("mayor of Port Haven",), mentions=(_mention(A1, "mayor"),))
    bridge = Entity(id="E2", name="Haven Bridge", type="FAC", aliases=("the bridge",),
                    mentions=(_mention(A1, "bridge"), _mention(A2, "bridge"), _mention(A3, "bridge")))
    ministry = Entity(id="E3", name="Ministry of Transport", type="ORG", aliases=("the ministry",),
                      mentions=(_mention(A2, "ministry"),))
    conflict = Contradiction(id="C1", kind="factual_conflict", description="The outlets disagree on when repairs began",
                             sides=((_mention(A1, "3 March"),), (_mention(A2, "5 March"),)))
    return Dossier(generated_at="2024-03-07T00:00:00+00:00", articles=(A1, A2, A3),
                   entities=(ortega, bridge, ministry), claims=(REPAIRS, TOLLS, REOPEN, CONFIRMED),
                   contradictions=(conflict,),
                   stories=(Story("S1", ("a1.txt", "a2.txt"), "bridge, repairs"), Story("S2", ("a3.txt",), "tolls")))


@pytest.fixture()
def piped(monkeypatch: pytest.MonkeyPatch) -> list[Sequence[str]]:
    """`pipeline.run` returns `story()`; the inputs it was given are recorded."""
    calls: list[Sequence[str]] = []

    def fake_run(inputs: Sequence[str], *, settings: Settings, progress: object = None) -> RunReport:
        calls.append(inputs)
        return RunReport(dossier=story(), processed=3, cached=0, db_path=None)

    monkeypatch.setattr(storyline.pipeline, "run", fake_run)
    return calls


def invoke(*args: str | Path) -> object:
    return CliRunner().invoke(app, list(map(str, args)), env=WIDE)


# --- storyline claims ---------------------------------------------------------------------------

def test_claims_table_most_corroborated_first_with_labels(piped: list, tmp_path: Path) -> None:
    result = invoke("claims", tmp_path, "--no-store")
    assert result.exit_code == 0, result.output
    text = result.stdout
    # Two independent outlets each: the undisputed claim first.
    order = [text.index(s) for s in ("Repairs began in March", "The bridge will reopen in May",
                                     "Repairs began on 3 March", "Tolls will rise")]
    assert order == sorted(order)
    assert "disputed: stated by 2 independent outlets, contradicted by 1 outlet" in text
    assert "confirmed by 2 independent outlets" in text and "single source" in text
    assert "Harbour Gazette, Coastal Courier" in text and "contradicted by Valley Post" in text
    assert "officials" in text and "the mayor" in text
    assert "These articles tell 2 separate stories" in text and "--story ID" in text
    assert ("4 claims in 3 articles: 1 confirmed by two or more independent outlets, 2 single-source, "
            "1 disputed") in text
    assert "1 contradiction:" in text and "The outlets disagree on when repairs began" in text
    assert piped == [[str(tmp_path)]]


def test_claims_filters(piped: list, tmp_path: Path) -> None:
    confirmed = invoke("claims", tmp_path, "--min-outlets", "2", "--no-store")
    assert confirmed.exit_code == 0, confirmed.output
    assert "The bridge will reopen" in confirmed.stdout and "Tolls will rise" not in confirmed.stdout
    assert "2 claims of 4 in 3 articles" in confirmed.stdout
    alleged = invoke("claims", tmp_path, "--status", "ALLEGED", "--no-store")
    assert alleged.exit_code == 0, alleged.output
    assert "Repairs began on 3 March" in alleged.stdout and "Tolls" not in alleged.stdout
    disputed = invoke("claims", tmp_path, "--status", "disputed", "--status", "alleged", "--no-store")
    assert "The bridge will reopen" in disputed.stdout and "2 claims of 4" in disputed.stdout
    second = invoke("claims", tmp_path, "--story", "S2", "--no-store")
    assert second.exit_code == 0, second.output
    assert "Tolls will rise" in second.stdout and "bridge will reopen" not in second.stdout
    assert "separate stories" not in second.stdout  # a story was picked: no advice to pick one
    unknown = invoke("claims", tmp_path, "--story", "S9", "--no-store")
    assert unknown.exit_code == 2 and "'S9' is not a story of these articles; they tell: S1, S2" in unknown.stderr
    bad = invoke("claims", tmp_path, "--status", "rumoured", "--no-store")
    assert bad.exit_code == 2


def test_claims_json_has_the_contract_fields(piped: list, tmp_path: Path) -> None:
    out = tmp_path / "out" / "claims.json"
    result = invoke("claims", tmp_path, "--min-outlets", "2", "--json", out, "--no-store")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"schema", "generated_at", "articles", "claims", "contradictions", "stories", "warnings"} <= set(data)
    assert [a["id"] for a in data["articles"]] == ["a1.txt", "a2.txt", "a3.txt"]
    assert {"id", "outlet", "title", "published", "source"} <= set(data["articles"][0])
    assert "body" not in data["articles"][0]
    assert [c["id"] for c in data["claims"]] == ["K4", "K1"]
    assert data["claims"][1] == REOPEN.to_dict()
    assert data["claims"][1]["contradicted_in"] == ["a3.txt"]
    assert [c["id"] for c in data["contradictions"]] == ["C1"]
    assert [s["id"] for s in data["stories"]] == ["S1", "S2"]
    assert f"wrote json: {out}" in result.stdout


def test_claims_empty_state(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def fake_run(inputs: Sequence[str], *, settings: Settings, progress: object = None) -> RunReport:
        return RunReport(dossier=Dossier(generated_at="2024-03-07T00:00:00+00:00", articles=(A1, A2)),
                         processed=2, cached=0, db_path=None)

    monkeypatch.setattr(storyline.pipeline, "run", fake_run)
    out = tmp_path / "c.json"
    result = invoke("claims", tmp_path, "--json", out, "--no-store")
    assert result.exit_code == 0, result.output
    assert "┃" not in result.stdout  # no empty table
    assert "0 claims in 2 articles: no factual claims were found in these articles" in result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["claims"] == []


# --- storyline entities -------------------------------------------------------------------------

def test_entities_table_and_type_filter(piped: list, tmp_path: Path) -> None:
    result = invoke("entities", tmp_path, "--no-store")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.index("Maria Ortega") < text.index("Ministry of Transport") < text.index("Haven Bridge")
    assert "Ortega, the mayor" in text and "mayor of Port Haven" in text
    row = next(line for line in text.splitlines() if "Haven Bridge" in line)
    assert re.search(r"│\s+3\s+│\s+3\s+│$", row.rstrip()), row  # 3 mentions in 3 articles
    assert "3 entities (1 person, 1 organisation, 1 facility) in 3 articles" in text
    people = invoke("entities", tmp_path, "--type", "person", "--type", "Fac", "--no-store")
    assert people.exit_code == 0, people.output
    assert "Maria Ortega" in people.stdout and "Haven Bridge" in people.stdout
    assert "Ministry of Transport" not in people.stdout
    assert "2 entities of type FAC, PERSON" in people.stdout


def test_entities_json(piped: list, tmp_path: Path) -> None:
    out = tmp_path / "entities.json"
    result = invoke("entities", tmp_path, "--type", "ORG", "--json", out, "--no-store")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"schema", "articles", "entities", "warnings"} <= set(data)
    assert [e["name"] for e in data["entities"]] == ["Ministry of Transport"]
    mention = data["entities"][0]["mentions"][0]
    assert BODY_2[mention["start"]:mention["end"]] == mention["text"] == "ministry"


# --- storyline diff -----------------------------------------------------------------------------

def diff_dossier() -> tuple[Dossier, tuple[str, ...]]:
    """The story plus two new articles: one adds a claim, a quote and an event; one adds nothing."""
    base = story()
    repeat = _article("repeat.txt", "The bridge will reopen in May.", "Harbour Gazette", "2024-03-09")
    plan = Claim(id="K5", statement="A second crossing is planned", articles=("new.txt",), outlets=1,
                 independent_outlets=1, attributed_to=("Maria Ortega",))
    reopen = replace(REOPEN, articles=("a1.txt", "a2.txt", "new.txt", "repeat.txt"))
    said = _mention(NEW, "A second crossing is planned")
    quote = Quote(id="q-new", article="new.txt", start=said.start, end=said.end, text=said.text, kind="indirect",
                  speaker=Speaker(name="Maria Ortega", kind="person"), parts=(said,))
    event = TimelineEvent(id="T9", date="2024-05", granularity="month", description="The bridge reopens",
                          mentions=(TimelineMention(_mention(NEW, "The bridge will reopen in May."), "May"),),
                          planned=True)
    novelty = (Novelty("a1.txt", claims=("K2", "K4", "K1")), Novelty("a2.txt"), Novelty("a3.txt", claims=("K3",)),
               Novelty("new.txt", claims=("K5",), quotes=("q-new",), events=("T9",)), Novelty("repeat.txt"))
    dossier = Dossier(generated_at=base.generated_at, articles=(*base.articles, NEW, repeat),
                      claims=(REPAIRS, TOLLS, reopen, CONFIRMED, plan), quotes=(quote,), timeline=(event,),
                      novelty=novelty)
    return dossier, ("new.txt", "repeat.txt")


@pytest.fixture()
def diffed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], list[str]]]:
    """`pipeline.diff` returns `diff_dossier()`; the story and new inputs it was given are recorded."""
    calls: list[tuple[list[str], list[str]]] = []

    def fake_diff(inputs: Sequence[str], new: Sequence[str], *, settings: Settings | None = None,
                  progress: object = None) -> tuple[Dossier, tuple[str, ...]]:
        calls.append((list(inputs), list(new)))
        return diff_dossier()

    monkeypatch.setattr(storyline.pipeline, "diff", fake_diff, raising=False)
    return calls


def test_diff_lists_what_each_new_article_adds(diffed: list, tmp_path: Path) -> None:
    result = invoke("diff", tmp_path / "story", tmp_path / "new.txt", tmp_path / "repeat.txt",
                    "--also", tmp_path / "more", "--no-store")
    assert result.exit_code == 0, result.output
    assert diffed == [([str(tmp_path / "story"), str(tmp_path / "more")],
                       [str(tmp_path / "new.txt"), str(tmp_path / "repeat.txt")])]
    text = result.stdout
    new_part, repeat_part = text.split("repeat.txt  Harbour Gazette")
    assert "new.txt  Island Times  2024-03-08  Title of new.txt" in new_part
    assert "adds 1 claim, 1 statement and 1 event; repeats 1 claim reported earlier" in new_part
    assert "+ claim [asserted] A second crossing is planned  (single source)" in new_part
    assert "+ quote “A second crossing is planned” — Maria Ortega" in new_part
    assert "+ event 2024-05 The bridge reopens" in new_part
    assert "nothing new; repeats 1 claim reported earlier" in repeat_part
    assert "2 new articles against 3 earlier articles" in text


def test_diff_json(diffed: list, tmp_path: Path) -> None:
    out = tmp_path / "diff.json"
    result = invoke("diff", tmp_path / "story", tmp_path / "new.txt", "--json", out, "--no-store")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["story"] == ["a1.txt", "a2.txt", "a3.txt"] and data["new"] == ["new.txt", "repeat.txt"]
    first, second = data["novelty"]
    assert first == {"article": "new.txt", "claims": ["K5"], "quotes": ["q-new"], "events": ["T9"],
                     "nothing_new": False, "repeats": {"claims": 1, "quotes": 0, "events": 0}}
    assert second["nothing_new"] is True and second["repeats"]["claims"] == 1
    assert [c["id"] for c in data["claims"]] == ["K5"]
    assert [q["id"] for q in data["quotes"]] == ["q-new"] and [e["id"] for e in data["timeline"]] == ["T9"]
    assert "body" not in data["articles"][0]


def test_diff_needs_a_new_article() -> None:
    result = invoke("diff", "story/")
    assert result.exit_code == 2


# --- help and errors ----------------------------------------------------------------------------

@pytest.mark.parametrize(("command", "options"), [
    ("claims", ("--min-outlets", "--status", "--story", "--json", "--model", "--db", "--no-store", "--config")),
    ("entities", ("--type", "--json", "--model", "--db", "--no-store", "--config", "--allow-private-urls")),
    ("diff", ("--also", "--json", "--model", "--db", "--no-store", "--config")),
])
def test_help_lists_the_options(command: str, options: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env=WIDE)
    assert result.exit_code == 0
    for option in options:
        assert option in result.stdout
    top = CliRunner().invoke(app, ["--help"], env=WIDE)
    assert command in top.stdout


@pytest.mark.parametrize("command", ["claims", "entities"])
def test_bad_path_exits_1_with_one_error_line(command: str, tmp_path: Path) -> None:
    result = invoke(command, tmp_path / "nowhere", "--no-store")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "no such file or directory" in errors[0], result.stderr
    assert "Traceback" not in result.stderr


# --- with the real model ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store for the example corpus: the first command parses it, later ones read the store."""
    return tmp_path_factory.mktemp("store") / "story.db"


@pytest.mark.model
def test_claims_and_entities_on_the_example_corpus(examples_dir: Path, corpus_db: Path, tmp_path: Path) -> None:
    claims_json = tmp_path / "claims.json"
    result = invoke("claims", examples_dir, "--db", corpus_db, "--json", claims_json)
    assert result.exit_code == 0, result.output
    data = json.loads(claims_json.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 11 and "body" not in data["articles"][0]
    counts = [c["independent_outlets"] for c in data["claims"]]
    assert counts == sorted(counts, reverse=True)
    assert f"in {len(data['articles'])} articles" in result.stdout
    entities_json = tmp_path / "entities.json"
    result = invoke("entities", examples_dir, "--db", corpus_db, "--type", "PERSON", "--json", entities_json)
    assert result.exit_code == 0, result.output
    names = {e["name"] for e in json.loads(entities_json.read_text(encoding="utf-8"))["entities"]}
    assert "Dalia Renko" in names and "Dalia Renko" in result.stdout


@pytest.mark.model
def test_diff_on_the_example_corpus(examples_dir: Path, corpus_db: Path, tmp_path: Path) -> None:
    if not hasattr(storyline.pipeline, "diff"):
        pytest.skip("pipeline.diff is not there yet")
    files = sorted(p for p in examples_dir.iterdir() if p.suffix in (".html", ".txt"))
    earlier, new = files[:-1], files[-1]
    out = tmp_path / "diff.json"
    result = invoke("diff", earlier[0], new, *(x for path in earlier[1:] for x in ("--also", path)),
                    "--db", corpus_db, "--json", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["new"] == [new.name] and new.name not in data["story"]
    assert [entry["article"] for entry in data["novelty"]] == [new.name]
    assert new.name in result.stdout and "1 new article against" in result.stdout


def test_diff_bad_path_exits_1_with_one_error_line(tmp_path: Path) -> None:
    result = invoke("diff", tmp_path / "nowhere", tmp_path / "missing.html", "--no-store")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "no such file or directory" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
