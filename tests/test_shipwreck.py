"""A migrant boat capsizes (a story we wrote): a wire's first report, a site's copy of it with a newsletter plug, a
government-minded daily, an outlet that speaks for a rescue charity, and the wire's report of the next day."""

from __future__ import annotations

import pytest

import newsweave
from conftest import report, sources_by_value

WIRE = (
    'LENDOS, Heskia, June 16 (Meridian Press) - At least 41 people died when an overcrowded fishing boat '
    'carrying migrants capsized off the Heskian island of Lendos late on Tuesday, the coastguard said.\n\n'
    'Coastguard vessels rescued 78 people and were searching for dozens more in rough seas, spokesman '
    'Andros Kell said. "We fear the toll will rise," he told reporters on Wednesday.\n\n'
    'The boat had left the Malevan port of Qarsa on Sunday with about 180 people on board, according to '
    'survivors quoted by the coastguard.\n\n'
    'It is the deadliest shipwreck in the eastern Tessan Sea since 2019, when 90 people drowned near the '
    'same island.\n\n'
    'The United Nations refugee agency said it was "deeply saddened" and called for safe and legal routes '
    'to Europe.\n\n'
    "Heskia's migration minister, Petra Lind, is due to visit Lendos on Friday.")

COPY = (
    'At least 41 people died when an overcrowded fishing boat carrying migrants capsized off the Heskian '
    'island of Lendos late on Tuesday, the coastguard said.\n\n'
    'Coastguard vessels rescued 78 people and were searching for dozens more in rough seas, spokesman '
    'Andros Kell said. "We fear the toll will rise," he told reporters on Wednesday.\n\n'
    'The boat had left the Malevan port of Qarsa on Sunday with about 180 people on board, according to '
    'survivors quoted by the coastguard.\n\n'
    "Heskia's migration minister, Petra Lind, is due to visit Lendos on Friday.\n\n"
    "Sign up for our morning newsletter to get the day's top stories in your inbox.")

DAILY = (
    'Ruthless people smugglers crammed more than 150 illegal immigrants onto a rickety fishing boat that '
    'sank off Lendos on Tuesday night, killing dozens.\n\n'
    'The coastguard pulled 78 survivors from the water and recovered 41 bodies by Wednesday afternoon.\n\n'
    'Police arrested nine suspected smugglers among the survivors on Wednesday, a police spokeswoman '
    'said.\n\n'
    '"The criminals who sent these people to their deaths will be hunted down and punished," Migration '
    'Minister Petra Lind said. "Our coastguard did everything humanly possible."\n\n'
    'Lind will travel to the island on Friday to thank the rescue crews.')

OPEN = (
    'Up to 400 refugees may have been on board the fishing boat that sank off the Heskian island of '
    'Lendhos late on Tuesday, the aid group Sea Watchers said on Thursday, citing relatives of the '
    'passengers.\n\n'
    'The group accused the coastguard of ignoring distress calls for more than six hours before the boat '
    'went down. "They knew the boat was in trouble and they waited," said Sea Watchers spokeswoman Lina '
    'Moreau.\n\n'
    "The coastguard denied the accusation, saying the boat's captain had refused help.\n\n"
    'Survivors told the group that most of the passengers were from Sudan and Syria, and that about 100 '
    'women and children had been in the hold.')

WIRE2 = (
    "LENDOS, Heskia, June 17 (Meridian Press) - The death toll from Tuesday's shipwreck off Lendos rose "
    'to 59 on Thursday as divers recovered more bodies from the sea, the coastguard said.\n\n'
    'Coastguard spokesman Andros Kell said 78 people had been rescued and that hopes of finding more '
    'survivors were fading. Survivors have said about 180 people were on board.\n\n'
    'Nine suspected smugglers arrested on Wednesday were charged on Thursday with manslaughter and people '
    'smuggling, a court official said.\n\n'
    'The aid group Sea Watchers has said the coastguard ignored distress calls, which the coastguard '
    'denies.')


@pytest.fixture(scope="module")
def briefing():
    return newsweave.brief([
        report("wire", "Meridian Press", WIRE, "2027-06-16",
               title="At least 41 dead as migrant boat capsizes off Heskian island"),
        report("copy", "Coastline Today", COPY, "2027-06-16", title="Dozens dead in migrant boat disaster"),
        report("daily", "Heskia Daily", DAILY, "2027-06-16", title="Smugglers' death boat: 41 bodies recovered"),
        report("open", "Open Sea News", OPEN, "2027-06-17",
               title="Up to 400 may have been on sunken boat, aid group says"),
        report("wire2", "Meridian Press", WIRE2, "2027-06-17", title="Death toll from Lendos shipwreck rises to 59"),
    ])


