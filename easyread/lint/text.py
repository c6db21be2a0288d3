"""The checkable text of a report, with exact source positions.

Rules never look at raw Markdown: they get TextPieces (a heading, a sentence, a picture's alt
text or a line of a code block) whose characters map back to the file. Sentences come from
points, table cells and footnotes; a table's caption and header cells are headings. Link targets,
picture file names, raw HTML, front matter and HTML comments are never part of a piece. Inline
code and code blocks are pieces whose runs are code: rules ask `is_code` before flagging inside.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from easyread.model import (
    CodeBlock,
    Footnote,
    Heading,
    Picture,
    Point,
    Report,
    Run,
    Section,
    Sentence,
    Source,
    Table,
    TableCell,
)

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Markdown marks that can sit in the source between characters of plain text (alt text).
_MARKUP = frozenset("*_`")

# The run offsets of a piece of one run, shared by all of them (never changed).
_ONE_RUN = (0,)
# (start column, end column) per character, 0-based on the run's line; None if unmatched.
_CharMap = tuple[list[int], list[int]]


@dataclass(slots=True)
class TextPiece:
    """One stretch of checkable text from the model, with exact positions."""

    kind: str  # "heading" | "sentence" | "alt" (picture alt text) | "code" (a code block line)
    text: str  # plain text, Markdown removed (bold/italic/link text kept, link targets dropped)
    section: Section
    point: Point | None  # the point it belongs to; None outside points
    runs: list[Run]  # the runs the text came from (bold / italic / code parts)
    lines: Sequence[str] = ()  # the section's source lines (SectionLines), shared
    starts: Sequence[int] = ()  # offset of each run in `text`
    _maps: dict[int, _CharMap | None] | None = None
    # Where it is, outside points: the Table, CodeBlock, Footnote or sub-Heading it belongs to.
    block: Heading | Table | CodeBlock | Footnote | None = None

    def __post_init__(self) -> None:
        if not self.starts and self.runs:
            self.starts = run_starts(self.runs)
        if not self.lines:
            self.lines = SectionLines(self.section)

    @property
    def path(self) -> Path:
        return self.section.path

    # -- positions -------------------------------------------------------------------------

    def position(self, offset: int) -> tuple[Path, int, int]:
        """(path, line, column) of text[offset]; 1-based."""
        line, column = self._locate(offset, end=False)
        return self._path(offset), line, column

    def end_position(self, end: int) -> tuple[Path, int, int]:
        """(path, line, column) just after text[end - 1]; the column is exclusive."""
        if end <= 0:
            return self.position(0)
        line, column = self._locate(end - 1, end=True)
        return self._path(end - 1), line, column

    def span(self, start: int, end: int) -> tuple[Path, int, int, int, int]:
        """(path, line, column, end line, end column) of text[start:end]: position() and
        end_position() in one call."""
        written = self._written_as_is()
        if written is not None:  # what _locate works out for this case, in a few steps
            path, line, column = written
            last = max(len(self.text) - 1, 0)
            first = column + min(max(start, 0), last)
            if end <= 0:
                return path, line, first, line, column
            return path, line, first, line, column + min(end - 1, last) + 1
        line, column = self._locate(start, end=False)
        if end <= 0:
            end_line, end_column = self._locate(0, end=False)
            return self._path(start), line, column, end_line, end_column
        end_line, end_column = self._locate(end - 1, end=True)
        return self._path(start), line, column, end_line, end_column

    def _written_as_is(self) -> tuple[Path, int, int] | None:
        """(path, line, column) of the text when it is one run written just as it is on one
        line (most sentences), so that each character's place is the column plus its offset;
        else None."""
        runs = self.runs
        if len(runs) != 1:
            return None
        run = runs[0]
        source = run.source
        if source is None:
            return None
        path = source.path
        here = path is self.section.path or path == self.section.path
        if here and not self._line(source.line).startswith(run.text, source.column - 1):
            return None  # escapes or marks in the source: the long way maps each character
        return path, source.line, source.column

    def _path(self, offset: int) -> Path:
        """The section's file, or another file a run's words come from (a page easyread adds
        has words from its templates, easyread.toml and the glossary)."""
        runs = self.runs
        if not runs:
            return self.section.path
        index = 0 if len(runs) == 1 else max(bisect_right(self.starts, offset) - 1, 0)
        source = runs[index].source
        return self.section.path if source is None else source.path

    def _locate(self, offset: int, *, end: bool) -> tuple[int, int]:
        runs = self.runs
        if not runs:
            return 1, 1
        offset = min(max(offset, 0), max(len(self.text) - 1, 0))
        index = 0 if len(runs) == 1 else max(bisect_right(self.starts, offset) - 1, 0)
        run = runs[index]
        if run.source is None:
            return self._around_break(index, end)
        local = offset - self.starts[index]
        return self._in_run(index, run, local, end)

    def _in_run(self, index: int, run: Run, local: int, end: bool) -> tuple[int, int]:
        source = run.source
        assert source is not None
        if source.path != self.section.path:  # words from another file: no line text here
            return source.line, source.column + local + (1 if end else 0)
        line_text = self._line(source.line)
        if line_text.startswith(run.text, source.column - 1):
            return source.line, source.column + local + (1 if end else 0)
        if run.note is not None:  # "[1]" in the text is "[^label]" in the source
            return source.line, source.column + (len(run.note) + 3 if end else 0)
        char_map = self._char_map(index, run, line_text)
        if char_map is None or local >= len(char_map[0]):
            return source.line, source.column + local + (1 if end else 0)
        starts, ends = char_map
        return source.line, (ends[local] if end else starts[local]) + 1

    def _around_break(self, index: int, end: bool) -> tuple[int, int]:
        """A soft line break has no source: use the end of the run before it."""
        for before in range(index - 1, -1, -1):
            run = self.runs[before]
            if run.source is not None and run.text:
                return self._in_run(before, run, len(run.text) - 1, True)
        for after in range(index + 1, len(self.runs)):
            run = self.runs[after]
            if run.source is not None and run.text:
                return self._in_run(after, run, 0, end)
        return self.section.title.source.line, 1

    def _line(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return ""

    def _char_map(self, index: int, run: Run, line_text: str) -> _CharMap | None:
        if self._maps is None:
            self._maps = {}
        if index not in self._maps:
            assert run.source is not None
            self._maps[index] = align(run.text, line_text, run.source.column - 1)
        return self._maps[index]

    # -- styles ----------------------------------------------------------------------------

    def run_spans(self) -> Iterator[tuple[int, int, Run]]:
        """(start, end, run) for every run, offsets into `text`."""
        for start, run in zip(self.starts, self.runs, strict=True):
            yield start, start + len(run.text), run

    def _overlapping(self, start: int, end: int) -> Iterator[Run]:
        if end <= start:
            end = start + 1
        index = max(bisect_right(self.starts, start) - 1, 0)
        while index < len(self.runs) and self.starts[index] < end:
            yield self.runs[index]
            index += 1

    def is_code(self, start: int, end: int) -> bool:
        """True if any part of [start, end) is inline code."""
        if len(self.runs) == 1:
            return self.runs[0].code
        return any(run.code for run in self._overlapping(start, end))

    def is_strong(self, start: int, end: int) -> bool:
        """True if every visible character of [start, end) is bold."""
        runs = [run for run in self._overlapping(start, end) if run.text.strip()]
        return bool(runs) and all(run.strong for run in runs)


def char_before(text: str, index: int) -> str:
    """The last character before text[index] that is not white space, or "" if there is none:
    text[:index].rstrip()[-1:] without copying the text (sentences can be very long)."""
    at = index - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


def run_starts(runs: list[Run]) -> list[int]:
    """The offset of each run in the text the runs make together."""
    starts: list[int] = []
    offset = 0
    for run in runs:
        starts.append(offset)
        offset += len(run.text)
    return starts


class SectionLines(Sequence[str]):
    """source_lines(section) without a string for every line: the section's text and where
    each line starts. Every piece of a section shares it; a lint of a million words kept some
    150,000 line strings (16 MB) for the few lines a finding needs."""

    __slots__ = ("_text", "_starts")

    def __init__(self, section: Section) -> None:
        text = section.text
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._text = text
        starts = array("q", [0])
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        count = len(self._starts)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("line number out of range")
        end = self._starts[index + 1] - 1 if index + 1 < count else len(self._text)
        return self._text[self._starts[index] : end]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SectionLines):
            return self._text == other._text
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def source_lines(section: Section) -> list[str]:
    """The section's text split into lines the way Markdown counts them (\\n, \\r\\n or \\r)."""
    text = section.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def align(text: str, line: str, start: int) -> _CharMap | None:
    """Where each character of `text` sits in `line`, allowing for Markdown escapes.

    The model holds decoded text (`\\*` is `*`, `&amp;` is `&`); the source holds it encoded.
    Tries from `start` first, then the other places on the line where the text could begin.
    """
    if not text:
        return [], []
    first = text[0]
    candidates = [start] + [
        at
        for at, char in enumerate(line)
        if at != start and (char == first or char in "\\&" or char in _MARKUP)
    ]
    for at in candidates:
        found = _match_at(text, line, at)
        if found is not None:
            return found
    return None


