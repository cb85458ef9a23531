"""An apartment block's collapse (a story we wrote): the wire's first report, a local paper's, the wire's next
day's report of the toll and the arrests, and a tabloid's."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "DRAVENA, Sept 4 (Meridian Press) - A 12-storey apartment block collapsed in the Ostmarkian capital Dravena "
    "early on Sunday, killing at least nine people, the emergency ministry said. Dozens of residents are feared "
    "trapped under the rubble.\n\n"
    "The building, completed in 2031, came down at about 3 a.m. while most residents were asleep. Rescuers pulled "
    "14 survivors from the debris by Sunday evening, ministry spokesman Petr Alenko said.\n\n"
    "The cause of the collapse was not immediately known.")
LOCAL = (
    "Residents of Dravena's Kovra district had complained for months about cracks in the walls of the 11-storey "
    "block that collapsed on Sunday, neighbours told the Dravena Herald.\n\n"
    "\"We wrote to the city three times. Nobody came,\" said Ilona Stepek, 54, whose sister lived on the fourth "
    "floor.\n\n"
    "The developer, Arkon Homes, said the building had passed every inspection and that it was cooperating with "
    "investigators.")
WIRE2 = (
    "DRAVENA, Sept 5 (Meridian Press) - The death toll from the collapse of an apartment block in Dravena rose to "
    "23 on Monday, the emergency ministry said, with 31 people still missing.\n\n"
    "Prosecutors opened a criminal case against Arkon Homes, the building's developer, and detained two of its "
    "managers.")
TABLOID = (
    "DEATH TRAP: Greedy builders cut corners on the Kovra tower that crumbled like a house of cards, killing 23 "
    "innocent people, insiders claim.\n\n"
    "Cheap concrete was used to save money, a former Arkon worker told us.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2039-09-04", title="Apartment block collapses in Dravena, nine dead"),
        report("local", "Dravena Herald", LOCAL, "2039-09-05", title="Residents warned of cracks before collapse"),
        report("wire2", "Meridian Press", WIRE2, "2039-09-05", title="Dravena collapse toll rises to 23"),
        report("tabloid", "Daily Beacon", TABLOID, "2039-09-06", title="DEATH TRAP"),
    ])


def test_the_next_days_toll_in_the_same_town_updates_the_first(briefing):
    """"killing at least nine people" in Dravena on Sunday / "The death toll from the collapse of an apartment block
    in Dravena rose to 23 on Monday": the toll of the one collapse the reports tell, however unalike the two
    wordings read; the tabloid's 23 agrees with the wire's."""
    updates = [d for d in briefing.disagreements if d["status"] == "update"]
    assert [sources_by_value(d) for d in updates] == [{"at least nine people": ["wire"], "23": ["wire2"]}], updates


def test_the_storeys_of_the_block_disagree(briefing):
    """"A 12-storey apartment block" / "the 11-storey block that collapsed": a building's height in floors, read as a
    measure of the block it names, and the two reports give two."""
    storeys = [d for d in briefing.disagreements if any("storey" in p["value"] for p in d["positions"])]
    assert len(storeys) == 1 and storeys[0]["status"] == "contradiction", storeys
    assert sources_by_value(storeys[0]) == {"12-storey": ["wire"], "11-storey": ["local"]}


def test_a_kicker_before_a_colon_is_no_speaker(briefing):
    """"DEATH TRAP: Greedy builders cut corners ..., insiders claim.": the insiders claim it; the kicker says no one's
    words."""
    voices = {f["article"]: f["voices"] for f in briefing.framing}
    assert "DEATH TRAP" not in voices["tabloid"] and "insiders" in voices["tabloid"], voices


@pytest.mark.parametrize("text, unit, counted", [
    ("An 11-story tower burned.", "storey", "tower"),
    ("The reporter filed 12 stories from the front.", None, "story"),  # "stories" alone may be news stories
])
def test_a_storey_is_a_measure_only_as_a_buildings_height(text, unit, counted):
    from newsweave.annotate.quantities import tag_quantities

    (q,) = tag_quantities(text)
    assert (q.unit, q.counted) == (unit, counted)
