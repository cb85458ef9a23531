"""DUC 2004 task 2: brief each of the 50 clusters with words=100 and score ROUGE-1/2 recall beside the 13
published systems stored with the data, all scored the same way (rouge-score, Porter stemming, both sides
cut to 100 words, recall averaged over the 4 references, then over clusters).

    .venv/bin/python bench/duc2004.py [--limit N] [--words 100] [--items scores.json]

``--items`` also writes each cluster's ROUGE-1/2 recall, for ``bench/paired.py`` to compare two settings.

Reads ../shared/benchmarks/duc2004_task2 at run time; writes bench/results/duc2004.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# this checkout's newsweave, not the venv's editable install: a bench run from a git worktree measures the
# worktree's code (before, it silently measured the main checkout)
sys.path.insert(0, str(HERE.parent))
DATA = HERE.parent.parent / "shared" / "benchmarks" / "duc2004_task2"

from rouge import recall  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "duc2004.md")
    ap.add_argument("--items", type=Path, default=None, help="write per-cluster scores here (for bench/paired.py)")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"missing benchmark data: {DATA}")

    import newsweave
    from newsweave import Article

    clusters = [json.loads(line) for line in (DATA / "clusters.jsonl").open()]
    if args.limit:
        clusters = clusters[: args.limit]
    refs = {c["cluster_id"]: [r["text"] for r in c["references"]] for c in clusters}

    systems: dict[str, dict[str, str]] = defaultdict(dict)
    for line in (DATA / "sumrepo_system_summaries.jsonl").open():
        row = json.loads(line)
        if row["cluster_id"] in refs:
            systems[row["system"]][row["cluster_id"]] = row["summary"]

    ours: dict[str, tuple[float, float]] = {}
    t0 = time.perf_counter()
    for c in clusters:
        articles = [
            Article(id=f"D{d['doc_index']}", source=f"{c['cluster_id']}/{d['source_file']}", text=d["text"])
            for d in c["documents"]
        ]
        b = newsweave.brief(articles, words=args.words)
        summary = " ".join(item.text for item in b.summary)
        ours[c["cluster_id"]] = recall(summary, refs[c["cluster_id"]], args.words)
    elapsed = time.perf_counter() - t0

    rows = []
    for name, by_cluster in systems.items():
        scores = [recall(by_cluster[cid], refs[cid], args.words) for cid in refs if cid in by_cluster]
        rows.append((name, statistics.mean(s[0] for s in scores), statistics.mean(s[1] for s in scores)))
    r1 = statistics.mean(v[0] for v in ours.values())
    r2 = statistics.mean(v[1] for v in ours.values())
    rows.append(("newsweave", r1, r2))
    rows.sort(key=lambda r: r[2])

    lines = [
        f"# DUC 2004 task 2: ROUGE recall at {args.words} words ({len(clusters)} clusters)",
        "",
        "rouge-score 0.1.2, Porter stemming, both sides cut to the word limit, recall averaged over the 4 references,",
        "then over clusters. Published systems: the SumRepo outputs stored with the data, scored the same way.",
        "",
        "| system | ROUGE-1 R | ROUGE-2 R |",
        "|---|---:|---:|",
    ]
    for name, a, b2 in rows:
        bold = "**" if name == "newsweave" else ""
        lines.append(f"| {bold}{name}{bold} | {a:.2f} | {b2:.2f} |")
    lines += ["", f"newsweave time: {elapsed:.1f} s for {len(clusters)} clusters ({elapsed / len(clusters):.2f} s per cluster, "
              "spaCy annotation included)."]
    report = "\n".join(lines) + "\n"
    if args.items:
        write_items(args.items, ours)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report)
    print(f"wrote {args.out}")


def write_items(path: Path, ours: dict[str, tuple[float, float]]) -> None:
    import os

    from newsweave.align.encoders import DEFAULT_ENCODER

    setting = os.environ.get("NEWSWEAVE_EMBEDDINGS") or DEFAULT_ENCODER
    items = {cid: {"rouge1_recall": r1, "rouge2_recall": r2} for cid, (r1, r2) in ours.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"bench": "duc2004", "setting": f"encoder {setting}",
                                "metrics": ["rouge1_recall", "rouge2_recall"], "items": items}, indent=1))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
