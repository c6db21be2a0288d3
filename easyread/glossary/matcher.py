"""Find every glossary term in a text in one pass, whatever the size of the glossary.

How it works:
1. The text is normalised: every character that is not a letter or digit becomes a space
   ("ICB's" -> "ICB s"), each run of white space becomes one space ("care\n  plan" ->
   "care plan"), and a space is put at both ends. A translate table does the first step at C
   speed; an offset map (only white-space runs shift offsets) takes positions back.
2. Every form of every term is normalised the same way and stored as " form " in an
   Aho-Corasick automaton (pyahocorasick), built once per glossary. Because each key starts
   and ends with a space, the automaton only ever reports whole words: "key" is never found
   inside "keyboard", and the number of hits does not grow with the size of the glossary.
3. Each hit is checked against the original text (the punctuation must be the same: "A&E" is
   not "A-E", and "key-worker" is not the word "key"), then the leftmost-longest hits that do
   not overlap are kept.
Case-insensitive forms are looked for in a lower-cased copy, case-sensitive forms in the
original text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

import ahocorasick

from easyread.glossary.entry import Entry, Match

# Text is normalised with a translate table for ASCII (fast) and a regex for the rest.
_ASCII_NOT_WORD = {code: " " for code in range(128) if not chr(code).isalnum()}
_OTHER_NOT_WORD = re.compile(r"[^\w\x00-\x7f]|_")
_SPACE_RUN = re.compile(r"\s{2,}")
# Characters that join words: a term next to one of these is part of a longer word.
_JOINERS = frozenset("-‐‑'’&")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


def normalise_key(form: str) -> str:
    """The automaton key of a form, normalised exactly like the text, with spaces at both ends.

    canonical() leaves no run of white space, so this is what _Normalised makes of it, without
    the offset map (a glossary of 5,000 terms has some 40,000 forms)."""
    return _key_of_canonical(canonical(form))


def _key_of_canonical(text: str) -> str:
    flat = text.translate(_ASCII_NOT_WORD)
    if not text.isascii():
        flat = _OTHER_NOT_WORD.sub(" ", flat)
    return f" {flat} "


def canonical(text: str) -> str:
    """A form as compared after a hit: curly quotes straight, white space collapsed."""
    return " ".join(text.translate(_QUOTES).split())


# The answer for a text with no glossary term in it. Never changed: answers are read-only.
NO_MATCHES: list[Match] = []


@dataclass(slots=True)
class _Key:
    """What one automaton key stands for: the forms (exact punctuation) and their entries."""

    forms: dict[str, Entry]
    length: int


class _Automaton:
    def __init__(self, forms: dict[str, Entry], fold: bool) -> None:
        self.fold = fold
        grouped: dict[str, dict[str, Entry]] = {}
        for form, entry in forms.items():
            # Forms are canonical (Glossary._add makes them so; a hit is compared with its
            # canonical text, so no other form could ever be found): no canonical() again.
            key = _key_of_canonical(form)
            if key.strip():
                grouped.setdefault(key, {})[form] = entry
        self.automaton = ahocorasick.Automaton()
        for key, by_form in grouped.items():
            self.automaton.add_word(key, _Key(by_form, len(key)))
        self.empty = not grouped
        if not self.empty:
            self.automaton.make_automaton()


class _Normalised:
    """The text with every character that is not a letter or digit made a space (same
    length, so offsets do not move), and runs of white space in the original made one space
    (so "care\n   plan" is "care plan"). Only those runs shift offsets; the map records them.
    Punctuation next to a space is not collapsed: "care, plan" must not match "care plan".
    """

    __slots__ = ("original", "text", "breaks", "shifts")

    def __init__(self, original: str) -> None:
        self.original = original
        flat = original.translate(_ASCII_NOT_WORD)
        if not original.isascii():
            flat = _OTHER_NOT_WORD.sub(" ", flat)
        self.breaks: list[int] = [0]
        self.shifts: list[int] = [-1]  # the leading space is not in the original
        pieces = [" "]
        position = removed = 0
        for match in _SPACE_RUN.finditer(original):
            start, end = match.span()
            pieces.append(flat[position : start + 1])  # keep one space of the run
            position = end
            removed += end - start - 1
            self.breaks.append(end - removed + 1)  # normalised index of the next character
            self.shifts.append(removed - 1)
        pieces.append(flat[position:])
        pieces.append(" ")
        self.text = "".join(pieces)

    def to_original(self, index: int) -> int:
        at = bisect_right(self.breaks, index) - 1
        return index + self.shifts[at]


def _fold(text: str) -> str:
    """Lower case with the same length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


