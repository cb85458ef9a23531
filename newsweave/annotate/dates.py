"""News-aware temporal tagger and TIMEX3 normalizer.

``tag_dates(text, published)`` finds date, time, duration and set expressions and gives each a
TimeML TIMEX3 ``value`` anchored on the article's publication date (the DCT):

* weekdays resolve to the nearest such day that fits the tense of the sentence: past narration ->
  on or before the publication date, future cues (will, next, scheduled, expected to, ...) -> on or after;
* month-day dates without a year take the year nearest the publication date that fits the tense
  (so "December 28" in a report of 2021-01-03 is 2020-12-28), unless the article settles it: a year
  written beside the same month and day elsewhere, or the day of something that happened ("the Jan. 6
  riot" in an October report is last January's, and so is its "Jan. 6 committee"); after "since" only
  a year in which the date has come counts ("risen since January"); months coordinated with a dated one
  share its year ("June and July of 2009");
* relative expressions ("last week", "two weeks ago", "earlier this month", "a year earlier") and
  anaphoric ones ("the previous day", "the quarter") resolve against the publication date or the most
  recently mentioned date;
* durations (P6W, PT4H, PXY), sets (every week -> P1W), decades ("the 1990s" -> 199), centuries,
  quarters, halves, seasons, parts of day (TMO/TAF/TEV/TNI) and the PRESENT_REF/PAST_REF/FUTURE_REF refs.

Spans follow TimeML extent conventions: modifiers that belong to the expression are inside ("last
week", "the past two months", "nearly two years", "early next year", "two weeks ago"), while signals
("on", "in", "since", "by") are outside.

The core is regex-based (each pattern compiled once, on first use); it needs no spaCy. Without a publication date,
values keep what the text states and mark the rest unknown (``XXXX-11-20``, ``XXXX-WXX-3``,
``XXXX-XX-XX``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass
from typing import Callable, Iterable

import regex
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

__all__ = ["Timex", "tag_dates", "tag_timexes", "tag_dates_in_sentences", "parse_anchor"]


@dataclass
class Timex:
    start: int
    end: int
    text: str
    value: str
    type: str  # DATE | TIME | DURATION | SET
    mod: str = ""  # TimeML mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...
    anchor: str = ""  # "dct", "ref" (an earlier mention) or "" (absolute / not anchored)

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value, "type": self.type}


# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
# unit -> (TIMEX3 letter, is time unit, granularity for points)
UNITS = {
    "second": ("S", True, "second"), "sec": ("S", True, "second"), "minute": ("M", True, "minute"),
    "min": ("M", True, "minute"), "hour": ("H", True, "hour"), "hr": ("H", True, "hour"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"), "month": ("M", False, "month"), "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"), "yr": ("Y", False, "year"), "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"), "weekend": ("WE", False, "weekend"), "millennium": ("ML", False, "century"),
}

# --------------------------------------------------------------------------- regex pieces

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR}|(?-i:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER))(?![\w])"
MONTH_CS = rf"(?-i:{MONTH})"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
WEEKDAY = rf"(?-i:(?P<wd>{_WD}|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))(?!\w)"
WEEKDAY2 = WEEKDAY.replace("(?P<wd>", "(?P<wd2>")
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\w|-(?:year|month|day|week)|\s*%|\s+(?:percent|per\s+cent))"
YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d%]|\s*%|,\d|-year|\s+percent)"
YEAR2 = r"(?P<year>(?:1[5-9]|20)\d\d|'\d\d)(?![\d%]|\s*%|,\d|\s+percent)"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
         r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
         r"|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|a\s+dozen|a\s+single|single)")
NUM = (rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|{_NUMW}(?:\s+and\s+a\s+half)?|an?(?:\s+and\s+a\s+half)?|a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of"
       r"|several|few|many|some|a\s+number\s+of|dozens\s+of|hundreds\s+of|thousands\s+of|a\s+half|half\s+an?|half\s+a|another|nearly\s+a)")
NUMH = rf"(?P<num>\d+(?:\.\d+)?|{_NUMW}|half|multi|single|one)"
_UNIT_ALT = r"seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century|weekends?|millenni(?:um|a)"
UNIT = rf"(?P<unit>{_UNIT_ALT})"
UNIT_SG = r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|century|weekend)"
APPROX = (r"(?:(?P<amod>about|around|approximately|roughly|some|nearly|almost|more\s+than|less\s+than|fewer\s+than|under|at\s+least|"
          r"at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just\s+over|just\s+under|well\s+over|barely|close\s+to|upwards\s+of)\s+(?!the\b))?")
AMOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
    "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}
EDGE = r"(?P<edge>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+close\s+of|end|start|beginning|middle)"
EDGE_MOD = {"early": "START", "late": "END", "mid": "MID", "end": "END", "start": "START", "beginning": "START",
            "middle": "MID", "close": "END", "earlier": "START", "later": "END"}

FUTURE_STRONG = re.compile(
    r"\b(?:will|won't|wo|shall|'ll|going\s+to|expected\s+to|expects?\s+to|set\s+to|scheduled|schedule|due|plans?\s+to|planned|planning|"
    r"intends?\s+to|aims?\s+to|upcoming|deadline|next|coming|would|to\s+be\s+held|to\s+begin|to\s+start|to\s+take\s+place|"
    r"hopes?\s+to|until|tomorrow|later\s+this|is\s+to|are\s+to|starting|beginning|effective|from\s+now|ahead)\b",
    re.I)
PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|earlier|been|went|came|made|took|gave|met|left|held|won|lost|fell|rose|began|saw|got|"
    r"found|sold|bought|spoke|wrote|struck|hit|led|ran|brought|thought|felt|kept|paid|sent|spent|stood|became|broke|chose|"
    r"drove|fought|flew|grew|knew|shot|sank|threw|wore|last|yesterday|[a-z]{2,}ed)\b")
NOT_PAST = {"need", "speed", "seed", "feed", "breed", "bleed", "greed", "indeed", "embed", "proceed", "succeed", "exceed",
            "red", "bed", "shed", "wed", "led", "scheduled", "expected", "planned", "proposed", "intended", "based",
            "related", "limited", "united", "concerned", "interested", "supposed", "designed", "aimed"}


# --------------------------------------------------------------------------- date helpers


def parse_anchor(published: str | dt.date | dt.datetime | None) -> dt.date | None:
    """Publication date from a date, datetime, or a string (ISO first, then dateutil)."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    s = str(published).strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", s)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    try:
        from dateutil import parser as dparser

        return dparser.parse(s, fuzzy=True, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day",):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(days=7 * n)
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "quarter":
        return d + relativedelta(months=3 * n)
    if unit == "half":
        return d + relativedelta(months=6 * n)
    if unit == "year":
        return d + relativedelta(years=n)
    if unit == "decade":
        return d + relativedelta(years=10 * n)
    if unit == "century":
        return d + relativedelta(years=100 * n)
    if unit in ("hour", "minute", "second"):
        return d
    raise ValueError(unit)


def fmt(d: dt.date, gran: str, season: str = "") -> str:
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{_quarter(d)}"
    if gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "season":
        return f"{d.year:04d}-{season}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    if gran in ("hour", "minute", "second"):
        return d.isoformat()
    raise ValueError(gran)


def parse_value(value: str) -> tuple[dt.date, str] | None:
    """Inverse of fmt for the values we use as reference times."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d, "day") if d else None
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        try:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1), "weekend" if m.group(3) else "week"
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return dt.date(int(m.group(1)), int(m.group(2)), 1), "month"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return dt.date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1), "quarter"
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        return dt.date(int(m.group(1)), 1 if m.group(2) == "1" else 7, 1), "half"
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return dt.date(int(m.group(1)), 1, 1), "year"
    return None


def _num(s: str | None) -> float | None:
    """Parse a number phrase; None means unspecified (several, a few, ...)."""
    if s is None:
        return 1.0
    s = re.sub(r"\s+", " ", s.lower().strip())
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if s in ("a half", "half a", "half an", "half"):
        return 0.5
    if s in ("nearly a",):
        return 1.0
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    if s in SMALL:
        return SMALL[s] + half
    if s in ("a hundred", "one hundred"):
        return 100.0
    if s in ("a dozen",):
        return 12.0
    if s in ("a single", "single", "another", "multi"):
        return 1.0 if s != "multi" else None
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](\w+))?", s)
    if m:
        return TENS[m.group(1)] + (SMALL.get(m.group(2), 0) if m.group(2) else 0) + half
    if s in ("a couple of", "a couple", "couple of"):
        return 2.0
    return None


def _nstr(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    letter, is_time, _ = UNITS[unit]
    if unit == "fortnight":
        n = None if n is None else 2 * n
    if unit == "weekend":
        return "P2D" if n == 1 else ("PXWE" if n is None else f"P{_nstr(n)}WE")
    if n is None:
        return f"PTX{letter}" if is_time else f"PX{letter}"
    if letter == "Q" and n is not None:
        return f"P{_nstr(n * 3)}M"
    if letter == "DE":
        return f"P{_nstr(n * 10)}Y"
    if letter == "CE":
        return f"P{_nstr(n * 100)}Y"
    if not float(n).is_integer():
        if unit == "year":
            return f"P{_nstr(n * 12)}M"
        if unit == "hour":
            return f"PT{_nstr(n * 60)}M"
        if unit == "day":
            return f"PT{_nstr(n * 24)}H"
        if unit == "month" and (n * 4).is_integer() is False:
            pass
    return f"PT{_nstr(n)}{letter}" if is_time else f"P{_nstr(n)}{letter}"


def _unit_key(u: str) -> str:
    u = u.lower()
    if u in ("centuries",):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    if u.endswith("s") and u[:-1] in UNITS:
        return u[:-1]
    return u


# --------------------------------------------------------------------------- context


_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_FUT_WORDS = {"will", "won't", "shall", "'ll", "next", "upcoming", "coming", "until", "till", "expected", "expects", "expect",
              "scheduled", "slated", "due", "planned", "plans", "plan", "planning", "intends", "intend", "tomorrow",
              "deadline", "going", "ahead", "aims", "hopes", "later", "poised",
              "wo", "set"}
# forecasting verbs, which look ahead only before "for" or "to": "rain is forecast for Tuesday"
_FORECAST = {"forecast", "forecasts", "predicted", "projected", "tipped"}
_MODALS = {"could", "would", "might", "may", "must"}  # ("must leave by Friday": an obligation still ahead)
_DENIAL = re.compile(r"\b(?:not|never|neither|nor|nobody|unable)\b|n't\b", re.I)
_PRES_WORDS = {"is", "are", "am", "has", "have", "says", "say", "does", "do", "remains", "continues", "runs", "ends",
               "takes", "expires", "closes", "payable", "effective"}
# The present of a verb that starts a scheduled event is news's future: "the film opens on May 21", "the trial
# begins Monday", "the festival starts in June"
_SCHEDULED_PRESENT = {"opens", "begins", "starts", "premieres", "debuts", "resumes", "reopens", "launches",
                      # "the truce takes effect at midnight on Thursday", "the deal comes into force on Monday"
                      "takes", "comes", "expires", "ends", "closes", "kicks", "goes"}
# ... and its plural, after a plural subject ("Pre-orders open on Friday", "Talks begin on Monday", "Polls close at 8
# p.m."): not after a modal or "to" ("did not open"), nor an adjective ("the border was open")
_SCHEDULED_PLURAL = {"open", "begin", "start", "premiere", "debut", "resume", "reopen", "launch", "close", "end"}
_NOT_PLURAL_SUBJECT = {"is", "was", "has", "does", "this", "its", "his", "yes", "us", "as", "thus", "has", "always",
                       "sometimes", "perhaps", "unless", "whereas"}
_PAST_WORDS = {"was", "were", "had", "did", "said", "told", "ago", "been", "went", "came", "made", "took", "gave", "met",
               "left", "held", "won", "lost", "fell", "rose", "began", "saw", "got", "found", "sold", "bought", "spoke",
               "wrote", "struck", "hit", "led", "ran", "brought", "thought", "felt", "kept", "paid", "sent", "spent",
               "stood", "became", "broke", "chose", "drove", "fought", "flew", "grew", "knew", "shot", "sank", "threw",
               "wore", "last", "yesterday", "earlier", "saw", "ended", "closed", "opened", "put", "cut", "quit", "shut",
               "let", "told", "heard", "caught", "taught", "sought", "sat", "won", "swept", "slid", "stole", "rang", "froze",
               # past forms ending in "eed", which the "-ed" rule leaves out with "need" and "speed"
               "freed", "agreed", "disagreed", "decreed", "guaranteed", "refereed", "fled", "bled", "fed"}
# (and the verbs of a state that a participle completes: "will stay closed on Tuesday", "remain shut")
_BE = {"be", "been", "being", "to", "will", "would", "is", "are", "'s", "get", "gets", "stay", "stays", "remain",
       "remains", "keep", "keeps"}
# past-tense forms that are also the bare verb, which a modal can govern ("may hit", "could cut")
_BARE_AS_PAST = {"hit", "put", "cut", "let", "quit", "shut", "set", "cost", "hurt", "spread", "read", "bet", "cast",
                 "burst", "split", "upset", "beat", "come", "run", "become"}


# Verbs that ask for, or commit to, an act still to come: the day of their infinitive ("urged both sides to
# meet on Friday", "agreed to resume talks on Monday") is the act's, which lies ahead of the asking
_DIRECTIVES = {"urged", "asked", "called", "told", "invited", "ordered", "instructed", "encouraged", "pressed",
               "agreed", "promised", "pledged", "vowed", "decided", "voted", "wanted", "hoped", "offered",
               "threatened", "summoned", "urges", "asks", "calls", "tells", "invites", "agrees", "promises"}


# Verbs that make a day something ("declared Friday a holiday", "set Monday as the deadline")
_SETTING_VERBS = {"declared", "declares", "named", "names", "set", "sets", "designated", "designates", "proclaimed",
                  "proclaims", "made", "makes", "chose", "picked", "fixed"}


SET_FOR_REACH = 9  # words from a setting verb to the "for" before the day
# Verbs that set an event for a day ("called a general strike for Thursday", "fixed the hearing for Monday"):
# the day of the event set, which lies ahead of the setting
_SET_FOR_VERBS = {"called", "calls", "call", "set", "sets", "fixed", "fixes", "scheduled", "schedules", "booked",
                  "postponed", "postpones", "delayed", "delays", "moved", "moves", "rescheduled", "announced",
                  "announces", "organised", "organized", "organises", "organizes", "arranged", "arranges", "slated",
                  "planned", "plans", "declared", "declares", "brought", "pushed"}
# Words after a day's possessive that make it the day of something planned ("Thursday's planned strike")
_PLANNED_AFTER = {"planned", "scheduled", "proposed", "expected", "upcoming", "announced", "intended", "threatened"}


_STARTING = {"starting", "beginning", "effective"}
# past verbs that set what starts on a day ("declared", "ordered"), unlike those that tell it ("lasted", "was")
_DECIDING = {"declared", "announced", "called", "ordered", "imposed", "set", "approved", "decreed", "introduced",
             "proclaimed", "unveiled", "agreed", "decided", "scheduled"}


def _starts_on_day_set(left_words: list[str]) -> bool:
    """Do the words before a day (text order) read "<deciding verb> ... starting [on]" ("declared three days of
    national mourning starting on Wednesday", "ordered a curfew effective Friday")?"""
    words = [w.lower() for w in left_words]
    if words[-1:] == ["on"]:
        words = words[:-1]
    if not words or words[-1] not in _STARTING:
        return False
    return next((w for w in reversed(words[:-1]) if _scan_tense([w], True) is not None), None) in _DECIDING


def _set_for_day(left_words: list[str]) -> bool:
    """Do the words before a day (text order) read "<setting verb> <object> for" ("called a strike for")? Not
    when the setting is told in a past tense ("had been scheduled for Tuesday", "was set for Monday"): the day
    of a plan told as past has mostly gone by (it was often missed: "... but was postponed")."""
    if not left_words or left_words[-1].lower() != "for":
        return False
    # (the object may be long: "called an emergency meeting of the security council for Sunday")
    window = left_words[-SET_FOR_REACH - 1:-1]
    for k, w in enumerate(window):
        if w.lower() in _SET_FOR_VERBS and w.islower():
            before = {x.lower() for x in window[max(0, k - 2):k]}
            return not before & {"had", "was", "were"}
    return False


def _directive_infinitive(words: list[str]) -> bool:
    """Do the words before a date (nearest first) read "<directive> [someone] to <verb> ..." ("urged both
    sides to meet on")? A purpose ("flew to Kabul to meet him on Friday") is no directive."""
    for i, w in enumerate(words[:8]):
        if w.lower() == "to" and i > 0 and words[i - 1].islower():
            ahead = [x.lower() for x in words[i + 1:i + 5]]
            return any(x in _DIRECTIVES for x in ahead)
    return False


UNTIL_REACH = 3  # words between an "until" and the day it ends at ("until around 22:00 on Monday")


def _scan_tense(words: list[str], backwards: bool, modal_reach: int = 0) -> str | None:
    """The tense of the first verb cue in ``words`` (nearest first when ``backwards``). A modal counts only
    within the first ``modal_reach`` words: the dated verb's own clause."""
    for i, w in enumerate(words):
        lw = w.lower()
        if backwards and lw == "to" and _directive_infinitive(words[max(0, i - 1):]):
            return "near"  # the day of an act asked for or agreed to: ahead of the asking, not of the report
        if lw in ("until", "till") and backwards and i <= UNTIL_REACH:
            # "until" sets an end, and mostly one still to come ("postponed the vote until Monday", "kept
            # the markets closed until Friday"); only a past state that lasted until then is past: "the
            # services were down ... until around 22:00 on Monday". (Only an "until" of this day: in "signed a
            # contract until 2032 after passing a medical on Sunday" it ends the contract.)
            cue = next((x.lower() for x in words[i + 1:] if _scan_tense([x], True) is not None), None)
            return "past" if cue in ("was", "were", "lasted") else "future"
        if lw in ("until", "till") and backwards:
            continue
        if backwards and lw in ("course", "track") and i + 1 < len(words) and words[i + 1].lower() == "on":
            return "future"  # "is on course to dock on Saturday", "on track to open in May"
        if lw in _FORECAST and backwards and i > 0 and words[i - 1].lower() in ("for", "to"):
            # "rain is forecast for Tuesday", "is projected to peak on Friday" (not "he forecast on Monday that ..."),
            # unless told as past ("was forecast for Tuesday": a forecast that has mostly come and gone)
            return "past" if {x.lower() for x in words[i + 1:i + 3]} & {"had", "was", "were"} else "future"
        if lw in _FUT_WORDS:
            if backwards and lw in _PLAN_PARTICIPLES and {x.lower() for x in words[i + 1:i + 3]} & {"had", "was", "were"}:
                return "past"  # "had been scheduled for Tuesday", "was expected on Monday": a plan told as past
            if lw == "set" and not (i > 0 and not backwards and False):
                # "set to" / "is set for": only future when followed (in text order) by to/for
                nxt = words[i - 1].lower() if backwards and i > 0 else (words[i + 1].lower() if not backwards and i + 1 < len(words) else "")
                if nxt not in ("to", "for"):
                    continue
            if lw in ("may",) and w[0].isupper():
                continue
            return "future"
        if lw in _MODALS and w[0].islower() and i < modal_reach:
            # "could be exhausted by Friday", "would likely be made Tuesday": a modal ahead of the dated verb
            # looks forward, unless it looks back ("could have been", "would have"; a denial in the clause
            # has already set modal_reach to 0)
            after = words[i - 1].lower() if i > 0 else ""
            if after not in ("have", "'ve"):
                return "future"
        if lw in _SCHEDULED_PRESENT and w[0].islower():
            return "future"
        if (backwards and lw in _SCHEDULED_PLURAL and w[0].islower() and i + 1 < len(words)
                and words[i + 1].lower().endswith("s") and words[i + 1].lower() not in _NOT_PLURAL_SUBJECT
                and len(words[i + 1]) > 3):
            return "future"
        if backwards and lw in ("have", "has") and i > 0 and words[i - 1].lower() == "to":
            return "future"  # "they have to leave by Friday": an obligation still ahead ("had to leave" is past)
        if lw in _PRES_WORDS:
            return "present"
        past = lw in _PAST_WORDS or (len(lw) > 4 and lw.endswith("ed") and lw not in NOT_PAST and not lw.endswith("eed"))
        if past and w[0].islower() or lw in ("was", "were", "had", "did", "said", "last", "earlier", "yesterday") and past:
            # a participle after be/to/will is passive or infinitival, not a past-tense verb ("will be held")
            prev = words[i + 1].lower() if backwards and i + 1 < len(words) else (words[i - 1].lower() if not backwards and i > 0 else "")
            if prev in _BE and lw not in ("was", "were", "had", "did"):
                if prev in ("will", "to"):
                    return "future"
                continue
            if prev in _MODALS and lw in _BARE_AS_PAST:
                return "future"  # "they may hit the links again on Wednesday": a bare verb after a modal
            return "past"
    return None


_ASIDE_BEFORE_DATE = re.compile(r",\s*(?:which|who|whose|where)\b[^,;]*,\s*((?:on|by|until|from|at|in|before|after)\s*)?$")
# "was due to" and a verb, then the dated verb's own words (no clause of another verb between)
_DUE_AHEAD = re.compile(r"\b(?:was|were)\s+due\s+to\s+[a-z]+\b(?:(?!\b(?:who|which|that|after|before|when|while|"
                        r"since|because|as)\b)[^.;:])*$", re.IGNORECASE)
# words after a plan's day that say it did not happen then (read to the end of the sentence)
_PLAN_UNDONE = re.compile(r"[^.!?]*?\b(?:but|however|instead|postponed|delayed|cancel+ed|called\s+off|put\s+off|"
                          r"pushed\s+back|scrapped|abandoned)\b", re.IGNORECASE)
_ATTRIBUTION_AFTER = re.compile(r"\s*,\s*(?:[\w.'’-]+\s+){0,6}(?:said|says|say|told|added|reported|announced)\b",
                                 re.IGNORECASE)
_PLAN_PARTICIPLES = {"scheduled", "planned", "expected", "due", "set", "slated"}
FAR_CLAUSE_WORDS = 24  # how far back in its clause a date's verb is looked for when none is near

_SENT_END = re.compile(r"[.!?][\"')]*\s+(?=[A-Z\"])")


class _Ctx:
    def __init__(self, text: str, anchor: dt.date | None):
        self.text = text
        self.anchor = anchor
        self.dct = anchor or dt.date(2000, 6, 14)  # a Wednesday; values are masked when anchor is None
        self.ref: tuple[dt.date, str] | None = None  # most recent mentioned date (for anaphora)
        self.ref_day: dt.date | None = None  # most recent mentioned day (a year or month in between is not one)
        self._day_years: dict[tuple[int, int], int] | None = None
        self._may_is_a_name: bool | None = None

    @property
    def day_years(self) -> dict[tuple[int, int], int]:
        """(month, day) -> the year the article settles for it; scanned once, when a date first needs it."""
        if self._day_years is None:
            self._day_years = _known_day_years(self.text, self.dct)
        return self._day_years

    @property
    def may_is_a_name(self) -> bool:
        """Does the text name someone May ("Theresa May", "Prime Minister May", "Mrs. May")? Then a bare
        "May" after "and" or "to" is that person, not the month."""
        if self._may_is_a_name is None:
            self._may_is_a_name = bool(_MAY_NAMED.search(self.text))
        return self._may_is_a_name

    # tense of the clause around [start, end)
    def tense(self, start: int, end: int, near: bool = False) -> str | None:
        """'past', 'future' or None (present / unknown) from the verbs nearest the expression; with ``near``,
        also 'near' for the day of an act asked for or agreed to (see _directive_infinitive)."""
        text = self.text
        lo = max(0, start - 300)
        left = text[lo:start]
        cut = max(left.rfind("\n") + 1, max((m.end() for m in _SENT_END.finditer(text[lo:start + 1])), default=0))
        left = left[cut:]
        # a relative clause set off by commas right before the date is an aside: the date is the main verb's
        # ("will dock with the station, which orbits 400 km above Earth, on Saturday")
        left = _ASIDE_BEFORE_DATE.sub(" ", left)
        right = text[end:end + 200]
        m = re.search(r"[.!?;](?:\s|$)|\n", right)
        right = right[: m.start()] if m else right
        lw = _WORD.findall(left)[-10:]
        rw = _WORD.findall(right)[:6]
        # a modal counts in the expression's own clause (no comma between); not for a possessive ("around
        # Wednesday's ruling": the ruling is done), nor in a denial ("neither could be located Wednesday",
        # "could not be reached Friday": news says that of the past)
        # (a thousands separator is no clause break: "would send shelter for 10,000 families on Friday")
        clause = re.split(r",(?!\d{3}(?!\d))|[;:()\u2013\u2014]|\s-\s", left)[-1]
        reach = len(_WORD.findall(clause))
        if re.match(r"['\u2019]s\b", text[end:end + 3]) or _DENIAL.search(clause):
            reach = 0
        t = _scan_tense(list(reversed(lw)), backwards=True, modal_reach=reach)
        possessive = re.match(r"['\u2019]s\s+(\w+)", text[end:end + 20])
        if _set_for_day(lw) or (possessive and possessive.group(1).lower() in _PLANNED_AFTER):
            t = "near"  # the day an event is set for ("a strike for Thursday", "Thursday's planned strike")
        if lw and lw[-1].lower() in _SETTING_VERBS and rw[:1] and rw[0].lower() in ("a", "an", "as"):
            t = "near"  # "declared Wednesday a day of national mourning": the day set, not the day of setting it
        if t != "future" and _starts_on_day_set(lw):
            t = "near"  # "declared three days of mourning starting on Wednesday": the day set, ahead of setting it
        if t in (None, "present") and lw and lw[-1].lower() == "from" and not possessive:
            t = "future"  # "residents face water rationing from Monday", "the ban applies from Monday": a start ahead
            # (not a day's event: "The death toll from Monday's explosion rose to three")
        if t == "past" and _DUE_AHEAD.search(clause):
            # "was due to visit the area on Wednesday": the wire's past of a plan is still ahead of the report;
            # one the report goes on to undo is read as a day set for an act ("talks that were due to begin on
            # Monday have been postponed to Thursday", in Sunday's report: the Monday ahead, not the tense of the words
            # that undo it), unless the report comes just after that day
            if _PLAN_UNDONE.match(text, end, end + 200):
                return "near" if near else None
            t = "future"
        if t is None and not _ATTRIBUTION_AFTER.match(right):
            # (not the verb of an attribution after the clause: "... to hold talks in Geneva on Monday, Swiss mediators
            # said" is said in the past of talks still ahead)
            t = _scan_tense(rw, backwards=False)
        if t is None and reach > len(lw):
            # a long object between the verb and its day, with no comma: "would declare the area a disaster
            # zone at a cabinet meeting on Tuesday": the clause's verb, further back
            far = _WORD.findall(clause)[-FAR_CLAUSE_WORDS:]
            t = _scan_tense(list(reversed(far)), backwards=True, modal_reach=reach)
        if t == "near":
            return t if near else None
        return t if t in ("past", "future") else None

    def ref_or_dct(self, start: int) -> tuple[dt.date, str]:
        if self.ref is not None:
            return self.ref
        return self.dct, "day"


# --------------------------------------------------------------------------- resolution helpers


# Nouns of things that happen without being scheduled: a month and day naming one ("the Jan. 6 riot", "the
# Aug. 4 blast") names a day gone by, however near the same day of next year is.
_HAPPENED_NOUNS = (r"(?:riots?|attacks?|insurrection|siege|shootings?|bombings?|massacres?|crash(?:es)?|explosions?|"
                   r"blasts?|fires?|earthquakes?|quakes?|storms?|hurricanes?|floods?|killings?|murders?|raids?|coup|"
                   r"uprising|assaults?|ambush|stabbings?|collapse|derailment|invasion|spill|outage|leak)")
_DAY_WITH_YEAR = re.compile(rf"{MONTH_CS}\s+{DAY},?\s+{YEAR}")
_DAY_OF_HAPPENING = re.compile(rf"{MONTH_CS}\s+{DAY}\s+{_HAPPENED_NOUNS}\b", re.I)


def _known_day_years(text: str, dct: dt.date) -> dict[tuple[int, int], int]:
    """The year an article gives a month and day that it also writes without one: the year written beside
    it elsewhere ("Jan. 6, 2021" ... "the Jan. 6 committee"), or, for the day of something that happened
    ("the Jan. 6 riot"), the last such day up to the report. One article means one day by one month and
    day; a month and day written with two different years is left to each mention."""
    years: dict[tuple[int, int], set[int]] = {}
    for m in _DAY_WITH_YEAR.finditer(text):
        years.setdefault((_month_num(m.group("month")), int(m.group("day"))), set()).add(int(m.group("year")))
    out = {k: next(iter(v)) for k, v in years.items() if len(v) == 1}
    for m in _DAY_OF_HAPPENING.finditer(text):
        key = (_month_num(m.group("month")), int(m.group("day")))
        if key in years:
            continue
        d = _safe_date(dct.year, *key)
        if d is not None:
            out.setdefault(key, dct.year if d <= dct else dct.year - 1)
    return out


# "since" before a date, or before a phrase holding it ("since taking office in January"): a day gone by
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end|beginning|middle)\s+of|taking\s+office\s+in|"
                           r"[a-z]+ing\s+(?:\w+\s+){0,2}in)\s+)?(?:-\s*)?$", re.I)


