"""What score needs to know about each word: syllables, and whether it is a common word.

Each distinct word is looked at once per run (WordBook memoises), so a long report costs little
more than its vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from easyread.resources import dale_chall_path
from easyread.score.languages import LanguageSupport

DATA_DIR = Path(__file__).resolve().parent / "data"
COMMON_WORDS_FILE = DATA_DIR / "common-words-en.txt"

_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$", re.UNICODE)
_PARTS = re.compile(r"[-/–—]+")
_HAS_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Endings that make a word another form of a listed word: (ending, what replaces it).
_INFLECTIONS = (
    ("'s", ""), ("s'", "s"), ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"),
    ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
    ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("d", ""),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class WordInfo:
    syllables: int
    common: bool  # in the common-word list (always True for numbers)
    familiar: bool  # in the Dale-Chall list of familiar words (always True for numbers)
    number: bool  # written with digits: 10, 4,000, 2pm


def normalise(token: str) -> str:
    """A token as the word lists write it: lower case, straight apostrophes, no edge marks."""
    token = token.replace("’", "'").replace("‘", "'")
    return _EDGE_PUNCTUATION.sub("", token).lower()


@cache
def common_words() -> frozenset[str]:
    return _read_word_file(COMMON_WORDS_FILE)


@cache
def dale_chall_words() -> frozenset[str] | None:
    """The Dale-Chall familiar words as shipped with textstat."""
    path = dale_chall_path()
    return _read_word_file(path) if path is not None else None


def _read_word_file(path: Path) -> frozenset[str]:
    text = path.read_text(encoding="utf-8")
    return frozenset(
        normalise(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def in_word_list(word: str, words: frozenset[str]) -> bool:
    """True for a listed word or a regular form of one (days, stopped, making, kindly)."""
    if word in words:
        return True
    for ending, replacement in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)] + replacement
            if stem in words:
                return True
            if not replacement and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words:
                return True  # stopped -> stop
    return False


class WordBook:
    """Looks words up once and remembers the answer."""

    def __init__(self, language: LanguageSupport) -> None:
        self.language = language
        self._known: dict[str, WordInfo] = {}
        self._syllables: Callable[[str], int] | None = None
        self._common = common_words() if language.has_word_lists else None
        self._familiar = dale_chall_words() if language.has_word_lists else None

    @property
    def has_dale_chall(self) -> bool:
        return self._familiar is not None

    def info(self, word: str) -> WordInfo:
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = self._look_up(word)
        return found

    def _look_up(self, word: str) -> WordInfo:
        if _HAS_DIGIT.search(word) or not _HAS_LETTER.search(word):
            return WordInfo(syllables=1, common=True, familiar=True, number=True)
        parts = [part for part in _PARTS.split(word) if part] or [word]
        syllables = sum(self._count(part) for part in parts)
        common = self._common is None or all(in_word_list(p, self._common) for p in parts)
        familiar = self._familiar is None or all(in_word_list(p, self._familiar) for p in parts)
        return WordInfo(syllables=syllables, common=common, familiar=familiar, number=False)

    def _count(self, word: str) -> int:
        if not self.language.counts_syllables:
            return 0
        if self._syllables is None:
            from easyread.score import syllables

            if self.language.root == "en":
                self._syllables = syllables.english_counter()
            else:
                self._syllables = syllables.pyphen_counter(self.language.pyphen_name or "en")
        return self._syllables(word)
