"""Tests for stage 5, render: JSON, Markdown, self-contained HTML and terminal text.

Most tests render a Briefing built by hand (no NLP), so the expected output is known exactly; one module
fixture briefs the example story to check every citation of a real run.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest

import newsweave
from newsweave.model import Article, Briefing, Evidence, Skipped, SummaryItem
from newsweave.render import FORMATS, SUFFIX_FORMATS, render
from newsweave.render.view import anchor_for, build_view

REPO = Path(__file__).resolve().parent.parent

GAZETTE = (
    "The harbour wall in Dunmere collapsed on Monday night after a spring storm. "
    "Three fishing boats were damaged. Harbour master Elin Soto said the quay would reopen in June."
)
ISLANDER = (
    "Ferry crossings to Kelby were cancelled on Tuesday. "
    "The harbour wall in Dunmere collapsed on Monday night after a spring storm, officials said."
)


def span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def hand_briefing() -> Briefing:
    wall = "The harbour wall in Dunmere collapsed on Monday night after a spring storm."
    g0, g1 = span(GAZETTE, wall)
    i0, i1 = span(ISLANDER, "The harbour wall in Dunmere collapsed on Monday night after a spring storm, officials said.")
    s0, s1 = span(GAZETTE, "Harbour master Elin Soto said the quay would reopen in June.")
    return Briefing(
        articles=[
            Article(id="gazette", source="gazette.txt", title="Harbour wall collapses in Dunmere",
                    outlet="Dunmere Gazette", byline="Alina Ferrow", published="2025-06-03", language="en",
                    text=GAZETTE, url="https://dunmere-gazette.example/wall"),
            Article(id="islander", source="islander.txt", title="Kelby ferry <cancelled> & [delayed]",
                    outlet=None, language="en", text=ISLANDER),
        ],
        skipped=[Skipped(source="empty.txt", reason="empty input")],
        summary=[
            SummaryItem(text=wall, sources=["gazette", "islander"],
                        evidence=[Evidence(article="gazette", start=g0, end=g1),
                                  Evidence(article="islander", start=i0, end=i1)]),
            SummaryItem(text="Harbour master Elin Soto said the quay would reopen in June.", sources=["gazette"],
                        evidence=[Evidence(article="gazette", start=s0, end=s1)]),
        ],
    )


def hrefs(doc: str) -> list[str]:
    return re.findall(r'href="#([^"]+)"', doc)


def ids(doc: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', doc))


def assert_self_contained(doc: str, article_urls: set[str] = frozenset()) -> None:
    """No external resource: scripts and styles are inline, and the only outside links are the articles' own."""
    low = doc.lower()
    assert not re.search(r"<script[^>]*\bsrc\s*=", low)
    assert not re.search(r"<link\b", low)
    assert not re.search(r"""\bsrc\s*=\s*["']?(?:https?:)?//""", low)
    external = re.findall(r"""\bhref\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""", doc, re.I)
    assert set(htmllib.unescape(u) for u in external) <= set(article_urls)
    assert "@import" not in low
    assert all(u.startswith("url(#") for u in re.findall(r"url\([^)]*\)", low))  # only SVG-internal references
    assert "cdn" not in low


def summary_links(doc: str) -> list[str]:
    """The citation markers of the summary, in order."""
    section = re.search(r'<section id="summary">(.*?)</section>', doc, re.S).group(1)
    return re.findall(r'class="cite-mark" href="#([^"]+)"', section)


def highlighted(doc: str, anchor: str) -> str:
    """The article text highlighted for one cited span: its segments, joined (they never overlap)."""
    assert f'<span class="anchor" id="{anchor}"></span>' in doc
    parts = re.findall(r'<mark class="cite" data-c="([^"]*)">(.*?)</mark>', doc, re.S)
    return "".join(htmllib.unescape(text) for anchors, text in parts if anchor in anchors.split())


# --- JSON ----------------------------------------------------------------------------------------


