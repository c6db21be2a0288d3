"""Word, OpenDocument and HTML documents in: as a report folder, or in memory for lint and score.

Each reader (docx, odt, html) fills the same imported Document; one Markdown writer renders it.
For `easyread lint REPORT.docx` the Markdown never touches the disk: it is read by the normal
reader into the one model, and each line keeps the paragraph of the document it came from.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from easyread.config import config_from_dict
from easyread.errors import SourceError
from easyread.files import command_path
from easyread.importer.document import Document
from easyread.importer.folder import write_report_folder
from easyread.importer.markdown import Place, RenderedReport, SectionFile, render
from easyread.importer.places import DocumentPlace, PlaceFinder, report_at_document_places
from easyread.model import Report
from easyread.reader import parse_section

__all__ = [
    "IMPORTABLE",
    "DocumentPlace",
    "ImportedReport",
    "Place",
    "RenderedReport",
    "import_document",
    "is_importable",
    "load_document",
    "read_imported",
    "render",
    "write_report_folder",
]

IMPORTABLE = (".docx", ".odt", ".html", ".htm")


def is_importable(path: Path) -> bool:
    return path.suffix.lower() in IMPORTABLE


def _reader(path: Path) -> Callable[[Path], Document]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from easyread.importer.docx import read_docx

        return read_docx
    if suffix == ".odt":
        from easyread.importer.odt import read_odt

        return read_odt
    if suffix in (".html", ".htm"):
        from easyread.importer.html import read_html

        return read_html
    raise SourceError(
        "easyread cannot import this kind of file",
        path=path,
        hint="give a Word file (.docx), an OpenDocument text (.odt) or a web page (.html)",
    )


def load_document(path: Path) -> Document:
    """The document at `path` as an imported Document (one plain error if it cannot be read)."""
    return _reader(path)(path)


def import_document(path: Path, target: Path, *, force: bool = False) -> RenderedReport:
    """Write the document at `path` as a report folder at `target`; returns what was written."""
    command_path(path, missing="this file does not exist", hint="check its name", file=True)
    rendered = render(load_document(path))
    write_report_folder(rendered, target, source=path, force=force)
    return rendered


@dataclass(slots=True)
class ImportedReport:
    """A document read into the model without writing anything, and the way back to it."""

    source: Path
    report: Report
    files: dict[Path, SectionFile]  # each section's (virtual) path -> its Markdown and places
    finder: PlaceFinder

    def locate(self, path: Path, line: int, column: int) -> DocumentPlace | None:
        """The paragraph, heading and character of the document for a place in its Markdown."""
        return self.finder.locate(path, line, column)

    def report_at_document_places(self) -> Report:
        """The model with every source moved to the document's paragraphs (for score)."""
        return report_at_document_places(self.report, self.finder, self.source)


def read_imported(path: Path) -> ImportedReport:
    """Convert the document in memory and read it with the normal Markdown reader."""
    rendered = render(load_document(path))
    config = config_from_dict(tomllib.loads(rendered.config_text), path=path)
    config.path = None  # the settings came from the document, not from a file
    files: dict[Path, SectionFile] = {}
    sections = []
    for number, section_file in enumerate(rendered.sections, start=1):
        virtual = path / section_file.name
        files[virtual] = section_file
        sections.append(parse_section(virtual, section_file.text, number))
    report = Report(root=path.parent, config=config, sections=tuple(sections))
    return ImportedReport(path, report, files, PlaceFinder(report, files))
