"""Tests for stage 1, ingest (newsweave.ingest), on fictional articles written for these tests.

Every fixture is invented: the coastal town of Dunmere, the island of Kelby, their outlets (the Dunmere
Gazette, Coastline Wire, the Kelby Islander, Harbour Press) and their people. Files are written to
tmp_path; URLs are served by a local http.server on 127.0.0.1 (port 0), fetched with allow_private=True.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import os
import random
import re
import struct
import threading
from pathlib import Path

import pytest

import newsweave
from newsweave.ingest import DEFAULT_MAX_BYTES, ingest
from newsweave.model import Article

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

# --- fixture texts ----------------------------------------------------------------------------

P1 = (
    "DUNMERE (Coastline Wire) - A section of the old harbour wall in Dunmere collapsed on Monday night "
    "after a spring storm, the town council said."
)
P2 = "No one was hurt, but three fishing boats were damaged and the north quay was closed to traffic."
P3 = (
    'Harbour master Elin Soto said engineers would inspect the rest of the wall on Wednesday. '
    '"We were lucky that it happened at low tide," she said.'
)

LAYOUT_TXT = f""" date 2025-06-03
Harbour wall gives way in Dunmere after spring storm

By Alina Ferrow
June 3, 2025

{P1}

{P2}

{P3}

Related
Dunmere council approves new sea defences
Storm warnings for the west coast

Most Read

Share this article
Comments (4)

Copyright 2025 The Dunmere Gazette. All rights reserved.
"""

FERRY = [
    "The ferry between Dunmere and the island of Kelby resumed service on Monday, six weeks after a storm "
    "damaged the harbour wall.",
    "Harbour master Elin Soto said the first crossing left at seven o'clock with forty passengers and two "
    "delivery vans on board.",
    "Repairs to the north quay cost the town council about 2.1 million crowns, according to figures released "
    "last week.",
    "Islanders had relied on a small fishing boat for post and medicine while the ferry was out of service.",
]


def ferry_html(*, with_metadata: bool = True) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Dunmere ferry resumes after harbour repairs",
        "datePublished": "2025-07-14T08:30:00+01:00",
        "author": {"@type": "Person", "name": "Tomas Reyk"},
        "publisher": {"@type": "Organization", "name": "Dunmere Gazette"},
    }
    head = (
        '<meta property="og:site_name" content="Dunmere Gazette">'
        '<meta property="article:published_time" content="2025-07-14T08:30:00+01:00">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        if with_metadata
        else ""
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in FERRY)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dunmere ferry resumes after harbour repairs | Dunmere Gazette</title>{head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Dunmere ferry resumes after harbour repairs</h1><p class="byline">By Tomas Reyk</p>
{paragraphs}
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Kelby school to reopen in September</a></li>
<li><a href="/b">Storm damage bill tops two million</a></li></ul></aside>
<footer><p>&copy; 2025 Dunmere Gazette. All rights reserved.</p></footer></body></html>"""


SCHOOL = (
    "Kelby primary school will reopen in September after repairs to its roof were completed ahead of schedule, "
    "the island council said on Thursday."
)
QUAY = (
    "Fishermen in Dunmere said the north quay would stay closed until the harbour wall is rebuilt next spring, "
    "leaving most of the fleet moored at Kelby."
)
LIBRARY = (
    "The Dunmere town library will open on Sundays from next month, the council said, after a petition signed "
    "by more than 900 residents."
)
# A Latin-1 text with accented letters that several code pages render differently.
ACCENTED = (
    "The mayor of Dunmere, Renée Castel, said the café à la gare near the harbour would reopen on Friday. "
    "Señor Núñez, who owns it, said the façade was intact but the cellar had flooded."
)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def only_article(result) -> Article:
    assert result.skipped == [], result.skipped
    assert len(result.articles) == 1
    return result.articles[0]


def only_skip(result) -> tuple[str, str]:
    assert result.articles == []
    assert len(result.skipped) == 1, result.skipped
    return result.skipped[0].source, result.skipped[0].reason


# --- .txt: the layout and bare text --------------------------------------------------------


def test_text_layout_header_body_and_furniture(tmp_path):
    path = write(tmp_path / "harbour-wall.txt", LAYOUT_TXT)
    a = only_article(ingest([path]))
    assert a.id == "harbour-wall"
    assert a.source == str(path)
    assert a.url is None
    assert a.title == "Harbour wall gives way in Dunmere after spring storm"
    assert a.byline == "Alina Ferrow"
    assert a.published == "2025-06-03"
    assert a.published_inferred is False
    assert a.language == "en"
    # The copyright line names the outlet (it wins over the wire credit in the lede).
    assert a.outlet == "The Dunmere Gazette"
    assert a.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert [(r.reason, r.text) for r in a.removed] == [
        ("related / most-read block", "Related"),
        ("trailing site navigation", "Dunmere council approves new sea defences"),
        ("trailing site navigation", "Storm warnings for the west coast"),
        ("related / most-read block", "Most Read"),
        ("share prompt", "Share this article"),
        ("comment prompt", "Comments (4)"),
        ("copyright line", "Copyright 2025 The Dunmere Gazette. All rights reserved."),
    ]


def test_text_date_line_whose_rest_is_body(tmp_path):
    path = write(tmp_path / "quay.txt", f" date 2025-06-05 {QUAY}\nThe council has not yet set a date for the work.\n")
    a = only_article(ingest([path]))
    assert a.published == "2025-06-05"
    assert a.title is None
    assert a.text == f"{QUAY}\n\nThe council has not yet set a date for the work."


def test_bare_text_is_kept_intact_with_no_metadata(tmp_path):
    body = f"{QUAY}\n\n{SCHOOL}\n\n{LIBRARY}"
    a = only_article(ingest([write(tmp_path / "notes.txt", body + "\n")]))
    assert a.text == body
    assert (a.title, a.byline, a.published, a.outlet) == (None, None, None, None)
    assert a.removed == []


def test_text_header_fields_are_read_and_kept_out_of_the_body(tmp_path):
    """ "Title:", "Source:", "Published:" lines above the body (an export's or archive's header) are the
    article's fields, not its first sentences; a field no article field takes is kept in ``removed``."""
    raw = ("Title: Quay repairs to start in June\nSource: Dunmere Gazette\nAuthor: By Alina Ferrow\n"
           "Published: 2025-06-05T07:30:00+01:00\nURL: https://dunmere.example/quay\nTags: harbour, council\n\n"
           f"{QUAY}\n\n{SCHOOL}\n")
    a = only_article(ingest([write(tmp_path / "quay.txt", raw)]))
    assert (a.title, a.outlet, a.byline, a.published) == ("Quay repairs to start in June", "Dunmere Gazette",
                                                          "Alina Ferrow", "2025-06-05")
    assert a.published_time == "2025-06-05T07:30:00+01:00" and a.url == "https://dunmere.example/quay"
    assert a.text == f"{QUAY}\n\n{SCHOOL}"
    assert [(r.reason, r.text) for r in a.removed] == [("header field", "Tags: harbour, council")]


def test_header_field_lines_under_the_headline(tmp_path):
    """ "Published: 2027-04-20T18:40:00+02:00" under a headline and byline is the date (with its time), not
    the first line of the body."""
    raw = f"Quay repairs to start in June\nBy Alina Ferrow\nPublished: 2025-06-05T07:30:00+01:00\n\n{QUAY}\n\n{SCHOOL}\n"
    a = only_article(ingest([write(tmp_path / "quay.txt", raw)]))
    assert (a.title, a.byline, a.published, a.published_time) == (
        "Quay repairs to start in June", "Alina Ferrow", "2025-06-05", "2025-06-05T07:30:00+01:00")
    assert a.text == f"{QUAY}\n\n{SCHOOL}"