def test_json_is_the_model_dump():
    b = hand_briefing()
    data = json.loads(render(b, "json"))
    assert data == b.model_dump()
    assert data["schema"] == "newsweave.briefing/1"
    assert data["summary"][0]["evidence"] == [
        {"article": "gazette", "start": 0, "end": 75}, {"article": "islander", "start": 52, "end": 143},
    ]
    assert Briefing.model_validate(data) == b  # round-trips through the "schema" alias


def test_formats_and_suffixes():
    assert FORMATS == ("json", "md", "html", "text")
    assert SUFFIX_FORMATS[".md"] == "md" and SUFFIX_FORMATS[".htm"] == "html" and SUFFIX_FORMATS[".txt"] == "text"
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(hand_briefing(), "pdf")


# --- the shared view -----------------------------------------------------------------------------


def test_view_numbers_markers_and_cited_spans():
    b = hand_briefing()
    v = build_view(b)
    assert v.title == "Briefing: Harbour wall collapses in Dunmere"
    assert [(s.number, s.label) for s in v.sources] == [(1, "Dunmere Gazette, 2025-06-03"), (2, "islander")]
    assert [[(m.number, m.anchor) for m in item.markers] for item in v.items] == [
        [(1, "cite-gazette-0-75"), (2, "cite-islander-52-143")],
        [(1, "cite-gazette-110-170")],
    ]
    assert [item.single_source for item in v.items] == [False, True]
    for s in v.sources:
        for c in s.cited:
            assert c.text == s.article.text[c.start:c.end]
    assert [c.text for c in v.sources[0].cited] == [
        "The harbour wall in Dunmere collapsed on Monday night after a spring storm.",
        "Harbour master Elin Soto said the quay would reopen in June.",
    ]


def test_evidence_for_an_unknown_article_is_not_linked():
    b = hand_briefing()
    b.summary[1].evidence.append(Evidence(article="ghost", start=0, end=5))
    v = build_view(b)
    assert [m.article for m in v.items[1].markers] == ["gazette"]


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_exact_summary_and_sources():
    md = render(hand_briefing(), "md")
    lines = md.splitlines()
    assert lines[0] == "# Briefing: Harbour wall collapses in Dunmere"
    assert "2 articles used, 1 skipped." in lines
    assert (
        "- The harbour wall in Dunmere collapsed on Monday night after a spring storm. "
        "[[1]](#cite-gazette-0-75)[[2]](#cite-islander-52-143)"
    ) in lines
    assert (
        "- Harbour master Elin Soto said the quay would reopen in June. [[1]](#cite-gazette-110-170) _(single source)_"
    ) in lines
    assert "1. **Harbour wall collapses in Dunmere** (Dunmere Gazette, 2025-06-03), by Alina Ferrow" in lines
    assert any(line.startswith("2. **Kelby ferry ") and line.endswith(" & \\[delayed\\]** (islander)") for line in lines)
    assert "- `empty.txt`: empty input" in lines


def test_markdown_every_marker_has_its_anchor():
    md = render(hand_briefing(), "md")
    targets = re.findall(r"\]\(#([^)]+)\)", md)
    assert targets == ["cite-gazette-0-75", "cite-islander-52-143", "cite-gazette-110-170"]
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    assert set(targets) == anchors


def test_markdown_escapes_angle_brackets():
    md = render(hand_briefing(), "md")
    assert "<cancelled>" not in md


# --- HTML -------------------------------------------------------------------------------------


def test_html_is_self_contained_and_escaped():
    doc = render(hand_briefing(), "html")
    assert doc.startswith("<!doctype html>")
    assert_self_contained(doc, {"https://dunmere-gazette.example/wall"})
    assert "<style>" in doc
    assert "Kelby ferry &lt;cancelled&gt; &amp; [delayed]" in doc
    assert "<cancelled>" not in doc


