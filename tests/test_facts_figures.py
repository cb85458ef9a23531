"""Two wordings that give the same figure for the same kind of count are one fact, even with no other
word in common; other figures, other kinds of count and claims with two figures are not linked this way.
Texts written for these tests."""

from __future__ import annotations

import json

from newsweave.align.facts import _figure, same_figure_pairs
from newsweave.annotate.quantities import Quantity
from newsweave.model import Claim


def _claim(article: str, text: str, terms: list[str], values: list[float], unit: str | None = None) -> Claim:
    quantities = [Quantity(start=0, end=1, text=str(v), low=v, high=v, value=v, approx=False, unit=unit,
                           counted=None, counted_start=None, counted_end=None, kind="cardinal") for v in values]
    return Claim(article=article, index=0, sentence=0, start=0, end=len(text), text=text, terms=terms,
                 quantities=quantities)


def test_figure_of_a_claim():
    assert _figure(_claim("a", "At least 14 people have died.", ["people", "die"], [14])) == ("~dead", 14)
    assert _figure(_claim("a", "14 died and 30 were hurt.", ["die", "hurt"], [14, 30])) is None  # two kinds
    assert _figure(_claim("a", "14 or 15 people died.", ["people", "die"], [14, 15])) is None  # two figures
    assert _figure(_claim("a", "14 people signed.", ["people", "sign"], [14])) is None  # no kind of count
    assert _figure(_claim("a", "14 km of road was lost.", ["road", "lose"], [14], unit="km")) is None


def test_same_figure_pairs_cross_articles_only():
    claims = [
        _claim("a", "At least 14 people have died.", ["people", "die"], [14]),
        _claim("b", "Fourteen people have been confirmed dead.", ["people", "confirm", "dead"], [14]),
        _claim("b", "The toll stands at fourteen.", ["toll", "stand"], [14]),  # same article as the one above
        _claim("c", "Fourteen people were injured.", ["people", "injure"], [14]),  # another kind of count
        _claim("d", "Twelve people have died.", ["people", "die"], [12]),  # another figure
    ]
    assert same_figure_pairs(claims) == {(0, 1), (0, 2)}


def _dated_claim(*values: tuple[str, str]) -> Claim:
    """A claim carrying these (TIMEX3 type, value) dates."""
    from types import SimpleNamespace

    c = _claim("a", "x", [], [])
    c.dates = [SimpleNamespace(type=t, value=v, start=0, end=1) for t, v in values]
    return c


def _brief_json(tmp_path, records: list[dict]) -> dict:
    """The JSON briefing of a feed of our articles (one JSONL file)."""
    from newsweave.pipeline import brief
    from newsweave.render import render

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return json.loads(render(brief([feed]), "json"))


def test_one_death_toll_in_other_words_is_one_fact(tmp_path):
    b = _brief_json(tmp_path, [
        {"id": "north", "outlet": "Northern Ledger", "published": "2031-05-02",
         "text": "A landslide buried part of the mountain village of Ostrel on Thursday. At least nine people "
                 "have died, the regional governor said. Roads into the valley remain closed."},
        {"id": "south", "outlet": "Southern Courier", "published": "2031-05-02",
         "text": "Rescuers dug through mud in Ostrel after the hillside collapsed. Nine residents were confirmed "
                 "dead by Friday morning. The army sent two helicopters."},
        {"id": "east", "outlet": "Eastern Gazette", "published": "2031-05-03",
         "text": "Ostrel has been hit before. Nine people died when the same slope gave way in 2019. Geologists "
                 "had warned about the hillside for years."},
    ])
    toll = [f for f in b["facts"] if any("nine" in b["articles"][[a["id"] for a in b["articles"]].index(e["article"])]
                                         ["text"][e["start"]:e["end"]].lower() for e in f["evidence"])]
    this_year = [f for f in toll if "east" not in f["sources"]]
    assert len(this_year) == 1, [f["text"] for f in toll]  # one fact, in two outlets' words
    assert set(this_year[0]["sources"]) == {"north", "south"}
    assert [f["sources"] for f in toll if "east" in f["sources"]] == [["east"]]  # the 2019 toll stays apart


