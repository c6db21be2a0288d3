"""What `easyread build` calls: the score and a one-line summary (writers/readability.py
writes the readability report)."""

from __future__ import annotations

from easyread.glossary import Glossary
from easyread.model import Report
from easyread.score.scorer import ReportScore, score_report
from easyread.score.summary import summary_line


def summary_for_build(report: Report, glossary: Glossary | None = None) -> tuple[ReportScore, str]:
    """Score the report and say how it went in one line, e.g.
    "Readability: reading ease 86 (target 80 or more), grade 3.9 (target 5 or less),
    2 of 17 sections miss a target." Raises ConfigError for a bad [score] table."""
    score = score_report(report, glossary=glossary)
    return score, summary_line(score)
