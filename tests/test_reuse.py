"""Tests for newsweave.align.reuse, on fictional texts written for these tests."""

from __future__ import annotations

import random
import re

import pytest

from newsweave.align.reuse import (
    Reuse,
    candidate_pairs,
    content_tokens,
    find_reuse,
    split_sentences,
)

# A fictional wire passage (five sentences) about a fictional event.
WIRE = [
    "Floodwaters from the swollen Orvane River swept through the northern province of Valmora on "
    "Tuesday, forcing more than 4,000 residents from their homes.",
    "The regional army deployed twelve rescue boats and two helicopters to villages cut off by the "
    "water, the emergency ministry said.",
    "Governor Tamsin Arkell declared a state of emergency in six districts and asked the capital "
    "for additional funds to repair damaged bridges.",
    "Forecasters expect the heavy rain to continue until Friday, raising fears that the dam at "
    "Lake Sereth could overflow.",
    "Local hospitals treated dozens of people for injuries and hypothermia, officials said.",
]

# The same passage, synonym-spun (said->stated, army->military, Valmora->Valmora Republic, ...)
# and with its sentences reordered.
SPUN = [
    "Meteorologists expect the torrential rain to persist until Friday, raising concerns that the "
    "dam at Lake Sereth may overflow.",
    "Floodwaters from the swollen Orvane River tore through the northern province of the Valmora "
    "Republic on Tuesday, forcing over 4,000 inhabitants from their houses.",
    "Governor Tamsin Arkell proclaimed a state of emergency in six districts and asked the capital "
    "for extra funds to repair damaged bridges.",
    "The regional military dispatched 12 rescue boats and two helicopters to hamlets cut off by "
    "the water, the emergency ministry stated.",
    "Local hospitals treated dozens of individuals for injuries and hypothermia, authorities stated.",
]

INTRO_A = (
    "Residents of Brellin woke to sirens before dawn. Shopkeepers on the market square piled "
    "sandbags against their doors while children watched from upper windows. Many of them had "
    "never seen the river this high in their lives."
)
OUTRO_A = (
    "In Brellin, the town council opened its sports hall as a shelter. Volunteers served soup and "
    "blankets late into the night, and the mayor thanked a local bakery for donating bread."
)
INTRO_B = (
    "Insurance companies are bracing for heavy claims after another week of extreme weather. "
    "Analysts at Corvane Securities estimate that losses could exceed last year's record. "
    "Shares of regional insurers fell sharply in morning trading."
)
OUTRO_B = (
    "The insurers' association will meet next Monday to discuss a common fund for climate "
    "disasters. Critics argue that premiums in river valleys have already become unaffordable "
    "for many young families."
)
INTRO_C = (
    "Farmers in the south of the country say their harvest is already lost. Fields of barley "
    "and sugar beet lie under a metre of muddy water, and cattle had to be moved to higher "
    "pastures in a hurry."
)
OUTRO_C = (
    "Agricultural unions demanded direct compensation for the lost crops. The agriculture "
    "minister promised to visit the affected farms before the end of the month."
)

# Independent reports on the same event, in other words. They share names, numbers, two sentences
# that state the same facts in similar words (token similarity just under the threshold), and one
# identical two-sentence quotation.
QUOTE = (
    "``We need money from the capital to rebuild our bridges, and we need it now. The people of "
    "Valmora have waited long enough for this government to act,'' Arkell said."
)
INDEPENDENT = (
    "Thousands fled their houses in Valmora as the Orvane burst its banks on Tuesday. "
    "Governor Tamsin Arkell put six districts under emergency rule on Tuesday and requested money "
    "from the capital to fix bridges. "
    "By evening about 4,000 people had been evacuated, according to provincial authorities. "
    "Soldiers used boats and helicopters to reach villages isolated by the flood, the ministry for "
    "emergencies reported. " + QUOTE + " "
    "Rain is forecast through Friday, and engineers are monitoring the Lake Sereth dam closely."
)
INDEPENDENT_2 = (
    "The Orvane River flooded large parts of Valmora province this week. " + QUOTE + " "
    "Emergency crews, supported by soldiers, rescued stranded families with boats. "
    "Weather services warn that more rain will fall before the weekend."
)


def _article(intro: str, body: list[str], outro: str) -> str:
    return intro + "\n\n" + " ".join(body) + "\n\n" + outro


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _find(results: list[Reuse], x: str, y: str) -> Reuse | None:
    for r in results:
        if {r.a, r.b} == {x, y}:
            return r
    return None


