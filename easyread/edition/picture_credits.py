"""The "Where the pictures come from" page: every picture's credit, grouped by licence.

It is made from the picture records (`pictures/pictures.toml` in the report, and easyread's
own for the pictures on the pages it adds), for exactly the pictures this edition prints. A
picture whose licence asks for a credit is thus never printed without it. A picture with no
record cannot be credited from here: the picture-record lint rule names it, and the author's
own `picture-credits` line in easyread.toml is still printed under Find out more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from easyread.edition import (
    BackPageBuilder,
    load_strings,
    matter_dir,
    matter_language,
    string_source,
    strings_file,
)
from easyread.model import Picture, Report, Run, Section, Sentence
from easyread.pictograms.records import PictureRecord, find_record
from easyread.reader.sentences import split_sentences

# Each point of the page has a picture that shows what it says (easyread's own pictures, in
# templates/matter/pictures/ with their records), and the alt text's key in strings.toml.
PAGE_PICTURE = "pictures.png"  # a framed picture: where the pictures come from
ARTISTS_PICTURE = "artist.png"  # an artist: who made them
MORE_ARTISTS_PICTURE = "paint-palette.png"  # a paint palette: the rest of their names
LICENCE_PICTURE = "handshake.png"  # 2 hands shaking: what the licence lets you do
ALT_KEYS = {
    PAGE_PICTURE: "picture-credits-alt",
    ARTISTS_PICTURE: "picture-credits-artist-alt",
    MORE_ARTISTS_PICTURE: "picture-credits-palette-alt",
    LICENCE_PICTURE: "picture-credits-licence-alt",
}
NAMES_A_SENTENCE = 5  # "They were made by A, B, C, D and E." stays under 15 words
SENTENCES_A_POINT = 3
_SOURCE_WITH_ADDRESS = re.compile(r"^(?P<name>.*\S)\s*\((?P<url>https?://[^\s()]+)\)$")


@dataclass(frozen=True, slots=True)
class CreditGroup:
    licence: str
    licence_link: str
    source: str
    records: list[PictureRecord]

    @property
    def authors(self) -> list[str]:
        return sorted({record.author for record in self.records if record.author})

    @property
    def shows(self) -> list[str]:
        return sorted({record.shows or Path(record.file).stem for record in self.records})

    @property
    def changes(self) -> list[str]:
        return sorted({record.changes for record in self.records if record.changes})


def picture_credits_section(report: Report, sections: list[Section]) -> Section | None:
    """The credits page for the pictures of these sections (and the cover), or None."""
    language = matter_language(report.config.language)
    strings = load_strings(language)
    path = strings_file(language)
    printed = _pictures(report, sections)
    own = [PAGE_PICTURE]
    while True:  # the page's own pictures are credited too: add them until none is new
        records = used_records(report, [*printed, *(_matter_picture(name) for name in own)])
        if not records:
            return None
        points = [
            point
            for group in credit_groups(records)
            for point in _group_points(group, strings, path)
        ]
        used = list(dict.fromkeys(point.picture for point in points))
        if set(used) <= set(own):
            break
        own = list(dict.fromkeys([*own, *used]))
    title = string_source(path, "picture-credits")
    builder = BackPageBuilder(path, strings["picture-credits"], "picture-credits", title)
    for point in points:
        sentences = [
            Sentence((Run(line.text, link=line.link),), string_source(*line.where))
            for line in point.lines
        ]
        alt = strings[ALT_KEYS[point.picture]]
        builder.point_of(sentences, _matter_picture(point.picture), alt, sentences[0].source)
    return builder.section()


def _matter_picture(name: str) -> Path:
    return matter_dir() / "pictures" / name


def used_records(report: Report, pictures: Iterable[Path]) -> list[PictureRecord]:
    """The record of each picture file, once each, for the files that have one."""
    found: dict[tuple[str, str, str, str], PictureRecord] = {}
    for path in dict.fromkeys(pictures):
        record = find_record(path, roots=(report.root, matter_dir()))
        if record is not None:
            found.setdefault((record.licence, record.source, record.file, str(path)), record)
    return list(found.values())


def credit_groups(records: list[PictureRecord]) -> list[CreditGroup]:
    """Records grouped by licence, then by source, in a stable order."""
    groups: dict[tuple[str, str], list[PictureRecord]] = {}
    for record in records:
        groups.setdefault((record.licence, record.source), []).append(record)
    return [
        CreditGroup(licence, _link(found), source, found)
        for (licence, source), found in sorted(groups.items())
    ]


Where = tuple[Path, str, tuple[str, ...]]  # strings.toml, a key, its table


@dataclass(frozen=True, slots=True)
class CreditLine:
    """One line of a credits point: a sentence, or a web address on a line of its own (its
    short form shown, the whole address as the link), with the string it comes from."""

    text: str
    where: Where
    link: str | None = None


@dataclass(frozen=True, slots=True)
class CreditPoint:
    lines: list[CreditLine]
    picture: str  # a file in templates/matter/pictures/


def _group_points(group: CreditGroup, strings: dict, path: Path) -> list[CreditPoint]:
    """A group's credit as short points of Easy Read sentences, each point with a picture of
    what it says: where the pictures are from (and that they were changed), who made them (a
    few names a sentence), and what the licence lets you do (plain words from `[licences]` in
    strings.toml) with the website where the licence is."""
    points = [
        CreditPoint(lines, PAGE_PICTURE)
        for lines in _at_most(_source_lines(group, strings, path), SENTENCES_A_POINT)
    ]
    names = _name_lines(group, strings, path)
    for index, lines in enumerate(_at_most(names, SENTENCES_A_POINT)):
        points.append(CreditPoint(lines, ARTISTS_PICTURE if index == 0 else MORE_ARTISTS_PICTURE))
    terms = _licence_lines(group, strings, path)
    if group.licence_link:
        where: Where = (path, "pictures-licence-link", ())
        terms.append(CreditLine(strings["pictures-licence-link"], where))
        terms.append(_address_line(group.licence_link, where))
    points.extend(
        CreditPoint(lines, LICENCE_PICTURE) for lines in _at_most(terms, SENTENCES_A_POINT)
    )
    return points


def _source_lines(group: CreditGroup, strings: dict, path: Path) -> list[CreditLine]:
    """'These pictures are from OpenMoji 17.', its web address on a line of its own when the
    record gives one ("OpenMoji 17 (https://openmoji.org)"), and that they were changed."""
    where: Where = (path, "pictures-from", ())
    found = _SOURCE_WITH_ADDRESS.match(group.source)
    name = found["name"] if found else group.source
    lines = [CreditLine(strings["pictures-from"].format(source=name), where)]
    if found:
        lines.append(_address_line(found["url"], where))
    if group.changes:
        lines.append(CreditLine(strings["pictures-changes"], (path, "pictures-changes", ())))
    return lines


def _name_lines(group: CreditGroup, strings: dict, path: Path) -> list[CreditLine]:
    names = group.authors
    chunks = [names[at : at + NAMES_A_SENTENCE] for at in range(0, len(names), NAMES_A_SENTENCE)]
    lines = []
    for index, chunk in enumerate(chunks):
        key = "pictures-by" if index == 0 else "pictures-by-more"
        lines.append(
            CreditLine(strings[key].format(authors=_list(chunk, strings)), (path, key, ()))
        )
    return lines


def _licence_lines(group: CreditGroup, strings: dict, path: Path) -> list[CreditLine]:
    plain = strings.get("licences", {}).get(group.licence)
    if plain:
        where: Where = (path, group.licence, ("licences",))
        return [CreditLine(text, where) for text in split_sentences(plain)]
    text = strings["pictures-licence"].format(licence=group.licence)
    return [CreditLine(text, (path, "pictures-licence", ()))]


def _address_line(url: str, where: Where) -> CreditLine:
    """A web address as people read it: no 'https://' and no '/' at the end, so it is short
    enough to stay whole on its own line; the link is the whole address."""
    shown = re.sub(r"^https?://", "", url).rstrip("/")
    return CreditLine(shown, where, link=url)


def _at_most(lines: list[CreditLine], size: int) -> list[list[CreditLine]]:
    """Points of at most `size` sentences each. A web address is not a sentence (lint's
    long-point rule does not count it either) and stays with the sentence before it."""
    points: list[list[CreditLine]] = []
    for line in lines:
        sentences = sum(1 for each in points[-1] if each.link is None) if points else size
        if line.link is not None and points:
            points[-1].append(line)
        elif sentences >= size:
            points.append([line])
        else:
            points[-1].append(line)
    return points


def _link(records: list[PictureRecord]) -> str:
    links = sorted({record.licence_link for record in records if record.licence_link})
    return links[0] if links else ""


def _list(items: list[str], strings: dict) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {strings['and']} {items[-1]}"


def _pictures(report: Report, sections: list[Section]) -> list[Path]:
    pictures: list[Picture] = [
        point.picture for section in sections for point in section.points if point.picture
    ]
    if report.cover is not None:
        pictures.append(report.cover)
    return [picture.path for picture in pictures if picture.path is not None]
