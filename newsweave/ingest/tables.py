"""CSV and TSV files of articles: one article per row under a header row, as research tools and
spreadsheets export them (a ``text`` column; ``title``, ``url``, ``published``, ``outlet`` ... optional)."""

from __future__ import annotations

import csv
import io
import re
import sys

from newsweave.ingest.errors import InputSkipped
from newsweave.ingest.jsonfmt import TEXT_KEYS

def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def read_table(text: str, *, tab: bool = False) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows (with the line each starts on) of a CSV or TSV text. A CSV's delimiter is
    sniffed among , ; and tab ("Excel" exports in many countries use ;). Raises :class:`InputSkipped` when the
    table has no header or no column of article text."""
    # (an article's text is a long field, longer than the csv module's default limit of 131,072 characters)
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputSkipped("empty table")
    delimiter = "\t"
    if not tab:
        sample = text[:20000]
        try:
            delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as e:
        raise InputSkipped(f"unreadable table: {e}") from None
    if not any(_norm(h) in {_norm(k) for k in TEXT_KEYS} for h in header):
        shown = ", ".join(repr(h) for h in header[:12]) + (" ..." if len(header) > 12 else "")
        raise InputSkipped(f"a table with no column of article text ({', '.join(TEXT_KEYS[:3])} ...): columns {shown}")
    rows: list[tuple[int, dict[str, str]]] = []
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise InputSkipped(f"malformed table after line {line}: {e}") from None
        if not any(v.strip() for v in values):
            continue  # a blank line between rows
        rows.append((line, {h: v for h, v in zip(header, values) if h}))
    return header, rows
