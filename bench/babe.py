"""BABE (SG2): sentence-level Biased / Non-biased macro-F1 from our framing terms.

Reads ``../shared/benchmarks/babe-mbic/final_labels_SG2.csv`` at run time (AGPL-3.0 data: nothing of it,
nor anything trained on it, is written into the package). Reports, each labelled:

1. **lexicon-only, shipped**: ``newsweave.compose.framing.loaded_terms`` as shipped; a sentence is biased
   when its loaded-term score reaches a threshold. The threshold is chosen on the training folds of a
   stratified 5-fold cross-validation and applied to the held-out fold (also the zero-training rule
   "any loaded term -> biased").
2. **light model, shipped**: ``newsweave.compose.framing.sentence_bias`` (MiniLM probes trained on licensed
   data only + lexicon + cues, ``data/bias_probe.json``), with a threshold chosen on the training folds, and
   cumulative ablations of its parts; also at the shipped global threshold (chosen on BABE, in-sample).
3. **bench-time trained (not shipped)**: logistic regression over tf-idf n-grams + our lexicon features +
   a word-bias rate learned from the training folds' ``biased_words`` (+ optionally MiniLM sentence
   embeddings), same 5 folds. Trained and evaluated here only; no model is saved.
4. word-level P/R/F1 of our loaded terms against the annotators' ``biased_words`` (no anchor).

Usage::

    python bench/babe.py                      # writes bench/results/babe.md
    python bench/babe.py --embed              # also MiniLM embeddings in the bench-time trained model
    python bench/babe.py --sweep              # grid of the shipped lexicon thresholds (lexicon-only F1)
    python bench/babe.py build-lexicon DIR    # regenerate newsweave/compose/data/loaded_lexicon.json from
                                              # the wheels in DIR: pip download --no-deps -d DIR
                                              #   textblob==0.20.1 vaderSentiment==3.3.2
    python bench/babe.py build-bias-model DIR # regenerate newsweave/compose/data/bias_probe.json from the
                                              # lexicon, the textblob wheel in DIR and the licensed corpora in
                                              # ../shared/benchmarks (MEANTIME, ECB+, NewsWCL50)
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "benchmarks" / "babe-mbic" / "final_labels_SG2.csv"
OUT = REPO / "bench" / "results" / "babe.md"
LEXICON = REPO / "newsweave" / "compose" / "data" / "loaded_lexicon.json"
ANCHOR = 0.804  # Spinde et al. 2021, best model on BABE (macro-F1)
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")


# --- lexicon build (permissive sources only) -----------------------------------------------------------

def build_lexicon(wheel_dir: Path) -> dict:
    """Subjective adjectives from pattern's en-sentiment.xml (PDDL, in TextBlob, MIT) and valenced words
    from VADER (MIT): only word forms and scores are kept."""
    import statistics
    import xml.etree.ElementTree as ET

    tb = next(wheel_dir.glob("textblob-*.whl"))
    vd = next(wheel_dir.glob("vaderSentiment-*.whl"))
    with zipfile.ZipFile(tb) as z:
        root = ET.fromstring(z.read("textblob/en/en-sentiment.xml"))
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for w in root.iter("word"):
        form = (w.get("form") or "").lower()
        if _WORD.fullmatch(form):
            senses[form].append((abs(float(w.get("polarity"))), float(w.get("subjectivity"))))
    subjective = {}
    for form, v in senses.items():
        subj = statistics.mean(s for _, s in v)
        pol = statistics.mean(p for p, _ in v)
        score = subj * (0.5 + pol) / 1.5
        if subj >= 0.5 and score >= 0.3:
            subjective[form] = round(score, 3)
    with zipfile.ZipFile(vd) as z:
        lines = z.read("vaderSentiment/vader_lexicon.txt").decode("utf-8").splitlines()
    loaded = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z]{3,}(?:-[a-z]+)*", parts[0]):
            val = abs(float(parts[1]))
            if val >= 1.5:
                loaded[parts[0]] = round(val / 4.0, 3)
    return {
        "about": "Word forms and scores only. subjective: mean subjectivity x (0.5 + mean |polarity|) / 1.5 from "
                 "pattern's en-sentiment.xml (PDDL) as shipped in textblob 0.20.1 (MIT). loaded: |valence| / 4 "
                 "from vader_lexicon.txt of vaderSentiment 3.3.2 (MIT). Built by bench/babe.py build-lexicon.",
        "subjective": dict(sorted(subjective.items())),
        "loaded": dict(sorted(loaded.items())),
    }


# --- sentence model build (licensed sources only) ------------------------------------------------------

BENCH = REPO.parent / "shared" / "benchmarks"
BIAS_MODEL = REPO / "newsweave" / "compose" / "data" / "bias_probe.json"
# NewsWCL50 PROPERTY codes that evaluate their target (a sentence with one is a word-choice positive).
WCL_EVALUATIVE = {
    "Aggressor", "Victim", "Unreason", "No trustworthiness", "Weakness", "Affection", "Unlawfulness", "Negative",
    "Positive", "Dishonor", "Honor", "Poor quality", "Good quality", "Unsafety", "Difficulty", "Confidence",
    "Refusal", "Trustworthiness", "Economy negative", "Economy positive",
}
# Weights of the parts (chosen on BABE with a small grid; every grid point scored 0.70-0.72, see babe.md).
PART_WEIGHTS = {"word_probe": 1.0, "word_choice_probe": 0.5, "lexicon": 0.5, "attribution": -1.0}


def _detok(toks: list[str]) -> str:
    s = " ".join(toks)
    s = re.sub(r" ([,.;:!?%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)


def _cat_sentences(root_dir: Path) -> list[str]:
    """Sentences of CAT-XML documents (MEANTIME, ECB+): tokens joined per ``sentence`` attribute."""
    import xml.etree.ElementTree as ET

    out = []
    for f in sorted(root_dir.rglob("*.xml")):
        by: dict[int, list[str]] = defaultdict(list)
        for t in ET.parse(f).getroot().iter("token"):
            by[int(t.get("sentence"))].append(t.text or "")
        out += [_detok(v) for _, v in sorted(by.items())]
    return out


def _wcl_sentences(wcl_dir: Path) -> tuple[list[str], list[int]]:
    """NewsWCL50 sentences (from the CoNLL conversion) and whether an evaluative PROPERTY mention of the
    annotations occurs in each: used at build time only; the texts are the publishers' and never shipped."""
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with (wcl_dir / "zhukova-cdcr-conll" / "NewsWCL50.conll").open(encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4 and not line.startswith("#"):
                docs[p[0]][int(p[1])].append(p[3])
    mentions: dict[str, list[str]] = defaultdict(list)
    with (wcl_dir / "Annotations.csv").open(encoding="utf-8-sig", newline="") as f:
        next(f)  # "sep=,"
        for r in csv.DictReader(f):
            if r["code_type"] == "PROPERTY" and r["code_name"] in WCL_EVALUATIVE:
                mentions[f"{r['event_id']}_{r['publisher_id']}"].append(r["code_mention"])
    norm = lambda t: " " + re.sub(r"\W+", " ", t.lower()).strip() + " "  # noqa: E731
    texts, labels = [], []
    for doc, sents in docs.items():
        key = doc.split("/")[-1]
        for _, toks in sorted(sents.items()):
            t = _detok(toks).replace("\\n", "").strip()
            nt = norm(t)
            texts.append(t)
            labels.append(int(any(norm(m) in nt for m in mentions[key])))
    return texts, labels


def build_bias_model(wheel_dir: Path, bench_dir: Path = BENCH) -> dict:
    """The sentence model of ``newsweave.compose.framing.sentence_bias`` from licensed sources only:

    * word probe: ridge regression from single-word MiniLM embeddings to lexicon scores; loaded words = the
      shipped lexicon (pattern PDDL / VADER MIT, above the framing thresholds) and our lists; neutral words =
      the 6,000 most frequent MEANTIME (CC BY 4.0) + ECB+ (CC BY 3.0) words in no lexicon, and pattern's
      objective adjectives (subjectivity <= 0.1);
    * word-choice probe: logistic regression on NewsWCL50 sentences (annotations CC BY-SA 4.0), positive when
      an evaluative PROPERTY mention occurs in the sentence;
    * standardisation of each part on MEANTIME + NewsWCL50 sentences. Nothing from BABE."""
    import statistics
    import xml.etree.ElementTree as ET

    import numpy as np
    from sklearn.linear_model import LogisticRegression, Ridge

    from newsweave.align.encoders import encoder_name, sentence_encoder
    from newsweave.compose import framing

    if encoder_name() == "static":
        raise SystemExit("build with a MiniLM encoder (unset NEWSWEAVE_EMBEDDINGS), not the static one")
    enc = sentence_encoder()
    lex = framing.lexicon()
    pos = {w: score for w, (_cat, score) in lex.items() if score >= 0.5}
    for w in framing.LOADED_VERBS | framing.NAME_CALLING | framing.INTENSIFIERS:
        pos[w] = 0.8
    raw = json.loads(LEXICON.read_text(encoding="utf-8"))
    known = set(raw["loaded"]) | set(raw["subjective"]) | set(lex) | set(pos)
    meantime = _cat_sentences(bench_dir / "meantime-en" / "intra_cross-doc_annotation")
    ecb = _cat_sentences(bench_dir / "ecbplus" / "ECB+")
    counts = Counter(w.lower() for s in meantime + ecb for w in _WORD.findall(s))
    neutral = [w for w, _ in counts.most_common(12000) if w not in known and len(w) > 2 and w.isalpha()][:6000]
    tb = next(wheel_dir.glob("textblob-*.whl"))
    with zipfile.ZipFile(tb) as z:
        root = ET.fromstring(z.read("textblob/en/en-sentiment.xml"))
    subj: dict[str, list[float]] = defaultdict(list)
    for w in root.iter("word"):
        form = (w.get("form") or "").lower()
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", form):
            subj[form].append(float(w.get("subjectivity")))
    objective = sorted(f for f, v in subj.items() if statistics.mean(v) <= 0.1 and f not in pos and f not in neutral)
    words = sorted(pos) + neutral + objective
    target = np.array([pos[w] for w in sorted(pos)] + [0.0] * (len(neutral) + len(objective)))
    print(f"word probe: {len(pos)} loaded, {len(neutral)} neutral news words, {len(objective)} objective adjectives",
          flush=True)
    xw = np.asarray(enc.encode(words), dtype=np.float64)
    ridge = Ridge(alpha=1.0).fit(xw, target)
    wcl_texts, wcl_y = _wcl_sentences(bench_dir / "newswcl50")
    print(f"word-choice probe: {len(wcl_texts)} NewsWCL50 sentences, {sum(wcl_y)} with an evaluative mention",
          flush=True)
    xs = np.asarray(enc.encode(wcl_texts), dtype=np.float64)
    logit = LogisticRegression(C=0.1, max_iter=3000, class_weight="balanced").fit(xs, wcl_y)
    ref_texts = meantime + wcl_texts
    xref = np.vstack([np.asarray(enc.encode(meantime), dtype=np.float64), xs])
    lex_ref = np.array([framing.loaded_score(t) for t in ref_texts])

    def part(coef, intercept, weight):
        v = xref @ coef + intercept
        return {"weight": weight, "mean": round(float(v.mean()), 6), "std": round(float(v.std()), 6),
                "intercept": round(float(intercept), 6), "coef": [round(float(c), 6) for c in coef]}

    return {
        "about": "Sentence loaded-language model of newsweave.compose.framing.sentence_bias, built by bench/babe.py "
                 "build-bias-model from: the shipped lexicon (pattern en-sentiment.xml PDDL via textblob 0.20.1 MIT; "
                 "VADER 3.3.2 MIT; our lists), MEANTIME (CC BY 4.0, FBK/VU Amsterdam/UPV-EHU) and ECB+ (CC BY 3.0, "
                 "Cybulska & Vossen) word counts and sentences, NewsWCL50 annotations (CC BY-SA 4.0, Hamborg, Zhukova & "
                 "Gipp 2019). Licence of this file: CC BY-SA 4.0. Embeddings: all-MiniLM-L6-v2. No BABE data.",
        "licence": "CC-BY-SA-4.0",
        "encoder": "all-MiniLM-L6-v2 (" + encoder_name() + ")",
        "dim": int(xw.shape[1]),
        "probes": {
            "word_probe": part(ridge.coef_, ridge.intercept_, PART_WEIGHTS["word_probe"]),
            "word_choice_probe": part(logit.coef_[0], logit.intercept_[0], PART_WEIGHTS["word_choice_probe"]),
        },
        "lexicon": {"weight": PART_WEIGHTS["lexicon"], "mean": round(float(lex_ref.mean()), 6),
                    "std": round(float(lex_ref.std()), 6)},
        "cues": {"attribution": PART_WEIGHTS["attribution"]},
    }


# --- data ---------------------------------------------------------------------------------------------

def load() -> list[dict]:
    rows = []
    with DATA.open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f, delimiter=";"):
            if r["label_bias"] not in ("Biased", "Non-biased"):
                continue
            try:
                words = [w.lower() for w in ast.literal_eval(r["biased_words"] or "[]")]
            except (ValueError, SyntaxError):
                words = []
            rows.append({"text": r["text"], "y": int(r["label_bias"] == "Biased"), "words": words})
    return rows


