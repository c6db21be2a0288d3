"""Emphasis the edition may add, when the author asks for it with `[glossary] bold-first-use`.

Bold comes from the author. With `bold-first-use = true`, a glossary hard word is shown in bold
where the report first uses it, but only when the same sentence or the next one explains it
("Dysphagia means ..."): "About this document" tells readers that a bold word is explained
straight after it. A word the author made bold already counts as its first use.

The report itself is never changed. The edition gets its own copy of each body section whose
words it emphasises (sections, points and sentences without a change are shared), so lint and
score read the author's words and bold, and the writers read the edition's.
"""

from __future__ import annotations

import dataclasses

from easyread.glossary import Glossary, Match
from easyread.glossary.explanation import is_explained
from easyread.glossary.used_words import overlaps_code
from easyread.model import Point, Report, Run, Section, Sentence, Source


def emphasised_body(report: Report, glossary: Glossary) -> tuple[Section, ...]:
    """The body sections with each explained hard word bold at its first use."""
    done: set[str] = set()
    return tuple(_section(section, glossary, done) for section in report.sections)


def _section(section: Section, glossary: Glossary, done: set[str]) -> Section:
    if section.role != "body":
        return section
    blocks = [
        _point(block, glossary, done) if isinstance(block, Point) else block
        for block in section.blocks
    ]
    if all(new is old for new, old in zip(blocks, section.blocks, strict=True)):
        return section
    return dataclasses.replace(section, blocks=tuple(blocks))


def _point(point: Point, glossary: Glossary, done: set[str]) -> Point:
    sentences = list(point.sentences)
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        sentences[index] = _sentence(sentence, following, glossary, done)
    if all(new is old for new, old in zip(sentences, point.sentences, strict=True)):
        return point
    return dataclasses.replace(point, sentences=tuple(sentences))


def _sentence(sentence: Sentence, following: str, glossary: Glossary, done: set[str]) -> Sentence:
    text = sentence.text
    to_bold: list[Match] = []
    for match in glossary.find(text):
        entry = match.entry
        if entry.kind != "hard-word" or entry.key in done:
            continue
        if overlaps_code(sentence.runs, match.start, match.end):
            continue
        if _all_strong(sentence.runs, match.start, match.end):
            done.add(entry.key)  # the author made it bold
        elif is_explained(match.text, entry, text[match.end :], following):
            done.add(entry.key)
            to_bold.append(match)
    if not to_bold:
        return sentence
    runs = sentence.runs
    for match in to_bold:
        runs = embolden(runs, match.start, match.end)
    return Sentence(tuple(runs), sentence.source)


def _all_strong(runs: list[Run], start: int, end: int) -> bool:
    offset = 0
    for run in runs:
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        if run_start < end and run_end > start and not run.strong:
            return False
    return True


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
        note=run.note,
    )
