"""Markdown: the summary with citation markers that link to the cited sentences in a source list."""

from __future__ import annotations

from newsweave.model import Briefing
from newsweave.render.view import build_view, is_web_url


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\[]*_`"} | {"<": "&lt;", ">": "&gt;"})


def _md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, and angle brackets (raw HTML in most viewers)."""
    return text.translate(_MD_SPECIAL)


def render_markdown(b: Briefing) -> str:
    v = build_view(b)
    out = [f"# {_md_escape(v.title)}", ""]
    out.append(f"{len(b.articles)} articles used, {len(b.skipped)} skipped.")
    out += ["", "## Summary", ""]
    if not v.items:
        out.append("_No summary: no usable article text._")
    for item in v.items:
        marks = "".join(f"[[{m.number}]](#{m.anchor})" for m in item.markers)
        flag = " _(single source)_" if item.single_source else ""
        out.append(f"- {_md_escape(item.text)} {marks}{flag}")
    out += ["", "## Sources", ""]
    for s in v.sources:
        a = s.article
        head = f"{s.number}. **{_md_escape(a.title or a.id)}** ({_md_escape(s.label)})"
        if a.byline:
            head += f", by {_md_escape(a.byline)}"
        out.append(head)
        out.append(f"   - id `{a.id}`, source `{a.source}`" + (f", <{a.url}>" if is_web_url(a.url) else ""))
        for c in s.cited:
            out.append(f"   - <a id=\"{c.anchor}\"></a>“{_md_escape(c.text)}” (chars {c.start}–{c.end})")
    if b.skipped:
        out += ["", "## Skipped inputs", ""]
        for sk in b.skipped:
            out.append(f"- `{sk.source}`: {_md_escape(sk.reason)}")
    return "\n".join(out) + "\n"