# "June and July of 2009", "from March to May 2009", "March 3 and April 5, 2009": the year written after the
# last of coordinated months (or dates) is the year of each
_SHARED_YEAR = re.compile(
    rf"\s*(?:,\s*)?(?:and|or|to|through|until|till|-|\u2013)\s+(?:{_MONTH_FULL}|{_MONTH_ABBR})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?"
    rf"\s+(?:of\s+)?((?:1[5-9]|20)\d\d)\b(?![\d%])")


def _shared_year(ctx: _Ctx, end: int) -> int | None:
    m = _SHARED_YEAR.match(ctx.text, end)
    return int(m.group(1)) if m else None


def _after_since(ctx: _Ctx, start: int) -> bool:
    return bool(_SINCE_BEFORE.search(ctx.text, max(0, start - 40), start))


PAST_AHEAD_WEIGHT = 3.0  # a month ahead of the report told in the past tense counts as this much farther
# (a reporting verb in the past may still announce a month ahead: "said sales would rise in July"; another past
# verb does not: "In July, the North launched ...", which weighs it 4 times as much)
_REPORTING_PAST = frozenset({"said", "told", "announced", "reported", "added", "stated", "wrote", "predicted",
                             "expected", "planned", "forecast", "warned", "promised", "pledged", "vowed"})


