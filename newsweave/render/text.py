"""A terminal view with rich: the report's sections as compact panels and tables."""

from __future__ import annotations

from newsweave.model import Briefing
from newsweave.render.view import build_view, disputes_by_label, percent, short, shortened_note, single_source_note

TIMELINE_ROWS = 14
MATRIX_ROWS = 10
ENTITY_ROWS = 12
QUOTE_ROWS = 8
LOADED_CHARS = 60  # the top loaded sentence, cut to this length


WORD_CHOICE_LINES = 8



def _dispute_flags(disputed: list[tuple[str, str, str]]) -> str:
    """ " · disputed: D1, D2 · updated: D3" """
    return "".join(f" · {label}: {', '.join(did for did, _anchor in ids)}" for label, ids in disputes_by_label(disputed))

def _refs(markers) -> str:
    return "".join(f"[{m.number}]" for m in markers)


def print_text(b: Briefing, console=None) -> None:
    from rich import box
    from rich.console import Group
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    v = build_view(b)
    compact = dict(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, title_justify="left", title_style="bold")
    console.rule(f"[bold]{v.title}")
    console.print(f"{len(b.articles)} articles used, {len(b.skipped)} skipped", style="dim")
    summary = Text()
    for i, item in enumerate(v.items):
        if i:
            summary.append("\n\n")
        summary.append("• " + item.text)
        summary.append(" " + _refs(item.markers), style="bold cyan")
        if item.single_source:
            summary.append(" " + single_source_note(item), style="italic dim")
        if item.left_out:
            summary.append(" " + shortened_note(item), style="italic dim")
        summary.append(_dispute_flags(item.disputed), style="italic red")
    console.print(Panel(summary or Text("No summary: no usable article text."), title="Summary", border_style="cyan"))

    if v.timeline:
        t = Table(title="Timeline", **compact)
        t.add_column("When", no_wrap=True, style="bold")
        t.add_column("Event", ratio=1)
        t.add_column("Src", no_wrap=True, style="cyan")
        rows = sorted(v.timeline, key=lambda e: -len(e.markers))[:TIMELINE_ROWS]
        for e in [e for e in v.timeline if e in rows]:
            when = Text(e.label)
            if e.status == "scheduled":
                when.append(" sched.", style="yellow")
            elif e.status == "moved":
                when.append(" moved", style="dim")
            elif e.status == "cancelled":
                when.append(" called off", style="dim strike")
            event = Text(short(e.event, 120))
            event.append(_dispute_flags(e.disputed), style="italic red")
            t.add_row(when, event, _refs(e.markers))
        if len(v.timeline) > TIMELINE_ROWS:
            t.caption = f"{TIMELINE_ROWS} best-sourced of {len(v.timeline)} events"
        console.print(t)

    for d in v.disagreements:
        colour = {"contradiction": "red", "update": "blue", "estimate": "yellow"}.get(d.status, "white")
        t = Table(box=box.SIMPLE, expand=True, show_header=False, pad_edge=False)
        t.add_column("Value", style="bold", ratio=1)
        t.add_column("Evidence", ratio=3)
        for p in d.positions:
            for j, e in enumerate(p.evidence or [None]):
                ev = Text()
                if e is not None:
                    before, after = " ".join(e.before.split(" ")), e.after
                    ev.append("…" + before[-80:].lstrip() if len(before) > 80 else before)
                    ev.append(e.value, style="bold reverse")
                    ev.append(after if len(after) <= 60 else after[:60].rstrip() + "…")
                    ev.append(f"  [{e.marker.number}] {e.label}", style="cyan")
                t.add_row(p.value if j == 0 else "", ev)
        body = Group(t, Text(d.explanation, style="dim")) if d.explanation else t
        console.print(Panel(body, title=f"Disagreement: {d.id + ' · ' if d.id else ''}{d.subject} · {d.kind} · [{colour}]{d.status}[/]",
                            title_align="left", border_style=colour))

    mx = v.matrix
    if mx and mx.rows:
        t = Table(title="Who reports what", **compact)
        t.add_column("Fact", ratio=1)
        t.add_column("ind", justify="right", style="bold")
        for s in v.sources:
            t.add_column(str(s.number), justify="center", style="cyan", no_wrap=True)
        for r in mx.rows[:MATRIX_ROWS]:
            t.add_row(f"{r.id} {short(r.text, 90)}", str(r.independent),
                      *[("✗" if c.denies else "○" if c.shared_with else "●") if c else "·" for c in r.cells])
        hidden = mx.total - min(len(mx.rows), MATRIX_ROWS)
        legend = "● states it, ○ same origin as another (counted once)" + (
            ", ✗ denies it" if mx.denied else "")
        t.caption = f"{legend}; +{hidden} more facts" if hidden else legend
        console.print(t)

    table = Table(title="Sources", show_lines=False, expand=True)
    table.add_column("#", style="bold cyan", no_wrap=True)
    table.add_column("Outlet / date")
    table.add_column("Title")
    table.add_column("Voices")
    table.add_column("Unique/omits", justify="right")
    table.add_column("Cited", justify="right")
    for s, c in zip(v.sources, v.cards):
        label = Text(s.label)
        if s.article.genre == "opinion":
            label.append("\nopinion", style="bold magenta")
        if s.article.byline:
            label.append(f"\nby {s.article.byline}", style="dim")
        if c.corrections:
            label.append(f"\ncorrected ({len(c.corrections)} note{'s' if len(c.corrections) > 1 else ''})", style="bold red")
        if c.framing:
            label.append("\n" + ", ".join(f.term + (f"×{f.count}" if f.count > 1 else "") for f in c.framing[:4]),
                         style="yellow")
        title = s.article.title or s.article.id
        if c.loaded_analysed and (c.loaded or c.loaded_note):  # the share and the most loaded sentence, cut
            title = Text(title)
            if c.loaded_share is not None:
                title.append(f"\n{percent(c.loaded_share)} of claims loaded", style="magenta")
            else:
                title.append("\n" + ("most loaded" if c.loaded else c.loaded_note), style="magenta" if c.loaded else "dim")
            if c.loaded:
                top = c.loaded[0]
                title.append(f": “{short(top.text, LOADED_CHARS)}”", style="italic")
                title.append(f" [{top.marker.number}]", style="cyan")
        voices = ", ".join(short(x.speaker, 28) for x in c.voices[:4]) + (f" +{len(c.voices) - 4}" if len(c.voices) > 4 else "")
        table.add_row(str(s.number), label, title, voices,
                      f"{len(c.unique)} / {len(c.omitted)}", str(len(s.cited)))
    console.print(table)

    # one line per pair of words that take each other's place in outlets' wordings of a fact, with every
    # outlet on each side ("[4][5] crews  ·  [6] teams"), whichever card the pair was read from
    choices: dict[tuple[str, str, str], dict[str, set[int]]] = {}
    for s, c in zip(v.sources, v.cards):
        for w in c.word_choices:
            for g in w.groups():
                if g.this and g.other:
                    sides = choices.setdefault((w.fact, *sorted((g.this, g.other))), {g.this: set(), g.other: set()})
                    sides[g.this].add(s.number)
                    sides[g.other].update(o.number for o in g.sources)
    if choices:
        lines = Text()
        for i, ((fact, one, two), sides) in enumerate(list(choices.items())[:WORD_CHOICE_LINES]):
            lines.append(("\n" if i else "") + f"{fact}  ")
            for k, word in enumerate((one, two)):
                lines.append(("  ·  " if k else "") + "".join(f"[{n}]" for n in sorted(sides[word])) + " ", style="cyan")
                lines.append(word, style="bold")
        if len(choices) > WORD_CHOICE_LINES:
            lines.append(f"\n+{len(choices) - WORD_CHOICE_LINES} more", style="dim")
        console.print(Panel(lines, title="Word choices (the same fact in other words)", title_align="left",
                            border_style="yellow"))

    if v.reuse:
        lines = Text()
        for i, r in enumerate(v.reuse):
            how = "copied by" if r.directed else ("probably copied by" if r.hint else "shares text with")
            lines.append(("\n" if i else "") + f"[{r.source.number}] {r.source.name} ")
            lines.append(how, style="bold red" if (r.directed or r.hint) else "bold")
            lines.append(f" [{r.copy.number}] {r.copy.name}: {r.score:.0%} of the shorter text")
        console.print(Panel(lines, title="Copied text", title_align="left", border_style="red"))

    if v.entities:
        t = Table(title="Who and where", **compact)
        t.add_column("Name", style="bold")
        t.add_column("Type", style="dim")
        t.add_column("Also", ratio=1)
        t.add_column("Sources", justify="right")
        for e in v.entities[:ENTITY_ROWS]:
            t.add_row(e.name, e.type, short(", ".join(e.aliases), 60), f"{len(e.sources)}/{len(v.sources)}")
        if len(v.entities) > ENTITY_ROWS:
            t.caption = f"+{len(v.entities) - ENTITY_ROWS} more"
        console.print(t)

    if v.all_quotes:
        t = Table(title="Quotes", **compact)
        t.add_column("Speaker", style="bold")
        t.add_column("Quote", ratio=1)
        t.add_column("Src", style="cyan", no_wrap=True)
        shown = [q for q in v.all_quotes if q.speaker != "unattributed"][:QUOTE_ROWS]
        for q in shown:
            # only a direct quote is wholly the speaker's words; a mixed one keeps its own marks round the words quoted
            text = f"“{short(q.text, 160)}”" if q.kind == "direct" else short(q.text, 160)
            t.add_row(short(q.speaker, 30), text, _refs(q.markers))
        if len(v.all_quotes) > len(shown):
            t.caption = f"+{len(v.all_quotes) - len(shown)} more"
        console.print(t)

    if b.skipped:
        sk = Table(title="Skipped inputs", expand=True)
        sk.add_column("Input", overflow="fold")
        sk.add_column("Reason", style="yellow")
        for item in b.skipped:
            sk.add_row(item.source, item.reason)
        console.print(sk)


def render_text(b: Briefing, width: int = 100) -> str:
    from rich.console import Console

    console = Console(record=True, width=width, force_terminal=False, color_system=None)
    with console.capture() as capture:
        print_text(b, console)
    return capture.get()
