"""A jewel theft from a museum, told by four reports (a story we wrote): a wire, a local paper that names the
museum in French and has its director's own valuation, a tabloid that lifts one wire sentence into its own loaded
story, and the wire's follow-up on two arrests. What a thing is worth is a valuation two sources may differ on; a
later event that names the theft in a clause is no telling of the theft; one long sentence copied word for word is
copied text; the words of a theft are no verdict, the tabloid's admiration is."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.align.disagreements import _named_site, _round_figure, _valued_thing
from newsweave.align.reuse import find_reuse
from newsweave.annotate.entities import _english_order
from newsweave.compose.framing import loaded_terms
from newsweave.model import Article, Claim

WIRE = (
    "LYON, March 16 (Meridian) - Thieves stole eight pieces of 19th-century jewellery worth an estimated 88 million "
    "euros ($102 million) from the Delaunay Museum in Lyon on Sunday, in a raid that lasted seven minutes, the "
    "city's prosecutor said on Monday.\n\n"
    "Prosecutor Claire Vautrin told reporters that four men wearing high-visibility vests used a truck-mounted lift "
    "to reach a first-floor window shortly after the museum opened at 9.30 a.m.\n\n"
    "No one was hurt. The museum will stay closed until Wednesday, the culture ministry said.")
LOCAL = (
    "Thieves robbed the Musee Delaunay on Sunday morning in an operation that took less than four minutes, "
    "according to security footage seen by Rhone Daily.\n\n"
    "Three men climbed to a window on the first floor from the basket of a lift mounted on a stolen truck, then "
    "smashed two display cases and escaped on scooters.\n\n"
    "The museum's director, Henri Masson, put the value of the stolen jewels at 80 million euros, adding that "
    "their historical value was \"beyond any price\".\n\n"
    "Masson said the museum had asked the city for more guards two years ago.")
TABLOID = (
    "A brazen gang pulled off the heist of the century yesterday, looting priceless royal jewels worth £75 million "
    "from a French museum as stunned tourists looked on.\n\n"
    "Thieves stole eight pieces of 19th-century jewellery worth an estimated 88 million euros from the Delaunay "
    "Museum in Lyon on Sunday, in a raid that lasted seven minutes, the city's prosecutor said.\n\n"
    "The audacious crooks, dressed as workmen, used a cherry picker to smash their way in through a window.")
LATER = (
    "LYON, March 19 (Meridian) - French police arrested two men on Wednesday in connection with Sunday's theft of "
    "jewels worth 88 million euros from the Delaunay Museum, prosecutor Claire Vautrin said on Thursday.\n\n"
    "The men, aged 34 and 39, were detained in Marseille and are being questioned, Vautrin said.\n\n"
    "None of the stolen jewellery has been recovered.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Meridian Press", published="2026-03-16", text=WIRE),
        Article(id="local", source="local", outlet="Rhone Daily", published="2026-03-16", text=LOCAL),
        Article(id="tabloid", source="tabloid", outlet="The Morning Sun", published="2026-03-17", text=TABLOID),
        Article(id="later", source="later", outlet="Meridian Press", published="2026-03-19", text=LATER),
    ])


# --- entities ----------------------------------------------------------------------------------------


def test_a_museum_named_in_french_is_the_museum_named_in_english(briefing):
    museums = [e for e in briefing.entities if "Delaunay" in e["name"]]
    assert len(museums) == 1, [(e["name"], e["aliases"]) for e in briefing.entities]
    assert museums[0]["name"] == "Delaunay Museum" and "Musee Delaunay" in museums[0]["aliases"]
    assert set(museums[0]["sources"]) == {"wire", "local", "tabloid", "later"}


@pytest.mark.parametrize("name, english", [
    ("Musée du Louvre", "louvre museum"),
    ("Museo del Prado", "prado museum"),
    ("Université de Montréal", "montreal university"),
    ("Musée d'Orsay", "orsay museum"),
    ("Pont Neuf", "neuf bridge"),
    ("Delaunay Museum", None),  # already in English order
    ("Louvre", None),
    ("Musée", None),  # a kind with no name
])
def test_a_name_headed_by_its_kind_in_another_language_reads_in_english_order(name, english):
    assert _english_order(name) == english


def test_a_place_written_in_capitals_only_in_datelines_is_named_as_the_reports_write_it(briefing):
    names = {e["name"] for e in briefing.entities}
    assert "Lyon" in names and "LYON" not in names, names


# --- framing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Thieves stole eight pieces of jewellery from the museum.",
    "The museum was robbed on Sunday, and the stolen jewels include its most valuable object.",
    "Police are investigating the theft and a robbery at a jeweller's.",
])
def test_the_words_of_a_theft_are_no_verdict(text):
    assert loaded_terms(text) == []


@pytest.mark.parametrize("text, term", [
    ("A brazen gang pulled off the raid.", "brazen"),
    ("The audacious crooks used a lift.", "audacious"),
    ("It was a daring raid.", "daring"),
    ("Stunned tourists looked on.", "stunned"),
])
def test_admiration_or_awe_at_how_a_crime_was_done_is_loaded(text, term):
    assert term in {t[2] for t in loaded_terms(text)}


def test_only_the_tabloid_reads_as_loaded(briefing):
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert terms["wire"] == set() and terms["local"] == set() and terms["later"] == set(), terms
    assert {"brazen", "audacious", "stunned"} <= terms["tabloid"], terms


# --- reuse -------------------------------------------------------------------------------------------


def test_one_long_sentence_copied_word_for_word_is_copied_text(briefing):
    pairs = {tuple(r["articles"]): r for r in briefing.reuse}
    assert ("wire", "tabloid") in pairs, briefing.reuse  # (the earlier report first: the source)
    assert pairs[("wire", "tabloid")]["direction"] == "a->b"


LONG = ("Thieves stole eight pieces of 19th-century jewellery worth an estimated 88 million euros from the Orla "
        "Museum in Brenn on Sunday, in a raid that lasted seven minutes and left two guards shaken, the city's "
        "prosecutor said.")
SHORT = "The museum will stay closed until Wednesday, the culture ministry said."


def test_reuse_of_one_sentence_needs_thirty_words_copied_word_for_word():
    own_a = "Police in Brenn are looking for four men. " + LONG + " They fled on scooters towards the coast."
    own_b = LONG + " A tabloid's own words follow here, with nothing copied from the wire at all."
    assert [(r.a, r.b) for r in find_reuse([("a", own_a, "2026-03-16"), ("b", own_b, "2026-03-17")])] == [("a", "b")]
    short_a = "Police in Brenn are looking for four men who fled on scooters. " + SHORT
    short_b = SHORT + " The city's mayor said she would review security at all its museums next month."
    assert find_reuse([("a", short_a, "2026-03-16"), ("b", short_b, "2026-03-17")]) == []
    # ... and a long sentence told in the same facts but other words is no copy
    other = ("On Sunday thieves took eight 19th-century jewels, valued at 88 million euros, from Brenn's Orla Museum "
             "during a seven-minute raid that left two guards shaken, according to the city prosecutor.")
    assert find_reuse([("a", own_a, "2026-03-16"), ("b", other + " Nothing else is shared.", "2026-03-17")]) == []


# --- facts and summary -------------------------------------------------------------------------------


def test_an_arrest_that_names_the_theft_in_a_clause_is_no_telling_of_the_theft(briefing):
    theft = next(f for f in briefing.facts if f["text"].startswith("Thieves stole"))
    assert "later" not in theft["sources"], theft
    # so the arrests, the follow-up's news, are a fact of their own, and the summary tells them
    assert any("arrested two men" in item.text for item in briefing.summary), [i.text for i in briefing.summary]


# --- disagreements -----------------------------------------------------------------------------------


def test_two_sources_valuations_of_the_stolen_jewels_are_differing_estimates(briefing):
    values = [d for d in briefing.disagreements if d["subject"] == "value of the jewels"]
    assert len(values) == 1, [(d["subject"], [p["value"] for p in d["positions"]]) for d in briefing.disagreements]
    (value,) = values
    sides = {p["value"].removeprefix("an estimated "): sorted(p["sources"]) for p in value["positions"]}
    # (the wire's "an estimated 88 million euros" hedges a valuation, not a rounding: it does not hold 80 million)
    assert sides == {"80 million euros": ["local"], "88 million euros": ["later", "tabloid", "wire"]}, sides
    assert value["status"] == "estimate" and "valuation" in value["explanation"]
    # the tabloid's pounds are another currency, not a third valuation
    assert not any("£75 million" in p["value"] for d in briefing.disagreements for p in d["positions"])


def _claim(text: str) -> Claim:
    return Claim(article="x", index=0, sentence=0, start=0, end=len(text), text=text)


@pytest.mark.parametrize("text, figure, thing", [
    ("Thieves stole jewellery worth an estimated 88 million euros.", "an estimated 88 million euros", "jewellery"),
    ("The director put the value of the stolen jewels at 80 million euros.", "80 million euros", "jewels"),
    ("They seized paintings valued at $40 million in the raid.", "$40 million", "paintings"),
    ("Smugglers moved $3 million worth of gold across the border.", "$3 million", "gold"),
    # no thing valued: a sum paid, or what "it" is worth
    ("The club paid 85 million euros for the striker.", "85 million euros", None),
    ("The deal is worth $2 billion.", "$2 billion", None),
])
def test_what_a_sum_of_money_is_the_worth_of(text, figure, thing):
    from newsweave.annotate.quantities import tag_quantities

    (q,) = [q for q in tag_quantities(text) if q.text == figure]
    got = _valued_thing(text, _claim(text), q)
    assert (got[1] if got else None) == thing


# --- quotes ------------------------------------------------------------------------------------------


def test_a_role_the_report_gives_one_named_person_is_that_person(briefing):
    # "the city's prosecutor said" in a report that names "Prosecutor Claire Vautrin" two sentences on
    voices = {f["article"]: f["voices"] for f in briefing.framing}
    assert voices["wire"].count("Claire Vautrin") == 1 and "the city's prosecutor" not in voices["wire"], voices


def test_one_speakers_statements_of_different_days_are_two_statements():
    # a prosecutor's word of Sunday's theft, and of Wednesday's arrests "in connection with Sunday's theft of
    # jewels worth 12 million euros from the Orla Museum": the second names the first in a clause, and tells
    # something else
    first = ("Prosecutor Anna Berg said thieves stole jewels worth 12 million euros from the Orla Museum in Brenn on "
             "Sunday morning.\n\nThe museum will stay closed for a week.")
    later = ("Prosecutor Anna Berg said police arrested two men on Wednesday in connection with Sunday's theft of "
             "jewels worth 12 million euros from the Orla Museum.\n\nThe men are being questioned.")
    briefing = newsweave.brief([
        Article(id="first", source="first", outlet="Brenn Post", published="2026-05-11", text=first),
        Article(id="later", source="later", outlet="Coast Wire", published="2026-05-14", text=later),
    ])
    berg = [q for q in briefing.quotes if q["speaker"] == "Anna Berg"]
    assert sorted(tuple(sorted(e["article"] for e in q["evidence"])) for q in berg) == [("first",), ("later",)], berg


def test_a_person_named_by_a_noble_title_is_a_person(briefing):
    # "a sapphire necklace made for the Duchess of Rosmont in 1852"
    wire = WIRE + "\n\nThe stolen pieces include a sapphire necklace made for the Duchess of Rosmont in 1852."
    b = newsweave.brief([Article(id="wire", source="wire", outlet="Meridian Press", published="2026-03-16", text=wire),
                         Article(id="local", source="local", outlet="Rhone Daily", published="2026-03-16", text=LOCAL)])
    duchess = [e for e in b.entities if "Rosmont" in e["name"]]
    assert duchess and duchess[0]["type"] == "PERSON", duchess


def test_two_counts_of_the_thieves_in_one_scene_told_in_other_words_are_a_contradiction(briefing):
    # "four men wearing high-visibility vests used a truck-mounted lift to reach a first-floor window" / "Three men
    # climbed to a window on the first floor from the basket of a lift mounted on a stolen truck": the words around
    # each count share nothing, the scene does (lift, truck, window, floor)
    men = [d for d in briefing.disagreements if d["subject"].startswith("men")]
    assert len(men) == 1, [(d["subject"], [p["value"] for p in d["positions"]]) for d in briefing.disagreements]
    sides = {p["value"].lower(): p["sources"] for p in men[0]["positions"]}
    assert sides == {"four men": ["wire"], "three men": ["local"]} and men[0]["status"] == "contradiction", men
    # the two men arrested on Wednesday are no rival count of the thieves
    assert not any("two men" in p["value"].lower() for d in briefing.disagreements for p in d["positions"])


@pytest.mark.parametrize("name, site", [
    ("Delaunay Museum", True),
    ("Orla Central Station", True),
    ("U.S. Embassy", False),  # a country has many
    ("American Embassy", False),
    ("National Museum", False),  # a kind, no name
    ("Harbour Lines", False),  # no building
])
def test_a_building_of_its_own_name_is_a_site_reports_of_one_story_name(name, site):
    assert _named_site(name) is site


@pytest.mark.parametrize("text, round_", [
    ("about 30 million euros", True), ("2.5 billion dollars", True), ("some 5 million", True), ("$40 million", True),
    ("an estimated 88 million euros", False), ("about 31,000", False), ("about 1.7 billion", False),
])
def test_a_round_figure_is_one_a_hedge_may_be_rounding(text, round_):
    from newsweave.annotate.quantities import tag_quantities

    (q,) = tag_quantities(text)
    assert _round_figure(q) is round_


def test_how_long_the_raid_lasted_is_compared_across_reports(briefing):
    # "in a raid that lasted seven minutes" (the wire, and the tabloid's copy) / "in an operation that took less than
    # four minutes" (the local paper): one event's duration, a contradiction
    raid = [d for d in briefing.disagreements if d["subject"] in ("duration of the raid", "duration of the operation")]
    assert len(raid) == 1, [(d["subject"], [p["value"] for p in d["positions"]]) for d in briefing.disagreements]
    sides = {p["value"]: sorted(p["sources"]) for p in raid[0]["positions"]}
    assert sides == {"seven minutes": ["tabloid", "wire"], "less than four minutes": ["local"]}, sides
    assert raid[0]["status"] == "contradiction"


@pytest.mark.parametrize("text, figure, kind", [
    ("The raid lasted seven minutes.", "seven minutes", "duration"),
    ("in an operation that took less than four minutes", "less than four minutes", "duration"),
    ("He was jailed for 12 years.", "12 years", "prison term"),
    ("The museum will stay closed for two days.", "two days", None),  # no event's duration
    ("Police questioned him for five hours.", "five hours", None),
])
def test_which_durations_are_compared(text, figure, kind):
    from newsweave.align.disagreements import _duration_kind
    from newsweave.annotate.quantities import tag_quantities

    (q,) = [q for q in tag_quantities(text) if q.text == figure]
    assert _duration_kind(text, q) == kind


def test_an_outlet_named_daily_gives_no_rate():
    from newsweave.align.disagreements import _rate_period
    from newsweave.annotate.quantities import tag_quantities

    for text, period in (("Thieves took less than four minutes, according to footage seen by Rhone Daily.", None),
                         ("The airline cancels 400 flights daily.", "day")):
        (q,) = tag_quantities(text)
        claim = _claim(text)
        claim.quantities = [q]
        assert _rate_period(text, claim, q) == period
