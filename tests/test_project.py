"""The project's promises about itself: the README's set-up commands and what CI runs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from easyread.pictograms.records import load_records

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None, "the README opens with a sh code block"
    assert readme.index("```sh") < readme.index("\n## "), "the commands come before any section"
    lines = block.group(1).splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_the_readme_opens_with_exactly_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "easyread build samples/" in commands[0]
    assert "pytest" in commands[1] and ".[test]" in commands[1]


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
    assert ci.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in ci


def test_the_readme_has_no_placeholders_left() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "SPEED_FIGURES" not in readme and "TODO" not in readme


def tracked_files() -> list[Path]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [ROOT / name for name in listing.split("\0") if name]


def test_every_picture_folder_records_its_sources_and_licence() -> None:
    folders = {path.parent for path in tracked_files() if path.suffix == ".png"}
    assert folders, "the project ships pictures"
    for folder in folders:
        if folder.is_relative_to(ROOT / "docs") or folder.is_relative_to(ROOT / "tests"):
            continue
        assert folder.name == "pictures", f"{folder}: pictures belong in a pictures folder"
        records = load_records(folder.parent)
        assert records, f"{folder} has pictures but no pictures.toml"
        for picture in folder.glob("*.png"):
            record = records.get(picture.name)
            assert record is not None, f"{picture} has no record in {folder / 'pictures.toml'}"
            assert record.source and record.licence and record.licence_link and record.author
        assert list(folder.glob("LICENSE*")), f"{folder} has no licence file"


def test_the_readme_folder_is_what_easyread_init_makes(tmp_path: Path) -> None:
    """A newcomer runs `easyread init my-report` and compares it with the README's drawing."""
    from easyread.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    drawing = readme[readme.index("my-report/\n") : readme.index("```", readme.index("my-report/"))]
    drawn = {m.group(1) for m in re.finditer(r"[├└]── (\S+)", drawing)}
    assert main(["init", str(tmp_path / "my-report")]) == 0
    made = {
        path.name + ("/" if path.is_dir() else "") for path in (tmp_path / "my-report").iterdir()
    }
    assert drawn == made
