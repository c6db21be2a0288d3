"""The pages easyread adds (cover, About this document, contents, Words to know, Checked by,
Find out more, picture credits) are Easy Read: linted and scored like the body, with findings
that name the file and line their words come from (issue 13 part 3)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from easyread.build import build
from easyread.edition.added_pages import added_pages_report
from easyread.edition.assemble import edition_for_build
from easyread.glossary import load_glossary
from easyread.lint import lint_added_pages
from easyread.lint.findings import at_or_above
from easyread.lint.formats import plain_line
from easyread.model import Report
from easyread.reader import read_report
from easyread.records.reviews import Checker, make_record, save_record
from easyread.resources import templates_dir
from easyread.score import score_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "leder-annual-report"
STARTER = ROOT / "templates" / "init"
MATTER = templates_dir() / "matter"


def _added_pages(root: Path, cache: Path) -> tuple[Report, object]:
    report = read_report(root)
    glossary = load_glossary(report.config)
    return added_pages_report(edition_for_build(report, glossary, cache)), glossary


@pytest.mark.parametrize("root", [SAMPLE, STARTER], ids=["sample", "starter"])
def test_the_pages_easyread_adds_lint_clean_at_warning_level(root: Path, tmp_path: Path) -> None:
    pages, glossary = _added_pages(root, tmp_path)
    findings = lint_added_pages(pages, glossary)
    assert [plain_line(f) for f in findings if at_or_above(f.severity, "warning")] == []
    titles = [section.title.text for section in pages.sections]
    assert "About this document" in titles and "Find out more" in titles
    assert "Where the pictures come from" in titles and "Words to know" in titles
    # ...and they are scored like the body: a figure for each page
    score = score_report(pages, glossary=glossary)
    assert len(score.sections) == len(pages.sections)


def test_every_added_page_has_a_heading_and_the_contents_and_cover_are_checked(
    tmp_path: Path,
) -> None:
    pages, _ = _added_pages(SAMPLE, tmp_path)
    assert all(section.title.text.strip() for section in pages.sections)
    titles = [section.title.text for section in pages.sections]
    assert titles[0] == "Learning from lives and deaths"  # the cover's title, from easyread.toml
    assert "Contents" in titles


def test_each_string_points_at_its_own_line_in_the_template(tmp_path: Path) -> None:
    pages, _ = _added_pages(SAMPLE, tmp_path)
    for section in pages.sections:
        pieces = [(section.title.text, section.title.source)]
        pieces += [(s.text, s.source) for point in section.points for s in point.sentences]
        for text, source in pieces:
            if not source.path.is_relative_to(MATTER) or source.path.suffix != ".toml":
                continue
            line = source.path.read_text(encoding="utf-8").split("\n")[source.line - 1]
            assert " = " in line, (text, source)  # a key's line, never the comment on line 1


def test_a_problem_on_an_added_page_names_the_file_and_line_and_the_build_says_so(
    tmp_path: Path,
) -> None:
    root = tmp_path / "report"
    shutil.copytree(STARTER, root)
    config = root / "easyread.toml"
    text = config.read_text(encoding="utf-8").replace(
        '"You can find out more on our website.",',
        '"You can find out more about everything in this report on our website or by phone.",',
    )
    config.write_text(text, encoding="utf-8")
    pages, glossary = _added_pages(root, tmp_path / "cache")
    found = [f for f in lint_added_pages(pages, glossary) if f.rule == "long-sentence"]
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t.startswith("text = ["))
    assert [(f.path, f.line) for f in found] == [(config, line)]
    result = build(root, formats=["html"], out_dir=tmp_path / "out")
    note = next(note for note in result.notes if note.startswith("Pages easyread adds"))
    assert "1 warning" in note and f"easyread.toml:{line}" in note


def test_the_checked_by_page_is_checked_too(tmp_path: Path) -> None:
    root = tmp_path / "report"
    shutil.copytree(STARTER, root)
    checkers = [Checker("Sam Jones", True, True), Checker("Ali Khan", True, True)]
    record = make_record(
        read_report(root), group="People First Anytown", checkers=checkers,
        date=dt.date(2026, 5, 14), paid=True,
    )  # fmt: skip
    save_record(record, root)
    pages, glossary = _added_pages(root, tmp_path / "cache")
    assert "Checked by" in [section.title.text for section in pages.sections]
    findings = lint_added_pages(pages, glossary)
    assert [plain_line(f) for f in findings if at_or_above(f.severity, "warning")] == []


def test_find_out_more_shows_a_framed_picture_only_where_it_credits_pictures() -> None:
    """The sample's note and 'made with easyread' sit beside a page of writing; the sentence
    that says where the pictures come from (when there is no credits page) beside a framed
    picture."""
    from easyread.edition import find_out_more_section, load_strings

    report = read_report(SAMPLE)
    strings = load_strings("en")
    with_credits_page = find_out_more_section(report, strings, credit_pictures=False)
    closing = with_credits_page.points[-1]
    assert closing.text.startswith("This is a sample report")
    assert (closing.picture.path.name, closing.picture.alt) == ("document.png", "A page of writing")
    without = find_out_more_section(report, strings, credit_pictures=True)
    crediting = [point for point in without.points if "OpenMoji" in point.text]
    assert crediting and all(point.picture.path.name == "pictures.png" for point in crediting)
