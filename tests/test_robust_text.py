"""Author text is always text: template marks and HTML-like words are printed as written, never
evaluated; very long, very many and very deep inputs work (or get a message), never crash."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document

from easyread.cli import main
from easyread.errors import SourceError
from easyread.reader import parse_section, read_report

TRICKY = [
    "{{ config }}",
    "{{ 7 * 7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{# not a comment #}",
    "${HOME}",
    "<script>alert(1)</script>",
    "Tom & Jerry",
]


def test_template_marks_and_html_words_are_printed_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    report = tmp_path / "report"
    report.mkdir()
    (report / "easyread.toml").write_text('title = "{{ title }} & {% raw %}"\n', encoding="utf-8")
    escaped = [text.replace("<", "\\<") for text in TRICKY]  # \< keeps it text in Markdown
    body = "# Intro {{ 1 + 1 }}\n\n" + "\n\n".join(f"We wrote {text}." for text in escaped) + "\n"
    (report / "01-intro.md").write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["build", "report", "--out", "out", "--format", "html,docx", "--no-checks"])
    assert code == 0, capsys.readouterr().err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    for text in TRICKY:
        shown = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert shown in html, text
    assert "{{ 1 + 1 }}" in html and "{{ title }} &amp; {% raw %}" in html
    assert "<script>alert" not in html and "looploop" not in html
    document = Document(str(tmp_path / "out" / "report.docx"))
    words = "\n".join(paragraph.text for paragraph in document.paragraphs)
    words += "\n".join(cell.text for table in document.tables for cell in table._cells)
    for text in TRICKY:
        assert text in words, text


def test_a_paragraph_of_50000_words_is_read_quickly() -> None:
    sentence = "We help **people** with their care and we listen to them."
    words_per_sentence = len(sentence.split())
    body = " ".join([sentence] * (50_000 // words_per_sentence))
    started = time.perf_counter()
    section = parse_section(Path("long.md"), "# Long\n\n" + body + "\n", 1)
    elapsed = time.perf_counter() - started
    point = section.points[0]
    assert len(point.sentences) == 50_000 // words_per_sentence
    assert point.sentences[-1].runs[-1].source.column > 200_000
    assert elapsed < 3, f"{elapsed:.2f} s"  # about 0.3 s on the project machine


def test_a_report_of_1000_sections_is_read(tmp_path: Path) -> None:
    for number in range(1, 1001):
        (tmp_path / f"{number:04d}-part.md").write_text(
            f"# Part {number}\n\nWe help people.\nWe listen.\n\n- One point.\n- Two points.\n",
            encoding="utf-8",
        )
    started = time.perf_counter()
    report = read_report(tmp_path, check_pictures=False)
    elapsed = time.perf_counter() - started
    assert len(report.sections) == 1000
    assert report.sections[-1].title.text == "Part 1000"
    assert sum(1 for _ in report.points()) == 3000
    assert elapsed < 10, f"{elapsed:.2f} s"  # about 0.6 s on the project machine


@pytest.mark.parametrize("marker", ["- ", "1. ", "* "])
def test_200_levels_of_nested_lists_keep_every_point(marker: str) -> None:
    indent = " " * len(marker)
    body = "".join(f"{indent * level}{marker}Level {level}.\n" for level in range(200))
    section = parse_section(Path("deep.md"), "# Deep\n\n" + body, 1)
    assert [point.text for point in section.points] == [f"Level {n}." for n in range(200)]
    assert section.points[-1].source.line == 202
    assert section.points[-1].source.column == len(indent * 199 + marker) + 1


def test_200_levels_of_quotes_keep_every_point() -> None:
    body = "".join(f"{'> ' * level}Level {level}.\n{'>' * level}\n" for level in range(1, 201))
    section = parse_section(Path("deep.md"), "# Deep\n\n" + body, 1)
    assert [point.text for point in section.points] == [f"Level {n}." for n in range(1, 201)]


def test_nesting_deeper_than_easyread_can_read_is_a_message_not_a_crash() -> None:
    body = ">" * 5000 + " too deep\n"
    with pytest.raises(SourceError) as caught:
        parse_section(Path("deep.md"), "# Deep\n\nWe help.\n\n" + body, 1)
    assert caught.value.line == 5
    assert "nested too deep" in caught.value.message


def test_nothing_nested_is_lost_silently() -> None:
    """markdown-it drops text nested deeper than its limit; easyread must keep it or say so."""
    for depth in (10, 30, 100, 250, 400):
        body = "".join(f"{'  ' * level}- Level {level}.\n" for level in range(depth))
        try:
            section = parse_section(Path("deep.md"), "# Deep\n\n" + body, 1)
        except SourceError:
            continue
        assert len(section.points) == depth, depth
