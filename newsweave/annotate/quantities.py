"""Quantities as intervals, with what they count.

News reports of one story rarely print the same figure: one outlet writes "nearly 2,000 troops",
another "around 2,000", a third "hundreds and possibly thousands". To tell *agreement* from
*disagreement* each figure is read as the **interval of values the writer is committed to**, and two
figures are compatible when their intervals overlap (:meth:`Quantity.overlaps`).

:func:`tag_quantities` finds the figures of a text (a compiled-regex core, no model needed) and, for
each, the noun it counts (``counted``): with a spaCy ``Doc`` of the same text via the dependency
parse, otherwise with a light heuristic on the following words.

Interval rules (``low``/``high``; ``None`` = unbounded on that side; bounds are treated as closed)
------------------------------------------------------------------------------------------------
Exact figures
    "2,000", "forty-four", "1.5 million", "a dozen", "half a million"  ->  [x, x].
    An unhedged figure is taken at its word; rounding tolerance is left to the caller, because
    whether "2,000" and "1,950" disagree depends on the story, not on English.
Approximate: about, around, some, roughly, approximately, an estimated, circa, "or so", "give or take"
    ->  [0.9x, 1.1x].  Ten per cent is the usual slack of a rounded news figure: "about 2,000" covers
    1,800-2,200, so it agrees with "nearly 2,000" and with "2,100" but not with "1,500".
Nearly: nearly, almost, close to, just under, approaching
    ->  [0.9x, x].  The writer means "a little below x"; x itself is kept (closed) because another
    outlet's round "2,000" is the same count.  "just over", "-odd"  ->  [x, 1.1x].
Lower bounds: more than, over, above, upwards of, in excess of, exceeded, surpassed, topped, "x-plus",
    "x+"; at least, no fewer than, "or more", "and counting"  ->  [x, None).
    "more than 4,000" is strictly (4000, inf), but it is stored closed: a rounded "4,000" elsewhere is
    not a contradiction worth flagging.
Upper bounds: up to, as many as, no more than, at most; fewer than, less than, under, below,
    "or fewer"  ->  [None, x].  The low side is left unbounded (not 0): the writer says nothing about it.
Ranges: "15 to 20", "15-20%", "between 15 and 20", "15 or 20", "20, possibly 30", "$3-4 billion"
    ->  [15, 20]; a hedge widens the range as it would a point ("about 15 to 20" -> [13.5, 22]).
    "from 15 to 20" is read as a *change* (rose from 15 to 20 per cent), so it gives two figures, and
    the first inherits the unit of the second.
Vague plurals: an English plural of a scale word means at least two of them and fewer than the next
    idiom up (the writer would have said "tens of thousands" or "hundreds"):
    dozens [24, 99]; scores (of) [40, 199]; hundreds [200, 999]; thousands [2,000, 9,999];
    tens of thousands [20,000, 99,999]; hundreds of thousands [200,000, 999,999]; millions
    [2e6, 1e7-1] ...  So "thousands" does not overlap "1,500" (an exaggeration worth noticing) but does
    overlap "nearly 2,000" and "hundreds and possibly thousands" ([200, 9,999]).
    a handful [2, 9]; a couple of N [2N, 4N-1]; a few N [2N, 7N-1]; several N [3N, 10N-1];
    a number of N [2N, 10N-1].  Bare "several"/"a few" (without a scale word) are not tagged.
    Vague figures have ``value=None`` and ``approx=True``; ranges have ``value=None``.

``approx`` is True for any hedge (including bounds such as "up to" and "at least") and for vague
figures.  ``value`` is the point written (2000 for "nearly 2,000").

Units and kinds
---------------
``kind`` is "cardinal" (counts), "percent" ("20 percent", "20%", "20 per cent"; "percentage points"
has unit "percentage point"), "money" (currency symbol, ISO code or word: ``unit`` is an ISO code; a
bare "$" is taken as USD) or "measure" (km, mile, kg, tonne, hectare, ..., and durations: day, year...).
Values stay in the unit written (no conversion).  Cardinals have ``unit=None``; what they count is
``counted``.  Scale words and abbreviations are applied: "$3bn", "EUR2m", "2.5 million", "2k".
Unattached "m" after a number without a currency means metres unless a plural noun follows ("5m people").

``counted`` is the lower-cased lemma of the head noun ("nearly 2,000 troops" -> "troop", "300 of its
settlements" -> "settlement", "15 to 20 percent of lost territory" -> "territory"). The quantity span
(``start``/``end``/``text``) covers hedge + figure + unit and, when the counted noun follows directly
in the same noun phrase ("nearly 2,000 Russian troops"), the noun too; an "of" phrase is not included.

Not tagged (documented decisions)
---------------------------------
* years: a bare four-digit number 1500-2100 written without a comma ("in 2020", "since 1994",
  "2014-2022"), unless it carries a unit, currency, scale word or a (non-temporal) hedge.  News style
  writes counts of that size with a comma ("2,000"), so "2000" alone is read as a year; decades
  ("1990s") never match.
* dates ("November 20", "20 November", "Nov. 20-22"), times ("10:30", "10 a.m.", "9pm"), ordinals
  ("20th", "third": ordinals are not quantities and are skipped, not marked), fractions ("two-thirds").
* numbers inside identifiers, codes, URLs, e-mails and phone numbers ("COVID-19", "F-16", "G7",
  "MH17", "9/11", "24/7", "+44 20 7946 0958"), sports scores ("3-1") and numbers right after a
  capitalised name or a label ("Apollo 11", "Resolution 2334", "No. 10", "page 4").
* "one" on its own ("one resident told", "one of them", "one day"): in news it is nearly always a
  pronoun or determiner.  It is kept when hedged ("at least one soldier"), in a range ("one or two"),
  with a unit ("one percent"), or as a ratio ("one in five" -> 20 percent).
* word numbers glued to a non-unit word ("two-state solution", "one-off", "three-time champion").

Ratios "one in five", "3 out of 10" are tagged as percent (20, 30).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["Quantity", "tag_quantities"]


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    value: float | None
    approx: bool
    unit: str | None
    counted: str | None
    counted_start: int | None
    counted_end: int | None
    kind: str  # "cardinal" | "percent" | "money" | "measure"

    def overlaps(self, other: "Quantity") -> bool:
        """True when the two intervals share a value (closed bounds, ``None`` = unbounded)."""
        lo1 = -math.inf if self.low is None else self.low
        hi1 = math.inf if self.high is None else self.high
        lo2 = -math.inf if other.low is None else other.low
        hi2 = math.inf if other.high is None else other.high
        eps = 1e-9 * max(1.0, abs(lo1) if lo1 != -math.inf else 1.0, abs(lo2) if lo2 != -math.inf else 1.0)
        return lo1 <= hi2 + eps and lo2 <= hi1 + eps

    def comparable(self, other: "Quantity") -> bool:
        """Same kind and unit, and not known to count different things: worth comparing at all."""
        if self.kind != other.kind or self.unit != other.unit:
            return False
        return self.counted is None or other.counted is None or self.counted == other.counted


# --------------------------------------------------------------------------------------- lexicon

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ABBR_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}
_PLURAL_SCALE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                 "billions": 1e9, "trillions": 1e12}
_SING_SCALE = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# multiplier ranges for "a few hundred" etc.: (low k, high k) -> [low*N, (high+1)*N - 1]
_FEW = {"a few": (2, 6), "several": (3, 9), "a couple": (2, 3), "a couple of": (2, 3), "a number of": (2, 9)}

# the words numbers are written in ("fourteen", "twenty", "million"), for telling a figure in words
NUMBER_WORDS = frozenset(_SMALL) | frozenset(_TENS) | {"hundred", "dozen"} | frozenset(_SCALES)
_NUMWORD = "|".join(sorted(list(_SMALL) + list(_TENS) + ["hundred", "dozen"] + list(_SCALES), key=len, reverse=True))
_SCALEWORD = "dozen|hundred|thousand|million|billion|trillion"
_PLURALS = "tens|dozens|scores|hundreds|thousands|millions|billions|trillions"

_CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₪": "ILS",
    "dlrs": "USD",  # wire style: "dlrs 978,000"
}
_ISO = "USD|EUR|GBP|JPY|CNY|RUB|UAH|INR|CHF|AUD|CAD|ILS|TRY|SAR|AED|ZAR|NGN|KES|BRL|MXN|KRW"

# (canonical unit, kind, surface forms); spaces in forms match any whitespace.
_UNITS: list[tuple[str, str, list[str]]] = [
    ("percent", "percent", ["%", "percent", "per cent", "pct", "per-cent"]),
    ("percentage point", "percent", ["percentage points", "percentage point", "percentage-point", "pp"]),
    ("USD", "money", ["us dollars", "u.s. dollars", "dollars", "dollar", "usd"]),
    ("EUR", "money", ["euros", "euro", "eur"]),
    ("GBP", "money", ["pounds sterling", "sterling", "gbp"]),
    ("JPY", "money", ["yen", "jpy"]),
    ("CNY", "money", ["yuan", "renminbi", "cny"]),
    ("RUB", "money", ["roubles", "rubles", "rouble", "ruble", "rub"]),
    ("UAH", "money", ["hryvnias", "hryvnia", "hryvnia", "uah"]),
    ("INR", "money", ["rupees", "rupee", "inr"]),
    ("CHF", "money", ["swiss francs", "chf"]),
    ("ILS", "money", ["shekels", "shekel", "ils"]),
    ("SEK", "money", ["swedish kronor", "kronor", "krona", "sek"]),
    ("THB", "money", ["baht", "thb"]),
    ("MYR", "money", ["ringgit", "myr"]),
    ("IDR", "money", ["rupiah", "idr"]),
    ("TRY", "money", ["turkish lira", "liras", "lira"]),
    ("ZAR", "money", ["south african rand", "zar"]),  # (not a bare "rand": "a 2004 Rand study")
    ("NGN", "money", ["naira", "ngn"]),
    ("BRL", "money", ["reais", "brl"]),
    # Scandinavian and Czech crowns, told in English without saying whose ("1.42 billion crowns")
    ("crown", "money", ["crowns", "kroner", "koruna", "korunas"]),
    ("PLN", "money", ["zlotys", "zloty", "pln"]),
    ("HUF", "money", ["forints", "forint", "huf"]),
    ("km2", "measure", ["km2", "km²", "sq km", "sq. km", "square kilometres", "square kilometers",
                        "square kilometre", "square kilometer"]),
    ("sq mi", "measure", ["square miles", "square mile", "sq mi"]),
    ("m3", "measure", ["cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³"]),
    ("km3", "measure", ["cubic kilometres", "cubic kilometers", "km3", "km³"]),
    ("m2", "measure", ["square metres", "square meters", "square metre", "square meter", "m2", "m²", "sq m"]),
    ("km", "measure", ["kilometres", "kilometers", "kilometre", "kilometer", "km", "kms"]),
    ("km/h", "measure", ["km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour"]),
    ("mph", "measure", ["mph", "miles per hour"]),
    ("mile", "measure", ["miles", "mile"]),
    ("m", "measure", ["metres", "meters", "metre", "meter"]),
    ("cm", "measure", ["centimetres", "centimeters", "centimetre", "centimeter", "cm"]),
    ("mm", "measure", ["millimetres", "millimeters", "millimetre", "millimeter", "mm"]),
    ("ft", "measure", ["feet", "foot", "ft"]),
    ("inch", "measure", ["inches", "inch"]),
    ("kg", "measure", ["kilograms", "kilogrammes", "kilogram", "kilogramme", "kilos", "kilo", "kg", "kgs"]),
    ("g", "measure", ["grams", "grammes", "gram"]),
    ("tonne", "measure", ["metric tons", "metric tonnes", "tonnes", "tonne"]),
    ("ton", "measure", ["tons", "ton"]),
    ("lb", "measure", ["lbs", "lb"]),
    ("hectare", "measure", ["hectares", "hectare"]),
    ("acre", "measure", ["acres", "acre"]),
    ("litre", "measure", ["litres", "liters", "litre", "liter"]),
    ("gallon", "measure", ["gallons", "gallon"]),
    ("barrel", "measure", ["barrels", "barrel"]),
    ("MW", "measure", ["megawatts", "megawatt", "mw"]),
    ("GW", "measure", ["gigawatts", "gigawatt", "gw"]),
    ("kWh", "measure", ["kilowatt-hours", "kilowatt hours", "kwh"]),
    ("°C", "measure", ["°c", "degrees celsius", "degrees centigrade"]),
    ("°F", "measure", ["°f", "degrees fahrenheit"]),
    ("degree", "measure", ["degrees", "degree"]),
    ("year", "measure", ["years old", "year-old", "years-old", "years", "year", "yrs"]),
    ("month", "measure", ["months", "month"]),
    ("week", "measure", ["weeks", "week"]),
    ("day", "measure", ["days", "day"]),
    ("hour", "measure", ["hours", "hour", "hrs"]),
    ("minute", "measure", ["minutes", "minute", "mins"]),
    ("second", "measure", ["seconds"]),
    # a building's height in floors: "a 12-storey block" (and "an 11-story tower", hyphened only: see _unit_at)
    ("storey", "measure", ["storeys", "storey"]),
    ("decade", "measure", ["decades", "decade"]),
    ("century", "measure", ["centuries", "century"]),
]
_UNIT_OF: dict[str, tuple[str, str]] = {}
for _u, _k, _forms in _UNITS:
    for _f in _forms:
        _UNIT_OF.setdefault(_f, (_u, _k))
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
# the words of the units of measure, one word each ("acre", "acres", "km", "storey"): no subject two figures share
MEASURE_UNIT_WORDS = frozenset(w for u, k, forms in _UNITS if k == "measure" for w in (u.lower(), *forms) if " " not in w)
_CASE_SENSITIVE_UNITS = {"pp", "rub", "ils", "eur", "usd", "gbp", "jpy", "cny", "uah", "inr", "chf", "mw", "gw"}


def _form_re(form: str) -> str:
    return r"\s+".join(re.escape(p) for p in form.split(" "))


_unit_forms = sorted(_UNIT_OF, key=len, reverse=True)
_UNIT_RE = re.compile(
    r"(?:\s*|\s*-\s*|-)(?P<u>"
    + "|".join(
        (_form_re(f.upper()) if f in _CASE_SENSITIVE_UNITS else "(?i:" + _form_re(f) + ")") for f in _unit_forms
    )
    + r")(?!\w)"
)
_POUNDS_RE = re.compile(r"\s+(?i:pounds?)(?!\w)")

# ------------------------------------------------------------------------------------ the atom

_ATOM = re.compile(
    r"(?<![\w.,/:#@+$€£¥])(?<!\w[-–])"
    r"(?P<cur>(?:US\$|NZ\$|HK\$|A\$|C\$|\$|€|£|¥|₹|₽|₴|₪|" + _ISO + r")\s?|dlrs\s)?"
    r"(?:"
    r"(?P<dig>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    # (a tabloid's "£100million" sets the scale word on the figure)
    r"(?:(?:\s+|-|(?=(?i:million|billion|trillion)))(?P<sword>(?i:hundred|thousand|million|billion|trillion))(?!\w)"
    r"|\s?(?P<sabbr>bn|mn|mln|bln|tn|trn)(?!\w)|(?P<sabbr1>[mkb])(?![\w.]|\.\w))?"
    r"|(?P<vague>(?i:"
    r"(?:" + _PLURALS + r")\s+of\s+(?:thousands|millions|billions|trillions)(?!\w)"
    r"|(?:dozens|hundreds|thousands|millions|billions|trillions)(?!\w)"
    r"|scores(?=\s+of\s)"
    r"|(?:several|a\s+few|a\s+couple(?:\s+of)?|a\s+number\s+of)\s+(?:dozen|hundred|thousand|million|billion)(?!\w)"
    r"|half\s+a\s+(?:dozen|million|billion|trillion)(?!\w)|a\s+half-dozen(?!\w)"
    r"|a\s+quarter(?:\s+of\s+a)?\s+(?:million|billion|trillion)(?!\w)"
    r"|(?:a|one|two|three)[\s-](?:third|thirds|quarters)\s+of\s+a\s+(?:million|billion|trillion)(?!\w)"
    r"|a\s+(?:dozen|hundred|thousand|million|billion|trillion)(?!\w)"
    r"|a\s+score(?=\s+of\s)"
    r"|a\s+handful(?!\w)"
    r"))"
    r"|(?P<words>\b(?i:(?:" + _NUMWORD + r")(?:(?:\s+and\s+|\s+|-)(?:" + _NUMWORD + r"))*)\b)"
    r")"
)

_ATOM_NEXT = re.compile(_ATOM.pattern.split(r"(?<!\w[-–])", 1)[1])  # second figure of a range: no lookbehind

_WORDS_TAIL = re.compile(r"(?:\s+and\s+|\s+|-)(?i:" + _NUMWORD + r")(?:(?:\s+and\s+|\s+|-)(?i:" + _NUMWORD
                         + r"))*\b")

_HEDGES: list[tuple[str, str, bool]] = [  # (regex, mode, is_verb: verbs stay out of the span)
    (r"just\s+over|just\s+above|just\s+more\s+than|slightly\s+more\s+than|slightly\s+over|a\s+little\s+over"
     r"|a\s+little\s+more\s+than", "justover", False),
    (r"nearly|almost|close\s+to|just\s+under|just\s+below|just\s+shy\s+of|shy\s+of|not\s+quite"
     r"|just\s+(?:fewer|less)\s+than|slightly\s+(?:fewer|less)\s+than|a\s+little\s+under", "nearly", False),
    (r"nearing|approaching", "nearly", True),
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|not\s+fewer\s+than|a\s+minimum\s+of"
     r"|at\s+a\s+minimum", "atleast", False),
    (r"more\s+than|well\s+over|well\s+above|upwards?\s+of|in\s+excess\s+of|greater\s+than|higher\s+than"
     r"|north\s+of|over|above", "over", False),
    (r"exceeded|exceeds|exceeding|exceed|surpassed|surpassing|surpasses|topped|tops", "over", True),
    (r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|not\s+more\s+than|at\s+most"
     r"|at\s+the\s+most|a\s+maximum\s+of|a\s+max\s+of", "upto", False),
    (r"fewer\s+than|less\s+than|lower\s+than|under|below", "under", False),
    (r"approximately|approx\.|roughly|around|about|some|an\s+estimated|estimated|circa|ca\.|c\."
     r"|in\s+the\s+region\s+of|in\s+the\s+order\s+of|on\s+the\s+order\s+of|something\s+like|more\s+or\s+less",
     "approx", False),
]
_HEDGE_RE = re.compile(
    r"(?:(?<![\w.])(?i:(?P<h>" + "|".join(f"(?:{r})" for r, _, _ in _HEDGES) + r"))\s+|(?P<tilde>~)\s*)$"
)
_HEDGE_PARTS = [(re.compile(r"(?i:" + r + r")\Z"), mode, verb) for r, mode, verb in _HEDGES]
_TEMPORAL_BEFORE = re.compile(r"(?i:\b(?:in|since|by|until|till|from|before|after|during|of|circa|to)\s+)$")
_BETWEEN = re.compile(r"(?i:\b(?P<w>between|from)\s+)$")
_SPREAD_BEFORE = re.compile(r"\b(?:range[sd]?|ranging|run|runs|running|var(?:y|ies|ied|ying)|anywhere)\s+$",
                            re.IGNORECASE)

_POSTFIX = re.compile(
    r"(?P<p>\s+(?i:or\s+more|or\s+so|or\s+fewer|or\s+less|or\s+thereabouts|and\s+counting|give\s+or\s+take)(?!\w)"
    r"|-(?i:plus|odd)(?!\w)|\s+odd(?!\w)|\+)"
)
_POSTFIX_MODE = {"or more": "atleast", "and counting": "atleast", "or so": "approx", "or thereabouts": "approx",
                 "give or take": "approx", "or fewer": "upto", "or less": "upto", "plus": "over", "+": "over",
                 "odd": "justover"}

_RANGE_SEP = re.compile(
    r"(?P<sep>,?\s+(?i:if\s+not|or\s+even|and\s+even|and\s+possibly|or\s+possibly|or\s+perhaps|and\s+perhaps"
    r"|and\s+maybe|or\s+maybe|and\s+potentially|or\s+potentially)\s+"
    r"|,?\s+(?i:possibly|perhaps|maybe|potentially|probably|even|likely)\s+"
    r"|\s*[-–—]\s*|\s+(?i:to|through|or)\s+|\s+(?i:and)\s+)"
)
_RATIO_SEP = re.compile(r"\s+(?i:in|out\s+of)\s+")

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_BEFORE = re.compile(_MONTHS + r"\.?,?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(r"(?:\s*(?:st|nd|rd|th))?\s+(?:of\s+)?" + _MONTHS + r"\b")
_TIME_AFTER = re.compile(r"\s*(?i:a\.m\.|p\.m\.|am|pm|o'clock|o’clock|hrs\b|gmt|utc|bst|cet|cest|est|edt|pst|local\s+time)(?!\w)")
_CLOCK = re.compile(r"\d{1,2}[.:]\d\d(?!\d)")
_CLOCK_BEFORE = re.compile(r"(?i:\b(?:at|by|until|till|from|before|after|around|about|since|to)\s+)$")
_TIME_DOT = re.compile(r"[.:]\d\d\s*(?i:a\.?m\.?|p\.?m\.?)")
_LABEL_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?P<cap>[A-Z][\w.&-]*)|(?i:\b(?:no\.|nos\.|number|page|pages|pp\.|p\.|article|section|chapter"
    r"|route|flight|room|resolution|paragraph|para|verse|item|line|platform|gate|phase|stage|category|level"
    r"|grade|size|model|version|v|vol\.|volume|issue|episode|season|round|day|week|act|bill|highway|road"
    r"|street|unit|block|building|apartment|district|zone|sector|ward|precinct|camp|checkpoint|post|hill"
    r"|height|heights|kilometre|km|mile)))\s+$"
)
_FUNCTION_WORDS = frozenset(
    "a an the in on at to of for from by with about around some nearly almost over under more less than "
    "and or but if as so yet nor since after before during until till while when where this that these "
    "those its his her their our your my we they he she it i you who which what only just all both each "
    "another other another some any no not nearly roughly approximately another there here then now "
    "also even still again up down out into onto upon per via among between through across against "
    "toward towards within without around amid alongside beyond killing killed".split()
)
_URLISH = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<![\w])\+?\(?\d{1,4}\)?(?:[ .\-]\(?\d{2,4}\)?){2,5}(?![\w])")
# (a figure glued to a word is part of a compound, "two-state", "3-pointer"; not to a measure's name: "a 6.7-magnitude quake")
_HYPHEN_WORD = re.compile(r"-(?!(?i:plus|odd|magnitude)\b)[A-Za-z]")
_FRACTION_AFTER = re.compile(r"-(?i:halves|half|thirds?|quarters?|fifths?|sixths?|tenths?)\b")

# -------------------------------------------------------------------------------- counted nouns

_STOP = frozenset(
    "a an the of in on at to for from by with and or but as than that which who whom whose what when where "
    "while after before during since until into onto over under about around near across along against "
    "among between through within without per via is are was were be been being am has have had do does did "
    "will would could should may might must can cannot shall said says say told tell according reported "
    "reportedly were also still just only even not no nor so if then there here this these those it its "
    "they them their he him his she her we us our you your i me my less fewer most least each every "
    "all both some any another such own same very too up down out off again further once "
    "died killed wounded injured fled arrived remained remain remains left went came got gets goes made "
    "makes took takes gave gives live lives lived stood stands stand apiece each respectively".split()
)
_IRREGULAR = {
    "people": "people", "children": "child", "men": "man", "women": "woman", "police": "police",
    "personnel": "personnel", "staff": "staff", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "cattle": "cattle", "livestock": "livestock", "sheep": "sheep", "fish": "fish",
    "aircraft": "aircraft", "crew": "crew", "data": "data", "media": "media", "lives": "life",
    "wives": "wife", "knives": "knife", "halves": "half", "militia": "militia", "infantry": "infantry",
    "offspring": "offspring", "deer": "deer", "series": "series", "species": "species", "buses": "bus",
    "gases": "gas", "viruses": "virus", "campuses": "campus", "bonuses": "bonus", "censuses": "census",
    "statuses": "status", "crises": "crisis", "analyses": "analysis", "bases": "base", "indices": "index",
}
_WORD = re.compile(r"[ \t]*(?P<w>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|your|these|those|all|whom|which)\s+)?", re.I)
_NUM_START = re.compile(r"\s*(?:\d[\d,.]*|(?i:" + _NUMWORD + r"))(?:\s+|-)")


def _looks_plural(w: str) -> bool:
    lw = w.lower()
    if lw in _IRREGULAR:
        return True
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s", "ous"))


def _lemma(w: str) -> str:
    lw = w.lower()
    if lw in _IRREGULAR:
        return _IRREGULAR[lw]
    if not lw.endswith("s") or lw.endswith(("ss", "us", "is", "ous")) or len(lw) <= 3:
        return lw
    if lw.endswith("ies") and len(lw) > 4:
        return lw[:-3] + "y"
    if lw.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return lw[:-2]
    return lw[:-1]


# ------------------------------------------------------------------------------------- parsing


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    low: float
    high: float
    value: float | None  # None for vague
    cur: str | None
    scaled: bool
    year_like: bool
    bare_one: bool
    digits: bool


def _parse_words(s: str) -> tuple[float, int] | None:
    """Parse a run of number words; returns (value, length of s used) or None."""
    total = 0.0
    cur = 0.0
    last: str | None = None
    used = 0
    toks = [(m.group().lower(), m.end()) for m in re.finditer(r"[A-Za-z]+", s)]
    for i, (w, end) in enumerate(toks):
        if w == "and":
            if last in ("hundred", "scale") and i + 1 < len(toks) and (toks[i + 1][0] in _SMALL or toks[i + 1][0] in _TENS):
                continue
            break
        if w in _SMALL:
            v = _SMALL[w]
            if last == "small" or (last == "tens" and (v == 0 or v >= 10)):
                break
            cur += v
            last = "small"
        elif w in _TENS:
            if last in ("small", "tens"):
                break
            cur += _TENS[w]
            last = "tens"
        elif w == "hundred":
            if last not in ("small", "tens") or cur >= 100:
                break
            cur *= 100
            last = "hundred"
        elif w == "dozen":
            if last != "small":
                break
            cur *= 12
            last = "dozen"
        elif w in _SCALES:
            if cur == 0 or last is None:
                break
            total += cur * _SCALES[w]
            cur = 0
            last = "scale"
        else:  # pragma: no cover - regex only yields number words
            break
        used = end
    if used == 0:
        return None
    return total + cur, used


def _vague(s: str) -> tuple[float, float, float | None]:
    t = " ".join(s.lower().split())
    if t in ("a handful",):
        return 2, 9, None
    if t == "half a dozen" or t == "a half-dozen":
        return 6, 6, 6
    if t.startswith("half a "):
        v = _SING_SCALE[t[7:]] / 2
        return v, v, v
    if t.startswith("a quarter"):
        v = _SING_SCALE[t.split()[-1]] / 4
        return v, v, v
    m = re.match(r"(a|one|two|three)[\s-](third|thirds|quarters) of a (\w+)$", t)
    if m:  # "a third of a million", "three-quarters of a million", "two-thirds of a billion"
        n = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group(1)]
        v = _SING_SCALE[m.group(3)] * n / (3 if m.group(2).startswith("third") else 4)
        return v, v, v
    if t == "a score":
        return 20, 20, 20
    first, *rest = t.split(" ")
    if first in ("a", "one") and len(rest) == 1 and rest[0] in _SING_SCALE:
        v = _SING_SCALE[rest[0]]
        return v, v, v
    if first in _PLURAL_SCALE:
        m = _PLURAL_SCALE[first]
        s_ = _PLURAL_SCALE[rest[-1]] if rest else 1
        if first == "dozens":
            return 24 * s_, 99 * s_ if s_ == 1 else 120 * s_ - 1, None
        if first == "scores":
            return 40 * s_, 199 * s_, None
        return 2 * m * s_, 10 * m * s_ - 1, None
    head = " ".join(t.split(" ")[:-1])
    k_lo, k_hi = _FEW[head]
    n = _SING_SCALE[t.split(" ")[-1]]
    return k_lo * n, (k_hi + 1) * n - 1, None


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _read_atom(text: str, m: re.Match[str]) -> _Atom | None:
    cur = m.group("cur")
    cur_code = None
    if cur:
        c = cur.strip()
        cur_code = _CURRENCY_PREFIX.get(c.lower(), c.upper())
    if m.group("dig") is not None:
        raw = m.group("dig")
        v = _num(raw)
        scale = 1.0
        scaled = False
        end = m.end()
        if m.group("sword"):
            scale = _SCALES.get(m.group("sword").lower(), 100.0) if m.group("sword").lower() != "hundred" else 100.0
            scaled = True
        elif m.group("sabbr"):
            scale = _ABBR_SCALES[m.group("sabbr")]
            scaled = True
        elif m.group("sabbr1"):
            a = m.group("sabbr1")
            nxt = _WORD.match(text, m.end())
            if a == "m" and not cur_code and not (nxt and _looks_plural(nxt.group("w")) and nxt.start("w") == m.end() + 1):
                end = m.end() - 1  # "5m" = five metres: leave the "m" to the unit reader
                scaled = False
            elif a == "b" and not cur_code:
                return None
            else:
                scale = _ABBR_SCALES[a]
                scaled = True
        v *= scale
        year_like = (not scaled and not cur_code and "," not in raw and "." not in raw and len(raw) == 4
                     and 1500 <= v <= 2100)
        return _Atom(m.start(), end, v, v, v, cur_code, scaled, year_like, False, True)
    if m.group("vague") is not None:
        vtext = m.group("vague")
        if vtext[:2].lower() == "a " and vtext.split()[-1].lower() in _SING_SCALE:
            tail = _WORDS_TAIL.match(text, m.end())  # "a hundred and fifty", "a thousand two hundred"
            if tail:
                parsed = _parse_words("one" + text[m.start("vague") + 1:tail.end()])
                if parsed is not None and parsed[1] - 2 > m.end() - m.start("vague"):
                    v = parsed[0]
                    return _Atom(m.start(), m.start("vague") + parsed[1] - 2, v, v, v, cur_code, True, False,
                                 False, False)
        lo, hi, val = _vague(vtext)
        return _Atom(m.start(), m.end(), float(lo), float(hi), None if val is None else float(val), cur_code, True,
                     False, False, False)
    words = m.group("words")
    parsed = _parse_words(words)
    if parsed is None:
        return None
    v, used = parsed
    wstart = m.start("words")
    end = wstart + used
    bare_one = words[:used].lower() == "one"
    return _Atom(m.start(), end, v, v, v, cur_code, False, False, bare_one, False)


# "one" is a count where it counts one of the harmed or missing: "One skier is still missing", "one person was killed",
# "one soldier died" (not "one resident told", "one of them")
_ONE_HARMED_AFTER = re.compile(r"\s+(?:person|man|woman|child|boy|girl|skier|climber|"
                               r"hiker|worker|miner|soldier|officer|policeman|civilian|passenger|crew\s+member|fisherman|"
                               r"student|pupil|patient|resident|tourist|journalist|firefighter|rescuer|migrant)\s+"
                               r"(?:is|was|remains|remained|has\s+been|had\s+been)\s+(?:still\s+)?"
                               r"(?:missing|dead|killed|injured|wounded|hurt|trapped|unaccounted\s+for)\b"
                               r"|\s+(?:person|man|woman|child|skier|worker|miner|soldier|civilian|passenger)"
                               r"\s+(?:died|drowned|perished)\b")
_WEATHER_BEFORE = re.compile(r"(?i:temperat\w*|thermometers?|mercury|heat(?:wave)?s?|hot(?:ter|test)?|warm\w*|cold(?:er|est)?|cool(?:er|est|ing)?|"
                             r"freez\w*|frost\w*|chill\w*|swelter\w*|sizzl\w*|scorch\w*|roast\w*|bak(?:e|ed|ing)|"
                             r"highs?|lows?|degrees?|celsius|fahrenheit)\b")


_STORY_RE = re.compile(r"-stor(?:y|ies)\b", re.IGNORECASE)


def _unit_at(text: str, pos: int, atom: _Atom) -> tuple[str, str, int] | None:
    um = _UNIT_RE.match(text, pos)
    if um:
        form = " ".join(um.group("u").lower().split())
        if form == "percent" or form in _UNIT_OF:
            unit, kind = _UNIT_OF[form]
            sep = text[pos:um.start("u")]
            if "-" in sep and kind != "measure" and unit != "percent":
                return None
            return unit, kind, um.end()
    sm = _STORY_RE.match(text, pos)
    if sm:
        return "storey", "measure", sm.end()  # "an 11-story tower" ("12 stories" may be news stories)
    pm = _POUNDS_RE.match(text, pos)
    if pm:
        return ("GBP", "money", pm.end()) if (atom.scaled or atom.cur) else ("lb", "measure", pm.end())
    # a bare "C" or "F" glued to digits where the words before tell the weather: "reached 41.3C (106.3F)", "a
    # scorching 107F" (British style; not "seat 12F" or "Class 5C")
    if (text.startswith(("C", "F"), pos) and not atom.cur and pos > 0 and text[pos - 1].isdigit()
            and not (pos + 1 < len(text) and text[pos + 1].isalnum())
            and _WEATHER_BEFORE.search(text, max(0, pos - 80), pos)):
        return ("°C" if text[pos] == "C" else "°F"), "measure", pos + 1
    # a bare "m" glued to digits that _read_atom left as metres ("a 5m wall")
    if text.startswith("m", pos) and not atom.cur and pos > 0 and text[pos - 1].isdigit() and not (
        pos + 1 < len(text) and text[pos + 1].isalnum()
    ):
        return "m", "measure", pos + 1
    return None


def _hedge_before(text: str, start: int) -> tuple[str, int, bool] | None:
    hm = _HEDGE_RE.search(text, max(0, start - 40), start)
    if not hm:
        return None
    if hm.group("tilde"):
        return "approx", hm.start("tilde"), False
    h = hm.group("h")
    for rx, mode, verb in _HEDGE_PARTS:
        if rx.match(h):
            return mode, hm.start("h"), verb
    return None  # pragma: no cover


def _apply(mode: str | None, lo: float, hi: float, vague: bool) -> tuple[float | None, float | None]:
    """The interval meant by a hedge applied to [lo, hi] (see the module doc)."""
    if mode is None:
        return lo, hi
    exactish = not vague  # a point or an explicit range; vague figures ("dozens") keep their span
    if mode == "approx":
        return (_r(lo * 0.9), _r(hi * 1.1)) if exactish else (lo, hi)
    if mode == "nearly":
        return (_r(lo * 0.9), hi) if exactish else (lo, hi)
    if mode == "justover":
        return (lo, _r(hi * 1.1)) if exactish else (lo, hi)
    if mode in ("over", "atleast"):
        return lo, None
    return None, hi  # "upto", "under"


def _r(x: float) -> float:
    return float(round(x, 6))


# ---------------------------------------------------------------------------------- main entry


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _URLISH.finditer(text)]
    for m in _PHONE.finditer(text):
        g = m.group()
        digits = sum(ch.isdigit() for ch in g)
        if digits >= 9 and re.search(r"\d{3}", g):
            spans.append((m.start(), m.end()))
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _reject_after(text: str, atom: _Atom) -> bool:
    """Letters glued to digits that are not a unit ("20th", "10am", "5G"), times, ids, fractions."""
    e = atom.end
    if atom.digits:
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            if not _UNIT_RE.match(text, e) and _unit_at(text, e, atom) is None:
                return True
        if text.startswith(("/", ":"), e) and e + 1 < len(text) and text[e + 1].isdigit():
            return True
        if _TIME_AFTER.match(text, e) or _TIME_DOT.match(text, e):
            return True
        if _CLOCK.fullmatch(text, atom.start, e) and _unit_at(text, e, atom) is None and _CLOCK_BEFORE.search(text, max(0, atom.start - 8), atom.start):
            return True  # "at 11.52"
        if e + 1 < len(text) and text[e] in ".," and text[e + 1].isdigit():
            return True
    else:
        if _FRACTION_AFTER.match(text, e):
            return True
    return False


def tag_quantities(text: str, doc: "Doc | None" = None) -> list[Quantity]:
    """Every quantity in ``text``, in order, as :class:`Quantity` (see the module doc for the rules).

    ``doc``: an optional spaCy ``Doc`` of the same text; when given, ``counted`` comes from the parse.
    """
    blocked = _blocked_spans(text)
    out: list[Quantity] = []
    pending_unit: list[Quantity] = []  # "from 15 to 20 percent": first figure waits for the second's unit
    pos = 0
    for m in _ATOM.finditer(text):
        if m.start() < pos:
            continue
        if blocked and _in_spans(m.start(), blocked):
            continue
        a = _read_atom(text, m)
        if a is None or _reject_after(text, a):
            continue
        q = _build(text, a, doc)
        if q is None:
            continue
        quantity, consumed_to, from_to = q
        pos = consumed_to
        if quantity is None:
            continue
        if pending_unit and quantity.unit is not None:
            for p in pending_unit:
                if p.unit is None:
                    p.unit, p.kind = quantity.unit, quantity.kind
        pending_unit = [quantity] if from_to else []
        out.append(quantity)
    out = _mixed_numbers(text, out)
    out = _durations(text, out)
    out += _zero_counts(text, out)
    out += _ordinal_counts(text, out)
    _elliptic_counts(text, out)
    out += _relative_fractions(text, out, blocked)
    out.sort(key=lambda q: q.start)
    return out


# A time on a race's clock: "won in 2:00:35", "a lap of 1:32:15.123" (hours, minutes and seconds; a clock time of day
# with seconds comes after "at" or before "a.m." or a time zone, and is no duration)
_RACE_TIME = re.compile(r"(?<![\d:.,])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?(?![\d:])")
_CLOCK_TIME_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|GMT|UTC|[A-Z]{2,4}T\b|local\s+time|hours\b|hrs\b)", re.IGNORECASE)
_CLOCK_TIME_BEFORE = re.compile(r"\b(?:at|by|from|until|till|since|before|after|around)\s+$", re.IGNORECASE)
# the joints of one duration told in parts: "two hours and 35 seconds", "59 minutes, 40 seconds"
_DURATION_JOIN = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)$")
_CLOCK_UNITS = {"hour": 3600.0, "minute": 60.0, "second": 1.0}
# ... and a term told in years and months, or in weeks and days ("jailed for five years and six months"), in the
# smaller unit: each pair of units that go into each other a whole number of times
_CALENDAR_UNITS = ({"year": 12.0, "month": 1.0}, {"week": 7.0, "day": 1.0})
# ... but a span that starts another statement is none of its parts ("lasted five hours, and 40 minutes later ...")
_TIME_AWAY_AFTER = re.compile(r"\s+(?:later|earlier|after|before|ago|into|left|remaining|from)\b", re.IGNORECASE)


def _durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """A race time is one duration in seconds ("2:00:35" is 7,235 seconds), and so is a duration told in hours,
    minutes and seconds ("two hours and 35 seconds", "59 minutes and 40 seconds"): one figure a report gives, to be
    compared whole with another's, not a count of hours and another of seconds."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        units = next((u for u in (_CLOCK_UNITS, *_CALENDAR_UNITS) if prev is not None and q.unit in u
                      and prev.unit in u), None)
        if (units is not None and q.kind == prev.kind == "measure" and q.value is not None
                and prev.value is not None and not q.approx and units[q.unit] < units[prev.unit]
                and _DURATION_JOIN.fullmatch(text, prev.end, q.start) and not _TIME_AWAY_AFTER.match(text, q.end)):
            value = (prev.value * units[prev.unit] + q.value * units[q.unit]) / units[q.unit]
            out[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], value, value, value, prev.approx, q.unit,
                               None, None, None, "measure")
            continue
        out.append(q)
    for m in _RACE_TIME.finditer(text):
        if _CLOCK_TIME_AFTER.match(text, m.end()) or _CLOCK_TIME_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if any(q.start < m.end() and m.start() < q.end for q in out):
            continue
        seconds = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + float(f"0.{m.group(4) or 0}")
        out.append(Quantity(m.start(), m.end(), m.group(), seconds, seconds, seconds, False, "second", None, None,
                            None, "measure"))
    out.sort(key=lambda q: q.start)
    return out


