"""Plain-text articles: the layout scrapers and archives write, and bare text with none of it.

The layout: optional fields on top (a Markdown file's YAML front matter between ``---`` lines, or ``Key: value``
lines such as "Title: ...", "Source: ...", "Published: 2026-03-09"; see ``fields.py``), an optional first line
`` date YYYY-MM-DD`` (the rest of that line may already be the body), a headline (a Markdown "# " heading too),
byline and dateline lines, the body, and trailing site furniture. Every part is optional; a file that is only
body text comes out with its text intact and no title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from newsweave.ingest.fields import as_text, field_of
from newsweave.ingest.furniture import find_furniture, outlet_from_line, wire_credit
from newsweave.model import Removed

# (an ISO time after the date, "2026-08-09T07:00:00Z", belongs to the date: the day is the date, and the time
# with its zone the moment of publication)
_DATE_PREFIX = re.compile(r"^\s*date\s*[:=]?\s*((\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b[ \t]*(.*)$",
                          re.IGNORECASE)
_ISO_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})$",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    "|nov(?:ember)?|dec(?:ember)?"
)
# A line that is only a date (and maybe a time / "Published" / "Updated" label): a dateline.
_DATELINE = re.compile(
    rf"^(?:(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*)?"
    rf"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    rf"(?P<date>\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}})"
    rf"(?:[\s,|•·-]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,5}}(?:[+-]\d{{1,2}})?)?)?"
    rf"(?:\s*[|•·]\s*.{{0,40}})?\s*$",
    re.IGNORECASE,
)
_BYLINE_BY = re.compile(r"^by\s+(?P<name>[A-Z][^\n]{1,100}?)\s*$", re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’.-]+|[A-Z]\.|(?:de|da|van|von|der|al|el|bin|ibn|la|le|di|du)(?=\s))"
_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}(?:\s*(?:,|and|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})*$")


def parse_dateline(line: str) -> str | None:
    """ISO date of a line that is only a date ("November 20, 2020", "Nov 20, 2020", "2020-11-20"), else None."""
    m = _DATELINE.match(line.strip())
    if not m:
        return None
    return parse_date_string(m.group("date"))


def parse_date_string(value: str) -> str | None:
    """A stated date (ISO, or written with a month name) as YYYY-MM-DD; None when it is not a full date."""
    value = value.strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return _iso(m.group(1), m.group(2), m.group(3))
    # The usual written forms ("March 11, 2026", "Wed, 11 Mar 2026 09:30 GMT") are read here: dateparser's
    # first call costs about 0.8 s (imports and a few hundred regexes), a sixth of a cold brief.
    m = _WRITTEN_DATE.match(value)
    if m:
        month = _MONTH_NUMBER[(m.group("m1") or m.group("m2"))[:3].lower()]
        return _iso(m.group("y1") or m.group("y2"), month, m.group("d1") or m.group("d2"))
    import dateparser  # slow; only reached for the other forms (numeric day/month, other languages...)

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"},
    )
    return parsed.date().isoformat() if parsed else None


def parse_time_string(value: str | None) -> str | None:
    """A stated moment with its zone ("2026-10-17T19:40:00Z", "2026-10-17 21:40+02:00", "Sat, 17 Oct 2026 19:40:00
    GMT") as ISO 8601 with a UTC offset; None without a time or without a zone (a bare clock time could be any
    zone's, so two outlets' would not compare)."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_MOMENT.match(value)
    if m:
        zone = m.group(3).upper()
        zone = "+00:00" if zone in ("Z", "UTC", "GMT") else (zone if ":" in zone else zone[:3] + ":" + zone[3:])
        clock = m.group(2) if m.group(2).count(":") == 2 else m.group(2) + ":00"
        try:
            return datetime.fromisoformat(f"{m.group(1)}T{clock}{zone}").isoformat()
        except ValueError:
            return None
    if re.search(r"\d{1,2}:\d{2}", value) and re.search(r"\b(?:GMT|UTC|UT|Z)$|[+-]\d{4}$", value):
        from email.utils import parsedate_to_datetime  # the RFC 2822 form feeds and mail headers use

        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return moment.isoformat() if moment.tzinfo is not None else None
    return None


