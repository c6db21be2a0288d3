"""The review copy: a large-print PDF with a tick-box form under every numbered point.

Form fields are named after the point number with the dot written as an underscore, because a
PDF field name must not contain a dot (ISO 32000 12.7.3.2: a dot separates parent and child
fields, and Acrobat would split "p3.2" into two fields). Point 3.2 therefore has the fields
`p3_2-understand`, `p3_2-not-understand`, `p3_2-change-picture` and `p3_2-notes`; the first page
has `reviewer-name`, `group` and `review-date`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf

from easyread.cache import picture_cache_dir
from easyread.edition import Edition
from easyread.edition.assemble import edition_for_build
from easyread.edition.picture_credits import credit_groups, used_records
from easyread.edition.review_strings import facilitator_path, how_to_path, review_strings
from easyread.glossary import load_glossary
from easyread.model import Heading, Point, Report, Section, Table
from easyread.output import atomic_target, ensure_folder, write_bytes_atomically
from easyread.reader.markdown import check_picture_src, parse_section
from easyread.reader.report import read_source_text
from easyread.resources import templates_dir
from easyread.review.added_points import (
    COVER,
    MORE,
    PAGES_BEFORE,
    WORDS,
    AddedPage,
    field_stem,
    label,
    page_title,
    review_pages,
)
from easyread.review.form_appearance import give_fields_appearances
from easyread.review.identity import ReviewIdentity, add_to_docx, add_to_pdf, identity_of
from easyread.review.page_fill import notes_pages, space_left_by_field
from easyread.review.printing import render_review_pages
from easyread.writers.templates import environment, font_faces, page_counter_content

DEFAULT_FONT_SIZE = 18.0
PICTURE_MM = 30
SHORT_PICTURE_MM = 24  # Words to know and Find out more: short entries, smaller pictures
PAGE_MARGINS = (10, 14, 18, 14)  # mm: top, right, bottom (the page number), left
CHOICES_MM = 84  # the column of tick boxes; the notes box sits beside it when there is room
MIN_NOTES_MM = 60  # the narrowest notes box beside the tick boxes
NOTES_LEAST_MM = 23  # a notes box is never lower than this (the page's last one grows)
CHOICES = ("understand", "not-understand", "change-picture")
SHORT_ENTRIES = (WORDS, MORE)
DOCUMENT_FIELD = "document"  # the whole-document page: document-understand, ..., document-notes
ABOUT_FIELDS = (("reviewer-name", "your-name", "name"), ("group", "your-group", "group"),
                ("review-date", "date", "date"))  # fmt: skip
ICONS = (*CHOICES, "notes", "name", "group", "date")


def field_base(number: str) -> str:
    """The field-name stem of a point: "3.2" -> "p3_2"."""
    return "p" + number.replace(".", "_")


def point_number_from_field(name: str) -> tuple[str, str] | None:
    """ "p3_2-not-understand" -> ("3.2", "not-understand"); also accepts "p3.2-notes"."""
    if not name.startswith("p") or "-" not in name:
        return None
    stem, _, kind = name.partition("-")
    number = stem[1:].replace("_", ".")
    parts = number.split(".")
    # isdigit() alone takes superscript digits such as '²', which int() refuses.
    if len(parts) != 2 or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    return number, kind


@dataclass(slots=True)
class ReviewCopy:
    path: Path
    pages: int | None
    fields: int = 0
    added_points: int = 0  # on the cover, Words to know and Find out more


def default_cache(report: Report) -> Path:
    """The picture cache: the user's, never inside the report folder."""
    return picture_cache_dir()


def _picture_folders(edition: Edition) -> list[Path]:
    folders = {
        edition.picture(point.picture).parent
        for section in edition.sections
        for point in section.points
        if point.picture is not None
    }
    cover = edition.cover_picture()
    if cover is not None:
        folders.add(cover.parent)
    return sorted(folders)


