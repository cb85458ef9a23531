"""A mass stranding of whales (a story we wrote): the wire's first two reports, a tabloid's, and a local paper's on
the third day. Counts of animals, not people: what befell each group is told by its verb."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

DAY1 = (
    "About 230 pilot whales have stranded on a remote beach on the west coast of Tarvel Island, and about half of "
    "them are believed to be still alive, the Marine Conservation Service said on Monday.\n\n"
    "Rescuers and volunteers were keeping the surviving whales wet with buckets and sheets while they waited for "
    "the tide, service spokeswoman Ana Kirsch said.")
DAY2 = (
    "More than 200 of the pilot whales that beached on Tarvel Island have died, despite efforts by rescuers to keep "
    "them alive, officials said on Tuesday.\n\n"
    "Rescuers refloated 32 whales at high tide on Tuesday morning, Marine Conservation Service regional manager "
    "Tom Ruhl said. \"It's a heartbreaking scene,\" he said.\n\n"
    "The cause of the stranding is not known. Mass strandings of pilot whales are common on the island, where 470 "
    "whales beached in 2041.")
TABLOID = (
    "Heartbreaking pictures show the bodies of hundreds of whales lining a beach after one of the worst mass "
    "strandings in the island's history.\n\n"
    "Only 35 of the 230 creatures could be saved by exhausted volunteers, who worked through the night.")
DAY3 = (
    "Rescuers on Tarvel Island said on Wednesday that 30 of the 32 pilot whales refloated on Tuesday had swum out "
    "to sea, while two beached again and were put down.\n\n"
    "The carcasses of the 198 whales that died will be towed out to sea or buried, the Marine Conservation Service "
    "said.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("day1", "Meridian Press", DAY1, "2043-10-19", title="230 whales stranded on Tarvel Island"),
        report("day2", "Meridian Press", DAY2, "2043-10-20", title="More than 200 stranded whales die"),
        report("tabloid", "Daily Beacon", TABLOID, "2043-10-20", title="WHALE HORROR"),
        report("day3", "Tarvel Island Times", DAY3, "2043-10-21", title="Refloated whales head out to sea"),
    ])


def test_whales_stranded_refloated_and_dead_are_three_groups(briefing):
    """"About 230 pilot whales have stranded" / "30 of the 32 pilot whales refloated on Tuesday had swum out to sea" /
    "More than 200 of the pilot whales ... have died": counts of whales each told with what befell them, no
    contradiction among them."""
    assert not [d for d in briefing.disagreements if d["status"] == "contradiction"], briefing.disagreements


@pytest.mark.parametrize("a, b, compared", [
    ("The fire destroyed 41 houses in Ostrun on Sunday.", "The fire in Ostrun destroyed 57 homes, officials said.", True),
    ("The fire destroyed 41 houses in Ostrun on Sunday.", "The fire in Ostrun damaged 300 houses, officials said.",
     False),
    ("Rescuers refloated 32 whales on Tarvel Island on Tuesday.",
     "About 230 whales have stranded on Tarvel Island, officials said on Tuesday.", False),
])
def test_counts_of_things_told_with_verbs_of_two_outcomes_are_two_groups(a, b, compared):
    brief = newsweave.brief([report("a", "X", a, "2043-10-19"), report("b", "Y", b, "2043-10-20")])
    assert bool([d for d in brief.disagreements if d["kind"] == "number"]) is compared, brief.disagreements


def test_the_part_of_a_group_that_died_is_the_toll():
    """"More than 200 of the whales have died" is no part of a toll ("18 of the dead"), it is the toll: against "the
    198 whales that died" a day later, the count moved."""
    brief = newsweave.brief([
        report("a", "X", "More than 200 of the whales have died, officials said on Tuesday.", "2043-10-20"),
        report("b", "Y", "The carcasses of the 198 whales that died will be towed out to sea or buried.", "2043-10-21"),
    ])
    dead = [d for d in brief.disagreements if d["subject"] == "dead"]
    assert [sorted(p["value"] for p in d["positions"]) for d in dead] == [["198 whales", "More than 200"]], \
        brief.disagreements
