"""The "Where the pictures come from" page: every picture's credit, grouped by licence.

It is made from the picture records (`pictures/pictures.toml` in the report, and easyread's
own for the pictures on the pages it adds), for exactly the pictures this edition prints. A
picture whose licence asks for a credit is thus never printed without it. A picture with no
record cannot be credited from here: the picture-record lint rule names it, and the author's
own `picture-credits` line in easyread.toml is still printed under Find out more.
"""

from __future__ import annotations

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

PAGE_PICTURE = "pictures.png"
NAMES_A_SENTENCE = 5  # "They were made by A, B, C, D and E." stays under 15 words
SENTENCES_A_POINT = 3


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
    page_picture = matter_dir() / "pictures" / PAGE_PICTURE
    records = used_records(report, [*_pictures(report, sections), page_picture])
    if not records:
        return None
    path = strings_file(language)
    title = string_source(path, "picture-credits")
    builder = BackPageBuilder(path, strings["picture-credits"], "picture-credits", title)
    for group in credit_groups(records):
        for texts in _group_points(group, strings, path):
            sentences = [Sentence([Run(text)], string_source(*where)) for text, where in texts]
            source = sentences[0].source
            builder.point_of(sentences, page_picture, strings["picture-credits-alt"], source)
    return builder.section()


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


def _group_points(group: CreditGroup, strings: dict, path: Path) -> list[list[tuple[str, Where]]]:
    """A group's credit as short points of Easy Read sentences, each with the string it comes
    from: where the pictures are from and who made them (a few names a sentence), what the
    licence lets you do (plain words from `[licences]` in strings.toml), where to read it, and
    that they were changed."""
    names = group.authors
    chunks = [names[at : at + NAMES_A_SENTENCE] for at in range(0, len(names), NAMES_A_SENTENCE)]
    made = [(strings["pictures-from"].format(source=group.source), (path, "pictures-from", ()))]
    for index, chunk in enumerate(chunks):
        key = "pictures-by" if index == 0 else "pictures-by-more"
        made.append((strings[key].format(authors=_list(chunk, strings)), (path, key, ())))
    plain = strings.get("licences", {}).get(group.licence)
    if plain:
        where: Where = (path, group.licence, ("licences",))
        terms = [(text, where) for text in split_sentences(plain)]
    else:
        text = strings["pictures-licence"].format(licence=group.licence)
        terms = [(text, (path, "pictures-licence", ()))]
    if group.licence_link:
        text = strings["pictures-licence-link"].format(link=group.licence_link)
        terms.append((text, (path, "pictures-licence-link", ())))
    if group.changes:
        terms.append((strings["pictures-changes"], (path, "pictures-changes", ())))
    return [*_at_most(made, SENTENCES_A_POINT), *_at_most(terms, SENTENCES_A_POINT)]


def _at_most(sentences: list, size: int) -> list[list]:
    return [sentences[start : start + size] for start in range(0, len(sentences), size)]


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
