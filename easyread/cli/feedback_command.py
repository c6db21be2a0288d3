"""easyread feedback: read filled review copies back into one feedback report."""

from __future__ import annotations

import argparse
from pathlib import Path

from easyread.errors import EasyReadError, display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "feedback",
        help="read filled review copies (PDF or DOCX) into one feedback report",
        description=(
            "Read review copies that a checking group gave back: PDFs with ticked boxes and "
            "notes, and DOCX copies with comments. Each tick and note is matched to its point "
            "and to the file and line it came from. Writes feedback.md, feedback.json and "
            "feedback.csv, and shows the points that most need work first. A copy made from "
            "an earlier draft is named, with the sections that have changed since."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="[DIR] FILES",
        help="the report folder (optional: a copy records the folder it was made from), then "
        "the review copies",
    )
    parser.add_argument(
        "--report", type=Path, default=None, metavar="DIR", help="the report folder, another way"
    )
    parser.add_argument(
        "--out", "-o", type=Path, default=None, help="where to write the report (default: DIR/out)"
    )
    parser.add_argument(
        "--group", default="", help="the group's name, for copies that do not say it"
    )
    parser.add_argument(
        "--top", type=int, default=15, help="how many points to show on the screen (default: 15)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from easyread.review.feedback_report import print_feedback
    from easyread.review.feedback_run import read_feedback

    if args.top < 1:
        raise EasyReadError("--top must be 1 or more", hint="write for example --top 10")
    found = read_feedback(args.paths, report_dir=args.report, out_dir=args.out, group=args.group)
    print_feedback(found.feedback, limit=args.top)
    print("Feedback report: " + ", ".join(display_path(path) for path in found.written))
    return 0
