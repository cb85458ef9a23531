"""HTML pages: main text and metadata with trafilatura (JSON-LD and meta tags first, htmldate for dates)."""

from __future__ import annotations

import re
import warnings
from urllib.parse import urlparse

from newsweave.ingest.errors import InputSkipped
from newsweave.ingest.genre import page_section
from newsweave.ingest.textlayout import (ParsedText, byline_name, parse_date_string, parse_dateline, parse_text_article,
                                         parse_time_string)
from newsweave.model import Removed

_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "td", "dd", "dt", "pre", "caption")
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "form", "button", "select")
_MAX_REMOVED = 200


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def parse_html_article(html: str, *, url: str | None = None) -> tuple[ParsedText, str | None]:
    """Return the parsed article and the page's canonical URL (if it states one)."""
    import trafilatura

    with warnings.catch_warnings():  # trafilatura/lxml FutureWarnings are not the user's business
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if doc is None or not (doc.text or "").strip():
        raise InputSkipped("no article text found in the HTML page")

    title = (doc.title or "").strip() or None
    author = (doc.author or "").strip() or None
    lines = doc.text.split("\n")
    # trafilatura keeps the headline and byline at the top of the text; they are metadata here.
    # So is a dateline ("Published 14 July 2025") there.
    header_removed: list[Removed] = []
    stated_date: str | None = None
    stated_byline: str | None = None
    while lines and lines[0].strip() and (
        (title and _norm(lines[0]) == _norm(title))
        or (byline_name(lines[0]) and lines[0].strip().lower().startswith("by "))
        or (author and _norm(lines[0]).removeprefix("by ") == _norm(author))
        or parse_dateline(lines[0])
    ):
        stated_date = stated_date or parse_dateline(lines[0])
        if lines[0].strip().lower().startswith("by "):
            stated_byline = stated_byline or byline_name(lines[0])
        lines.pop(0)
    parsed = parse_text_article("\n".join(lines), detect_header=False)
    parsed.removed = header_removed + parsed.removed
    parsed.title = title
    parsed.byline = author or stated_byline or parsed.byline
    if doc.date:
        parsed.published = parse_date_string(doc.date)
    parsed.published_time = published_moment(html)
    # (htmldate passes over a day after today's, as a clock set wrong might give; the page's own stated moment,
    # "article:published_time", is the day it gives)
    parsed.published = parsed.published or stated_date or (parsed.published_time[:10] if parsed.published_time else None)
    page_url = url or (doc.url or None)
    parsed.outlet = (doc.sitename or "").strip() or parsed.outlet or (site_of(page_url) if page_url else None)
    parsed.removed.extend(_page_furniture(html, parsed.text, {r.text for r in parsed.removed}, title))
    categories = getattr(doc, "categories", None)
    parsed.section = page_section(html) or (categories[0] if isinstance(categories, list) and categories else None)
    return parsed, page_url


# The page's stated moment of publication: a meta tag's or JSON-LD's (trafilatura keeps the day only)
_META_MOMENT = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|"""
    r"""pubdate|publish[-_]date|dc\.date\.issued|sailthru\.date)["'][^>]*>""", re.IGNORECASE)
_CONTENT = re.compile(r"""\scontent\s*=\s*["']([^"']{10,40})["']""", re.IGNORECASE)
_LD_MOMENT = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def published_moment(html: str) -> str | None:
    """The time of publication the page's metadata states, with its zone, as ISO 8601 (else None)."""
    head = html[:200_000]
    for tag in _META_MOMENT.finditer(head):
        m = _CONTENT.search(tag.group(0))
        moment = parse_time_string(m.group(1)) if m else None
        if moment:
            return moment
    for m in _LD_MOMENT.finditer(head):
        moment = parse_time_string(m.group(1))
        if moment:
            return moment
    return None


def site_of(url: str) -> str | None:
    """The site of a URL, as an outlet name of last resort: "www.example.org" -> "example.org"."""
    host = (urlparse(url).hostname or "").removeprefix("www.")
    return host or None


def _page_furniture(html: str, kept_text: str, already: set[str], title: str | None) -> list[Removed]:
    """The page's text blocks that are not in the extracted article: navigation, related links, footers."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    kept = _norm(kept_text)
    seen = {_norm(a) for a in already}
    if title:
        seen.add(_norm(title))
    out: list[Removed] = []
    for el in tree.iter(*_BLOCK_TAGS):
        if any(child.tag in _BLOCK_TAGS for child in el.iterdescendants()):
            continue  # keep the innermost blocks only
        text = " ".join(" ".join(el.itertext()).split())
        key = _norm(text)
        if not key or key in seen or key in kept:
            continue
        seen.add(key)
        out.append(Removed(text=text, reason="page furniture outside the article body"))
        if len(out) >= _MAX_REMOVED:
            break
    return out
