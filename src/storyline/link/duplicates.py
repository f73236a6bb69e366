"""Text reuse between articles, and which articles are independent sources.

- **Pairs.** Two articles are a pair when they share text: a wire story reprinted by
  two outlets, an article copied under another name, or an outlet quoting a wire
  paragraph inside its own report. Candidates come from two indexes, so the cost
  grows with the number of articles, not its square: normalised sentences (an
  exact sentence shared by two articles) and MinHash LSH over word 5-shingles of
  the whole text (near-duplicates whose sentences were all touched, or whose line
  breaks differ). Each candidate is verified by aligning its sentences: equal
  normalised sentences (lowercase, accents and punctuation out), else
  near-identical ones (rapidfuzz ratio >= 90: a changed word, a dropped dateline).
  Consecutive aligned sentences make one passage, a pair of mentions into the two
  bodies.
- **Evidence.** A pair is reported when its passages are substantial: one passage of
  two sentences, or of 40 words, with at least 20 words outside quotation marks
  (two outlets quoting one statement are not copying), or 40 such words over all
  passages; or when most of the shorter text is shared (similarity >= 0.8).
  Numbers and initials are not words here ("10:30 p.m." is no evidence).
- **Boilerplate.** A sentence in more than 50 articles, or in 4 or more that are more
  than half of the corpus, is a site's furniture or a formula, not evidence of
  copying: it suggests no pairs and counts for nothing, though it is aligned inside
  a near-duplicate. A sentence in more than 4 articles counts 4/n of its words (an
  outlet's editor's note in 14 of its articles says little).
- **Similarity** is the share of the shorter article's words (numbers aside) that lie
  in the shared passages, a near-identical sentence counting by its rapidfuzz
  ratio / 100: 1.0 for the same text, 0.25 when a 200-word wire story's 50-word
  paragraph is quoted in a longer report.
- **Independence.** Articles that are copies of one text (similarity >= 0.5, sharing
  at least 40 words) are one source; otherwise an article's source is its outlet.
  See `independence_keys` and `count_independent`.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz, process

from ..model import Article, DuplicatePair
from ..words import sentence_spans
from .joins import root

# Sentences with fewer words are neither indexed nor aligned on their own ("He said.").
MIN_SENTENCE_WORDS = 4
# Near-identical sentences: rapidfuzz ratio of the normalised texts.
NEAR_IDENTICAL = 90.0
# A sentence in more articles than this, or in at least BOILERPLATE_MIN_ARTICLES that are more
# than this share of the corpus, is boilerplate, not evidence of copying.
MAX_SENTENCE_ARTICLES = 50
BOILERPLATE_SHARE = 0.5
BOILERPLATE_MIN_ARTICLES = 4
# Below that, a sentence in more than this many articles is weaker evidence: its words count
# EVIDENCE_ARTICLES / articles each (an outlet's editor's note in 14 of its articles says little).
EVIDENCE_ARTICLES = 4
# Candidates from the sentence index: articles sharing this many words of exact sentences,
# or two exact sentences.
MIN_CANDIDATE_WORDS = 10
# A passage is substantial with two sentences or this many words...
PASSAGE_SENTENCES = 2
PASSAGE_WORDS = 40
# ...of which at least this many lie outside quotation marks; over all passages, PASSAGE_WORDS
# such words are enough too.
OWN_WORDS = 20
# Most of the shorter text shared (when it has at least NEAR_DUPLICATE_WORDS): a copy, whatever
# the boilerplate.
NEAR_DUPLICATE = 0.8
NEAR_DUPLICATE_WORDS = 12
# Shared passages shorter than this many words are not listed.
MIN_LISTED_WORDS = 6
# The share of the shorter text that makes two articles copies of one source, when their shared
# passages have at least COPY_WORDS words (a one-line brief inside two reports does not make
# the reports one source).
COPY_SIMILARITY = 0.5
COPY_WORDS = 40
# MinHash LSH over word shingles of the whole text.
SHINGLE = 5
NUM_PERM = 64
LSH_THRESHOLD = 0.5
# An LSH bucket or sentence shared by more articles than this pairs each with the first ones
# only: the pairs still connect the group, and the cost stays linear.
MAX_PARTNERS = 50

TOKEN = re.compile(r"\w+")
WORD = re.compile(r"\w*[^\W\d_]{2}\w*")  # a word, not a number or an initial ("10:30 p.m." has none)
QUOTED = re.compile(r"“[^”\n]{1,3000}”|\"[^\"\n]{1,3000}\"|«[^»\n]{1,3000}»|„[^“”\n]{1,3000}[“”]")
TERMINAL = frozenset(".!?:;\"”’)]…")
# A line this long that ends without punctuation is hard-wrapped prose: it goes on below.
WRAPPED_LINE = 50


@dataclass(frozen=True, slots=True)
class _Text:
    """An article's sentences as the aligner sees them."""

    spans: tuple[tuple[int, int], ...]
    normal: tuple[str, ...]  # lowercased words joined by spaces
    keys: tuple[int, ...]  # hash of `normal`, 0 for sentences too short to align
    words: tuple[int, ...]  # words per sentence (not numbers)
    own: tuple[int, ...]  # words per sentence outside quotation marks
    total: int  # words in the whole article


