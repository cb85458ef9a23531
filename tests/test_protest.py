"""A pension protest (a story we wrote) told by a wire, a copy of it, a paper that backs the government, one that
backs the unions, and the wire's next report: police and organisers count the crowd differently, arrests rise
from one day to the next, two ministries speak, and the vote on the bill is brought forward a day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from conftest import sources_by_value as _values


WIRE = (
    "DRAVENA, March 15 (Meridian Press) - Tens of thousands of people marched through the Solvakian capital "
    "Dravena on Saturday against a government plan to raise the retirement age from 62 to 65, the largest "
    "protest since the government took office in 2029.\n\n"
    "Police put the crowd at 40,000, while the organisers, the Federation of Solvakian Trade Unions, said "
    "150,000 people had taken part.\n\n"
    "Police fired tear gas and used water cannon near parliament after a group of protesters threw bottles and "
    "stones at officers late in the afternoon. Forty-five people were arrested and 12 police officers were "
    "injured, the interior ministry said.\n\n"
    "Prime Minister Elena Varga said the reform was \"necessary to keep pensions paid for the next generation\". "
    "Parliament is due to vote on the bill on Thursday.\n\n"
    "\"We will not work until we drop,\" said Marta Kovac, a 58-year-old nurse who travelled from Lenburg to join "
    "the march.\n\n"
    "The unions have called a general strike for March 24.")

COPY = (
    "Tens of thousands of people marched through the Solvakian capital Dravena on Saturday against a government "
    "plan to raise the retirement age from 62 to 65, the largest protest since the government took office in "
    "2029.\n\n"
    "Police put the crowd at 40,000, while the organisers, the Federation of Solvakian Trade Unions, said "
    "150,000 people had taken part.\n\n"
    "Police fired tear gas and used water cannon near parliament after a group of protesters threw bottles and "
    "stones at officers late in the afternoon. Forty-five people were arrested and 12 police officers were "
    "injured, the interior ministry said.\n\n"
    "Parliament is due to vote on the bill on Thursday.\n\n"
    "(Reporting by Meridian Press)\n\n"
    "Sign up for our morning newsletter to get the day's top stories in your inbox.")

HERALD = (
    "Rioters hijacked a union march in Dravena on Saturday, hurling bottles and stones at police and smashing "
    "shop windows on Freedom Avenue.\n\n"
    "Police said about 40,000 people attended the march, far fewer than the 150,000 claimed by union bosses. "
    "Twelve officers were injured and 45 people were arrested.\n\n"
    "Interior Minister Tomas Hale said \"violent extremists\" had exploited the march. \"The right to protest is "
    "not a right to smash up our capital,\" he said.\n\n"
    "The government's pension reform, which raises the retirement age to 65 over ten years, is needed to save a "
    "system that will otherwise run out of money by 2040, Prime Minister Elena Varga said on Saturday.")

VOICE = (
    "More than 150,000 people joined a peaceful march through Dravena on Saturday to defend their pensions, in "
    "the biggest show of anger the government of Elena Varga has faced.\n\n"
    "Riot police brutally attacked demonstrators with tear gas and water cannon outside parliament, and the "
    "organisers said 30 protesters were hurt.\n\n"
    "\"The government is stealing our retirement,\" said Ivan Petrov, leader of the Federation of Solvakian Trade "
    "Unions. \"If they vote for this on Thursday, the country stops on the 24th.\"\n\n"
    "Dozens of marchers were detained.")

UPDATE = (
    "DRAVENA, March 16 (Meridian Press) - The number of people arrested after Saturday's pension protest in "
    "Dravena has risen to 112, the interior ministry said on Sunday, as police studied video footage of the "
    "clashes.\n\n"
    "Twelve police officers were injured in the clashes, and 19 protesters were treated in hospital, the health "
    "ministry said.\n\n"
    "Parliament will now vote on the pension bill on Wednesday, a day earlier than planned, the speaker's office "
    "said.\n\n"
    "Union leader Ivan Petrov called the change \"a provocation\" and said the general strike would go ahead on "
    "March 24.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2031-03-15",
               title="Tens of thousands march in Dravena against pension reform"),
        report("copy", "Solvakia Daily Online", COPY, "2031-03-15",
               title="Tens of thousands protest pension reform in capital"),
        report("herald", "The National Herald", HERALD, "2031-03-16",
               title="Rioters hijack union march as thugs attack police"),
        report("voice", "Dravena Voice", VOICE, "2031-03-16",
               title="150,000 say no: police turn on peaceful pension march"),
        report("update", "Meridian Press", UPDATE, "2031-03-16",
               title="Arrests after Dravena pension protest rise to 112; vote brought forward"),
    ])


def test_police_and_organisers_count_of_the_crowd_are_estimates_of_one_crowd(briefing):
    """ "Police put the crowd at 40,000, while the organisers ... said 150,000 people had taken part" / "Police said
    about 40,000 people attended the march" / "More than 150,000 people joined a peaceful march": one crowd, counted
    by two sources, in one item of differing estimates (the two figures of one sentence are no parts of a whole, and
    the people who took part or joined a march are the crowd); not a contradiction of "150,000" and "about 40,000"."""
    crowd = [d for d in briefing.disagreements if d["subject"] == "crowd"]
    assert len(crowd) == 1, [(d["subject"], d["status"], _values(d)) for d in briefing.disagreements]
    (item,) = crowd
    assert item["status"] == "estimate", item["explanation"]
    values = _values(item)
    assert values["40,000 / about 40,000 people"] == ["copy", "herald", "wire"], values
    assert values["150,000 people"] == ["copy", "wire"] and values["More than 150,000 people"] == ["voice"], values
    assert not [d for d in briefing.disagreements if d["status"] == "contradiction"], briefing.disagreements


def test_those_a_crowd_lost_are_no_count_of_the_crowd(briefing):
    """ "the organisers said 30 protesters were hurt", "Dozens of marchers were detained", "19 protesters were treated
    in hospital": counts of what befell some of them, not rival sizes of the crowd."""
    shown = {p["value"] for d in briefing.disagreements if d["subject"] == "crowd" for p in d["positions"]}
    assert not shown & {"30 protesters", "Dozens", "19 protesters"}, shown


