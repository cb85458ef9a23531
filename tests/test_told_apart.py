"""What a briefing must not run together: a source's name and what the source said, the day a thing was said and
the day it happened, the month a figure moved from and the month it moved to (stories we wrote)."""

from __future__ import annotations

import newsweave
from newsweave.model import Article


def _art(i: int, outlet: str, text: str, when: str) -> Article:
    return Article(id=f"w{i}", source=f"w{i}", outlet=outlet, published=when[:10],
                   published_time=when if "T" in when else None, text=text)


def _wreck():
    return newsweave.brief([
        _art(1, "Harbour Wire", "At least 18 fishermen drowned when their trawler sank in a storm off Cape Varn late on "
             "Monday, the port authority said on Tuesday.\n\nRescuers pulled nine survivors from the sea.\n\n"
             "\"The waves were higher than anything I have seen,\" port authority spokeswoman Mira Holt said.",
             "2028-02-08T08:00:00+00:00"),
        _art(2, "Varn Times", "A trawler sank off Cape Varn on Monday night. Port authority spokeswoman Mira Holt said "
             "nine people were rescued.\n\nThe trawler had sailed from Orvik with 27 men on board.",
             "2028-02-08T19:00:00+00:00"),
        _art(3, "Coast Daily", "Nine men survived the sinking of a trawler off Cape Varn, the port authority said.\n\n"
             "The boat, built in 1988, had been due for scrapping.", "2028-02-09T06:00:00+00:00"),
    ])


def test_a_sentence_that_shares_only_its_speaker_does_not_state_a_summary_item():
    """ "Mira Holt said nine people were rescued" is not stated by '"The waves were higher ...," Mira Holt said':
    only the attribution is shared. It is stated by the sentences that give the nine survivors."""
    b = _wreck()
    texts = {a.id: a.text for a in b.articles}
    for item in b.summary:
        for ev in item.evidence:
            cited = texts[ev.article][ev.start:ev.end]
            assert "waves" not in cited or "waves" in item.text, (item.text, cited)
    rescued = [i for i in b.summary if "nine" in i.text.lower() and ("rescued" in i.text or "surviv" in i.text)]
    assert rescued and set(rescued[0].sources) == {"w1", "w2", "w3"}, [(i.text, i.sources) for i in b.summary]


def test_the_clause_that_says_who_told_it_dates_no_event():
    """ "..., the port authority said on Tuesday" dates the telling: the sinking is Monday's, and Tuesday has no
    event made of the words "the port authority said on Tuesday"."""
    b = _wreck()
    events = [(str(e["date"]), e["event"]) for e in b.timeline]
    assert not [e for e in events if e[0] == "2028-02-08"], events
    assert [e for e in b.timeline if str(e["date"]) == "2028-02-07" and "w1" in e["sources"]], events


def test_the_month_a_figure_moved_from_dates_no_event():
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Dorvane's central bank cut its main rate to 4% on Thursday after inflation eased to "
             "1.8% in February from 2.6% in January.", "2028-03-09"),
        _art(2, "Dorvane Post", "The central bank of Dorvane cut its main rate to 4% on Thursday, its first cut in two "
             "years.", "2028-03-09"),
    ])
    events = [(str(e["date"]), e["event"]) for e in b.timeline]
    assert not [e for e in events if e[0].startswith("2028-01")], events
    assert [e for e in events if e[0].startswith("2028-02")], events


