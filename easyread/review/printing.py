"""Review pages go through the one render layer (easyread.writers.templates and .render)."""

from __future__ import annotations

from pathlib import Path

from easyread.errors import OutputError
from easyread.resources import templates_dir
from easyread.writers.render import SandboxFetcher, render_pdf


def review_templates() -> Path:
    return templates_dir() / "review"


def render_review_pdf(html: str, *, roots: list[Path], forms: bool) -> bytes:
    """A tagged PDF (PDF/UA-1) of a review page, reading files only inside `roots` and the
    templates folder."""
    fetcher = SandboxFetcher([review_templates(), templates_dir(), *roots], [])
    try:
        pdf, _ = render_pdf(
            html,
            fetcher,
            base_url=str(review_templates().resolve()) + "/",
            forms=forms,
        )
    except OSError as error:
        raise OutputError(f"the PDF could not be made ({error})") from None
    return pdf
