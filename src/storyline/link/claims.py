"""Claims across articles: the atomic claims that state one fact, grouped however worded.

Each claim mention becomes a set of weighted features: its content words (crudely
stemmed, verb forms made one, hyphenated words by their parts, "technology" and
"technological" made one, near-synonyms of news wording joined: "escaped" and
"leaked", "revealed" and "announced", "invasion", "invading" and "war", "deeper" and
"strengthening" ties, "predates" and "existed before", "intention" and "plan", an army's
"inventory", "arsenal" and "stock", its "losses" and what "depleting" it does, "replenish" and
"restock", "shows", "implies" and "proves", "heavy" and "severe" losses, "turned to" and "look to"
someone for help; a pronoun's contracted verb ("they're") is no word;
connectives such as "meanwhile" are no words; an act weighed, not done, is one word
however put: "hesitant to", "reluctant to", "debating whether to"), the canonical entities its
spans name (`entities` are canonical across articles: "Sullivan" and "Jake Sullivan"
are one id; a name's head word and its consonants count too, so "Houthi" meets
"Huthi", and a country's name by its first letters, so "Ukraine" meets "Ukrainian"),
its quantities (the unit, and the unit with the value) and its dates (TIMEX3 values
from `timexes`, by day and by month). Clauses nested in it (a relative clause, a
participle) are claims of their own and are left out of its features; the subject
of a clause that leaves it out (the noun a relative clause or participle modifies,
the subject of a coordinated verb) is put in, and so is the verb phrase a "do so"
stands for (the extractor gives it as the object: "asked the US to deliver drones,
but the US has been hesitant to do so"). A claim of evidence whose subject is an event
the extractor left out of its span ("Russia's plan to acquire drones from Iran" | "shows
its urgent need to reinforce ...") is read with that event, weighed half (it is the cause
of what the claim states, and a fact in its own right: alone it must not make the claim
one with the plan), less the clauses nested in it; its actor is named before the event's
clause ("Russia's plan", not "the revelation that Iran ..."). Each feature weighs its rarity among
the story's claims (idf); names and capitalised words weigh as names, half again in
the subject, because one actor does many things; what a comma or dash sets off after
the object (`..., for everything from firing missiles to ...`) weighs half: an
elaboration. Verbs that carry no fact of their own (`be`, `play` a role, `look`
like) and hedges (`allegedly`) are no features.

Two claims state one fact when their weighted features overlap enough (Dice
coefficient; for a short claim nearly contained in a longer one, a share of the
containment), with a threshold that is lower when their predicates agree and higher
when they differ, and when they share at least two words, quantities, days or
months of full weight (three for containment): names alone never make one fact.
Units weigh on their own, so "an estimated 80,000 litres leaked" and "about 18,000
litres leaked" agree on litres and differ only in a value: a quantity or date that
differs never keeps two claims apart (the contradiction stage compares the members
of a group), and a denial is grouped with the assertion it denies the same way.
What does keep them apart: opposite predicates ("lifted" a ban and "imposed" it),
different named actors ("Iran supplied ..." and "the US supplied ..."), different
countries (a capital stands for its country: "Kyiv", "Washington"), and an open
question ("it is unclear whether ...", "has not said what caused ..."), a
condition ("will not be lifted until ...") or an act weighed ("hesitant to supply
...") beside a statement: two claims that both leave the act open may be one.

One act of making something public is one fact however worded (an event-level
match): two disclosure acts (a verb of disclosure, or a speech verb addressed to the
press or at a press occasion, as the extractor gives them: dated) that name one
entity in common and are dated alike, the same day or a day within the other's week
or month ("the White House revealed ... on Monday", "Sullivan said to media at a
White House press briefing last week"), are as alike as a clear match. The host
named before a press occasion ("a White House press briefing") counts among the
speaker's actors: the speaker speaks for it.

Pairs are joined strongest first, and two groups join only when their members are
alike on average, so two facts about the same names do not chain through a third.
Candidate pairs come from an inverted index of each claim's rarest features, and
reprinted wordings (wire copies) are one point before any pair is scored, so the
cost grows with the number of claims, not its square. Claims are grouped only
within a story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..extract.claims import (
    EVIDENTIAL_VERBS,
    HEDGE_ADVERBS,
    IRREGULAR,
    NUMBER_WORDS,
    PRESS_AUDIENCES,
    PRESS_OCCASIONS,
    STOPWORDS,
    base_form,
)
from ..model import Article, Claim, ClaimMention, Entity, Mention, Story, Timex
from ..words import SYNONYMS
from .joins import root

# Two claims state one fact when the weighted share of their features they have in common
# (Dice) is at least this: less when their predicates agree, more when they differ...
MIN_SIMILARITY = {"same": 0.3, "unknown": 0.36, "different": 0.45}
# ...and they share at least this many words, names, entities or quantities.
MIN_SHARED = 2
# ...of which at least this many are words, quantities, days or months at their full weight (not names).
MIN_SHARED_PLAIN = 2
# A claim whose features another holds (most of them, and at least this many words, quantities,
# days or months of full weight: a name and its head word are one) is as alike as this share of its
# containment.
MIN_CONTAINED_SHARED = 3
MIN_CONTAINMENT = 0.85
CONTAINMENT_WEIGHT = 0.6
# Two disclosure acts by one named actor, dated the same or one within the other, are this alike (one act).
EVENT_SIMILARITY = 0.45
# ...where the longer of the two dates is at most this many days (a week, a month: not a year).
MAX_EVENT_DAYS = 31
# Two groups join only when their members are this alike on average (no chains).
MIN_GROUP_SIMILARITY = 0.26
# Members of each side compared for that average, at most.
GROUP_SAMPLE = 12
# Names and titles in a claim's subject weigh this share: one actor does many things.
SUBJECT_FACTOR = 0.5
# An entity's head word (beside the entity itself) weighs this share.
NAME_WORD_FACTOR = 0.5
# A subject written at most this many characters before a clause that leaves it out is read with it.
MAX_SUBJECT_GAP = 200
# What a comma or dash sets off after a claim's object (an elaboration) weighs this share.
PERIPHERY_FACTOR = 0.5
# The event a claim of evidence names as its subject ("Russia's plan to buy drones shows ...") weighs this
# share: the cause of what the claim states, and a fact stated elsewhere in its own right.
EVENT_FACTOR = 0.5
# Verbs that say nothing of the fact itself: not features, and no predicate to compare.
GENERIC_VERBS = frozenset("""
say tell add be have do make get go come include continue begin start remain stay become seem appear exist
play look keep
""".split())
# Function words beyond the extractor's stop words.
MORE_STOPWORDS = frozenset("""
during between against among amongst through across along toward towards upon within without under above below
beside besides near around behind beyond despite per via while whereas although though because since until unless
either neither each every any all both some many much few several other another such same own still
already yet even ever never now then there here where when also just only very really rather quite like
however meanwhile additionally moreover furthermore nevertheless nonetheless instead therefore thus hence indeed
""".split())
# A feature in more claims than this does not suggest a pair by itself (it still counts in the score).
MAX_POSTINGS = 300
# Each claim looks for partners through at most this many of its rarest features.
INDEX_FEATURES = 16
# How much the kinds of feature weigh beside their rarity.
KIND_WEIGHTS = {"w": 1.0, "n": 0.5, "e": 1.0, "q": 1.5, "u": 0.8, "d": 0.7, "m": 0.3, "p": 0.8}

# Predicates that name opposite acts: claims with these never state one fact.
OPPOSITES = [
    ("lift", "impose"), ("lift", "ban"), ("lift", "order"), ("lift", "extend"), ("lift", "remain"),
    ("lift", "stay"), ("open", "close"), ("reopen", "close"), ("rise", "fall"), ("increase", "decrease"),
    ("increase", "cut"), ("raise", "cut"), ("raise", "lower"), ("win", "lose"), ("accept", "reject"),
    ("confirm", "deny"), ("start", "end"), ("begin", "end"), ("start", "stop"), ("arrest", "release"),
    ("approve", "reject"), ("approve", "block"), ("hire", "fire"), ("gain", "lose"), ("join", "leave"),
    ("resume", "suspend"), ("restart", "suspend"), ("resume", "halt"), ("enter", "leave"), ("buy", "sell"),
    ("expand", "reduce"), ("add", "remove"), ("allow", "ban"), ("allow", "forbid"), ("agree", "refuse"),
]
VERB_SYNONYMS = {
    "escape": "leak", "spill": "leak", "seep": "leak", "discharge": "leak",
    "kill": "kill", "die": "kill", "collect": "collect", "pull": "collect", "recover": "collect", "remove": "collect",
    "note": "record", "record": "record", "find": "find", "discover": "find", "detect": "find",
    "shut": "close", "close": "close", "halt": "close",
    "order": "order", "impose": "order", "announce": "announce", "declare": "announce",
    "say": "say", "state": "say", "tell": "say",
    "investigate": "investigate", "inquiry": "investigate", "investigation": "investigate", "probe": "investigate",
    "utilize": "use", "utilise": "use", "employ": "use",
    "intend": "plan", "plan": "plan", "prepare": "plan", "schedule": "plan",
    "purchase": "buy", "acquire": "buy", "buy": "buy", "obtain": "buy",
    "predate": "before", "precede": "before",
    "operate": "use", "army": "force", "troop": "force", "military": "force",
    "unclear": "clear",
    # news wording of one thing: a war, a disclosure, a bond made stronger, a visit, a crucial part
    "invasion": "war", "invade": "war", "conflict": "war", "intent": "plan",
    "reveal": "announce", "disclose": "announce", "declassify": "announce", "unveil": "announce",
    "publicize": "announce", "publicise": "announce",
    "strengthen": "strengthen", "deepen": "strengthen", "deeper": "strengthen", "reinforce": "strengthen",
    "reinforcement": "strengthen", "bolster": "strengthen", "tighten": "strengthen", "closer": "strengthen",
    "trip": "visit", "tour": "visit",
    "critical": "crucial", "vital": "crucial", "essential": "crucial", "pivotal": "crucial",
    "component": "role",
    # what an army holds and its running down and making up: a stock of weapons, its losses, restocking
    "stock": "stock", "inventory": "stock", "arsenal": "stock", "stockpile": "stock",
    "loss": "loss", "deplete": "loss", "depletion": "loss", "shortage": "loss", "shortfall": "loss",
    "replenish": "replenish", "replenishment": "replenish", "restock": "replenish", "resupply": "replenish",
    # one fact said to show another; a degree of loss or harm
    "imply": "show", "prove": "show", "indicate": "show", "demonstrate": "show", "reflect": "show",
    "heavy": "heavy", "severe": "heavy", "significant": "heavy", "substantial": "heavy",
}
# Words of temporal order: content, though function words elsewhere ("existed before" = "predates").
ORDER_WORDS = {"before": "befor", "after": "after"}
CALENDAR_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december week weeks month months year years day days today yesterday tomorrow
""".split())
# An act weighed, not done: "hesitant to supply ...", "reluctant to ...", "debating whether to supply ...".
# One word for all of them, and like an open question, no statement that the act is done.
UNDECIDED = re.compile(r"\b(?:(?:hesitant|hesitat(?:e|es|ed|ing)|reluctant(?:ly)?|unwilling|loath)\s+to|"
                       r"(?:debat|weigh|mull|consider|deliberat)\w*\s+(?:over\s+)?whether)\b", re.IGNORECASE)
