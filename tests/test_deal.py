"""A takeover told over a week (a story we wrote): talks reported by people familiar with them, a denial, then the
agreement. Talks and an agreement are two events, however alike their words; a report that someone denied what
another states is a disagreement."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.align.facts import deal_stage
from newsweave.model import Article, Claim

TALKS = (
    "NEW YORK, Oct 5 (Continental Press) - Harlow Foods is in advanced talks to buy rival snack maker Brisk Bakeries "
    "for about $12 billion, people familiar with the matter said on Monday.\n\n"
    "Brisk shares jumped 18% in after-hours trading.")
DENIAL = (
    "Brisk Bakeries denied on Tuesday that it was in talks to be sold, calling reports of a $12 billion bid from "
    "Harlow Foods \"market speculation\".\n\n"
    "Brisk shares closed 9% lower on Tuesday, a day after Harlow declined to comment on the reports.")
AGREED = (
    "NEW YORK, Oct 12 (Continental Press) - Harlow Foods agreed on Monday to buy Brisk Bakeries for $11.4 billion in "
    "cash, or $54 a share, ending a week of speculation about a deal.\n\n"
    "The deal needs approval from competition regulators in the United States and Canada.")


BLOG = ("Harlow's $11.4bn swoop for Brisk is a desperate land-grab by a bloated giant.\n\n"
        "Shareholders should ask why Harlow is paying a 31% premium for a bread maker whose sales have stalled.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="blog", source="blog", outlet="The Contrarian Investor", published="2026-10-04", text=BLOG),
        Article(id="talks", source="talks", outlet="Continental Press", published="2026-10-05", text=TALKS),
        Article(id="denial", source="denial", outlet="Market Daily", published="2026-10-06", text=DENIAL),
        Article(id="agreed", source="agreed", outlet="Continental Press", published="2026-10-12", text=AGREED),
    ])


def test_talks_and_the_agreement_are_two_facts_and_the_summary_tells_the_agreement(briefing):
    for f in briefing.facts:
        assert not {"talks", "agreed"} <= set(f["sources"]), f
    assert any("agreed on Monday to buy" in i.text for i in briefing.summary), [i.text for i in briefing.summary]


def test_a_report_that_someone_denied_what_another_states_is_a_disagreement(briefing):
    claims = [d for d in briefing.disagreements if d["kind"] == "claim"]
    assert len(claims) == 1, briefing.disagreements
    sides = {p["value"]: p["sources"] for p in claims[0]["positions"]}
    assert sides == {"denied": ["denial"], "stated": ["talks"]}, sides
    # the summary tells the one or the other, marked disputed
    told = [i for i in briefing.summary if {"talks", "denial"} & set(i.sources) and "in talks" in i.text]
    assert told and all(claims[0]["id"] in i.disputed for i in told), [(i.text, i.disputed) for i in briefing.summary]


def _claim(text: str) -> Claim:
    return Claim(article="x", index=0, sentence=0, start=0, end=len(text), text=text)


@pytest.mark.parametrize("text, stage", [
    ("Harlow Foods is in advanced talks to buy Brisk Bakeries.", "talks"),
    ("The two sides are negotiating a ceasefire.", "talks"),
    ("Harlow Foods agreed on Monday to buy Brisk Bakeries for $11.4 billion.", "agreed"),
    ("The rebels signed a ceasefire after talks in Doha.", "agreed"),
    ("Brisk shares jumped 18% in after-hours trading.", None),
])
def test_the_stage_of_a_deal_a_claim_tells(text, stage):
    assert deal_stage(_claim(text)) == stage


@pytest.mark.parametrize("text, clause", [
    ("Brisk Bakeries denied on Tuesday that it was in talks to be sold, calling reports speculation.",
     " it was in talks to be sold"),
    ("The ministry denies reports that troops crossed the border.", " troops crossed the border."),
    ("He never denied that he had taken the money.", None),  # no denial: he admits it
    ("She did not deny that she had met the envoy.", None),
    ("The club said the player was fit.", None),
])
def test_what_a_claim_says_someone_denied(text, clause):
    from newsweave.align.disagreements import _denied_clause

    assert _denied_clause(text) == clause


def test_a_denial_is_a_disagreement_only_with_a_claim_that_states_what_was_denied():
    from newsweave.align.disagreements import _states_denied

    assert _states_denied("Harlow Foods is in advanced talks to buy Brisk Bakeries.", " it was in talks to be sold")
    # (a claim about the denial's words, not their content)
    assert not _states_denied("Clinton has said his statement was legally accurate.",
                              " having met the envoy at the embassy in Vienna")


def test_a_denial_told_in_a_subordinate_clause_is_no_denial_the_claim_states():
    from newsweave.align.disagreements import _denied_clause

    assert _denied_clause("He said his answers, given when he denied having met the envoy, were accurate.") is None


def test_a_company_the_reports_shorten_is_one_entity_though_the_tagger_marks_one_short_mention(briefing):
    # "Harlow Foods ..." then "Harlow", a town's name too; "Brisk Bakeries" then "Brisk shares" (a trade as the name's
    # last word)
    names = {e["name"]: e for e in briefing.entities}
    assert "Harlow" not in names and "Brisk" not in names, sorted(names)
    assert "Harlow" in names["Harlow Foods"]["aliases"], names["Harlow Foods"]


def test_a_possessive_day_inside_the_clause_does_not_date_the_sentence():
    text = ("Brisk shares gave up some of Monday's gains, closing 9% lower.\n\n"
            "Monday's fire at a Brisk bakery in Toronto injured two workers.")
    b = newsweave.brief([Article(id="a", source="a", outlet="Market Daily", published="2026-10-06", text=text)])
    dated = {(e["date"], e["event"][:20]) for e in b.timeline}
    assert ("2026-10-05", "Monday's fire at a B") in dated, dated  # the sentence opens with it: the fire's day
    assert not any(e["event"].startswith("Brisk shares gave up") for e in b.timeline), b.timeline
