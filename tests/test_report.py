"""Tests for the Markdown and HTML dossier reports, on a small hand-built dossier."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.model import (
    Article,
    Claim,
    Contradiction,
    Dossier,
    DuplicatePair,
    Entity,
    Mention,
    Novelty,
    Published,
    Quote,
    QuoteGroup,
    QuoteVariant,
    RemovedBlock,
    Speaker,
    Story,
    TimelineEvent,
    TimelineMention,
    Warning,
)
from storyline.report.html import render_html
from storyline.report.markdown import md_text, render_markdown
from storyline.report.summary import (
    additions,
    additions_line,
    claims_by_corroboration,
    corroboration_label,
    statements,
    who_said_what,
    word_diff,
)

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ATTR = '"><img src=x onerror=alert(1)>'

# Tags the report itself writes; anything else in the output came from the data.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "nav", "a", "span", "main", "header", "h1", "h2",
    "h3", "h4", "p", "dl", "div", "dt", "dd", "section", "ul", "li", "code", "article", "mark", "details",
    "summary", "table", "thead", "tbody", "tr", "th", "td", "button", "blockquote", "q", "ol", "time",
    "br", "script", "ins", "del", "svg", "line", "text", "circle", "rect",  # the timeline chart
    "caption",  # the claims matrix
}
VOID_TAGS = {"meta", "br", "img", "link", "hr", "input"}


def _find(body: str, text: str, *, start: int = 0) -> tuple[int, int]:
    """The span of the first `text` in `body` at or after `start`."""
    index = body.index(text, start)
    return index, index + len(text)


def _span(body: str, text: str) -> dict:
    """The `start`, `end` and `text` fields of a quote of `text` in `body`."""
    start, end = _find(body, text)
    return {"start": start, "end": end, "text": text}


def _article(article_id: str, body: str, **fields) -> Article:
    """An English article whose source is a file under `stories/`."""
    return Article(id=article_id, source=f"stories/{article_id}", body=body, language="en", **fields)


def build_dossier() -> Dossier:
    """Two articles about one fictional story, with evidence at the right offsets."""
    body_1 = (
        "Maria Ortega, the mayor of Port Haven, said on Monday that the bridge would reopen.\n\n"
        "\"We will rebuild the bridge by spring,\" Ortega told reporters. "
        "The Harbour Authority said repairs began on 3 March 2024."
    )
    body_2 = (
        "Port Haven mayor Maria Ortega promised the bridge would be rebuilt.\n\n"
        "\"We will rebuild the bridge before spring,\" she said. The Harbour Authority "
        "put the start of repairs at 5 March 2024."
    )
    first = _article(
        "a1.txt", body_1, outlet="Harbour Gazette", title="Bridge to reopen, mayor says",
        published=Published(date="2024-03-04", method="metadata", crawl_date="2024-03-06"),
        removed=(RemovedBlock(text="Subscribe to our newsletter", reason="boilerplate"),),
    )
    second = _article(
        "a2.txt", body_2, outlet="Coastal Courier", title="Mayor promises rebuilt bridge",
        published=Published(date="2024-03-05", method="text"),
    )

    def mentions(article: Article, *texts: str) -> tuple[Mention, ...]:
        found, cursor = [], 0
        for text in texts:
            start, end = _find(article.body, text, start=cursor)
            found.append(article.mention(start, end))
            cursor = end
        return tuple(found)

    ortega = Entity(
        id="E1", name="Maria Ortega", type="PERSON", aliases=("Maria Ortega", "Ortega"), roles=("mayor",),
        mentions=mentions(first, "Maria Ortega", "Ortega") + mentions(second, "Maria Ortega"),
    )
    port_haven = Entity(id="E2", name="Port Haven", type="GPE",
                        mentions=mentions(first, "Port Haven") + mentions(second, "Port Haven"))
    authority = Entity(id="E3", name="Harbour Authority", type="ORG",
                       mentions=mentions(first, "Harbour Authority") + mentions(second, "Harbour Authority"))

    quote_1 = Quote(id="Q1", article="a1.txt", **_span(body_1, "We will rebuild the bridge by spring"),
                    kind="direct", speaker=Speaker(name="Maria Ortega", entity="E1"), cue="told", group="G1")
    quote_2 = Quote(id="Q2", article="a2.txt", **_span(body_2, "We will rebuild the bridge before spring"),
                    kind="direct", speaker=Speaker(name="Maria Ortega", entity="E1"), cue="said", group="G1")
    group = QuoteGroup(id="G1", text="We will rebuild the bridge by spring", speaker="Maria Ortega",
                       quotes=("Q1", "Q2"), articles=("a1.txt", "a2.txt"), first_seen="a1.txt",
                       variants=(QuoteVariant(quote="Q2", differences=("'by' became 'before'",)),))
    event = TimelineEvent(
        id="T1", date="2024-03-03", granularity="day", description="Bridge repairs began",
        mentions=(TimelineMention(mentions(first, "3 March 2024")[0], expression="3 March 2024"),),
    )
    conflict = Contradiction(
        id="C1", kind="factual_conflict", description="The outlets disagree on when repairs began",
        sides=(mentions(first, "3 March 2024"), mentions(second, "5 March 2024")),
    )
    claim = Claim(id="K1", statement="The bridge will reopen", mentions=mentions(first, "the bridge would reopen"),
                  articles=("a1.txt",), outlets=1, independent_outlets=1, attributed_to=("Maria Ortega",))
    duplicate = DuplicatePair(articles=("a1.txt", "a2.txt"), similarity=0.42,
                              shared=((mentions(first, "Harbour Authority")[0],
                                       mentions(second, "Harbour Authority")[0]),))
    return Dossier(
        generated_at="2024-03-07T10:00:00+00:00",
        articles=(first, second),
        entities=(ortega, port_haven, authority),
        quotes=(quote_1, quote_2),
        quote_groups=(group,),
        timeline=(event,),
        claims=(claim,),
        contradictions=(conflict,),
        duplicates=(duplicate,),
        warnings=(Warning(source="stories/broken.pdf", reason="not an article: binary file"),),
    )


def hostile_dossier() -> Dossier:
    """The sample dossier with markup injected into every kind of article-derived text."""
    dossier = build_dossier()
    evil = f"{HOSTILE_SCRIPT} {HOSTILE_ATTR}"
    body = f"{evil}\n\n{evil} Maria Ortega said so."
    article = _article(f"evil{HOSTILE_ATTR}.txt", body, outlet=evil, title=evil,
                       removed=(RemovedBlock(text=evil, reason=evil),))
    start, end = _find(body, "Maria Ortega")
    entity = Entity(id=f"E{HOSTILE_ATTR}", name=evil, type=f"PERSON{HOSTILE_ATTR}", aliases=(evil,),
                    roles=(evil,), mentions=(article.mention(start, end), article.mention(0, 8)))
    return replace(
        dossier,
        articles=(*dossier.articles, article),
        entities=(*dossier.entities, entity),
        warnings=(*dossier.warnings, Warning(source=evil, reason=evil, article=article.id)),
        quote_groups=(replace(dossier.quote_groups[0], speaker=evil, text=evil),),
        claims=(replace(dossier.claims[0], statement=evil, attributed_to=(evil,), contradicted_in=(article.id,),
                        story=evil, articles=("a1.txt", article.id)),),
        novelty=(Novelty("a1.txt", claims=(dossier.claims[0].id,), quotes=("Q1",), events=("T1",)),
                 Novelty(article.id)),
        stories=(Story(evil, ("a1.txt", "a2.txt"), label=evil), Story("S2", (article.id,), label=evil)),
    )


class _Collector(HTMLParser):
    """Records tags, attributes, nesting errors and the text inside each `<mark>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.marks: list[dict] = []
        self._mark: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]
        if tag == "mark":
            self._mark = {"attrs": dict(attrs), "text": ""}
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "mark" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark["text"] += data


def parse(page: str) -> _Collector:
    """Feed a whole page to a fresh collector."""
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def marks_by_article(page: str, dossier: Dossier) -> dict[str, list[tuple[str, str]]]:
    """`(entity id, marked text)` per article, read from the rendered page in order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for number, article in enumerate(dossier.articles, start=1):
        start = page.index(f'<article id="article-{number}"')
        end = page.index("</article>", start)
        found[article.id] = [(m["attrs"]["data-entity"], m["text"]) for m in parse(page[start:end]).marks]
    return found


# --- Markdown ---------------------------------------------------------------------------------

def test_markdown_has_every_section() -> None:
    text = render_markdown(build_dossier())
    for heading in ("# Story dossier", "## Articles", "## Entities", "## Who said what", "## Timeline",
                    "## Claims", "## Contradictions", "## Duplicates", "## Warnings"):
        assert re.search(rf"^{re.escape(heading)}$", text, re.MULTILINE), heading
    assert "**2 articles** from **2 outlets** (Harbour Gazette, Coastal Courier)" in text
    assert "Published between 2024-03-04 and 2024-03-05." in text
    assert "| `a1.txt` | Harbour Gazette | 2024-03-04 (metadata); crawled 2024-03-06 |" in text
    assert "### PERSON" in text and "| Maria Ortega | mayor | Ortega | 3 | `a1.txt`, `a2.txt` |" in text
    assert "### Maria Ortega" in text and "“We will rebuild the bridge by spring”" in text
    assert "Harbour Gazette, Coastal Courier" in text
    assert "**2024-03-03** (day): Bridge repairs began" in text
    assert "**factual\\_conflict**" in text and "“5 March 2024” (`a2.txt`)" in text
    assert "- `stories/broken.pdf`: not an article: binary file" in text


def test_markdown_empty_dossier_shows_empty_states() -> None:
    text = render_markdown(Dossier(generated_at="2024-01-01T00:00:00+00:00"))
    assert "No quotations attributed yet." in text
    assert "No dated events yet." in text
    assert "No warnings" in text
    assert "**0 articles** from **0 outlets**" in text


def test_markdown_table_rows_survive_pipes_and_newlines() -> None:
    dossier = build_dossier()
    article = replace(dossier.articles[0], title="Left | right\nsecond line", outlet="A|B")
    text = render_markdown(replace(dossier, articles=(article, dossier.articles[1])))
    row = next(line for line in text.splitlines() if line.startswith("| `a1.txt`"))
    # Five cells: the escaped pipes do not split the row.
    assert len(re.findall(r"(?<!\\)\|", row)) == 6
    assert "Left \\| right second line" in row


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("# not a heading", "\\# not a heading"),
    ("1. not a list", "1\\. not a list"),
    ("*not emphasis*", "\\*not emphasis\\*"),
    ("a\n\nb", "a b"),
    (None, ""),
])
def test_md_text_escapes(text: str | None, expected: str) -> None:
    assert md_text(text) == expected


def test_markdown_escapes_hostile_text() -> None:
    text = render_markdown(hostile_dossier())
    # Code spans (ids, sources) render literally; everywhere else a `<` must be escaped.
    prose = re.sub(r"(`+).*?\1", "", text)
    assert "alert(1)" in prose
    assert not re.search(r"(?<!\\)<", prose)
    # Every row of a table has as many cell separators as its header.
    header_pipes = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header_pipes = None
            continue
        pipes = len(re.findall(r"(?<!\\)\|", line))
        header_pipes = header_pipes or pipes
        assert pipes == header_pipes, line


