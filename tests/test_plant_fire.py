"""A chemical plant fire (a story we wrote): the wire's report, the town's paper, an environmental group's claims and
the wire's report two days on, when residents went home. Who said what at the end of a sentence, an act and its
undoing, people moved out of their homes, and a company called by its first word."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "BREKKA, July 13 (Meridian Press) - A fire at a chemical plant in the northern town of Brekka forced the evacuation "
    "of about 4,000 residents on Saturday, officials said.\n\n"
    "Black smoke rose over the Halvorsen Chemicals site after an explosion in a storage tank shortly after 6 a.m. Two "
    "workers were taken to hospital with burns, fire chief Ola Strand said.\n\n"
    "Authorities set up a 3-kilometre exclusion zone around the plant and told people living further away to keep "
    "their windows shut.")
LOCAL = (
    "Some 3,500 people were moved out of their homes in Brekka on Saturday as a blaze tore through the Halvorsen "
    "chemical works.\n\n"
    "Police sealed off roads within two miles of the plant. Fire chief Ola Strand said crews were pouring foam on "
    "the burning tank and expected the fire to burn for another day.\n\n"
    "\"There is no risk to public health,\" Halvorsen spokesman Erik Lunde said.")
GREEN = (
    "A toxic plume from the Halvorsen plant fire in Brekka has exposed thousands of people to dangerous fumes, the "
    "environmental group Clean Fjords said on Sunday.\n\n"
    "The group said its own air samples showed chlorine levels far above safe limits, and accused the company of "
    "playing down the danger.")
LATER = (
    "BREKKA, July 15 (Meridian Press) - Residents of Brekka were allowed back into their homes on Monday after "
    "firefighters put out a blaze at the Halvorsen Chemicals plant on Sunday night.\n\n"
    "One of the two workers injured in Saturday's explosion died in hospital on Sunday, police said. The company said "
    "it would cooperate fully with an investigation.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2047-07-13", title="Thousands evacuated after chemical plant fire"),
        report("local", "Brekka Tidende", LOCAL, "2047-07-13", title="Blaze at Halvorsen works"),
        report("green", "Fjord Watch", GREEN, "2047-07-14", title="Toxic plume over Brekka, say campaigners"),
        report("later", "Meridian Press", LATER, "2047-07-15", title="Brekka residents return home"),
    ])


def test_a_speaker_the_parser_hangs_on_the_statement_is_no_part_of_it(briefing):
    """"Two workers were taken to hospital with burns, fire chief Ola Strand said." (the parser reads the fire chief
    as a conjunct of "burns") is not stated by the town paper's "Fire chief Ola Strand said crews were pouring foam
    on the burning tank": the same speaker, and "burn", but another statement."""
    (item,) = [s for s in briefing.summary if s.text.startswith("Two workers were taken to hospital")]
    assert item.sources == ["wire"], item.sources


@pytest.mark.parametrize("text, said", [
    ("Two workers were taken to hospital with burns, fire chief Ola Strand said.", ["worker", "take", "hospital", "burn"]),
    ("The bridge will reopen in May, the city's transport director said.", ["bridge", "reopen"]),
])
def test_the_words_of_a_closing_attribution_are_not_what_a_claim_states(text, said):
    from newsweave.annotate import annotate
    from newsweave.model import Article

    (doc,) = annotate([Article(id="a", source="a", text=text, published="2047-07-13")])
    (claim,) = doc.claims
    assert claim.terms == said and claim.attributed, claim


def test_an_act_and_its_undoing_are_two_events(briefing):
    """"were moved out of their homes in Brekka on Saturday" / "Residents of Brekka were allowed back into their homes
    on Monday": no date of one event told two ways."""
    assert not [d for d in briefing.disagreements if d["kind"] == "date"], briefing.disagreements


def test_people_moved_out_of_their_homes_are_the_displaced(briefing):
    """"forced the evacuation of about 4,000 residents" (officials) / "Some 3,500 people were moved out of their
    homes" (the town's paper), one day, one town: two estimates of one count."""
    (moved,) = [d for d in briefing.disagreements if "3,500" in str(d["positions"])]
    assert moved["status"] == "estimate", moved["explanation"]
    assert sources_by_value(moved) == {"Some 3,500 people": ["local"], "about 4,000 residents": ["wire"]}


def test_a_company_called_by_its_first_word_is_the_company(briefing):
    """"Halvorsen spokesman Erik Lunde", "the Halvorsen plant fire": the reports that never write "Halvorsen
    Chemicals" in full still mean it."""
    (company,) = [e for e in briefing.entities if e["name"] == "Halvorsen Chemicals"]
    assert "Halvorsen" in company["aliases"] and {"local", "green"} <= set(company["sources"]), company
    assert not [e for e in briefing.entities if e["name"] == "Halvorsen"], briefing.entities


def test_an_attribution_read_as_a_clause_dates_the_saying(briefing):
    """", the environmental group Clean Fjords said on Sunday." (the parser hangs "said" on "group" as its clause)
    dates what the group said, not a phrase of its own: the timeline's Sunday item is the group's statement."""
    (item,) = [e for e in briefing.timeline if "green" in e["sources"]]
    assert item["date"] == "2047-07-14" and "toxic plume" in item["event"], item
