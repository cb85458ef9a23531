"""Accusations and denials: a party blamed for something, and that party denying it.

"Velia's government on Saturday blamed hackers working for Kestria's military intelligence for a cyberattack"
and "Kestria's foreign ministry denied any involvement" share no statement a negation could pair ("X did" / "X
did not"), yet they are the story's dispute: who did it. A reader should see both sides, each with its words.

A claim is read as

* an **accusation** when a verb of blaming has the party after it ("blamed hackers working for Kestria's military
  intelligence", "accused the ministry of ...", "was carried out by the GRK", "linked the malware to ...") or
  before a passive one ("Brisk had been accused of accepting bribes", "Kestria was behind the attack");
* a **denial** when the party is the subject of a verb of denying with what it denies ("denied any involvement",
  "rejected the accusations", "denies starting the fire") or of "has nothing to do with", "never carried out".

A party is a name the story's entities give (its places in their canonical spelling, a people by the place it
names: "Kestrian military hackers" accuse Kestria). ``find_stances`` reads the claims; the disagreements stage
pairs the accused with the denier (``newsweave.align.disagreements``). Plain words only: "denied the request"
denies no accusation, and "accused him" names no one the story can pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsweave.model import AnnotatedArticle, Claim

__all__ = ["Stance", "find_stances"]

# verbs of blaming with the accused right after them ("blamed hackers working for Kestria's military intelligence",
# "accused Indonesia of", "carried out by the GRK") ...
_ACCUSE_ACTIVE = re.compile(
    r"\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|(?:carried|was\s+carried|were\s+carried)\s+out\s+by|"
    r"held\s+[^.;,]{1,40}?\s+responsible)\b", re.IGNORECASE)
# ... or right after "to" ("linked the malware to Sandfox", "tied to Kestria's military intelligence", not "linked to
# gang wars over Macau")
_ACCUSE_LINKED = re.compile(r"\b(?:linked|linking|tied|tying|attributed|attributing)\b[^.;]{0,60}?\bto\s+(?:the\s+|a\s+)?",
                            re.IGNORECASE)
# ... or before them, passive ("Brisk had been accused of accepting bribes", "Kestria was responsible for")
_ACCUSE_PASSIVE = re.compile(
    r"\b(?:(?:(?:has|have|had)\s+)?(?:is|are|was|were|been|being)\s+(?:\w+\s+)?(?:accused|blamed|suspected)\s+(?:of|for)|"
    r"(?:is|are|was|were|had\s+been)\s+responsible\s+for)\b", re.IGNORECASE)
# "has not been linked to major corruption", "never accused": no accusation
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|n[’']t)\s+(?:(?:been|be|yet|publicly|formally)\s+)*$", re.IGNORECASE)
_NOT_WORD = re.compile(r"\b(?:not|never)\b", re.IGNORECASE)  # ... or inside the passive: "was never accused of"
# a verb of denying and what it denies: an accusation, a role, or an act told as a gerund
_DENY = re.compile(
    r"\b(?:(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\s+"
    r"(?:(?:any|all|the|these|those|such|its|his|her|their|that)\s+)*(?:\w+\s+)?"
    r"(?:involvement|responsibility|wrongdoing|charges?|accusations?|allegations?|role|part|guilt|links?|"
    r"connection|blame)\b"
    r"|den(?:y|ies|ied|ying)\s+(?:\w+ing)\b"
    r"|(?:has|have|had)\s+nothing\s+to\s+do\s+with|(?:has|have|had)\s+never\s+(?:carried\s+out|been\s+involved)"
    r"|(?:was|were|is|are)\s+not\s+(?:involved|responsible))",
    re.IGNORECASE)
# where the clause of a verb begins: its subject comes first in it
_CLAUSE_BREAK = re.compile(r"(?:[,;:(]\s*|\b(?:that|and|but|while|after|because|although|saying)\s+)", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s*[\w.]+(?:\s+[\w.]+){0,2}\s*,\s*", re.IGNORECASE)  # ", 58, ", ", a lawyer, "
_RELATIVE = re.compile(r",\s+(?:which|who)\s+$", re.IGNORECASE)
_SUBJECT_LEAD = re.compile(r"[\s\"“‘']*(?:(?:the|mr\.?|ms\.?|mrs\.?|dr\.?)\s+)?$", re.IGNORECASE)
ACCUSED_REACH = 40  # characters after a verb of blaming within which the accused is named
SUBJECT_REACH = 50  # ... and from where a subject's name starts to its verb ("Kestria's foreign ministry denied")


@dataclass(frozen=True)
class Stance:
    """One claim's accusation of, or denial by, ``parties`` (keys of the story's names)."""

    claim: Claim
    side: str  # "accuses" or "denies"
    parties: frozenset[str]
    cue_start: int
    cue_end: int
    accusers: frozenset[str] = frozenset()  # the parties an active accusation names before its verb


def find_stances(docs: Sequence[AnnotatedArticle],
                 parties_at: Callable[[str, int, int], list[tuple[int, str]]]) -> list[Stance]:
    """The accusations and denials of the story's claims. ``parties_at(article, start, end)`` gives the parties
    named within a span: (where the name starts, the party's key), in order."""
    out: list[Stance] = []
    for doc in docs:
        text = doc.article.text
        sentence_start = {s.index: s.start for s in doc.sentences}

        def subject(left: int, cue: int) -> set[str]:
            # the party that opens the verb's clause ("Kestria's foreign ministry denied", "the Kestrian foreign
            # ministry said", "Iraq, which has denied"), not one named earlier in the sentence ("Relatives of Qin
            # in China denied the reports")
            start = left
            for m in _CLAUSE_BREAK.finditer(text, left, cue):
                if _APPOSITIVE.fullmatch(text, m.start(), cue):
                    break  # "Brisk, 58, denied the charges": an age or a title between commas is no clause
                start = m.end()
            rel = _RELATIVE.search(text, left, start)
            named = parties_at(doc.article.id, left, cue)
            if rel:
                before = [(s, k) for s, k in named if s < rel.start()]
                return {before[-1][1]} if before else set()
            # (and near the verb: "Maxey said the governor told him his stance ... had nothing to do with" is the
            # stance's, not Maxey's)
            return {k for s, k in named if s >= start and _SUBJECT_LEAD.fullmatch(text, start, s)
                    and cue - s <= SUBJECT_REACH}

        for c in doc.claims:
            # (the subject of a claim cut from its sentence may stand before the claim)
            left = min(c.start, sentence_start.get(c.sentence, c.start))
            m = _DENY.search(text, c.start, c.end)
            if m:
                parties = subject(left, m.start())
                if parties:
                    out.append(Stance(c, "denies", frozenset(parties), m.start(), m.end()))
                continue  # (a denial is no accusation, whatever else it names)
            m = _ACCUSE_PASSIVE.search(text, c.start, c.end)
            if m and not (_NEGATED_BEFORE.search(text, c.start, m.start()) or _NOT_WORD.search(m.group(0))):
                parties = subject(left, m.start())
                if parties:
                    out.append(Stance(c, "accuses", frozenset(parties), m.start(), m.end()))
                continue
            found = None
            for pattern, reach in ((_ACCUSE_ACTIVE, ACCUSED_REACH), (_ACCUSE_LINKED, 1)):
                for m in pattern.finditer(text, c.start, c.end):
                    if _NEGATED_BEFORE.search(text, c.start, m.start()):
                        continue
                    accusers = {k for _s, k in parties_at(doc.article.id, left, m.start())}
                    parties = {k for s, k in parties_at(doc.article.id, m.end(), min(c.end, m.end() + reach + 40))
                               if s - m.end() <= reach} - accusers
                    if parties:
                        found = Stance(c, "accuses", frozenset(parties), m.start(), m.end(), frozenset(accusers))
                        break
                if found:
                    out.append(found)
                    break
    return out
