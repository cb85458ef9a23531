"""An earthquake (a story we wrote) told over three days by a wire, a copy of it, the local paper, an opposition site
and a broadcaster: the magnitude two agencies measure differently, a toll that rises day by day, the activists' toll
set against the government's, an injured count that grows past its first bound, and a day of aid still to come."""

from __future__ import annotations

import pytest

import newsweave
from conftest import sources_by_value as _values
from newsweave.model import Article

WIRE = (
    "ZARAKAND, May 15 (Meridian Press) - A magnitude 6.8 earthquake struck the mountainous east of "
    "Tavristan early on Tuesday, killing at least 112 people and injuring more than 400, the country's "
    "emergency ministry said.\n\n"
    "The quake hit at 04:12 local time about 30 km (19 miles) north of the city of Khojabad at a depth of "
    "10 km, the U.S. Geological Survey said.\n\n"
    "Rescuers were searching for survivors under collapsed homes in Khojabad and the nearby town of "
    "Qaraqum, where residents said whole streets had been flattened.\n\n"
    "President Rustam Nazarov ordered troops to the region and declared three days of national mourning. "
    '"We will rebuild every home," he said in a televised address.\n\n'
    "The Red Crescent said about 20,000 people had been left homeless.")
COPY = (
    "A magnitude 6.8 earthquake struck the mountainous east of Tavristan early on Tuesday, killing at "
    "least 112 people and injuring more than 400, the country's emergency ministry said.\n\n"
    "The quake hit at 04:12 local time about 30 km (19 miles) north of the city of Khojabad at a depth of "
    "10 km, the U.S. Geological Survey said.\n\n"
    "Rescuers were searching for survivors under collapsed homes in Khojabad and the nearby town of "
    "Qaraqum, where residents said whole streets had been flattened.\n\n"
    "The region was last hit by a major earthquake in 1998, when more than 2,000 people died.\n\n"
    "Subscribe to our newsletter for the latest news from the region.")
LOCAL = (
    "The death toll from Tuesday's earthquake in eastern Tavristan rose to 164 on Wednesday, the "
    "emergency ministry said, as rescuers pulled more bodies from the rubble of Hojabad.\n\n"
    "Emergency Minister Dilnoza Yusupova told reporters that 520 people had been injured, 90 of them "
    'seriously. "Our teams are working around the clock," she said.\n\n'
    "The 6.7-magnitude quake flattened much of Karakum, a town of about 15,000 people, Yusupova said. "
    "Officials said 35,000 people had been left homeless across the region.\n\n"
    "President Rustam Nazarov visited Hojabad on Wednesday and promised that every destroyed home would "
    "be rebuilt within a year.")
OPPOSITION = (
    "The regime's criminal neglect turned Tuesday's earthquake into a massacre. At least 300 people are "
    "dead, according to local activists, far more than the government's doctored figures admit.\n\n"
    "The crumbling Soviet-era apartment blocks of Hojabad collapsed like houses of cards, burying whole "
    "families. For years, President Rustam Nazarow's cronies pocketed the money meant to repair them.\n\n"
    '"They knew these buildings would fall," said Farhod Aliyev, a teacher who lost his brother in '
    "Karakum.")
BROADCASTER = (
    "Rescue teams in eastern Tavristan ended the search for survivors on Thursday, two days after an "
    "earthquake that killed 171 people, according to the emergency ministry.\n\n"
    "The U.S. Geological Survey measured the quake at magnitude 6.8, while Tavristan's national "
    "seismological institute put it at 6.7.\n\n"
    "About 35,000 people remain homeless, many of them sleeping in tents in the hills above Khojabad. The "
    "United Nations said it would send emergency shelter for 10,000 families on Friday.\n\n"
    "Human rights groups have called for an independent inquiry into building standards in the region.")

@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2029-05-15", text=WIRE),
        Article(id="copy", source="copy", outlet="Gulf Observer", published="2029-05-15", text=COPY),
        Article(id="local", source="local", outlet="Tavristan Today", published="2029-05-16", text=LOCAL),
        Article(id="opposition", source="opposition", outlet="Free Tavristan Voice", published="2029-05-16",
                text=OPPOSITION),
        Article(id="broadcaster", source="broadcaster", outlet="Global Report", published="2029-05-17",
                text=BROADCASTER),
    ])


def _numbers(briefing, subject):
    return [d for d in briefing.disagreements if d["kind"] == "number" and d["subject"] == subject]



def test_two_agencies_magnitudes_are_differing_measurements(briefing):
    """ "measured the quake at magnitude 6.8, while Tavristan's national seismological institute put it at 6.7",
    and the local paper's "6.7-magnitude quake": one measure, two agencies' readings, not parts of one whole."""
    (item,) = _numbers(briefing, "magnitude")
    assert item["status"] == "estimate", item["explanation"]
    values = _values(item)
    assert values["6.7"] == ["broadcaster", "local"] and sorted(values) == ["6.7", "6.8"], values
    assert "citing The U.S. Geological Survey" in item["explanation"], item["explanation"]
    assert "citing Tavristan's national seismological institute" in item["explanation"], item["explanation"]


