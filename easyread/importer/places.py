"""From a place in the converted Markdown back to a place in the document: paragraph 12, under
'What we found', character 31.

`easyread lint REPORT.docx` reads the document as Markdown that never touches the disk. Each
Markdown line knows its paragraph (see markdown.Place); the character within the paragraph is
worked out from the runs the reader found on that line, so Markdown marks (**, \\, [, list
markers, the picture before the words) do not count.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from easyread.importer.markdown import SectionFile
from easyread.model import Report, Run, Section, Source


@dataclass(frozen=True, slots=True)
class DocumentPlace:
    paragraph: int  # 1-based: the paragraphs with words or pictures, in reading order
    heading: str  # the nearest heading above (or the section title)
    column: int  # 1-based character in the paragraph's text as easyread reads it


@dataclass(slots=True)
class _LineRuns:
    columns: list[int] = field(default_factory=list)  # each run's column in the Markdown line
    offsets: list[int] = field(default_factory=list)  # each run's offset in the plain text
    lengths: list[int] = field(default_factory=list)


class PlaceFinder:
    """Maps (Markdown file, line, column) to a DocumentPlace."""

    def __init__(self, report: Report, files: dict[Path, SectionFile]) -> None:
        self.files = files
        self.lines: dict[tuple[Path, int], _LineRuns] = {}
        for section in report.sections:
            for runs in _run_lists(section):
                for run in runs:
                    if run.source is not None and run.text:
                        entry = self.lines.setdefault((section.path, run.source.line), _LineRuns())
                        entry.columns.append(run.source.column)
                        entry.lengths.append(len(run.text))
        markdown: dict[Path, list[str]] = {}
        for (path, line), entry in self.lines.items():
            if path not in markdown:
                markdown[path] = files[path].text.split("\n") if path in files else []
            lines = markdown[path]
            _work_out_offsets(entry, lines[line - 1] if 0 < line <= len(lines) else "")

    def locate(self, path: Path, line: int, column: int) -> DocumentPlace | None:
        section_file = self.files.get(path)
        place = section_file.place(line) if section_file is not None else None
        if place is None:
            return None
        return DocumentPlace(place.paragraph, place.heading, self._column(path, line, column))

    def _column(self, path: Path, line: int, column: int) -> int:
        entry = self.lines.get((path, line))
        if entry is None or not entry.columns:
            return 1
        chosen = -1
        for index, start in enumerate(entry.columns):
            if start <= column:
                chosen = index
        if chosen < 0:
            return 1
        inside = min(column - entry.columns[chosen], entry.lengths[chosen])
        return entry.offsets[chosen] + inside + 1


def _work_out_offsets(entry: _LineRuns, text: str) -> None:
    order = sorted(range(len(entry.columns)), key=entry.columns.__getitem__)
    entry.columns = [entry.columns[index] for index in order]
    entry.lengths = [entry.lengths[index] for index in order]
    offset = 0
    for index, column in enumerate(entry.columns):
        if index:
            end = entry.columns[index - 1] + entry.lengths[index - 1]
            if " " in text[end - 1 : column - 1]:
                offset += 1  # a space between two runs, such as between two sentences
        entry.offsets.append(offset)
        offset += entry.lengths[index]


def _run_lists(section: Section) -> list[list[Run]]:
    """Every run of the section with a place: titles, headings, points, table cells, notes."""
    return [list(_runs_in(section))]


def _runs_in(value: object) -> Iterator[Run]:
    if isinstance(value, Run):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _runs_in(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            inner = getattr(value, item.name)
            if isinstance(inner, list | tuple | Run) or dataclasses.is_dataclass(inner):
                yield from _runs_in(inner)


def report_at_document_places(report: Report, finder: PlaceFinder, document: Path) -> Report:
    """A copy of the report whose every source is a place in the document itself: the path is
    the document, the line is the paragraph and the column the character in it. For score,
    which only shows places and never reads the text back."""

    def moved(source: Source) -> Source:
        place = finder.locate(source.path, source.line, source.column)
        if place is None:
            return Source(document, 1, 1)
        return Source(document, place.paragraph, place.column)

    def copy(value: object) -> object:
        if isinstance(value, Source):
            return moved(value)
        if isinstance(value, tuple):
            return tuple(copy(item) for item in value)
        if isinstance(value, list):
            return [copy(item) for item in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for item in dataclasses.fields(value):
                inner = getattr(value, item.name)
                if isinstance(inner, Source | tuple | list) or dataclasses.is_dataclass(inner):
                    changes[item.name] = copy(inner)
            return dataclasses.replace(value, **changes)
        return value

    sections = []
    for section in report.sections:
        moved_section = copy(section)
        assert isinstance(moved_section, Section)
        sections.append(dataclasses.replace(moved_section, path=document))
    return dataclasses.replace(report, sections=tuple(sections))
