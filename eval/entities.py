"""Cross-document entity coreference: NewsReader MEANTIME, English, cross-document annotation.

Data, read at run time: `../shared/datasets/meantime/intra_cross-doc_annotation/`,
one folder per topic (`corpus_airbus`, `corpus_apple`: 30 Wikinews articles each,
a story told over years). Each document is a list of tokens; its `ENTITY_MENTION`s
point (`REFERS_TO`) at an `ENTITY` whose `instance_id` is shared by the documents
of the corpus that mention it (an entity without one is known to its document
only).

What is scored: the named mentions (`syntactic_type="NAM"`) that refer to an
entity, over the documents of one topic. A document's text is its tokens joined
by spaces (the title and the date line on lines of their own), and each mention
is the span of its tokens, exactly as annotated: MEANTIME's named mentions are
whole noun phrases ("the Airbus A380", "European airframer Airbus", "Jusman
Syafii Djamal, minister of transport for Indonesia"), which `link_entities` must
read for the name. The gold type maps to ours (PER -> PERSON, ORG -> ORG, LOC ->
GPE, PRO -> EQUIPMENT, FIN -> ORG, MIX -> ORG); no spaCy. Every document of a
topic is an article of one story, in the order of their Wikinews ids.

Gold clusters: one per (topic, instance id), or per document entity without
one. Response clusters: the entities `link_entity_mentions` puts each mention
in; a mention it drops (a role alone: "Apple Computer CEO") is a singleton.
The baseline puts mentions with the same text and type in one cluster.

Metrics, standard definitions, with the mention sets of key and response equal:
MUC (links), B-cubed (per mention), CEAF-e (entity alignment by phi4, the
Kuhn-Munkres optimum), and the CoNLL F1, the mean of the three F1s. Reported
per topic and over both (the topics' clusters side by side). Goal: CoNLL F1 at
least 10 points above the exact-string baseline.

    .venv/bin/python eval/entities.py [--json] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from storyline.link.entities import link_entity_mentions
from storyline.model import Article, EntityMention

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
MEANTIME = SHARED / "datasets" / "meantime" / "intra_cross-doc_annotation"
TOPICS = ("corpus_airbus", "corpus_apple")
TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "EQUIPMENT", "FIN": "ORG", "MIX": "ORG"}
METRICS = ("muc", "b3", "ceafe")
GOAL = "goal: CoNLL F1 at least 10 points above the exact-string baseline"

Clusters = Mapping[Hashable, Hashable]  # mention -> cluster


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic's documents as articles, their named mentions and the gold clusters."""

    name: str
    articles: tuple[Article, ...]
    mentions: tuple[EntityMention, ...]
    gold: tuple[str, ...]  # the gold cluster of each mention


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


# --- reading MEANTIME -------------------------------------------------------------------------


def load_topic(folder: Path) -> Topic:
    """The documents of one topic folder, in the order of their Wikinews ids."""
    articles, mentions, gold = [], [], []
    for path in sorted(folder.glob("*.xml"), key=lambda p: int(p.name.split("_", 1)[0])):
        article, found = read_document(path, topic=folder.name)
        articles.append(article)
        for mention, cluster in found:
            mentions.append(mention)
            gold.append(cluster)
    return Topic(folder.name.removeprefix("corpus_"), tuple(articles), tuple(mentions), tuple(gold))