def test_html_markers_link_to_cited_sentences():
    b = hand_briefing()
    doc = render(b, "html")
    links = summary_links(doc)
    assert links == ["cite-gazette-0-75", "cite-islander-52-143", "cite-gazette-110-170"]
    assert set(hrefs(doc)) <= ids(doc)
    for anchor in links:
        article_id, start, end = re.fullmatch(r"cite-(.+)-(\d+)-(\d+)", anchor).groups()
        assert highlighted(doc, anchor) == b.article(article_id).text[int(start):int(end)]
    assert '<span class="single">single source</span>' in doc
    assert "empty input" in doc


def test_html_links_only_web_addresses():
    b = hand_briefing()
    b.articles[1].url = "javascript:alert(document.domain)"
    assert "javascript:" not in render(b, "html")


def test_repr_html_is_the_report():
    b = hand_briefing()
    assert b._repr_html_() == render(b, "html")


def test_empty_briefing_renders():
    b = Briefing(skipped=[Skipped(source="x.txt", reason="empty input")])
    assert "_No summary: no usable article text._" in render(b, "md")
    assert "No summary: no usable article text." in render(b, "html")
    assert "0 articles used, 1 skipped" in render(b, "text")


# --- terminal text ------------------------------------------------------------------------------


def test_text_view():
    out = render(hand_briefing(), "text")
    assert "Briefing: Harbour wall collapses in Dunmere" in out
    assert "2 articles used, 1 skipped" in out
    assert "• The harbour wall in Dunmere collapsed on Monday night after a spring storm. [1][2]" in out
    assert "[1] single source" in out
    assert "Dunmere Gazette, 2025-06-03" in out
    assert "empty input" in out
    assert "\x1b[" not in out  # no colour codes in the plain render


# --- a real run on the example story -------------------------------------------------------


@pytest.fixture(scope="module")
def example_briefing() -> Briefing:
    return newsweave.brief(REPO / "examples")


def test_example_html_citations_resolve(example_briefing):
    b = example_briefing
    doc = render(b, "html")
    assert_self_contained(doc, {a.url for a in b.articles if a.url})
    links = summary_links(doc)
    assert len(links) == sum(len({ev.article for ev in item.evidence}) for item in b.summary)
    assert set(hrefs(doc)) <= ids(doc)
    for item in b.summary:
        for ev in item.evidence:
            assert highlighted(doc, anchor_for(ev)) == b.article(ev.article).text[ev.start:ev.end]


def test_example_markdown_citations_resolve(example_briefing):
    md = render(example_briefing, "md")
    targets = re.findall(r"\]\(#([^)]+)\)", md)
    assert targets and set(targets) <= set(re.findall(r'<a id="([^"]+)"></a>', md))
    assert "6 articles used, 1 skipped." in md
    for outlet in ("Kestpress", "Stravenik Evening News", "The Kestovian Courier", "Ovrat Valley Herald",
                   "Kestovia Uncensored"):
        assert outlet in md


# --- loaded sentences on the outlet cards (a fictional story) ----------------------------------

TRIBUNE = (
    "The county council closed the Aldergate bridge on Friday after engineers found cracks in two piers. "
    "Reckless penny-pinching by the council left the crumbling bridge to rot for a decade. "
    "Traffic will be diverted through Lowmere until repairs finish in October. "
    '"We had no choice," said council leader Hanna Voss. '
    "The shameful delay has cost commuters <dearly> & more."
)
POST = ("Engineers found cracks in two piers of the Aldergate bridge, which the county council closed on Friday. "
        "Repairs are expected to finish in October.")
COURIER = "Drivers heading to Pellworth face a detour through Lowmere after the Aldergate bridge closed on Friday."
ROT = "Reckless penny-pinching by the council left the crumbling bridge to rot for a decade."
SHAME = "The shameful delay has cost commuters <dearly> & more."


