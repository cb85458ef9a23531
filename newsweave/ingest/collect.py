"""Turn what the user names (files, folders, globs, ``-`` for stdin, URLs, Article objects) into clean
articles. Every input ends in ``articles`` or in ``skipped`` with a one-line reason; nothing stops the batch."""

from __future__ import annotations

import glob
import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.ingest.decode import decode_bytes, looks_binary
from newsweave.ingest.documents import DOCUMENT_SUFFIXES, document_text
from newsweave.ingest.errors import InputSkipped
from newsweave.ingest.fetch import fetch_url
from newsweave.ingest.feeds import looks_like_feed, parse_feed
from newsweave.ingest.fields import record_field, record_moment
from newsweave.ingest.genre import genre_of
from newsweave.ingest.html import parse_html_article, site_of
from newsweave.ingest.jsonfmt import iter_json_records, record_str, record_text
from newsweave.ingest.tables import read_table
from newsweave.ingest.language import MIN_CONFIDENCE, detect_language
from newsweave.ingest.notices import notice_page
from newsweave.ingest.textlayout import ParsedText, parse_date_string, parse_text_article, parse_time_string
from newsweave.model import Article, Removed, Skipped

DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # (an .xml file is read as a feed only when it is one)
TABLE_SUFFIXES = {".csv", ".tsv"}  # a spreadsheet of articles, one per row (as research tools export them)
# documents of other editors, which the same editor saves as a format read here
_SAVE_AS = dict.fromkeys((".doc", ".rtf", ".odt", ".pages", ".wpd"), ": save it as .docx, PDF or plain text")
_DOCUMENT_TYPES = {"application/pdf": "pdf",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}
KNOWN_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | TABLE_SUFFIXES
                  | set(DOCUMENT_SUFFIXES))
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(slots=True)
class _Raw:
    """One input to parse: its bytes, where it came from, and a hint of its format."""

    source: str
    stem: str
    fmt: str | None  # "text" | "html" | "json" | "jsonl" | None (sniff)
    data: bytes
    charset: str | None = None
    url: str | None = None


def ingest(
    inputs: Iterable[str | os.PathLike[str] | Article],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    on_input: Callable[[str], None] | None = None,
    stdin: Any = None,
) -> IngestResult:
    """Read every input into :class:`Article` objects; see the module docstring."""
    result = IngestResult()
    ids: set[str] = set()
    # text -> the articles kept with it, by outlet (None: no outlet named)
    seen_text: dict[str, dict[str | None, str]] = {}

    def add(article: Article) -> None:
        notices = notice_page(article.text)
        if notices:  # a cookie wall, paywall or crawl note that a scraper saved in place of the report
            result.skipped.append(Skipped(source=article.source, reason=notices))
            return
        key = hashlib.sha1(" ".join(article.text.split()).lower().encode()).hexdigest()
        outlet = _outlet_key(article.outlet)
        kept = seen_text.setdefault(key, {})
        if kept:
            # The same text from another named outlet is a report of its own: a wire story or a copy that
            # outlet ran, which the reader should see; align counts the copies as one source. The same text
            # again from the same outlet, or where either names none, is the same article given twice.
            if outlet is None or None in kept or outlet in kept:
                first = kept.get(outlet) or next(iter(kept.values()))
                result.skipped.append(Skipped(source=article.source, reason=f"exact duplicate of {first}"))
                return
        kept[outlet] = article.source
        article.id = _unique_id(article.id, ids)
        result.articles.append(article)

    for item in _expand(inputs, result.skipped, max_bytes=max_bytes, allow_private=allow_private, stdin=stdin):
        if isinstance(item, Article):
            if item.genre is None:
                item.genre = genre_of(item.title, item.url)  # (an Article made in code: its headline's label too)
            add(item)
            continue
        if on_input:
            on_input(item.source)
        try:
            for art in _parse(item):
                if isinstance(art, Skipped):
                    result.skipped.append(art)
                else:
                    add(art)
        except InputSkipped as e:
            result.skipped.append(Skipped(source=item.source, reason=str(e)))
        except Exception as e:  # a parser bug on one input must not stop the batch
            result.skipped.append(Skipped(source=item.source, reason=f"could not be parsed: {type(e).__name__}: {e}"))
    return result


def _outlet_key(outlet: str | None) -> str | None:
    return " ".join(outlet.split()).casefold() or None if outlet else None


def _unique_id(wanted: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "-", wanted).strip("-") or "article"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