def _nearest_year_for(month: int, day: int | None, ctx: _Ctx, tense: str | None, gone_by: bool = False) -> int:
    """The year nearest the report for a month (and day) without one, weighing the tense; ``gone_by`` (the
    date follows "since") leaves out the years in which it lies after the report."""
    a = ctx.dct
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        if day is None:
            start = dt.date(y, month, 1)
            end = start + relativedelta(months=1) - dt.timedelta(days=1)
        else:
            start = end = _safe_date(y, month, day) or dt.date(y, month, 28)
        if gone_by and start > a:
            continue
        if start <= a <= end:
            dist = 0.0
        elif end < a:
            dist = (a - end).days * (3.0 if tense == "future" else 1.0)
        else:
            dist = (start - a).days * (1.0 if tense == "future" else PAST_AHEAD_WEIGHT if tense == "past"
                                       else 4 * PAST_AHEAD_WEIGHT if tense == "narrated" else 1.5)
        cands.append((dist, y))
    if not cands:
        return a.year
    return min(cands)[1]


def _weekday_date(wd: int, ctx: _Ctx, tense: str | None, rel: str = "") -> dt.date:
    a = ctx.dct
    diff = wd - a.weekday()
    if rel in ("last", "previous", "this past", "past"):
        back = (a.weekday() - wd) % 7 or 7
        return a - dt.timedelta(days=back)
    if rel in ("next", "coming", "this coming", "following"):
        fwd = diff % 7 or 7
        return a + dt.timedelta(days=fwd)
    if rel == "this":
        return a + dt.timedelta(days=diff)
    if tense == "future":
        return a + dt.timedelta(days=diff % 7)
    if tense == "near":
        # asked for before that day: mostly a day to come, unless the report is written just after it ("urged
        # both sides to meet on Friday" on a Saturday is yesterday's meeting)
        ahead, back = diff % 7, (-diff) % 7
        return a - dt.timedelta(days=back) if back < ahead and back <= 1 else a + dt.timedelta(days=ahead)
    return a - dt.timedelta(days=(-diff) % 7)


def _season_date(code: str, year: int) -> dt.date:
    return dt.date(year, SEASON_START[code], 1)


def _season_resolve(code: str, ctx: _Ctx, rel: str, tense: str | None) -> int:
    a = ctx.dct
    # the season containing the anchor: (code, year-of-start)
    def contains(y: int) -> bool:
        s = _season_date(code, y)
        return s <= a < s + relativedelta(months=3)
    cands = [a.year - 2, a.year - 1, a.year, a.year + 1]
    if rel in ("this", "current", "") and tense is None or rel in ("this", "current"):
        for y in cands:
            if contains(y):
                return y
        if rel in ("this", "current"):
            # "this summer" said in spring: the one of this year (winter: the coming one)
            return a.year if code != "WI" or a.month >= 3 else a.year - 1
    past = [y for y in cands if _season_date(code, y) + relativedelta(months=3) <= a]
    fut = [y for y in cands if _season_date(code, y) > a]
    if rel in ("last", "past", "previous"):
        return max(past)
    if rel in ("next", "coming"):
        return min(fut)
    if tense == "future":
        return min([y for y in cands if _season_date(code, y) + relativedelta(months=3) > a])
    cur = [y for y in cands if contains(y)]
    if cur and tense is None:
        return cur[0]
    started = [y for y in cands if _season_date(code, y) <= a]
    return max(started)


def _quarter_year(q: int, ctx: _Ctx, tense: str | None) -> int:
    a = ctx.dct
    start_this = dt.date(a.year, 3 * q - 2, 1)
    if start_this <= a or tense == "future":
        return a.year
    return a.year - 1


# --------------------------------------------------------------------------- handlers
# each handler: (match, ctx) -> (type, value, mod, kind) or None; kind in abs|md|wd|rel|ref(anaphoric)


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _year_num(s: str) -> int:
    if s.startswith("'"):
        y = int(s[1:])
        return 1900 + y if y >= 30 else 2000 + y
    return int(s)


def _edge_mod(m: re.Match) -> str:
    e = _g(m, "edge")
    if not e:
        return ""
    last = e.lower().replace("the ", "").split()[0]
    return EDGE_MOD.get(last, "")


def h_full_date(m, ctx):
    mon = _month_num(m.group("month"))
    day = int(m.group("day"))
    y = _g(m, "year")
    if y:
        d = _safe_date(_year_num(y), mon, day)
        return ("DATE", d.isoformat(), "", "abs") if d else None
    wd = _g(m, "wd")
    tense = ctx.tense(m.start(), m.end())
    year = (_shared_year(ctx, m.end()) or ctx.day_years.get((mon, day))
            or _nearest_year_for(mon, day, ctx, tense, _after_since(ctx, m.start())))
    if wd and ctx.anchor:
        # a weekday next to the date picks the year whose calendar agrees
        want = WEEKDAYS[wd.lower().rstrip(".")]
        for y2 in (year, year - 1, year + 1):
            d2 = _safe_date(y2, mon, day)
            if d2 and d2.weekday() == want:
                year = y2
                break
    d = _safe_date(year, mon, day)
    if d is None:
        return None
    return "DATE", d.isoformat(), "", "md"


