"""Speed of storyline's stages against their references, measured in one run.

Builds an N-article corpus (default 1,000) from the bundled example story, each
article made distinct (so the content-hash cache cannot help), then times:

- plain-text ingest+clean, and `clean_text` alone;
- HTML ingest+clean, and `clean_html` vs `trafilatura.extract` alone on the same pages;
- the NLP stage (only the components storyline needs, on all cores) vs spaCy's
  full pipeline with `nlp.pipe` on one core, on the same cleaned bodies;
- the whole run (`storyline.run`, fresh store) on one and on two processes vs
  that same full-pipeline reference;
- the quote stage: `extract_quotes` on the parsed articles plus the cross-article
  `link_quotes` and `paraphrase_drift`, as a share of the whole run; and what the
  parser it needs adds to the NLP stage (entities alone need only `ner`); and
  `extract_quotes` with the opt-in learned scorer of reported speech (`--learned`)
  against the rules alone, and, when `make transformer` has installed it, with the
  transformer scorer (`--transformer`) on the first 100 articles;
- the temporal stage: `story_time` (temporal expressions of every article,
  publication dates inferred where missing, the merged timeline), as a share of
  the whole run.

Cleaning stages report the best of three runs, the NLP stages one run; every
stage but the whole runs is warmed up first, so one-time loading is not timed.

Ratios are what to read: absolute figures depend on the machine. Peak memory is
the process's (and its worker processes') maximum resident set size so far.

    .venv/bin/python bench/pipeline.py [--articles 1000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
import trafilatura

from storyline.analyze.contradictions import paraphrase_drift
from storyline.clean import detect_language
from storyline.clean.html import clean_html
from storyline.clean.text import clean_text
from storyline.extract import reported_transformer
from storyline.extract.quotes import extract_quotes
from storyline.link.quotes import link_quotes
from storyline.nlp import NER, load_pipeline, process, resolve_model
from storyline.pipeline import COMPONENTS, clean_only, run, story_time
from storyline.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
WORD = re.compile(r"\w+")

# The cleaning stages take about a second: their best of three is the steady figure.
# The NLP stages take minutes and run once.
CLEANING_REPEATS = 3
TRANSFORMER_SAMPLE = 100  # articles the optional transformer scorer is timed on

# Sentences mixed into each copy so that every article is distinct text.
VARIATIONS = (
    "Officials said the review would take {n} days.",
    "A second inspection was ordered for berth {n}.",
    "The council met {n} times to discuss the findings.",
    "Residents filed {n} complaints with the harbour office.",
)


def build_corpus(folder: Path, *, articles: int, seed: int = 7) -> dict[str, list[Path]]:
    """Write `articles` distinct files (HTML and text in the example corpus's mix) under `folder`."""
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".html", ".txt"))
    if not sources:
        sys.exit(f"no example articles under {EXAMPLES}")
    rng = random.Random(seed)
    written: dict[str, list[Path]] = {"html": [], "text": []}
    for n in range(articles):
        source = sources[n % len(sources)]
        text = source.read_text(encoding="utf-8")
        extra = " ".join(rng.choice(VARIATIONS).format(n=rng.randint(2, 999)) for _ in range(3))
        extra += f" Reference {n}."
        if source.suffix == ".html":
            text = text.replace("</article>", f"<p>{extra}</p></article>", 1)
            kind = "html"
        else:
            text = text.rstrip() + "\n\n" + extra + "\n"
            kind = "text"
        path = folder / kind / f"{n:05d}-{source.name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written[kind].append(path)
    return written


def timed(action: Callable[[], object], *, repeat: int = 1) -> tuple[float, object]:
    """Seconds of the fastest of `repeat` runs (the least disturbed by other work), and its value."""
    best = float("inf")
    value: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    return best, value


