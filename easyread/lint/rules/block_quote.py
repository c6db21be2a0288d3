"""The block-quote rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule
from easyread.model import Point, Table


class BlockQuote(Rule):
    """A block quote: lines that start with '>'.

    A block quote is shown indented, and many documents show it in italics, which is hard to
    read. In Easy Read, say who said it: "Sam told us: we want to be listened to." easyread
    shows the quoted points as ordinary points and checks their words.
    """

    id = "block-quote"
    description = "A block quote ('>'): say who said it in the sentence."
    severity = "info"
    examples_fail = [
        "# What people said\n\n> We want to be listened to.\n",
        "# What people said\n\n> - We want to be listened to.\n> - We want help.\n",
    ]
    examples_pass = [
        "# What people said\n\nSam told us: we want to be listened to.\n",
        "# What people said\n\n3 > 2 is true.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            inside = False
            for block in section.blocks:
                quoted = isinstance(block, Point | Table) and block.quote > 0
                if quoted and not inside:  # one finding for each quote, at its first point
                    yield block_finding(
                        context,
                        section,
                        block.source,
                        "This is a block quote. It is shown as ordinary text.",
                        "Say who said it in the sentence, such as 'Sam told us: ...'.",
                    )
                inside = quoted
