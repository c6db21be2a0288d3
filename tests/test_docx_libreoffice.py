"""A real word processor opens the DOCX: LibreOffice converts it to PDF, and we read that back.

Skipped when LibreOffice is not installed, unless EASYREAD_REQUIRE_LIBREOFFICE is set (CI sets it
and installs LibreOffice, so there the test can never be skipped by accident).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from easyread.edition import Edition, make_edition
from easyread.reader import read_report
from easyread.resources import templates_dir
from easyread.review.review_copy import write_review_docx
from easyread.writers import docx as docx_writer
from easyread.writers.docx_package import font_files
from easyread.writers.docx_running import EMPTY_MARKER, RUNNING_TITLE_STYLE_ID, field_text

MINI = Path(__file__).parent / "data" / "mini-docx"
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "leder-annual-report"


def libreoffice() -> str:
    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program is None:
        if os.environ.get("EASYREAD_REQUIRE_LIBREOFFICE"):
            pytest.fail("EASYREAD_REQUIRE_LIBREOFFICE is set but libreoffice is not installed")
        pytest.skip("libreoffice is not installed")
    return program


@dataclass
class Converted:
    edition: Edition
    docx: Path
    pdf: Path

    @property
    def reader(self) -> PdfReader:
        return PdfReader(self.pdf)

    def text(self) -> str:
        return " ".join((page.extract_text() or "") for page in self.reader.pages)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    """The test report, and the sample when it is there, written and converted in one run."""
    program = libreoffice()
    work = tmp_path_factory.mktemp("libreoffice")
    reports = {"mini": MINI}
    if (SAMPLE / "easyread.toml").is_file():
        reports["sample"] = SAMPLE
    results: dict[str, Converted] = {}
    for name, folder in reports.items():
        edition = make_edition(read_report(folder), work / "pictures")
        target = work / f"{name}.docx"
        docx_writer.write(edition, target)
        results[name] = Converted(edition, target, work / f"{name}.pdf")
    convert(program, work, list(results.values()))
    return results


@pytest.fixture(scope="module")
def copies(converted, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    """The sample's review copy, and the sample with its running-title marks shown (slow tests
    only: a second LibreOffice run)."""
    if "sample" not in converted:
        pytest.skip("the sample report is not there")
    work = tmp_path_factory.mktemp("libreoffice-copies")
    sample = converted["sample"]
    review = Converted(sample.edition, work / "review.docx", work / "review.pdf")
    write_review_docx(sample.edition.report, review.docx, edition=sample.edition)
    marks = Converted(sample.edition, work / "marks.docx", work / "marks.pdf")
    show_the_marks(sample.docx, marks.docx)
    convert(libreoffice(), work, [review, marks], target=TAGGED_PDF)
    return {"review": review, "marks": marks}


# LibreOffice's tagged PDF (PDF/UA), as a person would export it for screen reader users.
TAGGED_PDF = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)


def convert(program: str, work: Path, items: list[Converted], target: str = "pdf") -> None:
    profile = (work / "profile").as_uri()  # our own profile: never clash with a running office
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
    command += ["--outdir", str(work), *(str(item.docx) for item in items)]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    for item in items:
        assert item.pdf.is_file(), f"LibreOffice did not convert {item.docx.name}"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
def test_libreoffice_opens_the_docx_and_shows_every_section(converted) -> None:
    mini = converted["mini"]
    text = squash(mini.text())
    for section in mini.edition.sections:
        assert squash(section.title.text) in text
    first = mini.edition.body[0].points[0]
    for sentence in first.sentences:
        assert squash(sentence.text) in text
    assert len(mini.reader.pages) >= 3


def test_page_numbers_are_worked_out_by_the_word_processor(converted) -> None:
    mini = converted["mini"]
    pages = mini.reader.pages
    total = len(pages)
    assert "Page" not in (pages[0].extract_text() or "")  # no number on the cover
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in squash(page.extract_text() or "")


def test_the_embedded_font_is_used_where_it_is_not_installed(converted) -> None:
    if not font_files(templates_dir() / "fonts"):
        pytest.skip("the font files are not in templates/fonts")
    fonts = set()
    for page in converted["mini"].reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert fonts and all("AtkinsonHyperlegible" in name for name in fonts), fonts


def test_a_rendered_page_has_pictures_and_text(converted, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        if os.environ.get("EASYREAD_REQUIRE_RENDERERS"):
            pytest.fail("EASYREAD_REQUIRE_RENDERERS is set but pdftoppm is not installed")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = converted["mini"].pdf
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    # A page of black text on white has few colours; the pictures add many more.
    assert len(colours) > 50


def test_the_sample_report_opens_in_libreoffice(converted) -> None:
    if "sample" not in converted:
        pytest.skip("the sample report is not there")
    sample = converted["sample"]
    pages = len(sample.reader.pages)
    text = squash(sample.text())
    assert squash(sample.edition.report.config.title) in text
    first = sample.edition.body[0]
    assert squash(first.title.text) in text
    assert squash(first.points[0].sentences[0].text) in text
    assert pages >= 12
    print(f"\nsample DOCX: {pages} pages in LibreOffice")


# -- the running section title (issue 13, part 4) ----------------------------------------------

HEADER_BAND_PT = 16 / 25.4 * 72  # the header's line is 8 to 14 mm from the top; text from 17 mm


@dataclass
class PageTop:
    header: str  # the running title LibreOffice printed in the header
    opens_with_a_title: bool  # the page's text begins with a section title
    titles: str  # the section titles printed on the page, run together


def page_tops(pdf: Path, body_size: float) -> list[PageTop]:
    tops = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            header = page.crop((0, 0, page.width, HEADER_BAND_PT)).extract_text() or ""
            chars = [c for c in page.chars if c["top"] > HEADER_BAND_PT and c["text"].strip()]
            first = min(chars, key=lambda c: (round(c["top"]), c["x0"]), default=None)
            big = page.filter(
                lambda o: o.get("object_type") == "char" and o["size"] > body_size * 1.5
            )
            tops.append(
                PageTop(
                    squash(header),
                    first is not None and first["size"] > body_size * 1.5,
                    squash(big.extract_text() or ""),
                )
            )
    return tops


def parts_in_order(edition: Edition) -> list[tuple[str, bool]]:
    """(title, has rows) of every part after the cover, as the DOCX prints them."""
    parts = [(section.title.text, bool(section.points)) for section in edition.front]
    if edition.show_contents:
        parts.append((edition.strings["contents"], False))
    parts += [(section.title.text, bool(section.points)) for section in edition.body]
    return parts + [(section.title.text, bool(section.points)) for section in edition.back]


def check_running_titles(item: Converted, shown: list[str] | None = None) -> int:
    """Every page that goes on with a part that has rows names it; every other page names
    nothing. `shown`: each page's title by another rule than LibreOffice's header (which is
    the default). Returns how many pages were named."""
    tops = page_tops(item.pdf, item.edition.report.config.font_size)
    shown = shown or [top.header for top in tops]
    assert shown[0] == ""  # the cover
    first_pages: list[int] = []
    page = 1
    for title, _ in parts_in_order(item.edition):
        while squash(title) not in tops[page].titles:
            page += 1  # an IndexError here: a part's title was not found on any page
        first_pages.append(page)
    named = 0
    for number, top in enumerate(tops[1:], start=2):
        started = [i for i, first in enumerate(first_pages) if first + 1 < number]
        going_on = parts_in_order(item.edition)[started[-1]] if started else None
        expected = ""
        if not top.opens_with_a_title and going_on is not None and going_on[1]:
            expected = squash(field_text(going_on[0]))
        assert shown[number - 1] == expected, f"page {number} of {item.pdf.name}"
        named += bool(expected)
    return named


@pytest.mark.slow
def test_pages_that_go_on_with_a_section_name_it_in_libreoffice(converted) -> None:
    if "sample" not in converted:
        pytest.skip("the sample report is not there")
    named = check_running_titles(converted["sample"])
    assert named >= 10  # the sample has many sections that run over a page
    check_running_titles(converted["mini"])


@pytest.mark.slow
def test_the_review_copy_has_the_running_titles_too(copies) -> None:
    assert check_running_titles(copies["review"]) >= 10


@pytest.mark.slow
def test_the_running_title_is_body_size_plain_and_grey(converted) -> None:
    item = converted.get("sample") or converted["mini"]
    body_size = item.edition.report.config.font_size
    with pdfplumber.open(item.pdf) as document:
        chars = [c for page in document.pages for c in page.chars if c["bottom"] < HEADER_BAND_PT]
    assert chars
    assert {round(c["size"], 1) for c in chars} == {round(body_size, 1)}
    assert not any("Bold" in c["fontname"] for c in chars)
    assert {tuple(round(v, 2) for v in c["non_stroking_color"]) for c in chars} == {(0.27,) * 3}


MARK_COLOUR = (1.0, 0.0, 1.0)
SHOWN_EMPTY = "#"


def show_the_marks(docx: Path, target: Path) -> None:
    """A copy of the DOCX whose hidden marks for Word's STYLEREF are shown: magenta, 1 pt (too
    small to change the pages), "#" for an empty mark."""
    run_style = f'<w:rStyle w:val="{RUNNING_TITLE_STYLE_ID}"/>'
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8").replace(
                    f"<w:rPr>{run_style}<w:vanish/></w:rPr>",
                    f'<w:rPr>{run_style}<w:color w:val="FF00FF"/><w:sz w:val="2"/></w:rPr>',
                )
                data = text.replace(EMPTY_MARKER, SHOWN_EMPTY).encode("utf-8")
            elif info.filename == "word/styles.xml":
                text = data.decode("utf-8")
                start = text.index(f'w:styleId="{RUNNING_TITLE_STYLE_ID}"')
                end = text.index("</w:style>", start)
                data = text[:start] + text[start:end].replace("<w:vanish/>", "") + text[end:]
                data = data.encode("utf-8")
            copy.writestr(info, data)


def titles_by_words_rule(pdf: Path) -> list[str]:
    """What Word's STYLEREF shows on each page by its definition (ECMA-376 17.16.5.59): the
    first text in the style on the page, else the last before the page. Here from the shown
    marks on LibreOffice's pages, without spaces (at 1 pt they are too narrow to find)."""
    shown, last = [], ""
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            marks = page.filter(
                lambda o: (
                    o.get("object_type") == "char"
                    and tuple(round(v, 2) for v in o.get("non_stroking_color") or ()) == MARK_COLOUR
                )
            )
            lines = [line for line in (marks.extract_text() or "").splitlines() if line.strip()]
            first = lines[0] if lines else last
            shown.append("" if number == 1 or first == SHOWN_EMPTY else first)
            last = lines[-1] if lines else last
    return shown


