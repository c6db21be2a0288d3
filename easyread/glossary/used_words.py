"""Which glossary words a report uses, for the "Words to know" page the edition adds.

words_to_know lists the glossary words a report uses, so the build can explain them at the
back; bold_phrases finds the words an author made bold. Both only read the report.
"""

from __future__ import annotations

from collections.abc import Iterator

from easyread.glossary import Entry, Glossary
from easyread.model import Report, Run


def words_to_know(report: Report, glossary: Glossary) -> list[Entry]:
    """Glossary words used in the report's own sections, in alphabetical order, each once.

    Bold words that are glossary words come in first of all (they are the words the author
    marked as hard); then every other hard word, jargon word or acronym the text uses.
    Words inside inline code are not counted.
    """
    used: dict[str, Entry] = {}
    for runs in _body_run_lists(report):
        text = "".join(run.text for run in runs)
        for match in glossary.find(text):
            if match.entry.kind == "acronym" and match.text.islower():
                continue  # "send" is not the acronym SEND, even if the entry ignores case
            if not overlaps_code(runs, match.start, match.end):
                used.setdefault(match.entry.key, match.entry)
        for bold in bold_phrases(runs):
            entry = glossary.lookup(bold)
            if entry is not None:
                used.setdefault(entry.key, entry)
    return sorted(used.values(), key=lambda entry: (entry.term.casefold(), entry.term))


def _body_run_lists(report: Report) -> Iterator[list[Run]]:
    for section in report.sections:
        if section.role != "body":
            continue
        for heading in section.headings:
            yield heading.runs
        for point in section.points:
            for sentence in point.sentences:
                yield sentence.runs


def bold_phrases(runs: list[Run]) -> Iterator[str]:
    """The author's bold phrases in `runs`, with spaces tidied and end punctuation dropped."""
    phrase: list[str] = []
    for run in [*runs, Run("")]:
        if run.strong and not run.code and run.text:
            phrase.append(run.text)
            continue
        if phrase:
            yield " ".join("".join(phrase).split()).strip(" .,;:!?")
            phrase = []


def overlaps_code(runs: list[Run], start: int, end: int) -> bool:
    """True if text[start:end] of the runs touches inline code (code is never a word to know)."""
    offset = 0
    for run in runs:
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        if run.code and run_start < end and run_end > start:
            return True
    return False
