"""--compare: what got easier or harder since an earlier run, per section and for the report.

Sections are matched by file name first, then by title (so a renamed file with the same title,
or a retitled section in the same file, still matches).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EASIER = "easier"
HARDER = "harder"
SAME = "about the same"
NEW = "new"
REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class MeasureRule:
    key: str
    label: str
    higher_is_easier: bool
    smallest_change: float  # changes smaller than this are "about the same"
    digits: int = 1


RULES = (
    MeasureRule("reading_ease", "reading ease", True, 1.0, 0),
    MeasureRule("grade", "grade", False, 0.3),
    MeasureRule("smog", "SMOG", False, 0.3),
    MeasureRule("fog", "Gunning Fog", False, 0.3),
    MeasureRule("dale_chall", "Dale-Chall", False, 0.3),
)
COUNT_KEYS = ("sentences", "words", "words_per_sentence", "long_words", "uncommon_words", "jargon")


def compare(previous: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """A JSON-ready comparison of two score files (see docs/score.md, "comparison")."""
    old_sections = list(previous.get("sections", []))
    sections = []
    for section in current.get("sections", []):
        old = _take_match(section, old_sections)
        if old is None:
            sections.append(_new_section(section))
        else:
            sections.append(_changes(section, old))
    for old in old_sections:
        sections.append(
            {
                "file": old.get("file"),
                "title": old.get("title"),
                "verdict": REMOVED,
                "changes": [],
                "summary": "this section is gone",
            }
        )
    report = _changes(
        {"title": current.get("title"), **current.get("report", {})},
        {"title": previous.get("title"), **previous.get("report", {})},
    )
    return {"previous_title": previous.get("title"), "report": report, "sections": sections}


def _take_match(section: dict[str, Any], candidates: list[dict[str, Any]]) -> dict | None:
    for key in ("file", "title"):
        for index, old in enumerate(candidates):
            if old.get(key) and old.get(key) == section.get(key):
                return candidates.pop(index)
    return None


def _new_section(section: dict[str, Any]) -> dict[str, Any]:
    return {
        "file": section.get("file"),
        "title": section.get("title"),
        "verdict": NEW,
        "changes": [],
        "summary": "this section is new",
    }


def _changes(now: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    changes = []
    easier = harder = 0
    now_measures, old_measures = now.get("measures", {}), before.get("measures", {})
    for rule in RULES:
        new_value, old_value = now_measures.get(rule.key), old_measures.get(rule.key)
        if not isinstance(new_value, int | float) or not isinstance(old_value, int | float):
            continue
        difference = new_value - old_value
        direction = SAME
        if abs(difference) >= rule.smallest_change:
            got_easier = (difference > 0) == rule.higher_is_easier
            direction = EASIER if got_easier else HARDER
            easier += got_easier
            harder += not got_easier
        changes.append(
            {
                "measure": rule.key,
                "before": old_value,
                "now": new_value,
                "change": round(difference, 1),
                "direction": direction,
                "text": _describe(rule, old_value, new_value, difference),
            }
        )
    verdict = EASIER if easier > harder else HARDER if harder > easier else SAME
    counts = {}
    now_counts, old_counts = now.get("counts", {}), before.get("counts", {})
    for key in COUNT_KEYS:
        if isinstance(now_counts.get(key), int | float) and isinstance(
            old_counts.get(key), int | float
        ):
            counts[key] = {"before": old_counts[key], "now": now_counts[key]}
    moved = [change["text"] for change in changes if change["direction"] != SAME]
    summary = verdict + (": " + ", ".join(moved) if moved else "")
    return {
        "file": now.get("file"),
        "title": now.get("title"),
        "previous_title": before.get("title"),
        "verdict": verdict,
        "changes": changes,
        "counts": counts,
        "summary": summary,
    }


def _describe(rule: MeasureRule, before: float, now: float, difference: float) -> str:
    def shown(value: float) -> str:
        return f"{value:.{rule.digits}f}"

    return f"{rule.label} {shown(before)} → {shown(now)} ({difference:+.{rule.digits}f})"
