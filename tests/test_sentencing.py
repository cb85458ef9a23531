"""A former minister's sentencing (a story we wrote): a local paper's preview, the wire's report of the postponement
and of the verdict, and a tabloid's. A plan put off on its day, and one sentence in two wordings."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report
PREVIEW = (
    "A court in Ravenna Bay will rule on Thursday whether former finance minister Viktor Halloran should be jailed for "
    "his part in a scheme that cost the state an estimated $340 million, court officials said on Tuesday.\n\n"
    "Prosecutors have asked for a sentence of 15 years. Halloran, 64, denies wrongdoing.")
POSTPONED = (
    "The sentencing of former finance minister Viktor Halloran was postponed on Thursday until next Tuesday after his "
    "lawyers said he had been taken to hospital with chest pains.\n\n"
    "Judge Amina Okafor said the court would not wait beyond that date.")
VERDICT = (
    "RAVENNA BAY, May 26 (Meridian Press) - A court on Tuesday sentenced former finance minister Viktor Halloran to 12 "
    "years in prison for fraud and abuse of office, in a case over the loss of about $340 million in public funds.\n\n"
    "\"The defendant betrayed the trust of every taxpayer in this country,\" Judge Amina Okafor said as she read the "
    "verdict. Halloran's lawyer, Petra Lind, said he would appeal.")
TABLOID = (
    "Crooked ex-minister Victor Halloran was finally locked up for a dozen years yesterday for looting $350 million "
    "from hard-working taxpayers.\n\n"
    "The disgraced fat cat showed no emotion as the judge jailed him.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("preview", "Ravenna Bay Times", PREVIEW, "2048-05-12", title="Halloran verdict due Thursday"),
        report("postponed", "Meridian Press", POSTPONED, "2048-05-14", title="Halloran sentencing postponed"),
        report("verdict", "Meridian Press", VERDICT, "2048-05-26", title="Halloran jailed for 12 years"),
        report("tabloid", "The Daily Roar", TABLOID, "2048-05-27", title="CROOK CAGED"),
    ])


def test_a_plan_put_off_on_its_day_is_moved(briefing):
    """"A court ... will rule on Thursday whether ... Viktor Halloran should be jailed" (Tuesday's preview) / "The
    sentencing of ... Viktor Halloran was postponed on Thursday until next Tuesday": Thursday is the day the plan was
    moved from; the postponement happened then, and next Tuesday is the plan's new day."""
    by_date = {}
    for e in briefing.timeline:
        by_date.setdefault(e["date"], []).append((e["status"], e["sources"]))
    assert ("moved", ["preview"]) in by_date["2048-05-14"], by_date
    assert ("happened", ["postponed"]) in by_date["2048-05-14"], by_date
    assert ("scheduled", ["postponed"]) in by_date["2048-05-19"], by_date


def test_twelve_years_and_a_dozen_years_are_one_sentence(briefing):
    """"sentenced ... to 12 years in prison" / "locked up for a dozen years yesterday": one fact, and Victor / Viktor
    Halloran one person."""
    fact = fact_with(briefing, "verdict", "12 years in prison")
    assert sorted(fact["sources"]) == ["tabloid", "verdict"], fact
    (halloran,) = [e for e in briefing.entities if e["name"] == "Viktor Halloran"]
    assert "Victor Halloran" in halloran["aliases"], halloran


def test_a_plan_of_another_subject_is_not_moved_by_a_postponement():
    """A postponement of someone else's hearing on that day says nothing of this plan."""
    brief = newsweave.brief([
        report("a", "X", "A court in Ravenna Bay will rule on Thursday whether Viktor Halloran should be jailed.",
               "2048-05-12"),
        report("b", "Y", "The trial of businessman Omar Castell was postponed on Thursday until June.", "2048-05-14"),
    ])
    statuses = {e["status"] for e in brief.timeline if e["date"] == "2048-05-14" and "Halloran" in e["event"]}
    assert statuses == {"scheduled"}, brief.timeline
