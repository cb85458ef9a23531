"""Stage 3, align (v0): which sentences of other articles state the same content as a given sentence.

Sentences are compared as TF-IDF vectors of their content-word lemmas, fitted on the story itself, so
that words every report uses ("said") weigh little and the story's specific words weigh much. Two
sentences state the same content when their cosine is high, or when nearly all of the shorter one's
weighted content appears in the longer one (a clause repeated inside a longer sentence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.model import AnnotatedArticle, Sentence

COSINE_MIN = 0.42
CONTAINMENT_MIN = 0.7
MIN_SHARED_TERMS = 4
MIN_CONTAINED_TERMS = 6  # a short sentence must share this many terms to count as contained


@dataclass(slots=True)
class Match:
    sentence: Sentence
    score: float


class SentenceIndex:
    """TF-IDF vectors of every sentence of a story, for same-content look-ups across articles."""

    def __init__(self, docs: Sequence[AnnotatedArticle]):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.sentences: list[Sentence] = [s for d in docs for s in d.sentences]
        self._row = {(s.article, s.index): i for i, s in enumerate(self.sentences)}
        self._by_article: dict[str, list[int]] = {}
        for i, s in enumerate(self.sentences):
            self._by_article.setdefault(s.article, []).append(i)
        self.vectorizer = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True, norm="l2")
        if self.sentences and any(s.terms for s in self.sentences):
            self.matrix = self.vectorizer.fit_transform([s.terms for s in self.sentences]).tocsr()
            self.idf = dict(zip(self.vectorizer.get_feature_names_out(), self.vectorizer.idf_))
        else:
            self.matrix = None
            self.idf = {}

    def row(self, sentence: Sentence) -> int:
        return self._row[(sentence.article, sentence.index)]

    def similarity(self, a: Sentence, b: Sentence) -> float:
        if self.matrix is None:
            return 0.0
        return float(self.matrix[self.row(a)].multiply(self.matrix[self.row(b)]).sum())

    def containment(self, short: Sentence, long: Sentence) -> tuple[float, int]:
        """Share of ``short``'s idf-weighted content terms that ``long`` also has, and how many terms they share."""
        a, b = set(short.terms), set(long.terms)
        if not a:
            return 0.0, 0
        shared = a & b
        total = sum(self.idf.get(t, 1.0) for t in a)
        return sum(self.idf.get(t, 1.0) for t in shared) / total, len(shared)

    def same_content(self, a: Sentence, b: Sentence) -> float:
        """A score in [0, 1]; 0 when the two do not state the same content."""
        cos = self.similarity(a, b)
        short, long = (a, b) if len(set(a.terms)) <= len(set(b.terms)) else (b, a)
        contained, shared = self.containment(short, long)
        if shared < min(MIN_SHARED_TERMS, len(set(short.terms))) or shared < 2:
            return 0.0
        if cos >= COSINE_MIN:
            return cos
        if contained >= CONTAINMENT_MIN and shared >= MIN_CONTAINED_TERMS:
            return contained * 0.9
        return 0.0

    def supporting(self, sentence: Sentence) -> list[Match]:
        """For every other article, its sentence that best states the same content (if any does)."""
        if self.matrix is None:
            return []
        sims = (self.matrix @ self.matrix[self.row(sentence)].T).toarray().ravel()
        out: list[Match] = []
        for article, rows in self._by_article.items():
            if article == sentence.article:
                continue
            order = np.argsort(-sims[rows])[:3]  # the best few by cosine, then the full same-content test
            best: Match | None = None
            for k in order:
                cand = self.sentences[rows[k]]
                score = self.same_content(sentence, cand)
                if score > 0 and (best is None or score > best.score):
                    best = Match(cand, score)
            if best:
                out.append(best)
        return sorted(out, key=lambda m: -m.score)
