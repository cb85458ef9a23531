"""A shooting told by three reports (a story we wrote): the injured given as a bare figure after the verb, and
a death toll that rose after someone died of her wounds."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave


@pytest.fixture(scope="module")
def shooting():
    return newsweave.brief([
        report("s1", "Baltic Press", "A gunman killed five people and wounded eight at a shopping centre in the western city "
            "of Orvik on Tuesday afternoon before he was shot dead by police, officials said.\n\nThe attacker opened "
            "fire shortly after 2 p.m. in the food court of the Skarv centre, police chief Anders Holm said.",
            "2027-04-20T18:40:00+02:00"),
        report("s2", "Orvik Post", "The death toll from Tuesday's shooting at the Skarv shopping centre in Orvik has risen to "
            "six after a woman died of her wounds overnight, the regional hospital said on Wednesday.\n\nPolice chief "
            "Anders Holm said investigators were examining the gunman's work history.", "2027-04-21T07:15:00+02:00"),
        report("s3", "Daily Flash", "A crazed gunman slaughtered five innocent shoppers and injured nine more in a horrific "
            "rampage at the Skarv centre in Orvik on Tuesday.\n\nArmed police shot the gunman dead inside the centre.",
            "2027-04-20T21:00:00+02:00"),
    ])


def _values(d: dict) -> set[str]:
    return {p["value"] for p in d["positions"]}


def test_bare_figures_after_verbs_of_harm_count_people(shooting):
    """ "wounded eight" / "injured nine more": two counts of the injured, though neither names a noun."""
    injured = [d for d in shooting.disagreements if _values(d) == {"eight", "nine"}]
    assert injured and injured[0]["status"] == "contradiction", [(d["subject"], _values(d)) for d in shooting.disagreements]


def test_a_toll_that_rose_after_someone_died_of_wounds_counts_the_dead(shooting):
    """ "has risen to six after a woman died of her wounds" is a toll of the dead: an update of "killed five
    people", and no count of the injured."""
    for d in shooting.disagreements:
        if "six" in _values(d):
            assert _values(d) & {"five people", "five innocent shoppers"} and d["status"] == "update", (d["subject"], _values(d))
            assert "eight" not in _values(d) and "nine" not in _values(d), (d["subject"], _values(d))
    assert any("six" in _values(d) for d in shooting.disagreements)


def test_an_updated_count_cites_the_reports_of_that_count_not_the_later_one():
    """ "killing at least three people" is stated by "Three people died" (one figure said two ways), not by the
    next day's "rose to four"."""
    b = newsweave.brief([
        report("b1", "Baltic Press", "A bus carrying 40 passengers crashed into the Varn river near the town of Ost on Monday, "
            "killing at least three people, officials said.", "2027-05-03"),
        report("b2", "Ost Post", "Three people died when a bus carrying 40 passengers crashed into the Varn river near Ost "
            "on Monday.", "2027-05-03"),
        report("b3", "Varn Daily", "The death toll from Monday's bus crash in the Varn river near Ost rose to four overnight "
            "after a passenger died in hospital, the hospital said on Tuesday.", "2027-05-04"),
    ])
    three = [i for i in b.summary if "three" in i.text.lower()]
    assert three, [i.text for i in b.summary]
    assert "b3" not in three[0].sources and {"b1", "b2"} <= set(three[0].sources), (three[0].text, three[0].sources)


def test_one_figure_said_two_ways_is_one_value_for_a_citation():
    """ "at least three" and "three" are one figure (a report of either states the other); "at least 12" and a
    later "15", or "at least 27" and "at least 29", are two counts."""
    from newsweave.compose.summary import _may_be_one

    assert _may_be_one([3.0, None], [3.0, 3.0])
    assert not _may_be_one([12.0, None], [15.0, 15.0])
    assert not _may_be_one([27.0, None], [29.0, None])
    assert _may_be_one("2027-05-03", "2027-05-03") and not _may_be_one("2027-05-03", "2027-05-04")


def test_the_dead_and_the_injured_of_one_wording_are_never_one_count():
    """Three reports of one fire: "killing 60 people and injuring 155" / "killing 65 people and injuring 157
    others" / "killing at least 60 people and injuring about 180". The dead (60 / 65) and the injured (155 / 157 /
    180) disagree among themselves, never with each other; the town's population is no count at all."""
    b = newsweave.brief([
        report("f1", "Baltic Press", "A fire turned a dance hall in Orvik into a deathtrap on Thursday, killing 60 people and "
            "injuring 155.", "2027-10-30"),
        report("f2", "Orvik Post", "A fire turned a crowded dance hall in Orvik, a port city of about 400,000 people, into a "
            "deathtrap on Thursday, killing 65 people and injuring 157 others.", "2027-10-30"),
        report("f3", "Daily Flash", "A fire turned an Orvik dance hall into a deathtrap on Thursday night, killing at least 60 people and injuring about 180.", "2027-10-30"),
    ])
    dead, injured = {"60 people", "65 people", "at least 60 people"}, {"155", "157 others", "about 180"}
    for d in b.disagreements:
        values = _values(d)
        assert not (values & dead and values & injured), (d["subject"], values)
        assert "about 400,000 people" not in values, (d["subject"], values)
    assert any(_values(d) & dead and len(_values(d) & dead) > 1 for d in b.disagreements), \
        [(d["subject"], _values(d)) for d in b.disagreements]