def _match_at(text: str, line: str, at: int) -> _CharMap | None:
    starts: list[int] = []
    ends: list[int] = []
    i, j = 0, at
    while i < len(text):
        if j >= len(line):
            if text[i:].isspace():  # a soft line break merged into the run
                starts.extend([len(line)] * (len(text) - i))
                ends.extend([len(line)] * (len(text) - i))
                return starts, ends
            return None
        char = line[j]
        wanted = text[i]
        if char == "\\" and line[j + 1 : j + 2] == wanted and wanted in _ASCII_PUNCTUATION:
            starts.append(j)
            ends.append(j + 2)
            i, j = i + 1, j + 2
        elif (
            char == "&"
            and (entity := _ENTITY.match(line, j)) is not None
            and (
                (decoded := html.unescape(entity.group())) != entity.group()
                and text.startswith(decoded, i)
            )
        ):
            starts.extend([j] * len(decoded))
            ends.extend([entity.end()] * len(decoded))
            i, j = i + len(decoded), entity.end()
        elif char == wanted or (wanted == "\ufffd" and char == "\x00"):
            starts.append(j)
            ends.append(j + 1)
            i, j = i + 1, j + 1
        elif char in _MARKUP and i > 0:
            j += 1  # emphasis marks inside alt text
        else:
            return None
    return starts, ends


