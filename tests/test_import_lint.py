"""easyread lint and easyread score check a Word file directly, naming its paragraphs.

The document is converted in memory (nothing is written), read by the normal reader, and every
finding is moved back to the document: the paragraph's number, the heading it is under, and the
character in the paragraph, in text, JSON, SARIF and GitHub output.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from PIL import Image

from easyread.cli import main


def _picture(paragraph, alt: str | None) -> None:  # noqa: ANN001
    data = io.BytesIO()
    Image.new("RGB", (40, 40), (20, 90, 160)).save(data, format="PNG")
    data.seek(0)
    shape = paragraph.add_run().add_picture(data, width=Mm(20))
    if alt is not None:
        shape._inline.docPr.set("descr", alt)


@pytest.fixture()
def money(tmp_path: Path) -> Path:
    """Paragraphs: 1 'What we found', 2 'We met...', 3 'Money', 4 'Most homes...',
    5 the picture cell, 6 'We spent...', 7 'About 25%...', 8 the picture with no description,
    9 'Thank you...'."""
    document = Document()
    document.add_heading("What we found", 1)
    document.add_paragraph("We met 40 people.")
    document.add_heading("Money", 2)
    document.add_paragraph("Most homes were good. We will leverage our funding.")
    table = document.add_table(rows=1, cols=2)
    _picture(table.cell(0, 0).paragraphs[0], "A coin")
    table.cell(0, 1).paragraphs[0].text = "We spent the money."
    table.cell(0, 1).add_paragraph("About 25% went on staff.")
    _picture(document.add_paragraph(), None)
    document.add_paragraph("Thank you for reading.")
    path = tmp_path / "money.docx"
    document.save(path)
    return path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    main(["lint", *args, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def _one(findings: list[dict], rule: str) -> dict:
    found = [finding for finding in findings if finding["rule"] == rule]
    assert len(found) == 1, found
    return found[0]


def test_a_finding_names_the_paragraph_its_heading_and_the_character(
    money: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(money.parent)
    data = _json(capsys, "money.docx")
    jargon = _one(data["findings"], "jargon")
    text = "Most homes were good. We will leverage our funding."
    assert jargon["path"] == "money.docx"
    assert jargon["paragraph"] == jargon["line"] == 4
    assert jargon["heading"] == "Money"
    assert jargon["column"] == text.index("leverage") + 1
    assert jargon["end_column"] == text.index("leverage") + len("leverage") + 1
    assert jargon["text"] == "leverage"
    assert not jargon["fixable"]


def test_the_second_line_of_a_picture_row_is_its_own_paragraph(
    money: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(money.parent)
    percentage = _one(_json(capsys, "money.docx")["findings"], "percentage")
    assert (percentage["paragraph"], percentage["column"]) == (7, len("About ") + 1)
    assert percentage["heading"] == "Money"


def test_a_picture_with_no_description_is_found_at_its_paragraph(
    money: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(money.parent)
    missing = _one(_json(capsys, "money.docx")["findings"], "missing-alt")
    assert missing["paragraph"] == 8
    assert missing["severity"] == "error"


def test_text_output_says_paragraph_and_heading(
    money: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(money.parent)
    assert main(["lint", "money.docx"]) == 1
    out = capsys.readouterr().out
    assert "money.docx, paragraph 4 (under 'Money'): warning jargon 'leverage'" in out


def test_sarif_and_github_carry_the_paragraph(
    money: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(money.parent)
    main(["lint", "money.docx", "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    results = sarif["runs"][0]["results"]
    jargon = next(result for result in results if result["ruleId"] == "jargon")
    location = jargon["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "money.docx"
    assert location["physicalLocation"]["region"]["startLine"] == 4
    assert location["logicalLocations"] == [{"name": "Money", "kind": "section"}]
    assert jargon["properties"] == {"paragraph": 4, "heading": "Money"}
    assert jargon["message"]["text"].startswith("Paragraph 4 (under 'Money'): ")
    main(["lint", "money.docx", "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert any("file=money.docx,line=4," in line and "title=jargon" in line for line in lines), (
        lines
    )


def test_markdown_findings_keep_their_json_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("# Title\n\nWe will leverage it.\n", encoding="utf-8")
    finding = _one(_json(capsys, "a.md")["findings"], "jargon")
    assert "paragraph" not in finding and "heading" not in finding
    assert (finding["line"], finding["column"]) == (3, 9)


def test_fix_refuses_a_word_file_in_one_line(
    money: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", str(money), "--fix"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "easyread import" in err


def test_lint_of_a_bad_word_file_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["lint", str(bad)]) == 2
    assert main(["score", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("bad.docx" in line and "damaged" in line for line in err)


def test_score_names_the_word_file_and_its_paragraphs(
    money: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(money.parent)
    assert main(["score", "money.docx", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    section = data["sections"][0] if "sections" in data else data["report"]["sections"][0]
    assert section["title"] == "What we found"
    assert section["path"] == "money.docx"
    lines = [point["line"] for point in section["points"]]
    assert lines == [2, 4, 5, 8]  # the paragraph each point starts at


def test_nothing_is_written_next_to_the_document(
    money: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(money.parent.iterdir())
    main(["lint", str(money)])
    main(["score", str(money)])
    capsys.readouterr()
    assert sorted(money.parent.iterdir()) == before


def test_findings_about_markdown_marks_are_said_for_a_word_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document()
    document.add_heading("Money", 1)
    document.add_heading("Spending", 3)
    _picture(document.add_paragraph(), None)
    document.add_paragraph("We spent it.")
    document.save(tmp_path / "words.docx")
    monkeypatch.chdir(tmp_path)
    findings = _json(capsys, "words.docx")["findings"]
    depth = _one(findings, "heading-depth")
    assert depth["message"] == (
        "This heading is 3 levels deep. Easy Read uses 2 levels of heading or fewer."
    )
    assert "Heading 2" in depth["suggestion"]
    missing = _one(findings, "missing-alt")
    assert "View Alt Text" in missing["suggestion"] and "![" not in missing["suggestion"]


def test_config_lint_settings_apply_to_a_document(
    money: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--config's [lint] settings are used for a document too (on a copy of its settings)."""
    assert _one(_json(capsys, str(money))["findings"], "jargon")
    settings = tmp_path / "other.toml"
    settings.write_text('title = "T"\n\n[lint]\ndisable = ["jargon"]\n', encoding="utf-8")
    found = _json(capsys, str(money), "--config", str(settings))["findings"]
    assert "jargon" not in {finding["rule"] for finding in found}


def test_the_pictures_of_a_document_checked_directly_are_inside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """picture-file looks for picture files in a report folder; a document's pictures are in
    the document until `easyread import` writes them out."""
    monkeypatch.chdir(tmp_path)
    document = Document()
    document.add_heading("What we found", 1)
    paragraph = document.add_paragraph()
    _picture(paragraph, "A coin")
    paragraph.add_run(" We met.")
    document.save(tmp_path / "coin.docx")
    rules = {finding["rule"] for finding in _json(capsys, "coin.docx")["findings"]}
    assert "picture-file" not in rules and "picture-record" not in rules