def h_numeric_date(m, ctx):
    s = m.group(0)
    parts = re.split(r"[-/.]", s)
    try:
        if len(parts[0]) == 4:
            y, mo, d = int(parts[0]), int(parts[1]), int(parts[2])
        else:
            mo, d, y = int(parts[0]), int(parts[1]), int(parts[2])
            if mo > 12 and d <= 12:
                mo, d = d, mo
            if y < 100:
                y += 1900 if y >= 30 else 2000
    except (ValueError, IndexError):
        return None
    date = _safe_date(y, mo, d)
    return ("DATE", date.isoformat(), "", "abs") if date else None


def h_month_rel_year(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    n = _REL_SHIFT.get(rel, 0)
    if rel.startswith("the "):
        base, _ = ctx.ref_or_dct(m.start())
        kind = "ref"
    else:
        base, kind = ctx.dct, "rel"
    y = base.year + n
    mon = _month_num(m.group("month"))
    day = _g(m, "day")
    if day:
        d = _safe_date(y, mon, int(day))
        return ("DATE", d.isoformat(), "", kind) if d else None
    return "DATE", f"{y:04d}-{mon:02d}", _edge_mod(m), kind


def h_month_year(m, ctx):
    mon = _month_num(m.group("month"))
    y = _year_num(m.group("year"))
    return "DATE", f"{y:04d}-{mon:02d}", _edge_mod(m), "abs"


# a title or a capitalised first name right before "May" (not a word that puts a month in a sentence)
_MAY_NAMED = re.compile(
    r"\b(?:Mrs?\.|Ms\.|Miss|Dr\.|Minister|Premier|Secretary|Senator|Sen\.|Rep\.|Governor|Gov\.|Mayor|Judge|"
    r"(?!(?:In|On|By|Since|Until|Till|Through|From|During|Before|After|Last|Next|This|Early|Late|Mid|Each|Every|"
    r"And|Or|Of|For|To|At|The|Then|Also|Between|Around|Only)\b)[A-Z][a-z]{2,})\s+May\b(?![\s,]+\d)")
# words that put a month in a sentence even in a story of someone called May
_MONTH_PREP = re.compile(r"\b(?:in|since|until|till|through|during|by|before|after|early|late|mid|last|next|this|of|"
                         r"between|from|each|every)[\s-]+$", re.I)
_MONTH_PRE_OK = re.compile(
    r"(?:\b(?:in|of|since|until|till|through|during|from|to|by|before|after|early|late|mid|last|next|this|and|or|between|"
    r"end|beginning|start|middle|each|every|until|on|For|for)[\s-]+|,\s*)$", re.I)


def h_month(m, ctx):
    word = m.group("month")
    rel = (_g(m, "rel") or "").lower()
    edge = _g(m, "edge")
    low = word.lower().rstrip(".")
    if re.match(r"-[^\W\d_]", ctx.text[m.end():m.end() + 2]):
        return None  # part of a hyphenated name: "Mar-a-Lago", "May-December"
    if low in ("may", "march", "mar") or word.endswith(".") is False and low in ("jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"):
        before = ctx.text[max(0, m.start() - 20):m.start()]
        if not (rel or edge or _MONTH_PRE_OK.search(before)):
            return None
        if low == "may" and re.match(r"\s+(?:be|have|not|also|well|still|never|soon|need|want|take|get|make|do)\b", ctx.text[m.end():]):
            return None
        if low == "may" and word[0] == "M" and ctx.may_is_a_name and not (rel or edge or _MONTH_PREP.search(before)):
            return None  # "Trump and May last met", "turning to speak to May" in a story of Theresa May
    mon = _month_num(word)
    a = ctx.dct
    if rel in ("last", "past", "previous"):
        year = a.year if mon < a.month else a.year - 1
    elif rel in ("next", "coming"):
        year = a.year if mon > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "past":
            # narrated in the past by a verb that is not one of reporting: the month is gone by, however near
            # the same month of next year is ("sales rose in July" in an April report is last July)
            left = _WORD.findall(ctx.text[max(0, m.start() - 80):m.start()])[-6:]
            right = _WORD.findall(ctx.text[m.end():m.end() + 120])[:6]
            verb = next((w for w in list(reversed(left)) + right
                         if w.islower() and (w in _PAST_WORDS or w.endswith("ed"))), "")
            if verb and verb not in _REPORTING_PAST:
                tense = "narrated"
        year = _shared_year(ctx, m.end()) or _nearest_year_for(mon, None, ctx, tense, _after_since(ctx, m.start()))
    return "DATE", f"{year:04d}-{mon:02d}", _edge_mod(m), "md"


_YEAR_FOLLOW_BAD = re.compile(
    r"\s*(?:[a-z]+s\b(?<!was)(?<!has)(?<!is)(?<!as)(?<!its)(?<!this)(?<!plus)(?<!thus)(?<!his)(?<!us)(?<!across)(?<!towards)"
    r"(?<!unless)(?<!whereas)(?<!besides)|%|percent|"
    r"(?:million|billion|people|men|women|troops|feet|miles|meters|metres|tons|kilometers|yards|dollars|euros|pounds|"
    r"yen|points|times|units|children|acres|km|kg|m|ft)\b)")


_CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|Z\b|[ECMP][SD]T\b|CES?T\b|BST\b|hrs\b|hours\b|local\s+time\b|h\b)")


def h_year(m, ctx):
    y = _year_num(m.group("year"))
    pre = ctx.text[max(0, m.start() - 12):m.start()]
    after = ctx.text[m.end():m.end() + 16]
    if re.search(r"[$£€#]\s*$|\d[,.]?$|No\.\s*$|[Nn]umber\s*$|[Pp]age\s*$|[Ff]light\s*$|[Rr]oute\s*$", pre):
        return None
    if not m.group("year").startswith("'") and _YEAR_FOLLOW_BAD.match(after) and not _g(m, "fiscal"):
        return None
    if re.match(r"\s*[-/]\s*\d{1,2}[-/]\d", after) or re.match(r":\d", after):
        return None
    if _CLOCK_AFTER.match(after):  # "1600 GMT", "1800 hours": a clock time
        return None
    if not m.group("year").startswith("'") and not (1600 <= y <= ctx.dct.year + 60):
        if not re.search(r"\b(?:in|of|since|year|from|until|by)\s+$", pre, re.I):
            return None
    return "DATE", f"{y:04d}", _edge_mod(m), "abs"


def h_decade(m, ctx):
    d = m.group("dec")
    if d.startswith("'") or len(d) == 2:
        d2 = int(d.lstrip("'"))
        century = 19 if d2 >= 30 else 20
        val = f"{century}{d2 // 10}"
    else:
        val = d[:3]
    if d.endswith("00") and len(d) == 4:  # "the 1800s" is a century
        val = d[:2]
    return "DATE", val, _edge_mod(m), "abs"


def h_century(m, ctx):
    o = m.group("ord").lower()
    n = ORDINALS.get(o)
    if n is None:
        mm = re.match(r"(\d+)", o)
        if not mm:
            return None
        n = int(mm.group(1))
    return "DATE", f"{n - 1:02d}", _edge_mod(m), "abs"


def h_this_century(m, ctx):
    rel = m.group("rel").lower()
    c = ctx.dct.year // 100 + (-1 if rel in ("last", "previous", "past") else 1 if rel == "next" else 0)
    return "DATE", f"{c:02d}", "", "rel"


# the same moment converted to another zone, in brackets after a day: "6:10 a.m. Wednesday (4:10 p.m. ET Tuesday)"
ZONE_CONVERSION = r"\s*\(\s*[^()]{0,30}?\b(?:GMT|UTC|ET|PT|CT|MT|[A-Z]{2,3}T)\b[^()]{0,20}\)"


# A date that a record, a first or an nth is measured against ("the highest level since November 1981", "its biggest
# move since 1994", "for the first time since 2010", "faster than at any time since 2008", "its fifth increase since
# October") is when the thing
# last happened, not when the sentence's event did: the sentence is about now. (Not "at least 15 ... since
# 1994", a count over a span.) Matched on the text up to the date, "since" included.
_SUPERLATIVE = (r"(?:highest|lowest|biggest|largest|smallest|fastest|slowest|worst|best|(?<!at )(?:most|least)|strongest|"
                r"weakest|steepest|sharpest|deepest|longest|shortest|hottest|coldest|warmest|wettest|driest|heaviest|"
                r"greatest|deadliest|busiest|cheapest|widest|narrowest|first|record|any(?:\s+other)?\s+(?:time|point|year|month)|"
                # (a count of events since then: "its fifth increase since October", "the 12th attack since 2019")
                r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))")
RECORD_SINCE = re.compile(
    rf"\b{_SUPERLATIVE}\b[^.;:!?]{{0,60}}?\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end|beginning|middle)\s+of)\s+)?$",
    re.IGNORECASE)
# ... or a clause the record is measured from, dated: "the largest protest since the government took office in 2029",
# "the deadliest attack since the war ended in 1995", "the highest since records began in 1881" (the clause tells a past
# event, not the sentence's; not "for the first time since 1998 on Saturday", whose Saturday is the event's)
RECORD_SINCE_CLAUSE = re.compile(
    rf"\b{_SUPERLATIVE}\b[^.;:!?]{{0,60}}?\bsince\s+(?:the|a|an|its|his|her|their|records|record-keeping|measurements|"
    rf"(?-i:[A-Z])\w*)\s+\w+\b[^.;:!?,]{{0,60}}?"
    rf"\s(?:in|on|at|during)\s+(?:(?:early|late|mid)\s+)?$", re.IGNORECASE)
# "on Wednesday local time", "6:10 a.m. Wednesday, Tokyo time", or such a bracket: the day where it happened
LOCAL_TIME_AFTER = re.compile(r"\s*[,(]?\s*(?:local|[A-Z][a-z]+)\s+time\b|" + ZONE_CONVERSION)


def _local_day_ahead(wd: int, ctx: "_Ctx", end: int) -> dt.date | None:
    """The day after the report's, for a weekday told in the place's own time that is the report's next day:
    an event in a time zone ahead of the report's ("struck off Japan early on Wednesday local time" in
    Tuesday's New York paper) happened hours ago, not six days ago."""
    if (wd - ctx.dct.weekday()) % 7 == 1 and LOCAL_TIME_AFTER.match(ctx.text, end):
        return ctx.dct + dt.timedelta(days=1)
    return None


def h_weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    tense = None if rel else ctx.tense(m.start(), m.end(), near=True)
    if rel.startswith("the ") or rel in ("previous", "following"):
        base, _ = ctx.ref_or_dct(m.start())
        sub = _Ctx(ctx.text, base)
        d = _weekday_date(wd, sub, None, rel.replace("the ", ""))
        pod = _g(m, "pod")
        if pod:
            return "TIME", d.isoformat() + "T" + PART_OF_DAY[pod.lower()], "", "ref"
        return "DATE", d.isoformat(), "", "ref"
    d = (None if rel else _local_day_ahead(wd, ctx, m.end())) or _weekday_date(wd, ctx, tense, rel)
    pod = _g(m, "pod")
    mod = _edge_mod(m)
    if pod:
        return "TIME", d.isoformat() + "T" + PART_OF_DAY[pod.lower()], mod, "wd"
    return "DATE", d.isoformat(), mod, "wd"


_DAYWORD = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


# "Today ... tomorrow ..." set against each other, each opening its clause ("Today they have come for the journalists.
# Tomorrow they will come for everyone else", "today it is us, tomorrow it will be you"): the now and the future in
# general, no calendar day
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?;:,\n]\s*[\"“'‘]?|[\"“'‘])\s*$")
_PARALLEL_DAYWORD = {"today": re.compile(r"(?:^|[.!?;:,\n\"“'‘]\s*)tomorrow\b", re.IGNORECASE),
                     "tomorrow": re.compile(r"(?:^|[.!?;:,\n\"“'‘]\s*)today\b", re.IGNORECASE)}
PARALLEL_REACH = 150  # characters between the two words