def read_document(path: Path, *, topic: str) -> tuple[Article, list[tuple[EntityMention, str]]]:
    """One MEANTIME document as an article, and its named mentions with their gold clusters."""
    root = ET.parse(path).getroot()
    doc_id = root.get("doc_id") or path.stem
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    position = 0
    previous_sentence = None
    for token in root.iter("token"):
        sentence = token.get("sentence")
        if previous_sentence is not None:
            separator = "\n" if sentence != previous_sentence and int(previous_sentence) < 2 else " "
            parts.append(separator)
            position += 1
        text = token.text or ""
        spans[token.get("t_id")] = (position, position + len(text))
        parts.append(text)
        position += len(text)
        previous_sentence = sentence
    body = "".join(parts)
    article = Article(id=doc_id, source=str(path), body=body, title=root.get("doc_name"), language="en")

    markables = root.find("Markables")
    entities: dict[str, ET.Element] = {}
    named: dict[str, list[str]] = {}
    for element in markables if markables is not None else ():
        if element.tag == "ENTITY":
            entities[element.get("m_id")] = element
        elif element.tag == "ENTITY_MENTION" and element.get("syntactic_type") == "NAM":
            named[element.get("m_id")] = [a.get("t_id") for a in element.findall("token_anchor")]
    refers: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        if relation.tag == "REFERS_TO":
            target = relation.find("target")
            for source in relation.findall("source"):
                refers[source.get("m_id")] = target.get("m_id")
    found = []
    for m_id, anchors in named.items():
        entity = entities.get(refers.get(m_id, ""))
        if entity is None or not anchors:
            continue
        start = min(spans[t][0] for t in anchors)
        end = max(spans[t][1] for t in anchors)
        instance = entity.get("instance_id") or f"{doc_id}:{entity.get('m_id')}"
        label = TYPES.get(entity.get("ent_type", ""), "ORG")
        found.append((EntityMention(article.mention(start, end), label), f"{topic}:{instance}"))
    found.sort(key=lambda pair: (pair[0].mention.start, pair[0].mention.end))
    return article, found


# --- clusterings ------------------------------------------------------------------------------


def system_clusters(topic: Topic) -> list[str]:
    """The entity `link_entity_mentions` gives each mention (a singleton for a dropped one)."""
    _, ids = link_entity_mentions(topic.articles, topic.mentions)
    return [ident if ident is not None else f"dropped:{n}" for n, ident in enumerate(ids)]


def baseline_clusters(topic: Topic) -> list[str]:
    """Mentions of the same text and type in one cluster."""
    return [f"{m.label}\0{' '.join(m.mention.text.split())}" for m in topic.mentions]


# --- metrics ----------------------------------------------------------------------------------


