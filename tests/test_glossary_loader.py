"""Glossary files: errors that name the file and line, merging, disabling, settings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from easyread.config import load_config
from easyread.errors import ConfigError, EasyReadError
from easyread.glossary import (
    Entry,
    GlossaryError,
    load_glossary,
    merge,
    parse_glossary,
    read_glossary_file,
)

GOOD = """\
name: test
description: Words for tests.
entries:
  - term: deliver
    kind: jargon
    plain: To deliver is to give or do something.
    suggest: [give, do]
  - term: GP
    kind: acronym
    expansion: general practitioner
    plain: A GP is a doctor at your local surgery.
    case-sensitive: true
    variants: [GPs]
    picture: doctor
  - term: advocate
    kind: hard-word
    plain: An advocate helps you speak up.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> GlossaryError:
    path = write(tmp_path, "words.yaml", text)
    with pytest.raises(GlossaryError) as caught:
        read_glossary_file(path)
    error = caught.value
    assert error.path == path
    assert "words.yaml" in error.one_line()
    return error


def test_a_good_file_gives_entries_with_their_lines(tmp_path: Path) -> None:
    glossary = read_glossary_file(write(tmp_path, "words.yaml", GOOD))
    assert glossary.name == "test"
    assert [entry.term for entry in glossary.entries] == ["deliver", "GP", "advocate"]
    deliver, gp, advocate = glossary.entries
    assert (deliver.line, gp.line, advocate.line) == (4, 8, 15)
    assert deliver.suggest == ("give", "do")
    assert gp.case_sensitive and gp.variants == ("GPs",) and gp.picture == "doctor"
    assert gp.expansion == "general practitioner"
    assert advocate.kind == "hard-word" and advocate.suggest == ()


def test_unknown_key_names_line_and_guesses(tmp_path: Path) -> None:
    text = GOOD.replace("    suggest: [give, do]", "    sugest: [give, do]")
    error = error_for(tmp_path, text)
    assert error.line == 7
    assert "sugest" in error.message
    assert error.hint is not None and "suggest" in error.hint


