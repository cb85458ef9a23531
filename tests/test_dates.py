"""Tests for the news-aware TIMEX3 tagger (newsweave.annotate.dates) and the TempEval-3 scorer.

All sentences here are written for these tests; no benchmark text is copied.
"""

from __future__ import annotations

import datetime as dt
import re
import importlib.util
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_path
from newsweave.annotate.dates import Timex, tag_dates, tag_dates_in_sentences, tag_timexes

REPO = Path(__file__).resolve().parent.parent
WED = "2020-11-25"  # a Wednesday


def _bench():
    spec = importlib.util.spec_from_file_location("bench_tempeval3", REPO / "bench" / "tempeval3.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def found(text: str, published=WED) -> dict[str, tuple[str, str]]:
    items = tag_dates(text, published)
    for it in items:
        assert text[it["start"]:it["end"]] == it["text"]
    return {it["text"]: (it["value"], it["type"]) for it in items}


def value_of(text: str, phrase: str, published=WED) -> str:
    got = found(text, published)
    assert phrase in got, f"{phrase!r} not tagged in {got}"
    return got[phrase][0]


# --------------------------------------------------------------------------- weekdays and tense


def test_weekday_past_narration_resolves_on_or_before_publication():
    text = "The mayor announced on Wednesday that the bridge had reopened. Crews finished the work on Friday."
    assert value_of(text, "Wednesday") == "2020-11-25"
    assert value_of(text, "Friday") == "2020-11-20"


def test_weekday_future_cues_resolve_after_publication():
    assert value_of("The council will vote on Friday.", "Friday") == "2020-11-27"
    assert value_of("The tribunal is expected to rule on Monday.", "Monday") == "2020-11-30"
    assert value_of("Talks resume next Tuesday.", "next Tuesday") == "2020-12-01"
    assert value_of("She arrived last Tuesday.", "last Tuesday") == "2020-11-24"


@pytest.mark.parametrize("text, value", [
    # a participle completing a state to come is no past tense ("closed" after "will stay")
    ("Schools in Ostrun will stay closed on Friday, the ministry said.", "2020-11-27"),
    ("The bridge will remain shut until Friday.", "2020-11-27"),
    ("The shops stayed closed on Friday.", "2020-11-20"),
    # the expectation far back in a long clause governs its last day
    ("The weather office expects the storm to weaken as it moves north over the main island on Wednesday and to "
     "reach the coast by Friday morning.", "2020-11-27TMO"),
    # the present of a verb that starts or ends something set for a day
    ("The truce takes effect on Friday.", "2020-11-27"),
    ("The harbour strike ends on Friday, the union said.", "2020-11-27"),
    # a relative clause set off by commas before the day is an aside: the day is the main verb's
    ("The capsule will dock with the station, which orbits 400 km above Earth, on Friday.", "2020-11-27"),
    # a plan told as past: its day has gone by
    ("The launch had been scheduled for Friday but was postponed twice because of high winds.", "2020-11-20"),
    ("The court was expected to rule on Friday.", "2020-11-20"),
    ("The crew is on course to dock with the station on Friday, mission control said.", "2020-11-27"),
])
def test_a_state_or_an_expectation_still_to_come(text, value):
    got = found(text)
    day = next(k for k in got if "Friday" in k)
    assert got[day][0] == value, got


def test_said_right_before_weekday_is_past_even_with_future_later():
    got = found("The minister said Monday that the border will reopen on Thursday.")
    assert got["Monday"][0] == "2020-11-23"
    assert got["Thursday"][0] == "2020-11-26"


@pytest.mark.parametrize("text, published, value", [
    # the day of an act someone asked for lies ahead of the asking (WED is a Wednesday)
    ("The minister urged both unions to meet on Friday.", WED, "2020-11-27"),
    ("The league asked the clubs to vote on Monday on the new rules.", WED, "2020-11-30"),
    # ... unless the report comes just after that day: Thursday's paper on Wednesday's meeting
    ("The minister urged both unions to meet on Wednesday.", "2020-11-26", "2020-11-25"),
    # a purpose is no request: the minister flew and met on a day gone by
    ("The minister flew to Ostrun to meet the strikers on Monday.", WED, "2020-11-23"),
    # the day of the asking itself is past narration
    ("The two unions agreed on Monday to resume talks.", WED, "2020-11-23"),
    # an event set for a day lies ahead of the setting, like one asked for
    ("The dockers have called a national strike for Monday.", WED, "2020-11-30"),
    ("The judge fixed the next hearing for Friday.", WED, "2020-11-27"),
    # ... however long what is set ("an emergency meeting of the security council")
    ("The prime minister called an emergency meeting of the security council for Friday.", WED, "2020-11-27"),
    ("The mayor warned against Friday's planned rally in the old town.", WED, "2020-11-27"),
    # ... and a day's possessive alone is a day gone by; "waiting for" a day sets nothing
    ("Police are still searching for Monday's attacker.", WED, "2020-11-23"),
    ("The crews waited for Monday before clearing the road.", WED, "2020-11-23"),
])
def test_the_day_of_an_act_asked_for_lies_ahead_of_the_asking(text, published, value):
    day = re.search(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", text).group(0)
    assert value_of(text, day, published) == value


# --------------------------------------------------------------------------- month-day and New Year


def test_month_day_without_year_takes_the_nearest_year():
    assert value_of("The deadline is December 1.", "December 1") == "2020-12-01"
    assert value_of("The factory closed on March 3.", "March 3") == "2020-03-03"


def test_year_wrap_back_at_new_year():
    assert value_of("The storm hit the coast on December 28.", "December 28", "2021-01-03") == "2020-12-28"


def test_year_wrap_forward_at_new_year():
    assert value_of("The new rules will take effect on January 4.", "January 4", "2020-12-30") == "2021-01-04"


def test_month_day_with_year_and_weekday():
    got = found("The treaty was signed on Tuesday, June 5, 2018, in Geneva.")
    assert got["Tuesday, June 5, 2018"] == ("2018-06-05", "DATE")
    assert value_of("Results came in on 14 July 2019.", "14 July 2019") == "2019-07-14"
    assert value_of("Sales peaked in October 2015.", "October 2015") == "2015-10"


# --------------------------------------------------------------------------- relative expressions


@pytest.mark.parametrize("sentence, phrase, value", [
    ("Prices fell last week.", "last week", "2020-W47"),
    ("Prices fell two weeks ago.", "two weeks ago", "2020-11-11"),
    ("Prices will rise this week.", "this week", "2020-W48"),
    ("The firm was sold yesterday.", "yesterday", "2020-11-24"),
    ("The firm is sold today.", "today", "2020-11-25"),
    ("The match is tonight.", "tonight", "2020-11-25TNI"),
    ("Inflation is now falling.", "now", "PRESENT_REF"),
    ("The plant recently closed.", "recently", "PAST_REF"),
    ("The plant is currently closed.", "currently", "PRESENT_REF"),
    ("It was approved earlier this month.", "earlier this month", "2020-11"),
    ("It was approved last year.", "last year", "2019"),
    ("Output rose in the third quarter.", "the third quarter", "2020-Q3"),
    ("Rain was rare in late September.", "late September", "2020-09"),
    ("Its revenue for fiscal 1998 was flat.", "fiscal 1998", "1998"),
    ("The party has ruled since 1994.", "1994", "1994"),
    ("Music changed in the 1990s.", "1990s", "199"),
    ("Cities will grow in the 21st century.", "the 21st century", "20"),
    ("Tourism grew this summer.", "this summer", "2020-SU"),
    ("The show opens next month.", "next month", "2020-12"),
    # a month "of" a relative year is one date: not February of this year beside last year
    ("The two met in February of last year.", "February of last year", "2019-02"),
    ("A memo from late January of last year was released.", "late January of last year", "2019-01"),
    # a bare verb after a modal looks ahead, though it is spelt like a past tense
    ("The two leaders may hit the golf course again on Friday.", "Friday", "2020-11-27"),
    ("The mill could shut its doors on Friday.", "Friday", "2020-11-27"),
    ("The mill shut its doors on Friday.", "Friday", "2020-11-20"),
    ("Fishermen are poised on Friday to blockade the port.", "Friday", "2020-11-27"),
])
def test_relative_expressions(sentence, phrase, value):
    assert value_of(sentence, phrase) == value


def test_edge_modifiers_are_kept_as_mod():
    tx = {t.text: t for t in tag_timexes("Rain was rare in late September and early next year.", WED)}
    assert tx["late September"].mod == "END"
    assert tx["early next year"].value == "2021" and tx["early next year"].mod == "START"


def test_durations_and_decades():
    got = found("The strike lasted six weeks, then 44 days, then a month; the dispute ran for nearly three decades.")
    assert got["six weeks"] == ("P6W", "DURATION")
    assert got["44 days"] == ("P44D", "DURATION")
    assert got["a month"] == ("P1M", "DURATION")
    assert got["nearly three decades"] == ("P30Y", "DURATION")
    assert value_of("He ruled for 18 hours.", "18 hours") == "PT18H"
    assert value_of("It is a two-year program.", "two-year") == "P2Y"


def test_ages_are_not_durations():
    got = found("A 45-year-old man and his son, 12 years old, were hurt.")
    assert not any("year" in k for k in got), got


def test_sets():
    got = found("Inspections happen every week and the report is published annually; the board meets each year.")
    assert got["every week"] == ("P1W", "SET")
    assert got["annually"] == ("P1Y", "SET")
    assert got["each year"] == ("P1Y", "SET")


def test_event_relative_expression():
    got = found("The vote was held a day after November 10.")
    assert got["a day after November 10"] == ("2020-11-11", "DATE")


def test_anaphora_uses_the_last_mentioned_date():
    got = found("The ship sailed on March 3, 2019. It sank the following day.")
    assert got["the following day"][0] == "2019-03-04"


def test_times_of_day():
    got = found("Polls close at 8 p.m. Tuesday and the count starts at noon.")
    assert got["8 p.m. Tuesday"][1] == "TIME"
    assert got["8 p.m. Tuesday"][0].endswith("T20:00")
    assert value_of("The ferry left at 18:30 UTC.", "18:30 UTC") == "2020-11-25T18:30Z"


# --------------------------------------------------------------------------- spans, no anchor, garbage


def test_offsets_and_extents():
    text = "Over the past two months, output rose; since 1994 it grew; the last week was calm."
    items = tag_dates(text, WED)
    for it in items:
        assert text[it["start"]:it["end"]] == it["text"]
    texts = [it["text"] for it in items]
    assert "the past two months" in texts  # determiner and modifier inside the extent
    assert "1994" in texts  # the signal "since" is outside
    assert all(not t.endswith((" ", ",")) for t in texts)


def test_without_publication_date_unknown_parts_are_marked():
    got = {it["text"]: it["value"] for it in tag_dates("He left on November 20 and returned on Friday, yesterday.", None)}
    assert got["November 20"] == "XXXX-11-20"
    assert got["Friday"] == "XXXX-WXX-5"
    assert got["yesterday"] == "XXXX-XX-XX"
    assert {it["text"]: it["value"] for it in tag_dates("It happened on March 3, 2019.", None)}["March 3, 2019"] == "2019-03-03"


def test_publication_date_types():
    a = tag_dates("They met on Friday.", dt.date(2020, 11, 25))
    b = tag_dates("They met on Friday.", dt.datetime(2020, 11, 25, 14, 0))
    c = tag_dates("They met on Friday.", "2020-11-25T14:00:00Z")
    assert a == b == c and a[0]["value"] == "2020-11-20"


def test_garbage_and_empty_input():
    assert tag_dates("", WED) == []
    assert tag_dates("   \n ", None) == []
    assert tag_dates("%%%% 12345 ::: May be ??", WED) == [] or all(
        it["type"] in ("DATE", "TIME", "DURATION", "SET") for it in tag_dates("%%%% 12345 ::: May be ??", WED))
    assert not any(it["text"] == "May" for it in tag_dates("Officials may be wrong.", WED))
    assert tag_dates("The 2000 workers earned $1999.", WED) == []


def test_sentence_grouping_and_typed_api():
    text = "It rained on Monday. It will snow tomorrow."
    groups = tag_dates_in_sentences(text, [(0, 20), (21, len(text))], WED)
    assert [g[0]["text"] for g in groups] == ["Monday", "tomorrow"]
    assert isinstance(tag_timexes(text, WED)[0], Timex)


def test_speed_regex_core():
    sentence = "The company said on Wednesday that sales rose 5% in the third quarter from a year earlier. "
    text = sentence * 300
    t0 = time.perf_counter()
    tag_dates(text, WED)
    assert time.perf_counter() - t0 < 1.5  # > 1,000 sentences/s with a wide margin for busy machines


# --------------------------------------------------------------------------- the scorer


GOLD_TML = (
    "<TEXT>The talks ended <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-11-20\">Friday</TIMEX3> after "
    "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\">three days</TIMEX3>; a deal is due "
    "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2020-W49\">next week</TIMEX3>. Nothing <TIMEX3 tid=\"t4\" "
    "type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3>.</TEXT>"
)
SYS_TML = (
    "<TEXT>The talks ended <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-11-20\">Friday</TIMEX3> after "
    "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\">three days</TIMEX3>; a deal is <TIMEX3 tid=\"t3\" "
    "type=\"DATE\" value=\"2020-12\">due next week</TIMEX3>. Nothing now.</TEXT>"
)


def test_scorer_counts_strict_relaxed_and_value():
    bench = _bench()
    r = bench.score_timeml_strings(GOLD_TML, SYS_TML)
    # system: 3 timexes, 2 exact, 3 overlapping; gold: 4 timexes, 3 found
    assert r["strict_p"] == pytest.approx(200 / 3)
    assert r["strict_r"] == pytest.approx(50.0)
    assert r["relaxed_p"] == pytest.approx(100.0)
    assert r["relaxed_r"] == pytest.approx(75.0)
    relaxed_f1 = 2 * 1.0 * 0.75 / 1.75
    assert r["relaxed_f1"] == pytest.approx(100 * relaxed_f1)
    # values: Friday and three days right, "next week" wrong -> 2/3 of relaxed matches
    assert r["value_f1"] == pytest.approx(100 * relaxed_f1 * 2 / 3)
    assert r["type_f1"] == pytest.approx(100 * relaxed_f1)


def test_scorer_parses_offsets_consistently():
    bench = _bench()
    text, spans = bench.parse_timeml_text("<TEXT>A &amp; B met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\">today</TIMEX3>.</TEXT>"[6:-7])
    assert text == "A & B met today."
    assert text[spans[0].start:spans[0].end] == "today"


def test_platinum_texts_align_with_gold():
    root = shared_path("benchmarks", "tempeval3", "te3-platinum")
    assert root.is_dir()
    bench = _bench()
    docs = bench.load_platinum()  # raises if an input text differs from the stripped gold text
    assert len(docs) == 20
    assert all(d.text[g.start:g.end] == g.text for d in docs for g in d.gold)


@pytest.mark.parametrize(("text", "published", "value"), [
    # the narrative's day, named before the bare clock time
    ("The ferry sank late on Monday night, the coastguard said. The ferry, built in 1998, went down shortly before 11 p.m.",
     "2031-05-13", "2031-05-12T23:00"),
    ("Residents will not forget the night of May 11. The levee broke at 2 a.m. and water poured in.",
     "2031-05-13", "2031-05-11T02:00"),
    # a time still to come, or with no earlier day in the text, is on the day of publication
    ("The council met on Monday. The vote will be held at 3 p.m.", "2031-05-13", "2031-05-13T15:00"),
    ("The rally began at 5 p.m. in the square.", "2031-05-13", "2031-05-13T17:00"),
    # an earlier day outside the news cycle is not the narrative's day
    ("The bridge opened on March 2. It closed at 6 p.m. after a crack was found.", "2031-05-13", "2031-05-13T18:00"),
])
def test_bare_clock_time_takes_the_narrative_day(text, published, value):
    times = [t.value for t in tag_timexes(text, published) if t.type == "TIME"]
    assert times[-1] == value


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The plant shut at 6 p.m. after a leak was found.", "6 p.m.", "2031-05-13T18:00"),
    ("The plant shut at 6 p.m. yesterday.", "6 p.m. yesterday", "2031-05-12T18:00"),
    ("Trading stopped at 4 p.m. EST.", "4 p.m. EST", "2031-05-13T16:00"),
])
def test_a_word_after_a_clock_time_is_not_a_time_zone(text, phrase, value):
    assert value_of(text, phrase, "2031-05-13") == value


