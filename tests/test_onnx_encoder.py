"""The ONNX Runtime all-MiniLM-L6-v2 encoder (newsweave.align.onnx_encoder) against the numpy one.

The numpy encoder's exactness against sentence-transformers is pinned in tests/test_embed.py; here the fp32
ONNX graph must reproduce it to float32 rounding and the int8 model must stay close. The models are built
once per module into a temporary NEWSWEAVE_MODEL_DIR (a few seconds, no network).
"""

from __future__ import annotations

import numpy as np
import pytest

import onnx  # noqa: F401  (project dependencies: missing ones are an error, not a skip)
import onnxruntime  # noqa: F401

from newsweave.align import onnx_encoder as O
from newsweave.align.embed import get_encoder

SENTS = [
    "The ferry ran aground off the island on Sunday.",
    "On Sunday the ferry went aground near the island.",
    "The central bank raised interest rates by half a point.",
    "Rescue workers pulled 14 survivors from the rubble late on Tuesday, officials said.",
    "Prime Minister Hun Sen rejected the opposition's demand for talks abroad.",
    "Shares fell.",
    "Négociations à Genève: the envoy said talks would resume «next week».",
    "",
]
LONG = " ".join(
    ["Officials said the storm, which flooded coastal towns and cut power to 40,000 homes, would weaken overnight."] * 40
)
# int8 (dynamic, per-channel QInt8) vs the exact vectors: measured min 0.978 (the empty string), mean 0.989
# on SENTS + LONG; 0.970 min / 0.9915 mean on 1,000 DUC 2004 sentences (bench/results/embed_onnx.md). The
# bounds leave margin for other CPUs' int8 kernels (VNNI / AVX-512 paths round differently).
INT8_MIN_COS = 0.96
INT8_MEAN_COS = 0.98


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSWEAVE_MODEL_DIR", str(tmp_path_factory.mktemp("onnx-models")))
    mp.setattr(O, "_ENCODERS", {})
    path = O.build(O.model_dir())
    yield path
    mp.undo()


@pytest.fixture(scope="module")
def fp32(built):
    return O.OnnxEncoder.load(built / O.FP32_FILE)


@pytest.fixture(scope="module")
def int8(built):
    return O.OnnxEncoder.load(built / O.INT8_FILE)


@pytest.fixture(scope="module")
def ref():
    return get_encoder().encode(SENTS + [LONG])


def test_build_files(built):
    import onnx as onnx_mod

    for name in (O.FP32_FILE, O.INT8_FILE, "tokenizer.json", "meta.json"):
        assert (built / name).is_file(), name
    assert (built / O.INT8_FILE).stat().st_size < 0.4 * (built / O.FP32_FILE).stat().st_size
    assert built.parent == O.model_dir().parent and built.name.startswith("minilm-l6-v2-onnx-v")
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".building-")]  # temp folder renamed
    m = onnx_mod.load(str(built / O.FP32_FILE), load_external_data=False)
    assert [i.name for i in m.graph.input] == ["input_ids", "attention_mask"]
    assert [o.name for o in m.graph.output] == ["embeddings"]
    assert {op.domain for op in m.opset_import} == {""} and m.opset_import[0].version == O.OPSET
    ops = {n.op_type for n in m.graph.node}
    assert {"LayerNormalization", "Erf", "Softmax", "MatMul"} <= ops


def test_fp32_matches_numpy(fp32, ref):
    v = fp32.encode(SENTS + [LONG])
    assert v.shape == (len(SENTS) + 1, 384) and v.dtype == np.float32
    cos = np.sum(v * ref, axis=1)
    assert cos.min() >= 0.99999, cos
    np.testing.assert_allclose(v, ref, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_int8_close_to_numpy(int8, ref):
    v = int8.encode(SENTS + [LONG])
    assert v.shape == (len(SENTS) + 1, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    cos = np.sum(v * ref, axis=1)
    assert cos.min() >= INT8_MIN_COS, cos
    assert cos.mean() >= INT8_MEAN_COS, cos
    # what the pipeline uses: a paraphrase still scores far above an unrelated sentence
    assert float(v[0] @ v[1]) > 0.8 and float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.5


def test_empty_input(fp32, int8):
    for enc in (fp32, int8):
        v = enc.encode([])
        assert v.shape == (0, 384) and v.dtype == np.float32


def test_single_string_rejected(fp32):
    with pytest.raises(TypeError):
        fp32.encode(SENTS[0])  # type: ignore[arg-type]


def test_long_input_truncated(fp32, int8):
    ids = fp32.tokenize([LONG])[0]
    assert len(ids) == fp32.max_seq_length == 256
    assert ids[0] == 101 and ids[-1] == 102  # [CLS] ... [SEP]
    extra = LONG + " The mayor later resigned over an unrelated scandal."
    for enc in (fp32, int8):
        a, b = enc.encode([LONG]), enc.encode([extra])
        np.testing.assert_allclose(a, b, atol=1e-6)  # what is past token 256 does not matter


def test_padding_and_batching_do_not_change_fp32(fp32):
    alone = np.stack([fp32.encode([s])[0] for s in SENTS[:4]])
    # short sentences padded to LONG's 256 tokens in one batch
    mixed = fp32.encode([SENTS[0], LONG, SENTS[1], SENTS[2], SENTS[3]], batch_size=64)
    np.testing.assert_allclose(mixed[[0, 2, 3, 4]], alone, atol=1e-5)
    np.testing.assert_allclose(fp32.encode(SENTS[:4], batch_size=1), alone, atol=1e-6)


def test_intra_op_mode_matches_batch_mode(built, fp32):
    intra = O.OnnxEncoder.load(built / O.FP32_FILE, parallel="intra", threads=2)
    assert intra.session.get_session_options().intra_op_num_threads == 2
    assert fp32.session.get_session_options().intra_op_num_threads == 1  # batch mode: 1 per run
    np.testing.assert_allclose(intra.encode(SENTS * 3, batch_size=2), fp32.encode(SENTS * 3, batch_size=2),
                               atol=1e-6)
    with pytest.raises(ValueError):
        O.OnnxEncoder.load(built / O.FP32_FILE, parallel="processes")


def test_threads_from_env(built, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_EMBED_THREADS", "3")
    assert O.OnnxEncoder.load(built / O.INT8_FILE).threads == 3
    intra = O.OnnxEncoder.load(built / O.INT8_FILE, parallel="intra")
    assert intra.session.get_session_options().intra_op_num_threads == 3


def test_get_onnx_encoder_builds_once_with_note(built, tmp_path, monkeypatch, capsys):
    import shutil

    monkeypatch.setenv("NEWSWEAVE_MODEL_DIR", str(tmp_path))
    monkeypatch.setattr(O, "_ENCODERS", {})
    calls = []

    def fake_build(path):  # the real build is covered by the fixture; reuse its files
        calls.append(path)
        shutil.copytree(built, path)
        return path

    monkeypatch.setattr(O, "build", fake_build)
    enc = O.get_onnx_encoder()
    assert "building the ONNX sentence encoder" in capsys.readouterr().err
    assert calls == [O.model_dir()] and enc.path == O.model_dir() / O.INT8_FILE
    assert O.get_onnx_encoder() is enc
    enc32 = O.get_onnx_encoder(quantized=False)
    assert enc32 is not enc and enc32.path.name == O.FP32_FILE
    assert len(calls) == 1 and capsys.readouterr().err == ""
    assert enc.dim == 384


def test_missing_model_is_clear(tmp_path):
    with pytest.raises(FileNotFoundError):
        O.OnnxEncoder.load(tmp_path / "nope.onnx")