def _parallel_dayword(w: str, m: re.Match, ctx) -> bool:
    """Is ``w`` ("today" or "tomorrow") one of a pair that sets the present against the future in general?"""
    other = _PARALLEL_DAYWORD.get(w)
    if other is None or not _CLAUSE_OPENING.search(ctx.text, max(0, m.start() - 3), m.start()):
        return False
    lo, hi = max(0, m.start() - PARALLEL_REACH), min(len(ctx.text), m.end() + PARALLEL_REACH)
    for o in other.finditer(ctx.text, lo, hi):
        first, last = min(o.end(), m.start()), max(o.start(), m.end())
        if "\n" in ctx.text[first:last] or any(q in ctx.text[first:last] for q in '"“”'):
            continue
        # (in one quotation: a speaker's rhetoric; a report's own "Today the team rests. Tomorrow it flies to
        # Lisbon" is its itinerary)
        line = ctx.text[ctx.text.rfind("\n", 0, first) + 1:first]
        if line.count('"') % 2 == 1 or line.rfind("“") > line.rfind("”"):
            return True
    return False


def h_dayword(m, ctx):
    w = m.group("dw").lower()
    w = re.sub(r"\s+", " ", w)
    if _parallel_dayword(w, m, ctx) and not _g(m, "pod"):
        return "DATE", "PRESENT_REF" if w == "today" else "FUTURE_REF", "", "rel"
    if w == "the day before yesterday":
        off = -2
    elif w == "the day after tomorrow":
        off = 2
    else:
        off = _DAYWORD[w]
    d = ctx.dct + dt.timedelta(days=off)
    pod = _g(m, "pod")
    if w == "tonight":
        pod = pod or "night"
    mod = _edge_mod(m) or (EDGE_MOD.get((_g(m, "ea") or "").lower(), ""))
    if pod:
        return "TIME", d.isoformat() + "T" + PART_OF_DAY[pod.lower()], mod, "rel"
    return "DATE", d.isoformat(), mod, "rel"


def h_this_pod(m, ctx):
    rel = m.group("rel").lower()
    pod = m.group("pod").lower()
    d = ctx.dct - dt.timedelta(days=1) if rel == "last" else ctx.dct
    if rel == "last" and pod != "night":
        d = ctx.dct - dt.timedelta(days=1)
    return "TIME", d.isoformat() + "T" + PART_OF_DAY[pod], _edge_mod(m) or EDGE_MOD.get((_g(m, "ea") or "").lower(), ""), "rel"


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the moment": "PRESENT_REF", "at this time": "PRESENT_REF", "so far": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF", "in the past": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "shortly": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming years": "FUTURE_REF", "the years ahead": "FUTURE_REF",
    "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF", "recent days": "PAST_REF",
    "recent decades": "PAST_REF", "the coming months": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the months ahead": "FUTURE_REF", "the days ahead": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF", "the past few years": "PAST_REF",
}


def h_ref(m, ctx):
    w = re.sub(r"\s+", " ", m.group(0).lower())
    if w.endswith("recently"):
        return "DATE", "PAST_REF", "", "rel"
    if re.search(r"\b(?:coming|future)\b", w):
        return "DATE", "FUTURE_REF", "", "rel"
    if re.match(r"(?:the )?(?:past|last|recent) ", w) and w not in _REFS:
        return "DATE", "PAST_REF", "", "rel"
    if w in ("recent", "future"):
        # adjectives: only when modifying a time-ish or event noun, not "future generations"?
        nxt = ctx.text[m.end():m.end() + 20]
        if w == "future" and not re.match(r"\s*(?:[,.;]|$)", nxt):
            return None
    if w == "once":
        return None
    if w == "earlier":
        return None
    return "DATE", _REFS[w], "", "rel"


_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1,
              "the last": -1, "the past": -1, "the previous": -1, "the current": 0, "the next": 1, "the coming": 1,
              "the following": 1, "the same": 0, "that": 0, "the preceding": -1, "the prior": -1, "prior": -1,
              "this past": -1, "this coming": 1, "the latest": -1, "latest": -1, "the new": 1}


def h_rel_unit(m, ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = _unit_key(m.group("unit"))
    n = _REL_SHIFT[rel]
    anaphoric = rel in ("the previous", "the following", "the same", "that", "the preceding", "the prior", "previous", "following", "prior")
    # "the next day" is the day after the one the narrative is at ("on Thursday night ... regained clearance
    # the next day"), like "the following day"; "next week" counts from the report
    anaphoric = anaphoric or (rel == "the next" and unit == "day")
    mod = _edge_mod(m) or EDGE_MOD.get((_g(m, "ea") or "").lower(), "")
    if anaphoric:
        base, bgran = ctx.ref_or_dct(m.start())
        kind = "ref"
    else:
        base, bgran, kind = ctx.dct, "day", "rel"
    if unit == "weekend":
        if n == 0:
            d = base
        else:
            d = base + dt.timedelta(days=7 * n)
        return "DATE", fmt(d, "weekend"), mod, kind
    if unit == "quarter" and rel in ("the latest", "latest"):
        n = -1
    if unit in ("hour", "minute", "second"):
        return None
    if unit == "day":
        if rel in ("the next", "the following", "next", "following"):
            d = base + dt.timedelta(days=1)
        elif rel in ("the previous", "the preceding", "the prior", "previous", "prior"):
            d = base - dt.timedelta(days=1)
        elif rel in ("the same", "that"):
            d = base
        else:
            return None
        return "DATE", d.isoformat(), mod, kind
    if unit == "millennium":
        return None
    if rel in ("the next", "the coming", "the past", "the last") and unit in ("week", "month", "year", "decade") \
            and not mod and _SPAN_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        # "could follow over the next week", "fell in the past month": a span counted from the report, no
        # calendar week or month
        return "DURATION", f"P1{_DURATION_CODE[unit]}", "", kind
    d = shift(base, unit, n)
    return "DATE", fmt(d, unit), mod, kind


_SPAN_BEFORE = re.compile(r"\b(?:over|within|during|throughout)\s+$", re.IGNORECASE)
_DURATION_CODE = {"week": "W", "month": "M", "year": "Y", "decade": "0Y"}


def h_this_season(m, ctx):
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    code = SEASONS[m.group("season").lower()]
    y = _g(m, "year")
    if y:
        return "DATE", f"{_year_num(y):04d}-{code}", _edge_mod(m), "abs"
    rel = rel.replace("the ", "").replace("this past", "last").replace("this coming", "next")
    word = m.group("season").lower()
    if not rel and not _g(m, "edge") and not _g(m, "ea") or rel == "the":
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        after = ctx.text[m.end():m.end() + 12]
        if word in ("fall", "spring") and not re.search(r"\b(?:in|during|since|until|by|through|this|last|next|early|late|mid|before|after)\s+(?:the\s+)?$", before):
            return None
        if re.match(r"\s+of\s+(?!\d)", after) or re.match(r"\s*(?:-|\w)", after) and not re.match(r"\s+(?:and|or|to|in|of\s+\d|when|at|for|is|was|the|[A-Z])", after):
            if not re.match(r"[,.;:)]|\s*$", after):
                return None
    tense = ctx.tense(m.start(), m.end()) if rel in ("", "this") else None
    year = _season_resolve(code, ctx, rel, tense)
    return "DATE", f"{year:04d}-{code}", _edge_mod(m), "rel"


def h_ago(m, ctx):
    unit = _unit_key(m.group("unit"))
    n = _num(_g(m, "num"))
    direction = m.group("dir").lower()
    mod = AMOD.get(re.sub(r"\s+", " ", (_g(m, "amod") or "").lower()), "")
    if mod == "LESS_THAN" and (_g(m, "amod") or "").lower() in ("nearly", "almost"):
        mod = "APPROX"
    if unit in ("hour", "minute", "second"):
        # relative to the DCT at day granularity is the best we can say without a clock
        return "DATE", ctx.dct.isoformat() if n is not None else "PAST_REF", mod, "rel"
    if n is None:
        ref = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
        return "DATE", ref, mod, "rel"
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "prior") else 1
    if unit == "weekend":
        unit = "week"
    if direction in ("ago", "from now", "hence", "later today"):
        base, bgran, kind = ctx.dct, "day", "rel"
    else:
        base, bgran = ctx.ref_or_dct(m.start())
        kind = "ref"
    gran = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
            "decade": "year", "century": "year", "fortnight": "week", "millennium": "year"}.get(unit, "day")
    if unit == "year" and bgran in ("quarter", "month", "half", "day") and kind == "ref":
        gran = bgran if bgran != "day" else "year"
    if unit == "year" and kind == "rel" and ctx.ref is not None and ctx.ref[1] == "quarter" and n == 1:
        base, gran = ctx.ref[0], "quarter"
    if unit == "week" and n and n <= 2 and direction in ("ago",):
        gran = "day"  # (as TimeML annotates it) a day, but only roughly: "two weeks ago" is not to the day
        mod = mod or "APPROX"
    if not float(n).is_integer():
        if unit == "year":
            unit, n = "month", n * 12
            gran = "month"
        else:
            n = round(n)
    mult = {"decade": ("year", 10), "century": ("year", 100), "fortnight": ("week", 2), "millennium": ("year", 1000)}
    u, k = mult.get(unit, (unit, 1))
    d = shift(base, u, sign * int(n) * k)
    return "DATE", fmt(d, gran), mod, kind


def h_duration(m, ctx):
    unit = _unit_key(m.group("unit"))
    pre = (_g(m, "pre") or "").lower()
    if pre == "the" and not _g(m, "num") and unit == "day":
        return None
    if re.fullmatch(r"the\s+(?:full|entire|whole)", pre) and not _g(m, "num") and unit in ("year", "month", "week", "day"):
        base, gran = ctx.ref_or_dct(m.start())
        return "DATE", fmt(base, unit), "", "ref" if ctx.ref else "rel"
    if unit == "second" and not (_g(m, "num") or "")[:1].isdigit() and re.match(r"\s+(?!and\b|or\b|ago\b|later\b|earlier\b|before\b|after\b|of\b|to\b|in\b|for\b)[a-z]", ctx.text[m.end():m.end() + 12]):
        return None
    numtxt = _g(m, "num")
    after = ctx.text[m.end():m.end() + 20]
    before = ctx.text[max(0, m.start() - 25):m.start()]
    if re.match(r"[\s-]*old\b|\s+of\s+age\b|-old", after):
        return None
    if unit == "hour" and numtxt and re.fullmatch(r"[012]\d[0-5]\d", numtxt):  # "at 1800 hours": a clock time
        return None
    plural = m.group("unit").lower().endswith("s") or unit == "century" and m.group("unit").lower() == "centuries"
    n = _num(numtxt) if numtxt else (None if plural else 1.0)
    if numtxt is None and not _g(m, "pre") and not plural:
        return None
    if numtxt and numtxt.lower() in ("some", "many") and not plural:
        return None
    # "$5 a year", "twice a week", "per day" -> SET
    if numtxt and numtxt.lower() in ("a", "an") and re.search(r"(?:\d|\bmillion|\bbillion|\btimes|\bonce|\btwice|\bthrice|\bpercent|%)\S*\s*$", before):
        return "SET", duration_value(1, unit), "", "abs"
    mod = AMOD.get(re.sub(r"\s+", " ", (_g(m, "amod") or "").lower()), "")
    if unit == "quarter" and n is not None and numtxt and numtxt.lower() in ("a", "an") and not _g(m, "pre"):
        return None
    return "DURATION", duration_value(n, unit), mod, "abs"


def h_hyphen_duration(m, ctx):
    unit = _unit_key(m.group("unit"))
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"-old|\s+old\b", after):
        return None
    n = _num(m.group("num"))
    if m.group("num").lower() == "multi":
        n = None
    return "DURATION", duration_value(n, unit), "", "abs"


def h_bare_plural(m, ctx):
    unit = _unit_key(m.group("unit"))
    return "DURATION", duration_value(None, unit), "", "abs"


