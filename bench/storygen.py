"""Build story corpora of any size for the speed benchmark from real multi-document news clusters.

The documents are read at run time from ``../shared/benchmarks``: DUC 2004 task 2 (50 clusters of 10
newswire articles), DUC 2006 (50 topics of 25 articles) and the Multi-News test split (5,622 clusters of
2 to 10 short, truncated, lower-cased articles). Nothing of their text is copied into this repository;
the corpora are written to a directory you name (use a temporary one).

Documents are taken cluster by cluster, interleaving the three sources so that every prefix of the
stream has the same mix of sources as the whole (about 3 % DUC 2004, 7 % DUC 2006, 90 % Multi-News by
document), which keeps articles of 100, 1,000 and 10,000 comparable. The stream is then cut into stories
of ``min_size`` to ``max_size`` articles (sizes drawn with a fixed seed). A story keeps to one cluster
while the cluster lasts and continues into the next one, so most stories are one real news story.
Beyond the 17,255 stored documents the stream starts again, each repeated text tagged with a short
suffix so that it is not an exact duplicate.

    .venv/bin/python bench/storygen.py OUT_DIR --articles 1000 [--min 3] [--max 25] [--seed 0] [--layout jsonl|folders]

Each story is written as ``OUT_DIR/story-NNNNN.jsonl`` (one article per line: id, title, published,
outlet, text), or with ``--layout folders`` as ``OUT_DIR/story-NNNNN/<id>.txt``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "benchmarks"
SOURCES = {
    "duc2004": DATA / "duc2004_task2" / "clusters.jsonl",
    "duc2006": DATA / "duc2006" / "topics.jsonl",
    "multinews": DATA / "multinews_test" / "test.jsonl",
}


@dataclass(slots=True)
class Doc:
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None

    def record(self) -> dict:
        r = {"id": self.id, "text": self.text}
        for k in ("title", "published", "outlet"):
            if getattr(self, k):
                r[k] = getattr(self, k)
        return r


def _clusters(source: str) -> Iterator[list[Doc]]:
    path = SOURCES[source]
    if not path.exists():
        sys.exit(f"missing benchmark data: {path}")
    with path.open(encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            docs: list[Doc] = []
            if source == "duc2004":
                for d in c["documents"]:
                    docs.append(Doc(id=f"{c['cluster_id']}-{d['doc_index']}", text=d["text"]))
            elif source == "duc2006":
                for d in c["documents"]:
                    docs.append(Doc(id=d["doc_id"], text="\n\n".join(d["paragraphs"]), title=d.get("headline"),
                                    published=d.get("date_from_id"), outlet=d.get("source")))
            else:
                for i, text in enumerate(c["documents"]):
                    if text.strip():
                        docs.append(Doc(id=f"mn{c['test_index']}-{i + 1}", text=text))
            if docs:
                yield docs


def _counts() -> dict[str, int]:
    return {"duc2004": 500, "duc2006": 1250, "multinews": 15505}  # documents per source (checked at load)


def document_stream(sources: tuple[str, ...] = tuple(SOURCES)) -> Iterator[Doc]:
    """Every stored document of ``sources`` once, cluster by cluster, the sources interleaved by their share of
    documents; then again with tagged copies, without end."""
    rounds = 0
    while True:
        total = _counts()
        iters = {s: _clusters(s) for s in sources}
        used = {s: 0 for s in sources}
        while iters:
            s = min(iters, key=lambda k: (used[k] + 1) / total[k])
            cluster = next(iters[s], None)
            if cluster is None:
                del iters[s]
                continue
            used[s] += len(cluster)
            for d in cluster:
                if rounds:
                    d = Doc(id=f"{d.id}-r{rounds}", text=f"{d.text}\n\n(Repeat {rounds} of {d.id}.)", title=d.title,
                            published=d.published, outlet=d.outlet)
                yield d
        rounds += 1


def make_stories(n_articles: int, *, min_size: int = 3, max_size: int = 25, seed: int = 0,
                 sources: tuple[str, ...] = tuple(SOURCES)) -> list[list[Doc]]:
    """``n_articles`` documents cut into stories of ``min_size`` to ``max_size`` articles."""
    rng = random.Random(seed)
    stream = document_stream(sources)
    stories: list[list[Doc]] = []
    left = n_articles
    while left > 0:
        size = rng.randint(min_size, max_size)
        if left - size < min_size:  # never leave a last story below the minimum
            size = left if left <= max_size else left - min_size
        stories.append([next(stream) for _ in range(size)])
        left -= size
    return stories


def write_stories(stories: list[list[Doc]], out_dir: Path, *, layout: str = "jsonl") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, story in enumerate(stories, start=1):
        name = f"story-{n:05d}"
        if layout == "jsonl":
            path = out_dir / f"{name}.jsonl"
            path.write_text("".join(json.dumps(d.record(), ensure_ascii=False) + "\n" for d in story), encoding="utf-8")
        else:
            path = out_dir / name
            path.mkdir(exist_ok=True)
            for d in story:
                head = f"{d.title}\n\n" if d.title else ""
                (path / f"{d.id}.txt").write_text(head + d.text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--min", dest="min_size", type=int, default=3)
    ap.add_argument("--max", dest="max_size", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layout", choices=("jsonl", "folders"), default="jsonl")
    args = ap.parse_args()
    stories = make_stories(args.articles, min_size=args.min_size, max_size=args.max_size, seed=args.seed)
    write_stories(stories, args.out_dir, layout=args.layout)
    words = sum(len(d.text.split()) for s in stories for d in s)
    print(f"{len(stories)} stories, {args.articles} articles, {words:,} words -> {args.out_dir}")


if __name__ == "__main__":
    main()