def test_a_record_set_in_an_earlier_year_dates_its_phrase_not_the_sentence():
    """ "Sunday's 42.6C in Orvik smashed the old record of 41.4C set in 2017": 2017 is the old record's year (the
    parser hangs "set in 2017" on the figure, not on the record); the sentence is Sunday's."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Sunday's 42.6C in Orvik smashed the old record of 41.4C set in 2017, and scientists "
             "say such heat will become routine.", "2028-07-11"),
        _art(2, "Dorvane Post", "Orvik reached 42.6C on Sunday, a national record, the weather office said.", "2028-07-11"),
    ])
    events = [(str(e["date"]), e["event"]) for e in b.timeline]
    assert [e for e in events if e[0] == "2017" and "Sunday" not in e[1]], events
    assert [e for e in b.timeline if str(e["date"]) == "2028-07-09" and "w1" in e["sources"]], events


def test_a_summary_item_is_marked_disputed_by_a_cited_sentence_only_for_a_figure_it_gives():
    """The recall's size is not disputed because a sentence cited for it also gives a crash count that another
    report disputes; the item that gives the crash count is."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Ostrel Motors is recalling about 800,000 vans because a faulty fuel pump can cut out, "
             "the carmaker said on Monday.\n\nThe company said it knew of 9 crashes linked to the fault.", "2028-05-08"),
        _art(2, "Kelby Auto", "Ostrel Motors is recalling 812,400 vans over a fuel pump fault, according to filings "
             "with regulators.\n\nThe company said it was aware of 11 crashes linked to the fault.", "2028-05-08"),
        _art(3, "Daily Ray", "Ostrel Motors has been forced to recall more than 800,000 vans after a fuel pump fault "
             "was linked to 9 crashes.", "2028-05-09"),
    ])
    crashes = [d["id"] for d in b.disagreements if "crash" in d["subject"]]
    assert crashes, [d["explanation"] for d in b.disagreements]
    for item in b.summary:
        gives = "crash" in item.text
        assert (crashes[0] in item.disputed) == gives, (item.text, item.disputed)


def test_a_figure_at_the_end_of_a_summary_item_still_marks_it_disputed():
    from newsweave.compose.summary import mark_disputed
    from newsweave.model import Evidence, SummaryItem

    item = SummaryItem(text="The number of dead rose to 14.", sources=["a", "b"],
                       evidence=[Evidence(article="a", start=0, end=30), Evidence(article="b", start=100, end=140)])
    dispute = {"id": "D1", "kind": "number", "positions": [
        {"value": "14", "evidence": [{"article": "b", "start": 100, "end": 140, "value_start": 120}]}]}
    mark_disputed([item], [dispute])
    assert item.disputed == ["D1"]


def test_an_event_is_told_in_the_words_of_a_report_that_it_happened_not_of_a_forecast():
    """Monday's event, which a forecast ("expects the storm to weaken ... on Monday") and a later report ("weakened
    ... on Monday") both date, is told as the report of what happened."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Storm Ilsa battered the coast of Varn late on Sunday, cutting power to 40,000 homes.\n\n"
             "Forecasters expect Ilsa to weaken over the hills of Varn on Monday and to move out to sea by Tuesday.",
             "2028-02-07T06:00:00+00:00"),
        _art(2, "Varn Times", "Storm Ilsa weakened over the hills of Varn on Monday after cutting power to 40,000 "
             "homes.\n\nSchools in Varn will reopen on Wednesday.", "2028-02-08T06:00:00+00:00"),
    ])
    monday = [e for e in b.timeline if str(e["date"]) == "2028-02-07"]
    assert monday and all("expect" not in e["event"].lower() for e in monday), monday


def test_a_day_told_before_what_was_announced_dates_the_announcement():
    """ "announced on Tuesday that it will shed 1,200 jobs by the end of 2028": Tuesday is the announcement's day,
    an event, though a verb of saying comes before it."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Workers at the Varn shipyard fear for their jobs after the owner announced on Tuesday "
             "that it will shed 800 jobs by the end of 2029.", "2028-02-09"),
        _art(2, "Varn Times", "The owner of the Varn shipyard announced on Tuesday that it would cut 800 jobs.",
             "2028-02-09"),
    ])
    assert [e for e in b.timeline if str(e["date"]) == "2028-02-08"], b.timeline


