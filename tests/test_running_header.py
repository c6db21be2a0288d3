"""A page that goes on with a section names that section at its top, as an artifact that
screen readers skip (issue 13, part 4). Read back with pdfplumber and pikepdf."""

from __future__ import annotations

import page as page_validation
import pdfplumber
import pikepdf
import pytest

TOP_MARGIN_PT = 17 / 25.4 * 72
SIDE_MARGIN_PT = 15 / 25.4 * 72


def _pdf(built_sample):
    return next(output.path for output in built_sample.outputs if output.format == "pdf")


def _pages(path):
    """Per page: the running title printed in the top margin, and the size of the first line."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            header = [c for c in page.chars if c["bottom"] <= TOP_MARGIN_PT]
            body = [c for c in page.chars if c["top"] > TOP_MARGIN_PT]
            assert all(char.get("tag") == "Artifact" for char in header)
            title = page.crop((0, 0, page.width, TOP_MARGIN_PT)).extract_text().strip()
            pages.append((title, body[0]["size"] if body else 0.0))
    return pages


@pytest.mark.slow
def test_every_page_that_goes_on_with_a_section_names_it(built_sample) -> None:
    path = _pdf(built_sample)
    sections = built_sample.page_check.sections
    pages = _pages(path)
    body_size = built_sample.report.config.font_size
    named = 0
    for number, (title, first_line_size) in enumerate(pages, start=1):
        opens_with_a_title = first_line_size > body_size * 1.5
        if number == 1 or opens_with_a_title:
            assert title == "", f"page {number} starts with a title but its header says {title!r}"
            continue
        # The section the top of this page belongs to started on an earlier page.
        going_on = [section for section in sections if section.first_page < number][-1]
        if going_on.title in ("Contents", "About this document"):
            continue  # pages without rows name no section
        assert title == going_on.title, f"page {number}"
        named += 1
    assert named >= 10  # the sample has many sections that go over a page
    assert pages[6][0] == "How we look at a death"


@pytest.mark.slow
def test_running_titles_are_header_artifacts_and_the_pdf_stays_pdf_ua(built_sample) -> None:
    path = _pdf(built_sample)
    pages = _pages(path)
    headers = sum(1 for title, _ in pages if title)
    with pikepdf.open(path) as pdf:
        kinds = [
            str(operands[1].get("/Subtype"))
            for page in pdf.pages
            for operands, operator in pikepdf.parse_content_stream(page, "BDC")
            if str(operands[0]) == "/Artifact" and isinstance(operands[1], pikepdf.Dictionary)
        ]
    assert kinds.count("/Header") == headers
    assert kinds.count("/Footer") == len(pages) - 1  # every page but the cover
    result = page_validation.validate_pdf(str(path), profile="ua1")
    assert result.is_compliant and not result.failures


@pytest.mark.slow
def test_a_long_section_title_stays_one_line_inside_the_margins(tmp_path) -> None:
    """A title of a public report (CQC, March 2022) is wider than the page: the header cuts it
    after a whole word, as the DOCX does, instead of a second line that rose to the paper's
    edge (it was printed 0.4 pt from the top, where a printer cuts it off)."""
    from easyread.build import build

    title = "Restraint, segregation and seclusion review: Progress report (March 2022)"
    report = tmp_path / "report"
    report.mkdir()
    (report / "easyread.toml").write_text('title = "Progress report"\n', encoding="utf-8")
    points = "\n\n".join(f"We looked at care in service number {n}." for n in range(40))
    (report / "01-review.md").write_text(f"# {title}\n\n{points}\n", encoding="utf-8")
    path = _pdf(build(report, formats=["pdf"], out_dir=tmp_path / "out"))
    with pdfplumber.open(path) as pdf:
        width = pdf.pages[0].width
        headers = [
            [c for c in page.chars if c["bottom"] <= TOP_MARGIN_PT] for page in pdf.pages[1:]
        ]
    named = [chars for chars in headers if chars]
    assert named, "no page goes on with the section"
    for chars in named:
        text = "".join(c["text"] for c in chars)
        assert text.endswith("\u2026") and title.startswith(text[:-1].rstrip())
        assert len({round(c["top"]) for c in chars}) == 1  # one line
        assert min(c["top"] for c in chars) > 5 / 25.4 * 72  # not at the paper's edge
        assert max(c["x1"] for c in chars) <= width - SIDE_MARGIN_PT  # inside the margin
