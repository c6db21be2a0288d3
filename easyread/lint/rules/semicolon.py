"""The semicolon rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule


class Semicolon(Rule):
    """A semicolon joins two sentences into one long one.

    Easy Read uses one idea per sentence. Where a semicolon joins two ideas, end the first
    sentence with a full stop and start a new one. Where it separates items in a list, make
    each item a point of its own, or use commas and "and".

    Semicolons inside inline code, link addresses and HTML entities such as &amp; are not
    checked.
    """

    id = "semicolon"
    description = "A semicolon: split into two sentences."
    severity = "warning"
    examples_fail = [
        "# Our work\n\nWe visited 12 homes; all of them were clean.\n",
        "# Plans\n\nWe will listen; then we will act.\n",
    ]
    examples_pass = [
        "# Our work\n\nWe visited 12 homes. All of them were clean.\n",
        "# Money\n\nWe spent money on food &amp; drink. We wrote `a;b` in the form.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.index().with_text(";"):
            text = piece.text
            at = text.find(";")
            while at >= 0:
                if not piece.is_code(at, at + 1):
                    yield context.finding(
                        piece,
                        at,
                        at + 1,
                        "This sentence has a semicolon (;).",
                        "End the sentence here with a full stop and start a new sentence.",
                    )
                at = text.find(";", at + 1)
