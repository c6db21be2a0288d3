"""Errors a report author can cause and fix.

Every such error is shown as one line: where the problem is, what is wrong and what to do.
The command line turns them into exit code 2 and never shows a traceback (unless --debug).
"""

from __future__ import annotations

from pathlib import Path


class EasyReadError(Exception):
    """A problem in the author's input that the author can fix."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint

    def where(self) -> str:
        if self.path is None:
            return ""
        parts = [display_path(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def one_line(self) -> str:
        text = self.message.rstrip(".")
        if self.hint:
            text += f". {self.hint.rstrip('.')}"
        where = self.where()
        line = f"{where}: {text}." if where else f"{text}."
        return " ".join(line.split())

    def __str__(self) -> str:
        return self.one_line()


class ConfigError(EasyReadError):
    """A problem in easyread.toml."""


class SourceError(EasyReadError):
    """A problem in a Markdown section file."""


class PictureError(EasyReadError):
    """A picture that is missing, broken or not allowed."""


class OutputError(EasyReadError):
    """An output that cannot be written."""


def display_path(path: Path) -> str:
    """A path as short as possible: relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
