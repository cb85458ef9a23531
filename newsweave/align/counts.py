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
    "~missing": ("miss", "missing", "unaccounted"),
    "~displaced": ("evacuate", "evacuee", "evacuation", "displace", "displaced", "flee", "homeless", "refugee"),
    "~detained": ("arrest", "detain", "detention", "custody", "jail", "imprison"),
    # how many took part in a gathering: the figure police and organisers disagree on (the words for who took
    # part, not for the event: "95 people were arrested during the protests" counts arrests)
    "~crowd": ("crowd", "turnout", "attendance", "attendee", "attend", "protester", "protestor", "demonstrator",
               "marcher", "participant", "participate"),
    # jobs a company cuts: "will cut 1,200 jobs" / "is axing 1,500 jobs" / "will shed 1,200 jobs"
    "~jobs cut": ("layoff", "redundancy", "axe", "ax", "shed", "slash", "cut", "eliminate"),
}
# Words of a kind of count that is no family of its own (who is infected differs too much: people, birds,
# computers), but tells a count apart from a family's: "infected 412 people" is no death toll.
OTHER_KIND_WORDS = frozenset({"infect", "infected", "infection", "sicken", "sickened", "vaccinate", "test"})
FAMILY_OF = {lemma: family for family, lemmas in COUNT_FAMILIES.items() for lemma in lemmas}
