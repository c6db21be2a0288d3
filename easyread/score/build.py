"""What `easyread build` calls: a one-line summary, and the readability report to write."""

from __future__ import annotations

import re
from pathlib import Path

from easyread.glossary import Glossary
from easyread.model import Report
from easyread.output import ensure_folder, write_text_atomically
from easyread.score.scorer import ReportScore, score_report
from easyread.score.serialize import dumps, report_to_json
from easyread.score.summary import summary_line


def summary_for_build(report: Report, glossary: Glossary | None = None) -> tuple[ReportScore, str]:
    """Score the report and say how it went in one line, e.g.
    "Readability: reading ease 86 (target 80 or more), grade 3.9 (target 5 or less),
    2 of 17 sections miss a target." Raises ConfigError for a bad [score] table."""
    score = score_report(report, glossary=glossary)
    return score, summary_line(score)


def write_score_report(
    report_score: ReportScore, out_dir: Path, name: str | None = None
) -> list[Path]:
    """Write `<name>-readability.json` and `<name>-readability.html` into `out_dir`.

    `name` is the stem the build gives its outputs; by default a slug of the report's title."""
    from easyread.score.html import write_html

    out_dir = Path(out_dir)
    stem = f"{name or slug(report_score.title)}-readability"
    json_path = out_dir / f"{stem}.json"
    ensure_folder(out_dir)
    write_text_atomically(json_path, dumps(report_to_json(report_score)))
    html_path = write_html(report_score, out_dir / f"{stem}.html")
    return [json_path, html_path]


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or "report"
