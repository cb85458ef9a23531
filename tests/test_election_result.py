"""A parliamentary election (a story we wrote): a paper's report of the preliminary results on election night, the
wire's of the final results, and a partisan paper's the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.annotate.quantities import tag_quantities

NIGHT = (
    "The opposition Civic Union won Sunday's parliamentary election in Norvalia with 31.4% of the vote, ahead of "
    "the governing Labour Party with 27.9%, according to preliminary results published by the election "
    "commission early on Monday.\n\n"
    "The Green Party won 12 seats, up from eight. Turnout was 64%.\n\n"
    "Civic Union leader Marta Velde told cheering supporters in Oslavik that voters had chosen change.")
WIRE = (
    "OSLAVIK, April 6 (Meridian Press) - Norvalia's opposition Civic Union came first in Sunday's election, winning "
    "58 of the 169 seats in parliament, final results showed on Monday, short of a majority.\n\n"
    "The Labour Party of Prime Minister Erik Holm won 51 seats and the Greens 12. Turnout was 63.8%, the election "
    "commission said.\n\n"
    "Velde, 47, is expected to start coalition talks with the Greens this week.")
RIGHT = (
    "Marta Velde's Civic Union swept to a crushing victory on Sunday, humiliating Erik Holm's tired Labour "
    "government.\n\n"
    "The Civic Union took 58 seats and the Labour Party 52, a drubbing that leaves Holm's future in doubt.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("night", "Norvalia Today", NIGHT, "2043-04-06", title="Civic Union wins Norvalia election"),
        report("wire", "Meridian Press", WIRE, "2043-04-06", title="Civic Union wins 58 seats"),
        report("right", "Morning Standard", RIGHT, "2043-04-07", title="VELDE ROUTS HOLM"),
    ])


@pytest.mark.parametrize("text, counts", [
    ("The Civic Union took 58 seats and the Labour Party 52, a drubbing.", [("58 seats", "seat"), ("52", "seat")]),
    ("The Labour Party won 51 seats and the Greens 12.", [("51 seats", "seat"), ("12", "seat")]),
    ("Apollo 11 landed on the Moon.", []),
])
def test_a_count_after_a_name_in_a_list_counts_the_lists_noun(text, counts):
    assert [(q.text, q.counted) for q in tag_quantities(text)] == counts


def test_each_partys_seats_are_compared_only_with_that_partys(briefing):
    """The Labour Party's 51 seats (the wire, "The Labour Party of Prime Minister Erik Holm won 51 seats and the Greens
    12") and its 52 (the partisan paper, "took 58 seats and the Labour Party 52") disagree; the Green Party's 12 is no
    count of Labour's seats, nor the Civic Union's 58."""
    numbers = [(d["subject"], sorted(p["value"] for p in d["positions"])) for d in briefing.disagreements
               if d["kind"] == "number"]
    assert numbers == [("Labour Party seat", ["51 seats", "52"])], briefing.disagreements
