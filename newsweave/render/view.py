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
class BriefingView:
    title: str
    sources: list[SourceView]
    items: list[ItemView]


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
    items = []
    for item in b.summary:
        markers = []
        for ev in item.evidence:
            src = by_id.get(ev.article)
            if src is None:
                continue
            anchor = anchor_for(ev)
            if anchor not in seen:
                seen.add(anchor)
                src.cited.append(CitedSpan(anchor, ev.start, ev.end, src.article.text[ev.start:ev.end]))
            if all(m.article != ev.article for m in markers):
                markers.append(Marker(src.number, anchor, ev.article))
        items.append(ItemView(item.text, markers, len({m.article for m in markers}) <= 1))
    for s in sources:
        s.cited.sort(key=lambda c: c.start)
    title = f"Briefing: {_central_title(b.articles)}" if any(a.title for a in b.articles) else "Briefing"
    return BriefingView(title=title, sources=sources, items=items)


def _central_title(articles: list[Article]) -> str:
    """The headline sharing the most words with the other headlines: the story's common denominator,
    rather than whichever outlet happens to come first."""
    import re

    titles = [a.title for a in articles if a.title]
    words = [set(w for w in re.findall(r"\w+", t.lower()) if len(w) > 3) for t in titles]
    def shared(i: int) -> float:
        return sum(len(words[i] & words[j]) for j in range(len(titles)) if j != i) / (1 + len(words[i]) ** 0.5)
    return titles[max(range(len(titles)), key=shared)]