# A count of none, of the harm an event did: "no deaths", "no injuries were reported", "No one was hurt", "nobody died",
# "was not aware of any deaths". A report that the blast killed no one disagrees with one that it killed two, as
# "two" and "three" do. (Only of harm, which reports count and then correct: "no comment", "no plans" count nothing.)
_ZERO_HARM_NOUNS = r"(?P<noun>deaths?|fatalit(?:y|ies)|casualt(?:y|ies)|injur(?:y|ies))"
_ZERO_NOUN = re.compile(rf"\b(?:[Nn]o|[Zz]ero)\s+(?:(?:further|other|new|reported|known|confirmed|immediate)\s+)?"
                        rf"(?:reports\s+of\s+)?{_ZERO_HARM_NOUNS}\b")
_ZERO_ANY = re.compile(rf"\b(?:not|n't|never|without)\s+(?:[a-z]+\s+){{0,4}}?any\s+"
                       rf"(?:(?:further|other|new|reported|known|confirmed)\s+)?{_ZERO_HARM_NOUNS}\b")
_ZERO_ONE = re.compile(r"\b(?P<none>[Nn]o(?:\s+|-)one|[Nn]obody)\s+(?:(?:was|were|is|has\s+been|had\s+been|have\s+been)\s+"
                       r"(?:(?:seriously|badly|critically|fatally|reported)\s+)?)?"
                       r"(?P<verb>killed|hurt|injured|wounded|harmed|died|dies|perished)\b")
