"""Hard words, jargon and acronyms from the report's glossary, as the scorer counts them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from easyread.config import ReportConfig
from easyread.glossary import load_glossary

KINDS = ("hard-word", "jargon", "acronym")


class GlossaryLike(Protocol):
    def find(self, text: str) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    kind: str  # one of KINDS
    start: int
    end: int
    text: str


def load_report_glossary(config: ReportConfig) -> GlossaryLike:
    """The report's glossary: the built-in glossaries and the project's own."""
    return load_glossary(config)


def glossary_hits(glossary: GlossaryLike | None, text: str) -> list[GlossaryHit]:
    if glossary is None:
        return []
    hits = []
    for match in glossary.find(text):
        kind = getattr(getattr(match, "entry", None), "kind", "")
        if kind in KINDS:
            hits.append(GlossaryHit(kind, match.start, match.end, match.text))
    return hits
