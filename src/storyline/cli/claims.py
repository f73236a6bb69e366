"""`storyline claims`, `storyline entities` and `storyline diff`: what the story asserts, who and what it
names, and what a new article adds to it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .. import pipeline
from ..model import Article, Claim, Dossier, Entity
from ..report.summary import (
    Additions,
    additions,
    additions_line,
    article_date,
    article_order,
    claim_counts,
    claim_first_seen,
    claims_by_corroboration,
    corroboration_kind,
    corroboration_label,
    entities_by_type,
    entity_aliases,
    entity_articles,
    entity_type_label,
    outlets_of,
    stating_articles,
    stories_note,
)
from .console import StageProgress, err, error, out, trim
from .options import (
    PATHS,
    AllowPrivateUrlsOption,
    ConfigOption,
    DbOption,
    ModelOption,
    NoStoreOption,
    pipeline_settings,
)

STATEMENT_WIDTH = 110  # characters of a claim or quotation shown on the terminal; --json has them whole
SHOWN_WARNINGS = 10
SHOWN_CONTRADICTIONS = 10
NARROW_TERMINAL = 110  # columns: below this the claims table leaves out "attributed to" and "first seen"
STATUS_STYLES = {"asserted": "green", "alleged": "yellow", "denied": "magenta", "disputed": "bold red"}
CORROBORATION_STYLES = {"confirmed": "green", "single": "", "disputed": "red"}


class ClaimStatus(str, Enum):
    asserted = "asserted"
    alleged = "alleged"
    denied = "denied"
    disputed = "disputed"


# --- storyline claims ---------------------------------------------------------------------------

def claims_command(
    inputs: Annotated[list[str], PATHS],
    min_outlets: Annotated[int, typer.Option(
        "--min-outlets", min=0, metavar="N",
        help="Only claims stated by at least N independent outlets (copies of one text count once).")] = 0,
    status: Annotated[Optional[list[ClaimStatus]], typer.Option(
        "--status", case_sensitive=False, show_default=False,
        help="Only claims with this status (repeat for several): asserted (stated as fact), alleged "
             "(hedged or attributed), denied, disputed (stated by some, contradicted by others).")] = None,
    story: Annotated[Optional[str], typer.Option(
        "--story", metavar="ID", show_default=False,
        help="Only the claims of one story, when the articles tell several (ids as listed, e.g. story-2).")] = None,
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help="Write the articles (without bodies), the claims shown, the contradictions and the "
                       "stories (the dossier's JSON fields) here.")] = None,
    model: ModelOption = None,
    db: DbOption = None,
    no_store: NoStoreOption = False,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
) -> None:
    """The story's claims with the outlets that state them: confirmed by N independent outlets,
    single source, or disputed."""
    dossier = _run(inputs, config=config, db=db, no_store=no_store, model=model,
                   allow_private_urls=allow_private_urls)
    if story is not None and dossier.stories and story not in {s.id for s in dossier.stories}:
        known = ", ".join(s.id for s in dossier.stories)
        error(escape(f"--story {story!r} is not a story of these articles; they tell: {known}"))
        raise typer.Exit(2)
    statuses = {s.value for s in status or ()}
    shown = claims_by_corroboration(dossier, (
        claim for claim in dossier.claims
        if claim.independent_outlets >= min_outlets
        and (not statuses or claim.status in statuses or corroboration_kind(claim) in statuses)
        and (story is None or claim.story == story)))
    if json_path is not None:
        _write(json_path, claims_json(dossier, shown))
    note = stories_note(dossier)
    if note and story is None:
        out.print(note + " Pick one with --story ID.", markup=False, highlight=False, soft_wrap=True)
    if shown:
        out.print(_claims_table(dossier, shown))
    filtered = len(shown) < len(dossier.claims)
    counts = claim_counts(shown)
    line = (f"{_count(len(shown), 'claim')}" + (f" of {len(dossier.claims)}" if filtered else "")
            + f" in {_count(len(dossier.articles), 'article')}")
    if shown:
        line += (f": {counts['confirmed']} confirmed by two or more independent outlets, "
                 f"{counts['single']} single-source, {counts['disputed']} disputed")
    elif not dossier.claims and dossier.articles:
        line += ": no factual claims were found in these articles"
    out.print(line, markup=False, highlight=False, soft_wrap=True)
    _contradictions(dossier)
    _finish(dossier, json_path)


def claims_json(dossier: Dossier, shown: Sequence[Claim]) -> dict[str, Any]:
    """The contract's claims (those shown), contradictions and stories, with the articles they cite."""
    return {
        "schema": dossier.schema,
        "generated_at": dossier.generated_at,
        "articles": [article_stub(article) for article in dossier.articles],
        "claims": [claim.to_dict() for claim in shown],
        "contradictions": [contradiction.to_dict() for contradiction in dossier.contradictions],
        "stories": [story.to_dict() for story in dossier.stories],
        "warnings": [warning.to_dict() for warning in dossier.warnings],
    }