_ZERO_SINGULAR = {"deaths": "death", "fatalities": "fatality", "casualties": "casualty", "injuries": "injury"}


def _zero_counts(text: str, found: list[Quantity]) -> list[Quantity]:
    """Counts of none of an event's harm (see _ZERO_NOUN): value 0, counting the noun ("no deaths": "death") or, for
    "no one was hurt", the people (the figure's text "No one")."""
    out: list[Quantity] = []
    taken = [(q.start, q.end) for q in found]
    for pattern in (_ZERO_NOUN, _ZERO_ANY, _ZERO_ONE):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if pattern is _ZERO_ONE:
                start, end = m.span("none")
                out.append(Quantity(start, end, text[start:end], 0.0, 0.0, 0.0, False, None, "people", None, None,
                                    "cardinal"))
            else:
                noun = m.group("noun").lower()
                out.append(Quantity(m.start(), m.end(), m.group(0), 0.0, 0.0, 0.0, False, None,
                                    _ZERO_SINGULAR.get(noun, noun), m.start("noun"), m.end("noun"), "cardinal"))
            taken.append(m.span())
    return out


# the body whose members a count counts: "The 23 crew members" are 23 of the crew, as "All 22 crew" are
_BODY_OF_MEMBERS = re.compile(r"\b(crew|staff)\s+$", re.IGNORECASE)
ORDINAL_COUNTS = {w: i + 2 for i, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split())}
# one more person a running count takes in, by an ordinal: "Police have arrested a third man", "A fourth victim died in
# hospital on Friday" (the count is then that many); not "for the third time", "the third day", "a third of the votes"
_ORDINAL_COUNT = re.compile(
    r"\b(?:a|the)\s+(?P<ord>" + "|".join(ORDINAL_COUNTS) + r")\s+(?P<noun>man|woman|person|suspect|victim|body|child|boy|girl|"
    r"soldier|officer|worker|miner|climber|passenger|student|protester|journalist|patient|hostage)\b"
    r"(?![\w-])(?!\s+(?:of|in\s+(?:a|the)\s+(?:row|series)|time|day|week|round))", re.IGNORECASE)
