"""Comments that switch rules off for part of a file.

<!-- easyread-disable semicolon jargon -->   rules off from here (no rule named: all rules)
<!-- easyread-enable semicolon -->           back on (no rule named: all rules)
<!-- easyread-disable-next-line jargon -->   off for the next line with text on it
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from easyread.lint.findings import Finding
from easyread.lint.text import source_lines
from easyread.model import Section

_DIRECTIVE = re.compile(
    r"easyread-(disable-next-line|disable-line|disable|enable)\b([^>]*?)(?:-->|$)", re.DOTALL
)
ALL = "*"


@dataclass(slots=True)
class Suppressions:
    """For one file: rule -> line ranges where its findings are dropped."""

    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # The same ranges kept for fast answers: one-line ranges as sets (a file may have a
    # disable-next-line on every point), longer ones as a list (there are few of those).
    _single: dict[str, set[int]] = field(default_factory=dict)
    _longer: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, rule: str, first: int, last: int) -> None:
        self.ranges.setdefault(rule, []).append((first, last))
        if first == last:
            self._single.setdefault(rule, set()).add(first)
        else:
            self._longer.setdefault(rule, []).append((first, last))

    def hides(self, finding: Finding) -> bool:
        line = finding.line
        for rule in (finding.rule, ALL):
            if line in self._single.get(rule, ()):
                return True
            for first, last in self._longer.get(rule, ()):
                if first <= line <= last:
                    return True
        return False


def section_suppressions(section: Section) -> Suppressions:
    result = Suppressions()
    lines = source_lines(section)
    open_since: dict[str, int] = {}
    end = len(lines) + 1
    for comment in sorted(section.comments, key=lambda item: item.source.line):
        for match in _DIRECTIVE.finditer(comment.text):
            kind = match.group(1)
            rules = _rule_names(match.group(2))
            if kind == "disable":
                for rule in rules:
                    open_since.setdefault(rule, comment.source.line)
            elif kind == "enable":
                _close(open_since, rules, comment.end_line, result)
            else:
                target = comment.source.line
                if kind == "disable-next-line":
                    target = _next_text_line(lines, comment.end_line)
                for rule in rules:
                    result.add(rule, target, target)
    for rule, first in open_since.items():
        result.add(rule, first, end)
    return result


def _rule_names(text: str) -> list[str]:
    names = [name for name in re.split(r"[\s,]+", text.strip()) if name and name != "--"]
    return names or [ALL]


def _close(open_since: dict[str, int], rules: list[str], line: int, result: Suppressions) -> None:
    closing = list(open_since) if ALL in rules else rules
    for rule in closing:
        first = open_since.pop(rule, None)
        if first is not None:
            result.add(rule, first, line)


def _next_text_line(lines: list[str], after: int) -> int:
    """The first line after line `after` (1-based) that holds text."""
    for number in range(after + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return after + 1
