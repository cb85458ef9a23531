"""An avalanche (a story we wrote): the wire's report, a paper that prints it under its own kicker, the resort's paper
the next day and a British paper. A toll that grew when a body was found, a copy that counts once, and people named
by their role."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value
WIRE = (
    "VALMORE, Feb 3 (Meridian Press) - An avalanche swept over a group of off-piste skiers near the resort of Valmore "
    "on Sunday afternoon, killing four people and injuring two, police said.\n\n"
    "The dead were two Britons, a German and a Dutch woman, police spokesman Luca Ferrand said. Rescuers with dogs "
    "searched the area for two more skiers who were believed to be missing.\n\n"
    "The regional avalanche warning service had rated the risk at 4 on a scale of 5 after heavy snowfall on Saturday.")
COPY = (
    "Tragedy on the slopes: four skiers dead in Valmore avalanche.\n\n"
    "An avalanche swept over a group of off-piste skiers near the resort of Valmore on Sunday afternoon, killing "
    "four people and injuring two, police said.\n\n"
    "The dead were two Britons, a German and a Dutch woman, police spokesman Luca Ferrand said. Rescuers with dogs "
    "searched the area for two more skiers who were believed to be missing.")
LOCAL = (
    "Five skiers died when a slab of snow broke loose above the Combe Noire run in Valmore on Sunday, the mountain "
    "rescue service said on Monday, after the body of a missing French skier was found overnight.\n\n"
    "One skier is still missing. The search resumed at first light on Monday with two helicopters.\n\n"
    "Mayor Claire Dupas said the off-piste area had been closed since Saturday and called the skiers' decision to go "
    "there \"reckless\".")
BRITISH = (
    "Two British skiers were among five people killed in an avalanche in the Alps on Sunday, the Foreign Office "
    "confirmed on Monday.\n\n"
    "The pair, from Leeds, were named locally as Tom and Sarah Whitlock. A Foreign Office spokesperson said it was "
    "supporting their family.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2047-02-03", title="Four killed in Valmore avalanche"),
        report("copy", "Daily Courier", COPY, "2047-02-03", title="Tragedy on the slopes"),
        report("local", "Valmore Echo", LOCAL, "2047-02-04", title="Avalanche toll rises to five"),
        report("british", "The Northern Post", BRITISH, "2047-02-04", title="Leeds couple killed in Alps avalanche"),
    ])


def test_the_toll_grew_when_a_body_was_found(briefing):
    """"killing four people" (the wire, Sunday, police) / "Five skiers died ..., the mountain rescue service said on
    Monday, after the body of a missing French skier was found overnight": the report says why the count moved, so two
    named sources' figures are an update; the wire's own wording, not only the kicker the copy put on it, is a position."""
    (dead,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert dead["status"] == "update", dead["explanation"]
    values = sources_by_value(dead)
    four = next(v for k, v in values.items() if k.startswith("four"))
    assert "wire" in four and values["Five skiers"] == ["local"], values


def test_an_unnamed_spokesperson_is_no_named_person_of_the_story(briefing):
    """"A Foreign Office spokesperson said it was supporting their family" is not police spokesman Luca Ferrand's."""
    (q,) = [q for q in briefing.quotes if "supporting their family" in q["text"]]
    assert q["speaker"] != "Luca Ferrand" and q["speaker_entity"] is None, q
    voices = {f["article"]: f["voices"] for f in briefing.framing}
    assert "Luca Ferrand" not in voices["british"], voices


def test_a_kicker_before_a_colon_is_no_speaker(briefing):
    """"Tragedy on the slopes: four skiers dead in Valmore avalanche." says no one's words."""
    assert not [q for q in briefing.quotes if q["speaker"] and "Tragedy" in q["speaker"]], briefing.quotes
    voices = {f["article"]: f["voices"] for f in briefing.framing}
    assert not [v for v in voices["copy"] if "Tragedy" in v], voices


def test_a_resort_is_a_place(briefing):
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert types["Valmore"] == "GPE", types


@pytest.mark.parametrize("text, counted", [
    ("One skier is still missing.", "skier"),
    ("One person was killed and two were injured.", "person"),
    ("One soldier died in the attack.", "soldier"),
    ("One resident told reporters the road was closed.", None),
    ("One of them died.", None),
    ("One more climber remains missing.", None),
])
def test_one_of_the_harmed_is_a_count(text, counted):
    from newsweave.annotate.quantities import tag_quantities

    found = [q.counted for q in tag_quantities(text) if q.value == 1]
    assert found == ([counted] if counted else []), found
