"""The "Checked by" page the build adds: which groups checked the report, who agreed to be named.

For each group it says which parts they checked on which date (their latest check of each
part), which of those parts changed after they checked them (the part's fingerprint now differs
from their record), and which parts of the report they did not check, so the page stays true
as the report changes. Only checkers whose record says `consent-to-be-named = true` are named;
the group is named for every check, because a group's name is not personal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from easyread.edition import BackPageBuilder
from easyread.edition.review_strings import join_names, review_strings
from easyread.model import Report, Run, Section, Sentence, Source
from easyread.records.fingerprint import section_fingerprint
from easyread.records.reviews import (
    ReviewRecord,
    format_date,
    latest_checks,
    load_records,
    section_file,
)
from easyread.resources import templates_dir

SLUG = "checked-by"


def checked_by_section(report: Report) -> Section | None:
    """A back page naming the groups and the consenting checkers; None with no records."""
    records = load_records(report.root)
    if not records:
        return None
    strings = review_strings(report.config.language)
    first = records[0].path or report.root
    page = BackPageBuilder(first, strings["checked-by"], SLUG)
    for group, group_records in _by_group(records).items():
        latest = group_records[-1]
        source = Source(latest.path or first, 1)
        words = [strings["checked-by-group"].format(group=group)]
        words += _what_they_checked(report, group_records, strings)
        page.point_of(_sentences(words, source), _picture_path("group.png"), "2 people", source)
        names = _named_checkers(group_records)
        if names:
            named = strings["checked-by-names"].format(names=join_names(names, strings["and"]))
            sentences = _sentences([named, strings["checked-by-thanks"]], source)
            page.point_of(sentences, _picture_path("checked.png"), "A tick", source)
    return page.section()


def _what_they_checked(
    report: Report, records: list[ReviewRecord], strings: dict[str, str]
) -> list[str]:
    """ "On 14 May 2026 they checked parts 1, 2 and 3.", then the parts changed since and the
    parts not checked. Parts no longer in the report are left out."""
    latest = latest_checks(records)
    by_date: dict[dt.date, list[int]] = {}
    changed, not_checked = [], []
    for section in report.sections:
        check = latest.get(section_file(report, section))
        if check is None:
            not_checked.append(section.number)
            continue
        record, checked = check
        by_date.setdefault(record.date, []).append(section.number)
        if checked.fingerprint != section_fingerprint(section):
            changed.append(section.number)
    words = [
        strings["checked-by-parts"].format(date=format_date(date), parts=_parts(numbers, strings))
        for date, numbers in sorted(by_date.items())
    ]
    if changed:
        key = "checked-by-changed" if len(changed) == 1 else "checked-by-changed-many"
        words.append(strings[key].format(parts=_parts(changed, strings)))
    if not_checked and by_date:
        words.append(strings["checked-by-not-checked"].format(parts=_parts(not_checked, strings)))
    return words


def _parts(numbers: list[int], strings: dict[str, str]) -> str:
    """ "part 3", "parts 1, 2 and 5"."""
    key = "part-one" if len(numbers) == 1 else "parts-many"
    return strings[key].format(numbers=join_names([str(n) for n in numbers], strings["and"]))


def _by_group(records: list[ReviewRecord]) -> dict[str, list[ReviewRecord]]:
    groups: dict[str, list[ReviewRecord]] = {}
    for record in records:  # oldest first, so each group's list ends with its latest check
        groups.setdefault(record.group, []).append(record)
    return groups


def _named_checkers(records: list[ReviewRecord]) -> list[str]:
    """Consenting checkers in the order they first appear; the latest consent wins."""
    consent: dict[str, bool] = {}  # dicts keep the order names were first added
    for record in records:
        for checker in record.checkers:
            consent[checker.name] = checker.consent_to_be_named
    return [name for name, agreed in consent.items() if agreed]


def _picture_path(name: str) -> Path:
    own = templates_dir() / "review" / "pictures" / name
    return own if own.is_file() else templates_dir() / "matter" / "pictures" / name


def _sentences(texts: list[str], source: Source) -> list[Sentence]:
    return [Sentence((Run(text),), source) for text in texts]
