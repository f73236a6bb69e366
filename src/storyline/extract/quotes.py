"""Quotations and reported speech in one article, with their speakers.

Three passes over the parsed article:

1. `find_quoted_spans` reads the quotation marks (curly, straight, guillemets),
   joins a quotation that runs over paragraphs, and notes unbalanced marks.
2. Each quoted span gets its attribution from the parse: a speech verb and its
   subject after the closing mark (`"...," he said`), before the opening mark
   (`X said: "..."`, `according to X, "..."`), or governing it (`called for
   "long-term cooperation"`). `"A," he said. "B."` becomes one statement; an
   unattributed paragraph that continues the previous speaker's quotation is
   theirs. A verb of its own between two quoted pieces (`"A," she said, adding
   later, "B"`) or a new sentence (`she said. He called it "B"`) keeps them apart.
   Quoted words with no speaker are scare quotes or titles and are dropped.
3. Reported speech: a speech verb with a clausal complement (`X said (that) ...`,
   `X told reporters ...`), a verb of stance with its object (`X defended the plan`,
   `X sees the plan as ...`) or with a preposition (`X called for a moratorium`), a
   passive with its agent (`the plan was endorsed by X`), a noun of saying with its
   owner (`X's claim that ...`, `her call for ...`), `The plan, X said, ...`,
   `according to X, ...` and a headline `X: ...`. This follows PolNeAR, which counts
   stated positions as well as speech. A quotation and the reported speech around it
   are one statement, as are quoted words inside reported speech (`kind: "partial"`
   when the statement carries them). Reported speech inside another statement's
   content (`the poll found that 74 percent said ...`) is the outer speaker's
   report, not a statement of its own.

Speakers are then resolved within the article: pronouns and role nouns ("the
spokesman") to the named person they refer to, surnames to full names; titles
become roles; organisations and anonymous sources are kept as written.

The parse is read without tagger and lemmatizer (they would cost an eighth of the
parse): verb and noun forms come from the word lists below, parts of speech from
the dependency labels. With a pipeline that has them, their output is used.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Article, Quote, Speaker, Warning
from .reported import learned_statements

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs (lemmas) that introduce speech or a stated position.
SPEECH_VERBS = frozenset("""
say tell add note stress emphasize emphasise claim deny announce insist warn argue explain report
acknowledge confirm suggest reiterate indicate state write tweet post declare assert maintain
contend predict estimate conclude admit reveal mention allege testify concede observe remark
reply respond answer counter caution complain boast recall ask urge promise pledge vow vowed
repeat agree disclose affirm charge lament quip joke retort assure inform brief signal remind
""".split())
# Verbs that take a quoted phrase as what the subject said or called for.
PARTIAL_VERBS = SPEECH_VERBS | frozenset("""
call describe dub label term brand praise criticize criticise condemn denounce accuse blame
dismiss slam blast hail welcome decry characterize characterise refer cite
""".split())
# Verbs whose complement is a position rather than speech; used for reported speech only.
BELIEF_VERBS = frozenset("""
believe think hope fear expect want doubt feel worry know understand realize realise recognize recognise
remember assume suspect trust guess decide rule determine bet reckon wish envision anticipate intend
imply speculate learn
""".split())
# Verbs of stating a position whose object is what was said (`Trump defended his tweets`,
# `the poll found ...`): reported speech even without a clause.
STANCE_VERBS = frozenset("""
defend mock endorse support oppose attack tout discuss address question highlight dismiss reject push
request demand propose recommend threaten show find reveal criticize criticise praise blame accuse
call urge ask cite describe tweet dub label slam blast condemn denounce decry hail welcome
refuse decline express plan seek back thank congratulate favor favour prefer pledge apologize offer
encourage
""".split())
# What a speaker offers that is a statement (`offered no proof`, `offered his assessment`), unlike
# `offered military backing`.
OFFERED_WORDS = frozenset('''
advice proof evidence assessment thought insight congratulation condolence explanation detail response
opinion view praise criticism apology assurance reassurance comment word defense defence analysis prediction
forecast testimony tip suggestion reason clue evaluation review guide take critique argument rebuttal excuse
justification answer account reminder warning message theory vision plea endorsement support
'''.split())
# More verbs of stating a position with an object (`echoed the warning`, `assailed the plan`), for
# reported speech only: as attributions of quotations they are untested.
POSITION_VERBS = frozenset("""
echo liken compare bemoan applaud chastise rebuke scold lambaste assail castigate ridicule deride fault
commend laud embrace champion advocate promote outline detail unveil dispute rebut refute contradict
downplay predict vow reference
""".split())

# Verbs of a view that is a stated position only with "as" (`sees the program as a way to ...`).
AS_VERBS = frozenset("see view regard consider portray depict cast paint treat frame identify".split())

# Verbs that attribute a quotation next to them (`"...," he mocks`, `Continued Stone: "..."`),
# though alone they do not make reported speech.
QUOTING_VERBS = PARTIAL_VERBS | STANCE_VERBS | frozenset("""
continue imagine recount exclaim shout scream yell whisper sigh laugh muse chime interject interrupt
offer read sing chant begin put summarize summarise
""".split())
# Verbs whose `to` clause is the subject's own act (`appeared to suggest`, `went on to note`).
CARRYING_VERBS = frozenset("seem appear try attempt go continue begin start proceed".split())
# Adjectives of a view held, with the clause that states it (`is confident that ...`).
BELIEF_ADJECTIVES = frozenset("confident convinced hopeful optimistic".split())
BE_FORMS = frozenset("be is are was were been being am remain remains remained 's ’s".split())
# Verbs whose stated position is the object of a preposition (`called for a moratorium`,
# `warned of a shutdown`, `referring to the two resorts`): the verb and the prepositions it takes.
PREPOSITION_VERBS = {
    "call": "for", "ask": "for about", "argue": "for against", "warn": "of about against",
    "complain": "about of", "apologize": "for", "apologise": "for", "talk": "about of", "speak": "about of",
    "refer": "to", "point": "to", "comment": "on", "insist": "on", "vote": "for against",
    "advocate": "for", "lobby": "for against", "campaign": "for against", "rail": "against", "agree": "with on",
    "testify": "about on", "boast": "about of", "joke": "about", "hint": "at", "write": "about", "tweet": "about",
    "worry": "about", "hope": "for", "plead": "for", "express": "for", "disagree": "with on",
}
VERBS = SPEECH_VERBS | PARTIAL_VERBS | BELIEF_VERBS | STANCE_VERBS | QUOTING_VERBS | POSITION_VERBS | AS_VERBS \
    | frozenset(PREPOSITION_VERBS)
# Past forms of the irregular verbs the rules look for, and irregular plurals of their nouns.
IRREGULAR_PAST = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "found": "find", "shown": "show", "sought": "seek", "made": "make", "gave": "give", "given": "give",
    "spoke": "speak", "spoken": "speak", "knew": "know", "known": "know", "felt": "feel", "meant": "mean",
    "went": "go", "gone": "go",
}
IRREGULAR = {
    **IRREGULAR_PAST, "says": "say",
    "people": "people", "men": "man", "women": "woman", "spokesmen": "spokesman", "spokeswomen": "spokeswoman",
}
# Dependency labels a verb can carry (the parse is read without the tagger).
VERB_DEPS = frozenset("ROOT ccomp xcomp advcl conj relcl acl pcomp csubj parataxis dep".split())
NOUN_DEPS = frozenset("nsubj nsubjpass dobj pobj appos conj attr ROOT compound".split())


def _forms(lemma: str) -> list[str]:
    """Inflected forms of a regular English verb or noun."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou")
    sibilant = lemma.endswith(("s", "sh", "ch", "x", "z"))
    third = lemma[:-1] + "ies" if consonant_y else lemma + ("es" if sibilant else "s")
    past = lemma[:-1] + "ied" if consonant_y else stem + "ed"
    doubled = lemma + lemma[-1] + "ed" if re.fullmatch(r".*[^aeiou][aeiou][bdgmnprt]", lemma) else past
    return [lemma, third, past, doubled, stem + "ing", lemma + lemma[-1] + "ing"]


ANONYMOUS_HEADS = frozenset("""
official officials source sources diplomat diplomats person people aide aides officer officers
analyst analysts expert experts insider insiders observer observers witness witnesses resident
residents spokesperson representative representatives member members staffer staffers
""".split())
ORG_HEADS = frozenset("""
ministry ministries government office department agency kremlin house council committee
administration company firm campaign party embassy pentagon army military police court
commission authority authorities inspectorate service services group newspaper agency
organization organisation union bank network station institute
""".split())
ROLE_WORDS = frozenset("""
spokesman spokeswoman spokesperson minister adviser advisor secretary president director
chairman chairwoman chair official ambassador envoy senator governor mayor representative
chief head leader commander general colonel officer analyst expert researcher professor
prime deputy foreign press lawmaker congressman congresswoman candidate manager
""".split())
# Words for some members of a group (`one of the doctors`, `most of the fishers`).
PART_WORDS = frozenset("one some many several most all each both few none either neither".split())
# Role words that head no person (`the press`).
NOT_PEOPLE_ROLES = frozenset({"press", "foreign", "prime"})
# Common nouns for people (besides `ANONYMOUS_HEADS` and `ROLE_WORDS`): an unnamed speaker
# with one of these heads is an anonymous source; with another head ("the study", "the
# deal", "Russia's plan") the statement is a thing's, not a person's.
PEOPLE_NOUNS = frozenset("""
voter supporter critic opponent legislator politician activist protester protestor campaigner advocate
worker employee resident citizen student teacher doctor physician nurse lawyer attorney judge prosecutor
investigator detective agent soldier troop fighter rebel militant veteran scientist scholar academic
journalist reporter editor writer author commentator pundit host anchor moderator announcer narrator
caller reader viewer listener customer consumer taxpayer donor investor banker executive founder owner
partner farmer parent mother father wife husband son daughter brother sister child children family
friend neighbor neighbour man men woman women lady gentleman guy someone somebody anyone anybody everyone
everybody nobody others majority minority percent half dozen hundreds thousands millions audience crowd
public staff team jury panel operative surrogate consultant strategist pollster ally allies rival
victim survivor eyewitness republican democrat conservative liberal progressive xenophobe mogul successor
predecessor specialist administrator regulator
""".split())
PEOPLE_SUFFIXES = ("ist", "ian", "eer")
# Nouns of saying and of a stated position whose clause or object is what was said
# (`Trump's claim that ...`, `a Times report that ...`, `her call for ...`).
STATEMENT_NOUNS = frozenset("""
claim report statement allegation accusation assertion promise pledge warning argument suggestion charge
belief view demand proposal announcement insistence contention prediction admission denial threat vow call
criticism complaint concern fear hope comment remark plea appeal offer refusal
""".split())
# Statement nouns whose prepositional object is the position taken (`his call for a moratorium`).
NOUN_PREPOSITIONS = {
    "call": "for", "demand": "for", "plea": "for", "appeal": "for", "claim": "of about", "warning": "of about against",
    "promise": "of", "pledge": "of",
}
# Every form of the verbs and nouns above, to its lemma.
FORMS = {form: lemma for lemma in sorted(VERBS | STATEMENT_NOUNS | ANONYMOUS_HEADS | ORG_HEADS | ROLE_WORDS
                                         | CARRYING_VERBS)
         for form in _forms(lemma)}
FORMS.update(IRREGULAR)
PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
OBJECT_PRONOUNS = frozenset({"me", "us", "him", "them"})
# Subjects that never name a speaker.
NOT_SPEAKERS = frozenset({"it", "this", "that", "which", "there", "what", "these", "those"})
RELATIVE_WORDS = frozenset({"which", "that", "what", "who", "whom", "whose"})
HONORIFICS = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Sir|Dame)\.?\s+")

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
# A quotation of fewer words with no speech verb near it is a scare quote or a title.
MIN_UNATTRIBUTED_WORDS = 6
# A speech verb this many tokens after a closing mark still attributes the quotation.
AFTER_WINDOW = 25


@dataclass(slots=True)
class QuotedSpan:
    """A quotation found by its marks: content pieces (without the marks)."""

    pieces: list[tuple[int, int]]
    opened: int  # offset of the first opening mark
    closed: int  # offset just after the last closing mark (line end when unbalanced)
    balanced: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


# `"WALLACE: Let's start ...`: a speaker's name in capitals opening a transcript turn.
TRANSCRIPT_SPEAKER = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s+")
MARK = re.compile(r"''|``|[“”\"«»„‟]")
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))‘(?=\S)")
SINGLE_CLOSE = re.compile(r"(?<=\S)’(?![\w])")


def find_quoted_spans(text: str) -> tuple[list[QuotedSpan], list[str]]:
    """Quotations marked in `text`, and notes about marks that do not pair up.

    Marks are read by their context, not only their shape, because scraped text mixes
    them up: a mark after a space and before a word opens, one after a word closes.
    A paragraph that ends inside a quotation continues it when the next paragraph
    opens with a mark (the news convention for multi-paragraph quotations). Curly marks
    inside a quotation opened by a straight one are a quotation within it (`"... as “The
    Journal” wrote ..."`), not a new opening.
    """
    spans: list[QuotedSpan] = []
    notes: list[str] = []
    carried: QuotedSpan | None = None  # open across a paragraph break
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        carried = _scan_line(text, line_start, line_start + len(line), carried, spans, notes)
    if carried is not None:
        _unbalanced(carried, spans, notes)
    spans.sort(key=lambda span: span.opened)
    return spans, notes


def _unbalanced(span: QuotedSpan, spans: list[QuotedSpan], notes: list[str]) -> None:
    span.balanced = False
    spans.append(span)
    notes.append(f"unbalanced quotation mark at offset {span.opened}: the quotation runs to the paragraph end")


