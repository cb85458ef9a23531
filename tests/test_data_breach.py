"""A data breach (a story we wrote) told by a wire, a copy of it, a business paper, a tabloid and the wire's report two
days on: the company's count of customers hit, which it raises, the hackers' bigger claim, an analyst's guess at
customers the company may lose, and its chief executive, who apologises and will appear before a committee."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report


WIRE = (
    "OSTRAVIK, June 8 (Meridian Press) - Hackers stole the personal data of about 500 million customers of "
    "Telvano, the region's largest mobile operator, the company said on Tuesday, in one of the biggest data "
    "breaches on record.\n\n"
    "Names, phone numbers and home addresses were taken, but no passwords or payment card details, Telvano said. "
    "The breach was discovered on May 29 and the attackers had been inside its systems since early April, it "
    "said.\n\n"
    "A group calling itself Black Lantern claimed responsibility on a hacking forum and said it had taken "
    "records of 1 billion customers. Telvano said that figure was \"not credible\".\n\n"
    "Telvano shares fell 6.2% in Ostravik on Tuesday.\n\n"
    "The data protection authority said it had opened an investigation and could fine the company up to 4% of "
    "its annual turnover of 31 billion euros.")

COPY = (
    "Hackers stole the personal data of about 500 million customers of Telvano, the region's largest mobile "
    "operator, the company said on Tuesday, in one of the biggest data breaches on record.\n\n"
    "Names, phone numbers and home addresses were taken, but no passwords or payment card details, Telvano said. "
    "The breach was discovered on May 29 and the attackers had been inside its systems since early April, it "
    "said.\n\n"
    "Telvano shares fell 6.2% in Ostravik on Tuesday.\n\n"
    "Copyright 2032 Baltic Business Wire. All rights reserved.")

LEDGER = (
    "Shares in Telvano fell 6% on Tuesday after the mobile operator disclosed that hackers had taken the data of "
    "nearly half a billion customers, a breach that could cost it as much as 1.24 billion euros in fines.\n\n"
    "The company's chief executive, Ingrid Sol, apologised to customers. \"We let you down, and we will put this "
    "right,\" she said in a video statement on Tuesday evening.\n\n"
    "Analysts at Norden Bank said the breach could cost Telvano around 2 million customers over the next "
    "year.\n\n"
    "The data protection authority opened an investigation on Tuesday.")

CLARION = (
    "Greedy Telvano bosses left the door wide open for cyber crooks who plundered the private details of a "
    "staggering one billion customers, the hackers boasted last night.\n\n"
    "The shameless firm sat on the news for ten days before telling customers. \"They knew on May 29 and said "
    "nothing,\" fumed privacy campaigner Leo Brandt.")

UPDATE = (
    "OSTRAVIK, June 10 (Meridian Press) - Telvano said on Thursday that the data of 620 million customers had "
    "been stolen in last week's cyber attack, up from the 500 million it had estimated on Tuesday, after a "
    "review of its systems.\n\n"
    "The company said the attack had begun on April 2, not in early April as first reported, and that it had "
    "found no sign that passwords were taken.\n\n"
    "Chief executive Ingrid Sol will appear before parliament's digital committee on June 17.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2032-06-08",
               title="Hackers steal data of half a billion Telvano customers"),
        report("copy", "Baltic Business Wire", COPY, "2032-06-08",
               title="Telvano says data of 500 million customers stolen"),
        report("ledger", "The Financial Ledger", LEDGER, "2032-06-09",
               title="Telvano breach: shares slide as regulator circles"),
        report("clarion", "The Daily Clarion", CLARION, "2032-06-09",
               title="MEGA HACK: Telvano fat cats let crooks loot your data"),
        report("update", "Meridian Press", UPDATE, "2032-06-10",
               title="Telvano raises number of customers hit by data breach to 620 million"),
    ])


def test_two_things_one_person_did_are_two_facts(briefing):
    """ "The company's chief executive, Ingrid Sol, apologised to customers" / "Chief executive Ingrid Sol will appear
    before parliament's digital committee on June 17" share only her name and title: the summary cites the apology to
    the paper that tells it, not to the wire that tells of the committee."""
    (apology,) = [s for s in briefing.summary if "apologised" in s.text] or [None]
    assert apology is None or apology.sources == ["ledger"], apology
    together = [f for f in briefing.facts if {"ledger", "update"} <= set(f["sources"])
                and any(e["article"] == "ledger" and e["start"] == LEDGER.index("The company's")
                        for e in f["evidence"])]
    assert not together, together


def test_a_group_speaks_by_the_name_it_goes_by(briefing):
    """ "A group calling itself Black Lantern ... said it had taken records of 1 billion customers": Black Lantern says
    so, not the company, and its billion is no wording of the company's "nearly half a billion"."""
    (claim,) = [q for q in briefing.quotes if "1 billion customers" in q["text"]]
    assert claim["speaker"] == "Black Lantern" and claim["sources"] == ["wire"], claim


def test_a_guess_at_what_may_come_is_no_rival_of_a_count(briefing):
    """ "the breach could cost Telvano around 2 million customers over the next year" guesses at customers the company
    may lose: no rival of the customers whose data was taken."""
    shown = {p["value"] for d in briefing.disagreements for p in d["positions"]}
    assert "around 2 million customers" not in shown, shown


def test_the_company_raising_its_count_is_an_update(briefing):
    (item,) = [d for d in briefing.disagreements if "620 million customers" in {p["value"] for p in d["positions"]}]
    assert item["status"] == "update", item["explanation"]
    assert "about 500 million customers" in {p["value"] for p in item["positions"]}


def test_a_round_billion_is_no_rounding_of_half_a_billion():
    """Rounding to the last digit of the coarser figure ("63 percent" of 63.5, "about 30,000" of 31,000), or cutting it
    short, allows no "1 billion" for "nearly half a billion", or "2 million" for 1.1 million."""
    from newsweave.align.facts import figures_agree
    from newsweave.annotate.quantities import tag_quantities as qs

    assert not figures_agree(*qs("1 billion customers"), *qs("nearly half a billion customers"))
    assert not figures_agree(*qs("2 million people"), *qs("1.1 million people"))
    assert figures_agree(*qs("63 percent"), *qs("63.5 per cent"))
    assert figures_agree(*qs("about 30,000 people"), *qs("31,000 people"))
    assert figures_agree(*qs("2 million people"), *qs("2.4 million people"))
    assert not figures_agree(*qs("55 seats"), *qs("56 seats"))


def test_a_closing_frame_the_parser_hangs_on_a_noun_is_still_the_source(briefing):
    """ "... the private details of a staggering one billion customers, the hackers boasted last night.": the parser
    reads "the hackers" as an object and "boasted" as their participle; the sentence is the hackers' claim, and the
    tabloid's billion is given as theirs."""
    (boast,) = [q for q in briefing.quotes if q["sources"] == ["clarion"] and "one billion" in q["text"]]
    assert boast["speaker"] == "the hackers", boast


def test_a_reduced_relative_of_a_speech_verb_is_no_frame():
    from newsweave.annotate.nlp import load_nlp
    from newsweave.annotate.quotes import extract_quotes

    doc = load_nlp()("The senate approved the bill, the measure first reported by the committee in May.")
    assert not [a for a in extract_quotes(doc) if a.cue_lemma == "report"]
