"""Stage 4, compose (v0): an extractive multi-document summary in which each sentence cites every article
that states the same content.

Selection follows the concept-coverage idea of Gillick & Favre (2009): the story's *concepts* are
lemma bigrams, each weighted by how many articles contain it, so content that several outlets report
counts for more. Sentences are picked greedily by the weight of the concepts they newly cover per
word, with a small bonus for sentences near the top of their article (news puts the essentials
first), until the word budget is spent. Concepts already covered earn nothing, which keeps the
summary free of repetition. The chosen sentences are then ordered by publication date and position.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.align.similarity import SentenceIndex
from newsweave.model import AnnotatedArticle, Evidence, Sentence, SummaryItem

DEFAULT_WORDS = 120
MIN_WORDS = 6
MAX_WORDS = 60
# Openings that lean on a previous sentence read badly out of context.
_DANGLING = re.compile(
    r"^(?:but|and|or|so|yet|also|however|meanwhile|still|then|thus|therefore|instead|moreover|he|she|it|they|"
    r"his|her|its|their|this|that|these|those|there|such|the two|both|other|another)\b",
    re.IGNORECASE,
)


def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def concepts(sentence: Sentence, stop: frozenset[str]) -> set[tuple[str, str]]:
    toks = sentence.tokens
    return {(a, b) for a, b in zip(toks, toks[1:]) if not (a in stop and b in stop)}


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    concepts: set[tuple[str, str]]
    position: float  # 0 for the first sentence of its article, towards 1 for the last
    words: int


def summarize(docs: Sequence[AnnotatedArticle], *, words: int = DEFAULT_WORDS, published: dict[str, str | None] | None = None,
              index: SentenceIndex | None = None, facts: Sequence | None = None) -> list[SummaryItem]:
    """The summary items, at most ``words`` words in all. ``facts`` (from :mod:`newsweave.align.facts`) are
    the story's aligned facts, when the caller has them."""
    if not docs or words <= 0:
        return []
    stop = _stopwords()
    index = index or SentenceIndex(docs)
    published = published or {d.article.id: d.article.published for d in docs}

    # Concept weights: the number of articles that contain the concept.
    df: dict[tuple[str, str], int] = defaultdict(int)
    per_article: dict[str, list[_Candidate]] = {}
    for d in docs:
        body = [s for s in d.sentences if s.kind != "heading"]
        seen: set[tuple[str, str]] = set()
        cands = []
        for i, s in enumerate(body):
            cs = concepts(s, stop)
            seen |= cs
            cands.append(_Candidate(s, cs, i / max(1, len(body) - 1), s.n_words))
        for c in seen:
            df[c] += 1
        per_article[d.article.id] = cands
    n_articles = len(docs)
    min_df = 1 if n_articles <= 2 else 2
    weight = {c: float(n) for c, n in df.items() if n >= min_df}

    pool = [
        c for cands in per_article.values() for c in cands
        if MIN_WORDS <= c.words <= MAX_WORDS and c.sentence.kind == "sentence" and not c.sentence.text.rstrip().endswith("?")
        and _balanced_quotes(c.sentence.text)
    ]
    # When no concept is shared (a single article, or unrelated ones) fall back to unigram concepts.
    if not weight:
        weight = {c: 1.0 for c in df}

    chosen: list[_Candidate] = []
    covered: set[tuple[str, str]] = set()
    used_texts: set[str] = set()
    budget = words
    while pool:
        best, best_score = None, 0.0
        for c in pool:
            if c.words > budget:
                continue
            gain = sum(weight.get(k, 0.0) for k in c.concepts - covered)
            if gain <= 0:
                continue
            score = gain / (c.words ** 0.7) * (1.25 - 0.35 * c.position)
            if _DANGLING.match(c.sentence.text):
                score *= 0.6
            if score > best_score:
                best, best_score = c, score
        if best is None:
            break
        pool.remove(best)
        key = " ".join(best.sentence.text.lower().split())
        if key in used_texts:
            continue
        used_texts.add(key)
        chosen.append(best)
        covered |= best.concepts
        budget -= best.words

    def order_key(c: _Candidate):
        date = published.get(c.sentence.article) or "9999-99-99"
        return (date, round(c.position, 2), c.sentence.article, c.sentence.index)

    items = []
    for c in sorted(chosen, key=order_key):
        s = c.sentence
        support = index.supporting(s)
        sources = [s.article] + [m.sentence.article for m in support]
        evidence = [Evidence(article=s.article, start=s.start, end=s.end)] + [
            Evidence(article=m.sentence.article, start=m.sentence.start, end=m.sentence.end) for m in support
        ]
        items.append(SummaryItem(text=s.text, sources=sources, evidence=evidence))
    return items


def _balanced_quotes(text: str) -> bool:
    return text.count("\"") % 2 == 0 and text.count("“") == text.count("”")