def _opens(text: str, start: int, end: int, i: int, width: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _scan_line(
    text: str, start: int, end: int, carried: QuotedSpan | None, spans: list[QuotedSpan], notes: list[str]
) -> QuotedSpan | None:
    """Pair the double marks of one paragraph; return a quotation still open at its end."""
    marks = [(m.start(), m.end() - m.start()) for m in MARK.finditer(text, start, end)]
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    span: QuotedSpan | None = None
    open_at: int | None = None
    if carried is not None:
        if marks and marks[0][0] == first and TRANSCRIPT_SPEAKER.match(text, first + marks[0][1], end):
            spans.append(carried)  # a transcript: each speaker's turn opens a mark it never closes
            open_at = first + marks[0][1]
            marks = marks[1:]
        elif marks and marks[0][0] == first:  # the quotation goes on in this paragraph
            span, open_at = carried, first + marks[0][1]
            marks = marks[1:]
        else:
            _unbalanced(carried, spans, notes)
    nested_until = -1
    for n, (i, width) in enumerate(marks):
        if i < nested_until:
            continue
        if open_at is None:
            if _opens(text, start, end, i, width):
                open_at, span = i + width, None
            else:
                notes.append(f"closing quotation mark with no opening one at offset {i}")
            continue
        if _opens(text, start, end, i, width) and text[i] in "“«„`" and i > open_at and text[open_at - 1] == '"':
            closer = next((j for j, _ in marks[n + 1:] if text[j] in "”»"), None)
            if closer is not None:  # `"... as “The Journal” wrote ..."`: curly marks nested in straight ones
                nested_until = closer + 1
                continue
        if _opens(text, start, end, i, width) and text[i] in "“«„`" and i > open_at:
            notes.append(f"quotation mark opened at offset {open_at - 1} opened again at offset {i}")
            open_at = i + width
            continue
        if open_at < i:
            if span is None:
                span = QuotedSpan([(open_at, i)], opened=open_at - width, closed=i + width)
            else:
                span.pieces.append((open_at, i))
                span.closed = i + width
            spans.append(span)
        span, open_at = None, None
    if open_at is not None and open_at < end:
        piece = (open_at, _rstrip(text, open_at, end))
        if span is None:
            span = QuotedSpan([piece], opened=open_at - 1, closed=end)
        else:
            span.pieces.append(piece)
            span.closed = end
        return span
    if not marks and carried is None:
        spans.extend(_single_quoted(text, start, end))
    return None


def _single_quoted(text: str, start: int, end: int) -> list[QuotedSpan]:
    """‘Quotations in single marks’ in a paragraph with no double ones (headline style)."""
    found = []
    for opening in SINGLE_OPEN.finditer(text, start, end):
        closing = SINGLE_CLOSE.search(text, opening.end(), end)
        if closing is None:
            continue
        inner = text[opening.end():closing.start()]
        if "‘" not in inner and 0 < len(inner.split()) <= 40:
            found.append(QuotedSpan([(opening.end(), closing.start())], opened=opening.start(), closed=closing.end()))
    return found


# A conjunction left at the end of a content whose second half the parse gave to another verb.
DANGLING = re.compile(r"[\s,;]+(?:and|but|or)\s*$")


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# --- attribution -------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """A statement before ids and speaker resolution."""

    pieces: list[tuple[int, int]]
    kind: str
    cue: Token | None = None
    cue_text: str | None = None
    subject: Span | None = None  # the speaker as the text names it here
    stands_for: Span | None = None  # what the subject `it` refers to (`The city ... It says`)
    inherited: _Found | None = None  # continues this earlier statement's speaker
    orphan: bool = False  # no attribution of its own: the previous statement's speaker, if close
    nominal: bool = False  # cued by a noun (`her call for ...`): the article's own report of it
    speaker: Speaker = field(default_factory=Speaker)


def extract_quotes(
    article: Article, doc: Doc, *, learned: bool = False, scorer: str = "linear"
) -> tuple[tuple[Quote, ...], tuple[Warning, ...]]:
    """Every quotation in `article` (parsed as `doc`), and warnings about odd quoting. With
    `learned`, reported speech the rules missed is added from a learned scorer: `scorer`
    "linear" (`reported.py`) or "transformer" (`reported_transformer.py`)."""
    body = article.body
    spans, notes = find_quoted_spans(body)
    warnings = [Warning(article.source, f"quotes: {note}", "extract", article.id) for note in notes[:5]]
    if len(notes) > 5:
        warnings.append(Warning(article.source, f"quotes: {len(notes) - 5} more quotation-mark problems",
                                "extract", article.id))
    statements = _attribute(doc, body, spans)
    direct = [s for s in statements if s.kind == "direct"]
    # A speech verb inside quotation marks is part of the quoted words, not an attribution.
    reported = _reported_speech(doc, body, _covered(span.pieces for span in spans))
    direct, reported = _one_statement_each(direct, reported)
    partial = _absorb_partials(doc, body, [s for s in statements if s.kind == "partial"], reported)
    quoted = _offset_mask(len(body), _covered(span.pieces for span in spans))
    for statement in reported:
        statement.kind = "partial" if _quoted_share(body, statement.pieces, quoted) >= 0.5 else "indirect"
    statements = _outermost(_distinct(sorted(direct + partial + reported, key=lambda s: s.pieces[0])),
                            {id(s) for s in reported})
    kept = {id(s) for s in statements}
    for statement in statements:  # one that went on from a quotation now merged into another statement
        if statement.inherited is not None and id(statement.inherited) not in kept:
            statement.inherited, statement.orphan = None, True
    _adopt_orphans(body, statements)
    if learned:
        statements = _with_learned(doc, body, statements, quoted, scorer)
    _resolve_speakers(article, doc, statements)
    quotes = []
    unattributed = 0
    for number, found in enumerate(statements, 1):
        pieces = [(s, e) for s, e in (_trim(body, *p) for p in found.pieces) if e > s]
        if found.kind != "direct":
            pieces = [_balanced(body, s, e) for s, e in pieces]
        if not pieces:
            continue
        if found.speaker.name is None and found.speaker.mention is None:
            unattributed += 1
        parts = tuple(article.mention(s, e) for s, e in pieces)
        quotes.append(Quote(
            id=f"{article.id}#q{number}", article=article.id, start=pieces[0][0], end=pieces[-1][1],
            text=" ".join(p.text for p in parts), kind=found.kind, speaker=found.speaker,
            cue=found.cue_text, parts=parts if len(parts) > 1 else (),
            cue_mention=article.mention(found.cue.idx, found.cue.idx + len(found.cue)) if found.cue else None,
        ))
    if unattributed:
        warnings.append(Warning(article.source, f"quotes: {unattributed} quotation(s) with no identifiable speaker",
                                "extract", article.id))
    if any(q.end - q.start > 0.9 * len(body.strip()) and len(body) > 200 for q in quotes):
        warnings.append(Warning(article.source, "quotes: a quotation spans the whole article", "extract", article.id))
    return tuple(quotes), tuple(warnings)


def _with_learned(doc: Doc, body: str, statements: list[_Found], quoted: bytearray,
                  scorer: str = "linear") -> list[_Found]:
    """`statements` with the reported speech the learned `scorer` finds where they leave room
    (`quoted`: the `_offset_mask` of the quoted pieces)."""
    taken = [piece for statement in statements for piece in statement.pieces]
    added = []
    for cue, span in learned_statements(doc, taken, scorer=scorer, lemma=_lemma, known=VERBS,
                                        quoted=lambda offset: bool(quoted[offset]),
                                        quoted_share=lambda content: _quoted_share(body, [content], quoted)):
        if "\n" not in body[span[0]:span[1]]:  # a content across a line break is a parse run over a heading
            added.append(_Found(pieces=[span], kind="indirect", cue=cue, cue_text=_cue_text(cue),
                                subject=_subject(cue, outside=span)))
    return sorted(statements + added, key=lambda s: s.pieces[0]) if added else statements


def _distinct(statements: list[_Found]) -> list[_Found]:
    """One statement per content: several quoted fragments of one sentence may each have
    been widened to the same clause of their verb."""
    seen: set[tuple[tuple[int, int], ...]] = set()
    kept = []
    for statement in statements:
        key = tuple(statement.pieces)
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def _outermost(statements: list[_Found], reported: set[int]) -> list[_Found]:
    """Drop reported speech that another statement reports: in `the poll found that 74 percent
    said he should release his returns` or `Obama said he planned to stay active`, the inner
    attribution, cue and content, is part of what the outer speaker stated, not a statement the
    article makes. Quotations are kept: they are the speaker's own words wherever they stand; so
    is what `according to X` wraps (`according to Fars, Kanani claims that ...`): X is where the
    article had it from, the inner speaker the one who stated it; and a statement cued by a noun
    (`the council rejected Renko's call for an inquiry`), which the article reports itself.
    `reported` holds the ids of the statements found as reported speech: one mostly in quotation
    marks is dropped too when it is the outer speaker's (`he would consider it a "personal
    insult"`), and kept when it is someone else's (`Renko said Bellin had called it "a waste"`)."""
    reporting = [s for s in statements if s.kind != "direct" and s.cue is not None and s.cue.lower_ != "according"]
    extents = [(outer, *_extent(outer.pieces)) for outer in reporting]

    def within(inner: _Found, outer: _Found) -> bool:
        def inside(start: int, end: int) -> bool:
            return any(s <= start and end <= e for s, e in outer.pieces)
        return inner.cue is not None and inside(inner.cue.idx, inner.cue.idx + len(inner.cue)) \
            and all(inside(s, e) for s, e in inner.pieces)

    kept = []
    for s in statements:
        if s.nominal or s.cue is None:
            kept.append(s)
            continue
        cue_start, cue_end = s.cue.idx, s.cue.idx + len(s.cue)
        # only a statement whose pieces reach over the cue can hold it (few do)
        around = [o for o, start, end in extents if start <= cue_start and cue_end <= end]
        if not any(o is not s and within(s, o) and (s.kind == "indirect" or id(s) in reported and _same_speaker(s, o))
                   for o in around):
            kept.append(s)
    return kept


def _same_speaker(inner: _Found, outer: _Found) -> bool:
    """Whether a statement inside another is by its speaker, as far as the parse tells: no
    subject of its own, a pronoun, or the same word for one (`he would consider it a "personal
    insult"` inside what the president told them; not `Bellin had called it "a waste"`)."""
    if inner.subject is None or outer.subject is None:
        return True
    head = inner.subject.root.lower_
    return head in PRONOUNS | PLURAL_PRONOUNS | {"i", "we", "it"} or head == outer.subject.root.lower_


def _attribute(doc: Doc, body: str, spans: Sequence[QuotedSpan]) -> list[_Found]:
    """Attribute each quoted span; join split quotations; drop scare quotes and titles."""
    found: list[_Found] = []
    previous: _Found | None = None
    previous_span: QuotedSpan | None = None
    quoted = [piece for span in spans for piece in span.pieces]
    for span in spans:
        cue, subject, cue_text = _signed(doc, body, span)
        if cue is None:
            cue, subject, cue_text = _attribution_after(doc, body, span)
        if cue is None and previous is not None and previous_span is not None \
                and _split_by_attribution(doc, body, previous, previous_span, span):
            previous.pieces.extend(span.pieces)  # "A," he said. "B."
            previous_span = span
            continue
        kind = _direct_or_partial(doc, body, span)
        statement = _Found(pieces=list(span.pieces), kind=kind)
        if cue is None:
            cue, subject, cue_text, statement.pieces = _transcript_speaker(doc, body, span)
        if cue is None:
            cue, subject, cue_text = _attribution_before(doc, body, span, partial=kind == "partial")
        if cue is None and kind == "direct":
            cue, subject, cue_text = _introduced_by_colon(doc, body, span)
        if cue is None and kind == "direct":
            cue, subject, cue_text = _labelled(doc, body, span)
        if cue is None and kind == "partial":
            cue, subject, cue_text = _governing_verb(doc, span)
        statement.cue, statement.subject, statement.cue_text = cue, subject, cue_text
        statement.stands_for = _it_antecedent(subject, quoted, aside=True)
        if cue is None and kind == "direct" and previous is not None and previous_span is not None \
                and _continues(body, previous_span, span):
            between = body[previous_span.closed:span.opened]
            if previous.kind == "direct" and len(between.split()) <= 30 \
                    and not _another_verb(doc, previous, previous_span, span):
                previous.pieces.extend(span.pieces)  # the same speaker goes on: `"A," he said.` / `"B."`
                previous_span = span
                continue
            statement.inherited = previous
        if cue is None and statement.inherited is None:
            if kind == "partial" or _words(body, span) < MIN_UNATTRIBUTED_WORDS:
                continue  # scare quotes, coinages
            statement.orphan = True
        if _is_title(body, span):
            continue
        found.append(statement)
        previous, previous_span = statement, span
    return found


# `"..." ― Sonya Herridge`: a quotation signed with a dash and a name.
SIGNATURE = re.compile(r"[^\S\n]*([―—–-])[^\S\n]*([A-Z][\w.'’-]+(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})")


def _signed(doc: Doc, body: str, span: QuotedSpan) -> tuple[Token | None, Span | None, str | None]:
    found = SIGNATURE.match(body, span.closed)
    if found is None:
        return None, None, None
    end = found.end(2) - 1 if found.group(2).endswith(".") else found.end(2)  # "― Carla Sanchez."
    name = doc.char_span(found.start(2), end, alignment_mode="expand")
    dash = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    if name is None or dash is None or not len(name):
        return None, None, None
    return dash[0], name, found.group(1)


# `... IN OTHER STATES - Michael P. McDonald: "..."`: a name and a colon right before a
# quotation, after a dash or at the start of its line, label whose words it is.
LABEL = re.compile(r"(?:^|\s[-–—―]\s)[^\S\n]*((?:[A-Z][\w.'’-]*[^\S\n]+){0,3}[A-Z][\w.'’-]*):[^\S\n]*$", re.M)


def _labelled(doc: Doc, body: str, span: QuotedSpan) -> tuple[Token | None, Span | None, str | None]:
    """The speaker a `LABEL` names: a person or organisation the recogniser knows, or after a
    dash two or more capitalised words."""
    found = LABEL.search(body, _line_start(body, span.opened), span.opened)
    name = doc.char_span(found.start(1), found.end(1), alignment_mode="expand") if found else None
    after_dash = found is not None and body[found.start():found.start(1)].strip() in ("-", "–", "—", "―")
    if name is None or not (any(t.ent_type_ in ("PERSON", "ORG") for t in name)
                            or after_dash and len(name) > 1 and all(t.is_title for t in name)):
        return None, None, None
    return name[-1], name, ":"


def _transcript_speaker(
    doc: Doc, body: str, span: QuotedSpan
) -> tuple[Token | None, Span | None, str | None, list[tuple[int, int]]]:
    """`"WALLACE: Let's start with ..."`: a transcript line names its speaker in capitals."""
    start, end = span.pieces[0]
    found = TRANSCRIPT_SPEAKER.match(body, start, end)
    name = doc.char_span(found.start(1), found.end(1), alignment_mode="expand") if found else None
    if found is None or name is None:
        return None, None, None, list(span.pieces)
    return name[-1], name, ":", [(found.end(), end), *span.pieces[1:]]


def _split_by_attribution(doc: Doc, body: str, previous: _Found, previous_span: QuotedSpan, span: QuotedSpan) -> bool:
    """`"A," he said. "B."` or `"A," he said, "B"`: the attribution sits between two quoted pieces.

    Only the attribution: a second verb between them (`"A," Trump said, adding later, "B"`,
    `"A," she sings before asking, "B"`) introduces a statement of its own.
    """
    cue = previous.cue
    if cue is None or not previous_span.closed <= cue.idx < span.opened or previous.subject is None:
        return False
    between = body[previous_span.closed:span.opened]
    if "\n" in between or len(between.split()) > 30:
        return False
    return not _another_verb(doc, previous, previous_span, span)


OWN_CONTENT = frozenset("dobj ccomp xcomp prep attr".split())  # a verb's own object: it is not the quote's cue
NESTING = frozenset("relcl acl appos advcl conj xcomp ccomp pcomp".split())  # a verb inside these is not the cue


def _another_verb(doc: Doc, previous: _Found, previous_span: QuotedSpan, span: QuotedSpan) -> bool:
    """A verb of its own between two quoted pieces, whose content is the second one (`adding
    later`, `before asking her`), or a sentence of its own (`Obama said. He called Burma a
    "..."`); not a clause that describes the speaker (`said Tim Hess, who introduced him to
    bankers`) or the attribution (`referring to the 1 percent`)."""
    tokens = doc.char_span(previous_span.closed, span.opened, alignment_mode="contract") or ()
    cue = previous.cue.i if previous.cue is not None else -1

    def introduces(t: Token) -> bool:
        if t.i == cue or not t.is_alpha:
            return False
        if t.dep_ == "ROOT":
            return _is_verb(t) or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        return t.dep_ in ("advcl", "conj", "xcomp", "ccomp", "pcomp") \
            and not any(a.dep_ in NESTING for a in t.ancestors if a.i != cue) \
            and not any(c.dep_ in OWN_CONTENT and c.lower_ not in PRONOUNS and c.idx < span.opened
                        for c in t.children)

    return any(introduces(t) for t in tokens)


TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by as is it its vs".split())
# Words after which a quoted Title Case phrase is a name (`on "Face the Nation,"`), whatever stop ends it.
TITLE_BEFORE = frozenset("""
on in of at from to about for by the a an his her their its called titled named dubbed""".split())


def _is_title(body: str, span: QuotedSpan) -> bool:
    """Title Case Words With No Sentence Punctuation: a book, show or song, not speech. After
    a preposition or article the comma or full stop American style puts inside the marks
    ends no sentence (`told “Fox News Sunday,” that ...`)."""
    text = " ".join(body[s:e] for s, e in span.pieces)
    before = body[max(0, span.opened - 12):span.opened].split()
    if before and (before[-1].lower() in TITLE_BEFORE or before[-1].endswith(("'s", "’s"))):
        text = text.rstrip().rstrip(",.")
    return _title_text(text)


def _title_text(text: str) -> bool:
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in TITLE_SMALL_WORDS]
    if len(words) < 2 or re.search(r"[.!?,;]\s*$", text.strip()) or re.search(r"[.!?]\s", text):
        return False
    return sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) >= 0.8 * len(words)


