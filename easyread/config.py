"""easyread.toml: the settings of one report, checked with errors an author can act on."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
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


# The settings schema: every key of easyread.toml that easyread checks, declared once here with
# its type, default, limits and help text. One checker (`_Checker`) reads these declarations;
# `easyread config` shows them. The lint rules' own tables ([lint.long-sentence]) are made by
# easyread.lint.settings, above this module, and registered here (register_rule_tables).
TEXT, NUMBER, WHOLE, BOOL, DATE, TEXTS = "text", "number", "whole", "bool", "date", "texts"


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of easyread.toml: its type, default, limits and what it is for."""

    name: str  # as written in the file, e.g. "font-size"
    kind: str  # TEXT, NUMBER, WHOLE, BOOL, DATE or TEXTS (a list of text)
    default: Any
    help: str
    low: float | None = None  # NUMBER and WHOLE: the smallest value allowed
    high: float | None = None  # NUMBER and WHOLE: the largest value allowed
    max_length: int = MAX_TEXT_LENGTH  # TEXT, and each item of TEXTS
    choices: tuple[str, ...] = ()  # TEXT: the only values allowed, matched whatever the case
    example: str = ""  # a value shown in hints
    label: str = ""  # how a message names the setting when it is not the key, e.g. "page size"
    text_is_a_list: bool = False  # TEXTS: one text on its own counts as a list of one
    drop_blank: bool = False  # TEXTS: empty items are left out
    too_small: tuple[str, str] = ("", "")  # message and hint below `low` ({value}, {low}, {high})
    too_big: tuple[str, str] = ("", "")  # message and hint above `high`
    if_empty: tuple[str, str] = ("", "")  # TEXT: message and hint when it may not be empty
    pattern: str = ""  # TEXT: a regular expression the whole text must match
    mismatch: tuple[str, str] = ("", "")  # message and hint when it does not ({value})


