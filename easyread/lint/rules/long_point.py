"""The long-point rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece
from easyread.model import Run


def web_address(runs: list[Run]) -> bool:
    """A sentence that is only a link whose words have no space: a web address on its own."""
    shown = [run for run in runs if run.text.strip()]
    return (
        bool(shown)
        and all(run.link for run in shown)
        and " " not in "".join(run.text.strip() for run in shown)
    )


class LongPoint(Rule):
    """A point (one picture row) with too many sentences.

    Each point in an Easy Read document is a picture with a few short sentences beside it.
    More than 3 sentences make the text much taller than the picture and hard to follow.
    Split the point into two points, each with its own picture, or cut what is not needed.

    A web address on a line of its own (a link and nothing else, like the licence's address on
    the credits page) is not a sentence and is not counted.

    The finding starts at the first sentence over the limit.
    """

    id = "long-point"
    description = "A point with more sentences than the limit (3 unless set)."
    severity = "warning"
    options = {"max-sentences": 3}
    option_limits = {"max-sentences": (1, 50)}
    option_help = {"max-sentences": "the most sentences one point may have"}
    examples_fail = [
        "# Homes\n\nWe visited homes. We met people. We met staff. We wrote a report.\n",
        "# Help\n\n- We listen. We help. We write it down. We check. We tell you.\n",
    ]
    examples_pass = [
        "# Homes\n\nWe visited homes. We met people. We met staff.\n\nWe wrote a report.\n",
        "# Help\n\nWe listen, e.g. on the phone. We help.\n",
        "# Help\n\nWe listen. We help. Read more on our website.\n[nhs.uk](https://www.nhs.uk)\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        limit = int(context.options["max-sentences"])
        by_point: dict[int, list[TextPiece]] | None = None
        for section, point in context.report.points():
            if section.role != "body" or len(point.sentences) <= max(limit, 0):
                continue
            if sum(not web_address(sentence.runs) for sentence in point.sentences) <= limit:
                continue
            if by_point is None:  # only when some point is too long
                by_point = {}
                for piece in context.pieces():
                    counted = piece.point is not None and not web_address(piece.runs)
                    if piece.kind == "sentence" and counted:
                        by_point.setdefault(id(piece.point), []).append(piece)
            sentences = by_point[id(point)]
            first_extra = sentences[limit]
            yield context.finding(
                first_extra,
                0,
                len(first_extra.text),
                f"This point has {len(sentences)} sentences. "
                f"Easy Read points have {limit} or fewer.",
                "Make it two points, each with its own picture.",
            )
