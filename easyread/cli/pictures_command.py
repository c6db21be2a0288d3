"""easyread pictures: find, suggest and record the pictures of a report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.files import report_folder

if TYPE_CHECKING:
    from easyread.model import Picture


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pictures",
        help="find pictures by meaning, suggest a picture for each point, record credits",
        description=(
            "Work with pictures: search the built-in library of open pictograms (OpenMoji), "
            "get suggestions for the points of a report, and keep a record of where each "
            "picture comes from and its licence."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    _register_search(actions)
    _register_suggest(actions)
    _register_add(actions)
    parser.set_defaults(func=lambda args: _help(parser))


def _register_search(actions: argparse._SubParsersAction) -> None:
    search = actions.add_parser(
        "search",
        help="find pictures in the library by what they show",
        description="Find pictograms in the built-in library by meaning, best first.",
    )
    search.add_argument("words", nargs="+", help="what the picture should show")
    search.add_argument("--limit", type=int, default=10, help="how many to show (default: 10)")
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.set_defaults(func=run_search)


def _register_suggest(actions: argparse._SubParsersAction) -> None:
    suggest = actions.add_parser(
        "suggest",
        help="suggest 3 pictures for each point that has none",
        description=(
            "Suggest 3 library pictures for each point that has no picture (with --all, for "
            "every point), numbered so an author or a checking group can choose. --html and "
            "--pdf make a contact sheet to choose from. --apply 3.2=1 puts choice 1 into "
            "point 3.2: the picture goes into pictures/, its record into "
            "pictures/pictures.toml, and the Markdown gets the picture with alt text to check."
        ),
    )
    suggest.add_argument("dir", nargs="?", default=".", type=Path, help="the report folder")
    suggest.add_argument("--all", action="store_true", help="also points that have a picture")
    suggest.add_argument("--format", choices=("text", "json"), default="text")
    suggest.add_argument("--html", type=Path, metavar="FILE", help="write a contact sheet page")
    suggest.add_argument("--pdf", type=Path, metavar="FILE", help="write a contact sheet PDF")
    suggest.add_argument(
        "--apply",
        action="append",
        default=[],
        metavar="POINT=CHOICE",
        help="use a suggestion, for example 3.2=1 (may be given more than once, or 3.2=1,4.1=2)",
    )
    suggest.set_defaults(func=run_suggest)


def _register_add(actions: argparse._SubParsersAction) -> None:
    add = actions.add_parser(
        "add",
        help="record where one of your own pictures comes from and its licence",
        description=(
            "Record a picture's source and licence in pictures/pictures.toml, so that the "
            "credits page names it. Use it for pictures you made or found yourself."
        ),
    )
    add.add_argument("file", type=Path, help="the picture, in the report's pictures folder")
    add.add_argument("--licence", required=True, help="for example 'CC BY 4.0' or 'CC0'")
    add.add_argument("--source", required=True, help="where it comes from, or 'own work'")
    add.add_argument("--author", default="", help="who made it")
    add.add_argument("--licence-link", default="", help="the web address of the licence")
    add.add_argument("--shows", default="", help="what the picture shows")
    add.add_argument("--dir", type=Path, default=None, help="the report folder")
    add.set_defaults(func=run_add)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_search(args: argparse.Namespace) -> int:
    from easyread.pictograms.library import load_library
    from easyread.pictograms.output import print_matches, search_json

    query = " ".join(args.words)
    matches = load_library().search(query, limit=max(1, args.limit))
    if args.format == "json":
        sys.stdout.write(search_json(query, matches) + "\n")
    else:
        print_matches(query, matches)
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    from easyread.pictograms.output import print_suggestions, suggestions_json
    from easyread.suggest_pictures import suggest_pictures

    found = suggest_pictures(
        args.dir, every_point=args.all, apply=args.apply, html=args.html, pdf=args.pdf
    )
    if found.applied is not None:
        for applied in found.applied:
            print(
                f"Point {applied.point.number}: '{applied.pictogram.name}' is now "
                f"{applied.picture.relative_to(found.root).as_posix()}. "
                f"{_replaced(applied.point.picture)}Check that its description fits."
            )
        return 0
    suggestions = list(found.suggestions)
    if args.format == "json":
        sys.stdout.write(suggestions_json(suggestions, found.root) + "\n")
    else:
        print_suggestions(suggestions, found.root)
    for path in found.contact_sheets:
        print(f"Contact sheet: {path}", file=sys.stderr)
    return 0


def _replaced(old: Picture | None) -> str:
    """Names the picture --apply took out of the point, so the author can put it back."""
    if old is None:
        return ""
    described = f" ('{old.alt}')" if old.alt else ""
    return f"It takes the place of {old.src}{described}. "


def run_add(args: argparse.Namespace) -> int:
    from easyread.pictograms.records import add_picture_record

    root = report_folder(args.dir) if args.dir else _report_root(args.file)
    record = add_picture_record(
        root,
        args.file,
        source=args.source,
        licence=args.licence,
        author=args.author,
        licence_link=args.licence_link,
        shows=args.shows,
    )
    print(f"Recorded '{record.file}': {record.licence}, from {record.source}.")
    return 0


def _report_root(file: Path) -> Path:
    """The report folder a picture belongs to: the folder holding its pictures folder."""
    resolved = file.resolve()
    for folder in resolved.parents:
        if folder.name == "pictures":
            return folder.parent
    return resolved.parent
