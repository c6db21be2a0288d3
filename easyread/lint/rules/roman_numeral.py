"""The roman-numeral rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece

_LABELS = (
    "part|parts|appendix|appendices|section|sections|chapter|chapters|volume|vol|phase|phases|"
    "annex|annexe|stage|stages|step|steps|type|schedule|article|book|level|tier|class|grade|"
    "category|unit|module|round|wave|act|title|article"
)
_VALID = r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})"
_AFTER_LABEL = re.compile(
    rf"(?<![\w-])(?P<label>{_LABELS})\s+(?P<numeral>{_VALID})"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
# Cheap test first: most sentences hold no numeral-shaped word at all.
_NUMERAL = re.compile(r"(?<![\w'’-])[IVXLivxl]+(?![\w'’-])")
# The same with its look-behind after the first letter: scanning the whole report, the regex
# engine then skips straight to the letters I, V, X and L.
_NUMERAL_FAST = re.compile(r"[IVXLivxl](?<![\w'’-][IVXLivxl])[IVXLivxl]*(?![\w'’-])")
_IN_BRACKETS = re.compile(
    r"\((?P<numeral>i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)\)", re.I
)
_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
# After a lone "I", these words show it is the pronoun: "In this section I explain".
_ONLY_SPACE = re.compile(r"\s*\Z")
_PRONOUN_NEXT = re.compile(r"\s+[a-z]")
_NUMERAL_NEXT = re.compile(r"\s+(?:and|or|of|to|in|on|at|is|was|has|shows|says|covers)\b")


class RomanNumeral(Rule):
    """A Roman numeral, such as Part II, Appendix IV or (iii).

    Many readers do not know Roman numerals. Use ordinary numbers: Part 2, Appendix 4, and
    number list items 1, 2, 3.

    The rule only looks after words that label parts of a document or a scale (part, appendix,
    section, chapter, volume, phase, annex, stage, step, type, schedule and a few more), and at
    numerals in brackets from (i) to (xx). So the pronoun I, names such as "Henry VIII",
    and acronyms such as MIX are left alone. A lone "I" after a label counts only when it does
    not read as the pronoun: "Part I of the plan" is flagged, "In this section I explain" is not.
    Single letters that may be labels (Appendix L, Annex C) are not flagged.
    """

    id = "roman-numeral"
    description = "A Roman numeral (Part II, (iii)): use ordinary numbers."
    severity = "warning"
    examples_fail = [
        "# Plan\n\nRead Part II of the plan.\n",
        "# Plan\n\nThe list is in Appendix IV. It has 3 parts.\n",
        "# Plan\n\nWe will (iii) write to you.\n",
        "# Health\n\nPeople with Type I diabetes need checks.\n",
    ]
    examples_pass = [
        "# Plan\n\nIn this section I explain the plan. Read Part 2 of it.\n",
        "# Plan\n\nIn the last part I said we would help. At this stage I think it works.\n",
        "# Plan\n\nHenry VIII was a king. MIX is a word. See Appendix L and Annex C.\n",
        "# Plan\n\nI think (I hope) it is good. Option A is fine.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.index().with_pattern(_NUMERAL_FAST):
            text = piece.text
            for match in _AFTER_LABEL.finditer(text):
                numeral = match.group("numeral")
                start, end = match.span("numeral")
                label = match.group("label")
                if numeral.upper() == "I" and not _lone_i_is_numeral(text, end, numeral, label):
                    continue
                if numeral.upper() == "L" or piece.is_code(start, end):
                    continue
                yield _finding(context, piece, start, end, numeral)
            for match in _IN_BRACKETS.finditer(text):
                numeral = match.group("numeral")
                if numeral == "I" or piece.is_code(*match.span()):
                    continue
                yield _finding(context, piece, *match.span("numeral"), numeral)


def _lone_i_is_numeral(text: str, end: int, numeral: str, label: str) -> bool:
    if numeral == "i" or label[0].isupper():
        return True
    # Patterns matched at `end` rather than on text[end:]: no copy of a long sentence's rest.
    if _ONLY_SPACE.match(text, end) or text[end : end + 1] in ".,;:)!?":
        return True
    if _NUMERAL_NEXT.match(text, end):
        return True
    return not _PRONOUN_NEXT.match(text, end)


def _finding(context: LintContext, piece: TextPiece, start: int, end: int, numeral: str) -> Finding:
    value = roman_value(numeral)
    return context.finding(
        piece,
        start,
        end,
        f"'{numeral}' is a Roman numeral. Many readers do not know these.",
        f"Write {value} instead.",
        fix=str(value),
    )


def roman_value(numeral: str) -> int:
    total = 0
    values = [_VALUES[char] for char in numeral.lower()]
    for index, value in enumerate(values):
        if index + 1 < len(values) and values[index + 1] > value:
            total -= value
        else:
            total += value
    return total
