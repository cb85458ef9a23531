"""Disagreements: the same subject given incompatible values by different reports, and what kind.

Three comparisons, each between claims of different articles that are about the same subject:

* **date**: a dated event of the same place or actor ("Kalbajar ... before November 15" / "Kalbacar on
  November 25"): each day-level date in a claim is paired with the entity named just before it in its
  clause, and two claims compare when they pair the same entity with a date and read alike (sentence
  embeddings of the two clauses). Dates disagree when their intervals do not meet ("November 10" and
  "last week" in a report of November 20 meet; "two weeks ago" is taken to within two days).
* **number**: quantities that count the same thing ("people") in claims sharing a word besides the
  count and the names ("kill"): intervals that do not overlap disagree; overlapping ones where at least
  one is vague ("thousands" / "hundreds and possibly thousands") are an *estimate*; overlapping point
  figures ("around 2,000" / "nearly 2,000") agree and are not reported. A report that gives several values
  for the subject itself, and explains no change, is left out of it: which of its values would be the rival
  is unknown; unless it sets two named sources' figures against each other ("three died, according to the
  fire service, though regional officials put the toll at two"): then each value is a position of its own,
  and a report may disagree with itself. Durations are compared only as terms someone was given (prison
  terms a court gave, and bans or suspensions) and as how long one event lasted ("a raid that lasted seven
  minutes" / "an operation that took less than four minutes", in claims of one day that read as one statement).
  Sums of money are compared as what one thing is worth ("jewellery worth an estimated 88 million euros" / "put
  the value of the stolen jewels at 80 million euros"), and counts of one kind of thing in claims that tell one
  scene in other words ("four men ... used a truck-mounted lift to reach a first-floor window" / "Three men
  climbed to a window on the first floor from ... a lift mounted on a stolen truck").
* **claim**: two wordings of one fact, one negated and the other not.

The status: ``update`` when a text explains a change ("delayed", "postponed", "rose to", "revised", "final
results") or, for counts, when a later report gives a higher toll than an earlier one, or when each report
names the moment its figure held and the figure moves one way with them ("10% contained on Sunday morning" /
"35% on Monday morning"); ``estimate`` for vague or overlapping figures, and for what one thing is worth ("jewellery
worth an estimated 88 million euros" / "put the value of the stolen jewels at 80 million euros"); ``contradiction``
otherwise.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from newsweave.align.accusations import find_stances
from newsweave.align.changes import CLAUSE_BREAK as _CLAUSE_BREAK
from newsweave.align.changes import LEAD_WORD as _LEAD_WORD
from newsweave.align.changes import MEASURE_STOP as _MEASURE_STOP
from newsweave.align.changes import change_made as _change_made
from newsweave.align.changes import change_words as _change_words
from newsweave.align.changes import made_change as _made_change
from newsweave.align.changes import singular as _singular
from newsweave.align.counts import COUNT_FAMILIES, FAMILY_OF, OTHER_KIND_WORDS, PEOPLE_KINDS, SAME_COUNTED
from newsweave.align.facts import (TIME_UNITS, _BASE_UNITS, Fact, _since, converted, count_rounded, deal_stage, rival_bounds,
                                   figures_agree, in_attribution, near_bound, term_kind)
from newsweave.align.similarity import SentenceIndex
from newsweave.annotate.dates import MONTHS, RECORD_SINCE, WEEKDAYS
from newsweave.annotate.entities import country_name, demonym_place, name_key
from newsweave.annotate.quantities import ELLIPTIC_MORE, MEASURE_UNIT_WORDS, ORDINAL_COUNTS, tag_quantities
from newsweave.annotate.tallies import find_share_splits, find_tallies
from newsweave.annotate.timevalues import intervals_meet, value_interval
from newsweave.ingest.furniture import CORRECTION_NOTE
from newsweave.model import AnnotatedArticle, Claim

SAME_EVENT_EMBEDDING = 0.5
# A place's dated claims that give more days than this are several events (see _split_many_events)
MAX_DAYS_ONE_EVENT = 3
ACTOR_EVENT_WORDS = 1  # words of what happened, besides the verb, two dated claims about one actor must share
SAME_SUBJECT_EMBEDDING = 0.45
SAME_COUNT_FAMILY_EMBEDDING = 0.3  # two counts of one kind (deaths ...) in reports of one news cycle
NEWS_CYCLE_DAYS = 14
_UPDATE_CUES = re.compile(
    r"\b(?:delay(?:ed|s)?|postpon\w*|reschedul\w*|push(?:ed)? back|brought forward|moved (?:up|back|forward)|"
    r"extend(?:ed|s)?|revis\w*|updat\w*|correct(?:ed|ion)|ros[ea]|risen|climb\w*|increas\w*|jump\w*|"
    r"fell|fallen|dropp\w*|decreas\w*|now stands|has reached|ha(?:s|ve) now|instead|no longer|earlier than planned|"
    r"lower(?:ed|ing|s)(?!\s+(?:a|an)\s)|to lower|backed off|(?:down|up) from|"
    # "raised its estimate of the oil spilled to 3,000 tonnes" (not "raised $2 billion", "raised concerns")
    r"rais(?:ed|es|ing) (?:its|their|his|her|the|an?) (?:[\w-]+ )?(?:estimate|forecast|figure|toll|count|tally|"
    r"projection|outlook|guidance|assessment)s?|"
    r"earlier (?:estimate|figure|toll|count|report)s?|"
    r"(?:had )?earlier (?:had )?(?:reported|said|put|estimated|given)|initially|previously|"
    # "a day later than first announced", "than originally planned", "originally scheduled for"
    r"(?:than|as) (?:first|originally) (?:announced|planned|scheduled|expected|reported|stated|set)|"
    r"originally (?:planned|scheduled|set|announced|due)|"
    # a count still running: "after 40% of ballots had been counted", "preliminary results", "final results"
    r"preliminary|provisional|partial (?:results?|count|returns)|final (?:results?|count|tally|figures?)|"
    r"(?:ballots|votes|precincts) (?:had |have )?(?:been )?counted|"
    # what is left of a count after a change: "recaptured four more ..., leaving three still at large"
    r"leaving (?:[\w-]+ ){1,3}?(?:still|remaining|unaccounted)|"
    # what made a toll grow: "after the body of a missing French skier was found overnight", "two later died in hospital"
    r"bod(?:y|ies)\b[^.;]{0,60}?\b(?:was|were|had been|has been|have been) (?:found|recovered|pulled|retrieved)|"
    r"later died|died (?:later )?in hospital|succumbed to)\b",
    re.IGNORECASE,
)
_RUNNING_COUNT = re.compile(r"\b(?:preliminary|provisional|partial)\s+(?:results?|count|returns|figures)\b|"
                            r"\b(?:ballots|votes|precincts)\s+(?:had\s+|have\s+)?(?:been\s+)?counted\b", re.IGNORECASE)
_DAY_WORDS = re.compile(
    r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{4}-\d{2}-\d{2}|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
_APPROXIMATE_DATE = re.compile(r"\bago\b|\bearlier\b|\blater\b", re.IGNORECASE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SEPARATOR = re.compile(r"[;,]|\s[-–—]\s")
_WINDOW_END = re.compile(r"[;,]|\s[-–—]\s|\s(?:and|but|while|whereas|although)\s")
_REPORTING_WORDS = {"say", "tell", "report", "add", "state", "announce", "confirm", "accord", "claim", "believe", "know"}
_PLACE_OR_ACTOR = {"GPE", "LOC", "FAC", "ORG", "PERSON"}

_FAMILY_OF = FAMILY_OF  # align/counts.py: what news figures count
# ... and, here only, those a boat, plane or bus carried ("about 180 people on board", "crammed more than 150
# migrants onto a fishing boat"): known by the words around the figure (see _ABOARD_AFTER), not by a word of the
# claim, which "All 109 people aboard were killed" also has (a toll, for the facts' one_count)
_ABOARD = "~aboard"
_COUNT_FAMILIES = {**COUNT_FAMILIES, _ABOARD: ()}


@dataclass
class _Position:
    value: str
    normalized: object
    claim: Claim
    start: int
    end: int


def _interval(value: str, text: str) -> tuple[dt.date, dt.date] | None:
    """The days a date value covers; "two weeks ago" and the like are taken to within two days."""
    iv = value_interval(value) if (_DAY.match(value) or _WEEK.match(value)) else None
    if iv and _DAY.match(value) and _APPROXIMATE_DATE.search(text):
        slack = dt.timedelta(days=2)
        return iv[0] - slack, iv[1] + slack
    return iv


_meet = intervals_meet

_BARE_WEEKDAY = re.compile(r"^(?:(?:early|late|on)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)


def _reading_unsure(text_a: str, value_a: str, text_b: str, value_b: str) -> bool:
    """Two dates that differ only in what one report left out do not contradict, because our reading of the
    part left out (the nearest week or year) may be off:
    - a bare weekday ("struck the seabed Saturday") and a date on that weekday ("on Aug. 12", a Saturday);
    - a month and day without a year ("crashed October 31") and the same month and day with one ("October
      31, 1999")."""
    for (tx, vx), (ty, vy) in (((text_a, value_a), (text_b, value_b)), ((text_b, value_b), (text_a, value_a))):
        vx, vy = vx[:10], vy[:10]
        if not (_DAY.match(vx) and _DAY.match(vy)):
            continue
        if _BARE_WEEKDAY.match(tx.strip()) and not _BARE_WEEKDAY.match(ty.strip()):
            dx, dy = value_interval(vx), value_interval(vy)
            if dx and dy:
                return (dx[0] - dy[0]).days % 7 == 0
        if not _YEAR_WRITTEN.search(tx) and not _RELATIVE_DAY.search(tx) and vx[5:] == vy[5:]:
            return True
    return False


_YEAR_WRITTEN = re.compile(r"\b(?:1[5-9]|20)\d\d\b|'\d\d\b")
_RELATIVE_DAY = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|ago|later|earlier|next|last|this)\b|day\b", re.IGNORECASE)


class _Union:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)


# a building or structure something happens at, by its name's last word (not a street, a square or a base, where
# many things happen)
_SITE_KINDS = (r"museum|gallery|cathedral|church|mosque|temple|synagogue|stadium|arena|hospital|school|university|"
               r"station|airport|bridge|dam|mine|tower|theatre|theater|hotel|factory|plant|refinery|prison|palace|"
               r"library|mall|market|club")
_SITE_HEAD = re.compile(rf"\b(?:{_SITE_KINDS})$", re.IGNORECASE)


def _named_site(name: str) -> bool:
    """Is the name a building's own ("the Delaunay Museum"), not one named only by a country ("the U.S. Embassy",
    "the American Embassy": a country has many)?"""
    head = _SITE_HEAD.search(name)
    if not head:
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", name[:head.start()])
    return any(w.lower() not in ("the", "of", "central", "national", "main", "old", "new", "city")
               and not demonym_place(w) and not country_name(w) for w in words)

_BOUND_WORD = re.compile(r"(?:over|under|above|below|(?:more|fewer|less)\s+than)\s", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"\b[a-z]{2,}[^s\W]s\s+$")
# a site's kind written after its name, in lower case: "the Zhelvanov coal mine", "the Orsk oil refinery"
_KIND_AFTER_NAME = re.compile(rf"(?:\s+[a-z]+)?\s+({_SITE_KINDS})\b")


def find_disagreements(
    docs: Sequence[AnnotatedArticle], index: SentenceIndex, facts: list[Fact], entities: list
) -> list[dict]:
    by_id = {e.id: e for e in entities}
    published = {d.article.id: d.article.published for d in docs}
    outlet = {d.article.id: d.article.outlet or d.article.id for d in docs}
    texts = {d.article.id: d.article.text for d in docs}
    mention_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        if e.type in _PLACE_OR_ACTOR:
            for art, s, t in e.mentions:
                mention_spans[art].append((s, t, e.id))
    for spans in mention_spans.values():
        spans.sort()

    texts = _Texts(texts, {(d.article.id, s.index): (s.start, s.end) for d in docs for s in d.sentences})
    out: list[dict] = []
    names = {w.lower() for e in entities for alias in [e.name, *e.aliases] for w in re.findall(r"\w+", alias)}
    phrase_dated = {(d.article.id, s, e) for d in docs for s, e in d.date_phrases}
    out += _date_disagreements(docs, index, mention_spans, by_id, texts, names, phrase_dated)
    out += _fact_date_disagreements(facts, texts, {tuple(sorted((e["article"], e["start"]) for p in d["positions"] for e in p["evidence"])) for d in out},
                                    phrase_dated, published)
    out += _moved_plans(facts, texts, phrase_dated, published,
                        {(e["article"], e.get("value_start")) for d in out for p in d["positions"] for e in p["evidence"]})
    places = _place_keys(entities)
    within = _sites_within(entities, texts)
    speakers = _speakers(docs)
    # the named events each report names ("Hurricane Mara"), and the named buildings where something happened
    # ("the Delaunay Museum" robbed, "Orsk Central Station" bombed, "the Varna Bridge" collapsed)
    story_names: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type == "EVENT" or e.type == "FAC" and _named_site(e.name):
            for art, _s, _t in e.mentions:
                story_names[art].add(e.id)
        elif e.type in ("FAC", "ORG", "LOC") and not (demonym_place(e.name) or country_name(e.name)):
            # a site named by a word of its own before its kind in lower case ("the Zhelvanov coal mine", "the Vostok
            # coal mine", though a town elsewhere is called Vostok): that name with that kind (not a town's: reports
            # of a city's schools or prisons tell of many)
            for art, _s, end in e.mentions:
                kind = _KIND_AFTER_NAME.match(texts[art], end)
                if kind:
                    story_names[art].add(f"{e.id} {kind.group(1).lower()}")
    out += _number_disagreements(docs, index, facts, texts, names, places, speakers, mention_spans,
                                 {e.id: e.name for e in entities}, frozenset(e.id for e in entities if e.type == "PERSON"),
                                 story_names, within)
    # (a split written in counts, "by 212 votes to 181", is compared figure by figure above)
    counted = {(ev["article"], ev.get("value_start")) for it in out if it["kind"] == "number"
               for p in it["positions"] for ev in p["evidence"]}
    out += [it for it in _tally_disagreements(facts, texts)
            if not any((ev["article"], v) in counted for p in it["positions"] for ev in p["evidence"]
                       for v in range(ev["value_start"], ev["value_end"]))]
    out += _share_split_disagreements(facts, texts)
    out += _counts_since(facts, texts, published)
    out += _negation_disagreements(facts, texts)
    out += _accusation_disagreements(docs, texts, mention_spans, places, entities)
    dated_phrases: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in docs:
        dated_phrases[d.article.id].extend(d.date_phrases.values())
    out += _role_disagreements(facts, entities, texts, dated_phrases)
    out += _title_disagreements(entities, texts)
    # a report that repeats its standfirst in the body gives one value once: two values are needed to disagree
    out = [item for item in out if len(item["positions"]) >= 2]
    moment = {d.article.id: _in_utc(d.article.published_time or d.article.published or "") for d in docs}
    notes = {d.article.id: [r.text for r in d.article.removed if r.reason == CORRECTION_NOTE] for d in docs}
    for item in out:
        if item["status"] == "update" and item["kind"] == "number":
            _latest_rivals(item, texts, {a: m[:10] for a, m in moment.items() if m})
        if item["status"] == "update" or item.get("_rebuttal"):
            # an update reads in the order it was told: the first value first (so does a count set against the
            # others', which move among themselves)
            item["positions"].sort(key=lambda p: min((moment[a] or "9999" for a in p["sources"]), default="9999"))
        _explain(item, published, outlet, speakers, texts, {a: m[:10] for a, m in moment.items() if m})
        if item["kind"] == "number" and item["status"] != "update":
            _corrected(item, notes, outlet)
        item.pop("_figure", None)
        item.pop("_fixed", None)
        for p in item["positions"]:
            for ev in p["evidence"]:
                who = _speaker_name(speakers, ev)
                if who:
                    ev["said_by"] = who  # whom the report gives the value to ("the national fire service")
    out = _without_subsumed(out)
    out.sort(key=lambda d: ({"contradiction": 0, "update": 1, "estimate": 2}[d["status"]], d["kind"]))
    for n, item in enumerate(out, start=1):
        item["id"] = f"D{n}"
    return out


def _without_subsumed(items: list[dict]) -> list[dict]:
    """The items, less any whose figures another item of the same kind, subject and status gives all of (with more),
    or of any status when nothing explains its own: two reports' pair judged apart ("at least 50 people" /
    "Forty-one people", or "23 infants" / "at least 40 babies") is told in the whole story's item already ("At least
    31" -> "38" -> "at least 50" -> "41"), which a reader reads as one count. (A count its report sets against the
    others' stays an item of its own.)"""
    def figures(it: dict) -> frozenset:
        return frozenset((ev["article"], ev.get("value_start", ev["start"]))
                         for p in it["positions"] for ev in p["evidence"])

    kept = []
    for it in items:
        mine = figures(it)
        if not any(o is not it and o["kind"] == it["kind"] == "number" and o["subject"] == it["subject"]
                   and (o["status"] == it["status"] or it.get("_unexplained")) and mine < figures(o) for o in items):
            kept.append(it)
    for it in items:
        it.pop("_unexplained", None)
    return kept


# --- dates --------------------------------------------------------------------------------------


def _entity_dates(claim: Claim, text: str, mentions: list[tuple[int, int, str]], phrase_dated: set = frozenset(),
                  phrases: Sequence[tuple[int, int]] = ()) -> list[tuple[str, object, int, int, int]]:
    """(entity id, timex, segment start, segment end, end of the entity's mention) for each day/week date in
    the claim: the entity named last before the date within its segment of the clause (segments split at
    , ; and dashes). A date of a noun phrase ("the Sept. 11 attacks") dates that phrase, not the clause, and
    an entity inside such a phrase is dated by it alone ("Six engineers freed by rebels in Kestria on Sunday
    night will fly home on Wednesday": Kestria's day is Sunday's, not Wednesday's)."""
    out = []
    inside = [(ps, pe) for ps, pe in phrases if claim.start <= pe and ps <= claim.end]
    named = [m for m in mentions if claim.start <= m[0] and m[1] <= claim.end]
    for t in claim.dates:
        if inside:
            own = [(ps, pe) for ps, pe in inside if ps <= t.start and t.end <= pe]
            mentions = [m for m in mentions if not any(ps <= m[0] and m[1] <= pe and (ps, pe) not in own
                                                       for ps, pe in inside)]
        if (claim.article, t.start, t.end) in phrase_dated:
            # "Varga, who died on Sunday aged 91, led ...": a relative clause on a name dates what that one did
            head = next((m for ps, pe in inside if ps <= t.start and t.end <= pe
                         for m in named if m[0] == max(ps, claim.start) and _RELATIVE_AFTER.match(text, m[1])), None)
            if head is not None and _DAY.match(t.value):
                out.append((head[2], t, head[0], t.end, head[1]))
            elif _DAY.match(t.value):
                # ... and a plan the phrase tells, of a place inside it, in the date's own stretch of it: "the regional
                # bloc, whose envoy said talks would begin in Arden on April 20" dates the talks in Arden (not what a
                # phrase recalls: "their near-victory in the most recent referendum on October 30" dates no Quebec)
                own = [(ps, pe) for ps, pe in inside if ps <= t.start and t.end <= pe]
                seg_start = max([m.end() for m in _SEPARATOR.finditer(text, claim.start, t.start)] + [claim.start])
                near = [m for m in named if own and own[0][0] <= m[0] and seg_start <= m[0] and m[1] <= t.start]
                if near and _PLAN_WORDS.search(text, seg_start, t.start):
                    _s, e_, eid = near[-1]
                    out.append((eid, t, seg_start, t.end, e_))
            continue
        if _said_on(claim, t, text):
            continue  # when it was said, not when it happened ("..., officials said Wednesday")
        if _COUNT_MOVED_BEFORE.search(text, max(claim.start, t.start - 60), t.start):
            continue  # when a count moved ("the death toll from the collapse rose to seven on Wednesday")
        if _COUNT_AS_OF_BEFORE.search(text, max(claim.start, t.start - 60), t.start):
            continue  # when a count stood ("had burned 15,000 hectares by Wednesday morning"), not when it began
        if t.type == "TIME" and not _DAY_WORDS.search(t.text):
            continue  # a bare clock time ("11 p.m.") does not say which day
        value = t.value[:10] if t.type == "TIME" else t.value  # "Monday night" (2026-03-09TNI) dates a day too
        if t.type not in ("DATE", "TIME") or not (_DAY.match(value) or _WEEK.match(value)):
            continue
        if value != t.value:
            t = copy.copy(t)
            t.value = value
        seg_start = claim.start
        for m in _SEPARATOR.finditer(text, claim.start, t.start):
            seg_start = m.end()
        seg_end = claim.end
        m = _SEPARATOR.search(text, t.end, claim.end)
        if m:
            seg_end = m.start()
        before = [(s, e, eid) for s, e, eid in mentions if seg_start <= s and e <= t.start]
        opener = named[0] if named else None
        if (not before and opener is not None and _OPENING_TITLES.fullmatch(text, claim.start, opener[0])
                and text.startswith(",", opener[1]) and _VERB_RESUMES.match(text, seg_start)):
            # "Tomas Varga, the reformer who tore down Estravia's old regime, died on Sunday": the clause
            # resumes after an aside on the name that opens it; the aside's names ("Estravia") did not die
            before = [opener]
        if not before:
            # no entity in the date's own segment: the nearest one named earlier in the clause, not inside an aside
            # on another noun ("The prisoner exchange, in which Armenia is to free 50 soldiers and Azerbaijan 35
            # troops, will go ahead on Tuesday": the exchange's day, not Azerbaijan's)
            asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text, claim.start, t.start)]
            before = [(s, e, eid) for s, e, eid in mentions if claim.start <= s and e <= t.start
                      and not any(a <= s and e <= b for a, b in asides)][-1:]
        # Every entity named before the date in its segment can be what it dates ("a dam on the Ovrat river
        # in southern Kestovia gave way late on Monday night" dates the dam on the Ovrat as much as
        # Kestovia): the nearest first, which names the disagreement when several would.
        for s, e, eid in sorted(before, key=lambda m: -m[0]):
            if any(e <= d.start < t.start for d in claim.dates if d.type in ("DATE", "TIME")) and s != before[-1][0]:
                continue  # another date follows the entity first ("Kalbajar on November 25 and Lachin by December 1")
            if eid not in {o[0] for o in out if o[1] is t}:
                out.append((eid, t, min(seg_start, s), seg_end, e))
    return out


# a relative clause set off by commas: ", in which Armenia is to free 50 soldiers," ", who arrived on Monday,"
_RELATIVE_ASIDE = re.compile(r",\s*(?:(?:in|of|at|by|under|for|with|from|to)\s+)?(?:which|whom|who|whose|where)\b[^,;]*,")
_RELATIVE_AFTER = re.compile(r",\s+(?:who|which)\s")
_OPENING_TITLES = re.compile(r"(?:(?:[A-Z][\w.'’-]*|former|late|the)\s+){0,4}")
# a clause's verb after an aside: a lower-case word that is no conjunction, preposition or relative word
_VERB_RESUMES = re.compile(r"\s*(?!(?:and|but|or|nor|who|whom|whose|which|where|when|while|as|if|in|on|at|by|for|from|"
                           r"with|of|to|after|before|since|until|a|an|the|his|her|its|their)\b)[a-z]+\b")


_COUNT_MOVED_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|fell|fallen|dropped|reached|stood|stands|hit)\s+"
    r"(?:to|by|at)\s+(?:about\s+|some\s+|nearly\s+|at\s+least\s+)?[\w,.%-]+(?:\s+[a-z]+)?\s+(?:on|by|as\s+of)?\s*$",
    re.IGNORECASE)
# a figure and what it counts, then the day it stood at that figure: "had burned 15,000 hectares by Wednesday
# morning", "had registered 2.1 million voters as of Friday"
_COUNT_AS_OF_BEFORE = re.compile(r"\d[\d,.]*\s*(?:%|(?:million|billion)\s+)?(?:[a-z]+\s+){0,2}(?:by|as\s+of)\s+$",
                                 re.IGNORECASE)
_SAID_JUST_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\S+(?:\s+\S+)?|announced|reported|stated|confirmed|added)(?:\s+(?:here|there|on|late|early))*\s*$",
    re.IGNORECASE)


def _said_on(claim: Claim, t, text: str) -> bool:
    """Does the date stand in the attribution next to its verb of saying ("officials said Wednesday")? Only
    a date just after such a verb counts: the parser may hang the event's own date on the verb of saying
    ("the dam gave way late on Monday night, officials said")."""
    return any(s <= t.start and t.end <= e and _SAID_JUST_BEFORE.search(text, s, t.start) for s, e in claim.attribution)


_TIME_WORDS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow morning afternoon
    evening night late early last next week month year day hours hour weekend january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_SAY_WORDS = frozenset("""
    said say says saying told tell tells reported report reports added add adds stated announced announce
    confirmed according interview statement speech
""".split())


def _same_act(a: Claim, b: Claim, words_a: set[str], words_b: set[str]) -> bool:
    """Do two claims about one actor say it did the same thing: the same main verb, and a word of what
    happened in common besides it?"""
    if not a.predicate or a.predicate != b.predicate or a.predicate in _REPORTING_WORDS:
        return False
    return len((words_a & words_b) - {a.predicate[:5]}) >= ACTOR_EVENT_WORDS


def _place_event(a: Claim, b: Claim, words_a: set[str], words_b: set[str]) -> bool:
    """Could two dated claims about a place tell one event? They have the same verb, or share two words of
    what happened ("the dam on the Ovrat gave way on Monday night" / "the Ovrat dam gave way early on
    Tuesday"; one, such as "wall", is only what they are about), or both set a date to
    come, whose words vary more ("must leave Kalbacar on November 25" / "Kalbajar was to be handed over on
    November 15"). "The jet crashed outside Paris on Tuesday" and "relatives gathered near Paris on Saturday"
    are two events."""
    if a.predicate and a.predicate == b.predicate:
        return True
    shared = words_a & words_b
    if a.predicate and b.predicate:
        # (one claim's verb as the other's modifier is no event in common: "Gunmen abducted 287 pupils ... on
        # Thursday" / "All the remaining schoolgirls abducted from Ulari were freed on Sunday")
        shared -= {a.predicate[:5], b.predicate[:5]}
    if len(shared) >= 2:
        return True
    # (not a plan told as one more of its kind: "Another Io flyby is planned for Feb. 22" is not the approach
    # "scheduled ... on Nov. 25")
    return a.modality == "planned" and b.modality == "planned" and not (_ANOTHER.search(a.text) or _ANOTHER.search(b.text))


# a past participle right after a noun, before a preposition: "the pupils abducted from a school in Ulari"
_PARTICIPLE_MODIFIER = re.compile(r"\b(?!(?:was|were|is|are|be|been|being|had|has|have)\b)[a-z]+\s+([a-z]{3,}ed)\s+"
                                  r"(?:from|in|at|near|outside|off|by)\b", re.IGNORECASE)
_PLAN_WORDS = re.compile(r"\b(?:will|would|shall|(?:is|are|was|were)\s+(?:due|scheduled|set|expected)\s+to)\b",
                         re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|a\s+second|a\s+third|a\s+further|the\s+next)\b", re.IGNORECASE)


def _event_words(text: str, names: set[str]) -> set[str]:
    """What a date segment says happened, as crude stems: its words less stop words, the story's names, time
    words and words of saying ("Harry Reid broke with President Obama Monday over the proposed mosque")."""
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    words = {w.lower() for w in _LEAD_WORD.findall(text)}
    return {w[:5] for w in words - STOP_WORDS - names - _TIME_WORDS - _SAY_WORDS if len(w) > 2}


def _date_disagreements(docs, index: SentenceIndex, mention_spans, by_id, texts, names: set[str] = frozenset(),
                        phrase_dated: set = frozenset()) -> list[dict]:
    items: list[tuple[str, Claim, object, int, int, int]] = []
    for doc in docs:
        # (the phrases of points in time: "his three-day visit to Nigeria Wednesday" is dated by Wednesday)
        points = {(t.start, t.end) for t in doc.timexes if t.type in ("DATE", "TIME")}
        phrases = sorted({p for span, p in doc.date_phrases.items() if span in points})
        for c in doc.claims:
            for eid, t, s, e, named in _entity_dates(c, texts[c.article], mention_spans.get(c.article, []), phrase_dated,
                                                     phrases):
                items.append((eid, c, t, s, e, named))
    by_entity: dict[str, list[int]] = defaultdict(list)
    for k, (eid, *_rest) in enumerate(items):
        by_entity[eid].append(k)
    results = []
    words_of: dict[int, set[str]] = {}
    published = {d.article.id: d.article.published for d in docs}

    def event_words(k: int) -> set[str]:
        if k not in words_of:
            _eid, c, _t, s, e, _named = items[k]
            segment = texts[c.article][s:e]
            # (a verb that only says which people or things, "the schoolgirls abducted from Ulari were freed on
            # Sunday", is not what happened on the day)
            modifiers = {m.group(1).lower()[:5] for m in _PARTICIPLE_MODIFIER.finditer(segment)
                         if not (c.predicate and m.group(1).lower().startswith(c.predicate[:4]))}
            words_of[k] = _event_words(segment, names) - modifiers
        return words_of[k]

    for eid, ks in by_entity.items():
        if len({items[k][1].article for k in ks}) < 2:
            continue
        actor = by_id[eid].type in ("PERSON", "ORG", "NORP")
        sims = index.span_similarities([(items[k][1].article, items[k][3], items[k][4]) for k in ks])
        union = _Union()
        conflict_pairs = []
        linked: set[tuple[int, int]] = set()
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                a, b = items[ks[x]], items[ks[y]]
                if a[1].article == b[1].article or sims[x, y] < SAME_EVENT_EMBEDDING:
                    continue
                if not actor and not _place_event(a[1], b[1], event_words(ks[x]), event_words(ks[y])) and not (
                        event_words(ks[x]) & event_words(ks[y])
                        and _PLAN_WORDS.search(texts[a[1].article], a[3], a[4])
                        and _PLAN_WORDS.search(texts[b[1].article], b[3], b[4])):
                    # (two plans by their own words, of one kind: "said talks on a lasting deal would begin in Arden
                    # on April 20", in a claim of what happened, / "Talks will start in Arden on April 21")
                    continue
                if actor and (_in_subordinate(a[1], a[2], texts[a[1].article])
                              or _in_subordinate(b[1], b[2], texts[b[1].article])):
                    continue  # the same verb, but one date is of a clause after it ("resumed ... after a storm hit on Monday")
                if actor and not _same_act(a[1], b[1], event_words(ks[x]), event_words(ks[y])):
                    # A story's sentences all read alike, and a person or an organisation does many things on
                    # many days: two dated sentences about one are one event only if they say it did the same
                    # thing ("the mayor toured the villages on Monday" / "met the governor on Tuesday" are
                    # two). A place is dated by what happens to it, in words that may differ ("must leave
                    # Kalbacar on November 25" / "Kalbajar was to be handed over on November 15").
                    continue
                if _undoes(texts[a[1].article][a[3]:a[4]]) != _undoes(texts[b[1].article][b[3]:b[4]]):
                    continue  # an act and its undoing: "were moved out of their homes in Brekka on Saturday" /
                    # "Residents of Brekka were allowed back into their homes on Monday"
                if _until(a[2], texts[a[1].article]) != _until(b[2], texts[b[1].article]):
                    continue  # "delayed the tariffs on Monday" / "pushed the decision back until June 1": when, and how long
                ia = _interval(a[2].value, a[2].text)
                ib = _interval(b[2].value, b[2].text)
                if not ia or not ib:
                    continue
                union.union(x, y)
                linked.add((x, y))
                if actor and _told_after(ia, published.get(a[1].article), ib, published.get(b[1].article)):
                    # "Obama and Boehner met on Sunday" (Monday's paper) / "met on Thursday evening" (Friday's):
                    # a person acts again; a report cannot have meant an act that came after it was written
                    continue
                if (not _meet(ia, ib) and not _reading_unsure(a[2].text, a[2].value, b[2].text, b[2].value)
                        and not _gives_day_too(b[1], b[2], ia, texts[b[1].article])
                        and not _gives_day_too(a[1], a[2], ib, texts[a[1].article])):
                    conflict_pairs.append((x, y))
        if not conflict_pairs:
            continue
        groups: dict[int, list[int]] = defaultdict(list)
        for x in range(len(ks)):
            groups[union.find(x)].append(x)
        if not actor:
            groups = _split_many_events(groups, linked, ks, items, event_words)
        for root, members in groups.items():
            if not any(x in members and y in members for x, y in conflict_pairs):
                continue
            positions: list[_Position] = []
            leads: list[str] = []
            # (a claim that tells a move, "were due to begin in Geneva on Monday have been postponed to Thursday", gives
            # the day moved to; the day moved from is the others')
            moved = {id(items[ks[x]][1]) for x in members
                     if _MOVED_TO_BEFORE.search(texts[items[ks[x]][1].article], max(items[ks[x]][1].start, items[ks[x]][2].start - 40),
                                                items[ks[x]][2].start)}
            for x in members:
                _eid, c, t, _s, _e, named = items[ks[x]]
                if id(c) in moved and not _MOVED_TO_BEFORE.search(texts[c.article], max(c.start, t.start - 40), t.start):
                    continue
                positions.append(_Position(t.text, t.value, c, t.start, t.end))
                leads.append(texts[c.article][named:t.start])
            results.append(_make("date", _dated_subject(by_id[eid].name, leads), positions, texts, _date_key))
    # One finding reached through two of the entities it names is reported once (under the nearest).
    kept: list[dict] = []
    for item in sorted(results, key=lambda d: -len(_evidence_keys(d))):
        if not any(_evidence_keys(item) <= _evidence_keys(k) for k in kept):
            kept.append(item)
    return [d for d in results if any(d is k for k in kept)]


# words that tell an act undone: people back in their homes, a road reopened, a curfew lifted, a captive freed
# (not a plan put back: "pushed back to Friday" moves a day, see _MOVED_TO_BEFORE)
_UNDOING = re.compile(
    r"\b(?:(?<!pushed\s)(?<!put\s)(?<!set\s)(?<!moved\s)(?<!cut\s)(?<!scaled\s)(?<!held\s)back\s+(?:in|into|to|home|on|onto)\b"
    r"|return(?:ed|s|ing)?\b|re-?open(?:ed|s|ing)?\b|resum(?:e|ed|es|ing)\b|lift(?:ed|s|ing)?\b|restor(?:e|ed|es|ing)\b"
    r"|releas(?:e|ed|es|ing)\b|freed\b|reinstat(?:e|ed|es|ing)\b)", re.IGNORECASE)


def _undoes(segment: str) -> bool:
    """Does a dated segment tell an act undone ("allowed back into their homes", "the airport reopened")?"""
    return bool(_UNDOING.search(segment))


TIME_APART_MINUTES = 60  # two times of day of one event this far apart are two readings of when it happened


def _told_value(c: Claim, t) -> str:
    """The value of the claim's time expression at ``t``'s place as the report tells it (a time of day, where ``t``
    keeps only its day)."""
    return next((str(d.value) for d in c.dates if d.start == t.start and d.end == t.end), str(t.value))


def _clock_minutes(value: str) -> tuple[str, int] | None:
    """The day and the minute of the day of a time value ("2047-11-04T02:30" -> ("2047-11-04", 150)), or None."""
    m = _CLOCK_VALUE.match(str(value))
    return (m.group(1), int(m.group(2)) * 60 + int(m.group(3) or 0)) if m else None


_CLOCK_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})(?::(\d{2}))?$")


