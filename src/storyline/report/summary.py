"""What both human-readable reports say about the story: outlets, dates, labels, who said what."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from storyline.model import Article, Dossier, Published, Quote, QuoteGroup

EMPTY_STATES = {
    "articles": "No articles were read.",
    "entities": "No entities found yet.",
    "quotes": "No quotations attributed yet.",
    "timeline": "No dated events yet.",
    "claims": "No claims grouped yet.",
    "contradictions": "No contradictions found.",
    "duplicates": "No shared or duplicated text found.",
    "warnings": "No warnings: every input was read in full.",
}


def story_outlets(dossier: Dossier) -> list[str]:
    """The distinct known outlets, in order of first appearance."""
    seen: dict[str, None] = {}
    for article in dossier.articles:
        if article.outlet:
            seen.setdefault(article.outlet, None)
    return list(seen)


def story_dates(dossier: Dossier) -> tuple[str, str] | None:
    """The earliest and latest publication date over all articles, if any is known."""
    dates: list[str] = []
    for article in dossier.articles:
        published = article.published
        # A bounded guess (earliest/latest) still says when the story ran.
        dates.extend(d for d in (published.date, published.earliest, published.latest) if d)
    if not dates:
        return None
    # ISO 8601 dates of any precision sort correctly as strings.
    return min(dates), max(dates)


def published_label(published: Published) -> str:
    """A short human label for a publication date and how it was found."""
    if published.date:
        when = published.date
    elif published.earliest or published.latest:
        when = f"{published.earliest or '?'} to {published.latest or '?'}"
    else:
        return "date unknown"
    return f"{when} ({published.method})"


def article_date(article: Article | None) -> str | None:
    """The publication date of an article, or the earliest it can be, if known."""
    if article is None:
        return None
    return article.published.date or article.published.earliest


def article_outlet_label(article: Article | None, article_id: str) -> str:
    """The outlet of an article, falling back to its id when the outlet is unknown."""
    if article is not None and article.outlet:
        return article.outlet
    return article_id


# --- Who said what ------------------------------------------------------------------------------

# Most direct first: a statement some outlet quotes word for word is shown as direct.
QUOTE_KINDS = ("direct", "partial", "indirect")
QUOTE_KIND_LABELS = {"direct": "direct quotation", "partial": "partial quotation", "indirect": "reported speech"}
SPEAKER_KIND_LABELS = {"person": "person", "organisation": "organisation", "anonymous": "anonymous source"}

# A word (with inner apostrophes, as in "don't") or one punctuation mark, with the space before it.
_DIFF_TOKEN = re.compile(r"(\s*)(\w+(?:['’]\w+)*|[^\w\s])")
_OPENING = "([{“‘\"'"


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing said, counted once: a quote group under its canonical wording, or a quote no group holds."""

    text: str
    speaker: str | None
    quotes: tuple[Quote, ...]
    articles: tuple[str, ...]
    first_seen: str | None
    group: QuoteGroup | None = None

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of its quotes, most direct first (unknown kinds last, as written)."""
        found = dict.fromkeys(quote.kind for quote in self.quotes)
        return tuple(sorted(found, key=lambda k: QUOTE_KINDS.index(k) if k in QUOTE_KINDS else len(QUOTE_KINDS)))

    @property
    def kind(self) -> str:
        """The most direct kind among its quotes."""
        return self.kinds[0] if self.kinds else "direct"

    def said_by(self, text: str) -> bool:
        """True if a name given to its speaker contains `text`, ignoring case ("kirby" for "John Kirby")."""
        needle = " ".join(text.split()).casefold()
        names = {self.speaker, *(quote.speaker.name for quote in self.quotes)}
        return any(needle in " ".join(name.split()).casefold() for name in names if name)


@dataclass(frozen=True, slots=True)
class SpeakerStatements:
    """A speaker and what they said: roles and kind are gathered from all their quotes."""

    name: str | None
    kind: str | None  # "person" | "organisation" | "anonymous" | None
    roles: tuple[str, ...]
    statements: tuple[Statement, ...]

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return "Unnamed sources" if self.kind == "anonymous" else "Unattributed"

    @property
    def kind_label(self) -> str | None:
        return SPEAKER_KIND_LABELS.get(self.kind or "")


def statements(dossier: Dossier) -> list[Statement]:
    """Every statement once, in order of first appearance: groups, then the quotes no group holds."""
    order = {article.id: index for index, article in enumerate(dossier.articles)}
    quote_by_id = {quote.id: quote for quote in dossier.quotes}
    group_ids = {group.id for group in dossier.quote_groups}
    found = []
    for group in dossier.quote_groups:
        quotes = tuple(quote_by_id[q] for q in group.quotes if q in quote_by_id)
        articles = tuple(dict.fromkeys(group.articles or [quote.article for quote in quotes]))
        speaker = group.speaker or next((q.speaker.name for q in quotes if q.speaker.name), None)
        first_seen = group.first_seen or min(articles, key=lambda a: order.get(a, len(order)), default=None)
        found.append(Statement(group.text, speaker, quotes, articles, first_seen, group))
    for quote in dossier.quotes:
        if quote.group not in group_ids:
            found.append(Statement(quote.text, quote.speaker.name, (quote,), (quote.article,), quote.article))

    def first_appearance(statement: Statement) -> tuple[int, int]:
        starts = [q.start for q in statement.quotes if q.article == statement.first_seen]
        return order.get(statement.first_seen or "", len(order)), min(starts, default=0)

    return sorted(found, key=first_appearance)


def who_said_what(dossier: Dossier, *, only: list[Statement] | None = None) -> list[SpeakerStatements]:
    """Statements by speaker, the most quoted speaker first and the unattributed last.

    `only` restricts it to some statements (as `statements(dossier)` gives them);
    speakers without a name are kept apart by kind: anonymous sources, the rest.
    """
    by_speaker: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for statement in statements(dossier) if only is None else only:
        by_speaker[_speaker_key(statement)].append(statement)
    speakers = []
    for (bucket, name), said in by_speaker.items():
        quotes = [quote for statement in said for quote in statement.quotes]
        roles: dict[str, str] = {}
        for quote in quotes:
            role = " ".join((quote.speaker.role or "").split())
            if role:
                roles.setdefault(role.casefold(), role)
        # "Adviser" says nothing "White House National Security Adviser" does not.
        roles = {key: role for key, role in roles.items() if not any(key != other and key in other for other in roles)}
        kinds = Counter(quote.speaker.kind for quote in quotes if quote.speaker.kind)
        kind = "anonymous" if bucket == "anonymous" else (kinds.most_common(1)[0][0] if kinds else None)
        speakers.append(SpeakerStatements(name or None, kind, tuple(roles.values()), tuple(said)))
    # Named sources before anonymous ones quoted as often; the unattributed last of all.
    return sorted(speakers, key=lambda s: (s.label == "Unattributed" and s.name is None, -len(s.statements),
                                           s.kind == "anonymous", s.label.casefold()))


def _speaker_key(statement: Statement) -> tuple[str, str]:
    if statement.speaker:
        return "named", statement.speaker
    anonymous = any(quote.speaker.kind == "anonymous" for quote in statement.quotes)
    return ("anonymous" if anonymous else "unattributed"), ""


def word_diff(canonical: str, variant: str) -> list[tuple[str, str, str]]:
    """`variant` against `canonical`, word by word, as `(change, space, text)` runs.

    `change` is "same", "added" (only in the variant) or "dropped" (only in the
    canonical wording); `space` is the whitespace before the run, folded to one
    space, so the runs joined read as the variant with the dropped words in place.
    Punctuation marks are words of their own, so a changed comma does not mark the
    word next to it.
    """
    old, new = _diff_tokens(canonical), _diff_tokens(variant)
    matcher = SequenceMatcher(None, [word for _, word in old], [word for _, word in new], autojunk=False)
    runs: list[tuple[str, str, str]] = []

    def add(change: str, tokens: list[tuple[str, str]], *, opens_its_text: bool) -> None:
        space, first = tokens[0]
        text = first + "".join(s + word for s, word in tokens[1:])
        if opens_its_text and runs and (text[:1].isalnum() or text[:1] in _OPENING):
            space = " "  # the first word of one text, after words kept from the other
        runs.append((change, space, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("same", new[j1:j2], opens_its_text=j1 == 0)
            continue
        if i1 < i2:
            add("dropped", old[i1:i2], opens_its_text=i1 == 0)
        if j1 < j2:
            add("added", new[j1:j2], opens_its_text=j1 == 0)
    return runs


def _diff_tokens(text: str) -> list[tuple[str, str]]:
    return [(" " if space else "", word) for space, word in _DIFF_TOKEN.findall(text)]
