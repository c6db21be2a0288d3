"""The easyread command line.

Each command is a module in this package with two functions:
`register(subparsers)` adds its parser (and sets `func=run` as its default), and
`run(args) -> int` does the work and returns the exit code:
0 success, 1 findings at or above the fail level, 2 bad input or settings.
Errors the author can fix are raised as EasyReadError and shown as one line.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from easyread import __version__
from easyread.errors import EasyReadError

# Commands in the order `easyread --help` lists them.
COMMANDS = (
    "build",
    "init",
    "import",
    "lint",
    "rules",
    "explain",
    "score",
    "review",
    "feedback",
    "changes",
    "config",
    "pictures",
    "watch",
    "lsp",
)

# Words people type for a command that has another name here: `easyread new` makes a report.
COMMAND_WORDS = {
    "new": "init",
    "create": "init",
    "start": "init",
    "check": "lint",
    "make": "build",
    "convert": "import",
}

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_BUG = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="easyread",
        description="Write Easy Read reports in Markdown; check, score and build them.",
    )
    parser.add_argument("--version", action="version", version=f"easyread {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full details when something goes wrong"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module_name = f"easyread.cli.{name}_command"
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(subparsers)
    return parser


# Commands after which the process may end at once (see `entry`).
_ENDS_AT_ONCE = frozenset({"lint"})
_command_run: str | None = None  # the command main() ran last


def entry() -> NoReturn:
    """What `easyread` and `python -m easyread` run: main(), then the end of the process.

    A lint of a large report leaves millions of objects (the model, the findings, what the
    rules remember per word and per sentence), and Python frees them one by one when it shuts
    down: about 0.2 s of processor time after a million-word lint had printed everything. So
    after lint, once its output is flushed, the process ends at once (os._exit). Lint has
    nothing else to finish then: it writes only its output, and --fix renames each changed
    file into place before main() returns."""
    code = main()
    if _command_run in _ENDS_AT_ONCE:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise SystemExit(code) from None  # let Python report and close as usual
        os._exit(code)
    raise SystemExit(code)


def unknown_command(argv: Sequence[str]) -> str | None:
    """One line for a first word that is not a command (argparse would print its usage and a
    list of every command), with the command nearest to it when one is near."""
    from easyread.cli.nearest import nearest_name

    typed = next((word for word in argv if not word.startswith("-")), None)
    if typed is None or typed in COMMANDS:
        return None
    meant = COMMAND_WORDS.get(typed.lower()) or nearest_name(typed, COMMANDS)
    if meant:
        hint = f"did you mean 'easyread {meant}'? Run 'easyread --help' to see the commands"
    else:
        hint = "run 'easyread --help' to see the commands"
    return EasyReadError(f"there is no easyread command '{typed}'", hint=hint).one_line()


def main(argv: Sequence[str] | None = None) -> int:
    global _command_run
    argv = list(sys.argv[1:] if argv is None else argv)
    unknown = unknown_command(argv)
    if unknown is not None:
        print(f"easyread: {unknown}", file=sys.stderr)
        return EXIT_BAD_INPUT
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    _command_run = args.command
    # Lint registers its rules' tables with the settings schema when it is imported, so that
    # every command checks [lint.<rule>] when it reads easyread.toml (config cannot import lint).
    importlib.import_module("easyread.lint")
    try:
        return int(args.func(args) or 0)
    except EasyReadError as error:
        if args.debug:
            traceback.print_exc()
        print(f"easyread: {error.one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("easyread: stopped. Nothing was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug in easyread, not in the author's files
        if args.debug:
            traceback.print_exc()
        print(
            f"easyread: something went wrong inside easyread ({type(error).__name__}: {error}). "
            "Run the command again with --debug and send us what it shows.",
            file=sys.stderr,
        )
        return EXIT_BUG
