"""Plain-text scrapes: a line-level cleaner that keeps the article and says what it dropped.

A scraped page saved as text carries, around the article, the site's navigation,
language switchers, section labels, image captions and photo credits, widgets
("Text size:"), comment, newsletter, donation and paywall blocks (sometimes in
another language than the article), repeated headlines, separators, a page-header
date (the day of the crawl) and masthead lines. `clean_text` sorts the lines of
such a page into article body and furniture, line by line, with:

- the shape of a line: prose ends like a sentence; a short line without final
  punctuation is a heading, a label or a caption; a paragraph has several words
  to a sentence, so a tagline ("Your town. Your paper.") is not one;
- its place: the article runs from the first to the last paragraph, so short
  lines before it are page header and after it page footer, while short lines
  between paragraphs are crossheads, which are body; a date line among the menus
  or above the headline is the page's "today";
- boxes, lines with no blank line between them: a small box opened by a block
  heading ("Donate to X", "Related", "Weather") or one mostly made of a block is
  that block, pitch sentence included; a byline's box is byline;
- repetition: the headline shows up several times (alone, in a caption, after the
  outlet's name); a pull quote copies part of a paragraph;
- keyword patterns for widgets and for comment, newsletter, donation, paywall and
  cookie blocks in English, Spanish, French, German and Russian;
- language: a prose block at the edge of the page in another language than the
  article is furniture (a cheap stop-word count; py3langid only when that count
  cannot tell).

Body paragraphs are the kept lines, stripped, joined by blank lines; `segments`
maps every body character back to the text given. Every non-blank line removed is
a `RemovedBlock` with a short, stable reason (the `REASONS` below). A publication
date is taken only from where a page states it as the article's own (a dateline,
"Published: ...", "Updated ...", a date line under the headline) and its span in
the body is the evidence; a date at the top of the page above the headline is the
crawl day and goes to `crawl_date`, never to `date`. Pure Python without spaCy:
about 1,100 typical 4 KB scrapes a second on one core (the text corpus of
`bench/pipeline.py` on a shared 2-core machine, up from 815 before the checks that
spare most lines most regexes; `tests/test_clean_text.py` pins a far lower floor
against regressions). Most lines match none of the patterns, so that common case
is told cheaply: see `_LINE_STARTS` and `_rules`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from ..model import CleanedPage, RemovedBlock
from .meta import PrintedDate, comparison_key, find_printed_dates, masthead_outlet, normalise_outlet, outlet_from_text

__all__ = ["REASONS", "clean_text"]

# removal reasons, stable strings other stages and reports may rely on
NAVIGATION = "navigation"
LANGUAGE_SWITCHER = "language switcher"
SECTION_LABEL = "section label"
PAGE_HEADER = "page header"
PAGE_FOOTER = "page footer"
IMAGE_CAPTION = "image caption"
PHOTO_CREDIT = "photo credit"
WIDGET = "widget"
RELATED_LINK = "related link"
COMMENTS = "comments block"
NEWSLETTER = "newsletter block"
DONATION = "donation appeal"
PAYWALL = "paywall"
COOKIE = "cookie notice"
COPYRIGHT = "copyright"
HEADLINE = "headline"
REPEATED_HEADLINE = "repeated headline"
REPEATED_LINE = "repeated line"
SEPARATOR = "separator"
PAGE_HEADER_DATE = "page header date"
MASTHEAD = "masthead"
BYLINE = "byline"
OTHER_LANGUAGE = "other-language block"
UNREADABLE = "unreadable"

REASONS = (
    NAVIGATION, LANGUAGE_SWITCHER, SECTION_LABEL, PAGE_HEADER, PAGE_FOOTER, IMAGE_CAPTION, PHOTO_CREDIT, WIDGET,
    RELATED_LINK, COMMENTS, NEWSLETTER, DONATION, PAYWALL, COOKIE, COPYRIGHT, HEADLINE, REPEATED_HEADLINE,
    REPEATED_LINE, SEPARATOR, PAGE_HEADER_DATE, MASTHEAD, BYLINE, OTHER_LANGUAGE, UNREADABLE,
)
# blocks that run on over the following lines ("Comments" then "Notify of" ...)
_BLOCK_REASONS = frozenset({COMMENTS, NEWSLETTER, DONATION, PAYWALL, COOKIE})

# `str.strip()` whitespace plus the zero-width characters scrapes leave at line ends
_STRIP = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060\u180e"
)
_CLOSERS = "\"'”’»)]*"
_MAX_PATTERN_CHARS = 800  # lines longer than this are prose; keyword patterns look at their ends only
_SHORT_WORDS = 15
_MAX_LANGUAGE_CHECKS = 60
# a comments heading or a "Related" box ends the article once this much of it has been read
_END_MIN_ANCHORS = 2
_END_MIN_CHARS = 200
_END_RELATED_SHARE = 0.25  # ... a "Related" box only when less prose than this share follows it
_END_COMMENTS_SHARE = 3.0  # ... a comments heading unless far more prose follows (the article goes on)
# prose separated from the article by this many other lines is an island (see `_main_run`),
# kept only if it holds at least this share of the article's prose
_RUN_GAP = 10
_RUN_SHARE = 0.15
# a box of at most this many lines opened by a block heading ("Donate to X") is that block
_SMALL_BOX = 6
# a pull quote repeats at most this many words of a paragraph, between quotation marks
_PULL_QUOTE_WORDS = 30
_QUOTE_EDGES = "\"'“”‘’«»„ .,;:!?…"
# an anchor (prose that surely is article) of several sentences has at least this many words a sentence
_ANCHOR_SENTENCE_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")

# ---------------------------------------------------------------------------
# patterns (all compiled once; IGNORECASE unless the case carries the signal)

_I = re.IGNORECASE


def _words_pattern(*alternatives: str) -> str:
    """A non-capturing alternation of regex pieces."""
    return "(?:" + "|".join(alternatives) + ")"


_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_ALNUM = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")  # `_WORD` in lower-case ASCII text, found twice as fast

_LANGUAGE_NAMES = frozenset(
    """english español espanol français francais deutsch русский italiano português portugues 中文 简体中文
    繁體中文 العربية عربي türkçe turkce polski nederlands 日本語 한국어 українська فارسی हिन्दी
    svenska norsk dansk suomi ελληνικά עברית čeština magyar română català euskara galego tiếng việt
    繁体中文 srpski hrvatski slovenčina български қазақша o'zbekcha azərbaycanca ქართული հայերեն""".split()
)
_LANGUAGE_CODES = frozenset(
    "en es fr de ru it pt zh ar tr pl nl ja ko uk fa hi id sv no da fi el he cs hu ro ca".split()
)
_SWITCHER_SPLIT = re.compile(r"[\s|/·•,]+")

_NAV_SPLIT = re.compile(r"\s*[|•·»›]\s*|\s+>\s+")
_NAV_MARK = re.compile(r"[|•·»›]|\s>\s")
_NAV_HOME = frozenset("home inicio portada accueil startseite главная".split())

