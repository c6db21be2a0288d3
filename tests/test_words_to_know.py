"""Words to know and the bold first uses the edition adds (used by the build)."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from pathlib import Path

import docx
import pytest

from easyread.edition import load_strings, make_edition, matter_dir
from easyread.edition.emphasis import embolden, emphasised_body
from easyread.edition.words_to_know import entry_meaning, words_to_know_page
from easyread.errors import ConfigError
from easyread.glossary import Entry, Glossary
from easyread.glossary.used_words import words_to_know
from easyread.lint.text import text_pieces
from easyread.model import Report, Run, Section, Source
from easyread.reader import read_report, read_stdin
from easyread.writers import docx as docx_writer
from easyread.writers import html as html_writer

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


def test_words_to_know_lists_the_bold_glossary_words_not_every_word_used() -> None:
    report = read_stdin(MARKDOWN)
    # "care plan", "deliver" (jargon: lint says to change it) and "ICB" are used, not bold
    assert [entry.term for entry in words_to_know(report, GLOSSARY)] == ["advocate"]
    asked = [GLOSSARY.lookup("ICB"), GLOSSARY.lookup("care plan")]
    terms = [entry.term for entry in words_to_know(report, GLOSSARY, asked=asked)]
    assert terms == ["advocate", "care plan", "ICB"]


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
    assert words_to_know(read_stdin("# T\n\nWe **send** letters.\n"), glossary) == []
    assert len(words_to_know(read_stdin("# T\n\nThe **SEND** team.\n"), glossary)) == 1


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


# -- the page: what each entry says, and 2 entries a row -------------------------------------

PAGE_MARKDOWN = """\
# Help

![A doctor](doctor.png) Ask about an **advocate**. An advocate helps you speak up.

![A doctor](doctor.png) You can ask for **respite**. This means a short break for carers.
"""


def _page_report(tmp_path: Path, settings: str = "") -> Report:
    (tmp_path / "01-help.md").write_text(PAGE_MARKDOWN, encoding="utf-8")
    shutil.copy(matter_dir() / "pictures" / "help.png", tmp_path / "doctor.png")
    (tmp_path / "easyread.toml").write_text(f'title = "Help"\n{settings}', encoding="utf-8")
    return read_report(tmp_path)


def _entries(page: Section) -> dict[str, list[str]]:
    return {point.sentences[0].text: [s.text for s in point.sentences[1:]] for point in page.points}


def test_an_acronym_entry_gives_its_words_in_full_and_the_authors_this_names_the_word(
    tmp_path: Path,
) -> None:
    report = _page_report(tmp_path, '[glossary]\nwords-to-know = ["ICB"]\n')
    page = words_to_know_page(report, GLOSSARY)
    assert page is not None
    assert _entries(page) == {
        "Advocate": ["An advocate helps you speak up."],
        "ICB": ["ICB stands for integrated care board.", "An ICB plans care."],
        "Respite": ["Respite means a short break for carers."],
    }


def test_an_entry_has_one_sentence_of_meaning() -> None:
    long = Entry("tribunal", "hard-word", "A tribunal is a kind of court. It decides things.")
    strings = load_strings("en")
    assert entry_meaning(long, strings) == ["A tribunal is a kind of court."]


def test_a_word_asked_for_that_no_glossary_knows_is_one_line_naming_easyread_toml(
    tmp_path: Path,
) -> None:
    report = _page_report(tmp_path, '\n[glossary]\nwords-to-know = ["zebra crossing"]\n')
    with pytest.raises(ConfigError) as caught:
        words_to_know_page(report, GLOSSARY)
    assert caught.value.path == tmp_path / "easyread.toml"
    assert caught.value.line == 4
    assert "zebra crossing" in str(caught.value)


def test_words_to_know_is_2_entries_a_row_on_a4_and_1_on_a5(tmp_path: Path) -> None:
    report = _page_report(tmp_path, '[glossary]\nwords-to-know = ["ICB"]\n')
    page = words_to_know_page(report, GLOSSARY)
    assert page is not None
    edition = make_edition(report, tmp_path / "cache", [lambda _: page])
    assert edition.in_pairs(page) and not edition.in_pairs(edition.body[0])
    html = html_writer.render_html(edition, for_print=True)
    assert html.count('<div class="pair">') == 2  # 3 entries: a pair and one alone
    target = tmp_path / "out.docx"
    docx_writer.write(edition, target)
    tables = docx.Document(str(target)).tables
    # About this document, the body, Words to know (picture, text, picture, text), Find out more
    assert [len(table.columns) for table in tables] == [2, 2, 4, 2]
    assert len(tables[2].rows) == 2
    a5 = dataclasses.replace(report, config=dataclasses.replace(report.config, page_size="A5"))
    assert not make_edition(a5, tmp_path / "cache", [lambda _: page]).in_pairs(page)