# ------------------------------------------------------------------------------------------------


def test_split_sentences_exact_offsets():
    text = (
        "Mr. Arkell arrived at 9 a.m. on Tuesday. He said: ``It is bad.'' The U.S. embassy "
        "closed!  Was it safe? J. Doe thinks so.\n\nNew paragraph without end"
    )
    spans = split_sentences(text)
    sents = [text[s:e] for s, e in spans]
    assert sents == [
        "Mr. Arkell arrived at 9 a.m. on Tuesday.",
        "He said: ``It is bad.''",
        "The U.S. embassy closed!",
        "Was it safe?",
        "J. Doe thinks so.",
        "New paragraph without end",
    ]


def test_content_tokens_normalize():
    assert content_tokens("The Army said TWELVE boats, 1,200 people.") == ["army", "12", "boat", "1200", "people"]
    # 'Russia' and 'Russian' meet after the stem truncation; reporting verbs are dropped
    assert content_tokens("Russia stated") == content_tokens("Russian said")


def test_exact_copied_passage_found_with_offsets():
    a = _article(INTRO_A, WIRE, OUTRO_A)
    b = _article(INTRO_B, WIRE, OUTRO_B)
    results = find_reuse([("a", a, None), ("b", b, None)])
    assert len(results) == 1
    r = results[0]
    assert {r.a, r.b} == {"a", "b"}
    assert r.direction == "unknown"
    texts = {"a": a, "b": b}
    assert len(r.passages) == 1
    p = r.passages[0]
    wire = " ".join(WIRE)
    assert texts[r.a][p.a_start : p.a_end] == wire
    assert texts[r.b][p.b_start : p.b_end] == wire
    assert p.similarity > 0.95
    # score = share of the shorter text covered by the passage
    shorter = min(len(a.strip()), len(b.strip()))
    assert r.score == pytest.approx(len(wire) / shorter, abs=0.01)
    js = r.to_json()
    assert js["articles"] == [r.a, r.b]
    assert js["passages"][0]["a"] == {"start": p.a_start, "end": p.a_end}
    assert js["direction"] == "unknown"


def test_spun_and_reordered_passage_found():
    a = _article(INTRO_A, WIRE, OUTRO_A)
    c = _article(INTRO_C, SPUN, OUTRO_C)
    results = find_reuse([("a", a, "2024-03-05"), ("c", c, "2024-03-06")])
    r = _find(results, "a", "c")
    assert r is not None, "spun + reordered copy not found"
    assert (r.a, r.b, r.direction) == ("a", "c", "a->b")
    # every wire sentence is covered by some passage on the a side, and every spun one on the c side
    for sent in WIRE:
        s = a.index(sent)
        assert any(p.a_start <= s and s + len(sent) <= p.a_end for p in r.passages), sent
    for sent in SPUN:
        s = c.index(sent)
        assert any(p.b_start <= s and s + len(sent) <= p.b_end for p in r.passages), sent
    # no passage strays into the non-copied intro/outro
    intro_end = a.index(WIRE[0])
    assert all(p.a_start >= intro_end for p in r.passages)
    assert all(p.b_start >= c.index(SPUN[0]) for p in r.passages)
    # reordered -> more than one passage; the aligned pieces correspond
    assert len(r.passages) >= 2
    for p in r.passages:
        wa, wc = a[p.a_start : p.a_end], c[p.b_start : p.b_end]
        assert len(set(content_tokens(wa)) & set(content_tokens(wc))) >= 4


def test_merged_sentences_still_aligned():
    # the copier joins two wire sentences into one: a 2:1 match, still one contiguous passage
    joined = WIRE[1][:-1] + ", while g" + WIRE[2][1:]
    body = [WIRE[0], joined, WIRE[3], WIRE[4]]
    a = _article(INTRO_A, WIRE, OUTRO_A)
    b = _article(INTRO_B, body, OUTRO_B)
    [r] = find_reuse([("a", a, "2024-01-01"), ("b", b, "2024-01-02")])
    assert len(r.passages) == 1
    p = r.passages[0]
    assert a[p.a_start : p.a_end] == " ".join(WIRE)
    assert b[p.b_start : p.b_end] == " ".join(body)


