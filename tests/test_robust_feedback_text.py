"""Words from a review copy are data, never markup: on the terminal, in CSV and in Markdown.

A filled copy can hold anything a reviewer (or someone else) typed: rich markup, terminal
escape sequences, spreadsheet formulas, Markdown pictures that load from the internet, HTML.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pikepdf
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader, PdfWriter

from easyread.cli import main
from easyread.reader import read_report
from easyread.review.feedback_report import csv_cell, markdown_text
from easyread.review.review_copy import write_review_pdf

FIXTURE = Path(__file__).parent / "data" / "review-report"
NOTE = (
    '=HYPERLINK("http://evil.example/","click") ![x](http://evil.example/a.png) '
    "<img src=http://evil.example/b.png> [link=http://evil.example]click[/link] [/] "
    "\x1b]0;owned\x07\x1b[2J **bold**"
)
NAME = "@SUM(1+1) \x1b[31mSam\x1b[0m [bold]"
TITLE = "[link=http://evil.example]Old[/link] \x1b]0;owned\x07 [/]"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("text")
    root = folder / "report"
    shutil.copytree(FIXTURE, root)
    copy = write_review_pdf(read_report(root), folder / "copy.pdf", cache_dir=folder / "c").path
    writer = PdfWriter(clone_from=PdfReader(copy))
    values = {"reviewer-name": NAME, "p1_1-not-understand": "/on", "p1_1-notes": NOTE}
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
    target = folder / "filled.pdf"
    writer.write(target)
    # The draft's title as the copy remembers it is printed in a note on the terminal.
    with pikepdf.open(target, allow_overwriting_input=True) as pdf:
        data = json.loads(str(pdf.docinfo["/EasyReadReview"]))
        data["title"] = TITLE
        pdf.docinfo["/EasyReadReview"] = json.dumps(data)
        pdf.save(target)
    return {"root": root, "filled": target, "folder": folder}


def test_feedback_prints_outside_words_as_plain_text(
    filled: dict[str, Path], capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(filled["folder"])
    out = filled["folder"] / "fb"
    code = main(["feedback", str(filled["filled"]), "--report", "report", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    shown = captured.out + captured.err
    assert "\x1b" not in shown and "\x07" not in shown
    # The markup was not obeyed (and '[/]' did not crash it): the brackets are shown as text.
    assert "[link=http://evil.example]Old[/link]" in shown and "[/]" in shown

    rows = list(csv.DictReader(io.StringIO((out / "feedback.csv").read_text(encoding="utf-8"))))
    assert rows[0]["notes"].startswith("'=HYPERLINK")
    assert rows[0]["reviewer"].startswith("'@SUM")
    assert all("\x1b" not in value for row in rows for value in row.values())

    markdown = (out / "feedback.md").read_text(encoding="utf-8")
    assert "\x1b" not in markdown and "\x07" not in markdown
    html = MarkdownIt("commonmark").render(markdown)
    assert "<img" not in html and "evil.example/b.png>" not in html
    assert "<strong>bold</strong>" not in html
    assert "evil.example/a.png" in html  # the words are kept, as words


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("plain words", "plain words"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cells_never_start_a_formula(cell: str, shown: str) -> None:
    assert csv_cell(cell) == shown


def test_markdown_text_is_shown_as_written() -> None:
    text = "a *b* `c` [d](e) <f> & | ~g~ \\ h"
    html = MarkdownIt("commonmark").enable("table").render(markdown_text(text))
    assert html.strip() == "<p>a *b* `c` [d](e) &lt;f&gt; &amp; | ~g~ \\ h</p>"
