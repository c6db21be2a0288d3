"""The PDF: read back with pikepdf and pypdf, and checked for PDF/UA-1 with page-validation."""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

import page as page_validation
import pikepdf
import pytest
from pypdf import PdfReader

from easyread.edition import Edition, make_edition
from easyread.reader import read_report
from easyread.writers import pdf as pdf_writer
from easyread.writers import render
from easyread.writers.html import picture_column_mm

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"
MINI = ROOT / "tests" / "data" / "mini-report"
MM = 72 / 25.4  # PDF points per millimetre
PX_PER_MM = 96 / 25.4  # WeasyPrint writes a Figure's layout box in CSS pixels


@dataclass
class Built:
    edition: Edition
    path: Path
    pages: int
    seconds: float


def build(report: Path, folder: Path) -> Built:
    edition = make_edition(read_report(report), folder / "cache")
    target = folder / "report.pdf"
    start = time.perf_counter()
    pages = pdf_writer.write(edition, target)
    return Built(edition, target, pages, time.perf_counter() - start)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build(SAMPLE, tmp_path_factory.mktemp("sample"))
    print(f"\nsample PDF: {built.pages} pages in {built.seconds:.2f} s")
    return built


@pytest.fixture(scope="module")
def sample_pdf(sample: Built):
    with pikepdf.open(sample.path) as pdf:
        yield pdf


def structure_elements(pdf: pikepdf.Pdf):
    """Every structure element, depth first, in reading order."""
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        children = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]
        yield from children
        stack.extend(reversed(children))


def test_page_count_is_returned_and_the_sample_is_long_enough(sample: Built, sample_pdf) -> None:
    assert sample.pages == len(sample_pdf.pages)
    assert sample.pages >= 12


def test_document_is_tagged_with_language_and_title(sample: Built, sample_pdf) -> None:
    config = sample.edition.report.config
    root = sample_pdf.Root
    assert "/StructTreeRoot" in root
    assert str(root.Lang) == config.language
    assert bool(root.MarkInfo.Marked) is True
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert str(sample_pdf.docinfo.Title) == config.title
    assert str(sample_pdf.docinfo.Author) == config.document_author
    with sample_pdf.open_metadata() as xmp:
        assert xmp.get("dc:title") == config.title
        assert xmp.get("pdfuaid:part") == "1"


def test_dates_come_from_the_report_settings(sample: Built, sample_pdf) -> None:
    stamp = sample.edition.report.config.build_date().strftime("D:%Y%m%d%H%M%S")
    assert str(sample_pdf.docinfo.CreationDate).startswith(stamp)
    assert str(sample_pdf.docinfo.ModDate).startswith(stamp)


def test_every_figure_has_alt_text_and_headings_are_tagged(sample: Built, sample_pdf) -> None:
    elements = list(structure_elements(sample_pdf))
    kinds = [str(element.S) for element in elements]
    figures = [element for element in elements if element.S == "/Figure"]
    pictures = [p for s in sample.edition.sections for p in s.points if p.picture]
    assert len(figures) == len(pictures) + 1  # every point picture and the cover
    for figure in figures:
        assert str(figure.get("/Alt", "")).strip()
    alts = {str(figure.Alt) for figure in figures}
    assert {picture.picture.alt.strip() for picture in pictures} <= alts
    assert kinds.count("/H1") >= len(sample.edition.sections)
    assert "/H2" in kinds or not any(s.headings[1:] for s in sample.edition.sections), (
        "sub-headings are tagged H2"
    )


def test_bookmarks_follow_the_sections(sample: Built, sample_pdf) -> None:
    with sample_pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    expected = [sample.edition.report.config.title] + [
        section.title.text for section in sample.edition.sections
    ]
    assert [title for title in titles if title != "Contents"] == expected
    assert "Contents" in titles


def test_all_fonts_are_embedded(sample_pdf) -> None:
    fonts = {}
    for page in sample_pdf.pages:
        for name, font in page.Resources.get("/Font", {}).items():
            fonts[(name, font.objgen)] = font
    assert fonts
    for font in fonts.values():
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0] if descendants else font).FontDescriptor
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font.BaseFont
    names = {str(font.BaseFont) for font in fonts.values()}
    assert any("Atkinson-Hyperlegible" in name for name in names), names


