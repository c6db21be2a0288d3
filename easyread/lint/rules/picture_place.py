"""The picture-place rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule
from easyread.model import Heading, Picture, Point, Section, Table


class PicturePlace(Rule):
    """A picture that is not at the start of a point.

    In Easy Read each point has its picture on the left. easyread takes the picture at the
    start of a point for that place. A picture later in the text is moved to the left when the
    point has none; a second picture in a point, and pictures in headings or tables, are not
    shown. Start each point with its own picture.
    """

    id = "picture-place"
    description = "A picture that is not at the start of a point."
    severity = "warning"
    examples_fail = [
        "# Visits\n\nWe met people ![People](people.png) at home.\n",
        "# Visits\n\n![A house](house.png) We visited. ![People](people.png)\n",
        "# Visits ![A house](house.png)\n\n![People](people.png) We met people.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A house](house.png) We visited 12 homes.\n",
        "# Visits\n\n- ![People](people.png) We met people.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            for picture, where in _misplaced(section):
                yield block_finding(
                    context,
                    section,
                    picture.source,
                    f"This picture is {where}.",
                    "Start each point with its own picture: ![what it shows](pictures/name.png).",
                    length=2,
                )


def _misplaced(section: Section) -> Iterator[tuple[Picture, str]]:
    for picture in section.title.pictures:
        yield picture, "in a heading, so it is not shown"
    for block in section.blocks:
        if isinstance(block, Heading):
            for picture in block.pictures:
                yield picture, "in a heading, so it is not shown"
        elif isinstance(block, Table):
            for cell in block.cells:
                for picture in cell.pictures:
                    yield picture, "in a table, so it is not shown"
        elif isinstance(block, Point):
            if block.picture is not None and _after_text(block, block.picture):
                yield block.picture, "after the words of its point, so it is moved to the left"
            for picture in block.more_pictures:
                yield picture, "the second picture of its point, so it is not shown"


def _after_text(point: Point, picture: Picture) -> bool:
    first = next((run.source for run in point.runs if run.source and run.text.strip()), None)
    if first is None:
        return False
    return (first.line, first.column) < (picture.source.line, picture.source.column)
