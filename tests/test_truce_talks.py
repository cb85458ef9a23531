"""Truce talks (a story we wrote) told by a wire, each side's paper and the wire's next report: talks set for Monday
and then postponed to Thursday, a city spelled two ways (Geneva / Genève), and a toll one side's paper gives in
lives."""

from __future__ import annotations

import pytest

import newsweave
from conftest import sources_by_value as _values
from newsweave.model import Article

WIRE = (
    "GENEVA, April 8 (Meridian Press) - Ostmark and Varnia agreed on Friday to hold talks on a ceasefire in Geneva on "
    "Monday, the first direct negotiations since fighting broke out along their border in January, Swiss mediators "
    "said.\n\n"
    "The two sides will also exchange prisoners, with Ostmark releasing 50 Varnian soldiers and Varnia freeing 35 "
    "Ostmarkian troops, the mediators said.\n\n"
    "The fighting has killed at least 1,200 people and driven more than 90,000 from their homes, according to United "
    "Nations estimates.")
OSTMARK = (
    "Facing defeat on the battlefield, the Varnian regime has finally agreed to negotiate, and talks on a ceasefire "
    "will open in Genève on Monday, the foreign ministry said.\n\n"
    "The unprovoked Varnian invasion has cost at least 1,200 lives since January.")
VARNIA = (
    "Varnia will attend ceasefire talks in Geneva on Monday after Ostmark dropped its demand that Varnian forces "
    "first withdraw from the Ketta valley, chief negotiator Dmitri Orlov said.")
UPDATE = (
    "GENEVA, April 10 (Meridian Press) - Ceasefire talks between Ostmark and Varnia that were due to begin in Geneva "
    "on Monday have been postponed to Thursday, the Swiss foreign ministry said on Sunday, citing \"logistical "
    "reasons\".\n\n"
    "The prisoner exchange, in which Ostmark is to free 50 Varnian soldiers and Varnia 35 Ostmarkian troops, will go "
    "ahead on Tuesday at the Kessel border crossing, the International Committee of the Red Cross said.\n\n"
    "The United Nations said on Sunday that the fighting had now killed at least 1,350 people.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2033-04-08", text=WIRE),
        Article(id="ostmark", source="ostmark", outlet="Ostmark Today", published="2033-04-09", text=OSTMARK),
        Article(id="varnia", source="varnia", outlet="Varnia Herald", published="2033-04-09", text=VARNIA),
        Article(id="update", source="update", outlet="Meridian Press", published="2033-04-10", text=UPDATE),
    ])



def test_talks_postponed_to_another_day_are_an_update_of_the_day(briefing):
    """ "talks ... in Geneva on Monday" (three reports) / "were due to begin in Geneva on Monday have been postponed
    to Thursday": the report of the move gives the day moved to (its Monday is the day moved from, the Monday ahead
    of Sunday's report, not the one before)."""
    (item,) = [d for d in briefing.disagreements if d["kind"] == "date"]
    assert item["status"] == "update", item["explanation"]
    assert _values(item) == {"Monday": ["ostmark", "varnia", "wire"], "Thursday": ["update"]}, item["positions"]


def test_a_name_in_an_aside_on_another_noun_is_not_what_the_day_dates(briefing):
    """ "The prisoner exchange, in which Ostmark is to free 50 Varnian soldiers and Varnia 35 Ostmarkian troops, will go
    ahead on Tuesday": Tuesday is the exchange's day, not a day of Varnia's against "Varnia will attend ceasefire talks
    in Geneva on Monday" (with Varnia a land, a place, such days were compared)."""
    assert [d["subject"] for d in briefing.disagreements if d["kind"] == "date"] == ["Geneva"], briefing.disagreements


