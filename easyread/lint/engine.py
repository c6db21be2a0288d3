"""Run every enabled rule over a report and collect the findings in file order."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.lint.findings import Finding
from easyread.lint.precedence import one_per_problem
from easyread.lint.rules import LintContext, all_rules
from easyread.lint.rules.base import SharedState
from easyread.lint.settings import LintSettings, load_settings
from easyread.lint.suppress import Suppressions, section_suppressions
from easyread.model import Report

if TYPE_CHECKING:
    from easyread.glossary import Glossary


def lint_report(
    report: Report, settings: LintSettings | None = None, glossary: Glossary | None = None
) -> list[Finding]:
    """All findings for `report`, sorted by path, line and column.

    `glossary` is the report's glossary when the caller has loaded it already (the build
    loads it once for lint, the edition and score); otherwise lint loads it."""
    with paused_gc():
        return _lint(report, settings, glossary)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector: lint makes no cycles, and with a model of millions of objects
    every full collection rescans all of them, which made time grow faster than the text."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _lint(
    report: Report, settings: LintSettings | None, glossary: Glossary | None
) -> list[Finding]:
    if settings is None:
        settings = load_settings(report.config)
    shared = SharedState(report)
    if glossary is not None:
        shared.glossary_loaded, shared.glossary_value = True, glossary
    findings: list[Finding] = []
    for rule_class in all_rules().values():
        if not settings.is_enabled(rule_class):
            continue
        context = LintContext(
            report=report,
            rule=rule_class.id,
            options=settings.options_of(rule_class),
            severity=settings.severity_of(rule_class),
            scope=settings.acronym_scope,
            allow_acronyms=settings.allow_acronyms,
            accept=settings.accept,
            shared=shared,
        )
        for finding in rule_class().check(context):
            if finding.severity != context.severity and finding.rule == rule_class.id:
                finding = dataclasses.replace(finding, severity=context.severity)
            findings.append(finding)
    findings = _drop_suppressed(report, findings)
    findings = one_per_problem(findings)
    if settings.accept:
        findings = [item for item in findings if item.text.casefold() not in settings.accept]
    return sorted(set(findings), key=Finding.full_sort_key)


def _drop_suppressed(report: Report, findings: list[Finding]) -> list[Finding]:
    by_path: dict[Path, Suppressions] = {}
    for section in report.sections:
        if section.comments:
            by_path[section.path] = section_suppressions(section)
    if not by_path:
        return findings
    return [
        finding
        for finding in findings
        if finding.path not in by_path or not by_path[finding.path].hides(finding)
    ]
