"""The whole flow: ingest -> annotate -> align -> compose, giving a :class:`~newsweave.model.Briefing`.

Each stage is a function over a :class:`Story`, which holds what the stages have produced so far; a
stage only reads what earlier stages wrote.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsweave.ingest import DEFAULT_MAX_BYTES, ingest
from newsweave.model import AnnotatedArticle, Article, Briefing

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class Story:
    """One story in flight: the annotated articles and what alignment made of them."""

    docs: list[AnnotatedArticle]
    entities: list[Any] = field(default_factory=list)  # newsweave.annotate.entities.Entity
    sentence_index: Any = None  # SentenceIndex over sentences
    claim_index: Any = None  # SentenceIndex over claims
    facts: list[Any] = field(default_factory=list)  # newsweave.align.facts.Fact


def brief(
    paths_or_articles: str | os.PathLike[str] | Article | Iterable[str | os.PathLike[str] | Article],
    *,
    words: int | None = None,
    style: str = "prose",
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    progress: Progress | None = None,
    timings: Timings | None = None,
) -> Briefing:
    """Brief a story: files, folders, globs, URLs, ``"-"`` (stdin) or :class:`Article` objects in, a
    :class:`Briefing` out. ``words`` caps the summary length (default 120); ``style`` is "prose" (sentences)
    or "bullets" (one fact per item)."""
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
    story = annotate_stage(result.articles, progress)
    briefing.entities = [e.to_json() for e in story.entities]
    lap("annotate")
    align_stage(story, briefing)
    lap("align")
    compose_stage(story, briefing, words=DEFAULT_WORDS if words is None else words, style=style)
    lap("compose")
    return briefing


def annotate_stage(articles: list[Article], progress: Progress | None = None) -> Story:
    """Sentences, entities, dates, quantities, quotes and claims per article; canonical entities across them."""
    from newsweave.annotate import annotate
    from newsweave.annotate.entities import canonicalize

    n = len(articles)
    count = 0

    def on_article(_a: Article) -> None:
        nonlocal count
        count += 1
        if progress:
            progress("annotate", count, n)

    docs = annotate(articles, on_article=on_article)
    entities = canonicalize([m for d in docs for m in d.entities], {d.article.id: d.article.text for d in docs})
    return Story(docs=docs, entities=entities)


def align_stage(story: Story, briefing: Briefing) -> None:
    """Publication dates inferred, text reuse, facts with corroboration, coverage and disagreements."""
    from newsweave.align import SentenceIndex
    from newsweave.align.disagreements import find_disagreements
    from newsweave.align.facts import align_facts, attach_slots, coverage
    from newsweave.align.pubdates import infer_publication_dates
    from newsweave.align.reuse import find_reuse
    from newsweave.annotate.pipeline import tag_article_dates

    docs = story.docs
    canonical_names = {(art, start, end): e.name for e in story.entities for art, start, end in e.mentions}
    story.sentence_index = SentenceIndex(docs, canonical_names=canonical_names)

    # Undated reports get a date inferred from their own references and the story; their dates are re-read.
    by_id = {d.article.id: d for d in docs}
    for article_id, inference in infer_publication_dates(docs, story.sentence_index).items():
        doc = by_id[article_id]
        doc.article.published_evidence = inference.evidence
        doc.article.published_note = inference.note
        if inference.date:
            doc.article.published = inference.date
            doc.article.published_inferred = True
            doc.timexes = tag_article_dates(doc.article)

    articles = [d.article for d in docs]
    briefing.reuse = [r.to_json() for r in find_reuse([(a.id, a.text, a.published_time or a.published, a.outlet)
                                                                for a in articles])]
    attach_slots(docs, story.entities)
    # one embedding per distinct text for both indexes: many claims are whole sentences
    story.claim_index = SentenceIndex(docs, canonical_names=canonical_names, units=[c for d in docs for c in d.claims],
                                      text_vectors=story.sentence_index.text_vectors)
    story.facts = align_facts(docs, story.claim_index, briefing.reuse,
                              frozenset(e.id for e in story.entities if e.type == "PERSON"),
                              {e.id: e.mentions for e in story.entities if e.type == "ORG"})
    # (the disagreements first: a denial they find in a fact is no source of it, see Fact.denying)
    briefing.disagreements = find_disagreements(docs, story.claim_index, story.facts, story.entities)
    briefing.facts = [f.to_json() for f in story.facts]
    briefing.coverage = coverage(story.facts, [a.id for a in articles])


def compose_stage(story: Story, briefing: Briefing, *, words: int, style: str = "prose") -> None:
    """Summary, timeline, quotes and framing."""
    from newsweave.compose import summarize
    from newsweave.compose.summary import mark_disputed
    from newsweave.compose.quotes import build_quotes
    from newsweave.compose.timeline import build_timeline, mark_disputed_events

    briefing.summary = summarize(story.docs, words=words, index=story.sentence_index, facts=story.facts, style=style,
                                 reuse=briefing.reuse, disagreements=briefing.disagreements)
    mark_disputed(briefing.summary, briefing.disagreements)
    briefing.timeline = build_timeline(story.docs, story.sentence_index, story.facts)
    mark_disputed_events(briefing.timeline, briefing.disagreements)
    briefing.quotes = build_quotes(story.docs, story.entities, story.sentence_index)
    from newsweave.compose.framing import build_framing, prefer_neutral_wordings

    briefing.framing = build_framing(story.docs, story.facts, briefing.quotes, story.claim_index,
                                     disagreements=briefing.disagreements, entities=story.entities)
    prefer_neutral_wordings(briefing.facts, {d.article.id: d.article.text for d in story.docs})
