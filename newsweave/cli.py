"""The ``newsweave`` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsweave.ingest.collect import DEFAULT_MAX_BYTES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="newsweave: many news reports of one story in, one cited briefing out.",
    pretty_exceptions_enable=False,
)

STREAM_MAX_BYTES = 1_000_000_000  # `group` reads whole streams: one JSONL file may hold a day of news
SHOWN_SKIPPED = 20  # a stream of thousands may skip hundreds: the rest are listed in stories.json
PROGRESS_MIN = 6  # show a progress bar from this many inputs or articles on


@app.callback()
def _root() -> None:
    """newsweave: many news reports of one story in, one cited briefing out."""


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, http(s) URLs, or - for stdin.")],
    output: Annotated[
        Optional[list[Path]],
        typer.Option("--output", "-o", help="Write the briefing here; the format follows the extension (.json .md .html .txt). Repeatable."),
    ] = None,
    fmt: Annotated[
        Optional[str],
        typer.Option("--format", "-f", help="json, md, html or text. For stdout (default: text on a terminal, json in a pipe), "
                     "and for -o files whose extension names no format."),
    ] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Summary length in words.")] = 120,
    style: Annotated[str, typer.Option("--style", help="prose (sentences) or bullets (one fact per item).")] = "prose",
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow URLs on private, loopback or link-local addresses.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Skip inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """Brief one story: read the articles, write a cited briefing."""
    from rich.console import Console

    from newsweave.pipeline import brief as run_brief
    from newsweave.render import FORMATS, SUFFIX_FORMATS, format_name, render

    err = Console(stderr=True)
    if style not in ("prose", "bullets"):
        err.print(f"[red]error:[/] unknown style {style!r}; choose prose or bullets")
        raise typer.Exit(2)
    if fmt is not None:
        wanted, fmt = fmt, format_name(fmt)
        if fmt is None:
            err.print(f"[red]error:[/] unknown format {wanted!r}; choose one of {', '.join(FORMATS)}")
            raise typer.Exit(2)
    targets: list[tuple[Path, str]] = []
    for path in output or []:
        target_fmt = SUFFIX_FORMATS.get(path.suffix.lower()) or fmt
        if target_fmt is None:
            err.print(f"[red]error:[/] cannot tell the format of {path}: use .json, .md, .html or .txt, or --format")
            raise typer.Exit(2)
        targets.append((path, target_fmt))

    progress_ctx = _Progress(err, enabled=not quiet and err.is_terminal)
    with progress_ctx:
        briefing = run_brief(paths, words=words, style=style, allow_private=allow_private, max_bytes=max_bytes,
                             progress=progress_ctx.update)

    if not quiet or not briefing.articles:
        n_used, n_skipped = len(briefing.articles), len(briefing.skipped)
        err.print(f"{n_used} article{'s' if n_used != 1 else ''} used, {n_skipped} skipped")
        for sk in briefing.skipped:
            err.print(f"  [yellow]skipped[/] {sk.source}: {sk.reason}", highlight=False, soft_wrap=True)
    if not briefing.articles:
        err.print("[red]error:[/] no usable article in the input")
        raise typer.Exit(1)

    for path, target_fmt in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(briefing, target_fmt), encoding="utf-8")
        if not quiet:
            err.print(f"wrote {target_fmt:>4}: {path.resolve()}", highlight=False)
    if not targets or fmt is not None:
        stdout_fmt = fmt or ("text" if sys.stdout.isatty() else "json")
        if stdout_fmt == "text":
            from newsweave.render.text import print_text

            print_text(briefing)
        else:
            sys.stdout.write(render(briefing, stdout_fmt))


class _Progress:
    """A progress bar on stderr, shown only once a stage has more than a handful of items."""

    def __init__(self, console, enabled: bool):
        self.console, self.enabled = console, enabled
        self.bar = None
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_MIN:
            return
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=self.console, transient=True)
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done)


@app.command()
def group(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, JSONL streams, http(s) URLs, or - for stdin.")],
    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Where to write one story-NNNN.jsonl per story and stories.json.")],
    threshold: Annotated[Optional[float], typer.Option("--threshold", min=0.0, max=1.0,
                         help="Average TF-IDF cosine at which groups stop joining: higher splits more.")] = None,
    max_gap_days: Annotated[Optional[int], typer.Option("--max-gap-days", min=0,
                            help="Never compare two dated reports more than this many days apart directly.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow URLs on private, loopback or link-local addresses.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Skip inputs larger than this many bytes "
                         "(a JSONL stream is one input: the default admits 1 GB).")] = STREAM_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """Group a stream of mixed articles into stories, one JSONL file each, ready for `newsweave batch`."""
    import time

    from rich.console import Console
    from rich.markup import escape

    from newsweave.ingest import ingest
    from newsweave.stories import THRESHOLD, group_stories, write_stories

    err = Console(stderr=True)
    if out_dir.exists() and not out_dir.is_dir():
        err.print(f"[red]error:[/] not a folder: {escape(str(out_dir))}")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    result = ingest(paths, max_bytes=max_bytes, allow_private=allow_private)
    if not result.articles:
        for sk in result.skipped:
            err.print(f"  [yellow]skipped[/] {escape(sk.source)}: {escape(sk.reason)}", highlight=False, soft_wrap=True)
        err.print("[red]error:[/] no usable article in the input")
        raise typer.Exit(1)
    threshold = THRESHOLD if threshold is None else threshold
    groups = group_stories(result.articles, threshold=threshold, max_gap_days=max_gap_days)
    write_stories(groups, result.articles, out_dir, skipped=result.skipped,
                  settings={"threshold": threshold, "max_gap_days": max_gap_days})
    if not quiet:
        n = len(result.articles)
        multi = sum(1 for g in groups if len(g.articles) > 1)
        err.print(f"{n} article{'s' if n != 1 else ''} used, {len(result.skipped)} skipped; {len(groups)} stories "
                  f"({multi} with more than one article) in {time.perf_counter() - t0:.1f} s", highlight=False)
        for sk in result.skipped[:SHOWN_SKIPPED]:
            err.print(f"  [yellow]skipped[/] {escape(sk.source)}: {escape(sk.reason)}", highlight=False, soft_wrap=True)
        if len(result.skipped) > SHOWN_SKIPPED:
            err.print(f"  ... {len(result.skipped) - SHOWN_SKIPPED} more skipped, each with its reason, in "
                      f"{escape(str(out_dir / 'stories.json'))}", highlight=False)
        for g in groups[:10]:
            n_art = len(g.articles)
            err.print(f"  {g.id}: {n_art:>4} article{'s' if n_art != 1 else ' '}  {escape(', '.join(g.label))}", highlight=False)
        if len(groups) > 10:
            err.print(f"  ... {len(groups) - 10} more in {escape(str(out_dir / 'stories.json'))}", highlight=False)
        err.print(f"next: newsweave batch {escape(str(out_dir))} -o BRIEFINGS_DIR", highlight=False)


@app.command()
def batch(
    stories_dir: Annotated[Path, typer.Argument(help="A folder in which each subfolder, and each .jsonl file, is one story.")],
    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Where to write OUT/<story>/briefing.<ext>, index.html and index.json.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Comma-separated formats to write: json, md, html, text.")] = "json,md,html",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads spaCy, about 250 MB).")] = 1,
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Summary length in words.")] = 120,
    style: Annotated[str, typer.Option("--style", help="prose (sentences) or bullets (one fact per item).")] = "prose",
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Skip inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """Brief many stories: one briefing per story plus an index; resumes where an interrupted run stopped."""
    import time

    from rich.console import Console
    from rich.markup import escape

    from newsweave.batch import brief_batch
    from newsweave.render import FORMATS, format_name

    err = Console(stderr=True)
    names = [f.strip() for f in fmt.split(",") if f.strip()]
    resolved = [format_name(f) for f in names]
    bad = [f for f, r in zip(names, resolved) if r is None]
    formats = [r for r in resolved if r]
    if bad or not formats:
        err.print(f"[red]error:[/] unknown format {bad[0] if bad else fmt!r}; choose from {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if not stories_dir.is_dir():
        err.print(f"[red]error:[/] not a folder: {escape(str(stories_dir))}")
        raise typer.Exit(2)
    if style not in ("prose", "bullets"):
        err.print(f"[red]error:[/] unknown style {style!r}; choose prose or bullets")
        raise typer.Exit(2)

    state = {"bar": None, "task": None, "articles": 0, "t0": time.perf_counter()}

    def on_start(stories, n_todo) -> None:
        if not quiet and n_todo < len(stories):
            err.print(f"resuming: {len(stories) - n_todo} of {len(stories)} stories already briefed", highlight=False)
        if quiet or not stories:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        bar = Progress(TextColumn("stories"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True)
        bar.start()
        state["bar"], state["task"] = bar, bar.add_task("stories", total=len(stories), rate="")

    def on_story(result, done, total) -> None:
        if not result.resumed:
            state["articles"] += result.articles
        if not result.ok:
            err.print(f"[red]failed[/] {escape(result.name)}: {escape(result.error or 'unknown error')}", highlight=False, soft_wrap=True)
        if state["bar"] is not None:
            elapsed = max(time.perf_counter() - state["t0"], 1e-9)
            rate = f"{state['articles'] / elapsed:.1f} articles/s"
            state["bar"].update(state["task"], completed=done, rate=rate)

    try:
        report = brief_batch(stories_dir, out_dir, formats=formats, jobs=jobs, words=words, style=style, max_bytes=max_bytes,
                             on_story=on_story, on_start=on_start)
    except KeyboardInterrupt:
        if state["bar"] is not None:
            state["bar"].stop()
        err.print("interrupted: finished stories are kept; run the same command again to resume", highlight=False)
        raise typer.Exit(130) from None
    finally:
        if state["bar"] is not None:
            state["bar"].stop()
    if not report.stories:
        err.print(f"[red]error:[/] no stories in {escape(str(stories_dir))} (subfolders or .jsonl files)")
        raise typer.Exit(1)
    if not quiet:
        fresh = [s for s in report.stories if not s.resumed]
        n_articles = sum(s.articles for s in fresh)
        rate = n_articles / report.seconds if report.seconds > 0 else 0.0
        err.print(
            f"{len(report.ok)} of {len(report.stories)} stories briefed ({len(report.resumed)} already done), "
            f"{len(report.failed)} failed; {n_articles} articles in {report.seconds:.1f} s ({rate:.1f} articles/s)",
            highlight=False,
        )
        err.print(f"index: {report.index_html.resolve()}", highlight=False)
    if report.all_failed:
        raise typer.Exit(1)


def main() -> None:
    """The console entry point. Once a command has written its outputs and its exit code is known, the
    process ends without the interpreter's teardown: freeing the parser's and the encoder's objects one by
    one took about 0.6 s of a 5 s cold brief, for nothing."""
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    _end(code)


def _end(code: object) -> None:
    """``sys.exit(code)`` without the teardown: flush what is buffered, close the annotation cache (its
    writes are committed already), then ``os._exit``."""
    import logging
    import os

    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    cache = sys.modules.get("newsweave.annotate.cache")
    if cache is not None and getattr(cache, "_default", None) is not None:
        try:
            cache._default.close()
        except Exception:  # noqa: BLE001 - its writes are committed; a failed close must not change the exit code
            pass
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`newsweave ... | head`) has nowhere to flush to
            pass
    os._exit(code)


if __name__ == "__main__":
    main()
