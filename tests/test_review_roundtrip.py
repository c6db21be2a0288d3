"""Review copies out and feedback back in: PDF form fields and DOCX comments, to file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from easyread.reader import read_report
from easyread.review.feedback import read_feedback
from easyread.review.feedback_report import to_csv, to_json, to_markdown, write_feedback
from easyread.review.review_copy import (
    CHOICES,
    field_base,
    write_review_docx,
    write_review_pdf,
)

FIXTURE = Path(__file__).parent / "data" / "review-report"


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture report, and its review PDF and DOCX, made once for this module."""
    root = tmp_path_factory.mktemp("review") / "report"
    shutil.copytree(FIXTURE, root)
    report = read_report(root)
    out = root / "out"
    cache = out / ".cache"
    pdf = write_review_pdf(report, out / "report-review.pdf", cache_dir=cache)
    word = write_review_docx(report, out / "report-review.docx", cache_dir=cache)
    return {"root": root, "pdf": pdf.path, "docx": word.path}


def fill(source: Path, target: Path, values: dict[str, str]) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)
    return target


def line_of(path: Path, words: str) -> int:
    """The 1-based line of the file where `words` first appear (found independently)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if words in line:
            return number
    raise AssertionError(f"{words!r} not in {path}")


def paragraph_starting(document: docx.document.Document, number: str):  # noqa: ANN201
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if paragraph.text.split()[:1] == [number]:
                        return paragraph
    raise AssertionError(f"no paragraph starts with point {number}")


def test_every_point_has_named_boxes_and_the_pdf_stays_tagged(copies: dict[str, Path]) -> None:
    report = read_report(copies["root"])
    reader = PdfReader(copies["pdf"])
    fields = reader.get_fields()
    expected = {"reviewer-name", "group", "review-date"}
    expected |= {f"document-{kind}" for kind in (*CHOICES, "notes")}  # the whole-document page
    stems = [field_base(point.number) for _, point in report.points()]
    # the cover, the word in Words to know and Find out more (made by, made with easyread)
    stems += ["cover_1", "words_1", "more_1", "more_2"]
    for stem in stems:
        expected |= {f"{stem}-{kind}" for kind in (*CHOICES, "notes")}
    assert set(fields) == expected
    for name in expected:
        kind = fields[name].get("/FT")
        assert kind == ("/Tx" if name.endswith(("notes", "name", "group", "date")) else "/Btn")
    assert fields["document-notes"]["/TU"] == "The whole document: My notes"
    assert fields["p2_2-not-understand"]["/TU"] == "Point 2.2: I do not understand"
    page = pytest.importorskip("page")
    result = page.validate_pdf(str(copies["pdf"]), profile="ua1")
    assert result.is_compliant, result.failures[:5]
    assert reader.metadata["/Title"].startswith("Our day centre")


def test_filled_pdf_feedback_points_at_file_and_line(
    copies: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(
        copies["pdf"],
        tmp_path / "sam.pdf",
        {
            "reviewer-name": "Sam Jones",
            "group": "People First Anytown",
            "review-date": "14 May 2026",
            "p2_2-not-understand": "/on",
            "p2_2-notes": "What is a timetable?",
            "p1_1-understand": "/on",
            "p3_1-change-picture": "/on",
        },
    )
    report = read_report(copies["root"])
    feedback = read_feedback(report, [filled])
    by_number = {point.number: point for point in feedback.points}
    assert set(by_number) == {"1.1", "2.2", "3.1"}
    timetable = by_number["2.2"]
    source = copies["root"] / "02-what-we-do.md"
    assert timetable.point is not None
    assert timetable.point.source.path.resolve() == source.resolve()
    assert timetable.line == line_of(source, "![The letter i for information]")
    response = timetable.responses[0]
    assert (response.reviewer, response.group) == ("Sam Jones", "People First Anytown")
    assert response.not_understand and not response.understand
    assert response.notes == "What is a timetable?"
    assert by_number["1.1"].understood == 1 and by_number["1.1"].not_understood == 0
    assert by_number["3.1"].change_picture == 1
    assert [point.number for point in feedback.by_need()][0] == "2.2"
    assert feedback.files[0].on_current_draft is True


def test_docx_comment_reads_back_to_its_point(copies: dict[str, Path], tmp_path: Path) -> None:
    document = docx.Document(str(copies["docx"]))
    paragraph = paragraph_starting(document, "2.2")
    words = [run for run in paragraph.runs if "timetable" in run.text]
    document.add_comment(
        words, text="I do not understand this word", author="Ali Khan", initials="AK"
    )
    later = paragraph_starting(document, "3.2")
    document.add_comment(later.runs[1:], text="Good", author="Jo Bloggs", initials="JB")
    commented = tmp_path / "commented.docx"
    document.save(str(commented))

    report = read_report(copies["root"])
    feedback = read_feedback(report, [commented], group="Anytown Speaking Up")
    by_number = {point.number: point for point in feedback.points}
    assert set(by_number) == {"2.2", "3.2"}
    response = by_number["2.2"].responses[0]
    assert response.reviewer == "Ali Khan" and response.group == "Anytown Speaking Up"
    assert response.not_understand and "timetable" in response.quoted
    source = copies["root"] / "02-what-we-do.md"
    assert by_number["2.2"].line == line_of(source, "![The letter i for information]")
    assert by_number["3.2"].responses[0].notes == "Good"
    assert not by_number["3.2"].responses[0].not_understand
    assert feedback.files[0].identity is not None  # the copy knows its draft


def test_several_reviewers_merge_into_one_report(copies: dict[str, Path], tmp_path: Path) -> None:
    sam = fill(copies["pdf"], tmp_path / "sam.pdf", {
        "reviewer-name": "Sam", "group": "Group A", "p2_2-not-understand": "/on",
    })  # fmt: skip
    kim = fill(copies["pdf"], tmp_path / "kim.pdf", {
        "reviewer-name": "Kim", "group": "Group B", "p2_2-not-understand": "/on",
        "p1_2-not-understand": "/on", "p1_2-change-picture": "/on", "p1_2-notes": "Which staff?",
    })  # fmt: skip
    lee = fill(copies["pdf"], tmp_path / "lee.pdf", {
        "reviewer-name": "Lee", "group": "Group B", "p2_2-understand": "/on",
    })  # fmt: skip
    report = read_report(copies["root"])
    feedback = read_feedback(report, [sam, kim, lee])
    by_number = {point.number: point for point in feedback.points}
    assert by_number["2.2"].not_understood == 2 and by_number["2.2"].reviewers == 3
    assert by_number["2.2"].understood == 1
    assert by_number["1.2"].not_understood == 1 and by_number["1.2"].change_picture == 1
    assert [point.number for point in feedback.by_need()][:2] == ["2.2", "1.2"]

    data = json.loads(to_json(feedback))
    assert data["most_need_work"][:2] == ["2.2", "1.2"]
    entry = next(point for point in data["points"] if point["point"] == "2.2")
    assert entry["counts"]["not_understood"] == 2
    assert {r["group"] for r in entry["responses"]} == {"Group A", "Group B"}
    rows = to_csv(feedback).strip().splitlines()
    assert len(rows) == 1 + sum(len(point.responses) for point in feedback.points)
    markdown = to_markdown(feedback)
    assert "Did not understand: 2 of 3" in markdown and "Which staff?" in markdown
    written = write_feedback(feedback, tmp_path / "out")
    assert sorted(path.suffix for path in written) == [".csv", ".json", ".md"]


def test_feedback_on_an_earlier_draft_is_named_and_still_finds_points(
    copies: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(copies["pdf"], tmp_path / "old.pdf", {
        "reviewer-name": "Sam", "p3_1-not-understand": "/on", "p3_2-notes": "Use a bigger font",
        "p1_1-not-understand": "/on",
    })  # fmt: skip
    root = tmp_path / "report"
    shutil.copytree(copies["root"], root, ignore=shutil.ignore_patterns("out"))
    contact = root / "03-contact-us.md"
    text = contact.read_text(encoding="utf-8")
    text = text.replace(
        "# Contact us\n",
        "# Contact us\n\n![A house](pictures/help.png)\nYou can visit us.\n",
    ).replace("phone us on", "ring us on")
    contact.write_text(text, encoding="utf-8")

    feedback = read_feedback(read_report(root), [filled])
    review = feedback.files[0]
    assert review.on_current_draft is False
    assert review.notes[0] == (
        "this review was done on an earlier draft: section 3 has changed since"
    )
    by_was = {(point.was_number or point.number): point for point in feedback.points}
    phone = by_was["3.1"]  # its words changed: found by the closest words, marked changed
    assert phone.status == "changed" and "phone us on" in phone.reviewed_text
    assert phone.number == "3.2" and phone.line == line_of(contact, "![A telephone]")
    email = by_was["3.2"]  # unchanged words, now point 3.3: found by its fingerprint
    assert email.status == "moved" and email.number == "3.3"
    assert email.line == line_of(contact, "![An envelope]")
    assert by_was["1.1"].status == "same"
