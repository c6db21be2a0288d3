"""The emphasis rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece


class Emphasis(Rule):
    """Words in italics (written *like this* or _like this_ in Markdown).

    Italic letters lean and are harder to read, and underlined words look like links. Easy Read
    uses bold only, and only for hard words (explained next to them) and headings. Write the
    words in ordinary letters; if they matter, give them a short sentence of their own.
    """

    id = "emphasis"
    description = "Italic text: write it in ordinary letters (bold only for hard words)."
    severity = "warning"
    examples_fail = [
        "# Visits\n\nYou *must* bring your letter.\n",
        "# Visits\n\n_Please_ tell us if you cannot come.\n",
    ]
    examples_pass = [
        "# Visits\n\nYou must bring your letter. A **carer** is someone who helps you.\n",
        "# Visits\n\nWrite 2 * 3 in the box. Use snake_case_names in `*code*`.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.pieces():
            if piece.kind == "alt":
                continue
            runs = piece.runs
            if len(runs) == 1 and (not runs[0].emphasis or runs[0].code):
                continue  # most sentences: one plain run
            stretch: tuple[int, int] | None = None
            for start, end, run in piece.run_spans():
                if run.emphasis and not run.code:
                    if stretch is not None and stretch[1] == start:
                        stretch = (stretch[0], end)
                    else:
                        if stretch is not None:
                            yield self._finding(context, piece, stretch)
                        stretch = (start, end)
            if stretch is not None:
                yield self._finding(context, piece, stretch)

    def _finding(self, context: LintContext, piece: TextPiece, stretch: tuple[int, int]) -> Finding:
        start, end = stretch
        text = piece.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return context.finding(
            piece,
            start,
            end,
            f"'{text[start:end]}' is in italics. Italic letters are harder to read.",
            "Write it in ordinary letters. Use bold only for hard words.",
        )