def h_set(m, ctx):
    s = re.sub(r"\s+", " ", m.group(0).lower())
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
               "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "annual": "P1Y", "bi-weekly": "P2W", "semiannual": "P6M"}
    if s in adverbs:
        if s in ("annual", "monthly", "weekly", "daily", "quarterly") and re.match(r"\s+(?:report|meeting|conference|summit|general|shareholder|budget|results?|earnings|rate|basis|average|income|sales|revenue|growth|loss|profit|salary|fee|dividend)", ctx.text[m.end():m.end() + 20], re.I) is None:
            if s == "annual":
                return None
        if s in ("quarterly",) and re.match(r"\s+(?:report|results?|earnings|dividend|profit|loss|sales|revenue)", ctx.text[m.end():m.end() + 20], re.I):
            return None
        return "SET", adverbs[s], "", "abs"
    wd = _g(m, "wd")
    if wd:
        return "SET", f"XXXX-WXX-{WEEKDAYS[wd.lower().rstrip('.')] + 1}", "", "abs"
    mon = _g(m, "month")
    if mon:
        return "SET", f"XXXX-{_month_num(mon):02d}", "", "abs"
    season = _g(m, "season")
    if season:
        return "SET", f"XXXX-{SEASONS[season.lower()]}", "", "abs"
    pod = _g(m, "pod")
    if pod:
        return "SET", f"XXXX-XX-XXT{PART_OF_DAY[pod.lower()]}", "", "abs"
    unit = _g(m, "unit")
    if unit:
        n = _num(_g(m, "num")) if _g(m, "num") else 1.0
        return "SET", duration_value(n, _unit_key(unit)), "", "abs"
    return None


def h_quarter(m, ctx):
    s = m.group(0).lower()
    y = _g(m, "year")
    mod = ""
    qword = _g(m, "q")
    half = "half" in s and "quarter" not in s
    if qword:
        ql = qword.lower()
        q = ORDINALS.get(ql) or ({"final": 4, "last": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}.get(ql))
        if q is None:
            mm = re.match(r"q?([1-4])", ql)
            q = int(mm.group(1)) if mm else None
    else:
        q = None
    if half:
        if q not in (1, 2):
            return None
        if y:
            return "DATE", f"{_year_num(y):04d}-H{q}", mod, "abs"
        a = ctx.dct
        year = a.year if (q == 1 or a.month >= 7) else a.year - 1
        if ctx.tense(m.start(), m.end()) == "future":
            year = a.year if (q == 2 or a.month <= 6) else a.year + 1
        return "DATE", f"{year:04d}-H{q}", mod, "md"
    if q is None:
        return None
    if y:
        return "DATE", f"{_year_num(y):04d}-Q{q}", mod, "abs"
    if "year-ago" in s or "year-earlier" in s or "year earlier" in s or "year ago" in s:
        return "DATE", f"{_quarter_year(q, ctx, None) - 1:04d}-Q{q}", mod, "rel"
    if ctx.ref is not None and ctx.ref[1] == "year" and abs(ctx.ref[0].year - ctx.dct.year) <= 1 and "fiscal" in s:
        return "DATE", f"{ctx.ref[0].year:04d}-Q{q}", mod, "ref"
    year = _quarter_year(q, ctx, ctx.tense(m.start(), m.end()))
    return "DATE", f"{year:04d}-Q{q}", mod, "md"


def h_month_range(m, ctx):
    """A quarter named by its first and last months ("the October-December period"); None for other runs."""
    first, last = _month_num(m.group("month")), _month_num(m.group("month2"))
    if last - first != 2 or first % 3 != 1:
        return None
    q = (first + 2) // 3
    if _g(m, "year"):
        return "DATE", f"{_year_num(_g(m, 'year')):04d}-Q{q}", "", "abs"
    year = _quarter_year(q, ctx, ctx.tense(m.start(), m.end()))
    return "DATE", f"{year:04d}-Q{q}", "", "md"


def h_the_quarter(m, ctx):
    """'the quarter', 'the latest quarter', 'the year-ago quarter', 'the year-earlier period'."""
    s = m.group(0).lower()
    if ctx.ref is not None and ctx.ref[1] == "quarter":
        base = ctx.ref[0]
        kind = "ref"
    else:
        base = shift(ctx.dct, "quarter", -1)
        kind = "rel"
        if "period" in s and ctx.ref is not None and ctx.ref[1] in ("year", "month", "half"):
            base = ctx.ref[0]
            if "year" in s:
                return "DATE", fmt(shift(base, "year", -1), ctx.ref[1]), "", "ref"
    if "year" in s:
        base = shift(base, "year", -1)
        kind = "ref"
    return "DATE", fmt(base, "quarter"), "", kind


def h_year_earlier(m, ctx):
    s = m.group(0).lower()
    if ctx.ref is not None and ctx.ref[1] in ("quarter", "month", "half"):
        return "DATE", fmt(shift(ctx.ref[0], "year", -1), ctx.ref[1]), "", "ref"
    base, gran = ctx.ref_or_dct(m.start())
    return "DATE", fmt(shift(base, "year", -1), "year"), "", "ref"


def h_time(m, ctx):
    h = int(_g(m, "h") or _g(m, "h2") or 0)
    mi = int(_g(m, "mi") or 0)
    ampm = (_g(m, "ampm") or "").lower().replace(".", "").replace(" ", "")
    word = (_g(m, "tw") or "").lower()
    if word in ("noon", "midday"):
        h, mi = 12, 0
    elif word == "midnight":
        h, mi = 24, 0
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    if not ampm and not word and not _g(m, "tz") and not _g(m, "oclock"):
        # bare hh:mm needs a clock-like context
        if h > 23:
            return None
    day = ctx.dct
    kind = "rel"
    wd = _g(m, "wd") or _g(m, "wd2")
    if wd:
        day = _weekday_date(WEEKDAYS[wd.lower().rstrip(".")], ctx, ctx.tense(m.start(), m.end()))
        day = _local_day_ahead(WEEKDAYS[wd.lower().rstrip(".")], ctx, m.end()) or day
        kind = "wd"
    if _g(m, "month") and _g(m, "day"):
        mon, dd = _month_num(m.group("month")), int(m.group("day"))
        yy = _nearest_year_for(mon, dd, ctx, ctx.tense(m.start(), m.end()))
        day = _safe_date(yy, mon, dd) or day
        kind = "md"
    dw = (_g(m, "dw") or "").lower()
    if dw:
        day = ctx.dct + dt.timedelta(days=_DAYWORD.get(dw, 0))
    elif kind == "rel" and ctx.ref_day is not None:
        # A clock time with no day of its own is on the day the narrative is at ("the dam gave way late on
        # Monday night ... It failed shortly before 11 p.m."), not on the day of publication, when that day
        # is within the news cycle. Only in the past tense: "the vote will be held at 3 p.m." is today's.
        ref_day = ctx.ref_day
        if ref_day != ctx.dct and abs((ref_day - ctx.dct).days) <= 7 and ctx.tense(m.start(), m.end()) == "past":
            day, kind = ref_day, "ref"
    if h == 24 and day >= ctx.dct and ctx.tense(m.start(), m.end()) == "past":
        h = 0  # "took effect at midnight on Sunday" in Sunday's report: the midnight that opened the day, gone by
    elif h == 24:
        day, h = day + dt.timedelta(days=1), 0
    z = "Z" if (_g(m, "tz") or "").upper() in ("UTC", "GMT") else ""
    return "TIME", f"{day.isoformat()}T{h:02d}:{mi:02d}{z}", "", kind


_HOLIDAY_YEAR_AFTER = re.compile(r"(?:\s+(?:weekend|holiday|week|break|parade))?,?\s+(?:in|of)\s+((?:1[5-9]|20)\d\d)\b(?![\d%])")


# Independence Day is July 4 only in an American story: every country has its own (Velia's is its own day)
_AMERICAN = re.compile(r"\bU\.\s?S\.|\b(?:US|USA|United States|America|Americans?|Washington)\b")


def h_holiday(m, ctx):
    name = re.sub(r"\s+", " ", m.group("hol").lower()).replace("’", "'")
    if name.startswith("independence") and not _AMERICAN.search(ctx.text):
        return None
    y = _g(m, "year")
    tense = ctx.tense(m.start(), m.end())

    def date_in(year: int) -> dt.date | None:
        if name.startswith("christmas eve"):
            return dt.date(year, 12, 24)
        if name.startswith("christmas") or name == "xmas":
            return dt.date(year, 12, 25)
        if name.startswith("boxing"):
            return dt.date(year, 12, 26)
        if name.startswith("new year's eve"):
            return dt.date(year, 12, 31)
        if name.startswith("new year"):
            return dt.date(year, 1, 1)
        if name.startswith("independence"):
            return dt.date(year, 7, 4)
        if name.startswith("halloween"):
            return dt.date(year, 10, 31)
        if name.startswith("valentine"):
            return dt.date(year, 2, 14)
        if name.startswith("thanksgiving") or name == "black friday":
            nov1 = dt.date(year, 11, 1)
            d = nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)
            return d + dt.timedelta(days=1) if name == "black friday" else d
        if name.startswith("labor day") or name.startswith("labour day"):
            s1 = dt.date(year, 9, 1)
            return s1 + dt.timedelta(days=(0 - s1.weekday()) % 7)
        if name.startswith("memorial day"):
            d = dt.date(year, 5, 31)
            return d - dt.timedelta(days=d.weekday())
        if name.startswith("easter"):
            return easter(year)
        if name.startswith("good friday"):
            return easter(year) - dt.timedelta(days=2)
        if name.startswith("veterans day") or name.startswith("armistice"):
            return dt.date(year, 11, 11)
        return None

    if not y:
        # the year written after the holiday's weekend or week: "a four-day Memorial Day weekend in 1997"
        later = _HOLIDAY_YEAR_AFTER.match(ctx.text, m.end())
        y = later.group(1) if later else None
    if y:
        d = date_in(_year_num(y))
        return ("DATE", d.isoformat(), "", "abs") if d else None
    a = ctx.dct
    best = None
    for year in (a.year - 1, a.year, a.year + 1):
        d = date_in(year)
        if d is None:
            continue
        if tense == "past" and d > a or tense == "future" and d < a:
            continue
        dist = abs((d - a).days) * (1 if d <= a or tense == "future" else 2)
        if best is None or dist < best[0]:
            best = (dist, d)
    if best is None:
        return None
    return "DATE", best[1].isoformat(), "", "md"


def h_weekend(m, ctx):
    tense = ctx.tense(m.start(), m.end())
    a = ctx.dct
    if a.weekday() >= 5:
        d = a
    elif tense == "future":
        d = a
    else:
        d = a - dt.timedelta(days=7)
    return "DATE", fmt(d, "weekend"), "", "rel"


def h_that_day(m, ctx):
    s = re.sub(r"\s+", " ", m.group(0).lower())
    base, gran = ctx.ref_or_dct(m.start())
    unit = _unit_key(m.group("unit"))
    if unit == "day" and gran != "day":
        base = ctx.dct
    if unit == "day":
        return "DATE", base.isoformat(), "", "ref"
    if unit in ("week", "month", "year"):
        return "DATE", fmt(base, unit), "", "ref"
    return None


def h_rel_point(m, ctx):
    """'earlier today', 'later this year', 'the end of the year', 'earlier this week', 'year-end'."""
    s = re.sub(r"\s+", " ", m.group(0).lower())
    unit = _unit_key(m.group("unit"))
    if unit in ("hour", "minute", "second", "millennium"):
        return None
    mod = _edge_mod(m) or EDGE_MOD.get((_g(m, "ea") or "").lower(), "")
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "this").lower())
    n = _REL_SHIFT.get(rel, 0)
    d = shift(ctx.dct, unit, n) if unit != "day" else ctx.dct + dt.timedelta(days=n)
    gran = unit if unit != "weekend" else "weekend"
    return "DATE", fmt(d, gran), mod, "rel"


# --------------------------------------------------------------------------- patterns

_I = re.I
_REL = r"(?P<rel>last|next|this\s+past|this\s+coming|this|coming|the\s+past|past|the\s+previous|previous|the\s+following|following|the\s+current|current|the\s+same|that|the\s+last|the\s+next|the\s+coming|the\s+preceding|the\s+prior|the\s+latest)"
_EA = r"(?:(?P<ea>earlier|later|early|late)\s+)"
_POD = r"(?P<pod>morning|afternoon|evening|night)"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_EDGE_PRE = rf"(?:{EDGE}[\s-]+(?:of\s+)?)?"