# --- expanding what the user named into raw inputs --------------------------------------------


def _expand(
    inputs: Iterable[str | os.PathLike[str] | Article], skipped: list[Skipped], *, max_bytes: int, allow_private: bool, stdin: Any
) -> Iterator[_Raw | Article]:
    for item in inputs:
        if isinstance(item, Article):
            yield item
            continue
        name = os.fspath(item)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            if isinstance(data, str):
                data = data.encode()
            if len(data) > max_bytes:
                skipped.append(Skipped(source="stdin", reason=f"too large: over {max_bytes:,} bytes (see --max-bytes)"))
            else:
                yield _Raw(source="stdin", stem="stdin", fmt=None, data=data)
        elif re.match(r"^https?://", name, re.IGNORECASE):
            try:
                page = fetch_url(name, max_bytes=max_bytes, allow_private=allow_private)
            except InputSkipped as e:
                skipped.append(Skipped(source=name, reason=str(e)))
                continue
            fmt = ("feed" if re.search(r"rss|atom", page.content_type) else "html" if "html" in page.content_type
                   else "json" if "json" in page.content_type else None)
            if page.content_type == "text/plain":
                fmt = "text"
            fmt = _DOCUMENT_TYPES.get(page.content_type, fmt)
            yield _Raw(source=name, stem=hashlib.sha1(name.encode()).hexdigest()[:10], fmt=fmt, data=page.data,
                       charset=page.charset, url=page.url)
        elif os.path.isdir(name):
            yield from _walk(Path(name), skipped, max_bytes=max_bytes)
        elif os.path.exists(name) or os.path.islink(name):
            raw = _read_file(Path(name), skipped, max_bytes=max_bytes, explicit=True)
            if raw:
                yield raw
        elif _GLOB_CHARS.search(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                skipped.append(Skipped(source=name, reason="no files match this pattern"))
            for match in matches:
                path = Path(match)
                if path.is_dir():
                    yield from _walk(path, skipped, max_bytes=max_bytes)
                else:
                    raw = _read_file(path, skipped, max_bytes=max_bytes, explicit=True)
                    if raw:
                        yield raw
        else:
            skipped.append(Skipped(source=name, reason="no such file, folder or URL"))


def _walk(folder: Path, skipped: list[Skipped], *, max_bytes: int) -> Iterator[_Raw]:
    """Files below ``folder``, recursively, in a stable order. Hidden files and folders are left out."""
    try:
        entries = sorted(folder.rglob("*"))
    except OSError as e:
        skipped.append(Skipped(source=str(folder), reason=f"unreadable folder: {e.strerror or e}"))
        return
    for path in entries:
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or path.is_dir():
            continue
        if path.name.lower() in ("readme.md", "readme.txt", "readme"):
            skipped.append(Skipped(source=str(path), reason="a README, not an article"))
            continue
        raw = _read_file(path, skipped, max_bytes=max_bytes, explicit=False)
        if raw:
            yield raw


def _read_file(path: Path, skipped: list[Skipped], *, max_bytes: int, explicit: bool) -> _Raw | None:
    suffix = path.suffix.lower()
    if not explicit and suffix not in KNOWN_SUFFIXES:
        hint = _SAVE_AS.get(suffix, "")
        skipped.append(Skipped(source=str(path), reason=f"unsupported file type {suffix or '(no extension)'!r}{hint}"))
        return None
    try:
        size = path.stat().st_size
        if size > max_bytes:
            skipped.append(Skipped(source=str(path), reason=f"too large: {size:,} bytes (limit {max_bytes:,}; see --max-bytes)"))
            return None
        data = path.read_bytes()
    except OSError as e:
        skipped.append(Skipped(source=str(path), reason=f"unreadable: {e.strerror or e}"))
        return None
    fmt = (
        "markdown" if suffix in MARKDOWN_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else "html" if suffix in HTML_SUFFIXES
        else "jsonl" if suffix in JSONL_SUFFIXES else "json" if suffix in JSON_SUFFIXES
        else "feed" if suffix in (".rss", ".atom") else "tsv" if suffix == ".tsv" else "csv" if suffix == ".csv"
        else DOCUMENT_SUFFIXES.get(suffix)
    )
    return _Raw(source=str(path), stem=path.stem, fmt=fmt, data=data)


# --- parsing one raw input -------------------------------------------------------------------


def _sniff(text: str) -> str:
    if looks_like_feed(text):
        return "feed"
    head = text.lstrip()[:2000].lower()
    if head.startswith("<?xml") and not re.search(r"<(?:!doctype\s+)?html[\s>]", head):
        return "xml"
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|article|p)[\s>]", head):
        return "html"
    if head.startswith(("{", "[")):
        first_line = text.lstrip().split("\n", 1)[0].strip()
        return "jsonl" if first_line.startswith("{") and first_line.endswith("}") and "\n{" in text.strip() else "json"
    return "text"


