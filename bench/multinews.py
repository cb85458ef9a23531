"""Multi-News (test split, the truncated lower-cased variant in ../shared): ROUGE-1/2/L F1 of newsweave's
summary against sumy's LexRank on the same inputs, in the same run, both at the reference's length in words
(a hard cap: a summary never exceeds it).

    .venv/bin/python bench/multinews.py [--limit 1000] [--offset 0] [--no-write]

Both systems read the same sentences: sumy's document model is built from newsweave's sentence split (sumy's
own splitter needs NLTK punkt data, which cannot be downloaded here), with sumy's English stop words and
Snowball stemmer. LexRank's summary takes sentences by rank while they fit the length, then puts them in
document order. The annotated and aligned stories are cached like bench/tune_summary.py's.
Scores: rouge-score with Porter stemming; ROUGE-L is the sentence-level LCS ("rougeL"). Writes
bench/results/multinews.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# this checkout's newsweave, not the venv's editable install: a bench run from a git worktree measures the
# worktree's code (before, it silently measured the main checkout)
sys.path.insert(0, str(HERE.parent))
DATA = HERE.parent.parent / "shared" / "benchmarks" / "multinews_test" / "test.jsonl"

from tune_summary import story  # noqa: E402


def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


class _Words:
    """sumy's tokenizer interface over a plain word split (sentences come from newsweave)."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> list[str]:
        import re

        return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text)

    @staticmethod
    def to_sentences(text: str) -> list[str]:  # not used: the document model is built from our sentences
        return [text]


