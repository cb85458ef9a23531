"""Job cuts at a telecoms equipment maker (a story we wrote): a leak the day before, the wire's report of the
announcement, a business paper's and a tabloid's."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.compose.framing import loaded_terms

LEAK = (
    "Veltrax is preparing to cut up to 12,000 jobs as the Lorn-based telecoms equipment maker tries to restore its "
    "margins, people familiar with the matter said on Monday.\n\n"
    "The company is expected to announce the plan with its quarterly results on Tuesday. A Veltrax spokesman declined "
    "to comment.")
WIRE = (
    "LORN, March 10 (Meridian Press) - Veltrax will cut 9,500 jobs, or about 7% of its workforce, by the end of June "
    "as it reorganises its network business, the Torvian telecoms equipment maker said on Tuesday.\n\n"
    "\"These are painful decisions, but they are necessary to protect the company's future,\" chief executive Mara "
    "Stenberg told reporters.\n\n"
    "Veltrax reported a fourth-quarter net loss of 1.8 billion crowns, against a profit of 2.4 billion a year "
    "earlier. Its shares rose 4.2% to 38.15 crowns in Lorn.\n\n"
    "The Torvian Metalworkers' Union said it would seek talks with management next week.")
BUSINESS = (
    "Veltrax plans to eliminate roughly 9,500 positions worldwide, about 7 percent of its 136,000 employees, the "
    "company said on Tuesday, as demand for mobile network equipment slows.\n\n"
    "Most of the cuts will fall in Torvia and in its research centres in Asia. The restructuring will cost about "
    "3 billion crowns, chief financial officer Piet Alvers said.\n\n"
    "Veltrax shares closed up 4 percent on Tuesday.")
TABLOID = (
    "Greedy Veltrax bosses will axe nearly 10,000 workers in a brutal jobs bloodbath while pocketing fat bonuses.\n\n"
    "\"It's a betrayal of every family that built this company,\" fumed union chief Olek Brandt.\n\n"
    "The heartless cull was unveiled on Tuesday, just weeks after Veltrax paid its top managers 40 million crowns.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("leak", "Lorn Business Daily", LEAK, "2043-03-09", title="Veltrax prepares deep job cuts"),
        report("wire", "Meridian Press", WIRE, "2043-03-10", title="Veltrax to cut 9,500 jobs"),
        report("business", "Torvian Financial Times", BUSINESS, "2043-03-11", title="Veltrax to shed 7% of staff"),
        report("tabloid", "Daily Beacon", TABLOID, "2043-03-11", title="VELTRAX BLOODBATH"),
    ])


def test_an_adjective_the_tagger_ran_into_a_company_name_is_the_outlets_word(briefing):
    """"Greedy Veltrax bosses ...": the tagger took "Greedy Veltrax" for a person; the company is "Veltrax" (as the
    other reports write it alone), and "greedy" is the tabloid's verdict, not a word of a name."""
    veltrax = [e for e in briefing.entities if "Veltrax" in e["aliases"]]
    assert [(e["name"], e["type"], e["aliases"]) for e in veltrax] == [("Veltrax", "ORG", ["Veltrax"])], veltrax
    tabloid = next(f for f in briefing.framing if f["article"] == "tabloid")
    assert "greedy" in {t["term"] for t in tabloid["terms"]}, tabloid["terms"]


def test_job_cuts_told_as_an_execution_are_loaded(briefing):
    tabloid = next(f for f in briefing.framing if f["article"] == "tabloid")
    assert {"axe", "fumed", "bloodbath", "heartless"} <= {t["term"] for t in tabloid["terms"]}, tabloid["terms"]
    for plain in ("wire", "business", "leak"):
        framing = next(f for f in briefing.framing if f["article"] == plain)
        assert not framing["terms"], framing


@pytest.mark.parametrize("text, loaded", [
    ("The firm will axe 300 jobs.", ["axe"]),
    ("The firm axes 300 jobs.", ["axes"]),
    ("The plan was axed on Monday.", ["axed"]),
    ("He was attacked with an axe.", []),
    ("Police found axes and knives in the car.", []),
    ("Toxic fumes filled the tunnel.", []),
])
def test_the_verb_axe_is_loaded_and_the_tool_plain(text, loaded):
    assert [t[2] for t in loaded_terms(text)] == loaded