def test_a_body_line_with_a_colon_under_the_header_fields_stays_in_the_body(tmp_path):
    raw = f"Title: Quay repairs\nSource: Dunmere Gazette\nDUNMERE: Repairs start in June.\n\n{QUAY}\n"
    a = only_article(ingest([write(tmp_path / "quay.txt", raw)]))
    assert a.title == "Quay repairs" and a.text.startswith("DUNMERE: Repairs start in June.") and a.removed == []


def test_a_header_field_that_gives_nothing_usable_is_kept_in_removed(tmp_path):
    raw = f"Title: Quay repairs\nDate: Monday\nUpdated: 2025-06-06\n\n{QUAY}\n"
    a = only_article(ingest([write(tmp_path / "quay.txt", raw)]))
    assert a.published is None and a.text == QUAY
    assert [r.text for r in a.removed] == ["Date: Monday", "Updated: 2025-06-06"]


def test_markdown_front_matter_and_heading(tmp_path):
    raw = ("---\ntitle: \"Quay repairs: work to start in June\"\ndate: 2025-06-05\nauthor:\n  - Alina Ferrow\n"
           "  - Tom Brisk\npublisher:\n  name: Dunmere Gazette\n---\n# Quay repairs: work to start in June\n\n"
           f"{QUAY}\n")
    a = only_article(ingest([write(tmp_path / "quay.md", raw)]))
    assert (a.title, a.byline, a.published, a.outlet) == ("Quay repairs: work to start in June", "Alina Ferrow, Tom Brisk",
                                                          "2025-06-05", "Dunmere Gazette")
    assert a.text == QUAY
    heading = only_article(ingest([write(tmp_path / "school.md", f"# School roof to be replaced\n\n{SCHOOL}\n")]))
    assert heading.title == "School roof to be replaced" and heading.text == SCHOOL


def test_a_markdown_body_is_read_as_the_text_it_marks_up(tmp_path):
    raw = ("# Dam collapse: what we know\n\n## What happened?\n\n"
           "- An earthen dam above **Sanmarin** gave way on _Monday_.\n"
           "* At least 17 people died, [officials said](https://example.org/a).\n\n"
           "![A map of the valley](map.png)\n\n---\n\n"
           "> The dam was built in 1962, the `operator` said.\n")
    a = only_article(ingest([write(tmp_path / "explainer.md", raw)]))
    assert a.title == "Dam collapse: what we know"
    assert a.text.split("\n\n") == ["What happened?", "An earthen dam above Sanmarin gave way on Monday.",
                                      "At least 17 people died, officials said.", "The dam was built in 1962, the operator said."]


def test_a_list_items_marker_is_no_part_of_its_text(tmp_path):
    # in a plain-text file too; an asterisk or a star inside prose stays
    body = ("Storm Ilsa closed the ports of the west coast on Monday, the coastguard said.\n\n* Ferry services cancelled "
            "until Tuesday\n1. Schools closed on Monday\n\nThe storm is a *rare* one.")
    a = only_article(ingest([write(tmp_path / "storm.txt", body + "\n")]))
    assert a.text.split("\n\n")[1:] == ["Ferry services cancelled until Tuesday", "Schools closed on Monday",
                                          "The storm is a *rare* one."]


def test_prose_that_opens_with_a_colon_is_no_header(tmp_path):
    body = f"WASHINGTON: {QUAY}\n\n{SCHOOL}"
    a = only_article(ingest([write(tmp_path / "colon.txt", body + "\n")]))
    assert a.text == body and a.title is None and a.removed == []


def test_json_fields_under_other_spellings(tmp_path):
    """ "pubDate" (RSS), "Title", "date_published" and a JSON-LD author object are the same fields."""
    rec = {"Title": "Quay repairs", "pubDate": "Thu, 05 Jun 2025 07:30:00 +0100", "author": {"name": "Alina Ferrow"},
           "site_name": "Dunmere Gazette", "text": QUAY}
    a = only_article(ingest([write(tmp_path / "rss.jsonl", json.dumps(rec) + "\n")]))
    assert (a.title, a.published, a.byline, a.outlet) == ("Quay repairs", "2025-06-05", "Alina Ferrow", "Dunmere Gazette")


def test_json_publication_time_as_a_unix_timestamp(tmp_path):
    """ "published": 1781000000 (seconds) or in milliseconds, as APIs write it, is the publication moment in UTC;
    a bare year is not a timestamp."""
    lines = [json.dumps({"id": "s", "published": 1781000000, "text": QUAY}),
             json.dumps({"id": "ms", "date": 1781000000000, "text": SCHOOL}),
             json.dumps({"id": "year", "date": 2025, "text": LIBRARY})]
    arts = {a.id: a for a in ingest([write(tmp_path / "api.jsonl", "\n".join(lines) + "\n")]).articles}
    assert (arts["s"].published, arts["s"].published_time) == ("2026-06-09", "2026-06-09T10:13:20+00:00")
    assert arts["ms"].published == "2026-06-09"
    assert arts["year"].published is None


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Dunmere Gazette</title><link>https://dunmere.example/</link>
<item><title>Quay repairs to start in June</title><link>https://dunmere.example/quay</link>
<pubDate>Thu, 05 Jun 2025 07:30:00 +0100</pubDate><dc:creator>Alina Ferrow</dc:creator>
<content:encoded><![CDATA[<p>{quay}</p><p>{school}</p>]]></content:encoded></item>
<item><title>Library hours</title><link>https://dunmere.example/library</link>
<description>{library}</description></item>
<item><title>Photo gallery</title><link>https://dunmere.example/photos</link></item>
</channel></rss>
"""


def test_an_rss_feed_is_one_article_per_entry(tmp_path):
    """Each entry is an article: its content (or summary) as paragraphs, its title, link, author and date, the
    feed's title as the outlet; an entry with no text is skipped with its reason."""
    res = ingest([write(tmp_path / "gazette.xml", FEED.format(quay=QUAY, school=SCHOOL, library=LIBRARY))])
    by_id = {a.id: a for a in res.articles}
    quay = by_id["gazette-1"]
    assert (quay.title, quay.outlet, quay.byline, quay.published, quay.url) == (
        "Quay repairs to start in June", "Dunmere Gazette", "Alina Ferrow", "2025-06-05", "https://dunmere.example/quay")
    assert quay.published_time == "2025-06-05T07:30:00+01:00"
    assert quay.text == f"{QUAY}\n\n{SCHOOL}"
    assert by_id["gazette-2"].text == LIBRARY
    assert [s.source.endswith("gazette.xml:entry 3") for s in res.skipped] == [True]


def test_an_xml_file_that_is_no_feed_is_skipped_with_a_reason(tmp_path):
    res = ingest([write(tmp_path / "config.xml", "<?xml version=\"1.0\"?><settings><a>1</a></settings>\n")])
    assert not res.articles and len(res.skipped) == 1 and res.skipped[0].reason


