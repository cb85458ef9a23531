"""A contested media law (a story we wrote): the wire's report of the vote, an opposition paper's, a paper close to the
government's, and the wire's report of the president's signature the next day. One vote told in three forms, a crowd
four ways, and each side's words for the law."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from newsweave.annotate.dates import tag_timexes
from newsweave.annotate.tallies import find_tallies
from newsweave.compose.framing import loaded_terms

WIRE = (
    "VELSK, Nov 12 (Meridian Press) - Kestria's parliament on Thursday passed a law that gives a new state regulator "
    "the power to fine broadcasters and suspend their licences, by 212 votes to 187, after a debate that lasted "
    "more than 14 hours.\n\n"
    "\"This law protects citizens from disinformation, nothing more,\" Culture Minister Anika Roszel told lawmakers "
    "before the vote.\n\n"
    "Opposition leader Tomas Verhaly said the law would \"put every newsroom under the government's thumb\" and "
    "that his party would challenge it in the Constitutional Court.\n\n"
    "Police said about 8,000 people protested outside the parliament building in Velsk. Organisers put the crowd "
    "at 40,000.\n\n"
    "The law must still be signed by President Ilse Marovic, who has 21 days to do so.")
OPPOSITION = (
    "The ruling party rammed its draconian gag law through parliament on Thursday night, 212-187, as at least "
    "50,000 people filled the streets of Velsk.\n\n"
    "The law hands a regulator packed with government loyalists sweeping powers to fine broadcasters up to "
    "2 million marks and to suspend their licences.\n\n"
    "\"Today they have come for the journalists. Tomorrow they will come for everyone else,\" said Tomas Verhaly, "
    "leader of the opposition Civic Alliance.\n\n"
    "The Kestrian Journalists' Union called a one-day strike for Monday.")
GOVERNMENT = (
    "Parliament approved the landmark media reform on Thursday by a clear majority of 212 to 187, ending months of "
    "debate.\n\n"
    "The reform creates a National Media Council that can fine broadcasters up to 2 million marks for spreading "
    "false information. \"Freedom of speech is not freedom to lie,\" said Culture Minister Anika Roszel.\n\n"
    "A few thousand protesters, many of them bused in by opposition parties, gathered outside the building.")
SIGNED = (
    "President Ilse Marovic signed Kestria's new media law on Friday, a day after parliament passed it, despite "
    "calls from press freedom groups to veto it.\n\n"
    "The law takes effect on January 1. The European Commission said it was \"deeply concerned\" and would study "
    "the text.\n\n"
    "The opposition Civic Alliance said it had filed a challenge with the Constitutional Court on Friday.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2043-11-12", title="Kestria passes media law"),
        report("opposition", "Velsk Courier", OPPOSITION, "2043-11-13", title="GAG LAW PASSED"),
        report("government", "Kestrian Herald", GOVERNMENT, "2043-11-13", title="Parliament approves media reform"),
        report("signed", "Meridian Press", SIGNED, "2043-11-13", title="Kestrian president signs media law"),
    ])


@pytest.mark.parametrize("text, split", [
    ("Parliament passed the law on Thursday by 212 votes to 187.", (212, 187)),
    ("Parliament approved the reform by a clear majority of 212 to 187, ending months of debate.", (212, 187)),
    ("The party rammed its law through parliament on Thursday night, 212-187, as crowds gathered.", (212, 187)),
    ("The Senate voted on Tuesday, 52-48, to confirm her.", (52, 48)),
    ("The bill passed. Turnout among those aged 18-24, 25-34 and 55-64, was low.", None),
    ("The council approved the plan, which covers flats 12-4, 12-9 and 14-1.", None),
])
def test_a_split_set_off_after_the_decision_is_a_tally(text, split):
    assert [t.split for t in find_tallies(text)] == ([split] if split else []), find_tallies(text)


def test_one_vote_told_in_three_forms_is_one_fact(briefing):
    """"by 212 votes to 187" / "..., 212-187, as ..." / "by a clear majority of 212 to 187": a parliament's split is a
    fingerprint of its vote, though the three wordings share no name and read far apart (the opposition's is about
    its "draconian gag law" and the crowd); the summary's lead cites all three outlets."""
    texts = {a.id: a.text for a in briefing.articles}
    vote = [f for f in briefing.facts if any("212" in texts[e["article"]][e["start"]:e["end"]] for e in f["evidence"])]
    assert [sorted(f["sources"]) for f in vote] == [["government", "opposition", "wire"]], vote
    assert vote[0]["independent_sources"] == 3
    lead = briefing.summary[0]
    assert "212" in lead.text and set(lead.sources) == {"government", "opposition", "wire"}, briefing.summary


def test_two_parties_doing_alike_are_two_facts():
    """"The Green Party won 12 seats in Sunday's election" / "The Labour Party won 12 seats in Sunday's election": most
    words, the day and the figure in common, but two parties, each report naming only its own: two facts, neither
    corroborating the other."""
    b = newsweave.brief([
        report("a", "X", "The Green Party won 12 seats in Sunday's election, up from eight.", "2043-11-16"),
        report("b", "Y", "The Labour Party won 12 seats in Sunday's election, down from 19.", "2043-11-16"),
    ])
    assert sorted(f["sources"] for f in b.facts) == [["a"], ["b"]], b.facts


