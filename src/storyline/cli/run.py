"""`storyline run`: inputs in, dossier files out, a short summary on the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..model import Dossier
from ..pipeline import RunReport, run
from ..report import write_report
from .console import StageProgress, err, error, out
from .options import (
    PATHS,
    AllowPrivateUrlsOption,
    ConfigOption,
    DbOption,
    ModelOption,
    NoStoreOption,
    pipeline_settings,
)


def run_command(
    inputs: Annotated[list[str], PATHS],
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Write the dossier JSON here.")] = None,
    markdown_path: Annotated[Optional[Path], typer.Option("--markdown", "--md", help="Write Markdown here.")] = None,
    html_path: Annotated[Optional[Path], typer.Option(
        "--html", help="Write one self-contained HTML file here.")] = None,
    db: DbOption = None,
    no_store: NoStoreOption = False,
    model: ModelOption = None,
    processes: Annotated[Optional[int], typer.Option(
        "--processes", "-p", help=escape("Parser processes [default: auto]."))] = None,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")] = False,
) -> None:
    """Build the story dossier from articles; only articles not in the store are processed."""
    settings = pipeline_settings(config, db=db, no_store=no_store, model=model,
                                 allow_private_urls=allow_private_urls, n_process=processes, show_progress=not quiet)
    with StageProgress(enabled=settings.show_progress) as progress:
        report = run(inputs, settings=settings, progress=progress)
    written = [
        (kind, write_report(report.dossier, path, kind=kind))
        for kind, path in (("json", json_path), ("markdown", markdown_path), ("html", html_path))
        if path is not None
    ]
    if not quiet:
        _summary(report, written)
    if not report.dossier.articles:
        error("no articles could be processed" + _first_reasons(report.dossier))
        raise typer.Exit(1)


def _summary(report: RunReport, written: list[tuple[str, Path]]) -> None:
    dossier = report.dossier
    outlets = {a.outlet for a in dossier.articles if a.outlet}
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row("articles", f"{len(dossier.articles)} ({report.processed} new, {report.cached} from the store)")
    table.add_row("outlets", str(len(outlets)))
    table.add_row("entities", str(len(dossier.entities)))
    table.add_row("quotes", f"{len(dossier.quotes)} ({len(dossier.quote_groups)} carried by several articles)")
    shared = sum(1 for c in dossier.claims if c.independent_outlets > 1)
    table.add_row("claims", f"{len(dossier.claims)} ({shared} confirmed by several independent outlets)")
    table.add_row("contradictions", str(len(dossier.contradictions)))
    table.add_row("shared text", f"{len(dossier.duplicates)} article pair(s)")
    if len(dossier.stories) > 1:
        table.add_row("stories", f"{len(dossier.stories)} (claims grouped within each)")
    table.add_row("dated events", str(len(dossier.timeline)))
    table.add_row("warnings", str(len(dossier.warnings)))
    out.print(table)
    # Paths on lines of their own, never wrapped or cut, so they can be copied.
    if report.db_path and str(report.db_path) != ":memory:":
        out.print(f"store: {report.db_path}", soft_wrap=True, highlight=False)
    for kind, path in written:
        out.print(f"wrote {kind}: {path}", soft_wrap=True, highlight=False)
    for warning in dossier.warnings[:10]:
        err.print(f"[yellow]warning:[/] {escape(str(warning))}", highlight=False, soft_wrap=True)
    if len(dossier.warnings) > 10:
        err.print(f"[yellow]... and {len(dossier.warnings) - 10} more warnings in the dossier[/]")


def _first_reasons(dossier: Dossier) -> str:
    if not dossier.warnings:
        return ": no inputs found"
    more = f" (and {len(dossier.warnings) - 1} more)" if len(dossier.warnings) > 1 else ""
    return f": {dossier.warnings[0]}{more}"
