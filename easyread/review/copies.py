"""`easyread review`'s library call: make the review copies of a report.

make_copies reads the report once, checks the review settings ([review] font-size, the copies
asked for), makes one edition and writes the PDF and DOCX copies from it. The command line only
parses its arguments, calls this and prints the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from easyread.config import MAX_FONT_SIZE, MIN_FONT_SIZE, ReportConfig, settings_of
from easyread.errors import EasyReadError
from easyread.model import Report
from easyread.output import ensure_folder, output_stem, refuse_source_folder
from easyread.reader import read_report
from easyread.review.review_copy import (
    DEFAULT_FONT_SIZE,
    ReviewCopy,
    review_edition,
    write_review_docx,
    write_review_pdf,
)

COPY_FORMATS = ("pdf", "docx")


@dataclass(slots=True)
class ReviewCopies:
    report: Report
    copies: dict[str, ReviewCopy] = field(default_factory=dict)  # by format


def make_copies(
    root: Path | str,
    *,
    out_dir: Path | str | None = None,
    formats: list[str] | None = None,
    font_size: float | None = None,
) -> ReviewCopies:
    """Write `<name>-review.pdf` and `<name>-review.docx` (or the `formats` asked for)."""
    wanted = _copy_formats(formats)
    report = read_report(Path(root))
    size = font_size or review_font_size(report.config) or DEFAULT_FONT_SIZE
    if not MIN_FONT_SIZE <= size <= MAX_FONT_SIZE:
        raise EasyReadError(
            f"font size {size:g} is not right for a review copy",
            hint=f"use a size from {MIN_FONT_SIZE:g} to {MAX_FONT_SIZE:g} (18 is usual)",
        )
    folder = Path(out_dir) if out_dir is not None else report.root / "out"
    refuse_source_folder(folder, report.root)
    ensure_folder(folder)
    name = output_stem(report.root)
    result = ReviewCopies(report)
    edition = review_edition(report)
    if "pdf" in wanted:
        target = folder / f"{name}-review.pdf"
        result.copies["pdf"] = write_review_pdf(report, target, font_size=size, edition=edition)
    if "docx" in wanted:
        target = folder / f"{name}-review.docx"
        result.copies["docx"] = write_review_docx(report, target, edition=edition)
    return result


def _copy_formats(formats: list[str] | None) -> list[str]:
    wanted = [part.strip().lower() for part in formats or COPY_FORMATS if part.strip()]
    unknown = [part for part in wanted if part not in COPY_FORMATS]
    if unknown or not wanted:
        raise EasyReadError(
            f"'{','.join(unknown) or ','.join(formats or [])}' is not a review copy easyread "
            "can make",
            hint="use --format pdf, --format docx or --format pdf,docx",
        )
    return wanted


def review_font_size(config: ReportConfig) -> float | None:
    """`[review] font-size` in easyread.toml, checked against the settings schema; None when
    it is not set."""
    return settings_of(config, "review")["font-size"]
