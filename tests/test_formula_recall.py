"""A baby formula recall (a story we wrote): the maker's press release, the wire's first report, the wire's report two
days on, and a paper's story of angry parents."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

RELEASE = (
    "Velora Foods Voluntarily Recalls Selected Batches of Baby Formula\n\n"
    "BRELL, June 11, 2035 - Velora Foods today announced a voluntary recall of 14 batches of its Velora Gentle infant "
    "formula produced between March 3 and April 12 at its plant in Osterwick, as a precaution after tests found "
    "traces of Cronobacter bacteria.\n\n"
    "\"The safety of the children who rely on our products is our highest priority,\" said Chief Executive Hanna "
    "Lind. \"We are acting out of an abundance of caution.\"\n\n"
    "Consumers who bought the affected products should return them to the store for a full refund.")
WIRE = (
    "BRELL, June 11 (Meridian Press) - Velora Foods on Monday recalled 14 batches of infant formula made at its "
    "Osterwick plant after tests found Cronobacter bacteria, the company said.\n\n"
    "The Food Safety Agency said it was investigating reports of 23 infants who fell ill after drinking the formula, "
    "nine of whom were treated in hospital.\n\n"
    "Velora's shares fell 6.2% in Brell trading.")
WIRE2 = (
    "BRELL, June 13 (Meridian Press) - The number of infants reported ill after drinking Velora Gentle formula has "
    "risen to 31, the Food Safety Agency (FSA) said on Wednesday, and one baby has died.\n\n"
    "The agency said it had ordered the Osterwick plant closed while inspectors checked its drying equipment. "
    "Velora said the plant would reopen on Monday.\n\n"
    "The company has extended the recall to all Velora Gentle formula produced since January 15.")
PARENTS = (
    "Parents are furious. Weeks before Velora Foods finally pulled its formula off the shelves, mothers had been "
    "complaining online that their babies were vomiting after feeds.\n\n"
    "\"They knew and they kept selling it,\" said Priya Nand, whose four-month-old daughter spent three days in "
    "hospital.\n\n"
    "Velora says only 14 batches were affected. The FSA now says at least 40 babies have fallen ill.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("release", "Velora Foods", RELEASE, "2035-06-11",
               title="Velora Foods Voluntarily Recalls Selected Batches of Baby Formula"),
        report("wire", "Meridian Press", WIRE, "2035-06-11", title="Velora recalls infant formula over bacteria"),
        report("wire2", "Meridian Press", WIRE2, "2035-06-13", title="Velora formula illnesses rise to 31, one baby dead"),
        report("parents", "The Daily Brell", PARENTS, "2035-06-14", title="'They knew': parents' fury at Velora"),
    ])


def test_the_sick_infants_are_one_count_that_grows(briefing):
    """"reports of 23 infants who fell ill" -> "The number of infants reported ill ... has risen to 31" (a count named
    before the figure it moved to) -> "at least 40 babies have fallen ill" (babies are infants): one item, and the
    14 batches recalled are no rival of the 31 infants."""
    numbers = [d for d in briefing.disagreements if d["kind"] == "number"]
    assert len(numbers) == 1, [(d["subject"], sources_by_value(d)) for d in numbers]
    assert numbers[0]["status"] == "update"
    assert sources_by_value(numbers[0]) == {"23 infants": ["wire"], "31": ["wire2"], "at least 40 babies": ["parents"]}


def test_falling_ill_is_no_loaded_word(briefing):
    terms = {f["article"]: [t["term"] for t in f["terms"]] for f in briefing.framing}
    assert "ill" not in terms["wire"] + terms["wire2"] + terms["parents"], terms
    assert "furious" in terms["parents"], terms


def test_a_product_named_before_its_kind_is_a_product(briefing):
    """"its Velora Gentle infant formula", "drinking Velora Gentle formula": a product, not a person."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert types["Velora Gentle"] == "PRODUCT" and types["Velora Foods"] == "ORG", types
