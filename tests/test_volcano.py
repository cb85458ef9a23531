"""A volcano erupts (a story we wrote): a wire's first report, the nearby city's paper, a travel trade paper and the
wire's report of the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.compose.framing import loaded_terms

WIRE = (
    'PORT ALMA, Sundra, March 3 (Meridian Press) - Mount Kerath erupted on Tuesday, sending a column of '
    'ash 9 km (30,000 ft) into the sky and forcing authorities to evacuate about 12,000 people from '
    'villages on its slopes, the national disaster agency said.\n\n'
    'The volcano monitoring centre raised the alert level to 4, the highest on its scale, from 3.\n\n'
    'Port Alma airport, 60 km (37 miles) west of the volcano, closed until at least Thursday and more '
    'than 200 flights were cancelled, the airport operator said.\n\n'
    'There were no reports of casualties.')

LOCAL = (
    'Thousands of villagers fled their homes on the slopes of Mt. Kerath on Tuesday as the volcano spewed '
    'ash up to 10 kilometres high.\n\n'
    '"The sky went black in the middle of the day," said Ana Sorin, a farmer from the village of Teval, '
    'who spent the night in a school in Port Alma with her three children.\n\n'
    'District chief Tomas Ebel said about 15,000 people had been moved to 40 shelters.\n\n'
    "Farmers fear the ash will ruin this year's coffee harvest.")

BIZ = (
    'Airlines cancelled about 180 flights in and out of Port Alma on Tuesday after the eruption of the '
    'Kerath volcano, stranding thousands of tourists at the start of the high season.\n\n'
    'Sundra Air said it would resume flights when the airport reopened, which officials expected on '
    'Thursday.\n\n'
    'Shares in Sundra Air fell 4.2 percent.')

WIRE2 = (
    'PORT ALMA, Sundra, March 4 (Meridian Press) - Port Alma airport reopened on Wednesday, a day earlier '
    'than planned, after winds carried the ash from Mount Kerath away from the city, the airport operator '
    'said.\n\n'
    'The disaster agency said 14,500 people were staying in shelters and the alert level remained at 4.\n\n'
    "The volcano's ash column had fallen to 3 km (10,000 ft) by Wednesday morning, the monitoring centre "
    'said.')


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2032-03-03", title="Sundra's Mount Kerath erupts, 12,000 evacuated"),
        report("local", "Port Alma Times", LOCAL, "2032-03-04", title="Night of ash: villagers flee Kerath"),
        report("biz", "Travel Trade Daily", BIZ, "2032-03-03", title="Kerath eruption grounds Port Alma flights"),
        report("wire2", "Meridian Press", WIRE2, "2032-03-04",
               title="Port Alma airport reopens as Kerath ash drifts away"),
    ])


def test_one_mountain_however_it_is_named(briefing):
    """"Mount Kerath" (the wire), "Mt. Kerath" (the city's paper) and "the Kerath volcano" (the trade paper) are one
    place, not three (the last had been tagged a people)."""
    (kerath,) = [e for e in briefing.entities if "Kerath" in e["name"]]
    assert kerath["type"] == "LOC" and sorted(kerath["sources"]) == ["biz", "local", "wire", "wire2"], kerath
    assert set(kerath["aliases"]) == {"Mount Kerath", "Mt. Kerath", "Kerath"}, kerath


def test_a_mountain_named_for_a_country_is_not_the_country():
    """"Mount Lebanon" is a peak (and a district), Lebanon a country: the bare name does not join the mountain."""
    b = newsweave.brief([
        report("a", "Valley Post", "Snow closed roads on Mount Lebanon on Monday, Lebanon's civil defence said.",
               "2032-01-10"),
        report("b", "Kestpress", "Heavy snow fell across Lebanon on Monday, cutting off villages on Mount Lebanon.",
               "2032-01-10"),
    ])
    lebanon = [e for e in b.entities if "Lebanon" in e["name"]]
    assert len(lebanon) == 2, lebanon


def test_what_a_volcano_does_is_told_not_judged(briefing):
    """"Mount Kerath erupted", "the volcano spewed ash": a volcano's acts, not the outlet's colour ("violence erupted",
    "spewed venom" stay loaded)."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert "erupt" not in terms["wire"] and "spew" not in terms["local"], terms
    assert [t[2] for t in loaded_terms("Violence erupted in the capital, and the senator spewed venom.")] == \
        ["erupt", "spew"]
