"""Cross-source alignment on the five seed reports, checked against our own reading of them.

We read the five reports and wrote down every real disagreement between them and every look-alike
that is not one (values only: no seed text is copied here). The briefing must find the former with the
right status and none of the latter.
"""

from __future__ import annotations

import pytest

import newsweave

# Real disagreements, as we read them.
REAL = [
    # The Kalbajar handover: "before November 15" in one report and "expected ... on November 15, but ...
    # agreed to delay" in another, "on November 25" in a third. The text explains the change: an update.
    {"kind": "date", "entity": "Kalbajar", "values": {"2020-11-15", "2020-11-25"}, "status": "update"},
    # The death toll of the 2020 war: "hundreds and possibly thousands" against "thousands" and against
    # fatalities that "had surpassed 4,000 people" (a figure quoted from Putin): vague and overlapping
    # figures of one count, an estimate.
    {"kind": "number", "values": {(200.0, 9999.0), (2000.0, 9999.0), (4000.0, None)}, "status": "estimate"},
]

# Look-alikes that are agreement, or different facts: none may be reported.
#  - the war's length: "six-week", "six weeks", "more than six weeks", "44 days", "over a month";
#  - the peacekeepers: "around 2,000" and "nearly 2,000";
#  - the accord: "November 10", "last week" (in reports of November 20), "two weeks ago" (of November 25);
#  - Agdam entered "on November 20", "on 20 November", "on Friday"; Lachin "by December 1" everywhere;
#  - 30,000 killed in the 1990s war and a town "home to over 30,000 people" in 1991;
#  - "since 1991" and "in 1994" name different events.
LOOK_ALIKE_VALUES = {"2020-11-10", "2020-W46", "2020-11-11", "2020-11-20", "2020-12-01", "1991", "1994"}


@pytest.fixture(scope="module")
def briefing(seeds_dir):
    return newsweave.brief(seeds_dir)


def _values(d):
    out = set()
    for p in d["positions"]:
        n = p["normalized"]
        out.add(tuple(n) if isinstance(n, list) else n)
    return out


def _entity_name(briefing, alias):
    return next(e["name"] for e in briefing.entities if alias in e["aliases"])


def test_every_real_disagreement_is_found_with_its_status(briefing):
    for want in REAL:
        hits = [d for d in briefing.disagreements if d["kind"] == want["kind"] and _values(d) == want["values"]]
        assert len(hits) == 1, (want, [(d["kind"], _values(d)) for d in briefing.disagreements])
        d = hits[0]
        assert d["status"] == want["status"]
        if "entity" in want:
            assert d["subject"] == _entity_name(briefing, want["entity"])
        assert d["explanation"]
        for p in d["positions"]:
            assert p["sources"] and len(p["sources"]) == len(p["evidence"])
            for ev in p["evidence"]:
                text = briefing.article(ev["article"]).text
                assert text[ev["start"]:ev["end"]]
                assert ev["start"] <= ev["value_start"] < ev["value_end"] <= ev["end"]


def test_no_look_alike_is_reported(briefing):
    assert len(briefing.disagreements) == len(REAL), [(d["kind"], d["subject"], _values(d)) for d in briefing.disagreements]
    for d in briefing.disagreements:
        assert not (_values(d) & LOOK_ALIKE_VALUES), d
        assert all(not isinstance(v, tuple) or v[0] not in (6.0, 44.0, 1800.0, 30000.0) for v in _values(d)), d


def _fact_with(briefing, fragment):
    hits = [f for f in briefing.facts if any(fragment in briefing.article(e["article"]).text[e["start"]:e["end"]] for e in f["evidence"])]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


def test_facts_list_every_outlet_that_reports_them(briefing):
    statement = _fact_with(briefing, "trilateral statement")
    assert {s[:3] for s in statement["sources"]} >= {"000", "001"}
    # Reported by one outlet only: listed with that one.
    tenure = _fact_with(briefing, "held the position since")
    assert [s[:3] for s in tenure["sources"]] == ["000"]
    assert tenure["independent_sources"] == 1
    for f in briefing.facts:
        assert len(f["sources"]) == len(set(f["sources"])) == len(f["evidence"])
        assert 1 <= f["independent_sources"] <= len(f["sources"])


def test_copied_wire_text_counts_once(briefing):
    # 001 and 003 carry the same wire sentences (found by the reuse detector): a fact they share
    # through that copy is one independent source, not two.
    assert any(set(r["articles"]) == {a.id for a in briefing.articles if a.id[:3] in ("001", "003")} for r in briefing.reuse)
    shared = [f for f in briefing.facts if {"001", "003"} <= {s[:3] for s in f["sources"]}]
    assert shared
    for f in shared:
        origins = [sorted(s[:3] for s in o) for o in f["origins"]]
        assert ["001", "003"] in origins
        assert f["independent_sources"] == len(f["sources"]) - 1


def test_coverage_unique_and_omitted(briefing):
    by_article = {c["article"][:3]: c for c in briefing.coverage}
    assert set(by_article) == {"000", "001", "002", "003", "004"}
    facts = {f["id"]: f for f in briefing.facts}
    for c in briefing.coverage:
        for fid in c["unique"]:
            assert facts[fid]["sources"] == [c["article"]]
        for fid in c["omitted"]:
            assert c["article"] not in facts[fid]["sources"] and len(facts[fid]["sources"]) >= 2
    assert all(by_article[k]["unique"] for k in by_article)  # every report has something of its own