def find_duplicates(articles: Sequence[Article]) -> tuple[DuplicatePair, ...]:
    """Pairs of articles that share text, in input order, each with its shared passages.

    `similarity` is the share of the shorter article's words inside the shared
    passages (see the module docstring for the evidence a pair needs).
    """
    articles = unique_articles(articles)
    texts = [_text(a.body) for a in articles]
    postings, size = _sentence_index(texts)
    frequency = {key: len(found) for key, found in postings.items()}
    common = _boilerplate(frequency, len(articles))
    candidates = _sentence_candidates(postings, size, common) | _shingle_candidates(texts, articles)
    weights = {key: EVIDENCE_ARTICLES / count for key, count in frequency.items()
               if count > EVIDENCE_ARTICLES and key not in common}
    pairs = []
    for first, second in sorted(candidates):
        pair = _verify(articles[first], texts[first], articles[second], texts[second], common, weights)
        if pair is not None:
            pairs.append(pair)
    return tuple(pairs)


def unique_articles(articles: Sequence[Article]) -> list[Article]:
    """Each article once (the first of an id), in order."""
    seen: set[str] = set()
    unique = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            unique.append(article)
    return unique


# --- sentences -------------------------------------------------------------------------------


def _text(body: str) -> _Text:
    spans = _sentences(body)
    dequoted = QUOTED.sub(lambda m: " " * len(m.group()), body)
    normal, keys, words, own = [], [], [], []
    for start, end in spans:
        text = " ".join(TOKEN.findall(_fold(body[start:end])))
        count = len(WORD.findall(text))
        normal.append(text)
        keys.append(_stable_hash(text) if count >= MIN_SENTENCE_WORDS else 0)
        words.append(count)
        own.append(len(WORD.findall(dequoted, start, end)))
    return _Text(tuple(spans), tuple(normal), tuple(keys), tuple(words), tuple(own), sum(words))


def _sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans, with the pieces of a hard-wrapped sentence put back together."""
    merged: list[tuple[int, int]] = []
    for start, end in sentence_spans(body):
        if merged:
            previous_start, previous_end = merged[-1]
            gap = body[previous_end:start]
            line_start = body.rfind("\n", 0, previous_end) + 1
            if (gap.count("\n") == 1 and body[previous_end - 1] not in TERMINAL
                    and previous_end - line_start >= WRAPPED_LINE):
                merged[-1] = (previous_start, end)
                continue
        merged.append((start, end))
    return merged


def _fold(text: str) -> str:
    """Lowercase, without accents: what differs between two prints of one sentence least."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stable_hash(text: str) -> int:
    """A hash that is the same in every process (Python's own `hash` of a str is not)."""
    return zlib.crc32(text.encode()) << 32 | zlib.adler32(text.encode()) | 1


