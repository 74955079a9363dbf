"""pyproject.toml declares what the code imports, so any pip installs a working bot."""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib

from tests.test_layering import PACKAGES, ROOT, imports_of, source_files

# Imported only where its extra is installed: the extra that declares it.
EXTRA_IMPORTS = {"simcord": "demo"}


def _requirement_names(requirements: list[str]) -> set[str]:
    """Normalised distribution names of PEP 508 requirement strings."""
    return {_normalise(re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0]) for r in requirements}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        project: dict[str, object] = tomllib.load(file)["project"]
    return project


def _third_party_imports() -> set[str]:
    """Top-level modules the shipped packages import that are neither stdlib nor ours."""
    modules = {m.split(".")[0] for path in source_files() for m in imports_of(path)}
    return {m for m in modules if m not in sys.stdlib_module_names and m not in PACKAGES}


def _distribution_of(module: str) -> str:
    distributions = importlib.metadata.packages_distributions().get(module)
    assert distributions, f"{module} is imported but no installed distribution provides it"
    return _normalise(distributions[0])


def test_every_directly_imported_package_is_a_declared_dependency() -> None:
    project = _project()
    main = _requirement_names(project["dependencies"])  # type: ignore[arg-type]
    extras: dict[str, list[str]] = project["optional-dependencies"]  # type: ignore[assignment]
    missing = []
    for module in sorted(_third_party_imports()):
        extra = EXTRA_IMPORTS.get(module)
        declared = _requirement_names(extras[extra]) if extra else main
        if _distribution_of(module) not in declared:
            missing.append(module)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_lxml_html_clean_is_declared_for_justext() -> None:
    # trafilatura's justext imports lxml.html.clean, a separate project since lxml 5.2; it asks
    # for lxml[html_clean], an extra pip 23 does not match to lxml's "html-clean".
    main = _requirement_names(_project()["dependencies"])  # type: ignore[arg-type]
    assert "lxml-html-clean" in main


def test_the_lock_file_pins_every_main_and_demo_dependency_with_hashes() -> None:
    project = _project()
    extras: dict[str, list[str]] = project["optional-dependencies"]  # type: ignore[assignment]
    wanted = _requirement_names([*project["dependencies"], *extras["demo"]])  # type: ignore[misc]
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {_normalise(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", lock, re.M)}

    assert wanted - pinned == set(), "run `make lock` after changing pyproject's dependencies"
    pins = re.findall(r"^[A-Za-z0-9_.-]+==\S+ \\\n\s+--hash=sha256:", lock, re.M)
    assert len(pins) == len(pinned), "every pin carries its hashes"
