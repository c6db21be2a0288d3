"""What a review copy remembers about the draft it was made from.

A review copy carries the report's title, and for each section its file, number, title,
fingerprint and points (number, short fingerprint, text). Feedback can then be mapped back to
the right point even after the report has changed, and an older draft is reported plainly.
In a PDF this lives in the document information dictionary under /EasyReadReview; in a DOCX,
in the core property `identifier`. Both hold the same JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easyread.model import Report
from easyread.review.fingerprint import point_fingerprint, point_signature, section_fingerprint
from easyread.review.records import section_file

PDF_KEY = "/EasyReadReview"
DOCX_PREFIX = "easyread-review:"
VERSION = 1


@dataclass(slots=True)
class PointIdentity:
    number: str
    fingerprint: str
    text: str


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

    def to_json(self) -> str:
        data = {
            "easyread-review": VERSION,
            "title": self.title,
            "made": self.made,
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
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ReviewIdentity | None:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("easyread-review") != VERSION:
                return None
            sections = [
                SectionIdentity(
                    file=str(section["file"]),
                    number=int(section["number"]),
                    title=str(section["title"]),
                    fingerprint=str(section["fingerprint"]),
                    points=[
                        PointIdentity(str(p["number"]), str(p["fingerprint"]), str(p["text"]))
                        for p in section["points"]
                    ],
                )
                for section in data["sections"]
            ]
            return cls(title=str(data["title"]), made=str(data["made"]), sections=sections)
        except (ValueError, KeyError, TypeError):
            return None

    def point(self, number: str) -> tuple[SectionIdentity, PointIdentity] | None:
        for section in self.sections:
            for point in section.points:
                if point.number == number:
                    return section, point
        return None


def identity_of(report: Report, made: dt.datetime | None = None) -> ReviewIdentity:
    made = made or report.config.build_date()
    identity = ReviewIdentity(title=report.title, made=made.isoformat())
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


def add_to_pdf(pdf_bytes: bytes, identity: ReviewIdentity) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        pdf.docinfo[PDF_KEY] = identity.to_json()
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def read_from_pdf(metadata: dict[str, Any] | None) -> ReviewIdentity | None:
    if not metadata or PDF_KEY not in metadata:
        return None
    return ReviewIdentity.from_json(str(metadata[PDF_KEY]))


def add_to_docx(path: Path, identity: ReviewIdentity) -> None:
    import docx

    document = docx.Document(str(path))
    document.core_properties.identifier = DOCX_PREFIX + identity.to_json()
    document.save(str(path))


def read_from_docx(identifier: str | None) -> ReviewIdentity | None:
    if not identifier or not identifier.startswith(DOCX_PREFIX):
        return None
    return ReviewIdentity.from_json(identifier[len(DOCX_PREFIX) :])