def folds(y: list[int], k: int = 5, seed: int = 13):
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(y, y))


def macro_f1(y, p) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, p, average="macro"))


def lexicon_features(texts: list[str]):
    import numpy as np

    from newsweave.compose.framing import loaded_terms

    cats = ["loaded", "subjective", "intensifier", "name-calling"]
    feats = []
    for t in texts:
        terms = loaded_terms(t)
        n = max(1, len(t.split()))
        row = [sum(x[4] for x in terms), len(terms), sum(x[4] for x in terms) / n]
        row += [sum(1 for x in terms if x[3] == c) for c in cats]
        feats.append(row)
    return np.array(feats, dtype=float)


def best_threshold(scores, y) -> float:
    import numpy as np

    y = np.asarray(y)
    cands = np.unique(np.round(scores, 3))
    pred = scores[None, :] >= cands[:, None]  # candidates x sentences
    tp = (pred & (y == 1)).sum(1)
    fp = (pred & (y == 0)).sum(1)
    fn = ((~pred) & (y == 1)).sum(1)
    tn = ((~pred) & (y == 0)).sum(1)
    f1 = tp / np.maximum(1, 2 * tp + fp + fn) + tn / np.maximum(1, 2 * tn + fn + fp)  # (F1+ + F1-) / 2
    return float(cands[int(np.argmax(f1))])


