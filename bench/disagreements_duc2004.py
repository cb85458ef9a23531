"""How many disagreements newsweave flags on real multi-outlet stories, by kind and status, and what they are.

DUC 2004 task 2 has no gold for disagreements, so this bench counts: every cluster (10 newswire articles on
one story) is briefed as one story, and the disagreements are tallied by kind (number, date, claim, place,
person) and status (contradiction, update, estimate). A rule that makes the detector more precise shows as
fewer items here; ``--show`` prints every item with its evidence sentences to the terminal, for reading
(the text is read from ``../shared/benchmarks`` at run time and never written to the results file).

    .venv/bin/python bench/disagreements_duc2004.py [--limit N] [--show] [--kinds number,claim] [--out FILE]

The DUC 2004 copy has no publication dates, so rules that need them (a figure of an earlier year than its
report) do not show here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DATA = Path(os.environ.get("NEWSWEAVE_BENCHMARKS") or HERE.parent.parent / "shared" / "benchmarks")
CLUSTERS = DATA / "duc2004_task2" / "clusters.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    ap.add_argument("--show", action="store_true", help="print every item with its evidence (terminal only)")
    ap.add_argument("--kinds", default="", help="with --show: only these kinds, comma-separated")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "disagreements_duc2004.md")
    args = ap.parse_args(argv)
    if not CLUSTERS.exists():
        print(f"missing {CLUSTERS}", file=sys.stderr)
        return 1

    from newsweave import brief
    from newsweave.model import Article

    t0 = time.perf_counter()
    counts: Counter = Counter()
    positions: Counter = Counter()
    clusters = 0
    kinds = set(filter(None, args.kinds.split(",")))
    with CLUSTERS.open(encoding="utf-8") as f:
        for line in f:
            if args.limit is not None and clusters >= args.limit:
                break
            c = json.loads(line)
            clusters += 1
            arts = [Article(id=f"{c['cluster_id']}-{d['doc_index']}", source=d["source_file"], text=d["text"])
                    for d in c["documents"]]
            texts = {a.id: a.text for a in arts}
            b = brief(arts)
            for d in b.disagreements:
                counts[(d["kind"], d["status"])] += 1
                positions[(d["kind"], d["status"])] += len(d["positions"])
                if args.show and (not kinds or d["kind"] in kinds):
                    print(f"== {c['cluster_id']} {d['kind']} {d['status']}: {d['subject'][:100]}")
                    for p in d["positions"]:
                        ev = p["evidence"][0]
                        said = texts[ev["article"]][ev["start"]:ev["end"]].replace("\n", " ")
                        print(f"   {p['value']!s:>28} x{len(p['sources'])} | {said[:180]}")
    secs = time.perf_counter() - t0
    total = sum(counts.values())
    lines = [
        "# Disagreements flagged on DUC 2004 (counts; no gold exists)",
        "",
        f"`bench/disagreements_duc2004.py`: {clusters} clusters of DUC 2004 task 2, each briefed as one story "
        f"(no publication dates in this copy). Run time {secs:.0f} s.",
        "",
        "| kind | status | items | positions |",
        "|---|---|---:|---:|",
    ]
    for (kind, status), n in sorted(counts.items()):
        lines.append(f"| {kind} | {status} | {n} | {positions[(kind, status)]} |")
    lines += [f"| all | | {total} | {sum(positions.values())} |", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
