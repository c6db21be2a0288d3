"""Whether the 'editor' extra (pygls, lsprotocol, watchfiles) is installed.

`easyread watch` and `easyread lsp` need it; without it they say so in one line, with the
command that installs it, instead of failing inside easyread.
"""

from __future__ import annotations

import importlib.util

from easyread.errors import EasyReadError

INSTALL_HINT = "install it with: pip install 'easyread[editor]'"

# What each command imports from the extra (module names, not package names).
NEEDED = {
    "watch": ("watchfiles",),
    "lsp": ("pygls", "lsprotocol"),
}


class EditorExtraMissing(EasyReadError):
    """A command needs the 'editor' extra, and it is not installed."""


def require_editor_extra(command: str) -> None:
    """Raise EditorExtraMissing when a module `easyread COMMAND` needs cannot be found."""
    missing = [name for name in NEEDED[command] if importlib.util.find_spec(name) is None]
    if missing:
        raise EditorExtraMissing(
            f"'easyread {command}' needs the editor extra, which is not installed",
            hint=INSTALL_HINT,
        )
