"""An article's own fields (title, byline, date, outlet, address, section) under the names sources give them: the
keys of a JSON record, a Markdown file's YAML front matter, and the ``Key: value`` lines that archives and exports write
above a plain-text body ("Title: ...", "Source: ...", "Published: 2026-03-09").

Keys are compared without case, spaces or punctuation, so ``datePublished``, ``date_published`` and
``Date published`` are one key.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

# field -> the keys it goes by, most specific first
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "byline": ("byline", "author", "authors", "by", "creator"),
    "published": ("published", "datePublished", "published_at", "publication_date", "pubDate", "date", "publish_date"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "publisher", "sitename", "site_name", "publication", "newspaper", "media_name"),
    # what kind of piece it is, or the site's section it ran in ("Opinion", "World")
    "section": ("genre", "section", "articleSection", "category", "desk"),
}


def norm_key(key: str) -> str:
    """"datePublished", "date_published", "Date published" -> "datepublished"."""
    return re.sub(r"[^a-z0-9]", "", key.lower())


_FIELD_OF = {norm_key(k): field for field, keys in FIELD_KEYS.items() for k in keys}


def field_of(key: str) -> str | None:
    """The article field a key names, or None."""
    return _FIELD_OF.get(norm_key(key))


def as_text(value: Any) -> str | None:
    """A field's value as one line of text: a string, a date, a list of names joined, a ``{"name": ...}``
    object (JSON-LD's author and publisher); else None."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return as_text(value["name"])
    if isinstance(value, (list, tuple)) and value:
        parts = [as_text(v) for v in value]
        if all(isinstance(p, str) for p in parts):
            return ", ".join(p for p in parts if p) or None
    return None


def record_field(record: dict[str, Any], field: str) -> str | None:
    """The value of an article field in a record, by any of the keys it goes by (exact keys first, then
    the same keys written otherwise: "Title", "pubdate", "date_published")."""
    by_norm: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(key, str):
            by_norm.setdefault(norm_key(key), value)
    for key in FIELD_KEYS[field]:
        value = as_text(record.get(key))
        if value is None:
            value = as_text(by_norm.get(norm_key(key)))
        if value:
            return value
    return None


def record_moment(record: dict[str, Any]) -> str | None:
    """A record's publication moment given as a Unix timestamp (seconds or milliseconds, as APIs and feeds
    write it: ``"published": 1781000000``), as an ISO moment in UTC; None when it gives none."""
    by_norm = {norm_key(k): v for k, v in record.items() if isinstance(k, str)}
    for key in FIELD_KEYS["published"]:
        value = record.get(key, by_norm.get(norm_key(key)))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        seconds = value / 1000 if value > 1e11 else value  # (milliseconds)
        if 1e8 <= seconds < 1e10:  # 1973-2286: a timestamp, not a year or a count
            return _dt.datetime.fromtimestamp(seconds, tz=_dt.timezone.utc).isoformat().replace("+00:00", "Z")
    return None

