"""easyread feedback: read filled review copies back into one feedback report."""

from __future__ import annotations

import argparse
from pathlib import Path

from easyread.errors import EasyReadError, display_path
from easyread.output import refuse_source_folder


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
    parser.add_argument("files", nargs="+", type=Path, metavar="FILES", help="review copies")
    parser.add_argument(
        "--report",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the report folder (default: the current folder)",
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
    from easyread.reader import read_report
    from easyread.review.feedback import read_feedback
    from easyread.review.feedback_report import print_feedback, write_feedback

    if args.top < 1:
        raise EasyReadError("--top must be 1 or more", hint="write for example --top 10")
    report = read_report(args.report)
    out_dir = args.out or report.root / "out"
    refuse_source_folder(out_dir, report.root)
    feedback = read_feedback(report, args.files, group=" ".join(args.group.split()))
    written = write_feedback(feedback, out_dir)
    print_feedback(feedback, limit=args.top)
    print("Feedback report: " + ", ".join(display_path(path) for path in written))
    return 0
