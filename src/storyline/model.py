"""The vocabulary: frozen value objects shared by every stage.

`to_dict` produces exactly the dossier JSON contract (docs/dossier-json.md in the
shared docs); `from_dict` reads it back. Fields beyond the contract are allowed
(the contract says "add fields freely") but none of its fields is renamed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA = "storyline.dossier/1"

PUBLISHED_METHODS = ("metadata", "text", "inferred", "unknown")


@dataclass(frozen=True, slots=True)
class Mention:
    """Evidence: `text == body[start:end]` of the article `article`.

    Build mentions with `Article.mention(start, end)` so the invariant is checked.
    """

    article: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end) or len(self.text) != self.end - self.start:
            raise ValueError(f"mention offsets {self.start}:{self.end} do not fit its text {self.text!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(article=data["article"], start=data["start"], end=data["end"], text=data["text"])


@dataclass(frozen=True, slots=True)
class Published:
    """When an article was published, and how we know."""

    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    method: str = "unknown"
    evidence: tuple[Mention, ...] = ()
    crawl_date: str | None = None  # a page-header "today" date, told apart from the article's own

    def __post_init__(self) -> None:
        if self.method not in PUBLISHED_METHODS:
            raise ValueError(f"unknown publication-date method {self.method!r}")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "date": self.date,
            "earliest": self.earliest,
            "latest": self.latest,
            "method": self.method,
            "evidence": [m.to_dict() for m in self.evidence],
        }
        if self.crawl_date:
            data["crawl_date"] = self.crawl_date
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Published:
        return cls(
            date=data.get("date"),
            earliest=data.get("earliest"),
            latest=data.get("latest"),
            method=data.get("method", "unknown"),
            evidence=tuple(Mention.from_dict(m) for m in data.get("evidence", ())),
            crawl_date=data.get("crawl_date"),
        )


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A piece of the source text that cleaning removed, and why.

    `start`/`end` are offsets into the text the cleaner was given (the decoded file
    for plain text); for HTML pages they are -1 (the removed part is markup).
    """

    text: str
    reason: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RemovedBlock:
        return cls(text=data["text"], reason=data["reason"], start=data.get("start", -1), end=data.get("end", -1))


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What a cleaner (HTML or plain text) found in one page, before it is an Article.

    `segments` maps the body back to the text the cleaner was given: each
    `(body_start, source_start, length)` says `body[b:b+n] == source[s:s+n]`
    (empty for HTML, whose source is markup). `date_evidence` are `(start, end)`
    spans of `body` that support `date`.
    """

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None  # the article's own publication date, YYYY-MM-DD
    date_method: str = "unknown"  # "metadata" | "text" | "unknown"
    date_evidence: tuple[tuple[int, int], ...] = ()
    crawl_date: str | None = None  # a page-header "today" date, not the article's
    removed: tuple[RemovedBlock, ...] = ()
    segments: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. All offsets in the dossier refer to `body`."""

    id: str
    source: str
    body: str
    outlet: str | None = None
    title: str | None = None
    published: Published = field(default_factory=Published)
    language: str = "und"
    content_hash: str = ""
    author: str | None = None
    url: str | None = None
    removed: tuple[RemovedBlock, ...] = ()

    def mention(self, start: int, end: int) -> Mention:
        """A checked mention of `body[start:end]`."""
        if not (0 <= start <= end <= len(self.body)):
            raise ValueError(f"span {start}:{end} is outside article {self.id!r} ({len(self.body)} chars)")
        return Mention(self.id, start, end, self.body[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published.to_dict(),
            "language": self.language,
            "body": self.body,
            "author": self.author,
            "url": self.url,
            "content_hash": self.content_hash,
            "removed": [r.to_dict() for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            source=data["source"],
            body=data["body"],
            outlet=data.get("outlet"),
            title=data.get("title"),
            published=Published.from_dict(data.get("published") or {}),
            language=data.get("language", "und"),
            content_hash=data.get("content_hash", ""),
            author=data.get("author"),
            url=data.get("url"),
            removed=tuple(RemovedBlock.from_dict(r) for r in data.get("removed", ())),
        )


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity mention found in one article (per-article result)."""

    mention: Mention
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.mention.to_dict(), "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityMention:
        return cls(mention=Mention.from_dict(data), label=data["label"])


@dataclass(frozen=True, slots=True)
class Entity:
    """One canonical entity across articles. `role_mentions` are the role or title words
    as written next to a mention ("spokeswoman" in "Irena Valdaro, a spokeswoman for
    ..."), the evidence for `roles`."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    role_mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.role_mentions:
            data["role_mentions"] = [m.to_dict() for m in self.role_mentions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            aliases=tuple(data.get("aliases", ())),
            roles=tuple(data.get("roles", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            role_mentions=tuple(Mention.from_dict(m) for m in data.get("role_mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement: `mention` is where the text names them (may be "he"),
    `name` the resolved name (canonical across articles once linked), `role` a
    title or function given in the text ("National Security Adviser"), `kind`
    "person", "organisation", "anonymous" (unnamed people: "a senior US official"), "other" (a
    thing: "the study", "the deal") or None when unknown."""

    name: str | None = None
    entity: str | None = None
    mention: Mention | None = None
    role: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity": self.entity,
            "mention": self.mention.to_dict() if self.mention else None,
            "role": self.role,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(name=data.get("name"), entity=data.get("entity"),
                   mention=Mention.from_dict(mention) if mention else None,
                   role=data.get("role"), kind=data.get("kind"))


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement in one article. `start`/`end` span its content; `parts` are the
    content pieces as mentions (several when the attribution splits the quotation or
    it runs over paragraphs) and `text` is those pieces joined by a space, without
    quotation marks, so `text == body[start:end]` holds for a one-part quote."""

    id: str
    article: str
    start: int
    end: int
    text: str
    kind: str  # "direct" | "indirect" | "partial"
    speaker: Speaker = field(default_factory=Speaker)
    cue: str | None = None
    group: str | None = None
    parts: tuple[Mention, ...] = ()
    cue_mention: Mention | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_dict(),
            "cue": self.cue,
            "group": self.group,
            "parts": [m.to_dict() for m in self.parts],
            "cue_mention": self.cue_mention.to_dict() if self.cue_mention else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        cue_mention = data.get("cue_mention")
        return cls(
            id=data["id"], article=data["article"], start=data["start"], end=data["end"],
            text=data["text"], kind=data["kind"], speaker=Speaker.from_dict(data.get("speaker") or {}),
            cue=data.get("cue"), group=data.get("group"),
            parts=tuple(Mention.from_dict(m) for m in data.get("parts", ())),
            cue_mention=Mention.from_dict(cue_mention) if cue_mention else None,
        )


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    quote: str
    differences: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "differences": list(self.differences)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteVariant:
        return cls(quote=data["quote"], differences=tuple(data.get("differences", ())))


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    id: str
    text: str
    speaker: str | None
    quotes: tuple[str, ...]
    articles: tuple[str, ...]
    first_seen: str | None
    variants: tuple[QuoteVariant, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "speaker": self.speaker, "quotes": list(self.quotes),
            "articles": list(self.articles), "first_seen": self.first_seen,
            "variants": [v.to_dict() for v in self.variants],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteGroup:
        return cls(
            id=data["id"], text=data["text"], speaker=data.get("speaker"), quotes=tuple(data["quotes"]),
            articles=tuple(data["articles"]), first_seen=data.get("first_seen"),
            variants=tuple(QuoteVariant.from_dict(v) for v in data.get("variants", ())),
        )


TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression in one text, normalised in TimeML TIMEX3 form.

    `start`/`end` span it in the text (signals such as "on", "since" are outside);
    `value` is the TIMEX3 value ("2022-07-11", "2022-W28", "P4M", "PRESENT_REF",
    "XXXX-07-19"); `mod` a TIMEX3 modifier ("START" for "early July", "END",
    "MID", "APPROX", "MORE_THAN", ...). `relative` is set when the value depends
    on the reference date: `extract.timexes.resolve(relative, dct)` gives the value
    for another reference date, which is how publication dates are inferred.
    `tense` is the tense of the clause the expression dates ("past", "present",
    "future"), when the text shows it.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    relative: str | None = None
    tense: str | None = None

    def __post_init__(self) -> None:
        if self.type not in TIMEX_TYPES:
            raise ValueError(f"unknown TIMEX3 type {self.type!r}")
        if not (0 <= self.start <= self.end) or len(self.text) != self.end - self.start:
            raise ValueError(f"timex offsets {self.start}:{self.end} do not fit its text {self.text!r}")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                                "type": self.type, "value": self.value}
        for name in ("mod", "relative", "tense"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return cls(start=data["start"], end=data["end"], text=data["text"], type=data["type"],
                   value=data["value"], mod=data.get("mod"), relative=data.get("relative"),
                   tense=data.get("tense"))


@dataclass(frozen=True, slots=True)
class TimelineMention:
    mention: Mention
    expression: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.mention.to_dict(), "expression": self.expression}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineMention:
        return cls(mention=Mention.from_dict(data), expression=data["expression"])


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event of the story, with the sentences that report it in each article.

    `date` is a TIMEX3-style value at its `granularity` ("2022-07" for a July
    event, never pinned to July 1). An event known only by its relation to
    another ("before the ceasefire") has no date: `relation` says how it relates
    to `anchor` (the words naming the other event) and `anchor_event` is the id
    of that event when the timeline dates it. `planned` marks events the texts
    tell in the future tense.
    """

    id: str
    date: str | None
    granularity: str | None  # "year" | "month" | "week" | "day", None for an undated event
    description: str
    mentions: tuple[TimelineMention, ...] = ()
    relation: str | None = None  # "before" | "after" | "since" | "until"
    anchor: str | None = None
    anchor_event: str | None = None
    planned: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "date": self.date, "granularity": self.granularity,
                                "description": self.description, "mentions": [m.to_dict() for m in self.mentions]}
        if self.relation:
            data.update(relation=self.relation, anchor=self.anchor, anchor_event=self.anchor_event)
        if self.planned:
            data["planned"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        return cls(id=data["id"], date=data.get("date"), granularity=data.get("granularity"),
                   description=data["description"],
                   mentions=tuple(TimelineMention.from_dict(m) for m in data.get("mentions", ())),
                   relation=data.get("relation"), anchor=data.get("anchor"),
                   anchor_event=data.get("anchor_event"), planned=bool(data.get("planned", False)))


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One atomic claim in one article (per-article result): a clause that states a fact.

    `mention` is the clause's evidence; the parts are spans inside it where the text has
    them. Grouping across articles (`link/claims.py`) turns these into `Claim`s.
    """

    mention: Mention
    predicate: str = ""  # the main verb's base form, e.g. "supply"; "be" for a copula
    subject: Mention | None = None
    object: Mention | None = None
    quantities: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    times: tuple[Mention, ...] = ()  # temporal expressions as written; their values come from the time stage
    negated: bool = False
    hedge: str | None = None  # the hedging word as written: "reportedly", "allegedly", "may"
    source: Mention | None = None  # who the claim is attributed to, as written ("US officials")
    status: str = "asserted"  # "asserted" | "alleged" | "denied"

    def to_dict(self) -> dict[str, Any]:
        def span(m: Mention | None) -> dict[str, Any] | None:
            return None if m is None else m.to_dict()

        return {**self.mention.to_dict(), "predicate": self.predicate, "subject": span(self.subject),
                "object": span(self.object), "quantities": [m.to_dict() for m in self.quantities],
                "places": [m.to_dict() for m in self.places], "times": [m.to_dict() for m in self.times],
                "negated": self.negated, "hedge": self.hedge, "source": span(self.source), "status": self.status}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimMention:
        def span(d: dict[str, Any] | None) -> Mention | None:
            return None if d is None else Mention.from_dict(d)

        return cls(mention=Mention.from_dict(data), predicate=data.get("predicate", ""),
                   subject=span(data.get("subject")), object=span(data.get("object")),
                   quantities=tuple(Mention.from_dict(m) for m in data.get("quantities", ())),
                   places=tuple(Mention.from_dict(m) for m in data.get("places", ())),
                   times=tuple(Mention.from_dict(m) for m in data.get("times", ())),
                   negated=bool(data.get("negated", False)), hedge=data.get("hedge"),
                   source=span(data.get("source")), status=data.get("status", "asserted"))


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    statement: str
    mentions: tuple[Mention, ...] = ()
    articles: tuple[str, ...] = ()
    outlets: int = 0
    independent_outlets: int = 0
    attributed_to: tuple[str, ...] = ()
    status: str = "asserted"  # "asserted" | "alleged" | "denied" | "disputed" (stated by some, contradicted by others)
    contradicted_in: tuple[str, ...] = ()  # beyond the contract: articles whose version contradicts it
    story: str | None = None  # beyond the contract: the story (`Story.id`) it belongs to

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "statement": self.statement, "mentions": [m.to_dict() for m in self.mentions],
                "articles": list(self.articles), "outlets": self.outlets,
                "independent_outlets": self.independent_outlets, "attributed_to": list(self.attributed_to),
                "status": self.status}
        if self.contradicted_in:
            data["contradicted_in"] = list(self.contradicted_in)
        if self.story is not None:
            data["story"] = self.story
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(id=data["id"], statement=data["statement"],
                   mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
                   articles=tuple(data.get("articles", ())), outlets=data.get("outlets", 0),
                   independent_outlets=data.get("independent_outlets", 0),
                   attributed_to=tuple(data.get("attributed_to", ())), status=data.get("status", "asserted"),
                   contradicted_in=tuple(data.get("contradicted_in", ())), story=data.get("story"))


@dataclass(frozen=True, slots=True)
class Contradiction:
    id: str
    kind: str  # "factual_conflict" | "paraphrase_drift" | "spelling_variant" | "stance_disagreement"
    description: str
    sides: tuple[tuple[Mention, ...], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "description": self.description,
                "sides": [[m.to_dict() for m in side] for side in self.sides]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contradiction:
        return cls(id=data["id"], kind=data["kind"], description=data["description"],
                   sides=tuple(tuple(Mention.from_dict(m) for m in side) for side in data.get("sides", ())))


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    articles: tuple[str, str]
    similarity: float
    shared: tuple[tuple[Mention, Mention], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"articles": list(self.articles), "similarity": self.similarity,
                "shared": [[a.to_dict(), b.to_dict()] for a, b in self.shared]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DuplicatePair:
        first, second = data["articles"]
        return cls(articles=(first, second), similarity=data["similarity"],
                   shared=tuple((Mention.from_dict(a), Mention.from_dict(b)) for a, b in data.get("shared", ())))


@dataclass(frozen=True, slots=True)
class Warning:  # noqa: A001 - the contract's own word; not the builtin category
    """An input skipped or degraded, with the reason. Never silent."""

    source: str
    reason: str
    stage: str = "ingest"
    article: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "stage": self.stage, "article": self.article}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Warning:
        return cls(source=data["source"], reason=data["reason"], stage=data.get("stage", "ingest"),
                   article=data.get("article"))

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Novelty:
    """What one article adds to the story told by the articles published before it."""

    article: str
    claims: tuple[str, ...] = ()  # claim ids first stated by this article
    quotes: tuple[str, ...] = ()  # quote ids of statements no earlier article carried
    events: tuple[str, ...] = ()  # timeline event ids first reported by this article

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "claims": list(self.claims), "quotes": list(self.quotes),
                "events": list(self.events)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Novelty:
        return cls(article=data["article"], claims=tuple(data.get("claims", ())),
                   quotes=tuple(data.get("quotes", ())), events=tuple(data.get("events", ())))


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one story: claims are grouped only within a story."""

    id: str
    articles: tuple[str, ...]
    label: str = ""  # its most telling names and words, e.g. "Iran, Russia, drones"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "articles": list(self.articles), "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(id=data["id"], articles=tuple(data.get("articles", ())), label=data.get("label", ""))


@dataclass(frozen=True, slots=True)
class Dossier:
    generated_at: str
    articles: tuple[Article, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    duplicates: tuple[DuplicatePair, ...] = ()
    warnings: tuple[Warning, ...] = ()
    novelty: tuple[Novelty, ...] = ()  # beyond the contract: per article, in publication order
    stories: tuple[Story, ...] = ()  # beyond the contract: more than one when unrelated articles are mixed
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": self.schema, "generated_at": self.generated_at}
        for f in fields(self):
            if f.name in ("schema", "generated_at"):
                continue
            data[f.name] = [item.to_dict() for item in getattr(self, f.name)]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dossier:
        readers = {
            "articles": Article, "entities": Entity, "quotes": Quote, "quote_groups": QuoteGroup,
            "timeline": TimelineEvent, "claims": Claim, "contradictions": Contradiction,
            "duplicates": DuplicatePair, "warnings": Warning, "novelty": Novelty, "stories": Story,
        }
        items = {name: tuple(kind.from_dict(d) for d in data.get(name, ())) for name, kind in readers.items()}
        return cls(generated_at=data["generated_at"], schema=data.get("schema", SCHEMA), **items)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the per-article stages found in one article: what the store caches."""

    article: Article
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[Warning, ...] = ()
    claims: tuple[ClaimMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "warnings": [w.to_dict() for w in self.warnings],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleResult:
        return cls(
            article=Article.from_dict(data["article"]),
            entities=tuple(EntityMention.from_dict(e) for e in data.get("entities", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            warnings=tuple(Warning.from_dict(w) for w in data.get("warnings", ())),
            claims=tuple(ClaimMention.from_dict(c) for c in data.get("claims", ())),
        )

    def renamed(self, article_id: str, source: str) -> ArticleResult:
        """The same result under another id and source (ids depend on the run's inputs)."""
        if article_id == self.article.id and source == self.article.source:
            return self
        data = _replace_key(self.to_dict(), "article", self.article.id, article_id)
        data["article"]["id"] = article_id
        data["article"]["source"] = source
        for warning in data["warnings"]:
            warning["source"] = source
        return ArticleResult.from_dict(data)


def _replace_key(data: Any, key: str, old: str, new: str) -> Any:
    """A deep copy of JSON-like `data` with every `key: old` changed to `key: new`."""
    if isinstance(data, dict):
        return {k: (new if k == key and v == old else _replace_key(v, key, old, new)) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace_key(v, key, old, new) for v in data]
    return data