@pytest.mark.parametrize("text", [
    "The rescue team reached the wreck at 1600 GMT and reported calm seas.",
    "Divers went down at 0900 UTC, the navy said.",
    "The curfew starts at 2200 hours in the old town.",
])
def test_a_four_digit_clock_time_is_neither_a_year_nor_a_duration(text):
    assert [t.text for t in tag_timexes(text, "2031-05-13")] == []


# Reports of 2031-05-13 and 2031-09-23, both Tuesdays (in September, next January is nearer than last).
@pytest.mark.parametrize(("dct", "text", "phrase", "value"), [
    # a modal ahead of the dated verb looks forward from the report
    ("2031-05-13", "Engineers said the air in the shelter could run out by Friday.", "Friday", "2031-05-16"),
    ("2031-05-13", "A decision on the rescue would likely be made Thursday, officials said.", "Thursday", "2031-05-15"),
    ("2031-05-13", "Crews might begin pumping on Saturday.", "Saturday", "2031-05-17"),
    # ... but not when it denies (news says "could not be reached" of the past) or looks back
    ("2031-05-13", "The mayor could not be reached for comment on Friday.", "Friday", "2031-05-09"),
    ("2031-05-13", "Neither the owner nor the captain could be located Monday.", "Monday", "2031-05-12"),
    ("2031-05-13", "The pumps might have failed on Saturday.", "Saturday", "2031-05-10"),
    # ... nor across a comma into another clause, nor for a possessive weekday (that ruling is done)
    ("2031-05-13", "The families said they would appeal the ruling, issued Friday by the port authority.", "Friday", "2031-05-09"),
    ("2031-05-13", "The families would look for ways to get around Friday's ruling.", "Friday", "2031-05-09"),
    # a past state that lasted "until" a day ended on it
    ("2031-05-13", "The ferry services were down from about 16:00 GMT until around 22:00 on Monday.", "Monday", "2031-05-12"),
    ("2031-05-13", "The talks lasted until Friday.", "Friday", "2031-05-09"),
    # ... but "until" mostly names an end still to come, even after a past-tense verb
    ("2031-05-13", "The vote was postponed until Monday.", "Monday", "2031-05-19"),
    ("2031-05-13", "The council kept the harbour closed until Friday.", "Friday", "2031-05-16"),
    ("2031-05-13", "The coast road will stay shut until Monday.", "Monday", "2031-05-19"),
    # after "since" only a year in which the date has come
    ("2031-09-23", "Fares have risen since January.", "January", "2031-01"),
    ("2031-09-23", "It is the first time since January 5 that the ferry ran late.", "January 5", "2031-01-05"),
    ("2031-09-23", "Her first speech to the council since taking office in January comes as the port reopens.", "January", "2031-01"),
    ("2031-09-23", "The harbour has not been this busy since early March.", "early March", "2031-03"),
    # without "since" the nearest January stays
    ("2031-09-23", "The new fares take effect in January.", "January", "2032-01"),
    # coordinated months share the year written after the last
    ("2031-05-13", "The offer was made during the months of June and July of 2029.", "June", "2029-06"),
    ("2031-05-13", "Talks ran from March to May 2029.", "March", "2029-03"),
    ("2031-05-13", "The dam was inspected on March 3 and April 5, 2029.", "March 3", "2029-03-03"),
    # the present of a verb that starts something scheduled looks ahead: the next May 21, though last May's
    # is as near
    ("2031-11-22", "The new film opens on May 21, and the anticipation is extraordinary.", "May 21", "2032-05-21"),
    ("2031-11-22", "The ferry season begins in April.", "April", "2032-04"),
    # ... while the past of it looks back
    ("2031-11-22", "The new film opened on May 21.", "May 21", "2031-05-21"),
    # a holiday's weekend with its year written after it
    ("2031-05-13", "The film made 90 million in a four-day Memorial Day weekend in 2027.", "Memorial Day", "2027-05-31"),
    # Independence Day is July 4 in an American story
    ("2031-05-13", "U.S. fireworks sales peak before Independence Day.", "Independence Day", "2031-07-04"),
])
def test_a_date_resolves_by_the_words_around_it(dct, text, phrase, value):
    """A modal dates a weekday forward only in its own affirmative clause; "until" looks ahead unless a past
    state lasted until then; after "since" the date has come; coordinated months share the year after the
    last."""
    assert value_of(text, phrase, dct) == value


