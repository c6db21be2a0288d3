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

from easyread.edition import BackPageBuilder, load_strings, matter_dir, matter_language
from easyread.model import Picture, Report, Run, Section, Sentence
from easyread.pictograms.records import PictureRecord, find_record

PAGE_PICTURE = "pictures.png"


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
    builder = BackPageBuilder(
        matter_dir() / language / "strings.toml", strings["picture-credits"], "picture-credits"
    )
    for group in credit_groups(records):
        for texts in _group_points(group, strings):
            sentences = [Sentence([Run(text)], builder.source) for text in texts]
            builder.point_of(sentences, page_picture, strings["picture-credits-alt"])
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


def _group_points(group: CreditGroup, strings: dict[str, str]) -> list[list[str]]:
    """A group's credit as short points: who made the pictures, their licence, what they show."""
    made = [strings["pictures-from"].format(source=group.source)]
    if group.authors:
        made.append(strings["pictures-by"].format(authors=_list(group.authors, strings)))
    licence = group.licence + (f" ({group.licence_link})" if group.licence_link else "")
    terms = [strings["pictures-licence"].format(licence=licence)]
    if group.changes:
        terms.append(strings["pictures-changes"].format(changes="; ".join(group.changes)))
    shows = [strings["pictures-show"].format(names=_list(group.shows, strings))]
    return [made, terms, shows]


def _link(records: list[PictureRecord]) -> str:
    links = sorted({record.licence_link for record in records if record.licence_link})
    return links[0] if links else ""


def _list(items: list[str], strings: dict[str, str]) -> str:
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
