"""PolNeAR benchmark for ``newsweave.annotate.quotes.extract_quotes``.

Data: ``../shared/benchmarks/polnear/{train,dev,test}/{text,attributions}`` (read at run time, never copied).
Each article has one or more brat ``.ann`` files (one per annotator, named ``<article>_<annotator>.ann``).
We score against the **first** annotator file in sorted filename order, for every article, consistently.
With ``--agreement`` we also score the second annotator against the first (same metric), where present.

Matching (all scores are micro-averaged over the split):

* a span is a set of character ranges (brat discontinuous spans keep all their fragments; our prediction's
  content may also have several parts for split quotes); two spans *overlap* when they share at least one
  non-whitespace character;
* **role scores** (content, cue, source): every gold span of that role (one per gold attribution that has the
  role) and every predicted span of that role are matched one-to-one, greedily by decreasing number of
  shared characters; a matched pair is a true positive;
* **speaker attribution**: a predicted attribution may pair with a gold attribution when their contents
  overlap AND their speakers agree: the predicted speaker span overlaps the gold Source span, or both have
  no speaker (gold ``Attribution-no-source``, prediction with ``speaker_start is None``). Pairs are then
  matched one-to-one, greedily by decreasing content overlap. P = matched / predicted, R = matched / gold.

Usage::

    python bench/polnear.py                    # dev + test, writes bench/results/polnear.md
    python bench/polnear.py --split dev --limit 20 --no-write
    python bench/polnear.py --split train --limit 100 --agreement --no-write
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "benchmarks" / "polnear"
RESULTS = REPO / "bench" / "results" / "polnear.md"

Span = list[tuple[int, int]]


@dataclass
class GoldAttr:
    content: Span | None
    cue: Span | None
    source: Span | None


@dataclass
class Article:
    name: str
    text: str
    ann_files: list[Path] = field(default_factory=list)


def _parse_spans(spec: str) -> Span:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(path: Path) -> list[GoldAttr]:
    """Attribution events of one brat file (text fields may contain newlines: only id-led lines count)."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split("\t")
        if re.fullmatch(r"T\d+", parts[0]) and len(parts) >= 2 and " " in parts[1]:
            label, spec = parts[1].split(" ", 1)
            try:
                spans[parts[0]] = _parse_spans(spec)
            except ValueError:
                continue
        elif re.fullmatch(r"E\d+", parts[0]) and len(parts) >= 2:
            ev = {}
            for item in parts[1].split():
                if ":" in item:
                    role, tid = item.split(":", 1)
                    ev[role] = tid
            events.append(ev)
    out = []
    for ev in events:
        def get(*roles: str) -> Span | None:
            frags: Span = []
            for r in roles:
                if r in ev and ev[r] in spans:
                    frags.extend(spans[ev[r]])
            return frags or None

        out.append(GoldAttr(content=get("Content", "Content2"), cue=get("Cue"), source=get("Source")))
    return out


def load_split(split: str, limit: int | None = None) -> list[Article]:
    text_dir = DATA / split / "text"
    ann_dir = DATA / split / "attributions"
    if not text_dir.is_dir():
        raise SystemExit(f"PolNeAR data not found at {text_dir}")
    anns: dict[str, list[Path]] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, []).append(p)
    arts = []
    for tp in sorted(text_dir.glob("*.txt")):
        if tp.stem not in anns:
            continue
        with open(tp, encoding="utf-8", newline="") as fh:
            text = fh.read()
        arts.append(Article(tp.stem, text, anns[tp.stem]))
        if limit and len(arts) >= limit:
            break
    return arts


# ----------------------------------------------------------------------------------------------- scoring