# --- HTML -------------------------------------------------------------------------------------

def test_html_is_self_contained() -> None:
    page = render_html(build_dossier())
    collected = parse(page)
    assert "link" not in collected.tags and "img" not in collected.tags
    for tag, name, value in collected.attrs:
        if name in ("src", "href", "action", "srcset", "poster", "data"):
            assert value is not None and value.startswith("#"), (tag, name, value)
    assert not re.search(r"(?i)(https?:)?//[a-z0-9]", re.sub(r"<script>.*?</script>", "", page, flags=re.S)
                         .replace("stories/", ""))
    assert "@import" not in page and "url(" not in page
    assert "<style>" in page and "<script>" in page


def test_html_has_sections_and_content() -> None:
    page = render_html(build_dossier())
    for anchor in ("summary", "warnings", "articles", "entities", "quotes", "timeline", "claims",
                   "contradictions", "duplicates"):
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page
    assert "stories/broken.pdf" in page and "not an article: binary file" in page
    assert "2024-03-04 (metadata)" in page and "crawled 2024-03-06" in page
    assert "Removed by cleaning (1)" in page and "Subscribe to our newsletter" in page
    assert "<blockquote>We will rebuild the bridge by spring</blockquote>" in page
    assert "&#x27;by&#x27; became &#x27;before&#x27;" in page
    assert '<time datetime="2024-03-03">' in page and "3 March 2024" in page
    assert "factual conflict" in page and "5 March 2024" in page
    # Article bodies are split into paragraphs on blank lines.
    first = page[page.index('<article id="article-1"'):page.index("</article>")]
    assert first.count("<p>") == 2


