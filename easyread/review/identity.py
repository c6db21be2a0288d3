"""What a review copy remembers about the draft it was made from.

A review copy carries the report's title, and for each section its file, number, title,
fingerprint and points (number, short fingerprint, text). Feedback can then be mapped back to
the right point even after the report has changed, and an older draft is reported plainly.
In a PDF this lives in the document information dictionary under /EasyReadReview. In a DOCX it
is kept in custom document properties (docProps/custom.xml), which Word and LibreOffice keep
when they save; Word cuts a property at 255 characters, so the JSON is split over numbered
properties `easyread-review-001`, `-002`, ... and leaves out the point texts (a comment carries
the words it is attached to anyway).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easyread.config import ReportConfig
from easyread.model import Point, Report
from easyread.records.fingerprint import point_fingerprint, point_signature, section_fingerprint
from easyread.records.reviews import section_file
from easyread.review.added_points import added_fingerprint, where_written

PDF_KEY = "/EasyReadReview"
DOCX_PROPERTY = "easyread-review-"
DOCX_CHUNK = 240
CUSTOM_PROPERTIES_URI = "/docProps/custom.xml"
CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
VERSION = 1


@dataclass(slots=True)
class PointIdentity:
    number: str
    fingerprint: str
    text: str


@dataclass(slots=True)
class AddedPointIdentity:
    """A point of a page easyread adds (the cover, Words to know, Find out more): its words
    and the file and line they come from, since it is in no section file."""

    number: str  # "words-to-know.3"
    fingerprint: str  # of its words only (see review.added_points.added_fingerprint)
    text: str
    file: str  # inside the report: relative to it; else the full path (a glossary, a template)
    line: int


@dataclass(slots=True)
class SectionIdentity:
    file: str
    number: int
    title: str
    fingerprint: str
    points: list[PointIdentity] = field(default_factory=list)


@dataclass(slots=True)
class ReviewIdentity:
    title: str
    made: str  # ISO date and time the copy was made
    sections: list[SectionIdentity] = field(default_factory=list)
    report: str = ""  # the report folder the copy was made from, for `easyread feedback`
    added: list[AddedPointIdentity] = field(default_factory=list)

    def without_texts(self) -> ReviewIdentity:
        sections = [
            SectionIdentity(
                s.file,
                s.number,
                s.title,
                s.fingerprint,
                [PointIdentity(p.number, p.fingerprint, "") for p in s.points],
            )
            for s in self.sections
        ]
        added = [
            AddedPointIdentity(p.number, p.fingerprint, "", p.file, p.line) for p in self.added
        ]
        return ReviewIdentity(self.title, self.made, sections, self.report, added)

    def to_json(self) -> str:
        data = {
            "easyread-review": VERSION,
            "title": self.title,
            "made": self.made,
            "report": self.report,
            "sections": [
                {
                    "file": section.file,
                    "number": section.number,
                    "title": section.title,
                    "fingerprint": section.fingerprint,
                    "points": [
                        {"number": p.number, "fingerprint": p.fingerprint, "text": p.text}
                        for p in section.points
                    ],
                }
                for section in self.sections
            ],
        }
        if self.added:
            data["added"] = [
                {
                    "number": p.number,
                    "fingerprint": p.fingerprint,
                    "text": p.text,
                    "file": p.file,
                    "line": p.line,
                }
                for p in self.added
            ]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ReviewIdentity | None:
        """The identity in `text`, or None when it is not one. A copy is untrusted: call
        untrusted.check_identity_json first; every value here is checked and cut to length."""
        try:
            data = json.loads(text, parse_int=_small_int, parse_constant=_no_constant)
            if not isinstance(data, dict) or data.get("easyread-review") != VERSION:
                return None
            sections = [
                SectionIdentity(
                    file=_short(section["file"], 500),
                    number=_whole_number(section["number"]),
                    title=_short(section["title"], 2_000),
                    fingerprint=_short(section["fingerprint"], 200),
                    points=[
                        PointIdentity(
                            _short(p["number"], 20),
                            _short(p["fingerprint"], 200),
                            _short(p["text"], 20_000),
                        )
                        for p in section["points"]
                    ],
                )
                for section in data["sections"]
            ]
            added = [
                AddedPointIdentity(
                    _short(p["number"], 40),
                    _short(p["fingerprint"], 200),
                    _short(p["text"], 20_000),
                    _short(p["file"], 4_000),
                    _whole_number(p["line"]),
                )
                for p in data.get("added", [])
            ]
            return cls(
                title=_short(data["title"], 2_000),
                made=_short(data["made"], 40),
                sections=sections,
                report=_short(data.get("report", ""), 4_000),
                added=added,
            )
        except (ValueError, KeyError, TypeError, OverflowError, RecursionError):
            return None

    def added_point(self, number: str) -> AddedPointIdentity | None:
        return next((point for point in self.added if point.number == number), None)

    def point(self, number: str) -> tuple[SectionIdentity, PointIdentity] | None:
        for section in self.sections:
            for point in section.points:
                if point.number == number:
                    return section, point
        return None


def _small_int(text: str) -> int:
    if len(text) > 9:
        raise ValueError("a number far bigger than any in a review copy")
    return int(text)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a review copy holds")


def _whole_number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def _short(value: object, limit: int) -> str:
    if not isinstance(value, str | int):
        raise TypeError("not text")
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def identity_of(
    report: Report, made: dt.datetime | None = None, added: Sequence[Point] = ()
) -> ReviewIdentity:
    """What the copy remembers; `added` are the points of the pages easyread adds that the
    copy numbers (see review.added_points)."""
    made = made or report.config.build_date()
    identity = ReviewIdentity(
        title=report.title, made=made.isoformat(), report=str(report.root.resolve())
    )
    identity.added = [
        AddedPointIdentity(
            point.number,
            added_fingerprint(point),
            point.text,
            where_written(point.source, report.root),
            point.source.line,
        )
        for point in added
    ]
    for section in report.sections:
        identity.sections.append(
            SectionIdentity(
                file=section_file(report, section),
                number=section.number,
                title=section.title.text,
                fingerprint=section_fingerprint(section),
                points=[
                    PointIdentity(point.number, point_fingerprint(point), point_signature(point))
                    for point in section.points
                ],
            )
        )
    return identity


def add_to_pdf(pdf: Any, identity: ReviewIdentity) -> None:
    """Record the identity in an open pikepdf.Pdf's document information."""
    pdf.docinfo[PDF_KEY] = identity.to_json()


