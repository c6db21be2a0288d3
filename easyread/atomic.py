"""The one way easyread replaces a file whole: write a temporary file in the same folder, flush
it to the disk, then rename it over the file.

A rename inside one folder is atomic, so a reader (or a crash) sees the old file or the new one,
never half of each. Everything that writes a file easyread owns goes through here: the build's
outputs (`output.py`, which adds output sets and its own temporary names), `lint --fix`
(`lint/fixer.py`, which first finds the real file behind a symbolic link inside the report),
the caches (`cache.py`, `pictures.py`) and the pictures and records `pictures suggest --apply`
writes (through `output.py`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def new_temporary(final: Path, *, prefix: str, suffix: str) -> Path:
    """A new, empty file beside `final` (same folder, so the rename stays atomic), readable
    and writable by its owner only until it is renamed."""
    handle, name = tempfile.mkstemp(dir=final.parent, prefix=prefix, suffix=suffix)
    os.close(handle)
    return Path(name)


def write_then_rename(
    temporary: Path,
    final: Path,
    data: bytes,
    *,
    sync: bool = True,
    mode: int | None = None,
    check: Callable[[], None] | None = None,
) -> None:
    """Write `data` into `temporary` (from `new_temporary`), flush it to the disk (`sync`),
    give it `mode` if one is given, call `check` (which raises to leave `final` as it is),
    then rename it over `final`. On any failure the temporary file is removed and `final` is
    untouched."""
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if check is not None:
            check()
        os.replace(temporary, final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(
    final: Path,
    data: bytes,
    *,
    prefix: str | None = None,
    suffix: str = ".tmp",
    sync: bool = True,
    mode: int | None = None,
    check: Callable[[], None] | None = None,
) -> None:
    """Replace `final` with `data` whole, or not at all (see `write_then_rename`). The
    temporary file is hidden and named after `final` unless `prefix` says otherwise."""
    prefix = prefix if prefix is not None else f".{final.name}."
    temporary = new_temporary(final, prefix=prefix, suffix=suffix)
    write_then_rename(temporary, final, data, sync=sync, mode=mode, check=check)