def _one_statement_each(direct: list[_Found], reported: list[_Found]) -> tuple[list[_Found], list[_Found]]:
    """A quotation and the reported speech around it are one statement: the quotation when
    it is most of the clause (`He said: "..."`), else the clause holding it (`Clinton says
    she hopes to win, but she knows that "LeBron will always be the king."`)."""
    dropped_direct: set[int] = set()
    dropped_reported: set[int] = set()
    quote_sizes = [sum(e - s for s, e in quote.pieces) for quote in direct]
    quote_extents = [_extent(quote.pieces) for quote in direct]
    for r, host in enumerate(reported):
        host_size = sum(e - s for s, e in host.pieces)
        host_start, host_end = _extent(host.pieces)
        for d, quote in enumerate(direct):
            quote_size = quote_sizes[d]
            quote_start, quote_end = quote_extents[d]
            # pieces of two statements apart share nothing (most pairs): no need to add up their overlaps
            shared = sum(_overlap(piece, host.pieces) for piece in quote.pieces) \
                if quote_start < host_end and host_start < quote_end else 0
            if shared >= 0.8 * host_size or (shared >= 0.8 * quote_size and quote_size >= 0.6 * host_size):
                dropped_reported.add(r)
            elif shared >= 0.8 * quote_size:
                dropped_direct.add(d)
    return ([q for d, q in enumerate(direct) if d not in dropped_direct],
            [h for r, h in enumerate(reported) if r not in dropped_reported])


# What may lie between reported speech and a quotation that carries it on: `he is “a con”
# and “a fraud”`, `a problem” but “nobody ...`, or nothing (the quotation starts inside it).
LINKING_GAP = re.compile(r"[\s“”\"‘’'«»,]*(?:(?:and|but|or)[\s“”\"‘’'«»]*)?")


def _absorb_partials(doc: Doc, body: str, partials: list[_Found], reported: list[_Found]) -> list[_Found]:
    """Quoted words inside reported speech belong to it (`X said the plan was "a con"` is one
    statement); others take the rest of their verb's clause (`called for "cooperation" with Russia`)."""
    kept = []
    for statement in partials:
        start, end = statement.pieces[0][0], statement.pieces[-1][1]
        if any(_overlap((start, end), r.pieces) >= 0.8 * (end - start) for r in reported):
            continue  # inside reported speech (give or take its closing punctuation)
        host = next((r for r in reported if r.pieces[-1][0] <= start and r.pieces[-1][1] < end
                     and (start <= r.pieces[-1][1] or LINKING_GAP.fullmatch(body, r.pieces[-1][1], start))), None)
        if host is not None:  # the clause reads on into the quotation: `called Burma a "story in an era when ..."`
            host.pieces[-1] = (host.pieces[-1][0], end)
            continue
        cue = statement.cue
        if cue is not None and cue.lower_ != "according":
            tokens = [t for child in cue.rights if child.dep_ not in ("punct", "cc", "conj", "advcl", "mark")
                      and child.sent == cue.sent for t in child.subtree]
            if tokens:
                first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
                s, e = _clip_to_paragraph(body, first.idx, last.idx + len(last), cue.idx)
                core_end = len(body[:end].rstrip(".,;:!?"))  # the quotation may hold the sentence's stop
                if s <= start and core_end <= e:
                    statement.pieces = [(s, max(e, end))]
                elif cue.idx < start and cue.sent == doc[cue.i].sent and _is_speech_verb(cue):
                    statement.pieces = [_rest_of_sentence(body, cue, end)]  # `X said Tuesday he's "..."`
        kept.append(statement)
    return kept


def _rest_of_sentence(body: str, cue: Token, quote_end: int) -> tuple[int, int]:
    """What follows a speech verb to the end of its sentence (past a leading `that`)."""
    following = [t for t in cue.sent if t.i > cue.i and not t.is_punct]
    if following and following[0].lower_ == "that":
        following = following[1:]
    start = following[0].idx if following else cue.idx + len(cue)
    end = max(quote_end, cue.sent.end_char)
    return _trim(body, *_clip_to_paragraph(body, start, end, cue.idx))


WORD = re.compile(r"\w+")


def _quoted_share(body: str, pieces: list[tuple[int, int]], quoted: bytearray) -> float:
    """The share of a statement's words that are inside quotation marks (`quoted`: the
    `_offset_mask` of the quoted pieces)."""
    offsets = [match.start() for s, e in pieces for match in WORD.finditer(body, s, e)]
    return sum(1 for o in offsets if quoted[o]) / len(offsets) if offsets else 0.0


def _adopt_orphans(body: str, statements: Sequence[_Found]) -> None:
    """A quotation opening a paragraph with no attribution continues the statement just
    before it (`Fallowes said the cooperative backed the ban.` / `"Forty-one boats ..."`)."""
    for n, statement in enumerate(statements):
        if not statement.orphan or n == 0:
            continue
        previous = statements[n - 1]
        between = body[previous.pieces[-1][1]:statement.pieces[0][0]]
        if between.count("\n") <= 2 and len(between) < 300 and (previous.subject is not None or previous.inherited):
            statement.inherited = previous.inherited or previous
            statement.orphan = False


def _direct_or_partial(doc: Doc, body: str, span: QuotedSpan) -> str:
    """Direct when the quotation is a sentence of its own (or follows `said:`), else partial."""
    first = body[span.start:span.start + 1]
    if not first or not (first.isupper() or first.isdigit() or first in "…[(."):
        return "partial"
    before = body[_line_start(body, span.opened):span.opened].rstrip()
    if not before or before[-1] in ":,.!?—–-" or before.endswith(("that", "That")):
        return "direct"
    return "partial" if _words(body, span) < MIN_UNATTRIBUTED_WORDS else "direct"


def _attribution_after(doc: Doc, body: str, span: QuotedSpan) -> tuple[Token | None, Span | None, str | None]:
    """`"...," X said` / `"...," said X` / `"...," according to X`; not the next sentence
    (`"Lyin' Ted." Trump called him ...`: a quotation closed by a full stop ends its own), nor
    a clause joined by `and`/`but` (`called for "cooperation" with Russia, and Tehran has
    declined ...`)."""
    if body[span.end - 1:span.end] == "." and body[span.closed:span.closed + 2].strip()[:1].isupper():
        return _bare_attribution(doc, body, span)
    tokens = _tokens_from(doc, span.closed, AFTER_WINDOW, body)
    for n, token in enumerate(tokens):
        if token.text in OPENING or token.text == STRAIGHT or (token.is_sent_start and n > 0) \
                or "\n" in token.text or (n > 0 and "\n" in tokens[n - 1].whitespace_) \
                or (token.dep_ == "cc" and token.lower_ in ("and", "but") and _is_verb(token.head)):
            break
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            subject = _pobj_span(doc[token.i + 1])
            if subject is not None:
                return token, subject, "according to"
        if _is_speech_verb(token) or _phrasal_cue(token) or (_lemma(token) in QUOTING_VERBS and _is_verb(token)):
            subject = _subject(token, outside=(span.opened, span.closed)) or _name_near(tokens[:n], token)
            if subject is not None:
                return token, subject, _cue_text(token)
    return None, None, None


def _bare_attribution(doc: Doc, body: str, span: QuotedSpan) -> tuple[Token | None, Span | None, str | None]:
    """`"... missing." Trump said.`: a sentence of its own after a quotation closed by a full
    stop that is nothing but a speaker and a verb of speech (with when, or to whom) is its
    attribution."""
    tokens = _tokens_from(doc, span.closed, AFTER_WINDOW, body)
    sentence = next((t.sent for t in tokens if not t.is_space), None)
    verb = sentence.root if sentence is not None else None
    if verb is None or sentence.start_char < span.closed or not _is_speech_verb(verb) \
            or "\n" in body[span.closed:sentence.end_char].rstrip() \
            or any(c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "parataxis") for c in verb.children) \
            or not body[sentence.start_char:sentence.end_char].rstrip().endswith("."):
        return None, None, None
    subject = _subject(verb, outside=(span.opened, span.closed))
    if subject is None or subject.start_char > verb.idx:
        return None, None, None
    return verb, subject, _cue_text(verb)


def _name_near(before: list[Token], verb: Token) -> Span | None:
    """The speaker when the parse gives the verb no subject (`"...," Ramos, 58, told AFP`):
    the first name or pronoun between the quotation and the verb, else right after it."""
    doc = verb.doc
    candidates = before or list(doc[verb.i + 1:min(len(doc), verb.i + 5)])
    for token in candidates:
        if token.lower_ in PRONOUNS:
            return doc[token.i:token.i + 1]
        if token.is_alpha and token.text[:1].isupper() and token.lower_ not in NOT_SPEAKERS:
            end = token.i + 1
            while end < len(doc) and end != verb.i and doc[end].is_alpha and doc[end].text[:1].isupper():
                end += 1
            return doc[token.i:end]
    return None


def _attribution_before(
    doc: Doc, body: str, span: QuotedSpan, *, partial: bool
) -> tuple[Token | None, Span | None, str | None]:
    """`X said: "..."`, `X told reporters, "..."`, `According to X, "..."`, `X said the move was "..."`."""
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or not len(first):
        return None, None, None
    sentence = first[0].sent
    candidates = [t for t in sentence if t.idx < span.opened]
    for token in reversed(candidates):
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            subject = _pobj_span(doc[token.i + 1])
            if subject is not None and subject.end_char <= span.opened:
                return token, subject, "according to"
        if _is_speech_verb(token) or _phrasal_cue(token) \
                or (_lemma(token) in (PARTIAL_VERBS if partial else QUOTING_VERBS) and _is_verb(token)):
            subject = _subject(token, outside=(span.opened, span.closed))
            if subject is None and token.i == sentence.start and _is_gerund(token) and token.i > 0:
                # `Adding, "..."` after `Maher stated ...`: the one the sentence before is about
                before = doc[token.i - 1].sent
                subject = _subject(before.root, outside=(span.opened, span.closed)) \
                    if _is_speech_verb(before.root) else None
            if subject is not None:
                return token, subject, _cue_text(token)
    return None, None, None


# A paragraph of a verb of speech and its speaker, inverted, before a colon (`Stated Stone:`,
# `Added the senator:`; not `Read the full statement:`).
INVERTED_INTRO = re.compile(r"[^\S\n]*([A-Z][a-z]+)[^\S\n]+((?:[A-Za-z.'’-]+[^\S\n]+){0,4}[A-Za-z.'’-]+)[^\S\n]*:")


# Verbs with a particle that introduce words said (`shot back`, `went on`, `chimed in`).
PHRASAL_CUES = {
    "back": frozenset("shot shoots shoot fired fires fire hit hits snapped snaps snap pushed pushes".split()),
    "on": frozenset("went goes go".split()), "in": frozenset("chimed chimes chime".split()),
}


def _phrasal_cue(token: Token) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.i == token.i + 1 and token.lower_ in PHRASAL_CUES.get(c.lower_, ())
               for c in token.children)


def _introduced_by_colon(doc: Doc, body: str, span: QuotedSpan) -> tuple[Token | None, Span | None, str | None]:
    """`The senator wrote on Facebook:` / `"..."`: a paragraph ending in a colon introduces
    the quotation that opens the next one."""
    line_start = _line_start(body, span.opened)
    if body[line_start:span.opened].strip():
        return None, None, None
    previous_end = len(body[:line_start].rstrip())
    if previous_end == 0 or body[previous_end - 1] != ":":
        return None, None, None
    colon = doc.char_span(previous_end - 1, previous_end, alignment_mode="expand")
    if colon is None:
        return None, None, None
    line_before = _line_start(body, previous_end - 1)
    inverted = INVERTED_INTRO.match(body, line_before, previous_end)
    if inverted is not None and FORMS.get(inverted.group(1).lower()) in SPEECH_VERBS | {"continue"} \
            and (inverted.group(2)[:1].isupper() or inverted.group(2).startswith("the ")
                 and FORMS.get(inverted.group(2).split()[-1].lower()) in ROLE_WORDS | ANONYMOUS_HEADS):
        # `Stated Stone:` / `Added the senator:`, which the parse reads as a name
        verb = doc.char_span(*inverted.span(1), alignment_mode="expand")
        subject = doc.char_span(*inverted.span(2), alignment_mode="expand")
        if verb is not None and subject is not None:
            return verb[0], subject, verb.text
    for token in reversed(list(colon[0].sent)):
        if _is_speech_verb(token) or _phrasal_cue(token) \
                or (_lemma(token) in PARTIAL_VERBS | STANCE_VERBS | POSITION_VERBS and _is_verb(token)):
            subject = _subject(token, outside=(span.opened, span.closed))
            if subject is None and token.i == token.sent.start and token.text[:1].isupper():
                subject = _name_near([], token)  # `Stated Stone:`, `Added the senator:`
            if subject is not None:
                return token, subject, _cue_text(token)
    return None, None, None


def _governing_verb(doc: Doc, span: QuotedSpan) -> tuple[Token | None, Span | None, str | None]:
    """The speech verb of the clause a partial quotation sits in."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None, None, None
    head = inner.root
    for ancestor in head.ancestors:
        if _lemma(ancestor) in PARTIAL_VERBS and _is_verb(ancestor):
            subject = _subject(ancestor, outside=(span.opened, span.closed))
            if subject is not None:
                return ancestor, subject, _cue_text(ancestor)
    return None, None, None


REPORTING_VERBS = BELIEF_VERBS | STANCE_VERBS | POSITION_VERBS | AS_VERBS | frozenset(PREPOSITION_VERBS)


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens `_reported_speech` may take for a cue, in order: those whose lemma
    is a verb or noun it looks for, or whose form is `according`, `MAKE_FORMS` or
    `BELIEF_ADJECTIVES`. Without a lemmatizer the lemma comes from the form, so the forms are
    matched on the doc's array of lowercase hashes: the other tokens, most of them, are never
    made into `Token` objects. A superset is fine: `_reported_speech` tests each one in full."""
    if doc.has_annotation("LEMMA"):
        return [token.i for token in doc if _lemma(token) in CUE_LEMMAS or token.lower_ in CUE_FORMS]
    wanted = _cue_hashes()
    return [i for i, word in enumerate(doc.to_array("LOWER").tolist()) if word in wanted]


