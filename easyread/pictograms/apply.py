"""Put a chosen library picture into a report: the PNG, its record and the Markdown.

The PNG goes into the report's pictures/ folder, its record into pictures/pictures.toml, and
`![alt](pictures/name.png) ` at the start of the point in the author's Markdown file. Every file
is written through an atomic write, and the Markdown is only changed when the point is still
where the report was read from, so an author's file is never left broken or half-written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from easyread import files
from easyread.errors import EasyReadError
from easyread.model import Point, Section
from easyread.output import write_bytes_atomically, write_text_atomically
from easyread.pictograms.library import LIBRARY_NAME, Pictogram
from easyread.pictograms.library_pictures import library_record
from easyread.pictograms.records import (
    PICTURES_FOLDER,
    PictureRecord,
    load_records,
    save_records,
)
from easyread.pictograms.render import render_png

_PICTURE_MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)[ \t]*")


@dataclass(frozen=True, slots=True)
class Applied:
    point: Point
    pictogram: Pictogram
    picture: Path  # the PNG, in the report's pictures folder
    markdown: Path


def apply_choices(root: Path, choices: list[tuple[Section, Point, Pictogram]]) -> list[Applied]:
    """Write each chosen picture, its record and its Markdown; records are saved once."""
    records = load_records(root)
    applied = []
    if choices:
        (root / PICTURES_FOLDER).mkdir(exist_ok=True)
    for section, point, pictogram in choices:
        file = _picture_file(root, pictogram, records)
        target = root / PICTURES_FOLDER / file
        if not target.is_file():
            write_bytes_atomically(target, render_png(pictogram))
        records[file] = library_record(file, pictogram)
        _put_in_markdown(root, section.path, point, f"{PICTURES_FOLDER}/{file}", pictogram.alt_text)
        applied.append(Applied(point, pictogram, target, section.path))
    if applied:
        save_records(root, records)
    return applied


def _picture_file(root: Path, pictogram: Pictogram, records: dict[str, PictureRecord]) -> str:
    """The file name for a pictogram: its own from before, else a free one from its name."""
    library_id = f"{LIBRARY_NAME}:{pictogram.hexcode}"
    for file, record in records.items():
        if record.library_id == library_id and (root / PICTURES_FOLDER / file).is_file():
            return file
    stem, number = pictogram.file_stem, 1
    name = f"{stem}.png"
    while (root / PICTURES_FOLDER / name).exists() or name in records:
        number += 1
        name = f"{stem}-{number}.png"
    return name


def _put_in_markdown(root: Path, path: Path, point: Point, src: str, alt: str) -> None:
    try:
        raw = files.read_bytes(path, [root], what=f"'{path.name}'")
    except files.FileRefused as refused:
        raise refused.as_error(EasyReadError, path) from None
    try:
        text = raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        raise EasyReadError(
            "this file is not saved as UTF-8", path=path, hint="save it again as UTF-8"
        ) from None
    lines = text.splitlines(keepends=True)
    markup = f"![{_escape_alt(alt)}]({src}) "
    if point.picture is not None:
        line_number, column = point.picture.source.line, point.picture.source.column
    else:
        line_number, column = point.source.line, point.source.column
    if not 0 < line_number <= len(lines):
        raise _moved(path, point)
    line = lines[line_number - 1]
    start = column - 1
    if point.picture is not None:
        found = _PICTURE_MARKUP.match(line, start)
        if found is None:
            raise _moved(path, point)
        rest = line[found.end() :]
        if not rest.strip():  # the picture had a line of its own: keep it so, with no space
            markup = markup.rstrip()
        line = line[:start] + markup + rest
    else:
        first_words = point.sentences[0].text[:12] if point.sentences else ""
        if not _starts_point(line[start:], first_words):
            raise _moved(path, point)
        line = line[:start] + markup + line[start:]
    lines[line_number - 1] = line
    new_text = "".join(lines)
    if raw.startswith(b"\xef\xbb\xbf"):
        new_text = "\ufeff" + new_text
    write_text_atomically(path, new_text)


def _starts_point(rest: str, first_words: str) -> bool:
    """The point's text still starts here (markup such as ** may come first)."""
    plain = rest.lstrip("*_`[ ")
    return bool(first_words) and plain.startswith(first_words.strip()[:6])


def _escape_alt(alt: str) -> str:
    return alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _moved(path: Path, point: Point) -> EasyReadError:
    return EasyReadError(
        f"point {point.number} is no longer where it was; nothing was changed",
        path=path,
        line=point.source.line,
        hint="run the command again",
    )