def test_claims_about_other_years_are_not_paired_by_figure():
    from types import SimpleNamespace

    from newsweave.align.facts import _other_years

    def claim(article: str, *values: str) -> Claim:
        c = _claim(article, "x", [], [])
        c.dates = [SimpleNamespace(type="DATE", value=v) for v in values]
        return c

    published = {"a": "2031", "b": "2031"}
    assert _other_years(claim("a", "2019"), claim("b"), published)  # undated: its article's year
    assert _other_years(claim("a", "2019"), claim("b", "2031-05-01"), published)
    assert not _other_years(claim("a", "2031-05-01"), claim("b"), published)
    assert not _other_years(claim("a"), claim("b"), published)
    assert not _other_years(claim("a", "2019"), claim("b", "2019-06"), published)
    assert not _other_years(claim("a", "2019"), claim("b"), {"a": "2031"})  # no year known for b


def test_a_date_of_a_noun_phrase_is_not_the_year_of_the_claim():
    """"The dam, a barrier built in 1974, failed on Monday" is not about 1974: a date that dates a noun
    phrase (``date_phrases``) does not keep it apart from this year's reports."""
    from types import SimpleNamespace

    from newsweave.align.facts import _other_years

    built = _claim("a", "The dam, a barrier built in 1974, failed shortly before 11 p.m.", [], [])
    built.dates = [SimpleNamespace(type="DATE", value="1974", start=22, end=26)]
    other = _claim("b", "The dam gave way shortly before 11 p.m.", [], [])
    published = {"a": "2031", "b": "2031"}
    assert _other_years(built, other, published)  # read as a date of the claim
    assert not _other_years(built, other, published, {("a", 22, 26)})  # the barrier's date, not the claim's


def test_attribution_words_are_not_what_a_claim_states(monkeypatch):
    """Two reports of different things that cite the same ministry share only the attribution; its words
    stay out of the claims' terms, so the alignment does not read them as the same statement."""
    monkeypatch.setenv("NEWSWEAVE_CACHE", "0")
    from newsweave import Article
    from newsweave.annotate import annotate

    docs = annotate([
        Article(id="a", source="a", published="2031-05-02",
                text="The levee failed shortly before midnight, according to the Ministry of Flood Defence. "
                     "Officials said the pumps had stopped working."),
        Article(id="b", source="b", published="2031-05-02",
                text="About 3,000 people were evacuated, according to the Ministry of Flood Defence."),
    ])
    terms = {c.text: set(c.terms) for d in docs for c in d.claims}
    levee = next(t for text, t in terms.items() if text.startswith("The levee failed"))
    assert {"levee", "fail"} <= levee and not levee & {"ministry", "flood", "defence", "accord"}
    pumps = next(t for text, t in terms.items() if text.startswith("Officials said"))
    assert {"pump", "stop"} <= pumps and not pumps & {"official", "say"}
    attributed = [c for d in docs for c in d.claims if c.text.startswith("Officials said")]
    assert attributed[0].attributed  # who said it is kept as a flag


def test_reports_citing_one_source_for_different_things_are_different_facts(tmp_path):
    from newsweave.pipeline import brief
    from newsweave.render import render

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "outlet": "Delta Times", "published": "2031-05-02",
         "text": "The levee at Sorn failed shortly before midnight, according to the Ministry of Flood Defence."},
        {"id": "b", "outlet": "Sorn Daily", "published": "2031-05-02",
         "text": "About 3,000 people were evacuated from Sorn, according to the Ministry of Flood Defence."},
    ]) + "\n", encoding="utf-8")
    b = json.loads(render(brief([feed]), "json"))
    assert all(len(f["sources"]) == 1 for f in b["facts"]), [f["text"] for f in b["facts"]]


def test_a_clock_time_is_on_its_day():
    from newsweave.align.facts import _same_day

    assert _same_day(_dated_claim(("TIME", "2031-05-12T23:00")), _dated_claim(("DATE", "2031-05-12")))
    assert _same_day(_dated_claim(("TIME", "2031-05-12TNI")), _dated_claim(("TIME", "2031-05-12T22:40")))
    assert not _same_day(_dated_claim(("TIME", "2031-05-12T23:00")), _dated_claim(("DATE", "2031-05-13")))
    assert not _same_day(_dated_claim(("DATE", "2031-W20")), _dated_claim(("DATE", "2031-W20")))  # a week is not a day
    assert not _same_day(_dated_claim(("DATE", "2031-05")), _dated_claim(("DATE", "2031-05")))


