"""One model, three outputs: the PDF, the DOCX and the web page say the same thing in order."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.text.run import Run as DocxRun
from pypdf import PdfReader

from easyread.build import BuildResult, build
from easyread.reader import read_report


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip += tag in ("style", "script", "title")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "script", "title")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def output(result: BuildResult, fmt: str) -> Path:
    return next(item.path for item in result.outputs if item.format == fmt)


_TEXTS: dict[int, dict[str, str]] = {}


def texts(result: BuildResult) -> dict[str, str]:
    """Each output's text, read once per build (the session's sample build is read by several
    tests)."""
    if id(result) not in _TEXTS:
        _TEXTS[id(result)] = _read_texts(result)
    return _TEXTS[id(result)]


def _read_texts(result: BuildResult) -> dict[str, str]:
    # The PDF's text as a screen reader gets it: page numbers and running section titles are
    # artifacts, page furniture that is not part of the text.
    pdf = _pdf_text_without_artifacts(output(result, "pdf"))
    document = Document(str(output(result, "docx")))
    # The DOCX's text as its readers get it: hidden text (the rows' marks for the running section
    # title in the page header) is neither shown nor read out.
    cells = [
        "".join(
            item.text
            for item in paragraph.iter_inner_content()
            if not (isinstance(item, DocxRun) and item.font.hidden)
        )
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    ]
    parser = _TextOf()
    parser.feed(output(result, "html").read_text(encoding="utf-8"))
    return {
        "pdf": normalise(pdf),
        "docx": normalise(" ".join(cells)),
        "html": normalise("".join(parser.parts)),
    }


def _pdf_text_without_artifacts(path: Path) -> str:
    """pypdf's text in drawing order, leaving out what is marked as an /Artifact."""
    parts: list[str] = []
    marks: list[bool] = []  # one entry per open marked content: is it an artifact?

    def before(operator: bytes, operands: list, *_: object) -> None:
        if operator in (b"BDC", b"BMC"):
            marks.append(bool(operands) and operands[0] == "/Artifact")
        elif operator == b"EMC" and marks:
            marks.pop()

    def text(chunk: str, *_: object) -> None:
        if not any(marks):
            parts.append(chunk)

    for page in PdfReader(path).pages:
        marks.clear()
        page.extract_text(visitor_operand_before=before, visitor_text=text)
        parts.append("\n")
    return "".join(parts)


def test_every_point_appears_in_every_output_in_the_same_order(built_sample: BuildResult) -> None:
    report = read_report(built_sample.report.root)
    openings = [
        " ".join(point.sentences[0].text.split()[:5])
        for _, point in report.points()
        if point.sentences
    ]
    assert len(openings) > 50
    for fmt, text in texts(built_sample).items():
        position = -1
        for opening in openings:
            found = text.find(opening, position + 1)
            assert found > position, f"{fmt}: '{opening}' is missing or out of order"
            position = found


def test_words_to_know_lists_bold_and_glossary_words_once(built_sample: BuildResult) -> None:
    for fmt, text in texts(built_sample).items():
        after = text[text.rindex("Words to know") :]
        # The author's own bold word, explained by the sentence after it in the report:
        assert "Hospital passport A hospital passport" in after, fmt
        # A glossary word the report uses, with the glossary's plain explanation:
        assert re.search(r"Sepsis Sepsis is", after), fmt
        for word in ("Reasonable adjustment", "Vaccine"):
            assert len(re.findall(rf"\b{word}s?\b [A-Z]", after)) == 1, (fmt, word)


@pytest.mark.slow
def test_a_rebuild_with_unchanged_pictures_prepares_none(
    tmp_path: Path, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path / "cache"))
    first = build(sample_dir, out_dir=tmp_path, formats=["html"], run_checks=False)
    again = build(sample_dir, out_dir=tmp_path, formats=["html"], run_checks=False)
    assert first.pictures_processed > 30
    assert again.pictures_processed == 0
    assert again.pictures_reused == first.pictures_processed + first.pictures_reused


def test_strict_stops_before_writing_when_the_check_finds_errors(report_copy: Path) -> None:
    section = sorted(report_copy.glob("*.md"))[0]
    text = section.read_text(encoding="utf-8")
    section.write_text(re.sub(r"!\[[^\]]*\]", "![]", text, count=1), encoding="utf-8")
    from easyread.build import BuildStopped

    with pytest.raises(BuildStopped, match="found 1 error") as stopped:
        build(report_copy, out_dir=report_copy / "out", strict=True)
    assert "(s)" not in stopped.value.one_line()  # '1 error', not '1 error(s)'
    assert not list((report_copy / "out").glob("*.pdf"))
    relaxed = build(report_copy, out_dir=report_copy / "out", formats=["html"])
    assert relaxed.lint_errors == 1 and output(relaxed, "html").is_file()


def test_the_build_writes_the_readability_report_beside_the_outputs(
    built_sample: BuildResult,
) -> None:
    folder = output(built_sample, "pdf").parent
    name = output(built_sample, "pdf").stem
    assert (folder / f"{name}-readability.json").is_file()
    assert (folder / f"{name}-readability.html").is_file()
    assert any(note.startswith("Readability:") for note in built_sample.notes)
    assert any(note.startswith("Lint:") for note in built_sample.notes)


