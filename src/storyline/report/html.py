"""Render a `Dossier` as one self-contained HTML5 page.

The page inlines its stylesheet and script (from `report/templates/`) and refers
to nothing outside itself: no fonts, CDNs, images or links to the articles'
sites, so it opens offline and can be mailed or archived as one file. Every piece
of article-derived text goes through `html.escape`, attribute values included.
Entity mentions are highlighted from their offsets into each article's body;
a mention that does not fit the body, or overlaps one already shown, is skipped.
In "Who said what", a variant's wording is diffed word by word against its
group's canonical wording and the changes marked with `<ins>`/`<del>`. The claims
matrix crosses claims (most corroborated first) with outlets; "What each article
adds" links every new claim, statement and event to where the page shows it. Ids
from the data never become anchors: claims, statements and articles get numbered ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from html import escape
from importlib.resources import files

from storyline.link.published import value_span
from storyline.model import (
    Article,
    Claim,
    Contradiction,
    Dossier,
    DuplicatePair,
    Entity,
    Mention,
    Quote,
    TimelineEvent,
)

from .summary import (
    CLAIM_STATUS_LABELS,
    EMPTY_STATES,
    MATRIX_STATE_LABELS,
    QUOTE_KIND_LABELS,
    Additions,
    MatrixCell,
    OutletColumn,
    SpeakerStatements,
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
    corroboration_kind,
    corroboration_label,
    entities_by_type,
    entity_aliases,
    entity_articles,
    entity_type_label,
    outlet_columns,
    published_label,
    statements,
    stating_articles,
    stories_note,
    story_dates,
    story_outlets,
    who_said_what,
    word_diff,
)

# A blank line (possibly holding spaces) separates paragraphs in a cleaned body.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
MATRIX_ROWS = 40  # claims shown in the matrix and the detail list; the rest sit in a collapsed block
ADDED_SHOWN = 8  # new items listed per kind and article before the rest are folded away
_MATRIX_MARKS = {"states": "✓", "contradicts": "✗", "both": "✓✗", "silent": ""}
_NOT_CLASS_CHAR = re.compile(r"[^a-z0-9]+")

_SECTIONS = (
    ("summary", "Summary"),
    ("warnings", "Warnings"),
    ("articles", "Articles"),
    ("entities", "Entities"),
    ("quotes", "Who said what"),
    ("timeline", "Timeline"),
    ("claims", "Claims"),
    ("novelty", "What each adds"),
    ("contradictions", "Contradictions"),
    ("duplicates", "Duplicates"),
)


def render_html(dossier: Dossier) -> str:
    """Render the whole dossier as one self-contained HTML page."""
    page = _Page(dossier)
    counts = {
        "warnings": len(dossier.warnings),
        "articles": len(dossier.articles),
        "entities": len(dossier.entities),
        "quotes": len(page.statements),
        "timeline": len(dossier.timeline),
        "claims": len(dossier.claims),
        "novelty": sum(1 for item in page.additions if not item.nothing_new),
        "contradictions": len(dossier.contradictions),
        "duplicates": len(dossier.duplicates),
    }
    body = "\n".join([
        _nav(counts),
        '<main class="dossier">',
        page.summary(),
        page.warnings(),
        page.articles(),
        page.entities(),
        page.quotes(),
        page.timeline(),
        page.claims(),
        page.novelty(),
        page.contradictions(),
        page.duplicates(),
        "</main>",
    ])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page.title())}</title>\n"
        f"<style>\n{_template('dossier.css')}</style>\n"
        "</head>\n<body>\n"
        f"{body}\n"
        f"<script>\n{_template('dossier.js')}</script>\n"
        "</body>\n</html>\n"
    )


@cache
def _template(name: str) -> str:
    """The text of one file in `report/templates/` (read once per process)."""
    text = (files("storyline.report") / "templates" / name).read_text(encoding="utf-8")
    # Our own files, but a stray closing tag would end the inline block early.
    if re.search(r"</(style|script)", text, re.IGNORECASE):
        raise ValueError(f"template {name} must not contain a closing style or script tag")
    return text


def _e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute; `None` becomes empty."""
    return "" if value is None else escape(str(value), quote=True)


def _css_token(label: str) -> str:
    """A CSS class fragment for a data label (entity type, claim status) that no label can break out of."""
    return _NOT_CLASS_CHAR.sub("-", label.lower()).strip("-") or "other"


def _type_class(entity_type: str) -> str:
    """The CSS class that colours an entity type."""
    return "ent-" + _css_token(entity_type)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _nav(counts: dict[str, int]) -> str:
    links = []
    for anchor, label in _SECTIONS:
        count = f' <span class="count">{counts[anchor]}</span>' if anchor in counts else ""
        links.append(f'<a href="#{anchor}">{label}{count}</a>')
    return f'<nav class="site-nav" aria-label="Sections">{"".join(links)}</nav>'


