"""A dam burst and an airline strike, each told by several reports (stories we wrote): increments of a toll, a
missing count that moves over three reports, a vague count that holds an exact one, rates against totals, the
whole a share is taken of, and a sentence that dates two things."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave


@pytest.fixture(scope="module")
def flood():
    return newsweave.brief([
        report("f1", "Continental Wire", "Flash floods killed at least 14 people in northern Veloria after a dam above the town "
            "of Sanmarin gave way early on Monday, the interior ministry said.\n\nThirty-eight people were still missing on "
            "Monday evening.", "2027-06-14T09:20:00+02:00"),
        report("f2", "Veloria Free Voice", "The death toll from the dam burst in Sanmarin rose to 17 on Monday evening after "
            "rescuers pulled three more bodies from the mud, the mayor said.\n\nDozens of people remain missing.",
            "2027-06-14T18:30:00+02:00"),
        report("f3", "Global News Desk", "At least 17 people died when a dam above the town of Sanmarin in northern Veloria "
            "burst early on Monday, officials said.\n\nThirty-five people were still missing on Tuesday morning, the interior "
            "ministry said, down from 38 the previous evening.", "2027-06-15T07:10:00+00:00"),
        report("f4", "Evening Standard-Bearer", "Veloria began three days of national mourning on Wednesday for the 19 people "
            "killed when a dam burst above the town of Sanmarin on Monday, after two more bodies were found downstream on "
            "Tuesday.\n\nThe interior minister told parliament on Tuesday that 31 people were still missing.",
            "2027-06-16T20:00:00+02:00"),
    ])


def _values(d: dict) -> set[str]:
    return {p["value"] for p in d["positions"]}


def test_a_sentence_that_also_gives_the_other_reports_day_does_not_deny_it(flood):
    """ "began three days of mourning on Wednesday for the 19 killed when a dam burst ... on Monday" tells the
    burst's Monday too: no date disagreement over Veloria or Sanmarin."""
    assert not [d for d in flood.disagreements if d["kind"] == "date"], \
        [(d["subject"], _values(d)) for d in flood.disagreements if d["kind"] == "date"]


def test_increments_of_a_toll_are_no_rival_counts(flood):
    """ "three more bodies" / "two more bodies" add to the toll; they are not tolls of their own."""
    for d in flood.disagreements:
        assert not {"three more bodies", "two more bodies"} & _values(d), (d["subject"], _values(d))
    dead = [d for d in flood.disagreements if "19 people" in _values(d)]
    assert dead and dead[0]["status"] == "update", [(d["subject"], _values(d)) for d in flood.disagreements]


def test_a_missing_count_that_falls_over_three_reports_is_one_update(flood):
    """38 (Monday evening), 35 (Tuesday morning), 31 (Tuesday in parliament): one count moving, one item; the
    vague "dozens" holds each of them and is no rival estimate."""
    missing = [d for d in flood.disagreements if _values(d) & {"Thirty-eight people", "Thirty-five people", "31 people"}]
    assert len(missing) == 1, [(d["subject"], d["status"], _values(d)) for d in missing]
    assert missing[0]["status"] == "update" and "Dozens" not in _values(missing[0])
    assert {"Thirty-eight people", "Thirty-five people", "31 people"} <= _values(missing[0])


def test_rates_totals_and_the_whole_of_a_share_are_not_compared():
    """ "around 400 flights a day" is a rate, "1,150 flights over three days" a total, and "a third of its 1,200
    daily flights" counts the flights cancelled as a third: none is another's rival."""
    b = newsweave.brief([
        report("p1", "Business Daily", "Aerlux said it expected to cancel about a third of its 1,200 daily flights during "
            "the strike.", "2027-03-04"),
        report("p2", "Labour News", "The airline said it would cancel around 400 flights a day during the pilots' strike.",
               "2027-03-05"),
        report("p3", "Continental Wire", "Aerlux cancelled 1,150 flights over three days during the pilots' strike.",
               "2027-03-10"),
    ])
    assert not [d for d in b.disagreements if d["kind"] == "number"], \
        [(d["subject"], _values(d)) for d in b.disagreements]


def test_rates_of_one_period_are_still_compared():
    b = newsweave.brief([
        report("p1", "Business Daily", "Aerlux said it would cancel around 400 flights a day during the pilots' strike.\n\n"
               "The union wants a 12% pay rise.", "2027-03-04"),
        report("p2", "Labour News", "Aerlux said it would cancel 250 flights a day during the pilots' strike.\n\n"
               "Talks with the union broke down on Wednesday.", "2027-03-04"),
    ])
    assert [d for d in b.disagreements if d["kind"] == "number"], b.disagreements


