"""A train derails (a story we wrote): a wire's first report, the regional paper's, a union paper's and the wire's
report of the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    'VELKA, Dravonia, Aug 6 (Meridian Press) - At least 17 people were killed and more than 80 injured '
    'when a passenger train carrying about 300 people derailed near the town of Velka on Saturday '
    'evening, the railway company said.\n\n'
    'Seven carriages left the tracks on a bend and two of them overturned, a company spokesman said. The '
    'train was travelling from the capital Osk to the port of Marrin.\n\n'
    'Transport Minister Jana Holub said the cause was not yet known and that an investigation had begun.')

REGIONAL = (
    'Rescuers worked through the night to free passengers trapped in the wreckage of the Osk-Marrin '
    'express, which came off the rails near Velka with 412 people on board, including six crew members.\n\n'
    'Regional governor Emil Sattler said 19 people had died and 86 were being treated in hospitals in '
    'Velka and Marrin.\n\n'
    'Survivors said the train had been going very fast before the crash.')

UNION = (
    "The railway workers' union said on Sunday that the line near Velka, where Saturday's derailment "
    'killed 19 people, had been due for repairs since 2029.\n\n'
    '"The rails on that bend were worn out. We told the company again and again," union chairman Viktor '
    'Lenz said.\n\n'
    'The company said the track had passed an inspection in May.')

WIRE2 = (
    "VELKA, Dravonia, Aug 7 (Meridian Press) - The death toll from Saturday's train derailment near Velka "
    'rose to 21 on Sunday after two injured passengers died in hospital, the health ministry said.\n\n'
    "Investigators have recovered the train's data recorder, Transport Minister Jana Holub said. The "
    'train was carrying 412 people.\n\n'
    'Dravonia declared a day of national mourning for Monday.')


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2033-08-06", title="At least 17 killed as train derails in Dravonia"),
        report("regional", "Velka Courier", REGIONAL, "2033-08-07", title="Night of rescue at Velka crash site"),
        report("union", "Labour Voice", UNION, "2033-08-07", title="Union: Velka line was due for repairs"),
        report("wire2", "Meridian Press", WIRE2, "2033-08-07", title="Velka train crash toll rises to 21"),
    ])


def test_those_aboard_and_the_toll_are_two_counts(briefing):
    """"a passenger train carrying about 300 people" / "with 412 people on board, including six crew members" /
    "The train was carrying 412 people": those aboard, one count (the six crew a part of it); the dead, 17 -> 19 ->
    21, another."""
    (aboard,) = [d for d in briefing.disagreements if d["subject"] == "aboard"]
    assert sources_by_value(aboard) == {"about 300 people": ["wire"], "412 people": ["regional", "wire2"]}, aboard
    (dead,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert dead["status"] == "update" and "21" in sources_by_value(dead), dead


def test_a_ministers_portfolio_and_a_capital_are_no_organisation_and_no_person(briefing):
    """"Transport Minister Jana Holub": "Transport" opens a title, no organisation; "from the capital Osk": a place
    (the tagger's person)."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert "Transport" not in types and types["Osk"] == "GPE" and types["Jana Holub"] == "PERSON", types


def test_a_state_that_began_in_a_year_is_no_moved_plan(briefing):
    """"the line ... had been due for repairs since 2029": the repairs were due from 2029 on, no plan moved from 2029."""
    (entry,) = [e for e in briefing.timeline if e["date"] == "2029"]
    assert entry["status"] == "happened", entry
