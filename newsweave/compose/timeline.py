"""The timeline: dated events from every article, one entry per event, merged across outlets and sorted.

Every sentence that carries a calendar date (a day, ISO week, month or year, as normalised by the
temporal tagger against its article's publication date, or the day of a time such as "late on Monday
night") is an event candidate for that date (not the date of a wire dateline, "LONDON, March 10 (Reuters) -",
which says when the report was filed, nor a date a record is measured against, "the highest since 1981");
when the date belongs to a noun phrase rather than to the sentence's clause ("a barrier built in 1974"), the
candidate is that phrase, not the sentence. Candidates
for the same date that state the same content (same-content sentences, sentences sharing most of their
specific words, or spans holding wordings of one aligned fact) are one event, cited by every article that
dates it. An event is ``scheduled`` when its date lies after the publication date of the article that
states it, else ``happened``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsweave.align.facts import figures_conflict
from newsweave.align.similarity import SentenceIndex
from newsweave.annotate.dates import LOCAL_TIME_AFTER, MONTHS, RECORD_SINCE, RECORD_SINCE_CLAUSE, WEEKDAYS, ZONE_CONVERSION
from newsweave.annotate.datelines import date_dateline_end
from newsweave.annotate.quotes import find_quote_spans
from newsweave.compose.summary import _stem_function, _stopwords, loaded_count
from newsweave.model import AnnotatedArticle, Sentence

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?$")
_DAY_TIME_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T")
# Words by which a time expression names its day ("Monday night", "March 9 at noon", "tonight")
_DAY_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "tonight", "yesterday", "tomorrow"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MERGE_JACCARD = 0.3
MERGE_EMBEDDING = 0.6  # two sentences dated the same day, this close in meaning, report one event
# ... and a date's noun phrase compared by itself ("a cyberattack that the telecoms giant only disclosed on Tuesday"
# / "Telvano said on Tuesday that hackers stole ...": 0.50; "the neighbourhood, where residents had 20 minutes to
# flee on Sunday evening" / "The fire, which broke out on Sunday": 0.23): a short span says less than a sentence
MERGE_PHRASE_EMBEDDING = 0.45


@dataclass
class _Candidate:
    date: str
    sentence: Sentence
    timex_start: int
    timex_end: int
    timex_text: str
    status: str
    start: int = 0  # the event's span: the sentence, or the clause of it that carries this date
    end: int = 0
    text: str = ""
    until: str | None = None  # the last day, month or year of a period ("from December 2007 through June 2009")
    approximate: bool = False  # the phrase gives the date only roughly ("about a week ago", "two weeks ago")
    planned: bool = False  # told as a plan or a forecast ("expects Halvar to weaken on Monday")
    phrase: bool = False  # the span is a noun phrase the date belongs to ("the plane that crashed on Thursday")
    converted: str | None = None  # the day a bracket gives in another zone ("11:05 p.m. ET on Tuesday (0305 GMT on Wednesday)")


@dataclass
class _Event:
    date: str
    members: list[_Candidate] = field(default_factory=list)


def _calendar_value(timex) -> str | None:
    """The calendar date (day, ISO week, month or year) a time expression places its event on: a DATE's
    value, or the day of a TIME ("late on Monday night", 2026-03-09TNI, is an event of 9 March); None for
    durations, sets and dates that could not be resolved."""
    if timex.type == "DATE" and _DATE_VALUE.match(timex.value):
        return timex.value
    if timex.type == "TIME" and _DAY_TIME_VALUE.match(timex.value) and (
        _DAY_WORDS.intersection(re.findall(r"[a-z]+", timex.text.lower())) or _ISO_DAY.search(timex.text)
        or timex.anchor == "ref"
    ):
        # A bare clock time ("11 p.m.") only when its day comes from the text (the day the narrative is at,
        # "late on Monday night ... shortly before 11 p.m."): otherwise the tagger can only guess it.
        return timex.value[:10]
    return None


# A date that a record or a first is measured against ("the highest level since November 1981"): see
# annotate.dates.RECORD_SINCE
_COMPARISON_SINCE = RECORD_SINCE


# A figure of an earlier time a figure of now is compared with: "turnout was 64%, down from 71% at the last
# election in 2022", "up from 3.1 percent a year earlier", "compared with 412 in March"
_COMPARED_WITH = re.compile(r"(?:\b(?:down|up)\s+from|\bcompared\s+(?:with|to))\s+(?:(?:about|some|nearly|around|just)\s+)?"
                            r"(?:[$€£]|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s)"
                            r"(?:[^.;:!?,]|[.,](?=\d)){0,50}?"
                            r"(?:\b(?:in|at|on|during|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3})?$", re.IGNORECASE)


# A price of a day a figure is measured against: "a premium of 28% to Brisk's closing price on Monday", "a 28
# per cent premium to Monday's close"
_PRICE_OF_DAY_BEFORE = re.compile(r"\b(?:(?:closing|opening|settlement)\s+(?:price|level|value)s?|close)\s+(?:on|of)\s+$",
                                  re.IGNORECASE)
_PRICE_OF_DAY_AFTER = re.compile(r"['’]s\s+(?:close|closing|opening|settlement)\b", re.IGNORECASE)


# The time of a level a figure moved from: "inflation fell to 2.4% in May from 2.9% in April", "up from 4.1
# million in 2025"
_FROM_LEVEL_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£]?\d[\d.,]*\s*"
                                r"(?:%|per\s*cent|percent|(?:[a-z]+\s+){0,2}?)?\s*(?:in|on|at|during)\s+$",
                                re.IGNORECASE)


# The time a change is measured from: "up four points from April", "down 3% from a year earlier", "12 percent
# higher than in March" (not the day it happened: "rose 5% on Monday")
_CHANGE_FROM_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|risen|fallen|increased|decreased|gained|lost|climbed|dropped|higher|lower)\s+(?:by\s+)?"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+)?[\w.,%-]+(?:\s+(?:percentage\s+)?(?:points?|percent|per\s*cent))?\s+"
    r"(?:from|over|compared\s+(?:with|to)|than(?:\s+in)?)\s+$", re.IGNORECASE)


# The time an interval is counted from: "two months after its launch from Florida on March 9", "a week before
# the vote on Sunday", "three days after Monday's quake" (what the sentence tells is that far from it)
_OFFSET_FROM_BEFORE = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|some|many)\s+"
    r"(?:(?:more|full|whole)\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:after|before|since)\s+"
    r"(?:[^.;:!?,]){0,60}$", re.IGNORECASE)


# How often something happened since a time: "has raised rates five times since October", "the third time since
# 2019" (the time the count runs from, not a day it happened)
_TIMES_SINCE_BEFORE = re.compile(r"\b(?:once|twice|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                                 r"twelve|several|many|a\s+dozen|dozens\s+of)\s+times)\s+since\s+$", re.IGNORECASE)


def _comparison_anchor(text: str, sentence_start: int, timex_start: int, timex_text: str) -> bool:
    """Is the date at ``timex_start`` the point a record, a first or a figure of now is measured against, or the
    time an interval is counted from ("two months after its launch on March 9")?"""
    if timex_text.lower().startswith("since "):
        end = timex_start + len("since ")
        return bool(_COMPARISON_SINCE.search(text, sentence_start, end)
                    or _TIMES_SINCE_BEFORE.search(text, max(sentence_start, end - 40), end))
    window = max(sentence_start, timex_start - 120)
    if _PRICE_OF_DAY_BEFORE.search(text, max(sentence_start, timex_start - 40), timex_start) \
            or _PRICE_OF_DAY_AFTER.match(text, timex_start + len(timex_text)) \
            or _FROM_LEVEL_BEFORE.search(text, max(sentence_start, timex_start - 50), timex_start) \
            or _CHANGE_FROM_BEFORE.search(text, max(sentence_start, timex_start - 60), timex_start) \
            or _OFFSET_FROM_BEFORE.search(text, max(sentence_start, timex_start - 90), timex_start) \
            or RECORD_SINCE_CLAUSE.search(text, max(sentence_start, timex_start - 150), timex_start) \
            or _TIMES_SINCE_BEFORE.search(text, max(sentence_start, timex_start - 40), timex_start):
        return True
    return bool(_COMPARISON_SINCE.search(text, window, timex_start) or _COMPARED_WITH.search(text, window, timex_start))


# Two dates of one sentence that bound one period: "from December 2007 through June 2009", "1860-1865",
# "between March and May"; and a run of days written once ("from 5 to 8 September 2026", "12-14 August").
_RANGE_JOIN = re.compile(r"\s*(-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)
_DAY_RUN = re.compile(r"\b(?P<day>\d{1,2})\s*(?:-|–|to|through|until|and)\s*$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_DAY_RUN = re.compile(r"[A-Za-z]\.?\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\b")  # "May 3-7", "Oct. 12-13"
_SHORT_END_YEAR = re.compile(r"\s?[-–/]\s?(\d{2})(?![\d%.,:-]|\s*(?:%|per\b|percent\b))")
_RESCHEDULED = re.compile(r"\b(?:moved|moving|moves|postpon\w*|delay\w*|pushed|brought|reschedul\w*|chang\w*|shift\w*|"
                          r"switch\w*|advanced)\b[^.;]{0,40}\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
# A plan the report tells as overtaken: "ending a strike that had been due to run until Wednesday a day early",
# "the vote, which had been scheduled for Tuesday": the day it was set for, not one it happened on
# ... not a state that began then: "the line had been due for repairs since 2029"
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_PLAN_OVERTAKEN = re.compile(r"\bhad\s+been\s+(?:due|scheduled|expected|set(?!\s+(?:up|on|ablaze|alight|free|aside|off|out|down)\b)|"
                             r"planned|slated)\b[^.;,]{0,40}$", re.IGNORECASE)  # (not "had been set up three weeks ago")


# A plan called off: "called off a second walkout planned for next Tuesday", "Saturday's match has been
# cancelled", "scrapped the vote set for June 1"
_CANCELLED = re.compile(r"\b(?:call(?:ed|s|ing)?\s+off|cancel(?:l?ed|s|ling|ing|lation)|scrap(?:ped|s|ping)|"
                        r"abandon(?:ed|s|ing)|axed|scrubbed|shelved)\b", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:but|and|while|although|though|whereas)\s|\s[-\u2013\u2014]\s")


_CONVERSION = re.compile(ZONE_CONVERSION)


def _day_after(value: str, published: str | None) -> bool:
    """Is the date the day after the report's?"""
    try:
        return bool(published) and dt.date.fromisoformat(value[:10]) - dt.date.fromisoformat(published[:10]) == dt.timedelta(days=1)
    except ValueError:
        return False