def loaded_briefing() -> Briefing:
    """Three outlets: the Tribune with loaded sentences (and spans that must be left out), the Post with none,
    the Courier framed without the loaded fields (an older briefing, or ``sentences=False``)."""
    r0, r1 = span(TRIBUNE, ROT)
    s0, s1 = span(TRIBUNE, SHAME)
    q0, q1 = span(TRIBUNE, "Traffic will be diverted")
    return Briefing(
        articles=[
            Article(id="tribune", source="tribune.txt", title="Council shuts Aldergate bridge", outlet="Pellworth Tribune",
                    published="2025-09-12", language="en", text=TRIBUNE),
            Article(id="post", source="post.txt", title="Aldergate bridge closed", outlet="Marsh Valley Post",
                    language="en", text=POST),
            Article(id="courier", source="courier.txt", title="Detour via Lowmere", outlet="Lowmere Courier",
                    language="en", text=COURIER),
        ],
        framing=[
            {"article": "tribune", "terms": [], "voices": ["Hanna Voss"], "word_choices": [],
             "loaded_sentences": [
                 {"article": "tribune", "start": s0, "end": s1, "score": 0.4},  # listed first, scored lower
                 {"article": "tribune", "start": 10, "end": len(TRIBUNE) + 40, "score": 2.0},  # out of range
                 {"article": "tribune", "start": -3, "end": 12, "score": 1.9},  # out of range
                 {"article": "tribune", "start": r0, "end": r1, "score": 1.2},
                 {"article": "tribune", "start": r0, "end": r1, "score": 1.2},  # twice
                 {"article": "post", "start": 0, "end": 20, "score": 3.0},  # another article's span
                 {"article": "tribune", "start": q0, "end": q1, "score": -0.5},  # below 0: not loaded
                 {"article": "tribune", "start": True, "end": 12, "score": 1.0}, "junk", None,
             ],
             "loaded_share": 0.15},
            {"article": "post", "terms": [], "loaded_sentences": [], "loaded_share": 0.0},
            {"article": "courier", "terms": [], "voices": [], "word_choices": []},
        ],
    )


def card_html(doc: str, article_id: str) -> str:
    return re.search(rf'<article class="card" id="outlet-{article_id}">(.*?)</article>', doc, re.S).group(1)


def test_view_reads_loaded_sentences_loosely():
    b = loaded_briefing()
    tribune, post, courier = build_view(b).cards
    assert [ls.text for ls in tribune.loaded] == [ROT, SHAME]  # most loaded first, bad spans left out
    for ls in tribune.loaded:
        start, end = map(int, re.fullmatch(r"cite-tribune-(\d+)-(\d+)", ls.marker.anchor).groups())
        assert ls.text == TRIBUNE[start:end] and ls.marker.number == 1
    assert tribune.loaded_share == 0.15 and tribune.loaded_note == "15% of its claims outside quotes read as loaded"
    assert post.loaded_analysed and post.loaded == [] and post.loaded_note == "none of its claims outside quotes read as loaded"
    assert not courier.loaded_analysed and courier.loaded == [] and courier.loaded_note == ""
    # odd shapes do not break it: no list, a share out of 0..1, a share that is not a number
    b.framing[0]["loaded_sentences"] = {"article": "tribune", "start": 0, "end": 3, "score": "high"}
    b.framing[0]["loaded_share"] = 1.7
    b.framing[1]["loaded_sentences"], b.framing[1]["loaded_share"] = "junk", "15%"
    tribune, post, _ = build_view(b).cards
    assert [ls.text for ls in tribune.loaded] == ["The"] and tribune.loaded_share is None
    assert post.loaded_analysed and post.loaded == [] and post.loaded_share is None
    assert post.loaded_note == "no claims outside quotes to assess"


def test_view_shows_at_most_five_loaded_sentences_and_cites_only_those():
    b = loaded_briefing()
    words = [m.span() for m in re.finditer(r"\w+", POST)][:8]
    b.framing[1]["loaded_sentences"] = [{"article": "post", "start": s, "end": e, "score": i / 10} for i, (s, e) in enumerate(words)]
    v = build_view(b)
    post = v.cards[1]
    assert [ls.score for ls in post.loaded] == [0.7, 0.6, 0.5, 0.4, 0.3]
    assert len(v.sources[1].cited) == 5  # the three left out are not highlighted either


