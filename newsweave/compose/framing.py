"""Framing per outlet: the loaded words each article uses, whose voices it carries, and how its wording
of a shared fact differs from the other outlets' wordings.

Lexicon and licence decision
----------------------------
The loaded-term lexicon shipped in ``newsweave/compose/data/loaded_lexicon.json`` is built **only from
permissively licensed sources plus lists we wrote ourselves** (option (a) of the issue):

* **subjective**: the English adjective subjectivity lexicon ``en-sentiment.xml`` of pattern (De Smedt &
  Daelemans, CLiPS), as shipped in TextBlob 0.20.1; the file itself declares ``license="PDDL"`` (public
  domain) and TextBlob is MIT. We keep the word form, its mean subjectivity and mean absolute polarity.
* **loaded**: strongly valenced words of the VADER lexicon (vaderSentiment 3.3.2, MIT, C.J. Hutto), minus
  a list we wrote of words news uses descriptively ("killed", "war", "crisis", "arrest" ...).
* **intensifier**, **name-calling**, loaded speech verbs ("slammed", "boasted"): short lists written by us
  (VADER's booster words were the starting point for the intensifiers).

The data-backed sets BABE (AGPL-3.0) and the SemEval-2020 PTC spans (no licence; research only) are used
**at benchmark time only** (``bench/babe.py``): to choose the two global score thresholds below and to
measure; no per-word selection or weight learned from them is shipped, so nothing in this MIT package is
derived from AGPL or research-only data. We rejected option (b) (a BABE-derived lexicon generated at
``make setup`` time when ``../shared`` is present): the product would then behave differently depending on
whether a sibling folder exists, CI and users would run different code paths, and an AGPL-derived artefact
would sit inside the installed package tree.

``loaded_terms`` is a dictionary look-up over lower-cased word tokens with a small suffix-stripping
fallback ("brutally" -> "brutal", "slams" -> "slam"), so it needs no spaCy and runs in microseconds per
sentence. It does not handle negation ("not brutal") or word sense.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.model import AnnotatedArticle

DATA = Path(__file__).with_name("data") / "loaded_lexicon.json"

# Minimum lexicon scores for the data-derived categories (chosen on BABE by cross-validated macro-F1, a flat
# optimum: every grid point scores 0.62-0.64; see
# bench/results/babe.md). Subjective: mean subjectivity x (0.5 + mean |polarity|). Loaded: |VADER valence| / 4.
MIN_SUBJECTIVE = 0.55
MIN_LOADED = 0.5

# --- lists written by us (MIT, part of this package) -------------------------------------------------

NAME_CALLING = {
    "thug", "thuggish", "radical", "radicals", "extremist", "zealot", "fanatic", "puppet", "regime", "crony",
    "cronyism", "elitist", "mob", "propagandist", "demagogue", "tyrant", "dictator", "warmonger", "traitor",
    "fascist", "nazi", "racist", "bigot", "bigoted", "xenophobe", "xenophobic", "hatemonger", "lunatic",
    "idiot", "moron", "clown", "shill", "stooge", "henchman", "henchmen", "goon", "rogue", "invader",
    "illegals", "snowflake", "leftist", "far-left", "far-right", "alt-right", "ultra-left", "ultra-right",
    "hard-liner", "hardliner", "so-called", "junta", "terrorist", "insurgent", "separatist", "occupier",
    "aggressor", "criminal", "cabal", "apologist", "sycophant", "charlatan", "hypocrite", "liar", "crook",
    "authoritarian", "socialist", "communist", "globalist", "anti-american", "un-american",
    "nutjob", "loony", "crackpot", "extremism", "militant", "hawk", "hawkish", "partisan", "hyperpartisan",
}

INTENSIFIERS = {
    "absolutely", "utterly", "totally", "completely", "entirely", "extremely", "incredibly", "unbelievably",
    "enormously", "tremendously", "remarkably", "exceptionally", "deeply", "hugely", "intensely", "thoroughly",
    "awfully", "decidedly", "outright", "blatantly", "brazenly", "shockingly", "staggeringly", "wildly",
    "egregiously", "flagrantly", "grossly", "wholly", "downright", "sheer", "utter", "massive", "massively",
    "staggering", "unprecedented", "historic", "dramatically", "drastically", "overwhelmingly", "very",
    "extraordinarily", "desperately", "stunningly", "truly", "literally", "virtually", "fiercely", "sharply",
}

LOADED_VERBS = {
    "slam", "blast", "bash", "rip", "lash", "mock", "smear", "trash", "torch", "scold", "berate",
    "boast", "brag", "tout", "insist", "admit", "concede", "claim", "allege", "spew", "peddle", "parrot",
    "rant", "whine", "grovel", "gloat", "cave", "capitulate", "dodge", "flout", "ram", "gut", "slash",
    "plunder", "loot", "grab", "unleash", "erupt", "scramble", "plunge", "soar",
    "skyrocket", "balloon", "cripple", "decimate", "devastate", "ravage", "wreak", "liberate", "surrender",
    "invade", "occupy", "annex", "massacre", "slaughter", "butcher", "crush", "purge", "hijack", "sabotage",
    "weaponize", "scapegoat", "demonize", "vilify", "whitewash", "cover-up", "hoax", "propaganda", "debacle",
    "fiasco", "scandal", "outrage", "tirade", "diatribe", "screed", "meltdown", "firestorm", "onslaught",
    "bloodbath", "carnage", "atrocity", "regime", "lie", "falsely", "baseless", "bogus", "debunk", "radical",
}

# VADER valence for words that news uses to report events, not to judge them.
DESCRIPTIVE = {
    "kill", "killed", "killing", "killings", "killer", "dead", "death", "deaths", "die", "died", "dies",
    "dying", "war", "wars", "warfare", "crisis", "crises", "disaster", "disasters", "violence", "violent",
    "victim", "victims", "arrest", "arrested", "arrests", "attack", "attacked", "attacks", "attacker",
    "attackers", "crime", "crimes", "murder", "murdered", "murders", "injured", "injury", "injuries", "hurt",
    "wound", "wounded", "bomb", "bombing", "bombs", "shooting", "shot", "gun", "guns", "fire", "fired",
    "cancer", "disease", "illness", "sick", "pain", "accident", "casualty", "casualties", "emergency",
    "prison", "jail", "jailed", "lawsuit", "sue", "sued", "charged", "charges", "guilty", "fraud",
    "protest", "protests", "protesters", "strike", "strikes", "fight", "fighting", "fought", "conflict",
    "battle", "battles", "threat", "threats", "threatened", "risk", "risks", "danger", "dangerous", "loss",
    "losses", "lost", "lose", "win", "won", "wins", "winner", "winning", "victory", "defeat", "defeated",
    "support", "supported", "supporters", "supports", "help", "helped", "helping", "helps", "care", "cares",
    "cared", "agree", "agreed", "agreement", "agreements", "approved", "approval", "accept", "accepted",
    "benefit", "benefits", "free", "freedom", "freed", "like", "liked", "likes", "love", "yes", "no", "ok",
    "please", "thanks", "thank", "well", "true", "best", "better", "good", "great", "hand", "heart", "hearts",
    "award", "awards", "awarded", "prize", "honor", "honored", "celebrate", "celebrated", "celebration",
    "party", "parties", "peace", "peaceful", "safe", "safety", "security", "secure", "protect", "protected",
    "protection", "rescue", "rescued", "hope", "hopes", "hoped", "wish", "welcome", "welcomed", "pray",
    "prayers", "ban", "banned", "bans", "block", "blocked", "blocking", "broke", "broken", "burden",
    "abuse", "abused", "assault", "assaulted", "abducted", "abduction", "hostage", "hostages", "terror",
    "terrorism", "suicide", "rape", "raped", "torture", "tortured", "poverty", "unemployment", "unemployed",
    "fear", "fears", "feared", "worried", "worry", "worries", "concern", "concerns", "concerned", "trust",
    "commitment", "committed", "legal", "justice", "fair", "honest", "respect", "interest", "interests",
    "funeral", "grave", "mourning", "tragedy", "collapse", "collapsed", "failed", "failure", "fail", "fails",
    "sentenced", "convicted", "conviction", "guard", "damage", "damaged", "destroyed", "destruction",
    "hunger", "starvation", "famine", "flood", "floods", "drought", "storm", "storms", "hurricane", "no-one",
    "cut", "cuts", "stop", "stopped", "stops", "chance", "chances", "easy", "hard", "strong", "stronger",
    "rose", "confirmed", "confidence", "save", "saved", "saves", "relief", "numb", "rail", "rails", "woke",
}

_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
_SUFFIXES = (("ily", "y"), ("ally", "al"), ("ly", ""), ("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"),
             ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, float]]:
    """``word -> (category, score in [0, 1])``: the shipped data above the thresholds, then our lists."""
    out: dict[str, tuple[str, float]] = {}
    data = json.loads(DATA.read_text(encoding="utf-8")) if DATA.exists() else {"subjective": {}, "loaded": {}}
    for w, score in data.get("loaded", {}).items():
        if score >= MIN_LOADED and w not in DESCRIPTIVE:
            out[w] = ("loaded", round(score, 3))
    for w, score in data.get("subjective", {}).items():
        if score >= MIN_SUBJECTIVE and w not in DESCRIPTIVE:
            out[w] = ("subjective", round(score, 3))
    for w in LOADED_VERBS:
        out[w] = ("loaded", 0.7)
    for w in INTENSIFIERS:
        out[w] = ("intensifier", 0.6)
    for w in NAME_CALLING:
        out[w] = ("name-calling", 0.9)
    return out


def _lookup(word: str, lex: dict[str, tuple[str, float]]) -> tuple[str, str, float] | None:
    """``(lexicon form, category, score)`` for a lower-cased word, trying a few suffix strippings."""
    if word in DESCRIPTIVE:
        return None
    hit = lex.get(word)
    if hit:
        return word, *hit
    for suf, rep in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) + len(rep) >= 4:
            base = word[: len(word) - len(suf)] + rep
            if base in DESCRIPTIVE:
                return None
            hit = lex.get(base)
            if hit:
                return base, *hit
    # doubled consonant before -ed/-ing: "slammed" -> "slam", "ripping" -> "rip"
    m = re.match(r"^(.*?)([b-df-hj-np-tv-z])\2(?:ed|ing|er|est)$", word)
    if m:
        base = m.group(1) + m.group(2)
        hit = lex.get(base)
        if hit and base not in DESCRIPTIVE:
            return base, *hit
    return None


@lru_cache(maxsize=1 << 16)
def _lookup_word(word: str) -> tuple[str, str, float] | None:
    """``_lookup`` in the shipped lexicon, once per distinct word (a story repeats its words many times)."""
    return _lookup(word, lexicon())


def loaded_terms(text: str) -> list[tuple[int, int, str, str, float]]:
    """Loaded words of ``text``: ``(start, end, term, category, score)`` with ``text[start:end]`` the word
    as written and ``term`` its lexicon form; category is loaded, subjective, intensifier or name-calling."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        hit = _lookup_word(w)
        if hit is None and "-" in w:  # "so-called" is listed; "self-serving" may match on a part
            continue
        if hit:
            out.append((m.start(), m.end(), hit[0], hit[1], hit[2]))
    return out