def test_html_highlights_the_mentions() -> None:
    dossier = build_dossier()
    page = render_html(dossier)
    marks = marks_by_article(page, dossier)
    for article in dossier.articles:
        expected = sorted(
            ((m.start, entity.id, m.text) for entity in dossier.entities for m in entity.mentions
             if m.article == article.id),
        )
        assert marks[article.id] == [(entity_id, text) for _, entity_id, text in expected]
    for mark in parse(page).marks:
        assert mark["attrs"]["class"].startswith("ent ent-")
        assert mark["attrs"]["title"]


def test_html_skips_bad_and_overlapping_mentions() -> None:
    dossier = build_dossier()
    first = dossier.articles[0]
    body = first.body
    start, end = _find(body, "Maria Ortega")
    bad = Entity(id="E9", name="Broken", type="MISC", mentions=(
        first.mention(start + 6, end + 5),          # overlaps "Maria Ortega"
        Mention(first.id, len(body) + 10, len(body) + 13, "abc"),   # beyond the body
        Mention(first.id, 0, 3, "xyz"),             # text disagrees with the body
        Mention("missing.txt", 0, 3, "abc"),        # article not in the dossier
        first.mention(*_find(body, "reopen.\n\n\"We")),  # crosses a paragraph break
    ))
    dossier = replace(dossier, entities=(*dossier.entities, bad))
    page = render_html(dossier)
    marks = marks_by_article(page, dossier)
    assert all(entity_id != "E9" for entity_id, _ in marks[first.id])
    assert ("E1", "Maria Ortega") in marks[first.id]
    assert not parse(page).errors


def test_html_escapes_hostile_text() -> None:
    dossier = hostile_dossier()
    page = render_html(dossier)
    collected = parse(page)
    assert set(collected.tags) <= OWN_TAGS
    assert collected.tags.count("script") == 1
    assert "img" not in collected.tags
    assert not any(name.startswith("on") for _, name, _ in collected.attrs)
    assert HOSTILE_SCRIPT not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    # The hostile entity's mention is still highlighted, its attributes intact.
    hostile_marks = [m for m in collected.marks if m["attrs"]["data-entity"] == f"E{HOSTILE_ATTR}"]
    assert [m["text"] for m in hostile_marks] == ["<script>", "Maria Ortega"]
    assert hostile_marks[0]["attrs"]["title"].startswith(HOSTILE_SCRIPT)
    assert not collected.errors


def test_html_parses_and_balances() -> None:
    collected = parse(render_html(build_dossier()))
    assert not collected.errors
    assert collected.stack == []


