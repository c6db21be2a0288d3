"""Number helpers shared by the percentage, hard-number and date-format rules."""

from __future__ import annotations

import math


def parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def format_number(value: float) -> str:
    """12000 -> '12,000'; 2.0 -> '2'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,}"


def round_to(value: float, significant: int = 2) -> float:
    """Round to a few significant digits: 12,345 -> 12,000; 187.5 -> 190."""
    if value == 0:
        return 0
    digits = significant - int(math.floor(math.log10(abs(value)))) - 1
    return round(value, digits)


def natural_frequency(percent: float) -> str:
    """A percentage said as a frequency: 25 -> '1 in 4'; 33 -> 'about 1 in 3'."""
    if percent <= 0:
        return "none"
    if percent >= 100:
        if percent == 100:
            return "all"
        times = percent / 100
        return f"about {format_number(round(times * 2) / 2)} times as many"
    share = percent / 100
    if share >= 0.97:
        return "almost all"
    candidates: list[tuple[float, int, str]] = []
    for denominator in (2, 3, 4, 5, 10):
        numerator = round(share * denominator)
        if 1 <= numerator < denominator:
            error = abs(numerator / denominator - share)
            candidates.append((error, denominator, f"{numerator} in {denominator}"))
    if share < 0.5:
        people = _nice(1 / share)
        candidates.append((abs(1 / people - share), people, f"1 in {format_number(people)}"))
    error, _, words = min(candidates, key=lambda item: (round(item[0], 3), item[1]))
    exact = error < 1e-9
    return words if exact else f"about {words}"


def _nice(value: float) -> int:
    """A round number of people: 8.3 -> 8; 23 -> 25; 1,234 -> 1,200."""
    if value < 20:
        return max(2, round(value))
    if value < 100:
        return max(20, int(5 * round(value / 5)))
    return int(round_to(value, 2))