# 2031-10-13 is a Monday; the same month and day next year is nearer than last year's.
@pytest.mark.parametrize(("text", "phrase", "nth", "value"), [
    # the day of something that happened is a day gone by
    ("Investigators of the Jan. 6 blast at the Harbour Ministry met on Monday.", "Jan. 6", 0, "2031-01-06"),
    # ... and the article's other mentions of that month and day are the same day
    ("The panel on the Jan. 6 riot in Kessel sat on Monday. The Jan. 6 panel will meet again next week.",
     "Jan. 6", 1, "2031-01-06"),
    # a year written beside the day elsewhere in the article carries to its bare mentions
    ("The port reopened on Jan. 12, 2031, after the storm. Its Jan. 12 reopening is the subject of an inquiry.",
     "Jan. 12", 0, "2031-01-12"),
    # without such evidence the nearest such day stays ("the Jan. 6 panel" alone, a scheduled vote)
    ("The Jan. 6 panel met on Monday.", "Jan. 6", 0, "2032-01-06"),
    ("The Jan. 6 vote will decide the seat.", "Jan. 6", 0, "2032-01-06"),
])
def test_a_month_and_day_takes_the_year_the_article_settles_for_it(text, phrase, nth, value):
    hits = [t for t in tag_timexes(text, "2031-10-13") if t.text == phrase]
    assert hits[nth].value == value, hits


