"""Accusations and denials (newsweave.align.accusations): a grid blackout one government blames on another, which
denies it, told by a wire, the accused side's press agency and a security blog (a story we wrote)."""

from __future__ import annotations

import pytest

from conftest import report

import newsweave

WIRE = ("VELGRAD (CW) - Velia's government on Saturday blamed hackers working for Kestria's military intelligence for a "
        "cyberattack that cut power to about 230,000 homes for six hours on Friday night.\n\n"
        "Kestria's foreign ministry denied any involvement.")
KESTRIAN = ("Kestria has nothing to do with the power outage in Velia, the Kestrian foreign ministry said on Saturday.\n\n"
            "\"Velgrad blames Kestria for every misfortune, including its own incompetence,\" ministry spokeswoman Anna "
            "Brell said.\n\nThe court denied the request of Velian lawyers to see the files.")
BLOG = ("Halden Labs linked the malware to a hacking group it calls Sandfox, which it has previously tied to Kestria's "
        "military intelligence.\n\nThe researchers have not been linked to Velia's government.")


@pytest.fixture(scope="module")
def blackout():
    return newsweave.brief([
        report("c1", "Continental Wire", WIRE, "2027-02-13T11:20:00+01:00"),
        report("c3", "Kestrian Press Agency", KESTRIAN, "2027-02-13T16:45:00+01:00"),
        report("c4", "Secure Lines", BLOG, "2027-02-14T09:00:00+00:00"),
    ])


def _dispute(b) -> dict:
    items = [d for d in b.disagreements if d["kind"] == "claim" and "Kestria" in d["subject"]]
    assert len(items) == 1, [(d["kind"], d["subject"]) for d in b.disagreements]
    return items[0]


def _side(item: dict, value: str) -> set[tuple[str, int]]:
    return {(e["article"], e["start"]) for p in item["positions"] if p["value"] == value for e in p["evidence"]}


def test_an_accusation_and_its_denial_are_one_dispute(blackout):
    """Velia blames Kestria's military intelligence; the security firm ties the malware's group to it; Kestria's
    ministry denies any involvement and says it has nothing to do with the outage."""
    item = _dispute(blackout)
    assert item["status"] == "contradiction"
    accused, denies = _side(item, "Kestria blamed"), _side(item, "Kestria denies")
    assert {a for a, _ in accused} == {"c1", "c4"}, item["positions"]
    assert {a for a, _ in denies} == {"c1", "c3"}, item["positions"]


def test_the_accused_telling_of_the_accusation_is_no_accuser(blackout):
    """ "Velgrad blames Kestria for every misfortune," the accused ministry's spokeswoman said: she is not on the
    accusers' side."""
    item = _dispute(blackout)
    texts = {e["article"]: e for p in item["positions"] for e in p["evidence"]}
    assert all(not (e["article"] == "c3" and p["value"] == "Kestria blamed") for p in item["positions"]
               for e in p["evidence"]), texts


def test_plain_words_that_look_like_blame_or_denial_are_neither():
    """Each report below blames a party and has a sentence that only looks like that party's denial, or denies
    and has one that only looks like blame: "denied the request" denies no accusation; "have not been linked to"
    links no one; a name before a verb of denying in another clause ("Tomas Varga said the governor told him the
    decision ... had nothing to do with the budget") is not its subject."""
    b = newsweave.brief([
        report("x1", "Kelby Wire", "Critics blamed Velia's government for the delay on Monday. Velia's government "
               "denied the request of the opposition on Monday.", "2027-02-15"),
        report("x2", "Ostrel Post", "Critics accused Tomas Varga of favouring the bridge. Tomas Varga said the governor "
               "told him the decision on the bridge had nothing to do with the budget.", "2027-02-15"),
        report("x3", "Dunmere Daily", "The researchers have not been linked to Kestria, officials said on Monday. Kestria "
               "denied any involvement in the strike.", "2027-02-15"),
        report("x4", "Ostrel Post", "Anna Brell was never accused of taking bribes, prosecutors said. Anna Brell denied "
               "any wrongdoing on Monday.", "2027-02-15"),
    ])
    assert not [d for d in b.disagreements if d["kind"] == "claim"], \
        [(d["subject"], [p["value"] for p in d["positions"]]) for d in b.disagreements]


def test_a_cut_of_power_counts_homes_and_a_damning_report_is_a_verdict():
    """ "cut power to about 230,000 homes" counts homes, whatever "cut" counts in a layoff story; an outlet's verdict
    on a report ("damning") is a loaded word."""
    from newsweave.align.facts import one_count
    from newsweave.annotate.quantities import tag_quantities
    from newsweave.compose.framing import loaded_terms
    from newsweave.model import Claim

    text = "The attack cut power to about 230,000 homes."
    claim = Claim(article="x", sentence=0, index=0, start=0, end=len(text), text=text, terms=["attack", "cut", "power", "home"],
                  quantities=tag_quantities(text))
    assert one_count(claim)[0] == "home"
    assert "damning" in [t[2] for t in loaded_terms("a week after a damning government report blamed the company")]