def test_one_clock_time_of_one_day_needs_less_wording_in_common(tmp_path):
    """"The Velm dam gave way shortly before 11 p.m." and "The Velm dam, an earth barrier built in 1961 ...,
    failed shortly before 11 p.m., according to the ministry": the apposition and the other verb keep the two
    below the closeness asked of two claims of the same day; one clock time is as telling as one figure."""
    from newsweave.align.facts import _same_time

    assert _same_time(_dated_claim(("TIME", "2031-05-12T23:00")), _dated_claim(("TIME", "2031-05-12T23:00")))
    assert not _same_time(_dated_claim(("TIME", "2031-05-12T23:00")), _dated_claim(("TIME", "2031-05-12T22:00")))
    # "at night" is no clock time
    assert not _same_time(_dated_claim(("TIME", "2031-05-12TNI")), _dated_claim(("TIME", "2031-05-12TNI")))
    assert not _same_time(_dated_claim(("DATE", "2031-05-12")), _dated_claim(("DATE", "2031-05-12")))

    b = _brief_json(tmp_path, [
        {"id": "herald", "outlet": "Velm Herald", "published": "2031-05-13",
         "text": "For the people of Velm, the night of May 12 will not be forgotten. The Velm dam gave way shortly "
                 "before 11 p.m., and within an hour the lower town was under two metres of water."},
        {"id": "wire", "outlet": "Ostpress", "published": "2031-05-13",
         "text": "Floods hit the town of Velm on Monday night. The Velm dam, an earth barrier built in 1961 about six "
                 "kilometres upstream of the town and long criticised by engineers, failed shortly before 11 p.m. on "
                 "May 12, according to the water ministry."},
    ])
    dam = [f for f in b["facts"] if any("11 p.m." in b["articles"][[a["id"] for a in b["articles"]].index(e["article"])]
                                        ["text"][e["start"]:e["end"]] for e in f["evidence"])]
    assert len(dam) == 1 and set(dam[0]["sources"]) == {"herald", "wire"}, [f["sources"] for f in dam]


def test_two_figures_for_one_count_are_never_one_fact(tmp_path):
    """"Nine are missing" and "six are missing" are two versions of a figure (the disagreements list them),
    not one fact: a fact stating nine must not cite the outlet that says six."""
    b = _brief_json(tmp_path, [
        {"id": "wire", "outlet": "Harbour Wire", "published": "2031-05-02",
         "text": "A ferry capsized off Port Alven on Thursday. Nine people were still missing on Thursday evening, "
                 "the coastguard said. Divers resumed the search at dawn."},
        {"id": "daily", "outlet": "Alven Daily", "published": "2031-05-02",
         "text": "Divers searched the wreck of the ferry off Port Alven. Nine people are still missing, the "
                 "coastguard said on Friday morning. The operator suspended its other crossings."},
        {"id": "late", "outlet": "Coast Radio", "published": "2031-05-03",
         "text": "Three more survivors were found on a beach near Port Alven. Six people are still missing. "
                 "The coastguard said the search would continue."},
    ])
    missing = [f for f in b["facts"] if "missing" in f["text"].lower()]
    assert {"wire", "daily"} <= set(next(f for f in missing if "Nine" in f["text"])["sources"])
    assert all(set(f["sources"]) in ({"late"}, {"wire", "daily"}) for f in missing), [(f["text"], f["sources"]) for f in missing]
    assert any(d["kind"] == "number" for d in b["disagreements"])  # the two figures are reported as such
    for item in b["summary"]:
        if "nine" in item["text"].lower():
            assert "late" not in item["sources"], item  # the summary does not cite "six" for "nine" either
    # "on Thursday evening" and "the coastguard said" on another day date the count and the saying, and
    # the saying's day is no second date of the fact
    assert not [d for d in b["disagreements"] if d["kind"] == "date"], b["disagreements"]


