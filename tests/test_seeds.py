"""The five real reports in ../shared/seeds, briefed end to end (they fail under CI if the data is missing).

Expected values are what the texts themselves state; no seed text is copied here.
"""

from __future__ import annotations

import re

import pytest

import newsweave
from newsweave.render import render


@pytest.fixture(scope="module")
def briefing(seeds_dir):
    return newsweave.brief(seeds_dir)


def by_prefix(briefing, prefix):
    return next(a for a in briefing.articles if a.id.startswith(prefix))


def test_five_articles_none_skipped(briefing):
    assert len(briefing.articles) == 5
    assert briefing.skipped == []
    assert all(a.language == "en" for a in briefing.articles)


def test_outlets_and_bylines_the_texts_name(briefing):
    assert by_prefix(briefing, "001").outlet == "Click Lancashire"  # "Other reports by ..."
    assert by_prefix(briefing, "001").byline == "Elias Hubbard"
    assert by_prefix(briefing, "002").outlet == "NPR"  # copyright line
    assert by_prefix(briefing, "003").outlet == "AP"  # "Source: AP"
    # Two reports name no outlet: none is invented.
    assert by_prefix(briefing, "000").outlet is None
    assert by_prefix(briefing, "004").outlet is None
    # The photo credit in 002 is a photographer and agency, not a byline.
    assert by_prefix(briefing, "002").byline is None


def test_stated_dates_found_and_none_invented(briefing):
    for prefix in ("000", "001", "002"):
        assert by_prefix(briefing, prefix).published == "2020-11-20"
    for prefix in ("003", "004"):  # these state no publication date (a later stage infers one)
        assert by_prefix(briefing, prefix).published is None
        assert by_prefix(briefing, prefix).published_inferred is False


def test_titles(briefing):
    assert by_prefix(briefing, "000").title is None  # the first line there is the lede, not a headline
    for prefix in ("001", "002", "003"):
        title = by_prefix(briefing, prefix).title
        assert title and len(title.split()) <= 12
        assert title not in by_prefix(briefing, prefix).text


FURNITURE = re.compile(
    r"other reports by|discuss this article|discussion about this post|copyright \d{4}|^source: |most read|more from news"
    r"|^related$|read more:|pic\.twitter\.com|\(@\w+\)|\[[^\]]*via reuters\]|^[A-Z][a-z]+ [A-Z][a-z]+ / [A-Z]+$",
    re.IGNORECASE | re.MULTILINE,
)


def test_no_furniture_left_in_any_text(briefing):
    for a in briefing.articles:
        assert not FURNITURE.search(a.text), (a.id, FURNITURE.search(a.text).group(0))


def test_furniture_is_recorded_with_reasons(briefing):
    reasons = {a.id[:3]: {r.reason for r in a.removed} for a in briefing.articles}
    assert "outlet credit" in reasons["001"] and "comment prompt" in reasons["001"]
    assert {"photo caption", "photo credit", "copyright line"} <= reasons["002"]
    assert {"photo caption", "source credit"} <= reasons["003"] or {"repeated line (photo caption)", "source credit"} <= reasons["003"]
    assert {"read-more link", "embedded social post", "comment prompt"} <= reasons["004"]
    assert reasons["000"] == set()


def test_no_headline_or_body_sentence_removed(briefing):
    for a in briefing.articles:
        for r in a.removed:
            assert r.text != a.title
            assert r.text not in a.text, (a.id, r.text)
            # Furniture lines are short, or captions; never several body paragraphs.
            assert len(r.text.split()) <= 60


def test_summary_cites_every_outlet_that_says_it(briefing):
    assert briefing.summary
    assert sum(len(item.text.split()) for item in briefing.summary) <= 120
    multi = [item for item in briefing.summary if len(set(item.sources)) >= 2]
    assert len(multi) >= 2
    for item in briefing.summary:
        assert len(item.sources) == len(set(item.sources))
        assert {e.article for e in item.evidence} == set(item.sources)
        first = item.evidence[0]
        assert briefing.article(first.article).text[first.start:first.end] == item.text
        for ev in item.evidence:
            span = briefing.article(ev.article).text[ev.start:ev.end]
            assert span.strip() == span and len(span.split()) >= 5


def test_json_contract_keys(briefing):
    import json

    data = json.loads(render(briefing, "json"))
    assert data["schema"] == "newsweave.briefing/1"
    assert set(data) >= {"articles", "skipped", "summary", "facts", "timeline", "entities", "disagreements", "quotes", "framing", "reuse"}
    assert set(data["articles"][0]) >= {"id", "source", "title", "outlet", "byline", "published", "published_inferred", "language", "text", "removed"}
