"""Plain-text scrapes: a line-level cleaner that keeps the article and says what it dropped.

A scraped page saved as text carries, around the article, the site's navigation,
language switchers, section labels, image captions and photo credits, widgets
("Text size:"), comment, newsletter, donation and paywall blocks (sometimes in
another language than the article), repeated headlines, separators, a page-header
date (the day of the crawl) and masthead lines. `clean_text` sorts the lines of
such a page into article body and furniture, line by line, with:

- the shape of a line: prose ends like a sentence; a short line without final
  punctuation is a heading, a label or a caption;
- its place: the article runs from the first to the last line of prose, so
  short lines before it are page header and after it page footer, while short
  lines between paragraphs are crossheads, which are body;
- repetition: the headline shows up several times (alone, in a caption, after the
  outlet's name);
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
crawl day and goes to `crawl_date`. Pure Python without spaCy: measured at about
2,000 typical 5 KB scrapes a second on one core (see `tests/test_clean_text.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

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
DUPLICATE_PARAGRAPH = "duplicate paragraph"
SEPARATOR = "separator"
PAGE_HEADER_DATE = "page header date"
MASTHEAD = "masthead"
BYLINE = "byline"
OTHER_LANGUAGE = "other-language block"
UNREADABLE = "unreadable"

REASONS = (
    NAVIGATION, LANGUAGE_SWITCHER, SECTION_LABEL, PAGE_HEADER, PAGE_FOOTER, IMAGE_CAPTION, PHOTO_CREDIT, WIDGET,
    RELATED_LINK, COMMENTS, NEWSLETTER, DONATION, PAYWALL, COOKIE, COPYRIGHT, HEADLINE, REPEATED_HEADLINE,
    REPEATED_LINE, DUPLICATE_PARAGRAPH, SEPARATOR, PAGE_HEADER_DATE, MASTHEAD, BYLINE, OTHER_LANGUAGE, UNREADABLE,
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

# ---------------------------------------------------------------------------
# patterns (all compiled once; IGNORECASE unless the case carries the signal)

_I = re.IGNORECASE


def _words_pattern(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_ALNUM = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_LANGUAGE_NAMES = frozenset(
    """english español espanol français francais deutsch русский italiano português portugues 中文 简体中文
    繁體中文 العربية عربي türkçe turkce polski nederlands 日本語 한국어 українська فارسی हिन्दी bahasa
    indonesia melayu svenska norsk dansk suomi ελληνικά עברית čeština magyar română català euskara galego
    tiếng việt português(br) 繁体中文 srpski hrvatski slovenčina български қазақша o'zbekcha azərbaycanca
    ქართული հայերեն""".split()
)
_LANGUAGE_CODES = frozenset("en es fr de ru it pt zh ar tr pl nl ja ko uk fa hi id sv no da fi el he cs hu ro ca".split())
_SWITCHER_SPLIT = re.compile(r"[\s|/·•,]+")

_NAV_SPLIT = re.compile(r"\s*[|•·»›]\s*|\s+>\s+")
_NAV_HOME = frozenset("home inicio portada accueil startseite главная".split())

_PHOTO_WORD = r"(?:photo(?:graph)?|image|picture|pic|foto|fotografía|bild|фото|illustration|graphic|credit|crédito|crédit)s?"
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
_CREDIT_TAIL = r"(?:\s*/\s*[\w.'’ &-]{1,40}){0,3}"
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
    rf"|(?:\s[|/]|\()\s*{_CREDIT_BODY})\s*\)?\s*\.?$",
    _I,
)

_PHOTO_STEMS = ("photo", "image", "foto", "bild", "фото", "credit", "crédit", "illustr", "graphic")
_DIGIT = re.compile(r"\d")


def _tail_credit(text: str) -> bool:
    """The line ends with a photo credit: "... | Image by X", "... (AP Photo/Jane Doe)"."""
    tail = text[-200:]
    # a credit follows "|", "/" or "(" (then the line ends with ")"), or a dash before a photo word
    if not ("|" in tail or "/" in tail or tail.rstrip(" .")[-1:] == ")"):
        if not ("-" in tail or "–" in tail or "—" in tail):
            return False
        lowered = tail.lower()
        if not any(map(lowered.__contains__, _PHOTO_STEMS)):
            return False
    return _TAIL_CREDIT.search(tail) is not None


_WIDGET = re.compile(
    r"^(?:text\s*size|font\s*size|a\s*a|a-\s*a\+|listen(?: to (?:this|the) (?:article|story))?|\d+\s*min(?:ute)?s?\s*read"
    r"|read more|leer más|lire (?:aussi|la suite|plus)|mehr (?:lesen|zum thema)|weiterlesen|читать (?:также|далее)"
    r"|advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicidad|publicité|реклама"
    r"|see also|related(?: (?:articles|stories|content|news|topics|coverage|posts))?|more (?:from|on|stories)\b.{0,40}"
    r"|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed)|popular|tags?|topics?|filed under"
    r"|skip to (?:main )?content|back to top|menu|search|home|close|loading|show (?:more|less)|expand|collapse"
    r"|(?:next|previous) (?:article|story|post)|next|previous|print(?: this)?(?: article| page)?|save(?: article)?"
    r"|bookmark|copy link|zoom|image \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|photos?|videos?|gallery|watch|play|audio"
    r"|share(?: this)?(?: (?:article|story|page|on))?|tweet|follow us|facebook|twitter|whatsapp|telegram|linkedin"
    r"|pinterest|reddit|e-?mail|compartir|partager|teilen|поделиться)\s*[:.…!»>|]*$",
    _I,
)
_RELATED_PREFIX = re.compile(
    r"^(?:read more|related|see also|also read|read also|more|watch|listen|recommended|leer también|lea también"
    r"|lire aussi|à lire aussi|lesen sie auch|mehr dazu|читайте также)\s*[:|»>–—-]\s*\S",
    _I,
)

# Keyword families, as (stem, reason, pattern) rules over the lower-cased line: the
# pattern runs only when its stem occurs, which keeps the common case (a body
# paragraph with none of them) to a few substring tests. A rule without a pattern
# matches on its stem. Short rules apply to short lines (labels, buttons,
# prompts), where a word such as "comments" is enough; prose rules to sentences,
# where only phrases news prose does not use count ("no comments on the matter"
# is body). The first rule that matches names the block, so more specific
# families come first.
_Rule = tuple[str, str, "re.Pattern[str] | None"]


def _rules(*rules: tuple[str, str, str | None]) -> tuple[_Rule, ...]:
    return tuple((stem, reason, re.compile(pattern) if pattern else None) for reason, stem, pattern in rules)


_SHORT_RULES = _rules(
    (COMMENTS, "comment", r"\bcomments?\b|\bcommenting\b|commentaires?|\bcommenter\b"),
    (COMMENTS, "coment", r"comentarios?|\bcomentar\b"),
    (COMMENTS, "komment", r"kommentare?\b|kommentieren"),
    (COMMENTS, "коммент", None),
    (COMMENTS, "notify of", None),
    (COMMENTS, "inline feedback", None),
    (COMMENTS, "join the ", r"join the (?:conversation|discussion)"),
    (PAYWALL, "subscriber", None),
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
    (NEWSLETTER, "sign", r"\bsign ?up\b"),
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
     r"|\bcomments (?:are|have been) (?:closed|moderated|disabled)|\b(?:leave|post|add) a comment"
     r"|first to comment|(?:log|sign) in to (?:comment|reply)|view all comments|laisser un commentaire"
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
     r"already a subscriber|subscribe (?:now|today) (?:to|for)|subscribers only"
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
)


def _family(lower: str, rules: tuple[_Rule, ...]) -> str | None:
    """The block family whose rule matches the lower-cased line first, or None."""
    for stem, reason, pattern in rules:
        if stem in lower and (pattern is None or pattern.search(lower)):
            return reason
    return None


_PUBLISHED = re.compile(
    r"^\W{0,3}(?P<kind>(?:first |last )?(?:published|posted|updated|modified|created)(?: on| at)?"
    r"|publication date|date published|publicado(?: el)?|actualizado(?: el)?|publié(?: le)?|mis à jour(?: le)?"
    r"|veröffentlicht(?: am)?|aktualisiert(?: am)?|опубликовано|обновлено|дата публикации)\b",
    _I,
)
_UPDATED_KINDS = ("updated", "last updated", "modified", "actualizado", "mis à jour", "aktualisiert", "обновлено")
_BYLINE = re.compile(r"^(?:by|por|par|von|от|автор:?)\s+(?P<rest>\S.*)$", _I)
_BYLINE_CUT = re.compile(r"\s*(?:[,|·•;]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bon\b\s+\d)", _I)
_NAME_JOINERS = frozenset("and y et und и de da van von der al bin ibn la le del".split())
_DATELINE_ONLY = re.compile(r"^[^\W\d_][^.!?\n]{0,60}?\s*[-—–]{1,2}$")
_DATELINE_START = re.compile(r"^[^\W\d_][^\W\d_.'’ -]*(?:[ .,'’-]+[^\W\d_][^\W\d_.'’-]*){0,4}\.?,?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-—–]{1,2}|:)(?:\s|$)")
_DATE_RESIDUE = re.compile(
    r"(?:\b(?:am|pm|a\.m\.|p\.m\.|edt|est|cdt|cst|pdt|pst|gmt|utc|cet|cest|bst|msk|irst|et|pt)\b|[\W\d_])+", _I
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
    gap_before: bool = False
    words: int = 0
    prose: bool = False
    reason: str | None = None
    role: str | None = None  # "dateline", "published", "updated", "byline", "date", "standfirst"
    family_hint: str | None = None  # a block keyword seen on a short line, for block continuation
    dates: list[PrintedDate] = field(default_factory=list)


def _physical_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, blank_before) of every non-blank physical line, stripped; indices follow `splitlines`."""
    found: list[tuple[int, int, bool]] = []
    pos = 0
    blank = False
    for raw in text.splitlines(keepends=True):
        left = len(raw) - len(raw.lstrip(_STRIP))
        stripped_len = len(raw.strip(_STRIP))
        if stripped_len:
            found.append((pos + left, pos + left + stripped_len, blank))
            blank = False
        else:
            blank = True
        pos += len(raw)
    return found


