"""Profile the annotate stage: how much of it is spaCy and how much each of our annotators adds.

    NEWSWEAVE_CACHE=0 .venv/bin/python bench/profile_annotate.py [--n 100] [--cprofile] [--top 40]
                                                                 [--dump FILE] [--anchor YYYY-MM-DD]

Loads the first ``--n`` DUC 2004 task 2 documents (read from ``../shared/benchmarks`` at run time; nothing of
the text is copied into the repository), then, after a warm-up that loads the model and the gazetteer:

* **spaCy**: ``nlp.pipe`` over all texts with the batch size ``annotate()`` uses, docs kept;
* **ours**: ``annotate_doc`` over those docs, with each annotator timed separately (sentences and mentions,
  i.e. what ``annotate_doc`` does itself, dates, quantities, quotes, claims), then ``canonicalize`` over
  all mentions, as ``newsweave.pipeline.annotate_stage`` does;
* **annotate()** end to end (spaCy and ours interleaved, the cache off) as a cross-check.

CPU time (``time.process_time``) is the figure to compare: the machine is shared, wall time is printed too.
``--cprofile`` profiles our part (not spaCy) and prints the top functions by total and cumulative time.
``--dump FILE`` writes every field of every AnnotatedArticle, the canonical entities, and the timexes
re-tagged under ``--anchor`` (so the anchored resolution paths are covered too; DUC 2004 documents carry
no publication date) as JSON, for before/after equivalence checks.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NEWSWEAVE_CACHE", "0")

# NEWSWEAVE_BENCHMARKS lets a copy of the tree elsewhere (say, an older version to compare with) read the data
DATA = Path(os.environ.get("NEWSWEAVE_BENCHMARKS") or REPO.parent / "shared" / "benchmarks")
DUC2004 = DATA / "duc2004_task2" / "clusters.jsonl"


def load_articles(n: int):
    from newsweave.model import Article

    out = []
    with DUC2004.open(encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            for d in c["documents"]:
                if len(out) == n:
                    return out
                i = f"{c['cluster_id']}-{d['doc_index']}"
                out.append(Article(id=i, source=f"duc2004:{i}", text=d["text"]))
    return out


class Clock:
    """Accumulated CPU and wall seconds per label."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)

    def wrap(self, label: str, fn):
        def timed(*args, **kwargs):
            c, w = time.process_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[label] += time.process_time() - c
                self.wall[label] += time.perf_counter() - w
        return timed


def clear_caches() -> None:
    """Empty our annotators' memo caches (the gazetteer and the model aside), so that a repeat over the
    same texts costs what the first pass did."""
    import newsweave.annotate as pkg

    for mod in list(sys.modules.values()):
        if not getattr(mod, "__name__", "").startswith(pkg.__name__ + "."):
            continue
        for name, obj in vars(mod).items():
            if name not in ("_gazetteer", "_load", "cache_version") and hasattr(obj, "cache_clear"):
                obj.cache_clear()


