"""Equipment mentions: aircraft, drones, missiles, vehicles and other hardware in one article.

Data-driven, with no code per name:

- **Gazetteers**: the bundled `storyline/data/equipment.tsv` and any user files in
  the same format, one entry a line: `name<TAB>kind<TAB>aliases` (aliases separated
  by "|"). In a name or an alias "#" stands for a designator number ("Su-#" matches
  "Su-35", "Su-25SM"), a space or a hyphen matches either, and an alias ending in
  "?" is also an ordinary word or a surname, so it counts only next to an equipment
  noun ("Abrams?" matches "Abrams tanks", not "Stacey Abrams"). Case is ignored,
  except that a name written with capitals matches only a capitalised word.
- **Designator shapes** ("Orlan-10", "Kh-101", "TB2", "A380") next to an equipment
  noun ("the Orlan-10 drones", "drones such as the Mohajer-6") or right after a
  gazetteer name, and a capitalised equipment noun with a number ("Tank 4").

A gazetteer is configuration: a malformed line raises `InputError` naming the file
and the line when it is loaded, before any article is read. Gazetteers are loaded
once per process (again when a file changes).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import InputError
from ..model import Article, EntityMention

LABEL = "EQUIPMENT"

# Nouns that make a designator-shaped word a piece of equipment when they stand next to it.
EQUIPMENT_NOUNS = frozenset("""
drone uav ucav missile rocket jet fighter bomber aircraft airplane aeroplane plane airliner superjumbo
jumbo helicopter gunship tank vehicle howitzer launcher interceptor warship frigate destroyer corvette
submarine satellite radar munition system battery rifle artillery mortar torpedo airframe gun
""".split())
# Words read after / before a designator when looking for an equipment noun.
WORDS_AFTER = 3
WORDS_BEFORE = 4

# "#" in a gazetteer name: digits, optional capitals and digits, an optional sub-model ("777-200LR").
NUMBER = r"(?P<n>\d{1,4}(?:[A-Z]{1,3}\d{0,2})?(?:-\d{1,4}[A-Z]{0,3})?)"
SEPARATOR = r"(?:[ \t]*-[ \t]*|[ \t]+)"
# A plural "s" may follow a name without being part of the mention ("Javelins", "Su-35s").
END = r"(?=s?(?![\w-]))"

DESIGNATOR = re.compile(
    r"(?<![\w/-])(?:[A-Z][A-Za-z]{0,11}-\d{1,4}(?:[A-Z]{1,3}\d{0,2})?|[A-Z]{1,4}\d{1,4}(?:[A-Z]{1,3}\d{0,2})?)" + END
)
NOUN_NUMBER = re.compile(r"(?<![\w-])([A-Z][a-z]+) (\d{1,3}[A-Z]?)(?![\w-])")
WORD = re.compile(r"[A-Za-z0-9]+")
_NOUN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_SENTENCE_BREAK = re.compile(r"[.!?;:\n]")

BUNDLED = "equipment.tsv"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One family or model: its name, what kind of thing it is, other names for it."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Surface:
    """A name or alias as a pattern."""

    pattern: re.Pattern[str]
    entry: GazetteerEntry
    needs_noun: bool
    capitalised: bool
    numbered: bool


class Gazetteer:
    """Compiled gazetteer entries, indexed by their first word."""

    def __init__(self, entries: Sequence[GazetteerEntry]) -> None:
        self.entries = tuple(entries)
        self._by_word: dict[str, list[_Surface]] = defaultdict(list)
        for entry in self.entries:
            for text in (entry.name, *entry.aliases):
                needs_noun = text.endswith("?")
                text = text.rstrip("?")
                first = WORD.search(text.split("#")[0])
                if first is None:
                    continue
                surface = _Surface(_compile(text), entry, needs_noun, any(c.isupper() for c in text), "#" in text)
                self._by_word[first.group(0).lower()].append(surface)

    def find(self, body: str) -> list[tuple[int, int]]:
        """Spans of `body` a gazetteer name matches, the longest at each place, overlaps allowed."""
        found = []
        for word in WORD.finditer(body):
            lower = word.group(0).lower()
            surfaces = self._by_word.get(lower, []) + (self._by_word.get(lower[:-1], []) if lower[-1] == "s" else [])
            if not surfaces:
                continue
            start = word.start()
            if start and (body[start - 1].isalnum() or body[start - 1] == "/"):
                continue
            best = 0
            for surface in surfaces:
                match = surface.pattern.match(body, start)
                if match is None or match.end() <= start + best:
                    continue
                if surface.capitalised and not (body[start].isupper() or body[start].isdigit()):
                    continue
                if surface.needs_noun and not _near_noun(body, start, match.end()):
                    continue
                best = match.end() - start
            if best:
                found.append((start, start + best))
        return found

    def canonical(self, text: str) -> str | None:
        """The entry name `text` spells ("Geran-2" -> "Shahed-136", "Sukhoi Su-35" -> "Su-35"), or None."""
        text = " ".join(text.split())
        first = WORD.search(text)
        if first is None:
            return None
        for surface in self._by_word.get(first.group(0).lower(), ()):
            match = surface.pattern.fullmatch(text)
            if match is None:
                continue
            name = surface.entry.name
            if "#" in name:
                return name.replace("#", match.group("n"), 1) if surface.numbered else None
            return name
        return None


def equipment_mentions(article: Article, gazetteers: Sequence[Path] = ()) -> tuple[EntityMention, ...]:
    """Equipment named in `article` (label "EQUIPMENT"), from the bundled gazetteer, the
    user `gazetteers` and designator patterns, in reading order, without overlaps."""
    body = article.body
    gazetteer = load_gazetteer(gazetteers)
    named = gazetteer.find(body)
    candidates = list(named)
    ends = {end: start for start, end in named}
    for match in DESIGNATOR.finditer(body):
        start, end = match.span()
        glued = ends.get(start - 1) if body[start - 1:start] == " " else None
        if glued is not None:
            candidates.append((glued, end))  # "Bayraktar TB2": a designator right after a gazetteer name
        elif _near_noun(body, start, end):
            candidates.append((start, end))
    for match in NOUN_NUMBER.finditer(body):
        if match.group(1).lower() in EQUIPMENT_NOUNS:
            candidates.append(match.span())
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(candidates), key=lambda span: (span[0], span[0] - span[1])):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end))
    return tuple(EntityMention(article.mention(start, end), LABEL) for start, end in chosen)


def load_gazetteer(paths: Sequence[Path] = ()) -> Gazetteer:
    """The bundled gazetteer with the user files `paths` (raises `InputError` on a missing
    file or a malformed line)."""
    stamps = []
    for path in paths:
        path = Path(path).expanduser()
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError as exc:
            raise InputError(f"cannot read equipment gazetteer {path}: {exc.strerror or exc}; "
                             "check the gazetteers setting") from exc
    return _load(tuple(stamps))


@lru_cache(maxsize=16)
def _load(stamps: tuple[tuple[str, int], ...]) -> Gazetteer:
    entries = list(parse_gazetteer(files("storyline.data").joinpath(BUNDLED).read_text(encoding="utf-8"),
                                   source=f"bundled {BUNDLED}"))
    for path, _ in stamps:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read equipment gazetteer {path}: {exc}") from exc
        entries.extend(parse_gazetteer(text, source=path))
    return Gazetteer(entries)


def parse_gazetteer(text: str, *, source: str = "gazetteer") -> list[GazetteerEntry]:
    """Entries of a gazetteer file's text; a malformed line raises `InputError`."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        name = fields[0].strip()
        kind = fields[1].strip() if len(fields) > 1 else ""
        aliases = tuple(a.strip() for a in fields[2].split("|") if a.strip()) if len(fields) > 2 else ()
        if len(fields) > 3 or not name or not kind or not all(_usable(s) for s in (name, *aliases)):
            raise InputError(f"{source}, line {number}: expected name<TAB>kind<TAB>aliases (aliases separated "
                             f"by \"|\"), got {line.strip()[:60]!r}")
        entries.append(GazetteerEntry(name, kind, aliases))
    return entries


