"""Stage 2, annotate: sentences and entity mentions for every article, with spaCy loaded once and run
over all articles with ``nlp.pipe``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsweave.model import AnnotatedArticle, Article, EntityMention, Sentence

_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*$")
_QUOTE_OPEN = ("\"", "“", "‘", "'")
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}


def annotate(
    articles: Sequence[Article], *, batch_size: int = 16, on_article: Callable[[Article], None] | None = None,
    cache: bool = True,
) -> list[AnnotatedArticle]:
    """Annotate every article. With ``cache`` (the default) articles annotated before are read from the
    per-article cache (:mod:`newsweave.annotate.cache`; ``NEWSWEAVE_CACHE=0`` turns it off)."""
    if cache:
        from newsweave.annotate.cache import annotate_cached

        return annotate_cached(
            articles, lambda todo, cb: annotate(todo, batch_size=batch_size, on_article=cb, cache=False),
            on_article=on_article,
        )
    from newsweave.annotate.nlp import load_nlp

    nlp = load_nlp()
    out: list[AnnotatedArticle] = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        out.append(annotate_doc(article, doc))
        if on_article:
            on_article(article)
    return out


def annotate_doc(article: Article, doc) -> AnnotatedArticle:
    """Sentences (never crossing a paragraph break) and entity mentions of one parsed article."""
    text = article.text
    sentences: list[Sentence] = []
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]

    def paragraph_of(offset: int) -> int:
        lo, hi = 0, len(paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if paragraph_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    for sent in doc.sents:
        # spaCy may run a sentence across a line break; a paragraph break always ends a sentence.
        for start, end in _split_on_newlines(text, sent.start_char, sent.end_char):
            tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or []]
            words = [t for t in tokens if (t.is_alpha or t.like_num) and not t.is_space]
            terms = [t.lemma_.lower() for t in words if not t.is_stop]
            sentences.append(
                Sentence(
                    article=article.id, index=len(sentences), start=start, end=end, text=text[start:end],
                    paragraph=paragraph_of(start), kind=_kind(text, start, end), terms=terms,
                    tokens=[t.lemma_.lower() for t in words],
                )
            )
    entities = [
        EntityMention(article=article.id, start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
        for e in doc.ents
        if e.label_ in ENTITY_LABELS and e.text.strip()
    ]
    from newsweave.annotate.claims import extract_claims
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.annotate.quotes import extract_quotes

    return AnnotatedArticle(
        article=article, sentences=sentences, entities=entities, timexes=tag_article_dates(article),
        quantities=tag_quantities(text, doc), quotes=extract_quotes(doc), claims=extract_claims(doc, sentences),
    )


def tag_article_dates(article: Article, anchor: str | None = None) -> list:
    """Time expressions of an article, anchored on its publication date (or ``anchor`` when given)."""
    from newsweave.annotate.dates import tag_timexes

    return tag_timexes(article.text, anchor or article.published)


def _split_on_newlines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for m in re.finditer(r"\n+", text[start:end]):
        piece_end = start + m.start()
        spans.append((pos, piece_end))
        pos = start + m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _kind(text: str, start: int, end: int) -> str:
    s = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    whole_line = line_start == start and (line_end == -1 or line_end == end)
    if whole_line and len(s.split()) <= 12 and not _SENTENCE_END.search(s):
        return "heading"
    if s.startswith(_QUOTE_OPEN) and s.rstrip().endswith(("\"", "”", "’", "'")):
        return "quote"
    return "sentence"
