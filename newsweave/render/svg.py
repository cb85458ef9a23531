"""Inline SVG charts for the HTML report: the timeline on a date axis and the reuse graph.

Both return markup (escaped here); links inside point at anchors of the report itself.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from markupsafe import Markup, escape

from newsweave.render.view import BriefingView, TimelineView, date_label

GAP_DAYS = 14  # gaps longer than this are drawn as an axis break of fixed width
BREAK_UNITS = 3.0
MIN_UNITS = 1.0  # distinct dates are at least this far apart (room for their labels)


def parse_period(value: str) -> tuple[date, date] | None:
    """The first and last day of a TIMEX-like date: ``2020``, ``2020-Q4``, ``2020-11``, ``2020-W46``, ``2020-11-20``."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            first = date(y, mo, 1)
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            first = date(y, 3 * q - 2, 1)
            return first, (date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)) - timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def timeline_svg(events: list[TimelineView], width: int = 960, compact: bool = False) -> Markup:
    """Events stacked above a date axis. Distinct dates are spaced by the days between them, except that long
    gaps become a fixed-width break (//), so a story's background years do not squash its busy week."""
    placed = [(e, parse_period(e.date)) for e in events]
    placed = [(e, p) for e, p in placed if p is not None]
    if not placed:
        return Markup("")
    keys = sorted({(p[0], e.date) for e, p in placed})  # one column per distinct date value
    units, breaks, u = [], [], 0.0
    for i, (d, _) in enumerate(keys):
        if i:
            gap = (d - keys[i - 1][0]).days
            if gap > GAP_DAYS:
                breaks.append(i)  # a break between keys[i - 1] and keys[i]
                u += BREAK_UNITS
            else:
                u += max(MIN_UNITS, gap / 3.5)
        units.append(u)
    step, r = (14, 5) if compact else (19, 7)
    left, right = (14, 44) if compact else (30, 80)
    avail = width - left - right
    min_px = 2 * r + 8  # columns never touch
    scale = avail / max(units[-1], 1.0)
    for _ in range(60):  # shrink the day scale until the minimum spacing fits (or nothing more can be done)
        px = [0.0]
        for i in range(1, len(units)):
            px.append(max(units[i] * scale, px[-1] + min_px))
        if px[-1] <= avail or scale < 1e-3:
            break
        scale *= 0.93
    if len(keys) == 1:
        px = [avail / 2]
    width = max(width, int(left + px[-1] + right))
    xs = {k: left + px[i] for i, k in enumerate(keys)}
    breaks = [left + (px[i - 1] + px[i]) / 2 for i in breaks]
    stacks: dict[tuple, list[TimelineView]] = {}
    for e, p in placed:
        stacks.setdefault((p[0], e.date), []).append(e)
    top = 14
    tallest = max(len(v) for v in stacks.values())
    axis_y = top + tallest * step + 6
    height = axis_y + 92
    tid = "tl-chart-title" + ("-compact" if compact else "")
    out = [f'<svg class="chart timeline-chart{" compact" if compact else ""}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-labelledby="{tid}">',
           f'<title id="{tid}">Timeline: events on a date axis; filled dots happened, hollow dashed dots '
           'are scheduled; a bar runs to the last date of a period</title>',
           f'<line class="axis" x1="{left - 12}" y1="{axis_y}" x2="{width - right + 12}" y2="{axis_y}"/>']
    for x in breaks:
        out.append(f'<rect class="axis-break" x="{_f(x - 5)}" y="{axis_y - 7}" width="10" height="14"/>'
                   f'<path class="axis-break-mark" d="M{_f(x - 7)} {axis_y + 6} l5 -12 M{_f(x + 1)} {axis_y + 6} l5 -12"/>')
    def x_at(d: date) -> float:
        """The axis position of any day: between the two dates drawn around it, by days (a period's end)."""
        if d <= keys[0][0]:
            return xs[keys[0]]
        for a, b in zip(keys, keys[1:]):
            if d <= b[0]:
                span = max(1, (b[0] - a[0]).days)
                return xs[a] + (xs[b] - xs[a]) * (d - a[0]).days / span
        return min(xs[keys[-1]] + 24, width - 8)  # past the last date drawn: a short tail

    last_label = -1e9
    for k in keys:
        x = xs[k]
        col = stacks[k]
        out.append(f'<line class="tick" x1="{_f(x)}" y1="{axis_y}" x2="{_f(x)}" y2="{axis_y + 5}"/>')
        if x - last_label >= (12 if compact else 14):  # labels that would collide are left out (the dots keep a tooltip)
            last_label = x
            out.append(f'<text class="tick-label" transform="translate({_f(x + 3)} {axis_y + 12}) '
                       f'rotate({60 if compact else 40})">{escape(date_label(k[1]))}</text>')
        if len(col) > 1:
            out.append(f'<line class="stem" x1="{_f(x)}" y1="{axis_y}" x2="{_f(x)}" y2="{axis_y - len(col) * step}"/>')
        for j, e in enumerate(col):
            y = axis_y - (j + 1) * step + 4
            cls = f"dot {e.status}" if e.status in ("scheduled", "moved", "cancelled") else "dot happened"
            n = len(e.markers)
            radius = r + min(n - 1, 3) * 1.2
            period = parse_period(e.end) if e.end else None
            if period is not None and x_at(period[1]) > x + radius:
                # a period ("from December 2007 through June 2009"): a bar from its first to its last date
                out.append(f'<line class="period {cls.split()[1]}" x1="{_f(x)}" y1="{_f(y)}" '
                           f'x2="{_f(x_at(period[1]))}" y2="{_f(y)}"/>')
            out.append(f'<a href="#{escape(e.anchor)}"><title>{escape(e.label)} ({escape(e.status)}, {n} source'
                       f'{"" if n == 1 else "s"}): {escape(e.event[:160])}</title>'
                       f'<circle class="{cls}" cx="{_f(x)}" cy="{_f(y)}" r="{_f(radius)}"/></a>')
    out.append("</svg>")
    return Markup("".join(out))


