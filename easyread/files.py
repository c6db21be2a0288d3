"""One way to read a file: inside the folders easyread trusts, a regular file, of bounded size.

A report folder may come from a stranger (a zip, a git repository), so every file easyread reads
from it goes through `read_bytes`:

- the file must be inside the report folder or easyread's own data, after following every
  symbolic link: a link that leads out, at any level of the path, is refused;
- it must be a regular file: a named pipe, a device or a folder with the file's name is refused
  without waiting on it (it is opened with O_NONBLOCK and checked with fstat);
- the check is made on what is opened: the path is walked from the trusted folder one name at a
  time, each opened relative to the folder before it with O_NOFOLLOW, so a link swapped in between
  the check and the opening makes the opening fail instead of leading out;
- it must be no bigger than the limit the caller gives, checked before anything is read.

Callers turn a `FileRefused` into their own one-line error with the file and line to fix.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from easyread.errors import ConfigError, EasyReadError

_PACKAGE = Path(__file__).resolve().parent
_DATA = ("templates", "glossary")
MEGABYTE = 1_000_000
# No real section, settings file, glossary or review record comes near these.
SOURCE_LIMIT = 20 * MEGABYTE
_CAN_WALK = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


@dataclass(slots=True)
class FileRefused(Exception):
    """Why a file was not read, in plain words, with what to do about it."""

    kind: str  # "missing", "outside", "loop", "not-a-file", "too-big", "unreadable"
    message: str
    hint: str

    def __str__(self) -> str:
        return self.message

    def as_error(
        self,
        error: type[EasyReadError],
        path: Path | None,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> EasyReadError:
        return error(self.message, path=path, line=line, column=column, hint=self.hint)


def command_path(
    name: Path | str,
    *,
    missing: str = "this file or folder does not exist",
    hint: str = "check the name",
    folder: bool = False,
    file: bool = False,
) -> Path:
    """A path a command was given, which must exist (and be a folder, with `folder`; not a
    folder, with `file`), or the one-line error every command gives when it does not.
    `missing` and `hint` say what the command takes: 'this folder does not exist', 'this file
    does not exist'."""
    path = Path(name)
    if not path.exists():
        raise ConfigError(missing, path=path, hint=hint)
    if folder and not path.is_dir():
        raise ConfigError("this is not a folder", path=path, hint="give the report's folder")
    if file and path.is_dir():
        raise ConfigError("this is a folder, not a file", path=path)
    return path


def report_folder(path: Path | str) -> Path:
    """The report folder a command's DIR argument names, or the one-line error every command
    gives when it is not one: the folder must exist and be a folder. A folder without
    easyread.toml is a report with the default settings."""
    return command_path(
        path, missing="this folder does not exist", hint="check the folder name", folder=True
    )


def package_roots() -> list[Path]:
    """easyread's own data folders (templates, glossaries), which every read may use: in
    easyread/_data when installed, the top-level folders in a source checkout."""
    places = [_PACKAGE / "_data" / name for name in _DATA] + [_PACKAGE.parent / n for n in _DATA]
    return [place for place in places if place.is_dir()]


def read_bytes(
    path: Path,
    roots: Iterable[Path],
    *,
    limit: int = SOURCE_LIMIT,
    what: str = "this file",
) -> bytes:
    """The bytes of `path`, which must be a regular file inside one of `roots`."""
    with open_inside(path, roots, limit=limit, what=what) as (descriptor, size):
        return _read_all(descriptor, size, limit, what)


def is_readable_inside(path: Path, roots: Iterable[Path]) -> bool:
    """True when `read_bytes` would open `path` (a regular file inside `roots`)."""
    try:
        with open_inside(path, roots, limit=None):
            return True
    except FileRefused:
        return False


def resolve_inside(path: Path, roots: Iterable[Path], *, what: str = "this file") -> Path:
    """`path` with every link followed, refused when that leaves all of `roots`."""
    real = _resolve(path, what)
    if _root_of(real, roots) is None:
        raise _outside(what)
    return real


