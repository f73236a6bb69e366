"""Wire the stages: inputs -> ingest -> clean -> nlp -> extract -> link -> Dossier.

Per-article results are cached in the store by content hash, so a re-run only
cleans and parses what is new; the cross-article layer is recomputed from the
stored results (cheap next to parsing). Nothing is dropped silently: every input
that yields no article leaves a warning in the dossier.
"""

from __future__ import annotations

import functools
import gc
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from .analyze.contradictions import find_contradictions
from .analyze.novelty import novelty
from .clean import clean_document
from .errors import InputError
from .extract.claims import extract_claims
from .extract.entities import extract_entities
from .extract.equipment import equipment_mentions
from .extract.quotes import extract_quotes
from .ingest import RawDocument, read_inputs
from .link.claims import group_claims
from .link.duplicates import find_duplicates, independence_keys
from .link.entities import link_entities, speaker_mentions
from .link.published import date_articles
from .link.quotes import link_quotes
from .link.stories import cluster_stories, is_headline_list
from .link.timeline import build_timeline, merge_timelines
from .model import (
    Article,
    ArticleResult,
    ClaimMention,
    Dossier,
    Entity,
    EntityMention,
    Published,
    Quote,
    QuoteGroup,
    Story,
    TimelineEvent,
    Timex,
    Warning,
)
from .nlp import NER, PARSE, load_pipeline, process, resolve_model
from .settings import Settings
from .store import Store

# Bump when a per-article stage changes what it produces: stored results of
# another version are not reused. The source of those stages is in the key too
# (`_code_fingerprint`), so a release that changes them never serves stale results.
PIPELINE_VERSION = "3"
# What the stored per-article results are made by (relative to this package).
PER_ARTICLE_CODE = ("clean", "extract", "ingest", "data", "nlp.py", "model.py", "words.py", "pipeline.py")

# Results are stored one transaction per batch: an interrupted run loses at most this many.
SAVE_EVERY = 64
SCORERS = ("linear", "transformer")  # of reported speech beyond the rules (`learned_scorer`)

# Languages the English pipeline is run on.
NLP_LANGUAGES = frozenset({"en"})

# What the per-article extractors need from spaCy: entities, and the parse for quotes.
COMPONENTS = NER | PARSE


class Progress(Protocol):
    """What the pipeline tells a progress display (the CLI's Rich bars, or nothing)."""

    def start(self, stage: str, total: int | None) -> None: ...

    def advance(self, stage: str, amount: int = 1) -> None: ...


class _Silent:
    def start(self, stage: str, total: int | None) -> None:
        pass

    def advance(self, stage: str, amount: int = 1) -> None:
        pass


@dataclass(frozen=True, slots=True)
class RunReport:
    """A dossier and what the run did to make it."""

    dossier: Dossier
    processed: int  # articles cleaned and parsed in this run
    cached: int  # articles whose results came from the store
    db_path: Path | None


def analyze(inputs: Sequence[str | Path], *, settings: Settings | None = None) -> Dossier:
    """The dossier of the story told by the articles under `inputs` (files, folders, URLs)."""
    return run(inputs, settings=settings).dossier


