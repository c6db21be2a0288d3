"""Rendering review pages: a Jinja2 environment on templates/review and a safe WeasyPrint call."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import jinja2
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from easyread.errors import OutputError
from easyread.resources import templates_dir


def review_templates() -> Path:
    return templates_dir() / "review"


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(review_templates())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class LocalFilesOnly(URLFetcher):
    """Fetches files inside the given folders and nothing else: never the network."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [root.resolve() for root in roots]

    def fetch(self, url: str, headers: Any = None) -> Any:
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                raise ValueError(f"easyread does not read files outside the report: {url}")
        elif parsed.scheme != "data":
            raise ValueError(f"easyread does not fetch anything from the network: {url}")
        return super().fetch(url, headers)


def font_faces() -> list[dict[str, str]]:
    """The bundled font files, when the checkout or the package has them."""
    fonts = templates_dir() / "fonts"
    faces = []
    for weight, name in (("normal", "Regular"), ("bold", "Bold")):
        path = fonts / f"AtkinsonHyperlegible-{name}.ttf"
        if path.is_file():
            faces.append({"url": path.resolve().as_uri(), "weight": weight})
    return faces


def page_counter_css(label: str) -> str:
    """'Page {page} of {pages}' as a CSS content value with live counters."""
    parts = []
    rest = label
    while rest:
        start = rest.find("{")
        if start < 0:
            parts.append(_css_string(rest))
            break
        end = rest.find("}", start)
        if start:
            parts.append(_css_string(rest[:start]))
        key = rest[start + 1 : end]
        parts.append("counter(pages)" if key == "pages" else "counter(page)")
        rest = rest[end + 1 :]
    return " ".join(parts)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_pdf(html: str, *, roots: list[Path], forms: bool, base_url: Path | None = None) -> bytes:
    """A tagged PDF (PDF/UA-1) of the HTML, reading files only inside `roots`."""
    fetcher = LocalFilesOnly([review_templates(), templates_dir(), *roots])
    document = HTML(
        string=html,
        base_url=str((base_url or review_templates()).resolve()) + "/",
        url_fetcher=fetcher,
    )
    target = io.BytesIO()
    try:
        document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_forms=forms)
    except OSError as error:
        raise OutputError(f"the PDF could not be made ({error})") from None
    return target.getvalue()
