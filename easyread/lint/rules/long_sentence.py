"""The long-sentence rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.reader.sentences import count_words


class LongSentence(Rule):
    """A sentence with too many words.

    Easy Read sentences are short: 15 words or fewer is the usual limit, and many checking
    groups prefer 10. Long sentences make the reader hold several ideas at once. Split the
    sentence into two or more sentences, each with one idea.

    A word is a run of characters between spaces that holds a letter or a digit, so "1 in 4"
    is three words and "well-known" is one. Headings and picture descriptions are not checked.
    """

    id = "long-sentence"
    description = "A sentence longer than the limit (15 words unless set)."
    severity = "warning"
    options = {"max-words": 15}
    option_limits = {"max-words": (1, 100)}
    option_help = {"max-words": "the most words a sentence may have"}
    examples_fail = [
        "# Visits\n\nWe went to see people in their homes and we talked to their families and"
        " to the staff who help them every day.\n",
        "# Plan\n\nThe plan says what we will do next year to make care better for people with a"
        " learning disability.\n",
    ]
    examples_pass = [
        "# Visits\n\nWe went to see people in their homes. We talked to their families.\n",
        "# Plan\n\nThe plan says what we will do next year. e.g. we will visit 20 homes. We met.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        limit = int(context.options["max-words"])
        for piece in context.pieces():
            if piece.kind != "sentence" or piece.text.count(" ") < limit:
                continue  # n spaces separate at most n + 1 words
            count = count_words(piece.text)
            if count > limit:
                yield context.finding(
                    piece,
                    0,
                    len(piece.text),
                    f"This sentence has {count} words. Easy Read sentences have {limit} or fewer.",
                    "Split it into shorter sentences, with one idea in each.",
                )