def test_independent_reports_are_not_reuse():
    a = _article(INTRO_A, WIRE, OUTRO_A)
    docs = [("a", a, None), ("ind", INDEPENDENT, None), ("ind2", INDEPENDENT_2, None)]
    assert find_reuse(docs) == []
    # the same with the LSH filter made almost useless, so that the alignment thresholds decide
    loose = find_reuse(docs, lsh_threshold=0.05, num_perm=128)
    assert loose == []
    # sanity: the texts really are close (a lax sentence threshold aligns two or more of their sentences);
    # what they share is the facts, not a reporter's words in the same order
    from newsweave.align import reuse

    close = reuse._align(reuse._prepare("a", a, None), reuse._prepare("ind", INDEPENDENT, None),
                         sentence_threshold=0.6, adjacent_threshold=0.5, min_content_tokens=4)
    assert len(close) >= 2


def test_single_shared_quotation_is_not_reuse():
    docs = [("ind", INDEPENDENT, None), ("ind2", INDEPENDENT_2, None)]
    assert find_reuse(docs, lsh_threshold=0.05, num_perm=128) == []
    # without the quotation rule (min_sentences=0) the 2-sentence quote alone would make a pair
    assert len(find_reuse(docs, lsh_threshold=0.05, num_perm=128, min_sentences=0)) == 1


def test_short_common_phrases_are_not_reuse():
    x = (
        "A fire destroyed a warehouse in Pellam overnight. The ministry said in a statement. "
        "No one was hurt. Police are investigating the cause of the blaze near the old harbour."
    )
    y = (
        "Prices for olive oil rose again in March. The ministry said in a statement. "
        "No one was hurt. Exporters blame a poor harvest in the coastal hills."
    )
    assert find_reuse([("x", x, None), ("y", y, None)]) == []


@pytest.mark.parametrize(
    "da, db, direction, first",
    [
        ("2024-03-05", "2024-03-06", "a->b", "a"),
        ("2024-03-07", "2024-03-06", "a->b", "b"),  # b earlier: swapped so the source comes first
        ("2024-03-06T08:00:00", "2024-03-06T07:00:00", "a->b", "b"),
        ("2024-03-06", "2024-03-06", "unknown", "a"),
        (None, "2024-03-06", "unknown", "a"),
        (None, None, "unknown", "a"),
    ],
)
def test_direction_by_dates(da, db, direction, first):
    a = _article(INTRO_A, WIRE, OUTRO_A)
    b = _article(INTRO_B, WIRE, OUTRO_B)
    [r] = find_reuse([("a", a, da), ("b", b, db)])
    assert r.direction == direction
    assert r.a == first
    texts = {"a": a, "b": b}
    # offsets follow the swap
    for p in r.passages:
        assert _norm(texts[r.a][p.a_start : p.a_end]) == _norm(texts[r.b][p.b_start : p.b_end])


def test_direction_hint_expanded_version_is_later():
    short = " ".join(WIRE)
    long = _article(INTRO_B, WIRE, OUTRO_B)
    [r] = find_reuse([("long", long, None), ("short", short, None)])
    assert r.direction == "unknown"
    assert r.score > 0.95
    # 'short' is wholly reused; 'long' holds it plus extra material -> long looks like the copier
    assert (r.a, r.b) == ("long", "short")
    assert r.direction_hint == "b->a"


def test_direction_hint_the_wires_credited_text_is_the_source():
    # a paper runs the wire's story cut and without its credit: the longer, credited text is the source,
    # although it holds the other's passage plus more
    wire = "VALMORA, Aug 9 (Orvane Press) - " + " ".join(WIRE) + "\n\n" + OUTRO_B
    paper = " ".join(WIRE)
    [r] = find_reuse([("paper", paper, "2026-08-09"), ("wire", wire, "2026-08-09")])
    assert r.direction == "unknown"
    src = r.a if r.direction_hint == "a->b" else r.b
    assert src == "wire", (r.a, r.b, r.direction_hint)


def test_of_two_copies_crediting_one_agency_its_own_text_is_the_source():
    # a paper prints the wire's text under the wire's credit, cut, and adds a line of its own: with no times
    # to tell, the text the agency itself published (its outlet is the agency) is the source
    wire = "VALMORA, Aug 9 (Orvane Press) - " + " ".join(WIRE) + "\n\n" + OUTRO_B
    paper = "VALMORA, Aug 9 (Orvane Press) - " + " ".join(WIRE) + "\n\nTwo buses left Kelby for the rally."
    for docs in ([("wire", wire, "2026-08-09", "Orvane Press"), ("paper", paper, "2026-08-09", "Kelby Gazette")],
                 [("paper", paper, "2026-08-09", "Kelby Gazette"), ("wire", wire, "2026-08-09", "Orvane Press")]):
        [r] = find_reuse(docs)
        assert r.direction == "unknown"
        src = r.a if r.direction_hint == "a->b" else r.b
        assert src == "wire", (r.a, r.b, r.direction_hint)


