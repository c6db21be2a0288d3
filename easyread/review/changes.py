"""What changed since a group last checked: section by section, point by point.

The review record keeps each section's Markdown as it was, so the points then and now can be
compared. Points are matched in order by their words and pictures (difflib), so an inserted
point shows as new rather than making every later point look changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from easyread.errors import ConfigError, EasyReadError
from easyread.model import Point, Report, Section
from easyread.reader.markdown import parse_section
from easyread.records.fingerprint import normalise_text, point_signature, section_fingerprint
from easyread.records.reviews import (
    CheckedSection,
    ReviewRecord,
    load_record,
    load_records,
    reviews_dir,
    section_file,
)

SIMILAR_ENOUGH = 0.5  # how alike two points' words must be to call one a change of the other


@dataclass(slots=True)
class Change:
    kind: str  # "changed", "new", "taken-out", "title", "part-new", "part-taken-out", "unknown"
    section_number: int
    section_title: str
    number: str = ""  # the point's number now ("new", "changed") or then ("taken-out")
    before: str = ""
    after: str = ""
    path: Path | None = None
    line: int | None = None


@dataclass(slots=True)
class ChangeList:
    report: Report
    record: ReviewRecord
    changes: list[Change] = field(default_factory=list)


def changes_for(root: Path, review: str) -> ChangeList:
    """What changed in the report in `root` since the check `review` names (see
    `find_record`): what `easyread changes` shows."""
    from easyread.reader import read_report

    report = read_report(root)
    return changes_since(report, find_record(report, review))


def find_record(report: Report, review: str) -> ReviewRecord:
    """A record named by its file, its file name, its date, its group, or "last"."""
    candidate = Path(review)
    if candidate.suffix == ".toml" and candidate.is_file():
        return load_record(candidate)
    records = load_records(report.root)
    if not records:
        raise ConfigError(
            "this report has no review records yet",
            path=reviews_dir(report.root),
            hint="record a check with: easyread review DIR --record --group NAME --checker NAME",
        )
    wanted = review.strip().casefold()
    if wanted in ("last", "latest"):
        return records[-1]
    for matches in (
        lambda r: r.path is not None and r.path.stem.casefold() == wanted.removesuffix(".toml"),
        lambda r: r.date.isoformat() == wanted,
        lambda r: r.group.casefold() == wanted,
    ):
        found = [record for record in records if matches(record)]
        if found:
            return found[-1]
    names = ", ".join(record.path.stem for record in records if record.path)
    raise EasyReadError(
        f"no review record matches '{review}'",
        path=reviews_dir(report.root),
        hint=f"give a record's name, its date or its group; the records are: {names}",
    )


def changes_since(report: Report, record: ReviewRecord) -> ChangeList:
    result = ChangeList(report, record)
    current = {section_file(report, section): section for section in report.sections}
    for checked in record.sections:
        section = current.get(checked.file)
        if section is None:
            result.changes.append(
                Change("part-taken-out", checked.number, checked.title or checked.file)
            )
        elif section_fingerprint(section) != checked.fingerprint:
            result.changes += _section_changes(section, checked)
    checked_files = {checked.file for checked in record.sections}
    for name, section in current.items():
        if name not in checked_files:
            result.changes.append(
                Change(
                    "part-new",
                    section.number,
                    section.title.text,
                    path=section.path,
                    line=section.title.source.line,
                )
            )
            # A group that never saw this part needs its words, not only its name.
            result.changes += [_point_change("new", section, None, p) for p in section.points]
    result.changes.sort(key=lambda change: (change.section_number, change.kind == "taken-out"))
    return result


def _section_changes(section: Section, checked: CheckedSection) -> list[Change]:
    title = section.title.text
    if checked.text is None:
        return [Change("unknown", section.number, title, path=section.path, line=1)]
    try:
        before = parse_section(Path(checked.file), checked.text, checked.number or section.number)
    except EasyReadError:
        return [Change("unknown", section.number, title, path=section.path, line=1)]
    changes = []
    if before.title.text != title:
        changes.append(
            Change(
                "title",
                section.number,
                title,
                before=before.title.text,
                after=title,
                path=section.path,
                line=section.title.source.line,
            )
        )
    old, new = before.points, section.points
    matcher = difflib.SequenceMatcher(
        a=[_key(point) for point in old], b=[_key(point) for point in new], autojunk=False
    )
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes += _align(section, old[a1:a2], new[b1:b2])
    return changes


def _align(section: Section, old: list[Point], new: list[Point]) -> list[Change]:
    """Pair each old point with the most alike new point after the last pair, in order."""
    changes = []
    start = 0
    for before in old:
        ratios = [
            (difflib.SequenceMatcher(a=_key(before), b=_key(after), autojunk=False).ratio(), i)
            for i, after in enumerate(new[start:], start=start)
        ]
        ratio, index = max(ratios, default=(0.0, -1), key=lambda item: (item[0], -item[1]))
        if ratio < SIMILAR_ENOUGH:
            changes.append(_point_change("taken-out", section, before, None))
            continue
        for added in new[start:index]:
            changes.append(_point_change("new", section, None, added))
        changes.append(_point_change("changed", section, before, new[index]))
        start = index + 1
    for added in new[start:]:
        changes.append(_point_change("new", section, None, added))
    return changes


def _key(point: Point) -> str:
    return normalise_text(point_signature(point))


def _point_change(kind: str, section: Section, old: Point | None, new: Point | None) -> Change:
    shown = new or old
    assert shown is not None
    return Change(
        kind,
        section.number,
        section.title.text,
        number=shown.number,
        before=_words(old),
        after=_words(new),
        path=section.path if new else None,
        line=new.source.line if new else None,
    )


def _words(point: Point | None) -> str:
    if point is None:
        return ""
    words = point.text
    if point.picture is not None:
        words += f" (Picture: {point.picture.alt})"
    return words


# -- words for people ----------------------------------------------------------------------------

ICONS = {
    "changed": ("changed.png", "2 arrows going round"),
    "title": ("changed.png", "2 arrows going round"),
    "unknown": ("changed.png", "2 arrows going round"),
    "new": ("new.png", "The word new"),
    "part-new": ("new.png", "The word new"),
    "taken-out": ("taken-out.png", "A bin"),
    "part-taken-out": ("taken-out.png", "A bin"),
}


@dataclass(slots=True)
class ChangeWords:
    """One change in Easy Read: a headline sentence, and the words before and now."""

    change: Change
    headline: str
    before: str
    after: str
    picture: str
    alt: str


def change_words(change: Change, strings: dict[str, str]) -> ChangeWords:
    templates = {
        "changed": "changes-point-changed",
        "new": "changes-point-new",
        "taken-out": "changes-point-taken-out",
        "title": "changes-title-changed",
        "part-new": "changes-part-new",
        "part-taken-out": "changes-part-taken-out",
        "unknown": "changes-part-changed",
    }
    headline = strings[templates[change.kind]].format(
        number=change.number or change.section_number, title=change.section_title
    )
    if change.kind in ("title", "part-new", "part-taken-out", "unknown"):
        headline = strings[templates[change.kind]].format(
            number=change.section_number, title=change.section_title
        )
    picture, alt = ICONS[change.kind]
    return ChangeWords(change, headline, change.before, change.after, picture, alt)


def group_by_part(changes: ChangeList) -> list[tuple[str, list[Change]]]:
    from easyread.edition.review_strings import review_strings

    strings = review_strings(changes.report.config.language)
    parts: dict[int, tuple[str, list[Change]]] = {}
    for change in changes.changes:
        label = f"{strings['part'].format(number=change.section_number)}: {change.section_title}"
        parts.setdefault(change.section_number, (label, []))[1].append(change)
    return [parts[number] for number in sorted(parts)]
