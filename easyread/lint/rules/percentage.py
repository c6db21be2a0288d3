"""The percentage rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._numbers import natural_frequency, parse_number
from easyread.lint.rules.base import LintContext, Rule

PERCENTAGE = re.compile(
    r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<sign>\s?%|\s?per\s?cent\b|\s?percent\b|\s?pc\b)",
    re.IGNORECASE,
)

# Every percentage ends in a digit and a sign: looking for that first is much faster.
_DIGIT_AND_SIGN = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b|pc\b)", re.IGNORECASE)


class Percentage(Rule):
    """A percentage, such as 25% or 25 per cent.

    Many people find percentages hard to understand. Say how many people out of a small
    number instead: "1 in 4 people" rather than 25%, "about 1 in 3" rather than 33%, "half"
    rather than 50%. The suggestion works the frequency out from the number; check it reads
    well in your sentence.
    """

    id = "percentage"
    description = "A percentage: say '1 in 4' instead of 25%."
    severity = "warning"
    examples_fail = [
        "# Deaths\n\n25% of people had a health check.\n",
        "# Deaths\n\nAbout 33 per cent of people died in hospital.\n",
        "# Money\n\nWe spent 12.5 percent of the money on travel.\n",
    ]
    examples_pass = [
        "# Deaths\n\n1 in 4 people had a health check.\n",
        "# Deaths\n\nAbout 1 in 3 people died in hospital. Write `100%` in the box.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.index().with_pattern(_DIGIT_AND_SIGN):
            if (
                "%" not in piece.text
                and "cent" not in piece.text.lower()
                and "pc" not in piece.text
            ):
                continue
            for match in PERCENTAGE.finditer(piece.text):
                start, end = match.span()
                if piece.is_code(start, end):
                    continue
                value = parse_number(match.group("number"))
                if value is None:
                    continue
                frequency = natural_frequency(value)
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{match.group()}' is a percentage. Many readers find percentages hard.",
                    f"Say it as a number of people, such as '{frequency}'.",
                )
