"""`storyline quotes` in-process, with the pipeline replaced by hand-built results (no model needed)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline.pipeline
from storyline.cli import app, main
from storyline.errors import ModelError
from storyline.model import Article, Dossier, Published, Quote, QuoteGroup, QuoteVariant, Speaker, Warning
from storyline.pipeline import RunReport
from storyline.settings import Settings

# Wide enough that no cell of the table wraps: assertions read whole names.
WIDE = {"COLUMNS": "200"}

BODY_1 = ('"We will not let this go unanswered," National Security Council spokesman John Kirby told reporters. '
          "A senior official said talks would resume.")
BODY_2 = ('"We will not let this go unanswered," Kirby said on Tuesday. '
          "Transport minister Ana Duarte said inspections had found nothing.")


def _quote(quote_id: str, article: Article, text: str, kind: str, speaker: Speaker, group: str | None = None,
           ) -> Quote:
    start = article.body.index(text)
    return Quote(id=quote_id, article=article.id, start=start, end=start + len(text), text=text, kind=kind,
                 speaker=speaker, cue="said", group=group, parts=(article.mention(start, start + len(text)),))


def story() -> Dossier:
    """Two outlets carry one Kirby quote; Duarte and an anonymous official are quoted once each."""
    first = Article(id="a1.txt", source="news/a1.txt", body=BODY_1, outlet="Harbour Gazette", language="en",
                    published=Published(date="2024-03-04", method="metadata"))
    second = Article(id="a2.txt", source="news/a2.txt", body=BODY_2, outlet="Coastal Courier", language="en",
                     published=Published(date="2024-03-05", method="text"))
    kirby = Speaker(name="John Kirby", role="National Security Council spokesman", kind="person")
    quotes = (
        _quote("q1", first, "We will not let this go unanswered", "direct", kirby, group="g1"),
        _quote("q2", first, "talks would resume", "indirect",
               Speaker(name="a senior official", kind="anonymous")),
        _quote("q3", second, "We will not let this go unanswered", "direct", kirby, group="g1"),
        _quote("q4", second, "inspections had found nothing", "indirect",
               Speaker(name="Ana Duarte", role="Transport minister", kind="person")),
    )
    group = QuoteGroup(id="g1", text="We will not let this go unanswered", speaker="John Kirby",
                       quotes=("q1", "q3"), articles=("a1.txt", "a2.txt"), first_seen="a1.txt",
                       variants=(QuoteVariant(quote="q3"),))
    return Dossier(generated_at="2024-03-06T00:00:00+00:00", articles=(first, second), quotes=quotes,
                   quote_groups=(group,))


@pytest.fixture()
def piped(monkeypatch: pytest.MonkeyPatch) -> list[Sequence[str]]:
    """`pipeline.run` returns `story()`; the inputs it was given are recorded."""
    calls: list[Sequence[str]] = []

    def fake_run(inputs: Sequence[str], *, settings: Settings, progress: object = None) -> RunReport:
        calls.append(inputs)
        return RunReport(dossier=story(), processed=2, cached=0, db_path=None)

    monkeypatch.setattr(storyline.pipeline, "run", fake_run)
    return calls


def invoke(*args: str | Path) -> object:
    return CliRunner().invoke(app, ["quotes", *map(str, args)], env=WIDE)


def test_table_has_one_row_per_statement_with_speakers_and_outlets(piped: list, tmp_path: Path) -> None:
    result = invoke(tmp_path, "--no-store")
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "John Kirby" in table and "National Security Council" in table  # the role, wrapped in its cell
    assert "Harbour Gazette, Coastal Courier" in table  # the group counts once, with both outlets
    assert table.count("We will not let this go unanswered") == 1
    assert "Ana Duarte" in table and "Transport minister" in table and "indirect" in table
    assert "anonymous source" in table
    assert "a1.txt" in table and "2024-03-04" in table
    assert table.rstrip().splitlines()[-1] == "3 statements by 3 speakers in 2 articles"
    assert piped == [[str(tmp_path)]]


def test_speaker_filter_matches_any_word_of_the_name_in_any_case(piped: list, tmp_path: Path) -> None:
    result = invoke(tmp_path, "--speaker", "kirby", "--no-store")
    assert result.exit_code == 0, result.output
    assert "John Kirby" in result.stdout and "Ana Duarte" not in result.stdout
    assert "1 statement by 1 speaker matching “kirby” in 2 articles" in result.stdout
    nobody = invoke(tmp_path, "--speaker", "Sullivan", "--no-store")
    assert nobody.exit_code == 0 and "0 statements by 0 speakers" in nobody.stdout
    assert "┃" not in nobody.stdout  # no empty table


def test_json_has_the_contract_fields(piped: list, tmp_path: Path) -> None:
    out = tmp_path / "out" / "quotes.json"
    result = invoke(tmp_path, "--speaker", "Kirby", "--json", out, "--no-store")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"schema", "articles", "quotes", "quote_groups"} <= set(data)
    assert data["schema"] == "storyline.dossier/1"
    assert [a["id"] for a in data["articles"]] == ["a1.txt", "a2.txt"]
    assert [q["id"] for q in data["quotes"]] == ["q1", "q3"]
    assert [g["id"] for g in data["quote_groups"]] == ["g1"]
    assert data["quote_groups"][0]["articles"] == ["a1.txt", "a2.txt"]
    bodies = {a["id"]: a["body"] for a in data["articles"]}
    for quote in data["quotes"]:
        assert bodies[quote["article"]][quote["start"]:quote["end"]] == quote["text"]
        assert quote["speaker"]["name"] == "John Kirby"
    assert f"wrote json: {out}" in result.stdout


@pytest.fixture()
def raw_quotes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], list[str]]]:
    """`quotes_of_texts` finds each text's first double-quoted passage; the texts and ids it got are recorded."""
    calls: list[tuple[list[str], list[str]]] = []

    def fake(texts: Sequence[str], *, settings: Settings | None = None, ids: Sequence[str] | None = None,
             ) -> tuple[list[Article], list[tuple[Quote, ...]], list[Warning]]:
        assert ids is not None
        calls.append((list(texts), list(ids)))
        articles = [Article(id=i, source=i, body=text, language="en") for i, text in zip(ids, texts, strict=True)]
        found = []
        for article in articles:
            start = article.body.index('"') + 1
            end = article.body.index('"', start)
            found.append((Quote(id=f"{article.id}#1", article=article.id, start=start, end=end,
                                text=article.body[start:end], kind="direct", speaker=Speaker(name="Ana Duarte")),))
        return articles, found, []

    monkeypatch.setattr(storyline.pipeline, "quotes_of_texts", fake)
    return calls


