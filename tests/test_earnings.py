"""A carmaker's quarterly results (a story we wrote), told by a wire, a financial paper and a trade weekly: one sum
and its change told in other words and other roundings is one statement; a forecast range and a figure inside it
are partners, not rivals of the quarter's deliveries."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "Kestrel Motors said on Tuesday its fourth-quarter net profit rose 18% to $1.42 billion, beating "
    "analysts' expectations of $1.31 billion, as demand for its electric pickup trucks surged.\n\n"
    "Revenue climbed 9.6% to $14.8 billion. The company delivered 212,000 vehicles in the quarter.\n\n"
    "Chief executive Lena Ortiz said the company would raise its dividend by 5 cents to 45 cents a share.\n\n"
    "Shares of Kestrel rose 6.2% to $87.40 in New York trading.")
PAPER = (
    "Kestrel Motors reported a better-than-expected 18 percent rise in quarterly profit on Tuesday, to "
    "1.42 billion dollars, driven by booming demand for its electric pickups.\n\n"
    "Analysts polled by FactPoint had expected a profit of 1.3 billion dollars. Sales rose almost 10 "
    "percent to 14.8 billion dollars.\n\n"
    "The carmaker delivered 210,000 vehicles in the October-December period and forecast deliveries of "
    "900,000 to 950,000 this year.\n\n"
    "Its shares closed up 6 percent.")
WEEKLY = (
    "Kestrel Motors posted a 18% jump in fourth-quarter profit to $1.42 billion on Tuesday, but sales of "
    "its passenger cars fell 4% as buyers switched to trucks.\n\n"
    "Revenue reached $14.8 billion, up 9.6%. The company said it expects to deliver around 925,000 "
    "vehicles in 2031, up from 820,000 last year.\n\n"
    "The stock rose 6.2% on Tuesday and another 1.1% on Wednesday.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2031-02-04", text=WIRE),
        Article(id="paper", source="paper", outlet="Financial Ledger", published="2031-02-04", text=PAPER),
        Article(id="weekly", source="weekly", outlet="Auto Weekly", published="2031-02-05", text=WEEKLY),
    ])


def test_a_sum_and_its_change_told_in_other_words_are_one_statement(briefing):
    """ "Revenue climbed 9.6% to $14.8 billion" / "Sales rose almost 10 percent to 14.8 billion dollars" / "Revenue
    reached $14.8 billion, up 9.6%": one fact of three reports, told once."""
    told = [s for s in briefing.summary if "14.8 billion" in s.text]
    assert len(told) == 1 and sorted(told[0].sources) == ["paper", "weekly", "wire"], [(s.text, s.sources) for s in told]


def test_a_figure_inside_anothers_range_is_its_partner(briefing):
    """ "delivered 210,000 vehicles in the October-December period and forecast deliveries of 900,000 to 950,000
    this year" / "expects to deliver around 925,000 vehicles in 2031": the forecast agrees, and the quarter's
    deliveries are no rival of it."""
    assert not [d for d in briefing.disagreements if "925,000" in " ".join(p["value"] for p in d["positions"])], \
        briefing.disagreements


def test_a_quarter_told_by_its_months_is_that_quarter(briefing):
    """ "delivered 210,000 vehicles in the October-December period" (a February report): the last quarter of the
    year before, not December; a run of months that is no quarter is left alone."""
    from newsweave.annotate.dates import tag_dates

    assert [(d["text"], d["value"]) for d in tag_dates("in the October-December period", "2031-02-04")] == [
        ("October-December period", "2030-Q4")]
    assert [d["value"] for d in tag_dates("the Oct-Dec quarter of 2029", "2031-02-04")] == ["2029-Q4"]
    assert not [d for d in tag_dates("in the March-May period", "2031-02-04") if "Q" in d["value"]]
    assert "2030-Q4" in [e["date"] for e in briefing.timeline if "210,000 vehicles" in e["event"]], briefing.timeline


def test_a_quarter_is_shown_and_drawn_as_one():
    from datetime import date

    from newsweave.render.svg import parse_period
    from newsweave.render.view import date_label

    assert date_label("2030-Q4") == "Q4 2030"
    assert parse_period("2030-Q4") == (date(2030, 10, 1), date(2030, 12, 31))
    assert parse_period("2031-Q1") == (date(2031, 1, 1), date(2031, 3, 31))
