"""A doping ban cut on appeal, told by four reports (a story we wrote): a ban's length is a term someone was
given, compared across reports in any unit of time ("two years" / "24 months" against a tabloid's "18 months"),
while the term the ruling replaced and the one an agency sought are no values of it."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.align.facts import term_kind
from newsweave.model import Article

WIRE = (
    "LAUSANNE, Feb 10 (Meridian) - The Court of Arbitration for Sport (CAS) on Tuesday reduced sprinter Mira "
    "Castell's doping ban to two years from four, ruling that the stimulant found in her sample came from a "
    "contaminated supplement.\n\n"
    "The World Anti-Doping Agency (WADA), which had sought the full four-year suspension, said it would study the "
    "ruling.")
TRACK = (
    "Mira Castell's four-year doping ban was halved to 24 months on Tuesday after a panel at the Court of "
    "Arbitration for Sport accepted that a supplement she bought online was contaminated.\n\n"
    "Castell will be eligible to race again in March 2027.")
TABLOID = (
    "Sprint queen Mira Castel was finally vindicated yesterday as sports judges slashed her ban to just 18 months.\n\n"
    "Castel, 27, burst into tears as she heard the news, her coach said.")
LATER = (
    "MONTREAL, Feb 13 (Meridian) - WADA said on Thursday it would appeal against the decision to cut sprinter Mira "
    "Castell's ban to two years.\n\n"
    "WADA said the court had misapplied the rules when it reduced the four-year ban on Tuesday.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2026-02-10", text=WIRE),
        Article(id="track", source="track", outlet="Track Daily", published="2026-02-10", text=TRACK),
        Article(id="tabloid", source="tabloid", outlet="The Morning Sun", published="2026-02-11", text=TABLOID),
        Article(id="later", source="later", outlet="Meridian Press", published="2026-02-13", text=LATER),
    ])


def test_a_bans_length_told_in_months_and_years_is_one_value_and_a_tabloids_other_length_a_contradiction(briefing):
    bans = [d for d in briefing.disagreements if d["kind"] == "number" and d["subject"] == "Mira Castell's ban"]
    assert len(bans) == 1, briefing.disagreements
    (ban,) = bans
    sides = {p["value"]: sorted(p["sources"]) for p in ban["positions"]}
    assert sides == {"two years": ["later", "track", "wire"], "18 months": ["tabloid"]}, sides
    assert ban["status"] == "contradiction"


@pytest.mark.parametrize("text, figure, kind", [
    ("The court cut her doping ban to two years.", "two years", "ban"),
    ("He was banned for 18 months from all competition.", "18 months", "ban"),
    ("She received a four-year ban for the positive test.", "four-year", "ban"),
    ("The driver was jailed for 12 years.", "12 years", "prison term"),
    # time already served is no term given
    ("A man who has already spent 12 years in prison for his views was tried again.", "12 years", None),
    ("She served 10 years in jail before her release.", "10 years", None),
    # not the term a ruling replaced, nor one sought, nor a duration that is no term
    ("The court reduced the four-year ban to two years.", "four-year", None),
    ("Her four-year ban was halved on appeal.", "four-year", None),
    ("WADA had sought the full four-year suspension.", "four-year", None),
    ("The hiker was missing for five days.", "five days", None),
])
def test_which_durations_are_terms_given(text, figure, kind):
    from types import SimpleNamespace

    start = text.index(figure)
    assert term_kind(text, SimpleNamespace(start=start, end=start + len(figure))) == kind


def test_an_appeal_against_a_ruling_is_not_the_ruling(briefing):
    # both give the ban's new length, but the later report's lead tells the appeal, not the cut
    texts = {a.id: a.text for a in briefing.articles}
    for f in briefing.facts:
        spans = [texts[e["article"]][e["start"]:e["end"]] for e in f["evidence"]]
        assert not (any("reduced sprinter" in s for s in spans) and any("would appeal" in s for s in spans)), spans


def test_the_summary_tells_the_appeal_that_names_the_new_length_beside_the_ruling(briefing):
    # the later report's lead gives the ban's length only inside "the decision to cut ... ban to two years": it
    # tells the appeal, which no other wording of that length tells, so it is not left out as a second telling
    texts = [i.text for i in briefing.summary]
    assert any("would appeal" in t for t in texts), texts
    assert any(("reduced sprinter" in t or "halved" in t) for t in texts), texts


def test_a_claim_that_gives_several_peoples_terms_gives_none_of_them_as_its_own():
    # (named after the one person two claims share, such a term had been set against that person's own: a list
    # of three dissidents' terms against one man's, in DUC 2004)
    from types import SimpleNamespace

    from newsweave.align.disagreements import _several_terms

    text = ("Ivo Marek, who was sentenced to 13 years in prison, Jan Holm, who received an 11-year sentence, and Lena "
            "Varga were tried on Monday.")

    def term(figure, value):
        start = text.index(figure)
        return SimpleNamespace(start=start, end=start + len(figure), unit="year", value=value)

    thirteen, eleven = term("13 years", 13.0), term("11-year", 11.0)
    listed = SimpleNamespace(quantities=[thirteen, eleven])
    assert _several_terms(text, listed, eleven) and _several_terms(text, listed, thirteen)
    alone = SimpleNamespace(quantities=[thirteen])
    assert not _several_terms(text, alone, thirteen)
