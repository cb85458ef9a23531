"""A terminal view with rich."""

from __future__ import annotations

from newsweave.model import Briefing
from newsweave.render.view import build_view


def print_text(b: Briefing, console=None) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    v = build_view(b)
    console.rule(f"[bold]{v.title}")
    console.print(f"{len(b.articles)} articles used, {len(b.skipped)} skipped", style="dim")
    summary = Text()
    for i, item in enumerate(v.items):
        if i:
            summary.append("\n\n")
        summary.append("• " + item.text)
        summary.append(" " + "".join(f"[{m.number}]" for m in item.markers), style="bold cyan")
        if item.single_source:
            summary.append(" single source", style="italic dim")
    console.print(Panel(summary or Text("No summary: no usable article text."), title="Summary", border_style="cyan"))
    table = Table(title="Sources", show_lines=False, expand=True)
    table.add_column("#", style="bold cyan", no_wrap=True)
    table.add_column("Outlet / date")
    table.add_column("Title")
    table.add_column("Cited", justify="right")
    for s in v.sources:
        table.add_row(str(s.number), s.label, s.article.title or s.article.id, str(len(s.cited)))
    console.print(table)
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