# A holiday's name before one of these names a thing, not a day: "presents missing from under Christmas
# trees", "Easter eggs", "Christmas Island".
_HOLIDAY_THINGS = (r"(?:trees?|cards?|carols?|decorations?|lights|ornaments?|presents|gifts?|stockings?|crackers?|"
                   r"puddings?|jumpers?|sweaters?|songs?|music|movies?|films?|specials?|eggs?|costumes?|candy|bunny|"
                   r"islands?|cactus|spirit)")

PATTERNS: list[tuple[str, Callable, int]] = [
    # "January this year", "June 5 last year"
    # ("February of last year")
    (rf"{_EDGE_PRE}{MONTH_CS}(?:\s+{DAY})?,?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+same)\s+year", h_month_rel_year, 0),
    # explicit calendar dates
    # "Oct. 12-13, 1992": a run of days is dated by its first (the year after the run is the first day's)
    (rf"(?:{WEEKDAY},?\s+)?{MONTH_CS}\s+{DAY}(?:(?:-|\s*\u2013\s*)(?:[12]\d|3[01]|0?[1-9])(?![\d%]|\s*%|\s+per))?(?:,?\s+{YEAR})?",
     h_full_date, 0),
    # (not "the 19 Sept. 11 hijackers": an abbreviated month followed by a day is that day, the number before
    # it a count; "on 3 March 12 people died" keeps its day-month reading)
    (rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH_CS}(?!(?<=\.)\s+\d{{1,2}}(?!\d))(?!(?<=[a-z])\.\s+\d{{1,2}}(?!\d))(?:,?\s+{YEAR})?", h_full_date, 0),
    (r"(?<![\d/.-])(?:(?:1[5-9]|20)\d\d-[01]\d-[0-3]\d|[01]?\d/[0-3]?\d/(?:\d\d){1,2})(?![\d/-])", h_numeric_date, 0),
    (rf"{_EDGE_PRE}{MONTH_CS},?\s+(?:of\s+)?{YEAR2}", h_month_year, 1),
    # "in the October-December period", "the July-September quarter": a quarter told by its months
    (r"(?-i:(?P<month>Jan(?:uary)?|Apr(?:il)?|Jul(?:y)?|Oct(?:ober)?)\.?\s*[-\u2013]\s*(?P<month2>Mar(?:ch)?|Jun(?:e)?|"
     rf"Sept(?:ember)?|Sep|Dec(?:ember)?)\.?)\s+(?:period|quarter)(?:\s+of\s+{YEAR2}|,?\s+{YEAR2})?(?![\w-])",
     h_month_range, 1),
    (rf"(?:(?:{EDGE}[\s-]+(?:of\s+)?)|(?:{_REL}\s+))?{MONTH_CS}", h_month, 2),
    (rf"{_EDGE_PRE}(?:(?P<fiscal>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|model\s+year)\s*)?{YEAR2}(?!\s*-\s*(?:old|year))", h_year, 3),
    (rf"(?<![\w$])(?:(?:the\s+)?{EDGE}[\s-]+(?:the\s+)?)?(?P<dec>(?:1\d|20)\d0|'\d0|(?<=the\s)\d0)'?s\b", h_decade, 1),
    (rf"(?:{EDGE}[\s-]+(?:of\s+)?)?(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century", h_century, 1),
    (r"(?P<rel>this|last|next|the\s+last|the\s+previous|the\s+next|the\s+current)\s+century", h_this_century, 1),
    # weekdays (with relative word, edge, part of day)
    (rf"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|the\s+previous|previous|the\s+following|following)\s+)?(?:{EDGE}\s+)?{WEEKDAY}(?:\s+{_POD})?", h_weekday, 4),
    # today / yesterday / tomorrow / tonight
    (rf"(?:{EDGE}\s+)?(?:{_EA})?(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+{_POD})?", h_dayword, 4),
    (rf"(?:{_EA})?(?P<rel>this|last)\s+(?P<pod>morning|afternoon|evening|night)", h_this_pod, 4),
    # PRESENT/PAST/FUTURE_REF
    (r"\b(?:now|currently|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|(?:more\s+|very\s+|most\s+)?recently|lately|"
     r"the\s+past(?!\s+(?:\w+\s+)?(?:" + _UNIT_ALT + r"))|the\s+near\s+future|the\s+future|"
     r"recent\s+(?:years|decades|days)|(?:the\s+)?(?:coming|future)\s+(?:years|months|weeks|days|quarters)|the\s+(?:years|months|weeks|days)\s+ahead|"
     r"(?:the\s+)?(?:past|last)\s+(?:few\s+|several\s+|many\s+)?(?:years|months|weeks|quarters|decades)(?!\s+ago))\b", h_ref, 6),
    (r"\brecent\s+(?P<unit>months|weeks|quarters)\b", h_bare_plural, 6),
    # relative units: last week, this year, the previous day, next month ...
    (rf"(?:{EDGE}\s+(?:of\s+)?)?(?:{_EA})?{_REL}\s+(?P<unit>week|month|year|quarter|decade|weekend|day|hour|millennium)(?![\w-])", h_rel_unit, 5),
    (rf"(?:{EDGE}\s+(?:of\s+)?)?(?:{_EA})?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|the\s+past|the\s+coming|the\s+last|the\s+next|the)\s+)?{_SEASON}(?:\s+(?:of\s+)?{YEAR2})?", h_this_season, 5),
    (rf"(?:(?P<ea>earlier|later|early|late)\s+)(?:this|in\s+the)\s+(?P<unit>week|month|year|day|quarter|decade)|(?P<edge>the\s+end|the\s+beginning|the\s+start|the\s+middle)\s+of\s+(?:the|this)\s+(?P<unit2>week|month|year|day|quarter|decade)", None, 5),
    (r"(?:(?P<ea>earlier|later)\s+)(?P<dw>today|tonight)", h_dayword, 4),
    # N units ago / earlier / later
    (rf"{APPROX}{NUM}\s+(?:more\s+|other\s+)?{UNIT}\s+(?P<dir>ago|earlier(?!\s+than\b)|before(?=\s*[,.;:)\"]|\s*$)|previously|from\s+now|hence|prior(?=\s*[,.;:)\"]))", h_ago, 3),
    (rf"{APPROX}(?P<num>years|months|weeks|days|decades)\s+(?P<unit>ago)", None, 3),
    # durations
    (rf"{APPROX}(?:(?P<pre>the\s+(?:past|last|next|first|previous|coming|following|final|remaining|entire|whole|full|same)|the\s+(?:full|entire|whole)|(?:past|last|next|first|coming|another|the|an?\s+additional|an\s+extra))\s+)?(?:{NUM}\s+)?(?:more\s+|other\s+|full\s+|straight\s+|consecutive\s+|additional\s+)?{UNIT}(?![\w-])", h_duration, 7),
    (rf"(?<![\w-]){NUMH}-{UNIT_SG}(?![\w])", h_hyphen_duration, 7),
    (rf"(?<=\b(?:for|within|over|in|after|take|took|takes|lasted|last|spent|spend)\s){UNIT}(?=\s*(?:[,.;:)]|and\b|or\b|to\s+come|of\b|before|after|ago|$))", h_bare_plural, 8),
    # sets
    (r"\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|bi-?weekly|annual|semiannual)\b", h_set, 6),
    (rf"(?:every|each|per|once\s+a|twice\s+a|(?:once|twice|\w+\s+times)\s+(?:a|per|every|each))\s+(?:(?:{NUM})\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH_CS}|{_SEASON}|{_POD})(?![\w-])", h_set, 6),
    # quarters and halves
    (rf"(?:the\s+)?(?:(?:same|latest|comparable|current|previous|year-ago|year-earlier|fiscal|calendar)[\s-]+)*(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?:quarter|half)(?:\s+of\s+(?:(?:fiscal|calendar|the)\s+)?(?:year\s+)?{YEAR2}|,?\s+{YEAR2}|\s+of\s+(?:the|this|last|next)\s+year)?(?!-)", h_quarter, 2),
    (rf"(?:{YEAR2}\s+)(?P<q>first|second|third|fourth|final)[\s-]+(?:quarter|half)", h_quarter, 2),
    (rf"\b(?P<q>Q[1-4])(?:\s+{YEAR2})?\b", h_quarter, 2),
    (r"(?P<q>first|second|third|fourth)-quarter", h_quarter, 2),
    (r"the\s+(?:latest\s+|current\s+|recent\s+|same\s+|comparable\s+|year-ago\s+|year-earlier\s+|year\s+earlier\s+|year\s+ago\s+|fiscal\s+)*(?:quarter|period)(?![\w-])", h_the_quarter, 6),
    (r"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter|month|level|levels|figure|figures|results))?|(?:a|one)\s+year\s+(?:earlier|before)(?=\s*[,.;)]|\s*$)", h_year_earlier, 4),
    # times of day (a time zone is upper case, "EST": under case folding "after" and "yesterday" began with one)
    (rf"(?:{WEEKDAY}\s+(?:at\s+)?)?(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b|[AP]M\b)|(?P<oclock>(?P<h2>[01]?\d)\s+o'clock))(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}}T|GMT|UTC)\b))?(?:,?\s+(?:on\s+)?(?:{WEEKDAY2}|(?P<dw>today|yesterday|tomorrow)|{MONTH_CS}\s+{DAY}))?", h_time, 3),
    (rf"(?:{WEEKDAY}\s+(?:at\s+)?)?(?<![\d.:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}}T|GMT|UTC)\b))(?:,?\s+(?:on\s+)?(?:{WEEKDAY2}|(?P<dw>today|yesterday|tomorrow)))?", h_time, 3),
    (rf"(?:{WEEKDAY}\s+(?:at\s+)?)?(?P<tw>noon|midnight|midday)(?:,?\s+(?:on\s+)?(?:{WEEKDAY2}|(?P<dw>today|yesterday|tomorrow)))?", h_time, 4),
    # holidays
    (rf"(?P<hol>Christmas\s+(?:Eve|Day)|Christmas|Xmas|Boxing\s+Day|New\s+Year's\s+(?:Eve|Day)|New\s+Year['’]s|Independence\s+Day|Halloween|Valentine's\s+Day|Thanksgiving(?:\s+Day)?|Black\s+Friday|Labou?r\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?|Good\s+Friday|Veterans\s+Day|Armistice\s+Day)(?!\s+{_HOLIDAY_THINGS}\b)(?:,?\s+{YEAR})?", h_holiday, 3),
    (r"the\s+weekend", h_weekend, 6),
    (r"(?:that|the\s+same|the)\s+(?P<unit>day)(?![\w-])|(?:that|the\s+same)\s+(?P<unit>week|month|year)(?![\w-])(?=\s*(?:[,.;:]|$|when|as|in|that|before|after|the|and|of))", h_that_day, 9),
]


def _compile(pattern: str):
    # the `regex` module: variable-width look-behind and scoped case flags
    return regex.compile(pattern, regex.I | regex.V0)


def _edge_point_handler(m, ctx):
    unit = m.group("unit") or m.group("unit2")
    unit = _unit_key(unit)
    ea = (_g(m, "ea") or "").lower()
    edge = (_g(m, "edge") or "").lower()
    mod = EDGE_MOD.get(ea, "") if ea else EDGE_MOD.get(edge.replace("the ", ""), "")
    if unit == "day":
        return "DATE", ctx.dct.isoformat(), mod, "rel"
    return "DATE", fmt(ctx.dct, unit), mod, "rel"


def _years_ago_handler(m, ctx):
    return "DATE", "PAST_REF", "", "rel"


# Cheap triggers: a pattern only runs on the sentence-sized chunks that contain its trigger word.
_TRIGGERS = {
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"),
    "wd": re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"),
    "unit": re.compile(r"\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur\w*|millenni\w*|weekends?|half)\b", re.I),
    "digit": re.compile(r"\d"),
    "season": re.compile(r"\b(?:spring|summer|fall|autumn|winter)\b", re.I),
}


