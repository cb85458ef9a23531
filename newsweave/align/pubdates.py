"""Infer the publication date of articles that state none, from evidence inside them and across the story.

An undated report still says a lot about when it was written: an embedded post or a photo caption
carries a date (the report cannot be older than what it embeds), and its relative expressions ("on
Wednesday", "two weeks ago", "last week") name events that other, dated reports of the same story date
outright. For each candidate day D we re-read the article as if published on D and count how many of its
relative expressions then agree with the dates other reports give the same events (matched sentence to
sentence). The best D satisfies the most such constraints, never precedes a dated reference inside the
article, and, among equals, is the day of the latest event the article itself narrates (news is written
on the day of its latest news), then the one nearest the dated post it embeds, or else nearest the
story's dates. When nothing constrains the date it stays null, with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from newsweave.align.similarity import SentenceIndex
from newsweave.annotate.timevalues import value_interval
from newsweave.model import AnnotatedArticle

SEARCH_DAYS = 30  # candidates range this far around the story's dates
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RELATIVE_ANCHORS = {"dct"}


@dataclass
class Inference:
    date: str | None
    evidence: list[dict] = field(default_factory=list)
    note: str | None = None


def _compatible(a: str, b: str) -> bool:
    ia, ib = value_interval(a), value_interval(b)
    if not ia or not ib:
        return False
    # Same day, or one value lies within the other (a day inside a week or month).
    return (ia[0] >= ib[0] and ia[1] <= ib[1]) or (ib[0] >= ia[0] and ib[1] <= ia[1])


def _embedded_dates(doc: AnnotatedArticle) -> list[tuple[dt.date, str]]:
    """Full dates stated by furniture the article embeds (posts, captions): the article is not older."""
    from newsweave.annotate.dates import tag_timexes

    out = []
    for removed in doc.article.removed:
        if not any(k in removed.reason for k in ("embedded", "caption", "photo")):
            continue
        for t in tag_timexes(removed.text, None):
            if t.type == "DATE" and _DAY.match(t.value) and re.search(r"\b\d{4}\b", t.text):
                out.append((dt.date.fromisoformat(t.value), removed.text))
    return out


def infer_publication_dates(docs: Sequence[AnnotatedArticle], index: SentenceIndex) -> dict[str, Inference]:
    """An :class:`Inference` for every article without a publication date, keyed by article id."""
    from newsweave.annotate.dates import tag_timexes

    dated = {d.article.id: d for d in docs if d.article.published}
    story_days = [dt.date.fromisoformat(d.article.published) for d in dated.values() if _DAY.match(d.article.published or "")]
    results: dict[str, Inference] = {}
    for doc in docs:
        if doc.article.published:
            continue
        refs = _embedded_dates(doc)
        lower = max((d for d, _ in refs), default=None)
        pivots = story_days + ([lower] if lower else [])
        if not pivots:
            results[doc.article.id] = Inference(None, note="no dated reference inside it and no dated report of the same story")
            continue
        center = dt.date.fromordinal(int(median(d.toordinal() for d in pivots)))
        lo = min([center - dt.timedelta(days=SEARCH_DAYS)] + ([lower] if lower else []))
        hi = max(center, lower or center) + dt.timedelta(days=SEARCH_DAYS)

        # Relative expressions of this article, and the dates other reports give the same events.
        constraints = []  # (timex start, sentence, other article id, other sentence, other value)
        for t in doc.timexes:
            if t.type != "DATE" or t.anchor not in _RELATIVE_ANCHORS:
                continue
            sent = doc.sentence_at(t.start)
            if sent is None:
                continue
            for match in index.supporting(sent, use_embeddings=False):
                other = dated.get(match.sentence.article)
                if other is None:
                    continue
                for ot in other.timexes:
                    if match.sentence.start <= ot.start < match.sentence.end and ot.type == "DATE" and value_interval(ot.value):
                        constraints.append((t.start, sent, other.article.id, match.sentence, ot.value))
        # Only sentences whose dates depend on the publication date need re-reading for each candidate day.
        relative_sents = sorted({id(s): s for s in (doc.sentence_at(t.start) for t in doc.timexes if t.anchor in _RELATIVE_ANCHORS) if s}.values(),
                                key=lambda s: s.start)
        pieces, shift = [], {}
        pos = 0
        for sent in relative_sents:
            shift[pos] = sent.start
            pieces.append(sent.text)
            pos += len(sent.text) + 2
        subtext = "\n\n".join(pieces)
        starts = sorted(shift)

        def reread(day: dt.date) -> dict[int, object]:
            out = {}
            for t in tag_timexes(subtext, day.isoformat()):
                base = max(p for p in starts if p <= t.start)
                out[shift[base] + t.start - base] = t
            return out

        at_lo, at_hi = reread(lo), reread(hi)
        # A constraint informs only when its reading depends on the day (not "November 20" for every day).
        constraints = [c for c in constraints if c[0] in at_lo and c[0] in at_hi and at_lo[c[0]].value != at_hi[c[0]].value]
        best: tuple[tuple[float, int, int], dt.date, list] | None = None
        day = lo
        while day <= hi:
            anchored = reread(day) if starts else {}
            satisfied = [c for c in constraints if c[0] in anchored and _compatible(anchored[c[0]].value, c[4])]
            past_days = [
                dt.date.fromisoformat(t.value) for t in anchored.values()
                if t.type == "DATE" and _DAY.match(t.value) and t.value <= day.isoformat()
            ] + [d for d, _ in refs]
            latest_is_today = bool(past_days) and max(past_days) == day
            score = 3.0 * len({c[0] for c in satisfied}) + (1.0 if latest_is_today else 0.0)
            if lower and day < lower:
                score -= 100.0
            # among equals, the day nearest what the article embeds (a report follows the post it quotes), else
            # nearest the story's dates: a lone "on Thursday" fits every Thursday of the search window, and
            # the earliest one is weeks before the story
            key = (score, -abs(day.toordinal() - (lower or center).toordinal()), -day.toordinal())
            if best is None or key > best[0]:
                best = (key, day, satisfied)
            day += dt.timedelta(days=1)
        assert best is not None
        (score, _, _), day, satisfied = best
        if score <= 0 and not lower:
            results[doc.article.id] = Inference(None, note="no relative date in it matches an event that other reports date")
            continue
        evidence: list[dict] = [
            {"kind": "dated reference inside the article", "date": d.isoformat(), "text": ref}
            for d, ref in dict.fromkeys(refs)
        ]
        seen = set()
        for start, sent, other_id, other_sent, value in satisfied:
            if (start, other_id) in seen:
                continue
            seen.add((start, other_id))
            evidence.append({
                "kind": "event dated by another report",
                "article": doc.article.id, "start": sent.start, "end": sent.end,
                "other": {"article": other_id, "start": other_sent.start, "end": other_sent.end, "date": value},
            })
        results[doc.article.id] = Inference(day.isoformat(), evidence=evidence)
    return results
