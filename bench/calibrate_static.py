"""Calibrate the static encoder's cosines to all-MiniLM-L6-v2's scale, on development stories only.

The align and compose stages decide with thresholds that were set on MiniLM cosines (0.74 for a paraphrase,
0.6 for one quote in two translations, 0.5 for the same event ...). The static encoder distilled from MiniLM
(``newsweave.align.static``) ranks pairs much like MiniLM but on a compressed scale (unrelated sentences of
one story score 0.2-0.4 instead of 0-0.1). Rather than re-tune every threshold, its cosines are mapped onto
MiniLM's scale by **quantile mapping** over the pairs those thresholds are applied to: sentence pairs of
different articles of one story that share vocabulary (each sentence with its ``SHORTLIST`` nearest
sentences of other articles by TF-IDF, as ``SentenceIndex.supporting`` takes them). The mapping is monotone,
so every ranking is unchanged, and at each threshold the share of pairs above it is what MiniLM gives.

Stories: DUC 2007 update subsets and DUC 2006 topics (the development sets; DUC 2004, NAnCo, ClaimDiff and
our seeds are never used here). Writes ``newsweave/align/data/static_calibration.json`` (numbers only) and
prints, at each threshold the code uses, how the calibrated static decisions agree with MiniLM's.

    .venv/bin/python bench/calibrate_static.py [--stories 30] [--knots 200]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

OUT = ROOT / "newsweave" / "align" / "data" / "static_calibration.json"
SHORTLIST = 24
THRESHOLDS = (0.45, 0.5, 0.6, 0.62, 0.74)  # the MiniLM thresholds used in align/ and compose/


def pairs_of(index) -> list[tuple[int, int]]:
    """(row, row) of sentences of different articles, each sentence with its nearest others by TF-IDF."""
    if index.matrix is None:
        return []
    m = index.matrix.to_scipy()
    sims = (m @ m.T).toarray()
    arts = np.array([s.article for s in index.sentences])
    out = set()
    for i in range(len(index.sentences)):
        row = np.where(arts != arts[i], sims[i], -1.0)
        for j in np.argsort(-row)[:SHORTLIST]:
            if row[j] > 0:
                out.add((min(i, int(j)), max(i, int(j))))
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=30)
    ap.add_argument("--knots", type=int, default=200)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    from tune_summary import load_sets, story

    from newsweave.align.embed import get_encoder
    from newsweave.align.static import _recipe_tag, get_static_encoder

    minilm, static = get_encoder(), get_static_encoder()
    sets = load_sets(["duc2007", "duc2006"], None)
    step = max(1, len(sets) // args.stories)
    chosen = sets[::step][: args.stories]
    xs, ys = [], []
    t0 = time.perf_counter()
    for key, arts, _refs in chosen:
        _docs, _entities, _facts, index, _extra = story(key, arts)
        pairs = pairs_of(index)
        if not pairs:
            continue
        texts = [index.canonical_text(s.article, s.start, s.end) for s in index.sentences]
        a, b = minilm.encode(texts), static.encode(texts)
        i, j = np.array(pairs).T
        ys.append(np.einsum("nd,nd->n", a[i], a[j]))
        xs.append(np.einsum("nd,nd->n", b[i], b[j]))
        print(f"{key}: {len(index.sentences)} sentences, {len(pairs)} pairs", file=sys.stderr)
    x, y = np.concatenate(xs), np.concatenate(ys)
    q = np.linspace(0.0, 1.0, args.knots + 1)
    # quantile mapping; the top tail is dense with near-duplicates, so knots also at 0.999 ... 1
    q = np.unique(np.concatenate([q, 1.0 - np.geomspace(1e-4, 1e-2, 12)]))
    knots_x, knots_y = np.round(np.quantile(x, q), 5), np.round(np.quantile(y, q), 5)
    knots_x, keep = np.unique(knots_x, return_index=True)  # strictly increasing, as np.interp needs
    knots_y = np.maximum.accumulate(knots_y[keep])
    mapped = np.interp(x, knots_x, knots_y)

    print(f"\n{len(x):,} pairs from {len(chosen)} stories in {time.perf_counter() - t0:.0f} s; "
          f"Pearson static/MiniLM {np.corrcoef(x, y)[0, 1]:.3f}, Spearman {spearman(x, y):.3f}")
    print("| MiniLM threshold | pairs above (MiniLM) | pairs above (static, calibrated) | agreement P | R | F1 |")
    print("|---:|---:|---:|---:|---:|---:|")
    report = []
    for t in THRESHOLDS:
        gold, pred = y >= t, mapped >= t
        tp = int(np.sum(gold & pred))
        p = tp / max(1, int(pred.sum()))
        r = tp / max(1, int(gold.sum()))
        f = 2 * p * r / max(1e-9, p + r)
        report.append({"threshold": t, "minilm": int(gold.sum()), "static": int(pred.sum()), "p": p, "r": r, "f1": f})
        print(f"| {t:.2f} | {int(gold.sum()):,} | {int(pred.sum()):,} | {p:.2f} | {r:.2f} | {f:.2f} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "about": "static-encoder cosine -> all-MiniLM-L6-v2 cosine, quantile mapping over shortlist sentence "
                 "pairs of development stories (DUC 2006/2007); made by bench/calibrate_static.py",
        "recipe": _recipe_tag(), "pairs": int(len(x)), "stories": len(chosen),
        "static": [float(v) for v in knots_x], "minilm": [float(v) for v in knots_y],
        "agreement": report,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    rx, ry = np.argsort(np.argsort(x)), np.argsort(np.argsort(y))
    return float(np.corrcoef(rx, ry)[0, 1])


if __name__ == "__main__":
    main()