def test_html_card_lists_the_loaded_sentences_with_markers():
    b = loaded_briefing()
    doc = render(b, "html")
    assert_self_contained(doc)
    assert set(hrefs(doc)) <= ids(doc)
    card = card_html(doc, "tribune")
    assert "<dt>Most loaded sentences</dt>" in card
    assert '<div class="share">15% of its claims outside quotes read as loaded</div>' in card
    items = re.findall(r'<li><q>(.*?)</q><a class="cite-mark" href="#([^"]+)"[^>]*>1</a></li>', card, re.S)
    assert [htmllib.unescape(t) for t, _ in items] == [ROT, SHAME]
    assert "<details><summary>1 more</summary>" in card  # the top one shows, the rest fold away
    for text, anchor in items:
        assert highlighted(doc, anchor) == htmllib.unescape(text)
    assert "&lt;dearly&gt; &amp; more" in card and "<dearly>" not in doc
    # the spans left out are not cited anywhere
    assert f"cite-tribune-10-{len(TRIBUNE) + 40}" not in doc and "cite-post-0-20" not in doc
    assert "cite-tribune-" + "-".join(map(str, span(TRIBUNE, "Traffic will be diverted"))) not in doc
    assert '<div class="none">none of its claims outside quotes read as loaded</div>' in card_html(doc, "post")
    courier = card_html(doc, "courier")
    assert "loaded sentences" not in courier.lower() and "read as loaded" not in courier


def test_markdown_card_lists_the_loaded_sentences_with_markers():
    b = loaded_briefing()
    md = render(b, "md")
    r0, r1 = span(TRIBUNE, ROT)
    s0, s1 = span(TRIBUNE, SHAME)
    lines = md.splitlines()
    i = lines.index("  - most loaded sentences: 15% of its claims outside quotes read as loaded")
    assert lines[i + 1: i + 3] == [
        f"    - “{ROT}” [[1]](#cite-tribune-{r0}-{r1})",
        f"    - “The shameful delay has cost commuters &lt;dearly&gt; & more.” [[1]](#cite-tribune-{s0}-{s1})",
    ]
    assert "  - most loaded sentences: none of its claims outside quotes read as loaded" in lines
    assert lines.count("  - most loaded sentences: none of its claims outside quotes read as loaded") == 1  # not the Courier
    targets = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert {f"cite-tribune-{r0}-{r1}", f"cite-tribune-{s0}-{s1}"} <= targets
    assert targets <= set(re.findall(r'<a id="([^"]+)"></a>', md))
    assert "cite-post-0-20" not in md and f"cite-tribune-10-{len(TRIBUNE) + 40}" not in md


def test_text_card_shows_the_share_and_the_top_sentence():
    from newsweave.render.text import LOADED_CHARS, render_text
    from newsweave.render.view import short

    b = loaded_briefing()
    wide = render_text(b, width=250)
    assert f"15% of claims loaded: “{short(ROT, LOADED_CHARS)}” [1]" in wide
    assert short(ROT, LOADED_CHARS).endswith("…")  # cut, and marked as cut
    assert "0% of claims loaded" in wide and wide.count("of claims loaded") == 2  # not the Courier
    assert SHAME not in wide  # only the top sentence
    out = render(b, "text")
    assert max(len(line) for line in out.splitlines()) <= 100 and "\x1b[" not in out


