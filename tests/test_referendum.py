"""A referendum on the monarchy (a story we wrote): the wire's report on election night and its final results the next
day, a royalist paper's and a republican paper's. One result told in opposite words, and a share that moved as the
count ended."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report, sources_by_value
NIGHT = (
    "ORSK, June 11 (Meridian Press) - Voters in Norvalia appear to have narrowly approved a proposal to abolish the "
    "monarchy, with 51.8 percent voting in favour after 95 percent of ballots had been counted, the electoral "
    "commission said late on Sunday.\n\n"
    "Turnout was 68 percent, the commission said.\n\n"
    "\"The people have spoken, and we will respect their decision,\" Prime Minister Elin Sandvik told reporters in "
    "Orsk. Final results are expected on Monday.")
FINAL = (
    "Norvalians voted by 52.3% to 47.7% to abolish the monarchy in Sunday's referendum, final results published by "
    "the electoral commission on Monday showed.\n\n"
    "Turnout was 67.9%. The northern region of Vastmark voted heavily against the change, while the capital, Orsk, "
    "backed it by almost two to one.\n\n"
    "King Harald IV, who has reigned since 2019, said in a statement that he accepted the result. Parliament must now "
    "approve a new constitution, which the government said would be put to lawmakers in the autumn.")
ROYALIST = (
    "Norvalia's thousand-year-old monarchy was brought down on Sunday by a wafer-thin majority, as a divided nation "
    "narrowly voted to throw out its beloved king.\n\n"
    "Barely half of voters backed the republican campaign's radical plan, and in Västmark, the heartland of royalist "
    "support, nearly two-thirds rejected it.\n\n"
    "\"This is a sad day for our country,\" said Count Anders Lindahl, who led the campaign to keep the monarchy.")
REPUBLICAN = (
    "Norvalia chose democracy on Sunday, voting decisively to end centuries of hereditary privilege.\n\n"
    "The republican side won 52 percent of the vote, a clear victory that campaign leader Maja Ekholm called "
    "\"historic\". More than 3.1 million people voted.\n\n"
    "The king will step down on 1 January, Ekholm said.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("night", "Meridian Press", NIGHT, "2045-06-11T23:40:00+00:00", title="Norvalia votes to abolish monarchy"),
        report("final", "Meridian Press", FINAL, "2045-06-12", title="Final results confirm republic vote"),
        report("royalist", "The Norvalian Crown", ROYALIST, "2045-06-12", title="A sad day"),
        report("republican", "Republic Today", REPUBLICAN, "2045-06-12", title="Norvalia chooses democracy"),
    ])


def test_three_outlets_leads_of_one_day_are_one_fact(briefing):
    """"Voters in Norvalia appear to have narrowly approved a proposal to abolish the monarchy ..., the electoral
    commission said late on Sunday" / "Norvalia's thousand-year-old monarchy was brought down on Sunday by a wafer-thin
    majority" / "Norvalia chose democracy on Sunday, voting decisively to end centuries of hereditary privilege": each
    outlet's lead tells Sunday's news in its own words; one fact, three independent sources."""
    fact = fact_with(briefing, "royalist", "wafer-thin majority")
    assert {"night", "royalist", "republican"} <= set(fact["sources"]), fact
    assert fact["independent_sources"] >= 3, fact


def test_the_share_in_favour_moved_as_the_count_ended(briefing):
    """"51.8 percent voting in favour after 95 percent of ballots had been counted" (Sunday night) / "voted by 52.3% to
    47.7% to abolish the monarchy ..., final results ... showed" (Monday): one side's share of one vote, updated."""
    shares = [d for d in briefing.disagreements if d["kind"] == "number" and "51.8 percent" in sources_by_value(d)]
    assert [d["status"] for d in shares] == ["update"], briefing.disagreements
    assert sources_by_value(shares[0]) == {"51.8 percent": ["night"], "52.3%": ["final"]}


@pytest.mark.parametrize("a, b, compared", [
    ("Voters approved the plan, with 51.8 percent voting in favour after 95 percent of ballots had been counted.",
     "Voters voted by 52.3% to 47.7% to approve the plan, final results showed.", True),
    # the losing side's share is no rival of the winning side's
    ("Voters approved the plan, with 51.8 percent voting in favour after 95 percent of ballots had been counted.",
     "Final results showed that 47.7% of voters were against the plan.", False),
])
def test_shares_of_one_side_of_a_vote(a, b, compared):
    brief = newsweave.brief([report("a", "X", a, "2045-06-11"), report("b", "Y", b, "2045-06-12")])
    assert bool([d for d in brief.disagreements if d["kind"] == "number"]) is compared, brief.disagreements


@pytest.mark.parametrize("text, cut", [
    ("in Västmark, the heartland of royalist support, nearly two-thirds rejected it.", False),
    ("In Orsk, voters backed the change by almost two to one.", True),
])
def test_a_leading_place_keeps_its_apposition(text, cut):
    """"in Västmark, the heartland of royalist support, nearly two-thirds rejected it" is not offered as "the heartland
    of royalist support, nearly two-thirds rejected it.", which names no place; a place alone before the clause may go."""
    from newsweave.compose.summary import trims

    starts = {text[a:b].split()[0] for a, b in trims(text)}
    assert ("the" in starts or "voters" in starts) is cut, starts


def test_a_count_by_title_is_a_person(briefing):
    people = {e["name"] for e in briefing.entities if e["type"] == "PERSON"}
    assert "Anders Lindahl" in people, briefing.entities


def test_a_margin_told_by_its_size_is_framing(briefing):
    """A 52-48 result is "a wafer-thin majority" to one outlet and won "decisively" to another."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert "wafer-thin" in terms["royalist"] and "decisively" in terms["republican"], terms
    assert not terms["night"] and not terms["final"], terms


def test_a_lead_of_another_day_or_of_no_day_is_no_partner():
    """Two reports' leads are one fact by their days only when they tell the same days: "Twenty-eight of the pupils
    abducted on Thursday escaped on Friday" is Friday's news, and a lead that names no day may be background."""
    brief = newsweave.brief([
        report("a", "X", "Gunmen abducted 287 pupils from a school in Ulari on Thursday, police said.", "2036-02-14"),
        report("b", "Y", "Twenty-eight of the pupils abducted from a school in Ulari on Thursday escaped from their "
                         "captors on Friday, police said.", "2036-02-15"),
        report("c", "Z", "The kidnapping of pupils from schools in the north has become common, police said.",
               "2036-02-14"),
    ])
    assert all(len(f["sources"]) == 1 for f in brief.facts), [(f["sources"], f["text"]) for f in brief.facts]
