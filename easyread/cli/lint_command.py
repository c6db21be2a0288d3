"""easyread lint: check a report, loose Markdown files or standard input against the rules."""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.config import ReportConfig, find_config, load_config
from easyread.errors import EasyReadError, SourceError
from easyread.lint import engine, fixer, formats
from easyread.lint.findings import Finding, at_or_above
from easyread.lint.settings import FAIL_LEVELS, SCOPES, LintSettings, load_settings
from easyread.model import Report

if TYPE_CHECKING:
    from easyread.importer import ImportedReport

EXIT_OK, EXIT_FINDINGS = 0, 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="check a report for jargon, long sentences and other Easy Read problems",
        description=(
            "Check an Easy Read report against the Easy Read rules and the glossary. "
            "Give a report folder (the default is this folder), Markdown files, or - to read "
            "standard input. Exit code: 0 nothing at or above the fail level, 1 findings, "
            "2 a problem with the files or settings."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="report folders, .md files, or - (default: .)"
    )
    parser.add_argument(
        "--format",
        choices=formats.FORMATS,
        default="text",
        help="text (default), json, sarif (code scanning) or github (workflow annotations)",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="exit with 1 when a finding is this serious or more (default: warning)",
    )
    parser.add_argument("--config", type=Path, help="use this easyread.toml")
    parser.add_argument(
        "--acronym-scope",
        choices=SCOPES,
        default=None,
        help="explain each acronym once per document (default) or once per section",
    )
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    parser.add_argument(
        "--diff", action="store_true", help="show the safe fixes as a diff and change nothing"
    )
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="show only findings at or above the fail level, and no summary",
    )
    parser.set_defaults(func=run)


@dataclass(slots=True)
class _Target:
    report: Report
    settings: LintSettings

    def report_paths(self) -> set[Path]:
        return {section.path for section in self.report.sections}

    document: ImportedReport | None = None  # a Word, OpenDocument or HTML file checked directly


def run(args: argparse.Namespace) -> int:
    with engine.paused_gc():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    config = load_config(args.config) if args.config else None
    targets = [
        _Target(report, _settings(report, args), document)
        for report, document in _reports(args, config)
    ]
    if (args.diff or args.fix) and any(target.document for target in targets):
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
    if args.diff or args.fix:
        return _fix(args, targets, (findings, failing), config)
    return _report(args, findings, failing)


def _report(args: argparse.Namespace, findings: list[Finding], failing: list[Finding]) -> int:
    shown = failing if args.quiet else findings
    stream = sys.stdout
    color = args.format == "text" and stream.isatty()
    formats.write(shown, args.format, stream, color=color, summary=not args.quiet)
    return EXIT_FINDINGS if failing else EXIT_OK


def _fix(
    args: argparse.Namespace,
    targets: list[_Target],
    found: tuple[list[Finding], list[Finding]],
    config: ReportConfig | None,
) -> int:
    findings, failing = found
    read_texts = {
        section.path: section.text for target in targets for section in target.report.sections
    }
    safe: list[Finding] = []
    for target in targets:
        mine = [f for f in findings if f.fix is not None and f.path in target.report_paths()]
        safe.extend(fixer.checked_fixes(target.report, target.settings, mine))
    plans: list[fixer.FileFix] = []
    for path, file_findings in fixer.fixable(safe).items():
        if path == Path("<stdin>"):
            if not args.diff:
                raise SourceError(
                    "--fix cannot change standard input",
                    hint="use --diff to see the changes, or give the file's name",
                )
            text = read_texts[path]
            plans.append(fixer.plan_text(path, text.encode(), text, file_findings))
            continue
        plans.append(fixer.plan_file(path, file_findings, read_texts.get(path)))
    changed = [plan for plan in plans if plan.changed]
    if args.diff:
        for plan in changed:
            sys.stdout.write(plan.diff())
        return EXIT_FINDINGS if changed else EXIT_OK
    roots = {
        section.path: target.report.root for target in targets for section in target.report.sections
    }
    for plan in changed:
        fixer.write_atomically(plan, roots.get(plan.path))
    fixed = {id(finding) for plan in changed for finding in plan.applied}
    count = len(fixed)
    if count and not args.quiet:
        files = len(changed)
        print(
            f"Fixed {count} problem{'' if count == 1 else 's'} in "
            f"{files} file{'' if files == 1 else 's'}.",
            file=sys.stderr,
        )
    if not count:
        return _report(args, findings, failing)
    # What is left is a fresh lint of the changed files, never a count worked out from the old
    # findings: a fix can move or clear other findings, and a second run must agree.
    fresh: list[Finding] = []
    fresh_failing: list[Finding] = []
    for report, _ in _reports(args, config):
        settings = _settings(report, args)
        found = engine.lint_report(report, settings)
        fresh.extend(found)
        fresh_failing.extend(f for f in found if _fails(f, settings.fail_on))
    return _report(args, fresh, fresh_failing)


def _fails(finding: Finding, level: str) -> bool:
    return level != "never" and at_or_above(finding.severity, level)


def _settings(report: Report, args: argparse.Namespace) -> LintSettings:
    settings = load_settings(report.config)
    if args.fail_on:
        settings.fail_on = args.fail_on
    if args.acronym_scope:
        settings.acronym_scope = args.acronym_scope
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
    args: argparse.Namespace, config: ReportConfig | None
) -> list[tuple[Report, ImportedReport | None]]:
    from easyread.importer import is_importable, read_imported
    from easyread.reader import read_files, read_report, read_stdin

    paths = args.paths or ["."]
    reports: list[tuple[Report, ImportedReport | None]] = []
    files: list[Path] = []
    for name in paths:
        if name == "-":
            text = sys.stdin.read().replace("\r\n", "\n").replace("\r", "\n")
            reports.append((read_stdin(text, config=config or _nearest_config(Path.cwd())), None))
            continue
        path = Path(name)
        if path.is_dir():
            report = read_report(path, check_pictures=False)
            if config is not None:
                report = dataclasses.replace(report, config=config)
            reports.append((report, None))
        elif path.is_file() and is_importable(path):
            document = read_imported(path)
            if config is not None:
                document.report.config.tables = config.tables  # [lint] settings from --config
            reports.append((document.report, document))
        elif path.is_file():
            if path.suffix.lower() not in (".md", ".markdown"):
                raise SourceError(
                    "this is not a Markdown file",
                    path=path,
                    hint="give a report folder, .md files, or a .docx, .odt or .html document",
                )
            files.append(path)
        else:
            raise EasyReadError(
                "this file or folder does not exist", path=path, hint="check the name"
            )
    if files:
        reports.append((read_files(files, config=config or _nearest_config(files[0])), None))
    return reports


def _nearest_config(start: Path) -> ReportConfig | None:
    found = find_config(start)
    return load_config(found) if found else None
