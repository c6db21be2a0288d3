"""Property tests: lint never crashes, and every finding points at its own text."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.errors import EasyReadError
from easyread.lint import lint_report
from easyread.lint.settings import LintSettings
from easyread.lint.text import source_lines
from easyread.reader import read_stdin

# Pieces that make rules fire, mixed with arbitrary Unicode text.
FRAGMENTS = [
    "e.g. ", "i.e.", "etc.", " 25% ", "12.5 per cent", "; ", "Part II ", "(iii) ", "6/8/18",
    "2018-08-06", "seven ", "a third of ", "12,345", "1.5", "PLEASE ", "MUST NOT ", "*it* ",
    "**bold** ", "[link; text](http://x.org/a;b) ", "`co;de` ", "\\% ", "&amp; ", "&#59;",
    "\n", "\n\n", "\n- ", "![alt; II](p.png) ", "![](q.png) ", "<!-- easyread-disable -->",
    "\n<!-- easyread-disable-next-line semicolon -->\n", "We met. ", "Dr Smith ", "  ",
]  # fmt: skip
WORDS = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
BODY = st.lists(WORDS, max_size=30).map("".join)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_SPECIAL = set("\\&*_`[]()<>!\t")


def lint(markdown: str):  # noqa: ANN201
    try:
        report = read_stdin(markdown)
    except EasyReadError:
        return None  # refused with a clear message: not a crash
    return report, lint_report(report, LintSettings())


@settings(
    max_examples=int(__import__("os").environ.get("LINT_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(BODY)
def test_lint_never_crashes_and_positions_point_at_the_text(body: str) -> None:
    markdown = f"# T\n\n{body}"
    result = lint(markdown)
    if result is None:
        return
    report, findings = result
    lines = source_lines(report.sections[0])
    for finding in findings:
        assert 1 <= finding.line <= finding.end_line <= len(lines)
        assert finding.column >= 1 and finding.end_column >= 1
        assert finding.text
        if finding.line != finding.end_line:
            continue
        line = lines[finding.line - 1]
        span = line[finding.column - 1 : finding.end_column - 1]
        if not _SPECIAL.intersection(span) and not _SPECIAL.intersection(finding.text):
            assert span == finding.text, (finding, line)
        assert _starts_with(line[finding.column - 1 :], finding.text), (finding, line)
        assert _ends_with(line[: finding.end_column - 1], finding.text), (finding, line)


def _starts_with(source: str, text: str) -> bool:
    if source.startswith(text[0]):
        return True
    if source.startswith("\\" + text[0]):
        return True
    entity = _ENTITY.match(source)
    return bool(entity) and text.startswith(html.unescape(entity.group()))


def _ends_with(source: str, text: str) -> bool:
    if source.endswith(text[-1]):
        return True
    entity = re.search(_ENTITY.pattern + "$", source)
    return bool(entity) and text.endswith(html.unescape(entity.group()))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_lint_never_crashes_on_any_text(body: str) -> None:
    lint(f"# T\n\n{body}")
