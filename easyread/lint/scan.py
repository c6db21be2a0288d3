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
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

if TYPE_CHECKING:
    from easyread.lint.text import TextPiece

SEPARATOR = "\n"
# re.IGNORECASE also treats these as the ASCII letters i and s; str.lower() does not.
_IGNORECASE_TWINS = str.maketrans({"ı": "i", "ſ": "s"})


class PieceIndex:
    """The texts of all pieces joined by new lines, with each piece's start offset."""

    def __init__(self, pieces: Sequence[TextPiece]) -> None:
        self.pieces = pieces
        starts: list[int] = []
        offset = 0
        for piece in pieces:
            starts.append(offset)
            offset += len(piece.text) + 1
        self.starts = starts
        self.text = SEPARATOR.join(piece.text for piece in pieces)
        self._found: dict[object, list[TextPiece]] = {}
        self._lowered: str | None = None

    def _collect(self, spans: Iterable[tuple[int, int]]) -> list[TextPiece]:
        """Pieces touched by the (start, end) spans, which come in order of start."""
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
        pieces = self.pieces
        return [pieces[index] for index in indexes]

    def with_pattern(self, pattern: re.Pattern[str]) -> list[TextPiece]:
        """Pieces in which `pattern` may match, in reading order (see the module docstring)."""
        found = self._found.get(pattern)
        if found is None:
            found = self._collect(match.span() for match in pattern.finditer(self.text))
            self._found[pattern] = found
        return found

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
            found = self._collect(match.span() for match in lowered.finditer(text))
            self._found[lowered] = found
        return found

    def with_text(self, needle: str) -> list[TextPiece]:
        """Pieces that contain `needle` (plain text, case as written)."""
        key = ("text", needle)
        found = self._found.get(key)
        if found is None:
            found = self._collect(_occurrences(self.text, needle))
            self._found[key] = found
        return found

    def with_word_starts(self, words: frozenset[str]) -> list[TextPiece]:
        """Pieces where one of `words` (lower case, ASCII) begins a word, in any case.

        A superset of where `(?<![\\w-])(?:word|...)` with re.IGNORECASE can match; it uses an
        Aho-Corasick automaton, which is much faster than a long case-insensitive alternation.
        """
        key = ("words", words)
        found = self._found.get(key)
        if found is None:
            lowered = self._lower()
            if lowered is None:  # lower case changes the length: ask each piece
                found = [piece for piece in self.pieces if _has_word_start(piece.text, words)]
            else:
                found = self._collect(_word_starts(self.text, lowered, _automaton(words)))
            self._found[key] = found
        return found

    def union(self, *groups: list[TextPiece]) -> list[TextPiece]:
        """The pieces in any of the groups (each from this index), in reading order."""
        nonempty = [group for group in groups if group]
        if len(nonempty) <= 1:
            return nonempty[0] if nonempty else []
        wanted = {id(piece) for group in nonempty for piece in group}
        return [piece for piece in self.pieces if id(piece) in wanted]

    def _lower(self) -> str | None:
        if self._lowered is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):
                return None
            if not lowered.isascii():
                lowered = lowered.translate(_IGNORECASE_TWINS)
            self._lowered = lowered
        return self._lowered


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    at = text.find(needle)
    while at >= 0:
        yield at, at + len(needle)
        at = text.find(needle, at + 1)


_AUTOMATA: dict[frozenset[str], ahocorasick.Automaton] = {}


def _automaton(words: frozenset[str]) -> ahocorasick.Automaton:
    automaton = _AUTOMATA.get(words)
    if automaton is None:
        automaton = ahocorasick.Automaton()
        for word in words:
            automaton.add_word(word, len(word))
        automaton.make_automaton()
        _AUTOMATA[words] = automaton
    return automaton


def _word_starts(
    text: str, lowered: str, automaton: ahocorasick.Automaton
) -> Iterable[tuple[int, int]]:
    """Hits of the automaton in `lowered` that begin a word (`text` is the same, unlowered)."""
    hits: list[tuple[int, int]] = []
    for last, length in automaton.iter(lowered):
        start = last - length + 1
        if start > 0:
            before = text[start - 1]  # as `\\w` sees it: a letter, a digit or "_"
            if before.isalnum() or before == "_":
                continue
        hits.append((start, last + 1))
    hits.sort()
    return hits


def _has_word_start(text: str, words: frozenset[str]) -> bool:
    return _word_start_pattern(words).search(text) is not None


@lru_cache(maxsize=16)
def _word_start_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words))) + ")", re.I)
