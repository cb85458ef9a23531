"""What every view of a briefing shares: article numbers for citation markers, and the cited spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.model import Article, Briefing, Evidence


@dataclass(slots=True)
class CitedSpan:
    anchor: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class SourceView:
    number: int
    article: Article
    label: str  # "Outlet, 2020-11-20" or the id
    cited: list[CitedSpan] = field(default_factory=list)


@dataclass(slots=True)
class Marker:
    number: int
    anchor: str
    article: str


@dataclass(slots=True)
class ItemView:
    text: str
    markers: list[Marker]
    single_source: bool


@dataclass(slots=True)
class TimelineView:
    date: str
    status: str
    event: str
    markers: list[Marker]


@dataclass(slots=True)
class QuoteView:
    speaker: str
    text: str
    markers: list[Marker]


@dataclass(slots=True)
class ReuseView:
    source: SourceView
    copy: SourceView
    score: float
    directed: bool  # True when publication dates say which came first


@dataclass(slots=True)
class BriefingView:
    title: str
    sources: list[SourceView]
    items: list[ItemView]
    timeline: list[TimelineView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    reuse: list[ReuseView] = field(default_factory=list)


def is_web_url(url: str | None) -> bool:
    """Only http(s) addresses become links: an Article built in Python may carry anything."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


def anchor_for(ev: Evidence) -> str:
    return f"cite-{ev.article}-{ev.start}-{ev.end}"


def article_label(a: Article) -> str:
    bits = [a.outlet or a.id]
    if a.published:
        bits.append(a.published + (" (inferred)" if a.published_inferred else ""))
    return ", ".join(bits)


def build_view(b: Briefing) -> BriefingView:
    sources = [SourceView(i + 1, a, article_label(a)) for i, a in enumerate(b.articles)]
    by_id = {s.article.id: s for s in sources}
    seen: set[str] = set()

    def markers_for(evidence) -> list[Marker]:
        """One marker per cited article, linking to its cited span in the source list."""
        markers: list[Marker] = []
        for ev in evidence:
            if isinstance(ev, dict):
                ev = Evidence(article=ev["article"], start=ev["start"], end=ev["end"])
            src = by_id.get(ev.article)
            if src is None:
                continue
            anchor = anchor_for(ev)
            if anchor not in seen:
                seen.add(anchor)
                src.cited.append(CitedSpan(anchor, ev.start, ev.end, src.article.text[ev.start:ev.end]))
            if all(m.article != ev.article for m in markers):
                markers.append(Marker(src.number, anchor, ev.article))
        return markers

    items = []
    for item in b.summary:
        markers = markers_for(item.evidence)
        items.append(ItemView(item.text, markers, len({m.article for m in markers}) <= 1))
    timeline = [TimelineView(e["date"], e["status"], e["event"], markers_for(e["evidence"])) for e in b.timeline]
    quotes = [
        QuoteView(q.get("speaker") or "unattributed", q["text"], markers_for(q["evidence"]))
        for q in b.quotes if len(q["sources"]) > 1 or q.get("kind") == "direct"
    ]
    reuse = [
        ReuseView(by_id[r["articles"][0]], by_id[r["articles"][1]], r["score"], r.get("direction") not in (None, "unknown"))
        for r in b.reuse if r["articles"][0] in by_id and r["articles"][1] in by_id
    ]
    for s in sources:
        s.cited.sort(key=lambda c: c.start)
    title = f"Briefing: {_central_title(b.articles)}" if any(a.title for a in b.articles) else "Briefing"
    return BriefingView(title=title, sources=sources, items=items, timeline=timeline, quotes=quotes, reuse=reuse)


def _central_title(articles: list[Article]) -> str:
    """The headline sharing the most words with the other headlines: the story's common denominator,
    rather than whichever outlet happens to come first."""
    import re

    titles = [a.title for a in articles if a.title]
    words = [set(w for w in re.findall(r"\w+", t.lower()) if len(w) > 3) for t in titles]
    def shared(i: int) -> float:
        return sum(len(words[i] & words[j]) for j in range(len(titles)) if j != i) / (1 + len(words[i]) ** 0.5)
    return titles[max(range(len(titles)), key=shared)]