# ... in a sentence that tells what befell them (arrested, died, killed, found, charged, freed, rescued, hurt)
_ORDINAL_ACT = re.compile(r"\b(?:arrest\w*|detain\w*|died|dies|killed|dead|death|found|charged|freed|released|"
                          r"rescued|injured|wounded|hurt|infected|confirmed|identified|missing)\b", re.IGNORECASE)


def _ordinal_counts(text: str, found: list[Quantity]) -> list[Quantity]:
    """A running count told by its newest member: "arrested a third man" is three men arrested, "A fourth victim died"
    four dead. Only for people an act befell in the same sentence."""
    out: list[Quantity] = []
    taken = [(q.start, q.end) for q in found]
    for m in _ORDINAL_COUNT.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        sentence_start = max(text.rfind(". ", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1)
        sentence_end = min((i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0), default=len(text))
        if not _ORDINAL_ACT.search(text, sentence_start, sentence_end):
            continue
        n = float(ORDINAL_COUNTS[m.group("ord").lower()])
        out.append(Quantity(m.start(), m.end("noun"), m.group(0), n, n, n, False, None, m.group("noun").lower(),
                            m.start("noun"), m.end("noun"), "cardinal"))
    return out


# a whole number and a fraction: "3 1/2 miles", "survived for 5 1-2 hours" (the wires' way of writing 5½)
_MIXED_FRACTION_AFTER = re.compile(r"\s+(?P<a>[1-7])[-/](?P<b>[2-8])(?![\d/-])")


def _mixed_numbers(text: str, found: list[Quantity]) -> list[Quantity]:
    """A whole number followed by a fraction is one figure: the fraction's unit or noun, the sum's value ("5 1-2
    hours" is 5.5 hours, not 5 of nothing and a range of one to two hours)."""
    out: list[Quantity] = []
    skip = -1
    for i, q in enumerate(found):
        if i == skip:
            continue
        m = _MIXED_FRACTION_AFTER.match(text, q.end)
        if (m is None or q.kind != "cardinal" or q.unit is not None or q.counted is not None or q.value is None
                or not float(q.value).is_integer() or int(m.group("a")) >= int(m.group("b"))):
            out.append(q)
            continue
        value = q.value + int(m.group("a")) / int(m.group("b"))
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.start == m.start("a"):
            skip = i + 1  # the fraction read as a range of its own ("1-2 hours")
            out.append(Quantity(q.start, nxt.end, text[q.start:nxt.end], value, value, value, q.approx, nxt.unit,
                                nxt.counted, nxt.counted_start, nxt.counted_end, nxt.kind))
        else:
            unit = kind = None
            end = m.end()
            um = _UNIT_RE.match(text, end)
            form = " ".join(um.group("u").lower().split()) if um else ""
            if form in _UNIT_OF and _UNIT_OF[form][1] in ("measure", "percent"):
                (unit, kind), end = _UNIT_OF[form], um.end()  # "3 1/2 miles"
            out.append(Quantity(q.start, end, text[q.start:end], value, value, value, q.approx, unit, None, None,
                                None, kind or "cardinal"))
    return out


_FROM_BEFORE = re.compile(r"\b(?:from|up\s+from|down\s+from)\s+$", re.IGNORECASE)
# "N more" with no noun of its own: "killing at least 12 miners and trapping 30 more", "Sixteen men are dead and eight
# more are still buried"
ELLIPTIC_MORE = re.compile(r"\s+more\b(?!\s+(?:than|of)\b)", re.IGNORECASE)


# A count after a name that is the next item of a list of names and counts ("The Civic Union took 58 seats and the
# Labour Party 52", "won 51 seats and the Greens 12"): counts what the list's first count does
_LISTED_NAME_BEFORE = re.compile(r"\b\d[\d,.]*\s+[a-z]+(?:\s+[a-z]+)?\s*(?:,|;|\band\b)\s+(?:and\s+)?(?:the\s+)?"
                                 r"(?:[A-Z][\w'’.-]*\s+){1,4}$")
_LIST_ITEM_END = re.compile(r"(?:\s*[,.;]|\s+and\b|\s*$)")


def _elliptic_counts(text: str, quantities: list[Quantity]) -> None:
    """A count that leaves out its noun ("trapping 30 more") counts what the count before it in its sentence does.
    (Not "others": "killed seven people and made 55 others ill" counts other people than the seven, and "took the
    lives of 12 students and one teacher and injured 20 others" not only students.) A measure a change starts from
    ("raised its estimate of the oil spilled to 3,000 tonnes, from 700 tonnes") measures what the one before it does."""
    for i, q in enumerate(quantities):
        before = quantities[i - 1] if i else None
        if (q.counted is None and q.kind == "measure" and before is not None and before.unit == q.unit
                and before.counted is not None and _FROM_BEFORE.search(text, max(0, q.start - 8), q.start)
                and q.start - before.end <= 40 and not re.search(r"[.!?;]\s", text[before.end:q.start])):
            q.counted = before.counted  # "to 3,000 tonnes on Thursday, from 700 tonnes": what it rose from
            continue
        # (the parse may take the name before the figure for its noun: "the Labour Party 52" counts no parties)
        unnamed = q.counted is None or q.counted_start is not None and q.counted_start < q.start
        listed = (unnamed and q.kind == "cardinal" and q.unit is None and before is not None
                  and before.counted not in (None, "age") and _LISTED_NAME_BEFORE.search(text, before.start, q.start))
        if listed and q.start - before.end <= 150 and not re.search(r"[.!?;]\s", text[before.end:q.start]):
            q.counted, q.counted_start, q.counted_end = before.counted, None, None  # "... and the Labour Party 52": seats
            continue
        if q.counted is not None or q.kind != "cardinal" or q.unit is not None or not ELLIPTIC_MORE.match(text, q.end):
            continue
        for p in reversed(quantities[:i]):
            if q.start - p.end > 150 or re.search(r"[.!?;]\s", text[p.end:q.start]):
                break
            if p.kind == "cardinal" and p.unit is None and p.counted not in (None, "age"):
                q.counted = p.counted
                break


# A change told as a fraction of what it changes: "halve your risk", "about a third less risk", "cut the risk by
# a third", "by half". Read as a percent change (50, 33.3 ...), so that "a 30% lower risk" agrees with "about a
# third less risk" and not with "halves the risk". A fraction of a whole ("a third of the voters") is not read.
_FRACTION_PERCENT = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTION_HEDGE = r"(?:(?P<hedge>about|around|roughly|some|almost|nearly|more\s+than|over|at\s+least|up\s+to)\s+)?"
_HALVE = re.compile(r"\b(?:halve|halves|halved|halving)\b", re.IGNORECASE)
_FRACTION_THAN = re.compile(
    rf"\b{_FRACTION_HEDGE}(?:a|one)\s+(?P<frac>half|third|quarter|fifth|tenth)\s+"
    r"(?=(?:less|lower|fewer|more|higher|smaller|bigger|greater|larger)\b)", re.IGNORECASE)
_FRACTION_BY = re.compile(
    r"\b(?:cut|cuts|cutting|reduced?|reduces|reducing|lowered|lowers?|lowering|raised?|raises|raising|increased?|"
    r"increases|increasing|rose|risen|rises|fell|fallen|falls|dropped|drops|slashed?|slashes|shrank|shrunk|grew|grown)"
    rf"\b[^.;:,]{{0,40}}?\bby\s+(?P<fig>{_FRACTION_HEDGE}(?:(?:a|one)\s+)?(?P<frac>half|third|quarter|fifth|tenth))\b",
    re.IGNORECASE)
_HEDGE_MODES = {"about": "approx", "around": "approx", "roughly": "approx", "some": "approx", "almost": "nearly",
                "nearly": "nearly", "more than": "over", "over": "over", "at least": "atleast", "up to": "upto"}


def _relative_fractions(text: str, found: list[Quantity], blocked: list[tuple[int, int]]) -> list[Quantity]:
    """Percent changes told as fractions (see _FRACTION_PERCENT) where no other figure was read."""
    taken = [(q.start, q.end) for q in found] + blocked
    out: list[Quantity] = []

    def add(start: int, end: int, value: float, hedge: str | None) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        mode = _HEDGE_MODES.get(re.sub(r"\s+", " ", hedge.lower())) if hedge else None
        lo, hi = _apply(mode, value, value, False)
        out.append(Quantity(start, end, text[start:end], None if lo is None else _r(lo), None if hi is None else _r(hi),
                            _r(value), mode is not None, "percent", None, None, None, "percent"))
        taken.append((start, end))

    for m in _HALVE.finditer(text):
        add(m.start(), m.end(), 50.0, None)
    for m in _FRACTION_THAN.finditer(text):
        add(m.start(), m.end("frac"), _FRACTION_PERCENT[m.group("frac").lower()], m.group("hedge"))
    for m in _FRACTION_BY.finditer(text):
        add(m.start("fig"), m.end("fig"), _FRACTION_PERCENT[m.group("frac").lower()], m.group("hedge"))
    return out


def _build(text: str, a: _Atom, doc: Any) -> tuple[Quantity | None, int, bool] | None:
    start, num_end = a.start, a.end
    # dates: "November 20", "20 November", "Nov. 20-22"
    if a.digits and (a.value is not None and a.value <= 31 and float(a.value).is_integer() or a.year_like):
        if _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, num_end):
            return None
    # word numbers glued to another word ("two-state", "one-off") unless a unit follows
    unit1 = _unit_at(text, num_end, a)
    if not a.digits and unit1 is None and _HYPHEN_WORD.match(text, num_end):
        return None
    if a.digits and unit1 is None and _HYPHEN_WORD.match(text, num_end):
        return None
    if unit1 is None and a.value is None:  # "millions of dollars", "thousands of tonnes"
        om = _OF.match(text, num_end)
        if om and not om.group().strip().lower().endswith(("whom", "which")):
            u = _unit_at(text, om.end(), a)
            if u is not None and u[1] != "percent" and u[0] not in _TIME_UNITS:
                unit1 = u
    end = unit1[2] if unit1 else num_end
    unit, kind = (unit1[0], unit1[1]) if unit1 else (None, None)
    if a.cur:
        unit, kind = a.cur, "money"

    lo, hi, value = a.low, a.high, a.value
    vague = a.value is None
    mode: str | None = None
    span_start = start
    is_range = False
    from_to = False

    # ratio: "one in five", "3 out of 10"
    if unit1 is None and not a.cur and a.value is not None:
        rm = _RATIO_SEP.match(text, num_end)
        if rm:
            bm = _ATOM.match(text, rm.end())
            b = _read_atom(text, bm) if bm else None
            if b is not None and b.value and not b.cur and b.value > a.value and _unit_at(text, b.end, b) is None \
                    and not b.year_like and not _reject_after(text, b):
                pct = _r(100.0 * a.value / b.value)
                # what the share is of: "one in three flights" (a plural right after), as "38% of its flights"
                heur = _counted_heuristic(text, b.end, "cardinal", False)
                counted, cstart, cend = heur if heur and heur[1] - b.end <= 1 and _looks_plural(text[heur[1]:heur[2]]) \
                    else (None, None, None)
                return (Quantity(start, b.end, text[start:b.end], pct, pct, pct, False, "percent", counted, cstart, cend,
                                 "percent"), b.end, False)

    # ranges: "15 to 20 percent", "15-20%", "between 15 and 20", "hundreds and possibly thousands"
    bw = _BETWEEN.search(text, max(0, start - 10), start)
    sm = _RANGE_SEP.match(text, end)
    if sm:
        sep = sm.group("sep").strip().lower()
        bm = _ATOM_NEXT.match(text, sm.end())
        b = _read_atom(text, bm) if bm else None
        if b is not None and not _reject_after(text, b):
            unit2 = _unit_at(text, b.end, b)
            blo, bhi, bval = b.low, b.high, b.value
            alo, ahi = lo, hi
            if b.scaled and not a.scaled and a.value is not None and a.digits and b.digits and b.value is not None:
                sc = b.value / _num(bm.group("dig"))
                if a.value * sc <= b.value:
                    alo = ahi = a.value * sc
            plain_and = sep == "and"
            # "from X to Y" is a change ("rose from 14 to 17"), unless a verb of spread opens it: "estimates run from
            # 500,000 to 1.6 million", "sentences ranging from two to five years"
            spread = bool(bw and bw.group("w").lower() == "from"
                          and _SPREAD_BEFORE.search(text, max(0, bw.start() - 30), bw.start()))
            ok_sep = (
                (sep in ("-", "–", "—", "to", "through")
                 and not (sep == "to" and bw and bw.group("w").lower() == "from" and not spread))
                or sep == "or"
                or (plain_and and bw is not None and bw.group("w").lower() == "between")
                or (plain_and and vague and b.value is None)
                or sep not in ("-", "–", "—", "to", "through", "or", "and")  # "if not", "and possibly", ...
            )
            u2 = (unit2[0], unit2[1]) if unit2 else None
            if b.cur:
                u2 = (b.cur, "money")
            u1 = (unit, kind) if unit else None
            units_ok = u1 is None or u2 is None or u1 == u2
            if unit1 is not None and u2 is None and sep == "to" and (
                    b.scaled and not a.scaled or unit1[0] == "percent" and (b.value or 0) > 100):
                # "profit rose 18% to 1.42 billion crowns", "fell 3 per cent to 1,200 points": a change and the
                # level it reached, not a range
                units_ok = False
            hyphen = sep in ("-", "–", "—")
            if a.year_like and b.year_like or (a.year_like and hyphen):
                return None, (unit2[2] if unit2 else b.end), False
            if ok_sep and units_ok and ahi < bhi and not b.year_like and not (hyphen and (vague or b.value is None)):
                is_range = True
                lo, hi, value = alo, bhi, None
                vague = vague or b.value is None
                if u2:
                    unit, kind = u2
                end = unit2[2] if unit2 else b.end
                if plain_and and bw is not None:
                    span_start = bw.start("w")
            elif sep == "to" and bw is not None and bw.group("w").lower() == "from":
                from_to = True
            if is_range and hyphen and b.digits and bm.group("dig") and len(bm.group("dig")) >= 4 \
                    and "," not in bm.group("dig") and not b.scaled and not b.cur:
                return None, (unit2[2] if unit2 else b.end), False  # "555-1234", "1998-2004"
            if not is_range and hyphen and a.digits and b.digits:
                return None, (unit2[2] if unit2 else b.end), False  # "3-1", "2019-20", "555-1234"
    # postfix hedges: "2,000 or more", "2,000-plus troops", "20 percent or so"
    post_mode = None
    pm = _POSTFIX.match(text, end)
    if pm:
        key = " ".join(pm.group("p").strip(" -").lower().split())
        post_mode = _POSTFIX_MODE.get(key)
        if post_mode:
            end = pm.end()
            if unit is None:
                u = _unit_at(text, end, a)
                if u:
                    unit, kind = u[0], u[1]
                    end = u[2]
    # prefix hedge
    h = _hedge_before(text, span_start)
    if h is not None:
        hmode, hstart, verb = h
        if hmode in ("over", "under") and unit in _TIME_UNITS and text[hstart:hstart + 4].lower() in ("over", "unde"):
            h = None  # "over three days" = during
        elif hmode == "over" and text[hstart:hstart + 4].lower() == "over" and _HANDED_BEFORE.search(text, max(0, hstart - 16), hstart):
            h = None  # "will hand over 35 soldiers": the verb's particle, not "more than 35"
        elif a.year_like and not is_range and (unit is None) and _TEMPORAL_BEFORE.search(text, max(0, hstart - 10), hstart):
            return None
        else:
            mode = hmode
            if not verb:
                span_start = hstart
    if mode is None:
        mode = post_mode
    # years, names and the pronoun "one"
    if a.year_like and not is_range and unit is None and not a.cur:
        nxt = _WORD.match(text, end)
        if mode is None or not (nxt and _looks_plural(nxt.group("w")) and nxt.group("w")[0].islower()):
            return None  # "in 2020", "around 2010 the town"; but "some 1800 homes" is a count
    if mode is None and not is_range and unit is None and not a.cur:
        if a.bare_one and not _ONE_HARMED_AFTER.match(text, end):
            return None
        lb = _LABEL_BEFORE.search(text, max(0, start - 30), start) if a.digits else None
        if lb and lb.group("cap") and _LISTED_NAME_BEFORE.search(text, max(0, start - 150), start) \
                and _LIST_ITEM_END.match(text, end):
            lb = None  # "took 58 seats and the Labour Party 52, ...": a name's count in a list, not a label
        if lb:
            cap = lb.group("cap")
            # "Paris. 300 people ..." ends a sentence; "No. 10" is a label.
            sentence_end = cap is not None and cap.endswith(".") and len(cap) > 4 and cap[:-1].isalpha()
            if not sentence_end and (
                cap is None or cap.endswith(".") or (cap.lower() not in _FUNCTION_WORDS and not cap.endswith(("'s", "’s")))
            ):
                return None
    if a.bare_one and mode is None and not is_range and unit is not None and kind == "measure":
        return None  # "one day", "one year"

    lo_f, hi_f = _apply(mode, lo, hi, vague)
    approx = mode is not None or vague
    kind = kind or "cardinal"
    # an age told as a measure of years ("The 24-year-old", "a 34-year-old man", "he is 61 years old") is an age
    age = (unit == "year" and not approx and value is not None and float(value).is_integer() and 1 <= value <= 120
           and "old" in text[num_end:end].lower())
    if age:
        unit, kind = None, "cardinal"
    # what it counts
    counted = cstart = cend = None
    span_end = end
    single = (value == 1)
    heur = _counted_heuristic(text, end, kind, single)
    if doc is not None:
        c = _counted_doc(doc, start, num_end, end, kind)
        if c is not None and heur is not None and not single and c[1] < heur[1] <= c[2] + 30 \
                and not _looks_plural(text[c[1]:c[2]]) and _looks_plural(text[heur[1]:heur[2]]):
            c = heur  # a mis-parse inside the noun phrase ("two field kitchens" -> "field")
        if c is not None:
            counted, cstart, cend = c
    if counted is None and heur is not None:
        counted, cstart, cend = heur
    if counted == "member" and cstart is not None and (body := _BODY_OF_MEMBERS.search(text, max(0, cstart - 12), cstart)):
        counted = body.group(1).lower()  # "23 crew members" count the crew
    if age:
        counted, cstart, cend = "age", None, None
    if counted == "product" and cstart is not None and _GROSS_BEFORE.search(text, max(0, cstart - 24), cstart):
        counted = "gdp"  # "3.4% of gross domestic product" is "3.4% of GDP"
    hyphened = False
    if counted is None and kind == "measure" and unit not in _TIME_UNITS and "-" in text[num_end:end]:
        thing = _hyphened_measure_noun(text, end)
        if thing is not None:
            counted, cstart, cend = thing  # "a 12-storey apartment block", "a 7.5-mile stretch of beaches"
            hyphened = True
    if counted is None and kind == "measure" and unit not in _TIME_UNITS:
        named = _MEASURED_BEFORE.search(text, max(0, span_start - 90), span_start)
        if named and not _OTHER_NUMBER_BETWEEN.search(text, named.end(), span_start):
            # "raised its estimate of the oil spilled by the tanker to 3,000 tonnes", "put the amount of fuel
            # leaked at 40 tonnes": the figure measures what the estimate is of
            counted, cstart, cend = _lemma(named.group("what")), named.start("what"), named.end("what")
    if (counted is None and kind == "cardinal" and unit is None and not approx and value is not None
            and 1 <= value <= 120 and float(value).is_integer()
            and _AGE_BEFORE.search(text, max(0, start - 40), start) and _AGE_AFTER.match(text, end)):
        counted = "age"  # "Petrovsky, 61, is accused ...": a person's age set off by commas after the name
    if (counted is None and kind == "cardinal" and unit is None and not approx and value is not None
            and 1 <= value <= 120 and float(value).is_integer() and _AGED_BEFORE.search(text, max(0, start - 20), start)
            and (_DEATH_BEFORE.search(text, max(0, start - 120), start) or _AGED_APPOSITION.search(text, max(0, start - 20), start)
                 and _AGE_AFTER.match(text, end))):
        counted = "age"  # "has died aged 90", "died on Sunday at the age of 91", "Tomas Varga, aged 91, ..."
    if counted is not None and cstart is not None and cstart >= end and not hyphened:
        # (a measure made an adjective is the figure alone: "a 300-km front line" gives "300-km")
        gap = text[end:cstart]
        if len(gap) <= 40 and not re.search(r"(?i)\bof\b|[^\w\s'’-]", gap):
            span_end = cend
    if counted is not None and kind == "cardinal" and counted in _UNIT_OF:
        u, k = _UNIT_OF[counted]
        if k == "money":
            unit, kind = u, k
    value_f = None if (is_range or vague) else value
    return (
        Quantity(span_start, span_end, text[span_start:span_end], lo_f, hi_f, value_f, approx, unit, counted, cstart,
                 cend, kind),
        end,
        from_to,
    )


