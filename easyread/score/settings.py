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

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from easyread.config import SCORE, checked_table

FAIL_SCOPES = SCORE.setting("fail-scope").choices
SHOWN_DECIMALS = 1  # every score is shown and written to JSON with one decimal


@dataclass(frozen=True, slots=True)
class Target:
    measure: str  # a Measures field name
    limit: float
    higher_is_easier: bool

    def met(self, value: float | None) -> bool:
        """Judged on the value as it is shown (one decimal), so a SMOG of 9.04, shown as 9.0,
        meets 'at most 9' instead of being shown as 9.0 and called missed."""
        if value is None:
            return True
        shown = round(value, SHOWN_DECIMALS)
        return shown >= self.limit if self.higher_is_easier else shown <= self.limit

    def describe(self) -> str:
        return f"{self.limit:g} or more" if self.higher_is_easier else f"{self.limit:g} or less"


@dataclass(frozen=True, slots=True)
class ScoreSettings:
    # Defaults and limits are declared once, in the settings schema (easyread.config.SCORE).
    grade: float | None = SCORE.default_of("grade")
    reading_ease: float | None = SCORE.default_of("reading-ease")
    smog: float | None = SCORE.default_of("smog")
    fog: float | None = SCORE.default_of("fog")
    dale_chall: float | None = SCORE.default_of("dale-chall")
    max_words: int = SCORE.default_of("max-words")
    hardest: int = SCORE.default_of("hardest")
    fail_under: float | None = SCORE.default_of("fail-under")
    fail_scope: str = SCORE.default_of("fail-scope")

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


KEYS = sorted(SCORE.keys)


def settings_from_table(
    table: dict[str, Any], config_path: Path | None, lines: list[str] | None = None
) -> ScoreSettings:
    """Check the [score] table against the settings schema and turn it into settings.
    Raises ConfigError for the author."""
    values = checked_table(SCORE, table, config_path, lines)
    return ScoreSettings(**{key.replace("-", "_"): value for key, value in values.items()})
