"""The v0 summary: central, non-redundant sentences within the word budget, each citing every article
that states the same content. Articles are ours (a fictional story)."""

from __future__ import annotations

import pytest

import newsweave
from newsweave import Article

A = Article(id="a", source="t", outlet="Harbour Post", published="2025-06-02", text=(
    "A ferry carrying 212 passengers ran aground off the island of Pellan on Sunday evening, the coast guard said.\n\n"
    "All passengers were taken off the vessel by lifeboats and no one was seriously hurt, officials said.\n\n"
    "The ferry operator, Bluewake Lines, said the captain had reported a steering failure shortly before the grounding.\n\n"
    "Local fishermen helped ferry stranded passengers to the harbour at Dunmore."
))
B = Article(id="b", source="t", outlet="Island Times", published="2025-06-02", text=(
    "The coast guard said a ferry with 212 passengers on board ran aground off Pellan island on Sunday evening.\n\n"
    "Bluewake Lines said its captain reported a steering failure minutes before the ship grounded.\n\n"
    "Divers will inspect the hull on Tuesday before any attempt to refloat the ship."
))
C = Article(id="c", source="t", outlet="Coast Radio", published="2025-06-03", text=(
    "Officials said all passengers were brought ashore by lifeboats and no one was seriously hurt.\n\n"
    "The regional transport minister ordered an inquiry into the grounding and promised a report within a month.\n\n"
    "Tourism on Pellan depends heavily on the ferry link, which carries about 300,000 people a year."
))


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([A, B, C], words=80)


def test_word_budget_respected(briefing):
    assert briefing.summary
    assert sum(len(i.text.split()) for i in briefing.summary) <= 80


def test_items_cite_every_article_stating_them(briefing):
    by_text = {i.text: i for i in briefing.summary}
    grounding = [i for t, i in by_text.items() if "ran aground" in t]
    assert grounding, "the most reported fact is in the summary"
    assert set(grounding[0].sources) == {"a", "b"}
    for item in briefing.summary:
        if "lifeboats" in item.text:
            assert set(item.sources) == {"a", "c"}
        if "inquiry" in item.text or "Divers" in item.text:
            assert len(item.sources) == 1  # reported by one outlet only


def test_evidence_offsets_point_at_the_cited_sentences(briefing):
    for item in briefing.summary:
        for ev in item.evidence:
            span = briefing.article(ev.article).text[ev.start:ev.end]
            assert span and span == span.strip()
        first = item.evidence[0]
        assert briefing.article(first.article).text[first.start:first.end] == item.text


def test_no_redundant_items(briefing):
    texts = [i.text for i in briefing.summary]
    assert not ("ran aground" in " ".join(texts) and sum("ran aground" in t for t in texts) > 1)


def test_order_follows_publication_date(briefing):
    dates = [briefing.article(i.sources[0]).published for i in briefing.summary]
    assert dates == sorted(dates)


def test_single_article_and_tiny_budget():
    b = newsweave.brief([A], words=25)
    assert b.summary and all(i.sources == ["a"] for i in b.summary)
    assert sum(len(i.text.split()) for i in b.summary) <= 25


def test_no_articles_gives_empty_briefing(tmp_path):
    b = newsweave.brief([tmp_path / "missing.txt"])
    assert b.articles == [] and b.summary == []
    assert b.skipped[0].reason == "no such file, folder or URL"
