"""`easyread lsp`: a Language Server Protocol server over standard input and output.

An editor sends the text of each open section as the author types; the server lints it in
memory, in the context of its report folder (its easyread.toml and glossary), and sends back:

- a diagnostic for every lint finding, with the rule id as its code and where to read more;
- quick fixes for the safe fixes `easyread lint --fix` would make;
- the plain explanation of a glossary word under the mouse (hover);
- glossary words to pick from while writing inside **bold** (completion).

A glossary YAML file that is open is checked as the author types: a mistake in it is shown at
its line, as `easyread lint` would report it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from easyread import __version__
from easyread.editor.session import EditorSession
from easyread.errors import EasyReadError
from easyread.glossary import Glossary
from easyread.glossary.entry import Entry
from easyread.glossary.loader import parse_glossary
from easyread.lint import fixer
from easyread.lint.findings import Finding

SOURCE = "easyread"
_MARKDOWN = (".md", ".markdown")
_YAML = (".yml", ".yaml")
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_WORD = re.compile(r"[\w'’-]+")


class EasyReadServer(LanguageServer):
    """The language server, with one EditorSession per report folder."""

    def __init__(self) -> None:
        super().__init__("easyread", __version__)
        self.sessions: dict[Path, EditorSession] = {}

    def session_for(self, path: Path) -> EditorSession:
        fresh = EditorSession.for_file(path)
        return self.sessions.setdefault(fresh.root, fresh)

    # -- text kept in memory -------------------------------------------------------------------

    def opened(self, uri: str, text: str) -> None:
        path = _path_of(uri)
        if path is not None and path.suffix.lower() in _MARKDOWN:
            self.session_for(path).open_texts[path] = _lf(text)
        self.check(uri)

    def closed(self, uri: str) -> None:
        path = _path_of(uri)
        if path is not None:
            self.session_for(path).open_texts.pop(path, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    def check(self, uri: str) -> None:
        """Lint the document at `uri` and every other open section of its report (a change in
        one section can change another's findings: an acronym explained earlier)."""
        path = _path_of(uri)
        if path is None:
            return
        if path.suffix.lower() in _YAML:
            self._publish(uri, self._glossary_diagnostics(uri, path))
            return
        if path.suffix.lower() not in _MARKDOWN:
            return
        session = self.session_for(path)
        session.open_texts[path] = _lf(self.workspace.get_text_document(uri).source)
        for open_path, diagnostics in self._section_diagnostics(session, path).items():
            self._publish(from_fs_path(str(open_path)) or uri, diagnostics)

    def _section_diagnostics(
        self, session: EditorSession, path: Path
    ) -> dict[Path, list[types.Diagnostic]]:
        try:
            by_path = session.findings_by_path(path)
        except EasyReadError as error:
            return {path: [error_diagnostic(error, session.open_texts.get(path, ""))]}
        return {
            open_path: [
                diagnostic(finding, session.open_texts[open_path])
                for finding in by_path.get(open_path, [])
            ]
            for open_path in session.open_texts
        }

    def _glossary_diagnostics(self, uri: str, path: Path) -> list[types.Diagnostic]:
        text = _lf(self.workspace.get_text_document(uri).source)
        if not is_glossary_file(path, text):
            return []
        try:
            parse_glossary(text, path)
        except EasyReadError as error:
            return [error_diagnostic(error, text)]
        return []

    def _publish(self, uri: str, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics))

    # -- quick fixes, hover, completion ------------------------------------------------------

    def quick_fixes(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        path = _path_of(uri)
        if path is None or path.suffix.lower() not in _MARKDOWN:
            return []
        session = self.session_for(path)
        try:
            report = session.report_with(path)
            findings = session.findings_for(path)
        except EasyReadError:
            return []
        wanted = [f for f in findings if f.fix is not None and _overlaps(f, params.range)]
        safe = fixer.checked_fixes(report, session.lint_settings(), wanted)
        text = session.open_texts.get(path, "")
        return [_quick_fix(uri, finding, text) for finding in safe]

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        path = _path_of(params.text_document.uri)
        if path is None or path.suffix.lower() not in _MARKDOWN:
            return None
        line = _line(self.workspace.get_text_document(params.text_document.uri).source, params)
        column = _utf16_to_index(line, params.position.character)
        try:
            glossary = self.session_for(path).glossary()
        except EasyReadError:
            return None
        found = glossary_word_at(glossary, line, column)
        if found is None:
            return None
        entry, start, end = found
        position = params.position.line
        return types.Hover(
            contents=types.MarkupContent(types.MarkupKind.Markdown, explanation(entry)),
            range=types.Range(
                types.Position(position, _utf16_length(line[:start])),
                types.Position(position, _utf16_length(line[:end])),
            ),
        )

    def completion(self, params: types.CompletionParams) -> types.CompletionList:
        path = _path_of(params.text_document.uri)
        empty = types.CompletionList(is_incomplete=False, items=[])
        if path is None or path.suffix.lower() not in _MARKDOWN:
            return empty
        line = _line(self.workspace.get_text_document(params.text_document.uri).source, params)
        before = line[: _utf16_to_index(line, params.position.character)]
        if before.count("**") % 2 == 0:
            return empty
        typed = before.rsplit("**", 1)[1]
        try:
            glossary = self.session_for(path).glossary()
        except EasyReadError:
            return empty
        return types.CompletionList(is_incomplete=False, items=completions(glossary, typed))


# -- findings as diagnostics ---------------------------------------------------------------------


def diagnostic(finding: Finding, text: str) -> types.Diagnostic:
    lines = text.split("\n")
    message = finding.message
    if finding.suggestion:
        message += f"\n{finding.suggestion}"
    message += f"\nTo read more about this, run: easyread explain {finding.rule}"
    return types.Diagnostic(
        range=_range(lines, finding.line, finding.column, finding.end_line, finding.end_column),
        message=message,
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE,
        data={"fix": finding.fix} if finding.fix is not None else None,
    )


def error_diagnostic(error: EasyReadError, text: str) -> types.Diagnostic:
    """A problem that stops the file being read, at its line (the first line if none)."""
    lines = text.split("\n")
    line = error.line or 1
    column = error.column or 1
    end = len(lines[line - 1]) + 1 if 0 < line <= len(lines) else column
    message = error.message + (f"\n{error.hint}" if error.hint else "")
    return types.Diagnostic(
        range=_range(lines, line, column, line, max(end, column + 1)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        code="broken-input",
        source=SOURCE,
    )


def _range(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> types.Range:
    return types.Range(_position(lines, line, column), _position(lines, end_line, end_column))


def _position(lines: list[str], line: int, column: int) -> types.Position:
    """1-based line and character (a code point) to LSP's 0-based line and UTF-16 unit."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return types.Position(max(line - 1, 0), _utf16_length(text[: max(column - 1, 0)]))


def _overlaps(finding: Finding, wanted: types.Range) -> bool:
    first, last = finding.line - 1, finding.end_line - 1
    return first <= wanted.end.line and last >= wanted.start.line


def _quick_fix(uri: str, finding: Finding, text: str) -> types.CodeAction:
    lines = text.split("\n")
    edit = types.TextEdit(
        _range(lines, finding.line, finding.column, finding.end_line, finding.end_column),
        finding.fix or "",
    )
    return types.CodeAction(
        title=f"Write '{finding.fix}' instead of '{finding.text}'",
        kind=types.CodeActionKind.QuickFix,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=True,
    )


# -- glossary words ------------------------------------------------------------------------------


def glossary_word_at(glossary: Glossary, line: str, column: int) -> tuple[Entry, int, int] | None:
    """The glossary term the character at `column` of `line` is part of, with its span."""
    for match in glossary.find(line):
        if match.start <= column < match.end:
            return match.entry, match.start, match.end
    word = next((m for m in _WORD.finditer(line) if m.start() <= column < m.end()), None)
    if word is not None:
        entry = glossary.lookup(word.group()) or glossary.acronym(word.group())
        if entry is not None:
            return entry, word.start(), word.end()
    return None


def is_glossary_file(path: Path, text: str) -> bool:
    """A YAML file is taken for a glossary when its name says so or it has `entries:`: other
    YAML files (a workflow, a list of sources) are left alone."""
    return "glossary" in path.name.lower() or re.search(r"(?m)^entries\s*:", text) is not None


def explanation(entry: Entry) -> str:
    lines = [f"**{entry.term}**"]
    if entry.expansion:
        lines.append(f"{entry.term} means {entry.expansion}.")
    lines.append(entry.plain)
    if entry.suggest:
        lines.append("You could write: " + ", ".join(f"'{word}'" for word in entry.suggest))
    if entry.picture:
        lines.append(f"Picture: {entry.picture}")
    return "\n\n".join(lines)


def completions(glossary: Glossary, typed: str) -> list[types.CompletionItem]:
    start = typed.strip().casefold()
    return [
        types.CompletionItem(
            label=entry.term,
            kind=types.CompletionItemKind.Text,
            detail=entry.plain,
            documentation=types.MarkupContent(types.MarkupKind.Markdown, explanation(entry)),
        )
        for entry in sorted(glossary, key=lambda entry: entry.term.casefold())
        if entry.term.casefold().startswith(start)
    ]


# -- positions and paths ---------------------------------------------------------------------


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _utf16_to_index(line: str, units: int) -> int:
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def _line(source: str, params: types.TextDocumentPositionParams) -> str:
    lines = _lf(source).split("\n")
    number = params.position.line
    return lines[number] if 0 <= number < len(lines) else ""


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _path_of(uri: str) -> Path | None:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(os.path.abspath(path)) if path else None


def make_server() -> EasyReadServer:
    server = EasyReadServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EasyReadServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.opened(params.text_document.uri, params.text_document.text)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EasyReadServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EasyReadServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EasyReadServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: EasyReadServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.quick_fixes(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: EasyReadServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["*"])
    )
    def completion(ls: EasyReadServer, params: types.CompletionParams) -> types.CompletionList:
        return ls.completion(params)

    return server


def serve_stdio() -> None:
    """Answer one editor on standard input and output until it says exit."""
    make_server().start_io()
