"""Report: a Dossier as JSON (the contract), Markdown, or one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

from ..model import Dossier
from .html import render_html
from .json import read_json, render_json
from .markdown import render_markdown

RENDERERS = {"json": render_json, "markdown": render_markdown, "html": render_html}


def write_report(dossier: Dossier, path: Path, *, kind: str) -> Path:
    """Write the dossier to `path` in `kind` ("json", "markdown" or "html")."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RENDERERS[kind](dossier), encoding="utf-8")
    return path


__all__ = ["RENDERERS", "read_json", "render_html", "render_json", "render_markdown", "write_report"]