def test_text_bare_name_byline_and_written_dateline(tmp_path):
    raw = (
        "Ferry service to Kelby suspended\n\nAlina Ferrow\nUpdated June 3, 2025 at 4:15 p.m.\n\n"
        "KELBY (Harbour Press) — The ferry was suspended on Tuesday after a crack was found in the hull.\n\n"
        "The operator said repairs would take a week.\n"
    )
    a = only_article(ingest([write(tmp_path / "ferry.txt", raw)]))
    assert a.title == "Ferry service to Kelby suspended"
    assert a.byline == "Alina Ferrow"
    assert a.published == "2025-06-03"
    assert a.outlet == "Harbour Press"  # from the wire credit "KELBY (Harbour Press) — "
    assert a.text.startswith("KELBY (Harbour Press) — The ferry was suspended")


WRITTEN_DATES = [
    "June 3, 2025", "Jun. 3 2025", "3 June 2025", "3rd of June, 2025", "Tuesday, June 3, 2025",
    "Tue, 03 Jun 2025 16:15:00 GMT", "Tue, 03 Jun 2025 16:15:00 +0100", "June 3, 2025 at 4:15 p.m.",
    "Sept 30, 2024", "Thu 1 May 2025", "February 30, 2025", "2025-06-03T16:15:00Z",
    "03/06/2025", "June 2025", "3 June", "yesterday",
]


@pytest.mark.parametrize("value", WRITTEN_DATES)
def test_stated_dates_read_as_dateparser_reads_them(value):
    """The common written forms skip dateparser (its first call costs most of a second): same answers."""
    import dateparser

    from newsweave.ingest.textlayout import parse_date_string

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    expected = dateparser.parse(value, languages=["en"], settings=settings)
    assert parse_date_string(value) == (expected.date().isoformat() if expected else None)


def test_written_date_fast_path_covers_the_usual_forms():
    from newsweave.ingest.textlayout import _WRITTEN_DATE

    covered = [v for v in WRITTEN_DATES if _WRITTEN_DATE.match(v)]
    assert len(covered) == 11  # the first eleven: month names, weekdays, clock times, an impossible day


@pytest.mark.parametrize(
    ("tail", "outlet", "reason"),
    [
        ("Source: Kelby Islander", "Kelby Islander", "source credit"),
        ("Other reports by Coastline Radio", "Coastline Radio", "outlet credit"),
        ("© 2025 Dunmere Gazette", "Dunmere Gazette", "copyright line"),
        ("(c) 2025 Harbour Press", "Harbour Press", "copyright line"),
    ],
)
def test_outlet_named_by_a_furniture_line(tmp_path, tail, outlet, reason):
    a = only_article(ingest([write(tmp_path / "s.txt", f"{QUAY}\n\n{SCHOOL}\n\n{tail}\n")]))
    assert a.outlet == outlet
    assert a.text == f"{QUAY}\n\n{SCHOOL}"
    assert [(r.reason, r.text) for r in a.removed] == [(reason, tail)]


def test_outlet_from_wire_credit_in_lede(tmp_path):
    a = only_article(ingest([write(tmp_path / "w.txt", f"{P1}\n\n{P2}\n")]))
    assert a.outlet == "Coastline Wire"


def test_outlet_is_null_when_nothing_names_it(tmp_path):
    a = only_article(ingest([write(tmp_path / "plain.txt", f"{QUAY}\n\n{SCHOOL}\n")]))
    assert a.outlet is None  # never invented from the file name or the text's places


def test_embedded_post_caption_read_more_and_prompts_removed(tmp_path):
    raw = (
        "The council in Dunmere voted on Tuesday to close the north quay until repairs are finished.\n\n"
        "The quay is closed until further notice. Please stay away from the harbour wall #Dunmere pic.twitter.com/abc123\n"
        "— Dunmere Coastguard (@DunmereCG) June 3, 2025\n\n"
        "Fishermen said they would move their boats to Kelby for the summer.\n\n"
        "Boats tied up at the north quay in Dunmere on Tuesday.\n"
        "Piet Moran / Coastline Wire\n\n"
        "READ MORE: Storm damage bill tops 2m crowns\n\n"
        "The vote was unanimous, a council spokeswoman said.\n\n"
        "Share on Facebook\n"
        "Discuss This Article\n"
    )
    a = only_article(ingest([write(tmp_path / "vote.txt", raw)]))
    assert a.text == (
        "The council in Dunmere voted on Tuesday to close the north quay until repairs are finished.\n\n"
        "Fishermen said they would move their boats to Kelby for the summer.\n\n"
        "The vote was unanimous, a council spokeswoman said."
    )
    assert [(r.reason, r.text) for r in a.removed] == [
        ("embedded social post",
         "The quay is closed until further notice. Please stay away from the harbour wall #Dunmere pic.twitter.com/abc123"),
        ("embedded social post", "— Dunmere Coastguard (@DunmereCG) June 3, 2025"),
        ("photo caption", "Boats tied up at the north quay in Dunmere on Tuesday."),
        ("photo credit", "Piet Moran / Coastline Wire"),
        ("read-more link", "READ MORE: Storm damage bill tops 2m crowns"),
        ("share prompt", "Share on Facebook"),
        ("comment prompt", "Discuss This Article"),
    ]


def test_newsletter_furniture_inline_post_and_option_list_removed(tmp_path):
    # A newsletter page as a scraper flattens it: the post and its signature on one line, calls to action,
    # staff credits, and a country drop-down of a sign-up form as one long line.
    countries = " ".join(["Kelby, Republic of", "Dunmere Islands", "Ostmark, Kingdom of", "Varna", "Lesk, Principality of",
                          "North Tarn", "South Tarn, State of", "Orwen Minor Outlying Islands", "Palu, Federated States of"] * 3)
    raw = (
        "Fuel prices in Dunmere fell for the third week running, the port authority said on Monday.\n\n"
        "If this was forwarded to you, sign up here. Download the Gazette's app here.\n\n"
        "Pump prices have dropped 12 days in a row. Who gets the credit? -- Ada Lorne (@adalorne) March 3, 2025\n\n"
        "Traders expect the fall to slow once the winter contracts expire.\n\n"
        "Curated by Piet Moran in Dunmere. (Feedback or tips? Email the desk or tweet @pietmoran).\n\n"
        "Edited by Ilse Tamm (@ilsetamm) in Kelby and Tomas Reyk in Varna.\n\n"
        f"Country\n\n{countries}\n"
    )
    a = only_article(ingest([write(tmp_path / "letter.txt", raw)]))
    assert a.text == (
        "Fuel prices in Dunmere fell for the third week running, the port authority said on Monday.\n\n"
        "Traders expect the fall to slow once the winter contracts expire."
    )
    reasons = [r.reason for r in a.removed]
    assert reasons == ["call to action", "embedded social post", "staff credit", "staff credit",
                       "trailing site navigation", "menu or option list"]


@pytest.mark.parametrize("note", [
    "Correction: An earlier version of this article said the quay would reopen in May. It reopens in June.",
    "Editor's note: This story has been updated with the harbour master's comments.",
    "An earlier version of this story misspelled the name of the harbour master, Elin Soto.",
    "This article has been corrected to show that the ferry carried 40 passengers, not 400.",
])
def test_an_outlets_correction_note_is_set_apart_and_shown(tmp_path, note):
    from newsweave.render import render

    raw = ("Harbour wall reopens in Dunmere\n\nThe harbour wall in Dunmere reopened on Monday after repairs, the port "
           "authority said.\n\nFerries will run again from Tuesday.\n\n" + note + "\n")
    a = only_article(ingest([write(tmp_path / "wall.txt", raw)]))
    assert note not in a.text and "Ferries will run again from Tuesday." in a.text
    assert [(r.reason, r.text) for r in a.removed] == [("correction note", note)]
    b = newsweave.brief([a])
    assert all(note[:30] not in i.text for i in b.summary)
    assert f"outlet's correction: {note[:40]}" in render(b, "md").replace("\\", "")
    assert "Outlet's correction:" in render(b, "html")


