"""The document model: one tree that every command reads.

A report is parsed once into Report -> Section -> blocks -> Sentence -> Run. A block is a
Heading, a Point (one picture row), a Table, a CodeBlock or a ThematicBreak; a section also keeps
its footnotes, its HTML comments, any raw HTML (never shown) and its front matter. Every element
remembers the file and line it came from, so lint findings, scores, review feedback and all three
renderers speak about the same thing.

The model is read-only: every class is a frozen dataclass and every sequence in it is a tuple.
The reader builds with its own drafts and makes each value whole; anything that needs a changed
report (the edition's bold first uses, a picture's checked file) makes a new value with
dataclasses.replace.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.errors import display_path

if TYPE_CHECKING:
    from easyread.config import ReportConfig


class _Value:
    """What every model class shares: it is pickled as its class and its fields in order.

    The model cache (easyread.reader.cached) loads many thousands of these. A frozen dataclass
    would otherwise be loaded through dataclasses' __setstate__, which looks up the class's
    fields again for every object: loading by the constructor is about twice as fast."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple([getattr(self, name) for name in self.__slots__])


@dataclass(frozen=True, slots=True)
class Source(_Value):
    """A place in a source file: 1-based line and column."""

    path: Path
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Run(_Value):
    """A stretch of text with one style. `strong` marks a hard word."""

    text: str
    strong: bool = False
    emphasis: bool = False
    link: str | None = None
    code: bool = False
    source: Source | None = None
    note: str | None = None  # a footnote reference: the label of the note; text is "[n]"

    def same_style(self, other: Run) -> bool:
        return (self.strong, self.emphasis, self.link, self.code, self.note) == (
            other.strong,
            other.emphasis,
            other.link,
            other.code,
            other.note,
        )


def runs_text(runs: Sequence[Run]) -> str:
    return "".join(run.text for run in runs)


@dataclass(frozen=True, slots=True)
class Sentence(_Value):
    runs: tuple[Run, ...]
    source: Source

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True, slots=True)
class Picture(_Value):
    """A picture as written in the source; `path` is the checked file inside the report."""

    src: str
    alt: str
    source: Source
    path: Path | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Heading(_Value):
    """A section title (level 1) or a sub-heading (level 2 to 6).

    `level` is the place in the outline the writers use: 1 for the title, and sub-headings never
    skip a level (a '###' straight after the title is level 2). `written_level` is the number of
    '#' marks in the source (0 when easyread made the heading up). `implied` marks a section title
    easyread made from the file name, because the file did not start with a '#' title.
    """

    level: int
    runs: tuple[Run, ...]
    source: Source
    anchor: str = ""
    written_level: int = 0
    implied: bool = False
    pictures: tuple[Picture, ...] = ()  # written in the heading; not shown

    @property
    def text(self) -> str:
        return runs_text(self.runs).strip()


@dataclass(frozen=True, slots=True)
class Point(_Value):
    """One picture row: up to a few short sentences and the picture beside them.

    `number` is the reader-facing number "section.point", e.g. "3.2".
    """

    number: str
    sentences: tuple[Sentence, ...]
    picture: Picture | None
    source: Source
    end_line: int
    in_list: bool = False
    quote: int = 0  # how many block quotes ('>') it sits in
    # Pictures written after the point's first one: kept for lint, not shown.
    more_pictures: tuple[Picture, ...] = ()
    list_depth: int = 0  # 1 for an item of a list, 2 for an item of a list inside a list, ...

    @property
    def text(self) -> str:
        return " ".join(sentence.text.strip() for sentence in self.sentences)

    @property
    def runs(self) -> list[Run]:
        return [run for sentence in self.sentences for run in sentence.runs]


@dataclass(frozen=True, slots=True)
class TableCell(_Value):
    """One cell of a table: its text as sentences, like a point's."""

    sentences: tuple[Sentence, ...]
    source: Source
    header: bool = False
    align: str = ""  # "left", "right", "center" or "" (as the table's separator line says)
    pictures: tuple[Picture, ...] = ()  # written in the cell; not shown

    @property
    def runs(self) -> list[Run]:
        return [run for sentence in self.sentences for run in sentence.runs]

    @property
    def text(self) -> str:
        return " ".join(sentence.text.strip() for sentence in self.sentences)