@dataclass(frozen=True, slots=True)
class SettingsTable:
    """A table of easyread.toml (or its top level, named "") and the settings it holds."""

    name: str
    help: str
    settings: tuple[Setting, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(setting.name for setting in self.settings)

    def setting(self, key: str) -> Setting:
        return next(setting for setting in self.settings if setting.name == key)

    def default_of(self, key: str) -> Any:
        return self.setting(key).default


_SIZE_HINT = "(16 is usual)"
TOP_LEVEL = SettingsTable(
    "",
    "the report: its title, who made it, its pages and its outputs",
    (
        Setting(
            "title",
            TEXT,
            "Easy Read report",
            "the report's title, on the cover and in every output's details",
            max_length=MAX_NAME_LENGTH,
            if_empty=("the title is empty", "write the report's title"),
        ),
        Setting(
            "subtitle", TEXT, "", "a line under the title on the cover", max_length=MAX_NAME_LENGTH
        ),
        Setting("organisation", TEXT, "", "who the report is from", max_length=MAX_NAME_LENGTH),
        Setting(
            "author",
            TEXT,
            "",
            "the author named in each output's details (the organisation when empty)",
            max_length=MAX_NAME_LENGTH,
        ),
        Setting(
            "date", DATE, None, "the report's date, year-month-day; also the outputs' timestamp"
        ),
        Setting(
            "edition",
            TEXT,
            "",
            "words shown instead of the date, such as 'Summer 2026'",
            max_length=MAX_NAME_LENGTH,
        ),
        Setting(
            "language",
            TEXT,
            "en-GB",
            "the language tag of the report's words",
            max_length=35,
            pattern=r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
            mismatch=(
                "'{value}' is not a language tag",
                "write a tag such as en-GB, cy-GB or en-US",
            ),
        ),
        Setting(
            "page-size",
            TEXT,
            "A4",
            "A4, A5 or Letter",
            max_length=20,
            choices=("A4", "A5", "Letter"),
            label="page size",
        ),
        Setting(
            "font-size",
            NUMBER,
            16.0,
            "the size of the words in points, 14 to 40",
            low=MIN_FONT_SIZE,
            high=MAX_FONT_SIZE,
            example="16",
            too_small=(
                "font size {value:g}pt is too small for Easy Read",
                "use {low:g} or more " + _SIZE_HINT,
            ),
            too_big=("font size {value:g}pt is too big", "use {low:g} to {high:g} " + _SIZE_HINT),
        ),
        Setting(
            "sections",
            TEXTS,
            [],
            "the section files in order (none listed: every .md file, by name)",
            max_length=MAX_NAME_LENGTH,
        ),
        Setting(
            "outputs",
            TEXTS,
            [],
            "the formats to build (none listed: every format there is)",
            max_length=20,
        ),
        Setting(
            "cover-picture",
            TEXT,
            "",
            "a picture for the cover, inside the report folder",
            max_length=MAX_NAME_LENGTH,
        ),
        Setting(
            "cover-alt", TEXT, "", "what the cover picture shows, for people who cannot see it"
        ),
        Setting("picture-credits", TEXT, "", "who made the pictures, printed at the back"),
        Setting("note", TEXT, "", "a note printed on the About this document page"),
    ),
)
FIND_OUT_MORE = SettingsTable(
    "find-out-more",
    "the Find out more page at the back",
    (
        Setting("text", TEXTS, [], "sentences at the top of the page", text_is_a_list=True),
        Setting("website", TEXT, "", "a website address", max_length=2_000),
        Setting("email", TEXT, "", "an email address", max_length=MAX_NAME_LENGTH),
        Setting("phone", TEXT, "", "a phone number", max_length=100),
        Setting("address", TEXT, "", "a postal address", max_length=1_000),
    ),
)
SCORE = SettingsTable(
    "score",
    "readability targets for 'easyread score' and the build's readability report",
    (
        Setting("grade", NUMBER, 5.0, "highest Flesch-Kincaid grade", example="5"),
        Setting("reading-ease", NUMBER, 80.0, "lowest Flesch reading ease", example="80"),
        Setting("smog", NUMBER, 9.0, "highest SMOG", example="9"),
        Setting("fog", NUMBER, None, "highest Gunning Fog (no target unless set)", example="8"),
        Setting(
            "dale-chall",
            NUMBER,
            None,
            "highest Dale-Chall score (no target unless set)",
            example="6",
        ),
        Setting(
            "max-words",
            WHOLE,
            15,
            "words in a sentence before it counts as long",
            low=1,
            example="15",
        ),
        Setting(
            "hardest", WHOLE, 3, "hardest sentences listed for each section", low=1, example="3"
        ),
        Setting(
            "fail-under",
            NUMBER,
            None,
            "like --fail-under: exit 1 when reading ease is below this",
            example="70",
        ),
        Setting(
            "fail-scope",
            TEXT,
            "report",
            "what fail-under looks at: the whole report or any section",
            max_length=20,
            choices=("report", "section"),
        ),
    ),
)
REVIEW = SettingsTable(
    "review",
    "review copies for co-authors",
    (
        Setting(
            "font-size",
            NUMBER,
            None,
            "the size of the words in review copies (18 when not set)",
            low=MIN_FONT_SIZE,
            high=MAX_FONT_SIZE,
            example="18",
        ),
    ),
)
GLOSSARY = SettingsTable(
    "glossary",
    "the glossaries that explain hard words",
    (
        Setting(
            "files",
            TEXTS,
            [],
            "the report's own glossary files, inside the report folder",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "disable",
            TEXTS,
            [],
            "glossary words never to flag",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "builtin",
            TEXTS,
            None,
            "the built-in glossaries to use (not set: all of them)",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "words-to-know",
            TEXTS,
            [],
            "glossary words to put on the Words to know page even where the text does not make "
            "them bold",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "bold-first-use", BOOL, False, "show a hard word in bold where it is first explained"
        ),
    ),
)
LINT = SettingsTable(
    "lint",
    "the Easy Read checks; each rule's own settings go in [lint.<rule>]",
    (
        Setting(
            "disable",
            TEXTS,
            [],
            "rules turned off",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "enable",
            TEXTS,
            [],
            "rules that are off unless asked for, turned on",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "fail-on",
            TEXT,
            "warning",
            "the findings that make 'easyread lint' fail",
            max_length=20,
            choices=("error", "warning", "info", "never"),
        ),
        Setting(
            "acronym-scope",
            TEXT,
            "document",
            "explain an acronym once in the document, or once in each section",
            max_length=20,
            choices=("document", "section"),
        ),
        Setting(
            "allow-acronyms",
            TEXTS,
            None,
            "acronyms nearly everyone knows (not set: easyread's own list)",
            max_length=MAX_NAME_LENGTH,
            text_is_a_list=True,
            drop_blank=True,
        ),
        Setting(
            "accept", TEXTS, [], "text that is never flagged", text_is_a_list=True, drop_blank=True
        ),
    ),
)
# The whole schema. Every table is checked when the file is read, [lint]'s rule tables too.
SCHEMA = (TOP_LEVEL, FIND_OUT_MORE, LINT, SCORE, REVIEW, GLOSSARY)
# The tables whose checked values settings_of gives, by name.
SCHEMA_TABLES = {table.name: table for table in (SCORE, REVIEW, GLOSSARY)}
# The tables of easyread.toml besides the top level and [find-out-more].
COMMAND_TABLES = ("lint", "score", "review", "glossary")

# The lint rules sit floors above this module, so it cannot import them. Instead lint registers,
# when it is imported, a function that gives each rule's table ([lint.long-sentence]) declared in
# the schema's own terms; the command line imports lint before any command runs. Until then,
# [lint]'s other keys are left for lint to check when it reads its settings.
_rule_table_makers: list[Callable[[], Mapping[str, SettingsTable]]] = []


def register_rule_tables(make_tables: Callable[[], Mapping[str, SettingsTable]]) -> None:
    """Have every easyread.toml read from now on check [lint]'s rule tables against the tables
    `make_tables` gives, by rule id (it is called once, when first needed)."""
    if make_tables not in _rule_table_makers:
        _rule_table_makers.append(make_tables)
        rule_tables.cache_clear()


@cache
def rule_tables() -> dict[str, SettingsTable]:
    """The table of each lint rule by its id, as registered (none before lint is imported)."""
    tables: dict[str, SettingsTable] = {}
    for make_tables in _rule_table_makers:
        tables.update(make_tables())
    return dict(sorted(tables.items()))


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
    # Defaults from the schema; the lists' defaults are empty.
    title: str = TOP_LEVEL.default_of("title")
    subtitle: str = TOP_LEVEL.default_of("subtitle")
    organisation: str = TOP_LEVEL.default_of("organisation")
    author: str = TOP_LEVEL.default_of("author")
    date: dt.date | None = TOP_LEVEL.default_of("date")
    edition: str = TOP_LEVEL.default_of("edition")
    language: str = TOP_LEVEL.default_of("language")
    page_size: str = TOP_LEVEL.default_of("page-size")
    font_size: float = TOP_LEVEL.default_of("font-size")
    sections: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)  # none listed: every format there is
    cover_picture: str = ""
    cover_alt: str = ""
    picture_credits: str = ""
    note: str = ""
    find_out_more: FindOutMore = field(default_factory=FindOutMore)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)  # as written
    # [score], [review], [glossary] and [lint]'s declared settings, checked by the schema when
    # the file was read, with the defaults for what it leaves out (settings_of gives them).
    checked: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)
    # The file's lines as TOML counts them, read once, for the line numbers of errors.
    lines: list[str] = field(default_factory=list, repr=False, compare=False)

    def line_of(self, key: str, table: Sequence[str] = ()) -> int | None:
        """The line of `key` in [table] of this easyread.toml, from the lines read with it."""
        return toml_line(self.lines or toml_lines(self.path), key, table)

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
        if line is None:  # "at end of document": a list or text still open at the end
            line = _last_written_line(text)
        reason = re.sub(r"\s*\((at line \d+, column \d+|at end of document)\)", "", str(error))
        written = text.split("\n")[line - 1] if line else ""
        raise ConfigError(
            f"this is not valid TOML: {plain_toml_reason(reason, written)}",
            path=path,
            line=line,
            column=column,
            hint="check the quotes, brackets and '=' signs on this line",
        ) from None
    return config_from_dict(data, path=path, text=text)


