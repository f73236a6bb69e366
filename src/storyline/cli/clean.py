"""`storyline clean`: the cleaned article, or with --explain every removed line and why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from ..pipeline import clean_only
from .console import err, error, load_settings, out


def clean_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or URLs.", show_default=False)],
    explain: Annotated[bool, typer.Option("--explain", help="Show each removed line with its reason.")] = False,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the cleaned articles as JSON.")] = None,
    allow_private_urls: Annotated[bool, typer.Option(help="Let URLs reach loopback/private addresses.")] = False,
    config: Annotated[Optional[Path], typer.Option(help="A TOML file with a [storyline] table.")] = None,
) -> None:
    """Clean articles: body, title, outlet, date, language; no NLP, nothing stored."""
    settings = load_settings(config, allow_private_urls=allow_private_urls or None)
    articles, warnings = clean_only(inputs, settings=settings)
    if json_out:
        payload = {"articles": [a.to_dict() for a in articles], "warnings": [w.to_dict() for w in warnings]}
        json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    for article in articles:
        published = article.published
        out.rule(f"[bold]{escape(article.id)}")
        out.print(f"title:     {escape(article.title or '-')}", highlight=False)
        out.print(f"outlet:    {escape(article.outlet or '-')}", highlight=False)
        out.print(f"published: {published.date or '-'} ({published.method})"
                  + (f", page header date {published.crawl_date}" if published.crawl_date else ""), highlight=False)
        out.print(f"language:  {article.language}", highlight=False)
        if explain:
            out.print(f"removed {len(article.removed)} block(s):")
            for block in article.removed:
                out.print(f"  [red]-[/] [dim]{escape(block.reason):<20}[/] {escape(block.text[:100])}", highlight=False)
        else:
            out.print()
            out.print(escape(article.body), highlight=False)
    for warning in warnings:
        err.print(f"[yellow]warning:[/] {escape(str(warning))}", highlight=False, soft_wrap=True)
    if not articles:
        error("no articles could be cleaned")
        raise typer.Exit(1)