def _claims_table(dossier: Dossier, shown: Sequence[Claim]) -> Table:
    articles = {article.id: article for article in dossier.articles}
    order = article_order(dossier)
    several_stories = len(dossier.stories) > 1
    rows = []
    for claim in shown:
        statement = Text(trim(claim.statement, STATEMENT_WIDTH))
        if several_stories and claim.story:
            statement.append(f"\nstory {claim.story}", style="dim")
        kind = corroboration_kind(claim)
        outlets = Text(", ".join(outlets_of(stating_articles(claim), articles)))
        if claim.contradicted_in:
            outlets.append("\ncontradicted by " + ", ".join(outlets_of(claim.contradicted_in, articles)),
                           style="red")
        first = claim_first_seen(claim, order)
        seen = Text(first or "-")
        date = article_date(articles.get(first or ""))
        if date:
            seen.append(f"\n{date}", style="dim")
        rows.append((statement, Text(claim.status, style=STATUS_STYLES.get(claim.status, "")),
                     Text(corroboration_label(claim, articles), style=CORROBORATION_STYLES[kind]),
                     outlets, Text(_names(claim.attributed_to)), seen))
    # On a narrow terminal the claim matters most: who it is attributed to and where it was first seen
    # are left to --json.
    keep = 6 if out.width >= NARROW_TERMINAL else 4
    headers = ("claim", "status", "corroboration", "outlets", "attributed to", "first seen")[:keep]
    table = Table(header_style="bold")
    for header, width in zip(headers, _claim_widths([row[:keep] for row in rows]), strict=True):
        table.add_column(header, width=width, overflow="fold")
    for row in rows:
        table.add_row(*row[:keep])
    return table


def _claim_widths(rows: list[tuple[Text, ...]]) -> list[int]:
    """Column widths: the claim gets what it needs up to almost half the terminal, the other columns
    share the rest by need (each capped).

    Rich alone shares a narrow terminal out by content length, which starves the claim.
    """
    def longest(column: int, floor: int, cap: int) -> int:
        lines = [len(line) for row in rows for line in row[column].plain.splitlines()]
        return min(max([floor, *lines]), cap)

    caps = [(6, 10), (13, 22), (7, 30), (13, 20), (10, 22)][:len(rows[0]) - 1]
    others = [longest(n, floor, cap) for n, (floor, cap) in enumerate(caps, start=1)]
    room = max(out.width - (3 * len(rows[0]) + 1), 40)  # less the borders and padding
    claim = longest(0, 5, STATEMENT_WIDTH)
    needs = [longest(n, floor, room) for n, (floor, _) in enumerate(caps, start=1)]
    claim = min(claim, max(int(room * 0.45), room - sum(needs)))
    if sum(others) > room - claim:
        scale = (room - claim) / sum(others)
        others = [max(int(width * scale), 8) for width in others]
    else:  # room to spare on a wide terminal: uncap the columns that need it, outlets first
        spare = room - claim - sum(others)
        for n in sorted(range(len(needs)), key=(2, 1, 4, 3, 0).index):
            grown = min(needs[n], others[n] + spare)
            spare -= grown - others[n]
            others[n] = grown
    return [claim, *others]


def _contradictions(dossier: Dossier) -> None:
    if not dossier.contradictions:
        return
    out.print(f"{_count(len(dossier.contradictions), 'contradiction')}:", markup=False, highlight=False)
    for contradiction in dossier.contradictions[:SHOWN_CONTRADICTIONS]:
        out.print(Text.assemble("  ", (contradiction.kind.replace("_", " "), "red"), " ",
                                trim(contradiction.description, 2 * STATEMENT_WIDTH)),
                  highlight=False, soft_wrap=True)
    if len(dossier.contradictions) > SHOWN_CONTRADICTIONS:
        out.print(f"  ... and {len(dossier.contradictions) - SHOWN_CONTRADICTIONS} more (see --json)",
                  markup=False, highlight=False)


# --- storyline entities -------------------------------------------------------------------------

