"""The PDF: the print HTML rendered by WeasyPrint as tagged PDF/UA-1.

WeasyPrint may read only what the page needs: the templates folder (fonts) and the edition's
prepared pictures (see writers/render.py). Every other URL is refused, so a build never touches
the network or any other file. The same input gives the same bytes: the dates come from the
report's settings and the file identifier is a hash of the content.
"""

from __future__ import annotations

from pathlib import Path

from easyread.edition import Edition
from easyread.resources import templates_dir
from easyread.writers import OutputFormat
from easyread.writers.html import render_html
from easyread.writers.pagecheck import PointPlacement
from easyread.writers.render import points_on_pages, render_pdf, sandbox_fetcher

FORMAT = OutputFormat("pdf", order=1)


def write(edition: Edition, target: Path) -> int:
    """Write the PDF and return its page count."""
    return _write(edition, target, None)


def write_placing_points(edition: Edition, target: Path) -> tuple[int, list[PointPlacement]]:
    """Write the PDF; return its page count and the pages each point was laid out on (what
    the page check needs to find a point split across pages)."""
    points: list[PointPlacement] = []
    pages = _write(edition, target, points)
    return pages, points


def _write(edition: Edition, target: Path, points: list[PointPlacement] | None) -> int:
    html = render_html(edition, for_print=True)
    pdf_bytes, pages = render_pdf(
        html,
        sandbox_fetcher(edition),
        base_url=templates_dir().as_uri(),
        presentational_hints=True,  # WeasyPrint then sizes each <img> from its width and height
        identifier=True,
        laid_out=None
        if points is None
        else lambda document: points.extend(points_on_pages(document)),
    )
    target.write_bytes(pdf_bytes)
    return pages
