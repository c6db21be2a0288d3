"""Outputs change as a set: after any failure the output folder holds the last good set, whole.

A failed writer, a full disk and a build killed at a random moment (SIGKILL, which no clean-up
code sees) must each leave either every old output or every new one, never a new PDF beside
an old web page.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from easyread import output
from easyread.build import build
from easyread.errors import OutputError
from easyread.output import JOURNAL, OutputSet, finish_interrupted_set, write_text_atomically
from easyread.writers import get_writer

FORMATS = ["html", "docx"]


def _report(folder: Path, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "easyread.toml").write_text(f'title = "{title}"\n', encoding="utf-8")
    points = "\n\n".join(f"We help people number {n}." for n in range(40))
    (folder / "01-intro.md").write_text(f"# Intro\n\n{points}\n", encoding="utf-8")
    return folder


def _retitle(report: Path, title: str) -> None:
    (report / "easyread.toml").write_text(f'title = "{title}"\n', encoding="utf-8")


def _titles(out: Path) -> dict[str, str]:
    """Which build each output came from, read from the output itself."""
    found = {}
    html = out / "report.html"
    if html.exists():
        text = html.read_text(encoding="utf-8")
        found["html"] = next((t for t in ("Set A", "Set B") if f"<title>{t}" in text), "?")
    docx = out / "report.docx"
    if docx.exists():
        with zipfile.ZipFile(docx) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8")
        found["docx"] = next((t for t in ("Set A", "Set B") if f">{t}<" in core), "?")
    return found


def _leftovers(out: Path) -> list[str]:
    return [path.name for path in out.iterdir() if path.name.endswith(".part")]


def test_a_writer_that_crashes_leaves_the_last_good_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _report(tmp_path / "report", "Set A")
    out = tmp_path / "out"
    build(report, out_dir=out, formats=FORMATS, run_checks=False, parallel=False)
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    _retitle(report, "Set B")
    writer = get_writer("docx")

    def crash(*args: object) -> None:
        raise RuntimeError("the DOCX writer fell over")

    monkeypatch.setattr(writer, "write", crash)
    with pytest.raises(RuntimeError):
        build(report, out_dir=out, formats=FORMATS, run_checks=False, parallel=False)
    after = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    assert after == before  # the HTML written before the crash did not replace the old one
    assert _titles(out) == {"html": "Set A", "docx": "Set A"}


def _mount_small_disk(folder: Path, size: str) -> bool:
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


def _fill(disk: Path, leave: int) -> None:
    """Fill the disk until only about `leave` bytes are free."""
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    with (disk / "filler").open("wb") as stream:
        stream.write(b"\0" * max(free - leave, 0))


def test_a_full_disk_leaves_the_last_good_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _report(tmp_path / "report", "Set A")
    disk = tmp_path / "disk"
    mounted = _mount_small_disk(disk, "4m")
    try:
        out = disk / "out"
        build(report, out_dir=out, formats=FORMATS, run_checks=False, parallel=False)
        _retitle(report, "Set B")
        if mounted:
            # Room for the new web page, not for the new DOCX beside it.
            _fill(disk, (out / "report.html").stat().st_size + 8192)
        else:  # no tmpfs here: the DOCX writer meets a full disk
            writer = get_writer("docx")

            def full(*args: object) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(writer, "write", full)
        with pytest.raises(OutputError) as failure:
            build(report, out_dir=out, formats=FORMATS, run_checks=False, parallel=False)
        assert "disk is full" in failure.value.one_line()
        assert _titles(out) == {"html": "Set A", "docx": "Set A"}
        assert _leftovers(out) == []
    finally:
        if mounted:
            subprocess.run(["umount", str(disk)], check=False)


def test_a_set_killed_while_renaming_is_finished_by_the_next_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.pdf", "a.html", "a.docx"):
        (out / name).write_text("old", encoding="utf-8")
    real_replace = os.replace
    renamed = []

    def killed_after_one(source: object, target: object) -> None:
        if str(target).endswith(JOURNAL) or not renamed:
            real_replace(source, target)
            if not str(target).endswith(JOURNAL):
                renamed.append(target)
            return
        raise KeyboardInterrupt  # stands for the process dying here

    monkeypatch.setattr(output.os, "replace", killed_after_one)
    with pytest.raises(KeyboardInterrupt), OutputSet() as outputs:
        for name in ("a.pdf", "a.html", "a.docx"):
            write_text_atomically(out / name, "new")
        outputs.discard = lambda: None  # a killed process deletes nothing
    monkeypatch.setattr(output.os, "replace", real_replace)
    assert sorted((out / name).read_text() for name in ("a.pdf", "a.html", "a.docx")) == [
        "new",
        "old",
        "old",
    ]
    finish_interrupted_set(out)
    assert all((out / name).read_text() == "new" for name in ("a.pdf", "a.html", "a.docx"))
    assert not (out / JOURNAL).exists()


def test_a_journal_cannot_rename_anything_but_our_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("keep", encoding="utf-8")
    (out / JOURNAL).write_text("notes.md\treport.pdf\n../x.part\treport.html\n", encoding="utf-8")
    assert finish_interrupted_set(out) == []
    assert (out / "notes.md").read_text(encoding="utf-8") == "keep"


@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_a_mixed_set(tmp_path: Path) -> None:
    report = _report(tmp_path / "report", "Set A")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "easyread", "build", str(report), "--out", str(out)]
    command += ["--format", ",".join(FORMATS), "--no-checks"]
    env = {**os.environ, "EASYREAD_CACHE_DIR": str(tmp_path / "cache")}
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=120)
    duration = time.perf_counter() - started
    rng = random.Random(11)
    seen = set()
    for attempt in range(8):
        title = "Set B" if attempt % 2 == 0 else "Set A"
        _retitle(report, title)
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, 1.1) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        finish_interrupted_set(out)  # what the next command in this folder does first
        titles = _titles(out)
        assert len(set(titles.values())) == 1 and "?" not in titles.values(), titles
        seen.add(titles["html"])
    assert seen  # every attempt left one whole set


_SIDE_PROCESS_HOST = """
import os, sys, time
from easyread.build import _side_process
with _side_process(True) as pool:
    print(pool.submit(os.getpid).result(), flush=True)  # its work done, it waits for more
    time.sleep(60)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_the_side_process_ends_when_the_build_is_killed(tmp_path: Path) -> None:
    """The DOCX is written in a second process. If the build is killed outright (SIGKILL, out
    of memory), that process must end too, not wait for more work for ever."""
    host = subprocess.Popen(
        [sys.executable, "-c", _SIDE_PROCESS_HOST], stdout=subprocess.PIPE, text=True
    )
    assert host.stdout is not None
    side = int(host.stdout.readline())
    host.send_signal(signal.SIGKILL)
    host.wait()
    deadline = time.monotonic() + 10
    while _alive(side) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(side)
    if alive:
        os.kill(side, signal.SIGKILL)
    assert not alive


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
