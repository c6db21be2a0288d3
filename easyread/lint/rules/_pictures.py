"""What the picture rules share: each point's picture with its file, and a finding at it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from easyread.config import CONFIG_NAME
from easyread.errors import SourceError
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext
from easyread.model import Picture, Point, Section
from easyread.reader.markdown import check_picture_src


@dataclass(frozen=True, slots=True)
class UsedPicture:
    section: Section
    point: Point
    picture: Picture
    file: Path | None  # None when the file is not there or not allowed (see `problem`)
    problem: SourceError | None = None  # why the build would refuse the picture


def used_pictures(context: LintContext) -> list[UsedPicture]:
    """Every picture at the start of a point in the author's sections: found once per lint
    run for all the picture rules."""
    return context.shared_value("used-pictures", lambda: list(_used_pictures(context)))


def _used_pictures(context: LintContext) -> Iterator[UsedPicture]:
    # Each different picture is looked for on the disk once: a report uses its pictures many
    # times, and finding a file (resolving links) costs several system calls.
    checked: dict[tuple[str, Path, Path | None], tuple[Path | None, SourceError | None]] = {}
    for section, point in context.report.points():
        picture = point.picture
        if section.role != "body" or picture is None:
            continue
        key = (picture.src, section.path.parent, picture.path)
        if key not in checked:
            checked[key] = picture_file(context, picture, section.path)
        file, problem = checked[key]
        yield UsedPicture(section, point, picture, file, problem)


def cover_picture(context: LintContext) -> UsedPicture | None:
    """The cover picture as a use of its own (its place is its line in easyread.toml)."""
    cover = context.report.cover
    if cover is None or not context.report.sections:
        return None
    section = context.report.sections[0]
    point = Point("cover", (), cover, cover.source, cover.source.line)
    file, problem = picture_file(context, cover, context.report.root / CONFIG_NAME)
    return UsedPicture(section, point, cover, file, problem)


def picture_file(
    context: LintContext, picture: Picture, written_in: Path
) -> tuple[Path | None, SourceError | None]:
    """The picture's file, checked by the reader as the build checks it (inside the report
    folder, there, not on the internet), or why it would be refused."""
    if picture.path is not None:
        return picture.path, None
    if not written_in.parent.is_dir():
        # A section of a document checked directly (REPORT.docx/01-part.md): its pictures are
        # inside the document, and `easyread import` writes them out.
        return None, None
    try:
        return check_picture_src(picture, written_in, context.report.root), None
    except SourceError as problem:
        return None, problem


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
