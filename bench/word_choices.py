"""Word choices against NewsWCL50's concept chains: are the two sides of a pair about the same thing?

Data: ``../shared/benchmarks/newswcl50/zhukova-cdcr-conll/NewsWCL50.conll`` (read at run time, never copied):
10 events of 2018, each reported by 5 US outlets of known leaning (LL, L, M, R, RR), with every annotated
mention tagged with its concept chain (``0_USA_Trump_ACTOR``, ``0_PRK_USA_Summit_EVENT``, ...). The chains
are the annotators' answer to "which phrases of these outlets name the same actor, event or action", the
labelling side of word choice ("a summit" / "a meeting", "illegal aliens" / "undocumented immigrants").

Each event's five articles are briefed (``newsweave.brief``, the articles detokenized from the CoNLL tokens,
paragraph breaks kept); every word-choice pair with words on both sides (``framing[].word_choices[].pairs``)
is taken once per unordered pair of evidence spans. A pair is *judgeable* when each side overlaps an
annotated mention, and *same concept* when the two sides share a chain. Words outside any mention (most
verbs, adjectives and adverbs: the codebook annotates mostly noun phrases and some actions) cannot be
judged. The figure is a precision on the judgeable pairs; there is no recall (the chains do not say which
differing words stand in the same place of one statement).

    .venv/bin/python bench/word_choices.py [--no-write] [--examples N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "benchmarks" / "newswcl50" / "zhukova-cdcr-conll" / "NewsWCL50.conll"
RESULTS = REPO / "bench" / "results" / "word_choices.md"

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
                    "’s", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘"}


def read_conll(path: Path) -> dict[str, dict]:
    """Per document id: ``text`` (detokenized, paragraphs as blank lines) and ``mentions``: ``(start, end,
    chain)`` character spans of every annotated mention."""
    docs: dict[str, dict] = {}
    for line in path.open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 5:
            continue
        doc_id, token, chains = cols[0], cols[3], cols[4]
        d = docs.setdefault(doc_id, {"parts": [], "open": defaultdict(list), "mentions": [], "len": 0,
                                     "quote_open": False})
        if token in ("\\n", "\n"):
            if d["parts"] and not d["parts"][-1].endswith("\n\n"):
                d["parts"].append("\n\n")
                d["len"] += 2
            continue
        prev = d["parts"][-1] if d["parts"] else "\n\n"
        space = not (prev.endswith("\n") or prev in _NO_SPACE_AFTER or token in _NO_SPACE_BEFORE)
        if token == '"':  # straight quotes alternate: an opening one sticks to what follows
            if d["quote_open"]:
                space = False
            d["quote_open"] = not d["quote_open"]
        elif prev == '"' and d["quote_open"]:
            space = False
        if space:
            d["parts"].append(" ")
            d["len"] += 1
        start = d["len"]
        d["parts"].append(token)
        d["len"] += len(token)
        for tag in chains.split("|"):
            tag = tag.strip()
            if not tag or tag == "-":
                continue
            name = tag.strip("()")
            if tag.startswith("("):
                d["open"][name].append(start)
            if tag.endswith(")") and d["open"][name]:
                d["mentions"].append((d["open"][name].pop(), d["len"], name))
    out = {}
    for doc_id, d in docs.items():
        out[doc_id] = {"text": "".join(d["parts"]).strip(), "mentions": d["mentions"]}
    return out


SHORT_MENTION = 60  # characters: a mention this short names a thing; a longer one is a clause-long MISC or ACTION


def chains_at(mentions: list[tuple[int, int, str]], start: int, end: int, longest: int | None = None) -> set[str]:
    return {c for s, e, c in mentions if s < end and start < e and (longest is None or e - s <= longest)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(REPO)}")
    ap.add_argument("--examples", type=int, default=0, help="print N judged pairs of each kind (to read, not to keep)")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"missing benchmark data: {DATA}")

    import newsweave
    from newsweave import Article

    docs = read_conll(DATA)
    events: dict[str, list[str]] = defaultdict(list)
    for doc_id in docs:
        events[doc_id.split("/")[0]].append(doc_id)

    pairs_all = judgeable = same = strict = 0
    by_type: Counter = Counter()
    wrong_types: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    t0 = time.perf_counter()
    n_articles = 0
    for event, ids in sorted(events.items(), key=lambda kv: int(kv[0])):
        arts = [Article(id=i.split("/")[-1], source=f"newswcl50/{i}", outlet=i.split("_")[-1], text=docs[i]["text"])
                for i in ids]
        n_articles += len(arts)
        by_id = {i.split("/")[-1]: docs[i] for i in ids}
        b = newsweave.brief(arts)
        seen = set()
        for item in b.framing:
            for wc in item.get("word_choices", []):
                for p in wc.get("pairs", []):
                    if not (p["this"] and p["other"]):
                        continue
                    ea, eb = p["evidence"]
                    key = frozenset({(ea["article"], ea["start"], ea["end"]), (eb["article"], eb["start"], eb["end"])})
                    if key in seen:
                        continue
                    seen.add(key)
                    pairs_all += 1
                    ca = chains_at(by_id[ea["article"]]["mentions"], ea["start"], ea["end"])
                    cb = chains_at(by_id[eb["article"]]["mentions"], eb["start"], eb["end"])
                    if not (ca and cb):
                        if len(examples["unjudged"]) < args.examples:
                            examples["unjudged"].append(f"{p['this']!r} / {p['other']!r}")
                        continue
                    short_a = chains_at(by_id[ea["article"]]["mentions"], ea["start"], ea["end"], SHORT_MENTION)
                    short_b = chains_at(by_id[eb["article"]]["mentions"], eb["start"], eb["end"], SHORT_MENTION)
                    strict += bool(short_a & short_b)
                    judgeable += 1
                    shared = ca & cb
                    kind = "same" if shared else "different"
                    if shared:
                        same += 1
                        by_type.update({c.rsplit("_", 1)[-1] for c in shared})
                    else:
                        wrong_types.update({c.rsplit("_", 1)[-1] for c in ca | cb})
                    if len(examples[kind]) < args.examples:
                        examples[kind].append(f"{p['this']!r} / {p['other']!r}  ({', '.join(sorted(shared or ca | cb))[:90]})")
    elapsed = time.perf_counter() - t0
    precision = same / judgeable if judgeable else float("nan")

    for kind, rows in examples.items():
        print(f"== {kind}", file=sys.stderr)
        for r in rows:
            print("   ", r, file=sys.stderr)

    lines = [
        "# Word choices against NewsWCL50's concept chains",
        "",
        f"`bench/word_choices.py`: {len(events)} events, {n_articles} articles (NewsWCL50, 5 outlets of known leaning per "
        "event), each event briefed as one story; every word-choice pair with words on both sides, once per pair "
        "of evidence spans. A pair is judgeable when each side overlaps an annotated mention; it is right when "
        "the two sides share a concept chain.",
        "",
        "| pairs | judgeable (both sides in a mention) | same concept | precision on judgeable | same concept, both in a mention of at most 60 characters |",
        "|---:|---:|---:|---:|---:|",
        f"| {pairs_all} | {judgeable} | {same} | {precision:.2f} | {strict} |",
        "",
        "A clause-long mention (a MISC or ACTION chain can span a whole clause) holds any two words of it, so the "
        "last column counts only pairs whose both sides lie in short mentions of one chain, a name for one thing.",
        "",
        "Concept types of the right pairs: " + (", ".join(f"{t} {n}" for t, n in by_type.most_common()) or "none") + ".",
        "Concept types on either side of the wrong pairs: " + (", ".join(f"{t} {n}" for t, n in wrong_types.most_common()) or "none") + ".",
        "",
        f"Time: {elapsed:.0f} s (annotation included). No published anchor: NewsWCL50's papers score concept "
        "resolution, not aligned substitutions.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        RESULTS.write_text(report)
        print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