def read_from_pdf(metadata: dict[str, Any] | None) -> ReviewIdentity | None:
    if not metadata or PDF_KEY not in metadata:
        return None
    return ReviewIdentity.from_json(str(metadata[PDF_KEY]))


def add_to_docx(path: Path, identity: ReviewIdentity, config: ReportConfig) -> None:
    """Record the identity in the DOCX at `path`, saved with the build's fixed zip dates so a
    copy made again from the same report has the same bytes."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from easyread.writers.docx_package import save_reproducibly

    document = docx.Document(str(path))
    package = document.part.package
    text = identity.without_texts().to_json()
    chunks = [text[start : start + DOCX_CHUNK] for start in range(0, len(text), DOCX_CHUNK)]
    blob = _custom_properties_xml(chunks)
    existing = _custom_properties_part(document)
    if existing is not None:
        existing._blob = blob  # our own properties replace any earlier ones
    else:
        part = Part(PackURI(CUSTOM_PROPERTIES_URI), CUSTOM_PROPERTIES_TYPE, blob, package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
    save_reproducibly(document, path, config)


def _custom_properties_xml(chunks: list[str]) -> bytes:
    from lxml import etree

    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for index, chunk in enumerate(chunks, start=1):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property")
        prop.set("fmtid", _FMTID)
        prop.set("pid", str(index + 1))
        prop.set("name", f"{DOCX_PROPERTY}{index:03d}")
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = chunk
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _custom_properties_part(document: Any) -> Any:
    for part in document.part.package.iter_parts():
        if str(part.partname) == CUSTOM_PROPERTIES_URI:
            return part
    return None


def read_from_docx(document: Any) -> ReviewIdentity | None:
    """The identity in a DOCX opened with python-docx, or None when it has none."""
    from lxml import etree

    part = _custom_properties_part(document)
    if part is None:
        return None
    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return None
    return identity_from_properties(root)


def identity_json_from_properties(root: Any) -> str | None:
    """The identity's JSON, joined from the numbered custom properties (None if there are none)."""
    chunks: dict[str, str] = {}
    for prop in root.iter(f"{{{_CUSTOM_NS}}}property"):
        name = prop.get("name", "")
        if name.startswith(DOCX_PROPERTY):
            chunks[name] = "".join(prop.itertext())
    if not chunks:
        return None
    return "".join(chunks[name] for name in sorted(chunks))


def identity_from_properties(root: Any) -> ReviewIdentity | None:
    text = identity_json_from_properties(root)
    return None if text is None else ReviewIdentity.from_json(text)
