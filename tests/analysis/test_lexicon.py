"""The shared word lists: each defined once, in analysis/lexicon.py, and consistent."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis import lexicon

ANALYSIS = Path(__file__).resolve().parents[2] / "analysis"
SHARED = {
    name: value
    for name, value in vars(lexicon).items()
    if name.isupper() and isinstance(value, frozenset) and len(value) > 1
}


def _string_sets(tree: ast.AST) -> list[tuple[int, frozenset[str]]]:
    """Every literal set of strings in a module, and every word_set("…") of a literal."""
    found: list[tuple[int, frozenset[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Set):
            words = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            if len(words) == len(node.elts):
                found.append((node.lineno, frozenset(words)))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "word_set"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, frozenset(str(node.args[0].value).split())))
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for p in ANALYSIS.rglob("*.py") if p.name != "lexicon.py"),
    ids=lambda p: str(p.relative_to(ANALYSIS)),
)
def test_no_module_spells_out_a_shared_list_again(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    copies = [
        f"line {line}: {name}"
        for line, words in _string_sets(tree)
        for name, value in SHARED.items()
        if words == value
    ]
    assert not copies, f"import these from analysis.lexicon instead: {copies}"


def test_the_common_reporting_verbs_are_reporting_verbs() -> None:
    assert lexicon.COMMON_REPORTING_VERBS < lexicon.REPORTING_VERBS


def test_the_subordinators_include_those_that_carry_a_sentence_on() -> None:
    assert lexicon.SENTENCE_GOING_ON < lexicon.SUBORDINATORS


def test_the_closing_marks_are_quote_marks() -> None:
    assert lexicon.CLOSING_QUOTE_MARKS < lexicon.QUOTE_MARKS
