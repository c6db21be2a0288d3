"""Documents made by a real word processor: LibreOffice converts our own ODT and web page to
DOCX, and our DOCX to ODT; each import must say the same as the document it came from.

Skipped when LibreOffice is not installed, unless EASYREAD_REQUIRE_LIBREOFFICE is set (CI sets
it, so there the test can never be skipped by accident).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from import_documents import write_html, write_odt
from test_import_docx import council_report

from easyread.cli import main
from easyread.config import load_config
from easyread.model import Heading, Report
from easyread.reader import read_report

pytestmark = pytest.mark.slow


def libreoffice() -> str:
    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program is None:
        if os.environ.get("EASYREAD_REQUIRE_LIBREOFFICE"):
            pytest.fail("EASYREAD_REQUIRE_LIBREOFFICE is set but libreoffice is not installed")
        pytest.skip("libreoffice is not installed")
    return program


def convert(program: str, work: Path, target: str, sources: list[Path]) -> None:
    profile = (work / "profile").as_uri()  # our own profile: never clash with a running office
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
    command += ["--outdir", str(work / "converted"), *(str(source) for source in sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=240)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our ODT, web page and DOCX, and what LibreOffice made of each, in one folder."""
    program = libreoffice()
    work = tmp_path_factory.mktemp("libreoffice")
    originals = work / "originals"
    originals.mkdir()
    odt = write_odt(originals / "help.odt")
    html = write_html(originals)
    docx = council_report(originals / "council.docx")
    convert(program, work, "docx:MS Word 2007 XML", [odt, html])  # one start for both
    convert(program, work, "odt", [docx])
    for name in ("help.docx", "getting-about.docx", "council.odt"):
        assert (work / "converted" / name).is_file(), f"LibreOffice did not make {name}"
    return work


def imported(source: Path, target: Path) -> Report:
    assert main(["import", str(source), str(target)]) == 0
    return read_report(target)


def words(report: Report) -> list[tuple]:
    """Section titles, headings, and each point's words, bold words and picture description."""
    found: list[tuple] = []
    for section in report.sections:
        found.append(("section", section.title.text))
        for block in section.blocks:
            if isinstance(block, Heading):
                found.append(("heading", block.text))
            elif hasattr(block, "sentences"):
                bold = tuple(run.text for run in block.runs if run.strong)
                alt = block.picture.alt if block.picture else None
                found.append(("point", block.text, bold, alt))
            else:
                found.append(("table", tuple(cell.text for cell in block.cells)))
    return found


def notes(report: Report) -> list[tuple[int, str]]:
    return [(note.number, note.text) for section in report.sections for note in section.footnotes]


def test_our_odt_saved_as_docx_by_libreoffice_imports_the_same(converted: Path) -> None:
    direct = imported(converted / "originals" / "help.odt", converted / "odt-direct")
    via_word = imported(converted / "converted" / "help.docx", converted / "odt-via-docx")
    assert words(via_word) == words(direct)
    assert notes(via_word) == notes(direct) == [(1, "A note that is not part of the text.")]
    assert load_config(converted / "odt-via-docx" / "easyread.toml").title == "Help at home"


def test_our_docx_saved_as_odt_by_libreoffice_imports_the_same(converted: Path) -> None:
    direct = imported(converted / "originals" / "council.docx", converted / "docx-direct")
    via_odt = imported(converted / "converted" / "council.odt", converted / "docx-via-odt")
    assert words(via_odt) == words(direct)
    config = load_config(converted / "docx-via-odt" / "easyread.toml")
    assert (config.title, config.author, config.cover_alt) == (
        "Our year in care",
        "Example Council",
        "A town hall",
    )


def test_our_web_page_saved_as_docx_by_libreoffice_keeps_its_words(converted: Path) -> None:
    direct = imported(converted / "originals" / "getting-about.html", converted / "html-direct")
    via_word = imported(converted / "converted" / "getting-about.docx", converted / "html-via")
    texts = [item[1] for item in words(via_word) if item[0] in ("section", "heading", "point")]
    for item in words(direct):
        if item[0] == "point":
            assert item[1] in texts, item
    bold = {word for item in words(via_word) if item[0] == "point" for word in item[2]}
    assert "bus pass" in bold


def test_the_imports_build(converted: Path) -> None:
    from easyread.build import build

    for name in ("odt-via-docx", "docx-via-odt"):
        result = build(converted / name, out_dir=converted / f"{name}-out", formats=["html"])
        assert any(output.format == "html" for output in result.outputs)
