"""Inmates escape a prison (a story we wrote): a wire's first report, a tabloid's of the next morning, the local paper's
report of the guards' union, and the wire's report of the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    'BRANDT, Velmoria, Oct 5 (Meridian Press) - Twelve inmates escaped from Brandt high-security prison '
    'early on Sunday after sawing through the bars of a shower block and scaling a perimeter wall, the '
    'justice ministry said.\n\n'
    'Five of the escapees were recaptured within hours near the town of Orsel, 20 km (12 miles) north of '
    'the prison, and seven remained at large, ministry spokeswoman Ilse Varga said.\n\n'
    'Police named the suspected ringleader as Dario Kessler, 41, who is serving a 25-year sentence for '
    'armed robbery.\n\n'
    'Justice Minister Paul Renner ordered an inquiry into how the inmates were able to escape.')

TABLOID = (
    'MONSTERS ON THE LOOSE! Terrified families locked their doors last night as seven dangerous thugs who '
    'busted out of Brandt jail roamed the countryside.\n\n'
    'Evil gang boss Dario Kesler, 42, masterminded the brazen breakout with 11 other lags, police sources '
    'said.\n\n'
    'Residents of Orsel told how armed police swarmed the village.')

UNION = (
    "The prison officers' union said on Sunday that only four guards had been on duty for 600 inmates at "
    'Brandt prison when 12 men escaped, and blamed years of budget cuts.\n\n'
    '"We have warned the ministry for years that Brandt is dangerously understaffed," union leader Marek '
    'Holl said.\n\n'
    'The justice ministry said staffing levels had met national standards.')

WIRE2 = (
    'BRANDT, Velmoria, Oct 6 (Meridian Press) - Police recaptured four more of the 12 inmates who escaped '
    'from Brandt prison on Sunday, leaving three still at large, including suspected ringleader Dario '
    'Kessler, the justice ministry said on Monday.\n\n'
    'The four were found hiding in a barn near Orsel late on Sunday night, a ministry spokeswoman said.\n\n'
    'Justice Minister Paul Renner said the inquiry would report by the end of the month.')


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2031-10-05",
               title="Twelve inmates escape Velmoria high-security prison"),
        report("tabloid", "The Daily Growl", TABLOID, "2031-10-06", title="MONSTERS ON THE LOOSE"),
        report("union", "Brandt Herald", UNION, "2031-10-05", title="Union: Brandt prison was understaffed"),
        report("wire2", "Meridian Press", WIRE2, "2031-10-06",
               title="Four more Brandt escapees caught, three still at large"),
    ])


def test_those_still_at_large_are_a_count_that_moves(briefing):
    """"seven remained at large" (Sunday) and "recaptured four more ..., leaving three still at large" (Monday): one
    count going down, an update. The four and the three are no parts of a whole of seven (four is what was added to
    the recaptured), and the figures count those not yet caught, though neither names a noun."""
    (item,) = [d for d in briefing.disagreements if d["subject"] == "at large"]
    assert item["status"] == "update", item
    assert sources_by_value(item) == {"seven": ["wire"], "three": ["wire2"]}


def test_a_shouted_kicker_is_no_statement(briefing):
    """"MONSTERS ON THE LOOSE! Terrified families ..." opens on the tabloid's headline run into its text: no fact of its
    own, and no name."""
    assert not [f for f in briefing.facts if "MONSTERS" in f["text"]], [f["text"] for f in briefing.facts]
    assert not [e for e in briefing.entities if e["name"].isupper()], briefing.entities


def test_the_ringleaders_age_in_two_spellings_is_a_contradiction(briefing):
    """"Dario Kessler, 41" (the wire) / "Dario Kesler, 42" (the tabloid, citing police sources): one man, two ages."""
    (age,) = [d for d in briefing.disagreements if d["subject"].endswith("age")]
    assert age["status"] == "contradiction" and sources_by_value(age) == {"41": ["wire"], "42": ["tabloid"]}, age