def _trigger_of(pat: str, fn) -> str:
    name = fn.__name__ if fn else ""
    if name in ("h_month_rel_year", "h_full_date", "h_month_year", "h_month", "h_month_range"):
        return "month"
    if name in ("h_numeric_date", "h_year", "h_decade"):
        return "digit"
    if name == "h_weekday":
        return "wd"
    if name == "h_this_season":
        return "season"
    if name in ("h_century", "h_this_century", "h_rel_unit", "h_ago", "h_duration", "h_hyphen_duration",
                "h_bare_plural", "h_year_earlier", "h_that_day", "") or (name == "h_quarter" and "Q[1-4]" not in pat):
        return "unit"
    if name == "h_time" and "noon" not in pat:
        return "digit"
    return ""


# Gates: words that every match of a pattern contains (one of its mandatory alternatives). A pattern only
# runs over the trigger regions that contain its gate. The engine would otherwise try the pattern at every
# position of the region, through its optional leading parts ("early", "about", a weekday...), before
# failing; a search for a few words is much cheaper. A gate must be a necessary condition of a match (never
# a heuristic), so skipping a region never loses one. Only gates that pay for their own search are listed
# (measured on DUC 2004 with bench/profile_annotate.py); e.g. the holidays' gate would cost as much as the
# holiday pattern, which has no optional prefix.
def _gate_of(pat: str, fn) -> str:
    name = fn.__name__ if fn else ""
    if name == "h_dayword":
        return r"yesterday|today|tomorrow|tonight"
    if name == "h_this_pod":
        return r"morning|afternoon|evening|night"
    if name == "h_set" and pat.startswith("(?:every"):
        return r"(?:every|each|per|once|twice|times)\s"
    if name == "h_time" and "noon" in pat:
        return r"noon|midnight|midday"
    if name == "h_quarter" and "Q[1-4]" not in pat:
        return r"quarter|half"
    if name == "h_ago":
        return r"ago|earlier|before|previously|now|hence|prior"
    if fn is None and "unit2" in pat:  # "earlier this week", "the end of the year"
        return r"earl|late|the\s+end|the\s+beginning|the\s+start|the\s+middle"
    return ""


# Patterns are compiled on first use, not at import: `regex` parses a pattern in Python (about 7 ms each,
# 0.3 s for all of them, every cold start), and a short story never reaches the gated ones (holidays,
# quarters, seasons...).
_RULES: list[tuple[str, Callable, int]] = []  # (pattern, handler, priority)
_RULE_TRIGGER: list[str] = []
_RULE_GATE: list[str] = []  # a gate is compiled like the patterns, so it finds whatever a pattern's word matches
for _pat, _fn, _prio in PATTERNS:
    _RULE_TRIGGER.append(_trigger_of(_pat, _fn))
    _RULE_GATE.append(_gate_of(_pat, _fn))
    if _fn is None:
        _fn = _edge_point_handler if "unit2" in _pat else _years_ago_handler
    _RULES.append((_pat, _fn, _prio))


@functools.cache
def _compiled(pattern: str):
    return _compile(pattern)


_CHUNK_END = re.compile(r"\n|(?<=[a-z]{3}[.!?])[\"')]*\s+(?=[A-Z\"])")

_LEAD_TRIM = re.compile(r"^(?:the\s+)(?=(?:1\d|20)\d0s|\d|(?-i:[A-Z]))", re.I)


def _is_masked_kind(kind: str) -> bool:
    return kind in ("md", "wd", "rel", "ref")


def _mask(value: str, kind: str, tx_type: str) -> str:
    if kind == "abs" or value.endswith("_REF") or tx_type in ("DURATION", "SET"):
        return value
    date, sep, time = value.partition("T")
    if kind == "md":
        return "XXXX" + date[4:] + sep + time
    if kind == "wd":
        try:
            wd = dt.date.fromisoformat(date[:10]).isoweekday()
        except ValueError:
            return re.sub(r"\d", "X", date) + sep + time
        return f"XXXX-WXX-{wd}" + sep + time
    return re.sub(r"\d", "X", date) + sep + (time if re.match(r"\d", time or "") else time)


def _chunks_by_trigger(text: str) -> dict[str, list[tuple[int, int]]]:
    bounds = [0] + [m.end() for m in _CHUNK_END.finditer(text)] + [len(text)]
    chunks = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]
    out: dict[str, list[tuple[int, int]]] = {"": [(0, len(text))]}
    for key, rx in _TRIGGERS.items():
        out[key] = []
        # merge consecutive triggered chunks so a match may span them
        for s, e in chunks:
            if rx.search(text, s, e):
                if out[key] and out[key][-1][1] == s:
                    out[key][-1] = (out[key][-1][0], e)
                else:
                    out[key].append((s, e))
    return out


def _iter_matches(rx, text: str, regions: list[tuple[int, int]]):
    for s, e in regions:
        yield from rx.finditer(text, s, e)


def _candidates(text: str) -> list[tuple[int, int, int, int, Callable, re.Match]]:
    out = []
    regions = _chunks_by_trigger(text)
    gated: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (trigger, gate) -> regions holding the gate
    for idx, (pattern, fn, prio) in enumerate(_RULES):
        trigger, gate = _RULE_TRIGGER[idx], _RULE_GATE[idx]
        todo = regions[trigger]
        if todo and gate:
            if (trigger, gate) not in gated:
                gated[trigger, gate] = [(s, e) for s, e in todo if _compiled(gate).search(text, s, e)]
            todo = gated[trigger, gate]
        if not todo:
            continue
        for m in _iter_matches(_compiled(pattern), text, todo):
            s, e = m.span()
            if e <= s:
                continue
            # whole words only
            if s > 0 and text[s - 1].isalnum() and text[s].isalnum():
                continue
            if e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
                continue
            out.append((s, e, prio, idx, fn, m))
    return out


@functools.lru_cache(maxsize=256)
def _candidates_cached(text: str) -> tuple:
    """Candidate matches do not depend on the anchor: re-reading a text under other publication dates
    (publication-date inference tries many) reuses them."""
    return tuple(_candidates(text))


def _select(cands):
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def tag_timexes(text: str, published: str | dt.date | dt.datetime | None = None) -> list[Timex]:
    """Typed variant of :func:`tag_dates`; returns :class:`Timex` objects in text order."""
    if not text or not text.strip():
        return []
    anchor = parse_anchor(published)
    ctx = _Ctx(text, anchor)
    chosen = _select(list(_candidates_cached(text)))
    # rejected candidates free their span for shorter ones: resolve in order, fall back on rejection
    results: list[Timex] = []
    pending = chosen
    rejected: set[tuple[int, int, int]] = set()
    all_cands = None
    while True:
        retry = False
        results = []
        ctx.ref = ctx.ref_day = None
        for s, e, prio, idx, fn, m in pending:
            try:
                r = fn(m, ctx)
            except (ValueError, KeyError, OverflowError, TypeError):
                r = None
            if r is None:
                rejected.add((s, e, idx))
                retry = True
                continue
            typ, value, mod, kind = r
            tx = Timex(s, e, text[s:e], value, typ, mod, "" if kind == "abs" else ("ref" if kind == "ref" else "dct"))
            results.append((tx, kind))
            if typ in ("DATE", "TIME") and kind != "ref":
                pv = parse_value(value.split("T")[0] if typ == "TIME" else value)
                if pv is not None:
                    ctx.ref = pv
                    # (a day told in the past perfect, "had set out alone on Saturday", is a flashback: the
                    # narrative stays at its day, and a later bare clock time is not Saturday's)
                    if pv[1] == "day" and not (ctx.ref_day is not None and _PAST_PERFECT_BEFORE.search(text, max(0, s - 60), s)):
                        ctx.ref_day = pv[0]
        if not retry:
            break
        if all_cands is None:
            all_cands = list(_candidates_cached(text))
        pending = _select([c for c in all_cands if (c[0], c[1], c[3]) not in rejected])
    out: list[Timex] = []
    for tx, kind in results:
        if anchor is None and _is_masked_kind(kind):
            tx.value = _mask(tx.value, kind, tx.type)
        out.append(tx)
    out = _join_offsets(text, out, ctx)
    for tx in out:
        _trim(text, tx)
    return out


_LEAD_THE = re.compile(r"the\s+(?=(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|few)\b)(?!\d\d\d0s|\d+(?:st|nd|rd|th)\b)|(?:first|second|third|fourth)-quarter$)", re.I)


def _trim(text: str, tx: Timex) -> None:
    if tx.type in ("DURATION", "DATE"):
        m = _LEAD_THE.match(tx.text)
        if m and not re.match(r"the\s+\S+\s+(?:ago|earlier)", tx.text, re.I):
            tx.start += m.end()
    # trailing punctuation / whitespace never belongs to the extent
    while tx.end > tx.start and text[tx.end - 1] in " \t\n,;:":
        tx.end -= 1
    while tx.start < tx.end and text[tx.start] in " \t\n":
        tx.start += 1
    tx.text = text[tx.start:tx.end]


# a past perfect in the clause before a date: "had set out alone on Saturday", "had been missing since Monday"
_PAST_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+\s+){0,2}?\w+(?:ed|en|t|wn|ne|un|ung|ook|ought|ade|ent|id)\b[^.;,!?]*$",
                                  re.IGNORECASE)


# a word of lasting before "<N units> from <date>": the span begins on that date, it is no offset from it
_LASTING_BEFORE = re.compile(r"\b(?:for|lasting|lasts|lasted|run|runs|running|ran|of|over)\s+$", re.I)


def _join_offsets(text: str, items: list[Timex], ctx: _Ctx) -> list[Timex]:
    """'a day after November 10' -> one DATE, 2020-11-11."""
    out: list[Timex] = []
    i = 0
    while i < len(items):
        tx = items[i]
        if tx.type == "DURATION" and i + 1 < len(items) and items[i + 1].type in ("DATE", "TIME"):
            nxt = items[i + 1]
            gap = text[tx.end:nxt.start]
            m = re.fullmatch(r"\s+(before|after|from|prior\s+to|following)\s+", gap, re.I)
            pv = parse_value(nxt.value.split("T")[0])
            dm = re.fullmatch(r"P(\d+)([DWMY])", tx.value)
            if m and m.group(1).lower() == "from" and (_LASTING_BEFORE.search(text, max(0, tx.start - 30), tx.start)
                                                      or re.match(r"(?:the\s+)?(?:last|past)\s", tx.text, re.I)):
                m = None  # "will strike for three days from Monday", "last three days from Monday": a span from that day
            if m and pv and dm:
                n = int(dm.group(1)) * (-1 if m.group(1).lower().startswith(("before", "prior")) else 1)
                unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[dm.group(2)]
                d = shift(pv[0], unit, n)
                gran = pv[1] if pv[1] != "day" or unit == "day" or unit == "week" else "day"
                out.append(Timex(tx.start, nxt.end, text[tx.start:nxt.end], fmt(d, gran), "DATE", "", "ref"))
                i += 2
                continue
        out.append(tx)
        i += 1
    return out


def tag_dates(text: str, published: str | dt.date | dt.datetime | None = None) -> list[dict]:
    """Find temporal expressions in ``text`` and normalize them against the publication date.

    Returns dicts ``{"start", "end", "text", "value", "type"}`` in text order, where
    ``text[start:end] == item["text"]`` and ``type`` is DATE, TIME, DURATION or SET.
    """
    return [t.as_dict() for t in tag_timexes(text, published)]


def tag_dates_in_sentences(text: str, sentence_spans: Iterable[tuple[int, int]],
                           published: str | dt.date | dt.datetime | None = None) -> list[list[dict]]:
    """Tag the whole text once (so anaphora like "the next day" see earlier sentences) and group the
    results by sentence span; an expression belongs to the sentence that contains its start."""
    spans = list(sentence_spans)
    items = tag_dates(text, published)
    groups: list[list[dict]] = [[] for _ in spans]
    for it in items:
        for k, (s, e) in enumerate(spans):
            if s <= it["start"] < e:
                groups[k].append(it)
                break
    return groups


def timex_to_dict(t: Timex) -> dict:
    return asdict(t)
