"""easyread lint --fix and --diff: replace exactly the reported text, and nothing else.

A fix is applied only if the file still holds the finding's text at the finding's place. The
new file is written to a temporary file in the same folder and moved over the old one, and
only if the file has not changed since easyread read it.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from easyread.errors import OutputError
from easyread.lint.findings import Finding
from easyread.lint.output import shown_path

_BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class FileFix:
    path: Path
    original: bytes
    old_text: str
    new_text: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text

    def diff(self) -> str:
        name = shown_path(self.path)
        return "".join(
            difflib.unified_diff(
                self.old_text.splitlines(keepends=True),
                self.new_text.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )


def fixable(findings: list[Finding]) -> dict[Path, list[Finding]]:
    by_path: dict[Path, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_path.setdefault(finding.path, []).append(finding)
    return by_path


def plan_file(path: Path, findings: list[Finding], read_text: str | None = None) -> FileFix:
    """Work out the fixed text of one file. `read_text` is the text lint saw, if known."""
    try:
        original = path.read_bytes()
    except OSError as error:
        raise OutputError(f"cannot read this file ({error.strerror})", path=path) from None
    text = original.removeprefix(_BOM).decode("utf-8")
    if read_text is not None and _normalised(text) != read_text:
        raise OutputError(
            "this file changed after easyread read it, so nothing was fixed",
            path=path,
            hint="run easyread lint --fix again",
        )
    return plan_text(path, original, text, findings)


def plan_text(path: Path, original: bytes, text: str, findings: list[Finding]) -> FileFix:
    result = FileFix(path, original, text, text)
    if "\r" in text.replace("\r\n", ""):
        result.skipped = list(findings)  # old Mac line ends: positions cannot be trusted
        return result
    line_starts = [0]
    line_starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    spans: list[tuple[int, int, Finding]] = []
    for finding in findings:
        span = _span(text, line_starts, finding)
        if span is None:
            result.skipped.append(finding)
        else:
            spans.append((*span, finding))
    pieces: list[str] = []
    cursor = 0
    for start, end, finding in sorted(spans, key=lambda item: (item[0], item[1])):
        if start < cursor:
            result.skipped.append(finding)  # overlaps a fix already taken
            continue
        pieces.append(text[cursor:start])
        pieces.append(finding.fix or "")
        cursor = end
        result.applied.append(finding)
    pieces.append(text[cursor:])
    result.new_text = "".join(pieces)
    return result


def _span(text: str, line_starts: list[int], finding: Finding) -> tuple[int, int] | None:
    if not (1 <= finding.line <= len(line_starts) and 1 <= finding.end_line <= len(line_starts)):
        return None
    start = line_starts[finding.line - 1] + finding.column - 1
    end = line_starts[finding.end_line - 1] + finding.end_column - 1
    if start >= end or text[start:end] != finding.text or "\n" in text[start:end]:
        return None
    return start, end


def write_atomically(fix: FileFix) -> None:
    """Replace the file with the fixed text, unless it changed since it was read."""
    data = fix.new_text.encode("utf-8")
    if fix.original.startswith(_BOM):
        data = _BOM + data
    folder = fix.path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{fix.path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, fix.path.stat().st_mode & 0o7777)
        if _digest(fix.path.read_bytes()) != _digest(fix.original):
            raise OutputError(
                "this file changed while easyread was fixing it, so it was left as it is",
                path=fix.path,
                hint="run easyread lint --fix again",
            )
        os.replace(temporary, fix.path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
