"""Articles grouped into stories, so that claims never merge across unrelated stories.

Each article becomes a vector of its distinctive names and content words: the named
entities (when the entity stage found them, else capitalised word sequences of the
body) weigh twice, title words count twice more, and every feature is weighted by
tf-idf with an idf smoothed towards a background of `BACKGROUND` absent documents,
so that a one-story corpus, where every name is in every article, still weighs its
names. The vector keeps the article's `TOP_FEATURES` heaviest features that another
article also has, divided by the norm of all its features (its own words too, so
that sharing a few common words counts for little).

Candidate pairs share an anchor, one of each article's `ANCHORS` heaviest features
among those in at most `MAX_POSTINGS` articles (a sparse matrix product in blocks:
the cost grows with the number of articles, not with its square); pairs with a
cosine of at least `LINK` are links. Links are taken strongest first, and two
stories are joined only when their centroids are also alike (`MERGE`): an article
that shares a paragraph with each of two stories (a roundup) joins at most one of
them and does not chain them together, while a story whose early and late
articles share little still holds together through the articles in between.
The thresholds keep the example story and the seed story whole up to a MERGE of
0.35, and never mix the two MEANTIME topics (Airbus, Apple).

Headline lists (a section front scraped as an article: many short lines, few
sentences) and articles without features are never linked: each is a story alone.
Story ids are `story-1` (the largest; ties by first article) on; articles keep
their input order.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

from ..model import Article, EntityMention, Story
from ..words import MONTHS, STOPWORDS, WORD, sentence_spans, stem
from .duplicates import unique_articles
from .joins import root

# Names weigh this much more than plain words.
NAME_WEIGHT = 2.0
# Features kept per article (the heaviest).
TOP_FEATURES = 100
# idf = log((articles + BACKGROUND) / (document frequency + 1)).
BACKGROUND = 50
# Candidate pairs share one of each article's ANCHORS heaviest features, among those in at most
# MAX_POSTINGS articles (a feature in more still counts in the cosine): the cost is at most
# articles x ANCHORS x MAX_POSTINGS.
ANCHORS = 15
MAX_POSTINGS = 200
BLOCK = 2048
# Candidates whose anchors alone give less than this share of LINK are not worth the full cosine.
PARTIAL = 0.2
# Two articles are linked at this cosine...
LINK = 0.12
# ...and two stories are joined when their centroids are at least this alike.
MERGE = 0.22
# Words of a label.
LABEL_NAMES = 3
LABEL_WORDS = 2
LABEL_CANDIDATES = 40  # the heaviest features the label is chosen from

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
NAME = re.compile(r"\b[A-Z][\w'’.-]*[\w]"
                  r"(?:(?:\s+(?:of|the|de|du|al|bin|van|von|der|la|le|and|&))*\s+[A-Z][\w'’.-]*\w)*")
NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms dr prof sir
however meanwhile although though because after before since while when where what who why how this that
these those there here but and the a an in on at for with from as of to by it its he she they we i you
according some many most several other another one two three four five six seven eight nine ten
""".split()) | STOPWORDS | frozenset(MONTHS)
POSSESSIVE = re.compile(r"['’]s\b")
EXTRA_STOPWORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks month months year
years day days time times ago last next new first second third people percent per cent mr mrs ms dr news
report reported reporting reporter reporters statement told tell say says saying added add also however
""".split())

# Headline lists: at least this many non-empty lines...
HEADLINE_MIN_LINES = 6
# ...of which this share are headline-like (short, no closing punctuation)...
HEADLINE_SHARE = 0.6
# ...and at most this share of the words in prose lines.
HEADLINE_PROSE_SHARE = 0.4
HEADLINE_MAX_WORDS = 16
CLOSING = frozenset(".!;\"”’)。！？」』")
PROSE_MIN_WORDS = 20


def cluster_stories(
    articles: Sequence[Article], entity_mentions: Mapping[str, Sequence[EntityMention]] | None = None
) -> tuple[Story, ...]:
    """The stories told by `articles` (every article in exactly one), largest first.

    `entity_mentions` (article id -> its entity mentions) sharpen the names; without
    them, capitalised word sequences stand for names.
    """
    articles = unique_articles(articles)
    if not articles:
        return ()
    entity_mentions = entity_mentions or {}
    vocabulary: dict[str, int] = {}
    spelling: dict[int, tuple[int, str]] = {}  # feature -> its most frequent spelling in one article
    bags: list[tuple[np.ndarray, np.ndarray]] = []
    for article in articles:
        if is_headline_list(article):
            weights, surfaces = {}, {}
        else:
            weights, surfaces = _features(article, entity_mentions.get(article.id))
        ids = np.fromiter((vocabulary.setdefault(f, len(vocabulary)) for f in weights), dtype=np.int64,
                          count=len(weights))
        bags.append((ids, np.fromiter(weights.values(), dtype=np.float64, count=len(weights))))
        for feature, (count, surface) in surfaces.items():
            column = vocabulary[feature]
            if count > spelling.get(column, (0, ""))[0]:
                spelling[column] = (count, surface)
    vectors = _vectors(bags, len(vocabulary))
    links = _links(vectors)
    members = _merge(vectors, links)
    stories = sorted(members, key=lambda found: (-len(found), found[0]))
    features = list(vocabulary)
    return tuple(Story(id=f"story-{number}", articles=tuple(articles[i].id for i in found),
                       label=_label(found, vectors, features, spelling))
                 for number, found in enumerate(stories, 1))




def _features(article: Article, mentions: Sequence[EntityMention] | None
              ) -> tuple[dict[str, float], dict[str, tuple[int, str]]]:
    """Feature -> raw weight (log tf, names doubled), and feature -> (count, its most frequent spelling)."""
    counts: Counter[str] = Counter()
    surfaces: dict[str, tuple[int, str]] = {}
    found = Counter(WORD.findall(article.body))
    for word in WORD.findall(article.title or ""):
        found[word] += 2
    for word, count in found.items():
        feature = _word_feature(word)
        if feature is None:
            continue
        counts[feature] += count
        if count > surfaces.get(feature, (0, ""))[0]:
            surfaces[feature] = (count, word)
    names = _entity_names(mentions) if mentions else _capitalised_names(article)
    for name, count in names.items():
        key = _name_key(name)
        if key:
            counts["n:" + key] += count
            if count > surfaces.get("n:" + key, (0, ""))[0]:
                surfaces["n:" + key] = (count, name)
    weights = {f: (1 + math.log(c)) * (NAME_WEIGHT if f[0] == "n" else 1.0) for f, c in counts.items()}
    return weights, surfaces


@lru_cache(maxsize=1 << 18)
def _word_feature(word: str) -> str | None:
    lower = word.lower().replace("’", "'")
    if len(lower) < 3 or lower in STOPWORDS or lower in EXTRA_STOPWORDS or lower in MONTHS:
        return None
    return "w:" + stem(lower)


def _entity_names(mentions: Sequence[EntityMention]) -> Counter[str]:
    return Counter(" ".join(m.mention.text.split()) for m in mentions if m.label in NAME_LABELS)


def _capitalised_names(article: Article) -> Counter[str]:
    """Capitalised word sequences of the body, without sentence-initial words the text also writes
    in lower case. (Titles are left out: in title case every word looks like a name.)"""
    body = article.body
    lower_words = {w.lower() for w in WORD.findall(body) if w[:1].islower()}
    starts = {start for start, _ in sentence_spans(body)}
    names: Counter[str] = Counter()
    for match in NAME.finditer(body):
        words = POSSESSIVE.sub("", match.group()).split()
        while words and words[0].lower() in NOT_NAMES:
            words = words[1:]
        while words and words[-1].lower() in NOT_NAMES:
            words = words[:-1]
        if not words:
            continue
        if len(words) == 1:
            at_start = match.start() in starts or _after_opening(body, match.start())
            if at_start and words[0].lower() in lower_words:
                continue
            if words[0].isupper() and len(words[0]) > 5:  # a shouted word ("BREAKING"), not a name
                continue
        names[" ".join(words)] += 1
    return names


def _after_opening(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].strip()
    return not before or before[-1] in "“\"‘'(—-:"


def _name_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = re.sub(r"'s\b", "", folded)
    words = [w for w in re.findall(r"\w+", folded) if w != "the"]
    return " ".join(words)


def _vectors(bags: Sequence[tuple[np.ndarray, np.ndarray]], size: int) -> sparse.csr_matrix:
    """Each article's tf-idf row: the heaviest features another article also has, divided by the
    norm of all its features (its own words too, so that sharing a few common words is little)."""
    total = len(bags)
    frequency = np.bincount(np.concatenate([ids for ids, _ in bags]) if total else np.zeros(0, np.int64),
                            minlength=size)
    idf = np.log((total + BACKGROUND) / (frequency + 1.0))
    indptr = [0]
    indices: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for ids, raw in bags:
        weights = raw * idf[ids]
        norm = math.sqrt(float(weights @ weights))
        shared = frequency[ids] > 1
        ids, weights = ids[shared], weights[shared]
        heaviest = np.lexsort((ids, -weights))[:TOP_FEATURES] if norm else np.zeros(0, np.int64)
        indices.append(ids[heaviest])
        values.append(weights[heaviest] / (norm or 1.0))
        indptr.append(indptr[-1] + len(heaviest))
    matrix = sparse.csr_matrix((np.concatenate(values) if values else np.zeros(0),
                                np.concatenate(indices) if indices else np.zeros(0, np.int64), indptr),
                               shape=(total, size))
    matrix.sort_indices()
    return matrix


# --- linking ---------------------------------------------------------------------------------


def _links(vectors: sparse.csr_matrix) -> list[tuple[float, int, int]]:
    """Pairs `(cosine, i, j)` at or above LINK, strongest first.

    Candidates share an anchor: one of the ANCHORS heaviest features of each article among those
    in 2 to MAX_POSTINGS articles. The product runs in blocks of rows, so memory stays bounded.
    """
    count = vectors.shape[0]
    if count < 2:
        return []
    anchors = _anchors(vectors)
    by_feature = anchors.T.tocsr()
    found: list[tuple[np.ndarray, np.ndarray]] = []
    for start in range(0, count, BLOCK):
        shared = (anchors[start:start + BLOCK] @ by_feature).tocoo()
        first, second = shared.row + start, shared.col
        keep = (first < second) & (shared.data >= LINK * PARTIAL)
        found.append((first[keep], second[keep]))
    first = np.concatenate([f for f, _ in found])
    second = np.concatenate([s for _, s in found])
    if not len(first):
        return []
    full = np.empty(len(first))
    for start in range(0, len(first), BLOCK * 4):
        rows, cols = first[start:start + BLOCK * 4], second[start:start + BLOCK * 4]
        full[start:start + len(rows)] = np.asarray(vectors[rows].multiply(vectors[cols]).sum(axis=1)).ravel()
    strong = full >= LINK
    first, second, full = first[strong], second[strong], full[strong]
    order = np.lexsort((second, first, -full))
    return [(float(full[n]), int(first[n]), int(second[n])) for n in order]


def _anchors(vectors: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each article's ANCHORS heaviest features that can suggest pairs, with their weights."""
    present = vectors.copy()
    present.data[:] = 1
    frequency = np.asarray(present.sum(axis=0)).ravel()
    usable = (frequency >= 2) & (frequency <= MAX_POSTINGS)
    rows: list[int] = []
    cols: list[int] = []
    kept: list[float] = []
    for row in range(vectors.shape[0]):
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        features, weights = vectors.indices[start:end], vectors.data[start:end]
        chosen = usable[features]
        features, weights = features[chosen], weights[chosen]
        heaviest = np.argsort(-weights, kind="stable")[:ANCHORS]
        rows.extend([row] * len(heaviest))
        cols.extend(features[heaviest].tolist())
        kept.extend(weights[heaviest].tolist())
    return sparse.csr_matrix((kept, (rows, cols)), shape=vectors.shape)


