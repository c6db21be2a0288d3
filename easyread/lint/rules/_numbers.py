"""Number helpers shared by the percentage, hard-number and date-format rules."""

from __future__ import annotations

import math


def parse_number(text: str) -> float | None:
    """The number written in `text`, or None if it is not a number or too big for a float
    (a run of hundreds of digits reads as infinity, which no rule can round)."""
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """12000 -> '12,000'; 2.0 -> '2'."""
    if isinstance(value, int):
        return f"{value:,}"
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,}"


def round_to(value: float, significant: int = 2) -> float:
    """Round to a few significant digits: 12,345 -> 12,000; 187.5 -> 190."""
    if value == 0 or (isinstance(value, float) and not math.isfinite(value)):
        return value
    digits = significant - int(math.floor(math.log10(abs(value)))) - 1
    try:
        return round(value, digits)
    except OverflowError:  # near the largest float, rounding up has nowhere to go
        return value


_ONE_IN_A_MILLION = 1e-6


def natural_frequency(percent: float) -> str:
    """A percentage said as a frequency: 25 -> '1 in 4'; 33 -> 'about 1 in 3'; 95 -> '19 in
    20'. Any finite or infinite number gives an answer."""
    if math.isnan(percent):
        return "some"
    if percent <= 0:
        return "none"
    if percent >= 100:
        return _times_as_many(percent / 100)
    share = percent / 100
    if share >= 0.97:
        return "almost all"
    if share < _ONE_IN_A_MILLION:
        return "fewer than 1 in 1,000,000"
    candidates: list[tuple[float, int, str]] = []
    for denominator in (2, 3, 4, 5, 10):
        numerator = round(share * denominator)
        if 1 <= numerator < denominator:
            error = abs(numerator / denominator - share)
            candidates.append((error, denominator, f"{numerator} in {denominator}"))
    if share < 0.5:
        people = _nice(1 / share)
        candidates.append((abs(1 / people - share), people, f"1 in {format_number(people)}"))
    else:
        # 95% and 96% fall between 9 in 10 and "almost all": say how many are left out.
        people = _nice(1 / (1 - share))
        error = abs((people - 1) / people - share)
        words = f"{format_number(people - 1)} in {format_number(people)}"
        candidates.append((error, people, words))
    error, _, words = min(candidates, key=lambda item: (round(item[0], 3), item[1]))
    exact = error < 1e-9
    return words if exact else f"about {words}"


def _times_as_many(times: float) -> str:
    if times >= 1_000_000:
        return "more than 1,000,000 times as many"
    rounded = round(times * 2) / 2 if times < 100 else round_to(times, 2)
    if rounded <= 1:
        return "all"
    return f"about {format_number(rounded)} times as many"


def _nice(value: float) -> int:
    """A round number of people: 8.3 -> 8; 23 -> 25; 1,234 -> 1,200."""
    if value < 20:
        return max(2, round(value))
    if value < 100:
        return max(20, int(5 * round(value / 5)))
    return int(round_to(value, 2))
