"""A marathon world record (a story we wrote): the wire's report on race day, a sports paper's and a local paper's
the day after."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.annotate.quantities import tag_quantities
from newsweave.compose.framing import loaded_terms

WIRE = (
    "VALDER, April 12 (Meridian Press) - Kenyan runner Daniel Kipruto broke the marathon world record on Sunday, "
    "winning the Valder Marathon in 2:00:35 and taking 34 seconds off the mark set by compatriot Eliud Kamau in "
    "Berlin in 2041.\n\n"
    "Kipruto, 24, ran the second half of the race in 59 minutes and 40 seconds. \"I knew from 30 kilometres that the "
    "record was mine,\" he said.\n\n"
    "He earns a $250,000 record bonus on top of the $100,000 winner's prize, organisers said. Ethiopia's Tadesse "
    "Bekele was second in 2:02:11.")
SPORT = (
    "Daniel Kipruto has smashed the marathon world record, clocking two hours and 35 seconds in Valder on Sunday "
    "to eclipse Eliud Kamau's 2:01:09 from 2041.\n\n"
    "The 24-year-old pulled away from Tadesse Bekele after 30km and crossed the line more than a minute and a half "
    "ahead of the Ethiopian.\n\n"
    "Race director Ines Moll said about 28,000 runners had started the race, a record field.")
LOCAL = (
    "More than 30,000 runners took part in Sunday's Valder Marathon, where Kenya's Daniel Kipruto set a world record "
    "of 2:00:35.\n\n"
    "Streets in the city centre reopened on Monday morning after the race, the city council said.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2043-04-12", title="Kipruto breaks marathon world record"),
        report("sport", "Sport Daily", SPORT, "2043-04-13", title="Kipruto smashes record"),
        report("local", "Valder Gazette", LOCAL, "2043-04-13", title="Marathon day"),
    ])


def test_a_runners_country_and_an_old_records_city_are_not_where_the_race_was(briefing):
    """"Kenya's Daniel Kipruto set a world record" names his country, and "the mark set by Eliud Kamau in Berlin in
    2041" the old record's city: neither is a rival of the other for where the record fell."""
    assert not [d for d in briefing.disagreements if d["kind"] == "place"], briefing.disagreements


def test_the_race_is_an_event_by_its_name(briefing):
    race = [e for e in briefing.entities if e["name"] == "Valder Marathon"]
    assert [e["type"] for e in race] == ["EVENT"], briefing.entities


def test_an_old_records_year_dates_the_old_record_only(briefing):
    """"to eclipse Eliud Kamau's 2:01:09 from 2041": 2041 dates Kamau's time, not Sunday's race."""
    in_2041 = [t for t in briefing.timeline if t["date"] == "2041"]
    assert in_2041 and all("Kipruto" not in t["event"] for t in in_2041), briefing.timeline
    (race_day,) = [t for t in briefing.timeline if t["date"] == "2043-04-12"]
    assert set(race_day["sources"]) == {"wire", "sport", "local"}, race_day


def test_every_report_of_the_record_time_is_cited(briefing):
    """"in 2:00:35" / "two hours and 35 seconds" / "a world record of 2:00:35": one time, told three ways."""
    lead = briefing.summary[0]
    assert "2:00:35" in lead.text and set(lead.sources) == {"wire", "sport", "local"}, briefing.summary


@pytest.mark.parametrize("text, durations", [
    ("won in 2:00:35", [("2:00:35", 7235.0, "second")]),
    ("clocking two hours and 35 seconds", [("two hours and 35 seconds", 7235.0, "second")]),
    ("ran the second half in 59 minutes and 40 seconds", [("59 minutes and 40 seconds", 3580.0, "second")]),
    ("a lap of 1:32:15.125", [("1:32:15.125", 5535.125, "second")]),
    ("The blast came at 10:42:15 a.m.", []),
    ("The talks lasted five hours, and 40 minutes later police arrived.",
     [("five hours", 5.0, "hour"), ("40 minutes", 40.0, "minute")]),
])
def test_a_race_time_is_one_duration(text, durations):
    assert [(q.text, q.value, q.unit) for q in tag_quantities(text)] == durations


@pytest.mark.parametrize("text, loaded", [
    ("He earns a $250,000 record bonus.", []),
    ("Bosses are pocketing fat bonuses.", ["fat"]),
    ("Doctors measured his body fat.", []),
    ("She follows a low-fat diet.", []),
])
def test_a_bonus_is_plain_and_a_fat_one_is_not(text, loaded):
    assert [t[2] for t in loaded_terms(text)] == loaded


@pytest.mark.parametrize("a, b", [
    # a runner's country against the race's city
    ("Kenya's Daniel Kipruto won the Valder Marathon on Sunday in a course record time.",
     "Daniel Kipruto won the Valder Marathon on Sunday in Valder in a course record time."),
    # the city of an old record against the city of the new one
    ("Daniel Kipruto broke the world record on Sunday, beating the mark set in Berlin in 2041.",
     "Daniel Kipruto broke the world record on Sunday in Valder, beating the old mark."),
])
def test_a_place_that_is_not_the_events_is_no_rival_place(a, b):
    briefing = newsweave.brief([report("a", "X", a, "2043-04-12"), report("b", "Y", b, "2043-04-12")])
    assert not [d for d in briefing.disagreements if d["kind"] == "place"], briefing.disagreements