_PHOTO_WORD = (
    r"(?:photo(?:graph)?|image|picture|pic|foto|fotografía|bild|фото|illustration|graphic|credit|crédito|crédit)s?"
)
_PHOTO_AGENCY = _words_pattern(
    r"getty\s*images", r"getty", r"shutterstock", r"alamy", r"istock(?:photo)?", r"ap\s*photo", r"afp\s*photo",
    r"reuters\s*photo", r"epa(?:-efe)?", r"pool", r"handout", r"file\s*photo", r"wikimedia\s*commons", r"unsplash",
    r"pexels", r"nurphoto", r"sopa\s*images", r"imago(?:\s*images)?", r"zuma(?:\s*(?:press|wire))?", r"abaca(?:press)?",
    r"sipa(?:\s*usa)?", r"corbis", r"pa\s*(?:images|wire|media)", r"rex\s*features", r"picture[- ]alliance",
)
_NEWS_AGENCY = _words_pattern(
    r"afp", r"agence\s*france-presse", r"reuters", r"ap", r"associated\s*press", r"efe", r"anadolu(?:\s*agency)?",
    r"xinhua", r"tass", r"sputnik", r"ria\s*novosti", r"dpa", r"ansa", r"kyodo", r"yonhap", r"bloomberg", r"irna",
    r"wana", r"sana", r"tasnim", r"isna", r"mehr",
)
_CREDIT_NAME = r"[^\W\d_][\w.'’ &-]{0,40}"
_CREDIT_TAIL = r"(?:\s*/\s*[\w.'’ &,-]{1,40}){0,3}"
# credits that name a photo agency, or a news agency inside a slash chain ("Army office/AFP/File")
_CREDIT_BODY = _words_pattern(
    rf"(?:{_CREDIT_NAME}\s*(?:/|,|\bvia\b|\bfor\b)\s*)?{_PHOTO_AGENCY}{_CREDIT_TAIL}",
    rf"{_CREDIT_NAME}\s*/\s*{_NEWS_AGENCY}{_CREDIT_TAIL}",
    rf"{_NEWS_AGENCY}\s*/\s*[\w.'’ &-]{{1,40}}{_CREDIT_TAIL}",
    rf"{_NEWS_AGENCY}\s*(?:/|\bvia\b)\s*{_PHOTO_AGENCY}",
)
_CREDIT_LINE = re.compile(
    rf"^\(?\s*(?:{_PHOTO_WORD}\s*(?:by\b|credit\b|courtesy(?:\s*of)?\b|:|/|©|\bde\b|\bvon\b)\s*\S.{{0,120}}"
    rf"|©?\s*{_CREDIT_BODY})\s*\)?\.?$",
    _I,
)
# a news agency's name alone: under a headline it is part of the byline, elsewhere a credit
_AGENCY_LINE = re.compile(rf"^\(?\s*©?\s*{_NEWS_AGENCY}\s*\)?\.?$", _I)
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)?\s*caption\s*[,:.]?$", _I)
_TAIL_CREDIT = re.compile(
    rf"(?:(?:\s[|/]|\(|\s[-–—])\s*{_PHOTO_WORD}\s*(?:by\b|:|credit\b|courtesy\b|/|©)[^|\n]{{0,120}}"
    rf"|[.!?]\s+{_PHOTO_WORD}\s*:\s*[^|\n]{{1,80}}"
    rf"|(?:\s[|/]|\()\s*{_CREDIT_BODY})\s*\)?\s*\.?$",
    _I,
)

_PHOTO_STEMS = ("photo", "image", "pic", "foto", "bild", "фото", "credit", "crédit", "illustr", "graphic")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _tail_credit(text: str) -> bool:
    """The line ends with a photo credit: "... | Image by X", "... (AP Photo/Jane Doe)"."""
    tail = text[-200:]
    # a credit follows "|", "/" or "(" (then the line ends with ")"), or a photo word after a dash or a full stop
    if not ("|" in tail or "/" in tail or tail.rstrip(" .")[-1:] == ")"):
        if not (":" in tail or "by" in tail or "©" in tail or "-" in tail or "–" in tail or "—" in tail):
            return False
        lowered = tail.lower()
        if not any(map(lowered.__contains__, _PHOTO_STEMS)):
            return False
    return _TAIL_CREDIT.search(tail) is not None


_WIDGET = re.compile(
    r"^(?:text\s*size|font\s*size|a\s*a|a-\s*a\+|listen(?: to (?:this|the) (?:article|story))?"
    r"|\d+\s*min(?:ute)?s?\s*read|read more|continue reading(?: below)?|leer más|lire (?:aussi|la suite|plus)"
    r"|mehr (?:lesen|zum thema)|weiterlesen|читать (?:также|далее)"
    r"|advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicidad|publicité|реклама"
    r"|see also|related(?: (?:articles|stories|content|news|topics|coverage|posts))?|more (?:from|on|stories)\b.{0,40}"
    r"|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed)|popular|tags?|topics?|filed under"
    r"|skip to (?:main )?content|back to top|menu|search|home|close|loading|show (?:more|less)|expand|collapse"
    r"|(?:next|previous) (?:article|story|post)|next|previous|print(?: this)?(?: article| page)?|save(?: article)?"
    r"|bookmark|copy link|zoom|image \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|photos?|videos?|gallery|watch|play|audio"
    r"|share(?: this)?(?: (?:article|story|page))?(?: (?:on|via)(?: \w+)?)?|tweet|follow us|facebook|twitter"
    r"|whatsapp|telegram|linkedin|pinterest|reddit|x|e-?mail|like(?: this)?(?: loading)?|weather"
    r"|(?:full |\d+-day )?forecast"
    r"|compartir|partager|teilen|поделиться)\s*[:.…!»>|]*$",
    _I,
)
_WIDGET_ITEMS = re.compile(r"\s{2,}|\s*[|·•]\s*")
_WIDGET_ROW_MARK = re.compile(r"\s\s|[|·•]")
# either mark, which most lines lack, written to open with one character class: the regex engine
# scans for that much faster than it tries an alternation at every position
_MARKS = re.compile(r"[\s|•·»›](?:(?<=[|•·»›])|>?\s)")
_WIDGET_LABEL = re.compile(
    r"^(?:text\s*size|font\s*size|share(?: this)?(?: (?:article|story|page))?|tags?|topics?|filed under|listen)\s*:", _I
)
_RELATED_PREFIX = re.compile(
    r"^(?:read more|related|see also|also read|read also|more|watch|listen|recommended|leer también|lea también"
    r"|lire aussi|à lire aussi|lesen sie auch|mehr dazu|читайте также)\s*[:|»>–—-]\s*\S",
    _I,
)

_COMMENTS_END = re.compile(
    r"^(?:\d+\s+)?(?:comments?|comentarios|commentaires|kommentare|комментарии|discussion|responses|replies)"
    r"\s*(?:\(\d+\))?\s*:?$|^\d+ (?:thoughts|responses|replies|comments) (?:on|to)\b"
    r"|^(?:leave a (?:comment|reply)|join the (?:conversation|discussion)|view all comments"
    r"|subscribe to comments|notify of|show comments|add (?:a|your) comment|deja (?:un|tu) comentario"
    r"|laisser un commentaire|kommentar schreiben|оставить комментарий)\b",
    _I,
)
_RELATED_END = re.compile(
    r"^(?:related(?: (?:articles|stories|content|coverage|news|posts|topics))?"
    r"|(?:read )?more (?:from|on|stories|news)\b.{0,40}"
    r"|recommended(?: for you| stories| articles)?|you (?:may|might) also (?:like|be interested in)"
    r"|most (?:read|popular|viewed)|(?:what to )?read next|up next|more to read"
    r"|trending(?: now| stories)?|(?:also|read) (?:on|in) [\w ]{1,30}|noticias relacionadas|te puede interesar"
    r"|à lire aussi|sur le même sujet|das könnte sie auch interessieren|mehr zum thema|читайте также|похожие материалы)"
    r"\s*[:.…]*$",
    _I,
)

# Keyword families, as (stem, reason, pattern) rules over the lower-cased line: the
# pattern runs only when its stem occurs, and the stems are looked for all at once
# first (a regex or two on their trie), which keeps the common case (a body paragraph
# with none of them) cheap. A rule without a pattern matches on its stem. Short rules
# apply to short lines (labels, buttons, prompts), where a word such as "comments"
# is enough; prose rules to sentences, where only phrases news prose does not use
# count ("no comments on the matter" is body), and their stems must start a word.
# The first rule that matches names the block, so more specific families come first.
_Rule = tuple[str, str, "re.Pattern[str] | None"]


class _RuleSet(NamedTuple):
    rules: tuple[_Rule, ...]
    stems: re.Pattern[str]  # finds any of the rules' stems; with `word_start`, one after a space
    marked: re.Pattern[str] | None = None  # with `word_start`, one after another character (see `_rules`)


def _rules(*rows: tuple[str, str, str | None], word_start: bool = False) -> _RuleSet:
    """Compile (reason, stem, pattern) rows into rules, with the regexes that find their stems."""
    rules = tuple((stem, reason, re.compile(pattern) if pattern else None) for reason, stem, pattern in rows)
    if not word_start:
        return _RuleSet(rules, re.compile(_trie([stem for stem, _, _ in rules])))
    words = [stem for stem, _, _ in rules if stem[0].isalnum()]
    stems = "(?=[" + "".join(sorted({stem[0] for stem in words})) + "])" + _trie(words)
    # A leading `\b` would be tried at every position of the line. The regex engine finds a space (the
    # line is searched after " ") much faster, and then any other character outside [0-9a-z_] (the line
    # is lower-cased), only there checked to be a non-word character before a stem's first letter. The
    # stems that do not start with a letter ("©", "(c)") start with such a character, and need no word start.
    others = "".join(
        f"|(?<={re.escape(stem[0])}){re.escape(stem[1:])}" for stem, _, _ in rules if not stem[0].isalnum()
    )
    return _RuleSet(rules, re.compile(" " + stems), re.compile(rf"[^0-9a-z_ ](?:(?<=\W){stems}{others})"))