def _ends_open(text: str) -> bool:
    """True when a physical line stops mid-sentence (a hard wrap), judged from its last characters."""
    last = text[-1]
    return last.isalnum() or last in ",-;(" and not text.endswith(" -")


def _logical_lines(text: str) -> list[_Line]:
    """Physical lines, with hard-wrapped continuations joined to the line they continue."""
    lines: list[_Line] = []
    for start, end, blank in _physical_lines(text):
        if lines and not blank:
            prev = lines[-1]
            prev_start, prev_end = prev.parts[-1]
            prev_text = text[prev_start:prev_end]
            first = text[start]
            # a wrapped line continues a long line that stopped mid-sentence, in lower case
            if prev_end - prev_start >= 40 and _ends_open(prev_text) and (
                first.islower() or prev_text[-1] in ",;(" or (prev_text[-1] == "-" and prev_text[-2:-1].isalpha())
            ):
                prev.parts.append((start, end))
                prev.text = f"{prev.text} {text[start:end]}"
                continue
        lines.append(_Line(index=len(lines), parts=[(start, end)], text=text[start:end], gap_before=blank))
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
    if words > 12:
        return False
    tokens = [t for t in _SWITCHER_SPLIT.split(text.casefold()) if t]
    if not tokens:
        return False
    if all(t in _LANGUAGE_NAMES for t in tokens):
        return True
    # bare codes "EN | ES | FR" only as a row of several, in capitals
    return len(tokens) >= 2 and all(t in _LANGUAGE_CODES for t in tokens) and text.upper() == text