def entities_command(
    inputs: Annotated[list[str], PATHS],
    entity_type: Annotated[Optional[list[str]], typer.Option(
        "--type", metavar="TYPE", show_default=False,
        help="Only entities of this type, any case (repeat for several): PERSON, ORG, GPE, LOC, NORP, "
             "EQUIPMENT, EVENT, ...")] = None,
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help="Write the articles (without bodies) and the entities shown (the dossier's JSON "
                       "fields) here.")] = None,
    model: ModelOption = None,
    db: DbOption = None,
    no_store: NoStoreOption = False,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
) -> None:
    """Canonical people, organisations, places and equipment, with the other names and roles the articles
    give them."""
    dossier = _run(inputs, config=config, db=db, no_store=no_store, model=model,
                   allow_private_urls=allow_private_urls)
    types = {t.strip().upper() for t in entity_type or () if t.strip()}
    shown = [e for e in dossier.entities if not types or e.type.upper() in types]
    grouped = entities_by_type(shown)
    if json_path is not None:
        _write(json_path, {
            "schema": dossier.schema, "generated_at": dossier.generated_at,
            "articles": [article_stub(article) for article in dossier.articles],
            "entities": [entity.to_dict() for _, members in grouped for entity in members],
            "warnings": [warning.to_dict() for warning in dossier.warnings]})
    if shown:
        out.print(_entities_table(grouped))
    line = f"{_count(len(shown), 'entity', 'entities')}"
    if types:
        line += " of type " + ", ".join(sorted(types))
    if len(grouped) > 1:
        line += " (" + ", ".join(entity_type_label(kind, len(members)) for kind, members in grouped) + ")"
    out.print(line + f" in {_count(len(dossier.articles), 'article')}", markup=False, highlight=False,
              soft_wrap=True)
    _finish(dossier, json_path)


def _entities_table(grouped: list[tuple[str, list[Entity]]]) -> Table:
    table = Table(header_style="bold")
    table.add_column("name", ratio=2, overflow="fold")
    table.add_column("type", no_wrap=True)
    table.add_column("also written", ratio=3, overflow="fold")
    table.add_column("roles", ratio=3, overflow="fold")
    table.add_column("mentions", justify="right", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    for number, (_, members) in enumerate(grouped):
        if number:
            table.add_section()
        for entity in members:
            table.add_row(Text(entity.name, style="bold"), entity.type, Text(", ".join(entity_aliases(entity))),
                          Text("; ".join(entity.roles)), str(len(entity.mentions)),
                          str(len(entity_articles(entity))))
    return table


# --- storyline diff -----------------------------------------------------------------------------

def diff_command(
    story: Annotated[str, typer.Argument(
        help="The story so far: a folder (read recursively), a file or an http(s) URL.", show_default=False)],
    new: Annotated[list[str], typer.Argument(
        help="The new articles: files, folders or URLs, taken as published after everything in the story.",
        show_default=False)],
    earlier: Annotated[Optional[list[str]], typer.Option(
        "--also", metavar="PATH", show_default=False,
        help="Another input of the story so far (repeat for several).")] = None,
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help="Write, per new article, what it adds (the claims, quotes and timeline events in the "
                       "dossier's JSON form) and how much it repeats, here.")] = None,
    model: ModelOption = None,
    db: DbOption = None,
    no_store: NoStoreOption = False,
    allow_private_urls: AllowPrivateUrlsOption = False,
    config: ConfigOption = None,
) -> None:
    """What new articles add to the story so far: new claims, new statements, new dated events.

    The story's articles come from the store when they were read before, so a second call is quick.
    """
    settings = pipeline_settings(config, db=db, no_store=no_store, model=model,
                                 allow_private_urls=allow_private_urls)
    with StageProgress(enabled=settings.show_progress) as progress:
        dossier, new_ids = pipeline.diff([story, *(earlier or ())], new, settings=settings, progress=progress)
    articles = {article.id: article for article in dossier.articles}
    found = {item.article: item for item in additions(dossier, new_ids)}
    if json_path is not None:
        _write(json_path, diff_json(dossier, new_ids, found))
    for article_id in new_ids:
        _print_additions(articles.get(article_id), article_id, found.get(article_id), articles)
    earlier_count = len(dossier.articles) - len([a for a in new_ids if a in articles])
    note = stories_note(dossier)
    if note:
        out.print(note, markup=False, highlight=False, soft_wrap=True)
    out.print(f"{_count(len(new_ids), 'new article')} against {_count(earlier_count, 'earlier article')}",
              markup=False, highlight=False, soft_wrap=True)
    _finish(dossier, json_path)
    if not new_ids:
        error("none of the new articles could be read")
        raise typer.Exit(1)


