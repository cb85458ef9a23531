"""Batch mode: brief every story of a folder, resumably, in one or several worker processes.

Each subfolder of ``stories_dir`` (read recursively, as ``newsweave brief`` reads a folder) and each
``.jsonl`` / ``.ndjson`` file directly in it is one story. For every story the briefing is written to
``out_dir/<story>/briefing.<ext>``, then ``out_dir/index.html`` and ``out_dir/index.json`` list all stories
(article and skipped counts, title, status, time, links).

``out_dir/manifest.json`` records each finished story under a key that hashes its input files' names and
bytes and the options (formats, words, style, size limit, newsweave version). A story whose key is unchanged and
whose outputs are present is not redone, so an interrupted batch resumes where it stopped; a story whose
inputs changed is redone. The manifest is rewritten (atomically) after every story.

A story that raises, or has no usable article, is reported as failed (in the index and on stderr) and
does not stop the others.

With ``jobs > 1`` stories run in that many worker processes (``spawn`` by default, or ``forkserver`` via
``NEWSWEAVE_MP_START``); each worker loads spaCy once (about 250 MB each) and is replaced after
``MAX_STORIES_PER_WORKER`` stories to bound memory growth. The biggest stories are started first.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsweave.ingest.collect import DEFAULT_MAX_BYTES

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "newsweave.batch-manifest/1"
INDEX_SCHEMA = "newsweave.batch-index/1"
STORY_SUFFIXES = (".jsonl", ".ndjson")
BATCH_FORMATS = ("json", "md", "html")
EXTENSIONS = {"json": "json", "md": "md", "html": "html", "text": "txt"}
MAX_STORIES_PER_WORKER = 100  # a fresh worker costs ~4 s; memory creeps up ~30 MB per 1,000 articles per worker


@dataclass
class Story:
    """One story to brief: its name (also its output folder) and input paths."""

    name: str
    path: Path
    files: list[Path]

    @property
    def size(self) -> int:
        total = 0
        for f in self.files:
            try:
                total += f.stat().st_size
            except OSError:
                pass
        return total


@dataclass
class StoryResult:
    name: str
    status: str  # "ok" | "failed"
    articles: int = 0
    skipped: int = 0
    title: str | None = None
    seconds: float = 0.0
    error: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # format -> path relative to out_dir
    timings: dict[str, float] = field(default_factory=dict)
    key: str = ""
    resumed: bool = False  # finished in an earlier run and not redone
    skipped_reasons: list[str] = field(default_factory=list)
    # what the briefing holds, for choosing which of many to read: see _digest
    digest: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass
class BatchReport:
    out_dir: Path
    stories: list[StoryResult] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1

    @property
    def ok(self) -> list[StoryResult]:
        return [s for s in self.stories if s.ok]

    @property
    def failed(self) -> list[StoryResult]:
        return [s for s in self.stories if not s.ok]

    @property
    def resumed(self) -> list[StoryResult]:
        return [s for s in self.stories if s.resumed]

    @property
    def all_failed(self) -> bool:
        return bool(self.stories) and not self.ok

    @property
    def articles(self) -> int:
        return sum(s.articles for s in self.stories)

    @property
    def index_html(self) -> Path:
        return self.out_dir / "index.html"

    @property
    def index_json(self) -> Path:
        return self.out_dir / "index.json"


# --- finding stories ------------------------------------------------------------------------------


def _safe_name(name: str) -> str:
    import re

    return re.sub(r"[^\w.-]+", "-", name).strip("-.") or "story"


def find_stories(stories_dir: str | os.PathLike[str]) -> list[Story]:
    """Subfolders and ``.jsonl`` files of ``stories_dir`` (hidden ones left out), sorted by name."""
    root = Path(stories_dir)
    if not root.is_dir():
        raise NotADirectoryError(f"not a folder: {root}")
    stories: list[Story] = []
    taken: set[str] = set()
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            files = sorted(p for p in entry.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(entry).parts))
            base = entry.name
        elif entry.is_file() and entry.suffix.lower() in STORY_SUFFIXES:
            files, base = [entry], entry.stem
        else:
            continue
        name, n = _safe_name(base), 2
        while name in taken:
            name, n = f"{_safe_name(base)}-{n}", n + 1
        taken.add(name)
        stories.append(Story(name=name, path=entry, files=files))
    return stories


def story_key(story: Story, options: dict[str, Any]) -> str:
    """A hash of the story's input files (relative names and bytes) and the options."""
    h = hashlib.sha256(json.dumps(options, sort_keys=True).encode())
    base = story.path if story.path.is_dir() else story.path.parent
    for f in story.files:
        h.update(b"\0file\0" + str(f.relative_to(base)).encode("utf-8", "surrogateescape") + b"\0")
        try:
            with f.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        except OSError as e:
            h.update(f"unreadable: {e}".encode())
    return h.hexdigest()


