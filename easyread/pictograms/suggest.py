"""Suggest library pictures for the points of a report, best first.

A point's words are its query: each word and its lemmas, with the hard (bold) words counting
more, and the section title a little. A word the report uses in many points ("disability" in
a report about learning disability) says little about one point, so it counts less, the same
way a word on many pictograms counts less in the library.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from easyread.model import Point, Report, Section
from easyread.pictograms.library import LIBRARY_NAME, SYNONYM_SHARE, Library, Match
from easyread.pictograms.records import load_records
from easyread.pictograms.words import meaning_words, synonyms

TOP = 3
HARD_WORD_WEIGHT = 1.5
FIRST_SENTENCE_WEIGHT = 1.2
TITLE_WEIGHT = 0.4
# A picture the report already uses for a matching idea comes first: the same picture for the
# same idea all through the document, as Easy Read designers do.
SAME_PICTURE_FACTOR = 2.0


@dataclass(frozen=True, slots=True)
class PointSuggestion:
    section: Section
    point: Point
    matches: list[Match]

    @property
    def has_picture(self) -> bool:
        return self.point.picture is not None


def suggest_for_report(
    report: Report, library: Library, *, every_point: bool = False, top: int = TOP
) -> list[PointSuggestion]:
    """Suggestions for each point with no picture (or for every point)."""
    body = [(s, p) for s, p in report.points() if s.role == "body"]
    spread = _word_spread([point for _, point in body])
    prefer = dict.fromkeys(pictograms_in_use(report), SAME_PICTURE_FACTOR)
    found = []
    for section, point in body:
        if point.picture is not None and not every_point:
            continue
        weights = point_query(point, section, spread, len(body))
        found.append(PointSuggestion(section, point, library.rank(weights, top, prefer)))
    return found


def pictograms_in_use(report: Report) -> set[str]:
    """Library pictograms the report already uses (known from their records)."""
    records = load_records(report.root)
    used = set()
    for _, point in report.points():
        if point.picture is None:
            continue
        parts = PurePosixPath(point.picture.src).parts
        key = "/".join(parts[1:] if parts[:1] == ("pictures",) else parts)
        record = records.get(key)
        if record is not None and record.library_id.startswith(f"{LIBRARY_NAME}:"):
            used.add(record.library_id.split(":", 1)[1])
    return used


def suggest_for_text(text: str, library: Library, top: int = TOP) -> list[Match]:
    return library.rank(_with_synonyms(dict.fromkeys(meaning_words(text), 1.0)), top)


def point_query(
    point: Point, section: Section, spread: Counter[str], points: int
) -> dict[str, float]:
    """The point's words, weighted: word → weight."""
    weights: dict[str, float] = {}
    for index, sentence in enumerate(point.sentences):
        sentence_weight = FIRST_SENTENCE_WEIGHT if index == 0 else 1.0
        for run in sentence.runs:
            weight = sentence_weight * (HARD_WORD_WEIGHT if run.strong else 1.0)
            for word in meaning_words(run.text):
                weights[word] = max(weights.get(word, 0.0), weight)
    for word in meaning_words(section.title.text):
        weights[word] = max(weights.get(word, 0.0), TITLE_WEIGHT)
    for word in weights:
        weights[word] *= _rarity(spread.get(word, 1), points)
    return _with_synonyms(weights)


def _with_synonyms(weights: dict[str, float]) -> dict[str, float]:
    related = synonyms()
    expanded = dict(weights)
    for word, weight in weights.items():
        for other in related.get(word, ()):
            expanded[other] = max(expanded.get(other, 0.0), weight * SYNONYM_SHARE)
    return expanded


def _word_spread(points: list[Point]) -> Counter[str]:
    """In how many points each word appears."""
    spread: Counter[str] = Counter()
    for point in points:
        spread.update(set(meaning_words(point.text)))
    return spread


def _rarity(points_with_word: int, points: int) -> float:
    """1 for a word in one point, less for a word in many (0.5 at about 1 point in 8)."""
    if points <= 1:
        return 1.0
    return math.log(1 + points / points_with_word) / math.log(1 + points)