_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
_CLOCK = r"(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{4}))?)?"
_WRITTEN_DATE = re.compile(
    rf"^(?:{_WEEKDAY})?(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}})){_CLOCK}$",
    re.IGNORECASE,
)
_MONTH_NUMBER = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def looks_like_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not (1 <= len(words) <= 25) or len(s) > 200:
        return False
    if s.endswith((".", ",", ";", ":")) and not s.endswith("..."):
        return False
    return parse_dateline(s) is None


def byline_name(line: str) -> str | None:
    s = line.strip()
    m = _BYLINE_BY.match(s)
    if m:
        name = re.split(r"\s+[|•·]\s+|\s+[-—–]\s+", m.group("name"))[0].strip(" ,")
        return name if len(name.split()) <= 12 else None
    if len(s.split()) <= 8 and _NAME_LINE.match(s):
        return s
    return None


_WIKI_IMAGE_SIZE = re.compile(r"^\s*(?:(?:thumb|thumbnail|right|left|center|frame)\s*\|\s*)*\d{2,4}px\s*(?:\|\s*|\s+)")


@dataclass
class ParsedText:
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    published_time: str | None = None
    outlet: str | None = None
    url: str | None = None
    section: str | None = None  # the site's section it ran in, or "opinion" (see ingest.genre)
    text: str = ""
    removed: list[Removed] = field(default_factory=list)


def parse_text_article(raw: str, *, detect_header: bool = True, markdown: bool = False) -> ParsedText:
    """Split a plain-text article into header fields, clean body text and removed furniture. With
    ``markdown``, the body's Markdown syntax (headings' #, emphasis, links, images, block quotes, rules) is
    read as the text it marks up; a list item's marker goes in any text ("- ", "* ", "1. ")."""
    out = ParsedText()
    lines = raw.split("\n")
    if detect_header:
        lines = lines[_read_fields(lines, out):]
    if lines:
        m = _DATE_PREFIX.match(lines[0])
        if m:
            out.published = parse_date_string(m.group(2))
            out.published_time = parse_time_string(m.group(1))
            lines[0] = m.group(3)

    i = 0
    if detect_header:
        i = _parse_header(lines, out)

    body_lines = lines[i:]
    for j, line in enumerate(body_lines):
        m = _WIKI_IMAGE_SIZE.match(line)
        if m and m.end() < len(line.rstrip()):
            # what a wiki export leaves of an image ("[[File:x.jpg|thumb|150px|Caption]]"): with its pipes
            # the line is the image's caption; a bare size ("150px Orvalis said ...") sits before the prose
            whole = "|" in m.group(0)
            out.removed.append(Removed(text=line.strip() if whole else m.group(0).strip(),
                                       reason="wiki image caption" if whole else "wiki image markup"))
            body_lines[j] = "" if whole else line[m.end():]
    marks = find_furniture(body_lines)
    for j in sorted(marks):
        line = body_lines[j].strip()
        out.removed.append(Removed(text=line, reason=marks[j]))
        if out.outlet is None:
            out.outlet = outlet_from_line(line)
    kept = [line for j, line in enumerate(body_lines) if j not in marks]
    if markdown:
        kept = [_markdown_line(line) for line in kept]
    paragraphs = _paragraphs(kept)
    # (a number is a list's marker only in a list of two items or more: "1. FC Köln won on Saturday" keeps its name)
    numbered = sum(bool(_LIST_MARKER.match(p)) for p in paragraphs) >= 2
    paragraphs = [(_LIST_MARKER if numbered else _BULLET_MARKER).sub("", p) or p for p in paragraphs]
    if out.outlet is None and paragraphs:
        out.outlet = wire_credit(paragraphs[0])
    out.text = "\n\n".join(paragraphs)
    return out


