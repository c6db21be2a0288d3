"""The wordy-phrase rule: phrases and formal words that have a shorter, plainer way to say them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.rules.jargon import in_a_name, safe_fix, suggestion_text
from easyread.lint.scan import Spans
from easyread.lint.text import TextPiece
from easyread.lint.wordlists import wordy_phrase_glossary

CHECKED = ("heading", "sentence")
_NONE = Spans()  # for the many pieces with no glossary term: only asked, never added to


class WordyPhrase(Rule):
    """A phrase that uses more words than it needs, or a formal word with a plainer one.

    Officials often write "in order to" for "to", "a number of" for "some", "prior to" for
    "before" and "commence" for "start". Each extra word is one more thing to read, and formal
    words are ones many readers do not know. The rule finds every form of the phrase
    ("commenced", "made use of") and suggests the plain words.

    The phrases are data, in `wordlists/wordy-phrases.yaml`: more than 300 of them, each with
    its plain words. When there is exactly one plain choice and the text uses the phrase in
    its plain form, `easyread lint --fix` can make the change. Words written with a capital
    inside a sentence are taken to be part of a name and are not reported, and neither are
    words inside a glossary term (the glossary rules report those) or that the report makes
    bold somewhere (a hard word it explains). Picture descriptions are not checked.
    """

    id = "wordy-phrase"
    description = "A wordy phrase or formal word that has a plainer way to say it."
    severity = "warning"
    examples_fail = [
        "# Our plan\n\nWe met with a view to agreeing the plan.\n",
        "# Our plan\n\nWe made use of the room on a regular basis.\n",
        "# Our plan\n\nA number of people came.\n",
    ]
    examples_pass = [
        "# Our plan\n\nWe met to agree the plan.\n",
        "# Our plan\n\nWe used the room every week. Some people came.\n",
        "# Our plan\n\nRead the With A View To Change Guide.\n",
        "# Our plan\n\nThey fill in a **do not attempt resuscitation** form. It means ...\n",
        "# Deaths\n\nSome deaths are **avoidable**. Avoidable means ... 4 were avoidable.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        glossary = wordy_phrase_glossary()
        pieces: list[TextPiece] = []
        terms: list[Spans] = []
        for piece, known in zip(context.pieces(), context.glossary_matches(), strict=True):
            if piece.kind in CHECKED:
                pieces.append(piece)
                terms.append(Spans((match.start, match.end) for match in known) if known else _NONE)
        found = glossary.find_all([piece.text for piece in pieces])
        explained = {
            match.entry.key
            for piece, matches in zip(pieces, found, strict=True)
            for match in matches
            if piece.is_strong(match.start, match.end)
        }
        for piece, matches, taken in zip(pieces, found, terms, strict=True):
            for match in matches:
                if piece.is_code(match.start, match.end) or in_a_name(piece, match):
                    continue
                if match.entry.key in explained or taken.overlaps(match.start, match.end):
                    continue  # a hard word the author explains in bold, or a glossary term
                finding = context.finding(
                    piece,
                    match.start,
                    match.end,
                    wordy_message(canonical(match.text)),
                    suggestion_text(match.entry.suggest),
                    fix=safe_fix(match),
                )
                if finding.fix is not None and finding.line != finding.end_line:
                    finding = dataclasses.replace(finding, fix=None)
                yield finding


def wordy_message(words: str) -> str:
    if " " in words:
        return f"'{words}' uses more words than it needs."
    return f"'{words}' is a formal word. There is a plainer word for it."