def write_review_pdf(
    report: Report,
    target: Path,
    *,
    font_size: float = DEFAULT_FONT_SIZE,
    cache_dir: Path | None = None,
    edition: Edition | None = None,
) -> ReviewCopy:
    """Write the review PDF to `target`; returns its page and field counts."""
    edition = edition or review_edition(report, cache_dir or default_cache(report))
    html = review_html(edition, font_size=font_size)
    roots = [report.root, *_picture_folders(edition)]

    layouts: list[dict[str, int]] = []  # each layout's page of every notes field

    def notes_to_the_page_end(document: Any) -> str | None:
        layouts.append(notes_pages(document))
        heights = space_left_by_field(document)
        return review_html(edition, font_size=font_size, grow=heights) if heights else None

    def written(document: Any) -> None:
        layouts.append(notes_pages(document))

    rendered, _ = render_review_pages(
        html, roots=roots, forms=True, relayout=notes_to_the_page_end, laid_out=written
    )
    if layouts[0] != layouts[-1]:  # never seen: a taller box pushed a point onto the next page
        rendered, _ = render_review_pages(html, roots=roots, forms=True)
    added = [point for page in review_pages(edition) for point in page.points]
    pdf = _finished_pdf(rendered, identity_of(report, added=added))
    ensure_folder(target.parent)
    write_bytes_atomically(target, pdf)
    from pypdf import PdfReader

    reader = PdfReader(target)
    return ReviewCopy(target, len(reader.pages), len(reader.get_fields() or {}), len(added))


def _finished_pdf(pdf_bytes: bytes, identity: ReviewIdentity) -> bytes:
    """Fields that show in every reader, the draft's identity, and the same bytes for the same
    report (the file identifier is a hash of the content)."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        give_fields_appearances(pdf)
        add_to_pdf(pdf, identity)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def review_edition(report: Report, cache_dir: Path | None = None) -> Edition:
    """The edition a review PDF prints: the build's (with Words to know and its pictures, and
    the bold the build adds), so the group checks the words readers will see."""
    return edition_for_build(report, load_glossary(report.config), cache_dir)


def write_review_docx(
    report: Report, target: Path, *, cache_dir: Path | None = None, edition: Edition | None = None
) -> ReviewCopy:
    """The same report as an editable DOCX with point numbers, for comments in Word: the
    build's edition, so Words to know is there to comment on too."""
    from easyread.writers import docx as docx_writer

    edition = edition or review_edition(report, cache_dir or default_cache(report))
    ensure_folder(target.parent)
    with atomic_target(target) as temporary:
        pages = docx_writer.write(edition, temporary, numbered=True)
        add_to_docx(temporary, identity_of(report), report.config)
    return ReviewCopy(target, pages)


# -- the page model the template reads -----------------------------------------------------------


def review_html(
    edition: Edition, *, font_size: float = DEFAULT_FONT_SIZE, grow: dict[str, float] | None = None
) -> str:
    """The review copy as HTML. `grow` gives notes fields a taller box ({field name: mm}): the
    last point on each page, measured from a first layout (see page_fill)."""
    report = edition.report
    strings = review_strings(report.config.language)
    pages = review_pages(edition)
    context = {
        "language": report.config.language,
        "title": report.title,
        "subtitle": report.config.subtitle,
        "author": report.config.document_author,
        "s": strings,
        "fonts": font_faces(),
        "font_size": f"{font_size:g}",
        "page_size": f"{report.config.page_size} portrait",
        "page_counter": page_counter_content(strings["page"].replace("<", "")),
        "picture_mm": PICTURE_MM,
        "short_picture_mm": SHORT_PICTURE_MM,
        "page_margins": " ".join(f"{side}mm" for side in PAGE_MARGINS),
        "notes_min_mm": NOTES_LEAST_MM,
        "grow": {name.removesuffix("-notes"): mm for name, mm in (grow or {}).items()},
        **_feedback_widths(report.config.page_width_mm),
        "icons": ICONS,
        "choices": [{"key": key, "label": strings[key]} for key in CHOICES],
        "about_fields": [
            {"name": name, "label": strings[label], "icon": icon}
            for name, label, icon in ABOUT_FIELDS
        ],
        "how_to": _matter_page(how_to_path(report.config.language)),
        "document": {"field": DOCUMENT_FIELD, "label": strings["document-label"]},
        "facilitator": _matter_page(facilitator_path(report.config.language)),
        "sections": [_section(edition, section, strings) for section in edition.body],
        "added_before": [_added(edition, p, strings) for p in pages if p.slug in PAGES_BEFORE],
        "added_after": [_added(edition, p, strings) for p in pages if p.slug not in PAGES_BEFORE],
        "has_tables": any(section.tables for section in edition.body),
        "picture_credits": _picture_credits(edition, strings),
    }
    return environment().get_template("review/review.html.j2").render(**context)


