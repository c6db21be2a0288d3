"""The DOCX contents is Word's own TOC field with its lines and page numbers already in it
(issue 13, part 5): read with python-docx and lxml, and opened in LibreOffice (slow)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from test_docx_libreoffice import libreoffice

from easyread.build import build
from easyread.writers.docx_contents import contents_lines, fill_contents_pages, line_title


def _output(result, fmt: str) -> Path:
    return next(output.path for output in result.outputs if output.format == fmt)


def _body(path: Path) -> etree._Element:
    return Document(str(path)).element.body


def _contents_paragraphs(document) -> list:
    return [p for p in document.paragraphs if p._p.find(f".//{qn('w:hyperlink')}") is not None]


def test_the_contents_is_a_dirty_toc_field_around_its_lines(built_sample) -> None:
    body = _body(_output(built_sample, "docx"))
    first_line = next(
        paragraph
        for paragraph in body.iter(qn("w:p"))
        if any(
            (text.text or "").strip().startswith("TOC")
            for text in paragraph.iter(qn("w:instrText"))
        )
    )
    kinds = [char.get(qn("w:fldCharType")) for char in first_line.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate"]  # the lines follow; the last one ends the field
    begin = first_line.find(f".//{qn('w:fldChar')}")
    assert begin.get(qn("w:dirty")) == "true"
    assert len(contents_lines(body)) == len(built_sample.page_check.sections) - 3


def test_each_line_has_the_page_its_part_starts_on_in_the_pdf(built_sample) -> None:
    document = Document(str(_output(built_sample, "docx")))
    first_pages = {
        section.title: section.first_page for section in built_sample.page_check.sections
    }
    lines = [p.text.split("\t") for p in _contents_paragraphs(document)]
    assert len(lines) >= 16
    for title, page in lines:
        assert int(page) == first_pages[title], title


def test_no_contents_line_or_heading_is_left_alone_at_a_page_end(built_sample) -> None:
    document = Document(str(_output(built_sample, "docx")))
    lines = _contents_paragraphs(document)
    assert all(line.paragraph_format.keep_with_next for line in lines[:-1])
    assert all(line.paragraph_format.keep_together for line in lines)
    for level in (1, 2):
        assert document.styles[f"Heading {level}"].paragraph_format.keep_with_next


def test_without_a_pdf_the_lines_are_there_without_numbers(tmp_path: Path) -> None:
    result = build(Path(__file__).parent / "data" / "mini-docx", out_dir=tmp_path, formats=["docx"])
    document = Document(str(_output(result, "docx")))
    lines = [p.text for p in _contents_paragraphs(document)]
    if lines:  # the contents page comes only with more than 4 sections
        assert all(line.endswith("\t") for line in lines)


def test_fill_matches_titles_in_order_and_leaves_others(built_sample, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    copy.write_bytes(_output(built_sample, "docx").read_bytes())
    titles = [line_title(link) for link in contents_lines(_body(copy))]
    pages = [(title, 100 + number) for number, title in enumerate(titles)]
    assert fill_contents_pages(copy, [("Not a part", 1), *pages[1:]]) == len(titles) - 1
    lines = [p.text for p in _contents_paragraphs(Document(str(copy)))]
    assert lines[1] == f"{titles[1]}\t101" and lines[-1].endswith(f"\t{99 + len(titles)}")


@pytest.mark.slow
def test_libreoffice_shows_the_filled_contents_on_one_page(built_sample, tmp_path: Path) -> None:
    program = libreoffice()
    docx = _output(built_sample, "docx")
    subprocess.run(
        [program, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"]
        + ["--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    titles = [line_title(link) for link in contents_lines(_body(docx))]
    with pdfplumber.open(tmp_path / docx.with_suffix(".pdf").name) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    contents = next(number for number, text in enumerate(texts) if text.startswith("Contents"))
    lines = texts[contents].splitlines()
    for title in titles:
        line = next(line for line in lines if line.startswith(title))
        assert line.rstrip()[-1].isdigit(), line  # dot leaders, then the page number
    assert "...." not in texts[contents + 1]  # no contents line ran onto the next page