def test_one_count_and_conflicts():
    from newsweave.align.facts import conflicting_counts, one_count

    nine = _claim("a", "Nine people are missing.", ["people", "miss"], [9])
    six = _claim("b", "Six people are missing.", ["people", "miss"], [6])
    also_nine = _claim("c", "At least nine remain missing.", ["remain", "miss"], [9])
    dead = _claim("d", "Six people died.", ["people", "die"], [6])
    two = _claim("e", "Six died and nine are missing.", ["die", "miss"], [6, 9])
    assert one_count(nine)[0] == "~missing"
    assert one_count(two) is None
    assert conflicting_counts(one_count(nine), one_count(six))
    assert not conflicting_counts(one_count(nine), one_count(also_nine))
    assert not conflicting_counts(one_count(nine), one_count(dead))  # other counts
    assert not conflicting_counts(one_count(nine), one_count(two))


def test_a_year_a_span_runs_from_is_not_the_year_of_the_claim():
    # "the lowest since 1994" is about this year's turnout, compared back to 1994
    from types import SimpleNamespace

    from newsweave.align.facts import _other_years

    text = "Turnout was 63.5 per cent, the lowest since 1994."
    since = _claim("a", text, [], [])
    since.dates = [SimpleNamespace(type="DATE", value="1994", start=text.index("1994"), end=text.index("1994") + 4)]
    other = _claim("b", "Turnout was 63.5%, the electoral commission said.", [], [])
    published = {"a": "2031", "b": "2031"}
    assert not _other_years(since, other, published)
    # ... and about that year: "under Armenian control since 1994" / "a ceasefire in 1994"
    truce = _claim("b", "The war halted with a ceasefire in 1994.", [], [])
    truce.dates = [SimpleNamespace(type="DATE", value="1994", start=35, end=39)]
    assert not _other_years(since, truce, published)
    text = "Turnout was 63.5 per cent, as in 1994."
    back = _claim("a", text, [], [])
    back.dates = [SimpleNamespace(type="DATE", value="1994", start=text.index("1994"), end=text.index("1994") + 4)]
    assert _other_years(back, other, published)


def test_the_same_prison_term_given_to_the_same_person_is_one_fact():
    """Three reports give one deputy's five years in words that share only her name and the figure, which every
    report repeats (no rare word to block them on)."""
    import tempfile
    from pathlib import Path

    import newsweave
    from newsweave.ingest import ingest

    reports = [
        ("date 2028-03-14T12:00:00Z\n", WIRE),
        ("date 2028-03-14T18:00:00Z\n", POST),
        ("date 2028-03-15T07:00:00Z\n", NEWS),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (head, body) in enumerate(reports):
            path = Path(tmp) / f"r{k}.txt"
            path.write_text(head + body, encoding="utf-8")
            paths.append(str(path))
        b = newsweave.brief(ingest(paths).articles)
    texts = {a.id: a.text for a in b.articles}
    varga = [f for f in b.facts if any("Varga" in texts[e["article"]][e["start"]:e["end"]] for e in f["evidence"])]
    assert [len(set(f["sources"])) for f in varga] == [3], varga


# a story we wrote: a minister and his deputy jailed
WIRE = (
    'Former Velian minister jailed for 9 years in bribery case\nBy Nora Keel\n\nSTRAVENIK, March '
    '14 (Continental Press) - A Velian court on Tuesday sentenced former transport minister '
    'Anton Brisk to nine years in prison for taking 4 million euros in bribes from road '
    'builders.\n\nHis former deputy, Lena Varga, was sentenced to five years. A third defendant, '
    'businessman Otto Lind, was acquitted.\n\nBrisk, 58, denied the charges and said he would '
    'appeal. "This verdict is political," he told reporters outside the court.'
)
POST = (
    "Brisk gets nine years for road bribes\nBy Karl Ost\n\nAnton Brisk, who ran Velia's transport "
    'ministry from 2019 to 2023, was jailed for nine years on Tuesday for pocketing €4m in '
    'kickbacks.\n\nJudge Maria Holm said Brisk had "betrayed the trust of the public". His '
    'deputy Lena Varga received a five-year term, while businessman Otto Lind walked '
    "free.\n\nBrisk's lawyer said an appeal would be lodged within 30 days."
)
NEWS = (
    'Ex-minister Brisk jailed for 10 years\nBy Ida Pell\n\nFormer transport minister Anton Brisk '
    'has been sentenced to 10 years in jail for corruption.\n\nBrisk, 59, had been accused of '
    'accepting 4.5 million euros in bribes from construction firms between 2020 and 2023.\n\nHis '
    'deputy, Lena Varga, was given five years.'
)