def _trie(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as their trie: much faster than a plain alternation."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return pattern(root)


_SHORT_RULES = _rules(
    (COMMENTS, "comment", r"\bcomments?\b|\bcommenting\b|commentaires?|\bcommenter\b"),
    (COMMENTS, "coment", r"comentarios?|\bcomentar\b"),
    (COMMENTS, "komment", r"kommentare?\b|kommentieren"),
    (COMMENTS, "коммент", None),
    (COMMENTS, "notify of", None),
    (COMMENTS, "inline feedback", None),
    (COMMENTS, "join the ", r"join the (?:conversation|discussion)"),
    (COMMENTS, "thoughts on", r"^\d+ thoughts on\b"),
    (COMMENTS, "responses to", r"^\d+ responses to\b"),
    (COMMENTS, "leave a reply", None),
    (COMMENTS, "not be published", r"(?:e-?mail|address) will not be published"),
    (PAYWALL, "subscriber", None),
    (PAYWALL, "subscribe", r"subscribe (?:now|today)\b"),
    (PAYWALL, "month", r"[$€£]\s?\d[\d.,]*\s?(?:a|per|/)\s?month"),
    (PAYWALL, "suscriptor", None),
    (PAYWALL, "abonné", None),
    (PAYWALL, "abonnent", None),
    (PAYWALL, "подписчик", None),
    (PAYWALL, "paywall", None),
    (PAYWALL, "premium", r"premium\b"),
    (PAYWALL, "unlimited access", None),
    (PAYWALL, "free trial", None),
    (PAYWALL, "have an account", None),
    (PAYWALL, "log", r"\blog ?in\b"),
    (PAYWALL, "sign", r"\bsign ?in\b"),
    (PAYWALL, "sesión", r"inici(?:ar|a) sesión"),
    (PAYWALL, "connect", r"se connecter|connectez"),
    (PAYWALL, "einloggen", None),
    (PAYWALL, "войти", None),
    (PAYWALL, "register", r"\bregister\b"),
    (PAYWALL, "regístrate", None),
    (PAYWALL, "créer un compte", None),
    (PAYWALL, "konto erstellen", None),
    (NEWSLETTER, "newsletter", None),
    (NEWSLETTER, "sign", r"\bsign (?:me )?up\b|\bsignup\b"),
    (NEWSLETTER, "subscri", r"\bsubscribe\b|subscription"),
    (NEWSLETTER, "suscr", r"suscr[ií]b"),
    (NEWSLETTER, "bolet", r"bolet[ií]n"),
    (NEWSLETTER, "inscri", r"inscri(?:vez|s-toi|ption)"),
    (NEWSLETTER, "abonn", r"abonnez|abonnier"),
    (NEWSLETTER, "anmelden", None),
    (NEWSLETTER, "подпи", None),
    (NEWSLETTER, "рассылк", None),
    (NEWSLETTER, "inbox", r"\binbox\b"),
    (NEWSLETTER, "mail", r"e-?mail address|your e-?mail|adresse e-?mail|e-mail-adresse"),
    (NEWSLETTER, "correo", r"correo electr[oó]nico"),
    (DONATION, "dona", r"donat(?:e|ion)|\bdonar\b|donaci[oó]n|\bdona\b"),
    (DONATION, "faire un don", None),
    (DONATION, "spende", r"\bspende"),
    (DONATION, "пожертв", None),
    (DONATION, "поддержать", None),
    (DONATION, "support", r"support (?:us|our|independent)"),
    (DONATION, "patreon", None),
    (DONATION, "become a", r"become a (?:member|supporter|patron)"),
    (DONATION, "keep it free", None),
    (DONATION, "keep us free", None),
    (DONATION, "chip in", r"\bchip in\b"),
    (WIDGET, "click", r"\bclick(?:ing)? here\b"),
    (WIDGET, "app", r"\b(?:download|get|install) (?:the|our) [\w ]{0,20}\bapp\b"),
    (COOKIE, "cookie", r"\bcookies?\b"),
    (COOKIE, "privacy policy", None),
    (COOKIE, "política de privacidad", None),
    (COOKIE, "politique de confidentialité", None),
    (COOKIE, "datenschutz", None),
    (COOKIE, "конфиденциальност", None),
    (COOKIE, "javascript", None),
    (COPYRIGHT, "©", None),
    (COPYRIGHT, "(c)", r"^\(c\)\s"),
    (COPYRIGHT, "copyright", None),
    (COPYRIGHT, "rights reserved", None),
    (COPYRIGHT, "derechos reservados", None),
    (COPYRIGHT, "droits réservés", None),
    (COPYRIGHT, "rechte vorbehalten", None),
    (COPYRIGHT, "права защищены", None),
)
_PROSE_RULES = _rules(
    (COMMENTS, "comment",
     r"we welcome (?:and appreciate )?(?:your )?comments|\bcomment(?:ing)? (?:moderation )?polic"
     r"|\bcomments (?:are|have been) (?:closed|moderated|disabled)"
     r"|(?:log|sign) in to (?:comment|reply)|view all comments|laisser un commentaire"
     r"|les commentaires sont"),
    (COMMENTS, "leave a reply", None),
    (COMMENTS, "not be published", r"(?:e-?mail|address) will not be published"),
    (COMMENTS, "required fields are marked", None),
    (COMMENTS, "coment", r"deja (?:un|tu) comentario|los comentarios (?:están|son|serán)"),
    (COMMENTS, "publica", r"correo electrónico no (?:será|se) publica"),
    (COMMENTS, "ne sera pas publiée", None),
    (COMMENTS, "kommentar", r"kommentar (?:schreiben|verfassen|abgeben)|kommentare werden moderiert"),
    (COMMENTS, "wird nicht veröffentlicht", None),
    (COMMENTS, "коммент", r"оставить комментарий|оставьте комментарий|комментарии (?:закрыты|модерируются)"),
    (COMMENTS, "не будет опубликован", None),
    (PAYWALL, "continue reading", r"to continue reading|continue reading (?:this|the full) (?:article|story)"),
    (PAYWALL, "subscri",
     r"already a subscriber|(?:^|[.!?] )subscribe (?:to|for|now|today)\b|subscribers only"
     r"|(?:available|reserved|exclusive) (?:only )?(?:to|for) (?:paying )?subscribers"),
    (PAYWALL, "members", r"(?:available|reserved|exclusive) (?:only )?(?:to|for) (?:paying )?members"),
    (PAYWALL, "already have an account", None),
    (PAYWALL, "you have reached", r"you have reached (?:your|the) (?:limit|maximum)"),
    (PAYWALL, "free article", r"free articles? (?:left|remaining)"),
    (PAYWALL, "unlimited", r"unlimited (?:digital )?access"),
    (PAYWALL, "start your free trial", None),
    (PAYWALL, "suscriptor", r"contenido exclusivo para suscriptores|ya eres suscriptor"),
    (PAYWALL, "pour lire la suite", None),
    (PAYWALL, "abonn", r"réservé aux abonnés|déjà abonné|nur für abonnenten"),
    (PAYWALL, "weiterlesen mit", None),
    (PAYWALL, "подпис", r"доступно только (?:для )?подписчик|оформите подписку"),
    (NEWSLETTER, "newsletter",
     r"sign up (?:for|to) (?:our|the|my)\b[^.]{0,40}\bnewsletter|subscribe to (?:our|the)\b[^.]{0,40}\bnewsletter"
     r"|inscrivez-vous à (?:notre|la) newsletter|abonnez-vous à (?:notre|la) newsletter"
     r"|abonnieren sie (?:unseren|den) newsletter"),
    (NEWSLETTER, "mailing list", r"subscribe to (?:our|the)\b[^.]{0,40}\bmailing list"),
    (NEWSLETTER, "inbox", r"(?:delivered|straight|directly) to your inbox|in your inbox every"),
    (NEWSLETTER, "enter your", r"enter your e-?mail"),
    (NEWSLETTER, "suscr", r"suscr[ií]bete a (?:nuestro|nuestra)"),
    (NEWSLETTER, "recibe", r"recibe (?:nuestro|las) (?:boletín|noticias)"),
    (NEWSLETTER, "подпиш", r"подпишитесь на (?:нашу |наш )?(?:рассылку|канал)"),
    (DONATION, "donat",
     r"^(?:please )?donate\b|make a (?:one-time |monthly )?donation|\bdonate (?:now|today)"
     r"|consider (?:making a donation|donating)|your donation (?:helps|keeps|makes|allows)"),
    (DONATION, "support",
     r"^(?:please )?support (?:us|our)\b|support (?:independent|quality) journalism|consider supporting us"
     r"|your support (?:helps|keeps|makes|allows)"),
    (DONATION, "contribution", r"your contribution (?:helps|keeps|makes|allows)"),
    (DONATION, "haz una donación", None),
    (DONATION, "apoya", r"apoya (?:nuestro|el) periodismo"),
    (DONATION, "faites un don", None),
    (DONATION, "soutenez", r"soutenez (?:notre|le) journalisme"),
    (DONATION, "unterstützen sie", r"unterstützen sie (?:unseren|unabhängigen) journalismus"),
    (DONATION, "поддержите", r"поддержите (?:нас|редакцию)"),
    (COOKIE, "cookie",
     r"we use cookies|(?:this|our) (?:site|website) uses cookies|accept (?:all )?cookies"
     r"|cookie (?:policy|settings|preferences)|utilizamos cookies|usamos cookies|nous utilisons des cookies"
     r"|wir verwenden cookies|мы используем (?:файлы )?cookie"),
    (COOKIE, "javascript", r"enable javascript|javascript is (?:disabled|required)"),
    (COPYRIGHT, "©", r"^©"),
    (COPYRIGHT, "(c)", r"^\(c\)\s"),
    (COPYRIGHT, "copyright", r"^copyright\b"),
    (COPYRIGHT, "all rights reserved", None),
    (COPYRIGHT, "derechos reservados", None),
    (COPYRIGHT, "droits réservés", None),
    (COPYRIGHT, "rechte vorbehalten", None),
    (COPYRIGHT, "права защищены", None),
    word_start=True,
)


# Calls to action that are furniture as a short sentence of their own ("Be the first
# to comment.") but editorial inside a paragraph ("... Leave a comment and let us know").
_PROMPT_WORDS = 12
_PROMPTS = (
    (COMMENTS, re.compile(
        r"^(?:please )?(?:leave|post|add|write) a (?:comment|reply)|\bbe the first to (?:comment|reply)", _I)),
    (NEWSLETTER, re.compile(r"^(?:sign up|subscribe)\b", _I)),
    (DONATION, re.compile(r"^(?:please )?donate\b", _I)),
)


def _family(lower: str, rules: _RuleSet) -> str | None:
    """The block family whose rule matches the lower-cased line first, or None."""
    if rules.marked is None:
        found = rules.stems.search(lower)
    else:
        found = rules.stems.search(" " + lower) or rules.marked.search(lower)
    if not found:
        return None
    for stem, reason, pattern in rules.rules:
        if stem in lower and (pattern is None or pattern.search(lower)):
            return reason
    return None


_PUBLISHED = re.compile(
    r"^\W{0,3}(?P<kind>(?:first |last )?(?:published|posted|updated|modified|created)(?: on| at)?"
    r"|publication date|date published|publicado(?: el)?|actualizado(?: el)?|publié(?: le)?|mis à jour(?: le)?"
    r"|veröffentlicht(?: am)?|aktualisiert(?: am)?|опубликовано|обновлено|дата публикации)\b",
    _I,
)
_TODAY = re.compile(r"^\W*(?:today|hoy|aujourd'hui|heute|сегодня)\b", _I)
_UPDATED_KINDS = ("updated", "last updated", "modified", "actualizado", "mis à jour", "aktualisiert", "обновлено")
_BYLINE = re.compile(r"^(?:(?:words|text|story|written)\s+)?(?:by|por|par|von|от|автор:?)\s+(?P<rest>\S.*)$", _I)
_BYLINE_CUT = re.compile(r"\s*(?:[,|·•;]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bon\b\s+\d)", _I)
_NAME_JOINERS = frozenset("and y et und и de da van von der al bin ibn la le del".split())
_DATELINE_ONLY = re.compile(r"^[^\W\d_][^.!?\n]{0,60}?\s*[-—–]{1,2}$")
_DATELINE_START = re.compile(r"^[^\W\d_][^\W\d_.'’ -]*(?:[ .,'’-]+[^\W\d_][^\W\d_.'’-]*){0,4}\.?,?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-—–]{1,2}|:)(?:\s|$)")
_DATE_RESIDUE = re.compile(
    r"(?:\b(?:am|pm|a\.m\.|p\.m\.|edt|est|cdt|cst|pdt|pst|gmt|utc|cet|cest|bst|msk|irst|et|pt"
    r"|today|hoy|aujourd'hui|heute|сегодня)\b|[\W\d_])+", _I
)
_MASTHEAD_GUESS = re.compile(r"^(?P<outlet>[^\W\d_][\w.&'’]*(?: [\w.&'’]+){0,3}) [-–—|] (?P<title>\S.{10,})$")
_MASTHEAD_MARK = re.compile(r"\s[-–—|·•]\s")
_TITLE_REACH = 12  # the headline is among the last lines above the article, not deep in the navigation
_NOT_OUTLETS = frozenset(
    "breaking live update updates exclusive analysis opinion watch video photos explainer factbox "
    "editorial review interview comment".split()
)

# stop words per language; a line's language is the one whose words it uses most
_STOPWORDS = {
    "en": "the and of to in is that for it with was on as by he she said are have has from this be at an which will "
          "not but they their were been his her its or who would no after we you".split(),
    "es": "el la los las de del que y en un una por con para es se su al lo como más pero sus le ya o fue este ha sí "
          "porque esta son entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante tu "
          "tus no será está".split(),
    "fr": "le la les de des du et en un une est que qui dans pour pas sur au aux par plus ne se ce il elle sont avec "
          "été ont mais nous vous votre cette sera".split(),
    "de": "der die das und ist nicht ein eine zu den dem mit von sich des auf für im auch es an werden wird aus er sie "
          "hat dass bei nach wie oder ihre ihr sind um wurde".split(),
    "ru": "и в не на что с по как это он она к у из за от о для так же но был была его ее мы вы вам ваш ли только "
          "будет".split(),
    "it": "il di che e la per un una non sono è della del con gli anche nel alla questo le".split(),
    "pt": "o a os as de do da que e em um uma para com não por mais dos das no na foi ser seu sua".split(),
}
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _language, _words in _STOPWORDS.items():
    for _word in _words:
        _STOPWORD_LANGUAGES[_word] = (*_STOPWORD_LANGUAGES.get(_word, ()), _language)


# ---------------------------------------------------------------------------
# lines


@dataclass(slots=True)
class _Line:
    """One logical line: a physical line, or hard-wrapped physical lines of one paragraph."""

    index: int  # position among the page's non-blank logical lines
    parts: list[tuple[int, int]]  # (start, end) of each stripped physical line in the source
    text: str  # the parts joined by spaces, for classification
    blank_before: bool = False  # a blank line separates it from the line before (see `_Page._boxes`)
    words: int = 0
    prose: bool = False
    reason: str | None = None
    # what a kept or undecided line is: "dateline", "published", "updated", "byline", "date",
    # "standfirst", "crosshead", "list item", "agency", "caption label", "foreign" ...
    role: str | None = None
    family_hint: str | None = None  # a block keyword seen on a short line, for block continuation
    dates: list[PrintedDate] = field(default_factory=list)


def _ends_open(text: str) -> bool:
    """True when a physical line stops mid-sentence (a hard wrap), judged from its last characters."""
    last = text[-1]
    return last.isalnum() or (last in ",-;(" and not text.endswith(" -"))


def _logical_lines(text: str) -> list[_Line]:
    """The non-blank lines of `str.splitlines`, stripped, with hard-wrapped continuations joined to the
    line they continue."""
    lines: list[_Line] = []
    pos = 0
    blank = False
    prev = ""  # the last non-blank physical line, stripped
    for raw in text.splitlines(keepends=True):
        pos += len(raw)  # the end of `raw`
        rest = raw.lstrip(_STRIP)
        stripped = rest.rstrip(_STRIP)
        if not stripped:
            blank = True
            continue
        start = pos - len(rest)
        end = start + len(stripped)
        # a wrapped line continues a long line that stopped mid-sentence, in lower case
        if lines and not blank and len(prev) >= 40 and _ends_open(prev) and (
            stripped[0].islower() or prev[-1] in ",;(" or (prev[-1] == "-" and prev[-2:-1].isalpha())
        ):
            line = lines[-1]
            line.parts.append((start, end))
            line.text = f"{line.text} {stripped}"
        else:
            lines.append(_Line(len(lines), [(start, end)], stripped, blank))
        prev = stripped
        blank = False
    return lines


def _is_prose(text: str, words: int) -> bool:
    """A sentence rather than a label: long, or ending like a sentence."""
    if words >= _SHORT_WORDS:
        return True
    core = text.rstrip(_CLOSERS)
    if not core:
        return False
    last = core[-1]
    if last in ".…。":
        return words >= 3
    if last in "!?":
        return words >= 8
    return False


def _title_cased(text: str) -> bool:
    """Most words capitalised, as in a headline or crosshead ("Russian Officials Visit Iran")."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words)


def _language_switcher(text: str, words: int) -> bool:
    """A row of language names ("English Español") or codes ("EN | ES | FR")."""
    if words > 12:
        return False
    head = text.split(None, 1)[0].strip("|/·•,").casefold()
    if head not in _LANGUAGE_NAMES and head not in _LANGUAGE_CODES:
        return False
    tokens = [t for t in _SWITCHER_SPLIT.split(text.casefold()) if t]
    if not tokens:
        return False
    if all(t in _LANGUAGE_NAMES for t in tokens):
        return True
    # bare codes "EN | ES | FR" only as a row of several, in capitals
    return len(tokens) >= 2 and all(t in _LANGUAGE_CODES for t in tokens) and text.upper() == text


def _navigation(text: str, words: int) -> bool:
    """Menu items or breadcrumbs split by "|", "•", "»"...: three or more, or starting at "Home"."""
    if words > 20 or not _NAV_MARK.search(text):
        return False
    segments = [s for s in _NAV_SPLIT.split(text) if s]
    if len(segments) < 2 or any(len(s.split()) > 4 for s in segments):
        return False
    return len(segments) >= 3 or segments[0].casefold() in _NAV_HOME


def _widget_row(text: str) -> bool:
    """A row of buttons ("Share on Facebook   Share on X   Email   Print"), each a widget."""
    if not _WIDGET_ROW_MARK.search(text):
        return False
    items = [item for item in _WIDGET_ITEMS.split(text) if item]
    return len(items) >= 2 and all(_WIDGET.match(item) for item in items)


def _date_only(text: str, dates: list[PrintedDate]) -> bool:
    """The line is a date (with weekday, time, zone) and at most a short label set off by "|" or "·".

    "Tuesday, June 3, 2025", "Today: June 3, 2025", "ANW | 15 Apr 2025 16:02".
    """
    if not dates:
        return False
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end:]
    rest = _DATE_RESIDUE.sub(" ", rest).strip()
    if not rest:
        return True
    # the label is what stands between the line's edge and a "|" or "·" next to the date
    first = dates[0]
    before, after = text[: first.start].rstrip(), text[dates[-1].end:].lstrip()
    label = before[:-1] if before and before[-1] in "|·•" else after[1:] if after and after[0] in "|·•" else None
    return label is not None and 1 <= len(label.split()) <= 3 and rest == _DATE_RESIDUE.sub(" ", label).strip()


def _byline_author(text: str, words: int) -> str | None:
    """The name in "By Jane Doe, Associated Press"; None if the line is not a byline."""
    if words > 16:
        return None
    match = _BYLINE.match(text)
    if not match:
        return None
    name = _BYLINE_CUT.split(match.group("rest"), maxsplit=1)[0].strip(" .")
    tokens = name.split()
    if not 1 <= len(tokens) <= 8:
        return None
    if not tokens[0][0].isupper() or not all(t[0].isupper() or t.lower() in _NAME_JOINERS for t in tokens):
        return None
    return name


# On an ASCII line, a pattern run case-sensitively over the lower-cased line matches exactly where it
# matches the line with IGNORECASE (no pattern here spells a capital), and several times faster. One
# such pattern tells whether any of the patterns for a line's start can match (most lines match none),
# another whether a photo credit can: the line has a "/", or one of its words is an agency or a photo
# word (after a non-word character, found fast as one outside [0-9a-z_]; the line is searched after " ").
_LINE_STARTS = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in (
    _AGENCY_LINE, _CAPTION_LABEL, _RELATED_PREFIX, _RELATED_END, _WIDGET, _WIDGET_LABEL, _PUBLISHED, _BYLINE,
)))
_CREDIT_HINT = re.compile(rf"[^0-9a-z_](?<=\W)(?:{_PHOTO_AGENCY}|{_PHOTO_WORD})")


def _classify(line: _Line) -> None:
    """Reasons and roles that follow from the line alone, without its neighbours."""
    text = line.text
    length = len(text)
    words = len(text.split())
    if words * 10 < length and _CJK.search(text):
        # scripts written without spaces: count two characters as a word
        words = max(words, len(_CJK.findall(text, 0, 20_000)) // 2)
    line.words = words
    line.prose = prose = _is_prose(text, words)
    if not text.isprintable() or "\ufffd" in text:
        junk = len(_JUNK.findall(text, 0, 20_000))
        if junk and junk >= 0.1 * min(length, 20_000):
            line.reason = UNREADABLE
            return
    if not (text[0].isalnum() or _ALNUM.search(text)):
        line.reason = SEPARATOR
        return
    if length > _MAX_PATTERN_CHARS:
        # long lines are paragraphs; only a credit at their end can make them captions
        if _tail_credit(text):
            line.reason = IMAGE_CAPTION
        return
    lower = text.lower()
    folded = text.isascii()  # see `_LINE_STARTS`
    # no pattern for a line's start applies to a line of more words
    starts = words <= 25 and (not folded or _LINE_STARTS.match(lower) is not None)
    short = not prose and words <= _SHORT_WORDS
    if short:
        if _language_switcher(text, words):
            line.reason = LANGUAGE_SWITCHER
            return
        if words <= 14 and (not folded or "/" in text or _CREDIT_HINT.search(" " + lower)) and _CREDIT_LINE.match(text):
            line.reason = PHOTO_CREDIT
            return
        if starts and words <= 4 and _AGENCY_LINE.match(text):
            line.reason, line.role = PHOTO_CREDIT, "agency"
            return
        if starts and words <= 3 and _CAPTION_LABEL.match(text):
            line.reason, line.role = IMAGE_CAPTION, "caption label"
            return
    if starts and (words <= 25 and _RELATED_PREFIX.match(text) or words <= 8 and _RELATED_END.match(text)):
        line.reason = RELATED_LINK
        return
    marks = words <= 20 and _MARKS.search(text) is not None  # (a row of more words is neither)
    if short and (
        starts and (words <= 8 and _WIDGET.match(text) or _WIDGET_LABEL.match(text)) or marks and _widget_row(text)
    ):
        line.reason = WIDGET
        return
    if marks and _navigation(text, words):  # its separators count as words: a long row passes for prose
        line.reason = NAVIGATION
        return
    if _tail_credit(text):
        line.reason = IMAGE_CAPTION
        return
    family = _family(lower, _SHORT_RULES if short else _PROSE_RULES)
    if family is None and prose and words <= _PROMPT_WORDS:
        family = next((reason for reason, pattern in _PROMPTS if pattern.search(text)), None)
    if family:
        line.reason = family
        return
    if not prose and not short:
        # a keyword alone does not condemn a long non-prose line, but lets a block run on over it
        line.family_hint = _family(lower, _SHORT_RULES)
    if words <= 20 and _DIGIT.search(text):
        line.dates = find_printed_dates(text)
    published = _PUBLISHED.match(text) if starts and words <= 20 else None
    if published:
        kind = "updated" if published.group("kind").lower().startswith(_UPDATED_KINDS) else "published"
        if line.dates:
            line.role = kind
            return
        if words <= 3:  # "Published" on its own line, the date on the next
            line.role = kind + " label"
            return
    if not prose and starts and _BYLINE.match(text) and _byline_author(text, words):
        line.role = "byline"
        return
    if line.dates and words <= 12 and _date_only(text, line.dates):
        line.role = "date"
        return
    if words <= 8 and text[-1] in "-—–" and _DATELINE_ONLY.match(text) and text[0].isupper():
        line.role = "dateline"


# ---------------------------------------------------------------------------
# language


def _stopword_language(text: str) -> str | None:
    """The language whose stop words `text` uses most, if clearly ahead; None when unsure."""
    lowered = text.lower()
    if not lowered.isascii():  # typographic quotes and dashes part and join words as ASCII ones do
        lowered = lowered.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
    words = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)
    total = len(words)
    if total < 4:
        return None
    counts = Counter(chain.from_iterable(filter(None, map(_STOPWORD_LANGUAGES.get, words))))
    if not counts:
        return None
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)[:2]  # `most_common(2)`, minus its heap
    best, hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if hits >= 2 and hits >= 0.15 * total and hits >= 1.5 * runner_up:
        return best
    return None


_langid_classify = None


def _langid(text: str) -> str | None:
    """py3langid's guess, loaded on first use (it takes half a second); None if unavailable."""
    global _langid_classify
    if _langid_classify is None:
        try:
            import py3langid

            _langid_classify = py3langid.classify
        except Exception:  # the cleaner works without it, only less sure of languages
            _langid_classify = False
    if not _langid_classify:
        return None
    try:
        return str(_langid_classify(text)[0])
    except Exception:
        return None


def _language(text: str, *, fallback: bool = True) -> str | None:
    """A language code for `text`: stop words first, py3langid (if `fallback`) when they cannot tell."""
    sample = text[:1500]
    guess = _stopword_language(sample)
    if guess is None and fallback and sum(ch.isalpha() for ch in sample[:400]) >= 40:
        guess = _langid(sample[:400])
    return guess


# ---------------------------------------------------------------------------
# the cleaner


def clean_text(text: str) -> CleanedPage:
    """Split a plain-text scrape into article body and removed page furniture.

    Never raises: empty or non-text input gives an empty body, and every line
    that is not kept is listed in `removed` with its reason and offsets.
    """
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return CleanedPage(body="", removed=(RemovedBlock("", f"not text: {type(text).__name__}"),))
    lines = _logical_lines(text)
    if not lines:
        return CleanedPage(body="")
    classified: dict[str, _Line] = {}  # a page repeats lines (the headline, buttons), judged alike
    for line in lines:
        twin = classified.setdefault(line.text, line)
        if twin is line:
            _classify(line)
        else:
            line.words, line.prose, line.reason, line.role = twin.words, twin.prose, twin.reason, twin.role
            line.family_hint, line.dates = twin.family_hint, list(twin.dates)
    return _Page(text, lines).result()


class _Page:
    """The decisions that need the whole page: zones, title, blocks, dates, output."""

    def __init__(self, text: str, lines: list[_Line]) -> None:
        self.text = text
        self.lines = lines
        self.author: str | None = None
        self.outlet: str | None = None
        self.title: str | None = None
        self.title_index: int | None = None
        self.crawl_date: str | None = None
        self.language: str | None = None  # the article's, from its middle paragraphs
        self.language_checks = 0  # lines whose language was looked at, capped so huge pages stay fast
        self.guesses: dict[int, str | None] = {}  # by line index: a line may be looked at twice
        self.top_end = 0  # lines above this index are the top of the article (see `_top_matter`)

    # -- zones

    def _anchor(self, line: _Line) -> bool:
        """Prose that certainly belongs to the article: the article runs between the first and last."""
        if not line.prose or line.reason or line.role in ("date", "byline"):
            return False
        if line.words >= 25:
            return True
        # a tagline ("Your town. Your paper.") is a run of short sentences, not a paragraph
        sentences = len(_SENTENCE_END.findall(line.text))
        if sentences > 1 and line.words < _ANCHOR_SENTENCE_WORDS * sentences:
            return False
        # a headline may end in "?"; a title-cased line is a headline, not a paragraph
        return line.text.rstrip(_CLOSERS).endswith(".") or not _title_cased(line.text)

    def _same_language(self, line: _Line) -> bool:
        """False only when the line is clearly in another language than the article."""
        if self.language is None or line.words < 4 or self.language_checks >= _MAX_LANGUAGE_CHECKS:
            return True
        self.language_checks += 1
        # py3langid guesses wildly on short lines of names ("June 10 - Tampa, FL"), so only on longer ones
        if line.index not in self.guesses:
            self.guesses[line.index] = _language(line.text[:400], fallback=line.words >= 12)
        guess = self.guesses[line.index]
        return guess is None or guess == self.language

    # -- the passes

    def result(self) -> CleanedPage:
        """Run the page-level passes in order and build the cleaned page."""
        self._boxes()
        self._chrome_dates()
        first, last = self._zones()
        if first >= 0:
            self._find_title(first)
            self._header(first)
            self._top_matter(first)
            self._footer(last)
        self._captions()
        self._blocks(first, last)
        self._repeats(first, last)
        return self._build(first)

    def _boxes(self) -> None:
        """Furniture comes in boxes, lines with no blank line between them: a box is one block.

        A box whose lines are mostly of one block family (a newsletter's name, pitch,
        e-mail field and button), or a small one opened by a line of that family
        ("Donate to X" and its pitch), gives that family to its other short lines; a
        box opened by a "Related" or a widget heading ("Weather") is links or widget
        down to its first sentence. A box of body lines (pages without blank lines) is
        neither small nor has such a majority, and does not start with such a heading.
        """
        box: list[_Line] = []
        for line in self.lines:
            if line.blank_before and box:
                self._box(box)
                box = []
            box.append(line)
        self._box(box)

    @staticmethod
    def _box(box: list[_Line]) -> None:
        if len(box) < 2:
            return
        head = box[0]
        if head.reason == WIDGET or head.reason == RELATED_LINK and _RELATED_END.match(head.text):
            for line in box[1:]:
                if line.prose:
                    break
                if line.reason is None and line.role is None and line.words <= _SHORT_WORDS:
                    line.reason = head.reason
            return
        if not any(line.reason in _BLOCK_REASONS for line in box):
            return
        counts = Counter(line.reason for line in box if line.reason in _BLOCK_REASONS)
        family, members = max(counts.items(), key=itemgetter(1))  # `most_common(1)[0]`, minus its heap
        opened = head.reason in _BLOCK_REASONS and not head.prose and len(box) <= _SMALL_BOX
        if opened or members >= 2 and 2 * members >= len(box):
            family = head.reason if opened else family
            for line in box:
                if line.reason is None and line.role is None and line.words < _SHORT_WORDS:
                    line.reason = family

    def _chrome_dates(self) -> None:
        """A date line next to the page's menus or language switcher, or saying "Today", is the page's "today".

        Found by position alone, whatever the zones turn out to be; `_header` also
        takes any date line above the headline for one.
        """
        lines = self.lines
        for line in lines:
            if line.role != "date" or line.reason:
                continue
            i = line.index
            near = [*lines[max(0, i - 2): i], *lines[i + 1: i + 4]]
            if _TODAY.match(line.text) or any(other.reason in (NAVIGATION, LANGUAGE_SWITCHER) for other in near):
                self._header_date(line)

    def _header_date(self, line: _Line) -> None:
        line.reason = PAGE_HEADER_DATE
        self.crawl_date = self.crawl_date or next((d.date for d in line.dates if d.granularity == "day"), None)

    def _zones(self) -> tuple[int, int]:
        """The first and last line of the article's prose, or (-1, -1) when the page has none.

        Between them is the article; above is page header, below page footer. The
        article's language comes from its middle paragraphs, and prose at either
        edge in another language is set aside; only edges are checked, so the
        common case stays cheap.
        """
        anchors = [line.index for line in self.lines if self._anchor(line)]
        if not anchors:
            return -1, -1
        if len(anchors) >= 3:
            middle = anchors[len(anchors) // 4: len(anchors) - len(anchors) // 4] or anchors
            sample = " ".join(self.lines[i].text[:400] for i in middle[:2])
            self.language = _language(sample)
        foreign: set[int] = set()
        if self.language:
            for order in (anchors, anchors[::-1]):
                for i in order:
                    if self._same_language(self.lines[i]):
                        break
                    foreign.add(i)
        inner = [i for i in anchors if i not in foreign]
        if not inner:
            return anchors[0], anchors[-1]
        for i in foreign:
            self.lines[i].role = "foreign"
        inner = self._main_run(self._before_end_mark(inner))
        # a question or exclamation above everything else is a headline ("Why is Iran ...?")
        while len(inner) > 1 and _question(self.lines[inner[0]]):
            inner = inner[1:]
        return inner[0], inner[-1]

    def _before_end_mark(self, anchors: list[int]) -> list[int]:
        """Anchors above the line that ends the article: a comments heading, or a "Related" box
        followed by little prose. User comments are prose too, and would otherwise pass for body."""
        lines = self.lines
        seen_chars = 0
        above = 0  # anchors[:above] lie above the line looked at
        for line in lines[anchors[0] + 1: anchors[-1]]:
            while above < len(anchors) and anchors[above] < line.index:
                seen_chars += len(lines[anchors[above]].text)
                above += 1
            if line.words > 8 or above < _END_MIN_ANCHORS or seen_chars < _END_MIN_CHARS:
                continue
            if _COMMENTS_END.match(line.text):
                rest = sum(len(lines[i].text) for i in anchors[above:])
                if rest <= _END_COMMENTS_SHARE * seen_chars:
                    return anchors[:above]
            if _RELATED_END.match(line.text):
                rest = sum(len(lines[i].text) for i in anchors[above:])
                if rest < _END_RELATED_SHARE * seen_chars:
                    return anchors[:above]
        return anchors

    def _main_run(self, anchors: list[int]) -> list[int]:
        """The anchors of the article proper, without islands of prose far above or below it.

        Anchors separated by many other lines form runs; the run with the most prose
        is the article, and a neighbouring run joins it unless it is much smaller
        (teasers, an "about us" paragraph, a legal notice beyond a long menu).
        """
        runs = [[anchors[0]]]
        lines = self.lines
        for previous, current in zip(anchors, anchors[1:]):
            # only furniture-like lines part runs: a list of items inside an article does not
            gap = sum(1 for line in lines[previous + 1:current] if line.reason or line.words <= 3)
            if gap >= _RUN_GAP:
                runs.append([current])
            else:
                runs[-1].append(current)
        if len(runs) == 1:
            return anchors
        weights = [sum(len(lines[i].text) for i in run) for run in runs]
        best = max(range(len(runs)), key=weights.__getitem__)
        floor = _RUN_SHARE * weights[best]
        low = high = best
        while low > 0 and weights[low - 1] >= floor:
            low -= 1
        while high < len(runs) - 1 and weights[high + 1] >= floor:
            high += 1
        return [i for run in runs[low:high + 1] for i in run]

    def _find_title(self, first: int) -> None:
        """The headline: repeated in the header (alone, in a caption, after the outlet), else its first line."""
        header = self.lines[:first]
        candidates = [
            line for line in header[-_TITLE_REACH:]
            if line.reason is None and line.role is None and 2 <= line.words <= 30
            and _first_letter_upper(line.text) and not line.text.rstrip(_CLOSERS).endswith(".")
        ]
        if not candidates:
            return
        keys = [comparison_key(line.text) for line in header]
        key_counts = Counter(keys)
        # lines that may hold the headline with something else: a caption, a masthead
        composites = [
            (line, key) for line, key in zip(header, keys)
            if line.reason in (IMAGE_CAPTION, PHOTO_CREDIT) or _MASTHEAD_MARK.search(line.text)
        ]
        best: tuple[int, int, int] | None = None
        for candidate in candidates:
            key = keys[candidate.index]
            if candidate.words < 3 or not key:
                continue
            count = key_counts[key]
            for line, other in composites:
                if other == key or key not in other:
                    continue
                if line.reason in (IMAGE_CAPTION, PHOTO_CREDIT):
                    count += other.startswith(key + " ")
                elif masthead_outlet(line.text, candidate.text):
                    count += 1
            if count >= 2 and (best is None or (count, candidate.words) > best[:2]):
                best = (count, candidate.words, candidate.index)
        if best is not None:
            chosen = self.lines[best[2]]
        else:
            chosen = self._masthead_guess(header) or self._first_title_like(candidates)
            if chosen is None:
                return
        if chosen.reason == MASTHEAD:
            return
        self.title = chosen.text
        self.title_index = chosen.index
        chosen.reason = HEADLINE
        title_key = keys[chosen.index]
        low, high = len(chosen.text) // 2, len(chosen.text) * 2
        for line in self.lines:
            if line is chosen:
                continue
            if (
                line.reason is None and low <= len(line.text) <= high
                and (keys[line.index] if line.index < first else comparison_key(line.text)) == title_key
            ):
                line.reason = REPEATED_HEADLINE
            elif line.index < first and line.reason is None:
                outlet = masthead_outlet(line.text, chosen.text)
                if outlet:
                    line.reason = MASTHEAD
                    self.outlet = self.outlet or outlet

    def _masthead_guess(self, header: list[_Line]) -> _Line | None:
        """A first line "Outlet - Headline" with no other copy of the headline to confirm it."""
        top = header[0]
        if top.reason or top.role:
            return None
        match = _MASTHEAD_GUESS.match(top.text)
        if not match or len(match.group("title").split()) < 4:
            return None
        outlet = match.group("outlet")
        if outlet.casefold() in _NOT_OUTLETS or not all(w[0].isupper() for w in outlet.split()):
            return None
        top.reason = MASTHEAD
        self.outlet = normalise_outlet(outlet) or None
        self.title = match.group("title").strip()
        self.title_index = top.index
        return top

    def _first_title_like(self, candidates: list[_Line]) -> _Line | None:
        """The first headline-shaped line that is not a caption, preferring four words or more."""
        for min_words in (4, 3):
            for line in candidates:
                if line.words >= min_words and not self._next_to_credit(line):
                    return line
        return None

    def _next_to_credit(self, line: _Line) -> bool:
        """Beside a photo credit, or right after a "Image caption" label."""
        lines, i = self.lines, line.index
        if i > 0 and (lines[i - 1].reason == PHOTO_CREDIT or lines[i - 1].role == "caption label"):
            return True
        return i + 1 < len(lines) and lines[i + 1].reason == PHOTO_CREDIT

    def _header(self, first: int) -> None:
        """Everything above the first paragraph that is not headline, dateline, standfirst or a dated line."""
        title_at = self.title_index
        for line in self.lines[:first]:
            if line.role == "agency":
                line.reason = BYLINE
                continue
            if line.role in ("published label", "updated label"):
                following = self.lines[line.index + 1]
                if following.role == "date":
                    following.role = line.role.removesuffix(" label")
                line.reason = PAGE_HEADER
                continue
            if line.role == "byline":
                self._byline(line)
            if line.reason:
                continue
            if line.role == "date":
                if title_at is None or line.index < title_at:
                    self._header_date(line)
                continue
            if line.role in ("dateline", "published", "updated", "byline date"):
                continue
            if line.role == "foreign":
                line.reason = OTHER_LANGUAGE
                continue
            if self._next_to_credit(line) and line.words <= 40:
                line.reason = IMAGE_CAPTION
                continue
            after_title = title_at is None or line.index > title_at
            if after_title and line.words >= 8 and _first_letter_upper(line.text) and not line.family_hint:
                line.role = "standfirst"
                continue
            if (
                title_at is not None and line.index == first - 1 and after_title and line.words >= 3
                and not line.family_hint
            ):
                line.role = "crosshead"  # a heading right above the first paragraph opens the body
                continue
            if line.words >= 6 and not self._same_language(line):
                line.reason = OTHER_LANGUAGE
            elif line.words <= 4 and _ALNUM.search(line.text) and not any(c in line.text for c in ",:;"):
                line.reason = SECTION_LABEL
            else:
                line.reason = PAGE_HEADER

    def _top_matter(self, first: int) -> None:
        """Bylines and dates just below the first paragraph (a standfirst) are treated as in the header."""
        lines = self.lines
        self.top_end = first + 1
        while self.top_end < len(lines) and not self._anchor(lines[self.top_end]):
            self.top_end += 1
        for line in lines[first + 1: self.top_end]:
            if line.reason:
                continue
            if line.role == "agency":
                line.reason = BYLINE
            elif line.role == "byline":
                self._byline(line)

    def _byline(self, line: _Line) -> None:
        """A byline names the author; the short lines in its box ("Transport Correspondent",
        "March 2025 issue") go with it, while a dated byline or date line stays as date evidence."""
        self.author = self.author or _byline_author(line.text, line.words)
        if line.dates:
            line.role = "byline date"
        else:
            line.reason = line.reason or BYLINE
        lines = self.lines
        start = end = line.index
        while start > 0 and not lines[start].blank_before:
            start -= 1
        while end + 1 < len(lines) and not lines[end + 1].blank_before:
            end += 1
        for other in lines[start: end + 1]:
            if other.reason is None and other.role is None and not other.prose and other.words <= 8:
                other.reason = BYLINE

    def _footer(self, last: int) -> None:
        """Below the last paragraph only dated lines and a list ending the article stay.

        The rest is page footer unless a block claims it. A list ending the article
        (tour dates, a "reporting by" line) is the run of unexplained lines of four
        words or more right below the last paragraph, up to the first furniture.
        """
        in_list = True
        for line in self.lines[last + 1:]:
            if in_list and line.reason is None and line.role is None and line.words >= 4 and not line.family_hint:
                line.role = "list item"
                continue
            in_list = False
            if line.reason or line.role in ("published", "updated"):
                continue
            if line.role == "foreign":
                line.reason = OTHER_LANGUAGE
            elif line.family_hint:
                line.reason = line.family_hint
            elif line.words >= 6 and not self._same_language(line):
                line.reason = OTHER_LANGUAGE
            else:
                line.reason = PAGE_FOOTER

    def _captions(self) -> None:
        """A short line beside a photo credit is its caption, also between paragraphs."""
        for line in self.lines:
            if line.reason is None and not line.prose and line.words <= 40 and self._next_to_credit(line):
                line.reason = IMAGE_CAPTION

    def _blocks(self, first: int, last: int) -> None:
        """A comment, newsletter, donation or paywall block runs on over the short lines that follow it."""
        current: str | None = None
        for line in self.lines:
            if line.reason in _BLOCK_REASONS:
                current = line.reason
                continue
            if current is None:
                continue
            in_footer = first >= 0 and line.index > last
            if in_footer and line.reason in (PAGE_FOOTER, OTHER_LANGUAGE):
                line.reason = current
            elif line.reason is None and line.family_hint:
                line.reason = current
            elif line.reason is None and self._anchor(line):
                current = None

    def _repeats(self, first: int, last: int) -> None:
        """A short line that recurs on the page (a label, a button) and was not otherwise explained,
        and a pull quote: a short quotation between paragraphs that copies part of another one."""
        candidates = [
            line for line in self.lines
            if line.reason is None and line.role is None and line.words <= 12 and not line.prose
            and (first < 0 or not first < line.index < last)
        ]
        if candidates:
            counts = Counter(comparison_key(line.text) for line in self.lines if line.words <= 12)
            for line in candidates:
                if counts[comparison_key(line.text)] >= 2:
                    line.reason = REPEATED_LINE
        if first < 0:
            return
        kept = [line for line in self.lines[first: last + 1] if line.reason is None]
        quotes = [line for line in kept if 4 <= line.words <= _PULL_QUOTE_WORDS and _quotation_alone(line.text)]
        if not quotes:
            return
        lowered = [(line, line.text.lower()) for line in kept if line.words > 4]
        for quote in quotes:
            inner = quote.text.strip(_QUOTE_EDGES).lower()
            if any(inner in text for line, text in lowered if line is not quote and len(text) > len(inner) + 2):
                quote.reason = REPEATED_LINE

    # -- output

    def _build(self, first: int) -> CleanedPage:
        """Body, offset map, removed blocks and metadata from the decisions taken."""
        text = self.text
        outlet = self.outlet or self._outlet()
        body_parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        removed: list[RemovedBlock] = []
        evidence_candidates: list[tuple[int, str, tuple[int, int]]] = []
        pos = 0
        for line in self.lines:
            if line.reason:
                if len(line.parts) == 1:  # most lines, whose text is that of their part
                    removed.append(RemovedBlock(line.text, line.reason, *line.parts[0]))
                else:
                    removed.extend(RemovedBlock(text[s:e], line.reason, s, e) for s, e in line.parts)
                continue
            if body_parts:
                body_parts.append("\n\n")
                pos += 2
            for k, (s, e) in enumerate(line.parts):
                if k:
                    body_parts.append("\n")
                    pos += 1
                segments.append((pos, s, e - s))
                body_parts.append(text[s:e])
                if line.role in _DATE_RANKS or line.index == first:  # lines that may state the article's date
                    self._date_candidates(line, k, s, e, pos, first, evidence_candidates)
                pos += e - s
        body = "".join(body_parts)
        date, spans = None, ()
        if evidence_candidates:
            evidence_candidates.sort(key=lambda item: item[0])
            _, date, span = evidence_candidates[0]
            spans = (span,)
        return CleanedPage(
            body=body,
            title=self.title,
            outlet=outlet,
            author=self.author,
            date=date,
            date_method="text" if date else "unknown",
            date_evidence=spans,
            crawl_date=self.crawl_date,
            removed=tuple(removed),
            segments=tuple(segments),
        )

    def _outlet(self) -> str | None:
        """The outlet as the page furniture names it (see `outlet_from_text`); its masthead line is named so."""
        top = self.lines[0]
        masthead = top.text if top.reason in (SECTION_LABEL, PAGE_HEADER) else None
        outlet = outlet_from_text(
            [line.text for line in self.lines if line.reason and line.reason not in (IMAGE_CAPTION, PHOTO_CREDIT)],
            title=self.title, masthead=masthead,
        )
        if outlet and masthead and normalise_outlet(masthead).casefold() == outlet.casefold():
            top.reason = MASTHEAD
        return outlet

    def _date_candidates(
        self, line: _Line, part: int, start: int, end: int, body_pos: int, first: int,
        found: list[tuple[int, str, tuple[int, int]]],
    ) -> None:
        """Dates the page states as the article's own, ranked: published, dateline, dated byline, updated."""
        rank = _DATE_RANKS.get(line.role or "")
        if line.index == first and part == 0 and rank is None:
            rank = 1  # a dateline opening the first paragraph: "LONDON, July 12, 2022 (Reuters) -"
        if rank is None or (line.role == "date" and (first < 0 or line.index >= self.top_end)):
            return
        piece = self.text[start:end]
        if line.index == first and line.role is None:
            dates = [d for d in find_printed_dates(piece[:120]) if _opens_dateline(piece, d)]
        elif len(line.parts) == 1:
            dates = line.dates  # found by `_classify`, which gives these roles only to lines of <= 20 words
        else:
            dates = find_printed_dates(piece)
        for d in dates:
            if d.granularity == "day":
                found.append((rank, d.date, (body_pos + d.start, body_pos + d.end)))
                return


# where a page states the article's own date, most trusted first
_DATE_RANKS = {"published": 0, "dateline": 1, "byline date": 2, "date": 2, "updated": 3}


def _opens_dateline(paragraph: str, printed: PrintedDate) -> bool:
    """The date sits in a dateline: a place name before it (or nothing) and a dash right after."""
    before = paragraph[: printed.start]
    after = paragraph[printed.end: printed.end + 60]
    return (not before.strip() or bool(_DATELINE_START.match(before))) and bool(_DATELINE_AFTER.match(after))


def _quotation_alone(text: str) -> bool:
    """Only a quotation: "“...”", without an attribution after it."""
    return text[0] in "\"'“‘«„" and text.rstrip(" .,!?…")[-1:] in "\"'”’»“"


def _question(line: _Line) -> bool:
    """A short line ending in "?" or "!", which at the top of a page is a headline."""
    return line.words < 25 and line.text.rstrip(_CLOSERS)[-1:] in ("?", "!")


def _first_letter_upper(text: str) -> bool:
    """Whether the first letter (within the first 20 characters) is a capital."""
    for ch in text[:20]:
        if ch.isalpha():
            return ch.isupper()
    return False
