"""The hard-word rule: glossary hard words must be bold where they are first used."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.glossary import Match
from easyread.glossary.explanation import is_explained
from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.rules.jargon import first_hard_word_uses, suggestion_text
from easyread.lint.text import TextPiece


class HardWord(Rule):
    """A hard word from the glossary that is not shown as a hard word where it is first used.

    Easy Read explains every hard word. The first time you use one, make it **bold**, like
    this: `**dysphagia**`. Then the reader knows the word is explained: in the next sentence
    ("Dysphagia means ...") and on the "Words to know" page at the back, which
    `easyread build` makes from the glossary's plain explanations.

    Only the first use in the body text counts; headings and picture descriptions are not
    checked. Set `require-explanation = true` to also ask for an explanation in the next
    sentence of the same point (a sentence that uses the word again, or says "This means ...").
    """

    id = "hard-word"
    description = "A hard word that is not bold and explained where it is first used."
    severity = "warning"
    options = {"require-explanation": False}
    option_help = {
        "require-explanation": "also ask for an explanation in the next sentence of the point"
    }
    examples_fail = [
        "# Eating\n\nSome people have dysphagia.\n",
        "# Eating\n\nSome people have dysphagia. **Dysphagia** makes it hard to swallow.\n",
    ]
    examples_pass = [
        "# Eating\n\nSome people have **dysphagia**. Dysphagia makes it hard to swallow.\n",
        "# Eating\n\nSome people have **dysphagia**. This means it is hard to swallow.\n",
        "# Eating\n\nSome people find it hard to swallow.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        glossary = context.glossary()
        if glossary is None:
            return
        need_explanation = bool(context.options.get("require-explanation", False))
        for piece, match in first_hard_word_uses(context):
            finding = self._first_use(context, piece, match, need_explanation)
            if finding is not None:
                yield finding

    def _first_use(
        self, context: LintContext, piece: TextPiece, match: Match, need_explanation: bool
    ) -> Finding | None:
        word = canonical(match.text)
        plain = match.entry.plain
        if not piece.is_strong(match.start, match.end):
            plainer = suggestion_text(match.entry.suggest)
            return context.finding(
                piece,
                match.start,
                match.end,
                f"'{word}' is a hard word. Make it bold the first time you use it.",
                f"Write **{word}** and say what it means in the next sentence. "
                f"For example: {plain}" + (f" Or: {plainer}" if plainer else ""),
            )
        if need_explanation and not explained_next(piece, match):
            return context.finding(
                piece,
                match.start,
                match.end,
                f"'{word}' is a hard word. Say what it means in the next sentence.",
                f"For example: {plain}",
            )
        return None


def explained_next(piece: TextPiece, match: Match) -> bool:
    """True if the sentence itself, or the next one in the point, says what the word means."""
    point = piece.point
    following = ""
    if point is not None:
        index = next(
            (i for i, sentence in enumerate(point.sentences) if sentence.runs is piece.runs), None
        )
        if index is not None and index + 1 < len(point.sentences):
            following = point.sentences[index + 1].text
    return is_explained(match.text, match.entry, piece.text[match.end :], following)
