"""Bench: answer consolidation on Discord Questions / NAnCo (8 questions, 230 answers from 9-19 outlets each).

For every question, each outlet's answer is made a one-claim article; our alignment groups the answers, and
the groups are scored against the annotators' clusters (``cluster_global``, and each of the three annotators)
with the adjusted Rand index (sklearn) and B-cubed F1 (Bagga & Baldwin: per answer, precision = share of its
predicted group that shares its gold cluster, recall = share of its gold cluster inside its predicted group;
P and R averaged over answers, F1 of the two averages).

Systems (all in one run, on the ``Answer`` text and on the whole ``Paragraph`` the answer was taken from):

* ``ours: pipeline claims``: ``annotate`` -> ``canonicalize`` -> ``attach_slots`` -> claim-level
  ``SentenceIndex`` -> ``align_facts``, exactly as ``newsweave.pipeline.brief`` wires it. Claims come from
  ``extract_claims``, which drops texts under 4 words, so many answers have no claim (they stay singletons;
  a text split into several claims is assigned the group of its first claim).
* ``ours: align_facts, 1 unit/answer``: the same, but every answer is one unit spanning its whole text (so
  nothing is dropped); candidates still come from ``candidate_pairs`` blocking.
* ``ours: same_content, all pairs``: the same unit per answer, with blocking off (every pair is scored with
  ``index.same_content``, the same-day embedding rule and the best-first union of ``align_facts``).
* baselines: all singletons; all in one; plain TF-IDF cosine (sklearn ``TfidfVectorizer``, English stop
  words, fitted per question) with average-link agglomerative clustering at a fixed cosine >= 0.5 (chosen
  before looking at results, not tuned); and MiniLM cosine >= ``EMBEDDING_MIN`` with average linkage (what
  the encoder alone does at our threshold, a diagnostic).
* ceiling: each annotator against ``cluster_global``, and the mean pairwise ARI between the three annotators.

Annotator labels ``-1`` / empty (answer not clustered by that annotator) are scored as singletons.

Reads ``../shared/benchmarks/discord_questions_nanco/nanco_dataset.json`` at run time; writes numbers only
(never benchmark text) to ``bench/results/discord_questions.md``.

    .venv/bin/python bench/discord_questions.py [--out bench/results/discord_questions.md]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "benchmarks" / "discord_questions_nanco" / "nanco_dataset.json"
OUT = REPO / "bench" / "results" / "discord_questions.md"
ANNOTATORS = ("cluster_Phil", "cluster_Lidiya", "cluster_Jason")
TFIDF_COSINE = 0.5


# --- metrics -------------------------------------------------------------------------------------------


def normalize_labels(labels: Sequence) -> list[str]:
    """Cluster ids as strings; missing ids (-1, empty, None) become singletons."""
    out = []
    for i, lab in enumerate(labels):
        s = "" if lab is None else str(lab).strip()
        out.append(f"__single{i}" if s in ("", "-1") else s)
    return out


def bcubed(pred: Sequence, gold: Sequence) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (F1 of the averaged P and R)."""
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    ps, rs = [], []
    for i in range(n):
        same_pred = {j for j in range(n) if pred[j] == pred[i]}
        same_gold = {j for j in range(n) if gold[j] == gold[i]}
        both = len(same_pred & same_gold)
        ps.append(both / len(same_pred))
        rs.append(both / len(same_gold))
    p, r = sum(ps) / n, sum(rs) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(pred: Sequence, gold: Sequence) -> float:
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(list(gold), list(pred)))


# --- building one-claim articles and running our alignment -----------------------------------------------


def build_docs(texts: Sequence[str], prefix: str):
    """Annotated one-answer articles, canonical entities and canonical-name map."""
    from newsweave.annotate import annotate
    from newsweave.annotate.entities import canonicalize
    from newsweave.model import Article

    articles = [Article(id=f"{prefix}-{k}", source="nanco", text=t) for k, t in enumerate(texts)]
    docs = annotate(articles)
    entities = canonicalize([m for d in docs for m in d.entities], {d.article.id: d.article.text for d in docs})
    canonical = {(art, s, e): ent.name for ent in entities for art, s, e in ent.mentions}
    return docs, entities, canonical


def whole_unit(doc):
    """One claim unit spanning the whole (annotated) text of ``doc``."""
    if not doc.sentences:
        return None
    span = (doc.article.id, doc.sentences[0].start, doc.sentences[-1].end)
    return whole_units([doc], [span])[span]


