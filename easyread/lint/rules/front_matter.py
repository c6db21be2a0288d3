"""The front-matter rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule


class FrontMatter(Rule):
    """A block of settings between two '---' lines at the top of a section file.

    Some tools put settings such as the title and the author at the top of a Markdown file.
    easyread does not show them and does not use them, except a 'title:' for a file that has
    no '#' title. Put the report's settings in easyread.toml.
    """

    id = "front-matter"
    description = "Settings at the top of a file ('---'): easyread.toml holds the settings."
    severity = "info"
    examples_fail = [
        "---\ntitle: Our work\n---\n# Our work\n\nWe visited 12 homes.\n",
        "---\nauthor: Sam\n---\n\n# Our work\n\nWe visited 12 homes.\n",
    ]
    examples_pass = [
        "# Our work\n\nWe visited 12 homes.\n",
        "# Our work\n\nWe visited 12 homes.\n\n---\n\nWe met people.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            front = section.front_matter
            if front is not None:
                yield block_finding(
                    context,
                    section,
                    front.source,
                    "These settings at the top of the file are not shown in the report.",
                    "Put the report's settings in easyread.toml.",
                )