# Phrases read as one word (the key given), or as none: "at no point" is only a negation.
IDIOMS = (
    (UNDECIDED, "undecided"),
    (re.compile(r"\b(?:at|in|by|under) no (?:point|time|way|means|circumstances)\b", re.IGNORECASE), ""),
    (re.compile(r"\b(?:take|takes|taking|took|taken) place\b", re.IGNORECASE), "happen"),
    (re.compile(r"\bout of (?:use|service|operation|action|commission)\b", re.IGNORECASE), "outofservice"),
    # seeking help or supplies from someone: "turned to Iran", "look to Iran", "reached out to Iran"
    (re.compile(r"\b(?:turn|look|reach(?:es|ed|ing)?\s+out)(?:s|ed|ing)?\s+to\b(?!\s+(?:be|have|the\s+future)\b)",
                re.IGNORECASE), "turnto"),
)
# An open question: "it is unclear what ...", "has not said why ...", "declined to say how ..."
# ("whether" is one wherever it stands).
OPEN_QUESTION = re.compile(
    r"\b(?:unclear|unknown|not\s+(?:yet\s+)?(?:clear|known|certain)|(?:not|n[o'’]t|never|neither|nor|declined\s+to|"
    r"refused\s+to)\s+(?:\w+\s+){0,3}?(?:say|said|tell|told|explain|explained|disclose|disclosed|reveal|revealed|"
    r"indicate|indicated|specify|specified|confirm|confirmed|know|known))\s+(?:what|why|how|when|where|who)\b",
    re.IGNORECASE)
# "do so", "did so": a verb phrase standing for one said before (the extractor gives it as the object).
PRO_VERB = re.compile(r"\b(?:do|does|did|doing|done)\s+so\b", re.IGNORECASE)
# "will not be lifted until ...": a condition, not the event.
NOT_UNTIL = re.compile(r"\b(?:not|n[o'’]t|never)\b[^.;]*?\b(?:until|till|unless)\b", re.IGNORECASE)
# The feature of a claim that states no fact: an open question or a condition (the word "whether").
OPEN = "w:whether"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
# Words with their hyphenated parts apart: "Turkish-made" meets "Turkish", "drinking-water" "drinking water".
# (The participle of "Turkish-made", "home-built" says only where a thing comes from.)
MADE = frozenset("made built produced manufactured designed developed grown".split())
WORD_PART = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
PRONOUNS = frozenset("he she it they we i you him her them us me his its their our".split())
PREPOSITION = re.compile(r"\b(?:of|with|in|for|from|to|on|at|by|about|against|between|over|into)\b",
                         re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:we|us|our|I|me|my)\b", re.IGNORECASE)
DETERMINERS = re.compile(r"^(?:the|a|an|The|A|An)\s+")
QUANTITY_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}
VAGUE_NUMBERS = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
                 "dozens": 12, "several": 0}


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """A claim with the per-article claim mentions that state it."""

    claim: Claim
    members: tuple[ClaimMention, ...]


