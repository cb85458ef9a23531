"""A refinery blast (a story we wrote): a local radio's first report that no one was hurt, the wire's report of two
dead and nine injured the same day, and a paper's report the next day that the toll rose to three."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.annotate.dates import tag_timexes
from newsweave.annotate.quantities import tag_quantities

EARLY = (
    "A blast ripped through the Varnak oil refinery near Ostrun early on Monday, sending a column of black smoke over "
    "the city.\n\n"
    "No one was hurt, a spokeswoman for the plant's operator, Ostrun Petroleum, said. Firefighters brought the blaze "
    "under control within two hours.")
WIRE = (
    "OSTRUN, May 4 (Meridian Press) - Two workers were killed and nine injured in an explosion at the Varnak oil "
    "refinery near Ostrun on Monday, the regional governor said.\n\n"
    "The blast tore through a distillation unit shortly after 6 a.m., Governor Piet Halloran told reporters. Ostrun "
    "Petroleum said it had shut the refinery and opened an inquiry.")
NEXT_DAY = (
    "The death toll from Monday's explosion at the Varnak refinery rose to three on Tuesday after a worker died of "
    "his burns in hospital, Ostrun Petroleum said.\n\n"
    "Six of the injured remain in hospital, two of them in a serious condition.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("early", "Ostrun Radio", EARLY, "2043-05-04", title="Blast at Varnak refinery"),
        report("wire", "Meridian Press", WIRE, "2043-05-04", title="Two killed in Ostrun refinery blast"),
        report("next", "Ostrun Daily", NEXT_DAY, "2043-05-05", title="Refinery blast toll rises to three"),
    ])


@pytest.mark.parametrize("text, zero", [
    ("No one was hurt, the operator said.", ("No one", "people")),
    ("Nobody was seriously injured in the crash.", ("Nobody", "people")),
    ("There were no deaths, police said.", ("no deaths", "death")),
    ("No injuries were reported.", ("No injuries", "injury")),
    ("The company said it was not aware of any deaths linked to the fault.", ("not aware of any deaths", "death")),
    ("The ministry had no comment and no one was available to speak.", None),
    ("The firm has no plans to close the plant.", None),
])
def test_a_count_of_no_harm_is_a_count_of_none(text, zero):
    found = [(q.text, q.counted) for q in tag_quantities(text) if q.value == 0]
    assert found == ([zero] if zero else []), found


def test_no_one_hurt_against_nine_injured_is_a_disagreement(briefing):
    """"No one was hurt" (the operator, on the radio) / "nine injured" (the governor, on the wire): the same blast, the
    same day, none against nine."""
    injured = [d for d in briefing.disagreements if d["subject"] == "injured"]
    assert [[p["value"] for p in d["positions"]] for d in injured] == [["No one", "nine"]], briefing.disagreements


@pytest.mark.parametrize("a, b, status", [
    ("There were no deaths in the blast at the Ostrun refinery on Monday, police said.",
     "Two workers were killed in the blast at the Ostrun refinery on Monday.", "update"),
    ("The blast at the Ostrun refinery on Monday caused 12 deaths, police said.",
     "Fifteen people were killed in the blast at the Ostrun refinery on Monday.", "contradiction"),
])
def test_a_count_of_deaths_is_a_count_of_the_dead(a, b, status):
    """"no deaths" (Monday) and "Two workers were killed" (Tuesday): the toll moved from none to two; "caused 12
    deaths" and "Fifteen people were killed" the same day: two tolls of one blast."""
    brief = newsweave.brief([report("a", "X", a, "2043-05-04"),
                             report("b", "Y", b, "2043-05-05" if status == "update" else "2043-05-04")])
    dead = [d for d in brief.disagreements if d["subject"] == "dead"]
    assert [d["status"] for d in dead] == [status], brief.disagreements


def test_the_toll_rising_the_next_day_is_an_update(briefing):
    dead = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert [(d["status"], [p["value"] for p in d["positions"]]) for d in dead] == [
        ("update", ["Two workers", "three"])], briefing.disagreements


def test_a_days_event_named_after_from_is_that_day_gone_by(briefing):
    """"The death toll from Monday's explosion ... rose to three on Tuesday": the Monday gone by, not a Monday ahead
    ("water rationing from Monday" starts ahead; "Monday's explosion" happened)."""
    assert not [t for t in briefing.timeline if t["date"] > "2043-05-05"], briefing.timeline
    assert [t.value for t in tag_timexes("Residents face water rationing from Monday.", "2043-05-05")] == ["2043-05-11"]
