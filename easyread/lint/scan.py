"""Find the few text pieces worth a rule's closer look, with one pass over the whole report.

Most rules look for something rare (a semicolon, a date, a Roman numeral). Asking every one of
~15,000 sentences in turn costs a Python call per sentence per rule; a regular expression run
once over all the texts joined together costs one C-level scan. `PieceIndex` joins the piece
texts with a new line between them and maps each hit back to its piece.

The result is a *superset*: every piece where `pattern.search(piece.text)` would match is
returned (rules then check those pieces exactly, as before). That holds for any pattern that
does not use `^`, `$` or `\\A`/`\\Z`, and whose negative look-arounds do not exclude a new line
(a new line between pieces then behaves like the start or end of the text). A match that
spans the new line only adds pieces, never loses one.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right, insort
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

if TYPE_CHECKING:
    from easyread.lint.text import TextPiece

SEPARATOR = "\n"
# re.IGNORECASE also treats these as the ASCII letters i and s; str.lower() does not.
_IGNORECASE_TWINS = str.maketrans({"ı": "i", "ſ": "s"})
# Every character that is not a letter or digit becomes a space (as in the glossary matcher).
_ASCII_NOT_WORD = {code: " " for code in range(128) if not chr(code).isalnum()}
_OTHER_NOT_WORD = re.compile(r"[^\w\x00-\x7f]|_")


class PieceIndex:
    """The texts of all pieces joined by new lines, with each piece's start offset."""

    def __init__(self, pieces: Sequence[TextPiece]) -> None:
        self.pieces = pieces
        starts = array("q")  # 8 bytes an offset, not an int object each
        offset = 0
        for piece in pieces:
            starts.append(offset)
            offset += len(piece.text) + 1
        self.starts = starts
        self.text = SEPARATOR.join([piece.text for piece in pieces])
        self._found: dict[object, list[int]] = {}
        self._lowered: str | None = None
        self._word_text: str | None = None
        self._distinct: frozenset[str] | None = None

    # -- queries: each gives the pieces, in reading order ----------------------------------

    def with_pattern(self, pattern: re.Pattern[str]) -> list[TextPiece]:
        """Pieces in which `pattern` may match (see the module docstring)."""
        return self._pieces(self._with_pattern(pattern))

    def with_lower_pattern(
        self, lowered: re.Pattern[str], fallback: re.Pattern[str]
    ) -> list[TextPiece]:
        """Pieces where `fallback` (a re.IGNORECASE pattern) may match, found by running
        `lowered` (the same pattern in lower case, without IGNORECASE: faster) over the
        lower-cased text. Uses `fallback` if lower case would change the text's length."""
        text = self._lower()
        if text is None:
            return self.with_pattern(fallback)
        found = self._found.get(lowered)
        if found is None:
            found = self._found[lowered] = self._spans_to_indexes(
                match.span() for match in lowered.finditer(text)
            )
        return self._pieces(found)

    def with_text(self, needle: str) -> list[TextPiece]:
        """Pieces that contain `needle` (plain text, case as written)."""
        return self._pieces(self._with_text(needle))

    def with_word_starts(self, words: frozenset[str]) -> list[TextPiece]:
        r"""Pieces where one of `words` (lower case, ASCII letters) begins a word, in any case.

        A superset of where `(?<![\w-])(?:word|...)` with re.IGNORECASE can match. An
        Aho-Corasick automaton of " word" runs over the text with every character that is not
        a letter or digit made a space: much faster than a case-insensitive alternation.
        """
        return self._pieces(self._with_word_starts(words))

    def with_any_of(
        self, patterns: Iterable[re.Pattern[str]] = (), word_starts: Iterable[frozenset[str]] = ()
    ) -> list[TextPiece]:
        """The pieces that with_pattern or with_word_starts would give for any of these."""
        groups = [self._with_pattern(pattern) for pattern in patterns]
        groups += [self._with_word_starts(words) for words in word_starts]
        nonempty = [group for group in groups if group]
        if len(nonempty) <= 1:
            return self._pieces(nonempty[0] if nonempty else [])
        return self._pieces(sorted(set().union(*nonempty)))

    def distinct_words(self) -> frozenset[str]:
        """Every different word of the text in lower case, split at every character that is
        not a letter or digit ("don't" gives "don" and "t"): one C-level split, no regex."""
        if self._distinct is None:
            text = self._words_only()
            if text is None:
                text = _OTHER_NOT_WORD.sub(" ", self.text.lower().translate(_ASCII_NOT_WORD))
            self._distinct = _distinct_words(text)
        return self._distinct

    # -- how ---------------------------------------------------------------------------------

    def _pieces(self, indexes: list[int]) -> list[TextPiece]:
        pieces = self.pieces
        return [pieces[index] for index in indexes]

    def _spans_to_indexes(self, spans: Iterable[tuple[int, int]]) -> list[int]:
        """Indexes of the pieces touched by the (start, end) spans, given in order of start."""
        starts = self.starts
        indexes: list[int] = []
        last = -1
        for start, end in spans:
            final = bisect_right(starts, max(start, end - 1)) - 1
            if final <= last:
                continue
            first = bisect_right(starts, start) - 1
            indexes.extend(range(max(first, last + 1), final + 1))
            last = final
        return indexes

    def _with_pattern(self, pattern: re.Pattern[str]) -> list[int]:
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = self._spans_to_indexes(
                match.span() for match in pattern.finditer(self.text)
            )
        return found

    def _with_text(self, needle: str) -> list[int]:
        key = ("text", needle)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._spans_to_indexes(_occurrences(self.text, needle))
        return found

    def _with_word_starts(self, words: frozenset[str]) -> list[int]:
        key = ("words", words)
        found = self._found.get(key)
        if found is None:
            text = self._words_only()
            if text is None:  # lower case changes the length: ask each piece
                pattern = _word_start_pattern(words)
                found = [i for i, piece in enumerate(self.pieces) if pattern.search(piece.text)]
            else:
                found = self._spans_to_indexes(_word_starts(text, _automaton(words)))
            self._found[key] = found
        return found

    def _lower(self) -> str | None:
        if self._lowered is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):
                return None
            if not lowered.isascii():
                lowered = lowered.translate(_IGNORECASE_TWINS)
            self._lowered = lowered
        return self._lowered

    def _words_only(self) -> str | None:
        """The lower-cased text with a space for every character that is not a letter or
        digit ("_" too), and one more space in front: offset i here is offset i - 1 there."""
        if self._word_text is None:
            lowered = self._lower()
            if lowered is None:
                return None
            flat = lowered.translate(_ASCII_NOT_WORD)
            if not flat.isascii():
                flat = _OTHER_NOT_WORD.sub(" ", flat)
            self._word_text = " " + flat
        return self._word_text


