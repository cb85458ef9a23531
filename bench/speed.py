"""Speed and memory of newsweave, measured side by side with a bare spaCy floor and sumy's LexRank.

    .venv/bin/python bench/speed.py [--sizes 100,1000] [--jobs 2] [--repeat 3] [--skip-sumy] [--out bench/results/speed.md]

Measures, each in fresh subprocesses (so model loading and imports count where they should):

* **import**: ``import newsweave`` and ``newsweave --help`` (and that neither imports spaCy, sklearn or trafilatura);
* **cold**: process start to a written briefing of a 5-article story (``newsweave brief ... -o x.json``), median of ``--repeat``;
* **warm**: a further brief of the same story in the same process, median of 5: with the default settings
  (the annotation and sentence-vector cache on, i.e. a re-brief of unchanged articles), and with the cache
  off (every article parsed and every sentence encoded again), beside spaCy alone over the same texts;
* **throughput**: ``newsweave batch --jobs J`` over corpora of each size (stories of 3 to 25 articles, built
  by ``bench/storygen.py`` from DUC 2004, DUC 2006 and Multi-News at run time): wall time, articles/s, peak
  RSS of the whole process tree (sampled every 0.2 s from /proc), and the per-stage time from ``Timings``;
* **floor**: a bare ``nlp.pipe`` over the same texts (same model, ``n_process=J``, same process-tree RSS
  sampling), and the ratio ours / floor. Two floors: the model **as shipped** (``spacy.load``, what "bare
  spaCy" gives anyone; the target's floor), and **ours**, the same model with newsweave's same-output
  speed-ups (``load_nlp()``: the part of our time that is spaCy's);
* **sumy LexRank** over the same stories in one process (its sentence splitter and tokenizer replaced by a
  regex splitter, since NLTK's punkt data cannot be downloaded here).

The annotation cache is pointed at a fresh temporary folder in every run, so nothing is served from an
earlier run. Writes the table to ``bench/results/speed.md``. Timings on a shared machine are noisy:
medians, and ratios taken within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
# this checkout's newsweave, not the venv's editable install: a bench run from a git worktree measures the
# worktree's code (before, it silently measured the main checkout)
sys.path.insert(0, str(HERE.parent))
PY = sys.executable
CLI = str(Path(PY).with_name("newsweave"))
HEAVY = ("spacy", "sklearn", "trafilatura", "thinc", "scipy")
STAGES = ("ingest", "annotate", "align", "compose", "render")


# --- measuring a process tree -----------------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> tuple[int, int]:
    """RSS and PSS summed over ``pid`` and its descendants (RSS counts pages shared between the workers once
    per process; PSS splits them, so it is the memory the tree really takes)."""
    kids = _children_map()
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        rss += _rss(p)
        pss += _pss(p)
        stack.extend(kids.get(p, ()))
    return rss, pss


def run_measured(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None, timeout: float | None = None) -> dict:
    """Wall time, peak RSS of the process tree, exit code and output of ``cmd``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    out_chunks: list[str] = []
    import threading

    def drain(stream, sink):
        for line in stream:
            sink.append(line)

    err_chunks: list[str] = []
    threads = [threading.Thread(target=drain, args=(proc.stdout, out_chunks), daemon=True),
               threading.Thread(target=drain, args=(proc.stderr, err_chunks), daemon=True)]
    for t in threads:
        t.start()
    while proc.poll() is None:
        rss, pss = tree_rss(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        if timeout and time.perf_counter() - t0 > timeout:
            proc.kill()
            break
        time.sleep(0.2)
    proc.wait()
    seconds = time.perf_counter() - t0
    for t in threads:
        t.join(timeout=5)
    return {"seconds": seconds, "peak_rss": peak, "peak_pss": peak_pss, "rc": proc.returncode, "stdout": "".join(out_chunks), "stderr": "".join(err_chunks)}


def bench_env(cache_dir: Path, cache: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env["NEWSWEAVE_CACHE_DIR"] = str(cache_dir)
    env["NEWSWEAVE_CACHE"] = "1" if cache else "0"
    env.setdefault("PYTHONHASHSEED", "0")
    return env


# --- helpers run in subprocesses (python bench/speed.py _floor ... etc.) --------------------------------


def _texts(stories_dir: Path) -> list[str]:
    texts = []
    for path in sorted(stories_dir.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _floor(stories_dir: str, n_process: str) -> None:
    t0 = time.perf_counter()
    from newsweave.annotate.nlp import load_nlp

    nlp = load_nlp()
    t_load = time.perf_counter() - t0
    texts = _texts(Path(stories_dir))
    t1 = time.perf_counter()
    n = 0
    for _doc in nlp.pipe(texts, batch_size=16, n_process=int(n_process)):
        n += 1
    print(json.dumps({"load": t_load, "pipe": time.perf_counter() - t1, "docs": n,
                      "words": sum(len(t.split()) for t in texts)}))


_SENT_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


class RegexTokenizer:
    """Stands in for sumy's NLTK tokenizer (punkt data cannot be downloaded here)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s.strip() for s in _SENT_RE.split(paragraph) if s and s.strip()]

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD_RE.findall(sentence))


def _sumy(stories_dir: str, words: str) -> None:
    t0 = time.perf_counter()
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tok = RegexTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    t_import = time.perf_counter() - t0
    per_story, n_articles = [], 0
    for path in sorted(Path(stories_dir).glob("*.jsonl")):
        s0 = time.perf_counter()
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
        n_articles += len(texts)
        paragraphs = []
        for text in texts:
            for para in re.split(r"\n\s*\n", text):
                sents = tuple(Sentence(s, tok) for s in tok.to_sentences(para))
                if sents:
                    paragraphs.append(Paragraph(sents))
        doc = ObjectDocumentModel(tuple(paragraphs))
        ranked = summarizer(doc, 12)
        budget, chosen = int(words), []
        for s in ranked:
            n = len(str(s).split())
            if n <= budget:
                chosen.append(str(s))
                budget -= n
        per_story.append(time.perf_counter() - s0)
    print(json.dumps({"import": t_import, "seconds": sum(per_story), "stories": len(per_story), "articles": n_articles,
                      "median_story": statistics.median(per_story) if per_story else 0.0,
                      "max_story": max(per_story) if per_story else 0.0}))


def _warm(story: str, runs: str) -> None:
    import inspect

    t0 = time.perf_counter()
    from newsweave.pipeline import Timings, brief
    from newsweave.render import render

    first_t = time.perf_counter()
    brief([story])
    first = time.perf_counter() - first_t
    times, stages = [], []
    for _ in range(int(runs)):
        tm = Timings()
        s = time.perf_counter()
        b = brief([story], timings=tm)
        r = time.perf_counter()
        for fmt in ("json", "md", "html"):
            render(b, fmt)
        tm.seconds["render"] = time.perf_counter() - r
        times.append(time.perf_counter() - s)
        stages.append(tm.seconds)
    from newsweave.annotate import annotate
    from newsweave.annotate.nlp import load_nlp

    hooked = "cache" in inspect.signature(annotate).parameters
    med = {k: statistics.median(st.get(k, 0.0) for st in stages) for k in STAGES}
    # the floor of a brief that parses every article again: spaCy alone over the same texts
    texts = [a.text for a in b.articles]
    nlp = load_nlp()
    spacy_times = []
    for _ in range(int(runs)):
        s = time.perf_counter()
        list(nlp.pipe(texts))
        spacy_times.append(time.perf_counter() - s)
    print(json.dumps({"first": first, "import": first_t - t0, "median": statistics.median(times), "times": times,
                      "stages": med, "cache_hooked": hooked, "spacy_alone": statistics.median(spacy_times),
                      "words": sum(len(t.split()) for t in texts)}))


def _import_check(which: str) -> None:
    if which == "help":
        sys.argv = ["newsweave", "--help"]
        from newsweave.cli import main

        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            try:
                main()
            except SystemExit:
                pass
    else:
        import newsweave  # noqa: F401
    print(json.dumps(sorted(m for m in HEAVY if m in sys.modules)))


# --- the benchmark ------------------------------------------------------------------------------------


def fmt_mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        {"_floor": _floor, "_sumy": _sumy, "_warm": _warm, "_import": _import_check}[sys.argv[1]](*sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000", help="corpus sizes in articles, comma-separated (e.g. 100,1000,10000)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the cold start (median)")
    ap.add_argument("--warm-runs", type=int, default=5)
    ap.add_argument("--words", type=int, default=120)
    ap.add_argument("--skip-sumy", action="store_true")
    ap.add_argument("--sumy-max", type=int, default=None, help="run sumy only for corpora of at most this many articles")
    ap.add_argument("--skip-floor", action="store_true")
    ap.add_argument("--skip-cold", action="store_true", help="skip import, cold and warm (only throughput)")
    ap.add_argument("--timeout", type=float, default=4 * 3600)
    ap.add_argument("--keep", type=Path, default=None, help="keep corpora and outputs in this folder")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "speed.md")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    from storygen import make_stories, write_stories

    work = args.keep or Path(tempfile.mkdtemp(prefix="newsweave-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"sizes": {}, "jobs": args.jobs, "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"}
    try:
        with open("/proc/loadavg") as f:
            results["load_before"] = f.read().split()[:3]
    except OSError:
        pass
    t_start = time.perf_counter()

    if not args.skip_cold:
        # import cost
        for which in ("import", "help"):
            times, heavy = [], []
            for _ in range(args.repeat):
                r = run_measured([PY, __file__, "_import", which], env=bench_env(work / "cache-import"))
                times.append(r["seconds"])
                heavy = json.loads(r["stdout"] or "[]")
            results[f"import_{which}"] = {"median": statistics.median(times), "heavy": heavy}
            print(f"{which:>7}: {statistics.median(times):.2f} s, heavy modules imported: {heavy or 'none'}", flush=True)

        story_dir = work / "five"
        story_dir.mkdir(exist_ok=True)
        (story,) = write_stories(make_stories(5, min_size=5, max_size=5, sources=("duc2004",)), story_dir)
        cold = []
        for i in range(args.repeat):
            out = work / f"cold-{i}.json"
            r = run_measured([CLI, "brief", str(story), "-o", str(out), "-q"], env=bench_env(work / f"cache-cold-{i}"))
            if r["rc"] != 0 or not out.exists():
                sys.exit(f"cold run failed: {r['stderr'][-2000:]}")
            cold.append((r["seconds"], r["peak_rss"]))
        results["cold"] = {"median": statistics.median(c[0] for c in cold), "runs": [c[0] for c in cold],
                           "peak_rss": max(c[1] for c in cold)}
        print(f"   cold: {results['cold']['median']:.2f} s (runs {', '.join(f'{c[0]:.2f}' for c in cold)}), peak {fmt_mb(results['cold']['peak_rss'])}", flush=True)
        for label, cache in (("warm", False), ("warm_cached", True)):
            r = run_measured([PY, __file__, "_warm", str(story), str(args.warm_runs)], env=bench_env(work / f"cache-{label}", cache=cache))
            if r["rc"] != 0:
                sys.exit(f"warm run failed: {r['stderr'][-2000:]}")
            results[label] = json.loads(r["stdout"].strip().splitlines()[-1])
            w = results[label]
            print(f"{label:>11}: median {w['median']:.3f} s over {args.warm_runs} (first brief in process {w['first']:.2f} s; "
                  f"cache hooked into annotate: {w['cache_hooked']})", flush=True)

    for size in sizes:
        corpus = work / f"corpus-{size}"
        if not corpus.exists():
            write_stories(make_stories(size), corpus)
        n_stories = len(list(corpus.glob("*.jsonl")))
        words = sum(len(t.split()) for t in _texts(corpus))
        row: dict = {"articles": size, "stories": n_stories, "words": words}
        out = work / f"out-{size}"
        if out.exists():
            import shutil

            shutil.rmtree(out)
        print(f"[{size}] batch of {n_stories} stories, {words:,} words, --jobs {args.jobs} ...", flush=True)
        r = run_measured([CLI, "batch", str(corpus), "-o", str(out), "--jobs", str(args.jobs), "-q", "--words", str(args.words)],
                         env=bench_env(work / f"cache-batch-{size}"), timeout=args.timeout)
        index = json.loads((out / "index.json").read_text()) if (out / "index.json").exists() else {"stories": []}
        stage = {k: sum(s["timings"].get(k, 0.0) for s in index["stories"]) for k in STAGES}
        used = sum(s["articles"] for s in index["stories"])
        row["ours"] = {"seconds": r["seconds"], "peak_rss": r["peak_rss"], "peak_pss": r["peak_pss"], "rc": r["rc"], "ok": index.get("ok"), "failed": index.get("failed"),
                       "used_articles": used, "stages": stage}
        print(f"[{size}] ours: {r['seconds']:.1f} s, {size / r['seconds']:.2f} articles/s, peak RSS {fmt_mb(r['peak_rss'])} "
              f"(PSS {fmt_mb(r['peak_pss'])}), "
              f"ok {index.get('ok')} failed {index.get('failed')}", flush=True)
        for key, stock in (("floor", "1"), ("floor_ours", "0")) if not args.skip_floor else ():
            # the floor's processes get the same share of OpenBLAS threads as batch workers (newsweave/batch.py)
            floor_env = bench_env(work / "cache-floor")
            floor_env.setdefault("OPENBLAS_NUM_THREADS", str(max(1, len(os.sched_getaffinity(0)) // args.jobs)))
            floor_env["NEWSWEAVE_SPACY_STOCK"] = stock
            r = run_measured([PY, __file__, "_floor", str(corpus), str(args.jobs)], env=floor_env, timeout=args.timeout)
            info = json.loads(r["stdout"].strip().splitlines()[-1]) if r["rc"] == 0 else {}
            row[key] = {"seconds": r["seconds"], "peak_rss": r["peak_rss"], "peak_pss": r["peak_pss"], **info}
            print(f"[{size}] {key} ({'shipped' if stock == '1' else 'ours'}): {r['seconds']:.1f} s "
                  f"(pipe {info.get('pipe', float('nan')):.1f} s), peak {fmt_mb(r['peak_rss'])}", flush=True)
        if not args.skip_sumy and (args.sumy_max is None or size <= args.sumy_max):
            r = run_measured([PY, __file__, "_sumy", str(corpus), str(args.words)], env=bench_env(work / "cache-sumy"), timeout=args.timeout)
            if r["rc"] == 0:
                info = json.loads(r["stdout"].strip().splitlines()[-1])
                row["sumy"] = {"wall": r["seconds"], "peak_rss": r["peak_rss"], **info}
                print(f"[{size}] sumy LexRank: {r['seconds']:.1f} s wall, {info['seconds']:.1f} s summarizing, peak {fmt_mb(r['peak_rss'])}", flush=True)
            else:
                row["sumy"] = {"error": r["stderr"][-500:]}
                print(f"[{size}] sumy failed: {r['stderr'][-500:]}", flush=True)
        results["sizes"][size] = row
    results["total_seconds"] = time.perf_counter() - t_start
    try:
        with open("/proc/loadavg") as f:
            results["load_after"] = f.read().split()[:3]
    except OSError:
        pass
    report = render_md(results)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out}")


def _ok(flag: bool) -> str:
    return "yes" if flag else "**no**"


def render_md(res: dict) -> str:
    j = res["jobs"]
    lines = ["# Speed and memory", "",
             f"`bench/speed.py` on {res['machine']} (shared with other work: load average {' '.join(res.get('load_before', []))} "
             f"before, {' '.join(res.get('load_after', []))} after). Batch runs use `--jobs {j}`; the annotation cache "
             f"points at a fresh folder in every run. Total bench time {res.get('total_seconds', 0) / 60:.1f} min.", ""]
    if "cold" in res:
        w, wc = res["warm"], res["warm_cached"]
        lines += ["## Start-up and single story (5 DUC 2004 articles)", "",
                  "| measure | result | target | met |", "|---|---:|---:|:--:|",
                  f"| `import newsweave` | {res['import_import']['median']:.2f} s (imports {', '.join(res['import_import']['heavy']) or 'none of spaCy/sklearn/trafilatura'}) | | |",
                  f"| `newsweave --help` | {res['import_help']['median']:.2f} s (imports {', '.join(res['import_help']['heavy']) or 'none of spaCy/sklearn/trafilatura'}) | | |",
                  f"| cold: process start to written briefing (median of {len(res['cold']['runs'])}) | {res['cold']['median']:.2f} s "
                  f"(runs {', '.join(f'{x:.2f}' for x in res['cold']['runs'])}; peak RSS {fmt_mb(res['cold']['peak_rss'])}) | ≤ 5 s | {_ok(res['cold']['median'] <= 5)} |",
                  f"| warm: a re-brief of the story in the same process, default settings (annotation and sentence-vector cache on; median of {len(wc['times'])}) | {wc['median']:.3f} s | ≤ 0.5 s | {_ok(wc['median'] <= 0.5)} |",
                  f"| warm with the cache off: every article parsed and every sentence encoded again (median of {len(w['times'])}) | {w['median']:.3f} s | ≤ 0.5 s | {_ok(w['median'] <= 0.5)} |",
                  f"| spaCy alone (`nlp.pipe`) over the same {w.get('words', 0):,} words: the floor of a brief with the cache off | {w.get('spacy_alone', 0):.3f} s | | |",
                  f"| first brief in a fresh process (imports + model load + brief) | {w['first']:.2f} s | | |", "",
                  "Warm brief by stage (median, s), cache off: " + ", ".join(f"{k} {w['stages'].get(k, 0):.3f}" for k in STAGES)
                  + "; re-brief with the cache: " + ", ".join(f"{k} {wc['stages'].get(k, 0):.3f}" for k in STAGES) + ".", ""]
    if res["sizes"]:
        lines += ["## Throughput (batch mode)", "",
                  f"| articles | stories | words | ours: time | ours: articles/s | ours: peak RSS | floor, spaCy as shipped (bare `nlp.pipe`, n_process={j}): time | floor: peak RSS | ours / floor | floor, our sped-up spaCy: time | ours / that floor | sumy LexRank (1 process): time | sumy: articles/s |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for size, row in res["sizes"].items():
            o, fl, fo, su = row["ours"], row.get("floor", {}), row.get("floor_ours", {}), row.get("sumy", {})
            ratio = f"{o['seconds'] / fl['seconds']:.2f}" if fl.get("seconds") else "–"
            ratio_ours = f"{o['seconds'] / fo['seconds']:.2f}" if fo.get("seconds") else "–"
            lines.append(
                f"| {int(size):,} | {row['stories']} | {row['words']:,} | {o['seconds']:.1f} s | {int(size) / o['seconds']:.2f} | {fmt_mb(o['peak_rss'])} | "
                + (f"{fl['seconds']:.1f} s (pipe {fl.get('pipe', 0):.1f} s) | {fmt_mb(fl['peak_rss'])} | {ratio} | " if fl else "– | – | – | ")
                + (f"{fo['seconds']:.1f} s (pipe {fo.get('pipe', 0):.1f} s) | {ratio_ours} | " if fo else "– | – | ")
                + (f"{su['wall']:.1f} s | {int(size) / su['wall']:.1f} |" if "wall" in su else "– | – |")
            )
        lines += ["", "Per article and per word (does time grow linearly?):", "",
                  "| articles | ours: ms/article | ours: ms/1k words | ours: peak RSS | ours: peak PSS | floor: peak PSS | failed stories |", "|---:|---:|---:|---:|---:|---:|---:|"]
        for size, row in res["sizes"].items():
            o = row["ours"]
            lines.append(f"| {int(size):,} | {1000 * o['seconds'] / int(size):.0f} | {1e6 * o['seconds'] / row['words']:.0f} | "
                         f"{fmt_mb(o['peak_rss'])} | {fmt_mb(o.get('peak_pss', 0))} | {fmt_mb(row.get('floor', {}).get('peak_pss', 0))} | {o.get('failed')} |")
        lines += ["", "Time by stage, summed over the stories of each corpus (seconds of worker time; shares of the total):", "",
                  "| articles | " + " | ".join(STAGES) + " |", "|---:|" + "---:|" * len(STAGES)]
        for size, row in res["sizes"].items():
            st = row["ours"]["stages"]
            tot = sum(st.values()) or 1.0
            lines.append(f"| {int(size):,} | " + " | ".join(f"{st[k]:.1f} ({100 * st[k] / tot:.0f} %)" for k in STAGES) + " |")
        biggest = max(res["sizes"].values(), key=lambda r: r["articles"])
        o = biggest["ours"]
        rate = biggest["articles"] / o["seconds"]
        lines += ["", "Targets at the largest size measured "
                  f"({biggest['articles']:,} articles): batch ≥ 20 articles/s on 2 cores: {rate:.2f}, {_ok(rate >= 20)}; "
                  + (f"ours / floor (spaCy as shipped) ≤ 2.0: {o['seconds'] / biggest['floor']['seconds']:.2f}, {_ok(o['seconds'] / biggest['floor']['seconds'] <= 2.0)}; "
                     if biggest.get("floor", {}).get("seconds") else "")
                  + (f"against our sped-up spaCy it is {o['seconds'] / biggest['floor_ours']['seconds']:.2f}; "
                     if biggest.get("floor_ours", {}).get("seconds") else "")
                  + f"peak memory ≤ 1.5 GB (the target is at 10,000 articles): RSS {fmt_mb(o['peak_rss'])}, {_ok(o['peak_rss'] <= 1.5e9)}; "
                  f"PSS {fmt_mb(o.get('peak_pss', 0))}, {_ok(o.get('peak_pss', 0) <= 1.5e9)}.", ""]
    lines += ["Sources: stories of 3 to 25 articles cut by `bench/storygen.py` from DUC 2004 task 2, DUC 2006 and the "
              "Multi-News test split, read from `../shared/benchmarks` at run time (about 90 % of the documents are "
              "Multi-News's short, truncated, lower-cased articles). sumy runs LexRank with its own stemmer and stop words "
              "but a regex sentence splitter and tokenizer (NLTK's punkt data cannot be downloaded here), 12 ranked "
              "sentences cut to the same word budget. Two floors, both in processes given the same share of OpenBLAS "
              "threads as the batch workers: the model as shipped (`spacy.load`, what bare spaCy gives anyone), and "
              "the pipeline `load_nlp()` gives, the one newsweave annotates with: the shipped model with same-output "
              "speed-ups (memoized attribute ruler and lemmatizer, NumPy's BLAS; `bench/results/spacy_speed.md`). "
              "Until 2026-12-01 the floor was the latter with only the attribute-ruler speed-up.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
