"""Public report text nobody here wrote, linted and scored: exit code 0 or 1, never a crash.

tests/data/corpus/ holds excerpts of NHS England, NHS Digital, CQC, GOV.UK, Parliament, council,
NHS trust and safeguarding adults board pages, each with its source and licence in SOURCES.md.
Issue 9 found `easyread lint` stopping at the first '###' heading (exit 2) and crashing on "96%"
(exit 3) on text like this.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.reader import read_files
from easyread.reader.sentences import count_words

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
FILES = sorted(path for path in CORPUS.glob("*.md") if path.name != "SOURCES.md")


def test_the_corpus_has_at_least_20_excerpts_each_with_its_source_and_licence() -> None:
    assert len(FILES) >= 20
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for path in FILES:
        row = next(
            (line for line in sources.splitlines() if line.startswith(f"| `{path.name}`")), ""
        )
        assert re.search(r"https?://", row), f"{path.name} has no source address"
        assert "OGL v3.0" in row or "OPL v3.0" in row, f"{path.name} has no licence"


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_lint_and_score_end_with_0_or_1(path: Path, capsys: pytest.CaptureFixture) -> None:
    for command in ("lint", "score"):
        code = main([command, str(path)])
        captured = capsys.readouterr()
        assert code in (0, 1), f"easyread {command} {path.name}: exit {code}\n{captured.err}"
        assert "Traceback" not in captured.err


def test_every_excerpt_is_read_whole_with_every_heading_and_its_words_checked() -> None:
    report = read_files(FILES)
    words = sum(
        count_words(sentence.text)
        for section in report.sections
        for point in section.points
        for sentence in point.sentences
    )
    assert words > 6000
    deep = [h for s in report.sections for h in s.headings if h.written_level >= 3]
    assert deep, "the corpus has real '###' headings"
    assert any(section.footnotes for section in report.sections)
    from easyread.lint import lint_report

    found = {finding.rule for finding in lint_report(report)}
    assert {"heading-depth", "percentage", "long-sentence", "footnote"} <= found


def test_every_finding_points_at_its_own_words_in_the_file() -> None:
    """On one line, the file's text from column to end column is the finding's text, but for
    what the model writes differently: a footnote mark ([^1] is [1]) and HTML tags left out."""
    from easyread.lint import lint_report

    report = read_files(FILES)
    lines = {path: path.read_text(encoding="utf-8").split("\n") for path in FILES}
    checked = 0
    for finding in lint_report(report):
        if finding.line != finding.end_line or not finding.text:
            continue
        source = lines[finding.path][finding.line - 1][finding.column - 1 : finding.end_column - 1]
        written = re.sub(r"<[^>]+>", "", source.replace("[^", "["))
        assert written == finding.text, (finding.rule, finding.line, source, finding.text)
        checked += 1
    assert checked > 500