# a name, or a person told by a word of their role ("The striker, 24, signed ..."), set off by a comma before the age
_AGE_BEFORE = re.compile(r"\b(?:[A-Z][\w'’.-]*[a-z][\w'’-]*|[Tt]he\s+[a-z]+),\s*$")
_AGE_AFTER = re.compile(r"\s*,\s+(?!and\b|or\b)[a-z]")
# A person's age told with "aged" / "at the age of": only an age at death or one set off after a name, where it is
# verbs whose "over" is a particle: "hand over 35 soldiers", "turned over 200 documents", "signed over 40 acres"
# (not "gave over 200 euros" nor "passed over 40 laws": more than, mostly)
OVER_PARTICLE_VERBS = frozenset({"hand", "turn", "sign", "fork"})
_HANDED_BEFORE = re.compile(r"\b(?:" + "|".join(rf"{v}(?:s|ed|ing)?" for v in sorted(OVER_PARTICLE_VERBS)) + r")\s+$",
                            re.IGNORECASE)
# that person's age now. "Elected at the age of 45" is an age at another time, and "people aged 65 and over"
# bound a group.
_AGED_BEFORE = re.compile(r"\b(?:aged|at\s+the\s+age\s+of)\s+$", re.IGNORECASE)
_DEATH_BEFORE = re.compile(r"\b(?:died|dies|dead|passed\s+away)\b[^.;:!?\"“”]*$", re.IGNORECASE)
_AGED_APPOSITION = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’-]*,\s*aged\s+$")


