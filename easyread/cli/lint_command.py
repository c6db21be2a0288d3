"""easyread lint: check a report, loose Markdown files or standard input against the rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from easyread.lint import engine, formats
from easyread.lint.findings import Finding
from easyread.lint.settings import FAIL_LEVELS, SCOPES

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


def run(args: argparse.Namespace) -> int:
    from easyread.lint.run import LintOptions, run_lint

    options = LintOptions(
        config=args.config,
        fail_on=args.fail_on,
        acronym_scope=args.acronym_scope,
        fix=args.fix,
        diff=args.diff,
    )
    with engine.paused_gc():
        found = run_lint(args.paths, options)
        if args.diff:
            for diff in found.diffs:
                sys.stdout.write(diff)
            return EXIT_FINDINGS if found.diffs else EXIT_OK
        if found.fixed and not args.quiet:
            count, files = found.fixed, found.fixed_files
            print(
                f"Fixed {count} problem{'' if count == 1 else 's'} in "
                f"{files} file{'' if files == 1 else 's'}.",
                file=sys.stderr,
            )
        return _report(args, found.findings, found.failing)


def _report(args: argparse.Namespace, findings: list[Finding], failing: list[Finding]) -> int:
    shown = failing if args.quiet else findings
    stream = sys.stdout
    color = args.format == "text" and stream.isatty()
    formats.write(shown, args.format, stream, color=color, summary=not args.quiet)
    return EXIT_FINDINGS if failing else EXIT_OK