def test_a_report_on_corrections_is_not_a_correction_note():
    from newsweave.ingest.furniture import classify_line

    assert classify_line("The ministry issued a correction on Tuesday, saying the toll was 14, not 41.") is None


def test_furniture_rules_leave_prose_that_only_looks_like_them():
    from newsweave.ingest.furniture import classify_line, find_furniture

    for line in (
        "Reported by Reuters, the claim was denied by the ministry on Tuesday.",  # a name, then the clause goes on
        "Written by a former aide, the memo says the plan failed.",
        "The mayor said she would read the report here.",
        # a long list of names inside a sentence is prose
        "The winners were " + ", ".join(["Ada Lorne", "Piet Moran", "Ilse Tamm", "Tomas Reyk", "Elin Soto"] * 5)
        + ", and every one of them thanked the volunteers of the Dunmere harbour festival.",
    ):
        assert classify_line(line) is None, line
    # a long paragraph that ends in a post's signature is prose the page ran into the post: kept
    prose = " ".join(["The council met on Monday and voted to keep the quay closed."] * 8)
    assert find_furniture([prose + " -- Ada Lorne (@adalorne) March 3, 2025"]) == {}


def test_a_share_prompt_that_names_whom_to_share_with_is_furniture():
    """ "Share this story with your friends." under a copied wire story is a prompt of the page, not a fact of the
    story; sharing a story with someone named is prose."""
    from newsweave.ingest.furniture import classify_line

    for line in ("Share this story with your friends.", "Share this article with a friend",
                 "Share the article with friends and family", "Like us on Facebook"):
        assert classify_line(line) == "share prompt", line
    assert classify_line("Share this story with the minister.") is None


# --- .html / .htm ----------------------------------------------------------------------------


def test_html_metadata_and_main_text(tmp_path):
    a = only_article(ingest([write(tmp_path / "ferry.html", ferry_html())]))
    assert a.id == "ferry"
    assert a.title == "Dunmere ferry resumes after harbour repairs"
    assert a.byline == "Tomas Reyk"
    assert a.published == "2025-07-14"
    assert a.outlet == "Dunmere Gazette"
    assert a.text == "\n\n".join(FERRY)
    removed = {r.text for r in a.removed}
    assert {"Home", "Sport", "Related stories", "Kelby school to reopen in September",
            "© 2025 Dunmere Gazette. All rights reserved."} <= removed
    assert all(r.reason for r in a.removed)


def test_htm_suffix_and_no_metadata_gives_nulls(tmp_path):
    a = only_article(ingest([write(tmp_path / "bare.htm", ferry_html(with_metadata=False))]))
    assert a.text == "\n\n".join(FERRY)
    assert a.outlet is None  # no site name, no URL: not guessed from the <title>
    assert a.published is None
    assert a.byline == "Tomas Reyk"  # stated in the page's "By ..." line


def test_html_date_from_time_element(tmp_path):
    html = (
        "<html><head><title>Ferry back</title></head><body><article>"
        '<time datetime="2025-07-14T09:00" class="published">14 July 2025</time>'
        + "".join(f"<p>{p}</p>" for p in FERRY)
        + "</article></body></html>"
    )
    a = only_article(ingest([write(tmp_path / "t.html", html)]))
    assert a.published == "2025-07-14"
    assert a.title == "Ferry back"


def test_html_dateline_paragraph_is_metadata_not_text(tmp_path):
    html = (
        "<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>"
        '<p class="date">Published 14 July 2025</p><p>By Elin Soto</p>'
        + "".join(f"<p>{p}</p>" for p in FERRY)
        + "</article></body></html>"
    )
    a = only_article(ingest([write(tmp_path / "d.html", html)]))
    assert a.text == "\n\n".join(FERRY)
    assert a.published == "2025-07-14"
    assert a.byline == "Elin Soto"


def test_html_without_article_text_is_skipped(tmp_path):
    path = write(tmp_path / "empty.html", "<html><head><title>Nothing</title></head><body><nav></nav></body></html>")
    assert only_skip(ingest([path])) == (str(path), "no article text found in the HTML page")


# --- .jsonl / .json --------------------------------------------------------------------------


def test_jsonl_fields(tmp_path):
    rec = {
        "id": "dg-0412", "title": "Quay stays shut", "url": "https://www.dunmere-gazette.example/news/quay",
        "published": "2025-06-04T10:00:00Z", "outlet": "Dunmere Gazette", "byline": "Ola Brandt",
        "text": f"{QUAY}\n\n{SCHOOL}",
    }
    path = write(tmp_path / "wires.jsonl", json.dumps(rec) + "\n")
    a = only_article(ingest([path]))
    assert (a.id, a.title, a.url, a.published, a.outlet, a.byline) == (
        "dg-0412", "Quay stays shut", "https://www.dunmere-gazette.example/news/quay", "2025-06-04",
        "Dunmere Gazette", "Ola Brandt",
    )
    assert a.source == f"{path}:1"
    assert a.text == f"{QUAY}\n\n{SCHOOL}"