_OUR_MARKDOWN = re.compile(r"\A\s*# Briefing(?::[^\n]*)?\n\s*\n\d+ articles? used, \d+ skipped\.\n")
# the terminal view saved as text: a rule with the title, then the count line
_OUR_TEXT = re.compile(r"\A\s*─+ Briefing(?::[^\n]*)? ─+\n\d+ articles? used, \d+ skipped\n")
_OUR_HTML = re.compile(r"<meta\s+name=[\"']generator[\"']\s+content=[\"']newsweave\b", re.IGNORECASE)
_OUR_JSON = re.compile(r"\A\s*\{\s*\"schema\"\s*:\s*\"(newsweave\.[\w.-]+/\d+)\"")


def own_output(text: str) -> str | None:
    """What a file newsweave wrote is ("a briefing in Markdown", "newsweave.batch-index/1"), or None for
    anything else. A briefing written into the folder it was made from (``newsweave brief dir -o
    dir/briefing.md``) must not be read as one more report of the story the next time."""
    head = text[:4000]
    m = _OUR_JSON.match(head)
    if m:
        return m.group(1)
    if _OUR_MARKDOWN.match(head):
        return "a briefing in Markdown"
    if _OUR_TEXT.match(head):
        return "a briefing as text"
    if _OUR_HTML.search(head):
        return "a briefing in HTML"
    return None


def _parse(raw: _Raw) -> Iterator[Article | Skipped]:
    if raw.fmt in ("pdf", "docx"):
        yield _parse_document(raw)
        return
    if looks_binary(raw.data):
        raise InputSkipped("binary data, not text")
    text = decode_bytes(raw.data, raw.charset)
    if kind := own_output(text):
        raise InputSkipped(f"newsweave's own output ({kind}), not an article")
    fmt = raw.fmt or _sniff(text)
    if fmt in ("json", "jsonl"):
        yield from _parse_json(raw, text, lines=fmt == "jsonl")
        return
    if fmt in ("csv", "tsv"):
        yield from _parse_table(raw, text, tab=fmt == "tsv")
        return
    if fmt == "feed":
        yield from _parse_feed(raw, text)
        return
    if fmt == "xml":
        raise InputSkipped("an XML document that is no RSS or Atom feed")
    if fmt == "html":
        parsed, page_url = parse_html_article(text, url=raw.url)
    else:
        parsed = parse_text_article(text, markdown=raw.fmt == "markdown")
        page_url = raw.url or parsed.url  # a header's "URL:" line names the page a saved text came from
    if not parsed.outlet and page_url:
        parsed.outlet = site_of(page_url)
    yield _finish(parsed, id=raw.stem, source=raw.source, url=page_url)


def _parse_document(raw: _Raw) -> Article:
    """A PDF or Word document: its text read as a text file's (a header, byline and dateline in the text are
    found as in any text), the document's own title, author and date where the text gives none."""
    doc = document_text(raw.data, raw.fmt or "")
    parsed = parse_text_article(doc.text)
    parsed.title = parsed.title or doc.title
    parsed.byline = parsed.byline or doc.author
    parsed.published = parsed.published or doc.published
    return _finish(parsed, id=raw.stem, source=raw.source, url=raw.url)


def _parse_feed(raw: _Raw, text: str) -> Iterator[Article | Skipped]:
    """One article per entry of an RSS or Atom feed; an entry without text is skipped with its reason."""
    try:
        outlet, entries = parse_feed(text)
    except InputSkipped as e:
        yield Skipped(source=raw.source, reason=str(e))
        return
    for e in entries:
        where = f"{raw.source}:entry {e.index}"
        try:
            parsed = parse_text_article(e.text, detect_header=False)
            parsed.title = e.title or parsed.title
            parsed.byline = e.author or parsed.byline
            if e.published:
                parsed.published = parse_date_string(e.published) or parsed.published
                parsed.published_time = parse_time_string(e.published) or parsed.published_time
            parsed.outlet = outlet or parsed.outlet or (site_of(e.link) if e.link else None)
            yield _finish(parsed, id=f"{raw.stem}-{e.index}", source=where, url=e.link)
        except InputSkipped as err:
            yield Skipped(source=where, reason=str(err))


