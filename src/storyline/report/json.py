"""The dossier as JSON: exactly the public contract, generated from the model."""

from __future__ import annotations

import json
from typing import Any

from ..model import Dossier


def render_json(dossier: Dossier, *, indent: int | None = 2) -> str:
    """The dossier as a JSON document (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(dossier.to_dict(), ensure_ascii=False, indent=indent)


def read_json(text: str) -> Dossier:
    """A dossier back from its JSON."""
    data: dict[str, Any] = json.loads(text)
    return Dossier.from_dict(data)