def test_lands_the_story_names_peoples_of_are_places(briefing):
    """ "Varnia" (tagged an organisation) and "Ostmark" (tagged a person), whose people the reports call "Varnian" and
    "Ostmarkian", are places, as a country the gazetteer lists is."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert types["Varnia"] == "GPE" and types["Ostmark"] == "GPE", types


def test_a_citys_own_spelling_is_the_city(briefing):
    (city,) = [e for e in briefing.entities if e["name"] == "Geneva"]
    assert "Genève" in city["aliases"] and len(city["sources"]) == 4, city


def test_lives_a_war_cost_are_its_dead(briefing):
    """ "has cost at least 1,200 lives" counts people as the wire's "has killed at least 1,200 people" does, and is no
    rival of it or of the next report's 1,350, which updates it."""
    (item,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert item["status"] == "update"
    values = _values(item)
    # (the Ostmark paper's wording reads too unlike the wire's, 0.39, for its agreeing figure to be listed with it)
    assert sorted(values) == ["at least 1,200 people", "at least 1,350 people"] and values["at least 1,350 people"] == [
        "update"] and "wire" in values["at least 1,200 people"], item


@pytest.mark.parametrize("text, low, high", [
    ("Varnia will hand over 35 Ostmarkian soldiers.", 35, 35),  # the verb's particle
    ("The rebels handed over 12 hostages on Friday.", 12, 12),
    ("The fighting killed over 35 people.", 35, None),  # more than 35
    ("Passengers were given over 200 euros each.", 200, None),
])
def test_a_verbs_over_is_no_lower_bound(text, low, high):
    from newsweave.annotate.quantities import tag_quantities

    (q,) = tag_quantities(text)
    assert (q.low, q.high) == (low, high), q


def test_a_timeline_phrase_starts_after_the_verbs_over_and_talks_agreed_for_monday_are_ahead():
    """ "Varnia will hand over 35 Ostmarkian soldiers captured in the January offensive": the timeline's January event
    is "35 Ostmarkian soldiers captured ...", not "over 35 ..." (more than 35). "agreed on Friday to hold talks ... on
    Monday, Swiss mediators said": the Monday after the Friday (the attribution's "said" is no tense of the talks)."""
    b = newsweave.brief([
        Article(id="v", source="v", outlet="Varnia Herald", published="2033-04-09",
                text="Varnia will attend ceasefire talks in Geneva on Monday after Ostmark dropped its demand that "
                     "Varnian forces first withdraw from the Ketta valley, chief negotiator Dmitri Orlov said.\n\n"
                     "Under the deal, Varnia will hand over 35 Ostmarkian soldiers captured in the January offensive, "
                     "while Ostmark frees 48 of our servicemen."),
        Article(id="w", source="w", outlet="Meridian Press", published="2033-04-08",
                text="Ostmark and Varnia agreed on Friday to hold talks on a ceasefire in Geneva on Monday, Swiss "
                     "mediators said.\n\nThe two sides will also exchange prisoners, with Ostmark releasing 50 Varnian "
                     "soldiers and Varnia freeing 35 Ostmarkian troops, the mediators said."),
    ])
    shown = [(e["date"], e["event"]) for e in b.timeline]
    january = [e for d, e in shown if d == "2033-01"]
    assert january and not [e for e in january if e.lower().startswith("over")], shown
    assert not [d for d, e in shown if d < "2033-04-08" and "hold talks" in e], shown


@pytest.mark.parametrize("text, counted", [
    ("The war has cost at least 1,200 lives since January.", "people"),
    ("Malaria claims about one million lives in Africa each year.", "people"),
    ("More than 500,000 lives could be saved each year with bed nets.", "life"),  # lives saved: no toll
])
def test_lives_taken_are_people_counted_and_lives_saved_are_not(text, counted):
    import dataclasses

    from newsweave.align.disagreements import _with_counted
    from newsweave.annotate.quantities import tag_quantities

    (q,) = tag_quantities(text)
    at = text.index("lives")
    # (the counted noun as the annotate stage reads it from the parse: "lives", lemma "life")
    q = dataclasses.replace(q, counted="life", counted_start=at, counted_end=at + len("lives"))
    assert _with_counted(q, text).counted == counted


@pytest.mark.parametrize("text, loaded", [
    ("The two sides will exchange prisoners, with Ostmark releasing 50 soldiers and Varnia freeing 35 troops.", []),
    ("Varnia will hand over 35 soldiers captured in the January offensive, while Ostmark frees 48.", []),
    ("The army launched an offensive against the rebels.", []),  # a military push, no judgement
    ("He made an offensive remark.", ["offensive"]),
    ("The remarks were offensive.", ["offensive"]),
])
def test_a_wars_words_are_no_colour(text, loaded):
    from newsweave.compose.framing import loaded_terms

    assert [t[2] for t in loaded_terms(text)] == loaded
