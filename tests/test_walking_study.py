"""A health study (a story we wrote): the wire, a tabloid and a science desk the next day. A scientist's name spelled
two ways, and a study "published this week in" a journal whose name the parser took for the next clause's subject."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "LONDON, June 5 (Meridian Press) - People who walk at least 7,000 steps a day have a 31% lower risk of dying early "
    "than those who walk fewer than 4,000, according to a study of 12,400 adults published on Wednesday in the "
    "journal Heart Review.\n\n"
    "The researchers, led by Dr Amal Idris of the University of Kestrel, followed the participants for eight years. "
    "They said the benefit levelled off above about 10,000 steps.")
TABLOID = (
    "MIRACLE CURE: A daily stroll could slash your risk of an early death by a third, boffins say.\n\n"
    "Scientists who tracked more than 12,000 people for a decade found walking 7,000 steps a day was the magic "
    "number.\n\n"
    "Dr Amal Idriss said: \"You don't need to run marathons.\"")
SCIENCE = (
    "A large observational study published this week in Heart Review links walking about 7,000 steps a day with a "
    "lower risk of early death, but cannot show that walking itself is the cause, experts cautioned.\n\n"
    "The study of 12,400 adults, followed for eight years, found a 31 percent lower risk of death among those who "
    "reached 7,000 steps, compared with those below 4,000.\n\n"
    "\"People who walk more may simply be healthier to begin with,\" said Professor Lena Hart, a statistician who "
    "was not involved in the study.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2047-06-05", title="7,000 steps a day linked to longer life"),
        report("tabloid", "The Daily Roar", TABLOID, "2047-06-05", title="Walk your way to a longer life"),
        report("science", "Science Desk", SCIENCE, "2047-06-06", title="Step counts and mortality: what the study shows"),
    ])


def test_a_name_with_its_last_letter_doubled_is_one_person(briefing):
    """"Dr Amal Idris" / "Dr Amal Idriss": a transliteration, not a name with an ending ("Armenia" / "Armenians")."""
    (lead,) = [e for e in briefing.entities if e["name"] in ("Amal Idris", "Amal Idriss")]
    assert {"Amal Idris", "Amal Idriss"} <= set(lead["aliases"]), briefing.entities


def test_a_dated_phrase_never_ends_on_a_preposition(briefing):
    """"A large observational study published this week in Heart Review links ...": the parser reads "Heart Review"
    as the subject of "links"; the timeline's phrase stops before the preposition it left without an object."""
    (week,) = [e for e in briefing.timeline if "science" in e["sources"]]
    assert week["event"] == "A large observational study published this week", week
