"""Helpers shared by the score tests (this file holds no tests)."""

from __future__ import annotations

from easyread.config import ReportConfig
from easyread.model import Report
from easyread.reader import read_stdin
from easyread.score import score_report
from easyread.score.scorer import ReportScore


def report_of(markdown: str, language: str = "en-GB", score: dict | None = None) -> Report:
    config = ReportConfig(path=None, language=language, tables={"score": score or {}})
    return read_stdin(markdown, config=config)


def score_of(markdown: str, **kwargs) -> ReportScore:
    return score_report(report_of(markdown, **kwargs), use_glossary=False)


class _Entry:
    def __init__(self, kind: str) -> None:
        self.kind = kind


class _Match:
    def __init__(self, kind: str, start: int, end: int, text: str) -> None:
        self.entry = _Entry(kind)
        self.start, self.end, self.text = start, end, text


class FakeGlossary:
    """Stands in for easyread.glossary: finds a fixed set of words."""

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words

    def find(self, text: str) -> list[_Match]:
        found = []
        for word, kind in self.words.items():
            start = text.find(word)
            if start >= 0:
                found.append(_Match(kind, start, start + len(word), word))
        return found
