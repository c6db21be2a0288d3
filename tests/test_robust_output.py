"""Outputs appear whole or not at all: a full disk, a folder that cannot be written, a killed
build's leftovers."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from easyread import output
from easyread.cli import main
from easyread.errors import OutputError
from easyread.output import atomic_target, ensure_folder, remove_stale_parts, temporary_file

BAD = Path(__file__).resolve().parent / "data" / "bad"


def _parts(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if ".part" in path.name]


def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_at_the_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    final = tmp_path / "report.pdf"
    final.write_bytes(b"the last good PDF")
    monkeypatch.setattr(output.os, "replace", _full_disk)
    with pytest.raises(OutputError) as caught, atomic_target(final) as temporary:
        temporary.write_bytes(b"new")
    assert "disk is full" in caught.value.message
    assert "free some space" in caught.value.hint
    assert final.read_bytes() == b"the last good PDF"
    assert _parts(tmp_path) == []


def test_a_full_disk_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    final = tmp_path / "report.pdf"
    final.write_bytes(b"the last good PDF")
    with pytest.raises(OutputError, match="disk is full"), atomic_target(final) as temporary:
        temporary.write_bytes(b"half a fi")
        _full_disk()
    assert final.read_bytes() == b"the last good PDF"
    assert _parts(tmp_path) == []


def test_an_error_that_is_not_about_the_disk_is_not_disguised(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_target(tmp_path / "report.pdf"):
        raise FileNotFoundError(errno.ENOENT, "a font file easyread needs is missing")
    assert _parts(tmp_path) == []


def test_a_full_disk_during_a_build_is_one_line_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    report = tmp_path / "report"
    shutil.copytree(BAD / "config-missing-is-fine", report, ignore=shutil.ignore_patterns("*.toml"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("<p>the last good page</p>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    real_replace = os.replace

    def full_for_the_page(source: object, target: object) -> None:
        if str(target).endswith(".html"):
            _full_disk()
        real_replace(source, target)

    monkeypatch.setattr(output.os, "replace", full_for_the_page)
    code = main(["build", "report", "--out", "out", "--format", "html", "--no-checks"])
    message = capsys.readouterr().err
    assert code == 2
    assert message.startswith("easyread: out/report.html: The disk is full")
    assert message.count("\n") == 1
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>the last good page</p>"
    assert _parts(out) == []


@pytest.mark.parametrize(
    ("out", "fragment"),
    [
        ("notes.txt/out", "part of this path is a file"),
        ("notes.txt", "this is a file, not a folder"),
        ("/proc/easyread-out", "cannot make this folder"),
    ],
)
def test_an_output_folder_that_cannot_be_written(
    out: str,
    fragment: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    # The tests run as root, who may write anywhere a mode bit forbids; these places refuse
    # everyone: a path through a regular file, a regular file, and /proc.
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    if out.startswith("/proc") and os.access("/proc", os.W_OK) and Path(out).exists():
        pytest.skip("this /proc lets us write")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError) as caught:
        ensure_folder(Path(out))
    assert fragment in caught.value.one_line().lower()
    assert "--out" in caught.value.one_line()


def test_outputs_are_readable_like_any_file(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with atomic_target(tmp_path / "new.pdf") as temporary:
            temporary.write_bytes(b"x")
        assert (tmp_path / "new.pdf").stat().st_mode & 0o777 == 0o644
        (tmp_path / "kept.pdf").write_bytes(b"old")
        (tmp_path / "kept.pdf").chmod(0o640)
        with atomic_target(tmp_path / "kept.pdf") as temporary:
            temporary.write_bytes(b"new")
        assert (tmp_path / "kept.pdf").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(previous)


def test_temporary_files_are_hidden_and_never_look_like_outputs(tmp_path: Path) -> None:
    temporary = temporary_file(tmp_path / "report.pdf")
    assert temporary.name.startswith(".report.pdf.")
    assert temporary.suffix == ".part"
    assert f"-{os.getpid()}." in temporary.name


def test_leftovers_of_killed_builds_are_removed_and_running_ones_kept(tmp_path: Path) -> None:
    sleeper = subprocess.Popen(["sleep", "30"])
    dead = subprocess.Popen(["true"])
    dead.wait()
    try:
        host = output._host_tag()
        running = tmp_path / f".report.pdf.{host}-{sleeper.pid}.abc123.part"
        killed = tmp_path / f".report.pdf.{host}-{dead.pid}.def456.part"
        nested = tmp_path / f"..report.docx.{host}-{dead.pid}.ghi789.part.x1y2"
        other_host = tmp_path / f".report.pdf.000000-{dead.pid}.jkl012.part"
        ancient = tmp_path / ".report.html.000000-1.mno345.part"
        output_file = tmp_path / "report.pdf"
        for path in (running, killed, nested, other_host, ancient, output_file):
            path.write_bytes(b"x")
        day_ago = time.time() - 2 * output.STALE_AFTER_SECONDS
        os.utime(ancient, (day_ago, day_ago))
        removed = remove_stale_parts(tmp_path)
        assert sorted(removed) == sorted([killed, nested, ancient])
        assert running.exists() and other_host.exists() and output_file.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_zombie_process_counts_as_stopped(tmp_path: Path) -> None:
    zombie = subprocess.Popen(["true"])
    deadline = time.monotonic() + 10
    while not output._is_zombie(zombie.pid):  # ended, but not yet waited for
        assert time.monotonic() < deadline
        time.sleep(0.01)
    try:
        assert not output._process_is_running(zombie.pid)
        part = tmp_path / f".report.docx.{output._host_tag()}-{zombie.pid}.abc.part"
        part.write_bytes(b"x")
        assert remove_stale_parts(tmp_path) == [part]
    finally:
        zombie.wait()
