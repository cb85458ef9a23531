"""A pipeline blast (a story we wrote): the wire's report, a paper that writes names the Russian way, and a local paper
the next day. One city in three spellings, one governor in two, and one statement told twice."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
WIRE = (
    "QARAGHANDY, Aug 9 (Meridian Press) - An explosion on a gas pipeline operated by KazMunaiGaz near the city of "
    "Qaraghandy killed three workers on Tuesday and forced the evacuation of about 1,200 people from nearby villages, "
    "regional governor Yerlan Nurmagambetov said.\n\n"
    "\"The fire has been put out and there is no danger to residents,\" Nurmagambetov told reporters.")
RUSSIAN = (
    "Three people died after a gas pipeline belonging to KazMunayGas exploded outside Karaganda on Tuesday, "
    "governor Erlan Nurmagambetov said. Some 1,200 residents of two villages were moved to safety.\n\n"
    "Nurmagambetov said the fire had been extinguished and that residents were not in danger.")
LOCAL = (
    "Residents of Shakhan and Dolinka returned home on Wednesday, a day after the pipeline blast near Qaragandy that "
    "killed three men.\n\n"
    "KMG said it had opened an investigation into the cause of the explosion.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2050-08-09", title="Pipeline blast kills three"),
        report("russian", "Steppe News", RUSSIAN, "2050-08-09", title="Three dead in Karaganda pipeline explosion"),
        report("local", "Qaragandy Herald", LOCAL, "2050-08-10", title="Residents return after blast"),
    ])


def test_one_city_in_three_transliterations_is_one_place(briefing):
    """Qaraghandy / Qaragandy / Karaganda: q for k, gh for g, y for a, every edit one a transliteration makes."""
    (city,) = [e for e in briefing.entities if "Karaganda" in e["aliases"]]
    assert {"Qaraghandy", "Qaragandy"} <= set(city["aliases"]) and city["type"] == "GPE", city
    (governor,) = [e for e in briefing.entities if "Yerlan Nurmagambetov" in e["aliases"]]
    assert "Erlan Nurmagambetov" in governor["aliases"], governor


def test_the_second_of_two_villages_is_a_place(briefing):
    """"Residents of Shakhan and Dolinka returned home": both are villages, however the tagger read the second."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert types["Dolinka"] == "GPE" and types["Shakhan"] == "GPE", types


def test_one_statement_told_as_a_quote_and_as_reported_speech_is_told_once(briefing):
    """'"The fire has been put out and there is no danger to residents," Nurmagambetov told reporters' / "Nurmagambetov
    said the fire had been extinguished and that residents were not in danger": each cites the other; the summary tells
    it once."""
    told = [s for s in briefing.summary if "fire" in s.text]
    assert len(told) == 1 and sorted(told[0].sources) == ["russian", "wire"], [s.text for s in briefing.summary]


@pytest.mark.parametrize("a, b, same", [
    ("qaragandy", "karaganda", True),
    ("kowalski", "kowalska", True),
    ("hamilton", "hampton", False),
    ("kristiansand", "kristianstad", False),
])
def test_long_names_apart_by_soft_edits_only(a, b, same):
    from newsweave.annotate.entities import _budget_cost

    assert (_budget_cost(a, b) is not None) is same
