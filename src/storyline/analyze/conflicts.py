"""Where articles disagree about one fact: numbers, dates, a person's gender, names, denials.

Three kinds of `Contradiction` besides `paraphrase_drift` (contradictions.py):

- `factual_conflict`: the members of one claim group (the same fact told by several
  articles, see link/claims.py) give quantities of the same unit that cannot both be
  true ("an estimated 80,000 litres" and "about 18,000 litres"; "400" and "more than
  400"), or different days for it ("on Monday" resolved to April 7 and "on Tuesday" to
  April 8; a month or a year told differently is more often another event); and one
  person called by a masculine title in one place and a feminine one in another
  ("spokesman" and "spokeswoman").
- `stance_disagreement`: one party denies what another asserts: within a claim group,
  or a group of denials against the claim it answers (told in the same articles by
  another party, about the denying party or whom it speaks for).
- `spelling_variant`: one entity's name spelled two ways ("Houthi" and "Huthi").

Each quantity is read as an interval ("about 18,000": 10 % either side; "more than
400": above 400; "up to several hundred": at most 999), and two members conflict
when their intervals for one unit do not meet. Vague amounts ("thousands") are wide
intervals and rarely conflict, which is right: they rarely contradict anything.
Members must also be alike in their words, so a loose group does not make a conflict.
The side that fewer articles take comes first in `sides`.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..link.claims import EntityIndex
from ..model import Article, ClaimMention, Contradiction, Entity, Mention, Timex
from ..words import stem, words

# Approximate amounts are taken as this share either side of the number.
APPROXIMATE = 0.1
# Numbers in this range with no unit are years, which the date comparison covers.
YEARS = range(1800, 2101)
# Two members are about one thing when their clauses share this many content words...
MIN_SHARED = 3
# ...and this Dice share of them.
ALIKE = 0.3

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9, "k": 1e3}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a hundred": 100, "thousand": 1000, "a thousand": 1000, "a dozen": 12, "dozen": 12,
}
# Vague amounts as (low, high).
# Vague amounts as (low, high): a plural of a magnitude reaches well past it ("thousands of
# litres" can be 18,000), "several" does not ("several hundred" is under a thousand).
_VAGUE = {
    "several hundred": (200, 999), "hundreds": (200, 9_999), "hundreds of": (200, 9_999), "dozens": (24, 999),
    "dozens of": (24, 999), "several dozen": (24, 99), "thousands": (2_000, 999_999),
    "thousands of": (2_000, 999_999), "several thousand": (2_000, 9_999), "tens of thousands": (20_000, 999_999),
    "a few": (2, 9), "several": (3, 9), "a handful of": (2, 9), "scores of": (40, 999),
}
_MODIFIERS = {  # modifier -> how it turns a number n into an interval
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "close to": "approx", "nearly": "below", "almost": "below",
    "just under": "below", "up to": "at_most", "as many as": "at_most", "at most": "at_most", "no more than": "at_most",
    "at least": "at_least", "more than": "above", "over": "above", "just over": "above", "upwards of": "above",
    "in excess of": "above", "fewer than": "under", "less than": "under", "under": "under", "below": "under",
}
_MODIFIER = "|".join(sorted((re.escape(m) for m in _MODIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((re.escape(v) for v in _VAGUE), key=len, reverse=True))
_NUMBER_RE = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?i)(?:(?P<modifier>{_MODIFIER})\s+)*"
    rf"(?:(?P<vague>{_VAGUE_RE})|(?P<digits>\d[\d,]*(?:\.\d+)?)|(?P<word>{_NUMBER_RE})\b)"
    rf"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
    rf"\s*(?:(?P<percent>%|per ?cent)|(?:of\s+)?(?P<unit>[a-z][a-z-]*))?"
)
_UNIT_SKIP = frozenset("of the a an and or to in on at for by from than as more".split())

GENDERED = {  # role word -> gender
    **dict.fromkeys("spokesman chairman congressman businessman councilman alderman policeman fireman "
                    "anchorman cameraman frontman sportsman statesman mr king prince actor".split(), "male"),
    **dict.fromkeys("spokeswoman chairwoman congresswoman businesswoman councilwoman alderwoman policewoman "
                    "firewoman anchorwoman camerawoman frontwoman sportswoman stateswoman mrs ms miss queen "
                    "princess actress".split(), "female"),
}
_GENDER_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount as an interval of values, with its unit (stemmed; "%" for percentages)."""

    low: float
    high: float
    low_open: bool
    high_open: bool
    unit: str
    text: str

    def meets(self, other: Quantity) -> bool:
        """Whether both can be true of one thing."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        return not (other.high == self.low and (other.high_open or self.low_open))


def parse_quantity(text: str) -> Quantity | None:
    """The amount `text` states ("more than 400 drones", "about 18,000 litres"), or None."""
    match = QUANTITY.search(text)
    if match is None:
        return None
    modifiers = re.findall(rf"(?i)\b(?:{_MODIFIER})\b", text[: match.start("vague") if match.group("vague")
                                                              else match.start("digits") if match.group("digits")
                                                              else match.start("word")])
    if match.group("vague"):
        low, high = _VAGUE[match.group("vague").lower()]
        value = None
    else:
        if match.group("digits"):
            try:
                value = float(match.group("digits").replace(",", ""))
            except ValueError:
                return None
        else:
            value = float(_NUMBER_WORDS[match.group("word").lower()])
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
        low = high = value
    unit = "%" if match.group("percent") else _unit(match.group("unit"))
    if value is not None and not unit and int(value) == value and int(value) in YEARS:
        return None
    low_open = high_open = False
    for modifier in (m.lower() for m in modifiers):
        how = _MODIFIERS.get(" ".join(modifier.split()), "")
        if how == "approx":
            low, high = low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
        elif how == "below":
            low = low * (1 - APPROXIMATE)
            high_open = True
        elif how == "at_most":
            low = 0.0
        elif how == "at_least":
            high = float("inf")
        elif how == "above":
            low_open, high = True, float("inf")
        elif how == "under":
            low, high_open = 0.0, True
    return Quantity(low, high, low_open, high_open, unit, text)


def _unit(word: str | None) -> str:
    if not word or word.lower() in _UNIT_SKIP:
        return ""
    return stem(word.lower())


def factual_conflicts(
    groups: Sequence[tuple[str, Sequence[ClaimMention]]],
    articles: Sequence[Article],
    timexes: Mapping[str, Sequence[Timex]] | None = None,
) -> list[tuple[int, Contradiction, tuple[str, ...]]]:
    """Quantity and date conflicts inside each claim group (claim statement, its members):
    the group's index, the contradiction, and the articles of its minority side (the
    versions that contradict the claim)."""
    outlets = {a.id: a.outlet or a.id for a in articles}
    found = []
    for index, (statement, members) in enumerate(groups):
        if len({m.mention.article for m in members}) < 2:
            continue
        for what, sides in (("quantities", _quantity_sides(members)),
                            ("dates", _date_sides(members, timexes or {}))):
            if sides is None:
                continue
            minority, majority, label_minority, label_majority = sides
            description = (f"Different {what} for one fact ({_short(statement)}): "
                           f"{label_minority} ({_outlet_list(minority, outlets)}) vs "
                           f"{label_majority} ({_outlet_list(majority, outlets)})")
            contradiction = _contradiction("factual_conflict", description, (minority, majority))
            found.append((index, contradiction, tuple(sorted({m.article for m in minority}))))
    return found


def _quantity_sides(members: Sequence[ClaimMention]) -> tuple | None:
    """Two sides of members whose quantities of one unit cannot both hold, or None."""
    by_unit: dict[str, list[tuple[Quantity, ClaimMention, Mention]]] = defaultdict(list)
    for member in members:
        parsed = [(parse_quantity(q.text), q) for q in member.quantities]
        units = [p.unit for p, _ in parsed if p is not None]
        for quantity, mention in parsed:
            if quantity is None or (not quantity.unit and len(units) > 1):
                continue
            by_unit[quantity.unit].append((quantity, member, mention))
    for unit, items in sorted(by_unit.items(), key=lambda kv: -len(kv[1])):
        if len({member.mention.article for _, member, _ in items}) < 2:
            continue
        clusters: list[list[tuple[Quantity, ClaimMention, Mention]]] = []
        for item in sorted(items, key=lambda i: (i[0].high - i[0].low, i[0].low)):
            for cluster in clusters:
                if all(item[0].meets(other[0]) for other in cluster):
                    cluster.append(item)
                    break
            else:
                clusters.append([item])
        if len(clusters) < 2:
            continue
        clusters.sort(key=lambda c: -len({member.mention.article for _, member, _ in c}))
        majority, minority = clusters[0], clusters[1]
        if {m.mention.article for _, m, _ in minority} <= {m.mention.article for _, m, _ in majority} and \
                len({m.mention.article for _, m, _ in majority}) == 1:
            continue  # one article giving two amounts: two things, not a conflict
        if not any(_alike(a, b) for _, a, _ in minority for _, b, _ in majority):
            continue  # a loose group: the amounts may be of different things
        return (_side_mentions(minority), _side_mentions(majority),
                f'"{minority[0][2].text}"', f'"{majority[0][2].text}"')
    return None


def _side_mentions(items: Iterable[tuple[object, ClaimMention, Mention]]) -> tuple[Mention, ...]:
    seen: dict[tuple[str, int, int], Mention] = {}
    for _, member, _ in items:
        m = member.mention
        seen.setdefault((m.article, m.start, m.end), m)
    return tuple(seen[key] for key in sorted(seen))


def _disagreement(description: str, denials: Sequence[ClaimMention], assertions: Sequence[ClaimMention]
                  ) -> tuple[Contradiction, tuple[str, ...]]:
    """A stance disagreement between `denials` and `assertions`, with the articles that only deny."""
    sides = (_side_mentions((None, m, m.mention) for m in denials),
             _side_mentions((None, m, m.mention) for m in assertions))
    only_deny = {m.mention.article for m in denials} - {m.mention.article for m in assertions}
    return _contradiction("stance_disagreement", description, sides), tuple(sorted(only_deny))


def _date_sides(members: Sequence[ClaimMention], timexes: Mapping[str, Sequence[Timex]]) -> tuple | None:
    """Two sides of members dating the fact to different days (or months), or None."""
    dated: dict[str, list[tuple[str, ClaimMention, Mention]]] = defaultdict(list)  # granularity -> items
    for member in members:
        inside = [time for time in member.times
                  if member.mention.start <= time.start and time.end <= member.mention.end]
        values = {_day(t) for time in inside for t in _timexes_at(timexes, time)} - {None}
        if len(values) != 1:
            continue  # no date, or several: which one dates the fact is not known
        value, written = next(iter(values))  # type: ignore[misc]
        dated["day"].append((value, member, written))
    for items in dated.values():
        by_value: dict[str, list[tuple[str, ClaimMention, Mention]]] = defaultdict(list)
        for item in items:
            by_value[item[0]].append(item)
        if len(by_value) < 2:
            continue
        ranked = sorted(by_value.values(), key=lambda c: (-len({m.mention.article for _, m, _ in c}), c[0][0]))
        majority, minority = ranked[0], ranked[1]
        if len({m.mention.article for _, m, _ in minority + majority}) < 2:
            continue
        if not any(_alike(a, b) for _, a, _ in minority for _, b, _ in majority):
            continue  # a loose group: the dates may belong to different events
        return (_side_mentions(minority), _side_mentions(majority),
                f'"{minority[0][2].text}" ({minority[0][0]})', f'"{majority[0][2].text}" ({majority[0][0]})')
    return None


def _timexes_at(timexes: Mapping[str, Sequence[Timex]], mention: Mention) -> list[tuple[Timex, Mention]]:
    return [(t, mention) for t in timexes.get(mention.article, ())
            if t.start < mention.end and mention.start < t.end]


def _day(found: tuple[Timex, Mention]) -> tuple[str, Mention] | None:
    """The day a date or time names; coarser dates are left alone: a month or a year told
    differently is more often another event than a conflict."""
    timex, mention = found
    if timex.type not in ("DATE", "TIME") or timex.mod:
        return None
    return (timex.value[:10], mention) if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", timex.value) else None


def _alike(first: ClaimMention, second: ClaimMention) -> bool:
    """Whether two members' clauses share enough content words to be about one thing."""
    a, b = words(first.mention.text), words(second.mention.text)
    shared = len(a & b)
    return shared >= MIN_SHARED and 2 * shared >= ALIKE * (len(a) + len(b))


