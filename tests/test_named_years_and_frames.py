"""Lessons from reading a real surveillance story's briefing, in sentences we wrote: a law's year is part of its name,
"civil liberties" names rights, and a clause of time or contrast is no frame of what its sentence says."""

from __future__ import annotations

from newsweave import Article, brief
from newsweave.compose.framing import loaded_terms


def test_a_laws_year_dates_nothing():
    """"the Harbour Protection Act of 1994" names a law: the sentence is the meeting's, on its day, whole."""
    b = brief([Article(id="a", source="a", published="2031-03-20", outlet="Port Ledger",
                       text="On March 3, 2031, the harbour committee met in Velsa to review the expiring provisions of "
                            "the Harbour Protection Act of 1994.")])
    assert [(e["date"], e["event"][:26]) for e in b.timeline] == [("2031-03-03", "On March 3, 2031, the harb")], \
        b.timeline


def test_civil_liberties_is_no_loaded_word():
    assert not loaded_terms("Civil liberties groups asked the court to review the surveillance law.")
    assert [t[2] for t in loaded_terms("Liberty is precious, the senator said.")] == ["liberty", "precious"]


def test_a_clause_of_contrast_is_no_reporting_frame():
    """"While rights groups cried foul over the plan, the minister signed the decree": the groups did not say that
    the minister signed it."""
    b = brief([Article(id="a", source="a", published="2031-03-20", outlet="Port Ledger",
                       text="While rights groups cried foul over the plan, the interior minister signed the decree on "
                            "Monday. The decree takes effect in April.")])
    assert not any("signed the decree" in q["text"] for q in b.quotes), b.quotes
