"""The one-line summary shown at the end of `easyread score` and in `easyread build`, and
`summary_for_build`, which scores a report and gives that line."""

from __future__ import annotations

from easyread.glossary import Glossary
from easyread.model import Report
from easyread.score.scorer import ReportScore, score_report
from easyread.score.settings import Target


def sections_missing_targets(score: ReportScore) -> int:
    return sum(1 for section in score.sections if section.warnings)


def whole_or_tenths(value: float, target: Target | None) -> str:
    """The value as a whole number, unless that number would seem to meet a target the value
    misses: 79.7 against '80 or more' is shown as 79.7, not 80."""
    whole = f"{value:.0f}"
    if target is not None and not target.met(value) and target.met(float(whole)):
        return f"{value:.1f}"
    return whole


def summary_line(score: ReportScore) -> str:
    """e.g. "Readability: reading ease 86 (target 80 or more), grade 3.9, 2 sections miss a
    target." """
    parts = []
    found = score.measures
    settings = score.settings
    if found.reading_ease is not None:
        target = settings.target_for("reading_ease")
        text = f"reading ease {whole_or_tenths(found.reading_ease, target)}"
        if target is not None:
            text += f" (target {target.describe()})"
        parts.append(text)
    if found.grade is not None:
        text = f"grade {found.grade:.1f}"
        target = settings.target_for("grade")
        if target is not None:
            text += f" (target {target.describe()})"
        parts.append(text)
    if not parts:
        counts = score.counts
        parts.append(
            f"{counts.words} words in {counts.sentences} sentences, "
            f"{counts.words_per_sentence:.1f} words a sentence ({score.language.name}: "
            "no formula)"
        )
    missing = sections_missing_targets(score)
    total = len(score.sections)
    if missing:
        if total == 1:
            parts.append("the section misses a target")
        else:
            verb = "misses" if missing == 1 else "miss"
            parts.append(f"{missing} of {total} sections {verb} a target")
    elif total:
        parts.append("every section meets its targets")
    return "Readability: " + ", ".join(parts) + "."


def summary_for_build(report: Report, glossary: Glossary | None = None) -> tuple[ReportScore, str]:
    """Score the report and say how it went in one line, e.g.
    "Readability: reading ease 86 (target 80 or more), grade 3.9 (target 5 or less),
    2 of 17 sections miss a target." Raises ConfigError for a bad [score] table."""
    score = score_report(report, glossary=glossary)
    return score, summary_line(score)
