"""Words to know and the bold first uses the edition adds (used by the build)."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from easyread.edition.emphasis import embolden, emphasised_body
from easyread.glossary import Entry, Glossary
from easyread.glossary.used_words import words_to_know
from easyread.lint.text import text_pieces
from easyread.model import Run, Source
from easyread.reader import read_stdin

GLOSSARY = Glossary(
    [
        Entry("advocate", "hard-word", "An advocate helps you speak up."),
        Entry("care plan", "hard-word", "A care plan says what help you get."),
        Entry("deliver", "jargon", "To deliver is to give.", ("give",)),
        Entry("ICB", "acronym", "An ICB plans care.", expansion="integrated care board"),
        Entry("tribunal", "hard-word", "A tribunal is a kind of court."),
        Entry("zebra", "hard-word", "Not used in the text."),
    ]
)

MARKDOWN = """\
# Your care plan

We deliver help. The ICBs pay.

You can have an advocate. An advocate is free. Ask for an **advocate** now.

Your care
plan is ready. Read `tribunal` in the code. A care plan helps.
"""


def test_words_to_know_lists_used_words_once_in_order() -> None:
    report = read_stdin(MARKDOWN)
    terms = [entry.term for entry in words_to_know(report, GLOSSARY)]
    assert terms == ["advocate", "care plan", "deliver", "ICB"]


def test_words_to_know_includes_bold_phrases_the_glossary_knows() -> None:
    glossary = Glossary([Entry("Mental Health Act", "hard-word", "A law.", case_sensitive=True)])
    report = read_stdin("# T\n\nThe **Mental Health Act** is a law.\n")
    assert [entry.term for entry in words_to_know(report, glossary)] == ["Mental Health Act"]


def test_bold_first_uses_marks_only_the_first_explained_use() -> None:
    report = read_stdin(MARKDOWN)
    points = emphasised_body(report, GLOSSARY)[0].points
    first = points[1].sentences[0]
    assert [(run.text, run.strong) for run in first.runs] == [
        ("You can have an ", False),
        ("advocate", True),
        (".", False),
    ]
    assert not any(run.strong for run in points[1].sentences[1].runs)
    # "care plan" is never explained straight after it is used, so it is never made bold
    assert not any(run.strong for sentence in points[2].sentences for run in sentence.runs)
    # jargon and acronyms are not hard words
    assert not any(run.strong for run in points[0].sentences[0].runs)


def test_bold_first_uses_leave_the_report_as_the_author_wrote_it() -> None:
    report = read_stdin(MARKDOWN)
    before = copy.deepcopy(report.sections)
    body = emphasised_body(report, GLOSSARY)
    assert report.sections == before
    assert body != before  # the edition's copy has the bold words
    assert body[0].points[0] is report.sections[0].points[0]  # points with no change are shared


def test_bold_first_uses_keeps_positions_exact() -> None:
    report = read_stdin(MARKDOWN)
    shown = dataclasses.replace(report, sections=emphasised_body(report, GLOSSARY))
    lines = MARKDOWN.split("\n")
    for piece in text_pieces(shown):
        for start, _end, run in piece.run_spans():
            text = run.text.rstrip()  # a trailing space may be a line break
            if run.source is None or not text.strip():
                continue
            _, line, column = piece.position(start)
            assert lines[line - 1][column - 1 : column - 1 + len(text)] == text


def test_embolden_splits_one_run() -> None:
    source = Source(Path("a.md"), 3, 5)
    runs = [Run("We need a tribunal now.", source=source, link="x")]
    result = embolden(runs, 10, 18)
    assert [(run.text, run.strong, run.link) for run in result] == [
        ("We need a ", False, "x"),
        ("tribunal", True, "x"),
        (" now.", False, "x"),
    ]
    assert [run.source.column for run in result if run.source] == [5, 15, 23]


def test_lower_case_words_are_not_acronyms() -> None:
    glossary = Glossary([Entry("SEND", "acronym", "Help at school.", expansion="special needs")])
    assert words_to_know(read_stdin("# T\n\nWe send letters.\n"), glossary) == []
    assert len(words_to_know(read_stdin("# T\n\nThe SEND team.\n"), glossary)) == 1


def test_a_word_split_over_lines_and_explained_next_is_made_bold() -> None:
    report = read_stdin("# T\n\nYour care\nplan is ready. A care plan says what help you get.\n")
    care = emphasised_body(report, GLOSSARY)[0].points[0].sentences[0]
    # the reader keeps the line break as a space at the end of "care "
    assert "".join(run.text for run in care.runs if run.strong) == "care plan"


def test_the_authors_bold_counts_as_the_first_use() -> None:
    report = read_stdin(
        "# T\n\nAsk an **advocate**. An advocate helps.\n\n"
        "Your advocate is kind. This means they listen.\n"
    )
    body = emphasised_body(report, GLOSSARY)
    assert body == report.sections  # nothing to add: the author made the first use bold
