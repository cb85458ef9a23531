"""A bridge collapse told by a local paper's web page, a wire's JSONL feed and a trade weekly's Markdown (a story we
wrote): a river named before its kind is a place, a tagger's span in lower case is no name, and two speakers told
by different descriptions ("regional officials" / "emergency services") are not one voice."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

LOCAL = (
    "At least five people were killed when a 240-metre section of the Kessel Bridge collapsed into the Orva river "
    "during the morning rush hour on Monday, regional officials said.\n\n"
    "Divers were still searching the Orva river for at least four people reported missing.")
WIRE = (
    "KESSEL, Sept 14 (Continental Press) - At least four people died when part of a bridge over the Orva river "
    "collapsed on Monday morning, emergency services said.\n\n"
    "The 57-year-old Kessel Bridge was carrying heavy morning traffic when an 800-foot section fell.")
WEEKLY = (
    "Engineers who studied photographs of the collapse said corrosion of steel cables inside the concrete deck was "
    "the most likely cause.\n\n"
    "The Kessel Bridge had not had a full structural survey since 2011, according to regional records.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="local", source="local", outlet="Harbour Post", published="2026-09-14", text=LOCAL),
        Article(id="wire", source="wire", outlet="Continental Press", published="2026-09-14", text=WIRE),
        Article(id="weekly", source="weekly", outlet="Civil Works Weekly", published="2026-09-16", text=WEEKLY),
    ])


def test_a_river_named_before_its_kind_is_a_place_not_a_town(briefing):
    orva = [e for e in briefing.entities if e["name"] == "Orva"]
    assert orva and orva[0]["type"] == "LOC", [(e["name"], e["type"]) for e in briefing.entities]


def test_a_taggers_span_in_lower_case_is_no_name(briefing):
    names = [e["name"] for e in briefing.entities]
    assert not [n for n in names if not any(ch.isupper() for ch in n)], names


def test_an_institution_written_in_lower_case_is_still_named():
    text = ("Soldiers were sent to Brenn on Monday, the defence ministry said.\n\n"
            "The Defence Ministry later said the soldiers had reached the town.")
    b = newsweave.brief([Article(id="a", source="a", outlet="Coast Wire", published="2026-09-14", text=text)])
    ministry = [e for e in b.entities if e["name"].lower() == "defence ministry"]
    assert ministry and len(ministry[0]["mentions"]) == 2, b.entities


def test_two_speakers_of_different_descriptions_are_not_one_voice(briefing):
    # the local paper's "regional officials" and the wire's "emergency services" give one toll's figures, but the wire
    # does not quote the officials
    voices = {f["article"]: f["voices"] for f in briefing.framing}
    assert voices["wire"] == ["emergency services"], voices
    assert voices["local"] == ["regional officials"], voices
