"""`easyread review`'s library call: make the review copies of a report.

make_copies reads the report once, checks the review settings ([review] font-size, the copies
asked for), makes one edition and writes the PDF and DOCX copies from it. The command line only
parses its arguments, calls this and prints the result.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from easyread.config import ReportConfig, toml_line, toml_lines
from easyread.edition import make_edition
from easyread.errors import ConfigError, EasyReadError
from easyread.model import Report
from easyread.output import ensure_folder, output_stem, refuse_source_folder
from easyread.reader import read_report
from easyread.review.review_copy import (
    DEFAULT_FONT_SIZE,
    ReviewCopy,
    write_review_docx,
    write_review_pdf,
)

COPY_FORMATS = ("pdf", "docx")
MIN_FONT_SIZE, MAX_FONT_SIZE = 14.0, 40.0
REVIEW_SETTINGS = ("font-size",)


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
    edition = make_edition(report, None, [])
    name = output_stem(report.root)
    result = ReviewCopies(report)
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
    """`[review] font-size` in easyread.toml, checked; None when it is not set."""
    table = config.tables.get("review", {})
    for key in table:
        if key not in REVIEW_SETTINGS:
            close = difflib.get_close_matches(key, REVIEW_SETTINGS, n=1, cutoff=0.6)
            raise ConfigError(
                f"unknown setting '{key}' in [review]",
                path=config.path,
                line=toml_line(toml_lines(config.path), key, ["review"]),
                hint=f"did you mean '{close[0]}'?" if close else "the only setting is font-size",
            )
    value = table.get("font-size")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(
            "'font-size' in [review] must be a number",
            path=config.path,
            line=toml_line(toml_lines(config.path), "font-size", ["review"]),
            hint="write font-size = 18",
        )
    return float(value)
