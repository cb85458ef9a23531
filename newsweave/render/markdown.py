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
    def marks(markers) -> str:
        return "".join(f"[[{m.number}]](#{m.anchor})" for m in markers)

    if v.timeline:
        out += ["", "## Timeline", ""]
        for t in v.timeline:
            flag = " _(scheduled)_" if t.status == "scheduled" else ""
            out.append(f"- **{t.date}**{flag}: {_md_escape(t.event)} {marks(t.markers)}")
    if b.entities:
        out += ["", "## Who and where", ""]
        for e in b.entities[:25]:
            others = [x for x in e["aliases"] if x != e["name"]]
            alias = f" (also {', '.join(_md_escape(x) for x in others)})" if others else ""
            out.append(f"- **{_md_escape(e['name'])}** {e['type']}{alias}: {len(e['sources'])} of {len(b.articles)} articles")
    if v.quotes:
        out += ["", "## Quotes", ""]
        for q in v.quotes:
            out.append(f"- {_md_escape(q.speaker)}: “{_md_escape(q.text)}” {marks(q.markers)}")
    if v.reuse:
        out += ["", "## Copied text", ""]
        for r in v.reuse:
            arrow = "copied by" if r.directed else "shares text with"
            out.append(f"- [{r.source.number}] {_md_escape(r.source.label)} {arrow} [{r.copy.number}] {_md_escape(r.copy.label)}"
                       f" ({r.score:.0%} of the shorter text)")
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
