"""No module of the package binds one top-level name twice, unless the second binding extends the first
("XCOMP_VERBS = XCOMP_VERBS | _MORE_XCOMP"). A second, unrelated "_FRACTION_AFTER = ..." far down a long module
silently replaces the first for every function that reads it."""

from __future__ import annotations

import ast
from pathlib import Path

import newsweave

PACKAGE = Path(newsweave.__file__).parent


def _rebound(tree: ast.Module) -> list[tuple[str, int]]:
    """(name, line) of each second binding that does not extend the first, directly or through a name bound from it
    ("_OBJECT_BASE = OBJECT_VERBS | _MORE_OBJECT" then "OBJECT_VERBS = _OBJECT_BASE | ...")."""
    seen: dict[str, int] = {}
    reads: dict[str, set[str]] = {}  # name -> the names its binding reads
    out = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names, value = [node.name], None
        elif isinstance(node, ast.Assign):
            names, value = [t.id for t in node.targets if isinstance(t, ast.Name)], node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names, value = [node.target.id], node.value
        else:
            continue
        read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
        for name in names:
            extends = name in read or any(name in reads.get(r, ()) for r in read)
            if name in seen and not extends:
                out.append((name, node.lineno))
            seen.setdefault(name, node.lineno)
            reads[name] = read
    return out


def test_no_module_binds_a_top_level_name_twice():
    found = {str(path.relative_to(PACKAGE)): rebound for path in sorted(PACKAGE.rglob("*.py"))
             if (rebound := _rebound(ast.parse(path.read_text(encoding="utf-8"))))}
    assert not found, found


def test_the_check_sees_a_second_binding():
    tree = ast.parse("A = 1\nB = A | 2\nB = B | 3\nC = A | 5\nA = C | 6\ndef f(): pass\nA = 4\n")
    assert _rebound(tree) == [("A", 7)]