def whole_units(docs, spans) -> dict:
    """One claim unit per ``(article, start, end)`` span: the terms and tokens of the sentences inside it, and
    the predicate of the first extracted claim inside it (if any). ``extract_claims`` would drop texts under
    4 words and split coordinated clauses; these units keep each span whole."""
    from newsweave.model import Claim

    by_id = {d.article.id: d for d in docs}
    out, count = {}, Counter()
    for span in spans:
        art, start, end = span
        d = by_id[art]
        sents = [s for s in d.sentences if start <= s.start and s.end <= end]
        first = next((c for c in d.claims if start <= c.start and c.end <= end), None)
        s0 = sents[0].start if sents else start
        s1 = sents[-1].end if sents else end
        out[span] = Claim(
            article=art, index=count[art], sentence=sents[0].index if sents else 0, start=s0, end=s1,
            text=d.article.text[s0:s1], predicate=first.predicate if first else None,
            negated=first.negated if first else False, modality=first.modality if first else "happened",
            attributed=first.attributed if first else False,
            terms=[t for s in sents for t in s.terms], tokens=[t for s in sents for t in s.tokens],
        )
        count[art] += 1
    return out


def _all_cross_pairs(claims, idf):  # noqa: ARG001 - signature of facts.candidate_pairs
    return {(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims)) if claims[i].article != claims[j].article}