def _called_off(text: str, sent: Sentence, t) -> bool:
    """Does the clause that holds the date say its plan is off ("called off a second walkout planned for
    next Tuesday", "Saturday's match has been cancelled"; not "cancelled Tuesday's talks but will meet on
    Friday" for Friday)?"""
    start = max([sent.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, sent.start, t.start)])
    nxt = _CLAUSE_BREAK.search(text, t.end, sent.end)
    return bool(_CANCELLED.search(text, start, nxt.start() if nxt else sent.end))


# what did not happen: "should have built", "could have been saved", "would not have died"
_COUNTERFACTUAL = re.compile(r"\b(?:should|could|would|might|ought\s+to)(?:n['’]t)?\s+(?:not\s+)?have\s+"
                             r"[a-z]+(?:ed|en|t|n)\b", re.IGNORECASE)


def _counterfactual(text: str, sent: Sentence, t) -> bool:
    """Does the clause of the date say what did not happen then ("should have built the new reservoir a decade
    ago")?"""
    start = max([sent.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, sent.start, t.start)])
    return bool(_COUNTERFACTUAL.search(text, start, t.start))


def _weekday_words(a, b) -> bool:
    return all(x.text.lower().strip(".").split()[-1] in WEEKDAYS for x in (a, b))


_ON_BEFORE = re.compile(r"\b(?:on|since|until|till|before|after|by)\s*[\"“`']*$", re.IGNORECASE)


