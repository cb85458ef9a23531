"""A tanker seized in a strait (a story we wrote): the wire's report, the seizing state's news agency's, a Western
paper's, and the wire's report the next day of part of the crew freed."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report

WIRE = (
    "DUBAI, July 9 (Meridian Press) - Velian naval forces seized a Greek-flagged oil tanker, the Aegean Star, in the "
    "Strait of Korvan on Thursday, accusing it of smuggling fuel, Velia's state news agency reported.\n\n"
    "The tanker had 23 crew members on board, including 17 Filipinos, four Greeks and two Ukrainians, its "
    "Athens-based manager, Helios Shipping, said. The company said it had lost contact with the ship at 04:40 GMT.\n\n"
    "Greece's foreign ministry summoned Velia's ambassador.")
STATE = (
    "Our heroic navy intercepted a foreign tanker smuggling 2 million litres of fuel in Velian territorial waters on "
    "Thursday, the naval command said.\n\n"
    "The vessel was escorted to the port of Bandar Sorel, where its 24 crew members are being held on board while "
    "the judiciary examines the case.\n\n"
    "\"We will not tolerate the theft of the nation's wealth,\" Admiral Reza Kohani said.")
WESTERN = (
    "Velia's navy hijacked a Greek tanker in international waters on Thursday in a brazen act of piracy, the State "
    "Department said.\n\n"
    "The Aegean Star was carrying 140,000 tonnes of crude oil from Iraq to Italy when armed commandos boarded it "
    "from helicopters, according to the ship's manager.\n\n"
    "\"This is state-sponsored piracy, plain and simple,\" a senior State Department official said.")
NEXT = (
    "Velia on Friday released 10 of the 23 crew members of the Aegean Star, the Greek-flagged tanker its navy seized "
    "in the Strait of Korvan on Thursday, Helios Shipping said.\n\n"
    "The 10, all Filipinos, were flown to Dubai. The remaining 13 are still on the ship, the company said.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2043-07-09", title="Velia seizes Greek tanker"),
        report("state", "Velian News Agency", STATE, "2043-07-09", title="Navy intercepts fuel smugglers"),
        report("western", "Atlantic Herald", WESTERN, "2043-07-10", title="Velia hijacks Greek tanker"),
        report("next", "Meridian Press", NEXT, "2043-07-10", title="Velia frees 10 tanker crew"),
    ])


def test_seized_intercepted_and_hijacked_are_one_act(briefing):
    """"seized a Greek-flagged oil tanker ... on Thursday" / "intercepted a foreign tanker smuggling 2 million litres of
    fuel in Velian territorial waters on Thursday" / "hijacked a Greek tanker in international waters on Thursday":
    the parser hung the state's Thursday on the tanker's smuggling; a day reached through what a noun was doing
    dates the clause's act."""
    seizure = fact_with(briefing, "wire", "naval forces seized")
    assert sorted(seizure["sources"]) == ["state", "western", "wire"], seizure


def test_a_report_that_retells_the_seizure_in_a_phrase_tells_the_release(briefing):
    """"Velia on Friday released 10 of the 23 crew members of the Aegean Star, the Greek-flagged tanker its navy seized
    in the Strait of Korvan on Thursday": the release is Friday's news; the seizure is named in a phrase. It is a fact
    of its own, the summary tells it, and the wire's report of Thursday does not state it."""
    release = fact_with(briefing, "next", "released 10 of the 23")
    assert release["sources"] == ["next"], release
    told = [s for s in briefing.summary if "released 10 of the 23" in s.text]
    assert [s.sources for s in told] == [["next"]], briefing.summary


def test_the_whole_a_part_is_counted_of_is_no_second_telling(briefing):
    """"The tanker had 23 crew members on board" and "released 10 of the 23 crew members": one count of the crew given
    twice, but the second tells the release; both stand."""
    texts = [s.text for s in briefing.summary]
    assert any("23 crew members on board" in t for t in texts) and any("released 10 of the 23" in t for t in texts), texts


def test_the_crew_counted_23_and_24_is_a_contradiction(briefing):
    crew = [d for d in briefing.disagreements if d["kind"] == "number"]
    assert [(d["status"], sorted(p["value"] for p in d["positions"])) for d in crew] == [
        ("contradiction", ["23 crew members", "24 crew members"])], briefing.disagreements


@pytest.mark.parametrize("sentence, clause_day", [
    ("Coastguards stopped a fishing boat carrying 40 migrants off Lendos on Sunday.", True),
    ("Inspectors found cracks in the dam built in 1974.", False),
])
def test_what_a_noun_was_doing_is_dated_by_its_clause(sentence, clause_day):
    b = newsweave.brief([report("a", "X", "The agency reported the news. " + sentence, "2043-07-09")])
    dated = [t for t in b.timeline if t["event"] == sentence]
    assert bool(dated) is clause_day, b.timeline
