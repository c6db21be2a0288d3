"""The picture-reuse rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._pictures import UsedPicture, picture_finding, used_pictures
from easyread.lint.rules.base import LintContext, Rule
from easyread.pictograms.words import meaningful_words, synonyms

_ARTICLES = ("a ", "an ", "the ")
# Each point's words, by its text: a process that lints the same report again and again (the
# language server, easyread watch) works out only the words of the points that changed.
_POINT_WORDS: dict[str, frozenset[str]] = {}
_MAX_POINT_WORDS = 20_000  # more than any report an editor works on; a million-word one has 50k


class PictureReuse(Rule):
    """One picture used for different ideas.

    In Easy Read the same picture stands for the same idea all through the document, and a
    reader learns what it means. When one picture is described with different words in
    different places, or sits beside points that have nothing in common, the reader cannot
    tell what it stands for. Give the picture one description, or choose a different picture
    for the other idea (`easyread pictures suggest --all` shows pictures for each point).

    A point counts as very different when it shares none of its less common words with any
    other point the picture is used for: words used in more than a fifth of the report's points
    (such as the report's own topic) are left out of the comparison.
    """

    id = "picture-reuse"
    description = "One picture used with different descriptions or for very different points."
    severity = "warning"
    options = {"common-share": 0.2}
    option_limits = {"common-share": (0, 1)}
    option_help = {"common-share": "words in more than this share of the points are not compared"}
    examples_fail = [
        "# Visits\n\n![A pill](pill.png) Take your medicines.\n\n"
        "![A sweet](pill.png) Ask about your medicines.\n",
        "# Visits\n\n![A clock](clock.png) Your appointment is at 2pm.\n\n"
        "![A clock](clock.png) We planted trees in the garden.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A pill](pill.png) Take your medicines.\n\n"
        "![A pill](pill.png) Ask your doctor about your medicines.\n",
        "# Visits\n\n![A pill](pill.png) Take your medicines.\n\n"
        "![A clock](clock.png) We planted trees in the garden.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        uses = used_pictures(context)
        by_picture: dict[str, list[UsedPicture]] = {}
        for used in uses:
            key = str(used.file) if used.file is not None else used.picture.src
            by_picture.setdefault(key, []).append(used)
        point_words = {id(used.point): _point_words(used.point.text) for used in uses}
        common = _common_words(point_words, float(context.options["common-share"]))
        described: dict[str, str] = {}  # each different alt text, as _alt compares it
        for group in by_picture.values():
            if len(group) < 2:
                continue  # a picture used once: nothing to compare
            first = group[0]
            first_alt = _alt(first, described)
            words = [_words(point_words[id(used.point)], common) for used in group]
            # How many of the group's points have each word: a point shares a word with
            # another point exactly when one of its words is in two or more of them (one
            # count per word instead of comparing every pair of points).
            points_with: Counter[str] = Counter(word for each in words for word in each)
            for index, later in enumerate(group[1:], 1):
                if _alt(later, described) != first_alt:
                    yield picture_finding(
                        context,
                        later,
                        f"This picture is described as '{later.picture.alt}' here and as "
                        f"'{first.picture.alt}' at point {first.point.number}.",
                        "Use one description for one picture, or a different picture here.",
                    )
                elif words[index] and not any(points_with[word] > 1 for word in words[index]):
                    yield picture_finding(
                        context,
                        later,
                        f"This picture is also used for point {first.point.number}, and this "
                        "point has nothing in common with the points it is used for.",
                        "Use the same picture only for the same idea. Choose another picture.",
                    )


def _point_words(text: str) -> frozenset[str]:
    """The point's words and their lemmas (pictograms.words), as a set: only sets of them are
    compared."""
    words = _POINT_WORDS.get(text)
    if words is None:
        if len(_POINT_WORDS) >= _MAX_POINT_WORDS:
            _POINT_WORDS.clear()
        words = _POINT_WORDS[text] = meaningful_words(text)
    return words


def _alt(used: UsedPicture, described: dict[str, str]) -> str:
    """The alt text in lower case, without a full stop and a leading article."""
    alt = used.picture.alt
    text = described.get(alt)
    if text is None:
        text = " ".join(alt.lower().split()).rstrip(".")
        for article in _ARTICLES:
            text = text.removeprefix(article)
        described[alt] = text
    return text


def _words(lemmas: frozenset[str], common: frozenset[str]) -> frozenset[str]:
    """The point's less common words with their synonyms ("harm" also counts as "risk")."""
    related = synonyms()
    words = lemmas - common
    return words | {other for word in words for other in related.get(word, ())}


def _common_words(point_words: dict[int, frozenset[str]], share: float) -> frozenset[str]:
    """Words in more than `share` of the points (`point_words`: each point's words)."""
    counts: Counter[str] = Counter()
    for words in point_words.values():
        counts.update(words)
    limit = max(3, share * len(point_words))
    return frozenset(word for word, count in counts.items() if count > limit)