def _in_quoted_title(text: str, start: int, end: int, titles: list[tuple[int, int]]) -> bool:
    """Is ``text[start:end]`` part of a title in quotation marks ("``Independence Day'' set the record",
    "fun with ``Monday Night Football''")? A short quotation whose words are capitalised names a work,
    unless a preposition of time puts it in the sentence as a day ('crowds gathered on "Black Friday"')."""
    return any(qs <= start and end <= qe and not _ON_BEFORE.search(text, max(0, qs - 12), qs) for qs, qe in titles)


_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by"}


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    out = []
    for q in find_quote_spans(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", text[q.inner_start:q.inner_end])
        if 1 <= len(words) <= 8 and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
            out.append((q.inner_start, q.inner_end))
    return out


def _periods(text: str, sent: Sentence, items: list) -> tuple[list, dict[int, str]]:
    """The sentence's dated items (sentence, timex, value) with the two ends of a period made one item, at
    the period's first date, and per such item (by ``id`` of its timex) the period's last date."""
    items = sorted(items, key=lambda x: x[1].start)
    out: list = []
    until: dict[int, str] = {}
    i = 0
    while i < len(items):
        _, t, value = items[i]
        if i + 1 < len(items):
            _, t2, value2 = items[i + 1]
            m = _RANGE_JOIN.fullmatch(text, t.end, t2.start)
            if m and _DAY_VALUE.match(value) and _DAY_VALUE.match(value2) and value2 < value and _weekday_words(t, t2):
                # "Wednesday through Sunday": the second weekday is the one after the first (the tagger
                # resolves each on its own)
                value2 = (dt.date.fromisoformat(value2) + dt.timedelta(days=7)).isoformat()
            if m and len(value) == len(value2) and "-W" not in value + value2 and value < value2:
                opener = _RANGE_OPENER.search(text, max(sent.start, t.start - 12), t.start)
                word = m.group(1).lower()
                opened = (opener.group(1).lower() if opener else
                          t.text.split()[0].lower() if t.text.split()[0].lower() in ("from", "between") else "")
                dash = word in ("-", "–", "—")
                # "from X to Y", "between X and Y", "Wednesday through Sunday"; not "on Monday and Tuesday" (two
                # days), nor "to" unopened
                worded = (opened == "between" if word == "and" else opened == "from" or word in ("through", "thru"))
                # "the vote was moved from March 3 to March 10" is a change of date, not a period
                moved = opened == "from" and _RESCHEDULED.search(text, sent.start, t.start)
                if (dash or worded) and not moved:
                    out.append(items[i])
                    until[id(t)] = value2
                    i += 2
                    continue
        m = _SHORT_END_YEAR.match(text, t.end) if re.fullmatch(r"\d{4}", value) else None
        if m:
            # "the 1950-53 Korean War", "the 2019-20 season": a period whose last year is written short
            last = int(value[:2]) * 100 + int(m.group(1))
            last += 100 if last <= int(value) else 0
            if last - int(value) < 20:
                out.append(items[i])
                until[id(t)] = f"{last:04d}"
                i += 1
                continue
        run = _MONTH_DAY_RUN.search(t.text) if _DAY_VALUE.match(value) else None
        if run and int(run.group(1)) == int(value[8:10]) < int(run.group(2)) <= 31:
            # "conducted May 3-7", "Oct. 12-13": the tagger dates the run by its first day; the last closes it
            out.append(items[i])
            until[id(t)] = f"{value[:8]}{int(run.group(2)):02d}"
            i += 1
            continue
        if _DAY_VALUE.match(value) and re.match(r"\d{1,2}\b", t.text):
            m = _DAY_RUN.search(text, max(sent.start, t.start - 24), t.start)
            if m and 1 <= int(m.group("day")) < int(value[8:10]):
                out.append((items[i][0], t, f"{value[:8]}{int(m.group('day')):02d}"))
                until[id(t)] = value
                i += 1
                continue
        out.append(items[i])
        i += 1
    return out, until


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]``, a date, the date of a dateline at the start of its paragraph?"""
    return date_dateline_end(text, start, end) is not None


def _granularity_rank(value: str) -> int:
    if "-Q" in value:
        return 3  # (a quarter, between a month and a year)
    return {10: 0, 8: 1, 7: 2, 4: 4}.get(len(value), 5)  # day, week, month, year


def _period_start(value: str) -> str:
    if "-W" in value:
        import datetime as dt

        y, w = value.split("-W")
        return dt.date.fromisocalendar(int(y), int(w), 1).isoformat()
    if "-Q" in value:
        y, q = value.split("-Q")
        return f"{y}-{3 * int(q) - 2:02d}-01"
    return value


def _event_status(statuses: set[str]) -> str:
    """One status for the reports of one event: a plan that any report says is off is cancelled (the
    others wrote before it was); otherwise the one status they share, or "happened"."""
    if "cancelled" in statuses and statuses <= {"scheduled", "cancelled"}:
        return "cancelled"
    return next(iter(statuses)) if len(statuses) == 1 and statuses <= {"scheduled", "moved"} else "happened"


def _status(value: str, published: str | None, planned: bool = False) -> str:
    """"scheduled" when the date lies ahead of the report; for an undated report, when the clause that
    holds the date is in the future tense ("By 2000 there will be homes at Har Homa")."""
    if not published:
        return "scheduled" if planned else "happened"
    start = _period_start(value)
    # A period that starts after the publication day lies ahead of the report; so does a plan for the period
    # the report is written in ("will close two plants by the end of the year" in April's report).
    if start[: len(published)] > published[: len(start)]:
        return "scheduled"
    return "scheduled" if planned and len(start) < len(published) and published.startswith(start) else "happened"


_EVENT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)


def _event_words(c: _Candidate) -> frozenset[str]:
    return _content_stems(c.text.replace(c.timex_text, " "))


@lru_cache(maxsize=4096)
def _content_stems(span: str) -> frozenset[str]:
    """The stemmed content words of an event's text, but for its date's words (each event is compared with
    every other of its day)."""
    stem, stop = _stem_function(), _stopwords()
    return frozenset(stem(w.lower()) for w in _EVENT_WORD.findall(span)
                     if w.lower() not in stop and w.lower() not in _CALENDAR)


def _event_words_contained(a: _Candidate, b: _Candidate) -> bool:
    """Is one event, cut from its sentence, told in words the other's event all has ("The law, passed in March
    2025" / "The government, which passed the law in March 2025 after weeks of demonstrations")? Whole
    sentences about other things hide that they date one event."""
    if (a.start, a.end) == (a.sentence.start, a.sentence.end) and (b.start, b.end) == (b.sentence.start, b.sentence.end):
        return False  # (whole sentences are compared as sentences)
    x, y = _event_words(a), _event_words(b)
    small, large = sorted((x, y), key=len)
    return len(small) >= 2 and small <= large


_PART_OF_DAY = re.compile(r"T(?:(MO|AF|EV|NI)|(\d\d):\d\d)")


def _parts_of_day(doc: AnnotatedArticle, sent: Sentence, day: str) -> set[str]:
    """The parts of ``day`` (morning, afternoon, evening, night) the sentence's times put it in: "2 a.m." is the
    night, "Thursday evening" the evening; empty when it gives no time of that day."""
    out = set()
    for t in doc.timexes:
        if sent.start <= t.start and t.end <= sent.end and (t.value or "").startswith(day + "T"):
            m = _PART_OF_DAY.match(t.value, len(day))
            if m and m.group(1):
                out.add(m.group(1))
            elif m:
                hour = int(m.group(2))
                out.add("NI" if hour < 5 or hour >= 21 else "MO" if hour < 12 else "AF" if hour < 17 else "EV")
    return out


def _meaning_similarity(index: SentenceIndex, a: _Candidate, b: _Candidate) -> float:
    """How close in meaning two candidates' events are: their sentences', or where either event is a date's noun
    phrase, their events' own: "The fire, which broke out on Sunday, has destroyed 41 houses" and "... rose to 57 as
    inspectors reached the neighbourhood, where residents had 20 minutes to flee on Sunday evening" read alike
    (0.65), their Sunday events do not (0.23)."""
    def cut(c: _Candidate) -> bool:
        return (c.start, c.end) != (c.sentence.start, c.sentence.end)

    if not (a.phrase or b.phrase):
        whole = index.embedding_similarity(a.sentence, b.sentence)
        if not (cut(a) or cut(b)):
            return whole
        # a clause cut from a sentence of several dates reads as its own event, or as the sentence's: "Shares fell 8%
        # on Wednesday after one of its tankers ran aground on Tuesday" reads as the fall, its Tuesday clause as the
        # grounding another report tells
        spans = [(c.sentence.article, c.start, c.end) for c in (a, b)]
        return max(whole, float(index.span_similarities(spans)[0, 1]))
    spans = [(c.sentence.article, c.start, c.end) for c in (a, b)]
    return float(index.span_similarities(spans)[0, 1])


def _jaccard(a: Sentence, b: Sentence) -> float:
    x, y = set(a.terms), set(b.terms)
    return len(x & y) / len(x | y) if x and y else 0.0


# (and a phrase that goes on from its clause: "with a starting price of $899, ..., and said it would go on sale on
# September 18", "despite calls to veto it")
_DEPENDENT = re.compile(r"^(?:which|who|whom|whose|that|while|when|where|whereas|but|and|or|as|after|before|until|because|"
                        r"although|with|without|despite|including|amid)\b", re.I)
# a clause that only goes on from the one before it: a comparison ("more than the third it had warned of last
# week"), a participle ("ending a strike that had been due to run until Wednesday") or a verb whose subject is
# before it ('"Harvest at Orvik", painted in 1889, was sold on Wednesday')
_GOES_ON = re.compile(r"^(?:more|less|fewer|up|down|than|was|were|is|are|has|have|had|will|would|"
                      r"(?!(?:some|any|no|every)thing\b)[a-z]+ing)\b")
_SEPARATOR = re.compile(r"\s*(?:(?<!\d)[,;:]|[,;:](?!\d)|\s[-–—]\s)\s*")  # not inside "1,500" or "12:01"


def _clauses(text: str, sent: Sentence, timexes: list) -> list[tuple[int, int]]:
    """One span per date of a sentence that lists several ("X before November 20, Y before November 15"):
    the stretch between the separators around each date. Dates with no separator between them share their
    clause ("will miss this year's championships in August"); the whole sentence when no separator parts
    any of them, or where a clause would be a fragment (a trimmed clause must still read as a statement)."""
    if len(timexes) < 2:
        return [(sent.start, sent.end)] * len(timexes)
    # runs of dates with no separator between them
    groups: list[list[int]] = [[0]]
    for i in range(1, len(timexes)):
        if _break(text, timexes[i - 1].end, timexes[i].start):
            groups.append([i])
        else:
            groups[-1].append(i)
    if len(groups) < 2:
        return [(sent.start, sent.end)] * len(timexes)
    spans: list[tuple[int, int]] = [(sent.start, sent.end)] * len(timexes)
    for g, members in enumerate(groups):
        first, last = timexes[members[0]], timexes[members[-1]]
        left = sent.start if g == 0 else _break(text, timexes[groups[g - 1][-1]].end, first.start).end()
        right = sent.end if g + 1 == len(groups) else _break(text, last.end, timexes[groups[g + 1][0]].start).start()
        clause = text[left:right].strip(" ,;:-–—")
        if not (_DEPENDENT.match(clause) or _GOES_ON.match(clause) or len(clause.split()) < 4):
            for i in members:
                spans[i] = (left, right)  # (a fragment keeps the sentence)
    return spans


# a clause of its own time opened inside a sentence: "Shares fell 8% on Wednesday after one of its tankers, the Sea
# Harrow, ran aground on Tuesday" (the break is the conjunction, not the comma of the name's apposition); not the
# preposition of a date ("before November 15"): two words at least before the next date
_TIME_CLAUSE_OPENER = re.compile(r",?\s+(?:after|before|when|because|following)\s+(?=\S+\s+\S+\s)", re.IGNORECASE)


_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,;:]{1,40},")


def _break(text: str, start: int, end: int) -> re.Match | None:
    """Where a sentence's clause of one date ends and the next date's begins, between ``start`` and ``end``: a
    conjunction whose clause runs on to the next date (but for a name set off by commas), else a separator
    ('"Harvest at Orvik", painted in 1889 shortly before Varga left for Paris, was sold on Wednesday': the
    "before" clause ends at the comma, and Wednesday's clause is the sentence's own)."""
    opener = _TIME_CLAUSE_OPENER.search(text, start, end)
    if opener and not re.search(r"[,;:]", _APPOSITION.sub(" ", text[opener.end():end])):
        return opener
    return _SEPARATOR.search(text, start, end)


_NAME_OF_YEAR_BEFORE = re.compile(r"\b(?:Act|Acts|Treaty|Convention|Protocol|Accords?|Charter|Code|Constitution)\s+of\s+$")
MIN_PHRASE_WORDS = 5  # shorter noun phrases ("the November 10 accord") do not read as an event: keep the sentence
MAX_PHRASE_SHARE = 0.85  # a phrase that is nearly the whole sentence: keep the sentence


def _noun_phrase_span(doc: AnnotatedArticle, sent: Sentence, timex) -> tuple[int, int] | None:
    """The span of the noun phrase a date belongs to ("an earth-fill barrier built in 1974", "Friday's
    deadline, which was delayed from Sunday"), when it can stand as the event that date dates: the rest of
    the sentence reports something else, at another time ("... failed shortly before 11 p.m."), and must
    not be put on the timeline under this date."""
    phrase = doc.date_phrases.get((timex.start, timex.end))
    if phrase is None:
        return None
    start, end = max(phrase[0], sent.start), min(phrase[1], sent.end)
    words = doc.article.text[start:end].split()
    if len(words) < MIN_PHRASE_WORDS or end - start > MAX_PHRASE_SHARE * (sent.end - sent.start):
        return None
    return start, end


def _encode_comparable(candidates: list[_Candidate], index: SentenceIndex) -> None:
    """Embed, in one batch, the sentences that the merging below may compare by meaning: those dated the same
    day as a sentence of another article. The merging would otherwise encode them a pair at a time, each a
    batch of one or two on one core; nearly all of them are compared anyway (323 of 328 on a 100-article
    DUC 2006 story). With the default encoder a sentence's embedding depends on its text alone, so what the
    merging finds is the same."""
    if not index.use_embeddings:
        return
    articles_on: dict[str, set[str]] = {}
    for cand in candidates:
        articles_on.setdefault(cand.date, set()).add(cand.sentence.article)
    comparable = {(c.sentence.article, c.sentence.index): c.sentence for c in candidates if len(articles_on[c.date]) > 1}
    if comparable:
        index.vectors(list(comparable.values()))


_LABEL_REST = re.compile(r"[\s\-\u2013\u2014:*\u2022]*")


# an event's words that name no one without the sentence before ("They had been held since ...")
_LEANS_BACK = re.compile(r"(?:He|She|They|It|His|Her|Their|Its|This|These|Those|Him|Them)\b")
MAX_CUE_TO_DATE = 30  # characters from a verb of saying to the day it was said on ("told reporters late on Monday")
_PUNCTUATION = re.compile(r"[,.;:!?\"“”()]")
_THAT_BETWEEN = re.compile(r"\s*(?:that\s+)?")  # "announced on Tuesday that it will ...": what was said follows


_THAT_OPENING = re.compile(r"\s*that\s+", re.IGNORECASE)


def _only_saying(doc: AnnotatedArticle, start: int, end: int, t=None) -> bool:
    """Does the date ``t`` date the telling ("..., the coast guard said on Sunday"): the clause ``start``-``end``
    holds an attribution's cue and none of what was said, or the date itself stands right after the cue, after
    what was said ("The funeral will now be held on Friday, a day later than first announced, ..., the
    president's office said on Tuesday", where the clauses split inside what was said; "The funeral ... will be
    held on Friday, the council said on Tuesday, a day later than first announced")? A day told right before
    what was said ("the carmaker announced on Tuesday that it will shed 1,200 jobs") dates the announcement, an
    event of its own."""
    for a in doc.quotes:
        if a.cue_start is None or a.form != "clause":
            continue
        parts = a.content_parts or [(a.content_start, a.content_end)]
        if start <= a.cue_start < end and all(e <= start or s >= end for s, e in parts):
            return True
        cue_end = a.cue_end if a.cue_end is not None else a.cue_start
        text = doc.article.text
        if (t is not None and 0 <= t.start - cue_end <= MAX_CUE_TO_DATE and start <= t.start < end
                and not _PUNCTUATION.search(text, cue_end, t.start)
                and any(e <= a.cue_start for s, e in parts)
                and not any(s >= t.end and _THAT_BETWEEN.fullmatch(text, t.end, s) for s, e in parts)):
            return True  # "..., the office said on Tuesday", "..., his son told reporters on Monday"
    return False


def _date_label(text: str, sent: Sentence, t) -> bool:
    """Is the sentence only a date set as a label ("-- Nov. 29, 1962:", "March 2 -")?"""
    if not (sent.start <= t.start and t.end <= sent.end):
        return False
    rest = text[sent.start:t.start] + text[t.end:sent.end]
    return bool(_LABEL_REST.fullmatch(rest)) and text[sent.start:sent.end].rstrip().endswith((":", "-", "\u2013", "\u2014"))


def _facts_by_article(facts: Sequence | None) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, fact id) of every claim of an aligned fact, by article."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for fact in facts or ():
        for c in fact.claims:
            spans.setdefault(c.article, []).append((c.start, c.end, fact.id))
    return spans


def build_timeline(docs: Sequence[AnnotatedArticle], index: SentenceIndex, facts: Sequence | None = None) -> list[dict]:
    """The story's dated events (see the module docstring). ``facts``, the aligned facts of the story, also
    merge two candidates of one date whose spans hold claims of the same fact: the aligner may have linked
    wordings (by claim, figure or day) that share too little as whole sentences."""
    fact_spans = _facts_by_article(facts)

    def facts_of(c: _Candidate) -> set[str]:
        # only claims inside the event's span: a date's noun phrase is not the statement of its sentence
        return {fid for s, e, fid in fact_spans.get(c.sentence.article, ()) if c.start <= s and e <= c.end}

    candidates: list[_Candidate] = []
    for doc in docs:
        text = doc.article.text
        seen_sentences: set[str] = set()
        by_sentence: dict[int, list] = {}
        body_start: dict[int, int] = {}  # sentence -> where its report begins, after a dateline
        label_start: dict[int, int] = {}  # sentence -> where the date label that heads it starts
        claims_of: dict[int, list] = {}
        for c in getattr(doc, "claims", None) or ():
            claims_of.setdefault(c.sentence, []).append(c)
        titles: list[tuple[int, int]] | None = None  # quoted titles of the article, found when first needed
        quotes: list = []  # ... and its quotations
        # "6:10 a.m. Wednesday (4:10 p.m. ET Tuesday)": the bracket gives the same moment in another zone
        conversions = [m.span() for t in doc.timexes if (m := _CONVERSION.match(text, t.end))]
        # ... and the day it gives there, which other reports (in that zone) may date the event by
        converted = {t.end: day for t in doc.timexes if (m := _CONVERSION.match(text, t.end))
                     for o in doc.timexes if m.start() <= o.start < m.end() and (day := _calendar_value(o))}
        for t in doc.timexes:
            if any(s <= t.start < e for s, e in conversions):
                continue
            value = _calendar_value(t)
            sent = doc.sentence_at(t.start)
            if value is None or sent is None:
                continue
            after_dateline = date_dateline_end(text, t.start, t.end)
            if after_dateline is not None:  # when the report was filed, not an event
                body_start[sent.index] = after_dateline
                continue
            if _date_label(text, sent, t):
                # a chronology's item: "-- Nov. 29, 1962:" is split off the sentence that tells the event
                nxt = doc.sentences[sent.index + 1] if sent.index + 1 < len(doc.sentences) else None
                if nxt is not None and nxt.paragraph == sent.paragraph and nxt.kind != "heading":
                    label_start[nxt.index] = sent.start
                    by_sentence.setdefault(nxt.index, []).append((nxt, t, value))
                continue
            if sent.kind == "heading" or sent.n_words < 4:
                continue
            if _comparison_anchor(text, sent.start, t.start, t.text):
                continue
            if titles is None:
                titles = _quoted_titles(text)
                quotes = find_quote_spans(text)
            if _in_quoted_title(text, t.start, t.end, titles):
                continue  # the name of a film or a show, not a day
            if t.text.isdigit() and _NAME_OF_YEAR_BEFORE.search(text, max(0, t.start - 12), t.start):
                continue  # a law's year, part of its name: "to discuss expiring provisions of the Foreign Intelligence
                # Surveillance Act of 1978" (when it was passed is not what the sentence tells)
            if any(q.start <= sent.start and sent.end <= q.end + 1 for q in quotes):
                continue  # someone's words set as a sentence of their own ('"Today I am doing just that."'), its
                # speaker in the sentence before: no event the report tells
            by_sentence.setdefault(sent.index, []).append((sent, t, value))
        for items in by_sentence.values():
            sent = items[0][0]
            key = " ".join(sent.text.lower().split())
            if key in seen_sentences:  # a standfirst repeated in the body is one statement
                continue
            seen_sentences.add(key)
            items, until = _periods(text, sent, items)
            # A date of a noun phrase is that phrase's event; the sentence's other dates share the sentence
            # among themselves ("The dam, a barrier built in 1974, failed shortly before 11 p.m.": the 1974
            # phrase, and the whole sentence for 11 p.m., not the fragment "failed shortly before 11 p.m.").
            labelled = [t.start < sent.start for _, t, _ in items]  # the date heads the sentence as its label
            phrases = [None if lab else _noun_phrase_span(doc, sent, t) for (_, t, _), lab in zip(items, labelled)]
            # A date of a short noun phrase ("the 2025 protest law") in a sentence another date dates ("...,
            # striking down the 2025 protest law ... on Wednesday") is no event of its own: the sentence is
            # Wednesday's, and under 2025 it would tell Wednesday's ruling as a thing of 2025.
            short_phrase = [p is None and not lab and (t.start, t.end) in doc.date_phrases
                            for (_, t, _), p, lab in zip(items, phrases, labelled)]
            if any(short_phrase) and not all(short_phrase) and any(
                    p is None and not lab and not sp for p, lab, sp in zip(phrases, labelled, short_phrase)):
                keep = [not sp for sp in short_phrase]
                items = [x for x, k in zip(items, keep) if k]
                phrases = [x for x, k in zip(phrases, keep) if k]
                labelled = [x for x, k in zip(labelled, keep) if k]
                short_phrase = [False] * len(items)
            # ... nor, alone, is a possessive day inside the clause ("Brisk shares gave up some of Monday's gains,
            # closing 9% lower" in Tuesday's paper tells Tuesday's trading): only a phrase the sentence opens with
            # ("Monday's attack killed 12 people") dates what the sentence reports
            body = text[body_start.get(sent.index, sent.start):sent.end]
            opening = sent.end - len(body.lstrip(' "“‘('))
            inner = [sp and text[t.end:t.end + 2] in ("'s", "’s") and doc.date_phrases[(t.start, t.end)][0] > opening
                     for (_, t, _), sp in zip(items, short_phrase)]
            if any(inner):
                items, phrases, labelled = ([x for x, i in zip(xs, inner) if not i] for xs in (items, phrases, labelled))
                if not items:
                    continue
            clause_spans = iter(_clauses(text, sent, [t for (_, t, _), p, lab in zip(items, phrases, labelled)
                                                      if p is None and not lab]))
            spans = [(label_start[sent.index], sent.end) if lab else p or next(clause_spans)
                     for p, lab in zip(phrases, labelled)]
            if sent.index in body_start:  # the event is told after the dateline
                spans = [(max(start, body_start[sent.index]), end) for start, end in spans]
            if len(items) > 1:
                # "At least 27 migrants drowned late on Saturday, the coast guard said on Sunday": the clause
                # of saying dates the telling, not an event; the sentence's other date is the event's
                saying = [p is None and not lab and _only_saying(doc, start, end, t)
                          for (_, t, _), p, lab, (start, end) in zip(items, phrases, labelled, spans)]
                if any(saying) and not all(saying):
                    items, spans, labelled, phrases = ([x for x, sy in zip(xs, saying) if not sy]
                                                       for xs in (items, spans, labelled, phrases))
            for (_, t, value), (start, end), lab, phrase in zip(items, spans, labelled, phrases):
                if start > sent.start and (that := _THAT_OPENING.match(text, start)) and that.end() <= t.start:
                    start = that.end()  # a clause of what was said, without its "that": "a faulty update caused ..."
                planned = any((lab or c.start <= t.start < c.end) and c.modality == "planned"
                              for c in claims_of.get(sent.index, ()))
                # "the deadline, which was moved from Monday": the day it was moved from, not its day now
                status = "moved" if (_RESCHEDULED.search(text, sent.start, t.start)
                                     or _PLAN_OVERTAKEN.search(text, sent.start, t.start)
                                     and not _SINCE_BEFORE.search(text, sent.start, t.start)) else _status(
                    value, doc.article.published, planned)
                if status == "scheduled" and _called_off(text, sent, t):
                    status = "cancelled"  # a day still to come, of a plan the report says is off
                if _counterfactual(text, sent, t):
                    continue  # "They should have built the new reservoir a decade ago": nothing happened then
                if status == "scheduled" and not planned and LOCAL_TIME_AFTER.match(text, t.end) \
                        and _day_after(value, doc.article.published):
                    status = "happened"  # "struck early Wednesday local time" in Tuesday's paper of a zone behind
                candidates.append(_Candidate(value, sent, t.start, t.end, t.text, status,
                                             start, end, text[start:end].strip(" ,;:-–—"), until.get(id(t)),
                                             t.mod == "APPROX", planned, phrase is not None,
                                             converted.get(t.end)))

    _encode_comparable(candidates, index)
    cand_facts = {id(c): facts_of(c) for c in candidates}
    by_id = {d.article.id: d for d in docs}
    figures: dict[tuple[str, int], list] = {}

    def figures_of(s) -> list:
        key = (s.article, s.index)
        if key not in figures:
            figures[key] = [q for c in by_id[s.article].claims if s.start <= c.start and c.end <= s.end
                            for q in c.quantities]
        return figures[key]

    def other_figures(m: _Candidate, cand: _Candidate) -> bool:
        # "sentenced to 12 years" and "to 10 years" on one day are two versions of the event (a disagreement),
        # not one event both reports tell; a noun phrase's event is told by the phrase's figures alone ("The
        # report, published on Friday" in two reports whose sentences give the report's findings two ways)
        def told(c: _Candidate) -> list:
            qs = figures_of(c.sentence)
            return [q for q in qs if c.start <= q.start and q.end <= c.end] if c.phrase else qs
        return figures_conflict(told(m), told(cand), counts=True)
    parts: dict[int, set[str]] = {}

    def other_part_of_day(m: _Candidate, cand: _Candidate) -> bool:
        # "made landfall at about 2 a.m. on Thursday" and "weakened to a tropical storm on Thursday evening" are
        # two events of one day, however alike the sentences read
        for c in (m, cand):
            if id(c) not in parts:
                parts[id(c)] = _parts_of_day(by_id[c.sentence.article], c.sentence, c.date)
        return bool(parts[id(m)]) and bool(parts[id(cand)]) and not parts[id(m)] & parts[id(cand)]

    events: list[_Event] = []
    by_date: dict[str, list[_Event]] = {}
    for cand in candidates:
        placed = False
        for ev in by_date.get(cand.date, []):
            same = [m for m in ev.members if m.sentence.article == cand.sentence.article and m.sentence.index == cand.sentence.index]
            if same:
                placed = True  # the same sentence dates the same day twice ("at 11:05 p.m. ET on Tuesday")
                same[0].converted = same[0].converted or cand.converted
                break
            if any(
                m.sentence.article != cand.sentence.article
                and not other_figures(m, cand)
                and (cand_facts[id(m)] & cand_facts[id(cand)] or not other_part_of_day(m, cand))
                and (
                    cand_facts[id(m)] & cand_facts[id(cand)]
                    or index.same_content(m.sentence, cand.sentence) > 0
                    or _jaccard(m.sentence, cand.sentence) >= MERGE_JACCARD
                    or _meaning_similarity(index, m, cand) >= (
                        MERGE_PHRASE_EMBEDDING if m.phrase or cand.phrase else MERGE_EMBEDDING)
                    or _event_words_contained(m, cand)
                )
                for m in ev.members
            ):
                ev.members.append(cand)
                placed = True
                break
        if not placed:
            ev = _Event(cand.date, [cand])
            events.append(ev)
            by_date.setdefault(cand.date, []).append(ev)
    # A candidate joins the first event it matches, which need not be the one the other wordings of its
    # fact joined: events of one date that hold wordings of one aligned fact are one event.
    for same_date in by_date.values():
        merged = True
        while merged:
            merged = False
            held = [set().union(*(cand_facts[id(m)] for m in ev.members)) for ev in same_date]
            for x, y in ((x, y) for x in range(len(same_date)) for y in range(x + 1, len(same_date))):
                if held[x] & held[y]:
                    same_date[x].members += same_date[y].members
                    events.remove(same_date[y])
                    del same_date[y]
                    merged = True
                    break

    # One moment in two zones: "lifted off at 11:05 p.m. ET on Tuesday (0305 GMT on Wednesday)" and another report's
    # "blasted off early on Wednesday", wordings of one aligned fact, are one event, under the first report's day.
    for ev in list(events):
        if not any(e is ev for e in events):
            continue  # (already joined to another event)
        days = {m.converted[:10] for m in ev.members if m.converted} - {ev.date}
        for other in [o for o in events if o is not ev and o.date in days]:
            if set().union(*(cand_facts[id(m)] for m in ev.members)) & set().union(*(cand_facts[id(m)] for m in other.members)):
                ev.members += other.members
                events.remove(other)
                by_date[other.date].remove(other)

    out = []
    for ev in events:
        # The wording: one that tells it happened over a forecast of it ("Halvar weakened to a tropical storm on
        # Monday", not "the bureau expects Halvar to weaken on Monday"), a statement over a noun phrase ("A plane
        # ... crashed into a mountainside on Thursday evening", not "the chartered plane that crashed ... on
        # Thursday") unless the statement leans on the sentence before it ("They had been held since ..."), the
        # most neutral member (fewest loaded terms: "passed a law", not "rammed its draconian law
        # through"), then the one that shares most with the others (the common core), shorter on ties.
        # (a plan still to come is told as a plan by every report: a statement goes first, then one not told as a
        # plan, so that "The commission is due to report by April 30" is not given up for "a hand-picked commission
        # that is not due to report until 30 April", a noun phrase no verb of planning marks)
        ahead = _event_status({m.status for m in ev.members}) == "scheduled"

        def centrality(m: _Candidate) -> tuple[bool, bool, bool, int, float, int]:
            order = (not m.phrase, not m.planned) if ahead else (not m.planned, not m.phrase)
            return (order[0], not _LEANS_BACK.match(m.text), order[1], -loaded_count(m.text),
                    sum(_jaccard(m.sentence, o.sentence) for o in ev.members if o is not m), -m.sentence.n_words)

        best = max(ev.members, key=centrality)
        ev.members = list({(m.sentence.article, m.start): m for m in ev.members}.values())
        sources = list(dict.fromkeys([best.sentence.article] + [m.sentence.article for m in ev.members]))
        statuses = {m.status for m in ev.members}
        ends = [m.until for m in ev.members if m.until]
        out.append({
            "date": ev.date,
            **({"end": best.until or max(set(ends), key=ends.count)} if ends else {}),
            "event": best.text,
            "status": _event_status(statuses),
            # only when no report gives the date exactly
            **({"approximate": True} if all(m.approximate for m in ev.members) else {}),
            "sources": sources,
            "evidence": [
                {"article": m.sentence.article, "start": m.start, "end": m.start + len(m.text),
                 "date_text": m.timex_text, "date_start": m.timex_start, "date_end": m.timex_end}
                for m in sorted(ev.members, key=lambda m: sources.index(m.sentence.article))
            ],
        })
    out.sort(key=lambda e: (_period_start(e["date"]), _granularity_rank(e["date"]), -len(e["sources"])))
    _mark_postponed(out)
    return out


# what a later report tells of a plan on its day: "The sentencing of ... was postponed on Thursday until next Tuesday"
_POSTPONED = re.compile(r"\b(?:postpon(?:ed|ement)|delayed|adjourned|put\s+off|pushed\s+back|deferred)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z]{2,}\b")


def _mark_postponed(events: list[dict]) -> None:
    """A plan for a day ("A court will rule on Thursday whether Viktor Halloran should be jailed") that another report
    tells was put off on that day ("The sentencing of Viktor Halloran was postponed on Thursday until next Tuesday"),
    naming someone in common, did not happen then: it is the day the plan was moved from."""
    def names(text: str) -> set[str]:
        return {w for w in _NAME_WORD.findall(text) if w.lower() not in WEEKDAYS and w.lower() not in MONTHS}

    for e in events:
        if e["status"] != "scheduled":
            continue
        own = names(e["event"])
        if any(o is not e and o["date"] == e["date"] and o["status"] == "happened" and _POSTPONED.search(o["event"])
               and own & names(o["event"]) and not set(o["sources"]) <= set(e["sources"]) for o in events):
            e["status"] = "moved"


def mark_disputed_events(timeline: Sequence[dict], disagreements: Sequence[dict]) -> None:
    """Set each event's ``disputed``: the date disagreements whose value dates it (the event's date is a value
    another report contradicts or updates: "died late on Saturday" where others say Sunday, a funeral "on
    Thursday" that a later report moves to Friday), so that a reader of the timeline sees it is contested."""
    given: dict[tuple[str, int], list[str]] = {}
    for d in disagreements:
        if d.get("kind") != "date":
            continue
        for p in d.get("positions", []):
            for ev in p.get("evidence", []):
                if "value_start" in ev:
                    given.setdefault((ev["article"], ev["value_start"]), []).append(d["id"])
    for event in timeline:
        ids = [i for ev in event.get("evidence", []) for i in given.get((ev["article"], ev.get("date_start")), [])]
        event["disputed"] = list(dict.fromkeys(ids))

