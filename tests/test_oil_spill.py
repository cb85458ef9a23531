"""A tanker's oil spill (a story we wrote): the wire's first report, a national paper's, a business paper's with the
owner's lower figure, and the wire's report that the coast guard raised its estimate."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "PORT ELSK, Varnia, March 10 (Baltic Wire) - An oil tanker ran aground off Varnia's west coast on Tuesday, "
    "spilling about 700 tonnes of crude oil into the sea, the coast guard said.\n\n"
    "All 23 crew members of the Liberian-flagged Sea Harrow were airlifted to safety, coast guard spokeswoman "
    "Ines Dahl said. The slick stretched for 12 km along the coast near the fishing town of Ravik.\n\n"
    "The ship was carrying 80,000 tonnes of crude from Port Elsk to Rotterdam.")
NATIONAL = (
    "An ecological catastrophe is unfolding on the Raavik coast after a tanker ran aground on Tuesday, spilling about "
    "700 tonnes of crude oil into the sea.\n\n"
    "Thick black sludge now coats a 7.5-mile stretch of beaches that thousands of families depend on for fishing.\n\n"
    "\"This is the worst spill in our history, and the government did nothing to prevent it,\" said Tomas Berg, "
    "director of the campaign group Sea Watch Varnia.\n\n"
    "All 23 crew members were rescued.")
BUSINESS = (
    "Shares in Harrow Shipping fell 8% on Wednesday after one of its tankers, the Sea Harrow, ran aground off Varnia "
    "on Tuesday.\n\n"
    "The company said about 500 tonnes of oil had leaked and that the leak had been contained. \"Our priority is the "
    "environment and the people of Ravik,\" chief executive Lars Moen said.\n\n"
    "Analysts at Nordbank said the clean-up could cost the firm up to $200 million.")
WIRE2 = (
    "PORT ELSK, Varnia, March 12 (Baltic Wire) - Varnia's coast guard raised its estimate of the oil spilled by the "
    "tanker Sea Harrow to 3,000 tonnes on Thursday, from 700 tonnes, as the slick spread to 40 km of coastline.\n\n"
    "Environment Minister Karin Holm said the government would sue the ship's owner, Harrow Shipping. Fishing has "
    "been banned along the coast around Ravik.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Baltic Wire", WIRE, "2037-03-10", title="Tanker runs aground off Varnia, spilling oil"),
        report("national", "Varnia Today", NATIONAL, "2037-03-11", title="Catastrophe on our coast"),
        report("business", "Nordic Markets", BUSINESS, "2037-03-11", title="Harrow Shipping shares slide after spill"),
        report("wire2", "Baltic Wire", WIRE2, "2037-03-12", title="Varnia raises oil spill estimate to 3,000 tonnes"),
    ])


def test_the_raised_estimate_is_an_update_of_the_first(briefing):
    """"raised its estimate of the oil spilled ... to 3,000 tonnes on Thursday, from 700 tonnes": the 3,000 tonnes
    measure the oil (what the estimate is of), and the report says the figure was raised: an update of the first
    report's "about 700 tonnes"."""
    updates = [d for d in briefing.disagreements if d["status"] == "update"]
    assert [sources_by_value(d) for d in updates] == [{"about 700 tonnes": ["wire"], "3,000 tonnes": ["wire2"]}], \
        updates


def test_the_value_a_count_moved_from_is_no_rival_of_another_report(briefing):
    """The owner's "about 500 tonnes" against the coast guard's "about 700 tonnes" is one contradiction; the later
    report's "from 700 tonnes" is the figure its estimate was raised from, not a third report of 700 tonnes set
    against the owner's (nor an update of it)."""
    numbers = [d for d in briefing.disagreements if d["kind"] == "number"]
    against_owner = [d for d in numbers if "about 500 tonnes" in sources_by_value(d)]
    assert len(against_owner) == 1 and against_owner[0]["status"] == "contradiction", numbers
    assert sources_by_value(against_owner[0]) == {"about 500 tonnes": ["business"],
                                                  "about 700 tonnes": ["national", "wire"]}


def test_the_latest_estimate_is_in_the_summary(briefing):
    """The reader of the summary learns the estimate was raised to 3,000 tonnes (the other wordings of 700 tonnes do
    not push it out)."""
    assert any("3,000 tonnes" in s.text and s.sources == ["wire2"] for s in briefing.summary), \
        [s.text for s in briefing.summary]


def test_crude_oil_is_no_loaded_word(briefing):
    """"crude oil", "80,000 tonnes of crude from Port Elsk": the oil, not a judgement; the national paper's
    "catastrophe" is one."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert "crude" not in terms["wire"] | terms["national"], terms
    assert "catastrophe" in terms["national"]


def test_crew_airlifted_and_crew_rescued_are_one_fact(briefing):
    """"All 23 crew members ... were airlifted to safety" / "All 23 crew members were rescued": one count of the
    rescued, stated by two outlets."""
    crew = [f for f in briefing.facts if "23 crew members" in f["text"]]
    assert len(crew) == 1 and sorted(crew[0]["sources"]) == ["national", "wire"], crew


def test_the_day_the_estimate_was_raised_dates_the_raising(briefing):
    """"raised its estimate of the oil spilled by the tanker ... to 3,000 tonnes on Thursday": Thursday is when the
    coast guard raised it (the parser hangs the date on "spilled"); the timeline gives the whole statement."""
    thursday = [t for t in briefing.timeline if t["date"] == "2037-03-12"]
    assert len(thursday) == 1 and thursday[0]["event"].startswith("Varnia's coast guard raised its estimate"), thursday


def test_a_clause_after_after_is_its_own_days_event(briefing):
    """"Shares in Harrow Shipping fell 8% on Wednesday after one of its tankers, the Sea Harrow, ran aground off
    Varnia on Tuesday": Wednesday is the fall of the shares; Tuesday the grounding, which the other reports tell
    (one event), not "the Sea Harrow, ran aground ..." cut at the name's comma."""
    by_day = {t["date"]: t for t in briefing.timeline}
    assert by_day["2037-03-11"]["event"] == "Shares in Harrow Shipping fell 8% on Wednesday", by_day
    tuesday = [t for t in briefing.timeline if t["date"] == "2037-03-10"]
    assert len(tuesday) == 1 and sorted(tuesday[0]["sources"]) == ["business", "national", "wire"], tuesday


def test_the_ends_of_a_route_and_a_port_town_are_places(briefing):
    """"from Port Elsk to Rotterdam": both are places (the tagger calls Rotterdam a person)."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert types.get("Rotterdam") == "GPE" and types.get("Port Elsk") == "GPE", types
