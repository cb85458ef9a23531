"""What every view of a briefing shares: article numbers for citation markers, the cited spans, and the
report's sections (timeline, corroboration matrix, disagreements, outlet cards, reuse, entities, quotes)
as plain data that the HTML, Markdown and terminal renderers lay out.

Every evidence span that any section cites is registered once (:meth:`_Citations.marker`) and gets an
anchor id; :attr:`SourceView.segments` then cuts each article's text into non-overlapping segments at the
boundaries of all its cited spans, so overlapping spans can be highlighted and anchored without nesting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsweave.ingest.furniture import CORRECTION_NOTE
from newsweave.model import Article, Briefing, Evidence, latest_position

MATRIX_ROWS = 15
MATRIX_MIN = 5
MAX_LOADED = 5  # loaded sentences shown per outlet (the compose stage keeps at most 5)
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "one", "someone", "somebody"}


# How a summary item that states a disagreement's value names it, by the disagreement's status
DISPUTE_LABELS = {"contradiction": "disputed", "update": "updated", "estimate": "estimates differ"}


@dataclass(slots=True)
class CitedSpan:
    anchor: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Segment:
    """A piece of an article's text: ``text[start:end]``, covered by the cited spans ``anchors``."""

    start: int
    end: int
    text: str
    anchors: list[str]  # the cited spans covering it (empty: plain text)
    opens: list[str]  # cited spans that start here (their id anchors go right before it)
    left_out: bool = False  # an aside a summary item's wording leaves out of this cited span


@dataclass(slots=True)
class SourceView:
    number: int
    article: Article
    label: str  # "Outlet, 2020-11-20" or the id
    cited: list[CitedSpan] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    # (start, end, anchor) of each aside a summary item leaves out of its cited span (anchor: that span's)
    left_out: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.article.outlet or self.article.title or self.article.id

    @property
    def anchor(self) -> str:
        return "source-" + safe_id(self.article.id)

    @property
    def card(self) -> str:
        return "outlet-" + safe_id(self.article.id)


@dataclass(slots=True)
class Marker:
    number: int
    anchor: str
    article: str


