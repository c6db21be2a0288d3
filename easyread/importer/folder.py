"""Writing an imported report folder: whole or not at all, and never over someone's work.

The folder is made beside its final place under a hidden temporary name and renamed into place
when every file is written. An existing folder that is not empty is only replaced with --force,
and only if it is an easyread report (it has an easyread.toml): --force never deletes a folder
of other things, nor the folder that holds the document being imported.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from easyread.errors import OutputError
from easyread.importer.markdown import RenderedReport
from easyread.output import output_error

CONFIG_NAME = "easyread.toml"


def write_report_folder(
    rendered: RenderedReport, target: Path, *, source: Path, force: bool
) -> None:
    _check_target(target, source=source, force=force)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".part"))
    except OSError as error:
        raise output_error(parent, error, "choose a folder you can write in") from None
    try:
        _write_files(rendered, temporary)
        _move_into_place(temporary, target)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        raise output_error(target, error, "choose a folder you can write in") from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _check_target(target: Path, *, source: Path, force: bool) -> None:
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise OutputError(
            "this is a file, not a folder, so nothing was changed",
            path=target,
            hint="choose a new folder name for the report",
        )
    if not any(target.iterdir()):
        return
    if not force:
        raise OutputError(
            "this folder already exists and is not empty, so nothing was changed",
            path=target,
            hint="choose a new folder name, or add --force to replace the report in it",
        )
    real = target.resolve()
    if not (target / CONFIG_NAME).is_file():
        raise OutputError(
            "this folder is not an easyread report, so --force will not replace it",
            path=target,
            hint="choose a new folder name for the report",
        )
    for inside in (source.resolve(), Path.cwd().resolve()):
        if inside == real or inside.is_relative_to(real):
            raise OutputError(
                "this folder holds the document or the folder you are working in, "
                "so it cannot be replaced",
                path=target,
                hint="choose a new folder name for the report",
            )


def _write_files(rendered: RenderedReport, folder: Path) -> None:
    (folder / CONFIG_NAME).write_text(rendered.config_text, encoding="utf-8")
    for section in rendered.sections:
        (folder / section.name).write_text(section.text, encoding="utf-8")
    if rendered.pictures:
        (folder / "pictures").mkdir()
    for name, data in rendered.pictures.items():
        (folder / name).write_bytes(data)


def _move_into_place(temporary: Path, target: Path) -> None:
    os.chmod(temporary, 0o777 & ~_umask())  # mkdtemp makes it private; a report is not
    if not target.exists():
        os.rename(temporary, target)
        return
    if not any(target.iterdir()):
        target.rmdir()
        os.rename(temporary, target)
        return
    # --force: the old report is moved aside, the new one takes its place, then the old one goes.
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old.", suffix=".part"))
    old.rmdir()
    os.rename(target, old)
    try:
        os.rename(temporary, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