def _parse_header(lines: list[str], out: ParsedText) -> int:
    """Read headline, byline and dateline lines off the top; return the index where the body starts."""
    i = 0
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    if i >= n:
        return i
    if out.title is not None:  # the fields named it; a headline line under them is the same title again
        if _MARKDOWN_HEADING.sub("", lines[i].strip()).casefold() == out.title.casefold():
            i += 1
        return _parse_header_lines(lines, i, out)
    first = _MARKDOWN_HEADING.sub("", lines[i].strip())
    # (a section label under the headline and its list, "Key points" / "- Ferries cancelled", are not the body
    # that shows the headline is one)
    nxt = next((x for x in (line.strip() for line in lines[i + 1:])
                if x and not _SECTION_LABEL.match(x) and not _LIST_ITEM.match(x)), "")
    # A Markdown top-level heading names the document; otherwise a headline is short and unpunctuated, and is
    # not the whole article.
    if re.match(r"#\s+\S", lines[i].strip()) and nxt:
        out.title = first
        i += 1
    elif looks_like_headline(first) and nxt and (len(nxt.split()) > len(first.split()) or byline_name(nxt) or parse_dateline(nxt)
                                               or re.search(r"[.!?][\"”’)]*$", nxt) and len(nxt.split()) >= 8):
        out.title = first
        i += 1
    return _parse_header_lines(lines, i, out)


def _parse_header_lines(lines: list[str], i: int, out: ParsedText) -> int:
    """Up to a few byline / dateline / outlet lines from ``i``, in any order, possibly separated by blank lines;
    the index where the body starts."""
    n = len(lines)
    seen = 0
    while i < n and seen < 4:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        when = parse_dateline(s)
        field = _FIELD_LINE.match(s)
        if when and out.published is None:
            out.published = when
        elif when:
            pass
        elif field and field_of(field.group("key")):
            _take_field(field.group("key"), field.group("value"), out)  # "Published: 2027-04-20T18:40:00+02:00"
        elif out.outlet is None and out.title is not None and _OUTLET_LINE.match(s):
            out.outlet = s  # "Kelby Evening News" under the headline: who published it, not who wrote it
        elif out.byline is None and out.title is not None and byline_name(s):
            out.byline = byline_name(s)
        else:
            break
        i += 1
        seen += 1
    return i


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_FIELD_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(?P<value>\S.*?)\s*$")
_FENCE = re.compile(r"^\s*---\s*$")
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]*$")
MAX_FRONT_MATTER_LINES = 60
MAX_OTHER_FIELD_VALUE = 100  # an unnamed field's value is short ("Tags: politics, obituaries"); prose is not a field


