"""Errors a report author can cause and fix.

Every such error is shown as one line: where the problem is, what is wrong and what to do.
The command line turns them into exit code 2 and never shows a traceback (unless --debug).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Characters that are not text. Control codes (NUL, BEL, ESC...) break Word files, show as
# boxes in a PDF and can drive a terminal; direction controls (U+202E and its kin) make text
# show in another order than it is read, which can hide what a sentence really says.
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What a terminal would obey: escape sequences (colours, window titles, clearing the screen)
# and every control code, C1 included; also the direction controls.
_TERMINAL_SEQUENCE = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|\x1b[@-_]?"
)
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hidden_character(char: str) -> str:
    """A hidden character in plain words: 'a hidden control character (U+0007)'."""
    kind = "direction" if _DIRECTION.match(char) else "control"
    return f"a hidden {kind} character (U+{ord(char):04X})"


def for_terminal(text: str, *, one_line: bool = False) -> str:
    """Text from a file, safe to print: no escape sequence or control code reaches the
    terminal (a tab stays; a new line stays unless `one_line`)."""
    text = _TERMINAL_SEQUENCE.sub("", text)
    text = _TERMINAL_CONTROL.sub("", text)
    return " ".join(text.split()) if one_line else text


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
        """`file:line:column: what is wrong. What to do.` on one line."""
        text = _sentence(self.message)
        if self.hint:
            text += " " + _sentence(self.hint)
        where = self.where()
        line = f"{where}: {text}" if where else text
        return for_terminal(line, one_line=True)

    def __str__(self) -> str:
        return self.one_line()

    def __reduce__(self) -> tuple[object, ...]:
        # An error raised in the DOCX side process must keep its file and line on the way back.
        where = (self.path, self.line, self.column, self.hint)
        return _rebuild_error, (type(self), self.message, *where)


def _rebuild_error(
    kind: type[EasyReadError],
    message: str,
    path: Path | None,
    line: int | None,
    column: int | None,
    hint: str | None,
) -> EasyReadError:
    return kind(message, path=path, line=line, column=column, hint=hint)


class ConfigError(EasyReadError):
    """A problem in easyread.toml."""


class SourceError(EasyReadError):
    """A problem in a Markdown section file."""


class PictureNotFound(SourceError):
    """A picture path inside the report folder with no file there."""


class PictureError(EasyReadError):
    """A picture that is missing, broken or not allowed."""


class OutputError(EasyReadError):
    """An output that cannot be written."""


def _sentence(text: str) -> str:
    """Text as a sentence: a capital letter first and a full stop (or ? or !) at the end."""
    text = text.strip()
    if not text:
        return ""
    if not text.startswith("easyread"):
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else text + "."


def display_path(path: Path) -> str:
    """A path as short as possible: relative to the current folder when it is inside it.

    Symbolic links are not followed: the author sees the name they wrote, not where it leads.
    """
    try:
        here = Path(os.path.abspath(Path.cwd()))
        return str(Path(os.path.abspath(path)).relative_to(here))
    except (ValueError, OSError):
        pass
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def _looks_like_utf16(data: bytes) -> bool:
    """A byte-order mark for UTF-16, or text where every other byte is NUL (UTF-16 without a
    mark, which would otherwise read as UTF-8 full of hidden U+0000 characters)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.4


def decode_utf8(
    data: bytes,
    path: Path,
    error: type[EasyReadError],
    *,
    what: str = "this file",
    hint: str = "save it again as UTF-8 in your editor",
) -> str:
    """The text of a file the author wrote, or an error naming the line that is not UTF-8."""
    if _looks_like_utf16(data):
        raise error(f"{what} is saved as UTF-16 text, not UTF-8", path=path, line=1, hint=hint)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        line = data[: failure.start].count(b"\n") + 1
        raise error(f"{what} is not saved as UTF-8 text", path=path, line=line, hint=hint) from None
