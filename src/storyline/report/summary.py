"""What the human-readable reports and the CLI say about the story: outlets, dates, labels, who said
what, how well each claim is corroborated, and what each article adds."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from storyline.link.entities import role_key
from storyline.model import Article, Claim, Dossier, Entity, Published, Quote, QuoteGroup, TimelineEvent

EMPTY_STATES = {
    "articles": "No articles were read.",
    "entities": "No entities found yet.",
    "quotes": "No quotations attributed yet.",
    "timeline": "No dated events yet.",
    "claims": "No claims grouped yet.",
    "novelty": "Not worked out yet: no article has been compared with the ones before it.",
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
SPEAKER_KIND_LABELS = {"person": "person", "organisation": "organisation", "anonymous": "anonymous source",
                       "other": "not a person (a report, a poll, a plan)"}

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
                roles.setdefault(role_key(role), role)
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


# --- Claims -------------------------------------------------------------------------------------

CLAIM_STATUSES = ("asserted", "alleged", "denied", "disputed")
CLAIM_STATUS_LABELS = {
    "asserted": "stated as fact",
    "alleged": "alleged or attributed",
    "denied": "denied",
    "disputed": "stated by some, contradicted by others",
}
# How a claim stands across outlets, as `corroboration_kind` names it.
CORROBORATION_KINDS = ("confirmed", "single", "disputed")


def is_disputed(claim: Claim) -> bool:
    """True when some article contradicts the claim, or grouping marked it disputed."""
    return claim.status == "disputed" or bool(claim.contradicted_in)


def corroboration_kind(claim: Claim) -> str:
    """"disputed" (contradicted somewhere), "confirmed" (two or more independent outlets) or "single"."""
    if is_disputed(claim):
        return "disputed"
    return "confirmed" if claim.independent_outlets >= 2 else "single"


def corroboration_label(claim: Claim, articles: Mapping[str, Article] | None = None) -> str:
    """How a claim stands in words: "confirmed by 3 independent outlets", "single source", "disputed: ...".

    With `articles` (by id), contradicting articles are counted by outlet, as the
    stating side is; without them, by article.
    """
    stated = _count_of(claim.independent_outlets, "independent outlet")
    if is_disputed(claim):
        if not claim.contradicted_in:
            return "disputed"
        against = (len(outlets_of(claim.contradicted_in, articles)) if articles is not None
                   else len(set(claim.contradicted_in)))
        return f"disputed: stated by {stated}, contradicted by {_count_of(against, 'outlet')}"
    if claim.status == "denied":  # what its members report is a denial: the denial is what is corroborated
        return f"a denial, reported by {stated}" if claim.independent_outlets >= 2 else "a denial, single source"
    if claim.independent_outlets >= 2:
        return f"confirmed by {stated}"
    if claim.outlets > 1:  # wire copies: several outlets, one source
        return f"single source, carried by {claim.outlets} outlets"
    return "single source"


def stating_articles(claim: Claim) -> tuple[str, ...]:
    """The articles that state a claim as grouped: an article whose version contradicts it is not one."""
    against = set(claim.contradicted_in)
    return tuple(a for a in claim.articles if a not in against)


def outlets_of(article_ids: Iterable[str], articles: Mapping[str, Article] | None) -> list[str]:
    """The distinct outlets of some articles, in the order given (an article's id when its outlet is unknown)."""
    lookup = articles or {}
    return list(dict.fromkeys(article_outlet_label(lookup.get(a), a) for a in article_ids))


def article_order(dossier: Dossier) -> dict[str, int]:
    """Each article's position in the dossier (publication order)."""
    return {article.id: index for index, article in enumerate(dossier.articles)}


def claim_first_seen(claim: Claim, order: Mapping[str, int]) -> str | None:
    """The earliest article stating the claim, by `order` (article positions); unknown articles last."""
    return min(claim.articles, key=lambda a: order.get(a, len(order)), default=None)


def claims_by_corroboration(dossier: Dossier, claims: Iterable[Claim] | None = None) -> list[Claim]:
    """Claims, the most independent outlets first; then the most outlets, the undisputed before the
    disputed, and the earliest reported."""
    order = article_order(dossier)

    def key(claim: Claim) -> tuple[int, int, bool, int, str]:
        first = claim_first_seen(claim, order)
        return (-claim.independent_outlets, -claim.outlets, is_disputed(claim), order.get(first or "", len(order)),
                claim.statement.casefold())

    return sorted(dossier.claims if claims is None else claims, key=key)


@dataclass(frozen=True, slots=True)
class OutletColumn:
    """One outlet as a column of the claims matrix, with its articles in the dossier."""

    label: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """What one outlet does with one claim: its articles that state it and those that contradict it."""

    stating: tuple[str, ...] = ()
    contradicting: tuple[str, ...] = ()

    @property
    def state(self) -> str:
        """"states", "contradicts", "both" (its articles differ) or "silent"."""
        if self.stating and self.contradicting:
            return "both"
        if self.stating:
            return "states"
        return "contradicts" if self.contradicting else "silent"


MATRIX_STATE_LABELS = {
    "states": "states it",
    "contradicts": "contradicts it",
    "both": "states it in one article and contradicts it in another",
    "silent": "silent",
}


def outlet_columns(dossier: Dossier) -> list[OutletColumn]:
    """Every outlet of the dossier in order of first appearance; an article with no known outlet is its own."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for article in dossier.articles:
        by_outlet[article_outlet_label(article, article.id)].append(article.id)
    return [OutletColumn(label, tuple(ids)) for label, ids in by_outlet.items()]


def claim_cells(claim: Claim, columns: Sequence[OutletColumn]) -> list[MatrixCell]:
    """The claim's row of the matrix: one cell per column."""
    stating, against = set(stating_articles(claim)), set(claim.contradicted_in)
    return [MatrixCell(tuple(a for a in column.articles if a in stating),
                       tuple(a for a in column.articles if a in against)) for column in columns]


def claim_counts(claims: Iterable[Claim]) -> dict[str, int]:
    """How many claims are confirmed, single-source and disputed."""
    counts = Counter(corroboration_kind(claim) for claim in claims)
    return {kind: counts.get(kind, 0) for kind in CORROBORATION_KINDS}


def stories_note(dossier: Dossier) -> str | None:
    """A sentence saying the articles tell several unrelated stories, or None when they tell one."""
    if len(dossier.stories) < 2:
        return None
    told = "; ".join(f"{story.id}" + (f" “{story.label}”" if story.label else "")
                     + f", {_count_of(len(story.articles), 'article')}" for story in dossier.stories)
    return (f"These articles tell {len(dossier.stories)} separate stories ({told}). "
            "Claims are grouped and compared within each story only.")


# --- Entities -----------------------------------------------------------------------------------

ENTITY_TYPE_ORDER = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EQUIPMENT", "PRODUCT", "EVENT")
ENTITY_TYPE_LABELS = {
    "PERSON": ("person", "people"), "ORG": ("organisation", "organisations"),
    "NORP": ("group", "groups"), "GPE": ("country or city", "countries and cities"),
    "LOC": ("place", "places"), "FAC": ("facility", "facilities"), "EQUIPMENT": ("equipment", "equipment"),
    "PRODUCT": ("product", "products"), "EVENT": ("event", "events"),
    "WORK_OF_ART": ("work", "works"), "LAW": ("law", "laws"),
}


def entity_type_label(entity_type: str, n: int) -> str:
    """"3 people", "1 organisation", "2 equipment"; an unknown type as written."""
    one, many = ENTITY_TYPE_LABELS.get(entity_type, (entity_type, entity_type))
    return f"{n} {one if n == 1 else many}"


def _type_rank(entity_type: str) -> tuple[int, str]:
    rank = ENTITY_TYPE_ORDER.index(entity_type) if entity_type in ENTITY_TYPE_ORDER else len(ENTITY_TYPE_ORDER)
    return rank, entity_type


def entities_by_type(entities: Iterable[Entity]) -> list[tuple[str, list[Entity]]]:
    """Entities grouped by type (people, organisations, places, equipment, ... then the rest), the most
    mentioned first within a type."""
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        grouped[entity.type].append(entity)
    return [(kind, sorted(grouped[kind], key=lambda e: (-len(e.mentions), e.name.casefold())))
            for kind in sorted(grouped, key=_type_rank)]


def entity_articles(entity: Entity) -> list[str]:
    """The distinct articles that mention an entity, in order of its mentions."""
    return list(dict.fromkeys(m.article for m in entity.mentions))


def entity_aliases(entity: Entity) -> list[str]:
    """Its other names, without the canonical one and without repeats (ignoring case and spacing)."""
    seen = {" ".join(entity.name.split()).casefold()}
    found = []
    for alias in entity.aliases:
        key = " ".join(alias.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            found.append(alias)
    return found


# --- What each article adds ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Additions:
    """What one article adds to the articles published before it, and how much it repeats.

    `quotes` are the quotations whose statement no earlier article carried; the
    `repeated_*` counts are the claims, statements and events it carries that an
    earlier article already had.
    """

    article: str
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[TimelineEvent, ...] = ()
    repeated_claims: int = 0
    repeated_quotes: int = 0
    repeated_events: int = 0

    @property
    def nothing_new(self) -> bool:
        return not (self.claims or self.quotes or self.events)

    @property
    def repeats(self) -> int:
        return self.repeated_claims + self.repeated_quotes + self.repeated_events


def additions(dossier: Dossier, only: Iterable[str] | None = None) -> list[Additions]:
    """`dossier.novelty` with its ids resolved, in its (publication) order; `only` keeps some articles.

    Ids that name nothing in the dossier are left out rather than shown bare.
    """
    wanted = None if only is None else set(only)
    claim_by_id = {claim.id: claim for claim in dossier.claims}
    quote_by_id = {quote.id: quote for quote in dossier.quotes}
    event_by_id = {event.id: event for event in dossier.timeline}
    # What each article carries, looked up once: a statement is a quote group, or a quote no group holds.
    carried: dict[str, tuple[set[str], set[str], set[str]]] = defaultdict(lambda: (set(), set(), set()))
    for claim in dossier.claims:
        for article_id in claim.articles:
            carried[article_id][0].add(claim.id)
    for quote in dossier.quotes:
        carried[quote.article][1].add(quote.group or quote.id)
    for event in dossier.timeline:
        for mention in event.mentions:
            carried[mention.mention.article][2].add(event.id)
    found = []
    for entry in dossier.novelty:
        if wanted is not None and entry.article not in wanted:
            continue
        article = entry.article
        new_claims = [claim_by_id[c] for c in entry.claims if c in claim_by_id]
        new_quotes = [quote_by_id[q] for q in entry.quotes if q in quote_by_id]
        new_events = [event_by_id[e] for e in entry.events if e in event_by_id]
        carried_claims, carried_statements, carried_events = carried[article]
        new_statements = {q.group or q.id for q in new_quotes}
        found.append(Additions(
            article=article, claims=tuple(new_claims), quotes=tuple(new_quotes), events=tuple(new_events),
            repeated_claims=len(carried_claims - set(entry.claims)),
            repeated_quotes=len(carried_statements - new_statements),
            repeated_events=len(carried_events - set(entry.events)),
        ))
    return found


def additions_line(item: Additions) -> str:
    """"adds 2 claims, 1 statement and 1 event; repeats 4 earlier items", or "nothing new; repeats ..."."""
    added = _listed([_count_of(len(item.claims), "claim"), _count_of(len(item.quotes), "statement"),
                     _count_of(len(item.events), "event")], keep_zero=False)
    repeated = _listed([_count_of(item.repeated_claims, "claim"), _count_of(item.repeated_quotes, "statement"),
                        _count_of(item.repeated_events, "event")], keep_zero=False)
    head = f"adds {added}" if added else "nothing new"
    return head + (f"; repeats {repeated} reported earlier" if repeated else "")


def _listed(parts: list[str], *, keep_zero: bool = True) -> str:
    kept = [p for p in parts if keep_zero or not p.startswith("0 ")]
    if len(kept) <= 1:
        return "".join(kept)
    return ", ".join(kept[:-1]) + " and " + kept[-1]


def _count_of(n: int, one: str) -> str:
    return f"{n} {one if n == 1 else one + 's'}"
