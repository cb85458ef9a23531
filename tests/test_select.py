"""Budgeted concept selection (compose/select.py): the exact ILP, its greedy fallback, and the solver's
stray C-level prints kept off stdout."""

import os
from dataclasses import dataclass, field

from newsweave.compose import select as select_mod


@dataclass(eq=False)
class _Unit:
    concepts: frozenset
    words: int
    article: str = "a"
    sentence: int = 0
    bonus: float = 0.0
    facts: tuple = field(default_factory=tuple)
    requires: int | None = None


def test_ilp_beats_greedy_where_gain_per_word_misleads():
    # greedy takes the densest unit first and then only one more fits; the ILP takes the two that cover more
    short = _Unit(frozenset({"x"}), 4, sentence=0)  # 5 per 4 words
    left = _Unit(frozenset({"y", "z"}), 5, sentence=1)  # 6 per 5 words
    right = _Unit(frozenset({"w", "v"}), 5, sentence=2)
    weight = {"x": 5.0, "y": 3.0, "z": 3.0, "w": 3.0, "v": 3.0}
    units = [short, left, right]
    assert select_mod.greedy(units, weight, 10) == [short, left]  # weight 11
    chosen = select_mod.select(units, weight, 10)
    assert set(map(id, chosen)) == {id(left), id(right)}
    assert sum(u.words for u in chosen) <= 10


def test_one_form_per_sentence_and_per_fact():
    whole = _Unit(frozenset({"a", "b"}), 5, sentence=0)
    trimmed = _Unit(frozenset({"a"}), 2, sentence=0)  # a trimmed form of the same sentence
    other_outlet = _Unit(frozenset({"a", "b"}), 5, article="b", sentence=3, facts=("f1",))
    same_fact = _Unit(frozenset({"c"}), 5, article="c", sentence=1, facts=("f1",))
    chosen = select_mod.select([whole, trimmed, other_outlet, same_fact], {"a": 1, "b": 1, "c": 1}, 20)
    assert sum(u.sentence == 0 and u.article == "a" for u in chosen) <= 1
    assert sum("f1" in u.facts for u in chosen) <= 1


def test_a_unit_that_leans_on_its_sentence_before_comes_only_with_it():
    # "He resigned on Friday." is worth the most, but without the sentence that names him it is not taken
    named = _Unit(frozenset({"a"}), 6, sentence=0)
    leaning = _Unit(frozenset({"b", "c"}), 5, sentence=1, requires=0)
    alone = _Unit(frozenset({"d"}), 5, article="z", sentence=4)
    weight = {"a": 1.0, "b": 5.0, "c": 5.0, "d": 2.0}
    assert set(map(id, select_mod.select([named, leaning, alone], weight, 10))) == {id(alone)}
    assert set(map(id, select_mod.select([named, leaning, alone], weight, 11))) == {id(named), id(leaning)}
    assert select_mod.select([leaning, alone], weight, 20) == [alone]  # its sentence before is no candidate
    # the greedy fallback keeps the rule too: the leaning unit only once its sentence before is in
    assert select_mod.greedy([named, leaning, alone], weight, 10) == [alone]
    assert select_mod.greedy([named, leaning], weight, 11) == [named, leaning]
    assert select_mod.greedy([leaning, alone], weight, 20) == [alone]


def test_solver_prints_on_descriptor_1_are_dropped_and_stdout_restored(capfd):
    with select_mod._solver_output_silenced():
        os.write(1, b"HighsMipSolverData::debug line\n")
    os.write(1, b"briefing\n")
    out, err = capfd.readouterr()
    assert out == "briefing\n"
    assert "Highs" not in err


def test_highspy_and_scipy_choose_the_same_units(monkeypatch):
    # the selection solves with highspy when installed, else scipy.optimize.milp: the same HiGHS, the same
    # choices (a tie between equal-value selections could differ; these random problems have none)
    import builtins
    import random
    from types import SimpleNamespace

    from newsweave.compose import select as sel

    rng = random.Random(7)
    real_import = builtins.__import__

    def no_highspy(name, *args, **kwargs):
        if name == "highspy":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    for _ in range(30):
        units = [SimpleNamespace(concepts=set(rng.sample(range(40), rng.randint(1, 6))), words=rng.randint(6, 30),
                                 bonus=rng.random(), article=rng.randint(0, 4), sentence=i,
                                 facts=[rng.randint(0, 8)] if rng.random() < 0.5 else [])
                 for i in range(rng.randint(5, 25))]
        weight = {c: rng.random() * 3 for c in range(40)}
        with_highspy = sel._ilp(units, weight, 80)
        monkeypatch.setattr(builtins, "__import__", no_highspy)
        with_scipy = sel._ilp(units, weight, 80)
        monkeypatch.setattr(builtins, "__import__", real_import)
        assert with_highspy is not None and [id(u) for u in with_highspy] == [id(u) for u in with_scipy]


def test_the_solver_prints_nothing_to_stdout():
    """HiGHS 1.16 prints a banner to file descriptor 1 when constructed; a briefing written to stdout
    (``newsweave brief ... -o -``) must not carry it."""
    import subprocess
    import sys

    code = (
        "from types import SimpleNamespace as U\n"
        "from newsweave.compose.select import select\n"
        "units = [U(concepts={('dam', 'burst'), (str(i), 'x')}, words=5, bonus=0.1, article='a', sentence=i, facts=[])"
        " for i in range(4)]\n"
        "print(len(select(units, {('dam', 'burst'): 1.0, ('0', 'x'): 0.5, ('1', 'x'): 0.4}, 10)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "2\n", out.stdout
