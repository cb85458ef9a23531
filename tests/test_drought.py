"""Water rationing in a drought (a story we wrote): the wire's report, a local paper's and a tabloid's."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "OSK, Aug 6 (Meridian Press) - Ostmark will ration tap water in its capital from next Monday after the "
    "driest summer in 60 years left the city's reservoirs at 23% of capacity, the water authority said on "
    "Tuesday.\n\n"
    "Households will be limited to 120 litres a person a day, and filling swimming pools and washing cars will be "
    "banned, authority director Vera Hollan said.\n\n"
    "Rainfall since April has been 40% below the long-term average, the national weather service said.")
LOCAL = (
    "The reservoirs that supply Osk are less than a quarter full, and residents face water rationing from Monday, "
    "officials said on Tuesday.\n\n"
    "Each household member will be allowed about 32 gallons a day. \"We have no choice,\" said Vera Hollan, head "
    "of the city water authority.\n\n"
    "Farmers in the Drava valley say they have already lost half of their wheat crop.")
TABLOID = (
    "A catastrophic drought is bringing Osk to its knees. Incompetent officials ignored warnings for years, and now "
    "families will be forced to survive on just 100 litres of water a day.\n\n"
    "\"They should have built the new reservoir a decade ago,\" said opposition MP Karl Renz.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2041-08-06", title="Ostmark to ration water in capital"),
        report("local", "Osk Courier", LOCAL, "2041-08-07", title="Water rationing from Monday"),
        report("tabloid", "Daily Beacon", TABLOID, "2041-08-07", title="DRY AND DESPERATE"),
    ])


def test_a_start_told_in_the_present_is_ahead(briefing):
    """"residents face water rationing from Monday" in Wednesday's paper: the Monday to come, the one the wire's
    "from next Monday" names (one event), not the Monday before."""
    mondays = [t for t in briefing.timeline if "from Monday" in t["event"] or "from next Monday" in t["event"]]
    assert [(t["date"], t["status"]) for t in mondays] == [("2041-08-12", "scheduled")], briefing.timeline
    assert sorted(mondays[0]["sources"]) == ["local", "wire"]


def test_what_should_have_been_done_is_no_event(briefing):
    """"They should have built the new reservoir a decade ago": nothing was built in 2031."""
    assert not [t for t in briefing.timeline if t["date"].startswith("2031")], briefing.timeline


@pytest.mark.parametrize("sentence, day", [
    ("The ban applies from Monday.", "2041-08-12"),
    ("Residents faced rationing from Monday.", "2041-08-05"),
])
def test_a_start_from_a_day_takes_its_tense(sentence, day):
    b = newsweave.brief([report("a", "X", "Officials met on Tuesday. " + sentence, "2041-08-07")])
    assert [t["date"] for t in b.timeline if "Monday" in t["event"]] == [day], b.timeline
