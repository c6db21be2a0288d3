"""Review pages go through the one render layer (easyread.writers.templates and .render)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from weasyprint import Document

from easyread.errors import OutputError
from easyread.resources import templates_dir
from easyread.writers.render import Relayout, SandboxFetcher, render_pdf


def review_templates() -> Path:
    return templates_dir() / "review"


def render_review_pdf(
    html: str, *, roots: list[Path], forms: bool, relayout: Relayout | None = None
) -> bytes:
    """A tagged PDF (PDF/UA-1) of a review page, reading files only inside `roots` and the
    templates folder."""
    return render_review_pages(html, roots=roots, forms=forms, relayout=relayout)[0]


def render_review_pages(
    html: str,
    *,
    roots: list[Path],
    forms: bool,
    relayout: Relayout | None = None,
    laid_out: Callable[[Document], None] | None = None,
) -> tuple[bytes, int]:
    """The same, with its page count; `laid_out` sees the layout that is written."""
    fetcher = SandboxFetcher([review_templates(), templates_dir(), *roots], [])
    try:
        return render_pdf(
            html,
            fetcher,
            base_url=str(review_templates().resolve()) + "/",
            forms=forms,
            relayout=relayout,
            laid_out=laid_out,
        )
    except OSError as error:
        raise OutputError(f"the PDF could not be made ({error})") from None
