"""Lint settings from the [lint] table of easyread.toml, checked with errors that point at the line.

[lint]
disable = ["semicolon"]          # rules off
enable = ["some-rule"]           # rules that are off by default, on
fail-on = "warning"              # error | warning | info | never
acronym-scope = "document"       # or "section"
allow-acronyms = ["NHS", "GP"]   # acronyms nearly everyone knows
accept = ["care home"]           # text that is never flagged

[lint.long-sentence]
max-words = 20
severity = "error"
enabled = true
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easyread.config import ReportConfig, toml_line, toml_lines
from easyread.errors import ConfigError
from easyread.lint.findings import SEVERITIES
from easyread.lint.rules import Rule, all_rules

FAIL_LEVELS = (*SEVERITIES, "never")
DEFAULT_FAIL_ON = "warning"
SCOPES = ("document", "section")
TOP_KEYS = ("disable", "enable", "fail-on", "acronym-scope", "allow-acronyms", "accept")
RULE_KEYS = ("enabled", "severity")


@dataclass(slots=True)
class LintSettings:
    disabled: set[str] = field(default_factory=set)
    enabled: set[str] = field(default_factory=set)
    severities: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = DEFAULT_FAIL_ON
    acronym_scope: str = "document"
    allow_acronyms: frozenset[str] = frozenset()
    accept: frozenset[str] = frozenset()  # case-folded

    def is_enabled(self, rule: type[Rule]) -> bool:
        if rule.id in self.disabled:
            return False
        return rule.enabled_by_default or rule.id in self.enabled

    def severity_of(self, rule: type[Rule]) -> str:
        return self.severities.get(rule.id, rule.severity)

    def options_of(self, rule: type[Rule]) -> dict[str, Any]:
        return {**rule.options, **self.options.get(rule.id, {})}


def load_settings(config: ReportConfig | None) -> LintSettings:
    """The [lint] settings of a report (defaults when there is no config or no table)."""
    if config is None:
        return LintSettings()
    table = config.tables.get("lint", {}) or {}
    return settings_from_table(table, config.path)


def settings_from_table(table: dict[str, Any], path: Path | None) -> LintSettings:
    checker = _Checker(path)
    rules = all_rules()
    settings = LintSettings()
    for key, value in table.items():
        if key in rules:
            _rule_table(checker, rules[key], value, settings)
        elif key not in TOP_KEYS:
            checker.unknown(["lint"], key, [*TOP_KEYS, *rules], what="setting")
    settings.disabled |= set(checker.rule_list(table, "disable", rules))
    settings.enabled |= set(checker.rule_list(table, "enable", rules))
    settings.fail_on = checker.choice(table, "fail-on", FAIL_LEVELS, DEFAULT_FAIL_ON)
    settings.acronym_scope = checker.choice(table, "acronym-scope", SCOPES, "document")
    settings.allow_acronyms = frozenset(checker.text_list(table, "allow-acronyms"))
    settings.accept = frozenset(item.casefold() for item in checker.text_list(table, "accept"))
    return settings


def _rule_table(checker: _Checker, rule: type[Rule], value: Any, settings: LintSettings) -> None:
    where = ["lint", rule.id]
    if not isinstance(value, dict):
        raise checker.error(
            where, rule.id, f"'{rule.id}' must be a table", f"write it as [lint.{rule.id}]"
        )
    options: dict[str, Any] = {}
    for key, item in value.items():
        if key == "enabled":
            if not isinstance(item, bool):
                raise checker.error(
                    where, key, "'enabled' must be true or false", "enabled = false"
                )
            if item:
                settings.enabled.add(rule.id)
            else:
                settings.disabled.add(rule.id)
        elif key == "severity":
            settings.severities[rule.id] = checker.choice(value, key, SEVERITIES, "", where)
        elif key in rule.options:
            options[key] = checker.same_type(where, key, item, rule.options[key])
        else:
            checker.unknown(where, key, [*RULE_KEYS, *rule.options], what="setting")
    settings.options[rule.id] = options


class _Checker:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = toml_lines(self.path)
        return self._lines

    def line_of(self, table: list[str], key: str) -> int | None:
        """The line of `key` inside [table], or of the table header, or of the key anywhere."""
        return toml_line(self.lines, key, table)

    def error(self, table: list[str], key: str, message: str, hint: str) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.line_of(table, key), hint=hint)

    def unknown(self, table: list[str], key: str, choices: list[str], *, what: str) -> None:
        close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "remove it or fix its spelling"
        name = ".".join(table)
        raise self.error(table, key, f"unknown {what} '{key}' in [{name}]", hint)

    def rule_list(self, table: dict[str, Any], key: str, rules: dict[str, Any]) -> list[str]:
        names = self.text_list(table, key)
        for name in names:
            if name not in rules:
                close = difflib.get_close_matches(name, list(rules), n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?" if close else "run 'easyread rules' to see them"
                )
                raise self.error(["lint"], key, f"there is no lint rule called '{name}'", hint)
        return names

    def text_list(self, table: dict[str, Any], key: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(
                ["lint"], key, f"'{key}' must be a list of text", f'write it as {key} = ["..."]'
            )
        return [item.strip() for item in value if item.strip()]

    def choice(
        self,
        table: dict[str, Any],
        key: str,
        choices: tuple[str, ...],
        default: str,
        where: list[str] | None = None,
    ) -> str:
        where = where or ["lint"]
        value = table.get(key, default)
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        shown = ", ".join(choices)
        raise self.error(where, key, f"'{key}' cannot be '{value}'", f"use one of: {shown}")

    def same_type(self, table: list[str], key: str, value: Any, default: Any) -> Any:
        if isinstance(default, bool):
            ok = isinstance(value, bool)
            example = "true or false"
        elif isinstance(default, int | float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            example = f"a number, such as {default}"
        elif isinstance(default, str):
            ok = isinstance(value, str)
            example = f'text in quotes, such as "{default}"'
        elif isinstance(default, list):
            ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
            example = 'a list, such as ["..."]'
        else:
            ok, example = True, ""
        if not ok:
            raise self.error(table, key, f"'{key}' must be {example}", f"fix the value of {key}")
        whole = isinstance(value, float) and value.is_integer()
        if isinstance(default, int) and not isinstance(default, bool) and whole:
            return int(value)
        return value
