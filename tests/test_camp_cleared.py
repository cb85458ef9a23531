"""A protest camp cleared (a story we wrote): the wire's report, an opposition paper, a pro-government paper and a
foreign desk the next day. The ministry's count of the detained against the organisers', told in one report and
across reports."""

from __future__ import annotations

import re

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "DORVAN, Sept 17 (Meridian Press) - Police in Dorvan cleared a protest camp from Liberty Square early on Tuesday, "
    "detaining 47 people, the interior ministry said.\n\n"
    "The camp had been set up three weeks ago by students demanding the resignation of Education Minister Pavel "
    "Sokol over a corruption scandal. Interior Minister Dana Rusu said the square had to be cleared because the camp "
    "blocked traffic in the city centre.\n\n"
    "The protest organisers said more than 60 people had been detained and several were injured.")
OPPOSITION = (
    "Riot police stormed the peaceful sit-in on Liberty Square before dawn on Tuesday, beating students and dragging "
    "away more than 60 people, organisers said.\n\n"
    "\"They came at 4 a.m. with batons and tear gas while we were sleeping,\" said Ana Marin, a student leader. The "
    "brutal crackdown was ordered by a government terrified of its own young people, she said.\n\n"
    "The students had camped on the square for three weeks to demand the resignation of Education Minister Pavel Sokol.")
PROGOV = (
    "Security forces restored order in Liberty Square on Tuesday, removing an illegal encampment that had paralysed "
    "traffic in the heart of Dorvan for three weeks.\n\n"
    "Forty-seven troublemakers were detained, the interior ministry said. Interior Minister Dana Rusu thanked the "
    "officers for their professionalism and said no one had been hurt.")
INTL = (
    "Police in Dorvan broke up a three-week student protest camp on Tuesday and detained dozens of people, in the "
    "biggest crackdown on dissent since the government took office.\n\n"
    "The ministry put the number of people detained at 47, while organisers said it was more than 60. The students "
    "are demanding the resignation of Education Minister Pavel Sokol.")


def articles(intl: str = INTL):
    return [
        report("wire", "Meridian Press", WIRE, "2047-09-17", title="Police clear Dorvan protest camp"),
        report("opposition", "Dorvan Free Voice", OPPOSITION, "2047-09-17", title="Brutal dawn raid on students"),
        report("progov", "The Dorvan Herald", PROGOV, "2047-09-17", title="Order restored in Liberty Square"),
        report("intl", "World Desk", intl, "2047-09-18", title="Dorvan police break up student camp"),
    ]


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief(articles())


def test_the_ministrys_count_of_the_detained_against_the_organisers(briefing):
    """"detaining 47 people, the interior ministry said" / "The protest organisers said more than 60 people had been
    detained" (one report, two sides' counts of people in one family), and "The ministry put the number of people
    detained at 47, while organisers said it was more than 60" (the organisers' figure for "it", the same number)."""
    (detained,) = [d for d in briefing.disagreements if d["subject"] == "detained" and any(p["value"].startswith("47") for p in d["positions"])]
    assert detained["status"] == "contradiction", detained["explanation"]
    values = sources_by_value(detained)
    assert values["more than 60 people"] == ["intl", "wire"], values
    assert [v for k, v in values.items() if k.startswith("47")] == [["intl", "wire"]], values


def test_two_sources_figures_in_one_sentence_are_rivals():
    """Without the wire's two sourced counts, the foreign desk's one sentence still sets the ministry's figure
    against the organisers'."""
    b = newsweave.brief([a for a in articles() if a.id != "wire"])
    (detained,) = [d for d in b.disagreements if d["subject"] == "detained" and any(p["value"].startswith("47") for p in d["positions"])]
    assert sources_by_value(detained) == {"47": ["intl"], "more than 60": ["intl"]}, detained


def test_a_camp_set_up_weeks_ago_is_no_plan_moved(briefing):
    """"The camp had been set up three weeks ago" happened then; "had been set for Tuesday" would be a plan."""
    (item,) = [e for e in briefing.timeline if "set up three weeks ago" in e["event"]]
    assert item["status"] == "happened", item


def test_two_sides_counts_of_people_are_rivals_only_at_one_time():
    """"More than 80 people have died of cholera in the past two months, the health ministry said" and "According to
    hospital records, 38 people died in January" count two spans of time, not one count two ways."""
    text = ("More than 80 people have died of cholera in the past two months in the eastern province of Velna, the "
            "health ministry said on Saturday.\n\nAccording to records at the provincial hospital, 38 people died in "
            "January and 33 in February.\n\nDoctors said clean water was running short.")
    b = newsweave.brief([report("outbreak", "Meridian Press", text, "2047-03-10")])
    assert not [d for d in b.disagreements if d["kind"] == "number"], b.disagreements


def test_a_count_is_told_once_in_the_summary(briefing):
    """"Forty-seven troublemakers were detained, the interior ministry said" and "The ministry put the number of people
    detained at 47" tell nothing but the count the lead gives ("detaining 47 people, the interior ministry said"):
    the summary tells it once, and not in the loaded word."""
    texts = [s.text for s in briefing.summary]
    assert sum(bool(re.search(r"\b47\b|Forty-seven", t)) for t in texts) == 1, texts
    assert not [t for t in texts if "troublemakers" in t], texts


def test_a_source_cited_mid_sentence_reads_in_lower_case(briefing):
    """"... citing the protest organisers", not the report's sentence-initial "The protest organisers"."""
    (detained,) = [d for d in briefing.disagreements if d["subject"] == "detained"
                   and any(p["value"].startswith("47") for p in d["positions"])]
    assert "citing the protest organisers" in detained["explanation"], detained["explanation"]
    assert "citing The" not in detained["explanation"]
