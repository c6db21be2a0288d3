"""Every rule's own examples and the traps from the issue, through the real engine."""

from __future__ import annotations

import pytest

from easyread.lint import all_rules, lint_report
from easyread.lint.settings import LintSettings
from easyread.reader import read_stdin

RULES = all_rules()
FAIL_CASES = [(rule_id, text) for rule_id, rule in RULES.items() for text in rule.examples_fail]
PASS_CASES = [(rule_id, text) for rule_id, rule in RULES.items() for text in rule.examples_pass]


def findings_of(rule_id: str, markdown: str) -> list:
    settings = LintSettings(enabled={rule_id})
    return [f for f in lint_report(read_stdin(markdown), settings) if f.rule == rule_id]


def texts(rule_id: str, markdown: str) -> list[str]:
    return [finding.text for finding in findings_of(rule_id, markdown)]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_documents_itself(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule.id == rule_id and rule.id == rule.id.lower() and " " not in rule.id
    assert rule.description and "\n" not in rule.description
    assert rule.severity in ("error", "warning", "info")
    assert (rule.__doc__ or "").strip(), "the docstring is the explanation"
    if getattr(rule, "examples_need_report_folder", False):
        # Rules about review records need a whole report folder with records: their examples
        # run as real folders in tests/test_review_records.py.
        return
    assert len(rule.examples_fail) >= 2 and len(rule.examples_pass) >= 2


@pytest.mark.parametrize(("rule_id", "markdown"), FAIL_CASES)
def test_fail_examples_are_flagged(rule_id: str, markdown: str) -> None:
    assert findings_of(rule_id, markdown), f"{rule_id} missed: {markdown!r}"


@pytest.mark.parametrize(("rule_id", "markdown"), PASS_CASES)
def test_pass_examples_are_not_flagged(rule_id: str, markdown: str) -> None:
    assert findings_of(rule_id, markdown) == []


def section(body: str) -> str:
    return f"# Title\n\n{body}\n"


# -- traps ---------------------------------------------------------------------------------


def test_long_sentence_does_not_split_at_abbreviations_and_counts_short_sentences() -> None:
    fifteen = "We met Dr Smith at 10.30am, e.g. in the room on the second floor today."
    assert texts("long-sentence", section(fifteen)) == []
    sixteen = fifteen.replace("today.", "today too.")
    found = findings_of("long-sentence", section(sixteen))
    assert [f.text for f in found] == [sixteen] and "16 words" in found[0].message
    assert texts("long-point", section("We met. We ate. We sang. We left.")) == ["We left."]


def test_long_sentence_threshold_is_a_setting() -> None:
    text = section("One two three four five six seven eight nine ten eleven twelve.")
    strict = LintSettings(options={"long-sentence": {"max-words": 10}})
    found = [f for f in lint_report(read_stdin(text), strict) if f.rule == "long-sentence"]
    assert len(found) == 1 and "12 words" in found[0].message


def test_semicolon_not_in_link_target_code_or_entity() -> None:
    body = "See [our page](https://example.org/a;b) and `x;y`. Food &amp; drink."
    assert texts("semicolon", section(body)) == []


def test_latin_abbreviation_fixes_keep_capitals() -> None:
    found = findings_of("latin-abbreviation", section("E.g. apples. We like fruit, i.e. pears."))
    assert [(f.text, f.fix) for f in found] == [("E.g.", "For example"), ("i.e.", "that is")]
    assert texts("latin-abbreviation", section("Legs, eggs and a tie. See www.ie.example.")) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [("25% of people", "'1 in 4'"), ("33 per cent", "'about 1 in 3'"), ("50 percent", "'1 in 2'"),
     ("75%", "'3 in 4'"), ("10 %", "'1 in 10'"), ("1%", "'1 in 100'")],
)  # fmt: skip
def test_percentage_suggestion_is_worked_out(body: str, expected: str) -> None:
    found = findings_of("percentage", section(f"We saw {body} today."))
    assert len(found) == 1 and expected in (found[0].suggestion or "")


@pytest.mark.parametrize(
    "body",
    [
        "We met on 6 August 2018 at 10.30am.",  # date and time
        "Call us on 0300 123 4567 or 020 7946 0000.",  # phone numbers
        "In 2025 and 2026 we looked again.",  # years
        "See point 3.2 and section 4.1.",  # point numbers
        "We are open 24/7.",  # not a fraction
        "No one was left out. Someone often helps.",  # 'one' inside words and idioms
        "This was the third meeting. We meet every quarter.",  # ordinals, not fractions
        "About 12,000 people and 5 million words.",  # rounded
        "We met on 6/8/18.",  # a date, not a fraction or a decimal
    ],
)
def test_hard_number_traps(body: str) -> None:
    assert texts("hard-number", section(body)) == []


