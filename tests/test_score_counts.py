"""Hand-counted texts: sentences, words, syllables and the word lists behind the counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_score_helpers import FakeGlossary, report_of, score_of

from easyread.config import ReportConfig
from easyread.reader import read_stdin
from easyread.score import score_report
from easyread.score.formulas import Counts
from easyread.score.languages import language_support
from easyread.score.syllables import guess_english_syllables
from easyread.score.words import WordBook, in_word_list, normalise


def test_short_sentences_count() -> None:
    score = score_of("# Title\n\nWe met. It was good.\n")
    counts = score.counts
    assert (counts.sentences, counts.words, counts.syllables) == (2, 5, 5)
    assert counts.longest_sentence == 3
    assert counts.words_per_sentence == 2.5


def test_hand_counted_syllables_and_long_words() -> None:
    # The(1) hospital(3) is(1) beautiful(3). We(1) can(1) help(1) you(1).
    score = score_of("# Title\n\nThe hospital is beautiful. We can help you.\n")
    counts = score.counts
    assert (counts.sentences, counts.words, counts.syllables) == (2, 8, 12)
    assert counts.long_words == 2
    assert counts.syllables_per_word == 1.5


def test_abbreviations_and_numbers_do_not_split_sentences() -> None:
    score = score_of("# Title\n\nBring food e.g. bread to the meeting at 10.30am today.\n")
    assert score.counts.sentences == 1
    assert score.counts.words == 10


def test_headings_and_alt_text_stay_out_of_the_body_counts() -> None:
    markdown = (
        "# A very long and complicated organisational heading\n\n"
        "![An extraordinarily complicated description of a photograph](p.png)\n"
        "We met.\n\n"
        "## Another considerable heading\n\nIt was good.\n"
    )
    score = score_of(markdown)
    section = score.sections[0]
    assert (section.counts.sentences, section.counts.words) == (2, 5)
    assert section.heading_counts.sentences == 2
    assert section.heading_counts.words == 7 + 3
    assert section.alt_text_counts.sentences == 1
    assert section.alt_text_counts.words == 7
    assert section.counts.long_words == 0


def test_list_items_are_sentences_of_their_own() -> None:
    score = score_of("# Title\n\nYou can bring:\n\n- a friend\n- your notes\n")
    section = score.sections[0]
    assert [point.in_list for point in section.points] == [False, True, True]
    assert section.counts.sentences == 3
    assert section.counts.words == 7


def test_counts_add_up_from_sentences_to_the_report() -> None:
    markdown = (
        "# One\n\nWe met. It was good.\n\nThe hospital is beautiful.\n\n"
        "# Two\n\nEveryone was there.\n"
    )
    report = report_of(markdown.split("# Two")[0])
    score = score_report(report, use_glossary=False)
    total = Counts()
    for sentence in score.sentences():
        total.add(sentence.counts)
    assert total == score.counts
    point_total = Counts()
    for point in score.sections[0].points:
        point_total.add(point.counts)
    assert point_total == score.sections[0].counts


def test_syllable_fallback_for_unknown_words() -> None:
    assert guess_english_syllables("flibbertigibbetish") >= 5
    assert guess_english_syllables("zorp") == 1
    assert guess_english_syllables("blorbate") == 2


def test_hyphenated_words_and_numbers() -> None:
    book = WordBook(language_support("en-GB"))
    assert book.info("well-being").syllables == 3  # well(1) + being(2)
    number = book.info("4,000")
    assert number.number and number.common and number.syllables == 1


def test_common_word_list_and_inflections() -> None:
    book = WordBook(language_support("en"))
    assert book.info("hospital").common
    assert book.info("deaths").common
    assert not book.info("pneumonia").common
    words = frozenset({"stop", "make", "day", "happy"})
    assert all(in_word_list(word, words) for word in ("stopped", "making", "days", "happier"))
    assert not in_word_list("stopwatch", words)
    assert normalise("“Don’t,”") == "don't"


def test_names_are_not_uncommon_words() -> None:
    score = score_of("# Title\n\nWe went to Leeds with Priya. Zorbles are odd.\n")
    section = score.sections[0]
    assert section.counts.uncommon_words == 1  # "Zorbles" starts its sentence: not a name
    assert section.hardest[0].words.uncommon == ["Zorbles"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "We went to the shop and then we went home and then we had our tea "
            "and then we went to bed.",
            "long: 22 words",
        ),
        ("We need rehabilitation.", "long words: 'rehabilitation'"),
        ("We saw the carers.", "uncommon words: 'carers'"),
    ],
)
def test_reasons_in_plain_words(text: str, reason: str) -> None:
    score = score_of(f"# Title\n\n{text}\n")
    hardest = score.sections[0].hardest
    assert hardest, "the sentence should be listed as hard"
    assert reason in [item.text for item in hardest[0].reasons]


def test_bold_hard_words_are_counted_but_not_given_as_reasons() -> None:
    score = score_of("# Title\n\nYou may get **pneumonia**.\n")
    section = score.sections[0]
    assert section.counts.uncommon_words == 1
    assert section.hardest == []


def test_hardest_sentences_are_ranked_and_limited() -> None:
    text = (
        "We met. The rehabilitation organisation facilitates considerable infrastructure. "
        "We saw the carers. We need rehabilitation. It was good."
    )
    score = score_of(f"# Title\n\n{text}\n", score={"hardest": 2})
    hardest = score.sections[0].hardest
    assert len(hardest) == 2
    assert hardest[0].text.startswith("The rehabilitation organisation")
    assert hardest[0].difficulty >= hardest[1].difficulty


def test_glossary_jargon_and_hard_words() -> None:
    glossary = FakeGlossary({"facilitate": "jargon", "GP": "acronym", "pneumonia": "hard-word"})
    report = report_of("# Title\n\nWe facilitate visits to the GP. You may get pneumonia.\n")
    score = score_report(report, glossary=glossary)
    counts = score.counts
    assert (counts.jargon, counts.acronyms, counts.glossary_hard_words) == (1, 1, 1)
    reasons = [reason.text for s in score.sections[0].hardest for reason in s.reasons]
    assert "jargon: 'facilitate'" in reasons
    assert "hard words: 'pneumonia'" in reasons
    assert score.glossary_available


def test_without_a_glossary_the_counts_are_zero_with_a_note() -> None:
    score = score_report(report_of("# Title\n\nWe facilitate things.\n"), use_glossary=False)
    assert score.counts.jargon == 0
    assert "glossary not used" in score.notes
    assert not score.glossary_available


def test_sample_report_scores_every_section(sample_dir: Path) -> None:
    from easyread.reader import read_report

    report = read_report(sample_dir, check_pictures=False)
    score = score_report(report, use_glossary=False)
    assert len(score.sections) == len(report.sections)
    assert score.counts.words > 500
    assert all(section.measures.reading_ease is not None for section in score.sections)


def test_an_acronym_everyone_knows_does_not_make_a_sentence_hard() -> None:
    """GP is on lint's list of acronyms that need no explaining (known-acronyms.yaml): score
    reads the same list, so the sentence is not among the hardest; ICB is not on it."""
    from easyread.glossary.acronyms import known_acronyms

    assert "GP" in known_acronyms() and "ICB" not in known_acronyms()
    glossary = FakeGlossary({"GP": "acronym", "ICB": "acronym"})
    text = "# Title\n\nYour GP practice should invite you.\n\nYou can ask the ICB for help.\n"
    score = score_report(report_of(text), glossary=glossary)
    assert score.counts.acronyms == 2  # both are still counted as acronyms
    hardest = score.sections[0].hardest
    assert [(s.text, [r.text for r in s.reasons]) for s in hardest] == [
        ("You can ask the ICB for help.", ["acronyms: 'ICB'"])
    ]


def test_score_follows_the_reports_allow_acronyms_as_lint_does() -> None:
    glossary = FakeGlossary({"GP": "acronym", "ICB": "acronym"})
    text = "# Title\n\nYour GP practice should invite you.\n\nYou can ask the ICB for help.\n"
    config = ReportConfig(path=None, tables={"lint": {"allow-acronyms": ["icb"]}})
    score = score_report(read_stdin(text, config=config), glossary=glossary)
    assert [s.text for s in score.sections[0].hardest] == ["Your GP practice should invite you."]
