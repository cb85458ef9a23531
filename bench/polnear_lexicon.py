"""Error-analysis aid: per-frame cue statistics of lemmas in the PolNeAR **train** split.

PolNeAR states no licence: the output is for reading only (to see which general English constructions the
extractor misses). It must never be committed or read by the package; ``--out`` is required and should point
outside the repository (e.g. /tmp).

For every verb, adjective and noun token of the train articles (outside quotation marks) we record its
lemma, the syntactic frames it occurs in (``ccomp``: a clausal complement; ``xcomp``: an infinitive
complement; ``dobj``: a direct object; ``prep:<p>``: a prepositional object, each verb in its first
frame of that order only; ``clause``: a noun with a
clausal dependent; ``acomp``: an adjective with a clausal complement; ``aprep:<p>``: an adjective's prepositional object) and whether the token lies inside a
gold **Cue** span of the first annotator. The output keeps, per frame, ``lemma -> [as_cue, total]`` for
lemmas seen as a cue at least twice. Only lemmas and counts are stored: no article text.
The extractor (``newsweave.annotate.quotes``) does not read it.

Usage::

    python bench/polnear_lexicon.py --out /tmp/cue_stats.json                  # parse train (3-4 minutes)
    python bench/polnear_lexicon.py --out /tmp/cue_stats.json --docbin X.spacy # reuse a DocBin of train
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

MIN_CUE = 2


def frames(tok) -> list[str]:
    """The frames of ``tok``; a verb counts in its primary frame only (ccomp > xcomp > dobj > prep), the
    order in which the extractor looks for its content."""
    deps = {c.dep_ for c in tok.children}
    if tok.pos_ == "VERB":
        for f in ("ccomp", "xcomp", "dobj"):
            if f in deps:
                return [f]
        return [f"prep:{c.lower_}" for c in tok.children if c.dep_ == "prep"]
    if tok.pos_ == "ADJ":
        if "ccomp" in deps or "xcomp" in deps:
            return ["acomp"]
        return [f"aprep:{c.lower_}" for c in tok.children if c.dep_ == "prep"]
    if tok.pos_ == "NOUN":
        if any(c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in tok.children):
            return ["clause"]
    return []


def main(argv: list[str] | None = None) -> int:
    import polnear
    from newsweave.annotate.nlp import load_nlp
    from newsweave.annotate.quotes import find_quote_spans

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docbin", help="pre-parsed train split (spaCy DocBin, same article order)")
    ap.add_argument("--out", required=True, help="a path outside the repository")
    args = ap.parse_args(argv)
    if Path(args.out).resolve().is_relative_to(REPO):
        raise SystemExit("--out must lie outside the repository (PolNeAR-derived counts never ship)")
    arts = polnear.load_split("train")
    nlp = load_nlp()
    if args.docbin:
        from spacy.tokens import DocBin

        docs = DocBin().from_disk(args.docbin).get_docs(nlp.vocab)
    else:
        docs = nlp.pipe((a.text for a in arts), batch_size=32)
    stats: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for art, doc in zip(arts, docs):
        assert doc.text == art.text
        cues = sorted((a, b) for g in polnear.parse_ann(art.ann_files[0]) if g.cue for a, b in g.cue)
        starts = [a for a, _ in cues]
        quotes = find_quote_spans(art.text)

        def in_cue(t) -> bool:
            k = bisect.bisect_right(starts, t.idx) - 1
            return any(a <= t.idx < b for a, b in cues[max(0, k - 3) : k + 1])

        def in_quote(t) -> bool:
            return any(q.inner_start <= t.idx < q.inner_end for q in quotes)

        for t in doc:
            if t.pos_ not in ("VERB", "ADJ", "NOUN"):
                continue
            fr = frames(t)
            if not fr or in_quote(t):
                continue
            hit = in_cue(t)
            lemma = t.lemma_.lower()
            for f in fr:
                s = stats[f][lemma]
                s[0] += hit
                s[1] += 1
    out = {
        "_about": "PolNeAR train: per syntactic frame, lemma -> [times inside a gold cue, occurrences]; "
        "regenerate with bench/polnear_lexicon.py",
    }
    for f in sorted(stats):
        kept = {lem: v for lem, v in sorted(stats[f].items()) if v[0] >= MIN_CUE}
        if kept:
            out[f] = kept
    Path(args.out).write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: " + ", ".join(f"{f} {len(v)}" for f, v in out.items() if f != "_about"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
