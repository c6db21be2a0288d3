"""Read a whole report: a folder with easyread.toml and one Markdown file per section."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from easyread import files
from easyread.config import (
    CONFIG_NAME,
    ReportConfig,
    default_config,
    find_config,
    load_config,
)
from easyread.errors import ConfigError, SourceError, decode_utf8
from easyread.model import Block, Picture, Point, Report, Section, Sentence, Source
from easyread.reader.cached import parse_section_cached
from easyread.reader.markdown import (
    UNREAD_PICTURE,
    check_picture_address,
    check_picture_src,
    parse_section,
)

IGNORED_FILES = {"readme.md", "changelog.md", "license.md", "sources.md"}
STDIN_PATH = Path("<stdin>")  # the section read from standard input (in machine formats too)


def read_report(root: Path, *, check_pictures: bool = True) -> Report:
    """Parse every section of the report in `root` into one Report."""
    root = files.report_folder(root)
    config_path = root / CONFIG_NAME
    present = config_path.exists() or config_path.is_symlink()
    config = load_config(config_path) if present else default_config(root)
    paths = section_paths(root, config)
    sections = tuple(
        read_section_file(path, number, root) for number, path in enumerate(paths, start=1)
    )
    report = Report(root=root, config=config, sections=sections, cover=cover_picture(root, config))
    return resolve_pictures(report) if check_pictures else report


def read_files(paths: list[Path], *, config: ReportConfig | None = None) -> Report:
    """Loose Markdown files as one report, with the nearest easyread.toml if there is one."""
    if config is None:
        found = find_config(paths[0].parent if paths else Path.cwd())
        config = load_config(found) if found else default_config(Path.cwd())
    sections = tuple(read_section_file(path, number) for number, path in enumerate(paths, start=1))
    root = config.path.parent if config.path else Path.cwd()
    return Report(root=root, config=config, sections=sections)


def read_stdin(text: str, *, config: ReportConfig | None = None) -> Report:
    config = config or default_config(Path.cwd())
    section = parse_section(STDIN_PATH, text, 1)
    root = config.path.parent if config.path else Path.cwd()
    return Report(root=root, config=config, sections=(section,))


def read_section_file(path: Path, number: int, root: Path | None = None) -> Section:
    return parse_section_cached(path, read_source_text(path, root), number)


def read_source_text(path: Path, root: Path | None = None) -> str:
    """A section's text. With `root`, the file must be inside that folder (links included);
    without it, it is a file the user named, read wherever it is."""
    roots = [root] if root is not None else [_own_folder(path)]
    try:
        data = files.read_bytes(path, [*roots, *files.package_roots()], what="this file")
    except files.FileRefused as refused:
        if refused.kind == "outside":
            raise SourceError(
                "this section file is a link to a file outside the report folder",
                path=path,
                hint="copy the file into the report folder instead of linking to it",
            ) from None
        raise refused.as_error(SourceError, path) from None
    hint = "open it in your editor and save it again as UTF-8"
    text = decode_utf8(data, path, SourceError, hint=hint)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _own_folder(path: Path) -> Path:
    """The folder a file the user named really is in, so that it is always inside."""
    try:
        return Path(os.path.realpath(path)).parent
    except (OSError, ValueError):
        return path.absolute().parent


def section_paths(root: Path, config: ReportConfig) -> list[Path]:
    if config.sections:
        paths = []
        for name in config.sections:
            path = (root / name).resolve()
            if not path.is_relative_to(root.resolve()) or not path.is_file():
                raise ConfigError(
                    f"the section file '{name}' listed in 'sections' was not found",
                    path=config.path,
                    line=_line_of(config, "sections"),
                    hint="check the file names in the sections list",
                )
            paths.append(root / name)
            _check_inside(root / name, root)
        return paths
    paths = sorted(
        path
        for path in root.glob("*.md")
        if (path.is_file() or path.is_symlink())
        and path.name.lower() not in IGNORED_FILES
        and not path.name.startswith(("_", "."))
    )
    for path in paths:
        _check_inside(path, root)
    if not paths and not (root / CONFIG_NAME).exists():
        raise ConfigError(
            "there is no report in this folder: it has no easyread.toml and no section files",
            path=root,
            hint="give the report's folder after the command, such as 'easyread build my-report', "
            "or start a report with 'easyread init my-report'",
        )
    if not paths:
        raise ConfigError(
            "this report has no sections",
            path=root,
            hint="add a Markdown file such as 01-about.md that starts with '# Title'",
        )
    return paths


def _check_inside(path: Path, root: Path) -> None:
    """A section file must really be in the report folder, not a link to somewhere else."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise SourceError(
            "this section file is a link to a file that is not there",
            path=path,
            hint="replace the link with the file itself",
        ) from None
    if not real.is_relative_to(root.resolve()):
        raise SourceError(
            "this section file is a link to a file outside the report folder",
            path=path,
            hint="copy the file into the report folder instead of linking to it",
        )


