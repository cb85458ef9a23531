"""Text reuse detection: which articles copied passages from which (stage ``align``).

Pipeline
--------
1. **Sentences.** A fast regex splitter (:func:`split_sentences`) gives exact character spans.
2. **Normalization.** Each sentence becomes a list of *content tokens*: lower-cased, punctuation
   dropped, numbers normalized (``1,200`` -> ``1200``, ``twelve`` -> ``12``), stop words and
   reporting verbs (``said``/``stated``/``told``...) dropped, a light suffix strip and a
   truncation to 6 characters (so ``Russia``/``Russian``, ``withdraw``/``withdrawn`` meet).
3. **Candidates.** Every sentence with at least ``min_content_tokens`` content tokens is reduced
   to its *skip-bigrams* (ordered pairs of content tokens at distance 1 or 2: a replaced or
   inserted single word leaves some of its neighbours' pairs intact). Only article pairs with a
   sentence pair whose skip-bigram Jaccard reaches ``lsh_threshold`` are compared further. Up to
   ``EXACT_MAX_SENTENCES`` indexed sentences (far beyond any one story) that Jaccard is computed
   exactly, for the sentence pairs that share a skip-bigram (an inverted index); above it, a
   :class:`datasketch.MinHashLSH` index estimates it in near-linear time. Either way there is no
   all-pairs comparison of articles. On DUC 2004 (``bench/reuse_duc2004.py``) the exact test
   found every pair the LSH found, and ten more, in a quarter of the time.
4. **Alignment.** For a candidate pair, all sentence pairs are scored with rapidfuzz
   (``token_sort_ratio`` on the content tokens, robust to word reordering inside a sentence
   and to a few replaced words; ``ratio`` on the lower-cased full sentence, for short exact
   copies). Sentence pairs at or above ``sentence_threshold`` are accepted one-to-one (best
   first); then, hysteresis-style, pairs at or above ``adjacent_threshold`` that sit diagonally
   next to an accepted pair (``i±1, j±1``) are accepted too (a heavily spun sentence inside a
   copied run); extension never starts from a quotation. Because matching is
   sentence-to-sentence, reordered sentences/paragraphs are still found; they simply come out
   as separate passages. Finally, for sentences an editor joined or split, a 1:1 match grows to
   1:2 / 2:1 when adding a free neighbour clearly raises its similarity, and still-unmatched
   sentences are tried against two adjacent free sentences of the other text.
5. **Passages.** Runs of accepted pairs that are consecutive in *both* texts are merged into one
   :class:`ReusedPassage` whose offsets run from the first sentence's start to the last one's end.
6. **Is it copying?** Two outlets reporting the same fact can share a sentence, and both may
   quote the same statement. A pair is reported only if (defaults, all tunable):

   * at least ``min_sentences = 2`` matched sentences that are **not** mostly quotation
     (a shared quote is evidence of the same source, not of copying each other);
   * at least ``min_words = 30`` words of matched text (on the shorter side), so two short
     shared formulas ("The ministry said in a statement.") do not make a pair — such short
     sentences are also below ``min_content_tokens`` and are never matched on their own;
   * or else one sentence of at least ``min_words`` words copied word for word outside quotation marks (the
     shorter side's own words all in the other's, in order): two reporters do not write the same thirty words, and
     a tabloid that lifts one wire sentence into its own story has copied it;
   * ``score >= min_score = 0.02`` where score is the share of the shorter text (characters)
     covered by reused passages. The absolute rules above are the real guard; this only drops
     a two-sentence overlap between two very long features (at 0.05, 30-40 copied words in a
     1,000+ word article were lost: 6 of 500 planted pairs in the synthetic bench).

   Sentence threshold 0.72 / adjacency threshold 0.50: on our fictional test texts, sentences
   with a few synonyms swapped score 0.77-0.93, while an independent sentence stating the same
   facts in similar words (same names, numbers, district count) reaches 0.69; 0.72 sits between.
   On DUC 2004 going from 0.70 to 0.75 changes the pair count only from 218 to 203 (at
   ``min_score=0.05``), so the choice is not knife-edge on real wire text. LSH (threshold
   0.3, 64 permutations = 21 bands x 3 rows; a sentence pair collides with probability ~0.34
   at skip-bigram Jaccard 0.27 and ~0.99 at 0.58; our spun test sentences are at 0.27-0.58)
   and the exact test only have to catch *one* sentence of a copied passage for the pair to be
   aligned in full.

Direction: by publication date when both are known and differ (earlier = source = ``a``).
Otherwise ``"unknown"``, and :attr:`Reuse.direction_hint` may say which text looks like the
later one: when only one of the two opens on an agency's dateline ("MONTESOL, Aug 9 (Continental
Press) -"), that one is the wire's text and the other the copy (a paper runs the wire's story, cut
and without its credit); otherwise the text whose reused share is clearly smaller contains the
other's passage *plus* extra material, which is typical of the copier (a later, expanded version).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq
from rapidfuzz.process import cdist

from newsweave.annotate.datelines import DATELINE
from newsweave.ingest.furniture import wire_credit

__all__ = [
    "ReusedPassage",
    "Reuse",
    "find_reuse",
    "candidate_pairs",
    "split_sentences",
    "content_tokens",
]


# --------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ReusedPassage:
    """One reused passage: ``text_a[a_start:a_end]`` corresponds to ``text_b[b_start:b_end]``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float


