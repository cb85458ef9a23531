"""The paired comparison behind "no quality loss" claims (bench/paired.py): identical runs, a real shift, groups."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import paired  # noqa: E402


def _run(scores: dict[str, float], groups: dict[str, str] | None = None) -> dict:
    items = {k: {"m": v, **({"group": groups[k]} if groups else {})} for k, v in scores.items()}
    return {"bench": "t", "metrics": ["m"], "items": items}


def test_identical_runs_differ_by_nothing():
    rng = np.random.default_rng(0)
    a = _run({f"c{i}": float(rng.normal(10, 3)) for i in range(40)})
    r = paired.compare(*paired.paired_groups(a, a, "m"), resamples=2000)
    assert r["diff"] == 0 and r["low"] == 0 and r["high"] == 0 and r["changed"] == 0 and r["p"] == 1.0


def test_a_consistent_shift_is_not_noise_and_a_coin_flip_is():
    rng = np.random.default_rng(1)
    base = {f"c{i}": float(rng.normal(10, 3)) for i in range(50)}
    shifted = {k: v + 0.5 + float(rng.normal(0, 0.2)) for k, v in base.items()}
    r = paired.compare(*paired.paired_groups(_run(base), _run(shifted), "m"), resamples=4000)
    assert r["diff"] == pytest.approx(0.5, abs=0.1) and r["low"] > 0 and r["p"] < 0.01
    noisy = {k: v + float(rng.normal(0, 1.0)) for k, v in base.items()}
    r = paired.compare(*paired.paired_groups(_run(base), _run(noisy), "m"), resamples=4000)
    assert r["low"] < 0 < r["high"] and r["p"] > 0.05


def test_groups_are_resampled_whole_and_only_common_items_pair():
    # Two topics: every item of topic "x" improves by 1, topic "y" is unchanged; an item only A scored is ignored.
    a = _run({"x1": 0, "x2": 0, "y1": 0, "y2": 0, "only_a": 5}, {"x1": "x", "x2": "x", "y1": "y", "y2": "y", "only_a": "y"})
    b = _run({"x1": 1, "x2": 1, "y1": 0, "y2": 0}, {"x1": "x", "x2": "x", "y1": "y", "y2": "y"})
    xa, xb = paired.paired_groups(a, b, "m")
    assert [len(g) for g in xa] == [2, 2]
    r = paired.compare(xa, xb, resamples=2000)
    assert r["items"] == 4 and r["groups"] == 2 and r["diff"] == pytest.approx(0.5) and r["changed"] == 2
    # Resampling two groups can only give 0, 0.5 or 1 as the mean difference.
    assert r["low"] >= 0 and r["high"] <= 1
