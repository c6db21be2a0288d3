"""easyread init: start a new report from a small example that builds as it is."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from easyread.errors import EasyReadError, display_path
from easyread.resources import templates_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new report in a folder",
        description=(
            "Make DIR with an example report: easyread.toml, 3 section files and their pictures. "
            "It builds as it is, so you can change it bit by bit."
        ),
    )
    parser.add_argument("dir", type=Path, help="the new report folder")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise EasyReadError(
            "this folder already exists and is not empty, so nothing was changed",
            path=target,
            hint="choose a new folder name",
        )
    starter = templates_dir() / "init"
    try:
        shutil.copytree(starter, target, dirs_exist_ok=True)
    except OSError as error:
        raise EasyReadError(
            f"cannot make the report here ({error.strerror})",
            path=target,
            hint="choose a folder you can write in",
        ) from None
    where = display_path(target)
    print(f"Made a new report in {where}.")
    print(f"Next: change the text in {where}/*.md, then run: easyread build {where}")
    return 0
