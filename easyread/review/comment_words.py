"""What a comment's words count as: "I do not understand", "Change the picture", "I understand",
or only a comment. The phrases are data, in templates/matter/<language>/feedback-phrases.toml,
which says how they are matched."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from easyread.edition import matter_dir, matter_language

PHRASES_FILE = "feedback-phrases.toml"
KINDS = ("not-understand", "change-picture", "understand")


@dataclass(frozen=True, slots=True)
class CommentMeaning:
    not_understand: bool
    change_picture: bool
    understand: bool


@cache
def phrase_patterns(language: str = "en") -> dict[str, re.Pattern[str]]:
    """One pattern per kind, matching any of its phrases as whole words."""
    path = matter_dir() / matter_language(language) / PHRASES_FILE
    if not path.is_file():
        path = matter_dir() / "en" / PHRASES_FILE
    with path.open("rb") as stream:
        data = tomllib.load(stream)
    return {kind: _pattern([str(phrase) for phrase in data.get(kind, [])]) for kind in KINDS}


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    parts = []
    for phrase in phrases:
        words = [_normal(word) for word in phrase.split()]
        pieces = [r"(?:\S+\s+){0,3}\S+" if word == "*" else re.escape(word) for word in words]
        parts.append(r"\s+".join(pieces))
    if not parts:
        return re.compile(r"(?!)")  # a kind with no phrases matches nothing
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])")


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


def comment_meaning(text: str, language: str = "en") -> CommentMeaning:
    """ "Good point, we like this" is only a comment; "I don't understand this word" is not."""
    patterns = phrase_patterns(language)
    words = _normal(text)
    change_picture = bool(patterns["change-picture"].search(words))
    # "The picture is confusing" asks for a new picture; it is not about the words.
    rest = patterns["change-picture"].sub(" ", words)
    not_understand = bool(patterns["not-understand"].search(rest))
    understand = not not_understand and bool(patterns["understand"].search(words))
    return CommentMeaning(not_understand, change_picture, understand)
