"""The command line as an author uses it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from easyread.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parent.parent


def run_easyread(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "easyread", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def registered_commands() -> list[str]:
    parser = build_parser()
    actions = [action for action in parser._actions if action.dest == "command"]
    return list(actions[0].choices)


def test_version() -> None:
    result = run_easyread("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("easyread ")


def test_every_listed_command_is_registered() -> None:
    assert registered_commands() == [name for name in COMMANDS if name in registered_commands()]
    assert {"build", "init"} <= set(registered_commands())


@pytest.mark.parametrize("command", registered_commands())
def test_help_on_every_command(command: str) -> None:
    result = run_easyread(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: easyread" in result.stdout
    assert "--help" in result.stdout


def test_no_command_prints_help_and_exits_2() -> None:
    result = run_easyread()
    assert result.returncode == 2
    assert "build" in result.stdout


@pytest.mark.slow
def test_init_makes_a_report_that_builds(tmp_path: Path) -> None:
    report = tmp_path / "new-report"
    made = run_easyread("init", str(report))
    assert made.returncode == 0, made.stderr
    assert (report / "easyread.toml").is_file()
    built = run_easyread(
        "build", str(report), "--format", "html,pdf", "--out", str(tmp_path / "out")
    )
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "new-report.pdf").stat().st_size > 10_000
    assert (tmp_path / "out" / "new-report.html").stat().st_size > 10_000
    assert "pages)" in built.stdout


def test_init_refuses_a_folder_that_has_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_easyread("init", str(tmp_path))
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert len(result.stderr.strip().splitlines()) == 1


def test_build_of_a_missing_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run_easyread("build", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_refuses_an_unknown_format(report_copy: Path) -> None:
    result = run_easyread("build", str(report_copy), "--format", "pdf,odt")
    assert result.returncode == 2
    assert "'odt' is not an output" in result.stderr


@pytest.mark.slow
def test_a_broken_picture_names_the_markdown_line(report_copy: Path) -> None:
    section = sorted(report_copy.glob("*.md"))[0]
    lines = section.read_text(encoding="utf-8").splitlines()
    picture_line = next(i for i, line in enumerate(lines, 1) if line.startswith("!["))
    picture = report_copy / lines[picture_line - 1].split("](")[1].split(")")[0]
    picture.write_text("this is not a picture", encoding="utf-8")
    result = run_easyread("build", str(report_copy), "--format", "html")
    assert result.returncode == 2
    assert f"{section.name}:{picture_line}:" in result.stderr
    assert "not a picture" in result.stderr


@pytest.mark.slow
def test_strict_build_with_check_errors_exits_1_and_writes_nothing(report_copy: Path) -> None:
    section = sorted(report_copy.glob("*.md"))[0]
    text = section.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("!["))
    alt = first[2 : first.index("]")]
    section.write_text(text.replace(f"![{alt}]", "![]", 1), encoding="utf-8")
    out = report_copy / "out"
    result = run_easyread("build", str(report_copy), "--strict", "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert "error" in result.stderr and "easyread lint" in result.stderr
    assert not out.exists() or not any(out.glob("*.pdf"))


def test_config_shows_each_setting_and_where_it_comes_from(report_copy: Path, capsys) -> None:
    from easyread.cli import main

    config = report_copy / "easyread.toml"
    lines = config.read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if not line.startswith("outputs")]
    config.write_text("\n".join([*lines, "[lint]", 'allow-acronyms = ["NHS"]', ""]))
    font_line = next(i for i, line in enumerate(lines, 1) if line.startswith("font-size"))
    assert main(["config", str(report_copy), "--format", "json"]) == 0
    shown = {item["name"]: item for item in json.loads(capsys.readouterr().out)}
    assert shown["font-size"] == {
        "name": "font-size",
        "value": 16,
        "from": f"easyread.toml:{font_line}",
        "help": "the size of the words in points, 14 to 40",
    }
    assert shown["author"]["from"] == "default"
    assert shown["outputs"] == {
        "name": "outputs",
        "value": ["pdf", "docx", "html"],
        "from": "default",
        "help": "the formats to build (none listed: every format there is)",
    }
    # Every setting of a table the schema declares is shown, set or not.
    assert shown["score.max-words"]["value"] == 15
    assert shown["score.max-words"]["from"] == "default"
    assert shown["glossary.bold-first-use"]["value"] is False
    assert shown["lint.allow-acronyms"]["from"] == f"easyread.toml:{len(lines) + 2}"
    assert main(["config", str(report_copy)]) == 0
    text = capsys.readouterr().out
    font = next(line for line in text.splitlines() if line.startswith("font-size"))
    assert font.split()[1] == "16"  # as the author wrote it, not 16.0


DIR_COMMANDS = [
    ["build", "{dir}"],
    ["watch", "{dir}"],
    ["review", "{dir}"],
    ["review", "{dir}", "--record", "--group", "G", "--checker", "Sam"],
    ["config", "{dir}"],
    ["changes", "--since", "last", "{dir}"],
    ["feedback", "copy.pdf", "--report", "{dir}"],
    ["pictures", "suggest", "{dir}"],
    ["pictures", "add", "pic.png", "--dir", "{dir}", "--source", "s", "--licence", "l"],
]


@pytest.mark.parametrize("command", DIR_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_names_a_bad_report_folder_the_same_way(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One function (files.report_folder) turns DIR into the report folder for every command."""
    from easyread.cli import main

    missing = tmp_path / "no-such-report"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a report", encoding="utf-8")
    for folder, message in (
        (missing, "This folder does not exist. Check the folder name."),
        (a_file, "This is not a folder. Give the report's folder."),
    ):
        assert main([part.format(dir=folder) for part in command]) == 2
        error = capsys.readouterr().err.strip()
        assert error.endswith(f"{folder.name}: {message}"), error
        assert "\n" not in error


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["lint"], "This file or folder does not exist. Check the name."),
        (["score"], "This file does not exist. Check its name."),
        (["build"], "This folder does not exist. Check the folder name."),
        (["import"], "This file does not exist. Check its name."),
        (["feedback"], "This file does not exist. Check its name."),
    ],
)
def test_every_command_names_a_missing_path_through_the_shared_function(
    command: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """lint takes files or folders, score one folder or files, build a folder, import and
    feedback files: the words differ, the function (files.command_path) and the one line are
    the same."""
    from unittest import mock

    from easyread import files
    from easyread.cli import main

    missing = tmp_path / "no-such-thing.md"
    with mock.patch.object(files, "command_path", wraps=files.command_path) as shared:
        modules = (
            "easyread.lint.run",
            "easyread.score.run",
            "easyread.importer",
            "easyread.review.feedback_run",
        )
        patches = [mock.patch(f"{name}.command_path", shared) for name in modules]
        for patch in patches:
            patch.start()
        try:
            assert main([*command, str(missing)]) == 2
        finally:
            for patch in patches:
                patch.stop()
    error = capsys.readouterr().err.strip()
    assert error == f"easyread: {missing}: {message}", error
    assert shared.called


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        (["new", "my-report"], "Did you mean 'easyread init'?"),
        (["biuld", "."], "Did you mean 'easyread build'?"),
        (["--debug", "lnit"], "Did you mean 'easyread lint'?"),
        (["zzzz"], "Run 'easyread --help' to see the commands."),
    ],
)
def test_an_unknown_command_gets_one_line_with_the_nearest_command(
    capsys: pytest.CaptureFixture[str], typed: list[str], hint: str
) -> None:
    from easyread.cli import main

    assert main(typed) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    word = next(part for part in typed if not part.startswith("-"))
    assert captured.err.startswith(f"easyread: There is no easyread command '{word}'.")
    assert hint in captured.err and len(captured.err.splitlines()) == 1


def test_import_of_a_folder_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from easyread.cli import main

    folder = tmp_path / "notes"
    folder.mkdir()
    assert main(["import", str(folder), str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"easyread: {folder}: This is a folder, not a file."
    assert not (tmp_path / "out").exists()
