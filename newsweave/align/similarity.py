"""Stage 3, align: which sentences of other articles state the same content as a given sentence.

Sentences are compared as TF-IDF vectors of their content-word lemmas, fitted on the story itself, so
that words every report uses ("said") weigh little and the story's specific words weigh much. Two
sentences state the same content when their cosine is high, or when nearly all of the shorter one's
weighted content appears in the longer one (a clause repeated inside a longer sentence), or, for
paraphrases that share few words ("the two sides agreed to end hostilities" / "the two countries signed
an agreement to end the fighting"), when their sentence embeddings are close. Embeddings are computed
lazily, only for the sentences that are compared, on *canonicalized* text: entity variants are replaced
by their canonical names first, so "Kalbacar" and "Kelbajar" read the same to the encoder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.align.encoders import sentence_encoder
from newsweave.model import AnnotatedArticle, Sentence

COSINE_MIN = 0.42
EMBEDDING_MIN = 0.74  # all-MiniLM-L6-v2 cosine for a paraphrase of the same statement
EMBEDDING_COSINE_FLOOR = 0.15  # below this TF-IDF cosine a pair is not worth encoding: paraphrases share more
EMBEDDING_SHORTLIST = 24  # story-wide nearest sentences (by TF-IDF) re-checked with embeddings
CONTAINMENT_MIN = 0.7
MIN_SHARED_TERMS = 4
MIN_CONTAINED_TERMS = 6  # a short sentence must share this many terms to count as contained


class TermMatrix:
    """Rows of term weights in compressed sparse row form (``data``, ``indices``, ``indptr``, as scipy's
    ``csr_matrix`` holds them), with the products the index needs: one row against many, and each row's
    summed product with a set of rows. Not scipy.sparse itself: importing it took about 0.3 s of every
    cold brief, and these products are a few NumPy calls (``tests/test_align_helpers.py`` checks them
    against scipy)."""

    __slots__ = ("data", "indices", "indptr", "shape", "_row_of")

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]) -> None:
        self.data, self.indices, self.indptr, self.shape = data, indices, indptr, shape
        self._row_of = np.repeat(np.arange(shape[0]), np.diff(indptr))  # the row of every stored value

    def to_scipy(self):
        """The same rows as a ``scipy.sparse.csr_matrix`` (for benches and checks; imports scipy)."""
        from scipy.sparse import csr_matrix  # noqa: PLC0415

        return csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)

    def dense_row(self, i: int) -> np.ndarray:
        out = np.zeros(self.shape[1], dtype=self.data.dtype)
        lo, hi = self.indptr[i], self.indptr[i + 1]
        out[self.indices[lo:hi]] = self.data[lo:hi]
        return out

    def dot_row(self, i: int, rows: Sequence[int] | np.ndarray | None = None) -> np.ndarray:
        """Dot product of row ``i`` with every row (or with ``rows``, in that order)."""
        q = self.dense_row(i)
        if rows is None:
            return np.bincount(self._row_of, weights=self.data * q[self.indices], minlength=self.shape[0])
        rows = np.asarray(rows, dtype=np.int64)
        starts, lengths = self.indptr[rows], np.diff(self.indptr)[rows]
        # positions of the stored values of the chosen rows, row after row
        at = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths) + np.arange(lengths.sum())
        return np.bincount(np.repeat(np.arange(len(rows)), lengths), weights=self.data[at] * q[self.indices[at]],
                           minlength=len(rows))

    def degree(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """For each of ``rows``, the sum of its dot products with all of ``rows`` (itself included)."""
        rows = np.asarray(rows, dtype=np.int64)
        chosen = np.zeros(self.shape[0], dtype=bool)
        chosen[rows] = True
        mask = chosen[self._row_of]
        total = np.bincount(self.indices[mask], weights=self.data[mask], minlength=self.shape[1])
        per_row = np.bincount(self._row_of, weights=self.data * total[self.indices], minlength=self.shape[0])
        return per_row[rows]


def tfidf(docs: Sequence[Sequence[str]]):
    """TF-IDF rows of term lists, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True, norm="l2")`` gives
    them (smoothed idf ``ln((1 + n) / (1 + df)) + 1``, tf ``1 + ln(count)``, unit rows, features in sorted
    order), and the idf per term. Written out because importing scikit-learn costs about a second of every
    cold start, and this is all of it we used. The rows are a :class:`TermMatrix`."""

    vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
    indptr, indices, counts = [0], [], []
    for d in docs:
        row: dict[int, int] = {}
        for t in d:
            j = vocab[t]
            row[j] = row.get(j, 0) + 1
        for j in sorted(row):
            indices.append(j)
            counts.append(row[j])
        indptr.append(len(indices))
    n = len(docs)
    indices_a = np.asarray(indices, dtype=np.int32)
    df = np.bincount(indices_a, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    data = (np.log(np.asarray(counts, dtype=np.float64)) + 1.0) * idf[indices_a]
    bounds = np.asarray(indptr)
    lengths = np.diff(bounds)
    # squared row norms by row id (rows without terms stay 0: reduceat would misread them)
    norms = np.sqrt(np.bincount(np.repeat(np.arange(n), lengths), weights=data * data, minlength=n))
    norms[norms == 0] = 1.0
    data /= np.repeat(norms, lengths)
    matrix = TermMatrix(data, indices_a, bounds, (n, len(vocab)))
    return matrix, dict(zip(vocab, idf.tolist()))


@dataclass(slots=True)
class Match:
    sentence: Sentence
    score: float


_NAME_TOKEN = re.compile(r"[^\W_]+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _names_only(a: Sentence, b: Sentence, shared: set[str]) -> bool:
    """Are the terms two units share only names (words both write capitalised) and people's titles? "The company's
    chief executive, Ingrid Sol, apologised to customers" and "Chief executive Ingrid Sol will appear before
    parliament's digital committee on June 17" tell two things she did: their words in common say nothing of
    what was stated (only a close meaning does)."""
    from newsweave.annotate.quotes import PERSON_ROLE_NOUNS

    if not shared:
        return False
    capitalised = [{w.lower() for w in _CAPITALISED.findall(u.text)} for u in (a, b)]
    return all(t in PERSON_ROLE_NOUNS or (t in capitalised[0] and t in capitalised[1]) for t in shared)


def name_term_map(texts: dict[str, str], canonical: dict[tuple[str, int, int], str]) -> dict[str, str]:
    """Lower-cased name words -> the canonical name's word they spell: from each mention whose text differs
    from its entity's canonical name word for word ("Aleksandr Petrovsky" / "Alexander Petrovski": aleksandr ->
    alexander, petrovsky -> petrovski), or a one-word mention that spells the name's last word differently
    ("Petrovskyi"). Mentions that differ in length otherwise ("Republic of Azerbaijan") map nothing."""
    out: dict[str, str] = {}
    for (art, start, end), name in canonical.items():
        text = texts.get(art)
        if text is None:
            continue
        said = _NAME_TOKEN.findall(text[start:end].lower())
        canon = _NAME_TOKEN.findall(name.lower())
        if not said or not canon or said == canon:
            continue
        if len(said) == len(canon):
            pairs = zip(said, canon)
        elif len(said) == 1 and said[0] not in canon and said[0][:3] == canon[-1][:3]:
            pairs = [(said[0], canon[-1])]
        else:
            continue
        for x, y in pairs:
            # (one name's spellings start alike, or both with a vowel: Aleksandr / Oleksandr / Alexander)
            if x != y and len(x) >= 3 and (x[:1] == y[:1] or {x[:1], y[:1]} <= set("aeiouy")):
                out.setdefault(x, y)
    return out


class SentenceIndex:
    """TF-IDF vectors of every sentence of a story, for same-content look-ups across articles."""

    def __init__(self, docs: Sequence[AnnotatedArticle], *, canonical_names: dict[tuple[str, int, int], str] | None = None,
                 use_embeddings: bool = True, units: Sequence[Sentence] | None = None,
                 text_vectors: dict[str, np.ndarray] | None = None):
        """``units`` are the spans to index (sentences by default; claims have the same fields).
        ``text_vectors`` (canonicalized text -> embedding) may be shared with another index of the same story,
        so a span that both embed (a claim that is a whole sentence) is encoded once."""
        self._texts = {d.article.id: d.article.text for d in docs}
        self._canonical = canonical_names or {}
        self._mentions_by_article: dict[str, list[tuple[int, int, str]]] = {}
        for (art, start, end), name in self._canonical.items():
            self._mentions_by_article.setdefault(art, []).append((start, end, name))
        for spans in self._mentions_by_article.values():
            spans.sort()
        self.use_embeddings = use_embeddings
        self._vectors: dict[int, np.ndarray] = {}
        self._row_cache: dict[int, dict[int, float]] = {}
        self._term_sets: dict[int, tuple[Sentence, set[str], float]] = {}
        self._span_vectors: dict[tuple[str, int, int], np.ndarray] = {}
        # by canonicalized text; only used with an encoder whose vectors depend on the text alone
        self.text_vectors: dict[str, np.ndarray] = {} if text_vectors is None else text_vectors
        self._encoder = None  # loaded on the first embedding asked for

        self.sentences: list[Sentence] = list(units) if units is not None else [s for d in docs for s in d.sentences]
        self._row = {(s.article, s.index): i for i, s in enumerate(self.sentences)}
        self._by_article: dict[str, list[int]] = {}
        for i, s in enumerate(self.sentences):
            self._by_article.setdefault(s.article, []).append(i)
        self._term_map = name_term_map(self._texts, self._canonical)
        self._mapped_terms: dict[int, tuple[Sentence, list[str]]] = {}
        if self.sentences and any(s.terms for s in self.sentences):
            self.matrix, self.idf = tfidf([self.terms_of(s) for s in self.sentences])
        else:
            self.matrix = None
            self.idf = {}

    def row(self, sentence: Sentence) -> int:
        return self._row[(sentence.article, sentence.index)]

    def terms_of(self, unit: Sentence) -> list[str]:
        """The unit's terms with each spelling of a name written as its entity's canonical name does
        ("petrovsky" and "petrovskyi" as "petrovski"), so that two reports' wordings share the name's terms."""
        if not self._term_map:
            return unit.terms
        hit = self._mapped_terms.get(id(unit))
        if hit is None or hit[0] is not unit:
            hit = self._mapped_terms[id(unit)] = (unit, [self._term_map.get(t, t) for t in unit.terms])
        return hit[1]

    def canonical_text(self, article: str, start: int, end: int) -> str:
        """``text[start:end]`` with every entity mention replaced by its entity's canonical name."""
        text = self._texts[article]
        out, pos = [], start
        for s, e, name in self._mentions_by_article.get(article, ()):
            if s < start or e > end or s < pos:
                continue
            out += [text[pos:s], name]
            pos = e
        out.append(text[pos:end])
        return "".join(out)

    def embed_spans(self, spans: Sequence[tuple[str, int, int]]) -> np.ndarray:
        """Unit-length embeddings of canonicalized spans (article, start, end), each encoded once per story.
        Their dot products are on the encoder's own scale: compare them through :meth:`span_similarities`."""
        if self._encoder is None:
            self._encoder = sentence_encoder()
        if not spans:
            return np.zeros((0, self._encoder.dim), dtype=np.float32)
        missing = list(dict.fromkeys(sp for sp in spans if sp not in self._span_vectors))
        if missing:
            for sp, v in zip(missing, self._encode_texts([self.canonical_text(*sp) for sp in missing])):
                self._span_vectors[sp] = v
        return np.stack([self._span_vectors[sp] for sp in spans])

    def _encode_texts(self, texts: list[str]) -> Sequence[np.ndarray]:
        """Embeddings of ``texts``. When the encoder's vectors depend on the text alone, each distinct text is
        encoded once for all the indexes sharing ``text_vectors`` (the same vectors, fewer encoder calls);
        otherwise the texts are encoded together as given."""
        if not self._encoder.deterministic:
            return self._encoder.encode(texts)
        todo = [t for t in dict.fromkeys(texts) if t not in self.text_vectors]
        if todo:
            self.text_vectors.update(zip(todo, self._encoder.encode(todo)))
        return [self.text_vectors[t] for t in texts]

    def computed_vectors(self, spans: Sequence[tuple[str, int, int]]) -> list[np.ndarray | None]:
        """The embeddings of ``spans`` that this index has already computed (``None`` for the others), without
        encoding anything: for consumers that may use an embedding but should not pay for one."""
        return [self._span_vectors.get(sp) for sp in spans]

    def calibrate(self, cosines):
        """The encoder's cosines on all-MiniLM-L6-v2's scale (identity for MiniLM itself)."""
        if self._encoder is None:
            self._encoder = sentence_encoder()
        return self._encoder.calibrate(cosines)

    def span_similarities(self, spans_a: Sequence[tuple[str, int, int]],
                          spans_b: Sequence[tuple[str, int, int]] | None = None) -> np.ndarray:
        """Cosines between canonicalized spans, on all-MiniLM-L6-v2's scale whatever the encoder (the
        thresholds of align and compose were set on it): ``(len(a), len(b))``, or ``(len(a), len(a))``."""
        va = self.embed_spans(spans_a)
        vb = va if spans_b is None else self.embed_spans(spans_b)
        return self._encoder.calibrate(va @ vb.T)

    def vectors(self, sentences: Sequence[Sentence]) -> np.ndarray:
        """Embeddings of ``sentences``, computed once each and only when first needed."""
        missing = [s for s in sentences if self.row(s) not in self._vectors]
        if missing:
            for s, v in zip(missing, self.embed_spans([(s.article, s.start, s.end) for s in missing])):
                self._vectors[self.row(s)] = v
        if not sentences:
            return self.embed_spans([])
        return np.stack([self._vectors[self.row(s)] for s in sentences])

    def _mutual(self, query: Sentence, cand: Sentence, sim: float) -> bool:
        """Is ``query`` also the sentence of its article nearest to ``cand``? In a one-story corpus every
        sentence is about the same things, so a paraphrase must be each other's best match, not merely close."""
        rows = self._by_article[query.article]
        sims = self.matrix.dot_row(self.row(cand), rows)
        rivals = [self.sentences[rows[k]] for k in np.argsort(-sims)[:5]]
        rivals = [r for r in rivals if r.index != query.index]
        if not rivals:
            return True
        vecs = self.vectors([cand] + rivals)
        return bool(np.max(self._encoder.calibrate(vecs[1:] @ vecs[0])) <= sim)

    def embedding_similarity(self, a: Sentence, b: Sentence) -> float:
        """Cosine of the two sentences' embeddings, on all-MiniLM-L6-v2's scale (see ``span_similarities``)."""
        if not self.use_embeddings:
            return 0.0
        va, vb = self.vectors([a, b])
        return float(self._encoder.calibrate(np.float32(va @ vb)))

    def _sparse_row(self, i: int) -> dict[int, float]:
        row = self._row_cache.get(i)
        if row is None:
            start, end = self.matrix.indptr[i], self.matrix.indptr[i + 1]
            row = dict(zip(self.matrix.indices[start:end].tolist(), self.matrix.data[start:end].tolist()))
            self._row_cache[i] = row
        return row

    def similarity(self, a: Sentence, b: Sentence) -> float:
        """TF-IDF cosine. Pairs are looked up one at a time by many callers, so rows are kept as small
        dicts: slicing the sparse matrix per pair costs far more than the dot product itself."""
        if self.matrix is None:
            return 0.0
        x, y = self._sparse_row(self.row(a)), self._sparse_row(self.row(b))
        if len(x) > len(y):
            x, y = y, x
        return float(sum(v * y.get(k, 0.0) for k, v in x.items()))

    def _term_set(self, unit: Sentence) -> tuple[set[str], float]:
        """The unit's distinct terms and their summed idf, computed once per unit: every pair it takes part in
        needs them. (Keyed by identity; the unit is kept with them so that its id cannot be reused.)"""
        hit = self._term_sets.get(id(unit))
        if hit is None or hit[0] is not unit:
            terms = set(self.terms_of(unit))
            hit = self._term_sets[id(unit)] = (unit, terms, sum(self.idf.get(t, 1.0) for t in terms))
        return hit[1], hit[2]

    def containment(self, short: Sentence, long: Sentence) -> tuple[float, int]:
        """Share of ``short``'s idf-weighted content terms that ``long`` also has, and how many terms they share."""
        (a, total), (b, _) = self._term_set(short), self._term_set(long)
        if not a:
            return 0.0, 0
        shared = a & b
        return sum(self.idf.get(t, 1.0) for t in shared) / total, len(shared)

    def same_content(self, a: Sentence, b: Sentence) -> float:
        """A score in [0, 1]; 0 when the two do not state the same content."""
        cos = self.similarity(a, b)
        terms_a, terms_b = self._term_set(a)[0], self._term_set(b)[0]
        short, long = (a, b) if len(terms_a) <= len(terms_b) else (b, a)
        contained, shared = self.containment(short, long)
        if shared and terms_a == terms_b:
            return 1.0  # the same words ("Finland" / "Finland."), however few
        if shared < 2:
            return 0.0
        if shared >= min(MIN_SHARED_TERMS, len(self._term_set(short)[0])):
            lexical = cos if cos >= COSINE_MIN else contained * 0.9 if (
                contained >= CONTAINMENT_MIN and shared >= MIN_CONTAINED_TERMS) else 0.0
            if lexical and not _names_only(a, b, terms_a & terms_b):  # (the dearer check last)
                return lexical
        if self.use_embeddings and cos >= EMBEDDING_COSINE_FLOOR:
            emb = self.embedding_similarity(a, b)
            if emb >= EMBEDDING_MIN:
                return emb
        return 0.0

    def needs_embedding(self, a: Sentence, b: Sentence) -> bool:
        """Would :meth:`same_content` consult embeddings for this pair? (To encode such pairs in one batch.)"""
        if not self.use_embeddings:
            return False
        cos = self.similarity(a, b)
        if cos < EMBEDDING_COSINE_FLOOR:
            return False
        terms_a, terms_b = self._term_set(a)[0], self._term_set(b)[0]
        if terms_a == terms_b:
            return False
        short, long = (a, b) if len(terms_a) <= len(terms_b) else (b, a)
        contained, shared = self.containment(short, long)
        if shared < 2:
            return False
        lexical = shared >= min(MIN_SHARED_TERMS, len(self._term_set(short)[0])) and (
            cos >= COSINE_MIN or (contained >= CONTAINMENT_MIN and shared >= MIN_CONTAINED_TERMS)) and not _names_only(
            a, b, terms_a & terms_b)
        return not lexical

    def supporting(self, sentence: Sentence, *, use_embeddings: bool | None = None) -> list[Match]:
        """For every other article, its sentence that best states the same content (if any does).

        Lexical matches are checked among each article's three nearest sentences by TF-IDF cosine;
        paraphrases among the story-wide shortlist of nearest sentences, with embeddings. The shortlist
        keeps the embedding work per query constant, whatever the size of the story."""
        if self.matrix is None:
            return []
        embeddings = self.use_embeddings if use_embeddings is None else use_embeddings
        sims = self.matrix.dot_row(self.row(sentence))
        best: dict[str, Match] = {}
        saved, self.use_embeddings = self.use_embeddings, False
        try:
            for article, rows in self._by_article.items():
                if article == sentence.article:
                    continue
                for k in np.argsort(-sims[rows])[:3]:
                    cand = self.sentences[rows[k]]
                    score = self.same_content(sentence, cand)
                    if score > 0 and (article not in best or score > best[article].score):
                        best[article] = Match(cand, score)
        finally:
            self.use_embeddings = saved
        if embeddings:
            shortlist = [
                int(i) for i in np.argsort(-sims)[: EMBEDDING_SHORTLIST * 3]
                if self.sentences[int(i)].article != sentence.article and self.sentences[int(i)].article not in best
                and sims[int(i)] > 0
            ][:EMBEDDING_SHORTLIST]
            if shortlist:
                vecs = self.vectors([sentence] + [self.sentences[i] for i in shortlist])
                for i, sim in zip(shortlist, self._encoder.calibrate(vecs[1:] @ vecs[0])):
                    cand = self.sentences[i]
                    if sim >= EMBEDDING_MIN and len(set(self.terms_of(sentence)) & set(self.terms_of(cand))) >= 2:
                        if (cand.article not in best or sim > best[cand.article].score) and self._mutual(sentence, cand, float(sim)):
                            best[cand.article] = Match(cand, float(sim))
        return sorted(best.values(), key=lambda m: -m.score)
