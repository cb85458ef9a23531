"""Stage 2, annotate: sentences, entities (and, as they land, dates, quantities and quotes) with offsets."""

from newsweave.annotate.pipeline import annotate, annotate_doc

__all__ = ["annotate", "annotate_doc"]
