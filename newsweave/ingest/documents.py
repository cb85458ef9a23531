"""Office documents and PDFs into text a story can be read from (stage ``ingest``).

Reporters keep stories as Word files, and agencies, courts and newsrooms send PDFs. Both are read into plain
text with their paragraphs (a blank line between two), and the document's own properties (title, author, date)
are offered to the text parser as a header would be. A PDF lays its text out in lines: lines are joined into
paragraphs where a line runs on (a hyphen broken across lines is mended), and a paragraph ends where a line stops
short after a sentence's end, or where the page leaves a gap. Scanned pages hold no text: such a PDF is skipped
with that reason, never read as an empty article.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import statistics
from dataclasses import dataclass

from newsweave.ingest.errors import InputSkipped

DOCUMENT_SUFFIXES = {".pdf": "pdf", ".docx": "docx"}


@dataclass
class DocumentText:
    """A document's text (paragraphs separated by blank lines) and the properties it states about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # an ISO date


def document_text(data: bytes, fmt: str) -> DocumentText:
    """The text of a PDF (``fmt="pdf"``) or Word (``fmt="docx"``) document; :class:`InputSkipped` with the reason
    when it cannot be read (encrypted, damaged, or no text in it)."""
    if fmt == "docx":
        return _docx_text(data)
    if fmt == "pdf":
        return _pdf_text(data)
    raise ValueError(f"not a document format: {fmt!r}")


# --- Word ------------------------------------------------------------------------------------------------


def _docx_text(data: bytes) -> DocumentText:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise InputSkipped(f"not a readable Word document ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - a damaged zip raises zipfile.BadZipFile, lxml its own errors
        raise InputSkipped(f"not a readable Word document ({type(e).__name__})") from None
    paragraphs = []
    heading = None
    for p in document.paragraphs:
        text = " ".join(p.text.split())
        if not text:
            continue
        style = (p.style.name if p.style is not None else "") or ""
        if heading is None and not paragraphs and style.lower() in ("title", "heading 1"):
            heading = text  # the headline, set in the document's title style
            continue
        paragraphs.append(text)
    props = document.core_properties
    title = (props.title or "").strip() or heading
    if heading and heading != title:
        paragraphs.insert(0, heading)
    return DocumentText("\n\n".join(paragraphs), title or None, (props.author or "").strip() or None,
                        _iso_day(props.created))


# --- PDF -------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?:][\"'’”)\]]*$")
_BROKEN_WORD = re.compile(r"[a-z]-$")
SHORT_LINE = 0.8  # a line shorter than this share of the page's usual line, after a sentence's end, ends a paragraph


def _pdf_text(data: bytes) -> DocumentText:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputSkipped("an encrypted PDF (it needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except InputSkipped:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise InputSkipped(f"not a readable PDF ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds of error on damaged files
        raise InputSkipped(f"not a readable PDF ({type(e).__name__})") from None
    text = "\n\n".join(p for p in (_paragraphs(page) for page in pages) if p)
    if not text.strip():
        raise InputSkipped("a PDF with no text in it (scanned pages need OCR)")
    title = author = published = None
    if meta is not None:
        title = (meta.title or "").strip() or None
        author = (meta.author or "").strip() or None
        try:
            published = _iso_day(meta.creation_date)
        except (ValueError, TypeError):  # (a malformed date in the document's properties)
            published = None
    return DocumentText(text, title, author, published)


def _paragraphs(page: str) -> str:
    """A page's lines joined into paragraphs (see the module docstring)."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    lengths = [len(line) for line in lines if line]
    if not lengths:
        return ""
    usual = statistics.median(lengths)
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif _BROKEN_WORD.search(current):
            current = current[:-1] + line  # "re-" / "ported"
        else:
            current += " " + line
        if _SENTENCE_END.search(line) and len(line) < SHORT_LINE * usual:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n\n".join(out)


def _iso_day(value) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    return None