def test_html_empty_dossier_renders() -> None:
    page = render_html(Dossier(generated_at="2024-01-01T00:00:00+00:00"))
    collected = parse(page)
    assert not collected.errors and collected.stack == []
    assert "No quotations attributed yet." in page
    assert "No dated events yet." in page
    assert "No contradictions found." in page
    assert "<mark" not in page


def test_html_article_without_paragraphs_or_metadata() -> None:
    article = Article(id="blank.txt", source="blank.txt", body="  \n\n ")
    page = render_html(Dossier(generated_at="2024-01-01T00:00:00+00:00", articles=(article,)))
    assert "The cleaned body is empty." in page
    assert "date unknown" in page and "outlet unknown" in page
    assert not parse(page).errors


# --- Who said what ----------------------------------------------------------------------------

def quotes_dossier() -> Dossier:
    """The sample dossier with more speakers: a partial quote, an anonymous source, an unattributed remark."""
    dossier = build_dossier()
    first, second = dossier.articles
    body_3 = ("A harbour official, who asked not to be named, said the inspections were a formality. "
              "Ortega called the delay \"a scandal of the first order\". Repairs were slow, it was said.")
    third = _article("a3.txt", body_3, outlet="Harbour Gazette", published=Published(date="2024-03-06", method="text"))
    ortega = Speaker(name="Maria Ortega", entity="E1", role="mayor of Port Haven", kind="person")
    partial = Quote(id="Q3", article="a3.txt", **_span(body_3, "a scandal of the first order"), kind="partial",
                    speaker=replace(ortega, role="mayor"), cue="called")
    anonymous = Quote(id="Q4", article="a3.txt", **_span(body_3, "the inspections were a formality"),
                      kind="indirect", speaker=Speaker(name="a harbour official", kind="anonymous"), cue="said")
    unattributed = Quote(id="Q5", article="a3.txt", **_span(body_3, "Repairs were slow"), kind="indirect")
    quote_1, quote_2 = (replace(q, speaker=ortega) for q in dossier.quotes)
    return replace(dossier, articles=(first, second, third),
                   quotes=(quote_1, quote_2, partial, anonymous, unattributed))


def test_statements_count_a_group_once_and_keep_the_ungrouped() -> None:
    said = statements(quotes_dossier())
    assert [s.text for s in said] == [
        "We will rebuild the bridge by spring", "the inspections were a formality",
        "a scandal of the first order", "Repairs were slow"]
    group = said[0]
    assert group.group is not None and [q.id for q in group.quotes] == ["Q1", "Q2"]
    assert group.articles == ("a1.txt", "a2.txt") and group.first_seen == "a1.txt"
    assert said[2].kinds == ("partial",) and said[2].first_seen == "a3.txt"
    assert group.said_by("ORTEGA") and group.said_by("maria") and not group.said_by("Kirby")


def test_speakers_sorted_by_statements_with_roles_and_kind() -> None:
    speakers = who_said_what(quotes_dossier())
    assert [s.label for s in speakers] == ["Maria Ortega", "a harbour official", "Unattributed"]
    ortega, official, nobody = speakers
    # "mayor" is part of "mayor of Port Haven": one role, not two.
    assert ortega.roles == ("mayor of Port Haven",) and ortega.kind == "person" and len(ortega.statements) == 2
    assert official.kind_label == "anonymous source"
    assert replace(official, kind="other").kind_label.startswith("not a person")
    assert nobody.name is None and nobody.kind is None


def test_a_role_spelled_two_ways_is_listed_once() -> None:
    dossier = quotes_dossier()
    first, second, *rest = dossier.quotes
    dossier = replace(dossier, quotes=(replace(first, speaker=replace(first.speaker, role="Mayor's Advisor")),
                                       replace(second, speaker=replace(second.speaker, role="mayor's adviser")),
                                       *rest))
    assert who_said_what(dossier)[0].roles == ("Mayor's Advisor",)


def _diff_text(canonical: str, variant: str) -> str:
    marks = {"same": "{}", "added": "{{+{}+}}", "dropped": "[-{}-]"}
    return "".join(space + marks[change].format(text) for change, space, text in word_diff(canonical, variant))


@pytest.mark.parametrize(("canonical", "variant", "expected"), [
    ("We will rebuild the bridge by spring", "We will rebuild the bridge before spring",
     "We will rebuild the bridge [-by-] {+before+} spring"),
    ("Once we understood the scale of the leak, we acted", "we acted",
     "[-Once we understood the scale of the leak,-] we acted"),
    ("we acted", "Once we knew, we acted", "{+Once we knew,+} we acted"),
    ("the company acted", "[the company] acted", "{+[+}the company{+]+} acted"),
    ("We knew the scale.", "We knew the extent.", "We knew the [-scale-] {+extent+}."),
    ("a well-known fact", "a well-liked fact", "a well-[-known-]{+liked+} fact"),
    ("Same words\n\nacross  lines", "Same words across lines", "Same words across lines"),
    ("", "", ""),
])
def test_word_diff(canonical: str, variant: str, expected: str) -> None:
    assert _diff_text(canonical, variant) == expected


def _quotes_section(page: str) -> str:
    return page[page.index('<section id="quotes">'):page.index('<section id="timeline">')]