@pytest.mark.parametrize(("text", "dates"), [
    ("The shortage threatens to leave presents missing from under Christmas trees.", []),
    ("The ferry to Christmas Island was cancelled.", []),
    ("Shops in Kessel sold out of Easter eggs.", []),
    # the holiday itself is still a day
    ("The shortage may last until Christmas.", ["2031-12-25"]),
])
def test_a_holidays_name_before_a_thing_names_no_day(text, dates):
    assert [t.value for t in tag_timexes(text, "2031-10-13")] == dates


def test_the_next_day_is_the_day_after_the_one_the_narrative_is_at():
    text = "The authority closed the channel on Thursday night, and the ferries ran again the next day."
    assert value_of(text, "the next day", "2031-09-19") == "2031-09-19"  # Thursday 18th, then Friday 19th


def test_a_count_before_an_abbreviated_month_and_day_is_no_day():
    """'the 19 Sept. 11 hijackers': Sept. 11 is the day, 19 a count; '19 Sept. 1990' is still a date."""
    assert [t.text for t in tag_timexes("The 19 Sept. 11 hijackers trained abroad.", "2031-10-13")] == ["Sept. 11"]
    assert [t.value for t in tag_timexes("He was born on 19 Sept. 1990.", "2031-10-13")] == ["1990-09-19"]


