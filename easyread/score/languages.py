"""Which languages `easyread score` supports, and how well.

- English ("en", any region): every measure, CMU dictionary syllables, the common-word list and
  the Dale-Chall word list.
- German, Spanish, French, Italian, Dutch and Russian: syllables from pyphen and the reading
  ease formula adapted to that language (the constants textstat uses); the grade formulas,
  SMOG, Gunning Fog and Dale-Chall were made for English and are not given.
- Any other language pyphen knows: counts with syllables, no formulas.
- Any other language: sentence and word counts only.
"""

from __future__ import annotations

from dataclasses import dataclass

FULL = "full"
PARTIAL = "partial"
COUNTS = "counts"
WORDS_ONLY = "words-only"

# Reading ease constants (base, per word in a sentence, per syllable in a word), from the
# published adaptations: Flesch (English), Amstad (German), Fernandez Huerta (Spanish),
# Kandel and Moles (French), Flesch-Vacca (Italian), Douma (Dutch), Oborneva (Russian).
READING_EASE_CONSTANTS: dict[str, tuple[float, float, float]] = {
    "en": (206.835, 1.015, 84.6),
    "de": (180.0, 1.0, 58.5),
    "es": (206.84, 1.02, 60.0),
    "fr": (207.0, 1.015, 73.6),
    "it": (217.0, 1.3, 60.0),
    "nl": (206.835, 0.93, 77.0),
    "ru": (206.835, 1.3, 60.1),
}

LANGUAGE_NAMES = {
    "en": "English", "de": "German", "es": "Spanish", "fr": "French", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "cy": "Welsh", "ga": "Irish", "gd": "Scottish Gaelic",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ar": "Arabic", "ur": "Urdu",
    "pa": "Punjabi", "bn": "Bengali", "zh": "Chinese", "so": "Somali", "tr": "Turkish",
    "uk": "Ukrainian", "lt": "Lithuanian", "hu": "Hungarian", "cs": "Czech", "sk": "Slovak",
    "da": "Danish", "sv": "Swedish", "nb": "Norwegian", "fi": "Finnish", "el": "Greek",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class LanguageSupport:
    tag: str  # as written in easyread.toml, e.g. "en-GB"
    root: str  # "en"
    level: str  # FULL, PARTIAL, COUNTS or WORDS_ONLY
    pyphen_name: str | None = None

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.root, self.tag)

    @property
    def counts_syllables(self) -> bool:
        return self.level != WORDS_ONLY

    @property
    def has_word_lists(self) -> bool:
        return self.level == FULL

    @property
    def reading_ease_constants(self) -> tuple[float, float, float] | None:
        return READING_EASE_CONSTANTS.get(self.root) if self.level in (FULL, PARTIAL) else None

    @property
    def english_formulas(self) -> bool:
        return self.level == FULL

    def warning(self) -> str | None:
        """One line for the author when this language is not fully supported."""
        if self.level == FULL:
            return None
        if self.level == PARTIAL:
            return (
                f"For {self.name}, easyread gives reading ease and the counts only: "
                "the other formulas were made for English."
            )
        if self.level == COUNTS:
            return (
                f"Readability formulas are not made for {self.name}: "
                "easyread shows the counts only."
            )
        return (
            f"easyread cannot count syllables or score {self.name}: "
            "it shows sentence and word counts only."
        )


def language_support(tag: str) -> LanguageSupport:
    root = tag.split("-")[0].split("_")[0].lower() or "en"
    if root == "en":
        return LanguageSupport(tag, root, FULL)
    from easyread.score.syllables import pyphen_language

    pyphen_name = pyphen_language(tag)
    if pyphen_name is None:
        return LanguageSupport(tag, root, WORDS_ONLY)
    level = PARTIAL if root in READING_EASE_CONSTANTS else COUNTS
    return LanguageSupport(tag, root, level, pyphen_name)