# --- one story --------------------------------------------------------------------------------------


def _story_title(briefing) -> str | None:
    """The headline the story's report goes by (the same as its page's title), else its first summary item."""
    from newsweave.render.view import story_headline

    headline = story_headline(briefing)
    if headline:
        return headline
    if briefing.summary:
        text = briefing.summary[0].text
        return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"
    return None


def _digest(briefing) -> dict[str, Any]:
    """The briefing at a glance, for an index of many: when its reports appeared, how many outlets and
    independent sources, its disagreements by status, its most reported names, and its first summary
    sentence."""
    days = sorted(a.published[:10] for a in briefing.articles if a.published)
    outlets = {a.outlet or a.id for a in briefing.articles}
    statuses: dict[str, int] = {}
    for d in briefing.disagreements:
        statuses[d["status"]] = statuses.get(d["status"], 0) + 1
    return {
        "published": [days[0], days[-1]] if days else None,
        "outlets": len(outlets),
        "disagreements": statuses,
        "entities": [e["name"] for e in briefing.entities[:4]],
        "lead": briefing.summary[0].text if briefing.summary else None,
    }


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def run_story(story: Story, out_dir: Path, *, formats: Sequence[str], words: int, max_bytes: int, key: str = "",
              style: str = "prose") -> StoryResult:
    """Brief one story and write its outputs; never raises (a failure is a ``failed`` result)."""
    from newsweave.pipeline import Timings, brief

    t0 = time.perf_counter()
    result = StoryResult(name=story.name, status="failed", key=key)
    timings = Timings()
    try:
        # the folder itself, so that ingest applies its folder rules (hidden files, READMEs, unsupported types)
        briefing = brief([story.path], words=words, style=style, max_bytes=max_bytes, timings=timings)
        result.articles, result.skipped = len(briefing.articles), len(briefing.skipped)
        result.skipped_reasons = [f"{s.source}: {s.reason}" for s in briefing.skipped]
        if not briefing.articles:
            result.error = "no usable article" + (
                f" ({len(briefing.skipped)} input{'s' if len(briefing.skipped) != 1 else ''} skipped)" if briefing.skipped else " (no input files)")
        else:
            from newsweave.render import render

            result.title = _story_title(briefing)
            result.digest = _digest(briefing)
            t_render = time.perf_counter()
            target = out_dir / story.name
            target.mkdir(parents=True, exist_ok=True)
            for fmt in formats:
                path = target / f"briefing.{EXTENSIONS[fmt]}"
                _write_atomic(path, render(briefing, fmt))
                result.outputs[fmt] = path.relative_to(out_dir).as_posix()
            timings.seconds["render"] = time.perf_counter() - t_render
            result.status = "ok"
    except Exception as e:  # one story must not stop the batch
        result.error = f"{type(e).__name__}: {e}"
        if os.environ.get("NEWSWEAVE_DEBUG"):
            traceback.print_exc()
    result.timings = {k: round(v, 4) for k, v in timings.seconds.items()}
    result.seconds = time.perf_counter() - t0
    return result


# --- workers -----------------------------------------------------------------------------------------


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _worker_init() -> None:
    import signal

    # Ctrl-C is the parent's to handle: it stops the pool, and the manifest already holds every finished story.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from newsweave.annotate.nlp import load_nlp

    load_nlp()  # once per worker process


def _worker_run(args: tuple) -> StoryResult:
    story, out_dir, kwargs = args
    try:
        return run_story(story, out_dir, **kwargs)
    finally:
        _release_memory()


def _release_memory() -> None:
    """Hand the story's freed memory back to the system: glibc keeps freed heap pages, so a worker would
    otherwise stay at the size of the biggest story it has briefed, and the workers' peaks add up."""
    import ctypes
    import gc

    from newsweave.ingest.language import release

    release()  # the language identifier's mapped pages, if a story needed it
    gc.collect()
    # What survives a story is the worker's long-lived state (models, lexicons, caches): keep it out of later
    # collections, which otherwise walk all of it (0.28 s per story, 10 % of a worker's time, measured over
    # 40 stories). Objects still freed by reference counting are unaffected; workers are recycled anyway.
    gc.freeze()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


