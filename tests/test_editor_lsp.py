"""easyread lsp, driven as an editor drives it: a real LSP session over the pipes of a child
process (initialize, didOpen, didChange, publishDiagnostics, codeAction, hover, completion,
shutdown, exit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_client import LspClient

from easyread.reader.markdown import MAX_WORD_CHARS

pytestmark = pytest.mark.slow  # a Python process with the whole linter: 2-4 s on a busy machine

CONFIG = 'title = "Our plan"\nlanguage = "en-GB"\n'
SECTION = "# Our plan\n\nWe met with a view to agreeing the plan.\n\nWe will talk to you.\n"


def _report(root: Path) -> Path:
    root.mkdir()
    (root / "easyread.toml").write_text(CONFIG, encoding="utf-8")
    section = root / "01-plan.md"
    section.write_text("# Our plan\n\nWe will talk to you.\n", encoding="utf-8")
    return section


def _open(client: LspClient, uri: str, text: str) -> None:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )


def _change(client: LspClient, uri: str, text: str, version: int) -> None:
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}],
        },
    )


def test_a_session_lints_from_memory_fixes_explains_and_stops(tmp_path: Path) -> None:
    section = _report(tmp_path / "report")
    uri = section.as_uri()
    client = LspClient(tmp_path)
    try:
        capabilities = client.start(tmp_path / "report")["capabilities"]
        assert capabilities["codeActionProvider"]
        assert capabilities["hoverProvider"]

        # The disk holds a clean section; the editor's text is what gets linted.
        _open(client, uri, SECTION)
        diagnostics = client.diagnostics(uri)
        wordy = [d for d in diagnostics if d["code"] == "wordy-phrase"]
        assert len(wordy) == 1, diagnostics
        assert wordy[0]["source"] == "easyread"
        assert wordy[0]["range"]["start"] == {"line": 2, "character": 7}
        assert "easyread explain wordy-phrase" in wordy[0]["message"]

        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": wordy[0]["range"],
                "context": {"diagnostics": wordy},
            },
        )
        assert len(actions) == 1, actions
        edit = actions[0]["edit"]["changes"][uri][0]
        assert edit["range"] == wordy[0]["range"]
        lines = SECTION.split("\n")
        end = wordy[0]["range"]["end"]["character"]
        fixed_line = lines[2][:7] + edit["newText"] + lines[2][end:]
        assert "with a view to" not in fixed_line

        # A keystroke that fixes it: the finding goes, from memory, without a save.
        _change(client, uri, SECTION.replace(lines[2], fixed_line), 2)
        assert not [d for d in client.diagnostics(uri) if d["code"] == "wordy-phrase"]

        # A new jargon word typed: its finding arrives, and hovering explains the word.
        text = "# Our plan\n\nWe talked to our stakeholders about it.\n"
        _change(client, uri, text, 3)
        jargon = [d for d in client.diagnostics(uri) if d["code"] == "jargon"]
        assert jargon and jargon[0]["range"]["start"]["line"] == 2, jargon
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 20}},
        )
        assert hover is not None
        assert "stakeholder" in hover["contents"]["value"].lower()
        assert hover["range"]["start"]["character"] == 17

        # Inside **bold**, glossary words are offered.
        _change(client, uri, "# Our plan\n\nWe met the **stake\n", 4)
        client.diagnostics(uri)
        completion = client.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 18}},
        )
        labels = [item["label"].lower() for item in completion["items"]]
        assert labels and all(label.startswith("stake") for label in labels)
        outside = client.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 6}},
        )
        assert outside["items"] == []

        # Broken input: one diagnostic at its line, and the server keeps going.
        _change(client, uri, "# Our plan\n\n" + "x" * (MAX_WORD_CHARS + 1) + "\n", 5)
        broken = client.diagnostics(uri)
        assert [d["code"] for d in broken] == ["broken-input"]
        assert broken[0]["range"]["start"]["line"] == 2

        assert client.stop() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait(timeout=10)
    assert client.process.returncode == 0


def test_a_glossary_file_is_checked_as_it_is_typed(tmp_path: Path) -> None:
    _report(tmp_path / "report")
    glossary = tmp_path / "report" / "glossary.yml"
    uri = glossary.as_uri()
    client = LspClient(tmp_path)
    try:
        client.start(tmp_path / "report")
        plain = "    plain: A ward is a room in a hospital with beds.\n"
        good = "name: ours\ndescription: Our words.\nentries:\n"
        good += "  - term: ward\n    kind: hard-word\n"
        good += plain
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": good}},
        )
        assert client.diagnostics(uri) == []
        _change(client, uri, good.replace(plain, ""), 2)
        problems = client.diagnostics(uri)
        assert len(problems) == 1 and problems[0]["severity"] == 1, problems
        assert problems[0]["range"]["start"]["line"] == 3, problems  # the entry without 'plain'
        assert "plain" in problems[0]["message"]
        assert client.stop() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait(timeout=10)
