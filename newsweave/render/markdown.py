"""Markdown: the report's sections as text; citation markers link to anchors placed in the articles' full
text (``<a id="cite-…"></a>`` where each cited span starts)."""

from __future__ import annotations

import re

from newsweave.model import Briefing
from newsweave.render.view import (BriefingView, Marker, SourceView, build_view, disputes_by_label, is_web_url, short,
                                   shortened_note, single_source_note)


LIST_MAX = 10  # facts listed per outlet (unique, omitted)
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\[]*_`|"} | {"<": "&lt;", ">": "&gt;"})
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))", re.M)


def _linked(words: str, marker) -> str:
    """``words`` as a link to the cited span when there is one."""
    return f"[{words}](#{marker.anchor})" if marker is not None else words


def _md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, and angle brackets (raw HTML in most viewers)."""
    return text.translate(_MD_SPECIAL)


def _block_escape(text: str) -> str:
    """Escape a text block: inline markup, and what would start a heading, quote or list at a line start."""
    def esc(m: re.Match) -> str:
        return m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4))

    return _LINE_START.sub(esc, _md_escape(text))


def _marks(markers: list[Marker]) -> str:
    return "".join(f"[[{m.number}]](#{m.anchor})" for m in markers)


def _chips(sources: list[SourceView]) -> str:
    return " ".join(f"[{s.number}]" for s in sources)


def _article_text(s: SourceView) -> str:
    """The full text with an empty anchor where each cited span starts (anchors placed before escaping)."""
    out = []
    for seg in s.segments:
        out += [f'<a id="{a}"></a>' for a in seg.opens]
        out.append(_block_escape(seg.text))
    text = "".join(out)
    return "\n\n".join(p.strip().replace("\n", "  \n") for p in re.split(r"\n\s*\n", text) if p.strip())


def render_markdown(b: Briefing) -> str:
    v = build_view(b)
    out = [f"# {_md_escape(v.title)}", ""]
    out.append(f"{len(b.articles)} articles used, {len(b.skipped)} skipped.")
    out += ["", "## Summary", ""]
    if not v.items:
        out.append("_No summary: no usable article text._")
    for item in v.items:
        flag = f" _({single_source_note(item)})_" if item.single_source else ""
        flag += f" _({_md_escape(shortened_note(item))})_" if item.left_out else ""
        out.append(f"- {_md_escape(item.text)} {_marks(item.markers)}{flag}{_dispute_flags(item.disputed)}")
    _timeline(v, out)
    _disagreements(v, out)
    _matrix(v, out)
    _outlets(v, b, out)
    _reuse(v, out)
    if v.entities:
        out += ["", "## Who and where", ""]
        for e in v.entities:
            alias = f" (also {', '.join(_md_escape(x) for x in e.aliases)})" if e.aliases else ""
            out.append(f"- **{_md_escape(e.name)}** {e.type}{alias}: {len(e.sources)} of {len(b.articles)} articles"
                       f" {_chips(e.sources)}")
    if v.all_quotes:
        out += ["", "## Quotes", ""]
        for q in v.all_quotes:
            # (a mixed quote keeps its own marks round the words quoted: "called the plan \"reckless\"")
            text = f"“{_md_escape(q.text)}”" if q.kind == "direct" else f"_{_md_escape(q.text)}_"
            out.append(f"- **{_md_escape(q.speaker)}** ({q.kind.replace('_', ' ')}): {text} {_marks(q.markers)}")
            for words, m in q.worded:
                out.append(f"  - worded differently: “{_md_escape(words)}” {_marks([m])}")
    out += ["", "## Sources", ""]
    for s in v.sources:
        a = s.article
        head = f"{s.number}. **{_md_escape(a.title or a.id)}** ({_md_escape(s.label)})"
        if a.byline:
            head += f", by {_md_escape(a.byline)}"
        out.append(head)
        out.append(f"   - id `{a.id}`, source `{a.source}`" + (f", <{a.url}>" if is_web_url(a.url) else ""))
        out += ["", "\n\n".join("   " + p.replace("\n", "\n   ") for p in _article_text(s).split("\n\n")), ""]
    if b.skipped:
        out += ["", "## Skipped inputs", ""]
        for sk in b.skipped:
            out.append(f"- `{sk.source}`: {_md_escape(sk.reason)}")
    return "\n".join(out) + "\n"


def _dispute_flags(disputed: list[tuple[str, str, str]]) -> str:
    """ " _(disputed: D1, D2)_ _(updated: D3)_" """
    return "".join(f" _({label}: {', '.join(did for did, _anchor in ids)})_" for label, ids in disputes_by_label(disputed))


def _timeline(v: BriefingView, out: list[str]) -> None:
    if not v.timeline:
        return
    out += ["", "## Timeline", ""]
    for t in v.timeline:
        flag = f" _({t.status})_" if t.status in ("scheduled", "moved", "cancelled") else ""
        out.append(f"- **{t.label}**{flag}: {_md_escape(t.event)} {_marks(t.markers)}{_dispute_flags(t.disputed)}")


def _disagreements(v: BriefingView, out: list[str]) -> None:
    if not v.disagreements:
        return
    out += ["", "## Disagreements", ""]
    for d in v.disagreements:
        out += [f"### {d.id + ' ' if d.id else ''}{_md_escape(d.subject)} ({d.kind}, **{d.status}**)", ""]
        for p in d.positions:
            out.append(f"- **{_md_escape(p.value)}**")
            for e in p.evidence:
                out.append(f"  - “{_md_escape(e.before)}**{_md_escape(e.value)}**{_md_escape(e.after)}” "
                           f"{_marks([e.marker])} {_md_escape(e.label)}")
        if d.explanation:
            out += ["", f"_{_md_escape(d.explanation)}_"]
        out.append("")


def _matrix(v: BriefingView, out: list[str]) -> None:
    mx = v.matrix
    if not mx or not mx.rows:
        return
    out += ["", "## Who reports what", "",
            f"The {len(mx.rows)} most corroborated of {mx.total} facts; ● the article states it (linked), "
            "○ it shares that fact's origin with another article (counted once in _indep._)" +
            ("; ✗ it denies it (see the disagreements)" if mx.denied else "") +
            ". Columns: " +
            ", ".join(f"{s.number} = {_md_escape(s.name)}" for s in v.sources) + ".", ""]
    out.append("| Fact | indep. | " + " | ".join(str(s.number) for s in v.sources) + " |")
    out.append("|---|---:|" + "|".join(":-:" for _ in v.sources) + "|")
    for r in mx.rows:
        cells = [f"[{'✗' if c.denies else '○' if c.shared_with else '●'}](#{c.marker.anchor})" if c else "" for c in r.cells]
        out.append(f"| {r.id}: {_md_escape(short(r.text, 140))} | {r.independent} | " + " | ".join(cells) + " |")
    if mx.rest:
        out += ["", f"+ {mx.rest} more facts not shown ({mx.rest_single} stated by one article only)."]


def _outlets(v: BriefingView, b: Briefing, out: list[str]) -> None:
    if not v.cards:
        return
    out += ["", "## Outlets", ""]
    for c in v.cards:
        s = c.source
        date = c.date or "date unknown"
        if c.inferred:
            date += " (inferred" + (": " + "; ".join(_md_escape(e) for e in c.date_evidence) if c.date_evidence else "") + ")"
        out.append(f"- **[{s.number}] {_md_escape(s.article.outlet or 'Outlet not named')}**"
                   + (" (opinion)" if s.article.genre == "opinion" else "") + f", {date}"
                   + (f", by {_md_escape(s.article.byline)}" if s.article.byline else ""))
        for note in c.corrections:
            out.append(f"  - outlet's correction: {_md_escape(note)}")
        terms = [_md_escape(f.term) + (f" (×{f.count})" if f.count > 1 else "") for f in c.framing]
        out.append("  - framing: " + (", ".join(terms) if terms else "no loaded words noted" if v.has_framing else "not analysed"))
        for w in c.word_choices:
            if w.pairs:
                parts = []
                for g in w.groups():
                    srcs = g.sources
                    refs = ", ".join(f"[{o.number}]" for o in srcs)
                    this, other = _linked(f"**{_md_escape(g.this)}**", g.this_marker), _linked(f"_{_md_escape(g.other)}_", g.other_markers[0])
                    if g.this and g.other:
                        parts.append(f"{this} where {refs} {'say' if len(srcs) > 1 else 'says'} {other}")
                    elif g.this:
                        parts.append(f"adds {this}, which {refs} {'leave' if len(srcs) > 1 else 'leaves'} out")
                    else:
                        parts.append(f"leaves out {other}, which {refs} {'add' if len(srcs) > 1 else 'adds'}")
                out.append(f"    - {'; '.join(parts)} ({w.fact})")
                continue
            theirs = "; ".join(f"[{o.number}] _{_md_escape(', '.join(words))}_" for o, words in w.others)
            out.append(f"    - says **{_md_escape(', '.join(w.this))}** where {theirs} ({w.fact})")
        if c.loaded_analysed:
            out.append("  - most loaded sentences" + (f": {c.loaded_note}" if c.loaded_note else ""))
            for ls in c.loaded:  # the article's own text, whitespace runs folded so that the list item holds
                out.append(f"    - “{_md_escape(' '.join(ls.text.split()))}” {_marks([ls.marker])}")
        out.append("  - voices: " + (", ".join(f"[{_md_escape(x.speaker)}](#{x.marker.anchor})" if x.marker else _md_escape(x.speaker)
                                                for x in c.voices) if c.voices else "nobody quoted"))
        out.append(f"  - only here: {len(c.unique)} fact{'' if len(c.unique) == 1 else 's'}")
        for f in c.unique[:LIST_MAX]:
            out.append(f"    - {_md_escape(short(f.text, 150))} {_marks([f.marker] if f.marker else [])}")
        if len(c.unique) > LIST_MAX:
            out.append(f"    - … and {len(c.unique) - LIST_MAX} more")
        out.append(f"  - leaves out: {len(c.omitted)} widely reported fact{'' if len(c.omitted) == 1 else 's'}")
        for f in c.omitted[:LIST_MAX]:
            out.append(f"    - {_md_escape(short(f.text, 150))} (in {_chips(f.stated_by)})")
        if len(c.omitted) > LIST_MAX:
            out.append(f"    - … and {len(c.omitted) - LIST_MAX} more")


def _reuse(v: BriefingView, out: list[str]) -> None:
    if not v.reuse:
        return
    out += ["", "## Copied text", ""]
    for r in v.reuse:
        arrow = "copied by" if r.directed else ("probably copied by" if r.hint else "shares text with")
        passages = ", ".join(f"[[{a.number}]](#{a.anchor})↔[[{c.number}]](#{c.anchor})" for a, c, _ in r.passages)
        out.append(f"- [{r.source.number}] {_md_escape(r.source.name)} {arrow} [{r.copy.number}] {_md_escape(r.copy.name)}"
                   f" ({r.score:.0%} of the shorter text)" + (f"; passages {passages}" if passages else ""))