def _diff_html(canonical: str, variant: str) -> str:
    """`variant` with the words it adds in `<ins>` and those it drops from `canonical` in `<del>`."""
    pieces = []
    for change, space, text in word_diff(canonical, variant):
        if change == "added":
            pieces.append(f'{space}<ins class="diff">{_e(text)}</ins>')
        elif change == "dropped":
            pieces.append(f'{space}<del class="diff">{_e(text)}</del>')
        else:
            pieces.append(space + _e(text))
    return "".join(pieces)


CHART_WIDTH = 900
CHART_MARGIN = 40
LANE_HEIGHT = 14
MAX_LANES = 12
CHART_YEARS = 3  # drawn: this many years back from the latest event


def _timeline_chart(events: Iterable[TimelineEvent]) -> str:
    """An SVG strip of the dated events over time: a dot for a day, a bar as long as a week, month or
    year, lanes stacked so marks do not overlap; each mark links to its event and names it on hover."""
    spans = [(event, value_span(event.date)) for event in events if event.date]
    marks = [(event, span) for event, span in spans if span is not None]
    if not marks:
        return ""
    # The story's own years: events long before them (a 2015 deal recalled in 2022) are not drawn,
    # so they do not squeeze the rest into a corner; the list below has them all.
    cutoff = max(span[1] for _, span in marks) - timedelta(days=CHART_YEARS * 366)
    earlier = [event for event, span in marks if span[1] < cutoff]
    marks = [(event, span) for event, span in marks if span[1] >= cutoff]
    first = min(span[0] for _, span in marks)
    last = max(span[1] for _, span in marks)
    days = max((last - first).days + 1, 1)
    scale = (CHART_WIDTH - 2 * CHART_MARGIN) / days

    def x(day: date) -> float:
        return CHART_MARGIN + (day - first).days * scale

    lanes: list[float] = []  # the right edge of the last mark in each lane
    shapes = []
    for event, (start, end) in marks:
        left, right = x(start), max(x(end + timedelta(1)), x(start) + 6)
        lane = next((n for n, edge in enumerate(lanes) if edge + 3 <= left), len(lanes))
        if lane == MAX_LANES:  # a crowded day: marks overlap in the last lane rather than grow the chart
            lane = MAX_LANES - 1
        elif lane == len(lanes):
            lanes.append(right)
        lanes[lane] = max(lanes[lane], right)
        y = 8 + lane * LANE_HEIGHT
        label = _e(f"{event.date} ({event.granularity}): {event.description}")
        if event.granularity == "day":
            shape = f'<circle cx="{left + 3:.1f}" cy="{y + 4}" r="4" class="mark-day"/>'
        else:
            shape = (f'<rect x="{left:.1f}" y="{y}" width="{right - left:.1f}" height="8" rx="2" '
                     f'class="mark-{_css_token(event.granularity or "")}"/>')
        shapes.append(f'<a href="#event-{_e(event.id)}"><title>{label}</title>{shape}</a>')
    height = 8 + len(lanes) * LANE_HEIGHT + 24
    ticks = []
    for day, text in _ticks(first, last):
        tx = x(day)
        ticks.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="0" y2="{height - 20}" class="tick"/>'
                     f'<text x="{tx:.1f}" y="{height - 6}" class="tick-label">{_e(text)}</text>')
    note = (f'<p class="chart-note">Not drawn: {_plural(len(earlier), "earlier event")} '
            f'(from {_e(min(e.date or "" for e in earlier))}), listed below.</p>' if earlier else "")
    return (f'<svg class="timeline-chart" viewBox="0 0 {CHART_WIDTH} {height}" role="img" '
            f'aria-label="Dated events from {first.isoformat()} to {last.isoformat()}">'
            + "".join(ticks) + "".join(shapes) + "</svg>" + note)


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Axis labels: months when the story spans under three years, else years; at most about ten."""
    if (last - first).days < 3 * 366:
        months = [date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)
                  if first <= date(y, m, 1) <= last] or [first]
        step = -(-len(months) // 9)  # at most nine labels, so they never run together
        return [(d, d.strftime("%b %Y")) for d in months[::step]]
    years = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1)] or [first]
    step = -(-len(years) // 9)
    return [(d, str(d.year)) for d in years[::step]]


def _marked(sentence: str, expression: str) -> str:
    """A sentence, escaped, with the temporal expression in it marked."""
    at = sentence.find(expression) if expression else -1
    if at < 0:
        return _e(sentence)
    return _e(sentence[:at]) + f'<span class="when">{_e(expression)}</span>' + _e(sentence[at + len(expression):])


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    """`(start, end)` of each paragraph of `body`, split on blank lines, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(body)]
    for break_start, break_end in [*breaks, (len(body), len(body))]:
        start, end = position, break_start
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
        position = break_end
    return spans


