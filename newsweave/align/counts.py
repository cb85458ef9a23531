"""What news figures count, in the words reports use for it.

"The death toll has risen to 17" and "fourteen people have died" count the same thing with no word in
common. Lemmas of one family stand for each other when matching what two figures count (generic news
vocabulary, not any one story's). Used to pair figures that may disagree (``disagreements``) and to link
two wordings that give the same figure for the same count (``facts``).
"""

from __future__ import annotations

COUNT_FAMILIES = {
    "~dead": ("die", "dead", "death", "kill", "fatality", "fatal", "toll", "perish", "drown", "body"),
    "~injured": ("injure", "injured", "injury", "wound", "wounded", "hurt"),
    # who came out alive: "rescuers pulled 12 survivors from the water" / "12 people were rescued" / "a dozen
    # people survived" / "all 23 crew members were airlifted to safety" / "winched 14 fishermen aboard"
    "~survivors": ("survivor", "survive", "rescue", "airlift", "winch"),
    "~missing": ("miss", "missing", "unaccounted"),
    # who is still caught under rubble, underground or in a flood: "trapping 30 more" / "eight miners remained trapped"
    "~trapped": ("trap", "trapped"),
    "~displaced": ("evacuate", "evacuee", "evacuation", "displace", "displaced", "flee", "homeless", "refugee"),
    "~detained": ("arrest", "detain", "detention", "custody", "jail", "imprison"),
    # how many took part in a gathering: the figure police and organisers disagree on (the words for who took
    # part, not for the event: "95 people were arrested during the protests" counts arrests)
    "~crowd": ("crowd", "turnout", "attendance", "attendee", "attend", "protester", "protestor", "demonstrator",
               "marcher", "participant", "participate"),
    # jobs a company cuts: "will cut 1,200 jobs" / "is axing 1,500 jobs" / "will shed 1,200 jobs"
    "~jobs cut": ("layoff", "redundancy", "axe", "ax", "shed", "slash", "cut", "eliminate"),
}
# Nouns for kinds of people a news count counts ("27 migrants", "12 miners", "three firefighters"): such a count
# and a count of "people" in words of one family may count one group. Generic news vocabulary, singular.
PEOPLE_KINDS = frozenset("""
    adult child kid baby infant teenager youth student pupil teacher woman man girl boy elder pensioner
    migrant refugee asylum-seeker immigrant civilian resident villager local citizen national foreigner tourist
    visitor pilgrim worshipper fan spectator passenger traveller traveler commuter driver pilot crew sailor
    seaman fisherman climber hiker skier swimmer diver miner worker employee staff labourer laborer farmer
    soldier troop officer policeman policewoman firefighter rescuer medic doctor nurse patient guard militant
    fighter rebel insurgent gunman attacker suspect prisoner inmate detainee hostage captive victim survivor
    protester protestor demonstrator activist journalist reporter voter member customer shopper user participant
    """.split())
# Words of a kind of count that is no family of its own (who is infected differs too much: people, birds,
# computers), but tells a count apart from a family's: "infected 412 people" is no death toll.
# (and "14 bodies had been identified" is a part of the toll, not another toll)
# (and "Sixteen survivors remain in hospital" counts those still treated, not the survivors: see disagreements)
OTHER_KIND_WORDS = frozenset({"infect", "infected", "infection", "sicken", "sickened", "vaccinate", "test",
                              "identify", "identified", "hospitalized"})
# What a count of jobs cut counts ("1,200 jobs", "500 posts", "300 workers"): "cut power to 230,000 homes" is no job cut
JOB_NOUNS = frozenset({"job", "post", "position", "role", "worker", "employee", "staff", "people", "person"})
# Counted nouns that name one kind of thing ("41 houses" / "Forty-one homes" destroyed): read as the first.
# Generic news vocabulary, singular.
SAME_COUNTED = {"house": "home", "dwelling": "home", "residence": "home", "baby": "infant", "newborn": "infant"}
# ... and nouns one of which names a kind of the other, which a wording of one statement may use for the other's ("is
# recalling about 412,000 vehicles" / "will recall 412,316 cars"): one kind when telling whether a wording states a
# figure (not when setting two counts against each other: "lost 14,038 cars and trucks" is no rival of "600,000
# vehicles" a strike cancelled)
SAME_KIND_COUNTED = {**SAME_COUNTED, "car": "vehicle", "automobile": "vehicle"}
FAMILY_OF = {lemma: family for family, lemmas in COUNT_FAMILIES.items() for lemma in lemmas}