def text_pieces(report: Report) -> Iterator[TextPiece]:
    """Every heading, sentence and picture alt text of the author's sections, in reading order."""
    for section in report.sections:
        if section.role != "body":
            continue
        yield from _section_pieces(section, SectionLines(section))


def _section_pieces(section: Section, lines: Sequence[str]) -> Iterator[TextPiece]:
    # The innermost loop of every lint run (one piece per sentence): kept plain on purpose.
    if not section.title.implied:  # a title made from the file name is not in the file
        yield _heading_piece(section, section.title.runs, lines)
    yield from _picture_pieces(section, None, section.title.pictures, lines, section.title)
    piece = TextPiece
    for block in section.blocks:
        if not isinstance(block, Point):
            yield from _other_block_pieces(section, block, lines)
            continue
        if block.picture is not None and block.picture.alt:
            yield alt_piece(section, block, block.picture, lines)
        if block.more_pictures:
            yield from _picture_pieces(section, block, block.more_pictures, lines)
        for sentence in block.sentences:
            runs = sentence.runs
            if len(runs) == 1:
                yield piece("sentence", runs[0].text, section, block, runs, lines, _ONE_RUN)
            elif runs:
                starts = run_starts(runs)
                text = "".join([run.text for run in runs])
                yield piece("sentence", text, section, block, runs, lines, starts)
            else:
                yield piece("sentence", "", section, block, runs, lines)
    for footnote in section.footnotes:
        yield from _sentence_pieces(section, footnote.sentences, lines, footnote)


def _other_block_pieces(
    section: Section, block: Heading | Table | CodeBlock | object, lines: Sequence[str]
) -> Iterator[TextPiece]:
    if isinstance(block, Heading):
        heading = _heading_piece(section, block.runs, lines)
        heading.block = block
        yield heading
        yield from _picture_pieces(section, None, block.pictures, lines, block)
    elif isinstance(block, Table):
        yield from _table_pieces(section, block, lines)
    elif isinstance(block, CodeBlock):
        for run in block.lines:
            yield TextPiece("code", run.text, section, None, [run], lines, _ONE_RUN, block=block)


def _table_pieces(section: Section, table: Table, lines: Sequence[str]) -> Iterator[TextPiece]:
    if table.caption:
        caption = _heading_piece(section, table.caption, lines)
        caption.block = table
        yield caption
    for cell in table.cells:
        yield from _picture_pieces(section, None, cell.pictures, lines, table)
        yield from _cell_pieces(section, table, cell, lines)


def _cell_pieces(
    section: Section, table: Table, cell: TableCell, lines: Sequence[str]
) -> Iterator[TextPiece]:
    if cell.header:
        # A header cell is a label, like a heading: it is checked for words, not as a sentence.
        for sentence in cell.sentences:
            heading = _heading_piece(section, sentence.runs, lines)
            heading.block = table
            yield heading
        return
    yield from _sentence_pieces(section, cell.sentences, lines, table)


def _sentence_pieces(
    section: Section, sentences: list[Sentence], lines: Sequence[str], block: Table | Footnote
) -> Iterator[TextPiece]:
    for sentence in sentences:
        runs = sentence.runs
        text = "".join([run.text for run in runs])
        yield TextPiece("sentence", text, section, None, runs, lines, block=block)


def _picture_pieces(
    section: Section,
    point: Point | None,
    pictures: list[Picture],
    lines: Sequence[str],
    block: Heading | Table | None = None,
) -> Iterator[TextPiece]:
    for picture in pictures:
        if picture.alt:
            piece = alt_piece(section, point, picture, lines)
            piece.block = block
            yield piece


def _heading_piece(section: Section, runs: list[Run], lines: Sequence[str]) -> TextPiece:
    text = "".join(run.text for run in runs)
    return TextPiece("heading", text, section, None, runs, lines)


def alt_piece(
    section: Section, point: Point | None, picture: Picture, lines: Sequence[str]
) -> TextPiece:
    """The alt text as runs: one per source line, so positions stay right across lines."""
    source = picture.source
    alt = picture.alt
    if "\n" not in alt:
        run = Run(alt, source=Source(source.path, source.line, source.column + 2))
        return TextPiece("alt", alt, section, point, [run], lines, _ONE_RUN)
    runs: list[Run] = []
    for number, part in enumerate(alt.split("\n")):
        if number:
            runs.append(Run(" "))
        column = source.column + 2 if number == 0 else 1
        runs.append(Run(part, source=Source(source.path, source.line + number, column)))
    text = "".join(run.text for run in runs)
    return TextPiece("alt", text, section, point, runs, lines)