def _sentence_index(texts: Sequence[_Text]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Sentence key -> the articles (indices, ascending) that carry it, and -> its words."""
    postings: dict[int, list[int]] = defaultdict(list)
    size: dict[int, int] = {}
    for index, text in enumerate(texts):
        for key, words in zip(text.keys, text.words, strict=True):
            if key and (not postings[key] or postings[key][-1] != index):
                postings[key].append(index)
                size[key] = words
    return postings, size


def _boilerplate(frequency: Mapping[int, int], articles: int) -> frozenset[int]:
    limit = max(BOILERPLATE_MIN_ARTICLES - 1, min(MAX_SENTENCE_ARTICLES, int(BOILERPLATE_SHARE * articles)))
    return frozenset(key for key, count in frequency.items() if count > limit)


# --- candidates ------------------------------------------------------------------------------


def _sentence_candidates(postings: Mapping[int, list[int]], size: Mapping[int, int],
                         common: frozenset[int]) -> set[tuple[int, int]]:
    """Pairs of articles sharing exact sentences (not boilerplate): enough words, or two sentences."""
    shared_words: dict[tuple[int, int], int] = defaultdict(int)
    shared_sentences: dict[tuple[int, int], int] = defaultdict(int)
    for key, found in postings.items():
        if len(found) < 2 or key in common:
            continue
        for pair in _pairs(found):
            shared_words[pair] += size[key]
            shared_sentences[pair] += 1
    return {pair for pair, words in shared_words.items()
            if words >= MIN_CANDIDATE_WORDS or shared_sentences[pair] >= 2}


def _pairs(members: Sequence[int]) -> Iterable[tuple[int, int]]:
    """Pairs among the sorted `members`; past MAX_PARTNERS, each only with the first ones."""
    for n, second in enumerate(members):
        for first in members[: min(n, MAX_PARTNERS)]:
            yield first, second


def _shingle_candidates(texts: Sequence[_Text], articles: Sequence[Article]) -> set[tuple[int, int]]:
    """Pairs of near-duplicate articles from MinHash LSH over word shingles."""
    template = MinHash(num_perm=NUM_PERM, seed=1)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes: dict[str, int] = {}
    signatures: dict[int, MinHash] = {}
    for index, (text, article) in enumerate(zip(texts, articles, strict=True)):
        shingles = _shingles(text, hashes)
        if shingles is None:
            continue
        signature = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=template.permutations,
                            scheme=template.scheme)
        signature.update_batch(shingles.tolist())
        signatures[index] = signature
        lsh.insert(index, signature, check_duplication=False)
    found: set[tuple[int, int]] = set()
    for index, signature in signatures.items():
        partners = sorted(lsh.query(signature))
        if len(partners) > MAX_PARTNERS + 1:
            partners = partners[: MAX_PARTNERS + 1]
        for other in partners:
            if other != index and signature.jaccard(signatures[other]) >= LSH_THRESHOLD / 2:
                found.add((min(index, other), max(index, other)))
    return found


def _shingles(text: _Text, hashes: dict[str, int]) -> np.ndarray | None:
    """The distinct 32-bit hashes of the text's word 5-shingles (None for a text too short)."""
    tokens = " ".join(text.normal).split()
    if len(tokens) < SHINGLE:
        return None
    ids = np.fromiter((hashes.get(t) or hashes.setdefault(t, zlib.crc32(t.encode()) | 1) for t in tokens),
                      dtype=np.uint64, count=len(tokens))
    mixed = np.zeros(len(tokens) - SHINGLE + 1, dtype=np.uint64)
    for offset in range(SHINGLE):
        mixed = mixed * np.uint64(0x100000001B3) + ids[offset: len(ids) - SHINGLE + 1 + offset]
    mixed ^= mixed >> np.uint64(29)
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


# --- alignment -------------------------------------------------------------------------------


def _verify(first: Article, a: _Text, second: Article, b: _Text, common: frozenset[int],
            weights: Mapping[int, float]) -> DuplicatePair | None:
    """The pair with its shared passages, or None when what they share is not evidence of copying."""
    matches = _align(a, b)
    if not matches:
        return None
    runs = _runs(matches, a, b)
    shorter_is_first = a.total <= b.total
    shorter = a if shorter_is_first else b
    total = max(shorter.total, 1)

    def weight(run: list[tuple[int, int, float]]) -> float:
        return sum((shorter.words[i if shorter_is_first else j]) * score for i, j, score in run)

    overall = sum(weight(run) for run in runs) / total
    evidence = [run for run in runs if any(a.keys[i] not in common for i, _, _ in run)]
    if overall < NEAR_DUPLICATE or shorter.total < NEAR_DUPLICATE_WORDS:
        # Evidence: words outside quotations, each distinct sentence once, weighed down when
        # many articles carry it.
        own_total = 0.0
        substantial = False
        counted: set[int] = set()
        for run in evidence:
            fresh = [(i, j) for i, j, _ in run if a.keys[i] not in common and a.keys[i] not in counted]
            counted.update(a.keys[i] for i, _ in fresh)
            own = sum(min(a.own[i], b.own[j]) * weights.get(a.keys[i], 1.0) for i, j in fresh)
            words = sum(a.words[i] for i, _ in fresh)
            own_total += own
            if own >= OWN_WORDS and (len(fresh) >= PASSAGE_SENTENCES or words >= PASSAGE_WORDS):
                substantial = True
        if not substantial and own_total < PASSAGE_WORDS:
            return None
        runs = evidence
    runs = [run for run in runs if sum(a.words[i] for i, _, _ in run) >= MIN_LISTED_WORDS]
    if not runs:
        return None
    similarity = min(1.0, sum(weight(run) for run in runs) / total)
    shared = tuple(
        (first.mention(a.spans[run[0][0]][0], a.spans[run[-1][0]][1]),
         second.mention(b.spans[run[0][1]][0], b.spans[run[-1][1]][1]))
        for run in runs)
    return DuplicatePair(articles=(first.id, second.id), similarity=round(similarity, 4), shared=shared)


def _align(a: _Text, b: _Text) -> list[tuple[int, int, float]]:
    """Sentence matches `(i in a, j in b, score)`: equal normalised sentences (score 1), then
    near-identical ones (score = ratio / 100); each sentence matched at most once."""
    where: dict[int, list[int]] = defaultdict(list)
    for j, key in enumerate(b.keys):
        if key:
            where[key].append(j)
    matched_b: dict[int, tuple[int, float]] = {}
    matched_a: dict[int, tuple[int, float]] = {}
    for i, key in enumerate(a.keys):
        if not key or key not in where:
            continue
        options = [j for j in where[key] if j not in matched_b]
        if not options:
            continue
        previous = matched_a.get(i - 1)
        follow = previous[0] + 1 if previous else -1
        j = follow if follow in options else options[0]
        matched_a[i] = (j, 1.0)
        matched_b[j] = (i, 1.0)
    open_b = [j for j in range(len(b.keys)) if b.keys[j] and j not in matched_b]
    if open_b:
        choices = {j: b.normal[j] for j in open_b}
        for i, key in enumerate(a.keys):
            if not key or i in matched_a:
                continue
            best = process.extractOne(a.normal[i], choices, scorer=fuzz.ratio, score_cutoff=NEAR_IDENTICAL)
            if best is None:
                continue
            _, score, j = best
            matched_a[i] = (j, score / 100)
            matched_b[j] = (i, score / 100)
            del choices[j]
            if not choices:
                break
    return sorted((i, j, score) for i, (j, score) in matched_a.items())


def _runs(matches: list[tuple[int, int, float]], a: _Text, b: _Text) -> list[list[tuple[int, int, float]]]:
    """Matches grouped into passages: consecutive in both articles, skipping only sentences
    too short to align ("Advertisement", "He said.")."""
    runs: list[list[tuple[int, int, float]]] = []
    for i, j, score in matches:
        if runs:
            last_i, last_j, _ = runs[-1][-1]
            if (i > last_i and j > last_j and not any(a.keys[k] for k in range(last_i + 1, i))
                    and not any(b.keys[k] for k in range(last_j + 1, j))):
                runs[-1].append((i, j, score))
                continue
        runs.append([(i, j, score)])
    return runs


# --- independence ----------------------------------------------------------------------------


def outlet_key(article: Article) -> str:
    """The article's outlet, normalised ("The Sarnholm Ledger" and "sarnholm-ledger.com" are one),
    or `article:<id>` when the outlet is unknown."""
    if not article.outlet or not article.outlet.strip():
        return f"article:{article.id}"
    name = _fold(article.outlet).strip()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name)
    name = re.sub(r"\.(?:com|org|net|co\.uk|co|uk|news|info|de|fr|es|it|ru|in|au|ca|us)(?:/.*)?$", "", name)
    name = re.sub(r"^the\b", "", name)
    words = TOKEN.findall(name.replace("_", " "))
    return " ".join(words) or f"article:{article.id}"


