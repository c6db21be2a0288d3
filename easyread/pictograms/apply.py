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
    """Put each chosen picture in place. Every change is worked out and checked first; only
    then are the pictures drawn and written, the records saved and the Markdown files replaced,
    so a point that moved leaves every file as it was."""
    records = load_records(root)
    texts: dict[Path, tuple[str, bool]] = {}  # each Markdown file's new text, and its BOM
    new_files: dict[str, Pictogram] = {}
    applied = []
    for section, point, pictogram in choices:
        file = _picture_file(root, pictogram, records, new_files)
        records[file] = library_record(file, pictogram)
        text, bom = texts.get(section.path) or _read_markdown(root, section.path)
        src = f"{PICTURES_FOLDER}/{file}"
        texts[section.path] = (_with_picture(text, section.path, point, src, pictogram), bom)
        applied.append(Applied(point, pictogram, root / PICTURES_FOLDER / file, section.path))
    drawings = {file: render_png(pictogram) for file, pictogram in new_files.items()}
    if applied:
        (root / PICTURES_FOLDER).mkdir(exist_ok=True)
    for file, data in drawings.items():
        write_bytes_atomically(root / PICTURES_FOLDER / file, data)
    if applied:
        save_records(root, records)
    for path, (text, bom) in texts.items():
        write_text_atomically(path, ("\ufeff" if bom else "") + text)
    return applied


def _picture_file(
    root: Path,
    pictogram: Pictogram,
    records: dict[str, PictureRecord],
    new_files: dict[str, Pictogram],
) -> str:
    """The file name for a pictogram: its own from before, else a free one from its name
    (added to `new_files`, to be drawn)."""
    library_id = f"{LIBRARY_NAME}:{pictogram.hexcode}"
    for file, record in records.items():
        if record.library_id != library_id:
            continue
        if file in new_files or (root / PICTURES_FOLDER / file).is_file():
            return file
    stem, number = pictogram.file_stem, 1
    name = f"{stem}.png"
    while (root / PICTURES_FOLDER / name).exists() or name in records:
        number += 1
        name = f"{stem}-{number}.png"
    new_files[name] = pictogram
    return name


def _read_markdown(root: Path, path: Path) -> tuple[str, bool]:
    """The file's text, and whether it starts with a byte-order mark (kept when written)."""
    try:
        raw = files.read_bytes(path, [root], what=f"'{path.name}'")
    except files.FileRefused as refused:
        raise refused.as_error(EasyReadError, path) from None
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8-sig" if bom else "utf-8"), bom
    except UnicodeDecodeError:
        raise EasyReadError(
            "this file is not saved as UTF-8", path=path, hint="save it again as UTF-8"
        ) from None


def _with_picture(text: str, path: Path, point: Point, src: str, pictogram: Pictogram) -> str:
    """The text with the point's picture line put in (or replaced), or an error if the point
    is no longer where the report was read from."""
    lines = text.splitlines(keepends=True)
    markup = f"![{_escape_alt(pictogram.alt_text)}]({src}) "
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
    return "".join(lines)


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
