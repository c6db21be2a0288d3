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
    from easyread.reader import read_report
    from easyread.review.feedback import collect_feedback, read_review_file
    from easyread.review.feedback_report import print_feedback, write_feedback
    from easyread.review.report_folder import find_report_folder

    if args.top < 1:
        raise EasyReadError("--top must be 1 or more", hint="write for example --top 10")
    folders = [path for path in args.paths if path.is_dir()]
    if args.report is not None:
        folders.insert(0, args.report)
    if len(folders) > 1:
        names = ", ".join(display_path(folder) for folder in folders)
        raise EasyReadError(
            f"feedback takes one report folder, and was given {len(folders)}: {names}",
            hint="give one report folder, then the review copies",
        )
    files = [path for path in args.paths if not path.is_dir()]
    if not files:
        raise EasyReadError(
            "there are no review copies to read",
            hint="give the filled PDFs or commented DOCX files after the report folder",
        )
    group = " ".join(args.group.split())
    # With the folder given, a wrong --out is refused before any copy is read.
    report = read_report(folders[0]) if folders else None
    if report is not None:
        refuse_source_folder(args.out or report.root / "out", report.root)
    copies = [read_review_file(path, group=group) for path in files]
    if report is None:
        report = read_report(find_report_folder(None, copies))
    out_dir = args.out or report.root / "out"
    refuse_source_folder(out_dir, report.root)
    feedback = collect_feedback(report, copies)
    written = write_feedback(feedback, out_dir)
    print_feedback(feedback, limit=args.top)
    print("Feedback report: " + ", ".join(display_path(path) for path in written))
    return 0
