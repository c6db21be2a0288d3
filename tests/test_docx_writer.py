"""The DOCX writer, read back with python-docx and from the raw XML of the package."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import io
import re
import uuid
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from easyread.edition import Edition, make_edition
from easyread.errors import OutputError
from easyread.model import Run
from easyread.reader import read_report
from easyread.resources import templates_dir
from easyread.writers import docx as docx_writer
from easyread.writers.docx_package import FONT_NAME, font_files, obfuscate_font
from easyread.writers.docx_running import field_text
from easyread.writers.docx_styles import split_page_label
from easyread.writers.running_title import one_line

MINI = Path(__file__).parent / "data" / "mini-docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fresh_edition(cache: Path) -> Edition:
    return make_edition(read_report(MINI), cache)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pictures")


@pytest.fixture(scope="module")
def edition(cache: Path) -> Edition:
    return fresh_edition(cache)


@pytest.fixture(scope="module")
def built(edition: Edition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("docx") / "mini.docx"
    assert docx_writer.write(edition, target) is None
    return target


@pytest.fixture(scope="module")
def document(built: Path):
    return docx.Document(str(built))


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def point_rows(document) -> list:
    return [row for table in document.tables for row in table.rows]


def visible_text(paragraph) -> str:
    """The paragraph's text without hidden runs (the marks for the running section title)."""
    return "".join(
        item.text
        for item in paragraph.iter_inner_content()
        if not (isinstance(item, docx.text.run.Run) and item.font.hidden)
    )


def cell_text(cell) -> str:
    return " ".join(text for text in map(visible_text, cell.paragraphs) if text)


def all_points(edition: Edition):
    return [point for section in edition.sections for point in section.points]


def test_every_picture_has_alt_text(built: Path, edition: Edition) -> None:
    body = part_xml(built, "word/document.xml")
    pictures = body.findall(".//{*}inline") + body.findall(".//{*}anchor")
    with_picture = [point for point in all_points(edition) if point.picture is not None]
    assert len(pictures) == len(with_picture) + 1  # and the cover
    descriptions = [picture.find("{*}docPr").get("descr") for picture in pictures]
    assert all(text and text.strip() for text in descriptions)
    assert descriptions[0] == "2 people holding hands"
    assert descriptions[1:] == [point.picture.alt for point in with_picture]


def test_section_titles_are_heading_1_and_sub_headings_heading_2(
    document, edition: Edition
) -> None:
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    titles = [section.title.text for section in edition.sections]
    expected = [*titles[: len(edition.front)], edition.strings["contents"]]
    expected += titles[len(edition.front) :]
    assert edition.show_contents
    assert by_style["Heading 1"] == expected
    assert by_style["Heading 2"] == ["The second part"]
    assert by_style["Title"] == ["Our small test report"]
    heading = document.styles["Heading 1"]
    assert heading.font.bold and not heading.font.italic
    # Word stores sizes in half points.
    assert abs(heading.font.size.pt - 16 * 1.6) <= 0.25
    assert abs(document.styles["Heading 2"].font.size.pt - 16 * 1.3) <= 0.25
    colour = heading.element.rPr.find(qn("w:color"))
    assert colour.get(qn("w:themeColor")) is None
    assert int(colour.get(qn("w:val")), 16) < 0x333333


def test_core_properties_come_from_the_report(built: Path, document) -> None:
    props = document.core_properties
    assert props.title == "Our small test report"
    assert props.author == "Test Group"
    assert props.subject == "A report for checking the Word document"
    assert props.language == "en-GB"
    assert props.created == props.modified == dt.datetime(2025, 8, 6, tzinfo=dt.UTC)
    assert props.revision == 1
    with zipfile.ZipFile(built) as archive:
        for name in archive.namelist():
            data = archive.read(name).lower()
            assert b"python-docx" not in data, name
            assert b"macintosh" not in data, name
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
    app = part_xml(built, "docProps/app.xml")
    assert app.find("{*}Application").text == "easyread"
    assert app.find("{*}Template") is None


def test_language_is_set_in_the_document_defaults(built: Path) -> None:
    styles = part_xml(built, "word/styles.xml")
    language = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    for attribute in ("val", "eastAsia", "bidi"):
        assert language.get(f"{W}{attribute}") == "en-GB"


