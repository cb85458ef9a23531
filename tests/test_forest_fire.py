"""A forest fire (a story we wrote) told over two days by a wire, a copy of it, an American paper that gives the area in
acres and the heat in Fahrenheit, the local paper of the next morning and a tabloid: an area burned, a count of
people made to leave their homes and a toll of firefighters that each grow from one day's reports to the next, a
day a count stood at ("by Wednesday morning") beside the day the fire began ("since Sunday"), and a visit the wire
says was due on the day after its report."""

from __future__ import annotations

import pytest

import newsweave
from conftest import sources_by_value as _values
from newsweave.model import Article

WIRE = (
    "VALMORA, Aug 12 (Meridian Press) - A wildfire fanned by strong winds has burned more than 12,000 hectares "
    "(29,650 acres) of pine forest in the hills north of Valmora since Sunday, forcing about 8,000 people to leave "
    "their homes, officials said on Tuesday.\n\n"
    "Two firefighters died on Monday when their truck was caught by the flames near the village of Sant Quirze, "
    "the regional civil protection agency said.\n\n"
    "Temperatures reached 44 degrees Celsius (111 degrees Fahrenheit) in Valmora on Monday, the national weather "
    "service said, and gusts of up to 70 km/h (43 mph) drove the fire south.\n\n"
    "More than 600 firefighters, backed by 14 water-bombing aircraft, were fighting the blaze, agency chief Marta "
    'Oller told reporters. "The next 48 hours will be decisive," she said.\n\n'
    "Prime Minister Jordi Castells cut short his holiday and was due to visit the area on Wednesday.")
LEDGER = (
    "A fast-moving wildfire in northern Estoria has scorched nearly 30,000 acres of forest since Sunday and driven "
    "some 8,000 residents from their homes, as temperatures topping 110 degrees Fahrenheit baked the region.\n\n"
    "Two firefighters were killed on Monday when flames engulfed their fire truck near Sant Quirze, a village about "
    "25 miles north of Valmora, officials said.\n\n"
    "Winds gusting to more than 40 miles per hour pushed the fire toward the outskirts of the city, according to "
    "the civil protection agency.\n\n"
    "Scientists say heat waves in southern Europe have become longer and hotter as the climate warms.")
COURIER = (
    "The fire in the hills north of Valmora had burned 15,000 hectares by Wednesday morning, the civil protection "
    "agency said, and a third firefighter died in hospital overnight from burns suffered on Monday.\n\n"
    "About 12,500 people have now been evacuated, including the residents of two care homes in Sant Quirze, agency "
    "chief Marta Oller said.\n\n"
    "Prime Minister Jordi Castells visited the command post in Valmora on Wednesday and promised 200 million euros "
    'in aid for the area. "No family will be left alone," he said.\n\n'
    "Firefighters said cooler air on Wednesday night could help them contain the northern flank.")
TABLOID = (
    "An apocalyptic inferno has devoured as many as 20,000 hectares of Estoria's forests, according to the "
    "firefighters' union, while bungling officials dithered for hours before calling in aircraft.\n\n"
    "The union said the true area was far larger than the agency's figures admit. \"They waited until the whole "
    'hillside was on fire," union leader Pau Serra said.\n\n'
    "Three brave firefighters have now lost their lives in the blaze.")
COPY = (
    "A wildfire fanned by strong winds has burned more than 12,000 hectares of pine forest in the hills north of "
    "Valmora since Sunday, forcing about 8,000 people to leave their homes, officials said on Tuesday.\n\n"
    "Two firefighters died on Monday when their truck was caught by the flames near the village of Sant Quirze, "
    "the regional civil protection agency said.\n\n"
    "More than 600 firefighters, backed by 14 water-bombing aircraft, were fighting the blaze.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2031-08-12", text=WIRE),
        Article(id="ledger", source="ledger", outlet="Atlantic Ledger", published="2031-08-12", text=LEDGER),
        Article(id="courier", source="courier", outlet="Valmora Courier", published="2031-08-13", text=COURIER),
        Article(id="tabloid", source="tabloid", outlet="The Daily Clarion", published="2031-08-13", text=TABLOID),
        Article(id="copy", source="copy", outlet="Southern Daily News", published="2031-08-12", text=COPY),
    ])


def _numbers(briefing, subject):
    return [d for d in briefing.disagreements if d["kind"] == "number" and d["subject"] == subject]



