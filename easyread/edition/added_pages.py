"""The pages easyread adds, as a report of their own, so lint and score check them like the body.

Cover, About this document, Contents, Words to know, Checked by, Find out more and the picture
credits are all Easy Read that a reader sees. `added_pages_report` gives them to lint and score
as ordinary sections (copies: the edition is not changed), each sentence still pointing at the
file its words come from: a template in templates/matter/, easyread.toml, a glossary file or
the picture records. The cover and the contents, which writers draw from settings and strings,
become sections here with the same words the writers print.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from easyread.config import toml_line, toml_lines
from easyread.edition import CONTACT, Edition, matter_dir, matter_language
from easyread.model import Heading, Point, Report, Run, Section, Sentence, Source


def added_pages_report(edition: Edition) -> Report:
    """The pages easyread adds to this edition, as a report whose sections lint and score
    read like the author's own (their role is "body" in this copy)."""
    sections = [cover_section(edition), *edition.front]
    if edition.show_contents:
        sections.append(contents_section(edition))
    sections.extend(edition.back)
    checked = tuple(_as_body(section, number) for number, section in enumerate(sections, start=1))
    return dataclasses.replace(edition.report, sections=checked, cover=None)


def cover_section(edition: Edition) -> Section:
    """The cover's words: the title as its heading, then the subtitle, organisation and date."""
    config = edition.report.config
    path = config.path or edition.report.root / "easyread.toml"
    lines = toml_lines(config.path)

    def source(key: str) -> Source:
        return Source(path, toml_line(lines, key) or 1)

    title = Heading(1, (Run(config.title),), source("title"), anchor="cover-title")
    texts = [(key, text) for key, text in _cover_texts(edition) if text]
    points = tuple(
        _text_point(f"cover.{index}", text, source(key))
        for index, (key, text) in enumerate(texts, 1)
    )
    return Section(number=0, path=path, title=title, blocks=points)


def _cover_texts(edition: Edition) -> list[tuple[str, str]]:
    config = edition.report.config
    return [("subtitle", config.subtitle), ("organisation", config.organisation)]


def _text_point(number: str, text: str, source: Source) -> Point:
    return Point(number, (Sentence((Run(text),), source),), None, source, source.line)


def contents_section(edition: Edition) -> Section:
    """The contents page: its heading and the line under it (the list is the sections' own
    titles, checked where they are written)."""
    path = strings_path(edition)
    title = Heading(1, (Run(edition.strings["contents"]),), string_source(path, "contents"))
    intro = string_source(path, "contents-intro")
    point = _text_point("contents.1", edition.strings["contents-intro"], intro)
    return Section(number=0, path=path, title=title, blocks=(point,))


def strings_path(edition: Edition) -> Path:
    return matter_dir() / matter_language(edition.report.config.language) / "strings.toml"


def string_source(path: Path, key: str) -> Source:
    """Where a string of the pages easyread adds is written: its line in strings.toml."""
    return Source(path, toml_line(toml_lines(path), key) or 1)


def _as_body(section: Section, number: int) -> Section:
    # Contact details (a web address, a phone number, a postcode) are not sentences to check.
    blocks = [
        block
        for block in section.blocks
        if not (isinstance(block, Point) and f".{CONTACT}" in block.number)
    ]
    blocks = tuple(_with_sources(block) if isinstance(block, Point) else block for block in blocks)
    title = dataclasses.replace(
        section.title, runs=_runs_from(section.title.runs, section.title.source)
    )
    return dataclasses.replace(section, number=number, title=title, blocks=blocks, role="body")


def _with_sources(point: Point) -> Point:
    """A copy of the point whose every run names the file and line its words come from, so a
    finding names that file (a template, easyread.toml, a glossary) and not the page's."""
    sentences = tuple(
        dataclasses.replace(sentence, runs=_runs_from(sentence.runs, sentence.source))
        for sentence in point.sentences
    )
    return dataclasses.replace(point, sentences=sentences)


def _runs_from(runs: tuple[Run, ...], source: Source) -> tuple[Run, ...]:
    return tuple(
        run if run.source is not None else dataclasses.replace(run, source=source) for run in runs
    )
