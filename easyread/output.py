"""Writing outputs safely: a file appears whole or not at all.

Every output is written to a temporary file in the same folder and renamed into place, so a
failed or interrupted build leaves the previous file as it was and never a half-written one.
Two builds into the same folder at once each use their own temporary file, and the last one to
finish wins with a whole file.

Temporary files are hidden and end in `.part` (`.report.pdf.<host>-<pid>.<random>.part`), so they
never look like outputs. A build that is killed (power cut, SIGKILL) cannot delete its own; the
next build in that folder removes those whose process is no longer running on this computer, and
any `.part` file older than a day.

Outputs that belong together change together (`OutputSet`): inside `with OutputSet():` every
atomic write only makes its temporary file, and the renames all happen at the end, when every
output has been written. If anything fails, the temporaries are deleted and the folder keeps the
last good set. The renames themselves are listed first in a journal (`.easyread-outputs.journal`),
so that a build killed halfway through them is finished by the next command that writes there.

The temporary files are made, and the journal written, with `easyread.atomic`, the one primitive
for replacing a file that `lint --fix` and the caches use too.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import hashlib
import os
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock; two builds into one folder at once may mix sets
    fcntl = None  # type: ignore[assignment]

from easyread import atomic
from easyread.errors import OutputError

STALE_AFTER_SECONDS = 24 * 60 * 60
# errno values that mean "this place cannot take the file", not "easyread has a bug".
_OUTPUT_ERRNOS = {
    errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EACCES, errno.EPERM, errno.EROFS,
    errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ENAMETOOLONG,
}  # fmt: skip
# Ours, and files a writer makes beside ours (`.<our temporary name>.<random>`).
_PART = re.compile(r"^\..*\.(?P<host>[0-9a-f]{6})-(?P<pid>\d+)\.[^.]+\.part(\.[^.]+)?$")
JOURNAL = ".easyread-outputs.journal"
LOCK = ".easyread-outputs.lock"
_collecting: contextvars.ContextVar[OutputSet | None] = contextvars.ContextVar(
    "easyread_output_set", default=None
)


def output_stem(report_root: Path) -> str:
    """The stem every output of a report is named with: its folder's name."""
    return report_root.resolve().name or "report"


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
    finish_interrupted_set(folder)
    remove_stale_parts(folder)


SOURCE_FOLDERS = ("", "pictures", "reviews")


def refuse_source_folder(folder: Path, report_root: Path) -> None:
    """Outputs never go among the sources: the next build would read them as sections."""
    real = Path(os.path.realpath(folder))
    for name in SOURCE_FOLDERS:
        if real == Path(os.path.realpath(report_root / name)):
            raise OutputError(
                "this is a folder of the report's own files, so easyread does not write "
                "outputs in it",
                path=folder,
                hint="choose another folder with --out, such as the report's out folder",
            )


def part_prefix(final: Path) -> str:
    """The start of a temporary file's name: hidden, with the output's name, host and process."""
    return f".{final.name}.{_host_tag()}-{os.getpid()}."


def temporary_file(final: Path, *, suffix: str = ".part") -> Path:
    """A new, empty temporary file beside `final`, named so that a later build can tidy it."""
    try:
        return atomic.new_temporary(final, prefix=part_prefix(final), suffix=suffix)
    except OSError as error:
        raise output_error(final.parent, error, "choose another folder with --out") from None


@contextlib.contextmanager
def atomic_target(final: Path) -> Iterator[Path]:
    """A temporary path to write to; renamed to `final` only if the block succeeds.

    Inside `with OutputSet():` the rename waits until the whole set has been written."""
    outputs = _collecting.get()
    temporary = temporary_file(final)
    kept = False
    token = _collecting.set(None)  # what a writer writes on its way is not part of the set
    try:
        try:
            with output_errors(final):
                yield temporary
        finally:
            _collecting.reset(token)
        if outputs is not None:
            outputs.add(temporary, final)
            kept = True
            return
        try:
            _give_usual_permissions(temporary, final)
            os.replace(temporary, final)
        except OSError as error:
            raise output_error(final, error, _hint_for(error)) from None
    finally:
        if not kept:
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def outside_any_set() -> Iterator[None]:
    """Atomic writes that rename at once, even where a set is being written (a forked process
    inherits the set of the process it came from, but can never rename that set's files)."""
    token = _collecting.set(None)
    try:
        yield
    finally:
        _collecting.reset(token)


