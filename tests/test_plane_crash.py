"""A plane crash (a story we wrote) told by a wire, a paper of the same day, the local paper and an aviation site of
the next day, and a tabloid: a toll that rose, told by the next day's local paper as "the death toll ... rose to 46"
with no place named; survivors still in hospital, a part of the survivors; an earlier crash recalled in a clause
of its own year; and the tabloid's count of those aboard."""

from __future__ import annotations

import pytest

import newsweave
from conftest import sources_by_value as _values
from newsweave.model import Article

WIRE = (
    "PORT SELIM, Oct 3 (Meridian Press) - An Aeroval passenger plane carrying 68 people crashed shortly after "
    "take-off from Port Selim on Sunday, killing at least 40, officials said.\n\n"
    "The ATR 72-600 turboprop, flight AV312 to Kerem, went down at 14:20 local time (1120 GMT) in a field about 5 km "
    "from the end of the runway, the civil aviation authority said. The plane was carrying 64 passengers and four "
    "crew, Aeroval said in a statement.\n\n"
    "Rescue workers pulled 22 survivors from the burning wreckage, and they were taken to hospitals in Port Selim, "
    "health officials said.\n\n"
    "Witnesses said the aircraft banked sharply to the left before it hit the ground. \"We heard a bang and then "
    'saw black smoke," said farmer Idris Kaya.')
GLOBE = (
    "At least 40 people were killed when an Aeroval turboprop with 68 people on board crashed minutes after taking "
    "off from Port Selim airport at 11:20 GMT on Sunday.\n\n"
    "The aircraft, operating flight AV 312 to the northern city of Kerem, came down in farmland near the village of "
    "Dalyan, according to the civil aviation authority.\n\n"
    "It is the deadliest air disaster in Marenia since 2009, when 112 people died in a crash near the capital.")
LOCAL = (
    "The death toll from Sunday's crash of Aeroval flight AV312 rose to 46 on Monday after six of the injured died "
    "in hospital, the health ministry said.\n\n"
    "Sixteen survivors remain in hospital, four of them in critical condition, Health Minister Selin Arslan said.\n\n"
    "Investigators recovered the plane's flight data recorder and cockpit voice recorder from the wreckage on "
    "Monday, the civil aviation authority said. The captain, 52, had more than 11,000 flying hours.\n\n"
    "Aeroval grounded its other four ATR aircraft pending inspections.")
TABLOID = (
    "A clapped-out budget airliner carrying 70 people plunged out of the sky on Sunday, turning a farmer's field "
    "into a hellish graveyard.\n\n"
    "Greedy Aeroval bosses had been warned about the 14-year-old plane's faulty engines, a former mechanic told the "
    "Siren.\n\n"
    "The airline's chief executive Omer Tan refused to comment.")
AVIATION = (
    "An Aeroval ATR 72-600 registered TC-AVK crashed about two minutes after departing Port Selim at 14:20 local "
    "time on Sunday, October 3.\n\n"
    "The aircraft was delivered new to the airline in 2018. Both flight recorders have been recovered, and the "
    "Marenian Transport Safety Board has opened an investigation.\n\n"
    "The aircraft was carrying 64 passengers and 4 crew members. According to the health ministry, 46 people have "
    "died and 22 survived.\n\n"
    "The pilot, 54, had flown for Aeroval since 2011.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2032-10-03", text=WIRE),
        Article(id="globe", source="globe", outlet="The Harbour Globe", published="2032-10-03", text=GLOBE),
        Article(id="local", source="local", outlet="Port Selim Daily", published="2032-10-04", text=LOCAL),
        Article(id="tabloid", source="tabloid", outlet="The Evening Siren", published="2032-10-04", text=TABLOID),
        Article(id="aviation", source="aviation", outlet="Flight Safety Watch", published="2032-10-04", text=AVIATION),
    ])



