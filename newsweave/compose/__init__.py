"""Stage 4, compose: the briefing's parts (summary; later timeline and framing) from aligned content."""

from newsweave.compose.summary import DEFAULT_WORDS, summarize

__all__ = ["DEFAULT_WORDS", "summarize"]
