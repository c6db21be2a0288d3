"""The lint framework: text pieces and positions, settings, suppression, build summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.config import load_config
from easyread.errors import ConfigError
from easyread.lint import lint_report, load_settings, summary_for_build, text_pieces
from easyread.lint.rules import all_rules
from easyread.lint.settings import LintSettings
from easyread.reader import read_files, read_stdin


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pieces_keep_link_text_and_drop_targets_comments_and_file_names() -> None:
    markdown = (
        "# Title <!-- a; b -->\n\n"
        "![A red bus](pictures/semi;colon.png) See [our; page](https://x.org/a;b).\n\n"
        "<!-- hidden; text -->\n\n"
        "## Sub heading\n"
    )
    pieces = list(text_pieces(read_stdin(markdown)))
    assert [(p.kind, p.text) for p in pieces] == [
        ("heading", "Title"),
        ("alt", "A red bus"),
        ("sentence", "See our; page."),
        ("heading", "Sub heading"),
    ]
    settings = LintSettings(disabled={"missing-picture", "picture-file"})
    found = lint_report(read_stdin(markdown), settings)
    assert [(f.rule, f.line, f.column) for f in found] == [("semicolon", 3, 47)]


def test_positions_across_soft_breaks_bold_links_and_escapes() -> None:
    markdown = "# T\n\nWe went **there**; then\n  [we](u) saw 25\\% &amp; it; ok.\n"
    lines = markdown.split("\n")
    found = lint_report(read_stdin(markdown), LintSettings(disabled={"missing-picture"}))
    spots = [(f.rule, f.text, f.line, f.column, f.end_column) for f in found]
    assert ("semicolon", ";", 3, 18, 19) in spots
    assert ("semicolon", ";", 4, 28, 29) in spots
    percent = next(f for f in found if f.rule == "percentage")
    assert (percent.line, percent.column, percent.end_column) == (4, 15, 19)
    assert lines[3][percent.column - 1 : percent.end_column - 1] == "25\\%"


def test_heading_position_and_alt_position() -> None:
    markdown = "#   Part II\n\n![Part IV of it](p.png) Fine.\n"
    found = lint_report(read_stdin(markdown), LintSettings())
    roman = [(f.line, f.column, f.text) for f in found if f.rule == "roman-numeral"]
    assert roman == [(1, 10, "II"), (3, 8, "IV")]


def test_settings_from_toml(tmp_path: Path) -> None:
    toml = write(
        tmp_path,
        "easyread.toml",
        'title = "T"\n\n[lint]\ndisable = ["semicolon"]\nfail-on = "error"\n'
        'accept = ["Part II"]\nacronym-scope = "section"\n\n'
        '[lint.long-sentence]\nmax-words = 5\nseverity = "error"\n\n'
        "[lint.emphasis]\nenabled = false\n",
    )
    settings = load_settings(load_config(toml))
    assert settings.disabled == {"semicolon", "emphasis"}
    assert settings.fail_on == "error" and settings.acronym_scope == "section"
    assert settings.options["long-sentence"] == {"max-words": 5}
    section = write(tmp_path, "01.md", "# T\n\nWe *went* there; and then we left. Read Part II.\n")
    report = read_files([section])
    found = lint_report(report)
    rules = {f.rule: f for f in found}
    assert "semicolon" not in rules and "emphasis" not in rules and "roman-numeral" in rules
    assert rules["long-sentence"].severity == "error"
    accepted = lint_report(read_files([write(tmp_path, "02.md", "# T\n\nSee Part\nII.\n")]))
    assert "roman-numeral" in {f.rule for f in accepted}  # accept matches the exact text only
    assert [f for f in found if f.text == "Part II"] == []


@pytest.mark.parametrize(
    ("table", "message", "line"),
    [
        ('[lint]\ndisabel = ["semicolon"]\n', "did you mean 'disable'", 4),
        ('[lint]\ndisable = ["semicolons"]\n', "did you mean 'semicolon'", 4),
        ("[lint.long-sentence]\nmax-word = 20\n", "did you mean 'max-words'", 4),
        ('[lint.long-sentence]\nmax-words = "many"\n', "must be a number", 4),
        ('[lint]\nfail-on = "sometimes"\n', "use one of", 4),
        ("[lint.long-sentense]\nmax-words = 20\n", "did you mean 'long-sentence'", 3),
    ],
)
def test_setting_errors_name_the_line(tmp_path: Path, table: str, message: str, line: int) -> None:
    toml = write(tmp_path, "easyread.toml", f'title = "T"\n\n{table}')
    with pytest.raises(ConfigError) as caught:
        load_settings(load_config(toml))
    assert message.lower() in caught.value.one_line().lower()
    assert caught.value.line == line and caught.value.path == toml


def test_suppression_comments() -> None:
    markdown = (
        "# T\n\n"
        "<!-- easyread-disable semicolon -->\n\n"
        "A; b.\n\n"
        "<!-- easyread-enable semicolon -->\n\n"
        "C; d.\n\n"
        "<!-- easyread-disable-next-line semicolon -->\n"
        "E; f.\n\n"
        "G; h.\n\n"
        "<!-- easyread-disable -->\n\n"
        "I; j and Part II.\n"
    )
    found = lint_report(read_stdin(markdown), LintSettings(disabled={"missing-picture"}))
    assert [(f.rule, f.line) for f in found] == [("semicolon", 9), ("semicolon", 14)]


def test_disable_next_line_only_covers_that_line() -> None:
    markdown = (
        "# T\n\n<!-- easyread-disable-next-line semicolon roman-numeral -->\nA; Part II.\nB; c.\n"
    )
    found = lint_report(read_stdin(markdown), LintSettings(disabled={"missing-picture"}))
    assert [(f.rule, f.line) for f in found] == [("semicolon", 5)]


def test_summary_for_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from easyread.pictograms.records import PictureRecord, add_record

    monkeypatch.chdir(tmp_path)  # loose files without easyread.toml: the report folder
    (tmp_path / "pictures").mkdir()
    Image.new("RGB", (600, 300)).save(tmp_path / "pictures" / "a.png")
    add_record(tmp_path, PictureRecord("a.png", source="Our own drawing", licence="CC0"))
    section = write(tmp_path, "01.md", "# T\n\n![](pictures/b.png) We met; we left.\n")
    findings, line = summary_for_build(read_files([section]))
    assert {f.rule for f in findings} >= {"missing-alt", "semicolon", "picture-file"}
    assert line.startswith("Lint: 2 errors, ") and line.endswith("Run 'easyread lint' to see them.")
    clean = write(tmp_path, "02.md", "# T\n\n![A cat](pictures/a.png) We met.\n")
    assert summary_for_build(read_files([clean]))[1] == "Lint: no problems found."


def test_registry_finds_every_rule_module() -> None:
    package = Path(__file__).resolve().parents[1] / "easyread" / "lint" / "rules"
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("_")} - {"base"}
    found_modules = {rule.__module__.rsplit(".", 1)[1] for rule in all_rules().values()}
    assert found_modules == modules
