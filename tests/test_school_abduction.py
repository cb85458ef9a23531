"""Pupils abducted from a school (a story we wrote): the wire's first report, a local paper's, and the wire's reports of
an escape and of the release."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "KAMORA, Dovenia, Feb 14 (Meridian Press) - Gunmen abducted 287 pupils from a boarding school in the village of "
    "Ulari in northern Dovenia early on Thursday, police said.\n\n"
    "The attackers arrived on motorcycles shortly after midnight and forced the children into the forest, a police "
    "spokesman, Musa Bello, said. A guard was killed.\n\n"
    "No group has claimed responsibility.")
LOCAL = (
    "Parents in Ulari say more than 300 children were taken from the Government Girls Secondary School on Thursday, "
    "and accuse the authorities of playing down the number.\n\n"
    "\"My two daughters are gone. The police are lying about how many,\" said Amina Garba, a trader.\n\n"
    "State governor Ibrahim Sule said on Thursday that security forces were searching the forest.")
WIRE2 = (
    "KAMORA, Dovenia, Feb 15 (Meridian Press) - Twenty-eight of the 287 pupils abducted from a school in Ulari on "
    "Thursday escaped from their captors and walked back to the village on Friday, police said, leaving 259 still "
    "held.\n\n"
    "Governor Ibrahim Sule said negotiations with the kidnappers had begun.")
WIRE3 = (
    "KAMORA, Dovenia, Feb 17 (Meridian Press) - All the remaining schoolgirls abducted from Ulari were freed on "
    "Sunday, Governor Ibrahim Sule said, three days after gunmen stormed their school.\n\n"
    "Sule said no ransom had been paid. Police said 259 girls had been handed over to officials in the town of "
    "Kamora.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2036-02-14", title="Gunmen abduct 287 pupils in Dovenia"),
        report("local", "Ulari Voice", LOCAL, "2036-02-15", title="Parents say over 300 girls taken"),
        report("wire2", "Meridian Press", WIRE2, "2036-02-15", title="28 abducted Dovenian pupils escape"),
        report("wire3", "Meridian Press", WIRE3, "2036-02-17", title="Abducted Dovenian schoolgirls freed"),
    ])


def test_the_day_of_the_release_is_no_rival_of_the_day_of_the_abduction(briefing):
    """"Gunmen abducted 287 pupils from a boarding school in the village of Ulari ... on Thursday" / "All the remaining
    schoolgirls abducted from Ulari were freed on Sunday": "abducted" there only says which girls; Sunday is the day
    they were freed, another event at the same place."""
    dates = [d for d in briefing.disagreements if d["kind"] == "date"]
    assert not dates, [(d["subject"], [p["value"] for p in d["positions"]]) for d in dates]
    days = {t["date"] for t in briefing.timeline}
    assert {"2036-02-14", "2036-02-17"} <= days, days


def test_one_outlets_two_reports_are_no_copy_by_another(briefing):
    """The wire's report of the escape tells its first report's abduction again: one source, in two reports of one
    outlet, not "copied by 1 other"."""
    from newsweave.render import render

    md = render(briefing, "md")
    assert "single source, in 2 reports of one outlet" in md and "copied by 1 other" not in md


def test_a_report_of_the_abduction_alone_is_no_source_of_the_escape(briefing):
    """"Twenty-eight of the 287 pupils abducted ... escaped ..., leaving 259 still held" is stated by the report of the
    escape; the first report gives the 287 pupils, not the 28 who escaped, so it is not cited for it."""
    items = [s for s in briefing.summary if "escaped" in s.text]
    assert items and all(s.sources == ["wire2"] for s in items), items
