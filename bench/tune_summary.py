"""Development harness for the summarizer: ROUGE recall on the DUC development sets (DUC 2006 topics cut
to 100 words, DUC 2007 update subsets at 100 words). The annotated and aligned story (spaCy annotations,
canonical entities, reuse and facts: everything the pipeline computes before the compose stage) is cached
per cluster, so that summarizer settings can be compared in seconds with the same inputs ``brief`` gives
``summarize``. DUC 2004 is the test set: score it only with bench/duc2004.py.

    .venv/bin/python bench/tune_summary.py [--sets duc2006,duc2007] [--limit N] [--no-facts] [--set NAME=VALUE]...
    .venv/bin/python bench/tune_summary.py --fit [--C 1.0] [--balance]
    .venv/bin/python bench/tune_summary.py --crossfit [--grid NAME=V1,V2,...]... [--set NAME=VALUE]...

``--fit`` fits the concept weight model (``CONCEPT_COEF`` of newsweave.compose.summary): a logistic regression
from :func:`concept_features` to the share of the cluster's reference summaries (cut to 100 words, as scored)
that contain the concept, on the chosen sets. It prints the coefficients to paste into summary.py, and the
held-out fit across the two sets (train on one, ROUGE on the other) so that a change is judged on data the
model did not see.

``--crossfit`` gives that held-out ROUGE directly: each set is summarized with CONCEPT_COEF refitted on the
other set only (the figure to judge a change by when it touches the features or the fit). ``--grid`` scores
every combination of the values given, in one process (stories are loaded once); with ``--crossfit`` the
features are recomputed when the grid changes a constant they read (``CONCEPT_FEATURES``, ``CONCEPT_MIN_DF``,
``LEAD_SENTENCES``). A tuple value is comma-separated; a grid over tuples separates values with semicolons,
e.g. ``--grid "CONCEPT_FEATURES=bias,df_frac,...;bias,df_frac,...,sent_mass"``.

``--set`` overrides a module constant of newsweave.compose.summary for the run (for example
``--set MIN_DF=3``). The cache is keyed by cluster only (several engineers edit the annotators at once, and
a key on their sources made every run re-annotate): delete /tmp/newsweave-story-cache after a change to
annotate/align that should show in the scores. An entry that no longer unpickles is rebuilt.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import itertools
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
# this checkout's newsweave, not the venv's editable install: a bench run from a git worktree measures the
# worktree's code (before, it silently measured the main checkout)
sys.path.insert(0, str(HERE.parent))
SHARED = ROOT.parent / "shared" / "benchmarks"
CACHE = Path(os.environ.get("NEWSWEAVE_STORY_CACHE", "/tmp/newsweave-story-cache"))  # one per code version compared

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
    Returns (docs, entities, facts, sentence index, {"reuse", "disagreements"}); the index is None when not
    asked for."""
    from newsweave.align import SentenceIndex
    from newsweave.ingest import ingest
    from newsweave.model import Briefing
    from newsweave.pipeline import align_stage, annotate_stage

    cache.mkdir(parents=True, exist_ok=True)
    f = cache / f"{key}.pkl"
    try:
        docs, entities, facts, extra = pickle.loads(f.read_bytes())
    except Exception:  # noqa: BLE001 - missing or stale (an older cache held three parts): rebuild
        articles = ingest(arts).articles
        st = annotate_stage(articles)
        b = Briefing(articles=articles)
        align_stage(st, b)
        # (what compose reads besides the facts: the summary weighs reuse and disagreements as `brief` does)
        docs, entities, facts, extra = st.docs, st.entities, st.facts, {"reuse": b.reuse, "disagreements": b.disagreements}
        f.write_bytes(pickle.dumps((docs, entities, facts, extra)))
    if not index:
        return docs, entities, facts, None, extra
    canonical = {(art, s, e): ent.name for ent in entities for art, s, e in ent.mentions}
    return docs, entities, facts, SentenceIndex(docs, canonical_names=canonical), extra


def load_stories(sets) -> list[tuple]:
    """(key, docs, facts, index, refs) of every cluster, loaded once so that several settings can be scored
    in one process."""
    out = []
    for key, arts, refs in sets:
        docs, _entities, facts, index, extra = story(key, arts)
        index.use_embeddings = False  # citations do not change ROUGE; embedding look-ups only cost time
        out.append((key, docs, facts, index, refs, extra))
    return out


def set_name(key: str) -> str:
    return "duc2007" if "-" in key else "duc2006"