def run(
    inputs: Sequence[str | Path],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Run the whole pipeline, using and filling the store."""
    settings = settings or Settings()
    progress = progress or _Silent()
    with _fewer_collections():
        ordered, warnings, processed = _results(inputs, settings=settings, progress=progress)
        dossier = build_dossier(ordered, warnings=warnings, gazetteers=settings.gazetteers)
    return RunReport(dossier=dossier, processed=processed, cached=len(ordered) - processed,
                     db_path=settings.db_path)


def diff(
    inputs: Sequence[str | Path],
    new: Sequence[str | Path],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> tuple[Dossier, tuple[str, ...]]:
    """The dossier of the story so far (`inputs`) with the `new` articles, taken as published
    after all the others, and the ids of the new articles: `dossier.novelty` says what each adds.
    The story's articles come from the store when it has them, so a second call is quick."""
    settings = settings or Settings()
    progress = progress or _Silent()
    new_documents, _ = _ingest(new, settings=settings, progress=_Silent())
    new_hashes = {content_hash(raw) for raw in new_documents}
    with _fewer_collections():
        ordered, warnings, _ = _results([*inputs, *new], settings=settings, progress=progress)
        fresh = tuple(r.article.id for r in ordered if r.article.content_hash in new_hashes)
        dossier = build_dossier(ordered, warnings=warnings, gazetteers=settings.gazetteers, last=fresh)
    return dossier, fresh


# Allocations between two collections of the youngest generation during a run (Python's default
# is 700): a run makes millions of small objects that live to its end, and the collector's scans
# of them took about 3 % of a 1,000-article run.
GC_YOUNG_THRESHOLD = 50_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage cycles less often while a run lasts, as they are few; the caller's
    settings are restored after."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _results(
    inputs: Sequence[str | Path], *, settings: Settings, progress: Progress
) -> tuple[list[ArticleResult], list[Warning], int]:
    """The per-article results of `inputs` (from the store, or cleaned, parsed and stored now),
    the warnings so far, and how many were processed in this run."""
    check_scorer(settings)
    keyed, warnings = _read(inputs, settings=settings, progress=progress)
    with Store(settings.db_path) as store:
        run_id = store.start_run([str(i) for i in inputs])
        pipeline_key = _pipeline_key(settings) if keyed else ""
        stored = store.load((h for _, _, h in keyed), pipeline=pipeline_key) if keyed else {}
        results: dict[str, ArticleResult] = {
            h: stored[h].renamed(article_id, raw.source) for raw, article_id, h in keyed if h in stored
        }
        todo = [(raw, article_id, h) for raw, article_id, h in keyed if h not in stored]
        for result in _process(todo, settings=settings, progress=progress, warnings=warnings,
                               save=lambda batch: store.save(batch, pipeline=pipeline_key)):
            results[result.article.content_hash] = result
        ordered = [results[h] for _, _, h in keyed if h in results]
        processed = len(ordered) - len(stored)
        store.finish_run(run_id, articles=len(ordered), processed=processed)
    return ordered, warnings, processed


def clean_only(
    inputs: Sequence[str | Path], *, settings: Settings | None = None
) -> tuple[list[Article], list[Warning]]:
    """Ingest and clean, no NLP and no store: what `storyline clean` shows."""
    settings = settings or Settings()
    keyed, warnings = _read(inputs, settings=settings, progress=_Silent())
    articles = []
    for raw, article_id, digest in keyed:
        article, notes = _clean_one(raw, article_id=article_id, digest=digest, settings=settings)
        warnings.extend(notes)
        if article is not None:
            articles.append(article)
    return articles, warnings


def story_time(
    articles: Sequence[Article], *, dct: str | None = None
) -> tuple[list[Article], dict[str, tuple[Timex, ...]], tuple[TimelineEvent, ...], list[Warning]]:
    """The temporal layer alone: publication dates inferred where missing, each article's
    temporal expressions, and the timeline. `dct` imposes one reference date on every article
    (what `storyline timex --dct` does) instead of their own or inferred ones."""
    if dct is not None:
        articles = [replace(a, published=Published(date=dct, earliest=dct, latest=dct, method="metadata"))
                    for a in articles]
    dated, timexes, warnings = date_articles(articles)
    dated = sorted(dated, key=_chronological)
    return dated, timexes, build_timeline(dated, timexes), warnings


