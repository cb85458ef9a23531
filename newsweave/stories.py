"""Group a stream of mixed articles into stories, before each story is briefed.

A story here is what one briefing covers: reports of one event or development. Reports of a story share
their specific words (names, places, the event's nouns and numbers), so articles are compared by TF-IDF
cosine over their title and text (scikit-learn; title words count twice, English stop words and words in
more than half of a large stream carry nothing). The stories are the clusters of **average linkage**
over that similarity, cut at ``threshold``: two groups join only while their articles are, on average,
that similar, which does not chain a stream into one blob the way single linkage (joining on any one
similar pair) does.

Average linkage needs every pairwise similarity; a stream of 10,000 articles has 50 million pairs,
nearly all of them near zero. So each article keeps only its ``neighbours`` most similar articles
(a sparse matrix product in blocks), and a pair never compared counts as similarity 0: an
under-estimate that can only keep groups apart, never join them. scikit-learn's and SciPy's average
linkage need dense input or all n² distances, hence the small merge loop below (a heap over the
sparse graph's group pairs).

An article the linkage leaves alone then joins the story it is nearest to, on average, when that average reaches
``ATTACH_MIN`` and is ``ATTACH_MARGIN`` times its next nearest story's: a tabloid that tells a story in its own
loaded words shares fewer of its words with the plain reports than they share with each other, but it is like no
other story at all (:func:`attach_leftovers`).

With ``max_gap_days``, publication dates (when both articles have one) keep reports more than that many
days apart from being compared directly (the same words a year later may be another event); they may
still meet through reports in between. It is off by default: a continuing story (a war, a trial, a
campaign) runs for months, and on DUC 2006's multi-year topics a 30-day gap split nearly every topic.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsweave.model import Article

THRESHOLD = 0.15  # average TF-IDF cosine at which groups stop joining: the best dev F1 (bench/stories.py)
NEIGHBOURS = 30
ATTACH_MIN: float | None = 0.075  # an article left alone joins its nearest story at this average similarity ...
ATTACH_MARGIN = 2.0  # ... when that is this many times its next nearest story's (see attach_leftovers)
MAX_GAP_DAYS: int | None = None  # off by default: a continuing story (a war, a trial) runs for months
MIN_PAIR_SIMILARITY = 0.05  # pairs below this are never kept (they could not lift an average to the threshold)
# Words of reporting itself: in every story, so they say nothing of which (a small stream cannot learn that)
_REPORTING_WORDS = frozenset({"said", "says", "say", "told", "tells", "according", "reported", "reports", "reporters",
                              "statement", "added", "asked", "news", "spokesman", "spokeswoman", "officials"})
_LEAD_CHARS = 4000  # the body's first characters: the story is told at the top; the tail is background
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class StoryGroup:
    """One story of the stream: its article ids (in input order) and the words that characterise it."""

    id: str
    articles: list[str]
    label: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "size": len(self.articles), "label": self.label, "first_published": self.first_published,
                "last_published": self.last_published, "articles": self.articles}


def _document(article: Article) -> str:
    title = (article.title or "").strip()
    return f"{title}\n{title}\n{article.text[:_LEAD_CHARS]}"


_PLACE_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")
MAX_PLACE_IDS = 5  # a name of more places than this ("Springfield") is left as a word


@lru_cache(maxsize=65536)
def _place_key(word: str) -> str | None:
    """One token for every spelling of a place ("Kyiv" and "Kiev", "Kharkiv" and "Kharkov" name one gazetteer
    place): reports of one story written by outlets that transliterate differently share it."""
    from newsweave.annotate.entities import _gazetteer

    ids = _gazetteer().cities(word)
    return f"place{min(ids)}" if ids and len(ids) <= MAX_PLACE_IDS else None


def _with_place_keys(document: str, surfaces: dict[str, Counter]) -> str:
    def key(m: re.Match) -> str:
        k = _place_key(m.group())
        if k is None:
            return m.group()
        surfaces.setdefault(k, Counter())[m.group().lower()] += 1
        return k

    return _PLACE_WORD.sub(key, document)


def _day(article: Article) -> int | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10]).toordinal()
    except ValueError:
        return None


def similarity_graph(articles: Sequence[Article], *, neighbours: int = NEIGHBOURS, max_gap_days: int | None = MAX_GAP_DAYS):
    """TF-IDF vectors of the articles and the sparse graph of each one's most similar others:
    ``(vectors, vocabulary terms, {i: {j: cosine}})`` with i != j and the graph symmetric."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(articles)
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    vectorizer = TfidfVectorizer(
        lowercase=True, strip_accents="unicode", stop_words=list(ENGLISH_STOP_WORDS | _REPORTING_WORDS), sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]*[^\W_]\b|\b\d{3,}\b",  # words of 2+ characters, and numbers of 3+ digits
        max_df=0.5 if n >= 50 else 1.0, dtype=np.float32,
    )
    surfaces: dict[str, Counter] = {}
    X = vectorizer.fit_transform([_with_place_keys(_document(a), surfaces) for a in articles])  # rows are L2-normalised
    terms = vectorizer.get_feature_names_out()
    if surfaces:  # (a story's label shows the place's most used spelling, not its key)
        terms = np.array([surfaces[t].most_common(1)[0][0] if t in surfaces else t for t in terms], dtype=object)
    days = [_day(a) for a in articles]
    graph: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    block = 1024
    for lo in range(0, n, block):
        sims = (X[lo:lo + block] @ X.T).toarray()
        for r in range(sims.shape[0]):
            i = lo + r
            row = sims[r]
            row[i] = 0.0
            k = min(neighbours, n - 1)
            if k <= 0:
                continue
            top = np.argpartition(-row, k - 1)[:k] if k < n - 1 else np.arange(n)
            for j in top.tolist():
                s = float(row[j])
                if s < MIN_PAIR_SIMILARITY or j == i:
                    continue
                if max_gap_days is not None and days[i] is not None and days[j] is not None and abs(days[i] - days[j]) > max_gap_days:
                    continue
                if s > graph[i].get(j, 0.0):
                    graph[i][j] = s
                    graph[j][i] = s
    return X, terms, graph


