"""The built-in glossaries: they load, hold no duplicates, and explain words in Easy Read."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from easyread.glossary import Entry, Glossary, builtin_files, load_glossary, read_glossary_file
from easyread.glossary.loader import GlossaryFile
from easyread.lint import lint_report
from easyread.lint.settings import LintSettings
from easyread.reader import read_stdin
from easyread.reader.sentences import count_words, split_sentences

# Rules that cannot apply to an explanation on the Words to know page.
NOT_FOR_EXPLANATIONS = {"missing-picture", "missing-alt", "acronym-unknown"}


@cache
def files() -> tuple[GlossaryFile, ...]:
    paths = builtin_files()
    if not paths:
        pytest.skip("the built-in glossary folder is empty")
    return tuple(read_glossary_file(path) for path in paths)


def all_entries() -> list[Entry]:
    return [entry for glossary in files() for entry in glossary.entries]


def test_every_file_loads_with_a_name_and_description() -> None:
    for glossary in files():
        assert glossary.entries, glossary.path
        assert glossary.description.strip(), glossary.path
        assert not glossary.disabled, f"{glossary.path}: built-in files do not switch words off"


def test_no_term_is_in_two_built_in_files() -> None:
    counts = Counter(entry.key for entry in all_entries())
    repeated = sorted(
        f"{entry.term} ({entry.where()})" for entry in all_entries() if counts[entry.key] > 1
    )
    assert not repeated, repeated


def test_no_form_is_claimed_by_two_entries() -> None:
    """A term or variant of one entry must not be a term or variant of another."""
    owner: dict[str, Entry] = {}
    clashes = []
    for entry in all_entries():
        for name in {entry.term.casefold(), *(variant.casefold() for variant in entry.variants)}:
            first = owner.setdefault(name, entry)
            if first is not entry and not (first.case_sensitive and entry.case_sensitive):
                clashes.append(f"{name}: {first.where()} and {entry.where()}")
    assert not clashes, clashes


def test_the_issue_targets_for_size() -> None:
    entries = all_entries()
    acronyms = [entry for entry in entries if entry.kind == "acronym"]
    assert len(entries) >= 400
    assert len(acronyms) >= 150
    assert all(entry.expansion for entry in acronyms)


def test_words_to_avoid_are_there() -> None:
    files()
    glossary = load_glossary()
    for word in ("deliver", "facilitate", "key", "robust", "tackle", "stakeholder", "leverage"):
        entry = glossary.lookup(word)
        assert entry is not None and entry.suggest, word


def test_plain_explanations_are_short() -> None:
    too_long = []
    for entry in all_entries():
        sentences = split_sentences(entry.plain)
        if len(sentences) > 2 or any(count_words(sentence) > 15 for sentence in sentences):
            too_long.append(f"{entry.where()} {entry.term}: {entry.plain}")
    assert not too_long, too_long


def explanation_problems(entry: Entry, glossary: Glossary) -> list[str]:
    report = read_stdin(f"# T\n\n{entry.plain}\n")
    settings = LintSettings(disabled=set(NOT_FOR_EXPLANATIONS))
    problems = []
    for finding in lint_report(report, settings):
        found = glossary.lookup(finding.text) or glossary.acronym(finding.text)
        if found is not None and found.key == entry.key:
            continue  # an explanation may use its own word
        problems.append(f"{entry.where()} {entry.term}: {finding.rule} '{finding.text}'")
    return problems


def test_every_plain_explanation_passes_the_linter() -> None:
    files()
    glossary = load_glossary()
    problems = []
    for entry in all_entries():
        problems += explanation_problems(entry, glossary)
    assert not problems, "\n".join(problems)