def default_config(root: Path) -> ReportConfig:
    return ReportConfig(path=None, title=root.resolve().name.replace("-", " ").capitalize())


def config_from_dict(data: dict[str, Any], *, path: Path, text: str = "") -> ReportConfig:
    lines = text.split("\n") if text else []
    checker = _Checker(path, lines)
    values = checker.table(TOP_LEVEL, data, also_allowed=("find-out-more", *COMMAND_TABLES))
    config = ReportConfig(path=path, lines=lines)
    for key, value in values.items():
        setattr(config, key.replace("-", "_"), value)
    # Which names are outputs is the writers' business (easyread.writers finds them); the
    # build checks each name against them and names this line when one is unknown.
    config.outputs = [item.lower() for item in config.outputs]
    config.find_out_more = FindOutMore(**_attributes(checker.table(FIND_OUT_MORE, data)))
    for table in COMMAND_TABLES:
        config.tables[table] = checker.sub_table(table, data)
    # Every table is checked now, once, so a mistake anywhere in the file stops every command
    # at its line, [lint]'s rule tables included.
    _check_lint(checker, config)
    for name, schema in SCHEMA_TABLES.items():
        config.checked[name] = checker.values(schema, config.tables[name])
    return config


def _check_lint(checker: _Checker, config: ReportConfig) -> None:
    """[lint]'s declared settings, the rule names it lists and each rule's own table, checked
    against the rule tables lint registered (when none are, lint checks the rest itself)."""
    lint = config.tables["lint"]
    rules = rule_tables()
    if not rules:
        declared = {key: value for key, value in lint.items() if key in LINT.keys}
        config.checked[LINT.name] = checker.values(LINT, declared)
        return
    config.checked[LINT.name] = checker.values(LINT, lint, also_allowed=tuple(rules))
    for key in ("disable", "enable"):
        checker.rule_names(key, config.checked[LINT.name][key], rules)
    for rule_id, value in lint.items():
        if rule_id in rules:
            schema = rules[rule_id]
            if not isinstance(value, dict):
                raise ConfigError(
                    f"'{rule_id}' must be a table",
                    path=config.path,
                    line=toml_line(checker.lines, rule_id, ["lint", rule_id]),
                    hint=f"write it as [{schema.name}]",
                )
            values = checker.values(schema, value)
            config.checked[schema.name] = {
                key: whole_if_default_is(item, schema.default_of(key))
                for key, item in values.items()
            }


