"""`storyline timeline` and `storyline timex`: when things happened, from the texts alone (no spaCy)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from .. import pipeline
from ..model import Article, Published, TimelineEvent, Timex, Warning
from ..report.summary import article_outlet_label, published_label
from ..settings import Settings
from .console import err, error, out
from .options import PATHS, AllowPrivateUrlsOption, ConfigOption, pipeline_settings
from .raw import read_raw_files

DESCRIPTION_WIDTH = 110
SHOWN_WARNINGS = 10


def timeline_command(
    inputs: Annotated[list[str], PATHS],
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help="Write the articles (with their publication dates) and the timeline here.")] = None,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
) -> None:
    """The story's merged, dated timeline, oldest first, with the articles that report each event."""
    settings = pipeline_settings(config, db=None, no_store=True, model=None, allow_private_urls=allow_private_urls)
    cleaned, warnings = pipeline.clean_only(inputs, settings=settings)
    articles, _timexes, timeline, notes = pipeline.story_time(cleaned)
    warnings += notes
    if json_path is not None:
        _write(json_path, {"articles": [a.to_dict() for a in articles],
                           "timeline": [e.to_dict() for e in timeline],
                           "warnings": [w.to_dict() for w in warnings]})
    if timeline:
        out.print(_timeline_table(articles, timeline))
    dated = sum(1 for e in timeline if e.date)
    out.print(f"{_count(dated, 'dated event')}, {_count(len(timeline) - dated, 'event')} dated only by another, "
              f"from {_count(len(articles), 'article')}", markup=False, highlight=False, soft_wrap=True)
    for article in articles:
        if article.published.method == "inferred":
            out.print(f"{article.id}: publication {published_label(article.published)}, "
                      f"from {_evidence(article.published)}", markup=False, highlight=False, soft_wrap=True)
    _finish(json_path, warnings, articles)


def timex_command(
    inputs: Annotated[list[str], PATHS],
    dct: Annotated[Optional[str], typer.Option(
        "--dct", metavar="YYYY-MM-DD",
        help="The reference (document creation) date for every text; default: each article's publication "
             "date, inferred from the texts when none is given.")] = None,
    raw: Annotated[bool, typer.Option(
        "--raw", help="Read each file as plain text, uncleaned, so offsets refer to the file as given "
                      "(folders: their .txt files).")] = False,
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help='Write {"articles": [{"id", "published", "timexes": [...]}]} here.')] = None,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
) -> None:
    """Temporal expressions of each text with offsets, type and TIMEX3 value, normalised against its date."""
    if dct is not None:
        try:
            dct = date.fromisoformat(dct).isoformat()
        except ValueError:
            error(f"--dct {dct!r} is not a date of the form YYYY-MM-DD")
            raise typer.Exit(2) from None
    settings = pipeline_settings(config, db=None, no_store=True, model=None, allow_private_urls=allow_private_urls)
    articles, warnings = _articles(inputs, settings=settings, raw=raw)
    articles, timexes, _timeline, notes = pipeline.story_time(articles, dct=dct)
    warnings += notes
    if json_path is not None:
        _write(json_path, {"articles": [
            {"id": a.id, "source": a.source, "published": a.published.to_dict(),
             "timexes": [t.to_dict() for t in timexes.get(a.id, ())]} for a in articles],
            "warnings": [w.to_dict() for w in warnings]})
    for article in articles:
        found = timexes.get(article.id, ())
        out.print(Text.assemble((article.id, "bold"), f"  reference date: {published_label(article.published)}",
                                f"  {_count(len(found), 'expression')}"), highlight=False, soft_wrap=True)
        if found:
            out.print(_timex_table(found))
    _finish(json_path, warnings, articles)


def _articles(inputs: Sequence[str], *, settings: Settings, raw: bool) -> tuple[list[Article], list[Warning]]:
    if not raw:
        return pipeline.clean_only(inputs, settings=settings)
    documents, warnings = read_raw_files(inputs, settings=settings)
    texts = pipeline.text_articles([d.text for d in documents], ids=pipeline.assign_ids(documents))
    return [replace(a, source=d.source) for a, d in zip(texts, documents, strict=True)], warnings


def _timex_table(timexes: Sequence[Timex]) -> Table:
    table = Table(header_style="bold")
    for header in ("start", "end", "text", "type", "value", "mod"):
        table.add_column(header, justify="right" if header in ("start", "end") else "left", overflow="fold")
    for timex in timexes:
        table.add_row(str(timex.start), str(timex.end), Text(" ".join(timex.text.split())), timex.type,
                      Text(timex.value), timex.mod or "")
    return table


def _timeline_table(articles: Sequence[Article], timeline: Sequence[TimelineEvent]) -> Table:
    by_id = {a.id: a for a in articles}
    table = Table(header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("event", ratio=3, overflow="fold")
    table.add_column("reported by", ratio=1, overflow="fold")
    table.add_column("as written", ratio=1, overflow="fold")
    for event in timeline:
        when = Text(event.date or f"{event.relation} …", style="bold" if event.date else "italic")
        when.append(f"\n{event.granularity}" if event.granularity else "", style="dim")
        if event.planned:
            when.append("\nplanned", style="dim")
        outlets = dict.fromkeys(article_outlet_label(by_id.get(m.mention.article), m.mention.article)
                                for m in event.mentions)
        written = dict.fromkeys(" ".join(m.expression.split()) for m in event.mentions)
        description = event.description if len(event.description) <= DESCRIPTION_WIDTH else (
            event.description[:DESCRIPTION_WIDTH - 1].rsplit(" ", 1)[0] + "…")
        table.add_row(when, Text(description), Text(", ".join(outlets)), Text("; ".join(written)))
    return table


def _evidence(published: Published) -> str:
    shown = [f"“{' '.join(m.text.split())}” ({m.article})" for m in published.evidence[:4]]
    more = len(published.evidence) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "") if shown else "the texts"


def _finish(json_path: Path | None, warnings: Sequence[Warning], articles: Sequence[Article]) -> None:
    if json_path is not None:
        out.print(f"wrote json: {json_path}", markup=False, highlight=False, soft_wrap=True)
    for warning in warnings[:SHOWN_WARNINGS]:
        err.print(Text.assemble(("warning:", "yellow"), " ", str(warning)), highlight=False, soft_wrap=True)
    if len(warnings) > SHOWN_WARNINGS:
        err.print(f"[yellow]... and {len(warnings) - SHOWN_WARNINGS} more warnings[/]")
    if not articles:
        reason = f": {warnings[0]}" if warnings else ": no inputs found"
        error("no articles could be read" + Text(reason).plain.replace("[", r"\["))
        raise typer.Exit(1)


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _count(n: int, one: str) -> str:
    return f"{n} {one if n == 1 else one + 's'}"