def test_a_report_without_glossary_words_or_contact_details_still_builds(tmp_path: Path) -> None:
    report = tmp_path / "tiny"
    report.mkdir()
    shutil.copytree(
        Path(__file__).parent.parent / "templates" / "matter" / "pictures", report / "p"
    )
    (report / "01.md").write_text("# Hello\n\n![A book](p/reading.png) We met.\n", "utf-8")
    result = build(report, out_dir=tmp_path / "out", formats=["pdf", "html"])
    assert output(result, "pdf").is_file()
    page = output(result, "html").read_text(encoding="utf-8")
    assert not re.search(r">\s*Words to know\s*</h", page) and "We met." in page
    assert re.search(r">\s*About this document\s*</h", page)


def _score_json(folder: Path) -> str:
    from easyread.score import report_to_json, score_report
    from easyread.score.serialize import dumps

    return dumps(report_to_json(score_report(read_report(folder))))


def test_the_builds_readability_report_is_what_easyread_score_says(
    built_sample: BuildResult,
) -> None:
    built = output(built_sample, "pdf").with_name(f"{output(built_sample, 'pdf').stem}-readability")
    assert built.with_suffix(".json").read_text(encoding="utf-8") == _score_json(
        built_sample.report.root
    )


def test_the_build_scores_the_authors_words_not_the_bold_it_adds(report_copy: Path) -> None:
    """A hard word the author did not make bold: the build must score what the author wrote
    (the bold the edition may add is for the reader, not for the figures)."""
    section = report_copy / "02-what-we-found.md"
    text = section.read_text(encoding="utf-8")
    section.write_text(text + "\nSome people have dysphagia and sepsis.\n", encoding="utf-8")
    result = build(report_copy, out_dir=report_copy / "out", formats=["html"])
    built = report_copy / "out" / f"{output(result, 'html').stem}-readability.json"
    assert built.read_text(encoding="utf-8") == _score_json(report_copy)
    assert read_report(report_copy).sections[1].points[-1].runs[0].strong is False


def _build_with_dysphagia(report: Path, setting: str) -> str:
    section = report / "02-what-we-found.md"
    text = section.read_text(encoding="utf-8")
    section.write_text(
        text + "\nSome people have dysphagia. Dysphagia means it is hard to swallow.\n",
        encoding="utf-8",
    )
    config = report / "easyread.toml"
    config.write_text(config.read_text(encoding="utf-8") + setting, encoding="utf-8")
    result = build(report, out_dir=report / "out", formats=["html"], run_checks=False)
    page = output(result, "html").read_text(encoding="utf-8")
    return page[: page.index('id="words-to-know"')]  # the body, before Words to know


def test_the_build_keeps_the_authors_emphasis(report_copy: Path) -> None:
    body = _build_with_dysphagia(report_copy, "")
    assert "have dysphagia." in body
    assert "<strong>dysphagia</strong>" not in body


def test_bold_first_use_bolds_an_explained_glossary_word_when_asked(report_copy: Path) -> None:
    body = _build_with_dysphagia(report_copy, "\n[glossary]\nbold-first-use = true\n")
    assert "have <strong>dysphagia</strong>." in body


def test_a_new_output_format_is_one_module(
    report_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer module with FORMAT and write() is found by the build, --format and outputs."""
    import sys

    from easyread import writers

    folder = tmp_path / "more_writers"
    folder.mkdir()
    (folder / "txt.py").write_text(
        "from easyread.writers import OutputFormat\n"
        'FORMAT = OutputFormat("txt", order=9)\n'
        "def write(edition, target):\n"
        "    words = [s.title.text for s in edition.sections]\n"
        '    target.write_text("\\n".join(words), encoding="utf-8")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(writers, "__path__", [*writers.__path__, str(folder)])
    writers._writers.cache_clear()
    try:
        assert writers.format_names() == ["pdf", "docx", "html", "txt"]
        result = build(report_copy, out_dir=report_copy / "out", formats=["txt"], run_checks=False)
        assert "What we found" in output(result, "txt").read_text(encoding="utf-8")
    finally:
        writers._writers.cache_clear()
        sys.modules.pop("easyread.writers.txt", None)


def test_nothing_after_the_reader_changes_the_model(report_copy: Path) -> None:
    """Lint, the edition (with its optional bold), score and the writers only read the report."""
    import copy

    from easyread.edition.assemble import edition_for_build
    from easyread.glossary import load_glossary
    from easyread.lint import lint_report
    from easyread.score import score_report
    from easyread.writers import get_writer

    section = report_copy / "02-what-we-found.md"
    section.write_text(
        section.read_text(encoding="utf-8") + "\nSome people have dysphagia. It means that "
        "swallowing is hard.\n",
        encoding="utf-8",
    )
    config = report_copy / "easyread.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\n[glossary]\nbold-first-use = true\n",
        encoding="utf-8",
    )
    report = read_report(report_copy)
    as_read = copy.deepcopy(report)
    glossary = load_glossary(report.config)
    lint_report(report, glossary=glossary)
    edition = edition_for_build(report, glossary, None)
    score_report(report, glossary=glossary)
    get_writer("html").write(edition, report_copy / "page.html")
    assert report == as_read
    assert edition.body != report.sections  # the edition did add its bold, on its own copy