def test_html_who_said_what_groups_by_speaker_and_marks_differences() -> None:
    page = render_html(quotes_dossier())
    section = _quotes_section(page)
    assert '<a href="#quotes">Who said what <span class="count">4</span></a>' in page
    speakers = re.findall(r'<span class="speaker-name">(.*?)</span>', section)
    assert speakers == ["Maria Ortega", "a harbour official", "Unattributed"]
    assert '<span class="speaker-roles">mayor of Port Haven</span>' in section
    assert '<div class="speaker speaker-anonymous" id="speaker-2">' in section
    assert '<span class="speaker-kind">anonymous source</span>' in section
    assert '<span class="count">2 statements</span>' in section
    # The group once, under its canonical wording, with both outlets and where it was first seen.
    assert section.count("<blockquote>We will rebuild the bridge by spring</blockquote>") == 1
    assert ('Carried by <span class="outlet">Harbour Gazette</span> (<a class="article-id" href="#article-1">'
            'a1.txt</a>), <span class="outlet">Coastal Courier</span>') in section
    assert 'first seen in <a class="article-id" href="#article-1">a1.txt</a>, <span class="date">2024-03-04' in section
    # The variant against it, word by word, with the linker's own account of the change.
    assert ('<q class="wording">We will rebuild the bridge <del class="diff">by</del> '
            '<ins class="diff">before</ins> spring</q>') in section
    assert "<li>&#x27;by&#x27; became &#x27;before&#x27;</li>" in section
    # Statements that are not word for word say so.
    assert '<div class="statement kind-partial" id="statement-' in section
    assert '<span class="kind kind-partial">partial quotation</span>' in section
    assert '<div class="statement kind-indirect" id="statement-' in section and "reported speech" in section
    collected = parse(page)
    assert not collected.errors and collected.stack == []


def hostile_quotes_dossier() -> Dossier:
    """`quotes_dossier()` plus markup in a quote, its speaker, role, kind, group and differences."""
    dossier = quotes_dossier()
    evil = f"{HOSTILE_SCRIPT} {HOSTILE_ATTR}"
    body = f"{evil} said {evil}."
    article = _article("evil.txt", body, outlet=evil)
    speaker = Speaker(name=evil, role=evil, kind=f"person{HOSTILE_ATTR}")
    grouped = Quote(id="QE1", article="evil.txt", **_span(body, evil), kind=f"direct{HOSTILE_ATTR}",
                    speaker=speaker, group="GE")
    group = QuoteGroup(id="GE", text=f"{evil} canonical", speaker=evil, quotes=("QE1",), articles=("evil.txt",),
                       first_seen="evil.txt", variants=(QuoteVariant(quote="QE1", differences=(evil,)),))
    single = Quote(id="QE2", article="evil.txt", start=0, end=len(evil), text=evil, kind="partial",
                   speaker=Speaker(name=None, role=evil, kind="anonymous"))
    return replace(dossier, articles=(*dossier.articles, article), quotes=(*dossier.quotes, grouped, single),
                   quote_groups=(*dossier.quote_groups, group))


def test_html_who_said_what_escapes_quotes_and_speakers() -> None:
    page = render_html(hostile_quotes_dossier())
    collected = parse(page)
    assert set(collected.tags) <= OWN_TAGS
    assert collected.tags.count("script") == 1 and "img" not in collected.tags
    assert not any(name.startswith("on") for _, name, _ in collected.attrs)
    assert not collected.errors and collected.stack == []
    section = _quotes_section(page)
    assert HOSTILE_SCRIPT not in section and "<img" not in section
    assert '<span class="speaker-name">&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img' in section
    assert '<ins class="diff">&lt;</ins>' not in section  # the variant drops a word; it adds no markup
    assert '<del class="diff">canonical</del>' in section


def test_html_who_said_what_survives_missing_quotes_and_articles() -> None:
    dossier = build_dossier()
    group = replace(dossier.quote_groups[0], quotes=("Q1", "gone"), articles=("a1.txt", "elsewhere.txt"),
                    variants=(QuoteVariant(quote="gone", differences=("was dropped",)),))
    page = render_html(replace(dossier, quote_groups=(group,)))
    section = _quotes_section(page)
    assert '<code class="article-id">elsewhere.txt</code>' in section
    assert '<li class="variant"><code>gone</code><ul class="differences"><li>was dropped</li></ul></li>' in section
    assert not parse(page).errors


def test_markdown_who_said_what_has_the_same_structure() -> None:
    text = render_markdown(quotes_dossier())
    section = text[text.index("## Who said what"):text.index("## Timeline")]
    headings = re.findall(r"^### (.*)$", section, re.MULTILINE)
    assert headings == ["Maria Ortega", "a harbour official", "Unattributed"]
    assert "_mayor of Port Haven · person · 2 statements_" in section
    assert "_anonymous source · 1 statement_" in section
    assert ("- “We will rebuild the bridge by spring” — Harbour Gazette, Coastal Courier (`a1.txt`, `a2.txt`); "
            "first seen in `a1.txt`, 2024-03-04") in section
    assert ("  - variant in Coastal Courier (`a2.txt`): “We will rebuild the bridge before spring”\n"
            "    - 'by' became 'before'") in section
    assert ("- *partial quotation* “a scandal of the first order” — Harbour Gazette (`a3.txt`), 2024-03-06"
            in section)
    assert "*reported speech* “Repairs were slow”" in section


