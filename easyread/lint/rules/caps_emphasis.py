"""The caps-emphasis rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.glossary.acronyms import known_acronyms, never_acronyms
from easyread.lint.findings import Finding
from easyread.lint.rules._common_words import COMMON_WORDS
from easyread.lint.rules.base import LintContext, Rule

_CAPS_WORD = re.compile(r"(?<![\w'’&-])[A-Z][A-Z'’]*[A-Z](?![\w&-])")
# _CAPS_WORD with its look-behind after the first capital: the same matches, but the regex
# engine can skip straight to capital letters when scanning the whole report.
_CAPS_WORD_FAST = re.compile(r"[A-Z](?<![\w'’&-][A-Z])[A-Z'’]*[A-Z](?![\w&-])")
_ROMAN = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


class CapsEmphasis(Rule):
    """A word written in capital letters to stand out, such as PLEASE, MUST or NOT.

    Words in capitals are harder to read: the shape of the word is lost, and they can feel like
    shouting. Write the word in ordinary letters. If a word really matters, put it in a short
    sentence of its own.

    Acronyms are not flagged: a word in capitals is treated as an acronym when the glossary
    knows it, when it is in `allow-acronyms`, or when it is not an everyday English word
    (NHS, LeDeR, ICB). An everyday word in capitals, or two or more capitalised words in a
    row, is treated as emphasis. Roman numerals are left to the roman-numeral rule.
    """

    id = "caps-emphasis"
    description = "A word in CAPITALS for emphasis: write it in ordinary letters."
    severity = "warning"
    options = {"min-letters": 2}
    option_limits = {"min-letters": (1, 20)}
    option_help = {"min-letters": "shorter words in capitals are never flagged"}
    examples_fail = [
        "# Your visit\n\nPLEASE bring your letter with you.\n",
        "# Medicines\n\nYou MUST NOT take 2 doses at once.\n",
        "# WHAT WE FOUND\n\nWe found good care.\n",
    ]
    examples_pass = [
        "# Your visit\n\nPlease bring your letter to the NHS clinic. The ICB pays for it.\n",
        "# Reviews\n\nThe LeDeR team read it. I think it is OK. Read Part II and COVID-19 notes.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        min_letters = int(context.options["min-letters"])
        glossary = context.glossary()
        allowed = context.allow_acronyms
        for piece in context.index().with_pattern(_CAPS_WORD_FAST):
            matches = [m for m in _CAPS_WORD.finditer(piece.text) if len(m.group()) >= min_letters]
            if not matches:
                continue
            caps_words = [m for m in matches if not _is_exempt(m.group(), allowed)]
            shouting: list[re.Match[str]] = []
            for index, match in enumerate(caps_words):
                word = match.group()
                if piece.is_code(*match.span()):
                    continue
                if not _is_shouting(word, _has_caps_neighbour(piece.text, caps_words, index)):
                    continue
                if glossary is not None and glossary.acronym(word) is not None:
                    continue
                shouting.append(match)
            for start, end in _join_neighbours(piece.text, shouting):
                words = piece.text[start:end]
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{words}' is in capital letters. Capitals are hard to read.",
                    f"Write '{words.lower()}' in ordinary letters.",
                )


def _join_neighbours(text: str, matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Words in capitals with only spaces between them become one stretch."""
    spans: list[tuple[int, int]] = []
    for match in matches:
        start, end = match.span()
        if spans and text[spans[-1][1] : start] == " ":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _is_exempt(word: str, allowed: frozenset[str]) -> bool:
    return (
        word in known_acronyms()
        or word in never_acronyms()
        or word in allowed
        or bool(_ROMAN.match(word))
    )


def _is_shouting(word: str, in_caps_run: bool) -> bool:
    plain = word.lower().replace("’", "'")
    if plain in COMMON_WORDS or plain.rstrip("s") in COMMON_WORDS:
        return True
    return in_caps_run and len(word) >= 4 and _looks_like_word(plain)


def _looks_like_word(plain: str) -> bool:
    """Long words with vowels in ordinary places read as words, not initials."""
    vowels = sum(char in "aeiouy" for char in plain)
    return vowels >= 1 and vowels / len(plain) >= 0.25


def _has_caps_neighbour(text: str, matches: list[re.Match[str]], index: int) -> bool:
    """True if the word next to this one (only spaces between) is also in capitals."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(matches):
            left, right = sorted((matches[index], matches[other]), key=lambda m: m.start())
            if not text[left.end() : right.start()].strip():
                return True
    return False