def _parse_table(raw: _Raw, text: str, *, tab: bool) -> Iterator[Article | Skipped]:
    """One article per row of a CSV or TSV file with a header row (``text``; optional ``title``, ``url``,
    ``published``, ``outlet``, ``byline``, ``id``, under any of the names JSON records use). A row without
    text is skipped with its row number; a table with no text column is skipped whole, naming its columns."""
    try:
        header, rows = read_table(text, tab=tab)
    except InputSkipped as e:
        yield Skipped(source=raw.source, reason=str(e))
        return
    for n, row in rows:
        yield from _from_record(raw, row, where=f"{raw.source}:row {n}", default_id=f"{raw.stem}-{n}")


def _parse_json(raw: _Raw, text: str, *, lines: bool) -> Iterator[Article | Skipped]:
    records = list(iter_json_records(text, lines=lines))
    single = len(records) == 1
    for rec in records:
        where = f"{raw.source}:{rec.where.split()[-1]}" if rec.where else raw.source
        if rec.error or rec.record is None:
            yield Skipped(source=where, reason=rec.error or "not an object")
            continue
        yield from _from_record(raw, rec.record, where=where,
                                default_id=raw.stem if single else f"{raw.stem}-{rec.where.split()[-1]}")


def _from_record(raw: _Raw, r: dict[str, Any], *, where: str, default_id: str) -> Iterator[Article | Skipped]:
    """An article from one record of a JSON file or a table's row."""
    try:
        body = record_text(r)
        title = record_field(r, "title")
        if title and body.lstrip().split("\n", 1)[0].strip() == title.strip():
            body = body.lstrip().split("\n", 1)[1] if "\n" in body.lstrip() else ""  # the title repeated as the first line
        # A record without a title field may still open with its headline (and byline, dateline) lines,
        # as a plain-text article does: read them off the body rather than summarise a headline.
        parsed = parse_text_article(body, detect_header=not title)
        parsed.title = title or parsed.title
        parsed.byline = record_field(r, "byline") or parsed.byline
        stated = record_field(r, "published") or record_moment(r)
        if stated:
            parsed.published = parse_date_string(stated) or parsed.published
            parsed.published_time = parse_time_string(stated) or parsed.published_time
        moment = record_str(r, "published_time")  # (as `newsweave group` writes a report's moment beside its day)
        if moment:
            parsed.published_time = parse_time_string(moment) or parsed.published_time
            parsed.published = parsed.published or parse_date_string(moment)
        url = record_field(r, "url")
        parsed.outlet = record_field(r, "outlet") or parsed.outlet or (
            site_of(url) if url else None
        )
        parsed.section = record_field(r, "section") or parsed.section
        wanted_id = record_str(r, "id") or default_id
        if isinstance(r.get("id"), int):
            wanted_id = str(r["id"])
        yield _finish(parsed, id=wanted_id, source=where, url=url)
    except InputSkipped as e:
        yield Skipped(source=where, reason=str(e))


def _finish(parsed: ParsedText, *, id: str, source: str, url: str | None = None) -> Article:
    if not parsed.text.strip():
        reason = "empty input"
        if parsed.removed:
            kinds = list(dict.fromkeys(r.reason for r in parsed.removed))
            reason = f"no article text left after removing site furniture ({'; '.join(kinds[:4])})"
        raise InputSkipped(reason)
    if url and not re.match(r"^https?://\S+$", url.strip(), re.IGNORECASE):
        url = None  # reports link to it: keep web addresses only, never a "javascript:" or "data:" URL from a file
    if parsed.published_time and parsed.published_time[:10] != parsed.published:
        parsed.published_time = None  # a moment on another day than the one the source states is not its own
    lang, confidence = detect_language(parsed.text)
    if lang != "en" and confidence >= MIN_CONFIDENCE:
        raise InputSkipped(f"language {lang!r} (confidence {confidence:.2f}): only English is supported")
    return Article(
        id=id, source=source, url=url, title=parsed.title, outlet=parsed.outlet, byline=parsed.byline,
        published=parsed.published, published_time=parsed.published_time, published_inferred=False, language="en", text=parsed.text,
        removed=[Removed(text=r.text, reason=r.reason) for r in parsed.removed],
        genre=genre_of(parsed.title, url, parsed.section),
    )
