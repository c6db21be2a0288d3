"""Picture records: where each picture of a report comes from, who made it, and its licence.

The records are data, in `pictures/pictures.toml` beside the pictures:

    [pictures."doctor.png"]
    source = "OpenMoji 17 (https://openmoji.org)"
    author = "Jose Avila"
    licence = "CC BY-SA 4.0"
    licence-link = "https://creativecommons.org/licenses/by-sa/4.0/"
    shows = "health worker"
    library-id = "openmoji:1F9D1-200D-2695-FE0F"
    changes = "drawn as a 600 by 600 PNG on white"

`easyread pictures suggest --apply` and `easyread pictures add` write them; the credits page
is made from them, and the picture-record lint rule names pictures that have none. Keys are
paths relative to the pictures folder, written with "/".
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath

from easyread import files
from easyread.errors import ConfigError
from easyread.output import write_text_atomically

RECORDS_NAME = "pictures.toml"
PICTURES_FOLDER = "pictures"
# Licences whose pictures may be printed with no credit. Any other licence (CC BY, CC BY-SA,
# the Open Government Licence, a licence we do not know) is credited: when unsure, credit.
NO_ATTRIBUTION = frozenset({"cc0", "cc0 1.0", "public domain", "pd", "own work"})
_FIELDS = ("source", "author", "licence", "licence-link", "shows", "library-id", "changes")
_HEADER = (
    "# Where each picture comes from, who made it and its licence.\n"
    "# easyread writes this file ('easyread pictures add', 'easyread pictures suggest --apply')\n"
    "# and makes the credits page from it. You may edit the values; easyread keeps them,\n"
    "# but it does not keep comments other than these lines.\n"
)


@dataclass(frozen=True, slots=True)
class PictureRecord:
    file: str  # relative to the pictures folder, with "/"
    source: str
    licence: str
    author: str = ""
    licence_link: str = ""
    shows: str = ""
    library_id: str = ""
    changes: str = ""

    @property
    def needs_attribution(self) -> bool:
        return self.licence.strip().lower() not in NO_ATTRIBUTION


def records_path(root: Path) -> Path:
    return root / PICTURES_FOLDER / RECORDS_NAME


def record_key(root: Path, picture: Path) -> str:
    """A picture's key in the records: its path from the pictures folder, with "/"."""
    return record_keys(root, [picture])[picture]


def record_keys(root: Path, pictures: Iterable[Path]) -> dict[Path, str]:
    """record_key of each picture, the folders resolved once (a lint of a report with many
    pictures called record_key for each use: 20 ms of a 50 ms keystroke in the editor)."""
    folder = (root / PICTURES_FOLDER).resolve()
    real_root: Path | None = None
    keys: dict[Path, str] = {}
    for picture in pictures:
        if picture in keys:
            continue
        resolved = picture.resolve()
        try:
            keys[picture] = resolved.relative_to(folder).as_posix()
        except ValueError:
            real_root = real_root or root.resolve()
            relative = Path(*([".."] + list(resolved.relative_to(real_root).parts)))
            keys[picture] = PurePosixPath(relative.as_posix()).as_posix()
    return keys


_LOADED: dict[Path, tuple[tuple[int, int, int], dict[str, PictureRecord]]] = {}


def load_records(root: Path) -> dict[str, PictureRecord]:
    """The report's picture records by key; empty when it has no records file.

    A file that has not changed (same size, time and inode) is not parsed again: the editor
    lints the same report on every keystroke. Each caller gets its own dict."""
    path = records_path(root)
    if not path.is_file():
        return {}
    try:
        status = path.stat()
    except OSError:
        return _parse_records(root, path)
    stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
    kept = _LOADED.get(path)
    if kept is None or kept[0] != stamp:
        if len(_LOADED) >= 64:
            _LOADED.clear()
        kept = _LOADED[path] = (stamp, _parse_records(root, path))
    return dict(kept[1])


