"""A port strike (a story we wrote), told by a wire's updated story and a local paper: a demand and an offer told in
other words ("a 12% pay rise ... has offered 6%" / "a 12 percent rise; employers have put 6 percent on the table")."""

from __future__ import annotations

import newsweave
from newsweave.model import Article

WIRE = (
    "(Adds union comment in paragraph 4, minister's statement in paragraph 6)\n\n"
    "HALVIK, July 8 (Meridian Press) - Dock workers at Halvik, Norland's busiest port, walked out on "
    "Tuesday after wage talks collapsed, halting container exports and leaving at least 40 ships waiting "
    "offshore.\n\n"
    "The port authority said about 3,000 workers had joined the strike, which the union said would last "
    "72 hours.\n\n"
    "The union is demanding a 12% pay rise over two years; the port operator has offered 6%.\n\n"
    '"We have been patient for too long," union leader Signe Aalto told reporters.\n\n'
    "Exports through Halvik are worth about $150 million a day, according to the trade ministry.\n\n"
    "Transport Minister Erik Lund urged both sides to return to talks on Thursday.\n\n"
    "(Reporting by Tove Berg; Editing by Mark Hall)")
PAPER = (
    "Around 2,500 dockers at the port of Halvik went on strike on Tuesday, the union said, after talks on "
    "a new pay deal broke down.\n\n"
    "More than 50 vessels were anchored off the port by the evening, port officials said. The union wants "
    "a 12 percent rise; employers have put 6 percent on the table.\n\n"
    "Minister Erik Lund called on the two sides to resume negotiations on Thursday.\n\n"
    "Related: Port of Halvik posts record profit\nSign up for our morning newsletter")


def test_two_shares_in_common_make_one_statement_however_small():
    """A share of any size is a specific figure: two wordings with the same two shares are one fact, told once and
    cited to both reports."""
    b = newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2033-07-08", text=WIRE),
        Article(id="paper", source="paper", outlet="Norland Post", published="2033-07-08", text=PAPER),
    ])
    told = [s for s in b.summary if "12%" in s.text or "12 percent" in s.text]
    assert len(told) == 1 and sorted(told[0].sources) == ["paper", "wire"], [(s.text, s.sources) for s in told]