def test_a_title_before_the_speaker_is_no_part_of_what_was_said(briefing):
    """"... will cost about 3 billion crowns, chief financial officer Piet Alvers said": the parse set the officer
    beside the crowns; the officer is the speaker."""
    alvers = [q for q in briefing.quotes if q["speaker"] == "Piet Alvers"]
    assert [q["text"] for q in alvers] == ["The restructuring will cost about 3 billion crowns"], alvers


def test_a_figure_set_against_another_has_its_own_time(briefing):
    """"a fourth-quarter net loss of 1.8 billion crowns, against a profit of 2.4 billion a year earlier": the loss
    is the last quarter's (2042), the profit the quarter's a year before; the loss is not dated 2041."""
    dated = {(t["date"], t["event"]) for t in briefing.timeline if t["sources"] == ["wire"] and "quarter" in t["event"]
             or "profit" in t["event"]}
    assert dated == {("2042-Q4", "a fourth-quarter net loss of 1.8 billion crowns"),
                     ("2041-Q4", "a profit of 2.4 billion a year earlier")}, briefing.timeline


def test_rounded_figures_and_a_near_figure_are_no_disagreement(briefing):
    """4.2% / "4 percent" (rounded), 9,500 jobs / "nearly 10,000 workers" / "roughly 9,500 positions" agree."""
    assert not briefing.disagreements, briefing.disagreements


@pytest.mark.parametrize("sentence, dated", [
    ("Unemployment rose to 6.2% in March, up from 5.1% in 2041.", "2043-03"),
    ("Inflation fell to 3.1% in January from 3.4% in December.", "2043-01"),
])
def test_the_figure_a_change_started_from_does_not_date_the_change(sentence, dated):
    b = newsweave.brief([report("a", "X", "The agency published the figures on Tuesday. " + sentence, "2043-03-11")])
    assert [t["date"] for t in b.timeline if t["event"] == sentence] == [dated], b.timeline
    assert not [t for t in b.timeline if t["date"][:4] != "2043"], b.timeline


def test_one_count_worded_three_ways_is_a_word_choice(briefing):
    """"will cut 9,500 jobs" / "plans to eliminate roughly 9,500 positions" / "will axe nearly 10,000 workers": one
    count (rounding allowed), one fact, and each outlet's verb and noun for it."""
    wire = next(f for f in briefing.framing if f["article"] == "wire")
    pairs = {(p["article"], p["this"], p["other"]) for w in wire["word_choices"] for p in w["pairs"]}
    assert pairs == {("business", "cut", "eliminate"), ("business", "jobs", "positions"),
                     ("tabloid", "cut", "axe"), ("tabloid", "jobs", "workers")}, wire["word_choices"]


def test_the_first_of_two_nouns_counted_is_no_word_choice():
    """"killing thousands of soldiers and civilians" / "killing thousands of people": "soldiers" alone is not what
    the other report calls "people"."""
    b = newsweave.brief([
        report("a", "X", "Fighting broke out again near Ostrun on May 3, killing thousands of soldiers and civilians "
                         "over the following weeks.", "2043-06-01"),
        report("b", "Y", "Fighting broke out again near Ostrun on May 3, killing thousands of people over the "
                         "following weeks.", "2043-06-01"),
    ])
    soldiers = [p for f in b.framing for w in f["word_choices"] for p in w["pairs"] if p["this"] == "soldiers"]
    assert not soldiers, b.framing


def test_what_the_announcement_overtook_is_not_in_the_summary(briefing):
    """The day before, unnamed sources put the cuts at "up to 12,000", the company was "expected to announce the plan
    ... on Tuesday" and "declined to comment": after the company announced 9,500 on the record on Tuesday, none of that
    is the story's news (it stays in the facts and the timeline)."""
    assert not [s for s in briefing.summary if s.evidence[0].article == "leak"], briefing.summary
    assert any("12,000" in f["text"] for f in briefing.facts)
    lead = briefing.summary[0]
    assert "9,500" in lead.text and {"business", "wire"} <= set(lead.sources), briefing.summary


def test_a_leak_no_report_has_overtaken_is_the_news():
    """Before any announcement the leak is the story's latest word, and its summary tells it."""
    b = newsweave.brief([
        report("leak", "Lorn Business Daily", LEAK, "2043-03-09"),
        report("other", "Meridian Press", "Veltrax shares fell 3% in Lorn on Tuesday as investors waited for the "
                                          "company's results.", "2043-03-10"),
    ])
    assert any("up to 12,000 jobs" in s.text for s in b.summary), b.summary
