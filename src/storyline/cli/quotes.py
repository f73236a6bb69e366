"""`storyline quotes`: who said what, one row per statement, with the outlets that carried it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .. import pipeline
from ..model import Dossier
from ..report.summary import (
    Statement,
    article_date,
    article_outlet_label,
    statements,
    who_said_what,
)
from ..settings import Settings
from .console import StageProgress, err, error, out, trim
from .options import (
    PATHS,
    AllowPrivateUrlsOption,
    ConfigOption,
    DbOption,
    ModelOption,
    NoStoreOption,
    pipeline_settings,
)
from .raw import read_raw_files

QUOTATION_WIDTH = 120  # characters of a statement shown in the table; --json has them whole


def quotes_command(
    inputs: Annotated[list[str], PATHS],
    speaker: Annotated[Optional[str], typer.Option(
        help="Only statements by a speaker whose name contains this text (any case): Kirby finds John Kirby.",
        metavar="NAME", show_default=False)] = None,
    raw: Annotated[bool, typer.Option(
        "--raw", help="Read each file as plain text, uncleaned, so offsets refer to the file as given "
                      "(folders: their .txt files). Quotes are not linked across files.")] = False,
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help="Write the articles, quotes and quote groups (the dossier's JSON fields) here.")] = None,
    learned: Annotated[bool, typer.Option(
        "--learned", help="Also the reported speech a learned scorer finds beyond the rules: more statements, "
                          "fewer of them right (see docs/quality.md).")] = False,
    transformer: Annotated[bool, typer.Option(
        "--transformer", help="Find that reported speech with the fine-tuned transformer scorer instead: the "
                              "best recall, slower; needs PyTorch (make transformer). Implies --learned.")] = False,
    model: ModelOption = None,
    db: DbOption = None,
    no_store: NoStoreOption = False,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
) -> None:
    """Who said what: each statement once, its speaker, and the outlets that carried it."""
    settings = pipeline_settings(config, db=db, no_store=no_store, model=model,
                                 allow_private_urls=allow_private_urls)
    if learned or transformer:
        settings = settings.with_overrides(learned_quotes=True)
    if transformer:
        settings = settings.with_overrides(learned_scorer="transformer")
    if raw:
        dossier = raw_dossier(inputs, settings=settings)
    else:
        with StageProgress(enabled=settings.show_progress) as progress:
            dossier = pipeline.run(inputs, settings=settings, progress=progress).dossier
    shown = [s for s in statements(dossier) if speaker is None or s.said_by(speaker)]
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(quotes_json(dossier, shown), ensure_ascii=False, indent=2), encoding="utf-8")
    if shown:
        out.print(_table(dossier, shown))
    out.print(_summary_line(dossier, shown, speaker), markup=False, highlight=False, soft_wrap=True)
    if json_path is not None:
        out.print(f"wrote json: {json_path}", markup=False, highlight=False, soft_wrap=True)
    for warning in dossier.warnings[:10]:
        err.print(Text.assemble(("warning:", "yellow"), " ", str(warning)), highlight=False, soft_wrap=True)
    if len(dossier.warnings) > 10:
        err.print(f"[yellow]... and {len(dossier.warnings) - 10} more warnings[/]")
    if not dossier.articles:
        reasons = f": {dossier.warnings[0]}" if dossier.warnings else ": no inputs found"
        if len(dossier.warnings) > 1:
            reasons += f" (and {len(dossier.warnings) - 1} more)"
        error("no articles could be read" + escape(reasons))
        raise typer.Exit(1)


def raw_dossier(inputs: Sequence[str], *, settings: Settings) -> Dossier:
    """Quotes in each file's text as given: no cleaning, no linking, so offsets refer to the file."""
    documents, warnings = read_raw_files(inputs, settings=settings)
    if not documents:
        return Dossier(generated_at=_now(), warnings=tuple(warnings))
    articles, found, notes = pipeline.quotes_of_texts(
        [doc.text for doc in documents], settings=settings, ids=pipeline.assign_ids(documents))
    articles = [replace(article, source=doc.source) for article, doc in zip(articles, documents, strict=True)]
    return Dossier(generated_at=_now(), articles=tuple(articles), quotes=tuple(q for quotes in found for q in quotes),
                   warnings=(*warnings, *notes))


