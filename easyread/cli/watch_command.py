"""easyread watch: check each section as it is saved and show a live preview of the report."""

from __future__ import annotations

import argparse
from pathlib import Path

from easyread.editor.extra import require_editor_extra
from easyread.errors import EasyReadError
from easyread.files import report_folder

DEFAULT_PORT = 8765


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="check each change as you save it, with a live preview in your web browser",
        description=(
            "Watch a report folder. Each time you save a file, easyread checks the sections "
            "you changed, prints what it found and makes the web page again. Open the address "
            "it prints in your web browser: the page shows each point's findings beside it and "
            "reloads itself after each save. The preview is only on this computer. Needs the "
            "'editor' extra: pip install 'easyread[editor]'. Press Ctrl+C to stop."
        ),
    )
    parser.add_argument("dir", nargs="?", default=".", type=Path, help="the report folder")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"the port of the preview on 127.0.0.1 (default: {DEFAULT_PORT}; 0: any free port)",
    )
    parser.add_argument(
        "--pdf", action="store_true", help="also make the PDF again after each save, meanwhile"
    )
    parser.add_argument(
        "--out", "-o", type=Path, default=None, help="where --pdf writes it (default: DIR/out)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    require_editor_extra("watch")
    from easyread.editor.watch import watch

    if not 0 <= args.port <= 65_535:
        raise EasyReadError(
            f"{args.port} is not a port number", hint="give a number from 1024 to 65535"
        )
    return watch(report_folder(args.dir), port=args.port, pdf=args.pdf, out_dir=args.out)