def _gives_day_too(c: Claim, t, other: tuple[dt.date, dt.date], text: str) -> bool:
    """Does the claim also give the other report's day, beside the one it dates the entity by ("Veloria began
    three days of mourning on Wednesday for the 19 people killed when a dam burst ... on Monday")? Then its
    other day dates something else it tells, and it does not deny the other's. Not where its day is where the
    other was moved to ("talks that were due to begin in Geneva on Monday have been postponed to Thursday"): it
    tells the change."""
    if _MOVED_TO_BEFORE.search(text, max(c.start, t.start - 40), t.start):
        return False
    for d in c.dates:
        if d is t or d.type not in ("DATE", "TIME") or _said_on(c, d, text):
            continue
        iv = _interval(d.value[:10] if d.type == "TIME" else d.value, d.text)
        if iv and _meet(iv, other):
            return True
    return False


# words that say a plan's day was moved (not "delayed", "moved" or "shifted" alone, which many other things are)
_PLAN_MOVED_WORDS = r"postponed|pushed\s+back|put\s+off|rescheduled|brought\s+forward|deferred"
_MOVED_TO_BEFORE = re.compile(rf"\b(?:{_PLAN_MOVED_WORDS}|delayed|moved|shifted)\s+(?:\w+\s+){{0,2}}?(?:to|for)\s+(?:next\s+)?$",
                              re.IGNORECASE)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|til|through|thru)\s+(?:at\s+least\s+|about\s+|around\s+)?$", re.IGNORECASE)


def _told_after(ia: tuple[dt.date, dt.date], pub_a: str | None, ib: tuple[dt.date, dt.date], pub_b: str | None) -> bool:
    """Is one of two past acts, each told by its own report as done by its publication day, dated after the
    other report was published? Then the other report cannot have meant it: they tell of two acts."""
    try:
        da, db = (dt.date.fromisoformat(str(p)[:10]) if p else None for p in (pub_a, pub_b))
    except ValueError:
        return False
    if da is None or db is None or ia[1] > da or ib[1] > db:
        return False  # undated, or a planned act: "must leave by November 25" may well lie after another report
    return ib[0] > da or ia[0] > db


def _until(t, text: str) -> bool:
    """Does the date end a span of time ("delayed until June 1") rather than date an act?"""
    return bool(_UNTIL_BEFORE.search(text, max(0, t.start - 30), t.start))


def _split_many_events(groups: dict[int, list[int]], linked: set[tuple[int, int]], ks, items, event_words
                       ) -> dict[int, list[int]]:
    """A place's dated claims that chain into one group with many different days are many events, not one
    told two ways: in a story about one ship or one town everything is dated by it ("examined late Monday",
    "found on Sunday", "sank on Aug. 12"). Such a group is cut again, joining only claims that share two
    words of what happened ("went down to the bottom ... on Sunday" / "went down to the bottom ... on August
    12"; one word is too little in a story that tells of one thing: "found" / "no object was found")."""
    out: dict[int, list[int]] = {}
    for root, members in groups.items():
        values = {items[ks[x]][2].value for x in members}
        if len(values) <= MAX_DAYS_ONE_EVENT:
            out[root] = members
            continue
        sub = _Union()
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                if ((x, y) in linked or (y, x) in linked) and len(event_words(ks[x]) & event_words(ks[y])) >= 2:
                    sub.union(x, y)
        parts: dict[int, list[int]] = defaultdict(list)
        for x in members:
            parts[sub.find(x)].append(x)
        for members_part in parts.values():
            if len(members_part) > 1 and len({items[ks[x]][2].value for x in members_part}) <= MAX_DAYS_ONE_EVENT:
                out[min(members_part)] = members_part
    return out





def _dated_subject(name: str, leads: list[str]) -> str:
    """The title of a date disagreement: the entity, and the words every report puts between it and the
    date ("Ovrat — river gave way", from "the Ovrat river gave way in the early hours of Tuesday" and "the
    Ovrat river in southern Kestovia gave way late on Monday night"), in the first report's order. The
    entity alone when the reports share no such word."""
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    skip = {w.lower() for w in _LEAD_WORD.findall(name)} | STOP_WORDS
    words = [[w.lower() for w in _LEAD_WORD.findall(lead)] for lead in leads]
    shared = set(words[0]).intersection(*words[1:]) - skip if words else set()
    said = [w for w in dict.fromkeys(words[0]) if w in shared] if shared else []
    return f"{name} — {' '.join(said)}" if said else name


def _evidence_keys(item: dict) -> set[tuple[str, int]]:
    return {(e["article"], e["start"]) for p in item["positions"] for e in p["evidence"]}


def _day_dates(c: Claim, phrase_dated: set = frozenset()):
    out = []
    for t in c.dates:
        if in_attribution(c, t.start, t.end):
            continue  # when it was said, not when it happened ("..., the ministry said on Wednesday")
        if (c.article, t.start, t.end) in phrase_dated:
            continue  # a noun phrase's date: "families of those killed in the Sept. 11 attacks"
        if t.type == "TIME" and not _DAY_WORDS.search(t.text):
            continue
        value = t.value[:10] if t.type == "TIME" else t.value
        if t.type in ("DATE", "TIME") and _DAY.match(value):
            out.append((t, value))
    return out


def _fact_date_disagreements(facts: list[Fact], texts, seen: set, phrase_dated: set = frozenset(),
                             published: dict[str, str | None] | None = None) -> list[dict]:
    """Two wordings of one fact that date it to days that do not meet ("late on Monday night" / "in the
    early hours of Tuesday"), each wording giving a single day."""
    published = published or {}
    out = []
    for f in facts:
        if len(f.sources) < 2:
            continue
        positions = []
        clock: dict[int, tuple[str, int]] = {}  # (the time of day a wording gives, where it gives one)
        for c in f.claims:
            days = [(t, v) for t, v in _day_dates(c, phrase_dated) if not _in_subordinate(c, t, texts[c.article])]
            if len(days) > 1:
                # (not a day of a clause on a noun after the verb: "leaving a slick of fuel oil that could reach the
                # town's beaches by Wednesday")
                days = [(t, v) for t, v in days if not _in_relative(c, t, texts[c.article])]
            if len(days) == 1:
                t, value = days[0]
                positions.append(_Position(t.text, value, c, t.start, t.end))
                if (at := _clock_minutes(_told_value(c, t))) is not None:
                    clock[id(positions[-1])] = at
        intervals = [(p, _interval(p.normalized, p.value)) for p in positions]
        intervals = [(p, iv) for p, iv in intervals if iv]
        if len({p.claim.article for p, _ in intervals}) < 2:
            continue

        def hours_apart(a: _Position, b: _Position) -> bool:
            # two times of one day further apart than a hedge takes in ("at about 2:30 a.m. on Monday" / "shortly
            # before 4 a.m. on Monday")
            ca, cb = clock.get(id(a)), clock.get(id(b))
            return bool(ca and cb and ca[0] == cb[0] and abs(ca[1] - cb[1]) > TIME_APART_MINUTES)
        # Two wordings date one act only when they name it with the same verb: the aligner may put "the
        # backlash grew on Monday" and "on Saturday the mayor announced a ban" in one fact about the backlash,
        # but "the dam gave way late on Monday night" / "gave way in the early hours of Tuesday" is one act.
        conflicting = {
            id(x) for i, (a, ia) in enumerate(intervals) for b, ib in intervals[i + 1:]
            if a.claim.article != b.claim.article and a.claim.predicate
            and (not _meet(ia, ib) and not _reading_unsure(a.value, str(a.normalized), b.value, str(b.normalized))
                 or hours_apart(a, b))
            and a.claim.predicate == b.claim.predicate and a.claim.predicate not in _REPORTING_WORDS
            and not _told_after(ia, published.get(a.claim.article), ib, published.get(b.claim.article))
            for x in (a, b)
        }
        if not conflicting:
            continue
        verbs = {p.claim.predicate for p, _ in intervals if id(p) in conflicting}
        intervals = [(p, iv) for p, iv in intervals if p.claim.predicate in verbs]
        if any(hours_apart(a, b) for a, _ in intervals for b, _ in intervals):
            # (a time of day's value, so that one day's two times are two positions)
            for p, _ in intervals:
                if id(p) in clock:
                    p.normalized = f"{clock[id(p)][0]}T{clock[id(p)][1] // 60:02d}:{clock[id(p)][1] % 60:02d}"
        key = tuple(sorted((p.claim.article, p.claim.start) for p, _ in intervals))
        if key in seen:
            continue
        subject = " ".join((f.best or f.claims[0]).text.split()[:10]) + " …"
        out.append(_make("date", subject, [p for p, _ in intervals], texts, _date_key))
    return out


# A report's own words that the day it gives is a plan moved: "will now vote on Wednesday, a day earlier than
# planned", "the vote, brought forward to Wednesday", "has been postponed until Friday"
_PLAN_MOVED = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?|months?|hours?)\s+"
                         r"(?:earlier|later)\s+than\s+(?:first\s+|originally\s+|previously\s+)?(?:planned|scheduled|expected)|"
                         rf"moved\s+(?:up|forward|back)|{_PLAN_MOVED_WORDS})\b", re.IGNORECASE)
MOVED_PLAN_SHARED = 3  # words (not days or numbers) a plan's wording and the wording that moves it share


def _moved_plans(facts: list[Fact], texts, phrase_dated: set, published: dict, seen: set) -> list[dict]:
    """A plan another report moves, in wordings the alignment left apart: "Parliament is due to vote on the bill on
    Thursday" / "Parliament will now vote on the pension bill on Wednesday, a day earlier than planned". The moving
    report says so in its own sentence; the two are plans (not what happened), share three words of the act, give
    one day each, and the plan's report is not the later one. Its status is an update: the day moved."""
    planned = [(c, days[0]) for f in facts for c in f.claims if c.modality == "planned"
               and len(days := [(t, v) for t, v in _day_dates(c, phrase_dated)]) == 1]

    def words(c: Claim) -> set[str]:
        return {w for w in c.terms if not any(ch.isdigit() for ch in w) and w not in _CALENDAR_TERMS}

    out = []
    for c, (t, value) in planned:
        s_start, s_end = texts.sentences.get((c.article, c.sentence), (c.start, c.end))
        if not _PLAN_MOVED.search(texts[c.article], s_start, s_end) or (c.article, t.start) in seen:
            continue
        mine = words(c)
        earlier = [(o, (ot, ov)) for o, (ot, ov) in planned
                   if o.article != c.article and ov != value and (o.article, ot.start) not in seen
                   and str(published.get(o.article) or "")[:10] <= str(published.get(c.article) or "")[:10]
                   and not _PLAN_MOVED.search(texts[o.article], *texts.sentences.get((o.article, o.sentence), (o.start, o.end)))
                   and len(words(o) & mine) >= MOVED_PLAN_SHARED]
        if not earlier:
            continue
        positions = [_Position(ot.text, ov, o, ot.start, ot.end) for o, (ot, ov) in earlier]
        positions.append(_Position(t.text, value, c, t.start, t.end))
        item = _make("date", c.predicate or "plan", positions, texts, _date_key)
        item["status"] = "update"
        out.append(item)
        seen |= {(o.article, ot.start) for o, (ot, _v) in earlier} | {(c.article, t.start)}
    return out


_SUBORDINATOR = re.compile(r"\b(?:after|before|when|since|until|while|because|following|as|where)\b", re.IGNORECASE)


def _in_subordinate(c: Claim, t, text: str) -> bool:
    """Is the date in a clause of its own after the claim's verb ("resumed its flights after the jet crashed
    on July 25": the crash's date, not the resumption's)? Two wordings of one fact disagree on a date only
    when it dates their shared verb."""
    # (a word that governs the date itself is its preposition, not a clause's: "collided shortly before 4 a.m. on Monday")
    return c.verb_at is not None and c.verb_at < t.start and any(
        text[m.end():t.start].strip() for m in _SUBORDINATOR.finditer(text, c.verb_at, t.start))


_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whose)\b", re.IGNORECASE)


def _in_relative(c: Claim, t, text: str) -> bool:
    """Is the date in a relative clause after the claim's verb ("..., leaving a slick that could reach the beaches by
    Wednesday")?"""
    return c.verb_at is not None and c.verb_at < t.start and bool(_RELATIVE_WORD.search(text, c.verb_at, t.start))


def _date_key(p: _Position) -> str:
    return str(p.normalized)


# --- numbers ------------------------------------------------------------------------------------


# who a count of a country's people may be: the victims of an accident or attack, or those aboard
_VICTIMS = re.compile(r"\b(?:killed|died|dead|deaths?|victims?|injured|wounded|hurt|missing|survivors?|rescued|aboard|"
                      r"on\s+board|passengers?|crew|hostages?|kidnapped|abducted)\b", re.IGNORECASE)
# A place's population ("Sweden's second-largest city with about 435,000 people", "a nation of 80 million", "a
# population of 2.1 million") is no count of what happened
_POPULATION_BEFORE = re.compile(
    r"(?:\b(?:city|town|village|country|nation|island|region|province|state|capital|port|suburb|district)\s+(?:of|with)|"
    r"\bpopulation\s+(?:of|is|was|stands\s+at)|\bhome\s+to|"
    # what a place holds: "The stadium holds 40,000 people", "a capacity of 40,000", "an arena that seats 18,000"
    r"\b(?:holds|held|seats|seated|can\s+hold|can\s+seat|capacity\s+of|capacity\s+(?:is|was))"
    r")\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|"
    r"roughly|just\s+under|just\s+over)\s+)?$", re.IGNORECASE)
# The whole a share is taken of ("about a third of its 1,200 daily flights", "40% of the 300 workers"): the
# share is what happened, the whole is compared only with another whole ("83 percent of Quebec's 7.4 million
# people" / "80 percent of 7.3 million people")
_SHARE_OF_BEFORE = re.compile(
    r"(?:\b(?:a|one|two|three|four)[\s-]+(?:half|halves|thirds?|quarters?|fifths?|tenths?)|\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|"
    r"percent\b))\s+of\s+(?:(?:its|the|their|his|her|our|all|all\s+the|(?-i:[A-Z])[\w.-]*['’]s)\s+)?$", re.IGNORECASE)
# An increment of a running count ("rescuers pulled three more bodies", "two more people died") is no level of
# it: a toll of 17 and "two more bodies" count different things
# ("another 173 people were injured" counts others besides the dead, as "injured nine more" does: not read as one;
# "six or more bombs" is a bound)
_MORE_WITHIN = re.compile(r"\w(?<!\bor)(?<!\band)\s+(?:more|further|additional)\s+(?!than\b)[a-z]", re.IGNORECASE)
# A rate ("400 flights a day", "1,200 daily flights", "earning 250,000 crowns a year") is compared only with a
# rate of the same period, not with a total ("1,150 flights over three days"); "a day after" is no rate
_RATE = re.compile(r"\b(?:a|per|each|every)[\s-](day|week|month|year|hour)\b(?!\s+(?:after|later|earlier|before|ago|"
                   r"since|of|or|and|in|to)\b)|\b(daily|weekly|monthly|annual|annually|yearly|hourly)\b", re.IGNORECASE)
_SPAN_WORD_BEFORE = re.compile(r"\b(?:for|in|within|over|after|than|about|nearly|almost|just|under|only)\s+$", re.IGNORECASE)
_RATE_PERIOD = {"daily": "day", "weekly": "week", "monthly": "month", "annual": "year", "annually": "year",
                "yearly": "year", "hourly": "hour"}


# the base of a rate ("124 per 1,000 people") counts nothing that happened
_PER_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)


# a bracket opening right after a figure: what follows in it is that figure in another unit ("12,400 acres
# (5,018 hectares)", "45 mph (72 km/h)")
# An area of land a fire burned or water flooded, in the words of its claim: the one area a report of such an
# event measures ("had burned 12,400 acres", "the fire grew to 14,000 acres", "has scorched about 5,000 hectares",
# "flooded 300 square kilometres"); other areas ("14,400 acres of bogs", "an institution on about 250 acres")
# are of other things, compared only as counts of one named noun
_AREA_STRUCK = re.compile(r"\b(?:burn(?:s|ed|t|ing)?|scorch\w*|charr\w*|blacken\w*|consum(?:e|es|ed|ing)|devour\w*|"
                          r"flood(?:s|ed|ing)?|inundat\w*|submerg\w*|(?:wild|bush|forest)?fires?|blazes?|infernos?)\b",
                          re.IGNORECASE)


def _struck_area(text: str, c: Claim, q) -> bool:
    """Is the measure an area of land a fire or a flood struck (see _AREA_STRUCK)?"""
    return q.kind == "measure" and q.unit == "area" and bool(_AREA_STRUCK.search(text, c.start, c.end))


_STRUCK_PARTICIPLE = {"burn": "burned", "scorch": "scorched", "char": "charred", "blacken": "blackened",
                      "consume": "consumed", "devour": "devoured", "flood": "flooded", "inundate": "inundated",
                      "submerge": "submerged"}
_AREA_UNIT_WORDS = ("acre", "hectare", "square", "sq", "km", "kilometre", "kilometer", "mile", "metre", "meter")
def _increment(text: str, q) -> bool:
    """Does the figure count what was added to a running count ("three more bodies", "rose to five after three
    people drowned")? Only with a noun counted: "killed five and injured nine more" counts others, the injured."""
    return bool(q.counted) and bool(_MORE_WITHIN.search(q.text) or _RAISED_BY_BEFORE.search(text, max(0, q.start - 40), q.start))


# a count told as what moved a running count: "The death toll rose to five after three people drowned"
_RAISED_BY_BEFORE = re.compile(r"\b(?:rose|risen|rises|climbed|jumped|increased|went\s+up|grew)\s+to\s+[\w.,]+\s+"
                               r"(?:after|when|as)\s+$", re.IGNORECASE)


def _rate_period(text: str, c: Claim, q) -> str | None:
    """The period a figure is counted per ("400 flights a day", "1,200 daily flights", "Each year, 10 million
    ..."), or None for a total: the rate's words in the figure's own words, else anywhere in its claim."""
    m = _RATE.search(q.text) or _RATE.match(text, q.end, min(len(text), q.end + 12))
    if not m:
        # (anywhere in the claim, where the figure is the one the rate's words go with, the nearest before them
        # or, opening the claim, after them: "Each year, 10 million ..."; not "who earn 150,000 crowns a year,
        # are demanding a 10% pay hike"; and not a span: "for a month", "within a week")
        for r in _RATE.finditer(text, c.start, c.end):
            if _SPAN_WORD_BEFORE.search(text, max(0, r.start() - 12), r.start()):
                continue
            if r.group(2) and r.group(2)[0].isupper() and text[c.start:r.start()].strip(' "“'):
                continue  # a name: "according to security footage seen by Rhone Daily", "the Daily Herald"
            before = [x for x in c.quantities if x.end <= r.start()]
            opening = r.group(1) and not text[c.start:r.start()].strip(' "“')  # "Each year, 10 million ..."
            owner = (max(before, key=lambda x: x.end) if before
                     else min(c.quantities, key=lambda x: x.start, default=None) if opening else None)
            if owner is not None and owner.start == q.start:
                m = r
                break
    if not m:
        return None
    word = next(g for g in m.groups() if g).lower()
    return _RATE_PERIOD.get(word, word)


def _whole_of_share(text: str, q) -> bool:
    """Is the figure the whole a share is taken of ("about a third of its 1,200 daily flights")?"""
    return bool(_SHARE_OF_BEFORE.search(text, max(0, q.start - 40), q.start))


# An age that bounds a group ("pupils under age 7", "infants up to age two", "children under 5") says
# whom a figure counts; it is no figure of the story for two reports to disagree on.
_AGE_BOUND = re.compile(
    r"(?:\b(?:age|aged|ages)\s+(?:of\s+)?|\b(?:children|kids|infants|babies|boys|girls|people|adults|men|women|"
    r"youths|teenagers|those|residents|voters|patients)\s+(?:under|over|above|below|aged|older\s+than|younger\s+than)"
    r"(?:\s+(?:the\s+)?age(?:\s+of)?)?\s+)$",
    re.IGNORECASE)


def _sites_within(entities: list, texts) -> dict[str, set[str]]:
    """The towns and lands each named site lies in, as the story tells it: a site named "in" or "near" a place ("the
    Al-Nour stadium in Qasran", "the Zhelvanov coal mine near the town of Krasnodol"), or one whose name opens with a
    place's ("Qasran General Hospital")."""
    places = {e.id: e for e in entities if e.type in ("GPE", "LOC")}
    starts = {(art, s): eid for eid, e in places.items() for art, s, _t in e.mentions}
    out: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type != "FAC":
            continue
        for p in places.values():
            if e.name.lower().startswith(p.name.lower() + " "):
                out[e.id].add(name_key(p.name))
        for art, _s, end in e.mentions:
            m = _SITE_IN.match(texts[art], end)
            if m and (art, m.end()) in starts:
                out[e.id].add(name_key(places[starts[(art, m.end())]].name))
    return out


# what comes between a site's name and the place it lies in: " stadium in ", " coal mine near the town of "
_SITE_IN = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:in|near|outside|at)\s+(?:the\s+(?:town|city|village|port)\s+of\s+)?")


def _place_keys(entities: list) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str]]]]:
    """The places the story names: per place entity the place, and per article the mentions of peoples
    named by a demonym ("Cambodian children") with the place each names."""
    place_names = [e.name for e in entities if e.type in ("GPE", "LOC", "FAC")]
    places = {e.id: name_key(e.name) for e in entities if e.type in ("GPE", "LOC", "FAC")}
    peoples: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        if e.type == "NORP" and (place := demonym_place(e.name, place_names)):
            for art, s, t in e.mentions:
                peoples[art].append((s, t, name_key(place)))
    return places, peoples


# the level a change reached, with nothing named that it counts: "Murders fell by more than 7 percent to 18,209"
_LEVEL_AFTER_CHANGE = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s+to\s+$", re.IGNORECASE)


def _level_after_change(text: str, q) -> bool:
    """Is ``q`` a bare figure that a change reached ("fell by more than 7 percent to 18,209")? What it counts
    is the change's subject, which only the parse could tell: it is not compared as a count of its own (in
    DUC 2006 it was set against "cities over 500,000")."""
    return (q.kind == "cardinal" and q.counted is None
            and bool(_LEVEL_AFTER_CHANGE.search(text, max(0, q.start - 20), q.start)))


# how long an event went on: "in a raid that lasted seven minutes", "an operation that took less than four minutes"
_LASTED_BEFORE = re.compile(r"\b(?:lasted|lasting|lasts|took|taking|takes)\s+(?:(?:just|only|about|around|nearly|almost|"
                            r"roughly|some|more\s+than|less\s+than|under|over|barely|no\s+more\s+than)\s+)*$",
                            re.IGNORECASE)
EVENT_DURATION_EMBEDDING = 0.62  # two durations of one event: claims of one day that read as one statement


_LASTED_EVENT = re.compile(r"\b([a-z]{3,})\s+(?:(?:that|which)\s+)?(?:lasted|lasts|took|takes)\s+[^.;:,]{0,30}$")


def _duration_name(text: str, q) -> str:
    """What an event's duration is the duration of, as the report names it: "the raid" of "a raid that lasted seven
    minutes"; "duration" when it names none."""
    m = _LASTED_EVENT.search(text, max(0, q.start - 60), q.start)
    return f"duration of the {m.group(1)}" if m and m.group(1) not in ("it", "this", "that", "which", "who") else "duration"


def _duration_kind(text: str, q) -> str | None:
    """What a duration is, where reports' durations are compared: a term someone was given (:func:`term_kind`), or
    how long an event lasted ("duration"); None for any other."""
    if q.unit not in _TIME_UNITS:
        return None
    kind = term_kind(text, q)
    if kind:
        return kind
    if _WAITED_BEFORE.search(text, max(0, q.start - 40), q.start):
        return "wait"  # how long someone waited ("applicants had waited up to four years")
    return "duration" if _LASTED_BEFORE.search(text, max(0, q.start - 40), q.start) else None


_WAITED_BEFORE = re.compile(r"\b(?:wait|waits|waited|waiting)\s+(?:for\s+)?(?:(?:up\s+to|as\s+long\s+as|more\s+than|over|"
                            r"nearly|almost|about|around|some)\s+)?$", re.IGNORECASE)


def _several_terms(text: str, c: Claim, q) -> bool:
    """Does the claim give terms of the kind ``q`` is of, of other lengths, besides ``q``? Then they are several
    people's ("Xu, sentenced to 13 years, Wang, who received an 11-year sentence, and Qin ...") or a term and the
    one it replaced, and no one of them is the claim's term of its one person."""
    kind = term_kind(text, q)
    return any(o is not q and o.unit in _TIME_UNITS and o.value != q.value and term_kind(text, o) == kind
               for o in c.quantities)


