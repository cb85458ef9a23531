"""A faster match step for spaCy's ``attribute_ruler``, with the same result.

The English pipeline's attribute ruler (tag -> POS map, morphology and lemma exceptions: about 180 rules)
finds its matches with a general ``Matcher``, which costs about a tenth of the whole pipeline's time. Its
patterns are simple: one or two tokens, each a conjunction of tests on LOWER, TAG, DEP or IS_SPACE
(equality, IN, NOT_IN, REGEX). So the rules that fire on a token depend only on that token's
(LOWER, TAG, DEP, IS_SPACE), and that answer is memoized per distinct combination, read in C through
``Doc.to_array``. Matches are returned exactly as ``AttributeRuler.match`` returns them (sorted by rule, then
position), and the stock ``set_annotations`` applies them, so the annotations are the same token for token
(``tests/test_fast_ruler.py`` checks this against the stock matcher).

Any pattern outside that simple shape (another attribute, an operator such as ``OP``) keeps the stock
matcher for the whole ruler.
"""

from __future__ import annotations

import re
from typing import Any

_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the token attributes a compiled pattern may test
_MAX_MEMO = 200_000  # distinct (lower, tag, dep, space) keys kept before the memo is cleared


def _compile_test(value: Any):
    """``(kind, argument)`` for one pattern value: ``("in", frozenset)`` for equality and IN, ``("not_in",
    frozenset)``, ``("regex", pattern)``; or None when unsupported."""
    if isinstance(value, (str, bool)):
        return ("in", frozenset([value]))
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            return ("in", frozenset(arg))
        if op == "NOT_IN" and isinstance(arg, list):
            return ("not_in", frozenset(arg))
        if op == "REGEX" and isinstance(arg, str):
            return ("regex", re.compile(arg))
    return None


def _compile_token(spec: dict) -> list[tuple[int, Any]] | None:
    tests = []
    for key, value in spec.items():
        if key not in _ATTRS:
            return None
        test = _compile_test(value)
        if test is None:
            return None
        tests.append((_ATTRS.index(key), test))
    return tests


