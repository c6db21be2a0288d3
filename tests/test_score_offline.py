"""Scoring works with no network and no NLTK data, and never imports NLTK or textstat."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_score_helpers import score_of

from easyread.score import syllables


def _refuse(*args, **kwargs):
    raise OSError("the network is switched off for this test")


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    cache = tmp_path / "cache"
    monkeypatch.setenv("NLTK_DATA", str(empty))
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(cache))
    monkeypatch.setattr(socket, "socket", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    syllables.english_syllables.cache_clear()
    yield cache
    syllables.english_syllables.cache_clear()


def test_scoring_works_offline_and_writes_the_syllable_cache(offline: Path) -> None:
    score = score_of("# Title\n\nThe hospital is beautiful. We met.\n")
    assert score.counts.syllables == 1 + 3 + 1 + 3 + 1 + 1
    assert score.measures.reading_ease is not None
    cached = list(offline.glob("cmudict-syllables-*.txt"))
    assert len(cached) == 1
    syllables.english_syllables.cache_clear()
    again = score_of("# Title\n\nThe hospital is beautiful. We met.\n")
    assert again.counts == score.counts


def test_a_damaged_cache_is_made_again(offline: Path) -> None:
    syllables.english_syllables()
    path = next(offline.glob("cmudict-syllables-*.txt"))
    path.write_text("not a cache\n", encoding="utf-8")
    syllables.english_syllables.cache_clear()
    assert syllables.english_syllables()["hospital"] == 3


def test_an_unwritable_cache_folder_only_costs_speed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(blocker / "cache"))
    syllables.english_syllables.cache_clear()
    try:
        assert syllables.english_syllables()["beautiful"] == 3
    finally:
        syllables.english_syllables.cache_clear()


SCRIPT = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("no network")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from easyread.cli import main
code = main(["score", sys.argv[1], "--format", "json"])
assert "nltk" not in sys.modules, "nltk was imported"
assert "textstat" not in sys.modules, "textstat was imported"
sys.exit(code)
"""


def test_command_never_imports_nltk_or_textstat(tmp_path: Path) -> None:
    source = tmp_path / "section.md"
    source.write_text("# Title\n\nWe met. It was good.\n", encoding="utf-8")
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {
        **os.environ,
        "NLTK_DATA": str(empty),
        "EASYREAD_CACHE_DIR": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["report"]["counts"]["sentences"] == 2
    assert data["report"]["counts"]["syllables"] == 5
