"""Inflections and the Aho-Corasick matcher."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.glossary import Entry, Glossary
from easyread.glossary.acronyms import find_acronyms, is_acronym, split_token
from easyread.glossary.inflect import acronym_forms, term_forms, word_forms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("deliver", {"delivers", "delivered", "delivering", "deliverer"}),
        ("facilitate", {"facilitates", "facilitated", "facilitating"}),
        ("stop", {"stops", "stopped", "stopping"}),
        ("refer", {"refers", "referred", "referring"}),
        ("apply", {"applies", "applied", "applying"}),
        ("deploy", {"deploys", "deployed", "deploying"}),
        ("process", {"processes", "processed", "processing"}),
        ("approach", {"approaches", "approached", "approaching"}),
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("travel", {"travelled", "traveled", "travelling"}),
        ("panic", {"panicked", "panicking"}),
        ("facility", {"facilities"}),
    ],
)
def test_regular_inflections(word: str, expected: set[str]) -> None:
    forms = word_forms(word)
    assert word in forms
    assert expected <= forms


def test_no_wrong_forms_that_are_real_words() -> None:
    assert "stoped" not in word_forms("stop")
    assert "tier" not in word_forms("tie")  # -er only on longer words
    assert "leader" not in word_forms("lead")
    assert "facilitateed" not in word_forms("facilitate")


def test_phrases_inflect_first_and_last_words() -> None:
    assert {"rolls out", "rolled out", "rolling out"} <= term_forms("roll out")
    assert "roll outs" not in term_forms("roll out")
    assert {"care plans", "care planning"} <= term_forms("care plan")
    assert term_forms("in terms of") == {"in terms of"}
    assert {"follow-up", "follow up", "follow-ups", "follow ups"} <= term_forms("follow-up")


def test_acronym_plurals_and_possessives() -> None:
    assert acronym_forms("ICB") == {"ICB", "ICBs", "ICB's", "ICBs'"}
    assert acronym_forms("NHS") == {"NHS", "NHS's"}


def glossary() -> Glossary:
    return Glossary(
        [
            Entry("deliver", "jargon", "x", ("give",)),
            Entry("key", "jargon", "x", ("main",)),
            Entry("key worker", "hard-word", "x"),
            Entry("roll out", "jargon", "x", ("start",)),
            Entry("care plan", "hard-word", "x"),
            Entry("ICB", "acronym", "x", expansion="integrated care board", case_sensitive=True),
            Entry("CAT", "acronym", "x", expansion="a scan", case_sensitive=True),
            Entry("A&E", "acronym", "x", expansion="accident and emergency"),
            Entry("child", "hard-word", "x", variants=("children",)),
        ]
    )


def found(text: str) -> list[tuple[str, str]]:
    return [(match.text, match.entry.term) for match in glossary().find(text)]


def test_every_match_points_at_its_text() -> None:
    text = "We  delivered\n the care\n   plan. ICB's staff went to A&E."
    for match in glossary().find(text):
        assert text[match.start : match.end] == match.text


def test_multi_word_terms_across_line_breaks_and_spaces() -> None:
    assert found("Your care\nplan is ready.") == [("care\nplan", "care plan")]
    assert found("We rolled   out\n\tthe plan.") == [("rolled   out", "roll out")]
    assert found("They are rolling\nout the plans and care plans.") == [
        ("rolling\nout", "roll out"),
        ("care plans", "care plan"),
    ]


def test_case_sensitive_entries() -> None:
    assert found("The CAT scan. The cat sat. The Cat.") == [("CAT", "CAT")]
    assert found("icb and ICB") == [("ICB", "ICB")]
    assert found("Deliver it. DELIVERED.") == [("Deliver", "deliver"), ("DELIVERED", "deliver")]


def test_leftmost_longest() -> None:
    assert found("Ask your key worker.") == [("key worker", "key worker")]
    assert found("The key point for a key workers group.") == [
        ("key", "key"),
        ("key workers", "key worker"),
    ]


def test_whole_words_only() -> None:
    assert found("Type on the keyboard. A monkey. Turnkey. Deliverance.") == []
    assert found("A key-worker and a non-key task.") == []
    assert found("The key's colour and the keys.") == [("key", "key"), ("keys", "key")]
    assert found("key") == [("key", "key")]
    assert found("(key)") == [("key", "key")]


def test_acronym_plurals_possessives_and_symbols() -> None:
    assert found("ICBs, ICB's and the ICBs' plans") == [
        ("ICBs", "ICB"),
        ("ICB's", "ICB"),
        ("ICBs'", "ICB"),
    ]
    assert found("Go to A&E, not A-E.") == [("A&E", "A&E")]
    assert found("The ICB’s plan.") == [("ICB’s", "ICB")]


def test_irregular_variants() -> None:
    assert found("The children and a child.") == [("children", "child"), ("child", "child")]


def test_lookup_and_acronym() -> None:
    words = glossary()
    assert words.lookup("Delivered").term == "deliver"
    assert words.lookup("children").term == "child"
    assert words.lookup("icb") is None
    for token in ("ICB", "ICBs", "ICB's", "ICBs'", "ICB’s"):
        assert words.acronym(token).term == "ICB"
    assert words.acronym("deliver") is None
    assert words.acronym("XYZ") is None


def test_strange_unicode_keeps_offsets() -> None:
    words = Glossary([Entry("key", "jargon", "x", ("main",))])
    text = "İİ key ﬁ key"
    for match in words.find(text):
        assert text[match.start : match.end] == "key"
    assert len(words.find(text)) == 2


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["key", "deliver", "delivered", "care", "plan", "ICB", "icbs", "A&E", "keyboard",
             " ", "\n", ", ", ".", "-", "'s", "(", "  ", "é", "ﬁ", "İ", "roll", "out", "worker"]
        ),
        max_size=30,
    )
)  # fmt: skip
def test_matches_are_ordered_exact_and_whole_words(parts: list[str]) -> None:
    text = "".join(parts)
    words = glossary()
    reached = 0
    for match in words.find(text):
        assert match.start >= reached
        assert text[match.start : match.end] == match.text
        assert match.text.strip() == match.text
        before = text[match.start - 1] if match.start else " "
        after = text[match.end] if match.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum()
        reached = match.end


def test_find_is_the_same_as_a_slow_regular_expression() -> None:
    words = Glossary([Entry("deliver", "jargon", "x", ("give",))])
    text = "deliver, Delivers delivered! undelivered delivering-x delivery deliverer."
    slow = [
        m.group()
        for m in re.finditer(
            r"(?<![\w'’-])(deliver|delivers|delivered|delivering|deliverer)(?![\w-])",
            text,
            re.IGNORECASE,
        )
    ]
    assert [match.text for match in words.find(text)] == slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The NHS and the ICBs work with ICB's staff.", ["NHS", "ICBs", "ICB's"]),
        ("LeDeR and MoRT reviews.", ["LeDeR", "MoRT"]),
        ("COVID-19 and A&E and non-NHS care.", ["COVID-19", "A&E", "NHS"]),
        ("I think option A is OK.", []),
        ("PLEASE STOP. You MUST NOT go.", []),
        ("Read Part II and chapter XII, then IV.", []),
        ("Read Part CD. Then see the CD player.", ["CD"]),
        ("McDonald and iPhone and YouTube.", []),
        ("The BBC and the FBI.", ["BBC", "FBI"]),
        ("DON'T go. I'M here.", []),
    ],
)
def test_acronym_tokens(text: str, expected: list[str]) -> None:
    assert [token.text for token in find_acronyms(text)] == expected


def test_acronym_helpers() -> None:
    assert split_token("ICBs'") == ("ICB", "s'")
    assert split_token("NHS's") == ("NHS", "'s")
    assert split_token("NHS") == ("NHS", "")
    words = Glossary(
        [Entry("SEND", "acronym", "x", expansion="special needs", case_sensitive=True)]
    )
    assert is_acronym("SEND", words)
    assert not is_acronym("SEND")
    assert is_acronym("XQZT")
    assert not is_acronym("II")
