"""easyread lsp: the language server for editors, over standard input and output."""

from __future__ import annotations

import argparse

from easyread.editor.extra import require_editor_extra


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lsp",
        help="check Easy Read as you type, in your editor (a language server)",
        description=(
            "A language server for editors such as VS Code and Neovim: your editor starts it "
            "and talks to it over standard input and output. It shows lint findings as you "
            "type, offers the safe fixes, explains glossary words and suggests them inside "
            "**bold**. See docs/editor.md. Needs the 'editor' extra: "
            "pip install 'easyread[editor]'."
        ),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    require_editor_extra("lsp")
    from easyread.editor.lsp import serve_stdio

    serve_stdio()
    return 0
