"""The "Words to know" page and bold first uses, for `easyread build`.

words_to_know lists the glossary words a report uses, so the build can explain them at the
back. bold_first_uses makes the first use of each hard word bold in the body, as Easy Read
asks, so readers know to look it up.
"""

from __future__ import annotations

from collections.abc import Iterator

from easyread.glossary import Entry, Glossary, Match
from easyread.model import Report, Run, Sentence, Source


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
            if not _overlaps_code(runs, match.start, match.end):
                used.setdefault(match.entry.key, match.entry)
        for bold in _bold_phrases(runs):
            entry = glossary.lookup(bold)
            if entry is not None:
                used.setdefault(entry.key, entry)
    return sorted(used.values(), key=lambda entry: (entry.term.casefold(), entry.term))


def bold_first_uses(report: Report, glossary: Glossary) -> None:
    """Make the first use of each hard word in the body bold (splitting runs as needed)."""
    done: set[str] = set()
    for section in report.sections:
        if section.role != "body":
            continue
        for point in section.points:
            for sentence in point.sentences:
                _bold_in_sentence(sentence, glossary, done)


def _bold_in_sentence(sentence: Sentence, glossary: Glossary, done: set[str]) -> None:
    text = sentence.text
    to_bold: list[Match] = []
    for match in glossary.find(text):
        entry = match.entry
        if entry.kind != "hard-word" or entry.key in done:
            continue
        if _overlaps_code(sentence.runs, match.start, match.end):
            continue
        done.add(entry.key)
        to_bold.append(match)
    for match in to_bold:
        sentence.runs = embolden(sentence.runs, match.start, match.end)


def embolden(runs: list[Run], start: int, end: int) -> list[Run]:
    """The runs with text[start:end] made bold; runs are split so positions stay exact."""
    result: list[Run] = []
    offset = 0
    for run in runs:
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        if run.strong or run_end <= start or run_start >= end:
            result.append(run)
            continue
        cuts = sorted({0, max(start, run_start) - run_start, min(end, run_end) - run_start})
        cuts.append(len(run.text))
        for left, right in zip(cuts, cuts[1:], strict=False):
            if left == right:
                continue
            inside = run_start + left >= start and run_start + right <= end
            result.append(_piece(run, left, right, strong=inside))
    return result


def _piece(run: Run, left: int, right: int, *, strong: bool) -> Run:
    source = run.source
    if source is not None and left:
        source = Source(source.path, source.line, source.column + left)
    return Run(
        run.text[left:right],
        strong=run.strong or strong,
        emphasis=run.emphasis,
        link=run.link,
        code=run.code,
        source=source,
    )


def _body_run_lists(report: Report) -> Iterator[list[Run]]:
    for section in report.sections:
        if section.role != "body":
            continue
        for heading in section.headings:
            yield heading.runs
        for point in section.points:
            for sentence in point.sentences:
                yield sentence.runs


def _bold_phrases(runs: list[Run]) -> Iterator[str]:
    phrase: list[str] = []
    for run in [*runs, Run("")]:
        if run.strong and not run.code and run.text:
            phrase.append(run.text)
            continue
        if phrase:
            yield " ".join("".join(phrase).split()).strip(" .,;:!?")
            phrase = []


def _overlaps_code(runs: list[Run], start: int, end: int) -> bool:
    offset = 0
    for run in runs:
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        if run.code and run_start < end and run_end > start:
            return True
    return False