def test_a_month_abbreviation_inside_a_hyphenated_name_is_no_date():
    assert list(found("The leaders met at his estate, Mar-a-Lago, for two days.")) == ["two days"]


@pytest.mark.parametrize("sentence, phrase, value", [
    # a month told in the past by a verb that is not one of reporting is gone by, though the same month of
    # next year is nearer to a report of late April
    ("In July, the North tested its first long-range missile.", "July", "2017-07"),
    ("Port traffic rose in July, the harbour board said.", "July", "2017-07"),
    # a reporting verb in the past may announce a month ahead
    ("In July, the company said, sales would rise.", "July", "2018-07"),
])
def test_a_month_narrated_in_the_past_is_gone_by(sentence, phrase, value):
    assert value_of(sentence, phrase, "2018-04-28") == value


def test_may_is_a_person_in_a_story_of_someone_called_may():
    text = ("Prime Minister Theresa May will host the talks. Varga and May last met in Kessel in January, and he "
            "turned to speak to May directly. The vote is due in May.")
    got = [(d["text"], d["value"]) for d in tag_dates(text, "2018-04-28")]
    assert got == [("January", "2018-01"), ("May", "2018-05")], got


def test_weeks_ago_is_a_day_only_roughly():
    (t,) = [t for t in tag_timexes("The strike began two weeks ago.", "2026-03-25") if "weeks" in t.text]
    assert t.value == "2026-03-11" and t.mod == "APPROX"


