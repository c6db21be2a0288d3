"""easyread.toml: the settings of one report, checked with errors an author can act on."""

from __future__ import annotations

import datetime as dt
import difflib
import math
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easyread import files
from easyread.errors import HIDDEN, ConfigError, decode_utf8, hidden_character

CONFIG_NAME = "easyread.toml"
PAGE_SIZES = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "LETTER": (215.9, 279.4)}
MIN_FONT_SIZE = 14.0
MAX_FONT_SIZE = 40.0
# Word keeps a document's title and author in at most 255 characters.
MAX_NAME_LENGTH = 255
MAX_TEXT_LENGTH = 5_000  # a note or a credit: about a page
MAX_LIST_ITEMS = 1_000
# Outputs store dates as zip and PDF timestamps, which cannot go before 1980 or past 2107.
FIRST_YEAR, LAST_YEAR = 1980, 2099
_LENGTHS = {
    "title": MAX_NAME_LENGTH, "subtitle": MAX_NAME_LENGTH, "organisation": MAX_NAME_LENGTH,
    "author": MAX_NAME_LENGTH, "edition": MAX_NAME_LENGTH, "language": 35, "page-size": 20,
    "sections": MAX_NAME_LENGTH, "outputs": 20, "cover-picture": MAX_NAME_LENGTH,
    "website": 2_000, "email": MAX_NAME_LENGTH, "phone": 100, "address": 1_000,
}  # fmt: skip
# Tables that belong to other commands; they check their own keys.
COMMAND_TABLES = ("lint", "score", "review", "glossary")


@dataclass(slots=True)
class FindOutMore:
    text: list[str] = field(default_factory=list)
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""

    def is_empty(self) -> bool:
        return not (self.text or self.website or self.email or self.phone or self.address)