def cv_lexicon(scores, y, splits) -> tuple[float, list[float]]:
    import numpy as np

    y = np.asarray(y)
    pred = np.zeros_like(y)
    ths = []
    for tr, te in splits:
        th = best_threshold(scores[tr], y[tr])
        ths.append(th)
        pred[te] = (scores[te] >= th).astype(int)
    return macro_f1(y, pred), ths


def word_rates(rows, idx) -> tuple[Counter, Counter]:
    """How often each word occurs, and is marked biased, in the training rows: per fold, never shipped."""
    marked, seen = Counter(), Counter()
    for i in idx:
        toks = {w.lower() for w in _WORD.findall(rows[i]["text"])}
        seen.update(toks)
        marked.update(set(rows[i]["words"]) & toks)
    return marked, seen


def rate_features(rows, idx, rates, own: bool = False):
    """Top word-bias rates of each sentence; ``own``: the rows were in the counts, so each one's own
    contribution is taken out (leave-one-out), else the model trusts the rates more than they deserve."""
    import numpy as np

    marked, seen = rates
    out = []
    for i in idx:
        toks = {w.lower() for w in _WORD.findall(rows[i]["text"])}
        mine = set(rows[i]["words"]) if own else set()
        r = sorted(((marked[w] - (w in mine)) / (seen[w] - own + 2.0) for w in toks if marked[w] - (w in mine) > 0),
                   reverse=True)
        r += [0.0, 0.0, 0.0]
        out.append([r[0], r[1], r[2], sum(r)])
    return np.array(out)


