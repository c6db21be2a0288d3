"""easyread lint --fix and --diff: replace exactly the reported text, and nothing else.

A fix is applied only if the file still holds the finding's text at the finding's place. The
new file is written to a temporary file in the same folder and moved over the old one, and
only if the file has not changed since easyread read it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import stat
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from easyread import atomic, files
from easyread.errors import OutputError
from easyread.lint.findings import Finding
from easyread.lint.formats import shown_path
from easyread.lint.rules.long_sentence import LongSentence
from easyread.lint.settings import LintSettings
from easyread.lint.text import TextPiece, text_pieces
from easyread.model import Report
from easyread.reader.sentences import count_words

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


def write_atomically(fix: FileFix, root: Path | None = None) -> None:
    """Replace the file with the fixed text, unless it changed since it was read.

    A section that is a symbolic link is fixed where it leads (the link stays a link), but only
    inside the folder the file is in or `root`, the report folder; the file keeps its
    permissions. Anything but a regular file is refused."""
    target = _file_to_write(fix.path, root)
    data = fix.new_text.encode("utf-8")
    if fix.original.startswith(_BOM):
        data = _BOM + data

    def unchanged_since_read() -> None:
        if _digest(target.read_bytes()) != _digest(fix.original):
            raise OutputError(
                "this file changed while easyread was fixing it, so it was left as it is",
                path=fix.path,
                hint="run easyread lint --fix again",
            )

    atomic.write_atomically(
        target,
        data,
        prefix=f".{target.name}.",
        suffix=".tmp",
        mode=stat.S_IMODE(target.stat().st_mode),
        check=unchanged_since_read,
    )


def _file_to_write(path: Path, root: Path | None) -> Path:
    """The real file behind `path`: inside the report folder and a regular file, or one line."""
    roots = [path.absolute().parent, *([root] if root is not None else [])]
    try:
        target = files.resolve_inside(path, roots, what="this file")
    except files.FileRefused as refused:
        raise OutputError(
            f"easyread did not fix this file: {refused.message}", path=path, hint=refused.hint
        ) from None
    if not target.is_file():
        raise OutputError(
            "easyread did not fix this file: it is not an ordinary file",
            path=path,
            hint="replace it with an ordinary file",
        )
    return target


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- which fixes make the text better and nothing worse -----------------------------------------


def checked_fixes(report: Report, settings: LintSettings, findings: list[Finding]) -> list[Finding]:
    """The fixes of `findings` that are safe to make, each as a finding whose `text` and `fix`
    say exactly what to replace.

    A fix is kept only if the sentence, linted again with it made, has no finding it did not
    have before (a plain word that is itself jargon, an acronym written out into more jargon)
    and is not made longer than the long-sentence limit. "a" or "an" before the changed words
    is changed with them, so the text never says "an yearly". Fixes that cannot be placed in
    a sentence of the report are dropped.
    """
    wanted = [finding for finding in findings if finding.fix is not None]
    if not wanted:
        return []
    placed = _place(report, wanted)
    limit = int(settings.options_of(LongSentence).get("max-words", 15))
    remembered: dict[tuple[str, str], list[Finding]] = {}

    def lint_alone(kind: str, text: str) -> list[Finding]:
        key = (kind, text)
        if key not in remembered:
            remembered[key] = _lint_alone(report, settings, kind, text)
        return remembered[key]

    safe: list[Finding] = []
    for piece, edits in placed:
        safe.extend(_safe_in_sentence(lint_alone, piece, edits, limit))
    return safe


_Edit = tuple[int, int, Finding]  # start and end in the piece's text, and the finding


def _place(report: Report, findings: list[Finding]) -> list[tuple[TextPiece, list[_Edit]]]:
    """Each finding with the piece of text it is in, and its offsets there."""
    by_line: dict[tuple[Path, int], list[Finding]] = {}
    for finding in findings:
        by_line.setdefault((finding.path, finding.line), []).append(finding)
    placed: list[tuple[TextPiece, list[_Edit]]] = []
    for piece in text_pieces(report):
        if not piece.text:
            continue
        path, first, _, last, _ = piece.span(0, len(piece.text))
        edits: list[_Edit] = []
        for line in range(first, last + 1):
            for finding in by_line.get((path, line), ()):
                at = _offset_in(piece, finding)
                if at is not None:
                    edits.append((at, at + len(finding.text), finding))
        if edits:
            placed.append((piece, sorted(edits, key=lambda edit: edit[:2])))
    return placed


def _offset_in(piece: TextPiece, finding: Finding) -> int | None:
    place = (finding.path, finding.line, finding.column, finding.end_line, finding.end_column)
    at = piece.text.find(finding.text) if finding.text else -1
    while at >= 0:
        if piece.span(at, at + len(finding.text)) == place:
            return at
        at = piece.text.find(finding.text, at + 1)
    return None


def _safe_in_sentence(
    lint_alone: Callable[[str, str], list[Finding]],
    piece: TextPiece,
    edits: list[_Edit],
    limit: int,
) -> list[Finding]:
    before = lint_alone(piece.kind, piece.text)
    kept: list[tuple[int, int, str, Finding]] = []
    for start, end, finding in edits:
        start, replacement = _with_article(piece.text, start, finding.fix or "")
        if kept and start < kept[-1][1]:
            continue  # overlaps a fix already kept
        trial = [*kept, (start, end, replacement, finding)]
        text = _apply(piece.text, trial)
        after = lint_alone(piece.kind, text)
        if not _worse(before, after, piece.text, text, limit):
            kept.append((start, end, replacement, finding))
    return [_as_finding(piece, start, end, replacement, f) for start, end, replacement, f in kept]


def _apply(text: str, edits: list[tuple[int, int, str, Finding]]) -> str:
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement, _ in edits:
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _as_finding(piece: TextPiece, start: int, end: int, fix: str, finding: Finding) -> Finding:
    path, line, column, end_line, end_column = piece.span(start, end)
    return replace(
        finding,
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=piece.text[start:end],
        fix=fix,
    )


def _worse(before: list[Finding], after: list[Finding], old: str, new: str, limit: int) -> bool:
    """True if the changed sentence has a finding the old one did not, or is longer than the
    limit and longer than it was."""
    old_problems = Counter(_problem(f) for f in before if f.rule != LongSentence.id)
    new_problems = Counter(_problem(f) for f in after if f.rule != LongSentence.id)
    if new_problems - old_problems:
        return True
    words = count_words(new)
    return words > limit and words > count_words(old)


def _problem(finding: Finding) -> tuple[str, str]:
    return finding.rule, " ".join(finding.text.split()).casefold()


_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _lint_alone(report: Report, settings: LintSettings, kind: str, text: str) -> list[Finding]:
    """The findings of one sentence (or heading) on its own, with the report's settings and
    glossary. Every ASCII punctuation mark is escaped, so the words read back as they are."""
    from easyread.lint.engine import lint_report
    from easyread.reader import read_stdin

    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))
    markdown = f"# {escaped}\n" if kind == "heading" else f"# Sentence\n\n{escaped}\n"
    alone = read_stdin(markdown, config=report.config)
    return [f for f in lint_report(alone, settings) if f.rule not in _NOT_ABOUT_WORDS]


# Rules about the point or the picture, not the words of the sentence.
_NOT_ABOUT_WORDS = frozenset({"missing-picture", "missing-alt", "long-point"})
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(a|an|A|An|AN)(\s+)$")


def _with_article(text: str, start: int, replacement: str) -> tuple[int, str]:
    """Where the edit starts and what it writes, with "a"/"an" before it made to agree with
    the new first word ("an annual" becomes "a yearly", never "an yearly")."""
    found = _ARTICLE_BEFORE.search(text, 0, start)
    if found is None or not replacement:
        return start, replacement
    article = found.group(1)
    wanted = "an" if needs_an(replacement) else "a"
    if article.lower() == wanted:
        return start, replacement
    if article.isupper() and len(article) > 1:
        wanted = wanted.upper()
    elif article[:1].isupper():
        wanted = wanted.capitalize()
    return found.start(), wanted + found.group(2) + replacement


_LETTER_NAMES_WITH_A_VOWEL = frozenset("AEFHILMNORSX")
_AN_BEFORE = ("hour", "honest", "honour", "honor", "heir")
_A_BEFORE = ("uni", "use", "usu", "ura", "ure", "uti", "eu", "one", "once", "ewe", "ubiq")
_AN_NUMBER = re.compile(r"(?:8|1[18](?:\d{3})?)(?!\d)")


def needs_an(words: str) -> bool:
    """True if "an", not "a", goes before these words: it goes by the first sound, so "an
    hour", "an MP", "an 8-week wait", but "a user" and "a one-off"."""
    first = words.split()[0].strip("\"'‘“(") if words.split() else ""
    if not first:
        return False
    if first[0].isdigit():
        return _AN_NUMBER.match(first) is not None
    letters = first.replace(".", "")
    if len(letters) == 1 or (letters.isupper() and sum(c.isalpha() for c in letters) >= 2):
        return letters[0].upper() in _LETTER_NAMES_WITH_A_VOWEL  # said letter by letter
    lowered = first.lower()
    if lowered.startswith(_AN_BEFORE):
        return True
    if lowered.startswith(_A_BEFORE):
        return False
    return lowered[0] in "aeiou"
