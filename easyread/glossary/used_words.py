"""Which glossary words a report uses, for the "Words to know" page the edition adds.

words_to_know lists the glossary words a report makes bold or its author asked for, so the
build can explain them at the back; bold_phrases finds the words an author made bold. Both only
read the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from easyread.glossary import Entry, Glossary
from easyread.model import Report, Run, Section


def words_to_know(
    report: Report,
    glossary: Glossary,
    sections: list[Section] | None = None,
    asked: Iterable[Entry] = (),
) -> list[Entry]:
    """The glossary words for the Words to know page, in alphabetical order, each once.

    A glossary word is on the page when the text makes it bold (`sections`: the report's
    sections as the edition shows them, by default as written) or when the author asked for it
    (`asked`, from `[glossary] words-to-know`). A glossary word the text only uses is not: lint
    says where a hard word needs bold and an explanation, and jargon should go, not be listed.
    """
    used: dict[str, Entry] = {}
    for runs in _body_run_lists(report.sections if sections is None else sections):
        for bold in bold_phrases(runs):
            entry = glossary.lookup(bold)
            if entry is None or (entry.kind == "acronym" and bold.islower()):
                continue  # "send" is not the acronym SEND, even if the entry ignores case
            used.setdefault(entry.key, entry)
    for entry in asked:
        used.setdefault(entry.key, entry)
    return sorted(used.values(), key=lambda entry: (entry.term.casefold(), entry.term))


def _body_run_lists(sections: list[Section]) -> Iterator[list[Run]]:
    for section in sections:
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
