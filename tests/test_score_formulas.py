"""The formulas, worked out by hand from known counts; targets; settings; languages."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest
from test_score_helpers import report_of, score_of

from easyread.config import load_config
from easyread.errors import ConfigError
from easyread.reader import read_stdin
from easyread.score import score_report
from easyread.score.formulas import Counts, measures
from easyread.score.languages import COUNTS, FULL, PARTIAL, WORDS_ONLY, language_support
from easyread.score.settings import ScoreSettings, settings_from_table

HARD = (
    "# Our plans\n\n"
    "The organisation will facilitate the implementation of comprehensive rehabilitation "
    "services, notwithstanding considerable budgetary constraints affecting administrative "
    "infrastructure. Consequently, stakeholders anticipate substantial improvements regarding "
    "accessibility and responsiveness throughout the forthcoming financial year.\n"
)
EASY = (
    "# Our plans\n\n"
    "We will help people get well again. We have less money this year. "
    "But we will still do this. We want it to be easy for you to get help. "
    "We want to help you fast.\n"
)


def test_formulas_from_counts_by_hand() -> None:
    counts = Counts(sentences=2, words=20, syllables=30, long_words=4, dale_chall_hard_words=2)
    found = measures(counts, language_support("en-GB"), dale_chall=True)
    # 10 words a sentence, 1.5 syllables a word, 20% long words, 10% hard words
    assert found.reading_ease == pytest.approx(206.835 - 1.015 * 10 - 84.6 * 1.5)
    assert found.grade == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)
    assert found.smog == pytest.approx(1.043 * math.sqrt(4 * 30 / 2) + 3.1291)
    assert found.fog == pytest.approx(0.4 * (10 + 20))
    assert found.dale_chall == pytest.approx(0.1579 * 10 + 0.0496 * 10 + 3.6365)


def test_dale_chall_adjustment_only_above_five_percent() -> None:
    counts = Counts(sentences=1, words=100, syllables=120, dale_chall_hard_words=5)
    found = measures(counts, language_support("en"), dale_chall=True)
    assert found.dale_chall == pytest.approx(0.1579 * 5 + 0.0496 * 100)


def test_no_words_gives_no_scores() -> None:
    found = measures(Counts(), language_support("en"), dale_chall=True)
    assert found.reading_ease is None and found.grade is None


def test_hard_text_scores_worse_than_its_easy_read_rewrite_on_every_measure() -> None:
    hard, easy = score_of(HARD).measures, score_of(EASY).measures
    assert hard.reading_ease < easy.reading_ease
    for name in ("grade", "smog", "fog", "dale_chall"):
        assert getattr(hard, name) > getattr(easy, name), name
    assert score_of(HARD).counts.long_words > score_of(EASY).counts.long_words
    assert score_of(HARD).counts.uncommon_words > score_of(EASY).counts.uncommon_words


def test_targets_become_warnings() -> None:
    score = score_of(HARD)
    text = " ".join(score.warnings)
    assert "Reading ease" in text and "below the target (80 or more)" in text
    assert "Grade" in text and "SMOG" in text
    assert "longer than 15 words" in text
    assert score_of(EASY).warnings == []


def test_targets_from_settings() -> None:
    score = score_of(EASY, score={"reading-ease": 150, "max-words": 5})
    assert any("below the target (150 or more)" in warning for warning in score.warnings)
    assert any("longer than 5 words" in warning for warning in score.warnings)


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "easyread.toml"
    path.write_text('title = "Test"\n\n[score]\n' + body, encoding="utf-8")
    return path


def test_unknown_score_setting_says_did_you_mean_and_where(tmp_path: Path) -> None:
    path = write_config(tmp_path, "grade = 5\nreading-eas = 80\n")
    with pytest.raises(ConfigError) as caught:  # [score] is checked when the file is read
        load_config(path)
    error = caught.value
    assert error.line == 5
    assert "did you mean 'reading-ease'" in error.one_line().lower()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('grade = "five"\n', "must be a number"),
        ("max-words = 0\n", "whole number"),
        ('fail-scope = "chapter"\n', "fail-scope"),
    ],
)
def test_bad_score_values(tmp_path: Path, body: str, message: str) -> None:
    path = write_config(tmp_path, body)
    with pytest.raises(ConfigError, match=f"(?i){message}") as caught:
        load_config(path)  # [score] is checked when the file is read
    assert caught.value.line == 4
    # and by the score's own reading of a table that did not come from a file
    with pytest.raises(ConfigError, match=f"(?i){message}"):
        settings_from_table(tomllib.loads(path.read_text(encoding="utf-8"))["score"], path)


def test_settings_defaults_follow_the_easy_read_rules() -> None:
    settings = ScoreSettings()
    assert (settings.grade, settings.reading_ease, settings.smog, settings.max_words) == (
        5,
        80,
        9,
        15,
    )


@pytest.mark.parametrize(
    ("tag", "level"),
    [("en-GB", FULL), ("en", FULL), ("de-DE", PARTIAL), ("fr", PARTIAL), ("pl", COUNTS)],
)
def test_language_support_levels(tag: str, level: str) -> None:
    assert language_support(tag).level == level


def test_unsupported_language_warns_and_still_counts() -> None:
    score = score_of("# Teitl\n\nRydym ni wedi cwrdd. Roedd yn dda.\n", language="cy-GB")
    assert score.language.level == WORDS_ONLY
    assert score.counts.sentences == 2 and score.counts.words == 7
    assert score.measures.reading_ease is None
    assert any("Welsh" in note for note in score.notes)


def test_german_uses_its_own_reading_ease_and_pyphen_syllables() -> None:
    score = score_of("# Titel\n\nWir haben uns getroffen. Es war gut.\n", language="de")
    assert score.measures.reading_ease is not None
    assert score.measures.grade is None
    counts = score.counts
    words_per_sentence = counts.words / counts.sentences
    expected = 180 - words_per_sentence - 58.5 * counts.syllables / counts.words
    assert score.measures.reading_ease == pytest.approx(expected)
    assert counts.syllables >= counts.words


def test_read_stdin_uses_score_table() -> None:
    report = read_stdin("# T\n\nWe met.\n")
    assert score_report(report, use_glossary=False).settings == ScoreSettings()
    assert report_of("# T\n\nWe met.\n", score={"smog": 7}).config.tables["score"] == {"smog": 7}