# --- manifest and index ------------------------------------------------------------------------------


def _load_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != MANIFEST_SCHEMA or not isinstance(data.get("stories"), dict):
        return {}
    return data["stories"]


def _save_manifest(out_dir: Path, entries: dict[str, dict[str, Any]]) -> None:
    _write_atomic(out_dir / MANIFEST, json.dumps({"schema": MANIFEST_SCHEMA, "stories": entries}, indent=1, sort_keys=True) + "\n")


def _from_manifest(entry: dict[str, Any]) -> StoryResult | None:
    try:
        known = {k: v for k, v in entry.items() if k in StoryResult.__dataclass_fields__}
        return StoryResult(**known)
    except TypeError:
        return None


def write_index(report: BatchReport, *, options: dict[str, Any] | None = None) -> None:
    """``index.json`` and ``index.html`` in the output folder."""
    out_dir = report.out_dir
    rows = []
    for s in report.stories:
        rows.append({
            "story": s.name, "status": s.status, "title": s.title, "articles": s.articles, "skipped": s.skipped,
            "seconds": round(s.seconds, 3), "resumed": s.resumed, "error": s.error, "links": s.outputs,
            "timings": s.timings, "digest": s.digest,
        })
    data = {
        "schema": INDEX_SCHEMA, "stories": rows, "ok": len(report.ok), "failed": len(report.failed),
        "articles": report.articles, "seconds": round(report.seconds, 3), "jobs": report.jobs, "options": options or {},
    }
    _write_atomic(out_dir / "index.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    _write_atomic(out_dir / "index.html", _index_html(report))


def _index_html(report: BatchReport) -> str:
    from html import escape

    body = []
    for s in report.stories:
        links = " ".join(f'<a href="{escape(p, quote=True)}">{escape(fmt)}</a>' for fmt, p in s.outputs.items())
        title = escape(s.title or "")
        first = s.outputs.get("html") or next(iter(s.outputs.values()), None)
        if first and title:
            title = f'<a href="{escape(first, quote=True)}">{title}</a>'
        status = "ok" if s.ok else f'failed: {escape(s.error or "")}'
        d = s.digest or {}
        days = d.get("published") or []
        when = escape(days[0]) if days and days[0] == days[-1] else "<br>– ".join(escape(x) for x in days[:1] + days[-1:])
        names = escape(", ".join(d.get("entities") or []))
        lead = f'<div class="lead">{escape(d["lead"])}</div>' if d.get("lead") else ""
        disputes = ", ".join(f"{n} {k}{'s' if n > 1 and k != 'update' else ''}" if k != "update" else f"{n} update{'s' if n > 1 else ''}"
                             for k, n in sorted((d.get("disagreements") or {}).items()))
        body.append(
            f'<tr class="{"ok" if s.ok else "failed"}"><td>{escape(s.name)}</td><td>{title}{lead}'
            f'<div class="names">{names}</div></td><td class="n">{when}</td><td class="n">{s.articles}</td>'
            f'<td class="n">{d.get("outlets", "")}</td><td>{escape(disputes)}</td>'
            f'<td class="n">{s.skipped}</td><td>{status}</td><td class="n">{s.seconds:.1f}&nbsp;s</td><td>{links}</td></tr>'
        )
    n_ok, n_failed = len(report.ok), len(report.failed)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsweave briefings</title>
<style>
body{{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#222}}
table{{border-collapse:collapse;width:100%}}th,td{{padding:.35em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}}
td.n{{text-align:right;white-space:nowrap}}tr.failed td{{color:#a00}}a{{color:#0645ad}}
.lead{{color:#444;font-size:.9em;margin-top:.2em}}.names{{color:#666;font-size:.82em}}
@media (max-width:40em){{td:nth-child(1),th:nth-child(1),td:nth-child(7),th:nth-child(7),td:nth-child(9),th:nth-child(9){{display:none}}}}
</style></head><body>
<h1>Briefings</h1>
<p>{len(report.stories)} stories: {n_ok} briefed, {n_failed} failed; {report.articles} articles.</p>
<table><thead><tr><th>story</th><th>title</th><th>published</th><th>articles</th><th>outlets</th><th>disagreements</th><th>skipped</th><th>status</th><th>time</th><th>files</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""


# --- the batch -----------------------------------------------------------------------------------------

OnStory = Callable[[StoryResult, int, int], None]  # (result, done, total)


def brief_batch(
    stories_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    formats: Sequence[str] = BATCH_FORMATS,
    jobs: int = 1,
    words: int | None = None,
    style: str = "prose",
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_story: OnStory | None = None,
    on_start: Callable[[list[Story], int], None] | None = None,
) -> BatchReport:
    """Brief every story of ``stories_dir`` into ``out_dir``; see the module docstring.

    ``on_start(stories, n_todo)`` is called once the stories are found, ``on_story(result, done, total)``
    after each story (resumed ones first)."""
    from newsweave.compose import DEFAULT_WORDS
    from newsweave.render import FORMATS

    t0 = time.perf_counter()
    formats = list(dict.fromkeys(formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ValueError(f"unknown format {bad[0]!r}; choose from {', '.join(FORMATS)}" if bad else "no output format")
    words = DEFAULT_WORDS if words is None else words
    if style not in ("prose", "bullets"):
        raise ValueError(f"unknown style {style!r}; choose prose or bullets")
    jobs = max(1, int(jobs))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stories = find_stories(stories_dir)

    import newsweave

    options = {"formats": sorted(formats), "words": words, "max_bytes": max_bytes, "version": newsweave.__version__}
    if style != "prose":  # (prose keeps the keys of runs made before styles existed valid)
        options["style"] = style
    manifest = _load_manifest(out)
    results: dict[str, StoryResult] = {}
    todo: list[tuple[Story, str]] = []
    for story in stories:
        key = story_key(story, options)
        old = _from_manifest(manifest.get(story.name, {})) if story.name in manifest else None
        if old is not None and old.ok and old.key == key and all((out / p).is_file() for p in old.outputs.values()):
            old.resumed = True
            results[story.name] = old
        else:
            todo.append((story, key))
    manifest = {name: manifest[name] for name in (s.name for s in stories) if name in manifest}

    total, done = len(stories), 0
    if on_start:
        on_start(stories, len(todo))
    for story in stories:
        if story.name in results:
            done += 1
            if on_story:
                on_story(results[story.name], done, total)

    def finish(result: StoryResult) -> None:
        nonlocal done
        done += 1
        results[result.name] = result
        if result.ok:
            manifest[result.name] = asdict(result) | {"resumed": False, "skipped_reasons": []}
        else:
            manifest.pop(result.name, None)  # failed stories are retried on the next run
        _save_manifest(out, manifest)
        if on_story:
            on_story(result, done, total)

    kwargs = {"formats": formats, "words": words, "style": style, "max_bytes": max_bytes}
    todo.sort(key=lambda sk: -sk[0].size)  # biggest first: the last worker to finish waits less
    if jobs == 1 or len(todo) <= 1:
        for story, key in todo:
            finish(run_story(story, out, key=key, **kwargs))
    else:
        import multiprocessing as mp

        method = os.environ.get("NEWSWEAVE_MP_START", "spawn")
        # Fewer malloc arenas per worker: the encoder's threads would each get their own (glibc's default is
        # 8 per core), which fragments memory that is then never returned.
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        # spaCy's layers multiply through NumPy's OpenBLAS (annotate/nlp.py), which would start a thread per
        # core in every worker; the workers already share the cores out, so each gets its part of them.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", str(max(1, _usable_cores() // jobs)))
        ctx = mp.get_context(method)
        with ctx.Pool(min(jobs, len(todo)), initializer=_worker_init, maxtasksperchild=MAX_STORIES_PER_WORKER) as pool:
            tasks = [(story, out, kwargs | {"key": key}) for story, key in todo]
            results_iter = pool.imap_unordered(_worker_run, tasks, chunksize=1)
            while True:
                try:
                    # a timeout, so that the main thread wakes up and a Ctrl-C (SIGINT) is seen at once
                    result = results_iter.next(timeout=0.5)
                except mp.TimeoutError:
                    continue
                except StopIteration:
                    break
                finish(result)

    report = BatchReport(out_dir=out, stories=[results[s.name] for s in stories], seconds=time.perf_counter() - t0, jobs=jobs)
    write_index(report, options=options)
    return report

