"""`easyread feedback` as one library call: find the report, read the copies, write the report.

The command line only parses its arguments, calls `read_feedback` and prints what it returns.
The checks come in the same order as they always have: the report folder and the copies given,
then a wrong output folder before any copy is read (when the folder is given), then the copies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from easyread.errors import EasyReadError, display_path
from easyread.files import command_path, report_folder
from easyread.output import refuse_source_folder
from easyread.reader import read_report
from easyread.review.feedback import Feedback, collect_feedback, read_review_file
from easyread.review.feedback_report import write_feedback
from easyread.review.report_folder import find_report_folder


@dataclass(frozen=True, slots=True)
class FeedbackRun:
    """What one `easyread feedback` found and the files it wrote."""

    feedback: Feedback
    written: tuple[Path, ...]


def read_feedback(
    paths: Sequence[Path],
    *,
    report_dir: Path | None = None,
    out_dir: Path | None = None,
    group: str = "",
) -> FeedbackRun:
    """Read the filled review copies among `paths` back to the report's points and write the
    feedback report (Markdown, JSON, CSV) into `out_dir` (by default the report's out/).

    The report folder is the folder among `paths`, or `report_dir`, or else the one the copies
    lead to (see review.report_folder)."""
    if report_dir is not None:
        report_folder(report_dir)
    for path in paths:
        command_path(path, missing="this file does not exist", hint="check its name")
    folder = _report_folder(paths, report_dir)
    files = [path for path in paths if not path.is_dir()]
    if not files:
        raise EasyReadError(
            "there are no review copies to read",
            hint="give the filled PDFs or commented DOCX files after the report folder",
        )
    group = " ".join(group.split())
    # With the folder given, a wrong out_dir is refused before any copy is read.
    report = read_report(folder) if folder is not None else None
    if report is not None:
        refuse_source_folder(out_dir or report.root / "out", report.root)
    copies = [read_review_file(path, group=group) for path in files]
    if report is None:
        report = read_report(find_report_folder(None, copies))
    out_dir = out_dir or report.root / "out"
    refuse_source_folder(out_dir, report.root)
    feedback = collect_feedback(report, copies)
    return FeedbackRun(feedback, tuple(write_feedback(feedback, out_dir)))


def _report_folder(paths: Sequence[Path], report_dir: Path | None) -> Path | None:
    """The one report folder given, or None when the copies must lead to it."""
    folders = [path for path in paths if path.is_dir()]
    if report_dir is not None:
        folders.insert(0, report_dir)
    if len(folders) > 1:
        names = ", ".join(display_path(folder) for folder in folders)
        raise EasyReadError(
            f"feedback takes one report folder, and was given {len(folders)}: {names}",
            hint="give one report folder, then the review copies",
        )
    return folders[0] if folders else None