def _chars(text: str, span: Span | None) -> frozenset[int]:
    if not span:
        return frozenset()
    return frozenset(i for a, b in span for i in range(a, min(b, len(text))) if not text[i].isspace())


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    @property
    def p(self) -> float:
        return 100.0 * self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return 100.0 * self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def _greedy(pairs: list[tuple[int, int, int]]) -> int:
    """pairs: (score, i_pred, j_gold); one-to-one greedy by decreasing score. Returns #matches."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    n = 0
    for _, i, j in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        n += 1
    return n


def match_spans(pred: list[frozenset[int]], gold: list[frozenset[int]]) -> int:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = len(p & g)
            if ov:
                pairs.append((ov, i, j))
    return _greedy(pairs)


@dataclass
class PredAttr:
    content: frozenset[int]
    cue: frozenset[int]
    speaker: frozenset[int]
    has_speaker: bool


def pred_from(text: str, attrs) -> list[PredAttr]:
    out = []
    for a in attrs:
        parts = getattr(a, "content_parts", None) or [(a.content_start, a.content_end)]
        cue = [(a.cue_start, a.cue_end)] if a.cue_start is not None else None
        spk = [(a.speaker_start, a.speaker_end)] if a.speaker_start is not None else None
        out.append(PredAttr(_chars(text, parts), _chars(text, cue), _chars(text, spk), spk is not None))
    return out


def gold_as_pred(text: str, gold: list[GoldAttr]) -> list[PredAttr]:
    return [
        PredAttr(_chars(text, g.content), _chars(text, g.cue), _chars(text, g.source), g.source is not None)
        for g in gold
    ]


@dataclass
class Scores:
    content: PRF = field(default_factory=PRF)
    cue: PRF = field(default_factory=PRF)
    source: PRF = field(default_factory=PRF)
    attribution: PRF = field(default_factory=PRF)
    n_docs: int = 0
    extract_secs: float = 0.0  # extract_quotes time alone, on parsed docs


def score_doc(scores: Scores, text: str, preds: list[PredAttr], gold: list[GoldAttr]) -> None:
    scores.n_docs += 1
    g_content = [_chars(text, g.content) for g in gold if g.content]
    g_cue = [_chars(text, g.cue) for g in gold if g.cue]
    g_src = [_chars(text, g.source) for g in gold if g.source]
    p_content = [p.content for p in preds if p.content]
    p_cue = [p.cue for p in preds if p.cue]
    p_src = [p.speaker for p in preds if p.speaker]
    scores.content.add(match_spans(p_content, g_content), len(p_content), len(g_content))
    scores.cue.add(match_spans(p_cue, g_cue), len(p_cue), len(g_cue))
    scores.source.add(match_spans(p_src, g_src), len(p_src), len(g_src))
    pairs = []
    for j, g in enumerate(gold):
        gc = _chars(text, g.content)
        gs = _chars(text, g.source)
        for i, p in enumerate(preds):
            ov = len(p.content & gc)
            if not ov:
                continue
            if g.source is None:
                ok = not p.has_speaker
            else:
                ok = bool(p.speaker & gs)
            if ok:
                pairs.append((ov, i, j))
    scores.attribution.add(_greedy(pairs), len(preds), len(gold))


def run_split(split: str, limit: int | None, agreement: bool = False) -> tuple[Scores, Scores | None, float]:
    from newsweave.annotate.nlp import load_nlp
    from newsweave.annotate.quotes import extract_quotes

    arts = load_split(split, limit)
    nlp = load_nlp()
    scores = Scores()
    agree = Scores() if agreement else None
    t0 = time.perf_counter()
    extract_secs = 0.0
    for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=32, n_process=1)):
        gold = parse_ann(art.ann_files[0])
        t1 = time.perf_counter()
        attrs = extract_quotes(doc)
        extract_secs += time.perf_counter() - t1
        preds = pred_from(art.text, attrs)
        score_doc(scores, art.text, preds, gold)
        if agree is not None and len(art.ann_files) > 1:
            other = parse_ann(art.ann_files[1])
            score_doc(agree, art.text, gold_as_pred(art.text, other), gold)
    scores.extract_secs = extract_secs
    return scores, agree, time.perf_counter() - t0


def agreement_only(split: str) -> Scores:
    """Annotator 2 vs annotator 1 on the articles of ``split`` with two annotators (no parsing needed)."""
    agree = Scores()
    for art in load_split(split):
        if len(art.ann_files) > 1:
            other = parse_ann(art.ann_files[1])
            score_doc(agree, art.text, gold_as_pred(art.text, other), parse_ann(art.ann_files[0]))
    return agree


def table(title: str, s: Scores) -> str:
    rows = [
        f"**{title}** ({s.n_docs} articles)",
        "",
        "| role | P | R | F1 | matched | predicted | gold |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, prf in (
        ("content (overlap)", s.content),
        ("cue (overlap)", s.cue),
        ("source / speaker (overlap)", s.source),
        ("**speaker attribution**", s.attribution),
    ):
        rows.append(
            f"| {name} | {prf.p:.1f} | {prf.r:.1f} | {prf.f:.1f} | {prf.tp} | {prf.n_pred} | {prf.n_gold} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", action="append", choices=["train", "dev", "test"], help="default: dev and test")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles per split")
    ap.add_argument("--agreement", action="store_true", help="also score annotator 2 vs annotator 1")
    ap.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(REPO)}")
    args = ap.parse_args(argv)
    splits = args.split or ["dev", "test"]
    sections = []
    summary = []
    for split in splits:
        scores, agree, secs = run_split(split, args.limit, args.agreement)
        f = scores.attribution.f
        summary.append(f"{split}: speaker attribution F1 **{f:.1f}** (target 75: {'met' if f >= 75 else 'not met'})")
        t = table(f"{split} split — extract_quotes vs first annotator", scores)
        speed = (
            f"Speed: {secs:.1f} s with spaCy parsing; extract_quotes alone {scores.extract_secs:.2f} s "
            f"({scores.n_docs / max(scores.extract_secs, 1e-9):.0f} docs/s on parsed docs, "
            f"{100 * scores.extract_secs / max(secs, 1e-9):.0f}% of the total)."
        )
        print(t.replace("**", ""))
        print(speed + "\n")
        t += "\n\n" + speed
        sections.append(t)
        if agree is not None:
            ta = table(f"{split} split — annotator 2 vs annotator 1 (articles with ≥2 annotators)", agree)
            print(ta.replace("**", ""))
            print()
            sections.append(ta)
    if args.agreement and "train" not in splits:
        ta = table("train split — annotator 2 vs annotator 1 (human agreement, same metric)", agreement_only("train"))
        print(ta.replace("**", ""))
        print()
        sections.append(ta)
    print("; ".join(summary).replace("**", ""))
    if not args.no_write:
        write_results(["Summary: " + "; ".join(summary) + "."] + sections, args)
    return 0


def write_results(sections: list[str], args: argparse.Namespace) -> None:
    from newsweave.annotate.nlp import model_name

    cmd = "python bench/polnear.py" + "".join(f" --split {s}" for s in (args.split or [])) + (
        f" --limit {args.limit}" if args.limit else ""
    ) + (" --agreement" if args.agreement else "")
    head = f"""# PolNeAR — quotation and attribution extraction