def test_times_of_publication_order_two_copies_of_one_day():
    wire = "VALMORA, Aug 9 (Orvane Press) - " + " ".join(WIRE)
    paper = " ".join(WIRE) + "\n\n" + OUTRO_B
    # 09:30 in a zone two hours ahead is 07:30 UTC: before the paper's 08:15 UTC, though its clock reads later
    [r] = find_reuse([("paper", paper, "2026-08-09T08:15:00+00:00"), ("wire", wire, "2026-08-09T09:30:00+02:00")])
    assert (r.a, r.b, r.direction) == ("wire", "paper", "a->b")


def test_duplicate_ids_rejected():
    with pytest.raises(ValueError):
        find_reuse([("x", "One. Two.", None), ("x", "Three.", None)])


def _random_article(rng: random.Random, vocab: list[str], n_sent: int) -> list[str]:
    out = []
    for _ in range(n_sent):
        words = rng.choices(vocab, k=rng.randint(12, 22))
        out.append(" ".join(words).capitalize() + ".")
    return out


@pytest.mark.parametrize("exact_max_sentences", [None, 0], ids=["exact", "lsh"])
def test_scaling_candidates_avoid_all_pairs(exact_max_sentences):
    rng = random.Random(7)
    vocab = [
        "".join(rng.choices("bcdfghklmnprstvz", k=2) + rng.choices("aeiou", k=1) + rng.choices("bcdfghklmnprstvz", k=2))
        + suffix
        for suffix in ("", "an", "or", "el")
        for _ in range(500)
    ]
    vocab = sorted(set(vocab))
    wire_groups = [_random_article(rng, vocab, 4) for _ in range(10)]
    docs = []
    truth = set()
    group_members: dict[int, list[str]] = {}
    for k in range(300):
        sents = _random_article(rng, vocab, rng.randint(8, 14))
        if k < 60:  # 60 articles embed one of 10 wire passages (6 each)
            g = k % 10
            pos = rng.randint(0, len(sents))
            sents[pos:pos] = wire_groups[g]
            for other in group_members.get(g, []):
                truth.add(frozenset((other, f"d{k}")))
            group_members.setdefault(g, []).append(f"d{k}")
        docs.append((f"d{k}", " ".join(sents), None))
    stats: dict = {}
    results = find_reuse(docs, stats=stats, exact_max_sentences=exact_max_sentences)
    n = len(docs)
    assert stats["all_pairs"] == n * (n - 1) // 2
    assert stats["candidate_method"] == ("lsh" if exact_max_sentences == 0 else "exact")
    # the candidate stage hands only a small fraction of the 44,850 pairs to alignment
    assert stats["candidates"] < 0.02 * stats["all_pairs"]
    assert stats["candidates"] == len(candidate_pairs(docs, exact_max_sentences=exact_max_sentences))
    found = {frozenset((r.a, r.b)) for r in results}
    assert found == truth  # 10 groups x C(6,2) = 150 pairs, no false positives


def test_wire_copy_run_by_two_outlets_counts_once_and_cites_both(tmp_path):
    """The same wire text from two outlets reaches the briefing as two reports: the reuse graph shows the copy,
    and every fact in it is cited to both but counts as one independent source."""
    import json

    from newsweave.pipeline import brief
    from newsweave.render import render

    wire = " ".join(WIRE[:3])
    own = ("More than 4,000 people have left their homes in Valmora since the Orvane burst its banks, the "
           "governor's office said. Governor Tamsin Arkell asked the capital for money to rebuild bridges.")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "agency", "outlet": "Valmora Press Agency", "published": "2031-03-04", "text": wire},
        {"id": "daily", "outlet": "The Northern Daily", "published": "2031-03-04", "text": wire},
        {"id": "times", "outlet": "Sereth Times", "published": "2031-03-05", "text": own},
    ]) + "\n", encoding="utf-8")
    b = json.loads(render(brief([feed]), "json"))
    assert [a["id"] for a in b["articles"]] == ["agency", "daily", "times"] and not b["skipped"]
    pair = next(r for r in b["reuse"] if set(r["articles"]) == {"agency", "daily"})
    assert sum(p["a"]["end"] - p["a"]["start"] for p in pair["passages"]) >= 0.95 * len(wire)
    copied = [f for f in b["facts"] if {"agency", "daily"} <= set(f["sources"])]
    assert len(copied) >= 3
    for fact in copied:
        assert fact["independent_sources"] == len(set(fact["sources"]) - {"daily"})


