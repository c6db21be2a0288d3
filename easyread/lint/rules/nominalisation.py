"""The nominalisation rule: a noun made from a doing word, in "the implementation of"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.wordlists import nominalisations

CHECKED = ("heading", "sentence")
_DETERMINERS = (
    "the", "a", "an", "any", "this", "that", "these", "those", "its", "their", "our", "his",
    "her", "your", "my", "further", "full", "early", "timely",
)  # fmt: skip


# "... is a", "... means an": the noun says what something is, which is how explanations work.
_DEFINES = re.compile(r"\b(?:is|are|was|means)\s*$", re.IGNORECASE)
_A_OR_AN = re.compile(r"an?\s", re.IGNORECASE)


class Nominalisation(Rule):
    """A doing word turned into a naming word: "the implementation of", "notification of".

    Reports love nouns made from verbs. "The implementation of the plan" hides who does what;
    "we will carry out the plan" says it. Readers follow sentences about people doing things
    more easily than sentences about things that happen. Use the doing word and say who does
    it: "we told the family", not "notification of the family took place".

    The rule looks for a noun from the list in `wordlists/nominalisations.yaml` followed by
    "of" ("the provision of care", "notification of a death"), and suggests the doing word.
    Words written with a capital inside a sentence are taken to be part of a name.
    """

    id = "nominalisation"
    description = "A noun made from a doing word, such as 'the implementation of'."
    severity = "warning"
    examples_fail = [
        "# Our plan\n\nThe implementation of the plan starts in May.\n",
        "# Deaths\n\nWe got notification of 20 deaths.\n",
        "# Our plan\n\nWe will check the provisions of the law.\n",
    ]
    examples_pass = [
        "# Our plan\n\nWe will carry out the plan in May.\n",
        "# Words\n\nA post-mortem is an examination of a body after death.\n",
        "# Deaths\n\nThe family told us about 20 deaths. We sent a notification.\n",
        "# Our plan\n\nRead the Implementation Of Care Act Guide.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        verbs = nominalisations()
        pattern = _pattern(frozenset(verbs))
        for piece in context.index().with_word_starts(frozenset(verbs)):
            if piece.kind not in CHECKED:
                continue
            for match in pattern.finditer(piece.text):
                noun = match.group("noun")
                start, end = match.span()
                if noun[:1].isupper() and match.start("noun") > 0:
                    continue  # a name ("the Provision Of Care Act"), not a sentence's words
                if _A_OR_AN.match(match.group()) and _DEFINES.search(piece.text, 0, start):
                    continue  # "A post-mortem is an examination of ...": saying what a word means
                if piece.is_code(start, end):
                    continue
                verb = verbs[_singular(noun.lower(), verbs)]
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{canonical(match.group())}' hides a doing word. "
                    "Say who does what, with the doing word.",
                    f"Use '{verb}': for example 'we will {verb} ...'.",
                )


def _singular(noun: str, verbs: dict[str, str]) -> str:
    if noun in verbs:
        return noun
    return noun[:-1] if noun[:-1] in verbs else noun[:-2]


@cache
def _pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    determiners = "|".join(_DETERMINERS)
    return re.compile(
        rf"(?<![\w-])(?:(?:{determiners})\s+)?(?P<noun>(?:{alternatives})(?:s|es)?)\s+of(?![\w-])",
        re.IGNORECASE,
    )
