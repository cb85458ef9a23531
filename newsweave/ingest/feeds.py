"""RSS and Atom feeds (with feedparser): one article per entry, its text from the entry's content (or, failing
that, its summary), HTML turned into paragraphs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsweave.ingest.errors import InputSkipped

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section", "article",
           "figcaption", "dd", "dt")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(slots=True)
class FeedEntry:
    index: int  # 1-based position in the feed
    title: str | None
    link: str | None
    published: str | None  # as the feed writes it ("Mon, 14 May 2029 09:30:00 +0200"), or ISO in UTC
    author: str | None
    text: str  # plain text, paragraphs separated by blank lines
    entry_id: str | None


def looks_like_feed(text: str) -> bool:
    """Does the document open as an RSS or Atom feed?"""
    head = text.lstrip()[:2000].lower()
    return bool(re.search(r"<(?:rss|feed|rdf:rdf)[\s>]", head)) and not re.search(r"<html[\s>]", head)


def fragment_text(html: str) -> str:
    """An HTML fragment as plain text, one paragraph per block element (a fragment without markup as it is)."""
    if "<" not in html:
        return "\n\n".join(" ".join(p.split()) for p in _BLANK_LINES.split(html) if p.strip())
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on broken markup; the text is still wanted
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for el in root.iter("script", "style"):
        el.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n\n" + (br.tail or "")
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
        el.text = "\n\n" + (el.text or "")
    return "\n\n".join(" ".join(p.split()) for p in _BLANK_LINES.split(root.text_content()) if p.strip())


def parse_feed(data: bytes | str) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries. Raises InputSkipped when the document is no feed or has no entry."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = "an RSS or Atom feed with no entries"
        if feed.get("bozo"):
            reason = f"a malformed feed: {feed.get('bozo_exception') or 'it could not be read'}"
        raise InputSkipped(reason)
    title = " ".join((feed.feed.get("title") or "").split()) or None
    entries = []
    for n, e in enumerate(feed.entries, start=1):
        html = ""
        if e.get("content"):
            html = max((c.get("value") or "" for c in e.content), key=len)
        if not html.strip():
            html = e.get("summary") or ""
        published = e.get("published") or e.get("updated")
        parsed = e.get("published_parsed") or e.get("updated_parsed")
        if not published and parsed:
            published = dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat()
        entries.append(FeedEntry(n, " ".join((e.get("title") or "").split()) or None, e.get("link"), published,
                                 e.get("author"), fragment_text(html), e.get("id")))
    return title, entries