`newsweave.annotate.quotes.extract_quotes` (rule-based, spaCy `{model_name()}`), scored on PolNeAR
(Newell, Margolin & Ruths, LREC 2018; `../shared/benchmarks/polnear`). Command: `{cmd}`.

Gold: the **first** annotator `.ann` file (sorted filename order) of each article. All attributions count,
including PolNeAR's broad ones (beliefs, intentions, "criticized X", "called for X"), and gold
`Attribution-no-source` events (7%). Matching: spans overlap when they share a non-whitespace character;
role scores match gold and predicted spans one-to-one, greedily by decreasing shared characters; a predicted
attribution is correct when its content overlaps a gold attribution's content AND its speaker span overlaps
that attribution's Source span (or both have no source), matched one-to-one greedily by content overlap.
The rules were developed on train/dev only; test was scored to report.

Cue lexicon: hand-written lists of general English reporting, cognition and stance verbs, stance adjectives
and cue nouns only. PolNeAR states no licence, so nothing learned from its annotations ships: the earlier
lexicon learned from the train split (`newsweave/annotate/data/cue_lexicon.json`) is no longer read.

History: before the learned lexicon and adjective cues (hand lexicon only), speaker attribution F1 was
dev 67.0 (P 81.6 / R 56.9) and test 68.9 (P 81.5 / R 59.7). With the learned lexicon, before the rules
for signed quotes ("“...” ― Name", "text — Name (@handle)"), line labels ("Editor's note:"), subjects
inside quotes, gerunds after prepositions, relative-clause speakers and paragraph-aware nesting, it was
dev 69.6 (P 77.6 / R 63.1) and test 69.8 (P 76.6 / R 64.0); with those rules, dev 71.5 and test 71.7
(P 76.8 / R 67.3). Dropping the learned lexicon cost dev 2.5 points (71.5 -> 69.0); a larger hand lexicon,
paragraph-aware quote framing ("X said:" before a quote paragraph; no quote framed across a paragraph
break), subjects cut to the verb's line and "blamed him for ..." objects brought dev back to 72.1
(test 72.7, P 80.3 / R 66.4). The next round (comma-set frames "X, as Y pointed out, ...", source-less
"was accused of / blamed for", "X added:" before an unquoted paragraph, that-clauses parsed as relative
clauses of the object, "Trump claims that" tagged as a noun, "The Latest:" as a line label) added dev +0.5
(72.1 -> 72.6) and train +0.1 (68.75 -> 68.84) but nothing on test (72.7 -> 72.6, P 80.1 / R 66.4): the
remaining misses are a long tail of one-off cues and parser slips, each rule worth a few attributions.
Round 4 raised dev 72.6 -> 75.3 (P 81.4 / R 65.5 -> P 84.1 / R 68.2), train 68.84 -> 71.47 and test 72.6 -> 75.0
(P 82.2 / R 69.0). Precision rules: no attribution for a to-infinitive cue under a cue verb or a noun ("declined to
comment", "plans to sue"; the largest single gain), a gerund after "for"/"from" ("criticized him for saying"), a
nominal cue nobody holds ("the notion that ..."), a demonstrative speaker ("That means ...") or a quote whose
framing verb lost its speaker; a quote framed once ('"A," X said, referring to Y, "B."'). Speaker rules: a subject
the parser hung on a preceding phrase ("In a meeting with the board Lee said"), the issuer of a document or the
speaker at an event ("X issued a statement saying", "at a news conference announcing"), not a label before a colon
or a comma-set prepositional phrase. Coverage: more stance verbs with objects ("echoed", "likened X to Y",
"disavowed"), regarding verbs with "as" ("sees X as Y"), naming ("called him a liar", "what X calls Y"), evidence
("Polls show ..."), stance adjectives and nouns with prepositional objects ("critical of", "X's attacks on"),
gerund and pro-form complements ("reported raising", "said so"), "hopes" lemmatized as "hop", comma-set frames with
an addressee or around another cue, and Title Case headlines. Per-rule dev/train effects are noted at the flags in
`newsweave/annotate/quotes.py`; tried and left off: "voted for" (dev -0.01), time objects (dev -0.03), cues in
embedded questions (dev -0.01), participles modifying a noun (train -0.01). A last fix for two rules that clashed
(dev unchanged, train +0.01) moved test from 75.0 to 75.1 (P 82.4 / R 69.0), the figure in the summary below.

Context: on the 16 train articles with two annotators, human agreement under this same metric is about
78 speaker-attribution F1 (table at the end); the dev/test double-annotated sets hold only 2 articles each.
Most of the remaining recall gap is PolNeAR's long tail of cues outside a reporting-verb lexicon ("made
the case for", "is thanking", "cast doubt on", headline colons inside running text, nominal cues) and
parser errors around known cues (sentences run over paragraph breaks, clauses hung on the wrong verb).
The first annotator's attributions never overlap one another (no nested attributions in the gold).
"""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(head + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    raise SystemExit(main())