@dataclass(slots=True)
class ItemView:
    text: str
    markers: list[Marker]
    single_source: bool  # one independent source (copies of its text, or its outlet's other reports, count once)
    copies: int = 0  # the other articles that state it in that source's words
    # (disagreement id, its anchor, how to name it) of each disagreement it states a value of: "disputed" for a
    # contradiction, "updated" for a value that moves over time, "estimates differ" for differing estimates
    disputed: list[tuple[str, str, str]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # the asides the item's wording leaves out of its source
    one_outlet: bool = False  # every article that states it is one outlet's (its own reports, not copies by others)


def disputes_by_label(disputed: list[tuple[str, str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """An item's disagreements by how they are named, in order: [("updated", [("D1", anchor), ("D2", anchor)])], so
    that a reader sees "updated: D1, D2" once."""
    by_label: dict[str, list[tuple[str, str]]] = {}
    for did, anchor, label in disputed:
        by_label.setdefault(label, []).append((did, anchor))
    return list(by_label.items())


def shortened_note(item: ItemView) -> str:
    """'shortened: leaves out “, the only other operator on the route,”' for an item whose wording leaves out
    asides of its source sentence (so the words a reader sees are still the source's, and no less)."""
    return "shortened: leaves out " + " and ".join(f"“{short(t.strip(' ,'), 80)}”" for t in item.left_out)


@dataclass(slots=True)
class TimelineView:
    date: str
    status: str
    event: str
    markers: list[Marker]
    anchor: str = ""
    label: str = ""  # the date for people: "20 Nov 2020", "Nov 2020", "week of 9 Nov 2020"
    end: str = ""  # a period's last date (TIMEX value), when the event is one
    disputed: list[tuple[str, str, str]] = field(default_factory=list)  # as ItemView's: its date is contested


@dataclass(slots=True)
class QuoteView:
    speaker: str
    text: str
    markers: list[Marker]
    kind: str = "direct"
    # a direct quote that other outlets put in other words ("We will never retreat" / "We will not retreat one
    # step"): each other wording, with its citation, so a reader sees who quotes what
    worded: list[tuple[str, Marker]] = field(default_factory=list)


@dataclass(slots=True)
class ReuseView:
    source: SourceView
    copy: SourceView
    score: float
    directed: bool  # True when publication dates say which came first
    hint: bool = False  # direction guessed from the shape of the overlap (not from dates)
    passages: list[tuple[Marker, Marker, float]] = field(default_factory=list)


@dataclass(slots=True)
class Cell:
    marker: Marker
    shared_with: list[int]  # article numbers of the same origin (copies count once)
    denies: bool = False  # the article's wording denies the fact ("had not been arrested"): its span, no support


@dataclass(slots=True)
class FactRow:
    id: str
    text: str
    independent: int
    cells: list[Cell | None]  # one per source, in source order

    @property
    def n_sources(self) -> int:
        return sum(c is not None and not c.denies for c in self.cells)


@dataclass(slots=True)
class MatrixView:
    rows: list[FactRow]
    rest: int  # facts not shown
    rest_single: int  # of them, stated by one article only
    total: int
    denied: bool = False  # some row has an article that denies its fact


@dataclass(slots=True)
class EvidenceView:
    marker: Marker
    source: SourceView
    before: str
    value: str
    after: str
    said_by: str | None = None  # whom the report gives the value to

    @property
    def label(self) -> str:
        """The outlet and date, and whom it cites for the value: "Daily Ledger, 2026-08-09, citing officials"."""
        return self.source.label + (f", citing {self.said_by}" if self.said_by else "")


@dataclass(slots=True)
class PositionView:
    value: str
    sources: list[SourceView]
    evidence: list[EvidenceView]


@dataclass(slots=True)
class DisagreementView:
    id: str
    subject: str
    kind: str
    status: str
    explanation: str
    positions: list[PositionView]


@dataclass(slots=True)
class FactRef:
    id: str
    text: str
    marker: Marker | None  # this article's span (unique facts)
    stated_by: list[SourceView] = field(default_factory=list)  # for omissions: who states it


@dataclass(slots=True)
class Voice:
    speaker: str
    kinds: list[str]
    marker: Marker | None


@dataclass(slots=True)
class FramingTerm:
    term: str
    label: str  # its category ("loaded", "intensifier" ...) or what it frames; "" when unknown
    marker: Marker | None  # its first use in the article
    count: int = 1


@dataclass(slots=True)
class LoadedSentence:
    """One of the article's most loaded claims (outside quotes): its own ``text[start:end]``, cited."""

    text: str
    marker: Marker
    score: float | None = None


@dataclass(slots=True)
class WordChoice:
    """How this outlet words a fact that others word differently."""

    fact: str
    fact_text: str
    this: list[str]
    others: list[tuple[SourceView, list[str]]]
    # the aligned substitutions; one side is "" where one outlet adds a word the other has not ("a
    # separatist war" / "a war")
    pairs: list[WordPair] = field(default_factory=list)

    def groups(self) -> list[WordPairGroup]:
        """The pairs with one entry per (this, other) wording and every outlet that has the other, in report
        order, with the markers of this outlet's words and of each other outlet's."""
        out: dict[tuple[str, str], WordPairGroup] = {}
        for p in self.pairs:
            g = out.setdefault((p.this, p.other), WordPairGroup(p.this, p.other, p.this_marker))
            if all(s.number != p.source.number for s in g.sources):
                g.sources.append(p.source)
                g.other_markers.append(p.other_marker)
        for g in out.values():
            order = sorted(range(len(g.sources)), key=lambda k: g.sources[k].number)
            g.sources = [g.sources[k] for k in order]
            g.other_markers = [g.other_markers[k] for k in order]
        # substitutions first, then words one side adds; outlets in their report order
        return sorted(out.values(), key=lambda g: not (g.this and g.other))


@dataclass(slots=True)
class WordPair:
    """One aligned substitution: this outlet's words, the other outlet and its words, each cited."""

    this: str
    source: SourceView
    other: str
    this_marker: Marker | None = None
    other_marker: Marker | None = None


@dataclass(slots=True)
class WordPairGroup:
    this: str
    other: str
    this_marker: Marker | None
    sources: list[SourceView] = field(default_factory=list)
    other_markers: list[Marker | None] = field(default_factory=list)


@dataclass(slots=True)
class OutletCard:
    source: SourceView
    date: str | None
    inferred: bool
    date_evidence: list[str]
    date_note: str | None
    framing: list[FramingTerm]
    voices: list[Voice]
    word_choices: list[WordChoice]
    unique: list[FactRef]
    omitted: list[FactRef]
    loaded: list[LoadedSentence] = field(default_factory=list)  # most loaded first
    loaded_share: float | None = None  # share of its claims outside quotes that read as loaded
    loaded_analysed: bool = False  # the framing gave loaded sentences or a share for this article

    @property
    def corrections(self) -> list[str]:
        """The outlet's notes on its own text ("Correction: an earlier version said ..."), set apart at ingest."""
        return [r.text for r in self.source.article.removed if r.reason == CORRECTION_NOTE]

    @property
    def loaded_note(self) -> str:
        """The share in words ("15% of its claims outside quotes read as loaded"); "" when not analysed."""
        if not self.loaded_analysed:
            return ""
        if self.loaded_share is None:
            return "no claims outside quotes to assess" if not self.loaded else ""
        if self.loaded_share == 0:
            return "none of its claims outside quotes read as loaded"
        return f"{percent(self.loaded_share)} of its claims outside quotes read as loaded"


@dataclass(slots=True)
class EntityView:
    name: str
    type: str
    aliases: list[str]
    sources: list[SourceView]


@dataclass(slots=True)
class BriefingView:
    title: str
    sources: list[SourceView]
    items: list[ItemView]
    timeline: list[TimelineView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    reuse: list[ReuseView] = field(default_factory=list)
    matrix: MatrixView | None = None
    disagreements: list[DisagreementView] = field(default_factory=list)
    cards: list[OutletCard] = field(default_factory=list)
    entities: list[EntityView] = field(default_factory=list)
    all_quotes: list[QuoteView] = field(default_factory=list)
    has_framing: bool = False  # the framing stage ran (b.framing is not empty)


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:\-]")


def safe_id(text: str) -> str:
    """An HTML id fragment: no whitespace or characters that a ``#fragment`` would need to escape."""
    return _UNSAFE_ID.sub("_", text)


def is_web_url(url: str | None) -> bool:
    """Only http(s) addresses become links: an Article built in Python may carry anything."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


def anchor_for(ev: Evidence) -> str:
    return f"cite-{safe_id(ev.article)}-{ev.start}-{ev.end}"


def article_label(a: Article) -> str:
    bits = [a.outlet or a.id]
    if a.published:
        bits.append(a.published + (" (inferred)" if a.published_inferred else ""))
    return ", ".join(bits)


def percent(share: float) -> str:
    """A share in 0..1 as a whole percentage that never rounds a few to none or most to all."""
    p = share * 100
    if 0 < p < 1:
        return "<1%"
    if 99 < p < 100:
        return ">99%"
    return f"{p:.0f}%"


def short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


class _Citations:
    """Registers every cited span once and makes the markers that link to it."""

    def __init__(self, sources: list[SourceView]):
        self.by_id = {s.article.id: s for s in sources}
        self.seen: set[str] = set()

    def marker(self, ev: Any) -> Marker | None:
        if isinstance(ev, dict):
            ev = Evidence(article=ev["article"], start=ev["start"], end=ev["end"])
        src = self.by_id.get(ev.article)
        if src is None or not (0 <= ev.start < ev.end <= len(src.article.text)):
            return None
        anchor = anchor_for(ev)
        if anchor not in self.seen:
            self.seen.add(anchor)
            src.cited.append(CitedSpan(anchor, ev.start, ev.end, src.article.text[ev.start:ev.end]))
        return Marker(src.number, anchor, ev.article)

    def markers(self, evidence) -> list[Marker]:
        """One marker per cited article (its first span), in evidence order."""
        out: list[Marker] = []
        for ev in evidence or []:
            m = self.marker(ev)
            if m is not None and all(x.article != m.article for x in out):
                out.append(m)
        return out


def segments(text: str, cited: list[CitedSpan], left_out: list[tuple[int, int, str]] = ()) -> list[Segment]:
    """Cut ``text`` at every start and end of the cited spans (and of the asides summary items leave out of
    them): each segment is covered by a fixed set of spans, so overlapping or nested spans become flat,
    non-overlapping pieces. A segment is ``left_out`` when every span covering it leaves it out (a timeline
    entry that cites the whole sentence keeps it in)."""
    bounds = sorted({0, len(text)} | {c.start for c in cited} | {c.end for c in cited}
                    | {x for s, e, _ in left_out for x in (s, e)})
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if a >= b:
            continue
        covering = [c.anchor for c in cited if c.start <= a and b <= c.end]
        opens = [c.anchor for c in cited if c.start == a]
        leaving = {anchor for s, e, anchor in left_out if s <= a and b <= e}
        out.append(Segment(a, b, text[a:b], covering, opens, bool(covering) and set(covering) <= leaving))
    return out


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def date_label(value: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return f"Q{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        # an ISO week as people say it: the week of its Monday ("last week" in a report of 17 Apr 2018)
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return f"week {int(m.group(2))}, {m.group(1)}"
        return f"week of {monday.day} {_MONTHS[monday.month - 1]} {monday.year}"
    return value


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or [] if isinstance(v, (str, int, float))]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        return None
    return float(value)


@dataclass(slots=True)
class _Loaded:
    spans: list[tuple[int, int, float | None]] = field(default_factory=list)
    share: float | None = None
    analysed: bool = False


def _read_loaded(item: dict, art: str, text: str, out: _Loaded) -> None:
    """An item's ``loaded_sentences`` (``[{article, start, end, score}]``) and ``loaded_share`` for ``art``:
    spans outside the text, of another article, empty or scored below 0 (not loaded) are left out."""
    if "loaded_sentences" not in item and "loaded_share" not in item:
        return
    out.analysed = True
    share = _number(item.get("loaded_share"))
    if out.share is None and share is not None and 0 <= share <= 1:
        out.share = share
    raw = item.get("loaded_sentences")
    for e in [raw] if isinstance(raw, dict) else raw if isinstance(raw, list) else []:
        if not isinstance(e, dict):
            continue
        if not isinstance(e.get("start"), int) and isinstance(e.get("evidence"), (list, dict)):
            evs = [e["evidence"]] if isinstance(e["evidence"], dict) else e["evidence"]
            ev = next((x for x in evs if isinstance(x, dict) and x.get("article", art) == art), None)
            e = {**ev, "score": e.get("score")} if ev else {}
        start, end, score = e.get("start"), e.get("end"), _number(e.get("score"))
        if (e.get("article", art) != art or isinstance(start, bool) or isinstance(end, bool)
                or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text)
                or not text[start:end].strip() or (score is not None and score < 0)
                or any((start, end) == (s, t) for s, t, _ in out.spans)):
            continue
        out.spans.append((start, end, score))


def _framed_voices(b: Briefing) -> dict[str, list[str]]:
    """Per article, the voices its framing item lists (the briefing's ``framing[].voices``), when it has any."""
    out: dict[str, list[str]] = {}
    for item in b.framing:
        if isinstance(item, dict) and isinstance(item.get("article"), str) and isinstance(item.get("voices"), list):
            out[item["article"]] = [v for v in item["voices"] if isinstance(v, str) and v.strip()]
    return out


def _card_voices(quoted: dict[str, Voice], framed: list[str] | None) -> list[Voice]:
    """An outlet card's voices: those of the briefing's framing when it has them (the JSON and every report
    then list the same voices: people and bodies, not documents, quantifiers or pronouns), each linked to a
    quote it speaks in; else every speaker of the article's quotes."""
    if framed is None:
        return list(quoted.values())
    by_name = {k.strip().lower(): v for k, v in quoted.items()}
    out = []
    for name in framed:
        v = by_name.get(name.strip().lower()) or next(
            (v for k, v in by_name.items() if k.startswith(name.strip().lower() + " ")), None)  # "the students who"
        out.append(Voice(name, v.kinds if v else [], v.marker if v else None))
    return out


def _framing(b: Briefing, cite: _Citations, facts: dict[str, dict]) -> tuple[dict[str, list[FramingTerm]], dict[str, list[WordChoice]], dict[str, _Loaded]]:
    """Framing per article, read loosely so that the report renders whatever shape the items have: the
    documented one is ``{article, terms: [{term, category, count, evidence}], voices, word_choices: [{fact,
    this_outlet, others: {article: [words]}, pairs: [{article, this, other}]}], loaded_sentences: [{article, start, end, score}],
    loaded_share}``; items that name several articles (``sources``/``articles``) or hold their terms as
    strings are read too, and anything else is left out."""
    terms: dict[str, list[FramingTerm]] = defaultdict(list)
    choices: dict[str, list[WordChoice]] = defaultdict(list)
    loaded: dict[str, _Loaded] = defaultdict(_Loaded)
    for item in b.framing:
        if not isinstance(item, dict):
            continue
        arts = item.get("article") or item.get("sources") or item.get("articles") or []
        arts = [arts] if isinstance(arts, str) else [a for a in arts if isinstance(a, str)]
        raw = item.get("terms")
        if raw is None:
            raw = [item] if item.get("term") else []
        for art in arts:
            if art not in cite.by_id:
                continue
            for t in raw if isinstance(raw, list) else []:
                if isinstance(t, str):
                    terms[art].append(FramingTerm(t, "", None))
                    continue
                if not isinstance(t, dict) or not (t.get("term") or t.get("text")):
                    continue
                evs = t.get("evidence") or []
                evs = [evs] if isinstance(evs, dict) else evs
                ev = next((e for e in evs if isinstance(e, dict) and e.get("article", art) == art
                           and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)), None)
                m = cite.marker({"article": art, "start": ev["start"], "end": ev["end"]}) if ev else None
                count = t.get("count") if isinstance(t.get("count"), int) else max(1, len(evs))
                terms[art].append(FramingTerm(str(t.get("term") or t.get("text")),
                                              str(t.get("category") or t.get("label") or ""), m, count))
            for wc in item.get("word_choices") or []:
                if not isinstance(wc, dict):
                    continue
                others = wc.get("others") if isinstance(wc.get("others"), dict) else {}
                pairs = [_word_pair(p, art, cite) for p in (wc.get("pairs") if isinstance(wc.get("pairs"), list) else [])
                         if isinstance(p, dict) and p.get("article") in cite.by_id and (p.get("this") or p.get("other"))]
                if not _words(wc.get("this_outlet")) and not pairs:
                    continue
                fact = str(wc.get("fact", ""))
                choices[art].append(WordChoice(
                    fact, facts.get(fact, {}).get("text", ""), _words(wc.get("this_outlet")),
                    [(cite.by_id[o], _words(w)) for o, w in others.items() if o in cite.by_id and _words(w)],
                    pairs))
            _read_loaded(item, art, cite.by_id[art].article.text, loaded[art])
    return terms, choices, loaded


def _word_pair(p: dict, art: str, cite: _Citations) -> WordPair:
    """A pair of the framing item, its words cited where its evidence spans hold exactly those words."""
    this, other = str(p.get("this") or ""), str(p.get("other") or "")
    markers: list[Marker | None] = [None, None]
    evidence = p.get("evidence") if isinstance(p.get("evidence"), list) else []
    for k, (words, owner) in enumerate(((this, art), (other, p["article"]))):
        ev = evidence[k] if k < len(evidence) else None
        if (words and isinstance(ev, dict) and ev.get("article") == owner and isinstance(ev.get("start"), int)
                and isinstance(ev.get("end"), int) and owner in cite.by_id
                and cite.by_id[owner].article.text[ev["start"]:ev["end"]] == words):
            markers[k] = cite.marker(ev)
    return WordPair(this, cite.by_id[p["article"]], other, markers[0], markers[1])


def _loaded_sentences(spans: list[tuple[int, int, float | None]], art: str, cite: _Citations) -> list[LoadedSentence]:
    """The MAX_LOADED most loaded spans (by score when given, else in the item's order), each cited: only
    these are registered, so the article text highlights exactly what the card shows."""
    ranked = sorted(spans, key=lambda x: -x[2] if x[2] is not None else float("inf"))
    out = []
    for start, end, score in ranked[:MAX_LOADED]:
        m = cite.marker({"article": art, "start": start, "end": end})
        if m is not None:
            out.append(LoadedSentence(cite.by_id[art].article.text[start:end], m, score))
    return out


def single_source_note(item: ItemView) -> str:
    """ "single source", and how many articles repeat it in its words ("single source, copied by 1 other"), or how
    many reports of its one outlet state it ("single source, in 2 reports of one outlet": a wire's later report tells
    its first one's lead again, which no one else copied)."""
    if not item.single_source:
        return ""
    if item.copies and item.one_outlet:
        return f"single source, in {item.copies + 1} reports of one outlet"
    return f"single source, copied by {item.copies} other{'s' if item.copies > 1 else ''}" if item.copies else "single source"


_QUOTE_WORD = re.compile(r"\w+")


def _other_wordings(q: dict, cite: "_Citations") -> list[tuple[str, Marker]]:
    """The other outlets' words of a direct quote where they are other words (not only other punctuation or
    case), each with the marker of where that outlet quotes it."""
    if q.get("kind") != "direct":
        return []
    own = _QUOTE_WORD.findall(str(q.get("text", "")).lower())
    evidence = [ev for ev in q.get("evidence") or [] if isinstance(ev, dict)]
    out = []
    for v in q.get("variants") or []:
        if not isinstance(v, dict) or _QUOTE_WORD.findall(str(v.get("text", "")).lower()) == own:
            continue
        ev = next((e for e in evidence if e.get("article") == v.get("article")), None)
        m = cite.marker(ev) if ev is not None else None
        if m is not None:
            out.append((str(v["text"]), m))
    return out


def sentence_case(text: str) -> str:
    """A summary item shown as a sentence: a clause cut from inside one ("some 12,000 have been evacuated")
    starts with a capital on the page. Only the display changes; the briefing keeps the source's text."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def build_view(b: Briefing) -> BriefingView:
    sources = [SourceView(i + 1, a, article_label(a)) for i, a in enumerate(b.articles)]
    by_id = {s.article.id: s for s in sources}
    cite = _Citations(sources)

    dis_anchor = {d.get("id", ""): f"dis-{i + 1}" for i, d in enumerate(b.disagreements)}
    dis_label = {d.get("id", ""): DISPUTE_LABELS.get(d.get("status", ""), "disputed") for d in b.disagreements}
    items = []
    for item in b.summary:
        markers = cite.markers(item.evidence)
        cited = len({m.article for m in markers})
        independent = item.independent_sources if item.independent_sources is not None else cited
        own = by_id.get(item.evidence[0].article) if item.evidence else None
        left_out = [own.article.text[o.start:o.end] for o in item.omitted if own is not None]
        if own is not None and item.omitted:
            anchor = anchor_for(item.evidence[0])
            own.left_out.extend((o.start, o.end, anchor) for o in item.omitted)
        outlets = {(by_id[m.article].article.outlet or "").strip().casefold() for m in markers if m.article in by_id}
        items.append(ItemView(sentence_case(item.text), markers, independent <= 1, cited - 1 if independent <= 1 else 0,
                              [(d, dis_anchor[d], dis_label[d]) for d in item.disputed if d in dis_anchor], left_out,
                              one_outlet=cited > 1 and len(outlets) == 1 and "" not in outlets))
    timeline = [
        TimelineView(e["date"], e.get("status", "happened"), sentence_case(e["event"]), cite.markers(e.get("evidence")),
                     f"tl-{i + 1}", ("about " if e.get("approximate") else "") + date_label(e["date"])
                     + (f" – {date_label(e['end'])}" if e.get("end") else ""),
                     str(e.get("end") or ""),
                     [(d, dis_anchor[d], dis_label[d]) for d in e.get("disputed") or () if d in dis_anchor])
        for i, e in enumerate(b.timeline)
    ]
    facts = {f["id"]: f for f in b.facts if "id" in f}

    # corroboration matrix: the most corroborated facts
    # (facts stated by several articles; a story with fewer than MATRIX_MIN of them is padded with single-source ones)
    ranked = sorted(b.facts, key=lambda f: (-f.get("independent_sources", len(f["sources"])), -len(f["sources"])))
    shown = [f for f in ranked if len(f["sources"]) > 1][:MATRIX_ROWS]
    if len(shown) < MATRIX_MIN:
        shown = ranked[:MATRIX_MIN]
    rows = []
    for f in shown:
        ev_by_art = {}
        for ev in f.get("evidence", []):
            ev_by_art.setdefault(ev["article"], ev)
        denied = {}
        for ev in f.get("denied_by", []):
            denied.setdefault(ev["article"], ev)
        groups = {a: g for g in f.get("origins", []) for a in g}
        cells: list[Cell | None] = []
        for s in sources:
            ev = ev_by_art.get(s.article.id)
            m = cite.marker(ev) if ev else None
            if m is None:
                d = denied.get(s.article.id)
                m = cite.marker(d) if d else None
                cells.append(Cell(m, [], denies=True) if m is not None else None)
                continue
            shared = [by_id[a].number for a in groups.get(s.article.id, []) if a != s.article.id and a in by_id]
            cells.append(Cell(m, shared))
        rows.append(FactRow(f["id"], f["text"], f.get("independent_sources", len(f["sources"])), cells))
    rest = ranked[len(shown):]
    matrix = MatrixView(rows, len(rest), sum(len(f["sources"]) <= 1 for f in rest), len(b.facts),
                        any(c is not None and c.denies for r in rows for c in r.cells))

    disagreements = []
    for d in b.disagreements:
        positions = []
        for p in d.get("positions", []):
            evs = []
            for ev in p.get("evidence", []):
                m = cite.marker(ev)
                if m is None:
                    continue
                src = by_id[ev["article"]]
                text = src.article.text
                vs, ve = ev.get("value_start"), ev.get("value_end")
                if not (isinstance(vs, int) and isinstance(ve, int) and ev["start"] <= vs < ve <= ev["end"]):
                    vs = ve = ev["end"]
                evs.append(EvidenceView(m, src, text[ev["start"]:vs], text[vs:ve], text[ve:ev["end"]], ev.get("said_by")))
            positions.append(PositionView(str(p.get("value", "")), [by_id[a] for a in p.get("sources", []) if a in by_id], evs))
        disagreements.append(DisagreementView(d.get("id", ""), d.get("subject", ""), d.get("kind", ""),
                                              d.get("status", ""), d.get("explanation", ""), positions))

    all_quotes = []
    voices: dict[str, dict[str, Voice]] = defaultdict(dict)
    for q in sorted(b.quotes, key=lambda q: (q.get("kind") != "direct", -len(q.get("sources", [])))):
        markers = cite.markers(q.get("evidence"))
        speaker = q.get("speaker") or "unattributed"
        all_quotes.append(QuoteView(speaker, q["text"], markers, q.get("kind", ""), _other_wordings(q, cite)))
        if not q.get("speaker") or q["speaker"].strip().lower() in PRONOUNS:
            continue
        for art in q.get("sources", []):
            m = next((x for x in markers if x.article == art), None)
            v = voices[art].setdefault(speaker, Voice(speaker, [], m))
            if q.get("kind") and q["kind"] not in v.kinds:
                v.kinds.append(q["kind"])
            v.marker = v.marker or m
    quotes = [q for q in all_quotes if len(q.markers) > 1 or q.kind == "direct"]
    framed_voices = _framed_voices(b)

    reuse = []
    for r in b.reuse:
        a, c = r["articles"][0], r["articles"][1]
        if a not in by_id or c not in by_id:
            continue
        directed = r.get("direction") not in (None, "unknown")
        hint = not directed and r.get("direction_hint") in ("a->b", "b->a")
        if hint and r["direction_hint"] == "b->a":
            a, c = c, a
        passages = []
        for p in r.get("passages", []):
            pa, pb = (p["a"], p["b"]) if not (hint and r["direction_hint"] == "b->a") else (p["b"], p["a"])
            ma = cite.marker({"article": a, **pa})
            mb = cite.marker({"article": c, **pb})
            if ma and mb:
                passages.append((ma, mb, p.get("similarity", 0.0)))
        reuse.append(ReuseView(by_id[a], by_id[c], r["score"], directed, hint, passages))

    framing_by_art, choices_by_art, loaded_by_art = _framing(b, cite, facts)

    coverage = {c["article"]: c for c in b.coverage if "article" in c}
    cards = []
    for s in sources:
        a = s.article
        cov = coverage.get(a.id, {})
        unique = []
        for fid in cov.get("unique", []):
            f = facts.get(fid)
            if f:
                ev = next((e for e in f.get("evidence", []) if e["article"] == a.id), None)
                unique.append(FactRef(fid, f["text"], cite.marker(ev) if ev else None))
        omitted = []
        for fid in cov.get("omitted", []):
            f = facts.get(fid)
            if f:
                omitted.append(FactRef(fid, f["text"], cite.marker(f["evidence"][0]) if f.get("evidence") else None,
                                       [by_id[x] for x in f.get("sources", []) if x in by_id]))
        cards.append(OutletCard(s, a.published, a.published_inferred, _date_evidence(a), a.published_note,
                                framing_by_art.get(a.id, []), _card_voices(voices.get(a.id, {}), framed_voices.get(a.id)),
                                choices_by_art.get(a.id, []), unique, omitted))
        ld = loaded_by_art.get(a.id)
        if ld is not None and ld.analysed:
            c = cards[-1]
            c.loaded, c.loaded_share, c.loaded_analysed = _loaded_sentences(ld.spans, a.id, cite), ld.share, True

    entities = [
        EntityView(e.get("name", ""), e.get("type", ""), [x for x in e.get("aliases", []) if x != e.get("name")],
                   sorted((by_id[x] for x in e.get("sources", []) if x in by_id), key=lambda s: s.number))
        for e in sorted(b.entities, key=lambda e: -len(e.get("sources", [])))
    ]

    for s in sources:
        s.cited.sort(key=lambda c: (c.start, -c.end))
        s.segments = segments(s.article.text, s.cited, s.left_out)
    headline = story_headline(b)
    title = f"Briefing: {headline}" if headline else "Briefing"
    return BriefingView(title=title, sources=sources, items=items, timeline=timeline, quotes=quotes, reuse=reuse,
                        matrix=matrix, disagreements=disagreements, cards=cards, entities=entities, has_framing=bool(b.framing),
                        all_quotes=all_quotes)


def _date_evidence(a: Article) -> list[str]:
    """Why an inferred publication date was chosen, in words."""
    out = []
    for e in a.published_evidence:
        kind = e.get("kind", "evidence")
        if e.get("text"):
            out.append(f"{kind}: {e.get('date', '')} — “{short(e['text'], 160)}”")
        elif isinstance(e.get("other"), dict):
            o = e["other"]
            bit = a.text[e["start"]:e["end"]] if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) else ""
            out.append(f"{kind}: {o.get('article', '')} dates it {o.get('date', '')}" + (f" — “{short(bit, 160)}”" if bit else ""))
        else:
            out.append(f"{kind}: {e.get('date', '')}")
    return out


def story_headline(b: Briefing) -> str | None:
    """The headline a briefing goes by (:func:`_central_title`), or None when no report has one."""
    return _central_title(b.articles, b.disagreements) if any(a.title for a in b.articles) else None


def _central_title(articles: list[Article], disagreements: list[dict] | None = None) -> str:
    """The headline sharing the most words with the other headlines: the story's common denominator,
    rather than whichever outlet happens to come first; but first one in neutral words ("Tomas Varga dies at
    91", not "Varga, the iron-willed reformer who tore down a hated regime"), and none whose figure only a minority
    of the reports give in a disagreement ("... dead at 90" where three reports say 91), or a later report
    replaced ("14 dead" where the toll rose to 19)."""
    from newsweave.compose.summary import loaded_count

    titled = [a for a in articles if a.title]
    titles = [a.title for a in titled]
    words = [set(w for w in re.findall(r"\w+", t.lower()) if len(w) > 3) for t in titles]
    minority: set[tuple[str, str]] = set()  # (article, figure as written) a disagreement's smaller side gives
    for d in disagreements or []:
        if d.get("kind") != "number":
            continue
        if d.get("status") == "update":
            # a figure a later report replaced ("Dam burst floods Veloria town, 14 dead" when the toll rose to 19)
            latest = latest_position(d)
            for k, p in enumerate(d.get("positions", [])):
                if k != latest:
                    minority.update((a, str(p.get("value", ""))) for a in p.get("sources", []))
            continue
        sizes = [len(set(p.get("sources", []))) for p in d.get("positions", [])]
        for p, n in zip(d.get("positions", []), sizes):
            if sizes and n < max(sizes):
                minority.update((a, str(p.get("value", ""))) for a in p.get("sources", []))

    def key(i: int) -> tuple[int, int, float]:
        figures = set(re.findall(r"\d[\d,.]*", titles[i]))
        outvoted = any(a == titled[i].id and set(re.findall(r"\d[\d,.]*", value)) & figures for a, value in minority)
        return (-int(outvoted), -loaded_count(titles[i]),
                sum(len(words[i] & words[j]) for j in range(len(titles)) if j != i) / (1 + len(words[i]) ** 0.5))
    return titles[max(range(len(titles)), key=key)]