def loaded_score(text: str) -> float:
    """Sum of loaded-term scores per word: the sentence-level signal used by ``bench/babe.py``."""
    return sum(t[4] for t in loaded_terms(text))


# --- framing per article -----------------------------------------------------------------------------

_PARTICLES = {"over", "up", "back", "out", "off", "down", "away"}
_PRONOUNS = {"i", "he", "she", "they", "we", "it", "you", "who", "this", "that", "one"}
_NEUTRAL_VERBS = {"say", "tell", "report", "add", "state", "according", "also", "year", "day", "time"}


def _quoted_ranges(doc: AnnotatedArticle) -> list[tuple[int, int]]:
    return [(a.content_start, a.content_end) for a in doc.quotes if getattr(a, "kind", "") in ("direct", "mixed")]


def _voices(doc: AnnotatedArticle, quotes: Sequence[dict] | None) -> list[str]:
    aid = doc.article.id
    names: list[str] = []
    if quotes:
        for q in quotes:
            if q.get("speaker") and any(e.get("article") == aid for e in q.get("evidence", [])):
                names.append(q["speaker"])
    else:
        text = doc.article.text
        for a in doc.quotes:
            if a.speaker_start is not None:
                names.append((a.speaker_resolved or text[a.speaker_start:a.speaker_end]).strip())
    seen: dict[str, str] = {}
    for n in names:
        if n.lower() in _PRONOUNS:
            continue
        seen.setdefault(n.lower(), n)
    return list(seen.values())