def test_hard_number_finds_each_kind() -> None:
    body = (
        "Twenty-four people, 1,187.5 pounds, two thirds of staff, 3/4 of homes and 123,456 visits."
    )
    assert texts("hard-number", section(body)) == [
        "Twenty-four",
        "1,187.5",
        "two thirds",
        "3/4",
        "123,456",
    ]
    fixes = [f.fix for f in findings_of("hard-number", section(body))]
    assert fixes[0] == "24"


@pytest.mark.parametrize(
    "body",
    [
        "The NHS and the ICB paid. LeDeR and MoRT read it.",
        "I think it is OK. Choose option A.",
        "Read Part II.",  # a Roman numeral: the roman-numeral rule's job
        "We had COVID-19 and went to A&E.",
    ],
)
def test_caps_emphasis_leaves_acronyms_alone(body: str) -> None:
    assert texts("caps-emphasis", section(body)) == []


def test_caps_emphasis_respects_allow_acronyms() -> None:
    settings = LintSettings(allow_acronyms=frozenset({"STOP"}))
    found = lint_report(read_stdin(section("The STOP team helps.")), settings)
    assert not [f for f in found if f.rule == "caps-emphasis"]
    assert texts("caps-emphasis", section("The STOP team helps.")) == ["STOP"]


@pytest.mark.parametrize(
    "body",
    [
        "In this section I explain the plan.",
        "I went to part of the town. I am happy.",
        "Henry VIII and World War II.",
        "MIX the paint. Appendix L and Annex C.",
        "(I hope) we can (a) help.",
    ],
)
def test_roman_numeral_traps(body: str) -> None:
    assert texts("roman-numeral", section(body)) == []


def test_roman_numeral_fix_is_the_number() -> None:
    found = findings_of("roman-numeral", section("See Section XII, Phase III and item (iv)."))
    assert [(f.text, f.fix) for f in found] == [("XII", "12"), ("III", "3"), ("iv", "4")]


@pytest.mark.parametrize(
    ("body", "written", "fix"),
    [
        ("We met on 6/8/18.", "6 August 2018", None),  # ambiguous day and month: no fix
        ("We met on 06/08/2018.", "6 August 2018", None),
        ("We met on 2018-08-06.", "6 August 2018", "6 August 2018"),
        ("We met on 25/12/2025.", "25 December 2025", "25 December 2025"),
    ],
)
def test_date_format(body: str, written: str, fix: str | None) -> None:
    found = findings_of("date-format", section(body))
    assert len(found) == 1 and written in (found[0].suggestion or "") and found[0].fix == fix


def test_date_format_us_order_is_an_option() -> None:
    settings = LintSettings(options={"date-format": {"order": "mdy"}})
    found = lint_report(read_stdin(section("We met on 6/8/18.")), settings)
    assert [f.suggestion for f in found if f.rule == "date-format"] == [
        "Write it out: 'June 8, 2018'."
    ]


def test_date_format_traps() -> None:
    body = "Open 24/7 in 2018-2019. Read 1/3 of it. Version 1.2.3. Call 0300 123 4567. 31/02/2020."
    assert texts("date-format", section(body)) == []


def test_emphasis_joins_one_italic_stretch() -> None:
    assert texts("emphasis", section("You *must not* come. **Bold** is fine.")) == ["must not"]


def test_missing_picture_and_alt_in_lists() -> None:
    body = "- ![](a.png) First.\n- Second.\n- ![A cat](b.png) Third."
    assert texts("missing-picture", section(body)) == ["Second."]
    assert texts("missing-alt", section(body)) == ["![](a.png)"]


def test_one_list_of_acronyms_that_need_no_explaining() -> None:
    """wordlists/known-acronyms.yaml is the one list: acronym-undefined takes its `known`
    acronyms as explained, and caps-emphasis never calls one of them (or a `never` word)
    shouting, even in a row of capitals."""
    from easyread.glossary.acronyms import known_acronyms, never_acronyms

    known, never = known_acronyms(), never_acronyms()
    assert {"NHS", "GP", "UK", "EU", "USA", "CCTV"} <= known
    assert never == {"I", "A", "OK"}
    words = " ".join(sorted(known))
    assert texts("acronym-undefined", section(f"We met {words} people.")) == []
    assert texts("caps-emphasis", section(f"SEE {words} NOW.")) == ["SEE", "NOW"]
    assert texts("acronym-undefined", section("We met the ICB.")) == ["ICB"]


def starts_as_a_sentence(text: str) -> bool:
    """A capital letter first, or the author's own words in quotes as they wrote them
    ("'deliver' is jargon.")."""
    return text[:1].isupper() or text.startswith("'")


def test_every_message_and_suggestion_starts_with_a_capital_letter() -> None:
    """Messages are read by writers and co-authors: each is a sentence with a capital first.
    The review rules' examples need report folders: tests/test_review_records.py checks them."""
    for rule_id, markdown in FAIL_CASES:
        for finding in findings_of(rule_id, markdown):
            assert starts_as_a_sentence(finding.message), (rule_id, finding.message)
            if finding.suggestion:
                assert starts_as_a_sentence(finding.suggestion), (rule_id, finding.suggestion)