def _number_disagreements(docs, index: SentenceIndex, facts: list[Fact], texts, names: set[str],
                          places: tuple[dict, dict] | None = None, speakers: dict | None = None,
                          mention_spans: dict | None = None, entity_names: dict | None = None,
                          persons: frozenset[str] = frozenset(), story_names: dict | None = None,
                          within: dict | None = None) -> list[dict]:
    fact_of = {(c.article, c.index): f.id for f in facts for c in f.claims}
    sentence_facts: dict[tuple[str, int], set] = defaultdict(set)  # (the facts any claim of a sentence states)
    for f in facts:
        for c in f.claims:
            sentence_facts[(c.article, c.sentence)].add(f.id)
    items: list[tuple[Claim, object]] = [
        (c, _with_counted(q, texts[c.article])) for d in docs for c in d.claims for q in c.quantities
        if q.kind in ("cardinal", "percent", "money", "measure")
        and (q.unit not in _TIME_UNITS or (_duration_kind(texts[c.article], q) and not _several_terms(texts[c.article], c, q)))
        and not _HYPOTHETICAL.search(texts[c.article], c.start, q.start)
        and not _besides_named(texts[c.article], q)
        and (q.counted == "age" or not _AGE_BOUND.search(texts[c.article], max(0, q.start - 40), q.start))
        and not _POPULATION_BEFORE.search(texts[c.article], max(0, q.start - 40), q.start)
        and not _increment(texts[c.article], q)
        and not converted(texts[c.article], q, c.quantities)
        and not _PER_BEFORE.search(texts[c.article], max(0, q.start - 6), q.start)
        and not _COUNT_PROGRESS.match(texts[c.article], q.end)
        and not _level_after_change(texts[c.article], q)
    ]
    # a measure in any unit of its dimension is compared in the base unit ("12,000 hectares" / "45,000 acres");
    # its own figure, as written, decides whether two figures agree within the rounding a conversion brings
    as_written: dict[int, object] = {}
    for k, (c, q) in enumerate(items):
        if q.kind == "measure" and q.unit in _BASE_UNITS:
            base = _in_base_unit(q)
            as_written[id(base)] = q
            items[k] = (c, base)
    # (the moment of publication where a report states it: two reports of one day are ordered by it)
    segments = _SegmentCache(index, {d.article.id: d.article.published_time or d.article.published for d in docs},
                             places, facts, mention_spans, persons, story_names, within)
    segments.leads = {d.article.id: min((s.index for s in d.sentences if s.kind == "sentence"), default=None) for d in docs}
    results = []
    seen: set[tuple[int, int]] = set()
    totals = _partner_totals(items, texts)
    by_counted: dict[tuple, list[int]] = defaultdict(list)
    uncounted: list[int] = []
    for k, (c, q) in enumerate(items):
        if _struck_area(texts[c.article], c, q):
            by_counted[(q.kind, q.unit, None)].append(k)  # (what the land is, "of forest", "of countryside", is no other area)
        elif q.counted or q.kind != "cardinal":
            by_counted[(q.kind, q.unit, q.counted)].append(k)
        elif q.value is not None and q.value >= 2 and not (
                _BOUND_WORD.match(q.text) and _PLURAL_BEFORE.search(texts[c.article], max(0, q.start - 30), q.start)):
            uncounted.append(k)  # "has risen to 17": compared with every count, on a stricter reading match
            # (not a bound that sorts what the noun before it names: "in cities over 500,000", "children under 5")
    for key in list(by_counted):
        # (a magnitude is no count; nor are "19 nationalities" among the dead and injured a count of them)
        if (key[0] == "cardinal" and uncounted and key[2] not in _NAMED_MEASURES and key[2] not in _CLASS_NOUNS
                and key[2] != "age"):  # (nor is an age: "a 58-year-old man died" / "The two dead")
            by_counted[key] = by_counted[key] + uncounted
    # "27 migrants drowned" / "the bodies of 31 people have been recovered": a count of people and a count of
    # one kind of people in words of one family (the dead, the rescued) may count the same group; such
    # pairs are formed here and kept only across the two (see _people_and_kind)
    for k, (c, q) in enumerate(items):
        # (figures only: "thousands of soldiers and civilians" and "hundreds and possibly thousands of people"
        # say little about each other)
        if q.kind == "cardinal" and q.counted and q.counted not in _NAMED_MEASURES and q.counted != "age":
            for t in segments.window_words(c, q, names):
                # (a crowd is estimated, and may be told only vaguely: "A few thousand protesters gathered")
                if t in _COUNT_FAMILIES and (q.value is not None or t == _CROWD and q.low is not None):
                    by_counted[(q.kind, q.unit, "\0family", t)].append(k)
    # A report whose source gives its own figure ("the Red Crescent counted 310 cases and 12 deaths") may set
    # it against another source's count of the same kind, whatever noun each counts ("killed seven children"):
    # its counts are compared with each other too (only rival sources' pairs are kept, see rival()).
    sourced = {(c.article, q.kind) for c, q in items if q.kind in ("cardinal", "money")
               and _source_verb(texts[c.article], c, q)}
    for art, kind in sourced:
        # (and sums of money: "the agency puts its cost at 2.5 billion euros" / critics' "3 billion euro programme")
        by_counted[(kind, "\0rivals", art)] = [k for k, (c, q) in enumerate(items)
                                               if c.article == art and q.kind == kind]
    # Pass 1, lexical: the pairs that may count the same thing, and for those whose wordings must also read
    # alike, the two segments to compare. Pass 2 encodes all those segments in one batch (one call per
    # pair cost a batch of one each) and decides in the same order.
    pending: list[tuple[Claim, object, Claim, object, tuple | None]] = []
    by_claim: dict[int, list] = defaultdict(list)
    for c, q in items:
        by_claim[id(c)].append((c, q))

    def rival(ca: Claim, qa, cb: Claim, qb) -> bool:
        return _rival_sources(speakers or {}, ca.article, qa, qb) and _put_at_match(texts, ca, qa, cb, qb, segments, names)

    # (what each figure is per, and whether it is the whole of a share: read once per figure, not per pair)
    rates: dict[int, tuple] = {}

    def rate_of(k: int) -> tuple:
        if k not in rates:
            c, q = items[k]
            rates[k] = (_rate_period(texts[c.article], c, q), _whole_of_share(texts[c.article], q))
        return rates[k][0]

    def whole_of(k: int) -> bool:
        rate_of(k)
        return rates[k][1]

    rival_pairs: set[tuple[int, int]] = set()
    rival_articles: set[str] = set()
    rival_claims = {key for key, cq in by_claim.items()
                    if any(rival(ca, qa, cb, qb) for (ca, qa), (cb, qb) in combinations(cq, 2))}
    for key, ks in by_counted.items():
        for x, y in _number_pairs(ks, items, fact_of, segments, names, index.idf):
            (ca, qa), (cb, qb) = items[ks[x]], items[ks[y]]
            if (qa.kind, qa.unit) != (qb.kind, qb.unit):
                continue
            if rate_of(ks[x]) != rate_of(ks[y]):
                continue  # "400 flights a day" / "1,150 flights over three days"
            if whole_of(ks[x]) != whole_of(ks[y]):
                continue  # "a third of its 1,200 daily flights" / "cancel around 400 flights a day"
            # one report may set two sources' figures against each other ("three died, according to the fire
            # service, though regional officials put the toll at two"): those are rivals like two reports'
            # (what each counts is then matched by the source's own words, see _put_at_match)
            rivals = ca.article == cb.article and rival(ca, qa, cb, qb)
            aboard = key[2] == "\0family" and key[3] == _ABOARD
            if key[2] == "\0family":
                # (one event's: a place in common and no other day; in a story of many events, "10 civilians"
                # killed near one village and "three people" killed near another are two tolls)
                # (but those a vessel carried are one load from the day it set out to the place it sank: its
                # count in reports that share a statement, "left the port of Qarsa on Sunday with about 180 people on
                # board" / "Up to 400 refugees may have been on board the fishing boat that sank off Lendos")
                if (rivals or ca.article == cb.article
                        or not (_people_and_kind(texts, ca, qa, cb, qb, aboard, crowd=key[3] == _CROWD)
                                or _running_count(qa, qb))
                        or not (segments.same_place(ca, cb) or segments.story_toll(ca, cb)
                                or _running_count(qa, qb) and segments.within_cycle(ca.article, cb.article) or aboard and (
                            segments.same_story(ca.article, cb.article) or segments.near_story(ca.article, cb.article)))
                        or not (aboard or _days_meet(ca, cb))):
                    continue
            elif not rivals and not qa.comparable(qb):
                continue
            if ca.article == cb.article and not rivals:
                continue
            if _moved_from(texts[ca.article], ca, qa) or _moved_from(texts[cb.article], cb, qb):
                continue  # "raised its estimate ... to 3,000 tonnes, from 700 tonnes": the report's figure is the one
                # the count moved to; the one it moved from is another report's, or none
            # (a claim that sets two sources' figures side by side gives each as a rival, not as a partner)
            sourced = rivals or id(ca) in rival_claims or id(cb) in rival_claims
            if not sourced and (_states_figure(cb, qa, qb) and not _explains_change(texts[cb.article], cb, qa, qb)
                                and not _denies_figure(texts[cb.article], cb, qa, qb)
                                or _states_figure(ca, qb, qa) and not _explains_change(texts[ca.article], ca, qb, qa)
                                and not _denies_figure(texts[ca.article], ca, qb, qa)):
                continue  # "64 of the 122 seats" in both: each figure is another's partner, not its rival
            if (_recalled(texts[ca.article], ca, qa, bool(segments.published.get(ca.article)))
                    != _recalled(texts[cb.article], cb, qb, bool(segments.published.get(cb.article)))):
                continue  # "the deadliest fire since 1978, when 20 people died", "In 1978, 20 people died in a fire
                # at a hotel" (an undated report): the figure is 1978's
            if _speculative(texts[ca.article], ca, qa) != _speculative(texts[cb.article], cb, qb):
                continue  # "the breach could cost Telvano around 2 million customers" is a guess at what may come, no
                # rival of "stole the data of about 500 million customers"
            if _partitive(texts[ca.article], qa) != _partitive(texts[cb.article], qb):
                continue  # "18 of the dead had been identified" is a part of the toll, not another toll
            one_people = qa.counted == qb.counted and _nationals(qa.counted)
            b_part, a_part = _part_of_total(qa, qb, totals), _part_of_total(qb, qa, totals)
            left_over = (b_part and _STILL_AFTER.match(texts[cb.article], qb.end)
                         or a_part and _STILL_AFTER.match(texts[ca.article], qa.end))
            if not sourced and not one_people and not left_over and (b_part or a_part or _partners(qa, qb, totals)):
                continue  # "109 aboard and four on the ground" in one report: another's 113 is their total,
                # and another's "four killed on the ground" is not a rival of "109 aboard"
                # (but what is left of a running count is that count now: "eight miners remained trapped after
                # rescuers brought 22 men to the surface" is no part of the 30 trapped the day before, it is their
                # number a day on)
            if _other_acts(texts[ca.article], qa, texts[cb.article], qb):
                continue  # "Rescuers refloated 32 whales" / "About 230 pilot whales have stranded": two groups of whales
            if _other_owners(segments, ca, qa, cb, qb):
                continue  # "The Green Party won 12 seats" / "The Labour Party of Prime Minister Erik Holm won 51 seats"
            ma, mb = _modifiers(texts[ca.article], qa), _modifiers(texts[cb.article], qb)
            if ma and mb and not ma & mb:
                continue  # "22 surface ships" / "two Norwegian ships": two sets of ships, not two counts of one
            if bool(ma) != bool(mb) and _tells_apart((cb if ma else ca).text, ma or mb, (qb if ma else qa).counted,
                                                     texts[(ca if ma else cb).article], qa if ma else qb):
                continue  # "some 350 million smokers and more than 400 million passive smokers": the report that
                # gives the plain count tells it apart from the narrowed one
            if bool(ma) != bool(mb) and _WHOLE_AFTER.match(texts[(cb if ma else ca).article], (qb if ma else qa).end):
                continue  # "31 goals in all competitions" is the whole of which "28 league goals" are a part
            if _one_side_of(texts[ca.article], qa, qb, mb) or _one_side_of(texts[cb.article], qb, qa, ma):
                continue  # "Seventeen Ostmark soldiers" are some of "at least 40 soldiers" killed on both sides
            same_fact = fact_of.get((ca.article, ca.index)) == fact_of.get((cb.article, cb.index))
            if qa.counted == qb.counted == "other" and not same_fact and not rivals:
                continue  # "three others ... were still missing" / "Seven others on board ... were flown to hospital":
                # others than each report named just before, two groups unless one statement tells both
            strict = qa.counted is None or qb.counted is None
            if (qa.counted is None and qb.counted is None and not rivals and not _same_measure(texts, ca, qa, cb, qb, segments)
                    and not (qa.kind == "percent" and (owner := segments.owner(ca, qa)) and owner == segments.owner(cb, qb))
                    and not (qa.kind == "money" and (same_fact or segments.same_subject(ca, cb) and _near_sums(qa, qb)
                                                     or _valued_alike(texts, segments, ca, qa, cb, qb))
                             and _one_sum(texts, ca, qa) and _one_sum(texts, cb, qb))):
                # (two sums of money of one deal: "a club-record fee of 85 million euros" / "splashed out 90 million
                # euros on striker Tomas Reyes", where both name someone or something in common besides places)
                # (two shares of one party, "National Party was second with 27.8%" / "National Party won 28.9%",
                # measure the same)
                continue
            if not aboard and segments.other_places(ca, cb, direct_only=one_people):
                continue  # figures about different places or peoples, even in wordings the facts align
                # (a count of one country's people names its people itself: "four Britons" / "Five British
                # nationals were among the 11 people killed ... in the Swiss Alps"; only places tell those apart)
            if rivals:
                # the report says itself what the other source's figure measures ("the Survey put the magnitude
                # at 6.3"): their wordings need not read alike
                pending.append((ca, qa, cb, qb, None))
                rival_pairs.add((id(qa), id(qb)))
                rival_articles.add(ca.article)
                continue
            check = None
            # One wording of a fact may carry several figures: an uncounted one must read alike too.
            # (an age is one person's, within one fact too: "Mandela, 81, received the award from Doreen Lawrence,
            # whose son Stephen was stabbed ..." is no age of Stephen Lawrence's, 18)
            if key[2] == "\0family" and _running_count(qa, qb):
                pass  # (one family's act, one kind of people, and an ordinal that goes on from the other count)
            elif strict or not same_fact or qa.counted == qb.counted == "age":
                check = _subject_segments(ca, cb, qa, qb, index, names, segments, strict)
                if check is None:
                    continue
            else:
                ka = _count_kinds(segments.window_words(ca, qa, names))
                kb = _count_kinds(segments.window_words(cb, qb, names))
                if ka and kb and not ka & kb:
                    continue  # one wording's "killing 65 people and injuring 157 others": the dead and the injured
            pending.append((ca, qa, cb, qb, check))
    spans = list(dict.fromkeys(sp for *_rest, check in pending if check for sp in check[:2]))
    if spans:
        vectors = dict(zip(spans, index.embed_spans(spans)))
    for ca, qa, cb, qb, check in pending:
        if check is not None:
            seg_a, seg_b, threshold, *_how = check
            if index.calibrate(float(vectors[seg_a] @ vectors[seg_b])) < threshold:
                continue
        if (ca.article, ca.index) > (cb.article, cb.index):
            ca, cb, qa, qb = cb, ca, qb, qa
        pair_key = (id(qa), id(qb))
        if pair_key in seen:
            continue
        seen.add(pair_key)
        # (an area burned or flooded grows from one day's report to the next: "had burned more than 12,000 hectares"
        # on Tuesday, "had burned 15,000 hectares by Wednesday morning")
        grown = (_struck_area(texts[ca.article], ca, qa) and _struck_area(texts[cb.article], cb, qb)
                 and segments.within_cycle(ca.article, cb.article, MAX_DAYS_ONE_EVENT)
                 and _bound_raised(texts, segments, ca, qa, cb, qb, toll=True))
        if (id(qa) in as_written and id(qb) in as_written and figures_agree(as_written[id(qa)], as_written[id(qb)])
                and not rival_bounds(as_written[id(qa)], as_written[id(qb)]) and not grown):
            continue  # "about 12,000 hectares" / "30,000 acres": one area, rounded in each unit
        if _rounded_alike(qa, qb):
            continue  # "rose 4.2%" / "rose 4 percent": one share, rounded to a whole number
        rebutted = _rebuts_count(texts[ca.article], ca, qa) or _rebuts_count(texts[cb.article], cb, qb)
        if qa.overlaps(qb) and qa.value != qb.value and _precise_valuations(texts, ca, qa, cb, qb):
            status = "estimate"  # "jewellery worth an estimated 88 million euros" / "valued at 80 million euros"
        elif qa.overlaps(qb):
            if ((qa.low, qa.high) == (qb.low, qb.high) or _vague_holds(qa, qb) or _vague_holds(qb, qa)
                    or (qa.value is not None and qb.value is not None and not _rival_estimates(qa, qb))):
                one_fact = bool(sentence_facts[(ca.article, ca.sentence)] & sentence_facts[(cb.article, cb.sentence)])
                # (a toll of one event: people counted, in reports within the days of one event; "seven deaths"
                # of a virus in the autumn and "at least five people" a month later are two counts)
                toll = (bool(segments.window_words(ca, qa, names) & segments.window_words(cb, qb, names) & _TOLLS)
                        and all(q.counted is None or q.counted in _PEOPLE or _singular(q.counted) in PEOPLE_KINDS
                                for q in (qa, qb))
                        or _struck_area(texts[ca.article], ca, qa) and _struck_area(texts[cb.article], cb, qb)
                        ) and segments.within_cycle(ca.article, cb.article, MAX_DAYS_ONE_EVENT)
                # (and an area a fire burned or water flooded, which grows from one day's report to the next like
                # a toll: "had burned more than 12,000 hectares" / "had burned 15,000 hectares by Wednesday")
                if (qa.low, qa.high) != (qb.low, qb.high) and rebutted:
                    status = "contradiction"  # "at least 300 people are dead, ... far more than the government's
                    # figures admit" against the ministry's "at least 112": a bound its own report sets against another's
                elif (qa.low is None and qb.low is None and rival_bounds(qa, qb)
                      and all(_UTMOST.match(texts[c.article], q.start) for c, q in ((ca, qa), (cb, qb)))
                      and not _figure_revised(texts, segments, ca, qa, cb, qb)):
                    status = "contradiction"  # two utmost values of one thing: "waited up to four years" / "up to
                    # five years" (not two limits a rule sets: "earning less than 80 percent" / "less than 30 percent")
                elif not (_bound_raised(texts, segments, ca, qa, cb, qb, one_fact, toll)
                          or _figure_revised(texts, segments, ca, qa, cb, qb)):
                    if (qa.high is None and qb.high is None and rival_bounds(qa, qb) and segments.same_day(ca.article, cb.article)
                            and max(qa.low, qb.low) <= RIVAL_FLOORS_RATIO * min(qa.low, qb.low)):
                        status = "estimate"  # one day's two floors of a toll: "At least 12 people were killed" (the
                        # ministry) / "At least 20 people were killed" (a hospital doctor); a later day's is an update
                    elif not (_utmost_far(texts, ca, qa, cb, qb) and all(
                            _ABOARD in segments.window_words(c, q, names) for c, q in ((ca, qa), (cb, qb)))):
                        continue  # agreement: "around 2,000" and "nearly 2,000"; "about 30,000" and "31,000"
                    else:
                        status = "estimate"  # "Up to 400 refugees may have been on board" / "about 180 people on board"
                else:
                    status = "update"  # "at least three people died" (Monday) / "the death toll rose to five" (Tuesday)
            else:
                status = "estimate"
        elif _next_to_vague(qa, qb):
            status = "estimate"
        else:
            status = None
        if rebutted:
            status = "contradiction"  # a figure its report sets against the others' is no update of theirs, whatever
            # their own words of change ("the death toll rose to 164")
        common = segments.window_words(ca, qa, names) & segments.window_words(cb, qb, names)
        # (a count of another family in a crowd's words is that count: "protesters arrested" are the detained)
        # (those aboard who died are the dead: "killed all 223 people on board")
        family = min((t[1:] for t in common if t in _COUNT_FAMILIES),
                     key=lambda f: (f in _ESTIMATED_COUNTS, f == _ABOARD[1:], f), default="")
        if family == "crowd" and any(q.counted and q.counted not in _PEOPLE and _FAMILY_OF.get(_singular(q.counted)) != "~crowd"
                                     for q in (qa, qb)):
            family = ""  # "700 police" sent to clear the protesters count the police, not the crowd
        if not family:
            # what a source puts a figure at names its count ("police put the crowd at 45,000" / "organisers
            # said 120,000 people took part" is a crowd)
            given = _source_verb(texts[ca.article], ca, qa) or _source_verb(texts[cb.article], cb, qb)
            family = _FAMILY_OF.get(given[1], "~")[1:] if given else ""
        named_share = _named_share(texts[ca.article], ca, qa) if qa.kind == "percent" else None
        if named_share != _named_share(texts[cb.article], cb, qb):
            named_share = None
        kind_of_people = None
        if family in (_ABOARD[1:], "trapped") and qa.counted == qb.counted and qa.counted not in _PEOPLE:
            # "the 12 fishermen on board" / "The 14 fishermen on board": a count of fishermen, however else the reports
            # tell them; "12 fishermen trapped" / "14 fishermen trapped" count fishermen who are trapped
            kind_of_people = f"{qa.counted} {family}" if family == "trapped" else None
            family = ""
        if named_share or qa.counted == qb.counted == "age":
            family = ""  # a share of voters counted, not a crowd estimated; a person's age, not a count of the dead
        valued = _valued_thing(texts[ca.article], ca, qa) if qa.kind == "money" else None
        if valued and not _same_valued(texts, ca, qa, cb, qb):
            valued = None
        if (family in _ESTIMATED_COUNTS or valued) and status is None:
            status = "estimate"  # (what a thing is worth is someone's valuation, as a crowd is someone's count)
        measure = qa.counted if qa.counted in _NAMED_MEASURES and qa.counted == qb.counted else None
        if measure and status is None and not _figure_revised(texts, segments, ca, qa, cb, qb) and not any(
                _MEASURE_CHANGED.search(texts[c.article], c.start, c.end) for c in (ca, cb)):
            status = "estimate"  # each agency measures a quake's magnitude its own way ("6.8" / "put it at 6.7"),
            # unless a report tells the figure changed ("upgraded the magnitude to 7.0")
        change = _change_subject(texts[ca.article], ca, qa) if qa.kind == "percent" else None
        if qa.unit in _TIME_UNITS:
            subject = _duration_kind(texts[ca.article], qa) or "term"  # (terms given, and how long an event lasted)
            if subject == "duration":
                subject = _duration_name(texts[ca.article], qa)  # ("duration of the raid")
            # whose term: the one person both claims name ("Ivo Marek's prison term", "Mira Castell's ban")
            people = [e for e in dict.fromkeys(ca.entities) if e in persons and e in cb.entities]
            if len(people) == 1 and entity_names and people[0] in entity_names:
                subject = f"{entity_names[people[0]]}'s {subject}"
        elif named_share:
            subject = named_share
        elif measure:
            subject = measure  # a measure named by its figure, whatever else the wordings share
        elif change is not None and change == _change_subject(texts[cb.article], cb, qb):
            subject = _change_name(change[1], change[0], names)  # what moved and which way: "Brisk shares rise"
            if _made_change(texts[ca.article], ca, qa):
                # what was cut or raised, in its report's order of words: "heart attack cut"
                said = [_singular(w) for w in _change_words(texts[ca.article], ca, qa)]
                subject = " ".join([*dict.fromkeys(w for w in said if w in change[1]),
                                    "cut" if change[0] < 0 else "raised"])
        elif _struck_area(texts[ca.article], ca, qa) and _struck_area(texts[cb.article], cb, qb):
            # an area burned or flooded, whatever the land ("of forest", "of countryside") and the unit
            word = _shared_word(ca, cb, qa, names, common)
            word = _STRUCK_PARTICIPLE.get(word, word)  # ("area burned", not "area burn")
            subject = "area" if word in ("", *_AREA_UNIT_WORDS) else f"area {word}"
        elif valued:
            subject = f"value of the {valued[1].lower()}"  # ("value of the jewels")
        elif (segments.lead_sum(ca, qa) and segments.lead_sum(cb, qb) and not common - {qa.unit}
              and (named := [entity_names[e] for e in dict.fromkeys(ca.entities) if e in cb.entities
                             and e not in segments.places and e in (entity_names or {})])):
            subject = f"sum ({', '.join(named[:2])})"  # the price of the leads' event, by the parties both name
        elif check is not None and check[3:] == ("scene",):
            # a count of one scene told in other words: what it counts, and the scene's words ("men (lift, truck,
            # window)")
            scene = _scene_words(cb, qb, names, index.idf)
            told = [t for t in dict.fromkeys(ca.terms) if t in scene and t in _scene_words(ca, qa, names, index.idf)]
            noun = qa.text.split()[-1].lower()
            subject = f"{noun} ({', '.join(told[:3])})"
        elif family:
            # one kind of count is one subject however each report names what it counts ("60 people",
            # "65 dead", "injuring 157 others"): its items merge through the figures they share
            subject = family
        elif (owner := next((t.split(_OWNER_MARK)[1] for t in common if t.startswith(_OWNER_MARK)), None)) \
                and owner in (entity_names or {}):
            # the name both figures belong to ("National Party seats")
            subject = " ".join(x for x in (entity_names[owner], qa.counted or qb.counted or qa.unit or "") if x)
        elif kind_of_people:
            subject = kind_of_people
        elif qa.counted == qb.counted == _AT_LARGE:
            subject = _AT_LARGE  # (its words are the subject: "seven remained at large" / "three still at large")
        else:
            subject = " ".join(x for x in (qa.counted or qb.counted or qa.unit or "",
                                           _shared_word(ca, cb, qa, names, common)) if x) or "figure"
        # (a valuation is its figure: "an estimated 88 million euros" and "88 million euros" are one position)
        point = status == "estimate" and _precise_valuations(texts, ca, qa, cb, qb)
        positions = [
            _Position(qa.text, [qa.value, qa.value] if point else [qa.low, qa.high], ca, qa.start, qa.end),
            _Position(qb.text, [qb.value, qb.value] if point else [qb.low, qb.high], cb, qb.start, qb.end),
        ]
        # ("has now" tells a count as it stands by its own source: "the outbreak has now killed 58 people, according to
        # the WHO" moves no count the health ministry gives)
        who_a, who_b = (_speaker_of(speakers or {}, {"article": c.article, "start": q.start}) for c, q in ((ca, qa), (cb, qb)))
        item = _make("number", subject, positions, texts, lambda p: str(p.normalized), status,
                     each_figure=(id(qa), id(qb)) in rival_pairs or (id(qb), id(qa)) in rival_pairs, firm=rebutted,
                     now_moves=not (who_a and who_b and who_a != who_b and not {who_a, who_b} & _UNNAMED_SOURCES))
        item["_figure"] = qa.kind  # (dropped after _explain reads it)
        if rebutted:
            item["_fixed"] = True  # (not an update by the days the two reports were written)
            item["_rebuttal"] = _rebuttal(texts[ca.article], ca, qa) or _rebuttal(texts[cb.article], cb, qb)
        if qa.counted == "age" or _nationals(qa.counted):
            # an age does not grow from one day's report to the next, nor does the number of a country's people
            # on board unless a report says it changed ("has risen to five Britons")
            item["_fixed"] = True
        if (qa.counted == "age" and item["status"] == "update"
                and not any(_CORRECTED_AGE.search(texts[c.article], c.start, c.end) for c in (ca, cb))):
            # a change word of the sentence is not the age's ("Varga, 27, fell into a ravine"): only a
            # correction changes an age
            item["status"] = "contradiction"
        results.append(item)
    merged = (_without_ambiguous_reports(it, texts, speakers, rival_articles) for it in _merge_number_items(results))
    out = [it for it in merged if it is not None]
    for it in out:
        if any(ev.get("said_by") or _speaker_of(speakers or {}, ev) for p in it["positions"] for ev in p["evidence"]):
            _join_named_figures(it, items, texts, speakers or {})
    moments = {(c.article, q.start): _moment_of(c, q, segments) for c, q, *_rest in pending}
    moments.update({(c.article, q.start): _moment_of(c, q, segments) for *_rest, c, q, _check in pending})
    for it in out:
        _timed_update(it, moments)
    # findings that only became updates here (38 -> 31 missing, told a day apart) join the update they share a
    # figure with (35 -> 31): one count moving over time is one disagreement
    out = _merge_number_items(out) if sum(it["status"] == "update" for it in out) > 1 else out
    return [it for it in out if _join_agreeing_positions(it)]


JOINED_WIDTH = 0.15  # how wide, as a share of its top, a hedged figure may be that an exact one inside it agrees with


def _join_agreeing_positions(item: dict) -> bool:
    """Positions of one disagreement whose values overlap agree with each other ("30%" and "almost a third",
    each against a tabloid's "40 per cent"): they are one position, under the more precise value. False when no
    two positions are left to disagree."""
    positions = item["positions"]
    if item.get("kind") != "number" or item.get("status") == "update":
        return True

    def span(p: dict) -> tuple[float, float] | None:
        n = p.get("normalized")
        ok = isinstance(n, (list, tuple)) and len(n) == 2 and all(isinstance(v, (int, float)) for v in n)
        return (float(n[0]), float(n[1])) if ok else None

    joined = True
    while joined:
        joined = False
        for i, j in combinations(range(len(positions)), 2):
            a, b = span(positions[i]), span(positions[j])
            if a is None or b is None or a == b:
                continue
            (point, p), (rng, r) = sorted(((a, i), (b, j)), key=lambda x: x[0][1] - x[0][0])
            # an exact figure inside a narrow hedged one ("30%" in "almost a third", 30-33.3%); not two hedged or
            # open figures ("more than 200" / "more than 2,000" are rival estimates), nor a count that moved
            # (or the very figure a hedge was put on: "35,000 people" in "About 35,000 people", whose bounds are wider)
            if point[0] != point[1] or not rng[0] <= point[0] <= rng[1] or (
                    rng[1] - rng[0] > JOINED_WIDTH * rng[1] and abs((rng[0] + rng[1]) / 2 - point[0]) > 1e-6 * point[0]):
                continue
            keep, drop = p, r
            if positions[drop]["value"] not in positions[keep]["value"].split(" / "):
                positions[keep]["value"] += f" / {positions[drop]['value']}"  # each report's wording of it stays shown
            for src, ev in zip(positions[drop]["sources"], positions[drop]["evidence"]):
                positions[keep]["sources"].append(src)
                positions[keep]["evidence"].append(ev)
            del positions[drop]
            joined = True
            break
    return len(positions) > 1


def _join_named_figures(item: dict, items, texts, speakers: dict) -> None:
    """Let a report that gives one side's value of a disagreement between named sources, as that source's
    ("some 120,000 people, by the organisers' count"; "The police estimate was far lower, at 45,000"), join that
    side, though its wording paired with no other: the figure must equal the side's exactly, count what the
    side's figure counts or be named as someone's count, and the report must give one side's value, or each side's
    once."""
    sides: list[tuple[dict, float, str | None]] = []
    in_item = {ev["article"] for p in item["positions"] for ev in p["evidence"]}
    by_start = {(c.article, q.start): q for c, q in items}
    for p in item["positions"]:
        lo, hi = p["normalized"] if isinstance(p["normalized"], list) else (None, None)
        if lo is None or lo != hi:
            return  # (only exact figures join)
        ev = p["evidence"][0]
        q = by_start.get((ev["article"], ev.get("value_start")))
        sides.append((p, lo, q.counted if q is not None else None))
    found: dict[str, list[tuple[dict, object, object]]] = defaultdict(list)
    for c, q in items:
        if c.article in in_item or q.value is None:
            continue
        for p, value, counted in sides:
            if q.value == value and (q.counted is not None and q.counted == counted
                                     or q.counted is None and _count_owner(texts[c.article], q)):
                found[c.article].append((p, c, q))
    for article, hits in found.items():
        if len({id(p) for p, _c, _q in hits}) not in (1, len(item["positions"])) or len(hits) != len({id(p) for p, _c, _q in hits}):
            continue
        for p, c, q in hits:
            if article in p["sources"]:
                continue
            p["sources"].append(article)
            p["evidence"].append({"article": article, "start": c.start, "end": c.end, "value_start": q.start,
                                  "value_end": q.end})


# parts of a day in the order they come (TIMEX3 "2026-08-09TMO" ...)
_DAY_PARTS = {"MO": 1, "MI": 2, "AF": 3, "EV": 4, "NI": 5}


def _moment_of(c: Claim, q, segments: "_SegmentCache") -> tuple | None:
    """When the report says its figure held: a day (and part of the day) named in the clause around the
    figure ("was 35% contained on Monday morning"), as a sortable key; None when the clause names none or
    several."""
    _art, s0, s1 = segments.segment(c, q)[0]
    found = set()
    for t in c.dates:
        m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:T(MO|MI|AF|EV|NI|\d{2}:\d{2}))?$", str(t.value))
        if m and s0 <= t.start and t.end <= s1:
            part = m.group(2)
            found.add((m.group(1), _DAY_PARTS.get(part, 0) if part and not part[0].isdigit() else 0,
                       part if part and part[0].isdigit() else ""))
    return next(iter(found)) if len(found) == 1 else None


def _timed_update(item: dict, moments: dict) -> None:
    """A figure each report gives for another moment, moving one way with time, is an update ("10%
    contained on Sunday morning" / "15 percent by Sunday afternoon" / "35% on Monday morning"), whatever it
    measures: the reports say themselves that they tell different times."""
    if item["status"] != "contradiction":
        return
    timed = []
    for p in item["positions"]:
        lo = p["normalized"][0] if isinstance(p["normalized"], list) else None
        for ev in p["evidence"]:
            when = moments.get((ev["article"], ev.get("value_start")))
            if when is None or lo is None:
                return
            timed.append((when, lo))
    by_moment: dict[tuple, set] = defaultdict(set)
    for when, lo in timed:
        by_moment[when].add(lo)
    if len(by_moment) < 2 or any(len(v) > 1 for v in by_moment.values()):
        return
    days: dict[str, set] = defaultdict(set)
    for day, part, clock in by_moment:
        days[day].add((part, clock))
    if any(len(p) > 1 and (0, "") in p for p in days.values()):
        return  # "on Sunday" and "on Sunday night" are not two times: the day holds the night
    values = [next(iter(by_moment[w])) for w in sorted(by_moment)]
    if len(set(values)) == len(values) and values in (sorted(values), sorted(values, reverse=True)):
        item["status"] = "update"
        item["_timed"] = True


def _rival_sources(speakers: dict, article: str, qa, qb) -> bool:
    """Does one report give the two figures as two named sources' ("according to the fire service" / "regional
    officials put the toll at two")?"""
    a = _speaker_of(speakers, {"article": article, "start": qa.start})
    b = _speaker_of(speakers, {"article": article, "start": qb.start})
    return bool(a and b and a != b)


def _put_at_match(texts, ca: Claim, qa, cb: Claim, qb, segments: "_SegmentCache", names: set[str]) -> bool:
    """Does one figure's source say it measures what the other figure measures? ("the Survey put the magnitude
    at 6.3" / "a magnitude 6.1 quake"; "regional officials put the toll at two" / "three firefighters have
    died": a toll counts the dead.) Two figures one report gives with two sources are rivals only then: two
    people's counts of astronauts or visitors in one report are mostly counts of different groups; but two sides'
    counts of one kind of people in one family of count are rivals: "The army said it had killed 45 rebel fighters" /
    "The Northern Front said it had lost 12 fighters"."""
    # (and two sides' counts of people in one family: "detaining 47 people, the interior ministry said" / "The protest
    # organisers said more than 60 people had been detained")
    # (people of no kind only at one time: "More than eighty people have died ... within the past two months" and
    # "38 people died in January" are counts of two spans of time)
    if qa.counted and qa.counted == qb.counted and (
            _singular(qa.counted) in PEOPLE_KINDS and qa.counted not in _PEOPLE
            or qa.counted in _PEOPLE and _one_time_scope(ca, cb)):
        families = [{t for t in segments.window_words(c, q, names) if t in _COUNT_FAMILIES} for c, q in ((ca, qa), (cb, qb))]
        if families[0] & families[1]:
            return True
    for (cx, qx), (cy, qy) in (((ca, qa), (cb, qb)), ((cb, qb), (ca, qa))):
        given = _source_verb(texts[cx.article], cx, qx)
        if not given:
            continue
        noun = given[1]
        if noun == qy.counted or (noun in _FAMILY_OF and _FAMILY_OF[noun] in segments.window_words(cy, qy, names)):
            return True
        if noun in _SUMS and qx.kind == qy.kind == "money" and qx.unit == qy.unit:
            return True  # "the agency puts its cost at 2.5 billion euros" / critics' "3 billion euro programme"
        if (noun in _FAMILY_OF and _FAMILY_OF[noun] != "~crowd" and qy.counted is None and _same_sentence(cx, cy)
                and _IT_WAS_BEFORE.search(texts[cy.article], max(cy.start, qy.start - 30), qy.start)):
            return True  # "The ministry put the number of people detained at 47, while organisers said it was more
            # than 60": the other source's figure for "it", the same number
        if _FAMILY_OF.get(noun) == "~crowd" and (
                qy.counted in _PEOPLE
                or qy.counted is None and cx.start < cy.end and cy.start < cx.end and _count_owner(texts[cy.article], qy)):
            # "police put the crowd at 45,000" / "organisers said 120,000 people took part"; "... well short
            # of the 120,000 claimed by union bosses" (a bare figure someone's count, in the same sentence)
            return True
    return False


_IT_WAS_BEFORE = re.compile(r"\b(?:it|that|the\s+figure)\s+(?:was|is|stood\s+at|at)\s+(?:(?:at\s+least|about|around|some|nearly|"
                            r"almost|more\s+than|over|fewer\s+than|less\s+than)\s+)?$", re.IGNORECASE)


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.article == b.article and a.sentence == b.sentence


def _one_time_scope(a: Claim, b: Claim) -> bool:
    """Do two claims tell their statements at one time: the same dates and spans of time, or one of them none
    (beside when it was said)?"""
    scopes = [{str(t.value) for t in c.dates if t.type in ("DATE", "DURATION") and not in_attribution(c, t.start, t.end)}
              for c in (a, b)]
    return not scopes[0] or not scopes[1] or scopes[0] == scopes[1]


_PEOPLE = frozenset({"people", "person", "persons"})
# a count of deaths or injuries counts the people who died or were hurt ("caused 12 deaths" / "Fifteen people were
# killed"); not "casualties", the dead and the hurt together
_PEOPLE_HARMED = frozenset({"death", "deaths", "fatality", "fatalities", "injury", "injuries"})
# How far apart a count of people and a count of one kind of people may be and still be two counts of one group
# (27 and 31 drowned; not 300 killed and 2,000 militants)
KIND_OF_PEOPLE_RATIO = 2.0
# Two floors of one count in reports of one day ("At least 12 people were killed" / "At least 20 people were killed")
# are rival estimates up to this ratio; further apart, they are as likely floors of two counts ("more than 5,000
# people" evacuated in one town, "More than 72,000 people" in the country)
RIVAL_FLOORS_RATIO = 3.0
# A count given as a part of a bigger group: "including 12 children", "among them four police officers",
# "12 children were among the dead"
_PART_BEFORE = re.compile(r"\b(?:including|includes|included|among(?:\s+them)?|of\s+(?:whom|them|those))\s+"
                          r"(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over)\s+)?$", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all|its|their|his|her)\s+$", re.IGNORECASE)
_PART_AFTER = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+(?:were|was|are|is|being)\s+(?:also\s+)?among\b", re.IGNORECASE)


def _days_meet(a: Claim, b: Claim) -> bool:
    """Do two claims name a day in common, or not both name one?"""
    days_a = {str(d.value) for d in a.dates if _DAY.match(str(d.value))}
    days_b = {str(d.value) for d in b.dates if _DAY.match(str(d.value))}
    return not days_a or not days_b or bool(days_a & days_b)


_ORDINAL_FIGURE = re.compile(r"^(?:a|the)\s+(?:" + "|".join(ORDINAL_COUNTS) + r")\s", re.IGNORECASE)  # (quantities' running counts)


def _running_count(qa, qb) -> bool:
    """Is one of two counts of one kind of people the newest of a running count ("Two men ... were arrested" / "have
    arrested a third man"): the ordinal says it goes on from the other."""
    return (qa.counted == qb.counted and _singular(qa.counted or "") in PEOPLE_KINDS
            and bool(_ORDINAL_FIGURE.match(qa.text) or _ORDINAL_FIGURE.match(qb.text)))


def _people_and_kind(texts, ca: Claim, qa, cb: Claim, qb, aboard: bool = False, crowd: bool = False) -> bool:
    """May a count of people and a count of one kind of people ("27 migrants drowned" / "the bodies of 31
    people") count one group? One of the two counts people, the other does not, and neither is given as a
    part of a bigger group ("including 12 children", "12 children were among the dead").
    ``aboard``: both count those a vessel carried, which is one group however many each says, and whatever
    each calls the travellers ("about 180 people on board" / "Up to 400 refugees may have been on board" / "more
    than 150 illegal immigrants" crammed onto it), unless a kind is one part of them ("six crew").
    ``crowd``: both count a gathering, and the kind is its people ("about 8,000 people protested" / "A few thousand
    protesters gathered"): one crowd, however far apart its estimates (police and organisers differ fivefold)."""
    travellers = aboard and all(q.counted in _PEOPLE or _singular(q.counted) in _TRAVELLERS for q in (qa, qb))
    # (a count of deaths or injuries counts people: "caused 12 deaths" / "Fifteen workers were killed" / "Fifteen
    # people were killed")
    harmed = [q.counted in _PEOPLE_HARMED for q in (qa, qb)]
    people = [q.counted in _PEOPLE or h for q, h in zip((qa, qb), harmed)]
    harm_and_people = all(people) and harmed[0] != harmed[1]
    if not travellers and not harm_and_people and people[0] == people[1]:
        return False
    crowd = crowd and all(q.counted in _PEOPLE or _FAMILY_OF.get(_singular(q.counted)) == _CROWD for q in (qa, qb))
    low, high = sorted((qa.value if qa.value is not None else qa.low, qb.value if qb.value is not None else qb.low))
    # (a count of none, "No one was hurt", is of any kind of people: "Two workers were injured" says otherwise)
    if low < 0 or low == 0 and high == 0 or low > 0 and high > KIND_OF_PEOPLE_RATIO * low and not aboard and not crowd:
        return False  # "more than 2,000 militants" / "nearly 300 people": other groups, or a part of the whole
    kind_c, kind_q = (cb, qb) if people[0] and not harm_and_people else (ca, qa)
    if not harm_and_people and _singular(kind_q.counted) not in PEOPLE_KINDS and kind_q.counted not in _PEOPLE:
        return False  # "12 people were arrested after a crowd set fire to two cars": cars are no people
    if _DEFINITE_BEFORE.search(texts[kind_c.article], max(0, kind_q.start - 12), kind_q.start):
        return False  # "the two activists were detained": people the report has named, not a count of all
    for c, q in ((ca, qa), (cb, qb)):
        text = texts[c.article]
        if _PART_BEFORE.search(text, max(0, q.start - 30), q.start) or _PART_AFTER.match(text[q.end:q.end + 60]):
            return False
    return True


# Who a vessel carries, all of them, in the words reports use for them (not "crew": a part)
_TRAVELLERS = frozenset({"passenger", "migrant", "refugee", "immigrant", "asylum-seeker", "traveller", "traveler",
                         "pilgrim", "tourist"})
# a figure of those a vessel carried: "with about 180 people on board", "Up to 400 refugees may have been on board",
# "crammed more than 150 illegal immigrants onto a rickety fishing boat" (with _CARRIED_BEFORE: "carrying 40")
_ABOARD_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:aboard|on\s+board|onboard)\b", re.IGNORECASE)
_PACKED_BEFORE = re.compile(r"\b(?:crammed|cramming|packed|packing|squeezed|squeezing|herded|herding|loaded|loading)\s+"
                            r"(?:(?:about|around|some|nearly|almost|more\s+than|over|up\s+to|at\s+least)\s+)?$",
                            re.IGNORECASE)
_PACKED_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:onto|into|aboard)\s+(?:an?|the|their|its)\s+", re.IGNORECASE)
# What a sum of money a source puts at is of: a cost, a price, a loss ...
_SUMS = frozenset({"cost", "price", "bill", "value", "damage", "budget", "loss", "valuation", "worth", "tab"})
# Counts nobody can make exactly: two figures for them are estimates that differ ("police put the crowd at
# 45,000; the organisers said 120,000")
_ESTIMATED_COUNTS = frozenset({"crowd"})
_CROWD = "~crowd"





def _source_verb(text: str, c: Claim, q) -> tuple[int, str] | None:
    """Where a source's verb that gives the figure starts, and the noun it gives the figure for: "put the
    toll at two" (toll), "counted 530 suspected cases and 11 deaths" (case, death); None when no such verb."""
    m = _PUT_NUMBER_AT.search(text, max(c.start, q.start - 80), q.start)
    if m:
        # (the number of people who had something done to them is a count of that family: "put the number of people
        # detained at 47" counts the detained)
        done = (m.group(2) or "").lower()
        family = next((w for w in (done[:-2], done[:-1], done) if done and w in _FAMILY_OF), None)
        return m.start(), family or _singular(m.group(1).lower())
    m = _PUT_AT.search(text, max(c.start, q.start - 60), q.start)
    if m:
        return m.start(), _singular(m.group(1))
    # a measure given by name ("measured the quake at magnitude 6.8"), or by "it" after one ("... while the
    # national institute put it at 6.7"): the figure is given for that measure
    m = _PUT_AT_MEASURE.search(text, max(c.start, q.start - 60), q.start)
    if m and m.group(1):
        return m.start(), m.group(1).lower()
    if m and (measured := _measure_named(text, q)):
        return m.start(), measured
    m = _COUNTED_BY.search(text, max(c.start, q.start - 70), q.start)
    if m and q.counted and _singular(q.counted) in _FAMILY_OF:
        # (a count of one kind only, "12 deaths", "40 arrests": "TT reported 190 people were taken to hospital"
        # and "about 400 people were inside, police said" count different people)
        return m.start(), _singular(q.counted)
    return None


