"""Tallies: how a vote split or a match ended ("ruling 5-4", "by six votes to three", "passed 312-98", "won 3-1").

A tally is two counts of one decision, and two reports that give a different split for the same decision
contradict each other ("ruling 5-4" / "by six votes to three"). A hyphenated pair of numbers is more often
something else (a range, "18-24 year olds"; a date, "9-11"; a formation), so it is read as a tally only next
to a word of deciding: a verb or noun of voting, ruling or winning before it ("ruled 5-4", "a 5-4 decision",
"by a 312-98 margin", "won 3-1") or a noun of it after ("5-4 vote", "3-1 win"). "N votes to M" and "by N to
M" are tallies by their own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.annotate.quantities import _NUMWORD, _parse_words

_NUMBER = rf"(?:\d{{1,4}}|(?i:{_NUMWORD}))"
_DECIDING_BEFORE = re.compile(
    r"(?i:\b(?:(?:vote|margin|tally)\s+of|rul(?:ed|ing|es)|vot(?:ed|e|es|ing)|decision|decided|verdict|margin|majority|split|"
    r"won|wins?|winning|beat|beats|beating|defeated|defeats?|lost|loses?|losing|drew|draws?|passed|approved|"
    r"edg(?:e|es|ed|ing)|thrash(?:ed|es|ing)?|overc(?:ame|omes?|oming)|rout(?:ed|ing|s)?|"
    r"rejected|backed|endorsed|confirmed|upheld|overturned|struck|score[ds]?|finished|ended|ahead|led|leading|"
    r"trailing|trailed))"
    # (the side beaten, by name: "beating Ostrel City 3-1", "defeated the Kelby Lions 102-98")
    r"(?:\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}?[A-Z][\w.'’-]*)?"
    r"(?:\s+(?:down|a|an|the|its|their|only|just|narrow|narrowly|unanimous|stunning|surprise|"
    r"close|comfortable|lopsided|decisive|[\w-]+ly))*\s+$")
_DECIDING_AFTER = re.compile(
    r"\s+(?i:(?:vote|votes|decision|ruling|majority|margin|verdict|split|win|victory|defeat|loss|draw|"
    r"tie|result|scoreline|lead|on\s+penalties|shoot-?out|penalty\s+shoot-?out)\b)")
# A penalty shootout's score, which a match that ended level goes on to ("beating Brisa Rovers 5-4 on penalties after
# a 2-2 draw", "edging Rovers 5-3 in a penalty shootout", "a 5-4 shootout win"): a decision of its own, beside the
# match's score in the same sentence
_SHOOTOUT_AFTER = re.compile(r"\s+(?:on\s+penalties|(?:in\s+(?:a|the)\s+)?(?:penalty\s+)?shoot-?out)\b", re.IGNORECASE)
_SHOOTOUT_BEFORE = re.compile(r"\b(?:on\s+penalties|shoot-?out)[,:]?\s+(?:by\s+)?$", re.IGNORECASE)  # "won the shootout 5-4"
_HYPHEN_PAIR = re.compile(rf"(?<![\w.,/-])(\d{{1,4}})\s?[-–]\s?(\d{{1,4}})(?![\w/%-]|[.,]\d|\s*(?:%|per\s*cent|percent))")
_VOTES_TO = re.compile(rf"(?<![\w-])({_NUMBER})\s+votes?\s+(?:to|against)\s+({_NUMBER})(?![\w-])", re.IGNORECASE)
_BY_TO = re.compile(rf"\bby\s+({_NUMBER})\s+to\s+({_NUMBER})(?![\w-])", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# "by a vote of 312 to 98", "voted 312 to 98", "by a clear majority of 212 to 187"
_VOTE_OF_TO = re.compile(rf"\b(?:(?:vote|majority|margin|tally)\s+of|voted|ruled|decided)\s+({_NUMBER})\s+to\s+"
                         rf"({_NUMBER})(?![\w-])", re.IGNORECASE)
# A split set off by commas after the clause that tells the decision ("The Senate voted on Tuesday, 52-48, to
# confirm ...", "rammed the law through parliament on Thursday night, 212-187, as ..."): a tally when a word of
# deciding comes earlier in its sentence and the larger count comes first (a range climbs: "aged 18-24")
_DECIDED_EARLIER = re.compile(
    r"(?i:\b(?:passed|passes|approved|approves|adopted|adopts|voted|votes|rejected|rejects|ruled|rules|backed|"
    r"confirmed|overturned|upheld|defeated|won|beat|lost|(?:rammed|pushed|forced|rushed|railroaded|steamrolled|"
    r"waved|voted|got|gets|pushes|rams)\s+(?:[\w'’-]+\s+){0,6}?through)\b)[^.;!?]*,\s*$")
_SET_OFF_AFTER = re.compile(r"\s*(?:[,.;]|$)")

# a share of a body that decided: "backed by seven of the nine members", "five of the nine justices voted to ..."
_SHARE_OF_BODY = re.compile(
    rf"\b(?:(?:backed|supported|approved|endorsed|opposed|rejected|carried)\s+by\s+({_NUMBER})\s+of\s+"
    rf"(?:the|its|their)\s+({_NUMBER})\b|({_NUMBER})\s+of\s+(?:the|its|their)\s+({_NUMBER})\s+"
    r"(?:[\w-]+\s+){0,2}?(?:members|judges|justices|jurors|directors|commissioners|councillors|councilors|"
    r"senators|lawmakers|governors)\s+(?:of\s+(?:the|its|their)\s+(?:[\w-]+\s+){1,4}?)?"  # ("members of the monetary
    r"(?:voted|backed|supported|approved|opposed|rejected)\b)", re.IGNORECASE)  # policy committee voted")


@dataclass(frozen=True, slots=True)
class Tally:
    start: int
    end: int
    text: str
    larger: int
    smaller: int
    kind: str = ""  # "shootout" for a penalty shootout's score, else "" (a vote's split, a match's score)

    @property
    def split(self) -> tuple[int, int]:
        return self.larger, self.smaller


def _value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    parsed = _parse_words(s.lower())
    if parsed is None or parsed[1] != len(s):
        return None
    value = parsed[0]
    return int(value) if value == int(value) else None


def find_tallies(text: str) -> list[Tally]:
    """Every tally in ``text``, in order."""
    found: dict[int, Tally] = {}

    def add(m: re.Match[str], first: str, second: str, span: tuple[int, int] | None = None) -> None:
        a, b = _value(first), _value(second)
        if a is None or b is None or (a == 0 and b == 0):
            return
        start, end = span or m.span()
        if start in found or any(t.start <= start < t.end for t in found.values()):
            return
        shootout = _SHOOTOUT_AFTER.match(text, end) or _SHOOTOUT_BEFORE.search(text, max(0, start - 40), start)
        found[start] = Tally(start, end, text[start:end], max(a, b), min(a, b), "shootout" if shootout else "")

    for pattern in (_VOTE_OF_TO, _VOTES_TO, _BY_TO):
        for m in pattern.finditer(text):
            add(m, m.group(1), m.group(2))
    for m in _SHARE_OF_BODY.finditer(text):
        g = (1, 2) if m.group(1) else (3, 4)
        part, whole = m.group(g[0]), m.group(g[1])
        a, b = _value(part), _value(whole)
        if a is not None and b is not None and 0 < a <= b:
            add(m, part, str(b - a), (m.start(g[0]), m.end(g[1])))  # the tally reads "seven of the nine"

    for m in _HYPHEN_PAIR.finditer(text):
        if _YEAR.match(m.group(1)):
            continue  # "the 2019-20 season", "won the 2018-2019 title"
        if _DECIDING_BEFORE.search(text, max(0, m.start() - 60), m.start()) or _DECIDING_AFTER.match(text, m.end()):
            add(m, m.group(1), m.group(2))
        elif (int(m.group(1)) > int(m.group(2)) and _SET_OFF_AFTER.match(text, m.end())
              and _DECIDED_EARLIER.search(text, max(0, m.start() - 150), m.start())):
            add(m, m.group(1), m.group(2))
    return [found[k] for k in sorted(found)]


# --- shares of a vote ------------------------------------------------------------------------------

_SHARE = r"(\d{1,2}(?:\.\d{1,2})?)\s*(?:%|per\s?cent|percent)"
# "voted by 52.3% to 47.7%", "won 52 per cent to 48 per cent", "By 53 per cent to 47 per cent"
_SHARE_SPLIT = re.compile(rf"(?<![\w.]){_SHARE}\s+(?:to|against|-|–)\s+{_SHARE}", re.IGNORECASE)
_SHARE_DECIDING = re.compile(r"\b(?:by|vot\w*|won|wins?|winning|beat\w*|defeat\w*|lost|backed|approved|rejected|"
                             r"referendum|ballot|margin|result\w*|split)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ShareSplit:
    """How a vote split in shares ("52.3% to 47.7%"): the larger share first."""
    start: int
    end: int
    text: str
    larger: float
    smaller: float
    decimals: int  # the most decimals either share is written with: 0 for "52 per cent to 48 per cent"

    def agrees(self, other: "ShareSplit") -> bool:
        """One split, written to another precision? "52 per cent to 48" is "52.3% to 47.7%" rounded; "53 to 47"
        is not."""
        slack = 0.5 * 10 ** -min(self.decimals, other.decimals) + 1e-9
        return abs(self.larger - other.larger) <= slack and abs(self.smaller - other.smaller) <= slack


def find_share_splits(text: str) -> list[ShareSplit]:
    """Every split of a vote in shares in ``text`` that a word of deciding comes just before ("by", "voted",
    "won"), and whose shares make about a whole (95 to 100: "52% to 48%", not "rose 3% to 4%")."""
    out = []
    for m in _SHARE_SPLIT.finditer(text):
        a, b = float(m.group(1)), float(m.group(2))
        if not 95 <= a + b <= 100.5 or not _SHARE_DECIDING.search(text, max(0, m.start() - 40), m.start()):
            continue
        decimals = max(len(g.split(".")[1]) if "." in g else 0 for g in (m.group(1), m.group(2)))
        out.append(ShareSplit(m.start(), m.end(), m.group(0), max(a, b), min(a, b), decimals))
    return out
