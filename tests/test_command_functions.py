"""Each command's one library function, called as a program would call it (no command line):
lint.run.run_lint, score.run.run_score (and writers.readability.score_and_write, which draws
what it works out), review.feedback_run.read_feedback and review.changes_output.make_changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from easyread.errors import EasyReadError
from easyread.lint.run import LintOptions, run_lint
from easyread.review.feedback_run import read_feedback
from easyread.score.run import run_score

LONG = (
    "We looked at every single one of the many reports that the people who work in the "
    "health and care services of the whole country sent to us during the last year.\n"
)


def _report(folder: Path, body: str) -> Path:
    folder.mkdir()
    (folder / "easyread.toml").write_text('title = "Our report"\n', encoding="utf-8")
    (folder / "01-intro.md").write_text(f"# Intro\n\n{body}", encoding="utf-8")
    return folder


def test_run_lint_returns_the_findings_and_what_fails(tmp_path: Path) -> None:
    report = _report(tmp_path / "report", LONG)
    found = run_lint([str(report)], LintOptions())
    assert "long-sentence" in {finding.rule for finding in found.findings}
    assert set(found.failing) <= set(found.findings)
    assert found.diffs == () and found.fixed == 0
    never = run_lint([str(report)], LintOptions(fail_on="never"))
    assert never.findings == found.findings and never.failing == []


def test_run_lint_reads_standard_input_it_is_given(tmp_path: Path) -> None:
    found = run_lint(["-"], LintOptions(), stdin=io.StringIO(LONG))
    assert {finding.path for finding in found.findings} == {Path("<stdin>")}


def test_run_lint_with_diff_changes_nothing(tmp_path: Path) -> None:
    report = _report(tmp_path / "report", "We will utilise the money in order to help.\n")
    section = report / "01-intro.md"
    before = section.read_bytes()
    found = run_lint([str(report)], LintOptions(diff=True))
    assert found.diffs and "utilise" in found.diffs[0]
    assert section.read_bytes() == before


def test_run_score_scores_compares_and_gates(tmp_path: Path) -> None:
    report = _report(tmp_path / "report", "We help people. We listen to you.\n")
    found = run_score([str(report)])
    assert found.failures == [] and found.comparison is None
    assert [section.title for section in found.score.sections] == ["Intro"]
    strict = run_score([str(report)], fail_under=101)
    assert strict.failures and "below --fail-under 101" in strict.failures[0]


def test_read_feedback_needs_copies_to_read(tmp_path: Path) -> None:
    report = _report(tmp_path / "report", "We help people.\n")
    with pytest.raises(EasyReadError, match="no review copies"):
        read_feedback([report])
    with pytest.raises(EasyReadError, match="one report folder, and was given 2"):
        read_feedback([report], report_dir=tmp_path)


def test_score_and_write_scores_and_draws_only_what_is_asked(tmp_path: Path) -> None:
    from easyread.writers.readability import score_and_write

    report = _report(tmp_path / "report", "We help people. We listen to you.\n")
    target = tmp_path / "figures" / "score.html"
    made = score_and_write([str(report)], html_file=target, fail_under=101)
    assert made.written == [target] and "<html" in target.read_text(encoding="utf-8")
    assert made.found.score == run_score([str(report)]).score
    assert made.found.failures and "below --fail-under 101" in made.found.failures[0]
    plain = score_and_write([str(report)])
    assert plain.written == [] and sorted(tmp_path.rglob("*.html")) == [target]


def test_make_changes_refuses_a_font_size_before_reading_anything(tmp_path: Path) -> None:
    from easyread.review.changes_output import make_changes

    target = tmp_path / "changes.pdf"
    with pytest.raises(EasyReadError) as caught:
        make_changes(tmp_path / "missing", "last", pdf=target, font_size=9)
    assert caught.value.one_line() == "Font size 9 is not right for Easy Read. Use 14 to 40."
    assert not target.exists()
