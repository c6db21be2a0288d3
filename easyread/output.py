"""Writing outputs safely: a file appears whole or not at all.

Every output is written to a temporary file in the same folder and renamed into place, so a
failed or interrupted build leaves the previous file as it was and never a half-written one.
Two builds into the same folder at once each use their own temporary file, and the last one to
finish wins with a whole file.

Temporary files are hidden and end in `.part` (`.report.pdf.<host>-<pid>.<random>.part`), so they
never look like outputs. A build that is killed (power cut, SIGKILL) cannot delete its own; the
next build in that folder removes those whose process is no longer running on this computer, and
any `.part` file older than a day.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from easyread.errors import OutputError

STALE_AFTER_SECONDS = 24 * 60 * 60
# errno values that mean "this place cannot take the file", not "easyread has a bug".
_OUTPUT_ERRNOS = {
    errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EACCES, errno.EPERM, errno.EROFS,
    errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ENAMETOOLONG,
}  # fmt: skip
# Ours, and files a writer makes beside ours (`.<our temporary name>.<random>`).
_PART = re.compile(r"^\..*\.(?P<host>[0-9a-f]{6})-(?P<pid>\d+)\.[^.]+\.part(\.[^.]+)?$")


def ensure_folder(folder: Path) -> None:
    """Make the output folder if needed, check it can be written, and tidy stale temporary files."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            "this is a file, not a folder, so easyread cannot put outputs in it",
            path=folder,
            hint="choose a folder with --out",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(folder, error, "choose another folder with --out") from None
    if not os.access(folder, os.W_OK):
        raise OutputError(
            "easyread is not allowed to write in this folder",
            path=folder,
            hint="choose another folder with --out",
        )
    remove_stale_parts(folder)


def part_prefix(final: Path) -> str:
    """The start of a temporary file's name: hidden, with the output's name, host and process."""
    return f".{final.name}.{_host_tag()}-{os.getpid()}."


def temporary_file(final: Path, *, suffix: str = ".part") -> Path:
    """A new, empty temporary file beside `final`, named so that a later build can tidy it."""
    try:
        handle, name = tempfile.mkstemp(dir=final.parent, prefix=part_prefix(final), suffix=suffix)
    except OSError as error:
        raise output_error(final.parent, error, "choose another folder with --out") from None
    os.close(handle)
    return Path(name)


@contextlib.contextmanager
def atomic_target(final: Path) -> Iterator[Path]:
    """A temporary path to write to; renamed to `final` only if the block succeeds."""
    temporary = temporary_file(final)
    try:
        try:
            yield temporary
        except OSError as error:
            if error.errno in _OUTPUT_ERRNOS:
                raise output_error(final, error, _hint_for(error)) from None
            raise
        try:
            _give_usual_permissions(temporary, final)
            os.replace(temporary, final)
        except OSError as error:
            raise output_error(final, error, _hint_for(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomically(final: Path, text: str) -> None:
    with atomic_target(final) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_bytes_atomically(final: Path, data: bytes) -> None:
    with atomic_target(final) as temporary:
        temporary.write_bytes(data)


def _give_usual_permissions(temporary: Path, final: Path) -> None:
    """mkstemp makes files only their owner can read; an output should read like any file."""
    try:
        mode = final.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    os.chmod(temporary, mode)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove temporary files left by builds that were killed. Returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [path for path in folder.iterdir() if _looks_temporary(path.name)]
    except OSError:
        return removed
    for path in candidates:
        if _is_stale(path, now):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _looks_temporary(name: str) -> bool:
    return name.startswith(".") and (name.endswith(".part") or _PART.match(name) is not None)


def _is_stale(path: Path, now: float) -> bool:
    try:
        age = now - path.lstat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_SECONDS:
        return True
    match = _PART.match(path.name)
    if match is None or match["host"] != _host_tag():
        return False
    return not _process_is_running(int(match["pid"]))


def _process_is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed process whose parent died too can linger as a zombie: it runs nothing."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # The state follows the command name, which is in brackets and may hold spaces.
    return stat[stat.rfind(")") + 1 :].split()[:1] == ["Z"]


def _host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]


def _hint_for(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "free some space on the disk, or choose another folder with --out"
    return "choose another folder with --out"


def output_error(path: Path, error: OSError, hint: str) -> OutputError:
    """An OSError while writing, as a message the author can act on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(
            "the disk is full, so this file was not changed", path=path, hint=_hint_for(error)
        )
    if error.errno == errno.EFBIG:
        return OutputError("this file is too big for the disk", path=path, hint=hint)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError("easyread is not allowed to write here", path=path, hint=hint)
    if error.errno == errno.ENOTDIR:
        return OutputError(
            "part of this path is a file, not a folder",
            path=path,
            hint="choose a folder with --out",
        )
    if error.errno == errno.ENOENT:
        return OutputError("easyread cannot make this folder", path=path, hint=hint)
    if error.errno == errno.EEXIST:
        return OutputError("a file with this name is in the way", path=path, hint=hint)
    reason = error.strerror or type(error).__name__
    return OutputError(f"easyread cannot write here ({reason})", path=path, hint=hint)
