"""Story grouping (``newsweave.stories.group_stories``): a stream of mixed articles into stories.

Data, read from ../shared/benchmarks at run time (nothing copied into the repo):

* ``dev``: DUC 2004 task 2 (50 event clusters x 10 newswire articles, from TDT) + the second half of the
  Multi-News test split (clusters 2811-5621, about 7,700 short, lower-cased, truncated articles), gold =
  the cluster. The threshold is chosen here (``--sweep``).
* ``multinews-test``: the first half of the Multi-News test split (clusters 0-2810) as one stream.
* ``ecb-subtopic`` / ``ecb-topic``: ECB+ (982 news documents). Each of its 43 topics holds two different
  events of the same kind (two earthquakes, two celebrity rehab stays): gold = the 86 subtopics (a story
  in our sense: one event), or the 43 topics (a coarser grouping, for reference). ECB+ gives no
  publication dates, so only the words decide.
* ``duc2006-topics``: DUC 2006's 50 topics x 25 articles: broad themes over years ("Native American
  reservations"), not single stories; for reference.
* ``multinews-all``: the whole Multi-News test split (5,622 clusters, 15,444 articles) as one stream: the
  scale test (time, memory); half of it is dev data.

Scores: B-cubed precision / recall / F1 (each article: the share of its predicted story that is in its gold
story, and of its gold story that is in its predicted story), adjusted Rand index, and the number of
stories. Reference systems in the same run: every article alone; single linkage (connected components
of the same similarity graph at the same threshold); k-means on the same TF-IDF vectors **told the gold
number of stories** (an oracle a stream never has).

    python bench/stories.py [--sets dev,ecb-subtopic,ecb-topic,multinews] [--sweep]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DATA = HERE.parent.parent / "shared" / "benchmarks"
OUT = HERE / "results" / "stories.md"

from newsweave.model import Article  # noqa: E402
from newsweave.stories import THRESHOLD, average_linkage, group_stories, similarity_graph  # noqa: E402


def _need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"missing benchmark data: {path}")
    return path


MN_SPLIT = 2811  # Multi-News test clusters below this index are for reporting, from it on for development


def load_duc2004() -> tuple[list[Article], list[str]]:
    arts, gold = [], []
    for line in _need(DATA / "duc2004_task2" / "clusters.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        for d in c["documents"]:
            arts.append(Article(id=f"{c['cluster_id']}-{d['doc_index']}", source="duc2004", text=d["text"]))
            gold.append(f"duc04-{c['cluster_id']}")
    return arts, gold


def load_duc2006() -> tuple[list[Article], list[str]]:
    arts, gold = [], []
    for line in _need(DATA / "duc2006" / "topics.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        for d in c["documents"]:
            arts.append(Article(id=d["doc_id"], source="duc2006", text="\n\n".join(d["paragraphs"]), title=d.get("headline"),
                                published=d.get("date_from_id")))
            gold.append(f"duc06-{c['topic_id']}")
    return arts, gold


def load_dev() -> tuple[list[Article], list[str]]:
    a1, g1 = load_duc2004()
    a2, g2 = load_multinews(lambda i: i >= MN_SPLIT)
    return a1 + a2, g1 + g2


def _ecb_text(path: Path) -> str:
    sentences: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
    lines = []
    for _, toks in sorted(sentences.items()):
        s = " ".join(toks)
        for p in (" ,", " .", " ;", " :", " !", " ?", " 's", " n't", " )", "( "):
            s = s.replace(p, p.strip() if p != "( " else "(")
        lines.append(s)
    return "\n".join(lines)


def load_ecb(level: str) -> tuple[list[Article], list[str]]:
    root = _need(DATA / "ecbplus" / "ECB+")
    arts, gold = [], []
    for topic in sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: int(p.name)):
        for f in sorted(topic.glob("*.xml")):
            sub = "plus" if f.name.endswith("ecbplus.xml") else "ecb"
            arts.append(Article(id=f.stem, source="ecb+", text=_ecb_text(f)))
            gold.append(topic.name if level == "topic" else f"{topic.name}-{sub}")
    return arts, gold


def load_multinews(keep=lambda i: True) -> tuple[list[Article], list[str]]:
    arts, gold = [], []
    for line in _need(DATA / "multinews_test" / "test.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        if not keep(int(c["test_index"])):
            continue
        for i, text in enumerate(c["documents"]):
            if text.strip():
                arts.append(Article(id=f"mn{c['test_index']}-{i + 1}", source="multinews", text=text))
                gold.append(str(c["test_index"]))
    return arts, gold


LOADERS = {
    "dev": load_dev,
    "multinews-test": lambda: load_multinews(lambda i: i < MN_SPLIT),
    "ecb-subtopic": lambda: load_ecb("subtopic"),
    "ecb-topic": lambda: load_ecb("topic"),
    "duc2006-topics": load_duc2006,
    "multinews-all": load_multinews,
}


def bcubed(pred: list, gold: list) -> tuple[float, float, float]:
    pc, gc = Counter(pred), Counter(gold)
    both = Counter(zip(pred, gold))
    p = sum(both[(x, y)] / pc[x] for x, y in zip(pred, gold)) / len(pred)
    r = sum(both[(x, y)] / gc[y] for x, y in zip(pred, gold)) / len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(pred: list, gold: list) -> dict:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(pred, gold)
    return {"P": p, "R": r, "F1": f, "ARI": adjusted_rand_score(gold, pred), "stories": len(set(pred))}


def single_linkage(n: int, graph: dict, threshold: float) -> list[int]:
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, nbrs in graph.items():
        for j, s in nbrs.items():
            if s >= threshold:
                parent[root(i)] = root(j)
    return [root(i) for i in range(n)]


ORACLE_MAX_K = 500  # k-means with thousands of centres takes longer than the rest of the bench together


def kmeans_oracle(X, k: int) -> list[int]:
    from sklearn.cluster import MiniBatchKMeans

    return MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096).fit_predict(X).tolist()


def run_set(name: str, sweep: bool) -> dict:
    arts, gold = LOADERS[name]()
    rows = {}
    t0 = time.perf_counter()
    stories = group_stories(arts)
    seconds = time.perf_counter() - t0
    story_of = {aid: s.id for s in stories for aid in s.articles}
    rows["newsweave (average linkage, leftovers attached)"] = score([story_of[a.id] for a in arts], gold)
    X, _terms, graph = similarity_graph(arts)
    rows["every article alone"] = score(list(range(len(arts))), gold)
    rows["single linkage, same graph and threshold"] = score(single_linkage(len(arts), graph, THRESHOLD), gold)
    if len(set(gold)) <= ORACLE_MAX_K:
        rows["k-means told the gold number of stories (oracle)"] = score(kmeans_oracle(X, len(set(gold))), gold)
    sweep_rows = {}
    if sweep:
        for t in (0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3):
            sweep_rows[t] = score(average_linkage(len(arts), graph, t), gold)
    return {"name": name, "articles": len(arts), "gold": len(set(gold)), "rows": rows, "seconds": seconds, "sweep": sweep_rows}


HISTORY = (
    "How the threshold was chosen, in full: it was first chosen (0.075) on DUC 2004 + DUC 2006. On the whole "
    "Multi-News stream that merged far too much (B-cubed P 0.51, F1 0.61 over 15,444 articles), and DUC 2006's "
    "topics turned out to be multi-year themes rather than stories, so the development set was changed to "
    "DUC 2004 + the second half of Multi-News and the threshold chosen again there: 0.15 (dev F1 0.776, tied "
    "with 0.175; 0.15 keeps DUC 2004's event clusters at F1 0.83 against 0.79). ECB+ and the first half of "
    "Multi-News had been scored at 0.075 and 0.1 before that change, so they are not untouched test data."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(LOADERS))
    ap.add_argument("--sweep", action="store_true", help="also score thresholds 0.075-0.3 (choose on dev only)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    results = []
    for name in args.sets.split(","):
        res = run_set(name.strip(), args.sweep)
        results.append(res)
        print(f"\n{res['name']}: {res['articles']} articles, {res['gold']} gold stories, grouped in {res['seconds']:.1f} s")
        for sys_name, m in res["rows"].items():
            print(f"  {sys_name:52s} P {m['P']:.3f} R {m['R']:.3f} F1 {m['F1']:.3f} ARI {m['ARI']:.3f} stories {m['stories']}")
        for t, m in res["sweep"].items():
            print(f"  threshold {t:<5} P {m['P']:.3f} R {m['R']:.3f} F1 {m['F1']:.3f} ARI {m['ARI']:.3f} stories {m['stories']}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# Story grouping: a stream of mixed articles into stories",
        "",
        f"`python bench/stories.py` on {platform.machine()}, Python {platform.python_version()}; "
        f"threshold {THRESHOLD} (chosen on `dev`; its history below); peak RSS of the whole bench {peak:,.0f} MB. "
        "B-cubed P/R/F1 over articles, adjusted Rand index (ARI), number of stories found.",
        "",
        HISTORY,
        "",
    ]
    for res in results:
        lines += [f"## {res['name']}: {res['articles']:,} articles, {res['gold']:,} gold stories "
                  f"(newsweave grouped them in {res['seconds']:.1f} s)", "",
                  "| system | B-cubed P | B-cubed R | B-cubed F1 | ARI | stories |", "|---|---:|---:|---:|---:|---:|"]
        for sys_name, m in res["rows"].items():
            bold = "**" if sys_name.startswith("newsweave") else ""
            lines.append(f"| {sys_name} | {m['P']:.3f} | {m['R']:.3f} | {bold}{m['F1']:.3f}{bold} | {m['ARI']:.3f} | {m['stories']:,} |")
        if res["sweep"]:
            lines += ["", "Threshold sweep (average linkage):", "", "| threshold | P | R | F1 | ARI | stories |", "|---:|---:|---:|---:|---:|---:|"]
            for t, m in res["sweep"].items():
                lines.append(f"| {t} | {m['P']:.3f} | {m['R']:.3f} | {m['F1']:.3f} | {m['ARI']:.3f} | {m['stories']:,} |")
        lines.append("")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
