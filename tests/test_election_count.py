"""An election count told over two days (a story we wrote): the night's running count, the next day's final
results, and a tabloid of the same day with its own share. A share of the vote is the candidate's the clause is
about; the final count and the tabloid's figure of the same day are rival values, not a move; the summary tells
the latest values and no plan the later reports overtook."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

NIGHT = (
    "DUNMERE, April 11 (Continental Press) - Incumbent mayor Ilse Varga led the Dunmere mayoral election with 48.2% "
    "of the vote against 39.5% for her challenger Marek Tamm, with 52% of ballots counted, the city election "
    "commission said late on Sunday.\n\n"
    "Turnout was 61%, the commission said. Final results are expected on Monday.")
FINAL = (
    "Ilse Varga won a third term as mayor of Dunmere, taking 51.4 percent of the vote to 41.2 percent for Marek "
    "Tamm, according to final results published by the election commission on Monday.\n\n"
    "Turnout was 62.3 percent, the highest since 1998.\n\n"
    "Tamm conceded defeat on Monday evening and congratulated Varga.")
TABLOID = (
    "Ilse Varga stormed to a crushing landslide victory in Dunmere, grabbing 55 per cent of the vote.\n\n"
    "Humiliated rival Marek Tamm got just 41 per cent.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="night", source="night", outlet="Continental Press", published="2027-04-12", text=NIGHT),
        Article(id="final", source="final", outlet="The Dunmere Herald", published="2027-04-13", text=FINAL),
        Article(id="tabloid", source="tabloid", outlet="Daily Roar", published="2027-04-13", text=TABLOID),
    ])


def _values(item) -> list[str]:
    return [p["value"] for p in item["positions"]]


def test_the_final_count_and_a_same_day_rival_share_are_a_contradiction(briefing):
    """ "taking 51.4 percent of the vote" (final results) / the same day's "grabbing 55 per cent of the vote": the
    winner's share in both (the tabloid's clause names no office, only her); after the night's 48.2% the count
    moved to its final value, and one report of that day gives another."""
    (share,) = [d for d in briefing.disagreements if "55 per cent" in _values(d)]
    assert "51.4 percent" in _values(share), _values(share)
    assert share["status"] == "contradiction", share["explanation"]
    assert "latest reports" in share["explanation"], share["explanation"]


def test_a_share_for_a_named_candidate_is_that_candidates(briefing):
    """ "39.5% for her challenger Marek Tamm" (running count) / "41.2 percent for Marek Tamm" (final): his share
    moved with the count."""
    (tamm,) = [d for d in briefing.disagreements if "39.5%" in _values(d)]
    assert _values(tamm) == ["39.5%", "41.2 percent"] and tamm["status"] == "update", tamm["explanation"]


def test_the_summary_tells_the_latest_turnout_only(briefing):
    """ "Turnout was 61%" beside "Turnout was 62.3 percent" reads as a contradiction: the replaced value, told as
    plainly as the latest, is left out."""
    texts = [s.text for s in briefing.summary]
    assert any("62.3 percent" in t for t in texts), texts
    assert not any("61%" in t for t in texts), texts


def test_the_summary_leaves_out_a_plan_the_later_reports_overtook(briefing):
    """ "Final results are expected on Monday" (Sunday night's report) is old news to a reader of Tuesday's
    reports, which give the final results."""
    texts = [s.text for s in briefing.summary]
    assert not any("expected on Monday" in t for t in texts), texts


def test_the_timeline_tells_that_the_results_came_not_that_they_were_expected(briefing):
    (monday,) = [e for e in briefing.timeline if "final results" in e["event"].lower()]
    assert monday["date"] == "2027-04-12" and "expected" not in monday["event"], monday
    assert monday["status"] == "happened"


@pytest.mark.parametrize("text, planned", [
    ("Final results are expected on Monday.", True),
    ("The verdict is due on Friday.", True),
    ("The vote is scheduled for Tuesday.", True),
    ("He was set free on Monday.", False),
    ("Results came in on Monday.", False),
])
def test_a_thing_planned_for_a_day_in_the_passive_is_a_plan(text, planned):
    from newsweave.annotate.claims import _planned
    from newsweave.annotate.nlp import load_nlp

    root = next(t for t in load_nlp()(text) if t.dep_ == "ROOT")
    assert _planned(root) is planned


@pytest.mark.parametrize("latest, excluded", [
    ("Turnout was 62.3 percent, the highest since 1998.", True),  # told as plainly: one of the two
    ("The death toll rose to four overnight.", False),  # tells the move, which the earlier value sets up
    ("The toll now stands at four.", False),
])
def test_a_replaced_value_and_the_latest_told_alike_exclude_each_other(latest, excluded):
    from newsweave.compose.summary import Unit, _mark_rival_figures

    earlier = "Turnout was 61%, the commission said." if excluded else "Two people died in the storm, police said."
    old = Unit(article="a", sentence=1, start=100, end=100 + len(earlier), text=earlier, words=len(earlier.split()),
               position=1.0, concepts=set(), facts=[0])
    new = Unit(article="b", sentence=2, start=200, end=200 + len(latest), text=latest, words=len(latest.split()),
               position=2.0, concepts=set(), facts=[1])
    update = {"status": "update", "kind": "number", "positions": [
        {"value": "old", "normalized": [1, 1], "sources": ["a"],
         "evidence": [{"article": "a", "start": 100, "end": old.end, "value_start": 112}]},
        {"value": "new", "normalized": [2, 2], "sources": ["b"],
         "evidence": [{"article": "b", "start": 200, "end": new.end, "value_start": 215}]}]}
    _mark_rival_figures([old, new], [update])
    assert (new in old.excludes) is excluded


def test_a_plan_still_to_come_is_told_in_a_plans_words():
    """Every report tells a report still to come as a plan: the timeline keeps the plain "The commission is due to
    report by April 30" (a plan by its verb) over another report's loaded telling (a plan inside a noun phrase), which
    the preference for a telling that it happened over a forecast, meant for days gone by, would have chosen."""
    b = newsweave.brief([
        Article(id="wire", source="wire", outlet="Coast Wire", published="2027-03-10",
                text="The government set up a commission on Monday to look into the dam's collapse.\n\n"
                     "The commission is due to report by April 30."),
        Article(id="blog", source="blog", outlet="Open Dunmere", published="2027-03-11",
                text="Instead of answers, ministers have passed the scandal to a hand-picked commission that is not "
                     "due to report until 30 April, long after the cameras have gone."),
    ])
    (april,) = [e for e in b.timeline if e["date"] == "2027-04-30"]
    assert april["event"] == "The commission is due to report by April 30.", april
    assert april["status"] == "scheduled"


def test_another_plan_of_its_kind_is_no_rival_date():
    """ "Galileo is scheduled to make an even closer approach of Io on Nov. 25" / "Another Io flyby is planned for Feb.
    22": two flybys, not one told with two dates (two plans about one place may otherwise be one event told in other
    words: "must leave Kalbacar on November 25" / "Kalbajar was to be handed over on November 15")."""
    from newsweave.align.disagreements import _place_event
    from newsweave.model import Claim

    def plan(text):
        return Claim(article="x", index=0, sentence=0, start=0, end=len(text), text=text, predicate="", modality="planned")

    a = plan("The probe is scheduled to make an even closer approach of Tavra on Nov. 25.")
    assert _place_event(a, plan("The probe must pass Tavra on Nov. 27."), set(), set())
    assert not _place_event(a, plan("Another Tavra flyby is planned for Feb. 22."), set(), set())
