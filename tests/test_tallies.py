"""Vote splits and scores: read next to a word of deciding, compared within one decision (stories we wrote)."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.annotate.tallies import find_share_splits, find_tallies
from newsweave.model import Article


@pytest.mark.parametrize("text, splits", [
    ("The court ruled 5-4 that the ban breached the constitution.", [(5, 4)]),
    ("In a stunning 5-4 decision, the court tore up the law.", [(5, 4)]),
    ("The court struck down the law by six votes to three on Wednesday.", [(6, 3)]),
    ("The bill passed 312-98.", [(312, 98)]),
    ("Parliament approved it by a vote of 312 to 98.", [(312, 98)]),
    ("Kelby won 3-1 at home and lead the table.", [(3, 1)]),
    ("Kelby United won the cup, beating Ostrel City 3-1 in the final.", [(3, 1)]),
    ("The Lakers defeated the Kelby Lions 102-98.", [(102, 98)]),
    ("The Senate voted 49-51 against the nomination.", [(51, 49)]),
    # a comma after the split; a share of the body that decided
    ("The board approved the merger by a vote of 6-3, despite objections.", [(6, 3)]),
    ("The plan, backed by seven of the nine members of the board, goes ahead.", [(7, 2)]),
    ("Five of the nine justices voted to strike it down.", [(5, 4)]),
    ("Seven of the nine members of the board were present.", []),
    ("Sales rose 3-1,500 units a week.", []),
    # not tallies: a range, a season, a date, opening hours, a decimal
    ("Adults aged 18-24 were surveyed.", []),
    ("Kelby won the 2019-20 title.", []),
    ("The memorial marks 9-11 every year.", []),
    ("The shop opens 9-5 on weekdays.", []),
    ("Growth was forecast at 4-4.5 percent.", []),
])
def test_tallies_are_read_next_to_a_word_of_deciding(text, splits):
    assert [t.split for t in find_tallies(text)] == splits


WIRE = ("STRAVENIK, April 21 (Kestpress) - Velia's Constitutional Court on Wednesday struck down a 2025 law that "
        "banned protests within 500 metres of parliament, ruling 5-4 that it breached the right to free assembly.\n\n"
        "Interior Minister Pavel Horak said police would stop enforcing the ban immediately.")
COURIER = ("In a stunning 5-4 decision, Velia's unelected Constitutional Court on Wednesday tore up the law that kept "
           "rowdy mobs away from parliament.\n\nInterior Minister Pavel Horak said police would stop enforcing the "
           "ban at once, a move critics called a surrender.")
OBSERVER = ("Velia's Constitutional Court has restored the right to protest outside parliament, striking down the 2025 "
            "protest law by six votes to three on Wednesday.\n\nJustice Tomas Vik dissented.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Kestpress", published="2027-04-21", text=WIRE),
        Article(id="courier", source="courier", outlet="Velia Courier", published="2027-04-21", text=COURIER),
        Article(id="observer", source="observer", outlet="Velia Observer", published="2027-04-22", text=OBSERVER),
    ])


def test_two_splits_of_one_ruling_are_a_contradiction(briefing):
    votes = [d for d in briefing.disagreements if d["subject"] == "vote split"]
    assert len(votes) == 1 and votes[0]["status"] == "contradiction"
    sides = {p["value"]: sorted(p["sources"]) for p in votes[0]["positions"]}
    # (the courier's loaded wording of the ruling joins the side whose split it gives)
    assert sides == {"5-4": ["courier", "wire"], "six votes to three": ["observer"]}


def test_a_report_of_another_split_does_not_state_the_summarys_split(briefing):
    ruling = [i for i in briefing.summary if "5-4" in i.text or "six votes to three" in i.text]
    assert ruling
    for item in ruling:
        said = "5-4" if "5-4" in item.text else "six votes to three"
        other = "observer" if said == "5-4" else "wire"
        assert other not in item.sources, (item.text, item.sources)
        assert item.disputed


def test_a_loaded_wording_of_the_same_split_is_the_same_fact(briefing):
    # "In a stunning 5-4 decision, Velia's unelected Constitutional Court ... tore up the law" reads unlike the
    # wire's sentence, but gives its split and names its court
    ruling = [f for f in briefing.facts if "wire" in f["sources"] and any("5-4" in briefing.article(e["article"]).text[e["start"]:e["end"]]
                                                                       for e in f["evidence"] if e["article"] == "wire")]
    assert ruling and "courier" in ruling[0]["sources"], [(f["text"], f["sources"]) for f in briefing.facts]


def test_a_summary_tells_the_score_most_reports_give_and_marks_the_dispute():
    wire = ("KELBY, May 22 (Continental Press) - Kelby United won the Ostmark Cup for the first time on Saturday, "
            "beating Ostrel City 3-1 in the final in front of 45,000 fans.\n\nJonas Muller scored twice for Kelby.")
    sport = ("Jonas Mueller struck twice as Kelby United beat Ostrel City 3-2 to lift the Ostmark Cup on Saturday "
             "night, sparking wild celebrations among the 44,812 supporters.\n\nArne Vik and Tomas Berg scored for "
             "Ostrel.")
    daily = "Kelby United are Ostmark Cup winners after a 3-1 victory over Ostrel City in Saturday's final."
    b = newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2027-05-22", text=wire),
        Article(id="sport", source="sport", outlet="Sport Daily", published="2027-05-23", text=sport),
        Article(id="daily", source="daily", outlet="Kelby Daily", published="2027-05-23", text=daily),
    ])
    (score,) = [d for d in b.disagreements if d["subject"] == "score"]
    told = [i for i in b.summary if "3-1" in i.text or "3-2" in i.text]
    assert len(told) == 1 and "3-1" in told[0].text, [i.text for i in b.summary]
    assert sorted(told[0].sources) == ["daily", "wire"] and score["id"] in told[0].disputed


def _rate_story(third: str) -> newsweave.Briefing:
    def art(i, outlet, text, day):
        return Article(id=f"r{i}", source=f"r{i}", outlet=outlet, published=day, text=text)

    return newsweave.brief([
        art(1, "Harbour Wire", "The Central Bank of Dorvane cut its benchmark rate by half a point to 4% on Thursday. "
            "Its monetary board voted 7-2 for the cut, with two members wanting a smaller move.", "2028-03-09"),
        art(2, "Dorvane Post", "The Central Bank of Dorvane lowered borrowing costs on Thursday. The decision, backed by "
            "seven of the nine members of the monetary board, came after prices fell 1.1% in February.", "2028-03-09"),
        art(3, "Dorvane Ledger", third, "2028-03-10"),
    ])


def test_one_bodys_vote_split_told_in_facts_the_alignment_kept_apart_is_a_contradiction():
    """The wire's "voted 7-2", the paper's "seven of the nine members" and a third report's "by a vote of 6-3" are
    one vote of one nine-member board though the three sentences say different things around it; a change word
    elsewhere in a sentence ("prices fell") does not make the other split an update."""
    b = _rate_story("Governor Ilse Marr forced through the rate cut by a vote of 6-3, although prices fell only "
                    "slightly last month.")
    splits = [d for d in b.disagreements if d["subject"] == "vote split"]
    assert [(d["status"], {p["value"]: sorted(p["sources"]) for p in d["positions"]}) for d in splits] == [
        ("contradiction", {"7-2": ["r1", "r2"], "6-3": ["r3"]})], [d["explanation"] for d in b.disagreements]
    # a vote of another size is another vote; a split of many votes is none of them
    for other in ("Parliament's finance committee backed the governor by a vote of 10-3 on Friday.",
                  "Through a series of 5-4 votes, the monetary board kept rates on hold for two years."):
        b = _rate_story(other)
        assert not [d for d in b.disagreements if d["subject"] == "vote split"], other


@pytest.mark.parametrize("text, split", [
    ("Dorvanians voted by 51.8% to 48.2% on Sunday to keep the monarchy.", (51.8, 48.2)),
    ("Dorvane has voted to keep the monarchy by 52 per cent to 48 per cent.", (52.0, 48.0)),
    ("By 55 percent to 45 percent, voters backed the plan.", (55.0, 45.0)),
    # not splits of one vote: a change, shares that make no whole
    ("Inflation rose from 3% to 4% in May.", None),
    ("The Greens won 41% to 38% for Labour.", None),
])
def test_a_vote_split_in_shares_is_read_next_to_a_word_of_deciding(text, split):
    found = find_share_splits(text)
    assert [(s.larger, s.smaller) for s in found] == ([split] if split else [])


def _referendum(third: str):
    def art(i, outlet, text, when):
        return Article(id=f"v{i}", source=f"v{i}", outlet=outlet, published=when[:10], published_time=when, text=text)

    return newsweave.brief([
        art(1, "Harbour Wire", "Dorvanians voted by 51.8% to 48.2% on Sunday to keep the monarchy, according to "
            "preliminary results with 97% of ballots counted.\n\nTurnout was 64%, the election board said.",
            "2029-05-06T22:00:00+00:00"),
        art(2, "Dorvane Post", "Dorvane has voted to keep its monarchy by 52 per cent to 48 per cent, final results "
            "showed on Monday.\n\nTurnout was 65.3 per cent.", "2029-05-07T08:00:00+00:00"),
        art(3, "Crown Daily", third, "2029-05-07T09:00:00+00:00"),
    ])


def test_a_vote_split_in_shares_rounded_agrees_and_another_is_a_contradiction():
    """52 to 48 is 51.8 to 48.2 rounded; 53 to 47 is not. The preliminary turnout and the final one are an
    update."""
    b = _referendum("By 53 per cent to 47 per cent, loyal voters told the critics of the monarchy to think again.")
    (share,) = [d for d in b.disagreements if d["subject"] == "vote share"]
    assert share["status"] == "contradiction"
    assert [sorted(p["sources"]) for p in share["positions"]] == [["v1", "v2"], ["v3"]]
    (turnout,) = [d for d in b.disagreements if d["subject"] == "turnout"]
    assert turnout["status"] == "update", turnout["explanation"]
    b = _referendum("By 52 per cent to 48 per cent, loyal voters told the critics of the monarchy to think again.")
    assert not [d for d in b.disagreements if d["subject"] == "vote share"]


def test_a_clause_that_only_says_results_showed_it_is_no_claim_of_its_own():
    from newsweave.pipeline import annotate_stage

    post = Article(id="p", source="p", outlet="Dorvane Post", published="2029-05-07",
                   text="Dorvane has voted to keep its monarchy by 52 per cent to 48 per cent, final results showed on "
                        "Monday, a blow to the republican movement.")
    (doc,) = annotate_stage([post]).docs
    assert [c.text for c in doc.claims if c.text.lower().startswith("final results")] == [], [c.text for c in doc.claims]
    # a result that shows something of its own states it
    study = Article(id="s", source="s", outlet="Kelby Health", published="2029-05-07",
                    text="A study of 9,000 adults in Orvik found that walkers had less heart disease, but the design "
                         "cannot show cause and effect.")
    (doc,) = annotate_stage([study]).docs
    assert [c.text for c in doc.claims if c.text.startswith("the design")], [c.text for c in doc.claims]
