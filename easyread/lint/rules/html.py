"""The html and hidden-text rules: HTML in a section, and text an HTML comment hides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._structure import block_finding, body_sections
from easyread.lint.rules.base import LintContext, Rule

_PLAIN_INSTEAD = "Write plain text: **bold** for hard words, ![words](picture.png) for pictures."
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}")


class Html(Rule):
    """HTML code, such as <div> or <b>, in a section.

    easyread never shows HTML from a section in the PDF, the Word file or the web page: it can
    break the layout and hide things from screen readers, and a <script> could run on the web
    page. The words inside an HTML block are left out too. Write plain Markdown instead:
    **bold** for a hard word, ![what it shows](pictures/name.png) for a picture.

    HTML comments (<!-- ... -->) are fine: they are notes for the authors and carry lint
    settings such as <!-- easyread-disable long-sentence -->.
    """

    id = "html"
    description = "HTML code in a section: it is left out of the outputs."
    severity = "warning"
    examples_fail = [
        "# Our work\n\nWe help <b>all</b> people.\n",
        "# Our work\n\nWe help people.\n\n<div>A box</div>\n",
        "# Our work\n\nWe help people.\n\n<script>alert('hello')</script>\n",
    ]
    examples_pass = [
        "# Our work\n\n<!-- easyread-disable long-sentence -->\nWe help **all** people.\n",
        "# Our work\n\nWe help people. Write `<b>` in the box. 3 < 4 and 5 > 2.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            for html in section.html:
                if html.kind == "hidden":
                    continue
                found = _TAG.match(html.text.strip())
                tag = found.group() + ">" if found else "HTML"
                length = len(html.text) if html.kind == "inline" else None
                yield block_finding(
                    context,
                    section,
                    html.source,
                    f"HTML code such as {tag[:30]} is left out of the report.",
                    _PLAIN_INSTEAD,
                    length=length,
                )


class HiddenText(Rule):
    """Text that an HTML comment hides.

    Markdown hides the rest of a line after a comment (<!-- ... --> at the start of a line), and
    a comment that is never closed with --> hides everything after it. That text is not in
    any output. Put the text on its own line after the comment, or close the comment.
    """

    id = "hidden-text"
    description = "Text hidden by an HTML comment."
    severity = "error"
    examples_fail = [
        "# Our work\n\nWe listen.\n\n<!-- a note --> We help people.\n",
        "# Our work\n\n<!-- a note that never ends\n\nWe help people.\n",
    ]
    examples_pass = [
        "# Our work\n\n<!-- a note -->\nWe help people.\n",
        "# Our work\n\nWe help people. <!-- a note --> We listen.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for section in body_sections(context):
            for html in section.html:
                if html.kind != "hidden" or not html.text.strip():
                    continue
                unclosed = html.text.lstrip().startswith("<!--")
                message = (
                    "This comment is not closed, so everything after it is hidden."
                    if unclosed
                    else "This text is on the same line as a comment, so it is hidden."
                )
                hint = (
                    "Add --> at the end of the comment."
                    if unclosed
                    else "Put the text on a new line after the line with -->."
                )
                yield block_finding(context, section, html.source, message, hint)
