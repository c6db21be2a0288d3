"""Words for matching pictograms: tokens, lemmas, stop words and our synonym groups.

A point and a pictogram match on lemmas, so "medicines" finds "medicine" and "died" finds
"die". The surface word is kept too, because a lemma can change the meaning ("glasses" is
not "glass"). Lemmas come from lemminflect (MIT, in the `pictures` extra); the stop words and
synonyms are data files in pictograms/.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

from easyread.cache import cache_dir, write_cache_file
from easyread.resources import data_dir

_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:['’-][a-z0-9]+)*")
_LEMMA_TABLE_VERSION = 1


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
    lowered = text.lower()
    if "’" in lowered:
        lowered = lowered.replace("’", "'")
    words = _TOKEN.findall(lowered)
    if "'" not in lowered and "-" not in lowered:
        return words  # nothing to take off or split: lint asks this of every point
    found: list[str] = []
    for word in words:
        word = word.removesuffix("'s")
        found.append(word)
        if "-" in word:
            found.extend(part for part in word.split("-") if part)
    return found


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word and its dictionary forms ("medicines" → medicines, medicine)."""
    forms = [word]
    for form in _dictionary_forms(word):
        if form not in forms:
            forms.append(form)
    return tuple(forms)


def _dictionary_forms(word: str) -> list[str]:
    """lemminflect's lemmas of `word`, in lower case and in its order, repeats kept."""
    table = lemma_table() if _table_can_say(word) else None
    if table is not None:
        return table.forms(word)
    from lemminflect import getAllLemmas  # imported late: it loads its tables on first use

    return [form.lower() for options in getAllLemmas(word).values() for form in options]


def _table_can_say(word: str) -> bool:
    """True for a word lemminflect looks up as it is and answers in its own case."""
    lower_style = not word.isupper() and not word[:1].isupper()  # lemminflect's getCapsStyle
    return lower_style and word == word.lower() and "\t" not in word and "\n" not in word


class LemmaTable:
    """lemminflect's lemmas of every lower-case word it knows, as sorted lines of
    "word<TAB>form<TAB>form": a binary search finds a word's line. Reading lemminflect's own
    tables takes about 0.4 s and 30 MB; this table is read in milliseconds and takes 5 MB."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def forms(self, word: str) -> list[str]:
        key = word + "\t"
        lines = self._lines
        at = bisect_left(lines, key)
        if at < len(lines) and lines[at].startswith(key):
            return lines[at].split("\t")[1:]
        return []


@cache
def lemma_table() -> LemmaTable | None:
    """The table, read from the cache folder, or made (and cached) the first time; None if
    lemminflect's tables cannot be found (then lemmas asks lemminflect itself)."""
    path = _lemma_table_path()
    if path is None:
        return None
    try:
        header, *lines = path.read_text(encoding="utf-8").split("\n")
        if header == _lemma_table_header(len(lines)):
            return LemmaTable(lines)
    except (OSError, UnicodeDecodeError, ValueError):
        pass  # missing or damaged: made again
    lines = build_lemma_lines()
    if lines is None:
        return None
    write_cache_file(path, "\n".join([_lemma_table_header(len(lines)), *lines]))
    return LemmaTable(lines)


def _lemma_table_header(count: int) -> str:
    return f"easyread lemma table {_LEMMA_TABLE_VERSION}: {count} words"


def build_lemma_lines() -> list[str] | None:
    """A line for each lower-case word lemminflect has lemmas for, sorted; None if a form
    holds a tab or a new line (the table could not say it)."""
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    words = {*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()}
    lines: list[str] = []
    for word in words:
        if not _table_can_say(word):
            continue
        forms = [form.lower() for options in getAllLemmas(word).values() for form in options]
        if any("\t" in form or "\n" in form for form in forms):
            return None
        if forms:
            lines.append("\t".join([word, *forms]))
    lines.sort()
    return lines


def _lemma_table_path() -> Path | None:
    spec = importlib.util.find_spec("lemminflect")
    for place in (spec.submodule_search_locations or []) if spec else []:
        resources = Path(place) / "resources"
        if resources.exists():
            info = resources.stat()
            stamp = f"{info.st_size}-{info.st_mtime_ns}"
            return cache_dir() / f"lemmas-{stamp}-v{_LEMMA_TABLE_VERSION}.txt"
    return None


def lemma_words(text: str) -> list[str]:
    """Every word of `text` that can carry meaning, with its lemmas, each once, in order."""
    # dict.fromkeys keeps each form once, where it first comes: lint asks this of every
    # point of a report, so the loop is left to C.
    return list(dict.fromkeys(chain.from_iterable(map(_meaningful_forms, tokens(text)))))


def meaningful_words(text: str) -> frozenset[str]:
    """frozenset(lemma_words(text)), without putting the words in order first."""
    return frozenset(chain.from_iterable(map(_meaningful_forms, tokens(text))))


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
