"""JSON and JSON Lines: one article per object (``text``; optional ``title``, ``url``, ``published``,
``outlet``, ``byline``, ``id``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsweave.ingest.errors import InputSkipped

# (compared as written, then without case, spaces or punctuation: "Text", "full_text", "Article text")
TEXT_KEYS = ("text", "body", "content", "maintext", "article_text", "full_text", "story_text")


@dataclass(slots=True)
class JsonRecord:
    where: str  # "line 3" / "item 2" / "" for a single object
    record: dict[str, Any] | None
    error: str | None = None


def iter_json_records(text: str, *, lines: bool) -> Iterator[JsonRecord]:
    """Objects of a .jsonl (``lines=True``) or .json document. Bad lines are yielded as errors, so one
    malformed line costs only itself."""
    if lines:
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as e:
                yield JsonRecord(f"line {n}", None, f"malformed JSON on line {n}: {e.msg} (column {e.colno})")
                continue
            if not isinstance(value, dict):
                yield JsonRecord(f"line {n}", None, f"line {n} is a JSON {type(value).__name__}, not an object")
                continue
            yield JsonRecord(f"line {n}", value)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputSkipped(f"malformed JSON on line {e.lineno}: {e.msg} (column {e.colno})") from None
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    if isinstance(value, dict):
        yield JsonRecord("", value)
    elif isinstance(value, list):
        for n, item in enumerate(value, start=1):
            if isinstance(item, dict):
                yield JsonRecord(f"item {n}", item)
            else:
                yield JsonRecord(f"item {n}", None, f"item {n} is a JSON {type(item).__name__}, not an object")
    else:
        raise InputSkipped(f"JSON {type(value).__name__} is not an article object or a list of them")


def record_text(record: dict[str, Any]) -> str:
    # (a key written otherwise, as a spreadsheet's header may be: "Text", "Body", "full_text")
    by_norm = {re.sub(r"[^a-z0-9]", "", k.lower()): v for k, v in record.items() if isinstance(k, str)}
    for key in TEXT_KEYS:
        value = record.get(key, by_norm.get(key.replace("_", "")))
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return "\n\n".join(value)  # paragraphs as a list
    wanted = {key.replace("_", "") for key in TEXT_KEYS}
    present = [key for key in TEXT_KEYS if key in record] or [
        k for k in record if isinstance(k, str) and re.sub(r"[^a-z0-9]", "", k.lower()) in wanted]
    if present:
        raise InputSkipped(f"the '{present[0]}' field is empty")
    raise InputSkipped("no text field (" + ", ".join(f"'{k}'" for k in TEXT_KEYS) + ")")


def record_str(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict) and isinstance(value.get("name"), str):  # {"name": ...} as in JSON-LD
            return value["name"].strip() or None
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(v.strip() for v in value if v.strip()) or None
    return None
