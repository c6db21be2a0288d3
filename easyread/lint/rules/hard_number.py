"""The hard-number rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._numbers import format_number, parse_number, round_to
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.scan import Spans
from easyread.lint.text import TextPiece

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINAL_FRACTIONS = {
    "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10,
}  # fmt: skip

_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS = re.compile(
    rf"(?<![\w-])(?:a\s+|an\s+)?(?:(?:{_NUMBER_WORD})(?:(?:-|\s+(?:and\s+)?)(?:{_NUMBER_WORD}))*)"
    rf"(?![\w-])",
    re.IGNORECASE,
)
_FRACTION_WORDS = re.compile(
    r"(?<![\w-])(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<part>thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
    r"(?=\s+of\b)",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"(?<![\w/.,-])(?P<top>\d{1,2})/(?P<bottom>\d{1,2})(?![\w/])")
_DECIMAL = re.compile(
    r"(?<![\w.,/:-])(?P<money>[£$€])?(?P<number>\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+)(?![\w.]*\d)"
)
_LARGE = re.compile(
    r"(?<![\w.,/:-])(?P<money>[£$€])?(?P<number>\d{1,3}(?:,\d{3})+|\d{5,})(?![\w,.]*\d)"
)
_AFTER_NUMBER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|am\b|pm\b|a\.m\.|p\.m\.)", re.I)
# Words before a number that make it a label, not an amount.
_LABEL_BEFORE = re.compile(
    r"(?:point|section|part|page|chapter|version|step|rule|paragraph|phone|call|ring|text|tel|"
    r"telephone|number|no\.|ref|reference|code|postcode|account|room|flat|box)\s*:?\s*$",
    re.IGNORECASE,
)
# More digits than any amount in a report has: a trillion pounds has 13.
_LONGEST_AMOUNT = 30
_TIME_BEFORE = re.compile(r"(?:at|from|until|till|by|before|after|to)\s+$", re.IGNORECASE)


class HardNumber(Rule):
    """A number that is hard to read: a decimal, a fraction, a number in words or a very big one.

    Easy Read writes numbers as digits (10, not ten), rounds them (about 1,200, not 1,187.5),
    and avoids fractions ("1 in 3" rather than a third or 1/3). Very large exact numbers are
    hard to picture: round them to 2 digits and say "about".

    Not flagged: years (2025), dates and times (6 August, 10.30am), phone numbers and
    reference numbers, point numbers such as "point 3.2", numbers in inline code, and the word
    "one" (it is too often not a number: "no one", "one of us"). Change the words the rule
    ignores with `ignore-words`. `--fix` writes simple number words as digits ("seven" -> 7).
    """

    id = "hard-number"
    description = "A decimal, fraction, number in words or large unrounded number."
    severity = "warning"
    options = {"ignore-words": ["one"], "max-digits-unrounded": 4}
    option_limits = {"max-digits-unrounded": (1, 20)}
    option_help = {
        "ignore-words": "number words that are never flagged",
        "max-digits-unrounded": "numbers with more digits than this must be rounded",
    }
    examples_fail = [
        "# Deaths\n\nThe average age was 61.7 years.\n",
        "# Deaths\n\nA third of people died in hospital.\n",
        "# Deaths\n\nWe looked at seven reviews.\n",
        "# Deaths\n\nWe looked at 12,345 reviews. 1/3 of them were late.\n",
    ]
    examples_pass = [
        "# Deaths\n\nThe average age was about 62. We met at 10.30am on 6 August 2018.\n",
        "# Deaths\n\nWe looked at 12,000 reviews in 2025. Call 0300 123 4567 or see point 3.2.\n",
        "# Deaths\n\nNo one was left out. Someone often helps. This was the third meeting.\n",
        "# Help\n\nYou can get help 24/7. We read 5 million words.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        ignore = {word.lower() for word in context.options["ignore-words"]}
        max_digits = int(context.options["max-digits-unrounded"])
        index = context.index()
        for piece in index.with_any_of([_DIGIT], [_WORD_STARTS]):
            found: list[Finding] = []
            taken = Spans()
            for finder in (_fraction_words, _number_words, _decimals, _fractions, _large):
                for start, end, message, suggestion, fix in finder(piece, ignore, max_digits):
                    if piece.is_code(start, end) or taken.overlaps(start, end):
                        continue
                    taken.add(start, end)
                    found.append(context.finding(piece, start, end, message, suggestion, fix))
            yield from found


_Hit = tuple[int, int, str, str, str | None]
_DIGIT = re.compile(r"\d")
# Every number-word finder needs one of these words at the start of a word: a piece with
# none of them and no digit cannot hold a hard number.
_WORD_STARTS = frozenset([*_UNITS, *_TENS, *_SCALES, *_ORDINAL_FRACTIONS])


def _number_words(piece: TextPiece, ignore: set[str], _: int) -> Iterator[_Hit]:
    for match in _WORDS.finditer(piece.text):
        start, end = match.span()
        phrase = match.group()
        words = [word for word in re.split(r"[\s-]+", phrase.lower()) if word]
        numbers = [word for word in words if word not in ("a", "an", "and")]
        if words[0] in ("a", "an") and numbers[0] not in _SCALES:
            # "a" belongs to the sentence, not the number: "a seven-day week" -> "seven"
            start += len(phrase) - len(phrase[len(words[0]) :].lstrip())
            phrase = piece.text[start:end]
            words = words[1:]
        if len(numbers) == 1 and numbers[0] in ignore:
            continue
        if len(numbers) == 1 and numbers[0] in _SCALES and words[0] not in ("a", "an"):
            continue  # a bare "hundred" or "million" after a digit: "5 million" is fine
        value = _words_value(numbers)
        if value is None:
            continue
        digits = _digits(value)
        yield (
            start,
            end,
            f"'{phrase}' is a number written in words.",
            f"Write it in digits: {digits}.",
            digits,
        )


def _words_value(numbers: list[str]) -> int | None:
    total = current = 0
    for word in numbers:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
    return total + current


def _digits(value: int) -> str:
    if value >= 1_000_000 and value % 1_000_000 == 0:
        return f"{value // 1_000_000:,} million"
    return f"{value:,}"


def _fraction_words(piece: TextPiece, ignore: set[str], _: int) -> Iterator[_Hit]:
    for match in _FRACTION_WORDS.finditer(piece.text):
        count = match.group("count").lower()
        top = 1 if count in ("a", "an") else _UNITS[count]
        bottom = _ORDINAL_FRACTIONS[match.group("part").lower().rstrip("s")]
        yield (
            *match.span(),
            f"'{match.group()}' is a fraction. Fractions are hard to understand.",
            f"Say it as '{top} in {bottom}'.",
            None,
        )


def _fractions(piece: TextPiece, ignore: set[str], _: int) -> Iterator[_Hit]:
    for match in _FRACTION.finditer(piece.text):
        top, bottom = int(match.group("top")), int(match.group("bottom"))
        if not 0 < top < bottom <= 12:
            continue  # 24/7 and 6/8/18 are not fractions
        yield (
            *match.span(),
            f"'{match.group()}' is a fraction. Fractions are hard to understand.",
            f"Say it as '{top} in {bottom}'.",
            None,
        )


def _decimals(piece: TextPiece, ignore: set[str], _: int) -> Iterator[_Hit]:
    text = piece.text
    for match in _DECIMAL.finditer(text):
        start, end = match.span()
        if _AFTER_NUMBER.match(text, end) or _is_label(text, start) or _is_time(text, match):
            continue
        value = parse_number(match.group("number"))
        if value is None:
            continue
        money = match.group("money") or ""
        rounded = round(value) if value >= 10 or money else round_to(value, 1)
        about = f"about {money}{format_number(round_to(rounded, 2) if value >= 100 else rounded)}"
        yield (
            start,
            end,
            f"'{match.group()}' is a decimal number. Decimals are hard to understand.",
            f"Round it: '{about}'.",
            None,
        )


def _large(piece: TextPiece, ignore: set[str], max_digits: int) -> Iterator[_Hit]:
    text = piece.text
    for match in _LARGE.finditer(text):
        number = match.group("number")
        start, end = match.span()
        digits = number.replace(",", "")
        if len(digits) <= max_digits or digits.startswith("0"):
            continue
        if _AFTER_NUMBER.match(text, end) or _is_label(text, start):
            continue
        if re.match(r"\s\d", text[end : end + 2]):
            continue  # digit groups with spaces: a phone or reference number
        if len(digits) > _LONGEST_AMOUNT:
            continue  # a code or a reference, not an amount (and too long to read as a number)
        value = int(digits)
        rounded = round_to(value, 2)
        if rounded == value:
            continue
        money = match.group("money") or ""
        yield (
            start,
            end,
            f"'{match.group()}' is a big exact number. Big numbers are easier when rounded.",
            f"Round it: 'about {money}{format_number(rounded)}'.",
            None,
        )


def _is_label(text: str, start: int) -> bool:
    return bool(_LABEL_BEFORE.search(text[max(0, start - 20) : start]))


def _is_time(text: str, match: re.Match[str]) -> bool:
    """10.30 after 'at' or 'from' is a time of day."""
    whole, _, part = match.group("number").partition(".")
    if len(part) != 2 or not whole.isdigit() or int(whole) > 24 or int(part) > 59:
        return False
    return bool(_TIME_BEFORE.search(text[max(0, match.start() - 8) : match.start()]))
