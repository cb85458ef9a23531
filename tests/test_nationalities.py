"""Counts of a country's people in a story we wrote (a small plane's crash): "four Britons" against "Five British
nationals", "three Germans" against "Two Germans", in lists that share no words with each other."""

from __future__ import annotations

from conftest import report

import newsweave


def _brief():
    return newsweave.brief([
        report("p1", "Continental Press", "A chartered plane carrying nine passengers and two crew crashed into a mountainside "
            "near the Col de Varne pass on Thursday evening, killing everyone on board, police said on Friday.\n\n"
            "The passengers included four Britons, three Germans and two Italians, police said.", "2027-09-03"),
        report("p2", "Alpine Post", "Five British nationals were among the 11 people killed when a light aircraft came down "
            "in the Alps on Thursday night, the Foreign Office said.\n\nTwo Germans and two Italians were also on "
            "board, along with the two pilots.", "2027-09-04"),
        report("p3", "Sion Daily", "Investigators on Saturday recovered the voice recorder of the chartered plane that crashed near the Col de Varne pass on Thursday, killing 11 people.", "2027-09-04"),
    ])


def test_counts_of_one_countrys_people_are_compared_however_they_are_named():
    b = _brief()
    found = {frozenset(p["value"] for p in d["positions"]): d["status"] for d in b.disagreements}
    assert found.get(frozenset({"four Britons", "Five British nationals"})) == "contradiction", found
    assert found.get(frozenset({"three Germans", "Two Germans"})) == "contradiction", found
    # the Italians agree, and one country's people are never set against another's
    assert not [k for k in found if any("Italian" in v for v in k)], found
    assert not [k for k in found if any("German" in v for v in k) and any("Brit" in v for v in k)], found


def test_a_timeline_event_is_told_by_a_statement_rather_than_a_noun_phrase():
    """Thursday's crash, dated by the wire's sentence and by a later report's noun phrase ("the chartered plane
    that crashed ... on Thursday"), is told in the wire's words."""
    b = _brief()
    thursday = [e for e in b.timeline if str(e["date"]) == "2027-09-02" and "p3" in e["sources"]]
    assert thursday and thursday[0]["event"].startswith("A chartered plane carrying"), thursday


def test_crowds_of_one_people_in_several_cities_are_not_compared():
    b = newsweave.brief([
        report("k1", "Continental Press", "Protests over the arrest spread across Europe on Monday: 1,000 Armenians rallied "
            "in Bonn, waving flags outside the consulate.", "2027-02-15"),
        report("k2", "Alpine Post", "About 1,500 Armenians who spent the night outside the consulate in Rome continued their "
            "hunger strike on Monday to protest the arrest.", "2027-02-15"),
        report("k3", "Sion Daily", "Armenians held protests over the arrest in several European cities on Monday.", "2027-02-15"),
    ])
    assert not [d for d in b.disagreements if any("Armenians" in p["value"] for p in d["positions"])], b.disagreements