def build_dossier(
    results: Sequence[ArticleResult],
    *,
    warnings: Iterable[Warning] = (),
    gazetteers: Sequence[Path] = (),
    last: Sequence[str] = (),
) -> Dossier:
    """The cross-article layer over per-article results. `last`: ids of articles to take as
    published after all the others (what `storyline diff` adds), for novelty."""
    all_warnings = [*warnings, *(w for r in results for w in r.warnings)]
    given = [r.article for r in results]
    mentions: dict[str, list[EntityMention]] = {r.article.id: list(r.entities) for r in results}
    for article in given:
        mentions[article.id] += equipment_mentions(article, gazetteers)
    # Stories first: dates, quotes and claims of one story never mix with another's.
    stories = cluster_stories(given, mentions)
    if len(stories) > 1:
        all_warnings.append(Warning("(story)", f"the articles tell {len(stories)} separate stories; dates, "
                                    "quotes and claims are linked within each story, never across", "link"))
    by_id = {a.id: a for a in given}
    told = [story_time([by_id[i] for i in story.articles]) for story in stories]
    articles = sorted((a for part in told for a in part[0]), key=_chronological)
    by_id = {a.id: a for a in articles}
    order = [a.id for a in articles]
    timexes = {article_id: found for part in told for article_id, found in part[1].items()}
    timeline = merge_timelines([part[2] for part in told], order)
    all_warnings += [w for part in told for w in part[3]]

    # A name the quote stage found speaking as a person is a person's, whatever spaCy labelled it.
    speakers = {r.article.id: speaker_mentions(r.quotes) for r in results}
    entities = link_entities(articles, (m for article in articles
                                        for m in (*mentions[article.id], *speakers[article.id])),
                             gazetteers=gazetteers)
    quotes, groups = _link_quotes_by_story(articles, stories, [q for r in results for q in r.quotes], entities)

    duplicates = find_duplicates(articles)
    independence = independence_keys(articles, duplicates)
    for article in articles:
        if is_headline_list(article):
            all_warnings.append(Warning(article.source, "looks like a list of headlines, not an article: its "
                                        "claims are kept apart from the story's", "link", article.id))
    claims_by_article: dict[str, Sequence[ClaimMention]] = {r.article.id: r.claims for r in results}
    claim_groups = group_claims(articles, claims_by_article, stories=stories, independence=independence,
                                entities=entities, timexes=timexes)
    contradictions, claims = find_contradictions(articles, quotes, claim_groups, entities, timexes, independence,
                                                 stories=stories)

    fresh = set(last)
    order = [a for a in order if a not in fresh] + [i for i in last if i in by_id]
    return Dossier(
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        articles=tuple(articles),
        entities=entities,
        quotes=quotes,
        quote_groups=groups,
        timeline=timeline,
        claims=claims,
        contradictions=contradictions,
        duplicates=duplicates,
        warnings=tuple(all_warnings),
        novelty=novelty(order, claims, quotes, timeline),
        stories=stories,
    )


def _link_quotes_by_story(
    articles: Sequence[Article], stories: Sequence[Story], quotes: Sequence[Quote], entities: Sequence[Entity]
) -> tuple[tuple[Quote, ...], tuple[QuoteGroup, ...]]:
    """`link_quotes` within each story (articles in publication order), quote groups numbered
    across all of them."""
    story_of = {article_id: story.id for story in stories for article_id in story.articles}
    by_story: dict[str | None, list[Quote]] = {}
    for quote in quotes:
        by_story.setdefault(story_of.get(quote.article), []).append(quote)
    named: dict[str | None, list[Entity]] = {}  # each story's entities, so a story reads only its own
    for entity in entities:
        for key in {story_of.get(m.article) for m in entity.mentions}:
            named.setdefault(key, []).append(entity)
    linked: list[Quote] = []
    groups: list[QuoteGroup] = []
    for story in [*stories, None]:
        key = story.id if story is not None else None
        if key not in by_story:
            continue
        members = {*story.articles} if story is not None else set()
        ordered = [a for a in articles if a.id in members] if story is not None else list(articles)
        found, found_groups = link_quotes(ordered, by_story[key], named.get(key, ()) if story else entities)
        renamed = {g.id: f"qg{len(groups) + n}" for n, g in enumerate(found_groups, start=1)}
        groups += [replace(g, id=renamed[g.id]) for g in found_groups]
        linked += [replace(q, group=renamed.get(q.group)) if q.group else q for q in found]
    return tuple(linked), tuple(groups)


def text_articles(texts: Sequence[str], ids: Sequence[str] | None = None) -> list[Article]:
    """Each text as an article, uncleaned (id from `ids`, else "text-1", ...): offsets refer to the text."""
    ids = list(ids) if ids is not None else [f"text-{n}" for n in range(1, len(texts) + 1)]
    return [Article(id=article_id, source=article_id, body=text, language="en")
            for article_id, text in zip(ids, texts, strict=True)]


