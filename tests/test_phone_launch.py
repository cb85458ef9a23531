"""A phone launch (a story we wrote): the wire's report, a gadget site's hands-on the next day, a business paper's."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.annotate.dates import tag_timexes

WIRE = (
    "SAN LORENZO, Sept 8 (Meridian Press) - Orbis unveiled its Orbis 12 smartphone on Tuesday, with a starting price "
    "of $899, $100 more than last year's model, and said it would go on sale on September 18.\n\n"
    "The phone has a 6.3-inch screen and a battery the company says lasts up to 30 hours. Orbis shares fell 2.1% "
    "after the launch.")
TECH = (
    "Orbis has finally revealed the Orbis 12, and it's a game-changer. The stunning new handset, which starts at "
    "$899, packs a gorgeous 6.3in display and a battery that Orbis claims will last a whopping 30 hours.\n\n"
    "Pre-orders open on Friday, with the phone landing in stores on Sept. 18.")
BUSINESS = (
    "Orbis raised the entry price of its flagship phone by 12.5% to $899 on Tuesday as it tries to lift margins "
    "squeezed by rising component costs.\n\n"
    "Analysts at Harlow Capital expect Orbis to sell about 70 million units of the Orbis 12 in its first year. "
    "Orbis shares closed down 2% in New York.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2043-09-08", title="Orbis unveils Orbis 12"),
        report("tech", "Gadget Pulse", TECH, "2043-09-09", title="Orbis 12 hands-on"),
        report("business", "Lorenzo Business Journal", BUSINESS, "2043-09-08", title="Orbis lifts phone price"),
    ])


def test_a_schedule_told_in_the_plural_present_is_ahead(briefing):
    """"Pre-orders open on Friday" in Wednesday's report: the Friday to come, as "The museum opens on Friday" is."""
    friday = [(t["date"], t["status"]) for t in briefing.timeline if t["event"].startswith("Pre-orders open on Friday")]
    assert ("2043-09-11", "scheduled") in friday and not [d for d, _ in friday if d < "2043-09-09"], briefing.timeline


@pytest.mark.parametrize("text, value", [
    ("Talks begin on Monday.", "2043-09-14"),
    ("Polls close on Sunday.", "2043-09-13"),
    ("Schools reopen on Monday after the storm.", "2043-09-14"),
    ("The shops did not open on Friday.", "2043-09-04"),
    ("The border crossings were open on Friday.", "2043-09-04"),
    ("The markets closed on Friday.", "2043-09-04"),
])
def test_only_a_plural_subjects_present_looks_ahead(text, value):
    assert [t.value for t in tag_timexes(text, "2043-09-09")] == [value]


def test_a_phrase_that_goes_on_from_its_clause_is_no_event_alone(briefing):
    """"Orbis unveiled its Orbis 12 smartphone on Tuesday, with a starting price of $899, ..., and said it would go on
    sale on September 18": the piece from "with" is no statement; the timeline keeps the sentence."""
    assert not [t for t in briefing.timeline if t["event"].lower().startswith("with ")], briefing.timeline
