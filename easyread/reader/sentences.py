"""Sentence and word splitting tuned for Easy Read text.

Short sentences count ("We met." is a sentence). We never split after common abbreviations
(e.g., i.e., etc., Dr, Mr, Mrs) or inside numbers (1.5, 10.30am).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    {
        "e.g.", "eg.", "i.e.", "ie.", "etc.", "dr.", "mr.", "mrs.", "ms.", "mx.", "st.", "no.",
        "vs.", "approx.", "prof.", "rev.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
        "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "tel.", "fig.", "cf.", "al.", "mt.",
        "a.m.", "p.m.", "u.k.", "ltd.", "inc.", "co.", "dept.", "govt.",
    }
)  # fmt: skip

# A sentence ends at ., ! or ?, possibly repeated, then any closing quotes or brackets and a
# footnote mark such as [3], then white space or the end of the text.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\[[0-9]{1,4}\])?(?=\s|$)")
_WORD = re.compile(r"\S+")
_HAS_WORD_CHAR = re.compile(r"[^\W_]", re.UNICODE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each sentence in `text`, white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if _ends_with_abbreviation(text, match.start(), match.group()):
            continue
        _append_span(text, start, end, spans)
        start = end
    _append_span(text, start, len(text), spans)
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and _HAS_WORD_CHAR.search(text, start, end):
        spans.append((start, end))
    elif start < end and spans:
        # Stray punctuation belongs to the sentence before it.
        spans[-1] = (spans[-1][0], end)


def _ends_with_abbreviation(text: str, dot_at: int, punctuation: str) -> bool:
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return False
    word = _word_ending_at(text, dot_at).lower().lstrip("(\"'‘“")
    if word == "no.":
        return _digit_follows(text, dot_at + 1)  # "No. 5" is a number; "No. All jabs" is not
    return word in ABBREVIATIONS


# How far back the word before a full stop is first looked for: words are shorter than this.
_WORD_WINDOW = 48


def _word_ending_at(text: str, at: int) -> str:
    """The run of characters that are not white space (str.isspace) ending with text[at]."""
    if at >= _WORD_WINDOW:
        window = text[at - _WORD_WINDOW : at + 1]
        parts = window.rsplit(None, 1)  # splits at the same white space as str.isspace
        if len(parts) == 2:
            return parts[1]
    word_start = at
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start : at + 1]


def _digit_follows(text: str, at: int) -> bool:
    while at < len(text) and text[at].isspace():
        at += 1
    return at < len(text) and text[at].isdigit()


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Words: white-space separated tokens holding a letter or digit (a-b is one word)."""
    for match in _WORD.finditer(text):
        if _HAS_WORD_CHAR.search(match.group()):
            yield match.start(), match.end()


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in word_spans(text)]


def count_words(text: str) -> int:
    return sum(1 for _ in word_spans(text))
