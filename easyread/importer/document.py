"""The imported document: what the DOCX, ODT and HTML readers fill and the Markdown writer renders.

It is deliberately small: only what an Easy Read report can use (headings, paragraphs, list items,
tables, bold, italics, links and pictures with their alt text). Every block remembers the number
of the paragraph it came from, so lint can say "paragraph 12" about a Word file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Text:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None

    def same_style(self, other: Text) -> bool:
        return (self.bold, self.italic, self.link) == (other.bold, other.italic, other.link)


@dataclass(slots=True)
class PictureData:
    """A picture found in the document: its bytes, its file ending (".png") and its alt text."""

    data: bytes
    suffix: str
    alt: str


@dataclass(slots=True)
class LineBreak:
    """Where one paragraph of the source ends and the next begins inside the same point.

    In a picture table each sentence is often its own paragraph in the right-hand cell; the
    point keeps them as lines, and each line keeps its own paragraph number.
    """

    paragraph: int


@dataclass(slots=True)
class NoteRef:
    """Where the text refers to a footnote or an endnote: the note's number in the document."""

    note: int


Inline = Text | PictureData | LineBreak | NoteRef


@dataclass(slots=True)
class Heading:
    level: int  # 1 for a section title; the reader keeps the document's own levels
    content: list[Inline]
    paragraph: int  # 1-based number of the paragraph in the source document


@dataclass(slots=True)
class Paragraph:
    content: list[Inline]
    paragraph: int


@dataclass(slots=True)
class ListItem:
    content: list[Inline]
    paragraph: int
    depth: int = 0  # 0 for the outer list
    ordered: bool = False


@dataclass(slots=True)
class Table:
    """A data table: rows of cells, each cell a list of inlines. The first row is its header."""

    rows: list[list[list[Inline]]]
    paragraphs: list[int]  # the paragraph number of each row's first paragraph


Block = Heading | Paragraph | ListItem | Table


@dataclass(slots=True)
class Document:
    """One imported document, ready to be written as a report folder."""

    path: Path
    kind: str  # "docx", "odt" or "html": the name the one-line messages use
    title: str = ""
    subtitle: str = ""
    author: str = ""
    organisation: str = ""
    language: str = ""
    date: dt.date | None = None
    edition: str = ""
    cover: PictureData | None = None
    blocks: list[Block] = field(default_factory=list)
    notes: dict[int, list[Inline]] = field(default_factory=dict)  # footnotes and endnotes
    # Things the reader had to leave out, in plain words, for the import summary.
    left_out: list[str] = field(default_factory=list)


def easy_read_date(text: str) -> dt.date | None:
    """'30 June 2026', the way easyread writes a date on its cover."""
    try:
        return dt.datetime.strptime(text.strip(), "%d %B %Y").date()
    except ValueError:
        return None


def plain_text(content: list[Inline]) -> str:
    """The words of some inlines, without pictures, with spaces tidied."""
    words = (item.text if isinstance(item, Text) else " " for item in content)
    return " ".join("".join(words).split())


def has_words(content: list[Inline]) -> bool:
    return any(isinstance(item, Text) and item.text.strip() for item in content)


def pictures_in(content: list[Inline]) -> list[PictureData]:
    return [item for item in content if isinstance(item, PictureData)]


CellParts = list[tuple[list[Inline], int]]  # a cell's paragraphs, each with its number


def cell_content(parts: CellParts) -> list[Inline]:
    """A cell's paragraphs as one run of text, for a data table."""
    joined: list[Inline] = []
    for content, _ in parts:
        if joined:
            joined.append(Text(" "))
        joined.extend(content)
    return joined


def table_from_cells(rows: list[list[CellParts]], paragraphs: list[int]) -> Table:
    width = max(len(row) for row in rows)
    cells = [[cell_content(cell) for cell in row] for row in rows]
    return Table([row + [[] for _ in range(width - len(row))] for row in cells], paragraphs)


def table_blocks(rows: list[list[CellParts]], paragraphs: list[int]) -> list[Block]:
    """What a table of a document becomes: one point per row for an Easy Read picture table,
    ordinary points for a table used as a box around text (one cell with words a row), and a
    data table otherwise. `paragraphs` holds each row's paragraph number."""
    points = cells_as_points(rows)
    if points is not None:
        return list(points)
    if all(sum(1 for cell in row if cell) <= 1 for row in rows):
        return [
            Paragraph(content, number) for row in rows for cell in row for content, number in cell
        ]
    return [table_from_cells(rows, paragraphs)]


def cells_as_points(rows: list[list[CellParts]]) -> list[Paragraph] | None:
    """An Easy Read picture table (pictures on the left, words on the right) as points.

    Most Easy Read documents made in Word lay out each point as a row of a two-column table:
    a picture in the left cell and the sentences in the right one. Such a table is not data,
    so it becomes one point per row. Returns None for any other table.
    """
    if not rows or any(len(row) != 2 for row in rows):
        return None
    lefts = [cell_content(row[0]) for row in rows]
    if any(has_words(left) for left in lefts) or not any(pictures_in(left) for left in lefts):
        return None
    points = []
    for left, (left_parts, right) in zip(lefts, rows, strict=True):
        # The picture on a line of its own, then one line per paragraph of the right cell.
        content: list[Inline] = [*pictures_in(left)[:1]]
        for part, number in right:
            if content:
                content.append(LineBreak(number))
            content.extend(part)
        if has_words(content) or pictures_in(content):
            points.append(Paragraph(content, (left_parts or right)[0][1]))
    return points
