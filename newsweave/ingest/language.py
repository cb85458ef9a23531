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


# The commonest English function words: running text in English is full of them, other languages are not.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by it at from his her he she they their have has had were "
    "been be this which said not but are an its will would who after".split()
)
ENGLISH_SHARE = 0.25


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence of ``text`` (first 5,000 characters).

    Text in which a quarter of the words are English function words is English without asking the
    identifier (its model takes half a second to load); anything else goes to py3langid."""
    words = text[:5000].lower().split()
    if len(words) < MIN_WORDS:
        return "en", 0.0
    if sum(w.strip(".,;:!?\"'()“”‘’") in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= ENGLISH_SHARE:
        return "en", 1.0
    lang, prob = _identifier().classify(text[:5000])
    return str(lang), float(prob)
