"""A hurricane told by a wire, a European outlet (in km/h), the local paper the next morning and the governor's
office (a story we wrote): a storm's peak winds against its winds that evening, a toll that rose "after three
people drowned", two events of one day at different times, a grade on a scale, a neighbouring state."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave

WIRE = ("PORT AVERY, Calder (CW) - Hurricane Mara made landfall near Port Avery at about 2 a.m. local time on Thursday "
        "as a Category 4 storm with maximum sustained winds of 140 mph, the National Hurricane Center said.\n\n"
        "Mara had strengthened from a Category 3 storm late on Wednesday as it crossed the warm waters of the Gulf.\n\n"
        "More than 1.2 million customers were without power across Calder and neighbouring Lessa by mid-morning.\n\n"
        "\"This is a life-threatening storm. Stay where you are,\" Governor Ruth Alder told residents.")
EUROPE = ("Hurricane Mara hit the US Gulf coast early on Thursday with winds of up to 225 km/h, knocking out power to "
          "more than a million homes and businesses.\n\nAt least two people died.\n\n"
          "Calder's governor, Ruth Alder, urged residents to stay indoors. \"This is a life-threatening storm,\" she said.")
LOCAL = ("Mara weakened to a tropical storm on Thursday evening as it moved inland over Lessa, with winds of 65 mph, "
         "forecasters said.\n\nThe death toll rose to five after three people drowned in floodwaters in the town of "
         "Kessler on Thursday afternoon, Calder's emergency management agency said.\n\n"
         "Governor Ruth Alder asked President Dana Whitfield to declare a major disaster.")


@pytest.fixture(scope="module")
def storm():
    return newsweave.brief([
        report("h1", "Continental Wire", WIRE, "2027-09-16T08:10:00-05:00"),
        report("h2", "Europa Today", EUROPE, "2027-09-16T17:45:00+02:00"),
        report("h3", "Port Avery Courier", LOCAL, "2027-09-17T06:30:00-05:00"),
    ])


def _values(d: dict) -> set[str]:
    return {p["value"] for p in d["positions"]}


def test_a_peak_given_as_a_bound_does_not_state_a_later_value(storm):
    """ "winds of up to 225 km/h" (the storm's peak at landfall) agrees with "65 mph" as bounds go, but does not
    state it: the evening's weakening is cited to the local paper alone."""
    for item in storm.summary:
        if "65 mph" in item.text:
            assert item.sources == ["h3"], (item.text, item.sources)
    from newsweave.align.facts import near_bound
    from newsweave.annotate.quantities import tag_quantities as qs

    assert not near_bound(qs("winds of up to 225 km/h")[0], qs("winds of 65 mph")[0])
    assert near_bound(qs("winds of up to 225 km/h")[0], qs("winds of 140 mph")[0])  # (the same peak in mph)
    assert near_bound(qs("At least two people died")[0], qs("Two people were killed")[0])
    from newsweave.compose.summary import _other_figures

    # (the summary's own check, for a wording the aligner linked anyway)
    assert _other_figures(qs("with winds of 65 mph"), qs("with winds of up to 225 km/h"))
    assert not _other_figures(qs("with winds of 140 mph"), qs("with winds of up to 225 km/h"))


def test_what_raised_a_toll_is_no_toll_and_the_toll_moved(storm):
    """ "The death toll rose to five after three people drowned": three counts those who raised it. The European
    outlet's "At least two people died" and the local paper's five, a report apart, share no statement, but name
    the same storm and governor: one story, one toll that moved."""
    dead = [d for d in storm.disagreements if "five" in _values(d)]
    assert dead and dead[0]["status"] == "update" and "At least two people" in _values(dead[0]), \
        [(d["subject"], _values(d)) for d in storm.disagreements]
    assert not [d for d in storm.disagreements if "three people" in _values(d)]


def test_two_events_of_one_day_at_other_times_stay_apart(storm):
    """Landfall "at about 2 a.m. ... on Thursday" and the weakening "on Thursday evening" read alike (a storm, its
    winds) but are two events."""
    thursday = [e for e in storm.timeline if str(e["date"]) == "2027-09-16"]
    weakened = [e for e in thursday if "weakened" in e["event"]]
    assert weakened and weakened[0]["sources"] == ["h3"], thursday
    assert not [e for e in thursday if "landfall" in e["event"] and "h3" in e["sources"]], thursday


def test_the_people_a_figure_after_after_counts_are_the_event(storm):
    """ "rose to five after three people drowned ... on Thursday afternoon": the parser reads "five after" as part
    of the figure; the afternoon's event is the drowning, told from "three people"."""
    drowned = [e for e in storm.timeline if "drowned" in e["event"]]
    assert drowned and drowned[0]["event"].lower().startswith("three people drowned"), drowned


def test_a_grade_is_no_name_and_a_neighbouring_state_is_a_place(storm):
    names = {e["name"]: e["type"] for e in storm.entities}
    assert not [n for n in names if n.startswith("Category")], names
    assert names.get("Lessa") == "GPE", names


def test_drowning_is_told_not_judged(storm):
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in storm.framing}
    assert "drowned" not in terms["h3"] and "drown" not in terms["h3"], terms["h3"]


def test_one_days_morning_and_evening_are_two_events():
    """Two events of one day that read alike but for the time ("on Saturday morning" / "again on Saturday
    evening") are two events, not one told twice."""
    b = newsweave.brief([
        report("m1", "Kelby Wire", "Police fired tear gas at farmers protesting against the fuel tax in central Kelby "
               "on Saturday morning.", "2027-03-06"),
        report("m2", "Ostrel Post", "Farmers protesting against the fuel tax clashed with police in central Kelby "
               "again on Saturday evening.", "2027-03-06"),
    ])
    saturday = [e for e in b.timeline if str(e["date"]) == "2027-03-06"]
    assert len(saturday) == 2, saturday
