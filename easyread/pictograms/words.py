"""Words for matching pictograms: tokens, lemmas, stop words and our synonym groups.

A point and a pictogram match on lemmas, so "medicines" finds "medicine" and "died" finds
"die". The surface word is kept too, because a lemma can change the meaning ("glasses" is
not "glass"). Lemmas come from lemminflect (MIT, in the `pictures` extra); the stop words and
synonyms are data files in pictograms/.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

from easyread.resources import data_dir

_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:['’-][a-z0-9]+)*")


def pictograms_dir() -> Path:
    return data_dir("pictograms")


@cache
def stop_words() -> frozenset[str]:
    text = (pictograms_dir() / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        word.strip().lower() for word in text.splitlines() if word.strip() and word[0] != "#"
    )


def tokens(text: str) -> list[str]:
    """Lower-case words, with hyphenated words also split into their parts."""
    found: list[str] = []
    for word in _TOKEN.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        found.append(word)
        if "-" in word:
            found.extend(part for part in word.split("-") if part)
    return found


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word and its dictionary forms ("medicines" → medicines, medicine)."""
    from lemminflect import getAllLemmas  # imported late: it loads its tables on first use

    forms = [word]
    for options in getAllLemmas(word).values():
        forms.extend(form.lower() for form in options if form.lower() not in forms)
    return tuple(forms)


def lemma_words(text: str) -> list[str]:
    """Every word of `text` that can carry meaning, with its lemmas, each once, in order."""
    # dict.fromkeys keeps each form once, where it first comes: lint asks this of every
    # point of a report, so the loop is left to C.
    return list(dict.fromkeys(chain.from_iterable(map(_meaningful_forms, tokens(text)))))


@lru_cache(maxsize=65536)
def _meaningful_forms(word: str) -> tuple[str, ...]:
    """The word and its lemmas that are not stop words; none for a stop word or a letter."""
    skip = stop_words()
    if word in skip or len(word) < 2:
        return ()
    return tuple(form for form in lemmas(word) if form not in skip)


@cache
def _phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    with (pictograms_dir() / "phrases.toml").open("rb") as stream:
        table: dict[str, list[str]] = tomllib.load(stream)["phrases"]
    ordered = sorted(table.items(), key=lambda item: -len(item[0]))  # longest phrase first
    return tuple(
        (re.compile(rf"\b{re.escape(phrase.lower())}\b"), " ".join(words))
        for phrase, words in ordered
    )


def meaning_words(text: str) -> list[str]:
    """Like lemma_words, after reading our phrases ("learning disability") as what they mean."""
    lowered = text.lower().replace("’", "'")
    for pattern, words in _phrases():
        if pattern.search(lowered):
            lowered = pattern.sub(f" {words} ", lowered)
    return lemma_words(lowered)


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Each word of a synonym group, mapped to the other words of its groups."""
    with (pictograms_dir() / "synonyms.toml").open("rb") as stream:
        groups: list[list[str]] = tomllib.load(stream)["groups"]
    related: dict[str, dict[str, None]] = {}
    for group in groups:
        words = [form for member in group for form in lemma_words(member)]
        for word in words:
            others = related.setdefault(word, {})
            for other in words:
                if other != word:
                    others.setdefault(other, None)
    return {word: tuple(others) for word, others in related.items()}
