"""The report the editor keeps in memory (easyread lsp and easyread watch), tested in process:
only changed sections are parsed again, the editor's text wins over the disk, findings sit
beside their points in the preview and never in the published page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from easyread.edition.assemble import edition_for_build
from easyread.editor.preview import Preview
from easyread.editor.session import EditorSession
from easyread.lint import engine
from easyread.reader import read_report
from easyread.writers.html import render_html

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "mini-report"
WORDY = "We met with a view to agreeing the plan."


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "report"))


def test_a_save_parses_only_the_changed_section(report: Path) -> None:
    preview = Preview(EditorSession(report))
    first = preview.update()
    sections = sorted(report.glob("*.md"))
    assert first.error is None and preview.session.parses == len(sections)
    assert preview.update().error is None
    assert preview.session.parses == len(sections)  # nothing changed: nothing parsed
    sections[1].write_text(sections[1].read_text(encoding="utf-8") + f"\n{WORDY}\n", "utf-8")
    update = preview.update([sections[1]])
    assert preview.session.parses == len(sections) + 1
    assert update.changed == [sections[1].absolute()]
    assert [f.rule for f in update.findings if f.rule == "wordy-phrase"] == ["wordy-phrase"]
    assert [score.file_name for score in update.scores] == [sections[1].name]


def test_the_same_findings_as_lint_of_the_folder(report: Path) -> None:
    section = sorted(report.glob("*.md"))[0]
    section.write_text(section.read_text(encoding="utf-8") + f"\n{WORDY}\n", "utf-8")
    session = EditorSession(report)
    expected = [f for f in engine.lint_report(read_report(report, check_pictures=False))]
    by_path = session.findings_by_path(section)
    found = sorted(
        (f for findings in by_path.values() for f in findings), key=lambda f: f.full_sort_key()
    )
    assert [(f.rule, f.path.name, f.line, f.column) for f in found] == [
        (f.rule, f.path.name, f.line, f.column) for f in expected
    ]


def test_the_editors_text_is_linted_not_the_file(report: Path) -> None:
    section = sorted(report.glob("*.md"))[0].absolute()
    on_disk = section.read_text(encoding="utf-8")
    session = EditorSession(report)
    assert not [f for f in session.findings_for(section) if f.rule == "wordy-phrase"]
    session.open_texts[section] = on_disk + f"\n{WORDY}\n"
    assert [f.rule for f in session.findings_for(section) if f.rule == "wordy-phrase"]
    assert section.read_text(encoding="utf-8") == on_disk


def test_findings_are_beside_their_points_only_in_the_preview(report: Path) -> None:
    section = sorted(report.glob("*.md"))[0]
    section.write_text(section.read_text(encoding="utf-8") + f"\n{WORDY}\n", "utf-8")
    preview = Preview(EditorSession(report))
    assert preview.update().error is None
    page = preview.page()
    assert page.count('<aside class="preview-notes"') >= 1
    assert "(wordy-phrase)" in page
    assert '<script src="/preview.js"' in page
    published = render_html(
        edition_for_build(read_report(report), preview.session.glossary(), None), for_print=False
    )
    assert "preview-notes" not in published and "<script" not in published


def test_a_broken_save_keeps_the_last_good_page(report: Path) -> None:
    preview = Preview(EditorSession(report))
    preview.update()
    good = preview.page()
    section = sorted(report.glob("*.md"))[0]
    section.write_text("# Title\n\n![A bus](pictures/no-such-bus.png) We go.\n", "utf-8")
    update = preview.update([section])
    assert update.error is not None and "no-such-bus.png" in update.error
    assert "\n" not in update.error
    page = preview.page()
    assert "Your last change could not be shown." in page
    assert page.split("<main")[1] == good.split("<main")[1]  # the last good page, unchanged
    assert "We go." not in page