def reuse_svg(view: BriefingView, width: int = 640) -> Markup:
    """Outlets on a circle, an edge per reuse pair: width by score, an arrow from source to copy when the
    publication dates say which came first (dashed when only the shape of the overlap suggests it)."""
    if not view.reuse:
        return Markup("")
    involved = {r.source.number for r in view.reuse} | {r.copy.number for r in view.reuse}
    nodes = [s for s in view.sources if s.number in involved] if len(view.sources) > 12 else view.sources
    n = len(nodes)
    height = 380 if n > 2 else 220
    cx, cy = width / 2, height / 2
    rad = min(cx - 130, cy - 40)
    pos = {}
    for i, s in enumerate(nodes):
        ang = -math.pi / 2 + 2 * math.pi * i / n if n > 2 else math.pi * i
        pos[s.number] = (cx + rad * math.cos(ang), cy + rad * math.sin(ang))
    node_r = 17
    out = [f'<svg class="chart reuse-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           'role="img" aria-labelledby="reuse-chart-title">',
           '<title id="reuse-chart-title">Reuse graph: outlets as nodes, an edge where two texts share passages '
           '(wider: more shared); arrows point from the earlier text to the later one</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="13" markerHeight="13" '
           'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrowhead"/></marker></defs>']
    for r in view.reuse:
        (x1, y1), (x2, y2) = pos[r.source.number], pos[r.copy.number]
        d = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / d, (y2 - y1) / d
        sx, sy = x1 + ux * (node_r + 2), y1 + uy * (node_r + 2)
        ex, ey = x2 - ux * (node_r + 4), y2 - uy * (node_r + 4)
        w = 1.5 + 14 * min(r.score, 1.0)
        cls = "edge" + (" hint" if r.hint else "") + ("" if (r.directed or r.hint) else " undirected")
        arrow = ' marker-end="url(#arrow)"' if (r.directed or r.hint) else ""
        how = "copied by" if r.directed else ("probably copied by" if r.hint else "shares text with")
        label = f"[{r.source.number}] {r.source.name} {how} [{r.copy.number}] {r.copy.name}: {r.score:.0%} of the shorter text"
        out.append(f'<a href="#reuse-{r.source.number}-{r.copy.number}"><title>{escape(label)}</title>'
                   f'<line class="{cls}" x1="{_f(sx)}" y1="{_f(sy)}" x2="{_f(ex)}" y2="{_f(ey)}" '
                   f'stroke-width="{_f(w)}"{arrow}/></a>')
        nx, ny = -uy, ux  # the label sits beside the edge, on its upper/right side
        if ny > 0 or (ny == 0 and nx < 0):
            nx, ny = -nx, -ny
        off = w / 2 + 9
        mx, my = (x1 + x2) / 2 + nx * off, (y1 + y2) / 2 + ny * off + 4
        out.append(f'<text class="edge-label" x="{_f(mx)}" y="{_f(my)}">{r.score:.0%}</text>')
    for s in nodes:
        x, y = pos[s.number]
        linked = s.number in involved
        anchor = "start" if x > cx + 1 else ("end" if x < cx - 1 else "middle")
        lx = x + (node_r + 6 if anchor == "start" else -(node_r + 6) if anchor == "end" else 0)
        ly = y + 5 if anchor != "middle" else (y - node_r - 8 if y < cy else y + node_r + 18)
        name = s.name if len(s.name) <= 26 else s.name[:25] + "…"
        out.append(f'<a href="#{escape(s.card)}"><title>[{s.number}] {escape(s.label)}</title>'
                   f'<circle class="node{"" if linked else " alone"}" cx="{_f(x)}" cy="{_f(y)}" r="{node_r}"/>'
                   f'<text class="node-num" x="{_f(x)}" y="{_f(y + 5)}">{s.number}</text>'
                   f'<text class="node-label" x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}">{escape(name)}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))
