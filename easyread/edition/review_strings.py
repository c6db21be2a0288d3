"""The words review copies, change lists and the Checked by page use, per language."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from easyread.edition import load_strings, matter_dir, matter_language


@cache
def review_strings(language: str) -> dict[str, str]:
    """The report's matter words merged with review-strings.toml of the same language."""
    folder = matter_language(language)
    path = matter_dir() / folder / "review-strings.toml"
    if not path.is_file():
        path = matter_dir() / "en" / "review-strings.toml"
    with path.open("rb") as stream:
        own = tomllib.load(stream)
    return {**load_strings(folder), **own}


def how_to_path(language: str) -> Path:
    return _matter_page(language, "review-how-to.md")


def facilitator_path(language: str) -> Path:
    """The facilitator's sheet printed at the end of a review copy."""
    return _matter_page(language, "review-facilitator.md")


def _matter_page(language: str, name: str) -> Path:
    path = matter_dir() / matter_language(language) / name
    return path if path.is_file() else matter_dir() / "en" / name


def join_names(names: list[str], word_and: str) -> str:
    """Sam, Ali and Jo."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word_and} {names[-1]}"
