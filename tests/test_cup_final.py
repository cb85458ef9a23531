"""A cup final (a story we wrote) told by a wire, a copy of it, each club's local paper and the wire's report two days
on, which gets the score wrong in an aside."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report
from conftest import sources_by_value as _values

WIRE = (
    "HALDEN, May 20 (Meridian Press) - Kelby Rovers won the National Cup for the first time since 1998 on "
    "Saturday, beating Ostrel City 2-1 with a goal from substitute Luc Moreau in the 89th minute.\n\n"
    "City had led through Anton Berg's header after 23 minutes, but Rovers captain Sami Okafor equalised from "
    "the penalty spot in the 61st minute after Berg was ruled to have handled in the area.\n\n"
    "City defender Tomas Lind was sent off in the 75th minute for a second yellow card. A crowd of 44,812 "
    "watched at Halden Stadium.\n\n"
    "\"It's the best day of my life,\" Moreau said.")

COPY = (
    "Kelby Rovers won the National Cup for the first time since 1998 on Saturday, beating Ostrel City 2-1 with a "
    "goal from substitute Luc Moreau in the 89th minute.\n\n"
    "City had led through Anton Berg's header after 23 minutes, but Rovers captain Sami Okafor equalised from "
    "the penalty spot in the 61st minute after Berg was ruled to have handled in the area.\n\n"
    "A crowd of 44,812 watched at Halden Stadium.")

ECHO = (
    "Super-sub Luc Moreau wrote his name into Rovers folklore with a stunning 88th-minute winner as Kelby beat "
    "Ostrel City 2-1 in front of 45,000 fans in Halden.\n\n"
    "Captain Sami Okafor had levelled from the spot before ten-man City crumbled. \"These supporters deserved "
    "this,\" manager Hanna Vik said.")

GAZETTE = (
    "Ostrel City were robbed of the National Cup on Saturday by a shocking refereeing decision, losing 2-1 to "
    "Kelby Rovers after referee Marc Duval gave a soft penalty for a handball by Anton Berg that television "
    "replays showed never happened.\n\n"
    "City manager Pavel Nowak said the decision \"ruined the final\". City had led 1-0 through Berg's first-half "
    "header.")

NEXT = (
    "OSTREL, May 22 (Meridian Press) - Ostrel City will appeal against the red card shown to defender Tomas Lind "
    "in Saturday's National Cup final, which they lost 3-1 to Kelby Rovers, the club said on Monday.\n\n"
    "Striker Anton Berg, who scored City's goal, will miss six weeks with a knee injury he suffered late in the "
    "match, the club said.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2034-05-20", title="Kelby Rovers win cup final with late Moreau goal"),
        report("copy", "Sports Daily Online", COPY, "2034-05-20", title="Rovers lift National Cup"),
        report("echo", "Kelby Evening Echo", ECHO, "2034-05-21", title="HEROES! Moreau magic ends 36-year wait"),
        report("gazette", "Ostrel Gazette", GAZETTE, "2034-05-21", title="Robbed! City fury at penalty howler"),
        report("next", "Meridian Press", NEXT, "2034-05-22",
               title="Ostrel City to appeal Lind red card, Berg ruled out for six weeks"),
    ])


def test_a_score_told_in_an_aside_days_later_is_compared(briefing):
    """ "in Saturday's National Cup final, which they lost 3-1 to Kelby Rovers" (a report of the appeal, two days on)
    names the match by its sides and its day: its 3-1 contradicts the 2-1 of the reports of the match, though the
    alignment puts the two sentences in different facts."""
    (item,) = [d for d in briefing.disagreements if d["subject"] == "score"]
    assert item["status"] == "contradiction", item["explanation"]
    assert _values(item) == {"2-1": ["copy", "gazette", "wire"], "3-1": ["next"]}, item["positions"]


def test_a_first_since_a_year_leaves_the_day_of_the_event(briefing):
    """ "won the National Cup for the first time since 1998 on Saturday": Saturday dates the win (1998 is what the
    first is measured from); the timeline tells it in the wire's words, not only the losing side's paper's."""
    (day,) = {e["date"] for e in briefing.timeline}
    events = [e for e in briefing.timeline if e["event"].startswith("Kelby Rovers won the National Cup")]
    assert day == "2034-05-20" and events and {"wire", "copy"} <= set(events[0]["sources"]), briefing.timeline


def test_a_name_written_into_folklore_is_nothing_said():
    """ "wrote his name into Rovers folklore": the parser reads "folklore" as a clause's verb; nothing after a
    preposition is what was written as a statement."""
    from newsweave.annotate.nlp import load_nlp
    from newsweave.annotate.quotes import extract_quotes

    text = ("Super-sub Luc Moreau wrote his name into Rovers folklore with a stunning 88th-minute winner as Kelby beat "
            "Ostrel City 2-1.")
    found = [text[a.content_start:a.content_end] for a in extract_quotes(load_nlp()(text))]
    assert not [c for c in found if "folklore" in c], found
