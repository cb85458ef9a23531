"""Batch mode on tiny fictional stories we write here: one briefing per story plus an index, resume,
failures that do not stop the others, exit codes, and worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.batch import MANIFEST, brief_batch, find_stories
from newsweave.cli import app

FERRY = [
    "The Harlow Bay ferry ran aground on a sandbar on Tuesday morning, the harbour authority said. "
    "All 212 passengers were taken ashore by lifeboats within three hours. "
    "Captain Mira Solberg said the tide had fallen faster than the charts predicted.\n\n"
    "The ferry company suspended the Harlow Bay route until an inspection of the hull is complete.",
    "Lifeboats brought all 212 passengers of the Harlow Bay ferry ashore after it ran aground on Tuesday. "
    "The harbour authority said the ferry hit a sandbar near the northern channel. "
    "The company has suspended the route until the hull is inspected.\n\n"
    "Captain Mira Solberg blamed a tide that fell faster than the charts predicted.",
    "A ferry carrying 212 passengers ran aground in Harlow Bay on Tuesday, officials said. "
    "Nobody was hurt, and lifeboats took everyone ashore within three hours. "
    "Inspectors will examine the hull before the route reopens.",
]
ORCHARD = [
    "Frost destroyed most of the apple blossom in the Vell valley last week, growers said on Monday. "
    "The valley's cooperative expects its smallest harvest in twenty years. "
    "Growers asked the regional council for emergency help to pay seasonal workers.",
    "The Vell valley cooperative warned of its smallest apple harvest in twenty years after a late frost. "
    "Growers said the frost killed most of the blossom in a single night. "
    "The regional council will discuss emergency help for growers next week.",
    "A late frost has wiped out most apple blossom in the Vell valley, the growers' cooperative said. "
    "It expects the smallest harvest in two decades and has asked the council for help.",
]


def write_folder_story(root: Path, name: str, texts: list[str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for i, text in enumerate(texts, start=1):
        (folder / f"report{i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def write_jsonl_story(root: Path, name: str, texts: list[str]) -> Path:
    path = root / f"{name}.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{i}", "title": f"Report {i}", "text": t}) + "\n"
                            for i, t in enumerate(texts, start=1)), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture()
def stories(tmp_path: Path) -> Path:
    root = tmp_path / "stories"
    root.mkdir()
    write_folder_story(root, "ferry", FERRY)
    write_jsonl_story(root, "orchard", ORCHARD)
    return root


def test_find_stories(stories: Path) -> None:
    (stories / ".hidden").mkdir()
    (stories / "notes.txt").write_text("not a story", encoding="utf-8")
    found = find_stories(stories)
    assert [s.name for s in found] == ["ferry", "orchard"]
    assert len(found[0].files) == 3 and found[1].files == [stories / "orchard.jsonl"]


def test_one_briefing_per_story_and_index(stories: Path, tmp_path: Path) -> None:
    (stories / "ferry" / "README.md").write_text("Notes on this story, not an article.", encoding="utf-8")
    out = tmp_path / "out"
    report = brief_batch(stories, out, formats=["json", "md", "html"], words=40)
    assert [s.name for s in report.stories] == ["ferry", "orchard"]
    assert all(s.ok for s in report.stories)
    for name, n in (("ferry", 3), ("orchard", 3)):
        for ext in ("json", "md", "html"):
            assert (out / name / f"briefing.{ext}").is_file()
        data = json.loads((out / name / "briefing.json").read_text(encoding="utf-8"))
        assert data["schema"] == "newsweave.briefing/1" and len(data["articles"]) == n and data["summary"]
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    rows = {r["story"]: r for r in index["stories"]}
    assert rows["orchard"]["title"] and rows["orchard"]["articles"] == 3 and rows["orchard"]["skipped"] == 0
    assert rows["ferry"]["status"] == "ok" and rows["ferry"]["links"]["html"] == "ferry/briefing.html"
    assert rows["ferry"]["articles"] == 3 and rows["ferry"]["skipped"] == 1  # the README, as `brief` treats a folder
    assert rows["ferry"]["seconds"] > 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="ferry/briefing.html"' in html and 'href="orchard/briefing.md"' in html


def test_the_index_tells_each_story_at_a_glance(stories: Path, tmp_path: Path) -> None:
    # dates, outlets, disagreements by status, the most reported names and the first summary sentence
    (stories / "ferry" / "report4.txt").write_text(
        " date 2025-05-07\nLifeboats brought all 210 passengers of the Harlow Bay ferry ashore after it ran aground "
        "on Tuesday, the harbour authority said.\n", encoding="utf-8")
    out = tmp_path / "out"
    brief_batch(stories, out, formats=["json", "html"], words=40)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    ferry = next(r for r in index["stories"] if r["story"] == "ferry")["digest"]
    assert ferry["published"][1] == "2025-05-07" and ferry["outlets"] == 4  # (the others dated by inference)
    briefing = json.loads((out / "ferry" / "briefing.json").read_text(encoding="utf-8"))
    (status,) = [d["status"] for d in briefing["disagreements"]]  # 212 passengers / 210
    assert ferry["disagreements"] == {status: 1}
    assert "Harlow Bay" in ferry["entities"] and ferry["lead"] == briefing["summary"][0]["text"]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert f"1 {status}" in html and "Harlow Bay" in html and "2025-05-07" in html


def test_resume_skips_finished_and_redoes_changed(stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = brief_batch(stories, out, formats=["json"], words=40)
    assert not first.resumed and (out / MANIFEST).is_file()
    again = brief_batch(stories, out, formats=["json"], words=40)
    assert [s.name for s in again.resumed] == ["ferry", "orchard"]
    # change one input of one story: only that story is redone
    (stories / "ferry" / "report3.txt").write_text(FERRY[2] + " The inquiry opens on Friday.\n", encoding="utf-8")
    third = brief_batch(stories, out, formats=["json"], words=40)
    assert [s.name for s in third.resumed] == ["orchard"]
    assert all(s.ok for s in third.stories)
    # other options are another key: everything is redone
    fourth = brief_batch(stories, out, formats=["json"], words=30)
    assert not fourth.resumed
    # a deleted output is redone even when the inputs did not change
    (out / "orchard" / "briefing.json").unlink()
    fifth = brief_batch(stories, out, formats=["json"], words=30)
    assert [s.name for s in fifth.resumed] == ["ferry"] and (out / "orchard" / "briefing.json").is_file()


def test_failing_story_does_not_stop_others(stories: Path, tmp_path: Path, monkeypatch) -> None:
    empty = stories / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("   \n", encoding="utf-8")
    write_folder_story(stories, "boom", ORCHARD[:2])

    import newsweave.pipeline

    real = newsweave.pipeline.brief

    def flaky(paths, **kwargs):
        if any("boom" in str(p) for p in paths):
            raise RuntimeError("simulated crash")
        return real(paths, **kwargs)

    monkeypatch.setattr(newsweave.pipeline, "brief", flaky)
    out = tmp_path / "out"
    report = brief_batch(stories, out, formats=["json"], words=40)
    status = {s.name: s for s in report.stories}
    assert status["ferry"].ok and status["orchard"].ok
    assert not status["boom"].ok and "simulated crash" in status["boom"].error
    assert not status["empty"].ok and "no usable article" in status["empty"].error and status["empty"].skipped == 1
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["failed"] == 2 and index["ok"] == 2
    # failed stories are retried on the next run, finished ones are not
    again = brief_batch(stories, out, formats=["json"], words=40)
    assert sorted(s.name for s in again.resumed) == ["ferry", "orchard"]


def test_cli_exit_codes(stories: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    bad = stories / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    r = runner.invoke(app, ["batch", str(stories), "-o", str(out), "--format", "json,markdown", "--words", "40"])
    assert r.exit_code == 0, r.output
    assert "failed" in r.output and "bad" in r.output  # the failure is reported on stderr
    assert (out / "ferry" / "briefing.md").is_file() and (out / "index.html").is_file()

    only_bad = tmp_path / "only_bad"
    (only_bad / "a").mkdir(parents=True)
    (only_bad / "a" / "x.txt").write_bytes(b"")
    r = runner.invoke(app, ["batch", str(only_bad), "-o", str(tmp_path / "out2")])
    assert r.exit_code == 1

    r = runner.invoke(app, ["batch", str(stories), "-o", str(out), "--format", "pdf"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["batch", str(tmp_path / "missing"), "-o", str(out)])
    assert r.exit_code == 2


def test_jobs_2(stories: Path, tmp_path: Path) -> None:
    write_folder_story(stories, "ferry-again", FERRY[:2])
    out = tmp_path / "out"
    report = brief_batch(stories, out, formats=["json"], jobs=2, words=40)
    assert [s.name for s in report.stories] == ["ferry", "ferry-again", "orchard"]
    assert all(s.ok for s in report.stories), [s.error for s in report.stories]
    assert all((out / s.name / "briefing.json").is_file() for s in report.stories)


def test_resume_after_interruption(stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"

    def interrupt(result, done, total):
        raise KeyboardInterrupt  # as if Ctrl-C arrived right after the first story was written

    with pytest.raises(KeyboardInterrupt):
        brief_batch(stories, out, formats=["json"], words=40, on_story=interrupt)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["stories"]) == 1
    (first,) = manifest["stories"]
    report = brief_batch(stories, out, formats=["json"], words=40)
    assert [s.name for s in report.resumed] == [first]
    assert all(s.ok for s in report.stories) and len(report.stories) == 2


def test_bullets_style_in_batch(stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    prose = brief_batch(stories, out, formats=["json"], words=40)
    assert all(s.ok for s in prose.stories)
    # another style is another key: the stories are briefed again, as bullets
    bullets = brief_batch(stories, out, formats=["json"], words=40, style="bullets")
    assert not bullets.resumed
    data = json.loads((out / "ferry" / "briefing.json").read_text(encoding="utf-8"))
    assert data["summary"] and sum(len(i["text"].split()) for i in data["summary"]) <= 40
    again = brief_batch(stories, out, formats=["json"], words=40, style="bullets")
    assert [s.name for s in again.resumed] == ["ferry", "orchard"]
    with pytest.raises(ValueError, match="unknown style"):
        brief_batch(stories, out, formats=["json"], style="haiku")
    result = CliRunner().invoke(app, ["batch", str(stories), "-o", str(tmp_path / "cli"), "--style", "haiku"])
    assert result.exit_code == 2 and "unknown style" in result.output


def test_the_index_names_each_story_by_its_reports_title(tmp_path):
    """The index and the story's own page go by the same headline."""
    import newsweave
    from newsweave.render.view import story_headline

    stories = tmp_path / "stories"
    stories.mkdir()
    rows = [{"id": "t1", "title": "Poet Eva Brandt dies at 84", "published": "2029-05-14",
             "text": "Eva Brandt, the poet who led the city of Korvin as mayor for twelve years, died on Sunday at the age "
                     "of 84, her family said."},
            {"id": "t2", "title": "Former Korvin mayor Eva Brandt dies at 83", "published": "2029-05-14",
             "text": "Eva Brandt, Korvin's first elected woman mayor, has died aged 83, the city council said."},
            {"id": "t3", "title": "Korvin mayor Eva Brandt dies at 84", "published": "2029-05-14",
             "text": "Eva Brandt, who led Korvin as mayor, died on Sunday aged 84, her family said."}]
    (stories / "brandt.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    brief_batch(stories, tmp_path / "out", formats=["json"])
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    b = newsweave.brief(str(stories / "brandt.jsonl"))
    assert index["stories"][0]["title"] == story_headline(b) != "Former Korvin mayor Eva Brandt dies at 83"
