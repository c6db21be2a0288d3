"""`easyread build` renders any Markdown (issue 9): deeper headings, tables, footnotes, code and
quotes are drawn, raw HTML never reaches an output, and what cannot be shown gets one line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from docx import Document

from easyread.build import build

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "data" / "every-construct"
NAME = REPORT.name


@pytest.fixture(scope="module")
def html_and_docx(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("out")
    result = build(REPORT, formats=["html", "docx"], out_dir=out, run_checks=False, parallel=False)
    return out, result


def _docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_raw_html_and_scripts_never_reach_an_output(html_and_docx) -> None:
    out, _ = html_and_docx
    page = (out / f"{NAME}.html").read_text(encoding="utf-8")
    body = page[page.index("<main") :]
    for text in ("<script", "alert(", "<div>A box", "<b>", "hidden words"):
        assert text not in body
    assert "<script" not in page
    xml = _docx_xml(out / f"{NAME}.docx")
    for text in ("script", "alert(", "A box", "hidden words"):
        assert text not in xml
    assert "We help all people." in body
    assert "We help all people." in re.sub(r"<[^>]+>", "", xml)


def test_the_build_says_once_what_it_could_not_show(html_and_docx) -> None:
    _, result = html_and_docx
    notes = [note for note in result.notes if "01-all.md" in note]
    assert len(notes) == 3
    assert any(note.startswith("5 pieces of HTML code were left out") for note in notes)
    assert any(note.startswith("1 code block is shown as plain text") for note in notes)
    assert any("hidden by an HTML comment" in note and ":34:15" in note for note in notes)


def test_html_has_sub_headings_in_order_and_an_accessible_table(html_and_docx) -> None:
    out, _ = html_and_docx
    page = (out / f"{NAME}.html").read_text(encoding="utf-8")
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page[page.index("<main") :])]
    assert 3 in levels and 4 in levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels  # never skips a level
    assert "<caption>Table 1: Deaths by age</caption>" in page
    assert page.count('<th scope="col"') == 3
    assert '<td class="align-right">1,234</td>' in page
    assert "<strong>4%</strong>" in page
    assert "[1] From the 2024 survey." in page and ">Notes</h2>" in page
    assert "code line one" in page and "A quoted line from a carer." in page


def test_docx_has_deeper_heading_styles_and_a_real_table(html_and_docx) -> None:
    out, _ = html_and_docx
    document = Document(str(out / f"{NAME}.docx"))
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert {"Heading 3", "Heading 4"} <= set(styles)
    tables = [
        table for table in document.tables if table.style and table.style.name == "Table Grid"
    ]
    assert len(tables) == 1
    table = tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Age", "Deaths", "Share"]
    assert [cell.text for cell in table.rows[2].cells] == ["25 to 64", "200", "4%"]
    assert (
        table.rows[0]._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
    assert "Table 1: Deaths by age" in [p.text for p in document.paragraphs]


def test_a_file_without_a_title_is_titled_from_its_name(html_and_docx) -> None:
    out, _ = html_and_docx
    page = (out / f"{NAME}.html").read_text(encoding="utf-8")
    assert ">No title</h1>" in page
    assert "Text before any title" in page


@pytest.mark.slow
def test_the_pdf_is_pdf_ua_with_tagged_sub_headings_and_table(tmp_path: Path) -> None:
    page_validation = pytest.importorskip("page")
    build(REPORT, formats=["pdf"], out_dir=tmp_path, run_checks=False, parallel=False)
    path = tmp_path / f"{NAME}.pdf"
    report = page_validation.validate_pdf(str(path), profile="ua1")
    assert report.is_compliant and not report.failures, report.failures
    tags: list[str] = []
    with pikepdf.open(path) as pdf:
        _collect_tags(pdf.Root.StructTreeRoot, tags)
    assert {"/H3", "/H4", "/Table", "/TH", "/TD", "/Caption"} <= set(tags), set(tags)
    assert tags.count("/TH") == 3


def _collect_tags(node: pikepdf.Object, tags: list[str]) -> None:
    kind = node.get("/S")
    if kind is not None:
        tags.append(str(kind))
    kids = node.get("/K")
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary):
                _collect_tags(kid, tags)
    elif isinstance(kids, pikepdf.Dictionary):
        _collect_tags(kids, tags)


@pytest.mark.slow
def test_a_review_copy_of_any_markdown_shows_its_tables_and_numbers_only_points(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import shutil

    from pypdf import PdfReader

    from easyread.cli import main

    report = tmp_path / "report"
    shutil.copytree(REPORT, report)
    assert main(["review", str(report)]) == 0, capsys.readouterr().err
    pdf = report / "out" / "report-review.pdf"
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Table 1: Deaths by age" in text and "1,234" in text
    assert "alert(" not in text and "hidden words" not in text
    fields = PdfReader(str(pdf)).get_fields() or {}
    numbers = {name.split("-", 1)[0] for name in fields if name.startswith("p")}
    assert numbers == {"p1_1", "p1_2", "p1_3", "p1_4", "p1_5", "p2_1", "p2_2"}
