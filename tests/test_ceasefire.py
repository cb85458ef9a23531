"""A ceasefire after a week of fighting (a story we wrote), told on the day it took effect by a wire, the government's
paper and the rebels' outlet."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "ARDEN, Kestria, April 14 (Meridian Press) - Kestria's army and rebels of the Northern Front agreed "
    'to a ceasefire that took effect at midnight on Sunday (2200 GMT on Saturday), after a week of '
    'fighting around the city of Tolven that killed at least 60 people.\n\n'
    "The army said it had killed 45 rebel fighters in the week's clashes. The Northern Front said it had "
    'lost 12 fighters and that 30 soldiers had been killed.\n\n'
    'The truce was brokered by the regional bloc, whose envoy Amal Farouk said talks on a lasting deal '
    'would begin in Arden on April 20.')

GOVT = (
    'The Kestrian armed forces routed terrorists of the so-called Northern Front near Tolven, killing 45 '
    'of them, before the terrorists begged for a ceasefire, the defence ministry said.\n\n'
    '"Our heroic soldiers have restored order," Defence Minister Oren Vale said on Sunday. The ministry '
    'said eight soldiers had died.\n\n'
    'The ceasefire began at midnight on Sunday.')

REBEL = (
    'Fighters of the Northern Front held their positions around Tolven until the ceasefire began at 10 '
    "p.m. GMT on Saturday, the group's commander, Idris Kane, said.\n\n"
    "Kane said government shelling had killed dozens of civilians in the city's eastern districts. The "
    'army denied targeting civilians.\n\n'
    'Talks will start in Arden on April 21, Kane said.')


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2030-04-14",
               title="Kestria army, rebels agree ceasefire after week of fighting"),
        report("govt", "Kestria Today", GOVT, "2030-04-14", title="Army routs terrorists at Tolven"),
        report("rebel", "Northern Voice", REBEL, "2030-04-14", title="Front holds Tolven lines as truce begins"),
    ])


def test_a_midnight_gone_by_opened_the_day(briefing):
    """"took effect at midnight on Sunday (2200 GMT on Saturday)", "The ceasefire began at midnight on Sunday", in
    Sunday's reports: the midnight that opened Sunday, not the one that ends it (a time still to come)."""
    (truce,) = [t for t in briefing.timeline if t["event"].startswith("The ceasefire began")]
    assert truce["date"] == "2030-04-14" and {"wire", "govt"} <= set(truce["sources"]), truce


def test_two_sides_counts_of_one_sides_dead_in_one_report(briefing):
    """"The army said it had killed 45 rebel fighters" / "The Northern Front said it had lost 12 fighters": one
    report, two named sources, one count (fighters lost are fighters dead); and the soldiers' dead, the ministry's
    eight against the Front's 30."""
    items = {tuple(sorted(sources_by_value(d))): d for d in briefing.disagreements if d["kind"] == "number"}
    fighters = items[("12 fighters", "45 rebel fighters")]
    assert fighters["status"] == "contradiction" and sources_by_value(fighters)["12 fighters"] == ["wire"], fighters
    assert ("30 soldiers", "eight soldiers") in items, list(items)


def test_the_day_talks_begin_told_two_ways(briefing):
    """The wire's "whose envoy Amal Farouk said talks on a lasting deal would begin in Arden on April 20" (a date
    inside a relative clause on the bloc) against the rebels' "Talks will start in Arden on April 21"."""
    (talks,) = [d for d in briefing.disagreements if d["kind"] == "date"]
    assert sources_by_value(talks) == {"April 20": ["wire"], "April 21": ["rebel"]}, talks