def gender_conflicts(entities: Sequence[Entity], articles: Sequence[Article]) -> list[Contradiction]:
    """A person called by a masculine title in one place and a feminine one in another."""
    outlets = {a.id: a.outlet or a.id for a in articles}
    found = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        by_gender: dict[str, list[Mention]] = defaultdict(list)
        for mention in entity.role_mentions:
            genders = {GENDERED[w.lower()] for w in _GENDER_WORD.findall(mention.text) if w.lower() in GENDERED}
            if len(genders) == 1:
                by_gender[genders.pop()].append(mention)
        if len(by_gender) < 2:
            continue
        sides = sorted(by_gender.values(), key=lambda ms: (len({m.article for m in ms}), len(ms)))
        minority, majority = sides
        description = (f"{entity.name} is called \"{minority[0].text}\" ({_outlet_list(minority, outlets)}) "
                       f"but \"{majority[0].text}\" ({_outlet_list(majority, outlets)})")
        found.append(_contradiction("factual_conflict", description, (tuple(minority), tuple(majority))))
    return found


def stance_disagreements(
    groups: Sequence[tuple[str, Sequence[ClaimMention]]], articles: Sequence[Article]
) -> list[tuple[int, Contradiction, tuple[str, ...]]]:
    """One party denying what another asserts, inside each claim group: the group's index,
    the contradiction, and the articles that only deny it."""
    outlets = {a.id: a.outlet or a.id for a in articles}
    found = []
    for index, (statement, members) in enumerate(groups):
        denials = [m for m in members if m.status == "denied"]
        assertions = [m for m in members if m.status != "denied"]
        if not denials or not assertions:
            continue
        # a denial disputes an alike assertion that is not itself negative (which would agree with it)
        assertions = [a for a in assertions if not a.negated]
        denials = [d for d in denials if any(_alike(d, a) for a in assertions)]
        assertions = [a for a in assertions if any(_alike(d, a) for d in denials)]
        if not denials or not assertions:
            continue  # a loose group: the denial is of something else
        deniers = {_source(m) for m in denials}
        asserters = {_source(m) for m in assertions}
        if deniers <= asserters and None not in asserters:
            continue  # the same party said both: a correction, not a dispute
        who = ", ".join(sorted({" ".join(m.source.text.split()) for m in denials if m.source})) or "one side"
        description = (f"{who} denies what is asserted ({_short(statement)}): denied in "
                       f"{_outlet_list([m.mention for m in denials], outlets)}, asserted in "
                       f"{_outlet_list([m.mention for m in assertions], outlets)}")
        found.append((index, *_disagreement(description, denials, assertions)))
    return found