def test_jsonl_defaults_ids_and_outlet_from_url(tmp_path):
    lines = [
        json.dumps({"text": QUAY}),
        "",
        json.dumps({"text": SCHOOL, "url": "https://www.kelby-islander.example/school"}),
        json.dumps({"text": LIBRARY, "id": "same"}),
        json.dumps({"text": FERRY[0], "id": "same"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = ingest([path])
    assert result.skipped == []
    assert [(a.id, a.source) for a in result.articles] == [
        ("feed-1", f"{path}:1"), ("feed-3", f"{path}:3"), ("same", f"{path}:4"), ("same-2", f"{path}:5"),
    ]
    assert [a.outlet for a in result.articles] == [None, "kelby-islander.example", None, None]


def test_json_list_and_single_object(tmp_path):
    listing = write(tmp_path / "list.json", json.dumps([
        {"id": 7, "headline": "Quay stays shut", "body": QUAY, "author": {"name": "Ines Ramos"},
         "date": "June 5, 2025", "source": "Kelby Islander"},
        "not an article",
    ]))
    single = write(tmp_path / "one.json", json.dumps({"text": SCHOOL, "title": "School reopens"}))
    result = ingest([listing, single])
    a, b = result.articles
    assert (a.id, a.source, a.title, a.byline, a.published, a.outlet, a.text) == (
        "7", f"{listing}:1", "Quay stays shut", "Ines Ramos", "2025-06-05", "Kelby Islander", QUAY,
    )
    assert (b.id, b.source, b.title) == ("one", str(single), "School reopens")
    assert [(s.source, s.reason) for s in result.skipped] == [(f"{listing}:2", "item 2 is a JSON str, not an object")]


def test_json_url_that_is_not_a_web_address_is_dropped(tmp_path):
    # Reports link to article.url: a "javascript:" URL from an input file must not get that far.
    path = write(tmp_path / "trap.jsonl", json.dumps({"text": QUAY, "url": "javascript:alert(document.domain)"}) + "\n")
    a = only_article(ingest([path]))
    assert a.url is None
    assert a.outlet is None


def test_json_record_without_text_is_skipped(tmp_path):
    path = write(tmp_path / "notext.jsonl", json.dumps({"title": "Headline only", "text": "  "}) + "\n")
    assert only_skip(ingest([path])) == (f"{path}:1", "the 'text' field is empty")
    # the message names the field the record has ...
    path = write(tmp_path / "empty.jsonl", json.dumps({"title": "Headline only", "content": ""}) + "\n")
    assert only_skip(ingest([path])) == (f"{path}:1", "the 'content' field is empty")
    # ... or the fields it looks for
    path = write(tmp_path / "none.jsonl", json.dumps({"title": "Headline only", "summary": "x"}) + "\n")
    assert only_skip(ingest([path])) == (f"{path}:1", "no text field ('text', 'body', 'content', 'maintext', 'article_text', 'full_text', 'story_text')")


# --- where inputs come from ---------------------------------------------------------------


def test_folder_is_read_recursively(tmp_path):
    write(tmp_path / "story" / "one.txt", QUAY)
    write(tmp_path / "story" / "deeper" / "two.htm",
          f"<html><head><title>School to reopen</title></head><body><article><p>{SCHOOL}</p></article></body></html>")
    write(tmp_path / "story" / "deeper" / "three.jsonl", json.dumps({"text": LIBRARY}) + "\n")
    write(tmp_path / "story" / ".cache" / "hidden.txt", FERRY[0])
    write(tmp_path / "story" / "deeper" / "scan.tiff", b"II*\x00 not read")
    write(tmp_path / "story" / "README.md", "# About this folder\n")
    result = ingest([tmp_path / "story"])
    assert sorted(a.id for a in result.articles) == ["one", "three", "two"]  # a one-record file takes the file stem
    assert sorted((Path(s.source).name, s.reason) for s in result.skipped) == [
        ("README.md", "a README, not an article"),
        ("scan.tiff", "unsupported file type '.tiff'"),
    ]


def test_glob_pattern(tmp_path):
    write(tmp_path / "a.txt", QUAY)
    write(tmp_path / "b.txt", SCHOOL)
    write(tmp_path / "c.html", ferry_html())
    result = ingest([str(tmp_path / "*.txt")])
    assert [a.id for a in result.articles] == ["a", "b"]
    assert result.skipped == []


def test_glob_without_matches_is_reported(tmp_path):
    pattern = str(tmp_path / "nothing-*.txt")
    assert only_skip(ingest([pattern])) == (pattern, "no files match this pattern")


def test_missing_path_is_reported(tmp_path):
    name = str(tmp_path / "missing.txt")
    assert only_skip(ingest([name])) == (name, "no such file, folder or URL")


def test_stdin_dash():
    a = only_article(ingest(["-"], stdin=io.BytesIO(f"Harbour reopens\n\n{QUAY}\n".encode())))
    assert (a.id, a.source, a.title, a.text) == ("stdin", "stdin", "Harbour reopens", QUAY)


def test_stdin_over_the_size_cap():
    assert only_skip(ingest(["-"], stdin=io.BytesIO(QUAY.encode()), max_bytes=50)) == (
        "stdin", "too large: over 50 bytes (see --max-bytes)",
    )


def test_article_objects_pass_through():
    art = Article(id="given", source="memory", text=QUAY, outlet="Kelby Islander")
    assert only_article(ingest([art])) is art


# --- URLs ------------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/news/ferry":
            self._send(ferry_html().encode(), "text/html; charset=utf-8")
        elif self.path == "/old/ferry":
            self.send_response(301)
            self.send_header("Location", "/news/ferry")
            self.end_headers()
        elif self.path == "/plain":
            self._send(QUAY.encode(), "text/plain")
        elif self.path == "/big":
            self._send(b"<p>" + b"flood " * 5000 + b"</p>", "text/html")
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


def test_url_fetched_with_allow_private(server):
    url = f"{server}/news/ferry"
    a = only_article(ingest([url], allow_private=True))
    assert a.source == url
    assert a.url == url
    assert a.id == hashlib.sha1(url.encode()).hexdigest()[:10]
    assert (a.title, a.outlet, a.byline, a.published) == (
        "Dunmere ferry resumes after harbour repairs", "Dunmere Gazette", "Tomas Reyk", "2025-07-14",
    )
    assert a.text == "\n\n".join(FERRY)


def test_url_refused_without_allow_private(server):
    url = f"{server}/news/ferry"
    assert only_skip(ingest([url])) == (
        url,
        "refused: 127.0.0.1 resolves to the private, loopback or link-local address 127.0.0.1"
        " (pass --allow-private to fetch it)",
    )


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://localhost:9/a", None),  # a name that resolves to loopback
        ("http://10.1.2.3/a", "10.1.2.3"),  # private
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254"),  # link-local (cloud metadata)
        ("http://[::1]:9/a", "::1"),  # IPv6 loopback
    ],
)
def test_private_addresses_refused_before_connecting(url, address):
    source, reason = only_skip(ingest([url]))
    assert source == url
    assert reason.startswith("refused: ") and reason.endswith("(pass --allow-private to fetch it)")
    if address:
        assert f"address {address} " in reason


def test_url_redirect_followed_with_allow_private(server):
    a = only_article(ingest([f"{server}/old/ferry"], allow_private=True))
    assert a.source == f"{server}/old/ferry"
    assert a.url == f"{server}/news/ferry"  # the final URL
    assert a.title == "Dunmere ferry resumes after harbour repairs"


def test_url_404(server):
    url = f"{server}/missing"
    assert only_skip(ingest([url], allow_private=True)) == (url, "HTTP 404 Not Found")


def test_url_over_size_cap(server):
    url = f"{server}/big"
    assert only_skip(ingest([url], allow_private=True, max_bytes=10_000)) == (
        url, "too large: 30,007 bytes (limit 10,000; see --max-bytes)",
    )


def test_url_plain_text_outlet_is_the_site(server):
    a = only_article(ingest([f"{server}/plain"], allow_private=True))
    assert a.text == QUAY
    assert a.outlet == "127.0.0.1"  # nothing in the text names an outlet: the URL's site
    assert re.fullmatch(r"[0-9a-f]{10}", a.id)


# --- bad input: one test each; a clear one-line reason, never a crash ---------------------------


def test_empty_file(tmp_path):
    path = write(tmp_path / "empty.txt", b"")
    assert only_skip(ingest([path])) == (str(path), "empty input")


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path / "blank.txt", " \n\n\t \n")
    assert only_skip(ingest([path])) == (str(path), "empty input")


def test_binary_file(tmp_path):
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert only_skip(ingest([path])) == (str(path), "binary data, not text")


def test_binary_control_bytes(tmp_path):
    path = write(tmp_path / "blob.txt", b"abc\x00\x01\x02\x03def" * 50)
    assert only_skip(ingest([path])) == (str(path), "binary data, not text")


def test_binary_16_bit_numbers_are_not_taken_for_utf16(tmp_path):
    # Small little-endian integers have NUL high bytes like BOM-less UTF-16, but decode to control characters.
    path = write(tmp_path / "samples.txt", struct.pack("<400h", *range(1, 401)))
    assert only_skip(ingest([path])) == (str(path), "binary data, not text")


