"""Facts: claims from different articles that state the same thing, with how well each is corroborated.

1. **Slots.** Each claim gets the canonical entities, dates (TIMEX3 values) and quantities inside it.
2. **Candidates by blocking.** Claims are bucketed by their canonical entities, predicate and rare
   content words; only claims of different articles that share at least two keys are compared, and
   keys shared by too many claims (the story's name, "said") are not used. This keeps the work
   near-linear in the number of claims instead of all pairs. Claims that give the same figure for the
   same kind of count (deaths, injured, missing, displaced, detained: ``counts.py``) are compared too,
   since "fourteen people have been confirmed dead" may share no other word with "at least 14 died"; so are
   claims that give one sum of money about one name, and claims that date what they state by the same two
   days and name one entity in common (a small story's shared words are too common to be keys). Names are
   read in their entity's canonical spelling (``SentenceIndex.terms_of``: "Petrovsky" / "Petrovski").
3. **Same content.** A candidate pair is linked when the alignment index says the two state the same
   content: TF-IDF over content lemmas, containment, or close sentence embeddings of the canonicalized
   text (entity variants replaced by canonical names), embeddings only for pairs that share words.
   Two claims dating something to the same day, or giving the same figure for the same kind of count,
   are linked on a close embedding alone (closer for a day than for a figure or a clock time of a
   day). Two claims about different years (their dates' years, or for
   an undated claim its article's publication year) are never linked.
4. **Grouping.** Links are taken best first; two groups merge only if they hold no two claims of the same
   article, so a fact has at most one wording per article and chains cannot snowball through a story.
5. **Independence.** Articles that copy each other's text (reuse passages covering the claim) or come from
   the same outlet count once: ``independent_sources`` is the number of distinct origins.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import combinations, product
from types import SimpleNamespace

import numpy as np

from newsweave.align.changes import change_made, clause_words
from newsweave.align.counts import COUNT_FAMILIES, FAMILY_OF, JOB_NOUNS, PEOPLE_KINDS, SAME_COUNTED
from newsweave.align.similarity import SentenceIndex
from newsweave.annotate.tallies import find_tallies
from newsweave.model import AnnotatedArticle, Claim

MAX_BUCKET = 60  # a key shared by more claims than this says nothing about which ones match
MIN_SHARED_KEYS = 2
SAME_DAY_EMBEDDING = 0.62
# One figure for one kind of count is more specific than a day (a story has many events on one day, and
# rarely two tolls of the same size), so it needs less closeness in meaning than SAME_DAY_EMBEDDING.
SAME_FIGURE_EMBEDDING = 0.55
# One named thing changed by one share, the same way ("cut the risk of heart attacks by 30%" / "reducing the risk of
# heart attack by 30% compared with placebo") is a fingerprint too, whatever else the sentences say around it (a
# release's "met the main goal of its VELA trial, ..." reads 0.36 against the wire's wording): the wordings need only
# be about one event, as two counts of one kind in reports of a news cycle (disagreements.SAME_COUNT_FAMILY_EMBEDDING).
SAME_CHANGE_EMBEDDING = 0.3
# So is one clock time of one day ("shortly before 11 p.m." on Monday in two reports): SAME_FIGURE_EMBEDDING too.
# One person's act on one day, told with that person as the subject of both wordings ("Interior Minister Petra
# Lindqvist resigned on Monday after ..." / "Interior Minister Petra Lindqvist stepped down on Monday, saying ...":
# 0.62 apart), is more specific than a day alone: a person does few things a day that the news tells.
SAME_ACT_EMBEDDING = 0.55
# A vote's split with this many votes in all (a parliament's, a board's of many) is as much a fingerprint of one vote
# as a change by one share is of one change: SAME_CHANGE_EMBEDDING (a match's 2-1 or a court's 5-4 is not).
LARGE_TALLY = 30
# Two reports' leads of one day (same_day_lead_pairs) tell one event in words as far apart as two outlets' framing
# puts them (0.58-0.64 for a royalist paper's, a republican paper's and the wire's leads on one referendum)
SAME_LEAD_EMBEDDING = 0.55


def _one_persons_act(a: Claim, b: Claim, persons: frozenset[str] | set[str]) -> bool:
    """Do both claims open on one person, the first name each gives ("Interior Minister Petra Lindqvist resigned"
    / "Petra Lindkvist was forced out")?"""
    first_a = next(iter(a.entities), None)
    return first_a is not None and first_a in persons and first_a == next(iter(b.entities), None)


def same_day_lead_pairs(docs: Sequence[AnnotatedArticle], claims: Sequence[Claim], own_days: Sequence[set[str]]) -> set[tuple[int, int]]:
    """Pairs of two reports' leads (the first claim of each one's first body sentence) that date what they tell to the
    same days: the days the lead dates its clause to, else the day its source said it ("Voters in Norvalia appear to
    have narrowly approved ..., the electoral commission said late on Sunday"). A lead that names no day may be
    background ("The truce, brokered by Russia last week, stipulated that ..."): it takes part in none."""
    first_body = {d.article.id: min((s.index for s in d.sentences if s.kind == "sentence"), default=None) for d in docs}
    leads: dict[str, int] = {}
    for k, c in enumerate(claims):
        if c.sentence == first_body.get(c.article) and c.article not in leads:
            leads[c.article] = k
    days = {art: own_days[k] or {d for t in claims[k].dates if in_attribution(claims[k], t.start, t.end) and (d := day_of(t))}
            for art, k in leads.items()}
    arts = sorted(leads)
    # (the same days, not days in common: "Twenty-eight of the 287 pupils abducted ... on Thursday escaped ... on Friday"
    # tells Friday's news, not Thursday's)
    return {tuple(sorted((leads[x], leads[y]))) for n, x in enumerate(arts) for y in arts[n + 1:] if days[x] and days[x] == days[y]}


def _clause_dates(claim: Claim, phrase_dated: frozenset | set = frozenset()) -> list:
    """The claim's dates that date what it states: not those of a noun phrase in it ("the dam, a barrier
    built in 1974, failed on Monday" is not about 1974; ``AnnotatedArticle.date_phrases``), given as
    ``phrase_dated``, a set of (article, start, end); nor those of its attribution ("nine are still
    missing, the ministry said on Wednesday" dates the saying)."""
    if not phrase_dated and not claim.attribution:
        return claim.dates
    return [t for t in claim.dates if (claim.article, t.start, t.end) not in phrase_dated
            and not in_attribution(claim, t.start, t.end)]


def in_attribution(claim: Claim, start: int, end: int) -> bool:
    """Is [start, end) inside the claim's attribution ("the ministry said on Wednesday")?"""
    return any(s <= start and end <= e for s, e in claim.attribution)


def day_of(t) -> str | None:
    """The day a date or time expression names ("2026-03-09", also of "2026-03-09T23:00"), or None (a week, a
    month, a year)."""
    if t.type in ("DATE", "TIME") and len(t.value) >= 10 and t.value[4:5] == "-" and t.value[10:11] in ("", "T"):
        return t.value[:10]
    return None


def _days(c: Claim, phrase_dated: frozenset | set = frozenset()) -> set[str]:
    """The days the claim dates what it states by (a clock time is on its day too: "2026-03-09T23:00")."""
    return {d for t in _clause_dates(c, phrase_dated) if (d := day_of(t))}


def _same_day(a: Claim, b: Claim, phrase_dated: frozenset | set = frozenset()) -> bool:
    return bool(_days(a, phrase_dated) & _days(b, phrase_dated))


# The stages of a deal, a treaty or a truce: talks ("is in advanced talks to buy", "are negotiating a ceasefire") and
# an agreement ("agreed to buy", "signed a ceasefire"). A report of talks and a later one of the agreement tell two
# events, however alike their words ("Harlow Foods is in talks to buy Brisk Bakeries for about $12 billion" /
# "Harlow Foods agreed on Monday to buy Brisk Bakeries for $11.4 billion").
_TALKS = re.compile(r"\b(?:(?:is|are|was|were|been|be)\s+(?:in\s+(?:advanced\s+|early\s+|exclusive\s+|final\s+)?"
                    r"(?:talks|discussions|negotiations)|negotiating|considering|exploring|weighing)|held\s+talks)\b",
                    re.IGNORECASE)
_AGREED = re.compile(r"\b(?:agreed|agrees|signed|signs|sealed|struck|completed|clinched|finalised|finalized)\b",
                     re.IGNORECASE)


def deal_stage(claim: Claim) -> str | None:
    """"talks" or "agreed" for a claim that tells a deal's stage in its own words (outside its attribution), else
    None."""
    text = claim.text
    cut = min((s - claim.start for s, _e in claim.attribution if s > claim.start), default=len(text))
    own = text[:cut] if cut > 0 else text
    agreed, talks = _AGREED.search(own), _TALKS.search(own)
    if agreed and (not talks or agreed.start() < talks.start()):
        return "agreed"
    return "talks" if talks else None


def _phrase_days(c: Claim, phrase_dated: frozenset | set, subjects: frozenset | set) -> set[str]:
    """The days of the phrases the claim dates a thing it names by ("the tanker its navy seized ... on Thursday"),
    but for a phrase that is what the claim tells of (``subjects``, the dates of phrases a verb follows: "admitted on
    Tuesday that the theft it revealed on Monday may have hit 6 million accounts" tells the theft)."""
    return {d for t in c.dates if (c.article, t.start, t.end) in phrase_dated
            and (c.article, t.start, t.end) not in subjects and (d := day_of(t))}


def _retold_in_phrase(own_a: set[str], phrase_a: set[str], own_b: set[str], phrase_b: set[str]) -> bool:
    """Does one claim retell the other's event in a phrase while it states another day's ("Velia on Friday released
    10 of the 23 crew members of the Aegean Star, the tanker its navy seized ... on Thursday" / "Velian naval forces
    seized ... the Aegean Star ... on Thursday")? The phrase's day is the other's, the clause's is not: two facts,
    however many words they share. ``own_*``: the days each claim dates what it states by (_days); ``phrase_*``:
    its phrases' (_phrase_days)."""
    return bool(own_a and own_b and own_a.isdisjoint(own_b) and (own_a & phrase_b or own_b & phrase_a))


# a verb right after a phrase: the phrase is its subject ("the theft it revealed on Monday may have hit ...")
_VERB_AFTER = re.compile(r"\s+(?:may|might|could|would|will|can|should|must|has|had|have|is|was|were|are|did|does|"
                         r"do|also|now|still)\b")


def _other_days(a: Claim, b: Claim, phrase_dated: frozenset | set = frozenset()) -> bool:
    """Do both claims date what they state, and to no day in common?"""
    da, db = _days(a, phrase_dated), _days(b, phrase_dated)
    return bool(da and db and da.isdisjoint(db))


def _cross_article_pairs(claims: Sequence[Claim], buckets: dict[tuple, list[int]]) -> set[tuple[int, int]]:
    """Pairs (i < j) of claims of different articles that share a key, from keys no more than MAX_BUCKET share."""
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 2 <= len(members) <= MAX_BUCKET:
            pairs.update((min(i, j), max(i, j)) for x, i in enumerate(members) for j in members[x + 1:]
                         if claims[i].article != claims[j].article)
    return pairs


def same_days_pairs(claims: Sequence[Claim], phrase_dated: frozenset | set = frozenset()) -> set[tuple[int, int]]:
    """Pairs of claims (indices) from different articles that date what they state by the same two days and name
    one entity in common ("postponed the trial of X on Tuesday until May 18" / "X's trial was put off on Tuesday
    until May 18"): in a story of a few reports their shared words are too common to be informative keys."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        days = sorted(_days(c, phrase_dated))
        for x, d1 in enumerate(days):
            for d2 in days[x + 1:]:
                for e in c.entities:
                    buckets[(d1, d2, e)].append(i)
    return _cross_article_pairs(claims, buckets)


def same_tally_pairs(claims: Sequence[Claim], large: bool = False) -> set[tuple[int, int]]:
    """Pairs of claims (indices) from different articles that give one vote split or score and name one entity
    in common ("ruling 5-4 that it breached the right to free assembly" / "In a stunning 5-4 decision, Velia's
    unelected Constitutional Court ... tore up the law"): a split is as specific as a figure.
    ``large``: the pairs that give one split of at least LARGE_TALLY votes in all, named entity or not ("passed a law
    ... by 212 votes to 187" / "Parliament approved the landmark media reform ... by 212 to 187"): few votes of a
    story split so, and that split is a fingerprint of its vote."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        tallies = find_tallies(c.text)
        if len(tallies) == 1:
            if large:
                if sum(tallies[0].split) >= LARGE_TALLY:
                    buckets[tallies[0].split].append(i)
                continue
            for e in c.entities:
                buckets[(tallies[0].split, e)].append(i)
    return _cross_article_pairs(claims, buckets)


def _parts_of_day(c: Claim, phrase_dated: frozenset | set = frozenset()) -> set[tuple[str, str]]:
    """(day, part) of each part of a day the claim dates what it states by, named ("Saturday morning": the morning;
    not a clock time, which two reports of one event may give differently: a disagreement to show)."""
    return {(str(t.value)[:10], str(t.value)[11:13]) for t in _clause_dates(c, phrase_dated)
            if t.type == "TIME" and str(t.value)[10:11] == "T" and str(t.value)[11:13] in ("MO", "AF", "EV", "NI")}


def _other_parts_of_day(pa: set[tuple[str, str]], pb: set[tuple[str, str]]) -> bool:
    """Do two claims date what they state to one day, each to a part of it (``pa``, ``pb``: their _parts_of_day),
    and to no part in common ("fired tear gas at farmers ... on Saturday morning" / "clashed with police ... again on
    Saturday evening")? Two events of the day, however alike their words."""
    days = {d for d, _ in pa} & {d for d, _ in pb}
    return bool(days) and not pa & pb


def _same_time(a: Claim, b: Claim, phrase_dated: frozenset | set = frozenset()) -> bool:
    """Do the two date something to the same clock time of the same day ("2026-03-09T23:00")?"""
    times = lambda c: {t.value[:16] for t in _clause_dates(c, phrase_dated)  # noqa: E731
                       if t.type == "TIME" and len(t.value) >= 16 and t.value[10:11] == "T" and t.value[13:14] == ":"}
    return bool(times(a) & times(b))


def _figure(claim: Claim) -> tuple[str, float] | None:
    """The (kind of count, value) of a claim that gives one plain figure for one kind of count ("at least
    14 people have died": ("~dead", 14)); None for any other claim. A claim with two figures or two kinds
    of count ("14 died and 30 were hurt") is left out rather than guessed at: which figure counts what
    would need the parse."""
    count = one_count(claim)
    if count is None or count[0] not in COUNT_FAMILIES or count[1].value is None:
        return None
    return count[0], count[1].value


def one_count(claim: Claim) -> tuple[str, object] | None:
    """What the claim's one plain figure counts, and the figure: the kind of count ("~dead", from the
    claim's words) or else the counted noun ("homes"). None for a claim with no figure, with several, or
    that does not say what its figure counts."""
    figures = [q for q in claim.quantities if q.kind == "cardinal" and q.unit is None
               and (q.low is not None or q.high is not None)]
    if len(figures) != 1:
        return None
    families = {FAMILY_OF[t] for t in claim.terms if t in FAMILY_OF}
    if families == {"~jobs cut"} and figures[0].counted and figures[0].counted not in JOB_NOUNS:
        families = set()  # "cut power to about 230,000 homes" cuts no jobs: a count of homes
    if len(families) == 1:
        return next(iter(families)), figures[0]
    if not families and figures[0].counted:
        return figures[0].counted, figures[0]
    return None


def _other_things_counted(a: Claim, b: Claim, count_a: tuple[str, object] | None,
                          count_b: tuple[str, object] | None) -> bool:
    """Do two claims count different things, one of them a kind of count the other has no word of? "At least 41
    people died when a fishing boat capsized off Lendos" and "Up to 400 refugees may have been on board the fishing
    boat that sank off Lendos" tell one sinking, but one counts the dead and the other the people on board: neither
    states the other."""
    if not (count_a and count_b) or count_a[0] == count_b[0]:
        return False
    for (family, _q), other in ((count_a, b), (count_b, a)):
        if family.startswith("~") and all(FAMILY_OF.get(t) != family for t in other.terms):
            return True
    return False


def conflicting_counts(a: tuple[str, object] | None, b: tuple[str, object] | None) -> bool:
    """Do two claims give figures that cannot both hold for the same count ("nine are missing" / "six
    are missing")? Such claims are two versions of a figure, which the disagreements report, never one
    fact: citing the outlet that says six for "nine are missing" would misquote it."""
    return bool(a and b and a[0] == b[0] and not a[1].overlaps(b[1]))


# Measures told in other units: unit -> (what it measures, factor to the base unit, offset). Reports of one
# story give an area in hectares or acres, a distance in km or miles, a heat in Celsius or Fahrenheit.
_BASE_UNITS: dict[str, tuple[str, float, float]] = {
    "m": ("length", 1.0, 0.0), "km": ("length", 1000.0, 0.0), "cm": ("length", 0.01, 0.0), "mm": ("length", 0.001, 0.0),
    "mile": ("length", 1609.344, 0.0), "ft": ("length", 0.3048, 0.0), "inch": ("length", 0.0254, 0.0),
    "m2": ("area", 1.0, 0.0), "km2": ("area", 1e6, 0.0), "sq mi": ("area", 2589988.11, 0.0),
    "hectare": ("area", 1e4, 0.0), "acre": ("area", 4046.8564224, 0.0),
    "kg": ("mass", 1.0, 0.0), "g": ("mass", 0.001, 0.0), "tonne": ("mass", 1000.0, 0.0), "lb": ("mass", 0.45359237, 0.0),
    "km/h": ("speed", 1.0, 0.0), "mph": ("speed", 1.609344, 0.0),
    "m3": ("volume", 1.0, 0.0), "litre": ("volume", 0.001, 0.0), "gallon": ("volume", 0.003785411784, 0.0),
    "°C": ("temperature", 1.0, 273.15), "°F": ("temperature", 5 / 9, 273.15 - 32 * 5 / 9),
    # durations, in days (a month as a twelfth of a year: "24 months" is "two years", "18 months" is not)
    "minute": ("duration", 1 / 1440, 0.0), "hour": ("duration", 1 / 24, 0.0), "day": ("duration", 1.0, 0.0),
    "week": ("duration", 7.0, 0.0), "month": ("duration", 365.25 / 12, 0.0), "year": ("duration", 365.25, 0.0),
}
CONVERTED_SLACK = 0.03  # a figure converted from another unit is rounded: "12,000 hectares (30,000 acres)"


def measure_of(q) -> tuple[str, str | None]:
    """What a figure measures, across units: ("measure", "area") for hectares and acres alike; else its
    kind and unit."""
    if q.kind == "measure" and q.unit in _BASE_UNITS:
        return q.kind, _BASE_UNITS[q.unit][0]
    return q.kind, q.unit


def figures_agree(a, b) -> bool:
    """Do two figures agree, allowing for rounding? A figure rounds another when they differ by less than one
    unit of its last digit ("29 percent" / "29.4%", "63 percent" / "63.5 per cent"; not "27.8%" / "28.9%",
    nor "55 seats" / "56 seats"). Measures in two units are compared in one, within the rounding a conversion
    brings ("about 12,000 hectares" / "32,000 acres")."""
    if a.kind == b.kind == "measure" and a.unit != b.unit and a.unit in _BASE_UNITS and b.unit in _BASE_UNITS:
        return _converted_agree(a, b)
    if a.overlaps(b):
        return True
    if a.value is None or b.value is None:
        return False
    # the coarser figure is the other rounded (within half its last digit's unit) or cut short (below the other by
    # less than one unit: "63 percent" of 63.5); "1 billion" is no rounding of "half a billion", as "55 seats" is none
    # of 56
    coarse, fine = (a, b) if _last_digit(a) >= _last_digit(b) else (b, a)
    unit = _last_digit(coarse)
    diff = abs(a.value - b.value)
    return diff < unit / 2 or (coarse.value <= fine.value and diff < unit)


OPEN_BOUND_REACH = 1.25  # how far past an open bound a value may be and still be what the bound gives


def near_bound(a, b) -> bool:
    """Is each open bound of the two figures ("up to 225 km/h", "at least two people") near the other's value,
    not merely on its side? "winds of up to 225 km/h" (the storm's peak) and "winds of 65 mph" (that evening's)
    agree as bounds go, but do not give one value. Measures are compared in their dimension's base unit."""
    def scale(q) -> float:
        return _BASE_UNITS[q.unit][1] if q.kind == "measure" and q.unit in _BASE_UNITS else 1.0

    for q, other in ((a, b), (b, a)):
        if (q.low is None) == (q.high is None):
            continue  # (an exact figure, or a range)
        bound = (q.low if q.high is None else q.high) * scale(q)
        value = next((x for x in (other.value, other.low, other.high) if x is not None), None)
        if not bound or not value:
            continue
        value *= scale(other)
        if max(abs(value), abs(bound)) / min(abs(value), abs(bound)) > OPEN_BOUND_REACH:
            return False
    return True


def _converted_agree(a, b) -> bool:
    (dim_a, fa, oa), (dim_b, fb, ob) = _BASE_UNITS[a.unit], _BASE_UNITS[b.unit]
    if dim_a != dim_b:
        return False

    def bounds(q, f: float, o: float) -> tuple[float, float]:
        # (the slack is a share of the figure as written, in its own unit: 3% of 43 degrees, not of 316 kelvin)
        written = [abs(x) for x in (q.low, q.high, q.value) if x is not None]
        slack = CONVERTED_SLACK * max(written) * f if written else 0.0
        lo = -math.inf if q.low is None else q.low * f + o - slack
        hi = math.inf if q.high is None else q.high * f + o + slack
        return lo, hi

    (la, ha), (lb, hb) = bounds(a, fa, oa), bounds(b, fb, ob)
    return la <= hb and lb <= ha


def _last_digit(q) -> float:
    """The value of a written figure's last digit: 1 for "29", 0.1 for "29.4", 100,000 for "2.5 million"."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
    if not m:
        return 1.0
    written = float(m.group(0).replace(",", ""))
    scale = q.value / written if written else 1.0
    return (10.0 ** -len(m.group(1)) if m.group(1) else 1.0) * scale


def count_rounded(qa, qb) -> bool:
    """Is one of two counts in thousands the other written round to its hundreds or more ("The trial followed 8,300
    patients" / "VELA enrolled 8,312 patients")? The round one keeps two significant digits at least: "1 million"
    is no rounding of "1.2 million", but another figure."""
    if qa.kind != "cardinal" or qb.kind != "cardinal" or qa.value is None or qb.value is None \
            or min(qa.value, qb.value) < 1000 or qa.approx or qb.approx:
        return False
    coarse, fine = sorted((qa.value, qb.value), key=lambda v: (-_trailing_zeros(v), v))
    unit = 10 ** _trailing_zeros(coarse)
    return unit >= 100 and coarse >= 10 * unit and _trailing_zeros(fine) < _trailing_zeros(coarse) and \
        _rounded(fine, unit) == coarse


def _rounded(value: float, unit: int) -> int:
    return int(Decimal(value / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * unit


def _trailing_zeros(value: float) -> int:
    if value != int(value) or value == 0:
        return 0
    n, v = 0, int(value)
    while v % 10 == 0:
        n, v = n + 1, v // 10
    return n


_CONVERSION_BRACKET = re.compile(r"\s*\(\s*(?:about|around|some|roughly|nearly|almost|approximately)?\s*$", re.IGNORECASE)


def converted(text: str, q, quantities) -> bool:
    """Is the figure ``q`` another figure of its claim told again in another unit or currency, in brackets after it
    ("12,000 hectares (30,000 acres)", "85 million pounds ($108 million)")? It is that figure, not one of its own."""
    if q.kind == "measure" and q.unit in _BASE_UNITS:
        def same(o) -> bool:
            return o.kind == "measure" and o.unit in _BASE_UNITS and _BASE_UNITS[o.unit][0] == _BASE_UNITS[q.unit][0]
    elif q.kind == "money" and q.unit:
        def same(o) -> bool:
            return o.kind == "money" and bool(o.unit) and o.unit != q.unit
    else:
        return False
    m = _CONVERSION_BRACKET.search(text, max(0, q.start - 20), q.start)
    return bool(m) and any(o is not q and o.end == m.start() and same(o) for o in quantities)


def conflicting_figures(a: Claim, b: Claim) -> bool:
    """Do two claims give different values of one measure or sum ("sentenced to 12 years in prison" / "to 10
    years in jail")? Each gives one figure of that kind and unit, and they do not agree even allowing for
    rounding. Such claims are two versions of a figure, never one fact. (Shares stay together: a share is
    often of a moving count, "31.2% after 40% of ballots were counted" / "29.4%, final results showed", whose
    wordings the disagreements compare as one statement; the summary cites each only where its share is.)"""
    return figures_conflict(a.quantities, b.quantities, shares=False)


def figures_conflict(a: Sequence, b: Sequence, counts: bool = False, shares: bool = True) -> bool:
    """Do two lists of figures give different values of one measure, sum or (with ``shares``) share, one
    figure of that kind and unit on each side; with ``counts``, also of a count of one named noun ("12
    people" / "14 people")?"""
    mine = _single_figures(a, counts, shares)
    if not mine:
        return False
    theirs = _single_figures(b, counts, shares)
    return any(k in theirs and not (figures_agree(q, theirs[k]) and near_bound(q, theirs[k]))
               or k in theirs and rival_bounds(q, theirs[k]) for k, q in mine.items())


def rival_bounds(a, b) -> bool:
    """Are the two figures bounds on one side of different values ("waited up to four years" / "up to five
    years")? Each is where the thing ends, and they end in different places, beyond rounding."""
    for lo_open in (True, False):
        x, y = (a.high, b.high) if lo_open else (a.low, b.low)
        if (a.low is None) == lo_open and (b.low is None) == lo_open and (a.high is None) != lo_open \
                and (b.high is None) != lo_open and x is not None and y is not None and x != y:
            unit = max(_last_digit(a), _last_digit(b))
            return abs(x - y) >= unit
    return False


def _single_figures(quantities: Sequence, counts: bool, shares: bool) -> dict[tuple, object]:
    kinds: dict[tuple, list] = defaultdict(list)
    kinds_taken = ("percent", "money", "measure") if shares else ("money", "measure")
    for q in quantities:
        # (a measure or a sum may be an open bound: "winds of up to 225 km/h")
        bounded = q.value is None and q.kind in ("measure", "money") and (q.low is None) != (q.high is None)
        if (q.value is not None or bounded) and (q.kind in kinds_taken or counts and q.counted):
            kinds[(*measure_of(q), q.counted if q.kind == "cardinal" else None)].append(q)
    return {k: qs[0] for k, qs in kinds.items() if len(qs) == 1}


def _years(claim: Claim, published_year: dict[str, str], phrase_dated: frozenset | set = frozenset()) -> frozenset[str]:
    """The years a claim is about: those of its dates (not a noun phrase's), or else its article's
    publication year (an undated statement is about the news); empty when neither is known. A year a span
    runs from ("the lowest since 1994", "controlled by Armenian forces since 1994") is that year and now."""
    dates = [t for t in _clause_dates(claim, phrase_dated) if t.type == "DATE" and t.value[:4].isdigit()]
    own = frozenset(t.value[:4] for t in dates)
    now = frozenset({published_year[claim.article]}) if published_year.get(claim.article) else frozenset()
    if any(_since(claim, t) for t in dates):
        own |= now
    return own or now


def _since(claim: Claim, t) -> bool:
    """Is the date the start of a span that runs up to now ("the lowest since 1994", "in office since
    2019")? The claim is about now as well as that year."""
    start = getattr(t, "start", None)
    if start is None:
        return False
    at = start - claim.start
    return claim.text[max(0, at - 6):at].lower() == "since "


def _other_years(a: Claim, b: Claim, published_year: dict[str, str], phrase_dated: frozenset | set = frozenset()) -> bool:
    """Are the two claims about different years ("nine died in a landslide in 2019")?"""
    ya, yb = _years(a, published_year, phrase_dated), _years(b, published_year, phrase_dated)
    return bool(ya and yb and not ya & yb)


# A prison term given: "sentenced ... to 12 years in prison", "jailed for 12 years", "a 12-year jail term"; not
# one asked for or risked ("prosecutors sought 14 years", "faces up to 20 years in prison")
_TERM_BEFORE = re.compile(r"\b(?:sentenced|sentencing|jailed|imprisoned|handed|given|received|gets|got|serve|serving)"
                          r"\b[^.;:]{0,45}$", re.IGNORECASE)
_TERM_LIST = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:,|and|or|to)\s+$",
                        re.IGNORECASE)
_JAILED_BEFORE = re.compile(r"\b(?:jailed|imprisoned)\s+for\s+$", re.IGNORECASE)
_TERM_AFTER = re.compile(r"^\s*(?:in\s+(?:prison|jail)|(?:prison|jail)\s+(?:term|sentence))\b", re.IGNORECASE)
# a sentence that is no prison term: "three years' probation", "a two-year suspended sentence"
_NOT_PRISON_AFTER = re.compile(r"^['’]?\s*(?:of\s+)?(?:probation|suspended|community|house\s+arrest|ban|exile)\b", re.IGNORECASE)
_TERM_SOUGHT = re.compile(r"\b(?:asked|asks|sought|seeks?|seeking|demanded|requested|called\s+for|faces?|facing|"
                          r"up\s+to|maximum|could|would|might|risks?)\b[^.;:]{0,45}$", re.IGNORECASE)


# time already served is no term given: "a man who has already spent 12 years in prison"
_TIME_SERVED_BEFORE = re.compile(r"\b(?:spent|spend|spends|spending|served)\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|"
                                 r"about\s+|over\s+|some\s+|a\s+total\s+of\s+)?$", re.IGNORECASE)


def prison_term(text: str, q) -> bool:
    """Is the duration a prison term a court gave ("sentenced to 12 years in prison", "jailed for 12 years")?"""
    before, after = text[max(0, q.start - 60):q.start], text[q.end:q.end + 25]
    if _NOT_PRISON_AFTER.match(after) or _TERM_SOUGHT.search(before) or _TERM_LIST.search(before):
        return False  # (nor the terms of several people: "Xu, Wang and Qin were sentenced to 11 and 12 years")
    if _TIME_SERVED_BEFORE.search(before):
        return False
    # a court's verb and a prison named after the figure, or a verb that is itself prison ("jailed for")
    return bool(_TERM_AFTER.match(after) or _JAILED_BEFORE.search(before)
                or _TERM_BEFORE.search(before) and not re.match(r"^\s*(?:of|for|in)\b", after))


# A ban or suspension given: "banned for two years", "a four-year doping ban", "cut her ban to 18 months", "an
# 18-month suspension"; not one sought ("WADA had sought the full four-year suspension"), nor the term a ruling
# replaced ("reduced the four-year ban", "cut his ban from four years to two", "the four-year ban was halved")
_BAN_AFTER = re.compile(r"^[\s-]*(?:(?:doping|competition|competitive|driving|playing|racing|travel|coaching|"
                        r"lifetime|worldwide|global|provisional|total)\s+){0,2}(?:ban|suspension)s?\b", re.IGNORECASE)
_BANNED_FOR_BEFORE = re.compile(r"\b(?:banned|suspended|barred|disqualified|excluded)\b[^.;:,]{0,40}?\bfor\s+"
                                r"(?:(?:just|only|another|a\s+further)\s+)?$", re.IGNORECASE)
_BAN_TO_BEFORE = re.compile(r"\b(?:ban|suspension)s?\b[^.;:]{0,40}?\b(?:to|of)\s+(?:(?:just|only)\s+)?$",
                            re.IGNORECASE)
_REPLACED_BEFORE = re.compile(r"(?:\b(?:reduc\w*|cut|cutting|halv\w*|shorten\w*|lower\w*|slash\w*|overturn\w*|"
                              r"lift\w*|quash\w*|annul\w*|extend\w*|doubl\w*)\s+(?:(?:the|her|his|their|its|an?|"
                              r"original|initial|earlier|previous|full)\s+)*|\bfrom\s+(?:(?:an?|the)\s+)?)$",
                              re.IGNORECASE)
_REPLACED_AFTER = re.compile(r"^[\s-]*(?:[\w-]+\s+){0,3}?(?:was|is|has\s+been|had\s+been|will\s+be)\s+"
                             r"(?:\w+\s+)?(?:halved|cut|reduced|shortened|lowered|slashed|overturned|lifted|quashed|"
                             r"annulled|extended|doubled)\b", re.IGNORECASE)


def term_kind(text: str, q) -> str | None:
    """What a duration is, when it is a term someone was given: "prison term" (:func:`prison_term`), "ban" (a
    ban or suspension), else None. Terms of one kind are compared across reports; other durations are not."""
    if prison_term(text, q):
        return "prison term"
    before, after = text[max(0, q.start - 60):q.start], text[q.end:q.end + 40]
    if _TERM_SOUGHT.search(before) or _TERM_LIST.search(before):
        return None
    if _REPLACED_BEFORE.search(before) or _REPLACED_AFTER.match(after):
        return None  # the term a ruling replaced: the new one is the value ("reduced the four-year ban to two years")
    if _BAN_AFTER.match(after) or _BANNED_FOR_BEFORE.search(before) or _BAN_TO_BEFORE.search(before):
        return "ban"
    return None


def same_figure_pairs(claims: Sequence[Claim]) -> set[tuple[int, int]]:
    """Pairs of claims (indices) from different articles that give the same figure for the same kind of
    count ("at least 14 people have died" / "fourteen people have been confirmed dead"), or the same sum of money
    about one name: they may share no word but the figure, so blocking by shared words does not find them."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    figure_buckets: dict[tuple, list[int]] = defaultdict(list)
    counted_buckets: dict[tuple, list[int]] = defaultdict(list)
    sum_buckets: dict[tuple, list[int]] = defaultdict(list)
    telling: dict[int, list] = {}
    near_buckets: dict[tuple, list[int]] = defaultdict(list)
    specific_buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        key = _figure(c)
        if key is not None:
            buckets[key].append(i)
            near_buckets[key[:1]].append(i)  # (the figure told round: see below)
        # ... or the same sum of money about the same name ("accused of taking $12 million in bribes" / "charged
        # with accepting $12 million in kickbacks"): an amount is as specific as a toll
        money = [q for q in c.quantities if q.kind == "money" and q.value is not None]
        if len(money) == 1:
            for e in c.entities:
                buckets[("money", money[0].unit, money[0].value, e)].append(i)
        # ... or the same prison term given to the same person ("His deputy, Lena Varga, was sentenced to five
        # years" / "was given five years")
        # (not a ban's length: "appeal against the decision to cut her ban to two years" tells the appeal)
        terms = [q for q in c.quantities if q.kind == "measure" and q.value is not None
                 and prison_term(c.text, SimpleNamespace(start=q.start - c.start, end=q.end - c.start))]
        if len(terms) == 1:
            for e in c.entities:
                buckets[("term", terms[0].unit, terms[0].value, e)].append(i)
        # ... or the same precise measure of the same name, in any unit the claim gives it ("Temperatures in Varno
        # reached 41.3C (106.3F)" / "Varno ... touched 41.3 degrees Celsius"): a figure with a decimal is as specific
        # as a sum (not a duration: "2.5 hours")
        for q in c.quantities:
            if (q.kind == "measure" and q.value is not None and q.value != int(q.value) and q.unit in _BASE_UNITS
                    and _BASE_UNITS[q.unit][0] != "duration"):
                for e in c.entities:
                    buckets[("measure", q.unit, q.value, e)].append(i)
        # ... or two figures in common ("212 had a heart attack, against 301 of those given a placebo" / "had 212
        # heart attacks, compared with 301 among those on a dummy pill"): two numbers together are a fingerprint,
        # a count written round in one report and precise in another among them ("followed 8,300 patients in 14
        # countries" / "enrolled 8,312 patients at 410 sites in 14 countries")
        # ... or the same count of one kind of people among other figures ("rescuers had reached a group of 22 men
        # who were alive" / "eight miners remained trapped after rescuers brought 22 men to the surface alive"): a
        # figure that is no small number, of people of one kind, is as specific as a toll (not of things: "20 states"
        # sue in many statements of one trial)
        # (one figure told alike, bounds and all: "more than 100,000 children" placed by an agency is no telling of
        # "the 100,000 children in foster care"; nor is the whole a part is of: "24 of its 29 assembly plants")
        if key is None:
            for q in c.quantities:
                if (q.kind == "cardinal" and q.unit is None and q.counted in _PEOPLE_COUNTED and _telling(q)
                        and not _WHOLE_OF_BEFORE.search(c.text, 0, max(0, q.start - c.start))):
                    counted_buckets[("counted", SAME_COUNTED.get(q.counted, q.counted), q.low, q.high)].append(i)
        telling[i] = list({(q.kind, q.value): q for q in c.quantities if _telling(q)}.values())[:MAX_FIGURES]
        forms = [_figure_forms(q) for q in telling[i]]
        for x, y in combinations(range(len(forms)), 2):
            for pair in product(forms[x], forms[y]):
                figure_buckets[("figures", *sorted(pair))].append(i)
        # ... or one large count told to three significant digits at least, whatever each calls what it counts ("is
        # recalling about 412,000 vehicles" / "will recall 412,316 cars, including 240,000 in North America"): as
        # specific as a toll
        for q in telling[i]:
            for form in _specific_forms(q):
                specific_buckets[form].append(i)
        # ... or one sum with another figure that agrees, rounded ("Revenue climbed 9.6% to $14.8 billion" / "Sales
        # rose almost 10 percent to 14.8 billion dollars"): a sum and its change are the statement's fingerprint
        if len(money) == 1 and len(telling[i]) >= 2:
            sum_buckets[("money", money[0].unit, money[0].value)].append(i)
    figure_of = {i: one_count(claims[i])[1] for ids in near_buckets.values() for i in ids}
    return _cross_article_pairs(claims, buckets) | _cross_article_pairs(claims, specific_buckets) | {
        # ... or a figure for the same kind of count that one report tells round and the other precise, neither an
        # open bound ("will axe nearly 10,000 workers" / "will cut 9,500 jobs"; not "at least 14" / "17")
        (i, j) for i, j in _cross_article_pairs(claims, near_buckets)
        if _closed(figure_of[i]) and _closed(figure_of[j]) and figure_of[i].value != figure_of[j].value
        and figures_agree(figure_of[i], figure_of[j])} | {
        # (but not two claims whose other counts of one noun differ: "killed 224 people, including 12 Americans" in
        # both embassy bombings is no telling of "killed 213 people, including 12 Americans" in one)
        (i, j) for i, j in _cross_article_pairs(claims, counted_buckets)
        if not _counts_apart(claims[i], claims[j])} | {
        (i, j) for i, j in _cross_article_pairs(claims, figure_buckets)
        if sum(any(q.kind == r.kind and (q.value == r.value or count_rounded(q, r)) for r in telling[j])
               for q in telling[i]) >= 2} | {
        (i, j) for i, j in _cross_article_pairs(claims, sum_buckets)
        if any(q.kind == r.kind != "money" and q.unit == r.unit and figures_agree(q, r)
               for q in telling[i] for r in telling[j])}


def _closed(q) -> bool:
    return q.low is not None and q.high is not None


_PEOPLE_COUNTED = PEOPLE_KINDS | {"people", "person"}
_WHOLE_OF_BEFORE = re.compile(r"\bof\s+(?:its|the|their|his|her|our|all)\s+$", re.IGNORECASE)


def named_counts(quantities: Sequence) -> dict[str, list]:
    """The plain counts of named nouns among ``quantities``, by noun as one kind ("28 pupils", "287 pupils"; "41
    houses" and "Forty-one homes" under "home")."""
    out: dict[str, list] = defaultdict(list)
    for q in quantities:
        if q.kind == "cardinal" and q.unit is None and q.counted not in (None, "age") and q.value is not None:
            out[SAME_COUNTED.get(q.counted, q.counted)].append(q)
    return out


def _counts_apart(a: Claim, b: Claim) -> bool:
    """Do two claims count one named noun with no figure in common ("killed 224 people ... and injured an estimated
    5,000 people" / "killed 213 people")?"""
    mine, theirs = named_counts(a.quantities), named_counts(b.quantities)
    return any(not any(figures_agree(q, r) for q in mine[k] for r in theirs[k]) for k in mine.keys() & theirs.keys())


def _figure_forms(q) -> set[tuple]:
    """A telling figure as (kind, value), and, for a precise count in thousands, the round values another report
    may write it as (8,312 as 8,300; see count_rounded)."""
    forms = {(q.kind, q.value)}
    if q.kind == "cardinal" and not q.approx and q.value >= 1000 and _trailing_zeros(q.value) < 2:
        unit = 100
        while unit * 10 <= q.value:
            forms.add((q.kind, float(_rounded(q.value, unit))))
            unit *= 10
    return forms


MIN_SPECIFIC_COUNT = 10_000
SPECIFIC_DIGITS = 3


def _specific_forms(q) -> set[tuple]:
    """A count of MIN_SPECIFIC_COUNT or more as written to SPECIFIC_DIGITS significant digits or more ("412,000",
    "412,316") and, for a precise one, each round value of it that keeps that many (412,316 as 412,300 and 412,000):
    forms another report may write the same count in. Empty for a rounder count ("240,000", "half a million")."""
    if q.kind != "cardinal" or q.unit is not None or q.value is None or q.value < MIN_SPECIFIC_COUNT \
            or q.value != int(q.value) or q.low != q.high and not q.approx:
        return set()
    digits = len(str(int(q.value))) - _trailing_zeros(q.value)
    if digits < SPECIFIC_DIGITS:
        return set()
    forms = {("specific", float(q.value))}
    unit = 10
    while len(str(int(q.value))) - len(str(unit)) + 1 >= SPECIFIC_DIGITS:
        if _trailing_zeros(q.value) < _trailing_zeros(unit):
            forms.add(("specific", float(_rounded(q.value, unit))))
        unit *= 10
    return forms


def _change_of(c: Claim) -> tuple[tuple, object] | None:
    """The change the claim's one percentage sizes, when a verb says it was made ("cut the risk of heart attacks
    by 30%": a fall of {heart, attack}), and that percentage."""
    shares = [q for q in c.quantities if q.kind == "percent" and q.low is not None]
    if len(shares) != 1:
        return None
    made = change_made(clause_words(c.text[:max(0, shares[0].start - c.start)]))
    return ((made[0], tuple(sorted(made[1]))), shares[0]) if made else None


def _specific_change(a: Claim, b: Claim) -> bool:
    """Is the change two claims make by one share specific to one finding: a thing named in two words or more
    ("the risk of heart attacks": {heart, attack}), or a name both claims give?"""
    change = _change_of(a)
    return change is not None and len(change[0][1]) >= 2 or bool(set(a.entities) & set(b.entities))


def same_change_pairs(claims: Sequence[Claim]) -> set[tuple[int, int]]:
    """Pairs of claims from different articles that give one share for one change made ("cut the risk of heart
    attacks by 30%" / "cut heart attacks by almost a third"): the figures must agree, rounding allowed."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    share = {}
    for i, c in enumerate(claims):
        change = _change_of(c)
        if change is not None:
            buckets[("change", *change[0])].append(i)
            share[i] = change[1]
    return {(i, j) for i, j in _cross_article_pairs(claims, buckets)
            if figures_agree(share[i], share[j]) or _overlap(share[i], share[j])}


def _overlap(a, b) -> bool:
    """Does an exact figure lie inside a hedged one ("30%" / "almost a third")?"""
    return any(x.value is not None and y.low is not None and y.high is not None and y.low <= x.value <= y.high
               for x, y in ((a, b), (b, a)))


MAX_FIGURES = 6  # figures of one claim paired with each other (a table read as one sentence has many)
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def _telling(q) -> bool:
    """Is the quantity a figure specific enough to pair claims by, with another: a value not among the small
    whole numbers that many statements give ("two men", "3 days"; a share of any size is specific: "a 12% pay rise
    ... offered 6%"), and no unit of time (a year, an age)."""
    return (q.value is not None and q.kind in ("cardinal", "percent", "money", "measure")
            and (q.value >= 10 or q.value != int(q.value) or q.kind == "percent") and q.unit not in TIME_UNITS)


@dataclass
class Fact:
    id: str
    claims: list[Claim] = field(default_factory=list)
    best: Claim | None = None
    independent: int = 0
    origins: list[list[str]] = field(default_factory=list)
    # claims of the group that deny what the others state (set by disagreements._negation_disagreements, which finds
    # the denial: they are then out of the origins and the best wording)
    denying: list[Claim] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(c.article for c in self.claims))

    def to_json(self) -> dict:
        best = self.best or self.claims[0]
        denying = {id(c) for c in self.denying}  # (by identity, as disagreements._mark_denials sets them)
        ordered = [best] + [c for c in self.claims if c is not best and id(c) not in denying]
        out = {
            "id": self.id,
            "text": best.text,
            "sources": [c.article for c in ordered],
            "independent_sources": self.independent,
            "origins": self.origins,
            "evidence": [{"article": c.article, "start": c.start, "end": c.end} for c in ordered],
        }
        if self.denying:
            out["denied_by"] = [{"article": c.article, "start": c.start, "end": c.end} for c in self.denying]
        return out


def attach_slots(docs: Sequence[AnnotatedArticle], entities: list) -> None:
    """Give every claim the canonical entities, dates and quantities inside its span."""
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ent in entities:
        for art, s, e in ent.mentions:
            mentions[art].append((s, e, ent.id))
    for doc in docs:
        ms = sorted(mentions.get(doc.article.id, []))
        for c in doc.claims:
            c.entities = list(dict.fromkeys(eid for s, e, eid in ms if c.start <= s and e <= c.end))
            c.dates = [t for t in doc.timexes if c.start <= t.start and t.end <= c.end]
            c.quantities = [q for q in doc.quantities if c.start <= q.start and q.end <= c.end]


def _keys(claim: Claim, idf: dict[str, float], rare_idf: float, terms: Sequence[str] | None = None) -> set[str]:
    keys = {f"e:{e}" for e in claim.entities}
    if claim.predicate:
        keys.add(f"p:{claim.predicate}")
    keys |= {f"t:{t}" for t in set(claim.terms if terms is None else terms) if idf.get(t, 0.0) >= rare_idf}
    return keys


@lru_cache(maxsize=None)
def _pairs_of(k: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(k, 1)


def candidate_pairs(claims: Sequence[Claim], idf: dict[str, float], terms_of=None) -> set[tuple[int, int]]:
    """Pairs of claims (indices) from different articles that share at least two informative keys.
    ``terms_of`` gives a claim's terms as the index reads them (names in their canonical spelling)."""
    terms_of = terms_of or (lambda c: c.terms)
    # "Rare" is judged over word occurrences, not over the vocabulary: most words occur once or twice,
    # so a vocabulary quantile would keep only words found in one or two claims.
    occurrences = sorted(idf.get(t, 0.0) for c in claims for t in set(terms_of(c)))
    rare_idf = occurrences[len(occurrences) // 3] if occurrences else 0.0
    buckets: dict[str, list[int]] = defaultdict(list)
    n_keys: list[int] = []
    for i, c in enumerate(claims):
        keys = _keys(c, idf, rare_idf, terms_of(c))
        n_keys.append(len(keys))
        for k in keys:
            buckets[k].append(i)
    used = [members for members in buckets.values() if 2 <= len(members) <= MAX_BUCKET]
    if not used:
        return set()
    # Keys shared per pair of claims: every pair of every bucket, coded as one integer, counted at once
    # (the pair counts of a double loop over every bucket, without the Python loop over pairs).
    size = len(claims)
    codes = []
    for members in used:
        m = np.asarray(members, dtype=np.int64)
        x, y = _pairs_of(len(m))
        a, b = m[x], m[y]
        codes.append(np.minimum(a, b) * size + np.maximum(a, b))
    pair_codes, n = np.unique(np.concatenate(codes), return_counts=True)
    i, j = pair_codes // size, pair_codes % size
    article = np.unique([c.article for c in claims], return_inverse=True)[1]
    # A short claim ("Finland") has few keys to share: one is enough for it.
    keys_per_claim = np.asarray(n_keys)
    needed = np.minimum(MIN_SHARED_KEYS, np.minimum(keys_per_claim[i], keys_per_claim[j]))
    keep = (i < j) & (article[i] != article[j]) & (n >= needed)
    return set(zip(i[keep].tolist(), j[keep].tolist()))


def _opening_organisations(claims: Sequence[Claim], organisations: dict[str, list[tuple[str, int, int]]]) -> list:
    """Per claim, the organisation it opens on as the doer of what it states ("The Green Party won 12 seats"), as
    (entity id, its name's distinguishing words, its initials), or None: a mention at the claim's start (after "The")
    that is the whole subject, its verb right after it ("The Green Party won", "Halvik Motors will recall"; not "CIA Director Mike
    Pompeo met"), outside its attribution ("The ministry said ..." is who tells it)."""
    starts = {(art, s): (oid, e) for oid, ms in organisations.items() for art, s, e in ms}
    out: list[tuple[str, frozenset[str], str] | None] = []
    for c in claims:
        lead = len(c.text) - len(_THE.sub("", c.text, count=1))
        hit = starts.get((c.article, c.start + lead))
        if (hit is None or c.verb_at is None or in_attribution(c, c.start + lead, hit[1])
                or not _AUXILIARIES.fullmatch(c.text, hit[1] - c.start, c.verb_at - c.start)):
            out.append(None)
            continue
        name = re.findall(r"[A-Za-z]+", c.text[lead:hit[1] - c.start])
        out.append((hit[0], frozenset(w.lower() for w in name) - _ORG_HEADS, "".join(w[0] for w in name).lower()))
    return out


_THE = re.compile(r"^(?:the|The)\s+")
_AUXILIARIES = re.compile(r"\s+(?:(?:is|are|was|were|has|have|had|will|would|could|may|might|did|does|do|also|"
                          r"then|now|again|still|not)\s+){0,3}")
# the kinds of organisation, which tell no two apart ("the Green Party" / "the Labour Party" differ by "green", "labour")
_ORG_HEADS = frozenset({"party", "parties", "committee", "council", "company", "group", "union", "association",
                        "federation", "alliance", "coalition", "front", "movement", "league", "club", "fc", "united",
                        "city", "national", "democratic", "the", "of", "and", "for", "inc", "ltd", "corp", "plc"})


def _other_doers(a: Claim, b: Claim, org_a: tuple | None, org_b: tuple | None) -> bool:
    """Do the two open on different organisations that each tells doing it, neither naming the other's, and whose
    names have no distinguishing word in common and are no acronym of each other ("The Green Party won 12 seats in
    Sunday's election" / "The Labour Party won 12 seats in Sunday's election")? Two parties, firms or teams doing
    alike are two facts, however alike the words. (Names the entity resolver left apart may still be one
    organisation's: "The Democratic National Committee filed a lawsuit" / "The Democratic Party on Friday filed".)"""
    if not (org_a and org_b) or org_a[0] == org_b[0] or org_b[0] in a.entities or org_a[0] in b.entities:
        return False
    (_, wa, initials_a), (_, wb, initials_b) = org_a, org_b
    # ("DNC" / "the Democratic National Committee": one name the other's initials)
    acronym = any(len(w) == 1 and next(iter(w)) in (initials_a, initials_b) for w in (wa, wb))
    return bool(wa and wb) and not wa & wb and not acronym


def align_facts(docs: Sequence[AnnotatedArticle], index: SentenceIndex, reuse: list[dict] | None = None,
                persons: frozenset[str] | set[str] = frozenset(),
                organisations: dict[str, list[tuple[str, int, int]]] | None = None) -> list[Fact]:
    """Group the story's claims into facts (see the module docstring). ``index`` must index the claims;
    ``persons``: the entity ids of people (one person's act on one day is specific, see SAME_ACT_EMBEDDING);
    ``organisations``: the mentions (article, start, end) of each organisation by its entity id (see _other_doers)."""
    claims = index.sentences
    doers = _opening_organisations(claims, organisations or {})
    # Statements about different years are different facts, however alike ("nine died in the 2019 slide").
    published_year = {d.article.id: (d.article.published or "")[:4] for d in docs}
    phrase_dated = {(d.article.id, s, e) for d in docs for s, e in d.date_phrases}
    phrase_subjects = {(d.article.id, s, e) for d in docs for (s, e), (_ps, pe) in d.date_phrases.items()
                       if _VERB_AFTER.match(d.article.text, pe)}
    years = [_years(c, published_year, phrase_dated) for c in claims]
    counts = [one_count(c) for c in claims]
    change_pairs = same_change_pairs(claims)
    vote_pairs = same_tally_pairs(claims, large=True)
    figure_pairs = same_figure_pairs(claims) | same_tally_pairs(claims) | change_pairs | vote_pairs
    # (a thing named in one word, "cut prices by 10%", is cut by many in one story: two such claims need a name in
    # common, or the closeness of one figure, to be one change)
    change_pairs = {(i, j) for i, j in change_pairs if _specific_change(claims[i], claims[j])} | vote_pairs
    two_day_pairs = same_days_pairs(claims, phrase_dated)
    stages = [deal_stage(c) for c in claims]  # (once per claim: a claim takes part in many pairs)
    own_days = [_days(c, phrase_dated) for c in claims]
    phrase_days = [_phrase_days(c, phrase_dated, phrase_subjects) for c in claims]
    parts = [_parts_of_day(c, phrase_dated) for c in claims]
    lead_pairs = same_day_lead_pairs(docs, claims, own_days)
    pairs = {(i, j) for i, j in candidate_pairs(claims, index.idf, index.terms_of) | figure_pairs | two_day_pairs | lead_pairs
             if not (years[i] and years[j] and not years[i] & years[j]) and not conflicting_counts(counts[i], counts[j])
             and not _other_things_counted(claims[i], claims[j], counts[i], counts[j])
             and not conflicting_figures(claims[i], claims[j])
             and not (stages[i] and stages[j] and stages[i] != stages[j])
             and not _other_doers(claims[i], claims[j], doers[i], doers[j])
             and not _retold_in_phrase(own_days[i], phrase_days[i], own_days[j], phrase_days[j])
             and not _other_parts_of_day(parts[i], parts[j])}
    links: list[tuple[float, int, int]] = []
    lead_links: set[tuple[int, int]] = set()
    # Encode every claim that some pair will compare by meaning in one batch (the encoder is the cost).
    index.vectors(list({id(c): c for i, j in pairs
                        if (i, j) in figure_pairs or (i, j) in two_day_pairs or (i, j) in lead_pairs
                        or index.needs_embedding(claims[i], claims[j])
                        for c in (claims[i], claims[j])}.values()))
    for i, j in pairs:
        score = index.same_content(claims[i], claims[j])
        if score <= 0 and _same_day(claims[i], claims[j], phrase_dated):
            # Two reports dating something to the same day need less wording in common to be the same fact.
            emb = index.embedding_similarity(claims[i], claims[j])
            # (a clock time of one day, or two days in common, is as specific as a figure)
            close = SAME_FIGURE_EMBEDDING if (_same_time(claims[i], claims[j], phrase_dated) or (i, j) in two_day_pairs) \
                else SAME_ACT_EMBEDDING if _one_persons_act(claims[i], claims[j], persons) else SAME_DAY_EMBEDDING
            score = emb if emb >= close else 0.0
        if score <= 0 and (i, j) in figure_pairs and not _other_days(claims[i], claims[j], phrase_dated):
            # ... and so do two that give the same figure for the same kind of count, unless they date what
            # they state to different days: "police arrested two men on Wednesday over Sunday's theft of jewels
            # worth 88 million euros" is no telling of the theft.
            emb = index.embedding_similarity(claims[i], claims[j])
            score = emb if emb >= (SAME_CHANGE_EMBEDDING if (i, j) in change_pairs else SAME_FIGURE_EMBEDDING) else 0.0
        if score <= 0 and (i, j) in lead_pairs:
            # two reports' leads of one day tell the day's news of the story, each in its own words ("Voters in Norvalia
            # appear to have narrowly approved a proposal to abolish the monarchy" / "Norvalia's thousand-year-old
            # monarchy was brought down on Sunday by a wafer-thin majority": 0.64 apart)
            emb = index.embedding_similarity(claims[i], claims[j])
            if emb >= SAME_LEAD_EMBEDDING:
                score = emb
                lead_links.add((i, j))
        if score > 0:
            links.append((score, i, j))
    links.sort(reverse=True)

    group = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}

    def find(x: int) -> int:
        while group[x] != x:
            group[x] = group[group[x]]
            x = group[x]
        return x

    for _score, i, j in links:
        a, b = find(i), find(j)
        if a == b:
            continue
        arts_a = {claims[k].article for k in members[a]}
        if any(claims[k].article in arts_a for k in members[b]):
            continue  # one wording per article and fact
        if (i, j) in lead_links and any(figures_conflict(claims[x].quantities, claims[y].quantities)
                                        or conflicting_counts(counts[x], counts[y])
                                        for x in members[a] for y in members[b]):
            continue  # two leads read alike, but one gives a figure the other's fact gives otherwise ("slashes the risk by
            # a staggering 40 per cent" / "cut heart attacks by almost a third", a fact with "by 30%"): a rival value
        group[b] = a
        members[a] += members.pop(b)

    # Text reuse between two articles, per passage, to tell copies from independent reports.
    copied = copied_passages(reuse)
    outlets = outlet_keys(docs)

    facts: list[Fact] = []
    for root, idx in members.items():
        group_claims = sorted((claims[k] for k in idx), key=lambda c: (c.article, c.start))
        fact = Fact(id="", claims=group_claims)
        fact.best = _best_wording(group_claims, index)
        fact.origins = _origins(group_claims, copied, outlets)
        fact.independent = len(fact.origins)
        facts.append(fact)
    facts.sort(key=lambda f: (-f.independent, -len(f.claims), f.claims[0].article, f.claims[0].start))
    for n, f in enumerate(facts, start=1):
        f.id = f"F{n}"
    return facts


def _best_wording(group: list[Claim], index: SentenceIndex) -> Claim:
    """The wording that shares most with the others (the common core), then the one with most slots."""
    if len(group) == 1:
        return group[0]

    def key(c: Claim) -> tuple[float, int, int]:
        central = sum(index.similarity(c, o) for o in group if o is not c)
        slots = len(c.entities) + len(c.dates) + len(c.quantities)
        return (round(central, 2), slots, -c.n_words)

    return max(group, key=key)


def outlet_keys(docs: Sequence[AnnotatedArticle]) -> dict[str, str | None]:
    """Per article, its outlet as compared for independence (lower-cased; None when not named)."""
    return {d.article.id: (d.article.outlet or "").strip().lower() or None for d in docs}


def copied_passages(reuse: list[dict] | None) -> dict[tuple[str, str], list[tuple[int, int, int, int]]]:
    """Per pair of articles (a, b) in the reuse findings, the passages of a that b copies, or a copies from
    b: (a start, a end, b start, b end)."""
    copied: dict[tuple[str, str], list[tuple[int, int, int, int]]] = defaultdict(list)
    for r in reuse or []:
        a, b = r["articles"]
        for p in r["passages"]:
            copied[(a, b)].append((p["a"]["start"], p["a"]["end"], p["b"]["start"], p["b"]["end"]))
    return copied


def _origins(group: list[Claim], copied: dict, outlets: dict[str, str | None]) -> list[list[str]]:
    """Articles grouped by common origin: one copies the other's passage holding this claim, or they are
    the same outlet. Each group is one independent source."""
    spans: dict[str, tuple[int, int]] = {}
    for c in group:  # (one wording per article and fact)
        spans[c.article] = (c.start, c.end)
    return origins(spans, copied, outlets)


def origins(spans: dict[str, tuple[int, int]], copied: dict, outlets: dict[str, str | None]) -> list[list[str]]:
    """The articles stating something, each by its span (article -> (start, end)), grouped by common
    origin: one copies the other's passage holding it (``copied``: :func:`copied_passages`), or they are
    the same outlet. Each group is one independent source."""
    arts = list(spans)
    span = spans
    parent = {a: a for a in arts}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    def inside(s: int, e: int, ps: int, pe: int) -> bool:
        return min(e, pe) - max(s, ps) >= 0.5 * (e - s)

    for x in range(len(arts)):
        for y in range(x + 1, len(arts)):
            a, b = arts[x], arts[y]
            same_outlet = outlets.get(a) is not None and outlets.get(a) == outlets.get(b)
            reused = any(
                inside(*span[a], pa, qa) and inside(*span[b], pb, qb)
                for (pa, qa, pb, qb) in copied.get((a, b), [])
            ) or any(
                inside(*span[b], pa, qa) and inside(*span[a], pb, qb)
                for (pa, qa, pb, qb) in copied.get((b, a), [])
            )
            if same_outlet or reused:
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        groups[find(a)].append(a)
    return list(groups.values())


def coverage(facts: list[Fact], article_ids: list[str]) -> list[dict]:
    """Per article: the facts only it states, and the widely reported facts it leaves out (stated by at
    least half of the other articles, and by two at least)."""
    n = len(article_ids)
    wide_min = max(2, math.ceil(0.5 * (n - 1)))
    sources = [(f.id, set(f.sources)) for f in facts]  # once per fact, not once per fact and article
    wide = [(fid, srcs) for fid, srcs in sources if len(srcs) >= wide_min]
    out = []
    for art in article_ids:
        unique = [fid for fid, srcs in sources if srcs == {art}]
        omitted = [fid for fid, srcs in wide if art not in srcs]
        out.append({"article": art, "unique": unique, "omitted": omitted})
    return out
