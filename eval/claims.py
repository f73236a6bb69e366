"""Claim groups, contradictions and near-duplicates across articles, on the seed scrapes and the example story.

Runs `storyline.pipeline.run` (no store) on each corpus and scores the dossier's
JSON-contract fields (`claims[].mentions`/`articles`/`independent_outlets`,
`contradictions[].kind`/`sides`, `duplicates[].articles`) against a gold read by hand:

- The seed scrapes `../shared/seeds/*.txt` against `eval/gold/seeds-claims.json`
  (see its `conventions`).
- The fictional example corpus, `examples/corpus`, against `examples/annotation.json`
  (`claims[].evidence`, `contradictions[].sides[].position`, `duplicates[].files`).
  A gold file name stands for the article whose id, or whose source's file name,
  it is (`wire-feed.jsonl` is the article `wire-feed-1.txt`).

Gold evidence and sides are text: every occurrence of each substring in its
article's cleaned body is a character range. An evidence value is a string or a
list of strings. A predicted item *covers* a range when one of its mentions (same
article) overlaps it.

Claims. A gold claim is carried by the articles holding its evidence; those with
two or more are scored.
- fully grouped: one predicted claim covers the claim's evidence in every one of its
  articles (n/N).
- pairwise recall: of the gold claims' article pairs, those whose evidence in both
  articles one predicted claim covers.
- pairwise precision over the annotated evidence: right pairs (as for recall) over
  right pairs plus false merges. A false merge is a pair of (claim, article)
  evidence units of two different gold claims joined by one predicted claim through
  two different mentions, each touching one unit and not the other (one coarse
  mention spanning two claims of a sentence is no merge). Claims the gold marks
  `related` are never a false merge. Unannotated text counts neither way.
- independent outlets (examples): for each gold claim, the predicted claim covering
  most of its articles; its `independent_outlets` against the number of the gold's
  `independent_sources`.

Contradictions. A gold contradiction is found when a predicted one of the same kind
(or of one of the gold's `accept_kinds`, where a careful reader would accept either)
has two different sides touching gold sides of two different positions (by article
and character overlap; a gold side without `position` is a position of its own).
Reported per kind, for all and for the `clear` ones (the gold marks a few
`arguable`), and regardless of kind. "False in the top 10": among the first ten
predictions in dossier order, those touching no gold contradiction in this way
(whatever their kind); they are listed with their description, and flagged when
they match a look-alike the gold lists under `not_contradictions`.

Near-duplicates: precision, recall and F1 over unordered article pairs.

Figures with nothing to divide by are None (printed "-"). No floors yet: the
cross-article stages are being wired.

    .venv/bin/python eval/claims.py [--json] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = HERE / "gold" / "seeds-claims.json"
EXAMPLES = HERE.parent / "examples"
KINDS = ("factual_conflict", "paraphrase_drift", "spelling_variant", "stance_disagreement")
TOP = 10

Span = tuple[int, int]
Unit = tuple[str, str]  # (gold claim id, article id)


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """A gold claim with its evidence located: article id -> character ranges in that article's body."""

    id: str
    statement: str
    evidence: Mapping[str, tuple[Span, ...]]
    related: frozenset[str] = frozenset()
    independent: int | None = None  # the number of independent sources, where the gold gives them


@dataclass(frozen=True, slots=True)
class GoldSide:
    position: str
    ranges: tuple[tuple[str, int, int], ...]  # (article id, start, end)


@dataclass(frozen=True, slots=True)
class GoldContradiction:
    id: str
    kind: str  # for a not-contradiction: "" (its reason is the description)
    description: str
    sides: tuple[GoldSide, ...]
    certainty: str = "clear"
    accept_kinds: frozenset[str] = frozenset()  # other kinds a careful reader would also accept


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold annotation resolved against one dossier's article bodies."""

    claims: tuple[GoldClaim, ...]
    contradictions: tuple[GoldContradiction, ...]
    not_contradictions: tuple[GoldContradiction, ...]
    duplicates: frozenset[frozenset[str]]
    unlocated: tuple[str, ...]  # "file: text" for every gold text found in no article body


# -- reading the gold