def test_a_count_that_grows_over_three_days_across_time_zones_is_an_update():
    """Tokyo's Wednesday-morning paper and New York's Tuesday-evening one are of one night (in UTC); the
    injured then rise over three days, each day's figure from another source: an update, not a contradiction."""
    b = newsweave.brief([
        report("q1", "Pacific Daily", "A strong earthquake struck off northern Honshu on Wednesday morning.\n\nTwo people "
               "were injured by falling objects in Kuroshima, the city's fire department said.", "2027-01-13T08:30:00+09:00"),
        report("q2", "American Ledger", "A strong earthquake struck off northern Japan early Wednesday local time.\n\nAt "
               "least two people were hurt in Kuroshima, local officials said.", "2027-01-12T18:40:00-05:00"),
        report("q3", "Euro Wire", "The agency upgraded the magnitude of the earthquake off northern Honshu.\n\nFive people "
               "were injured in Kuroshima, the agency said.", "2027-01-13T11:00:00+01:00"),
        report("q4", "Pacific Daily", "Kuroshima began clearing debris on Thursday.\n\nThe earthquake injured six people in "
               "Kuroshima, city officials said.", "2027-01-14T09:00:00+09:00"),
    ])
    injured = [d for d in b.disagreements if "Five people" in _values(d)]
    assert injured and injured[0]["status"] == "update", [(d["subject"], d["status"], _values(d)) for d in b.disagreements]
    # told in the order the reports came out: the first value first
    assert [p["value"] for p in injured[0]["positions"]][-2:] == ["Five people", "six people"], injured[0]["positions"]


def test_a_rate_in_the_sentence_belongs_to_its_own_figure():
    """ "who already earn more than 150,000 crowns a year, are demanding a 10% pay hike": the year is the pay's,
    not the demand's; the 10% is still the rival of another report's 9%."""
    b = newsweave.brief([
        report("s1", "Nordwire", "Pilots at Valmira Air walked off the job on Thursday.\n\nThe union wants a 9% pay rise; "
               "the airline has offered 4.5%.", "2026-06-04"),
        report("s2", "Daily Trumpet", "Militant pilots at Valmira Air downed tools yesterday.\n\nThe pilots, who already earn "
               "more than 150,000 crowns a year, are demanding a 10% pay hike.", "2026-06-05"),
    ])
    assert [d for d in b.disagreements if {"9%", "10%"} <= _values(d)], \
        [(d["subject"], _values(d)) for d in b.disagreements]


def test_the_base_of_a_rate_is_no_count():
    """ "124 victims per 1,000 people" counts no 1,000 people: no rival of "about 900 people"."""
    b = newsweave.brief([
        report("c1", "County Post", "The survey found 124 victims of crime per 1,000 people in Orvik county last year.\n\n"
               "The sheriff said patrols would double.", "2027-02-01"),
        report("c2", "Orvik Herald", "About 900 people in Orvik county were victims of crime last year, the survey found.\n\n"
               "The sheriff blamed a shortage of officers.", "2027-02-02"),
    ])
    assert not [d for d in b.disagreements if "1,000 people" in _values(d)], \
        [(d["subject"], _values(d)) for d in b.disagreements]


def test_a_rate_word_of_a_noun_is_no_rate_of_the_figure():
    """ "A simple daily stroll can halve your risk": "daily" is the stroll's; the halving is still the rival of
    another report's "30% lower risk" of walking 30 minutes a day (whose "a day" is the 30 minutes')."""
    b = newsweave.brief([
        report("w1", "Continental Press", "People who walked at least 30 minutes a day had a 30% lower risk of heart attack "
               "than those who rarely walked, according to a study of 12,400 adults.\n\nThe study was observational.",
               "2026-03-10"),
        report("w2", "Daily Flash", "A simple daily stroll can halve your risk of a heart attack, according to a study of more "
               "than 12,000 people.\n\nDoctors welcomed the findings.", "2026-03-10"),
    ])
    assert [d for d in b.disagreements if {"30%", "halve"} <= _values(d)], \
        [(d["subject"], _values(d)) for d in b.disagreements]


