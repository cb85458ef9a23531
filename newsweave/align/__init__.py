"""Stage 3, align: relate content across articles (same-content sentences; later claims, disagreements, reuse)."""

from newsweave.align.similarity import SentenceIndex

__all__ = ["SentenceIndex"]