def _highlights(article: Article, entities: Iterable[Entity]) -> list[tuple[int, int, Entity]]:
    """The entity mentions to mark in `article`, in order, without overlaps.

    A mention outside the body, or whose text is not what the body holds there,
    is stale evidence: it is skipped rather than marking the wrong words.
    """
    body = article.body
    candidates = [
        (m.start, m.end, entity)
        for entity in entities
        for m in entity.mentions
        if m.article == article.id and 0 <= m.start < m.end <= len(body) and body[m.start:m.end] == m.text
    ]
    # Earliest first, and the longer of two mentions starting together wins.
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[tuple[int, int, Entity]] = []
    shown_until = 0
    for start, end, entity in candidates:
        if start >= shown_until:
            chosen.append((start, end, entity))
            shown_until = end
    return chosen


def _render_body(article: Article, entities: Iterable[Entity]) -> str:
    """The body as `<p>` paragraphs, entity mentions wrapped in `<mark>`."""
    body = article.body
    highlights = _highlights(article, entities)
    paragraphs = []
    index = 0
    for para_start, para_end in _paragraph_spans(body):
        pieces = []
        cursor = para_start
        # Highlights that start in a paragraph break or cross into the next paragraph are not shown.
        while index < len(highlights) and highlights[index][0] < para_end:
            start, end, entity = highlights[index]
            index += 1
            if start < para_start or end > para_end:
                continue
            pieces.append(_e(body[cursor:start]))
            pieces.append(
                f'<mark class="ent {_type_class(entity.type)}" data-entity="{_e(entity.id)}" '
                f'title="{_e(entity.name)} ({_e(entity.type)})">{_e(body[start:end])}</mark>'
            )
            cursor = end
        pieces.append(_e(body[cursor:para_end]))
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
    if not paragraphs:
        return '<p class="empty">The cleaned body is empty.</p>'
    return "\n".join(paragraphs)


