"""Stage 5, render: a Briefing as JSON, Markdown, HTML or terminal text."""

from __future__ import annotations

from newsweave.model import Briefing

FORMATS = ("json", "md", "html", "text")
SUFFIX_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "text"}
# other names a user may type for a format ("--format markdown")
FORMAT_ALIASES = {"markdown": "md", "htm": "html", "txt": "text", "terminal": "text"}


def format_name(name: str) -> str | None:
    """The format a user's name for it means ("markdown" -> "md"), or None when there is none."""
    name = name.strip().lower()
    name = FORMAT_ALIASES.get(name, name)
    return name if name in FORMATS else None


def render(b: Briefing, fmt: str) -> str:
    if fmt == "json":
        return b.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        from newsweave.render.markdown import render_markdown

        return render_markdown(b)
    if fmt == "html":
        from newsweave.render.html import render_html

        return render_html(b)
    if fmt == "text":
        from newsweave.render.text import render_text

        return render_text(b)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "SUFFIX_FORMATS", "render"]
