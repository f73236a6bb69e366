"""HTML pages: trafilatura for the main text and metadata, then news-specific fixes.

`clean_html` parses a page once, reads its metadata (title, outlet, author,
publication date) from the markup, extracts the main text with trafilatura in
precision mode, and then removes what news pages add around an article and
trafilatura keeps: a repeated headline, bylines and datelines, "Read more" and
"Related" links, share/follow/newsletter prompts, credit lines, copyright and
comment counters. Everything removed is kept as a `RemovedBlock` with its reason.

On the 181 pages of the article-extraction benchmark (`eval/extraction_html.py`,
which has the breakdown), shingle F1 goes from 0.953 for `trafilatura.extract`
alone to 0.977, in about 1.15x its time.
Nothing here raises on bad input: an unparseable or article-less page gives a
`CleanedPage` with an empty body, and the caller reports it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree

from ..model import CleanedPage, RemovedBlock

# precision mode keeps less page furniture; if it returns next to nothing while the
# balanced mode finds much more, the page layout fooled it (e.g. a reprint notice
# outscoring the article) and the balanced text is used instead
_SHORT_PRECISION_TEXT = 500
_FALLBACK_GAIN = 3.0

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class _Metadata:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    headings: tuple[str, ...] = ()


def clean_html(html: str, *, url: str | None = None) -> CleanedPage:
    """Clean one HTML page into body, title, outlet, author and publication date.

    The body is the article's paragraphs separated by blank lines, whitespace
    inside a paragraph collapsed to single spaces. `date` comes from the page's
    markup (meta tags, JSON-LD, `<time>` elements, the URL) through htmldate, so
    `date_method` is "metadata" when set; `crawl_date` is never set here. A page
    that cannot be parsed or holds no article gives an empty body; if extraction
    itself failed, the reason is the one `RemovedBlock` with empty text.
    """
    if isinstance(html, bytes):  # tolerate callers that skip decoding
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return CleanedPage(body="")
    try:
        tree = _parse(html)
    except Exception as exc:  # lxml or trafilatura bug on odd input: report, never raise
        return CleanedPage(body="", removed=(RemovedBlock("", f"HTML could not be parsed: {exc!r}"),))
    if tree is None:
        return CleanedPage(body="")

    meta = _metadata(tree, url)
    failures: list[RemovedBlock] = []
    try:
        text = _main_text(tree, html, url)
    except Exception as exc:  # trafilatura raising on a malformed tree must not stop a batch
        text = ""
        failures.append(RemovedBlock("", f"main-text extraction failed: {exc!r}"))
    if not meta.author:
        meta.author = _author_from_page(tree)

    paragraphs = split_paragraphs(text)
    kept, removed = strip_boilerplate(paragraphs, titles=_title_candidates(meta))
    return CleanedPage(
        body="\n\n".join(kept),
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        date=meta.date,
        date_method="metadata" if meta.date else "unknown",
        removed=tuple(failures + removed),
    )


def split_paragraphs(text: str) -> list[str]:
    """Split extracted text into paragraphs, one per line, whitespace collapsed."""
    paragraphs = []
    for line in text.splitlines():
        collapsed = " ".join(line.split())
        if collapsed:
            paragraphs.append(collapsed)
    return paragraphs


# --- parsing and trafilatura ---------------------------------------------------


def _parse(html: str):  # -> lxml HtmlElement | None
    """Parse with trafilatura's loader; wrap bare fragments it would reject."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None and "<" in html:
        # trafilatura refuses a fragment without <html>; a saved article body is one
        tree = load_html(f"<html><body>{html}</body></html>")
    return tree


