"""Share moves told by several reports of one takeover (a story we wrote): the size of a move is a figure of
what moved, compared with another report's move of the same thing the same way, and told once in a summary."""

from __future__ import annotations

import pytest

import newsweave
from conftest import sources_by_value as _values
from newsweave.model import Article

WIRE = (
    "OSLAND, Sept 14 (Continental Press) - Halvorsen Group agreed on Tuesday to buy snack maker Brisk Foods for "
    "$4.2 billion in cash, the biggest takeover in the Osland food industry in a decade.\n\n"
    "Halvorsen will pay $36 a share, a premium of 28% to Brisk's closing price on Monday.\n\n"
    "Brisk shares jumped 24% in early trading, while Halvorsen shares fell 3%.\n\n"
    "Brisk employs about 6,500 people at nine plants.")
LEDGER = (
    "Halvorsen Group has agreed a takeover of Brisk Foods, the maker of Crunchos crisps, in a deal that unions "
    "warned could cost hundreds of jobs.\n\n"
    "The offer of $36 a share values Brisk at a 28 per cent premium to Monday's close. Brisk shares soared 26 per "
    "cent on Tuesday, and Halvorsen's fell 3 per cent.\n\n"
    "Halvorsen boss Jonas Berg said the deal would \"transform\" the company.")
HERALD = (
    "Halvorsen Group's $4.2 billion purchase of Brisk Foods, announced on Tuesday, creates the largest snack "
    "company in Osland.\n\n"
    "Shares of Brisk closed 24% higher on Tuesday. Halvorsen shares ended the day down 2.5%.\n\n"
    "Brisk's 6,500 workers have been told that no plants will close for at least two years.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2027-09-14", text=WIRE),
        Article(id="ledger", source="ledger", outlet="Osland Ledger", published="2027-09-14", text=LEDGER),
        Article(id="herald", source="herald", outlet="Osland Herald", published="2027-09-15", text=HERALD),
    ], words=120)


def _numbers(b):
    return [d for d in b.disagreements if d["kind"] == "number"]



def test_two_sizes_of_one_shares_move_are_a_contradiction(briefing):
    rise = [d for d in _numbers(briefing) if "26 per cent" in _values(d)]
    assert len(rise) == 1
    assert rise[0]["subject"] == "Brisk shares rise"
    assert _values(rise[0]) == {"24%": ["herald", "wire"], "26 per cent": ["ledger"]}
    # the change verbs are what the figures measure, not a report that the figure was revised
    assert rise[0]["status"] == "contradiction"


def test_each_figure_of_one_sentence_stays_in_its_own_disagreement(briefing):
    # "Brisk shares jumped 24% ..., while Halvorsen shares fell 3%": one claim, two moves, two disagreements
    fall = [d for d in _numbers(briefing) if "2.5%" in _values(d)]
    assert len(fall) == 1 and fall[0]["subject"] == "Halvorsen shares fall"
    assert set(_values(fall[0])) == {"3%", "2.5%"}
    assert not any({"24%", "3%"} <= set(_values(d)) for d in _numbers(briefing))


def test_a_summary_tells_a_disputed_move_once_and_marks_it(briefing):
    rise = next(d for d in _numbers(briefing) if "26 per cent" in _values(d))
    telling = [i for i in briefing.summary if "Brisk" in i.text and ("24%" in i.text or "26 per cent" in i.text)]
    assert len(telling) == 1
    assert rise["id"] in telling[0].disputed


@pytest.mark.parametrize("first, second", [
    # two companies' shares
    ("Brisk shares rose 24% on Tuesday after the takeover was announced.",
     "Halvorsen shares rose 3% on Tuesday after the takeover was announced."),
    # one company's shares, moving opposite ways on different days of trading
    ("Brisk shares rose 24% on Tuesday after the takeover was announced.",
     "Brisk shares fell 2% on Tuesday after the takeover was announced, as doubts grew."),
    # one company's shares on two days of trading (the second report names no day: it tells its own)
    ("Brisk shares rose 24% on Tuesday after the takeover was announced.",
     "Brisk shares rose 2% after the takeover was announced, extending their gains."),
    # a narrower thing, and periods of different length
    ("Murders fell 7 percent in 2026 across Velia, the justice ministry said.",
     "Murders by firearms fell 33 percent in 2026 across Velia, the justice ministry said."),
    ("Violent crimes fell 10 percent in 2026, the Velian justice ministry said.",
     "Violent crimes fell 4 percent from 2026, the Velian justice ministry said."),
])
def test_moves_of_other_things_or_the_other_way_are_not_compared(first, second):
    b = newsweave.brief([
        Article(id="a", source="a", outlet="Continental Press", published="2027-09-14", text=first),
        Article(id="b", source="b", outlet="Osland Ledger",
                published="2027-09-16" if "extending" in second else "2027-09-14", text=second),
        Article(id="c", source="c", outlet="Osland Herald", published="2027-09-14",
                text="Regulators in Osland will review the takeover of Brisk Foods by Halvorsen Group."),
    ])
    assert not _numbers(b)


def test_an_item_in_two_disagreements_names_both_in_one_mark(briefing):
    from newsweave.render import render

    rise, fall = (next(d for d in _numbers(briefing) if v in _values(d)) for v in ("26 per cent", "2.5%"))
    item = briefing.summary[0].model_copy(update={"disputed": [rise["id"], fall["id"]]})
    b = briefing.model_copy(update={"summary": [item]})
    assert f"(disputed: {rise['id']}, {fall['id']})" in render(b, "md")
    assert f"disputed: {rise['id']}, {fall['id']}" in render(b, "text")


def test_the_day_of_a_price_an_offer_is_measured_against_is_no_event(briefing):
    # "a premium of 28% to Brisk's closing price on Monday" / "to Monday's close": the offer is not Monday's
    assert not [e for e in briefing.timeline if str(e["date"]).startswith("2027-09-13")], \
        [(e["date"], e["event"]) for e in briefing.timeline]
    offer = next(i for i in briefing.summary if "$36" in i.text)
    assert sorted(offer.sources) == ["ledger", "wire"]  # "will pay $36 a share" is no forecast of Monday


def test_a_statement_is_placed_when_its_first_report_came_out(briefing):
    # the herald's wording of the takeover (a day later) is shown, but the wire told it first, in its lead
    assert "$4.2 billion" in briefing.summary[0].text, [i.text for i in briefing.summary]


def test_a_share_rounded_to_a_whole_number_agrees_with_it():
    b = newsweave.brief([
        Article(id="a", source="a", outlet="Continental Press", published="2027-06-02",
                text="Norvik shares rose 4.2% in Kelby trading after the chief executive resigned."),
        Article(id="b", source="b", outlet="Kelby Daily", published="2027-06-02",
                text="Norvik shares rose 4 percent in Kelby trading after the chief executive resigned."),
        Article(id="c", source="c", outlet="Nordic Post", published="2027-06-02",
                text="The board of Norvik Energy named an interim chief executive."),
    ])
    assert not _numbers(b), [d["explanation"] for d in _numbers(b)]