def group_claims(
    articles: Sequence[Article],
    claims: Mapping[str, Sequence[ClaimMention]],
    *,
    stories: Sequence[Story] = (),
    independence: Mapping[str, str] | None = None,
    entities: Sequence[Entity] = (),
    timexes: Mapping[str, Sequence[Timex]] | None = None,
) -> list[ClaimGroup]:
    """Every claim of the story, its mentions grouped across articles: most independent
    outlets first, then the earliest.

    `claims` maps article ids to their claim mentions; `stories` keep unrelated articles
    apart (all articles are one story when empty); `independence` maps an article id to
    the key of the independent source it copies or is (a wire copy counts once), else
    outlets count; `entities` and `timexes` make names and dates comparable.
    """
    known = {article.id: article for article in articles}
    order = {a.id: n for n, a in enumerate(sorted(articles, key=_chronological))}
    story_of = {a: story.id for story in stories for a in story.articles}
    # An article outside every given story is a story of its own: its claims are kept, never grouped.
    pool_of = {a: story_of.get(a, "\0" + a) for a in known} if stories else {a: "" for a in known}
    items: list[_Item] = []
    names = EntityIndex(entities)
    for article_id, found in claims.items():
        if article_id not in known or not found:
            continue
        dates = _DateIndex(timexes.get(article_id, ()) if timexes else ())
        nested = _nesting(found)
        for n, mention in enumerate(found):
            if mention.mention.article != article_id:
                continue
            discloses = _discloses(mention)
            actors = _actors(mention, names)
            if discloses and actors:
                actors |= _hosts(mention, names)  # "Sullivan told reporters at a White House briefing"
            items.append(_Item(mention, order[article_id], story_of.get(article_id), pool_of[article_id],
                               _features(mention, nested[n], names, dates), actors,
                               *_countries(mention, nested[n], names),
                               _periods(mention, nested[n], dates) if discloses else ()))
    if not items:
        return []
    by_story: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        by_story[item.pool].append(n)
    groups: list[list[int]] = []
    for members in by_story.values():
        groups.extend(_group(items, members))
    made = [_make(items, members, known, names, independence) for members in groups]
    made.sort(key=lambda g: (-g.claim.independent_outlets, _first_rank(g, order), g.claim.id))
    return made


@dataclass(slots=True)
class _Item:
    mention: ClaimMention
    rank: int  # the article's place in publication order
    story: str | None
    pool: str  # claims are compared only within a pool: the story, or the article outside all stories
    features: dict[str, float]  # feature -> factor on its weight
    actors: frozenset[str]  # who acts: the named subject, by the first letters of its names
    countries: frozenset[str]  # the countries, places and nationalities it names, likewise
    targets: frozenset[str]  # those of them outside its subject
    periods: tuple[tuple[dt.date, dt.date], ...] = ()  # when a disclosure act took place (none for other claims)


def _chronological(article: Article) -> tuple[str, str]:
    return (article.published.date or article.published.earliest or "9999", article.id)


def _first_rank(group: ClaimGroup, order: Mapping[str, int]) -> int:
    return min(order.get(m.article, len(order)) for m in group.claim.mentions)


# --- features --------------------------------------------------------------------------------


class EntityIndex:
    """Entity mentions by article, for the entities a span names (shared with analyze/conflicts.py)."""

    def __init__(self, entities: Sequence[Entity]):
        spans: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for entity in entities:
            for mention in entity.mentions:
                spans[mention.article].append((mention.start, mention.end, entity))
        self.spans = {a: sorted(found, key=lambda s: (s[0], s[1])) for a, found in spans.items()}
        self.empty = not self.spans
        self.starts = {a: [s for s, _, _ in found] for a, found in self.spans.items()}

    def within(self, mention: Mention) -> list[tuple[int, int, Entity]]:
        found = self.spans.get(mention.article)
        if not found:
            return []
        i = bisect_left(self.starts[mention.article], mention.start)
        hits = []
        while i < len(found) and found[i][0] < mention.end:
            if found[i][1] <= mention.end:
                hits.append(found[i])
            i += 1
        return hits


class _DateIndex:
    def __init__(self, timexes: Sequence[Timex]):
        self.timexes = sorted(timexes, key=lambda t: t.start)
        self.starts = [t.start for t in self.timexes]

    def within(self, start: int, end: int) -> list[Timex]:
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.timexes) and self.timexes[i].start < end:
            if self.timexes[i].end <= end:
                found.append(self.timexes[i])
            i += 1
        return found


def _nesting(found: Sequence[ClaimMention]) -> list[list[tuple[int, int]]]:
    """For each claim of one article, the spans of the claims nested inside it (or inside the
    event it names as its subject)."""
    spans = [(c.subject.start if _event(c) else c.mention.start, c.mention.end) for c in found]
    nested: list[list[tuple[int, int]]] = [[] for _ in found]
    ordered = sorted(range(len(found)), key=lambda n: spans[n])
    for position, n in enumerate(ordered):
        start, end = spans[n]
        for m in ordered[position + 1:]:
            s, e = spans[m]
            if s >= end:
                break
            if e <= end and (s, e) != (start, end):
                nested[n].append((s, e))
    return nested