def test_raw_offsets_refer_to_the_file_as_given(raw_quotes: list, tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    # Windows line ends, a byte-order mark and text that cleaning would drop: all kept but the mark.
    first = 'Subscribe now!\r\n\r\nMinister Ana Duarte said: "Nothing was found — nothing at all."\r\n'
    (folder / "one.txt").write_bytes(b"\xef\xbb\xbf" + first.encode("utf-8"))
    second = 'Ana Duarte: "Café closed."\n'
    (folder / "sub" / "two.txt").write_bytes(second.encode("cp1252"))
    (folder / "page.html").write_text('<p>"Not read"</p>', encoding="utf-8")  # folders give their .txt files
    out = tmp_path / "raw.json"
    result = invoke(folder, "--raw", "--json", out)
    assert result.exit_code == 0, result.output
    assert raw_quotes == [([first, second], ["one.txt", "two.txt"])]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["body"] for a in data["articles"]] == [first, second]
    assert [a["source"] for a in data["articles"]] == [str(folder / "one.txt"), str(folder / "sub" / "two.txt")]
    quote = data["quotes"][0]
    assert first[quote["start"]:quote["end"]] == quote["text"] == "Nothing was found — nothing at all."
    assert data["quote_groups"] == []
    assert "2 statements by 1 speaker in 2 articles" in result.stdout


def test_raw_names_a_file_whatever_its_suffix_and_warns_about_the_rest(raw_quotes: list, tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text('<p>She said "as given".</p>', encoding="utf-8")
    result = invoke(page, tmp_path / "missing.txt", "https://example.org/story", "--raw")
    assert result.exit_code == 0, result.output
    assert raw_quotes == [(['<p>She said "as given".</p>'], ["saved.html"])]
    assert "missing.txt: no such file or directory" in result.stderr
    assert "--raw reads files only" in result.stderr


def test_bad_path_exits_1_with_one_error_line(tmp_path: Path) -> None:
    for mode in ((), ("--raw",)):
        result = invoke(tmp_path / "nowhere", "--no-store", *mode)
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
        assert len(errors) == 1 and "no such file or directory" in errors[0], result.stderr
        assert "Traceback" not in result.stderr


def test_storyline_error_is_one_red_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    def no_model(*args: object, **kwargs: object) -> None:
        raise ModelError("no English spaCy pipeline is installed; run `make install`")

    monkeypatch.setattr(storyline.pipeline, "quotes_of_texts", no_model)
    (tmp_path / "a.txt").write_text('"Hello," she said.', encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["storyline", "quotes", str(tmp_path / "a.txt"), "--raw"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 1
    stderr = capsys.readouterr().err
    assert stderr.strip().splitlines() == ["error: no English spaCy pipeline is installed; run `make install`"]


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["quotes", "--help"], env=WIDE)
    assert result.exit_code == 0
    for option in ("--speaker", "--raw", "--json", "--model", "--db", "--no-store", "--config",
                   "--allow-private-urls"):
        assert option in result.stdout
    assert "[default: ./storyline.db]" in result.stdout


# --- with the real model ----------------------------------------------------------------------


@pytest.mark.model
def test_quotes_on_the_seeds_end_to_end(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    result = CliRunner().invoke(app, ["quotes", str(seeds_dir), "--no-store", "--speaker", "sullivan",
                                      "--json", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Jake Sullivan" in result.output and "Dallas Express" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quote_groups"] and all(q["speaker"]["name"] == "Jake Sullivan" for q in data["quotes"])


@pytest.mark.model
def test_raw_quotes_offsets_index_the_file_text(seeds_dir: Path, tmp_path: Path) -> None:
    source = seeds_dir / "002_659a68ba090bb92a.txt"
    out = tmp_path / "raw.json"
    result = CliRunner().invoke(app, ["quotes", str(source), "--raw", "--no-store", "--json", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    text = source.read_text(encoding="utf-8")
    quotes = json.loads(out.read_text(encoding="utf-8"))["quotes"]
    assert quotes
    for quote in quotes:
        for part in quote["parts"] or [quote]:
            assert text[part["start"]:part["end"]] == part["text"]
