"""easyread import: turn a Word file, an OpenDocument text or a web page into a report folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from easyread.errors import display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="make a report folder from a Word file (.docx), .odt or .html",
        description=(
            "Make a report folder from a document you already have: one Markdown file per "
            "section (each Heading 1), its pictures in pictures/ with their descriptions, and "
            "an easyread.toml with the document's title, language and author. The folder "
            "builds as it is. Nothing is written if the document cannot be read."
        ),
    )
    parser.add_argument("document", type=Path, help="the .docx, .odt or .html file")
    parser.add_argument(
        "dir",
        type=Path,
        nargs="?",
        help="the new report folder (default: the document's name, in this folder)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace the report in DIR if there is one already",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from easyread.importer import import_document

    source: Path = args.document
    target: Path = args.dir if args.dir is not None else Path(source.stem)
    rendered = import_document(source, target, force=args.force)
    where = display_path(target)
    sections = len(rendered.sections)
    pictures = len(rendered.pictures)
    print(
        f"Made a report in {where} from {display_path(source)}: "
        f"{sections} section{'' if sections == 1 else 's'}, "
        f"{pictures} picture{'' if pictures == 1 else 's'}."
    )
    for what in rendered.left_out:
        print(f"Left out, {what}.")
    if rendered.pictures_without_alt:
        count = rendered.pictures_without_alt
        print(
            f"{count} picture{' has' if count == 1 else 's have'} no description. "
            f"Run 'easyread lint {where}' to see where, and write what each one shows."
        )
    print(f"Next: check the words, then run: easyread build {where}")
    return 0