_CHANGE_FROM_BEFORE = re.compile(r"\b(?P<dir>up\s+|down\s+)?from\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$",
                                 re.IGNORECASE)
_CHANGE_VERB = re.compile(r"\b(?:ros[ea]|risen|rising|rises|fell|fallen|falling|falls|drop\w*|climb\w*|jump\w*|"
                          r"increas\w*|decreas\w*|rais\w*|lower\w*|cut|cuts|revis\w*|grew|grown|shr[au]nk|soar\w*|"
                          r"plung\w*|slump\w*|surg\w*|declin\w*|reduc\w*|boost\w*|upgrad\w*|downgrad\w*|doubl\w*|"
                          r"halv\w*|tripl\w*|swell\w*|swollen|widen\w*|narrow\w*|spread|moved|changed)\b", re.IGNORECASE)
_FIGURE = r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)\b)"
_TO_FIGURE = r"to\s+(?:about\s+|around\s+|some\s+|nearly\s+|an\s+estimated\s+)?" + _FIGURE
_CHANGE_TO_IN = re.compile(r"\b" + _TO_FIGURE, re.IGNORECASE)
_CHANGE_TO_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?" + _TO_FIGURE, re.IGNORECASE)  # "from 14 (people) to 17"
_FIGURE_IN = re.compile(r"(?<![\w.,])" + _FIGURE, re.IGNORECASE)


def _moved_from(text: str, c: Claim, q) -> bool:
    """Is ``q`` the value a count moved from, told beside the value it moved to in its sentence ("rose to 17 from
    14", "from 14 to 17", "now 17, up from 14")?"""
    m = _CHANGE_FROM_BEFORE.search(text, max(0, q.start - 24), q.start)
    if m is None:
        return False
    before = text[max(0, q.start - 120):m.start()]
    before = re.split(r"[.!?;]\s", before)[-1]
    if not m.group("dir") and not _CHANGE_VERB.search(before):
        return False  # "Estimates ... run from 500,000 to 1.6 million": a range, not a move
    if m.group("dir"):
        return bool(_FIGURE_IN.search(before))
    return bool(_CHANGE_TO_IN.search(before) or _CHANGE_TO_AFTER.match(text, q.end))


def _without_ambiguous_reports(item: dict, texts, speakers: dict | None = None,
                               rival_articles: set[str] = frozenset()) -> dict | None:
    """A number disagreement without the reports that give several values for its subject themselves. Each
    pair was matched on its own ("25 basis points" in one report against "250 basis points", and against
    "170 basis points", in another); when one report gives several rival values and explains no change, which
    of them counts the same thing as the other report's figure is unknown (often none: one figure is a rate
    rise, the others a company's outlook), and a disagreement stands only on the reports that give one value.
    A report that explains a change itself ("rose to 17 from 14") keeps its values: an earlier and a later
    value of one count. The item is an update only while a report it keeps explains a change."""
    values: dict[str, set[str]] = defaultdict(set)
    for p in item["positions"]:
        for ev in p["evidence"]:
            values[ev["article"]].add(json.dumps(p["normalized"]))
    if all(len(v) == 1 for v in values.values()):
        return item
    known: dict[str, bool] = {}

    def explains(article: str) -> bool:
        if article not in known:
            spans = [texts.sentence_around(article, ev["start"], ev["end"])
                     for p in item["positions"] for ev in p["evidence"] if ev["article"] == article]
            known[article] = any(_UPDATE_CUES.search(texts[article], s0, s1) for s0, s1 in spans)
        return known[article]

    def sourced(article: str) -> bool:
        # the report sets two sources' figures against each other (see _put_at_match), each of its values is
        # a different named source's, and no source gives two
        if article not in rival_articles:
            return False
        who: dict[str, set[str]] = defaultdict(set)
        own: list = []  # values the report gives in its own words
        for p in item["positions"]:
            for ev in p["evidence"]:
                if ev["article"] == article:
                    speaker = _speaker_of(speakers or {}, ev)
                    if speaker is None:
                        own.append(p["normalized"])
                    else:
                        who[speaker].add(json.dumps(p["normalized"]))
        given = [json.loads(v) for vs in who.values() for v in vs]
        # ... only as a vague figure that holds a source's ("Tens of thousands of people marched ... Police put the
        # crowd at 40,000, while the organisers said 150,000 people had taken part")
        return bool(who) and all(len(v) == 1 for v in who.values()) and all(
            _holds_one(n, given) for n in own)

    several = {a for a, v in values.items() if len(v) > 1 and not explains(a) and not sourced(a)}
    if not several:
        return item
    kept = []
    for p in item["positions"]:
        pairs = [(src, ev) for src, ev in zip(p["sources"], p["evidence"]) if ev["article"] not in several]
        if pairs:
            kept.append({**p, "sources": [src for src, _ in pairs], "evidence": [ev for _, ev in pairs]})
    if len(kept) < 2:
        return None
    status = item["status"]
    if status == "update" and not any(explains(ev["article"]) for p in kept for ev in p["evidence"]):
        status = "contradiction"
    return {**item, "positions": kept, "status": status}


def _holds_one(normalized, given: list) -> bool:
    """Is ``normalized`` a range (low, high) that holds one of the ``given`` values (points or ranges)?"""
    if not (isinstance(normalized, list) and len(normalized) == 2 and all(isinstance(v, (int, float)) for v in normalized)):
        return False
    low, high = normalized
    if low == high:
        return False
    for g in given:
        point = g[0] if isinstance(g, list) and len(g) == 2 and g[0] == g[1] else g
        if isinstance(point, (int, float)) and low <= point <= high:
            return True
    return False


_TIME_UNITS = TIME_UNITS | {"duration"}  # (a duration in the base unit, days: see facts._BASE_UNITS)
# How far a count has got, not a result: "with 78 percent of the vote counted", "after 40% of ballots had been
# counted", "with 95% of precincts reporting"
_COUNT_PROGRESS = re.compile(r"\s+of\s+(?:the\s+)?(?:votes?|ballots?|precincts|polling\s+stations|districts)\s+"
                             r"(?:(?:had|have|has)\s+)?(?:been\s+)?(?:counted|tallied|processed|reporting|in)\b", re.IGNORECASE)
# A figure in a condition or an open question states nothing: "if it costs me $10 million", "will rule whether
# or not more than 200 players ... should be paid", "would go into effect if the league pays more than 63 %".
_HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
# A figure of what may come, its verb's modal right before it in its clause ("could cost it around 2 million customers",
# "might reach 300,000"; lower case: "May" is a month); not a hedged figure of what is or was ("may have hit as many
# as 6 million accounts", "could be as high as 300")
_SPECULATIVE_BEFORE = re.compile(r"\b(?:could|might|may)\s+(?!(?:have|be|well|also|still|already)\b)(?:[\w'’-]+\s+){0,5}?$")


def _speculative(text: str, c: Claim, q) -> bool:
    return bool(_SPECULATIVE_BEFORE.search(text, max(c.start, q.start - 60), q.start))


_AND_BEFORE = re.compile(r"\band\s+$", re.IGNORECASE)
_OTHER_AFTER = re.compile(r"^[\w,.-]+\s+others?\b", re.IGNORECASE)  # the number, then "other(s)"


def _besides_named(text: str, q) -> bool:
    """ "The United States and 15 other nations": a count of those besides the one named before it, so
    not the total another report gives ("the 16 nations that sponsor the station")."""
    return bool(_AND_BEFORE.search(text[max(0, q.start - 6):q.start]) and _OTHER_AFTER.match(text[q.start:q.end + 10]))


_CALENDAR_TERMS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "yesterday", "tonight", "week", "month", "year"}
# (not a figure inside a code, "flight AV312 rose to 46", nor a verb of change after it)
_TALLY_BEFORE = re.compile(r"(?<![\w.,])(\d[\d,]*)\s+(?!(?:hundred|thousand|million|billion|trillion|percent|per|"
                           r"rose|risen|rises|fell|fallen|falls|climbed|climbs|jumped|jumps|dropped|drops|grew|grows|"
                           r"increased|increases|decreased|decreases|went|goes)\b)([a-z]+)\s+to\s+$")


def _tally_first(text: str, q) -> str | None:
    """The first figure of a tally the figure ends ("212" for "181" in "212 votes to 181"), else None."""
    m = _TALLY_BEFORE.search(text, max(0, q.start - 40), q.start)
    return m.group(1).replace(",", "") if m else None


# a verb of carrying right before a figure: those carried ("a bus carrying 40 passengers")
# a count of those still treated: "remain in hospital", "are still in hospital", "were hospitalised", "were treated
# in hospital"
_IN_HOSPITAL = re.compile(r"\b(?:remain(?:s|ed|ing)?|still|are|were|is|was)\s+(?:still\s+)?(?:in|at)\s+(?:a\s+|the\s+)?"
                          r"hospitals?\b|\bhospitali[sz](?:ed|ation)\b|\b(?:treated|admitted)\s+(?:in|at|to)\s+(?:a\s+|the\s+)?hospitals?\b",
                          re.IGNORECASE)
_LIVES_TAKEN_BEFORE = re.compile(r"\b(?:cost|costs|costing|claimed|claims|claiming|took|taken|takes|taking)\s+"
                                 r"(?:[\w,]+\s+){0,3}$", re.IGNORECASE)
_TOLL_NAMED = re.compile(r"\b(?:death|casualty)\s+tolls?\b", re.IGNORECASE)
# the event a toll is of, in lower-case words up to what follows its name: "The death toll from Tuesday's failed coup
# attempt in Dalvaria" -> "failed coup attempt"
_TOLL_OF_EVENT = re.compile(r"\b(?:death|casualty)\s+tolls?\s+(?:from|of|in)\s+(?:the\s+|an?\s+|last\s+)?"
                            r"(?:[A-Z]\w+['’]s\s+)?((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]{3,})\b"
                            r"(?!\s+(?:[a-z-]+\s+)?(?:attempt|attack|bombing|crash|collapse|explosion|blast|fire|flood)s?\b)")
_EVENT_EPITHETS = frozenset("failed foiled thwarted botched deadly fatal devastating massive huge major recent latest "
                            "weekend suspected alleged".split())
_LOST_PEOPLE_BEFORE = re.compile(r"\b(?:lost|lose|loses|losing)\s+(?:(?:at\s+least|about|around|some|nearly|almost|"
                                 r"more\s+than|over|only|just)\s+)?$", re.IGNORECASE)
_LIVES_LOST = re.compile(r"\b(?:los[te]|loses|losing)\s+(?:their|his|her|its|our|your)\s+li(?:fe|ves)\b|"
                         r"\b(?:cost|costs|costing|claimed|claims|claiming)\s+(?:[\w,]+\s+){0,4}?lives\b|"
                         r"\bli(?:fe|ves)\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?lost\b", re.IGNORECASE)
# the words of people made to leave their homes, without a word of the displaced family ("driven some 8,000
# residents from their homes", "forcing about 8,000 people to leave their homes")
_HOMES_LEFT = re.compile(r"\b(?:leave|left|leaving|flee|fled|fleeing|forced|driven|drove|chased|forcing|moved|ordered|evacuated)\b"
                         r"(?:\s+[\w,'-]+){0,5}?\s+(?:from\s+|out\s+of\s+)?(?:their|his|her)\s+homes?\b", re.IGNORECASE)
# people who took part in a gathering, in the words of what they did, right after the figure ("150,000 people had
# taken part", "Tens of thousands of people marched", "More than 150,000 people joined a peaceful march"): a crowd
_TOOK_PART_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:(?:had|have|has)\s+)?(?:(?:took|taken|take|takes|taking)\s+part|"
                              r"turned\s+out|marched|rallied|demonstrated|protested|gathered|assembled|massed|thronged|"
                              # ("at least 50,000 people filled the streets of Velsk", "packed the main square")
                              r"(?:filled|packed|flooded|crowded|jammed)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:streets?|squares?|"
                              r"avenues?|boulevards?|roads?|centre|center|plaza)|"
                              r"joined\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:march|rally|protest|demonstration|vigil|"
                              r"procession)s?)\b", re.IGNORECASE)
_CARRIED_BEFORE = re.compile(r"\b(?:carrying|carried|carries|carry|transporting|ferrying)\s+(?:(?:about|around|some|nearly|"
                             r"almost|more\s+than|over|up\s+to|at\s+least)\s+)?$", re.IGNORECASE)
_DIED_OF_WOUNDS = re.compile(r"\b(?:died|dies|dying|succumbed)\s+(?:\w+\s+)?(?:of|from|to)\s+(?:(?:his|her|their|the)\s+)?"
                             r"(?:\w+\s+)?(?:wounds|injuries)\b", re.IGNORECASE)
# a verb whose object is people, right before a bare figure ("wounded eight", "injured nine more", "arrested 20")
_HARMED_BEFORE = re.compile(
    r"\b(?P<verb>killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|rescued|rescuing|"
    r"arrested|arresting|detained|detaining|evacuated|evacuating|hospitali[sz]ed|abducted|kidnapped|"
    r"taking|took|taken|held)\s+(?:hostage\s+)?(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|"
    r"another|a\s+further)\s+)?$", re.IGNORECASE)
# ... or a passive verb right after the figure's noun ("30 protesters were hurt", "Dozens of marchers were detained"):
# those it befell, not the crowd they were part of
_HARMED_AFTER = re.compile(
    r"(?:\s+(?:of\s+)?[\w'’-]+){0,2}?\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?P<verb>killed|wounded|injured|hurt|rescued|arrested|detained|evacuated|hospitali[sz]ed)\b", re.IGNORECASE)
# the count family of such a verb, by its first five letters
_HARM_FAMILY = {"kille": "~dead", "killi": "~dead", "kills": "~dead", "wound": "~injured", "injur": "~injured",
                "hurt": "~injured", "hurti": "~injured", "hospi": "~injured", "rescu": "~survivors", "arres": "~detained",
                "detai": "~detained", "evacu": "~displaced"}


_CORRECTED_AGE = re.compile(r"\b(?:correct\w*|revis\w*|(?:an\s+)?earlier\s+(?:version|report)s?|"
                            r"(?:previously|initially|first)\s+(?:reported|given|said|stated))\b", re.IGNORECASE)
_NATIONALS = frozenset({"national", "nationals", "citizen", "citizens"})
_PEOPLE_FROM = "people from "  # what a count of a country's people counts: "people from Germany"


def _nationals(counted: str | None) -> bool:
    """Does a figure count a country's people (see _nationality)?"""
    return bool(counted) and counted.startswith(_PEOPLE_FROM)


def _nationality(text: str, q) -> str | None:
    """The country whose people a count counts: a demonym counted ("four Britons", "three Germans") or nationals
    named by one ("Five British nationals", "two Italian citizens")."""
    if q.kind != "cardinal" or q.counted_start is None or q.counted_end is None:
        return None
    word = text[q.counted_start:q.counted_end]
    if word[:1].isupper():
        return demonym_place(word)
    if word.lower() in _NATIONALS:
        m = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, q.counted_start - 30):q.counted_start])
        return demonym_place(m.group(1)) if m else None
    return None


def _with_counted(q, text: str):
    """A figure followed by "of <noun>" ("thousands of people") counts that noun; the second figure of a
    tally ("212 votes to 180") counts what the first does."""
    counted = q.counted
    measured = _measure_named(text, q)
    if measured:
        counted = measured
    elif counted is None:
        m = re.match(r"\s+of\s+(?:the\s+)?([a-z]+)", text[q.end:q.end + 40])
        tally = _TALLY_BEFORE.search(text, max(0, q.start - 40), q.start)
        word = m.group(1) if m else tally.group(2) if tally else None
        if word:
            counted = _singular(word)
        elif q.kind == "cardinal" and q.unit is None and _HARMED_BEFORE.search(text, max(0, q.start - 40), q.start):
            counted = "people"  # "killed five people and wounded eight": whom such a verb's figure counts
        elif q.kind == "cardinal" and q.unit is None and _AT_LARGE_AFTER.match(text, q.end):
            counted = _AT_LARGE  # "seven remained at large" / "leaving three still at large": those not yet caught
        elif q.kind == "cardinal" and q.unit is None and (named := _NUMBER_OF_BEFORE.search(text, max(0, q.start - 160),
                                                                                              q.start)):
            counted = _singular(named.group(1).lower())  # "The number of infants reported ill ... has risen to 31"
    counted = SAME_COUNTED.get(counted, counted)  # ("41 houses" / "Forty-one homes")
    if counted == "life" and _LIVES_TAKEN_BEFORE.search(text, max(0, q.start - 40), q.start):
        counted = "people"  # "has cost at least 1,200 lives" counts the dead, as "has killed at least 1,200 people"
        # does (not "more than 500,000 lives could be saved")
    nationality = _nationality(text, q)
    if nationality:
        counted = _PEOPLE_FROM + nationality  # "four Britons" / "Five British nationals"
    if counted != q.counted:
        q = copy.copy(q)
        q.counted = counted
    return q


# A source and the measure it gives a figure for: "regional officials put the toll at two", "the U.S.
# Geological Survey put the magnitude at 6.3", "the union estimated the turnout at 40,000".
_GIVING = (r"(?:put|puts|putting|estimated|estimates|estimating|placed|places|measured|measures|rated|rates|gave|gives"
           r"|set|sets)")
_PUT_AT = re.compile(rf"\b{_GIVING}\s+(?:the|its|their|his|her)\s+(?:[a-z]+\s+){{0,2}}?([a-z]+)\s+at\s+$")
# ... the number of some people, and what befell them: "The ministry put the number of people detained at 47"
_PUT_NUMBER_AT = re.compile(rf"\b{_GIVING}\s+(?:the|its|their)\s+(?:number|count|total|tally)\s+of\s+([a-z]+)"
                            r"(?:\s+([a-z]+ed))?\s+at\s+$")
# ... or counts it: "the World Health Organization counted 530 suspected cases and 11 deaths"
_COUNTED_BY = re.compile(r"\b(?:counted|recorded|registered|reported|tallied|confirmed|logged)\s+"
                         r"(?:[^.;:]{0,40}?\s+and\s+)?(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over)\s+)?$")
# A measure named before its figure: "a magnitude 6.1 earthquake", "magnitude-6.3"
_NAMED_MEASURES = frozenset({"magnitude"})
# nouns that count classes of what a story counts, not its members
_CLASS_NOUNS = frozenset({"nationality", "country", "nation", "kind", "type", "language", "category", "ethnicity",
                          "ethnic group", "race", "religion", "sort"})
_MEASURE_BEFORE = re.compile(r"\b(magnitude)[\s-]+$", re.IGNORECASE)
_MEASURE_AFTER_FIGURE = re.compile(r"^[\s-]+(magnitude)\b", re.IGNORECASE)
_MEASURE_IN_FIGURE = re.compile(r"[^\d]{0,20}?\d[\d.,]*[\s-]+(magnitude)\b", re.IGNORECASE)
_MEASURE_CHANGED = re.compile(r"\b(?:upgrad|downgrad|revis|raised|lowered|corrected)\w*", re.IGNORECASE)
# ... or gives it for a measure named before the figure ("measured the quake at magnitude 6.8") or by "it" after one
# ("... while the national institute put it at 6.7")
_PUT_AT_MEASURE = re.compile(rf"\b{_GIVING}\s+(?:it|(?:the|its|their)\s+(?:[a-z]+\s+){{0,2}}?[a-z]+)\s+at\s+"
                             r"(?:(magnitude)\s+)?$", re.IGNORECASE)
_PUT_IT_AT = re.compile(rf"\b{_GIVING}\s+it\s+at\s+$")
_NAMED_FIGURE = re.compile(r"\b(magnitude)[\s-]+(?:of\s+)?\d|\d[\s-]+(magnitude)\b", re.IGNORECASE)
_RELATIVE_BEFORE_VERB = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,\s*$", re.IGNORECASE)
# Where the source of a "put the toll at" figure begins: after the clause before it
_SOURCE_START = re.compile(r"[,;:]\s*|\s[-–—]\s|\b(?:though|although|but|while|whereas|and|as)\s+", re.IGNORECASE)


def _measure_named(text: str, q) -> str | None:
    """The noun a figure is given for by name: a measure written next to it ("magnitude 6.1"), or one a
    source puts it at ("put the magnitude at 6.3" -> "magnitude"). A count family's word ("put the toll at
    two") is left to the family words around the figure: it compares with any count of that kind."""
    m = (_MEASURE_BEFORE.search(text, max(0, q.start - 12), q.start) or _MEASURE_AFTER_FIGURE.match(text[q.end:q.end + 12])
         or _MEASURE_IN_FIGURE.match(text, q.start, q.end))  # "a 6.7-magnitude quake", whose span runs to "quake"
    if m:
        return m.group(1).lower()
    m = _PUT_AT.search(text, max(0, q.start - 60), q.start)
    if m:
        noun = _singular(m.group(1))
        return None if noun in _FAMILY_OF else noun
    if _PUT_IT_AT.search(text, max(0, q.start - 40), q.start):
        # a rival's figure for the measure the sentence gave before: "the Survey measured the quake at magnitude
        # 6.8, while the national institute put it at 6.7"
        start = max((e.end() for e in re.finditer(r"[.!?]\s", text[:q.start])), default=0)
        m = _NAMED_FIGURE.search(text, start, q.start)
        if m:
            return (m.group(1) or m.group(2)).lower()
    return None


def _figure_sources(text: str, claims) -> list[tuple[int, int, str, str]]:
    """(start, end, who, name) of each figure a named source gives ("regional officials put the toll at two",
    "the World Health Organization counted ... 11 deaths"): a span as narrow as the figure, so it wins over a wider attribution around it ("Three ... have
    died, according to the fire service, though regional officials put the toll at two")."""
    rows = []
    for c in claims:
        for q in c.quantities:
            given = _source_verb(text, c, q)
            if not given:
                continue
            # (a relative clause between the source and its verb is no part of who: "The World Health
            # Organization, which has a team in the region, counted ...")
            before = _RELATIVE_BEFORE_VERB.sub("", text[c.start:given[0]])
            cut = [x.end() for x in _SOURCE_START.finditer(before)]
            said = before[cut[-1] if cut else 0:].split()
            words = [w.lower() for w in said]
            # (a pronoun names no source, but "The WHO" is the World Health Organization)
            if words and (words[-1] not in ("it", "this", "that", "which", "who") or said[-1].isupper()):
                rows.append((q.start, q.end, words[-1], " ".join(said)))
    for c in claims:
        for q in c.quantities:
            named = _count_owner(text, q)
            if named:
                rows.append((q.start, q.end, named.lower().split()[-1], named))
    return rows


# Whose count a figure is, named around it: "120,000 people, by the organisers' count", "the 120,000 claimed by
# union bosses", "The police estimate was far lower, at 45,000"
_OWNER = r"((?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?)"
_COUNT_NOUN = r"(?:count|counts|estimate|estimates|tally|figures?|reckoning)"
_OWNED_COUNT_AFTER = re.compile(rf"^(?:\s+[a-z]+)?,?\s+(?:by|on|according\s+to)\s+{_OWNER}(?:'s|’s|'|’)\s+{_COUNT_NOUN}\b")
_CLAIMED_BY_AFTER = re.compile(rf"^(?:\s+[a-z]+)?\s+(?:claimed|cited|estimated|counted|given)\s+by\s+{_OWNER}(?=\s*[,.;:)]|\s+(?:and|but|on|in)\b|$)")
_OWNED_COUNT_BEFORE = re.compile(rf"\b{_OWNER}(?:'s|’s|'|’)?\s+{_COUNT_NOUN}\s+(?:was|is|stood|came|had\s+been|has\s+been)\b"
                                 rf"[^.;:]{{0,30}}?(?:\bat\s+|\bto\s+|\s)$")


def _count_owner(text: str, q) -> str | None:
    """Who the report says a figure is the count or estimate of, named in a phrase around it (see _OWNER's
    patterns), as the report names them; None when no such phrase."""
    after = text[q.end:q.end + 80]
    m = _OWNED_COUNT_AFTER.match(after) or _CLAIMED_BY_AFTER.match(after)
    if not m:
        m = _OWNED_COUNT_BEFORE.search(text, max(0, q.start - 90), q.start)
    if not m:
        return None
    owner = re.sub(r"^(?:The|the)\s+", "the ", m.group(1).strip())
    return None if owner.split()[-1].lower() in _NOT_OWNERS else owner


# Words before "count" / "estimate" that say what kind of count it is, not whose ("the official count", "the
# final tally", "the crowd estimate"), and pronouns
_NOT_OWNERS = frozenset({
    "it", "this", "that", "which", "who", "their", "its", "his", "her", "our", "my", "your", "an", "a", "the",
    "official", "unofficial", "final", "initial", "preliminary", "latest", "new", "early", "earlier", "previous",
    "first", "last", "total", "overall", "conservative", "rough", "revised", "updated", "current", "original",
    "higher", "lower", "exact", "actual", "best", "same", "other", "own", "crowd", "vote", "body", "head", "death",
    "casualty", "independent", "separate", "latter", "former"})


def _partner_totals(items, texts) -> dict[float, set[float]]:
    """The sums of two figures that one claim gives together ("killing all 109 people on board and four
    people on the ground"), each with its parts: another report's 113 is their total, not a rival. Figures a
    source is said to give are its estimates, not parts ("Police put the crowd at 40,000, while the organisers
    said 150,000 people had taken part"; "about 40,000 ..., far fewer than the 150,000 claimed by union bosses")."""
    by_claim: dict[int, list] = defaultdict(list)
    for c, q in items:
        # (a magnitude is no part of a whole: "measured it at 6.8, while the institute put it at 6.7")
        if q.kind == "cardinal" and q.value is not None and (q.low, q.high) == (q.value, q.value) \
                and q.counted not in _NAMED_MEASURES:
            by_claim[id(c)].append(q)
    claim_of = {id(c): c for c, _q in items}
    totals: dict[float, set[float]] = defaultdict(set)
    for key, qs in by_claim.items():
        c = claim_of[key]
        text = texts[c.article]
        # (nor is what was added to a running count: "recaptured four more of the 12 inmates ..., leaving three
        # still at large" tells a count of seven going down, not a whole of seven)
        qs = [q for q in qs if not (_source_verb(text, c, q) or _count_owner(text, q) or _MORE_AFTER.match(text, q.end))]
        for i, a in enumerate(qs):
            for b in qs[i + 1:]:
                # (a value and the one it moved from are no parts of one whole: "31, up from 12")
                if a.unit == b.unit and a.value != b.value and not _UPDATE_CUES.search(
                        c.text[max(0, min(a.end, b.end) - c.start - 12):max(a.start, b.start) - c.start + 1]):
                    totals[a.value + b.value] |= {a.value, b.value}
    return totals


# a count named as such before the figure it moved to or stands at: "The number of infants reported ill after drinking
# the formula has risen to 31", "the number of confirmed cases stood at 412"
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:number|count|tally)\s+of\s+(?:[a-z]+\s+)?([a-z]{3,}s)\b[^.;:!?\"“”]{0,100}?\b"
    r"(?:(?:has|have|had)\s+)?(?:rose|risen|climbed|jumped|grown|grew|reached|fell|fallen|dropped|stands|stood|is|was)"
    r"(?:\s+(?:to|at))?\s+(?:(?:about|around|nearly|almost|more\s+than|over|at\s+least)\s+)?$", re.IGNORECASE)
_AT_LARGE = "at large"
_AT_LARGE_AFTER = re.compile(r"\s+(?:(?:remain(?:s|ed)?|were|are|was|is|stay(?:s|ed)?)\s+)?(?:still\s+)?"
                             r"(?:at\s+large|on\s+the\s+run)\b", re.IGNORECASE)
# a figure of those still in a state others have left: "eight miners remained trapped", "eight more are still buried"
_STILL_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:remain(?:s|ed)?|(?:are|were|is|was)\s+still|still)\b",
                          re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+(?:more|further|additional)\b(?!\s+than\b)", re.IGNORECASE)


def _partners(a, b, totals: dict[float, set[float]]) -> bool:
    """Are the two figures ones that some report gives together, as two parts of one whole?"""
    return a.value is not None and b.value is not None and {a.value, b.value} <= totals.get(a.value + b.value, set())


def _part_of_total(total, part, totals: dict[float, set[float]]) -> bool:
    return total.value is not None and part.value is not None and part.value in totals.get(total.value, ())


def _in_base_unit(q):
    """A copy of a measure with its bounds in its dimension's base unit (square metres for hectares and acres),
    and the dimension as its unit; its text is the figure as written."""
    dimension, factor, offset = _BASE_UNITS[q.unit]
    base = copy.copy(q)  # (a Quantity is a slotted dataclass: copy.copy copies its fields)
    base.low = None if q.low is None else q.low * factor + offset
    base.high = None if q.high is None else q.high * factor + offset
    base.value = None if q.value is None else q.value * factor + offset
    base.unit = dimension
    return base


# a count said to be the whole: "31 goals in all competitions", "40 seats in total", "1,200 jobs overall"
_WHOLE_AFTER = re.compile(r"(?:\s+[a-z-]+){0,3}?\s+(?:in\s+all(?:\s+competitions)?|in\s+total|overall|altogether|all\s+told)\b",
                          re.IGNORECASE)


def _tells_apart(text: str, modifiers: set[str], counted: str | None, narrowed_text: str, narrowed) -> bool:
    """Does ``text``, the claim of the plain figure (counting ``counted``), tell apart the set the other figure
    narrows with ``modifiers``? A plain word it uses anywhere does ("some 350 million smokers" against "more
    than 400 million passive smokers"); a name the narrowed figure writes as one ("2.1 million Telvano
    customers") only right before the counted noun ("North Korean children under 7"): a report that names the
    company elsewhere ("Telvano has admitted ... 5 million customers") counts the same customers."""
    lower = text.lower()
    between = narrowed_text[narrowed.start:narrowed.counted_start] if narrowed.counted_start is not None else ""
    for w in modifiers:
        written_as_name = any(x.lower() == w and x[:1].isupper() for x in re.findall(r"[\w'-]+", between))
        if not written_as_name or not counted:
            if w in lower:
                return True
        elif re.search(rf"\b{re.escape(w)}\s+(?:[\w-]+\s+)?{re.escape(counted[:4])}", text, re.IGNORECASE):
            return True
    return False


def _one_side_of(text: str, part, whole, whole_modifiers: set[str]) -> bool:
    """Is ``part`` a count of one named side of what ``whole`` counts: a smaller figure whose counted noun a
    capitalised name narrows ("Seventeen Ostmark soldiers", "12 Kenyan children"), against a figure of the
    same noun that no word narrows ("at least 40 soldiers")?"""
    if whole_modifiers or part.counted_start is None or whole.counted is None or part.counted != whole.counted:
        return False
    if part.value is None or whole.low is None or not part.value < whole.low:
        return False
    words = _LEAD_WORD.findall(text[part.start:part.counted_start])
    return any(w[:1].isupper() and w.lower() not in _NUMBER_WORDS for w in words[1:])


# What befell the things a figure counts, in the verb told right with it: before it ("refloated 32 whales", "cancelled
# about 400 flights"), or after its noun ("32 pilot whales refloated on Tuesday", "the 198 whales that died", "230
# whales have stranded", "41 houses were destroyed")
_ACT_BEFORE = re.compile(r"\b(?P<act>[a-z]+ed|died|lost|sold|built|struck|stole|sank|shut|cut|hit|kept|left|swept|burnt)\s+"
                         r"(?:(?:about|around|some|nearly|almost|more\s+than|over|at\s+least|another|only|a\s+further|"
                         r"up\s+to|roughly|the|its|their)\s+)*$")
_ACT_AFTER = re.compile(r"\s+(?:(?:that|which|who)\s+)?(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+|since\s+|now\s+|all\s+)*)?"
                        r"(?P<act>[a-z]+ed|died|sank|lost|sold|built|struck|burnt)\b")
_NO_ACTS = frozenset({"reported", "estimated", "believed", "expected", "needed", "used", "based", "owned", "aged",
                      "named", "listed", "registered", "included", "involved", "affected", "concerned", "related",
                      "said", "called", "counted", "recorded", "confirmed"})


def _act(text: str, q) -> str | None:
    """The first five letters of the verb told with a count of things (see _ACT_BEFORE), or None."""
    if _PART_THAT_DIED.match(text, q.end):
        return "died"  # "More than 200 of the pilot whales that beached ... have died": the part that died
    m = _ACT_BEFORE.search(text, max(0, q.start - 40), q.start)
    if m is None and q.counted_end is not None:
        m = _ACT_AFTER.match(text, q.counted_end)
    if m is None:
        return None
    act = m.group("act").lower()
    return None if act in _NO_ACTS else act[:5]


# What befalls things and animals a news count counts, in families of verbs (by their first five letters) that tell
# one outcome: counts told with verbs of two families count two groups. Generic news vocabulary.
_ACT_FAMILIES = {
    **dict.fromkeys(("cance", "scrap", "groun", "axed"), "cancelled"), "delay": "delayed",
    **dict.fromkeys(("destr", "razed", "flatt", "level"), "destroyed"), "damag": "damaged",
    **dict.fromkeys(("stran", "beach", "washe"), "stranded"),
    **dict.fromkeys(("reflo", "rescu", "saved", "freed", "relea", "retur"), "saved"),
    **dict.fromkeys(("died", "kille", "peris", "culle", "put"), "dead"),
    **dict.fromkeys(("sold", "shipp", "deliv"), "sold"), **dict.fromkeys(("recal", "withd"), "recalled"),
}


def _other_acts(text_a: str, qa, text_b: str, qb) -> bool:
    """Do two counts of one kind of thing or animal (not of people, whose words of harm set their counts apart: see
    COUNT_FAMILIES) each come with a verb of a different outcome (_ACT_FAMILIES: "Rescuers refloated 32 whales" /
    "About 230 pilot whales have stranded"; "cancelled 400 flights" / "delayed 1,200 flights")? Two groups, not two
    counts of one. (Verbs of no family decide nothing: "ordered 12 diplomats to leave" / "expelled ten".)"""
    if qa.kind != "cardinal" or not qa.counted or qa.counted != qb.counted or qa.counted in _PEOPLE \
            or _singular(qa.counted) in PEOPLE_KINDS:
        return False
    act_a, act_b = _ACT_FAMILIES.get(_act(text_a, qa) or ""), _ACT_FAMILIES.get(_act(text_b, qb) or "")
    return bool(act_a and act_b) and act_a != act_b


def _other_owners(segments: "_SegmentCache", ca: Claim, qa, cb: Claim, qb) -> bool:
    """Do the two figures belong to different names (_figure_owner: "The Green Party won 12 seats" / "The Labour Party
    ... won 51 seats and the Greens 12"), neither claim naming the other's? Two parties' seats, two teams' goals."""
    oa, ob = segments.owner(ca, qa), segments.owner(cb, qb)
    if not (oa and ob):
        return False
    ea, eb = oa.split(_OWNER_MARK)[1], ob.split(_OWNER_MARK)[1]

    def owners(c: Claim) -> set[str]:
        return {o.split(_OWNER_MARK)[1] for q in c.quantities if (o := segments.owner(c, q))}

    # (a claim that names the other's name only to give it a figure of its own, "took 58 seats and the Labour Party
    # 52", tells that name's count elsewhere)
    return ea != eb and (ea not in cb.entities or ea in owners(cb)) and (eb not in ca.entities or eb in owners(ca))


