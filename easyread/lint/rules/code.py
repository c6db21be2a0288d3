"""The code rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule
from easyread.model import CodeBlock


class Code(Rule):
    """A code block: text between ``` marks, or text indented by 4 spaces or more.

    Markdown shows an indented paragraph as computer code, exactly as typed. That is often an
    accident: a paragraph copied from another document with spaces in front of it. easyread
    shows it as plain text, line by line, and does not check its words. If it is meant as text,
    remove the spaces in front of it (or the ``` lines). Easy Read reports do not show code.
    """

    id = "code"
    description = "A code block (``` or an indent of 4 spaces): write plain text."
    severity = "warning"
    examples_fail = [
        "# Our work\n\nWe visited homes.\n\n    We met people.\n",
        "# Our work\n\n```\nWe met people.\n```\n",
    ]
    examples_pass = [
        "# Our work\n\nWe visited homes.\n\nWe met people.\n",
        "# Our work\n\n- We visited homes.\n\n  We met people.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            for block in section.blocks:
                if not isinstance(block, CodeBlock):
                    continue
                how = "between ``` marks" if block.fenced else "indented by 4 spaces or more"
                yield block_finding(
                    context,
                    section,
                    block.source,
                    f"This text is {how}, so it is shown as code and its words are not checked.",
                    "If it is text, take away the spaces in front of it (or the ``` lines).",
                )
