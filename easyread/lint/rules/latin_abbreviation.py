"""The latin-abbreviation rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import char_before

# (pattern, what to write instead, safe replacement or None)
_FORMS: list[tuple[str, str, str | None]] = [
    (r"e\.\s?g\.?|eg\.(?=\s)|eg(?=[\s,:])", "for example", "for example"),
    (r"i\.\s?e\.?|ie\.(?=\s)|ie(?=[\s,:])", "this means", "that is"),
    (r"etc\.?", "list the things, or write 'and other things'", None),
    (r"viz\.?", "namely, or 'these are'", None),
    (r"et al\.?", "and others", None),
    (r"N\.\s?B\.?|NB(?=[\s,:.])|nb\.", "please note", None),
    (r"c\.f\.|cf\.", "see also, or compare with", None),
]
_PATTERN = re.compile(
    r"(?<![\w.@/\\-])(?:"
    + "|".join(f"(?P<f{n}>{form})" for n, (form, _, _) in enumerate(_FORMS))
    + ")",
    re.IGNORECASE,
)
# Where a form may start, in lower-cased text: the first letter of a form, not glued to a
# word before it. Scanning the whole report this is much faster than _PATTERN.
_START_LOWERED = re.compile(
    r"e(?<![\w.@/\\-]e)(?:\.|g|tc|t al)|i(?<![\w.@/\\-]i)[.e]|v(?<![\w.@/\\-]v)iz"
    r"|n(?<![\w.@/\\-]n)[.b]|c(?<![\w.@/\\-]c)[.f]"
)
_CASE_SENSITIVE = {5}  # NB only in capitals ("nb." is also caught with its full stop)


class LatinAbbreviation(Rule):
    """A Latin abbreviation such as e.g., i.e. or etc.

    Many readers do not know what these short forms mean, and screen readers say them in odd
    ways. Write the words out: "for example" instead of e.g., "this means" or "that is" instead
    of i.e., and instead of etc. list the things you mean.

    `--fix` writes "for example" for e.g. and "that is" for i.e. (with a capital letter at the
    start of a sentence). The others need rewording by hand.
    """

    id = "latin-abbreviation"
    description = "A Latin abbreviation (e.g., i.e., etc., viz, NB): write the words out."
    severity = "warning"
    examples_fail = [
        "# Food\n\nWe bought fruit, e.g. apples and pears.\n",
        "# Food\n\nWe bought apples, pears etc. for the party.\n",
        "# Notes\n\nNB the office is closed on Monday.\n",
        "# Care\n\nYour carer, ie the person who helps you, can come too.\n",
    ]
    examples_pass = [
        "# Food\n\nWe bought fruit, for example apples and pears. We ate an egg.\n",
        "# Pies\n\nWe ate a pie at the legal office. Email us at ie@example.org today.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        for piece in context.index().with_lower_pattern(_START_LOWERED, _PATTERN):
            for match in _PATTERN.finditer(piece.text):
                index = int(match.lastgroup[1:]) if match.lastgroup else 0
                start, end = match.span()
                if piece.is_code(start, end) or _wrong_case(index, match.group()):
                    continue
                _, instead, replacement = _FORMS[index]
                fix = _capitalised(replacement, piece.text, start) if replacement else None
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{match.group()}' is a short form that many readers do not know.",
                    f"Write '{instead}' instead." if replacement else f"Write {instead}.",
                    fix=fix,
                )


def _wrong_case(index: int, found: str) -> bool:
    if index in _CASE_SENSITIVE:
        return "." not in found and found != "NB"
    # Bare forms without dots (eg, ie) count only in lower case: "IE" may be a name.
    return "." not in found and found != found.lower()


def _capitalised(replacement: str, text: str, start: int) -> str:
    before = char_before(text, start)
    if not before or before in ".!?":
        return replacement[0].upper() + replacement[1:]
    return replacement
