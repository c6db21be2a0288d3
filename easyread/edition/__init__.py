"""An edition: the report plus the pages easyread adds, ready for any writer.

The front pages (About this document) and back pages (Words to know, Find out more, Checked by)
are ordinary model sections, so every writer lays them out the same way as the author's own.
Their words live in templates/matter/<language>/, not in code.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from easyread.config import toml_line, toml_lines
from easyread.model import (
    CodeBlock,
    Footnote,
    Heading,
    Picture,
    Point,
    Report,
    Run,
    Section,
    Sentence,
    Source,
    Table,
    ThematicBreak,
    section_pictures,
)
from easyread.pictures import (
    COVER_PICTURE_MM,
    PICTURE_COLUMN_MM,
    PictureSet,
    pixels_for,
    prepare_pictures,
)
from easyread.reader.markdown import UNREAD_PICTURE, check_picture_src, parse_section
from easyread.reader.report import read_source_text
from easyread.reader.sentences import split_sentences
from easyread.resources import templates_dir

CONTENTS_AFTER_SECTIONS = 4
CONTACT = "contact"  # in the number of a contact detail's point: "find-out-more.contact2"
# Pages laid out 2 entries a row when the page is this wide or wider (A4 and Letter, not A5).
PAIRED_PAGES = frozenset({"words-to-know"})
PAIRS_FROM_PAGE_MM = 180.0
SENTENCES_PER_POINT = 3  # a contents page when there are more sections than this
PICTURE_PX = pixels_for(PICTURE_COLUMN_MM)
COVER_PX = pixels_for(COVER_PICTURE_MM)

# Words for the pages when the language folder does not have them yet.
DEFAULT_STRINGS = {"notes": "Notes"}

# What a writer draws: a heading, a picture row or a table.
RenderBlock = Heading | Point | Table

# Extra back pages come from other features (Words to know, Checked by): each is a function
# from the report to a Section, or None when it has nothing to say.
BackPage = Callable[[Report], Section | None]
# The last page, made from all the pages before it (the picture credits).
ClosingPage = Callable[[Report, list[Section]], Section | None]


@dataclass(frozen=True, slots=True)
class Edition:
    """What every writer reads, worked out once (make_edition). `body` is the report's sections
    as the edition shows them (with any emphasis it adds); the report itself is never changed."""

    report: Report
    front: tuple[Section, ...]
    body: tuple[Section, ...]
    back: tuple[Section, ...]
    strings: dict[str, str]
    pictures: PictureSet = field(default_factory=PictureSet)

    @property
    def sections(self) -> list[Section]:
        return [*self.front, *self.body, *self.back]

    @property
    def show_contents(self) -> bool:
        return len(self.body) > CONTENTS_AFTER_SECTIONS

    @property
    def contents(self) -> list[Section]:
        """What the contents page lists: the author's sections and the back pages."""
        return [*self.body, *self.back]

    def in_pairs(self, section: Section) -> bool:
        """True for a page of short entries (Words to know) that print 2 to a row."""
        wide = self.report.config.page_width_mm >= PAIRS_FROM_PAGE_MM
        return section.slug in PAIRED_PAGES and wide

    def picture(self, picture: Picture) -> Path:
        return self.pictures.get(picture, PICTURE_PX).path

    def cover_picture(self) -> Path | None:
        cover = self.report.cover
        return self.pictures.get(cover, COVER_PX).path if cover else None

    def label(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values)

    def blocks(self, section: Section) -> list[RenderBlock]:
        """What every writer draws for a section, in order (see render_blocks)."""
        return render_blocks(section, self.strings.get("notes", DEFAULT_STRINGS["notes"]))


