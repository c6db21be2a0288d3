"""The contact sheet: each point with its suggested pictures, numbered, to choose from.

An author or a checking group looks at it on screen (HTML, one file with the pictures inside)
or on paper (a tagged PDF/UA-1, like every PDF easyread makes) and chooses a picture for each
point by its number. Every picture has alt text from its meaning.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any

from easyread.model import Report
from easyread.output import atomic_target, ensure_folder, write_text_atomically
from easyread.pictograms.library import Pictogram
from easyread.pictograms.render import render_png
from easyread.pictograms.suggest import TOP, PointSuggestion
from easyread.resources import templates_dir

SHEET_PICTURE_PX = 300  # 36 mm printed at about 210 ppi


def render_contact_sheet(report: Report, suggestions: list[PointSuggestion]) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    folder = templates_dir() / "pictures"
    environment = Environment(
        loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(["html", "j2"])
    )
    points = [_point(report, suggestion) for suggestion in suggestions]
    return environment.get_template("contact-sheet.html.j2").render(
        title=report.title,
        language=report.config.language or "en",
        css=Markup((folder / "contact-sheet.css").read_text(encoding="utf-8")),
        top=TOP,
        example=points[0]["number"] if points else "1.1",
        points=points,
    )


def write_contact_sheet(
    report: Report,
    suggestions: list[PointSuggestion],
    *,
    html: Path | None = None,
    pdf: Path | None = None,
) -> list[Path]:
    text = render_contact_sheet(report, suggestions)
    written = []
    if html is not None:
        ensure_folder(html.parent)
        write_text_atomically(html, text)
        written.append(html)
    if pdf is not None:
        from weasyprint import HTML

        ensure_folder(pdf.parent)
        with atomic_target(pdf) as temporary:
            HTML(string=text, url_fetcher=_inline_only(), base_url=".").write_pdf(
                str(temporary), pdf_variant="pdf/ua-1"
            )
        written.append(pdf)
    return written


def _point(report: Report, suggestion: PointSuggestion) -> dict[str, Any]:
    point = suggestion.point
    try:
        where = point.source.path.resolve().relative_to(report.root.resolve()).as_posix()
    except ValueError:
        where = point.source.path.name
    return {
        "number": point.number,
        "text": point.text,
        "where": f"{where}, line {point.source.line}",
        "picture": point.picture.alt if point.picture else "",
        "choices": [
            {
                "number": number,
                "name": match.pictogram.name,
                "alt": match.pictogram.alt_text,
                "data": _data_uri(match.pictogram),
            }
            for number, match in enumerate(suggestion.matches, 1)
        ],
    }


@cache
def _data_uri(pictogram: Pictogram) -> str:
    data = base64.b64encode(render_png(pictogram, SHEET_PICTURE_PX)).decode("ascii")
    return f"data:image/png;base64,{data}"


def _inline_only() -> Any:
    """The sheet carries its pictures inside it: only data: addresses are read."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), allow_redirects=False)