def _parse_records(root: Path, path: Path) -> dict[str, PictureRecord]:
    try:
        raw = files.read_bytes(path, [root, *files.package_roots()], what=f"'{RECORDS_NAME}'")
    except files.FileRefused as refused:
        raise refused.as_error(ConfigError, path) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(
            "this file is not saved as UTF-8", path=path, hint="save it again as UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            f"this file has a mistake ({error})", path=path, hint="fix the line it names"
        ) from None
    table = data.get("pictures", {})
    if not isinstance(table, dict):
        raise ConfigError("'pictures' must be a table of files", path=path)
    return {key: _record(path, key, value) for key, value in table.items()}


def _record(path: Path, key: str, value: object) -> PictureRecord:
    if not isinstance(value, dict):
        raise ConfigError(f"the record of '{key}' must be a table", path=path)
    unknown = sorted(set(value) - set(_FIELDS))
    if unknown:
        raise ConfigError(
            f"the record of '{key}' has an unknown setting '{unknown[0]}'",
            path=path,
            hint=f"use only: {', '.join(_FIELDS)}",
        )
    text = {name: value.get(name, "") for name in _FIELDS}
    for name, field_value in text.items():
        if not isinstance(field_value, str):
            raise ConfigError(f"'{name}' of '{key}' must be text in quotes", path=path)
    if not text["source"].strip() or not text["licence"].strip():
        raise ConfigError(
            f"the record of '{key}' needs a source and a licence",
            path=path,
            hint='add source = "..." and licence = "..."',
        )
    return PictureRecord(
        file=key,
        source=text["source"],
        licence=text["licence"],
        author=text["author"],
        licence_link=text["licence-link"],
        shows=text["shows"],
        library_id=text["library-id"],
        changes=text["changes"],
    )


def save_records(root: Path, records: dict[str, PictureRecord]) -> Path:
    """Write every record, sorted by file, through an atomic write."""
    path = records_path(root)
    blocks = [_HEADER]
    for key in sorted(records):
        record = records[key]
        lines = [f"[pictures.{toml_string(key)}]"]
        for field_info in fields(PictureRecord):
            value = getattr(record, field_info.name)
            if value and field_info.name != "file":
                lines.append(f"{field_info.name.replace('_', '-')} = {toml_string(value)}")
        blocks.append("\n".join(lines) + "\n")
    write_text_atomically(path, "\n".join(blocks))
    return path


def toml_string(text: str) -> str:
    """A TOML basic string. JSON's escapes are TOML's, except that TOML also escapes DEL."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def add_record(root: Path, record: PictureRecord) -> Path:
    records = load_records(root)
    records[record.file] = record
    return save_records(root, records)


def add_picture_record(
    root: Path,
    picture: Path,
    *,
    source: str,
    licence: str,
    author: str = "",
    licence_link: str = "",
    shows: str = "",
) -> PictureRecord:
    """Record an author's own picture: it must be a file inside the report folder."""
    if not picture.is_file():
        raise ConfigError("this picture does not exist", path=picture, hint="check its name")
    if not picture.resolve().is_relative_to(root.resolve()):
        raise ConfigError(
            "this picture is outside the report folder",
            path=picture,
            hint="copy it into the report's pictures folder first",
        )
    if not source.strip() or not licence.strip():
        raise ConfigError("a picture record needs a source and a licence", path=picture)
    record = PictureRecord(
        file=record_key(root, picture),
        source=source.strip(),
        licence=licence.strip(),
        author=author.strip(),
        licence_link=licence_link.strip(),
        shows=shows.strip(),
    )
    add_record(root, record)
    return record


def find_record(picture: Path, roots: tuple[Path, ...]) -> PictureRecord | None:
    """A picture file's record, from the first of `roots` whose pictures folder holds it."""
    from easyread.pictograms.library_pictures import library_picture_record

    record = library_picture_record(picture)
    if record is not None:
        return record
    resolved = picture.resolve()
    for root in roots:
        if resolved.is_relative_to((root / PICTURES_FOLDER).resolve()):
            return load_records(root).get(record_key(root, picture))
    return None
