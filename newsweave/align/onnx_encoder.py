"""all-MiniLM-L6-v2 on ONNX Runtime, exported without torch.

The graph is written node by node with ``onnx.helper`` from the same safetensors weights that the numpy
encoder (``newsweave.align.embed``) reads, and computes what it computes:

* embeddings: word + (position + token type 0) -> LayerNorm (eps from config.json, 1e-12);
* 6 BERT layers: Q/K/V ``MatMul + Add``, ``Reshape``/``Transpose`` to 12 heads of 32, scores divided by
  sqrt(32), the Hugging Face additive mask ``(1 - mask) * finfo(float32).min``, ``Softmax``, output
  projection, residual ``Add`` + ``LayerNormalization``; exact-erf GELU (``x * 0.5 * (1 + erf(x / sqrt 2))``)
  in the feed-forward block;
* mean pooling over the attention mask (counts clamped at 1e-9) and L2 normalisation (norm clamped at
  1e-12), inside the graph: the output is ``embeddings [batch, 384]``, unit rows.

The node pattern is the one Hugging Face's BERT exports have, so ONNX Runtime fuses it at session creation
(LayerNormalization, Gelu, MatMul + bias) and its offline transformer optimizer (``optimize_onnx``) finds
every Attention / SkipLayerNormalization / BiasGelu block. The offline optimizer is NOT part of ``build``:
on the development machine (2-core AVX2 EPYC, no VNNI) it did not make either the fp32 or the int8 model
faster (fp32 189 vs 204 sentences/s, int8 299 vs 303), and it needs ``sympy``.

Files (``build``): ``model_fp32.onnx`` (the plain export, opset 17, standard ops only) and
``model_int8.onnx`` (``quantize_dynamic`` of it: MatMul weights and the word-embedding table int8,
symmetric per output channel; activations quantized per tensor, per batch, at run time), plus
``tokenizer.json`` and ``meta.json``. They are built once into ``model_dir()`` (``$NEWSWEAVE_MODEL_DIR`` or
``~/.cache/newsweave/models``) by ``python -m newsweave.align.onnx_encoder build`` (``make setup``) or on
first use (a few seconds).

Quality of int8: dynamic int8 is approximate. On 1,000 DUC 2004 sentences the int8 vectors have cosine
0.970 (min) / 0.9915 (mean) with the exact ones, and sentence-pair cosines move by 0.010 on average (0.05
at most): per-tensor activation quantization is what costs most (per-tensor weights were much worse, min
0.86; reduce_range and QUInt8 weights did not help; leaving the six FFN down-projections in fp32 gives min
0.980 / mean 0.995 for ~20 % of the speed). Also, as activation ranges are taken per batch, an int8 vector
depends slightly on the other sentences of its batch (the fp32 model does not).

Exactness and speed are measured by ``bench/embed_onnx.py`` (``bench/results/embed_onnx.md``) and pinned by
``tests/test_onnx_encoder.py``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsweave.align.embed import (EMBED_DIM, BatchPool, _default_threads, _read_json, default_model_path, length_sorted_batches,
                                    models_root, padded_batch, token_ids)

__all__ = ["OnnxEncoder", "export_onnx", "quantize_onnx", "optimize_onnx", "build", "model_dir", "get_onnx_encoder", "OPSET"]

MODEL_NAME = "minilm-l6-v2-onnx"
OPSET = 17
_FORMAT_VERSION = "1"  # bump when the graph or the quantization recipe changes
FP32_FILE = "model_fp32.onnx"
INT8_FILE = "model_int8.onnx"
_MAX_TOKENS = 16 * 256  # rows * padded length per batch: bounds the activations (and the RSS they leave)


# --------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------
def _load_weights(model_path: Path) -> tuple[dict[str, np.ndarray], dict]:
    from safetensors.numpy import load_file  # noqa: PLC0415

    if not (model_path / "model.safetensors").is_file():
        raise FileNotFoundError(f"no model.safetensors in {model_path}")
    config = _read_json(model_path / "config.json")
    if config.get("model_type", "bert") != "bert":
        raise ValueError(f"unsupported model_type {config.get('model_type')!r}")
    if config.get("hidden_act", "gelu") != "gelu":
        raise ValueError(f"unsupported hidden_act {config.get('hidden_act')!r} (only exact gelu)")
    pooling = _read_json(model_path / "1_Pooling" / "config.json", {"pooling_mode_mean_tokens": True})
    other = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v and k != "pooling_mode_mean_tokens"]
    if not pooling.get("pooling_mode_mean_tokens", False) or other:
        raise ValueError(f"only mean pooling is implemented, got {pooling}")
    return load_file(str(model_path / "model.safetensors")), config


def export_onnx(path: str | Path, model_path: str | Path | None = None) -> Path:
    """Write the fp32 ONNX graph of the sentence encoder (BERT + mean pooling + L2 norm) to ``path``.

    Inputs ``input_ids`` and ``attention_mask`` (int64, ``[batch, seq]``, padding id 0, seq <= 512);
    output ``embeddings`` (float32, ``[batch, 384]``, unit rows). Weights are initializers.
    """
    import onnx  # noqa: PLC0415
    from onnx import TensorProto, helper, numpy_helper  # noqa: PLC0415

    model_path = Path(model_path) if model_path is not None else default_model_path()
    weights, config = _load_weights(model_path)
    hidden = int(config["hidden_size"])
    n_heads = int(config["num_attention_heads"])
    head_dim = hidden // n_heads
    eps = float(config.get("layer_norm_eps", 1e-12))
    normalize = True
    modules_path = model_path / "modules.json"
    if modules_path.is_file():
        modules = json.loads(modules_path.read_text(encoding="utf-8"))
        normalize = any(m.get("type", "").endswith(".Normalize") for m in modules)
    pre = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    f32 = np.float32

    def w(name: str) -> np.ndarray:
        return np.ascontiguousarray(weights[pre + name], dtype=f32)

    inits: list = []
    nodes: list = []

    def const(name: str, value) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    # shared constants
    c_one = const("const_one", f32(1.0))
    c_half = const("const_half", f32(0.5))
    c_sqrt2 = const("const_sqrt2", f32(math.sqrt(2.0)))
    c_scale = const("const_sqrt_head_dim", f32(math.sqrt(head_dim)))
    c_min = const("const_mask_min", f32(np.finfo(f32).min))
    c_heads_shape = const("const_heads_shape", np.array([0, 0, n_heads, head_dim], dtype=np.int64))
    c_hidden_shape = const("const_hidden_shape", np.array([0, 0, hidden], dtype=np.int64))
    c_axes_1 = const("const_axes_1", np.array([1], dtype=np.int64))
    c_axes_m1 = const("const_axes_m1", np.array([-1], dtype=np.int64))
    c_zero1 = const("const_zero_1d", np.array([0], dtype=np.int64))
    c_eps_count = const("const_count_eps", f32(1e-9))
    c_eps_norm = const("const_norm_eps", f32(1e-12))

    # ---- embeddings: word + (position + token type 0), LayerNorm
    const("word_embeddings", w("embeddings.word_embeddings.weight"))
    # token type is always 0 for a single sentence: folded into the position table (as embed.py does)
    const("position_type_embeddings",
          w("embeddings.position_embeddings.weight") + w("embeddings.token_type_embeddings.weight")[0])
    const("emb_ln_w", w("embeddings.LayerNorm.weight"))
    const("emb_ln_b", w("embeddings.LayerNorm.bias"))
    node("Gather", ["word_embeddings", "input_ids"], "word_emb", axis=0)
    node("Shape", ["input_ids"], "seq_len", start=1, end=2)
    node("Slice", ["position_type_embeddings", c_zero1, "seq_len", c_zero1], "pos_emb")
    node("Add", ["word_emb", "pos_emb"], "emb_sum")
    x = node("LayerNormalization", ["emb_sum", "emb_ln_w", "emb_ln_b"], "emb_out", axis=-1, epsilon=eps)

    # ---- additive attention mask, as Hugging Face: (1 - mask[:, None, None, :]) * finfo.min
    # (two Unsqueeze nodes, as torch exports it: the pattern ORT's attention fusion matches)
    node("Unsqueeze", ["attention_mask", c_axes_1], "mask_3d_a")
    node("Unsqueeze", ["mask_3d_a", c_axes_1], "mask_4d")
    node("Cast", ["mask_4d"], "mask_4d_f", to=TensorProto.FLOAT)
    node("Sub", [c_one, "mask_4d_f"], "mask_inv")
    mask_bias = node("Mul", ["mask_inv", c_min], "mask_bias")

    def linear(inp: str, wname: str, bname: str, out: str, weight: np.ndarray, bias: np.ndarray) -> str:
        const(wname, np.ascontiguousarray(weight.T))  # torch Linear is x @ W.T
        const(bname, bias)
        node("MatMul", [inp, wname], out + "_mm")
        return node("Add", [out + "_mm", bname], out)

    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        t = f"l{i}_"
        q = linear(x, t + "q_w", t + "q_b", t + "q", w(p + "attention.self.query.weight"),
                   w(p + "attention.self.query.bias"))
        k = linear(x, t + "k_w", t + "k_b", t + "k", w(p + "attention.self.key.weight"),
                   w(p + "attention.self.key.bias"))
        v = linear(x, t + "v_w", t + "v_b", t + "v", w(p + "attention.self.value.weight"),
                   w(p + "attention.self.value.bias"))
        node("Reshape", [q, c_heads_shape], t + "q_r")
        node("Transpose", [t + "q_r"], t + "q_t", perm=[0, 2, 1, 3])
        node("Reshape", [k, c_heads_shape], t + "k_r")
        node("Transpose", [t + "k_r"], t + "k_t", perm=[0, 2, 3, 1])
        node("Reshape", [v, c_heads_shape], t + "v_r")
        node("Transpose", [t + "v_r"], t + "v_t", perm=[0, 2, 1, 3])
        node("MatMul", [t + "q_t", t + "k_t"], t + "scores")
        node("Div", [t + "scores", c_scale], t + "scores_scaled")
        node("Add", [t + "scores_scaled", mask_bias], t + "scores_masked")
        node("Softmax", [t + "scores_masked"], t + "probs", axis=-1)
        node("MatMul", [t + "probs", t + "v_t"], t + "ctx")
        node("Transpose", [t + "ctx"], t + "ctx_t", perm=[0, 2, 1, 3])
        node("Reshape", [t + "ctx_t", c_hidden_shape], t + "ctx_r")
        a = linear(t + "ctx_r", t + "o_w", t + "o_b", t + "attn_out", w(p + "attention.output.dense.weight"),
                   w(p + "attention.output.dense.bias"))
        node("Add", [a, x], t + "attn_res")
        const(t + "ln1_w", w(p + "attention.output.LayerNorm.weight"))
        const(t + "ln1_b", w(p + "attention.output.LayerNorm.bias"))
        x = node("LayerNormalization", [t + "attn_res", t + "ln1_w", t + "ln1_b"], t + "ln1", axis=-1, epsilon=eps)

        h = linear(x, t + "ff1_w", t + "ff1_b", t + "ff1", w(p + "intermediate.dense.weight"),
                   w(p + "intermediate.dense.bias"))
        # exact GELU: x * 0.5 * (1 + erf(x / sqrt(2))) (the form ORT fuses into Gelu / BiasGelu)
        node("Div", [h, c_sqrt2], t + "gelu_div")
        node("Erf", [t + "gelu_div"], t + "gelu_erf")
        node("Add", [t + "gelu_erf", c_one], t + "gelu_add")
        node("Mul", [h, t + "gelu_add"], t + "gelu_mul")
        g = node("Mul", [t + "gelu_mul", c_half], t + "gelu")
        y = linear(g, t + "ff2_w", t + "ff2_b", t + "ff2", w(p + "output.dense.weight"), w(p + "output.dense.bias"))
        node("Add", [y, x], t + "ff_res")
        const(t + "ln2_w", w(p + "output.LayerNorm.weight"))
        const(t + "ln2_b", w(p + "output.LayerNorm.bias"))
        x = node("LayerNormalization", [t + "ff_res", t + "ln2_w", t + "ln2_b"], t + "ln2", axis=-1, epsilon=eps)

    # ---- mean pooling over real tokens, then L2 normalisation
    node("Cast", ["attention_mask"], "mask_f", to=TensorProto.FLOAT)
    node("Unsqueeze", ["mask_f", c_axes_m1], "mask_3d")
    node("Mul", [x, "mask_3d"], "masked_hidden")
    node("ReduceSum", ["masked_hidden", c_axes_1], "sum_hidden", keepdims=0)
    node("ReduceSum", ["mask_f", c_axes_1], "token_count", keepdims=1)
    node("Max", ["token_count", c_eps_count], "token_count_c")
    pooled = node("Div", ["sum_hidden", "token_count_c"], "pooled" if normalize else "embeddings")
    if normalize:
        node("ReduceL2", [pooled], "pooled_norm", axes=[1], keepdims=1)  # opset 17: axes is an attribute
        node("Max", ["pooled_norm", c_eps_norm], "pooled_norm_c")
        node("Div", [pooled, "pooled_norm_c"], "embeddings")

    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", hidden])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="newsweave.align.onnx_encoder", ir_version=8)
    model.doc_string = f"all-MiniLM-L6-v2 sentence encoder (mean pooling, L2-normalised) from {model_path.name}"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save_model(model, str(path))
    onnx.checker.check_model(str(path))  # from the file: no second in-memory serialisation
    return path


def optimize_onnx(src: str | Path, dst: str | Path, config: dict | None = None) -> Path:
    """ORT's offline BERT fusions (Attention, SkipLayerNormalization, BiasGelu) on an ``export_onnx`` graph.

    Not used by ``build`` (no measured gain, see the module docstring); kept to re-measure. Needs ``sympy``
    (ORT's symbolic shape inference). The result holds com.microsoft contrib ops.
    """
    import logging  # noqa: PLC0415

    from onnxruntime.transformers import optimizer  # noqa: PLC0415

    config = config or _read_json(default_model_path() / "config.json")
    # it warns that our producer name is not "pytorch": the node pattern is what matters, and it matches
    log = logging.getLogger("onnxruntime.transformers.optimizer")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        model = optimizer.optimize_model(
            str(src), model_type="bert", num_heads=int(config["num_attention_heads"]),
            hidden_size=int(config["hidden_size"]), opt_level=0, use_gpu=False)
    finally:
        log.setLevel(level)
    stats = model.get_fused_operator_statistics()
    n_layers = int(config["num_hidden_layers"])
    if stats.get("Attention", 0) != n_layers:
        raise RuntimeError(f"ORT's optimizer fused {stats.get('Attention', 0)} of {n_layers} attention blocks")
    model.save_model_to_file(str(dst))
    return Path(dst)


class _quiet_root_warning:
    """Drop one known root-logger warning while quantizing (it suggests an optional pre-processing step)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def filter(self, record) -> bool:
        return not str(record.msg).startswith(self.prefix)

    def __enter__(self):
        import logging  # noqa: PLC0415

        logging.getLogger().addFilter(self)
        return self

    def __exit__(self, *exc) -> None:
        import logging  # noqa: PLC0415

        logging.getLogger().removeFilter(self)


def quantize_onnx(src: str | Path, dst: str | Path, *, weight_type: str = "QInt8", per_channel: bool = False,
                  reduce_range: bool = False, op_types: Sequence[str] | None = None,
                  exclude: Sequence[str] = ()) -> Path:
    """int8 dynamic quantization (weights int8 offline, activations per batch at run time)."""
    from onnx import TensorProto  # noqa: PLC0415
    from onnxruntime.quantization import QuantType, quantize_dynamic  # noqa: PLC0415

    # DefaultTensorType: ONNX shape inference cannot type the outputs of ORT's contrib ops (Attention,
    # SkipLayerNormalization) in the optimized graph; they are all float32 here
    with _quiet_root_warning("Please consider to run pre-processing"):
        quantize_dynamic(str(src), str(dst), weight_type=getattr(QuantType, weight_type), per_channel=per_channel,
                         reduce_range=reduce_range, nodes_to_exclude=list(exclude),
                         op_types_to_quantize=list(op_types) if op_types else None,
                         extra_options={"DefaultTensorType": TensorProto.FLOAT})
    return Path(dst)


# --------------------------------------------------------------------------
# encoder
# --------------------------------------------------------------------------
# Sentences per ONNX Runtime call. Small batches are faster on CPU here: on 600 DUC 2004 sentences with two
# threads, int8 ran 264 / 297 / 280 / 234 sentences/s at batch sizes 1 / 8 / 16 / 32, and fp32 157 / 197 /
# 187 / 159 (less padding, and the activations of a batch stay in cache). The int8 model quantizes its
# activations with one range per call, so in a batch a sentence's embedding moves slightly with its
# companions; one sentence per call makes it a function of the sentence alone (reproducible, and safe to
# cache), for 11 % of the best speed.
BATCH_SIZE = 8
BATCH_SIZE_INT8 = 1


class OnnxEncoder:
    """all-MiniLM-L6-v2 on ONNX Runtime: ``encode(texts) -> (n, 384) float32``, L2-normalised rows.

    ``threads`` (default: the usable cores, at most 8; env ``NEWSWEAVE_EMBED_THREADS``) are used in one
    of two ways (``parallel``):

    * ``"batches"`` (default): the session runs single-threaded and ``threads`` Python threads run whole
      batches concurrently (``InferenceSession.run`` is thread-safe and releases the GIL): independent
      work per core, nothing waits on a lagging thread when other processes hold a core;
    * ``"intra"``: one batch at a time on ORT's own pool of ``threads`` threads (intra-op parallelism,
      spin-waiting disabled).
    """

    def __init__(self, session, tokenizer, max_seq_length: int = 256, path: Path | None = None,
                 threads: int | None = None, parallel: str = "batches") -> None:
        if parallel not in ("batches", "intra"):
            raise ValueError(f"parallel={parallel!r}: 'batches' or 'intra'")
        self.session = session
        self.path = path
        self.dim = EMBED_DIM
        self.max_seq_length = int(max_seq_length)
        self.threads = int(threads or _default_threads())
        self.parallel = parallel
        self.tokenizer = tokenizer
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        self._lock = threading.Lock()  # tokenizers' truncation state is per object
        self._pool = BatchPool("newsweave-onnx")

    @staticmethod
    def session_options(threads: int = 1, spinning: bool = False):
        import onnxruntime as ort  # noqa: PLC0415

        so = ort.SessionOptions()
        so.intra_op_num_threads = max(1, int(threads))
        so.inter_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.log_severity_level = 3
        # Sentence batches change shape every call: ORT's arena and memory patterns then only grow (measured
        # +553 MB after 3,000 sentences, against +199 MB without them, at the same CPU time).
        so.enable_cpu_mem_arena = False
        so.enable_mem_pattern = False
        if not spinning:  # spinning workers burn a shared core while their peer waits for one
            so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return so

    @classmethod
    def load(cls, path: str | Path, tokenizer_path: str | Path | None = None, threads: int | None = None,
             parallel: str = "batches") -> "OnnxEncoder":
        """Load an ``.onnx`` file written by ``build``/``export_onnx`` (or a build folder: its int8 model).

        The tokenizer is ``tokenizer.json`` beside the model, else the packaged model's.
        """
        import onnxruntime as ort  # noqa: PLC0415
        from tokenizers import Tokenizer  # noqa: PLC0415

        path = Path(path)
        if path.is_dir():
            path = path / INT8_FILE
        if not path.is_file():
            raise FileNotFoundError(f"no ONNX model at {path}")
        if tokenizer_path is None:
            tokenizer_path = path.parent / "tokenizer.json"
            if not tokenizer_path.is_file():
                tokenizer_path = default_model_path() / "tokenizer.json"
        meta = _read_json(path.parent / "meta.json", {})
        max_seq_length = int(meta.get("max_seq_length") or 256)
        threads = int(threads or _default_threads())
        so = cls.session_options(threads if parallel == "intra" else 1)
        session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        return cls(session, Tokenizer.from_file(str(tokenizer_path)), max_seq_length=max_seq_length, path=path,
                   threads=threads, parallel=parallel)

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids ([CLS] ... [SEP]) per text, truncated to ``max_seq_length`` (as ``SentenceEncoder``)."""
        return token_ids(self.tokenizer, self._lock, texts)

    @property
    def quantized(self) -> bool:
        return self.path is not None and self.path.name == INT8_FILE

    @property
    def default_batch_size(self) -> int:
        return BATCH_SIZE_INT8 if self.quantized else BATCH_SIZE

    @property
    def deterministic(self) -> bool:
        """Does a text's embedding depend on the text alone (not on what it is batched with)?"""
        return not self.quantized or self.default_batch_size == 1

    @property
    def space(self) -> str:
        """Names the embedding space and how it is computed, for caches of its vectors."""
        where = f"{self.path.parent.name}/{self.path.name}" if self.path is not None else "?"
        return f"onnx:{where}:bs{self.default_batch_size}:len{self.max_seq_length}"

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        """Embed ``texts``: ``(len(texts), 384)`` float32, rows L2-normalised."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of strings, not a single string")
        n = len(texts)
        out = np.zeros((n, self.dim), dtype=np.float32)
        if n == 0:
            return out
        batch_size = max(1, int(batch_size or self.default_batch_size))
        workers = self.threads if self.parallel == "batches" else 1
        batch_size = min(batch_size, -(-n // workers))  # enough batches to keep every worker busy
        ids = self.tokenize(texts)
        lengths, batches = length_sorted_batches(ids, batch_size, lambda L: _MAX_TOKENS // L)

        def run(idx: np.ndarray) -> None:
            tok, mask = padded_batch(ids, idx, int(lengths[idx[0]]))
            out[idx] = self.session.run(None, {"input_ids": tok, "attention_mask": mask})[0]

        if workers == 1 or len(batches) == 1:
            for idx in batches:
                run(idx)
        else:
            self._pool.run_all(run, batches, workers)
        return out


# --------------------------------------------------------------------------
# build cache
# --------------------------------------------------------------------------
def _build_tag() -> str:
    import onnxruntime as ort  # noqa: PLC0415

    try:
        size = (default_model_path() / "model.safetensors").stat().st_size
    except (ImportError, FileNotFoundError):
        size = 0
    key = f"{MODEL_NAME}|{_FORMAT_VERSION}|opset{OPSET}|ort{ort.__version__}|{size}"
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def model_dir() -> Path:
    """Where the ONNX models live: under ``embed.models_root()``, in a versioned subfolder."""
    return models_root() / f"{MODEL_NAME}-v{_FORMAT_VERSION}-{_build_tag()}"


def _is_built(path: Path) -> bool:
    return all((path / f).is_file() for f in (FP32_FILE, INT8_FILE, "tokenizer.json", "meta.json"))


def build(path: Path | None = None, model_path: str | Path | None = None) -> Path:
    """Export, optimize and quantize into ``path`` (atomically: a half-written folder is never loaded)."""
    import onnxruntime as ort  # noqa: PLC0415

    path = Path(path) if path is not None else model_dir()
    src = Path(model_path) if model_path is not None else default_model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=path.parent))
    try:
        t0 = time.perf_counter()
        export_onnx(tmp / FP32_FILE, src)
        quantize_onnx(tmp / FP32_FILE, tmp / INT8_FILE, **_INT8_RECIPE)
        shutil.copyfile(src / "tokenizer.json", tmp / "tokenizer.json")
        st_cfg = _read_json(src / "sentence_bert_config.json", {"max_seq_length": 256})
        meta = {"model": MODEL_NAME, "format_version": _FORMAT_VERSION, "opset": OPSET,
                "onnxruntime": ort.__version__, "source": str(src),
                "max_seq_length": int(st_cfg.get("max_seq_length") or 256),
                "int8_recipe": _INT8_RECIPE, "build_s": round(time.perf_counter() - t0, 2)}
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        tmp.chmod(0o755)  # mkdtemp makes it private
        if path.exists() and not _is_built(path):
            shutil.rmtree(path)  # an incomplete folder (not ours: ours appear whole)
        try:
            tmp.rename(path)
        except OSError:
            if not _is_built(path):  # else another process finished the same build first: keep its files
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return path


# Chosen on 1,000 DUC 2004 sentences (bench/results/embed_onnx.md): QInt8 per channel was the fastest and,
# with QUInt8 per channel, the most exact of the 8 QInt8/QUInt8 x per-tensor/per-channel x reduce_range
# combinations tried (per-tensor: min cosine 0.86-0.94).
_INT8_RECIPE: dict = {"weight_type": "QInt8", "per_channel": True}

_ENCODERS: dict[bool, OnnxEncoder] = {}
_LOCK = threading.Lock()


def get_onnx_encoder(quantized: bool = True) -> OnnxEncoder:
    """Process-wide ONNX encoder (int8 by default, else fp32); the models are built on first use."""
    enc = _ENCODERS.get(quantized)
    if enc is None:
        with _LOCK:
            enc = _ENCODERS.get(quantized)
            if enc is None:
                path = model_dir()
                if not _is_built(path):
                    print(f"newsweave: building the ONNX sentence encoder once into {path} (a few seconds)",
                          file=sys.stderr)
                    build(path)
                enc = OnnxEncoder.load(path / (INT8_FILE if quantized else FP32_FILE))
                _ENCODERS[quantized] = enc
    return enc


if __name__ == "__main__":  # python -m newsweave.align.onnx_encoder build
    if sys.argv[1:] not in ([], ["build"]):
        sys.exit("usage: python -m newsweave.align.onnx_encoder [build]")
    target = model_dir()
    if _is_built(target):
        print(f"ONNX sentence encoder already built: {target}")
    else:
        t = time.perf_counter()
        build(target)
        print(f"built ONNX sentence encoder in {time.perf_counter() - t:.1f} s: {target}")
