"""Development harness for the summarizer: ROUGE recall on the DUC development sets (DUC 2006 topics cut
to 100 words, DUC 2007 update subsets at 100 words). The annotated and aligned story (spaCy annotations,
canonical entities, reuse and facts: everything the pipeline computes before the compose stage) is cached
per cluster, so that summarizer settings can be compared in seconds with the same inputs ``brief`` gives
``summarize``. DUC 2004 is the test set: score it only with bench/duc2004.py.

    .venv/bin/python bench/tune_summary.py [--sets duc2006,duc2007] [--limit N] [--no-facts] [--set NAME=VALUE]...

``--set`` overrides a module constant of newsweave.compose.summary for the run (for example
``--set MIN_DF=3``). The cache is keyed by cluster only (several engineers edit the annotators at once, and
a key on their sources made every run re-annotate): delete /tmp/newsweave-story-cache after a change to
annotate/align that should show in the scores. An entry that no longer unpickles is rebuilt.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
SHARED = ROOT.parent / "shared" / "benchmarks"
CACHE = Path("/tmp/newsweave-story-cache")

from rouge import recall  # noqa: E402


def load_sets(names: list[str], limit: int | None):
    from newsweave import Article

    out = []
    if "duc2007" in names:
        for line in (SHARED / "duc2007_update" / "topics.jsonl").open():
            t = json.loads(line)
            for sub in t["subsets"]:
                arts = [Article(id=d["doc_id"], source=d["doc_id"], published=d["date_from_id"] if "date_from_id" in d else None,
                                title=d.get("headline"), text="\n\n".join(d["paragraphs"])) for d in sub["documents"]]
                out.append((f"{t['topic_id']}-{sub['subset']}", arts, [r["text"] for r in sub["references"]]))
    if "duc2006" in names:
        for line in (SHARED / "duc2006" / "topics.jsonl").open():
            t = json.loads(line)
            arts = [Article(id=d["doc_id"], source=d["doc_id"], title=d.get("headline"), text="\n\n".join(d["paragraphs"]))
                    for d in t["documents"]]
            out.append((t["topic_id"], arts, [r["text"] for r in t["references"]]))
    return out[:limit] if limit else out


def story(key: str, arts, *, cache: Path = CACHE):
    """The story as the pipeline has it before compose (ingest, annotate, align), cached on disk.
    Returns (docs, entities, facts, sentence index)."""
    from newsweave.align import SentenceIndex
    from newsweave.ingest import ingest
    from newsweave.model import Briefing
    from newsweave.pipeline import align_stage, annotate_stage

    cache.mkdir(parents=True, exist_ok=True)
    f = cache / f"{key}.pkl"
    try:
        docs, entities, facts = pickle.loads(f.read_bytes())
    except Exception:  # noqa: BLE001 - missing or stale: rebuild
        articles = ingest(arts).articles
        st = annotate_stage(articles)
        align_stage(st, Briefing(articles=articles))
        docs, entities, facts = st.docs, st.entities, st.facts
        f.write_bytes(pickle.dumps((docs, entities, facts)))
    canonical = {(art, s, e): ent.name for ent in entities for art, s, e in ent.mentions}
    return docs, entities, facts, SentenceIndex(docs, canonical_names=canonical)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="duc2007,duc2006")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--no-facts", action="store_true", help="summarize from sentences only (the fallback)")
    ap.add_argument("--style", default="prose")
    ap.add_argument("--set", action="append", default=[], help="NAME=VALUE: override a summary module constant")
    args = ap.parse_args()
    from newsweave.compose import summary as summary_module

    for kv in args.set:
        name, value = kv.split("=", 1)
        setattr(summary_module, name, type(getattr(summary_module, name))(value))

    sets = load_sets(args.sets.split(","), args.limit)
    t0 = time.perf_counter()
    per_set: dict[str, list[tuple[float, float]]] = {}
    lengths = []
    for key, arts, refs in sets:
        docs, _entities, facts, index = story(key, arts)
        index.use_embeddings = False  # citations do not change ROUGE; embedding look-ups only cost time
        t1 = time.perf_counter()
        items = summary_module.summarize(docs, words=args.words, index=index, facts=None if args.no_facts else facts,
                                         style=args.style)
        text = " ".join(i.text for i in items)
        lengths.append(len(text.split()))
        if time.perf_counter() - t1 > 5:
            print(f"  slow: {key} {time.perf_counter() - t1:.1f} s", file=sys.stderr)
        assert lengths[-1] <= args.words, (key, lengths[-1])
        name = "duc2007" if "-" in key else "duc2006"
        per_set.setdefault(name, []).append(recall(text, refs, args.words))
    for name, scores in per_set.items():
        print(f"{name}: {len(scores)} clusters  R-1 {statistics.mean(s[0] for s in scores):.2f}"
              f"  R-2 {statistics.mean(s[1] for s in scores):.2f}")
    allsc = [s for v in per_set.values() for s in v]
    print(f"all: {len(allsc)} clusters  R-1 {statistics.mean(s[0] for s in allsc):.2f}  R-2 {statistics.mean(s[1] for s in allsc):.2f}"
          f"  mean words {statistics.mean(lengths):.1f}  ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
