"""`easyread pictures suggest` as one library call: read the report, suggest library pictures
for its points, then either put the chosen ones in place or write the contact sheet.

The command line parses its arguments, calls `suggest_pictures` and prints what it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from easyread.pictograms.apply import Applied, apply_choices
from easyread.pictograms.library import load_library
from easyread.pictograms.output import chosen, parse_choices
from easyread.pictograms.suggest import PointSuggestion, suggest_for_report
from easyread.reader import read_report
from easyread.writers.contact_sheet import write_contact_sheet


@dataclass(frozen=True, slots=True)
class PictureSuggestions:
    """What one `easyread pictures suggest` did: the suggestions, the choices it put in place
    (`applied`; None when no choice was given) or the contact sheet files it wrote."""

    root: Path
    suggestions: tuple[PointSuggestion, ...]
    applied: tuple[Applied, ...] | None = None
    contact_sheets: tuple[Path, ...] = ()


def suggest_pictures(
    folder: Path,
    *,
    every_point: bool = False,
    apply: Sequence[str] = (),
    html: Path | None = None,
    pdf: Path | None = None,
) -> PictureSuggestions:
    """Suggestions for each point of the report in `folder` that has no picture (or for every
    point). `apply` holds choices such as '3.2=1': those pictures are put in place, and no
    contact sheet is written. Else `html` and `pdf` name the contact sheet files to write."""
    report = read_report(folder, check_pictures=False)
    wanted = parse_choices(list(apply))
    suggestions = suggest_for_report(
        report, load_library(), every_point=every_point or bool(wanted)
    )
    if wanted:
        applied = apply_choices(report.root, chosen(suggestions, wanted))
        return PictureSuggestions(report.root, tuple(suggestions), applied=tuple(applied))
    sheets: list[Path] = []
    if html or pdf:
        sheets = write_contact_sheet(report, suggestions, html=html, pdf=pdf)
    return PictureSuggestions(report.root, tuple(suggestions), contact_sheets=tuple(sheets))
