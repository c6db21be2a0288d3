"""The hard-word rule: glossary hard words must be bold where they are first used."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.glossary import Match
from easyread.glossary.explanation import is_explained
from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.rules.jargon import (
    explained_hard_words,
    first_hard_word_uses,
    next_sentence,
    suggestion_text,
)
from easyread.lint.text import TextPiece


class HardWord(Rule):
    """A hard word from the glossary that is not shown as a hard word where it is first used.

    Easy Read explains every hard word. The first time you use one, make it **bold**, like
    this: `**dysphagia**`. Then the reader knows the word is explained: in the next sentence
    ("Dysphagia means ...") and on the "Words to know" page at the back, which
    `easyread build` makes from the glossary's plain explanations.

    Only the first use in the body text counts; headings and picture descriptions are not
    checked. A word the text already explains where it uses it ("A personal budget is the
    money ...", "this is known as your personal budget", "someone (a personal assistant)") is
    left to the milder `hard-word-bold` rule. Set `require-explanation = true` to also ask for
    an explanation in the next sentence of the same point (a sentence that uses the word
    again, or says "This means ...").
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
        "# Eating\n\nDysphagia is when it is hard to swallow. Some people have dysphagia.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        glossary = context.glossary()
        if glossary is None:
            return
        need_explanation = bool(context.options.get("require-explanation", False))
        explained = explained_hard_words(context)
        for piece, match in first_hard_word_uses(context):
            if match.entry.key in explained and not piece.is_strong(match.start, match.end):
                continue  # explained, not bold: the hard-word-bold rule says so, more mildly
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
    following = next_sentence(piece)
    return is_explained(match.text, match.entry, piece.text[match.end :], following)


class HardWordBold(Rule):
    """A hard word from the glossary that the text explains, but does not make bold.

    The text says what the word means where it uses it ("A personal budget is the money ...",
    "this is known as your personal budget", "someone (a personal assistant)"), so readers are
    not lost. Making it **bold** the first time tells them the word is explained, and puts it
    on the "Words to know" page at the back.
    """

    id = "hard-word-bold"
    description = "A hard word that is explained but not bold where it is first used."
    severity = "info"
    examples_fail = [
        "# Eating\n\nDysphagia is when it is hard to swallow. Some people have dysphagia.\n",
        "# Eating\n\nSome people find it hard to swallow (this is called dysphagia).\n",
    ]
    examples_pass = [
        "# Eating\n\n**Dysphagia** is when it is hard to swallow.\n",
        "# Eating\n\nSome people have dysphagia.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        if context.glossary() is None:
            return
        explained = explained_hard_words(context)
        if not explained:
            return
        for piece, match in first_hard_word_uses(context):
            if match.entry.key not in explained or piece.is_strong(match.start, match.end):
                continue
            word = canonical(match.text)
            yield context.finding(
                piece,
                match.start,
                match.end,
                f"'{word}' is explained, but it is not bold.",
                f"Write **{word}** the first time, so readers know it is explained and it goes "
                "into Words to know.",
            )
