"""Quotes across articles: canonical speakers, groups of one utterance, variants.

- Speakers: "Sullivan" and "Jake Sullivan", or "Nasser Kanani" and "Nasser Kanaani",
  are one speaker; "Joe Biden" and "Hunter Biden" are two. The canonical name is the
  fullest form most articles use.
- Groups: a quotation carried by several articles is one group even when the
  wordings differ (a bracketed insertion, a dropped clause, a changed word). Candidate
  pairs come from an index of word trigrams, so the cost grows with the number of
  quotes, not its square; each pair is then aligned word by word (longest common
  subsequence of words). A quote that holds another of its article's (`according to
  Fars, Kanani claims that ...`) reports that statement and joins no group.
- Variants: each quote's word-level differences from the group's wording, which is
  the wording of the article that carried it first.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from ..model import Article, Entity, Quote, QuoteGroup, QuoteVariant, Speaker
from .joins import root

# Two quotes are one utterance when this share of the shorter one's words align...
MIN_CONTAINED = 0.7
# ...and this share of the longer one's (a phrase is not the speech it appears in)...
MIN_SHARED_OF_LONGER = 0.3
# ...and at least this many words align.
MIN_ALIGNED_WORDS = 5
# A trigram carried by more quotes than this is too common to suggest a pair.
MAX_POSTINGS = 200
# Spelling variants of one name (rapidfuzz ratio of the normalised names).
SAME_NAME_RATIO = 85

WORD = re.compile(r"\[[^\]]{1,60}\]|\([^)]{1,60}\)|[\w'’-]+")


def link_quotes(
    articles: Sequence[Article], quotes: Sequence[Quote], entities: Sequence[Entity] = ()
) -> tuple[tuple[Quote, ...], tuple[QuoteGroup, ...]]:
    """Quotes with per-article ids, canonical speakers (with their entity, when one of
    `entities` bears the speaker's name) and group ids, and the groups.

    `articles` come in publication order: a group's first article is its `first_seen`.
    """
    order = {article.id: n for n, article in enumerate(articles)}
    quotes = sorted(quotes, key=lambda q: (order.get(q.article, len(order)), q.article, q.start))
    quotes = _renumber(quotes)
    names = canonical_names((q.speaker.name, q.article) for q in quotes
                            if q.speaker.kind == "person" and q.speaker.name)
    by_name = _entity_index(entities)
    quotes = [_with_entity(_with_name(q, names), by_name) for q in quotes]
    members = _group(quotes)
    groups: list[QuoteGroup] = []
    group_of: dict[str, str] = {}
    for indices in members:
        chosen = [quotes[i] for i in indices]
        group = _make_group(f"qg{len(groups) + 1}", chosen)
        groups.append(group)
        for quote in chosen:
            group_of[quote.id] = group.id
    linked = tuple(replace(q, group=group_of.get(q.id)) for q in quotes)
    return linked, tuple(groups)


def _renumber(quotes: list[Quote]) -> list[Quote]:
    """Ids `<article>#q<n>` in reading order (stored results may have been renamed)."""
    counts: Counter[str] = Counter()
    numbered = []
    for quote in quotes:
        counts[quote.article] += 1
        numbered.append(replace(quote, id=f"{quote.article}#q{counts[quote.article]}"))
    return numbered


# --- speakers --------------------------------------------------------------------------------


def canonical_names(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each person name (given with the article that uses it) mapped to the canonical form
    of the person it names: the full form most articles use, the longest on a tie."""
    used = {(" ".join(name.split()), article) for name, article in names if name.split()}
    counts = Counter(name for name, _ in used)  # articles using each form
    full = sorted((n for n in counts if len(n.split()) > 1), key=lambda n: (-len(n.split()), -counts[n], n))
    canonical: dict[str, str] = {}
    clusters: list[list[str]] = []
    by_block: dict[str, list[list[str]]] = defaultdict(list)  # compared only within a first-name block
    for name in full:
        block = by_block[_key(name)[:3]]
        for cluster in block:
            if any(_same_person(name, other) for other in cluster):
                cluster.append(name)
                break
        else:
            block.append([name])
            clusters.append(block[-1])
    for cluster in clusters:
        best = max(cluster, key=lambda n: (sum(counts[m] for m in cluster if _key(m) == _key(n)),
                                           len(n.split()), -len(n), n))
        for name in cluster:
            canonical[name] = best
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full:
        by_surname[_key(name).split()[-1]].add(canonical[name])
    for name in counts:
        if name in canonical:
            continue
        surname = _key(name).split()[-1]
        matches = set(by_surname.get(surname, ()))
        if not matches:  # a spelling variant of one surname: "Kanaani" for "Kanani"
            matches = {c for other, names in by_surname.items()
                       if other[:1] == surname[:1] and fuzz.ratio(other, surname) >= SAME_NAME_RATIO + 5
                       for c in names}
        canonical[name] = matches.pop() if len(matches) == 1 else name
    return canonical


def _same_person(a: str, b: str) -> bool:
    """Full names of one person: one's words inside the other's, or spelling variants."""
    ka, kb = _key(a).split(), _key(b).split()
    if ka[0] != kb[0] and fuzz.ratio(ka[0], kb[0]) < SAME_NAME_RATIO:
        return False  # different first names: different people
    if set(ka) <= set(kb) or set(kb) <= set(ka):
        return True
    if fuzz.ratio(" ".join(ka), " ".join(kb)) >= SAME_NAME_RATIO:
        return True
    shorter, longer = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return all(any(fuzz.ratio(w, v) >= SAME_NAME_RATIO for v in longer) for w in shorter)


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").split())


SPEAKER_ENTITY_TYPES = {"person": ("PERSON",), "organisation": ("ORG", "GPE", "NORP")}


def _entity_index(entities: Sequence[Entity]) -> dict[tuple[str, str], str]:
    """(type, casefolded name or alias) -> entity id."""
    index: dict[tuple[str, str], str] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault((entity.type, name.casefold()), entity.id)
    return index


def _with_entity(quote: Quote, index: dict[tuple[str, str], str]) -> Quote:
    speaker = quote.speaker
    for kind in SPEAKER_ENTITY_TYPES.get(speaker.kind or "", ()):
        found = index.get((kind, (speaker.name or "").casefold()))
        if found:
            return replace(quote, speaker=replace(speaker, entity=found))
    return quote


def _with_name(quote: Quote, names: dict[str, str]) -> Quote:
    name = quote.speaker.name
    if quote.speaker.kind != "person" or not name or names.get(name, name) == name:
        return quote
    return replace(quote, speaker=replace(quote.speaker, name=names[name]))


# --- groups ----------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """The words of a quotation, bracketed insertions kept as one word."""
    return WORD.findall(text)


def _normal(word: str) -> str:
    return word.casefold().replace("’", "'")


def _group(quotes: Sequence[Quote]) -> list[list[int]]:
    """Indices of quotes that carry one utterance, in groups spanning two or more articles.

    Identical wordings (wire copies) are joined first, by their words; each distinct
    wording is then compared only with those sharing two word trigrams with it, by the
    length of their longest common word subsequence.
    """
    tokens = [tuple(_normal(w) for w in words(q.text)) for q in quotes]
    parent = list(range(len(quotes)))

    people: dict[int, set[str]] = defaultdict(set)  # the named people in each group, by its root

    def union(i: int, j: int) -> None:
        ri, rj = root(parent, i), root(parent, j)
        if ri != rj and not (people[ri] and people[rj] and people[ri] != people[rj]):
            parent[rj] = ri  # an unknown speaker never joins two different people's words
            people[ri] |= people.pop(rj, set())

    containers = _containers(quotes)
    first_of: dict[tuple[tuple[str, ...], str | None], int] = {}
    for i, toks in enumerate(tokens):
        if i in containers:
            continue
        speaker = quotes[i].speaker.name if quotes[i].speaker.kind == "person" else None
        if speaker:
            people[i].add(speaker)
        key = (toks, speaker)
        if key in first_of:
            union(first_of[key], i)
        else:
            first_of[key] = i
    distinct = sorted(first_of.values())
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in distinct:
        for gram in {tokens[i][j:j + 3] for j in range(len(tokens[i]) - 2)}:
            index[gram].append(i)
    for i in distinct:
        toks = tokens[i]
        shared: Counter[int] = Counter()
        for gram in {toks[j:j + 3] for j in range(len(toks) - 2)}:
            postings = index[gram]
            if len(postings) <= MAX_POSTINGS:
                shared.update(j for j in postings if j > i)
        for j, count in shared.items():
            if count >= 2 and root(parent, i) != root(parent, j) \
                    and _same_utterance(quotes[i], quotes[j], toks, tokens[j]):
                union(i, j)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        clusters[root(parent, i)].append(i)
    return [sorted(m) for m in clusters.values() if len({quotes[i].article for i in m}) > 1]


def _containers(quotes: Sequence[Quote]) -> set[int]:
    """Quotes whose span holds another quote of their article: a report of someone else's
    statement (`according to Fars, Kanani claims that ...`), which is not that statement, so
    they join no group."""
    found: set[int] = set()
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        by_article[quote.article].append(i)
    for members in by_article.values():
        spans = sorted(members, key=lambda i: (quotes[i].start, -quotes[i].end))
        for n, i in enumerate(spans):
            # a quotation split by its attribution holds the words between its parts: not a report
            pieces = [(p.start, p.end) for p in quotes[i].parts] or [(quotes[i].start, quotes[i].end)]
            for j in spans[n + 1:]:
                if quotes[j].start >= quotes[i].end:
                    break
                inner = (quotes[j].start, quotes[j].end)
                if inner != (quotes[i].start, quotes[i].end) and any(s <= inner[0] and inner[1] <= e
                                                                     for s, e in pieces):
                    found.add(i)
                    break
    return found


def _same_utterance(a: Quote, b: Quote, ta: Sequence[str], tb: Sequence[str]) -> bool:
    if not _compatible_speakers(a.speaker, b.speaker):
        return False
    shorter, longer = sorted((len(ta), len(tb)))
    if shorter < MIN_ALIGNED_WORDS or shorter < MIN_SHARED_OF_LONGER * longer:
        return False
    aligned = LCSseq.similarity(ta, tb)
    return aligned >= max(MIN_ALIGNED_WORDS, MIN_CONTAINED * shorter, MIN_SHARED_OF_LONGER * longer)


def _compatible_speakers(a: Speaker, b: Speaker) -> bool:
    """Different named people never share a quotation; an unknown speaker may be anyone."""
    if a.kind == "person" and b.kind == "person" and a.name and b.name:
        return a.name == b.name
    return True


def _make_group(group_id: str, quotes: Sequence[Quote]) -> QuoteGroup:
    # The wording of record: the earliest word-for-word quotation (quotes are in publication
    # order), else the earliest report of it; `first_seen` is the earliest article either way.
    first = next((q for q in quotes if q.kind == "direct"), quotes[0])
    speakers = Counter(q.speaker.name for q in quotes if q.speaker.name and q.speaker.kind == "person") \
        or Counter(q.speaker.name for q in quotes if q.speaker.name)
    articles = list(dict.fromkeys(q.article for q in quotes))
    changes: dict[str, tuple[str, ...]] = {}  # wire copies repeat a wording: compare each wording once
    for quote in quotes:
        if quote is not first and quote.text not in changes:
            changes[quote.text] = differences(first.text, quote.text)
    variants = tuple(QuoteVariant(q.id, changes[q.text]) for q in quotes if q is not first)
    return QuoteGroup(
        id=group_id, text=first.text, speaker=speakers.most_common(1)[0][0] if speakers else None,
        quotes=tuple(q.id for q in quotes), articles=tuple(articles), first_seen=quotes[0].article,
        variants=variants,
    )


def differences(reference: str, other: str) -> tuple[str, ...]:
    """Word-level differences of `other` from `reference`, for people to read."""
    ref, oth = words(reference), words(other)
    matcher = difflib.SequenceMatcher(None, [_normal(w) for w in ref], [_normal(w) for w in oth], autojunk=False)
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        was, now = " ".join(ref[i1:i2]), " ".join(oth[j1:j2])
        if op == "replace":
            found.append(f'"{was}" -> "{now}"')
        elif op == "delete":
            found.append(f'dropped "{was}"')
        elif op == "insert":
            found.append(f'added "{now}"')
    return tuple(found)