def test_absent_loaded_fields_change_nothing():
    with_fields = loaded_briefing()
    without = loaded_briefing()
    for item in without.framing:
        item.pop("loaded_sentences", None)
        item.pop("loaded_share", None)
    v = build_view(without)
    assert not any(c.loaded_analysed or c.loaded or c.loaded_share is not None for c in v.cards)
    assert all(not s.cited for s in v.sources)
    doc, md, out = render(without, "html"), render(without, "md"), render(without, "text")
    assert "Most loaded" not in doc and "read as loaded" not in doc and 'href="#cite-' not in doc
    assert "most loaded" not in md and "of claims loaded" not in out
    # with the fields, the cards only gain their block, and Markdown only its lines and anchors
    doc_with = render(with_fields, "html")
    for a in ("tribune", "post", "courier"):
        gained = re.sub(r"<dt>Most loaded sentences</dt>\n<dd>.*?</dd>\n", "", card_html(doc_with, a), flags=re.S)
        assert gained == card_html(doc, a)
    md_with = render(with_fields, "md")
    md_with = re.sub(r'<a id="cite-[^"]+"></a>', "", md_with)
    kept = [line for line in md_with.splitlines() if "most loaded sentences" not in line and not line.startswith("    - “")]
    assert kept == md.splitlines()
    # no framing stage at all: as before
    with_fields.framing = []
    assert "Most loaded" not in render(with_fields, "html") and "most loaded" not in render(with_fields, "md")


def test_a_clause_cut_from_inside_a_sentence_is_shown_with_a_capital():
    # the briefing keeps the source's text and offsets; only the page starts the item with a capital
    b = hand_briefing()
    clause = "the quay would reopen in June."
    s0 = GAZETTE.index(clause)
    b.summary.append(SummaryItem(text=clause, sources=["gazette"],
                                 evidence=[Evidence(article="gazette", start=s0, end=s0 + len(clause))]))
    assert "- The quay would reopen in June. [[1]]" in render(b, "md")
    assert b.summary[-1].text == clause
    assert json.loads(render(b, "json"))["summary"][-1]["text"] == clause


@pytest.mark.parametrize("value, label", [
    ("2020-11-25", "25 Nov 2020"), ("2020-11", "Nov 2020"),
    # an ISO week is shown as the week of its Monday, not by its number
    ("2018-W15", "week of 9 Apr 2018"), ("2020-W53", "week of 28 Dec 2020"),
])
def test_dates_are_labelled_as_people_write_them(value, label):
    from newsweave.render.view import date_label

    assert date_label(value) == label


def test_an_item_stated_by_a_copy_and_its_source_is_one_source():
    # independent_sources (set by compose from the reuse findings) decides, not the number of articles cited
    b = hand_briefing()
    b.summary[0].independent_sources = 1
    v = build_view(b)
    assert v.items[0].single_source and v.items[0].copies == 1
    assert "_(single source, copied by 1 other)_" in render(b, "md")
    b.summary[0].independent_sources = 2
    assert not build_view(b).items[0].single_source


def test_the_summary_counts_a_wire_copy_once():
    wire = ("Dock workers at the port of Kelby walked off the job on Monday, halting all container traffic and "
            "leaving some 40 ships waiting offshore, the dockers' union said. The union wants a 7% pay rise over "
            "two years; the port authority has offered 3%. Port director Hanna Ulving called the strike unlawful "
            "and said the authority would go to court. Shipping lines began diverting vessels to Ostmark.")
    other = ("Ferry crews in Dunmere voted on Tuesday to accept a new contract after six weeks of talks. The "
             "agreement gives crews a 5% rise this year and another 4% next year, the ferry company said.")
    b = newsweave.brief([
        Article(id="wire", source="wire", outlet="Nordwire", published="2025-06-02", text=wire),
        Article(id="copy", source="copy", outlet="Kelby Daily", published="2025-06-02", text=wire + " More soon."),
        Article(id="ferry", source="ferry", outlet="Dunmere Gazette", published="2025-06-03", text=other),
    ])
    copied = [i for i in b.summary if set(i.sources) >= {"wire", "copy"}]
    assert copied and all(i.independent_sources == 1 for i in copied)
    assert "single source, copied by 1 other" in render(b, "md")


