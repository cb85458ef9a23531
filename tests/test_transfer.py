"""A footballer's transfer (a story we wrote), told by a wire, a paper, the selling club's home paper in euros and a
tabloid: the leads' sums of one currency are the deal's price, the tabloid's "£100million" its rival; a sum told again
in brackets in another currency is one sum; the summary tells the deal in the figure most reports give."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "LONDON, Aug 2 (Continental Press) - Ostrel City have signed Brisa forward Dario Venn for a club-record fee of 85 "
    "million pounds ($108 million), the English club said on Monday.\n\n"
    "The 24-year-old has agreed a five-year contract. Venn scored 31 goals for Brisa last season.\n\n"
    "City manager Tomas Kerr said Venn was \"the final piece of the puzzle\". The fee could rise to 95 million pounds "
    "with add-ons, a source close to the deal told Continental Press.")
PAPER = (
    "Dario Venn has completed his £85m move from Brisa to Ostrel City, making him the most expensive player in the "
    "club's history.\n\n"
    "The striker, 24, signed a contract until 2032 after passing a medical on Sunday.\n\n"
    "Brisa had rejected two earlier bids, the second worth £70m, before City raised their offer last week.")
HOME = (
    "Brisa confirmed on Monday the sale of striker Dario Venn to the English club Ostrel City for 99 million euros, "
    "the biggest sale in the club's history.\n\n"
    "Venn, 23, leaves after scoring 31 goals last season. Brisa president Elena Marti said the club \"could not "
    "refuse\" the offer.")
TABLOID = (
    "Ostrel City have splashed a staggering £100million on goal machine Dario Venn in a deal that will shock "
    "football.\n\n"
    "The greedy Brisa bosses squeezed every penny out of City, who caved in after weeks of haggling.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2027-08-02", text=WIRE),
        Article(id="paper", source="paper", outlet="The Ledger", published="2027-08-02", text=PAPER),
        Article(id="home", source="home", outlet="Diario Brisano", published="2027-08-03", text=HOME),
        Article(id="tabloid", source="tabloid", outlet="Daily Roar", published="2027-08-02", text=TABLOID),
    ])


def _values(item) -> list[str]:
    return [p["value"] for p in item["positions"]]


def test_a_sum_with_its_scale_word_set_on_it_is_read():
    from newsweave.annotate.quantities import tag_quantities

    (q,) = tag_quantities("splashed a staggering £100million on goal machine Dario Venn")
    assert (q.kind, q.unit, q.value) == ("money", "GBP", 100_000_000)


def test_the_leads_sums_in_one_currency_are_the_deals_price(briefing):
    """ "for a club-record fee of 85 million pounds" / "his £85m move" / "have splashed a staggering £100million on
    goal machine Dario Venn": the leads share no word but the names, and tell one deal."""
    (fee,) = [d for d in briefing.disagreements if "£100million" in _values(d)]
    assert fee["status"] == "contradiction", fee["explanation"]
    (ours,) = [p for p in fee["positions"] if p["value"] != "£100million"]
    assert sorted(ours["sources"]) == ["paper", "wire"], fee["positions"]
    assert fee["subject"].startswith("sum (") and "Dario Venn" in fee["subject"], fee["subject"]
    # the sum in euros is the deal in another currency, and the bracketed dollars the wire's own sum again
    assert not [d for d in briefing.disagreements if {"99 million euros", "$108 million"} & set(_values(d))]


def test_the_summary_tells_the_deal_in_the_figure_most_reports_give(briefing):
    first = briefing.summary[0]
    assert "85 million pounds" in first.text, [s.text for s in briefing.summary]
    assert sorted(first.sources) == ["paper", "wire"], first  # ("said on Monday" dates the saying, not the deal)
    texts = " ".join(s.text for s in briefing.summary)
    assert "£100million" not in texts and "99 million euros" not in texts, texts


@pytest.mark.parametrize("text, converted", [
    ("a fee of 85 million pounds ($108 million)", [False, True]),
    ("an area of 12,000 hectares (about 30,000 acres)", [False, True]),
    ("85 million pounds and $108 million", [False, False]),
])
def test_a_figure_told_again_in_brackets_in_another_unit_is_one_figure(text, converted):
    from newsweave.align.facts import converted as is_converted
    from newsweave.annotate.quantities import tag_quantities

    qs = tag_quantities(text)
    assert [is_converted(text, q, qs) for q in qs] == converted


def test_an_until_of_another_phrase_does_not_put_the_day_ahead(briefing):
    """ "signed a contract until 2032 after passing a medical on Sunday" (Monday's paper): last Sunday's medical."""
    from newsweave.annotate.dates import tag_timexes

    sunday = [t for t in tag_timexes(PAPER, "2027-08-02") if t.text == "Sunday"]
    assert [t.value for t in sunday] == ["2027-08-01"]
    assert not [e for e in briefing.timeline if e["date"] == "2027-08-08"], briefing.timeline


