"""Recording a check a group did: `easyread review --record` calls `record_check` and prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from easyread.errors import EasyReadError
from easyread.model import Report
from easyread.reader import read_report
from easyread.records.reviews import Checker, ReviewRecord, make_record, save_record


@dataclass(frozen=True)
class RecordedCheck:
    report: Report
    record: ReviewRecord
    path: Path


def record_check(
    root: Path,
    *,
    group: str,
    checkers: list[Checker],
    date: str | None = None,
    paid: bool = False,
    files: list[str] | None = None,
    facilitator: str = "",
) -> RecordedCheck:
    """Read the report in `root`, check what the command was told, and save a record of the
    sections as they are now in its reviews/ folder. `date` is like 2026-05-14 (default:
    today)."""
    report = read_report(root)
    group = " ".join(group.split())
    if not group:
        raise EasyReadError(
            "say which group did the check", hint='add --group "People First Anytown"'
        )
    if not checkers:
        raise EasyReadError(
            "say who checked it", hint='add --checker "Name" for each person (and --consent)'
        )
    record = make_record(
        report,
        group=group,
        checkers=checkers,
        date=_day(date),
        paid=paid,
        files=files,
        facilitator=facilitator.strip(),
    )
    return RecordedCheck(report, record, save_record(record, report.root))


def _day(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        raise EasyReadError(
            f"'{text}' is not a date easyread understands", hint="write it like 2026-05-14"
        ) from None
