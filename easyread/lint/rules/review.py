"""Lint rules about co-author review: sections changed since a check, and never checked.

Both rules read the review records in the report folder's reviews/ folder (see docs/review.md),
so they say nothing about Markdown read on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.model import Report, Section
from easyread.records.fingerprint import section_fingerprint
from easyread.records.reviews import (
    ReviewRecord,
    format_date,
    latest_checks,
    load_records,
    section_file,
)


def _finding(context: LintContext, section: Section, message: str, suggestion: str) -> Finding:
    title = section.title
    text = title.text
    column = title.source.column
    return Finding(
        rule=context.rule,
        severity=context.severity,
        message=message,
        path=section.path,
        line=title.source.line,
        column=column,
        end_line=title.source.line,
        end_column=column + len(text),
        text=text,
        suggestion=suggestion,
    )


def _records(report: Report) -> list[ReviewRecord]:
    return load_records(report.root)


class ChangedSinceReview(Rule):
    """A section changed after a checking group last checked it.

    Easy Read is checked by people with a learning disability. When a section changes after
    their check, the new words have not been checked. This rule compares each section's
    fingerprint (its text, ignoring line wrapping and HTML comments) with the fingerprint in the
    most recent review record in reviews/ that covers it. `easyread changes --since RECORD`
    lists what changed, in Easy Read, for the group's next meeting.

    Examples need a report folder with review records, so this rule has none that run on a
    snippet of Markdown alone: tests/test_review_lint.py builds such folders and runs the rule
    through the real lint engine (a changed section is flagged, an unchanged one is not).
    """

    id = "changed-since-review"
    description = "A section changed after a checking group last checked it."
    severity = "warning"
    examples_need_report_folder: ClassVar[bool] = True

    def check(self, context: LintContext) -> Iterator[Finding]:
        report = context.report
        records = _records(report)
        if not records:
            return
        latest = latest_checks(records)
        if not latest:
            return
        for section in report.sections:
            checked = latest.get(section_file(report, section))
            if checked is None:
                continue
            record, seen = checked
            if seen.fingerprint == section_fingerprint(section):
                continue
            name = record.path.stem if record.path else record.date.isoformat()
            yield _finding(
                context,
                section,
                f"This section has changed since {record.group} checked it on "
                f"{format_date(record.date)}.",
                "Ask the group to check it again. See what changed with "
                f"'easyread changes --since {name}'.",
            )


class NotReviewed(Rule):
    """A section that no checking group has checked.

    Easy Read should be checked by people with a learning disability before it is published
    (the European easy-to-read logo needs at least one such checker). Once a report has review
    records in reviews/, this rule names each section that none of them covers, such as a
    section added after the last check. A report with no records at all is left alone unless
    `[lint.not-reviewed] always = true`, so drafts nobody has checked yet stay quiet.

    Examples need a report folder with review records, so this rule has none that run on a
    snippet of Markdown alone: tests/test_review_lint.py builds such folders and runs the rule
    through the real lint engine (a section no record covers is flagged, a recorded one is not).
    """

    id = "not-reviewed"
    description = "A section that no checking group has checked."
    severity = "info"
    options: ClassVar[dict[str, object]] = {"always": False}
    option_help: ClassVar[dict[str, str]] = {
        "always": "also name every section of a report that has no review records at all"
    }
    examples_need_report_folder: ClassVar[bool] = True

    def check(self, context: LintContext) -> Iterator[Finding]:
        report = context.report
        records = _records(report)
        if not records and not context.options.get("always", False):
            return
        latest = latest_checks(records)
        for section in report.sections:
            if section_file(report, section) in latest:
                continue
            yield _finding(
                context,
                section,
                "No checking group has checked this section yet.",
                "Ask people with a learning disability to check it, then record the check "
                "with 'easyread review --record'.",
            )
