"""A DOCX comment counts as needing work only from its words, and points at its sentence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from easyread.reader import read_report
from easyread.review.comment_words import comment_meaning
from easyread.review.feedback import read_feedback
from easyread.review.feedback_report import to_json
from easyread.review.review_copy import write_review_docx

FIXTURE = Path(__file__).parent / "data" / "review-report"

# Comments of the kind checking groups write, each with what it should count as:
# (not understand, change the picture, understand).
COMMENTS = [
    ("Good point, we like this", (False, False, False)),
    ("We agree with this", (False, False, False)),
    ("Thank you for putting this in", (False, False, False)),
    ("We like the picture", (False, False, False)),
    ("We can explain this to our friends now", (False, False, False)),
    ("This is really important to us", (False, False, False)),
    ("I don't understand this word", (True, False, False)),
    ("I don\u2019t understand this word", (True, False, False)),
    ("What does advocate mean?", (True, False, False)),
    ("Too many words in this bit", (True, False, False)),
    ("This is confusing", (True, False, False)),
    ("Not sure what a care plan is", (True, False, False)),
    ("Unclear - can you explain it", (True, False, False)),
    ("Please change the picture", (False, True, False)),
    ("The picture doesn't match the words", (False, True, False)),
    ("The picture is confusing", (False, True, False)),
    ("We understand this", (False, False, True)),
    ("Makes sense to us", (False, False, True)),
    ("I understand this but we need a different picture", (False, True, True)),
    ("We do not understand, and the picture is wrong", (True, True, False)),
]


@pytest.mark.parametrize(("words", "expected"), COMMENTS)
def test_a_comment_counts_from_its_words(words: str, expected: tuple[bool, bool, bool]) -> None:
    meaning = comment_meaning(words)
    assert (meaning.not_understand, meaning.change_picture, meaning.understand) == expected


def test_clear_is_a_whole_word() -> None:
    assert comment_meaning("It is unclear").not_understand
    assert not comment_meaning("It is clear").not_understand


def paragraph_with(document: docx.document.Document, words: str):  # noqa: ANN201
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if words in paragraph.text:
                        return paragraph
    raise AssertionError(f"no paragraph holds {words!r}")


@pytest.fixture(scope="module")
def commented(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("comments") / "report"
    shutil.copytree(FIXTURE, root)
    out = root.parent / "out"
    copy = write_review_docx(read_report(root), out / "copy.docx", cache_dir=out / ".cache")
    document = docx.Document(str(copy.path))
    words = paragraph_with(document, "meet friends")
    runs = [run for run in words.runs if "cook" in run.text or "meet" in run.text]
    document.add_comment(runs, text="I don't understand this word", author="Ali", initials="A")
    liked = [run for run in paragraph_with(document, "day centre").runs if "centre" in run.text]
    document.add_comment(liked, text="Good point, we like this", author="Jo", initials="J")
    staff = [run for run in paragraph_with(document, "Our staff").runs if "staff" in run.text]
    document.add_comment(staff, text="Good point, we like this", author="Jo", initials="J")
    target = out / "commented.docx"
    document.save(str(target))
    return {"root": root, "docx": target}


def test_a_comment_points_at_the_sentence_it_is_attached_to(commented: dict[str, Path]) -> None:
    report = read_report(commented["root"])
    feedback = read_feedback(report, [commented["docx"]])
    point = {entry.number: entry for entry in feedback.points}["1.1"]
    by_reviewer = {response.reviewer: response for response in point.responses}
    ali, jo = by_reviewer["Ali"], by_reviewer["Jo"]
    source = (commented["root"] / "01-about-us.md").read_text(encoding="utf-8").splitlines()
    assert ali.sentence.startswith("People come to learn")
    assert source[ali.line - 1][ali.column - 1 :].startswith("People come to learn")
    assert jo.sentence.startswith("We run a day centre")
    assert source[jo.line - 1][jo.column - 1 :].startswith("We run a day centre")
    assert ali.not_understand and not jo.not_understand and jo.notes
    data = to_json(feedback)
    assert '"sentence_line": 5' in data
    assert json.loads(data)["most_need_work"] == ["1.1"]  # 1.2 has only "we like this"
    staff = {entry.number: entry for entry in feedback.points}["1.2"].responses[0]
    assert staff.notes == "Good point, we like this" and staff.line == 8


def test_a_comment_on_a_whole_line_leaves_out_the_hidden_marks(tmp_path: Path) -> None:
    """Each row of the DOCX ends with hidden marks for the running section title in the page
    header. A comment on the whole last line of a point takes in those marks; the reviewer did
    not see them, so they are not part of the words the comment quotes."""
    root = tmp_path / "report"
    shutil.copytree(FIXTURE, root)
    copy = write_review_docx(read_report(root), tmp_path / "copy.docx", cache_dir=tmp_path / "c")
    document = docx.Document(str(copy.path))
    first = paragraph_with(document, "meet friends")
    assert [run.text for run in first.runs if run.font.hidden] == ["\u200b"]  # a first row
    later = paragraph_with(document, "list of what happens")
    assert [run.text for run in later.runs if run.font.hidden] == ["What we do"]
    document.add_comment(later.runs, text="Too many words in this bit", author="Ali")
    target = tmp_path / "commented.docx"
    document.save(str(target))
    feedback = read_feedback(read_report(root), [target])
    point = {entry.number: entry for entry in feedback.points}["2.2"]
    (response,) = point.responses
    assert response.quoted == "A timetable is a list of what happens each day."
    assert point.status == "same"
