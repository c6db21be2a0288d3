"""easyread build: Markdown report -> Easy Read PDF, DOCX and HTML."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.errors import EasyReadError, display_path, for_terminal

if TYPE_CHECKING:
    from easyread.build import BuildResult


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="make the Easy Read PDF, DOCX and web page",
        description=(
            "Read the report in DIR (a folder with easyread.toml and one Markdown file per "
            "section) and write the Easy Read PDF, DOCX and HTML into the output folder."
        ),
    )
    parser.add_argument("dir", nargs="?", default=".", type=Path, help="the report folder")
    parser.add_argument(
        "--format",
        "-f",
        default=None,
        help="outputs to make, with commas: pdf,docx,html (default: 'outputs' in easyread.toml)",
    )
    parser.add_argument(
        "--out", "-o", type=Path, default=None, help="where to write them (default: DIR/out)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=(
            "stop without writing anything if the word check finds errors or the page check "
            "finds a problem (text too small, too little contrast, a picture not beside its "
            "text or blurred, a point split across pages)"
        ),
    )
    parser.add_argument(
        "--no-checks", action="store_true", help="skip the word check and the readability score"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    parser.add_argument(
        "--summary",
        choices=("text", "json"),
        default="text",
        help="how to print what was built: text (default) or json, for other programs",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from easyread.build import BuildStopped, build

    formats = [part for part in args.format.split(",") if part.strip()] if args.format else None
    if args.format is not None and not formats:
        raise EasyReadError("--format is empty", hint="write for example --format pdf,docx")
    console = Console(stderr=True, highlight=False)
    show_progress = console.is_terminal and not args.quiet
    options = {
        "formats": formats,
        "out_dir": args.out,
        "strict": args.strict,
        "run_checks": not args.no_checks,
    }
    try:
        if show_progress:
            with console.status("Starting", spinner="dots") as status:
                on_stage = lambda text: status.update(f"{text}…")  # noqa: E731
                result = build(args.dir, on_stage=on_stage, **options)
        else:
            result = build(args.dir, **options)
    except BuildStopped as stopped:
        # Findings, not broken input: exit 1, as `easyread lint` does.
        print(f"easyread: {stopped.one_line()}", file=sys.stderr)
        return 1
    if args.summary == "json":
        print(json.dumps(summary_data(result), ensure_ascii=False))
    elif not args.quiet:
        print_summary(result)
    return 0


def summary_data(result: BuildResult) -> dict[str, object]:
    """What `--summary json` prints: the outputs, the notes and the page check's figures."""
    report = result.report
    return {
        "title": report.title,
        "sections": len(report.sections),
        "points": sum(1 for _ in report.points()),
        "outputs": [
            {"format": output.format, "path": str(output.path), "pages": output.pages}
            for output in result.outputs
        ],
        "pictures": {"prepared": result.pictures_processed, "reused": result.pictures_reused},
        "lint_errors": result.lint_errors,
        "page_check": result.page_check.as_dict() if result.page_check is not None else None,
        "notes": list(result.notes),
    }


def print_summary(result: BuildResult) -> None:
    out = sys.stdout
    report = result.report
    points = sum(1 for _ in report.points())
    print(f"Built '{report.title}': {len(report.sections)} sections, {points} points.", file=out)
    for output in result.outputs:
        pages = f"{output.pages} pages" if output.pages else "pages set by the reader's program"
        if output.format == "html":
            pages = "one web page"
        print(f"  {output.format.upper():<5} {display_path(output.path)}  ({pages})", file=out)
    reused = result.pictures_reused
    print(
        f"Pictures: {result.pictures_processed} prepared, {reused} taken from the picture cache.",
        file=out,
    )
    for note in result.notes:
        print(for_terminal(note), file=out)