def cv_trained(rows, splits, embeddings=None) -> dict[str, float]:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    texts = [r["text"] for r in rows]
    y = np.array([r["y"] for r in rows])
    lex = lexicon_features(texts)
    variants = {"tfidf": [], "tfidf+lexicon": [], "tfidf+lexicon+word-rates": []}
    if embeddings is not None:
        variants["tfidf+lexicon+word-rates+MiniLM"] = []
    preds = {k: np.zeros_like(y) for k in variants}
    for tr, te in splits:
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)
        xtr_t, xte_t = vec.fit_transform([texts[i] for i in tr]), vec.transform([texts[i] for i in te])
        rates = word_rates(rows, tr)
        dense_tr = [lex[tr], rate_features(rows, tr, rates, own=True)]
        dense_te = [lex[te], rate_features(rows, te, rates)]
        if embeddings is not None:
            dense_tr.append(embeddings[tr])
            dense_te.append(embeddings[te])
        for name in variants:
            parts_tr, parts_te = [xtr_t], [xte_t]
            k = 0 if name == "tfidf" else 1 if name == "tfidf+lexicon" else 2 if "MiniLM" not in name else 3
            if k:
                sc = StandardScaler().fit(np.hstack(dense_tr[:k]))
                parts_tr.append(csr_matrix(sc.transform(np.hstack(dense_tr[:k])) * 0.5))
                parts_te.append(csr_matrix(sc.transform(np.hstack(dense_te[:k])) * 0.5))
            clf = LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced")
            clf.fit(hstack(parts_tr).tocsr(), y[tr])
            preds[name][te] = clf.predict(hstack(parts_te).tocsr())
    return {k: macro_f1(y, p) for k, p in preds.items()}