# The text is split this many characters at a time: split() of a whole million-word report
# made a million strings at once (60 MB) to keep a few thousand different ones.
_SPLIT_CHUNK = 1 << 18


def _distinct_words(text: str) -> frozenset[str]:
    """frozenset(text.split()) for a text of words and spaces, without the list of every
    word: the text is split a stretch at a time, each stretch ending at a space."""
    words: set[str] = set()
    start = 0
    while start < len(text):
        end = text.find(" ", start + _SPLIT_CHUNK)
        if end < 0:
            end = len(text)
        words.update(text[start:end].split())
        start = end
    return frozenset(words)


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    at = text.find(needle)
    while at >= 0:
        yield at, at + len(needle)
        at = text.find(needle, at + 1)


_AUTOMATA: dict[frozenset[str], ahocorasick.Automaton] = {}


def _automaton(words: frozenset[str]) -> ahocorasick.Automaton:
    """An automaton of " word" for each word: it only finds words where they begin."""
    automaton = _AUTOMATA.get(words)
    if automaton is None:
        automaton = ahocorasick.Automaton()
        for word in words:
            automaton.add_word(" " + word, len(word))
        automaton.make_automaton()
        _AUTOMATA[words] = automaton
    return automaton


def _word_starts(text: str, automaton: ahocorasick.Automaton) -> list[tuple[int, int]]:
    """(start, end) in the original text of each hit in `text` (see _words_only)."""
    hits = [(last - length, last) for last, length in automaton.iter(text)]
    hits.sort()
    return hits


@lru_cache(maxsize=16)
def _word_start_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words))) + ")", re.I)


class Spans:
    """Stretches of a text already taken, none overlapping another: asking whether a new
    stretch overlaps one of them costs a binary search, not a look at each (a sentence of many
    thousand numbers stays fast)."""

    __slots__ = ("_spans",)

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True if [start, end) overlaps a taken stretch (other_start < end and start <
        other_end). Kept in order of (start, end), only the last stretch starting at or before
        `start` and the first starting after it can: the others end before or start after."""
        spans = self._spans
        at = bisect_right(spans, (start, _AFTER_ANY_END))
        if at and start < spans[at - 1][1] and spans[at - 1][0] < end:
            return True
        return at < len(spans) and start < spans[at][1] and spans[at][0] < end

    def add(self, start: int, end: int) -> None:
        """Take [start, end), which must overlap no taken stretch."""
        insort(self._spans, (start, end))


_AFTER_ANY_END = float("inf")