def current_set() -> OutputSet:
    """The set being written (inside `with OutputSet():`)."""
    outputs = _collecting.get()
    if outputs is None:
        raise RuntimeError("no set of outputs is being written")
    return outputs


class OutputSet:
    """Outputs that appear together or not at all.

    Use as `with OutputSet():`; every `atomic_target` inside (in this thread) keeps its
    temporary file, and leaving the block without an error renames them all into place. A
    second process can write into `reserve(final)` and the set renames that file too."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []
        self._token: contextvars.Token[OutputSet | None] | None = None

    def __enter__(self) -> OutputSet:
        self._token = _collecting.set(self)
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        assert self._token is not None
        _collecting.reset(self._token)
        if kind is None:
            self.commit()
        else:
            self.discard()

    def reserve(self, final: Path) -> Path:
        """A temporary file for `final` that another process will fill."""
        temporary = temporary_file(final)
        self.add(temporary, final)
        return temporary

    def add(self, temporary: Path, final: Path) -> None:
        self.pending.append((temporary, final))

    def discard(self) -> None:
        for temporary, _ in self.pending:
            with contextlib.suppress(OSError):
                temporary.unlink()
        self.pending.clear()

    def commit(self) -> None:
        """Rename every temporary file into place, listed first in each folder's journal."""
        current = Path(".")
        try:
            for folder, moves in _by_folder(self.pending).items():
                with _folder_lock(folder):
                    for temporary, current in moves:
                        _give_usual_permissions(temporary, current)
                    current = folder / JOURNAL
                    journal = _write_journal(folder, moves)
                    for temporary, current in moves:
                        os.replace(temporary, current)
                    journal.unlink()
        except OSError as error:
            self.discard()
            raise output_error(current, error, _hint_for(error)) from None
        self.pending.clear()


def _by_folder(moves: list[tuple[Path, Path]]) -> dict[Path, list[tuple[Path, Path]]]:
    folders: dict[Path, list[tuple[Path, Path]]] = {}
    for temporary, final in moves:
        folders.setdefault(final.parent, []).append((temporary, final))
    return folders


def _write_journal(folder: Path, moves: list[tuple[Path, Path]]) -> Path:
    """The renames to make, as `temporary<TAB>final` names, written whole and flushed to disk."""
    text = "".join(f"{temporary.name}\t{final.name}\n" for temporary, final in moves)
    journal = folder / JOURNAL
    atomic.write_then_rename(temporary_file(journal), journal, text.encode("utf-8"))
    return journal


def finish_interrupted_set(folder: Path) -> list[Path]:
    """Finish the renames of a set whose build was killed while renaming. Returns the outputs
    it put in place. The journal names only files in this folder: a temporary file of ours
    (hidden, `.part`) and a visible output name."""
    journal = folder / JOURNAL
    if not journal.is_file() or journal.is_symlink():
        return []
    done: list[Path] = []
    with _folder_lock(folder):
        try:
            lines = journal.read_text(encoding="utf-8").splitlines()[:100]
        except (OSError, UnicodeDecodeError):
            lines = []
        for line in lines:
            temporary_name, _, final_name = line.partition("\t")
            if not _is_journal_pair(temporary_name, final_name):
                continue
            temporary = folder / temporary_name
            if temporary.is_file() and not temporary.is_symlink():
                with contextlib.suppress(OSError):
                    os.replace(temporary, folder / final_name)
                    done.append(folder / final_name)
        with contextlib.suppress(OSError):
            journal.unlink()
    return done


def _is_journal_pair(temporary: str, final: str) -> bool:
    plain = re.compile(r"^[^/\\\x00]+$")
    return (
        bool(plain.match(temporary) and plain.match(final))
        and _looks_temporary(temporary)
        and not final.startswith(".")
    )


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """One set at a time renames into a folder, so two builds never leave a mixed set."""
    if fcntl is None:
        yield
        return
    try:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(folder / LOCK, flags, 0o644)  # an empty file, never a program
    except OSError:
        yield  # a folder we cannot lock in (read-only): the renames will fail on their own
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def output_errors(final: Path) -> Iterator[None]:
    """A full disk or a folder that cannot be written, while writing `final`, as one line."""
    try:
        yield
    except OSError as error:
        if error.errno in _OUTPUT_ERRNOS:
            raise output_error(final, error, _hint_for(error)) from None
        raise


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
