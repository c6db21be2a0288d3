"""easyread import of OpenDocument text (.odt) and web pages (.html), made by the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_documents import write_html, write_odt

from easyread.cli import main
from easyread.config import load_config
from easyread.importer import load_document
from easyread.model import Heading
from easyread.reader import read_report


def imported(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / "report"
    assert main(["import", str(source), str(target)]) == 0
    return target


def test_an_odt_imports_with_everything_it_holds(tmp_path: Path) -> None:
    target = imported(tmp_path, write_odt(tmp_path / "help.odt"))
    config = load_config(target / "easyread.toml")
    assert (config.title, config.author, config.language) == (
        "Help at home",
        "Example Care Team",
        "en-GB",
    )
    assert config.cover_alt == "A house with a green door"
    report = read_report(target)
    first, second = report.sections
    assert first.title.text == "Getting help"
    texts = [point.text for point in first.points]
    # The reader shows a footnote's mark as its number in brackets.
    assert texts[0] == "You can get home care. Home care is help in your own home.[1]"
    assert [run.text for run in first.points[0].runs if run.strong] == ["home care"]
    assert texts[1] == "Find out more on our website. Or phone us."
    links = [run.link for run in first.points[1].runs if run.link]
    assert set(links) == {"https://www.example.org/help"}
    assert texts[2:] == [
        "Help to wash",
        "Help to eat",
        "Help to cook",
        "Ask for help",
        "Wait for a visit",
    ]
    markdown = first.text
    assert "- Help to eat\n  - Help to cook\n" in markdown
    assert "1. Ask for help\n2. Wait for a visit\n" in markdown
    assert "Deleted" not in markdown
    assert [(note.number, note.text) for note in first.footnotes] == [
        (1, "A note that is not part of the text.")
    ]
    assert "note" not in first.points[0].text.lower()
    headings = [block.text for block in second.blocks if isinstance(block, Heading)]
    assert headings == ["Paying"]
    pictured = [point for point in second.points if point.picture is not None]
    assert [(point.picture.alt, point.text) for point in pictured] == [
        ("Some coins", "Some people pay for care. The council helps others."),
        ("", "This picture has no description."),
    ]
    (table,) = second.tables
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Who", "Hours"],
        ["Adults", "10"],
    ]


def test_odt_that_is_not_a_text_or_is_encrypted_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_odt(
        tmp_path / "sheet.odt", mimetype=b"application/vnd.oasis.opendocument.spreadsheet"
    )
    locked = write_odt(tmp_path / "locked.odt", encrypted=True)
    for source, expected in ((sheet, "not an OpenDocument text"), (locked, "password")):
        assert main(["import", str(source), str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and expected in err, err
        assert not (tmp_path / "out").exists()


def test_a_web_page_imports_without_scripts_menus_or_fetching(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    page = write_html(folder)
    document = load_document(page)
    assert any("on the internet" in item for item in document.left_out)
    assert any("not in the page's folder" in item for item in document.left_out)
    target = imported(tmp_path, page)
    config = load_config(target / "easyread.toml")
    assert (config.title, config.author, config.language) == (
        "Getting about",
        "Example Transport Team",
        "en-GB",
    )
    report = read_report(target)
    every_text = " ".join(section.text for section in report.sections)
    for hidden in ("script words", "No script", "Site header", "Footer", "Home", "color"):
        assert hidden not in every_text
    first, second = report.sections
    points = first.points
    assert points[0].text == "You can use the bus pass. A bus pass lets you travel for free."
    assert [run.text for run in points[0].runs if run.strong] == ["bus pass"]
    assert (points[1].picture.alt, points[1].text) == ("A red bus", "Buses stop near your home.")
    assert (points[2].picture.alt, points[2].text) == (
        "A blue ticket",
        "Show your ticket & sit down.",
    )
    assert [run.link for run in points[3].runs if run.link][0] == "https://www.example.org/travel"
    assert [point.text for point in points if point.in_list] == [
        "Buses",
        "Night buses",
        "Trains",
        "Get a pass",
        "Use it",
    ]
    assert "Web photo." in [point.text for point in points]
    assert all(
        point.picture is None for point in points if point.text in ("Web photo.", "Outside file.")
    )
    (table,) = first.tables
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Who", "Fare"],
        ["Adults", "£2"],
        ["Children", "£1"],
    ]
    assert second.title.text == "Help"
    assert second.points[0].text == "Ask a driver for help."


def test_lint_checks_an_odt_and_a_web_page_directly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    write_html(folder)
    write_odt(folder / "help.odt")
    monkeypatch.chdir(folder)
    main(["lint", "help.odt", "getting-about.html", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    paths = {finding["path"] for finding in findings}
    assert paths == {"help.odt", "getting-about.html"}
    missing = [f for f in findings if f["rule"] == "missing-alt" and f["path"] == "help.odt"]
    # Title 1, cover 2, heading 3, two paragraphs 4-5, five list items 6-10, headings 11-12,
    # the picture row 13-15, the caption 16, the table's four cells 17-20: the picture is 21.
    assert [(f["paragraph"], f["heading"]) for f in missing] == [(21, "Paying")]


def test_a_page_nested_thousands_deep_imports_without_crashing(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><h1>Deep</h1>"
        + "<div>" * 5000
        + "deep words"
        + "</div>" * 5000
        + "<p>"
        + "<b>" * 3000
        + "bold words"
        + "</b>" * 3000
        + "</p></body></html>",
        encoding="utf-8",
    )
    report = read_report(imported(tmp_path, page))
    points = report.sections[0].points
    assert [point.text for point in points] == ["deep words", "bold words"]
    assert [run.text for run in points[1].runs if run.strong] == ["bold words"]


def test_a_file_that_is_not_a_web_page_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "photo.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(200))
    assert main(["import", str(page), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not a web page" in err
