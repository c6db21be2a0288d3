"""Every CommonMark/GFM construct is read into the model with its exact place (issue 9).

These positions are the contract for any Markdown parser easyread uses: a parser switch must keep
every one of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.model import CodeBlock, Heading, Point, Table, ThematicBreak
from easyread.reader import parse_section

PATH = Path("report/01-all.md")

ALL = """\
---
title: Everything
author: Sam
---
# What we found

![A tick](pictures/tick.png) We checked 96% of homes.[^1] We met people.

### By age

Table 1: Deaths by age

| Age | Deaths | Share |
|:----|-------:|:-----:|
| 18 to 24 | 1,234 | 96% |
| a | a | **b** |

> A quoted line.
> Second line.

    code line one
    code line two

```text
fenced line
```

---

We help <b>all</b> people. <script>alert(1)</script> Done.

<div>A box</div>

<!-- note --> hidden words

- ![Help](pictures/help.png) One point.
  - A nested point.

# Second title

#### Deep ![x](x.png)

[^1]: From the 2024 survey. It was big.
"""


@pytest.fixture(scope="module")
def section():
    return parse_section(PATH, ALL, 1)


def _place(source) -> tuple[int, int]:
    return source.line, source.column


def test_front_matter_and_title(section) -> None:
    assert section.front_matter is not None
    assert section.front_matter.text.startswith("title: Everything")
    assert (section.front_matter.source.line, section.front_matter.end_line) == (1, 4)
    assert section.title.text == "What we found" and not section.title.implied
    assert _place(section.title.source) == (5, 1)


def test_headings_keep_their_marks_and_never_skip_a_level(section) -> None:
    headings = [block for block in section.blocks if isinstance(block, Heading)]
    assert [(h.text, h.written_level, h.level, h.source.line) for h in headings] == [
        ("By age", 3, 2, 9),
        ("Second title", 1, 2, 39),
        ("Deep", 4, 3, 41),
    ]
    assert _place(headings[2].pictures[0].source) == (41, 11)


def test_footnote_reference_and_note(section) -> None:
    point = section.points[0]
    assert [s.text for s in point.sentences] == ["We checked 96% of homes.[1]", "We met people."]
    mark = next(run for run in point.runs if run.note)
    assert (mark.text, mark.note, _place(mark.source)) == ("[1]", "1", (7, 54))
    (note,) = section.footnotes
    assert (note.label, note.number, note.text) == ("1", 1, "From the 2024 survey. It was big.")
    assert _place(note.source) == (43, 1)
    assert _place(note.sentences[1].source) == (43, 29)


def test_table_cells_caption_alignment_and_places(section) -> None:
    (table,) = section.tables
    assert [cell.text for cell in table.header] == ["Age", "Deaths", "Share"]
    assert [cell.align for cell in table.header] == ["left", "right", "center"]
    assert [[cell.text for cell in row] for row in table.body] == [
        ["18 to 24", "1,234", "96%"],
        ["a", "a", "b"],
    ]
    assert [_place(cell.source) for cell in table.rows[2]] == [(16, 3), (16, 7), (16, 13)]
    assert [_place(cell.source) for cell in table.rows[1]] == [(15, 3), (15, 14), (15, 22)]
    assert "".join(run.text for run in table.caption) == "Table 1: Deaths by age"
    assert _place(table.caption_source) == (11, 1) and _place(table.source) == (13, 1)
    assert table.rows[2][2].runs[0].strong


def test_block_quote_points_know_their_depth(section) -> None:
    quoted = [point for point in section.points if point.quote]
    assert [(p.text, _place(p.source)) for p in quoted] == [
        ("A quoted line. Second line.", (18, 3))
    ]


def test_code_blocks_keep_each_line_with_its_place(section) -> None:
    codes = [block for block in section.blocks if isinstance(block, CodeBlock)]
    assert [(c.fenced, c.info, [_place(run.source) for run in c.lines]) for c in codes] == [
        (False, "", [(21, 5), (22, 5)]),
        (True, "text", [(25, 1)]),
    ]
    assert [run.text for run in codes[0].lines] == ["code line one", "code line two"]
    assert all(run.code for code in codes for run in code.lines)


def test_thematic_break(section) -> None:
    (rule,) = [block for block in section.blocks if isinstance(block, ThematicBreak)]
    assert _place(rule.source) == (28, 1)


def test_html_is_kept_out_of_the_text_but_remembered(section) -> None:
    point = next(p for p in section.points if p.text.startswith("We help"))
    assert [s.text for s in point.sentences] == ["We help all people.", "Done."]
    assert [(h.kind, h.text, _place(h.source)) for h in section.html] == [
        ("inline", "<b>", (30, 9)),
        ("inline", "</b>", (30, 15)),
        ("inline", "<script>", (30, 28)),
        ("block", "<div>A box</div>", (32, 1)),
        ("hidden", "hidden words", (34, 15)),
    ]
    assert [(c.text, c.source.line) for c in section.comments] == [("<!-- note -->", 34)]


def test_nested_list_items_are_points_with_places(section) -> None:
    listed = [point for point in section.points if point.in_list]
    assert [(p.text, _place(p.source)) for p in listed] == [
        ("One point.", (36, 3)),
        ("A nested point.", (37, 5)),
    ]
    assert listed[0].picture is not None and listed[0].picture.src == "pictures/help.png"
    assert [point.list_depth for point in listed] == [1, 2]


def test_blocks_come_in_source_order(section) -> None:
    lines = [block.source.line for block in section.blocks]
    assert lines == sorted(lines)
    assert any(isinstance(block, Point) for block in section.blocks)
    assert any(isinstance(block, Table) for block in section.blocks)


@pytest.mark.parametrize(
    ("text", "title", "implied"),
    [
        ("We met.\n", "All", True),
        ("---\ntitle: 'From settings'\n---\nWe met.\n", "From settings", True),
        ("## Sub\n\nWe met.\n", "All", True),
        ("#\n\nWe met.\n", "All", True),
        ("<!-- a -->\n# Real\n", "Real", False),
    ],
)
def test_a_file_without_a_title_gets_one(text: str, title: str, implied: bool) -> None:
    section = parse_section(PATH, text, 1)
    assert (section.title.text, section.title.implied) == (title, implied)


def test_a_picture_later_in_a_point_is_moved_to_its_start_and_a_second_one_kept_aside() -> None:
    section = parse_section(PATH, "# T\n\nWe met ![A](a.png) and ![B](b.png).\n", 1)
    point = section.points[0]
    assert point.picture is not None and point.picture.alt == "A"
    assert [(p.alt, _place(p.source)) for p in point.more_pictures] == [("B", (3, 24))]
    assert " ".join(point.text.split()) == "We met and ."


def test_a_note_the_text_never_points_to_is_kept_with_its_place() -> None:
    text = "# T\n\nText[^a].\n\n[^a]: A note.\n[^b]: Never used. Two.\n\n    [^c]: in code\n"
    notes = parse_section(PATH, text, 1).footnotes
    assert [(n.label, n.number, n.referenced, n.text) for n in notes] == [
        ("a", 1, True, "A note."),
        ("b", 2, False, "Never used. Two."),
    ]
    assert [_place(s.source) for s in notes[1].sentences] == [(6, 7), (6, 19)]
