"""Tests for the ``newsweave brief`` command and the Python API ``newsweave.brief``.

The command runs in-process with typer's CliRunner, except one real subprocess run of the installed
``newsweave`` script for the exit code when nothing usable remains. spaCy loads once per session (the
pipeline caches it); the full-pipeline runs share one module fixture on the example story.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from newsweave.model import SCHEMA, Article, Briefing

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SCRIPT = Path(sys.executable).parent / "newsweave"

TOP_KEYS = ["schema", "articles", "skipped", "summary", "facts", "timeline", "entities", "disagreements",
            "quotes", "framing", "reuse", "coverage"]
ARTICLE_KEYS = {"id", "source", "title", "outlet", "byline", "published", "published_inferred", "language", "text",
                "removed"}
EXAMPLE_IDS = {"blog-notes", "kestovia-uncensored", "kestovian-courier", "ovrat-valley-herald",
               "kestpress-20260310-0412", "sen-20260310-kolvashin"}

QUAY = (
    "Fishermen in Dunmere said the north quay would stay closed until the harbour wall is rebuilt next spring, "
    "leaving most of the fleet moored at Kelby."
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["brief", *args], input=input)


@pytest.fixture(scope="module")
def example_run(tmp_path_factory):
    """One full CLI run on examples/, writing JSON, Markdown and HTML files."""
    out = tmp_path_factory.mktemp("cli-out")
    result = run(str(EXAMPLES), "-o", str(out / "b.json"), "-o", str(out / "b.md"), "-o", str(out / "report.html"))
    assert result.exit_code == 0, result.stderr
    return result, out


# --- the JSON contract ---------------------------------------------------------------------


def test_json_file_follows_the_contract(example_run):
    _, out = example_run
    data = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert list(data) == TOP_KEYS
    assert data["schema"] == SCHEMA == "newsweave.briefing/1"
    assert {a["id"] for a in data["articles"]} == EXAMPLE_IDS
    for a in data["articles"]:
        assert ARTICLE_KEYS <= set(a), a["id"]
        assert all(set(r) == {"text", "reason"} for r in a["removed"])
    assert data["skipped"] == [{"source": str(EXAMPLES / "README.md"), "reason": "a README, not an article"}]
    for key in ("facts", "timeline", "entities", "disagreements", "quotes", "framing", "reuse"):
        assert isinstance(data[key], list)


def test_json_summary_evidence_reproduces_the_cited_text(example_run):
    _, out = example_run
    data = json.loads((out / "b.json").read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert 1 <= len(data["summary"])
    assert sum(len(item["text"].split()) for item in data["summary"]) <= 120  # the default --words
    assert any(len(item["sources"]) >= 3 for item in data["summary"])  # the story's agreements are corroborated
    for item in data["summary"]:
        assert set(item) == {"text", "sources", "evidence", "independent_sources", "disputed", "omitted"}
        assert 1 <= item["independent_sources"] <= len(item["sources"])
        assert item["sources"] == list(dict.fromkeys(ev["article"] for ev in item["evidence"]))
        for ev in item["evidence"]:
            assert set(ev) == {"article", "start", "end"}
            assert 0 <= ev["start"] < ev["end"] <= len(texts[ev["article"]])
        first = item["evidence"][0]  # the extracted sentence, verbatim, less the asides it leaves out
        source, words, at = texts[first["article"]], [], first["start"]
        for cut in item["omitted"]:
            assert set(cut) == {"article", "start", "end"} and cut["article"] == first["article"]
            assert at <= cut["start"] < cut["end"] <= first["end"]
            words.append(source[at:cut["start"]])
            at = cut["end"]
        assert "".join(words) + source[at:first["end"]] == item["text"]


def test_count_line_on_stderr(example_run):
    result, _ = example_run
    assert "6 articles used, 1 skipped" in result.stderr
    assert "a README, not an article" in result.stderr
    assert result.stdout == ""  # -o files only: nothing on stdout


def test_markdown_and_html_files_written(example_run):
    _, out = example_run
    md = (out / "b.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert md.startswith("# Briefing: ")
    assert "## Summary" in md and "## Sources" in md and "## Skipped inputs" in md
    assert html.startswith("<!doctype html>")
    assert "6 articles used," in html


def test_stdout_defaults_to_json_in_a_pipe():
    result = run(str(EXAMPLES / "kestovian-courier.txt"), "--words", "40")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "newsweave.briefing/1"
    assert [a["id"] for a in data["articles"]] == ["kestovian-courier"]
    assert data["articles"][0]["outlet"] == "The Kestovian Courier"
    assert 1 <= len(data["summary"])
    assert sum(len(item["text"].split()) for item in data["summary"]) <= 40
    assert "1 article used, 0 skipped" in result.stderr


@pytest.mark.parametrize(("fmt", "start"), [("md", "# Briefing: "), ("html", "<!doctype html>"), ("text", ""),
                                           ("markdown", "# Briefing: "), ("HTML", "<!doctype html>")])
def test_format_option_for_stdout(fmt, start):
    result = run(str(EXAMPLES / "kestovian-courier.txt"), "--format", fmt, "--words", "30")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(start)
    assert "Government opens relief fund as Ovrat valley begins clean-up" in result.stdout


def test_words_option_caps_the_summary(tmp_path):
    out = tmp_path / "short.json"
    result = run(str(EXAMPLES), "--words", "45", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert 1 <= len(summary)
    assert sum(len(item["text"].split()) for item in summary) <= 45


def test_stdin_dash():
    result = run("-", "--format", "json", input=f"Quay stays shut\n\n{QUAY}\n")
    assert result.exit_code == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert (article["id"], article["source"], article["title"], article["text"]) == (
        "stdin", "stdin", "Quay stays shut", QUAY,
    )


# --- errors and exit codes ---------------------------------------------------------------------


def test_unknown_format_exits_2(tmp_path):
    result = run(str(tmp_path), "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.stderr


def test_output_with_unknown_extension_exits_2(tmp_path):
    result = run(str(tmp_path), "-o", str(tmp_path / "briefing.docx"))
    assert result.exit_code == 2
    assert "cannot tell the format of" in result.stderr


def test_max_bytes_option(tmp_path):
    big = tmp_path / "quay.txt"
    big.write_text(QUAY, encoding="utf-8")
    result = run(str(big), "--max-bytes", "100")
    assert result.exit_code == 1
    assert "0 articles used, 1 skipped" in result.stderr
    assert f"too large: {len(QUAY.encode()):,} bytes (limit 100; see --max-bytes)" in result.stderr


def test_nothing_usable_exits_1_in_process(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "0 articles used, 2 skipped" in result.stderr
    assert "empty input" in result.stderr
    assert "no such file, folder or URL" in result.stderr
    assert "no usable article in the input" in result.stderr
    assert result.stdout == ""


def test_nothing_usable_exits_1_subprocess(tmp_path):
    assert SCRIPT.exists(), SCRIPT
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = subprocess.run(
        [str(SCRIPT), "brief", str(tmp_path / "empty.txt"), str(tmp_path / "photo.txt")],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines[0] == "0 articles used, 2 skipped"
    assert f"  skipped {tmp_path / 'empty.txt'}: empty input" in lines
    assert f"  skipped {tmp_path / 'photo.txt'}: binary data, not text" in lines


def test_the_script_writes_everything_before_it_ends(tmp_path):
    # the script ends with os._exit (no interpreter teardown): every output must be complete by then, the
    # exit code right, and the annotation cache written for the next run
    import os

    env = {**os.environ, "NEWSWEAVE_CACHE": "1", "NEWSWEAVE_CACHE_DIR": str(tmp_path / "cache")}
    outs = [tmp_path / "b.json", tmp_path / "b.md", tmp_path / "b.html"]
    cmd = [str(SCRIPT), "brief", str(EXAMPLES), *[a for o in outs for a in ("-o", str(o))]]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(outs[0].read_text(encoding="utf-8"))["summary"]
    assert "## Summary" in outs[1].read_text(encoding="utf-8")
    assert outs[2].read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert first.stderr.startswith("6 articles used, 1 skipped")
    from newsweave.annotate.cache import AnnotationCache

    with AnnotationCache(tmp_path / "cache") as cache:
        assert cache.stats()["entries"] >= 6
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert second.returncode == 0, second.stderr
    assert json.loads(outs[0].read_text(encoding="utf-8"))["summary"]


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "quay.txt"
    good.write_text(f"Quay stays shut\n\n{QUAY}\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["quay"]
    assert sorted((Path(s["source"]).name, s["reason"]) for s in data["skipped"]) == [
        ("bad.json", "malformed JSON on line 1: Expecting property name enclosed in double quotes (column 2)"),
        ("empty.txt", "empty input"),
    ]
    assert "1 article used, 2 skipped" in result.stderr


def test_private_url_needs_the_flag():
    url = "http://127.0.0.1:9/story"  # refused before any connection is tried
    result = run(url)
    assert result.exit_code == 1
    assert "refused: 127.0.0.1 resolves to the private, loopback or link-local address 127.0.0.1" in result.stderr
    assert "--allow-private" in result.stderr


# --- the Python API ------------------------------------------------------------------------------


def test_python_api_on_article_objects():
    arts = [
        Article(id="gazette", source="memory", outlet="Dunmere Gazette", text=(
            "The harbour wall in Dunmere collapsed on Monday night after a spring storm, the town council said. "
            "Three fishing boats were damaged and the north quay was closed."
        )),
        Article(id="islander", source="memory", outlet="Kelby Islander", text=(
            "The harbour wall in Dunmere collapsed on Monday night after a spring storm, the town council said. "
            "Ferry crossings to Kelby were cancelled until further notice."
        )),
    ]
    b = newsweave.brief(arts, words=25)
    assert isinstance(b, Briefing)
    assert [a.id for a in b.articles] == ["gazette", "islander"]
    assert b.skipped == []
    dumped = b.model_dump()
    assert list(dumped) == TOP_KEYS
    assert dumped["schema"] == "newsweave.briefing/1"
    assert json.loads(b.model_dump_json()) == dumped
    assert sum(len(item.text.split()) for item in b.summary) <= 25
    shared = [item for item in b.summary if set(item.sources) == {"gazette", "islander"}]
    assert [item.text for item in shared] == [
        "The harbour wall in Dunmere collapsed on Monday night after a spring storm, the town council said."
    ]
    html = b._repr_html_()
    assert html.startswith("<!doctype html>") and 'id="source-gazette"' in html


def test_python_api_on_a_path_with_nothing_usable(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    b = newsweave.brief(str(tmp_path / "empty.txt"))
    assert b.articles == [] and b.summary == []
    assert [(s.source, s.reason) for s in b.skipped] == [(str(tmp_path / "empty.txt"), "empty input")]


def test_bullets_style_and_unknown_style(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    for name, text in {
        "a.txt": "The harbour wall in Dunmere collapsed on Monday night after a spring storm, the town council said.\n\n"
                 "Three fishing boats were damaged and the north quay was closed to traffic until further notice.",
        "b.txt": "The harbour wall in Dunmere collapsed on Monday night after a spring storm, the town council said.\n\n"
                 "Ferry crossings to Kelby were cancelled, and the council promised repairs within a month.",
    }.items():
        (story / name).write_text(text)
    result = CliRunner().invoke(app, ["brief", str(story), "--style", "bullets", "--format", "json", "--words", "40"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"] and sum(len(i["text"].split()) for i in data["summary"]) <= 40
    bad = CliRunner().invoke(app, ["brief", str(story), "--style", "tweets"])
    assert bad.exit_code == 2