@functools.cache
def _cue_hashes() -> frozenset[int]:
    """spaCy's hashes of `CUE_FORMS` (a string's hash does not depend on the vocabulary)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(word) for word in CUE_FORMS)


def _reported_speech(doc: Doc, body: str, inside: list[tuple[int, int]]) -> list[_Found]:
    """`X said (that) ...`, `X told reporters ...`, `according to X, ...` outside quotations."""
    found = []
    quoted = _offset_mask(len(body), inside)
    sentences = list(doc.sents)
    sentence_starts = [sentence.start for sentence in sentences]
    for i in _cue_candidates(doc):
        token = doc[i]
        if quoted[token.idx]:
            continue
        sentence = sentences[bisect_right(sentence_starts, i) - 1]
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            statement = _according_to(doc, body, sentence, token, inside)
        elif _is_speech_verb(token) or (_lemma(token) in REPORTING_VERBS and _is_verb(token)):
            statement = _speech_clause(body, sentence, token, inside)
        elif _lemma(token) in STATEMENT_NOUNS and token.dep_ in NOUN_DEPS | {"npadvmod"} and token.is_lower:
            statement = _noun_statement(body, token, inside)
        elif token.lower_ in BELIEF_ADJECTIVES and token.dep_ == "acomp":
            statement = _belief_clause(body, token, inside)
        elif token.lower_ in MAKE_FORMS and token.dep_ in VERB_DEPS:
            statement = _made_case(body, token, inside)
        else:
            continue
        if statement is not None:
            found.append(statement)
    headline = _headline_statement(doc, body, inside)
    if headline is None and not any(s.cue is not None and s.cue.sent.start == 0 for s in found):
        headline = _title_cased_headline(doc, body, inside)
    if headline is not None:
        found.append(headline)
    found.extend(_transcript_turns(doc, body, inside))
    return found


# `TAPPER: And you are supporting him?`: a line of a transcript printed without quotation marks
# opens with its speaker's name in capitals. Not a heading in capitals (`STAT OF THE WEEK:`) nor
# a label (`EMAIL:`), and what follows is a sentence, not more capitals.
TRANSCRIPT_LINE = re.compile(r"^[^\S\n]*([A-Z][A-Z.'’-]+(?:[^\S\n]+[A-Z][A-Z.'’-]+){0,3}):[^\S\n]+(\S[^\n]*)", re.M)
NOT_TURN_WORDS = frozenset("""
of the and for in on at to a by with email twitter contributing claim fact facts verdict rating question answer
summary background context
""".split())


def _transcript_turns(doc: Doc, body: str, inside: list[tuple[int, int]]) -> list[_Found]:
    """Each `TRANSCRIPT_LINE`: the rest of the line is what the named speaker said."""
    found = []
    for line in TRANSCRIPT_LINE.finditer(body):
        words = line.group(1).lower().split()
        if any(w.rstrip(".’'") in NOT_TURN_WORDS | LINE_LABELS for w in words) or len(line.group(1)) < 3 \
                or not re.search(r"[a-z]", line.group(2)) or _in_any(line.start(1), inside):
            continue
        statement = _named_line(doc, body, line, shortest=8)
        if statement is not None:
            found.append(statement)
    return found


def _named_line(doc: Doc, body: str, line: re.Match, *, shortest: int) -> _Found | None:
    """A line matched as `NAME: WORDS` (group 1 the name, group 2 the words): what the name said,
    cued by the colon; None if the words are shorter than `shortest` letters."""
    start, end = _trim(body, *line.span(2))
    speaker = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
    colon = doc.char_span(line.end(1), line.end(1) + 1, alignment_mode="expand")
    if speaker is None or colon is None or end - start < shortest:
        return None
    return _Found(pieces=[(start, end)], kind="indirect", cue=colon[0], cue_text=":", subject=speaker)


# Verbs a title-cased headline uses for what its subject says or stands for (`Sanders Vows To
# End Tax Breaks`, `Cruz Endorses Trump`): those whose form in -s is not also a common noun.
HEADLINE_VERBS = (SPEECH_VERBS | STANCE_VERBS | POSITION_VERBS) - frozenset("""
call plan support back request demand question attack show find push address post report answer
signal charge joke counter state estimate thank favor favour
""".split())


def _title_cased_headline(doc: Doc, body: str, inside: list[tuple[int, int]]) -> _Found | None:
    """`Jeb Bush Super PAC Chief Praises Marco Rubio Donor's ...`: in a first line whose words are
    capitalised, the parse reads the verb as part of a name; a word in -s of `HEADLINE_VERBS`
    after a capitalised subject gives what that subject said."""
    line = body[:body.find("\n")] if "\n" in body else body
    if not line.strip() or not _title_cased(body, 0):
        return None
    for token in doc:
        if token.idx >= len(line):
            return None
        word = token.lower_
        if token.i > 0 and token.text[:1].isupper() and word.endswith("s") \
                and FORMS.get(word) in HEADLINE_VERBS - ADDRESSEE_VERBS and word != FORMS.get(word):
            start, end = _trim(body, token.idx + len(token), len(line))
            end = _trim(body, start, end - 1)[1] if body[end - 1] == "." else end
            opening = max((t.i + 1 for t in doc[:token.i] if t.text in (",", ":", "—", "-", "–")), default=0)
            subject = doc[opening:token.i]
            if end - start < 8 or _in_any(token.idx, inside) or not len(subject) \
                    or any(t.is_alpha and (not t.text[:1].isupper() or t.lower_ == "and") for t in subject):
                return None
            return _Found(pieces=[(start, end)], kind="indirect", cue=token, cue_text=token.text, subject=subject)
    return None


# `Pat Caddell: Democrat Voters Worried About ...`: a headline that opens with a name and a colon
# gives what that name said. Only the first line: further down, such lines are mostly labels
# (`Correction: ...`, `Delegate Update: ...`) or transcript turns.
NAMED_HEADLINE = re.compile(r"\s*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3}):[^\S\n]+(\S[^\n]{10,})")
# Words that open a line the same way but name no speaker.
LINE_LABELS = frozenset("""
the correction corrections clarification update updated note editor editors related source sources photo photos
video watch read see listen warning disclosure breaking exclusive opinion analysis review
""".split())


def _headline_statement(doc: Doc, body: str, inside: list[tuple[int, int]]) -> _Found | None:
    """The article's first line when it has the `NAMED_HEADLINE` shape: the rest of the line is
    what the name before the colon said."""
    line = NAMED_HEADLINE.match(body)
    if line is None or line.group(1).split()[0].lower().rstrip(".’'s") in LINE_LABELS \
            or _in_any(line.start(1), inside):
        return None
    return _named_line(doc, body, line, shortest=12)


def _noun_statement(body: str, noun: Token, inside: list[tuple[int, int]]) -> _Found | None:
    """`Trump's claim that CLAUSE`, `a Times report that CLAUSE`, `her call to CLAUSE`: the clause
    is what was said, the possessor (or the name before the noun, or `by X`) said it. A clause
    mostly in quotation marks is left to the quotation pass."""
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.dep_ == "mark" and m.lower_ in ("that", "to") or m.dep_ == "aux" and m.lower_ == "to"
                           for m in c.children if m.i < c.i)), None)
    if clause is not None:
        span = _subtree_chars(clause)
    else:  # `her call for a moratorium`, `his pledge of support`
        prepositions = NOUN_PREPOSITIONS.get(_lemma(noun), "").split()
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in prepositions), None)
        objects = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree] if prep else []
        if not objects:
            return None
        span = (objects[0].idx, objects[-1].idx + len(objects[-1]))
    subject = _owner(noun)
    if subject is None or _mute(subject):
        return None
    start, end = _clip_to_paragraph(body, *span, noun.idx)
    if end - start < 12 and not _names_only(noun.doc, start, end) \
            or _mostly_quoted([t for t in noun.subtree if start <= t.idx < end], inside):
        return None
    return _Found(pieces=[(start, end)], kind="indirect", cue=noun, cue_text=noun.text, subject=subject, nominal=True)


def _owner(noun: Token) -> Span | None:
    """Whose statement a noun of `STATEMENT_NOUNS` is: `Trump's` / `his` claim, a `New York Times`
    report, a demand `by Pelosi` / `from the union`."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ == "its":  # as with "it" said: what "its" stands for is not resolved
                return None
            return doc[child.i:child.i + 1] if child.lower_ in ("his", "her", "their") else _noun_phrase(child)
    names = [t for t in noun.lefts if t.dep_ == "compound" and t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]
    if names:
        return doc[min(t.left_edge.i for t in names):max(t.i for t in names) + 1]
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return _pobj_span(child)
    return None


# Verbs of the lists above whose bare object is seldom a position (`pushed the bill through`,
# `maintained its lead`): reported speech only with a clause (`maintained that ...`) or a
# preposition (`pushed for ...`).
NO_OBJECT_POSITION = frozenset({"push", "maintain", "address"})
# Verbs whose bare object is the one spoken to.
ADDRESSEE_VERBS = frozenset("tell ask inform brief assure remind".split())
# Verbs whose object (with its complements) is what their subject said or stood for.
OBJECT_VERBS = (STANCE_VERBS | PARTIAL_VERBS | POSITION_VERBS | AS_VERBS | {"want", "expect"}) - NO_OBJECT_POSITION


def _speech_clause(body: str, sentence: Span, verb: Token, inside: list[tuple[int, int]]) -> _Found | None:
    """What a speech verb's subject said: its clause (`said (that) ...`), or for verbs of
    stance its object and complements (`defended his tweets`, `urged voters to ...`)."""
    if _lemma(verb) in AS_VERBS and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights) \
            and not (_lemma(verb) == "consider" and any(c.dep_ == "ccomp" and c.i > verb.i and _is_noun_or_adjective(c)
                                                        for c in verb.children)):
        return None  # `saw the debate`: not a view stated as such (`consider Renko honest` is one)
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                   and (c.pos_ in ("VERB", "AUX") if c.pos_ else True)
                   and (c.i > verb.i or not any(mark in body[c.idx:verb.idx] for mark in ";:\n")
                        and not any(m.dep_ == "mark" and c.right_edge.i < m.i < verb.i for m in verb.children))
                   and not (_lemma(c) in SPEECH_VERBS and _closing(c))]
    # a "that" clause after the verb first: the parse may hang a clause before on it too (`Writing for a
    # panel that agreed Pence won, Barabak noted that ...`)
    complements.sort(key=lambda c: not (c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that"
                                                              for m in c.children)))
    # not `It's unlikely; the team says she'll go on` (nor after a colon), nor a headline the parse
    # ran into the sentence, nor a clause before a verb that is itself subordinate (`continues to
    # insist, in an interview, that he wants ...`: the parse made "wants" the head)
    complement, opening = (complements[0], None) if complements else \
        _misplaced_clause(verb) if _lemma(verb) in SPEECH_VERBS and verb.dep_ != "parataxis" else (None, None)
    if complement is not None and _lemma(verb) in OBJECT_VERBS and _reduced_relative(verb, complement):
        complement = None  # `cited remarks Trump had made about her as ...`: the object, with its clause
    if complement is None and _lemma(verb) in SPEECH_VERBS and (verb.dep_ == "parataxis" or _closing(verb)) \
            or complement is None and _as_attribution(verb):
        return _around_attribution(body, sentence, verb, inside)
    position = _prepositional_object(verb, inside) if complement is None else None
    relative = None
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if complement is not None:
        clause = list(complement.subtree)
        span = _subtree_chars(complement, clause)
        if opening is not None:
            span = (opening, span[1])
        asked = _asked_of(verb, complement)
        if asked is not None:
            span = (asked.left_edge.idx, span[1])
        more = _infinitives_on(verb, complement)
        if more is not None:
            span = (span[0], max(span[1], _subtree_chars(more)[1]))
        for other in complements[1:]:  # `say they do n't yet know ...`: one clause the parse cut in two
            gap = complement.doc[complement.right_edge.i + 1:other.left_edge.i]
            if complement.i > verb.i and other.left_edge.i > complement.right_edge.i \
                    and all(t.lower_ in ("n't", "n’t", "not") for t in gap) \
                    and not other.left_edge.is_punct and not complement.right_edge.is_punct \
                    and _lemma(other) not in SPEECH_VERBS | PARTIAL_VERBS | STANCE_VERBS:
                span = (span[0], max(span[1], _subtree_chars(other)[1]))
        reason = next((c for c in verb.rights if c.dep_ == "advcl" and c.i > complement.i
                       and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in c.children)), None)
        if reason is not None and complement.i > verb.i:
            span = (span[0], max(span[1], _subtree_chars(reason)[1]))  # `said X, because (since) Y`: theirs too
        also = [c for c in verb.rights if c.dep_ == "conj" and c.i > complement.i > verb.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if also:
            span = (span[0], max(span[1], _subtree_chars(also[-1])[1]))  # `said X, but that Y`: both were said
        if complement.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in complement.children):
            # `pledged to enact reform, fix the finance system`: more verbs of the "to" clause hung on the cue
            listed = [c for c in verb.rights if c.dep_ == "conj" and c.i > complement.i and _bare_form(c)
                      and not any(d.dep_ in ("nsubj", "nsubjpass", "aux") for d in c.children)]
            if listed and not _bare_form(verb):
                span = (span[0], max(span[1], _subtree_chars(listed[-1])[1]))
        front = [t for t in clause if t.i < verb.i] \
            or [c for c in verb.lefts if c.dep_ == "dobj" and c.lower_ in RELATIVE_WORDS]
        if len(front) == 1 and front[0].lower_ in RELATIVE_WORDS \
                and (verb.dep_ in ("relcl", "acl") or front[0].lower_ == "what"):
            # `a wall, which he said Mexico should pay for`: the relative word, then the clause after the verb
            relative = front[0]
            span = (min(t.idx for t in clause if t.i > verb.i), span[1])
    elif position is not None:
        span = position
    elif passive is not None and any(c.dep_ == "agent" and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
                                     for c in verb.children):
        span = _subtree_chars(passive)  # `the plan was endorsed by X`: the plan is what X endorsed
    elif _lemma(verb) in OBJECT_VERBS:
        objects = [c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "oprd", "dative", "ccomp", "attr", "prep")
                   and c.sent == verb.sent and not _setting(c) and not (c.dep_ == "ccomp" and _closing(c))]
        if not objects or not any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in objects) \
                or _lemma(verb) in ADDRESSEE_VERBS and all(c.dep_ in ("dobj", "dative") for c in objects):
            return None  # `told CNN`, `asked Sanders`: whom they spoke to, not what they said
        tokens = [t for c in objects for t in c.subtree]
        if _lemma(verb) in POSITION_VERBS - STANCE_VERBS - PARTIAL_VERBS and _mostly_quoted(tokens, inside):
            return None  # `bemoaning the "phony system"`: a label in marks, left to the quotation pass
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        last = _object_tail(verb, last)
        span = (first.idx, last.idx + len(last))
    else:
        return None
    subject = _subject(verb, outside=(-1, -1)) or _gerund_subject(verb)
    stands_for = _it_antecedent(subject, inside)
    if subject is None or _mute(subject) and stands_for is None or subject.root.dep_ == "expl":
        return None
    if "\n" in body[min(subject.end_char, verb.idx):max(subject.start_char, verb.idx)]:
        # a dateline or menu run into the sentence by the parse: the subject on the verb's own line,
        # or the noun the parse hung on a subject from the line above (`...: council` / `A senior
        # official said`)
        subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
        subject = next((_noun_phrase(c) for c in [*subjects, *(a for s in subjects for a in s.rights
                                                              if a.dep_ == "appos" and a.i < verb.i)]
                        if "\n" not in body[c.left_edge.idx:verb.idx]), subject)
    if _lemma(verb) in BELIEF_VERBS and subject.root.lower_ in OBJECT_PRONOUNS:
        return None  # `let them know that ...`: the knowing is not theirs to state
    if _lemma(verb) == "encourage" and not _can_speak(subject.root):
        return None  # `a tax per gallon encourages people to drive less`: no one's words
    if _lemma(verb) == "offer" and not (_can_speak(subject.root) and any(
            c.dep_ == "dobj" and (c.lower_ in OFFERED_WORDS or c.lower_.rstrip("s") in OFFERED_WORDS)
            for c in verb.children)):
        return None  # `Turkey offered military backing`, `casinos offer betting`: not words
    start, end = _clip_to_paragraph(body, *span, verb.idx)
    end = _without_second_act(verb, body, start, _without_aside(verb.doc, body, start, end))
    dangling = DANGLING.search(body, start, end)
    end = dangling.start() if dangling is not None and dangling.start() > start else end
    source = body.find(", according to ", start, end)  # `back the wall, according to a poll`: whose word it is
    end = _rstrip(body, start, source) if source > start and not _in_any(source, inside) else end
    if (end - start < 12 and not _short_position(verb, subject, start, end, inside)) \
            or start <= subject.start_char < end:
        return None
    content = body[start:end]
    if any(mark in content for mark in "“”\"") and _title_text(content.strip(" “”\"'‘’.,")):
        return None  # `discussed it on "Fox & Friends"`: a title, not a statement
    pieces = [(start, end)] if relative is None else [(relative.idx, relative.idx + len(relative)), (start, end)]
    return _Found(pieces=pieces, kind="indirect", cue=verb, cue_text=_cue_text(verb), subject=subject,
                  stands_for=stands_for)


