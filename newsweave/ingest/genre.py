"""Is a piece opinion rather than news? Told by how outlets mark it, never by its words.

An editorial, a column or an op-ed argues: its statements are the writer's views, however factual they sound
("Forty-one people died because the authorities sold far more tickets than the ground could hold"). Outlets label
such pieces, and the label is what is read here: the headline's kicker ("Opinion: ...", "EDITORIAL | ..."), the
URL's section ("/opinion/", "/commentisfree/", "/editorials/"), the page's section or schema.org type
(``article:section`` "Opinion", ``"@type": "OpinionNewsArticle"``), or a record's ``genre`` / ``section`` field.
"""

from __future__ import annotations

import re

OPINION = "opinion"

# a label before the headline, set off by a colon, a bar or a dash: "Opinion: The gates were a death trap"
_TITLE_LABEL = re.compile(
    r"^\s*(?:opinion|op-?ed|editorial|our\s+view|comment(?:ary)?|column|letters?(?:\s+to\s+the\s+editor)?|"
    r"viewpoint|perspective|guest\s+(?:column|essay|opinion))\s*[:|\u2013\u2014-]\s*\S", re.IGNORECASE)
# a section of the site's address: "https://example.com/opinion/2034/04/10/gates", ".../commentisfree/..."
_URL_SECTION = re.compile(
    r"^[a-z]+://[^/]+(?:/[^/?#]*)*?/(?:opinions?|op-?eds?|editorials?|commentisfree|columns?|columnists?|"
    r"letters(?:-to-the-editor)?|viewpoints?|perspectives?)(?:[/?#]|$)", re.IGNORECASE)
# a section name or record field that says opinion
_SECTION = re.compile(r"^\s*(?:opinions?|op-?eds?|editorials?|commentary|comment(?:\s+is\s+free)?|columns?|"
                      r"letters?|viewpoints?|perspectives?)\s*$", re.IGNORECASE)
# the page's own section or type: <meta property="article:section" content="Opinion">, JSON-LD's OpinionNewsArticle
_META_SECTION = re.compile(
    r"""<meta\s[^>]*?(?:property|name)\s*=\s*["'](?:article:section|section|og:section|parsely-section)["'][^>]*>""",
    re.IGNORECASE)
_CONTENT = re.compile(r"""\scontent\s*=\s*["']([^"']{1,60})["']""", re.IGNORECASE)
_LD_OPINION = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*)?"(?:OpinionNewsArticle|Editorial)"')


def genre_of(title: str | None = None, url: str | None = None, section: str | None = None) -> str | None:
    """"opinion" when the headline's label, the URL's section or a stated section marks the piece so; else None
    (news, or not told)."""
    if section and _SECTION.match(section):
        return OPINION
    if title and _TITLE_LABEL.match(title):
        return OPINION
    if url and _URL_SECTION.match(url.strip()):
        return OPINION
    return None


def page_section(html: str) -> str | None:
    """The section an HTML page states for itself, or "opinion" when its schema.org type is an opinion piece."""
    if _LD_OPINION.search(html):
        return OPINION
    for m in _META_SECTION.finditer(html):
        content = _CONTENT.search(m.group(0))
        if content:
            return content.group(1).strip()
    return None