def whole_if_default_is(value: Any, default: Any) -> Any:
    """A rule option whose default is a whole number stays whole (NUMBER is read as a float):
    `max-words = 12` is 12, as lint uses it and `easyread config` shows it."""
    whole_default = isinstance(default, int) and not isinstance(default, bool)
    if whole_default and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def settings_of(config: ReportConfig, table: str) -> dict[str, Any]:
    """The settings of one table of the schema ([score], [review], [glossary]), checked when
    the file was read, with the defaults for what the file leaves out."""
    if table in config.checked:
        return copy.deepcopy(config.checked[table])
    return checked_table(
        SCHEMA_TABLES[table], config.tables.get(table, {}) or {}, config.path, config.lines
    )


def checked_table(
    schema: SettingsTable,
    data: dict[str, Any],
    path: Path | None,
    lines: list[str] | None = None,
    also_allowed: Sequence[str] = (),
) -> dict[str, Any]:
    """`data` (one table of easyread.toml) checked against `schema`, with the defaults for what
    it leaves out; `also_allowed` names keys the caller checks itself. Raises ConfigError."""
    checker = _Checker(path, lines or toml_lines(path))
    return checker.values(schema, data, also_allowed)


def _attributes(values: dict[str, Any]) -> dict[str, Any]:
    return {key.replace("-", "_"): value for key, value in values.items()}


