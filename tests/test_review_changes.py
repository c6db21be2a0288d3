"""easyread changes, and the review, feedback and changes commands end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from easyread.cli import main
from easyread.reader import read_report
from easyread.review.changes import changes_since, find_record

FIXTURE = Path(__file__).parent / "data" / "review-report"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURE, target)
    return target


def record(root: Path, *extra: str) -> int:
    return main(
        ["review", str(root), "--record", "--group", "People First Anytown", "--date",
         "2026-05-14", "--paid", "--checker", "Sam Jones", "--consent", "--learning-disability",
         "--checker", "Ali Khan", *extra]
    )  # fmt: skip


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changes_lists_changed_new_and_taken_out_points(root: Path) -> None:
    assert record(root) == 0
    what = root / "02-what-we-do.md"
    edit(what, "from Monday to Friday", "from Monday to Saturday")
    edit(what, "# What we do\n", "# What we do\n\n![A tick](pictures/checked.png)\nIt is free.\n")
    edit(root / "03-contact-us.md", "\n![An envelope](pictures/email.png)\n"
         "You can email us at hello@example.org.\n", "")  # fmt: skip
    report = read_report(root)
    changes = changes_since(report, find_record(report, "last"))
    found = [(c.kind, c.number) for c in changes.changes]
    assert ("new", "2.1") in found
    assert ("changed", "2.2") in found
    assert ("taken-out", "3.2") in found
    assert len(found) == 3  # 2.3 and 2.4 only moved down: not changes
    changed = next(c for c in changes.changes if c.kind == "changed")
    assert "Friday" in changed.before and "Saturday" in changed.after
    assert changed.line is not None and changed.path == what


def test_a_new_part_is_listed_with_its_words(root: Path) -> None:
    assert record(root) == 0
    (root / "04-opening-times.md").write_text(
        "# Opening times\n\n![A clock](pictures/checked.png)\nWe are open on Saturdays.\n\n"
        "![A tick](pictures/checked.png)\nYou do not need to book.\n",
        encoding="utf-8",
    )
    report = read_report(root)
    changes = changes_since(report, find_record(report, "last"))
    found = [(c.kind, c.section_number, c.number, c.after) for c in changes.changes]
    assert found[0][:2] == ("part-new", 4)
    assert ("new", 4, "4.1", "We are open on Saturdays. (Picture: A clock)") in found
    assert ("new", 4, "4.2", "You do not need to book. (Picture: A tick)") in found
    new = next(c for c in changes.changes if c.number == "4.2")
    assert new.line == 6  # the line of its picture, where the point starts
    assert new.path == root / "04-opening-times.md"


def test_changes_command_writes_a_tagged_pdf(root: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert record(root) == 0
    edit(root / "01-about-us.md", "cook and meet friends", "cook, paint and meet friends")
    target = tmp_path / "changes.pdf"
    assert main(["changes", "--since", "2026-05-14", str(root), "--pdf", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Point 1.1 has changed." in out and "paint" in out
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Point 1.1 has changed." in text
    page = pytest.importorskip("page")
    assert page.validate_pdf(str(target), profile="ua1").is_compliant
    assert main(["changes", "--since", "2020-01-01", str(root)]) == 2


def test_review_and_feedback_commands(root: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "copies"
    assert main(["review", str(root), "--out", str(out), "--format", "pdf"]) == 0
    pdf = out / "report-review.pdf"
    assert pdf.is_file() and not (out / "report-review.docx").exists()
    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(
                page, {"reviewer-name": "Sam", "p1_2-not-understand": "/on"}, auto_regenerate=False
            )
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    capsys.readouterr()
    code = main(["feedback", str(filled), "--report", str(root), "--out", str(tmp_path / "fb")])
    assert code == 0
    assert "1.2" in capsys.readouterr().out
    data = json.loads((tmp_path / "fb" / "feedback.json").read_text(encoding="utf-8"))
    assert data["points"][0]["file"].endswith("01-about-us.md")
    assert main(["feedback", str(root / "01-about-us.md"), "--report", str(root)]) == 2


def test_record_command_refuses_unclear_input(root: Path, capsys) -> None:  # noqa: ANN001
    assert main(["review", str(root), "--record", "--checker", "Sam"]) == 2  # no group
    assert main(["review", str(root), "--record", "--group", "G"]) == 2  # nobody named
    assert main(["review", str(root), "--record", "--group", "G", "--checker", "Sam",
                 "--section", "09-missing.md"]) == 2  # fmt: skip
    assert "not in this report" in capsys.readouterr().err
    assert not (root / "reviews").exists()
    with pytest.raises(SystemExit):
        main(["review", str(root), "--record", "--consent", "--checker", "Sam"])


def test_make_copies_is_the_one_library_call_behind_easyread_review(tmp_path: Path) -> None:
    import shutil

    from easyread.errors import ConfigError, EasyReadError
    from easyread.resources import templates_dir
    from easyread.review.copies import make_copies

    report = tmp_path / "report"
    shutil.copytree(templates_dir() / "init", report)
    made = make_copies(report, out_dir=tmp_path / "out", formats=["docx"])
    assert list(made.copies) == ["docx"] and made.copies["docx"].path.is_file()
    with pytest.raises(EasyReadError, match="not right for a review copy"):
        make_copies(report, out_dir=tmp_path / "out", font_size=50)
    config = report / "easyread.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[review]\nfont-sise = 20\n")
    with pytest.raises(ConfigError, match="(?i)did you mean 'font-size'"):
        make_copies(report, out_dir=tmp_path / "out")
