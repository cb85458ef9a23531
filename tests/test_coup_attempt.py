"""A failed coup attempt (a story we wrote): the wire's first report, the state news agency's, an independent paper's
that never says "coup", and the wire's next-day report. Tolls from rival sources, a leader's arrest and its denial,
and one outlet's words for the plotters."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report, sources_by_value
WIRE = (
    "SENGA, March 8 - Soldiers seized the state broadcaster in Senga early on Tuesday and announced on air that "
    "they had dissolved the government of Dalvaria, but President Amara Keita said hours later that the coup attempt "
    "had failed.\n\n"
    "Heavy gunfire was heard near the presidential palace for about three hours before dawn, residents said. At least "
    "12 people were killed, the health ministry said.\n\n"
    "The government imposed a curfew from 7 p.m. to 6 a.m. and closed the country's borders until further notice.\n\n"
    "\"The situation is under control,\" Defence Minister Oumar Traore told reporters. The last coup attempt in the "
    "country, in 2031, was also put down within a day.")
STATE = (
    "Loyal forces on Tuesday crushed a cowardly attempt by a band of renegade officers to seize power in Senga.\n\n"
    "The traitors, led by Colonel Idris Mbaye, were arrested along with dozens of their accomplices, the presidency "
    "said. Seven soldiers died defending the nation.\n\n"
    "President Keita thanked the armed forces for their heroic sacrifice and urged citizens to stay calm. \"Our "
    "democracy has prevailed,\" he said in an address to the nation on Tuesday evening.")
INDEPENDENT = (
    "Army officers who said they had acted to end years of corruption took over the state broadcaster in Sengha "
    "on Tuesday before troops loyal to President Amara Keita retook the building.\n\n"
    "At least 20 people were killed in the fighting, according to a doctor at Senga's main hospital, who asked not "
    "to be named.\n\n"
    "A spokesman for the officers, Captain Lamine Sow, said in a video posted online that Colonel Idriss Mbaye had "
    "not been arrested and that \"the struggle will go on\".")
UPDATE = (
    "The death toll from Tuesday's failed coup attempt in Dalvaria has risen to 19, the health ministry said on "
    "Wednesday.\n\n"
    "Police have arrested 43 people, including Colonel Idris Mbaye, who led the attempt, Interior Minister Fanta "
    "Diallo said. The curfew in Senga will be lifted on Thursday, she said.\n\n"
    "The African Union condemned the attempt and called for calm.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2044-03-08", title="Coup attempt fails in Dalvaria"),
        report("state", "Dalvaria National News", STATE, "2044-03-08", title="Loyal forces crush coup plot"),
        report("independent", "Senga Independent", INDEPENDENT, "2044-03-08", title="Officers seize state TV"),
        report("update", "Meridian Press", UPDATE, "2044-03-09", title="Coup toll rises to 19"),
    ])


def test_a_spokesmans_words_in_a_video_are_his_and_his_denial_is_no_ministers_statement(briefing):
    """"A spokesman ..., Captain Lamine Sow, said in a video posted online that Colonel Idriss Mbaye had not been
    arrested": the speaker is the spokesman, not the video; and his denial is not one quote with the minister's "Police
    have arrested 43 people, including Colonel Idris Mbaye", nor the presidency's words with the minister's."""
    by_speaker = {}
    for q in briefing.quotes:
        by_speaker.setdefault(q["speaker"], []).append(q)
    (sow,) = by_speaker["Lamine Sow"]
    assert "had not been arrested" in sow["text"] and sow["sources"] == ["independent"], sow
    assert all(q["sources"] == ["update"] for q in by_speaker["Fanta Diallo"]), by_speaker["Fanta Diallo"]
    (presidency,) = by_speaker["the presidency"]
    assert presidency["sources"] == ["state"], presidency


def test_the_arrest_and_its_denial_are_a_contradiction_and_the_denial_corroborates_nothing(briefing):
    (claim,) = [d for d in briefing.disagreements if d["kind"] == "claim"]
    assert claim["status"] == "contradiction"
    assert sources_by_value(claim) == {"not arrest": ["independent"], "arrest": ["state", "update"]}, claim
    arrest = fact_with(briefing, "update", "Police have arrested 43 people")
    assert sorted(arrest["sources"]) == ["state", "update"] and arrest["independent_sources"] == 2, arrest
    assert [d["article"] for d in arrest["denied_by"]] == ["independent"], arrest
    assert "not been arrested" not in arrest["text"]


def test_two_floors_of_one_days_toll_differ_and_the_next_days_toll_is_an_update(briefing):
    """"At least 12 people were killed" (the ministry) / "At least 20 people were killed" (a hospital doctor) on one day:
    estimates that differ. "The death toll from Tuesday's failed coup attempt ... has risen to 19" the next day names
    the event the wire's report tells ("the coup attempt had failed"): the count moved. "Seven soldiers died" is a
    part of the dead, no position."""
    dead = [d for d in briefing.disagreements if d["subject"] == "dead"]
    estimates = [d for d in dead if d["status"] == "estimate"]
    assert [sources_by_value(d) for d in estimates] == [
        {"At least 20 people": ["independent"], "At least 12 people": ["wire"]}], dead
    (update,) = [d for d in dead if d["status"] == "update"]
    values = sources_by_value(update)
    assert values["At least 12 people"] == ["wire"] and values["19"] == ["update"], values
    assert "Seven soldiers" not in values


@pytest.mark.parametrize("a, b, status", [
    # one day's two floors: estimates
    ("At least 12 people were killed in the clashes, police said.",
     "At least 20 people were killed in the clashes, a hospital official said.", "estimate"),
    # a floor and a figure inside it agree
    ("At least 12 people were killed in the clashes, police said.",
     "Fourteen people were killed in the clashes, a hospital official said.", None),
])
def test_floors_of_one_day(a, b, status):
    brief = newsweave.brief([report("a", "X", a, "2044-03-08"), report("b", "Y", b, "2044-03-08")])
    assert [d["status"] for d in brief.disagreements if d["kind"] == "number"] == ([status] if status else []), \
        brief.disagreements


def test_allegiance_is_no_loaded_word_but_renegade_is(briefing):
    """"troops loyal to President Amara Keita", "Loyal forces": whose side armed men are on; "renegade officers" and
    "traitors" are the state agency's names for them."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert "loyal" not in terms["independent"] and "loyal" not in terms["state"], terms
    assert {"renegade", "traitor"} <= terms["state"], terms


def test_a_lead_told_in_three_loaded_words_is_no_summary_sentence(briefing):
    """"Loyal forces on Tuesday crushed a cowardly attempt by a band of renegade officers": the state agency's side of
    the story, which the summary tells from the plainer wordings of the others."""
    assert not [s for s in briefing.summary if "cowardly" in s.text], [s.text for s in briefing.summary]


def test_the_report_that_denies_a_fact_is_marked_in_the_corroboration_matrix(briefing):
    """The matrix shows the independent paper against the arrest fact as a denial (linked to its words), not as a
    source, in every format."""
    from newsweave.render import render

    md = render(briefing, "md")
    row = next(line for line in md.splitlines() if line.startswith("| F") and "Police have arrested 43 people" in line)
    assert "[✗](#cite-independent-" in row and row.count("[●]") == 2, row
    html = render(briefing, "html")
    assert 'class="cell denies"' in html and "denies F" in html
