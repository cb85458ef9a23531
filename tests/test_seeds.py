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
        assert by_prefix(briefing, prefix).published_inferred is False
    for prefix in ("003", "004"):  # these state no publication date: any date they get is marked inferred
        assert by_prefix(briefing, prefix).published_inferred is True


def test_publication_dates_inferred_with_evidence(briefing):
    # 003 says the army entered "on Wednesday", the deal was brokered "two weeks ago" and Agdam was
    # handed over "last week": with the other reports' dates that is Wednesday 2020-11-25.
    kalbajar = by_prefix(briefing, "003")
    assert kalbajar.published == "2020-11-25"
    kinds = {e["kind"] for e in kalbajar.published_evidence}
    assert "event dated by another report" in kinds
    for e in kalbajar.published_evidence:
        if "other" in e:
            other = briefing.article(e["other"]["article"])
            assert other.published and not other.published_inferred
    # 004 embeds a post dated 2020-11-13: it cannot be older, and it states no later event.
    peace = by_prefix(briefing, "004")
    assert peace.published == "2020-11-13"
    assert any(e["kind"] == "dated reference inside the article" and e["date"] == "2020-11-13" for e in peace.published_evidence)


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
        assert item.extracted(briefing.article(first.article).text) == item.text
        for ev in item.evidence:
            span = briefing.article(ev.article).text[ev.start:ev.end]
            assert span.strip() == span and len(span.split()) >= 5


def test_json_contract_keys(briefing):
    import json

    data = json.loads(render(briefing, "json"))
    assert data["schema"] == "newsweave.briefing/1"
    assert set(data) >= {"articles", "skipped", "summary", "facts", "timeline", "entities", "disagreements", "quotes", "framing", "reuse"}
    assert set(data["articles"][0]) >= {"id", "source", "title", "outlet", "byline", "published", "published_inferred", "language", "text", "removed"}


# --- normalization: timeline, entities, quotes --------------------------------------------------


def _timeline_mentions(briefing):
    """(article prefix, date text as written, normalized date) for every timeline evidence."""
    return {(ev["article"][:3], ev["date_text"], e["date"]) for e in briefing.timeline for ev in e["evidence"]}


def test_timeline_dates_are_the_ones_the_texts_mean(briefing):
    days = [e["date"] for e in briefing.timeline if len(e["date"]) == 10]
    assert days, "day-level events exist"
    # Every day-level event of this story falls between the war's start and the last deadline: none slips a year.
    assert all("2020-09-01" <= d <= "2020-12-31" for d in days), days
    mentions = _timeline_mentions(briefing)
    assert ("003", "Wednesday", "2020-11-25") in mentions  # report inferred as Wednesday 25 Nov
    assert ("002", "Friday", "2020-11-20") in mentions
    assert ("001", "Sunday", "2020-11-15") in mentions  # the deadline "delayed from Sunday"
    assert ("000", "November 25", "2020-11-25") in mentions
    assert ("000", "December 1", "2020-12-01") in mentions


def test_timeline_status_and_merging(briefing):
    for e in briefing.timeline:
        assert e["status"] in ("happened", "scheduled", "moved")
        assert len(e["sources"]) == len(set(e["sources"]))
        for ev in e["evidence"]:
            span = briefing.article(ev["article"]).text[ev["start"]:ev["end"]]
            assert ev["date_text"] in span
    # The Lachin deadline lies after every report that states it: scheduled, and stated by several outlets.
    lachin = [e for e in briefing.timeline if e["date"] == "2020-12-01"]
    assert lachin and all(e["status"] == "scheduled" for e in lachin)
    assert any(len(e["sources"]) >= 2 for e in lachin)
    # The Kalbajar deadline "delayed from Sunday" (15 Nov): that Sunday is the day it was moved from
    assert any(e["date"] == "2020-11-15" and e["status"] == "moved" and "delayed from Sunday" in e["event"]
               for e in briefing.timeline)
    # The November 10 accord is reported by several outlets.
    assert any(e["date"] == "2020-11-10" and len(e["sources"]) >= 2 for e in briefing.timeline)


def _entity_with(briefing, alias):
    hits = [e for e in briefing.entities if alias in e["aliases"]]
    assert len(hits) == 1, (alias, hits)
    return hits[0]


def test_place_spellings_merge_into_one_entity(briefing):
    assert {"Agdam", "Aghdam"} <= set(_entity_with(briefing, "Agdam")["aliases"])
    assert {"Kalbajar", "Kelbajar", "Kalbacar"} <= set(_entity_with(briefing, "Kalbajar")["aliases"])
    assert _entity_with(briefing, "Agdam")["type"] in ("GPE", "LOC")
    assert _entity_with(briefing, "Russian Federation")["name"] == "Russia"
    assert _entity_with(briefing, "Tonoyan")["name"] == "Davit Tonoyan"
    for e in briefing.entities:
        for m in e["mentions"]:
            assert briefing.article(m["article"]).text[m["start"]:m["end"]]


def test_ministry_statement_is_one_quote_across_outlets(briefing):
    statement = [q for q in briefing.quotes if "trilateral statement" in q["text"]]
    assert len(statement) == 1
    q = statement[0]
    # Quoted in full by two outlets in different translations, and as a fragment by a third.
    assert {s[:3] for s in q["sources"]} == {"000", "001", "002"}
    assert "Ministry" in (q["speaker"] or "")
    for ev in q["evidence"]:
        assert briefing.article(ev["article"]).text[ev["start"]:ev["end"]]
