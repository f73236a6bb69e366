"""Options shared by the commands that run the pipeline, and the settings they make."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from ..settings import Settings
from .console import load_settings

PATHS = typer.Argument(help="Files, folders (read recursively) or http(s) URLs.", show_default=False)

# Typer reads help texts as Rich markup: square brackets meant literally are escaped.
DbOption = Annotated[Optional[Path], typer.Option(help=escape("SQLite store [default: ./storyline.db]."))]
NoStoreOption = Annotated[bool, typer.Option("--no-store", help="Keep nothing on disk between runs.")]
ModelOption = Annotated[Optional[str], typer.Option(help="An installed spaCy pipeline to use.")]
AllowPrivateUrlsOption = Annotated[bool, typer.Option(help="Let URLs reach loopback/private addresses.")]
ConfigOption = Annotated[Optional[Path], typer.Option(help=escape("A TOML file with a [storyline] table."))]


def pipeline_settings(
    config: Path | None, *, db: Path | None, no_store: bool, model: str | None, allow_private_urls: bool,
    **overrides: object,
) -> Settings:
    """The settings of a pipeline command: defaults, the config file, then its options."""
    settings = load_settings(config, db_path=db, model=model, allow_private_urls=allow_private_urls or None,
                             **overrides)
    if no_store:
        settings = settings.with_overrides(db_path=Path(":memory:"))
    return settings
