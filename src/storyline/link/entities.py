"""Canonical entities across articles: one entity per person, organisation, place or
piece of equipment the story names, however each article writes it.

Each mention is first read for the name it carries. A leading "the", a trailing
possessive, line-break junk and descriptions ("European airframer Airbus", "Jusman
Syafii Djamal, minister of transport") are trimmed off; titles and roles go to the
entity's `roles`, with the words as written in `role_mentions` ("National Security
Adviser Jake Sullivan"); obvious NER junk (lowercase-only strings, single letters,
numbers) is dropped. With the articles at hand, the role written next to a
person's name is read too ("John Kirby, a spokesman for the national security
council", "Iran's foreign ministry spokesman Nasser Kanani").

Names are then joined, always within candidate blocks (same folded letters, same
initials, same first word), never over all pairs:

1. **Spellings of one name**: the same letters once case, accents, punctuation and
   transliteration habits are set aside ("Houthi"/"Huthi", "Dzhabarov"/"Djabarov",
   "Kanani"/"Kanaani", "Zelensky"/"Zelenskyy"), whatever type each mention was
   given; close spellings of the same type (rapidfuzz, word by word, numbers exact,
   a person's given name folded alike: "Ivana" and "Ivanka" are two people);
   the plural of a piece of equipment or a nationality ("A380s"); a longer form of
   a person's name ("Nasser Kanani Chafi"), and of an organisation or equipment
   name, when it is the only longer form. An equipment name a gazetteer spells
   another way ("Geran-2" for "Shahed-136") is read as the gazetteer's name.
2. **Short mentions** (one word: "Sullivan", "Teskar", "US") go to the full name
   they shorten: a surname to the person, an acronym to the name whose initials it
   is, a first word to the only organisation it starts (not when a place's name
   starts with it too: "Orvane" of "Orvane River Authority" may be the river), a
   word of an equipment name to that equipment. They are resolved in their own article first, where an
   ambiguous one goes to the candidate it follows, if only one is named before it,
   or stays unresolved; then across the story, where a single candidate is needed
   (or the one its other mentions resolved to in their articles). "Joe Biden" and
   "Hunter Biden" stay two people.
3. **Types** that disagree between mentions ("Huthi" ORG here, NORP there) are
   voted: a short mention votes for the type of the name it was resolved to
   ("Teskar", often PERSON to spaCy, for the organisation "Teskar Chemicals"), and
   a place label counts double (the small model calls unfamiliar towns ORG or
   PERSON in many sentences, a name that is not a place rarely GPE).

`spelling_variants` then lists the entities spelled two ways, for the
contradictions stage.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ..extract.equipment import Gazetteer, load_gazetteer
from ..model import Article, Entity, EntityMention, Mention, Quote
from ..words import MONTHS, STOPWORDS

# Two words are spellings of one name at this rapidfuzz ratio (after transliteration folding)...
SAME_WORD_RATIO = 88
# ...when both have at least this many letters (shorter words must fold to the same letters)...
MIN_FUZZY_LETTERS = 5
# ...and folding applies from this many letters ("Va." and "W.Va." are not one).
MIN_FOLDED_LETTERS = 4
# Blocks larger than this are compared with rapidfuzz's matrix scorer instead of pair by pair.
MATRIX_BLOCK = 64
# Acronyms are read from this many capitals.
ACRONYM_LETTERS = range(2, 7)

# The label of a name the quote stage found speaking as a person (`speaker_mentions`).
SPEAKER = "SPEAKER"
# Preference when the votes for an entity's type are tied.
TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "EVENT", "LAW", "WORK_OF_ART")
PLACE_TYPES = frozenset({"GPE", "LOC"})
PLURAL_TYPES = frozenset({"EQUIPMENT", "NORP"})
# Types spaCy's small model gives unfamiliar people's names: a surname may still stand for them.
PERSON_LOOKALIKES = frozenset({"EQUIPMENT", "WORK_OF_ART", "EVENT", "LAW"})
# A place label counts this much in a type vote: the small model calls unfamiliar towns ORG or
# PERSON in many contexts, a name that is not a place rarely GPE.
PLACE_VOTE = 2

# Role nouns: a name ends before them ("Apple Computer CEO" is a role, not a name) and
# they head the role written next to a name ("a spokesman for ...").
ROLE_HEADS = frozenset("""
spokesman spokeswoman spokesperson spokespeople adviser advisor minister secretary president vice-president
chairman chairwoman chairperson director ceo cfo coo cto mayor governor senator congressman congresswoman
ambassador envoy commander officer official inspector commissioner superintendent chancellor premier
prosecutor attorney lawyer analyst researcher lecturer economist scientist engineer founder co-founder
cofounder manager executive editor correspondent reporter journalist columnist presenter author historian
consultant strategist diplomat negotiator deputy aide administrator coordinator campaigner activist
leader spokes-man
""".split())
# Words that may only precede a name as a title (they also end names: "Burger King").
TITLES = ROLE_HEADS | frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr king queen prince princess sheikh
sheik emir ayatollah imam rabbi pope cardinal bishop archbishop general gen judge justice sen rep gov col
colonel lt lieutenant capt captain maj major sgt sergeant adm admiral cmdr chief chair head owner
""".split())
# Courtesy titles are trimmed from a name but are not roles.
COURTESY = frozenset("mr mrs ms miss mx dr messrs mme".split())
# Nouns describing an organisation or a place in front of its name ("aircraft manufacturer Boeing").
DESCRIPTORS = frozenset("""
manufacturer maker airline carrier company firm group agency airframer consortium operator giant rival
subsidiary parent organisation organization party network newspaper broadcaster outlet website militia
movement producer developer retailer supplier contractor bank insurer regulator watchdog union club team
channel city town country region province capital village
""".split())
# Lowercase words that may stand inside a title before a name ("foreign ministry spokesman").
MODIFIERS = frozenset("""
national security foreign ministry affairs defence defense state deputy senior chief vice former acting interim
press prime first interior finance economy economic environment environmental health public plant campaign committee
council party opposition military army navy naval air force intelligence government presidential regional
executive operating general assistant associate principal managing technical political communications energy
trade justice home transport transportation agriculture education culture information supreme top lead company
news agency department office federal local city town county district union group police fire parliamentary
parliament legal research science policy programme program project board bank central human rights authority
river plant's company's board's ministry's
""".split())
# Lowercase words that join the words of one name ("Bank of America", "Bashar al-Assad").
CONNECTORS = frozenset("of and & de du des la le van von der den bin bint ibn al el da di dos das y for on upon"
                       .split())
