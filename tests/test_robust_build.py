"""Building the sample: sources untouched, a killed build loses nothing, two builds at once do not
corrupt each other, and a rebuild is byte-identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"
NAME = SAMPLE.name
OUTPUTS = (f"{NAME}.pdf", f"{NAME}.docx", f"{NAME}.html")


def _tree_fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder` (not out/): its content hash and modification time."""
    prints = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if relative.parts[0] == "out" or not path.is_file():
            continue
        prints[str(relative)] = (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
    return prints


def _build(out: Path, *extra: str, **popen: object) -> subprocess.Popen:
    command = [sys.executable, "-m", "easyread", "build", str(SAMPLE), "--out", str(out), *extra]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1782777600"}
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **popen
    )


def _finish(process: subprocess.Popen) -> None:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """The sample built once, with the fingerprint of its folder before and after."""
    before = _tree_fingerprint(SAMPLE)
    out = tmp_path_factory.mktemp("first")
    _finish(_build(out))
    return out, before, _tree_fingerprint(SAMPLE)


def _bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


@pytest.mark.slow
def test_a_build_never_changes_a_source_file(first_build: tuple[Path, dict, dict]) -> None:
    _, before, after = first_build
    assert before == after
    assert any(name.endswith(".md") for name in before)


@pytest.mark.slow
def test_a_killed_build_leaves_the_earlier_outputs_as_they_were(
    first_build: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(first_build[0], out)
    (out / f"{NAME}.pdf").write_bytes(b"%PDF- the last good one")  # so a rebuild must replace it
    earlier = _bytes(out)
    names_before = {path.name for path in out.iterdir()}
    process = _build(out, start_new_session=True)
    deadline = time.monotonic() + 60
    while not [path for path in out.iterdir() if ".part" in path.name]:
        assert process.poll() is None, "the build ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.3)  # well inside writing now
    os.killpg(process.pid, signal.SIGKILL)  # the build and its DOCX helper, like a power cut
    process.communicate(timeout=30)
    assert _bytes(out) == earlier
    leftovers = [path.name for path in out.iterdir() if path.name not in names_before]
    for name in leftovers:  # only hidden temporary files, never something that looks finished
        assert name.startswith("."), leftovers
    # The next build tidies what the killed one could not.
    _finish(_build(out, "--format", "html", "--no-checks"))
    assert [path.name for path in out.iterdir() if ".part" in path.name] == []
    assert (out / f"{NAME}.pdf").read_bytes() == b"%PDF- the last good one"


@pytest.mark.slow
def test_two_builds_into_one_folder_at_once_both_give_whole_files(
    first_build: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    processes = [_build(out), _build(out)]
    for process in processes:
        _finish(process)
    with pikepdf.open(out / f"{NAME}.pdf") as pdf:
        assert len(pdf.pages) >= 12
    document = Document(str(out / f"{NAME}.docx"))
    assert len(document.paragraphs) > 20
    html = (out / f"{NAME}.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    leftovers = [path for path in out.iterdir() if ".part" in path.name]
    assert [(path.name, path.stat().st_size) for path in leftovers] == []
    # ...and, built from the same input, they are the very same bytes as the first build.
    assert _bytes(out) == _bytes(first_build[0])


@pytest.mark.slow
def test_a_rebuild_is_byte_identical(first_build: tuple[Path, dict, dict], tmp_path: Path) -> None:
    out = tmp_path / "again"
    _finish(_build(out))
    again, first = _bytes(out), _bytes(first_build[0])
    for name in OUTPUTS:
        assert again[name] == first[name], f"{name} differs between two builds"