def score(stories, summary_module, *, words: int = 100, no_facts: bool = False, style: str = "prose",
          keys: set[str] | None = None) -> tuple[dict[str, list[tuple[float, float]]], list[int]]:
    """Per set, the (R-1, R-2) recall of every cluster's summary; and the summaries' lengths in words."""
    per_set: dict[str, list[tuple[float, float]]] = {}
    lengths = []
    for key, docs, facts, index, refs, extra in stories:
        if keys is not None and key not in keys:
            continue
        t1 = time.perf_counter()
        items = summary_module.summarize(docs, words=words, index=index, facts=None if no_facts else facts, style=style,
                                         **({} if no_facts else extra))
        text = " ".join(i.text for i in items)
        lengths.append(len(text.split()))
        if time.perf_counter() - t1 > 5:
            print(f"  slow: {key} {time.perf_counter() - t1:.1f} s", file=sys.stderr)
        assert lengths[-1] <= words, (key, lengths[-1])
        per_set.setdefault(set_name(key), []).append(recall(text, refs, words))
    return per_set, lengths


def crossfit_score(stories, summary_module, *, data=None, c: float = 1.0, **kw):
    """Held-out ROUGE: each set summarized with CONCEPT_COEF fitted on the other set only. ``data`` is
    :func:`concept_dataset` of the stories (computed when not given). Restores CONCEPT_COEF."""
    import numpy as np

    x, y, ckeys = data if data is not None else concept_dataset_loaded(stories, summary_module)
    names = np.array([set_name(k) for k in ckeys])
    saved = summary_module.CONCEPT_COEF
    per_set: dict[str, list[tuple[float, float]]] = {}
    lengths: list[int] = []
    try:
        for held in sorted(set(names)):
            train = names != held
            if not train.any():
                raise SystemExit("--crossfit needs both duc2006 and duc2007")
            summary_module.CONCEPT_COEF = fit_coef(x[train], y[train], c, ckeys[train])
            ps, ls = score(stories, summary_module, keys={k for k, *_ in stories if set_name(k) == held}, **kw)
            per_set.update(ps)
            lengths += ls
    finally:
        summary_module.CONCEPT_COEF = saved
    return per_set, lengths


def report(per_set, lengths, label: str = "", t0: float | None = None) -> float:
    """Prints the scores; returns the mean R-2 over all clusters."""
    for name, scores in sorted(per_set.items()):
        print(f"{label}{name}: {len(scores)} clusters  R-1 {statistics.mean(s[0] for s in scores):.2f}"
              f"  R-2 {statistics.mean(s[1] for s in scores):.2f}")
    allsc = [s for v in per_set.values() for s in v]
    r2 = statistics.mean(s[1] for s in allsc)
    took = f"  ({time.perf_counter() - t0:.1f} s)" if t0 is not None else ""
    print(f"{label}all: {len(allsc)} clusters  R-1 {statistics.mean(s[0] for s in allsc):.2f}  R-2 {r2:.2f}"
          f"  mean words {statistics.mean(lengths):.1f}{took}", flush=True)
    return r2


def _convert(summary_module, name: str, value: str):
    current = getattr(summary_module, name)
    if isinstance(current, tuple):
        parts = [v.strip().strip("'\"") for v in value.strip("()").split(",") if v.strip()]
        return tuple(parts) if current and isinstance(current[0], str) else tuple(float(v) for v in parts)
    if isinstance(current, bool):
        return value.lower() in ("1", "true", "yes")
    return type(current)(value)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="duc2007,duc2006")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--no-facts", action="store_true", help="summarize from sentences only (the fallback)")
    ap.add_argument("--style", default="prose")
    ap.add_argument("--fit", action="store_true", help="fit CONCEPT_COEF on the sets and print it")
    ap.add_argument("--crossfit", action="store_true",
                    help="score each set with CONCEPT_COEF refitted on the other set only (held-out ROUGE)")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularization of the fit (--fit, --crossfit)")
    ap.add_argument("--set", action="append", default=[],
                    help="NAME=VALUE: override a summary module constant (a tuple as comma-separated numbers)")
    ap.add_argument("--grid", action="append", default=[],
                    help="NAME=V1,V2,...: score every combination of these values (in one process)")
    ap.add_argument("--balance", action="store_true", help="weigh every cluster the same in the fit")
    args = ap.parse_args()
    from newsweave.compose import summary as summary_module

    global BALANCE
    BALANCE = args.balance

    for kv in args.set:
        name, value = kv.split("=", 1)
        setattr(summary_module, name, _convert(summary_module, name, value))

    sets = load_sets(args.sets.split(","), args.limit)
    if args.fit:
        fit(sets, summary_module, args.C)
        return
    t0 = time.perf_counter()
    stories = load_stories(sets)
    kw = dict(words=args.words, no_facts=args.no_facts, style=args.style)
    # Values are separated by commas, or by semicolons when a value is itself a comma-separated tuple.
    grid = [(kv.split("=", 1)[0], kv.split("=", 1)[1].split(";" if ";" in kv else ",")) for kv in args.grid]
    combos = list(itertools.product(*[values for _, values in grid])) if grid else [()]
    data = None
    results = []
    for combo in combos:
        for (name, _), value in zip(grid, combo):
            setattr(summary_module, name, _convert(summary_module, name, value))
        label = " ".join(f"{name}={value}" for (name, _), value in zip(grid, combo))
        label = f"[{label}] " if label else ""
        if args.crossfit:
            # Features depend on the constants the grid may change: recompute unless only scoring ones change.
            if data is None or any(name in FEATURE_CONSTANTS for name, _ in grid):
                data = concept_dataset_loaded(stories, summary_module)
            per_set, lengths = crossfit_score(stories, summary_module, data=data, c=args.C, **kw)
        else:
            per_set, lengths = score(stories, summary_module, **kw)
        results.append((report(per_set, lengths, label, t0), label))
    if len(results) > 1:
        print("best:", " | ".join(f"{r2:.2f} {label}" for r2, label in sorted(results, reverse=True)[:5]))