def test_the_day_a_count_stood_is_not_the_day_the_fire_began(briefing):
    """ "has burned more than 12,000 hectares ... since Sunday" / "had burned 15,000 hectares by Wednesday
    morning": Wednesday morning is when the count stood, no rival of the day the fire began."""
    dates = [d for d in briefing.disagreements if d["kind"] == "date"]
    assert not dates, [(d["subject"], [p["value"] for p in d["positions"]]) for d in dates]


def test_an_area_burned_that_grows_by_the_next_day_is_an_update(briefing):
    """ "more than 12,000 hectares" (Tuesday) / "15,000 hectares by Wednesday morning": the bound still holds, but
    the fire grew; the same area in acres ("nearly 30,000 acres") is no rival of it."""
    (item,) = _numbers(briefing, "area burned")
    assert item["status"] == "update", item["explanation"]
    assert _values(item) == {"more than 12,000 hectares": ["copy", "wire"], "15,000 hectares": ["courier"]}, item
    assert not [d for d in briefing.disagreements
                if any("30,000 acres" in p["value"] for p in d["positions"]) and d["status"] != "update"]


def test_people_made_to_leave_their_homes_are_the_displaced(briefing):
    """ "forcing about 8,000 people to leave their homes" (Tuesday) / "About 12,500 people have now been evacuated,
    including the residents of two care homes in Sant Quirze" (Wednesday): one count, updated ("have now"); the
    village named for a part of the evacuated does not make the count another place's."""
    (item,) = _numbers(briefing, "displaced")
    assert item["status"] == "update", item["explanation"]
    values = _values(item)
    assert values["about 8,000 people"][0] == "wire" and values["About 12,500 people"] == ["courier"], values


def test_firefighters_who_lost_their_lives_are_the_dead(briefing):
    """ "Two firefighters died on Monday" / "Three brave firefighters have now lost their lives": a toll that rose."""
    (item,) = _numbers(briefing, "dead")
    assert item["status"] == "update", item["explanation"]
    assert list(_values(item)) == ["Two firefighters", "Three brave firefighters"], item["positions"]


@pytest.mark.parametrize("text, published, value", [
    # the wire's past of a plan is still ahead of its report ...
    ("Prime Minister Jordi Castells cut short his holiday and was due to visit the area on Wednesday.",
     "2031-08-12", "2031-08-13"),
    # ... and a plan the report undoes is a day set for an act: mostly ahead (a Sunday's report), unless the report
    # comes just after it (a Saturday's)
    ("Talks that were due to begin on Monday have been postponed to Thursday.", "2033-04-10", "2033-04-11"),
    ("Talks that were due to begin on Friday have been postponed to Monday.", "2033-04-09", "2033-04-08"),
])
def test_a_plan_told_as_due_is_ahead_of_the_report(text, published, value):
    from newsweave.annotate.dates import tag_dates

    days = [t["value"] for t in tag_dates(text, published) if t["type"] == "DATE"]
    assert days[0] == value, days


def test_the_visit_is_on_the_timeline_the_day_after_the_wire(briefing):
    days = {e["date"] for e in briefing.timeline if "was due to visit" in e["event"]}
    assert days == {"2031-08-13"}, [(e["date"], e["event"][:60]) for e in briefing.timeline]


def test_the_summary_tells_the_area_as_it_stands(briefing):
    """The lead's "more than 12,000 hectares" is told, and so is the next morning's "15,000 hectares": the count as
    it stands is news the first figure is not."""
    texts = [s.text for s in briefing.summary]
    assert any("15,000 hectares" in t for t in texts), texts
    assert not [t for t in texts if "inferno" in t or "bungling" in t], texts


def test_an_item_of_two_updates_names_them_once(briefing):
    """The lead states values of two updates (the area, the displaced): "updated: D1, D2", each id a link, in every
    format."""
    import re

    from newsweave.render import render

    (lead,) = [s for s in briefing.summary if "12,000 hectares" in s.text]
    ids = sorted(lead.disputed)
    assert len(ids) == 2, lead.disputed
    page = render(briefing, "html")
    assert re.search(rf'updated: <a href="#[^"]+">{ids[0]}</a>, <a href="#[^"]+">{ids[1]}</a>', page)
    assert f"updated: {ids[0]}, {ids[1]}" in render(briefing, "md") and f"updated: {ids[0]}, {ids[1]}" in render(briefing, "text")
