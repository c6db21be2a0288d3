"""The reader's shortcuts for sentences must give exactly what the slow, obvious way gives."""

from __future__ import annotations

import random
from pathlib import Path

from easyread.model import Run, Sentence, Source
from easyread.reader import markdown, sentences

PATH = Path("s.md")
BITS = [
    "We met", ".", " ", "  ", "e.g.", "(e.g.", '"i.e.', "No.", " 5", "etc.", "Dr.", "((((((e.g.",
    "a" * 60 + ".", "\u00a0", "\n", "!", "?", "…", "x", "ſt.", "İ.", "[3]", ")", "'", "1.5",
]  # fmt: skip


def obvious_spans(text: str) -> list[tuple[int, int]]:
    """sentence_spans with the word before each full stop found one character at a time."""

    def ends_with_abbreviation(dot_at: int, punctuation: str) -> bool:
        if not punctuation.startswith(".") or punctuation.startswith(".."):
            return False
        word_start = dot_at
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : dot_at + 1].lower().lstrip("(\"'‘“")
        if word == "no.":
            return sentences._digit_follows(text, dot_at + 1)
        return word in sentences.ABBREVIATIONS

    spans: list[tuple[int, int]] = []
    start = 0
    for match in sentences._END.finditer(text):
        if ends_with_abbreviation(match.start(), match.group()):
            continue
        sentences._append_span(text, start, match.end(), spans)
        start = match.end()
    sentences._append_span(text, start, len(text), spans)
    return spans


def obvious_split(runs: list[Run], fallback: Source) -> tuple[Sentence, ...]:
    """_split_sentences as it was written first: every piece a new slice of its run."""

    def cut(run: Run, start: int, end: int) -> Run:
        source = run.source
        if source is not None and start:
            source = Source(source.path, source.line, source.column + start)
        return Run(run.text[start:end], run.strong, run.emphasis, run.link, run.code, source)

    text = "".join(run.text for run in runs)
    starts, offset = [], 0
    for run in runs:
        starts.append(offset)
        offset += len(run.text)
    found: list[Sentence] = []
    for start, end in obvious_spans(text):
        pieces = [
            cut(run, max(start, at) - at, min(end, at + len(run.text)) - at)
            for run, at in zip(runs, starts, strict=True)
            if at < end and at + len(run.text) > start
        ]
        source = next((piece.source for piece in pieces if piece.source), fallback)
        found.append(Sentence(tuple(pieces), source))
    return tuple(found)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(BITS) for _ in range(rng.randint(0, 14)))


def test_sentence_spans_are_those_of_the_obvious_way() -> None:
    rng = random.Random(3)
    for _ in range(4000):
        text = _text(rng)
        assert sentences.sentence_spans(text) == obvious_spans(text), repr(text)


def test_split_sentences_gives_the_sentences_of_the_obvious_way() -> None:
    rng = random.Random(4)
    fallback = Source(PATH, 9, 9)
    for _ in range(3000):
        runs = []
        for number in range(rng.randint(1, 5)):
            text = _text(rng) or "x"
            source = None if rng.random() < 0.3 else Source(PATH, number + 1, rng.randint(1, 9))
            runs.append(Run(text, strong=rng.random() < 0.3, source=source))
        assert markdown._split_sentences(runs, fallback) == obvious_split(runs, fallback), runs


def test_a_long_run_without_spaces_is_found_where_the_pattern_finds_one() -> None:
    """_has_long_run looks only through every MAX_WORD_CHARS-th character: it must say yes
    exactly when the pattern that names the place finds a run."""
    limit = markdown.MAX_WORD_CHARS
    rng = random.Random(8)
    cases = ["", "a", "x" * limit, "x" * (limit + 1), " " + "x" * (limit + 1), "\u00a0" * 3]
    for _ in range(300):
        pieces = [
            rng.choice(["x" * rng.randint(1, limit + 2), " ", "\n", "\u00a0", "\u2003", ">"])
            for _ in range(rng.randint(1, 6))
        ]
        cases.append("".join(pieces))
    for text in cases:
        expected = markdown._LONG_WORD.search(text) is not None
        assert markdown._has_long_run(text) == expected, [len(part) for part in text.split()]
