"""Word lists the lint rules read: plain words that are rare in wordfreq, wordy phrases with
their plain replacements, nouns made from doing words, and words that look like passive verbs
but are not. They are data, in the top-level `wordlists/` folder (see its README.md), not
code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from easyread.glossary import Entry, Glossary
from easyread.resources import data_dir

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def wordlist_path(name: str) -> Path:
    return data_dir("wordlists") / name


@cache
def accepted_words() -> frozenset[str]:
    """Plain words the uncommon-word rule never reports (wordlists/plain-words.txt)."""
    return frozenset(_lines("plain-words.txt"))


@cache
def wordy_phrases() -> dict[str, tuple[str, ...]]:
    """Wordy phrase -> plainer ways to say it (wordlists/wordy-phrases.yaml)."""
    return {
        " ".join(phrase.split()).lower(): tuple(_as_list(plain))
        for phrase, plain in _mapping("wordy-phrases.yaml").items()
    }


@cache
def wordy_phrase_glossary() -> Glossary:
    """The wordy phrases as a glossary of their own: the glossary's matcher finds every form
    ("commenced", "made use of") in one pass over the report."""
    path = wordlist_path("wordy-phrases.yaml")
    entries = [
        Entry(term=phrase, kind="jargon", plain="", suggest=plain, path=path)
        for phrase, plain in wordy_phrases().items()
    ]
    return Glossary(entries)


@cache
def nominalisations() -> dict[str, str]:
    """Noun made from a doing word -> the doing word (wordlists/nominalisations.yaml)."""
    return {noun.lower(): str(verb) for noun, verb in _mapping("nominalisations.yaml").items()}


@cache
def not_passive() -> frozenset[str]:
    """Words after 'is' or 'was' that describe, not passive verbs (wordlists/not-passive.txt)."""
    return frozenset(_lines("not-passive.txt"))


def _lines(name: str) -> list[str]:
    text = wordlist_path(name).read_text(encoding="utf-8")
    words: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.append(line)
    return words


def _mapping(name: str) -> dict[str, object]:
    data = yaml.load(wordlist_path(name).read_text(encoding="utf-8"), Loader=_FAST_LOADER)
    if not isinstance(data, dict):
        raise ValueError(f"{name} must be a mapping")
    return data


def _as_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]
