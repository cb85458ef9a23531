"""A cholera outbreak (a story we wrote), told by a wire, a broadcaster and a neighbouring country's paper: the
health ministry's toll and the WHO's, set side by side by one report; an outbreak's words are no colour."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "PORT ELBA, March 2 (Meridian Press) - A cholera outbreak in northern Valdoria has killed 41 people "
    "and infected more than 1,200 since mid-February, the health ministry said on Tuesday.\n\n"
    "Most of the cases were in the port city of Elba and the nearby district of Serrano, where floods "
    "last month contaminated wells.\n\n"
    "The World Health Organization said it was sending 50,000 doses of oral vaccine.")
BROADCASTER = (
    "The World Health Organization warned on Thursday that the cholera outbreak in Valdoria could spread "
    "to neighbouring Castria, as the number of suspected cases rose to 1,850.\n\n"
    "The WHO put the death toll at 58, while Valdoria's health ministry said 49 people had died.\n\n"
    "Health Minister Inés Carvalho said 30 treatment centres had been opened. The case fatality rate "
    "stands at about 3 percent, the WHO said.")
NEIGHBOUR = (
    "Castria confirmed its first two cholera cases on Friday, both in the border town of Mirano, the "
    "health ministry said.\n\n"
    "The patients, a 34-year-old man and his 8-year-old daughter, had returned from Elba on Sunday.\n\n"
    "In Valdoria, the outbreak has now killed 58 people, according to the WHO.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2032-03-02", text=WIRE),
        Article(id="broadcaster", source="broadcaster", outlet="Global Report", published="2032-03-04", text=BROADCASTER),
        Article(id="neighbour", source="neighbour", outlet="Castria Daily", published="2032-03-05", text=NEIGHBOUR),
    ])


def test_the_who_is_a_source_and_one_report_sets_two_sources_tolls_side_by_side(briefing):
    """ "The WHO put the death toll at 58, while Valdoria's health ministry said 49 people had died": "The WHO" is the
    World Health Organization, no relative pronoun, and the explanation says whose each figure is."""
    (dead,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    sides = {p["value"]: sorted(p["sources"]) for p in dead["positions"]}
    assert sides["58 people"] == ["broadcaster", "neighbour"] and sides["49 people"] == ["broadcaster"], sides
    assert "different sources' figures (Valdoria's health ministry, The WHO)" in dead["explanation"], dead["explanation"]


def test_the_lead_is_told_though_another_sources_toll_has_more_reports(briefing):
    """The ministry's "has killed 41 people and infected more than 1,200" (the only report of the outbreak's size)
    is not given up because two reports give the WHO's 58: each figure is a named source's. "infected" is how an
    outbreak is told, no loaded word."""
    from newsweave.compose.framing import loaded_terms

    assert any(s.text.startswith("A cholera outbreak in northern Valdoria has killed 41 people") for s in briefing.summary), \
        [s.text for s in briefing.summary]
    assert not loaded_terms("The virus has infected more than 1,200 people.")
