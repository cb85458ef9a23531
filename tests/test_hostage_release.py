"""Aid workers freed after weeks held by gunmen (a story we wrote), told by a wire, the local paper of the next day and
a paper of one of the freed foreigners' country."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report

WIRE = (
    "KORRA, Sept 14 (Meridian Press) - Gunmen released 12 aid workers on Friday who had been held for 19 days "
    "after being abducted from a convoy in northern Tarsia, the aid group Relief Without Borders said.\n\n"
    "The workers, nine Tarsians and three foreigners, were handed over to tribal elders near the town of Vesh "
    "and were in good health, the group said.\n\n"
    "Tarsia's government said no ransom had been paid. A local official, speaking on condition of anonymity, "
    "said a payment of about $2 million had been made through intermediaries.\n\n"
    "The workers were seized on August 26 when armed men stopped their convoy on the road between Korra and Vesh.")

DAILY = (
    "Twelve aid workers who spent 20 days in captivity arrived in Korra on Saturday, a day after their release, "
    "to a welcome from colleagues and relatives.\n\n"
    "\"We were never mistreated, but every night we thought it might be the last,\" said Amira Haddad, one of the "
    "nine Tarsian staff.\n\n"
    "Interior Minister Omar Lasko repeated that the government had paid nothing. \"The Tarsian state does not "
    "negotiate with criminals,\" he said.")

NORDIC = (
    "Three foreign aid workers, including a Swedish nurse, were among 12 hostages freed on Friday in northern "
    "Tarsia, where they were kidnapped on Aug. 25, the foreign ministry in Stockholm said.\n\n"
    "The Swedish nurse, Karin Dahl, 34, was expected to fly home on Sunday.")


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2035-09-14",
               title="Gunmen free 12 aid workers kidnapped in northern Tarsia"),
        report("daily", "Korra Daily", DAILY, "2035-09-15",
               title="Freed aid workers return to Korra"),
        report("nordic", "Nordic Herald", NORDIC, "2035-09-14",
               title="Three foreign aid workers among 12 freed in Tarsia"),
    ])


def test_flying_home_is_no_loaded_word(briefing):
    """ "was expected to fly home on Sunday" tells travel: the subjectivity lexicon's "fly" (slang for stylish) is no
    verdict of the outlet's."""
    (nordic,) = [f for f in briefing.framing if f["article"] == "nordic"]
    assert "fly" not in {t["term"] for t in nordic["terms"]}, nordic["terms"]
