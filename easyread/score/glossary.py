"""Hard words, jargon and acronyms from easyread's glossary, if it is installed.

The glossary package is optional for scoring: without it, the glossary counts are 0 and the
report says "glossary not available".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from easyread.config import ReportConfig

KINDS = ("hard-word", "jargon", "acronym")
NOT_AVAILABLE = "glossary not available"


class GlossaryLike(Protocol):
    def find(self, text: str) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    kind: str  # one of KINDS
    start: int
    end: int
    text: str


def load_report_glossary(config: ReportConfig) -> tuple[GlossaryLike | None, str | None]:
    """The report's glossary, or None and a note saying why there is none."""
    try:
        from easyread.glossary import load_glossary
    except ImportError:
        return None, NOT_AVAILABLE
    return load_glossary(config), None


def glossary_hits(glossary: GlossaryLike | None, text: str) -> list[GlossaryHit]:
    if glossary is None:
        return []
    hits = []
    for match in glossary.find(text):
        kind = getattr(getattr(match, "entry", None), "kind", "")
        if kind in KINDS:
            hits.append(GlossaryHit(kind, match.start, match.end, match.text))
    return hits
