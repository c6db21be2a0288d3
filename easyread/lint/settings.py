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

from easyread.config import (
    BOOL,
    LINT,
    MAX_NAME_LENGTH,
    NUMBER,
    TEXT,
    TEXTS,
    ReportConfig,
    Setting,
    SettingsTable,
    checked_table,
    register_rule_tables,
    toml_line,
    toml_lines,
    whole_if_default_is,
)
from easyread.errors import ConfigError
from easyread.lint.findings import SEVERITIES
from easyread.lint.rules import Rule, all_rules

# Declared in the settings schema (easyread.config.LINT).
FAIL_LEVELS = LINT.setting("fail-on").choices
DEFAULT_FAIL_ON = LINT.default_of("fail-on")
SCOPES = LINT.setting("acronym-scope").choices


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
    return settings_from_table(table, config.path, config.lines)


def settings_from_table(
    table: dict[str, Any], path: Path | None, lines: list[str] | None = None
) -> LintSettings:
    """[lint] checked against the settings schema (easyread.config.LINT), and each rule's own
    table against a schema made from the rule. easyread.toml was checked the same way when it
    was read (lint registers these tables with config); a table given here directly was not."""
    lines = lines or toml_lines(path)
    rules = all_rules()
    values = checked_table(LINT, table, path, lines, also_allowed=tuple(rules))
    settings = LintSettings(
        fail_on=values["fail-on"],
        acronym_scope=values["acronym-scope"],
        allow_acronyms=frozenset(values["allow-acronyms"] or ()),
        accept=frozenset(item.casefold() for item in values["accept"]),
    )
    for key, value in table.items():
        if key in rules:
            _rule_table(rules[key], value, settings, path, lines)
    settings.disabled |= set(_rule_names(values, "disable", rules, path, lines))
    settings.enabled |= set(_rule_names(values, "enable", rules, path, lines))
    return settings


def rule_schema(rule: type[Rule]) -> SettingsTable:
    """The settings of [lint.<rule>]: on or off, how serious, and the rule's own options."""
    own = tuple(_option_setting(rule, key, default) for key, default in rule.options.items())
    return SettingsTable(
        f"lint.{rule.id}",
        rule.description,
        (
            Setting("enabled", BOOL, rule.enabled_by_default, "whether the rule runs"),
            Setting("severity", TEXT, rule.severity, "how serious its findings are",
                    max_length=20, choices=SEVERITIES),
            *own,
        ),
    )  # fmt: skip


def _rule_tables() -> dict[str, SettingsTable]:
    return {rule_id: rule_schema(rule) for rule_id, rule in all_rules().items()}


# easyread.toml is checked when it is read, rule tables too: config asks lint for them here.
register_rule_tables(_rule_tables)


def _option_setting(rule: type[Rule], key: str, default: Any) -> Setting:
    """One option of a rule as a setting: its type from its default, its help, and the limits
    or choices the rule declares for it."""
    help_text = rule.option_help.get(key, "")
    if isinstance(default, bool):
        return Setting(key, BOOL, default, help_text)
    if isinstance(default, int | float):
        low, high = rule.option_limits.get(key, (None, None))
        return Setting(key, NUMBER, default, help_text, low=low, high=high, example=f"{default}")
    if isinstance(default, list):
        return Setting(key, TEXTS, default, help_text)
    choices = rule.option_choices.get(key, ())
    return Setting(key, TEXT, default, help_text, max_length=MAX_NAME_LENGTH, choices=choices)


def _rule_table(
    rule: type[Rule], value: Any, settings: LintSettings, path: Path | None, lines: list[str]
) -> None:
    if not isinstance(value, dict):
        raise ConfigError(
            f"'{rule.id}' must be a table",
            path=path,
            line=toml_line(lines, rule.id, ["lint", rule.id]),
            hint=f"write it as [lint.{rule.id}]",
        )
    values = checked_table(rule_schema(rule), value, path, lines)
    options: dict[str, Any] = {}
    for key in value:
        if key == "enabled":
            (settings.enabled if values[key] else settings.disabled).add(rule.id)
        elif key == "severity":
            settings.severities[rule.id] = values[key]
        else:
            options[key] = whole_if_default_is(values[key], rule.options[key])
    settings.options[rule.id] = options


def _rule_names(
    values: dict[str, Any], key: str, rules: dict[str, Any], path: Path | None, lines: list[str]
) -> list[str]:
    names: list[str] = values[key]
    for name in names:
        if name not in rules:
            close = difflib.get_close_matches(name, list(rules), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "run 'easyread rules' to see them"
            raise ConfigError(
                f"there is no lint rule called '{name}'",
                path=path,
                line=toml_line(lines, key, ["lint"]),
                hint=hint,
            )
    return names
