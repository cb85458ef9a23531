"""Language identification: English is recognised by its function words; anything else goes to py3langid
(a model shipped inside the package, no download).

py3langid's model is large in memory (a byte automaton of 39 MB and a feature-by-language table of 28 MB),
so it is consulted only for texts that look like another language, its arrays are memory-mapped from an
uncompressed copy made once under ``models_root()``, and :func:`release` lets a long-running process (a
batch worker) drop it between stories.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Below this many words the identifier is unreliable: such texts are kept and marked as English.
MIN_WORDS = 12
MIN_CONFIDENCE = 0.9

# The commonest English function words: running text in English is full of them, other languages are not.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by it at from his her he she they their have has had were "
    "been be this which said not but are an its will would who after".split()
)
ENGLISH_SHARE = 0.25
# Second look, with spaCy's stop-word lists: English when its stop words are at least this share of the words
# and twice as common as those of any other language with a list; and, when no language reaches
# NO_LANGUAGE_SHARE, the text has no running prose in any language we can tell (a list, a table, a photo
# credit dump): it is kept as English with confidence 0, as short texts are.
ENGLISH_STOP_SHARE = 0.1
NO_LANGUAGE_SHARE = 0.1
# Languages written in Latin script whose spaCy stop-word lists are compared with English's; text mostly in
# another script always goes to the identifier.
_LATIN_SCRIPT_LANGUAGES = ("af", "ca", "cs", "da", "de", "es", "et", "eu", "fi", "fr", "ga", "hr", "hu", "id",
                           "is", "it", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sq", "sv", "tl", "tr")
NON_LATIN_SHARE = 0.2
_STRIP = ".,;:!?\"'()“”‘’"
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    """spaCy's stop-word list of each language, read from its ``stop_words.py`` alone: importing
    ``spacy.lang.fr.stop_words`` would first run ``spacy.lang.fr``, whose tokenizer exceptions compile
    regular expressions for seconds."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return {}
    root = Path(next(iter(spec.submodule_search_locations))) / "lang"
    out = {}
    for code in ("en", *_LATIN_SCRIPT_LANGUAGES):
        path = root / code / "stop_words.py"
        try:
            module_spec = importlib.util.spec_from_file_location(f"_newsweave_stop_words_{code}", path)
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            out[code] = frozenset(module.STOP_WORDS)
        except (OSError, ImportError, AttributeError, SyntaxError):
            continue
    return out


def _non_latin_share(text: str) -> float:
    letters = _LETTER.findall(text)
    if not letters:
        return 0.0
    return sum(ch > "\u024f" for ch in letters) / len(letters)  # beyond Latin Extended-B


def _english_by_stop_words(words: list[str], sample: str) -> tuple[str, float] | None:
    """("en", confidence) when the stop words settle it, else None (ask the identifier)."""
    if _non_latin_share(sample) >= NON_LATIN_SHARE:
        return None
    stops = _stop_words()
    if "en" not in stops:
        return None
    share = {code: sum(w in s for w in words) / len(words) for code, s in stops.items()}
    english = share.pop("en")
    other = max(share.values(), default=0.0)
    if english >= ENGLISH_STOP_SHARE and english >= 2 * other:
        return "en", 1.0
    if max(english, other) < NO_LANGUAGE_SHARE:
        return "en", 0.0
    return None


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence of ``text`` (first 5,000 characters).

    Text in which a quarter of the words are English function words is English without asking the
    identifier; so is text whose stop words are clearly English's rather than those of another language
    written in Latin script. Anything else goes to py3langid."""
    sample = text[:5000]
    words = sample.lower().split()
    if len(words) < MIN_WORDS:
        return "en", 0.0
    words = [w.strip(_STRIP) for w in words]
    if sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= ENGLISH_SHARE:
        return "en", 1.0
    settled = _english_by_stop_words(words, sample)
    if settled is not None:
        return settled
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def release() -> None:
    """Drop the identifier (its mapped pages go back to the system); the next text that needs it maps it
    again, in a few hundredths of a second."""
    _identifier.cache_clear()


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with its two big arrays memory-mapped (a process holds only the pages its
    texts touch); py3langid's own loading when the mapped copy cannot be made."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        return _mapped_identifier()
    except (OSError, ValueError, KeyError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _mapped_identifier():
    import gc
    import json
    import os
    import shutil
    from importlib import metadata

    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from newsweave.paths import models_root

    folder = models_root() / f"py3langid-{metadata.version('py3langid')}"
    if not (folder / "meta.json").is_file():
        built = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        nextmove = built.tk_nextmove
        if not isinstance(nextmove, np.ndarray):  # an array.array
            nextmove = np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode))
        np.save(tmp / "nextmove.npy", nextmove)
        ptc, pc, classes = built._full_model
        np.save(tmp / "ptc.npy", np.asarray(ptc))
        np.save(tmp / "pc.npy", np.asarray(pc))
        np.save(tmp / "row.npy", np.asarray(built.tk_row, dtype=np.int64))
        np.save(tmp / "output.npy", np.asarray(built.tk_output, dtype=np.int64))
        (tmp / "meta.json").write_text(json.dumps({"classes": list(classes)}), encoding="utf-8")
        del built, nextmove, ptc, pc
        gc.collect()
        try:
            tmp.rename(folder)
        except OSError:  # another process finished first
            shutil.rmtree(tmp, ignore_errors=True)
    classes = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["classes"]
    return LanguageIdentifier(
        np.load(folder / "ptc.npy", mmap_mode="r"), np.load(folder / "pc.npy"), classes,
        np.load(folder / "nextmove.npy", mmap_mode="r"), np.load(folder / "output.npy").tolist(),
        norm_probs=True, tk_row=np.load(folder / "row.npy").tolist(),
    )
