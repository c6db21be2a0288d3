"""Imports only go down: the floors in docs/architecture.md, checked over the real import graph.

Every `import` and `from ... import` in easyread/ is read with `ast` (also those inside functions
and under TYPE_CHECKING), so an upward import fails here even when it is hidden in a function.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "easyread"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*`([\w.]+)`\s*\|")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. easyread.lint.rules.review
    target: str  # the imported module, e.g. easyread.records.reviews
    path: Path
    line: int


def floors_from_docs(text: str) -> dict[str, int]:
    """Package name -> floor number, from the table in docs/architecture.md."""
    floors: dict[str, int] = {}
    for line in text.splitlines():
        match = _ROW.match(line)
        if match:
            floor, package = int(match.group(1)), match.group(2)
            assert package not in floors, f"docs/architecture.md lists '{package}' twice"
            floors[package] = floor
    return floors


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[Import]:
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            targets = [_absolute(node, package)]
        else:
            continue
        found += [
            Import(module, target, path, node.lineno)
            for target in targets
            if target == "easyread" or target.startswith("easyread.")
        ]
    return found


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def top_package(module: str) -> str:
    """`easyread.lint.rules.review` -> `lint`; the package itself -> `easyread`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "easyread"


def all_imports() -> list[Import]:
    return [item for path in sorted(PACKAGE.rglob("*.py")) for item in imports_of(path)]


def wrong_way(imports: list[Import], floors: dict[str, int]) -> list[str]:
    problems = []
    for item in imports:
        here, there = top_package(item.module), top_package(item.target)
        if here == there or there not in floors or here not in floors:
            continue
        if floors[there] <= floors[here]:
            way = "up" if floors[there] < floors[here] else "sideways"
            problems.append(
                f"{item.path.relative_to(ROOT)}:{item.line} imports {item.target}: "
                f"{here} (floor {floors[here]}) may not import {there} (floor {floors[there]}), "
                f"that is {way}; move what both need down a floor"
            )
    return problems


def test_every_package_has_a_floor() -> None:
    floors = floors_from_docs(ARCHITECTURE.read_text(encoding="utf-8"))
    packages = {top_package(module_name(path)) for path in PACKAGE.rglob("*.py")}
    missing = sorted(packages - set(floors))
    assert not missing, f"give these packages a floor in docs/architecture.md: {missing}"
    gone = sorted(set(floors) - packages)
    assert not gone, f"docs/architecture.md lists packages that do not exist: {gone}"


def test_imports_only_go_down() -> None:
    floors = floors_from_docs(ARCHITECTURE.read_text(encoding="utf-8"))
    problems = wrong_way(all_imports(), floors)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from easyread.review.records import load_records", "up"),
        ("from easyread.score import summary_for_build", "sideways"),
        ("from easyread.model import Report", None),
        ("from . import findings", None),
    ],
)
def test_the_check_sees_upward_and_sideways_imports(source: str, expected: str | None) -> None:
    """The checker itself: a lint module importing review is up, score is sideways."""
    floors = {"review": 2, "lint": 4, "score": 4, "model": 6}
    path = PACKAGE / "lint" / "made_up_for_the_test.py"
    node = ast.parse(f"def later():\n    {source}\n")
    imports = [
        Import("easyread.lint.made_up_for_the_test", target, path, 2)
        for target in _targets(node, "easyread.lint")
    ]
    problems = wrong_way(imports, floors)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and f"that is {expected}" in problems[0]


def _targets(tree: ast.Module, package: str) -> list[str]:
    targets = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            targets.append(_absolute(node, package))
        elif isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
    return targets


def _declared_distributions() -> set[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    return {
        re.split(r"[<>=!~\[; ]", item, maxsplit=1)[0].lower().replace("_", "-") for item in wanted
    }


def test_every_library_easyread_imports_is_declared_in_pyproject() -> None:
    """Each third-party import (top level or inside a function) names a declared package."""
    import importlib.metadata
    import sys

    providers = importlib.metadata.packages_distributions()
    declared = _declared_distributions()
    missing = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "easyread" or top in sys.stdlib_module_names:
                    continue
                packages = {dist.lower().replace("_", "-") for dist in providers.get(top, [])}
                if not packages & declared:
                    missing.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not missing, f"declare these in pyproject.toml: {missing}"