# Name particles that are not a given name ("al-Assad" is a surname alone).
PARTICLES = frozenset("al el bin bint ibn abu van von de da di du le la der den ben del dos das".split())
# Company-form words dropped from the end of an organisation's name ("Apple Inc.").
LEGAL_FORMS = frozenset("inc ltd llc plc corp co nv sa ag gmbh limited incorporated corporation company".split())
PREPOSITIONS = frozenset("in at near from outside inside to by with into across over under beside".split())
DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised words that never belong to a title in front of a name.
_NOT_TITLE = STOPWORDS | frozenset(MONTHS) | _WEEKDAYS | frozenset(
    "yesterday today tonight tomorrow meanwhile however earlier later last next also".split())
# Words that end a role written after a name: the clause goes on.
_CLAUSE_WORDS = frozenset("""
who whom whose which that said says told tells was were is are has have had will would could should can
may might did does do added announced according when while after before as because since but
""".split())

_QUOTES = "\"'`“”‘’«»„"
_TOKEN = re.compile(r"[^\s(),;:|—–\[\]]+|[(),;:|—–\[\]]")
_SEGMENT_BREAKS = frozenset(",;:|—–()[]-")
_ROLE_TOKEN = re.compile(r"\w[\w'’.&-]*|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ROLE_AFTER = re.compile(r"[ \t]*,[ \t]+(?:(?:a|an|the)[ \t]+)?(?P<role>[^,.;:()\n\"“”—–\[\]]{2,160})")
_POSSESSIVE = ("'s", "’s")
_DIGIT = re.compile(r"\d")
_AFTER_ROLE = frozenset("of for at to in on with and from".split())
_BREAKS_IN_ALIAS = re.compile(r"[,;:()|—–\[\]]")
_NOT_IN_NAMES = re.compile(r"[=<>{}@#$%^*~\\|]|https?:|www\.")
_UNSPOKEN = re.compile(r"[.'’`\"“”‘«»„]")
_PREVIOUS_WORD = re.compile(r"([\w.-]+)[ \t]*,?[ \t]*$")


# --- public API -----------------------------------------------------------------------------


def link_entities(
    articles: Sequence[Article], mentions: Iterable[EntityMention], *, gazetteers: Sequence[Path] = ()
) -> tuple[Entity, ...]:
    """Canonical entities of the story told by `articles`, from the per-article entity
    mentions (spaCy's and `extract.equipment`'s), most-mentioned first. Entity ids are
    stable across runs (`entity_id`). `articles` supply the text around each mention
    (roles written next to a name; the order of mentions); a mention of an article not
    given is still linked, by its own text. `gazetteers` are user equipment gazetteers
    beside the bundled one, whose other names for one piece of equipment are joined."""
    return link_entity_mentions(articles, mentions, gazetteers=gazetteers)[0]


def link_entity_mentions(
    articles: Sequence[Article], mentions: Iterable[EntityMention], *, gazetteers: Sequence[Path] = ()
) -> tuple[tuple[Entity, ...], tuple[str | None, ...]]:
    """`link_entities`, and for each given mention the id of its entity (None for one
    dropped as junk): what the evaluation scores and a caller mapping its own mentions needs."""
    mentions = list(mentions)
    bodies = {article.id: article.body for article in articles}
    order = {article.id: n for n, article in enumerate(articles)}
    gazetteer = load_gazetteer(gazetteers)
    items = _items(mentions, gazetteer)
    if not items:
        return (), tuple(None for _ in mentions)
    for item in items:
        order.setdefault(item.mention.article, len(order))
    items.sort(key=lambda i: (order[i.mention.article], i.mention.start, i.mention.end))
    for position, item in enumerate(items):
        item.position = position
    forms = _forms(items)
    roots = _join_forms(forms)
    clusters = _resolve_short(items, forms, roots)
    entities, id_of_root = _build(clusters, forms, order, bodies)
    ids: list[str | None] = [None] * len(mentions)
    for root, members in clusters.items():
        for item in members:
            for index in item.indices:
                ids[index] = id_of_root[root]
    return entities, tuple(ids)


def group_entities(mentions: Iterable[EntityMention]) -> tuple[Entity, ...]:
    """`link_entities` without the articles' texts (no roles read around the mentions)."""
    return link_entities((), mentions)


def entity_id(kind: str, name: str) -> str:
    """A stable id: the same entity gets the same id in every run."""
    return "ent-" + hashlib.sha1(f"{kind}\0{name}".encode()).hexdigest()[:10]


def spelling_variants(
    entities: Sequence[Entity],
) -> list[tuple[Entity, tuple[Mention, ...], tuple[Mention, ...]]]:
    """Entities whose mentions spell one word of the name two ways ("Dzhabarov" and
    "Djabarov", "Houthi" and "Huthi"), with the mentions of each spelling, the less common
    first. A surname beside the full name, a possessive, case or accents are not variants;
    when more than one word varies, the word with the most mentions is reported."""
    found = []
    for entity in entities:
        by_word: dict[str, list[Mention]] = defaultdict(list)
        for mention in entity.mentions:
            for word in set(_variant_words(mention.text)):
                by_word[word].append(mention)
        words = sorted(by_word, key=lambda w: (-len(by_word[w]), w))
        best: tuple[int, str, str] | None = None
        for n, first in enumerate(words):
            for second in words[n + 1:]:
                if _same_word(first, second) and not _plural_pair(first, second):
                    weight = len(by_word[first]) + len(by_word[second])
                    if best is None or weight > best[0]:
                        best = (weight, first, second)
        if best is None:
            continue
        _, common, rare = best
        rare_side = tuple(m for m in by_word[rare] if m not in set(by_word[common]))
        common_side = tuple(m for m in by_word[common] if m not in set(by_word[rare]))
        if rare_side and common_side:
            found.append((entity, rare_side, common_side))
    return found


# --- reading one mention ----------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """One mention read for its name."""

    indices: list[int]  # positions of the given mentions it stands for (identical spans are one item)
    raw: Mention
    mention: Mention  # the name's span
    label: str
    tokens: tuple[str, ...]  # folded words of the name
    display: str  # the name as written, or the gazetteer's name for it
    roles: list[Mention] = field(default_factory=list)
    acronym: str | None = None  # defined in parentheses: "Singapore Airlines (SIA)"
    full: bool = False  # a full name though of one word: "Apple Inc."
    form: str = ""
    position: int = 0  # reading order over the story: articles in order, then offsets
    vote: str = ""  # its type vote: its label, or the type of the full name it was resolved to


@dataclass(slots=True)
class _Form:
    """Every mention of one folded name."""

    key: str
    tokens: tuple[str, ...]
    content: tuple[str, ...]  # transliteration-folded words, particles and connectors out
    votes: Counter[str] = field(default_factory=Counter)
    full: bool = False  # some mention gives it as a full name ("Apple Inc.")
    type: str = ""  # the voted type of its mentions

    @property
    def long(self) -> bool:
        return len(self.content) > 1


def speaker_mentions(quotes: Iterable[Quote]) -> list[EntityMention]:
    """The names of speakers the quote stage resolved to people, where the text writes them
    in full ("Justin Bronk of the Royal United Services Institute told ..."), as `SPEAKER`
    mentions: evidence that a name the recogniser found there is a person's, whatever it
    labelled it. They add no entity of their own."""
    found = []
    for quote in quotes:
        speaker, mention = quote.speaker, quote.speaker.mention
        if speaker.kind != "person" or not speaker.name or mention is None or " " not in speaker.name:
            continue
        at = mention.text.find(speaker.name)
        if at >= 0:
            found.append(EntityMention(Mention(mention.article, mention.start + at,
                                               mention.start + at + len(speaker.name), speaker.name), SPEAKER))
    return found


def _items(mentions: Sequence[EntityMention], gazetteer: Gazetteer) -> list[_Item]:
    """The mentions read for names, junk dropped, identical spans merged (an equipment label
    wins, then a speaker's), mentions inside an equipment name dropped ("Bayraktar" in
    "Bayraktar TB2")."""
    by_span: dict[tuple[str, int, int], _Item] = {}
    speakers = []
    for index, given in enumerate(mentions):
        if given.label == SPEAKER:
            speakers.append(index)
            continue
        read = _read(given.mention.text, given.label)
        if read is None:
            continue
        (start, end), role_spans, acronym = read
        raw = given.mention
        name = _sub(raw, start, end)
        tokens = _name_tokens(name.text, given.label)
        if not tokens:
            continue
        display = " ".join(name.text.split())
        if given.label == "EQUIPMENT":
            canonical = gazetteer.canonical(display)
            if canonical and canonical != display:
                display, tokens = canonical, _name_tokens(canonical, given.label)
        span = (name.article, name.start, name.end)
        if span in by_span:
            item = by_span[span]
            item.indices.append(index)
            if given.label == "EQUIPMENT" and item.label != "EQUIPMENT":
                item.label, item.tokens, item.display, item.vote = given.label, tokens, display, given.label
            continue
        item = _Item([index], raw, name, given.label, tokens, display,
                     [_sub(raw, s, e) for s, e in role_spans], acronym, vote=given.label,
                     full=len(tokens) < len(_name_tokens(name.text, "PERSON")))
        by_span[span] = item
    for index in speakers:  # they relabel a name the recogniser found; they add no name of their own
        mention = mentions[index].mention
        item = by_span.get((mention.article, mention.start, mention.end))
        if item is not None:
            item.indices.append(index)
            if item.label != "EQUIPMENT":
                item.label = item.vote = "PERSON"
                item.tokens = _name_tokens(item.mention.text, "PERSON") or item.tokens
    items = list(by_span.values())
    return _drop_inside_equipment(items)


def _drop_inside_equipment(items: list[_Item]) -> list[_Item]:
    """Items inside an equipment name given to that equipment's item."""
    by_article: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        if item.label == "EQUIPMENT":
            by_article[item.mention.article].append(item)
    if not by_article:
        return items
    reach: dict[str, tuple[list[int], list[_Item]]] = {}  # starts, and the item reaching furthest so far
    for article, found in by_article.items():
        found.sort(key=lambda i: (i.mention.start, -i.mention.end))
        starts, furthest = [], []
        for item in found:
            starts.append(item.mention.start)
            best = furthest[-1] if furthest and furthest[-1].mention.end >= item.mention.end else item
            furthest.append(best)
        reach[article] = (starts, furthest)
    kept = []
    for item in items:
        m = item.mention
        if item.label != "EQUIPMENT" and m.article in reach:
            starts, furthest = reach[m.article]
            n = _last_at_most(starts, m.start)
            if n >= 0 and furthest[n].mention.end >= m.end:
                furthest[n].indices.extend(item.indices)
                continue
        kept.append(item)
    return kept


def _last_at_most(values: list[int], value: int) -> int:
    low, high = 0, len(values)
    while low < high:
        middle = (low + high) // 2
        if values[middle] <= value:
            low = middle + 1
        else:
            high = middle
    return low - 1


def _sub(mention: Mention, start: int, end: int) -> Mention:
    """The part `start:end` (offsets into its text) of a mention, as a mention."""
    if start == 0 and end == len(mention.text):
        return mention
    return Mention(mention.article, mention.start + start, mention.start + end, mention.text[start:end])


@lru_cache(maxsize=1 << 16)
def _read(text: str, label: str) -> tuple[tuple[int, int], tuple[tuple[int, int], ...], str | None] | None:
    """The name in a mention's text, as `((start, end), role spans, acronym)` with offsets
    into `text`, or None when it names nothing (junk, or a role alone)."""
    line_start, line = _best_line(text)
    tokens = [(m.start() + line_start, m.end() + line_start, m.group()) for m in _TOKEN.finditer(line)]
    segments: list[list[tuple[int, int, str]]] = [[]]
    after_bracket = []
    for token in tokens:
        if token[2] in _SEGMENT_BREAKS:
            segments.append([])
            after_bracket.append(token[2] in "([")
        else:
            segments[-1].append(token)
    name = None
    roles: list[tuple[int, int]] = []
    acronym = None
    for n, segment in enumerate(segments):
        if not segment:
            continue
        if n and after_bracket[n - 1] and len(segment) == 1 and _is_acronym(segment[0][2]):
            acronym = _fold(segment[0][2])
            continue
        if name is None:
            found = _segment_name(segment, label)
            if found is not None:
                name, segment_roles = found
                roles.extend(segment_roles)
                continue
        role = _role_segment(segment)
        if role is not None:
            roles.append(role)
    if name is None:
        return None
    start, end = name
    if not _worth_a_name(text[start:end], label):
        return None
    return name, tuple(roles), acronym


def _best_line(text: str) -> tuple[int, str]:
    """The longest line of a mention that spans a line break (NER junk across a heading)."""
    if "\n" not in text:
        return 0, text
    best, offset, position = "", 0, 0
    for line in text.split("\n"):
        if len(line.strip()) > len(best.strip()) and any(c.isalnum() for c in line):
            best, offset = line, position
        position += len(line) + 1
    return offset, best


def _segment_name(
    segment: list[tuple[int, int, str]], label: str
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """The name in one comma-free piece of a mention and the roles written in it."""
    words = [_bare(t[2]) for t in segment]
    last_word = words[-1].lower().rstrip(".")
    if not _has_name_word(words[-1]) and (last_word in ROLE_HEADS or last_word in DESCRIPTORS):
        return None  # a description: "European aircraft manufacturer"
    runs = _runs(segment, words)
    if not runs:
        return None
    # The last name, unless it is in a phrase after the head ("Moscone Center in San Francisco").
    heads = [r for r in runs if r[0] == 0 or words[r[0] - 1].lower() not in PREPOSITIONS]
    first, last = heads[-1] if heads else runs[0]
    # A leading "The" is no part of a name.
    while last > first and words[first].lower() in DETERMINERS:
        first += 1
    run_words = [w.lower().rstrip(".") for w in words[first:last + 1]]
    if run_words[-1] in ROLE_HEADS and not any(c.isdigit() for c in words[last]):
        return None  # a role alone: "Supreme Leader", "Apple Computer CEO"
    roles: list[tuple[int, int]] = []
    if label == "PERSON" or run_words[0] in COURTESY:
        split = max((k for k in range(len(run_words) - 1) if run_words[k] in TITLES), default=-1)
        if split >= 0:
            rest = run_words[split + 1]
            if rest in CONNECTORS:
                return None  # "Prime Minister of Singapore": a role
            if any(w not in COURTESY for w in run_words[:split + 1]):
                roles.append((segment[first][0], segment[first + split][1]))
            first += split + 1
    # A description in front of the name: "aircraft manufacturer Boeing", "Teskar spokeswoman".
    before = [k for k in range(0, first) if words[k].lower() not in DETERMINERS]
    if before:
        head = words[first - 1].lower().rstrip(".")
        if (head in TITLES or head in DESCRIPTORS) and head not in COURTESY:
            roles.append((segment[before[0]][0], segment[first - 1][1]))
    start, end = segment[first][0], segment[last][1]
    tail = segment[last][2]
    if tail.endswith(_POSSESSIVE) and len(tail) > 2:
        end -= 2
    elif tail.endswith(("'", "’")) and len(tail) > 1 and tail[-2] != "s":
        end -= 1
    while end > start and segment[last][2][end - segment[last][0] - 1] in _QUOTES:
        end -= 1
    last_token = segment[last][2][:end - segment[last][0]]
    if last_token.endswith(".") and last_token.count(".") == 1 and len(last_token) > 4:
        end -= 1  # a full stop, not an abbreviation's ("Inc.", "U.S.")
    while start < end and start - segment[first][0] < len(segment[first][2]) \
            and segment[first][2][start - segment[first][0]] in _QUOTES:
        start += 1
    return (start, end), roles


def _runs(segment: list[tuple[int, int, str]], words: list[str]) -> list[tuple[int, int]]:
    """Maximal stretches of name words (joined by connectors), as (first, last) token
    indices; a stretch owning what follows ("Boeing 's 787") is a possessor, not a name."""
    runs: list[tuple[int, int]] = []
    start = None
    for k, word in enumerate(words):
        token = segment[k][2]
        if token in _POSSESSIVE or token in ("'", "’"):
            if start is not None:
                runs.append((start, _last_word(words, k - 1)))
                start = None
            if k + 1 < len(words) and runs:
                runs.pop()  # it owns what follows
            continue
        if not word:  # a lone quotation mark inside a name: "787 `` Dreamliner"
            continue
        if _has_name_word(word) and not (word.lower() in CONNECTORS and start is None):
            if start is None:
                start = k
            if token.endswith(_POSSESSIVE) and k + 1 < len(words) and any(_has_name_word(w) for w in words[k + 1:]):
                start = None  # "Teskar's Kessford": a possessor
            continue
        if word.lower() in CONNECTORS and start is not None:
            continue
        if start is not None:
            runs.append((start, _last_word(words, k - 1)))
            start = None
    if start is not None:
        runs.append((start, _last_word(words, len(words) - 1)))
    trimmed = []
    for first, last in runs:
        while last > first and (words[last].lower() in CONNECTORS or not words[last]):
            last -= 1
        if _has_name_word(words[first]) and not all(w.lower() in STOPWORDS for w in words[first:last + 1]):
            trimmed.append((first, last))
    return trimmed


def _last_word(words: list[str], k: int) -> int:
    while k > 0 and not words[k]:
        k -= 1
    return k


def _role_segment(segment: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """A piece of a mention that is a role or a description ("minister of transport for
    Indonesia", "an EADS-led consortium"), without its leading determiner."""
    words = [_bare(t[2]).lower().rstrip(".") for t in segment]
    if not any(w in ROLE_HEADS or w in DESCRIPTORS for w in words[:6]):
        return None
    first = 0
    while first < len(words) - 1 and words[first] in DETERMINERS:
        first += 1
    return segment[first][0], segment[-1][1]


def _bare(token: str) -> str:
    return token.strip(_QUOTES)


def _has_name_word(word: str) -> bool:
    return word != word.lower() or _DIGIT.search(word) is not None


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) in ACRONYM_LETTERS


@lru_cache(maxsize=1 << 16)
def _acronym_key(text: str) -> str | None:
    """The letters of an acronym ("U.S." -> "us", "UAVs" -> "uav"), or None."""
    text = text.strip()
    if text.endswith("s") and _is_acronym(text[:-1]):
        text = text[:-1]
    return _fold(text) if _is_acronym(text) else None


def _worth_a_name(text: str, label: str) -> bool:
    """Not NER junk: a lowercase-only string, a single letter, a number (a number of three
    digits or more may be an equipment designator: "the 787"), markup."""
    if _NOT_IN_NAMES.search(text):
        return False  # markup or an address
    letters = [c for c in text if c.isalpha()]
    if not letters:
        digits = sum(c.isdigit() for c in text)
        return label == "EQUIPMENT" and digits >= 3
    if len(letters) == 1 and not any(c.isdigit() for c in text):
        return False
    return any(c.isupper() or c.isdigit() for c in text)


# --- folding names --------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _name_tokens(name: str, label: str) -> tuple[str, ...]:
    """The folded words of a name: case, accents, dots and apostrophes out, hyphens split,
    "&" as "and", a company form ("Inc.", "Ltd") dropped from an organisation's name."""
    tokens = [t for t in re.split(r"[\s/-]+", _fold(name.replace("&", " and "))) if t]
    if label != "PERSON":
        while len(tokens) > 1 and tokens[-1] in LEGAL_FORMS:
            tokens.pop()
    return tuple(tokens)


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Lowercase, without accents, dots, apostrophes and quotation marks."""
    text = text.casefold()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _UNSPOKEN.sub("", text)


# Transliteration habits, applied in order to a folded word: one sound spelt several ways.
_TRANSLIT = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"),
    ("sch", "sh"), ("tch", "ch"), ("ck", "k"), ("q", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("w", "v"),
    ("y", "i"), ("x", "ks"), ("c", "k"),
)


_TRANSLIT_SPELLING = re.compile("|".join(old for old, _ in _TRANSLIT))
_TRANSLIT_SOUND = dict(_TRANSLIT)
_DOUBLED = re.compile(r"(\w)\1+")


@lru_cache(maxsize=1 << 17)
def translit(word: str) -> str:
    """A folded word with transliteration habits set aside ("Dzhabarov" and "Djabarov",
    "Houthi" and "Huthi", "Zelenskyy" and "Zelensky" fold alike); doubled letters are one."""
    word = _TRANSLIT_SPELLING.sub(lambda m: _TRANSLIT_SOUND[m.group()], _fold(word))
    return _DOUBLED.sub(r"\1", word)


def _content(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Transliteration-folded words of a name without particles and connectors (all of
    them when nothing else is left)."""
    kept = tuple(translit(t) for t in tokens if t not in PARTICLES and t not in CONNECTORS and t != "and")
    return kept or tuple(translit(t) for t in tokens)


def _same_word(a: str, b: str, *, close: bool = True) -> bool:
    """Two folded words spelling one name: equal after transliteration folding, or close
    (and long enough to tell, and `close` allowed); words with digits only when equal."""
    if a == b:
        return True
    if _DIGIT.search(a) or _DIGIT.search(b) or min(len(a), len(b)) < MIN_FOLDED_LETTERS:
        return translit(a) == translit(b) if min(len(a), len(b)) >= MIN_FOLDED_LETTERS else False
    ta, tb = translit(a), translit(b)
    if ta == tb:
        return True
    if not close or min(len(ta), len(tb)) < MIN_FUZZY_LETTERS or ta[0] != tb[0]:
        return False
    if ta.startswith(tb) or tb.startswith(ta):
        return False  # another word made from it: "Democrat", "Democratic"
    return fuzz.ratio(ta, tb) >= SAME_WORD_RATIO


def _variant_words(text: str) -> list[str]:
    words = [w for w in re.split(r"[\s/-]+", _fold(text)) if w]
    return [w for w in words if w not in PARTICLES and w not in CONNECTORS and any(c.isalpha() for c in w)]


def _plural_pair(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer in (shorter + "s", shorter + "es")


# --- forms and their spellings ----------------------------------------------------------------


def _forms(items: list[_Item]) -> dict[str, _Form]:
    forms: dict[str, _Form] = {}
    for item in items:
        key = " ".join(item.tokens)
        form = forms.get(key)
        if form is None:
            form = forms[key] = _Form(key, item.tokens, _content(item.tokens))
        form.votes[item.label] += 1
        form.full = form.full or item.full
        item.form = key
    for form in forms.values():
        form.type = _vote(form.votes)
    return forms


class _Roots:
    """Union-find over form keys."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _join_forms(forms: dict[str, _Form]) -> _Roots:
    """Forms that spell one name, joined (steps 1 of the module docstring)."""
    roots = _Roots(forms)
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, form in forms.items():
        letters = "".join(form.content)
        by_letters[letters if len(letters) >= MIN_FOLDED_LETTERS else key].append(key)
    for keys in by_letters.values():
        for other in keys[1:]:
            roots.union(keys[0], other)
    for letters, keys in by_letters.items():  # plurals: "A380s", "Houthis"
        if letters.endswith("s") and letters[:-1] in by_letters:
            for key in keys:
                kind = forms[key].type
                singular = by_letters[letters[:-1]][0]
                if kind in PLURAL_TYPES and (forms[singular].type == kind
                                             or (kind == "NORP" and forms[singular].type == "ORG")):
                    roots.union(key, singular)
    _join_close_spellings(forms, roots)
    _join_longer_forms(forms, roots)
    return roots


def _join_close_spellings(forms: dict[str, _Form], roots: _Roots) -> None:
    """Close spellings of the same type, compared within blocks of the same initials."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for key, form in forms.items():
        content = form.content
        if any(c.isdigit() for c in "".join(content)):
            continue
        # initials, and the folded start of the last word: variants differ further in
        # ("Dzhabarov"/"Djabarov" fold to "jabarov"), and small blocks keep this linear
        head = content[0][:2] if len(content) == 1 else (*(w[:1] for w in content), content[-1][:2])
        blocks[(form.type, len(content), head)].append(key)
    for keys in blocks.values():
        if len(keys) < 2:
            continue
        for a, b in _close_pairs(keys, forms):
            fa, fb = forms[a], forms[b]
            # A given name must fold alike: "Ivana" and "Ivanka" are two people.
            given = fa.type == "PERSON" and len(fa.content) > 1
            if abs(sum(map(len, fa.content)) - sum(map(len, fb.content))) <= 3 \
                    and _same_word(fa.content[0], fb.content[0], close=not given) \
                    and all(_same_word(x, y) for x, y in zip(fa.content[1:], fb.content[1:], strict=True)):
                roots.union(a, b)


def _close_pairs(keys: list[str], forms: dict[str, _Form]) -> Iterable[tuple[str, str]]:
    if len(keys) <= MATRIX_BLOCK:
        for n, a in enumerate(keys):
            for b in keys[n + 1:]:
                yield a, b
        return
    letters = [" ".join(forms[k].content) for k in keys]
    scores = process.cdist(letters, letters, scorer=fuzz.ratio, score_cutoff=SAME_WORD_RATIO - 10)
    for i, j in zip(*scores.nonzero(), strict=True):
        if i < j:
            yield keys[i], keys[j]


def _join_longer_forms(forms: dict[str, _Form], roots: _Roots) -> None:
    """A person's name inside a longer form of it ("Nasser Kanani" in "Nasser Kanani Chafi"),
    an organisation's name at the start of a longer one ("China Eastern Airlines"), an
    equipment name inside a longer one: joined when the longer form is the only one."""
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)  # (first word, another word) -> forms
    by_word: dict[str, list[str]] = defaultdict(list)
    for key, form in forms.items():
        if form.long:
            for word in set(form.content[1:]):
                by_pair[(form.content[0], word)].append(key)
            if form.type == "EQUIPMENT":
                for word in set(form.content):
                    by_word[word].append(key)
    joins = []
    for key, form in forms.items():
        if not form.long:
            continue
        kind = form.type
        if kind == "EQUIPMENT":
            candidates = by_word.get(min(form.content, key=lambda w: len(by_word.get(w, ()))), ())
        elif kind == "PERSON":
            candidates = by_pair.get((form.content[0], form.content[-1]), ())
        else:
            candidates = by_pair.get((form.content[0], form.content[1]), ())
        containers = {roots.find(other) for other in candidates
                      if other != key and forms[other].type == kind
                      and len(forms[other].content) > len(form.content)
                      and _contains(forms[other].content, form.content, kind)}
        containers.discard(roots.find(key))
        if len(containers) == 1:
            joins.append((key, containers.pop()))
    for key, container in joins:
        roots.union(key, container)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...], kind: str) -> bool:
    if kind == "PERSON":  # in order, the same first name
        if not _same_word(longer[0], shorter[0], close=False):
            return False
        position = 1
        for word in shorter[1:]:
            while position < len(longer) and not _same_word(longer[position], word):
                position += 1
            if position == len(longer):
                return False
            position += 1
        return True
    n = len(shorter)
    starts = range(1) if kind != "EQUIPMENT" else range(len(longer) - n + 1)
    return any(all(_same_word(longer[s + k], shorter[k]) for k in range(n)) for s in starts)


# --- short mentions -------------------------------------------------------------------------


@dataclass(slots=True)
class _Index:
    """Full names by the short mentions that may stand for them."""

    surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    lookalike_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_word: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    equipment_word: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    acronym: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: dict[str, str] = field(default_factory=dict)
    place_words: set[str] = field(default_factory=set)  # first words of places' names
    forms: set[str] = field(default_factory=set)

    def add(self, form: _Form, root: str) -> None:
        if form.key in self.forms:
            return
        self.forms.add(form.key)
        kind = form.type
        self.kinds.setdefault(root, kind)
        if not form.long:
            return
        if kind == "PERSON":
            for word in form.content[1:]:
                self.surname[word].add(root)
            return
        if (kind in PERSON_LOOKALIKES or form.votes["PERSON"]) and not any(c.isdigit() for c in form.key):
            for word in form.content[1:]:
                self.lookalike_surname[word].add(root)
        if kind in PLACE_TYPES:
            self.place_words.add(form.content[0])
        if "and" not in form.tokens:  # "Boeing and Lockheed Martin" is two names
            self.first_word[form.content[0]].add(root)
        if kind == "EQUIPMENT":
            for word in form.content:
                self.equipment_word[word].add(root)
        for acronym in _initials(form.tokens):
            self.acronym[acronym].add(root)


@lru_cache(maxsize=1 << 16)
def _initials(tokens: tuple[str, ...]) -> frozenset[str]:
    """Acronyms a name may be written as: the initials of its words, of its first words
    and of its last words (two or more), connectors out."""
    words = [t for t in tokens if t not in CONNECTORS and t != "the" and t[:1].isalpha()]
    found = set()
    for size in range(2, len(words) + 1):
        found.add("".join(w[0] for w in words[:size]))
        found.add("".join(w[0] for w in words[-size:]))
    return frozenset(a for a in found if len(a) in ACRONYM_LETTERS)


def _resolve_short(items: list[_Item], forms: dict[str, _Form], roots: _Roots) -> dict[str, list[_Item]]:
    """Every item's cluster (a form root): short mentions resolved to the full name they
    shorten (step 2 of the module docstring), the rest in their form's cluster. `items`
    come in reading order, article by article."""
    story = _Index()
    for key, form in forms.items():
        story.add(form, roots.find(key))
    for item in items:
        if item.acronym:
            story.acronym[item.acronym].add(roots.find(item.form))

    resolved: dict[int, str] = {}
    pending: list[tuple[int, _Item]] = []
    evidence: dict[str, set[tuple[str, str]]] = defaultdict(set)
    start = 0
    while start < len(items):  # one article at a time
        article = items[start].mention.article
        end = start
        while end < len(items) and items[end].mention.article == article:
            end += 1
        index = _Index()
        first_seen: dict[str, int] = {}
        for item in items[start:end]:
            root = roots.find(item.form)
            if root not in first_seen:
                first_seen[root] = item.mention.start
            index.add(forms[item.form], root)
            if item.acronym:
                index.acronym[item.acronym].add(root)
        for n in range(start, end):
            item = items[n]
            form = forms[item.form]
            if form.long or form.full:
                continue
            own = roots.find(item.form)
            found = _short_candidates(item, form, index, story, own)
            if found is None:
                pending.append((n, item))
                continue
            candidates, vote = found
            if len(candidates) > 1:  # the one it follows, if only one is named before it
                candidates = {c for c in candidates if first_seen[c] < item.mention.start}
            if len(candidates) == 1:
                resolved[n] = candidates.pop()
                item.vote = vote
                evidence[own].add((resolved[n], vote))
        start = end
    for n, item in pending:
        own = roots.find(item.form)
        if len(evidence.get(own, ())) == 1:
            resolved[n], item.vote = next(iter(evidence[own]))
            continue
        found = _short_candidates(item, forms[item.form], story, story, own)
        if found is not None and len(found[0]) == 1:
            resolved[n], item.vote = found[0].pop(), found[1]

    clusters: dict[str, list[_Item]] = defaultdict(list)
    for n, item in enumerate(items):
        clusters[resolved.get(n) or roots.find(item.form)].append(item)
    return clusters


def _short_candidates(
    item: _Item, form: _Form, index: _Index, story: _Index, own: str
) -> tuple[set[str], str] | None:
    """The full names a short mention may stand for in `index` (an article's or the
    story's), from the first kind of evidence that has any, with the type the mention then
    votes for; None when there is no evidence at all."""
    word = form.content[0]
    votes = form.votes
    lookups: list[tuple[dict[str, set[str]], str, str]] = []  # (index, key, vote)
    surname_shaped = len(form.tokens) > 1 and form.tokens[0] in PARTICLES  # "al-Assad"
    if item.label == "PERSON" or votes["PERSON"] >= max(votes.values()) or surname_shaped:
        lookups.append((index.surname, word, "PERSON"))
        lookups.append((index.lookalike_surname, word, "PERSON"))
    acronym = _acronym_key(item.mention.text)
    if acronym:
        lookups.append((index.acronym, acronym, item.label))
    if item.label == "EQUIPMENT" or form.type == "EQUIPMENT":
        lookups.append((index.equipment_word, word, "EQUIPMENT"))
    elif item.label in ("ORG", "PERSON") and form.type not in ("NORP", "GPE", "LOC") \
            and not any(votes[t] for t in PLACE_TYPES) and word not in story.place_words:
        lookups.append((index.first_word, word, "ORG"))  # "Teskar" for "Teskar Chemicals"
    for lookup, key, vote in lookups:
        found = set(lookup.get(key, ())) - {own}
        if lookup is index.first_word:  # to an organisation only: "Boeing" is not the "Boeing 737"
            found = {root for root in found if index.kinds.get(root) == "ORG"}
        if found:
            return found, vote
    return None


# --- roles around a name ----------------------------------------------------------------------


def _add_context_roles(items: list[_Item], bodies: dict[str, str]) -> None:
    """Roles written next to a person's name in the article's text."""
    for item in items:
        body = bodies.get(item.raw.article)
        if body is None or item.raw.end > len(body) or body[item.raw.start:item.raw.end] != item.raw.text:
            continue
        for span in (_role_before(body, item.raw.start, item.raw.end), _role_after(body, item.raw.end)):
            if span is not None:
                start, end = span
                role = Mention(item.raw.article, start, end, body[start:end])
                if role not in item.roles:
                    item.roles.append(role)


def _role_before(body: str, start: int, end: int) -> tuple[int, int] | None:
    """A title right before a name ("National Security Adviser Jake Sullivan", "Teskar
    spokeswoman Irena Valdaro"), or a role in apposition before it, the name closed by a
    comma ("Teskar's chief operating officer, Konrad Pell, told ..."; not "according to a
    spokesperson, Sullivan's knowledge ...")."""
    previous = _PREVIOUS_WORD.search(body, max(0, start - 40), start)
    if previous is None or previous.group(1).lower().rstrip(".") not in TITLES:
        return None
    line_start = body.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - 160)
    ends = list(_SENTENCE_END.finditer(body, window_start, start + 1))  # the name's capital ends a sentence
    if ends:
        window_start = ends[-1].end()
    tokens = list(_ROLE_TOKEN.finditer(body, window_start, start))
    if window_start > line_start and tokens and tokens[0].start() == window_start and body[window_start - 1].isalnum():
        tokens = tokens[1:]
    if not tokens:
        return None
    last = len(tokens) - 1
    comma = tokens[last].group() == ","
    if comma:
        last -= 1
    elif body[tokens[last].end():start].strip():
        return None
    if last < 0:
        return None
    head = tokens[last].group().lower().rstrip(".")
    if head not in TITLES or head in COURTESY:
        return None
    first = last
    while first > 0 and last - first < 6 and _title_word(tokens[first - 1].group()):
        first -= 1
    words = [t.group().lower().rstrip(".") for t in tokens[first:last + 1]]
    if all(w in COURTESY for w in words):
        return None
    if comma:
        if not body[end:end + 2].lstrip(" ").startswith(","):
            return None
        previous = tokens[first - 1].group() if first > 0 else None
        if previous is not None and (previous.lower() not in DETERMINERS or previous.lower() in ("a", "an")):
            return None
        if first > 1 and tokens[first - 2].group() == ",":
            return None
    return tokens[first].start(), tokens[last].end()


