"""A prime minister's vow after talks broke down (a story we wrote): the wire, a hawkish paper, a dovish paper and the
other side's paper the next day. Which lead comes first, and what a relative clause after a comma dates."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "TARVO, April 9 (Meridian Press) - Prime Minister Elena Voss told parliament on Tuesday that her government would "
    "\"not give up a single metre\" of the disputed Orlen valley, a day after talks with neighbouring Kessia broke down.\n\n"
    "\"We are ready to talk, but we will not be blackmailed,\" Voss said. Opposition leader Marek Dal accused her of "
    "\"playing with fire\".\n\n"
    "Kessia's foreign ministry said on Tuesday it regretted the collapse of the talks.")
HAWK = (
    "Prime Minister Elena Voss vowed on Tuesday never to surrender \"an inch\" of the Orlen valley, drawing thunderous "
    "applause in parliament.\n\n"
    "\"We will not be blackmailed,\" Voss declared, after Kessia walked out of talks on Monday.")
DOVE = (
    "Prime Minister Elena Voss struck a defiant tone in parliament on Tuesday, but insisted she was \"ready to talk\" "
    "with Kessia after negotiations over the Orlen valley stalled on Monday.\n\n"
    "Opposition leader Marek Dal said the government was \"playing with fire\" and called for the talks to resume.")
FOREIGN = (
    "Kessia said on Tuesday it regretted the breakdown of talks with Tarvonia over the Orlen valley, which collapsed "
    "on Sunday after three days of negotiations.\n\n"
    "Tarvonian Prime Minister Elena Voss said her country would not be blackmailed.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2047-04-09", title="Voss vows not to cede Orlen valley"),
        report("hawk", "The Tarvo Patriot", HAWK, "2047-04-09", title="Not an inch!"),
        report("dove", "Tarvo Evening News", DOVE, "2047-04-09", title="Voss defiant but open to talks"),
        report("foreign", "Kessia Today", FOREIGN, "2047-04-10", title="Kessia regrets collapse of talks"),
    ])


def test_of_two_leads_alike_the_one_told_first_comes_first(briefing):
    """The wire's lead of Tuesday (two reports, a lead) and the next day's lead of Kessia's regret (two reports, a
    lead) tie in all else: the statement whose own wording came out first is told first."""
    assert briefing.summary[0].text.startswith("Prime Minister Elena Voss told parliament"), \
        [s.text for s in briefing.summary]


def test_a_relative_clause_after_a_comma_dates_what_the_phrase_is_about(briefing):
    """"the breakdown of talks with Tarvonia over the Orlen valley, which collapsed on Sunday": the timeline tells the
    talks collapsing, not "the Orlen valley, which collapsed"."""
    (sunday,) = [e for e in briefing.timeline if e["date"] == "2047-04-07"]
    assert sunday["event"].startswith("talks with Tarvonia over the Orlen valley, which collapsed"), sunday