def test_a_figure_glued_to_magnitude_is_read():
    from newsweave.annotate.quantities import tag_quantities

    assert [q.value for q in tag_quantities("The 6.7-magnitude quake flattened much of the town.")] == [6.7]


def test_a_toll_set_against_the_governments_is_a_contradiction_not_an_update(briefing):
    """ "At least 300 people are dead, according to local activists, far more than the government's doctored figures
    admit": a rival of the ministry's toll, whose own rise (112, 164, 171) stays an update without it."""
    dead = _numbers(briefing, "dead")
    (update,) = [d for d in dead if d["status"] == "update"]
    assert list(_values(update)) == ["at least 112 people", "164", "171 people"], update["explanation"]
    (rival,) = [d for d in dead if d["status"] == "contradiction"]
    assert _values(rival)["At least 300 people"] == ["opposition"], rival["explanation"]
    assert "sets its figure against the others'" in rival["explanation"], rival["explanation"]


def test_a_later_days_count_of_the_injured_past_the_first_bound_is_an_update(briefing):
    """ "injuring more than 400" (Tuesday) / "520 people had been injured" (Wednesday): the bound still holds, but
    the count of a toll moved."""
    (item,) = _numbers(briefing, "injured")
    assert item["status"] == "update" and list(_values(item)) == ["more than 400", "520 people"], item["explanation"]


@pytest.mark.parametrize("text", [
    "Norvik Bank said the theft may have hit 6 million accounts, more than twice the number it first gave.",
    "About 300 people marched, more than the organisers had hoped for.",
])
def test_a_revision_or_a_hope_is_no_rival_count(text):
    from newsweave.align.disagreements import _rebuttal
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.model import Claim

    qs = tag_quantities(text)
    claim = Claim(article="a", index=0, sentence=0, start=0, end=len(text), text=text, quantities=qs)
    assert _rebuttal(text, claim, qs[0]) is None


def test_a_day_of_aid_still_to_come_is_ahead_of_the_report(briefing):
    """ "The United Nations said it would send emergency shelter for 10,000 families on Friday" (a Thursday's
    report): the Friday ahead; the comma of "10,000" ends no clause."""
    days = {e["date"] for e in briefing.timeline if "emergency shelter" in e["event"]}
    assert days == {"2029-05-18"}, [(e["date"], e["event"][:60]) for e in briefing.timeline]


def test_a_kh_written_h_is_one_name(briefing):
    """ "Khojabad" (the wire) / "Hojabad" (the local paper, the opposition site): one town."""
    from newsweave.annotate.entities import same_name

    assert same_name("Khojabad", "Hojabad") and same_name("Kharkiv", "Harkiv")
    assert not same_name("Khan", "Han")  # (a short name: only an exact match)
    (town,) = [e for e in briefing.entities if "Khojabad" in [e["name"], *e.get("aliases", [])]]
    assert "Hojabad" in [town["name"], *town.get("aliases", [])], town


def test_a_comparison_is_no_attribution(briefing):
    """ "far more than the government's doctored figures admit": the figures are no speaker."""
    speakers = {q["speaker"] for q in briefing.quotes}
    assert "local activists" in speakers and not [s for s in speakers if "figures" in s], speakers


def test_a_possessive_is_read_for_its_loaded_noun():
    from newsweave.compose.framing import loaded_terms

    terms = [t[2] for t in loaded_terms("The regime's criminal neglect turned the earthquake into a massacre.")]
    assert "regime" in terms, terms
    assert [t[2] for t in loaded_terms("far more than the government's doctored figures admit")][:1] == ["doctored"]
    assert not loaded_terms("The doctor's notes were read in court.")


def test_an_exact_figure_and_the_same_figure_hedged_are_one_position(briefing):
    """ "35,000 people had been left homeless" / "About 35,000 people remain homeless": one value against the Red
    Crescent's 20,000, and the summary cites both reports."""
    (item,) = _numbers(briefing, "displaced")
    assert sorted(_values(item).values()) == [["broadcaster", "local"], ["wire"]], item["positions"]
    (told,) = [s for s in briefing.summary if "35,000" in s.text]
    assert sorted(told.sources) == ["broadcaster", "local"], told


def test_the_summary_tells_the_toll_as_it_rose_and_no_outlets_verdict(briefing):
    """The ministry's toll as it rose is told (its values are no rivals of each other for being held together
    against the activists' 300, and the wire and its copy are one source); the opposition site's "The regime's
    criminal neglect turned Tuesday's earthquake into a massacre" is not."""
    texts = [s.text for s in briefing.summary]
    assert any("rose to 164" in t for t in texts), texts
    assert not [t for t in texts if "regime" in t or "cronies" in t], texts