def test_a_mixed_quote_is_not_shown_as_all_the_speakers_words():
    # 'called the walkout "irresponsible"': only one word is hers, and the page says so with its own marks
    b = newsweave.brief([Article(id="a", source="a", outlet="Nordwire", published="2026-06-04", text=(
        "Chief executive Marta Lindqvist called the walkout \"irresponsible\" and said the airline would sue. "
        "Pilots at Valmira Air walked out on Thursday."))])
    (q,) = [q for q in b.quotes if q["kind"] == "mixed"]
    assert q["text"] == 'the walkout "irresponsible"'
    md = render(b, "md")
    assert "“the walkout" not in md and "the walkout" in md
    assert "<q>the walkout" not in render(b, "html")
    assert "“the walkout" not in render(b, "text")


def test_a_value_a_report_gives_to_a_source_says_so_in_every_format():
    """ "Five sailors drowned, according to the coastguard, though the port authority put the toll at four": each
    value of the disagreement names whom the report gives it to, in JSON and in every format."""
    b = newsweave.brief([
        Article(id="k", source="k", outlet="Kelby Wire", published="2031-03-09",
                text="Four sailors drowned when the ferry Marel sank off Kelby Point, the port authority said."),
        Article(id="d", source="d", outlet="Dunmere Daily", published="2031-03-09",
                text="Five sailors drowned when the ferry Marel sank off Kelby Point, according to the coastguard, "
                     "though the port authority put the toll at four."),
    ])
    [d] = [x for x in b.disagreements if x["kind"] == "number"]
    said = {(ev["article"], ev.get("said_by")) for p in d["positions"] for ev in p["evidence"]}
    assert ("d", "the coastguard") in said and ("d", "the port authority") in said, said
    for fmt in ("html", "md", "text"):
        out = htmllib.unescape(render(b, fmt))
        assert "Dunmere Daily, 2031-03-09, citing the coastguard" in " ".join(out.split()), fmt


def test_a_summary_item_that_states_a_disputed_value_says_so_and_links_to_the_disagreement():
    b = newsweave.brief([
        Article(id="h", source="h", outlet="Harbour Wire", published="2031-06-18",
                text="A court in Dunmere on Wednesday sentenced former port chief Ivo Marek to 9 years in prison for "
                     "taking bribes from dredging firms."),
        Article(id="e", source="e", outlet="Evening News", published="2031-06-18",
                text="Ivo Marek, who ran the port for a decade, was sentenced to seven years in jail on Wednesday for "
                     "accepting kickbacks."),
    ])
    [d] = [x for x in b.disagreements if x["kind"] == "number"]
    disputed = [i for i in b.summary if i.disputed]
    assert disputed and all(i.disputed == [d["id"]] for i in disputed), [(i.text, i.disputed) for i in b.summary]
    page = render(b, "html")
    assert f'disputed: <a href="#dis-1">{d["id"]}</a>' in page and 'id="dis-1"' in page
    assert f"disputed: {d['id']}" in render(b, "md") and f"disputed: {d['id']}" in render(b, "text")


def test_a_summary_item_whose_value_later_moved_is_marked_updated_not_disputed():
    b = newsweave.brief([
        Article(id="w", source="w", outlet="Harbour Wire", published="2031-06-18",
                text="Riot police said 12 people were arrested after a crowd set fire to two cars near the stadium in "
                     "Dorvane on Tuesday night."),
        Article(id="t", source="t", outlet="Coast Times", published="2031-06-19",
                text="Riot police said 31 people had been arrested in Dorvane by Wednesday morning, up from 12 on "
                     "Tuesday night, after a crowd set fire to cars near the stadium."),
    ])
    updates = [d for d in b.disagreements if d["status"] == "update"]
    assert updates, [(d["status"], d["explanation"]) for d in b.disagreements]
    marked = [i for i in b.summary if updates[0]["id"] in i.disputed]
    assert marked, [(i.text, i.disputed) for i in b.summary]
    for fmt in ("html", "md", "text"):
        out = re.sub(r"<[^>]+>", "", render(b, fmt)) if fmt == "html" else render(b, fmt)
        assert f"updated: {updates[0]['id']}" in out and f"disputed: {updates[0]['id']}" not in out, fmt


