"""easyread lint: check a report against the Easy Read rules and the glossary."""

from __future__ import annotations

from easyread.glossary import Glossary
from easyread.lint.engine import lint_report
from easyread.lint.findings import SEVERITIES, Finding
from easyread.lint.rules import LintContext, Rule, all_rules, get_rule
from easyread.lint.settings import LintSettings, load_settings
from easyread.lint.text import TextPiece, text_pieces
from easyread.model import Report

__all__ = [
    "SEVERITIES",
    "Finding",
    "LintContext",
    "LintSettings",
    "Rule",
    "TextPiece",
    "all_rules",
    "get_rule",
    "lint_added_pages",
    "lint_report",
    "load_settings",
    "summary_for_build",
    "summary_line",
    "text_pieces",
]


def summary_line(findings: list[Finding]) -> str:
    """One plain line: 'Lint: 3 errors, 12 warnings. Run 'easyread lint' to see them.'"""
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    parts = [
        f"{count} {severity}{'' if count == 1 else 's'}"
        for severity, count in counts.items()
        if count
    ]
    if not parts:
        return "Lint: no problems found."
    return f"Lint: {', '.join(parts)}. Run 'easyread lint' to see them."


def summary_for_build(
    report: Report, glossary: Glossary | None = None
) -> tuple[list[Finding], str]:
    """Findings for `easyread build` and a one-line summary to print."""
    findings = lint_report(report, glossary=glossary)
    return findings, summary_line(findings)


# Rules that are about the author's own files, not about the words on a page easyread adds:
# its pictures come with their own records (the credits page), the cover and the contents have
# no picture by design, and review records are for the author's sections.
NOT_FOR_ADDED_PAGES = frozenset(
    {
        "missing-picture",
        "picture-name",
        "picture-place",
        "picture-record",
        "picture-resolution",
        "picture-reuse",
        "changed-since-review",
        "not-reviewed",
    }
)


def lint_added_pages(pages: Report, glossary: Glossary | None = None) -> list[Finding]:
    """Findings for the pages easyread adds (edition.added_pages.added_pages_report): the
    report's own lint settings, less the rules about its own files."""
    settings = load_settings(pages.config)
    settings.disabled |= NOT_FOR_ADDED_PAGES
    settings.accept = settings.accept | {"easyread"}  # the tool's own name, on its credit line
    return lint_report(pages, settings, glossary)