def test_undecodable_high_bytes(tmp_path):
    # Random bytes 0x80-0xff: charset-normalizer finds no encoding that gives plausible text.
    rng = random.Random(1)
    path = write(tmp_path / "noise.txt", bytes(rng.randint(0x80, 0xFF) for _ in range(2000)))
    assert only_skip(ingest([path])) == (str(path), "undecodable: no text encoding fits these bytes")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_single_byte_encodings_decode(tmp_path, encoding):
    a = only_article(ingest([write(tmp_path / "cafe.txt", ACCENTED.encode(encoding))]))
    assert a.text == ACCENTED


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_decodes_with_or_without_bom(tmp_path, encoding):
    a = only_article(ingest([write(tmp_path / "cafe16.txt", (ACCENTED + "\n").encode(encoding))]))
    assert a.text == ACCENTED


def test_over_size_cap(tmp_path):
    path = write(tmp_path / "long.txt", (QUAY + "\n\n") * 20)
    size = path.stat().st_size
    assert only_skip(ingest([path], max_bytes=1000)) == (
        str(path), f"too large: {size:,} bytes (limit 1,000; see --max-bytes)",
    )


def test_default_size_cap_is_5_mb(tmp_path):
    assert DEFAULT_MAX_BYTES == 5_000_000
    path = write(tmp_path / "huge.txt", b"a" * 5_000_001)
    assert only_skip(ingest([path])) == (str(path), "too large: 5,000,001 bytes (limit 5,000,000; see --max-bytes)")


def test_malformed_json_reports_line(tmp_path):
    path = write(tmp_path / "broken.json", '{\n  "title": "Quay stays shut",\n  "text": \n}\n')
    assert only_skip(ingest([path])) == (str(path), "malformed JSON on line 4: Expecting value (column 1)")


def test_malformed_jsonl_line_costs_only_itself(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": QUAY}) + '\n{"text": "unterminated\n'
                 + json.dumps({"text": SCHOOL}) + "\n")
    result = ingest([path])
    assert [a.id for a in result.articles] == ["feed-1", "feed-3"]
    assert [(s.source, s.reason) for s in result.skipped] == [
        (f"{path}:2", "malformed JSON on line 2: Unterminated string starting at (column 10)"),
    ]


def test_unreadable_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "deleted-target.txt", link)
    assert only_skip(ingest([link])) == (str(link), "unreadable: No such file or directory")


def test_unreadable_permissions(tmp_path):
    path = write(tmp_path / "secret.txt", QUAY)
    path.chmod(0)
    try:
        result = ingest([path])
    finally:
        path.chmod(0o644)
    if os.geteuid() == 0:
        # root reads a mode-000 file anyway, so there is nothing unreadable to report; the broken-symlink
        # test above covers the "unreadable" path. Only check that the file was used, not lost.
        assert [a.text for a in result.articles] == [QUAY]
        pytest.skip("running as root: chmod 000 does not block reads")
    assert only_skip(result) == (str(path), "unreadable: Permission denied")


def test_exact_duplicate(tmp_path):
    first = write(tmp_path / "a.txt", f"{QUAY}\n\n{SCHOOL}\n")
    second = write(tmp_path / "b.txt", f"{QUAY}\r\n\r\n{SCHOOL}\r\n")  # same text, other line endings
    result = ingest([first, second])
    assert [a.id for a in result.articles] == ["a"]
    assert [(s.source, s.reason) for s in result.skipped] == [(str(second), f"exact duplicate of {first}")]


def test_same_text_from_another_outlet_is_kept(tmp_path):
    """A wire story run by two outlets is two reports (align counts them as one source); the same text again
    from the same outlet, or where an outlet is not named, is one article given twice."""
    import json

    records = [
        {"id": "w1", "outlet": "Harbour Wire", "text": QUAY},
        {"id": "w2", "outlet": "The Dunmere Post", "text": QUAY},  # kept: another outlet ran the wire copy
        {"id": "w3", "outlet": " harbour  WIRE ", "text": QUAY},  # the first outlet again
        {"id": "w4", "text": QUAY},  # no outlet named: cannot tell a copy from a repeat
        {"id": "s1", "text": SCHOOL},
        {"id": "s2", "outlet": "The Dunmere Post", "text": SCHOOL},  # the first copy named no outlet
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    result = ingest([path])
    assert [a.id for a in result.articles] == ["w1", "w2", "s1"]
    assert [s.reason for s in result.skipped] == [f"exact duplicate of {path}:1"] * 2 + [f"exact duplicate of {path}:5"]
    assert len(result.articles) + len(result.skipped) == len(records)


def test_non_english_is_skipped_not_mangled(tmp_path):
    path = write(tmp_path / "fr.txt", (
        "Les habitants de Dunmere ont été évacués mardi soir après l'effondrement du mur du port, a annoncé "
        "la mairie dans un communiqué publié en fin de journée.\n"
    ))
    assert only_skip(ingest([path])) == (str(path), "language 'fr' (confidence 1.00): only English is supported")


def test_only_furniture_is_skipped(tmp_path):
    path = write(tmp_path / "nav.txt", "Most Read\nShare this article\nComments (2)\n")
    assert only_skip(ingest([path])) == (
        str(path), "no article text left after removing site furniture (share prompt; comment prompt)")


def test_every_input_is_accounted_for(tmp_path):
    good = write(tmp_path / "good.txt", QUAY)
    inputs = [
        good,
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "bin.txt", b"\x7fELF" + bytes(200)),
        write(tmp_path / "bad.json", "{oops"),
        write(tmp_path / "copy.txt", QUAY),
        str(tmp_path / "absent.txt"),
        write(tmp_path / "school.html", f"<html><body><article><p>{SCHOOL}</p></article></body></html>"),
    ]
    result = ingest(inputs)
    assert [a.id for a in result.articles] == ["good", "school"]
    assert len(result.articles) + len(result.skipped) == len(inputs)
    assert all(s.reason and "\n" not in s.reason for s in result.skipped)


# --- the example story ---------------------------------------------------------------------


def test_examples_folder():
    result = ingest([EXAMPLES])
    got = {a.id: (a.outlet, a.published) for a in result.articles}
    assert got == {
        "blog-notes": (None, None),
        "kestovia-uncensored": ("Kestovia Uncensored", "2026-03-12"),
        "kestovian-courier": ("The Kestovian Courier", "2026-03-11"),
        "ovrat-valley-herald": ("Ovrat Valley Herald", "2026-03-11"),
        "kestpress-20260310-0412": ("Kestpress", "2026-03-10"),
        "sen-20260310-kolvashin": ("Stravenik Evening News", "2026-03-10"),
    }
    assert [(Path(s.source).name, s.reason) for s in result.skipped] == [("README.md", "a README, not an article")]
    for a in result.articles:
        assert a.language == "en"
        for junk in ("Most Read", "Discuss This Article", "READ MORE", "pic.twitter.com", "Copyright", "©",
                     "Share this article", "Related"):
            assert junk not in a.text, (a.id, junk)
    courier = next(a for a in result.articles if a.id == "kestovian-courier")
    assert courier.byline == "Milena Drachova"
    assert courier.title == "Government opens relief fund as Ovrat valley begins clean-up"


def test_language_shortcut_for_english_and_identifier_for_others():
    from newsweave.ingest.language import detect_language

    assert detect_language("The ferry ran aground off the island on Sunday and all of the passengers were taken off by lifeboats.") == ("en", 1.0)
    lang, confidence = detect_language("Die Fähre lief am Sonntag vor der Insel auf Grund, und alle Passagiere wurden mit Rettungsbooten geborgen.")
    assert lang == "de" and confidence > 0.9


