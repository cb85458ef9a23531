"""Stage 4, compose: the consensus summary. Each item states one piece of the story in one outlet's own
words (an extracted sentence, or a trimmed part of one: never new words) and cites every article that
states the same content, with the offsets of the cited span in each.

**Units.** When the story's aligned facts are given (:mod:`newsweave.align.facts`), a candidate unit is the
wording of a fact in one article: in ``style="prose"`` the article's sentence that holds the fact's claim,
in ``style="bullets"`` the claim itself (a sentence, or one independent clause of it). Each wording also
comes in trimmed forms that drop only framing around the statement: a leading dateline ("PHOENIX _"), a
leading adverbial phrase ("On Monday,"), a leading or trailing attribution ("officials said"). Without
facts (``summarize(docs)`` alone) every sentence is its own fact.

**Selection** is exact concept coverage (Gillick & Favre 2009), solved as an integer program with HiGHS
(:mod:`newsweave.compose.select`): the story's *concepts* are stemmed word bigrams (tokens as ROUGE makes
them) found in at least two articles (one in a story of two). Each is weighted by the probability that a
summary of the story states it, a logistic model (Li, Qian & Liu 2013, "supervised bigram ILP") over
generic features of the concept in the story (:func:`concept_features`: how many articles have it, how
often and how early, stop words, numbers, whether a corroborated fact states it), fitted on the DUC
2006/2007 development sets with ``bench/tune_summary.py --fit``. ``CONCEPT_MODEL = "df"`` gives the plain
article-count weights instead. The program picks the units that cover the most concept weight within the
word budget, plus small per-unit terms for how many independent sources corroborate the fact, for being
near the top of its article, for length (a summary that uses its budget), and for the wording's
completeness (entities, dates and quantities on the claim); an opening that leans on a previous
sentence ("He will ...", "But ...") carries a penalty that keeps it out unless its content outweighs it. At
most one wording per fact and one form per sentence is taken, and a concept counts once, so the summary does
not repeat itself.

**Neutral wording.** Among a fact's wordings only those with the fewest loaded terms are candidates
(``loaded_terms`` of :mod:`newsweave.compose.framing` when that module is present; otherwise a small built-in
list of intensifiers and loaded verbs, :data:`LOADED`). Every wording loses ``LOADED_PENALTY`` per loaded term,
and one with more than ``MAX_LOADED`` is not taken while plainer ones are left: a tabloid's "A massive internet
meltdown plunged Britain into chaos" does not tell the story while the wire's plain account of it does.

**Shorter forms.** Every wording also comes without its asides (``ASIDES``): a bracket that is no acronym's, an
apposition before the verb, and a day named in passing ("said on Tuesday that") when it is the report's news peg,
which the item's citation dates. The item lists what it leaves out.

**Order** is by the publication date of the cited article, then importance (independent sources), then
position. ``words`` is a hard cap on the total number of words (``len(text.split())``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Literal

import numpy as np

from newsweave.align.counts import FAMILY_OF, SAME_KIND_COUNTED
from newsweave.align.facts import (conflicting_counts, converted, copied_passages, count_rounded, day_of, figures_agree,
                                   in_attribution, measure_of, named_counts, near_bound, one_count, origins,
                                   outlet_keys, rival_bounds)
from newsweave.align.similarity import SentenceIndex
from newsweave.annotate.datelines import DATELINE
from newsweave.annotate.dates import MONTHS, WEEKDAYS
from newsweave.annotate.quantities import NUMBER_WORDS
from newsweave.annotate.quotes import find_quote_spans
from newsweave.annotate.tallies import find_tallies
from newsweave.model import AnnotatedArticle, Evidence, SummaryItem, latest_position

DEFAULT_WORDS = 120
MIN_WORDS = 6  # shorter units say too little to stand alone
MAX_WORDS = 50  # longer ones spend the budget on one statement ...
MAX_SHARE = 1 / 3  # ... or, in a longer summary, longer than this share of it
MIN_DF = 3  # "df" model: a concept must occur in this many articles (fewer for small stories, see _min_df)
MIN_DF_PAIR = 1  # ... and in a story of two articles
LEAD_SENTENCES = 3  # concepts in an article's first sentences weigh more ...
LEAD_WEIGHT = 0.5  # ... by this much per article
POSITION_BONUS = 0.5  # per-unit bonus for the first sentence of an article, decaying over POSITION_DECAY
POSITION_DECAY = 10
CORROBORATION_BONUS = 0.5  # per extra independent source of the fact(s) a unit states
CENTRALITY_BONUS = 2.0  # for the story's most central sentence (summed cosine with all others), scaled
WORD_BONUS = 0.05  # per word of a unit: a summary that uses its budget says more
SLOT_BONUS = 0.05  # per entity, date or quantity on the claim (completeness)
DANGLING_PENALTY = 100.0  # an opening that leans on a sentence before ("He will ...", "But ...") is all but never taken ...
DANGLING_WITH_PREVIOUS = 3.0  # ... unless it comes with that sentence, which it then follows in the summary
QUOTE_PENALTY = 2.0  # quoted speech rarely states the story's facts
LOADED_PENALTY = 0.25  # per loaded term of a unit (framing.loaded_terms): a briefing tells the story in plain words
MAX_LOADED = 2  # ... and a wording with more loaded terms than this is not taken while a plainer one is left (development
# sets 34.74 / 9.25 at 2 and at 3: "Loyal forces on Tuesday crushed a cowardly attempt by a band of renegade officers"
# tells an outlet's side, not the story)
COUNT_TOLD_TWICE = True  # of two chosen wordings, one that tells only a count the other gives is left out (see summarize;
# development sets 34.96 / 9.32 with, 34.96 / 9.31 without)
CITED_TWICE_OUT = True  # of two chosen wordings that each cite the other, one is told (see summarize; development
# sets 34.90 / 9.29 with and without: for the reader, who would read one statement twice)
JUDGEMENT_OUT = True  # a wording with a loaded term and no name, date or figure is left out while others are left
# (development sets 34.86 / 9.26 without, 34.90 / 9.29 with)
RIVAL_PENALTY = 10.0  # a wording of the value fewer reports give, where one of more stands in (_mark_rival_figures)
LEAD_STANDS_IN = True  # ... another report's lead standing in for a lead
# Of one fact's wordings, one whose sums or shares fewer of its sources give loses this per source it lacks against
# the best (_mark_less_corroborated_figures). For faithfulness, not ROUGE: development sets 34.58 / 9.16 at 0 and at
# 10. (Read on counts and measures too, it cost 0.06 R-2 there: "a two-year mission", "the six-year-old boy" beside
# other wordings' durations and ages, and a wording of two facts, one count of each, read against the other's.)
FIGURE_LACK_PENALTY = 10.0
# ... and whether its corroboration bonus, and its place in the order, count only those sources too: 34.45 / 9.09
# with the penalty (the order cuts other words at 100), so not
FIGURE_AWARE_SOURCES = False
# ... and a wording of a value a later report replaced, where a wording of the latest value, of another fact and no
# more loaded, is a candidate (not a report's lead: see _mark_rival_figures), or a plan for a day a later report tells
# as gone by (_plan_overtaken). For faithfulness, not ROUGE: on the
# development sets, passed the story's disagreements, all R-1 / R-2 34.39 / 8.76 at 0, 34.40 / 8.76 at 2, 34.38 /
# 8.78 at 5, 34.36 / 8.77 at 10
STALE_PENALTY = 5.0
OVERTAKEN_PLANS = True  # a plan for a day a later report tells as gone by loses STALE_PENALTY (_plan_overtaken) ...
OVERTAKEN_WORDS = 2  # ... in this many of the plan's content words ("final results")
LEAKS_OVERTAKEN = True  # a count unnamed sources gave, which a later report gives on the record, is not taken
# ... and a wording of the latest value of a toll or an area burned gains this ("had burned 15,000 hectares by
# Wednesday morning" beside a lead's "more than 12,000 hectares"), where the latest value's reports are dated and
# later than the first value's. For faithfulness, not ROUGE: on the development sets 34.65 / 9.21 at 0, 34.66 / 9.18
# at 2 (one cluster changes: DUC 2007 D0743J-A now tells "The death toll from the powerful earthquake in Turkey has
# risen to 7,085", R-2 8.00 -> 5.54); read on every update's latest value it cost 0.05 R-2 and promoted the last of
# many noisy values ("About 200,000 tourists" after "Thousands"), and in undated reports the order says nothing of
# time (bench/results/dev-2026-12-05.md)
LATEST_BONUS = 2.0
_GROWING_COUNT = re.compile(r"(?:dead|injured|missing|displaced|area)\b")
REPLACED_ALIKE = True  # of an update, a replaced value and the latest told alike exclude each other
TRIM = 2  # 1: offer trimmed forms of each wording (leading phrase, attribution); 2: also without a trailing clause
CLAUSES = 1  # in prose, also offer each independent clause of a sentence on its own
# Who said it is part of the claim: "the wall collapsed, the council said" trimmed to "the wall collapsed"
# would turn a report of what someone said into the outlet's own assertion. Attributions stay.
KEEP_ATTRIBUTION = True
# Also offer each wording without its asides: a bracket ("the new bridge (a span of 400 metres)") and an apposition
# between commas before the verb ("Harbour Lines, the only other operator on the route, resumed ..."). The words
# left are the source's, in its order; the item lists what it leaves out (``SummaryItem.omitted``). On the
# development sets: all 34.38 / 8.78 without, 34.60 / 8.95 with (brackets alone 34.49 / 8.79, appositions alone
# 34.51 / 8.89; an age between commas 34.36 / 8.77 and a relative clause 34.28 / 8.73 were tried and not kept).
ASIDES = True
# A day named in passing is an aside too ("Police said on Tuesday that ...", "resigned yesterday"), when it is
# the report's news peg: its publication day or up to PEG_DAYS before it, which the item's citation dates (or the
# report has no date, and the day cannot be placed on a calendar). A day further back tells the story's order
# ("was last seen on Friday evening" in Wednesday's report) and stays. Development sets: all 34.23 / 8.89
# without, 34.55 / 9.16 with (paired R-2 +0.29, 95% CI [+0.05, +0.57]; DUC 2007, the dated set: 36.63 / 10.58 ->
# 37.05 / 11.10 with PEG_DAYS 2, 36.87 / 10.85 with 1: its dates come from the document ids, a day after many a
# wire's). Cutting dates too ("on Nov. 5") gave R-2 +0.06 and R-1 -0.06, and was not kept. (A first form read
# 9.21: it also cut the day from "NATO on Monday said", leaving "on" behind.)
ASIDE_DAYS = True
PEG_DAYS = 2

Style = Literal["prose", "bullets"]

# Openings that lean on a previous sentence read badly out of context.
_DANGLING = re.compile(
    # (after a list marker: "First, that inflation is running rampant" goes on from "Two things are clear:")
    r"^(?:(?:first|second|third|fourth|finally|lastly|next|plus)\s*,\s*)?"
    r"(?:but|and|or|so|yet|also|however|meanwhile|still|then|thus|therefore|instead|moreover|he|she|it|they|"
    r"his|her|its|their|this|that|these|those|there|such|the two|both|other|another|him|them|we|i|our|my|us)\b"
    # not a time ("This year, ...", "That night ...") nor an existential "there" ("There were no survivors.")
    r"(?!\s+(?:year|week|month|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn|fall|season|"
    r"quarter|time)\b)(?<!^there)"
    # a pronoun in an opening subordinate clause, before any name: "When he stopped, he found ..."
    r"|^(?:when|after|before|as|while|because|if|although|though|since|once|until|unless)\s+"
    r"(?:he|she|they|his|her|their|him|them|these|those)\b"
    # "One would require state hospitals to ...": one of the things the sentence before named
    r"|^one\s+(?:would|will|was|is|has|had|could|can|may|might|must|should|did|does)\b"
    # "Nine others were hurt in Velgrad": others than those the sentence before counted
    r"|^(?:(?:at\s+least|more\s+than|about|some|nearly|almost)\s+)?[\w,.-]+\s+others\b"
    # "Most of them reached the surface on their own": a part of a group the sentence before named
    r"|^(?:[\w-]+\s+){1,2}of\s+(?:them|these|those|us)\b",
    re.IGNORECASE,
)
# A bare definite description as the subject ("But the relief was not shared in Ostmark"): if the story
# never names its head anywhere else, the description points back to something the sentence before told in
# other words ("crowds ... cheered the news"), and a reader of the summary cannot know what it is.
_BARE_DEFINITE = re.compile(
    r"^the\s+(?:[a-z]+\s+)?([a-z]{3,})\s+(?:was|were|is|are|has|had|have|will|would|could|can|may|might|must|"
    r"should|did|does|do|came|comes|seemed|seems|appeared|appears|remains|remained|[a-z]+ed)\b",
    re.IGNORECASE)

# A small built-in set of loaded words (intensifiers, loaded verbs of saying, labels), used only when
# newsweave.compose.framing is not available.
LOADED = frozenset("""
slam slams slammed slamming blast blasts blasted lash lashed rip ripped tout touted brag bragged claim claimed
claims admit admitted admits concede conceded conceding shocking shocked stunning stunned outrage outraged
outrageous horrific horrifying horrendous brutal brutally savage savagely disastrous disaster devastating
devastated massive huge enormous chaos chaotic furious fury frenzy scandal scandalous notorious infamous
radical radicals extremist extremists thug thugs mob regime so-called alleged allegedly terror terrifying
catastrophic catastrophe heinous vicious crushing crushed embattled beleaguered controversial disgraced
""".split())


@lru_cache(maxsize=1)
def _loaded_counter() -> Callable[[str], int]:
    """How many loaded terms a text has: framing.loaded_terms when present, else the built-in list."""
    try:
        from newsweave.compose.framing import loaded_terms  # type: ignore[attr-defined]
    except ImportError:
        loaded_terms = None
    if loaded_terms is not None:
        def count(text: str) -> int:
            found = loaded_terms(text)
            return found if isinstance(found, int) else len(list(found))
        return count

    def builtin(text: str) -> int:
        return sum(1 for w in re.findall(r"[a-z][a-z-]*", text.lower()) if w in LOADED)
    return builtin


@lru_cache(maxsize=100_000)
def loaded_count(text: str) -> int:
    return _loaded_counter()(text)


# --- concepts: ROUGE-style tokens, Porter stems -----------------------------------------------------


@lru_cache(maxsize=1)
def _stem_function() -> Callable[[str], str]:
    """The Snowball English stemmer (Porter2, snowballstemmer; its C build from PyStemmer when installed,
    same stems), else nltk's Porter stemmer (the one ROUGE uses), else the lower-cased word. On the DUC
    2006/2007 dev sets the two stemmers score alike."""
    try:
        import snowballstemmer

        return lru_cache(maxsize=200_000)(snowballstemmer.stemmer("english").stemWord)
    except ImportError:
        pass
    try:
        from nltk.stem import porter

        return lru_cache(maxsize=200_000)(porter.PorterStemmer().stem)
    except ImportError:
        return lambda w: w


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"s", "t", "said", "says", "say"}


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """Tokens as rouge-score makes them: lower-cased alphanumeric runs, words over 3 letters stemmed."""
    stem = _stem_function()
    return [stem(t) if len(t) > 3 else t for t in _NON_ALNUM.sub(" ", text.lower()).split()]


def bigram_concepts(text: str) -> set[tuple[str, str]]:
    return set(_bigram_concepts(text))


@lru_cache(maxsize=100_000)
def _bigram_concepts(text: str) -> frozenset[tuple[str, str]]:
    stop = _stopwords()
    toks = rouge_tokens(text)
    return frozenset((a, b) for a, b in zip(toks, toks[1:]) if not (a in stop and b in stop))


# --- trimming: contiguous parts of a sentence, never new words --------------------------------------

_DATELINE = DATELINE  # annotate/datelines.py: "PHOENIX _", "STRAVENIK, March 10 (Kestpress) -"
_LEAD_PHRASE = re.compile(
    r"^(?:(?:on|in|at|by|after|before|during|since|following|despite|earlier|later|last|late|early|meanwhile|"
    r"also|still|now|yesterday|today|separately|elsewhere)\b[^,;:\"“”()]{0,50}?"
    # a sentence adverb is the whole phrase: in "So far Velik, 68, has named ..." the comma is not its end
    r"|(?:however|instead|nonetheless|nevertheless|overall|as a result|at the same time|for now|so far|in addition)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)[^,;:\"“”()]{0,20}?),\s+(?=\S)",
    re.IGNORECASE,
)
# A web page's label run into the first sentence: "Updated: Velik on Sunday tried to clarify ..."
_PAGE_LABEL = re.compile(r"(?:updated?|breaking(?:\s+news)?|exclusive|watch|video|analysis|developing|"
                         r"editor['’]s\s+note)\s*:\s+(?=\S)", re.IGNORECASE)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)"
_SAY = r"(?:said|says|told\s+[\w .'’-]{1,30}|reported|reports|announced|added|stated|confirmed)"
_LEAD_ATTRIBUTION = re.compile(
    rf"^[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){{0,5}}?\s+{_SAY}(?:\s+(?:on\s+|late\s+|early\s+)?{_DAYS}(?:\s+(?:night|morning|afternoon|evening))?)?"
    rf"(?:\s+in\s+a\s+statement)?(?:\s+that)?\s+(?=[\w“\"])",
    re.IGNORECASE,
)
_TRAIL_ATTRIBUTION = re.compile(
    rf",\s*(?:(?:[\w.'’-]+\s+){{0,6}}{_SAY}(?:\s+[A-Z][\w.'’-]*){{0,4}}"
    rf"|{_SAY}\s+(?:[\w.'’-]+\s*){{1,5}}|according\s+to\s+[^,;\"“”]{{1,60}})"
    rf"(?:\s+(?:on\s+|late\s+|early\s+)?{_DAYS}(?:\s+(?:night|morning|afternoon|evening))?)?"
    rf"(?:\s+in\s+a\s+statement)?(?:,\s*(?:a|an|the|his|her|its|who)\b[^\"“”]{{1,60}})?\s*[.]\s*$",
    re.IGNORECASE,
)
# Trailing parts that can go without changing what the main clause states (never "if", "unless" ...).
_TRAIL_CLAUSE = re.compile(
    r"(?:,|\s+--|\s+—)\s+(?:which|who|where|saying|adding|citing|including|according to|while|after|amid|"
    r"although|though|because|despite|following|but"
    # "as a ..." is what a verb before needs ("thought of Velik, the head of ..., as a reformer"), not a clause
    # that may go ("..., as the storm hit the coast"); ", as well as ..." may go: the rest of a list
    r"|as(?!\s+(?:a|an|one|part|much|many|long|soon|far|if|though|of|to)\b))\b",
    re.IGNORECASE,
)
# ... but a contrast may be what became of an expectation or a plan: that one stays
_CONTRAST = re.compile(r"(?:,|\s+--|\s+—)\s+(?:but|although|though)\b", re.IGNORECASE)
_EXPECTATION = re.compile(
    r"\b(?:(?:was|were|is|are|had\s+been|has\s+been)\s+(?:expected|supposed|scheduled|slated|planned|intended|due|set)\s+to"
    r"|(?:was|were)\s+to\s+be|had\s+(?:planned|hoped|intended|expected)\s+to)\b", re.IGNORECASE)


def _plan_undone(text: str, start: int, end: int, limit: int) -> bool:
    """Is ``text[start:end]`` an expectation or a plan that a contrast right after it qualifies ("Kalbajar was
    expected to be handed over on November 15, but Azerbaijan agreed to delay the takeover")? Then it may not
    stand alone."""
    return bool(_CONTRAST.match(text, end, limit) and _EXPECTATION.search(text, start, end))


# A participle clause (", appearing to question the checks on his power", ", leaving 300 homeless") may go too,
# but only when no unit fits the budget otherwise: offered always, these cuts lowered the development sets'
# ROUGE a little (R-2 8.99 -> 8.96), and a short budget is better served by a clause than by nothing.
_TRAIL_PARTICIPLE = re.compile(
    r",\s+(?!(?:thing|nothing|something|anything|everything|morning|evening|king|ring|spring|string|wing|"
    r"building|ceiling|wedding|meeting|feeling|during|bring|sing|swing|sting)\b)[a-z]{2,}ing\b")
_SPEAKER_AGAIN = re.compile(
    r"\b(?:and|but|while)\s+(?:also\s+)?(?:warned|said|added|noted|stressed|insisted|cautioned|urged|called|"
    r"promised|vowed|denied|declined|refused|told|asked|described)\b", re.IGNORECASE)
# (not "while", which opens a subordinate clause; nor "so far", "so many", "yet another": no conjunctions there)
_LEAD_CONJUNCTION = re.compile(
    r"^(?:and|but|or|yet(?!\s+(?:another|again|more)\b)|so(?!\s+(?:far|much|many|long|few|little|too|called)\b))"
    r"\s+(?=\S)", re.IGNORECASE)
# a name in apposition to the phrase's last noun, which the phrase's comma cut off: "After threatening the
# mayor's wife, Ilse Tamm, who ..., he posted ..." must not become "Ilse Tamm, who ..., he posted ..."
# (or the phrase's own apposition: "in Västmark, the heartland of royalist support, nearly two-thirds rejected it"
# is not "the heartland of royalist support, nearly two-thirds ...")
_APPOSITION_AHEAD = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+(?:who|whom|whose|which)\b"
                               r"|(?:the|a|an)\s[^,;:\"“”()]{1,60},\s")
_SUBORDINATE_START = re.compile(
    r"(?:after|before|when|whenever|while|although|though|if|because|since|despite|following|once|until|unless|"
    r"amid|as)\b", re.IGNORECASE)


_RELATIVE_START = re.compile(r",\s+(?:which|who|where)\b", re.IGNORECASE)
_ASIDE_START = re.compile(r",\s+(?:but|although|though|while|as|if)\b", re.IGNORECASE)


def _relative_mid_sentence(text: str, m: re.Match, end: int) -> bool:
    """Is the relative clause at ``m`` closed by a comma with more of the sentence after it ("information
    that the diplomat, who insisted on anonymity, said was found not to be credible")? Cutting there
    would end the sentence inside another clause. A trailing attribution after it may go ("..., which
    flooded three villages, officials said")."""
    relative = _RELATIVE_START.match(text, m.start())
    # (a list's items may be parted by semicolons: "The missing boats are the cutter Arden, which sailed in the first
    # race; B-52; and Solo Globe": the clause closes at the semicolon, and the list goes on)
    closes = [i for i in (text.find(",", m.end(), end), text.find(";", m.end(), end)) if i >= 0]
    if not closes:
        return False
    close = min(closes)
    if not relative and (not _ASIDE_START.match(text, m.start()) or len(text[m.end():close].split()) > 2):
        # a short aside between commas ("based on the widely cited, but contested, estimate", "is, as ever,
        # driving a hard bargain") is inside the sentence too; a longer clause may have commas of its own
        return False
    rest = text[close:end]
    attribution = _TRAIL_ATTRIBUTION.match(rest) and not re.match(rf",\s*{_SAY}\b", rest, re.IGNORECASE)
    return len(rest.split()) > 1 and not attribution


def trims(text: str, participles: bool = False) -> list[tuple[int, int]]:
    """Relative (start, end) spans of ``text`` worth offering: the whole (less a dateline or a leading
    conjunction), and forms without a leading phrase, a leading or a trailing attribution."""
    s, e = 0, len(text.rstrip())
    m = _DATELINE.match(text)
    if m:
        s = m.end()
    m = _PAGE_LABEL.match(text, s)
    if m:
        s = m.end()
    m = _LEAD_CONJUNCTION.match(text[s:])
    if m:
        s += m.end()
    spans = {(s, e)}
    if not TRIM:
        return [(s, e)]
    quoted = any(q in text for q in "\"“”")
    starts = {s}
    m = _LEAD_PHRASE.match(text[s:])
    if m and not _APPOSITION_AHEAD.match(text, s + m.end()):
        starts.add(s + m.end())
    if not quoted and not KEEP_ATTRIBUTION:
        for s0 in list(starts):
            m = _LEAD_ATTRIBUTION.match(text[s0:])
            # Not when the speaker is also the subject of a later verb ("X said ..., but warned that ...").
            if m and not _SPEAKER_AGAIN.search(text, s0 + m.end()):
                starts.add(s0 + m.end())
    ends = {e}
    if not quoted and not KEEP_ATTRIBUTION:
        m = _TRAIL_ATTRIBUTION.search(text[:e])
        if m and m.start() > s:
            ends.add(m.start())
    # A sentence that opens with a subordinate clause or phrase has its main clause after it ("After threatening
    # to spill the beans on Mr. Cruz's wife, Heidi Cruz, who ..., he retweeted ..."): a cut at a later ", who"
    # must keep a main clause after the opening one, not only a name ("Heidi Cruz").
    opening = text.find(",", s, e) if _SUBORDINATE_START.match(text, s) else -1
    if TRIM >= 2:
        cuts = list(_TRAIL_CLAUSE.finditer(text, s, e))
        if participles:
            cuts += list(_TRAIL_PARTICIPLE.finditer(text, s, e))
        for m in cuts:
            head = text[:m.start()]
            if opening >= 0 and len(text[opening + 1:m.start()].split()) < 4:
                continue
            if _relative_mid_sentence(text, m, e):
                continue
            if _plan_undone(text, s, m.start(), e):
                continue  # "X was expected to ... on November 15, but the takeover was delayed": the plan without what became of it
            if len(text[s:m.start()].split()) >= MIN_WORDS and _balanced_quotes(head):
                ends.add(m.start())
    spans = {(a, b) for a in starts for b in ends if len(text[a:b].split()) >= 4}
    return sorted(spans) or [(s, e)]


# what comes after an apposition's closing comma: the verb its noun is the subject of
_VERBISH = (r"(?:said|says|say|was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|told|"
            r"added|announced|did|does|do|[a-z]+ed)\b")
_BRACKET = re.compile(r"\s\([^()\"“”]{1,80}\)")
_APPOSITION = re.compile(r",\s(?:the|a|an)\s[^,;:\"“”()]{1,60}?,(?=\s+" + _VERBISH + ")")
# an acronym's bracket is kept: later items may use it ("the Federal Bureau of Investigation (FBI)")
_ACRONYM_BRACKET = re.compile(r"\s\([A-Z][A-Za-z.&-]{1,9}\)")
_WEEKDAY_ASIDE = re.compile(
    # ("early on Tuesday" goes whole: "seized the broadcaster early" would be left holding "early")
    r"(?<=[a-z])\s+(?:(?:late|early)\s+(?=on\s))?(?:on\s+)?(?:(?:late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|yesterday|today|tonight|last\s+night)"
    r"(?:\s+(?:night|morning|afternoon|evening))?(?=[\s,.;])"
    # (not one end of a range or a list of days, nor a day given a date or a name after it: "Sunday, Nov. 5",
    # "the Sunday Times")
    r"(?![\s,]+(?:(?:and|or|to|through|until|till)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?-i:[A-Z])|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))"
    r"(?!\s+(?:night|morning|afternoon|evening)['’])", re.IGNORECASE)
_NOT_BEFORE_DAY = frozenset("by until till since for from to before after of on at in next last this that every and or each "
                            "through between the a an its his her their our your my "
                            # the day is what the sentence states: "The vote will be held Sunday", "is due Friday"
                            "is was are were be been being held scheduled slated set planned due expected".split())


def asides(text: str, day_cut: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """Relative (start, end) spans of ``text`` a summary may leave out: a bracket (not an acronym's), an
    apposition between commas that a verb follows ("Nadia Orlov, a poet who turned to plays in 1994, is also the
    author of ..."), and a day named in passing ("said on Tuesday that") where ``day_cut(start, end)`` allows it
    (without ``day_cut`` days stay). Never inside a quote, which is given as said, nor at the start."""
    out: list[tuple[int, int]] = []
    days = []
    if ASIDE_DAYS and day_cut is not None:
        for m in _WEEKDAY_ASIDE.finditer(text):
            before = text[:m.start()].split()
            if before and before[-1].islower() and before[-1] not in _NOT_BEFORE_DAY and day_cut(m.start(), m.end()):
                days.append(m)
    for m in [*_BRACKET.finditer(text), *_APPOSITION.finditer(text), *days]:
        # (a quote opened before it and not closed: the aside is inside the quote)
        if m.start() == 0 or not _balanced_quotes(text[:m.start()]) or _ACRONYM_BRACKET.fullmatch(m.group()):
            continue
        if not any(a < m.end() and m.start() < b for a, b in out):
            out.append((m.start(), m.end()))
    return sorted(out)


def _news_peg(d: AnnotatedArticle, start: int, end: int) -> bool:
    """May the day at ``text[start:end]`` of ``d`` go from a wording? When it is the report's news peg (its
    publication day or up to PEG_DAYS before: "Ostmark promised on Thursday" in Thursday's or Friday's paper),
    which the item's citation dates; or when the report has no date, so that the day cannot be placed on a
    calendar anyway. A day further back tells the story's order ("was last seen on Friday evening" in Wednesday's
    report) and stays, as does one the date annotator did not place."""
    published = d.article.published
    if not published:
        return True
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return True
    for t in d.timexes:
        if t.start < end and start < t.end and (day := day_of(t)):
            try:
                return 0 <= (pub - date.fromisoformat(day)).days <= PEG_DAYS
            except ValueError:
                return False
    return False


def without(text: str, cuts: Sequence[tuple[int, int]]) -> str:
    """``text`` less the relative spans ``cuts`` (sorted, not overlapping)."""
    pieces, last = [], 0
    for a, b in cuts:
        pieces.append(text[last:a])
        last = b
    pieces.append(text[last:])
    return "".join(pieces)


def surface(raw: str) -> str:
    """A span as summary text: exactly the source's characters (``text[start:end]``), so every summary
    item can be checked against its evidence character for character. A trimmed clause keeps its
    lower-case start and missing full stop rather than gain characters the source does not have."""
    return raw.strip()


# --- units ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Unit:
    article: str
    sentence: int  # sentence index in its article
    start: int
    end: int
    text: str
    words: int
    position: float  # sentence index in the article's body
    concepts: set[tuple[str, str]]
    facts: list[int] = field(default_factory=list)  # indices into the story's fact list
    loaded: int = 0
    slots: int = 0
    bonus: float = 0.0
    previous: int | None = None  # the index of the body sentence before it in its article (None for the first)
    requires: int | None = None  # a unit that leans on the sentence before is chosen only with it: its index
    excludes: list = field(default_factory=list)  # units of other sentences that say all it says, and more
    cuts: list[tuple[int, int]] = field(default_factory=list)  # absolute spans of [start, end) left out of text (asides)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def summarize(docs: Sequence[AnnotatedArticle], *, words: int = DEFAULT_WORDS, published: dict[str, str | None] | None = None,
              index: SentenceIndex | None = None, facts: Sequence | None = None, style: Style = "prose",
              reuse: list[dict] | None = None, disagreements: Sequence[dict] | None = None) -> list[SummaryItem]:
    """The consensus summary, at most ``words`` words in all.

    ``facts`` are the story's aligned facts (:func:`newsweave.align.facts.align_facts`); without them each
    sentence stands for itself. ``style="prose"`` gives whole sentences (trimmed of datelines, leading
    phrases and attributions at most); ``style="bullets"`` gives one fact per item, as the clause that states
    it when the fact is one clause of a longer sentence. ``reuse`` (the story's text reuse findings) tells
    which of an item's sources copy each other, for its ``independent_sources``; ``disagreements`` (the story's
    disagreements) keep two wordings of rival values out of one summary, and a report of a rival value out of
    an item's citations."""
    if style not in ("prose", "bullets"):
        raise ValueError(f"style must be 'prose' or 'bullets', not {style!r}")
    if not docs or words <= 0:
        return []
    from newsweave.compose.select import select

    published = published or {d.article.id: d.article.published for d in docs}
    facts = list(facts or [])
    units, fact_of_claim = _units(docs, facts, style, max_words=max(MAX_WORDS, int(words * MAX_SHARE)))
    if not any(u.words <= words for u in units):
        # Every wording is long (a story told in a few long sentences): rather than nothing, allow
        # whatever fits the budget.
        units, fact_of_claim = _units(docs, facts, style, max_words=max(words, MAX_WORDS), participles=True)
    if not units:
        return []

    weight = concept_weights(docs, facts)
    by_article_of = {d.article.id: d for d in docs}

    index = index or _lazy_index(docs)
    central = _centrality(docs, index)
    sentences = {(u.article, u.sentence) for u in units}
    story_stems: Counter[str] = Counter()
    sentence_start = {(d.article.id, s.index): s.start for d in docs for s in d.sentences}
    texts = {d.article.id: d.article.text for d in docs}
    agreeing: dict[int, dict[int, int]] = {}  # id(unit) -> fact -> the independent sources that give its figures
    for u in units:
        u.concepts &= weight.keys()
        independent = _independent(u, facts, by_article_of[u.article] if FIGURE_AWARE_SOURCES else None)
        if facts:
            agreeing[id(u)] = _sources_per_fact(u, facts, by_article_of[u.article])
        u.bonus = (POSITION_BONUS * max(0.0, 1.0 - u.position / POSITION_DECAY)
                   + CORROBORATION_BONUS * max(0, independent - 1)
                   + SLOT_BONUS * u.slots
                   + WORD_BONUS * u.words
                   + CENTRALITY_BONUS * central.get((u.article, u.sentence), 0.0))
        if (_DANGLING.match(u.text) or _pronoun_after_opening(u.text) or _back_pointing_cut(u, sentence_start, texts)
                or _told_before_in_other_words(u, docs, story_stems)):
            if u.previous is not None and (u.article, u.previous) in sentences:
                u.requires = u.previous
                u.bonus -= DANGLING_WITH_PREVIOUS
            else:
                u.bonus -= DANGLING_PENALTY
        if any(q in u.text for q in "\"“”"):
            u.bonus -= QUOTE_PENALTY
        u.bonus -= LOADED_PENALTY * u.loaded
    units = [u for u in units if u.concepts or u.bonus > 0]
    # (a story told only in loaded words is still told)
    units = [u for u in units if u.loaded <= MAX_LOADED] or units
    if JUDGEMENT_OUT:
        # a loaded wording that names no one, no day and no figure states a judgement, not a fact: "The greedy bankers
        # who gambled away savers' money will walk away scot-free" (in a story written all in lower case, where no
        # report capitalises a name inside a sentence, no name can be told, and the rule does not apply: Multi-News's
        # lower-cased copy lost 0.43 R-2 to it)
        if any(_NAME_INSIDE.search(d.article.text) for d in docs):
            units = [u for u in units if not (u.loaded and not u.slots)] or units
    if not units:
        return []
    _mark_contained(units)
    copied = copied_passages(reuse)
    outlets = outlet_keys(docs)
    _mark_rival_figures(units, disagreements or (), copied, outlets, published)
    if facts:
        _mark_less_corroborated_figures(units, agreeing)
    leaked: set[int] = set()
    later_than: dict[str, list[AnnotatedArticle]] = {}  # (the reports published after a day, once per day)
    for u in units:
        day = str(published.get(u.article) or "")[:10]
        if not day:
            continue
        if day not in later_than:
            later_than[day] = [d for d in docs if str(published.get(d.article.id) or "")[:10] > day]
        later = later_than[day]
        if OVERTAKEN_PLANS and _plan_overtaken(u, by_article_of[u.article], later):
            u.bonus -= STALE_PENALTY
        elif LEAKS_OVERTAKEN and _leak_overtaken(u, by_article_of[u.article], later):
            leaked.add(id(u))  # (its many words would outweigh any penalty: "preparing to cut up to 12,000 jobs")
        elif LEAKS_OVERTAKEN and _no_comment_overtaken(u, by_article_of[u.article], later):
            u.bonus -= STALE_PENALTY
    units = [u for u in units if id(u) not in leaked] or units

    by_article = {d.article.id: d for d in docs}
    cited: dict[int, SummaryItem] = {}
    for _round in range(3 if CITED_TWICE_OUT else 1):
        chosen = select(units, weight, words)
        for u in chosen:
            if id(u) not in cited:
                cited[id(u)] = _without_rival_values(_cite(u, by_article, facts, index), disagreements or ())
        if not CITED_TWICE_OUT:
            break
        # one statement in two chosen wordings, each citing the other's words ('"The fire has been put out and there
        # is no danger to residents," Nurmagambetov told reporters' / "Nurmagambetov said the fire had been extinguished
        # and that residents were not in danger"): the plainer wording (fewer loaded terms), then the one more reports
        # give, is told, and the budget chosen again without the other
        kept: list[Unit] = []
        # (and a wording that tells only a count another chosen wording gives, the same figure of one kind: "Forty-seven
        # troublemakers were detained, the interior ministry said" beside "The ministry put the number of people
        # detained at 47": the plainer wording, then the one more reports give, is told)
        only = {id(u): _count_only(u, by_article[u.article]) for u in chosen} if COUNT_TOLD_TWICE else {}
        for u in sorted(chosen, key=lambda u: (u.loaded, -len(cited[id(u)].sources), u.position, u.article, u.start)):
            if not any(_cites_span(cited[id(k)], u) and _cites_span(cited[id(u)], k) for k in kept) and not (
                    only.get(id(u)) and any(_gives_count(k, by_article[k.article], only[id(u)]) for k in kept)):
                kept.append(u)
        if len(kept) == len(chosen):
            break
        dropped = [u for u in chosen if not any(u is k for k in kept)]
        # (and the shorter forms of the wording left out, its clauses: they tell part of what the kept one tells)
        units = [u for u in units if not any(d.article == u.article and d.start <= u.start and u.end <= d.end
                                             for d in dropped)]

    def order_key(u: Unit):
        # (a report's first sentence, its lead, counts as one more source: what the reporter put first; a
        # statement is placed when the first report that states it came out, whichever wording is shown)
        date = min((published.get(a) or "9999-99-99" for a in {u.article, *cited[id(u)].sources}), default="9999-99-99")
        own = published.get(u.article) or "9999-99-99"
        # (of two statements alike in all that, the one whose own wording came out first: the day's wire lead before a
        # next-day report's lead, not the order of their ids)
        return (date, _looks_ahead(u, by_article[u.article], own),
                -(_independent(u, facts, by_article[u.article] if FIGURE_AWARE_SOURCES else None) + (u.position == 0)),
                round(u.position / POSITION_DECAY, 1), own, u.article, u.start)

    items = []
    for u in _after_what_they_lean_on(sorted(chosen, key=order_key)):
        item = cited[id(u)]
        spans: dict[str, tuple[int, int]] = {}
        for e in item.evidence:
            spans.setdefault(e.article, (e.start, e.end))
        item.independent_sources = len(origins(spans, copied, outlets))
        items.append(item)
    return items


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NAME_INSIDE = re.compile(r"[a-z,] [A-Z][a-z]")  # a capitalised word inside a sentence: the text writes names so


def _cites_span(item: SummaryItem, u: Unit) -> bool:
    """Does the item cite, as another report's support, most of unit ``u``'s own words?"""
    return any(e.article == u.article and _overlap(u.start, u.end, e.start, e.end) >= 0.5 * (u.end - u.start)
               for e in item.evidence[1:])


def _days_named(u: Unit, doc: AnnotatedArticle, leave_out: set[tuple[int, int]] | frozenset = frozenset()) -> list[str]:
    """The days (YYYY-MM-DD) the unit's own date expressions name, but for those that date a thing it names
    rather than what it tells ("a premium of 28% to Brisk's closing price on Monday"), and those inside the
    ``leave_out`` spans."""
    return [str(t.value)[:10] for t in doc.timexes if u.start <= t.start and t.end <= u.end
            and _DAY_VALUE.match(str(t.value)) and (t.start, t.end) not in doc.date_phrases
            and not any(a <= t.start and t.end <= b for a, b in leave_out)]


def _looks_ahead(u: Unit, doc: AnnotatedArticle, published: str) -> bool:
    """Is every day the unit names after its report's day ("The unions have called a general strike for
    Thursday" in Saturday's report)? What comes next is told after what happened, within a day's reports."""
    days = _days_named(u, doc)
    return bool(days) and all(d > published[:10] for d in days)


def _plan_overtaken(u: Unit, doc: AnnotatedArticle, later: Sequence[AnnotatedArticle]) -> bool:
    """Is the unit a plan for a day that a later report tells as gone by, in words of the plan ("Final results are
    expected on Monday" in Sunday's report; "according to final results published by the election commission on
    Monday" in Tuesday's)? The plan has happened, or not, and the later report tells which: the plan is old news.
    (Only so: a plan no later report comes back to is still the story's last word on it.)"""
    claims = [c for c in doc.claims if _overlap(u.start, u.end, c.start, c.end) > 0]
    if not claims or not all(c.modality == "planned" for c in claims):
        return False
    # (the day it was said is not the plan's: "WADA said on Thursday it would appeal"; nor one the wording leaves out)
    days = set(_days_named(u, doc, _saying_days(doc, u.start, u.end) | set(u.cuts)))
    if not days:
        return False
    stop = _stopwords() | _CALENDAR_WORDS
    words = {w for w in rouge_tokens(u.text) if w not in stop and not w.isdigit()}
    for other in later:
        for t in other.timexes:
            if str(t.value)[:10] not in days:
                continue  # (a noun phrase's day tells it too: "final results published ... on Monday")
            # (a day in a claim's attribution tells that the saying happened then: "Veltrax plans to eliminate 9,500
            # positions, the company said on Tuesday" tells Tuesday's announcement, whatever the plan it announced)
            told = [c for c in other.claims if c.start <= t.start and t.end <= c.end
                    and (c.modality != "planned" or in_attribution(c, t.start, t.end))]
            if any(len(words & set(rouge_tokens(c.text))) >= OVERTAKEN_WORDS for c in told):
                return True
    return False


# An attribution to sources the report does not name: "people familiar with the matter said", "according to people
# briefed on the talks", "two sources said", "said an official who spoke on condition of anonymity"
_UNNAMED_SOURCE = re.compile(
    r"\b(?:familiar\s+with|(?:with|have|has|had)\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|close\s+to\s+the\s+"
    r"(?:matter|talks|deal|negotiations|company|decision|plans?)|sources?\b|insiders?\b|"
    r"condition\s+of\s+anonymity|not\s+(?:to\s+be|being)\s+(?:named|identified)|not\s+authori[sz]ed\s+to)",
    re.IGNORECASE)


def _unnamed_source(c, text: str) -> bool:
    return bool(c.attribution) and any(_UNNAMED_SOURCE.search(text, s, e) for s, e in c.attribution)


def _leak_overtaken(u: Unit, doc: AnnotatedArticle, later: Sequence[AnnotatedArticle]) -> bool:
    """Does the unit give a count that sources its report does not name gave ("Veltrax is preparing to cut up to
    12,000 jobs, people familiar with the matter said on Monday"), of a kind a later report gives on the record
    ("Veltrax will cut 9,500 jobs, the company said on Tuesday")? The leak is then old news: what was announced
    stands in for it, whether it bore the leak out or not."""
    text = doc.article.text
    kinds = {k[0] for c in doc.claims if _overlap(u.start, u.end, c.start, c.end) > 0 and _unnamed_source(c, text)
             and (k := one_count(c))}
    if not kinds:
        return False
    return any((k := one_count(c)) and k[0] in kinds and not _unnamed_source(c, other.article.text)
               for other in later for c in other.claims)


_NO_COMMENT = re.compile(r"\b(?:declined|refused|would\s+not|did\s+not\s+want)\s+to\s+comment\b", re.IGNORECASE)


def _no_comment_overtaken(u: Unit, doc: AnnotatedArticle, later: Sequence[AnnotatedArticle]) -> bool:
    """Is the unit a refusal to comment ("A Veltrax spokesman declined to comment") by someone a later report has
    speak on the matter (an attributed statement that names them: "Veltrax will cut 9,500 jobs, the company said")?
    What they said since is the story's word from them."""
    if not _NO_COMMENT.search(u.text):
        return False
    named = {e for c in doc.claims if _overlap(u.start, u.end, c.start, c.end) > 0 for e in c.entities}
    return bool(named) and any(c.attributed and named & set(c.entities) for other in later for c in other.claims)


def _tells_a_day_gone_by(u: Unit, doc: AnnotatedArticle) -> bool:
    """Does the unit name a day on or before its report's day ("weakened to a tropical storm on Monday")? Not the
    day of its saying ("is recalling about 412,000 vehicles ..., the carmaker said on Wednesday" tells a recall
    under way, which "will recall 412,316 cars" states too)."""
    published = str(doc.article.published or "")[:10]
    return bool(published) and any(d <= published for d in _days_named(u, doc, _saying_days(doc, u.start, u.end)))


MIN_CONTAINED_WORDS = 3  # content words a wording needs before another's can be said to hold it all


def _mark_contained(units: Sequence[Unit]) -> None:
    """Units whose every content word another sentence's unit also has ("Police said 12 people were
    arrested" beside "Police said 12 people were arrested after a group smashed shop windows") exclude each
    other: the pair would tell the reader one thing twice. (Concept weights miss this when the shorter
    wording earns its place by its bonus alone.)"""
    stop = _stopwords()
    words = [frozenset(t for t in rouge_tokens(u.text) if t not in stop) for u in units]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            holders[w].append(i)
    for i, ws in enumerate(words):
        if len(ws) < MIN_CONTAINED_WORDS:
            continue
        rarest = min(ws, key=lambda w: len(holders[w]))
        for j in holders[rarest]:
            v = units[j]
            if (j != i and (v.article, v.sentence) != (units[i].article, units[i].sentence)
                    and len(words[j]) > len(ws) and ws <= words[j]):
                units[i].excludes.append(v)


def _mark_less_corroborated_figures(units: Sequence[Unit], per_fact: dict[int, dict[int, int]]) -> None:
    """Of one fact's wordings, one whose figures fewer of its sources give loses FIGURE_LACK_PENALTY per source it
    lacks against the best: the fact is told in the figures most reports give ("for a club-record fee of 85 million
    pounds", in two, not another's "for 99 million euros", the same deal in another currency, which only it gives
    and which would be cited to it alone). ``per_fact``: id(unit) -> fact -> its sources (_sources_per_fact)."""
    best: dict[int, int] = defaultdict(int)
    for u in units:
        for f, n in per_fact.get(id(u), {}).items():
            best[f] = max(best[f], n)
    for u in units:
        lack = max((best[f] - n for f, n in per_fact.get(id(u), {}).items()), default=0)
        if lack > 0:
            u.bonus -= FIGURE_LACK_PENALTY * lack


def _mark_rival_figures(units: Sequence[Unit], disagreements: Sequence[dict], copied: dict | None = None,
                        outlets: dict[str, str | None] | None = None, published: dict[str, str | None] | None = None) -> None:
    """Units of different sentences that give values of one disagreement ("Brisk shares soared 26 per cent" /
    "Shares of Brisk closed 24% higher"; "will reopen on June 20" / "on June 21") exclude each other: they tell
    one thing twice, and the one kept is marked disputed for the reader to see the other values
    (:func:`mark_disputed`). Which one: of a contradiction,
    a unit on the side fewer reports give loses RIVAL_PENALTY per report it lacks when a wording of its fact on a
    bigger side can stand in for it ("beat Ostrel City 3-2" in one report against "3-1" in two). Differing
    estimates are told as whichever wording says more, marked "estimates differ"; of an update, a wording of a
    value a later report replaced loses RIVAL_PENALTY where a wording of the latest exact value can stand in (of its
    fact), STALE_PENALTY where one of another fact, no more loaded, is a candidate (but for a report's lead), and
    two wordings of one value exclude each other."""
    at: dict[str, list[tuple[int, int]]] = defaultdict(list)  # article -> (unit start, unit's index)
    for i, u in enumerate(units):
        at[u.article].append((u.start, i))
    # the values each update moves through, as (article, value start) per position: values of one count told over
    # time are no rivals where a contradiction holds them too ("at least 112" / "164" / "171" of the ministry,
    # against the activists' "at least 300")
    moves = [[{(ev["article"], ev.get("value_start")) for ev in p.get("evidence", [])} for p in d.get("positions", [])]
             for d in disagreements if d.get("status") == "update"]

    def one_move(x: dict, y: dict) -> bool:
        kx = {(ev["article"], ev.get("value_start")) for ev in x.get("evidence", [])}
        ky = {(ev["article"], ev.get("value_start")) for ev in y.get("evidence", [])}
        return any(any(kx & v for v in m) and any(ky & v for v in m) for m in moves)

    def sources_named(p: dict) -> set[str]:
        return {said.split()[-1].lower() for ev in p.get("evidence", []) if (said := ev.get("said_by"))}

    def rival_sources(x: dict, y: dict) -> bool:
        # each value is a named source's, and none is the other's ("the health ministry said" 41 / "according to the
        # WHO" 58 in two reports): more reports of one source's figure do not make the other source's wrong
        sx, sy = sources_named(x), sources_named(y)
        return bool(sx) and bool(sy) and not sx & sy

    def independent(p: dict) -> int:
        # (copies of one wire text count once: "killing at least 112 people" in the wire and in its copy)
        return len(origins({ev["article"]: (ev["start"], ev["end"]) for ev in p.get("evidence", [])}, copied, outlets)) \
            if copied is not None else len(set(p.get("sources", [])))

    def told_later(d: dict, k: int) -> bool:
        # (position k's reports are all dated, and later than the first position's: in undated reports the order of
        # the values says nothing of time)
        days = [[str((published or {}).get(ev["article"]) or "")[:10] for ev in p.get("evidence", [])]
                for p in d.get("positions", [])]
        return all(days[k]) and all(days[0]) and min(days[k]) > max(days[0])

    for d in disagreements:
        if d.get("kind") not in ("number", "date"):
            continue  # (a claim denied is told with the words it shares with its denial: no rival wording)
        holding: set[int] = set()
        side_of: dict[int, int] = {}
        for k, p in enumerate(d.get("positions", [])):
            for ev in p.get("evidence", []):
                value = ev.get("value_start")
                if value is None:
                    continue
                for start, i in at.get(ev["article"], ()):
                    if start <= value < units[i].end:
                        holding.add(i)
                        side_of.setdefault(i, k)
        positions = d.get("positions", [])
        if d.get("status") == "contradiction":
            counts = [independent(p) for p in positions]
            for i, k in side_of.items():
                # (only where a wording of the same fact on a side more reports give stands in for it: a lead
                # that alone tells the event is not given up for one of its figures; or, for a lead, another
                # report's lead, which tells the event too: "have signed Brisa forward Dario Venn for a club-record
                # fee of 85 million pounds" in two reports for the tabloid's "have splashed a staggering £100million
                # on goal machine Dario Venn")
                more = max((counts[side_of[j]] for j in side_of
                            if counts[side_of[j]] > counts[k] and not one_move(positions[k], positions[side_of[j]])
                            and not rival_sources(positions[k], positions[side_of[j]])
                            and (set(units[j].facts) & set(units[i].facts)
                                                                    or LEAD_STANDS_IN
                                                                    and units[i].position == units[j].position == 0)),
                           default=0)
                if more:
                    units[i].bonus -= RIVAL_PENALTY * (more - counts[k])
        if d.get("status") == "update":
            # A value a later report replaced is told in that report's wording where one of the same fact can
            # stand in ("killing 12 people", the corrected toll, not the first report's "killing 21 people"); the
            # wordings of different values do not exclude each other (a later one tells what changed: "The death
            # toll rose to four overnight"). The positions of an update are in the order they were told, and the
            # latest is the last exact value (a later bound, "at least 29" after "31 people", replaces nothing).
            latest = latest_position(d)
            for i, k in side_of.items():
                if k == latest and latest > 0 and _GROWING_COUNT.match(d.get("subject", "")) and told_later(d, latest):
                    # a toll or an area burned as it stands now is news the first value is not (only those: the
                    # last value of another count a later report gives is seldom its update)
                    units[i].bonus += LATEST_BONUS
                if k != latest and any(side_of[j] == latest and set(units[j].facts) & set(units[i].facts)
                                       for j in side_of):
                    units[i].bonus -= RIVAL_PENALTY
                elif (k != latest and units[i].position > 0
                      and any(side_of[j] == latest and units[j].loaded <= units[i].loaded for j in side_of)):
                    # ("The Cedar Ridge fire was 10% contained" against "... push containment to 25%" of a later report;
                    # not a report's lead, which tells the event as well as the figure, and not for a more loaded
                    # wording: "A crazed gunman slaughtered five innocent shoppers and injured nine more" does not push
                    # out the wire's lead for its newer count of the injured)
                    units[i].bonus -= STALE_PENALTY
            # Two wordings of one value ("Two people were injured" / "At least two people were hurt") tell it
            # twice: one of them is enough. So are a replaced value and the latest, told alike ("Turnout was 61%" /
            # "Turnout was 62.3 percent"), which read side by side as a contradiction; not where the latest wording
            # tells the move, which the earlier value sets up ("Two people died." ... "The death toll rose to four
            # overnight."), nor a report's lead, which tells the event as well as its figure.
            for i, j in combinations(sorted(side_of), 2):
                a, b = units[i], units[j]
                if (a.article, a.sentence) == (b.article, b.sentence):
                    continue
                if side_of[i] == side_of[j]:
                    a.excludes.append(b)
                elif REPLACED_ALIKE and latest in (side_of[i], side_of[j]):
                    old, new = (a, b) if side_of[j] == latest else (b, a)
                    if old.position > 0 and not _TELLS_MOVE.search(new.text):
                        old.excludes.append(new)
            continue
        value_at = {i: ev.get("value_start") for p in positions for ev in p.get("evidence", [])
                    for i in holding if ev["article"] == units[i].article
                    and ev.get("value_start") is not None and units[i].start <= ev["value_start"] < units[i].end}
        held: dict[int, set[int]] = defaultdict(set)  # unit -> the positions it gives
        for k, p in enumerate(positions):
            for ev in p.get("evidence", []):
                for start, i in at.get(ev["article"], ()):
                    if ev.get("value_start") is not None and start <= ev["value_start"] < units[i].end:
                        held[i].add(k)
        for i, j in combinations(sorted(holding), 2):
            a, b = units[i], units[j]
            if d.get("status") == "estimate" and (len(held[i]) > 1 and b.position == 0 or len(held[j]) > 1 and a.position == 0):
                continue  # a report's lead tells the event; the sentence that sets the estimates side by side ("Police
                # put the crowd at 40,000, while the organisers said 150,000") tells the dispute: no telling twice
            if i in side_of and j in side_of and side_of[i] != side_of[j] \
                    and one_move(positions[side_of[i]], positions[side_of[j]]):
                continue  # (values of one count told over time: their update decides, above)
            if (i in side_of and j in side_of and side_of[i] != side_of[j]
                    and rival_sources(positions[side_of[i]], positions[side_of[j]])
                    and all(_names_its_source(units[k], positions[side_of[k]]) for k in (i, j))):
                continue  # each value told as its own source's ("Varnia's government forecast a deficit of 3.4%" /
                # "... will drive the deficit to 4.1 per cent, ..., opposition leader Mirko Sala said"): both may stand
            if (a.article, a.sentence) != (b.article, b.sentence):
                if side_of.get(i) == side_of.get(j) and (_value_in_aside(a, value_at.get(i)) or _value_in_aside(b, value_at.get(j))):
                    continue  # (one of them only mentions the value: see _value_in_aside)
                a.excludes.append(b)


def _names_its_source(u: Unit, position: dict) -> bool:
    """Does the unit's own wording name who gives its value (the source the disagreement cites for it)?"""
    said = [ev.get("said_by") for ev in position.get("evidence", [])
            if ev["article"] == u.article and u.start <= ev.get("value_start", ev["start"]) < u.end]
    return bool(said) and all(s and s.lower() in u.text.lower() for s in said)


# what a sentence refers to when it names a value inside a noun's clause: "appeal against the decision to cut her
# ban to two years" tells the appeal, not the cut
_REFERRED = re.compile(r"\b(?:decision|ruling|move|plan|order|verdict|judg(?:e)?ment|bid|attempt|proposal|request|"
                       r"call|offer|vote|deal|agreement)\s+(?:to|that)\b[^.;:]*$"
                       # ... or inside what another act is "in connection with" ("arrested two men in connection with
                       # Sunday's theft of jewels worth 88 million euros" tells the arrests)
                       r"|\b(?:in\s+connection\s+with|over|following)\s+(?:the|a|an|last|this|[A-Z]\w+['’]s)\s+[^.;:,]*$"
                       # ... or as the whole another figure is a part of ("released 10 of the 23 crew members" tells the
                       # release, not the crew's number)
                       r"|\b(?:\d[\d,.]*|[a-z]+)\s+of\s+(?:the|its|their|all)\s+$",
                       re.IGNORECASE)


def _value_in_aside(u: Unit, value_start: int | None) -> bool:
    """Does the unit give the value only inside a clause of a noun after its own verb ("WADA said it would appeal
    against the decision to cut her ban to two years")? Then it tells something else, and another wording of the
    same value does not tell it twice."""
    if value_start is None or u.cuts:
        return False
    return bool(_REFERRED.search(u.text[:max(0, value_start - u.start)]))


_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)  # "On Monday, he ...": a day names no one
# A leading phrase that points back ("After that, ...", "In response, ..."): trimmed off, the rest still leans
_BACK_POINTING = re.compile(r"\b(?:that|this|these|those|then|it|he|she|they|him|them|his|her|their|response|"
                            r"addition|turn|contrast|return)\b", re.IGNORECASE)
_OPENING_THEN_PRONOUN = re.compile(r"((?:[^,;:\"“”()]{1,80},\s+){1,3}?)(?:he|she|they|his|her|their|him|them)\b",
                                   re.IGNORECASE)


def _pronoun_after_opening(text: str) -> bool:
    """Does the main clause start with a pronoun after an opening phrase that names no one ("On Thursday, in
    a sharp rebuke of the mayor, she decided ...", "After that, they ...")? Whom it means was
    told before. ("When Velik arrived, he said ..." names him in the opening.)"""
    m = _OPENING_THEN_PRONOUN.match(text)
    if not m:
        return False
    opening = m.group(1)
    names = [w for w in re.findall(r"\b[A-Z][\w'’.-]*", opening[1:]) if w.lower().rstrip(".") not in _CALENDAR_WORDS]
    return not names


def _back_pointing_cut(u: Unit, sentence_start: dict[tuple[str, int], int], texts: dict[str, str]) -> bool:
    """Was ``u`` cut from after a leading phrase that points back ("After that, according to the court
    papers, the firm asked for more")? The cut hides the pointer, not the leaning."""
    start = sentence_start.get((u.article, u.sentence))
    if start is None or not 0 < u.start - start <= 80:
        return False
    prefix = texts[u.article][start:u.start].rstrip()
    return prefix.endswith(",") and bool(_BACK_POINTING.search(prefix))


def _told_before_in_other_words(u: Unit, docs: Sequence[AnnotatedArticle], stems: Counter[str]) -> bool:
    """Does ``u`` open on a bare definite description whose head no other sentence of the story uses (see
    _BARE_DEFINITE)? ``stems`` counts the sentences each stem occurs in, filled on first use."""
    m = _BARE_DEFINITE.match(u.text)
    if not m or u.previous is None:
        return False  # an article's first sentence introduces what it names
    if not stems:
        for d in docs:
            for s in d.sentences:
                stems.update(set(rouge_tokens(s.text)))
    head = rouge_tokens(m.group(1))
    return bool(head) and stems[head[0]] <= 1


def _after_what_they_lean_on(ordered: list[Unit]) -> list[Unit]:
    """The order with each unit that leans on its sentence before ("He added ...") moved right after the
    chosen unit of that sentence (the selection takes it only with one)."""
    dependents: dict[tuple[str, int], list[Unit]] = defaultdict(list)
    for u in ordered:
        if u.requires is not None:
            dependents[(u.article, u.requires)].append(u)
    placed: set[int] = set()
    out: list[Unit] = []

    def place(u: Unit) -> None:
        if id(u) in placed:
            return
        placed.add(id(u))
        out.append(u)
        for d in dependents.get((u.article, u.sentence), ()):
            place(d)

    for u in ordered:
        if u.requires is None or not any(v.article == u.article and v.sentence == u.requires for v in ordered):
            place(u)
    for u in ordered:  # (none should be left: the selection guarantees each one its sentence before)
        place(u)
    return out


CONCEPT_FEATURES = ("bias", "df_frac", "log_df", "log_tf", "lead_frac", "first_pos", "mean_rel_pos", "stop_first",
                    "stop_second", "number", "unigram_df", "log_n", "first_frac", "entity", "quoted", "corroborated")
# CONCEPT_FEATURES names the columns the model reads, in order. concept_features can also compute these, for
# trials with bench/tune_summary.py --crossfit --grid CONCEPT_FEATURES=...: none raised the held-out dev ROUGE-2
# (9.03 with the default columns; 8.91 with all seven, 8.96 with the two sentence-mass ones, 8.89 with
# in_sentence, date and unigram_df_max), so the model does not read them.
EXTRA_CONCEPT_FEATURES = ("unigram_df_max", "tf_per_df", "in_sentence", "date", "both_entity", "sent_mass",
                          "sent_mass_max")
_DATE_WORDS = frozenset(rouge_tokens(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week weekend month year "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening night"))


def concept_features(docs: Sequence[AnnotatedArticle], min_df: int | None = None, facts: Sequence | None = None
                     ) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Per concept of the story (a bigram found in at least ``min_df`` articles: by default two, one in a
    story of two), the features the concept weight model reads: how many articles have it, how often and how
    early, whether its words are stop words, numbers or part of an entity name, how often it is quoted, and
    how many independent sources the best corroborated fact stating it has. Nothing in them depends on a
    benchmark. Returns the concepts and one feature row each (columns: :data:`CONCEPT_FEATURES`)."""
    stop = _stopwords()
    n = len(docs)
    n_docs: dict[tuple[str, str], int] = defaultdict(int)
    tf: dict[tuple[str, str], int] = defaultdict(int)
    lead: dict[tuple[str, str], int] = defaultdict(int)
    first_pos: dict[tuple[str, str], int] = {}
    rel_pos: dict[tuple[str, str], float] = defaultdict(float)
    uni_df: dict[str, int] = defaultdict(int)
    first_n: dict[tuple[str, str], int] = defaultdict(int)
    quoted: dict[tuple[str, str], int] = defaultdict(int)
    in_sent: dict[tuple[str, str], float] = defaultdict(float)  # summed position of the bigram within its sentences
    sents_of: dict[tuple[str, str], list[int]] = defaultdict(list)  # sentences (global numbers) holding it
    sentence_concepts: list[frozenset] = []
    entity_words: set[str] = set()
    wanted = set(CONCEPT_FEATURES)
    extra = bool(wanted & set(EXTRA_CONCEPT_FEATURES))  # skip their bookkeeping when the model does not read them
    for d in docs:
        for m in d.entities:
            entity_words.update(rouge_tokens(m.text))
        body = [x for x in d.sentences if x.kind != "heading"]
        seen: dict[tuple[str, str], int] = {}
        words: set[str] = set()
        for i, s in enumerate(body):
            toks = rouge_tokens(s.text)
            words.update(toks)
            q = any(ch in s.text for ch in "\"“”")
            concepts_here = _bigram_concepts(s.text)
            where: dict[tuple[str, str], int] = {}
            if extra:
                g = len(sentence_concepts)
                sentence_concepts.append(concepts_here)
                for j, bg in enumerate(zip(toks, toks[1:])):
                    where.setdefault(bg, j)
            for c in concepts_here:
                tf[c] += 1
                quoted[c] += q
                seen.setdefault(c, i)
                if extra:
                    in_sent[c] += where.get(c, 0) / max(1, len(toks) - 1)
                    sents_of[c].append(g)
        for w in words:
            uni_df[w] += 1
        for c, first in seen.items():
            n_docs[c] += 1
            lead[c] += first < LEAD_SENTENCES
            first_n[c] += first == 0
            first_pos[c] = min(first_pos.get(c, first), first)
            rel_pos[c] += first / max(1, len(body))
    support: dict[tuple[str, str], int] = defaultdict(int)
    for f in facts or ():
        if f.independent > 1:
            for c in {c for cl in f.claims for c in _bigram_concepts(cl.text)}:
                support[c] = max(support[c], f.independent - 1)
    if min_df is None:
        min_df = 1 if n <= 2 else CONCEPT_MIN_DF
    concepts = sorted(c for c in n_docs if n_docs[c] >= min_df)
    # Sentence centrality without an index: the mean share of articles holding a sentence's concepts, so a
    # concept that comes in sentences made of widely reported concepts scores high.
    sentence_mass: list[float] = []
    if wanted & {"sent_mass", "sent_mass_max"}:
        for cs in sentence_concepts:
            shared = [n_docs[c] for c in cs]
            sentence_mass.append(sum(shared) / (n * len(shared)) if shared else 0.0)
    # One column per feature, over all concepts at once (a per-concept row of numpy scalars cost more than
    # everything else here); only the columns the model reads are computed.
    m = len(concepts)
    k = np.array([n_docs[c] for c in concepts], dtype=np.float64)
    tfs = np.array([tf[c] for c in concepts], dtype=np.float64)
    content = [[uni_df[w] for w in c if w not in stop] or [uni_df[c[0]]] for c in concepts]

    def flags(test: Callable[[str, str], bool]) -> np.ndarray:
        return np.array([bool(test(a, b)) for a, b in concepts], dtype=np.float64)

    def per_concept(values: dict, default: float = 0.0) -> np.ndarray:
        return np.array([values.get(c, default) for c in concepts], dtype=np.float64)

    columns: dict[str, Callable[[], np.ndarray]] = {
        "bias": lambda: np.ones(m),
        "df_frac": lambda: k / n,
        "log_df": lambda: np.log(k),
        "log_tf": lambda: np.log1p(tfs),
        "lead_frac": lambda: per_concept(lead) / n,
        "first_pos": lambda: 1.0 / (1.0 + per_concept(first_pos)),
        "mean_rel_pos": lambda: per_concept(rel_pos) / k,
        "stop_first": lambda: flags(lambda a, b: a in stop),
        "stop_second": lambda: flags(lambda a, b: b in stop),
        "number": lambda: flags(lambda a, b: a.isdigit() or b.isdigit()),
        "unigram_df": lambda: np.array([min(v) for v in content], dtype=np.float64) / n,
        "log_n": lambda: np.full(m, np.log(n)),
        "first_frac": lambda: per_concept(first_n) / n,
        "entity": lambda: flags(lambda a, b: a in entity_words or b in entity_words),
        "quoted": lambda: per_concept(quoted) / tfs,
        "corroborated": lambda: per_concept(support) / n,
        # EXTRA_CONCEPT_FEATURES
        "unigram_df_max": lambda: np.array([max(v) for v in content], dtype=np.float64) / n,
        "tf_per_df": lambda: np.log(tfs / k),
        "in_sentence": lambda: per_concept(in_sent) / tfs,
        "date": lambda: flags(lambda a, b: a in _DATE_WORDS or b in _DATE_WORDS),
        "both_entity": lambda: flags(lambda a, b: a in entity_words and b in entity_words),
        "sent_mass": lambda: np.array([sum(sentence_mass[g] for g in sents_of[c]) / len(sents_of[c]) if sentence_mass
                                       else 0.0 for c in concepts], dtype=np.float64),
        "sent_mass_max": lambda: np.array([max(sentence_mass[g] for g in sents_of[c]) if sentence_mass else 0.0
                                           for c in concepts], dtype=np.float64),
    }
    x = np.zeros((m, len(CONCEPT_FEATURES)))
    for j, name in enumerate(CONCEPT_FEATURES):
        x[:, j] = columns[name]()
    return concepts, x


# Logistic weights of the concept model (CONCEPT_MODEL = "learned"): the probability that a reference summary
# contains the concept, fitted with ``bench/tune_summary.py --fit`` on both DUC 2006/2007 development sets.
# (The fits on one set alone scored within noise of it on the development sets: ROUGE-2 8.77 for this one,
# 8.91 and 8.88 for the DUC 2006 and DUC 2007 fits.)
CONCEPT_COEF: tuple[float, ...] = (-1.5105, -0.4107, 0.7657, 0.6105, 0.0039, 0.5086, -0.7922, -0.3524, -0.3377, 0.4764,
                                   0.7393, -1.2531, -0.122, 0.0179, 0.2441, 0.5367)
# Learned model: concepts are the bigrams found in at least this many articles (one in a story of two). With 1
# (every bigram, the model weighing the single-article ones) the held-out dev ROUGE-2 fell from 9.03 to 8.76.
CONCEPT_MIN_DF = 2
CONCEPT_MODEL = "learned"  # "df": article counts (Gillick & Favre); "learned": CONCEPT_COEF over concept_features
CONCEPT_SCALE = 10.0  # learned probabilities times this, to weigh against the per-unit bonuses
LEARNED_MIN_P = 0.0  # learned concepts below this probability are dropped


def concept_weights(docs: Sequence[AnnotatedArticle], facts: Sequence | None = None) -> dict[tuple[str, str], float]:
    """Concept weights: with the learned model, the probability that a summary states the concept; otherwise
    the number of articles containing it, more for those that have it near the top."""
    if CONCEPT_MODEL == "learned" and CONCEPT_COEF:
        concepts, x = concept_features(docs, facts=facts)
        if len(concepts) < 10:  # small or unrelated stories: every concept counts (the model weighs them)
            concepts, x = concept_features(docs, min_df=1, facts=facts)
        if concepts:
            p = 1.0 / (1.0 + np.exp(-(x @ np.asarray(CONCEPT_COEF))))
            return {c: CONCEPT_SCALE * float(v) for c, v in zip(concepts, p) if v >= LEARNED_MIN_P}
    df: dict[tuple[str, str], float] = defaultdict(float)
    n_docs: dict[tuple[str, str], int] = defaultdict(int)
    for d in docs:
        seen: dict[tuple[str, str], int] = {}
        for i, s in enumerate(x for x in d.sentences if x.kind != "heading"):
            for c in bigram_concepts(s.text):
                seen.setdefault(c, i)
        for c, first in seen.items():
            n_docs[c] += 1
            df[c] += 1.0 + (LEAD_WEIGHT if first < LEAD_SENTENCES else 0.0)
    min_df = _min_df(len(docs))
    weight = {c: df[c] for c in df if n_docs[c] >= min_df}
    if len(weight) < 10:  # small or unrelated stories: every concept counts, shared ones more
        weight = {c: df[c] * (1.0 if n_docs[c] >= 2 else 0.5) for c in df}
    return weight


_INDEX_CACHE: dict[int, SentenceIndex] = {}


def _lazy_index(docs: Sequence[AnnotatedArticle]) -> SentenceIndex:
    key = id(docs)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE.clear()
        _INDEX_CACHE[key] = SentenceIndex(docs)
    return _INDEX_CACHE[key]


def _centrality(docs: Sequence[AnnotatedArticle], index: SentenceIndex) -> dict[tuple[str, int], float]:
    """Per sentence, its summed TF-IDF cosine with the story's other sentences, scaled to [0, 1] (the degree
    centrality of LexRank without the random walk)."""
    if index.matrix is None or not CENTRALITY_BONUS:
        return {}
    rows, keys = [], []
    for d in docs:
        for s in d.sentences:
            if s.kind == "heading":
                continue
            try:
                rows.append(index.row(s))
            except KeyError:
                continue
            keys.append((s.article, s.index))
    if len(rows) < 2:
        return {}
    degree = index.matrix.degree(rows) - 1.0
    top = degree.max()
    if top <= 0:
        return {}
    return {k: float(v / top) for k, v in zip(keys, degree)}


def _independent(u: Unit, facts: Sequence, doc: AnnotatedArticle | None = None) -> int:
    """How many independent sources state what ``u`` states (its best corroborated fact's). With the unit's
    ``doc``, not the fact's wordings that give other figures of a kind the unit gives (see _sources_per_fact)."""
    if not facts:
        return 1
    if doc is None:
        return max((facts[f].independent for f in u.facts), default=1)
    return max(_sources_per_fact(u, facts, doc).values(), default=1)


def _sources_per_fact(u: Unit, facts: Sequence, doc: AnnotatedArticle) -> dict[int, int]:
    """Per fact of the unit, its independent sources less those whose wordings give other figures of a kind the
    unit gives: "for 99 million euros" has none of the sources that give "85 million pounds" in the same fact (nor
    would they be cited for it, _cite)."""
    given = [q for c in doc.claims if _overlap(u.start, u.end, c.start, c.end) > 0
             for q in c.quantities if u.start <= q.start and q.end <= u.end]
    mine = _stated_figures([q for q in given if not converted(doc.article.text, q, given)])
    out = {}
    for f in u.facts:
        if not mine:
            out[f] = facts[f].independent
            continue
        agreeing = {c.article for c in facts[f].claims if c.article == u.article or not _gives_other(mine, c.quantities)}
        out[f] = max(1, sum(1 for origin in facts[f].origins if agreeing & set(origin)))
    return out


def _counts_fewer(mine: dict[str, list], theirs: dict[str, list]) -> bool:
    """Does the other wording count a noun the unit counts, without a figure (rounding allowed) for each one the unit
    gives for it?"""
    return any(k in theirs and not all(any(figures_agree(q, r) or count_rounded(q, r) or count_rounded(r, q)
                                           for r in theirs[k]) for q in qs)
               for k, qs in mine.items())


def _gives_other(mine: Sequence, theirs: Sequence) -> bool:
    """Does ``theirs`` give, for a sum or a share of ``mine``, one of its kind (a sum in any currency) none of which
    gives its value? A wording that gives no such figure says less, not otherwise. (Not for counts: a fact never
    holds two counts of one kind that conflict, and a wording of two facts, "At least 14 people have died and some
    12,000 have been evacuated", counts two kinds of people; nor for measures, mostly a duration or an age beside
    the point: "a two-year mission", "the six-year-old boy".)"""
    def family(q) -> tuple:
        return ("money",) if q.kind == "money" else _figure_kind(q)

    for q in mine:
        if q.kind not in ("money", "percent"):
            continue
        same = [o for o in theirs if family(o) == family(q)]
        if same and not any(_states_value(o, q) for o in same):
            return True
    return False


def _min_df(n_articles: int) -> int:
    if n_articles <= 2:
        return MIN_DF_PAIR
    if n_articles <= 5:
        return 2
    return MIN_DF


_SUBORDINATE_PIECE = re.compile(r"(?:that|whether|which|who|because|if|why|how)\s")  # lower case, inside a sentence: a clause cut from it
_QUOTED_QUESTION = re.compile(r"\?\s*(?:[\"”’']|'')")

# A clause that opens on a bare count ("... 58 percent are underweight and 12 percent need care ...") counts what the
# clause before it named: alone, it does not say what it counts.
_BARE_COUNT = re.compile(
    r"(?:(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|about|nearly|almost|some|over|only|another)\s+)?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)\b",
    re.IGNORECASE)
# a sentence's end, then a lone opening mark (" or the wire's ``)
_OPENS_NEXT_QUOTE = re.compile(r"(?<=[.!?])\s+(?:[\"“]|`{1,2})\s*$")
# A sentence that ends in an ellipsis (outside quote marks) is cut off: feeds, teasers and excerpts end
# so ("Munoz did not elaborate on travel restrictions for children who are not..."), and what is left is
# not a whole statement.
# A report's note that it sought a comment and got none ("was unable to reach the company for comment", "could not be
# reached for comment", "did not immediately respond to a request for comment"); a refusal to comment is a stance, and
# stays
_COMMENT_SOUGHT = re.compile(
    r"\b(?:unable|not\s+able)\s+to\s+(?:reach|contact)\b[^.;]{0,80}?\bfor\s+(?:further\s+|immediate\s+)?comment\b"
    r"|\b(?:could|can)\s*(?:not|n[’']t)\s+(?:immediately\s+)?be\s+(?:reached|contacted)\s+for\s+"
    r"(?:further\s+)?comment\b"
    r"|\bdid\s*(?:not|n[’']t)\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:\w+\s+){0,2}"
    r"(?:requests?|emails?|messages?|calls?|inquiries|enquiries)\b[^.;]{0,40}?\bcomment\b",
    re.IGNORECASE)
_CUT_OFF = re.compile(r"(?:\.\s?\.\s?\.|…)\s*$")


def _units(docs: Sequence[AnnotatedArticle], facts: list, style: Style, max_words: int | None = None,
           participles: bool = False) -> tuple[list[Unit], dict]:
    """Candidate units and, per claim (article, start), the index of its fact. ``max_words`` defaults to
    MAX_WORDS as set when called (a default bound at definition would ignore bench/tune_summary.py's --set)."""
    if max_words is None:
        max_words = MAX_WORDS
    fact_of_claim: dict[tuple[str, int], int] = {}
    for fi, f in enumerate(facts):
        for c in f.claims:
            fact_of_claim[(c.article, c.start)] = fi
    loaded = loaded_count
    units: list[Unit] = []
    # (an opinion piece argues: its statements are the writer's views, however factual they sound, and the summary
    # tells the story from the reports, when the story has any)
    reports = [d for d in docs if getattr(d.article, "genre", None) != "opinion"] or list(docs)
    for d in reports:
        text = d.article.text
        body = [s for s in d.sentences if s.kind != "heading"]
        claims_by_sentence: dict[int, list] = defaultdict(list)
        for c in d.claims:
            claims_by_sentence[c.sentence].append(c)
        # direct quotes: (content start, content end, where the attribution is)
        quoted = [(q.content_start, q.content_end, q.cue_start if q.cue_start is not None else q.speaker_start)
                  for q in getattr(d, "quotes", ()) if q.kind == "direct"]
        # every span in quotation marks, attributed or not: a unit wholly inside one is someone's words
        marked = [(q.inner_start, q.inner_end) for q in find_quote_spans(text)]
        for pos, s in enumerate(body):
            s_end, s_text = s.end, s.text
            opener = _OPENS_NEXT_QUOTE.search(s_text)
            if opener and _balanced_quotes(s_text[:opener.start()]):
                # '... stolen in 2001. "' : the splitter left the next sentence's opening mark on this one
                s_end, s_text = s.start + opener.start(), s_text[:opener.start()]
            if s.kind != "sentence" or s_text.rstrip().endswith("?") or not _balanced_quotes(s_text):
                continue
            if pos == len(body) - 1 and pos > 0 and s_text.rstrip()[-1:] not in ".!\"”’')":
                continue  # the article's text was cut off mid-sentence
            if _CUT_OFF.search(s_text):
                continue  # an excerpt or teaser cut with an ellipsis: "... for children who are not..."
            if _COMMENT_SOUGHT.search(s_text):
                continue  # the newsroom's own work, no part of the story: "Meridian Press was unable to reach the
                # company for further comment"
            claims = claims_by_sentence.get(s.index, [])
            if style == "bullets" and facts and claims:
                # a plan cut from what became of it is no bullet: the whole sentence stands instead
                spans = [(s.start, s_end, claims) if _plan_undone(text, c.start, c.end, s_end) else (c.start, min(c.end, s_end), [c])
                         for c in claims]
            else:
                spans = [(s.start, s_end, claims)]
                if CLAUSES and len(claims) > 1:
                    spans += [(c.start, c.end, [c]) for c in claims if not _plan_undone(text, c.start, c.end, s_end)]
            for a, b, covered in spans:
                for ra, rb in trims(text[a:b], participles):
                    ua, ub = a + ra, a + rb
                    # Trim whitespace and trailing separators, keeping offsets exact.
                    while ua < ub and text[ua].isspace():
                        ua += 1
                    while ub > ua and (text[ub - 1].isspace() or text[ub - 1] in ",;:"):
                        ub -= 1
                    out = surface(text[ua:ub])
                    n = len(out.split())
                    if not (MIN_WORDS <= n <= max_words):
                        continue
                    if not _balanced_quotes(out):
                        continue  # a clause cut from inside a quote: '"As I said yesterday, his comments were wrong'
                    if out.count("(") != out.count(")"):
                        continue  # the end of an aside: "... announced advance screenings at selected theaters.)"
                    if out[:1] in "\u2014\u2013-":
                        continue  # a piece the sentence splitter cut off at a dash: "—but the company hides what it knows."
                    if "!" in out:
                        continue  # reporting prose does not exclaim: an embedded post ("... story is 100% FALSE!!!")
                    if ua > s.start and _BARE_COUNT.match(out) and re.search(r"[\w,;]\s*$", text[s.start:ua]):
                        continue  # "... 58 percent are underweight and 12 percent need care ...": 12 percent of what?
                    if ua > s.start and _SUBORDINATE_PIECE.match(out):
                        continue  # "that none of them were in Velia": the second of two things someone said, cut off
                    if _QUOTED_QUESTION.search(out):
                        continue  # a question quoted ('"Who paid for the pumps?" reads one of them') asks, it states nothing
                    if _personal(_outside_quotes(out)):
                        # nor address the reader or speak as "I" or "we": someone's words set as a paragraph of
                        # their own without quote marks (a post: "try showing a little class"; a speech: "we
                        # owe our military men and women unconditional support")
                        continue
                    if (_unattributed_quote(ua, ub, quoted) or any(qs <= ua and ub <= qe + 1 for qs, qe in marked)
                            or not re.search(r"\w", _outside_quotes(out))):
                        # someone's words without who said them, as if the outlet stated them (also a whole
                        # quote with its marks, its speaker named in another sentence: '"It may be worse."')
                        continue
                    if _verb_lost(ua, ub, claims):
                        continue  # "Russian Deputy Prime Minister Ilya Klebanov", cut at ", who": no verb left
                    in_span = [c for c in covered if _overlap(ua, ub, c.start, c.end) >= 0.5 * (c.end - c.start)]
                    if in_span and all(_bare_attribution(c) for c in in_span):
                        continue  # "New York City Police Commissioner James O'Neill said.": who, not what
                    if KEEP_ATTRIBUTION and any(b0 - a0 > 1 and (a0 < ua or b0 > ub) and _overlap(a0, b0, a, b)
                                                for c in in_span for a0, b0 in c.attribution):
                        # a cut that drops who said it ("Last week Varga told a newspaper that, talks or not, he
                        # would never ..." is not "talks or not, he would never ...")
                        continue
                    if in_span and not any(getattr(c, "finite", True) for c in in_span):
                        continue  # a photo caption: "Members of the caravan at the border wall on Sunday."
                    fids = list(dict.fromkeys(fact_of_claim[(c.article, c.start)] for c in in_span
                                              if (c.article, c.start) in fact_of_claim))
                    if fids and (own := _span_count(in_span, ua, ub)):
                        # a piece that keeps one of its claim's two figures speaks only for that one: "Three
                        # firefighters have died, according to the fire service", cut from "..., though officials
                        # put the toll at two", does not state the fact of those who say two died
                        agreed = [f for f in fids if not any(conflicting_counts(own, one_count(c)) for c in facts[f].claims
                                                             if c.article != d.article.id)]
                        if not agreed:
                            continue  # the other figure is what the fact's other sources say: the disagreements tell it
                        fids = agreed
                    slots = sum(len(c.entities) + len(c.dates) + len(c.quantities) for c in in_span)
                    units.append(Unit(article=d.article.id, sentence=s.index, start=ua, end=ub, text=out, words=n,
                                      position=float(pos), concepts=bigram_concepts(out), facts=fids,
                                      loaded=loaded(out), slots=slots,
                                      previous=body[pos - 1].index if pos > 0 else None))
                    left_out = asides(out, lambda a, b, ua=ua: _news_peg(d, ua + a, ua + b)) if ASIDES else []
                    short = without(out, left_out)
                    if left_out and len(short.split()) >= MIN_WORDS:
                        # the same wording without its asides: one of the two forms at most is chosen (select.py)
                        units.append(Unit(article=d.article.id, sentence=s.index, start=ua, end=ub, text=short,
                                          words=len(short.split()), position=float(pos), concepts=bigram_concepts(short),
                                          facts=fids, loaded=loaded(short), slots=slots,
                                          previous=body[pos - 1].index if pos > 0 else None,
                                          cuts=[(ua + a, ua + b) for a, b in left_out]))
    # Neutral wording: of a fact's wordings, only those with the fewest loaded terms stay candidates.
    if facts:
        fewest: dict[int, int] = {}
        for u in units:
            for f in u.facts:
                fewest[f] = min(fewest.get(f, u.loaded), u.loaded)
        units = [u for u in units if all(u.loaded <= fewest[f] for f in u.facts if len(facts[f].claims) > 1)]
    return units, fact_of_claim


def _cite(u: Unit, by_article: dict[str, AnnotatedArticle], facts: list, index: SentenceIndex) -> SummaryItem:
    """The item for a chosen unit: its own span first, then every other article stating the same content:
    the other wordings of its fact(s), and the sentences the alignment index finds for its sentence."""
    evidence = [Evidence(article=u.article, start=u.start, end=u.end)]
    seen = {u.article}
    # (a unit that tells what happened on a day gone by is not stated by a forecast of it; a unit with no such
    # day, "the deal includes Armenia's return of Kalbajar", may be stated by the plan itself)
    modality = {c.modality for c in by_article[u.article].claims if _overlap(u.start, u.end, c.start, c.end) > 0}
    if not _tells_a_day_gone_by(u, by_article[u.article]):
        modality = set()
    for f in u.facts:
        for c in sorted(facts[f].claims, key=lambda c: (c.article, c.start)):
            if len(modality) == 1 and c.modality not in modality:
                continue  # a forecast ("expects Halvar to weaken on Monday") does not state that it happened
            if c.article not in seen:
                seen.add(c.article)
                evidence.append(Evidence(article=c.article, start=c.start, end=c.end))
    # the figures the unit gives: a sentence that gives another for the same count does not state it
    counts = [k for f in u.facts for c in facts[f].claims if c.article == u.article and (k := one_count(c))]
    own = _span_count([c for c in by_article[u.article].claims if _overlap(u.start, u.end, c.start, c.end) > 0],
                      u.start, u.end)
    if own:
        counts.append(own)  # the one figure a piece keeps of its claim's two
    given = [q for c in by_article[u.article].claims if _overlap(u.start, u.end, c.start, c.end) > 0
             for q in c.quantities if u.start <= q.start and q.end <= u.end]
    # (not a figure told again in another currency or unit: "85 million pounds ($108 million)" is one sum)
    mine = _stated_figures([q for q in given if not converted(by_article[u.article].article.text, q, given)])
    # the value a figure moved to ("upgraded the magnitude to 7.0 from a preliminary 6.8"): a wording that gives only
    # the value it moved from ("A magnitude 6.8 earthquake struck") does not state the move, nor the other way round
    moved = _moved_to(by_article[u.article].article.text, given)
    if given:
        # a wording of the fact that gives other figures of the kind the unit gives one of does not state it:
        # "won 28.9% and 55 seats" does not say "was second with 27.8%"
        kept = [evidence[0]]
        split_given = _splits(by_article[u.article].article.text, u.start, u.end)
        for e in evidence[1:]:
            theirs = [q for c in by_article[e.article].claims if e.start <= c.start and c.end <= e.end for q in c.quantities]
            if split_given and split_given & _splits(by_article[e.article].article.text, e.start, e.end):
                kept.append(e)  # one vote's split in other figures: "Seven of the nine members voted for" / "by a 7-2 vote"
                continue
            if ((mine and _other_figures(mine, theirs)) or (moved and not _gives_any(moved, theirs))
                    or _moved_past(given, by_article[e.article].article.text, theirs)):
                seen.discard(e.article)
            else:
                kept.append(e)
        evidence = kept
    families = {k[0] for k in counts if k[0].startswith("~")}
    if families:
        # a wording of the fact that counts another thing and says nothing of what the unit counts does not state
        # it: "Up to 400 refugees may have been on board the fishing boat that sank off Lendos" tells the sinking
        # that "At least 41 people died when ... capsized off Lendos" tells, not the dead
        evidence = [e for k, e in enumerate(evidence)
                    if k == 0 or not _counts_another_thing(families, by_article[e.article].claims, e.start, e.end)]
        seen = {e.article for e in evidence}
    days = _days_stated(by_article[u.article], u.start, u.end, said=False)
    if days:
        # a statement of what happens on a day is stated only where that day is: "Varland's tariffs take effect on
        # April 1" is not stated by "Varland's tariffs on $48bn of goods threaten a trade war", which a chain of
        # alike wordings put in its fact (both are like "Varland will impose tariffs on $48 billion of goods
        # starting on April 1")
        evidence = [e for k, e in enumerate(evidence)
                    if k == 0 or days & _days_stated(by_article[e.article], e.start, e.end)]
        seen = {e.article for e in evidence}
    splits = _splits(by_article[u.article].article.text, u.start, u.end)
    # a wording that counts what the unit counts, but not every figure of it the unit gives, states less than the unit:
    # "Gunmen abducted 287 pupils" does not state "Twenty-eight of the 287 pupils abducted ... escaped" (rounding
    # allowed; a vote's split is told in other figures, "Seven of the nine members" / "by a 7-2 vote", and kept above)
    own_counts = {} if splits else named_counts(given)
    if own_counts:
        evidence = [e for k, e in enumerate(evidence)
                    if k == 0 or not _counts_fewer(own_counts, named_counts(
                        [q for c in by_article[e.article].claims if e.start <= c.start and c.end <= e.end
                         for q in c.quantities]))]
        seen = {e.article for e in evidence}
    if splits:
        # "ruling 5-4" is not stated by "by six votes to three"
        evidence = [e for k, e in enumerate(evidence)
                    if k == 0 or not _other_split(splits, _splits(by_article[e.article].article.text, e.start, e.end))]
        seen = {e.article for e in evidence}
    sentence = next((s for s in by_article[u.article].sentences if s.index == u.sentence), None)
    if sentence is not None:
        try:
            # With facts, paraphrases were already linked by meaning at the claim level: add the
            # sentence-level lexical matches only (the encoder is the cost of a brief).
            support = index.supporting(sentence, use_embeddings=not facts)
        except KeyError:  # an index over other units
            support = []
        said = _said_terms(by_article[u.article].claims, u.start, u.end)
        for m in support:
            theirs_modality = {c.modality for c in by_article[m.sentence.article].claims
                               if m.sentence.start <= c.start and c.end <= m.sentence.end}
            if len(modality) == 1 and theirs_modality and modality.isdisjoint(theirs_modality):
                continue  # (a forecast, as above)
            if said and len(said & set(m.sentence.terms)) < min(2, len(said)):
                continue  # the words the unit's claims say, not who says them, must be there: "Luca Ferri said 12
                # people were rescued" is not stated by '"The sea was very rough," ... Luca Ferri said'
            if counts and any(conflicting_counts(count, theirs) for count in counts
                              for c in by_article[m.sentence.article].claims
                              if m.sentence.start <= c.start and c.end <= m.sentence.end and (theirs := one_count(c))):
                continue  # "six are still missing" does not support "nine are still missing"
            if families and _counts_another_thing(families, by_article[m.sentence.article].claims, m.sentence.start,
                                                  m.sentence.end):
                continue  # (another thing counted, as above)
            if splits and _other_split(splits, _splits(by_article[m.sentence.article].article.text,
                                                       m.sentence.start, m.sentence.end)):
                continue
            theirs_q = [q for c in by_article[m.sentence.article].claims
                        if m.sentence.start <= c.start and c.end <= m.sentence.end for q in c.quantities]
            if (moved and not _gives_any(moved, theirs_q)) or _moved_past(given, by_article[m.sentence.article].article.text,
                                                                           theirs_q):
                continue  # (the value moved to or from, as above)
            if mine and _other_figures(mine, [q for c in by_article[m.sentence.article].claims
                                              if m.sentence.start <= c.start and c.end <= m.sentence.end
                                              for q in c.quantities]):
                continue
            if days and not days & _days_stated(by_article[m.sentence.article], m.sentence.start, m.sentence.end):
                continue  # (the day, as above)
            if own_counts and _counts_fewer(own_counts, named_counts(theirs_q)):
                continue  # (the unit's counts, as above)
            if m.sentence.article not in seen:
                seen.add(m.sentence.article)
                evidence.append(Evidence(article=m.sentence.article, start=m.sentence.start, end=m.sentence.end))
    return SummaryItem(text=u.text, sources=[e.article for e in evidence], evidence=evidence,
                       omitted=[Evidence(article=u.article, start=a, end=b) for a, b in u.cuts])


def _counts_another_thing(families: set[str], claims: Sequence, start: int, end: int) -> bool:
    """Do the claims within ``start:end`` count something (one plain figure of a thing) and have no word of the
    kinds of count in ``families`` ("~dead": died, killed, bodies)?"""
    inside = [c for c in claims if start <= c.start and c.end <= end]
    if not any(one_count(c) for c in inside):
        return False
    return families.isdisjoint(FAMILY_OF[t] for c in inside for t in c.terms if t in FAMILY_OF)


def _days_stated(doc: AnnotatedArticle, start: int, end: int, said: bool = True) -> set[str]:
    """The calendar days ``doc.text[start:end]`` names ("on April 1", "on Tuesday", "in Saturday's final"); not a
    day given only roughly ("two weeks ago", "about a week earlier"), which another report may put otherwise.
    With ``said=False``, not the day something was said either ("the English club said on Monday"), nor that of a
    thing the text names ("released 10 of the crew of the tanker its navy seized on Thursday" states Friday's act)."""
    skip = _saying_days(doc, start, end) | set(doc.date_phrases) if not said else set()
    return {t.value[:10] for t in doc.timexes
            if start <= t.start and t.end <= end and t.type in ("DATE", "TIME") and _DAY_VALUE.match(t.value or "")
            and not t.mod and not _ROUGH_DAY.search(t.text) and (t.start, t.end) not in skip}


_SAID_ON = re.compile(r"\s+(?:(?:late|early)\s+)?(?:on\s+)?", re.IGNORECASE)  # "said (late) on Thursday": the saying's day


def _saying_days(doc: AnnotatedArticle, start: int, end: int) -> set[tuple[int, int]]:
    """The date expressions of ``doc.text[start:end]`` that date a saying, not what was said: inside a claim's
    attribution, or right after it ("WADA said on Thursday it would appeal", "the English club said on Monday")."""
    said = [span for c in doc.claims if _overlap(start, end, c.start, c.end) > 0 for span in c.attribution]
    text = doc.article.text
    return {(t.start, t.end) for t in doc.timexes if start <= t.start and t.end <= end
            and (any(a <= t.start and t.end <= b for a, b in said)
                 or any(a < b <= t.start and _SAID_ON.fullmatch(text, b, t.start) for a, b in said))}


_ROUGH_DAY = re.compile(r"\b(?:ago|earlier|later|before|after)\b", re.IGNORECASE)


def _said_terms(claims: Sequence, start: int, end: int) -> set[str]:
    """The content words of the claims within ``start``-``end``: what is said, not who says it (a claim's
    terms leave its attribution out)."""
    return {t for c in claims if _overlap(start, end, c.start, c.end) > 0 for t in c.terms}


def _without_rival_values(item: SummaryItem, disagreements: Sequence[dict]) -> SummaryItem:
    """The item citing no span that gives another value of a disagreement its own span gives a value of, and not
    its own ("The crossings at Dorn and Vell will reopen on June 20" is not stated by "The crossings will reopen on
    June 21"). Also for an update: "The funeral will now be held on Friday, a day later than first announced"
    does not state the Thursday it replaces, nor "the death toll has risen to 31" the 27 of the day before
    ("... to 31 from 27" states both). Estimates may both hold."""
    own = item.evidence[0]
    drop: set[tuple[str, int, int]] = set()
    for d in disagreements:
        if d.get("status") not in ("contradiction", "update"):
            continue
        positions = d.get("positions", [])

        def given(k: int, e) -> bool:
            return any(ev["article"] == e.article and e.start <= ev.get("value_start", ev["start"]) < e.end
                       for ev in positions[k].get("evidence", []))

        mine = {k for k in range(len(positions)) if given(k, own) and not _left_out(item, positions[k])}
        if len(mine) != 1:
            continue  # (a span that gives both values, or none, takes no side)
        (k_mine,) = mine
        # (a value that may be the item's own is no rival: "Three people died" states "at least three people")
        rivals = [k for k in range(len(positions))
                  if k != k_mine and not _may_be_one(positions[k].get("normalized"), positions[k_mine].get("normalized"))]
        drop.update((e.article, e.start, e.end) for e in item.evidence[1:]
                    if not given(k_mine, e) and any(given(k, e) for k in rivals))
    if not drop:
        return item
    kept = [e for e in item.evidence if (e.article, e.start, e.end) not in drop]
    return item.model_copy(update={"evidence": kept, "sources": [e.article for e in kept]})


def _left_out(item: SummaryItem, position: dict) -> bool:
    """Does every value of ``position`` in the item's own span lie in an aside the item leaves out ("(about 12
    miles)")? Then the item does not state it."""
    own = item.evidence[0]
    at = [ev.get("value_start", ev["start"]) for ev in position.get("evidence", [])
          if ev["article"] == own.article and own.start <= ev.get("value_start", ev["start"]) < own.end]
    return bool(at and item.omitted) and all(any(o.start <= x < o.end for o in item.omitted) for x in at)


def _may_be_one(a, b) -> bool:
    """Are two positions' values one figure said two ways: ranges with an end in common ("at least three people",
    [3, None], and "three people", [3, 3]); "at least 12" and a later "15", or "at least 27" and "at least 29",
    are two counts. Anything else only when equal."""
    def bounds(v):
        if isinstance(v, (list, tuple)) and len(v) == 2 and all(x is None or isinstance(x, (int, float)) for x in v):
            return v
        return None

    ra, rb = bounds(a), bounds(b)
    if ra is not None and rb is not None:
        return (ra[0] is not None and ra[0] == rb[0]) or (ra[1] is not None and ra[1] == rb[1])
    return a == b


@lru_cache(maxsize=64)
def _tallies_of(text: str) -> tuple:
    return tuple(find_tallies(text))


def _splits(text: str, start: int, end: int) -> set[tuple]:
    """The vote splits or scores told inside ``text[start:end]``, each with its kind (a shootout's score is no
    match's: "5-4 on penalties after a 2-2 draw")."""
    return {(t.kind, *t.split) for t in _tallies_of(text) if start <= t.start and t.end <= end}


def _other_split(mine: set[tuple], theirs: set[tuple]) -> bool:
    """Does a span give a split, none of which is one the unit gives?"""
    return bool(theirs) and not (mine & theirs)


def mark_disputed(items: Sequence[SummaryItem], disagreements: Sequence[dict]) -> None:
    """Set each item's ``disputed``: the disagreements a value of which lies in the item's own span ("sentenced
    to 12 years" when another report says 10), so that a reader of the summary sees that it is contested."""
    # (the item's own span, or a cited report's span of the same statement: "At least 14 people have died" in a
    # wire that no pair reached, beside the papers' "Fourteen people" a later report's 17 updates)
    # (but a cited span's figure marks the item only where the item gives a figure of that value's words: "Ostrel
    # is recalling 1,174,300 cars" is not disputed by the crash count of a cited sentence that also says so)
    for item in items:
        own = item.evidence[0] if item.evidence else None
        words = _figure_tokens(item.text)
        marks = []
        for d in disagreements:
            for p in d.get("positions", []):
                hit = [ev for ev in p.get("evidence", []) for e in item.evidence
                       if ev["article"] == e.article and e.start <= ev.get("value_start", ev["start"]) < e.end]
                if any(own is not None and ev["article"] == own.article and own.start <= ev.get("value_start", ev["start"]) < own.end
                       and not _left_out(item, {"evidence": [ev]}) for ev in hit) or (hit and (d.get("kind") != "number" or _value_words(p.get("value", "")) & words)):
                    marks.append(d["id"])
                    break
        item.disputed = marks


def _value_words(value: str) -> set[str]:
    """The figures of a disagreement's value as written ("At least 14 people" -> {"14"}; "Fourteen" ->
    {"fourteen"})."""
    return {w for w in _figure_tokens(value) if any(ch.isdigit() for ch in w) or w in NUMBER_WORDS}


def _figure_tokens(text: str) -> set[str]:
    """Words and figures as written, without the stop or comma after them ("killed 14." -> {"killed", "14"};
    "1,174,300" and "4.5" stay whole)."""
    return {w.rstrip(".,") for w in re.findall(r"[\w.,]+", text.lower())}


def _figure_kind(q) -> tuple:
    """What makes two figures comparable: the kind and what it measures (an area in hectares or acres), and
    for a count the noun it counts (as one kind: "cars" are "vehicles")."""
    return (*measure_of(q), SAME_KIND_COUNTED.get(q.counted, q.counted) if q.kind == "cardinal" else None)


# words that tell how a value changed ("rose to four", "now stands at", "revised up from"): a wording of the latest
# value with them tells the move, which the earlier value sets up
_TELLS_MOVE = re.compile(
    r"\b(?:ros[ea]|risen|rising|climb\w*|increas\w*|jump\w*|grew|grown|fell|fallen|dropp\w*|decreas\w*|revis\w*|"
    r"upgrad\w*|downgrad\w*|correct\w*|updat\w*|now|(?:up|down) from|earlier|initially|previously|"
    r"from (?:a |an |the )?(?:preliminary|previous|earlier|initial|original))\b", re.IGNORECASE)
_FROM_AFTER = re.compile(r"\s+from\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:preliminary|previous|earlier|initial|original)\s+)?"
                         r"[$€£]?\d", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)


def _moved_to(text: str, quantities: Sequence) -> list:
    """The figures a unit gives as the value something moved to, "to X from Y" ("upgraded the magnitude to 7.0
    from a preliminary 6.8", "raised its forecast to 3% from 2.5%")."""
    return [q for q in quantities if _TO_BEFORE.search(text, max(0, q.start - 4), q.start)
            and _FROM_AFTER.match(text, q.end)]


def _moved_past(given: Sequence, text: str, theirs: Sequence) -> bool:
    """Does a wording tell that a value the unit gives was left behind ("upgraded ... to 7.0 from a preliminary
    6.8" for a unit's "A magnitude 6.8 earthquake struck"): it gives the unit's figure only as the value moved
    from, and the value moved to, which the unit lacks?"""
    moved = _moved_to(text, theirs)
    if not moved or _gives_any(moved, given):
        return False
    left = [q for q in theirs if q not in moved and any(m.end <= q.start <= m.end + 40 for m in moved)]
    return _gives_any(left, given) and not _gives_any([q for q in theirs if q not in moved and q not in left], given)


def _gives_any(figures: Sequence, quantities: Sequence) -> bool:
    """Does one of ``quantities`` give one of ``figures`` (the same kind, overlapping values)?"""
    return any(q.kind == f.kind and q.overlaps(f) for f in figures for q in quantities)


def _stated_figures(quantities: Sequence) -> list:
    """The figures of a span whose kind says what they measure (a share, a sum, a count of a named noun):
    those another wording must agree with, on at least one of each kind, to state the same."""
    return [q for q in quantities if (q.kind != "cardinal" or q.counted) and (q.low is not None or q.high is not None)]


_AREA_OR_SIZE = ("area", "mass", "volume")  # measures that are a sentence's point (not a distance: "15 km from the line")


def _other_figures(mine: Sequence, theirs: Sequence) -> bool:
    """Does ``theirs`` give figures of a kind ``mine`` gives, none of which agrees with any of ``mine`` (or no
    share or sum where ``mine`` gives one)?
    ("won 27.8%, and Ostmark First 14.5%" does not state "won 28.9%, and Ostmark First 15.1%"; "took 58
    seats" states some of "58 of the 151 seats".)"""
    for kind in {_figure_kind(q) for q in mine}:
        same = [o for o in theirs if _figure_kind(o) == kind]
        if kind[0] in ("percent", "money") and not same or kind[0] == "measure" and kind[1] in _AREA_OR_SIZE and not same:
            # a share or a sum is the point of the sentence that gives it: "finished a close second" does
            # not state "was second with 27.8%" (a count may be told without its figure: "killed dozens"); so is
            # a size: "The fire was 10% contained" does not state "The fire grew to 14,000 acres on Wednesday"
            return True
        if same and not any(_states_value(o, q) for o in same for q in mine if _figure_kind(q) == kind):
            return True
    return False


def _states_value(theirs, mine) -> bool:
    """Does the figure ``theirs`` give the value ``mine`` gives? They agree, and an open bound is near the value,
    not merely on its side: "at least two people died" gives "Two people were killed", but "winds of up to 225
    km/h" does not give "winds of 65 mph" (the storm's peak, not its strength that evening). A count written round
    gives the precise one, and the other way round ("8,300 patients" / "8,312 patients")."""
    return (figures_agree(theirs, mine) and near_bound(theirs, mine) and not rival_bounds(theirs, mine)
            or count_rounded(theirs, mine))


COUNT_ONLY_TERMS = 3  # words a wording may say besides its count, its kind and its source, and tell only the count


def _count_only(u: Unit, doc: AnnotatedArticle) -> tuple[str, float] | None:
    """The kind of count ("~detained") and the figure of a wording that tells nothing but one count of a family:
    "Forty-seven troublemakers were detained, the interior ministry said"; None for any other."""
    claims = [c for c in doc.claims if _overlap(u.start, u.end, c.start, c.end) > 0]
    if len(claims) != 1:
        return None
    count = one_count(claims[0]) if claims[0].start >= u.start and claims[0].end <= u.end else \
        _span_count(claims, u.start, u.end)
    if not count or not count[0].startswith("~") or count[1].value is None:
        return None
    q = count[1]
    rest = {t for t in claims[0].terms if FAMILY_OF.get(t) != count[0] and t != q.counted
            and t != (q.counted or "").rstrip("s") and not any(ch.isdigit() for ch in t)
            and t not in _COUNT_WORDS and t.lower() not in NUMBER_WORDS}
    return (count[0], q.value) if len(rest) <= COUNT_ONLY_TERMS else None


_COUNT_WORDS = frozenset({"number", "total", "figure", "count", "tally", "put", "people", "person"})


def _gives_count(k: Unit, doc: AnnotatedArticle, count: tuple[str, float]) -> bool:
    """Does the wording give the count: a figure of that value inside it, in a claim with a word of its kind?"""
    family, value = count
    return any(q.value == value and k.start <= q.start and q.end <= k.end
               for c in doc.claims if _overlap(k.start, k.end, c.start, c.end) > 0
               and any(FAMILY_OF.get(t) == family for t in c.terms)
               for q in c.quantities)


def _span_count(claims: Sequence, start: int, end: int) -> tuple[str, object] | None:
    """What the one plain figure inside [start, end) counts, and the figure (as :func:`one_count` reads a
    claim), for a piece cut from a claim that gives more than one figure; None when the piece keeps all of
    its claim's figures (the claim's own count, if any, is then already the piece's)."""
    for c in claims:
        inside = [q for q in c.quantities if start <= q.start and q.end <= end]
        if len(inside) < len(c.quantities):
            return one_count(replace(c, quantities=inside))
    return None


def _unattributed_quote(start: int, end: int, quoted: list[tuple[int, int, int | None]]) -> bool:
    """Does [start, end) lie inside a direct quote without taking in its attribution? The middle sentence
    of a long quote ('"His grandmother said he was born in Kenya. He doesn't have a birth certificate. ..."
    Trump said') would read as the outlet's own statement."""
    for qs, qe, said_at in quoted:
        inside = max(0, min(end, qe) - max(start, qs))
        if inside >= 0.9 * (end - start) and not (said_at is not None and start <= said_at < end):
            return True
    return False


_SAY_ONLY = frozenset({"say", "tell", "add", "quote"})  # verbs that state nothing without what was said ...
_OPENS_IN_SAYING = re.compile(r"(?:Added|Said|Adds|Says|Continued|Wrote|Explained|Responded|Replied|Countered|Noted|Asked|"
                              r"Quipped|Recalled|Insisted|Agreed|Warned|Joked|Observed|Concluded|Declared)\s+"
                              r"(?:[A-Z][\w.'’-]*\s*)+(?:[,.]|$)")
_ENDS_IN_SAYING = re.compile(r"\b(?:said|says|say|told\s+\w+|tells\s+\w+|added|adds|as\s+saying)\W*$", re.IGNORECASE)  # ... at the end


def _verb_lost(start: int, end: int, claims) -> bool:
    """Whether a span cut from a sentence lost what its claims state: it keeps none of their verbs, or it
    keeps the start of a claim but not that claim's verb (a cut at ", which" inside "the command said the
    ninth compartment, which is connected to the hatch, may be flooded")."""
    verbs = [c for c in claims if c.verb_at is not None]
    if not verbs:
        return False
    if not any(start <= c.verb_at < end for c in verbs):
        return True
    return any(start <= c.start < end and not start <= c.verb_at < end for c in verbs)


def _bare_attribution(c) -> bool:
    """A claim that only says who spoke: its verb is one of saying, with nothing reported under it (a source
    that drops a comma gives "... as live explosives New York City Police Commissioner James O'Neill said."),
    or it opens with the verb before the speaker after a quote ("Added Lauten, who works for Rep. Fincher.")."""
    if c.attributed:
        return False
    if _OPENS_IN_SAYING.match(c.text) and not any(q in c.text for q in "\"“”:"):
        return True  # however long the speaker's description ("Responded Tom Berg, head of the rival festival, ...")
    return len(c.text.split()) <= 12 and bool(c.predicate in _SAY_ONLY and _ENDS_IN_SAYING.search(c.text))


_PERSONAL_WORD = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ourselves|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|[Mm]y|me)\b")
_FIRST_PERSON_I = re.compile(r"\bI(?:\s+(?=[a-z])|['’](?:m|ve|d|ll)\b)")
# a name before "I" makes it a numeral ("World War I", "Phase I", "King Charles I"); a capitalised opening
# word does not ("Then I went home")
_BEFORE_ROMAN = re.compile(r"(?<![\w.'’-])(?!(?:Then|When|But|And|So|If|As|Now|Here|There|Today|Yesterday|Later|Once|After|"
                           r"Before|Because|Although|Though|While|Since|Until|Still|Yet|Frankly|Honestly)\s)[A-Z][\w.'’-]*\s+$")


# "And certainly don't wave at the cameras": an order to someone, the words of a post or a speech
_IMPERATIVE = re.compile(r"^(?:[a-z]+ly\s+)?(?:don['’]t|do\s+not)\s+[a-z]", re.IGNORECASE)


def _personal(text: str) -> bool:
    """Does ``text`` speak as "I" or "we", or to "you" (also by telling them what not to do)?"""
    if _PERSONAL_WORD.search(text) or _IMPERATIVE.match(text):
        return True
    return any(not _BEFORE_ROMAN.search(text, 0, m.start()) for m in _FIRST_PERSON_I.finditer(text))


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|``.*?''")


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _balanced_quotes(text: str) -> bool:
    """Does every quote the text opens close in it? Straight, curly and PTB-style (``...'') marks."""
    return text.count("\"") % 2 == 0 and text.count("“") == text.count("”") and text.count("``") == text.count("''")