def test_markdown_who_said_what_escapes_quotes_and_speakers() -> None:
    text = render_markdown(hostile_quotes_dossier())
    section = text[text.index("## Who said what"):text.index("## Timeline")]
    prose = re.sub(r"(`+).*?\1", "", section)
    assert "alert(1)" in prose and not re.search(r"(?<!\\)<", prose)
    assert "### \\<script\\>alert(1)\\</script\\>" in section



# --- Claims matrix, entities and what each article adds -------------------------------------------

def claims_dossier() -> Dossier:
    """The sample dossier plus a third outlet that contradicts the reopening, and each article's novelty."""
    dossier = build_dossier()
    third = _article("a3.txt", "Residents say the bridge will not reopen this year.", outlet="Valley Post",
                     published=Published(date="2024-03-06", method="metadata"))
    first, second = dossier.articles
    reopen = Claim(id="K1", statement="The bridge will reopen", articles=("a1.txt", "a2.txt"), outlets=2,
                   independent_outlets=2, status="disputed", contradicted_in=("a3.txt",),
                   mentions=(first.mention(*_find(first.body, "the bridge would reopen")),))
    began = Claim(id="K2", statement="Repairs began on 3 March 2024", articles=("a1.txt",), outlets=1,
                  independent_outlets=1, status="alleged", attributed_to=("Harbour Authority",))
    novelty = (Novelty("a1.txt", claims=("K2", "K1"), quotes=("Q1",), events=("T1",)),
               Novelty("a2.txt"), Novelty("a3.txt"))
    return replace(dossier, articles=(first, second, third), claims=(began, reopen), novelty=novelty)


def _claims_section(page: str) -> str:
    return page[page.index('<section id="claims">'):page.index('<section id="novelty">')]


def _matrix_rows(html: str) -> list[tuple[str, list[str]]]:
    """`(claim text, [cell state, ...])` for each row of the matrices in `html`."""
    rows = []
    for row in re.findall(r'<tr class="corroboration-\w+">(.*?)</tr>', html, flags=re.S):
        claim = re.search(r'<th scope="row" class="claim-cell"><a href="#[^"]+">(.*?)</a>', row)
        assert claim, row
        rows.append((claim[1], re.findall(r'<td class="cell (\w+)"', row)))
    return rows


def test_html_claims_matrix_states_contradicts_and_silent() -> None:
    page = render_html(claims_dossier())
    section = _claims_section(page)
    # Outlets are the columns, in order of first appearance, as column headers.
    headers = re.findall(r'<th scope="col" class="outlet-col"><span>(.*?)</span></th>', section)
    assert headers == ["Harbour Gazette", "Coastal Courier", "Valley Post"]
    # The most corroborated claim first; one cell per outlet.
    assert _matrix_rows(section) == [("The bridge will reopen", ["states", "states", "contradicts"]),
                                     ("Repairs began on 3 March 2024", ["states", "silent", "silent"])]
    # Each cell says what it means in words, to a screen reader and on hover, and links to the article.
    assert ('<td class="cell contradicts" title="Valley Post: contradicts it (a3.txt)"><a href="#article-3">'
            '<span aria-hidden="true">✗</span><span class="visually-hidden">Valley Post: contradicts it (a3.txt)'
            "</span></a></td>") in section
    assert '<td class="cell states" title="Harbour Gazette: states it (a1.txt)">' in section
    assert ('<td class="cell silent" title="Coastal Courier: silent"><span class="visually-hidden">silent</span>'
            "</td>") in section
    assert 'id="claims-legend"' in section and 'aria-describedby="claims-legend"' in section
    assert "disputed: stated by 2 independent outlets, contradicted by 1 outlet" in section
    assert '<span class="status status-alleged" title="alleged or attributed">alleged</span>' in section
    # The detail list, linked from the matrix, with who contradicts it.
    assert re.search(r'<li class="claim corroboration-disputed" id="claim-2"><p class="statement">The bridge will '
                     r"reopen</p>.*contradicted in</span> <span class=\"outlet\">Valley Post</span>", section)
    assert "2 claims: " in section and "1 disputed" in section
    collected = parse(page)
    assert not collected.errors and collected.stack == []


def test_html_claims_matrix_folds_the_least_corroborated() -> None:
    dossier = claims_dossier()
    extra = tuple(Claim(id=f"X{n}", statement=f"Minor claim {n}", articles=("a2.txt",), outlets=1,
                        independent_outlets=1) for n in range(45))
    page = render_html(replace(dossier, claims=(*dossier.claims, *extra)))
    section = _claims_section(page)
    shown, folded = section.split('<details class="more-claims">', 1)
    assert len(_matrix_rows(shown)) == 40
    assert '<summary>7 more claims, less corroborated</summary>' in folded
    assert len(_matrix_rows(folded.split("<h3>Claims in detail</h3>")[0])) == 7
    assert '<ol class="claims" start="41">' in folded


def _internal_links(page: str) -> tuple[set[str], set[str]]:
    collected = parse(page)
    ids = {value for _, name, value in collected.attrs if name == "id" and value}
    hrefs = {value[1:] for _, name, value in collected.attrs if name == "href" and value and value.startswith("#")}
    return ids, hrefs


