"""A finding: one thing lint reports, with the exact place in the source file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SEVERITIES = ("error", "warning", "info")
# Higher is more serious; used for --fail-on and sorting.
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # stable rule id, e.g. "jargon"
    severity: str  # "error" | "warning" | "info"
    message: str  # plain words: what is wrong
    path: Path
    line: int  # 1-based
    column: int  # 1-based, first character of `text` in the source file
    end_line: int
    end_column: int  # 1-based, exclusive (column just after the last character)
    text: str  # the matched text as it appears in the model
    suggestion: str | None = None  # plain words: what to write instead
    fix: str | None = None  # replacement for exactly `text` (safe fixes only), else None
    # For a document checked directly (easyread lint REPORT.docx): `line` is then the paragraph
    # and `column` the character in it; `heading` is the heading the paragraph is under.
    paragraph: int | None = None
    heading: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.rule)

    def full_sort_key(self) -> tuple[str, int, int, str, int, int, str, str]:
        """sort_key, then everything else that tells two findings apart: the same report
        always lists its findings in the same order."""
        return (*self.sort_key(), self.end_line, self.end_column, self.text, self.message)


def at_or_above(severity: str, level: str) -> bool:
    """True if `severity` is as serious as `level` or more."""
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(level, 0)