def lexrank(docs, words: int) -> str:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    class Ranked(LexRankSummarizer):
        @staticmethod
        def _get_best_sentences(sentences, count, rating, *args, **kwargs):
            return rating

    tok = _Words()
    paragraphs = []
    order = []
    for d in docs:
        sents = [Sentence(s.text, tok) for s in d.sentences if s.kind != "heading" and s.text.strip()]
        if sents:
            paragraphs.append(Paragraph(sents))
            order += sents
    if not order:
        return ""
    summarizer = Ranked(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ratings = summarizer(ObjectDocumentModel(paragraphs), len(order))
    if not ratings:
        return ""
    position = {id(s): i for i, s in enumerate(order)}
    chosen, used = [], 0
    for s in sorted(order, key=lambda s: (-ratings[s], position[id(s)])):
        n = len(str(s).split())
        if used + n <= words:
            chosen.append(s)
            used += n
    return " ".join(str(s) for s in sorted(chosen, key=lambda s: position[id(s)]))


LEXRANK_CACHE = Path("/tmp/newsweave-lexrank-cache")


def cached_lexrank(key: str, docs, words: int) -> str:
    """:func:`lexrank`, kept on disk per cluster, length and the exact sentences it reads (our ingest may
    leave a document out, and a change to the sentence split changes them), so that comparing our
    summarizer's settings does not rerun LexRank each time."""
    import hashlib

    read = "\x1e".join(s.text for d in docs for s in d.sentences if s.kind != "heading" and s.text.strip())
    f = LEXRANK_CACHE / f"{key}-{words}-{hashlib.sha1(read.encode()).hexdigest()[:12]}.txt"
    try:
        return f.read_text()
    except OSError:
        pass
    text = lexrank(docs, words)
    LEXRANK_CACHE.mkdir(parents=True, exist_ok=True)
    f.write_text(text)
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=1000, help="clusters to score (the first N after --offset)")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results/multinews.md")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "multinews.md")
    ap.add_argument("--set", action="append", default=[],
                    help="NAME=VALUE: override a newsweave.compose.summary constant (as in bench/tune_summary.py)")
    args = ap.parse_args()
    if args.set:
        from newsweave.compose import summary as summary_module
        from tune_summary import _convert

        for kv in args.set:
            name, value = kv.split("=", 1)
            setattr(summary_module, name, _convert(summary_module, name, value))
        if not args.no_write:
            sys.exit("--set is for comparing settings: add --no-write")
    if not DATA.exists():
        sys.exit(f"missing benchmark data: {DATA}")

    from newsweave import Article
    from newsweave.compose import summarize

    rows = []
    with DATA.open() as f:
        for n, line in enumerate(f):
            if n < args.offset:
                continue
            if len(rows) >= args.limit:
                break
            rows.append(json.loads(line))

    scorer = _scorer()
    scores: dict[str, list[dict[str, float]]] = {"newsweave": [], "sumy LexRank": []}
    lengths: dict[str, list[int]] = {"newsweave": [], "sumy LexRank": []}
    ref_lengths = []
    skipped = 0
    errors: list[str] = []
    t_ours = 0.0
    t0 = time.perf_counter()
    for k, row in enumerate(rows, start=1):
        arts = [Article(id=f"d{i}", source=f"multinews/{row['test_index']}/{i}", text=t)
                for i, t in enumerate(row["documents"]) if t.strip()]
        ref = row["summary"]
        budget = len(ref.split())
        try:
            docs, _entities, facts, index, extra = (story(f"mn{row['test_index']}", arts) if arts
                                                     else ([], [], [], None, {}))
        except Exception as exc:  # noqa: BLE001 - a cluster our ingest rejects entirely scores 0 for both
            print(f"cluster {row['test_index']}: {exc}", file=sys.stderr)
            errors.append(f"{row['test_index']} ({type(exc).__name__}: {str(exc)[:60]})")
            docs, facts, index, extra = [], [], None, {}
        failed = bool(errors) and errors[-1].startswith(f"{row['test_index']} ")
        if not docs and not failed:
            skipped += 1
        if index is not None:
            index.use_embeddings = False  # citations do not change ROUGE
        t1 = time.perf_counter()
        # (with the reuse and disagreements `brief` gives the summary)
        ours = " ".join(i.text for i in summarize(docs, words=budget, index=index, facts=facts, **extra)) if docs else ""
        t_ours += time.perf_counter() - t1
        theirs = cached_lexrank(f"mn{row['test_index']}", docs, budget) if docs else ""
        ref_lengths.append(budget)
        for name, text in (("newsweave", ours), ("sumy LexRank", theirs)):
            assert len(text.split()) <= budget, (name, row["test_index"])
            s = scorer.score(ref, text)
            scores[name].append({m: 100 * s[m].fmeasure for m in ("rouge1", "rouge2", "rougeL")})
            lengths[name].append(len(text.split()))
        if k % 50 == 0:
            print(f"{k}/{len(rows)}  ours R-2 {statistics.mean(s['rouge2'] for s in scores['newsweave']):.2f}"
                  f"  LexRank R-2 {statistics.mean(s['rouge2'] for s in scores['sumy LexRank']):.2f}"
                  f"  ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - t0

    def mean(name: str, m: str) -> float:
        return statistics.mean(s[m] for s in scores[name])

    ratio = mean("newsweave", "rouge2") / max(1e-9, mean("sumy LexRank", "rouge2"))
    lines = [
        f"# Multi-News test: ROUGE F1 at the reference length ({len(rows)} clusters, test_index "
        f"{args.offset}-{args.offset + len(rows) - 1})",
        "",
        "Input: `../shared/benchmarks/multinews_test/test.jsonl`, the truncated lower-cased variant (about 500 input",
        "words per cluster), so the numbers are not comparable with full-input papers. Each system's summary is",
        f"capped at the reference's length in words (mean {statistics.mean(ref_lengths):.0f}). rouge-score, Porter",
        "stemming, F1 per cluster averaged; ROUGE-L is `rougeL` (LCS over the whole text).",
        "sumy LexRank reads newsweave's sentence split (its own needs NLTK punkt), sumy's English stop words and",
        "Snowball stemmer; sentences by rank while they fit, then in document order.",
        "",
        "| system | ROUGE-1 F | ROUGE-2 F | ROUGE-L F | mean words |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in ("sumy LexRank", "newsweave"):
        bold = "**" if name == "newsweave" else ""
        lines.append(f"| {bold}{name}{bold} | {mean(name, 'rouge1'):.2f} | {mean(name, 'rouge2'):.2f} | "
                     f"{mean(name, 'rougeL'):.2f} | {statistics.mean(lengths[name]):.0f} |")
    lines += [
        "",
        f"newsweave / LexRank ROUGE-2: **{ratio:.3f}** (target >= 1.15).",
        "",
        f"Clusters with no usable article (scored 0 for both): {skipped}. Clusters where the pipeline raised before "
        f"compose (scored 0 for both): {len(errors)}" + (f", e.g. {'; '.join(errors[:3])}" if errors else "") + f". Time: {elapsed:.0f} s in all "
        f"(ingest, annotation and alignment cached across runs); newsweave's summarize: {t_ours:.1f} s.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
