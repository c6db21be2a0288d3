"""The one render layer, template side: the Jinja environment every page is made with.

The build's web page and print page (report.html.j2), the review copies and the change list
(review/) and the readability report (score/) are all rendered from this one environment, so
they escape, fail on a missing value and trim white space the same way. writers/render.py
turns the HTML into PDF.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from easyread.resources import templates_dir

# Names the print page uses for files; writers/render.SandboxFetcher serves them to WeasyPrint.
PICTURE_URL = "easyread:picture/"
TEMPLATE_URL = "easyread:template/"


@cache
def environment() -> Environment:
    """The Jinja environment for every template: escaped, strict about missing values."""
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_counter_content(label: str) -> str:
    """'Page {page} of {pages}' as a CSS content value with page counters."""
    parts: list[str] = []
    for piece in re.split(r"(\{page\}|\{pages\})", label):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or "none"


def css_string(text: str) -> str:
    """A quoted CSS string; anything but plain letters, digits and spaces is escaped."""
    escaped = "".join(
        char
        if char.isascii() and (char.isalnum() or char in " .,:;/-_+=@%()")
        else f"\\{ord(char):x} "
        for char in text
    )
    return f'"{escaped}"'


def font_faces() -> list[dict[str, str]]:
    """The bundled font files as file: URLs with their weights, for @font-face rules."""
    fonts = templates_dir() / "fonts"
    faces = []
    for weight, name in (("normal", "Regular"), ("bold", "Bold")):
        path = fonts / f"AtkinsonHyperlegible-{name}.ttf"
        if path.is_file():
            faces.append({"url": path.resolve().as_uri(), "weight": weight})
    return faces