def test_a_takeover_premium_named_before_its_figure_is_compared():
    """ "a premium of 38% to Friday's closing price" / "a 35% premium": the premium one deal pays, named on either
    side of its figure."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Harland Foods has agreed to buy Brecon Dairies, the companies said on Monday. Brecon "
             "shareholders will receive 340 pence per share, a premium of 38% to Friday's closing price.", "2028-06-12"),
        _art(2, "Varn Times", "Harland Foods said on Monday it would acquire Brecon Dairies, paying 340 pence a share.",
             "2028-06-12"),
        _art(3, "City Daily", "Dairy farmers fear Harland Foods' purchase of Brecon Dairies. Brecon shareholders will "
             "get 340p a share, a 35% premium.", "2028-06-13"),
    ])
    assert [d for d in b.disagreements if {p["value"] for p in d["positions"]} == {"38%", "35%"}], b.disagreements


def test_an_event_is_not_told_by_words_that_lean_on_the_sentence_before():
    """ "They had been held since they were seized ... on November 3" names no one; the noun phrase "The six
    engineers, seized from a mine camp on November 3" does."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Six engineers kidnapped in Varn were freed on Sunday, the army said. They had been held "
             "since they were seized from a mining camp near Ost on November 3.", "2028-11-20"),
        _art(2, "Varn Times", "The six engineers, seized from a mine camp near Ost on November 3, flew home on Monday.",
             "2028-11-21"),
    ])
    nov3 = [e for e in b.timeline if str(e["date"]) == "2028-11-03"]
    assert nov3 and not nov3[0]["event"].startswith("They"), nov3


def test_one_economys_growth_is_compared_on_the_same_basis_however_named():
    """ "the economy grew 0.4% in the third quarter from the previous three months" / "gross domestic product
    expanded by 0.5 percent ... compared with the second quarter": one quarter's growth, two figures. A year-on-year
    rate ("output was 1.8% higher" than a year earlier) is no rival of a quarter's."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "Varn's economy grew 0.4% in the third quarter from the previous three months, the "
             "statistics office said on Thursday. Compared with a year earlier, output was 1.8% higher.", "2028-10-26"),
        _art(2, "Varn Times", "Varn's gross domestic product expanded by 0.5 percent in the July-September period "
             "compared with the second quarter, official figures showed on Thursday.", "2028-10-26"),
        _art(3, "City Daily", "Exports from Varn fell in the summer, official figures showed on Thursday.", "2028-10-26"),
    ])
    found = [{p["value"] for p in d["positions"]} for d in b.disagreements]
    assert {"0.4%", "0.5 percent"} in found, found
    assert not [v for v in found if "1.8%" in v and v & {"0.4%", "0.5 percent"}], found


def test_an_economys_growth_named_as_a_noun_is_compared_too():
    """ "On an annual basis growth was 1.8 percent" / "Annual growth of 1.9 per cent", a day apart: one year's rate."""
    b = newsweave.brief([
        _art(1, "Varn Times", "Varn's gross domestic product expanded by 0.5 percent in the July-September period compared "
             "with the second quarter, official figures showed on Thursday. On an annual basis growth was 1.8 percent.",
             "2028-10-26"),
        _art(2, "City Daily", "Varn's 0.5 per cent quarterly growth, announced on Thursday, hides a fall in business "
             "investment, economists said on Friday. Annual growth of 1.9 per cent was the fastest in two years.",
             "2028-10-27"),
        _art(3, "Harbour Wire", "Exports from Varn fell in the summer, official figures showed on Thursday.", "2028-10-26"),
    ])
    found = [{p["value"] for p in d["positions"]} for d in b.disagreements]
    assert {"1.8 percent", "1.9 per cent"} in found, found


def test_the_day_a_change_was_told_is_no_event_where_the_telling_comes_mid_sentence():
    """ "The funeral ... will be held on Friday in Korvin cathedral, the city council said on Tuesday, a day later than
    first announced": Friday is the funeral's day; Tuesday is when it was said."""
    b = newsweave.brief([
        _art(1, "Harbour Wire", "The funeral of former mayor Eva Brandt will be held on Friday in Korvin cathedral, the "
             "city council said on Tuesday, a day later than first announced.", "2029-05-15"),
        _art(2, "Varn Times", "The funeral of Eva Brandt was set for Thursday, the city council said on Monday.",
             "2029-05-14"),
    ])
    tuesday = [e for e in b.timeline if str(e["date"]) == "2029-05-15"]
    assert not tuesday, tuesday
    assert [e for e in b.timeline if str(e["date"]) == "2029-05-18"], b.timeline
