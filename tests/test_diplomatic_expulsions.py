"""Tit-for-tat expulsions of diplomats (a story we wrote): the wire's report of the first expulsion, the other
country's paper on its reply, a tabloid's, and the wire's next report."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "OSK, Ostmark, May 17 (Meridian Press) - Ostmark expelled 12 Varnian diplomats on Monday, accusing them of "
    "spying on its military, the foreign ministry said.\n\n"
    "The diplomats were given 72 hours to leave the country. Foreign Minister Elena Dravic said the group had "
    "tried to recruit officers at an air base near the town of Belsk.\n\n"
    "Varnia's embassy in Osk called the accusations \"absurd\" and said it would respond.")
VARNIAN = (
    "LEMBERG, May 18 (Varnia Today) - Varnia expelled 10 Ostmarkian diplomats on Tuesday in retaliation for "
    "Ostmark's expulsion of a dozen of its envoys a day earlier.\n\n"
    "\"We will not tolerate these provocations,\" Prime Minister Jonas Kell told parliament. He said Ostmark's "
    "claims of espionage were a fabrication meant to distract from its economic troubles.\n\n"
    "The Ostmarkian diplomats must leave by Friday.")
TABLOID = (
    "Ostmark has kicked out 15 Varnian spies posing as diplomats after a plot to bribe air force officers was "
    "uncovered at the Belsk base.\n\n"
    "The brazen spy ring had operated for years, security sources said.")
WIRE2 = (
    "OSK, Ostmark, May 19 (Meridian Press) - Ostmark summoned Varnia's ambassador on Wednesday after Varnia "
    "expelled 10 Ostmarkian diplomats, the foreign ministry said, in a widening row over spying allegations.\n\n"
    "Ostmark expelled 12 Varnian diplomats on Monday. Both countries have now closed their consulates in Belsk "
    "and Lemberg.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2038-05-17", title="Ostmark expels 12 Varnian diplomats over spying"),
        report("varnian", "Varnia Today", VARNIAN, "2038-05-18",
               title="Varnia hits back, expels 10 Ostmarkian diplomats"),
        report("tabloid", "Daily Beacon", TABLOID, "2038-05-18", title="SPIES OUT!"),
        report("wire2", "Meridian Press", WIRE2, "2038-05-19", title="Ostmark summons Varnian envoy as spy row widens"),
    ])


def test_a_day_someone_must_act_by_is_ahead(briefing):
    """"The Ostmarkian diplomats must leave by Friday" in a report of Tuesday 18 May: Friday 21 May, still to come,
    not the Friday before."""
    friday = [t for t in briefing.timeline if "must leave by Friday" in t["event"]]
    assert [(t["date"], t["status"]) for t in friday] == [("2038-05-21", "scheduled")], friday


@pytest.mark.parametrize("sentence, day", [
    ("The embassy has to close by Friday.", "2038-05-21"),
    ("The staff had to leave on Friday.", "2038-05-14"),
    ("They must have left on Friday.", "2038-05-14"),
])
def test_obligations_look_ahead_and_their_past_looks_back(sentence, day):
    b = newsweave.brief([report("a", "X", "Varnia expelled 10 diplomats on Tuesday. " + sentence, "2038-05-18")])
    dated = [t["date"] for t in b.timeline if sentence[:-1] in t["event"]]
    assert dated == [day], b.timeline


def test_two_countries_expulsions_are_no_rival_counts(briefing):
    """12 Varnian diplomats expelled by Ostmark and 10 Ostmarkian diplomats expelled by Varnia are two acts."""
    numbers = [d for d in briefing.disagreements if d["kind"] == "number"]
    assert not any({"12", "10"} <= {v for p in d["positions"] for v in p["value"].split()} for d in numbers), numbers


def test_what_the_writer_adds_after_the_attribution_is_not_the_sources(briefing):
    """"Ostmark summoned Varnia's ambassador ... after Varnia expelled 10 Ostmarkian diplomats, the foreign ministry
    said, in a widening row over spying allegations": the ministry said the first part; "in a widening row" is the
    wire's own framing, and the quote is no span that holds its own attribution."""
    ministry = [q for q in briefing.quotes if q["sources"] == ["wire2"] and q["speaker"] == "foreign ministry"]
    assert len(ministry) == 1, briefing.quotes
    assert ministry[0]["text"].endswith("expelled 10 Ostmarkian diplomats"), ministry[0]["text"]
