"""A wildfire told over two days by a wire, a European outlet (in hectares), the local paper and a tabloid (a
story we wrote): the area burned in acres and hectares, a conversion in brackets, containment named two ways,
houses and homes, and a summary piece that gives an area no other sentence gives."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave

WIRE = ("A fast-moving wildfire in the hills above Brask Falls had burned 12,400 acres (5,018 hectares) by Tuesday "
        "morning and forced about 3,200 people from their homes, fire officials said.\n\n"
        "The Cedar Ridge fire was 10% contained, the Norvale Department of Forestry said in its morning update. It "
        "started on Sunday afternoon near a campground on Route 9, and investigators have not said what caused it.\n\n"
        "Forty-one homes had been destroyed, the department said. No deaths have been reported.")
EUROPE = ("A wildfire in the US state of Norvale has scorched about 5,000 hectares of forest and scrub, officials said "
          "on Tuesday.\n\nMore than 3,000 people have been evacuated from Brask Falls and surrounding villages. The fire, "
          "which broke out on Sunday, has destroyed 41 houses.")
LOCAL = ("The Cedar Ridge fire grew to 14,000 acres on Wednesday, but calmer winds let crews push containment to 25%, "
         "the Norvale Department of Forestry said in its evening update.\n\n"
         "The number of homes destroyed rose to 57 as damage inspectors reached the Pine Hollow neighbourhood, where "
         "residents said they had less than 20 minutes to flee on Sunday evening.\n\n"
         "Two firefighters suffered minor burns on Wednesday afternoon, the department said.\n\n"
         "Division Chief Marta Okafor said the fire was started by a campfire that was not fully put out. \"This was "
         "preventable,\" she said.")
TABLOID = ("A hellish inferno has devoured a staggering 20,000 acres of Norvale countryside, leaving terrified families "
           "homeless while bungling state officials dithered.\n\nFire chief Marta Okafor admitted: \"This was "
           "preventable.\"\n\nFurious residents slammed the state for cutting the forestry budget last year.")


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


def test_one_speakers_short_quote_in_two_reports_is_one_quote(fire):
    """ "This was preventable," she said (the local paper) / admitted: "This was preventable." (the tabloid): one
    quote of Marta Okafor with both sources, though three words are too few to match a quote by its words."""
    same = [q for q in fire.quotes if "preventable" in q["text"]]
    assert len(same) == 1 and set(same[0]["sources"]) == {"w3", "w4"}, same


def test_what_no_one_said_is_no_quote(fire):
    """ "investigators have not said what caused it": the investigators said nothing."""
    assert not [q for q in fire.quotes if "caused it" in q["text"]], [q["text"] for q in fire.quotes]


def test_verdicts_on_officials_and_hype_are_loaded_and_plain_verbs_are_not(fire):
    """The tabloid's "bungling", "dithered", "devoured" and "inferno" are loaded; the local paper's "suffered minor
    burns" and the tabloid's "for cutting the forestry budget" are plain words."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in fire.framing}
    assert {"bungling", "dither", "devour", "inferno"} <= terms["w4"], terms["w4"]
    assert not {"suffered", "cutting"} & (terms["w3"] | terms["w4"]), terms


def test_a_town_named_for_a_feature_and_a_state_named_once_are_places(fire):
    """ "Brask Falls" is a town ("Falls", as in Sioux Falls), not an organisation; "the US state of Norvale" says
    Norvale is a place, though the tagger calls it a facility elsewhere."""
    types = {e["name"]: e["type"] for e in fire.entities}
    assert types.get("Brask Falls") == "GPE" and types.get("Norvale") == "GPE", types


def test_a_dates_noun_phrase_is_compared_with_other_events_by_itself(fire):
    """ "The fire, which broke out on Sunday, has destroyed 41 houses" and "... the neighbourhood, where residents
    said they had less than 20 minutes to flee on Sunday evening" read alike as sentences (both tell of homes
    lost); their Sunday events, the fire's start and the residents' flight, are two events."""
    sunday = [e for e in fire.timeline if str(e["date"]) == "2027-08-08"]
    fled = [e for e in sunday if "flee" in e["event"]]
    assert len(fled) == 1 and fled[0]["sources"] == ["w3"], sunday
    assert [e for e in sunday if "broke out" in e["event"] and e["sources"] == ["w2"]], sunday


def test_a_title_word_is_no_organisation():
    """ "Division" of "Division Chief Marta Okafor" opens a title, in every report that names it."""
    b = newsweave.brief([
        report("t1", "Continental Wire", "\"The wind is not giving us a break,\" said Division Chief Marta Okafor. "
               "Evacuation orders for about 1,100 residents east of Route 9 were lifted on Wednesday.", "2027-08-11"),
        report("t2", "Brask Falls Register", "Division Chief Marta Okafor said the fire was started by a campfire. "
               "Roughly 2,100 people living east of Route 9 remain under orders to leave.", "2027-08-11"),
    ])
    types = {e["name"]: e["type"] for e in b.entities}
    assert "Division" not in types, types
    assert types.get("Marta Okafor") == "PERSON", types


def test_a_value_a_later_report_replaced_gives_way_to_the_latest_in_the_summary():
    """The wire's "The Cedar Ridge fire was 10% contained" (Tuesday morning) was replaced by the local paper's
    "calmer winds let crews push containment to 25%" (Wednesday evening): the summary tells the latest, though the
    two wordings are of different facts (one also tells the fire's growth)."""
    b = newsweave.brief([
        report("w1", "Continental Wire", WIRE, "2027-08-10T07:45:00-07:00"),
        report("w2", "Europa Today", EUROPE, "2027-08-11T10:30:00+02:00"),
        report("w3", "Brask Falls Register", LOCAL, "2027-08-11T18:05:00-07:00"),
    ], words=80)
    texts = [i.text for i in b.summary]
    assert not [t for t in texts if "10% contained" in t], texts