def _features(claim: ClaimMention, nested: list[tuple[int, int]], names: EntityIndex,
              dates: _DateIndex) -> dict[str, float]:
    """What a claim says, as comparable features (see the module docstring), each with a factor
    on its weight: the names in the subject (who acts) weigh half, because one actor does many
    things; what is done, to what, how much and when weigh fully."""
    mention = claim.mention
    found: dict[str, float] = {}

    def add(feature: str, factor: float = 1.0) -> None:
        if found.get(feature, 0.0) < factor:
            found[feature] = factor

    for timex in dates.within(mention.start, mention.end):
        if any(ns <= timex.start and timex.end <= ne for ns, ne in nested):
            continue
        nested = [*nested, (timex.start, timex.end)]  # its words are the date's, not the claim's
        value = timex.value
        if timex.type != "DATE":
            continue
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            add("d:" + value[:10])
            add("m:" + value[:7])
        elif re.match(r"(?:\d{4}|XXXX)-\d{2}$", value):
            add("m:" + value[:7])
    spans = [mention]
    subject = claim.subject
    if subject is not None and subject.text.lower() in PRONOUNS and claim.source is not None:
        types = PRONOUN_TYPES.get(subject.text.lower(), frozenset())
        for _, _, entity in names.within(claim.source):  # "it had been warned": the source is the subject
            if entity.type in types:
                add("e:" + entity.id, SUBJECT_FACTOR)
    elif subject is not None and _left_out(subject, mention):
        spans.append(subject)  # "corrosion recorded in March", "the tank that failed": its noun is its subject
    event = _event(claim)
    obj = claim.object
    if obj is not None and _left_out(obj, mention) and PRO_VERB.search(mention.text):
        spans.append(obj)  # "hesitant to do so": the verb phrase "do so" stands for, said before it
    actor = (subject.start, subject.end) if subject is not None else (-1, -1)
    periphery = _periphery(claim, nested)
    for span in spans:
        weight = EVENT_FACTOR if event and span is subject else 1.0
        named = []
        for s, e, entity in names.within(span):
            if any(ns <= s and e <= ne for ns, ne in nested):
                continue
            named.append((s, e))
            factor = weight * (SUBJECT_FACTOR if actor[0] <= s < actor[1] else 1.0)
            if s >= periphery:
                factor *= PERIPHERY_FACTOR
            add("e:" + entity.id, factor)
            last = [w for w in WORD.findall(span.text[s - span.start:e - span.start]) if not w[0].isdigit()]
            if last:  # its head word, plainly and by its consonants: "Tank 4" meets "the tank",
                # a country by its name's first letters: "Ukraine" meets "Ukrainian", "Turkey" "Turkish"
                head = _name_key(last[-1]) if entity.type in COUNTRY_TYPES else word_key(last[-1])
                add("w:" + (head or last[-1].lower()), factor * NAME_WORD_FACTOR)
                add("n:" + _skeleton(last[-1]), factor * NAME_WORD_FACTOR)  # "Houthi" meets "Huthi"
        _words(span, nested, named, add, actor, skeletons=names.empty, periphery=periphery, weight=weight)
    for quantity in claim.quantities:
        if any(ns <= quantity.start and quantity.end <= ne for ns, ne in nested):
            continue
        unit, value = parse_quantity(quantity.text)
        if unit:
            add("u:" + unit)
        if value is not None:
            add(f"q:{unit}:{value:g}")
    if claim.predicate and verb_key(claim.predicate) not in GENERIC_KEYS:
        add("p:" + verb_key(claim.predicate))
    if OPEN_QUESTION.search(mention.text) or NOT_UNTIL.search(mention.text) or UNDECIDED.search(mention.text):
        add(OPEN)  # what it asks, waits for or hesitates to do is not stated
    return found


ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SPEECH_VERBS = frozenset("say tell brief inform state add note stress explain".split())
# An occasion of speaking to the press, after its host's name: "a White House press briefing".
OCCASION = re.compile(r"(?:['’]s)?\s+(?:(?:press|news|media)\s+)?(?:%s)\b" % "|".join(sorted(PRESS_OCCASIONS)),
                      re.IGNORECASE)
PRESS = re.compile(r"\b(?:%s)\b" % "|".join(sorted(PRESS_AUDIENCES | PRESS_OCCASIONS)), re.IGNORECASE)


def _discloses(claim: ClaimMention) -> bool:
    """An act of making something public: a verb of disclosure ("revealed", "announced"), or a
    speech verb addressed to the press or at a press occasion ("told reporters", "said at a press
    briefing"); the extractor gives such an act as a claim only when it is dated."""
    if not claim.predicate or claim.negated:
        return False
    key = verb_key(claim.predicate)
    return key == verb_key("announce") or claim.predicate in SPEECH_VERBS and bool(PRESS.search(claim.mention.text))


def _hosts(claim: ClaimMention, names: EntityIndex) -> frozenset[str]:
    """The named hosts of the press occasion a disclosure names ("at a White House press
    briefing": the White House), as `_actors` gives names: the speaker speaks for them."""
    mention = claim.mention
    found = set()
    for s, e, entity in names.within(mention):
        if entity.type in ACTOR_TYPES and OCCASION.match(mention.text, e - mention.start):
            found.update(_actor_keys(mention.text[s - mention.start:e - mention.start], entity))
    return frozenset(found)


def _periods(claim: ClaimMention, nested: list[tuple[int, int]], dates: _DateIndex
             ) -> tuple[tuple[dt.date, dt.date], ...]:
    """The dates a claim names (not in its nested clauses) as first and last days: a day, an
    ISO week ("last week": 2022-W28), a month."""
    found = []
    mention = claim.mention
    for timex in dates.within(mention.start, mention.end):
        if timex.type != "DATE" or any(ns <= timex.start and timex.end <= ne for ns, ne in nested):
            continue
        period = _period(timex.value)
        if period is not None:
            found.append(period)
    return tuple(found)