def copy_groups(articles: Sequence[Article], pairs: Sequence[DuplicatePair]) -> tuple[tuple[str, ...], ...]:
    """Groups of two or more articles whose texts are copies of one text (pairs with similarity
    >= COPY_SIMILARITY sharing at least COPY_WORDS words, joined transitively), each in input
    order, groups by their first article."""
    order = {article.id: n for n, article in enumerate(articles)}
    parent = {article_id: article_id for article_id in order}

    for pair in pairs:
        first, second = pair.articles
        if pair.similarity < COPY_SIMILARITY or first not in order or second not in order:
            continue
        one, other = sorted((root(parent, first), root(parent, second)), key=order.__getitem__)
        if one != other and sum(len(WORD.findall(shared.text)) for shared, _ in pair.shared) >= COPY_WORDS:
            parent[other] = one  # (words counted only for pairs not joined yet: wire stories make thousands)
    members: dict[str, list[str]] = defaultdict(list)
    for article_id in order:
        members[root(parent, article_id)].append(article_id)
    groups = [tuple(found) for found in members.values() if len(found) > 1]
    return tuple(sorted(groups, key=lambda group: order[group[0]]))


def independence_keys(articles: Sequence[Article], pairs: Sequence[DuplicatePair]) -> dict[str, str]:
    """Article id -> the key of its independent source.

    Articles that are copies of one text share a key; so do articles that credit one wire
    agency in their dateline ("SARNHOLM (ANW) —", "KYIV (Reuters) -"), with the agency's own
    articles when the story has some (an outlet named for it, or whose initials it is). Every
    other article's key is its outlet (`outlet_key`). `len({keys[a] for a in ids})` counts a
    wire story once however many outlets print it, and an outlet's own articles once; an
    outlet that prints a wire story beside its own reporting is then two sources, as it is.
    (`count_independent` also joins articles of one outlet, for a stricter count.)
    """
    keys = {article.id: outlet_key(article) for article in articles}
    agencies = _agency_keys(articles)
    credits = {article.id: credit for article in articles if (credit := wire_credit(article))}
    for article_id, credit in credits.items():
        keys[article_id] = agencies.get(_fold(credit), f"wire:{_fold(credit)}")
    for group in copy_groups(articles, pairs):
        credited = sorted({keys[a] for a in group if a in credits})
        for article_id in group:
            keys[article_id] = credited[0] if credited else f"copy:{group[0]}"
    return keys


