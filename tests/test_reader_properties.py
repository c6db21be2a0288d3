"""Property tests: the parser never crashes on any text, and positions point at the text."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.errors import EasyReadError
from easyread.model import Section
from easyread.reader import parse_section

PATH = Path("section.md")
PIECES = [
    "# ", "## ", "### ", "**", "*", "_", "![a](b.png)", "![", "](", ")", "[link](http://x)",
    "- ", "* ", "1. ", "> ", "`", "```", "<!-- x -->", "<!--", "-->", "<b>", "&amp;", "&#1;",
    "\\", "\n", "\n\n", "  ", "\t", "    ", "e.g. ", "Dr. ", "1.5", ". ", "? ", "!", "{{ x }}",
    "{% if %}", "word", "Wörd", "日本", "\u2028", "\u0085", "\r\n", "\r", "=", "---",
]  # fmt: skip
markdownish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(
    "".join
)
# 200 examples keep the suite fast; EASYREAD_PROPERTY_EXAMPLES=5000 for a deep search.
EXAMPLES = int(os.environ.get("EASYREAD_PROPERTY_EXAMPLES", "200"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _parse(text: str) -> Section | None:
    try:
        return parse_section(PATH, text, 1)
    except EasyReadError as error:
        assert error.path == PATH
        assert error.line is None or error.line >= 1
        assert "\n" not in error.one_line()
        return None


@PROPERTY
@given(st.text())
def test_any_text_parses_or_gets_an_author_error(text: str) -> None:
    _parse(text)


@PROPERTY
@given(markdownish)
def test_any_markdownish_text_parses_or_gets_an_author_error(text: str) -> None:
    _parse(text)


def _check_positions(section: Section) -> None:
    lines = section.text.split("\n")
    for point in section.points:
        assert 1 <= point.source.line <= point.end_line or point.end_line == 0
        for run in point.runs:
            assert "\n" not in run.text
            if run.source is None or not run.text.strip():
                continue
            assert run.source.path == PATH
            line = lines[run.source.line - 1]
            if run.text in line:  # a plain substring: the position must be exact
                start = run.source.column - 1
                assert line[start : start + len(run.text)] == run.text, (run, line)


@PROPERTY
@given(markdownish)
def test_runs_point_at_their_text(body: str) -> None:
    section = _parse("# Title\n\n" + body)
    if section is not None:
        _check_positions(section)


words = st.lists(
    st.sampled_from(["We", "help", "**people**", "*care*", "e.g.", "staff.", "`x`", "[a](b)"]),
    min_size=1,
    max_size=12,
).map(" ".join)


@PROPERTY
@given(st.lists(words, min_size=1, max_size=6), st.sampled_from(["", "- ", "> ", "1. "]))
def test_points_in_lists_and_quotes_point_at_their_text(lines: list[str], marker: str) -> None:
    body = "\n".join(marker + line for line in lines) + "\n"
    section = _parse("# Title\n\n" + body)
    assert section is not None
    _check_positions(section)


def test_a_code_span_across_a_line_break_keeps_later_positions() -> None:
    section = _parse("# Title\n\n0`\r\n`0 and `a\nb` word\n")
    assert section is not None
    _check_positions(section)
    last = section.points[0].runs[-1]
    assert last.text.strip() == "word" and last.source is not None
    assert (last.source.line, last.source.column) == (5, 3)
