"""`lint --fix` edits sources where they are; outputs never land among the sources."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from easyread.cli import main

WORDY = "# Intro\n\nWe help people e.g. you.\n"


def _report(tmp_path: Path) -> Path:
    report = tmp_path / "report"
    (report / "drafts").mkdir(parents=True)
    (report / "easyread.toml").write_text('title = "Our report"\n', encoding="utf-8")
    return report


def _fixable(report: Path) -> Path:
    """A section with a mistake --fix mends, kept in drafts/ and linked from the report."""
    real = report / "drafts" / "intro.md"
    real.write_text(WORDY, encoding="utf-8")
    os.chmod(real, 0o640)
    (report / "01-intro.md").symlink_to("drafts/intro.md")
    return real


def test_fix_writes_through_a_link_to_its_target_and_keeps_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _report(tmp_path)
    real = _fixable(report)
    monkeypatch.chdir(tmp_path)
    main(["lint", "report", "--fix"])
    link = report / "01-intro.md"
    assert link.is_symlink(), "the link stayed a link"
    assert real.read_text(encoding="utf-8") != WORDY, "the file it points at was fixed"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_fix_refuses_a_link_that_leads_out_of_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from easyread.errors import OutputError
    from easyread.lint import fixer

    report = _report(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(WORDY, encoding="utf-8")
    link = report / "01-intro.md"
    link.symlink_to(outside)
    plan = fixer.FileFix(link, WORDY.encode(), WORDY, "# Intro\n")
    with pytest.raises(OutputError) as refused:
        fixer.write_atomically(plan, report)
    assert "outside the report folder" in refused.value.one_line()
    assert outside.read_text(encoding="utf-8") == WORDY


@pytest.mark.parametrize("command", ["feedback", "build", "review"])
def test_outputs_are_never_written_among_the_sources(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    report = _report(tmp_path)
    (report / "01-intro.md").write_text("# Intro\n\nWe help people.\n", encoding="utf-8")
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(b"%PDF-1.7\n")
    monkeypatch.chdir(tmp_path)
    argv = {
        "feedback": ["feedback", "copy.pdf", "--report", "report", "--out", "report"],
        "build": ["build", "report", "--out", "report", "--format", "html", "--no-checks"],
        "review": ["review", "report", "--out", "report"],
    }[command]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err
    assert "folder of the report's own files" in err
    assert sorted(path.name for path in report.iterdir()) == [
        "01-intro.md",
        "drafts",
        "easyread.toml",
    ]