def average_linkage(n: int, graph: dict[int, dict[int, float]], threshold: float) -> list[int]:
    """Cluster label of each of ``n`` items by average linkage over a sparse similarity graph (missing
    pairs count as 0), merging while the best average similarity between two groups is >= threshold."""
    size = [1] * n
    # adj[a][b]: the sum of the similarities between the members of groups a and b (known pairs only)
    adj: list[dict[int, float]] = [dict(graph.get(i, {})) for i in range(n)]
    alive = [True] * n
    parent = list(range(n))
    version = [0] * n
    heap: list[tuple[float, int, int, int, int]] = []
    for a in range(n):
        for b, s in adj[a].items():
            if a < b and s >= threshold:
                heap.append((-s, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue  # a stale entry: one of the groups has changed since
        if -neg < threshold:
            break
        if len(adj[a]) < len(adj[b]):
            a, b = b, a  # fold the smaller neighbourhood into the larger
        alive[b] = False
        parent[b] = a
        for c, s in adj[b].items():
            if c == a:
                continue
            adj[a][c] = adj[a].get(c, 0.0) + s
            adj[c][a] = adj[c].get(a, 0.0) + s
            adj[c].pop(b, None)
        adj[a].pop(b, None)
        adj[b] = {}
        size[a] += size[b]
        version[a] += 1
        for c, s in adj[a].items():
            avg = s / (size[a] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, c), max(a, c), version[min(a, c)], version[max(a, c)]))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    return [root(i) for i in range(n)]


def attach_leftovers(labels: list[int], graph: dict[int, dict[int, float]], min_similarity: float,
                     margin: float) -> list[int]:
    """Labels after each article left alone joins the story it is nearest to, on average over that story's
    articles, when that average reaches ``min_similarity`` and is ``margin`` times any other story's. A tabloid
    that tells a story in its own loaded words ("A massive internet meltdown plunged Britain into chaos ...") is
    less like the plain reports of it than they are like each other, and like no other story at all."""
    size = Counter(labels)
    out = list(labels)
    for i, lab in enumerate(labels):
        if size[lab] != 1:
            continue
        sums: Counter = Counter()
        for j, s in graph.get(i, {}).items():
            if size[labels[j]] > 1:
                sums[labels[j]] += s
        if not sums:
            continue
        ranked = sorted(((total / size[g], g) for g, total in sums.items()), reverse=True)
        best, group = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if best >= min_similarity and best >= margin * second:
            out[i] = group
    return out


def group_stories(articles: Sequence[Article], *, threshold: float = THRESHOLD, neighbours: int = NEIGHBOURS,
                  max_gap_days: int | None = MAX_GAP_DAYS, label_terms: int = 5) -> list[StoryGroup]:
    """The stories of a stream of articles, biggest first (ties: first appearance in the stream)."""
    articles = list(articles)
    if not articles:
        return []
    X, terms, graph = similarity_graph(articles, neighbours=neighbours, max_gap_days=max_gap_days)
    labels = average_linkage(len(articles), graph, threshold)
    if ATTACH_MIN is not None:
        labels = attach_leftovers(labels, graph, ATTACH_MIN, ATTACH_MARGIN)
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        members.setdefault(lab, []).append(i)
    ordered = sorted(members.values(), key=lambda idx: (-len(idx), idx[0]))
    out = []
    for n, idx in enumerate(ordered, start=1):
        centroid = np.asarray(X[idx].sum(axis=0)).ravel()
        top = [str(terms[t]) for t in np.argsort(-centroid)[:label_terms] if centroid[t] > 0]
        dates = sorted(a.published[:10] for a in (articles[i] for i in idx) if a.published and _ISO_DAY.match(a.published))
        out.append(StoryGroup(f"story-{n:04d}", [articles[i].id for i in idx], top,
                              dates[0] if dates else None, dates[-1] if dates else None))
    return out



STORIES_SCHEMA = "newsweave.stories/1"
_RECORD_FIELDS = ("id", "title", "published", "published_time", "outlet", "byline", "url", "text")


def write_stories(groups: Sequence[StoryGroup], articles: Sequence[Article], out_dir, *, skipped: Sequence = (),
                  settings: dict | None = None) -> list:
    """One JSONL file per story in ``out_dir`` (``story-0001.jsonl`` ..., one article per line, as
    ``newsweave brief`` and ``newsweave batch`` read them), and ``stories.json``: every story with its
    articles and label, every skipped input with its reason, and the settings used."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    by_id = {a.id: a for a in articles}
    paths = []
    for g in groups:
        path = out / f"{g.id}.jsonl"
        lines = []
        for aid in g.articles:
            a = by_id[aid]
            rec = {k: getattr(a, k) for k in _RECORD_FIELDS if getattr(a, k)}
            lines.append(json.dumps(rec, ensure_ascii=False))
        tmp = path.with_suffix(".jsonl.tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(path)
        paths.append(path)
    sources = {a.id: a.source for a in articles}
    manifest = {
        "schema": STORIES_SCHEMA,
        "settings": settings or {},
        "stories": [{**g.to_json(), "file": f"{g.id}.jsonl", "sources": [sources[a] for a in g.articles]} for g in groups],
        "skipped": [{"source": s.source, "reason": s.reason} for s in skipped],
    }
    (out / "stories.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return paths
