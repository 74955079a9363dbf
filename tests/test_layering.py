"""The layering in DESIGN.md, checked on every import in the code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "intake", "analysis", "storage")
# What each package may import of ours; the composition root may also build the rest.
ALLOWED = {
    "bot": {"bot", "handlers", "analysis.types", "storage.records"},
    "handlers": {"handlers", "intake", "analysis", "storage"},
    "intake": {"intake"},
    "analysis": {"analysis", "intake.article"},
    "storage": {"storage", "analysis.types", "intake.article"},
}
COMPOSITION_ROOT = "bot/composition.py"


def imports_of(path: Path) -> list[str]:
    """Every module a file imports, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def source_files() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def is_allowed(module: str, allowed: set[str]) -> bool:
    return any(module == a or module.startswith(a + ".") for a in allowed)


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_layers(path: Path) -> None:
    relative = path.relative_to(ROOT).as_posix()
    package = relative.split("/")[0]
    ours = [m for m in imports_of(path) if m.split(".")[0] in PACKAGES]
    if relative == COMPOSITION_ROOT:
        return
    wrong = [m for m in ours if not is_allowed(m, ALLOWED[package])]
    assert not wrong, f"{relative} imports {wrong}, outside what {package}/ may import"
    if package != "bot":
        assert not [m for m in imports_of(path) if m.split(".")[0] == "discord"]
    if package != "storage":
        assert not [m for m in imports_of(path) if m.split(".")[0] in ("sqlalchemy", "alembic")]


def test_slash_command_names_are_unique() -> None:
    names: list[str] = []
    for path in (ROOT / "bot" / "exts").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "command":
                names += [k.value.value for k in node.keywords if k.arg == "name"]  # type: ignore[attr-defined]
    assert names and len(names) == len(set(names)), names