def test_one_font_everywhere_with_arial_as_fallback(built: Path) -> None:
    styles = part_xml(built, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert defaults.get(f"{W}{attribute}") == FONT_NAME
    for fonts in styles.iter(f"{W}rFonts"):
        assert not any("Theme" in key or "theme" in key for key in fonts.attrib)
    table = part_xml(built, "word/fontTable.xml")
    font = next(f for f in table.findall(f"{W}font") if f.get(f"{W}name") == FONT_NAME)
    assert font.find(f"{W}altName").get(f"{W}val") == "Arial"


def test_the_font_is_embedded_so_that_word_can_read_it_back(built: Path) -> None:
    files = font_files(templates_dir() / "fonts")
    if not files:
        pytest.skip("the font files are not in templates/fonts")
    table = part_xml(built, "word/fontTable.xml")
    font = next(f for f in table.findall(f"{W}font") if f.get(f"{W}name") == FONT_NAME)
    rels = part_xml(built, "word/_rels/fontTable.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    with zipfile.ZipFile(built) as archive:
        for font_file in files:
            embed = font.find(f"{W}{font_file.slot}")
            key = uuid.UUID(embed.get(f"{W}fontKey").strip("{}"))
            stored = archive.read("word/" + targets[embed.get(qn("r:id"))])
            assert stored != font_file.path.read_bytes()
            assert obfuscate_font(stored, key) == font_file.path.read_bytes()
        content_types = archive.read("[Content_Types].xml").decode()
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in content_types
    settings = part_xml(built, "word/settings.xml")
    assert settings.find(f"{W}embedTrueTypeFonts") is not None


def test_points_are_rows_of_borderless_two_column_tables(document, built: Path) -> None:
    picture_width = Mm(45).twips
    body = part_xml(built, "word/document.xml")
    tables = body.findall(f".//{W}tbl")
    assert len(tables) == len(document.tables) > 0
    for table in tables:
        properties = table.find(f"{W}tblPr")
        borders = properties.find(f"{W}tblBorders")
        assert {border.get(f"{W}val") for border in borders} == {"nil"}
        assert properties.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        columns = table.findall(f"{W}tblGrid/{W}gridCol")
        assert len(columns) == 2
        assert int(columns[0].get(f"{W}w")) == picture_width
        for row in table.findall(f"{W}tr"):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
            cells = row.findall(f"{W}tc")
            assert len(cells) == 2
            widths = [int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for cell in cells]
            assert widths[0] == picture_width
            assert widths[1] == int(columns[1].get(f"{W}w"))


def test_the_text_of_every_point_appears_in_order(document, edition: Edition) -> None:
    rows = point_rows(document)
    points = all_points(edition)
    assert [cell_text(row.cells[1]) for row in rows] == [point.text for point in points]


def test_each_sentence_is_its_own_paragraph(document, edition: Edition) -> None:
    for row, point in zip(point_rows(document), all_points(edition), strict=True):
        paragraphs = [p for p in row.cells[1].paragraphs if p.text]
        assert len(paragraphs) == len(point.sentences)


def test_a_point_without_a_picture_keeps_an_empty_picture_cell(document) -> None:
    row = next(r for r in point_rows(document) if "has no picture" in cell_text(r.cells[1]))
    assert row.cells[0]._tc.find(f".//{W}drawing") is None
    assert cell_text(row.cells[0]) == ""


def test_bold_only_for_hard_words_and_no_italics(built: Path, document, edition) -> None:
    bold = [
        run.text
        for row in point_rows(document)
        for paragraph in row.cells[1].paragraphs
        for run in paragraph.runs
        if run.bold
    ]
    strong = [run.text for point in all_points(edition) for run in point.runs if run.strong]
    assert bold == strong and "hard word" in bold
    for row in point_rows(document):
        for paragraph in row.cells[1].paragraphs:
            assert not any(run.italic for run in paragraph.runs)
    for name in ("word/document.xml", "word/styles.xml"):
        xml = part_xml(built, name)
        assert xml.findall(f".//{W}i") == [] and xml.findall(f".//{W}iCs") == []


def test_the_cover_subtitle_is_large_but_not_bold_as_in_the_pdf(document) -> None:
    subtitle = document.styles["Subtitle"]
    assert subtitle.font.bold is False and subtitle.font.size > document.styles["Normal"].font.size
    assert any(p.style.name == "Subtitle" and p.text for p in document.paragraphs)


def test_body_text_layout(document) -> None:
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == 1.5
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.ONE_POINT_FIVE
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert normal.paragraph_format.space_after > 0
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    for paragraph in document.paragraphs:
        assert paragraph.alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)


def test_the_paragraph_after_the_last_table_is_1_pt_high(built: Path) -> None:
    """Word needs a paragraph after the last table. With single line spacing LibreOffice gave
    it a line of its own, and a last table that ended at the foot of a page (the sample's
    credits) left an empty last page."""
    body = part_xml(built, "word/document.xml").find(qn("w:body"))
    last = body.findall(qn("w:p"))[-1]
    spacing = last.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert body[-2].tag == qn("w:p") and body[-3].tag == qn("w:tbl")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("20", "exact")


def test_links_are_real_hyperlinks(built: Path, document) -> None:
    body = part_xml(built, "word/document.xml")
    external = {
        rel.rId: rel.target_ref
        for rel in document.part.rels.values()
        if rel.reltype == RT.HYPERLINK
    }
    links = [link for link in body.iter(f"{W}hyperlink") if link.get(qn("r:id"))]
    targets = {external[link.get(qn("r:id"))] for link in links}
    assert "https://www.example.org/more" in targets
    assert "mailto:test@example.org" in targets
    for link in links:
        assert link.find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"
    style = document.styles["Hyperlink"]
    assert style.font.underline and style.font.color.rgb is not None


def test_contents_entries_jump_to_the_section_titles(built: Path) -> None:
    body = part_xml(built, "word/document.xml")
    bookmarks = {mark.get(f"{W}name") for mark in body.iter(f"{W}bookmarkStart")}
    anchors = [link.get(f"{W}anchor") for link in body.iter(f"{W}hyperlink")]
    anchors = [anchor for anchor in anchors if anchor]
    assert len(anchors) == 6  # 5 sections and Find out more
    assert set(anchors) <= bookmarks


def test_footer_says_page_n_of_m_with_fields(built: Path, document) -> None:
    footer = document.sections[0].footer
    xml = etree.tostring(footer._element).decode()
    instructions = re.findall(r'w:instr="\s*(\w+)', xml)
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.startswith("Page ")
    assert document.styles["Footer"].font.size == Pt(16)
    assert document.sections[0].different_first_page_header_footer


def test_split_page_label_keeps_words_around_the_fields() -> None:
    assert split_page_label("Page {page} of {pages}") == [
        ("text", "Page "),
        ("PAGE", "{page}"),
        ("text", " of "),
        ("NUMPAGES", "{pages}"),
    ]
    assert split_page_label("{page}/{pages}") == [
        ("PAGE", "{page}"),
        ("text", "/"),
        ("NUMPAGES", "{pages}"),
    ]


def test_rebuild_is_byte_identical(edition: Edition, built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    docx_writer.write(edition, again)
    assert again.read_bytes() == built.read_bytes()
    with zipfile.ZipFile(again) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(2025, 8, 6, 0, 0, 0)}
    assert [p.name for p in tmp_path.iterdir()] == ["again.docx"]  # no temporary file left


def test_numbered_edition_shows_each_point_number_in_bold(edition: Edition, tmp_path: Path) -> None:
    target = tmp_path / "numbered.docx"
    docx_writer.write(edition, target, numbered=True)
    document = docx.Document(str(target))
    firsts = [row.cells[1].paragraphs[0].runs[0] for row in point_rows(document)]
    body_points = [point for _, point in edition.report.points()]
    numbered = [run for run in firsts if run.bold and re.match(r"\d+\.\d+", run.text)]
    assert [run.text.strip() for run in numbered] == [point.number for point in body_points]


def test_odd_text_and_unsafe_links_are_written_safely(cache: Path, tmp_path: Path) -> None:
    edition = fresh_edition(cache)
    section = edition.body[0]
    point = section.points[0]
    first = point.sentences[0]
    odd_runs = (Run(" Bell\x07 and\x0b tab."), Run(" Click", link="javascript:alert(1)"))
    odd = dataclasses.replace(first, runs=(*first.runs, *odd_runs))
    odd_point = dataclasses.replace(point, sentences=(odd, *point.sentences[1:]))
    blocks = tuple(odd_point if block is point else block for block in section.blocks)
    odd_section = dataclasses.replace(section, blocks=blocks)
    edition = dataclasses.replace(edition, body=(odd_section, *edition.body[1:]))
    target = tmp_path / "odd.docx"
    docx_writer.write(edition, target)
    document = docx.Document(str(target))
    texts = [cell_text(row.cells[1]) for row in point_rows(document)]
    assert any("small report for tests. Bell and tab. Click" in text for text in texts)
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert not any("javascript" in target for target in targets)


def test_a5_page_gets_a_narrower_picture_column(cache: Path, tmp_path: Path) -> None:
    edition = fresh_edition(cache)
    edition.report.config.page_size = "A5"
    target = tmp_path / "a5.docx"
    docx_writer.write(edition, target)
    document = docx.Document(str(target))
    assert abs(document.sections[0].page_width - Mm(148)) < Mm(0.1)
    picture_cell = document.tables[0].rows[0].cells[0]
    assert abs(picture_cell.width - Mm(38)) < Mm(0.1)
    text_width = document.sections[0].page_width - 2 * document.sections[0].left_margin
    assert picture_cell.width + document.tables[0].rows[0].cells[1].width <= text_width
    cover = document.inline_shapes[0]
    assert cover.width <= Mm(60) + Mm(0.1)


def test_the_file_is_a_valid_zip_that_python_docx_opens(built: Path) -> None:
    data = built.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    assert docx.Document(io.BytesIO(data)).paragraphs


def test_a_folder_that_cannot_take_the_file_gets_a_clear_error(
    edition: Edition, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file in the way\n")
    with pytest.raises(OutputError):
        docx_writer.write(edition, blocker / "report.docx")


def test_a_full_disk_keeps_the_last_good_file(
    edition: Edition, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"the last good file")
    real_writestr = zipfile.ZipFile.writestr
    written: list[str] = []

    def fill_the_disk(self, info, data, *args, **kwargs):  # noqa: ANN001, ANN202
        if written and self.filename:  # python-docx's own save goes to memory first
            raise OSError(errno.ENOSPC, "No space left on device")
        if self.filename:
            written.append(str(info))
        return real_writestr(self, info, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fill_the_disk)
    with pytest.raises(OutputError, match="disk is full"):
        docx_writer.write(edition, target)
    assert target.read_bytes() == b"the last good file"
    assert [path.name for path in tmp_path.iterdir()] == ["report.docx"]


def _instructions(element) -> list[str]:
    return [" ".join((text.text or "").split()) for text in element.iter(f"{W}instrText")]


def test_the_header_holds_the_running_section_title_field(document) -> None:
    header = document.sections[0].header
    assert header.paragraphs[0].style.name == "Header"
    assert _instructions(header._element) == [
        'IF 1 = 1 "',
        'STYLEREF "Running title" \\* CHARFORMAT',
        '" "',
        "REF _er_section",
        '"',
    ]
    assert header.paragraphs[0].text == ""  # no stored result: nothing wrong shown anywhere
    style = document.styles["Header"]
    assert style.font.size == Pt(16) and not style.font.bold
    assert document.styles["Running title"].font.hidden
    first_page = document.sections[0].first_page_header
    assert not _instructions(first_page._element)  # the cover has no running title


def test_each_row_says_which_section_it_belongs_to(document, edition: Edition) -> None:
    """Every row sets LibreOffice's variable to its section's title and carries Word's hidden
    marker: empty in a section's first row, the title in the others."""
    rows = iter(point_rows(document))
    for section in edition.sections:
        if not section.points:
            continue
        for index, _ in enumerate(section.points):
            cell = next(rows).cells[1]
            last = cell.paragraphs[-1]
            assert _instructions(last._p)[-1] == f'SET _er_section "{section.title.text}"'
            marker = last.runs[-1]
            assert marker.font.hidden and marker.style.name == "Running title"
            assert marker.text == ("\u200b" if index == 0 else section.title.text)


def test_each_section_title_empties_the_running_title(document, edition: Edition) -> None:
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == len(edition.sections) + 1  # and the contents
    for heading in headings:
        assert _instructions(heading._p)[:1] == ['SET _er_section ""']
        assert visible_text(heading) == heading.text  # headings keep their text as it is


def test_titles_are_written_so_both_word_processors_read_them_whole() -> None:
    assert field_text('Say "no" to C:\\x') == "Say \u201cno\u201d to C:/x"
    assert field_text('a "b') == "a \u201db"
    assert field_text("  Two\tspaces ") == "Two spaces"


def test_a_big_font_keeps_the_header_line_above_the_text(cache: Path, tmp_path: Path) -> None:
    """9 mm between the header's top (8 mm) and the text (17 mm) hold a line of 20 pt: a bigger
    running title would push the text down on every page."""
    edition = fresh_edition(cache)
    edition.report.config.font_size = 28
    target = tmp_path / "big.docx"
    docx_writer.write(edition, target)
    document = docx.Document(str(target))
    assert document.styles["Header"].font.size == Pt(20)
    assert document.styles["Normal"].font.size == Pt(28)
    assert abs(document.sections[0].header_distance - Mm(8)) < Mm(0.1)


def test_a_long_title_is_cut_after_a_word_to_keep_the_header_on_one_line() -> None:
    """A title of a public report (Care Quality Commission) that took 2 header lines in
    LibreOffice, at 16 pt on A4 (174 mm of text width)."""
    fonts = font_files(templates_dir() / "fonts")
    font = fonts[0].path if fonts else None
    title = (
        "STOMP – Stopping The Over Medication of People with learning disabilities and/or "
        "autism, and STAMP – Supporting Treatment and Appropriate Medication in Paediatrics"
    )
    width = 174 / 25.4 * 72
    cut = one_line(title, width, 16, font)
    assert cut.endswith("\u2026") and title.startswith(cut[:-1])
    assert title[len(cut) - 1] == " "  # after a whole word
    assert len(cut) > 40
    assert one_line("Medicines", width, 16, font) == "Medicines"
    assert one_line("Medicines", width, 16, None) == "Medicines"
    assert one_line("A" * 200, width, 16, None).endswith("\u2026")