def model_parts(texts: list[str], vectors) -> dict[str, "object"]:
    """The shipped sentence model's parts per sentence, each standardised as ``sentence_bias`` does, for the
    ablation rows: word probe, word-choice probe, lexicon, attribution cue."""
    import numpy as np

    from newsweave.compose import framing

    data = json.loads(BIAS_MODEL.read_text(encoding="utf-8"))
    x = np.asarray(vectors, dtype=np.float64)
    out = {}
    for name, part in data["probes"].items():
        out[name] = part["weight"] * ((x @ np.asarray(part["coef"]) + part["intercept"] - part["mean"]) / part["std"])
    lx = data["lexicon"]
    out["lexicon"] = lx["weight"] * (np.array([framing.loaded_score(t) for t in texts]) - lx["mean"]) / lx["std"]
    out["cues"] = data["cues"]["attribution"] * np.array([bool(framing._ATTRIBUTION.search(t)) for t in texts])
    return out


def word_level(rows) -> tuple[float, float, float]:
    from newsweave.compose.framing import loaded_terms

    tp = fp = fn = 0
    for r in rows:
        gold = set(r["words"])
        found = {r["text"][s:e].lower() for s, e, *_ in loaded_terms(r["text"])}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    p = tp / max(1, tp + fp)
    rc = tp / max(1, tp + fn)
    return p, rc, 2 * p * rc / max(1e-9, p + rc)


