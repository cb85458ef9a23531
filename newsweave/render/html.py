"""A self-contained HTML report: inline CSS, a few lines of inline JS (optional: it only adds highlighting and
opens collapsed parts), inline SVG charts; no external assets; readable on a phone."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from newsweave.model import Briefing
from newsweave.render.svg import reuse_svg, timeline_svg
from newsweave.render.view import (SourceView, build_view, disputes_by_label, is_web_url, short, shortened_note,
                                   single_source_note)

SECTIONS = [  # (id, title): the report's sections, in order
    ("summary", "Summary"),
    ("timeline", "Timeline"),
    ("disagreements", "Disagreements"),
    ("corroboration", "Who reports what"),
    ("outlets", "Outlets"),
    ("reuse", "Copied text"),
    ("entities", "Who and where"),
    ("quotes", "Quotes"),
    ("articles", "Full articles"),
]


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("newsweave.render", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = short
    return env.get_template("briefing.html.j2")


def article_html(s: SourceView) -> Markup:
    """The article's text with every cited span highlighted (``<mark class="cite" data-c="anchors">``) and
    anchored (an empty ``<span id=anchor>`` where it starts). Segments never overlap, so neither do tags."""
    out = []
    for seg in s.segments:
        for a in seg.opens:
            out.append(f'<span class="anchor" id="{escape(a)}"></span>')
        if seg.anchors and seg.left_out:
            # an aside the summary's wording leaves out: inside the cited span, shown apart
            out.append(f'<mark class="cite left-out" data-c="{escape(" ".join(seg.anchors))}" '
                       f'title="left out of the summary">{escape(seg.text)}</mark>')
        elif seg.anchors:
            out.append(f'<mark class="cite" data-c="{escape(" ".join(seg.anchors))}">{escape(seg.text)}</mark>')
        else:
            out.append(str(escape(seg.text)))
    return Markup("".join(out))


def render_html(b: Briefing) -> str:
    from newsweave import __version__

    view = build_view(b)
    dates = sorted(a.published for a in b.articles if a.published)
    present = {
        "summary": True, "timeline": bool(view.timeline), "disagreements": bool(view.disagreements),
        "corroboration": bool(view.matrix and view.matrix.rows), "outlets": bool(view.sources or b.skipped),
        "reuse": bool(view.reuse), "entities": bool(view.entities), "quotes": bool(view.all_quotes),
        "articles": bool(view.sources),
    }
    return _template().render(
        view=view, briefing=b, version=__version__, is_web_url=is_web_url, article_html=article_html,
        single_source_note=single_source_note,
        shortened_note=shortened_note, disputes_by_label=disputes_by_label,
        timeline_chart=timeline_svg(view.timeline), timeline_chart_compact=timeline_svg(view.timeline, 356, compact=True),
        reuse_chart=reuse_svg(view),
        sections=[(i, t) for i, t in SECTIONS if present[i]], dates=dates,
    )
