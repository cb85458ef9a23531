"""TempEval-3 style TIMEX3 benchmark for ``newsweave.tag_dates``.

Corpora (read from ../shared at run time, never copied into the repo):

* ``platinum``  -- TE3-Platinum test (20 docs). The system reads ``te3-platinum-input/*.TE3input``
  (raw TEXT + given DCT) and is scored against ``te3-platinum/*.tml``. Report only, never tune.
* ``tbaq``      -- TBAQ-cleaned (TimeBank + AQUAINT), the TE3 training data (development set).
* ``timebank`` / ``aquaint`` -- the two halves of ``tbaq``.
* ``meantime``  -- MEANTIME English (Wikinews, CAT XML), converted to text + TIMEX3 spans (development).

Protocol (after the official TE3 entity scorer, see ../shared/benchmarks/README.md "tempeval3"):
the DCT is excluded; strict = identical character span; relaxed = the spans share at least one token
(here: at least one overlapping non-space character); P counts system timexes that match some gold
timex, R counts gold timexes matched by some system timex; value F1 = (relaxed matches with an
exactly equal value string / relaxed matches) x relaxed F1, type F1 likewise on ``type``.

Usage::

    python bench/tempeval3.py --corpus platinum          # prints table, writes bench/results/tempeval3.md
    python bench/tempeval3.py --corpus tbaq --errors 40  # dev set with an error listing
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "benchmarks"
TE3 = SHARED / "tempeval3"
MEANTIME = SHARED / "meantime-en" / "intra_cross-doc_annotation"
MEANTIME_LAST_SENT = 5
RESULTS = REPO / "bench" / "results" / "tempeval3.md"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# HeidelTime anchors (HeidelTime wiki "EvaluationResults", see ../shared/benchmarks/README.md).
HEIDELTIME = {
    "platinum": {"strict_f1": 81.34, "relaxed_f1": 90.30, "value_f1": 77.61, "type_f1": 82.09,
                 "strict_p": 83.85, "strict_r": 78.99, "relaxed_p": 93.08, "relaxed_r": 87.68},
    "timebank": {"strict_f1": 84.91, "relaxed_f1": 91.57, "value_f1": 79.24},
    "aquaint": {"strict_f1": 80.99, "relaxed_f1": 91.78, "value_f1": 72.95},
}


@dataclass
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: str
    gold: list[Span]
    exclude: list[tuple[int, int]] = field(default_factory=list)  # regions never scored (DCT line)


# --------------------------------------------------------------------------- TimeML reading

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')


def _unescape(s: str) -> str:
    return html.unescape(s)


def parse_timeml_text(inner: str) -> tuple[str, list[Span]]:
    """Strip tags from the inline-annotated TEXT body; return plain text and TIMEX3 spans."""
    out: list[str] = []
    pos = 0
    spans: list[Span] = []
    stack: list[tuple[int, dict]] = []
    length = 0
    for m in _TAG.finditer(inner):
        chunk = _unescape(inner[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            attrs = dict(_ATTR.findall(m.group(3)))
            if m.group(4):  # empty TIMEX3 (no extent) is not scorable
                continue
            stack.append((length, attrs))
        elif stack:
            start, attrs = stack.pop()
            spans.append(Span(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    out.append(_unescape(inner[pos:]))
    text = "".join(out)
    for s in spans:
        s.text = text[s.start:s.end]
    return text, spans


def _text_body(raw: str) -> str:
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not m:
        raise ValueError("no <TEXT>")
    return m.group(1)


def _dct(raw: str) -> str:
    m = re.search(r"<DCT>\s*<TIMEX3[^>]*?value=\"([^\"]+)\"", raw)
    return m.group(1) if m else ""


def load_tml(path: Path, input_path: Path | None = None) -> Doc:
    raw = path.read_text(encoding="utf-8")
    text, gold = parse_timeml_text(_text_body(raw))
    dct = _dct(raw)
    if input_path is not None:
        raw_in = input_path.read_text(encoding="utf-8")
        text_in, _ = parse_timeml_text(_text_body(raw_in))
        dct = _dct(raw_in) or dct
        if text_in != text:
            raise ValueError(f"text mismatch between {path.name} and {input_path.name}")
        text = text_in
    for g in gold:
        assert text[g.start:g.end] == g.text
    return Doc(path.stem, text, dct, gold)


def load_platinum() -> list[Doc]:
    docs = []
    gold_dir, in_dir = TE3 / "te3-platinum", TE3 / "te3-platinum-input"
    inputs = {p.name.split(".")[0].lower().replace("sarkozy", "sarcozy"): p for p in in_dir.glob("*.TE3input")}
    for path in sorted(gold_dir.glob("*.tml")):
        inp = inputs.get(path.stem.lower())
        if inp is None:
            raise FileNotFoundError(f"no TE3input for {path.name}")
        docs.append(load_tml(path, inp))
    return docs


def load_tbaq(part: str | None = None) -> list[Doc]:
    parts = [part] if part else ["TimeBank", "AQUAINT"]
    return [load_tml(p) for sub in parts for p in sorted((TE3 / "TBAQ-cleaned" / sub).glob("*.tml"))]


# --------------------------------------------------------------------------- MEANTIME reading

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def load_meantime_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    prev_sent = None
    prev_tok = None
    for tok in tokens:
        t = tok.text or ""
        sent = tok.get("sentence")
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif t in _NO_SPACE_BEFORE or t.lower() in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        length += len(sep)
        offsets[tok.get("t_id")] = (length, length + len(t))
        pieces.append(t)
        length += len(t)
        prev_sent, prev_tok = sent, t
    text = "".join(pieces)
    # MEANTIME annotates TIMEX3 only in the title, the date line and the first four body sentences
    # (sentence numbers 0-5); anything we tag later in the article cannot be scored.
    limit = max((offsets[t.get("t_id")][1] for t in tokens if int(t.get("sentence", 0)) <= MEANTIME_LAST_SENT), default=0)
    gold: list[Span] = []
    dct = ""
    exclude = []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.findall("token_anchor")]
        if not ids:
            continue
        start = min(offsets[i][0] for i in ids)
        end = max(offsets[i][1] for i in ids)
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value", "")
            exclude.append((start, end))
            continue
        gold.append(Span(start, end, text[start:end], tx.get("type", ""), tx.get("value", "")))
    gold.sort(key=lambda s: s.start)
    exclude.append((limit, len(text) + 1))
    return Doc(path.stem, text, dct, gold, exclude)


def load_meantime() -> list[Doc]:
    return [load_meantime_doc(p) for p in sorted(MEANTIME.glob("corpus_*/*.xml"))]


def load_corpus(name: str) -> list[Doc]:
    if name == "platinum":
        return load_platinum()
    if name == "tbaq":
        return load_tbaq()
    if name == "timebank":
        return load_tbaq("TimeBank")
    if name == "aquaint":
        return load_tbaq("AQUAINT")
    if name == "meantime":
        return load_meantime()
    raise ValueError(name)


# --------------------------------------------------------------------------- scoring


def _overlap(a: Span, b: Span, text: str) -> bool:
    lo, hi = max(a.start, b.start), min(a.end, b.end)
    return lo < hi and text[lo:hi].strip() != ""


@dataclass
class Counts:
    n_sys: int = 0
    n_gold: int = 0
    strict_p: int = 0  # system spans with an identical gold span
    strict_r: int = 0
    relaxed_p: int = 0  # system spans overlapping some gold span
    relaxed_r: int = 0  # gold spans overlapping some system span
    value_ok: int = 0  # among gold-side relaxed matches
    type_ok: int = 0
    errors: list = field(default_factory=list)

    def add(self, other: "Counts") -> None:
        for k in ("n_sys", "n_gold", "strict_p", "strict_r", "relaxed_p", "relaxed_r", "value_ok", "type_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)


def score_doc(text: str, gold: list[Span], system: list[Span], name: str = "") -> Counts:
    c = Counts(n_sys=len(system), n_gold=len(gold))
    gold_spans = {(g.start, g.end) for g in gold}
    sys_spans = {(s.start, s.end) for s in system}
    for s in system:
        if (s.start, s.end) in gold_spans:
            c.strict_p += 1
        if any(_overlap(s, g, text) for g in gold):
            c.relaxed_p += 1
        else:
            c.errors.append(("spurious", name, s, None))
    for g in gold:
        if (g.start, g.end) in sys_spans:
            c.strict_r += 1
        cands = [s for s in system if _overlap(s, g, text)]
        if not cands:
            c.errors.append(("missed", name, None, g))
            continue
        c.relaxed_r += 1
        # the best partner: identical span first, then the largest overlap
        best = max(cands, key=lambda s: ((s.start, s.end) == (g.start, g.end), min(s.end, g.end) - max(s.start, g.start)))
        if best.value == g.value:
            c.value_ok += 1
        else:
            c.errors.append(("value", name, best, g))
        if best.type == g.type:
            c.type_ok += 1
        if (best.start, best.end) != (g.start, g.end):
            c.errors.append(("extent", name, best, g))
    return c


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(c: Counts) -> dict:
    sp = c.strict_p / c.n_sys if c.n_sys else 0.0
    sr = c.strict_r / c.n_gold if c.n_gold else 0.0
    rp = c.relaxed_p / c.n_sys if c.n_sys else 0.0
    rr = c.relaxed_r / c.n_gold if c.n_gold else 0.0
    rf = _f1(rp, rr)
    vacc = c.value_ok / c.relaxed_r if c.relaxed_r else 0.0
    tacc = c.type_ok / c.relaxed_r if c.relaxed_r else 0.0
    return {
        "strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * _f1(sp, sr),
        "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * rf,
        "value_acc": 100 * vacc, "value_f1": 100 * vacc * rf,
        "type_acc": 100 * tacc, "type_f1": 100 * tacc * rf,
        "n_gold": c.n_gold, "n_sys": c.n_sys,
    }


def score_timeml_strings(gold_tml: str, system_tml: str) -> dict:
    """Score two inline TimeML strings (TEXT bodies or whole documents) with the same plain text."""
    gt, gs = parse_timeml_text(_text_body(gold_tml) if "<TEXT>" in gold_tml else gold_tml)
    st, ss = parse_timeml_text(_text_body(system_tml) if "<TEXT>" in system_tml else system_tml)
    if gt != st:
        raise ValueError("gold and system texts differ")
    return summarize(score_doc(gt, gs, ss))


# --------------------------------------------------------------------------- running


def run_system(doc: Doc) -> list[Span]:
    from newsweave.annotate.dates import tag_dates

    out = []
    for t in tag_dates(doc.text, doc.dct or None):
        s = Span(t["start"], t["end"], t["text"], t["type"], t["value"])
        if any(s.start < e and b < s.end for b, e in doc.exclude):
            continue
        out.append(s)
    return out


def evaluate(docs: list[Doc]) -> tuple[Counts, float, int]:
    total = Counts()
    t0 = time.perf_counter()
    n_chars = 0
    for d in docs:
        total.add(score_doc(d.text, d.gold, run_system(d), d.name))
        n_chars += len(d.text)
    return total, time.perf_counter() - t0, n_chars


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def table(rows: list[tuple[str, dict]]) -> str:
    cols = ["strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_f1", "type_f1"]
    head = "| system | " + " | ".join(cols) + " |"
    sep = "|---|" + "---:|" * len(cols)
    lines = [head, sep]
    for name, r in rows:
        lines.append(f"| {name} | " + " | ".join(_fmt(r.get(c)) for c in cols) + " |")
    return "\n".join(lines)


def error_breakdown(c: Counts, limit: int) -> str:
    kinds = Counter(e[0] for e in c.errors)
    lines = [f"errors: missed={kinds['missed']} spurious={kinds['spurious']} "
             f"wrong_value={kinds['value']} extent_only={kinds['extent']}"]
    if limit:
        for kind in ("missed", "spurious", "value", "extent"):
            errs = [e for e in c.errors if e[0] == kind]
            if kind in ("missed", "spurious"):
                key = Counter(((e[3] or e[2]).text.lower()) for e in errs)
                lines.append(f"  top {kind}: " + "; ".join(f"{t!r}x{n}" for t, n in key.most_common(limit)))
            else:
                lines.append(f"  {kind} (system -> gold):")
                for _, name, s, g in errs[:limit]:
                    lines.append(f"    {name[:28]:28} {s.text!r:32} {s.type}:{s.value:14} | {g.text!r:32} {g.type}:{g.value}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="platinum",
                    choices=["platinum", "tbaq", "timebank", "aquaint", "meantime"])
    ap.add_argument("--errors", type=int, default=8, help="examples per error kind to print")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results/tempeval3.md")
    args = ap.parse_args(argv)

    docs = load_corpus(args.corpus)
    counts, secs, n_chars = evaluate(docs)
    ours = summarize(counts)
    rows = [("newsweave tag_dates", ours)]
    if args.corpus in HEIDELTIME:
        rows.append(("HeidelTime 1.8 (published)", HEIDELTIME[args.corpus]))
    tab = table(rows)
    info = (f"corpus={args.corpus} docs={len(docs)} gold={counts.n_gold} system={counts.n_sys} "
            f"value_acc={ours['value_acc']:.2f} type_acc={ours['type_acc']:.2f} "
            f"time={secs:.2f}s ({n_chars / max(secs, 1e-9) / 1000:.0f}k chars/s)")
    errs = error_breakdown(counts, args.errors)
    print(tab)
    print(info)
    print(errs)
    if args.corpus == "platinum" and not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# TempEval-3 Platinum, TIMEX3 (Task A): newsweave vs HeidelTime\n\n"
            "Produced by `python bench/tempeval3.py --corpus platinum` (DCT excluded; strict = exact span, "
            "relaxed = token overlap, value/type F1 = attribute accuracy on relaxed matches x relaxed F1).\n\n"
            f"{tab}\n\n`{info}`\n\n```\n{error_breakdown(counts, 0)}\n```\n",
            encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