@pytest.mark.parametrize("a, b", [
    ("The Velian Farmers Union blocked the main roads into Ostrun on Monday with hundreds of tractors.",
     "The VFU blocked the main roads into Ostrun on Monday with hundreds of tractors."),
    ("The Velian Democratic Committee filed a lawsuit against the ministry on Monday over the tender.",
     "The Velian Democratic Party filed a lawsuit against the ministry on Monday over the tender."),
    ("Brisk Foods will cut 1,200 jobs at its plants in Ostrun by the end of the year.",
     "Staff at Brisk Foods learned on Monday that Brisk will cut 1,200 jobs at its plants in Ostrun."),
])
def test_one_organisation_under_two_names_may_still_be_one_fact(a, b):
    """An acronym, a name sharing a distinguishing word ("Velian Democratic Committee" / "Velian Democratic Party",
    which the resolver may leave apart), or a report that names the other's organisation: no two doers for certain."""
    brief = newsweave.brief([report("a", "X", a, "2043-11-16"), report("b", "Y", b, "2043-11-16")])
    assert [sorted(f["sources"]) for f in brief.facts] == [["a", "b"]], brief.facts


def test_each_sides_words_for_the_vote_are_word_choices(briefing):
    """Built around one split, each outlet's verb for the decision and its words for what was decided: "passed a law"
    / "rammed its draconian gag law through" / "approved the landmark media reform"."""
    wire = next(f for f in briefing.framing if f["article"] == "wire")
    pairs = {(p["article"], p["this"], p["other"]) for w in wire["word_choices"] for p in w["pairs"]}
    assert {("opposition", "passed", "rammed"), ("opposition", "law", "draconian gag law"),
            ("government", "passed", "approved"), ("government", "law", "landmark media reform")} <= pairs, pairs


def test_a_law_told_as_oppression_or_as_a_triumph_is_loaded(briefing):
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert {"ram", "draconian", "gag"} <= terms["opposition"], terms
    assert "landmark" in terms["government"], terms
    assert not terms["wire"] and not terms["signed"], terms


@pytest.mark.parametrize("text, loaded", [
    ("The court issued a gag order on the case.", []),
    ("The tower is the city's best-known landmark.", []),
    ("Tourists crowded the city's landmarks.", []),
    ("Critics called it a gag law.", ["gag"]),
    ("It was a landmark ruling for the rights of tenants.", ["landmark"]),
    ("The rubber-stamp parliament approved it.", ["rubber-stamp"]),
])
def test_gag_and_landmark_are_loaded_only_of_a_decision(text, loaded):
    assert [t[2] for t in loaded_terms(text)] == loaded


def test_police_organisers_and_both_papers_estimate_one_crowd(briefing):
    """"Police said about 8,000 people protested" / "Organisers put the crowd at 40,000" / "at least 50,000 people
    filled the streets" / "A few thousand protesters ... gathered": four estimates of one crowd (however far apart,
    and one of them vague), not a contradiction or an update."""
    crowd = [d for d in briefing.disagreements if d["subject"] == "crowd"]
    assert len(crowd) == 1, briefing.disagreements
    values = {(p["value"], tuple(p["sources"])) for p in crowd[0]["positions"]}
    assert values == {("about 8,000 people", ("wire",)), ("40,000", ("wire",)),
                      ("at least 50,000 people", ("opposition",)), ("A few thousand protesters", ("government",))}, values
    assert crowd[0]["status"] == "estimate"


def test_a_minister_named_with_a_portfolio_is_one_person(briefing):
    """"Culture Minister Anika Roszel told lawmakers" (the tagger read a work of art) and "said Culture Minister Anika
    Roszel": one person, Anika Roszel, quoted by two outlets."""
    roszel = [e for e in briefing.entities if "Roszel" in e["name"]]
    assert [(e["name"], e["type"], sorted(e["sources"])) for e in roszel] == [
        ("Anika Roszel", "PERSON", ["government", "wire"])], roszel


def test_a_descriptor_before_a_name_is_not_the_speaker(briefing):
    """"The opposition Civic Alliance said it had filed a challenge": the parser gave "said" two subjects; the
    speaker is the party, not "The opposition"."""
    signed = next(f for f in briefing.framing if f["article"] == "signed")
    assert "Civic Alliance" in signed["voices"] and "The opposition" not in signed["voices"], signed["voices"]


def test_today_set_against_tomorrow_in_a_quotation_is_no_date(briefing):
    """"Today they have come for the journalists. Tomorrow they will come for everyone else": rhetoric, not a
    Saturday on the timeline."""
    assert not [t for t in briefing.timeline if "Tomorrow" in t["event"]], briefing.timeline


@pytest.mark.parametrize("text, values", [
    ('"Today it is us, tomorrow it will be you," he said.', ["PRESENT_REF", "FUTURE_REF"]),
    ("Today, the team rests. Tomorrow, it flies to Lisbon.", ["2043-11-13", "2043-11-14"]),
    ('"We vote today and count tomorrow," she said.', ["2043-11-13", "2043-11-14"]),
])
def test_a_parallel_today_and_tomorrow_is_general_only_in_a_quotation(text, values):
    assert [t.value for t in tag_timexes(text, "2043-11-13")] == values
