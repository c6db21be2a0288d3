"""`easyread watch` and `easyread lsp` without the 'editor' extra: one plain line that says how
to install it, exit 2, never "something went wrong inside easyread"."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.editor.extra import NEEDED, require_editor_extra

MINI = Path(__file__).resolve().parent / "data" / "mini-report"
REAL_FIND_SPEC = importlib.util.find_spec


def hide(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    def find_spec(name: str, package: str | None = None):  # type: ignore[no-untyped-def]
        return None if name in names else REAL_FIND_SPEC(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


@pytest.mark.parametrize(
    ("argv", "hidden"),
    [
        (["watch", str(MINI), "--port", "0"], "watchfiles"),
        (["lsp"], "pygls"),
        (["lsp"], "lsprotocol"),
    ],
)
def test_a_missing_extra_is_one_plain_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    hidden: str,
) -> None:
    hide(monkeypatch, hidden)
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert lines == [
        f"easyread: 'easyread {argv[0]}' needs the editor extra, which is not installed. "
        "Install it with: pip install 'easyread[editor]'."
    ]
    assert captured.out == ""


def test_the_extra_installed_passes() -> None:
    for module in (name for names in NEEDED.values() for name in names):
        if REAL_FIND_SPEC(module) is None:
            pytest.skip(f"{module} is not installed here")
    for command in NEEDED:
        require_editor_extra(command)
