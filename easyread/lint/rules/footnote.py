"""The footnote rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule


class FootnoteReference(Rule):
    """A footnote: a mark such as [^1] that sends the reader to a note somewhere else.

    Easy Read readers read from top to bottom. A note at the end of the section breaks the
    reading, and many readers will not find it. Put what the note says in the text, as its own
    short sentence, or leave it out. easyread shows the notes at the end of the section.
    """

    id = "footnote"
    description = "A footnote: put what it says in the text."
    severity = "warning"
    examples_fail = [
        "# Deaths\n\nWe read 12 files.[^1]\n\n[^1]: From the 2024 review.\n",
        "# Deaths\n\nWe read 12 files[^note] and met people.\n\n[^note]: In 2024.\n",
        "# Deaths\n\nWe read 12 files.\n\n[^1]: A note the text never points to.\n",
    ]
    examples_pass = [
        "# Deaths\n\nWe read 12 files. They are from the 2024 review.\n",
        "# Deaths\n\nWrite [1] or [^x] in the box.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        yield from self.marks(context)
        for section in body_sections(context):
            for note in section.footnotes:
                if not note.referenced:
                    yield block_finding(
                        context,
                        section,
                        note.source,
                        "Nothing in the text points to this note.",
                        "Put what the note says in the text, or delete the note.",
                    )

    def marks(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.index().with_text("["):
            if piece.kind not in ("sentence", "heading"):
                continue
            for start, end, run in piece.run_spans():
                if run.note is None:
                    continue
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{run.text}' points to a footnote. Many readers will not find the note.",
                    "Put what the note says in the text, as a short sentence of its own.",
                )