def stances_across_groups(
    groups: Sequence[tuple[str, Sequence[ClaimMention]]],
    articles: Sequence[Article],
    entities: Sequence[Entity] = (),
) -> list[tuple[int, Contradiction, tuple[str, ...]]]:
    """A denial answering another claim: a group whose members only deny ("there has been no
    special development", "Teskar denied that it had been warned") against the asserted claim
    it answers. That claim is told in the same articles by another party, and is either about
    the same names and words, or told shortly before the denial with the denying party (or
    whom it speaks for: "spokesman for the Iranian Foreign Ministry") as its subject or object
    ("asked its owner, Teskar Chemicals, for a repair plan"). The most widely carried such
    claim wins when several qualify. Each denial group answers at most one claim: the group's
    index of that claim, the contradiction, and the denying articles that do not state it."""
    outlets = {a.id: a.outlet or a.id for a in articles}
    bodies = {a.id: a.body for a in articles}
    names = EntityIndex(entities)
    parties = _Parties(entities)
    found = []
    profiles = [_profile(members, names) for _, members in groups]
    in_article: dict[str, list[int]] = defaultdict(list)  # article id -> the groups told in it
    for index, (article_ids, _, _) in enumerate(profiles):
        for article_id in article_ids:
            in_article[article_id].append(index)
    for d, (statement, denials) in enumerate(groups):
        if not denials or any(m.status != "denied" for m in denials):
            continue
        deniers = {_source(m) for m in denials} - {None}
        speaking_for = set().union(*(parties.speaks_for(m.source) for m in denials if m.source is not None))
        d_articles, d_names, d_words = profiles[d]
        best: tuple[float, int] | None = None
        for a in sorted({a for article_id in d_articles for a in in_article[article_id]}):
            members = groups[a][1]
            a_articles, a_names, a_words = profiles[a]
            shared_articles = len(d_articles & a_articles)
            if a == d or not shared_articles or any(m.status == "denied" or m.negated for m in members):
                continue
            if deniers & {_source(m) for m in members}:
                continue  # the same party: not a dispute
            if shared_articles < min(2, len(d_articles)):
                continue
            shared_names, shared_words = len(d_names & a_names), len(d_words & a_words)
            on_topic = shared_words >= 2 and shared_names + shared_words >= MIN_SHARED
            answered = _answered(denials, members, speaking_for, parties, bodies)
            if not on_topic and answered < min(2, len(d_articles)):
                continue  # a name in common is not a topic in common
            score = (shared_articles + 0.5 * shared_names + 0.25 * shared_words
                     + (answered + 0.1 * len(a_articles) if answered else 0.01 * len(a_articles)))
            if best is None or score > best[0]:
                best = (score, a)
        if best is None:
            continue
        a = best[1]
        a_statement, assertions = groups[a]
        who = ", ".join(sorted({parties.who(m.source) for m in denials if m.source})) or "one side"
        description = (f"{who} denies {_short(statement)} ({_outlet_list([m.mention for m in denials], outlets)}), "
                       f"answering {_short(a_statement)} ({_outlet_list([m.mention for m in assertions], outlets)})")
        found.append((a, *_disagreement(description, denials, assertions)))
    return found