def _groups(assignment: Clusters) -> dict[Hashable, set[Hashable]]:
    """Cluster -> its mentions."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in assignment.items():
        groups[cluster].add(mention)
    return dict(groups)


def muc(key: Clusters, response: Clusters) -> Score:
    """MUC (Vilain et al. 1995): links kept. A mention absent from the other side is a singleton."""
    def side(gold: Clusters, other: Clusters) -> float:
        numerator = denominator = 0
        for group in _groups(gold).values():
            parts = {other.get(m, ("missing", m)) for m in group}
            numerator += len(group) - len(parts)
            denominator += len(group) - 1
        return numerator / denominator if denominator else 0.0
    return Score(precision=side(response, key), recall=side(key, response))


def b_cubed(key: Clusters, response: Clusters) -> Score:
    """B-cubed (Bagga and Baldwin 1998): per mention, the overlap of its two clusters."""
    def side(gold: Clusters, other: Clusters) -> float:
        gold_groups, other_groups = _groups(gold), _groups(other)
        total = 0.0
        for mention, cluster in gold.items():
            mine = gold_groups[cluster]
            theirs = other_groups[other[mention]] if mention in other else {mention}
            total += len(mine & theirs) / len(mine)
        return total / len(gold) if gold else 0.0
    return Score(precision=side(response, key), recall=side(key, response))


def ceaf_e(key: Clusters, response: Clusters) -> Score:
    """Entity-based CEAF (Luo 2005): the best one-to-one alignment of key and response
    entities by phi4 = 2 |K & R| / (|K| + |R|)."""
    keys, responses = list(_groups(key).values()), list(_groups(response).values())
    if not keys or not responses:
        return Score(0.0, 0.0)
    similarity = np.zeros((len(keys), len(responses)))
    index: dict[Hashable, int] = {}
    for j, group in enumerate(responses):
        for mention in group:
            index[mention] = j
    for i, group in enumerate(keys):
        for j, shared in Counter(index[m] for m in group if m in index).items():
            similarity[i, j] = 2 * shared / (len(group) + len(responses[j]))
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, columns].sum())
    return Score(precision=total / len(responses), recall=total / len(keys))


def score(key: Sequence[Hashable], response: Sequence[Hashable]) -> dict[str, Score]:
    """Every metric for one clustering of the mentions 0..n-1 against the key."""
    gold = dict(enumerate(key))
    found = dict(enumerate(response))
    return {"muc": muc(gold, found), "b3": b_cubed(gold, found), "ceafe": ceaf_e(gold, found)}


def conll(scores: Mapping[str, Score]) -> float:
    return sum(scores[m].f1 for m in METRICS) / len(METRICS)


# --- report -----------------------------------------------------------------------------------


def evaluate(topics: Sequence[Topic]) -> dict[str, dict[str, dict[str, Score]]]:
    """Scores of the system and the baseline per topic and over all topics."""
    results: dict[str, dict[str, dict[str, Score]]] = {}
    all_key: list[str] = []
    all_system: list[str] = []
    all_baseline: list[str] = []
    for topic in topics:
        system = [f"{topic.name}:{c}" for c in system_clusters(topic)]
        baseline = [f"{topic.name}:{c}" for c in baseline_clusters(topic)]
        results[topic.name] = {"system": score(topic.gold, system), "baseline": score(topic.gold, baseline)}
        all_key += topic.gold
        all_system += system
        all_baseline += baseline
    results["overall"] = {"system": score(all_key, all_system), "baseline": score(all_key, all_baseline)}
    return results


def errors(topic: Topic, limit: int) -> list[str]:
    """Gold entities split by the system, and system entities joining gold ones, biggest first."""
    system = system_clusters(topic)
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_system: dict[str, list[int]] = defaultdict(list)
    for n, (gold, found) in enumerate(zip(topic.gold, system, strict=True)):
        by_gold[gold].append(n)
        by_system[found].append(n)
    lines = []

    def texts(indices: list[int]) -> str:
        return "; ".join(f"{k}x {t!r}" for t, k in Counter(topic.mentions[i].mention.text for i in indices)
                         .most_common(6))

    split = sorted((g for g in by_gold.values() if len({system[i] for i in g}) > 1), key=len, reverse=True)
    for group in split[:limit]:
        parts = defaultdict(list)
        for i in group:
            parts[system[i]].append(i)
        lines.append("split:  " + "  |  ".join(texts(p) for p in parts.values()))
    joined = sorted((g for g in by_system.values() if len({topic.gold[i] for i in g}) > 1), key=len, reverse=True)
    for group in joined[:limit]:
        parts = defaultdict(list)
        for i in group:
            parts[topic.gold[i]].append(i)
        lines.append("joined: " + "  |  ".join(texts(p) for p in parts.values()))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="show the N largest errors per topic")
    args = parser.parse_args(argv)
    if not MEANTIME.is_dir():
        print(f"MEANTIME not found at {MEANTIME}: nothing to evaluate", file=sys.stderr)
        return 1
    topics = [load_topic(MEANTIME / name) for name in TOPICS]
    results = evaluate(topics)
    if args.json:
        print(json.dumps({part: {run: {m: {"p": s.precision, "r": s.recall, "f1": s.f1} for m, s in scores.items()}
                                 | {"conll_f1": conll(scores)} for run, scores in runs.items()}
                          for part, runs in results.items()}, indent=2))
        return 0
    print(f"MEANTIME cross-document entity coreference, named mentions "
          f"({', '.join(f'{t.name}: {len(t.mentions)} in {len(t.articles)} documents' for t in topics)})")
    print(f"{'':9}{'':10}" + "".join(f"{m:>21}" for m in ("MUC P/R/F1", "B3 P/R/F1", "CEAF-e P/R/F1")) + "  CoNLL F1")
    for part, runs in results.items():
        for run, scores in runs.items():
            cells = "".join(f"  {s.precision:5.1%} {s.recall:5.1%} {s.f1:5.1%}"
                            for s in (scores[m] for m in METRICS))
            print(f"{part:9}{run:10}{cells}  {conll(scores):7.1%}")
    gain = conll(results["overall"]["system"]) - conll(results["overall"]["baseline"])
    print(f"CoNLL F1 gain over the baseline: {100 * gain:+.1f} points ({GOAL})")
    for topic in topics if args.errors else ():
        print(f"\n{topic.name}:")
        for line in errors(topic, args.errors):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
