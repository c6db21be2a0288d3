"""The lint rules. Every module here holds one rule (or a few): the registry finds them all."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from easyread.lint.rules.base import LintContext, Rule

__all__ = ["LintContext", "Rule", "all_rules", "get_rule"]


@cache
def all_rules() -> dict[str, type[Rule]]:
    """Every rule class, by id, sorted by id. A new module in this package is picked up."""
    found: dict[str, type[Rule]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if module_info.name.startswith("_") or module_info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Rule) and value is not Rule and value.id:
                if value.__module__ != module.__name__:
                    continue  # imported from elsewhere, registered there
                if value.id in found and found[value.id] is not value:
                    raise RuntimeError(f"two lint rules have the id '{value.id}'")
                found[value.id] = value
    return dict(sorted(found.items()))


def get_rule(rule_id: str) -> type[Rule] | None:
    return all_rules().get(rule_id)
