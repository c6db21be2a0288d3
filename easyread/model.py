"""The document model: one tree that every command reads.

A report is parsed once into Report -> Section -> blocks (Heading or Point) -> Sentence -> Run.
Every element remembers the file and line it came from, so lint findings, scores, review
feedback and all three renderers speak about the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.errors import display_path

if TYPE_CHECKING:
    from easyread.config import ReportConfig


@dataclass(frozen=True, slots=True)
class Source:
    """A place in a source file: 1-based line and column."""

    path: Path
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.column}"


@dataclass(slots=True)
class Run:
    """A stretch of text with one style. `strong` marks a hard word."""

    text: str
    strong: bool = False
    emphasis: bool = False
    link: str | None = None
    code: bool = False
    source: Source | None = None

    def same_style(self, other: Run) -> bool:
        return (self.strong, self.emphasis, self.link, self.code) == (
            other.strong,
            other.emphasis,
            other.link,
            other.code,
        )


def runs_text(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


@dataclass(slots=True)
class Sentence:
    runs: list[Run]
    source: Source

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(slots=True)
class Picture:
    """A picture as written in the source; `path` is the checked file inside the report."""

    src: str
    alt: str
    source: Source
    path: Path | None = None
    title: str | None = None


@dataclass(slots=True)
class Heading:
    """A section title (level 1) or a sub-heading (level 2)."""

    level: int
    runs: list[Run]
    source: Source
    anchor: str = ""

    @property
    def text(self) -> str:
        return runs_text(self.runs).strip()


@dataclass(slots=True)
class Point:
    """One picture row: up to a few short sentences and the picture beside them.

    `number` is the reader-facing number "section.point", e.g. "3.2".
    """

    number: str
    sentences: list[Sentence]
    picture: Picture | None
    source: Source
    end_line: int
    in_list: bool = False

    @property
    def text(self) -> str:
        return " ".join(sentence.text.strip() for sentence in self.sentences)

    @property
    def runs(self) -> list[Run]:
        return [run for sentence in self.sentences for run in sentence.runs]


@dataclass(slots=True)
class Comment:
    """An HTML comment in the source, kept for lint directives such as easyread-disable."""

    text: str
    source: Source
    end_line: int


Block = Heading | Point


@dataclass(slots=True)
class Section:
    number: int
    path: Path
    title: Heading
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
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


@dataclass(slots=True)
class Report:
    root: Path
    config: ReportConfig
    sections: list[Section]
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
