"""A drug trial's results (a story we wrote), told by a wire, a newspaper, a tabloid and the maker's press release:
one result given as "30%" and "almost a third" is one finding; the tabloid's "a staggering 40 per cent" is not it; a
count of patients rounded to its hundreds is the same count; two figures given together are one statement."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "GENEVA, Sept 14 (Continental Press) - A daily pill that lowers a blood fat called lipoprotein(a) cut the risk of "
    "heart attacks by 30% in a large trial, its maker Halden Pharma said on Monday.\n\n"
    "The trial followed 8,300 patients in 14 countries for four years. Among those given the drug, called veltacor, "
    "212 had a heart attack, against 301 of those given a placebo.")
HERALD = (
    "A new pill cut heart attacks by almost a third in a trial of more than 8,000 people, researchers said "
    "yesterday.\n\n"
    "Patients who took the pill for four years had 212 heart attacks, compared with 301 among those on a dummy pill.")
TABLOID = (
    "A miracle pill slashes the risk of a heart attack by a staggering 40 per cent, doctors revealed last night.\n\n"
    "Drug giant Halden Pharma is set to make billions from the pill.")
RELEASE = (
    "Halden Pharma today announced that veltacor met the main goal of its VELA trial, reducing the risk of heart "
    "attack by 30% compared with placebo.\n\n"
    "VELA enrolled 8,312 patients at 410 sites in 14 countries.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2026-09-14", text=WIRE),
        Article(id="herald", source="herald", outlet="The Ostmark Herald", published="2026-09-15", text=HERALD),
        Article(id="tabloid", source="tabloid", outlet="Daily Roar", published="2026-09-15", text=TABLOID),
        Article(id="release", source="release", outlet="Halden Pharma", published="2026-09-14", text=RELEASE),
    ])


def _values(item) -> set[str]:
    """Each position's values as the reports word them ("30% / almost a third" is one side worded two ways)."""
    return {v for p in item["positions"] for v in p["value"].split(" / ")}


def test_two_figures_given_together_are_one_statement(briefing):
    """ "212 had a heart attack, against 301 of those given a placebo" / "had 212 heart attacks, compared with 301
    among those on a dummy pill": the wordings read only loosely alike, the two figures together are a fingerprint."""
    fact = [f for f in briefing.facts if "212" in f["text"]]
    assert len(fact) == 1 and sorted(fact[0]["sources"]) == ["herald", "wire"], [(f["text"], f["sources"]) for f in fact]


def test_a_share_a_result_was_cut_by_is_compared_across_reports(briefing):
    """The tabloid's "slashes the risk of a heart attack by a staggering 40 per cent" against the others' 30%: one
    thing cut ({heart, attack}: "the risk of" names no other thing), however each report words it."""
    cut = [d for d in briefing.disagreements if "40 per cent" in _values(d)]
    assert cut, [(d["subject"], _values(d)) for d in briefing.disagreements]
    told = set().union(*(_values(d) for d in cut))
    assert {"30%", "40 per cent"} <= told, told
    assert all("heart attack" in d["subject"] for d in cut), [d["subject"] for d in cut]
    # a trial's result is not updated by the next day's tabloid; and "a pill that lowers a blood fat" tells what the
    # pill does, not that a figure was lowered
    assert all(d["status"] == "contradiction" for d in cut), [d["status"] for d in cut]


def test_almost_a_third_is_no_rival_of_thirty_percent(briefing):
    """Not a disagreement of their own, nor two sides of the tabloid's: one side, each report's wording shown."""
    assert not [d for d in briefing.disagreements if len(d["positions"]) == 2 and _values(d) == {"30%", "almost a third"}]
    (cut,) = [d for d in briefing.disagreements if "40 per cent" in _values(d)]
    assert len(cut["positions"]) == 2, cut["positions"]
    (thirty,) = [p for p in cut["positions"] if "30%" in p["value"]]
    assert thirty["value"] == "30% / almost a third" and {"wire", "herald"} <= set(thirty["sources"]), thirty


def test_a_count_rounded_to_its_hundreds_is_the_same_count(briefing):
    """ "The trial followed 8,300 patients" / "VELA enrolled 8,312 patients": one count, rounded."""
    assert not [d for d in briefing.disagreements if {"8,300 patients", "8,312 patients"} & _values(d)], \
        [(d["subject"], _values(d)) for d in briefing.disagreements]