def _navigation(text: str, words: int) -> bool:
    if words > 20:
        return False
    segments = [s for s in _NAV_SPLIT.split(text) if s]
    if len(segments) < 2 or any(len(s.split()) > 4 for s in segments):
        return False
    return len(segments) >= 3 or segments[0].casefold() in _NAV_HOME


def _date_only(text: str, dates: list[PrintedDate]) -> bool:
    """The line is a date (with weekday, time or zone) and nothing else."""
    if not dates:
        return False
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end:]
    return not _DATE_RESIDUE.sub("", rest).strip()


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


def _classify(line: _Line) -> None:
    """Reasons and roles that follow from the line alone, without its neighbours."""
    text = line.text
    length = len(text)
    words = line.words = len(text.split())
    line.prose = _is_prose(text, words)
    if not text.isprintable() or "\ufffd" in text:
        junk = len(_JUNK.findall(text, 0, 20_000))
        if junk and junk >= 0.1 * min(length, 20_000):
            line.reason = UNREADABLE
            return
    if not _ALNUM.search(text):
        line.reason = SEPARATOR
        return
    if length > _MAX_PATTERN_CHARS:
        # long lines are paragraphs; only a credit at their end can make them captions
        if _tail_credit(text):
            line.reason = IMAGE_CAPTION
        return
    short = not line.prose and words <= _SHORT_WORDS
    if short:
        if _language_switcher(text, words):
            line.reason = LANGUAGE_SWITCHER
            return
        if words <= 14 and _CREDIT_LINE.match(text):
            line.reason = PHOTO_CREDIT
            return
        if words <= 4 and _AGENCY_LINE.match(text):
            line.reason, line.role = PHOTO_CREDIT, "agency"
            return
        if words <= 3 and _CAPTION_LABEL.match(text):
            line.reason, line.role = IMAGE_CAPTION, "caption label"
            return
    if _tail_credit(text):
        line.reason = IMAGE_CAPTION
        return
    if words <= 25 and _RELATED_PREFIX.match(text):
        line.reason = RELATED_LINK
        return
    if short:
        if words <= 8 and _WIDGET.match(text):
            line.reason = WIDGET
            return
        if _navigation(text, words):
            line.reason = NAVIGATION
            return
    lower = text.lower()
    family = _family(lower, _SHORT_RULES if short else _PROSE_RULES)
    if family:
        line.reason = family
        return
    if not line.prose:
        # a keyword alone does not condemn a long non-prose line, but lets a block run on over it
        line.family_hint = _family(lower, _SHORT_RULES)
    if words <= 20 and _DIGIT.search(text):
        line.dates = find_printed_dates(text)
    published = _PUBLISHED.match(text) if words <= 20 else None
    if published:
        kind = "updated" if published.group("kind").lower().startswith(_UPDATED_KINDS) else "published"
        if line.dates:
            line.role = kind
            return
        if words <= 3:  # "Published" on its own line, the date on the next
            line.role = kind + " label"
            return
    if line.dates and words <= 12 and _date_only(text, line.dates):
        line.role = "date"
        return
    if not line.prose and _BYLINE.match(text):
        if _byline_author(text, words):
            line.role = "byline"
            return
    if words <= 8 and _DATELINE_ONLY.match(text) and text[0].isupper():
        line.role = "dateline"


