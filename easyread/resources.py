"""Files that ship with easyread: templates, fonts, glossaries.

In an installed package they live in easyread/_data; in a source checkout they are the
top-level folders, which stay the source of truth.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder `name` ("templates" or "glossary") from the package or the checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"easyread is missing its '{name}' folder: reinstall easyread")


def templates_dir() -> Path:
    return data_dir("templates")


def glossary_dir() -> Path:
    return data_dir("glossary")


@cache
def dale_chall_path() -> Path | None:
    """textstat's copy of the Dale-Chall list of familiar words, found without importing
    textstat (importing it loads NLTK, which is slow and may try to download data)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "resources" / "en" / "easy_words.txt"
        if path.is_file():
            return path
    return None
