"""The bad-input corpus: every mistake an author can make gets one clear line and exit code 2.

Each folder in tests/data/bad/ is a small report with one problem and an expect.toml saying
which command to run, the exit code and the pieces the message must contain (file:line:column
included). Symbolic links are made at test time, pointing at a folder outside the report.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from easyread.cli import main

CORPUS = Path(__file__).resolve().parent / "data" / "bad"
CASES = sorted(path.name for path in CORPUS.iterdir() if (path / "expect.toml").is_file())
DEFAULT_ARGS = ["--format", "html", "--no-checks"]


def _expectation(case: str) -> dict:
    with (CORPUS / case / "expect.toml").open("rb") as stream:
        return tomllib.load(stream)


def _prepare(case: str, tmp_path: Path) -> tuple[Path, dict]:
    expect = _expectation(case)
    report = tmp_path / "report"
    shutil.copytree(CORPUS / case, report, ignore=shutil.ignore_patterns("expect.toml"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nThis must never be read.\n", encoding="utf-8")
    shutil.copy(CORPUS / "picture-cmyk-jpeg" / "pictures" / "red-cmyk.jpg", outside / "secret.png")
    for link, target in expect.get("symlinks", {}).items():
        path = report / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target.format(outside=outside))
    return report, expect


def _argv(expect: dict, report: Path) -> list[str]:
    command = expect.get("command", "build")
    args = [arg.format(report="report") for arg in expect.get("args", DEFAULT_ARGS)]
    return [command, "report", *args]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gets_one_clear_line(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    report, expect = _prepare(case, tmp_path)
    if expect.get("command") == "lint":
        pytest.importorskip("easyread.cli.lint_command", reason="easyread lint is not there yet")
    monkeypatch.chdir(tmp_path)
    code = main(_argv(expect, report))
    captured = capsys.readouterr()
    wanted = expect.get("exit", 2)
    assert code == wanted, f"{case}: {expect['description']}\n{captured.err}"
    assert "Traceback" not in captured.err
    if wanted == 2:
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1, captured.err
        assert lines[0].startswith("easyread: ")
    for fragment in expect.get("stderr", []):
        assert fragment.lower() in captured.err.lower(), f"{case}: {fragment!r} not in message"
    for fragment in expect.get("stdout", []):
        assert fragment.lower() in captured.out.lower(), f"{case}: {fragment!r} not in output"


def test_every_case_says_what_it_is_about() -> None:
    for case in CASES:
        expect = _expectation(case)
        assert expect.get("description"), case
        if expect.get("exit", 2) == 2:
            assert any(":" in fragment for fragment in expect["stderr"]), f"{case}: no file:line"


@pytest.mark.slow
@pytest.mark.parametrize("case", ["picture-bomb", "section-not-utf8"])
def test_a_real_process_exits_2_and_debug_shows_the_traceback(case: str, tmp_path: Path) -> None:
    report, expect = _prepare(case, tmp_path)
    command = [sys.executable, "-m", "easyread", *_argv(expect, report)]
    plain = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert plain.returncode == 2
    assert plain.stderr.count("\n") == 1 and "Traceback" not in plain.stderr
    debug = subprocess.run(
        [sys.executable, "-m", "easyread", "--debug", *_argv(expect, report)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr
    assert debug.stderr.strip().splitlines()[-1] == plain.stderr.strip()
