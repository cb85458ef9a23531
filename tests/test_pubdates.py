"""Publication dates inferred for undated reports (newsweave.align.pubdates). Articles written for these tests."""

from __future__ import annotations

import os

os.environ.setdefault("NEWSWEAVE_CACHE", "0")


def test_a_lone_weekday_dates_the_report_near_the_story_not_weeks_before():
    """An undated report whose only clue is "on Thursday" fits every Thursday of the search window: it is the
    Thursday of the story, not the earliest Thursday a month before (which made its "Thursday" contradict
    the dated reports' Thursday)."""
    from newsweave import Article, brief

    arts = [
        Article(id="a", source="a", title="Levee report released", published="2025-05-08", outlet="Orm Post",
                text="The river authority released its report on the Dorvan levee on Thursday. "
                     "The report blames a design fault for the breach."),
        Article(id="b", source="b", title="Levee report out", published="2025-05-09", outlet="Velia Daily",
                text="A report on the Dorvan levee was made public on Thursday. Engineers said a design fault caused "
                     "the breach."),
        Article(id="c", source="c", title="What the levee report says", outlet="Kessel Blog",
                text="Mayor Teodor Vasko spoke to reporters on Thursday about the damage. Residents have asked for "
                     "new pumps."),
    ]
    b = brief(arts)
    undated = next(a for a in b.articles if a.id == "c")
    assert undated.published_inferred and undated.published == "2025-05-08", undated.published