def _where(table: str) -> str:
    return f" in [{table}]" if table else ""


def _either(choices: Sequence[str]) -> str:
    return ", ".join(choices[:-1]) + " or " + choices[-1] if len(choices) > 1 else choices[0]


class _Checker:
    """The one checker: values against their Setting, errors that point at the key's line."""

    def __init__(self, path: Path | None, lines: list[str]) -> None:
        self.path = path
        self.lines = lines

    def error(self, key: str, message: str, hint: str, table: str = "") -> ConfigError:
        line = toml_line(self.lines, key, table.split(".") if table else [])
        return ConfigError(message, path=self.path, line=line, hint=hint)

    def sub_table(self, name: str, data: dict[str, Any]) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.error(name, f"'{name}' must be a table", f"write it as [{name}]")
        return value

    def table(
        self, schema: SettingsTable, data: dict[str, Any], also_allowed: Sequence[str] = ()
    ) -> dict[str, Any]:
        """The table `schema` names inside `data` (or `data` itself for the top level)."""
        inner = self.sub_table(schema.name, data) if schema.name else data
        return self.values(schema, inner, also_allowed)

    def values(
        self, schema: SettingsTable, data: dict[str, Any], also_allowed: Sequence[str] = ()
    ) -> dict[str, Any]:
        allowed = [*schema.keys, *also_allowed]
        for key in data:
            self.known(key, allowed, schema.name)
        return {
            setting.name: self.value(setting, data[setting.name], schema.name)
            if setting.name in data
            else copy.copy(setting.default)
            for setting in schema.settings
        }

    def known(self, key: str, allowed: Sequence[str], table: str) -> None:
        if key in allowed:
            return
        close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "remove it or fix its spelling"
        raise self.error(key, f"unknown setting '{key}'{_where(table)}", hint, table)

    def rule_names(self, key: str, names: Sequence[str], rules: Sequence[str]) -> None:
        """Each of `names` ([lint] disable or enable) is a lint rule."""
        for name in names:
            if name not in rules:
                close = difflib.get_close_matches(name, list(rules), n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?" if close else "run 'easyread rules' to see them"
                )
                raise self.error(key, f"there is no lint rule called '{name}'", hint, "lint")

    def value(self, setting: Setting, value: Any, table: str) -> Any:
        check = {
            TEXT: self.text,
            NUMBER: self.number,
            WHOLE: self.whole,
            BOOL: self.boolean,
            DATE: self.date,
            TEXTS: self.texts,
        }[setting.kind]
        return check(setting, value, table)

    def text(self, setting: Setting, value: Any, table: str) -> str:
        key = setting.name
        if not isinstance(value, str):
            raise self.error(
                key,
                f"'{key}'{_where(table)} must be text",
                f'put it in quotes: {key} = "..."',
                table,
            )
        self.plain(setting, value, table)
        value = value.strip()
        if setting.if_empty[0] and not value:
            raise self.error(key, *setting.if_empty, table)
        if setting.pattern and not re.fullmatch(setting.pattern, value):
            message, hint = setting.mismatch
            raise self.error(key, message.format(value=value), hint.format(value=value), table)
        if not setting.choices:
            return value
        for choice in setting.choices:
            if value.casefold() == choice.casefold():
                return choice
        name = setting.label or key
        raise self.error(
            key, f"{name} '{value}' is not known", f"use one of: {_either(setting.choices)}", table
        )

    def plain(self, setting: Setting, value: str, table: str) -> None:
        """No hidden characters, and not longer than the setting allows."""
        key = setting.name
        # TOML lets "\u0007" through; such characters break Word files and show as boxes.
        found = HIDDEN.search(value)
        if found:
            raise self.error(
                key,
                f"'{key}'{_where(table)} holds {hidden_character(found.group())}",
                "delete it: write the text again without \\u escapes",
                table,
            )
        if len(value) > setting.max_length:
            raise self.error(
                key,
                f"'{key}'{_where(table)} is {len(value):,} characters long",
                f"make it shorter: at most {setting.max_length:,} characters",
                table,
            )

    def number(self, setting: Setting, value: Any, table: str) -> float:
        key, example = setting.name, setting.example
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(
                key,
                f"'{key}'{_where(table)} must be a number",
                f"write it without quotes: {key} = {example}",
                table,
            )
        try:
            number = float(value)
        except OverflowError:  # a whole number too big for a float
            number = math.inf
        if not math.isfinite(number):  # TOML allows nan and inf
            raise self.error(
                key,
                f"'{key}'{_where(table)} must be a number such as {example}",
                f"write it as {key} = {example}",
                table,
            )
        self.in_range(setting, number, table)
        return number

    def whole(self, setting: Setting, value: Any, table: str) -> int:
        key, low = setting.name, setting.low or 0
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise self.error(
                key,
                f"'{key}'{_where(table)} must be a whole number of {low:g} or more",
                f"write it as {key} = {setting.example}",
                table,
            )
        self.in_range(setting, value, table)
        return value

    def in_range(self, setting: Setting, number: float, table: str) -> None:
        low, high = setting.low, setting.high
        if low is not None and number < low:
            message, hint = setting.too_small
        elif high is not None and number > high:
            message, hint = setting.too_big
        else:
            return
        if not message:
            message = f"'{setting.name}'{_where(table)} cannot be {{value:g}}"
        if not hint:
            hint = "use {low:g} to {high:g}" if low is not None and high is not None else ""
            hint = hint or ("use {low:g} or more" if low is not None else "use {high:g} or less")
        shown = {"value": number, "low": low, "high": high}
        raise self.error(setting.name, message.format(**shown), hint.format(**shown), table)

    def boolean(self, setting: Setting, value: Any, table: str) -> bool:
        key = setting.name
        if not isinstance(value, bool):
            raise self.error(
                key,
                f"'{key}'{_where(table)} must be true or false",
                f"write {key} = true or leave it out",
                table,
            )
        return value

    def date(self, setting: Setting, value: Any, table: str) -> dt.date:
        key = setting.name
        if (day := as_date(value)) is None:
            raise self.error(
                key,
                f"'{key}'{_where(table)} is not a date",
                "write it as year-month-day, such as 2026-06-30",
                table,
            )
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise self.error(
                key,
                f"the date {day.isoformat()} is not the date of a report",
                f"write a date from {FIRST_YEAR} to {LAST_YEAR}, such as 2026-06-30",
                table,
            )
        return day

    def texts(self, setting: Setting, value: Any, table: str) -> list[str]:
        key = setting.name
        if setting.text_is_a_list and isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(
                key,
                f"'{key}'{_where(table)} must be a list of text",
                f'write it as {key} = ["..."]',
                table,
            )
        if len(value) > MAX_LIST_ITEMS:
            raise self.error(
                key,
                f"'{key}'{_where(table)} lists {len(value):,} items",
                f"list at most {MAX_LIST_ITEMS:,}",
                table,
            )
        for item in value:
            self.plain(setting, item, table)
        items = [item.strip() for item in value]
        return [item for item in items if item] if setting.drop_blank else items


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