def quotes_json(dossier: Dossier, shown: Sequence[Statement]) -> dict[str, Any]:
    """The contract's articles, quotes and quote_groups fields for the statements shown."""
    quote_ids = {quote.id for statement in shown for quote in statement.quotes}
    group_ids = {statement.group.id for statement in shown if statement.group}
    return {
        "schema": dossier.schema,
        "generated_at": dossier.generated_at,
        "articles": [article.to_dict() for article in dossier.articles],
        "quotes": [quote.to_dict() for quote in dossier.quotes if quote.id in quote_ids],
        "quote_groups": [group.to_dict() for group in dossier.quote_groups if group.id in group_ids],
        "warnings": [warning.to_dict() for warning in dossier.warnings],
    }


def _table(dossier: Dossier, shown: list[Statement]) -> Table:
    articles = {article.id: article for article in dossier.articles}
    rows: list[tuple[Text, ...] | None] = []
    for speaker in who_said_what(dossier, only=shown):
        who = Text(speaker.label, style="bold" if speaker.name else "italic")
        about = ", ".join([*speaker.roles, *(["anonymous source"] if speaker.kind == "anonymous" else [])])
        if about:
            who.append("\n" + about, style="dim")
        for number, statement in enumerate(speaker.statements):
            outlets = dict.fromkeys(article_outlet_label(articles.get(a), a) for a in statement.articles)
            first = Text(statement.first_seen or "-")
            date = article_date(articles.get(statement.first_seen or ""))
            if date:
                first.append(f"\n{date}", style="dim")
            rows.append((who if number == 0 else Text(""), Text(trim(statement.text, QUOTATION_WIDTH)),
                         Text(", ".join(statement.kinds)), Text(", ".join(outlets)), first))
        rows.append(None)  # a rule between speakers
    widths = _column_widths([row for row in rows if row is not None])
    table = Table(header_style="bold")
    for header, width in zip(("speaker", "quotation", "kind", "outlets", "first seen"), widths, strict=True):
        table.add_column(header, width=width, overflow="fold")
    for row in rows[:-1]:
        if row is None:
            table.add_section()
        else:
            table.add_row(*row)
    return table


def _column_widths(rows: list[tuple[Text, ...]]) -> list[int]:
    """Widths for the table's columns: what the text needs when it fits, else the quotation gets the most.

    Rich alone shares a narrow terminal out by content length, which starves the quotation.
    """
    def longest(column: int, floor: int, cap: int) -> int:
        lines = [line for row in rows for line in row[column].plain.splitlines()]
        return min(max([floor, *map(len, lines)]), cap)

    speaker, quotation, kind, outlets, first = (
        longest(0, 7, 32), longest(1, 9, QUOTATION_WIDTH), longest(2, 4, 24), longest(3, 7, 36), longest(4, 10, 28))
    room = max(out.width - 16 - kind, 56)  # 16: the borders and padding of five columns
    if speaker + quotation + outlets + first > room:
        speaker, outlets = min(speaker, max(room // 5, 10)), min(outlets, max(room // 5, 10))
        first = min(first, max(room // 5, 10))
        quotation = max(room - speaker - outlets - first, 20)
    return [speaker, quotation, kind, outlets, first]


def _summary_line(dossier: Dossier, shown: list[Statement], speaker: str | None) -> str:
    speakers = {statement.speaker for statement in shown if statement.speaker}
    return (f"{_count(len(shown), 'statement')} by {_count(len(speakers), 'speaker')}"
            + (f" matching “{speaker}”" if speaker is not None else "")
            + f" in {_count(len(dossier.articles), 'article')}")




def _count(n: int, one: str) -> str:
    return f"{n} {one if n == 1 else one + 's'}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