def test_language_stop_words_settle_english_lists_and_send_other_languages_to_the_identifier(monkeypatch):
    from newsweave.ingest import language

    calls = []
    real = language._identifier

    class Spy:
        def classify(self, text):
            calls.append(text)
            return real().classify(text)

    monkeypatch.setattr(language, "_identifier", lambda: Spy())
    # English with few of the commonest function words (a caption list): settled without the identifier
    caption = ("Photo gallery: harbour storm damage, Tuesday night. Boats sunk near pier three; roads closed "
               "until further notice; ferry services suspended; volunteers needed at town hall from noon")
    assert language.detect_language(caption) == ("en", 1.0)
    # no prose in any language (a results table): kept as English, unsure, without the identifier
    table = "Dunmere 3 Ovrat 1 Kestov 2 Brask 0 Halden 4 Tromm 2 Velk 1 Ostra 1 Marn 0 Pell 2 Gorr 3 Linn 1"
    assert language.detect_language(table) == ("en", 0.0)
    assert calls == []
    # Dutch and Russian go to the identifier, which names them
    dutch = ("De veerboot liep zondag bij het eiland aan de grond en alle passagiers werden met reddingsboten "
             "van boord gehaald, meldde de kustwacht.")
    assert language.detect_language(dutch)[0] == "nl"
    russian = ("Паром сел на мель у острова в воскресенье, и всех пассажиров сняли спасательными шлюпками, "
               "сообщила береговая охрана в понедельник вечером.")
    assert language.detect_language(russian)[0] == "ru"
    assert len(calls) == 2


def test_language_identifier_is_memory_mapped_and_released(tmp_path, monkeypatch):
    import numpy as np

    from newsweave.ingest import language

    monkeypatch.setenv("NEWSWEAVE_MODEL_DIR", str(tmp_path))
    language.release()
    try:
        ident = language._identifier()
        assert isinstance(ident.tk_nextmove, np.memmap) and isinstance(ident.nb_ptc, np.memmap)
        assert ident.classify("Die Fähre lief am Sonntag vor der Insel auf Grund, und alle Passagiere wurden "
                              "mit Rettungsbooten geborgen.")[0] == "de"
        language.release()
        assert language._identifier() is not ident  # mapped again from the copy
    finally:
        language.release()


