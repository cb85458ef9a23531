"""A bank rescue (a story we wrote): the wire's report, a business paper's, a tabloid's and the wire's markets report
the next day. One rescue told as an injection, a rescue and a bail-out of fat cats; the summary tells the facts."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report
WIRE = (
    "KESTRIA CITY, March 14 (Meridian Press) - The Kestrian government agreed on Sunday to inject 8 billion crowns "
    "into Northbank, the country's third-largest lender, taking a 60% stake after a run on its deposits last week, "
    "Finance Minister Jonas Ekberg said.\n\n"
    "Customers withdrew about 2.5 billion crowns from Northbank in three days after it reported heavy losses on "
    "commercial property loans.\n\n"
    "\"No saver will lose a single crown,\" Ekberg told a news conference.")
BUSINESS = (
    "Kestria will take control of Northbank in an 8.2 billion crown rescue, the finance ministry said on Sunday, in "
    "the country's first bank nationalisation since 1992.\n\n"
    "The state will own 61% of the lender once the deal closes, and Northbank's chief executive, Lena Voss, will step "
    "down, the ministry said.\n\n"
    "Northbank's shares, suspended since Thursday, are expected to resume trading on Monday.")
TABLOID = (
    "Taxpayers have been forced to hand over a staggering 8 billion crowns to bail out the fat cats at Northbank.\n\n"
    "The greedy bankers who gambled away savers' money will walk away scot-free, while ordinary families foot the "
    "bill.")
MARKETS = (
    "Northbank shares plunged 38% when trading resumed on Monday, a day after the government took a majority stake "
    "in the lender.\n\n"
    "Other Kestrian bank shares recovered some of last week's losses.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2049-03-14", title="Kestria rescues Northbank"),
        report("business", "Kestria Business Daily", BUSINESS, "2049-03-14", title="State takes control of Northbank"),
        report("tabloid", "The Daily Roar", TABLOID, "2049-03-15", title="BAILOUT"),
        report("markets", "Meridian Press", MARKETS, "2049-03-15", title="Northbank shares plunge"),
    ])


def test_a_judgement_in_loaded_words_is_no_summary_sentence(briefing):
    """"The greedy bankers who gambled away savers' money will walk away scot-free, while ordinary families foot the
    bill" names no one, no day and no figure: the tabloid's judgement, which its framing card shows, not a fact the
    summary tells."""
    assert not [s for s in briefing.summary if "greedy" in s.text], [s.text for s in briefing.summary]
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert {"greedy", "fat"} <= terms["tabloid"], terms


def test_one_rescue_told_three_ways_is_one_fact(briefing):
    fact = fact_with(briefing, "wire", "inject 8 billion crowns")
    assert {"wire", "business", "tabloid"} <= set(fact["sources"]), fact


def test_a_story_told_only_in_loaded_words_is_still_told():
    brief = newsweave.brief([report("a", "X", "The greedy bankers will walk away scot-free, while ordinary families "
                                             "foot the bill.", "2049-03-15")])
    assert brief.summary and "greedy" in brief.summary[0].text, brief.summary


@pytest.mark.parametrize("lower, kept", [(False, False), (True, True)])
def test_a_text_all_in_lower_case_names_no_one_that_can_be_told(lower, kept):
    """The rule reads names by their capitals: in a text written all in lower case (a tokenised corpus) it stands aside."""
    texts = ["The Kestrian government agreed on Sunday to inject 8 billion crowns into Northbank, the finance minister "
             "said.", "The greedy bankers who gambled away savers' money will walk away scot-free, while ordinary "
             "families foot the bill."]
    if lower:
        texts = [t.lower() for t in texts]
    brief = newsweave.brief([report("a", "X", texts[0], "2049-03-14"), report("b", "Y", texts[1], "2049-03-15")])
    assert any("greedy" in s.text for s in brief.summary) is kept, [s.text for s in brief.summary]