class Matcher:
    """Finds glossary terms. Build once per glossary; `find` costs time in the text only."""

    def __init__(self, folded: dict[str, Entry], exact: dict[str, Entry]) -> None:
        # folded: lower-case forms of case-insensitive entries; exact: case-sensitive forms.
        self._folded = _Automaton(folded, fold=True)
        self._exact = _Automaton(exact, fold=False)

    def find(self, text: str) -> list[Match]:
        if not text or (self._folded.empty and self._exact.empty):
            return []
        return _leftmost_longest(text, self._candidates(text))

    def find_many(self, texts: list[str]) -> list[list[Match]]:
        """[find(text) for text in texts], with one pass of each automaton over all of them.
        Every text without a match gets the same empty list, NO_MATCHES: the answers are
        read-only, as Glossary.find says (a million-word report has some 150,000 texts).

        The texts are joined with a new line. A new line is white space, so each text is seen
        with a space before and after it, exactly as `find` sees it alone; hits that run from
        one text into the next are dropped before choosing the leftmost-longest ones.
        """
        if self._folded.empty and self._exact.empty:
            return [[] for _ in texts]
        joined = "\n".join(texts)
        if len(joined.lower()) != len(joined):
            # Lower case changes the length (as for "İ"): _fold goes character by character,
            # which differs at word ends ("Σ"), so keep each text on its own.
            return [self.find(text) if text else [] for text in texts]
        starts = array("q")
        offset = 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 1
        # Only the texts with a hit get a list: most texts of a report have none.
        per_text: dict[int, list[tuple[int, int, int, Entry]]] = {}
        for start, end, priority, entry in self._candidates(joined):
            index = bisect_right(starts, start) - 1
            base = starts[index]
            if end - base > len(texts[index]):
                continue  # runs on into the next text
            per_text.setdefault(index, []).append((start - base, end - base, priority, entry))
        return [
            _leftmost_longest(text, per_text[index]) if index in per_text else NO_MATCHES
            for index, text in enumerate(texts)
        ]

    def _candidates(self, text: str) -> list[tuple[int, int, int, Entry]]:
        normalised = _Normalised(text)
        candidates: list[tuple[int, int, int, Entry]] = []
        if not self._exact.empty:
            self._collect(self._exact, normalised, normalised.text, candidates, priority=0)
        if not self._folded.empty:
            self._collect(self._folded, normalised, _fold(normalised.text), candidates, priority=1)
        return candidates

    def _collect(
        self,
        automaton: _Automaton,
        normalised: _Normalised,
        haystack: str,
        out: list[tuple[int, int, int, Entry]],
        priority: int,
    ) -> None:
        original = normalised.original
        for end_index, key in automaton.automaton.iter(haystack):
            # The key is " form ": the word starts one after the key's first space.
            first = end_index - key.length + 2
            last = end_index - 1  # index of the form's last character, inclusive
            start = normalised.to_original(first)
            end = normalised.to_original(last) + 1
            if not _clear_edges(original, start, end):
                continue
            found = original[start:end]
            if not found.isalnum():  # one word of letters and digits is canonical already
                found = canonical(found)
            if automaton.fold:
                found = _fold(found)
            entry = key.forms.get(found)
            if entry is not None:
                out.append((start, end, priority, entry))


def _clear_edges(text: str, start: int, end: int) -> bool:
    """False if the match is glued to a longer word by a hyphen or apostrophe ("key-worker").

    A possessive "'s" after the match is fine: "the stakeholder's view".
    """
    if start >= 2 and text[start - 1] in _JOINERS and text[start - 2].isalnum():
        return False
    if end + 1 < len(text) and text[end] in _JOINERS and text[end + 1].isalnum():
        return text[end] in "'’" and text[end + 1] in "sS" and not _alnum_at(text, end + 2)
    return True


def _alnum_at(text: str, index: int) -> bool:
    return index < len(text) and text[index].isalnum()


def _leftmost_longest(text: str, candidates: list[tuple[int, int, int, Entry]]) -> list[Match]:
    if len(candidates) == 1:  # most texts with a term have just one
        start, end, _, entry = candidates[0]
        return [Match(entry, start, end, text[start:end])]
    candidates.sort(key=lambda item: (item[0], -item[1], item[2]))
    matches: list[Match] = []
    reached = 0
    for start, end, _, entry in candidates:
        if start < reached:
            continue
        matches.append(Match(entry, start, end, text[start:end]))
        reached = end
    return matches
