"""Render a `Dossier` as one Markdown document for people to read.

Article-derived text is escaped so that it reads as written once rendered: no
raw HTML, no accidental emphasis, links or headings, and no pipe or newline that
would break a table row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.model import Article, Claim, Dossier, Mention

from .summary import (
    EMPTY_STATES,
    QUOTE_KIND_LABELS,
    Additions,
    Statement,
    additions,
    additions_line,
    article_date,
    article_order,
    article_outlet_label,
    claim_cells,
    claim_counts,
    claim_first_seen,
    claims_by_corroboration,
    corroboration_label,
    entities_by_type,
    entity_aliases,
    entity_type_label,
    outlet_columns,
    published_label,
    statements,
    stating_articles,
    stories_note,
    story_dates,
    story_outlets,
    who_said_what,
)

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that start inline markup (emphasis, code, links, raw HTML, entities, tables).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# Only at the start of a line do these begin a heading, list, rule or setext line.
_LEADING_BLOCK = re.compile(r"^(\d+)([.)])|^([#+\-=])")
_WHITESPACE = re.compile(r"\s+")
_MATRIX_MARKS = {"states": "✓", "contradicts": "✗", "both": "✓✗", "silent": " "}

def render_markdown(dossier: Dossier) -> str:
    """Render the whole dossier as a Markdown document."""
    articles = {article.id: article for article in dossier.articles}
    parts = [
        _summary(dossier),
        _articles(dossier),
        _entities(dossier, articles),
        _who_said_what(dossier, articles),
        _timeline(dossier),
        _claims(dossier),
        _novelty(dossier),
        _contradictions(dossier),
        _duplicates(dossier),
        _warnings(dossier),
    ]
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def md_text(text: str | None) -> str:
    """Escape article-derived text for one line of Markdown (table cells included)."""
    if not text:
        return ""
    flat = _WHITESPACE.sub(" ", text).strip()
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    return _LEADING_BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped, count=1)


def md_code(text: str) -> str:
    """An identifier as an inline code span, safe inside a table cell."""
    flat = _WHITESPACE.sub(" ", text).strip()
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    # GFM splits table cells on a pipe even inside a code span unless it is escaped.
    return f"{fence}{padded.replace('|', chr(92) + '|')}{fence}"


def _summary(dossier: Dossier) -> str:
    outlets = story_outlets(dossier)
    dates = story_dates(dossier)
    lines = ["# Story dossier", ""]
    n_articles = len(dossier.articles)
    outlet_text = ", ".join(md_text(o) for o in outlets) if outlets else "no known outlet"
    lines.append(f"**{n_articles} article{_plural(n_articles)}** from **{len(outlets)} "
                 f"outlet{_plural(len(outlets))}** ({outlet_text}).")
    if dates:
        first, last = dates
        lines.append("")
        lines.append(f"Published {first}." if first == last else f"Published between {first} and {last}.")
    counts = [
        (len(dossier.entities), "entity", "entities"),
        (len(dossier.quotes), "quote", "quotes"),
        (len(dossier.quote_groups), "quote group", "quote groups"),
        (len(dossier.timeline), "timeline event", "timeline events"),
        (len(dossier.claims), "claim", "claims"),
        (len(dossier.contradictions), "contradiction", "contradictions"),
        (len(dossier.duplicates), "duplicate pair", "duplicate pairs"),
        (len(dossier.warnings), "warning", "warnings"),
    ]
    lines.append("")
    lines.append(", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts) + ".")
    note = stories_note(dossier)
    if note:
        lines += ["", f"> {md_text(note)}"]
    lines.append("")
    lines.append(f"_Generated {md_text(dossier.generated_at)} ({md_text(dossier.schema)})._")
    return "\n".join(lines)


def _articles(dossier: Dossier) -> str:
    lines = ["## Articles", ""]
    if not dossier.articles:
        return "\n".join([*lines, EMPTY_STATES["articles"]])
    lines += ["| id | outlet | date | title | language |", "|---|---|---|---|---|"]
    for article in dossier.articles:
        date = md_text(published_label(article.published))
        if article.published.crawl_date:
            date += f"; crawled {md_text(article.published.crawl_date)}"
        lines.append(
            f"| {md_code(article.id)} | {md_text(article.outlet) or '—'} | {date} "
            f"| {md_text(article.title) or '—'} | {md_text(article.language)} |"
        )
    return "\n".join(lines)


def _entities(dossier: Dossier, articles: dict[str, Article]) -> str:
    lines = ["## Entities"]
    if not dossier.entities:
        return "\n".join([*lines, "", EMPTY_STATES["entities"]])
    grouped = entities_by_type(dossier.entities)
    kinds = ", ".join(entity_type_label(kind, len(members)) for kind, members in grouped)
    lines += ["", f"{len(dossier.entities)} entit{'y' if len(dossier.entities) == 1 else 'ies'}: {md_text(kinds)}."]
    for entity_type, members in grouped:
        lines += ["", f"### {md_text(entity_type)}", "",
                  "| name | roles | also written | mentions | articles |", "|---|---|---|---|---|"]
        for entity in members:
            roles = ", ".join(md_text(r) for r in entity.roles) or "—"
            aliases = ", ".join(md_text(a) for a in entity_aliases(entity)) or "—"
            cited = ", ".join(md_code(a) for a in _article_ids(entity.mentions, articles)) or "—"
            lines.append(f"| {md_text(entity.name)} | {roles} | {aliases} | {len(entity.mentions)} | {cited} |")
    return "\n".join(lines)


def _who_said_what(dossier: Dossier, articles: dict[str, Article]) -> str:
    lines = ["## Who said what"]
    said = statements(dossier)
    if not said:
        return "\n".join([*lines, "", EMPTY_STATES["quotes"]])
    quotes = {quote.id: quote for quote in dossier.quotes}
    for speaker in who_said_what(dossier, only=said):
        about = [", ".join(md_text(role) for role in speaker.roles), md_text(speaker.kind_label or speaker.kind),
                 f"{len(speaker.statements)} statement{_plural(len(speaker.statements))}"]
        lines += ["", f"### {md_text(speaker.label)}", "", f"_{' · '.join(a for a in about if a)}_", ""]
        for statement in speaker.statements:
            lines.append(f"- {_kind_marks(statement.kinds)}“{md_text(statement.text)}” — "
                         f"{_carried_by(statement.articles, articles)}{_first_seen(statement, articles)}")
            for variant in statement.group.variants if statement.group else ():
                quote = quotes.get(variant.quote)
                if quote is None:
                    lines.append(f"  - variant {md_code(variant.quote)}")
                else:
                    lines.append(f"  - variant in {_carried_by((quote.article,), articles)}: "
                                 f"{_kind_marks((quote.kind,))}“{md_text(quote.text)}”")
                lines += [f"    - {md_text(difference)}" for difference in variant.differences]
    return "\n".join(lines)


def _timeline(dossier: Dossier) -> str:
    lines = ["## Timeline", ""]
    if not dossier.timeline:
        return "\n".join([*lines, EMPTY_STATES["timeline"]])
    for event in dossier.timeline:
        if event.date:
            when = f"**{md_text(event.date)}** ({md_text(event.granularity)}"
            when += ", planned)" if event.planned else ")"
        else:
            anchor = f" ({md_code(event.anchor_event)})" if event.anchor_event else ""
            when = f"*{md_text(event.relation)} {md_text(event.anchor)}*{anchor} (undated)"
        lines.append(f"- {when}: {md_text(event.description)}")
        for mention in event.mentions:
            lines.append(f"  - “{md_text(mention.expression)}” in {md_code(mention.mention.article)}: "
                         f"{md_text(mention.mention.text)}")
    return "\n".join(lines)


def _claims(dossier: Dossier) -> str:
    lines = ["## Claims", ""]
    if not dossier.claims:
        return "\n".join([*lines, EMPTY_STATES["claims"]])
    articles = {article.id: article for article in dossier.articles}
    order = article_order(dossier)
    ordered = claims_by_corroboration(dossier)
    counts = claim_counts(ordered)
    note = stories_note(dossier)
    if note:
        lines += [f"> {md_text(note)}", ""]
    lines += [f"{len(ordered)} claim{_plural(len(ordered))}: {counts['confirmed']} confirmed by two or more "
              f"independent outlets, {counts['single']} single-source, {counts['disputed']} disputed. "
              "The most corroborated first.", "",
              "Each outlet's cell: ✓ states it, ✗ contradicts it, blank: silent.", ""]
    columns = outlet_columns(dossier)
    lines.append("| claim | status | sources | " + " | ".join(md_text(c.label) for c in columns) + " |")
    lines.append("|---|---|---|" + "---|" * len(columns))
    for claim in ordered:
        cells = " | ".join(_MATRIX_MARKS[cell.state] for cell in claim_cells(claim, columns))
        lines.append(f"| {md_text(claim.statement)} | {md_text(claim.status)} | "
                     f"{md_text(corroboration_label(claim, articles))} | {cells} |")
    lines += ["", "### Claims in detail", ""]

    def details(claim: Claim) -> list[str]:
        return _claim_details(claim, articles, order, several_stories=len(dossier.stories) > 1)

    for claim in ordered:
        lines.append(f"- {md_text(claim.statement)} — {'; '.join(details(claim))}")
    return "\n".join(lines)


def _claim_details(claim: Claim, articles: dict[str, Article], order: dict[str, int], *,
                   several_stories: bool) -> list[str]:
    details = [md_text(claim.status), md_text(corroboration_label(claim, articles))]
    if stating_articles(claim):
        details.append("stated in " + _carried_by(stating_articles(claim), articles))
    if claim.contradicted_in:
        details.append("contradicted in " + _carried_by(claim.contradicted_in, articles))
    if claim.attributed_to:
        details.append("attributed to " + ", ".join(md_text(name) for name in claim.attributed_to))
    first = claim_first_seen(claim, order)
    if first and len(claim.articles) > 1:
        details.append(f"first seen in {md_code(first)}")
    if claim.story and several_stories:
        details.append(f"story {md_code(claim.story)}")
    return details


def _novelty(dossier: Dossier) -> str:
    lines = ["## What each article adds", ""]
    found = additions(dossier)
    if not found:
        return "\n".join([*lines, EMPTY_STATES["novelty"]])
    articles = {article.id: article for article in dossier.articles}
    lines.append("In publication order: what each article is the first to report.")
    for item in found:
        lines += ["", _addition_heading(item, articles), "", f"_{md_text(_sentence(additions_line(item)))}_"]
        if item.claims or item.quotes or item.events:
            lines.append("")
        lines += [f"- new claim: {md_text(claim.statement)} ({md_text(claim.status)})" for claim in item.claims]
        for quote in item.quotes:
            who = quote.speaker.name or ("unnamed source" if quote.speaker.kind == "anonymous" else "unattributed")
            lines.append(f"- new statement: “{md_text(quote.text)}” — {md_text(who)}")
        lines += [f"- new event: **{md_text(event.date or 'undated')}** {md_text(event.description)}"
                  for event in item.events]
    return "\n".join(lines)


def _addition_heading(item: Additions, articles: dict[str, Article]) -> str:
    article = articles.get(item.article)
    parts = [md_code(item.article)]
    if article is not None:
        parts.append(md_text(article_outlet_label(article, article.id)))
        date = article_date(article)
        if date:
            parts.append(md_text(date))
        if article.title:
            parts.append(f"“{md_text(article.title)}”")
    return "### " + " · ".join(parts)


def _contradictions(dossier: Dossier) -> str:
    lines = ["## Contradictions", ""]
    if not dossier.contradictions:
        return "\n".join([*lines, EMPTY_STATES["contradictions"]])
    for contradiction in dossier.contradictions:
        lines.append(f"- **{md_text(contradiction.kind)}**: {md_text(contradiction.description)}")
        for number, side in enumerate(contradiction.sides, start=1):
            said = "; ".join(f"“{md_text(m.text)}” ({md_code(m.article)})" for m in side) or "—"
            lines.append(f"  - side {number}: {said}")
    return "\n".join(lines)


def _duplicates(dossier: Dossier) -> str:
    lines = ["## Duplicates", ""]
    if not dossier.duplicates:
        return "\n".join([*lines, EMPTY_STATES["duplicates"]])
    for pair in dossier.duplicates:
        first, second = pair.articles
        lines.append(f"- {md_code(first)} and {md_code(second)}: similarity {pair.similarity:.2f}, "
                     f"{len(pair.shared)} shared passage{_plural(len(pair.shared))}")
    return "\n".join(lines)


def _warnings(dossier: Dossier) -> str:
    lines = ["## Warnings", ""]
    if not dossier.warnings:
        return "\n".join([*lines, EMPTY_STATES["warnings"]])
    for warning in dossier.warnings:
        lines.append(f"- {md_code(warning.source)}: {md_text(warning.reason)} ({md_text(warning.stage)})")
    return "\n".join(lines)


def _article_ids(mentions: Iterable[Mention], articles: dict[str, Article]) -> list[str]:
    """The distinct articles cited by `mentions`, in dossier order where known."""
    cited = dict.fromkeys(m.article for m in mentions)
    order = {article_id: index for index, article_id in enumerate(articles)}
    return sorted(cited, key=lambda a: order.get(a, len(order)))


def _carried_by(article_ids: Iterable[str], articles: dict[str, Article]) -> str:
    ids = list(dict.fromkeys(article_ids))
    outlets = dict.fromkeys(article_outlet_label(articles.get(a), a) for a in ids)
    return f"{', '.join(md_text(o) for o in outlets)} ({', '.join(md_code(a) for a in ids)})"


def _kind_marks(kinds: Iterable[str]) -> str:
    """Labels for the ways of reporting that are not word for word, ready to prefix a statement."""
    return "".join(f"*{md_text(QUOTE_KIND_LABELS.get(kind, kind))}* " for kind in kinds if kind != "direct")


def _first_seen(statement: Statement, articles: dict[str, Article]) -> str:
    first = statement.first_seen
    where = f"; first seen in {md_code(first)}" if first and len(statement.articles) > 1 else ""
    date = article_date(articles.get(first or ""))
    return where + (f", {md_text(date)}" if date else "")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _plural(n: int) -> str:
    return "" if n == 1 else "s"
