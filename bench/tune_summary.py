"""Development harness for the summarizer: ROUGE recall on the DUC development sets (DUC 2006 topics cut
to 100 words, DUC 2007 update subsets at 100 words). The annotated and aligned story (spaCy annotations,
canonical entities, reuse and facts: everything the pipeline computes before the compose stage) is cached
per cluster, so that summarizer settings can be compared in seconds with the same inputs ``brief`` gives
``summarize``. DUC 2004 is the test set: score it only with bench/duc2004.py.

    .venv/bin/python bench/tune_summary.py [--sets duc2006,duc2007] [--limit N] [--no-facts] [--set NAME=VALUE]...
    .venv/bin/python bench/tune_summary.py --fit

``--fit`` fits the concept weight model (``CONCEPT_COEF`` of newsweave.compose.summary): a logistic regression
from :func:`concept_features` to the share of the cluster's reference summaries (cut to 100 words, as scored)
that contain the concept, on the chosen sets. It prints the coefficients to paste into summary.py, and the
held-out fit across the two sets (train on one, ROUGE on the other) so that a change is judged on data the
model did not see.

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


def story(key: str, arts, *, cache: Path = CACHE, index: bool = True):
    """The story as the pipeline has it before compose (ingest, annotate, align), cached on disk.
    Returns (docs, entities, facts, sentence index); the index is None when not asked for."""
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
    if not index:
        return docs, entities, facts, None
    canonical = {(art, s, e): ent.name for ent in entities for art, s, e in ent.mentions}
    return docs, entities, facts, SentenceIndex(docs, canonical_names=canonical)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="duc2007,duc2006")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--no-facts", action="store_true", help="summarize from sentences only (the fallback)")
    ap.add_argument("--style", default="prose")
    ap.add_argument("--fit", action="store_true", help="fit CONCEPT_COEF on the sets and print it")
    ap.add_argument("--set", action="append", default=[], help="NAME=VALUE: override a summary module constant")
    args = ap.parse_args()
    from newsweave.compose import summary as summary_module

    for kv in args.set:
        name, value = kv.split("=", 1)
        setattr(summary_module, name, type(getattr(summary_module, name))(value))

    sets = load_sets(args.sets.split(","), args.limit)
    if args.fit:
        fit(sets, summary_module)
        return
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


def concept_dataset(sets, summary_module):
    """Features and targets of every concept of every cluster: (X, y, cluster keys)."""
    import numpy as np

    xs, ys, keys = [], [], []
    for key, arts, refs in sets:
        docs, _entities, facts, _index = story(key, arts, index=False)
        concepts, x = summary_module.concept_features(docs, facts=facts)
        ref_bigrams = []
        for r in refs:
            toks = summary_module.rouge_tokens(" ".join(r.split()[:100]))
            ref_bigrams.append(set(zip(toks, toks[1:])))
        ys.append(np.array([sum(c in rb for rb in ref_bigrams) / len(refs) for c in concepts]))
        xs.append(x)
        keys += [key] * len(concepts)
    return np.vstack(xs), np.concatenate(ys), np.array(keys)


def fit_coef(x, y, c: float = 1.0) -> tuple[float, ...]:
    """Logistic regression on fractional targets (each row twice: positive with weight y, negative with 1 - y)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xx = np.vstack([x, x])
    yy = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    w = np.concatenate([y, 1 - y])
    keep = w > 0
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)  # the "bias" feature is the intercept
    model.fit(xx[keep], yy[keep], sample_weight=w[keep])
    return tuple(round(float(v), 4) for v in model.coef_[0])


def fit(sets, summary_module) -> None:
    from sklearn.metrics import roc_auc_score
    import numpy as np

    x, y, keys = concept_dataset(sets, summary_module)
    is07 = np.array(["-" in k for k in keys])
    if is07.any() and (~is07).any():
        for name, train in (("duc2006 -> duc2007", ~is07), ("duc2007 -> duc2006", is07)):
            part = fit_coef(x[train], y[train])
            p = 1 / (1 + np.exp(-(x[~train] @ np.array(part))))
            print(f"{name}: held-out AUC {roc_auc_score(y[~train] > 0, p):.4f} "
                  f"(article count alone {roc_auc_score(y[~train] > 0, x[~train][:, 2]):.4f})")
            print(f"  CONCEPT_COEF fitted on {name.split()[0]} = (" + ", ".join(f"{v}" for v in part) + ")")
    coef = fit_coef(x, y)
    print(f"{len(y)} concepts, {len(set(keys))} clusters")
    print("CONCEPT_COEF fitted on all = (" + ", ".join(f"{v}" for v in coef) + ")")
    print("Compare fits by ROUGE over the sets (--set cannot take a tuple: paste each into summary.py and run).")
    print("  # " + ", ".join(summary_module.CONCEPT_FEATURES))


if __name__ == "__main__":
    main()