def run_ours(docs, entities, canonical, *, units: str, blocking: bool = True) -> tuple[list[str], dict]:
    """Group labels per document (article order) from ``align_facts``; and stats."""
    import newsweave.align.facts as facts_mod
    from newsweave.align.similarity import SentenceIndex

    if units == "whole":
        for d in docs:
            u = whole_unit(d)
            d.claims = [u] if u is not None else []
    facts_mod.attach_slots(docs, entities)
    claims = [c for d in docs for c in d.claims]
    stats = {"units": len(claims), "with_unit": sum(1 for d in docs if d.claims)}
    if not claims:
        return [f"s{k}" for k in range(len(docs))], stats
    index = SentenceIndex(docs, canonical_names=canonical, units=claims)
    saved = facts_mod.candidate_pairs
    pair_count: list[int] = []

    def counting(cs, idf):
        pairs = (saved if blocking else _all_cross_pairs)(cs, idf)
        pair_count.append(len(pairs))
        return pairs

    facts_mod.candidate_pairs = counting
    try:
        facts = facts_mod.align_facts(docs, index)
    finally:
        facts_mod.candidate_pairs = saved
    stats["candidate_pairs"] = pair_count[0] if pair_count else 0
    if not blocking:  # how many of the pairs same_content accepts would blocking have kept?
        blocked = saved(claims, index.idf)
        linkable = {(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
                    if claims[i].article != claims[j].article and index.same_content(claims[i], claims[j]) > 0}
        stats["linkable"] = len(linkable)
        stats["linkable_blocked_in"] = len(linkable & blocked)
    group_of: dict[str, str] = {}
    for f in facts:
        for c in f.claims:
            group_of.setdefault(c.article, f.id)  # a text split into several claims: its first claim's group
    stats["multi_member_groups"] = sum(1 for f in facts if len(f.claims) > 1)
    return [group_of.get(d.article.id, f"s{k}") for k, d in enumerate(docs)], stats


def tfidf_agglomerative(texts: Sequence[str], min_cosine: float) -> list[int]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        X = TfidfVectorizer(stop_words="english").fit_transform(texts).toarray()
    except ValueError:  # empty vocabulary
        return list(range(len(texts)))
    return _average_link(X, min_cosine)


def _average_link(X, min_cosine: float) -> list[int]:
    """Average-link agglomerative clustering on cosine distance, merging while the mean cosine >= min_cosine."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    X = np.asarray(X, dtype=float)
    if len(X) < 2:
        return [0] * len(X)
    norms = np.linalg.norm(X, axis=1)
    U = X / np.where(norms == 0, 1.0, norms)[:, None]
    D = np.clip(1.0 - U @ U.T, 0.0, 2.0)
    D[norms == 0, :] = D[:, norms == 0] = 1.0  # an empty vector has cosine 0 with everything
    np.fill_diagonal(D, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - min_cosine)
    return [int(x) for x in model.fit_predict(D)]


def embedding_agglomerative(texts: Sequence[str], min_cosine: float) -> list[int]:
    from newsweave.align.embed import get_encoder

    return _average_link(get_encoder().encode(list(texts)), min_cosine)


# --- the run --------------------------------------------------------------------------------------------


def evaluate(items: list[dict], pred_fn: Callable[[int, dict, str], list], field: str) -> dict:
    """Per question ARI and B3 against cluster_global and each annotator."""
    per_q = []
    for qi, q in enumerate(items):
        pred = [str(x) for x in pred_fn(qi, q, field)]
        row = {}
        for g in ("cluster_global", *ANNOTATORS):
            gold = normalize_labels([a[g] for a in q["answers"]])
            p, r, f = bcubed(pred, gold)
            row[g] = {"ari": ari(pred, gold), "b3p": p, "b3r": r, "b3f": f}
        row["n_pred"] = len(set(pred))
        per_q.append(row)
    return {"per_q": per_q}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--fields", default="Answer,Paragraph")
    args = ap.parse_args()
    t0 = time.perf_counter()
    items = json.loads(DATA.read_text(encoding="utf-8"))
    fields = args.fields.split(",")

    from newsweave.align.similarity import EMBEDDING_MIN

    # Annotate once per (question, field); the runs below mutate doc.claims, so rebuild per system.
    cache: dict[tuple[int, str], tuple] = {}

    def fresh(qi: int, field: str):
        if (qi, field) not in cache:
            texts = [a[field] for a in items[qi]["answers"]]
            cache[(qi, field)] = build_docs(texts, f"q{qi}")
        import copy

        return copy.deepcopy(cache[(qi, field)])

    stats: dict[tuple[str, str], list[dict]] = {}

    def ours(units: str, blocking: bool, name: str):
        def fn(qi, q, field):
            docs, ents, canon = fresh(qi, field)
            labels, st = run_ours(docs, ents, canon, units=units, blocking=blocking)
            stats.setdefault((name, field), []).append(st)
            return labels
        return fn

    systems: list[tuple[str, Callable]] = [
        ("ours: pipeline claims (align_facts)", ours("claims", True, "claims")),
        ("ours: align_facts, 1 unit/answer", ours("whole", True, "whole")),
        ("ours: same_content, all pairs", ours("whole", False, "allpairs")),
        ("baseline: all singletons", lambda qi, q, f: list(range(len(q["answers"])))),
        ("baseline: all in one", lambda qi, q, f: [0] * len(q["answers"])),
        (f"baseline: TF-IDF cosine >= {TFIDF_COSINE}, average link",
         lambda qi, q, f: tfidf_agglomerative([a[f] for a in q["answers"]], TFIDF_COSINE)),
        (f"diagnostic: MiniLM cosine >= {EMBEDDING_MIN}, average link",
         lambda qi, q, f: embedding_agglomerative([a[f] for a in q["answers"]], EMBEDDING_MIN)),
    ]
    results: dict[tuple[str, str], dict] = {}
    for field in fields:
        for name, fn in systems:
            results[(name, field)] = evaluate(items, fn, field)
            print(f"{field:9s} {name:55s} ARI {statistics.mean(r['cluster_global']['ari'] for r in results[(name, field)]['per_q']):.3f}"
                  f"  B3F {statistics.mean(r['cluster_global']['b3f'] for r in results[(name, field)]['per_q']):.3f}", flush=True)

    # Ceiling: annotators against the consolidated clusters, and against each other.
    ceiling = []
    for q in items:
        gold = normalize_labels([a["cluster_global"] for a in q["answers"]])
        anns = {g: normalize_labels([a[g] for a in q["answers"]]) for g in ANNOTATORS}
        row = {g: (ari(anns[g], gold), bcubed(anns[g], gold)[2]) for g in ANNOTATORS}
        pair_aris = [ari(anns[x], anns[y]) for i, x in enumerate(ANNOTATORS) for y in ANNOTATORS[i + 1:]]
        row["pairwise_ari"] = statistics.mean(pair_aris)
        ceiling.append(row)

    write(args.out, items, fields, systems, results, stats, ceiling, time.perf_counter() - t0)
    print(f"wrote {args.out}")


def write(out: str, items, fields, systems, results, stats, ceiling, seconds: float) -> None:
    names = [n for n, _ in systems]
    qn = len(items)
    L = ["# Discord Questions / NAnCo: answer consolidation", ""]
    L.append(f"`bench/discord_questions.py` on {platform.machine()}, Python {platform.python_version()}; "
             f"{qn} questions, {sum(len(q['answers']) for q in items)} answers; run time {seconds:.0f} s. "
             "Gold = `cluster_global` unless stated; annotator labels -1/empty scored as singletons. "
             "ARI = sklearn `adjusted_rand_score`; B³ = Bagga-Baldwin, F1 of the answer-averaged P and R. "
             "Every system is deterministic (no tuning on this data).")
    L.append("")
    L.append("Gold clusters per question (`cluster_global`): " + ", ".join(
        f"Q{i + 1} {len(set(a['cluster_global'] for a in q['answers']))}/{len(q['answers'])}" for i, q in enumerate(items))
        + " (clusters/answers).")
    L.append("")
    for field in fields:
        L.append(f"## Text = `{field}`")
        L.append("")
        L.append("Mean over the 8 questions (gold `cluster_global`; then the mean over the three annotators' own clusterings):")
        L.append("")
        L.append("| system | ARI | B³ P | B³ R | B³ F1 | ARI vs annotators (mean of 3) | B³ F1 vs annotators | predicted groups / q |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for n in names:
            pq = results[(n, field)]["per_q"]
            m = lambda g, k: statistics.mean(r[g][k] for r in pq)  # noqa: E731
            ann_ari = statistics.mean(m(g, "ari") for g in ANNOTATORS)
            ann_f = statistics.mean(m(g, "b3f") for g in ANNOTATORS)
            L.append(f"| {n} | {m('cluster_global', 'ari'):.3f} | {m('cluster_global', 'b3p'):.3f} | {m('cluster_global', 'b3r'):.3f} | "
                     f"**{m('cluster_global', 'b3f'):.3f}** | {ann_ari:.3f} | {ann_f:.3f} | {statistics.mean(r['n_pred'] for r in pq):.1f} |")
        L.append("")
        L.append("Per question, ARI / B³ F1 against `cluster_global`:")
        L.append("")
        L.append("| system | " + " | ".join(f"Q{i + 1}" for i in range(qn)) + " | mean |")
        L.append("|---|" + "---:|" * (qn + 1))
        for n in names:
            pq = results[(n, field)]["per_q"]
            cells = [f"{r['cluster_global']['ari']:.2f} / {r['cluster_global']['b3f']:.2f}" for r in pq]
            L.append(f"| {n} | " + " | ".join(cells) + f" | {statistics.mean(r['cluster_global']['ari'] for r in pq):.3f} / "
                     f"{statistics.mean(r['cluster_global']['b3f'] for r in pq):.3f} |")
        L.append("")
        L.append("How much of the data our alignment could see (sums over the 8 questions):")
        L.append("")
        L.append("| system | answers with a unit | units | candidate pairs | linked groups (size ≥ 2) |")
        L.append("|---|---:|---:|---:|---:|")
        st_all = stats.get(("allpairs", field), [])
        for key, label in (("claims", names[0]), ("whole", names[1]), ("allpairs", names[2])):
            st = stats.get((key, field), [])
            L.append(f"| {label} | {sum(s['with_unit'] for s in st)} / {sum(len(q['answers']) for q in items)} | "
                     f"{sum(s['units'] for s in st)} | {sum(s.get('candidate_pairs', 0) for s in st)} | "
                     f"{sum(s.get('multi_member_groups', 0) for s in st)} |")
        L.append("")
        lk, kept = sum(s.get("linkable", 0) for s in st_all), sum(s.get("linkable_blocked_in", 0) for s in st_all)
        L.append(f"Blocking recall: of the {lk} answer pairs that `same_content` accepts (score > 0), `candidate_pairs` "
                 f"keeps {kept} ({kept / max(1, lk):.0%}).")
        L.append("")
    L.append("## Ceiling: the annotators")
    L.append("")
    L.append("| question | " + " | ".join(f"{g.split('_')[1]} vs global ARI / B³ F1" for g in ANNOTATORS) + " | mean pairwise ARI between annotators |")
    L.append("|---|" + "---:|" * (len(ANNOTATORS) + 1))
    for i, row in enumerate(ceiling):
        L.append(f"| Q{i + 1} | " + " | ".join(f"{row[g][0]:.2f} / {row[g][1]:.2f}" for g in ANNOTATORS) + f" | {row['pairwise_ari']:.2f} |")
    L.append("| mean | " + " | ".join(f"{statistics.mean(r[g][0] for r in ceiling):.3f} / {statistics.mean(r[g][1] for r in ceiling):.3f}"
                                     for g in ANNOTATORS) + f" | {statistics.mean(r['pairwise_ari'] for r in ceiling):.3f} |")
    L.append("")
    Path(out).write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