def _modifiers(text: str, q) -> set[str]:
    """The words between a figure and the noun it counts ("surface" in "22 surface ships"), less numbers,
    hedges and stop words: what says which set is counted."""
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    if q.counted_start is None or not q.start <= q.counted_start <= q.start + 80:
        return set()
    # (a measure's unit is no modifier: "12,000 hectares of forest" and "45,000 acres of forest" count one forest;
    # nor is a share's: "55 per cent of the vote" and "48.2% of the vote" are shares of one vote)
    start = q.end if q.kind in ("measure", "percent") and q.end <= q.counted_start else q.start
    # (nor is a name's possessive, which says whose, not which: "20,000 hectares of Estoria's forests" are some of
    # the forests "12,000 hectares of pine forest" are)
    between = _NAME_POSSESSIVE.sub(" ", text[start:q.counted_start])
    words = {w.lower() for w in _LEAD_WORD.findall(between)}
    # (nor the body a count of its members counts: "23 crew members" counts the crew)
    return words - STOP_WORDS - _NUMBER_WORDS - {q.counted}


# a part singled out of what a claim counts or tells: ", including ...", ", among them ..."
_PART_NAMED = re.compile(r",\s+(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which)\s", re.IGNORECASE)
_NAME_POSSESSIVE = re.compile(r"\b[A-Z][\w.-]*['\u2019]s?(?=\s|$)")


_NUMBER_WORDS = frozenset("""
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions billion billions dozen dozens score scores about around nearly almost roughly approximately
    some least most more less fewer than over under up estimated just only total
""".split())


_RESCUE_TRIED = re.compile(r"\b(?:to|trying|tried|attempts?|efforts?|bid|struggled?|struggling)\s+(?:to\s+)?rescue\b",
                           re.IGNORECASE)
_NON_FATAL = re.compile(r"\bnon-?\s?fatal", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|these|whom|which|its|their|his|her|our)\b", re.IGNORECASE)


def _partitive(text: str, q) -> bool:
    """Does the figure count a part of a group ("seven of the most severely injured", "20 of them"), or what is left
    of one ("Most of GM's other 22 assembly plants", "the remaining 40 hostages")? Not the part of a group that died
    ("More than 200 of the pilot whales that beached on Tarvel Island have died"): that part is the toll."""
    if _PARTITIVE.match(text, q.end):
        if (q.counted in ("crew", "passenger", "passengers") and q.counted_start is not None
                and q.start <= q.counted_start < q.end and _OF_CRAFT.match(text, q.end)):
            return False  # "All 22 crew of the tanker Sea Harrow": the craft's people, not a part of a group
        return not _PART_THAT_DIED.match(text, q.end)
    return bool(_REMAINDER_BEFORE.search(text, max(0, q.start - 12), q.start))


_OF_CRAFT = re.compile(r"\s+of\s+the\s+(?:(?:[\w-]+\s+){0,2}?(?:tanker|ship|vessel|boat|ferry|trawler|freighter|plane|aircraft|"
                       r"jet|airliner|helicopter|bus|train|flight|submarine|yacht)\b|(?-i:[A-Z])\w+)", re.IGNORECASE)


# "... of the pilot whales that beached on Tarvel Island have died": a group that is no toll itself (not "of the dead",
# "of the victims"), then its verb of dying, in the same sentence
_PART_THAT_DIED = re.compile(r"\s+of\s+(?:the|those|these)\s+(?!(?:dead|injured|wounded|victims|bodies|missing)\b)"
                             r"[^.;:!?]{0,80}?\b(?:have|has|had|were|was)\s+(?:since\s+|now\s+|all\s+)?"
                             r"(?:died|perished|drowned|been\s+killed)\b", re.IGNORECASE)


_REMAINDER_BEFORE = re.compile(r"\b(?:other|remaining)\s+$", re.IGNORECASE)


def _states_figure(c: Claim, q, besides) -> bool:
    """Does claim ``c`` also give figure ``q`` (the same interval, of the same thing where both say what they
    count: "two Italians" is no partner of "Two Germans"), in a quantity other than ``besides``?"""
    return any(o is not besides and o.kind == q.kind and o.unit == q.unit
               and ((o.low, o.high) == (q.low, q.high) or _inside_range(o, q) or _inside_range(q, o))
               and (o.counted is None or q.counted is None or o.counted == q.counted)
               for o in c.quantities)


_DENIED_BEFORE = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def _denies_figure(text: str, c: Claim, q, besides) -> bool:
    """Does claim ``c`` give figure ``q`` only to deny it, beside its own ``besides`` ("will drive the deficit to 4.1
    per cent of GDP next year, not the 3.4 per cent it claims")? Then its figure is a rival of another report's
    ``q``, not a partner."""
    return any(o is not besides and o.kind == q.kind and o.unit == q.unit and (o.low, o.high) == (q.low, q.high)
               and _DENIED_BEFORE.search(text, max(c.start, o.start - 16), o.start) for o in c.quantities)


def _inside_range(rng, q) -> bool:
    """Is ``q``'s value inside the range ``rng`` gives ("forecast deliveries of 900,000 to 950,000" / "expects to
    deliver around 925,000")?"""
    return (rng.value is None and rng.low is not None and rng.high is not None and q.value is not None
            and rng.low <= q.value <= rng.high)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|some\s+|around\s+|nearly\s+|just\s+)?$", re.IGNORECASE)


def _explains_change(text: str, c: Claim, q, besides) -> bool:
    """Does claim ``c`` give ``q``'s figure as the value ``besides`` moved from ("31 people had been arrested by
    Sunday morning, up from 12 on Saturday night"; "rose to 17 from 14")? Then another report's figure equal to
    the older value is an earlier value of the same count, not a partner of it. One equal to the value it moved
    to agrees with the claim ("raised its dividend to 4.50 crowns a share from 4 crowns" / "a dividend of 4.50
    crowns")."""
    other = next((o for o in c.quantities if o is not besides and o.kind == q.kind and o.unit == q.unit
                  and (o.low, o.high) == (q.low, q.high)), None)
    if other is None or not _FROM_BEFORE.search(text, max(c.start, other.start - 20), other.start):
        return False
    first, second = sorted((other, besides), key=lambda x: x.start)
    return bool(_UPDATE_CUES.search(text[max(c.start, first.end - 12):second.start + 1]))


def _record_since(c: Claim, t) -> bool:
    """Is the date a year a record of now is measured against ("Turnout was 62.3 percent, the highest since 1998")?"""
    at = getattr(t, "start", None)
    return at is not None and _since(c, t) and bool(RECORD_SINCE.search(c.text, 0, at - c.start))


# a sentence that opens with a year: "In 1978, 20 people died in a fire at a hotel"
_YEAR_OPENS = re.compile(r"(?:^|[.!?]\s+|\n\s*)In\s+(?:[A-Z][a-z]+\s+)?(?:1[5-9]|20)\d\d,\s+[^.;:!?]*$")
# a past year, then a clause of what happened then: "since 2009, when 112 people died in a crash", "was in 1978 in
# Boraas, when 20 people died"
_RECALLED_WHEN = re.compile(r"\b(?:since|in)\s+(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?(?:1[5-9]|20)\d\d"
                            r"(?:\s+[\w'’-]+){0,4}?,?\s+when\b[^.;:]*$")


def _recalled(text: str, c: Claim, q, dated: bool = True) -> bool:
    """Is the figure in a clause that tells what happened in a past year the claim names ("It is the deadliest air
    disaster since 2009, when 112 people died in a crash near the capital")? In an undated report (where
    :meth:`_SegmentCache.past_only` cannot tell), also a sentence that opens with a year ("In 1978, 20 people died in a
    fire at a hotel")."""
    # (from before the claim: a clause of its own may start at "when")
    start = max(0, min(c.start, q.start - 150))
    return bool(_RECALLED_WHEN.search(text, start, q.start)
                or not dated and _YEAR_OPENS.search(text, start, q.start))


def _years(c: Claim) -> set[str]:
    return {t.value[:4] for t in c.dates if t.type == "DATE" and re.match(r"^\d{4}", t.value)}


def _shared_word(a: Claim, b: Claim, q, names: set[str], near: frozenset[str] = frozenset()) -> str:
    """A word both claims use, besides the figure, what it counts and the story's names: one the two
    windows around the figures share first ("stranded" for "stranding about 30,000 passengers" / "some
    35,000 passengers were left stranded", not the "flights" said elsewhere in both sentences)."""
    counted = {q.counted} if q.counted else set()
    counted |= {w.lower() for w in re.findall(r"\w+", q.text)} | {"thousand", "hundred", "million", "dozen", "billion"}
    counted |= names | _REPORTING_WORDS | _CALENDAR_TERMS  # ("vote", not "vote wednesday")
    b_terms = set(b.terms)
    shared = [t for t in a.terms if t in b_terms and t not in counted and not re.fullmatch(r"[\d.,]+", t)
              and t not in names]
    return next((t for t in shared if t in near), shared[0] if shared else "")


def _number_pairs(ks: list[int], items, fact_of: dict, segments: "_SegmentCache", names: set[str],
                  idf: dict[str, float]) -> list[tuple[int, int]]:
    """The positions (x < y) of ``ks`` worth comparing, in the order of a full double loop: pairs whose
    claims belong to the same fact, and pairs whose figure windows share a specific word (which
    ``_subject_segments`` requires of every other pair). An inverted index over those words keeps this
    near-linear in a large story, where most figures have nothing to do with each other."""
    postings: dict[str, list[int]] = defaultdict(list)
    by_fact: dict[object, list[int]] = defaultdict(list)
    for x, k in enumerate(ks):
        c, q = items[k]
        by_fact[fact_of.get((c.article, c.index))].append(x)
        for t in segments.window_words(c, q, names):
            if idf.get(t, 0) > 1.0 or t in _COUNT_FAMILIES or t.startswith("@"):  # (or the name it belongs to)
                postings[t].append(x)
        if q.counted in _NAMED_MEASURES:  # a measure named by its figure ("magnitude 5.8" / "the magnitude at 6.2")
            postings[f"\0measure {q.counted}"].append(x)
        elif q.kind == "percent" and (named := _named_share(segments.index._texts[c.article], c, q)):
            postings[f"\0share {named}"].append(x)  # ("The fire was 10% contained" / "push containment to 25%")
        elif q.kind == "percent" and (side := _vote_side(segments.index._texts[c.article], c, q)):
            postings[f"\0vote {side}"].append(x)  # ("51.8 percent voting in favour" / "voted by 52.3% to 47.7%")
        elif _struck_area(segments.index._texts[c.article], c, q):  # an area burned or flooded (see _subject_segments)
            postings["\0area"].append(x)
        elif q.unit in _TIME_UNITS:  # (only terms given and events' durations get here: see _number_disagreements)
            postings[f"\0{_duration_kind(segments.index._texts[c.article], q)}"].append(x)
        elif _nationals(q.counted):  # a country's people ("three Germans")
            postings[f"\0{q.counted}"].append(x)
        elif q.kind == "percent" and (change := _change_subject(segments.index._texts[c.article], c, q)):
            # one economy's growth in other words ("the economy grew" / "GDP expanded"); one thing cut by a share
            # ("cut the risk of heart attacks by 30%" / "slashes the risk of a heart attack by 40 per cent")
            postings[f"\0change {change[0]} {' '.join(sorted(change[1]))}"].append(x)
        if segments.lead_sum(c, q):  # the price of a lead's event (see _subject_segments)
            postings[f"\0lead sum {q.unit}"].append(x)
        first = segments.tally_first(c, q)
        if first is not None:  # the second figures of one tally ("212 votes to 181" / "to 180")
            postings[f"\0tally {first} {q.counted}"].append(x)
    pairs: set[tuple[int, int]] = set()
    for xs in (*postings.values(), *by_fact.values()):
        pairs.update(combinations(xs, 2))  # xs ascend: (x, y) with x < y
    # two counts of one kind of thing in claims that tell one scene in other words (see _scene_words)
    by_word: dict[str, list[int]] = defaultdict(list)
    for x, k in enumerate(ks):
        c, q = items[k]
        if q.kind == "cardinal" and q.counted and q.counted not in _PEOPLE and q.counted not in _NAMED_MEASURES:
            for t in _scene_words(c, q, names, idf):
                by_word[t].append(x)
    together: Counter = Counter()
    for xs in by_word.values():
        if len(xs) <= MAX_SCENE_POSTING:
            together.update(combinations(xs, 2))
    pairs.update(p for p, n in together.items() if n >= SCENE_WORDS)  # (the share is checked in _one_scene)
    return sorted(pairs)


SCENE_WORDS = 4  # specific words two claims share, besides what they count and the story's names, to tell one scene
SCENE_SHARE = 0.4  # ... and this share of the shorter claim's
MAX_SCENE_POSTING = 40  # (a word more claims share than this tells no scene apart)


def _scene_words(c: Claim, q, names: set[str], idf: dict[str, float]) -> frozenset[str]:
    """The specific words of a whole claim, besides what its figure counts, the story's names, numbers and reporting
    words: "four men wearing high-visibility vests used a truck-mounted lift to reach a first-floor window" and
    "Three men climbed to a window on the first floor from the basket of a lift mounted on a stolen truck" tell one
    scene (lift, truck, window, floor), though the words around each count differ."""
    return frozenset(t for t in c.terms if idf.get(t, 0) > 1.0 and not any(ch.isdigit() for ch in t)
                     and t not in names and t not in _REPORTING_WORDS and t != q.counted
                     and t != _singular(q.counted or ""))


def _one_scene(a: Claim, b: Claim, qa, qb, names: set[str], idf: dict[str, float]) -> bool:
    """Do two counts of one named kind of thing ("four men" / "Three men") come in claims telling one scene?"""
    if not (qa.kind == qb.kind == "cardinal" and qa.counted and qa.counted == qb.counted
            and qa.counted not in _PEOPLE and qa.counted not in _NAMED_MEASURES):
        return False
    wa, wb = _scene_words(a, qa, names, idf), _scene_words(b, qb, names, idf)
    shared = len(wa & wb)
    return shared >= SCENE_WORDS and shared >= SCENE_SHARE * min(len(wa), len(wb))


# a place named as its event's name: "the Cedar Ridge fire", "the Tohoku earthquake", "the Orsa floods"
_EVENT_NAMED = re.compile(r"\s+(?:fire|wildfire|blaze|bushfire|quake|earthquake|floods?|flooding|storm|tornado|"
                          r"eruption|landslide|mudslide|avalanche|shooting|bombing|attack|crash|disaster)s?\b", re.IGNORECASE)


class _SegmentCache:
    """``_segment`` and ``_years`` once per claim and figure: each takes part in many pairs."""

    def __init__(self, index: SentenceIndex, published: dict[str, str | None] | None = None,
                 places: tuple[dict, dict] | None = None, facts: Sequence[Fact] = (),
                 mention_spans: dict | None = None, persons: frozenset[str] = frozenset(),
                 story_names: dict | None = None, within: dict | None = None) -> None:
        self.index = index
        self.within = within or {}  # a site's entity id -> the places it lies in (see _sites_within)
        self.mention_spans = mention_spans or {}  # article -> sorted (start, end, entity id) of names
        self.persons = persons  # the entity ids of people
        self.published = published or {}
        # place entity id -> the place; article -> (start, end, place) of each people named by a demonym
        self.places, self.peoples = places or ({}, {})
        # article pairs that state a fact in common
        self.linked: set[tuple[str, str]] = set()
        for f in facts:
            arts = sorted(set(f.sources))
            if 1 < len(arts) <= 50:  # a fact every report states links them all anyway
                self.linked.update((x, y) for i, x in enumerate(arts) for y in arts[i + 1:])
        # ... and article pairs that name the same event ("Hurricane Mara"): a day's report and the next's may
        # share no statement ("Hurricane Mara made landfall ..." / "Mara weakened to a tropical storm ..."), but
        # they tell one story. (Two people or bodies in common are not enough: reports of a crackdown name the
        # same party and dissidents over many arrests.)
        names_of = story_names or {}
        arts = sorted(names_of)
        self.named_alike = {(x, y) for i, x in enumerate(arts) for y in arts[i + 1:]
                            if names_of[x] & names_of[y]}
        self.leads: dict[str, int | None] = {}  # article -> the index of its first body sentence, its lead
        self._segments: dict[tuple[int, int], tuple[tuple[str, int, int], str]] = {}
        self._years: dict[int, set[str]] = {}
        self._story_year: str | None = None
        self._words: dict[tuple[int, int], frozenset[str]] = {}
        self._tallies: dict[tuple[int, int], str | None] = {}
        self._owners: dict[tuple[int, int], tuple[object, str | None]] = {}
        self._events_told: dict[tuple[int, str], bool] = {}
        self._neighbours: dict[str, set[str]] | None = None
        self._sentence_spans: dict[tuple[str, int], tuple[int, int]] | None = None

    def segment(self, c: Claim, q) -> tuple[tuple[str, int, int], str]:
        """The segment around figure ``q`` of claim ``c``, and its lower-cased text."""
        key = (id(c), id(q))
        hit = self._segments.get(key)
        if hit is None:
            seg = _segment(c, q, self.index)
            hit = self._segments[key] = (seg, self.index._texts[c.article][seg[1]:seg[2]].lower())
        return hit

    def owner(self, c: Claim, q) -> str | None:
        """:func:`_figure_owner` of the figure, as a pseudo-word ("@E3"), or None. Only for a figure that says
        what it counts, or a share, and is no margin ("control the House by only 12 seats" is a difference):
        two figures of one name count one thing only so ("North Korea's three largest cities" is no census).
        Read once per figure: every pair a claim takes part in asks for its figures' owners (_other_owners)."""
        key = (id(c), id(q))
        hit = self._owners.get(key)
        if hit is not None and hit[0] is q:
            return hit[1]
        owner = self._owner(c, q)
        self._owners[key] = (q, owner)  # (the figure kept with it, so that its id cannot be reused)
        return owner

    def _owner(self, c: Claim, q) -> str | None:
        text = self.index._texts[c.article]
        if (not (q.counted or q.kind == "percent") or _MARGIN_BEFORE.search(text, max(0, q.start - 12), q.start)
                or _CHANGE_BEFORE.search(text, max(0, q.start - 30), q.start)):
            return None
        eid = _figure_owner(text, c, q, self.mention_spans.get(c.article, ()), self.persons)
        if not eid:
            return None
        # what narrows the count ("400 million passive smokers"), and a poll's figure, are part of what it counts
        narrowed = "+".join(sorted(_modifiers(text, q)))
        poll = "poll" if _POLL.search(text, c.start, c.end) else ""
        return _OWNER_MARK.join(("", eid, q.counted or q.kind, narrowed, poll))

    def lead_sum(self, c: Claim, q) -> bool:
        """Is the figure the one sum of money its report's lead gives (the story's event, and its price)? Not a lead
        that denies or dismisses ("denied ... that it was in talks to be sold, calling reports of a $12 billion bid
        ... market speculation": the sum is what others reported)."""
        text = self.index._texts[c.article]
        return (q.kind == "money" and q.value is not None and c.sentence == self.leads.get(c.article)
                and not c.negated and not _DISMISSING.search(text, c.start, q.start) and not converted(text, q, c.quantities)
                # one sum (told again in another currency at most): "earned roughly $141 million and paid nearly $44
                # million in federal income taxes" gives two things' sums
                and sum(o.kind == "money" and not converted(text, o, c.quantities) for o in c.quantities) == 1)

    def window_words(self, c: Claim, q, names: set[str]) -> frozenset[str]:
        """The claim's terms that its window around ``q`` uses (by stem), except numbers, the story's
        names and reporting words: the words a figure's subject can be recognised by."""
        key = (id(c), id(q))
        hit = self._words.get(key)
        if hit is None:
            text = self.segment(c, q)[1]
            # (by the stem's first letters: "body" is written "bodies")
            words = {t for t in c.terms if not t.isdigit() and t not in names and t not in _REPORTING_WORDS
                     and (t[:-1] if t.endswith("y") else t)[:4] in text}
            if _NON_FATAL.search(text):  # "162 people who suffered non-fatal injuries" are injured, not dead
                words.discard("fatal")
            if _RESCUE_TRIED.search(text):  # "an attempt to rescue 116 sailors trapped ...": not yet rescued
                words.discard("rescue")
            if _IN_HOSPITAL.search(text):  # "Sixteen survivors remain in hospital": those still treated, a part
                words.add("hospitalized")
            if _LIVES_LOST.search(text):  # "Three firefighters have now lost their lives": the dead
                words.add("die")
            elif (q.counted and _singular(q.counted) in PEOPLE_KINDS
                  and _LOST_PEOPLE_BEFORE.search(self.index._texts[c.article], max(0, q.start - 30), q.start)):
                words.add("die")  # "The Northern Front said it had lost 12 fighters": its dead
            if _HOMES_LEFT.search(text):  # "forcing 8,000 people to leave their homes": the displaced
                words.add("displace")
            if _DIED_OF_WOUNDS.search(text):  # "risen to six after a woman died of her wounds": a toll of the dead
                words = {t for t in words if _FAMILY_OF.get(t) != "~injured"}
            harmed = (_HARMED_BEFORE.search(self.index._texts[c.article], max(0, q.start - 40), q.start)
                      or _HARMED_AFTER.match(self.index._texts[c.article], q.end))
            family = _HARM_FAMILY.get(harmed.group("verb").lower()[:5]) if harmed else None
            if family:
                # "killing at least 60 people and injuring about 180": each figure counts what its own verb
                # did, not the other families the window holds
                words = {t for t in words if _FAMILY_OF.get(t) in (None, family)} | {family}
            if _TOOK_PART_AFTER.match(self.index._texts[c.article], q.end):
                words.add("participate")
            text_c = self.index._texts[c.article]
            if _CARRIED_BEFORE.search(text_c, max(0, q.start - 20), q.start):
                # "Three people died when a bus carrying 40 passengers crashed": those carried, not the dead
                words = {t for t in words if t not in _FAMILY_OF} | {_ABOARD}
            elif q.kind == "cardinal" and q.unit is None and (
                    _ABOARD_AFTER.match(text_c, q.end) or _PACKED_BEFORE.search(text_c, max(0, q.start - 20), q.start)
                    and _PACKED_AFTER.match(text_c, q.end)):
                words.add(_ABOARD)
            owner = self.owner(c, q)
            hit = self._words[key] = frozenset(words | {_FAMILY_OF[t] for t in words if t in _FAMILY_OF}
                                               | ({owner} if owner else set()))
        return hit

    def tally_first(self, c: Claim, q) -> str | None:
        """:func:`_tally_first` of the figure, once (a figure takes part in many pairs)."""
        key = (id(c), id(q))
        if key not in self._tallies:
            self._tallies[key] = _tally_first(self.index._texts[c.article], q)
        return self._tallies[key]

    def places_of(self, c: Claim, whole_sentence: bool = False) -> tuple[bool, set[str]]:
        """The places a claim names (True, places); failing any, the lands of the peoples it names (False,
        places: "Cambodian children"), except in its attribution ("Russian President Vladimir Putin said
        ..." counts no Russians). A people named beside places ("1,500 Kurds in Rome") does not make the
        claim about their land. With ``whole_sentence``, a claim that names none has the places the rest of its
        sentence names: evidence of one place, not of two ("Five were recaptured near Orsel, and seven remained at
        large" tells where five were caught, not where seven are)."""
        named = [e for e in c.entities
                 if e in self.places and not self._names_event(c, e) and not self._in_part_named(c, e)]
        if not named and whole_sentence:
            # a clause of a sentence that tells where once for all its clauses: "At least 31 people were killed and
            # dozens injured in a crush at the Al-Nour stadium in Qasran"
            a, b = self._sentence_span(c)
            named = list(dict.fromkeys(eid for s, t, eid in self.mention_spans.get(c.article, ())
                                       if a <= s and t <= b and not c.start <= s < c.end and eid in self.places
                                       and not in_attribution(c, s, t)))
        if named:
            # (a site is also the town it lies in: "the Al-Nour stadium in Qasran" is in Qasran)
            return True, {self.places[e] for e in named} | {k for e in named for k in self.within.get(e, ())}
        return False, {place for s, t, place in self.peoples.get(c.article, ())
                       if c.start <= s and t <= c.end and not in_attribution(c, s, t)}

    def _sentence_span(self, c: Claim) -> tuple[int, int]:
        """The span of the sentence the claim is a clause of (the claims of that sentence, end to end)."""
        if self._sentence_spans is None:
            self._sentence_spans = {}
            for x in self.index.sentences:
                k = (x.article, x.sentence)
                a, b = self._sentence_spans.get(k, (x.start, x.end))
                self._sentence_spans[k] = (min(a, x.start), max(b, x.end))
        return self._sentence_spans.get((c.article, c.sentence), (c.start, c.end))

    def _names_event(self, c: Claim, entity: str) -> bool:
        """Is the place named in the claim only as the name of its event ("The Cedar Ridge fire grew to 14,000
        acres", "the Tohoku earthquake")? The event happened there or nearby, and a report that tells where
        ("in the hills above Brask Falls") names no other place for it."""
        text = self.index._texts[c.article]
        spans = [(s, e) for s, e, eid in self.mention_spans.get(c.article, ()) if eid == entity and c.start <= s and e <= c.end]
        return bool(spans) and all(_EVENT_NAMED.match(text, e) for _s, e in spans)

    def _in_part_named(self, c: Claim, entity: str) -> bool:
        """Is the place named only in a part the claim singles out of its whole ("About 12,500 people have been
        evacuated, including the residents of two care homes in Sant Quirze")? The whole is not about that place."""
        text = self.index._texts[c.article]
        part = _PART_NAMED.search(text, c.start, c.end)
        if part is None:
            return False
        spans = [s for s, _e, eid in self.mention_spans.get(c.article, ()) if eid == entity and c.start <= s < c.end]
        return bool(spans) and all(s > part.start() for s in spans)

    def story_toll(self, a: Claim, b: Claim) -> bool:
        """Is one of two claims of reports that share a statement (or each one with a third) the story's toll, named as
        such and told of no place ("The death toll from Sunday's crash of Aeroval flight AV312 rose to 46"), or of
        none but the other's? It is the toll of the event the reports share, wherever the other claim says it
        happened."""
        linked = self.same_story(a.article, b.article) or self.near_story(a.article, b.article)
        for c, other in ((a, b), (b, a)):
            if not _TOLL_NAMED.search(c.text):
                continue
            linked = linked or self._toll_event_told(c, other.article)
            direct, places = self.places_of(c)
            if not places and linked:
                return True
            # (or of the place the other claim's sentence names, in a report of the next days: "The death toll from
            # the collapse of an apartment block in Dravena rose to 23" on Monday / "A ... block collapsed in ...
            # Dravena early on Sunday, killing at least nine people")
            other_direct, other_places = self.places_of(other, whole_sentence=True)
            if linked and not other_places:
                return True  # (against a count of no place in a report of the story: "At least 12 people were killed")
            if (direct and other_direct and places and places <= other_places
                    and self.within_cycle(a.article, b.article, MAX_DAYS_ONE_EVENT)):
                return True
        return False

    def _toll_event_told(self, c: Claim, article: str) -> bool:
        """Does ``article``, of the days of one event, tell of the event ``c`` gives the toll of ("The death toll from
        Tuesday's failed coup attempt has risen to 19" / "... said hours later that the coup attempt had failed")? A
        day's report and the next's may share no statement; the event's name in common links them."""
        if not self.within_cycle(c.article, article, MAX_DAYS_ONE_EVENT):
            return False
        key = (id(c), article)  # (asked for every pair the toll's claim takes part in: read once)
        if key not in self._events_told:
            m = _TOLL_OF_EVENT.search(c.text)
            told = False
            if m is not None:
                words = m.group(1).lower().split()
                name = " ".join(words[-2:]) if len(words) > 1 and words[-2] not in _EVENT_EPITHETS else words[-1]
                told = re.search(rf"\b{re.escape(name)}\b", self.index._texts[article], re.IGNORECASE) is not None
            self._events_told[key] = told
        return self._events_told[key]

    def other_places(self, a: Claim, b: Claim, direct_only: bool = False) -> bool:
        """Are two claims about different places, or different peoples? (A place against a people decides
        nothing: "rebels at Kindu" / "rebels and their Rwandan allies".) ``direct_only``: only places named
        tell them apart."""
        (direct_a, pa), (direct_b, pb) = self.places_of(a), self.places_of(b)
        if direct_only and not (direct_a and direct_b):
            return False
        return direct_a == direct_b and bool(pa) and bool(pb) and not pa & pb

    def same_place(self, a: Claim, b: Claim) -> bool:
        """Do two claims of reports of one news cycle name a place in common? ("the death toll from the
        quake in western Varnia has risen to 27" / "the quake that killed 29 people around Novy Dvor": two
        reports that share no statement, written hours apart, about one quake)"""
        (direct_a, pa), (direct_b, pb) = self.places_of(a), self.places_of(b)
        if direct_a and direct_b:
            return bool(pa & pb) and self.within_cycle(a.article, b.article)
        # a clause that names no place has its sentence's; then all the places of one side must be the other's ("in
        # Qasran" / "at the Al-Nour stadium in Qasran"), not a part against a whole ("in Dar es Salaam in Tanzania" /
        # "in Kenya and Tanzania")
        (fa, qa), (fb, qb) = self.places_of(a, True), self.places_of(b, True)
        return (fa and fb and bool(qa) and bool(qb) and (qa <= qb or qb <= qa)
                and self.within_cycle(a.article, b.article))

    def same_subject(self, a: Claim, b: Claim) -> bool:
        """Do two claims of reports of one news cycle name someone or something in common, besides places?"""
        shared = set(a.entities) & set(b.entities)
        return any(e not in self.places for e in shared) and self.within_cycle(a.article, b.article)

    def same_day(self, a: str, b: str) -> bool:
        """Were the two reports published on one day (both dated)?"""
        da, db = (str(self.published.get(x) or "")[:10] for x in (a, b))
        return bool(da) and da == db

    def within_cycle(self, a: str, b: str, days: int = NEWS_CYCLE_DAYS) -> bool:
        from datetime import date  # noqa: PLC0415

        try:
            da, db = (date.fromisoformat(str(self.published.get(x))[:10]) for x in (a, b))
        except ValueError:
            return True
        return abs((da - db).days) <= days

    def near_story(self, a: str, b: str) -> bool:
        """Do the two articles each state a fact in common with a third (in one news cycle), though none with
        each other? ("Three people died when a jet overshot the runway" and "the death toll rose to four
        overnight": a day's report and the next morning's, each sharing facts with the wire.) Only for dated
        reports: without dates, a cluster's reports of several events link through one another."""
        if not (self.published.get(a) and self.published.get(b)):
            return False
        if self._neighbours is None:
            self._neighbours = defaultdict(set)
            for x, y in self.linked:
                self._neighbours[x].add(y)
                self._neighbours[y].add(x)
        return bool(self._neighbours[a] & self._neighbours[b]) and self.within_cycle(a, b)

    def same_story(self, a: str, b: str) -> bool:
        """Do the two articles report the same story: another fact in common, or a named event, and (when both are
        dated) published within ``NEWS_CYCLE_DAYS`` of each other?"""
        pair = (min(a, b), max(a, b))
        return a == b or (pair in self.linked or pair in self.named_alike) and self.within_cycle(a, b)

    def past_only(self, c: Claim, years: set[str]) -> bool:
        """Are all the years the claim names before its report's year (the story's usual year when the
        report is undated)? Then it recalls an earlier event, whatever it counts."""
        if not years:
            return False
        now = self._year(c.article)
        return now is not None and all(y < now for y in years)

    def _year(self, article: str) -> str | None:
        own = str(self.published.get(article) or "")[:4]
        if own.isdigit():
            return own
        if self._story_year is None:
            known = [str(v)[:4] for v in self.published.values() if v and str(v)[:4].isdigit()]
            self._story_year = max(set(known), key=known.count) if known else ""
        return self._story_year or None

    def years(self, c: Claim) -> set[str]:
        hit = self._years.get(id(c))
        if hit is None:
            hit = _years(c)
            if any(_record_since(c, t) for t in c.dates) and (now := self._year(c.article)):
                hit = hit | {now}  # "Turnout was 62.3 percent, the highest since 1998" is about now, too
            self._years[id(c)] = hit
        return hit


