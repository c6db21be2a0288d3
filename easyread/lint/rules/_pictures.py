"""What the picture rules share: each point's picture with its file, and a finding at it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext
from easyread.model import Picture, Point, Section


@dataclass(frozen=True, slots=True)
class UsedPicture:
    section: Section
    point: Point
    picture: Picture
    file: Path | None  # None when the file is not there (the build names that problem)


def used_pictures(context: LintContext) -> list[UsedPicture]:
    """Every picture at the start of a point in the author's sections: found once per lint
    run for all the picture rules."""
    return context.shared_value("used-pictures", lambda: list(_used_pictures(context)))


def _used_pictures(context: LintContext) -> Iterator[UsedPicture]:
    # Each different picture is looked for on the disk once: a report uses its pictures many
    # times, and finding a file (resolving links) costs several system calls.
    files: dict[tuple[str, Path | None], Path | None] = {}
    for section, point in context.report.points():
        picture = point.picture
        if section.role != "body" or picture is None:
            continue
        key = (picture.src, picture.path)
        if key not in files:
            files[key] = picture_file(context, picture)
        yield UsedPicture(section, point, picture, files[key])


def cover_picture(context: LintContext) -> UsedPicture | None:
    """The cover picture as a use of its own (its place is its line in easyread.toml)."""
    cover = context.report.cover
    if cover is None or not context.report.sections:
        return None
    section = context.report.sections[0]
    point = Point("cover", (), cover, cover.source, cover.source.line)
    return UsedPicture(section, point, cover, picture_file(context, cover))


def picture_file(context: LintContext, picture: Picture) -> Path | None:
    """The picture's file, if it is there and inside the report folder."""
    if picture.path is not None:
        return picture.path if picture.path.is_file() else None
    if "://" in picture.src or picture.src.startswith(("/", "data:")):
        return None
    root = context.report.root.resolve()
    candidate = (context.report.root / picture.src).resolve()
    if candidate.is_relative_to(root) and candidate.is_file():
        return candidate
    return None


def picture_finding(
    context: LintContext, used: UsedPicture, message: str, suggestion: str
) -> Finding:
    source = used.picture.source
    text = f"![{used.picture.alt}]({used.picture.src})"
    return Finding(
        rule=context.rule,
        severity=context.severity,
        message=message,
        path=source.path,
        line=source.line,
        column=source.column,
        end_line=source.line,
        end_column=source.column + len(text),
        text=text,
        suggestion=suggestion,
    )
