"""Library pictures the build adds by itself: drawn once into the cache, credited by name.

Words to know shows a picture for each word. When the glossary gives none, the build takes the
library's best match for the word itself (never the picture of a point that happens to use
the word) and draws it into the cache as `openmoji-<hexcode>.png`. The file name says which
pictogram it is, so the credits page finds its record without a records file.
"""

from __future__ import annotations

import re
from pathlib import Path

from easyread.output import write_bytes_atomically
from easyread.pictograms.library import (
    LIBRARY_NAME,
    LICENCE,
    LICENCE_URL,
    SOURCE,
    Match,
    Pictogram,
    load_library,
)
from easyread.pictograms.records import PictureRecord
from easyread.pictograms.render import PNG_SIDE_PX, LibraryMissing, render_png
from easyread.pictograms.words import meaning_words

LIBRARY_FOLDER = "library"
CHANGES = f"drawn as a {PNG_SIDE_PX} by {PNG_SIDE_PX} pixel PNG on white"
MIN_SCORE = 20.0  # below this a match rests on a tag or a synonym alone
_FILE = re.compile(r"openmoji-([0-9A-F]+(?:-[0-9A-F]+)*)\.png")


def library_record(file: str, pictogram: Pictogram) -> PictureRecord:
    return PictureRecord(
        file=file,
        source=SOURCE,
        licence=LICENCE,
        author=pictogram.author,
        licence_link=LICENCE_URL,
        shows=pictogram.name,
        library_id=f"{LIBRARY_NAME}:{pictogram.hexcode}",
        changes=CHANGES,
    )


def best_picture_for_word(term: str) -> Match | None:
    """The library's best picture for a word, if one shows it: it must match the word itself
    (not only a synonym) and score at least MIN_SCORE."""
    own = set(meaning_words(term))
    if not own:
        return None
    for match in load_library().search(term, 1):
        if match.score >= MIN_SCORE and own & set(match.words):
            return match
    return None


def library_cache_dir() -> Path:
    """Where the build keeps the library pictures it draws: in easyread's own user cache."""
    from easyread.cache import cache_dir

    return cache_dir() / LIBRARY_FOLDER


def library_png(pictogram: Pictogram, folder: Path) -> Path | None:
    """The pictogram drawn into `folder` (once); None when the library is not installed."""
    target = folder / f"openmoji-{pictogram.hexcode}.png"
    if target.is_file():
        return target
    try:
        data = render_png(pictogram)
    except LibraryMissing:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(target, data)
    return target


def library_picture_record(path: Path) -> PictureRecord | None:
    """The record of a picture the build drew from the library, known by its file name."""
    found = _FILE.fullmatch(path.name)
    if found is None or path.parent.name != LIBRARY_FOLDER:
        return None
    pictogram = load_library().get(found.group(1))
    return library_record(path.name, pictogram) if pictogram is not None else None
