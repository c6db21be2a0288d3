"""The missing-picture and missing-alt rules: every point has a picture that says what it shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece, source_lines
from easyread.model import Picture, Section, section_pictures

_EMPTY_PICTURE = re.compile(r"!\[\s*\]\([^)\n]*\)?")
_GENERIC_ALT = frozenset(
    {"image", "picture", "photo", "photograph", "icon", "graphic", "img", "pic", "drawing"}
)


class MissingPicture(Rule):
    """A point with no picture beside it.

    In Easy Read every point (a short paragraph or list item) has a picture on its left that
    shows what the words say. Pictures help readers find their place and understand the text.
    Start the point with a picture: `![what it shows](pictures/name.png) Your text.`
    `easyread pictures suggest` shows 3 pictures from the built-in library for each point
    with none, and `--apply` puts the one you choose in place.
    """

    id = "missing-picture"
    description = "A point with no picture beside it."
    severity = "warning"
    examples_fail = [
        "# Visits\n\nWe visited 12 homes.\n",
        "# Visits\n\n![A house](house.png) We visited 12 homes.\n\nWe met 40 people.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A house](house.png) We visited 12 homes.\n",
        "# Visits\n\n- ![A house](house.png) We visited homes.\n"
        "- ![People](people.png) We met people.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.pieces():
            point = piece.point
            if piece.kind != "sentence" or point is None or point.picture is not None:
                continue
            if point.sentences and piece.runs is not point.sentences[0].runs:
                continue  # one finding per point, at its first sentence
            yield context.finding(
                piece,
                0,
                len(piece.text),
                f"Point {point.number} has no picture.",
                "Put a picture that shows what it says at the start of the point. "
                "'easyread pictures suggest' shows 3 pictures for it from the library.",
            )


class MissingAlt(Rule):
    """A picture with no description (alt text), or one that does not say what it shows.

    People who use screen readers hear the alt text instead of seeing the picture. Write what
    the picture shows in a few plain words inside the square brackets:
    `![A doctor listening to a man's chest](pictures/doctor.png)`. A description such as
    "picture" or the file name tells them nothing.
    """

    id = "missing-alt"
    description = "A picture with no description (alt text)."
    severity = "error"
    examples_fail = [
        "# Visits\n\n![](house.png) We visited 12 homes.\n",
        "# Visits\n\n![picture](house.png) We visited 12 homes.\n",
        "# Visits\n\n![house.png](house.png) We visited 12 homes.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A house with a red door](house.png) We visited 12 homes.\n",
        "# Visits\n\n![Picture of a doctor](doctor.png) We talked to doctors.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        lines: dict[int, list[str]] = {}
        for section, point_picture, alt in _pictures(context):
            if alt is not None:
                label = alt.text.strip().lower()
                if label in _GENERIC_ALT or _is_file_name(label, point_picture.src):
                    yield context.finding(
                        alt,
                        0,
                        len(alt.text),
                        f"The picture description '{alt.text}' does not say what it shows.",
                        "Describe the picture in a few plain words.",
                    )
                continue
            section_lines = lines.setdefault(id(section), source_lines(section))
            yield _empty_alt(context, section, point_picture, section_lines)


def _is_file_name(label: str, src: str) -> bool:
    """True if the alt text is the picture's file name, with or without its ending. Most alt
    texts are not in the address at all, so that is tested before making a path."""
    if label not in src.lower():
        return False
    name = PurePosixPath(src).name.lower()
    return label in (name, PurePosixPath(name).stem)


def _pictures(context: LintContext) -> Iterator[tuple[Section, Picture, TextPiece | None]]:
    """Every picture written in the author's sections (at the start of a point or anywhere
    else), with its alt text piece. An alt piece starts 2 characters after its picture's '!['."""
    alt_pieces = {
        _alt_place(piece): piece for piece in context.pieces() if piece.kind == "alt" and piece.runs
    }
    for section in context.report.sections:
        if section.role != "body":
            continue
        for picture in section_pictures(section):
            source = picture.source
            yield section, picture, alt_pieces.get((source.path, source.line, source.column + 2))


def _alt_place(piece: TextPiece) -> tuple[object, int, int]:
    source = piece.runs[0].source
    return (source.path, source.line, source.column) if source else (None, 0, 0)


def _empty_alt(
    context: LintContext, section: Section, picture: Picture, lines: list[str]
) -> Finding:
    source = picture.source
    line = lines[source.line - 1] if 0 < source.line <= len(lines) else ""
    match = _EMPTY_PICTURE.match(line, source.column - 1)
    text = match.group() if match else "!["
    return Finding(
        rule=context.rule,
        severity=context.severity,
        message="This picture has no description.",
        path=section.path,
        line=source.line,
        column=source.column,
        end_line=source.line,
        end_column=source.column + len(text),
        text=text,
        suggestion="Write what the picture shows between the square brackets: ![...](...).",
    )
