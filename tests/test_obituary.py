"""An obituary told by three reports (a story we wrote): one gives another age and another day of death, one
names the funeral's first day and a later one its new day; the dead woman's daughter shares her surname."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave


@pytest.fixture(scope="module")
def obituary():
    return newsweave.brief([
        report("o1", "Korvin Wire",
             "Eva Brandt, the poet who led the city of Korvin as mayor for twelve years, died on Sunday at the age of "
             "84, her family said.\n\nBrandt died at her home in Korvin after a long illness, her daughter Lena "
             "Brandt told reporters on Monday.\n\nThe city council said the funeral would be held on Thursday.",
             "2029-05-14"),
        report("o2", "Korvin Evening Post",
             "Eva Brandt, Korvin's first elected woman mayor, has died aged 83.\n\nBrandt died late on Saturday in a "
             "Korvin hospital, the city council said.\n\nHer daughter Lena Brandt thanked the nurses who cared for "
             "her.\n\nThe funeral will be held on Thursday in the cathedral, the council said.", "2029-05-14"),
        report("o3", "Lesna Herald",
             "Brandt, who died on Sunday aged 84, wrote eleven books of poems.\n\nThe funeral will now be held on "
             "Friday, a day later than first announced, because the cathedral was booked, the city council said on "
             "Tuesday.\n\nHundreds of readers left flowers outside her house in Korvin on Tuesday.", "2029-05-15"),
    ])


def _values(d: dict) -> set[str]:
    return {p["value"] for p in d["positions"]}


def test_two_ages_at_death_are_a_disagreement_about_the_person(obituary):
    """ "has died aged 83" / "died on Sunday at the age of 84": one person's age at death, given two ways."""
    ages = [d for d in obituary.disagreements if d["kind"] == "number" and _values(d) == {"83", "84"}]
    assert ages, [(d["subject"], _values(d)) for d in obituary.disagreements]
    assert ages[0]["status"] == "contradiction"
    assert "Brandt" in ages[0]["subject"] and "age" in ages[0]["subject"], ages[0]["subject"]


def test_the_day_of_death_is_compared_past_an_aside_on_the_name(obituary):
    """ "Eva Brandt, the poet who led the city of Korvin ..., died on Sunday" is Brandt's day, not Korvin's
    (the aside's name), and so is "Brandt, who died on Sunday aged 84": against "died late on Saturday"."""
    days = [d for d in obituary.disagreements if d["kind"] == "date" and _values(d) == {"Saturday", "Sunday"}]
    assert days, [(d["subject"], _values(d)) for d in obituary.disagreements]
    assert "Brandt" in days[0]["subject"]


def test_a_day_later_than_first_announced_is_an_update(obituary):
    funeral = [d for d in obituary.disagreements if d["kind"] == "date" and _values(d) == {"Thursday", "Friday"}]
    assert funeral and funeral[0]["status"] == "update", [(d["subject"], d["status"]) for d in funeral]


def test_a_value_an_update_replaced_is_not_cited_to_the_report_that_replaced_it(obituary):
    """The summary's "the funeral will be held on Thursday" is not stated by "will now be held on Friday, a day
    later than first announced" (nor the other way round)."""
    texts = {a.id: a.text for a in obituary.articles}
    for item in obituary.summary:
        for ev in item.evidence[1:]:
            cited = texts[ev.article][ev.start:ev.end]
            for day, other in (("Thursday", "Friday"), ("Friday", "Thursday")):
                if day in item.text and other not in item.text:
                    assert other not in cited or day in cited, (item.text, cited)


def test_the_surname_alone_is_the_main_person_not_her_daughter(obituary):
    """Reports name the daughter in full ("her daughter Lena Brandt") and the dead woman by her surname after
    naming her in full first: "Brandt" joins Eva Brandt, not Lena Brandt, and is no organisation."""
    by_name = {e["name"]: e for e in obituary.entities}
    assert "Brandt" not in by_name, sorted(by_name)
    ilse = by_name["Eva Brandt"]
    assert ilse["type"] == "PERSON" and "Brandt" in ilse["aliases"]
    assert "Brandt" not in by_name["Lena Brandt"]["aliases"]


def test_timeline_events_dated_by_a_contested_value_are_marked(obituary):
    ids = {d["id"]: _values(d) for d in obituary.disagreements if d["kind"] == "date"}
    marked = {(e["date"], tuple(ids[i] == {"Saturday", "Sunday"} for i in e["disputed"])) for e in obituary.timeline
              if e["disputed"]}
    assert ("2029-05-12", (True,)) in marked and ("2029-05-13", (True,)) in marked, obituary.timeline
    thursday = [e for e in obituary.timeline if e["date"] == "2029-05-17"]
    assert thursday and all(e["disputed"] for e in thursday)
    assert all(not e["disputed"] for e in obituary.timeline if e["date"] == "2029-05-16")


def test_a_day_said_on_after_a_split_clause_dates_no_event(obituary):
    """ "The funeral will now be held on Friday, a day later than first announced, because ..., the city council
    said on Tuesday": Tuesday is when it was said; the clause "a day later than first announced ..." is no event
    of Tuesday's."""
    tuesday = [e["event"] for e in obituary.timeline if e["date"] == "2029-05-15"]
    assert tuesday and not any(ev.lower().startswith("a day later") for ev in tuesday), tuesday
    assert any("flowers" in ev for ev in tuesday), tuesday


def test_a_change_word_of_the_sentence_is_not_the_ages():
    """ "Varga, 27, fell into a ravine on Saturday" / "Lena Varga, 28, survived six days": "fell" moves no age;
    two ages of one person are a contradiction unless a report corrects one."""
    b = newsweave.brief([
        report("h1", "Daily Flash", "Brave nurse Lena Varga, 28, survived six days trapped in a ravine by drinking "
               "rainwater, rescuers said.\n\nShe was plucked to safety on Thursday.", "2029-08-16"),
        report("h2", "Velgrad Post", "Rescuers found Lena Varga alive on Thursday, the regional rescue service said.\n\n"
               "Varga, 27, fell into a ravine on Saturday afternoon while descending Mount Orlik.", "2029-08-17"),
    ])
    ages = [d for d in b.disagreements if {p["value"] for p in d["positions"]} == {"28", "27"}]
    assert ages and ages[0]["status"] == "contradiction", [(d["subject"], d["status"]) for d in b.disagreements]