class _Page:
    """The sections of one dossier page, sharing its look-up tables."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.article_by_id = {article.id: article for article in dossier.articles}
        self.anchors = {article.id: f"article-{n}" for n, article in enumerate(dossier.articles, start=1)}
        self.order = article_order(dossier)
        self.quote_by_id = {quote.id: quote for quote in dossier.quotes}
        self.statements = statements(dossier)
        # Anchors by position, never from the data's ids: a claim or statement id is untrusted text.
        self.claim_anchors = {claim.id: f"claim-{n}" for n, claim in enumerate(dossier.claims, start=1)}
        self.statement_anchors = {quote.id: f"statement-{n}"
                                  for n, statement in enumerate(self.statements, start=1)
                                  for quote in statement.quotes}
        self.additions = additions(dossier)
        self.additions_by_article = {item.article: item for item in self.additions}
        self.entities_by_article: dict[str, list[Entity]] = defaultdict(list)
        for entity in dossier.entities:
            for article_id in dict.fromkeys(m.article for m in entity.mentions):
                self.entities_by_article[article_id].append(entity)

    def title(self) -> str:
        """The page title: the story's first headline, if any."""
        headline = next((a.title for a in self.dossier.articles if a.title), None)
        return f"Story dossier: {headline}" if headline else "Story dossier"

    def article_link(self, article_id: str) -> str:
        """A link to an article in this page, or its id as code when it is not here."""
        anchor = self.anchors.get(article_id)
        if anchor is None:
            return f'<code class="article-id">{_e(article_id)}</code>'
        return f'<a class="article-id" href="#{anchor}">{_e(article_id)}</a>'

    def outlets_of(self, article_ids: Iterable[str]) -> str:
        """Outlets carrying the articles, each with links to its articles."""
        by_outlet: dict[str, list[str]] = defaultdict(list)
        for article_id in dict.fromkeys(article_ids):
            by_outlet[article_outlet_label(self.article_by_id.get(article_id), article_id)].append(article_id)
        return ", ".join(
            f'<span class="outlet">{_e(outlet)}</span> ({", ".join(self.article_link(a) for a in ids)})'
            for outlet, ids in by_outlet.items()
        )

    def evidence(self, mention: Mention) -> str:
        """A mention as quoted text with a link to its article."""
        return f'<q class="evidence">{_e(mention.text)}</q> in {self.article_link(mention.article)}'

    def summary(self) -> str:
        dossier = self.dossier
        outlets = story_outlets(dossier)
        dates = story_dates(dossier)
        if dates is None:
            when = "dates unknown"
        elif dates[0] == dates[1]:
            when = _e(dates[0])
        else:
            when = f"{_e(dates[0])} to {_e(dates[1])}"
        outlet_list = ", ".join(f'<span class="outlet">{_e(o)}</span>' for o in outlets) or "no known outlet"
        stats = [
            (len(dossier.articles), "articles"),
            (len(outlets), "outlets"),
            (len(dossier.entities), "entities"),
            (len(dossier.quotes), "quotes"),
            (len(dossier.timeline), "events"),
            (len(dossier.claims), "claims"),
            (len(dossier.contradictions), "contradictions"),
            (len(dossier.warnings), "warnings"),
        ]
        stat_items = "".join(f'<div class="stat"><dt>{label}</dt><dd>{n}</dd></div>' for n, label in stats)
        return (
            '<header id="summary" class="summary">\n'
            f"<h1>{_e(self.title())}</h1>\n"
            f'<p class="lede">{_plural(len(dossier.articles), "article")} from '
            f'{_plural(len(outlets), "outlet")} ({outlet_list}), published {when}.</p>\n'
            f'<dl class="stats">{stat_items}</dl>\n'
            f"{self.stories_note()}"
            f'<p class="generated">Generated {_e(dossier.generated_at)} · {_e(dossier.schema)}</p>\n'
            "</header>"
        )

    def warnings(self) -> str:
        warnings = self.dossier.warnings
        if not warnings:
            return (f'<section id="warnings" class="warnings ok"><h2>Warnings</h2>'
                    f'<p class="empty">{EMPTY_STATES["warnings"]}</p></section>')
        items = []
        for warning in warnings:
            article = f" · {self.article_link(warning.article)}" if warning.article else ""
            items.append(f'<li><code class="source">{_e(warning.source)}</code>: {_e(warning.reason)} '
                         f'<span class="stage">({_e(warning.stage)}{article})</span></li>')
        return (f'<section id="warnings" class="warnings" role="note"><h2>Warnings ({len(warnings)})</h2>'
                f'<ul>{"".join(items)}</ul></section>')

    def articles(self) -> str:
        parts = ['<section id="articles">', "<h2>Articles</h2>"]
        if not self.dossier.articles:
            parts.append(f'<p class="empty">{EMPTY_STATES["articles"]}</p>')
        for article in self.dossier.articles:
            parts.append(self.article(article))
        parts.append("</section>")
        return "\n".join(parts)

    def article(self, article: Article) -> str:
        published = article.published
        meta = [f'<span class="outlet">{_e(article.outlet or "outlet unknown")}</span>',
                f'<span class="date">{_e(published_label(published))}</span>']
        if published.crawl_date:
            meta.append(f'<span class="crawl">crawled {_e(published.crawl_date)}</span>')
        if article.author:
            meta.append(f'<span class="author">by {_e(article.author)}</span>')
        meta.append(f'<span class="language">{_e(article.language)}</span>')
        source = f'<code>{_e(article.source)}</code>'
        if article.url and article.url != article.source:
            # Shown as text, not a link: the page must never reach the network.
            source += f' · <code>{_e(article.url)}</code>'
        return "\n".join([
            f'<article id="{self.anchors[article.id]}" class="article">',
            f'<h3>{_e(article.title or "(untitled)")}</h3>',
            f'<p class="meta">{" · ".join(meta)}</p>',
            f'<p class="source">id <code>{_e(article.id)}</code> · source {source}</p>',
            self.adds_note(article.id),
            f'<div class="body">\n{_render_body(article, self.entities_by_article.get(article.id, ()))}\n</div>',
            self.removed(article),
            "</article>",
        ])

    def removed(self, article: Article) -> str:
        if not article.removed:
            return '<p class="removed-none">Cleaning removed nothing.</p>'
        items = "".join(
            f'<li><span class="reason">{_e(block.reason)}</span><span class="removed-text">{_e(block.text)}</span></li>'
            for block in article.removed
        )
        return (f'<details class="removed"><summary>Removed by cleaning ({len(article.removed)})</summary>'
                f"<ul>{items}</ul></details>")

    def entities(self) -> str:
        parts = ['<section id="entities">', "<h2>Entities</h2>"]
        if not self.dossier.entities:
            parts += [f'<p class="empty">{EMPTY_STATES["entities"]}</p>', "</section>"]
            return "\n".join(parts)
        grouped = entities_by_type(self.dossier.entities)
        kinds = ", ".join(entity_type_label(kind, len(members)) for kind, members in grouped)
        parts.append(f'<p class="entity-kinds">{_plural(len(self.dossier.entities), "entity", "entities")}: '
                     f"{_e(kinds)}. The most mentioned first within each kind.</p>")
        parts.append('<p class="hint">Select a name to highlight its mentions in the articles; '
                     'select it again to clear.</p>')
        parts.append('<p class="entity-status" id="entity-status" aria-live="polite"></p>')
        parts.append('<table class="entities"><thead><tr><th scope="col">name</th><th scope="col">type</th>'
                     '<th scope="col">also written</th><th scope="col">roles</th><th scope="col">mentions</th>'
                     '<th scope="col">articles</th></tr></thead>')
        for kind, members in grouped:
            parts.append(f'<tbody class="entity-kind"><tr class="kind-row"><th scope="rowgroup" colspan="6">'
                         f'{_e(entity_type_label(kind, len(members)))}</th></tr>')
            parts += [self.entity_row(entity) for entity in members]
            parts.append("</tbody>")
        parts += ["</table>", "</section>"]
        return "\n".join(parts)

    def entity_row(self, entity: Entity) -> str:
        aliases = ", ".join(f'<span class="alias">{_e(a)}</span>' for a in entity_aliases(entity)) or "—"
        roles = "".join(f'<span class="role">{_e(r)}</span>' for r in entity.roles) or "—"
        cited = entity_articles(entity)
        links = ", ".join(self.article_link(a) for a in cited)
        articles = links or "—"
        if len(cited) > 3:
            articles = f'<details class="cited"><summary>{len(cited)} articles</summary>{links}</details>'
        return (
            f'<tr data-entity-row="{_e(entity.id)}">'
            f'<td><button type="button" class="entity-toggle {_type_class(entity.type)}" '
            f'data-entity="{_e(entity.id)}" aria-pressed="false">{_e(entity.name)}</button></td>'
            f'<td><span class="type">{_e(entity.type)}</span></td><td>{aliases}</td><td class="roles">{roles}</td>'
            f'<td class="num">{len(entity.mentions)}</td><td>{articles}</td></tr>'
        )

    def quotes(self) -> str:
        parts = ['<section id="quotes">', "<h2>Who said what</h2>"]
        if not self.statements:
            parts += [f'<p class="empty">{EMPTY_STATES["quotes"]}</p>', "</section>"]
            return "\n".join(parts)
        parts.append('<p class="hint">Speakers with the most statements first; each statement once, with the '
                     'outlets that carried it. A variant is shown against the wording above it: '
                     '<ins class="diff">added</ins> and <del class="diff">dropped</del> words.</p>')
        for number, speaker in enumerate(who_said_what(self.dossier, only=self.statements), start=1):
            parts.append(self.speaker(speaker, number))
        parts.append("</section>")
        return "\n".join(parts)

    def speaker(self, speaker: SpeakerStatements, number: int) -> str:
        heading = [f'<span class="speaker-name">{_e(speaker.label)}</span>']
        if speaker.roles:
            heading.append(f'<span class="speaker-roles">{", ".join(_e(role) for role in speaker.roles)}</span>')
        kind_class = ""
        if speaker.kind:
            kind_class = f" speaker-{_css_token(speaker.kind)}"
            heading.append(f'<span class="speaker-kind">{_e(speaker.kind_label or speaker.kind)}</span>')
        heading.append(f'<span class="count">{_plural(len(speaker.statements), "statement")}</span>')
        return "\n".join([
            f'<div class="speaker{kind_class}" id="speaker-{number}">',
            f'<h3>{" ".join(heading)}</h3>',
            *(self.statement(statement) for statement in speaker.statements),
            "</div>",
        ])

    def statement(self, statement: Statement) -> str:
        """A statement under its canonical wording, where it ran, and how each variant words it."""
        marks = "".join(f"{self.kind_badge(kind)} " for kind in statement.kinds if kind != "direct")
        carried = "Carried by" if len(statement.articles) > 1 else "In"
        first_seen = ""
        if statement.first_seen and len(statement.articles) > 1:
            first_seen = f"; first seen in {self.article_link(statement.first_seen)}"
        date = article_date(self.article_by_id.get(statement.first_seen or ""))
        if date:
            first_seen += f', <span class="date">{_e(date)}</span>'
        anchor = self.statement_anchors.get(statement.quotes[0].id) if statement.quotes else None
        return (
            f'<div class="statement kind-{_css_token(statement.kind)}"'
            + (f' id="{anchor}"' if anchor else "") + ">"
            f"<blockquote>{_e(statement.text)}</blockquote>"
            f'<p class="carried">{marks}{carried} {self.outlets_of(statement.articles)}{first_seen}.</p>'
            f"{self.variants(statement)}</div>"
        )

    def variants(self, statement: Statement) -> str:
        group = statement.group
        if group is None or not group.variants:
            return ""
        items = []
        for variant in group.variants:
            quote = self.quote_by_id.get(variant.quote)
            if quote is None:
                wording = f"<code>{_e(variant.quote)}</code>"
            else:
                mark = f" {self.kind_badge(quote.kind)}" if quote.kind != "direct" else ""
                wording = (f'<q class="wording">{_diff_html(group.text, quote.text)}</q> in '
                           f"{self.outlets_of((quote.article,))}{mark}")
            differences = "".join(f"<li>{_e(d)}</li>" for d in variant.differences)
            items.append(f'<li class="variant">{wording}'
                         + (f'<ul class="differences">{differences}</ul>' if differences else "") + "</li>")
        return f'<div class="variants"><h4>Variants</h4><ul>{"".join(items)}</ul></div>'

    def kind_badge(self, kind: str) -> str:
        """How a statement was reported, when it is not a word-for-word quotation."""
        return f'<span class="kind kind-{_css_token(kind)}">{_e(QUOTE_KIND_LABELS.get(kind, kind))}</span>'

    def timeline(self) -> str:
        parts = ['<section id="timeline">', "<h2>Timeline</h2>"]
        if not self.dossier.timeline:
            parts += [f'<p class="empty">{EMPTY_STATES["timeline"]}</p>', "</section>"]
            return "\n".join(parts)
        parts.append(_timeline_chart(self.dossier.timeline))
        parts.append('<ol class="timeline">')
        parts += [self.event(event) for event in self.dossier.timeline]
        parts += ["</ol>", "</section>"]
        return "\n".join(parts)

    def event(self, event: TimelineEvent) -> str:
        evidence = "".join(
            f"<li>{self.outlets_of((m.mention.article,))}: "
            f'<q class="evidence">{_marked(m.mention.text, m.expression)}</q></li>'
            for m in event.mentions
        )
        if event.date:
            when = (f'<time datetime="{_e(event.date)}">{_e(event.date)}</time> '
                    f'<span class="granularity">{_e(event.granularity)}</span>')
        else:
            anchor = (f'<a href="#event-{_e(event.anchor_event)}">{_e(event.anchor)}</a>' if event.anchor_event
                      else _e(event.anchor))
            when = (f'<span class="relation">{_e(event.relation)} {anchor}</span> '
                    '<span class="granularity">undated</span>')
        planned = ' <span class="granularity">planned</span>' if event.planned else ""
        return (
            f'<li class="event{" undated" if not event.date else ""}" id="event-{_e(event.id)}">{when}{planned}'
            f'<p class="description">{_e(event.description)}</p>'
            + (f'<ul class="evidence-list">{evidence}</ul>' if evidence else "")
            + "</li>"
        )

    def stories_note(self) -> str:
        note = stories_note(self.dossier)
        if note is None:
            return ""
        return f'<p class="stories-note" role="note">{_e(note)}</p>\n'

    def claims(self) -> str:
        parts = ['<section id="claims">', "<h2>Claims</h2>"]
        if not self.dossier.claims:
            parts += [f'<p class="empty">{EMPTY_STATES["claims"]}</p>', "</section>"]
            return "\n".join(parts)
        ordered = claims_by_corroboration(self.dossier)
        counts = claim_counts(ordered)
        parts.append(self.stories_note())
        parts.append(
            f'<p class="claim-counts">{_plural(len(ordered), "claim")}: '
            f'<span class="corroboration corroboration-confirmed">{counts["confirmed"]} confirmed</span> by two or '
            f'more independent outlets, <span class="corroboration corroboration-single">{counts["single"]} '
            f'single-source</span>, <span class="corroboration corroboration-disputed">{counts["disputed"]} '
            "disputed</span>. The most corroborated first.</p>")
        parts.append(
            '<p class="legend" id="claims-legend"><span class="legend-title">Each cell says what an outlet does '
            'with a claim:</span> <span class="cell-key states" aria-hidden="true">✓</span> states it '
            '<span class="cell-key contradicts" aria-hidden="true">✗</span> contradicts it '
            '<span class="cell-key silent" aria-hidden="true"></span> silent (does not report it). '
            "Copies of one text (wire stories) are counted once as independent sources.</p>")
        columns = outlet_columns(self.dossier)
        parts.append(self.matrix(ordered[:MATRIX_ROWS], columns))
        rest = ordered[MATRIX_ROWS:]
        if rest:
            parts.append(f'<details class="more-claims"><summary>{_plural(len(rest), "more claim")}, less '
                         f"corroborated</summary>{self.matrix(rest, columns)}</details>")
        parts.append("<h3>Claims in detail</h3>")
        parts.append('<ol class="claims">' + "".join(self.claim(claim) for claim in ordered[:MATRIX_ROWS]) + "</ol>")
        if rest:
            parts.append(f'<details class="more-claims"><summary>{_plural(len(rest), "more claim")}</summary>'
                         f'<ol class="claims" start="{MATRIX_ROWS + 1}">'
                         + "".join(self.claim(claim) for claim in rest) + "</ol></details>")
        parts.append("</section>")
        return "\n".join(part for part in parts if part)

    def matrix(self, claims: list[Claim], columns: list[OutletColumn]) -> str:
        """Claims as rows, outlets as columns; each cell says whether the outlet states, contradicts or omits it."""
        several_stories = len(self.dossier.stories) > 1
        head = "".join(f'<th scope="col" class="outlet-col"><span>{_e(column.label)}</span></th>'
                       for column in columns)
        rows = []
        for claim in claims:
            kind = corroboration_kind(claim)
            story = (f' <span class="story-badge">{_e(claim.story)}</span>'
                     if several_stories and claim.story else "")
            cells = "".join(self.matrix_cell(cell, column) for cell, column in
                            zip(claim_cells(claim, columns), columns, strict=True))
            rows.append(
                f'<tr class="corroboration-{kind}">'
                f'<th scope="row" class="claim-cell"><a href="#{self.claim_anchors[claim.id]}">'
                f"{_e(claim.statement)}</a>{story}</th>"
                f"<td>{self.status_badge(claim.status)}</td>"
                f'<td class="sources"><span class="corroboration corroboration-{kind}">'
                f"{_e(corroboration_label(claim, self.article_by_id))}</span></td>{cells}</tr>")
        return (
            '<div class="matrix-wrap" role="region" aria-label="Claims by outlet" tabindex="0">'
            '<table class="claims-matrix" aria-describedby="claims-legend">'
            "<caption>Claims (rows) by outlet (columns)</caption>"
            '<thead><tr><th scope="col" class="claim-col">claim</th><th scope="col">status</th>'
            f'<th scope="col">sources</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'
        )

    def matrix_cell(self, cell: MatrixCell, column: OutletColumn) -> str:
        state = cell.state
        words = f"{column.label}: {MATRIX_STATE_LABELS[state]}"
        cited = [*cell.stating, *cell.contradicting]
        if cited:
            words += f" ({', '.join(dict.fromkeys(cited))})"
        if state == "silent":
            return f'<td class="cell silent" title="{_e(words)}"><span class="visually-hidden">silent</span></td>'
        anchor = self.anchors.get(cited[0])
        mark = f'<span aria-hidden="true">{_MATRIX_MARKS[state]}</span><span class="visually-hidden">{_e(words)}</span>'
        if anchor:
            mark = f'<a href="#{anchor}">{mark}</a>'
        return f'<td class="cell {state}" title="{_e(words)}">{mark}</td>'

    def status_badge(self, status: str) -> str:
        label = CLAIM_STATUS_LABELS.get(status, status)
        return f'<span class="status status-{_css_token(status)}" title="{_e(label)}">{_e(status)}</span>'

    def claim(self, claim: Claim) -> str:
        kind = corroboration_kind(claim)
        meta = [self.status_badge(claim.status),
                f'<span class="corroboration corroboration-{kind}">'
                f"{_e(corroboration_label(claim, self.article_by_id))}</span>"]
        if stating_articles(claim):
            meta.append("stated in " + self.outlets_of(stating_articles(claim)))
        if claim.contradicted_in:
            meta.append('<span class="against">contradicted in</span> ' + self.outlets_of(claim.contradicted_in))
        if claim.attributed_to:
            meta.append("attributed to " + ", ".join(f'<span class="source-name">{_e(name)}</span>'
                                                     for name in claim.attributed_to))
        first = claim_first_seen(claim, self.order)
        if first and len(claim.articles) > 1:
            date = article_date(self.article_by_id.get(first))
            meta.append(f"first seen in {self.article_link(first)}"
                        + (f', <span class="date">{_e(date)}</span>' if date else ""))
        if claim.story and len(self.dossier.stories) > 1:
            meta.append(f'story <span class="story-badge">{_e(claim.story)}</span>')
        evidence = "".join(f"<li>{self.evidence(m)}</li>" for m in claim.mentions)
        return (
            f'<li class="claim corroboration-{kind}" id="{self.claim_anchors[claim.id]}">'
            f'<p class="statement">{_e(claim.statement)}</p>'
            f'<p class="meta">{" · ".join(meta)}</p>'
            + (f'<ul class="evidence-list">{evidence}</ul>' if evidence else "")
            + "</li>"
        )

    def adds_note(self, article_id: str) -> str:
        """One line under an article's heading: what it adds, linking to the section that lists it."""
        item = self.additions_by_article.get(article_id)
        if item is None:
            return ""
        return (f'<p class="adds-note">What it adds: <a href="#adds-{self.anchors.get(article_id, "")}">'
                f"{_e(additions_line(item))}</a></p>")

    def novelty(self) -> str:
        parts = ['<section id="novelty">', "<h2>What each article adds</h2>"]
        if not self.additions:
            parts += [f'<p class="empty">{EMPTY_STATES["novelty"]}</p>', "</section>"]
            return "\n".join(parts)
        parts.append('<p class="hint">In publication order: the claims, statements and dated events each '
                     "article is the first to report, and how much it repeats of what came before.</p>")
        parts.append('<ol class="additions">')
        parts += [self.addition(item) for item in self.additions]
        parts += ["</ol>", "</section>"]
        return "\n".join(parts)

    def addition(self, item: Additions) -> str:
        article = self.article_by_id.get(item.article)
        anchor = self.anchors.get(item.article)
        heading = [self.article_link(item.article)]
        if article is not None:
            heading.append(f'<span class="outlet">{_e(article_outlet_label(article, article.id))}</span>')
            date = article_date(article)
            if date:
                heading.append(f'<span class="date">{_e(date)}</span>')
        title = f'<p class="title">{_e(article.title)}</p>' if article is not None and article.title else ""
        lists = []
        if item.claims:
            lists.append(self.added_list("New claims", [
                f'<a href="#{self.claim_anchors[c.id]}">{_e(c.statement)}</a> {self.status_badge(c.status)}'
                for c in item.claims]))
        if item.quotes:
            lists.append(self.added_list("New statements", [self.added_quote(q) for q in item.quotes]))
        if item.events:
            lists.append(self.added_list("New events", [
                f'<a href="#event-{_e(e.id)}">{_e(e.date or "undated")}</a> {_e(e.description)}'
                for e in item.events]))
        line = additions_line(item)
        summary = (f'<p class="nothing-new">{_e(line[0].upper() + line[1:])}.</p>' if item.nothing_new
                   else f'<p class="adds-line">{_e(line[0].upper() + line[1:])}.</p>')
        return (f'<li class="addition{" nothing" if item.nothing_new else ""}"'
                + (f' id="adds-{anchor}"' if anchor else "") + ">"
                f'<h3>{" · ".join(heading)}</h3>{title}{summary}{"".join(lists)}</li>')

    def added_quote(self, quote: Quote) -> str:
        anchor = self.statement_anchors.get(quote.id)
        text = f"“{_e(quote.text)}”"
        if anchor:
            text = f'<a href="#{anchor}">{text}</a>'
        who = quote.speaker.name or ("unnamed source" if quote.speaker.kind == "anonymous" else "unattributed")
        return f'{text} <span class="speaker-name">{_e(who)}</span>'

    def added_list(self, heading: str, items: list[str]) -> str:
        shown = "".join(f"<li>{item}</li>" for item in items[:ADDED_SHOWN])
        rest = items[ADDED_SHOWN:]
        more = (f'<details class="more-added"><summary>{len(rest)} more</summary><ul>'
                + "".join(f"<li>{item}</li>" for item in rest) + "</ul></details>") if rest else ""
        return f'<div class="added"><h4>{heading} ({len(items)})</h4><ul>{shown}</ul>{more}</div>'

    def contradictions(self) -> str:
        parts = ['<section id="contradictions">', "<h2>Contradictions</h2>"]
        if not self.dossier.contradictions:
            parts += [f'<p class="empty">{EMPTY_STATES["contradictions"]}</p>', "</section>"]
            return "\n".join(parts)
        parts += [self.contradiction(c) for c in self.dossier.contradictions]
        parts.append("</section>")
        return "\n".join(parts)

    def contradiction(self, contradiction: Contradiction) -> str:
        sides = []
        for number, side in enumerate(contradiction.sides, start=1):
            items = "".join(f"<li>{self.evidence(m)}</li>" for m in side) or '<li class="empty">no evidence</li>'
            sides.append(f'<div class="side"><h4>Side {number}</h4><ul>{items}</ul></div>')
        kind = contradiction.kind.replace("_", " ")
        return (
            '<div class="contradiction">'
            f'<p><span class="kind">{_e(kind)}</span> {_e(contradiction.description)}</p>'
            f'<div class="sides">{"".join(sides)}</div></div>'
        )

    def duplicates(self) -> str:
        parts = ['<section id="duplicates">', "<h2>Duplicates</h2>"]
        if not self.dossier.duplicates:
            parts += [f'<p class="empty">{EMPTY_STATES["duplicates"]}</p>', "</section>"]
            return "\n".join(parts)
        parts.append('<ul class="duplicates">')
        parts += [self.duplicate(pair) for pair in self.dossier.duplicates]
        parts += ["</ul>", "</section>"]
        return "\n".join(parts)

    def duplicate(self, pair: DuplicatePair) -> str:
        first, second = pair.articles
        shared = ""
        if pair.shared:
            items = "".join(
                f"<li>{self.evidence(a)}<br>{self.evidence(b)}</li>" for a, b in pair.shared
            )
            shared = (f'<details class="shared"><summary>{_plural(len(pair.shared), "shared passage")}</summary>'
                      f"<ul>{items}</ul></details>")
        return (f'<li class="duplicate">{self.article_link(first)} and {self.article_link(second)}: '
                f'<span class="similarity">{pair.similarity:.0%} similar</span>{shared}</li>')
