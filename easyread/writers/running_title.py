"""The running section title, cut to one line for the page header of the PDF and the DOCX.

A header of two lines would push the text down on that page in the DOCX, and in the PDF it
rises to the paper's edge, where a printer cuts it off (titles of public reports in
tests/data/corpus, up to 165 characters long, took 2 lines at 16 pt on A4).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ELLIPSIS = "\u2026"
# Word, LibreOffice and WeasyPrint measure text a little differently from Pillow: keep some room.
LINE_ROOM = 0.95


def one_line(title: str, width_pt: float, size_pt: float, font: Path | None) -> str:
    """The title, cut after a whole word and ended with "…" when it is wider than the line."""
    room = width_pt * LINE_ROOM
    if _width(title, size_pt, font) <= room:
        return title
    words = title.split()
    while len(words) > 1 and _width(" ".join(words) + ELLIPSIS, size_pt, font) > room:
        words.pop()
    kept = " ".join(words).rstrip(" ,;:-\u2013\u2014")
    while len(kept) > 1 and _width(kept + ELLIPSIS, size_pt, font) > room:
        kept = kept[:-1]  # one word wider than the line
    return kept + ELLIPSIS


def _width(text: str, size_pt: float, font: Path | None) -> float:
    if font is None:  # without the font file: about the widest the font's average runs
        return len(text) * 0.6 * size_pt
    return _font(font).getlength(text) * size_pt / 1000


@cache
def _font(path: Path):  # noqa: ANN202 - a Pillow font
    from PIL import ImageFont

    return ImageFont.truetype(str(path), 1000)