def _period(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if week := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return first, first + dt.timedelta(days=6)
        if month := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(month.group(1)), int(month.group(2)), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
    except ValueError:
        return None
    return None
# Where a dash, a parenthesis, or a comma before a preposition or an -ing word sets off what follows
# a clause's object: an elaboration. (A comma before a noun opens an apposition: the clause goes on.)
ASIDE = re.compile(r"\s[—–]\s|\s\(|;\s|,\s+(?=(?:for|in|on|at|with|from|by|during|including|such|like|as|while|"
                   r"amid|despite|after|before|since|over|through|under|via|according)\b|[a-z]+ing\b)")


def _periphery(claim: ClaimMention, nested: list[tuple[int, int]]) -> int:
    """Where the elaborations of a claim begin: the first aside after its object (`Drones have
    played a crucial role in the war, for everything from firing missiles ...`), outside its
    nested clauses; the end of the claim when there is none."""
    mention, obj = claim.mention, claim.object
    if obj is None or obj.article != mention.article or not mention.start <= obj.end <= mention.end:
        return mention.end
    text = mention.text
    at = obj.end - mention.start
    for match in ASIDE.finditer(text, at):
        offset = mention.start + match.start()
        if not any(s <= offset < e for s, e in nested):
            return offset
    return mention.end


PRONOUN_TYPES = {"it": frozenset({"ORG", "GPE", "NORP"}), "they": frozenset({"ORG", "GPE", "NORP"}),
                 "he": frozenset({"PERSON"}), "she": frozenset({"PERSON"})}


def _actors(claim: ClaimMention, names: EntityIndex) -> frozenset[str]:
    """The named actors of a claim: the people, organisations and countries its subject names,
    not in a prepositional phrase ("cooperation with Russia" names no actor), or its source's
    when the subject is a pronoun; each as the first four letters of its words, so that "Iran"
    and "the Iranian government" agree and "Iran" and "the US" do not."""
    subject = claim.subject
    if subject is None:
        return frozenset()
    types = ACTOR_TYPES
    if subject.text.lower() in PRONOUNS:
        types = PRONOUN_TYPES.get(subject.text.lower(), frozenset())
        if claim.source is None or not types:
            return frozenset()
        subject = claim.source
    found = set()
    cut = EVENT_CLAUSE.search(subject.text) if _event(claim) else None
    for s, e, entity in names.within(subject):
        if cut is not None and s - subject.start >= cut.start():
            continue  # "the revelation that Iran provided ...": Iran does not reveal
        if entity.type in types and not PREPOSITION.search(subject.text[:s - subject.start]):
            found.update(_actor_keys(subject.text[s - subject.start:e - subject.start], entity))
    return frozenset(found)


def _actor_keys(name: str, entity: Entity) -> set[str]:
    """How an actor's name is compared: a country by its name key, others by the first
    letters of their words."""
    if entity.type in COUNTRY_TYPES:
        return {_name_key(name)}
    return {w.lower()[:4] for w in WORD.findall(name) if w[0].isalpha() and w.lower() not in STOPWORDS}


COUNTRY_TYPES = frozenset({"GPE", "NORP"})
# Where the clause of an event noun begins: "Russia's plan | to acquire ...", "the revelation | that ...".
EVENT_CLAUSE = re.compile(r"\b(?:to|that|which)\b", re.IGNORECASE)
# Names of one country written differently, as the keys `_name_keys` gives them.
COUNTRY_ALIASES = {"u.s": "usa", "us": "usa", "u.s.": "usa", "usa": "usa", "amer": "usa", "unit stat": "usa",
                   "uk": "brit", "u.k.": "brit", "unit king": "brit", "brit": "brit",
                   # a capital for its country's government, as news writes it ("Kyiv", "Washington")
                   "wash": "usa", "kyiv": "ukra", "kiev": "ukra", "mosc": "russ", "tehr": "iran", "beij": "chin",
                   "lond": "brit", "pari": "fran", "berl": "germ", "anka": "turk", "riya": "saud"}


def _countries(claim: ClaimMention, nested: list[tuple[int, int]],
               names: EntityIndex) -> tuple[frozenset[str], frozenset[str]]:
    """The countries, cities and nationalities a claim names (not in its nested clauses), by the
    first letters of their names: "Iran" and "Iranian" agree, "Russia" and "Ukraine" do not; all
    of them, and those outside its subject (to, for or where the act is done)."""
    found, outside = set(), set()
    subject = claim.subject
    for s, e, entity in names.within(claim.mention):
        if entity.type in COUNTRY_TYPES and not any(ns <= s and e <= ne for ns, ne in nested):
            key = _name_key(claim.mention.text[s - claim.mention.start:e - claim.mention.start])
            found.add(key)
            if subject is None or subject.article != claim.mention.article or not subject.start <= s < subject.end:
                outside.add(key)
    return frozenset(found), frozenset(outside)


def _name_key(name: str) -> str:
    words = [w.lower()[:4] for w in re.findall(r"[A-Za-z][A-Za-z.]*", name) if w.lower() not in STOPWORDS]
    key = " ".join(words)
    return COUNTRY_ALIASES.get(key, key)


def _words(span: Mention, nested: list[tuple[int, int]], named: list[tuple[int, int]],
           add: Callable[[str, float], None], actor: tuple[int, int], *, skeletons: bool,
           periphery: int, weight: float = 1.0) -> None:
    """The word features of `span`: words outside `nested` spans and outside the entity names
    `named` (which count as entities); capitalised words (names, titles) weigh as a name's head
    word, half again in the subject `actor`, and count also by their consonants when no entities
    are known; words from offset `periphery` on weigh less; all of them `weight`."""
    text = span.text
    for idiom, key in IDIOMS:
        if idiom.search(text):
            text = idiom.sub(lambda m: " " * len(m.group()), text)
            if key:
                add("w:" + key, weight)
    base = span.start
    if nested:
        chars = list(text)
        for s, e in nested:
            for i in range(max(0, s - base), min(len(chars), e - base)):
                chars[i] = " "
        text = "".join(chars)
    for n, match in enumerate(WORD_PART.finditer(text)):
        word = match.group()
        if word[0].isdigit() or match.start() > 0 and text[match.start() - 1] == "-" and word.lower() in MADE:
            continue  # "Turkish-built": made in Turkey
        key = word_key(word)
        if not key or key in GENERIC_KEYS:
            continue
        start = base + match.start()
        if any(s <= start < e for s, e in named):
            continue
        capital = n > 0 and word[0].isupper()
        factor = weight * (SUBJECT_FACTOR if capital and actor[0] <= start < actor[1] else 1.0)
        if start >= periphery:
            factor *= PERIPHERY_FACTOR
        add("w:" + key, factor * NAME_WORD_FACTOR if capital else factor)  # a name the entities missed
        if skeletons and capital and len(word) > 3:
            add("n:" + _skeleton(word), factor)  # "Houthi" and "Huthi"


def _event(claim: ClaimMention) -> bool:
    """A claim of evidence whose subject, an event, the extractor leaves out of its span
    (`Russia's plan to acquire drones from Iran` | `shows its urgent need ...`)."""
    subject = claim.subject
    return claim.predicate in EVIDENTIAL_VERBS and subject is not None and _left_out(subject, claim.mention) \
        and subject.end <= claim.mention.start


def _left_out(subject: Mention, mention: Mention) -> bool:
    """Whether the clause `mention` leaves out its subject, written shortly before it (a relative
    clause or a participle that modifies it, a coordinated verb), so the subject is part of what
    it says."""
    return subject.article == mention.article and 0 <= mention.start - subject.end <= MAX_SUBJECT_GAP


# A pronoun's contracted verb: "they're", "we've", "I'm" are the pronoun (a stop word).
CONTRACTION = re.compile(r"'(?:re|ve|ll|d|m)$")


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """A word as a comparable key: lowercased, stop words out, verb forms and plurals made one,
    near-synonyms joined ("UAVs" -> "drone", "escaped" -> "leak")."""
    lower = CONTRACTION.sub("", word.lower().replace("’", "'").removesuffix("'s"))
    if lower in ORDER_WORDS:
        return ORDER_WORDS[lower]
    if lower.endswith("n't"):
        return ""  # a negation: the claim's `negated` says it
    if lower in STOPWORDS or len(lower) < 3 or lower in NUMBER_WORDS or lower in CALENDAR_WORDS \
            or lower in MORE_STOPWORDS or lower in HEDGE_ADVERBS:
        return ""
    if lower.endswith(("ctor", "ator", "ctors", "ators")) and len(lower) > 6:  # inspector -> inspect
        lower = lower[: -3 if lower.endswith("s") else -2]
    elif lower.endswith(("tion", "tions")) and len(lower) > 6:  # inspection -> inspect
        lower = lower[: -4 if lower.endswith("s") else -3]
    if lower in SYNONYMS:
        return SYNONYMS[lower]
    if lower in IRREGULAR:
        return verb_key(IRREGULAR[lower])
    return _derived(verb_key(lower))


def _derived(key: str) -> str:
    """A noun and the adjective made from it as one key: "technology", "technological" -> "technolog"."""
    for suffix in ("ological", "ologic", "ology"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)] + "olog"
    return key


def verb_key(word: str) -> str:
    """A verb (or a noun stripped of its suffix) as a comparable key: its base form, its synonym
    group, without a final "e" ("escaped" -> "leak", "investigat" -> "investigat")."""
    base = base_form(word) if word.endswith(("ed", "ing", "s")) else word
    for candidate in (base, base + "e"):
        if candidate in VERB_SYNONYMS:
            base = VERB_SYNONYMS[candidate]
            break
        if candidate in SYNONYMS:
            return SYNONYMS[candidate]
    return _unfinal(base)


def _unfinal(word: str) -> str:
    return word.rstrip("e") if len(word) > 4 else word


GENERIC_KEYS = frozenset(_unfinal(verb) for verb in GENERIC_VERBS)


def _skeleton(word: str) -> str:
    """A name's first letter and consonants, doubled letters once: "Houthi" and "Huthi" -> "hth"."""
    lower = word.lower()
    letters = [lower[0]] + [c for c in lower[1:] if c.isalpha() and c not in "aeiouy"]
    return "".join(c for n, c in enumerate(letters) if n == 0 or c != letters[n - 1])


