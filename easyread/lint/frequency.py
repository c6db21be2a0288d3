"""How often a word is used in everyday English, on the Zipf scale, for the uncommon-word rule.

The numbers come from `wordfreq` (code Apache-2.0, data CC BY-SA 4.0), which counts words in
films, books, news, Wikipedia and the web. The Zipf scale is log10 of uses per billion words:
6 is "the", 4 is about once in every 10,000 words, 3 once in every million.

A word counts with all its forms: lemminflect (MIT) gives each word's lemma ("notified" ->
"notify") and the lemma's inflections, and the word family's uses are added up. So "notified",
"notifies" and "notifying" all get the frequency of the family "notify".

Loading wordfreq's list and lemminflect's tables takes about half a second, and working out the
families about a second more, so the finished table is written once into the cache folder
(see easyread.cache) and later runs read it in a few milliseconds.
"""

from __future__ import annotations

import importlib.util
import marshal
import math
import sys
from functools import cache
from pathlib import Path

from easyread.cache import cache_dir

# Words rarer than this are left out of the table: the rule's threshold cannot go below it.
FLOOR = 1.5
_VERSION = 2


class FrequencyTable:
    """Zipf frequency (of the word's family) and lemma for every word wordfreq knows."""

    def __init__(self, zipf: dict[str, int], lemmas: dict[str, str]) -> None:
        self._zipf = zipf  # word -> Zipf times 100
        self._lemmas = lemmas  # word -> lemma, only where they differ

    def __len__(self) -> int:
        return len(self._zipf)

    def zipf(self, word: str) -> float:
        """Zipf frequency of a lower-case word's family; 0 for a word wordfreq does not know."""
        return self._zipf.get(word, 0) / 100

    def lemma(self, word: str) -> str:
        return self._lemmas.get(word, word)


@cache
def frequency_table() -> FrequencyTable:
    """The table, read from the cache folder, or made (and cached) the first time."""
    path = _cache_path()
    if path is not None:
        loaded = _read(path)
        if loaded is not None:
            return loaded
    zipf, lemmas = build_table()
    if path is not None:
        _write(path, zipf, lemmas)
    return FrequencyTable(zipf, lemmas)


def build_table() -> tuple[dict[str, int], dict[str, str]]:
    """Every word wordfreq counts at FLOOR or more, with the Zipf frequency of its family."""
    import lemminflect
    import wordfreq

    per_word = {
        word: frequency
        for word, frequency in wordfreq.get_frequency_dict("en").items()
        if frequency >= 10 ** (FLOOR - 9) and word.replace("'", "").isalpha()
    }
    family_sizes: dict[str, float] = {}

    def family(lemma: str) -> float:
        total = family_sizes.get(lemma)
        if total is None:
            forms = {lemma}
            for spelled in lemminflect.getAllInflections(lemma).values():
                forms.update(spelled)
            total = family_sizes[lemma] = sum(per_word.get(form, 0.0) for form in forms)
        return total

    zipf: dict[str, int] = {}
    lemmas: dict[str, str] = {}
    for word, frequency in per_word.items():
        best = frequency
        found = lemminflect.getAllLemmas(word) or _plural_lemma(word, per_word)
        first_lemma = ""
        for spelled in found.values():
            for lemma in spelled:
                first_lemma = first_lemma or lemma
                best = max(best, family(lemma))
        zipf[word] = round((math.log10(best) + 9) * 100)
        if first_lemma and first_lemma != word:
            lemmas[word] = first_lemma
    return zipf, lemmas


def _plural_lemma(word: str, known: dict[str, float]) -> dict[str, tuple[str, ...]]:
    """A plural lemminflect does not know ("stakeholders"): the word without its -s."""
    if word.endswith("s") and not word.endswith("ss") and word[:-1] in known:
        return {"NOUN": (word[:-1],)}
    return {}


def _cache_path() -> Path | None:
    stamp = _data_stamp()
    if stamp is None:
        return None
    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    return cache_dir() / f"word-frequencies-{stamp}-{python}-v{_VERSION}.marshal"


def _data_stamp() -> str | None:
    """Size and time of wordfreq's English list and lemminflect's tables, found without
    importing them, so that an update of either makes a new table."""
    parts: list[str] = []
    for package, name in (("wordfreq", "data/large_en.msgpack.gz"), ("lemminflect", "resources")):
        spec = importlib.util.find_spec(package)
        locations = (spec.submodule_search_locations or []) if spec else []
        found = [Path(place) / name for place in locations if (Path(place) / name).exists()]
        if not found:
            return None
        info = found[0].stat()
        parts.append(f"{info.st_size}-{info.st_mtime_ns}")
    return "-".join(parts)


def _read(path: Path) -> FrequencyTable | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 2:
        return None
    zipf, lemmas = data
    if not isinstance(zipf, dict) or not isinstance(lemmas, dict):
        return None
    return FrequencyTable(zipf, lemmas)


def _write(path: Path, zipf: dict[str, int], lemmas: dict[str, str]) -> None:
    from easyread.cache import write_cache_bytes

    write_cache_bytes(path, marshal.dumps((zipf, lemmas)))
