"""Review records: who checked which sections, when, and what the sections said then.

One TOML file per checking session, in the report's `reviews/` folder, named
`<date>-<group>.toml`. The format is documented in docs/review.md. easyread writes these files
(`easyread review DIR --record ...`); people may also write or correct them by hand.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easyread.config import as_date
from easyread.errors import HIDDEN, ConfigError, decode_utf8, hidden_character
from easyread.files import MEGABYTE, FileRefused, read_bytes
from easyread.model import Report, Section
from easyread.output import write_text_atomically
from easyread.records.fingerprint import section_fingerprint

REVIEWS_FOLDER = "reviews"
FORMAT_VERSION = 1
RECORD_LIMIT = 5 * MEGABYTE  # a record holds the checked sections' text: far less
_RECORD_KEYS = {"format", "group", "date", "paid", "facilitator", "note", "checkers", "sections"}
_CHECKER_KEYS = {"name", "consent-to-be-named", "has-learning-disability"}
_SECTION_KEYS = {"file", "number", "title", "fingerprint", "text"}


@dataclass(slots=True)
class Checker:
    name: str
    consent_to_be_named: bool = False
    has_learning_disability: bool = False


@dataclass(slots=True)
class CheckedSection:
    file: str  # the section's file name, relative to the report folder
    fingerprint: str
    number: int = 0
    title: str = ""
    text: str | None = None  # the section's Markdown at the time, for `easyread changes`


@dataclass(slots=True)
class ReviewRecord:
    group: str
    date: dt.date
    checkers: list[Checker] = field(default_factory=list)
    sections: list[CheckedSection] = field(default_factory=list)
    paid: bool = False
    facilitator: str = ""
    note: str = ""
    path: Path | None = None

    @property
    def label(self) -> str:
        """How people name this check: the group and the date."""
        return f"{self.group} on {format_date(self.date)}"

    def section(self, file: str) -> CheckedSection | None:
        for checked in self.sections:
            if checked.file == file:
                return checked
        return None

    def named_checkers(self) -> list[Checker]:
        return [checker for checker in self.checkers if checker.consent_to_be_named]

    def has_checker_with_learning_disability(self) -> bool:
        return any(checker.has_learning_disability for checker in self.checkers)


def format_date(date: dt.date) -> str:
    """Dates the Easy Read way: 14 May 2026."""
    return f"{date.day} {date:%B %Y}"


def section_file(report: Report, section: Section) -> str:
    """The name a record uses for a section: its path inside the report folder."""
    try:
        return section.path.resolve().relative_to(report.root.resolve()).as_posix()
    except ValueError:
        return section.path.name


def reviews_dir(report_root: Path) -> Path:
    return report_root / REVIEWS_FOLDER


def load_records(report_root: Path) -> list[ReviewRecord]:
    """Every review record of a report, oldest first."""
    folder = reviews_dir(report_root)
    if not folder.is_dir():
        return []
    records = [
        load_record(path, report_root)
        for path in sorted(folder.glob("*.toml"))
        if path.is_file() or path.is_symlink()
    ]
    return sorted(records, key=lambda record: (record.date, record.path or Path()))


def latest_checks(records: list[ReviewRecord]) -> dict[str, tuple[ReviewRecord, CheckedSection]]:
    """For each section file, the most recent record that checked it."""
    latest: dict[str, tuple[ReviewRecord, CheckedSection]] = {}
    for record in records:  # oldest first, so later ones win
        for checked in record.sections:
            latest[checked.file] = (record, checked)
    return latest


# -- making a record ----------------------------------------------------------------------------


def make_record(
    report: Report,
    *,
    group: str,
    checkers: list[Checker],
    date: dt.date,
    paid: bool,
    files: list[str] | None = None,
    facilitator: str = "",
    note: str = "",
) -> ReviewRecord:
    """A record of the sections as they are now (all of them unless `files` names some)."""
    wanted = set(files or [])
    sections = []
    for section in report.sections:
        name = section_file(report, section)
        if wanted and name not in wanted and section.path.name not in wanted:
            continue
        sections.append(
            CheckedSection(
                file=name,
                fingerprint=section_fingerprint(section),
                number=section.number,
                title=section.title.text,
                text=section.text,
            )
        )
    known = {checked.file for checked in sections} | {
        Path(checked.file).name for checked in sections
    }
    missing = sorted(wanted - known)
    if missing:
        raise ConfigError(
            f"the section '{missing[0]}' is not in this report",
            path=report.root,
            hint="give the file name of a section, such as 01-summary.md",
        )
    return ReviewRecord(
        group=group,
        date=date,
        checkers=checkers,
        sections=sections,
        paid=paid,
        facilitator=facilitator,
        note=note,
    )


def save_record(record: ReviewRecord, report_root: Path) -> Path:
    """Write the record as reviews/<date>-<group>.toml (never over an existing file)."""
    folder = reviews_dir(report_root)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{record.date.isoformat()}-{slugify(record.group) or 'group'}"
    path = folder / f"{stem}.toml"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.toml"
        counter += 1
    write_text_atomically(path, record_to_toml(record))
    record.path = path
    return path


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def record_to_toml(record: ReviewRecord) -> str:
    lines = [
        "# A review record written by easyread. See docs/review.md for what each line means.",
        "# You may correct names and consent here by hand; do not change the fingerprints.",
        f"format = {FORMAT_VERSION}",
        f"group = {toml_string(record.group)}",
        f"date = {record.date.isoformat()}",
        f"paid = {toml_bool(record.paid)}",
    ]
    if record.facilitator:
        lines.append(f"facilitator = {toml_string(record.facilitator)}")
    if record.note:
        lines.append(f"note = {toml_string(record.note)}")
    for checker in record.checkers:
        lines += [
            "",
            "[[checkers]]",
            f"name = {toml_string(checker.name)}",
            f"consent-to-be-named = {toml_bool(checker.consent_to_be_named)}",
            f"has-learning-disability = {toml_bool(checker.has_learning_disability)}",
        ]
    for checked in record.sections:
        lines += [
            "",
            "[[sections]]",
            f"file = {toml_string(checked.file)}",
            f"number = {checked.number}",
            f"title = {toml_string(checked.title)}",
            f"fingerprint = {toml_string(checked.fingerprint)}",
        ]
        if checked.text is not None:
            lines.append(f"text = {toml_multiline(checked.text)}")
    return "\n".join(lines) + "\n"


def toml_bool(value: bool) -> str:
    return "true" if value else "false"


def _escape(text: str, *, keep_newlines: bool) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n" and keep_newlines:
            out.append("\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def toml_string(text: str) -> str:
    return '"' + _escape(text, keep_newlines=False) + '"'


def toml_multiline(text: str) -> str:
    # A newline straight after the opening quotes is dropped by TOML readers.
    return '"""\n' + _escape(text, keep_newlines=True) + '"""'


# -- reading a record ---------------------------------------------------------------------------


def load_record(path: Path, report_root: Path | None = None) -> ReviewRecord:
    """One record. In a report's reviews/ folder it must be a file inside the report (a link
    that leads out is refused); a record the user names is read where it is."""
    roots = [report_root] if report_root is not None else [Path(os.path.realpath(path)).parent]
    try:
        data = read_bytes(path, roots, limit=RECORD_LIMIT, what="this review record")
    except FileRefused as refused:
        raise refused.as_error(ConfigError, path) from None
    text = decode_utf8(data, path, ConfigError, what="this review record")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        raise ConfigError(
            "this review record is not valid TOML",
            path=path,
            line=line,
            column=column,
            hint="check the quotes, brackets and '=' signs on this line",
        ) from None
    return _RecordReader(path, text).record(data)


class _RecordReader:
    """Checks a record's values, with errors that point at the line to fix."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, key: str, after: int = 0) -> int | None:
        pattern = re.compile(rf"^\s*(\[\[\s*)?{re.escape(key)}\s*(=|\]\])")
        for number, line in enumerate(self.lines[after:], start=after + 1):
            if pattern.match(line):
                return number
        return None

    def fail(self, key: str, message: str, hint: str) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.line_of(key), hint=hint)

    def record(self, data: dict[str, Any]) -> ReviewRecord:
        self.known(data, _RECORD_KEYS, "")
        group = self.text(data, "group", required=True)
        record = ReviewRecord(group=group, date=self.date(data), path=self.path)
        record.paid = self.boolean(data, "paid", False)
        record.facilitator = self.text(data, "facilitator")
        record.note = self.text(data, "note")
        record.checkers = [self.checker(item) for item in self.tables(data, "checkers")]
        record.sections = [self.section(item) for item in self.tables(data, "sections")]
        if not record.sections:
            raise self.fail(
                "group",
                "this review record names no sections",
                "add a [[sections]] table for each section the group checked",
            )
        return record

    def known(self, data: dict[str, Any], allowed: set[str], table: str) -> None:
        for key in data:
            if key not in allowed:
                where = f" in [[{table}]]" if table else ""
                raise self.fail(
                    key,
                    f"unknown setting '{key}'{where}",
                    "use only: " + ", ".join(sorted(allowed)),
                )

    def text(self, data: dict[str, Any], key: str, *, required: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise self.fail(key, f"'{key}' must be text", f'put it in quotes: {key} = "..."')
        if required and not value.strip():
            raise self.fail(key, f"'{key}' is missing", f'write {key} = "..."')
        self.no_hidden_characters(key, value)
        return value.strip()

    def no_hidden_characters(self, key: str, value: str) -> None:
        # TOML's \u escapes let a NUL, a bell or an escape into a name; a record is printed
        # in every output, so they stop here.
        found = HIDDEN.search(value.replace("\t", " "))
        if found:
            raise self.fail(
                key,
                f"'{key}' holds {hidden_character(found.group())}",
                "delete it: write the text again without \\u escapes",
            )

    def boolean(self, data: dict[str, Any], key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"'{key}' must be true or false", f"write {key} = true")
        return value

    def date(self, data: dict[str, Any]) -> dt.date:
        if (day := as_date(data.get("date"))) is not None:
            return day
        raise self.fail(
            "date", "the date of the check is missing or wrong", "write date = 2026-05-14"
        )

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(key, f"'{key}' must be a list of tables", f"write [[{key}]] tables")
        return value

    def checker(self, data: dict[str, Any]) -> Checker:
        self.known(data, _CHECKER_KEYS, "checkers")
        return Checker(
            name=self.text(data, "name", required=True),
            consent_to_be_named=self.boolean(data, "consent-to-be-named", False),
            has_learning_disability=self.boolean(data, "has-learning-disability", False),
        )

    def section(self, data: dict[str, Any]) -> CheckedSection:
        self.known(data, _SECTION_KEYS, "sections")
        file = self.text(data, "file", required=True)
        fingerprint = self.text(data, "fingerprint", required=True)
        number = data.get("number", 0)
        if not isinstance(number, int) or isinstance(number, bool):
            raise self.fail("number", "'number' must be a whole number", "write number = 3")
        text = data.get("text")
        if text is not None and not isinstance(text, str):
            raise self.fail("text", "'text' must be text", 'write text = """..."""')
        if text is not None:
            self.no_hidden_characters("text", text)
        return CheckedSection(
            file=file,
            fingerprint=fingerprint,
            number=number,
            title=self.text(data, "title"),
            text=text,
        )
