"""Generated documents using every Markdown construct go through the whole reader, linter and
scorer without a crash, and every finding points inside the file (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.config import default_config
from easyread.lint import lint_report
from easyread.model import Report
from easyread.reader import parse_section
from easyread.score import report_to_json, score_report

PATH = Path("generated/01-section.md")

_WORDS = st.sampled_from(
    [
        "We", "met", "people", "the", "NHS", "CQC", "96%", "95 per cent", "1,234", "12.5",
        "6/8/18", "2026-07-14", "15-20", "years", "e.g.", "etc.", "Part II", "deliver",
        "stakeholder", "annual health check", "VERY", "important", ";", "a third of",
        "seventy-two", "£1,187.50", "1/3", "**bold**", "*italic*", "`code`", "[link](https://x.org)",
        "&amp;", "\\*", "![A picture](p.png)", "<b>", "</b>", "<!-- note -->", "[^1]", "|", "café",
        "—", "“quoted”", "(brackets)", ".", "?", "!",
    ]
)  # fmt: skip


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=18))
    return " ".join(words) + draw(st.sampled_from([".", "!", "?", "", ".[^1]"]))


@st.composite
def _block(draw: st.DrawFn) -> str:
    text = draw(_sentence())
    kind = draw(
        st.sampled_from(
            ["para", "heading", "list", "nested", "ordered", "quote", "code", "fence", "table",
             "html", "comment", "hidden", "hr", "picture", "note", "setext", "lazy"]
        )
    )  # fmt: skip
    level = draw(st.integers(min_value=1, max_value=6))
    if kind == "heading":
        return "#" * level + " " + text
    if kind == "list":
        return f"- {text}\n- {draw(_sentence())}"
    if kind == "nested":
        return f"- {text}\n  - {draw(_sentence())}\n    - {draw(_sentence())}"
    if kind == "ordered":
        return f"1. {text}\n2. {draw(_sentence())}"
    if kind == "quote":
        return f"> {text}\n> > {draw(_sentence())}"
    if kind == "code":
        return f"    {text}\n    {draw(_sentence())}"
    if kind == "fence":
        return f"```text\n{text}\n```"
    if kind == "table":
        rows = draw(st.integers(min_value=0, max_value=3))
        lines = [f"| {text} | b |", "|:--|--:|"]
        lines += [f"| {draw(_sentence())} | {draw(_sentence())} |" for _ in range(rows)]
        caption = draw(st.sampled_from(["", "Table 1: Numbers\n\n"]))
        return caption + "\n".join(lines)
    if kind == "html":
        return f"<div>{text}</div>"
    if kind == "comment":
        return f"<!-- easyread-disable long-sentence -->\n{text}"
    if kind == "hidden":
        return f"<!-- note --> {text}"
    if kind == "hr":
        return "---"
    if kind == "picture":
        return f"![A picture of people](pictures/p.png) {text}"
    if kind == "note":
        return f"[^1]: {text}"
    if kind == "setext":
        return f"{text}\n---"
    if kind == "lazy":
        return f"> {text}\n{draw(_sentence())}"
    return text


@st.composite
def _document(draw: st.DrawFn) -> str:
    front = draw(st.sampled_from(["", "---\ntitle: Generated\n---\n"]))
    title = draw(st.sampled_from(["# Our work\n\n", "", "## Sub\n\n", "#\n\n"]))
    blocks = draw(st.lists(_block(), min_size=1, max_size=8))
    ending = draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))
    return front + title + "\n\n".join(blocks) + ending


def _report(text: str) -> Report:
    section = parse_section(PATH, text, 1)
    return Report(root=PATH.parent, config=default_config(PATH.parent), sections=(section,))


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_any_document_is_read_linted_and_scored_with_findings_inside_the_file(text: str) -> None:
    report = _report(text)
    lines = text.replace("\r\n", "\n").split("\n")
    for finding in lint_report(report):
        assert 1 <= finding.line <= len(lines), finding
        assert finding.column >= 1 and finding.end_line >= finding.line, finding
        if finding.end_line == finding.line:
            assert finding.end_column >= finding.column, finding
    score = score_report(report)
    assert report_to_json(score)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_at_all_is_read_without_a_crash(text: str) -> None:
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    report = _report(text)
    lint_report(report)
    score_report(report)


def test_table_rows_and_footnotes_are_scored_with_the_points() -> None:
    text = (
        "# Deaths\n\nWe met people.[^1]\n\n| Age | Deaths |\n|---|---|\n"
        "| Adults aged 18 to 24 | Twelve people died in hospital |\n\n"
        "[^1]: Counted in the spring survey.\n"
    )
    section = score_report(_report(text)).sections[0]
    assert [point.number for point in section.points] == ["1.1", "1.t1.1", "1.n1"]
    assert section.counts.words == 3 + 10 + 5  # the point, the row (5 + 5), the note
    assert {heading.text for heading in section.headings} >= {"Deaths", "Age"}
