"""`easyread score`: readability per sentence, point, section and report, tuned for Easy Read.

Public API:
- `score_report(report) -> ReportScore`
- `summary_for_build(report, glossary) -> (ReportScore, one-line summary)`
- `report_to_json(report_score)` (schema in docs/score.md)
"""

from easyread.score.scorer import ReportScore, score_report
from easyread.score.serialize import SCHEMA_VERSION, report_to_json
from easyread.score.summary import summary_for_build, summary_line

__all__ = [
    "SCHEMA_VERSION",
    "ReportScore",
    "report_to_json",
    "score_report",
    "summary_for_build",
    "summary_line",
]
