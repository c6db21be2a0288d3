"""Writing outputs safely: a file appears whole or not at all.

Every output is written to a temporary file in the same folder and renamed into place, so a
failed or interrupted build leaves the previous file as it was and never a half-written one.
Two builds into the same folder at once each use their own temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from easyread.errors import OutputError


def ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _output_error(folder, error, "choose another folder with --out") from None
    if not os.access(folder, os.W_OK):
        raise OutputError(
            "easyread cannot write in this folder",
            path=folder,
            hint="choose another folder with --out",
        )


@contextlib.contextmanager
def atomic_target(final: Path) -> Iterator[Path]:
    """A temporary path to write to; renamed to `final` only if the block succeeds."""
    try:
        handle, name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".part")
    except OSError as error:
        raise _output_error(final.parent, error, "choose another folder with --out") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, final)
    except OSError as error:
        raise _output_error(final, error, "free some space or choose another folder") from None
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomically(final: Path, text: str) -> None:
    with atomic_target(final) as temporary:
        temporary.write_text(text, encoding="utf-8")


def _output_error(path: Path, error: OSError, hint: str) -> OutputError:
    if error.errno == errno.ENOSPC:
        return OutputError("the disk is full, so nothing was changed", path=path, hint=hint)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError("easyread is not allowed to write here", path=path, hint=hint)
    return OutputError(f"cannot write this file ({error.strerror})", path=path, hint=hint)