def _excluded_words(doc: AnnotatedArticle, start: int, end: int) -> set[str]:
    """Lower-cased words inside names, dates and quantities within ``[start, end)``: not word choices."""
    text = doc.article.text
    words: set[str] = set()
    spans = [(m.start, m.end) for m in doc.entities]
    spans += [(t.start, t.end) for t in doc.timexes] + [(q.start, q.end) for q in doc.quantities]
    for s, e in spans:
        if start <= s and e <= end:
            words |= {w.lower() for w in _WORD.findall(text[s:e])}
    return words


def _surface(claim_text: str, lemma: str) -> str | None:
    """The word of ``claim_text`` whose lemma is ``lemma`` (by shared prefix), with a following particle
    ("handed over")."""
    words = list(_WORD.finditer(claim_text))
    stem = lemma[: max(3, min(len(lemma) - 1, 5))] if len(lemma) > 3 else lemma
    for i, m in enumerate(words):
        w = m.group(0).lower()
        if w == lemma or (len(lemma) > 3 and w.startswith(stem)):
            out = m.group(0)
            if i + 1 < len(words) and words[i + 1].group(0).lower() in _PARTICLES:
                nxt = words[i + 1]
                if claim_text[m.end():nxt.start()].strip() == "":
                    out = claim_text[m.start():nxt.end()]
            return out
    return None


