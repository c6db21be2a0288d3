"""The built-in pictogram library: OpenMoji 17, searchable by meaning.

The index (pictograms/openmoji-index.tsv) is derived from OpenMoji's annotation data: each
pictogram's name and tags as lemmas. Our own keywords for Easy Read topics (health, money,
rights ...) are added from pictograms/keywords/*.toml, so a "doctor" point finds the health
worker and the stethoscope although OpenMoji's own words for them differ.

A search scores each pictogram by the words it shares with the query, each weighted by how
rare the word is in the library (a word on 400 pictograms says little) and by where the
pictogram has it (its name and our keywords count more than its tags). Skin-tone variants
are kept in the library but ranked through their base pictogram, so one idea is one result.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from easyread.pictograms.words import lemma_words, meaning_words, pictograms_dir, synonyms

LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
SOURCE = "OpenMoji 17 (https://openmoji.org)"
LIBRARY_NAME = "openmoji"
NAME_WEIGHT = 3.0
KEYWORD_WEIGHT = 3.0
TAG_WEIGHT = 1.0
SYNONYM_SHARE = 0.5  # a synonym counts half as much as the word the author wrote
# Some groups rarely show an idea in an Easy Read report: flags, letters and symbols.
GROUP_FACTORS = {"flags": 0.4, "extras-unicode": 0.5, "component": 0.0}
# People doing something are easier to read than a symbol (Easy Read designers' advice).
SUBGROUP_FACTORS = {"person-role": 1.15, "person-activity": 1.15, "family": 1.1}
NAME_COVERAGE_BONUS = 0.5
_WHO = frozenset({"man", "woman", "men", "women", "male", "female", "person", "people"})


@dataclass(frozen=True, slots=True)
class Pictogram:
    hexcode: str
    name: str
    group: str
    subgroup: str
    base: str  # the pictogram this is a skin-tone variant of, or ""
    author: str
    name_words: tuple[str, ...]
    tag_words: tuple[str, ...]
    keywords: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        """The hexcode that stands for this idea: the base of a skin-tone variant."""
        return self.base or self.hexcode

    @property
    def concept(self) -> str:
        """The idea without who shows it: "man health worker" and "health worker" are one."""
        words = self.name.split(":")[0].lower().split()
        while len(words) > 1 and words[0] in _WHO:
            words = words[1:]
        return " ".join(words)

    @property
    def alt_text(self) -> str:
        """Alt text from the pictogram's meaning, for the author to check."""
        name = self.name.split(":")[0].strip()
        return name[:1].upper() + name[1:]

    @property
    def file_stem(self) -> str:
        words = [w for w in self.name.split(":")[0].lower().replace("’", "").split() if w]
        cleaned = "".join(c if c.isalnum() else "-" for c in "-".join(words))
        return "-".join(part for part in cleaned.split("-") if part)[:60] or self.hexcode


@dataclass(frozen=True, slots=True)
class Match:
    pictogram: Pictogram
    score: float
    words: tuple[str, ...]  # the query words it matched


class Library:
    def __init__(self, pictograms: list[Pictogram]) -> None:
        self.pictograms = pictograms
        self.by_hexcode = {p.hexcode: p for p in pictograms}
        self._ranked = [p for p in pictograms if not p.base and _factor(p) > 0]
        self._postings, self._idf = _postings(self._ranked)

    def __len__(self) -> int:
        return len(self.pictograms)

    def get(self, hexcode: str) -> Pictogram | None:
        return self.by_hexcode.get(hexcode.upper())

    def variants(self, hexcode: str) -> list[Pictogram]:
        return [p for p in self.pictograms if p.base == hexcode]

    def search(self, text: str, limit: int = 10) -> list[Match]:
        """Pictograms for some words, best first."""
        return self.rank(query_weights(meaning_words(text)), limit)

    def rank(
        self,
        weights: Mapping[str, float],
        limit: int = 10,
        prefer: Mapping[str, float] | None = None,
    ) -> list[Match]:
        """Pictograms for weighted query words (word → weight), best first. `prefer` raises
        the score of some pictograms that match (hexcode → factor)."""
        scores: dict[int, float] = {}
        matched: dict[int, list[str]] = {}
        for word, weight in weights.items():
            postings = self._postings.get(word)
            if not postings:
                continue
            idf = self._idf[word]
            for index, field_weight in postings:
                scores[index] = scores.get(index, 0.0) + weight * field_weight * idf
                matched.setdefault(index, []).append(word)
        results = []
        for index, score in scores.items():
            pictogram = self._ranked[index]
            covered = sum(1 for w in pictogram.name_words if w in weights) / max(
                1, len(pictogram.name_words)
            )
            final = score * _factor(pictogram) * (1 + NAME_COVERAGE_BONUS * covered)
            if prefer:
                final *= prefer.get(pictogram.hexcode, 1.0)
            results.append(Match(pictogram, round(final, 3), tuple(matched[index])))
        results.sort(key=lambda m: (-m.score, len(m.pictogram.hexcode), m.pictogram.hexcode))
        return _one_per_idea(results, limit)


