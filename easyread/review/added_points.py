"""The pages easyread adds, in a review copy: the cover, Words to know and Find out more.

A checking group reads these too, so their wording is checked like the author's: each page is
in the copy with its own numbered points ("Cover 1", "Word 3", "Find out more 2"), each with
the same tick boxes and notes as a point of a part. A point's words come from settings,
strings and glossaries, and every sentence remembers where (model Source): the cover from
easyread.toml, a word from the glossary file and line that explains it (or the author's own
sentence after a bold word), Find out more from easyread.toml and the template strings. So
`easyread feedback` can say, for "Word 3: I do not understand", which file and line to change.

Numbers in the copy are "<page>.<n>" (cover.1, words-to-know.3, find-out-more.2), counted in
the order the page prints them; form fields use a short stem without a dot or a dash
(cover_1, words_3, more_2), like p3_2 for point 3.2.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from easyread.config import toml_line, toml_lines
from easyread.edition import (
    Edition,
    find_out_more_section,
    load_strings,
    matter_language,
)
from easyread.edition.emphasis import emphasised_body
from easyread.edition.words_to_know import words_to_know_page
from easyread.glossary import Glossary, bolds_first_uses, load_glossary
from easyread.model import Heading, Point, Report, Run, Section, Sentence, Source
from easyread.records.fingerprint import normalise_text

COVER, WORDS, MORE = "cover", "words-to-know", "find-out-more"
PAGES_BEFORE = (COVER,)  # printed before the parts; the others after them
FIELD_STEMS = {COVER: "cover", WORDS: "words", MORE: "more"}
LABEL_KEYS = {COVER: "cover-point", WORDS: "words-point", MORE: "more-point"}
TITLE_KEYS = {COVER: "cover-page", WORDS: "words-to-know", MORE: "find-out-more"}


@dataclass(frozen=True, slots=True)
class AddedPage:
    """One page easyread adds, as the review copy numbers it."""

    slug: str
    points: tuple[Point, ...]


def review_pages(edition: Edition) -> list[AddedPage]:
    """The cover, Words to know and Find out more of the edition the copy prints (their
    pictures are the edition's, already prepared)."""
    back = {section.slug: section for section in edition.back}
    sections = [cover_section(edition.report), back.get(WORDS), back.get(MORE)]
    return [_numbered(section) for section in sections if section is not None]


def current_pages(report: Report, glossary: Glossary | None = None) -> list[AddedPage]:
    """The same pages made from the report as it is now, without drawing any picture (for
    `easyread feedback`): the same words in the same order as the copy's."""
    glossary = glossary or load_glossary(report.config)
    body = emphasised_body(report, glossary) if bolds_first_uses(report.config) else None
    strings = load_strings(matter_language(report.config.language))
    sections = [
        cover_section(report),
        words_to_know_page(report, glossary, None, body),
        # as the build makes it: the picture credits have a page of their own
        find_out_more_section(report, strings, credit_pictures=False),
    ]
    return [_numbered(section) for section in sections if section is not None]


def cover_section(report: Report) -> Section | None:
    """The cover as one point: its picture, and the title, subtitle, organisation and date
    as the cover prints them, each sentence with its line in easyread.toml."""
    config = report.config
    path = config.path or report.root / "easyread.toml"
    lines = toml_lines(config.path)
    texts = [
        (key, text)
        for key, text in (
            ("title", config.title),
            ("subtitle", config.subtitle),
            ("organisation", config.organisation),
            ("edition" if config.edition else "date", config.display_date),
        )
        if text
    ]
    if not texts:
        return None
    sentences = tuple(
        Sentence((Run(text),), Source(path, toml_line(lines, key) or 1)) for key, text in texts
    )
    picture = report.cover
    if picture is not None and config.cover_alt:
        picture = dataclasses.replace(picture, alt=config.cover_alt)
    source = sentences[0].source
    point = Point(f"{COVER}.1", sentences, picture, source, source.line)
    title = Heading(1, (Run(config.title),), source, anchor=COVER)
    return Section(number=0, path=path, title=title, blocks=(point,), role="front", slug=COVER)


def _numbered(section: Section) -> AddedPage:
    points = tuple(
        dataclasses.replace(point, number=f"{section.slug}.{index}")
        for index, point in enumerate(section.points, start=1)
    )
    return AddedPage(section.slug, points)


def added_fingerprint(point: Point) -> str:
    """The words of an added point (its picture is left out: Words to know draws a library
    picture only when the library is installed, and feedback does not draw pictures)."""
    return hashlib.sha256(normalise_text(point.text).encode("utf-8")).hexdigest()[:16]


def field_stem(number: str) -> str | None:
    """ "words-to-know.3" -> "words_3"; None for a point of a part."""
    page, _, index = number.partition(".")
    stem = FIELD_STEMS.get(page)
    return f"{stem}_{index}" if stem and index.isdigit() else None


def number_from_field(name: str) -> tuple[str, str] | None:
    """ "words_3-not-understand" -> ("words-to-know.3", "not-understand")."""
    stem, _, kind = name.partition("-")
    page, _, index = stem.partition("_")
    if not kind or not (index.isascii() and index.isdigit()) or len(index) > 6:
        return None
    for slug, short in FIELD_STEMS.items():
        if short == page:
            return f"{slug}.{int(index)}", kind
    return None


def is_added(number: str) -> bool:
    return number.partition(".")[0] in FIELD_STEMS


def label(number: str, strings: dict[str, str]) -> str:
    """What the copy prints for a point: "Point 3.2", "Cover 1", "Word 3"."""
    page, _, index = number.partition(".")
    key = LABEL_KEYS.get(page)
    if key is None:
        return strings["point"].format(number=number)
    return strings[key].format(number=index)


def page_title(slug: str, strings: dict[str, str]) -> str:
    return strings[TITLE_KEYS[slug]]


def where_written(source: Source, report_root: Path) -> str:
    """A source's file for the copy to remember: inside the report, relative to it."""
    try:
        return source.path.resolve().relative_to(report_root.resolve()).as_posix()
    except ValueError:
        return str(source.path)