def _read_fields(lines: list[str], out: ParsedText) -> int:
    """Read the fields on top of a text: YAML front matter, or a block of ``Key: value`` lines that opens
    with a key an article field goes by ("Title:", "Source:", "Date:"). Fields no article field takes
    ("Tags:", "Section:") are kept in ``removed``. Returns the index of the first line after them (0: none)."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and _FENCE.match(lines[i]):
        close = next((j for j in range(i + 1, min(len(lines), i + 1 + MAX_FRONT_MATTER_LINES)) if _FENCE.match(lines[j])), None)
        if close is not None:
            import yaml

            try:
                data = yaml.safe_load("\n".join(lines[i + 1:close]))
            except yaml.YAMLError:
                data = None
            if isinstance(data, dict) and data:
                for key, value in data.items():
                    _take_field(str(key), value, out)
                return close + 1
    fields: list[tuple[str, str]] = []
    j = i
    while j < len(lines):
        m = _FIELD_LINE.match(lines[j])
        if not m:
            break
        key, value = m.group("key"), m.group("value")
        if field_of(key) is None and (not fields or len(key.split()) > 2 or len(value) > MAX_OTHER_FIELD_VALUE
                                      or key.isupper() or _SENTENCE_STOP.search(value)):
            break  # ("KYIV: Russian forces shelled the city." under the fields is the body's first line)
        fields.append((key, value))
        j += 1
    if not fields:
        return 0
    for key, value in fields:
        _take_field(key, value, out)
    return j


def _take_field(key: str, value: object, out: ParsedText) -> None:
    """One header field into ``out``; a field no article field takes, or a second value or an unreadable date of
    one, is kept in ``removed`` (nothing of the input is lost)."""
    text = as_text(value)
    field = field_of(key)
    if text is None:
        return
    if field == "published" and parse_date_string(text) and out.published is None:
        out.published = parse_date_string(text)
        out.published_time = out.published_time or parse_time_string(text)
    elif field == "byline" and out.byline is None:
        out.byline = _BY_PREFIX.sub("", text)
    elif field == "section":
        # read for what kind of piece it is (an "Opinion" section: see ingest.genre), and kept as the header it is
        out.section = out.section or text
        out.removed.append(Removed(text=f"{key}: {text}", reason="header field"))
    elif field is not None and field not in ("published", "byline") and getattr(out, field) is None:
        setattr(out, field, text)
    else:
        out.removed.append(Removed(text=f"{key}: {text}", reason="header field"))


_BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)


# A line of a few capitalised words ending in a word papers, wires and broadcasters are named by
_OUTLET_LINE = re.compile(r"^(?![Bb][Yy]\s)(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}(?:News|Times|Post|Herald|Daily|Gazette|Tribune|Journal|"
                          r"Wire|Press|Chronicle|Courier|Telegraph|Observer|Guardian|Express|Mail|Review|Standard|"
                          r"Sentinel|Ledger|Today|Radio|TV|Television|Broadcasting|Agency|Dispatch|Bulletin|Record|"
                          r"Register|Examiner|Inquirer|Mirror|Star|Globe|Independent|Monitor|Online)$")
_LIST_ITEM = re.compile(r"^(?:[-•*–—▪●]|\d{1,2}[.)])\s+\S")
_SECTION_LABEL = re.compile(r"^(?:key points|highlights|what we know|at a glance|in brief|summary|live updates|"
                            r"latest updates?|key events|the latest)\s*:?$", re.IGNORECASE)


# a list item's marker at the start of a paragraph: the item is the text after it
_LIST_MARKER = re.compile(r"^(?:[-•*+▪●]|\d{1,2}[.)])\s+(?=\S)")
_BULLET_MARKER = re.compile(r"^[-•*+▪●]\s+(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_COMMENT = re.compile(r"<!--.*?-->")


def _markdown_line(line: str) -> str:
    """One line of a Markdown body as the text it marks up: "## What happened?" -> "What happened?",
    "**17** people" -> "17 people", "[Live updates](https://...)" -> "Live updates"; a rule is an empty line."""
    if _MD_RULE.match(line):
        return ""
    m = _MD_HEADING.match(line)
    if m:
        line = m.group(1)
    line = _MD_QUOTE.sub("", line)
    line = _MD_COMMENT.sub("", line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    return _MD_CODE.sub(r"\1", line)


def _paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of the kept body lines. Blank lines separate paragraphs; within a block, lines are
    separate paragraphs too, unless the text is hard-wrapped (most lines end mid-sentence). A list item ("-
    Ferry services cancelled until Tuesday") is a paragraph of its own, and so is the label above a list
    ("Key points"): list lines end without a stop, yet are not wrapped prose."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        s = " ".join(line.split())
        if s:
            blocks[-1].append(s)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    listed = {id(b) for b in blocks if any(_LIST_ITEM.match(x) for x in b)}
    multi = [line for b in blocks if len(b) > 1 and id(b) not in listed for line in b[:-1]]
    hard_wrapped = len(multi) >= 3 and sum(not _SENTENCE_END.search(x) for x in multi) / len(multi) > 0.5
    paragraphs: list[str] = []
    for block in blocks:
        if id(block) in listed:
            paragraphs.extend(block)
        elif hard_wrapped:
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    return paragraphs
