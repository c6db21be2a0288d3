"""The cover, Words to know and Find out more are in the review copy with their own numbered
points (issue 14 part 6), and what a group says about them goes back to the file and line their
words are written on: easyread.toml, the author's own sentence after a bold word, a glossary
or easyread's strings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from easyread.reader import read_report
from easyread.resources import templates_dir
from easyread.review.feedback import read_feedback
from easyread.review.feedback_report import to_csv, to_json, to_markdown
from easyread.review.identity import ReviewIdentity
from easyread.review.review_copy import CHOICES, write_review_pdf

FIXTURE = Path(__file__).parent / "data" / "review-report"
pytestmark = pytest.mark.slow  # each module makes a review copy (two layouts): about 5 s


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("added") / "report"
    shutil.copytree(FIXTURE, root)
    out = root.parent / "out"
    pdf = write_review_pdf(read_report(root), out / "copy.pdf", cache_dir=out / ".cache").path
    return {"root": root, "pdf": pdf}


def fill(source: Path, target: Path, values: dict[str, str]) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)
    return target


def line_of(path: Path, words: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if words in line:
            return number
    raise AssertionError(f"{words!r} not in {path}")


GROUP_SAYS = {
    "reviewer-name": "Ali",
    "cover_1-notes": "Say Anytown in the title",
    "words_1-not-understand": "/on",
    "words_1-notes": "What is a list?",
    "more_1-change-picture": "/on",
    "more_2-not-understand": "/on",
}


def test_the_added_pages_have_numbered_points_with_boxes(copy: dict[str, Path]) -> None:
    reader = PdfReader(copy["pdf"])
    fields = reader.get_fields() or {}
    for stem in ("cover_1", "words_1", "more_1", "more_2"):
        for kind in (*CHOICES, "notes"):
            assert f"{stem}-{kind}" in fields
    assert fields["words_1-not-understand"]["/TU"] == "Word 1: I do not understand"
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "The cover Cover 1 Our day centre" in text
    assert "Words to know Word 1 Timetable A timetable is a list" in text
    assert "Find out more Find out more 1 Made by: Anytown Day Centre." in text
    # the cover comes before the parts, the lists at the back after them
    assert text.index("Cover 1") < text.index("Point 1.1") < text.index("Word 1")


def test_feedback_on_the_added_pages_names_their_file_and_line(
    copy: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(copy["pdf"], tmp_path / "ali.pdf", GROUP_SAYS)
    feedback = read_feedback(read_report(copy["root"]), [filled])
    by_number = {point.number: point for point in feedback.points}
    assert set(by_number) == {"cover.1", "words-to-know.1", "find-out-more.1", "find-out-more.2"}
    settings = copy["root"] / "easyread.toml"
    cover = by_number["cover.1"]
    assert (Path(cover.file), cover.line) == (settings, line_of(settings, "title ="))
    assert cover.responses[0].notes == "Say Anytown in the title"
    word = by_number["words-to-know.1"]  # the author's own explanation after the bold word
    section = copy["root"] / "02-what-we-do.md"
    assert (Path(word.file), word.line) == (section, line_of(section, "A timetable is a list"))
    assert word.not_understood == 1 and word.status == "same"
    made_by = by_number["find-out-more.1"]
    assert (Path(made_by.file), made_by.line) == (settings, line_of(settings, "organisation ="))
    credit = by_number["find-out-more.2"]  # easyread's own words
    strings = templates_dir() / "matter" / "en" / "strings.toml"
    assert Path(credit.file).resolve() == strings.resolve()
    assert credit.line == line_of(strings, "made with easyread")

    markdown = to_markdown(feedback)
    assert "### Word 1 (" in markdown and "| Word 1 |" in markdown
    assert "- Our day centre (" in markdown  # the cover's lines, one by one
    data = json.loads(to_json(feedback))
    labels = {point["point"]: point["label"] for point in data["points"]}
    assert labels["find-out-more.2"] == "Find out more 2"
    cover_data = next(point for point in data["points"] if point["point"] == "cover.1")
    assert [s["line"] for s in cover_data["sentences"]] == [1, 2, 3, 4]
    assert "words-to-know.1" in data["most_need_work"]
    assert "words-to-know.1" in to_csv(feedback)


def test_feedback_follows_a_word_that_moved_changed_or_went(
    copy: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(copy["pdf"], tmp_path / "ali.pdf", GROUP_SAYS)
    root = tmp_path / "later"
    shutil.copytree(copy["root"], root)
    section = root / "02-what-we-do.md"
    text = section.read_text(encoding="utf-8")
    # a new bold word that comes first in the list: the timetable is now Word 2
    section.write_text(
        text.replace("You can try something new every week.",
                     "You can try an **activity**.\nAn activity is something you do."),
        encoding="utf-8",
    )  # fmt: skip
    moved = {p.number: p for p in read_feedback(read_report(root), [filled]).points}
    assert moved["words-to-know.2"].status == "moved"
    assert moved["words-to-know.2"].was_number == "words-to-know.1"

    section.write_text(text.replace("each day", "every day"), encoding="utf-8")
    changed = {p.number: p for p in read_feedback(read_report(root), [filled]).points}
    assert changed["words-to-know.1"].status == "changed"
    assert "each day" in changed["words-to-know.1"].reviewed_text

    section.write_text(text.replace("**timetable**", "timetable"), encoding="utf-8")
    gone = read_feedback(read_report(root), [filled])
    entry = {p.number: p for p in gone.points}["words-to-know.1"]
    assert entry.status == "gone" and entry.point is None
    assert Path(entry.file).name == "02-what-we-do.md" and entry.line == 9  # as the copy says
    assert "02-what-we-do.md:9" in to_markdown(gone)


def test_a_copy_remembers_the_added_points_and_old_copies_still_load(
    copy: dict[str, Path],
) -> None:
    info = PdfReader(copy["pdf"]).metadata
    identity = ReviewIdentity.from_json(str(info["/EasyReadReview"]))
    assert identity is not None
    word = identity.added_point("words-to-know.1")
    assert word is not None and (word.file, word.line) == ("02-what-we-do.md", 9)
    assert ReviewIdentity.from_json(identity.without_texts().to_json()).added[0].text == ""
    older = json.loads(identity.to_json())
    del older["added"]  # a copy made before the added pages were in it
    loaded = ReviewIdentity.from_json(json.dumps(older))
    assert loaded is not None and loaded.added == []


def test_docx_comments_on_the_cover_and_find_out_more_go_to_their_lines(
    copy: dict[str, Path], tmp_path: Path
) -> None:
    import docx

    from easyread.review.review_copy import write_review_docx

    target = tmp_path / "copy.docx"
    write_review_docx(read_report(copy["root"]), target, cache_dir=tmp_path / "cache")
    document = docx.Document(str(target))
    in_tables = [
        paragraph
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    ]
    paragraphs = {p.text.strip(): p for p in [*document.paragraphs, *in_tables]}
    subtitle = paragraphs["A small report to test co-author review"]
    document.add_comment(subtitle.runs, text="What does co-author mean?", author="Sam")
    made_by = next(p for text, p in paragraphs.items() if text.startswith("Made by:"))
    document.add_comment(made_by.runs, text="Good", author="Jo")
    # the last of the two: the body's point 2.2 has the same sentence
    meaning = [p for p in in_tables if p.text.startswith("A timetable is")][-1]
    document.add_comment(meaning.runs, text="Too many words", author="Ali")
    title = paragraphs["Find out more"]  # a title: on no numbered point, and no point's words
    document.add_comment(title.runs, text="Nice", author="Kim")
    commented = tmp_path / "commented.docx"
    document.save(str(commented))

    feedback = read_feedback(read_report(copy["root"]), [commented])
    by_number = {point.number: point for point in feedback.points}
    # not the last point of part 3; the meaning on Words to know, not the same words in 2.2
    assert set(by_number) == {"cover.1", "words-to-know.1", "find-out-more.1"}
    assert by_number["words-to-know.1"].responses[0].notes == "Too many words"
    settings = copy["root"] / "easyread.toml"
    said = by_number["cover.1"].responses[0]
    assert said.notes == "What does co-author mean?" and said.not_understand
    assert said.line == line_of(settings, "subtitle =")  # the sentence commented on
    assert by_number["find-out-more.1"].line == line_of(settings, "organisation =")
    assert feedback.files[0].notes == ["a comment by Kim is not next to a numbered point"]