def _title_word(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if lower in DETERMINERS or lower in _NOT_TITLE and lower not in MODIFIERS:
        return False
    if not word[0].isalnum():
        return False
    return (word[0].isupper() or lower in MODIFIERS or lower in TITLES or lower.endswith(_POSSESSIVE)) \
        and lower not in _CLAUSE_WORDS


def _role_after(body: str, end: int) -> tuple[int, int] | None:
    """A role in apposition after a name: "John Kirby, a spokesman for the national security
    council," ("Bruno Fallowes, the cooperative's chairman")."""
    match = _ROLE_AFTER.match(body, end)
    if match is None:
        return None
    start = match.start("role")
    words = list(re.finditer(r"[\w'’.&-]+", match.group("role")))
    kept = []
    for word in words[:12]:
        if word.group().lower() in _CLAUSE_WORDS:
            break
        kept.append(word)
    if not kept or kept[0].group()[0].isdigit():
        return None
    lowered = [w.group().lower().rstrip(".") for w in kept]
    head = next((n for n, w in enumerate(lowered[:5]) if w in ROLE_HEADS), None)
    # A noun phrase headed by the role: title words before it, a preposition or another title
    # after it ("spokesman for ...", "chairman and chief executive"), not a clause.
    if head is None or not all(_title_word(w.group()) for w in kept[:head]):
        return None
    if head + 1 < len(lowered) and lowered[head + 1] not in _AFTER_ROLE and lowered[head + 1] not in TITLES:
        return None
    while kept and kept[-1].group().lower() in CONNECTORS | DETERMINERS:
        kept.pop()
    return start + kept[0].start(), start + kept[-1].end()


# --- entities ---------------------------------------------------------------------------------


def _build(
    clusters: dict[str, list[_Item]], forms: dict[str, _Form], order: dict[str, int], bodies: dict[str, str]
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    made: list[tuple[str, Entity]] = []
    for root, members in clusters.items():
        full = [i for i in members if forms[i.form].long]
        kind = _vote(Counter(i.vote for i in members))
        if kind == "PERSON":
            _add_context_roles(members, bodies)
        name = _canonical_name(full or members)
        mentions = sorted({i.mention for i in members}, key=lambda m: (order.get(m.article, 0), m.article, m.start))
        aliases = set()
        for item in members:
            aliases.add(item.display)
            aliases.add(" ".join(item.mention.text.split()))
            raw = " ".join(item.raw.text.split())
            if any(c.isalpha() for c in raw) and not _BREAKS_IN_ALIAS.search(raw):
                aliases.add(raw)  # as written, with its title or possessive, not a clause
        role_mentions = sorted({r for i in members for r in i.roles},
                               key=lambda m: (order.get(m.article, 0), m.article, m.start))
        made.append((root, Entity(id="", name=name, type=kind, aliases=tuple(sorted(aliases)),
                                  roles=_roles(role_mentions), mentions=tuple(mentions),
                                  role_mentions=tuple(role_mentions))))
    made.sort(key=lambda pair: (-len(pair[1].mentions), pair[1].type, pair[1].name, pair[0]))
    entities = []
    id_of_root: dict[str, str] = {}
    used: Counter[str] = Counter()
    for root, entity in made:
        ident = entity_id(entity.type, entity.name)
        used[ident] += 1
        if used[ident] > 1:  # two entities of one name and type (kept apart, e.g. a close spelling of a type)
            ident = entity_id(entity.type, f"{entity.name}\0{used[ident]}")
        id_of_root[root] = ident
        entities.append(Entity(id=ident, name=entity.name, type=entity.type, aliases=entity.aliases,
                               roles=entity.roles, mentions=entity.mentions, role_mentions=entity.role_mentions))
    return tuple(entities), id_of_root


def _canonical_name(items: list[_Item]) -> str:
    """The most used spelling of the name most articles use (the fuller name on a tie, then
    the one read first); in capitals only when no mention writes it otherwise."""
    by_form: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_form[item.form].append(item)

    def weight(members: list[_Item]) -> tuple[int, int, int, int]:
        return len({i.mention.article for i in members}), len(members), len(members[0].tokens), -members[0].position

    best = max(by_form.values(), key=weight)
    spellings = Counter(i.display for i in best)
    return max(spellings, key=lambda s: (not s.isupper() or len(spellings) == 1, spellings[s], -len(s), s))


def _roles(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Distinct roles, the most used first, spelling variants ("Adviser"/"Advisor") as one."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, int] = {}
    for n, mention in enumerate(mentions):
        text = " ".join(mention.text.split())
        key = role_key(text)
        by_key[key][text] += 1
        first.setdefault(key, n)
    ordered = sorted(by_key, key=lambda k: (-sum(by_key[k].values()), first[k]))
    return tuple(by_key[k].most_common(1)[0][0] for k in ordered)


def role_key(role: str) -> str:
    """A role folded for comparison: case, accents, a leading article and "Advisor"/"Adviser"."""
    words = _fold(role).replace("-", " ").split()
    while words and words[0] in DETERMINERS:
        words.pop(0)
    return " ".join("adviser" if w == "advisor" else w for w in words)


def _vote(votes: Counter[str]) -> str:
    if not votes:
        return "ORG"
    rank = {kind: n for n, kind in enumerate(TYPE_ORDER)}
    weight = {kind: count * (PLACE_VOTE if kind == "GPE" else 1) for kind, count in votes.items()}
    return max(weight, key=lambda kind: (weight[kind], -rank.get(kind, len(rank)), kind))
