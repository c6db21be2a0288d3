"""easyread.atomic: the one primitive every file easyread replaces goes through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from easyread import atomic


def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name != keep)


def test_replaces_the_file_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    final = tmp_path / "notes.md"
    final.write_text("old", encoding="utf-8")
    atomic.write_atomically(final, b"new text")
    assert final.read_text(encoding="utf-8") == "new text"
    assert leftovers(tmp_path, "notes.md") == []


def test_the_temporary_file_is_hidden_in_the_same_folder_and_private(tmp_path: Path) -> None:
    temporary = atomic.new_temporary(tmp_path / "a.pdf", prefix=".a.pdf.", suffix=".part")
    assert temporary.parent == tmp_path
    assert temporary.name.startswith(".a.pdf.") and temporary.name.endswith(".part")
    assert stat.S_IMODE(temporary.stat().st_mode) == 0o600


def test_a_failed_check_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    final = tmp_path / "section.md"
    final.write_text("as written", encoding="utf-8")

    def changed_meanwhile() -> None:
        raise RuntimeError("changed")

    with pytest.raises(RuntimeError):
        atomic.write_atomically(final, b"fixed", check=changed_meanwhile)
    assert final.read_text(encoding="utf-8") == "as written"
    assert leftovers(tmp_path, "section.md") == []


def test_a_failed_write_leaves_the_file_and_no_temporary(tmp_path: Path) -> None:
    final = tmp_path / "entry"
    final.write_bytes(b"kept")
    with pytest.raises(TypeError):
        atomic.write_atomically(final, "not bytes")  # type: ignore[arg-type]
    assert final.read_bytes() == b"kept"
    assert leftovers(tmp_path, "entry") == []


def test_mode_is_given_before_the_rename(tmp_path: Path) -> None:
    final = tmp_path / "shared.md"
    atomic.write_atomically(final, b"x", mode=0o640)
    assert stat.S_IMODE(final.stat().st_mode) == 0o640


@pytest.mark.parametrize("sync", [True, False])
def test_flushed_to_the_disk_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sync: bool
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    atomic.write_atomically(tmp_path / "out.bin", b"data", sync=sync)
    assert bool(synced) is sync


def test_the_rename_is_the_last_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Until os.replace runs, the file still holds its old content: a crash before it loses
    only the new version, never the old one."""
    final = tmp_path / "report.html"
    final.write_bytes(b"old")
    seen: list[bytes] = []
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        seen.append(Path(target).read_bytes())
        assert Path(source).read_bytes() == b"new"
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    atomic.write_atomically(final, b"new")
    assert seen == [b"old"] and final.read_bytes() == b"new"


def test_the_outputs_lock_file_is_not_a_program(tmp_path: Path) -> None:
    """The lock beside the outputs is an empty file: read and write, never executable."""
    from easyread import output

    if output.fcntl is None:
        pytest.skip("no folder lock on this system")
    umask = os.umask(0o022)
    os.umask(umask)  # only read it back
    with output._folder_lock(tmp_path):
        pass
    mode = (tmp_path / output.LOCK).stat().st_mode & 0o777
    assert mode == 0o644 & ~umask
