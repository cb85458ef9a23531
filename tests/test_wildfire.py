"""A wildfire told over two days by a wire, a European outlet (in hectares), the local paper and a tabloid (a
story we wrote): the area burned in acres and hectares, a conversion in brackets, containment named two ways,
houses and homes, and a summary piece that gives an area no other sentence gives."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave

WIRE = ("A fast-moving wildfire in the hills above Brask Falls had burned 12,400 acres (5,018 hectares) by Tuesday "
        "morning and forced about 3,200 people from their homes, fire officials said.\n\n"
        "The Cedar Ridge fire was 10% contained, the Norvale Department of Forestry said in its morning update.\n\n"
        "Forty-one homes had been destroyed, the department said. No deaths have been reported.")
EUROPE = ("A wildfire in the US state of Norvale has scorched about 5,000 hectares of forest and scrub, officials said "
          "on Tuesday.\n\nMore than 3,000 people have been evacuated from Brask Falls and surrounding villages. The fire, "
          "which broke out on Sunday, has destroyed 41 houses.")
LOCAL = ("The Cedar Ridge fire grew to 14,000 acres on Wednesday, but calmer winds let crews push containment to 25%, "
         "the Norvale Department of Forestry said in its evening update.\n\n"
         "The number of homes destroyed rose to 57 as damage inspectors reached the Pine Hollow neighbourhood, where "
         "residents said they had less than 20 minutes to flee on Sunday evening.")
TABLOID = ("A hellish inferno has devoured a staggering 20,000 acres of Norvale countryside, leaving terrified families "
           "homeless while bungling state officials dithered.")


@pytest.fixture(scope="module")
def fire():
    return newsweave.brief([
        report("w1", "Continental Wire", WIRE, "2027-08-10T07:45:00-07:00"),
        report("w2", "Europa Today", EUROPE, "2027-08-11T10:30:00+02:00"),
        report("w3", "Brask Falls Register", LOCAL, "2027-08-11T18:05:00-07:00"),
        report("w4", "The Daily Flare", TABLOID, "2027-08-11T21:00:00+01:00"),
    ])


def _values(d: dict) -> set[str]:
    return {p["value"] for p in d["positions"]}


def _show(b) -> list:
    return [(d["subject"], d["status"], _values(d)) for d in b.disagreements]


def test_the_area_burned_in_other_words_is_one_count_that_grew(fire):
    """ "had burned 12,400 acres" (Tuesday) / "grew to 14,000 acres" (Wednesday): the two reports share no other
    statement and word the area differently, yet it is one area burned, and it grew."""
    grew = [d for d in fire.disagreements if {"12,400 acres", "14,000 acres"} <= _values(d)]
    assert grew and grew[0]["status"] == "update" and grew[0]["subject"].startswith("area"), _show(fire)


def test_a_conversion_in_brackets_is_the_same_figure(fire):
    """ "12,400 acres (5,018 hectares)" gives one figure twice: not a second position of the wire's (which had
    made the report ambiguous and dropped the whole finding), and "about 5,000 hectares" agrees with it."""
    for d in fire.disagreements:
        assert "5,018 hectares" not in _values(d), _show(fire)
        assert "about 5,000 hectares" not in _values(d), _show(fire)


def test_containment_named_two_ways_is_one_share(fire):
    """ "was 10% contained" / "push containment to 25%": one share, which moved."""
    share = [d for d in fire.disagreements if {"10%", "25%"} <= _values(d)]
    assert share and share[0]["subject"] == "containment" and share[0]["status"] == "update", _show(fire)


def test_houses_and_homes_are_one_count(fire):
    """ "Forty-one homes" / "41 houses" agree, and both were overtaken by 57: one item, not one per noun."""
    homes = [d for d in fire.disagreements if "57" in _values(d)]
    assert len(homes) == 1, _show(fire)
    assert {"Forty-one homes", "57"} <= _values(homes[0])
    assert {e["article"] for p in homes[0]["positions"] for e in p["evidence"]} >= {"w1", "w2", "w3"}


def test_a_piece_that_gives_an_area_is_cited_only_to_reports_that_give_one(fire):
    """The piece "The Cedar Ridge fire grew to 14,000 acres on Wednesday" is cut from a sentence that also tells
    of containment and of the department's evening update; the wire's "The Cedar Ridge fire was 10% contained,
    the department said in its morning update" reads like that sentence but says nothing of the area."""
    for item in fire.summary:
        if "14,000 acres" in item.text:
            assert item.sources == ["w3"], (item.text, item.sources)


def test_other_areas_in_a_theme_are_not_compared():
    """Only an area a fire or a flood struck is one area across wordings: "14,400 acres of bogs" and "a campus on
    about 250 acres" measure two things."""
    b = newsweave.brief([
        report("t1", "Farm Weekly", "With 14,400 acres of bogs, Norvale is the second-largest grower of cranberries in "
               "the country, officials said on Monday.", "2027-09-06"),
        report("t2", "Valley News", "The research station, on about 250 acres, grows cranberries for the state's "
               "growers, officials said on Monday.", "2027-09-06"),
    ])
    assert not [d for d in b.disagreements if d["kind"] == "number"], _show(b)
