"""The Markdown reader builds the model the way docs/authoring.md promises, with exact places."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.config import default_config
from easyread.model import Heading, Point
from easyread.reader import parse_section

SECTION = """\
# About **this** report

![A doctor](pictures/doctor.png) We met.
It was good. You can see a **doctor** at your *surgery*.

## Who we are

- ![A nurse](pictures/nurse.png)
  First item here. Dr. Smith said 1.5 is fine.
- Second item with a [link](https://example.org) in it.
  - A nested item.

<!-- easyread-disable long-sentence -->
Last point with `code` &amp; an entity.
"""

PATH = Path("03-about.md")


@pytest.fixture(scope="module")
def section():
    return parse_section(PATH, SECTION, 3)


def test_the_title_is_a_level_1_heading_with_its_bold_run(section) -> None:
    assert section.title.text == "About this report"
    assert section.title.level == 1 and section.title.source.line == 1
    assert [run.text for run in section.title.runs if run.strong] == ["this"]
    assert section.anchor == "section-3"


def test_blocks_come_in_order_and_points_are_numbered_section_dot_point(section) -> None:
    kinds = [type(block).__name__ for block in section.blocks]
    assert kinds == ["Point", "Heading", "Point", "Point", "Point", "Point"]
    assert [point.number for point in section.points] == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    heading = section.blocks[1]
    assert isinstance(heading, Heading) and heading.level == 2 and heading.source.line == 6


def test_a_paragraph_is_a_point_with_its_picture_and_short_sentences(section) -> None:
    point = section.points[0]
    assert isinstance(point, Point) and not point.in_list
    assert point.picture is not None
    assert (point.picture.alt, point.picture.src) == ("A doctor", "pictures/doctor.png")
    assert (point.picture.source.line, point.picture.source.column) == (3, 1)
    assert [s.text for s in point.sentences] == [
        "We met.",
        "It was good.",
        "You can see a doctor at your surgery.",
    ]
    assert (point.source.line, point.end_line) == (3, 4)


def test_every_sentence_and_run_points_at_its_own_text() -> None:
    lines = SECTION.splitlines()
    for point in parse_section(PATH, SECTION, 3).points:
        for sentence in point.sentences:
            for run in sentence.runs:
                if run.source is None or run.code:
                    continue
                line = lines[run.source.line - 1]
                assert line[run.source.column - 1 :].startswith(run.text.split("&")[0]), run


def test_styles_become_runs(section) -> None:
    runs = section.points[0].sentences[2].runs
    assert [(run.text, run.strong, run.emphasis) for run in runs if run.strong or run.emphasis] == [
        ("doctor", True, False),
        ("surgery", False, True),
    ]
    link = next(run for run in section.points[2].runs if run.link)
    assert (link.text, link.link) == ("link", "https://example.org")
    code = next(run for run in section.points[4].runs if run.code)
    assert code.text == "code"
    assert section.points[4].text == "Last point with code & an entity."


def test_list_items_are_points_and_abbreviations_do_not_split_sentences(section) -> None:
    first, second, nested = section.points[1:4]
    assert first.in_list and first.picture is not None and first.picture.alt == "A nurse"
    assert [s.text for s in first.sentences] == ["First item here.", "Dr. Smith said 1.5 is fine."]
    assert (first.sentences[1].source.line, first.sentences[1].source.column) == (9, 20)
    assert second.text.startswith("Second item") and nested.text == "A nested item."
    assert (nested.source.line, nested.source.column) == (11, 5)


def test_comments_are_kept_with_their_line_for_lint(section) -> None:
    assert [(c.text, c.source.line) for c in section.comments] == [
        ("<!-- easyread-disable long-sentence -->", 13)
    ]


@pytest.mark.parametrize(
    ("text", "rule", "line", "column"),
    [
        ("Some text first.\n\n# Title\n", "section-title", 1, 1),
        ("# One\n\n# Two\n", "section-title", 3, 1),
        ("# T\n\nWe met ![a](b.png) here.\n", "picture-place", 3, 8),
        ("# T\n\n<div>raw</div>\n", "html", 3, 1),
        ("# T\n\n    indented code\n", "code", 3, 5),
        ("# T\n\n### Deep\n", "heading-depth", 3, 1),
    ],
)
def test_what_easy_read_advises_against_is_read_and_becomes_a_finding(
    text: str, rule: str, line: int, column: int
) -> None:
    """These were input errors (exit 2) before issue 9: valid Markdown is now always read."""
    from easyread.lint import lint_report
    from easyread.lint.settings import LintSettings
    from easyread.model import Report

    section = parse_section(PATH, text, 1)
    report = Report(root=PATH.parent, config=default_config(PATH.parent), sections=(section,))
    found = [f for f in lint_report(report, LintSettings(enabled={rule})) if f.rule == rule]
    assert [(f.line, f.column) for f in found][:1] == [(line, column)]


def test_the_parts_a_reader_makes_once_are_frozen(section) -> None:
    """Runs, sentences, headings, code blocks, breaks, comments, raw HTML and front matter
    cannot be changed after reading: a writer or the edition that tried would fail here."""
    import dataclasses

    point = section.points[0]
    sentence = point.sentences[0]
    for part, field_name in (
        (sentence.runs[0], "text"),
        (sentence, "runs"),
        (section.title, "runs"),
        (section.comments[0], "text"),
    ):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(part, field_name, "changed")
    assert section.title.text and sentence.text