def occurrences(body: str, text: str) -> list[Span]:
    """Every (start, end) where `text` occurs in `body` (overlapping occurrences too)."""
    found, at = [], body.find(text) if text else -1
    while at >= 0:
        found.append((at, at + len(text)))
        at = body.find(text, at + 1)
    return found


def article_ids(dossier: Mapping) -> dict[str, list[str]]:
    """Gold file name -> the ids of the dossier's articles it names: the id itself, or the
    file name of the article's source (a JSONL file names each of its records)."""
    names: dict[str, list[str]] = {}
    for article in dossier.get("articles", ()):
        for name in {article["id"], Path(str(article.get("source") or "").split("#")[0]).name}:
            if name:
                names.setdefault(name, []).append(article["id"])
    return names


def _texts(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def resolve_gold(gold: Mapping, dossier: Mapping) -> Gold:
    """Locate the gold's evidence and sides in the dossier's article bodies.

    Reads both shapes: the seeds' (`claims[].id`, `evidence`, `related`; sides with one
    `file`) and `examples/annotation.json`'s (claims numbered in order, sides with
    `files`, `independent_sources`).
    """
    bodies = {a["id"]: a.get("body", "") for a in dossier.get("articles", ())}
    ids = article_ids(dossier)
    unlocated: list[str] = []

    def locate(name: str, text: str) -> list[tuple[str, int, int]]:
        found = [(article, s, e) for article in ids.get(name, ()) for s, e in occurrences(bodies[article], text)]
        if not found:
            unlocated.append(f"{name}: {text}")
        return found

    claims = []
    for n, entry in enumerate(gold.get("claims", ()), start=1):
        evidence: dict[str, list[Span]] = {}
        for name, value in (entry.get("evidence") or {}).items():
            for text in _texts(value):
                for article, start, end in locate(name, text):
                    evidence.setdefault(article, []).append((start, end))
        independent = entry.get("independent_sources")
        claims.append(GoldClaim(id=str(entry.get("id") or f"claim-{n}"), statement=entry.get("statement", ""),
                                evidence={a: tuple(spans) for a, spans in evidence.items()},
                                related=frozenset(entry.get("related", ())),
                                independent=len(independent) if independent is not None else None))

    def contradictions(key: str) -> tuple[GoldContradiction, ...]:
        found = []
        for n, entry in enumerate(gold.get(key, ()), start=1):
            sides = []
            for m, side in enumerate(entry.get("sides", ())):
                names = side.get("files") or [side["file"]]
                ranges = tuple(r for name in names for r in locate(name, side["text"]))
                sides.append(GoldSide(position=str(side.get("position", f"side {m}")), ranges=ranges))
            found.append(GoldContradiction(id=str(entry.get("id") or f"{key}-{n}"), kind=entry.get("kind", ""),
                                           description=entry.get("description") or entry.get("reason", ""),
                                           sides=tuple(sides), certainty=entry.get("certainty", "clear"),
                                           accept_kinds=frozenset(entry.get("accept_kinds", ()))))
        return tuple(found)

    duplicates = set()
    for entry in gold.get("duplicates", ()):
        for first, second in combinations(entry.get("files") or entry.get("articles") or (), 2):
            duplicates.update(frozenset((a, b)) for a in ids.get(first, ()) for b in ids.get(second, ()) if a != b)
    return Gold(claims=tuple(claims), contradictions=contradictions("contradictions"),
                not_contradictions=contradictions("not_contradictions"), duplicates=frozenset(duplicates),
                unlocated=tuple(unlocated))


# -- scoring


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def _overlaps(mention: Mapping, article: str, start: int, end: int) -> bool:
    return mention.get("article") == article and mention.get("start", 0) < end and start < mention.get("end", 0)


def _mentions(claim: Mapping) -> list[Mapping]:
    return [m for m in claim.get("mentions", ()) if isinstance(m, Mapping)]


def _articles(claim: Mapping) -> set[str]:
    return set(claim.get("articles") or ()) | {m.get("article") for m in _mentions(claim)}


def score_claims(gold: Gold, dossier: Mapping) -> dict:
    """Grouping figures of the dossier's claims against the gold claims; see the module docstring."""
    predicted = list(dossier.get("claims", ()))
    by_article: dict[str, list[tuple[Unit, int, int]]] = {}
    for claim in gold.claims:
        for article, spans in claim.evidence.items():
            for start, end in spans:
                by_article.setdefault(article, []).append(((claim.id, article), start, end))
    related = {c.id: c.related for c in gold.claims}

    def touched(mention: Mapping) -> frozenset[Unit]:
        return frozenset(unit for unit, start, end in by_article.get(mention.get("article"), ())
                         if _overlaps(mention, unit[1], start, end))

    touches = [[touched(m) for m in _mentions(p)] for p in predicted]  # per predicted claim, per mention
    covered = [frozenset().union(*t) for t in touches]

    scored = [c for c in gold.claims if len(c.evidence) >= 2]
    right_pairs: set[tuple[str, frozenset[str]]] = set()
    rows = []
    for claim in scored:
        best, best_index = 0, None
        for index, units in enumerate(covered):
            articles = {a for c, a in units if c == claim.id}
            right_pairs.update((claim.id, frozenset(pair)) for pair in combinations(sorted(articles), 2))
            if len(articles) > best:
                best, best_index = len(articles), index
        rows.append({"claim": claim.id, "statement": claim.statement, "articles": len(claim.evidence),
                     "best_covered": best,
                     "best_claim": predicted[best_index].get("id") if best_index is not None else None,
                     "predicted_independent": (predicted[best_index].get("independent_outlets")
                                               if best_index is not None else None),
                     "gold_independent": claim.independent})
    total_pairs = sum(len(c.evidence) * (len(c.evidence) - 1) // 2 for c in scored)

    false_merges: set[frozenset[Unit]] = set()
    merge_examples: dict[frozenset[Unit], str] = {}
    for index, per_mention in enumerate(touches):
        for u1, u2 in combinations(sorted(covered[index]), 2):
            if u1[0] == u2[0] or u2[0] in related.get(u1[0], ()) or u1[0] in related.get(u2[0], ()):
                continue
            apart = any(u1 in t and u2 not in t for t in per_mention) and \
                any(u2 in t and u1 not in t for t in per_mention)
            if apart:
                pair = frozenset((u1, u2))
                false_merges.add(pair)
                merge_examples.setdefault(pair, str(predicted[index].get("id")))
    right = len(right_pairs)
    compared = [r for r in rows if r["gold_independent"] is not None]
    agree = sum(1 for r in compared if r["predicted_independent"] == r["gold_independent"])
    return {
        "predicted": len(predicted),
        "multi_article": sum(1 for p in predicted if len(_articles(p)) >= 2),
        "gold": len(scored),
        "gold_single_article": len(gold.claims) - len(scored),
        "fully_grouped": sum(1 for r in rows if r["best_covered"] == r["articles"]),
        "pairs": total_pairs,
        "pairs_found": right,
        "pairwise_recall": _ratio(right, total_pairs),
        "false_merges": len(false_merges),
        "pairwise_precision": _ratio(right, right + len(false_merges)),
        "independent_outlets": {"compared": len(compared), "agree": agree,
                                "rows": [{k: r[k] for k in ("claim", "gold_independent", "predicted_independent")}
                                         for r in compared]},
        "rows": rows,
        "merges": sorted(f"{merge_examples[p]} joins {' and '.join(f'{c}@{a}' for c, a in sorted(p))}"
                         for p in false_merges),
    }


def _side_hits(side: Sequence[Mapping], gold_side: GoldSide) -> bool:
    return any(_overlaps(m, article, start, end) for m in side if isinstance(m, Mapping)
               for article, start, end in gold_side.ranges)


def matches(predicted: Mapping, gold: GoldContradiction) -> bool:
    """Whether two different sides of the prediction touch gold sides of two different positions (kind aside)."""
    sides = [side for side in predicted.get("sides", ()) if isinstance(side, Sequence)]
    hits = [{g.position for g in gold.sides if _side_hits(side, g)} for side in sides]
    return any(a != b for i, j in combinations(range(len(hits)), 2) for a in hits[i] for b in hits[j])


def _snippet(side: Sequence[Mapping], width: int = 70) -> str:
    text = " ... ".join(" ".join(str(m.get("text", "")).split()) for m in side if isinstance(m, Mapping))
    article = next((m.get("article") for m in side if isinstance(m, Mapping)), "?")
    text = text if len(text) <= width else text[:width - 3] + "..."
    return f"{str(article)[:12]}: \"{text}\""


def score_contradictions(gold: Gold, dossier: Mapping, *, top: int = TOP) -> dict:
    """Gold contradictions found per kind, and the false ones among the first `top` predictions."""
    predicted = list(dossier.get("contradictions", ()))
    kinds = sorted(set(KINDS) | {g.kind for g in gold.contradictions})
    per_kind = {kind: {"gold": 0, "found": 0} for kind in kinds}
    found_ids, any_kind, missed = [], 0, []
    for g in gold.contradictions:
        per_kind[g.kind]["gold"] += 1
        hit = [p for p in predicted if matches(p, g)]
        any_kind += bool(hit)
        if any(p.get("kind") == g.kind or p.get("kind") in g.accept_kinds for p in hit):
            per_kind[g.kind]["found"] += 1
            found_ids.append(g.id)
        else:
            got = f" (found as {', '.join(sorted({str(p.get('kind')) for p in hit}))})" if hit else ""
            missed.append(f"{g.id} [{g.kind}, {g.certainty}]{got}: {g.description}")
    clear = [g for g in gold.contradictions if g.certainty != "arguable"]
    false_top = []
    for p in predicted[:top]:
        if any(matches(p, g) for g in gold.contradictions):
            continue
        known = next((g.description for g in gold.not_contradictions if matches(p, g)), None)
        false_top.append({"id": p.get("id"), "kind": p.get("kind"), "description": p.get("description", ""),
                          "sides": [_snippet(side) for side in p.get("sides", ())], "known_look_alike": known})
    return {
        "predicted": len(predicted),
        "predicted_by_kind": dict(Counter(str(p.get("kind")) for p in predicted)),
        "gold": len(gold.contradictions),
        "found": len(found_ids),
        "found_ids": found_ids,
        "gold_clear": len(clear),
        "found_clear": sum(1 for g in clear if g.id in found_ids),
        "found_any_kind": any_kind,
        "per_kind": per_kind,
        "top": min(top, len(predicted)),
        "false_in_top": len(false_top),
        "false_top": false_top,
        "missed": missed,
    }


def score_duplicates(gold: Gold, dossier: Mapping) -> dict:
    """Precision, recall and F1 over unordered article pairs."""
    predicted = {frozenset(d.get("articles", ())) for d in dossier.get("duplicates", ())}
    predicted = {pair for pair in predicted if len(pair) == 2}
    matched = predicted & gold.duplicates
    precision, recall = _ratio(len(matched), len(predicted)), _ratio(len(matched), len(gold.duplicates))
    return {"gold": len(gold.duplicates), "predicted": len(predicted), "matched": len(matched),
            "precision": precision, "recall": recall, "f1": _f1(precision, recall),
            "false": sorted(" ~ ".join(sorted(p)) for p in predicted - gold.duplicates),
            "missed": sorted(" ~ ".join(sorted(p)) for p in gold.duplicates - predicted)}


def score(gold: Mapping, dossier: Mapping, *, top: int = TOP) -> dict:
    """Every figure of one dossier (a JSON-contract dict) against one gold annotation (its JSON)."""
    resolved = resolve_gold(gold, dossier)
    return {"articles": len(dossier.get("articles", ())),
            "claims": score_claims(resolved, dossier),
            "contradictions": score_contradictions(resolved, dossier, top=top),
            "duplicates": score_duplicates(resolved, dossier),
            "unlocated": list(resolved.unlocated)}


# -- running the pipeline


def dossier_of(inputs: Iterable[str | Path], *, settings=None) -> dict:
    """The JSON-contract dict of `pipeline.run` on `inputs`, with no store."""
    from storyline.pipeline import run
    from storyline.settings import Settings

    settings = settings or Settings(db_path=None, show_progress=False)
    return run(list(inputs), settings=settings).dossier.to_dict()


def score_seeds(seeds: Path = SEEDS, gold_path: Path = SEEDS_GOLD, *, settings=None, top: int = TOP) -> dict:
    """`score` of the pipeline on the seed scrapes against `eval/gold/seeds-claims.json`."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    return score(gold, dossier_of([seeds], settings=settings), top=top)


def score_examples(examples: Path = EXAMPLES, *, settings=None, top: int = TOP) -> dict:
    """`score` of the pipeline on `examples/corpus` against `examples/annotation.json`."""
    gold = json.loads((Path(examples) / "annotation.json").read_text(encoding="utf-8"))
    return score(gold, dossier_of([Path(examples) / "corpus"], settings=settings), top=top)


# -- report


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_report(title: str, result: dict, errors: int = 0) -> None:
    claims, contradictions, duplicates = result["claims"], result["contradictions"], result["duplicates"]
    print(f"{title}: {result['articles']} articles")
    print(f"  claims: {claims['predicted']} predicted, {claims['multi_article']} across articles; "
          f"gold {claims['gold']} multi-article (+{claims['gold_single_article']} single)")
    print(f"    fully grouped        {claims['fully_grouped']}/{claims['gold']}")
    print(f"    pairwise recall      {claims['pairs_found']}/{claims['pairs']}  {_show(claims['pairwise_recall'])}")
    print(f"    pairwise precision   {_show(claims['pairwise_precision'])}  "
          f"(false merges {claims['false_merges']})")
    independent = claims["independent_outlets"]
    if independent["compared"]:
        print(f"    independent outlets  {independent['agree']}/{independent['compared']} agree with the gold")
    print(f"  contradictions: {contradictions['predicted']} predicted "
          f"({', '.join(f'{k} {n}' for k, n in sorted(contradictions['predicted_by_kind'].items())) or 'none'})")
    for kind, row in contradictions["per_kind"].items():
        if row["gold"]:
            print(f"    {kind:<20} {row['found']}/{row['gold']}")
    print(f"    {'all':<20} {contradictions['found']}/{contradictions['gold']}  "
          f"(clear {contradictions['found_clear']}/{contradictions['gold_clear']}; "
          f"found with any kind {contradictions['found_any_kind']}/{contradictions['gold']})")
    print(f"    false in top {TOP}:     {contradictions['false_in_top']} of {contradictions['top']}")
    for item in contradictions["false_top"]:
        known = f"  <- look-alike: {item['known_look_alike']}" if item["known_look_alike"] else ""
        print(f"      [{item['kind']}] {item['description']}{known}")
        for side in item["sides"]:
            print(f"          {side}")
    print(f"  near-duplicates: gold {duplicates['gold']}, predicted {duplicates['predicted']}, matched "
          f"{duplicates['matched']}  P {_show(duplicates['precision'])} R {_show(duplicates['recall'])} "
          f"F1 {_show(duplicates['f1'])}")
    if errors:
        for row in claims["rows"]:
            if row["best_covered"] < row["articles"]:
                print(f"    claim not grouped: {row['claim']} ({row['best_covered']}/{row['articles']} articles) "
                      f"{row['statement'][:80]}")
        for line in claims["merges"][:errors]:
            print(f"    false merge: {line}")
        for row in independent["rows"]:
            if row["gold_independent"] != row["predicted_independent"]:
                print(f"    independent outlets: {row['claim']} gold {row['gold_independent']}, "
                      f"predicted {row['predicted_independent']}")
        for line in contradictions["missed"][:errors]:
            print(f"    contradiction missed: {line}")
        for line in duplicates["false"] + [f"missed {p}" for p in duplicates["missed"]]:
            print(f"    duplicate: {line}")
    for line in result["unlocated"]:
        print(f"  unlocated gold text: {line}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", type=int, default=0,
                        help="list claims not grouped, up to N false merges and N missed contradictions")
    args = parser.parse_args()
    results = {}
    if SEEDS.is_dir() and SEEDS_GOLD.is_file():
        results["seeds"] = score_seeds()
    else:
        print(f"no seeds under {SEEDS}: skipped", file=sys.stderr)
    results["examples"] = score_examples()
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    titles = {"seeds": "seeds (eval/gold/seeds-claims.json)", "examples": "examples (examples/annotation.json)"}
    for name, result in results.items():
        print_report(titles[name], result, args.errors)


if __name__ == "__main__":
    main()
