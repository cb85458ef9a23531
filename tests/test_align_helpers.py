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


def test_term_matrix_products_equal_scipys():
    """TermMatrix (the TF-IDF rows, without importing scipy.sparse in a brief) gives the products the
    scipy matrix gives; and tfidf() equals scikit-learn's TfidfVectorizer(sublinear_tf=True)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave.align.similarity import tfidf

    rng = np.random.default_rng(7)
    vocab = [f"w{k}" for k in range(40)]
    docs = [list(rng.choice(vocab, size=rng.integers(0, 9))) for _ in range(60)]  # some rows empty
    matrix, idf = tfidf(docs)
    ref = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True).fit_transform(docs)
    assert np.allclose(matrix.to_scipy().toarray(), ref.toarray())
    dense = ref.toarray()
    for i in (0, 5, 59):
        assert np.allclose(matrix.dot_row(i), dense @ dense[i])
        rows = [3, 0, 17, 59, 4]
        assert np.allclose(matrix.dot_row(i, rows), dense[rows] @ dense[i])
    rows = [1, 2, 8, 30, 31, 44]
    assert np.allclose(matrix.degree(rows), (dense[rows] @ dense[rows].T).sum(axis=1))
    assert np.allclose(matrix.dense_row(5), dense[5])


def test_candidate_pairs_count_shared_keys_as_a_matrix_product():
    """facts.candidate_pairs counts the keys two claims share per pair; the same as the claims x keys
    incidence matrix times its transpose."""
    from scipy.sparse import csr_matrix

    from newsweave.align.facts import MIN_SHARED_KEYS, _keys, candidate_pairs
    from newsweave.model import Claim

    rng = np.random.default_rng(3)
    words = [f"t{k}" for k in range(25)]
    claims = [Claim(article=f"a{k % 6}", index=k, sentence=k, start=0, end=1, text="x",
                    predicate=str(rng.choice(["say", "kill", "enter"])), terms=list(rng.choice(words, size=5)),
                    entities=[f"E{e}" for e in rng.choice(8, size=rng.integers(0, 3))]) for k in range(80)]
    idf = {w: float(1 + k % 4) for k, w in enumerate(words)}
    got = candidate_pairs(claims, idf)
    # the reference: the same keys, counted through scipy
    occurrences = sorted(idf.get(t, 0.0) for c in claims for t in set(c.terms))
    rare = occurrences[len(occurrences) // 3]
    keys = [_keys(c, idf, rare) for c in claims]
    columns: dict[str, int] = {}
    rows, cols = [], []
    for i, ks in enumerate(keys):
        for k in ks:
            rows.append(i)
            cols.append(columns.setdefault(k, len(columns)))
    incidence = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(claims), len(columns)))
    used = np.asarray(incidence.sum(axis=0)).ravel()
    incidence = incidence[:, np.flatnonzero((used >= 2) & (used <= 60))]
    shared = (incidence @ incidence.T).toarray()
    expected = {(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
                if claims[i].article != claims[j].article
                and shared[i, j] >= min(MIN_SHARED_KEYS, len(keys[i]), len(keys[j]))}
    assert got == expected and got


def test_a_brief_imports_no_scipy(tmp_path):
    """scipy.sparse cost about 0.3 s of a cold brief; nothing on a brief's path imports scipy now."""
    import subprocess
    import sys
    from pathlib import Path

    wires = Path(__file__).resolve().parent.parent / "examples" / "wires.jsonl"  # articles we wrote
    code = (
        "import sys\n"
        "from newsweave import brief\n"
        f"b = brief([{str(wires)!r}])\n"
        "assert b.summary and b.facts\n"
        "print(sorted(m for m in ('scipy', 'sklearn', 'datasketch') if m in sys.modules))\n"
    )
    env = {**__import__("os").environ, "NEWSWEAVE_CACHE": "0"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["[]"], out.stdout + out.stderr


def test_name_spellings_map_to_the_canonical_name_word_for_word():
    from newsweave.align.similarity import name_term_map

    text = "Aleksandr Petrovsky spoke. Petrovskyi left. The Republic of Ostmark and President Havik."
    canonical = {("a", 0, 19): "Alexander Petrovski", ("a", 27, 37): "Alexander Petrovski",
                 ("a", 48, 67): "Ostmark", ("a", 72, 88): "Lena Havik"}
    assert name_term_map({"a": text}, canonical) == {"aleksandr": "alexander", "petrovsky": "petrovski",
                                                      "petrovskyi": "petrovski"}