def test_a_day_a_verb_sets_is_the_day_set():
    # "declared Thursday a day of mourning" in Wednesday's paper is tomorrow; "declared Monday that ..." is
    # when it was said
    assert value_of("The president declared Thursday a day of national mourning.", "Thursday") == "2020-11-26"
    assert value_of("The league set Monday as the deadline for the clubs.", "Monday") == "2020-11-30"
    assert value_of("The president declared Monday that the emergency was over.", "Monday") == "2020-11-23"


def test_a_modal_far_back_in_the_clause_still_looks_ahead():
    # eleven words between "would declare" and its day, with no comma: the clause's verb is the modal
    text = "The minister said the government would declare the valley a disaster zone at a cabinet meeting on Thursday."
    assert value_of(text, "Thursday") == "2020-11-26"
    # a comma ends the clause: the reporting verb before it is the one that counts
    assert value_of("The plan would work, the minister told reporters at a briefing in the capital on Monday.",
                    "Monday") == "2020-11-23"


@pytest.mark.parametrize("verb", ["freed", "agreed", "decreed"])
def test_a_past_form_ending_in_eed_is_past(verb):
    # "Six engineers freed by rebels on Sunday night will fly home on Friday": the Sunday gone by
    text = f"Six engineers {verb} by the court on Sunday night will fly home on Friday."
    assert value_of(text, "Sunday night").startswith("2020-11-22")
    assert value_of(text, "Friday") == "2020-11-27"


