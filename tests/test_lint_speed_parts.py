"""The shortcuts that make lint fast must give exactly what the slow, obvious way gives."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from easyread.glossary import Entry, Glossary, acronyms
from easyread.glossary.matcher import _Normalised, canonical, normalise_key
from easyread.lint import lint_report
from easyread.lint.rules import caps_emphasis, hard_number, latin_abbreviation, roman_numeral
from easyread.lint.rules import percentage as percentage_rule
from easyread.lint.scan import PieceIndex, Spans
from easyread.lint.text import char_before, text_pieces
from easyread.reader import read_stdin

# Bits of text that the rules care about, and awkward characters around them.
_BITS = (
    "we", "care", "Part", "II", "(iii)", "I", "PLEASE", "NHS", "ICB's", "A&E", "e.g.", "eg",
    "i.e.", "ie", "etc.", "NB", "nb.", "cf.", "viz", "et al.", "25%", "33 per cent", "7 PC",
    "12.5", "1/3", "6/8/18", "2026-07-14", "seven", "twenty-one", "a third", "ſix", "ı.e.",
    "ΣΟΦΙΑΣ", "İ", "-", "'", "’", "&", ".", ",", ";", "\\", "/", "@", "٣", "x", "deliver",
    "key-worker", "in order", "to", "Key", "DELIVER", "  ", "\t",
)  # fmt: skip


def _texts(seed: int, count: int, *, dotted_i: bool = True) -> list[str]:
    """Random texts. "İ" becomes two characters in lower case, which sends the index down its
    slower way (each piece on its own), so most tests run with and without it."""
    rng = random.Random(seed)
    bits = _BITS if dotted_i else tuple(bit for bit in _BITS if bit != "İ")
    texts = []
    for _ in range(count):
        words = [rng.choice(bits) for _ in range(rng.randint(0, 8))]
        texts.append("".join(word + rng.choice(("", " ", " ", "-")) for word in words))
    return texts


def _report_of(texts: list[str]) -> str:
    lines = ["# Title", ""]
    for text in texts:
        cleaned = text.replace("\\", "").replace("#", "").strip(" -\t")
        lines += [f"Some words {cleaned} end.", ""]
    return "\n".join(lines)


PREFILTERS = [
    (caps_emphasis._CAPS_WORD_FAST, caps_emphasis._CAPS_WORD),
    (roman_numeral._NUMERAL_FAST, roman_numeral._NUMERAL),
    (percentage_rule._DIGIT_AND_SIGN, percentage_rule.PERCENTAGE),
]


@pytest.mark.parametrize("dotted_i", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_prefilters_find_every_piece_the_rule_patterns_match(seed: int, dotted_i: bool) -> None:
    report = read_stdin(_report_of(_texts(seed, 300, dotted_i=dotted_i)))
    pieces = list(text_pieces(report))
    index = PieceIndex(pieces)
    assert (index._lower() is None) == dotted_i  # the fast way, or the way for "İ"
    for fast, exact in PREFILTERS:
        found = {id(piece) for piece in index.with_pattern(fast)}
        wanted = {id(piece) for piece in pieces if exact.search(piece.text)}
        assert wanted <= found, exact.pattern
    latin = index.with_lower_pattern(latin_abbreviation._START_LOWERED, latin_abbreviation._PATTERN)
    wanted = {id(piece) for piece in pieces if latin_abbreviation._PATTERN.search(piece.text)}
    assert wanted <= {id(piece) for piece in latin}
    numbers = index.with_any_of([hard_number._DIGIT], [hard_number._WORD_STARTS])
    assert len(numbers) == len(
        {id(piece) for piece in index.with_pattern(hard_number._DIGIT)}
        | {id(piece) for piece in index.with_word_starts(hard_number._WORD_STARTS)}
    )
    chosen = {id(piece) for piece in numbers}
    for piece in pieces:
        if id(piece) in chosen:
            continue
        ignore = {"one"}
        finders = (
            hard_number._fraction_words,
            hard_number._number_words,
            hard_number._decimals,
            hard_number._fractions,
            hard_number._large,
        )
        assert not any(list(finder(piece, ignore, 4)) for finder in finders), piece.text


def test_index_pieces_come_in_reading_order_once_each() -> None:
    report = read_stdin("# A; b\n\nOne; two; three.\n\nNo semicolon.\n\nLast;\n")
    pieces = list(text_pieces(report))
    found = PieceIndex(pieces).with_text(";")
    assert [piece.text for piece in found] == ["A; b", "One; two; three.", "Last;"]


def test_a_match_across_two_pieces_names_both() -> None:
    report = read_stdin("# Title\n\nIt ends with 25\n\n% starts this.\n")
    pieces = list(text_pieces(report))
    found = PieceIndex(pieces).with_pattern(re.compile(r"25\s%"))
    assert [piece.text for piece in found] == ["It ends with 25", "% starts this."]


def _glossary() -> Glossary:
    return Glossary(
        [
            Entry("deliver", "jargon", "Give.", ("give",)),
            Entry("in order to", "jargon", "To.", ("to",)),
            Entry("key", "jargon", "Important.", ("important",)),
            Entry("ICB", "acronym", "A group.", expansion="integrated care board"),
            Entry("A&E", "acronym", "Hospital.", expansion="accident and emergency"),
            Entry("ΣΟΦΙΑ", "jargon", "A name.", ("name",)),
        ]
    )


@pytest.mark.parametrize("seed", range(4))
def test_find_all_gives_what_find_gives_text_by_text(seed: int) -> None:
    texts = _texts(seed, 400) + ["", "in order", "to deliver", " key ", "key\n", "İ deliver"]
    random.Random(seed).shuffle(texts)
    glossary = _glossary()
    expected = [_glossary().matcher.find(text) for text in texts]
    assert glossary.find_all(texts) == expected
    without_dotted_i = [text for text in texts if "İ" not in text]
    assert _glossary().find_all(without_dotted_i) == [
        _glossary().matcher.find(text) for text in without_dotted_i
    ]


def test_a_term_split_between_two_texts_is_not_found() -> None:
    glossary = _glossary()
    assert glossary.find_all(["We did it in order", "to help."]) == [[], []]


def test_automaton_keys_are_the_normalised_forms() -> None:
    forms = ["a  b", "A&E", "e.g.", "café au lait", "naïve_x", "\tq\n", "x—y", "ı", "key-worker"]
    for form in forms + _texts(9, 300):
        assert normalise_key(form) == _Normalised(canonical(form)).text


def test_english_word_list_matches_the_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path))
    acronyms._english_words.cache_clear()
    try:
        made = acronyms._english_words()  # works it out and writes the cache
        assert list(tmp_path.glob("cmudict-english-words-*.txt"))
        acronyms._english_words.cache_clear()
        assert acronyms._english_words() == made  # read back from the cache
    finally:
        acronyms._english_words.cache_clear()
    dictionary = acronyms._dictionary()
    sample = sorted(dictionary)[::97] + ["bbc", "fbi", "please", "must", "nhs"]
    for word in sample:
        assert (word in made) == acronyms._is_word_entry(word, dictionary.get(word, ())), word
    assert "please" in made and "bbc" not in made


def test_a_damaged_cache_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path))
    acronyms._english_words.cache_clear()
    try:
        path = acronyms._english_words_cache()
        assert path is not None
        path.write_text("not a cache", encoding="utf-8")
        assert "please" in acronyms._english_words()
        assert path.read_text(encoding="utf-8").startswith(acronyms._CACHE_HEADER)
    finally:
        acronyms._english_words.cache_clear()


def test_acronym_tokens_found_directly_are_those_the_word_by_word_way_keeps() -> None:
    rng = random.Random(5)
    bits = [
        "ICB", "ICB's", "ICBs'", "A&E", "A&&E", "non-NHS", "COVID-19", "X-ABC", "Bob's",
        "O'NEILL", "LeDeR", "PhD", "iPhone", "McDonald", "AbC", "é", "_", "-", "'", "’", "&",
        " ", "x", "ABC-", "A9B", "9AB", "(", ".",
    ]  # fmt: skip
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 8)))
        slow = [
            match.span()
            for match in acronyms._TOKEN.finditer(text)
            if acronyms.TWO_CAPITALS.search(match.group(0))
        ]
        fast = [match.span() for match in acronyms._TOKEN_WITH_TWO_CAPITALS.finditer(text)]
        assert fast == slow, text


def test_spans_answer_like_a_look_at_every_taken_stretch() -> None:
    rng = random.Random(11)
    for _ in range(200):
        spans, taken = Spans(), []
        for _ in range(60):
            start = rng.randrange(100)
            end = start + rng.randrange(0, 6)
            slow = any(start < other_end and other_start < end for other_start, other_end in taken)
            assert spans.overlaps(start, end) == slow, (start, end, taken)
            if not slow:
                spans.add(start, end)
                taken.append((start, end))


def test_many_numbers_in_one_sentence_stay_fast() -> None:
    words = [
        "seven",
        "12.5",
        "1/3",
        "25%",
        "ICB",
        "NHS",
        "A&E",
        "Part",
        "II",
        "(iii)",
        "12,345",
        "we",
        "care",
    ]
    sentence = " ".join(words[index % len(words)] for index in range(40_000))
    report = read_stdin(f"# Numbers\n\n{sentence}\n")
    started = time.perf_counter()
    findings = lint_report(report)
    seconds = time.perf_counter() - started
    assert sum(finding.rule == "hard-number" for finding in findings) > 10_000
    assert seconds < 10  # was minutes before overlaps were found by binary search


def test_char_before_is_the_end_of_the_stripped_text_before() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        text = "".join(rng.choice(" \t\n\u00a0\u2003a.(“") for _ in range(rng.randint(0, 9)))
        index = rng.randint(0, len(text))
        assert char_before(text, index) == text[:index].rstrip()[-1:]


@pytest.mark.parametrize("seed", range(5))
def test_distinct_words_split_a_stretch_at_a_time_are_all_the_words(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from easyread.lint import scan

    rng = random.Random(seed)
    monkeypatch.setattr(scan, "_SPLIT_CHUNK", rng.randint(1, 12))  # many stretches
    words = ["a", "to", "care", "home", "x" * 30, "3", "19", "don", "t"]
    text = " " + " ".join(rng.choice(words) + " " * rng.randint(0, 3) for _ in range(400))
    assert scan._distinct_words(text) == frozenset(text.split())
    assert scan._distinct_words("") == frozenset()


def test_find_all_answers_when_it_must_forget_what_it_remembered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import easyread.glossary

    monkeypatch.setattr(easyread.glossary, "_REMEMBERED_TEXTS", 4)
    glossary = _glossary()
    first = ["We did it in order to help.", "A text"]
    assert glossary.find_all(first) == [glossary.find(text) for text in first]
    # Two remembered texts and three new ones: more than it may remember.
    again = [*first, "One more", "And another", "in order to"]
    assert glossary.find_all(again) == [_glossary().find(text) for text in again]


def test_span_of_a_piece_is_its_start_and_end_positions() -> None:
    """span() takes a short way for a sentence written as it is on one line: it must give what
    position() and end_position() work out the long way, for every kind of piece."""
    from easyread.reader import read_files, read_report

    root = Path(__file__).resolve().parent.parent
    reports = [
        read_report(root / "samples" / "leder-annual-report", check_pictures=False),
        read_report(root / "tests" / "data" / "every-construct", check_pictures=False),
        read_files(sorted((root / "tests" / "data" / "corpus").glob("*.md"))),
        read_stdin("# T\n\nA **bold** \\*word\\* &amp; [link](x) `code`.\nNext line.\n"),
    ]
    quick = 0
    for report in reports:
        for piece in text_pieces(report):
            length = len(piece.text)
            quick += piece._written_as_is() is not None
            for start, end in ((0, length), (0, 0), (1, length // 2), (-1, length + 3)):
                slow = (*piece.position(start), *piece.end_position(end)[1:])
                assert piece.span(start, end) == slow, (piece.text, start, end)
    assert quick > 500


def test_section_lines_are_the_source_lines() -> None:
    """SectionLines keeps where each line starts instead of every line: it must read as the
    list source_lines makes, line by line, from either end and in slices."""
    from easyread.lint.text import SectionLines, source_lines
    from easyread.model import Heading, Section, Source

    texts = ["", "\n", "a", "a\n", "a\nb", "\n\nx\n\n", "a\r\nb\rc\n", "é\n日本\n\u2028x\n"]
    texts += ["\n".join(_texts(seed, 5)) for seed in range(20)]
    for text in texts:
        title = Heading(1, (), Source(Path("s.md"), 1))
        section = Section(1, Path("s.md"), title, (), text=text)
        lines = source_lines(section)
        quick = SectionLines(section)
        assert len(quick) == len(lines)
        assert list(quick) == lines == quick
        assert [quick[-index] for index in range(1, len(lines) + 1)] == lines[::-1]
        assert quick[1:3] == lines[1:3] and quick[::2] == lines[::2]
        with pytest.raises(IndexError):
            quick[len(lines)]


def test_a_word_of_letters_and_digits_is_its_own_canonical_form() -> None:
    """The matcher skips canonical() for a hit that is one word of letters and digits."""
    rng = random.Random(11)
    alphabet = "aZé9٣İıſΣß日ſ’‘‐‑ \t\u00a0\u2003-'x"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        if text.isalnum():
            assert canonical(text) == text, text