# Module constants that change concept_features (a --crossfit grid over them refits per combination).
FEATURE_CONSTANTS = {"LEAD_SENTENCES", "CONCEPT_FEATURES", "CONCEPT_MIN_DF"}


def concept_dataset(sets, summary_module):
    """Features and targets of every concept of every cluster: (X, y, cluster keys)."""
    stories = []
    for key, arts, refs in sets:
        docs, _entities, facts, _index, extra = story(key, arts, index=False)
        stories.append((key, docs, facts, None, refs, extra))
    return concept_dataset_loaded(stories, summary_module)


def concept_dataset_loaded(stories, summary_module):
    """:func:`concept_dataset` of stories as :func:`load_stories` gives them."""
    import numpy as np

    xs, ys, keys = [], [], []
    for key, docs, facts, _index, refs, *_extra in stories:
        concepts, x = summary_module.concept_features(docs, facts=facts)
        ref_bigrams = []
        for r in refs:
            toks = summary_module.rouge_tokens(" ".join(r.split()[:100]))
            ref_bigrams.append(set(zip(toks, toks[1:])))
        ys.append(np.array([sum(c in rb for rb in ref_bigrams) / len(refs) for c in concepts]))
        xs.append(x)
        keys += [key] * len(concepts)
    return np.vstack(xs), np.concatenate(ys), np.array(keys)


BALANCE = False  # --balance: every cluster weighs the same in the fit, however many concepts it has


def fit_coef(x, y, c: float = 1.0, keys=None) -> tuple[float, ...]:
    """Logistic regression on fractional targets (each row twice: positive with weight y, negative with 1 - y).
    With ``BALANCE`` and the rows' cluster ``keys``, each cluster's rows share the same total weight (a
    25-article cluster has several times the concepts of a 10-article one)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xx = np.vstack([x, x])
    yy = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    share = np.ones(len(y))
    if BALANCE and keys is not None:
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        share = len(y) / len(counts) / counts[inverse]
    w = np.concatenate([y * share, (1 - y) * share])
    keep = w > 0
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)  # the "bias" feature is the intercept
    model.fit(xx[keep], yy[keep], sample_weight=w[keep])
    return tuple(round(float(v), 4) for v in model.coef_[0])


def fit(sets, summary_module, c: float = 1.0) -> None:
    from sklearn.metrics import roc_auc_score
    import numpy as np

    x, y, keys = concept_dataset(sets, summary_module)
    is07 = np.array(["-" in k for k in keys])
    if is07.any() and (~is07).any():
        for name, train in (("duc2006 -> duc2007", ~is07), ("duc2007 -> duc2006", is07)):
            part = fit_coef(x[train], y[train], c, keys[train])
            p = 1 / (1 + np.exp(-(x[~train] @ np.array(part))))
            print(f"{name}: held-out AUC {roc_auc_score(y[~train] > 0, p):.4f} "
                  f"(article count alone {roc_auc_score(y[~train] > 0, x[~train][:, 2]):.4f})")
            print(f"  CONCEPT_COEF fitted on {name.split()[0]} = (" + ", ".join(f"{v}" for v in part) + ")")
    coef = fit_coef(x, y, c, keys)
    print(f"{len(y)} concepts, {len(set(keys))} clusters")
    print("CONCEPT_COEF fitted on all = (" + ", ".join(f"{v}" for v in coef) + ")")
    print("Compare fits by held-out ROUGE: tune_summary.py --crossfit (or --set CONCEPT_COEF=... for one set of weights).")
    print("  # " + ", ".join(summary_module.CONCEPT_FEATURES))


if __name__ == "__main__":
    main()
