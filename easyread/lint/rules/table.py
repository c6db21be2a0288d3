"""The table rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule


class DataTable(Rule):
    """A table.

    Many Easy Read readers find tables hard: they have to read across and down at once and
    remember what each column means. Say the one or two numbers that matter as short
    sentences, each with a picture, such as "1 in 4 people had a health check."

    easyread still shows the table, with its header row and caption, and checks its words.
    """

    id = "table"
    description = "A table: say the numbers that matter as sentences."
    severity = "warning"
    examples_fail = [
        "# Deaths\n\n| Age | Deaths |\n|---|---|\n| 18 to 24 | 12 |\n",
        "# Deaths\n\nTable 1: Deaths\n\n| Age | Deaths |\n|---|--:|\n| 18 to 24 | 12 |\n",
    ]
    examples_pass = [
        "# Deaths\n\n12 people aged 18 to 24 died.\n",
        "# Deaths\n\nWe use the | mark in `a | b` here.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            for table in section.tables:
                rows = len(table.body)
                columns = max((len(row) for row in table.rows), default=0)
                yield block_finding(
                    context,
                    section,
                    table.caption_source or table.source,
                    f"This is a table with {rows} {'row' if rows == 1 else 'rows'} and"
                    f" {columns} {'column' if columns == 1 else 'columns'}."
                    " Tables are hard for many readers.",
                    "Say the numbers that matter as short sentences.",
                )
