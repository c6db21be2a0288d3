"""easyread review: make review copies for a checking group, or record a check they did."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from easyread.errors import EasyReadError, display_path


class _AddChecker(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        from easyread.records.reviews import Checker

        name = " ".join(str(values).split())
        if not name:
            parser.error("--checker needs a name")
        checkers = list(getattr(namespace, self.dest) or [])
        checkers.append(Checker(name))
        setattr(namespace, self.dest, checkers)


class _MarkLastChecker(argparse.Action):
    """--consent and --learning-disability say something about the checker named just before."""

    def __init__(self, option_strings, dest, attribute: str = "", **kwargs):  # noqa: ANN001
        kwargs["nargs"] = 0
        super().__init__(option_strings, dest, **kwargs)
        self.attribute = attribute

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        checkers = getattr(namespace, "checkers", None)
        if not checkers:
            parser.error(f"write {option_string} after the --checker it is about")
        setattr(checkers[-1], self.attribute, True)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="make review copies for a checking group, or record a check they did",
        description=(
            "Make a review copy of the report for a checking group: a large-print PDF with tick "
            "boxes and a notes box under every numbered point (fill it on screen or on paper), "
            "and a DOCX copy with point numbers for comments in Word or LibreOffice. "
            "With --record, write down a check a group did (who, when, which sections) in the "
            "report's reviews/ folder; the build then adds a Checked by page."
        ),
        epilog=(
            "Examples:\n"
            "  easyread review my-report\n"
            '  easyread review my-report --record --group "People First Anytown" --paid \\\n'
            '      --checker "Sam Jones" --consent --learning-disability \\\n'
            '      --checker "Ali Khan" --learning-disability'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", nargs="?", default=".", type=Path, help="the report folder")
    copies = parser.add_argument_group("review copies")
    copies.add_argument(
        "--out", "-o", type=Path, default=None, help="where to write them (default: DIR/out)"
    )
    copies.add_argument(
        "--font-size", type=float, default=None, help="text size in points (default: 18)"
    )
    copies.add_argument(
        "--format",
        default="pdf,docx",
        help="copies to make, with commas: pdf,docx (default: both)",
    )
    record = parser.add_argument_group("recording a check (--record)")
    record.add_argument(
        "--record", action="store_true", help="record a check a group did, instead of copies"
    )
    record.add_argument("--group", default="", help="the checking group's name")
    record.add_argument(
        "--checker",
        dest="checkers",
        action=_AddChecker,
        default=None,
        metavar="NAME",
        help="a person who checked it (repeat for each person)",
    )
    record.add_argument(
        "--consent",
        action=_MarkLastChecker,
        attribute="consent_to_be_named",
        help="the checker just before agreed to have their name printed",
    )
    record.add_argument(
        "--learning-disability",
        action=_MarkLastChecker,
        attribute="has_learning_disability",
        help="the checker just before has a learning disability",
    )
    paid = record.add_mutually_exclusive_group()
    paid.add_argument("--paid", action="store_true", default=None, help="the group was paid")
    paid.add_argument(
        "--not-paid", dest="paid", action="store_false", help="the group was not paid"
    )
    record.add_argument("--date", default=None, help="the day of the check, like 2026-05-14")
    record.add_argument(
        "--section",
        dest="sections",
        action="append",
        default=None,
        metavar="FILE",
        help="a section file they checked (repeat; default: every section)",
    )
    record.add_argument("--facilitator", default="", help="who led the check (optional)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return _record(args) if args.record else _copies(args)


def _copies(args: argparse.Namespace) -> int:
    from easyread.review.copies import make_copies

    if args.checkers or args.group:
        raise EasyReadError(
            "--group and --checker are for recording a check",
            hint="add --record to write down a check, or leave them out to make review copies",
        )
    made = make_copies(
        args.dir, out_dir=args.out, formats=args.format.split(","), font_size=args.font_size
    )
    report = made.report
    points = sum(1 for _ in report.points())
    print(f"Review copies of '{report.title}': {len(report.sections)} sections, {points} points.")
    if "pdf" in made.copies:
        copy = made.copies["pdf"]
        print(f"  PDF   {display_path(copy.path)}  ({copy.pages} pages, {copy.fields} boxes)")
        if copy.added_points:
            print(
                f"        with {copy.added_points} more numbered points on the cover, "
                "Words to know and Find out more"
            )
    if "docx" in made.copies:
        copy = made.copies["docx"]
        print(f"  DOCX  {display_path(copy.path)}  (point numbers shown for comments)")
    copies = " ".join(shlex.quote(display_path(copy.path)) for copy in made.copies.values())
    folder = shlex.quote(display_path(report.root))
    print(f"When the group gives them back, run: easyread feedback {folder} {copies}")
    print("  (name the filled copies instead, if they are saved somewhere else)")
    return 0


def _record(args: argparse.Namespace) -> int:
    from easyread.records.reviews import format_date
    from easyread.review.recording import record_check

    done = record_check(
        args.dir,
        group=args.group,
        checkers=args.checkers or [],
        date=args.date,
        paid=bool(args.paid),
        files=args.sections,
        facilitator=args.facilitator,
    )
    record, report, path = done.record, done.report, done.path
    date = record.date
    named = [checker.name for checker in record.named_checkers()]
    print(f"Recorded the check by {record.group} on {format_date(date)}: {display_path(path)}")
    print(f"  Sections checked: {len(record.sections)} of {len(report.sections)}.")
    named_text = ", ".join(named) or "nobody"
    print(f"  Checkers: {len(record.checkers)}; named in the document: {named_text}.")
    if not record.has_checker_with_learning_disability():
        print(
            "  Note: no checker is marked with --learning-disability. The Easy Read logo needs "
            "at least one checker with a learning disability.",
            file=sys.stderr,
        )
    if args.paid is None:
        print("  Recorded as not paid. Add --paid if the group was paid for their time.")
    return 0
