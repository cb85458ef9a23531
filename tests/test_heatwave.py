"""A heatwave sets a record (a story we wrote): a wire's report in British style ("41.3C (106.3F)"), a tabloid's, the
capital's paper's, and the wire's report of the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value
from newsweave.annotate.quantities import tag_quantities

WIRE = (
    'VARNO, Ostmark, July 22 (Meridian Press) - Temperatures in the Ostmark capital Varno reached 41.3C '
    '(106.3F) on Tuesday, the highest since records began in 1881, the national weather service said.\n\n'
    'The previous record, 39.8C, was set in August 2003.\n\n'
    'Health officials said at least 14 people had died of heat-related causes since Saturday, most of '
    'them elderly.\n\n'
    "The weather service issued a red alert for 11 of the country's 16 regions and said the heatwave "
    'would last until at least Friday.\n\n'
    'Grid operator OstNet said electricity demand hit an all-time high of 52 gigawatts on Tuesday '
    'afternoon.')

TABLOID = (
    'HELL ON EARTH! Sweltering Ostmark roasted in a scorching 107F yesterday as the killer heatwave '
    'claimed its 20th victim.\n\n'
    'Desperate families flocked to beaches and parks as the mercury soared to a record-smashing high in '
    'Varno.\n\n'
    'Hospitals are struggling to cope, with paramedics called to 3,000 heat emergencies in a single day.\n\n'
    'Forecasters warn there is no end in sight.')

LOCAL = (
    "Varno sweltered through its hottest day on record on Tuesday as the thermometer at the city's "
    'central weather station touched 41.3 degrees Celsius.\n\n'
    'The city opened 40 cooling centres and extended the opening hours of public swimming pools until '
    '10pm.\n\n'
    'Mayor Lidia Orban urged residents to check on elderly neighbours. "Nobody should be alone in this '
    'heat," she said.\n\n'
    'The health ministry said 14 deaths had been linked to the heat since Saturday.')

WIRE2 = (
    "VARNO, Ostmark, July 23 (Meridian Press) - The death toll from Ostmark's heatwave rose to 19 on "
    'Wednesday, the health ministry said, as temperatures eased slightly to 38C in the capital.\n\n'
    "Tuesday's reading of 41.3C at Varno was confirmed as a national record by the weather service, which "
    'said the heat would persist until Saturday, a day longer than first forecast.\n\n'
    'Power demand fell back to 47 gigawatts, grid operator OstNet said.')


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2031-07-22", title="Ostmark capital swelters in record 41.3C heat"),
        report("tabloid", "The Daily Blaze", TABLOID, "2031-07-23", title="HELL ON EARTH"),
        report("local", "Varno Courier", LOCAL, "2031-07-22", title="Varno has hottest day on record"),
        report("wire2", "Meridian Press", WIRE2, "2031-07-23", title="Ostmark heatwave death toll rises to 19"),
    ])


def test_temperatures_written_in_british_style_are_measures():
    """"41.3C (106.3F)", "a scorching 107F", "eased slightly to 38C": a degree sign left out where the words tell the
    weather; not a seat or a class ("seat 12F", "Class 5C")."""
    figures = [(q.text, q.value, q.unit) for q in tag_quantities(WIRE + " " + TABLOID + " " + WIRE2)]
    assert ("41.3C", 41.3, "°C") in figures and ("106.3F", 106.3, "°F") in figures, figures
    assert ("107F", 107.0, "°F") in figures and ("38C", 38.0, "°C") in figures, figures
    assert tag_quantities("He sat in seat 12F. Class 5C pupils went home.") == []


def test_the_record_reading_is_one_fact_of_three_reports(briefing):
    """"reached 41.3C (106.3F) on Tuesday" / "touched 41.3 degrees Celsius" / "Tuesday's reading of 41.3C at Varno":
    one precise measure of one place, in any unit, is one statement (the three share few other words)."""
    (fact,) = [f for f in briefing.facts if "41.3" in f["text"]]
    assert set(fact["sources"]) == {"wire", "local", "wire2"}, fact


def test_the_toll_rises_from_one_day_to_the_next(briefing):
    """14 dead (the wire's "at least 14 people", the capital's paper's "14 deaths") on Tuesday, 19 on Wednesday: an
    update, found once the two wire reports share a statement (the record reading)."""
    (toll,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert toll["status"] == "update", toll
    values = sources_by_value(toll)
    assert values["19"] == ["wire2"] and values["14 deaths"] == ["local"], values


def test_a_record_since_records_began_dates_nothing(briefing):
    """"the highest since records began in 1881" measures the record; 1881 is no event of the story."""
    assert not [t for t in briefing.timeline if t["date"].startswith("1881")], briefing.timeline


def test_a_toll_claimed_is_no_doubtful_claim(briefing):
    """"the killer heatwave claimed its 20th victim" tells a death, not a say-so the outlet doubts; its "roasted" and
    "record-smashing" are hype."""
    (tabloid,) = [f for f in briefing.framing if f["article"] == "tabloid"]
    terms = {t["term"] for t in tabloid["terms"]}
    assert "claim" not in terms and {"roasted", "record-smashing"} <= terms, terms


def test_a_shouted_kicker_is_no_organisation(briefing):
    """The tabloid's "HELL ON EARTH! Sweltering Ostmark ..." opens on a shout, not a name (the tagger's organisation):
    capitals throughout, small words among them."""
    names = {e["name"] for e in briefing.entities}
    assert "HELL ON EARTH" not in names and {"Varno", "Ostmark", "OstNet", "Lidia Orban"} <= names, names
