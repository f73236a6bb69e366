"""Shared Rich consoles, the error line, the settings from common options, and progress bars."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..settings import Settings

out = Console()
err = Console(stderr=True)

STAGE_LABELS = {"ingest": "Reading inputs", "clean": "Cleaning", "nlp": "Parsing (spaCy)"}


def error(message: str) -> None:
    """One red line on stderr; `message` is printed as it is (a file name or an install
    command may hold brackets that Rich would read as markup)."""
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, highlight=False, soft_wrap=True)


def load_settings(config: Path | None, **overrides: object) -> Settings:
    """Defaults, then the config file, then command-line options."""
    base = Settings.from_file(config) if config else Settings()
    return base.with_overrides(**overrides)


class StageProgress:
    """Rich progress bars, one per pipeline stage; silent when stderr is not a terminal."""

    def __init__(self, *, enabled: bool = True) -> None:
        self._bars = Progress(
            SpinnerColumn(), TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=False, disable=not (enabled and err.is_terminal),
        )
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> StageProgress:
        self._bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bars.stop()

    def start(self, stage: str, total: int | None) -> None:
        # Stages run one after another: a new one means the earlier ones are done,
        # including those whose size was not known in advance (reading inputs).
        for task in self._bars.tasks:
            if not task.finished:
                self._bars.update(task.id, total=task.completed)
        self._tasks[stage] = self._bars.add_task(STAGE_LABELS.get(stage, stage), total=total)

    def advance(self, stage: str, amount: int = 1) -> None:
        if stage in self._tasks:
            self._bars.advance(self._tasks[stage], amount)


def trim(text: str, width: int) -> str:
    """`text` on one line, cut at a word boundary to at most `width` characters."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[:width - 1]
    if " " in cut[width // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
