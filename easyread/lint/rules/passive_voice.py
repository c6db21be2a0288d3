"""The passive-voice rule: "was notified", "were identified"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.wordlists import not_passive

CHECKED = ("sentence",)
_BE = ("am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got")
_BETWEEN = (
    "not", "also", "always", "often", "usually", "sometimes", "then", "already", "still",
    "now", "only", "never", "being", "all", "rarely", "first", "carefully", "properly",
)  # fmt: skip
# Past participles that do not end in -ed.
_IRREGULAR = (
    "awoken", "beaten", "begun", "bitten", "blown", "bought", "brought", "built", "caught",
    "chosen", "dealt", "done", "drawn", "driven", "eaten", "fed", "felt", "forbidden",
    "forgiven", "forgotten", "found", "frozen", "given", "heard", "held", "hidden", "hit",
    "hung", "hurt", "kept", "known", "laid", "led", "left", "lent", "lost", "made", "meant",
    "met", "paid", "put", "read", "run", "said", "seen", "sent", "set", "shown", "shut",
    "sold", "sought", "spent", "spoken", "stolen", "struck", "sworn", "taken", "taught",
    "thought", "thrown", "told", "understood", "withdrawn", "won", "written",
)  # fmt: skip
_PASSIVE = re.compile(
    r"(?<![\w-])(?P<be>" + "|".join(_BE) + r")\s+"
    r"(?:(?:" + "|".join(_BETWEEN) + r")\s+){0,2}"
    r"(?P<verb>[a-z]{2,}ed|" + "|".join(_IRREGULAR) + r")(?![\w-])",
    re.IGNORECASE,
)


class PassiveVoice(Rule):
    """A sentence in the passive voice: "the form was sent", "deaths were notified".

    Easy Read says who does what. In the passive voice the person who does the thing is left
    out or comes last ("the form was sent by the nurse"), and the reader has to work out who
    acted. Write it the active way round: "the nurse sent the form", "we were told" becomes
    "they told us".

    The rule looks for a form of "be" (or "get") followed by a past participle ("was notified",
    "were identified", "is being reviewed", "has been given"). Words such as "tired",
    "married" or "called" that describe someone are not reported; they are listed in
    `wordlists/not-passive.txt`. Only sentences are checked, not headings.

    This rule is off unless you switch it on (`[lint] enable = ["passive-voice"]`): short
    passives such as "you will be told" or "it is done" are often the plainest way to say
    something, and only a person can tell which ones to change.
    """

    id = "passive-voice"
    description = "A sentence in the passive voice ('was notified'): say who does what."
    severity = "info"
    enabled_by_default = False
    examples_fail = [
        "# Deaths\n\nThe deaths were notified to the programme.\n",
        "# Deaths\n\nThe form was sent by the nurse.\n",
        "# Deaths\n\nSome problems have been identified.\n",
    ]
    examples_pass = [
        "# Deaths\n\nThe family told us about the deaths.\n",
        "# Deaths\n\nThe nurse sent the form. I am tired. She is married.\n",
        "# Deaths\n\nThis is called a review. We were interested.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        describing = not_passive()
        for piece in context.index().with_word_starts(frozenset(_BE)):
            if piece.kind not in CHECKED:
                continue
            for match in _PASSIVE.finditer(piece.text):
                verb = match.group("verb").lower()
                if verb in describing or verb in _NOT_VERBS:
                    continue
                start, end = match.span()
                if piece.is_code(start, end):
                    continue
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{canonical(match.group())}' does not say who did it.",
                    "Say who does what: 'the nurse sent the form', not 'the form was sent'.",
                )


# Words ending in -ed that are not verbs.
_NOT_VERBS = frozenset({"bed", "red", "shed", "need", "seed", "feed", "speed", "hundred", "sacred"})