def test_a_json_record_without_a_title_gives_its_headline_line_as_title(tmp_path):
    """Scraped records often carry the headline as the text's first line and no title field: it is the title,
    not a sentence of the story (it had opened the summary). A title field repeated as the first line is
    said once."""
    headline = "Dunmere quay to stay shut through the summer, harbour board says"
    lines = [json.dumps({"id": "a", "text": f"{headline}\n\n{QUAY}"}),
             json.dumps({"id": "b", "title": headline, "text": f"{headline}\n\n{SCHOOL}"}),
             json.dumps({"id": "c", "text": f"{QUAY}\n\n{SCHOOL}"})]
    result = ingest([write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")])
    a, b, c = result.articles
    assert (a.title, a.text) == (headline, QUAY)
    assert (b.title, b.text) == (headline, SCHOOL)
    assert (c.title, c.text) == (None, f"{QUAY}\n\n{SCHOOL}")


def test_wiki_image_markup_is_removed_and_accounted_for():
    from newsweave.ingest.textlayout import parse_text_article

    raw = ("Airline orders rise\n\n150px Orvalis, the country's largest planemaker, said on Monday that orders rose "
           "by a fifth.\n\nthumb|200px|The plant at Kest, opened in 2019.\n\nThe 150px banner size is not markup here.")
    p = parse_text_article(raw)
    assert p.text.startswith("Orvalis, the country's largest planemaker")
    assert "plant at Kest" not in p.text and "The 150px banner size is not markup here." in p.text
    assert [(r.text, r.reason) for r in p.removed] == [
        ("150px", "wiki image markup"), ("thumb|200px|The plant at Kest, opened in 2019.", "wiki image caption")]


def test_a_live_page_keeps_its_headline_its_list_items_apart_and_its_entries(tmp_path):
    raw = ("Storm Ilsa live: ferry services cancelled as winds reach 140 km/h\n\n"
           "Key points\n"
           "- Ferry services between Kelby and Dunmere cancelled until Tuesday\n"
           "- More than 20,000 homes without power\n"
           "- Red warning in force until 6 p.m.\n\n"
           "16:05 Power company Nordnett says 23,400 homes are now without electricity.\n\n"
           "15:20 The coastguard has rescued two fishermen off Kelby Point.\n")
    a = only_article(ingest([write(tmp_path / "live.txt", raw)]))
    assert a.title == "Storm Ilsa live: ferry services cancelled as winds reach 140 km/h"
    # (each list item a paragraph of its own, without its marker)
    assert a.text.split("\n\n")[:4] == ["Key points", "Ferry services between Kelby and Dunmere cancelled until Tuesday",
                                        "More than 20,000 homes without power", "Red warning in force until 6 p.m."]
    b = newsweave.brief([a])
    # an entry's time label is no part of its first sentence, nor of a summary item
    assert all(not re.match(r"\d", i.text) for i in b.summary)
    assert any(i.text.startswith("Power company Nordnett says") for i in b.summary)


def test_a_chronologys_time_stays_in_its_sentence():
    # "8:02 a.m. EDT -- Plane lands": the time is when it happened, not when a live entry was posted
    from newsweave.annotate import annotate

    (doc,) = annotate([Article(id="c", source="c", text=(
        "The ferry's last day, hour by hour.\n\n8:02 a.m. EDT -- The ferry leaves Kelby with 212 passengers.\n\n"
        "9:40 a.m. EDT -- The ferry runs aground off Dunmere Point."))], cache=False)
    starts = [s.text[:4] for s in doc.sentences]
    assert "8:02" in starts and "9:40" in starts


@pytest.mark.parametrize("stamp", ["2025-06-05T07:00:00Z", "2025-06-05T07:00:00+02:00", "2025-06-05 07:00",
                                   "2025-06-05T07:00:00.250Z"])
def test_text_date_line_with_a_time_gives_the_day(tmp_path, stamp):
    # a scraper's first line "date 2025-06-05T07:00:00Z": the time belongs to the date, and the headline
    # under it is a headline (it was taken for the title "date 2025-06-05T07:00:00Z")
    path = write(tmp_path / "quay.txt", f"date {stamp}\nDunmere quay to close\n\n{QUAY}\n")
    a = only_article(ingest([path]))
    assert (a.published, a.title) == ("2025-06-05", "Dunmere quay to close")
    assert a.text == QUAY
    # the moment is kept when its zone is stated (a bare clock time could be any zone's)
    assert a.published_time == {"2025-06-05T07:00:00Z": "2025-06-05T07:00:00+00:00",
                                "2025-06-05T07:00:00+02:00": "2025-06-05T07:00:00+02:00",
                                "2025-06-05 07:00": None,
                                "2025-06-05T07:00:00.250Z": "2025-06-05T07:00:00+00:00"}[stamp]


def test_moment_of_publication_from_page_metadata_and_json_records(tmp_path):
    page = ("<html><head><title>Dunmere quay to close</title>"
            '<meta property="article:published_time" content="2025-06-05T09:15:00+01:00"></head>'
            f"<body><article><h1>Dunmere quay to close</h1><p>{QUAY}</p><p>{SCHOOL}</p></article></body></html>")
    a = only_article(ingest([write(tmp_path / "quay.html", page)]))
    assert (a.published, a.published_time) == ("2025-06-05", "2025-06-05T09:15:00+01:00")
    records = [{"id": "r1", "text": QUAY, "published": "Thu, 05 Jun 2025 08:15:00 GMT"},
               {"id": "r2", "text": SCHOOL, "published": "2025-06-05"}]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    got = {x.id: x.published_time for x in ingest([path]).articles}
    assert got == {"r1": "2025-06-05T08:15:00+00:00", "r2": None}


def test_a_pages_stated_moment_gives_its_day_when_the_date_finder_passes_it_over(tmp_path):
    # htmldate passes over a day after today's; the page's own "article:published_time" states it
    page = ("<html><head><title>Dunmere quay to close</title>"
            '<meta property="article:published_time" content="2099-06-05T09:15:00+01:00"></head>'
            f"<body><article><h1>Dunmere quay to close</h1><p>{QUAY}</p><p>{SCHOOL}</p></article></body></html>")
    a = only_article(ingest([write(tmp_path / "quay.html", page)]))
    assert (a.published, a.published_time) == ("2099-06-05", "2099-06-05T09:15:00+01:00")


def test_outlet_from_wire_credit_after_a_dateline_with_a_day(tmp_path):
    # "KELBY, June 3 (Coastline Wire) - ...": a dateline's day has digits
    a = only_article(ingest([write(tmp_path / "w.txt", f"KELBY, June 3 (Coastline Wire) - {QUAY}\n\n{SCHOOL}\n")]))
    assert a.outlet == "Coastline Wire"


@pytest.mark.parametrize("line, outlet, byline", [
    ("Kelby Evening News", "Kelby Evening News", None),
    ("The Dunmere Herald", "The Dunmere Herald", None),
    ("By Grace Post", None, "Grace Post"),
    ("Nora Kell", None, "Nora Kell"),
])
def test_an_outlet_named_under_the_headline_is_the_outlet_not_the_byline(tmp_path, line, outlet, byline):
    a = only_article(ingest([write(tmp_path / "s.txt", f"Dunmere quay to close\n{line}\n\n{QUAY}\n")]))
    assert (a.outlet, a.byline, a.title) == (outlet, byline, "Dunmere quay to close")


# --- .csv / .tsv: a spreadsheet of articles -------------------------------------------------------


def test_a_csv_of_articles_gives_one_article_per_row_and_accounts_for_every_row(tmp_path):
    path = write(tmp_path / "export.csv", (
        "id,Title,media_name,publish_date,URL,Text\n"
        'r1,Dam bursts in Veloria,Continental Wire,2027-06-14,https://example.org/a,"Flash floods killed at least 14 '
        'people in northern Veloria after a dam gave way on Monday, officials said.\n\nRescuers searched for the '
        'missing."\n'
        "r2,A headline with no text,The Ledger,2027-06-14,,\n"
        "\n"
        ',Veloria toll rises,Global Desk,2027-06-15T07:10:00+00:00,,"The death toll from the dam burst in Veloria '
        'rose to 19 on Tuesday, officials said."\n'))
    r = ingest([path])
    assert [(a.id, a.title, a.outlet, a.published) for a in r.articles] == [
        ("r1", "Dam bursts in Veloria", "Continental Wire", "2027-06-14"),
        ("export-7", "Veloria toll rises", "Global Desk", "2027-06-15")]
    first = r.articles[0]
    assert first.url == "https://example.org/a" and first.text.endswith("Rescuers searched for the missing.")
    assert r.articles[1].published_time == "2027-06-15T07:10:00+00:00"
    # the row without text is skipped by its line, with the reason
    assert [(s.source, s.reason) for s in r.skipped] == [(f"{path}:row 5", "the 'Text' field is empty")]


def test_a_semicolon_csv_and_a_tsv_are_read_and_a_table_without_text_is_skipped_whole(tmp_path):
    semi = write(tmp_path / "excel.csv", 'Headline;Body\nFloods;"Flash floods killed 14 people in Veloria; officials said."\n')
    tsv = write(tmp_path / "t.tsv", "full_text\ttitle\nFlash floods killed 14 people in Veloria on Monday.\tFloods\n")
    r = ingest([semi, tsv])
    assert [(a.title, a.text) for a in r.articles] == [
        ("Floods", "Flash floods killed 14 people in Veloria; officials said."),
        ("Floods", "Flash floods killed 14 people in Veloria on Monday.")]
    meta = write(tmp_path / "meta.csv", "stories_id,title,url,publish_date\n1,Floods,https://example.org/a,2027-06-14\n")
    source, reason = only_skip(ingest([meta]))
    assert source == str(meta) and "no column of article text" in reason and "'stories_id'" in reason


def test_a_table_row_longer_than_the_csv_modules_default_field_is_read(tmp_path):
    body = "Flash floods killed 14 people in Veloria on Monday, officials said. " * 2500  # about 170,000 characters
    path = write(tmp_path / "long.csv", f'title,text\nFloods,"{body}"\n')
    a = only_article(ingest([path]))
    assert a.title == "Floods" and len(a.text) > 131072


def test_a_number_opening_a_lone_paragraph_is_no_list_marker(tmp_path):
    # "1. FC Kelby" is a club's name; a numbered list has two items or more
    body = ("Kelby, March 4 - Fans celebrated in the old town on Saturday night after the final whistle.\n\n"
            "1. FC Kelby beat Ostrel City 3-1 in the cup final on Saturday, the club said.")
    a = only_article(ingest([write(tmp_path / "cup.txt", body + "\n")]))
    assert "1. FC Kelby beat Ostrel City" in a.text


def test_a_briefing_written_into_the_story_folder_is_not_read_as_a_report(tmp_path):
    # `newsweave brief dir -o dir/briefing.md` then `newsweave brief dir` again: the briefing is not a fourth report
    from newsweave.render import render

    (tmp_path / "wire.txt").write_text(f"{P1}\n\n{P2}\n\n{P3}\n", encoding="utf-8")
    (tmp_path / "gazette.txt").write_text(f"Outlet: Dunmere Gazette\n\n{P1}\n\n{P2}\n", encoding="utf-8")
    first = newsweave.brief([str(tmp_path)])
    assert len(first.articles) == 2
    for fmt in ("md", "json", "html"):
        (tmp_path / f"briefing.{fmt}").write_text(render(first, fmt), encoding="utf-8")
    (tmp_path / "briefing.txt").write_text(render(first, "text"), encoding="utf-8")
    # a report that only quotes our words or mentions the tool is still a report
    (tmp_path / "column.md").write_text("# Briefing notes\n\nThe Dunmere Gazette used newsweave to compare reports of "
                                       f"the collapse.\n\n{P2}\n", encoding="utf-8")
    again = ingest([str(tmp_path)])
    assert sorted(a.source.rsplit("/", 1)[-1] for a in again.articles) == ["column.md", "gazette.txt", "wire.txt"]
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in again.skipped}
    assert reasons == {
        "briefing.md": "newsweave's own output (a briefing in Markdown), not an article",
        "briefing.json": "newsweave's own output (newsweave.briefing/1), not an article",
        "briefing.html": "newsweave's own output (a briefing in HTML), not an article",
        "briefing.txt": "newsweave's own output (a briefing as text), not an article",
    }
