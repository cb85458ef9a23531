"""spaCy's time per component: the shipped pipeline against newsweave's same-output speed-ups.

    .venv/bin/python bench/spacy_speed.py [--articles 1000] [--threads 1] [--out bench/results/spacy_speed.md]

Three configurations of the same model, each in a fresh process over the same articles (cut by
``bench/storygen.py`` from DUC 2004, DUC 2006 and Multi-News, read from ``../shared`` at run time):

* ``shipped``: the model exactly as ``spacy.load`` gives it;
* ``+ memoized ruler and lemmatizer``: ``fast_ruler`` and ``fast_lemmatizer`` (``annotate/nlp.py``);
* ``+ NumPy BLAS``: also thinc's ``NumpyOps(use_blis=False)``: what ``load_nlp()`` gives.

Each process times the tokenizer and every component over the whole corpus (``pipe`` with batches of 256,
the order ``nlp.pipe`` runs them in), after a 10-article warm-up, and dumps every token's tag, dependency
label, head, entity tag and type and lemma; the annotations of each configuration are compared with the
shipped ones token for token. ``--threads`` sets OpenBLAS's threads (1 = what each of two batch workers
on two cores gets). A matrix product of the tok2vec layer's shape is timed with both libraries too.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

CONFIGS = {
    "shipped": "shipped",
    "memo": "+ memoized ruler and lemmatizer",
    "full": "+ NumPy BLAS (what load_nlp() gives)",
}


def _run(config: str, corpus: str, dump: str) -> None:
    from newsweave.annotate import nlp as nlp_module

    nlp = None
    for name in nlp_module.MODEL_PACKAGES:
        try:
            nlp = nlp_module.load_shipped(name)
            break
        except ImportError:
            continue
    if nlp is None:
        sys.exit("no English spaCy model installed (run `make setup`)")
    if config in ("memo", "full"):
        from newsweave.annotate.fast_lemmatizer import speed_up_lemmatizer
        from newsweave.annotate.fast_ruler import speed_up_attribute_ruler

        speed_up_attribute_ruler(nlp)
        speed_up_lemmatizer(nlp)
    if config == "full":
        nlp_module.use_numpy_blas(nlp)
    texts = [json.loads(line)["text"] for path in sorted(Path(corpus).glob("*.jsonl"))
             for line in path.open(encoding="utf-8") if line.strip()]
    list(nlp.pipe(texts[:10]))  # warm-up: lazy initialisation is not what is measured
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=256))
        times[name] = time.perf_counter() - t0
    with open(dump, "wb") as f:
        pickle.dump([[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in d] for d in docs], f)
    print(json.dumps({"times": times, "tokens": sum(len(d) for d in docs), "docs": len(docs),
                      "blas": nlp_module.blas_backend(nlp)}))


def _gemm() -> None:
    import numpy as np
    from thinc.api import NumpyOps

    blis_ops = NumpyOps()
    out = {}
    for n in (50, 300, 2000):
        x = np.random.default_rng(0).random((n, 288), dtype=np.float32)
        w = np.random.default_rng(1).random((288, 288), dtype=np.float32)
        for name, f in (("blis", lambda: blis_ops.gemm(x, w)), ("numpy", lambda: x @ w)):
            f()
            t0 = time.perf_counter()
            for _ in range(200):
                f()
            out[f"{name}-{n}"] = 200 * 2 * n * 288 * 288 / (time.perf_counter() - t0) / 1e9
    print(json.dumps(out))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_run":
        return _run(*sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "_gemm":
        return _gemm()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=1, help="OpenBLAS threads in each measuring process")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "spacy_speed.md")
    args = ap.parse_args()
    from storygen import make_stories, write_stories

    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(args.threads), NEWSWEAVE_CACHE="0")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_stories(make_stories(args.articles), corpus)
        gemm = json.loads(subprocess.run([sys.executable, __file__, "_gemm"], env=env, capture_output=True, text=True,
                                         check=True).stdout.strip().splitlines()[-1])
        print("GFLOP/s", {k: round(v, 1) for k, v in gemm.items()}, flush=True)
        res, dumps = {}, {}
        for config in CONFIGS:
            dumps[config] = Path(tmp) / f"{config}.pkl"
            p = subprocess.run([sys.executable, __file__, "_run", config, str(corpus), str(dumps[config])], env=env,
                               capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"{config} failed: {p.stderr[-2000:]}")
            res[config] = json.loads(p.stdout.strip().splitlines()[-1])
            print(config, {k: round(v, 2) for k, v in res[config]["times"].items()},
                  "total", round(sum(res[config]["times"].values()), 2), flush=True)
        with open(dumps["shipped"], "rb") as f:
            shipped = pickle.load(f)
        for config in CONFIGS:
            with open(dumps[config], "rb") as f:
                other = pickle.load(f)
            res[config]["differing_tokens"] = sum(a != b for x, y in zip(shipped, other) for a, b in zip(x, y)) + \
                sum(abs(len(x) - len(y)) for x, y in zip(shipped, other))
    stages = ["tokenizer"] + [k for k in res["shipped"]["times"] if k != "tokenizer"]
    tokens = res["shipped"]["tokens"]
    lines = ["# spaCy's time per component: shipped pipeline vs newsweave's same-output speed-ups", "",
             f"`bench/spacy_speed.py --articles {args.articles} --threads {args.threads}` on {platform.machine()}, "
             f"{os.cpu_count()} CPUs, Python {platform.python_version()}; {res['shipped']['docs']:,} articles, "
             f"{tokens:,} tokens, one process per configuration, OpenBLAS threads {args.threads}. Seconds over the "
             "whole corpus; the machine is shared, so compare within this table.", "",
             "| configuration | " + " | ".join(stages) + " | total | tokens/s | vs shipped | tokens whose annotations differ from shipped |",
             "|---|" + "---:|" * (len(stages) + 4)]
    base = sum(res["shipped"]["times"].values())
    for config, label in CONFIGS.items():
        t = res[config]["times"]
        total = sum(t.values())
        lines.append(f"| {label} | " + " | ".join(f"{t.get(s, 0):.2f}" for s in stages)
                     + f" | {total:.2f} | {tokens / total:,.0f} | {base / total:.2f}x | {res[config]['differing_tokens']} |")
    lines += ["", "Matrix product of the tok2vec layer's shape (n x 288 by 288 x 288, float32), GFLOP/s:", "",
              "| n | BLIS (thinc default) | NumPy (OpenBLAS) |", "|---:|---:|---:|"]
    for n in (50, 300, 2000):
        lines.append(f"| {n} | {gemm[f'blis-{n}']:.1f} | {gemm[f'numpy-{n}']:.1f} |")
    lines += ["", "Annotations compared: tag, dependency label, head, entity IOB and type, lemma of every token."]
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