def _merge(vectors: sparse.csr_matrix, links: list[tuple[float, int, int]]) -> list[list[int]]:
    """Stories as lists of article indices: links taken strongest first, two stories joined
    only when their centroids are at least MERGE alike (cosine of the sums of their rows)."""
    count = vectors.shape[0]
    parent = list(range(count))
    centroid: dict[int, dict[int, float]] = {}  # only for stories of two or more articles
    norm: dict[int, float] = {}  # of the centroid; an article's own row has norm 1

    def vector(node: int) -> dict[int, float]:
        if node in centroid:
            return centroid[node]
        start, end = vectors.indptr[node], vectors.indptr[node + 1]
        return dict(zip(vectors.indices[start:end].tolist(), vectors.data[start:end].tolist(), strict=True))

    for _, i, j in links:
        a, b = root(parent, i), root(parent, j)
        if a == b:
            continue
        one, other = vector(a), vector(b)
        if len(one) > len(other):
            a, b, one, other = b, a, other, one
        dot = sum(w * other.get(f, 0.0) for f, w in one.items())
        norm_a, norm_b = norm.pop(a, 1.0), norm.pop(b, 1.0)
        if dot < MERGE * norm_a * norm_b:
            norm[a], norm[b] = norm_a, norm_b
            continue
        for feature, weight in one.items():
            other[feature] = other.get(feature, 0.0) + weight
        centroid[b] = other
        centroid.pop(a, None)
        norm[b] = math.sqrt(norm_a ** 2 + norm_b ** 2 + 2 * dot)
        parent[a] = b
    stories: dict[int, list[int]] = defaultdict(list)
    for node in range(count):
        stories[root(parent, node)].append(node)
    return list(stories.values())