def _answered(denials: Sequence[ClaimMention], members: Sequence[ClaimMention], speaking_for: set[str],
              parties: _Parties, bodies: Mapping[str, str]) -> int:
    """In how many articles a member, told before a denial there by another party, has the
    denying party as its subject or object: the claim that denial answers."""
    if not speaking_for:
        return 0
    first_denial: dict[str, int] = {}
    for m in denials:
        at = first_denial.get(m.mention.article)
        first_denial[m.mention.article] = m.mention.start if at is None else min(at, m.mention.start)
    answered = set()
    for member in members:
        article_id = member.mention.article
        if article_id in answered or member.mention.start >= first_denial.get(article_id, -1):
            continue
        if member.source is not None and parties.speaks_for(member.source) & speaking_for:
            continue  # the denying party itself
        body = bodies.get(article_id, "")
        named = set().union(*(parties.named(part, body) for part in (member.subject, member.object) if part))
        if named & speaking_for:
            answered.add(article_id)
    return len(answered)


class _Parties:
    """Who a span names or speaks for, as canonical entities: the people, organisations and
    places it names ("Teskar" for Teskar Chemicals), and for a person, those their roles
    name ("spokesman for the Iranian Foreign Ministry": the ministry and Iran). A people's
    name stands for its country ("Iranian" for Iran)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        kept = [e for e in entities if e.type in _PARTY_TYPES]
        self.canonical = {e.id: e.id for e in kept}
        demonyms: dict[str, str] = {}  # "Iranian" -> Iran's id, for every place's likely demonyms
        for entity in kept:
            if entity.type in ("GPE", "LOC"):
                for people in _demonyms(entity.name):
                    demonyms.setdefault(people, entity.id)
        for entity in kept:
            if entity.type == "NORP" and entity.name in demonyms:
                self.canonical[entity.id] = demonyms[entity.name]
        spellings: dict[str, str] = {}
        for entity in kept:
            for name in {entity.name, *entity.aliases, *(m.text for m in entity.mentions)}:
                name = " ".join(name.split())
                if len(name) >= 3 and name[0].isupper():
                    spellings.setdefault(name, self.canonical[entity.id])
        self.spellings: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first word -> (name, entity)
        for name, entity_id in spellings.items():
            first = _NAME_WORD.match(name)
            if first is not None:
                self.spellings[first.group()].append((name, entity_id))
        self.names = {e.id: e.name for e in kept if e.type in ("PERSON", "ORG")}
        self.roles = {self.canonical[e.id]: tuple({*e.roles, *(m.text for m in e.role_mentions)})
                      for e in kept if e.type == "PERSON"}

    def in_text(self, text: str) -> set[str]:
        """The parties `text` names, a longer name and the names inside it alike
        ("Iranian Foreign Ministry": the ministry and Iran)."""
        text = " ".join(text.split())
        found = set()
        for word in _NAME_WORD.finditer(text):
            if word.start() and text[word.start() - 1].isalnum():
                continue
            for name, entity_id in self.spellings.get(word.group(), ()):
                end = word.start() + len(name)
                if text.startswith(name, word.start()) and (end == len(text) or not text[end].isalnum()):
                    found.add(entity_id)
        return found

    def named(self, part: Mention, body: str = "") -> set[str]:
        """The parties a subject or object names, with an apposition after it ("its owner,
        Teskar Chemicals,")."""
        text = part.text
        apposition = _APPOSITION.match(body, part.end) if body else None
        if apposition is not None:
            text += " " + apposition.group(1)
        return self.in_text(text)

    def who(self, source: Mention) -> str:
        """The one person or organisation a source names, by its canonical name ("Nasser Kanani"
        for "Chafi"), else the source as written."""
        named = [self.names[e] for e in self.in_text(source.text) if e in self.names]
        return named[0] if len(named) == 1 else " ".join(source.text.split())

    def speaks_for(self, source: Mention) -> set[str]:
        """The parties a source is or speaks for."""
        named = self.in_text(source.text)
        return named.union(*(self.in_text(role) for entity in named for role in self.roles.get(entity, ())))


_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_NAME_WORD = re.compile(r"\w+")
_APPOSITION = re.compile(r",\s*([^,;.\n]{1,60}),")


def _demonyms(place: str) -> set[str]:
    """The likely names of a place's people ("Iranian" for "Iran", "Russian" for "Russia")."""
    if len(place) < 4:
        return set()
    return {stem + ending for stem in (place, place[:-1]) for ending in ("n", "an", "ian", "ese", "i", "ish")}


def _profile(members: Sequence[ClaimMention], names: EntityIndex) -> tuple[set[str], set[str], set[str]]:
    """A group's articles, the entities its clauses name, and their content words."""
    found_names: set[str] = set()
    found_words: set[str] = set()
    for member in members:
        found_names |= {entity.id for _, _, entity in names.within(member.mention)}
        found_words |= words(member.mention.text)
    return {m.mention.article for m in members}, found_names, found_words


def _source(member: ClaimMention) -> str | None:
    return " ".join(member.source.text.split()).lower() if member.source is not None else None


def spelling_contradictions(
    variants: Iterable[tuple[Entity, Sequence[Mention], Sequence[Mention]]], articles: Sequence[Article]
) -> list[Contradiction]:
    """One `spelling_variant` per entity spelled two ways (the rarer spelling first)."""
    outlets = {a.id: a.outlet or a.id for a in articles}
    found = []
    for entity, rare, common in variants:
        if not rare or not common:
            continue
        description = (f"\"{rare[0].text}\" ({_outlet_list(rare, outlets)}) and \"{common[0].text}\" "
                       f"({_outlet_list(common, outlets)}) spell one name: {entity.name}")
        found.append(_contradiction("spelling_variant", description, (tuple(rare), tuple(common))))
    return found


def _outlet_list(mentions: Iterable[Mention], outlets: Mapping[str, str], limit: int = 3) -> str:
    names = sorted({outlets.get(m.article, m.article) for m in mentions})
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _short(statement: str, limit: int = 90) -> str:
    text = " ".join(statement.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1].rstrip()}…"'


def _contradiction(kind: str, description: str, sides: tuple[tuple[Mention, ...], ...]) -> Contradiction:
    key = "|".join(f"{m.article}:{m.start}:{m.end}" for side in sides for m in side)
    digest = hashlib.sha1(f"{kind}\0{key}".encode()).hexdigest()[:10]
    return Contradiction(id=f"con-{digest}", kind=kind, description=description, sides=sides)
