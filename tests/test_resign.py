"""A minister's resignation (a story we wrote), told by a wire, a friendly paper, a tabloid, a foreign paper that
rewrote the wire, and the wire's next-day report: one act told as "resigned", "stepped down", "was forced out" and
"quit"; an age and a maximum wait the rewrite changed; a tabloid's verdict that is no title."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.model import Article

WIRE = (
    "VASTRA, Sept 16 (Baltic Wire) - Norlandic Interior Minister Petra Lindqvist resigned on Monday after "
    "an independent report found that her ministry had mishandled 2,300 asylum files, the prime "
    "minister's office said.\n\n"
    "Lindqvist, 52, had led the ministry since 2027. Prime Minister Anton Berg accepted her resignation "
    "and named Deputy Minister Johan Ek as acting minister.\n\n"
    "The report, published on Friday, said applicants had waited up to four years for decisions.")
FRIENDLY = (
    "Interior Minister Petra Lindqvist stepped down on Monday, saying she took full responsibility for "
    "the delays in the asylum system uncovered by last week's independent report.\n\n"
    '"I have always said that a minister answers for her ministry," Lindqvist told reporters outside the '
    'ministry. "Today I am doing just that."\n\n'
    "Prime Minister Anton Berg thanked her for her service and said the government would act on all 14 of "
    "the report's recommendations.")
TABLOID = (
    "Disgraced Interior Minister Petra Lindkvist was finally forced out on Monday after a damning report "
    "exposed the shambolic mess at her ministry.\n\n"
    "The report found that a staggering 2,300 asylum files had been botched under her watch, leaving "
    "desperate families in limbo for years.\n\n"
    '"She should have gone months ago," fumed opposition leader Magnus Dahl.')
FOREIGN = (
    "Norland's interior minister, Petra Lindqvist, quit on Monday after an independent report found that "
    "her ministry had mishandled about 2,400 asylum files.\n\n"
    "Lindqvist, 53, is the third minister to leave Anton Berg's coalition government this year.\n\n"
    "The report, published last Friday, said some applicants had waited up to five years for a decision.")
NEXT_DAY = (
    "VASTRA, Sept 17 (Baltic Wire) - Norland's parliament on Tuesday confirmed Johan Ek as interior "
    "minister, a day after Petra Lindqvist resigned over the mishandling of asylum files.\n\n"
    "Ek, 44, won the vote by 98 votes to 71. He promised to clear the backlog of asylum cases by the end "
    "of next year.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Baltic Wire", published="2030-09-16", text=WIRE),
        Article(id="friendly", source="friendly", outlet="Vastra Morning Post", published="2030-09-16", text=FRIENDLY),
        Article(id="tabloid", source="tabloid", outlet="Norland Express", published="2030-09-16", text=TABLOID),
        Article(id="foreign", source="foreign", outlet="Continental Herald", published="2030-09-17", text=FOREIGN),
        Article(id="next", source="next", outlet="Baltic Wire", published="2030-09-17", text=NEXT_DAY),
    ])


def test_one_persons_act_of_one_day_is_one_fact_however_worded(briefing):
    """ "Interior Minister Petra Lindqvist resigned on Monday after ..." / "... stepped down on Monday, saying ..." /
    "Disgraced Interior Minister Petra Lindkvist was finally forced out on Monday ...": one fact of four reports,
    the summary's lead cited to all four."""
    (lead,) = [s for s in briefing.summary if "resigned on Monday" in s.text or "quit on Monday" in s.text]
    assert sorted(lead.sources) == ["foreign", "friendly", "tabloid", "wire"], lead
    (fact,) = [f for f in briefing.facts if "wire" in f["sources"] and "friendly" in f["sources"]]
    assert sorted(fact["sources"]) == ["foreign", "friendly", "tabloid", "wire"], fact


def test_a_participle_before_a_title_judges_and_names_no_office(briefing):
    """ "Disgraced Interior Minister" and "Norlandic Interior Minister" give one office."""
    assert not [d for d in briefing.disagreements if d["kind"] == "title"], briefing.disagreements


def test_two_maxima_of_one_wait_disagree_and_are_not_cited_for_each_other(briefing):
    """ "applicants had waited up to four years" (the wire) / "up to five years" (its rewrite): a contradiction, and
    the summary cites each wording to its own report only."""
    (wait,) = [d for d in briefing.disagreements if d["subject"] == "wait"]
    assert wait["status"] == "contradiction"
    assert {p["value"]: p["sources"] for p in wait["positions"]} == {"up to four years": ["wire"],
                                                                     "up to five years": ["foreign"]}
    for s in briefing.summary:
        if "up to five years" in s.text:
            assert s.sources == ["foreign"], s
        if "up to four years" in s.text:
            assert s.sources == ["wire"], s


def test_rival_bounds():
    from newsweave.align.facts import rival_bounds
    from newsweave.annotate.quantities import tag_quantities

    def q(text):
        return tag_quantities(text)[0]

    assert rival_bounds(q("up to four years"), q("up to five years"))
    assert not rival_bounds(q("up to 225 km/h"), q("up to 225 km/h"))
    assert not rival_bounds(q("up to four years"), q("at least five years"))


def test_the_report_published_on_friday_is_one_event_however_its_findings_differ(briefing):
    """ "The report, published on Friday, said ... up to four years" / "The report, published last Friday, said ...
    up to five years": the phrase's event, the report's publication, is told by both."""
    (published,) = [e for e in briefing.timeline if e["date"] == "2030-09-13"]
    assert sorted(published["sources"]) == ["foreign", "wire"], published


def test_a_quoted_sentence_without_its_speaker_is_no_event(briefing):
    """ '"Today I am doing just that."' (its speaker in the sentence before) is the minister's words."""
    assert not [e for e in briefing.timeline if "doing just that" in e["event"]], briefing.timeline


def test_a_participles_clause_after_the_speaker_is_no_part_of_its_name(briefing):
    """ "The report, published on Friday, said applicants had waited ...": the report speaks."""
    speakers = {q["speaker"] for q in briefing.quotes}
    assert "The report" in speakers and not [s for s in speakers if "published" in s], speakers


def test_a_days_thing_inside_a_clause_of_another_noun_dates_that_thing():
    """ "the delays in the asylum system uncovered by last week's independent report": the report is last week's,
    not the asylum system."""
    from newsweave.annotate.date_scope import noun_phrase_scope
    from newsweave.annotate.nlp import load_nlp

    text = ("Interior Minister Petra Lindqvist stepped down on Monday, saying she took full responsibility for the "
            "delays in the asylum system uncovered by last week's independent report.")
    at = text.index("last week")
    span = noun_phrase_scope(load_nlp()(text), at, at + len("last week"))
    assert span is not None and text[span[0]:span[1]].startswith("last week's independent report"), span
