"""Bench: how the align stage grows with story size (target: a 100-article story aligned in <= 10 s, memory
growing linearly).

Synthetic stories of 25, 50, 100 and 200 articles are built at run time from real newswire:

* **duc2006**: DUC 2006 topics in file order, 25 articles each, taken whole (25 = one real story; 50, 100,
  200 = 2, 4, 8 topics together), with their dates and outlets;
* **duc2004**: DUC 2004 task 2 clusters in file order, 10 articles each (wire versions of one story, so much
  repeated text), taken whole (the 25-article story ends with half a cluster).

Nothing of the text is copied into the repository. Each (series, size) runs in a **fresh subprocess**:
models are loaded by a 3-article warm-up brief, then ``newsweave.pipeline.brief(articles,
timings=Timings())`` gives the per-stage seconds and ``resource.getrusage`` the process's peak RSS. The
annotated documents of that brief are then re-aligned step by step (the same calls as
``newsweave.pipeline``'s align stage) for a per-step timing, the claim and pair counts, then once more under
``tracemalloc`` for the align stage's peak traced allocation (numpy arrays included), and, for the largest
story of each series, under cProfile.

Counts: claims, cross-article claim pairs (all pairs of claims of different articles), ``candidate_pairs``
after blocking, links made, embeddings computed, and the blocking's lexical recall: of the cross-article
pairs that ``same_content`` would accept on lexical grounds alone (TF-IDF cosine >= COSINE_MIN with enough
shared terms), the share that blocking keeps.

    .venv/bin/python bench/align_speed.py [--plan "duc2004:25,50,100,200;duc2006:25,50,100"] [--out ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "benchmarks"
DUC2004 = DATA / "duc2004_task2" / "clusters.jsonl"
DUC2006 = DATA / "duc2006" / "topics.jsonl"
OUT = REPO / "bench" / "results" / "align_speed.md"
TARGET_SECONDS = 10.0
ALIGN_STEPS = ("sentence_index", "pubdates", "reuse", "slots+claim_index", "align_facts", "disagreements")


def stream(series: str):
    """(id, text, published, outlet, title) records in story order."""
    if series == "duc2006":
        with DUC2006.open(encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                for d in t["documents"]:
                    yield (d["doc_id"], "\n\n".join(d["paragraphs"]), d.get("date_from_id"), d.get("source"), d.get("headline"))
    elif series == "duc2004":
        with DUC2004.open(encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                for d in c["documents"]:
                    yield (f"{c['cluster_id']}-{d['doc_index']}", d["text"], None, None, None)
    else:
        raise SystemExit(f"unknown series {series}")


def articles(series: str, n: int, skip: int = 0):
    from newsweave.model import Article

    out = []
    for k, (i, text, pub, outlet, title) in enumerate(stream(series)):
        if k < skip:
            continue
        if len(out) == n:
            break
        out.append(Article(id=i, source=f"{series}:{i}", text=text, published=pub, outlet=outlet, title=title))
    return out


def _rss_now() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def align_steps(docs, entities, result_reuse=None, *, counts: dict | None = None) -> dict[str, float]:
    """The align stage of ``newsweave.pipeline.brief``, step by step; returns seconds per step."""
    import numpy as np

    import newsweave.align.facts as facts_mod
    from newsweave.align import SentenceIndex
    from newsweave.align.disagreements import find_disagreements
    from newsweave.align.pubdates import infer_publication_dates
    from newsweave.align.reuse import find_reuse
    from newsweave.align.similarity import COSINE_MIN, MIN_SHARED_TERMS

    secs: dict[str, float] = {}
    t, c = time.perf_counter(), time.process_time()

    def lap(name):
        nonlocal t, c
        now, cpu = time.perf_counter(), time.process_time()
        secs[name] = now - t
        secs["cpu:" + name] = cpu - c
        t, c = now, cpu

    canonical = {(art, s, e): ent.name for ent in entities for art, s, e in ent.mentions}
    index = SentenceIndex(docs, canonical_names=canonical)
    lap("sentence_index")
    infer_publication_dates(docs, index)  # results not applied again: the brief already did
    lap("pubdates")
    reuse = [r.to_json() for r in find_reuse([(d.article.id, d.article.text, d.article.published) for d in docs])]
    lap("reuse")
    facts_mod.attach_slots(docs, entities)
    claims = [c for d in docs for c in d.claims]
    claim_index = SentenceIndex(docs, canonical_names=canonical, units=claims, text_vectors=index.text_vectors)
    lap("slots+claim_index")
    cand: list[set] = []
    orig = facts_mod.candidate_pairs

    def counting(cs, idf):
        pairs = orig(cs, idf)
        cand.append(pairs)
        return pairs

    facts_mod.candidate_pairs = counting
    try:
        facts = facts_mod.align_facts(docs, claim_index, reuse)
    finally:
        facts_mod.candidate_pairs = orig
    lap("align_facts")
    emb_after_facts = len(claim_index._vectors)
    find_disagreements(docs, claim_index, facts, entities)
    lap("disagreements")
    if counts is not None:
        per_art: dict[str, int] = {}
        for c in claims:
            per_art[c.article] = per_art.get(c.article, 0) + 1
        n = len(claims)
        counts["claims"] = n
        counts["sentences"] = len(index.sentences)
        counts["all_pairs"] = (n * (n - 1) - sum(k * (k - 1) for k in per_art.values())) // 2
        counts["candidate_pairs"] = len(cand[0]) if cand else 0
        counts["facts_multi"] = sum(1 for f in facts if len(f.claims) > 1)
        counts["embeddings_facts"] = emb_after_facts
        counts["embeddings_total"] = len(claim_index._vectors)
        counts["reuse_pairs"] = len(reuse)
        # Blocking recall on lexical matches: cross-article pairs with cosine >= COSINE_MIN and enough shared terms.
        if claim_index.matrix is not None and n:
            m = claim_index.matrix.to_scipy()
            sims = (m @ m.T).tocoo()
            arts = [c.article for c in claims]
            kept = total = 0
            candidates = cand[0] if cand else set()
            for i, j, v in zip(sims.row, sims.col, sims.data):
                if i >= j or v < COSINE_MIN or arts[i] == arts[j]:
                    continue
                a, b = set(claims[i].terms), set(claims[j].terms)
                if len(a & b) < min(MIN_SHARED_TERMS, len(a), len(b)) or len(a & b) < 2:
                    continue
                total += 1
                kept += (min(i, j), max(i, j)) in candidates
            counts["lexical_matches"] = total
            counts["lexical_kept"] = kept
        del np
    return secs


def child(series: str, n: int, profile: bool) -> dict:
    """One measurement, in this (fresh) process."""
    import cProfile
    import io
    import pstats
    import tracemalloc

    import newsweave.annotate as ann_mod
    import newsweave.annotate.entities as ent_mod
    from newsweave.align.embed import get_encoder
    from newsweave.pipeline import Timings, brief

    warm = articles("duc2004" if series == "duc2006" else "duc2006", 3, skip=400)
    brief(warm)
    get_encoder()
    rss_before = _rss_now()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    captured: dict = {}
    orig_annotate, orig_canon = ann_mod.annotate, ent_mod.canonicalize

    def cap_annotate(*a, **k):
        captured["docs"] = orig_annotate(*a, **k)
        return captured["docs"]

    def cap_canon(*a, **k):
        captured["entities"] = orig_canon(*a, **k)
        return captured["entities"]

    ann_mod.annotate, ent_mod.canonicalize = cap_annotate, cap_canon
    arts = articles(series, n)
    words = sum(len(a.text.split()) for a in arts)
    timings = Timings()
    t0 = time.perf_counter()
    try:
        b = brief(arts, timings=timings)
    finally:
        ann_mod.annotate, ent_mod.canonicalize = orig_annotate, orig_canon
    wall = time.perf_counter() - t0
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rss_after = _rss_now()
    docs, entities = captured["docs"], captured["entities"]

    counts: dict = {"facts": len(b.facts), "disagreements": len(b.disagreements)}
    rss_pre_steps = _rss_now()
    steps = align_steps(docs, entities, counts=counts)
    rss_post_steps = _rss_now()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    align_steps(docs, entities)
    traced_peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    prof_text = None
    if profile:
        pr = cProfile.Profile()
        pr.enable()
        align_steps(docs, entities)
        pr.disable()
        s = io.StringIO()
        st = pstats.Stats(pr, stream=s)
        st.sort_stats("tottime").print_stats(18)
        s.write("\n--- by cumulative time ---\n")
        st.sort_stats("cumulative").print_stats(30)
        prof_text = s.getvalue()
    return {"series": series, "n": n, "words": words, "wall": wall, "stages": timings.seconds, "steps": steps,
            "counts": counts, "rss_before": rss_before, "rss_after": rss_after, "peak_before": peak_before,
            "peak_after": peak_after, "align_traced_peak": traced_peak, "rss_steps_delta": rss_post_steps - rss_pre_steps,
            "profile": prof_text}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plan", default="duc2004:25,50,100,200;duc2006:25,50,100",
                    help="series:sizes;series:sizes (the 100-article story of each series is profiled)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--child", nargs=3, metavar=("SERIES", "N", "PROFILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        res = child(args.child[0], int(args.child[1]), args.child[2] == "1")
        print("RESULT " + json.dumps(res))
        return
    plan = [(part.split(":")[0], [int(x) for x in part.split(":")[1].split(",")]) for part in args.plan.split(";")]
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    results = []
    for series, sizes in plan:
        for n in sizes:
            prof = "1" if n == 100 or (100 not in sizes and n == max(sizes)) else "0"
            env = dict(os.environ, NEWSWEAVE_CACHE="0")  # never serve annotations from an earlier run
            proc = subprocess.run([sys.executable, __file__, "--child", series, str(n), prof], capture_output=True,
                                  text=True, env=env)
            line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if line is None:
                print(proc.stdout[-2000:], proc.stderr[-4000:], file=sys.stderr)
                raise SystemExit(f"child {series} {n} failed")
            r = json.loads(line[7:])
            results.append(r)
            Path("/tmp/align_speed_partial.json").write_text(json.dumps(results))
            c = r["counts"]
            print(f"{series} n={n}: wall {r['wall']:.1f}s align {r['stages'].get('align', 0):.2f}s "
                  f"steps {json.dumps({k: round(v, 2) for k, v in r['steps'].items() if ':' not in k})} claims {c['claims']} "
                  f"cand {c['candidate_pairs']}/{c['all_pairs']} traced {r['align_traced_peak'] / 2**20:.1f}MB "
                  f"peak {r['peak_after'] / 2**20:.0f}MB", flush=True)
    write(args.out, results, load_before, os.getloadavg(), time.perf_counter() - t0)
    print(f"wrote {args.out}")


def _ratio(rows, key) -> list[str]:
    out = []
    for a, b in zip(rows, rows[1:]):
        va, vb = key(a), key(b)
        out.append(f"{vb / va:.2f}" if va else "–")
    return out


def write(out: str, results: list[dict], load_before, load_after, seconds: float) -> None:
    M = 2**20
    L = ["# Align stage: speed and memory by story size", ""]
    L.append(f"`bench/align_speed.py` on {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
             f"shared machine (load average {' '.join(f'{x:.2f}' for x in load_before)} before, "
             f"{' '.join(f'{x:.2f}' for x in load_after)} after); total bench time {seconds / 60:.1f} min. Each row is a fresh "
             "process with models loaded by a warm-up brief first. Stage seconds come from `brief(..., timings=Timings())`; "
             "per-step seconds from re-running the align calls on the same annotated documents; peak RSS from "
             "`getrusage` (whole process, spaCy and MiniLM included); align memory = peak `tracemalloc` allocation "
             f"during the align calls (numpy included). Target: align of a 100-article story ≤ {TARGET_SECONDS:.0f} s.")
    L.append("")
    for series in dict.fromkeys(r["series"] for r in results):
        rows = [r for r in results if r["series"] == series]
        L.append(f"## Series `{series}`")
        L.append("")
        L.append("| articles | words | brief wall | ingest | annotate | **align** | compose | peak RSS | RSS before brief | align traced peak |")
        L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            st = r["stages"]
            flag = " ✗" if r["n"] == 100 and st.get("align", 0) > TARGET_SECONDS else (" ✓" if r["n"] == 100 else "")
            L.append(f"| {r['n']} | {r['words']:,} | {r['wall']:.1f} s | {st.get('ingest', 0):.2f} | {st.get('annotate', 0):.1f} | "
                     f"**{st.get('align', 0):.2f}**{flag} | {st.get('compose', 0):.1f} | {r['peak_after'] / M:,.0f} MB | "
                     f"{r['rss_before'] / M:,.0f} MB | {r['align_traced_peak'] / M:,.1f} MB |")
        L.append("")
        L.append("Align by step (wall seconds, CPU seconds of the process in brackets; re-run on the same documents; embeddings are computed inside `align_facts` and "
                 "`disagreements`, whichever needs them first):")
        L.append("")
        L.append("| articles | " + " | ".join(ALIGN_STEPS) + " | total wall | total CPU |")
        L.append("|---:|" + "---:|" * (len(ALIGN_STEPS) + 2))
        for r in rows:
            L.append(f"| {r['n']} | " + " | ".join(f"{r['steps'].get(s, 0):.2f} ({r['steps'].get('cpu:' + s, 0):.2f})" for s in ALIGN_STEPS)
                     + f" | {sum(r['steps'].get(s, 0) for s in ALIGN_STEPS):.2f} | {sum(r['steps'].get('cpu:' + s, 0) for s in ALIGN_STEPS):.2f} |")
        L.append("")
        L.append("Counts:")
        L.append("")
        L.append("| articles | sentences | claims | cross-article claim pairs | candidate pairs (blocking) | share | "
                 "lexical matches kept by blocking | embeddings (facts / total) | facts ≥ 2 claims | disagreements | reuse pairs |")
        L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            c = r["counts"]
            lex = f"{c.get('lexical_kept', 0)} / {c.get('lexical_matches', 0)}"
            if c.get("lexical_matches"):
                lex += f" ({c['lexical_kept'] / c['lexical_matches']:.0%})"
            L.append(f"| {r['n']} | {c['sentences']:,} | {c['claims']:,} | {c['all_pairs']:,} | {c['candidate_pairs']:,} | "
                     f"{c['candidate_pairs'] / max(1, c['all_pairs']):.2%} | {lex} | {c['embeddings_facts']:,} / "
                     f"{c['embeddings_total']:,} | {c['facts_multi']:,} | {c['disagreements']} | {c['reuse_pairs']} |")
        L.append("")
        L.append("Growth per doubling of the story (ratio of consecutive rows; 2.0 = linear, 4.0 = quadratic):")
        L.append("")
        L.append("| step | " + " | ".join(f"{a['n']}→{b['n']}" for a, b in zip(rows, rows[1:])) + " |")
        L.append("|---|" + "---:|" * (len(rows) - 1))
        growth = [
            ("articles", lambda r: r["n"]),
            ("claims", lambda r: r["counts"]["claims"]),
            ("align (brief timing)", lambda r: r["stages"].get("align", 0)),
            *[(f"align step: {s}", (lambda s: lambda r: r["steps"].get(s, 0))(s)) for s in ALIGN_STEPS],
            ("align steps, total CPU", lambda r: sum(r["steps"].get("cpu:" + s, 0) for s in ALIGN_STEPS)),
            ("candidate pairs", lambda r: r["counts"]["candidate_pairs"]),
            ("align traced peak memory", lambda r: r["align_traced_peak"]),
            ("peak RSS − RSS before brief", lambda r: r["peak_after"] - r["rss_before"]),
        ]
        for name, key in growth:
            L.append(f"| {name} | " + " | ".join(_ratio(rows, key)) + " |")
        L.append("")
        prof = [r for r in rows if r.get("profile")]
        if prof:
            r = prof[-1]
            L.append(f"### cProfile of the align calls, {r['n']} articles (`{series}`)")
            L.append("")
            L.append("```")
            L.append("\n".join(ln.rstrip() for ln in r["profile"].splitlines() if ln.strip())[:9000])
            L.append("```")
            L.append("")
    Path(out).write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
