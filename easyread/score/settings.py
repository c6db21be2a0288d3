"""The [score] table of easyread.toml: targets and the optional gate.

[score]
grade = 5            # highest Flesch-Kincaid grade
reading-ease = 80    # lowest Flesch reading ease
smog = 9             # highest SMOG
fog = 8              # highest Gunning Fog (no target unless set)
dale-chall = 6       # highest Dale-Chall score (no target unless set)
max-words = 15       # words in a sentence before it counts as long
hardest = 3          # hardest sentences listed for each section
fail-under = 70      # like --fail-under: exit 1 when reading ease is below this
fail-scope = "report"  # "report" (the whole report) or "section" (any section)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from easyread.config import toml_line, toml_lines
from easyread.errors import ConfigError

FAIL_SCOPES = ("report", "section")


@dataclass(frozen=True, slots=True)
class Target:
    measure: str  # a Measures field name
    limit: float
    higher_is_easier: bool

    def met(self, value: float | None) -> bool:
        if value is None:
            return True
        return value >= self.limit if self.higher_is_easier else value <= self.limit

    def describe(self) -> str:
        return f"{self.limit:g} or more" if self.higher_is_easier else f"{self.limit:g} or less"


@dataclass(frozen=True, slots=True)
class ScoreSettings:
    grade: float | None = 5.0
    reading_ease: float | None = 80.0
    smog: float | None = 9.0
    fog: float | None = None
    dale_chall: float | None = None
    max_words: int = 15
    hardest: int = 3
    fail_under: float | None = None
    fail_scope: str = "report"

    def targets(self) -> list[Target]:
        found = [
            Target("reading_ease", self.reading_ease, True)
            if self.reading_ease is not None
            else None,
            Target("grade", self.grade, False) if self.grade is not None else None,
            Target("smog", self.smog, False) if self.smog is not None else None,
            Target("fog", self.fog, False) if self.fog is not None else None,
            Target("dale_chall", self.dale_chall, False) if self.dale_chall is not None else None,
        ]
        return [target for target in found if target is not None]

    def target_for(self, measure: str) -> Target | None:
        return next((target for target in self.targets() if target.measure == measure), None)


_NUMBER_KEYS = {
    "grade": "grade",
    "reading-ease": "reading_ease",
    "smog": "smog",
    "fog": "fog",
    "dale-chall": "dale_chall",
    "fail-under": "fail_under",
}
_WHOLE_NUMBER_KEYS = {"max-words": "max_words", "hardest": "hardest"}
KEYS = sorted([*_NUMBER_KEYS, *_WHOLE_NUMBER_KEYS, "fail-scope"])


def settings_from_table(table: dict[str, Any], config_path: Path | None) -> ScoreSettings:
    """Check the [score] table and turn it into settings. Raises ConfigError for the author."""
    lines = _ScoreLines(config_path)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in _NUMBER_KEYS:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise lines.error(key, f"'{key}' in [score] must be a number", f"write {key} = 5")
            values[_NUMBER_KEYS[key]] = float(value)
        elif key in _WHOLE_NUMBER_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise lines.error(
                    key, f"'{key}' in [score] must be a whole number of 1 or more", f"{key} = 15"
                )
            values[_WHOLE_NUMBER_KEYS[key]] = value
        elif key == "fail-scope":
            if value not in FAIL_SCOPES:
                raise lines.error(
                    key, f"fail-scope '{value}' is not known", 'use "report" or "section"'
                )
            values["fail_scope"] = value
        else:
            close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the keys are " + ", ".join(KEYS)
            raise lines.error(key, f"unknown setting '{key}' in [score]", hint)
    return ScoreSettings(**values)


class _ScoreLines:
    """Finds the line of a key inside the [score] table, for error messages."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.lines = toml_lines(path)

    def line_of(self, key: str) -> int | None:
        return toml_line(self.lines, key, ["score"])

    def error(self, key: str, message: str, hint: str) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.line_of(key), hint=hint)
