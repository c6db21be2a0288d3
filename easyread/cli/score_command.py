"""`easyread score`: how easy a report is to read, per section and for the whole report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from easyread.errors import ConfigError, EasyReadError

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
    from easyread.score.scorer import score_report
    from easyread.score.serialize import dumps, load_previous, report_to_json

    report = load_report([str(path) for path in args.paths])
    score = score_report(report)
    comparison = None
    current = None
    if args.compare is not None:
        from easyread.score.compare import compare

        previous = load_previous(args.compare)
        current = report_to_json(score)
        comparison = compare(previous, current)
    failures = gate_failures(score, args.fail_under, args.fail_scope)
    if args.format == "json":
        data = report_to_json(score, comparison=comparison)
        sys.stdout.write(dumps(data))
        if score.language.warning():
            print(f"easyread: {score.language.warning()}", file=sys.stderr)
    else:
        from rich.console import Console

        from easyread.score.terminal import print_score

        print_score(score, Console(highlight=False), comparison=comparison, show_points=args.points)
    written = []
    if args.html is not None:
        from easyread.writers.readability import write_html

        written.append(write_html(score, args.html, comparison))
    if args.pdf is not None:
        from easyread.writers.readability import write_pdf

        written.append(write_pdf(score, args.pdf, comparison))
    out = sys.stderr if args.format == "json" else sys.stdout
    for path in written:
        print(f"Wrote {path}", file=out)
    for failure in failures:
        print(f"easyread: {failure}", file=sys.stderr)
    return 1 if failures else 0


def load_report(paths: list[str]) -> Any:
    """A folder, loose Markdown files or '-' (standard input), like `easyread lint`."""
    from easyread.config import find_config, load_config
    from easyread.reader import read_files, read_report, read_stdin

    if "-" in paths:
        if len(paths) > 1:
            raise ConfigError("'-' cannot be mixed with files", hint="give '-' on its own")
        found = find_config(Path.cwd())
        config = load_config(found) if found else None
        return read_stdin(sys.stdin.read(), config=config)
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return read_report(Path(paths[0]), check_pictures=False)
    from easyread.importer import is_importable, read_imported

    documents = [Path(path) for path in paths if is_importable(Path(path))]
    if documents:
        if len(paths) > 1:
            raise EasyReadError(
                "give one Word or other document on its own",
                path=documents[0],
                hint="score each document with its own 'easyread score'",
            )
        # Every place shown is then the document's own: "line" is the paragraph's number.
        return read_imported(documents[0]).report_at_document_places()
    files = [Path(path) for path in paths]
    for path in files:
        if path.is_dir():
            raise EasyReadError(
                "give one report folder, or Markdown files, not both",
                path=path,
                hint="score the folder on its own",
            )
        if not path.exists():
            raise EasyReadError("this file does not exist", path=path, hint="check its name")
    return read_files(files)


def gate_failures(score: Any, fail_under: float | None, scope: str | None) -> list[str]:
    """Why --fail-under (or fail-under in [score]) fails, in plain words; [] when it passes."""
    settings = score.settings
    limit = fail_under if fail_under is not None else settings.fail_under
    if limit is None:
        return []
    scope = scope or settings.fail_scope
    if score.language.reading_ease_constants is None:
        raise ConfigError(
            f"reading ease is not worked out for {score.language.name}, "
            "so --fail-under cannot be checked",
            hint="remove --fail-under (and fail-under in [score]) for this report",
        )
    failures = []
    if scope == "section":
        for section in score.sections:
            value = section.measures.reading_ease
            if value is not None and value < limit:
                failures.append(
                    f"section {section.number} ({section.title}) has reading ease {value:.1f}, "
                    f"below --fail-under {limit:g}"
                )
    else:
        value = score.measures.reading_ease
        if value is not None and value < limit:
            failures.append(
                f"the report's reading ease {value:.1f} is below --fail-under {limit:g}"
            )
    return failures