# what an estimate or an amount told before a measure is of: the noun after "estimate of (the)", when the figure ends
# the clause's "to ..." or "at ..." ("raised its estimate of the oil spilled by the tanker to 3,000 tonnes")
_MEASURED_BEFORE = re.compile(
    r"\b(?:estimates?|amount|volume|quantity|quantities|total)\s+of\s+(?:the\s+)?(?P<what>[a-z]{3,})\b"
    r"[^.;:!?()\"“”]{0,70}?\s(?:to|at|as|was|is|of)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than|at\s+least|an\s+estimated)\s+)?$")


_GROSS_BEFORE = re.compile(r"\bgross\s+domestic\s+$", re.IGNORECASE)


def _hyphened_measure_noun(text: str, pos: int) -> tuple[str, int, int] | None:
    """The noun a measure made an adjective with a hyphen measures: the last of the lower-case words right after it,
    before a function word ("a 12-storey apartment block that collapsed" -> block)."""
    run: list[tuple[str, int, int]] = []
    p = pos
    while len(run) < 3:
        wm = _WORD.match(text, p)
        if not wm or not wm.group("w").islower() or wm.group("w") in _STOP:
            break
        run.append((wm.group("w"), wm.start("w"), wm.end("w")))
        p = wm.end()
    while run and run[-1][0].endswith(("ed", "ing", "ly")):
        run.pop()  # ("a 12-storey block collapsed": not the verb)
    if not run:
        return None
    w, s, e = run[-1]
    return _lemma(w), s, e


