"""Fast checks of the alignment benchmarks' own scoring code (no spaCy, no benchmark data)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import claimdiff  # noqa: E402
import discord_questions as dq  # noqa: E402


def test_bcubed_perfect_and_extremes():
    gold = ["a", "a", "b", "c", "c", "c"]
    assert dq.bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, _ = dq.bcubed(list(range(6)), gold)  # all singletons: precision 1, recall = mean 1/|gold cluster|
    assert p == 1.0 and r == pytest.approx((1 / 2 * 2 + 1 + 1 / 3 * 3) / 6)
    p, r, _ = dq.bcubed([0] * 6, gold)  # all in one: recall 1
    assert r == 1.0 and p == pytest.approx((2 / 6 * 2 + 1 / 6 + 3 / 6 * 3) / 6)


def test_bcubed_worked_example():
    # gold {0,1,2} {3,4}; pred {0,1} {2,3,4}
    p, r, f = dq.bcubed([0, 0, 1, 1, 1], [0, 0, 0, 1, 1])
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_missing_annotator_labels_are_singletons():
    labels = dq.normalize_labels(["1", "-1", "", "1", None, -1])
    assert labels[0] == labels[3]
    assert len({labels[1], labels[2], labels[4], labels[5]}) == 4
    assert dq.ari(labels, labels) == 1.0


def test_tfidf_baseline_groups_repeated_wording():
    labels = dq.tfidf_agglomerative(
        ["safety inspections of trucks", "truck safety inspections", "immigration dispute with Washington", ""], 0.5)
    assert labels[0] == labels[1] and labels[2] != labels[0] and labels[3] not in (labels[0], labels[2])


def test_claimdiff_metrics_and_majority():
    gold = [1, 1, 1, 0]
    m = claimdiff.majority(gold)
    assert m["label"] == 1 and m["acc"] == 0.75
    t, best = claimdiff.best_threshold(gold, [0.9, 0.8, 0.7, 0.1])
    assert best["acc"] == 1.0 and 0.1 < t <= 0.7
