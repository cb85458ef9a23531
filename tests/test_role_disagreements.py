"""Different places or people in the same statement (issue #4: kind place|person), on stories we write."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article


def _article(i: int, outlet: str, text: str, published: str = "2026-05-12") -> Article:
    return Article(id=f"r{i}", source=f"r{i}", outlet=outlet, published=published, text=text)


@pytest.fixture(scope="module")
def bombing():
    return newsweave.brief([
        _article(1, "Valley Post", "A car bomb exploded outside the central market in Ostrun on Tuesday morning, killing "
                 "four people, police said.\n\nThe market was crowded with shoppers at the time of the blast. No group "
                 "has claimed responsibility."),
        _article(2, "Kestpress", "A car bomb exploded outside the central market in Perevlo on Tuesday morning, killing "
                 "four people, police said.\n\nWitnesses said the blast shattered windows across the square. No group "
                 "has claimed responsibility."),
        _article(3, "Evening News", "Four people were killed when a car bomb exploded outside a crowded central market on "
                 "Tuesday, police said.\n\nThe interior ministry promised a swift investigation.", "2026-05-13"),
    ])


def test_two_places_for_one_blast_is_a_place_contradiction(bombing):
    hits = [d for d in bombing.disagreements if d["kind"] == "place"]
    assert len(hits) == 1 and hits[0]["status"] == "contradiction"
    assert {p["value"]: p["sources"] for p in hits[0]["positions"]} == {"Ostrun": ["r1"], "Perevlo": ["r2"]}
    for p in hits[0]["positions"]:  # traceable to the name as written
        ev = p["evidence"][0]
        assert ev["value_end"] > ev["value_start"]


def test_parallel_statements_about_places_a_report_names_both_are_not_flagged():
    # "troops entered Ostrun" / "troops entered Perevlo": both true, and each report names both towns.
    b = newsweave.brief([
        _article(1, "Valley Post", "Government troops entered Ostrun on Friday after the rebels withdrew. "
                 "Perevlo is to be handed over next week under the same agreement."),
        _article(2, "Kestpress", "Government troops entered Perevlo on Friday after the rebels withdrew. "
                 "Ostrun had been handed over a week earlier under the same agreement."),
    ])
    assert not [d for d in b.disagreements if d["kind"] in ("place", "person")]


def test_one_statement_credited_to_two_officials_is_a_person_disagreement():
    b = newsweave.brief([
        _article(1, "Valley Post", "Police chief Anna Berg said the driver of the lorry had fled across the border "
                 "before dawn.\n\nThe lorry was found abandoned near the customs post."),
        _article(2, "Kestpress", "Police chief Marek Hollis said the driver of the lorry had fled across the border "
                 "before dawn.\n\nOfficers sealed off the road for several hours."),
    ])
    hits = [d for d in b.disagreements if d["kind"] == "person"]
    assert len(hits) == 1
    assert {p["value"] for p in hits[0]["positions"]} == {"Anna Berg", "Marek Hollis"}


@pytest.mark.parametrize("a, b, same", [
    ("Middle Eastern", "Middle East", True),  # the place's adjective
    ("Velian", "Velia", True),
    ("Gaza City", "Gaza Strip", True),  # one place named at two levels
    ("Ostrun City", "Ostrun", True),
    ("Ostrun", "Perevlo", False),
    ("Lower Ovrat", "Ovrat", False),  # a part of a place is not named by a kind of place
])
def test_one_place_named_two_ways_is_no_place_disagreement(a, b, same):
    from newsweave.align.disagreements import _adjective_of, _same_base_place

    assert (_adjective_of(a, b) or _same_base_place(a, b)) is same


def test_a_place_and_its_adjective_in_one_statement_are_not_flagged():
    b = newsweave.brief([
        _article(1, "Valley Post", "The merger would give the two firms more weight in tendering for contracts in Middle "
                 "Eastern countries, an analyst at the Ostrun Institute said.\n\nShares rose by four percent."),
        _article(2, "Kestpress", "The merger would give the two firms more weight in tendering for contracts in the Middle "
                 "East, an analyst at the Ostrun Institute said.\n\nThe deal is worth 80 billion krun."),
    ])
    assert not [d for d in b.disagreements if d["kind"] == "place"], b.disagreements
