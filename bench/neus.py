"""NeuS / AllSides (test): our consensus summary of three outlets' excerpts vs the editors' neutral roundup.

For each of the test triples (left / center / right excerpts in random order, about 58 words each) we
brief the three as :class:`newsweave.Article` objects with ``words`` = the reference's length and join the
summary sentences. Reported, beside a lead baseline (the first sentences of the first article, cut to the
same length) scored the same way:

(a) ROUGE-1/2/L F1 (rouge-score, Porter stemming) against ``neutral_reference.text``;
(b) loaded terms (``newsweave.compose.framing.loaded_terms``) per 100 words in our summary, in the lead
    baseline, in the input articles and in the editors' reference. Ours should be lower than the inputs'.

Reads ``../shared/benchmarks/neus_allsides/test.jsonl`` at run time (internal evaluation only).

Usage: ``python bench/neus.py [--limit N]`` -> ``bench/results/neus.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "benchmarks" / "neus_allsides" / "test.jsonl"
OUT = REPO / "bench" / "results" / "neus.md"


def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def lead(text: str, words: int) -> str:
    """The first sentences of ``text`` up to ``words`` words (the last one cut)."""
    sents = re.split(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])", text.strip())
    out: list[str] = []
    n = 0
    for s in sents:
        w = s.split()
        if n + len(w) > words:
            out.append(" ".join(w[: words - n]))
            break
        out.append(s)
        n += len(w)
    return " ".join(x for x in out if x)


def per100(texts: list[str]) -> float:
    from newsweave.compose.framing import loaded_terms

    words = sum(len(t.split()) for t in texts)
    return 100.0 * sum(len(loaded_terms(t)) for t in texts) / max(1, words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N triples")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    import newsweave
    from newsweave import Article

    items = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    if args.limit:
        items = items[: args.limit]
    scorer = _scorer()
    systems = ("newsweave", "lead")
    sums = {s: {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0} for s in systems}
    texts: dict[str, list[str]] = {"newsweave": [], "lead": [], "inputs": [], "reference": []}
    empty = 0
    t0 = time.perf_counter()
    for n, it in enumerate(items, 1):
        ref = it["neutral_reference"]["text"]
        words = len(ref.split())
        arts = [Article(id=f"a{i}", source=f"neus:{it['index']}:{i}", title=a.get("title"), text=a["text"])
                for i, a in enumerate(it["articles_random_order"])]
        b = newsweave.brief(arts, words=words)
        ours = " ".join(s.text for s in b.summary)
        empty += not ours
        base = lead(it["articles_random_order"][0]["text"], words)
        for name, text in (("newsweave", ours), ("lead", base)):
            sc = scorer.score(ref, text)
            for k in sums[name]:
                sums[name][k] += sc[k].fmeasure
        texts["newsweave"].append(ours)
        texts["lead"].append(base)
        texts["inputs"] += [a["text"] for a in it["articles_random_order"]]
        texts["reference"].append(ref)
        if n % 50 == 0:
            print(f"  {n}/{len(items)} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    secs = time.perf_counter() - t0
    m = len(items)
    dens = {k: per100(v) for k, v in texts.items()}
    lines = [
        "# NeuS / AllSides (test): consensus summary vs the editors' neutral roundup",
        "",
        f"Data: `neus_allsides/test.jsonl`, {m} triples (three outlets' excerpts, about 58 words each; "
        "one editor-written neutral reference each, about 66 words). Each system's text is cut to the reference's "
        f"length in words. ROUGE F1 x100, rouge-score with Porter stemming, averaged over triples. Run time {secs:.0f} s"
        f"{' (--limit ' + str(args.limit) + ')' if args.limit else ''}.",
        "",
        "| system | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | loaded terms / 100 words |",
        "|---|---|---|---|---|",
    ]
    label = {"newsweave": "newsweave `brief(words=len(reference))`", "lead": "lead (first sentences of the first article)"}
    for s in systems:
        r = sums[s]
        lines.append(f"| {label[s]} | {100 * r['rouge1'] / m:.2f} | {100 * r['rouge2'] / m:.2f} | "
                     f"{100 * r['rougeL'] / m:.2f} | {dens[s]:.2f} |")
    lines += [
        f"| the three input excerpts | - | - | - | {dens['inputs']:.2f} |",
        f"| editors' neutral reference | - | - | - | {dens['reference']:.2f} |",
        "",
        f"Loaded terms per 100 words: ours {dens['newsweave']:.2f} vs inputs {dens['inputs']:.2f} "
        f"({'lower' if dens['newsweave'] < dens['inputs'] else 'NOT lower'}). Empty summaries: {empty}.",
        "No published anchor was retrieved (the NeuS paper scores generated titles/summaries with its own "
        "arousal lexicon, not reproduced here).",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
