"""A carmaker's recall (a story we wrote): the wire's report, a business paper's with the exact count, a consumer
tabloid's with a lawyer's charge, and the wire's report of the regulator's inquiry the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report

WIRE = (
    "OSLAVIK, Sept 16 (Meridian Press) - Halvik Motors is recalling about 412,000 vehicles worldwide to replace a "
    "faulty fuel pump that can cause engines to stall at speed, the Norvalian carmaker said on Wednesday.\n\n"
    "The recall covers Tessa and Rovan models built between March 2041 and June 2042. Halvik said it knew of 23 "
    "crashes and seven injuries linked to the fault, but of no deaths.\n\n"
    "Owners will be contacted by letter from October 5, and dealers will replace the pump free of charge, the "
    "company said.")
BUSINESS = (
    "Halvik Motors will recall 412,316 cars, including 240,000 in North America and 131,000 in Europe, the company "
    "said on Wednesday, in the largest recall in its history.\n\n"
    "Analysts at Brennick Securities estimated the cost at about 180 million euros. Halvik shares fell 3.1% in "
    "Oslavik.\n\n"
    "\"Safety is our first priority, and we are acting out of an abundance of caution,\" chief executive Lena "
    "Varga said in a statement.")
CONSUMER = (
    "Halvik has finally recalled nearly half a million death-trap cars after drivers reported terrifying stalls on "
    "motorways.\n\n"
    "Lawyer Mira Santos, who represents the families of two drivers killed in crashes last year, said Halvik had "
    "known about the fault since 2040. \"They chose profits over lives,\" she said.\n\n"
    "Halvik said on Wednesday it was not aware of any deaths linked to the fuel pump.")
REGULATOR = (
    "The National Road Safety Agency said on Thursday it had opened an investigation into whether Halvik Motors "
    "acted quickly enough to recall 412,000 vehicles with faulty fuel pumps.\n\n"
    "The agency said it had received 61 complaints from drivers since January, including reports of two fatal "
    "crashes that it was still examining.\n\n"
    "Halvik said it would cooperate fully with the inquiry.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2043-09-16", title="Halvik recalls 412,000 vehicles"),
        report("business", "Norvalian Business Times", BUSINESS, "2043-09-16", title="Halvik in record recall"),
        report("consumer", "Daily Beacon", CONSUMER, "2043-09-17", title="DEATH-TRAP CARS RECALLED"),
        report("regulator", "Meridian Press", REGULATOR, "2043-09-17", title="Regulator opens Halvik probe"),
    ])


def test_one_large_count_told_round_and_exact_is_one_fact(briefing):
    """"is recalling about 412,000 vehicles" / "will recall 412,316 cars, including 240,000 in North America ...": one
    count to three significant digits, whatever each calls the cars, and the two wordings share few words."""
    fact = fact_with(briefing, "wire", "412,000 vehicles")
    assert {"wire", "business"} <= set(fact["sources"]), fact


def test_the_lead_is_cited_by_the_report_that_tells_it_as_a_plan(briefing):
    """The wire's "is recalling ..., the Norvalian carmaker said on Wednesday" names a day gone by only for its saying:
    the business paper's "will recall 412,316 cars" states the same recall."""
    lead = briefing.summary[0]
    assert "412,000" in lead.text and {"wire", "business"} <= set(lead.sources), briefing.summary


def test_a_count_of_two_significant_digits_links_no_wordings_alone():
    """Many counts of a story are "240,000": only three significant digits or more make a count a fingerprint."""
    brief = newsweave.brief([
        report("a", "X", "Ostrun, a port city of about 240,000 people, was spared the worst of the storm.", "2043-09-16"),
        report("b", "Y", "The storm cut power to 240,000 people in the south, the grid operator said.", "2043-09-16")])
    assert len(brief.facts) == 2, brief.facts


def test_products_named_together_before_their_kind_are_products(briefing):
    """"Tessa and Rovan models": two products (the tagger read two people)."""
    kinds = {e["name"]: e["type"] for e in briefing.entities}
    assert kinds.get("Tessa") == kinds.get("Rovan") == "PRODUCT", kinds


def test_a_role_before_a_name_at_a_sentences_start_is_no_part_of_it(briefing):
    """"Lawyer Mira Santos, who represents ...": the person is Mira Santos."""
    assert "Mira Santos" in {e["name"] for e in briefing.entities}, briefing.entities
    assert not [e for e in briefing.entities if e["name"].startswith("Lawyer")], briefing.entities