# ---------------------------------------------------------------------------
# language


def _stopword_language(text: str) -> str | None:
    """The language whose stop words `text` uses most, if clearly ahead; None when unsure."""
    counts: Counter[str] = Counter()
    total = 0
    for word in _WORD.findall(text.lower()):
        total += 1
        for language in _STOPWORD_LANGUAGES.get(word, ()):
            counts[language] += 1
    if total < 4 or not counts:
        return None
    ranked = counts.most_common(2)
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
    for line in lines:
        _classify(line)
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

    # -- zones

    def _anchor(self, line: _Line) -> bool:
        """Prose that certainly belongs to the article: the article runs between the first and last."""
        if not line.prose or line.reason or line.role in ("date", "byline"):
            return False
        # a headline may end in "?"; a title-cased line is a headline, not a paragraph
        return not (line.words < 25 and not line.text.rstrip(_CLOSERS).endswith(".") and _title_cased(line.text))

    def _same_language(self, line: _Line) -> bool:
        """False only when the line is clearly in another language than the article."""
        if self.language is None or line.words < 4 or self.language_checks >= _MAX_LANGUAGE_CHECKS:
            return True
        self.language_checks += 1
        guess = _language(line.text[:400], fallback=line.words >= 8)
        return guess is None or guess == self.language

    # -- the passes

    def result(self) -> CleanedPage:
        lines = self.lines
        first, last = self._zones_checked()
        self._mark_duplicates(first, last)
        if first >= 0:
            self._find_title(first)
            self._header(first)
            self._footer(last)
        self._captions(first, last)
        self._blocks(first, last)
        self._repeats(first, last)
        return self._build(first, last)

    def _zones_checked(self) -> tuple[int, int]:
        """Zones, with language checked only at the edges so the common case stays cheap."""
        anchors = [line.index for line in self.lines if self._anchor(line)]
        if not anchors:
            return -1, -1
        if len(anchors) >= 3:
            middle = anchors[len(anchors) // 4: len(anchors) - len(anchors) // 4] or anchors
            sample = " ".join(self.lines[i].text[:400] for i in middle[:4])
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
        return inner[0], inner[-1]

    def _mark_duplicates(self, first: int, last: int) -> None:
        seen: set[str] = set()
        for line in self.lines:
            if line.reason or not line.prose or line.words < _SHORT_WORDS:
                continue
            if line.text in seen:
                line.reason = DUPLICATE_PARAGRAPH
            else:
                seen.add(line.text)

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
        title_key = comparison_key(chosen.text)
        low, high = len(chosen.text) // 2, len(chosen.text) * 2
        for line in self.lines:
            if line is chosen:
                continue
            if line.reason is None and low <= len(line.text) <= high and comparison_key(line.text) == title_key:
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
                self.author = self.author or _byline_author(line.text, line.words)
                if not line.dates:
                    line.reason = line.reason or BYLINE
                    continue
                line.role = "byline date"
            if line.reason:
                continue
            if line.role == "date":
                if title_at is None or line.index < title_at:
                    line.reason = PAGE_HEADER_DATE
                    self.crawl_date = self.crawl_date or next(
                        (d.date for d in line.dates if d.granularity == "day"), None
                    )
                continue
            if line.role in ("dateline", "published", "updated", "byline date"):
                continue
            if line.role == "foreign":
                line.reason = OTHER_LANGUAGE
                continue
            if self._next_to_credit(line) and line.words <= 40:
                line.reason = IMAGE_CAPTION
                continue
            if (
                (title_at is None or line.index > title_at) and line.words >= 8
                and _first_letter_upper(line.text) and not line.family_hint
            ):
                line.role = "standfirst"
                continue
            if line.words >= 6 and not self._same_language(line):
                line.reason = OTHER_LANGUAGE
            elif line.words <= 4 and _ALNUM.search(line.text) and not any(c in line.text for c in ",:;"):
                line.reason = SECTION_LABEL
            else:
                line.reason = PAGE_HEADER

    def _footer(self, last: int) -> None:
        """Below the last paragraph only dated lines stay; the rest is page footer unless a block claims it."""
        for line in self.lines[last + 1:]:
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

    def _captions(self, first: int, last: int) -> None:
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
        """A short line that recurs on the page (a label, a button) and was not otherwise explained."""
        counts = Counter(comparison_key(line.text) for line in self.lines if line.words <= 12)
        for line in self.lines:
            if line.reason is None and line.role is None and line.words <= 12 and not line.prose:
                if counts[comparison_key(line.text)] >= 2 and (first < 0 or not first < line.index < last):
                    line.reason = REPEATED_LINE

    # -- output

    def _build(self, first: int, last: int) -> CleanedPage:
        text = self.text
        body_parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        removed: list[RemovedBlock] = []
        evidence_candidates: list[tuple[int, str, tuple[int, int]]] = []
        pos = 0
        for line in self.lines:
            if line.reason:
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
                self._date_candidates(line, k, s, e, pos, first, evidence_candidates)
                pos += e - s
        body = "".join(body_parts)
        date, spans = None, ()
        if evidence_candidates:
            evidence_candidates.sort(key=lambda item: item[0])
            _, date, span = evidence_candidates[0]
            spans = (span,)
        outlet = self.outlet or outlet_from_text(
            [block.text for block in removed if block.reason not in (IMAGE_CAPTION, PHOTO_CREDIT)], title=self.title
        )
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

    def _date_candidates(
        self, line: _Line, part: int, start: int, end: int, body_pos: int, first: int,
        found: list[tuple[int, str, tuple[int, int]]],
    ) -> None:
        """Dates the page states as the article's own, ranked: published, dateline, dated byline, updated."""
        rank = {"published": 0, "dateline": 1, "byline date": 2, "date": 2, "updated": 3}.get(line.role or "")
        if line.index == first and part == 0 and rank is None:
            rank = 1  # a dateline opening the first paragraph: "LONDON, July 12, 2022 (Reuters) -"
        if rank is None or (line.role == "date" and (first < 0 or line.index > first)):
            return
        piece = self.text[start:end]
        if line.index == first and line.role is None:
            dates = [d for d in find_printed_dates(piece[:120]) if _opens_dateline(piece, d)]
        else:
            dates = find_printed_dates(piece)
        for d in dates:
            if d.granularity == "day":
                found.append((rank, d.date, (body_pos + d.start, body_pos + d.end)))
                return


def _opens_dateline(paragraph: str, printed: PrintedDate) -> bool:
    """The date sits in a dateline: a place name before it (or nothing) and a dash right after."""
    before = paragraph[: printed.start]
    after = paragraph[printed.end: printed.end + 60]
    return (not before.strip() or bool(_DATELINE_START.match(before))) and bool(_DATELINE_AFTER.match(after))


def _first_letter_upper(text: str) -> bool:
    for ch in text[:20]:
        if ch.isalpha():
            return ch.isupper()
    return False