def resolve_pictures(report: Report) -> Report:
    """The report with each picture's checked file: refused unless inside the report folder.

    A picture Markdown left as text (`![words](file:///etc/passwd)`) is shown as text, but an
    address that points outside the report is still refused, as for a real picture."""
    sections = tuple(_with_picture_paths(section, report.root) for section in report.sections)
    cover = report.cover
    if cover is not None:
        try:
            path = check_picture_src(cover, report.root / "easyread.toml", report.root)
        except SourceError as error:
            raise ConfigError(
                error.message, path=report.config.path, line=cover.source.line, hint=error.hint
            ) from None
        cover = dataclasses.replace(cover, path=path)
    return dataclasses.replace(report, sections=sections, cover=cover)


def _with_picture_paths(section: Section, root: Path) -> Section:
    """The section with the checked file of each point's picture (the same section when none
    of its points has a picture)."""
    blocks: list[Block] = []
    changed = False
    for block in section.blocks:
        if isinstance(block, Point):
            checked = _point_with_picture_path(block, section.path, root)
            changed = changed or checked is not block
            block = checked
        blocks.append(block)
    return dataclasses.replace(section, blocks=tuple(blocks)) if changed else section


def _point_with_picture_path(point: Point, section_path: Path, root: Path) -> Point:
    picture = point.picture
    if picture is not None:
        picture = dataclasses.replace(picture, path=check_picture_src(picture, section_path, root))
    for sentence in point.sentences:
        if "![" in sentence.text:
            _check_unread_pictures(sentence, section_path)
    return dataclasses.replace(point, picture=picture) if picture is not None else point


def _check_unread_pictures(sentence: Sentence, section_path: Path) -> None:
    text = sentence.text
    for match in UNREAD_PICTURE.finditer(text):
        source = _source_at(sentence, match.start()) or sentence.source
        picture = Picture(match.group(1).strip().strip("<>"), "", source)
        if picture.src:
            check_picture_address(picture, section_path)


def _source_at(sentence: Sentence, offset: int) -> Source | None:
    """The place of text[offset] in the sentence, when its run is on one line as written."""
    at = 0
    for run in sentence.runs:
        if at <= offset < at + len(run.text) and run.source is not None:
            source = run.source
            return Source(source.path, source.line, source.column + offset - at)
        at += len(run.text)
    return None


def cover_picture(root: Path, config: ReportConfig) -> Picture | None:
    """The cover picture easyread.toml names, not yet checked (resolve_pictures does that)."""
    if not config.cover_picture:
        return None
    path = config.path or root / CONFIG_NAME
    source = Source(path, _line_of(config, "cover-picture") or 1)
    alt = config.cover_alt or config.title
    return Picture(src=config.cover_picture, alt=alt, source=source)


def _line_of(config: ReportConfig, key: str) -> int | None:
    return config.line_of(key)
