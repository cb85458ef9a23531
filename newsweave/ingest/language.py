"""Language identification (py3langid: a model shipped inside the package, no download)."""

from __future__ import annotations

from functools import lru_cache

# Below this many words the identifier is unreliable: such texts are kept and marked as English.
MIN_WORDS = 12
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: F401

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence of ``text`` (first 5,000 characters)."""
    if len(text.split()) < MIN_WORDS:
        return "en", 0.0
    lang, prob = _identifier().classify(text[:5000])
    return str(lang), float(prob)