def render_blocks(section: Section, notes_title: str) -> list[RenderBlock]:
    """The section's blocks as the writers draw them, so all three outputs agree.

    Headings, points and tables are drawn as they are. A code block becomes a row of plain text,
    one line a sentence, with no picture. A thematic break draws nothing. Footnotes come last,
    under a "Notes" sub-heading, one row each, starting with the "[1]" the text refers to.
    """
    blocks: list[RenderBlock] = []
    for block in section.blocks:
        if isinstance(block, CodeBlock):
            if block.lines:
                blocks.append(_code_point(block))
        elif not isinstance(block, ThematicBreak):
            blocks.append(block)
    if section.footnotes:
        source = section.footnotes[0].source
        anchor = f"{section.anchor}-notes"
        blocks.append(Heading(2, (Run(notes_title),), source, anchor=anchor, written_level=2))
        blocks.extend(_note_point(section, note) for note in section.footnotes)
    return blocks


def _code_point(block: CodeBlock) -> Point:
    sentences = tuple(Sentence((line,), line.source or block.source) for line in block.lines)
    return Point("", sentences, None, block.source, block.end_line)


def _note_point(section: Section, note: Footnote) -> Point:
    mark = Run(f"[{note.number}] ")
    if note.sentences:
        first = note.sentences[0]
        sentences = (Sentence((mark, *first.runs), first.source), *note.sentences[1:])
    else:
        sentences = (Sentence((mark,), note.source),)
    return Point(f"{section.number}.note{note.number}", sentences, None, note.source, note.end_line)


def build_notes(report: Report) -> list[str]:
    """One line for each kind of thing in the sources that the outputs cannot show as written.

    Each line names how many there are and where the first one is, and the build goes on.
    """
    found: dict[str, list[Source]] = {}
    for section in report.sections:
        for kind, source in _unshown(section):
            found.setdefault(kind, []).append(source)
    return [
        f"{_count(len(places), *_UNSHOWN[kind])} (first at {places[0]}). {_ADVICE[kind]}"
        for kind, places in found.items()
    ]


def _unshown(section: Section) -> list[tuple[str, Source]]:
    items: list[tuple[str, Source]] = []
    if section.title.implied and not section.text.strip():
        items.append(("empty", section.title.source))
    for html in section.html:
        items.append(("hidden" if html.kind == "hidden" else "html", html.source))
    for block in section.blocks:
        if isinstance(block, CodeBlock):
            items.append(("code", block.source))
    for point in section.points:
        for sentence in point.sentences:
            if "![" in sentence.text and UNREAD_PICTURE.search(sentence.text):
                items.append(("unread-picture", sentence.source))
    shown = {id(point.picture) for point in section.points if point.picture is not None}
    for picture in section_pictures(section):
        if id(picture) not in shown:
            items.append(("picture", picture.source))
    return sorted(items, key=lambda item: (item[1].line, item[1].column))


# kind -> (one, many): "1 piece of HTML was", "3 pieces of HTML were"
_UNSHOWN = {
    "html": ("piece of HTML code was left out", "pieces of HTML code were left out"),
    "hidden": ("piece of text hidden by an HTML comment was left out",
               "pieces of text hidden by HTML comments were left out"),
    "code": ("code block is shown as plain text", "code blocks are shown as plain text"),
    "empty": ("section file is empty: only its title, from its file name, is shown",
              "section files are empty: only their titles, from their file names, are shown"),
    "unread-picture": ("picture Markdown cannot read is shown as text",
                       "pictures Markdown cannot read are shown as text"),
    "picture": ("picture that is not at the start of a point is not shown",
                "pictures that are not at the start of a point are not shown"),
}  # fmt: skip
_ADVICE = {
    "html": "Write plain text instead.",
    "hidden": "Move the text out of the comment.",
    "code": "Write it as sentences.",
    "empty": "Write its points, or delete the file.",
    "picture": "Give each picture its own point.",
    "unread-picture": "If its file name has spaces, put the name in <>.",
}


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number} {many}"