@dataclass(slots=True)
class Reuse:
    """A pair of articles sharing reused passages.

    When ``direction == "a->b"``, ``a`` is the earlier article (source) and ``b`` the later one
    (copier). When ``"unknown"``, the order is the input order and ``direction_hint`` may be
    ``"a->b"`` / ``"b->a"`` (a guess from the shape of the overlap) or ``None``.
    """

    a: str
    b: str
    score: float
    passages: list[ReusedPassage]
    direction: str | None
    direction_hint: str | None = None

    def to_json(self) -> dict:
        return {
            "articles": [self.a, self.b],
            "score": round(self.score, 4),
            "passages": [
                {
                    "a": {"start": p.a_start, "end": p.a_end},
                    "b": {"start": p.b_start, "end": p.b_end},
                    "similarity": round(p.similarity, 4),
                }
                for p in self.passages
            ],
            "direction": self.direction,
            "direction_hint": self.direction_hint,
        }


# --------------------------------------------------------------------------------------------
# Sentence splitting (exact offsets)
# --------------------------------------------------------------------------------------------

_ABBREV = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr inc corp co ltd
    bros vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig al
    u.s u.n u.k e.g i.e a.m p.m d.c u.s.a""".split()
)
# end punctuation, optional closing quotes/brackets, whitespace, then something that can start a
# sentence (optional opening quote/bracket, then an upper-case letter or a digit).
_BOUNDARY = re.compile(r"""[.!?]+(?:''|["'”’)\]])*(?=\s+(?:``|[“‘"'(\[])*[A-Z0-9])""")
_PARA = re.compile(r"\n[ \t]*\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns ``(start, end)`` spans (stripped of whitespace).

    A regex splitter: a boundary is ``.``/``!``/``?`` (plus closing quotes) followed by space and
    a capital/digit/opening quote, unless the word before the period is a known abbreviation or
    a single initial; blank lines always separate.
    """
    spans: list[tuple[int, int]] = []
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        dot = m.start()
        if text[dot] == ".":
            j = dot
            while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"`'“‘[":
                j -= 1
            word = text[j:dot].lower()
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        cuts.append(m.end())
    for m in _PARA.finditer(text):
        cuts.append(m.start())
    cuts.sort()
    start = 0
    for cut in [*cuts, len(text)]:
        if cut <= start:
            continue
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


# --------------------------------------------------------------------------------------------
# Normalization
# --------------------------------------------------------------------------------------------

_STOP = frozenset(
    """a an the and or but nor so yet if then than that this these those there here of in on at
    to for from by with without within into onto over under about above below after before
    during since until while as is are was were be been being am do does did done have has had
    having will would shall should can could may might must not no it its it's they them their
    theirs he him his she her hers we us our you your i me my who whom whose which what when
    where why how all any both each few more most other some such only own same too very also
    just up down out off again further once one's per via upon among amid against between
    through throughout because although though however meanwhile thus s t
    said say says saying stated states told tell tells added adds noted notes according
    declared asserted mentioned reported reportedly commented explained
    mr mrs ms dr""".split()
)
_NUMWORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMWORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
                  "million": "1000000", "billion": "1000000000"})
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_STEM_LEN = 6


def _stem(word: str) -> str:
    """A deliberately crude, consistent stem: strip a common suffix, truncate to 6 chars."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("ly", "")):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            word = word[: len(word) - len(suf)] + rep
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    return word[:_STEM_LEN]


def content_tokens(text: str) -> list[str]:
    """Normalized content tokens of a sentence (see module docstring)."""
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        norm = _content_token(tok)
        if norm is not None:
            out.append(norm)
    return out


@lru_cache(maxsize=1 << 16)
def _content_token(token: str) -> str | None:
    """A token's normalized form, ``None`` for a stop word; once per distinct token (a story repeats its words)."""
    tok = token.lower()
    if tok[0].isdigit():
        return tok.replace(",", "").rstrip(".")
    if tok in _NUMWORDS:
        return _NUMWORDS[tok]
    if tok in _STOP or len(tok) < 2:
        return None
    return _stem(tok)


def _shingles(tokens: list[str]) -> set[bytes]:
    """Skip-bigrams: ordered token pairs at distance 1 and 2."""
    sh: set[bytes] = set()
    for i, t in enumerate(tokens):
        for d in (1, 2):
            if i + d < len(tokens):
                sh.add(f"{t} {tokens[i + d]}".encode())
    return sh


# a quotation: ``...'' (DUC/PTB style), “...” or "...", at most 600 chars, never across another
# opening mark (multi-paragraph quotes reopen with `` and leave the earlier one unclosed)
_QUOTED = re.compile(r"``(?:(?!``).){0,600}?''|“[^“”]{0,600}”|\"[^\"\n]{0,600}\"", re.S)
_WORD = re.compile(r"\w+")


def _quote_mask(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each sentence: is at least half of it inside quotation marks?"""
    regions = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    out = []
    for s, e in spans:
        inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in regions)
        out.append(inside >= 0.5 * (e - s))
    return out


@dataclass(slots=True)
class _Doc:
    id: str
    text: str
    published: str | None
    spans: list[tuple[int, int]]
    tokens: list[list[str]]
    content: list[str]  # content tokens joined by spaces
    lower: list[str]  # lower-cased sentence with punctuation squashed
    words: list[int]  # word counts per sentence
    quote: list[bool]
    length: int = field(default=0)
    own: list[str] = field(default_factory=list)  # content tokens outside quotation marks, in order, joined


def _prepare(doc_id: str, text: str, published: str | None) -> _Doc:
    spans = split_sentences(text)
    sents = [text[s:e] for s, e in spans]
    toks = [content_tokens(s) for s in sents]
    lower = [" ".join(_WORD.findall(s.lower())) for s in sents]
    return _Doc(
        id=doc_id,
        text=text,
        published=published,
        spans=spans,
        tokens=toks,
        content=[" ".join(t) for t in toks],
        lower=lower,
        words=[len(_WORD.findall(s)) for s in sents],
        quote=_quote_mask(text, spans),
        length=len(text.strip()),
        own=_outside_quotes(text, spans, toks),
    )


def _outside_quotes(text: str, spans: list[tuple[int, int]], tokens: list[list[str]]) -> list[str]:
    """Each sentence's content tokens outside quotation marks (a quote may run over several sentences); a
    sentence no quote touches keeps its ``tokens``."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    if not quoted:
        return [" ".join(t) for t in tokens]
    chars = list(text)
    for a, b in quoted:
        chars[a:b] = " " * (b - a)
    bare = "".join(chars)
    out = []
    for (s, e), toks in zip(spans, tokens):
        touched = any(a < e and s < b for a, b in quoted)
        out.append(" ".join(content_tokens(bare[s:e])) if touched else " ".join(toks))
    return out


# --------------------------------------------------------------------------------------------
# Candidate generation: MinHash LSH over sentences
# --------------------------------------------------------------------------------------------


# Up to this many indexed sentences (a story of 25 long articles has about 1,000), candidate pairs come
# from exact Jaccard; above it, from LSH. The exact test's work grows with the square of the sentences
# that share common skip-bigrams, LSH's about linearly; at 12,000 sentences (bench/reuse_duc2004.py's
# 500-article story) exact was still 3-4x faster, so the switch sits well above any one story.
EXACT_MAX_SENTENCES = 20_000


@lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) split that datasketch chooses for a threshold. Choosing integrates the false positive
    and negative rates of every split (hundreds of scipy quad calls), the same for every story: once here."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _candidates(
    docs: list[_Doc],
    *,
    lsh_threshold: float,
    num_perm: int,
    min_content_tokens: int,
    exact_max_sentences: int | None = None,
    seed: int = 1,
) -> dict[tuple[int, int], int]:
    """Article index pairs ``(i, j)`` with ``i < j`` -> number of colliding sentence pairs.

    Up to ``exact_max_sentences`` indexed sentences (any one story), the skip-bigram Jaccard of every
    sentence pair that shares a shingle is computed exactly and compared with ``lsh_threshold``: no
    sampling, and no datasketch import (its LSH module imports scipy.integrate: about half a second of
    a cold brief). Above that, MinHash LSH approximates the same test in near-linear time."""
    keys: list[tuple[int, int]] = []
    shingle_sets: list[set[bytes]] = []
    for di, d in enumerate(docs):
        for si, toks in enumerate(d.tokens):
            if len(toks) < min_content_tokens:
                continue
            keys.append((di, si))
            shingle_sets.append(_shingles(toks))
    if _exact(len(keys), exact_max_sentences):
        return _exact_candidates(keys, shingle_sets, lsh_threshold)
    return _lsh_candidates(keys, shingle_sets, lsh_threshold=lsh_threshold, num_perm=num_perm, seed=seed)


def _exact(indexed: int, exact_max_sentences: int | None) -> bool:
    """Are the candidates of this many indexed sentences found by the exact test (else by LSH)?"""
    return indexed <= (EXACT_MAX_SENTENCES if exact_max_sentences is None else exact_max_sentences)


def _exact_candidates(
    keys: list[tuple[int, int]], shingle_sets: list[set[bytes]], threshold: float
) -> dict[tuple[int, int], int]:
    # Articles from last to first: an article's sentences are looked up among the later articles' (already
    # indexed) and then indexed, so every lookup hit is a cross-article pair, each found once.
    postings: dict[bytes, list[int]] = defaultdict(list)
    hits: dict[tuple[int, int], int] = defaultdict(int)
    n = len(keys)
    while n > 0:
        di = keys[n - 1][0]
        first = n
        while first > 0 and keys[first - 1][0] == di:
            first -= 1
        for q in range(first, n):
            sh = shingle_sets[q]
            shared: dict[int, int] = defaultdict(int)
            for s in sh:
                for m in postings.get(s, ()):
                    shared[m] += 1
            for m, k in shared.items():
                if k >= threshold * (len(sh) + len(shingle_sets[m]) - k):
                    hits[(di, keys[m][0])] += 1
        for q in range(first, n):
            for s in shingle_sets[q]:
                postings[s].append(q)
        n = first
    return dict(hits)


def _lsh_candidates(
    keys: list[tuple[int, int]],
    shingle_sets: list[set[bytes]],
    *,
    lsh_threshold: float,
    num_perm: int,
    seed: int,
) -> dict[tuple[int, int], int]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm, params=_lsh_params(lsh_threshold, num_perm))
    # MinHash.bulk shares one set of permutations instead of re-deriving it per sentence
    hashes: list[MinHash] = MinHash.bulk([list(sh) for sh in shingle_sets], num_perm=num_perm, seed=seed)
    with lsh.insertion_session() as session:
        for n, mh in enumerate(hashes):
            session.insert(n, mh, check_duplication=False)
    hits: dict[tuple[int, int], int] = defaultdict(int)
    for n, mh in enumerate(hashes):
        di = keys[n][0]
        for m in lsh.query(mh):
            dj = keys[m][0]
            if dj > di:  # each unordered sentence pair once (found from the lower doc index)
                hits[(di, dj)] += 1
    return dict(hits)


# --------------------------------------------------------------------------------------------
# Alignment of one pair
# --------------------------------------------------------------------------------------------


# An aligned unit: sentences i0..i1 of a correspond to sentences j0..j1 of b (1:1, 1:2 or 2:1).
_Match = tuple[int, int, int, int, float]


def _align(
    da: _Doc,
    db: _Doc,
    *,
    sentence_threshold: float,
    adjacent_threshold: float,
    min_content_tokens: int,
) -> list[_Match]:
    """Accepted one-to-one sentence matches ``(i0, i1, j0, j1, similarity)`` between two docs."""
    if not da.spans or not db.spans:
        return []
    content_sim = cdist(da.content, db.content, scorer=fuzz.token_sort_ratio, workers=1)
    lower_sim = cdist(da.lower, db.lower, scorer=fuzz.ratio, workers=1)
    sim = np.maximum(content_sim, lower_sim).astype(np.float32) / 100.0
    elig_a = [len(t) >= min_content_tokens for t in da.tokens]
    elig_b = [len(t) >= min_content_tokens for t in db.tokens]

    accepted: dict[int, tuple[int, float]] = {}
    used_b: set[int] = set()
    strong = [
        (float(sim[i, j]), int(i), int(j))
        for i, j in zip(*(sim >= sentence_threshold).nonzero())
        if elig_a[i] and elig_b[j]
    ]
    strong.sort(key=lambda x: (-x[0], x[1], x[2]))
    for sc, i, j in strong:
        if i in accepted or j in used_b:
            continue
        accepted[i] = (j, sc)
        used_b.add(j)
    if not accepted:
        return []
    # Hysteresis: extend along diagonals with a lower threshold (also admits short sentences).
    changed = True
    na, nb = len(da.spans), len(db.spans)
    while changed:
        changed = False
        for i, (j, _) in sorted(accepted.items()):
            if da.quote[i] and db.quote[j]:
                continue  # a shared quotation is no evidence that its context was copied
            for di in (-1, 1):
                ii, jj = i + di, j + di
                if 0 <= ii < na and 0 <= jj < nb and ii not in accepted and jj not in used_b:
                    sc = float(sim[ii, jj])
                    # short (ineligible) sentences need a near-exact surface match
                    need = adjacent_threshold if (elig_a[ii] and elig_b[jj]) else max(
                        adjacent_threshold, 0.8
                    )
                    if sc >= need:
                        accepted[ii] = (jj, sc)
                        used_b.add(jj)
                        changed = True
    matches: list[_Match] = []
    used_a = set(accepted)
    for i, (j, sc) in sorted(accepted.items()):
        matches.append(_widen(da, db, i, j, sc, used_a, used_b, sentence_threshold))
    # Merged / split sentences: one sentence of a against two adjacent free sentences of b, and
    # the other way round (an editor joined "A. B." into "A, and B.").
    matches += _merged(da, db, used_a, used_b, elig_a, sentence_threshold, flip=False)
    matches += _merged(db, da, used_b, used_a, elig_b, sentence_threshold, flip=True)
    return sorted(matches)


def _widen(
    da: _Doc,
    db: _Doc,
    i: int,
    j: int,
    sc: float,
    used_a: set[int],
    used_b: set[int],
    threshold: float,
) -> _Match:
    """Grow a 1:1 match to 1:2 or 2:1 when a free neighbour sentence makes it clearly better."""
    if sc >= 0.95:
        return (i, i, j, j, sc)
    best: _Match = (i, i, j, j, sc)
    options = []
    for i0, i1 in ((i - 1, i), (i, i + 1)):
        if 0 <= i0 and i1 < len(da.spans) and (i0 if i0 != i else i1) not in used_a:
            options.append((i0, i1, j, j))
    for j0, j1 in ((j - 1, j), (j, j + 1)):
        if 0 <= j0 and j1 < len(db.spans) and (j0 if j0 != j else j1) not in used_b:
            options.append((i, i, j0, j1))
    for i0, i1, j0, j1 in options:
        ca = " ".join(da.content[i0 : i1 + 1])
        cb = " ".join(db.content[j0 : j1 + 1])
        s2 = fuzz.token_sort_ratio(ca, cb) / 100.0
        if s2 >= max(threshold, best[4] + 0.05):
            best = (i0, i1, j0, j1, s2)
    used_a.update(range(best[0], best[1] + 1))
    used_b.update(range(best[2], best[3] + 1))
    return best


def _merged(
    da: _Doc,
    db: _Doc,
    used_a: set[int],
    used_b: set[int],
    elig_a: list[bool],
    threshold: float,
    *,
    flip: bool,
) -> list[_Match]:
    free_a = [i for i in range(len(da.spans)) if i not in used_a and elig_a[i]]
    pairs_b = [
        j for j in range(len(db.spans) - 1) if j not in used_b and j + 1 not in used_b
        and db.tokens[j] and db.tokens[j + 1]
    ]
    if not free_a or not pairs_b:
        return []
    joined = [db.content[j] + " " + db.content[j + 1] for j in pairs_b]
    sims = cdist([da.content[i] for i in free_a], joined, scorer=fuzz.token_sort_ratio, workers=1)
    cands = [
        (float(sims[x, y]) / 100.0, free_a[x], pairs_b[y])
        for x, y in zip(*(sims >= threshold * 100).nonzero())
    ]
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    out: list[_Match] = []
    for sc, i, j in cands:
        if i in used_a or j in used_b or j + 1 in used_b:
            continue
        used_a.add(i)
        used_b.update((j, j + 1))
        out.append((j, j + 1, i, i, sc) if flip else (i, i, j, j + 1, sc))
    return out


# A sentence pair is evidence of copying when this many of its content words outside quotation marks, and
# this share of the shorter side's, come in the same order on both sides. A spun copy keeps its order, a few
# words swapped ("The deal, brokered by Qatar last week, requires Ostmark to reopen the Dorn crossing ..." /
# "The accord, brokered by the Qataris a week ago, requires Ostmark to reopen the Dorn crossing ..."); two
# reporters who tell one fact around one quote share a few names in their own order ("Justice Anna Lind wrote
# for the majority that" / "Writing for the majority, Justice Anna Lind said": 4 of 6).
MIN_COPIED_WORDS = 6
MIN_COPIED_SHARE = 0.6
VERBATIM = 90  # rapidfuzz ratio of two lower-cased sentences that one copies the other word for word


def _own_words_copied(da: _Doc, db: _Doc, m: _Match, min_tokens: int) -> bool:
    """Do the matched sentences share their words outside quotation marks, in order (a reporter's sentence
    copied, perhaps with a word or two changed), rather than the same facts or the same quote in other words?"""
    i0, i1, j0, j1, _sc = m
    own_a, own_b = " ".join(da.own[i0:i1 + 1]).split(), " ".join(db.own[j0:j1 + 1]).split()
    shorter = min(len(own_a), len(own_b))
    if max(len(own_a), len(own_b)) >= min_tokens \
            and fuzz.ratio(" ".join(da.lower[i0:i1 + 1]), " ".join(db.lower[j0:j1 + 1])) >= VERBATIM:
        # a sentence copied word for word, outside quotation marks on at least one side (a quotation mark
        # the other text leaves open may make it read as quoted there)
        return True
    if shorter < MIN_COPIED_WORDS:
        return False
    in_order = LCSseq.similarity(own_a, own_b)
    return in_order >= MIN_COPIED_WORDS and in_order >= MIN_COPIED_SHARE * shorter


def _long_verbatim(da: _Doc, db: _Doc, matches: list[_Match], min_words: int) -> bool:
    """Is one match a long sentence copied word for word outside quotation marks? Two reporters do not write
    the same thirty words; a tabloid that lifts one wire sentence into its own story has copied it."""
    for i0, i1, j0, j1, _sc in matches:
        if da.quote[i0] or db.quote[j0]:
            continue
        if min(sum(da.words[i0:i1 + 1]), sum(db.words[j0:j1 + 1])) < min_words:
            continue
        # the shorter side's own words all in the other's, in order (the other may add a dateline or an aside)
        own_a, own_b = " ".join(da.own[i0:i1 + 1]).split(), " ".join(db.own[j0:j1 + 1]).split()
        if LCSseq.similarity(own_a, own_b) >= VERBATIM / 100 * min(len(own_a), len(own_b)):
            return True
    return False


def _passages(da: _Doc, db: _Doc, matches: list[_Match]) -> list[ReusedPassage]:
    runs: list[list[_Match]] = []
    for m in sorted(matches):
        if runs and m[0] == runs[-1][-1][1] + 1 and m[2] == runs[-1][-1][3] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        weights = [da.spans[m[1]][1] - da.spans[m[0]][0] for m in run]
        simil = sum(w * m[4] for w, m in zip(weights, run)) / max(sum(weights), 1)
        out.append(
            ReusedPassage(
                a_start=da.spans[run[0][0]][0],
                a_end=da.spans[run[-1][1]][1],
                b_start=db.spans[run[0][2]][0],
                b_end=db.spans[run[-1][3]][1],
                similarity=round(simil, 4),
            )
        )
    return out


def _coverage(spans: list[tuple[int, int]], length: int) -> float:
    if length <= 0:
        return 0.0
    total, last = 0, -1
    for s, e in sorted(spans):
        s = max(s, last)
        if e > s:
            total += e - s
            last = e
    return min(1.0, total / length)


def _parse_date(value: str | None) -> date | datetime | None:
    if not value:
        return None
    v = value.strip().replace("Z", "+00:00")
    try:
        if len(v) <= 10:
            return date.fromisoformat(v)
        return datetime.fromisoformat(v)
    except ValueError:
        try:
            return date.fromisoformat(v[:10])
        except ValueError:
            return None


def _agency_credited(text: str) -> bool:
    """Does the text open on a dateline with an agency's credit ("LONDON, March 10 (Reuters) -")?"""
    m = DATELINE.match(text.lstrip())
    return bool(m and "(" in m.group(0))


def _agency_own_text(text_a: str, outlet_a: str | None, text_b: str, outlet_b: str | None) -> int:
    """Of two texts that credit the same agency, the one the agency itself published is the source: 1 when it
    is a's (a paper's copy names the paper as its outlet), -1 when b's, 0 when that cannot be told."""
    credit_a, credit_b = wire_credit(text_a.lstrip().split("\n", 1)[0]), wire_credit(text_b.lstrip().split("\n", 1)[0])
    if not credit_a or not credit_b or credit_a.casefold() != credit_b.casefold():
        return 0
    own_a = bool(outlet_a) and outlet_a.casefold() == credit_a.casefold()
    own_b = bool(outlet_b) and outlet_b.casefold() == credit_b.casefold()
    return 1 if own_a and not own_b else -1 if own_b and not own_a else 0


def _order(pa: str | None, pb: str | None) -> int:
    """-1 if a is earlier, 1 if b is earlier, 0 if same/unknown."""
    a, b = _parse_date(pa), _parse_date(pb)
    if a is None or b is None:
        return 0
    if isinstance(a, datetime) and isinstance(b, datetime):
        try:
            return (a > b) - (a < b)
        except TypeError:  # naive vs aware
            a, b = a.date(), b.date()
    else:
        a = a.date() if isinstance(a, datetime) else a
        b = b.date() if isinstance(b, datetime) else b
    return (a > b) - (a < b)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def candidate_pairs(
    docs: Sequence[tuple[str, str, str | None]],
    *,
    lsh_threshold: float = 0.3,
    num_perm: int = 64,
    min_content_tokens: int = 4,
    exact_max_sentences: int | None = None,
) -> set[tuple[str, str]]:
    """The article-id pairs the candidate stage would hand to alignment (for inspection and tests)."""
    prepared = [_prepare(i, t, p) for i, t, p in docs]
    hits = _candidates(
        prepared,
        lsh_threshold=lsh_threshold,
        num_perm=num_perm,
        min_content_tokens=min_content_tokens,
        exact_max_sentences=exact_max_sentences,
    )
    return {(prepared[i].id, prepared[j].id) for i, j in hits}


def find_reuse(
    docs: Sequence[tuple[str, str, str | None]] | Sequence[tuple[str, str, str | None, str | None]],
    *,
    min_score: float = 0.02,
    min_sentences: int = 2,
    min_words: int = 30,
    sentence_threshold: float = 0.72,
    adjacent_threshold: float = 0.50,
    min_content_tokens: int = 4,
    lsh_threshold: float = 0.3,
    num_perm: int = 64,
    hint_ratio: float = 1.25,
    exact_max_sentences: int | None = None,
    stats: dict | None = None,
) -> list[Reuse]:
    """Find pairs of articles that share reused (copied, possibly spun/reordered) passages.

    ``docs`` are ``(article_id, text, published)`` with ``published`` an ISO date/datetime or
    ``None``, optionally with the outlet as a fourth item (an agency's own text is the source of a copy
    that credits it). Returns :class:`Reuse` objects sorted by descending score. If ``stats`` is a dict,
    it is filled with ``docs``, ``sentences_indexed``, ``candidates``, ``pairs`` and timings.
    See the module docstring for the method and the meaning of the thresholds.
    """
    t0 = time.perf_counter()
    seen: set[str] = set()
    for d in docs:
        if d[0] in seen:
            raise ValueError(f"duplicate article id: {d[0]!r}")
        seen.add(d[0])
    prepared = [_prepare(d[0], d[1], d[2]) for d in docs]
    outlet_of = {d[0]: (d[3] if len(d) > 3 else None) for d in docs}
    t1 = time.perf_counter()
    hits = _candidates(
        prepared,
        lsh_threshold=lsh_threshold,
        num_perm=num_perm,
        min_content_tokens=min_content_tokens,
        exact_max_sentences=exact_max_sentences,
    )
    t2 = time.perf_counter()

    results: list[Reuse] = []
    for ia, ib in sorted(hits):
        da, db = prepared[ia], prepared[ib]
        pairs = _align(
            da,
            db,
            sentence_threshold=sentence_threshold,
            adjacent_threshold=adjacent_threshold,
            min_content_tokens=min_content_tokens,
        )
        if not pairs:
            continue
        # a match is evidence of copying only in the reporter's own words, in the same order: a shared
        # quotation shows a common source, and two reporters telling one fact reuse its names and numbers
        # in their own order ("Justice Anna Lind wrote for the majority that ..." / "Writing for the
        # majority, Justice Anna Lind said ..."; "About 340 people have been fined under the law, according
        # to the Civil Liberties Union" / "The Civil Liberties Union ... said 342 people had been fined")
        non_quote = sum(1 for m in pairs if not (da.quote[m[0]] and db.quote[m[2]])
                        and _own_words_copied(da, db, m, min_content_tokens))
        words = min(
            sum(sum(da.words[i0 : i1 + 1]) for i0, i1, _, _, _ in pairs),
            sum(sum(db.words[j0 : j1 + 1]) for _, _, j0, j1, _ in pairs),
        )
        if (non_quote < min_sentences or words < min_words) and not _long_verbatim(da, db, pairs, min_words):
            continue
        passages = _passages(da, db, pairs)
        cov_a = _coverage([(p.a_start, p.a_end) for p in passages], da.length)
        cov_b = _coverage([(p.b_start, p.b_end) for p in passages], db.length)
        score = cov_a if da.length <= db.length else cov_b
        if score < min_score:
            continue
        order = _order(da.published, db.published)
        hint = None
        if order > 0:  # b is earlier: swap so that a is the source
            da, db = db, da
            cov_a, cov_b = cov_b, cov_a
            passages = [
                ReusedPassage(p.b_start, p.b_end, p.a_start, p.a_end, p.similarity) for p in passages
            ]
            passages.sort(key=lambda p: p.a_start)
        if order != 0:
            direction = "a->b"
        else:
            direction = "unknown"
            credit_a, credit_b = _agency_credited(da.text), _agency_credited(db.text)
            own = _agency_own_text(da.text, outlet_of[da.id], db.text, outlet_of[db.id])
            if own:
                hint = "a->b" if own > 0 else "b->a"  # the agency's own text is the source of a paper's copy
            elif credit_a != credit_b:
                hint = "a->b" if credit_a else "b->a"  # the wire's own text is the source
            # the text that holds the other's passage plus extra material looks like the later one
            elif cov_a >= hint_ratio * cov_b:
                hint = "a->b"
            elif cov_b >= hint_ratio * cov_a:
                hint = "b->a"
        results.append(
            Reuse(a=da.id, b=db.id, score=round(score, 4), passages=passages, direction=direction,
                  direction_hint=hint)
        )
    results.sort(key=lambda r: (-r.score, r.a, r.b))
    t3 = time.perf_counter()
    if stats is not None:
        indexed = sum(1 for d in prepared for t in d.tokens if len(t) >= min_content_tokens)
        stats.update(
            docs=len(prepared),
            sentences=sum(len(d.spans) for d in prepared),
            sentences_indexed=indexed,
            candidates=len(hits),
            candidate_method="exact" if _exact(indexed, exact_max_sentences) else "lsh",
            all_pairs=len(prepared) * (len(prepared) - 1) // 2,
            pairs=len(results),
            seconds_prepare=round(t1 - t0, 3),
            seconds_candidates=round(t2 - t1, 3),
            seconds_align=round(t3 - t2, 3),
            seconds_total=round(t3 - t0, 3),
        )
    return results