# Verbs whose object of a word or two is no stated position: an aim (`seeks new ferries`) or
# a word said (`said goodbye`).
NO_SHORT_POSITION = frozenset({"seek", "plan", "want", "say"})
SHORT_PRONOUNS = PRONOUNS | PLURAL_PRONOUNS | NOT_SPEAKERS | OBJECT_PRONOUNS | {"i", "you", "who", "one"}


def _misplaced_clause(verb: Token) -> tuple[Token | None, int | None]:
    """What a speech verb with no clause of its own said, where the parse put the clause
    elsewhere; with the offset its content starts at when that is not the clause's first word:
    a "that" clause hung on the occasion or on whom they told (`said during a news conference
    that ...`, `told a meeting of leaders that ...`); a clause read as adverbial after the
    occasion (`said after the convention he would not accept it`: from its subject); or a
    "that" clause the parse made the head of the sentence (`continues to insist, in an
    interview, that he wants ...`: after the "that")."""
    for child in verb.rights:
        if child.dep_ == "prep" or child.dep_ in ("dobj", "dative") and _lemma(verb) in ADDRESSEE_VERBS:
            for token in child.subtree:
                if token.dep_ in ("relcl", "acl") \
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in token.children):
                    return token, None
    for child in verb.rights:
        if child.dep_ == "advcl" and not any(t.dep_ == "mark" for t in child.children):
            subject = next((t for t in child.lefts if t.dep_ == "nsubj"
                            and any(p.dep_ == "prep" and p.i < t.i for p in child.lefts)), None)
            if subject is not None:
                return child, subject.left_edge.idx
    for head in verb.ancestors:
        mark = next((m for m in head.children if m.dep_ == "mark" and m.lower_ == "that"
                     and verb.right_edge.i < m.i < head.i), None)
        if mark is not None:
            return head, verb.doc[mark.i + 1].idx
    return None, None


def _short_position(verb: Token, subject: Span, start: int, end: int, inside: list[tuple[int, int]]) -> bool:
    """Whether a content of a few letters still says something: a thing or a name
    (`promised a veto`, `endorsed Mr. Rubio`) or an act (`declined to comment`) that a speaker
    took a position on, not a pronoun or a clause cut to a word or two (`defended it`, `said
    they do`), nor what is only done (`Tactics to counter drones`, `without mentioning drones`),
    nor a few words in quotation marks, which the quotation pass reports."""
    doc = verb.doc
    if _names_only(doc, start, end) and start - verb.idx - len(verb) < 6:
        return True
    span = doc.char_span(start, end, alignment_mode="expand") if end - start >= 5 else None
    if not span or _lemma(verb) in NO_SHORT_POSITION | ADDRESSEE_VERBS or not _can_speak(subject.root) \
            or _is_gerund(verb) and verb.dep_ != "advcl" or verb.dep_ in ("acl", "xcomp") \
            or any(c.dep_ == "neg" for c in verb.children) or _mostly_quoted(list(span), inside):
        return False
    return span[0].lower_ not in SHORT_PRONOUNS and any(t.is_alpha and not t.is_stop for t in span)


SETTING_PREPOSITIONS = frozenset("during since after before until amid at throughout following".split())


# Where a statement was made, when a phrase naming it closes the content (`in an interview`, `on his
# Facebook page`; not `on the NBC morning show`, which may be what was talked of).
OCCASION_NOUNS = frozenset("""
interview email statement speech letter show appearance broadcast page tweet call conference briefing op-ed podcast
occasions stop debate hearing forum diatribe rant post video column memo editorial essay
""".split())


def _occasion(noun: Token) -> bool:
    """`an interview`, `his Facebook page`, `multiple occasions`: an occasion of speaking."""
    return noun.dep_ == "pobj" and noun.lower_ in OCCASION_NOUNS and (
        noun.lower_ == "occasions" or any(d.lower_ in ("a", "an", "his", "her", "their", "its") for d in noun.lefts))


def _setting(child: Token) -> bool:
    """A phrase telling when or where a verb happened (`during the debate`, `on Monday`, `at
    a rally`): the occasion of the statement, not part of what was stated."""
    return child.dep_ == "prep" and (child.lower_ in SETTING_PREPOSITIONS
                                     or child.lower_ not in TOPIC_PREPOSITIONS
                                     and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree))


# Prepositions of what or why, not of when, even with a date inside (`thanked them for winning
# on Saturday`, `accused him of grabbing her last week`, `blasted her as a disgrace Wednesday`).
TOPIC_PREPOSITIONS = frozenset("as for of about over against".split())


CONTRAST_MARKS = frozenset("while though although whereas".split())
# The labels of the tokens that may open an aside in `_without_aside` (the others are not looked at).
ASIDE_DEPS = frozenset({"relcl", "advcl", "prep", "appos"})


def _without_aside(doc: Doc, body: str, start: int, end: int) -> int:
    """The end of a content without a closing aside about its last noun (`..., which makes him an
    outlier`, `..., who has not been charged`, `..., which Bellin said was a waste`: a statement
    of its own; `Ivo Renko, the mayor of Sarn`, not a list: `Renko, the port and the fees`), a
    closing contrast with a subject of its own (`..., although the council never voted for it`),
    or who else said it (`said the same, including the mayor`): the writer's words, not the
    speaker's."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return end
    for token in [t for t in span if t.dep_ in ASIDE_DEPS]:
        if token.dep_ == "relcl" and token.i > span.start:
            first = token.left_edge
            if first.lower_ in ("which", "who", "whom", "whose", "where") and first.i > span.start \
                    and doc[first.i - 1].text == "," \
                    and token.right_edge.i >= span.end - 2:
                return _rstrip(body, start, doc[first.i - 1].idx)
        if token.dep_ == "advcl" and token.i > span.start + 2 and token.right_edge.i >= span.end - 2:
            mark = next((m for m in token.children if m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS), None)
            first = token.left_edge
            if mark is not None and first.i > span.start + 1 and doc[first.i - 1].text in (",", "—", "–", "--") \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                return _rstrip(body, start, doc[first.i - 1].idx)  # `..., while others want ...`
        if token.dep_ == "prep" and token.lower_ == "including" and token.i > span.start + 1 \
                and doc[token.i - 1].text == "," and token.right_edge.i >= span.end - 2 \
                and any(o.dep_ == "pobj" and _can_speak(o) for o in token.children):
            return _rstrip(body, start, doc[token.i - 1].idx)  # `said the same, including the mayor`: who said it
        if token.dep_ == "prep" and token.lower_ in ("in", "on", "during") and token.i > span.start + 2 \
                and token.right_edge.i >= span.end - 2 and any(_occasion(c) for c in token.children):
            # `... to the Mexican government in an interview on Sunday`: where it was said, not what
            comma = doc[token.i - 1].text == ","
            return _rstrip(body, start, doc[token.i - 1].idx if comma else token.idx)
        if token.dep_ == "appos" and token.head.i < token.i and token.right_edge.i >= span.end - 2:
            # `opposed the trade pact — one of the biggest goals of ...`: the writer's gloss on it
            dash = doc[token.left_edge.i - 1] if token.left_edge.i > span.start + 1 else None
            before = body[start:dash.idx] if dash is not None else ""
            if dash is not None and (dash.text in ("—", "–", "--") or dash.text == "," and _is_proper(token.head)
                                     and token.left_edge.lower_ in ("a", "an", "the")
                                     and not any(c.dep_ == "conj" and any(d.dep_ == "det" for d in c.children)
                                                 for c in token.children)) \
                    and not any(_lemma(t) in VERBS and _is_verb(t) for t in token.subtree) \
                    and before.count("“") <= before.count("”") and before.count('"') % 2 == 0:  # not a quote's
                return _rstrip(body, start, dash.idx)
    return end


def _looks_past(token: Token) -> bool:
    if token.tag_:
        return token.tag_ in ("VBD", "VBN")
    return token.lower_.endswith("ed") or token.lower_ in IRREGULAR_PAST


def _looks_present(token: Token) -> bool:
    if token.tag_:
        return token.tag_ in ("VBZ", "VBP")
    word = token.lower_
    return word in ("is", "are", "am", "has", "have", "does", "do") \
        or word.endswith("s") and not word.endswith(("ss", "was"))


MODALS = frozenset("would will must could can should may might shall".split())


def _bare(verb: Token) -> bool:
    """A verb after a modal, `to` or a passive `be` (`would order`, `to coalesce`, `be fired`):
    a verb in another form joined to it by `and` belongs to the clause above."""
    return verb.is_lower and any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS | {"to", "be"}
                                 for c in verb.children)


def _bare_form(verb: Token) -> bool:
    """`fix`, `expand`: a verb in neither a past, a present nor an -ing form."""
    if verb.tag_:
        return verb.tag_ == "VB"
    return verb.is_lower and verb.is_alpha and not (_looks_past(verb) or _looks_present(verb) or _is_gerund(verb))


def _speaker_acts(verb: Token) -> bool:
    """The verb has no subject (`urged to coalesce`) or a personal pronoun for one (`he would
    order`): its subject may be the speaker, so a second verb joined to it may be the speaker's."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.lower_ in ("i", "we", "he", "she", "they", "it")


def _finite(verb: Token) -> bool:
    """A verb in a past or present form, or after has/had (`warned`, `has championed`)."""
    return verb.is_lower and (any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children)
                              or not any(c.dep_ == "aux" for c in verb.children)
                              and (_looks_past(verb) or _looks_present(verb)))


def _without_second_act(verb: Token, body: str, start: int, end: int) -> int:
    """The end of a content before a second act of its speaker that the parse hung on the
    content: a trailing `, saying ...` (a statement of its own); a verb of speech or stance
    with no subject of its own, in the cue's past form where the verb it is joined to by `and`
    is in the present (`Iran has maintained that it is against the war and called for talks`);
    or any verb in a past or present form, with no subject of its own, joined to a verb after a
    modal or `to` whose subject may be the speaker (`said he would order a review and warned
    against ...`)."""
    doc = verb.doc
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return end
    acts = [t for t in span if t.dep_ in ("advcl", "conj")]  # the only tokens the rules below cut at
    for token in acts:
        comma = token.left_edge.i - 1
        if token.dep_ == "advcl" and _is_gerund(token) and span.start < comma < token.i \
                and doc[comma].text == "," and _lemma(token) in VERBS:
            return _rstrip(body, start, doc[comma].idx)  # `mocked the complaint, saying ...`
        if _and_gerund(token) and span.start + 1 < comma < token.i:
            return _rstrip(body, start, doc[comma].idx)  # `telling CNN that ... and questioning ...`
    for token in acts:
        if token.dep_ == "conj" and token.i > span.start + 2 and span.start <= token.head.i < token.i \
                and ((_lemma(token) in VERBS and _looks_past(verb) and _looks_past(token) and _looks_present(token.head)
                      or _bare(token.head) and _finite(token) and (_speaker_acts(token.head) or _after_comma(token))
                      or _speaks_again(token) and _speaker_acts(token.head) and _same_form(token, verb))
                     and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)):
            cut = next((c for c in token.head.children if c.dep_ == "cc" and c.lower_ == "and" and c.i < token.i), None)
            if cut is not None and cut.i > span.start + 1:
                return _rstrip(body, start, cut.idx)
    for token in acts:
        if token.dep_ == "conj" and span.start <= token.head.i < token.i and _lemma(token) in SPEECH_VERBS \
                and any(c.dep_ == "nsubj" for c in token.children) and token.left_edge.lower_ != "that" \
                and not any(c.dep_ == "mark" for c in token.children):
            cut = next((c for c in token.head.children if c.dep_ == "cc" and token.head.i < c.i < token.i), None)
            if cut is not None and cut.i > span.start + 2:
                return _rstrip(body, start, cut.idx)
    return end


def _after_comma(verb: Token) -> bool:
    """`..., and has championed ...`: a conjoined verb whose `and` follows a comma."""
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    return cc is not None and cc.i > 0 and verb.doc[cc.i - 1].text == ","


def _and_gerund(verb: Token) -> bool:
    """`telling CNN that he is a faker and questioning how ...`: a gerund of speech after `and`
    (not `, and`, which ends a list), with no subject, that the parse hung inside the clause
    before it; a second act of the one the first gerund is about."""
    return verb.dep_ in ("advcl", "conj") and _is_gerund(verb) and not _is_gerund(verb.head) \
        and _lemma(verb) in VERBS and verb.left_edge.i > 1 and verb.doc[verb.left_edge.i - 1].lower_ == "and" \
        and verb.doc[verb.left_edge.i - 2].text != "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(a.dep_ == "advcl" and _is_gerund(a) for a in verb.ancestors)