# --- labels ----------------------------------------------------------------------------------


def _label(found: list[int], vectors: sparse.csr_matrix, features: list[str],
           spelling: Mapping[int, tuple[int, str]]) -> str:
    """The story's most telling names (then words): heaviest over its articles, as the texts spell them."""
    totals: dict[int, float] = defaultdict(float)
    for row in found:
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        for column, weight in zip(vectors.indices[start:end].tolist(), vectors.data[start:end].tolist(),
                                  strict=True):
            totals[column] += weight
    ranked = sorted(totals, key=lambda c: (-totals[c], features[c]))[:LABEL_CANDIDATES]
    names: list[str] = []
    for column in ranked:
        text = spelling.get(column, (0, ""))[1]
        if features[column].startswith("n:") and text and len(names) < LABEL_NAMES:
            if not any(text.lower() in n.lower() or n.lower() in text.lower() for n in names):
                names.append(text)
    words: list[str] = []
    for column in ranked:
        text = spelling.get(column, (0, ""))[1]
        # A word the texts write capitalised is part of a name: the names speak for it.
        if features[column].startswith("w:") and text.islower() and len(words) < LABEL_WORDS:
            if not any(text.lower() in n.lower() for n in names + words):
                words.append(text)
    return ", ".join(names + words)


# --- headline lists --------------------------------------------------------------------------


def is_headline_list(article: Article) -> bool:
    """Whether the article is only a list of headlines (a section front scraped as an article):
    many short lines without closing punctuation and few words in full sentences. Such a page
    names many stories and tells none, so it must not link them."""
    lines = [line.strip() for line in article.body.splitlines() if line.strip()]
    if len(lines) < HEADLINE_MIN_LINES:
        return False
    headline_like = 0
    prose_words = 0
    total_words = 0
    for line in lines:
        count = len(line.split())
        if len(line) > 12 * count:  # a script written without spaces: about a word per three characters
            count = len(line) // 3
        total_words += count
        closed = line[-1] in CLOSING or line.endswith("...")
        if count <= HEADLINE_MAX_WORDS and not closed:
            headline_like += 1
        elif count >= PROSE_MIN_WORDS or (closed and count >= 8):
            prose_words += count
    return (headline_like >= HEADLINE_SHARE * len(lines)
            and prose_words <= HEADLINE_PROSE_SHARE * max(total_words, 1))