def test_another_countrys_independence_day_is_no_july_4():
    text = "Opposition leader Dag Holm said Sunday would go down in Velia as Independence Day."
    assert not [t for t in tag_timexes(text, "2031-04-17") if "Independence" in t.text and t.value.endswith("07-04")]


def test_a_day_a_deciding_verb_starts_something_on_is_the_day_set():
    # Wednesday's paper (2020-11-25): "declared ... starting on Friday" is this Friday, not last week's;
    # a past told as past stays past ("beginning on Monday, lasted ...")
    text = "The prime minister declared three days of national mourning starting on Friday."
    assert value_of(text, "Friday") == "2020-11-27"
    assert value_of("The council ordered a curfew effective Friday.", "Friday") == "2020-11-27"
    assert value_of("The strike, beginning on Monday, lasted two days.", "Monday") == "2020-11-23"


def test_a_span_of_days_from_a_day_begins_on_that_day():
    # "for three days from Monday" is a strike from Monday, not one on Thursday (three days after Monday)
    got = [(d["text"], d["value"]) for d in tag_dates("Pilots will strike for three days from Monday.", WED)]
    assert ("Monday", "2020-11-30") in got and not any(v == "2020-12-03" for _t, v in got), got
    got = [(d["text"], d["value"]) for d in tag_dates("The ruling is due three days from Monday.", WED)]
    assert ("three days from Monday", "2020-12-03") in got, got


