"""The sentence-encoder switch, the static encoder's distillation recipe and its calibration table."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsweave.align import encoders, static


def test_encoder_name_from_environment(monkeypatch):
    monkeypatch.delenv("NEWSWEAVE_EMBEDDINGS", raising=False)
    assert encoders.encoder_name() == encoders.DEFAULT_ENCODER
    monkeypatch.setenv("NEWSWEAVE_EMBEDDINGS", " Static ")
    assert encoders.encoder_name() == "static"
    monkeypatch.setenv("NEWSWEAVE_EMBEDDINGS", "bert-large")
    with pytest.raises(ValueError, match="choose one of"):
        encoders.encoder_name()


def test_calibration_table_is_monotone_and_for_this_recipe():
    table = json.loads(encoders._CALIBRATION.read_text(encoding="utf-8"))
    xs, ys = np.array(table["static"]), np.array(table["minilm"])
    assert table["recipe"] == static._recipe_tag()
    assert len(xs) == len(ys) > 50
    assert np.all(np.diff(xs) > 0) and np.all(np.diff(ys) >= 0)
    enc = encoders._Encoder("static", type("M", (), {"dim": 4})(), (xs, ys))
    probe = np.linspace(-1, 1, 41)
    mapped = enc.calibrate(probe)
    assert np.all(np.diff(mapped) >= 0)  # rankings never change
    assert mapped.min() >= ys.min() - 1e-6 and mapped.max() <= ys.max() + 1e-6


class _TinyEncoder:
    """A stand-in for SentenceEncoder: a fixed random 'model' over a 12-token WordPiece vocabulary."""

    def __init__(self):
        from tokenizers import Tokenizer
        from tokenizers.models import WordPiece
        from tokenizers.pre_tokenizers import Whitespace

        vocab = {t: i for i, t in enumerate(
            ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "dam", "broke", "river", "rose", "##s", "town"])}
        self.tokenizer = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
        self.tokenizer.pre_tokenizer = Whitespace()
        self.dim, self.normalize = 8, True
        self._table = np.random.default_rng(0).normal(size=(len(vocab), 8)).astype(np.float32)

    def _forward(self, tok, mask):
        return (self._table[tok] * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)


def test_distill_recipe_on_a_tiny_model():
    model = static.distill(_TinyEncoder(), pca_dims=4)
    vectors = np.asarray(model.embedding)
    assert vectors.shape == (12, 4)
    assert not vectors[:5].any()  # special tokens never carry meaning
    enc = static.StaticEncoder(model)
    out = enc.encode(["the dam broke", "river rose", "the towns"])
    assert out.shape == (3, 4)
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    assert enc.encode([]).shape == (0, 4)
    with pytest.raises(TypeError):
        enc.encode("the dam broke")


def test_tfidf_rows_match_the_textbook_formula_with_empty_rows_anywhere():
    # (Regression: empty rows at the end once broke the row norms.) Smoothed idf, sublinear tf, unit rows.
    import math

    from newsweave.align.similarity import tfidf

    docs = [["dam", "dam", "river"], [], ["river", "town"], ["dam"], []]
    matrix, idf = tfidf(docs)
    assert matrix.shape == (5, 3)
    n = len(docs)
    assert idf["dam"] == pytest.approx(math.log((1 + n) / (1 + 2)) + 1)
    row = matrix.dense_row(0)  # columns in sorted order: dam, river, town
    expect = np.array([(1 + math.log(2)) * idf["dam"], idf["river"], 0.0])
    assert row == pytest.approx(expect / np.linalg.norm(expect))
    assert not matrix.dense_row(1).any() and not matrix.dense_row(4).any()
    assert np.allclose(np.linalg.norm(matrix.to_scipy().toarray()[[0, 2, 3]], axis=1), 1.0)


class _CountingModel:
    """A deterministic stand-in encoder that counts the texts it is asked to encode."""

    dim = 4
    deterministic = True
    space = "counting-v1"

    def __init__(self):
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen += list(texts)
        out = np.array([[len(t), t.count("a") + 1, 1.0, 0.5] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_vectors_are_cached_by_space_and_text(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_CACHE", "1")
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    model = _CountingModel()
    enc = encoders._Encoder("counting", model)
    first = enc.encode(["a harbour wall", "the ferry", "a harbour wall"])
    assert model.seen == ["a harbour wall", "the ferry"]  # each new text encoded once
    again = enc.encode(["the ferry", "a harbour wall", "a new sentence"])
    assert model.seen[2:] == ["a new sentence"]  # only the unseen one
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])
    model.space = "counting-v2"  # another embedding space never reads these vectors
    enc.encode(["the ferry"])
    assert model.seen[-1] == "the ferry"


def test_no_vector_cache_when_off_or_not_deterministic(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    model = _CountingModel()
    enc = encoders._Encoder("counting", model)
    monkeypatch.setenv("NEWSWEAVE_CACHE", "0")
    enc.encode(["the ferry"]), enc.encode(["the ferry"])
    assert model.seen == ["the ferry", "the ferry"]
    monkeypatch.setenv("NEWSWEAVE_CACHE", "1")
    model.deterministic = False
    enc.encode(["the ferry"]), enc.encode(["the ferry"])
    assert model.seen == ["the ferry"] * 4


def test_int8_onnx_vector_depends_on_its_sentence_alone():
    from newsweave.align.onnx_encoder import get_onnx_encoder

    enc = get_onnx_encoder(quantized=True)
    assert enc.deterministic and enc.default_batch_size == 1
    target = "The harbour wall collapsed on Tuesday night after two days of storms."
    alone = enc.encode([target])[0]
    with_others = enc.encode(["A much longer sentence about the ferry service that was suspended for a week "
                              "while engineers inspected the damaged pier and the lifeboat station.", target,
                              "Short one."])[1]
    assert np.array_equal(alone, with_others)
