"""The per-article annotation cache: hits, misses on changed content, the version key, id rewriting,
the size bound, and that cached annotations equal fresh ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.annotate import cache as cache_mod
from newsweave.annotate.cache import AnnotationCache, annotate_cached, cache_version, content_key, default_cache
from newsweave.model import AnnotatedArticle, Article, EntityMention, Sentence

TEXT = ("The Harlow Bay ferry ran aground on Tuesday, the harbour authority said. "
        "All 212 passengers were taken ashore by lifeboats.")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSWEAVE_CACHE", raising=False)


def fake_annotate(calls: list[str]):
    """An annotator without spaCy: one sentence per '. ', counting the articles it is asked for."""

    def run(articles, on_article=None):
        out = []
        for a in articles:
            calls.append(a.id)
            sents, pos = [], 0
            for piece in a.text.split(". "):
                start = a.text.index(piece, pos)
                sents.append(Sentence(article=a.id, index=len(sents), start=start, end=start + len(piece),
                                      text=piece, paragraph=0, terms=piece.lower().split()))
                pos = start + len(piece)
            ents = [EntityMention(article=a.id, start=4, end=14, text=a.text[4:14], label="GPE")]
            out.append(AnnotatedArticle(article=a, sentences=sents, entities=ents))
            if on_article:
                on_article(a)
        return out

    return run


def test_hit_and_miss_on_changed_text(tmp_path: Path) -> None:
    calls: list[str] = []
    store = AnnotationCache(tmp_path / "c")
    a = Article(id="a", source="a.txt", text=TEXT)
    b = Article(id="b", source="b.txt", text=TEXT.replace("212", "213"))
    first = annotate_cached([a, b], fake_annotate(calls), cache=store)
    assert calls == ["a", "b"] and store.misses == 2
    again = annotate_cached([a, b], fake_annotate(calls), cache=store)
    assert calls == ["a", "b"] and store.hits == 2  # nothing recomputed
    assert [s.text for s in again[1].sentences] == [s.text for s in first[1].sentences]
    assert again[0].article is a
    changed = Article(id="a", source="a.txt", text=TEXT + " Nobody was hurt.")
    annotate_cached([changed, b], fake_annotate(calls), cache=store)
    assert calls == ["a", "b", "a"]
    # the publication date anchors the date tagger, so it is part of the key
    dated = Article(id="a", source="a.txt", text=TEXT, published="2024-03-05")
    assert content_key(dated) != content_key(a)
    store.close()


def test_hit_under_another_id_rewrites_ids(tmp_path: Path) -> None:
    calls: list[str] = []
    with AnnotationCache(tmp_path / "c") as store:
        annotate_cached([Article(id="a", source="a.txt", text=TEXT)], fake_annotate(calls), cache=store)
        renamed = Article(id="renamed", source="elsewhere/x.txt", text=TEXT)
        (got,) = annotate_cached([renamed], fake_annotate(calls), cache=store)
    assert calls == ["a"]
    assert got.article is renamed
    assert {s.article for s in got.sentences} == {"renamed"} and {e.article for e in got.entities} == {"renamed"}


def test_order_and_progress_with_partial_hits(tmp_path: Path) -> None:
    calls: list[str] = []
    arts = [Article(id=f"x{i}", source=f"{i}", text=f"Story number {i} happened. It was odd.") for i in range(5)]
    with AnnotationCache(tmp_path / "c") as store:
        annotate_cached([arts[1], arts[3]], fake_annotate(calls), cache=store)
        seen: list[str] = []
        out = annotate_cached(arts, fake_annotate(calls), cache=store, on_article=lambda a: seen.append(a.id))
    assert [d.article.id for d in out] == [a.id for a in arts]
    assert calls == ["x1", "x3", "x0", "x2", "x4"]
    assert sorted(seen) == sorted(a.id for a in arts)


def test_version_key(tmp_path: Path) -> None:
    calls: list[str] = []
    a = Article(id="a", source="a.txt", text=TEXT)
    with AnnotationCache(tmp_path / "c", version="v1") as one:
        annotate_cached([a], fake_annotate(calls), cache=one)
    with AnnotationCache(tmp_path / "c", version="v2") as two:
        assert two.get(a) is None  # written under another version: never read
    with AnnotationCache(tmp_path / "c", version="v1") as one_again:
        assert one_again.get(a) is not None
    v = cache_version()
    import newsweave

    assert f"nw{newsweave.__version__}/" in v and "spacy3." in v and "en_core_web_sm" in v and "/src" in v


def test_version_follows_annotator_source(monkeypatch) -> None:
    before = cache_mod._sources_hash()
    monkeypatch.setattr(cache_mod, "_sources_hash", lambda: "edited")
    cache_mod.cache_version.cache_clear()
    try:
        assert "srcedited" in cache_mod.cache_version() and before != "edited"
    finally:
        cache_mod.cache_version.cache_clear()


def test_bounded_size(tmp_path: Path) -> None:
    calls: list[str] = []
    with AnnotationCache(tmp_path / "c", max_bytes=20_000) as store:
        arts = [Article(id=f"a{i}", source=str(i), text=f"Item {i} " + "word " * 300) for i in range(40)]
        for art in arts:
            annotate_cached([art], fake_annotate(calls), cache=store)
        store.prune()
        stats = store.stats()
        assert 0 < stats["bytes"] <= 20_000
        assert store.get(arts[-1]) is not None and store.get(arts[0]) is None  # least recently used went first


def test_disabled_and_default_dir(tmp_path: Path, monkeypatch) -> None:
    store = default_cache()
    assert store is not None and store.directory == tmp_path / "cache"
    monkeypatch.setenv("NEWSWEAVE_CACHE", "0")
    assert default_cache() is None
    calls: list[str] = []
    a = Article(id="a", source="a.txt", text=TEXT)
    annotate_cached([a], fake_annotate(calls))
    annotate_cached([a], fake_annotate(calls))
    assert calls == ["a", "a"]


def test_corrupt_cache_is_a_miss(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "annotations.sqlite").write_bytes(b"this is not a database" * 100)
    calls: list[str] = []
    with AnnotationCache(folder) as store:
        out = annotate_cached([Article(id="a", source="a", text=TEXT)], fake_annotate(calls), cache=store)
    assert calls == ["a"] and out[0].sentences


def test_real_annotations_round_trip(tmp_path: Path) -> None:
    from newsweave.annotate import annotate

    arts = [Article(id="a", source="a", text=TEXT + "\n\nCaptain Mira Solberg said: \"The tide fell fast.\"",
                    published="2024-03-05")]
    fresh = annotate(arts)
    with AnnotationCache(tmp_path / "c") as store:
        store.put_many(fresh)
        (cached,) = store.get_many(arts)
    assert cached is not None
    for name in ("sentences", "entities", "timexes", "quantities", "quotes"):
        if hasattr(fresh[0], name):
            assert getattr(cached, name) == getattr(fresh[0], name), name


def test_cached_object(tmp_path: Path, monkeypatch) -> None:
    from newsweave.annotate.cache import cached_object

    built: list[int] = []

    def build():
        built.append(1)
        return {"Springfield": 42}

    assert cached_object("gaz", build, key="v1") == {"Springfield": 42}
    assert cached_object("gaz", build, key="v1") == {"Springfield": 42}
    assert len(built) == 1
    assert cached_object("gaz", build, key="v2") == {"Springfield": 42}  # another key: rebuilt, the old file replaced
    assert len(built) == 2 and len(list((tmp_path / "cache" / "objects").glob("gaz-*.pkl"))) == 1
    monkeypatch.setenv("NEWSWEAVE_CACHE", "0")
    cached_object("gaz", build, key="v2")
    assert len(built) == 3


def test_cached_object_under_a_models_root_ignores_the_annotation_cache_switch(tmp_path: Path, monkeypatch) -> None:
    from newsweave.annotate.cache import cached_object

    built: list[int] = []

    def build():
        built.append(1)
        return [1, 2, 3]

    monkeypatch.setenv("NEWSWEAVE_CACHE", "0")
    root = tmp_path / "models"
    assert cached_object("gaz", build, key="v1", root=root) == [1, 2, 3]
    assert cached_object("gaz", build, key="v1", root=root) == [1, 2, 3]
    assert len(built) == 1 and len(list((root / "objects").glob("gaz-*.pkl"))) == 1


def test_gazetteer_lives_under_the_models_root(tmp_path: Path, monkeypatch) -> None:
    from newsweave.annotate import entities

    monkeypatch.setenv("NEWSWEAVE_MODEL_DIR", str(tmp_path))
    entities._gazetteer.cache_clear()
    try:
        gaz = entities._gazetteer()
        assert gaz.country("Azerbaijan") == "Azerbaijan" and gaz.cities("Springfield")
        assert list((tmp_path / "objects").glob("gazetteer-*.pkl"))
    finally:
        entities._gazetteer.cache_clear()