def _subject_segments(a: Claim, b: Claim, qa, qb, index: SentenceIndex, names: set[str],
                      cache: _SegmentCache, strict: bool = False) -> tuple | None:
    """Claims counting the same thing in the same event need a word in common besides the count, the
    counted noun and the story's names, and wordings that read alike. The lexical part is decided here:
    None when it fails, else (segment a, segment b, the embedding cosine they need), and "scene" after them
    when only the claims' scene is in common (see _one_scene)."""
    if qa.counted == qb.counted == "age":
        # one person's age in two reports ("Petrovsky, 61," / "Petrovskyi, 62,"): the name is the subject
        owner_a, owner_b = cache.owner(a, qa), cache.owner(b, qb)
        if owner_a is None or owner_a != owner_b:
            return None
        seg_a, seg_b = cache.segment(a, qa)[0], cache.segment(b, qb)[0]
        return seg_a, seg_b, SAME_COUNT_FAMILY_EMBEDDING
    ya, yb = cache.years(a), cache.years(b)
    if ya and yb and not (ya & yb):
        return None  # figures of different years are about different events
    if cache.past_only(a, ya) != cache.past_only(b, yb):
        return None  # "In 1978, 20 people died in a hotel fire" is not about this week's fire
    if qa.counted == qb.counted and _nationals(qa.counted):
        # a country's people among the victims or those aboard: a list ("included four Britons, three Germans and
        # two Italians") shares no word with another ("Two Germans and two Italians were also on board"); the
        # whole claims must read as one statement, and the counts be near ("1,500 Kurds" in Rome are no rival
        # of "8 to 15 million Kurds in Turkey", nor "27 Palestinians" injured of "750 Palestinians" jailed).
        # Crowds of a people in several cities ("1,000 Kurds rallied in Bonn") are not compared.
        if qa.value is None or qb.value is None or max(qa.value, qb.value) > KIND_OF_PEOPLE_RATIO * min(qa.value, qb.value):
            return None
        if not (_VICTIMS.search(a.text) and _VICTIMS.search(b.text)):
            return None
        return (a.article, a.start, a.end), (b.article, b.start, b.end), SAME_SUBJECT_EMBEDDING
    # (figures about different places, "2,000 dead in Honduras" / "26 dead in Angola", never get here)
    seg_a, seg_b = cache.segment(a, qa)[0], cache.segment(b, qb)[0]
    first_a = cache.tally_first(a, qa)
    if first_a is not None and first_a == cache.tally_first(b, qb):
        # "by 212 votes to 181" / "212 votes to 180": one tally, its first figure agreed, the second not; the
        # claims need only be about the same event (compared whole: the window of a tally is the tally alone)
        return (a.article, a.start, a.end), (b.article, b.start, b.end), SAME_COUNT_FAMILY_EMBEDDING
    if qa.unit in _TIME_UNITS and qb.unit in _TIME_UNITS:  # (terms given and events' durations: see _duration_kind)
        if _duration_kind(index._texts[a.article], qa) in ("duration", "wait"):
            # how long one event lasted ("a raid that lasted seven minutes" / "an operation that took less than four
            # minutes"): claims of one story and one day that read as one statement, compared whole
            if not (_days_meet(a, b) and cache.same_story(a.article, b.article)):
                return None
            return (a.article, a.start, a.end), (b.article, b.start, b.end), EVENT_DURATION_EMBEDDING
        # two prison terms (or bans) of one person (a name both claims give) in reports of one news cycle: one sentence
        # told two ways (read on the looser scale of one kind of count); two people's terms never
        return (seg_a, seg_b, SAME_COUNT_FAMILY_EMBEDDING) if cache.same_subject(a, b) else None
    if (qa.kind == qb.kind == "percent" and cache.within_cycle(a.article, b.article)
            and (named := _named_share(index._texts[a.article], a, qa)) and named == _named_share(index._texts[b.article], b, qb)):
        # a share the story names ("The fire was 10% contained" / "calmer winds let crews push containment to
        # 25%"): the name is the subject, in reports of one news cycle about no other places, however the
        # wordings read (those two read as unalike as two unrelated sentences, 0.19)
        return seg_a, seg_b, -1.0
    if (qa.kind == qb.kind == "percent" and cache.within_cycle(a.article, b.article)
            and (side := _vote_side(index._texts[a.article], a, qa)) and side == _vote_side(index._texts[b.article], b, qb)):
        # one side's share of a vote ("51.8 percent voting in favour" / "voted by 52.3% to 47.7% to abolish the
        # monarchy"): the whole claims must read as two tellings of one subject (a story may hold two votes)
        return (a.article, a.start, a.end), (b.article, b.start, b.end), SAME_SUBJECT_EMBEDDING
    if (cache.within_cycle(a.article, b.article) and _struck_area(index._texts[a.article], a, qa)
            and _struck_area(index._texts[b.article], b, qb)):
        # an area a fire burned or water flooded, in reports of one news cycle, in any unit and any words ("had
        # burned 12,400 acres" / "the fire grew to 14,000 acres" / "has scorched about 5,000 hectares"): the
        # wordings need read alike only as two of one subject (a day's report and the next's may share no other
        # statement)
        return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
    if (cache.lead_sum(a, qa) and cache.lead_sum(b, qb) and qa.unit == qb.unit
            and cache.within_cycle(a.article, b.article, MAX_DAYS_ONE_EVENT) and cache.same_subject(a, b)
            and len({deal_stage(a), deal_stage(b)} - {None}) < 2):
        # the sum two reports' leads give, in one currency, naming the same parties, within the days of one event:
        # the price of the story's event ("have signed Brisa forward Dario Venn for a club-record fee of 85 million
        # pounds" / "have splashed a staggering £100million on goal machine Dario Venn"), however each report words
        # the deal; the whole leads must read as two tellings of one subject (a bid reported in talks is no rival of
        # the price agreed a week later)
        return (a.article, a.start, a.end), (b.article, b.start, b.end), SAME_SUBJECT_EMBEDDING
    if _valued_alike(index._texts, cache, a, qa, b, qb):
        # what one thing is worth, however the wordings go on ("thieves stole eight pieces of jewellery worth an
        # estimated 88 million euros" / "the director put the value of the stolen jewels at 80 million euros")
        return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
    wa, wb = cache.window_words(a, qa, names), cache.window_words(b, qb, names)
    owner_a, owner_b = ({t for t in w if t.startswith("@")} for w in (wa, wb))
    if owner_a and owner_b and not owner_a & owner_b:
        return None  # "the Greens ... 58 seats" / "the National Party ... 56 seats": two parties' figures
    kinds_a, kinds_b = _count_kinds(wa), _count_kinds(wb)
    if kinds_a and kinds_b and (not kinds_a & kinds_b or (kinds_a ^ kinds_b) & OTHER_KIND_WORDS):
        return None  # "infected at least 412 people" / "the death toll has risen to 14": two kinds of count
        # ("59 bodies were found" / "14 bodies had been identified": the dead, and some of them identified)
    # a shared word of the claims that both windows around the figures use (by stem), not the counted noun
    words = (wa & wb) - {qa.counted, qb.counted}
    if qa.kind == "money":
        words -= _MONEY_WORDS  # ("85 million euros" / "90 million euros" share their unit, not their subject)
    if qa.kind == "measure" and not cache.within_cycle(a.article, b.article):
        # (nor do "the 64,027-acre reservation" / "the 2.5 million-acre reservation" in reports two years apart; in
        # one news cycle, "about 500 tonnes of oil had leaked" / "spilling about 700 tonnes of crude oil" may share
        # no other word)
        words -= MEASURE_UNIT_WORDS
    idf = index.idf
    shared = [t for t in words if idf.get(t, 0) > 1.0 or t in _COUNT_FAMILIES or t.startswith("@")]
    if (not shared and qa.kind == qb.kind == "percent"
            and (change := _change_subject(index._texts[a.article], a, qa))
            and ("economy" in change[1] or _made_change(index._texts[a.article], a, qa))
            and change == _change_subject(index._texts[b.article], b, qb)):
        # one economy's growth told in other words ("Velia's economy grew 0.4%" / "Velia's gross domestic product
        # expanded by 0.5 percent"; the basis was checked in _same_change): the wordings must read alike
        return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
    if not shared and _one_scene(a, b, qa, qb, names, idf) and cache.same_story(a.article, b.article):
        # one scene told in other words: the whole claims, not the words around each count, must read alike
        return (a.article, a.start, a.end), (b.article, b.start, b.end), SAME_SUBJECT_EMBEDDING, "scene"
    if not shared:
        if (qa.counted and qa.counted == qb.counted and qa.counted not in _PEOPLE
                and (ma := _modifiers(index._texts[a.article], qa)) and ma == _modifiers(index._texts[b.article], qb)
                and cache.same_story(a.article, b.article)):
            # the same narrowed set in reports of one story ("ordered 12 Kestrian diplomats to leave" / "has
            # expelled ten Kestrian diplomats"): the words around may differ, the wordings must read alike
            return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
        return None
    # Compare what is said around each figure ("killing hundreds of people" / "thousands were killed"),
    # not the whole sentences, which may be about other things too.
    if any(t in _COUNT_FAMILIES for t in shared) and cache.story_toll(a, b) and not _kind_part_of_toll(qa, qb):
        # the story's toll, named as such and of no place ("The death toll from Sunday's crash of Aeroval flight AV312
        # rose to 46"), against a count of that kind in a report of the same story ("killing at least 40"): however
        # unalike the two wordings read (0.25 here)
        return seg_a, seg_b, -1.0
    if any(t in _COUNT_FAMILIES for t in shared) and (
            cache.same_story(a.article, b.article) or cache.same_place(a, b)
            or cache.within_cycle(a.article, b.article) and (_rebuts_count(index._texts[a.article], a, qa)
                                                            or _rebuts_count(index._texts[b.article], b, qb))):
        # (or a count its report sets against another's, "far more than the government's figures admit": it is
        # the story's count of that kind, told against the others, whatever the rest of its report shares)
        # both figures count the same kind of thing (deaths, injured, missing ...): the wordings need only
        # be about the same event, not read alike ("the death toll has risen to 17" / "14 people died")
        if cache.same_place(a, b):
            # ... and where both name one place, the whole claims tell the event: "An avalanche swept over a group of
            # skiers near the resort of Valmore on Sunday afternoon, killing four people" / "Five skiers died when a
            # slab of snow broke loose ... in Valmore on Sunday" (the words around the figures, "killing four people"
            # / "Five skiers died when a slab of snow broke loose", read 0.27 apart)
            return (a.article, a.start, a.end), (b.article, b.start, b.end), SAME_COUNT_FAMILY_EMBEDDING
        return seg_a, seg_b, SAME_COUNT_FAMILY_EMBEDDING
    if any(t in _COUNT_FAMILIES for t in shared) and cache.near_story(a.article, b.article):
        # ... in reports linked through a third: read alike as two wordings of one subject
        return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
    if owner_a & owner_b:
        # two figures of one name ("the National Party 28.9 per cent" / "National Party was second with 27.8%"):
        # the wordings need read alike only as two of one subject, though a figure names nothing it counts
        return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
    if strict and qa.kind == qb.kind and qa.kind in ("percent", "money") and _demanded(index._texts[a.article], a, qa) \
            and _demanded(index._texts[b.article], b, qb):
        # two demands of one measure ("the union is demanding a 12% pay rise" / "the militant union is holding out
        # for a 12.5 per cent pay hike"): told in words that may colour them, they need read alike only as two
        # wordings of one subject; a demand and what was agreed ("will get a 9% rise") stay on the strict scale
        return seg_a, seg_b, SAME_SUBJECT_EMBEDDING
    return seg_a, seg_b, (SAME_SUBJECT_EMBEDDING + 0.15 if strict else SAME_SUBJECT_EMBEDDING)


def _kind_part_of_toll(qa, qb) -> bool:
    """Is one figure a count of one kind of people far below the other, a toll of people ("Seven soldiers died" /
    "The death toll ... has risen to 19")? The kind is then a part of the dead, as in _people_and_kind."""
    for kind, whole in ((qa, qb), (qb, qa)):
        if (kind.counted and kind.counted not in _PEOPLE and _singular(kind.counted) in PEOPLE_KINDS
                and (whole.counted is None or whole.counted in _PEOPLE)):
            low = kind.value if kind.value is not None else kind.low
            high = whole.value if whole.value is not None else whole.low
            return low is not None and high is not None and high > KIND_OF_PEOPLE_RATIO * low
    return False


# a verb of demanding before a figure in its clause
_DEMAND_BEFORE = re.compile(r"\b(?:demand(?:s|ed|ing)?|wants?|wanted|wanting|seek(?:s|ing)?|sought|(?:call|ask|push|press)"
                            r"(?:s|ed|ing)?\s+for|(?:hold(?:s|ing)?|held)\s+out\s+for)\b[^.;,]{0,30}$", re.IGNORECASE)


def _demanded(text: str, c: Claim, q) -> bool:
    """Is the figure what someone demands ("is demanding a 12% pay rise", "holding out for a 12.5 per cent
    pay hike")?"""
    return bool(_DEMAND_BEFORE.search(text, max(c.start, q.start - 60), q.start))


# Where a list item begins ("..., the National Party 28.9 per cent and 56 seats"), and the verbs of saying that
# make a name before a figure its source, not its owner ("Ostmark's army said 17 soldiers were killed")
_OWNER_MARK = "@"
_POLL = re.compile(r"\b(?:polls?|polling|surveys?|opinion)\b", re.IGNORECASE)
MAX_OWNER_GAP_WORDS = 4  # words between a name and its figure in a list ("National Party was second with 27.8%")
_LIST_GAP_WORDS = frozenset("""won win wins took take takes got gets had has have holds held was is were are with and the a an
    its their of s first second third fourth fifth last finished came secured received polled scored on at in per cent
    percent vote votes""".split())
_MARGIN_BEFORE = re.compile(r"\bby\s+(?:only\s+|just\s+|some\s+|about\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
# ... nor a change ("House Democrats have lost nearly 60 seats" / "picked up just six seats" are no counts of seats)
_CHANGE_BEFORE = re.compile(r"\b(?:lost|lose|loses|losing|gained|gain|gains|gaining|picked\s+up|picks?\s+up|added|adds|"
                            r"shed|sheds|dropped|flipped|flips)\s+(?:(?:just|only|nearly|about|almost|some|at\s+least)\s+)?$",
                            re.IGNORECASE)
_DISMISSING = re.compile(r"\b(?:den(?:y|ies|ied)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)|rebuff(?:ed|s)?|"
                         r"play(?:ed|s)?\s+down)\b", re.IGNORECASE)
_VOTE_SHARE = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:popular|national|total)\s+)?(?:votes?|ballots?)(?:\s+cast)?\b",
                               re.IGNORECASE)
# "... of the vote for her challenger Marek Tamm": the words between the share and the name it is for
_FOR_BEFORE_NAME = re.compile(r"\s+for\s+(?:(?:his|her|their|the|its)\s+)?(?:[a-z-]+\s+){0,2}", re.IGNORECASE)
_ITEM_START = re.compile(r"(?<!\d),(?!\d)|;|:|\s[-\u2013\u2014]\s|\bwhile\b|\bwhereas\b")
_DEATH_WORD = re.compile(r"\b(?:died|dies|dead|passed\s+away|aged)\b", re.IGNORECASE)
_KIN_BETWEEN = re.compile(r"\b(?:his|her|their)\s+(?:[a-z]+\s+)?(?:father|mother|son|daughter|wife|husband|brother|"
                          r"sister|child|children|grandfather|grandmother|partner)\b", re.IGNORECASE)
_SAYING_BETWEEN = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|announced|according|estimated|"
                             r"estimates|claimed|claims|put|puts|counted|confirmed)\b", re.IGNORECASE)


# an age that opens its sentence's subject: "The " before the figure, or "The striker, " (a word of a role)
_AGE_OPENS = re.compile(r"\s*[\"“]?The\s+(?:[a-z]+,\s*)?")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+")


def _previous_sentence_person(text: str, start: int, spans, persons: frozenset[str]) -> str | None:
    """The one person the sentence before ``start`` names, if it names exactly one."""
    # (the breaks before the sentence's own; the last of them starts the sentence before)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 600), start) if m.end() < start - 3]
    prev_start = breaks[-1] if breaks else max(0, start - 600)
    named = {eid for s, e, eid in spans if prev_start <= s and e <= start and eid in persons}
    return next(iter(named)) if len(named) == 1 else None


def _figure_owner(text: str, c: Claim, q, spans, persons: frozenset[str] = frozenset()) -> str | None:
    """The name a figure belongs to, in a list of names and figures ("Prime Minister Havik's National Party won
    28.9% and 55 seats"; "the Greens 29.4 per cent and 58 seats, the National Party 28.9 per cent and 56
    seats"): the last name before the figure in its list item, with no verb of saying between (a source is
    no owner); None when there is none."""
    if q.counted == "age":  # "Petrovsky, 61,": the name the age is set after
        after = next((eid for s, e, eid in spans if q.start - 4 <= e <= q.start and text[e:q.start].strip() == ","), None)
        if after is not None:
            return after
        # "Tomas Varga, ..., died on Sunday at the age of 91": the last person named before the death, where
        # no one else is said to speak in between ("Ana Lind said her father died aged 80" is not Lind's age)
        death = None
        for m in _DEATH_WORD.finditer(text, c.start, q.start):
            death = m.start()
        owner = None
        for s, e, eid in spans:
            if e > (death if death is not None else q.start):
                break
            if s >= c.start and eid in persons:
                owner = (e, eid)
        if owner is None and _AGE_OPENS.fullmatch(text, c.start, q.start):
            # "The 24-year-old has agreed ...", "The striker, 24, signed ...": the one person the sentence before
            # names (a report goes on about the person it has just named)
            return _previous_sentence_person(text, c.start, spans, persons)
        if owner is None or _SAYING_BETWEEN.search(text, owner[0], q.start) or _KIN_BETWEEN.search(text, owner[0], q.start):
            return None
        return owner[1]
    if (q.kind == "percent" and not _COUNT_PROGRESS.match(text, q.end)
            and any(not _COUNT_PROGRESS.match(text, m.start()) for m in _VOTE_SHARE.finditer(text, c.start, c.end))):
        # a share of the vote is a candidate's or a party's: the one named after it ("39.5% for her challenger Marek
        # Tamm"), else the one the clause is about, its first name ("Ilse Varga won a third term as mayor of
        # Dunmere, taking 51.4 percent of the vote"; "Ilse Varga stormed to ... victory, grabbing 55 per cent of the
        # vote"), where no one is said to speak in between
        share = _VOTE_SHARE.match(text, q.end)
        end = share.end() if share else q.end
        after = next((eid for s, e, eid in spans if end <= s <= end + 40 and _FOR_BEFORE_NAME.fullmatch(text, end, s)), None)
        if after is not None:
            return after
        first = next(((e, eid) for s, e, eid in spans if c.start <= s and e <= q.start), None)
        if share and first is not None and not _SAYING_BETWEEN.search(text, first[0], q.start):
            return first[1]
    item = c.start
    for m in _ITEM_START.finditer(text, c.start, q.start):
        item = m.end()
    owner = None
    for s, e, eid in spans:
        if s >= q.start:
            break
        if s >= item and e <= q.start:
            if owner is not None and _OF_NAME_BETWEEN.fullmatch(text, owner[0], s):
                # "The Labour Party of Prime Minister Erik Holm won 51 seats": the party's, not Holm's (the list's
                # words are read after the name that qualifies it)
                owner = (e, owner[1])
                continue
            owner = (e, eid)
    if owner is None or _SAYING_BETWEEN.search(text, owner[0], q.start):
        return None
    # only a list's words between the name and its figure ("won 28.9% and", "was second with"), once the other
    # figures are taken out: "Texas has executed 231 people", "GM shares declined 50 cents" or "Slepian's murder
    # fit the pattern of four earlier attacks" do not give a figure of the name's own
    gap = text[owner[0]:q.start]
    for o in getattr(c, "quantities", ()):
        if owner[0] <= o.start and o.end <= q.start:
            gap = gap.replace(text[o.start:o.end], " ")
    words = [w.lower() for w in _LEAD_WORD.findall(gap)]
    if len(words) > MAX_OWNER_GAP_WORDS or not set(words) <= _LIST_GAP_WORDS:
        return None
    return owner[1]


_OF_NAME_BETWEEN = re.compile(r"\s+of\s+(?:[A-Z][\w.'’-]*\s+){0,3}")  # ("... Party of Prime Minister ...")


def _count_kinds(words: frozenset[str]) -> set[str]:
    """The kinds of count a figure's window names: the count families, and the other kinds' words."""
    return {t for t in words if t in _COUNT_FAMILIES} | (words & OTHER_KIND_WORDS)


def _segment(c: Claim, q, index: SentenceIndex) -> tuple[str, int, int]:
    """What is said right around a figure: back to the previous separator, forward to the next separator
    or conjunction and at most eight words ("Fourteen people are known to have died", not "... and nine
    are still missing")."""
    text = index._texts[c.article]
    start = c.start
    for m in _WINDOW_END.finditer(text, c.start, q.start):
        start = m.end()
    if q.counted is not None and q.counted_start is None and ELLIPTIC_MORE.match(text, q.end):
        # a count that leaves its noun to the count before ("killing at least 12 miners and trapping 30 more"): from
        # that noun on, which says what both count, not the other count's verb
        nouns = [o.counted_start for o in c.quantities
                 if o.counted == q.counted and o.counted_start is not None and c.start <= o.counted_start < start]
        start = max(nouns, default=start)
    # (past a list that names whom a count counts: "Two men, a clearing agent and a truck driver, were arrested")
    after = _COUNT_APPOSITION.match(text, q.end, c.end) if q.counted is not None else None
    ahead = after.end() if after else q.end
    m = _WINDOW_END.search(text, ahead, c.end)
    end = m.start() if m else c.end
    words = list(re.finditer(r"\S+", text[ahead:end]))
    if len(words) > 8:
        end = ahead + words[7].end()
    return (c.article, start, end)


# (a list of its members, each by an article: not "two prominent dissidents, both promoters of the new party, were
# detained", whose window is the count's own)
_COUNT_APPOSITION = re.compile(r",\s+(?:an?|the)\s+[^,;.()]{1,40}?\s+and\s+(?:an?|the)\s+[^,;.()]{1,40}?,\s+"
                               r"(?=(?:were|was|are|is|have|has|had)\b)", re.IGNORECASE)


def _merge_number_items(items: list[dict]) -> list[dict]:
    """Pairwise findings become one disagreement with all positions when they are about the same subject,
    with the same status, and linked through a figure they share (the same mention of the same report).
    Findings about the same kind of count with no figure in common ("14 killed" vs "17 killed" in one event,
    "2 dead" vs "11 dead" in another) stay apart: they are different events."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple, int] = {}
    for i, it in enumerate(items):
        for pos in it["positions"]:
            for ev in pos["evidence"]:
                # (by what is counted: "customer number" and "customer datum" name one count two ways)
                key = (it["subject"].split()[0] if it["subject"] else "", it["status"], ev["article"],
                       ev.get("value_start", ev["start"]))
                if key in owner:
                    parent[find(i)] = find(owner[key])
                else:
                    owner[key] = i
    # The same rival figures of the same counted noun are one disagreement however each pair was found
    # ("116 sailors" / "118 sailors" under "sailor sunken", "sailor board", "sailor rescue" ...).
    same_values: dict[tuple, int] = {}
    for i, it in enumerate(items):
        values = frozenset(json.dumps(p["normalized"]) for p in it["positions"])
        key = (it["subject"].split()[0] if it["subject"] else "", values)
        if key in same_values:
            j = find(same_values[key])
            if items[j]["status"] != it["status"] and "update" in (items[j]["status"], it["status"]):
                items[j]["status"] = "update"  # one of them found a cue that explains the change
            parent[find(i)] = j
        else:
            same_values[key] = i
    # ... and a count of those aboard is the count another item gives for the same figures ("killed all 223 people on
    # board" / "The 217 people on board ... are all feared dead": the dead, whichever window held the words of death)
    by_values = {frozenset(json.dumps(p["normalized"]) for p in it["positions"]): i for i, it in enumerate(items)
                 if it["subject"] != _ABOARD[1:]}
    for i, it in enumerate(items):
        if it["subject"] == _ABOARD[1:]:
            j = by_values.get(frozenset(json.dumps(p["normalized"]) for p in it["positions"]))
            if j is not None and find(i) != find(j):
                root = find(j)
                parent[find(i)] = root
                if items[root]["status"] != it["status"] and "update" in (items[root]["status"], it["status"]):
                    items[root]["status"] = "update"
    merged: dict[int, dict] = {}
    for i, it in enumerate(items):
        root = find(i)
        if root not in merged:
            merged[root] = it
            continue
        have = merged[root]
        if it["status"] == "update":
            # a finding of the group explains the change; the group's root need not be that finding (the
            # unions above re-root groups), so the status is carried here
            have["status"] = "update"
        for mark in ("_rebuttal", "_fixed"):
            if mark in it:
                have.setdefault(mark, it[mark])
        for pos in it["positions"]:
            match = next((p for p in have["positions"] if p["normalized"] == pos["normalized"]), None)
            if match is None:
                have["positions"].append(pos)
            else:
                for src, ev in zip(pos["sources"], pos["evidence"]):
                    if ev not in match["evidence"]:
                        match["sources"].append(src)
                        match["evidence"].append(ev)
        if have["subject"] == _ABOARD[1:]:
            have["subject"] = it["subject"]  # (the dead, not those aboard: see above)
    return list(merged.values())


# --- tallies -------------------------------------------------------------------------------------

_VOTE_WORDS = re.compile(r"\b(?:rul\w*|vot\w*|decision|verdict|majority|margin|court|judges?|justices?|passed|"
                         r"approved|rejected|parliament|senate|house|assembly|board|council|jury)\b", re.IGNORECASE)


def _tallies_in(c: Claim, tallies: dict[str, list], texts) -> list:
    """The tallies inside claim ``c`` (``tallies`` caches each article's, read once)."""
    if c.article not in tallies:
        tallies[c.article] = find_tallies(texts[c.article])
    return [t for t in tallies[c.article] if c.start <= t.start and t.end <= c.end]


def _tally_disagreements(facts: list[Fact], texts) -> list[dict]:
    """One decision, two splits: "ruling 5-4" / "by six votes to three" in two reports of one fact. Only the
    wordings of one aligned fact are compared: a team's two matches, or a parliament's two votes, are other
    facts with their own tallies."""
    tallies: dict[str, list] = {}
    out = []
    for f in facts:
        if len(set(f.sources)) < 2:
            continue
        # (a match's score and its penalty shootout's, "5-4 on penalties after a 2-2 draw", are two decisions of one
        # sentence, each compared with its own kind)
        for kind in ("", "shootout"):
            by_split: dict[tuple[int, int], list[tuple[Claim, object]]] = defaultdict(list)
            for c in f.claims:
                inside = [t for t in _tallies_in(c, tallies, texts) if t.kind == kind]
                if len(inside) == 1:  # (a sentence of two tallies of one kind tells two decisions)
                    by_split[inside[0].split].append((c, inside[0]))
            if len(by_split) < 2 or len({c.article for found in by_split.values() for c, _t in found}) < 2:
                continue
            _join_tallies(by_split, facts, tallies, texts, kind)
            positions = [_Position(t.text, list(split), c, t.start, t.end)
                         for split, found in by_split.items() for c, t in found]
            voted = any(_VOTE_WORDS.search(texts[c.article], c.start, c.end)
                        for found in by_split.values() for c, _t in found)
            out.append(_tally_item("vote split" if voted else "shootout" if kind else "score", positions, texts))
    used = {(ev["article"], ev["value_start"]) for it in out for p in it["positions"] for ev in p["evidence"]}
    out += _one_body_votes(facts, tallies, texts, used)
    used = {(ev["article"], ev["value_start"]) for it in out for p in it["positions"] for ev in p["evidence"]}
    return out + _one_match_scores(facts, tallies, texts, used)


MATCH_NAMES = 2  # names two wordings of a score share (the two sides, or a side and the cup) for it to be one match's


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12}
_TIMES = {"once": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
# How many times a thing has happened since a time: "its fifth increase since October", "the 12th attack since 2019",
# "has raised rates five times since October" (not "the first time since", a record's words)
_COUNT_SINCE = re.compile(
    r"\b(?:(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?P<num>\d{1,3})(?:st|nd|rd|th))"
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)|(?P<times>once|twice|(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+times))\s+since\s+$", re.IGNORECASE)
COUNT_SINCE_SHARED = 2  # words (not numbers or days) two wordings of a count since a time share


def _counts_since(facts: list[Fact], texts, published: dict) -> list[dict]:
    """Two reports' counts of a kind of event since one time ("its fifth increase since October" / "the fourth rise
    since October"; "has raised rates five times since October"): the same time, and wordings that share words of
    what is counted, give one count; a report of a later day may count more (an update), not fewer."""
    found: list[tuple[Claim, int, int, int, str, set[str]]] = []
    for f in facts:
        for c in f.claims:
            text = texts[c.article]
            for t in c.dates:
                if not (t.type == "DATE" and str(t.value)[:4].isdigit()):
                    continue
                at = t.start + (len("since ") if t.text.lower().startswith("since ") else 0)  # (the timex may hold it)
                m = _COUNT_SINCE.search(text, max(c.start, at - 60), at)
                if m is None:
                    continue
                if m.group("times"):
                    word = m.group("times").split()[0].lower()
                    n = _TIMES.get(word) or (int(word) if word.isdigit() else None)
                else:
                    n = int(m.group("num")) if m.group("num") else _ORDINALS.get(m.group("ord").lower())
                if not n:
                    continue
                words = {w for w in c.terms if not any(ch.isdigit() for ch in w)
                         and w not in _ORDINALS and w not in _TIMES and w not in _CALENDAR_TERMS}
                end = m.start() + m.group(0).lower().rstrip().rfind(" since")  # (the count, without its "since")
                since = t.text[len("since "):] if t.text.lower().startswith("since ") else t.text
                found.append((c, n, m.start(), end, f"{t.value}\0{since}", words))
    out = []
    by_time: dict[str, list[int]] = defaultdict(list)
    for k, item in enumerate(found):
        by_time[item[4].split("\0")[0]].append(k)
    for ks in by_time.values():
        linked = lambda i, j: (found[ks[i]][0].article != found[ks[j]][0].article  # noqa: E731
                               and len(found[ks[i]][5] & found[ks[j]][5]) >= COUNT_SINCE_SHARED)
        for members in _linked_groups(len(ks), linked):
            group = [found[ks[i]] for i in members]
            if len({g[1] for g in group}) < 2 or len({g[0].article for g in group}) < 2:
                continue
            positions = [_Position(texts[c.article][a:b].strip(), [n, n], c, a, b) for c, n, a, b, _v, _w in group]
            item = _make("number", f"times since {group[0][4].split(chr(0))[1]}", positions, texts,
                         lambda p: str(p.normalized))
            # a later report may count one more; fewer, or more on the same day, is a contradiction
            days = {c.article: str(published.get(c.article) or "")[:10] for c, *_rest in group}
            by_n = sorted(group, key=lambda g: g[1])
            grows = all(days[x[0].article] and days[y[0].article] and days[x[0].article] < days[y[0].article]
                        for x, y in zip(by_n, by_n[1:]) if x[1] != y[1])
            item["status"] = "update" if grows else "contradiction"
            out.append(item)
    return out


def _one_match_scores(facts: list[Fact], tallies: dict[str, list], texts, used: set) -> list[dict]:
    """Two reports' scores of one match that the alignment left in separate facts ("beating Ostrel City 2-1" / "in
    Saturday's National Cup final, which they lost 3-1 to Kelby Rovers", an aside of a report of the next days): a
    match is named by its sides and its day, so the two claims' sentences name two names in common and the same day."""
    found: list[tuple[Claim, object, set[str]]] = []
    # (the days of the claim's sentence: "Ostrel City were robbed of the cup on Saturday ..., losing 2-1 to Kelby
    # Rovers" may be two claims, the day in one and the score in the other)
    sentence_days: dict[tuple[str, int], set[str]] = defaultdict(set)
    sentence_names: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in facts:
        for c in f.claims:
            sentence_days[(c.article, c.sentence)] |= {str(d.value)[:10] for d in c.dates if _DAY.match(str(d.value)[:10])}
            sentence_names[(c.article, c.sentence)] |= set(c.entities)
    for f in facts:
        for c in f.claims:
            inside = [t for t in _tallies_in(c, tallies, texts) if t.kind == ""]
            days = sentence_days[(c.article, c.sentence)]
            # (not a vote's split: no word of voting around it; "a shocking refereeing decision, losing 2-1" is a match)
            if (len(inside) == 1 and (c.article, inside[0].start) not in used and len(days) >= 1
                    and not _VOTE_WORDS.search(texts[c.article], max(c.start, inside[0].start - 12),
                                               min(c.end, inside[0].end + 12))):
                found.append((c, inside[0], days))
    pairs = lambda i, j: (found[i][0].article != found[j][0].article  # noqa: E731
                          and len(sentence_names[(found[i][0].article, found[i][0].sentence)]
                                  & sentence_names[(found[j][0].article, found[j][0].sentence)]) >= MATCH_NAMES
                          and bool(found[i][2] & found[j][2]))
    out = []
    for members in _linked_groups(len(found), pairs):
        if len({found[i][1].split for i in members}) < 2 or len({found[i][0].article for i in members}) < 2:
            continue
        positions = [_Position(t.text, list(t.split), c, t.start, t.end) for c, t, _d in (found[i] for i in members)]
        out.append(_tally_item("score", positions, texts))
    return out


def _one_body_votes(facts: list[Fact], tallies: dict[str, list], texts, used: set) -> list[dict]:
    """Two reports' splits of one vote that the alignment left in separate facts ("the committee voted 7-2 for
    the cut" / "pushed through the cut by a vote of 6-3"): vote splits of the same number of voters (one
    body), in claims of different reports that share a word of what was decided and no other day. Sports
    scores are left to the facts: two matches' scores share their total as often as not."""
    found: list[tuple[Claim, object]] = []
    for f in facts:
        for c in f.claims:
            inside = _tallies_in(c, tallies, texts)
            if (len(inside) == 1 and (c.article, inside[0].start) not in used
                    and _VOTE_WORDS.search(texts[c.article], c.start, c.end)
                    and not _MANY_VOTES.match(texts[c.article], inside[0].end)):
                found.append((c, inside[0]))
    by_total: dict[int, list[tuple[Claim, object]]] = defaultdict(list)
    for c, t in found:
        by_total[t.larger + t.smaller].append((c, t))
    out = []
    for group in by_total.values():
        if len({t.split for _c, t in group}) < 2 or len({c.article for c, _t in group}) < 2:
            continue
        words = [{w for w in c.terms if not any(ch.isdigit() for ch in w) and not _VOTE_WORDS.fullmatch(w)}
                 for c, _t in group]
        days = [{str(d.value) for d in c.dates} for c, _t in group]
        components = _linked_groups(len(group), lambda i, j: group[i][0].article != group[j][0].article
                                    and bool(words[i] & words[j])
                                    and (not days[i] or not days[j] or bool(days[i] & days[j])))
        for members in components:
            splits = {group[i][1].split for i in members}
            if len(splits) < 2 or len({group[i][0].article for i in members}) < 2:
                continue
            positions = [_Position(t.text, list(t.split), c, t.start, t.end) for c, t in (group[i] for i in members)]
            out.append(_tally_item("vote split", positions, texts))
    return out


_PER_UNIT = re.compile(r"\s+(?:a|an|per|each)\s+[a-z]+", re.IGNORECASE)


_CHANGE_OR_LEVEL_BEFORE = re.compile(r"\b(?:from|to|by|lost|lose|loses|losing|gained|gains|shed|cut|up|down)\s+"
                                     r"(?:(?:about|around|some|nearly|almost|more\s+than|over|under|below|above)\s+)?$",
                                     re.IGNORECASE)


def _one_sum(texts, c: Claim, q) -> bool:
    """Is the money figure one sum, said as a figure: not "billions of dollars", nor a price per unit ("$20 a
    barrel"), nor a change or the level one reached ("has lost about $25 billion", "from $70 billion")?"""
    text = texts[c.article]
    return (q.value is not None and not _PER_UNIT.match(text, q.end)
            and not _CHANGE_OR_LEVEL_BEFORE.search(text, max(0, q.start - 30), q.start))


# What a sum of money is the worth of: "jewellery worth an estimated 88 million euros", "paintings valued at $40
# million", "put the value of the stolen jewels at 80 million euros", "$3 million worth of gold".
_APPROX_WORDS = r"(?:(?:an?\s+)?estimated|about|around|some|roughly|nearly|almost|over|more\s+than|up\s+to|at\s+least)\s+"
# (also the thing set apart by commas or told by its verb: "The tusks, worth an estimated $4.5 million, were found",
# "the haul was valued at 4.1 million euros")
_WORTH_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)(?:,|\s+(?:is|are|was|were|(?:has|have|had)\s+been))?\s+(?:worth|valued\s+at)\s+"
                           r"(?:" + _APPROX_WORDS + r")?$", re.IGNORECASE)
_VALUE_OF_BEFORE = re.compile(r"\bvalue\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?([A-Za-z][\w-]*)\s+at\s+"
                              r"(?:" + _APPROX_WORDS + r")?$", re.IGNORECASE)
_WORTH_OF_AFTER = re.compile(r"\s+worth\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?([A-Za-z][\w-]*)\b", re.IGNORECASE)
_NOT_VALUED = frozenset({"is", "are", "was", "were", "be", "been", "being", "it", "its", "they", "them", "that", "this",
                         "which", "deal", "one", "each", "total", "estimated"})
VALUED_STEM = 5  # "jewel", "jewels", "jewellery" and "jewelry" are one thing valued


def _valued_thing(text: str, c: Claim, q) -> tuple[str, str] | None:
    """What the sum of money is the worth of, as ``(stem, word as written)``, or None."""
    m = (_WORTH_BEFORE.search(text, max(c.start, q.start - 60), q.start)
         or _VALUE_OF_BEFORE.search(text, max(c.start, q.start - 80), q.start)
         or _WORTH_OF_AFTER.match(text, q.end, min(c.end, q.end + 60)))
    if not m or m.group(1).lower() in _NOT_VALUED:
        return None
    word = m.group(1)
    return word.lower()[:VALUED_STEM], word


def _precise_valuations(texts, ca: Claim, qa, cb: Claim, qb) -> bool:
    """Two valuations of one thing, neither a round figure: "an estimated 88 million euros" hedges a valuation, not a
    rounding, so it does not hold "80 million euros" the way "about 30,000" holds "31,000"."""
    if not (qa.kind == qb.kind == "money" and qa.value and qb.value and _same_valued(texts, ca, qa, cb, qb)):
        return False
    return not any(_round_figure(q) for q in (qa, qb) if q.approx) or _ceiling_above(qa, qb) or _ceiling_above(qb, qa)


VALUATION_CEILING_APART = 1.2  # a ceiling this far above another's sum is another valuation, not its loose telling


def _ceiling_above(ceiling, q) -> bool:
    """Is ``ceiling`` a sum "up to" a figure well above what ``q`` values the thing at? "worth up to $6 million on the
    black market" values the tusks higher than "worth an estimated $4.5 million", though the one holds the other; a
    floor below an estimate ("more than $4 million" / "an estimated $4.5 million") says the same loosely."""
    return (ceiling.low is None and ceiling.high is not None and q.value is not None and q.low is not None
            and ceiling.high > VALUATION_CEILING_APART * q.value)


