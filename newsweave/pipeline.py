"""The whole flow: ingest -> annotate -> align -> compose, giving a :class:`~newsweave.model.Briefing`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsweave.ingest import DEFAULT_MAX_BYTES, ingest
from newsweave.model import Article, Briefing

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)


def brief(
    paths_or_articles: str | os.PathLike[str] | Article | Iterable[str | os.PathLike[str] | Article],
    *,
    words: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    progress: Progress | None = None,
    timings: Timings | None = None,
) -> Briefing:
    """Brief a story: files, folders, globs, URLs, ``"-"`` (stdin) or :class:`Article` objects in, a
    :class:`Briefing` out. ``words`` caps the summary length (default 120)."""
    import time

    from newsweave.compose import DEFAULT_WORDS

    if isinstance(paths_or_articles, (str, os.PathLike, Article)):
        paths_or_articles = [paths_or_articles]
    inputs = list(paths_or_articles)
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        if timings is not None:
            timings.seconds[stage] = timings.seconds.get(stage, 0.0) + now - clock
        clock = now

    done = 0

    def on_input(_source: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress("ingest", done, len(inputs))

    result = ingest(inputs, max_bytes=max_bytes, allow_private=allow_private, on_input=on_input)
    lap("ingest")
    briefing = Briefing(articles=result.articles, skipped=result.skipped)
    if not result.articles:
        return briefing

    from newsweave.align import SentenceIndex
    from newsweave.annotate import annotate
    from newsweave.compose import summarize

    n = len(result.articles)
    annotated_count = 0

    def on_article(_a: Article) -> None:
        nonlocal annotated_count
        annotated_count += 1
        if progress:
            progress("annotate", annotated_count, n)

    docs = annotate(result.articles, on_article=on_article)
    from newsweave.annotate.entities import canonicalize

    entities = canonicalize([m for d in docs for m in d.entities], {d.article.id: d.article.text for d in docs})
    briefing.entities = [e.to_json() for e in entities]
    lap("annotate")
    canonical_names = {(art, start, end): e.name for e in entities for art, start, end in e.mentions}
    index = SentenceIndex(docs, canonical_names=canonical_names)
    from newsweave.align.pubdates import infer_publication_dates
    from newsweave.align.reuse import find_reuse
    from newsweave.annotate.pipeline import tag_article_dates

    inferences = infer_publication_dates(docs, index)
    for doc in docs:  # undated reports get a date inferred from their own references and the story
        inference = inferences.get(doc.article.id)
        if inference is None:
            continue
        doc.article.published_evidence = inference.evidence
        doc.article.published_note = inference.note
        if inference.date:
            doc.article.published = inference.date
            doc.article.published_inferred = True
            doc.timexes = tag_article_dates(doc.article)
    briefing.reuse = [r.to_json() for r in find_reuse([(a.id, a.text, a.published) for a in result.articles])]
    from newsweave.align.facts import align_facts, attach_slots, coverage

    attach_slots(docs, entities)
    claim_index = SentenceIndex(docs, canonical_names=canonical_names, units=[c for d in docs for c in d.claims])
    facts = align_facts(docs, claim_index, briefing.reuse)
    briefing.facts = [f.to_json() for f in facts]
    briefing.coverage = coverage(facts, [a.id for a in result.articles])
    from newsweave.align.disagreements import find_disagreements

    briefing.disagreements = find_disagreements(docs, claim_index, facts, entities)
    lap("align")
    from newsweave.compose.quotes import build_quotes
    from newsweave.compose.timeline import build_timeline

    briefing.summary = summarize(docs, words=DEFAULT_WORDS if words is None else words, index=index)
    briefing.timeline = build_timeline(docs, index)
    briefing.quotes = build_quotes(docs, entities)
    lap("compose")
    return briefing