def _counted_heuristic(text: str, pos: int, kind: str, single: bool) -> tuple[str, int, int] | None:
    of = _OF.match(text, pos)
    if of:
        p = of.end()
        nm = _NUM_START.match(text, p)
        if nm:
            p = nm.end()
    else:
        if kind != "cardinal":
            return None
        p = pos
    run: list[tuple[str, int, int]] = []
    while len(run) < 4:
        wm = _WORD.match(text, p)
        if not wm:
            break
        w = wm.group("w")
        lw = w.lower()
        if lw in _STOP or lw in _UNIT_OF and kind == "cardinal" and not run:
            break
        run.append((w, wm.start("w"), wm.end("w")))
        p = wm.end()
    if not run:
        return None
    if single and not of:
        w, s, e = run[0]
        return (_lemma(w) if w[0].islower() or w.isupper() is False else w.lower(), s, e)
    for i, (w, s, e) in enumerate(run):
        if _looks_plural(w):
            while i + 1 < len(run) and _looks_plural(run[i + 1][0]):  # "police officers"
                i += 1
            w, s, e = run[i]
            return _lemma(w), s, e
    if of or kind != "cardinal":
        for w, s, e in reversed(run):
            lw = w.lower()
            if not lw.endswith(("ed", "ing", "ly")):
                return _lemma(w) if len(run) == 1 or lw == w else lw, s, e
    return None