def test_a_police_spokeswoman_is_not_the_coastguard_spokesman(briefing):
    """"a police spokeswoman said" is no one the story names: not Andros Kell, whom the wire calls "Coastguard
    spokesman" (another kind of spokesman, and a man; the titles are compared on their first six letters)."""
    (arrests,) = [q for q in briefing.quotes if q["text"].startswith("Police arrested nine")]
    assert arrests["speaker"] == "a police spokeswoman" and arrests["speaker_entity"] is None, arrests
    (daily,) = [f for f in briefing.framing if f["article"] == "daily"]
    assert "Andros Kell" not in daily["voices"], daily["voices"]


def test_the_dead_are_not_cited_to_a_report_of_those_aboard(briefing):
    """The charity's outlet tells the sinking ("Up to 400 refugees may have been on board the fishing boat that sank
    off ... Lendhos late on Tuesday"), not the dead: it is cited neither for "At least 41 people died" in the summary
    nor as a wording of that fact."""
    (dead,) = [s for s in briefing.summary if s.text.startswith("At least 41 people died")]
    assert "open" not in dead.sources, dead.sources
    assert {"wire", "copy"} <= set(dead.sources)
    (fact,) = [f for f in briefing.facts if f["text"].startswith("At least 41 people died")]
    assert "open" not in fact["sources"], fact["sources"]


def test_the_people_aboard_are_differing_estimates(briefing):
    """Survivors' "about 180 people" on board (the wire, its copy, its next report), the daily's "more than 150
    illegal immigrants" crammed onto the boat and the charity's "Up to 400 refugees": one load, set out on Sunday
    from one port and sunk off an island on Tuesday, which each report calls its own way; "up to 400" is at most
    what the others put it at, an estimate of its own."""
    (item,) = [d for d in briefing.disagreements if any(p["value"] == "Up to 400 refugees" for p in d["positions"])]
    assert item["status"] == "estimate", item
    values = sources_by_value(item)
    assert values["Up to 400 refugees"] == ["open"]
    assert values["about 180 people"] == ["copy", "wire", "wire2"]
    assert values["more than 150 illegal immigrants"] == ["daily"]
    # the toll is another item: an update, 41 -> 59
    (toll,) = [d for d in briefing.disagreements if d is not item]
    assert toll["status"] == "update" and "59" in sources_by_value(toll), toll


def test_distress_calls_and_smugglers_are_named_not_judged(briefing):
    """"ignoring distress calls" names a ship's call for help, and "people smugglers" a crime, as "thieves" does; the
    daily's "Ruthless", "illegal" and "rickety" are its own verdicts."""
    terms = {f["article"]: {t["term"] for t in f["terms"]} for f in briefing.framing}
    assert not terms["open"] & {"distress"} and not terms["wire2"] & {"distress", "smuggler", "smuggling"}, terms
    assert {"ruthless", "illegal", "rickety"} <= terms["daily"], terms["daily"]
    assert not terms["daily"] & {"smuggler", "smuggle"}, terms["daily"]


def test_the_names_each_outlet_gives_those_aboard_are_word_choices(briefing):
    """One count, three names: the daily's "illegal immigrants", the charity outlet's "refugees", the wire's "people".
    Each outlet's card sets its name against the others', each side cited on its words."""
    (aboard,) = [d for d in briefing.disagreements if d["subject"] == "aboard"]
    by_article = {f["article"]: [w for w in f["word_choices"] if w["fact"] == aboard["id"]] for f in briefing.framing}
    (daily,) = by_article["daily"]
    assert daily["this_outlet"] == ["illegal immigrants"], daily
    assert daily["others"] == {"open": ["refugees"], "wire": ["people"], "copy": ["people"], "wire2": ["people"]}, daily
    texts = {a.id: a.text for a in briefing.articles}
    for pair in daily["pairs"]:
        mine, theirs = pair["evidence"]
        assert texts[mine["article"]][mine["start"]:mine["end"]] == pair["this"]
        assert texts[theirs["article"]][theirs["start"]:theirs["end"]] == pair["other"]
    assert [w["this_outlet"] for w in by_article["open"]] == [["refugees"]]
