"""easyread.toml under hypothesis: every key with every kind of value gives a config or one
ConfigError, never a crash; and what passes is something every writer can take.

These hold the settings schema (whatever form it takes) to the same behaviour.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.build import build
from easyread.config import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_FONT_SIZE,
    MAX_NAME_LENGTH,
    MIN_FONT_SIZE,
    SCHEMA,
    config_from_dict,
    settings_of,
)
from easyread.errors import HIDDEN, ConfigError, EasyReadError

KEYS = [
    "title", "subtitle", "organisation", "author", "date", "edition", "language", "page-size",
    "font-size", "sections", "outputs", "cover-picture", "cover-alt", "picture-credits", "note",
    "find-out-more",
]  # fmt: skip
FIND_OUT_MORE_KEYS = ["text", "website", "email", "phone", "address"]

texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=250, max_size=300),
    st.just("x" * 100_000),
    st.sampled_from(["", " ", "nan", "A4", "a5", "Letter", "en-GB", "pdf", "html", "\u202e", "\0"]),
)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([14, 16, 40, 41, 13.99]),
)
scalars = st.one_of(texts, numbers, st.booleans(), dates, st.datetimes(), st.times())
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.lists(texts, max_size=4),
    st.dictionaries(st.sampled_from(FIND_OUT_MORE_KEYS + ["x"]), scalars, max_size=3),
)
configs = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)

# Every table of easyread.toml: its declared keys (from the one schema), a key no table has,
# and for [lint] a few rules' own tables (whose keys come from the rule).
RULE_TABLES = ["long-sentence", "jargon", "acronym-undefined"]
TABLE_KEYS = {
    table.name: [*table.keys, "x"] + (RULE_TABLES if table.name == "lint" else [])
    for table in SCHEMA
    if table.name
}
RULE_KEYS = ["enabled", "severity", "max-words", "own-glossary-explains", "x"]


@st.composite
def whole_files(draw: st.DrawFn) -> dict:
    """A top level and any of the tables, each filled from its own keys with any values."""
    data = draw(configs)
    for name in draw(st.lists(st.sampled_from(sorted(TABLE_KEYS)), unique=True, max_size=4)):
        keys = TABLE_KEYS[name]
        table = draw(st.dictionaries(st.sampled_from(keys), values, max_size=4))
        if name == "lint":
            for rule in draw(st.lists(st.sampled_from(RULE_TABLES), unique=True, max_size=2)):
                table[rule] = draw(st.dictionaries(st.sampled_from(RULE_KEYS), scalars, max_size=3))
        data[name] = draw(st.one_of(st.just(table), scalars))
    return data


def _check_accepted(config) -> None:  # noqa: ANN001
    assert math.isfinite(config.font_size)
    assert MIN_FONT_SIZE <= config.font_size <= MAX_FONT_SIZE
    for name in ("title", "subtitle", "organisation", "author", "edition"):
        value = getattr(config, name)
        assert len(value) <= MAX_NAME_LENGTH and not HIDDEN.search(value), name
    if config.date is not None:
        assert FIRST_YEAR <= config.date.year <= LAST_YEAR
    assert config.page_width_mm > 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configs)
def test_any_setting_gives_a_config_or_one_config_error(data: dict) -> None:
    try:
        config = config_from_dict(data, path=Path("easyread.toml"))
    except ConfigError as error:
        line = error.one_line()
        assert "\n" not in line and len(line) < 600
        return
    _check_accepted(config)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole_files())
def test_every_table_gives_a_config_or_one_config_error(data: dict) -> None:
    """Every table is checked when the file is read: what passes, each command can use as it is
    (settings_of never refuses it later); lint's rule tables give settings or one error."""
    from easyread.lint.settings import load_settings

    try:
        config = config_from_dict(data, path=Path("easyread.toml"))
    except ConfigError as error:
        line = error.one_line()
        assert "\n" not in line and len(line) < 600
        return
    _check_accepted(config)
    size = settings_of(config, "review")["font-size"]  # None: the report's own size, larger
    assert size is None or MIN_FONT_SIZE <= size <= MAX_FONT_SIZE
    score = settings_of(config, "score")
    assert all(
        math.isfinite(value)
        for value in score.values()
        if isinstance(value, float) and not isinstance(value, bool)
    )
    glossary = settings_of(config, "glossary")
    assert all(isinstance(item, str) and item for item in glossary["files"])
    try:
        load_settings(config)
    except ConfigError as error:
        assert "\n" not in error.one_line()


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=300),
    organisation=st.text(max_size=300),
    date=dates,
    font=numbers,
)
def test_what_the_config_accepts_every_writer_can_write(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    organisation: str,
    date: dt.date,
    font: float,
) -> None:
    report = tmp_path_factory.mktemp("cfg")
    (report / "01-intro.md").write_text("# Intro\n\nWe help people.\n", encoding="utf-8")
    escape = lambda text: text.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
    lines = [
        f'title = "{escape(title)}"',
        f'organisation = "{escape(organisation)}"',
        f"date = {date.isoformat()}",
        f"font-size = {font!r}".replace("nan", "nan").replace("inf", "inf"),
    ]
    (report / "easyread.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        build(report, formats=["docx", "html"], run_checks=False, parallel=False)
    except EasyReadError as error:
        assert "\n" not in error.one_line()