def sweep(rows, splits) -> list[tuple[float, float, float]]:
    import numpy as np

    from newsweave.compose import framing

    y = np.array([r["y"] for r in rows])
    res = []
    saved = framing.MIN_SUBJECTIVE, framing.MIN_LOADED
    for ms in (0.35, 0.45, 0.55, 0.65, 0.75):
        for ml in (0.375, 0.5, 0.625, 0.75):
            framing.MIN_SUBJECTIVE, framing.MIN_LOADED = ms, ml
            framing.lexicon.cache_clear()
            framing._lookup_word.cache_clear()
            scores = np.array([framing.loaded_score(r["text"]) for r in rows])
            f1, _ = cv_lexicon(scores, y, splits)
            res.append((ms, ml, f1))
            print(f"  MIN_SUBJECTIVE={ms} MIN_LOADED={ml}: {f1:.3f}", flush=True)
    framing.MIN_SUBJECTIVE, framing.MIN_LOADED = saved
    framing.lexicon.cache_clear()
    framing._lookup_word.cache_clear()
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", nargs="?", default="run", choices=["run", "build-lexicon", "build-bias-model"])
    ap.add_argument("wheel_dir", nargs="?")
    ap.add_argument("--embed", action="store_true", help="add the MiniLM sentence embeddings to the bench-time trained model")
    ap.add_argument("--sweep", action="store_true", help="grid of the shipped thresholds")
    args = ap.parse_args(argv)
    if args.cmd == "build-lexicon":
        lex = build_lexicon(Path(args.wheel_dir or "."))
        LEXICON.parent.mkdir(parents=True, exist_ok=True)
        LEXICON.write_text(json.dumps(lex, indent=0, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {LEXICON}: {len(lex['subjective'])} subjective, {len(lex['loaded'])} loaded")
        return 0
    if args.cmd == "build-bias-model":
        model = build_bias_model(Path(args.wheel_dir or "."))
        BIAS_MODEL.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {BIAS_MODEL} ({BIAS_MODEL.stat().st_size // 1024} KiB)")
        return 0
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1

    import numpy as np

    from newsweave.compose import framing

    t0 = time.perf_counter()
    rows = load()
    y = np.array([r["y"] for r in rows])
    splits = folds(list(y))
    if args.sweep:
        sweep(rows, splits)
    scores = np.array([framing.loaded_score(r["text"]) for r in rows])
    any_term = (np.array([len(framing.loaded_terms(r["text"])) for r in rows]) > 0).astype(int)
    f1_any = macro_f1(y, any_term)
    f1_lex, ths = cv_lexicon(scores, y, splits)
    wp, wr, wf = word_level(rows)
    from newsweave.align.encoders import encoder_name, sentence_encoder

    texts = [r["text"] for r in rows]
    vectors = np.asarray(sentence_encoder().encode(texts))
    shipped = np.array(framing.sentence_bias(texts, vectors)) + framing.BIAS_THRESHOLD  # the raw score
    parts = model_parts(texts, vectors)
    ablations = []
    acc = np.zeros(len(rows))
    for name, label in (("word_probe", "word probe (MiniLM direction from lexicon words)"),
                        ("lexicon", "+ lexicon score"), ("word_choice_probe", "+ NewsWCL50 word-choice probe"),
                        ("cues", "+ attribution cue (= the shipped model)")):
        acc = acc + parts[name]
        ablations.append((label, cv_lexicon(acc, y, splits)[0]))
    f1_model, model_ths = cv_lexicon(shipped, y, splits)
    f1_model_global = macro_f1(y, (shipped >= framing.BIAS_THRESHOLD).astype(int))
    flagged = float((shipped >= framing.BIAS_THRESHOLD).mean())
    trained = cv_trained(rows, splits, vectors if args.embed else None)
    secs = time.perf_counter() - t0

    lines = [
        "# BABE (SG2): sentence-level media bias, macro-F1",
        "",
        f"Data: `babe-mbic/final_labels_SG2.csv`, {len(rows)} sentences ({int(y.sum())} Biased, "
        f"{int(len(y) - y.sum())} Non-biased; 'No agreement' dropped). Stratified 5-fold cross-validation "
        "(seed 13); every number is macro-F1 over the pooled held-out predictions. "
        f"Anchor: Spinde et al. 2021, fine-tuned transformer with distant supervision, **{ANCHOR}**. "
        f"Run time {secs:.0f} s (`python bench/babe.py{' --embed' if args.embed else ''}`).",
        "",
        "| system | what ships | macro-F1 |",
        "|---|---|---|",
        f"| lexicon-only, any loaded term -> biased (no training) | shipped (`loaded_terms`) | {f1_any:.3f} |",
        f"| lexicon-only, score threshold chosen on the training folds (thresholds {', '.join(f'{t:.2f}' for t in ths)}) "
        f"| shipped lexicon; one threshold | {f1_lex:.3f} |",
    ]
    for label, f1 in ablations[:-1]:
        lines.append(f"| light model parts, cumulative: {label}; threshold on the training folds | (ablation) | {f1:.3f} |")
    lines += [
        f"| **light model** `sentence_bias` (MiniLM probes + lexicon + attribution cue), threshold chosen on the training folds "
        f"(thresholds {', '.join(f'{t:.2f}' for t in model_ths)}) | shipped (`data/bias_probe.json`, no BABE data) "
        f"| **{f1_model:.3f}** |",
        f"| light model at the shipped BIAS_THRESHOLD={framing.BIAS_THRESHOLD} (chosen on all of BABE: in-sample) "
        f"| shipped | {f1_model_global:.3f} |",
    ]
    for name, f1 in trained.items():
        lines.append(f"| bench-time trained: logistic regression on {name} | **not shipped** (trained on AGPL data "
                     f"at bench time only) | {f1:.3f} |")
    lines += [
        f"| Spinde et al. 2021 (anchor) | - | {ANCHOR} |",
        "",
        f"Word level: our loaded terms against the annotators' `biased_words`: P {wp:.3f}, R {wr:.3f}, F1 {wf:.3f} "
        "(no anchor).",
        "",
        "Notes:",
        "",
        "- The shipped lexicon comes from permissive sources only (pattern's subjectivity lexicon, PDDL, via "
        "TextBlob, MIT; VADER, MIT; lists we wrote): see `newsweave/compose/data/README.md`. Its two global "
        f"thresholds (MIN_SUBJECTIVE={framing.MIN_SUBJECTIVE}, MIN_LOADED={framing.MIN_LOADED}) were picked with "
        "`--sweep` on these same sentences (the 20-point grid spans 0.619-0.639 macro-F1, so the choice hardly matters); no per-word choice "
        "or weight comes from BABE.",
        "- The light model (`newsweave.compose.framing.sentence_bias`, coefficients in "
        "`newsweave/compose/data/bias_probe.json`, made by `bench/babe.py build-bias-model`) is trained only on "
        "licensed data: a ridge regression from single-word MiniLM embeddings to the shipped lexicon's scores "
        "(loaded words) against frequent MEANTIME (CC BY 4.0) / ECB+ (CC BY 3.0) news words and pattern's objective "
        "adjectives; a logistic regression on NewsWCL50 sentences (annotations CC BY-SA 4.0) with or without an "
        "evaluative PROPERTY mention; each part standardised on MEANTIME + NewsWCL50 sentences. Chosen on BABE, "
        "and so in-sample here: the part weights (word probe 1, word-choice probe 0.5, lexicon 0.5, attribution "
        "-1; a small grid over them spanned 0.70-0.72, and a 'has a number' cue that lowered the cross-validated "
        "F1 was dropped) "
        f"and the shipped BIAS_THRESHOLD={framing.BIAS_THRESHOLD} (the training folds pick {min(model_ths):.2f}-{max(model_ths):.2f}, "
        f"and F1 at the shipped one is {f1_model_global:.3f} against {f1_model:.3f} with the folds' own; at it "
        f"{flagged:.0%} of BABE sentences are flagged). Embeddings: `{encoder_name()}` encoder. The fold "
        "thresholds above are chosen on the training folds only.",
        "- Tried and not kept (measured once with the same folds and fold-chosen thresholds while building the model, "
        "not re-run by this script; alone / added to the lexicon): AFINN-165 "
        "(ODbL) 0.58 / 0.64; NewsWCL50 PROPERTY-mention word rates as a lexicon 0.51 / 0.60; NewsWCL50 partisan "
        "(LL/RR) vs centre (M) outlet sentences 0.56 / 0.60; a MiniLM classifier on licensed news sentences "
        "pseudo-labelled by the lexicon 0.62 / 0.66, or self-trained from the word probe 0.67 / 0.69; word-probe "
        "scores of every token (lexicon expansion) 0.65 / no gain; word templates ('It was X.') 0.66 / 0.68; "
        "NewsWCL50 mention phrases as extra probe positives: no gain. For reference, a MiniLM logistic regression "
        "trained on BABE itself (not shippable) scores 0.75.",
        "- 'word-rates' is, per training fold, the share of sentences containing a word in which annotators "
        "marked it biased; it and the tf-idf model exist only inside this script's cross-validation.",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
