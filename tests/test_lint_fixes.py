"""Fixes that never make the text worse: re-linted, "a"/"an" kept right, acronyms written out
in the glossary's own form, no sentence pushed over the limit, and a fresh count after --fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.cli import main
from easyread.lint import lint_report
from easyread.lint.fixer import checked_fixes, needs_an
from easyread.lint.settings import load_settings
from easyread.reader import read_report


def make_report(folder: Path, body: str, toml: str = "", words: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "easyread.toml").write_text(f'title = "T"\n{toml}', encoding="utf-8")
    (folder / "01-care.md").write_text(f"# Care\n\n{body}\n", encoding="utf-8")
    if words:
        (folder / "our-words.yaml").write_text(words, encoding="utf-8")
    return folder


def fixed_text(folder: Path) -> str:
    report = read_report(folder, check_pictures=False)
    settings = load_settings(report.config)
    findings = lint_report(report, settings)
    safe = checked_fixes(report, settings, findings)
    text = (folder / "01-care.md").read_text("utf-8").split("\n")[2]  # the body's one line
    for finding in sorted(safe, key=lambda f: f.column, reverse=True):
        assert finding.line == finding.end_line == 3
        start, end = finding.column - 1, finding.end_column - 1
        text = text[:start] + (finding.fix or "") + text[end:]
    return text


@pytest.mark.parametrize(
    ("words", "an"),
    [("hour", True), ("MP", True), ("NHS", True), ("ICB", True), ("user", False),
     ("one-off", False), ("8-week wait", True), ("11", True), ("12", False),
     ("yearly", False), ("honest", True), ("unit", False), ("umbrella", True)],
)  # fmt: skip
def test_a_or_an_goes_by_the_first_sound(words: str, an: bool) -> None:
    assert needs_an(words) is an


def test_a_and_an_agree_after_a_fix(tmp_path: Path) -> None:
    body = "You will get an initial letter from the council."
    assert fixed_text(make_report(tmp_path / "r", body)) == (
        "You will get a first letter from the council."
    )


def test_an_acronym_is_written_out_in_the_glossarys_own_form(tmp_path: Path) -> None:
    # NHS 111 is one glossary acronym: written out whole, never "National Health Service
    # (NHS) 111".
    folder = make_report(
        tmp_path / "r", "If you feel ill, call NHS 111.", "[lint]\nallow-acronyms = []\n"
    )
    assert fixed_text(folder) == (
        "If you feel ill, call NHS 111 phone and online service (NHS 111)."
    )


def test_a_fix_never_makes_a_sentence_longer_than_the_limit(tmp_path: Path) -> None:
    short = "The CQC checks care homes."
    assert fixed_text(make_report(tmp_path / "a", short)) == (
        "The Care Quality Commission (CQC) checks care homes."
    )
    # 14 words: writing out the CQC would make 17, over the limit of 15.
    long = "The CQC checks the care homes and the home care services in our town."
    assert fixed_text(make_report(tmp_path / "b", long)) == long


def test_a_fix_that_brings_a_new_problem_is_not_made(tmp_path: Path) -> None:
    words = (
        "name: ours\ndescription: our words\nentries:\n"
        "  - term: obtain\n    kind: jargon\n    plain: Obtain means get.\n"
        "    suggest: [procure]\n"
        "  - term: deliver\n    kind: jargon\n    plain: Deliver means give.\n"
        "    suggest: [give]\n"
    )
    toml = '[glossary]\nfiles = ["our-words.yaml"]\n'
    body = "We obtain food. We deliver food."
    # "procure" is a formal word (wordy-phrase): that fix is not made; "give" is.
    assert fixed_text(make_report(tmp_path / "r", body, toml, words)) == (
        "We obtain food. We give food."
    )
    # Writing out ICB would bring in "integrated care board", a hard word to explain.
    icb = "The ICB pays for your care."
    assert fixed_text(make_report(tmp_path / "icb", icb)) == icb


def test_after_fix_the_summary_is_a_fresh_lint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "We deliver care in order to help. You will get an initial letter. We met seven people."
    folder = make_report(tmp_path / "r", body)
    main(["lint", str(folder), "--fix"])
    after_fix = capsys.readouterr().out.strip().splitlines()
    main(["lint", str(folder)])
    second_run = capsys.readouterr().out.strip().splitlines()
    assert after_fix == second_run
    assert "an first" not in (folder / "01-care.md").read_text("utf-8")
