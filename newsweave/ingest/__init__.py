"""Stage 1, ingest: files, folders, globs, stdin and URLs into clean :class:`~newsweave.model.Article` objects."""

from newsweave.ingest.collect import DEFAULT_MAX_BYTES, IngestResult, ingest

__all__ = ["DEFAULT_MAX_BYTES", "IngestResult", "ingest"]
