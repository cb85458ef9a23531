"""Shared test helpers.

Tests that read real data from ../shared must fail, not skip, under CI (CI=true), where ../shared is
always present: a skip there would hide a broken setup.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Path under ../shared; fails under CI and skips elsewhere when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"missing real data: {path} (../shared must sit beside the checkout)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return path



def report(article_id: str, outlet: str, text: str, when: str, title: str | None = None):
    """An article of a story we wrote for a test: ``when`` is its day, or an ISO moment (its day and time)."""
    from newsweave.model import Article

    return Article(id=article_id, source=article_id, outlet=outlet, published=when[:10],
                   published_time=when if "T" in when else None, title=title, text=text)


def sources_by_value(item: dict) -> dict[str, list[str]]:
    """A disagreement's positions as {value as worded: the articles that give it, sorted} (the story test files)."""
    return {p["value"]: sorted(p["sources"]) for p in item["positions"]}


def fact_with(briefing, article: str, words: str) -> dict:
    """The briefing's fact that ``article`` states in a span holding ``words``."""
    texts = {a.id: a.text for a in briefing.articles}
    return next(f for f in briefing.facts if any(e["article"] == article and words in texts[article][e["start"]:e["end"]]
                                                 for e in f["evidence"]))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def nlp():
    from newsweave.annotate.nlp import load_nlp

    return load_nlp()


@pytest.fixture(autouse=True, scope="session")
def _annotation_cache(tmp_path_factory):
    """Tests use a cache of their own, never the user's ~/.cache/newsweave."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path_factory.mktemp("nw-cache")))
    yield
    mp.undo()
