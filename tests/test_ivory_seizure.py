"""An ivory seizure (a story we wrote): the wire's report, a site that copies it under its own headline, the port's
paper, a tabloid quoting campaigners and the wire's follow-up two days on. One haul weighed in two units, valued in
two currencies and at two sums, and a port and a customs chief spelled two ways."""

from __future__ import annotations

import pytest

import newsweave
from conftest import fact_with, report, sources_by_value

WIRE = (
    "TESALI, March 12 (Meridian Press) - Customs officers in the Korvanian port of Tesali seized 3.2 tonnes of elephant "
    "ivory hidden in a shipping container of timber bound for Asia, the customs service said on Tuesday.\n\n"
    "The tusks, worth an estimated $4.5 million, were found on Monday when officers scanned the container, customs "
    "director Amira Haddou told reporters. Two men, a clearing agent and a truck driver, were arrested.\n\n"
    "It was the largest ivory seizure in Korvania since 2039, when 2.4 tonnes were found at the same port.")
COPY = (
    "Huge ivory haul found in Tesali container\n\n"
    "Customs officers in the Korvanian port of Tesali seized 3.2 tonnes of elephant ivory hidden in a shipping "
    "container of timber bound for Asia, the customs service said on Tuesday.\n\n"
    "The tusks, worth an estimated $4.5 million, were found on Monday when officers scanned the container, customs "
    "director Amira Haddou told reporters. Two men, a clearing agent and a truck driver, were arrested.")
LOCAL = (
    "Customs officers at Tessali port found 3,200 kilograms of ivory on Monday in a container declared as teak logs, "
    "the port authority said.\n\n"
    "The haul was valued at 4.1 million euros. Customs chief Amira Hadou said the container had been sealed in the "
    "inland town of Mbeli and trucked to the port on Sunday.\n\n"
    "\"We are not a transit route for criminals,\" Hadou said.")
TABLOID = (
    "Butchered for their tusks: more than 400 elephants were slaughtered for the blood ivory found in Tesali, "
    "campaigners said on Wednesday.\n\n"
    "Greedy traffickers had packed the tusks, worth up to $6 million on the black market, under planks of timber, the "
    "Wild Herds Trust said. Its director, Jonas Okafor, called the haul \"a massacre in a box\".\n\n"
    "Customs officers seized the container at the port on Monday.")
LATER = (
    "VARSA, March 14 (Meridian Press) - Police in Korvania have arrested a third man over the seizure of 3.2 tonnes of "
    "ivory at the port of Tesali, a police spokeswoman said on Thursday.\n\n"
    "The man, a 41-year-old businessman, was arrested on Wednesday in the capital Varsa, spokeswoman Nadia Brel said. "
    "A court on Thursday ordered the clearing agent and the driver held for 14 days.")


def articles(tabloid: str = TABLOID):
    return [
        report("wire", "Meridian Press", WIRE, "2047-03-12", title="Korvania seizes 3.2 tonnes of ivory"),
        report("copy", "Gazette Online", COPY, "2047-03-12", title="Huge ivory haul found"),
        report("local", "Tessali Herald", LOCAL, "2047-03-12", title="Ivory found at port"),
        report("tabloid", "The Daily Roar", tabloid, "2047-03-13", title="Massacre in a box"),
        report("later", "Meridian Press", LATER, "2047-03-14", title="Third arrest over ivory haul"),
    ]


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief(articles())


def test_a_ceiling_well_above_an_estimate_is_another_valuation(briefing):
    """"worth up to $6 million on the black market" (campaigners) / "worth an estimated $4.5 million" (customs): the
    one holds the other, but the campaigners value the tusks higher: differing estimates of one thing's worth."""
    (value,) = [d for d in briefing.disagreements if "$4.5 million" in str(d["positions"])]
    assert value["status"] == "estimate", value["explanation"]
    assert sources_by_value(value) == {"up to $6 million": ["tabloid"], "an estimated $4.5 million": ["copy", "wire"]}
    (disputed,) = [s for s in briefing.summary if "$4.5 million" in s.text]
    assert disputed.disputed, disputed


@pytest.mark.parametrize("sum_told", ["more than $4 million", "up to $5 million", "about $4.4 million"])
def test_a_loose_telling_of_one_valuation_is_no_disagreement(sum_told):
    """A floor below the estimate, a ceiling just above it, or a rounder figure within its hedge tells the same worth."""
    b = newsweave.brief(articles(TABLOID.replace("up to $6 million", sum_told)))
    assert not [d for d in b.disagreements if "$4.5 million" in str(d["positions"])], b.disagreements


def test_sums_in_two_currencies_are_not_set_against_each_other(briefing):
    """"4.1 million euros" and "$4.5 million" may be one worth at the day's rate, which the briefing does not know."""
    assert not [d for d in briefing.disagreements if "euros" in str(d["positions"])], briefing.disagreements


def test_a_weight_in_two_units_is_one_figure(briefing):
    """"3.2 tonnes" (the wire) and "3,200 kilograms" (the port's paper) weigh the same haul: one fact, no dispute."""
    fact = fact_with(briefing, "wire", "seized 3.2 tonnes")
    assert "local" in fact["sources"], fact["sources"]
    assert not [d for d in briefing.disagreements if "kilograms" in str(d["positions"])], briefing.disagreements


def test_one_port_and_one_customs_chief_in_two_spellings(briefing):
    aliases = {e["name"]: set(e["aliases"]) for e in briefing.entities}
    assert {"Tesali", "Tessali"} <= aliases["Tesali"], aliases
    assert {"Amira Haddou", "Amira Hadou"} <= aliases["Amira Haddou"], aliases


@pytest.mark.parametrize("text, valued", [
    ("The haul was valued at 4.1 million euros.", "haul"),
    ("The tusks, worth an estimated $4.5 million, were found on Monday.", "tusks"),
    ("Paintings valued at $40 million were stolen.", "Paintings"),
    ("It was worth $3 million.", None),
])
def test_what_a_sum_is_the_worth_of(text, valued):
    """The thing valued, before "worth" or "valued at", set apart by commas or told by its verb."""
    from newsweave.align.disagreements import _valued_thing
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.model import Claim

    (q,) = [q for q in tag_quantities(text) if q.kind == "money"]
    claim = Claim(article="a", index=0, sentence=0, start=0, end=len(text), text=text)
    found = _valued_thing(text, claim, q)
    assert (found[1] if found else None) == valued


def test_a_third_arrest_is_the_count_gone_up(briefing):
    """"Two men, a clearing agent and a truck driver, were arrested" (Tuesday) / "Police in Korvania have arrested a
    third man" (Thursday): three arrested by then, the count moved on (past the list that names the two)."""
    (detained,) = [d for d in briefing.disagreements if d["subject"] == "detained"]
    assert detained["status"] == "update", detained["explanation"]
    assert sources_by_value(detained) == {"Two men": ["copy", "wire"], "a third man": ["later"]}


@pytest.mark.parametrize("text, count", [
    ("Police have arrested a third man over the seizure.", (3.0, "man")),
    ("A fourth victim died in hospital on Friday.", (4.0, "victim")),
    ("The team won the cup for the third time.", None),
    ("A second man was seen near the house.", None),  # (nothing befell him)
    ("The party won a third of the votes.", None),
])
def test_a_running_count_told_by_its_newest_member(text, count):
    from newsweave.annotate.quantities import tag_quantities

    found = [(q.value, q.counted) for q in tag_quantities(text) if q.kind == "cardinal"]
    assert found == ([count] if count else []), found
