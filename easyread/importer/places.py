"""From a place in the converted Markdown back to a place in the document: paragraph 12, under
'What we found', character 31.

`easyread lint REPORT.docx` reads the document as Markdown that never touches the disk. Each
Markdown line knows its paragraph (see markdown.Place); the character within the paragraph is
worked out from the runs the reader found on that line, so Markdown marks (**, \\, [, list
markers, the picture before the words) do not count.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from easyread.importer.markdown import SectionFile
from easyread.model import Heading, Point, Report, Run, Section, Sentence, Source


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
    found = [section.title.runs]
    for block in section.blocks:
        if isinstance(block, Heading):
            found.append(block.runs)
        elif isinstance(block, Point):
            found.extend(sentence.runs for sentence in block.sentences)
    return found


def report_at_document_places(report: Report, finder: PlaceFinder, document: Path) -> Report:
    """A copy of the report whose every source is a place in the document itself: the path is
    the document, the line is the paragraph and the column the character in it. For score,
    which only shows places and never reads the text back."""

    def moved(source: Source | None) -> Source | None:
        if source is None:
            return None
        place = finder.locate(source.path, source.line, source.column)
        if place is None:
            return Source(document, 1, 1)
        return Source(document, place.paragraph, place.column)

    def run(item: Run) -> Run:
        return dataclasses.replace(item, source=moved(item.source))

    def sentence(item: Sentence) -> Sentence:
        return dataclasses.replace(
            item, runs=[run(piece) for piece in item.runs], source=moved(item.source)
        )

    def block(item: Heading | Point) -> Heading | Point:
        if isinstance(item, Heading):
            return dataclasses.replace(
                item, runs=[run(piece) for piece in item.runs], source=moved(item.source)
            )
        picture = item.picture
        if picture is not None:
            picture = dataclasses.replace(picture, source=moved(picture.source))
        return dataclasses.replace(
            item,
            sentences=[sentence(piece) for piece in item.sentences],
            picture=picture,
            source=moved(item.source),
        )

    sections = [
        dataclasses.replace(
            section,
            path=document,
            title=block(section.title),
            blocks=[block(item) for item in section.blocks],
        )
        for section in report.sections
    ]
    return dataclasses.replace(report, sections=sections)