@dataclass(slots=True)
class ReportConfig:
    path: Path | None
    title: str = "Easy Read report"
    subtitle: str = ""
    organisation: str = ""
    author: str = ""
    date: dt.date | None = None
    edition: str = ""
    language: str = "en-GB"
    page_size: str = "A4"
    font_size: float = 16.0
    sections: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)  # none listed: every format there is
    cover_picture: str = ""
    cover_alt: str = ""
    picture_credits: str = ""
    note: str = ""
    find_out_more: FindOutMore = field(default_factory=FindOutMore)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def page_width_mm(self) -> float:
        return PAGE_SIZES[self.page_size.upper()][0]

    @property
    def page_height_mm(self) -> float:
        return PAGE_SIZES[self.page_size.upper()][1]

    @property
    def display_date(self) -> str:
        """The date the way Easy Read writes it: 30 June 2026."""
        if self.edition:
            return self.edition
        if self.date is None:
            return ""
        return f"{self.date.day} {self.date:%B %Y}"

    @property
    def document_author(self) -> str:
        return self.author or self.organisation or "easyread"

    def build_date(self) -> dt.datetime:
        """A fixed time for the outputs' metadata, so rebuilds are byte-identical."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        day = self.date or dt.date(2000, 1, 1)
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


_KEYS = {
    "title", "subtitle", "organisation", "author", "date", "edition", "language", "page-size",
    "font-size", "sections", "outputs", "cover-picture", "cover-alt", "picture-credits", "note",
    "find-out-more",
}  # fmt: skip
_FIND_OUT_MORE_KEYS = {"text", "website", "email", "phone", "address"}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def find_config(start: Path) -> Path | None:
    """easyread.toml in `start` or the nearest folder above it."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def load_config(path: Path) -> ReportConfig:
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _toml_error_position(str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ConfigError(
            f"this is not valid TOML ({reason})",
            path=path,
            line=line,
            column=column,
            hint="check the quotes, brackets and '=' signs on this line",
        ) from None
    return config_from_dict(data, path=path, text=text)


def default_config(root: Path) -> ReportConfig:
    return ReportConfig(path=None, title=root.resolve().name.replace("-", " ").capitalize())


def config_from_dict(data: dict[str, Any], *, path: Path, text: str = "") -> ReportConfig:
    checker = _Checker(path, text)
    allowed = _KEYS | set(COMMAND_TABLES)
    for key in data:
        checker.known(key, allowed)
    config = ReportConfig(path=path)
    config.title = checker.string(data, "title", config.title)
    if not config.title.strip():
        raise checker.error("title", "the title is empty", "write the report's title")
    config.subtitle = checker.string(data, "subtitle", "")
    config.organisation = checker.string(data, "organisation", "")
    config.author = checker.string(data, "author", "")
    config.edition = checker.string(data, "edition", "")
    config.date = checker.date(data, "date")
    config.language = checker.string(data, "language", config.language)
    if not _LANGUAGE.match(config.language):
        raise checker.error(
            "language",
            f"'{config.language}' is not a language tag",
            "write a tag such as en-GB, cy-GB or en-US",
        )
    page_size = checker.string(data, "page-size", config.page_size)
    if page_size.upper() not in PAGE_SIZES:
        raise checker.error(
            "page-size", f"page size '{page_size}' is not known", "use A4, A5 or Letter"
        )
    config.page_size = page_size.upper() if page_size.upper() != "LETTER" else "Letter"
    config.font_size = checker.number(data, "font-size", config.font_size)
    if config.font_size < MIN_FONT_SIZE:
        raise checker.error(
            "font-size",
            f"font size {config.font_size:g}pt is too small for Easy Read",
            f"use {MIN_FONT_SIZE:g} or more (16 is usual)",
        )
    if config.font_size > MAX_FONT_SIZE:
        raise checker.error(
            "font-size",
            f"font size {config.font_size:g}pt is too big",
            f"use {MIN_FONT_SIZE:g} to {MAX_FONT_SIZE:g} (16 is usual)",
        )
    config.sections = checker.string_list(data, "sections", [])
    # Which names are outputs is the writers' business (easyread.writers finds them); the
    # build checks each name against them and names this line when one is unknown.
    config.outputs = [item.lower() for item in checker.string_list(data, "outputs", [])]
    config.cover_picture = checker.string(data, "cover-picture", "")
    config.cover_alt = checker.string(data, "cover-alt", "")
    config.picture_credits = checker.string(data, "picture-credits", "")
    config.note = checker.string(data, "note", "")
    config.find_out_more = _find_out_more(checker, data.get("find-out-more", {}))
    for table in COMMAND_TABLES:
        value = data.get(table, {})
        if not isinstance(value, dict):
            raise checker.error(table, f"'{table}' must be a table", f"write it as [{table}]")
        config.tables[table] = value
    return config


def _find_out_more(checker: _Checker, table: Any) -> FindOutMore:
    if not isinstance(table, dict):
        raise checker.error(
            "find-out-more", "'find-out-more' must be a table", "write [find-out-more]"
        )
    for key in table:
        checker.known(key, _FIND_OUT_MORE_KEYS, table="find-out-more")
    text = table.get("text", [])
    if isinstance(text, str):
        text = [text]
    info = FindOutMore(text=checker.string_list({"text": text}, "text", []))
    for key in ("website", "email", "phone", "address"):
        setattr(info, key, checker.string(table, key, ""))
    return info


class _Checker:
    """Checks values and builds errors that point at the key's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.split("\n")

    def line_of(self, key: str) -> int | None:
        return toml_line(self.lines, key)

    def error(self, key: str, message: str, hint: str) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.line_of(key), hint=hint)

    def suggestion(self, word: str, choices: Any) -> str:
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
        return f" (did you mean '{close[0]}'?)" if close else ""

    def known(self, key: str, allowed: set[str], table: str = "") -> None:
        if key in allowed:
            return
        where = f" in [{table}]" if table else ""
        hint = "remove it or fix its spelling"
        close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
        if close:
            hint = f"did you mean '{close[0]}'?"
        raise self.error(key, f"unknown setting '{key}'{where}", hint)

    def string(self, data: dict[str, Any], key: str, default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str):
            raise self.error(key, f"'{key}' must be text", f'put it in quotes: {key} = "..."')
        self.no_control_characters(key, value)
        self.not_too_long(key, value)
        return value.strip()

    def not_too_long(self, key: str, value: str) -> None:
        limit = _LENGTHS.get(key, MAX_TEXT_LENGTH)
        if len(value) > limit:
            raise self.error(
                key,
                f"'{key}' is {len(value):,} characters long",
                f"make it shorter: at most {limit:,} characters",
            )

    def no_control_characters(self, key: str, value: str) -> None:
        # TOML lets "\u0007" through; such characters break Word files and show as boxes.
        found = HIDDEN.search(value)
        if found:
            raise self.error(
                key,
                f"'{key}' holds {hidden_character(found.group())}",
                "delete it: write the text again without \\u escapes",
            )

    def number(self, data: dict[str, Any], key: str, default: float) -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(
                key, f"'{key}' must be a number", f"write it without quotes: {key} = 16"
            )
        try:
            number = float(value)
        except OverflowError:  # a whole number too big for a float
            number = math.inf
        if not math.isfinite(number):  # TOML allows nan and inf
            raise self.error(key, f"'{key}' must be a number such as 16", f"write it as {key} = 16")
        return number

    def string_list(self, data: dict[str, Any], key: str, default: list[str]) -> list[str]:
        value = data.get(key, default)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(key, f"'{key}' must be a list of text", f'write it as {key} = ["..."]')
        if len(value) > MAX_LIST_ITEMS:
            raise self.error(
                key, f"'{key}' lists {len(value):,} items", f"list at most {MAX_LIST_ITEMS:,}"
            )
        for item in value:
            self.no_control_characters(key, item)
            self.not_too_long(key, item)
        return [item.strip() for item in value]

    def date(self, data: dict[str, Any], key: str) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        if (day := as_date(value)) is not None:
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise self.error(
                    key,
                    f"the date {day.isoformat()} is not the date of a report",
                    f"write a date from {FIRST_YEAR} to {LAST_YEAR}, such as 2026-06-30",
                )
            return day
        raise self.error(
            key, f"'{key}' is not a date", "write it as year-month-day, such as 2026-06-30"
        )


def toml_lines(path: Path | None) -> list[str]:
    """The lines of a TOML file as TOML counts them (at "\\n" only); none if it cannot be read."""
    if path is None:
        return []
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    except OSError:
        return []


def toml_line(lines: list[str], key: str, table: Sequence[str] = ()) -> int | None:
    """The line of `key` in [table] (the top level when `table` is empty), for error messages.

    Also finds `[table.key]` headers and dotted `table.key = ...` lines; when the key itself is
    not there, the table's header line, and last of all the key anywhere in the file.
    """
    own_header = _header_pattern([*table, key])
    header = _header_pattern(list(table)) if table else None
    key_pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    dotted = (
        re.compile(rf"^\s*{re.escape(table[-1])}\s*\.\s*[\"']?{re.escape(key)}[\"']?\s*=")
        if table
        else None
    )
    inside = not table
    header_line = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            if own_header.match(stripped):
                return number
            inside = bool(header and header.match(stripped))
            if inside:
                header_line = number
            continue
        if (inside and key_pattern.match(line)) or (dotted and dotted.match(line)):
            return number
    if header_line is not None:
        return header_line
    return next((n for n, line in enumerate(lines, start=1) if key_pattern.match(line)), None)


def _header_pattern(table: list[str]) -> re.Pattern[str]:
    parts = [rf"\s*[\"']?{re.escape(part)}[\"']?\s*" for part in table]
    return re.compile(r"^\[" + r"\.".join(parts) + r"\]")


def as_date(value: Any) -> dt.date | None:
    """A TOML date, date-time or "year-month-day" text as a date; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _read_text(path: Path) -> str:
    """easyread.toml, which must be a file in its report folder (a link may not lead out)."""
    if not path.exists() and not path.is_symlink():
        raise ConfigError(
            "there is no easyread.toml here",
            path=path,
            hint="run 'easyread init' to start a report",
        )
    try:
        data = files.read_bytes(path, [path.absolute().parent], what=f"'{path.name}'")
    except files.FileRefused as refused:
        raise refused.as_error(ConfigError, path) from None
    return decode_utf8(data, path, ConfigError)


def _toml_error_position(message: str) -> tuple[int | None, int | None]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    if not match:
        return None, None
    return int(match.group(1)), int(match.group(2))


@dataclass(frozen=True, slots=True)
class SettingInEffect:
    name: str  # as written in easyread.toml, e.g. "font-size" or "lint.allow-acronyms"
    value: object
    source: str  # "easyread.toml:7" or "default"


_SHOWN = (
    ("title", "title"), ("subtitle", "subtitle"), ("organisation", "organisation"),
    ("author", "author"), ("date", "date"), ("edition", "edition"), ("language", "language"),
    ("page-size", "page_size"), ("font-size", "font_size"), ("sections", "sections"),
    ("outputs", "outputs"), ("cover-picture", "cover_picture"), ("cover-alt", "cover_alt"),
    ("picture-credits", "picture_credits"), ("note", "note"),
)  # fmt: skip


def settings_in_effect(config: ReportConfig) -> list[SettingInEffect]:
    """Every setting of the report as easyread uses it, and where it came from: the line of
    easyread.toml that sets it, or easyread's default. Tables ([lint], [score], [review],
    [glossary]) list what the file sets; the commands' own defaults apply to the rest."""
    lines = toml_lines(config.path)
    written = _written_keys(config.path)
    shown: list[SettingInEffect] = []

    def source(key: str, table: Sequence[str] = ()) -> str:
        if (*table, key) not in written or config.path is None:
            return "default"
        return f"{config.path.name}:{toml_line(lines, key, table)}"

    for key, attribute in _SHOWN:
        shown.append(SettingInEffect(key, getattr(config, attribute), source(key)))
    for key in sorted(_FIND_OUT_MORE_KEYS):
        value = getattr(config.find_out_more, key)
        shown.append(SettingInEffect(f"find-out-more.{key}", value, source(key, ["find-out-more"])))
    for table in COMMAND_TABLES:
        for key, value in (config.tables.get(table) or {}).items():
            shown.append(SettingInEffect(f"{table}.{key}", value, source(key, [table])))
    return shown


def _written_keys(path: Path | None) -> set[tuple[str, ...]]:
    """The keys the file sets, as (table, key) or (key,) for the top level."""
    if path is None:
        return set()
    try:
        data = tomllib.loads(_read_text(path))
    except (OSError, tomllib.TOMLDecodeError, ConfigError):
        return set()
    keys: set[tuple[str, ...]] = set()
    for key, value in data.items():
        keys.add((key,))
        if isinstance(value, dict):
            keys.update((key, inner) for inner in value)
    return keys