def peak_mb() -> float:
    """Peak RSS of this process plus the largest worker process, in MB (Linux reports KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def warmed(action: Callable[[list[str]], object], items: list[str]) -> Callable[[], object]:
    """`action` over `items`, after one call on the first few so one-time loading is not timed."""
    action(items[:3])
    return lambda: action(items)


def words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    rows: list[dict[str, object]] = []

    def row(stage: str, seconds: float, count: int, n_words: int, *, reference: str = "",
            reference_seconds: float | None = None) -> None:
        entry: dict[str, object] = {
            "stage": stage, "articles": count, "seconds": round(seconds, 3),
            "articles_per_s": round(count / seconds, 1), "words_per_s": round(n_words / seconds),
            "peak_mb": round(peak_mb()),
        }
        if reference_seconds is not None:
            entry["reference"] = reference
            entry["reference_articles_per_s"] = round(count / reference_seconds, 1)
            entry["time_ratio"] = round(seconds / reference_seconds, 2)  # < 1: storyline is faster
        rows.append(entry)
        print(json.dumps(entry), flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = build_corpus(folder / "corpus", articles=args.articles)
        texts = [p.read_text(encoding="utf-8") for p in files["text"]]
        pages = [p.read_text(encoding="utf-8") for p in files["html"]]
        quiet = Settings(db_path=Path(":memory:"), show_progress=False)

        detect_language("Load the language model before timing: it takes half a second once.")
        seconds, cleaned = timed(warmed(lambda batch: [clean_text(t) for t in batch], texts),
                                 repeat=CLEANING_REPEATS)
        row("clean_text (plain text)", seconds, len(texts), words([c.body for c in cleaned]))
        clean_only(files["text"][:3], settings=quiet)
        seconds, (articles, _) = timed(lambda: clean_only([folder / "corpus" / "text"], settings=quiet),
                                       repeat=CLEANING_REPEATS)
        row("ingest+clean (plain text)", seconds, len(articles), words([a.body for a in articles]))

        reference, _ = timed(warmed(lambda batch: [trafilatura.extract(p) for p in batch], pages),
                             repeat=CLEANING_REPEATS)
        seconds, cleaned_pages = timed(warmed(lambda batch: [clean_html(p) for p in batch], pages),
                                       repeat=CLEANING_REPEATS)
        row("clean_html (HTML)", seconds, len(pages), words([c.body for c in cleaned_pages]),
            reference="trafilatura.extract alone", reference_seconds=reference)
        clean_only(files["html"][:3], settings=quiet)
        seconds, (html_articles, _) = timed(lambda: clean_only([folder / "corpus" / "html"], settings=quiet),
                                            repeat=CLEANING_REPEATS)
        row("ingest+clean (HTML)", seconds, len(html_articles), words([a.body for a in html_articles]),
            reference="trafilatura.extract alone", reference_seconds=reference)

        bodies = [a.body for a in articles + html_articles]
        n_words = words(bodies)
        full = spacy.load(resolve_model(None))  # loading is not timed: the reference is nlp.pipe alone
        spacy_alone, _ = timed(warmed(lambda batch: list(full.pipe(batch, batch_size=32, n_process=1)), bodies))
        full = None  # the reference pipeline is not needed again
        rows.append({"stage": "reference: spaCy full pipeline, nlp.pipe, 1 process", "articles": len(bodies),
                     "seconds": round(spacy_alone, 3), "articles_per_s": round(len(bodies) / spacy_alone, 1),
                     "words_per_s": round(n_words / spacy_alone), "peak_mb": round(peak_mb())})
        print(json.dumps(rows[-1]), flush=True)

        entities_only = load_pipeline(None, components=NER)
        ner_seconds, _ = timed(warmed(lambda batch: list(process(entities_only, batch, batch_size=32)), bodies))
        nlp = load_pipeline(None, components=COMPONENTS)
        nlp_seconds, docs = timed(warmed(lambda batch: list(process(nlp, batch, batch_size=32)), bodies))
        row("nlp stage (storyline components, auto processes)", nlp_seconds, len(bodies), n_words,
            reference="spaCy full pipeline, 1 process", reference_seconds=spacy_alone)

        parsed = articles + html_articles
        extract_seconds, found = timed(warmed(lambda batch: [extract_quotes(a, d) for a, d in zip(parsed, batch)],
                                              docs), repeat=CLEANING_REPEATS)
        quotes = [q for batch_quotes, _ in found for q in batch_quotes]
        row(f"extract_quotes ({len(quotes)} statements)", extract_seconds, len(parsed), n_words)
        learned_seconds, learned = timed(warmed(lambda batch: [extract_quotes(a, d, learned=True)
                                                               for a, d in zip(parsed, batch)], docs),
                                         repeat=CLEANING_REPEATS)
        row(f"extract_quotes --learned ({sum(len(q) for q, _ in learned)} statements)", learned_seconds,
            len(parsed), n_words, reference="extract_quotes, rules alone", reference_seconds=extract_seconds)

        if reported_transformer.installed():
            sample, sample_docs = parsed[:TRANSFORMER_SAMPLE], docs[:TRANSFORMER_SAMPLE]
            sample_words = words([a.body for a in sample])
            rules_seconds, _ = timed(lambda: [extract_quotes(a, d) for a, d in zip(sample, sample_docs)],
                                     repeat=CLEANING_REPEATS)
            transformer_seconds, scored = timed(warmed(
                lambda batch: [extract_quotes(a, d, learned=True, scorer="transformer") for a, d in zip(sample, batch)],
                sample_docs))
            row(f"extract_quotes --transformer ({sum(len(q) for q, _ in scored)} statements, first {len(sample)} "
                "articles)", transformer_seconds, len(sample), sample_words,
                reference="extract_quotes, rules alone, same articles", reference_seconds=rules_seconds)

        def link() -> object:
            linked, _ = link_quotes(parsed, quotes)
            return paraphrase_drift(parsed, linked)

        link_seconds, drift = timed(link, repeat=CLEANING_REPEATS)
        row(f"link_quotes + paraphrase_drift ({len(drift)} drifts)", link_seconds, len(parsed), n_words)

        time_seconds, (_, _, timeline, _) = timed(lambda: story_time(parsed), repeat=CLEANING_REPEATS)
        row(f"story_time: timexes, dates, timeline ({len(timeline)} events)", time_seconds, len(parsed), n_words)

        whole = {}
        for processes in (1, 2):
            settings = Settings(db_path=folder / f"run{processes}.db", show_progress=False, n_process=processes)
            seconds, report = timed(lambda s=settings: run([folder / "corpus"], settings=s))
            whole[processes] = seconds
            row(f"whole run, {processes} process(es)", seconds, len(report.dossier.articles), n_words,
                reference="spaCy full pipeline, 1 process", reference_seconds=spacy_alone)
        shares = {  # no articles_per_s: a share, not a stage
            "stage": "quote stage as a share of the whole run (2 processes)",
            "extract_and_link_share": round((extract_seconds + link_seconds) / whole[2], 3),
            "parser_added_share": round(max(0.0, nlp_seconds - ner_seconds) / whole[2], 3),
        }
        rows.append(shares)
        print(json.dumps(shares), flush=True)
        time_share = {"stage": "temporal stage as a share of the whole run (2 processes)",
                      "share": round(time_seconds / whole[2], 3)}
        rows.append(time_share)
        print(json.dumps(time_share), flush=True)

    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print()
    print(f"{'stage':<52} {'art/s':>8} {'words/s':>9} {'ratio':>6} {'peak MB':>8}")
    for entry in rows:
        if "share" in entry:
            print(f"{entry['stage']}: {entry['share']:.1%}")
            continue
        if "articles_per_s" not in entry:
            print(f"{entry['stage']}: extraction and linking {entry['extract_and_link_share']:.1%}, "
                  f"the parser it needs {entry['parser_added_share']:.1%}")
            continue
        ratio = entry.get("time_ratio", "")
        print(f"{entry['stage']:<52} {entry['articles_per_s']:>8} {entry['words_per_s']:>9} "
              f"{ratio!s:>6} {entry['peak_mb']:>8}")


if __name__ == "__main__":
    main()
