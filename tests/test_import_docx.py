"""easyread import: Word files made with python-docx become report folders that read and build.

Every document here is made by the test itself with python-docx, so each feature of a Word file
(headings, lists, bold, links, pictures with and without alt text, tables) is known exactly.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from easyread.cli import main
from easyread.config import load_config
from easyread.importer import load_document, render
from easyread.importer.document import Table
from easyread.importer.docx import read_docx
from easyread.model import Heading, Point
from easyread.reader import parse_section, read_report


def png(color: tuple[int, int, int], size: int = 48) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (size, size), color).save(data, format="PNG")
    data.seek(0)
    return data


def add_picture(paragraph, color: tuple[int, int, int], alt: str | None) -> None:  # noqa: ANN001
    shape = paragraph.add_run().add_picture(png(color), width=Mm(20))
    if alt is not None:
        shape._inline.docPr.set("descr", alt)


def add_link(paragraph, text: str, url: str, *, bold: bool = False) -> None:  # noqa: ANN001
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    if bold:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def council_report(path: Path) -> Path:
    """A small report as a council might write it in Word."""
    document = Document()
    core = document.core_properties
    core.title = "Our year in care"
    core.author = "Example Council"
    core.language = "en-GB"
    document.add_paragraph("Our year in care", style="Title")
    add_picture(document.add_paragraph(), (10, 120, 200), "A town hall")
    document.add_heading("What we did", 1)
    paragraph = document.add_paragraph("We visited ")
    paragraph.add_run("care homes").bold = True
    paragraph.add_run(". A care home is a place where people live and get help.")
    paragraph = document.add_paragraph("Read more on ")
    add_link(paragraph, "our website", "https://www.example.org/care")
    paragraph.add_run(".")
    document.add_paragraph("We met families", style="List Bullet")
    document.add_paragraph("We met staff", style="List Bullet")
    document.add_paragraph("Some staff were new", style="List Bullet 2")
    document.add_paragraph("We wrote a plan", style="List Number")
    document.add_paragraph("We shared the plan", style="List Number")
    document.add_heading("What we found", 1)
    document.add_heading("Homes", 2)
    paragraph = document.add_paragraph()
    add_picture(paragraph, (200, 30, 30), "A clean kitchen")
    paragraph.add_run(" Most homes were clean.")
    add_picture(document.add_paragraph(), (30, 200, 30), None)
    document.add_paragraph("This picture has no description.")
    document.add_heading("What happens next", 1)
    document.add_paragraph("We will visit again in 2027.")
    document.save(path)
    return path


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    return council_report(tmp_path / "our-year.docx")


def imported(tmp_path: Path, source: Path, *extra: str) -> Path:
    target = tmp_path / "report"
    assert main(["import", str(source), str(target), *extra]) == 0
    return target


def test_import_writes_one_section_per_heading_1_with_the_sample_file_names(
    tmp_path: Path, council: Path
) -> None:
    target = imported(tmp_path, council)
    names = sorted(path.name for path in target.glob("*.md"))
    assert names == ["01-what-we-did.md", "02-what-we-found.md", "03-what-happens-next.md"]
    config = load_config(target / "easyread.toml")
    assert config.title == "Our year in care"
    assert config.author == "Example Council"
    assert config.language == "en-GB"
    assert config.cover_picture == "pictures/cover.png"
    assert config.cover_alt == "A town hall"


def test_the_imported_report_reads_into_the_model_with_everything_kept(
    tmp_path: Path, council: Path
) -> None:
    report = read_report(imported(tmp_path, council))
    first, second, third = report.sections
    assert first.title.text == "What we did"
    points = first.points
    assert points[0].text == (
        "We visited care homes. A care home is a place where people live and get help."
    )
    assert [run.text for run in points[0].runs if run.strong] == ["care homes"]
    links = [run for run in points[1].runs if run.link]
    assert [(run.text, run.link) for run in links] == [
        ("our website", "https://www.example.org/care")
    ]
    listed = [point.text for point in points if point.in_list]
    assert listed == [
        "We met families",
        "We met staff",
        "Some staff were new",
        "We wrote a plan",
        "We shared the plan",
    ]
    headings = [block for block in second.blocks if isinstance(block, Heading)]
    assert [heading.text for heading in headings] == ["Homes"]
    pictured = [point for point in second.points if point.picture is not None]
    assert [point.picture.alt for point in pictured] == ["A clean kitchen", ""]
    # A picture alone in its paragraph belongs to the words that follow it.
    assert pictured[1].text == "This picture has no description."
    assert all(point.picture.path.is_file() for point in pictured)
    assert third.points[0].text == "We will visit again in 2027."


def test_lists_keep_their_kind_and_nesting_in_the_markdown(tmp_path: Path, council: Path) -> None:
    text = (imported(tmp_path, council) / "01-what-we-did.md").read_text(encoding="utf-8")
    assert "- We met families\n- We met staff\n  - Some staff were new\n" in text
    assert "1. We wrote a plan\n2. We shared the plan\n" in text


@pytest.mark.slow
def test_a_picture_with_no_description_is_a_missing_alt_finding(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = imported(tmp_path, council)
    assert "1 picture has no description" in capsys.readouterr().out
    assert main(["lint", str(target), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert '"rule": "missing-alt"' in out
    assert '"path": ' in out and "02-what-we-found.md" in out


@pytest.mark.slow
def test_the_imported_report_builds_as_it_is(tmp_path: Path, council: Path) -> None:
    from easyread.build import build

    result = build(imported(tmp_path, council), out_dir=tmp_path / "out", formats=["docx", "html"])
    assert (tmp_path / "out" / "report.docx").is_file()
    assert (tmp_path / "out" / "report.html").is_file()
    assert result is not None


def test_a_table_of_pictures_and_words_becomes_points(tmp_path: Path) -> None:
    """The usual Easy Read layout in Word: a picture on the left, the words on the right."""
    document = Document()
    document.add_heading("Your health check", 1)
    table = document.add_table(rows=2, cols=2)
    add_picture(table.cell(0, 0).paragraphs[0], (200, 0, 0), "A doctor")
    table.cell(0, 1).paragraphs[0].text = "You can see your doctor once a year."
    table.cell(0, 1).add_paragraph("This is called a health check.")
    add_picture(table.cell(1, 0).paragraphs[0], (0, 0, 200), "A calendar")
    table.cell(1, 1).paragraphs[0].text = "Ask for a date."
    document.save(tmp_path / "check.docx")
    report = read_report(imported(tmp_path, tmp_path / "check.docx"))
    points = report.sections[0].points
    assert [(point.picture.alt, point.text) for point in points] == [
        ("A doctor", "You can see your doctor once a year. This is called a health check."),
        ("A calendar", "Ask for a date."),
    ]
    text = report.sections[0].text
    assert "![A doctor](pictures/doctor.png)\nYou can see your doctor" in text


def test_text_before_the_first_heading_goes_into_a_first_section(tmp_path: Path) -> None:
    document = Document()
    document.core_properties.title = "Notes"
    document.add_paragraph("A few words first.")
    document.add_heading("Next part", 1)
    document.add_paragraph("More words.")
    document.save(tmp_path / "notes.docx")
    report = read_report(imported(tmp_path, tmp_path / "notes.docx"))
    assert [section.title.text for section in report.sections] == ["Notes", "Next part"]
    assert report.sections[0].points[0].text == "A few words first."


def test_a_document_whose_top_headings_are_heading_2_still_gets_sections(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("One", 2)
    document.add_paragraph("First part.")
    document.add_heading("Two", 2)
    document.add_paragraph("Second part.")
    document.save(tmp_path / "flat.docx")
    report = read_report(imported(tmp_path, tmp_path / "flat.docx"))
    assert [section.title.text for section in report.sections] == ["One", "Two"]


# Characters that mean something in Markdown, and words around them.
_TRICKY = st.text(
    alphabet=st.sampled_from(list("ab 12#*_`[]()<>&!|~\\-+=.:;'\"é")), min_size=1, max_size=40
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=_TRICKY, bold=_TRICKY)
def test_markdown_characters_in_a_word_file_come_back_as_the_same_text(
    words: str, bold: str
) -> None:
    """Whatever the text, the reader sees exactly the words of the Word paragraph."""
    expected = " ".join((words + bold).split())
    if not _letters(expected):
        return  # the reader keeps no sentence without a letter or a digit
    document = Document()
    document.add_heading("Title", 1)
    paragraph = document.add_paragraph(words)
    paragraph.add_run(bold).bold = True
    data = io.BytesIO()
    document.save(data)
    path = Path("/virtual/tricky.docx")
    rendered = render(_document_from_bytes(data.getvalue(), path))
    section = rendered.sections[0]
    parsed = parse_section(Path("01.md"), section.text, 1)
    texts = [block.text for block in parsed.blocks if isinstance(block, Point)]
    # The reader keeps no sentence without a letter or a digit ("!" alone), so compare words.
    assert _words(" ".join(texts)) == _words(expected)
    bold_text = "".join(run.text for point in parsed.points for run in point.runs if run.strong)
    # Bold keeps every word; punctuation at the edges of the bold stretch is written outside
    # the marks, where Markdown can read them. (Spaces between sentences are not kept in runs.)
    if _letters(bold):
        assert _letters_only(bold_text) == _letters_only(_without_edge_marks(bold))


def _without_edge_marks(text: str) -> str:
    import unicodedata

    def edge(character: str) -> bool:
        return character.isspace() or unicodedata.category(character)[0] in "PS"

    start, end = 0, len(text)
    while start < end and edge(text[start]):
        start += 1
    while end > start and edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _letters_only(text: str) -> str:
    return "".join(character for character in text if character.isalnum())


def _words(text: str) -> list[str]:
    return [word for word in text.split() if _letters(word)]


def _letters(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _document_from_bytes(data: bytes, path: Path):  # noqa: ANN202
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / path.name
        target.write_bytes(data)
        return read_docx(target)


# -- input that is not a good Word file ------------------------------------------------------


def _one_line_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_bad_documents_give_one_line_exit_2_and_write_nothing(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text_file = tmp_path / "notes.docx"
    text_file.write_text("just some text", encoding="utf-8")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(council.read_bytes()[:3000])
    encrypted = tmp_path / "locked.docx"
    # A password-protected DOCX is an OLE compound file with an EncryptionInfo stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000
    encrypted.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 1000)
    old_word = tmp_path / "old.docx"
    old_word.write_bytes(ole + b"\0" * 2000)
    spreadsheet = _zip(tmp_path / "sheet.docx", {"_rels/.rels": b"<x/>", "xl/workbook.xml": b""})
    cases = {
        text_file: "is not a Word file",
        damaged: "damaged",
        encrypted: "protected with a password",
        old_word: "old Word 97-2003 file",
        spreadsheet: "is not a Word document",
        tmp_path / "missing.docx": "does not exist",
    }
    for source, expected in cases.items():
        target = tmp_path / f"out-{source.stem}"
        err = _one_line_exit_2(capsys, ["import", str(source), str(target)])
        assert expected in err, err
        assert source.name in err
        assert not target.exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def _with_document_xml(source: Path, target: Path, document_xml: bytes) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/document.xml":
                data = document_xml
            copy.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def test_xml_entities_are_never_expanded(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&c;&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    bomb = _with_document_xml(council, tmp_path / "laughs.docx", laughs)
    err = _one_line_exit_2(capsys, ["import", str(bomb), str(tmp_path / "out")])
    assert "DOCTYPE" in err
    assert not (tmp_path / "out").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 80 MB of spaces packs into about 80 KB: refused from the sizes the zip declares.
    filler = b" " * (80 * 1024 * 1024)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(council) as original, zipfile.ZipFile(bomb, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, original.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
        copy.writestr("word/media/huge.bin", filler, compress_type=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 1_000_000
    err = _one_line_exit_2(capsys, ["import", str(bomb), str(tmp_path / "out")])
    assert "too big to be safe" in err


def test_a_part_that_lies_about_its_size_is_damaged(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    liar = tmp_path / "liar.docx"
    data = bytearray(_with_document_xml(council, tmp_path / "copy.docx", b" " * 5000).read_bytes())
    # Make the central directory claim that document.xml is 10 bytes: zipfile then stops there
    # and the part is not whole XML, so nothing past the declared size is ever unpacked.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    central = data.rfind(b"word/document.xml")
    header = central - 46
    data[header + 24 : header + 28] = (10).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    assert info.file_size == 5000
    err = _one_line_exit_2(capsys, ["import", str(liar), str(tmp_path / "out")])
    assert "damaged" in err


def test_an_existing_folder_is_never_overwritten_without_force(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = imported(tmp_path, council)
    (target / "01-what-we-did.md").write_text("# Mine\n\nMy own words.\n", encoding="utf-8")
    err = _one_line_exit_2(capsys, ["import", str(council), str(target)])
    assert "not empty" in err and "--force" in err
    assert "My own words" in (target / "01-what-we-did.md").read_text(encoding="utf-8")
    assert main(["import", str(council), str(target), "--force"]) == 0
    assert "We visited" in (target / "01-what-we-did.md").read_text(encoding="utf-8")
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_force_never_replaces_a_folder_that_is_not_a_report(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "documents"
    target.mkdir()
    (target / "keep.txt").write_text("keep", encoding="utf-8")
    err = _one_line_exit_2(capsys, ["import", str(council), str(target), "--force"])
    assert "not an easyread report" in err
    assert (target / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_an_empty_folder_is_used(tmp_path: Path, council: Path) -> None:
    target = tmp_path / "report"
    target.mkdir()
    assert main(["import", str(council), str(target)]) == 0
    assert (target / "easyread.toml").is_file()


def test_load_document_keeps_paragraph_numbers(council: Path) -> None:
    document = load_document(council)
    numbers = [block.paragraph for block in document.blocks if not isinstance(block, Table)]
    assert numbers == sorted(numbers)
    assert numbers[0] == 3  # after the title and the cover picture


def test_data_tables_and_headings_of_any_level_are_kept(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Deaths by age", 1)
    document.add_paragraph("Table 1: Deaths by age")
    table = document.add_table(rows=3, cols=3)
    rows = [["Age", "Men", "Women | other"], ["Under 50", "1,200", "900"], ["Over 50", "*2*", ""]]
    for row_number, row in enumerate(rows):
        for column, value in enumerate(row):
            table.cell(row_number, column).text = value
    table.cell(0, 1).paragraphs[0].runs[0].bold = True
    document.add_heading("Older people", 2)
    document.add_heading("People over 80", 3)
    document.add_paragraph("Few people lived past 80.")
    document.add_heading("Details", 4)
    document.add_paragraph("More details here.")
    document.save(tmp_path / "ages.docx")
    report = read_report(imported(tmp_path, tmp_path / "ages.docx"))
    section = report.sections[0]
    (kept,) = section.tables
    assert [[cell.text for cell in row] for row in kept.rows] == [
        ["Age", "Men", "Women | other"],
        ["Under 50", "1,200", "900"],
        ["Over 50", "*2*", ""],
    ]
    assert all(cell.header for cell in kept.rows[0])
    assert [run.text for run in kept.rows[0][1].runs if run.strong] == ["Men"]
    headings = [(block.level, block.text) for block in section.blocks if isinstance(block, Heading)]
    assert headings == [(2, "Older people"), (3, "People over 80"), (4, "Details")]


def test_hidden_characters_in_a_word_file_never_reach_the_report(tmp_path: Path) -> None:
    """Control codes and direction controls are refused by the reader; the import drops them."""
    document = Document()
    document.core_properties.title = "Hidden\u202e words"
    document.add_heading("Money\u2066 matters", 1)
    document.add_paragraph("We\u202a paid\u202c the bills.")
    document.save(tmp_path / "hidden.docx")
    report = read_report(imported(tmp_path, tmp_path / "hidden.docx"))
    assert report.title == "Hidden words"
    assert report.sections[0].title.text == "Money matters"
    assert report.sections[0].points[0].text == "We paid the bills."


def _with_footnotes(path: Path, notes: dict[int, str]) -> None:
    """Add a footnotes part to a DOCX python-docx wrote (python-docx has no footnote API)."""
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    bodies = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in notes.items()
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {namespace}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{bodies}</w:footnotes>"
    )
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    original = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdNotes" Type="{kind}" Target="footnotes.xml"/>'
                    "</Relationships>".encode(),
                )
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    f'<Override PartName="/word/footnotes.xml" ContentType="{content_type}"/>'
                    "</Types>".encode(),
                )
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        target.writestr("word/footnotes.xml", footnotes, compress_type=zipfile.ZIP_DEFLATED)


def _footnote_mark(paragraph, number: int) -> None:  # noqa: ANN001
    run = OxmlElement("w:r")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    run.append(reference)
    paragraph._p.append(run)


def test_footnotes_become_markdown_footnotes_numbered_as_the_text_uses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = Document()
    document.add_heading("Deaths", 1)
    paragraph = document.add_paragraph("About 4,000 people died.")
    _footnote_mark(paragraph, 7)
    document.add_heading("Causes", 1)
    paragraph = document.add_paragraph("Chest problems were common.")
    _footnote_mark(paragraph, 3)
    document.save(tmp_path / "notes.docx")
    _with_footnotes(tmp_path / "notes.docx", {3: "From the survey.", 7: "From death records."})
    target = imported(tmp_path, tmp_path / "notes.docx")
    first = (target / "01-deaths.md").read_text(encoding="utf-8")
    assert "About 4,000 people died.[^1]\n\n[^1]: From death records.\n" in first
    report = read_report(target)
    assert [(note.number, note.text) for note in report.sections[1].footnotes] == [
        (1, "From the survey.")
    ]
    assert report.sections[1].footnotes[0].label == "2"
    capsys.readouterr()
    assert main(["lint", str(tmp_path / "notes.docx"), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    footnotes = [finding for finding in findings if finding["rule"] == "footnote"]
    assert [finding["paragraph"] for finding in footnotes] == [2, 4]


def test_xml_nested_past_the_parser_limit_is_damaged_not_a_crash(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p>"
        + b"<w:smartTag>" * 20_000
        + b"<w:r><w:t>deep</w:t></w:r>"
        + b"</w:smartTag>" * 20_000
        + b"</w:p></w:body></w:document>"
    )
    source = _with_document_xml(council, tmp_path / "deep.docx", deep)
    err = _one_line_exit_2(capsys, ["import", str(source), str(tmp_path / "out")])
    assert "damaged" in err and "not whole XML" in err


def test_a_picture_bomb_inside_a_word_file_is_left_out_and_named(
    tmp_path: Path, council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PNG whose header claims 40,000 by 40,000 pixels: never decoded, left out, named."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    source = tmp_path / "bomb-picture.docx"
    with zipfile.ZipFile(council) as original, zipfile.ZipFile(source, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename.startswith("word/media/") and info.filename.endswith(".png"):
                data = bomb
            copy.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    target = imported(tmp_path, source)
    out = capsys.readouterr().out
    assert "Left out" in out and "far too big" in out
    assert not (target / "pictures").exists() or not any((target / "pictures").iterdir())
    assert read_report(target).sections[0].title.text == "What we did"


def test_without_a_folder_name_the_report_is_named_after_the_document(
    tmp_path: Path, council: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["import", str(council)]) == 0
    assert (work / "our-year" / "easyread.toml").is_file()


def test_bullets_typed_by_hand_become_a_list(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("What to bring", 1)
    document.add_paragraph("\u2022 Your letter")
    document.add_paragraph("\u2022\tYour medicines")
    document.add_paragraph("\u2022")  # a bullet with no words stays as it is: nothing to list
    document.add_paragraph("1 in 4 people forget their letter.")
    document.save(tmp_path / "bring.docx")
    report = read_report(imported(tmp_path, tmp_path / "bring.docx"))
    points = report.sections[0].points
    assert [(point.text, point.in_list) for point in points] == [
        ("Your letter", True),
        ("Your medicines", True),
        ("1 in 4 people forget their letter.", False),
    ]
