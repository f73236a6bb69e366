"""The command line: a thin Typer layer over the Python API, one file per command group.

Exit codes: 0 ok, 1 a storyline error (one red line, no traceback), 2 usage.
"""

from __future__ import annotations

import sys

import typer

from ..errors import StorylineError
from .claims import claims_command, diff_command, entities_command
from .clean import clean_command
from .console import error
from .quotes import quotes_command
from .run import run_command
from .time import timeline_command, timex_command

app = typer.Typer(
    name="storyline",
    help="Turn raw news articles about one developing story into a source-attributed dossier.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("run")(run_command)
app.command("clean")(clean_command)
app.command("quotes")(quotes_command)
app.command("timeline")(timeline_command)
app.command("timex")(timex_command)
app.command("claims")(claims_command)
app.command("entities")(entities_command)
app.command("diff")(diff_command)


def main() -> None:
    """Entry point of the `storyline` script.

    Click's standalone mode handles usage errors (exit 2) and `typer.Exit`; our own
    errors pass through it and become one red line here.
    """
    try:
        app()
    except StorylineError as exc:
        error(str(exc))
        sys.exit(1)