def test_pdf_ua_validation_has_no_failures(sample: Built) -> None:
    report = page_validation.validate_pdf(str(sample.path), profile="ua1")
    failures = [str(failure) for failure in report.failures]
    assert failures == [], "\n".join(failures)
    assert report.is_compliant


def test_cover_first_then_about_this_document_and_page_numbers(sample: Built) -> None:
    reader = PdfReader(sample.path)
    config = sample.edition.report.config
    first = reader.pages[0].extract_text()
    for words in (config.title, config.organisation, config.display_date):
        assert " ".join(words.split()[:3]) in " ".join(first.split())
    assert "Page 1 of" not in first, "the cover has no page number"
    assert "About this document" in reader.pages[1].extract_text()
    total = len(reader.pages)
    for number in (2, total):
        assert f"Page {number} of {total}" in reader.pages[number - 1].extract_text()


def test_contents_page_numbers_match_where_sections_start(sample: Built) -> None:
    reader = PdfReader(sample.path)
    starts = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    contents_page = starts["Contents"]
    text = " ".join(reader.pages[contents_page - 1].extract_text().split())
    for section in sample.edition.contents:
        title = section.title.text
        found = re.search(re.escape(title) + r"[ .…]*?(\d+)\b", text)
        assert found, f"{title!r} missing from the contents page"
        assert int(found.group(1)) == starts[title], title


def test_pictures_sit_in_one_fixed_column(sample: Built, sample_pdf) -> None:
    column = picture_column_mm(sample.edition) * PX_PER_MM
    lefts = set()
    for element in structure_elements(sample_pdf):
        if element.S != "/Figure" or "/A" not in element:
            continue
        x1, y1, x2, y2 = (float(value) for value in element.A.BBox)
        if x2 - x1 > column + 1:  # the cover picture is bigger
            continue
        assert abs(max(x2 - x1, abs(y2 - y1)) - column) < 0.5
        lefts.add(round(x1, 1))
    assert len(lefts) == 1, "every row's picture starts at the same place"
    assert abs(lefts.pop() - 18 * PX_PER_MM) < 0.5, "at the left margin"


@pytest.mark.slow
def test_same_input_gives_the_same_bytes(sample: Built, tmp_path: Path) -> None:
    again = build(SAMPLE, tmp_path)  # a different picture cache folder, too
    assert again.path.read_bytes() == sample.path.read_bytes()


def test_mini_report_with_subheading_and_pictureless_point(tmp_path: Path) -> None:
    built = build(MINI, tmp_path)
    with pikepdf.open(built.path) as pdf:
        kinds = [str(element.S) for element in structure_elements(pdf)]
    assert "/H2" in kinds
    text = " ".join(page.extract_text() for page in PdfReader(built.path).pages)
    assert "{{ name }}" in text and "{% if yes %}" in text
    assert "This point has no picture." in text
    report = page_validation.validate_pdf(str(built.path), profile="ua1")
    assert [str(failure) for failure in report.failures] == []


def test_other_page_sizes(tmp_path: Path) -> None:
    edition = make_edition(read_report(MINI), tmp_path / "cache")
    edition.report.config.page_size = "A5"
    target = tmp_path / "a5.pdf"
    pdf_writer.write(edition, target)
    with pikepdf.open(target) as pdf:
        x1, y1, x2, y2 = (float(value) for value in pdf.pages[0].MediaBox)
    assert abs((x2 - x1) - 148 * MM) < 1 and abs((y2 - y1) - 210 * MM) < 1


def test_page_footers_are_artifacts_not_content(sample: Built, sample_pdf) -> None:
    reachable = {element.objgen for element in structure_elements(sample_pdf)}
    nums = sample_pdf.Root.StructTreeRoot.ParentTree.Nums
    for index in range(0, len(nums), 2):
        value = nums[index + 1]
        for element in value if isinstance(value, pikepdf.Array) else [value]:
            if isinstance(element, pikepdf.Dictionary):
                assert element.objgen in reachable, "every tagged piece belongs to the tree"
    for page in sample_pdf.pages[1:]:
        assert b"/Subtype /Footer" in page.Contents.read_bytes()
    assert b"/Subtype /Footer" not in sample_pdf.pages[0].Contents.read_bytes()