def test_two_demands_of_one_measure_told_in_other_words_disagree():
    """ "The union is demanding a 12% pay rise" / "The militant KPA union is holding out for a 14 per cent pay
    hike": one demand, coloured by one paper (their wordings read too little alike for two figures that name no
    noun); a demand and what was agreed ("pilots will get a 9% rise") are two things."""
    b = newsweave.brief([
        report("p1", "Business Daily", (
            "Pilots at Aerlux, the national carrier of Kestria, will strike for three days from Monday, their "
            "union said on Thursday, after talks over pay broke down.\n\nThe Kestrian Pilots' Association (KPA) "
            "said the walkout would run from March 8 to March 10 and would hit long-haul and short-haul flights "
            "alike.\n\nThe union is demanding a 12% pay rise over two years, while Aerlux has offered "
            "6%.\n\nAerlux said it expected to cancel about a third of its 1,200 daily flights during the "
            "strike, affecting some 120,000 passengers a day. \"We deeply regret the disruption our customers "
            "will face,\" chief executive Lars Ekholm said.\n\nAerlux shares fell 4.1% in Kestrian trading on "
            "Thursday."), "2027-03-04"),
        report("p2", "The Daily Trumpet", (
            "Fat-cat pilots earning up to 250,000 crowns a year will wreck the plans of hundreds of thousands of "
            "travellers next week with a selfish three-day strike.\n\nThe militant KPA union is holding out for "
            "a 14 per cent pay hike, twice what the airline has offered.\n\nOne in three flights will be axed, "
            "Aerlux admitted, leaving 120,000 passengers a day stranded.\n\nThe strike starts on Monday and ends "
            "on Wednesday."), "2027-03-05"),
        report("p3", "Kestria Labour News", (
            "Pilots at Aerlux will walk out on Monday for three days in a dispute that their union says is as "
            "much about fatigue and rest rules as about pay.\n\n\"Our members are flying longer hours with "
            "shorter rests than at any time in the past decade,\" KPA president Ingrid Dahl said on Friday. "
            "\"This is about safety.\"\n\nThe union wants a 12% rise over two years to make up for three years "
            "of pay freezes. Aerlux has offered 6% over the same period.\n\nThe airline said it would cancel "
            "around 400 flights a day, about one in three."), "2027-03-05"),
        report("p5", "Business Daily", (
            "Aerlux and its pilots agreed a new pay deal late on Tuesday, ending a strike that had been due to "
            "run until Wednesday a day early.\n\nUnder the deal, pilots will get a 9% rise over two years and "
            "two extra rest days a month, the Kestrian Pilots' Association said on Wednesday.\n\nAerlux said "
            "about 90% of Wednesday's flights would operate. The three-day strike had been expected to cost the "
            "airline about 45 million crowns; a spokesman said the final cost would be lower.\n\n\"It is a fair "
            "deal that recognises the pressures on our crews,\" KPA president Ingrid Dahl said."), "2027-03-10"),
    ])
    assert [d for d in b.disagreements if {"12%", "14 per cent"} <= _values(d)], \
        [(d["subject"], _values(d)) for d in b.disagreements]
    assert not [d for d in b.disagreements if "9%" in _values(d)], [(d["subject"], _values(d)) for d in b.disagreements]


def test_a_count_s_earlier_value_is_told_once_in_the_summary():
    """ "Two people were injured ..." and "At least two people were hurt ..." tell one earlier value of a count
    that later rose to six: the summary tells it once at most, beside the latest."""
    b = newsweave.brief([
        report("q1", "Pacific Daily", "A strong earthquake struck off northern Honshu at 6:10 a.m. on Wednesday, the agency "
               "said.\n\nTwo people were injured by falling objects in Kuroshima, the city's fire department said.",
               "2027-01-13T08:30:00+09:00"),
        report("q2", "American Ledger", "A strong earthquake struck off northern Japan early Wednesday local time, shaking "
               "buildings in Tokyo.\n\nAt least two people were hurt, local officials said.", "2027-01-12T18:40:00-05:00"),
        report("q3", "Euro Wire", "The agency upgraded the magnitude of the earthquake off northern Honshu to 7.0.\n\nFive "
               "people were injured in Kuroshima, the agency said.", "2027-01-13T11:00:00+01:00"),
        report("q4", "Pacific Daily", "Kuroshima began clearing debris on Thursday after the earthquake injured six people, "
               "city officials said.\n\nTrain services resumed on Thursday morning.", "2027-01-14T09:00:00+09:00"),
    ], words=120)
    assert any(d["status"] == "update" for d in b.disagreements), b.disagreements
    earlier = [i.text for i in b.summary if i.text.startswith(("Two people were injured", "At least two people"))]
    assert len(earlier) <= 1, [i.text for i in b.summary]


def test_a_move_to_a_new_value_is_not_cited_to_a_report_of_the_old_value():
    """ "upgraded the magnitude ... to 7.0 from a preliminary 6.8" is not stated by "A magnitude 6.8 earthquake
    struck ... on Wednesday", nor the other way round, though the two share the day, the agency and the old
    figure."""
    b = newsweave.brief([
        report("q1", "Pacific Daily", "A magnitude 6.8 earthquake struck off the coast of northern Honshu at 6:10 a.m. on "
               "Wednesday, the Japan Meteorological Agency said, triggering a small tsunami in the port of Kuroshima.\n\n"
               "Two people were injured by falling objects, the city's fire department said.", "2027-01-13T08:30:00+09:00"),
        report("q3", "Euro Wire", "The Japan Meteorological Agency on Wednesday upgraded the magnitude of the morning's "
               "earthquake off northern Honshu to 7.0 from a preliminary 6.8.\n\nFive people were injured, most of them by "
               "falling furniture, the agency said.", "2027-01-13T11:00:00+01:00"),
    ])
    told = [(i.text, i.sources) for i in b.summary]
    assert any("upgraded" in t or "A magnitude 6.8" in t for t, _ in told), told
    for text, sources in told:
        if "upgraded" in text:
            assert sources == ["q3"], told  # ... nor is "A magnitude 6.8 earthquake struck" stated by the upgrade
        if "A magnitude 6.8" in text:
            assert "q3" not in sources, told
