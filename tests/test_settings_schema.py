"""The settings schema: every table it declares is checked by the one checker, with the same
rules everywhere (types, limits, no NaN or infinity, every text length-limited, the line of the
setting named), and `easyread config` shows what it declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.config import (
    FIND_OUT_MORE,
    SCHEMA,
    SCHEMA_TABLES,
    TEXT,
    TEXTS,
    TOP_LEVEL,
    load_config,
    settings_in_effect,
    settings_of,
)
from easyread.errors import ConfigError


def test_every_setting_says_what_it_is_for_and_texts_are_limited() -> None:
    for table in SCHEMA:
        assert table.help, table.name
        assert len(set(table.keys)) == len(table.keys), table.name
        for setting in table.settings:
            assert setting.help.strip(), f"{table.name}.{setting.name}"
            if setting.kind in (TEXT, TEXTS):
                assert 0 < setting.max_length <= 5_000, f"{table.name}.{setting.name}"


def _config(tmp_path: Path, body: str):  # noqa: ANN202
    path = tmp_path / "easyread.toml"
    path.write_text('title = "T"\n\n' + body, encoding="utf-8")
    return load_config(path)


@pytest.mark.parametrize(
    ("table", "body", "fragment"),
    [
        ("score", "[score]\ngrade = nan\n", "'grade' in [score] must be a number such as 5"),
        ("score", "[score]\nfog = inf\n", "must be a number such as 8"),
        ("score", "[score]\nhardest = true\n", "whole number of 1 or more"),
        ("score", '[score]\nfail-scope = "chapter"\n', "fail-scope 'chapter' is not known"),
        ("score", "[score]\nsmgo = 9\n", "did you mean 'smog'"),
        ("review", "[review]\nfont-size = nan\n", "must be a number such as 18"),
        ("review", "[review]\nfont-size = 9\n", "'font-size' in [review] cannot be 9"),
        ("review", "[review]\nfont-size = 41\n", "use 14 to 40"),
        ("glossary", '[glossary]\nfiles = ["\\u202e.yaml"]\n', "'files' in [glossary] holds"),
        ("glossary", f'[glossary]\ndisable = ["{"x" * 256}"]\n', "256 characters long"),
        ("glossary", '[glossary]\nbold-first-use = "yes"\n', "must be true or false"),
        ("glossary", "[glossary]\nfile = []\n", "did you mean 'files'"),
    ],
)
def test_a_bad_table_setting_names_its_line_when_the_file_is_read(
    tmp_path: Path, table: str, body: str, fragment: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        _config(tmp_path, body)
    assert f"[{table}]" in body
    assert caught.value.line == 4, caught.value.one_line()
    assert fragment.lower() in caught.value.one_line().lower()
    assert caught.value.hint


def test_find_out_more_is_checked_by_the_same_rules(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        _config(tmp_path, f'[find-out-more]\nphone = "{"1" * 101}"\n')
    assert caught.value.line == 4
    assert "'phone' in [find-out-more] is 101 characters long" in caught.value.one_line()


def test_a_table_left_out_gives_the_schema_defaults(tmp_path: Path) -> None:
    config = _config(tmp_path, "[score]\nfog = 8\n")
    values = settings_of(config, "score")
    assert values["fog"] == 8.0
    for setting in SCHEMA_TABLES["score"].settings:
        if setting.name != "fog":
            assert values[setting.name] == setting.default


def test_easyread_config_shows_every_declared_setting_with_its_help(tmp_path: Path) -> None:
    config = _config(tmp_path, '[review]\nfont-size = 20\n\n[lint]\naccept = ["x"]\n')
    shown = {item.name: item for item in settings_in_effect(config)}
    declared = [setting.name for setting in TOP_LEVEL.settings]
    declared += [f"{FIND_OUT_MORE.name}.{setting.name}" for setting in FIND_OUT_MORE.settings]
    for name, table in SCHEMA_TABLES.items():
        declared += [f"{name}.{setting.name}" for setting in table.settings]
    assert set(declared) <= set(shown)
    assert all(shown[name].help for name in declared)
    assert (shown["review.font-size"].value, shown["review.font-size"].source) == (
        20.0,
        "easyread.toml:4",
    )
    assert shown["lint.accept"].source == "easyread.toml:7"


def test_lint_schema_matches_the_lint_severities() -> None:
    from easyread.lint.findings import SEVERITIES
    from easyread.lint.settings import FAIL_LEVELS

    assert (*SEVERITIES, "never") == FAIL_LEVELS


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("[lint]\nfail-on = nan\n", 4, "'fail-on' in [lint] must be text"),
        (f'[lint]\naccept = ["{"x" * 5_001}"]\n', 4, "5,001 characters long"),
        ("[lint.long-sentence]\nmax-words = inf\n", 4, "must be a number such as 15"),
        ('[lint.long-sentence]\nseverity = "loud"\n', 4, "severity 'loud' is not known"),
        ("[lint.long-sentence]\nenabled = 1\n", 4, "must be true or false"),
    ],
)
def test_lint_settings_use_the_one_checker(
    tmp_path: Path, body: str, line: int, fragment: str
) -> None:
    from easyread.lint.settings import load_settings

    with pytest.raises(ConfigError) as caught:
        load_settings(_config(tmp_path, body))
    assert caught.value.line == line, caught.value.one_line()
    assert fragment.lower() in caught.value.one_line().lower()


def test_a_whole_number_option_stays_whole(tmp_path: Path) -> None:
    from easyread.lint.settings import load_settings

    settings = load_settings(_config(tmp_path, "[lint.long-sentence]\nmax-words = 20\n"))
    assert settings.options["long-sentence"] == {"max-words": 20}
    assert isinstance(settings.options["long-sentence"]["max-words"], int)


@pytest.mark.parametrize(
    "body",
    ["[score]\nfog = nan\n", "[review]\nfont-size = 9\n", '[lint]\nfail-on = "sometimes"\n'],
)
def test_a_mistake_in_any_table_stops_every_command_at_its_line(
    tmp_path: Path, body: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every table is checked once when easyread.toml is read, so 'easyread lint' stops at a
    mistake in [score] as 'easyread score' does (before, each command checked only its own)."""
    from easyread.cli import main

    (tmp_path / "easyread.toml").write_text('title = "T"\n\n' + body, encoding="utf-8")
    (tmp_path / "01-intro.md").write_text("# Intro\n\nWe help people.\n", encoding="utf-8")
    for command in ("lint", "score", "config"):
        assert main([command, str(tmp_path)]) == 2
        error = capsys.readouterr().err
        assert "easyread.toml:4" in error and "\n" not in error.strip(), error


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('title = "  "\n', "the title is empty"),
        ('title = "T"\nlanguage = "english please"\n', "'english please' is not a language tag"),
    ],
)
def test_empty_title_and_language_tag_are_schema_checks(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "easyread.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in caught.value.message
    assert caught.value.line == body.count("\n")
    title, language = TOP_LEVEL.setting("title"), TOP_LEVEL.setting("language")
    assert title.if_empty[0] == "the title is empty" and language.pattern


def test_easyread_config_shows_lint_settings_as_checked(tmp_path: Path) -> None:
    config = _config(tmp_path, '[lint]\nfail-on = "ERROR"\naccept = [" x ", ""]\n')
    shown = {item.name: item for item in settings_in_effect(config)}
    assert shown["lint.fail-on"].value == "error"  # the choice as easyread uses it
    assert shown["lint.accept"].value == ["x"]
    assert shown["lint.fail-on"].source == "easyread.toml:4"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[lint.long-sentence]\nmax-words = "twenty"\n',
            "'max-words' in [lint.long-sentence] must be a number. Write it without quotes: "
            "max-words = 15.",
        ),
        (
            "[lint.long-sentence]\nmax-words = 0\n",
            "'max-words' in [lint.long-sentence] cannot be 0. Use 1 to 100.",
        ),
        (
            "[lint.long-sentence]\nmax-word = 20\n",
            "unknown setting 'max-word' in [lint.long-sentence]. Did you mean 'max-words'?",
        ),
        ("[lint]\nlong-sentense = 3\n", "unknown setting 'long-sentense' in [lint]. Did you"),
        ('[lint]\ndisable = ["semicolom"]\n', "there is no lint rule called 'semicolom'"),
    ],
)
def test_a_mistake_in_a_rule_table_stops_every_command_when_the_file_is_read(
    tmp_path: Path, body: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lint registers its rules' tables with the schema, so [lint.<rule>] is checked with the
    rest of easyread.toml: 'easyread score' and 'easyread build' stop at it like lint does."""
    from easyread.cli import main

    (tmp_path / "easyread.toml").write_text('title = "T"\n\n' + body, encoding="utf-8")
    (tmp_path / "01-intro.md").write_text("# Intro\n\nWe help people.\n", encoding="utf-8")
    for command in ("score", "build", "lint", "config"):
        assert main([command, str(tmp_path)]) == 2, command
        error = capsys.readouterr().err.strip()
        assert error.startswith(f"easyread: {tmp_path / 'easyread.toml'}:4: "), error
        assert message.lower() in error.lower() and "\n" not in error, error
    assert not (tmp_path / "out").exists()


def test_rule_tables_are_checked_when_the_file_is_read(tmp_path: Path) -> None:
    import easyread.lint  # noqa: F401  (registers the rules' tables)
    from easyread.config import rule_tables

    assert "long-sentence" in rule_tables()
    config = _config(tmp_path, "[lint.long-sentence]\nmax-words = 12\n")
    assert config.checked["lint.long-sentence"]["max-words"] == 12
    with pytest.raises(ConfigError) as caught:
        _config(tmp_path, "[lint.picture-reuse]\ncommon-share = 1.5\n")
    assert caught.value.line == 4
    assert "'common-share' in [lint.picture-reuse] cannot be 1.5" in caught.value.one_line()


def test_easyread_config_shows_rule_tables_with_their_sources(tmp_path: Path) -> None:
    import easyread.lint  # noqa: F401  (registers the rules' tables)

    config = _config(tmp_path, '[lint.long-sentence]\nseverity = "ERROR"\nmax-words = 12\n')
    shown = {item.name: item for item in settings_in_effect(config)}
    assert shown["lint.long-sentence.max-words"].value == 12
    assert isinstance(shown["lint.long-sentence.max-words"].value, int)
    assert shown["lint.long-sentence.max-words"].source == "easyread.toml:5"
    assert shown["lint.long-sentence.severity"].value == "error"
    assert shown["lint.long-sentence.severity"].source == "easyread.toml:4"
    assert shown["lint.long-sentence.enabled"].source == "default"
    assert shown["lint.long-sentence.max-words"].help == "the most words a sentence may have"


def test_every_rule_option_declares_what_values_it_may_have() -> None:
    """A rule's number options have limits around their default and its text options with a
    fixed set of values have choices, so easyread.toml is refused outside them at load."""
    from easyread.config import BOOL, NUMBER
    from easyread.lint.rules import all_rules
    from easyread.lint.settings import rule_schema

    for rule_id, rule in all_rules().items():
        for setting in rule_schema(rule).settings:
            where = f"[lint.{rule_id}] {setting.name}"
            assert setting.help.strip(), where
            if setting.kind == NUMBER:
                assert setting.low is not None and setting.high is not None, where
                assert setting.low <= setting.default <= setting.high, where
            elif setting.kind not in (BOOL, TEXTS):
                assert not setting.choices or setting.default in setting.choices, where
    order = rule_schema(all_rules()["date-format"]).setting("order")
    assert order.choices == ("dmy", "mdy")


def test_a_rule_text_option_outside_its_choices_is_refused(tmp_path: Path) -> None:
    import easyread.lint  # noqa: F401  (registers the rules' tables)

    assert (
        _config(tmp_path, '[lint.date-format]\norder = "MDY"\n').checked["lint.date-format"][
            "order"
        ]
        == "mdy"
    )
    with pytest.raises(ConfigError) as caught:
        _config(tmp_path, '[lint.date-format]\norder = "ymd"\n')
    assert caught.value.line == 4
    assert "'ymd' is not known" in caught.value.message and "dmy or mdy" in caught.value.hint
