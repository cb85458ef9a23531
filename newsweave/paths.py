"""Where newsweave keeps what it builds on this machine (shared by the stages, so none imports another's)."""

from __future__ import annotations

import os
from pathlib import Path


def models_root() -> Path:
    """Where models built on this machine are kept (the ONNX encoder, the language identifier's arrays):
    ``$NEWSWEAVE_MODEL_DIR``, else the user cache."""
    root = os.environ.get("NEWSWEAVE_MODEL_DIR")
    if root:
        return Path(root)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsweave" / "models"
