"""Raw counts and the readability formulas computed from them.

Counts are made once per sentence and added up for points, sections and the report; each
formula is then worked out from the added-up counts, so the counts shown beside a score are
exactly the numbers the formula used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from easyread.score.languages import LanguageSupport

# Published constants.
FK_GRADE = (0.39, 11.8, -15.59)  # Kincaid et al. 1975: words/sentence, syllables/word, constant
SMOG = (1.0430, 30.0, 3.1291)  # McLaughlin 1969, as a formula: factor, sample size, constant
FOG = 0.4  # Gunning 1952: 0.4 x (words/sentence + 100 x long words/words)
DALE_CHALL = (0.1579, 0.0496, 3.6365, 5.0)  # Dale & Chall 1948: hard %, words/sentence, adj, if >


@dataclass(slots=True)
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_words: int = 0  # 3 or more syllables (SMOG's "polysyllables", Fog's "complex words")
    uncommon_words: int = 0  # outside the common-word list
    dale_chall_hard_words: int = 0  # outside the Dale-Chall list of familiar words
    glossary_hard_words: int = 0
    jargon: int = 0
    acronyms: int = 0
    long_sentences: int = 0  # more words than the max-words target
    longest_sentence: int = 0  # words in the longest sentence

    def add(self, other: Counts) -> None:
        """Add another text's counts to these (written out: this runs once per sentence)."""
        self.sentences += other.sentences
        self.words += other.words
        self.syllables += other.syllables
        self.long_words += other.long_words
        self.uncommon_words += other.uncommon_words
        self.dale_chall_hard_words += other.dale_chall_hard_words
        self.glossary_hard_words += other.glossary_hard_words
        self.jargon += other.jargon
        self.acronyms += other.acronyms
        self.long_sentences += other.long_sentences
        self.longest_sentence = max(self.longest_sentence, other.longest_sentence)

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


@dataclass(frozen=True, slots=True)
class Measures:
    reading_ease: float | None = None
    grade: float | None = None
    smog: float | None = None
    fog: float | None = None
    dale_chall: float | None = None


MEASURE_NAMES = {
    "reading_ease": "Reading ease (Flesch)",
    "grade": "Grade (Flesch-Kincaid)",
    "smog": "SMOG",
    "fog": "Gunning Fog",
    "dale_chall": "Dale-Chall",
}


def measures(counts: Counts, language: LanguageSupport, *, dale_chall: bool) -> Measures:
    """Every formula the language supports, from counts; None where it cannot be worked out."""
    if not counts.words or not counts.sentences:
        return Measures()
    words_per_sentence = counts.words_per_sentence
    syllables_per_word = counts.syllables_per_word
    reading_ease = None
    constants = language.reading_ease_constants
    if constants is not None:
        base, per_word, per_syllable = constants
        reading_ease = base - per_word * words_per_sentence - per_syllable * syllables_per_word
    if not language.english_formulas:
        return Measures(reading_ease=reading_ease)
    a, b, c = FK_GRADE
    grade = a * words_per_sentence + b * syllables_per_word + c
    factor, sample, constant = SMOG
    smog = factor * math.sqrt(counts.long_words * sample / counts.sentences) + constant
    fog = FOG * (words_per_sentence + 100.0 * counts.long_words / counts.words)
    dale = None
    if dale_chall:
        per_hard, per_length, adjustment, threshold = DALE_CHALL
        hard_percent = 100.0 * counts.dale_chall_hard_words / counts.words
        dale = per_hard * hard_percent + per_length * words_per_sentence
        if hard_percent > threshold:
            dale += adjustment
    return Measures(reading_ease=reading_ease, grade=grade, smog=smog, fog=fog, dale_chall=dale)
