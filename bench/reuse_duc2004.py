"""Bench: text reuse detection (newsweave.align.reuse) on DUC 2004 task 2.

DUC 2004 clusters hold successive wire versions of one story (AP and NYT, late 1998), so much of
their text is reused between versions. The data carry no dates, so every pair is
``direction = "unknown"``; we report how often ``direction_hint`` agrees with the document order
(which the dataset README says roughly follows DOCNO order, i.e. chronological within a wire).

Part 2 times ``find_reuse`` on a synthetic 500-article "story": each DUC document gets a
3-6 sentence excerpt of another random DUC document inserted, with the excerpt's sentences
shuffled (reordering). Those planted pairs are known, so their recall is measured.

Reads data at run time from ../shared; writes bench/results/reuse_duc2004.md (ids and numbers
only, never benchmark text). Usage: ``.venv/bin/python bench/reuse_duc2004.py``.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsweave.align.reuse import find_reuse, split_sentences  # noqa: E402

DATA = REPO.parent / "shared" / "benchmarks" / "duc2004_task2" / "clusters.jsonl"
OUT = REPO / "bench" / "results" / "reuse_duc2004.md"


def load() -> list[dict]:
    with DATA.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def per_cluster(clusters: list[dict]) -> tuple[list[dict], dict]:
    rows = []
    total_pairs = 0
    hint_agree = hint_disagree = no_hint = 0
    scores: list[float] = []
    lsh_pairs = lsh_only = exact_only = 0
    lsh_seconds = 0.0
    elapsed = 0.0
    # datasketch's import and its LSH parameter choice happen once per process: not in the timings below
    find_reuse([(f"w{i}", d["text"], None) for i, d in enumerate(clusters[0]["documents"])], exact_max_sentences=0)
    for c in clusters:
        docs = [(f"{c['cluster_id']}/D{d['doc_index']}", d["text"], None) for d in c["documents"]]
        stats: dict = {}
        t0 = time.perf_counter()
        res = find_reuse(docs, stats=stats)
        elapsed += time.perf_counter() - t0
        # the same story through the LSH candidate stage (what larger inputs use), for comparison
        t0 = time.perf_counter()
        res_lsh = find_reuse(docs, exact_max_sentences=0)
        lsh_seconds += time.perf_counter() - t0
        got, got_lsh = {(r.a, r.b) for r in res}, {(r.a, r.b) for r in res_lsh}
        lsh_pairs += len(got_lsh)
        lsh_only += len(got_lsh - got)
        exact_only += len(got - got_lsh)
        total_pairs += len(res)
        scores += [r.score for r in res]
        for r in res:
            ia, ib = int(r.a.rsplit("D", 1)[1]), int(r.b.rsplit("D", 1)[1])
            if r.direction_hint is None:
                no_hint += 1
                continue
            later = ib if r.direction_hint == "a->b" else ia
            earlier = ia if later == ib else ib
            if later > earlier:
                hint_agree += 1
            else:
                hint_disagree += 1
        rows.append(
            {
                "cluster": c["cluster_id"],
                "docs": len(docs),
                "candidates": stats["candidates"],
                "pairs": len(res),
                "mean_score": statistics.mean([r.score for r in res]) if res else 0.0,
                "high": sum(1 for r in res if r.score >= 0.5),
                "top": [
                    f"{r.a.split('/')[1]}~{r.b.split('/')[1]} {r.score:.2f} ({len(r.passages)}p)"
                    for r in res[:3]
                ],
                "seconds": stats["seconds_total"],
            }
        )
    summary = {
        "clusters": len(clusters),
        "docs": sum(r["docs"] for r in rows),
        "pairs": total_pairs,
        "all_pairs_within_clusters": sum(r["docs"] * (r["docs"] - 1) // 2 for r in rows),
        "candidates": sum(r["candidates"] for r in rows),
        "clusters_with_pairs": sum(1 for r in rows if r["pairs"]),
        "pairs_score_ge_0.5": sum(1 for s in scores if s >= 0.5),
        "pairs_score_lt_0.2": sum(1 for s in scores if s < 0.2),
        "median_score": statistics.median(scores) if scores else 0.0,
        "pairs_per_cluster_median": statistics.median([r["pairs"] for r in rows]),
        "pairs_per_cluster_max": max(r["pairs"] for r in rows),
        "hint_agree_doc_order": hint_agree,
        "hint_disagree_doc_order": hint_disagree,
        "no_hint": no_hint,
        "seconds": round(elapsed, 2),
        "method": stats["candidate_method"],
        "lsh_pairs": lsh_pairs,
        "lsh_only": lsh_only,
        "exact_only": exact_only,
        "lsh_seconds": round(lsh_seconds, 2),
    }
    return rows, summary


def all_in_one(clusters: list[dict]) -> dict:
    """All 500 raw documents in one call: which pairs cross cluster boundaries?"""
    docs = [(f"{c['cluster_id']}/D{d['doc_index']}", d["text"], None) for c in clusters for d in c["documents"]]
    stats: dict = {}
    res = find_reuse(docs, stats=stats)
    cross = [r for r in res if r.a.split("/")[0] != r.b.split("/")[0]]
    cluster_pairs: dict[str, int] = {}
    for r in cross:
        key = " & ".join(sorted((r.a.split("/")[0], r.b.split("/")[0])))
        cluster_pairs[key] = cluster_pairs.get(key, 0) + 1
    return {
        "articles": len(docs),
        "seconds": stats["seconds_total"],
        "all_pairs": stats["all_pairs"],
        "candidates": stats["candidates"],
        "pairs": len(res),
        "cross_cluster_pairs": len(cross),
        "cross_cluster_by_clusters": cluster_pairs,
    }


def synthetic(clusters: list[dict], n: int = 500, seed: int = 13, exact_max_sentences: int | None = None) -> dict:
    rng = random.Random(seed)
    base = [(f"{c['cluster_id']}/D{d['doc_index']}", d["text"]) for c in clusters for d in c["documents"]]
    base = base[:n]
    docs = []
    planted: set[frozenset[str]] = set()
    for k, (did, text) in enumerate(base):
        j = rng.randrange(len(base))
        while j == k:
            j = rng.randrange(len(base))
        src_id, src_text = base[j]
        spans = split_sentences(src_text)
        m = rng.randint(3, 6)
        s0 = rng.randrange(max(1, len(spans) - m))
        excerpt = [src_text[s:e] for s, e in spans[s0 : s0 + m]]
        rng.shuffle(excerpt)
        own = split_sentences(text)
        cut = own[rng.randrange(len(own))][1] if own else 0
        new = text[:cut] + " " + " ".join(excerpt) + " " + text[cut:]
        docs.append((f"syn{k}", new, None))
        planted.add(frozenset((f"syn{k}", f"syn{j}")))
    stats: dict = {}
    t0 = time.perf_counter()
    res = find_reuse(docs, stats=stats, exact_max_sentences=exact_max_sentences)
    secs = time.perf_counter() - t0
    found = {frozenset((r.a, r.b)) for r in res}
    return {
        "articles": len(docs),
        "words": sum(len(t.split()) for _, t, _ in docs),
        "seconds": round(secs, 2),
        "seconds_prepare": stats["seconds_prepare"],
        "seconds_candidates": stats["seconds_candidates"],
        "method": stats["candidate_method"],
        "seconds_align": stats["seconds_align"],
        "sentences_indexed": stats["sentences_indexed"],
        "all_pairs": stats["all_pairs"],
        "candidates": stats["candidates"],
        "pairs": len(res),
        "planted": len(planted),
        "planted_found": len(planted & found),
        "planted_recall": round(len(planted & found) / len(planted), 3),
    }


def main() -> None:
    clusters = load()
    rows, summary = per_cluster(clusters)
    print(f"{'cluster':9} docs cand pairs mean  >=.5  top pairs")
    for r in rows:
        print(
            f"{r['cluster']:9} {r['docs']:4} {r['candidates']:4} {r['pairs']:5} {r['mean_score']:.2f} "
            f"{r['high']:4}  {'; '.join(r['top'])}"
        )
    print("summary:", json.dumps(summary))
    one = all_in_one(clusters)
    print("all 500 in one call:", json.dumps(one))
    syn = [synthetic(clusters), synthetic(clusters, exact_max_sentences=0)]
    for x in syn:
        print("synthetic 500:", json.dumps(x))
    write_md(rows, summary, one, syn)
    print(f"wrote {OUT.relative_to(REPO)}")


def write_md(rows: list[dict], s: dict, one: dict, syns: list[dict]) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Reuse detection on DUC 2004 task 2",
        "",
        "Generated by `bench/reuse_duc2004.py` (default `find_reuse` parameters: sentence threshold "
        "0.72, adjacency threshold 0.50, >= 2 non-quote matched sentences, >= 30 matched words, "
        "score >= 0.02, candidate sentence pairs at skip-bigram Jaccard >= 0.3: exact up to "
        "20,000 indexed sentences, else MinHash LSH with 64 permutations). "
        "Score = share of the shorter text covered by reused passages. No gold for reuse exists in "
        "DUC: these are descriptive numbers, not accuracy. Document ids are `D<doc_index>`.",
        "",
        "## Summary (50 clusters x 10 documents, run per cluster)",
        "",
        f"- reuse pairs found: **{s['pairs']}** of {s['all_pairs_within_clusters']} within-cluster "
        f"pairs ({s['candidates']} candidates aligned, {s['method']} Jaccard); clusters with >= 1 pair: "
        f"{s['clusters_with_pairs']}/{s['clusters']}",
        f"- the same clusters with LSH candidates (`exact_max_sentences=0`): {s['lsh_pairs']} pairs; "
        f"{s['lsh_only']} found only by LSH, {s['exact_only']} only by the exact test; "
        f"{s['lsh_seconds']} s against {s['seconds']} s",
        f"- pairs per cluster: median {s['pairs_per_cluster_median']}, max {s['pairs_per_cluster_max']}",
        f"- scores: median {s['median_score']:.2f}; {s['pairs_score_ge_0.5']} pairs >= 0.5 "
        f"(near-duplicate wire versions), {s['pairs_score_lt_0.2']} pairs < 0.2 (a few shared "
        "background paragraphs)",
        f"- direction: no dates in DUC, so all `unknown`; `direction_hint` agrees with document order "
        f"in {s['hint_agree_doc_order']} pairs, disagrees in {s['hint_disagree_doc_order']}, no hint in "
        f"{s['no_hint']} (document order is only roughly chronological)",
        f"- time for all 50 clusters: {s['seconds']} s",
        "",
        "## All 500 raw documents in one call",
        "",
        f"- {one['articles']} articles, {one['all_pairs']} possible pairs, {one['candidates']} "
        f"candidates, {one['pairs']} reuse pairs, {one['seconds']} s",
        f"- pairs across cluster boundaries: {one['cross_cluster_pairs']} "
        f"({', '.join(f'{k}: {v}' for k, v in sorted(one['cross_cluster_by_clusters'].items()))}). "
        "DUC has clusters on overlapping events (e.g. two on the space-station assembly); on "
        "inspection during development these were genuine shared wire text, not false matches.",
        "",
        "## Synthetic 500-article story (scaling)",
        "",
        "All 500 DUC documents, each with a shuffled 3-6 sentence excerpt of another random DUC "
        "document inserted (planted, reordered reuse), run as **one** call of `find_reuse`.",
        "",
        "| candidates by | articles | words | all pairs | candidate pairs | reuse pairs | planted found | seconds (prepare / candidates / align) |",
        "|---|---|---|---|---|---|---|---|",
        *(
            f"| {syn['method']} | {syn['articles']} | {syn['words']} | {syn['all_pairs']} | {syn['candidates']} "
            f"({100 * syn['candidates'] / syn['all_pairs']:.2f}%) | {syn['pairs']} | "
            f"{syn['planted_found']}/{syn['planted']} ({syn['planted_recall']:.1%}) | "
            f"{syn['seconds']} ({syn['seconds_prepare']} / {syn['seconds_candidates']} / {syn['seconds_align']}) |"
            for syn in syns
        ),
        "",
        "## Notes",
        "",
        "- Planted pairs that are missed are mostly excerpts that are largely quotation, or have fewer "
        "than 2 sentences with >= 4 content words: by design, a shared quote is not evidence of "
        "copying, and very short overlaps are not reported.",
        "- `direction_hint` is a weak cue (the text holding the other's passage plus extra material is "
        "guessed to be the later one); DUC document order mixes two wires, so the agreement above is "
        "only indicative.",
        "- Candidate pairs grow with real overlap: a story where most of 500 articles carry the same "
        "wire copy has O(n^2) true reuse pairs, and alignment cost grows accordingly.",
        "",
        "## Per cluster",
        "",
        "| cluster | docs | candidates | pairs | mean score | pairs >= 0.5 | top pairs (score, passages) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['cluster']} | {r['docs']} | {r['candidates']} | {r['pairs']} | {r['mean_score']:.2f} | "
            f"{r['high']} | {'; '.join(r['top'])} |"
        )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