def parse_quantity(text: str) -> tuple[str, float | None]:
    """The unit (as a word key) and value of a quantity as written: "about 18,000 litres" ->
    ("litr", 18000), "6 million crowns" -> ("crown", 6e6), "14 percent" -> ("percent", 14),
    "hundreds of drones" -> ("drone", None): a vague number has no value."""
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|%|[A-Za-z]+(?:-[A-Za-z]+)*", text)
    value: float | None = None
    vague = False
    unit = ""
    for word in words:
        lower = word.lower()
        if word[0].isdigit():
            try:
                number = float(word.replace(",", ""))
            except ValueError:
                continue
            value = number if value is None else value + number
        elif lower in QUANTITY_WORDS or all(part in QUANTITY_WORDS for part in lower.split("-")):
            number = sum(QUANTITY_WORDS.get(part, 0) for part in lower.split("-"))
            value = number if value is None else value + number
        elif lower in MULTIPLIERS:
            value = (value or 1) * MULTIPLIERS[lower]
        elif lower in VAGUE_NUMBERS:
            vague = True
        elif lower in ("%", "percent", "pc"):
            unit = "percent"
        elif lower == "cent" and unit == "":
            unit = "percent"
        elif value is not None or vague:
            if lower not in ("of", "per", "a", "an", "the") and lower not in STOPWORDS:
                unit = word_key(lower) or lower
                break
    return unit, None if vague else value


# --- grouping --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """Claims with the same features (reprints), as one point to compare."""

    members: list[int]
    vector: dict[str, float]  # feature -> weight (rarity, kind, role)
    norm: float
    predicate: str | None
    articles: frozenset[str]
    plain: frozenset[str]  # its words, quantities and dates of full weight (not names, not the subject's names)
    actors: frozenset[str]
    countries: frozenset[str]
    targets: frozenset[str]
    periods: tuple[tuple[dt.date, dt.date], ...]  # a disclosure act's dates, as first and last days
    names: frozenset[str]  # its entities, in full


def _group(items: Sequence[_Item], members: Sequence[int]) -> list[list[int]]:
    """Indices of the claims of one story that state one fact, group by group."""
    nodes, df = _nodes(items, members)
    index: dict[str, list[int]] = defaultdict(list)
    keys = [_rarest(node.vector, df) for node in nodes]
    for n, found in enumerate(keys):
        for f in found:
            index[f].append(n)
    pairs: list[tuple[float, int, int]] = []
    for n, found in enumerate(keys):
        shared: Counter[int] = Counter()
        for f in found:
            postings = index[f]
            if 1 < len(postings) <= MAX_POSTINGS:
                shared.update(postings[bisect_right(postings, n):])  # postings are in node order
        for m, count in shared.items():
            if count < MIN_SHARED:
                continue  # a pair shares at least two of their rarest features
            if nodes[n].articles == nodes[m].articles and len(nodes[n].articles) == 1:
                continue  # one article's claims meet only through other articles
            score = _similarity(nodes[n], nodes[m])
            if score >= _needed(nodes[n], nodes[m]):
                pairs.append((score, n, m))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    parent = list(range(len(nodes)))
    groups: dict[int, list[int]] = {n: [n] for n in range(len(nodes))}

    for _, n, m in pairs:
        root_n, root_m = root(parent, n), root(parent, m)
        if root_n == root_m or not _compatible(groups[root_n], groups[root_m], nodes):
            continue
        if len(groups[root_n]) < len(groups[root_m]):
            root_n, root_m = root_m, root_n
        parent[root_m] = root_n
        groups[root_n].extend(groups.pop(root_m))
    return [sorted(i for node in group for i in nodes[node].members) for group in groups.values()]


def _nodes(items: Sequence[_Item], members: Sequence[int]) -> tuple[list[_Node], Counter[str]]:
    """The claims of one story as points to compare (reprinted wordings as one), with the
    number of claims each feature is in."""
    copies: dict[tuple[frozenset[tuple[str, float]], bool, str] | int, list[int]] = defaultdict(list)
    for n in members:
        item = items[n]
        if sum(1 for f in item.features if f[0] in "wneq") < MIN_SHARED:
            copies[n].append(n)  # too little to say what it states: alone
        else:
            copies[(frozenset(item.features.items()), item.mention.negated, item.mention.status)].append(n)
    df: Counter[str] = Counter()
    for found in copies.values():
        df.update({f: len(found) for f in items[found[0]].features})
    total = len(members)
    idf = {f: KIND_WEIGHTS.get(f[0], 1.0) * math.log(1 + total / count) for f, count in df.items()}
    # A name's head word that the story also uses as a plain word ("Tank 4", "the tank") is plain too.
    plain_words: Counter[str] = Counter()
    for found in copies.values():
        plain_words.update({f: len(found) for f, factor in items[found[0]].features.items()
                            if f[0] == "w" and factor >= 1.0})
    nodes = []
    for found in copies.values():
        features = items[found[0]].features
        vector = {f: idf[f] * factor for f, factor in features.items()}
        predicate = next((f for f in features if f[0] == "p"), None)
        nodes.append(_Node(found, vector, sum(vector.values()), predicate,
                           frozenset(items[i].mention.mention.article for i in found),
                           frozenset(f for f, factor in features.items() if f[0] in "wqdm" and (
                               factor >= 1.0 or factor >= NAME_WORD_FACTOR and plain_words[f] >= 2)),
                           items[found[0]].actors, items[found[0]].countries, items[found[0]].targets,
                           items[found[0]].periods, frozenset(f for f in features if f[0] == "e")))
    return nodes, df


def _rarest(vector: Mapping[str, float], df: Mapping[str, int]) -> list[str]:
    """The features a claim is looked up by: its rarest words, names, quantities and days that
    another claim has too."""
    usable = sorted((f for f in vector if f[0] in "wneqd" and df[f] > 1), key=lambda f: (df[f], f))
    return usable[:INDEX_FEATURES]


def _similarity(a: _Node, b: _Node) -> float:
    """How alike two claims are: the Dice coefficient of their weighted features (the smaller
    weight of each shared one), or for a short claim whose features the other holds nearly all
    of ("The leak began early on Monday"), a share of that containment; 0 when they share too
    little or their predicates are opposites."""
    small, large = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    shared = [f for f in small if f in large]
    content = sum(1 for f in shared if f[0] in "wneq" and f != OPEN)
    if content < MIN_SHARED or _opposite(a, b) or not a.norm or not b.norm:
        return 0.0
    if _one_event(a, b):
        return EVENT_SIMILARITY
    plain = sum(1 for f in shared if f in a.plain and f in b.plain and f != OPEN)
    if plain < MIN_SHARED_PLAIN:
        return 0.0  # names alone do not make one fact: words of what is done must be shared
    common = sum(min(small[f], large[f]) for f in shared)
    score = 2 * common / (a.norm + b.norm)
    if plain >= MIN_CONTAINED_SHARED:
        contained = common / min(a.norm, b.norm)
        if contained >= MIN_CONTAINMENT:
            score = max(score, CONTAINMENT_WEIGHT * contained)
    return score


def _one_event(a: _Node, b: _Node) -> bool:
    """Two acts of making something public by one named actor at one time: "the White House
    revealed intelligence on Monday" and "Sullivan told reporters at a White House briefing last
    week" (a day within the week), however differently worded."""
    return bool(a.periods and b.periods and a.names & b.names) and any(
        _within(x, y) or _within(y, x) for x in a.periods for y in b.periods)


