"""Which report a set of returned review copies belongs to, for `easyread feedback`.

In order: the folder the command was given; the folder each copy records in its identity (a
copy is untrusted, so that folder counts only when it holds the section files the copy names);
the folder above a copy that still sits in the report's `out` folder; the current folder when it
holds the sections. Otherwise one line says what to run.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from easyread.errors import EasyReadError, display_path
from easyread.review.feedback import ReviewFile
from easyread.review.identity import ReviewIdentity


def find_report_folder(given: Path | None, copies: list[ReviewFile]) -> Path:
    if given is not None:
        return given
    for copy in copies:
        for candidate in _candidates(copy):
            if copy.identity is not None and _holds_sections(candidate, copy.identity):
                return candidate
    here = Path.cwd()
    if any(here.glob("*.md")) or (here / "easyread.toml").is_file():
        return here
    files = " ".join(shlex.quote(display_path(copy.path)) for copy in copies)
    raise EasyReadError(
        "no report folder was given, and these review copies do not lead to one",
        hint=f"give the report folder first: easyread feedback REPORT-FOLDER {files}",
    )


def _candidates(copy: ReviewFile) -> list[Path]:
    recorded = copy.identity.report if copy.identity is not None else ""
    candidates = [Path(recorded)] if recorded else []
    folder = copy.path.resolve().parent
    candidates += [folder.parent, folder]
    return candidates


def _holds_sections(folder: Path, identity: ReviewIdentity) -> bool:
    """True when a Markdown section file the copy names is still a file inside `folder` (the
    report may have gained or lost sections since the copy was made)."""
    try:
        if not folder.is_dir():
            return False
        root = folder.resolve()
        for section in identity.sections:
            path = (root / section.file).resolve()
            if path.suffix == ".md" and path.is_relative_to(root) and path.is_file():
                return True
    except (OSError, ValueError):
        return False
    return False
