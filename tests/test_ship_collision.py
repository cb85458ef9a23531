"""A collision at sea (a story we wrote): the wire's report, the coastal town's paper and the wire's report the next
day. When it happened by the clock, how many crew were rescued, and a spill's estimate raised."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "PORT ELMSWICK, Nov 4 (Meridian Press) - A container ship and an oil tanker collided in fog off the coast of Elmswick "
    "at about 2:30 a.m. on Monday, spilling fuel into the sea, the coastguard said.\n\n"
    "All 22 crew of the tanker Sea Harrow were rescued, and the container ship MV Kestrel was able to sail on to port "
    "under its own power, coastguard spokeswoman Mia Torvik said.\n\n"
    "The coastguard estimated that 40 tonnes of fuel had leaked and said a slick about 3 km long was drifting south.")
LOCAL = (
    "Two ships collided shortly before 4 a.m. on Monday in thick fog off Elmswick, leaving a slick of fuel oil that "
    "could reach the town's beaches by Wednesday.\n\n"
    "The 23 crew members of the Sea Harrow were winched to safety by helicopter. The Kestrel, a Panama-flagged "
    "container vessel, later docked at Port Elmswick.\n\n"
    "Environmental groups said the spill could be far bigger than the 40 tonnes officials had announced.")
LATER = (
    "PORT ELMSWICK, Nov 5 (Meridian Press) - The coastguard on Tuesday raised its estimate of the fuel spilled in "
    "Monday's collision off Elmswick to 120 tonnes, from 40 tonnes.\n\n"
    "Investigators boarded the MV Kestrel on Tuesday to question its captain, the maritime authority said. Clean-up "
    "crews laid booms along the coast.")


def articles(local: str = LOCAL):
    return [
        report("wire", "Meridian Press", WIRE, "2047-11-04", title="Ships collide off Elmswick"),
        report("local", "Elmswick Gazette", local, "2047-11-04", title="Fog collision leaves slick"),
        report("later", "Meridian Press", LATER, "2047-11-05", title="Spill estimate tripled"),
    ]


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief(articles())


def test_one_collision_at_two_times_of_day(briefing):
    """"collided ... at about 2:30 a.m. on Monday" / "collided shortly before 4 a.m. on Monday": one act, one day, an
    hour and a half apart, more than a hedge takes in ("shortly before" governs the time: no clause of its own; the
    slick "that could reach the town's beaches by Wednesday" dates no collision)."""
    (when,) = [d for d in briefing.disagreements if d["kind"] == "date"]
    assert when["status"] == "contradiction", when["explanation"]
    assert sources_by_value(when) == {"4 a.m. on Monday": ["local"], "2:30 a.m. on Monday": ["wire"]}
    assert sorted(p["normalized"] for p in when["positions"]) == ["2047-11-04T02:30", "2047-11-04T04:00"]


@pytest.mark.parametrize("told", ["at about 3 a.m. on Monday", "shortly before 3 a.m. on Monday"])
def test_two_times_within_an_hour_are_one_reading(told):
    b = newsweave.brief(articles(LOCAL.replace("shortly before 4 a.m. on Monday", told)))
    assert not [d for d in b.disagreements if d["kind"] == "date"], b.disagreements


def test_the_crew_rescued_counted_two_ways(briefing):
    """"All 22 crew of the tanker Sea Harrow were rescued" / "The 23 crew members of the Sea Harrow were winched to
    safety": "crew members" count the crew, and "of the tanker" says whose crew, not which part of it."""
    (crew,) = [d for d in briefing.disagreements if "22 crew" in sources_by_value(d)]
    assert crew["status"] == "contradiction", crew["explanation"]
    assert sources_by_value(crew) == {"22 crew": ["wire"], "23 crew members": ["local"]}


def test_a_spill_estimate_raised_is_an_update(briefing):
    (fuel,) = [d for d in briefing.disagreements if "120 tonnes" in sources_by_value(d)]
    assert fuel["status"] == "update" and sources_by_value(fuel)["40 tonnes"] == ["wire"], fuel


def test_ships_and_the_coast_they_met_off(briefing):
    """"the container ship MV Kestrel" / "The Kestrel, a Panama-flagged container vessel" is one ship, "the tanker Sea
    Harrow" another (the tagger calls them a person and a place); "off the coast of Elmswick" is a place (the tagger
    calls it an organisation)."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    aliases = {e["name"]: e["aliases"] for e in briefing.entities}
    assert types["MV Kestrel"] == "PRODUCT" and "Kestrel" in aliases["MV Kestrel"], aliases
    assert types["Sea Harrow"] == "PRODUCT" and types["Elmswick"] == "GPE", types


def test_an_airline_called_a_carrier_is_no_ship():
    """"the low-cost carrier Ryanair" is an airline, not a vessel named after its kind."""
    from newsweave.annotate.entities import canonicalize
    from newsweave.model import EntityMention

    text = "Passengers of the low-cost carrier Ryanair were stranded. Ryanair said flights would resume."
    mentions = [EntityMention(article="a", start=text.index("Ryanair"), end=text.index("Ryanair") + 7, text="Ryanair",
                              label="ORG"),
                EntityMention(article="a", start=text.rindex("Ryanair"), end=text.rindex("Ryanair") + 7, text="Ryanair",
                              label="ORG")]
    (airline,) = [e for e in canonicalize(mentions, {"a": text}) if e.name == "Ryanair"]
    assert airline.type == "ORG", airline