@contextlib.contextmanager
def open_inside(
    path: Path, roots: Iterable[Path], *, limit: int | None, what: str = "this file"
) -> Iterator[tuple[int, int]]:
    """An open descriptor and the size of the regular file `path`, checked as described above."""
    roots = list(roots)
    real = _resolve(path, what)
    root = _root_of(real, roots)
    if root is None:
        raise _outside(what)
    descriptor = _open_walking(real, root, what) if _CAN_WALK else _open_plain(real, what)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(info.st_mode, what)
        if limit is not None and info.st_size > limit:
            raise FileRefused(
                "too-big",
                f"{what} is too big ({_megabytes(info.st_size)}; easyread reads files of "
                f"up to {_megabytes(limit)})",
                "check that it is the right file",
            )
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
        yield descriptor, info.st_size
    finally:
        os.close(descriptor)


def _resolve(path: Path, what: str) -> Path:
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileRefused(
                "missing",
                f"{what} is a link to a file that is not there",
                "replace the link with the file itself",
            ) from None
        raise FileRefused("missing", f"{what} does not exist", "check its name") from None
    except (OSError, RuntimeError, ValueError) as error:
        if isinstance(error, ValueError):  # a NUL in the name
            raise FileRefused(
                "missing", f"{what} has a name that cannot exist", "check its name"
            ) from None
        if getattr(error, "errno", None) == errno.ELOOP or isinstance(error, RuntimeError):
            raise FileRefused(
                "loop",
                f"{what} is a link that goes round in a circle",
                "replace the link with the file itself",
            ) from None
        raise _unreadable(error, what) from None


def _root_of(real: Path, roots: Iterable[Path]) -> Path | None:
    for root in roots:
        try:
            resolved = Path(os.path.realpath(root))
        except (OSError, ValueError):
            continue
        if real.is_relative_to(resolved):
            return resolved
    return None


def _open_walking(real: Path, root: Path, what: str) -> int:
    """Open `real` from `root` one name at a time, never following a link on the way."""
    names = real.relative_to(root).parts
    try:
        folder = os.open(root, os.O_RDONLY | _DIRECTORY)
    except OSError as error:
        raise _unreadable(error, what) from None
    try:
        for name in names[:-1]:
            try:
                inner = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=folder)
            except OSError as error:
                raise _changed_or_unreadable(error, what) from None
            os.close(folder)
            folder = inner
        if not names:
            raise FileRefused("not-a-file", f"{what} is a folder, not a file", "give a file")
        try:
            return os.open(names[-1], os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY, dir_fd=folder)
        except OSError as error:
            raise _changed_or_unreadable(error, what) from None
    finally:
        os.close(folder)


def _open_plain(real: Path, what: str) -> int:
    try:
        return os.open(real, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as error:
        raise _changed_or_unreadable(error, what) from None


def _read_all(descriptor: int, size: int, limit: int, what: str) -> bytes:
    chunks = []
    total = 0
    while chunk := os.read(descriptor, max(size - total, 0) + 65536):
        total += len(chunk)
        if total > limit:  # it grew while being read
            raise FileRefused(
                "too-big",
                f"{what} is too big (easyread reads files of up to {_megabytes(limit)})",
                "check that it is the right file",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _changed_or_unreadable(error: OSError, what: str) -> FileRefused:
    if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
        # Resolved to a real file a moment ago; now a link is in the way.
        return FileRefused(
            "outside",
            f"{what} changed into a link while easyread was opening it",
            "make sure nothing else is changing the report folder, then try again",
        )
    if error.errno == errno.ENOENT:
        return FileRefused("missing", f"{what} does not exist", "check its name")
    return _unreadable(error, what)


def _outside(what: str) -> FileRefused:
    return FileRefused(
        "outside",
        f"{what} is outside the report folder (or is a link that leads out of it)",
        "copy the file into the report folder instead of linking to it",
    )


def _not_a_file(mode: int, what: str) -> FileRefused:
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "something else"
    return FileRefused(
        "not-a-file", f"{what} is {kind}, not a file", "replace it with an ordinary file"
    )


def _unreadable(error: OSError, what: str) -> FileRefused:
    reason = error.strerror or type(error).__name__
    return FileRefused(
        "unreadable",
        f"{what} cannot be read ({reason})",
        "check that the file is there and that you may open it",
    )


def _megabytes(size: int) -> str:
    if size < MEGABYTE:
        return f"{size:,} bytes"
    return f"{size / MEGABYTE:,.0f} MB"
