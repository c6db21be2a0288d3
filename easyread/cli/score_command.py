"""`easyread score`: how easy a report is to read, per section and for the whole report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DESCRIPTION = """\
Score how easy a report is to read: reading ease, grade, SMOG, Gunning Fog and Dale-Chall,
with the counts behind them (sentences, words, syllables, long and uncommon words, jargon),
for each sentence, point, section and the whole report. Lists the hardest sentences of each
section and says why. Targets come from [score] in easyread.toml; missing one is a warning.
Use --fail-under to make the command fail (exit 1) when reading ease is too low.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score how easy the report is to read, and show the hardest sentences",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="the report folder (default: this folder), Markdown files, or - for standard input",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text tables (default) or JSON for other tools (schema in docs/score.md)",
    )
    parser.add_argument("--html", metavar="FILE", type=Path, help="also write a report to share")
    parser.add_argument("--pdf", metavar="FILE", type=Path, help="also write that report as PDF")
    parser.add_argument(
        "--compare",
        metavar="FILE",
        type=Path,
        help="compare with an earlier 'easyread score --format json' file",
    )
    parser.add_argument(
        "--fail-under",
        metavar="SCORE",
        type=float,
        help="exit 1 when reading ease is below SCORE (for the whole report, or see --fail-scope)",
    )
    parser.add_argument(
        "--fail-scope",
        choices=("report", "section"),
        help="with --fail-under: check the whole report (default) or every section",
    )
    parser.add_argument("--points", action="store_true", help="also show a table of every point")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from easyread.score.serialize import dumps, report_to_json
    from easyread.writers.readability import score_and_write

    made = score_and_write(
        [str(path) for path in args.paths],
        compare_with=args.compare,
        fail_under=args.fail_under,
        fail_scope=args.fail_scope,
        html_file=args.html,
        pdf_file=args.pdf,
    )
    found = made.found
    score, comparison = found.score, found.comparison
    if args.format == "json":
        data = report_to_json(score, comparison=comparison)
        sys.stdout.write(dumps(data))
        if score.language.warning():
            print(f"easyread: {score.language.warning()}", file=sys.stderr)
    else:
        from rich.console import Console

        from easyread.score.terminal import print_score

        print_score(score, Console(highlight=False), comparison=comparison, show_points=args.points)
    out = sys.stderr if args.format == "json" else sys.stdout
    for path in made.written:
        print(f"Wrote {path}", file=out)
    for failure in found.failures:
        print(f"easyread: {failure}", file=sys.stderr)
    return 1 if found.failures else 0
