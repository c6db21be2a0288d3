"""The name someone probably meant when they typed one easyread does not know."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike a typed name and a real one must be (difflib's ratio). 0.5 matched nonsense:
# 'nope' gave 'footnote' and 'foo' gave 'footnote'. Real typos score 0.8 or more
# ('semicolom' 0.89, 'tabel' 0.80, 'jargn' 0.91, 'missing-pic' 0.85).
CLOSE_ENOUGH = 0.75
SHORTEST_PREFIX = 4  # 'date' for 'date-format'; 'foo' is too short to mean 'footnote'


def nearest_name(typed: str, names: Iterable[str]) -> str | None:
    """The known name closest to `typed`, or None when none is close enough to suggest.
    A name that starts with what was typed (at least 4 letters) counts as close."""
    typed = typed.strip().lower()
    choices = sorted(names)
    if not typed:
        return None
    close = difflib.get_close_matches(typed, choices, n=1, cutoff=CLOSE_ENOUGH)
    if close:
        return close[0]
    if len(typed) >= SHORTEST_PREFIX:
        starting = [name for name in choices if name.startswith(typed)]
        if starting:
            return starting[0]
    return None
