"""A methane blast in a coal mine (a story we wrote): the wire's first report, a local paper's night at the gates (the
mine's name spelt another way), a state outlet that copies the wire's lead, the wire's report of the next day, and a
tabloid's."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    "KRASNODOL, Varenia, Oct 19 (Meridian Press) - A methane explosion tore through the Zhelvanov coal mine near the "
    "town of Krasnodol on Tuesday, killing at least 12 miners and trapping 30 more about 600 metres underground, the "
    "emergencies ministry said.\n\n"
    "There were 214 miners in the mine when the blast happened shortly after 9 a.m., the ministry said. Most of them "
    "reached the surface on their own.\n\n"
    "The mine is owned by Ostrag Coal, the country's largest coal producer. The company said it was cooperating with "
    "the authorities.\n\n"
    "Meridian Press was unable to reach the company for further comment.")
LOCAL = (
    "Families gathered through the night outside the gates of the Zhelwanov mine, waiting for news of husbands, sons "
    "and brothers still trapped after Tuesday's blast.\n\n"
    "\"They knew the gas levels were too high. They sent them down anyway,\" said Marta Kovic, whose son Danil, 23, was "
    "among those missing.\n\n"
    "The regional governor, Pavel Rusin, said on Wednesday that 15 miners had died and that rescuers had reached a "
    "group of 22 men who were alive.\n\n"
    "Union leader Teodor Brandt called the mine a death trap and accused Ostrag Coal of ignoring safety warnings for "
    "years. The company denied the claim.")
STATE = (
    "President Aurel Dimas on Wednesday praised the heroic rescuers working at the Zhelvanov mine in Krasnodol and "
    "promised that those responsible for the accident would be punished.\n\n"
    "A methane explosion tore through the Zhelvanov coal mine near the town of Krasnodol on Tuesday, killing at least "
    "12 miners and trapping 30 more about 600 metres underground, the emergencies ministry said.\n\n"
    "Dimas declared Thursday a day of national mourning. Energy Minister Lidia Voss will lead a commission of "
    "inquiry, he said.")
WIRE2 = (
    "KRASNODOL, Varenia, Oct 20 (Meridian Press) - The death toll from a methane blast at the Zhelvanov coal mine rose "
    "to 16 on Wednesday, and eight miners remained trapped after rescuers brought 22 men to the surface alive, the "
    "emergencies ministry said.\n\n"
    "Rescue work was halted for several hours overnight because of high methane levels, a ministry spokesman said.\n\n"
    "Prosecutors opened a criminal case for breach of safety rules and detained the mine's chief engineer, they said "
    "in a statement.")
TABLOID = (
    "GREED KILLED OUR MINERS\n\n"
    "Sixteen brave men are dead and eight more are still buried alive in the Zhelvanov hell-hole because fat-cat "
    "bosses at Ostrag Coal put profits before lives.\n\n"
    "Miners told us the methane alarms had been switched off for weeks.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2032-10-19", title="Methane blast at Varenia coal mine kills 12, traps 30"),
        report("local", "Krasnodol Herald", LOCAL, "2032-10-20", title="Night of waiting at the Zhelwanov mine"),
        report("state", "Varenia Today", STATE, "2032-10-20", title="President praises mine rescuers"),
        report("wire2", "Meridian Press", WIRE2, "2032-10-20", title="Varenia mine toll rises to 16, eight still trapped"),
        report("tabloid", "The Daily Drum", TABLOID, "2032-10-21", title="Greed killed our miners"),
    ])


def test_the_toll_rises_and_those_trapped_fall(briefing):
    """The dead: 12 (Tuesday) -> 15 (the governor) -> 16 (the next day's wire, a toll named as such at the mine the
    first report names); those trapped: 30 ("trapping 30 more", the miners of the count before) -> eight ("eight
    miners remained trapped after rescuers brought 22 men to the surface": what is left of the 30, not a part of them)."""
    (dead,) = [d for d in briefing.disagreements if d["subject"] == "dead"]
    assert dead["status"] == "update" and set(sources_by_value(dead)) == {"at least 12 miners", "15 miners", "16"}, dead
    (trapped,) = [d for d in briefing.disagreements if "trapped" in d["subject"]]
    assert trapped["status"] == "update", trapped
    assert sources_by_value(trapped) == {"30": ["state", "wire"], "eight miners": ["wire2"]}, trapped


def test_thirty_more_count_miners_not_the_metres_after_them(briefing):
    """"trapping 30 more about 600 metres underground": the 30 are miners; the metres are a figure of their own."""
    from newsweave.annotate.quantities import tag_quantities

    by_text = {q.text: q for q in tag_quantities(WIRE)}
    assert by_text["30"].counted == "miner" and by_text["about 600 metres"].unit == "m", by_text


def test_the_mine_is_one_site_in_two_spellings_and_its_owner_a_company(briefing):
    """"the Zhelvanov coal mine" / "the Zhelwanov mine": one facility (named before its kind), in every report;
    "Ostrag Coal" is a company (a trade after the name), not a person."""
    by_name = {e["name"]: e for e in briefing.entities}
    mine = by_name["Zhelvanov"]
    assert mine["type"] == "FAC" and "Zhelwanov" in mine["aliases"] and len(mine["sources"]) == 5, mine
    assert by_name["Ostrag Coal"]["type"] == "ORG"


def test_the_rescued_are_one_fact_of_two_independent_reports(briefing):
    """"rescuers had reached a group of 22 men who were alive" / "eight miners remained trapped after rescuers brought
    22 men to the surface alive": one count of one kind, told among other figures in the wire's wording."""
    rescued = [f for f in briefing.facts if {"local", "wire2"} <= set(f["sources"])]
    assert rescued and rescued[0]["independent_sources"] == 2, [(f["text"], f["sources"]) for f in briefing.facts]


def test_speakers_are_who_said_it(briefing):
    """A quote whose speaker's aside the parser took for the verb's clause ("said Marta Kovic, whose son Danil, 23,
    was among those missing") is hers, and a direct quote; "The regional governor, Pavel Rusin, said" is the governor
    named beside the title, not the last person named before it (her son); "Energy Minister Lidia Voss will lead a
    commission of inquiry, he said" is the president's, not the minister's inside what he said; "they said" after
    what prosecutors did is the prosecutors'."""
    by_text = {q["text"][:30]: q for q in briefing.quotes}
    kovic = by_text["They knew the gas levels were "]
    assert kovic["speaker"] == "Marta Kovic" and kovic["kind"] == "direct", kovic
    governor = next(q for q in briefing.quotes if q["text"].startswith("15 miners had died"))
    assert governor["speaker"] == "Pavel Rusin", governor
    inquiry = next(q for q in briefing.quotes if "commission of inquiry" in q["text"])
    assert inquiry["speaker"] == "Aurel Dimas", inquiry
    # "Prosecutors opened a criminal case ..., they said in a statement": "they" are the prosecutors
    case = next(q for q in briefing.quotes if "criminal case" in q["text"])
    assert case["speaker"] == "Prosecutors", case


def test_the_summary_leaves_out_the_newsroom_and_a_part_of_a_group_alone(briefing):
    """"Meridian Press was unable to reach the company for further comment" is the newsroom's work, not the story;
    "Most of them reached the surface on their own" leans on the sentence before."""
    texts = [s.text for s in briefing.summary]
    assert not any("for further comment" in t for t in texts), texts
    leaning = [i for i, t in enumerate(texts) if t.startswith("Most of them")]
    assert all(i > 0 and texts[i - 1].startswith("There were 214 miners") for i in leaning), texts
