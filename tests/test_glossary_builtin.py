"""The built-in glossaries: they load, hold no duplicates, and explain words in Easy Read."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from easyread.glossary import Entry, Glossary, builtin_files, load_glossary, read_glossary_file
from easyread.glossary.loader import GlossaryFile
from easyread.lint import lint_report
from easyread.lint.settings import LintSettings
from easyread.reader import read_report, read_stdin
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
    assert len(entries) >= 1500
    assert len(acronyms) >= 350
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


@pytest.mark.slow
def test_every_plain_explanation_passes_the_linter() -> None:
    files()
    glossary = load_glossary()
    problems = []
    for entry in all_entries():
        problems += explanation_problems(entry, glossary)
    assert not problems, "\n".join(problems)


# Plain sentences an Easy Read writer uses all the time, from every subject the built-in files
# cover. An entry that turns one of their words into jargon or a hard word cries wolf.
EVERYDAY_SENTENCES = """\
# Help with your care

You can ask the council for help at home.
Your social worker will talk to you about your care and support.
Some people live in a care home or with their family.
Tell someone you trust if you are worried.
You have the right to say no.
Ask for a review if things change.
You can talk to a doctor or a nurse about your mental health.
Some people stay in hospital for a short time.
We checked 20 care homes this year.
People told us they want better support and more choice.
You can get money from benefits to help pay your rent.
You can get help to find a job or a new home.
Your landlord must fix things that are broken.
Your teacher can help you at school or college.
The police can help you if someone hurts you.
You can go to court with a friend or a family member.
The judge decides what happens next.
Some people go to prison when they break the law.
The council has a meeting every month.
You can vote for your local councillor.
Your family can come to the meeting with you.
We want you to be safe and well.
You can make a plan with your worker.
"""


def test_everyday_words_are_not_jargon() -> None:
    if not builtin_files():
        pytest.skip("the built-in glossary folder is empty")
    report = read_stdin(EVERYDAY_SENTENCES)
    glossary_rules = {"jargon", "hard-word", "acronym-undefined", "acronym-unknown"}
    found = [
        f"{finding.rule} '{finding.text}'"
        for finding in lint_report(report)
        if finding.rule in glossary_rules
    ]
    assert not found, found


def test_the_sample_report_has_no_glossary_findings() -> None:
    """The sample is written in Easy Read: every hard word in it is bold and explained."""
    if not builtin_files():
        pytest.skip("the built-in glossary folder is empty")
    sample = Path(__file__).resolve().parents[1] / "samples" / "leder-annual-report"
    report = read_report(sample)
    found = [f"{finding.rule} '{finding.text}'" for finding in lint_report(report)]
    assert not found, found


def test_the_docs_give_the_real_counts_and_every_file() -> None:
    entries = all_entries()
    acronyms = sum(1 for entry in entries if entry.kind == "acronym")
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    docs = (root / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert f"{len(entries):,} entries ({acronyms:,} acronyms)" in readme
    assert f"{len(entries):,} entries, {acronyms:,} of them acronyms" in docs
    for glossary in files():
        assert f"| `{glossary.path.stem}` |" in docs, glossary.path.name
