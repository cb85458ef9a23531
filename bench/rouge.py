"""ROUGE recall as the DUC benches report it: rouge-score with Porter stemming, both sides cut to N words,
recall averaged over the references, then over clusters."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def recall(summary: str, references: list[str], words: int) -> tuple[float, float]:
    """Mean ROUGE-1 and ROUGE-2 recall (x100) of ``summary`` over ``references``."""
    s = cut(summary, words)
    r1 = r2 = 0.0
    for ref in references:
        scores = _scorer().score(cut(ref, words), s)
        r1 += scores["rouge1"].recall
        r2 += scores["rouge2"].recall
    return 100 * r1 / len(references), 100 * r2 / len(references)