def test_unknown_top_level_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, "name: x\nentrys: []\n")
    assert error.line == 2
    assert "entries" in (error.hint or "")


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    plain: An advocate helps you speak up.\n", "", 15, "plain"),
        ("    kind: hard-word\n", "", 15, "kind"),
        ("    expansion: general practitioner\n", "", 8, "expansion"),
        ("    suggest: [give, do]\n", "", 4, "suggest"),
        ("    kind: hard-word", "    kind: hardword", 16, "hard-word"),
        ("    case-sensitive: true", "    case-sensitive: maybe", 12, "true or false"),
        ("    suggest: [give, do]", "    suggest: {give: do}", 7, "list"),
        ("    plain: An advocate helps you speak up.", "    plain: [a, b]", 17, "text"),
        ("    plain: An advocate helps you speak up.", "    plain: ''", 17, "empty"),
    ],
)
def test_entry_errors_name_the_line(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    assert old in GOOD
    error = error_for(tmp_path, GOOD.replace(old, new))
    assert error.line == line
    assert words in error.one_line()


def test_entry_without_term(tmp_path: Path) -> None:
    error = error_for(tmp_path, "entries:\n  - kind: jargon\n    plain: x\n    suggest: [y]\n")
    assert error.line == 2
    assert "term" in error.message


def test_duplicate_terms_in_one_file(tmp_path: Path) -> None:
    text = GOOD + "  - term: Deliver\n    kind: jargon\n    plain: x.\n    suggest: [give]\n"
    error = error_for(tmp_path, text)
    assert error.line == 18
    assert "line 4" in error.message


def test_variant_that_repeats_another_term(tmp_path: Path) -> None:
    text = GOOD + "  - term: doctor\n    kind: hard-word\n    plain: x.\n    variants: [gp]\n"
    error = error_for(tmp_path, text)
    assert error.line == 18
    assert "'gp'" in error.message


def test_same_key_twice_in_an_entry(tmp_path: Path) -> None:
    text = GOOD.replace("    picture: doctor\n", "    picture: doctor\n    picture: nurse\n")
    error = error_for(tmp_path, text)
    assert error.line == 15
    assert "twice" in error.message


def test_case_sensitive_entries_may_differ_only_in_capitals(tmp_path: Path) -> None:
    text = """\
    entries:
      - term: CAT
        kind: acronym
        expansion: computerised axial tomography
        plain: A CAT scan takes pictures of the inside of your body.
        case-sensitive: true
      - term: Cat
        kind: hard-word
        plain: A name.
        case-sensitive: true
    """
    glossary = read_glossary_file(write(tmp_path, "words.yaml", text))
    assert [entry.term for entry in glossary.entries] == ["CAT", "Cat"]


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    error = error_for(tmp_path, "entries:\n  - term: a\n    plain: [unclosed\n")
    assert error.line is not None and error.line >= 3
    assert "YAML" in error.message


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    error = error_for(tmp_path, "\n")
    assert "empty" in error.message
    with pytest.raises(GlossaryError) as caught:
        read_glossary_file(tmp_path / "nothing.yaml")
    assert "does not exist" in caught.value.message


def test_glossary_error_is_an_easyread_error(tmp_path: Path) -> None:
    error = error_for(tmp_path, "- just a list\n")
    assert isinstance(error, EasyReadError)
    assert error.one_line().startswith(str(error.path.name)) or "words.yaml:1" in error.one_line()


def test_disable_only_needs_a_term(tmp_path: Path) -> None:
    glossary = parse_glossary("entries:\n  - term: GP\n    disable: true\n", tmp_path / "x.yaml")
    assert glossary.entries == []
    assert glossary.disabled == [("GP", 2)]


def entry(term: str, kind: str = "jargon", **kwargs) -> Entry:  # type: ignore[no-untyped-def]
    kwargs.setdefault("plain", f"About {term}.")
    if kind == "jargon":
        kwargs.setdefault("suggest", ("plainer",))
    if kind == "acronym":
        kwargs.setdefault("expansion", "words in full")
    return Entry(term=term, kind=kind, **kwargs)


def test_merge_replaces_same_term_and_disables(tmp_path: Path) -> None:
    builtin = parse_glossary(GOOD, tmp_path / "builtin.yaml")
    project_text = """\
    entries:
      - term: Deliver
        kind: jargon
        plain: Our own words.
        suggest: [bring]
      - term: GP
        disable: true
    """
    project = parse_glossary(textwrap.dedent(project_text), tmp_path / "ours.yaml")
    merged = {item.term: item for item in merge([builtin], [project])}
    assert set(merged) == {"Deliver", "advocate"}
    assert merged["Deliver"].suggest == ("bring",)
    assert merged["Deliver"].path == tmp_path / "ours.yaml"


def test_disabling_an_unknown_word_is_an_error_with_a_guess(tmp_path: Path) -> None:
    builtin = parse_glossary(GOOD, tmp_path / "builtin.yaml")
    project = parse_glossary(
        "entries:\n  - term: advocat\n    disable: true\n", tmp_path / "o.yaml"
    )
    with pytest.raises(GlossaryError) as caught:
        merge([builtin], [project])
    assert caught.value.line == 2
    assert "advocate" in (caught.value.hint or "")


def project(tmp_path: Path, settings: str, words: str = GOOD) -> Path:
    write(tmp_path, "words.yaml", words)
    return write(tmp_path, "easyread.toml", 'title = "T"\n\n[glossary]\n' + settings)


def test_load_glossary_reads_project_files_and_settings(tmp_path: Path) -> None:
    config = load_config(project(tmp_path, 'builtin = []\nfiles = ["words.yaml"]\n'))
    glossary = load_glossary(config)
    assert {item.term for item in glossary.entries} == {"deliver", "GP", "advocate"}
    config = load_config(
        project(tmp_path, 'builtin = []\nfiles = ["words.yaml"]\ndisable = ["gp"]\n')
    )
    assert {item.term for item in load_glossary(config).entries} == {"deliver", "advocate"}


def test_load_glossary_notices_edited_files(tmp_path: Path) -> None:
    config = load_config(project(tmp_path, 'builtin = []\nfiles = ["words.yaml"]\n'))
    assert len(load_glossary(config)) == 3
    write(tmp_path, "words.yaml", GOOD.split("  - term: GP")[0] + "\n")
    assert len(load_glossary(config)) == 1


@pytest.mark.parametrize(
    ("settings", "line", "words"),
    [
        ('builtin = []\nfile = ["words.yaml"]\n', 5, "files"),
        ('builtin = []\nfiles = "words.yaml"\ndisable = ["nothing"]\n', 6, "nothing"),
        ('builtin = ["helth"]\n', 4, "built-in glossary"),
        ("builtin = []\nfiles = [1]\n", 5, "list of text"),
    ],
)
def test_glossary_settings_errors(tmp_path: Path, settings: str, line: int, words: str) -> None:
    with pytest.raises((ConfigError, GlossaryError)) as caught:  # the schema's, when read
        load_glossary(load_config(project(tmp_path, settings)))
    assert caught.value.line == line
    assert words in caught.value.one_line()
    assert caught.value.path == tmp_path / "easyread.toml"


def test_missing_project_file_is_named(tmp_path: Path) -> None:
    config = load_config(project(tmp_path, 'builtin = []\nfiles = ["ours.yaml"]\n'))
    with pytest.raises(GlossaryError) as caught:
        load_glossary(config)
    assert caught.value.path == tmp_path / "ours.yaml"


def test_a_project_glossary_outside_the_report_folder_is_refused(tmp_path: Path) -> None:
    report = tmp_path / "report"
    report.mkdir()
    (tmp_path / "shared.yaml").write_text("name: shared\nentries: []\n", encoding="utf-8")
    (report / "easyread.toml").write_text(
        'title = "T"\n\n[glossary]\nfiles = ["../shared.yaml"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_glossary(load_config(report / "easyread.toml"))
    assert "outside the report folder" in caught.value.one_line()
    assert caught.value.line == 4