# What Python's TOML reader says, and what it means in words a report author knows.
_TOML_REASONS = (
    ("Illegal character '\\n'", 'a text is not closed: it needs a " at its end'),
    ("Expected '\"'", 'a text is not closed: it needs a " at its end'),
    ('Expected "\'"', "a text is not closed: it needs a ' at its end"),
    ("Unterminated string", 'a text is not closed: it needs a " at its end'),
    ("Unclosed array", "a list is not closed: it needs a ] at its end"),
    ("Expected ']' at the end of a table", "a table name needs a ] at its end"),
    ("Expected '=' after a key", "a setting needs '=' between its name and its value"),
    ("Cannot overwrite a value", "this setting is written twice"),
    ("Cannot declare", "this table is written twice"),
    ("Expected newline or end of document", "there are more words after the value"),
    ("Invalid value", "the value is not text in quotes, a number, true, false or a list in [ ]"),
)
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019"


def plain_toml_reason(reason: str, line: str) -> str:
    """The TOML reader's reason in plain words; a reason we do not know is kept as it is."""
    if any(quote in line for quote in _CURLY_QUOTES):
        return 'curly quotes (\u201c \u201d) are not quotes here: type straight quotes (")'
    for start, plain in _TOML_REASONS:
        if reason.startswith(start):
            return plain
    return reason