MAX_CHOICE_WORDS = 4  # more differing words than this is a different content, not a different word choice
MAX_WORD_CHOICES = 25


def _choice_terms(doc: AnnotatedArticle, claim) -> dict[str, str]:
    """``lemma -> surface`` of the informative content words of a claim (no names, dates, numbers)."""
    excluded = _excluded_words(doc, claim.start, claim.end)
    out: dict[str, str] = {}
    for lemma in claim.terms:
        if not lemma.isalpha() or len(lemma) < 3 or lemma in _NEUTRAL_VERBS or lemma in _PARTICLES:
            continue
        surface = _surface(claim.text, lemma)
        if surface is None or surface.split()[0].lower() in excluded or surface[:1].isupper() and claim.text.find(surface) > 0:
            continue  # a capitalised word inside the sentence is a name
        out.setdefault(lemma, surface)
    return out


def _word_choices(docs: Sequence[AnnotatedArticle], facts: Sequence[Any]) -> dict[str, list[dict]]:
    by_id = {d.article.id: d for d in docs}
    out: dict[str, list[dict]] = defaultdict(list)
    for fact in facts:
        claims = {}
        for c in fact.claims:
            claims.setdefault(c.article, c)
        if len(claims) < 2:
            continue
        terms = {a: _choice_terms(by_id[a], c) for a, c in claims.items() if a in by_id}
        for a, mine in terms.items():
            others_all = set().union(*(set(t) for b, t in terms.items() if b != a))
            this = [s for lem, s in mine.items() if lem not in others_all]
            if not this or len(this) > MAX_CHOICE_WORDS:
                continue
            others = {}
            for b, theirs in terms.items():
                if b == a:
                    continue
                diff = [s for lem, s in theirs.items() if lem not in mine]
                shared = set(mine) & set(theirs)
                if diff and len(diff) <= MAX_CHOICE_WORDS and len(shared) >= 1:
                    others[b] = diff
            if others and len(out[a]) < MAX_WORD_CHOICES:
                out[a].append({"fact": fact.id, "this_outlet": this, "others": others})
    return out


def build_framing(docs: Sequence[AnnotatedArticle], facts: Sequence[Any] = (), quotes: Sequence[dict] | None = None,
                  claim_index: Any = None) -> list[dict]:
    """Per article: its loaded terms (outside direct quotes: those are the speaker's words) with counts and
    evidence, the voices it quotes, and its word choices for facts it shares with other outlets.

    ``facts`` are :class:`newsweave.align.facts.Fact` objects, ``quotes`` the ``briefing.quotes`` dicts
    (when ``None`` the speakers come from ``doc.quotes``). ``claim_index`` is accepted for the pipeline's
    call signature and not needed."""
    choices = _word_choices(docs, facts)
    out = []
    for doc in docs:
        aid = doc.article.id
        quoted = _quoted_ranges(doc)
        terms: dict[tuple[str, str], dict] = {}
        for s, e, term, cat, _score in loaded_terms(doc.article.text):
            if any(qs <= s < qe for qs, qe in quoted):
                continue
            t = terms.setdefault((term, cat), {"term": term, "category": cat, "count": 0, "evidence": []})
            t["count"] += 1
            t["evidence"].append({"article": aid, "start": s, "end": e})
        out.append({
            "article": aid,
            "terms": sorted(terms.values(), key=lambda t: (-t["count"], t["term"])),
            "voices": _voices(doc, quotes),
            "word_choices": choices.get(aid, []),
        })
    return out