def _usable(surface: str) -> bool:
    """A name or alias has a letter or digit before any "#", and at most one "#"."""
    surface = surface.rstrip("?")
    return surface.count("#") <= 1 and WORD.search(surface.split("#")[0]) is not None


def _compile(surface: str) -> re.Pattern[str]:
    parts = []
    for piece in re.split(r"([\s-]+|#)", surface):
        if piece == "#":
            parts.append(NUMBER)
        elif piece and not piece.strip(" \t-"):
            parts.append(SEPARATOR)
        elif piece:
            parts.append(f"(?i:{re.escape(piece)})")
    return re.compile("".join(parts) + END)


def _near_noun(body: str, start: int, end: int) -> bool:
    """An equipment noun within a few words after or before `body[start:end]`, in its sentence."""
    after = body[end:end + 60]
    stop = _SENTENCE_BREAK.search(after)
    after_words = _NOUN_WORD.findall(after[:stop.start()] if stop else after)[:WORDS_AFTER]
    before = body[max(0, start - 80):start]
    stops = list(_SENTENCE_BREAK.finditer(before))
    before_words = _NOUN_WORD.findall(before[stops[-1].end():] if stops else before)[-WORDS_BEFORE:]
    return any(_is_noun(w) for w in (*after_words, *before_words))


def _is_noun(word: str) -> bool:
    word = word.lower().rsplit("-", 1)[-1]
    return word in EQUIPMENT_NOUNS or (word.endswith("s") and word[:-1] in EQUIPMENT_NOUNS) or (
        word.endswith("es") and word[:-2] in EQUIPMENT_NOUNS)