def _round_figure(q) -> bool:
    """Is the figure written round: one significant digit, or ending in 0 or 5 ("30 million", "2.5 billion", "5")?"""
    m = _MANTISSA.search(q.text)
    if not m:
        return True
    digits = m.group(1).replace(".", "").strip("0") or "0"
    return len(digits) == 1 or digits[-1] in "05" and len(digits) <= 2


def _valued_alike(texts, segments: "_SegmentCache", ca: Claim, qa, cb: Claim, qb) -> bool:
    """Two sums, near each other, of what one thing is worth, in reports of one story."""
    return (qa.kind == qb.kind == "money" and _near_sums(qa, qb) and _same_valued(texts, ca, qa, cb, qb)
            and segments.same_story(ca.article, cb.article))


def _same_valued(texts, ca: Claim, qa, cb: Claim, qb) -> bool:
    """Do two sums of money say what the same thing is worth ("jewellery worth an estimated 88 million euros" /
    "put the value of the stolen jewels at 80 million euros")?"""
    a = _valued_thing(texts[ca.article], ca, qa)
    return a is not None and a[0] == (_valued_thing(texts[cb.article], cb, qb) or ("",))[0]


def _near_sums(qa, qb) -> bool:
    """Could two sums be one told two ways: within a factor of two ("85 million" / "90 million"), or the same
    digits at another scale ("$48.2 billion" / "$48.2 million", a slip)? "$4 trillion" and "$34 billion" are two
    sums of one budget."""
    if qa.value is None or qb.value is None:
        return False  # ("billions of dollars" is no one sum)
    low, high = sorted((qa.value, qb.value))
    if low > 0 and high <= 2 * low:
        return True
    ma, mb = _MANTISSA.search(qa.text), _MANTISSA.search(qb.text)
    return bool(ma and mb and ma.group(1) == mb.group(1))


# words of any sum of money, which say nothing of what it pays for
_MONEY_WORDS = frozenset("""
    euro euros dollar dollars pound pounds sterling yen yuan crown crowns krone kroner krona zloty forint franc
    francs rupee rupees ruble rubles rouble roubles peso pesos million billion thousand trillion bn mn cent cents
    penny pence
""".split())
# words of any vote's result, which say nothing of what was voted on
_RESULT_WORDS = frozenset("""
    cent percent according results result preliminary final partial counted count showed show shows official
    officials voters voter sunday monday tuesday wednesday thursday friday saturday
""".split())


def _linked_groups(n: int, linked) -> list[list[int]]:
    """The groups of ``range(n)`` that pairs for which ``linked(i, j)`` holds join (single link)."""
    union = _Union()
    for i, j in combinations(range(n), 2):
        if linked(i, j):
            union.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[union.find(i)].append(i)
    return list(groups.values())


def _tally_item(subject: str, positions: list[_Position], texts) -> dict:
    """A disagreement of vote splits or scores: a split does not grow from one day's report to the next."""
    item = _make("number", subject, positions, texts, lambda p: str(p.normalized))
    item["_figure"] = "tally"
    item["status"] = _tally_status(positions, texts)
    return item


def _share_split_disagreements(facts: list[Fact], texts) -> list[dict]:
    """One vote's result in shares, two ways: "voted by 52.3% to 47.7%" and "by 52 per cent to 48 per cent" are
    one split to two precisions; "by 53 per cent to 47 per cent" is another. Splits in claims of different
    reports that share a word of what was voted on and no other day are one vote's."""
    found: list[tuple[Claim, object]] = []
    seen: set[tuple[str, int]] = set()
    by_article: dict[str, list] = {}  # each article's splits, read once
    for f in facts:
        for c in f.claims:
            if c.article not in by_article:
                by_article[c.article] = find_share_splits(texts[c.article])
            splits = [sp for sp in by_article[c.article] if c.start <= sp.start and sp.end <= c.end]
            if len(splits) == 1 and (c.article, splits[0].start) not in seen:
                seen.add((c.article, splits[0].start))
                found.append((c, splits[0]))
    if len({c.article for c, _sp in found}) < 2:
        return []
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    # (the words of the whole claim: "voters told the bureaucrats of the Northern Trade Pact to pack their bags"
    # keeps what was voted on in what its parse calls an attribution; the day is left out, a result's report
    # being dated by when the count was out as often as by the vote)
    words = [{w for w in re.findall(r"[a-z]{4,}", c.text.lower())
              if w not in STOP_WORDS and not _VOTE_WORDS.fullmatch(w) and w not in _RESULT_WORDS}
             for c, _sp in found]
    components = _linked_groups(len(found), lambda i, j: found[i][0].article != found[j][0].article
                                and bool(words[i] & words[j]))
    out = []
    for members in components:
        sides: list[list[int]] = []  # each side: splits that agree with its first (the most precise first)
        for i in sorted(members, key=lambda i: -found[i][1].decimals):
            side = next((sd for sd in sides if found[sd[0]][1].agrees(found[i][1])), None)
            if side is None:
                sides.append([i])
            else:
                side.append(i)
        if len(sides) < 2 or len({found[i][0].article for i in members}) < 2:
            continue
        positions = [_Position(found[i][1].text, [found[sd[0]][1].larger, found[sd[0]][1].smaller], found[i][0],
                               found[i][1].start, found[i][1].end) for sd in sides for i in sd]
        out.append(_tally_item("vote share", positions, texts))
    return out


# a split of many votes, not one: "through a series of 5-5 votes"
_MANY_VOTES = re.compile(r"\s+(?:votes|decisions|rulings|ballots)\b", re.IGNORECASE)
# What makes another split an update: a report corrects or revises the one given before
_CORRECTED = re.compile(r"\b(?:correct(?:ed|ion)|revis\w*|earlier version|previously|initially|recount\w*|"
                        r"re-?vote\w*)\b", re.IGNORECASE)


def _tally_status(positions: list[_Position], texts) -> str:
    """A split of one decision is fixed once it is made: two splits contradict each other unless a report
    corrects one ("an earlier version said 5-4"; a recount). A change word elsewhere in the sentence ("after
    inflation fell to 2.4%") is about something else."""
    for p in positions:
        s_start, s_end = texts.sentences.get((p.claim.article, p.claim.sentence), (p.claim.start, p.claim.end))
        if _CORRECTED.search(texts[p.claim.article], s_start, s_end):
            return "update"
    return "contradiction"


def _join_tallies(by_split: dict, facts: list[Fact], tallies: dict[str, list], texts, kind: str = "") -> None:
    """Let another report's wording of the decision join the side whose split it gives, though the alignment
    kept it apart ("In a stunning 5-4 decision, Velia's unelected Constitutional Court on Wednesday tore up
    the law ..."): a claim of a report not yet in the item, with one tally equal to a side's, that names an
    entity of that side's claims and no other day than theirs."""
    in_item = {c.article for found in by_split.values() for c, _t in found}
    joined: dict[str, list[tuple[tuple[int, int], Claim, object]]] = defaultdict(list)
    for f in facts:
        for c in f.claims:
            if c.article in in_item or not c.entities:
                continue
            inside = [t for t in _tallies_in(c, tallies, texts) if t.kind == kind]
            if len(inside) != 1 or inside[0].split not in by_split:
                continue
            side = by_split[inside[0].split]
            days = {str(d.value) for d in c.dates}
            if any(set(c.entities) & set(o.entities) and (not days or not {str(d.value) for d in o.dates}
                                                          or days & {str(d.value) for d in o.dates})
                   for o, _t in side):
                joined[c.article].append((inside[0].split, c, inside[0]))
    for hits in joined.values():
        if len({split for split, _c, _t in hits}) == 1:  # (a report that gives two splits joins neither)
            for split, c, t in hits:
                by_split[split].append((c, t))


# --- negation -----------------------------------------------------------------------------------


# Words that turn a clause's polarity or scope besides "not": "he will govern only with the centre-left" says
# what "he would not govern with any other majority" says, and "a man without sin" what "not a sinful man" says.
_POLARITY_WORDS = frozenset("""
    only except but other than without no none nothing nobody neither nor never refuse deny fail lack unable
    unlike instead rather first
""".split())
# A speaker's own words: "I don't even know what agents are" and "he knew of four agents" are two people.
_SPEAKER_WORDS = frozenset("i me my we us our you your".split())
# shares of the shorter and of the longer claim's content words (besides the verb) that the other one has
NEGATION_SHARED_MIN = (0.75, 0.5)
NEGATED_WHOLE_MIN = 3  # content words of a denial that another claim states all of (a name and a verb at least)


def _negation_disagreements(facts: list[Fact], texts) -> list[dict]:
    """One fact, one outlet stating it and another stating it negated: "the mayor resigned" / "the mayor
    did not resign". A fact's claims can share a topic without sharing a statement (on one bombing: "leaders
    said Israel should not use the bombing as an excuse" / "the Cabinet put off a vote after the bombing"),
    so only a pair that says the same thing apart from the negation counts (:func:`_negated_pair`)."""
    out = []
    for f in facts:
        neg = [c for c in f.claims if c.negated]
        pos = [c for c in f.claims if not c.negated]
        pairs = [(n, p) for n in neg for p in pos if _negated_pair(n, p)]
        if not pairs:
            continue
        neg = [n for n in neg if any(n is a for a, _ in pairs)]
        pos = [p for p in pos if any(p is b for _, b in pairs)]
        _mark_denials(f, neg, pos)
        positions = [_Position("not " + (c.predicate or ""), False, c, c.start, c.end) for c in neg] + [
            _Position(c.predicate or "", True, c, c.start, c.end) for c in pos
        ]
        out.append(_make("claim", (f.best or f.claims[0]).text, positions, texts, lambda p: str(p.normalized), "contradiction"))
    # One fact, one report stating it and another telling that someone denied it: "Harlow Foods is in advanced
    # talks to buy Brisk Bakeries, people familiar with the matter said" / "Brisk Bakeries denied on Tuesday that it
    # was in talks to be sold"
    for f in facts:
        denials = [(c, clause) for c in f.claims if (clause := _denied_clause(c.text))]
        stated = [c for c in f.claims if not c.negated and not _DENY_WORD.search(c.text)
                  and any(c.article != d.article and _states_denied(c.text, clause) for d, clause in denials)]
        denials = [d for d, clause in denials if any(c.article != d.article and _states_denied(c.text, clause) for c in stated)]
        if not denials or not stated:
            continue
        positions = [_Position("denied", False, c, c.start, c.end) for c in denials] + [
            _Position("stated", True, c, c.start, c.end) for c in stated]
        out.append(_make("claim", (f.best or stated[0]).text, positions, texts, lambda p: str(p.normalized), "contradiction"))
    return out


# a claim that tells a denial of what follows: "denied on Tuesday that it was in talks", "denies reports that"
_DENIED_THAT = re.compile(r"\b(?:denied|denies|deny|denying)\b(?:\s+(?:on|late\s+on|early\s+on)\s+\w+)?"
                          r"\s+(?:that\b|reports\s+that\b|claims\s+that\b|it\s+(?:was|is|had|has)\b|being\b|having\b)",
                          re.IGNORECASE)
_DENY_WORD = re.compile(r"\b(?:denied|denies|deny|denying|denial)\b", re.IGNORECASE)
_NOT_DENIED = re.compile(r"\b(?:never|not|n't|no\s+longer)\s+(?:\w+\s+)?$", re.IGNORECASE)  # "never denied": admitted
_SUBORDINATE_DENIAL = re.compile(r"\b(?:when|after|before|while|since|because|although|though|if|as|where)\s+"
                                 r"(?:[\w'’.-]+\s+){0,3}(?:has\s+|had\s+|have\s+)?$", re.IGNORECASE)
_CONTENT_WORD = re.compile(r"[a-z]{4,}")
_STOP_WORDS = frozenset("that this with from have been were will would could should about their there which what when "
                        "being having into also them they then than some other more most only such very".split())
DENIED_SHARE = 0.5  # of the denied clause's words (to its first comma) the other claim must state


def _denied_clause(text: str) -> str | None:
    """What a claim says someone denied (to the first comma: "it was in talks to be sold"), or None."""
    m = _DENIED_THAT.search(text)
    if not m or _NOT_DENIED.search(text, max(0, m.start() - 16), m.start()) \
            or _SUBORDINATE_DENIAL.search(text, max(0, m.start() - 40), m.start()):
        return None  # ("when he denied having ...": the claim states something else about the denial)
    return re.split(r"[,;:]", text[m.end():], maxsplit=1)[0]


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _CONTENT_WORD.findall(text.lower()) if w not in _STOP_WORDS}


def _states_denied(text: str, clause: str) -> bool:
    """Does ``text`` state what ``clause`` says was denied: at least half its content words, by their first letters?"""
    denied = _stems(clause)
    return bool(denied) and len(denied & _stems(text)) >= DENIED_SHARE * len(denied)


def _accusation_disagreements(docs, texts, mention_spans: dict, places: tuple[dict, dict], entities: list) -> list[dict]:
    """A party blamed for something in one wording and denying it in another: the story's dispute over who did
    it, one item per party, the accusations on one side and the denials on the other (see ``accusations``)."""
    place_of, peoples = places
    names = {e.id: e.name for e in entities}
    for eid, key in place_of.items():
        names.setdefault(key, names[eid])
    for e in entities:  # (a people's place by the place's own name: "Kestrian" accuses Kestria)
        if e.id in place_of:
            names[place_of[e.id]] = e.name

    def parties_at(article: str, start: int, end: int) -> list[tuple[int, str]]:
        found = [(s, place_of.get(eid, eid)) for s, e, eid in mention_spans.get(article, ()) if start <= s and e <= end]
        found += [(s, place) for s, e, place in peoples.get(article, ()) if start <= s and e <= end]
        return sorted(found)

    stances = find_stances(docs, parties_at)
    # a quote that tells of another's accusation ('"Velgrad blames Kestria for every misfortune," ministry
    # spokeswoman Anna Brell said') is the accused's camp speaking, not an accuser; a quote that accuses in its
    # own words ('"this attack was ... carried out by the GRK," the minister said') is one
    quoted = {d.article.id: [(q.content_start, q.content_end) for q in d.quotes if q.kind == "direct"] for d in docs}
    stances = [st for st in stances if not (
        st.side == "accuses" and st.accusers and any(s <= st.cue_start < e for s, e in quoted.get(st.claim.article, ())))]
    out = []
    for party in sorted({p for st in stances for p in st.parties}):
        accused = [st for st in stances if st.side == "accuses" and party in st.parties]
        denying = [st for st in stances if st.side == "denies" and party in st.parties]
        if not accused or not denying:
            continue
        name = names.get(party, party)
        positions = [_Position(f"{name} blamed", "accuses", st.claim, st.cue_start, st.cue_end) for st in accused]
        positions += [_Position(f"{name} denies", "denies", st.claim, st.cue_start, st.cue_end) for st in denying]
        out.append(_make("claim", f"{name}'s part", positions, texts, lambda p: str(p.normalized), "contradiction"))
    return out


def _mark_denials(f: Fact, neg: list[Claim], pos: list[Claim]) -> None:
    """A fact that holds a statement and its denial ("Police have arrested 43 people, including Colonel Idris Mbaye" /
    "Colonel Idriss Mbaye had not been arrested") is stated by the side more reports give (the plain statement on a
    tie): the other side's wordings corroborate nothing, and are no wording of it."""
    negated = len({c.article for c in neg}) > len({c.article for c in pos})
    denying = pos if negated else neg
    f.denying = [c for c in f.claims if any(c is d for d in denying)]
    gone = {c.article for c in f.denying} - {c.article for c in f.claims if not any(c is d for d in f.denying)}
    f.origins = [kept for origin in f.origins if (kept := [a for a in origin if a not in gone])]
    f.independent = len(f.origins)
    if f.best is None or any(f.best is d for d in f.denying):
        stating = [c for c in f.claims if not any(c is d for d in f.denying)]
        f.best = max(stating, key=lambda c: (len(c.entities) + len(c.dates) + len(c.quantities), -c.n_words))


def _negated_pair(neg: Claim, pos: Claim) -> bool:
    """Does ``pos`` state what ``neg`` denies? The same verb, no first or second person (a quote's speaker,
    who differs from outlet to outlet), no second word that turns polarity or scope, and the same content
    words otherwise."""
    if not neg.predicate or neg.predicate != pos.predicate or neg.article == pos.article:
        return False
    for c in (neg, pos):
        words = {t.lower() for t in c.tokens}
        if c is neg:
            words.discard("never")  # its negation itself ("has never lost")
        if words & _SPEAKER_WORDS or words & _POLARITY_WORDS:
            return False
    a, b = set(neg.terms) - {neg.predicate}, set(pos.terms) - {pos.predicate}
    if not a or not b:
        return False
    shorter, longer = NEGATION_SHARED_MIN
    # (a name one letter apart is one name: "Idriss Mbaye had not been arrested" / "arrested ... Idris Mbaye")
    shared = sum(1 for t in a if any(_same_word(t, u) for u in b))
    if shared == len(a) >= NEGATED_WHOLE_MIN and set(neg.entities) & set(pos.entities):
        return True  # all the denial says, of someone the other names: "Colonel Idriss Mbaye had not been arrested" /
        # "Police have arrested 43 people, including Colonel Idris Mbaye, who led the attempt"
    return shared >= shorter * min(len(a), len(b)) and shared >= longer * max(len(a), len(b))


VAGUE_MARGIN = 0.1  # a vague figure's bounds are soft by this share: "tens of thousands" is not exact at 99,999


def _corrected(item: dict, notes: dict[str, list[str]], outlet: dict) -> None:
    """A report whose correction note gives another position's figure as what an earlier version said ("An
    earlier version of this article said 21 people were killed ... Police later corrected the toll to 12")
    explains the change: an update, the value corrected away first."""
    for p in item["positions"]:
        for a in p["sources"]:
            for note in notes.get(a, ()):
                figures = tag_quantities(note)
                old = next((o for o in item["positions"] if o is not p and isinstance(o["normalized"], list)
                            and any([q.low, q.high] == o["normalized"] for q in figures)), None)
                if old is None:
                    continue
                item["status"] = "update"
                item["positions"].remove(old)
                item["positions"].insert(0, old)
                reason = item["explanation"].rsplit(" Classed as ", 1)[0]
                item["explanation"] = (f"{reason} Classed as update: {outlet.get(a, a)}'s correction note says an earlier "
                                       f"version gave “{old['value']}” (“{note}”).")
                return


def _in_utc(moment: str) -> str:
    """A moment of publication with its zone as the same moment in UTC ("2027-01-13T08:30:00+09:00" ->
    "2027-01-12T23:30:00+00:00"), so that reports from both sides of the date line sort and fall on days in
    the order they were written; a day, or a time without a zone, as given."""
    if len(moment) <= 10:
        return moment
    try:
        t = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        return moment
    return t.astimezone(dt.timezone.utc).isoformat() if t.tzinfo is not None else moment


def _published_before(a: str | None, b: str | None) -> bool:
    """Was a report published at ``a`` out before one published at ``b``? By the moment when both give one with
    its zone ("2027-08-04T06:00:00Z" / "2027-08-04T18:00:00Z"), else by the day."""
    if not a or not b:
        return False
    if len(str(a)) > 10 and len(str(b)) > 10:
        try:
            ta, tb = (dt.datetime.fromisoformat(str(x).replace("Z", "+00:00")) for x in (a, b))
            if ta.tzinfo is not None and tb.tzinfo is not None:
                return ta < tb
        except ValueError:
            pass
    return str(a)[:10] < str(b)[:10]


def _bound_raised(texts, segments: "_SegmentCache", ca: Claim, qa, cb: Claim, qb, one_fact: bool = False,
                  toll: bool = False) -> bool:
    """Does a later report say a count rose past an earlier report's lower bound ("at least three people died"
    on Monday; "the death toll rose to five" on Tuesday)? The bound still holds, but the count moved."""
    for (c0, q0), (c1, q1) in (((ca, qa), (cb, qb)), ((cb, qb), (ca, qa))):
        if q0.high is not None or q1.value is None or q0.low is None or not q1.value > q0.low:
            continue
        if not _published_before(segments.published.get(c0.article), segments.published.get(c1.article)):
            continue
        if _UPDATE_CUES.search(texts[c1.article], max(c1.start, q1.start - 40), q1.start):
            return True
        if _NOW_AFTER.match(texts[c1.article], q1.end):
            return True  # "the bodies of 31 people have now been recovered"
        if (one_fact or toll) and _day_of(segments.published.get(c0.article)) < _day_of(segments.published.get(c1.article)):
            # a later day's wording of the same statement with a higher count: "at least 27 migrants drowned"
            # (Sunday) / "at least 29 migrants died" (Monday); or a later day's count of a toll (the dead, the
            # injured, the missing) past the bound: "injuring more than 400" / "520 people had been injured". Two
            # other figures that merely fit together, with no word of change, in statements the alignment kept
            # apart may be of two things
            return True
    return False


_UTMOST = re.compile(r"(?:up\s+to|as\s+(?:many|much|long|far|high)\s+as)\s", re.IGNORECASE)
_TOLLS = frozenset({"~dead", "~injured", "~missing"})  # counts that grow from one day's reports to the next


def _figure_revised(texts, segments: "_SegmentCache", ca: Claim, qa, cb: Claim, qb) -> bool:
    """Does the later of two reports say its figure replaces the one first given ("may have hit as many as 5
    million customers, more than twice the number it first gave" after "about 2 million")? Figures whose
    bounds overlap then tell a revision, not one count."""
    if qa.value is None or qb.value is None or qa.value == qb.value:
        return False
    for (c0, q0), (c1, q1) in (((ca, qa), (cb, qb)), ((cb, qb), (ca, qa))):
        if _published_before(segments.published.get(c0.article), segments.published.get(c1.article)):
            s_start, s_end = texts.sentences.get((c1.article, c1.sentence), (c1.start, c1.end))
            return bool(_REVISION_CUES.search(texts[c1.article], s_start, s_end))
    return False


# A figure given as a revision of an earlier one: "the number it first gave", "up from an initial estimate of",
# "revised its estimate", "twice as many as first thought"
_REVISION_CUES = re.compile(
    r"\b(?:(?:it|they|he|she|officials|the\s+\w+)\s+(?:had\s+)?(?:first|initially|originally|previously)\s+"
    r"(?:gave|given|said|reported|put|estimated|announced|disclosed)|(?:first|initially|originally)\s+"
    r"(?:thought|believed|feared|estimated|reported)|(?:initial|original|earlier|previous)\s+"
    r"(?:estimate|figure|count|number|toll)s?|revis(?:ed|es|ing)\s+(?:up|down|its|their|the)\w*)\b", re.IGNORECASE)


# A count given as it stands now: "31 people have now been recovered", "400 homes are now without power"
_NOW_AFTER = re.compile(r"(?:\s+[a-z-]+){0,3}?\s+(?:ha(?:ve|s)|are|is)\s+now\b")


def _day_of(published: str | None) -> str:
    """The day of a publication moment or date ("2027-08-22T20:10:00Z" -> "2027-08-22"; "" unknown)."""
    return (published or "")[:10]


def _rounded_alike(qa, qb) -> bool:
    """Is one of two shares the other rounded to a whole number ("4.2%" / "4 percent"), or one of two sums of money
    the other rounded to fewer decimals of the same scale ("$1.4 billion" / "$1.375 billion")?"""
    if qa.value is None or qb.value is None:
        return False
    if qa.kind == qb.kind == "percent":
        whole, exact = sorted((qa, qb), key=lambda q: "." in q.text)
        return "." not in whole.text and "." in exact.text and round(exact.value) == whole.value
    if qa.kind == qb.kind == "money":
        ma, mb = _MANTISSA.search(qa.text), _MANTISSA.search(qb.text)
        if not ma or not mb or (ma.group(2) or "").lower()[:1] != (mb.group(2) or "").lower()[:1]:
            return False
        (coarse, c_dec), (fine, f_dec) = sorted(((m.group(1), len(m.group(1).partition(".")[2])) for m in (ma, mb)),
                                                key=lambda x: x[1])
        if c_dec == f_dec or len(coarse.replace(".", "").lstrip("0")) < 2:
            return False  # (a one-digit figure, "3 billion euros", is another sum than "2.5 billion euros")
        step = Decimal(1).scaleb(-c_dec)
        return Decimal(fine).quantize(step, rounding=ROUND_HALF_UP) == Decimal(coarse)
    return count_rounded(qa, qb)


# a sum's figure and its scale as written: "$1.375 billion" -> ("1.375", "billion")
_MANTISSA = re.compile(r"(\d+(?:\.\d+)?)\s*(million|billion|trillion|bn|mn|m|b)?\b", re.IGNORECASE)


# A figure its report sets against another's count of the same thing: "far more than the government's doctored
# figures admit", "higher than the official toll", "twice the official count", "contrary to official figures"
_REBUTS_COUNT = re.compile(
    r"\b(?:more|higher|greater|larger|bigger|fewer|lower|less)\s+than\s+(?:what\s+)?(?:the\s+)?(?:[A-Za-z'’-]+\s+){0,3}?"
    r"(?:figures?|toll|count|tally|estimates?|numbers?|admits?|acknowledges?|concedes?|says|said|claims?|reported)\b"
    r"|\b(?:twice|double|triple|three\s+times)\s+the\s+(?:[A-Za-z'’-]+\s+){0,2}?(?:figures?|toll|count|tally|estimates?|numbers?)\b"
    r"|\b(?:contrary\s+to|contradicting|disputing|disputes?|disputed|rejecting)\s+(?:the\s+)?(?:[A-Za-z'’-]+\s+){0,2}?"
    r"(?:figures?|toll|count|tally|estimates?|numbers?)\b", re.IGNORECASE)


def _rebuts_count(text: str, c: Claim, q) -> bool:
    """Does the claim set its figure against another's count of the same thing (see _REBUTS_COUNT)?"""
    return _rebuttal(text, c, q) is not None


# whose the other count is: a possessive or an official's ("the government's figures", "the official toll")
_OTHERS_COUNT = re.compile(r"['’]s\b|s['’]|\b(?:official|government|authorit|ministr|police|state\b|regime|army|military)",
                           re.IGNORECASE)


def _rebuttal(text: str, c: Claim, q) -> str | None:
    """The words by which a claim sets its figure against another's count of the same thing, if it does: the
    count must be someone else's ("the government's figures", "the official toll"), not the one its own source
    first gave ("more than twice the number it first gave" is a revision)."""
    if _REVISION_CUES.search(text, c.start, c.end):
        return None
    return next((m.group() for m in _REBUTS_COUNT.finditer(text, c.start, c.end)
                 if (m.start() >= q.end or m.end() <= q.start) and _OTHERS_COUNT.search(m.group())), None)


def _vague_holds(vague, exact) -> bool:
    """Is an exact figure inside a vague one's bounds ("dozens of people remain missing" / "38 people were still
    missing")? The vague one counts less precisely; it does not disagree."""
    return (vague.value is None and vague.approx and vague.low is not None and vague.high is not None
            and not any(ch.isdigit() for ch in vague.text)  # (a word: "dozens", not a hedged range "about 1.3 to 1.7")
            and exact.value is not None and not exact.approx and vague.low <= exact.value <= vague.high)


def _utmost_far(texts, ca: Claim, qa, cb: Claim, qb) -> bool:
    """Is one of two counts the most it may be ("up to 400", "as many as 400") and the other far below it ("about
    180")? Each report then estimates the count, one at most what the other puts it at: differing estimates, though
    the one lies within the other's bound. (Counts only: "winds of up to 225 km/h" and "winds of 65 mph" are the
    storm's peak and its strength that evening. Read for those a vessel carried, one fixed count: elsewhere, in the
    DUC 2006 sets, "as many as 5,000 autistic children" a study will follow and "about 100" another will, or "as many
    as one million computers in Southeast Asia" and "about 300,000" in South Korea, are other counts.)"""
    if qa.kind != "cardinal" or qb.kind != "cardinal" or near_bound(qa, qb):
        return False
    return any(q.low is None and q.high is not None and _UTMOST.match(texts[c.article], q.start)
               for c, q in ((ca, qa), (cb, qb)))


def _rival_estimates(qa, qb) -> bool:
    """Are two hedged figures different estimates, although their soft bounds touch? "About 30,000" and "some
    35,000" overlap only at the edges of their hedges: neither figure lies within the other's, so the
    reports estimate differently. ("Around 2,000" and "nearly 2,000" agree; a hedged figure and an exact one
    inside it ("about 30,000" / "31,000") round the same count; a bound ("at least 14" / "17") holds.)"""
    bounded = all(q.approx and q.low is not None and q.high is not None and q.low < q.high for q in (qa, qb))
    return bounded and qa.value != qb.value and not (qb.low <= qa.value <= qb.high and qa.low <= qb.value <= qa.high)


_MEASURE_BREAK = frozenset("on in at of for from to by with after before since during over than and or but as while".split())


_PREMIUM_BEFORE = re.compile(r"\b(premium|discount)\s+of\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$",
                             re.IGNORECASE)


def _measure_words(text: str, q) -> set[str]:
    """Content words of the noun a percentage qualifies: the two words after it ("a 9% pay rise"). A rate
    named before its figure ("a tax rate of 35.7 percent") is left out: two reports' rates of one name are
    as often of different years or people as rival figures."""
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    before = _PREMIUM_BEFORE.search(text, max(0, q.start - 30), q.start)
    if before:
        return {before.group(1).lower()}  # "a premium of 38%": the premium a deal pays, as "a 35% premium"
    after = re.split(r"[,;:.()\"“”]", text[q.end:q.end + 40], maxsplit=1)[0]
    words = []
    for w in _LEAD_WORD.findall(after)[:2]:
        if w.lower() in _MEASURE_BREAK:
            break  # "24% on Tuesday", "3% of the vote": what follows a preposition is not the measure's noun
        words.append(w.lower())
    return set(words) - STOP_WORDS - _MEASURE_STOP - _NUMBER_WORDS - _CALENDAR_TERMS


_RISE_VERBS = frozenset("""
    rose risen rise rises rising jumped jump jumps soared soar soars surged surge surges climbed climb climbs gained
    gain gains advanced rallied leapt leaped grew grown increased expanded expands expand
""".split())
_FALL_VERBS = frozenset("""
    fell fallen fall falls falling dropped drop drops slid slide slides slumped slump plunged plunge plunges tumbled
    tumble sank sink shed lost lose declined decline eased dipped sagged decreased contracted contracts contract shrank
    shrunk shrinks
""".split())
# one economy's output, however a report names it ("the economy grew", "gross domestic product expanded", "output
# was 1.8% higher", "growth was 1.8 percent")
_ECONOMY_WORDS = frozenset({"economy", "gdp", "gross", "domestic", "product", "output", "growth"})
# the basis a growth rate is given on, which is part of what it measures: quarter on quarter or year on year
_BASIS_WORDS = frozenset({"annual", "annualised", "annualized", "quarterly", "basis", "year", "earlier", "compared"})
_QUARTER_BASIS = re.compile(r"\b(?:quarter|quarterly|three\s+months|q/q)\b", re.IGNORECASE)
_YEAR_BASIS = re.compile(r"\b(?:year\s+earlier|a\s+year\s+(?:ago|before)|year[-\s]on[-\s]year|annual|on\s+the\s+year|"
                         r"from\s+a\s+year|y/y)\b", re.IGNORECASE)
_LEVEL_VERBS = frozenset("closed close ended end finished finish traded stood was were is are".split())
_CHANGE_FILLER = frozenset("""
    by the a day session trading up down nearly almost about around some roughly more than as much over just
    another further sharply
""".split())
_UP_WORDS, _DOWN_WORDS = frozenset({"up", "higher"}), frozenset({"down", "lower"})


# the verb of a report, no part of what moved ("officials said defence spending would rise by 12%")
_REPORT_VERB_FORMS = frozenset("said says say told added announced reported expects expected forecast forecasts".split())


def _change_subject(text: str, c: Claim, q) -> tuple[int, frozenset[str]] | None:
    """What a percentage says moved, and which way: "Brisk shares soared 26 per cent" and "Shares of Brisk
    closed 24% higher" are a rise of {brisk, shares}; "Halvorsen's fell 3 per cent" a fall of {halvorsen}.
    None when the figure is not the size of a change told by its clause's verb."""
    words = _change_words(text, c, q)
    verb_at = next((i for i in range(len(words) - 1, -1, -1)
                    if words[i] in _RISE_VERBS or words[i] in _FALL_VERBS or words[i] in _LEVEL_VERBS), None)
    if verb_at is None or verb_at == 0 or any(w not in _CHANGE_FILLER for w in words[verb_at + 1:]):
        return _growth_named(text, q, words) or _change_made(words)
    verb, between = words[verb_at], set(words[verb_at + 1:])
    after = {w.lower() for w in _LEAD_WORD.findall(text[q.end:q.end + 12])[:1]}
    if verb in _RISE_VERBS:
        direction = 1
    elif verb in _FALL_VERBS:
        direction = -1
    elif (between | after) & _UP_WORDS and not (between | after) & _DOWN_WORDS:
        direction = 1
    elif (between | after) & _DOWN_WORDS and not (between | after) & _UP_WORDS:
        direction = -1
    elif "growth" in words[max(0, verb_at - 3):verb_at]:
        direction = 1  # "growth was 1.8 percent"
    else:
        return None
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    said = [re.sub(r"['’]s$", "", w) for w in words[max(0, verb_at - 5):verb_at]]
    said = frozenset(w.lower() for w in said) - STOP_WORDS - _MEASURE_STOP - _REPORT_VERB_FORMS
    if said & _ECONOMY_WORDS:
        said = (said - _ECONOMY_WORDS - _BASIS_WORDS) | {"economy"}
    return (direction, said) if said else None


_GROWTH_BEFORE = re.compile(r"\b(?:(?:annual|quarterly|annuali[sz]ed|economic)\s+)?growth\s+(?:rate\s+)?(?:of|was|at)\s+"
                            r"(?:about\s+|around\s+|nearly\s+|some\s+|just\s+)?$", re.IGNORECASE)
_GROWTH_AFTER = re.compile(r"\s+(?:(?:annual|quarterly|annuali[sz]ed|year-on-year)\s+)?(?:economic\s+)?growth\b", re.IGNORECASE)


def _growth_named(text: str, q, words: list[str]) -> tuple[int, frozenset[str]] | None:
    """An economy's growth named as a noun ("Annual growth of 1.9 per cent", "Velia's 0.4 per cent quarterly
    growth"): a rise of {economy} and the names right before ({velia, economy})."""
    if not (_GROWTH_BEFORE.search(text, max(0, q.start - 40), q.start) or _GROWTH_AFTER.match(text, q.end)):
        return None
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    said = {re.sub(r"['’]s$", "", w) for w in words[-3:]} - STOP_WORDS - _MEASURE_STOP - _ECONOMY_WORDS - _BASIS_WORDS
    return 1, frozenset({w for w in said if w.isalpha()} | {"economy"})


def _change_name(subjects: frozenset[str], direction: int, names: set[str]) -> str:
    """How a disagreement over a move is named, the same whichever report's words came first: the names,
    then the other words ("Brisk shares rise" for "Brisk shares soared" and "Shares of Brisk closed higher")."""
    named = sorted(w for w in subjects if w in names)
    words = [w.capitalize() for w in named] + sorted(subjects - set(named))
    return f"{' '.join(words)} {'rise' if direction > 0 else 'fall'}"


