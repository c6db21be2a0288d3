"""`easyread lint` as one library call: read what it is given, lint it, and fix or diff.

The command line parses its arguments, calls `run_lint` and prints what it returns. What it is
given may be report folders, loose Markdown files, standard input ('-') or documents (Word,
OpenDocument, HTML: their findings are moved to the document's own paragraphs).
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from easyread.config import ReportConfig, find_config, load_config
from easyread.errors import SourceError
from easyread.files import command_path
from easyread.importer import ImportedReport, is_importable, read_imported
from easyread.lint import engine, fixer
from easyread.lint.findings import Finding, at_or_above
from easyread.lint.settings import LintSettings, load_settings
from easyread.model import Report
from easyread.reader import read_files, read_report, read_stdin


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What `easyread lint` was asked, besides what to check."""

    config: Path | None = None  # an easyread.toml to use instead of the report's own
    fail_on: str | None = None  # instead of [lint] fail-on
    acronym_scope: str | None = None  # instead of [lint] acronym-scope
    fix: bool = False  # apply the safe fixes to the files
    diff: bool = False  # work out the safe fixes as diffs and change nothing


@dataclass(frozen=True, slots=True)
class LintRun:
    """What one run found. After fixes, `findings` are those of a fresh lint of the files."""

    findings: list[Finding]
    failing: list[Finding]  # at or above each report's fail level
    diffs: tuple[str, ...] = ()  # with diff: one per file the fixes would change
    fixed: int = 0  # with fix: how many problems were fixed
    fixed_files: int = 0  # ... in how many files


@dataclass(slots=True)
class _Target:
    report: Report
    settings: LintSettings

    def report_paths(self) -> set[Path]:
        return {section.path for section in self.report.sections}

    document: ImportedReport | None = None  # a Word, OpenDocument or HTML file checked directly


def run_lint(paths: Sequence[str], options: LintOptions, *, stdin: TextIO | None = None) -> LintRun:
    """Lint `paths` (a report folder when empty: this folder). '-' reads `stdin` (by default
    the process's standard input)."""
    config = load_config(options.config) if options.config else None
    targets = [
        _Target(report, _settings(report, options), document)
        for report, document in _reports(paths, config, stdin)
    ]
    if (options.diff or options.fix) and any(target.document for target in targets):
        raise SourceError(
            "--fix and --diff change Markdown files, not Word or other documents",
            hint="make a report folder with 'easyread import' first, then fix that",
        )
    findings: list[Finding] = []
    failing: list[Finding] = []
    for target in targets:
        found = engine.lint_report(target.report, target.settings)
        if target.document is not None:
            found = in_document(found, target.document)
        findings.extend(found)
        failing.extend(f for f in found if _fails(f, target.settings.fail_on))
    if options.diff or options.fix:
        return _fix(paths, options, targets, LintRun(findings, failing), config, stdin)
    return LintRun(findings, failing)


def _fix(
    paths: Sequence[str],
    options: LintOptions,
    targets: list[_Target],
    found: LintRun,
    config: ReportConfig | None,
    stdin: TextIO | None,
) -> LintRun:
    read_texts = {
        section.path: section.text for target in targets for section in target.report.sections
    }
    safe: list[Finding] = []
    for target in targets:
        mine = [f for f in found.findings if f.fix is not None and f.path in target.report_paths()]
        safe.extend(fixer.checked_fixes(target.report, target.settings, mine))
    plans: list[fixer.FileFix] = []
    for path, file_findings in fixer.fixable(safe).items():
        if path == Path("<stdin>"):
            if not options.diff:
                raise SourceError(
                    "--fix cannot change standard input",
                    hint="use --diff to see the changes, or give the file's name",
                )
            text = read_texts[path]
            plans.append(fixer.plan_text(path, text.encode(), text, file_findings))
            continue
        plans.append(fixer.plan_file(path, file_findings, read_texts.get(path)))
    changed = [plan for plan in plans if plan.changed]
    if options.diff:
        return dataclasses.replace(found, diffs=tuple(plan.diff() for plan in changed))
    roots = {
        section.path: target.report.root for target in targets for section in target.report.sections
    }
    for plan in changed:
        fixer.write_atomically(plan, roots.get(plan.path))
    count = len({id(finding) for plan in changed for finding in plan.applied})
    if not count:
        return found
    # What is left is a fresh lint of the changed files, never a count worked out from the old
    # findings: a fix can move or clear other findings, and a second run must agree.
    fresh: list[Finding] = []
    fresh_failing: list[Finding] = []
    for report, _ in _reports(paths, config, stdin):
        settings = _settings(report, options)
        again = engine.lint_report(report, settings)
        fresh.extend(again)
        fresh_failing.extend(f for f in again if _fails(f, settings.fail_on))
    return LintRun(fresh, fresh_failing, fixed=count, fixed_files=len(changed))