def test_pictures_go_into_the_pdf_without_being_compressed_again(sample: Built, sample_pdf) -> None:
    prepared = {
        render.png_image_data(sample.edition.picture(point.picture).read_bytes())
        for section in sample.edition.sections
        for point in section.points
        if point.picture is not None
    }
    prepared.discard(None)
    assert prepared, "the sample's prepared pictures are plain RGB PNGs"
    streams = set()
    for page in sample_pdf.pages:
        for image in page.Resources.get("/XObject", {}).values():
            if image.get("/Subtype") == "/Image" and image.get("/Filter") == "/FlateDecode":
                streams.add(image.read_raw_bytes())
    assert prepared <= streams


@pytest.mark.parametrize(
    ("mode", "options", "usable"),
    [
        ("RGB", {}, True),
        ("L", {}, True),
        ("RGBA", {}, False),
        ("P", {}, False),
        ("I;16", {}, False),
        ("RGB", {"interlaced": True}, False),
    ],
)
def test_png_data_is_reused_only_when_the_pdf_can_hold_it(mode, options, usable) -> None:
    import io
    import zlib

    from PIL import Image

    stream = io.BytesIO()
    Image.new(mode, (7, 5)).save(stream, "PNG")
    png = bytearray(stream.getvalue())
    if options.get("interlaced"):  # Pillow cannot write one: set the IHDR interlace byte
        png[8 + 8 + 12] = 1
    data = render.png_image_data(bytes(png))
    assert (data is not None) == usable
    if usable:
        channels = 3 if mode == "RGB" else 1
        assert len(zlib.decompress(data)) == 5 * (1 + 7 * channels)
    assert render.png_image_data(b"\xff\xd8\xff\xe0 a JPEG") is None


@pytest.mark.slow
def test_a_point_longer_than_a_page_flows_on_and_loses_nothing(tmp_path: Path) -> None:
    import shutil

    report = tmp_path / "report"
    shutil.copytree(MINI, report)
    sentences = " ".join(f"Sentence number {index} is here." for index in range(1, 601))
    (report / "02-hard-words.md").write_text(
        f"# Long\n\n![An open book](pictures/reading.png)\n{sentences}\n\nShort point after.\n",
        encoding="utf-8",
    )
    built = build(report, tmp_path)
    text = " ".join(page.extract_text() for page in PdfReader(built.path).pages)
    found = {int(number) for number in re.findall(r"Sentence number (\d+) is", text)}
    assert found == set(range(1, 601))
    assert "Short point after." in text
    assert built.pages > 10
    assert built.seconds < 20, "a long point must not make the layout slow"


def test_weasyprint_is_left_as_it_was_outside_easyreads_own_renders() -> None:
    """The PNG shortcut is on only inside render_pdf: importing easyread changes no library."""
    from weasyprint.images import RasterImage

    own = RasterImage.__dict__["_get_png_data"]
    assert own is render._WEASYPRINT_PNG_DATA
    with render.pngs_passed_as_they_are():
        assert RasterImage.__dict__["_get_png_data"] is not own
    assert RasterImage.__dict__["_get_png_data"] is own
    with render.pngs_passed_as_they_are(False):
        assert RasterImage.__dict__["_get_png_data"] is own


def test_every_pdf_easyread_renders_has_its_page_footers_as_artifacts() -> None:
    """Review copies, change lists and readability reports go through the same render_pdf."""
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>T</title><style>"
        "@page { @bottom-center { content: 'Page ' counter(page) } }</style></head>"
        "<body><h1>T</h1><p>Some words.</p></body></html>"
    )
    pdf, pages = render.render_pdf(html, render.SandboxFetcher([], []), base_url=".")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert pages == 1
        assert b"/Subtype /Footer" in document.pages[0].Contents.read_bytes()