def test_the_toll_named_as_the_storys_rose(briefing):
    """ "killing at least 40" (Sunday) / "The death toll from Sunday's crash of Aeroval flight AV312 rose to 46"
    (Monday; no place named, and "AV312 rose to 46" is no tally of 312 against 46) / "46 people have died"."""
    (item,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert item["status"] == "update", item["explanation"]
    values = _values(item)
    assert values["46 people"] == ["aviation", "local"] and "at least 40" in values, values


def test_an_earlier_crash_recalled_in_its_years_clause_is_no_position(briefing):
    """ "the deadliest air disaster in Marenia since 2009, when 112 people died": 2009's toll, not this crash's."""
    assert not [d for d in briefing.disagreements if any("112" in p["value"] for p in d["positions"])]


def test_survivors_still_in_hospital_are_a_part_of_the_survivors(briefing):
    """ "Rescue workers pulled 22 survivors" / "Sixteen survivors remain in hospital": no rival counts."""
    assert not [d for d in briefing.disagreements if d["subject"] == "survivors"], briefing.disagreements


def test_the_tabloids_count_of_those_aboard_is_a_contradiction(briefing):
    (item,) = [d for d in briefing.disagreements if any(p["value"] == "70 people" for p in d["positions"])]
    assert item["status"] == "contradiction" and _values(item)["68 people"] == ["globe", "wire"], item


@pytest.mark.parametrize("text, figure, part", [
    ("Most of GM's other 22 assembly plants are expected to run out of parts.", "22", True),
    ("The remaining 40 hostages were freed on Friday.", "40", True),
    ("GM has 29 assembly plants in North America.", "29", False),
])
def test_what_is_left_of_a_group_is_a_part_of_it(text, figure, part):
    from newsweave.align.disagreements import _partitive
    from newsweave.annotate.quantities import tag_quantities

    (q,) = [q for q in tag_quantities(text) if q.text.startswith(figure)]
    assert _partitive(text, q) is part


def test_a_figure_inside_a_code_opens_no_tally():
    from newsweave.align.disagreements import _tally_first
    from newsweave.annotate.quantities import tag_quantities

    text = "The death toll from the crash of flight AV312 rose to 46 on Monday."
    (q,) = [q for q in tag_quantities(text) if q.text == "46"]
    assert _tally_first(text, q) is None
    text = "The bill passed by 212 votes to 181."
    (q,) = [q for q in tag_quantities(text) if q.text == "181"]
    assert _tally_first(text, q) == "212"


def test_an_airline_the_tagger_never_saw_is_a_name_of_every_report(briefing):
    """ "An Aeroval passenger plane", "Aeroval said in a statement", "Greedy Aeroval bosses" (the tagger's span ran
    the tabloid's opening adjective in): one organisation, named by all five reports."""
    (airline,) = [e for e in briefing.entities if e["name"] == "Aeroval"]
    assert airline["type"] == "ORG" and len(airline["sources"]) == 5, airline
    assert not [e for e in briefing.entities if "Greedy" in e["name"]]


def test_words_of_names_and_dictionary_words_are_no_names_of_their_own():
    """Two reports each writing "center Olden Polynice" (a word of a longer name), "the Richter scale" (a scale),
    "Siren" (an English word) or "Kellner's disease" (a disease) give no name; "Netvia" written alone in two reports
    does."""
    from newsweave.annotate.entities import _recurring_names

    texts = {"a": "The guard Olden Polynice joined Netvia users on a quake of 6 on the Richter scale near the Siren. "
                  "He has Kellner's disease.",
             "b": "Netvia said the guard Olden Polynice felt a quake of 5 on the Richter scale near the Siren. Many "
                  "have Kellner's disease."}
    assert sorted({(m.surface, m.label) for m in _recurring_names(texts, [])}) == [("Netvia", "ORG")]


@pytest.mark.parametrize("text, dated, recalled", [
    ("It is the deadliest air disaster since 2009, when 112 people died in a crash.", True, True),
    ("The worst previous fire disaster was in 1978 in Boraas, when 20 people died in a hotel fire.", True, True),
    # a sentence that opens with a year recalls it only where the report's own year is unknown
    ("The fire was the deadliest in modern history. In 1978, 20 people died in a fire at a hotel.", False, True),
    ("The fire was the deadliest in modern history. In 1978, 20 people died in a fire at a hotel.", True, False),
    ("The fire killed 20 people, the worst toll since the war.", False, False),
])
def test_a_figure_of_a_year_recalled_is_that_years(text, dated, recalled):
    from newsweave.align.disagreements import _recalled
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.model import Claim

    q = next(q for q in tag_quantities(text) if q.value in (112, 20))
    claim = Claim(article="a", index=0, sentence=0, start=0, end=len(text), text=text, quantities=[q])
    assert _recalled(text, claim, q, dated) is recalled


def test_the_tabloids_verdict_on_the_plane_is_loaded(briefing):
    """ "A clapped-out budget airliner ... plunged out of the sky": the outlet's verdict on the plane's upkeep."""
    (card,) = [f for f in briefing.framing if f["article"] == "tabloid"]
    assert "clapped-out" in {t["term"] for t in card["terms"]}, card["terms"]
