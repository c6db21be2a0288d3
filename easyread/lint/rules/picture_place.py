"""The picture-place and picture-name rules: pictures Easy Read cannot show where written."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece
from easyread.model import Heading, Picture, Point, Section, Table
from easyread.reader.markdown import UNREAD_PICTURE


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


class PictureName(Rule):
    """A picture that Markdown cannot read, so it is shown as text.

    `![words](pictures/my picture.png)` is not a picture in Markdown: a space (or a bracket) in
    the file name stops it. The outputs show these characters as they are, and no picture. Put
    the name in <>: `![words](<pictures/my picture.png>)`, or rename the file without spaces.
    """

    id = "picture-name"
    description = "A picture Markdown cannot read (a space in its file name): it shows as text."
    severity = "error"
    examples_fail = [
        "# Visits\n\n![A house](pictures/my house.png) We visited 12 homes.\n",
        "# Visits\n\nWe visited homes.\n![A house](house (1).png)\n",
    ]
    examples_pass = [
        "# Visits\n\n![A house](<pictures/my house.png>) We visited 12 homes.\n",
        "# Visits\n\nWrite \\![words](name.png) to show a picture. Use `![a](b c.png)`.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.index().with_text("!["):
            if piece.kind not in ("sentence", "heading"):
                continue
            for match in UNREAD_PICTURE.finditer(piece.text):
                start, end = match.span()
                if piece.is_code(start, end) or not _written_as_is(piece, start, match.group()):
                    continue
                yield context.finding(
                    piece,
                    start,
                    end,
                    "This looks like a picture, but easyread cannot read its file name.",
                    "If the name has spaces, put it in <>: ![words](<pictures/my picture.png>).",
                )


def _written_as_is(piece: TextPiece, start: int, text: str) -> bool:
    """False when the source writes it with \\ escapes: then the author wants the characters."""
    _, line, column = piece.position(start)
    source = piece.lines[line - 1] if 0 < line <= len(piece.lines) else ""
    return source[column - 1 : column - 1 + len(text)] == text