def _picture_credits(edition: Edition, strings: dict[str, str]) -> list[str]:
    """A credit for the report's own pictures, from their records, grouped by licence: a
    review copy is printed too, and a licence that asks for a credit asks it there as well."""
    pictures = [p.picture.path for s in edition.body for p in s.points if p.picture]
    lines = []
    for group in credit_groups(used_records(edition.report, [p for p in pictures if p])):
        licence = group.licence + (f" ({group.licence_link})" if group.licence_link else "")
        key = "report-pictures-credit" if group.authors else "report-pictures-credit-no-author"
        authors = ", ".join(group.authors)
        lines.append(strings[key].format(source=group.source, authors=authors, licence=licence))
    return lines


def _feedback_widths(page_width_mm: float) -> dict[str, Any]:
    content = page_width_mm - PAGE_MARGINS[1] - PAGE_MARGINS[3]
    beside = content - CHOICES_MM - 2 >= MIN_NOTES_MM
    notes = content - CHOICES_MM - 2 if beside else content
    return {"choices_mm": CHOICES_MM, "notes_mm": f"{notes:.0f}", "notes_beside": beside}


def _matter_page(path: Path) -> dict[str, Any]:
    """A page of the review copy written in templates/matter/: its title and points."""
    section = parse_section(path, read_source_text(path), 0)
    points = []
    for point in section.points:
        picture = None
        if point.picture is not None:
            picture = check_picture_src(point.picture, path, templates_dir()).resolve().as_uri()
        points.append(
            {
                "picture": picture,
                "alt": point.picture.alt if point.picture else "",
                "sentences": [sentence.text.strip() for sentence in point.sentences],
            }
        )
    return {"title": section.title.text, "points": points}


def _added(edition: Edition, page: AddedPage, strings: dict[str, str]) -> dict[str, Any]:
    """A page easyread adds (the cover, Words to know, Find out more) with its own numbered
    points, each with its tick boxes and notes."""
    blocks = [_point(edition, point, strings) for point in page.points]
    short = page.slug in SHORT_ENTRIES
    return {"heading": page_title(page.slug, strings), "blocks": blocks, "short": short}


def _section(edition: Edition, section: Section, strings: dict[str, str]) -> dict[str, Any]:
    """Headings, numbered points (each with its tick boxes and notes) and tables (shown, not
    numbered). Code blocks and footnotes are left out of the review copy."""
    blocks: list[dict[str, Any]] = []
    for block in section.blocks:
        if isinstance(block, Heading):
            if block.text:
                blocks.append({"kind": "heading", "text": block.text})
        elif isinstance(block, Point):
            blocks.append(_point(edition, block, strings))
        elif isinstance(block, Table):
            blocks.append(_table(block))
    heading = f"{strings['part'].format(number=section.number)}: {section.title.text}"
    return {"heading": heading, "blocks": blocks, "short": False}


def _table(table: Table) -> dict[str, Any]:
    return {
        "kind": "table",
        "caption": "".join(run.text for run in table.caption).strip(),
        "header": [cell.text for cell in table.header],
        "rows": [[cell.text for cell in row] for row in table.body],
    }


def _point(edition: Edition, point: Point, strings: dict[str, str]) -> dict[str, Any]:
    picture = None
    if point.number == f"{COVER}.1":
        cover = edition.cover_picture()
        picture = cover.resolve().as_uri() if cover is not None else None
    elif point.picture is not None and point.picture.path is not None:
        picture = edition.picture(point.picture).resolve().as_uri()
    sentences = [
        [{"text": run.text, "strong": run.strong} for run in sentence.runs]
        for sentence in point.sentences
    ]
    return {
        "kind": "point",
        "label": label(point.number, strings),
        "field": field_stem(point.number) or field_base(point.number),
        "picture": picture,
        "alt": point.picture.alt if point.picture else "",
        "sentences": sentences,
    }
