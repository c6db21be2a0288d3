"""The one page geometry: page size, margins and picture column, read by the print CSS (the PDF)
and by the DOCX styles, so both outputs lay a page out the same way."""

from __future__ import annotations

from dataclasses import dataclass

from easyread.config import ReportConfig
from easyread.pictures import COVER_PICTURE_MM, PICTURE_COLUMN_MM


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """Page size and margins in millimetres, and the width left for text."""

    width_mm: float
    height_mm: float
    side_mm: float
    top_mm: float
    bottom_mm: float
    picture_mm: float
    cover_picture_mm: float
    footer_mm: float = 10.0
    # The DOCX's running section title: a line of body text ends about 2 mm above the text.
    header_mm: float = 8.0

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - 2 * self.side_mm


def page_geometry(config: ReportConfig) -> PageGeometry:
    """Margins and picture column like the PDF's: a little smaller on the narrow A5 page."""
    narrow = config.page_width_mm < 180
    return PageGeometry(
        width_mm=config.page_width_mm,
        height_mm=config.page_height_mm,
        side_mm=15.0 if narrow else 18.0,
        top_mm=17.0,  # room for the PDF's running section title
        bottom_mm=22.0,
        picture_mm=38.0 if narrow else PICTURE_COLUMN_MM,
        # On A5 a 90 mm cover picture pushes the organisation and date off the cover.
        cover_picture_mm=60.0 if narrow else COVER_PICTURE_MM,
    )
