"""Checks shared by the end-to-end tests."""

from __future__ import annotations

from typing import Any


def iter_mentions(data: Any) -> list[dict[str, Any]]:
    """Every mention-shaped dict (article/start/end/text) anywhere in a dossier's JSON."""
    found = []
    if isinstance(data, dict):
        if {"article", "start", "end", "text"} <= set(data):
            found.append(data)
        for value in data.values():
            found.extend(iter_mentions(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(iter_mentions(value))
    return found


def assert_mentions_match_bodies(dossier: dict[str, Any]) -> int:
    """Assert `body[start:end] == text` for every mention; return how many were checked."""
    bodies = {a["id"]: a["body"] for a in dossier["articles"]}
    mentions = iter_mentions({k: v for k, v in dossier.items() if k != "articles"})
    mentions += iter_mentions([a["published"] for a in dossier["articles"]])
    for m in mentions:
        if m.get("parts"):  # a quotation in pieces: its text is the pieces joined, each piece a mention
            assert m["text"] == " ".join(p["text"] for p in m["parts"]), m
            assert m["start"] == m["parts"][0]["start"] and m["end"] == m["parts"][-1]["end"], m
        else:
            assert bodies[m["article"]][m["start"]:m["end"]] == m["text"], m
    return len(mentions)
