"""A central bank's rate rise (a story we wrote) told by a wire, a financial paper, a tabloid, a copy of the wire and
the wire's next report: one rise in three units (a quarter of a percentage point, 25 basis points, 0.25 percentage
points), one vote split in two wordings, and counts of rises since a month."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from conftest import sources_by_value as _values

WIRE = (
    "KELSO, Feb 10 (Meridian Press) - The Bank of Ostrava raised its main interest rate by a quarter of a "
    "percentage point to 4.75% on Thursday, its fifth increase since October, as inflation stayed well above its "
    "2% target.\n\n"
    "Consumer prices rose 6.1% in the year to January, down from 6.4% in December, the statistics office said "
    "last week.\n\n"
    "The decision was taken by a 7-2 vote of the bank's monetary policy committee, with two members voting to "
    "keep rates on hold. Governor Maren Holt said further increases \"cannot be ruled out\".\n\n"
    "The next rate decision is due on March 23.")

LEDGER = (
    "The Bank of Ostrava lifted its benchmark rate by 25 basis points to 4.75 per cent on Thursday, in line with "
    "the forecasts of 28 of the 31 economists polled by the Ledger.\n\n"
    "Seven of the nine members of the monetary policy committee voted for the increase. Inflation, at 6.1 per "
    "cent, is more than three times the bank's target.\n\n"
    "The krona rose 0.4% against the euro after the decision.")

CLARION = (
    "Out-of-touch bank bosses hammered struggling homeowners yet again yesterday, hiking rates to a crippling "
    "4.75pc, the fourth rise since October.\n\n"
    "The cruel hike will add around 40 euros a month to a typical mortgage, according to the homeowners' lobby "
    "group Fair Loans.")

COPY = (
    "The Bank of Ostrava raised its main interest rate by a quarter of a percentage point to 4.75% on Thursday, "
    "its fifth increase since October, as inflation stayed well above its 2% target.\n\n"
    "Consumer prices rose 6.1% in the year to January, down from 6.4% in December, the statistics office said "
    "last week.\n\n"
    "The next rate decision is due on March 23.")

LENDERS = (
    "KELSO, Feb 11 (Meridian Press) - Ostrava's biggest lenders said on Friday they would pass on Thursday's "
    "rise in the central bank's main rate to 4.75% in full, lifting their mortgage rates by 0.25 percentage "
    "points from March 1.\n\n"
    "The Bank of Ostrava has raised rates five times since October, taking its main rate up from 3.75%.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2033-02-10",
               title="Bank of Ostrava raises rates to 4.75% as inflation stays high"),
        report("ledger", "The Financial Ledger", LEDGER, "2033-02-10",
               title="Ostrava central bank lifts benchmark rate to 4.75 per cent"),
        report("clarion", "The Daily Clarion", CLARION, "2033-02-11", title="RATE RAID: Bank hammers homeowners AGAIN"),
        report("copy", "Kelso Online", COPY, "2033-02-10", title="Ostrava central bank raises key rate again"),
        report("lenders", "Meridian Press", LENDERS, "2033-02-11",
               title="Ostrava rate rise adds to pressure on borrowers, banks say"),
    ])


def test_one_vote_split_in_two_wordings_is_one_statement(briefing):
    """ "Seven of the nine members of the monetary policy committee voted for the increase" states the wire's "taken by
    a 7-2 vote": the summary cites both (the nine members and the wire's "two members" are the split's figures, not
    other counts)."""
    (vote,) = [s for s in briefing.summary if s.text.startswith("Seven of the nine")]
    assert sorted(vote.sources) == ["ledger", "wire"], vote


def test_counts_since_a_month_date_no_event_in_it(briefing):
    """ "its fifth increase since October", "the fourth rise since October", "has raised rates five times since
    October": October is when the count runs from, no day of a rise."""
    assert not [e for e in briefing.timeline if e["date"].startswith("2032-10")], \
        [(e["date"], e["event"]) for e in briefing.timeline]


def test_a_tabloids_verdict_on_the_bankers_is_not_the_summary(briefing):
    """ "Out-of-touch bank bosses hammered struggling homeowners ..." is a verdict ("out-of-touch", "crippling"): plain
    wordings fill the summary."""
    assert not [s for s in briefing.summary if "bosses" in s.text], [s.text for s in briefing.summary]
    (clarion,) = [f for f in briefing.framing if f["article"] == "clarion"]
    assert "out-of-touch" in {t["term"] for t in clarion["terms"]}, clarion["terms"]


def test_counts_of_rises_since_one_month_are_compared(briefing):
    """ "its fifth increase since October" (the wire and its copy), "has raised rates five times since October" (the
    wire's next report) and the tabloid's "the fourth rise since October" count the rises since one month: the
    tabloid's four contradicts the others' five (a later report may count more, not fewer)."""
    (item,) = [d for d in briefing.disagreements if d["subject"] == "times since October"]
    assert item["status"] == "contradiction", item["explanation"]
    assert _values(item) == {"fifth increase": ["copy", "lenders", "wire"], "fourth rise": ["clarion"]}, \
        item["positions"]