def _plain(x):
    """JSON-able form of our annotation objects (dataclasses, slotted or not, and plain containers)."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in x]
        return sorted(items, key=repr) if isinstance(x, (set, frozenset)) else items
    if isinstance(x, float) and x != x:
        return "nan"
    if x is None or isinstance(x, (str, int, float, bool)):
        return x
    if hasattr(x, "__dict__"):
        return {k: _plain(v) for k, v in vars(x).items()}
    return repr(x)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--cprofile", action="store_true")
    ap.add_argument("--top", type=int, default=35)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--anchor", default="1998-11-06", help="publication date for the re-tagged timexes of --dump")
    ap.add_argument("--repeat", type=int, default=1, help="passes of our annotators over the docs; the fastest counts")
    ap.add_argument("--skip-e2e", action="store_true", help="skip the end-to-end annotate() cross-check")
    args = ap.parse_args()

    import newsweave.annotate.claims as claims_mod
    import newsweave.annotate.dates as dates_mod
    import newsweave.annotate.pipeline as pipe_mod
    import newsweave.annotate.quantities as quant_mod
    import newsweave.annotate.quotes as quotes_mod
    from newsweave.annotate.entities import _gazetteer, canonicalize
    from newsweave.annotate.nlp import load_nlp

    articles = load_articles(args.n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} DUC 2004 articles, {words:,} words")

    c0, w0 = time.process_time(), time.perf_counter()
    nlp = load_nlp()
    _gazetteer()
    # warm-up: first-call costs (lazy imports, regex compiles) are not what we are measuring
    warm = load_articles(2)
    pipe_mod.annotate(warm, cache=False)
    clear_caches()
    print(f"load + warm-up: {time.process_time() - c0:.2f} cpu-s, {time.perf_counter() - w0:.2f} s")
    print(f"pipeline components: {nlp.pipe_names} (disabled: {nlp.disabled})")

    texts = [a.text for a in articles]
    c0, w0 = time.process_time(), time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    spacy_cpu, spacy_wall = time.process_time() - c0, time.perf_counter() - w0

    # the pipeline imports these lazily inside annotate_doc, so patching the module attributes reaches it
    patches = [
        (dates_mod, "tag_timexes", "dates"), (quant_mod, "tag_quantities", "quantities"),
        (quotes_mod, "extract_quotes", "quotes"), (claims_mod, "extract_claims", "claims"),
    ]
    profiler = cProfile.Profile() if args.cprofile else None
    best: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        clear_caches()
        clock = Clock()
        originals = [(mod, name, getattr(mod, name)) for mod, name, _ in patches]
        for mod, name, label in patches:
            setattr(mod, name, clock.wrap(label, getattr(mod, name)))
        c0, w0 = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        annotated = [pipe_mod.annotate_doc(a, d) for a, d in zip(articles, docs)]
        c1 = time.process_time()
        entities = canonicalize([m for d in annotated for m in d.entities], {d.article.id: d.article.text for d in annotated})
        if profiler:
            profiler.disable()
        c2, w2 = time.process_time(), time.perf_counter()
        for mod, name, fn in originals:
            setattr(mod, name, fn)
        parts = dict(clock.cpu)
        parts["sentences+mentions"] = (c1 - c0) - sum(clock.cpu.values())
        parts["canonicalize"] = c2 - c1
        parts["ours"], parts["ours wall"] = c2 - c0, w2 - w0
        for label, sec in parts.items():
            best[label] = min(best.get(label, sec), sec)

    ours_cpu = best.pop("ours")
    ours_wall = best.pop("ours wall")
    print(f"\nspaCy nlp.pipe: {spacy_cpu:7.2f} cpu-s ({spacy_wall:.2f} s wall)")
    print(f"ours:           {ours_cpu:7.2f} cpu-s ({ours_wall:.2f} s wall) = {ours_cpu / spacy_cpu:.2f}x spaCy"
          f"{' (under cProfile: inflated)' if profiler else ''}"
          f"{f' (fastest of {args.repeat} passes, each part and the total separately)' if args.repeat > 1 else ''}")
    for label, sec in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {label:20s} {sec:7.2f} cpu-s")
    print(f"spaCy + ours:   {spacy_cpu + ours_cpu:7.2f} cpu-s = {(spacy_cpu + ours_cpu) / spacy_cpu:.2f}x spaCy")

    if not args.skip_e2e:
        c0, w0 = time.process_time(), time.perf_counter()
        again = pipe_mod.annotate(articles, cache=False)
        canonicalize([m for d in again for m in d.entities], {d.article.id: d.article.text for d in again})
        print(f"annotate() + canonicalize end to end: {time.process_time() - c0:.2f} cpu-s "
              f"({time.perf_counter() - w0:.2f} s wall)")

    if profiler:
        profiler.dump_stats("/tmp/annotate.prof")
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)

    if args.dump:
        from newsweave.annotate.dates import tag_timexes

        record = {
            "articles": [
                {name: _plain(getattr(d, name)) for name in (f.name for f in dataclasses.fields(d)) if name != "article"}
                | {"id": d.article.id, f"timexes@{args.anchor}": _plain(tag_timexes(d.article.text, args.anchor))}
                for d in annotated
            ],
            "entities": [e.to_json() for e in entities],
        }
        args.dump.write_text(json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"dumped to {args.dump}")


if __name__ == "__main__":
    main()