def _speaks_again(verb: Token) -> bool:
    """A verb of speech (`and predicted ...`); not `asked for people to chip in`, nor `called a
    donor`: acts the speaker may report."""
    return _lemma(verb) in SPEECH_VERBS - {"ask"}


def _same_form(one: Token, other: Token) -> bool:
    """Two verbs in one form: both in -s, both past, or both in -ing (`said she was worried ...
    and predicted ...`, `says ... and adds ...`)."""
    forms = [(w.lower_.endswith("s") and _looks_present(w), _looks_past(w), w.lower_.endswith("ing"))
             for w in (one, other)]
    return forms[0] == forms[1] and any(forms[0])


def _names_only(doc: Doc, start: int, end: int) -> bool:
    """A short content that is a name (`endorsed Trump`, `backs the NAACP`): the position is
    for or against that party, so its shortness does not make it a fragment."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return span is not None and len(span) > 0 and all(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                                      or t.dep_ == "det" for t in span)


def _gerund_subject(verb: Token) -> Span | None:
    """Who speaks through a verb in -ing with no subject of its own: the subject of the verb its
    preposition hangs on (`began by saying ...`, `in defending himself, Trump ...`)."""
    if not _is_gerund(verb):
        return None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
        governor = verb.head.head
        if governor.dep_ == "pobj" and governor.head.dep_ == "prep" and not _is_verb(governor):
            governor = governor.head.head  # `in addition to stating ..., Clinton has vowed`
        return _subject(governor, outside=(-1, -1)) if _is_verb(governor) or governor.dep_ == "ROOT" else None
    return None


def _prepositional_object(verb: Token, inside: list[tuple[int, int]]) -> tuple[int, int] | None:
    """`called for a moratorium` -> "a moratorium": what a verb of `PREPOSITION_VERBS` takes
    through one of its prepositions, when it has no direct object. An object mostly in
    quotation marks (`referred to her "sex tape"`) is a label, left to the quotation pass."""
    prepositions = PREPOSITION_VERBS.get(_lemma(verb), "").split()
    if not prepositions or any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and c.ent_type_ not in ("DATE", "TIME")
                               for c in verb.children):  # (`called Friday for ...`: when, read as an object)
        return None
    if _lemma(verb) == "refer" and verb.dep_ == "advcl" and _is_speech_verb(verb.head):
        return None  # `"...," he said, referring to the fuel bill`: what the quotation is about
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.sent == verb.sent:
            tokens = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            if tokens and not _mostly_quoted(tokens, inside):
                tokens += [t for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i
                           for t in c.subtree]  # `referred to King as ...`: what he was called too
                end = max(t.i for t in tokens)
                tokens += [t for c in verb.rights if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == end + 1
                           and c.left_edge.lower_ == "to" for t in c.subtree]  # `called for X to resign`
                first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
                last = _object_tail(verb, last)
                return first.idx, last.idx + len(last)
            return None
        if child.dep_ == "advcl" and child.sent == verb.sent:
            # `called for all candidates to publish their plans`: the parse reads "for" as the mark
            # of an infinitive clause; the clause after it is what was called for
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in prepositions and c.i > verb.i]
            tokens = [t for t in child.subtree if marks and t.i > marks[0].i]
            if tokens and not _mostly_quoted(tokens, inside):
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return None


def _object_tail(verb: Token, last: Token) -> Token:
    """The last word of an object with what the parse hung on the verb but belongs to the object:
    `, including ...` right after it (`railed against super PACs, including the one ...`; not
    people, who are about the subject), a gerund right after it with no comma (`disclosed the
    specter of her husband making millions`), or a condition (`would support Bellin if he ...`)."""
    doc = verb.doc
    for child in verb.rights:
        if child.i <= last.i:
            continue
        gap = doc[last.i + 1:child.left_edge.i]
        if child.dep_ == "prep" and child.lower_ == "including" and all(t.text == "," for t in gap) \
                and not any(o.dep_ == "pobj" and _can_speak(o) for o in child.children) \
                or child.dep_ == "advcl" and not len(gap) and _is_gerund(child) and child.left_edge.i == child.i \
                and not any(c.dep_ in ("mark", "nsubj") for c in child.children) \
                or child.dep_ == "advcl" and not len(gap) and child.left_edge.dep_ == "mark" \
                and child.left_edge.lower_ in ("if", "unless"):
            last = child.right_edge
        break
    return last


def _asked_of(verb: Token, clause: Token) -> Token | None:
    """`called for [the head of the port] [to resign]`, `called on [the council] [to act]`: the
    object of the verb's preposition right before its `to` clause, whom the call is for, with
    the clause it belongs to."""
    prepositions = PREPOSITION_VERBS.get(_lemma(verb), "").split() + (["on", "upon"] if _lemma(verb) == "call" else [])
    if clause.dep_ != "xcomp" or clause.left_edge.lower_ != "to":
        return None
    return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions
                 for o in c.children if o.dep_ == "pobj" and o.right_edge.i + 1 == clause.left_edge.i), None)


def _mostly_quoted(tokens: Sequence[Token], inside: list[tuple[int, int]]) -> bool:
    """At least half of the words in quotation marks: a quotation (or a label in marks), which
    the quotation pass deals with, not reported speech to add around it."""
    words = [t for t in tokens if t.is_alpha]
    return not words or 2 * sum(_in_any(t.idx, inside) for t in words) >= len(words)


# A dateline opening a story's first sentence: `SARNHOLM (ANW) — `, `SARNHOLM, 22 April 2025 — `.
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:\s*\([^)\n]{1,30}\))?(?:,[^—–\n]{1,30})?\s*[—–-]+\s+")


def _infinitives_on(verb: Token, clause: Token) -> Token | None:
    """The last of the bare verbs the parse joined to the verb rather than to its `to` clause
    (`wants [to triple X], grow Y and create Z`): more of what the subject wants, not acts of
    its own, when the verb itself is not bare."""
    if clause.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
            or not (_looks_past(verb) or _looks_present(verb)):
        return None
    joined = [c for c in verb.rights if c.dep_ == "conj" and c.i > clause.i]
    joined += [d for c in joined for d in c.subtree if d.dep_ == "conj" and d.head in joined]
    if not joined or any(not c.is_lower or _looks_past(c) or _looks_present(c) or _is_gerund(c)
                         or any(d.dep_ in ("nsubj", "nsubjpass", "aux") for d in c.children)
                         or not any(d.dep_ in ("dobj", "prep", "xcomp", "ccomp") for d in c.children)
                         for c in joined):
        return None
    return max(joined, key=lambda c: c.i)


def _reduced_relative(verb: Token, clause: Token) -> bool:
    """A clause the parse gave the verb that is a relative clause without "that" on the verb's
    object just before it (`cited remarks [Trump had made]`): a thing, not a person, with the
    clause's subject opening the clause."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i), None)
    return obj is not None and _lemma(verb) not in ADDRESSEE_VERBS and obj.right_edge.i + 1 == clause.left_edge.i \
        and obj.ent_type_ != "PERSON" and obj.pos_ != "PRON" and obj.lower_ not in OBJECT_PRONOUNS \
        and clause.left_edge.dep_ == "nsubj" and clause.left_edge.lower_ != "that" \
        and not any(c.dep_ == "mark" for c in clause.children)


def _closing(verb: Token) -> bool:
    """`..., a senior official said on Tuesday.` (or `..., said a senior official.`) read by the
    parse as a second verb of the sentence or as what the verb before says: a speech verb after
    a comma, with a subject of its own and nothing after it but when and where."""
    if verb.dep_ not in ("conj", "ccomp") or verb.i < verb.head.i:
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    after = verb.i + 1
    if subject is None and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # `..., said the company's chief executive, John Ferriola.`: the subject after the verb
        subject = next((c for c in verb.rights if c.dep_ == "nsubj"), None)
        after = subject.right_edge.i + 1 if subject is not None else after
    elif subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
        return False
    if subject is None:
        return False
    for token in verb.doc[after:verb.sent.end]:  # to the full stop
        if token.text in ".!?" or "\n" in token.text or "\n" in token.whitespace_:
            return True
        if token.dep_ not in ("prep", "pobj", "punct", "npadvmod", "advmod") \
                and token.ent_type_ not in ("DATE", "TIME"):
            return False
    return True


MAKE_FORMS = frozenset({"make", "makes", "made", "making"})
# The lemmas that cue reported speech, and every form that may cue it where the parse comes
# without lemmas (`_cue_candidates`).
CUE_LEMMAS = SPEECH_VERBS | REPORTING_VERBS | STATEMENT_NOUNS
CUE_FORMS = CUE_LEMMAS | {form for form, lemma in FORMS.items() if lemma in CUE_LEMMAS} \
    | BELIEF_ADJECTIVES | MAKE_FORMS | {"according"}


def _made_case(body: str, verb: Token, inside: list[tuple[int, int]]) -> _Found | None:
    """`made (it) clear (that) ...`, `made the case that ...` / `for ...`: what follows is the
    position its subject stated (not one mostly in quotation marks, left to the quotation pass)."""
    clause = None
    for child in verb.rights:
        if child.dep_ == "dobj" and child.lower_ == "case" and any(d.lower_ == "the" for d in child.lefts):
            clause = next((c for c in child.rights if c.dep_ in ("acl", "relcl", "ccomp")
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None) \
                or next((o for c in child.rights if c.dep_ == "prep" and c.lower_ == "for"
                         for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
        elif child.lower_ == "clear" and child.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "advmod", "dobj"):
            clause = next((c for c in child.rights if c.dep_ in ("ccomp", "advcl")), None) \
                or next((c for c in verb.rights if c.dep_ in ("ccomp", "advcl") and c.i > child.i), None)
        if clause is not None:
            break
    subject = _subject(verb, outside=(-1, -1)) if clause is not None else None
    if subject is None or _mute(subject) or not (_can_speak(subject.root) or subject.root.text[:1].isupper()) \
            or _mostly_quoted(list(clause.subtree), inside):  # (not `the storm made it clear ...`)
        return None
    start, end = _clip_to_paragraph(body, *_subtree_chars(clause), verb.idx)
    if end - start < 12:
        return None
    words = f"{verb.text} clear" if any(c.lower_ == "clear" for c in verb.rights) else f"{verb.text} the case"
    return _Found(pieces=[(start, end)], kind="indirect", cue=verb, cue_text=words, subject=subject)


def _belief_clause(body: str, adjective: Token, inside: list[tuple[int, int]]) -> _Found | None:
    """`Renko is confident that the dam will hold`: the clause is the view the subject holds
    (one mostly in quotation marks is left to the quotation pass)."""
    clause = next((c for c in adjective.rights if c.dep_ == "ccomp" and not _mostly_quoted(list(c.subtree), inside)),
                  None)
    subject = _subject(adjective.head, outside=(-1, -1)) if adjective.head.lower_ in BE_FORMS else None
    if clause is None or subject is None or _mute(subject):
        return None
    start, end = _clip_to_paragraph(body, *_subtree_chars(clause), adjective.idx)
    if end - start < 12:
        return None
    return _Found(pieces=[(start, end)], kind="indirect", cue=adjective, cue_text=adjective.text, subject=subject)


def _as_attribution(verb: Token) -> bool:
    """`As Renko noted last week, the harbour cannot stay open`: an attribution opened by "as",
    whose verb says nothing of its own, leaves the rest of the sentence as what was said."""
    said = _lemma(verb) in SPEECH_VERBS or _lemma(verb) == "point" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if not (said and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i
                                                 for c in verb.children)) \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative") for c in verb.children):
        return False
    own = {t.i for t in verb.subtree}  # and the rest reports no speech of its own (`As reported by X, Y claims ...`)
    return not any(t.i not in own and (_is_speech_verb(t) and any(c.dep_ == "nsubj" for c in t.children)
                                       or t.lower_ == "according") for t in verb.sent)


def _around_attribution(body: str, sentence: Span, verb: Token, inside: list[tuple[int, int]]) -> _Found | None:
    """`The museum, he said, would make visitors face uncomfortable truths`: the sentence
    around the attribution is what was said."""
    subject = _subject(verb, outside=(-1, -1))
    stands_for = _it_antecedent(subject, inside, aside=True)
    if subject is None or _mute(subject) and stands_for is None:
        return None
    # not what the parse joined to the verb after it (`..., the agency said, and those in the bottom
    # fifth paid 0.8 percent`): the statement going on
    joined = {t.i for c in verb.rights if c.dep_ in ("conj", "cc") and _lemma(c) not in SPEECH_VERBS
              for t in c.subtree}
    attribution = [t for t in verb.subtree if t.i not in joined]
    first, last = attribution[0], attribution[-1]
    while joined and last.i > verb.i and (last.is_punct or last.dep_ == "cc") and last.i - 1 >= first.i:
        last = last.doc[last.i - 1]
    opening = DATELINE.match(body, sentence.start_char, first.idx)  # `SARNHOLM (ANW) — `
    start, end = opening.end() if opening else sentence.start_char, sentence.end_char
    relative = verb.head if verb.dep_ == "parataxis" and verb.head.dep_ == "relcl" else None
    if relative is not None and relative.left_edge.i < first.i:
        # `..., near the stadium, which, Tompkins said, is full on game days`: the relative clause only
        start, end = relative.left_edge.idx, relative.right_edge.idx + len(relative.right_edge)
    before = _main_clause(verb.doc, body, *_trim(body, *_clip_to_paragraph(body, start, first.idx, verb.idx)))
    after = _trim(body, *_clip_to_paragraph(body, last.idx + len(last), end, verb.idx))
    if after[1] - after[0] >= 3:
        after = (after[0], _without_aside(verb.doc, body, *after))
    pieces = [(s, e) for s, e in (before, after) if e - s >= 3]
    if sum(e - s for s, e in pieces) < 12:
        return None
    return _Found(pieces=pieces, kind="indirect", cue=verb, cue_text=_cue_text(verb), subject=subject,
                  stands_for=stands_for)


def _according_to(
    doc: Doc, body: str, sentence: Span, according: Token, inside: list[tuple[int, int]]
) -> _Found | None:
    """`According to X, CLAUSE` or `CLAUSE, according to X.`: the clause is the content."""
    to = doc[according.i + 1]
    subject = _pobj_span(to)
    misread = next((c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1), None)
    if subject is None and misread is not None and "\n" not in body[misread.idx:misread.right_edge.idx]:
        subject = doc[misread.i:misread.right_edge.i + 1]  # `according to show insiders`, "show" read as a verb
    if subject is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), misread)
    last = max(pobj.subtree, key=lambda t: t.i)  # the source with its apposition: "X, a spokeswoman for Y"
    if last.i >= sentence.end - 2 and according.i == sentence.start:
        # `According to X, the move reeks of fear`, the clause read as X's apposition: it starts
        # after the last comma the source's phrase holds
        comma = next((t for t in reversed(list(pobj.subtree)) if t.text == "," and t.i > pobj.i), None)
        last = doc[comma.i - 1] if comma is not None else last
    phrase_end = max(last.idx + len(last), according.idx + len("according to"))
    before = (sentence.start_char, according.idx)
    after = (phrase_end, sentence.end_char)
    start, end = after if (after[1] - after[0]) >= (before[1] - before[0]) else before
    if according.dep_ == "prep" and sentence.start <= according.head.i < according.i and before[1] - before[0] >= 20 \
            and not any(mark in body[before[0]:before[1]] for mark in ("“", "”", '"', "«", "»", "''")):
        start, end = before  # `The top 1 percent would gain 19 percent, according to X, twice what ...`
    start, end = _trim(body, *_clip_to_paragraph(body, start, end, according.idx))
    if end <= according.idx:
        start, end = _main_clause(doc, body, start, end)
    if end - start < 12:
        return None
    return _Found(pieces=[(start, end)], kind="indirect", cue=according, cue_text="according to", subject=subject)


