"""A satellite launch (a story we wrote), told by a US wire in Eastern time, a European paper, an Asian paper and a
later report: one moment in two zones is one event on the timeline; a day an interval is counted from does not
date the sentence; a descriptor before a speaker's name is no part of what was said; a name is shown as most
reports spell it."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "CAPE HALLEN, Florida, March 9 (Continental Press) - An Orbis Heavy rocket lifted off at 11:05 p.m. ET on Tuesday "
    "(0305 GMT on Wednesday) from Cape Hallen, carrying Velia's first weather satellite into orbit, launch company "
    "Stellarline said.\n\n"
    "The satellite, called Meteo-V1, separated from the rocket's upper stage 34 minutes after launch.")
EUROPE = (
    "Velia's first weather satellite blasted off from Florida early on Wednesday on an Orbis Heavy rocket.\n\n"
    "\"Today is a historic day for Velian science,\" said agency director Irena Kovac. Irena Kovac has led the agency "
    "since 2021.")
ASIA = (
    "A Velian weather satellite was launched from the United States on Wednesday morning, Velia's space agency "
    "said.\n\n"
    "The Meteo-V1 satellite will begin sending images in May, agency director Irina Kovač said.")
LATER = (
    "VELGRAD, May 12 (Continental Press) - Velia's Meteo-V1 weather satellite has sent its first images, two months "
    "after its launch from Florida on March 9, the country's space agency said on Wednesday.\n\n"
    "The images show a storm over the Ostra Sea, agency director Irina Kovac told reporters.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2027-03-10", text=WIRE),
        Article(id="europe", source="europe", outlet="The Ostmark Herald", published="2027-03-10", text=EUROPE),
        Article(id="asia", source="asia", outlet="Eastern Daily", published="2027-03-10", text=ASIA),
        Article(id="later", source="later", outlet="Continental Press", published="2027-05-12", text=LATER),
    ])


def test_one_moment_in_two_zones_is_one_event(briefing):
    """ "lifted off at 11:05 p.m. ET on Tuesday (0305 GMT on Wednesday)" and "was launched ... on Wednesday
    morning" (told where it was Wednesday): one launch on the timeline, under the wire's day, citing all three."""
    launches = [e for e in briefing.timeline if "launched" in e["event"] or "lifted off" in e["event"]]
    assert len(launches) == 1, [(e["date"], e["event"]) for e in launches]
    assert launches[0]["date"] == "2027-03-09"
    assert {"wire", "europe", "asia"} <= set(launches[0]["sources"]), launches[0]["sources"]


def test_a_day_an_interval_is_counted_from_does_not_date_the_sentence(briefing):
    """ "has sent its first images, two months after its launch from Florida on March 9" is May's news, not March
    9th's."""
    images = [e for e in briefing.timeline if "first images" in e["event"]]
    assert images and all(e["date"] != "2027-03-09" for e in images), [(e["date"], e["event"]) for e in images]


def test_a_descriptor_before_the_speaker_is_not_what_was_said(briefing):
    said = [q for q in briefing.quotes if q["speaker"] == "Stellarline"]
    assert said and all(not q["text"].endswith("launch company") for q in said), said


def test_a_name_is_shown_as_most_reports_spell_it(briefing):
    # two reports write "Irina" (one of them "Kovač"), one writes "Irena" twice: reports count, not mentions
    (kovac,) = [e for e in briefing.entities if "Kovac" in e["name"] or "Kovač" in e["name"]]
    assert kovac["name"] == "Irina Kovac", kovac
