"""The date-format rule."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece

_NUMERIC = re.compile(
    r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\w/-]|\.\d)"
)
_DIGIT_DASH = re.compile(r"\d[/.-]\d")
_ISO = re.compile(r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w/-]|\.\d)")


class DateFormat(Rule):
    """A date written with numbers only, such as 6/8/18 or 2018-08-06.

    Dates in numbers are hard to read, and people read them in different orders (in the UK
    6/8/18 is 6 August; in the US it is 8 June). Write the date out: "6 August 2018".

    The rule reads day/month/year unless the option `order` is "mdy". `--fix` writes the date
    out only when it cannot be misread: year-month-day dates, and dates whose day is over 12.
    """

    id = "date-format"
    description = "A date in numbers (6/8/18): write it out as 6 August 2018."
    severity = "warning"
    options = {"order": "dmy"}
    option_choices = {"order": ("dmy", "mdy")}
    option_help = {"order": "how to read 6/8/18: dmy (UK, 6 August) or mdy (US, June 8)"}
    examples_fail = [
        "# Meeting\n\nWe met on 6/8/18 at the town hall.\n",
        "# Meeting\n\nThe next meeting is on 2026-07-14.\n",
        "# Meeting\n\nWrite to us before 25.12.2026 please.\n",
    ]
    examples_pass = [
        "# Meeting\n\nWe met on 6 August 2018. We are open 24/7.\n",
        "# Meeting\n\nIn 2018-2019 we read 1/3 of the files. Call 0300 123 4567.\n",
        "# Meeting\n\nSee version 1.2.3 of the form. Use the code `2026-07-14`.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        month_first = str(context.options["order"]).lower() == "mdy"
        for piece in context.index().with_pattern(_DIGIT_DASH):
            text = piece.text
            for match in _ISO.finditer(text):
                date = _date(int(match.group("year")), match.group("month"), match.group("day"))
                if date is not None and not piece.is_code(*match.span()):
                    written = written_date(date, month_first)
                    yield _finding(context, piece, match, written, written)
            for match in _NUMERIC.finditer(text):
                first, second = int(match.group("a")), int(match.group("b"))
                day, month = (second, first) if month_first else (first, second)
                year = _full_year(match.group("year"))
                date = _date(year, month, day)
                if date is None or piece.is_code(*match.span()):
                    continue
                written = written_date(date, month_first)
                safe = day > 12 or day == month
                yield _finding(context, piece, match, written, written if safe else None)


def _finding(
    context: LintContext, piece: TextPiece, match: re.Match[str], written: str, fix: str | None
) -> Finding:
    return context.finding(
        piece,
        match.start(),
        match.end(),
        f"'{match.group()}' is a date in numbers. It is hard to read and easy to get wrong.",
        f"Write it out: '{written}'.",
        fix=fix,
    )


def _date(year: int, month: int | str, day: int | str) -> dt.date | None:
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


def _full_year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    short = int(text)
    this_year = dt.date.today().year
    century = this_year - this_year % 100
    return century + short if century + short <= this_year + 20 else century - 100 + short


def written_date(date: dt.date, month_first: bool = False) -> str:
    if month_first:
        return f"{date:%B} {date.day}, {date.year}"
    return f"{date.day} {date:%B} {date.year}"