def _main_clause(doc: Doc, body: str, start: int, end: int) -> tuple[int, int]:
    """A sentence before its attribution without what leads into its main clause: the part after a
    colon or semicolon (`... less attractive to firms: London was the capital, according to ...`),
    or the clause from its subject after an opening word, participle or "as" clause and a comma
    (`Still, two in three voters ...`, `Entering the final contests, Clinton leads ...`)."""
    text = body[start:end]
    cut = max(text.rfind(": "), text.rfind("; "))
    if cut > 0 and text[cut - 1].isalpha() and text[cut + 2:cut + 3] not in OPENING + STRAIGHT + "'‘" \
            and len(MARK.findall(text, 0, cut)) % 2 == 0:
        return _trim(body, start + cut + 1, end)
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return start, end
    root = span.root
    subject = next((c for c in root.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i >= span.start), None)
    if subject is not None and subject.left_edge.i > span.start \
            and any(t.text == "," for t in doc[span.start:subject.left_edge.i]) \
            and all(c.dep_ in ("advmod", "npadvmod", "cc", "punct", "intj")
                    or c.dep_ == "advcl" and (c.left_edge == c or c.left_edge.lower_ == "as")
                    for c in root.lefts if c.i < subject.left_edge.i):
        return subject.left_edge.idx, end
    return start, end


# --- parse helpers -------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    """The lemma from the pipeline's lemmatizer, else from our own table of the verbs and
    nouns the rules look for (the quote stage runs without tagger and lemmatizer: they
    cost an eighth of the parse and the rules do not need them)."""
    return token.lemma_.lower() if token.lemma_ else FORMS.get(token.lower_, token.lower_)


def _is_verb(token: Token) -> bool:
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    return token.dep_ in VERB_DEPS and FORMS.get(token.lower_) in VERBS


def _is_proper(token: Token) -> bool:
    if token.pos_:
        return token.pos_ == "PROPN"
    return token.text[:1].isupper() and token.is_alpha and (not token.is_sent_start or bool(token.ent_type_)) \
        and token.lower_ not in PRONOUNS and token.lower_ not in NOT_SPEAKERS


def _is_noun(token: Token) -> bool:
    if token.pos_:
        return token.pos_ == "NOUN"
    return token.is_alpha and token.text[:1].islower() and token.dep_ in NOUN_DEPS


def _is_noun_or_adjective(token: Token) -> bool:
    return not _is_verb(token) and not token.lower_.endswith(("ed", "ing"))


def _is_gerund(token: Token) -> bool:
    return token.tag_ == "VBG" if token.tag_ else token.lower_.endswith("ing")


def _is_speech_verb(token: Token) -> bool:
    return _lemma(token) in SPEECH_VERBS and _is_verb(token) and token.dep_ != "amod"


def _cue_text(token: Token) -> str:
    particles = [c for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *(p.text for p in particles)])


# Prepositions before a gerund whose doer is the subject of the verb they hang on (`began by saying
# ...`); not `for` (`criticised him for saying ...`: his saying) nor `without`.
GERUND_PREPOSITIONS = frozenset("by after before while in upon".split())


def _subject(verb: Token, *, outside: tuple[int, int]) -> Span | None:
    """The speaker of `verb`: its subject (or the agent of a passive), not inside the quotation;
    of two the parse gave it, the nearer (`SARNHOLM, 22 April — The official told ...`: a dateline)."""
    for child in sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i)):
        if child.dep_ in ("nsubj", "nsubjpass") and not (outside[0] <= child.idx < outside[1]):
            if child.dep_ == "nsubjpass":
                continue
            if verb.dep_ == "relcl" and (child.lower_ in ("who", "that")
                                         or child.lower_ == "which" and _can_speak(verb.head)
                                         and _lemma(verb) in SPEECH_VERBS | BELIEF_VERBS):
                # "a fisher, who said ...", "the board, which ruled ..." (not "Sarn, which calls for ...": a stance)
                return _noun_phrase(verb.head)
            return _noun_phrase(child)
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _noun_phrase(pobj)
    if _and_gerund(verb):  # `telling CNN that ... and questioning ...`: the first gerund's
        return _subject(next(a for a in verb.ancestors if a.dep_ == "advcl" and _is_gerund(a)), outside=outside)
    if verb.dep_ == "advcl" and _is_gerund(verb):
        # "..., saying ...": the one who acts in the clause it hangs on; past a thing the parse
        # hung it on (`dismissed the notion that a shakeup is coming, explaining ...`)
        for ancestor in verb.ancestors:
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"
                            and not (outside[0] <= c.idx < outside[1])), None)
            if subject is not None and _can_speak(subject):
                return _subject(ancestor, outside=outside)
    if verb.dep_ == "pcomp" and _is_gerund(verb) and verb.head.lower_ in GERUND_PREPOSITIONS \
            and verb.head.head.i != verb.head.i and verb.head.head.dep_ in VERB_DEPS:
        return _subject(verb.head.head, outside=outside)  # `began by saying ...`, `after noting that ...`
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i \
            and not any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):  # "..., he said and added ..."
        # (not `..., but it's expected that ...`: a passive with a subject of its own)
        head = verb.head
        if verb.dep_ == "conj" or _lemma(head) in SPEECH_VERBS or (_is_gerund(verb) and verb.dep_ == "advcl") \
                or FORMS.get(head.lower_, head.lower_) in CARRYING_VERBS and head.i < verb.i \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # conjoined verbs share a subject ("Bush referred to ... but described ..."), "..., saying ..."
            # (not a passive's doer: `being duped by a con and encourage ...`)
            if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.children) \
                    and not any(c.dep_ == "nsubjpass" for c in head.children):
                return None
            return _subject(head, outside=outside)
    root = verb.sent.root
    if verb.dep_ == "acl" and root.i < verb.i and _misread_predicate(verb):
        phrase = _noun_phrase(root)  # `Roy Cooper, the attorney general, called Friday for ...` read as a noun
        return phrase.doc[phrase.start:min(phrase.end, verb.i)]
    if verb.dep_ == "ROOT" and verb.i > verb.sent.start:
        # `In a meeting with the Washington Post Trump said ...`: a name the parse hung on the phrase before
        # (past a parenthesis: `Sen. Lindsey Graham (R-SC) called out ...`)
        end = verb.i
        if verb.doc[end - 1].text == ")":
            end = next((t.i for t in reversed(verb.doc[verb.sent.start:end - 1]) if t.text == "("), end)
        apposition = verb.doc[end - 2] if end - 2 > verb.sent.start and verb.doc[end - 1].text == "," else None
        if apposition is not None and apposition.dep_ == "appos" and apposition.head.i < apposition.left_edge.i \
                and verb.doc[apposition.left_edge.i - 1].text == ",":
            end = apposition.left_edge.i - 1  # `..., Senator Harry Reid, the minority leader, said ...`
        before = verb.doc[end - 1]
        name = next((e for e in verb.doc.ents if e.start <= before.i < e.end), None)
        if name is not None and name.end == end and name.label_ in ("PERSON", "ORG") \
                and before.dep_ in ("pobj", "compound", "appos", "conj") \
                and not outside[0] <= name.start_char < outside[1]:
            return name
        if name is None and end == verb.i and before.dep_ == "compound" and before.head.i == verb.i \
                and before.is_title and verb.is_lower and _is_speech_verb(verb) \
                and not outside[0] <= before.idx < outside[1]:
            return _noun_phrase(before)  # `Trump predicts that ...`, read as a noun with its compound
    return None


def _misread_predicate(verb: Token) -> bool:
    """A verb the parse hung on a noun as a clause (`acl`) in a sentence whose head is a noun
    with no verb of its own: the sentence's predicate, misread (`One of the doctors who sent
    the letter called Oz a quack`); not a participle (`members, called to service by the
    governor`, `a fund called Sarn Futures`)."""
    root = verb.sent.root
    part = next((o for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), None)  # `one of the doctors`
    return _looks_past(verb) and verb.is_lower and root.dep_ == "ROOT" \
        and (_can_speak(root) or part is not None and _can_speak(part)) \
        and FORMS.get(root.lower_) not in VERBS and not (root.pos_ and root.pos_ in ("VERB", "AUX")) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "cop", "expl") for c in root.children) \
        and not any(c.dep_ in ("agent", "auxpass", "aux") for c in verb.children)


def _it_antecedent(subject: Span | None, inside: list[tuple[int, int]], *, aside: bool = False) -> Span | None:
    """What a subject `it` that speaks stands for (`The city sent a letter on Thursday. It says
    ...`): the nearest subject before it, in its sentence or the one before, that is neither a
    person nor a plural, nor itself a pronoun, nor quoted; only in the sentence before for an `it
    says` set in what it says (`aside`). None for any other subject, and for the `it` of `it's expected
    that ...`."""
    if subject is None or subject.root.lower_ != "it" or subject.root.dep_ != "nsubj" \
            or any(c.dep_ == "auxpass" for c in subject.root.head.children):
        return None
    it = subject.root
    doc = it.doc
    start = doc[it.sent.start - 1].sent.start if it.sent.start > 0 else it.sent.start
    for token in reversed(doc[start:it.sent.start if aside else it.i]):
        if token.dep_ == "nsubj" and (token.head.dep_ == "ROOT" or _is_speech_verb(token.head)) \
                and token.lower_ not in NOT_SPEAKERS | PRONOUNS | PLURAL_PRONOUNS | {"i", "we", "you", "who"} \
                and token.ent_type_ != "PERSON" and (_is_noun(token) or _is_proper(token)) \
                and not _in_any(token.idx, inside) \
                and not (token.is_lower and token.lower_.endswith("s") and not token.lower_.endswith("ss")):
            phrase = _noun_phrase(token)
            left = token.i  # its name and modifiers only, not a heading the parse ran into it
            while left > phrase.start and doc[left - 1].dep_ in ("det", "compound", "amod", "poss", "case", "nmod"):
                left -= 1
            return doc[left:phrase.end]
    return None


def _mute(subject: Span) -> bool:
    """A subject that says nothing itself (`it`, `this`, `which`), unless it is `those`
    or `these` with words saying who (`those close to him`, `those who backed the bill`)."""
    root = subject.root
    return root.lower_ in NOT_SPEAKERS and not (
        root.lower_ in ("those", "these") and any(c.dep_ in ("amod", "relcl", "acl", "prep") for c in root.rights))


def _can_speak(token: Token) -> bool:
    """Whether a subject's head can be a speaker: a name, a pronoun for people, an organisation,
    or a noun for people (`officials`, `the campaign`)."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.lower_ in PRONOUNS | PLURAL_PRONOUNS \
        or token.lower_ in ("i", "we", "who") or _lemma(token) in ORG_HEADS or _is_people_noun(token)


def _pobj_span(preposition: Token) -> Span | None:
    pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return _noun_phrase(pobj) if pobj is not None else None


def _noun_phrase(head: Token) -> Span:
    """The speaker phrase: the head with what precedes it (titles, names), not clauses after it.

    It never crosses a line break: scraped text puts navigation lines right before a sentence.
    """
    doc = head.doc
    left = min((t.i for t in head.subtree if t.i <= head.i), default=head.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nmod") or (child.dep_ == "prep" and child.lower_ in ("of", "for", "at")
                                                         and head.lower_ != "people") \
                or head.lower_ in ("those", "these") and child.dep_ in ("amod", "prep", "acl"):  # `those close to him`
            right = max(right, max(t.i for t in child.subtree))
        else:
            break
    while left < right and doc[left].dep_ in ("punct", "cc", "prep"):
        left += 1
    for i in range(head.i, left, -1):  # no line break between the head and the start
        if "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space:
            left = i
            break
    for i in range(head.i, right):
        if "\n" in doc[i].whitespace_ or doc[i + 1].is_space:
            right = i
            break
    return doc[left:right + 1]


def _subtree_chars(token: Token, tokens: list[Token] | None = None) -> tuple[int, int]:
    """A clause's characters without its `that`; `whether` and `if` stay: `did not say whether
    the drones were delivered` states no delivery. `tokens`: the clause's subtree, when listed already."""
    tokens = list(token.subtree) if tokens is None else tokens
    start = tokens[0]
    if start.dep_ == "mark" and start.lower_ == "that" and len(tokens) > 1:
        start = tokens[1]
    return start.idx, tokens[-1].idx + len(tokens[-1])


def _tokens_from(doc: Doc, offset: int, count: int, body: str) -> list[Token]:
    span = doc.char_span(offset, len(body), alignment_mode="expand") if offset < len(body) else None
    return list(span[:count]) if span is not None else []


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces, quotation marks and the comma before an attribution."""
    while start < end and (body[start].isspace() or body[start] in OPENING + CLOSING + STRAIGHT + ",;:—–"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in OPENING + CLOSING + STRAIGHT + ",;:—–"):
        end -= 1
    return start, end


def _balanced(body: str, start: int, end: int) -> tuple[int, int]:
    """Reported speech that opens or ends with a quoted phrase (`"no special development" had
    taken place ...`) keeps that phrase's mark, which `_trim` took off, so its marks pair up."""
    text = body[start:end]
    opens, closes = sum(text.count(c) for c in OPENING), sum(text.count(c) for c in CLOSING)
    odd = text.count(STRAIGHT) % 2 == 1
    if (closes > opens or odd) and start > 0 and body[start - 1] in OPENING + STRAIGHT:
        return start - 1, end
    if (opens > closes or odd) and end < len(body) and body[end] in CLOSING + STRAIGHT:
        return start, end + 1
    return start, end


def _covered(pieces: Iterable[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    return sorted(p for group in pieces for p in group)


def _in_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= offset < e + 1 for s, e in ranges)


def _offset_mask(length: int, ranges: list[tuple[int, int]]) -> bytearray:
    """`_in_any(offset, ranges)` for every offset from 0 to `length`, to read by index where
    many offsets are tested against the same ranges."""
    mask = bytearray(length + 1)
    for start, end in ranges:
        start, end = max(0, start - 1), min(len(mask), end + 1)
        mask[start:end] = b"\x01" * max(0, end - start)
    return mask


def _extent(pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """From the first offset of `pieces` to the last ((0, 0) for none)."""
    return min((s for s, _ in pieces), default=0), max((e for _, e in pieces), default=0)


def _overlap(span: tuple[int, int], ranges: list[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in ranges)


def _words(body: str, span: QuotedSpan) -> int:
    return sum(len(body[s:e].split()) for s, e in span.pieces)


def _clip_to_paragraph(body: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """`start`..`end` cut to the line that holds `anchor`."""
    line_start = _line_start(body, anchor)
    line_end = body.find("\n", anchor)
    line_end = len(body) if line_end < 0 else line_end
    return max(start, line_start), min(end, line_end)


def _line_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _continues(body: str, previous: QuotedSpan, span: QuotedSpan) -> bool:
    """`span` opens its paragraph, or follows `previous`'s attribution sentence in the same one."""
    between = body[previous.closed:span.opened]
    if between.count("\n") > 0:
        line = body[_line_start(body, span.opened):span.opened]
        return not line.strip() and between.count("\n\n") <= 1 and len(between) < 400
    return len(between) < 120


# --- speakers ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None
    position: int
    sentence: int = -1  # start offset of its sentence
    is_subject: bool = False
    is_owner: bool = False  # named as a possessor (`Obama's aides`)