# the period a change is measured over, after its figure: "fell 10 percent in 1996", "4 percent from 1996",
# "since 1993", "over the past year", "from a year earlier"
_CHANGE_PERIOD = re.compile(r"^\s*(?:higher|lower|up|down)?\s*(?:,\s*)?((?:in|from|since|over|compared\s+with|than)\s+"
                            r"(?:the\s+)?(?:(?:past|previous|last|same)\s+)?(?:\d{4}|a\s+year|\w+\s+(?:years?|months?|"
                            r"quarters?|weeks?)|(?:year|month|quarter|week)\b|(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
                            + r")\b)[\w\s]{0,20}?)(?=[,.;]|$|\s+(?:and|while|but|as)\b)", re.IGNORECASE)


def _change_period(text: str, c: Claim, q) -> str:
    m = _CHANGE_PERIOD.match(text[q.end:c.end])
    return re.sub(r"\s+", " ", m.group(1).lower()).strip() if m else ""


def _growth_basis(text: str, c: Claim, q) -> str | None:
    """ "quarter" or "year": the basis a growth rate is given on, by the words of its clause ("grew 0.4% in the
    third quarter from the previous three months", "compared with a year earlier, output was 1.8% higher");
    None when they name neither, or both."""
    clause = text[c.start:c.end]
    quarter, year = bool(_QUARTER_BASIS.search(clause)), bool(_YEAR_BASIS.search(clause))
    return "quarter" if quarter and not year else "year" if year and not quarter else None


_CHANGE_AHEAD = re.compile(r"\b(?:will|would|'ll|(?:is|are|was|were)\s+(?:set\s+|due\s+|expected\s+)?to|"
                           r"plans?\s+to|planned\s+to)\s+(?:\w+\s+){0,2}?(?:rise|fall|grow|increase|decrease|climb|"
                           r"drop|jump|shrink|go\s+up|go\s+down)\b[^.;]*$", re.IGNORECASE)


def _same_change(texts, ca: Claim, qa, cb: Claim, qb, segments: "_SegmentCache | None" = None) -> bool:
    """Two percentages told as the size of one thing's move the same way, over the same time ("Brisk shares
    soared 26 per cent on Tuesday" / "Shares of Brisk closed 24% higher on Tuesday"). What moved must be
    named in the same words ("violent crimes" is not "violent crimes in general", nor "Halvorsen shares"
    "Brisk shares"), a period either names must be the other's ("fell 10 percent in 1996" / "4 percent from
    1996"), and so must the day each names, or, where it names none, the day it was published (a share's move on
    one day is no rival of its move on the next)."""
    a = _change_subject(texts[ca.article], ca, qa)
    b = _change_subject(texts[cb.article], cb, qb)
    if a is None or b is None or a != b:
        return False
    if "economy" in a[1]:
        # an economy's growth, on the same basis ("in the third quarter from the previous three months" / "in the
        # July-September period compared with the second quarter"); a quarter's growth is no rival of a year's
        basis = _growth_basis(texts[ca.article], ca, qa)
        return basis is not None and basis == _growth_basis(texts[cb.article], cb, qb)  # (a figure of a period,
        # not of the day a report was written: the next day's report gives the same quarter's growth)
    elif _change_period(texts[ca.article], ca, qa) != _change_period(texts[cb.article], cb, qb):
        return False
    if segments is None:
        return True
    if _made_change(texts[ca.article], ca, qa) and _made_change(texts[cb.article], cb, qb):
        # a change someone made ("the pill cut the risk of heart attacks by 30%") is told over days, not moved on
        # one, as a share price is: reports of one news cycle tell the same one
        return segments.within_cycle(ca.article, cb.article)
    if all(_CHANGE_AHEAD.search(texts[c.article], max(c.start, q.start - 60), q.start)
           for c, q in ((ca, qa), (cb, qb))):
        # a change still to come ("defence spending would rise by 12%" in a leak / "will rise 15%" in the budget
        # the next day): reports of one news cycle tell the same one
        return segments.within_cycle(ca.article, cb.article)
    # (a report that names no day tells the day it was written: "Brisk shares jumped 24% in early trading")
    day_a, day_b = ((when[0] if (when := _moment_of(c, q, segments)) else (segments.published.get(c.article) or "")[:10])
                    for c, q in ((ca, qa), (cb, qb)))
    return bool(day_a) and day_a == day_b


def _same_measure(texts, ca: Claim, qa, cb: Claim, qb, segments: "_SegmentCache | None" = None) -> bool:
    """Two percentages that count nothing named ("9%", "10 percent") compare only when the words around them
    name the same measure ("a 9% pay rise" / "a 10% pay hike"; "Brisk shares soared 26 per cent" / "Shares of
    Brisk closed 24% higher"); "prices rose 3%" / "wages rose 5%" do not. Two prison terms measure the same
    ("sentenced to 12 years in prison" / "10 years in jail"), and two areas a fire or flood struck do."""
    if qa.kind == qb.kind == "measure" and qa.unit in _TIME_UNITS:
        kind = _duration_kind(texts[ca.article], qa)
        return kind is not None and kind == _duration_kind(texts[cb.article], qb)
    if _struck_area(texts[ca.article], ca, qa) and _struck_area(texts[cb.article], cb, qb):
        return True  # an area burned or flooded ("12,400 acres" / "about 5,000 hectares"): see _subject_segments
    if qa.kind != "percent" or qb.kind != "percent":
        return False
    return (bool(_measure_words(texts[ca.article], qa) & _measure_words(texts[cb.article], qb))
            or _same_change(texts, ca, qa, cb, qb, segments)
            or (side := _vote_side(texts[ca.article], ca, qa)) is not None and side == _vote_side(texts[cb.article], cb, qb)
            or (named := _named_share(texts[ca.article], ca, qa)) is not None
            and named == _named_share(texts[cb.article], cb, qb))


# A story's turnout is one share, whoever gives it: "Turnout was 71%" / "turnout of 72.4 per cent"; so is a
# fire's containment: "The fire was 10% contained" / "crews pushed containment to 25%"
_NAMED_SHARE_BEFORE = re.compile(r"\b(turnout|containment)\b(?:\s+(?:was|is|stood|reached|hit|of|at|came|to|in|the|vote|"
                                 r"\w+ed))*\s*(?:about|around|nearly|almost|some|just|over|under|roughly)?\s*$",
                                 re.IGNORECASE)
_CONTAINED_AFTER = re.compile(r"\s+contained\b", re.IGNORECASE)


# the side of a vote a share is: "51.8 percent voting in favour", "62% of voters were against"; and the two figures
# of a vote's split, "voted by 52.3% to 47.7% to abolish ...": the first is the share for what was voted for
_IN_FAVOUR_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?(?:voters|votes?|ballots|electorate)\s+)?(?:(?:were|was|voting|voted|"
                              r"cast)\s+)?(in\s+favou?r|against)\b", re.IGNORECASE)
_VOTED_BY_BEFORE = re.compile(r"\bvot(?:ed|es|e|ing)\s+(?:by\s+)?$", re.IGNORECASE)
_SPLIT_SECOND_BEFORE = re.compile(r"\bvot(?:ed|es|e|ing)\s+(?:by\s+)?[\d.]+\s*(?:%|per\s*cent|percent)\s+to\s+$",
                                  re.IGNORECASE)


def _vote_side(text: str, c: Claim, q) -> str | None:
    """"in favour" or "against" for a share of a vote that says which side it is (see _IN_FAVOUR_AFTER), else None."""
    m = _IN_FAVOUR_AFTER.match(text, q.end)
    if m:
        return "against" if m.group(1).lower() == "against" else "in favour"
    if _VOTED_BY_BEFORE.search(text, max(c.start, q.start - 20), q.start):
        return "in favour"
    if _SPLIT_SECOND_BEFORE.search(text, max(c.start, q.start - 40), q.start):
        return "against"
    return None


def _named_share(text: str, c: Claim, q) -> str | None:
    """The share a percentage is, named right before it ("turnout", "containment") or right after it ("10%
    contained"), or None."""
    m = _NAMED_SHARE_BEFORE.search(text, max(c.start, q.start - 40), q.start)
    if m:
        return m.group(1).lower()
    return "containment" if _CONTAINED_AFTER.match(text, q.end) else None


def _next_to_vague(qa, qb) -> bool:
    """Do two figures that do not overlap only just miss, with one of them vague? "Tens of thousands of files"
    and "100,000 files" differ in how precisely they count, not in what they say."""
    if not any(q.value is None and q.approx for q in (qa, qb)):
        return False
    lo, hi = sorted((qa, qb), key=lambda q: q.high if q.high is not None else float("inf"))
    if lo.high is None or hi.low is None or hi.low <= lo.high:
        return False
    return hi.low - lo.high <= VAGUE_MARGIN * hi.low


# --- places and people in the same role ---------------------------------------------------------

_ROLE_KINDS = {"place": ("GPE", "LOC", "FAC"), "person": ("PERSON",)}
ROLE_REST_CONTAINED = 0.75  # share of the shorter wording's other content words the longer one has


def _role_disagreements(facts: list[Fact], entities: list, texts,
                        dated_phrases: dict[str, list[tuple[int, int]]] | None = None) -> list[dict]:
    """One statement, two outlets, a different place or person in it: "a car bomb exploded outside the
    central market in Ostrun" / "... in Perevlo". Conservative, because a story names many places and
    people in parallel statements ("troops entered Agdam" / "troops entered Lachin"): the two wordings
    must say the same apart from that one name, each must name exactly one entity of the kind, and
    neither report may name the other's entity anywhere (a report that names both knows both).
    A place is not the statement's where it is only a person's country ("Kenya's Daniel Kipruto") or lies in a
    phrase a date of its own dates (``dated_phrases``: "the mark set by Eliud Kamau in Berlin in 2041")."""
    by_id = {e.id: e for e in entities}
    named_in: dict[str, set[str]] = defaultdict(set)  # article -> entity ids it mentions
    mention_at: dict[tuple[str, str], tuple[int, int]] = {}
    mentions_in: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    person_starts: dict[str, set[int]] = defaultdict(set)
    for e in entities:
        for art, start, end in e.mentions:
            named_in[art].add(e.id)
            mention_at.setdefault((art, e.id), (start, end))
            mentions_in[(art, e.id)].append((start, end))
            if e.type == "PERSON":
                person_starts[art].add(start)
    phrases = dated_phrases or {}

    def elsewhere(c: Claim, eid: str) -> bool:
        """Is every mention of the place in the claim a person's country or inside a phrase dated on its own?"""
        spans = [(s, e) for s, e in mentions_in[(c.article, eid)] if c.start <= s < c.end]
        text = texts[c.article]

        def aside(s: int, e: int) -> bool:
            if any(ps <= s and e <= pe for ps, pe in phrases.get(c.article, ())):
                return True
            owner = _OWNER_OF_PERSON.match(text, e)
            return bool(owner) and owner.end() in person_starts[c.article]

        return bool(spans) and all(aside(s, e) for s, e in spans)
    out = []
    for f in facts:
        if len(set(f.sources)) < 2:
            continue
        for kind, types in _ROLE_KINDS.items():
            single = []
            for c in f.claims:
                ids = [x for x in dict.fromkeys(c.entities) if x in by_id and by_id[x].type in types
                       and not (kind == "place" and elsewhere(c, x))]
                if len(ids) == 1:
                    single.append((c, ids[0]))
            if len({eid for _c, eid in single}) < 2:
                continue
            conflicts = set()
            for i, (ca, ea) in enumerate(single):
                for cb, eb in single[i + 1:]:
                    if ca.article == cb.article or ea == eb:
                        continue
                    if eb in named_in[ca.article] or ea in named_in[cb.article]:
                        continue
                    if _one_name(by_id[ea].name, by_id[eb].name):
                        continue  # "Elliott" / "Michael Elliott", "Rod Rosenstein" / "Rod J. Rosenstein"
                    if kind == "place" and (_adjective_of(by_id[ea].name, by_id[eb].name)
                                            or _same_base_place(by_id[ea].name, by_id[eb].name)):
                        # "contracts in Middle Eastern countries" / "in the Middle East"; "Gaza City" / "the
                        # Gaza Strip": one place named at two levels
                        continue
                    if _rest_alike(ca, cb, by_id[ea], by_id[eb]):
                        conflicts |= {(ca.article, ca.index), (cb.article, cb.index)}
            if not conflicts:
                continue
            positions = []
            for c, eid in single:
                if (c.article, c.index) not in conflicts:
                    continue
                start, end = _mention_in(c, eid, mention_at)
                positions.append(_Position(texts[c.article][start:end], by_id[eid].name, c, start, end))
            subject = (f.best or f.claims[0]).text
            out.append(_make(kind, subject, positions, texts, lambda p: str(p.normalized)))
    return out


# a country's possessive before a person's name, a role between: "Kenya's Daniel Kipruto", "Ethiopia's world champion
# Tadesse Bekele" (the person's country, not a place of what happened)
_OWNER_OF_PERSON = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}")


_PLACE_LEVELS = frozenset("city town strip province region district county state island islands governorate oblast "
                          "prefecture municipality territory territories department canton".split())


def _same_base_place(a: str, b: str) -> bool:
    """Do two place names differ only in the kind of place they add ("Gaza City" / "Gaza Strip")?"""
    def base(name: str) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in _PLACE_LEVELS and w != "the"]

    return bool(base(a)) and base(a) == base(b)


def _adjective_of(a: str, b: str) -> bool:
    """Is one name the other's adjective or demonym ("Middle Eastern" / "Middle East")?"""
    return any(name_key(demonym_place(x, [y]) or "") == name_key(y) for x, y in ((a, b), (b, a)))


def _one_name(a: str, b: str) -> bool:
    """Are two names one name written two ways: one's words (less initials) all in the other's ("Elliott" /
    "Michael Elliott", "Rod Rosenstein" / "Rod J. Rosenstein"), or the same words but one letter apart in one of
    them, a typo ("Hand Carlsson" / "Hans Carlsson")?"""
    from rapidfuzz.distance import Levenshtein  # noqa: PLC0415

    def words(name: str) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_]+", name.lower()) if len(w) > 1]

    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if set(short) <= set(long):
        return True
    return len(wa) == len(wb) and sum(x != y for x, y in zip(wa, wb)) == 1 and all(
        x == y or (min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= 1) for x, y in zip(wa, wb))


def _mention_in(c: Claim, eid: str, mention_at: dict) -> tuple[int, int]:
    start, end = mention_at.get((c.article, eid), (c.start, c.end))
    return (start, end) if c.start <= start and end <= c.end else (c.start, c.end)


def _rest_alike(a: Claim, b: Claim, ea, eb) -> bool:
    """Do the two wordings share nearly all their content words once the two names are set aside?"""
    names = {w.lower() for e in (ea, eb) for alias in [e.name, *e.aliases] for w in re.findall(r"\w+", alias)}
    ta = {t for t in a.terms if t not in names and not t.isdigit()}
    tb = {t for t in b.terms if t not in names and not t.isdigit()}
    if min(len(ta), len(tb)) < 3:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= ROLE_REST_CONTAINED


# --- shared -------------------------------------------------------------------------------------


@dataclass
class _Texts:
    """The story's article texts (indexable by article id) and its sentence spans."""

    text: dict[str, str]
    sentences: dict[tuple[str, int], tuple[int, int]]
    _by_article: dict[str, list[tuple[int, int]]] | None = None

    def __getitem__(self, article: str) -> str:
        return self.text[article]

    def sentence_around(self, article: str, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence that holds ``[start, end)``, or that span itself."""
        if self._by_article is None:
            self._by_article = defaultdict(list)
            for (a, _), span in self.sentences.items():
                self._by_article[a].append(span)
            for spans in self._by_article.values():
                spans.sort()
        spans = self._by_article.get(article, [])
        k = bisect.bisect_right(spans, (start, float("inf"))) - 1
        if k >= 0 and spans[k][0] <= start < spans[k][1]:
            return spans[k][0], max(spans[k][1], end)
        return start, end


_MEASURE_AFTER = re.compile(r"[\s-]+(?:[A-Za-z]+\s+){0,2}$")


_SIZE_VERB_BEFORE = re.compile(r"[A-Za-z]+(?:\s+(?:by|nearly|almost|about|around|some|roughly|more\s+than|as\s+much\s+as|"
                            r"over|just))*\s+")
# a change verb whose size a percentage gives ("Halvorsen's fell 3 per cent"): that figure's measure, no cue
# that another figure of the sentence was moved
_SIZE_OF_CHANGE = re.compile(_SIZE_VERB_BEFORE.pattern + r"\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
_PERCENT_TEXT = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)


def _names_the_measure(text: str, p: "_Position", at: int) -> bool:
    """Is a change word the noun the figure measures ("a 9 percent pay increase", "a 5% rise in prices"),
    within two words after it, or the verb whose size a percentage is ("shares jumped 24%"), rather than a
    change of the figure ("the toll rose to 17")?"""
    if p.end <= at <= p.end + 30 and _MEASURE_AFTER.fullmatch(text[p.end:at]):
        return True
    return p.start - 30 <= at < p.start and bool(_PERCENT_TEXT.search(p.value)) \
        and bool(_SIZE_VERB_BEFORE.fullmatch(text[at:p.start]))


# sources a report does not name ("officials said"): no rival of a named one
_UNNAMED_SOURCES = frozenset({"officials", "official", "authorities", "sources", "source", "spokesman", "spokeswoman",
                              "spokesperson", "reports"})
_NOW_CUE = re.compile(r"ha(?:s|ve)\s+now$", re.IGNORECASE)
# a change word in the present tense after "that" or "which" tells what something does, not that a figure changed:
# "a daily pill that lowers a blood fat", "a gene which increases the risk"
_PROPERTY_CUE = re.compile(r"\b(?:that|which)\s+\w+s$", re.IGNORECASE)


_BARE_FIGURE = re.compile(r"[\d.,]+")


def _make(kind: str, subject: str, positions: list[_Position], texts, key, status: str | None = None,
          each_figure: bool = False, firm: bool = False, now_moves: bool = True) -> dict:
    """One disagreement of ``positions``; a change word in their sentences makes a contradiction an update,
    unless it is ``firm`` (a figure its report sets against the others'). "has now" is such a word only where
    ``now_moves`` (the values are not two named sources')."""
    grouped: dict[str, dict] = {}
    cue = False
    said: set[tuple[str, str]] = set()
    for p in positions:
        # The whole sentence may explain a change ("was expected on the 15th, but ... agreed to delay").
        s_start, s_end = texts.sentences.get((p.claim.article, p.claim.sentence), (p.claim.start, p.claim.end))
        text = texts[p.claim.article]
        # ("have now" is a verb's, never the noun a figure measures: "12,500 people have now been evacuated")
        cue = cue or any((_NOW_CUE.match(m.group()) or not _names_the_measure(text, p, m.start() + s_start))
                         and (now_moves or not _NOW_CUE.match(m.group()))
                         and not (kind == "number" and _SIZE_OF_CHANGE.match(text, m.start() + s_start))
                         and not _PROPERTY_CUE.search(text, max(0, m.start() + s_start - 8), m.end() + s_start)
                         for m in _UPDATE_CUES.finditer(text[s_start:s_end]))
        if not cue and kind == "number":
            # a report whose lead says its count is still running ("after 40% of ballots had been counted",
            # "preliminary results") gives every share in it for that moment
            l_start, l_end = texts.sentences.get((p.claim.article, 0), (0, 0))
            cue = bool(_RUNNING_COUNT.search(text, l_start, l_end))
        # a standfirst repeated in the body is one statement (two sources' figures in one claim are two)
        said_key = (p.claim.article, p.claim.text, p.start - p.claim.start if each_figure else None)
        if said_key in said:
            continue
        said.add(said_key)
        g = grouped.setdefault(key(p), {"value": p.value, "normalized": p.normalized, "sources": [], "evidence": []})
        if kind == "number" and _BARE_FIGURE.fullmatch(g["value"]) and not _BARE_FIGURE.fullmatch(p.value):
            g["value"] = p.value  # "46 people" tells a reader what "46" ("the death toll rose to 46") counts
        ev = {"article": p.claim.article, "start": p.claim.start, "end": p.claim.end, "value_start": p.start, "value_end": p.end}
        g["sources"].append(p.claim.article)
        g["evidence"].append(ev)
    if status is None:
        status = "update" if cue else "contradiction"
    elif status == "contradiction" and cue and kind != "claim" and not firm:
        status = "update"
    return {"id": "", "subject": subject, "kind": kind, "status": status, "positions": list(grouped.values()), "explanation": ""}


def _speakers(docs) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per article, the attributed spans, who they are attributed to (the head word, lower-cased: enough to
    tell a ministry from a mayor) and how the report names them ("the national fire service")."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for d in docs:
        text = d.article.text
        rows = []
        for a in d.quotes:
            who = a.speaker_head or (text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else None)
            if who:
                # the head word names the source well enough to tell a ministry from a mayor
                words = who.lower().split(" of ")[0].split()
                name = re.split(r"(?<!\d),|,(?!\d)|[;(]", text[a.speaker_start:a.speaker_end] if a.speaker_start is not None
                                else who)[0].strip()
                # ("according to preliminary results with 98% of ballots counted": the speaker ends at the figure)
                name = _TRAILING_FUNCTION_WORD.sub("", name)
                rows.append((a.content_start, a.content_end, words[-1] if words else who.lower(), name))
        rows += _figure_sources(text, d.claims)
        out[d.article.id] = rows
    return out


_TRAILING_FUNCTION_WORD = re.compile(r"(?:\s+(?:with|of|from|in|on|at|by|for|to|and|the|a|an))+$", re.IGNORECASE)


def _speaker_of(speakers: dict, ev: dict) -> str | None:
    """Who the report says gives the value at ``ev``: the narrowest attributed span around it."""
    pos = ev.get("value_start", ev["start"])
    inside = [(e - s, who) for s, e, who, _name in speakers.get(ev["article"], []) if s <= pos < e]
    return min(inside)[1] if inside else None


def _rival_names(item: dict, speakers: dict) -> list[str]:
    """The sources one report names for different values of the item ("The WHO put the death toll at 58, while
    Valdoria's health ministry said 49 people had died"): a value each, in the order of the positions; empty when
    no report names two."""
    for article in dict.fromkeys(ev["article"] for p in item["positions"] for ev in p["evidence"]):
        named = [next((n for ev in p["evidence"] if ev["article"] == article and (n := _speaker_name(speakers, ev))), None)
                 for p in item["positions"]]
        given = [n for n in named if n]
        if len(set(given)) >= 2:
            return list(dict.fromkeys(given))
    return []


def _speaker_name(speakers: dict, ev: dict) -> str | None:
    """How the report names who gives the value at ``ev`` (the narrowest attributed span around it)."""
    pos = ev.get("value_start", ev["start"])
    inside = [(e - s, name) for s, e, _who, name in speakers.get(ev["article"], []) if s <= pos < e]
    # (as it reads after "citing": "the protest organisers", not the sentence's "The protest organisers"; a name
    # keeps its article, "The Guardian")
    return _SENTENCE_THE.sub("the ", min(inside)[1]) if inside else None


_SENTENCE_THE = re.compile(r"^The (?=[a-z])")


# A count fixed when the event happened: how many a plane, ship or bus was carrying ("carrying 138 people",
# "137 people on board") does not grow from report to report as a toll does
_FIXED_AT_EVENT = re.compile(r"\b(?:aboard|on\s+board|onboard|carrying|carried)\b", re.IGNORECASE)


def _fixed_at_event(item: dict, texts) -> bool:
    """Is every value of the item a count of those aboard (see _FIXED_AT_EVENT), by the words right around it?"""
    return all(_FIXED_AT_EVENT.search(texts[ev["article"]][max(ev["start"], ev["value_start"] - 30):
                                                          min(ev["end"], ev["value_end"] + 30)])
               for p in item["positions"] for ev in p["evidence"] if "value_start" in ev)


def _latest_rivals(item: dict, texts, days: dict) -> None:
    """An update whose latest reports, of one day, give rival values ("51.4 percent ..., according to final
    results" / the same day's "grabbing 55 per cent of the vote", after the night's "48.2%, with 52% of ballots
    counted") is a contradiction: a count moved to its final value, and one report of it gives another. Not where
    a report of that day tells a count still running or a move ("with 80% counted", "rose to 17"): a day's reports
    then tell its hours."""
    dated = [(days.get(ev["article"]), p) for p in item["positions"] for ev in p["evidence"]]
    if any(day is None for day, _p in dated):
        return
    last = max(day for day, _p in dated)
    latest = list({id(p): p for day, p in dated if day == last}.values())
    values = {json.dumps(p["normalized"]) for p in latest}
    if len(values) < 2 or len({json.dumps(p["normalized"]) for _day, p in dated}) == len(values):
        return  # one value on the last day, or no earlier one: nothing moved to rival values
    for p in latest:
        for ev in p["evidence"]:
            if days.get(ev["article"]) != last:
                continue  # (an earlier report's wording of a value the last day gives too)
            s0, s1 = texts.sentence_around(ev["article"], ev["start"], ev["end"])
            if any(not m.group(0).lower().startswith("final") for m in _UPDATE_CUES.finditer(texts[ev["article"]], s0, s1)):
                return
    item["status"] = "contradiction"
    item["_latest"] = last


def _explain(item: dict, published: dict, outlet: dict, speakers: dict, texts=None, days: dict | None = None) -> None:
    parts = []
    # an outlet that gives two sources' values is cited with the source of each ("Daily Ledger, citing the
    # national fire service")
    twice = {a for a in published if sum(a in p["sources"] for p in item["positions"]) > 1}

    def cited(p: dict, a: str) -> str:
        label = f"{outlet[a]}" + (f" ({published[a]})" if published.get(a) else "")
        if a in twice:
            name = next((n for ev in p["evidence"] if ev["article"] == a and (n := _speaker_name(speakers, ev))), None)
            label += f", citing {name}" if name else ""
        return label

    for p in item["positions"]:
        who = ", ".join(cited(p, a) for a in dict.fromkeys(p["sources"]))
        parts.append(f"{who}: \u201c{p['value']}\u201d")
    rebuttal = item.pop("_rebuttal", None)
    reason = {
        "update": ("each report gives the value for another time, and it moves one way" if item.pop("_timed", False)
                   else "the figure moves from report to report over time" if item.pop("_by_day", False)
                   else "a report explains a change, or a later report moves the value"),
        "estimate": ("a crowd's size is estimated, and the estimates differ" if item["subject"] in _ESTIMATED_COUNTS
                     else "each agency measures it its own way, and the measurements differ"
                     if item["subject"] in _NAMED_MEASURES
                     else "what a thing is worth is a valuation, and the valuations differ"
                     if item["subject"].startswith("value of the ")
                     else "the figures are vague or overlap"),
        "contradiction": (f"the latest reports, of {latest}, give different values" if (latest := item.pop("_latest", None))
                          else f"a report sets its figure against the others' (\u201c{rebuttal}\u201d)" if rebuttal
                          else f"the values are incompatible, and one report gives them as different sources' figures "
                               f"({', '.join(rivals)})"
                          if (rivals := _rival_names(item, speakers))
                          else "the values are incompatible and no report explains why"),
    }[item["status"]]
    item["explanation"] = f"{item['subject']}: " + "; ".join(parts) + f". Classed as {item['status']}: {reason}."
    # (a contradiction that nothing explains: a pair that a fuller item of the same count may tell, see _without_subsumed)
    item["_unexplained"] = reason == "the values are incompatible and no report explains why"
    # Counts that move between reports of different days are an update, unless different named sources
    # give them (a ministry and a mayor disagreeing is a contradiction, whenever they speak). A toll or a
    # count of the evacuated grows as a story unfolds; a share or a sum ("a 9% pay rise" / "a 10% pay
    # rise", a day apart) moves only when a report says so (the cue checked in _make).
    if (item["kind"] == "number" and item["status"] == "contradiction" and item.get("_figure", "cardinal") == "cardinal"
            and not item.get("_fixed") and not (texts is not None and _fixed_at_event(item, texts))):
        who = {_speaker_of(speakers, ev) for p in item["positions"] for ev in p["evidence"]} - {None}
        dated = []
        for p in item["positions"]:
            lo = p["normalized"][0] if isinstance(p["normalized"], list) else None
            for a in p["sources"]:
                # (the day in UTC where the reports give their moment: Tokyo's Wednesday morning paper and New
                # York's Tuesday evening one are of one night)
                day = (days or published).get(a)
                if day and lo is not None:
                    dated.append((day, lo))
        by_day: dict[str, set] = defaultdict(set)
        for d, v in dated:
            by_day[d].add(v)
        # reports of one day agree with each other, and the figure moves one way from day to day (through three
        # exact figures on three days, whoever gives them: a fire department, officials, then an agency)
        if len(by_day) > 1 and all(len(v) == 1 for v in by_day.values()):
            values = [next(iter(by_day[d])) for d in sorted(by_day)]
            exact = all(isinstance(p["normalized"], list) and p["normalized"][0] == p["normalized"][-1]
                        for p in item["positions"])
            trend = exact and len(set(values)) >= 3  # three exact figures, day after day
            if (len(who) < 2 or trend) and (values == sorted(values) or values == sorted(values, reverse=True)):
                # (told again, its values in the order the reports came out: the first value first)
                item["status"] = "update"
                item["_by_day"] = True
                item["positions"].sort(key=lambda p: min(((days or published).get(a) or "9999" for a in p["sources"]),
                                                         default="9999"))
                _explain(item, published, outlet, speakers, texts, days)


# --- one person, two titles --------------------------------------------------------------------------

# A minister's or a secretary's portfolio: a person named with two ("Interior Minister Alexander Petrenko" /
# "Emergency services minister Oleksandr Petrenko") is given two offices. Only these heads: other titles are
# told in too many ways ("RNC Chairman" / "Republican National Committee Chairman") to compare word by word.
_TITLE_BEFORE = re.compile(r"((?:[A-Za-z][a-z]+\s+|&\s+){1,5}(?:minister|secretary))\s+$", re.IGNORECASE)
_TITLE_AFTER = re.compile(r",\s+(?:the\s+)?((?:[A-Za-z][a-z]+\s+|&\s+){1,5}(?:minister|secretary))\b", re.IGNORECASE)
# Words before a title that are not its portfolio: the sentence's determiners, pronouns, verbs and
# prepositions, and words of rank or level
_NOT_PORTFOLIO = frozenset("""
    the a an his her its their and or of for with by to from as at in on then now when while after before under
    since according he she it they we you i this that these those there who which said says say told met urged
    asked former acting deputy vice prime junior senior first new outgoing incoming late federal national
    regional provincial local top
""".split())
_PORTFOLIO_PARTICIPLES = frozenset({"armed", "united"})  # ("Armed Forces Minister")
_FORMER_BEFORE = re.compile(r"\bformer\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# "Sarid, environment minister in the previous Labor-led government, ...": an office held before
_FORMER_AFTER = re.compile(r",\s+(?:the\s+)?(?:former\s+|then[\s-]|ex-)|,\s+[^,.;]{0,60}\b(?:minister|secretary)\s+"
                           r"(?:in|of|under)\s+the\s+(?:previous|last|former|outgoing)\b", re.IGNORECASE)


def _titles_of(text: str, start: int, end: int, places: Iterable[str] = ()) -> list[tuple[frozenset[str], str, int, int]]:
    """The portfolio a mention of a person carries, right before the name ("Interior Minister Alexander
    Petrenko") or in apposition after it ("Petrenko, the interior minister,"): (portfolio words, head,
    start, end). Only the words right before the head that name a portfolio count ("Britain's Home
    Secretary": "home"); a demonym or a possessive says whose minister, not which."""
    found = []
    m = _TITLE_BEFORE.search(text, max(0, start - 60), start)
    if m:
        found.append((m.group(1), m.start(1), m.end(1)))
    m = _TITLE_AFTER.match(text, end, end + 70)
    if m and not re.match(r"\s+[A-Z]", text[m.end(1):m.end(1) + 2]):
        # (", Finance Minister Mikhail Zadornov" in a list is the next man's title, not an apposition)
        found.append((m.group(1), m.start(1), m.end(1)))
    titles = []
    for phrase, a, b in found:
        tokens = list(re.finditer(r"[A-Za-z]+|&", phrase))
        words = [t.group() for t in tokens]
        head = words[-1].lower()
        portfolio: list[str] = []
        first = len(words) - 1  # the token the title starts at
        k = len(words) - 1
        joined = False
        while k > 0:
            k -= 1
            w = words[k]
            if w.lower() in ("and", "&") and portfolio and not joined:
                joined = True  # one portfolio of two ("Housing and Urban Development", "trade and industry"):
                continue  # the one word before "and" belongs to it too, and nothing before that
            if (w.lower() in _NOT_PORTFOLIO or demonym_place(w, places) or w.isupper()
                    or words[-1][0].isupper() and w[0].islower()
                    or w.lower().endswith("ed") and w.lower() not in _PORTFOLIO_PARTICIPLES):
                break  # (before a capitalised title, a word in lower case is the sentence's: "would protect Secretary";
                # a participle judges the holder, "Disgraced Interior Minister", "Embattled Finance Minister")
            portfolio.insert(0, w.lower())
            first = k
            if joined:
                break
        if portfolio:
            titles.append((frozenset(portfolio), head, a + tokens[first].start(), b))
    return titles


def _same_word(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein  # noqa: PLC0415

    return a == b or len(a) >= 5 and len(b) >= 5 and Levenshtein.distance(a, b) <= 1  # defence / defense


def _contains(big: frozenset[str], small: frozenset[str]) -> bool:
    return all(any(_same_word(w, x) for x in big) for w in small)


def _title_disagreements(entities: list, texts) -> list[dict]:
    """One person given two offices of one kind by different reports ("Interior Minister" / "emergency
    services minister"; "Minister" / "Interior Minister" is one office, told more or less fully). A report
    that gives both titles itself, or a former office ("former interior minister"), decides nothing."""
    out = []
    # (the story's places name its own demonyms: "Norlandic Interior Minister" is Norland's, of no portfolio)
    places = [n for e in entities if e.type in ("GPE", "LOC") for n in (e.name, *e.aliases)]
    for e in entities:
        if e.type != "PERSON":
            continue
        per_article: dict[str, list[tuple[frozenset[str], str, int, int]]] = defaultdict(list)
        former = False
        for art, start, end in e.mentions:
            text = texts[art]
            former = former or bool(_FORMER_BEFORE.search(text, max(0, start - 60), start)
                                    or _FORMER_AFTER.match(text, end, end + 120))
            per_article[art].extend(_titles_of(text, start, end, places))
        if former:
            continue  # a past office beside a present one is a career, not a disagreement
        arts = sorted(a for a, ts in per_article.items() if ts)
        conflicts: list[tuple[str, tuple, str, tuple]] = []
        for i, a in enumerate(arts):
            for b in arts[i + 1:]:
                for ta in per_article[a]:
                    for tb in per_article[b]:
                        if ta[1] != tb[1] or _contains(ta[0], tb[0]) or _contains(tb[0], ta[0]):
                            continue  # another head, or one office told more or less fully
                        if (any(_contains(x[0], tb[0]) for x in per_article[a])
                                or any(_contains(x[0], ta[0]) for x in per_article[b])):
                            continue  # either report names the other's office for this person too: it knows both
                        conflicts.append((a, ta, b, tb))
        if not conflicts:
            continue
        positions: list[_Position] = []
        seen: set[tuple[str, int]] = set()
        for a, ta, b, tb in conflicts:
            for art, t in ((a, ta), (b, tb)):
                if (art, t[2]) in seen:
                    continue
                seen.add((art, t[2]))
                text = texts[art]
                s_start, s_end = texts.sentence_around(art, t[2], t[3])
                claim = Claim(article=art, index=-1, sentence=-1, start=s_start, end=s_end, text=text[s_start:s_end])
                positions.append(_Position(text[t[2]:t[3]], " ".join(sorted(t[0])), claim, t[2], t[3]))
        item = _make("title", e.name, positions, texts, lambda p: str(p.normalized))
        out.append(item)
    return out
