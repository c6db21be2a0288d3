"""`easyread score` as one library call: read what it is given, score it, compare and gate.

The command line parses its arguments, calls `run_score`, prints the score and, when asked,
has the writers draw the readability report (score computes; writers draw). What it is given
may be a report folder, loose Markdown files, standard input ('-') or one document (Word,
OpenDocument, HTML: every place shown is then the document's own paragraph).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from easyread.config import find_config, load_config
from easyread.errors import ConfigError, EasyReadError
from easyread.files import command_path
from easyread.importer import is_importable, read_imported
from easyread.model import Report
from easyread.reader import read_files, read_report, read_stdin
from easyread.score.compare import compare
from easyread.score.scorer import ReportScore, score_report
from easyread.score.serialize import load_previous, report_to_json
from easyread.score.settings import SHOWN_DECIMALS


@dataclass(frozen=True, slots=True)
class ScoreRun:
    """The score, its comparison with an earlier score (when asked), and why the gate fails
    (an empty list when it passes)."""

    score: ReportScore
    comparison: Any | None
    failures: list[str]


def run_score(
    paths: Sequence[str],
    *,
    compare_with: Path | None = None,
    fail_under: float | None = None,
    fail_scope: str | None = None,
    stdin: TextIO | None = None,
) -> ScoreRun:
    """Score `paths`; compare with the score JSON `compare_with`; check `fail_under` (else
    fail-under in [score]) for the report or each section."""
    score = score_report(load_report(list(paths), stdin))
    comparison = None
    if compare_with is not None:
        comparison = compare(load_previous(compare_with), report_to_json(score))
    return ScoreRun(score, comparison, gate_failures(score, fail_under, fail_scope))


def load_report(paths: list[str], stdin: TextIO | None = None) -> Report:
    """A folder, loose Markdown files or '-' (standard input), like `easyread lint`."""
    if "-" in paths:
        if len(paths) > 1:
            raise ConfigError("'-' cannot be mixed with files", hint="give '-' on its own")
        found = find_config(Path.cwd())
        config = load_config(found) if found else None
        return read_stdin((stdin or sys.stdin).read(), config=config)
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return read_report(Path(paths[0]), check_pictures=False)
    documents = [Path(path) for path in paths if is_importable(Path(path))]
    if documents:
        if len(paths) > 1:
            raise EasyReadError(
                "give one Word or other document on its own",
                path=documents[0],
                hint="score each document with its own 'easyread score'",
            )
        # Every place shown is then the document's own: "line" is the paragraph's number.
        return read_imported(documents[0]).report_at_document_places()
    files = [Path(path) for path in paths]
    for path in files:
        if path.is_dir():
            raise EasyReadError(
                "give one report folder, or Markdown files, not both",
                path=path,
                hint="score the folder on its own",
            )
        command_path(path, missing="this file does not exist", hint="check its name")
    return read_files(files)


def gate_failures(score: ReportScore, fail_under: float | None, scope: str | None) -> list[str]:
    """Why --fail-under (or fail-under in [score]) fails, in plain words; [] when it passes.
    Judged on reading ease as it is shown (one decimal), like the targets."""
    settings = score.settings
    limit = fail_under if fail_under is not None else settings.fail_under
    if limit is None:
        return []
    scope = scope or settings.fail_scope
    if score.language.reading_ease_constants is None:
        raise ConfigError(
            f"reading ease is not worked out for {score.language.name}, "
            "so --fail-under cannot be checked",
            hint="remove --fail-under (and fail-under in [score]) for this report",
        )
    failures = []
    if scope == "section":
        for section in score.sections:
            value = section.measures.reading_ease
            if value is not None and round(value, SHOWN_DECIMALS) < limit:
                failures.append(
                    f"section {section.number} ({section.title}) has reading ease {value:.1f}, "
                    f"below --fail-under {limit:g}"
                )
    else:
        value = score.measures.reading_ease
        if value is not None and round(value, SHOWN_DECIMALS) < limit:
            failures.append(
                f"the report's reading ease {value:.1f} is below --fail-under {limit:g}"
            )
    return failures