def make_edition(
    report: Report,
    cache_dir: Path | None = None,
    back_pages: list[BackPage] | None = None,
    *,
    body: Sequence[Section] | None = None,
    picture_roots: Sequence[Path] = (),
    closing_page: ClosingPage | None = None,
) -> Edition:
    """Add the front and back pages and prepare every picture once (into `cache_dir`, by
    default the user's picture cache).

    `body` is the report's sections as the edition shows them (by default, as written).
    `picture_roots` are folders besides the report's that pictures may come from (the library
    pictures the build draws). `closing_page` makes the last page from all the others (the
    picture credits); with it, Find out more leaves out its general line about pictures."""
    language = matter_language(report.config.language)
    strings = load_strings(language)
    front = (about_section(language),)
    body = tuple(body or report.sections)
    back = [page for make in back_pages or [] if (page := make(report)) is not None]
    find_out_more = find_out_more_section(report, strings, credit_pictures=closing_page is None)
    if find_out_more is not None:
        back.append(find_out_more)
    if closing_page is not None:
        closing = closing_page(report, [*front, *body, *back])
        if closing is not None:
            back.append(closing)
    shown = _pictures_shown([*front, *body, *back], report.cover)
    pictures = prepare_pictures(shown, cache_dir, [report.root, *picture_roots])
    return Edition(report, front, body, tuple(back), strings, pictures)


def pictures_shown(edition: Edition) -> list[tuple[Picture, int]]:
    """Every picture the edition shows, with its longest side in pixels for print."""
    return _pictures_shown(edition.sections, edition.report.cover)


def _pictures_shown(
    sections: Sequence[Section], cover: Picture | None
) -> list[tuple[Picture, int]]:
    items = [
        (point.picture, PICTURE_PX)
        for section in sections
        for point in section.points
        if point.picture is not None
    ]  # pictures in headings, tables or later in a point are not shown: not prepared
    if cover is not None:
        items.append((cover, COVER_PX))
    return items


def matter_dir() -> Path:
    return templates_dir() / "matter"


def matter_language(language: str) -> str:
    """The folder of words for the report's language; English when there is none."""
    primary = language.split("-")[0].lower()
    return primary if (matter_dir() / primary).is_dir() else "en"


@cache
def load_strings(language: str) -> dict[str, str]:
    with (matter_dir() / language / "strings.toml").open("rb") as stream:
        return tomllib.load(stream)


def about_section(language: str) -> Section:
    path = matter_dir() / language / "about-this-document.md"
    section = parse_section(path, read_source_text(path), 0)
    section = dataclasses.replace(section, role="front", slug="about-this-document")
    return _with_matter_pictures(section)


def find_out_more_section(
    report: Report, strings: dict[str, str], *, credit_pictures: bool = True
) -> Section | None:
    info = report.config.find_out_more
    path = report.config.path or report.root / "easyread.toml"
    words = strings_file(matter_language(report.config.language))
    title = string_source(words, "find-out-more")
    builder = BackPageBuilder(path, strings["find-out-more"], "find-out-more", title)
    pictures = matter_dir() / "pictures"
    text_source = string_source(path, "text", ["find-out-more"])
    for start in range(0, len(info.text), SENTENCES_PER_POINT):
        sentences = [
            Sentence((Run(text),), text_source)
            for text in info.text[start : start + SENTENCES_PER_POINT]
        ]
        builder.point_of(sentences, pictures / "information.png", "The letter i for information")

    def line_of(key: str) -> Source:
        return string_source(path, key, ["find-out-more"])

    if info.website:
        website = info.website
        builder.labelled(
            strings["website"], website, website, "website", "A laptop", line_of("website")
        )
    if info.email:
        mailto = f"mailto:{info.email}"
        builder.labelled(
            strings["email"], info.email, mailto, "email", "An envelope", line_of("email")
        )
    if info.phone:
        link = phone_link(info.phone)
        builder.labelled(
            strings["phone"], info.phone, link, "phone", "A telephone", line_of("phone")
        )
    if info.address:
        address = info.address
        builder.labelled(
            strings["address"], address, None, "address", "A house", line_of("address")
        )
    if report.config.organisation:
        organisation = f"{strings['published-by']}: {report.config.organisation}."
        made_by = string_source(path, "organisation")
        sentence = Sentence((Run(organisation),), made_by)
        builder.point_of([sentence], pictures / "checked.png", "A tick", made_by)
    config = report.config
    credits = [
        (text, string_source(path, key), key == "picture-credits")
        for key, text in (("note", config.note), ("picture-credits", config.picture_credits))
        if text
    ]
    keys = ["pictures-credit", "easyread-credit"] if credit_pictures else ["easyread-credit"]
    credits += [(strings[key], string_source(words, key), key == "pictures-credit") for key in keys]
    sentences = [
        (Sentence((Run(text),), source), about_pictures)
        for credit, source, about_pictures in credits
        for text in split_sentences(credit)
    ]
    for start in range(0, len(sentences), SENTENCES_PER_POINT):
        chunk = sentences[start : start + SENTENCES_PER_POINT]
        # A framed picture where the point credits pictures; else a page of writing (a note
        # about this document, and that easyread made it).
        picture, alt = (
            ("pictures.png", "A framed picture")
            if any(about for _, about in chunk)
            else ("document.png", "A page of writing")
        )
        said = [sentence for sentence, _ in chunk]
        builder.point_of(said, pictures / picture, alt, said[0].source)
    return builder.section()