def _last_written_line(text: str) -> int | None:
    lines = text.split("\n")
    for number in range(len(lines), 0, -1):
        if lines[number - 1].strip():
            return number
    return None


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
    help: str = ""  # what the setting is for, from the schema


def settings_in_effect(config: ReportConfig) -> list[SettingInEffect]:
    """Every setting of the report as easyread uses it, and where it came from: the line of
    easyread.toml that sets it, or easyread's default. Every table of the schema lists all its
    settings; [lint] lists its declared settings as checked, then the rules' tables the file
    sets, as written (lint checks those)."""
    lines = config.lines or toml_lines(config.path)
    written = _written_keys(lines)
    shown: list[SettingInEffect] = []

    def source(key: str, table: str = "") -> str:
        where = (table, key) if table else (key,)
        if where not in written or config.path is None:
            return "default"
        return f"{config.path.name}:{toml_line(lines, key, [table] if table else [])}"

    for setting in TOP_LEVEL.settings:
        value = getattr(config, setting.name.replace("-", "_"))
        shown.append(SettingInEffect(setting.name, value, source(setting.name), setting.help))
    for setting in FIND_OUT_MORE.settings:
        value = getattr(config.find_out_more, setting.name)
        name = f"{FIND_OUT_MORE.name}.{setting.name}"
        shown.append(
            SettingInEffect(name, value, source(setting.name, FIND_OUT_MORE.name), setting.help)
        )
    for table in COMMAND_TABLES:
        if table == LINT.name:  # the rules' own tables are lint's, which knows the rules
            raw = config.tables.get(table) or {}
            checked = config.checked.get(table) or {}
            for setting in LINT.settings:
                value = checked.get(setting.name, raw.get(setting.name, setting.default))
                name = f"{table}.{setting.name}"
                shown.append(
                    SettingInEffect(name, value, source(setting.name, table), setting.help)
                )
            for key, value in raw.items():
                if key not in LINT.keys:
                    shown.extend(_rule_table_in_effect(config, key, value, lines))
            continue
        values = settings_of(config, table)
        for setting in SCHEMA_TABLES[table].settings:
            name = f"{table}.{setting.name}"
            value = values[setting.name]
            shown.append(SettingInEffect(name, value, source(setting.name, table), setting.help))
    return shown


def _rule_table_in_effect(
    config: ReportConfig, rule_id: str, written: Any, lines: list[str]
) -> list[SettingInEffect]:
    """Every setting of a rule's table the file sets ([lint.long-sentence]), as checked, with
    the line that sets it or "default"; as written when lint has not registered the table."""
    name = f"lint.{rule_id}"
    if name not in config.checked:
        line = toml_line(lines, rule_id, ["lint"])
        return [SettingInEffect(name, written, f"{_file_name(config)}:{line}")]
    schema, values = rule_tables()[rule_id], config.checked[name]
    shown = []
    for setting in schema.settings:
        where = "default"
        if setting.name in written:
            where = f"{_file_name(config)}:{toml_line(lines, setting.name, ['lint', rule_id])}"
        shown.append(
            SettingInEffect(f"{name}.{setting.name}", values[setting.name], where, setting.help)
        )
    return shown


def _file_name(config: ReportConfig) -> str:
    return config.path.name if config.path else CONFIG_NAME


def _written_keys(lines: list[str]) -> set[tuple[str, ...]]:
    """The keys the file sets, as (table, key) or (key,) for the top level."""
    try:
        data = tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError:
        return set()
    keys: set[tuple[str, ...]] = set()
    for key, value in data.items():
        keys.add((key,))
        if isinstance(value, dict):
            keys.update((key, inner) for inner in value)
    return keys