def _main_text(tree, html: str, url: str | None) -> str:
    """The article text from trafilatura: fast precision mode, the full extraction if that finds almost nothing.

    Fast mode skips trafilatura's comparison with its readability port, a third of
    its time; on the extraction benchmark the comparison only helps pages where the
    fast pass finds almost nothing, so only those pay for it (on a fresh parse,
    since extraction prunes the tree it is given), then for a balanced-mode retry.
    """
    import trafilatura

    def run(page, **options: bool) -> str:
        document = trafilatura.bare_extraction(
            page, url=url, include_comments=False, include_tables=True, with_metadata=False, **options
        )
        return (document.text or "") if document is not None else ""

    text = run(tree, favor_precision=True, fast=True)
    if len(text) >= _SHORT_PRECISION_TEXT:
        return text
    fresh = _parse(html)
    if fresh is None:
        return text
    text = max(text, run(fresh, favor_precision=True), key=len)
    if len(text) < _SHORT_PRECISION_TEXT:
        balanced = run(fresh)
        if len(balanced) > _FALLBACK_GAIN * max(len(text), 1):
            text = balanced
    return text


def _metadata(tree, url: str | None) -> _Metadata:
    """Title, outlet, date and author from the page's markup; each field None when absent.

    Uses trafilatura's meta-tag reader and our own JSON-LD reader rather than
    trafilatura's `extract_metadata`, which also runs a costly author search over
    the whole page, category/tag extraction storyline does not use, and a
    character-by-character JSON clean-up that costs more than the rest together.
    The outlet is what the page calls itself (og:site_name) before the JSON-LD
    publisher, which for wire copy names the agency rather than the site.
    """
    meta = _Metadata()
    page_url = url
    try:
        from trafilatura import metadata as tm

        found = tm.examine_meta(tree)
        try:
            linked = _json_ld(tree)
        except Exception:  # odd JSON-LD shapes; the meta tags still count
            linked = {}
        meta.title = (
            _clean_field(found.title) or _clean_field(linked.get("title")) or _clean_field(tm.extract_title(tree))
        )
        author = _clean_field(linked.get("author")) or _clean_field(found.author)
        meta.author = author if author and " " in author else None  # single tokens are usually handles
        page_url = found.url or tm.extract_url(tree, url) or url
        sitename = (
            _clean_field(found.sitename if not _looks_like_url(found.sitename) else None)
            or _clean_field(linked.get("publisher"))
            or _clean_field(tm.extract_sitename(tree))
        )
        if sitename:
            sitename = sitename.lstrip("@")
        elif page_url and (match := tm.META_URL.match(page_url)):
            sitename = match[1]
        meta.outlet = sitename or None
    except Exception:  # metadata is best-effort; missing fields are reported downstream
        pass
    meta.date = _date(tree, page_url)
    try:
        meta.headings = tuple(
            heading for element in tree.iter("h1") if (heading := " ".join(element.text_content().split()))
        )[:3]
    except Exception:  # only used to spot a repeated headline
        meta.headings = ()
    return meta


def _looks_like_url(value: str | None) -> bool:
    return bool(value) and value.strip().lower().startswith(("http://", "https://", "www."))


_LD_SCRIPTS = etree.XPath("//script[@type='application/ld+json']")
_LD_ARTICLE_TYPES = frozenset({"BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting"})


