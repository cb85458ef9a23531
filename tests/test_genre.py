"""Opinion pieces are told by how outlets mark them: a headline's label, the address's section, the page's section or
type, or a record's field; never by their words."""

from __future__ import annotations

import json

import pytest

from newsweave.ingest import ingest
from newsweave.ingest.genre import genre_of

BODY = "The council voted on Tuesday to close the Marren library. Residents said they would appeal the decision."


def body(n: int) -> str:
    """The body, told a little differently each time (identical texts are one article)."""
    return BODY + f" The library has served the town for {40 + n} years."


@pytest.mark.parametrize("title, url, section, expected", [
    ("Opinion: Closing the library is a mistake", None, None, "opinion"),
    ("EDITORIAL | The council has lost its way", None, None, "opinion"),
    ("Letters to the editor: readers on the library", None, None, "opinion"),
    ("Council votes to close Marren library", "https://example.org/opinion/2031/03/04/library", None, "opinion"),
    ("Council votes to close Marren library", "https://example.org/commentisfree/2031/mar/04/library", None, "opinion"),
    ("Council votes to close Marren library", None, "Opinion", "opinion"),
    # news, however it reads
    ("Opinion poll: most residents want the library kept", None, None, None),
    ("Council votes to close Marren library", "https://example.org/news/2031/03/04/opinion-split-on-library", None, None),
    ("Council votes to close Marren library", None, "Local news", None),
    (None, None, None, None),
])
def test_genre_of(title, url, section, expected):
    assert genre_of(title, url, section) == expected


def test_records_pages_and_text_headers_say_opinion(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "rec", "title": "Why the library must stay", "section": "Opinion", "text": body(1)}) + "\n"
        + json.dumps({"id": "news", "title": "Council votes to close library", "section": "Local", "text": body(2)}) + "\n")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Why the library must stay</title>"
        '<meta property="article:section" content="Opinion"></head><body><article><h1>Why the library must stay</h1>'
        + "".join(f"<p>{body(3)}</p>" for _ in range(3)) + "</article></body></html>")
    (tmp_path / "column.txt").write_text(f"Title: Why the library must stay\nSection: Opinion\n\n{body(4)}\n")
    result = ingest([str(tmp_path)])
    genre = {a.id: a.genre for a in result.articles}
    assert genre == {"rec": "opinion", "news": None, "page": "opinion", "column": "opinion"}, (genre, result.skipped)
    column = next(a for a in result.articles if a.id == "column")
    assert any(r.text == "Section: Opinion" for r in column.removed)  # (the header is kept, as every header field)
