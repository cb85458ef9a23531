"""A crush at a stadium (a story we wrote): the wire's first report, a city paper's from the hospital, a fans' paper,
the wire's report of the next day, and an opinion piece; the stadium is spelt two ways."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "QASRAN, Teluria, April 8 (Meridian Press) - At least 31 people were killed and dozens injured in a crush at the "
    "gates of the Al-Nour stadium in Qasran on Saturday as thousands of fans tried to get into a cup semi-final, "
    "police said.\n\n"
    "Police spokesman Karim Haddad said the crowd surged forward when the gates were opened about an hour before "
    "kick-off. The stadium holds 40,000 people.\n\n"
    "Sports Minister Leila Mansour ordered an investigation and suspended the league's matches for a week.")
HOSPITAL = (
    "Doctors at Qasran General Hospital said on Saturday night they had received 38 bodies and were treating more "
    "than 120 injured fans, 14 of them in critical condition.\n\n"
    "\"We have never seen anything like this. Most of the dead are young men,\" said the hospital's director, Dr. Samir "
    "Aziz.")
FANS = (
    "Supporters of Qasran Athletic blamed the police for Saturday's disaster at the Al Nur stadium, saying officers "
    "had locked a side gate and fired tear gas into the packed crowd.\n\n"
    "\"They treated us like animals,\" said Omar Khalil, 19, who said he had been pulled from under a pile of bodies.\n\n"
    "Police denied using tear gas.\n\n"
    "The fan group said at least 50 people had died.")
WIRE2 = (
    "QASRAN, Teluria, April 9 (Meridian Press) - The death toll from Saturday's stadium crush in Qasran has risen to "
    "41, the health ministry said on Sunday, making it the worst sporting disaster in the country's history.\n\n"
    "Prime Minister Tariq Zayed declared three days of national mourning starting on Monday.\n\n"
    "The semi-final between Qasran Athletic and Port Selim was postponed, the football federation said.")
OPINION = (
    "Once again, ordinary fans have paid with their lives for the greed and incompetence of those who run our game.\n\n"
    "Forty-one people died at the Al-Nour stadium because the authorities sold far more tickets than the ground could "
    "hold. Everyone knew the gates were a death trap.\n\n"
    "Minister Mansour's so-called investigation will, as always, blame the victims.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2034-04-08", title="At least 31 killed in stadium crush in Teluria"),
        report("hospital", "Qasran Daily", HOSPITAL, "2034-04-08", title="Hospital receives 38 bodies after stadium crush"),
        report("fans", "Terrace Voice", FANS, "2034-04-09", title="Fans blame police for Al Nur disaster"),
        report("wire2", "Meridian Press", WIRE2, "2034-04-09", title="Qasran stadium crush toll rises to 41"),
        report("oped", "The Teluria Herald", OPINION, "2034-04-10", title="Opinion: The gates were a death trap"),
    ])


def test_one_toll_across_the_reports_and_no_capacity_in_it(briefing):
    """31 (police, Saturday) -> 38 bodies (the hospital: in Qasran, as its name says) -> 41 (the health ministry,
    Sunday, a toll "in Qasran" where the first report's clause "At least 31 people were killed" has its place in the
    rest of its sentence, "at the Al-Nour stadium in Qasran"), and the fan group's 50: one item, not one per pair.
    "The stadium holds 40,000 people" is what it holds, no count of anyone."""
    numbers = [d for d in briefing.disagreements if d["kind"] == "number"]
    assert len(numbers) == 1, [(d["subject"], [p["value"] for p in d["positions"]]) for d in numbers]
    (dead,) = numbers
    values = {p["value"]: sorted(p["sources"]) for p in dead["positions"]}
    assert dead["subject"] == "dead" and dead["status"] == "update", dead
    assert values["38 bodies"] == ["hospital"] and "At least 31 people" in values and "at least 50 people" in values
    assert any("wire2" in srcs for srcs in values.values()), values


def test_the_opinion_piece_is_marked_and_kept_out_of_the_summary(briefing):
    """"Opinion: ..." in the headline marks the piece; its statements ("Forty-one people died ... because the
    authorities sold far more tickets") are the writer's argument, and the summary tells the story from the reports."""
    genre = {a.id: a.genre for a in briefing.articles}
    assert genre == {"wire": None, "hospital": None, "fans": None, "wire2": None, "oped": "opinion"}, genre
    assert briefing.summary and not any("oped" in s.sources[:1] for s in briefing.summary), briefing.summary
    from newsweave.render import render

    assert "**[5] The Teluria Herald** (opinion)" in render(briefing, "md")


def test_a_fan_group_is_not_the_club(briefing):
    """"The fan group said at least 50 people had died": a group of another kind than the one club named before."""
    q = next(q for q in briefing.quotes if q["text"].startswith("at least 50 people"))
    assert q["speaker"] == "The fan group" and q["speaker_entity"] is None, q


def test_the_stadium_is_one_place_in_two_spellings(briefing):
    """"the Al-Nour stadium" / "the Al Nur stadium": a vowel written in a three-letter word of the name."""
    stadium = next(e for e in briefing.entities if e["name"] == "Al-Nour")
    assert stadium["type"] == "FAC" and "Al Nur" in stadium["aliases"], stadium


@pytest.mark.parametrize("a, b, same", [
    ("Al-Nour", "Al Nur", True),
    ("Hassan Ali", "Hassan Alia", False),  # a vowel at a word's end makes another name
    ("Kim Jong Un", "Kim Jong Il", False),
])
def test_three_letter_words_of_a_name(a, b, same):
    from newsweave.annotate.entities import same_name

    assert same_name(a, b) is same


def test_the_crush_is_the_disasters_name_not_a_loaded_word(briefing):
    """"killed in a crush at the gates", "Saturday's stadium crush": the name of what befell the crowd; "worst" and the
    op-ed's "so-called" stay."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert "crush" not in terms["wire"] | terms["wire2"], terms
    assert "so-called" in terms["oped"], terms
