"""A cup final decided on penalties (a story we wrote), told by a wire, a paper and the losing side's paper: the
match's score and the shootout's are two decisions of one sentence, each compared with its own kind; the paper that
gives another shootout score is not cited for the wire's."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "LONDON, May 22 (Continental Press) - Ostrel City won the National Cup on Saturday, beating Brisa Rovers 5-4 on "
    "penalties after a 2-2 draw at Kelby Stadium in front of 81,000 fans.\n\n"
    "Dario Venn scored twice for City, and goalkeeper Tomas Lind saved the decisive kick from Brisa captain Marek "
    "Holm.")
PAPER = (
    "Ostrel City lifted the National Cup for the first time in 33 years after edging Brisa Rovers 5-3 in a penalty "
    "shootout on Saturday night.\n\n"
    "The match ended 2-2 after extra time. Rovers manager Ana Ruiz said her side had been \"robbed\" by a late "
    "penalty decision.")
ROVERS = (
    "Brave Brisa Rovers were cruelly denied the National Cup on Saturday when Ostrel City snatched a 5-4 shootout win "
    "after a 2-2 draw.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2027-05-23", text=WIRE),
        Article(id="paper", source="paper", outlet="The Ledger", published="2027-05-23", text=PAPER),
        Article(id="rovers", source="rovers", outlet="Rovers Daily", published="2027-05-24", text=ROVERS),
    ])


@pytest.mark.parametrize("text, tallies", [
    ("beating Brisa Rovers 5-4 on penalties after a 2-2 draw", [("5-4", "shootout"), ("2-2", "")]),
    ("after edging Brisa Rovers 5-3 in a penalty shootout", [("5-3", "shootout")]),
    ("when Ostrel City snatched a 5-4 shootout win after a 2-2 draw", [("5-4", "shootout"), ("2-2", "")]),
    ("The court ruled 5-4 on Tuesday.", [("5-4", "")]),
])
def test_a_shootouts_score_is_a_tally_of_its_own_kind(text, tallies):
    from newsweave.annotate.tallies import find_tallies

    assert [(t.text, t.kind) for t in find_tallies(text)] == tallies


def test_two_shootout_scores_are_a_contradiction(briefing):
    (shootout,) = [d for d in briefing.disagreements if {"5-4", "5-3"} <= {p["value"] for p in d["positions"]}]
    assert shootout["status"] == "contradiction" and shootout["subject"] == "shootout", shootout
    (four,) = [p for p in shootout["positions"] if p["value"] == "5-4"]
    assert sorted(four["sources"]) == ["rovers", "wire"], four


def test_the_summary_cites_no_report_of_another_shootout_score(briefing):
    (lead,) = [s for s in briefing.summary if "5-4" in s.text]
    assert "paper" not in lead.sources and lead.disputed, lead


def test_a_penalty_is_a_plain_word(briefing):
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert not {"penalty", "penalties"} & (terms["wire"] | terms["paper"]), terms
