"""Helpers that keep align and compose fast without changing what they find: shared sentence vectors,
precomputed LSH parameters, per-token normalisation, speaker look-ups."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from newsweave.align import encoders
from newsweave.align.reuse import _lsh_params, content_tokens
from newsweave.align.similarity import SentenceIndex
from newsweave.compose.framing import _quote_speakers, _voices
from newsweave.compose.quotes import _speakers_by_name
from newsweave.compose.timeline import _Candidate, _encode_comparable
from newsweave.model import AnnotatedArticle, Article, Sentence


def test_lsh_params_are_the_ones_datasketch_chooses():
    lsh = MinHashLSH(threshold=0.3, num_perm=64)
    assert _lsh_params(0.3, 64) == (lsh.b, lsh.r)


def test_content_tokens_normalise_each_token():
    assert content_tokens("Twelve Russian soldiers said 1,200 houses were burning.") == [
        "12", "russia", "soldie", "1200", "hous", "burn"]


class _CountingModel:
    """A deterministic stand-in encoder that records what it is asked to encode."""

    dim = 4
    deterministic = True

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        out = np.array([[len(t), t.count("a"), t.count("e"), 1.0] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _doc(text: str, spans: list[tuple[int, int]]) -> AnnotatedArticle:
    article = Article(id="a1", source="a1", text=text)
    sentences = [Sentence(article="a1", index=i, start=s, end=e, text=text[s:e], paragraph=0, kind="sentence",
                          terms=text[s:e].lower().split(), tokens=text[s:e].lower().split())
                 for i, (s, e) in enumerate(spans)]
    return AnnotatedArticle(article=article, sentences=sentences)


def test_indexes_sharing_text_vectors_encode_each_text_once(monkeypatch):
    model = _CountingModel()
    monkeypatch.setattr(encoders, "sentence_encoder", lambda: encoders._Encoder("test", model))
    monkeypatch.setattr("newsweave.align.similarity.sentence_encoder", lambda: encoders._Encoder("test", model))
    text = "The dam broke. The dam broke. Water came."
    doc = _doc(text, [(0, 14), (15, 29), (30, 41)])
    sentences = SentenceIndex([doc])
    vectors = sentences.vectors(doc.sentences)
    assert model.calls == [["The dam broke.", "Water came."]]  # the repeated sentence once
    assert np.array_equal(vectors[0], vectors[1])
    claims = SentenceIndex([doc], units=doc.sentences[1:], text_vectors=sentences.text_vectors)
    assert np.array_equal(claims.vectors(doc.sentences[1:]), vectors[1:])
    assert len(model.calls) == 1  # nothing new to encode
    # what each index was asked for is still its own
    assert claims.computed_vectors([("a1", 0, 14)]) == [None]


def test_speaker_lookups_match_a_scan():
    @dataclass
    class Ent:
        id: str
        name: str
        type: str
        aliases: list

    entities = {e.id: e for e in [Ent("E1", "Kestpress", "ORG", ["KP"]), Ent("E2", "Ovrat", "LOC", ["Kestpress"]),
                                  Ent("E3", "Anna Vel", "PERSON", ["Vel", "kp"])]}
    names = _speakers_by_name(entities)
    assert names["kp"] == "E1"  # the first entity that has the name
    assert names["vel"] == "E3" and "ovrat" not in names
    quotes = [{"speaker": "Vel", "evidence": [{"article": "a"}, {"article": "b"}, {"article": "a"}]},
              {"speaker": None, "evidence": [{"article": "a"}]},
              {"speaker": "Kestpress", "evidence": [{"article": "b"}]}]
    assert _quote_speakers(quotes) == {"a": ["Vel"], "b": ["Vel", "Kestpress"]}
    doc = _doc("x", [])
    doc.article.id = "b"
    assert _voices(doc, quotes) == ["Vel", "Kestpress"]


def test_timeline_encodes_only_sentences_it_may_compare():
    class Index:
        use_embeddings = True
        asked: list = []

        def vectors(self, sentences):
            self.asked.extend(sentences)

    def cand(article: str, index: int, date: str) -> _Candidate:
        s = Sentence(article=article, index=index, start=0, end=1, text="x", paragraph=0)
        return _Candidate(date, s, 0, 1, "x", "happened", 0, 1, "x")

    cands = [cand("a", 0, "2020-01-01"), cand("b", 3, "2020-01-01"), cand("a", 0, "2020-01-01"),
             cand("a", 1, "2020-01-02"), cand("a", 2, "2020-01-02"), cand("c", 5, "2020-01-03")]
    index = Index()
    _encode_comparable(cands, index)
    # a date reported by two articles: its sentences, each once; dates of one article alone: none
    assert [(s.article, s.index) for s in index.asked] == [("a", 0), ("b", 3)]
    index.asked.clear()
    index.use_embeddings = False
    _encode_comparable(cands, index)
    assert index.asked == []