def test_arrests_that_rise_overnight_are_an_update(briefing):
    (item,) = [d for d in briefing.disagreements if d["subject"] == "detained"]
    assert item["status"] == "update"
    assert _values(item) == {"Forty-five people": ["copy", "wire"], "45 people": ["herald"], "112": ["update"]} or \
        _values(item) == {"Forty-five people": ["copy", "herald", "wire"], "112": ["update"]}, item["positions"]


def test_the_interior_ministry_is_not_the_storys_health_ministry(briefing):
    """ "Forty-five people were arrested ..., the interior ministry said": the only ministry named as an organisation is
    the health ministry, but "interior" says this is another one."""
    said = {q["text"]: q["speaker"] for q in briefing.quotes}
    arrests = [s for t, s in said.items() if t.startswith(("Forty-five people were arrested", "The number of people"))]
    assert arrests and all("interior" in s for s in arrests), said
    assert said["19 protesters were treated in hospital"] == "health ministry", said


def test_the_timeline_dates_the_march_not_the_governments_first_year(briefing):
    """ "... marched through the Solvakian capital Dravena on Saturday ..., the largest protest since the government
    took office in 2029": the sentence is Saturday's (the parser hangs "on Saturday" on the city's name, which has no
    day of its own), and 2029 is what the record is measured from."""
    dates = {e["date"] for e in briefing.timeline}
    assert "2029" not in dates, [(e["date"], e["event"]) for e in briefing.timeline]
    (march,) = [e for e in briefing.timeline if e["event"].startswith("Tens of thousands of people marched")]
    assert march["date"] == "2031-03-15" and march["event"].endswith("in 2029."), march
    assert not [e for e in briefing.timeline if e["event"].lower().startswith("the solvakian capital")]


def test_a_day_earlier_than_planned_is_no_date(briefing):
    """ "Parliament will now vote on the pension bill on Wednesday, a day earlier than planned": Wednesday is the
    vote's day; "a day earlier than planned" compares it with the plan and dates nothing (it had put an event on
    Tuesday)."""
    days = {e["date"] for e in briefing.timeline if e["date"].startswith("2031-03-1")}
    assert days == {"2031-03-15", "2031-03-19"}, \
        [(e["date"], e["event"]) for e in briefing.timeline]
    assert [e["date"] for e in briefing.timeline if "vote" in e["event"]] == ["2031-03-19", "2031-03-20"]


def test_names_typed_by_what_the_reports_say_around_them(briefing):
    """ "the Solvakian capital Dravena" (tagged a person) is a place; "said Marta Kovac, a 58-year-old nurse" (tagged a
    place) a person; "Solvakian", whose land the story names only in an outlet's name, a people."""
    types = {e["name"]: e["type"] for e in briefing.entities}
    assert types["Dravena"] == "GPE" and types["Marta Kovac"] == "PERSON" and types["Solvakian"] == "NORP", types


def test_where_a_thing_happened_is_no_word_choice(briefing):
    """ "near parliament" / "outside parliament" is not a framing choice; "fired" / "brutally attacked demonstrators"
    is."""
    pairs = [(p["this"], p["other"]) for f in briefing.framing for w in f["word_choices"] for p in w["pairs"]]
    assert ("near", "outside") not in pairs and ("outside", "near") not in pairs, pairs
    assert ("fired", "brutally attacked demonstrators") in pairs, pairs


def test_the_summary_tells_the_lead_and_the_estimates_side_by_side(briefing):
    """The wire's lead ("Tens of thousands of people marched ...") tells the event; its "Police put the crowd at 40,000,
    while the organisers ... said 150,000" tells the dispute: the summary gives both, not one for the other."""
    texts = [s.text for s in briefing.summary]
    assert any(t.startswith("Tens of thousands of people marched") for t in texts), texts
    assert any(t.startswith("Police put the crowd at 40,000") for t in texts), texts


def test_a_vote_brought_forward_is_an_update_of_its_day(briefing):
    """ "Parliament is due to vote on the bill on Thursday" (the wire and its copy) / "Parliament will now vote on the
    pension bill on Wednesday, a day earlier than planned" (the wire's next report): the plan moved, though no name of
    the story dates it and the two wordings are not one fact."""
    (item,) = [d for d in briefing.disagreements if d["kind"] == "date"]
    assert item["status"] == "update", item["explanation"]
    assert _values(item) == {"Thursday": ["copy", "wire"], "Wednesday": ["update"]}, item["positions"]
