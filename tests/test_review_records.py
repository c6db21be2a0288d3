"""Review records, fingerprints, the Checked by page, and the review lint rules."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.edition.checked_by import checked_by_section
from easyread.errors import ConfigError
from easyread.lint import lint_report
from easyread.lint.settings import LintSettings
from easyread.reader import read_report
from easyread.records.fingerprint import fingerprint_text
from easyread.records.reviews import (
    Checker,
    load_record,
    load_records,
    make_record,
    record_to_toml,
    save_record,
    toml_multiline,
    toml_string,
)

FIXTURE = Path(__file__).parent / "data" / "review-report"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURE, target)
    return target


def record_check(root: Path, group: str, checkers: list[Checker], **kwargs) -> Path:  # noqa: ANN003
    report = read_report(root)
    record = make_record(
        report,
        group=group,
        checkers=checkers,
        date=kwargs.pop("date", dt.date(2026, 5, 14)),
        paid=kwargs.pop("paid", True),
        **kwargs,
    )
    return save_record(record, root)


def test_fingerprint_ignores_wrapping_and_comments_but_not_words() -> None:
    text = "# Title\n\nWe run a day centre.\nPeople come to learn.\n"
    rewrapped = "# Title\r\n\r\n\r\nWe run a day   centre. People come\nto learn.  \n"
    commented = text + "\n<!-- easyread-disable jargon -->\n"
    assert fingerprint_text(text) == fingerprint_text(rewrapped) == fingerprint_text(commented)
    assert fingerprint_text(text) != fingerprint_text(text.replace("learn", "cook"))
    split = text.replace("centre.\n", "centre.\n\n")  # one point becomes two
    assert fingerprint_text(text) != fingerprint_text(split)


def test_a_record_round_trips_and_keeps_the_section_text(root: Path) -> None:
    path = record_check(
        root,
        'People First "Anytown"',
        [Checker("Sam Jones", True, True), Checker("Ali Khan", False, True)],
        files=["02-what-we-do.md"],
    )
    assert path.name == "2026-05-14-people-first-anytown.toml"
    record = load_record(path)
    assert record.group == 'People First "Anytown"' and record.paid is True
    assert [c.name for c in record.named_checkers()] == ["Sam Jones"]
    assert [s.file for s in record.sections] == ["02-what-we-do.md"]
    original = (root / "02-what-we-do.md").read_text(encoding="utf-8")
    assert record.sections[0].text == original
    assert record.sections[0].fingerprint == fingerprint_text(original)
    again = record_check(root, 'People First "Anytown"', [Checker("Sam Jones")])
    assert again.name == "2026-05-14-people-first-anytown-2.toml"  # never overwrites


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_toml_strings_read_back_exactly(text: str) -> None:
    data = tomllib.loads(f"a = {toml_string(text)}\nb = {toml_multiline(text)}\n")
    assert data["a"] == text
    # A carriage return is written as \u000d, so even "\r\n" reads back exactly.
    assert data["b"] == text


def test_a_wrong_record_gets_an_error_with_its_line(root: Path) -> None:
    path = record_check(root, "Group", [Checker("Sam")])
    text = path.read_text(encoding="utf-8").replace("paid = true", 'paid = "yes"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_records(root)
    assert error.value.path == path
    assert error.value.line == text.splitlines().index('paid = "yes"') + 1


def test_checked_by_names_only_checkers_who_agreed(root: Path) -> None:
    assert checked_by_section(read_report(root)) is None  # no records, no page
    record_check(
        root,
        "People First Anytown",
        [Checker("Sam Jones", True, True), Checker("Ali Khan", False, True)],
        date=dt.date(2026, 3, 2),
    )
    record_check(root, "People First Anytown", [Checker("Jo Bloggs", True, True)])
    record_check(root, "Speak Up Leeds", [Checker("Kim Lee", False, True)])
    section = checked_by_section(read_report(root))
    assert section is not None and section.role == "back" and section.slug == "checked-by"
    words = " ".join(point.text for point in section.points)
    assert "Sam Jones and Jo Bloggs" in words
    assert "Ali Khan" not in words and "Kim Lee" not in words
    assert "People from Speak Up Leeds checked this document." in words
    assert "14 May 2026" in words
    assert all(point.picture and point.picture.path.is_file() for point in section.points)


def lint(root: Path, rule: str, **options: object) -> list:
    chosen = LintSettings(enabled={rule}, options={rule: dict(options)} if options else {})
    return [f for f in lint_report(read_report(root), chosen) if f.rule == rule]


def test_changed_since_review_flags_only_changed_sections(root: Path) -> None:
    record_check(root, "People First Anytown", [Checker("Sam", True, True)])
    assert lint(root, "changed-since-review") == []
    about = root / "01-about-us.md"
    # Re-wrapping a paragraph is not a change a reader can see.
    about.write_text(about.read_text(encoding="utf-8").replace("Anytown.\n", "Anytown. "))
    assert lint(root, "changed-since-review") == []
    contact = root / "03-contact-us.md"
    contact.write_text(contact.read_text(encoding="utf-8").replace("phone us", "ring us"))
    found = lint(root, "changed-since-review")
    assert [(f.path.name, f.line, f.text) for f in found] == [("03-contact-us.md", 1, "Contact us")]
    assert "People First Anytown" in found[0].message and found[0].severity == "warning"
    assert found[0].message.startswith("This section has changed since People First Anytown")
    assert found[0].message.endswith(".") and found[0].suggestion.startswith("Ask the group")


def test_not_reviewed_names_sections_no_record_covers(root: Path) -> None:
    assert lint(root, "not-reviewed") == []  # no records yet: quiet by default
    assert len(lint(root, "not-reviewed", always=True)) == 3
    record_check(root, "Group", [Checker("Sam")], files=["01-about-us.md", "03-contact-us.md"])
    found = lint(root, "not-reviewed")
    assert [(f.path.name, f.text, f.severity) for f in found] == [
        ("02-what-we-do.md", "What we do", "info")
    ]
    assert found[0].message == "No checking group has checked this section yet."
    assert found[0].suggestion.startswith("Ask people with a learning disability")


def test_record_toml_is_documented_format(root: Path) -> None:
    report = read_report(root)
    record = make_record(
        report,
        group="G",
        checkers=[Checker("A", True, False)],
        date=dt.date(2026, 1, 2),
        paid=False,
    )
    data = tomllib.loads(record_to_toml(record))
    assert set(data) == {"format", "group", "date", "paid", "checkers", "sections"}
    assert data["checkers"][0] == {
        "name": "A",
        "consent-to-be-named": True,
        "has-learning-disability": False,
    }
    assert set(data["sections"][0]) == {"file", "number", "title", "fingerprint", "text"}


def test_an_unknown_review_setting_gets_did_you_mean(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from easyread.cli import main

    config = root / "easyread.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[review]\nfont-szie = 20\n", "utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("font-szie = 20") + 1
    assert main(["review", str(root), "--out", str(root / "out")]) == 2
    error = capsys.readouterr().err
    assert f"easyread.toml:{line}:" in error and "did you mean 'font-size'" in error.lower()


def test_checked_by_says_what_was_checked_when_and_what_changed_since(root: Path) -> None:
    record_check(
        root, "People First Anytown", [Checker("Sam", True, True)], date=dt.date(2026, 3, 2)
    )
    record_check(
        root, "People First Anytown", [Checker("Sam", True, True)], files=["01-about-us.md"]
    )
    contact = root / "03-contact-us.md"
    contact.write_text(contact.read_text(encoding="utf-8").replace("phone us", "ring us"))
    (root / "04-more.md").write_text("# More\n\nWe are open on Saturdays.\n", encoding="utf-8")
    section = checked_by_section(read_report(root))
    assert section is not None
    sentences = [sentence.text for point in section.points for sentence in point.sentences]
    assert "On 2 March 2026 they checked parts 2 and 3." in sentences
    assert "On 14 May 2026 they checked part 1." in sentences
    assert "We changed part 3 after they checked it." in sentences
    assert "They did not check part 4." in sentences


def test_record_check_is_the_one_call_behind_review_record(tmp_path: Path) -> None:
    from easyread.errors import EasyReadError
    from easyread.records.reviews import Checker
    from easyread.review.recording import record_check

    root = tmp_path / "report"
    root.mkdir()
    (root / "01-about.md").write_text("# About\n\nWe help people.\n", encoding="utf-8")
    with pytest.raises(EasyReadError, match="(?i)say which group"):
        record_check(root, group="  ", checkers=[Checker("Sam")])
    with pytest.raises(EasyReadError, match="(?i)not a date"):
        record_check(root, group="G", checkers=[Checker("Sam")], date="2026-13-01")
    assert not (root / "reviews").exists()
    done = record_check(root, group=" People  First ", checkers=[Checker("Sam")], date="2026-05-14")
    assert done.path == root / "reviews" / "2026-05-14-people-first.toml"
    assert done.record.group == "People First" and done.report.root == root