@pytest.mark.parametrize("make", [claims_dossier, hostile_dossier, build_dossier])
def test_html_every_internal_link_has_its_target(make) -> None:
    ids, hrefs = _internal_links(render_html(make()))
    assert hrefs <= ids, hrefs - ids


def test_html_what_each_article_adds() -> None:
    dossier = claims_dossier()
    page = render_html(dossier)
    section = page[page.index('<section id="novelty">'):page.index('<section id="contradictions">')]
    first, second, third = ('<li class="addition' + item for item in section.split('<li class="addition')[1:])
    assert first.startswith('<li class="addition" id="adds-article-1">')
    assert "Adds 2 claims, 1 statement and 1 event." in first
    assert '<h4>New claims (2)</h4>' in first and '<a href="#claim-1">Repairs began on 3 March 2024</a>' in first
    quote_link = re.search(r'<a href="#(statement-\d+)">“We will rebuild the bridge by spring”</a>', first)
    assert quote_link and f'id="{quote_link[1]}"' in page
    assert '<a href="#event-T1">2024-03-03</a> Bridge repairs began' in first
    # The second article repeats the claim and the statement; the third only contradicts.
    assert second.startswith('<li class="addition nothing" id="adds-article-2">')
    assert "Nothing new; repeats 1 claim and 1 statement reported earlier." in second
    assert "Nothing new." in third
    # Each article says what it adds, under its heading.
    assert ('<p class="adds-note">What it adds: <a href="#adds-article-1">adds 2 claims, 1 statement and '
            "1 event</a></p>") in page
    assert '<a href="#novelty">What each adds <span class="count">1</span></a>' in page


def test_html_stories_note_when_several_stories() -> None:
    dossier = claims_dossier()
    stories = (Story("S1", ("a1.txt", "a2.txt"), label="bridge"), Story("S2", ("a3.txt",)))
    claims = tuple(replace(c, story="S1") for c in dossier.claims)
    page = render_html(replace(dossier, stories=stories, claims=claims))
    note = ("These articles tell 2 separate stories (S1 “bridge”, 2 articles; S2, 1 article). "
            "Claims are grouped and compared within each story only.")
    assert page.count(note) == 2  # in the summary and over the claims
    assert '<span class="story-badge">S1</span>' in _claims_section(page)
    assert "separate stories" not in render_html(replace(dossier, stories=stories[:1]))


def test_html_entity_list_groups_kinds_with_aliases_and_roles() -> None:
    dossier = build_dossier()
    radar = Entity(id="E4", name="AN/TPY-2 radar", type="EQUIPMENT", aliases=("TPY-2", "an/tpy-2 radar"),
                   mentions=dossier.entities[0].mentions[:1])
    page = render_html(replace(dossier, entities=(*dossier.entities, radar)))
    section = page[page.index('<section id="entities">'):page.index('<section id="quotes">')]
    assert "4 entities: 1 person, 1 organisation, 1 country or city, 1 equipment." in section
    kinds = re.findall(r'<th scope="rowgroup" colspan="6">(.*?)</th>', section)
    assert kinds == ["1 person", "1 organisation", "1 country or city", "1 equipment"]
    radar_row = section[section.index('data-entity-row="E4"'):]
    # The canonical name and a case variant of it are not listed as other names.
    assert '<span class="alias">TPY-2</span></td>' in radar_row.split("</tr>")[0]
    assert '<span class="role">mayor</span>' in section and '<span class="alias">Ortega</span>' in section


def test_html_hostile_claims_stories_and_novelty_are_escaped() -> None:
    page = render_html(hostile_dossier())
    section = _claims_section(page)
    evil_html = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    assert f'<th scope="col" class="outlet-col"><span>{evil_html}</span></th>' in section
    assert f'<a href="#claim-1">{evil_html}</a>' in section
    assert f'<p class="stories-note" role="note">These articles tell 2 separate stories ({evil_html} “' in page
    assert HOSTILE_SCRIPT not in page and "<img" not in page


def test_html_empty_states_for_claims_and_novelty() -> None:
    page = render_html(Dossier(generated_at="2024-01-01T00:00:00+00:00"))
    assert "No claims grouped yet." in page
    assert "Not worked out yet: no article has been compared with the ones before it." in page
    assert '<table class="claims-matrix"' not in page and "separate stories" not in page


def test_markdown_claims_matrix_and_novelty() -> None:
    text = render_markdown(claims_dossier())
    section = text[text.index("## Claims"):text.index("## What each article adds")]
    assert "| claim | status | sources | Harbour Gazette | Coastal Courier | Valley Post |" in section
    assert ("| The bridge will reopen | disputed | disputed: stated by 2 independent outlets, contradicted by "
            "1 outlet | ✓ | ✓ | ✗ |") in section
    assert "| Repairs began on 3 March 2024 | alleged | single source | ✓ |   |   |" in section
    assert "contradicted in Valley Post (`a3.txt`)" in section
    novelty = text[text.index("## What each article adds"):text.index("## Contradictions")]
    assert "### `a1.txt` · Harbour Gazette · 2024-03-04 · “Bridge to reopen, mayor says”" in novelty
    assert "_Adds 2 claims, 1 statement and 1 event._" in novelty
    assert "- new claim: Repairs began on 3 March 2024 (alleged)" in novelty
    assert "- new statement: “We will rebuild the bridge by spring” — Maria Ortega" in novelty
    assert "- new event: **2024-03-03** Bridge repairs began" in novelty
    assert "_Nothing new; repeats 1 claim and 1 statement reported earlier._" in novelty
    empty = render_markdown(Dossier(generated_at="2024-01-01T00:00:00+00:00"))
    assert "## What each article adds\n\nNot worked out yet" in empty