def quotes_of_texts(
    texts: Sequence[str], *, settings: Settings | None = None, ids: Sequence[str] | None = None
) -> tuple[list[Article], list[tuple[Quote, ...]], list[Warning]]:
    """Quotations in texts taken as they are (no cleaning): offsets refer to each text.

    Each text becomes an article (id from `ids`, else "text-1", ...); quotes are
    resolved within each text, not linked across texts. This is what
    `storyline quotes --raw` and the evaluation use.
    """
    settings = settings or Settings()
    check_scorer(settings)
    articles = text_articles(texts, ids)
    nlp = load_pipeline(settings.model, components=COMPONENTS)
    docs = process(nlp, texts, batch_size=settings.batch_size, n_process=settings.n_process)
    found: list[tuple[Quote, ...]] = []
    warnings: list[Warning] = []
    for article, doc in zip(articles, docs, strict=True):
        quotes, notes = extract_quotes(article, doc, learned=settings.learned_quotes, scorer=settings.learned_scorer)
        found.append(quotes)
        warnings.extend(notes)
    return articles, found, warnings


def content_hash(raw: RawDocument) -> str:
    """The cache key of a document: its text, kind and given metadata."""
    digest = hashlib.sha256()
    for part in (raw.kind, raw.text, raw.url or "", raw.title or "", raw.published or "", raw.outlet or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def assign_ids(documents: Sequence[RawDocument]) -> list[str]:
    """Article ids per the contract: the file name when unique in the run, else the relative path."""
    names = Counter(doc.name for doc in documents)
    ids = [doc.name if names[doc.name] == 1 else doc.relpath for doc in documents]
    seen: Counter[str] = Counter()
    unique = []
    for article_id in ids:  # two inputs with one relative path (e.g. a file given from two roots)
        seen[article_id] += 1
        unique.append(article_id if seen[article_id] == 1 else f"{article_id}~{seen[article_id]}")
    return unique


def _read(
    inputs: Sequence[str | Path], *, settings: Settings, progress: Progress
) -> tuple[list[tuple[RawDocument, str, str]], list[Warning]]:
    """Every input document with its article id and content hash, and the warnings so far."""
    documents, warnings = _ingest(inputs, settings=settings, progress=progress)
    keyed, duplicate_warnings = _identify(documents)
    return keyed, warnings + duplicate_warnings


def _ingest(
    inputs: Sequence[str | Path], *, settings: Settings, progress: Progress
) -> tuple[list[RawDocument], list[Warning]]:
    documents: list[RawDocument] = []
    warnings: list[Warning] = []
    progress.start("ingest", None)
    for item in read_inputs(inputs, settings=settings):
        if isinstance(item, Warning):
            warnings.append(item)
        else:
            documents.append(item)
            progress.advance("ingest")
    return documents, warnings


def _identify(documents: Sequence[RawDocument]) -> tuple[list[tuple[RawDocument, str, str]], list[Warning]]:
    """Ids and content hashes; the same article given twice is kept once, with a warning."""
    first_id: dict[str, str] = {}
    keyed = []
    warnings = []
    for raw, article_id in zip(documents, assign_ids(documents), strict=True):
        digest = content_hash(raw)
        if digest in first_id:
            warnings.append(Warning(raw.source, f"same article as {first_id[digest]}; kept once", stage="ingest"))
            continue
        first_id[digest] = article_id
        keyed.append((raw, article_id, digest))
    return keyed, warnings


def _process(
    todo: Sequence[tuple[RawDocument, str, str]],
    *,
    settings: Settings,
    progress: Progress,
    warnings: list[Warning],
    save: Callable[[list[ArticleResult]], None],
) -> Iterable[ArticleResult]:
    """Clean, parse and extract the articles not in the store, saving them batch by batch."""
    cleaned: list[tuple[Article, tuple[Warning, ...]]] = []
    progress.start("clean", len(todo))
    for raw, article_id, digest in todo:
        article, notes = _clean_one(raw, article_id=article_id, digest=digest, settings=settings)
        progress.advance("clean")
        if article is None:
            warnings.extend(notes)
        else:
            cleaned.append((article, notes))

    parsed = [(a, n) for a, n in cleaned if a.language in NLP_LANGUAGES]
    skipped = [(a, n) for a, n in cleaned if a.language not in NLP_LANGUAGES]
    batch: list[ArticleResult] = []

    def flush() -> Iterable[ArticleResult]:
        save(batch)
        yield from batch
        batch.clear()

    for article, notes in skipped:
        reason = (f"article is in language {article.language!r}, not English: "
                  "kept, entities and quotes not extracted")
        batch.append(ArticleResult(article, warnings=(*notes, Warning(article.source, reason, "nlp", article.id))))

    if parsed:
        progress.start("nlp", len(parsed))
        nlp = load_pipeline(settings.model, components=COMPONENTS)
        docs = process(nlp, [a.body for a, _ in parsed], batch_size=settings.batch_size,
                       n_process=settings.n_process)
        for (article, notes), doc in zip(parsed, docs, strict=True):
            batch.append(_extract(article, doc, notes, learned=settings.learned_quotes, scorer=settings.learned_scorer))
            progress.advance("nlp")
            if len(batch) >= SAVE_EVERY:
                yield from flush()
    if batch:
        yield from flush()


def _clean_one(
    raw: RawDocument, *, article_id: str, digest: str, settings: Settings
) -> tuple[Article | None, tuple[Warning, ...]]:
    try:
        return clean_document(raw, article_id=article_id, content_hash=digest, settings=settings)
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
        return None, (Warning(raw.source, f"cleaning failed: {_one_line(exc)}", stage="clean"),)


def _extract(article: Article, doc: object, notes: tuple[Warning, ...], *, learned: bool = False,
             scorer: str = "linear") -> ArticleResult:
    """Every per-article extractor over one parsed article; a failing one degrades to a warning."""
    warnings = list(notes)
    entities: tuple = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[ClaimMention, ...] = ()
    try:
        entities = extract_entities(article, doc)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001
        reason = f"entity extraction failed: {_one_line(exc)}"
        warnings.append(Warning(article.source, reason, "extract", article.id))
    try:
        quotes, quote_notes = extract_quotes(article, doc, learned=learned, scorer=scorer)  # type: ignore[arg-type]
        warnings.extend(quote_notes)
    except Exception as exc:  # noqa: BLE001
        reason = f"quote extraction failed: {_one_line(exc)}"
        warnings.append(Warning(article.source, reason, "extract", article.id))
    try:
        claims = extract_claims(article, doc, quotes)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001
        reason = f"claim extraction failed: {_one_line(exc)}"
        warnings.append(Warning(article.source, reason, "extract", article.id))
    return ArticleResult(article, entities=entities, quotes=quotes, warnings=tuple(warnings), claims=claims)


def check_scorer(settings: Settings) -> None:
    """Before any article is read: an `InputError` for an unknown `learned_scorer`, a
    `ModelError` (saying how to install it) when the transformer scorer is chosen but missing."""
    if settings.learned_scorer not in SCORERS:
        raise InputError(f"unknown learned_scorer {settings.learned_scorer!r}: one of {', '.join(SCORERS)}")
    if settings.learned_quotes and settings.learned_scorer == "transformer":
        from .extract import reported_transformer  # PyTorch is imported only when chosen
        reported_transformer.check_available()


def _pipeline_key(settings: Settings) -> str:
    learned = ""
    if settings.learned_quotes:
        learned = ":learned-quotes" + (":transformer" if settings.learned_scorer == "transformer" else "")
    return f"{PIPELINE_VERSION}:{_code_fingerprint()}:{resolve_model(settings.model)}{learned}"


@functools.cache
def _code_fingerprint(root: Path = Path(__file__).parent) -> str:
    """A digest of the source of the per-article stages: a store filled by other code is not reused."""
    digest = hashlib.sha256()
    for name in PER_ARTICLE_CODE:
        path = root / name
        for source in sorted(p for p in path.rglob("*") if p.suffix in (".py", ".tsv")) if path.is_dir() \
                else [path] if path.is_file() else []:
            digest.update(source.relative_to(root).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def _chronological(article: Article) -> tuple[str, str]:
    return (article.published.date or article.published.earliest or "9999", article.id)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
