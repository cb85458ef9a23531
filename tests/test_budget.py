"""A national budget (a story we wrote): the wire's leak the day before, the wire's report of the budget, the
opposition's answer in a paper of its own, and a markets report."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

LEAK = (
    "LEMBERG, Oct 9 (Meridian Press) - Varnia's government will forecast a budget deficit of about 3% of gross "
    "domestic product for next year when Finance Minister Anna Kovac presents the budget on Wednesday, two "
    "officials familiar with the plan said.\n\n"
    "The officials, who spoke on condition of anonymity, said defence spending would rise by 12%.")
WIRE = (
    "LEMBERG, Oct 10 (Meridian Press) - Varnia's government forecast a budget deficit of 3.4% of gross domestic "
    "product for 2041 on Wednesday, as Finance Minister Anna Kovac unveiled spending of 412 billion crowns.\n\n"
    "Defence spending will rise 15% to 28 billion crowns, the largest increase since 2029, Kovac told "
    "parliament. Public sector wages will be frozen.\n\n"
    "\"This is a responsible budget for uncertain times,\" she said.")
OPPOSITION = (
    "The government's reckless budget will drive the deficit to 4.1 per cent of GDP next year, not the 3.4 per cent "
    "it claims, opposition leader Mirko Sala said on Thursday.\n\n"
    "Sala said the wage freeze would hit 300,000 teachers and nurses.")
BUSINESS = (
    "Varnian bond yields fell on Wednesday after Finance Minister Anna Kovac unveiled a 2041 budget with a deficit "
    "of 3.4% of GDP, in line with what investors had expected.\n\n"
    "The budget raises defence spending by 15 percent to 28 billion crowns.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("leak", "Meridian Press", LEAK, "2040-10-09", title="Varnia to forecast 3% deficit, sources say"),
        report("wire", "Meridian Press", WIRE, "2040-10-10", title="Varnia forecasts 3.4% deficit in 2041 budget"),
        report("opposition", "Varnia Today", OPPOSITION, "2040-10-11", title="Opposition: deficit will hit 4.1%"),
        report("business", "Nordic Markets", BUSINESS, "2040-10-10", title="Varnian yields fall after budget"),
    ])


def test_gross_domestic_product_is_no_loaded_word(briefing):
    terms = {t["term"] for f in briefing.framing for t in f["terms"]}
    assert "gross" not in terms, terms


def test_the_opposition_sets_its_deficit_against_the_governments(briefing):
    """"will drive the deficit to 4.1 per cent of GDP next year, not the 3.4 per cent it claims": the report gives the
    3.4 only to deny it, so its 4.1 is a rival of the government's 3.4 (of gross domestic product: GDP), not a
    partner."""
    deficit = [d for d in briefing.disagreements if "4.1 per cent" in sources_by_value(d)]
    assert len(deficit) == 1, briefing.disagreements
    values = sources_by_value(deficit[0])
    assert values["4.1 per cent"] == ["opposition"] and values["3.4%"] == ["wire"], values


def test_a_leaked_rise_still_to_come_is_updated_by_the_budget(briefing):
    """"officials ... said defence spending would rise by 12%" on Tuesday / "Defence spending will rise 15%" in
    Wednesday's budget: one rise still to come, told a day apart (not two days' moves, as a share price's)."""
    rises = [d for d in briefing.disagreements if "12%" in sources_by_value(d)]
    assert [sources_by_value(d) for d in rises] == [{"12%": ["leak"], "15%": ["wire"]}], rises


def test_both_sides_of_a_dispute_between_named_sources_stand_in_the_summary(briefing):
    """The government's forecast and the opposition leader's are each told as their source's: the summary gives
    both, each marked disputed, rather than dropping the opposition's."""
    texts = [s.text for s in briefing.summary]
    assert any("3.4%" in t and "government forecast" in t for t in texts), texts
    assert any("4.1 per cent" in t and "Mirko Sala said" in t for t in texts), texts
