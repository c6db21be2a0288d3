"""easyread.toml problems point at the line of the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.config import load_config
from easyread.errors import ConfigError


@pytest.mark.parametrize(
    ("toml", "line", "fragment"),
    [
        ('title = "A"\nnote = "Ring \\u0007 now"\n', 2, "control character (U+0007)"),
        ('title = "A"\n\n[find-out-more]\ntext = ["ok", "bad \\u001b"]\n', 4, "U+001B"),
        ('title = "A"\ndate = "30 June"\n', 2, "not a date"),
        ('title = "A"\nlanguage = "English"\n', 2, "not a language tag"),
        ('title = "A"\npage-size = "A3"\n', 2, "page size 'A3'"),
        ('title = "A"\nfind-out-more = "x"\n', 2, "must be a table"),
        ('title = "A"\n[lint]\nx = 1\n[lnit]\n', 4, "did you mean 'lint'"),
        ('title = ""\n', 1, "title is empty"),
    ],
)
def test_a_bad_setting_names_its_line(tmp_path: Path, toml: str, line: int, fragment: str) -> None:
    path = tmp_path / "easyread.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.line == line, caught.value.one_line()
    assert fragment.lower() in caught.value.one_line().lower()
    assert caught.value.hint


def test_an_unknown_output_in_easyread_toml_names_its_line(report_copy: Path) -> None:
    """Which outputs exist is the writers' business, so the build checks `outputs`."""
    from easyread.build import build

    config = report_copy / "easyread.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('"docx", "html"]', '"odt", "html"]'), encoding="utf-8")
    line = text.split("\n").index('outputs = ["pdf", "docx", "html"]') + 1
    with pytest.raises(ConfigError) as caught:
        build(report_copy, out_dir=report_copy / "out")
    assert caught.value.line == line, caught.value.one_line()
    assert "'odt' is not an output" in caught.value.one_line()
    assert "pdf, docx or html" in (caught.value.hint or "")


@pytest.mark.parametrize(
    ("toml", "line", "plain"),
    [
        (
            'title = "Our report\nsubtitle = "x"\n',
            1,
            'a text is not closed: it needs a " at its end',
        ),
        ('title = "Our report', 1, 'a text is not closed: it needs a " at its end'),
        ("title = 'Our report\n", 1, "a text is not closed: it needs a ' at its end"),
        ('title "Our report"\n', 1, "a setting needs '=' between its name and its value"),
        ('page size = "A4"\n', 1, "a setting needs '=' between its name and its value"),
        ("title = Our report\n", 1, "not text in quotes, a number, true, false or a list"),
        ("title = \u201cOur report\u201d\n", 1, "curly quotes"),
        ('title = "A"\ntitle = "B"\n', 2, "this setting is written twice"),
        ('[find-out-more]\nemail = "a@b.org"\n[find-out-more]\n', 3, "table is written twice"),
        ('title = "A"\noutputs = ["pdf", "docx"\n\n', 2, "a list is not closed"),
        ("[find-out-more\n", 1, "a table name needs a ] at its end"),
        ('title = "A" report\n', 1, "more words after the value"),
    ],
)
def test_broken_toml_is_said_in_plain_words(
    tmp_path: Path, toml: str, line: int, plain: str
) -> None:
    """Never the TOML reader's own words ('Illegal character', 'Invalid value', 'array')."""
    path = tmp_path / "easyread.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    said = caught.value.one_line()
    assert caught.value.line == line, said
    assert said.startswith(f"{path}:{line}") or f"easyread.toml:{line}" in said, said
    assert plain.lower() in said.lower(), said
    for jargon in ("Illegal character", "Invalid value", "array", "Unterminated", "declare"):
        assert jargon not in said, said
