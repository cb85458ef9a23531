"""newsweave: many news reports of one story in, one cited briefing out."""

from newsweave.model import Article, Briefing, Evidence, Skipped, SummaryItem

__version__ = "0.1.0"

__all__ = ["Article", "Briefing", "Evidence", "Skipped", "SummaryItem", "brief", "__version__"]


def brief(*args, **kwargs):  # imported lazily so `import newsweave` stays fast
    from newsweave.pipeline import brief as _brief

    return _brief(*args, **kwargs)


brief.__doc__ = "See newsweave.pipeline.brief."