@pytest.mark.parametrize("head, change", [
    ("A daily pill cut the risk of heart attacks by", (-1, {"heart", "attack"})),
    ("slashes the risk of a heart attack by a staggering", (-1, {"heart", "attack"})),
    ("The airline raised its fares by", (1, {"fare"})),
    # not a change made: no "by" before the figure, or no verb of cutting or raising before the "by"
    ("The pill was tested on", None),
    ("Heart attacks were fewer by", None),
])
def test_what_a_verb_says_was_cut_or_raised(head, change):
    from newsweave.align.changes import change_made as _change_made

    words = [w.lower() for w in head.split()]
    got = _change_made(words)
    assert (got if got is None else (got[0], set(got[1]))) == change


def test_one_share_of_one_change_made_is_one_fact(briefing):
    """ "cut the risk of heart attacks by 30%" / "cut heart attacks by almost a third" / the release's "met the main
    goal of its VELA trial, reducing the risk of heart attack by 30% compared with placebo": one finding, told by
    three reports, however little the release's sentence reads like the others' (the tabloid's 40 per cent is not
    it); and the summary cites all three for it."""
    texts = {"wire": WIRE, "herald": HERALD}
    (fact,) = [f for f in briefing.facts
               if any(ev["article"] == "herald" and "almost a third" in texts["herald"][ev["start"]:ev["end"]]
                      for ev in f["evidence"])]
    assert sorted(fact["sources"]) == ["herald", "release", "wire"], fact
    assert fact["independent_sources"] == 3, fact
    (item,) = [s for s in briefing.summary if "30%" in s.text or "almost a third" in s.text]
    assert sorted(item.sources) == ["herald", "release", "wire"], item


def test_a_count_written_round_and_another_figure_in_common_are_one_statement(briefing):
    """ "The trial followed 8,300 patients in 14 countries for four years" / "VELA enrolled 8,312 patients at 410
    sites in 14 countries": the wire's count is the release's written round, and with the 14 countries the two are
    one statement; the summary gives it once, cited to both."""
    (fact,) = [f for f in briefing.facts if "8,300 patients" in f["text"] or "8,312 patients" in f["text"]]
    assert sorted(fact["sources"]) == ["release", "wire"], fact
    items = [s for s in briefing.summary if "8,300" in s.text or "8,312" in s.text]
    assert len(items) == 1 and sorted(items[0].sources) == ["release", "wire"], items


@pytest.mark.parametrize("a, b, rounded", [
    ("8,300 patients", "8,312 patients", True),
    ("14,000 homes", "13,960 homes", True),
    ("1 million people", "1.2 million people", False),  # one significant digit: another figure
    ("8,312 patients", "8,287 patients", False),  # two precise counts
    ("8,300 patients", "8,412 patients", False),
])
def test_a_count_written_round(a, b, rounded):
    from newsweave.align.facts import count_rounded
    from newsweave.annotate.quantities import tag_quantities

    (qa,), (qb,) = tag_quantities(a), tag_quantities(b)
    assert count_rounded(qa, qb) is rounded and count_rounded(qb, qa) is rounded


def test_two_sellers_cutting_prices_by_one_share_are_two_facts():
    """ "Grovemart cut prices by 10%" / "the discounter cut prices by 10%" (Pennywise): a thing named in one word
    is cut by many in one story, so one share of it is no fingerprint of one change without a name in common."""
    b = newsweave.brief([
        Article(id="a", source="a", outlet="Retail Wire", published="2027-01-10",
                text="Grovemart cut prices by 10% on Monday as the supermarket price war deepened, the chain said.\n\n"
                     "Shares in the chain rose 3%."),
        Article(id="b", source="b", outlet="City Paper", published="2027-01-11",
                text="Shoppers flocked to Pennywise stores after the discounter cut prices by 10% on hundreds of "
                     "lines.\n\nIts chief executive, Tara Holm, said the cuts would last until March."),
    ])
    assert not [f for f in b.facts if len(f["sources"]) > 1], [(f["sources"], f["text"]) for f in b.facts]


def test_framing_a_things_upkeep_told_as_decay_is_loaded():
    from newsweave.compose.framing import loaded_terms

    assert [t[2] for t in loaded_terms("Thousands fled after the rotting dam burst.")] == ["rotting"]