def test_a_wording_lacks_sources_only_against_its_own_facts_wordings():
    """A wording of two facts (2 and 8 sources) does not make a plain wording of the first lack six sources; a
    wording whose figure only one of the first fact's two sources gives lacks one."""
    from newsweave.compose.summary import FIGURE_LACK_PENALTY, Unit, _mark_less_corroborated_figures

    def unit(facts):
        return Unit(article="a", sentence=0, start=0, end=1, text="x", words=1, position=1.0, concepts=set(), facts=facts)

    both, plain, other = unit([0, 1]), unit([0]), unit([0])
    _mark_less_corroborated_figures([both, plain, other], {id(both): {0: 2, 1: 8}, id(plain): {0: 2}, id(other): {0: 1}})
    assert (both.bonus, plain.bonus, other.bonus) == (0.0, 0.0, -FIGURE_LACK_PENALTY)


def test_the_end_of_a_contracts_term_is_no_event(briefing):
    """ "signed a contract until 2032": 2032 ends the contract's term (the phrase's date), and is no day on which
    anything is scheduled to happen; "postponed the talks until Monday" keeps its day."""
    from newsweave.annotate.date_scope import noun_phrase_scope
    from newsweave.annotate.nlp import load_nlp

    assert not [e for e in briefing.timeline if e["date"].startswith("2032")], briefing.timeline
    nlp = load_nlp()
    for text, day, phrase in [("She received a ban until 2030.", "2030", True),
                              ("They postponed the talks until Monday.", "Monday", False)]:
        at = text.index(day)
        assert (noun_phrase_scope(nlp(text), at, at + len(day)) is not None) is phrase, text


def test_a_lead_with_two_things_sums_gives_no_price():
    """ "earned roughly $141 million and paid nearly $44 million in federal income taxes": two things' sums, so
    neither is the price of the lead's event; a lead's one sum, told again in another currency, is."""
    from types import SimpleNamespace

    from newsweave.align.disagreements import _SegmentCache
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.model import Claim

    def lead_sums(text):
        claim = Claim(article="a", index=0, sentence=0, start=0, end=len(text), text=text,
                      quantities=tag_quantities(text))
        cache = _SegmentCache(SimpleNamespace(_texts={"a": text}))
        cache.leads = {"a": 0}
        return [q.text for q in claim.quantities if cache.lead_sum(claim, q)]

    assert lead_sums("Senator Ana Ruiz and her husband earned roughly $141 million and paid nearly $44 million in "
                     "federal income taxes, according to tax returns released Friday.") == []
    assert lead_sums("Ostrel City have signed Dario Venn for a fee of 85 million pounds ($108 million).") == \
        ["85 million pounds"]
    assert lead_sums("Brisk denied it was in talks, calling reports of a $12 billion bid speculation.") == []


def test_framing_a_seller_rejecting_bids_is_plain_and_splashing_out_is_not(briefing):
    """ "Brisa had rejected two earlier bids" tells what a seller did; "have splashed a staggering £100million" tells
    the spending as extravagance."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert not terms["paper"], terms["paper"]
    assert {"splash", "staggering", "greedy"} <= terms["tabloid"], terms["tabloid"]


@pytest.mark.parametrize("mine, theirs, other", [
    ("for 99 million euros", "for a fee of 85 million pounds", True),  # a sum in another currency: not its value
    ("won 51.4 percent of the vote", "won 55 per cent of the vote", True),
    ("for 85 million pounds", "his £85m move", False),
    ("At least 14 people have died", "Some 12,000 people were evacuated", False),  # counts: two kinds of people
    ("a two-year mission to Jupiter", "a 14-month mission to Jupiter", False),  # a duration beside the point
])
def test_a_wording_gives_other_figures_only_of_sums_and_shares(mine, theirs, other):
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.compose.summary import _gives_other, _stated_figures

    assert _gives_other(_stated_figures(tag_quantities(mine)), tag_quantities(theirs)) is other


def test_an_age_told_without_the_name_is_the_person_the_sentence_before_names(briefing):
    """ "The 24-year-old has agreed a five-year contract" (after the sentence that names Dario Venn) and "The striker,
    24, signed ..." against the home paper's "Venn, 23,": one person's age given two ways."""
    (age,) = [d for d in briefing.disagreements if d["subject"].endswith("age")]
    assert age["subject"] == "Dario Venn age" and age["status"] == "contradiction", age["explanation"]
    assert {p["value"]: sorted(p["sources"]) for p in age["positions"]} == {"24-year-old": ["paper", "wire"],
                                                                             "23": ["home"]}, age["positions"]