@pytest.mark.slow
def test_words_rule_names_the_same_sections_on_these_pages(converted, copies) -> None:
    """Word cannot run here. Its STYLEREF rule, worked out on LibreOffice's pages of a copy
    whose marks are shown, names each page as the test above expects."""
    item = copies["marks"]
    by_word = titles_by_words_rule(item.pdf)
    spaced = {}
    for section in item.edition.sections:
        title = squash(field_text(section.title.text))
        spaced[title.replace(" ", "")] = title
    shown = [spaced.get(title.replace(" ", ""), title) for title in by_word]
    assert check_running_titles(item, shown) >= 10
    # The copy has the pages of the DOCX itself: 1 pt marks move nothing.
    assert len(item.reader.pages) == len(converted["sample"].reader.pages)


@pytest.mark.slow
def test_a_tagged_pdf_from_libreoffice_makes_the_running_title_an_artifact(copies) -> None:
    """DOCX cannot mark text as an artifact; a header is page furniture. LibreOffice's tagged
    PDF export makes it an artifact, as it does the page numbers, so screen readers skip it."""
    item = copies["review"]
    with pdfplumber.open(item.pdf) as document:
        header = [c for page in document.pages for c in page.chars if c["bottom"] < HEADER_BAND_PT]
        body = [c for page in document.pages for c in page.chars if c["top"] > HEADER_BAND_PT]
    assert len(header) > 100
    assert {c.get("tag") for c in header} == {"Artifact"}
    assert sum(c.get("tag") != "Artifact" for c in body) > 1000  # the text itself is tagged
