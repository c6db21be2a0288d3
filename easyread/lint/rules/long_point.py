"""The long-point rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece


class LongPoint(Rule):
    """A point (one picture row) with too many sentences.

    Each point in an Easy Read document is a picture with a few short sentences beside it.
    More than 3 sentences make the text much taller than the picture and hard to follow.
    Split the point into two points, each with its own picture, or cut what is not needed.

    The finding starts at the first sentence over the limit.
    """

    id = "long-point"
    description = "A point with more sentences than the limit (3 unless set)."
    severity = "warning"
    options = {"max-sentences": 3}
    option_help = {"max-sentences": "the most sentences one point may have"}
    examples_fail = [
        "# Homes\n\nWe visited homes. We met people. We met staff. We wrote a report.\n",
        "# Help\n\n- We listen. We help. We write it down. We check. We tell you.\n",
    ]
    examples_pass = [
        "# Homes\n\nWe visited homes. We met people. We met staff.\n\nWe wrote a report.\n",
        "# Help\n\nWe listen, e.g. on the phone. We help.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        limit = int(context.options["max-sentences"])
        by_point: dict[int, list[TextPiece]] | None = None
        for section, point in context.report.points():
            if section.role != "body" or len(point.sentences) <= max(limit, 0):
                continue
            if by_point is None:  # only when some point is too long
                by_point = {}
                for piece in context.pieces():
                    if piece.kind == "sentence" and piece.point is not None:
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
