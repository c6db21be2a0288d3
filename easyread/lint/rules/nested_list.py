"""The nested-list rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule


class NestedList(Rule):
    """A list inside a list.

    Easy Read keeps lists to one level: a list inside a list asks the reader to keep two
    things in mind at once, and the indent is easy to miss. Make each item a point of its own,
    or give the inner list its own sub-heading. easyread shows every item as a point of its own.
    """

    id = "nested-list"
    description = "A list inside a list: keep lists to one level."
    severity = "warning"
    options = {"max-depth": 1}
    option_limits = {"max-depth": (1, 10)}
    option_help = {"max-depth": "how many levels of list are fine"}
    examples_fail = [
        "# Help\n\n- We help people.\n  - We help families.\n",
        "# Help\n\n1. We listen.\n   - We write it down.\n",
    ]
    examples_pass = [
        "# Help\n\n- We help people.\n- We help families.\n",
        "# Help\n\n- We help people.\n\n  We help families too.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        limit = int(context.options["max-depth"])
        for section in body_sections(context):
            for point in section.points:
                if point.list_depth > limit:
                    yield block_finding(
                        context,
                        section,
                        point.source,
                        f"Point {point.number} is in a list inside a list.",
                        "Keep lists to one level: make it a point of its own.",
                    )
