"""A memoized rule lemmatizer for spaCy's English pipeline, with the same lemmas.

spaCy's rule lemmatizer walks every token in Python and caches only some answers: a proper noun, a
punctuation mark or a base form is worked out again every time it occurs (``is_base_form`` reads the
token's morphology each time). On news text that made the lemmatizer about a tenth of the pipeline's time.
A rule lemma depends only on the token's (ORTH, POS, MORPH), so this version reads those three, with the
lemma the attribute ruler may already have set, in C through ``Doc.to_array``, asks the stock
``lemmatize`` once per distinct key and writes all lemmas back with ``Doc.from_array``.
The misses were the dearer part: the English lookup tables hold each part of speech's known lemmas as a
list (57,528 nouns), and ``form in index`` scanned that list for every candidate form. They become frozensets
here, which answer ``in`` the same way in constant time.
``tests/test_fast_lemmatizer.py`` checks the lemmas token for token against the stock component.

Only the configuration the English model ships with is changed (mode "rule", overwrite off); any other
keeps the stock component.
"""

from __future__ import annotations

from typing import Any

_MAX_MEMO = 200_000  # distinct (orth, pos, morph) keys kept before the memo is cleared


def _memo_call(self: Any, doc: Any) -> Any:
    import numpy
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if not self._validated:  # as the stock __call__: fail clearly when the lookup tables are missing
        from spacy.errors import Errors

        self._validate_tables(Errors.E1004)
    memo: dict = self._newsweave_memo
    if len(memo) > _MAX_MEMO:
        memo.clear()
    try:
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        add = doc.vocab.strings.add
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma:  # set by the attribute ruler: the stock component keeps it too
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = add(self.lemmatize(doc[i])[0])
            lemmas[i] = value
        if len(lemmas):
            doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas.reshape(-1, 1)))
        return doc
    except Exception as e:  # as the stock __call__ does: the pipeline's error handler decides
        self.get_error_handler()(self.name, self, [doc], e)


def speed_up_lemmatizer(nlp, name: str = "lemmatizer") -> bool:
    """Give the pipeline's rule lemmatizer the memoized call. Returns False (and leaves the component as it
    is) when there is no such component or it is configured otherwise than the English model ships it."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    if not hasattr(lemmatizer, "lemmatize"):
        return False
    index_table = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(index_table.keys()):
        if isinstance(index_table[key], list):  # rule_lemmatize only asks `form in index`
            index_table[key] = frozenset(index_table[key])
    stock = type(lemmatizer)
    if getattr(stock, "_newsweave_memoized", False):
        return True
    # Special methods are looked up on the type, so the component gets a subclass whose __call__ is the
    # memoized one (pipe() calls self(doc) per document).
    fast = type("Memo" + stock.__name__, (stock,), {"__call__": _memo_call, "_newsweave_memoized": True})
    lemmatizer._newsweave_memo = {}
    lemmatizer.__class__ = fast
    return True
