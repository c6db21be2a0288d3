"""Helpers for the rules about Markdown structure (headings, tables, code, HTML, footnotes).

These rules point at a block of the model rather than at words: a finding covers the first
line of the block, from the block's column to the end of that line.
"""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext
from easyread.lint.text import source_lines
from easyread.model import Section, Source


def body_sections(context: LintContext) -> Iterator[Section]:
    for section in context.report.sections:
        if section.role == "body":
            yield section


def block_finding(
    context: LintContext,
    section: Section,
    source: Source,
    message: str,
    suggestion: str,
    *,
    length: int | None = None,
) -> Finding:
    """A finding at `source`: `length` characters, or to the end of that line."""
    lines = _lines(context, section)
    line = lines[source.line - 1] if 0 < source.line <= len(lines) else ""
    start = max(source.column - 1, 0)
    end = len(line.rstrip()) if length is None else min(start + length, len(line))
    end = max(end, start)
    return Finding(
        rule=context.rule,
        severity=context.severity,
        message=message,
        path=section.path,
        line=source.line,
        column=start + 1,
        end_line=source.line,
        end_column=end + 1,
        text=line[start:end],
        suggestion=suggestion,
    )


def _lines(context: LintContext, section: Section) -> list[str]:
    cache = context.shared_value("structure-lines", dict)
    key = id(section)
    if key not in cache:
        cache[key] = source_lines(section)
    return cache[key]
