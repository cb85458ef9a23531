"""Which sentence encoder the align and compose stages use, and how its cosines are read.

Four encoders give sentence embeddings of one model, all-MiniLM-L6-v2:

* ``minilm``: a numpy forward pass (``newsweave.align.embed``): the reference, exact to sentence-transformers;
* ``onnx``: the same graph in ONNX Runtime, fp32 (``newsweave.align.onnx_encoder``): as exact, a little faster;
* ``onnx-int8``: that graph with int8 weights: about 1.7x faster on two AVX2 cores, cosines within ~0.01;
* ``static``: a static model distilled from it (``newsweave.align.static``): ~100x faster, much less exact.

Choose with ``$NEWSWEAVE_EMBEDDINGS``; what each costs in quality is in ``bench/results/embed_onnx.md`` and
the alignment benches. The thresholds in align and compose were
set on MiniLM cosines; a static encoder's cosines are mapped onto that scale by a monotone calibration
(``data/static_calibration.json``, made by ``bench/calibrate_static.py`` on development stories).
"""

from __future__ import annotations

import json
import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["ENCODERS", "DEFAULT_ENCODER", "encoder_name", "sentence_encoder"]

ENCODERS = ("minilm", "onnx", "onnx-int8", "static")
DEFAULT_ENCODER = "onnx-int8"
_CALIBRATION = Path(__file__).with_name("data") / "static_calibration.json"


def encoder_name() -> str:
    name = (os.environ.get("NEWSWEAVE_EMBEDDINGS") or DEFAULT_ENCODER).strip().lower()
    if name not in ENCODERS:
        raise ValueError(f"NEWSWEAVE_EMBEDDINGS={name!r}: choose one of {', '.join(ENCODERS)}")
    return name


class _Encoder:
    """``encode(texts) -> (n, dim)`` unit rows; ``calibrate(cosines)`` -> MiniLM-scale cosines."""

    def __init__(self, name: str, model, knots: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.name, self._model, self._knots = name, model, knots
        self.dim = int(model.dim)

    @property
    def deterministic(self) -> bool:
        """Is a text's vector a function of the text alone (not of the texts encoded with it)? Then a vector
        computed once can stand for every later occurrence of the text, bit for bit."""
        return bool(getattr(self._model, "deterministic", False))

    def encode(self, texts) -> np.ndarray:
        """Unit-length embeddings of ``texts``. With the annotation cache on (``NEWSWEAVE_CACHE``) and an
        encoder whose vectors depend on the text alone, vectors are read from and written to the cache, so a
        re-brief encodes only sentences it has not seen (the same vectors, bit for bit)."""
        store = self._store()
        if store is None or len(texts) == 0:
            return self._model.encode(texts)
        texts = list(texts)
        space = self._model.space
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = []
        for i, blob in enumerate(store.get_vectors(space, texts)):
            if blob is not None and len(blob) == 4 * self.dim:
                out[i] = np.frombuffer(blob, dtype=np.float32)
            else:
                missing.append(i)
        if missing:
            todo = list(dict.fromkeys(texts[i] for i in missing))
            fresh = dict(zip(todo, np.asarray(self._model.encode(todo), dtype=np.float32)))
            for i in missing:
                out[i] = fresh[texts[i]]
            store.put_vectors(space, [(t, v.tobytes()) for t, v in fresh.items()])
        return out

    def _store(self):
        if not self.deterministic or not getattr(self._model, "space", None):
            return None
        from newsweave.annotate.cache import default_cache  # noqa: PLC0415

        return default_cache()

    def calibrate(self, cosines):
        if self._knots is None:
            return cosines
        xs, ys = self._knots
        return np.interp(cosines, xs, ys).astype(np.float32)


_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def _load(name: str) -> _Encoder:
    with _LOCK:
        if name == "minilm":
            from newsweave.align.embed import get_encoder  # noqa: PLC0415

            return _Encoder(name, get_encoder())
        if name in ("onnx", "onnx-int8"):
            from newsweave.align.onnx_encoder import get_onnx_encoder  # noqa: PLC0415

            return _Encoder(name, get_onnx_encoder(quantized=name == "onnx-int8"))
        from newsweave.align.static import _recipe_tag, get_static_encoder  # noqa: PLC0415

        table = json.loads(_CALIBRATION.read_text(encoding="utf-8"))
        if table.get("recipe") != _recipe_tag():
            raise RuntimeError(f"{_CALIBRATION.name} was made for another static model recipe "
                               f"({table.get('recipe')} != {_recipe_tag()}): re-run bench/calibrate_static.py")
        knots = (np.asarray(table["static"], dtype=np.float64), np.asarray(table["minilm"], dtype=np.float64))
        return _Encoder(name, get_static_encoder(), knots)


def sentence_encoder() -> _Encoder:
    """The process-wide encoder chosen by ``$NEWSWEAVE_EMBEDDINGS`` (default ``onnx-int8``), loaded once."""
    return _load(encoder_name())