def strings_file(language: str) -> Path:
    """The file the words of the pages easyread adds come from, for one language folder."""
    return matter_dir() / language / "strings.toml"


def string_source(path: Path, key: str, table: Sequence[str] = ()) -> Source:
    """Where a string of the pages easyread adds is written: its line in its TOML file, so a
    lint finding about it names the template and line to change."""
    return Source(path, toml_line(_file_lines(path), key, table) or 1)


@cache
def _file_lines(path: Path) -> list[str]:
    return toml_lines(path)


def phone_link(number: str) -> str | None:
    """A tel: link a phone can call: the digits, with a leading + kept ('0300 000 0000' ->
    'tel:03000000000'). None when the setting holds no digits."""
    digits = re.sub(r"[^\d]", "", number)
    if not digits:
        return None
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"


class BackPageBuilder:
    """Builds a page easyread adds at the back as a model section: a title and picture rows.

    Every element points at `path` (the file its words come from) unless a point names its own
    source, so errors and review feedback about these pages still lead somewhere real.
    """

    def __init__(
        self, path: Path, title: str, slug: str, title_source: Source | None = None
    ) -> None:
        self.path = path
        self.source = Source(path, 1)
        self.title = Heading(1, (Run(title),), title_source or self.source, anchor=slug)
        self.slug = slug
        self.points: list[Point] = []

    def labelled(
        self,
        label: str,
        value: str,
        link: str | None,
        picture: str,
        alt: str,
        source: Source | None = None,
    ) -> None:
        """A contact detail: a label and an address, a number or a link (not a sentence).
        `source` is the line its value is written on."""
        runs = (Run(f"{label} "), Run(value, link=link))
        number = f"{self.slug}.{CONTACT}{len(self.points) + 1}"
        path = matter_dir() / "pictures" / f"{picture}.png"
        self.point(runs, path, alt, number=number, source=source)

    def point(
        self,
        runs: tuple[Run, ...],
        picture_path: Path,
        alt: str,
        *,
        number: str | None = None,
        source: Source | None = None,
    ) -> None:
        sentence = Sentence(runs, source or self.source)
        self.point_of([sentence], picture_path, alt, source, number=number)

    def point_of(
        self,
        sentences: list[Sentence],
        picture_path: Path,
        alt: str,
        source: Source | None = None,
        *,
        number: str | None = None,
    ) -> None:
        source = source or self.source
        picture = Picture(src=picture_path.name, alt=alt, source=source, path=picture_path)
        number = number or f"{self.slug}.{len(self.points) + 1}"
        self.points.append(Point(number, tuple(sentences), picture, source, source.line))

    def section(self) -> Section:
        return Section(
            number=0,
            path=self.path,
            title=self.title,
            blocks=tuple(self.points),
            role="back",
            slug=self.slug,
        )


def _with_matter_pictures(section: Section) -> Section:
    """The section with the checked file of each point's picture, in easyread's own pages."""
    blocks = tuple(
        dataclasses.replace(
            block,
            picture=dataclasses.replace(
                block.picture,
                path=check_picture_src(block.picture, section.path, matter_dir()),
            ),
        )
        if isinstance(block, Point) and block.picture is not None
        else block
        for block in section.blocks
    )
    return dataclasses.replace(section, blocks=blocks)