def diff_json(dossier: Dossier, new_ids: Sequence[str], found: dict[str, Additions]) -> dict[str, Any]:
    """Per new article its novelty entry and repeat counts, plus the claims, quotes and events it names."""
    entries = []
    claims: dict[str, Any] = {}
    quotes: dict[str, Any] = {}
    events: dict[str, Any] = {}
    for article_id in new_ids:
        item = found.get(article_id, Additions(article_id))
        claims.update((c.id, c.to_dict()) for c in item.claims)
        quotes.update((q.id, q.to_dict()) for q in item.quotes)
        events.update((e.id, e.to_dict()) for e in item.events)
        entries.append({
            "article": article_id,
            "claims": [c.id for c in item.claims], "quotes": [q.id for q in item.quotes],
            "events": [e.id for e in item.events], "nothing_new": item.nothing_new,
            "repeats": {"claims": item.repeated_claims, "quotes": item.repeated_quotes,
                        "events": item.repeated_events},
        })
    new = set(new_ids)
    return {
        "schema": dossier.schema,
        "generated_at": dossier.generated_at,
        "articles": [article_stub(a) for a in dossier.articles],
        "story": [a.id for a in dossier.articles if a.id not in new],
        "new": list(new_ids),
        "novelty": entries,
        "claims": list(claims.values()),
        "quotes": list(quotes.values()),
        "timeline": list(events.values()),
        "stories": [story.to_dict() for story in dossier.stories],
        "warnings": [w.to_dict() for w in dossier.warnings if w.article is None or w.article in new],
    }


def _print_additions(article: Article | None, article_id: str, item: Additions | None,
                     articles: dict[str, Article]) -> None:
    heading = Text(article_id, style="bold")
    if article is not None:
        for part in (article.outlet, article_date(article), article.title):
            if part:
                heading.append(f"  {part}", style="" if part != article.title else "italic")
    out.print(heading, highlight=False, soft_wrap=True)
    if item is None:
        reason = "not in the dossier" if article is None else "not compared with the story (no novelty entry)"
        out.print(f"  {reason}", markup=False, highlight=False, style="yellow")
        return
    out.print(f"  {additions_line(item)}", markup=False, highlight=False, soft_wrap=True,
              style="dim" if item.nothing_new else "")
    for claim in item.claims:
        out.print(Text.assemble("  + claim ", (f"[{claim.status}] ", STATUS_STYLES.get(claim.status, "")),
                                trim(claim.statement, STATEMENT_WIDTH),
                                (f"  ({corroboration_label(claim, articles)})", "dim")),
                  highlight=False, soft_wrap=True)
    for quote in item.quotes:
        who = quote.speaker.name or ("unnamed source" if quote.speaker.kind == "anonymous" else "unattributed")
        out.print(Text.assemble("  + quote “", trim(quote.text, STATEMENT_WIDTH), "”", (f" — {who}", "dim")),
                  highlight=False, soft_wrap=True)
    for event in item.events:
        when = event.date or f"{event.relation or 'undated'} {event.anchor or ''}".strip()
        out.print(Text.assemble("  + event ", (when, "bold"), " ", trim(event.description, STATEMENT_WIDTH)),
                  highlight=False, soft_wrap=True)


# --- shared -------------------------------------------------------------------------------------

def article_stub(article: Article) -> dict[str, Any]:
    """An article's contract fields without its body (the items cite their text as mentions)."""
    data = article.to_dict()
    for bulky in ("body", "removed"):
        data.pop(bulky, None)
    return data


def _run(inputs: Sequence[str], *, config: Path | None, db: Path | None, no_store: bool, model: str | None,
         allow_private_urls: bool) -> Dossier:
    settings = pipeline_settings(config, db=db, no_store=no_store, model=model,
                                 allow_private_urls=allow_private_urls)
    with StageProgress(enabled=settings.show_progress) as progress:
        return pipeline.run(inputs, settings=settings, progress=progress).dossier


def _finish(dossier: Dossier, json_path: Path | None) -> None:
    """The json path written, the warnings, and exit 1 when no article could be read."""
    if json_path is not None:
        out.print(f"wrote json: {json_path}", markup=False, highlight=False, soft_wrap=True)
    for warning in dossier.warnings[:SHOWN_WARNINGS]:
        err.print(Text.assemble(("warning:", "yellow"), " ", str(warning)), highlight=False, soft_wrap=True)
    if len(dossier.warnings) > SHOWN_WARNINGS:
        err.print(f"[yellow]... and {len(dossier.warnings) - SHOWN_WARNINGS} more warnings[/]")
    if not dossier.articles:
        reason = f": {dossier.warnings[0]}" if dossier.warnings else ": no inputs found"
        if len(dossier.warnings) > 1:
            reason += f" (and {len(dossier.warnings) - 1} more)"
        error("no articles could be read" + escape(reason))
        raise typer.Exit(1)


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _names(names: Sequence[str], shown: int = 3) -> str:
    """The first few names, and how many more (--json has them all)."""
    if not names:
        return "-"
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")




def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
