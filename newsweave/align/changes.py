"""What a percentage says changed: the words of its clause up to the figure, and a change someone or something
made to a thing by a share ("cut the risk of heart attacks by 30%"). Read by the alignment of facts (two reports
of one change made, by one share, are one fact) and by the disagreements (two shares of one change made)."""

from __future__ import annotations

import re

from newsweave.model import Claim

LEAD_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s(?:while|whereas|and|but|as)\s")
# What a percentage without an "of" measures is named by the words around it: "a 9% pay rise", "the
# unemployment rate of 5.1%". Change words and function words name no measure.
MEASURE_STOP = frozenset("""
    rise rose risen rises fall fell fallen falls increase increased increases decrease decreased drop dropped
    climb climbed jump jumped grow grew grown gain gained stand stood stands reach reached hit up down by to of
    per cent percent percentage point points nearly about around some almost roughly only just least more less
    than over under is was are were be been has had have will would rate
""".split())
# A change someone or something makes to a thing, by a share: "cut the risk of heart attacks by 30%", "slashes the
# risk of a heart attack by a staggering 40 per cent", "raised its prices by 5%"
CUT_VERBS = frozenset("""
    cut cuts cutting reduced reduces reduce reducing lowered lowers lowering slashed slashes slash slashing halved
    halves trimmed trims curbed curbs decreased decreases
""".split())
RAISE_VERBS = frozenset("""
    raised raises raise raising boosted boosts boost boosting lifted lifts increased increases increase increasing
    doubled doubles
""".split())
# what a share of change is of, however named: "the risk of heart attacks" and "heart attacks" are one thing cut
CHANGE_OF = frozenset("risk risks chance chances likelihood odds rate rates number numbers level levels amount".split())


def singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def change_words(text: str, c: Claim, q) -> list[str]:
    """The words of the figure's clause up to it, in lower case."""
    return clause_words(text[c.start:q.start])


def clause_words(head: str) -> list[str]:
    """The words of ``head``'s last clause, in lower case."""
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(head)), default=0)
    return [w.lower() for w in LEAD_WORD.findall(head[cut:])]


def change_made(words: list[str]) -> tuple[int, frozenset[str]] | None:
    """What a transitive verb says was cut (-1) or raised (1), by the share after "by" (``words`` run up to the
    figure): "cut the risk of heart attacks by" is a fall of {heart, attack}. None for any other wording."""
    by_at = next((i for i in range(len(words) - 1, max(-1, len(words) - 4), -1) if words[i] == "by"), None)
    if by_at is None:
        return None  # (at most two words between "by" and the figure: "by a staggering 40 per cent")
    verb_at = next((i for i in range(by_at - 1, max(-1, by_at - 9), -1) if words[i] in CUT_VERBS or words[i] in RAISE_VERBS),
                   None)
    if verb_at is None:
        return None
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    thing = {singular(w) for w in words[verb_at + 1:by_at]} - STOP_WORDS - MEASURE_STOP - CHANGE_OF
    thing = frozenset(w for w in thing if len(w) > 1)
    return ((-1 if words[verb_at] in CUT_VERBS else 1), thing) if thing else None


def made_change(text: str, c: Claim, q) -> bool:
    """Is the percentage the size of a change a verb says someone or something made ("cut ... by 30%")?"""
    return change_made(change_words(text, c, q)) is not None
