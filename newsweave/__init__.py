"""newsweave: many news reports of one story in, one cited briefing out."""

from newsweave.model import Article, Briefing, Evidence, Skipped, SummaryItem

__version__ = "0.1.0"

__all__ = ["Article", "Briefing", "Evidence", "Skipped", "SummaryItem", "brief", "group_stories", "tag_dates", "__version__"]


def brief(*args, **kwargs):  # imported lazily so `import newsweave` stays fast
    from newsweave.pipeline import brief as _brief

    return _brief(*args, **kwargs)


brief.__doc__ = "See newsweave.pipeline.brief."


def tag_dates(text, published=None):
    """Time expressions of ``text`` as ``[{start, end, text, value, type}]``, TIMEX3 values anchored on
    ``published`` (see :mod:`newsweave.annotate.dates`)."""
    from newsweave.annotate.dates import tag_dates as _tag_dates

    return _tag_dates(text, published)


def group_stories(articles, **kwargs):
    """Group :class:`Article` objects into stories (see :mod:`newsweave.stories`)."""
    from newsweave.stories import group_stories as _group_stories

    return _group_stories(articles, **kwargs)