def test_the_briefing_title_is_a_neutral_headline_whose_figures_most_reports_give():
    from newsweave import Article, brief
    from newsweave.render import render

    def art(i, title, text):
        return Article(id=f"t{i}", source=f"t{i}", outlet=f"Outlet {i}", published="2029-05-14", title=title, text=text)

    b = brief([
        art(1, "Poet Eva Brandt dies at 84", "Eva Brandt, the poet who led the city of Korvin as mayor for "
            "twelve years, died on Sunday at the age of 84, her family said."),
        art(2, "Former Korvin mayor Eva Brandt dies at 83", "Eva Brandt, Korvin's first elected woman mayor, has "
            "died aged 83, the city council said."),
        art(3, "Firebrand Korvin mayor Eva Brandt, who smashed corrupt old guard, dies at 84",
            "Eva Brandt, who crushed the corrupt old guard as mayor of Korvin, died on Sunday aged 84, her family said."),
    ])
    # (the second headline shares the most words with the others, but gives the age one report of three gives; the
    # third is loaded)
    assert render(b, "md").splitlines()[0] == "# Briefing: Poet Eva Brandt dies at 84"


def test_the_briefing_title_is_no_headline_whose_figure_a_later_report_replaced():
    from conftest import report
    from newsweave import brief
    from newsweave.render.view import story_headline

    arts = [
        report("h1", "Wire", "Flash floods killed at least 14 people in northern Veloria after a dam above the town of "
               "Sanmarin gave way early on Monday, officials said.\n\nRescuers searched the mud for the missing.",
               "2027-06-14T09:00:00+02:00"),
        report("h2", "Ledger", "Flash floods killed at least 14 people in northern Veloria after a dam above the town of "
               "Sanmarin gave way early on Monday, officials said.\n\nThe dam was built in 1962.", "2027-06-14T11:00:00+02:00"),
        report("h3", "Desk", "The death toll from the dam burst in Sanmarin in northern Veloria rose to 19 on Tuesday, "
               "officials said.\n\nThe government declared three days of national mourning.", "2027-06-15T20:00:00+02:00"),
    ]
    arts[0].title = "Dam burst floods Veloria town, 14 dead"
    arts[1].title = "Dam burst floods Veloria town, 14 dead"
    arts[2].title = "Veloria mourns as dam toll rises"
    b = brief(arts)
    assert any(d["status"] == "update" for d in b.disagreements), b.disagreements
    assert story_headline(b) == "Veloria mourns as dam toll rises"


def test_an_item_that_leaves_out_an_aside_says_so_in_every_format():
    from newsweave.render import render

    text = ("Harbour Lines, the only other operator licensed for the Pellan route, "
            "resumed its crossings to the island on Wednesday morning.")
    b = newsweave.brief([Article(id="p", source="p", outlet="Harbour Post", published="2025-06-02", text=text)], words=15)
    assert b.summary[0].omitted
    note = "shortened: leaves out “the only other operator licensed for the Pellan route”"
    assert note in render(b, "md")
    assert f'<span class="shortened">{note}</span>' in render(b, "html")
    assert "shortened: leaves out" in render(b, "text")
    # in the article's text the aside stays, inside the cited span, marked as left out of the summary
    assert ('<mark class="cite left-out" data-c="cite-p-0-127" title="left out of the summary">, the only other '
            'operator licensed for the Pellan route,</mark>') in render(b, "html")
    # an item given whole says nothing of the kind
    whole = newsweave.brief([Article(id="p", source="p", outlet="Harbour Post", published="2025-06-02", text=text)])
    assert not whole.summary[0].omitted and "shortened" not in render(whole, "md")
