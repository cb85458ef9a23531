"""Is a difference between two runs of the same bench more than noise? A paired comparison of per-item scores.

Benches that take ``--items FILE`` (``duc2004.py``, ``claimdiff.py``) write one score per item (a cluster, a
pair) with the setting that produced them. This script pairs two such files item by item and reports, per
metric, both means, their difference, a **95% paired bootstrap interval** of the difference (resampling
items, or whole groups such as ClaimDiff topics when the items carry a ``group``, since pairs of one topic
share an index) and a two-sided **sign-flip permutation p-value**. A difference whose interval contains 0
is within noise at that level; one whose interval excludes 0 is not.

    .venv/bin/python bench/paired.py A.json B.json [--resamples 10000] [--out results/x.md]

The item files are scratch output (they hold only ids and numbers, no benchmark text); keep them out of git.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np


def load(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if "items" not in data or not data["items"]:
        sys.exit(f"{path}: no per-item scores (write them with the bench's --items option)")
    return data


def paired_groups(a: dict, b: dict, metric: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per-group arrays of A's and B's scores on the items both runs scored, in the same order."""
    common = sorted(set(a["items"]) & set(b["items"]))
    groups: dict[str, list[str]] = {}
    for item in common:
        groups.setdefault(str(a["items"][item].get("group", item)), []).append(item)
    keys = sorted(groups)
    xa = [np.array([a["items"][i][metric] for i in groups[g]], dtype=float) for g in keys]
    xb = [np.array([b["items"][i][metric] for i in groups[g]], dtype=float) for g in keys]
    return xa, xb


def compare(xa: list[np.ndarray], xb: list[np.ndarray], resamples: int, seed: int = 13) -> dict:
    """Mean of A and B over items, B - A, its bootstrap interval over groups, and a sign-flip p-value."""
    sums_a = np.array([x.sum() for x in xa])
    sums_b = np.array([x.sum() for x in xb])
    sizes = np.array([len(x) for x in xa], dtype=float)
    diffs = sums_b - sums_a
    n_items = sizes.sum()
    observed = diffs.sum() / n_items
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(diffs), size=(resamples, len(diffs)))
    boot = diffs[picks].sum(axis=1) / sizes[picks].sum(axis=1)
    low, high = np.percentile(boot, [2.5, 97.5])
    # Under "no difference", each group's difference is as likely to have either sign.
    signs = rng.choice([-1.0, 1.0], size=(resamples, len(diffs)))
    null = np.abs((signs * diffs).sum(axis=1) / n_items)
    p_value = (1 + np.count_nonzero(null >= abs(observed) - 1e-12)) / (resamples + 1)
    return {
        "items": int(n_items), "groups": len(diffs), "mean_a": sums_a.sum() / n_items, "mean_b": sums_b.sum() / n_items,
        "diff": observed, "low": low, "high": high, "p": p_value,
        "changed": int(np.count_nonzero(np.concatenate([x != y for x, y in zip(xa, xb)]))),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path, help="per-item scores of the reference run")
    ap.add_argument("b", type=Path, help="per-item scores of the run compared with it")
    ap.add_argument("--resamples", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=None, help="also write the table (Markdown) here")
    args = ap.parse_args()
    a, b = load(args.a), load(args.b)
    if a.get("bench") != b.get("bench"):
        sys.exit(f"different benches: {a.get('bench')} vs {b.get('bench')}")
    metrics = [m for m in a.get("metrics", []) if m in b.get("metrics", [])]
    lines = [
        f"| {a['bench']} metric | A: {a.get('setting', args.a.stem)} | B: {b.get('setting', args.b.stem)} | B - A "
        "| 95% paired bootstrap CI | sign-flip p | items (groups) | items that changed | within noise |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:--:|",
    ]
    for metric in metrics:
        r = compare(*paired_groups(a, b, metric), resamples=args.resamples)
        within = "yes" if r["low"] <= 0 <= r["high"] else "**no**"
        lines.append(
            f"| {metric} | {r['mean_a']:.4g} | {r['mean_b']:.4g} | {r['diff']:+.4g} | [{r['low']:+.4g}, {r['high']:+.4g}] "
            f"| {r['p']:.3f} | {r['items']} ({r['groups']}) | {r['changed']} | {within} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table, encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
