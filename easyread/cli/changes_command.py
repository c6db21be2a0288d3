"""easyread changes: what changed since a group last checked the report."""

from __future__ import annotations

import argparse
from pathlib import Path

from easyread.errors import display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "changes",
        help="list what changed since a group last checked the report",
        description=(
            "List, in Easy Read, what changed since a checking group last checked the report: "
            "each part and point that is new, changed or taken out, with the words before and "
            "now. REVIEW is a record in the report's reviews/ folder: its file, its name, its "
            "date (2026-05-14), its group's name, or 'last'. With --pdf, also make a short "
            "large-print PDF to take to the group's next meeting."
        ),
    )
    parser.add_argument(
        "--since", required=True, metavar="REVIEW", help="the check to compare with, or 'last'"
    )
    parser.add_argument("dir", nargs="?", default=".", type=Path, help="the report folder")
    parser.add_argument("--pdf", type=Path, default=None, metavar="FILE", help="also write a PDF")
    parser.add_argument(
        "--font-size", type=float, default=18.0, help="text size of the PDF (default: 18)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from easyread.review.changes_output import make_changes, print_changes

    made = make_changes(args.dir, args.since, pdf=args.pdf, font_size=args.font_size)
    print_changes(made.changes)
    if made.pdf is not None:
        print(f"PDF: {display_path(made.pdf)}")
    return 0
