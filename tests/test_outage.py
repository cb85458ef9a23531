"""A cloud outage, told by a US wire, a London paper, a tabloid and the wire's follow-up (a story we wrote): a
company shortened to its first word is still a company, "the company said" is the one organisation the report has
named before it, and a timeline clause of what was said starts with what was said, not its "that"."""

from __future__ import annotations

import pytest

import newsweave
from newsweave.compose.framing import loaded_terms
from newsweave.model import Article

WIRE = (
    "NEW YORK, June 5 (Continental Press) - A global outage at cloud provider Nimbus Cloud knocked thousands of "
    "websites offline for about four hours, the company said on Friday.\n\n"
    "Outage tracker DownRadar said it had received more than 2.1 million reports from users in 40 countries.\n\n"
    "Nimbus shares fell 3.4% in early trading on Friday.")
LEDGER = (
    "Millions of people in Britain were unable to pay by card early on Friday after a failure at the US cloud "
    "company Nimbus Cloud.\n\n"
    "Three of the country's largest banks said their apps had been affected.")
TABLOID = (
    "A massive internet meltdown plunged Britain into chaos yesterday as banks, shops and airlines were crippled for "
    "five hours.\n\n"
    "Security experts feared a cyberattack by foreign hackers was behind the outage.\n\n"
    "Nimbus Cloud, the tech giant blamed for the meltdown, refused to say what went wrong.\n\n"
    "Furious shoppers were left stranded at tills.")
LATER = (
    "SAN FRANCISCO, June 8 (Continental Press) - Nimbus Cloud said on Monday that a faulty software update caused "
    "last week's global outage, ruling out a cyberattack.\n\n"
    "Nimbus chief executive Priya Raman apologised to customers.\n\n"
    "About 4,200 businesses were affected, the company said.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        Article(id="wire", source="wire", outlet="Continental Press", published="2026-06-05", text=WIRE),
        Article(id="ledger", source="ledger", outlet="The London Ledger", published="2026-06-05", text=LEDGER),
        Article(id="tabloid", source="tabloid", outlet="The Daily Alarm", published="2026-06-05", text=TABLOID),
        Article(id="later", source="later", outlet="Continental Press", published="2026-06-08", text=LATER),
    ])


def test_the_summary_tells_the_story_in_plain_words(briefing):
    # the tabloid's lead is loaded ("massive", "meltdown", "plunged", "chaos", "crippled") and says what the plain
    # reports say: the summary tells their statements instead. What the tabloid alone says may come in, marked as
    # one source's, with no more than one loaded word (each costs a wording its place against a plainer one)
    assert not any("meltdown" in i.text or "chaos" in i.text for i in briefing.summary), [i.text for i in briefing.summary]
    loaded = [(i.text, [t[2] for t in loaded_terms(i.text)], i.sources) for i in briefing.summary if loaded_terms(i.text)]
    assert all(len(terms) == 1 and sources == ["tabloid"] for _text, terms, sources in loaded), loaded


def test_a_company_shortened_to_its_first_word_is_still_a_company(briefing):
    # the tagger takes "Nimbus Cloud" for a person; "Nimbus shares" and "Nimbus chief executive" say otherwise
    nimbus = [e for e in briefing.entities if e["name"].startswith("Nimbus")]
    assert len(nimbus) == 1 and nimbus[0]["type"] == "ORG", nimbus
    assert nimbus[0]["name"] == "Nimbus Cloud"  # named in full, as the reports first name it


def test_the_company_said_is_the_one_organisation_named_before_it(briefing):
    voices = {f["article"]: f["voices"] for f in briefing.framing}
    assert "the company" not in voices["wire"] + voices["later"], voices
    nimbus = next(e["name"] for e in briefing.entities if e["name"].startswith("Nimbus"))
    said = [q for q in briefing.quotes if "4,200 businesses" in q["text"] or "knocked thousands" in q["text"]]
    assert len(said) == 2 and all(q["speaker"] == nimbus for q in said), said


def test_the_company_said_after_two_organisations_names_neither():
    text = ("Velmora Bank said its app was down for two hours on Tuesday after a failure at Nimbus Cloud.\n\n"
            "The company said customers' money was safe.")
    briefing = newsweave.brief([Article(id="a", source="a", outlet="Coast Wire", published="2026-06-05", text=text),
                                Article(id="b", source="b", outlet="Harbour Post", published="2026-06-05",
                                        text="Velmora Bank customers could not pay by card on Tuesday, the bank said.")])
    safe = [q for q in briefing.quotes if "money was safe" in q["text"]]
    assert safe and safe[0]["speaker_entity"] is None, safe


def test_a_timeline_clause_of_what_was_said_starts_with_what_was_said(briefing):
    events = [e for e in briefing.timeline if "faulty software update" in e["event"]]
    assert events, briefing.timeline
    assert all(not e["event"].lower().startswith("that ") for e in events), events


def test_a_fault_that_corrupted_data_is_no_verdict_but_corrupt_officials_are():
    assert loaded_terms("The update corrupted a routing table.") == []
    assert [t[2] for t in loaded_terms("Corrupt officials took the money.")] == ["corrupt"]


def test_an_organisation_shortened_to_its_first_word_is_named_in_full():
    a = ("Shipping company Velmora Freight cancelled 40 sailings on Tuesday after a cyberattack, Velmora said.\n\n"
         "Velmora shares fell 5% in Oslo. Velmora said its ships were safe.")
    b = "Velmora said on Tuesday that it had cancelled 40 sailings. Velmora expects to resume sailings on Thursday."
    briefing = newsweave.brief([Article(id="a", source="a", outlet="Coast Wire", published="2026-06-02", text=a),
                                Article(id="b", source="b", outlet="Harbour Post", published="2026-06-02", text=b)])
    velmora = [e for e in briefing.entities if e["name"].startswith("Velmora")]
    assert [e["name"] for e in velmora] == ["Velmora Freight"], velmora
