"""The number helpers and rules over their whole input range: no input may crash a lint run.

Issue 9 found `easyread lint` stopping with a traceback on "96% of people had a health check".
These tests walk every percentage from 0 to 100 in steps of 0.1, numbers with and without
commas, dates, fractions and ranges through the real engine, and let hypothesis try the rest.
"""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.lint import lint_report
from easyread.lint.rules._numbers import (
    format_number,
    natural_frequency,
    parse_number,
    round_to,
)
from easyread.lint.settings import LintSettings
from easyread.reader import read_stdin

_FREQUENCY = re.compile(r"^(?:about )?([\d,]+) in ([\d,]+)$")


def _lint(sentences: list[str], rules: set[str] | None = None) -> list:
    markdown = "# Numbers\n\n" + "\n\n".join(sentences) + "\n"
    settings = LintSettings(enabled=rules) if rules else None
    return lint_report(read_stdin(markdown), settings)


def _tenths() -> list[float]:
    return [step / 10 for step in range(0, 1001)]


def test_every_percentage_from_0_to_100_in_tenths_gets_one_finding_with_a_frequency() -> None:
    values = _tenths()
    sentences = [f"We saw {format_number(value)}% of people." for value in values]
    found = [f for f in _lint(sentences, {"percentage"}) if f.rule == "percentage"]
    assert len(found) == len(values)
    for finding, value in zip(found, values, strict=True):
        assert finding.text == f"{format_number(value)}%"
        assert f"'{natural_frequency(value)}'" in (finding.suggestion or "")


def test_the_whole_linter_runs_on_every_percentage_written_every_way() -> None:
    signs = ["%", " %", " per cent", " percent", "pc"]
    sentences = [
        f"About {format_number(value)}{signs[index % len(signs)]} of people had a check."
        for index, value in enumerate(_tenths())
    ]
    found = _lint(sentences)
    assert sum(1 for finding in found if finding.rule == "percentage") == len(sentences)


def test_a_frequency_is_close_to_its_percentage() -> None:
    for value in _tenths():
        words = natural_frequency(value)
        share = value / 100
        match = _FREQUENCY.match(words)
        if match is None:
            assert words in ("none", "all", "almost all", "fewer than 1 in 1,000,000"), value
            continue
        top, bottom = (int(group.replace(",", "")) for group in match.groups())
        assert 0 < top < bottom
        # Within a fifth of the share, or within 3 points for shares near a half.
        assert abs(top / bottom - share) <= max(0.03, share * 0.2), (value, words)
        assert words.startswith("about ") == (not math.isclose(top / bottom, share)), value


def test_the_percentages_that_crashed_now_read_as_frequencies() -> None:
    assert natural_frequency(95) == "19 in 20"
    assert natural_frequency(96) == "24 in 25"
    assert natural_frequency(95.5) == "about 19 in 20"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_natural_frequency_answers_for_any_number(value: float) -> None:
    assert natural_frequency(value)


@given(st.floats(allow_nan=False, allow_infinity=True))
def test_round_to_and_format_number_answer_for_any_number(value: float) -> None:
    rounded = round_to(value, 2)
    assert isinstance(format_number(rounded), str)
    if math.isfinite(value) and value:
        assert abs(rounded - value) <= abs(value) * 0.05 + 1e-300


@given(st.from_regex(r"\A[0-9,.]{1,400}\Z"))
def test_parse_number_never_gives_an_infinite_number(text: str) -> None:
    value = parse_number(text)
    assert value is None or math.isfinite(value)


def test_numbers_with_and_without_commas_and_huge_runs_of_digits() -> None:
    numbers = [str(n) for n in (0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 12345, 99999)]
    numbers += [f"{n:,}" for n in (1000, 12345, 99999, 100000, 1234567, 10**12 + 7)]
    numbers += ["1,23,456", "1,2345", ",123", "123,", "0.5", "12.75", "1,234.5", "0.000001"]
    numbers += ["9" * 400, "9" * 5000, "9" * 400 + "%", "9" * 400 + ".5", "0." + "0" * 400 + "1%"]
    numbers += ["£1,187.50", "€12.5", "$0.99", "£" + "9" * 30]
    sentences = [f"We counted {number} things." for number in numbers]
    found = _lint(sentences)
    assert {finding.rule for finding in found} <= {
        rule for rule in ("hard-number", "percentage", "missing-picture", "long-point")
    }


def test_dates_of_every_shape_and_impossible_ones() -> None:
    sentences = []
    for day in range(0, 34, 3):
        for month in range(0, 15):
            for year in ("18", "2018", "1999", "0000", "99"):
                for sep in "/.-":
                    sentences.append(f"We met on {day}{sep}{month}{sep}{year} at home.")
    sentences += ["It was 2026-02-30.", "It was 2026-13-01.", "It was 0000-00-00."]
    found = _lint(sentences)
    assert any(finding.rule == "date-format" for finding in found)


def test_fractions_and_ranges() -> None:
    sentences = [f"About {top}/{bottom} of people." for top in range(0, 14) for bottom in range(14)]
    sentences += [
        "People aged 15-20 years.",
        "People aged 15–20 years.",
        "From 15 to 20 years.",
        "Between 95-96% of people.",
        "From 10% to 15% of people.",
        "It cost £1,000-£2,000 a year.",
        "It took 1.5-2.5 hours.",
        "Ages 0-100, 100-1,000 and 1,000-1,000,000.",
        "A third of people. Two-thirds of people. One and a half days.",
        "Half past 10. Quarter to 3. At 10.30am and 2pm to 6pm.",
    ]
    found = _lint(sentences)
    assert any(finding.rule == "hard-number" for finding in found)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(min_value=0, max_value=10**15).map(str),
            st.integers(min_value=0, max_value=10**15).map(lambda n: f"{n:,}"),
            st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: f"{x:.3f}"),
            st.sampled_from(["%", " per cent", "/", "-", ".", ",", "£", "am", "pm", " to "]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_mix_of_numbers_and_signs_lints_without_crashing(pieces: list[str]) -> None:
    _lint(["We saw " + "".join(pieces) + " people."])