def _within(inner: tuple[dt.date, dt.date], outer: tuple[dt.date, dt.date]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and (outer[1] - outer[0]).days <= MAX_EVENT_DAYS


def _needed(a: _Node, b: _Node) -> float:
    """The similarity two claims need: predicates that agree ask less, predicates that differ more."""
    if a.predicate is None or b.predicate is None:
        return MIN_SIMILARITY["unknown"]
    return MIN_SIMILARITY["same" if a.predicate == b.predicate else "different"]


OPPOSITE_KEYS = {(verb_key(x), verb_key(y)) for x, y in OPPOSITES} | {(verb_key(y), verb_key(x))
                                                                      for x, y in OPPOSITES}


def _opposite(a: _Node, b: _Node) -> bool:
    """Predicates of opposite acts, different named actors ("Iran supplied ..." and "the US
    supplied ..."), different countries, or different ones outside the subject ("the US supplied
    Ukraine ..." and "the US supplied Russia ..."): never one fact."""
    if a.actors and b.actors and not a.actors & b.actors:
        return True
    if a.countries and b.countries and not a.countries & b.countries:
        return True
    if a.targets and b.targets and not a.targets & b.targets:
        return True
    if (OPEN in a.vector) != (OPEN in b.vector):
        return True  # an open question ("it is unclear whether ...") or a condition states no fact
    return a.predicate is not None and b.predicate is not None and (a.predicate[2:], b.predicate[2:]) in OPPOSITE_KEYS


def _compatible(first: list[int], second: list[int], nodes: Sequence[_Node]) -> bool:
    """Whether two groups may join: nothing that keeps two claims apart between them, and alike
    enough on average (over a sample of each side)."""
    total = 0.0
    count = 0
    for n in first[:GROUP_SAMPLE]:
        for m in second[:GROUP_SAMPLE]:
            if _opposite(nodes[n], nodes[m]):
                return False
            total += _similarity(nodes[n], nodes[m])
            count += 1
    return not count or total / count >= MIN_GROUP_SIMILARITY


# --- groups as claims ------------------------------------------------------------------------


def _make(items: Sequence[_Item], members: Sequence[int], articles: Mapping[str, Article], names: EntityIndex,
          independence: Mapping[str, str] | None) -> ClaimGroup:
    chosen = sorted((items[i] for i in members), key=lambda it: (it.rank, it.mention.mention.article,
                                                                 it.mention.mention.start))
    first = chosen[0].mention
    mentions = tuple(it.mention.mention for it in chosen)
    article_ids = sorted({m.article for m in mentions})
    outlets = {_outlet(articles[a]) for a in article_ids}
    if independence is None:
        independent = len(outlets)
    else:
        independent = len({independence.get(a) or _outlet(articles[a]) for a in article_ids})
    digest = hashlib.sha1(f"{first.mention.article}\0{first.mention.start}\0{first.mention.end}".encode())
    claim = Claim(
        id="claim-" + digest.hexdigest()[:10],
        statement=_wording(first, names, articles[first.mention.article].body),
        mentions=mentions,
        articles=tuple(article_ids),
        outlets=len(outlets),
        independent_outlets=independent,
        attributed_to=_attributed(chosen, names),
        status=_status([it.mention for it in chosen], names),
        story=chosen[0].story,
    )
    return ClaimGroup(claim=claim, members=tuple(it.mention for it in chosen))


def _outlet(article: Article) -> str:
    return article.outlet or article.id


def statement(claim: ClaimMention, *, article: Article | None = None, entities: Sequence[Entity] = ()) -> str:
    """A claim's wording for people: one short sentence of the article's own words.

    Its clause, with the subject it leaves out put back (a relative clause, a coordinated verb:
    "we shut ... and alerted ..." gives "We alerted ..."), unless the verb does not agree with it
    (a relative clause the parser hung on the wrong noun); a pronoun subject ("it", "he") named by
    the claim's source when the source names an entity of the pronoun's kind (`entities`); a
    complementizer or conjunction the parse left at its start dropped ("and that repairs ...");
    with the article's text (`article`), a clause that only sets the time or reason of another
    ("Once we understood ..., we shut ...") is shown with it, not as a fact of its own.
    Only for display: never a feature.
    """
    return _wording(claim, EntityIndex(entities), article.body if article is not None else None)


# Words the parse may leave at a clause's start that are no part of its statement.
LEADING_CONNECTIVES = re.compile(r"^(?:and|but|or|nor|so that|once|because|although|though|whereas)\s+",
                                 re.IGNORECASE)
# Subordinators of a clause that sets the time or reason of the clause after it.
SUBORDINATORS = re.compile(r"(?:^|[\s“\"(])(once|because|although|though|when|whenever|after|before|since|while|"
                           r"as soon as)\s+$", re.IGNORECASE)
# A shown main clause is at most this long (else the subordinate clause is shown alone).
MAX_MAIN_CLAUSE = 160
# "it is clear that", "it was important to": "it" there names nothing.
EXPLETIVE_IT = re.compile(r"^it(?:\s+(?:is|was|would be|will be|has been|had been|may be|might be|could be|seems|"
                          r"appears)|['’]s)\s+(?:not\s+)?(?:\w+ly\s+)?\w+\s+(?:that|whether|to|if|how|what|why|when|"
                          r"where|who)\b", re.IGNORECASE)
# Present-tense verbs that need a singular subject, and those that need a plural one.
SINGULAR_VERB = re.compile(r"^(?:is|was|has|does|[a-z]+[^s\W]s)\b")
PLURAL_VERB = re.compile(r"^(?:are|were|have|do)\b")
# A clause that opens so has no finite verb for a pronoun to be the subject of ("mentioning ...").
NON_FINITE = re.compile(r"^(?:\w+ing|to|even|when|while|as|if|after|before|by|with|without)\b", re.IGNORECASE)
SPEECH_WORDS = frozenset("said says say told tell added noted claimed stated believes believed reported".split())


def _wording(claim: ClaimMention, names: EntityIndex, body: str | None) -> str:
    mention = claim.mention
    text = " ".join(mention.text.split())
    subject = claim.subject
    same_article = subject is not None and subject.article == mention.article
    if subject is not None and same_article and not mention.start <= subject.start < mention.end:
        wording = " ".join(subject.text.split())
        if _left_out(subject, mention) and _agrees(wording, text) and not (
                wording.lower() in PRONOUNS and NON_FINITE.match(text)):
            if body is not None and _reduced_passive(body[subject.end:mention.start], text):
                text = f"{'were' if _plural(wording) else 'was'} {text}"  # "the deal, revealed by ..."
            text = f"{_pronoun_named(claim, wording, names)} {text}"
    elif subject is not None and same_article and subject.start == mention.start:
        words = subject.text.split()
        if words[0].lower() == "that" and len(words) > 1 and _complementizer(words[1], body, mention.start):
            text = text[len(words[0]):].lstrip()  # "and that repairs ...", "a seam that corrosion had thinned"
        elif len(words) == 1 and words[0].lower() in PRONOUNS:
            named = _pronoun_named(claim, words[0], names)
            if named != words[0] and not EXPLETIVE_IT.match(text):
                text = named + text[len(words[0]):]
    while found := LEADING_CONNECTIVES.match(text):
        text = text[found.end():]
    if body is not None:
        text = _with_main_clause(text, mention, body)
    text = text.strip(" ,;:—–-")
    for opening, closing in (("“", "”"), ("(", ")"), ("[", "]")):
        if text.count(opening) != text.count(closing):  # a quotation or aside the clause cut in two
            text = text.replace(opening, "").replace(closing, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    text = text.strip(" ,;:")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1].isalnum():
        text += "."
    return text


# A past participle opening a clause: "revealed", "shown", "held".
PARTICIPLE = re.compile(r"^(?:[a-z]+ed|shown|known|given|taken|made|held|built|sent|found|seen|told|written|done|"
                        r"brought|bought|caught|kept|left|led|paid|sold|spent|won|drawn|flown|driven|broken|chosen|"
                        r"hidden|spoken|stolen|sworn)\b")


def _reduced_passive(gap: str, clause: str) -> bool:
    """Whether a clause that leaves out its subject is a participle modifying it, set off by
    commas or followed by its agent ("the deal, revealed by the White House on Monday, ..."):
    shown as a passive, "The deal was revealed by ...", not as if the deal revealed something."""
    if not PARTICIPLE.match(clause):
        return False
    return gap.strip() == "," or (not gap.strip() and re.match(r"^\S+\s+by\b", clause) is not None)


def _plural(subject: str) -> bool:
    words = WORD.findall(subject)
    head = words[-1] if words else ""
    return " and " in f" {subject.lower()} " or head.lower() in ("we", "they", "you", "people") or (
        head.endswith("s") and not head.endswith(("ss", "us", "is")) and not head[:1].isupper()
        and len(head) > 3)  # not a name: "Jones", "United States"


def _agrees(subject: str, clause: str) -> bool:
    """Whether a clause's present-tense verb agrees with a subject it leaves out: "metal parts"
    and "breaks down" do not (the parser took the wrong noun for a relative clause's)."""
    words = WORD.findall(subject)
    if not words:
        return False
    head = words[-1].lower()
    plural = _plural(subject)
    singular = head in ("he", "she", "it") or not plural and not head.endswith("s")
    verb = clause.lstrip().lower()
    if plural and SINGULAR_VERB.match(verb):
        return False
    return not (singular and PLURAL_VERB.match(verb) and head not in ("i", "you"))


def _complementizer(following: str, body: str | None, start: int) -> bool:
    """Whether a "that" opening a clause's subject is a conjunction rather than a determiner:
    before a plural ("that repairs ... had been scheduled"), after a conjunction ("and that ..."),
    or after a noun ("a weld seam that corrosion had thinned")."""
    if following.endswith("s") and not following.endswith(("ss", "us", "is")):
        return True
    if body is None:
        return False
    before = WORD.findall(body[max(0, start - 40):start])
    if not before:
        return False
    last = before[-1].lower()
    if last in ("and", "but", "or"):
        return True
    return last not in STOPWORDS and last not in MORE_STOPWORDS and last not in SPEECH_WORDS \
        and not last.endswith(("ed", "ly")) and not last[:1].isdigit()


def _pronoun_named(claim: ClaimMention, subject: str, names: EntityIndex) -> str:
    """A pronoun subject as the name its source gives ("Teskar denied that it had been warned":
    Teskar), when the source names an entity of the pronoun's kind; else the subject as written."""
    types = PRONOUN_TYPES.get(subject.lower())
    source = claim.source
    if not types or source is None or source.article != claim.mention.article:
        return subject
    found = [(s, e, entity) for s, e, entity in names.within(source) if entity.type in types]
    if not found:
        return subject
    s, e, _ = max(found, key=lambda f: (f[1] - f[0], -f[0]))
    if source.text[:s - source.start].strip().lower() == "the":
        s = source.start  # "The National Environmental Inspectorate" as written
    return " ".join(source.text[s - source.start:e - source.start].split())


def _with_main_clause(text: str, mention: Mention, body: str) -> str:
    """A clause that only sets the time or reason of the one after it ("Once we understood the
    scale of the leak, we shut ..."), with its subordinator and that clause, when short."""
    line_start = body.rfind("\n", 0, mention.start) + 1
    window = body[max(line_start, mention.start - 30):mention.start]
    found = SUBORDINATORS.search(window)
    opening = body[line_start:mention.start - len(window) + found.start(1)] if found else ""
    if found is None or not re.fullmatch(r"(?:.*[.!?][\s”\"’']*)?[\s“\"‘']*", opening, re.DOTALL):
        return text  # only a clause that opens its sentence sets the time of the one after it
    after = body[mention.end:]
    main = re.match(r"\s*,\s*([^.!?;\n]*?[.!?])(?=[\s”\"’']|$)", after)
    if main is None or len(main.group(1)) > MAX_MAIN_CLAUSE or LEADING_CONNECTIVES.match(main.group(1)):
        return text
    clause = re.sub(r",[”\"’']?\s*(?:[\w’'-]+\s+){0,4}(?:said|says|told \w+|added)$", "",
                    " ".join(main.group(1).split()).rstrip(".!?"))
    return f"{found.group(1)} {text}, {clause}"


def _attributed(chosen: Sequence[_Item], names: EntityIndex) -> tuple[str, ...]:
    """The members' sources, by their entity's canonical name when one is named in the span."""
    counts: Counter[str] = Counter()
    for item in chosen:
        source = item.mention.source
        if source is None:
            continue
        name = _source_name(source, names)
        if name:
            counts[name] += 1
    return tuple(name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


ENTITY_PREFERENCE = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3}


def _source_name(source: Mention, names: EntityIndex) -> str | None:
    found = names.within(source)
    if found:
        found.sort(key=lambda s: (ENTITY_PREFERENCE.get(s[2].type, 9), -s[1]))
        return found[0][2].name
    text = " ".join(source.text.split())
    if text.lower() in PRONOUNS or not text:
        return None
    return DETERMINERS.sub("", text).strip(" ,.")


def _status(members: Sequence[ClaimMention], names: EntityIndex) -> str:
    """asserted when any member states it, alleged when all hedge, denied when all deny,
    disputed when some state it and others deny it."""
    denying = [m for m in members if _denies(m, names)]
    stating = [m for m in members if not _denies(m, names)]
    if denying and stating:
        return "disputed"
    if denying:
        return "denied"
    return "asserted" if any(m.status == "asserted" for m in stating) else "alleged"


def _denies(claim: ClaimMention, names: EntityIndex) -> bool:
    """A denial: denied by its source, or a source negating what it says of itself ("Teskar says
    it was never told", "the inspectorate did not tell us")."""
    if claim.status == "denied":
        return True
    if not claim.negated or claim.source is None:
        return False
    if FIRST_PERSON.search(claim.mention.text):
        return True
    subject = claim.subject.text.lower() if claim.subject is not None else ""
    if subject not in PRONOUNS:
        return False
    types = {entity.type for _, _, entity in names.within(claim.source)}
    return not types or bool(types & PRONOUN_TYPES.get(subject, frozenset({"PERSON", "ORG", "GPE", "NORP"})))
