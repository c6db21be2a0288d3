"""Glossary entries, matches and the glossary error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from easyread.errors import EasyReadError

KINDS = ("jargon", "acronym", "hard-word")


class GlossaryError(EasyReadError):
    """A problem in a glossary file or in the [glossary] settings."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One word or phrase the glossary knows, with its plain explanation."""

    term: str
    kind: str  # "jargon" | "acronym" | "hard-word"
    plain: str
    suggest: tuple[str, ...] = ()
    expansion: str = ""
    variants: tuple[str, ...] = ()
    picture: str = ""
    case_sensitive: bool = False
    path: Path | None = None
    line: int = 0

    @property
    def key(self) -> str:
        """What makes two entries the same term when files are merged."""
        return self.term.casefold()

    def where(self) -> str:
        if self.path is None:
            return "settings"
        return f"{self.path.name}:{self.line}"


@dataclass(frozen=True, slots=True)
class Match:
    """A glossary term found in a text: offsets into the scanned string."""

    entry: Entry
    start: int
    end: int
    text: str
