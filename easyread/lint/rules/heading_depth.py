"""The heading-depth, empty-heading and section-title rules: the shape of a section's headings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule
from easyread.model import Heading, Section
from easyread.reader.report import STDIN_PATH


def _written_headings(section: Section) -> Iterator[Heading]:
    if not section.title.implied:
        yield section.title
    for block in section.blocks:
        if isinstance(block, Heading):
            yield block


class HeadingDepth(Rule):
    """A heading deeper than a sub-heading: three or more '#' marks.

    Easy Read keeps the structure flat: a section title ('#') and sub-headings ('##'). Deeper
    headings ('###' and more) split a report into small parts that are hard to keep track of.
    Make the part a section of its own, or use a '##' sub-heading.

    easyread still shows the heading, as a smaller sub-heading under the one before it.
    """

    id = "heading-depth"
    description = "A heading with 3 or more '#' marks: use '#' and '##' only."
    severity = "warning"
    options = {"max-level": 2}
    option_limits = {"max-level": (1, 6)}
    option_help = {"max-level": "the most '#' marks a heading may have"}
    examples_fail = [
        "# Our work\n\n### Visits\n\nWe visited 12 homes.\n",
        "# Our work\n\n## Visits\n\n#### Homes\n\nWe visited 12 homes.\n",
    ]
    examples_pass = [
        "# Our work\n\n## Visits\n\nWe visited 12 homes.\n",
        "# Our work\n\nWe visited 12 homes. ### is not a heading here.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        limit = int(context.options["max-level"])
        for section in body_sections(context):
            for heading in _written_headings(section):
                if heading.written_level > limit:
                    yield block_finding(
                        context,
                        section,
                        heading.source,
                        f"This heading has {heading.written_level} '#' marks. Easy Read uses"
                        f" headings with {limit} or fewer.",
                        "Use '##' for a sub-heading, or make this part a section of its own.",
                        length=heading.written_level,
                    )


class EmptyHeading(Rule):
    """A heading with no words after its '#' marks.

    Readers and screen readers use headings to find their way. A heading with no words tells
    them nothing. Write the heading, or delete the line. easyread leaves it out of the outputs.
    """

    id = "empty-heading"
    description = "A heading with no words."
    severity = "warning"
    examples_fail = [
        "# Our work\n\n##\n\nWe visited 12 homes.\n",
        "# Our work\n\n## ![A house](house.png)\n\nWe visited 12 homes.\n",
    ]
    examples_pass = [
        "# Our work\n\n## Visits\n\nWe visited 12 homes.\n",
        "# Our work\n\nWe visited 12 homes.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            for heading in _written_headings(section):
                if not heading.text:
                    yield block_finding(
                        context,
                        section,
                        heading.source,
                        "This heading has no words.",
                        "Write the heading after the '#' marks, or delete the line.",
                    )


class SectionTitle(Rule):
    """A section file that does not start with one '#' title, or that has more than one.

    Each section file starts with a line like '# What we found', and has only that one '#'
    title. When a file has no title, easyread makes one from the file name (or from 'title:' in
    the settings block at the top). A second '#' title is shown as a sub-heading: to make it a
    section of its own, move it and the text after it into a new file.
    """

    id = "section-title"
    description = "A section without a '#' title at the top, or with more than one."
    severity = "warning"
    examples_fail = [
        "We visited 12 homes.\n\n# Our work\n",
        "# Our work\n\nWe visited 12 homes.\n\n# More work\n\nWe met people.\n",
        "## Visits\n\nWe visited 12 homes.\n",
        "\n",
    ]
    examples_pass = [
        "# Our work\n\nWe visited 12 homes.\n",
        "<!-- a note -->\n# Our work\n\n## Visits\n\nWe visited 12 homes.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            title = section.title
            if title.implied:
                empty = not section.text.strip()
                yield Finding(
                    rule=context.rule,
                    severity=context.severity,
                    message=_untitled_message(section.path, title.text, empty=empty),
                    path=section.path,
                    line=1,
                    column=1,
                    end_line=1,
                    end_column=1,
                    text="",
                    suggestion="Write a '# Title' line and some points, or delete the file."
                    if empty
                    else "Start the file with a line like '# What we found'.",
                )
            for block in section.blocks:
                if isinstance(block, Heading) and block.written_level == 1:
                    yield block_finding(
                        context,
                        section,
                        block.source,
                        "A section file has only one '#' title. This one is shown as a"
                        " sub-heading.",
                        "Start a new file for a new section, or use '##' for a sub-heading.",
                        length=1,
                    )


def _untitled_message(path: Path, made_up_title: str, *, empty: bool) -> str:
    """Standard input is named in plain words, not by the made-up file name '<stdin>'."""
    if path == STDIN_PATH:
        return (
            "The text you typed in is empty."
            if empty
            else "The text you typed in has no '#' title."
        )
    if empty:
        return "This section file is empty."
    return f"This section has no '#' title. easyread calls it '{made_up_title}'."