def _fails(finding: Finding, level: str) -> bool:
    return level != "never" and at_or_above(finding.severity, level)


def _settings(report: Report, options: LintOptions) -> LintSettings:
    settings = load_settings(report.config)
    if options.fail_on:
        settings.fail_on = options.fail_on
    if options.acronym_scope:
        settings.acronym_scope = options.acronym_scope
    return settings


# What to do about a finding, said the way a Word or LibreOffice user meets it: the rules speak
# of Markdown marks, which a document checked directly does not have.
_DOCUMENT_SUGGESTIONS = {
    "missing-alt": (
        "Give the picture alt text that says what it shows: in Word, right-click the picture "
        "and choose 'View Alt Text'; in LibreOffice, choose 'Properties' and then 'Options'."
    ),
    "heading-depth": "Use Heading 2 for a sub-heading, or make this part a section of its own.",
    "picture-place": "Put each picture at the start of the point it belongs to, beside its words.",
}


def _said_for_a_document(finding: Finding) -> Finding:
    if finding.rule == "heading-depth":
        limit = re.search(r"with (\d+) or fewer", finding.message)
        message = (
            f"This heading is {len(finding.text)} levels deep. Easy Read uses "
            f"{limit.group(1) if limit else 2} levels of heading or fewer."
        )
        return dataclasses.replace(
            finding, message=message, suggestion=_DOCUMENT_SUGGESTIONS["heading-depth"]
        )
    if finding.rule in ("missing-alt", "picture-place") and "![" in (finding.suggestion or ""):
        return dataclasses.replace(finding, suggestion=_DOCUMENT_SUGGESTIONS[finding.rule])
    return finding


def in_document(findings: list[Finding], document: ImportedReport) -> list[Finding]:
    """Findings in a document's converted Markdown, moved to the document's own paragraphs."""
    moved = []
    for finding in map(_said_for_a_document, findings):
        start = document.locate(finding.path, finding.line, finding.column)
        if start is None:
            moved.append(dataclasses.replace(finding, path=document.source, fix=None))
            continue
        end = document.locate(finding.path, finding.end_line, max(finding.end_column - 1, 1))
        end_line, end_column = (end.paragraph, end.column + 1) if end else (start.paragraph, 1)
        moved.append(
            dataclasses.replace(
                finding,
                path=document.source,
                line=start.paragraph,
                column=start.column,
                end_line=end_line,
                end_column=max(end_column, start.column + 1)
                if end_line == start.paragraph
                else end_column,
                fix=None,
                paragraph=start.paragraph,
                heading=start.heading,
            )
        )
    return sorted(moved, key=Finding.full_sort_key)


def _reports(
    names: Sequence[str], config: ReportConfig | None, stdin: TextIO | None
) -> list[tuple[Report, ImportedReport | None]]:
    paths = list(names) or ["."]
    reports: list[tuple[Report, ImportedReport | None]] = []
    files: list[Path] = []
    for name in paths:
        if name == "-":
            text = (stdin or sys.stdin).read().replace("\r\n", "\n").replace("\r", "\n")
            reports.append((read_stdin(text, config=config or _nearest_config(Path.cwd())), None))
            continue
        path = command_path(name)
        if path.is_dir():
            report = read_report(path, check_pictures=False)
            if config is not None:
                report = dataclasses.replace(report, config=config)
            reports.append((report, None))
        elif path.is_file() and is_importable(path):
            document = read_imported(path)
            report = document.report
            if config is not None:  # the [lint] settings (and the rest) of --config's tables
                settings = dataclasses.replace(
                    report.config, tables=config.tables, checked=config.checked
                )
                report = dataclasses.replace(report, config=settings)
            reports.append((report, document))
        elif path.suffix.lower() not in (".md", ".markdown"):
            raise SourceError(
                "this is not a Markdown file",
                path=path,
                hint="give a report folder, .md files, or a .docx, .odt or .html document",
            )
        else:
            files.append(path)
    if files:
        reports.append((read_files(files, config=config or _nearest_config(files[0])), None))
    return reports


def _nearest_config(start: Path) -> ReportConfig | None:
    found = find_config(start)
    return load_config(found) if found else None