def test_corroboration_labels_and_order() -> None:
    single = Claim(id="A", statement="a", articles=("x",), outlets=1, independent_outlets=1)
    wire = replace(single, id="B", articles=("x", "y"), outlets=2)
    confirmed = replace(single, id="C", outlets=3, independent_outlets=3)
    disputed = replace(single, id="D", status="disputed")
    contradicted = replace(confirmed, id="E", contradicted_in=("p", "q"))
    assert corroboration_label(single) == "single source"
    assert corroboration_label(wire) == "single source, carried by 2 outlets"
    assert corroboration_label(confirmed) == "confirmed by 3 independent outlets"
    assert corroboration_label(disputed) == "disputed"
    assert corroboration_label(contradicted) == ("disputed: stated by 3 independent outlets, "
                                                 "contradicted by 2 outlets")
    same_outlet = {a: Article(id=a, source=a, body="", outlet="Same") for a in ("p", "q")}
    assert corroboration_label(contradicted, same_outlet).endswith("contradicted by 1 outlet")
    dossier = Dossier(generated_at="now", claims=(single, wire, disputed, contradicted, confirmed))
    assert [c.id for c in claims_by_corroboration(dossier)] == ["C", "E", "B", "A", "D"]


def test_additions_resolve_ids_and_count_repeats() -> None:
    dossier = claims_dossier()
    stale = replace(dossier, novelty=(*dossier.novelty[:1], Novelty("a2.txt", claims=("gone",), quotes=("Q9",))))
    first, second = additions(stale)
    assert [c.id for c in first.claims] == ["K2", "K1"] and [q.id for q in first.quotes] == ["Q1"]
    assert [e.id for e in first.events] == ["T1"] and first.repeats == 0
    # Ids that name nothing are left out; what a2 carries from a1 counts as repeated.
    assert second.nothing_new and (second.repeated_claims, second.repeated_quotes) == (1, 1)
    assert additions_line(second) == "nothing new; repeats 1 claim and 1 statement reported earlier"
    assert [item.article for item in additions(dossier, only=["a3.txt"])] == ["a3.txt"]


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("<>&\"' =/abcscript|`*_[]\n")), min_size=1, max_size=40))
def test_any_claim_outlet_or_alias_text_stays_text(text: str) -> None:
    dossier = claims_dossier()
    articles = (replace(dossier.articles[0], outlet=text), *dossier.articles[1:])
    entity = replace(dossier.entities[0], aliases=(text,), roles=(text,))
    claims = (replace(dossier.claims[0], statement=text, attributed_to=(text,)), *dossier.claims[1:])
    hostile = replace(dossier, articles=articles, entities=(entity, *dossier.entities[1:]), claims=claims,
                      stories=(Story("S1", ("a1.txt",), label=text), Story(text, ("a2.txt",))))
    collected = parse(render_html(hostile))
    assert set(collected.tags) <= OWN_TAGS and collected.tags.count("script") == 1
    assert not collected.errors and collected.stack == []
    assert not any(name.startswith("on") for _, name, _ in collected.attrs)
    text_md = render_markdown(hostile)
    matrix = [line for line in text_md.splitlines() if line.startswith("| ") and "✓" in line]
    assert matrix and all(len(re.findall(r"(?<!\\)\|", line)) == 7 for line in matrix)


def test_matrix_an_article_whose_version_contradicts_does_not_also_state() -> None:
    dossier = claims_dossier()
    reopen = replace(dossier.claims[1], articles=("a1.txt", "a2.txt", "a3.txt"))
    other = Article(id="a4.txt", source="a4.txt", body="The bridge will reopen.", outlet="Valley Post")
    page = render_html(replace(dossier, claims=(reopen,), articles=(*dossier.articles, other)))
    assert _matrix_rows(_claims_section(page)) == [("The bridge will reopen", ["states", "states", "contradicts"])]
    both = replace(reopen, articles=(*reopen.articles, "a4.txt"))
    page = render_html(replace(dossier, claims=(both,), articles=(*dossier.articles, other)))
    assert _matrix_rows(_claims_section(page)) == [("The bridge will reopen", ["states", "states", "both"])]
    assert ('title="Valley Post: states it in one article and contradicts it in another (a4.txt, a3.txt)"'
            in page)


def test_a_denied_claim_is_labelled_as_a_denial() -> None:
    from storyline.model import Claim
    from storyline.report.summary import corroboration_label

    denied = Claim(id="c", statement="It had been warned the tank was unsafe.", articles=("a", "b"), outlets=2,
                   independent_outlets=2, status="denied")
    assert corroboration_label(denied) == "a denial, reported by 2 independent outlets"
    assert corroboration_label(Claim(id="d", statement="s", outlets=1, independent_outlets=1,
                                     status="denied")) == "a denial, single source"