def _json_ld(tree) -> dict[str, str]:
    """Headline, author(s) and publisher from JSON-LD, article objects first, then any object."""
    article: dict[str, str] = {}
    other: dict[str, str] = {}
    for script in _LD_SCRIPTS(tree):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the meta tags still count
        for item in _ld_items(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            is_article = any(isinstance(t, str) and (t.endswith("Article") or t in _LD_ARTICLE_TYPES) for t in types)
            found = article if is_article else other
            if isinstance(item.get("headline"), str):
                found.setdefault("title", item["headline"])
            if authors := _ld_names(item.get("author")):
                found.setdefault("author", _normalize_authors(authors) or "")
            if publishers := _ld_names(item.get("publisher")):
                found.setdefault("publisher", publishers[0])
    merged = {**other, **article}
    return {key: value for key, value in merged.items() if value}


def _ld_items(data, depth: int = 0):  # -> Iterator[dict]
    """Every JSON object in a JSON-LD document, `@graph` and lists unrolled (bounded depth)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for entry in data:
            yield from _ld_items(entry, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"], depth + 1)


def _ld_names(value) -> list[str]:
    """Names from a JSON-LD person/organisation field: a string, an object, or a list of them."""
    entries = value if isinstance(value, list) else [value]
    names = []
    for entry in entries[:10]:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _normalize_authors(names: list[str]) -> str | None:
    """trafilatura's author clean-up (prefixes, handles, e-mails) over a list of names."""
    from trafilatura.json_metadata import normalize_authors

    authors = None
    for name in names:
        authors = normalize_authors(authors, name)
    return authors


_AUTHOR_XPATH = etree.XPath(
    "//body//*[@rel='author' or @itemprop='author' or @id='author' or @class='byline'"
    " or contains(@class, 'author') or contains(@class, 'byline')]|//body//author"
)
_COMMENT_HINT = re.compile("comment", re.I)
# what follows a name inside a byline element: "Published", a date, a weekday
_BYLINE_TAIL = re.compile(
    r"\s*(?:\b(?:published|updated|posted)\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d|\s*$)|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}).*$",
    re.I | re.S,
)


def _date(tree, url: str | None) -> str | None:
    """Publication date from markup only (htmldate without its free-text search)."""
    try:
        from htmldate import find_date

        return find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:  # an unparseable date is a missing date, reported downstream
        return None


def _author_from_page(tree) -> str | None:
    """A byline from the usual author markup, when meta tags name no author.

    Cheaper than trafilatura's own search (no pruned copy of the page, no
    regular-expression XPath), at the price of a little more noise, which the
    date/"Published" cut below removes in the common cases.
    """
    try:
        for element in _AUTHOR_XPATH(tree):
            if any(_in_comments(ancestor) for ancestor in element.iterancestors()):
                continue  # a commenter, not the writer
            text = " ".join(_text_without_dates(element).split())
            text = _BYLINE_TAIL.sub("", text).strip(" ,;|•·-–—")
            if 2 < len(text) < 120:
                return _clean_field(_normalize_authors([text]))
    except Exception:  # a missing author is reported downstream, never raised
        return None
    return None


def _in_comments(element) -> bool:
    return bool(_COMMENT_HINT.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _text_without_dates(element) -> str:
    """Text of an element, leaving out `<time>`, scripts and styles inside it."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("time", "script", "style"):
            parts.append(_text_without_dates(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def _clean_field(value: str | None) -> str | None:
    if not value:
        return None
    collapsed = " ".join(str(value).split())
    return collapsed or None


def _title_candidates(meta: _Metadata) -> tuple[str, ...]:
    return tuple(t for t in (meta.title, *meta.headings) if t)


# --- news-specific boilerplate ------------------------------------------------

_CUES_RELATED = (
    r"related(?: (?:posts?|articles?|stories|content|coverage|links?|reading|news))?",
    r"read (?:more|also|next|this)(?: (?:here|on|about|from)\b[^:]{0,40})?",
    r"see (?:more|also)",
    r"watch (?:more|next)",
    r"more(?: (?:on|about|from) [^:]{1,40}| stories| news| coverage| reading)?",
    r"also(?: read| see| watch)?",
    r"recommended(?: for you| reading| stories| articles)?",
    r"you (?:may|might|could) also (?:like|enjoy|be interested in)",
    r"most (?:read|popular|viewed|shared)(?: [^:]{1,30})?",
    r"don'?t miss",
    r"trending(?: now| stories)?",
    r"top stories",
    r"further reading",
    r"more (?:from|in) this (?:section|series)",
    r"leia (?:também|mais)",
    r"veja (?:também|mais)",
    r"leggi anche",
    r"lesen sie (?:auch|mehr)",
    r"(?:à )?lire aussi",
    r"lee (?:también|más)",
)
_RELATED = re.compile(r"^\W{0,3}(?:" + "|".join(_CUES_RELATED) + r")\s*(?:[:|>»\-–—]|\.\.\.|…|$)", re.I)
_RELATED_SITE = re.compile(r"^also on [\w-]+\.\w{2,}\b", re.I)  # RT's "Also on rt.com <headline>"
# a line that is only a block heading: everything after it up to the next sentence belongs to it
_BLOCK_HEADING = re.compile(
    r"^\W{0,3}(?:" + "|".join(_CUES_RELATED) + r"|tags?|topics?|keywords|categories|filed under|"
    r"comments?|share(?: this)?(?: article| story| post)?|follow us)\W{0,3}$",
    re.I,
)

_PROMPTS = re.compile(
    # phrases anywhere in a short paragraph
    r"\b(?:sign up (?:for (?:our|the|a free) [\w ]{0,40}newsletter|now|here|today)|"
    r"subscribe (?:to|now|here|today|for)|subscriptions? service|become a (?:member|subscriber|patron)|"
    r"(?:free|daily|weekly|our|the) newsletters?\b|newsletters? (?:delivered|sign)|"
    r"(?:delivered|straight|directly) (?:to|in|into) your inbox|right in your inbox|"
    r"follow (?:us|him|her|them|me)\b|follow @\w+|"
    r"follow [\w.'’ ]{1,60}? on (?:twitter|facebook|instagram|youtube|linkedin|tiktok)|"
    r"follow [\w.'’ ]{1,40} coverage of|"
    r"like this story|share (?:this|it) with|share (?:on|via) (?:facebook|twitter|email|whatsapp|linkedin)|"
    r"click here|tap here|have a (?:news )?tip\b|send us (?:a|your) tips?|"
    r"tell us what you think|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"if you (?:enjoyed|liked|value|appreciate) (?:this|our)|support (?:our|independent) journalism|"
    r"reach the (?:reporters?|writers?|author)|contact the (?:reporter|writer|author)|"
    r"listen (?:to [\w ]{1,40} live|back here)|download (?:the|our) app)|"
    # whole-line forms: "Write to X at x@y", "Pick Six Newsletter", article toolbars
    r"^(?:write to|email|e-mail) [\w.'’ -]{1,40} at [\w.+-]+@|^[\w'’ ]{1,40} newsletter$|"
    r"^(?:- )?(?:order reprints?|print(?: this)? article|e-?mail(?: this)? article|"
    r"save(?: this)? article|share(?: this)? article)$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\) ?\d{4}|^copyright\b|\bcopyright (?:©|\d{4})|all rights reserved|"
    r"for your personal,? non-?commercial use)",
    re.I,
)
# every pattern above contains one of its hints (lowercase substrings)
_PROMPT_HINTS = (
    "sign up", "subscri", "newsletter", "inbox", "follow", "like this", "share", "click here", "tap here", "tip",
    "tell us", "comment", "reply", "join the", "if you", "support", "reach the", "contact the", "listen",
    "download", "become a", "write to", "mail", "reprint", "print", "save",
)
_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "rights reserved", "commercial use")
_PHOTO_HINTS = ("photo", "image", "picture", "credit", "getty", "shutterstock", "©")
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:view|show|read|load|see) (?:all )?(?:\d+ )?comments?\b", re.I
)
_CREDITS = re.compile(
    r"^\(?(?:reporting|writing|editing|additional reporting|compiled|produced|translated) by\b|"
    r"\bcontributed (?:to )?(?:this )?(?:report|reporting|story|article)\b|"
    r"^\(?(?:sources?|via)\s*:|^(?:tags?|filed under|categories|topics?|keywords)\s*:",
    re.I,
)
_PHOTO_CREDIT = re.compile(
    r"\((?:photo|image|picture|credit|photograph)s?(?: credit)?\s*:[^)]*\)?\s*$|"
    r"^(?:photo|image|picture|photograph|credit|image source|photo credit)s?\s*:|"
    r"\bphotos? ©|\b(?:getty images|shutterstock|ap photo|afp via getty)\b",
    re.I,
)
_SHORTCODE = re.compile(r"\[/[a-z_]+\]|\[[a-z_]+ [a-z_]+=", re.I)
_SOCIAL_ONLY = re.compile(r"^(?:@\w{2,}|(?:https?://)?(?:www\.)?(?:twitter|facebook|instagram)\.com/\S+)$", re.I)
_CONTACT = re.compile(r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:https?://|www\.)\S+)$", re.I)
_LABELLED_LINK = re.compile(r"^[\w'’ ]{1,30}:\s*(?:https?://\S+\s*(?:and\s+)?)+$", re.I)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_LIKE = re.compile(
    rf"\b(?:{_MONTHS})\.? \d{{1,2}}\b|\b\d{{1,2}} (?:{_MONTHS})\b|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|"
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2} de \w+ de \d{4}\b",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|posted by|written by|published by|story by|words by|por|von|di|par)\s+\S|"
    r"^(?:published|posted|updated|last updated|first published|publicado|atualizado)\b",
    re.I,
)
_READING_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|minutos?)\s*(?:read|de leitura|lesezeit)\b|"
    r"^(?:reading time|tempo de leitura|lesezeit|temps de lecture)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?\"”’»)]$")

# how far from each end the "leading" and "trailing" rules look
_LEADING_SPAN = 4
_SHORT = 12  # words: bylines, datelines, headings
_PROMPT_MAX = 30  # words: a longer paragraph is article text even if it mentions a newsletter
_PROSE_WORDS = 8  # a page needs one paragraph this long (or _PROSE_CHARS) to hold an article
_PROSE_CHARS = 60


def strip_boilerplate(
    paragraphs: list[str], *, titles: tuple[str, ...] = ()
) -> tuple[list[str], list[RemovedBlock]]:
    """Drop news boilerplate paragraphs; return those kept and those removed with why.

    Rules look at single paragraphs, and at position: a repeated headline and
    bylines/datelines only before the article's first full paragraph, credit
    lines and headings of removed blocks only in the trailing run of boilerplate.
    A line that is only a block heading ("Related", "Tags", "Don't miss")
    takes the headline-like lines after it along.
    """
    reasons: list[str | None] = [None] * len(paragraphs)
    words = [len(p.split()) for p in paragraphs]

    _mark_leading(paragraphs, words, reasons, titles)

    index = 0
    while index < len(paragraphs):
        if reasons[index] is None:
            reasons[index] = _anywhere_reason(paragraphs[index], words[index])
        if words[index] <= 6 and _BLOCK_HEADING.match(paragraphs[index]):
            reasons[index] = reasons[index] or "heading of a link or tag block"
            follower = index + 1
            while follower < len(paragraphs) and _headline_like(paragraphs[follower], words[follower]):
                reasons[follower] = reasons[follower] or "link or tag block"
                follower += 1
            index = follower
            continue
        index += 1

    _mark_trailing(paragraphs, words, reasons)

    if not any(why is None and _prose_like(p, n) for p, n, why in zip(paragraphs, words, reasons)):
        # only menu-like scraps are left ("Home", "About"): a page without an article;
        # its body ends up empty, which the caller reports, and the scraps stay in `removed`
        reasons = [why or "no article text: only short link-like lines" for why in reasons]
    kept = [p for p, why in zip(paragraphs, reasons) if why is None]
    removed = [RemovedBlock(p, why) for p, why in zip(paragraphs, reasons) if why is not None]
    return kept, removed


def _prose_like(text: str, count: int) -> bool:
    """A paragraph that reads as text rather than a menu item (characters count for unspaced scripts)."""
    return count >= _PROSE_WORDS or len(text) >= _PROSE_CHARS


def _mark_leading(paragraphs: list[str], words: list[int], reasons: list[str | None], titles: tuple[str, ...]) -> None:
    """The repeated headline, bylines, datelines and reading times before the text."""
    title_keys = [_tokens(t) for t in titles]
    started = False
    for index in range(min(_LEADING_SPAN, len(paragraphs))):
        text, count = paragraphs[index], words[index]
        if _is_title(_tokens(text), title_keys):
            reasons[index] = "headline repeated from the page title"
            continue
        started = started or count > 25
        if started:
            continue  # the article has started; only a stray headline copy is still dropped
        if count <= _SHORT * 2 and _READING_TIME.search(text):
            reasons[index] = "reading-time note"
        elif count <= _SHORT * 2 and _BYLINE.search(text) and not _SENTENCE_END.search(text):
            reasons[index] = "byline or dateline"
        elif count <= _SHORT * 2 and _BYLINE.search(text) and _DATE_LIKE.search(text):
            reasons[index] = "byline or dateline"
        elif count <= _SHORT and _DATE_LIKE.search(text) and not _SENTENCE_END.search(text):
            reasons[index] = "byline or dateline"


def _anywhere_reason(text: str, count: int) -> str | None:
    """The reason to drop a paragraph wherever it stands, or None."""
    if count > _PROMPT_MAX:
        return None  # every rule here is for short lines; most paragraphs stop here
    if count <= 25 and (_RELATED.match(text) or _RELATED_SITE.match(text)):
        return "link to related content"
    if _SHORTCODE.search(text):
        return "unrendered CMS shortcode"
    lowered = text.lower()
    if _hinted(lowered, _PROMPT_HINTS) and _PROMPTS.search(text):
        return "share, follow or subscribe prompt"
    if count <= 25 and _hinted(lowered, _COPYRIGHT_HINTS) and _COPYRIGHT.search(text):
        return "copyright or reprint notice"
    if count <= 6 and _COMMENTS.match(text):
        return "comments widget"
    if count <= 20 and _hinted(lowered, _PHOTO_HINTS) and _PHOTO_CREDIT.search(text):
        return "photo caption or credit"
    if count <= 12 and (_SOCIAL_ONLY.match(text) or _LABELLED_LINK.match(text)):
        return "bare link or contact handle"
    return None


def _mark_trailing(paragraphs: list[str], words: list[int], reasons: list[str | None]) -> None:
    """Credits, datelines and block headings in the run of boilerplate that ends the page."""
    index = len(paragraphs) - 1
    while index >= 0:
        text, count = paragraphs[index], words[index]
        if reasons[index] is None:
            if count <= 60 and _CREDITS.search(text):
                reasons[index] = "credit line"
            elif count <= _SHORT and _BYLINE.search(text) and _DATE_LIKE.search(text):
                reasons[index] = "byline or dateline"
            elif count <= 2 * _PROMPT_MAX and _hinted(text.lower(), _PROMPT_HINTS) and _PROMPTS.search(text):
                # at the very end a longer author-bio-plus-"follow him" paragraph is still a prompt
                reasons[index] = "share, follow or subscribe prompt"
            elif not any(character.isalnum() for character in text):
                reasons[index] = "separator"
            elif count <= 3 and _CONTACT.match(text):
                reasons[index] = "bare link or contact handle"
        if reasons[index] is None:
            break
        index -= 1


def _hinted(lowered: str, hints: tuple[str, ...]) -> bool:
    """A substring pre-check: the alternations below are slow to search, plain `in` is not."""
    return any(hint in lowered for hint in hints)


def _headline_like(text: str, count: int) -> bool:
    """A link title or tag list rather than a sentence: short, no closing punctuation."""
    return count <= 25 and not _SENTENCE_END.search(text)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def _is_title(tokens: tuple[str, ...], titles: list[tuple[str, ...]]) -> bool:
    """Whether a paragraph is the page title, allowing a site name or section cut off or added."""
    if len(tokens) < 2:
        return False
    for title in titles:
        if not title:
            continue
        if tokens == title:
            return True
        shorter, longer = (tokens, title) if len(tokens) < len(title) else (title, tokens)
        # "Headline | Site" and "Section: Headline" forms: the rest must be short
        if len(shorter) >= 4 and len(longer) - len(shorter) <= 6:
            if longer[: len(shorter)] == shorter or longer[-len(shorter):] == shorter:
                return True
    return False