# a figure of its own between a number and the noun the parse gives it ("30 more about 600 metres"), not the hyphened
# measure of a compound ("five 20-tonne trucks")
_OTHER_NUMBER_BETWEEN = re.compile(r"(?<![\w-])\d[\d,.]*(?:\s|$)")


def _counted_doc(doc: Any, start: int, num_end: int, end: int, kind: str) -> tuple[str, int, int] | None:
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if kind == "cardinal":
        cand = [t for t in span if t.idx < num_end]
        anchor = cand[-1] if cand else span[-1]
    else:
        anchor = span[-1]
    seen = 0
    while anchor.dep_ in ("compound", "quantmod", "nmod") and anchor.head.i != anchor.i and seen < 4 and \
            anchor.head.idx < end and anchor.head.idx >= start:
        anchor = anchor.head
        seen += 1
    target = None
    if kind == "cardinal" and anchor.dep_ == "nummod" and anchor.head.pos_ in ("NOUN", "PROPN") \
            and anchor.head.idx >= start - 60 \
            and not _OTHER_NUMBER_BETWEEN.search(doc.text, max(num_end, end), max(num_end, end, anchor.head.idx)):
        # (not a noun another figure counts: "trapping 30 more about 600 metres underground" counts no metres)
        target = anchor.head
    if target is None:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
                if objs:
                    target = objs[0]
                    # "300 of the 2,000 troops": the object may itself be counted by another figure
                break
    hops = 0
    while target is not None and target.dep_ == "compound" and target.head.pos_ in ("NOUN", "PROPN") \
            and target.head.i > target.i and hops < 3:  # "16 observation posts": the head, not the modifier
        target = target.head
        hops += 1
    if target is None or target.lower_ in _UNIT_OF and kind == "cardinal" and target.idx < end:
        return None
    if target.idx < end and target.idx >= start:
        return None
    if target.tag_ == "NNPS" or (target.lemma_.lower() == target.lower_ and _looks_plural(target.text)):
        lem = _lemma(target.text)
    else:
        lem = target.lemma_.lower()
    return lem, target.idx, target.idx + len(target.text)