# A dateline crediting a wire agency at the start of a body: "SARNHOLM (ANW) —", "KYIV (Reuters) -".
DATELINE = re.compile(r"[A-Z][A-Za-z .,'’/-]{1,40}?\s*\((?P<credit>[A-Z][A-Za-z&.' ]{0,30}?)\)\s*[—–-]")


def wire_credit(article: Article) -> str | None:
    """The wire agency an article's dateline credits, if it opens with one."""
    match = DATELINE.match(article.body.lstrip()[:200])
    return match.group("credit").strip() if match else None


def _agency_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Folded names and initials of the story's outlets -> their outlet keys, so a dateline's
    credit ("ANW") finds the agency's own articles ("Allied News Wire")."""
    found: dict[str, str] = {}
    for article in articles:
        if not article.outlet:
            continue
        key = outlet_key(article)
        words = TOKEN.findall(_fold(article.outlet))
        found.setdefault(" ".join(words), key)
        if len(words) > 1:
            found.setdefault("".join(w[0] for w in words), key)
    return found


def count_independent(article_ids: Iterable[str], keys: Mapping[str, str], outlets: Mapping[str, str]) -> int:
    """How many independent sources `article_ids` come from: articles are one source when they
    share an independence key (copies of one text) or an outlet key (`outlet_key`), transitively.

    Never more than the number of distinct outlets, nor than `len({keys[a]})`. Unknown ids
    count as a source each.
    """
    ids = sorted(set(article_ids))
    parent = {article_id: article_id for article_id in ids}

    for table in (keys, outlets):
        first_with: dict[str, str] = {}
        for article_id in ids:
            key = table.get(article_id)
            if key is None:
                continue
            if key in first_with:
                parent[root(parent, article_id)] = root(parent, first_with[key])
            else:
                first_with[key] = article_id
    return len({root(parent, article_id) for article_id in ids})