@dataclass(frozen=True, slots=True)
class Table(_Value):
    """A GitHub-style table. `rows[0]` is the header row (its cells have header=True).

    `caption` is the paragraph just before the table when it starts with "Table" and a number,
    as in "Table 2: Deaths by age", which is how published reports name their tables.
    """

    rows: tuple[tuple[TableCell, ...], ...]
    source: Source
    end_line: int
    number: int = 0  # 1, 2, ... in the section
    caption: tuple[Run, ...] = ()
    caption_source: Source | None = None
    quote: int = 0

    @property
    def header(self) -> tuple[TableCell, ...]:
        return self.rows[0] if self.rows and any(cell.header for cell in self.rows[0]) else ()

    @property
    def body(self) -> tuple[tuple[TableCell, ...], ...]:
        return self.rows[1:] if self.header else self.rows

    @property
    def cells(self) -> list[TableCell]:
        return [cell for row in self.rows for cell in row]


@dataclass(frozen=True, slots=True)
class CodeBlock(_Value):
    """Text in a code block (``` fences or indented by 4 spaces), kept exactly as written.

    `lines` holds one run per source line, each with its place, so lint can point into it.
    """

    text: str
    lines: tuple[Run, ...]
    source: Source
    end_line: int
    info: str = ""  # what follows the opening ```, such as a language name
    fenced: bool = True
    quote: int = 0


@dataclass(frozen=True, slots=True)
class ThematicBreak(_Value):
    """A line of ---, *** or ___ that separates parts of a section."""

    source: Source


@dataclass(frozen=True, slots=True)
class Footnote(_Value):
    """A footnote: `[^label]: text` in the source. `number` is its place in the order the text
    refers to the notes (1, 2, ...); a note the text never refers to has the next free number."""

    label: str
    number: int
    sentences: tuple[Sentence, ...]
    source: Source
    end_line: int
    referenced: bool = True  # False for a note the text never points to (shown all the same)

    @property
    def runs(self) -> list[Run]:
        return [run for sentence in self.sentences for run in sentence.runs]

    @property
    def text(self) -> str:
        return " ".join(sentence.text.strip() for sentence in self.sentences)


@dataclass(frozen=True, slots=True)
class RawHtml(_Value):
    """HTML in the source. No output ever shows it; lint points at it.

    `kind` is "block" or "inline" for HTML tags, or "hidden" for text that an HTML comment hides
    (text after a comment on its line, or everything after a comment that is never closed).
    """

    text: str
    source: Source
    end_line: int
    kind: str = "block"


@dataclass(frozen=True, slots=True)
class FrontMatter(_Value):
    """A block of settings between two '---' lines at the very top of a file (YAML)."""

    text: str
    source: Source
    end_line: int


@dataclass(frozen=True, slots=True)
class Comment(_Value):
    """An HTML comment in the source, kept for lint directives such as easyread-disable."""

    text: str
    source: Source
    end_line: int


Block = Heading | Point | Table | CodeBlock | ThematicBreak


@dataclass(frozen=True, slots=True)
class Section(_Value):
    number: int
    path: Path
    title: Heading
    blocks: tuple[Block, ...] = ()
    comments: tuple[Comment, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    html: tuple[RawHtml, ...] = ()
    front_matter: FrontMatter | None = None
    text: str = ""  # the file's text as read, for fingerprints and lint
    # "body" for the author's sections; "front" and "back" for pages easyread adds
    # (About this document, Words to know, Find out more, Checked by).
    role: str = "body"
    slug: str = ""  # anchor for the pages easyread adds, e.g. "words-to-know"

    @property
    def anchor(self) -> str:
        return self.slug or f"section-{self.number}"

    @property
    def points(self) -> list[Point]:
        return [block for block in self.blocks if isinstance(block, Point)]

    @property
    def headings(self) -> list[Heading]:
        return [self.title] + [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


def section_pictures(section: Section) -> Iterator[Picture]:
    """Every picture written in a section, wherever it is: the ones beside points (which the
    writers show) and the ones in headings, table cells or later in a point (which they do not)."""
    yield from section.title.pictures
    for block in section.blocks:
        if isinstance(block, Point):
            if block.picture is not None:
                yield block.picture
            yield from block.more_pictures
        elif isinstance(block, Heading):
            yield from block.pictures
        elif isinstance(block, Table):
            for cell in block.cells:
                yield from cell.pictures


@dataclass(frozen=True, slots=True)
class Report(_Value):
    root: Path
    config: ReportConfig
    sections: tuple[Section, ...]
    cover: Picture | None = None

    @property
    def title(self) -> str:
        return self.config.title

    def points(self) -> Iterator[tuple[Section, Point]]:
        """Every point of the author's own sections, in reading order."""
        for section in self.sections:
            for point in section.points:
                yield section, point

    def pictures(self) -> Iterator[Picture]:
        if self.cover is not None:
            yield self.cover
        for _, point in self.points():
            if point.picture is not None:
                yield point.picture
