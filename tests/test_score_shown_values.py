"""A target is judged on the score as the author sees it (one decimal), so the screen never
says 'SMOG 9.0, target 9 or less: missed' (found on a new report: SMOG 9.04)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from easyread.score.run import gate_failures
from easyread.score.settings import ScoreSettings, Target
from easyread.score.summary import whole_or_tenths

AT_MOST_9 = Target("smog", 9.0, higher_is_easier=False)
AT_LEAST_80 = Target("reading_ease", 80.0, higher_is_easier=True)


@pytest.mark.parametrize(
    ("target", "value", "met"),
    [
        (AT_MOST_9, 9.04, True),  # shown as 9.0
        (AT_MOST_9, 9.06, False),  # shown as 9.1
        (AT_MOST_9, 8.2, True),
        (AT_LEAST_80, 79.96, True),  # shown as 80.0
        (AT_LEAST_80, 79.94, False),  # shown as 79.9
        (AT_LEAST_80, 93.8, True),
    ],
)
def test_a_target_is_met_as_the_value_is_shown(target: Target, value: float, met: bool) -> None:
    assert target.met(value) is met
    shown = float(f"{value:.1f}")
    assert target.met(shown) is met


@pytest.mark.parametrize(
    ("value", "target", "text"),
    [
        (83.4, AT_LEAST_80, "83"),
        (79.7, AT_LEAST_80, "79.7"),  # '80 (target 80 or more)' would hide the miss
        (79.96, AT_LEAST_80, "80"),
        (79.7, None, "80"),
        (60.2, AT_LEAST_80, "60"),
    ],
)
def test_the_summary_never_rounds_a_miss_onto_the_target(
    value: float, target: Target | None, text: str
) -> None:
    assert whole_or_tenths(value, target) == text


def fake_score(report: float, *sections: float) -> SimpleNamespace:
    return SimpleNamespace(
        settings=ScoreSettings(),
        language=SimpleNamespace(reading_ease_constants=(1.0,), name="English"),
        measures=SimpleNamespace(reading_ease=report),
        sections=[
            SimpleNamespace(
                number=index, title=f"Part {index}", measures=SimpleNamespace(reading_ease=value)
            )
            for index, value in enumerate(sections, start=1)
        ],
    )


def test_fail_under_is_judged_on_the_shown_value() -> None:
    assert gate_failures(fake_score(79.96), 80, "report") == []
    assert gate_failures(fake_score(79.94), 80, "report") == [
        "the report's reading ease 79.9 is below --fail-under 80"
    ]
    failures = gate_failures(fake_score(90.0, 79.96, 79.9), 80, "section")
    assert failures == ["section 2 (Part 2) has reading ease 79.9, below --fail-under 80"]