def _resolve_speakers(article: Article, doc: Doc, statements: Sequence[_Found]) -> None:
    """Fill each statement's `speaker`, resolving pronouns, roles and surnames in the article."""
    quoted = _covered(s.pieces for s in statements if s.kind != "indirect")
    # First words of organisation names ("Teskar" of "Teskar Chemicals") are not people.
    org_words = frozenset(ent[0].text for ent in doc.ents if ent.label_ == "ORG" and len(ent) > 1)
    people = [p for p in _people(doc) if not _in_any(p.position, quoted) and p.name not in org_words]
    last_person: _Person | None = None
    for statement in statements:
        if statement.subject is None:
            if statement.inherited is not None:
                statement.speaker = statement.inherited.speaker
            continue
        if statement.stands_for is not None:  # the organisation or document, named where `it` speaks
            speaker, person = _speaker(article, statement.stands_for, people, last_person, org_words)
            it = article.mention(statement.subject.start_char, statement.subject.end_char)
            # never a person (a name the recogniser missed), nor the one a later "he" or "she" is
            speaker, person = (Speaker(mention=it) if speaker.kind == "person" else replace(speaker, mention=it)), None
        else:
            speaker, person = _speaker(article, statement.subject, people, last_person, org_words)
        statement.speaker = speaker
        if person is not None:
            last_person = _Person(person.name, person.role, statement.subject.start_char,
                                  statement.subject.sent.start_char, True)


def _people(doc: Doc) -> list[_Person]:
    """Named people in order of mention, with a role where the text gives one next to the name."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        tokens = list(ent)
        while len(tokens) > 1 and (_lemma(tokens[0]) in ROLE_WORDS or tokens[0].lower_.endswith("ed")
                                   and FORMS.get(tokens[0].lower_) in SPEECH_VERBS):
            tokens = tokens[1:]  # "Spokeswoman Irena Valdaro", "Stated Stone:" (not "Said Jalili")
        name = _clean_name(" ".join(t.text for t in tokens))
        if not name:
            continue
        found.append(_Person(name, _title_before(ent) or _role_near(ent), ent.start_char, ent.sent.start_char,
                             ent.root.dep_ in ("nsubj", "nsubjpass"), ent.root.dep_ == "poss"))
    roles: dict[str, str] = {}
    for person in found:  # surnames to full names, and each name's role wherever the text gives it
        person.name = _full_name(person.name, found, person.position)
        if person.role:
            roles.setdefault(person.name, person.role)
    for person in found:
        person.role = person.role or roles.get(person.name)
    return found


def _title_before(ent: Span) -> str | None:
    """`Kremlin spokesman Dmitry Peskov` -> "Kremlin spokesman" (modifiers of the name before it)."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and ent.start <= doc[i].head.i < ent.end + 1 \
            or (i >= 0 and doc[i].dep_ in ("compound", "amod") and doc[i].head.i > i and doc[i].head.i < ent.end
                and doc[doc[i].head.i].dep_ in ("compound", "amod")):
        i -= 1
    title = doc[i + 1:ent.start]
    if len(title) and any(_lemma(t) in ROLE_WORDS for t in title):
        return title.text
    return None


def _speaker(
    article: Article, subject: Span, people: list[_Person], last: _Person | None, org_words: frozenset[str]
) -> tuple[Speaker, _Person | None]:
    body = article.body
    start, end = subject.start_char, subject.end_char
    while start < end and body[start] in "“”\"'‘’,":
        start += 1
    mention = article.mention(start, end) if end > start else None
    head = subject.root
    text = " ".join(body[start:end].split())
    lower = head.lower_
    # "Clinton's spokesman", "Mr. Trump's decision": the owner is not who speaks
    owners = set() if head.ent_type_ == "PERSON" else {
        t.i for c in subject if c.dep_ == "poss" and c.i != head.i and c.head.ent_type_ != "PERSON" for t in c.subtree}
    person_tokens = [t for t in subject if t.ent_type_ == "PERSON" and t.i not in owners]
    while person_tokens and (_lemma(person_tokens[0]) in ROLE_WORDS or person_tokens[0].text in org_words):
        person_tokens = person_tokens[1:]  # "Spokeswoman Irena Valdaro", "Teskar Irena Valdaro"
    named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if not person_tokens and named is not None and (owners or head.is_lower):
        # "Clinton's spokesman Brian Fallon", "Obama's press secretary, Josh Earnest,", "the
        # harbour master, Dalia Renko,": the name in apposition speaks, in the role the rest gives
        name = _full_name(_clean_name(" ".join(t.text for t in named.subtree if t.ent_type_ == "PERSON")),
                          people, subject.start_char)
        role = _strip_determiner(text)
        person = _Person(name, role, subject.start_char)
        return Speaker(name=name, mention=mention, role=role, kind="person"), person
    if len(person_tokens) == 1 and person_tokens[0].text in org_words and person_tokens[0].i == head.i:
        return Speaker(name=_strip_determiner(text), mention=mention, kind="organisation"), None
    if person_tokens:
        name = _clean_name(" ".join(t.text for t in person_tokens))
        name = _full_name(name, people, subject.start_char)
        role = _role_in(subject, person_tokens) or _role_of(name, people)
        person = _Person(name, role, subject.start_char)
        return Speaker(name=name, mention=mention, role=role, kind="person"), person
    if len(subject) == 1 and head.text[:1].isupper():
        # `Fallon added ...` at a sentence start, which the recogniser left unnamed or took for a
        # place: a surname of someone the article has named in full before
        surname = _clean_name(head.text)
        known = next((p for p in people if " " in p.name and p.name.split()[-1] == surname
                      and p.position < subject.start_char), None)
        if known is not None:
            role = known.role or (last.role if last is not None and last.name == known.name else None)
            return Speaker(name=known.name, mention=mention, role=role, kind="person"), known
    if lower in PRONOUNS or lower == "i":
        recent = _antecedent(people, last, subject.start_char, lower, subject.sent.start_char)
        if recent is not None:
            return Speaker(name=recent.name, mention=mention, role=recent.role, kind="person"), recent
        return Speaker(mention=mention), None
    if lower in PLURAL_PRONOUNS:
        return Speaker(mention=mention), None
    determiner = subject[0].lower_ if len(subject) else ""
    if _lemma(head) in ROLE_WORDS and determiner in ("the", "this") and _lemma(head) not in ANONYMOUS_HEADS:
        person = _by_role(_lemma(head), people, last, subject.start_char)
        if person is not None:
            return Speaker(name=person.name, mention=mention, role=person.role, kind="person"), person
    if (lower in PART_WORDS or head.like_num) and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights) \
            and not any(t.ent_type_ == "PERSON" and t.i not in owners for t in subject):
        # `one of the doctors`, `some of the fishers`: unnamed members of a group
        group = _strip_determiner(text)
        return Speaker(name=group[:1].lower() + group[1:], mention=mention, kind="anonymous"), None
    if (_lemma(head) in ANONYMOUS_HEADS or lower in ANONYMOUS_HEADS or lower in ("those", "these") and len(subject) > 1
            or head.is_lower and _lemma(head) in ROLE_WORDS - NOT_PEOPLE_ROLES) \
            and not any(t.ent_type_ == "PERSON" for t in subject):
        # "a senior official", and a person the text names by role only: "the chief of the CIA"
        return Speaker(name=_strip_determiner(text), mention=mention, kind="anonymous"), None
    affiliation = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "at", "from")), None)
    if _is_proper(head) and _lemma(head) not in ORG_HEADS and head.text not in org_words \
            and not (head.ent_type_ == "" and _title_cased(body, head.idx)) and (
            head.ent_type_ not in ("ORG", "GPE", "NORP") or (affiliation is not None and head.ent_type_ == "ORG")):
        # a name the entity recogniser missed, or read as part of "X of the Institute"
        name = _full_name(_clean_name(_name_tokens(subject)), people, subject.start_char)
        role = " ".join(t.text for t in affiliation.subtree if t.dep_ != "det")[3:].strip() if affiliation else None
        person = next((p for p in people if p.name == name), None) or _Person(name, role or None, subject.start_char)
        return Speaker(name=name, mention=mention, role=person.role, kind="person"), person
    if any(t.ent_type_ in ("ORG", "GPE", "NORP") and t.i not in owners for t in subject) \
            or _lemma(head) in ORG_HEADS or head.text in org_words:
        named = _organisation_named(subject) if determiner == "the" and len(subject) == 2 else None
        return Speaker(name=named or _strip_determiner(text), mention=mention, kind="organisation"), None
    if _is_noun(head) or (owners and head.text[:1].isupper()):
        # "environmental campaigners", "several members of the committee"; "the study", "Russia's Plan"
        kind = "anonymous" if _is_people_noun(head) else "other"
        return Speaker(name=_strip_determiner(text), mention=mention, kind=kind), None
    return Speaker(mention=mention), None


def _organisation_named(subject: Span) -> str | None:
    """The organisation `the ministry` / `the inspectorate` stands for: the nearest organisation
    named before it whose name holds that noun (`the National Environmental Inspectorate`)."""
    word = _lemma(subject.root)
    if word not in ORG_HEADS:
        return None
    for ent in reversed([e for e in subject.doc.ents if e.label_ == "ORG" and e.end_char <= subject.start_char]):
        if word in {_lemma(t) for t in ent}:
            return _strip_determiner(ent.text)
    return None


def _is_people_noun(token: Token) -> bool:
    """Whether a common noun names people (`officials`, `voters`, `experts`, `12 percent`)."""
    word = token.lower_
    stems = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word,
             word[:-3] + "y" if word.endswith("ies") else word, _lemma(token)}
    return any(stem in ANONYMOUS_HEADS or stem in ROLE_WORDS or stem in PEOPLE_NOUNS
               or (len(stem) > 5 and stem.endswith(PEOPLE_SUFFIXES)) for stem in stems)


def _title_cased(body: str, offset: int) -> bool:
    """Whether the line holding `offset` is in title case (`Russia's Plan To Buy Drones Indicate
    Its Military Weakness`), where a capital does not mark a name."""
    start = body.rfind("\n", 0, offset) + 1
    end = body.find("\n", offset)
    words = [w for w in re.findall(r"[^\W\d_]+", body[start:len(body) if end < 0 else end]) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _name_tokens(subject: Span) -> str:
    head = subject.root
    tokens = [t for t in subject if t.i <= head.i and _is_proper(t) and (t.head.i == head.i or t.i == head.i)
              and _lemma(t) not in ROLE_WORDS]
    return " ".join(t.text for t in tokens) or head.text


def _clean_name(text: str) -> str:
    text = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w
                    for w in text.replace("’s", "").replace("'s", "").split())
    return HONORIFICS.sub("", text).strip(" ,.")


def _full_name(name: str, people: list[_Person], position: int) -> str:
    """`Sullivan` -> `Jake Sullivan` when the article names one such person in full."""
    if " " in name:
        return name
    full = {p.name for p in people if " " in p.name and p.name.split()[-1] == name}
    return full.pop() if len(full) == 1 else name


def _role_in(subject: Span, person_tokens: list[Token]) -> str | None:
    """`National Security Adviser Jake Sullivan` -> "National Security Adviser"; appositions too."""
    first = person_tokens[0].i
    title = [t for t in subject if t.i < first and t.dep_ != "det" and t.ent_type_ != "PERSON" and t.dep_ != "poss"
             and t.text not in ("’s", "'s")]
    if title and any(_lemma(t) in ROLE_WORDS or t.text[:1].isupper() for t in title):
        role = " ".join(t.text for t in title).strip(" ,")
        if role and not HONORIFICS.match(role + " "):
            return role
    return _role_near(subject)


def _role_near(span: Span) -> str | None:
    """An apposition after a name: `Nasser Kanani Chafi, a spokeswoman for the ministry`."""
    head = span.root
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is None:
        return None
    tokens = [t for t in appos.subtree if not (t.dep_ == "det" and t.i == appos.left_edge.i)]
    text = " ".join(t.text for t in tokens).strip(" ,")
    return text if _lemma(appos) in ROLE_WORDS and len(text) < 80 else None


def _role_of(name: str, people: list[_Person]) -> str | None:
    return next((p.role for p in people if p.name == name and p.role), None)


def _antecedent(people: list[_Person], last: _Person | None, position: int, pronoun: str = "",
                sentence: int = -1) -> _Person | None:
    """Who `he`/`she` at `position` most likely is: a person in the nearest sentence that names
    one, its first subject first (`The spokeswoman declined to say whether Dzhabarov would stay.
    She said ...`); the previous speaker counts as named where they spoke. A role that tells a
    man from a woman (spokesman, spokeswoman) rules out the other pronoun. In the pronoun's own
    `sentence` (its start offset), a person named neither as a subject nor as an owner is passed
    over for the sentence before (`Campaigning against Bellin, she said ...`)."""
    excluded = {"she": "man", "her": "man", "he": "woman", "him": "woman"}.get(pronoun)
    before = [p for p in people if p.position < position and (excluded is None or _role_sex(p.role) != excluded)]
    if last is not None and last.position < position and (excluded is None or _role_sex(last.role) != excluded):
        before.append(last)
    if not before:
        return None
    nearest = max(p.sentence for p in before)
    in_sentence = sorted((p for p in before if p.sentence == nearest), key=lambda p: p.position)
    subjects = [p for p in in_sentence if p.is_subject]
    if not subjects and nearest == sentence and not any(p.is_owner for p in in_sentence):
        # `Campaigning against Mitt Romney, he barely mentioned ...`: whom the speaker's own clause
        # names is not the speaker; the sentence before, if it names anyone
        earlier = [p for p in before if p.sentence < nearest]
        if earlier:
            return _antecedent(earlier, None, position, pronoun, sentence)
    return subjects[0] if subjects else in_sentence[-1]


NOT_MEN = frozenset("human humans german germans roman romans shaman omen".split())


def _role_sex(role: str | None) -> str | None:
    """"woman" for a role such as spokeswoman or chairwoman, "man" for spokesman, else None."""
    words = (role or "").lower().replace("-", " ").split()
    if any(w.endswith(("woman", "women")) for w in words):
        return "woman"
    if any(w.endswith(("man", "men")) and w not in NOT_MEN for w in words):
        return "man"
    return None


def _by_role(role_word: str, people: list[_Person], last: _Person | None, position: int) -> _Person | None:
    if last is not None and last.role and role_word in last.role.lower():
        return last
    for person in reversed([p for p in people if p.position < position]):
        if person.role and role_word in person.role.lower():
            return person
    return None


def _strip_determiner(text: str) -> str:
    text = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", text).strip(" ,")
    return re.sub(r"^Th(?=(?:ose|ese)\s)", "th", text)  # `those close to him`, as any other group