def test_exact_candidates_are_the_jaccard_test_that_lsh_estimates():
    # sentence pairs across articles at skip-bigram Jaccard >= the threshold, and none below it
    from newsweave.align.reuse import _exact_candidates, _shingles

    base = "the harbour authority closed the northern pier after cracks appeared in its concrete deck".split()
    near = base[:-2] + ["steel", "frame"]  # a changed ending keeps most skip-bigrams
    far = base[:4] + "opened a ferry terminal beside the old fish market on monday".split()
    sets = [_shingles(base), _shingles(near), _shingles(far)]

    def jaccard(a, b):
        return len(a & b) / len(a | b)

    assert jaccard(sets[0], sets[1]) >= 0.3 > jaccard(sets[0], sets[2])
    keys = [(0, 0), (1, 0), (2, 0)]
    assert _exact_candidates(keys, sets, 0.3) == {(0, 1): 1}
    # two sentences of one article are never a candidate pair
    assert _exact_candidates([(0, 0), (0, 1)], sets[:2], 0.3) == {}


def test_a_story_briefs_reuse_without_importing_datasketch():
    # datasketch's LSH module imports scipy.integrate (most of a second of a cold brief); a story's
    # candidate pairs come from the exact test, so the import is left to inputs that need LSH
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsweave.align.reuse import find_reuse\n"
        "a = 'The river rose two metres overnight and flooded the lower town. Rescue teams moved 300 families to the school.'\n"
        "b = 'The river rose two metres overnight and flooded the lower town. Rescue teams moved 300 families to the gym.'\n"
        "find_reuse([('a', a * 3, None), ('b', b * 3, None)])\n"
        "print('datasketch' in sys.modules, 'scipy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_a_briefing_orders_copies_of_one_day_by_their_stated_times():
    """The time a text states ("date 2026-08-09T07:30:00Z") is kept and tells which of two copies of one day
    came first: the cut copy printed later is the copy, though it holds less than the original."""
    from newsweave import Article, brief

    body = " ".join(WIRE)
    articles = [Article(id="paper", source="paper", outlet="Kelby Gazette", published="2026-08-09",
                        published_time="2026-08-09T11:00:00+00:00", text=body),
                Article(id="wire", source="wire", outlet="Orvane Press", published="2026-08-09",
                        published_time="2026-08-09T07:30:00+00:00", text=body + "\n\n" + OUTRO_B)]
    [r] = brief(articles).reuse
    assert (r["articles"], r["direction"]) == (["wire", "paper"], "a->b"), r


RULING_WIRE = (
    "STRAVENIK, April 21 (Kestpress) - Velia's Constitutional Court on Wednesday struck down a 2025 law that "
    "banned protests within 500 metres of parliament, ruling 5-4 that it breached the right to free assembly.\n\n"
    "Justice Anna Lind wrote for the majority that the ban was \"far broader than any threat it claimed to "
    "address\".\n\n"
    "Interior Minister Pavel Horak said police would stop enforcing the ban immediately. About 340 people have "
    "been fined under the law, according to the Velian Civil Liberties Union.")
RULING_OBSERVER = (
    "Velia's Constitutional Court has restored the right to protest outside parliament, striking down the 2025 "
    "protest law by six votes to three on Wednesday.\n\n"
    "Writing for the majority, Justice Anna Lind said the ban was \"far broader than any threat it claimed to "
    "address\". Justice Tomas Vik dissented.\n\n"
    "The Velian Civil Liberties Union, which brought the case, said 342 people had been fined under the law and "
    "called for the fines to be repaid.")


def test_reports_that_tell_the_same_facts_around_one_quote_in_their_own_order_are_not_reuse():
    # each pair of sentences shares names, the quote and figures (token-sort similarity 0.74-0.98), but a
    # reporter's own words come in another order: no sentence of one is the other's rewritten
    assert find_reuse([("wire", RULING_WIRE, None), ("observer", RULING_OBSERVER, None)]) == []
    # the same sentences with the reporter's words kept in order, a few of them swapped, are a copy
    spun = (RULING_WIRE.replace("struck down", "threw out").replace("banned", "outlawed")
            .replace("immediately", "at once").replace("About 340", "Some 340"))
    assert find_reuse([("wire", RULING_WIRE, None), ("spun", spun, None)])