class FastRulerMatch:
    """The match step of one ``AttributeRuler``: ``__call__(doc)`` returns what ``ruler.match(doc)`` would.

    Every token position of every pattern is one bit. For each attribute and value, a memoized bit mask says
    which pattern positions that value passes (a position that does not test the attribute always passes);
    a token passes the positions in the AND of its four masks."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        self.supported = True
        rules = []  # (rule id, rule key, [pattern: [tests]])
        for key in ruler.matcher._patterns:  # rule keys, as hashes
            name = ruler.vocab.strings[key]
            compiled = []
            for pattern in ruler.matcher.get(name)[1]:
                tokens = [_compile_token(spec) for spec in pattern]
                if not pattern or any(t is None for t in tokens):
                    self.supported = False
                    return
                compiled.append(tokens)
            rules.append((int(name), name, compiled))
        rules.sort(key=lambda r: r[0])
        self.rule_ids = [r[0] for r in rules]
        self.rule_names = [r[1] for r in rules]
        # one bit per (rule, pattern, position); for each attribute, the bits that test it, with their test
        self.positions: list[tuple[int, int, int, int]] = []  # bit -> (rule index, pattern index, position, length)
        self.tests: list[list[tuple[int, Any]]] = [[] for _ in _ATTRS]
        free = [0] * len(_ATTRS)  # bits that do not test the attribute
        for r, (_, _, patterns) in enumerate(rules):
            for p, tokens in enumerate(patterns):
                for pos, tests in enumerate(tokens):
                    bit = 1 << len(self.positions)
                    self.positions.append((r, p, pos, len(tokens)))
                    tested = {i for i, _ in tests}
                    for i in range(len(_ATTRS)):
                        if i not in tested:
                            free[i] |= bit
                    for i, test in tests:
                        self.tests[i].append((bit, test))
        self.free = free
        # per attribute: bits whose IN-set holds a value; bits of NOT_IN tests, and per value the ones whose
        # set holds it; regex tests, run on each new value
        self.in_bits: list[dict[Any, int]] = [{} for _ in _ATTRS]
        self.not_in_all = [0] * len(_ATTRS)
        self.not_in_bits: list[dict[Any, int]] = [{} for _ in _ATTRS]
        self.regex_tests: list[list[tuple[int, Any]]] = [[] for _ in _ATTRS]
        for i, tests in enumerate(self.tests):
            for bit, (kind, arg) in tests:
                if kind == "in":
                    for v in arg:
                        self.in_bits[i][v] = self.in_bits[i].get(v, 0) | bit
                elif kind == "not_in":
                    self.not_in_all[i] |= bit
                    for v in arg:
                        self.not_in_bits[i][v] = self.not_in_bits[i].get(v, 0) | bit
                else:
                    self.regex_tests[i].append((bit, arg))
        # bits of the first position of patterns longer than one token: where a match may start
        self.first_bits = sum(1 << b for b, (_, _, pos, length) in enumerate(self.positions) if pos == 0 and length > 1)
        self.value_masks: list[dict[Any, int]] = [{} for _ in _ATTRS]
        self._memo: dict[tuple[int, int, int, int], tuple[tuple[int, ...], int]] = {}

    def _mask(self, attr: int, value: Any) -> int:
        masks = self.value_masks[attr]
        mask = masks.get(value)
        if mask is None:
            # equality, IN and NOT_IN compare any value; REGEX reads strings only, as the Matcher does
            mask = self.free[attr] | self.in_bits[attr].get(value, 0)
            mask |= self.not_in_all[attr] & ~self.not_in_bits[attr].get(value, 0)
            if isinstance(value, str):
                for bit, rx in self.regex_tests[attr]:
                    if rx.search(value) is not None:
                        mask |= bit
            masks[value] = mask
        return mask

    def _token(self, values: tuple) -> tuple[tuple[int, ...], int]:
        """(rules whose one-token pattern matches, bits of the positions of longer patterns that match) for a
        token with these (lower, tag, dep, space) values."""
        mask = -1
        for i, value in enumerate(values):
            mask &= self._mask(i, value)
        single, partial = set(), 0
        bit_index = 0
        while mask:
            if mask & 1:
                r, _, _, length = self.positions[bit_index]
                if length == 1:
                    single.add(r)
                else:
                    partial |= 1 << bit_index
            mask >>= 1
            bit_index += 1
        return tuple(sorted(single)), partial

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        if not self.supported or not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return self.ruler.matcher_match(doc)
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        strings = doc.vocab.strings
        memo = self._memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
            for masks in self.value_masks:
                masks.clear()
        singles: list[tuple[int, ...]] = []
        partials: list[int] = []
        for key in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist():
            key = tuple(key)
            hit = memo.get(key)
            if hit is None:
                lower, tag, dep, space = key
                # a missing tag or dep reads as "" (Matcher, allow_missing)
                hit = memo[key] = self._token((strings[lower], strings[tag] if tag else "",
                                               strings[dep] if dep else "", bool(space)))
            singles.append(hit[0])
            partials.append(hit[1])
        by_rule: list[list[tuple[int, int]]] = [[] for _ in self.rule_ids]
        for i, single in enumerate(singles):
            for r in single:
                by_rule[r].append((i, i + 1))
        n = len(partials)
        first_bits = self.first_bits
        for i, bits in enumerate(partials):
            bits &= first_bits
            while bits:
                low = bits & -bits
                bit_index = low.bit_length() - 1
                bits ^= low
                r, p, pos, length = self.positions[bit_index]
                # a match starts here when the pattern's first position matches here and each later
                # position matches the token that far on (that position's bit is bit_index + k)
                if i + length <= n and all(partials[i + k] >> (bit_index + k) & 1 for k in range(1, length)):
                    by_rule[r].append((i, i + length))
        out = []
        for r, spans in enumerate(by_rule):
            if spans:
                key = strings.add(self.rule_names[r])
                rule_id = self.rule_ids[r]
                out.extend((rule_id, key, s, e) for s, e in sorted(set(spans)))
        return out


def speed_up_attribute_ruler(nlp, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the fast match step. Returns False (and leaves the ruler as it
    is) when the pipeline has no such component or its patterns are of a shape the fast step does not read."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not hasattr(ruler, "matcher") or not hasattr(ruler, "match"):
        return False
    fast = FastRulerMatch(ruler)
    if not fast.supported:
        return False
    ruler.matcher_match = ruler.match  # the stock step, kept for docs the fast one cannot read
    ruler.match = fast  # AttributeRuler.__call__ calls self.match(doc)
    return True