def test_a_next_day_told_in_local_time_is_the_next_day():
    # Tuesday's paper (2020-11-24) on a quake in a time zone ahead: "on Wednesday local time" is hours ago,
    # not six days ago; without "local time" the past tense keeps last Wednesday
    tue = "2020-11-24"
    got = [(d["text"], d["value"]) for d in tag_dates(
        "A strong earthquake struck off the coast early on Wednesday local time, the agency said.", tue)]
    assert ("Wednesday", "2020-11-25") in got, got
    got = [(d["text"], d["value"]) for d in tag_dates("The quake struck at 6:10 a.m. Wednesday, Tokyo time.", tue)]
    assert got and got[0][1] == "2020-11-25T06:10", got
    got = [(d["text"], d["value"]) for d in tag_dates("A strong earthquake struck off the coast on Wednesday.", tue)]
    assert ("Wednesday", "2020-11-18") in got, got


def test_over_the_next_week_is_a_span_and_a_zone_conversion_dates_the_local_day():
    got = [(d["text"], d["value"], d["type"]) for d in tag_dates("Aftershocks could follow over the next week.", WED)]
    assert got == [("the next week", "P1W", "DURATION")], got
    got = [(d["text"], d["value"]) for d in tag_dates("The talks resume next week.", WED)]
    assert got == [("next week", "2020-W49")], got
    # Tuesday's paper (2020-11-24): the bracket converts Wednesday morning in Tokyo to Tuesday in New York
    got = [(d["text"], d["value"]) for d in tag_dates(
        "The quake hit at 6:10 a.m. Wednesday (4:10 p.m. ET Tuesday), the agency said.", "2020-11-24")]
    assert got[0] == ("6:10 a.m. Wednesday", "2020-11-25T06:10"), got


def test_a_day_told_in_the_past_perfect_does_not_move_the_narrative():
    # "had set out alone on Saturday" is a flashback: the bare "7:20 a.m." after it is the lead's Thursday
    text = ("A hiker missing for five days was found alive on Thursday morning, officials said. She had set out alone "
            "on Saturday to climb Mount Orlik. A helicopter crew spotted her in a ravine at 7:20 a.m., the rescue "
            "service said.")
    got = {d["text"]: d["value"] for d in tag_dates(text, "2029-08-16")}
    assert got["7:20 a.m."] == "2029-08-16T07:20" and got["Saturday"] == "2029-08-11", got
    # a day of the narrative still dates the clock time after it
    got = {d["text"]: d["value"] for d in tag_dates("The dam gave way late on Monday night. It failed shortly before "
                                                     "11 p.m., the ministry said.", "2029-08-16")}
    assert got["11 p.m."] == "2029-08-13T23:00", got


@pytest.mark.parametrize("sentence, value", [
    # Monday's paper (2026-05-18): a forecast for a day looks ahead, even after a clause in the perfect
    ("Temperatures have fallen to 2 degrees, and rain is forecast for Tuesday.", "2026-05-19"),
    ("The storm is projected to make landfall on Thursday.", "2026-05-21"),
    # ... but not a forecast told as past, nor the day someone made a forecast
    ("Rain was forecast for Tuesday.", "2026-05-12"),
    ("The agency forecast on Friday that the rain would ease.", "2026-05-15"),
])
def test_a_day_forecast_for_lies_ahead(sentence, value):
    got = [d["value"] for d in tag_dates(sentence, "2026-05-18")]
    assert got == [value], got
