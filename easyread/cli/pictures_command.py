"""easyread pictures: find, suggest and record the pictures of a report."""

from __future__ import annotations

import argparse
import sys


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
    search = actions.add_parser(
        "search",
        help="find pictures in the library by what they show",
        description="Find pictograms in the built-in library by meaning, best first.",
    )
    search.add_argument("words", nargs="+", help="what the picture should show")
    search.add_argument("--limit", type=int, default=10, help="how many to show (default: 10)")
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.set_defaults(func=run_search)
    parser.set_defaults(func=lambda args: _help(parser))


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
