"""The edition the build writes: worked out once from the report, its glossary and settings.

Front pages, the emphasis easyread adds, Words to know, Checked by and Find out more, and the
pictures to prepare. Nothing here changes the report: lint and score read it as written.
"""

from __future__ import annotations

from pathlib import Path

from easyread.edition import Edition, make_edition
from easyread.edition.checked_by import checked_by_section
from easyread.edition.emphasis import emphasised_body
from easyread.edition.picture_credits import picture_credits_section
from easyread.edition.words_to_know import words_to_know_page
from easyread.glossary import Glossary, bolds_first_uses
from easyread.model import Report
from easyread.pictograms.library_pictures import library_cache_dir


def edition_for_build(report: Report, glossary: Glossary, cache_dir: Path) -> Edition:
    """Every page and picture of the build's outputs, in reading order."""
    library_dir = library_cache_dir()
    body = emphasised_body(report, glossary) if bolds_first_uses(report.config) else None
    words_to_know = words_to_know_page(report, glossary, library_dir, body)
    back_pages = [lambda _: words_to_know, checked_by_section]
    return make_edition(
        report,
        cache_dir,
        back_pages,
        body=body,
        picture_roots=[library_dir],
        closing_page=picture_credits_section,
    )