def _one_per_idea(matches: list[Match], limit: int) -> list[Match]:
    """The best match for each idea, so the top 3 are 3 different pictures."""
    seen: set[str] = set()
    kept: list[Match] = []
    for match in matches:
        if match.pictogram.concept in seen:
            continue
        seen.add(match.pictogram.concept)
        kept.append(match)
        if len(kept) == limit:
            break
    return kept


def query_weights(words: Iterable[str], weight: float = 1.0) -> dict[str, float]:
    """Query words with their synonyms at a lower weight."""
    weights: dict[str, float] = {}
    related = synonyms()
    for word in words:
        weights[word] = max(weights.get(word, 0.0), weight)
        for other in related.get(word, ()):
            weights[other] = max(weights.get(other, 0.0), weight * SYNONYM_SHARE)
    return weights


def _factor(pictogram: Pictogram) -> float:
    return GROUP_FACTORS.get(pictogram.group, 1.0) * SUBGROUP_FACTORS.get(pictogram.subgroup, 1.0)


def _postings(
    pictograms: list[Pictogram],
) -> tuple[dict[str, list[tuple[int, float]]], dict[str, float]]:
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, pictogram in enumerate(pictograms):
        weights: dict[str, float] = {}
        for words, weight in (
            (pictogram.tag_words, TAG_WEIGHT),
            (pictogram.name_words, NAME_WEIGHT),
            (pictogram.keywords, KEYWORD_WEIGHT),
        ):
            for word in words:
                weights[word] = max(weights.get(word, 0.0), weight)
        for word, weight in weights.items():
            postings.setdefault(word, []).append((index, weight))
    total = len(pictograms)
    idf = {word: math.log(1 + total / len(found)) for word, found in postings.items()}
    return postings, idf


@cache
def load_library() -> Library:
    """The built-in library, read once per process."""
    folder = pictograms_dir()
    keywords = topic_keywords(folder / "keywords")
    pictograms = [
        _pictogram(line, keywords)
        for line in (folder / "openmoji-index.tsv").read_text(encoding="utf-8").splitlines()[1:]
        if line
    ]
    return Library(pictograms)


def _pictogram(line: str, keywords: Mapping[str, tuple[str, ...]]) -> Pictogram:
    hexcode, name, group, subgroup, base, author, name_words, tag_words = line.split("\t")
    return Pictogram(
        hexcode,
        name,
        group,
        subgroup,
        base,
        author,
        tuple(name_words.split()),
        tuple(tag_words.split()),
        keywords.get(hexcode, ()),
    )


def topic_keywords(folder: Path) -> dict[str, tuple[str, ...]]:
    """Our added words for each pictogram, from every topic file (hexcode → lemmas)."""
    found: dict[str, dict[str, None]] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as stream:
            table = tomllib.load(stream).get("pictograms", {})
        for hexcode, phrases in table.items():
            words = found.setdefault(hexcode.upper(), {})
            for phrase in phrases:
                for word in lemma_words(phrase):
                    words.setdefault(word, None)
    return {hexcode: tuple(words) for hexcode, words in found.items()}
