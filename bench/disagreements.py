"""How many disagreements newsweave flags on real multi-outlet stories, by kind and status, and what they are.

Neither corpus has gold for disagreements, so this bench counts: every story is briefed, and the
disagreements are tallied by kind (number, date, claim, place, person) and status (contradiction, update,
estimate). A rule that makes the detector more precise shows as fewer items here; ``--show`` prints every
item with its evidence sentences to the terminal, for reading (the text is read from ``../shared/benchmarks``
at run time and never written to the results file).

* ``duc2004`` (default): DUC 2004 task 2, 50 clusters of 10 newswire articles, no publication dates in this
  copy (rules that need them, such as a figure of an earlier year than its report, do not show);
* ``basil``: BASIL, 100 events each reported by Fox News, The New York Times and HuffPost, with titles and
  publication dates: the product's use case (one event, outlets of different slants);
* ``duc2006``: DUC 2006, 50 topics of 25 AP, NYT and Xinhua articles with headlines and dates, over weeks
  to years: long stories (a sinking, a crash, an election) where many dated events are told, and some
  topics that are themes rather than one story.

    .venv/bin/python bench/disagreements.py [--corpus duc2004|basil|duc2006] [--limit N] [--show]
                                                    [--kinds number,claim] [--out FILE]
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
BASIL = DATA / "basil" / "triplets.jsonl"
DUC2006 = DATA / "duc2006" / "topics.jsonl"
NAMES = {"duc2004": "DUC 2004", "basil": "BASIL", "duc2006": "DUC 2006"}
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def stories(corpus: str):
    """(story id, articles) in corpus order."""
    from newsweave.model import Article

    if corpus == "duc2004":
        with CLUSTERS.open(encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                yield c["cluster_id"], [Article(id=f"{c['cluster_id']}-{d['doc_index']}", source=d["source_file"],
                                                text=d["text"]) for d in c["documents"]]
        return
    if corpus == "duc2006":
        with DUC2006.open(encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                yield t["topic_id"], [Article(id=d["doc_id"], source=d["doc_id"], title=d.get("headline"),
                                              outlet=d.get("source"), published=d.get("date_from_id"),
                                              text="\n\n".join(d["paragraphs"])) for d in t["documents"]]
        return
    with BASIL.open(encoding="utf-8") as f:
        for k, line in enumerate(f):
            t = json.loads(line)
            arts = []
            for a in t["articles"]:
                paras = [" ".join(p) for p in a["body-paragraphs"]]
                if paras and paras[0].strip() == (a.get("title") or "").strip():
                    paras = paras[1:]  # the first paragraph repeats the title
                arts.append(Article(id=f"b{k:03d}-{a['source']}", source=a.get("url") or a["source"], title=a.get("title"),
                                    outlet=OUTLETS.get(a["source"], a["source"]), published=a.get("date"),
                                    text="\n\n".join(paras)))
            yield f"b{k:03d}", arts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=["duc2004", "basil", "duc2006"], default="duc2004")
    ap.add_argument("--limit", type=int, default=None, help="only the first N stories")
    ap.add_argument("--show", action="store_true", help="print every item with its evidence (terminal only)")
    ap.add_argument("--kinds", default="", help="with --show: only these kinds, comma-separated")
    ap.add_argument("--out", type=Path, default=None, help="default: bench/results/disagreements_<corpus>.md")
    args = ap.parse_args(argv)
    source = {"duc2004": CLUSTERS, "basil": BASIL, "duc2006": DUC2006}[args.corpus]
    if not source.exists():
        print(f"missing {source}", file=sys.stderr)
        return 1
    out = args.out or HERE / "results" / f"disagreements_{args.corpus}.md"

    from newsweave import brief

    t0 = time.perf_counter()
    counts: Counter = Counter()
    positions: Counter = Counter()
    clusters = 0
    kinds = set(filter(None, args.kinds.split(",")))
    for story_id, arts in stories(args.corpus):
        if args.limit is not None and clusters >= args.limit:
            break
        clusters += 1
        texts = {a.id: a.text for a in arts}
        b = brief(arts)
        for d in b.disagreements:
            counts[(d["kind"], d["status"])] += 1
            positions[(d["kind"], d["status"])] += len(d["positions"])
            if args.show and (not kinds or d["kind"] in kinds):
                print(f"== {story_id} {d['kind']} {d['status']}: {d['subject'][:100]}")
                for p in d["positions"]:
                    ev = p["evidence"][0]
                    said = texts[ev["article"]][ev["start"]:ev["end"]].replace("\n", " ")
                    print(f"   {p['value']!s:>28} x{len(p['sources'])} | {said[:180]}")
    secs = time.perf_counter() - t0
    total = sum(counts.values())
    what = {"duc2004": "clusters of DUC 2004 task 2, each briefed as one story (no publication dates in this copy)",
            "basil": "BASIL events, each briefed as one story of its Fox News, New York Times and HuffPost reports "
                     "(with titles and publication dates)",
            "duc2006": "DUC 2006 topics, each briefed as one story of its 25 dated AP, NYT and Xinhua articles"}[args.corpus]
    lines = [
        f"# Disagreements flagged on {NAMES[args.corpus]} (counts; no gold exists)",
        "",
        f"`bench/disagreements.py --corpus {args.corpus}`: {clusters} {what}. Run time {secs:.0f} s.",
        "",
        "| kind | status | items | positions |",
        "|---|---|---:|---:|",
    ]
    for (kind, status), n in sorted(counts.items()):
        lines.append(f"| {kind} | {status} | {n} | {positions[(kind, status)]} |")
    lines += [f"| all | | {total} | {sum(positions.values())} |", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
