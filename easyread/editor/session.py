"""One report folder kept in memory while an author writes in it.

The settings and the glossary are loaded once and loaded again only when their files change.
Each section is parsed once per distinct text: a section is kept by a hash of its text, so a
keystroke in one file parses that file alone and the other sections are reused as they are.
Text an editor holds open is used in place of what is on the disk.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from easyread.config import CONFIG_NAME, ReportConfig, default_config, find_config, load_config
from easyread.glossary import Glossary, load_glossary
from easyread.lint import engine
from easyread.lint.findings import Finding
from easyread.lint.settings import LintSettings, load_settings
from easyread.model import Report, Section
from easyread.reader import parse_section
from easyread.reader.report import cover_picture, read_source_text, section_paths


@dataclass(frozen=True, slots=True)
class _Parsed:
    digest: bytes
    section: Section


@dataclass(slots=True)
class _Settings:
    stamp: tuple[int, int] | None
    config: ReportConfig
    lint: LintSettings
    folder_stamp: tuple[int, int] | None = None
    section_files: list[Path] | None = None


@dataclass(frozen=True, slots=True)
class _DiskText:
    stamp: tuple[int, int]
    text: str


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass
class EditorSession:
    """A report folder (the folder of its easyread.toml, or a folder without one)."""

    root: Path
    open_texts: dict[Path, str] = field(default_factory=dict)
    _parsed: dict[tuple[Path, int], _Parsed] = field(default_factory=dict)
    _settings: _Settings | None = None
    _disk_texts: dict[Path, _DiskText] = field(default_factory=dict)
    parses: int = 0  # sections parsed since the session began (tests and benchmarks read it)

    def __post_init__(self) -> None:
        self.root = _absolute(self.root)

    @classmethod
    def for_file(cls, path: Path) -> EditorSession:
        found = find_config(path.parent)
        return cls(found.parent if found else path.parent)

    # -- settings and glossary ---------------------------------------------------------------

    def config(self) -> ReportConfig:
        return self._current_settings().config

    def lint_settings(self) -> LintSettings:
        return self._current_settings().lint

    def glossary(self) -> Glossary:
        """The report's glossary; load_glossary keeps it until one of its files changes."""
        return load_glossary(self.config())

    def _current_settings(self) -> _Settings:
        path = self.root / CONFIG_NAME
        stamp = _stamp(path)
        if self._settings is None or self._settings.stamp != stamp:
            config = load_config(path) if stamp is not None else default_config(self.root)
            self._settings = _Settings(stamp, config, load_settings(config))
        return self._settings

    # -- sections ----------------------------------------------------------------------------

    def section_files(self) -> list[Path]:
        """The section files, found again when a file is added to or removed from the folder
        (that changes the folder's modification time) or the settings change."""
        settings = self._current_settings()
        folder_stamp = _stamp(self.root)
        if settings.section_files is None or settings.folder_stamp != folder_stamp:
            settings.section_files = section_paths(self.root, settings.config)
            settings.folder_stamp = folder_stamp
        return settings.section_files

    def text_of(self, path: Path) -> str:
        """The editor's text of the file when it is open, else the file, read again only when
        its size or modification time changed."""
        if path in self.open_texts:
            return self.open_texts[path]
        stamp = _stamp(path)
        kept = self._disk_texts.get(path)
        if stamp is not None and kept is not None and kept.stamp == stamp:
            return kept.text
        text = read_source_text(path, self.root)
        if stamp is not None:
            self._disk_texts[path] = _DiskText(stamp, text)
        return text

    def section(self, path: Path, number: int, text: str | None = None) -> Section:
        """The parsed section, parsed again only when its text is new."""
        text = self.text_of(path) if text is None else text
        digest = text_digest(text)
        kept = self._parsed.get((path, number))
        if kept is not None and kept.digest == digest:
            return kept.section
        section = parse_section(path, text, number)
        self.parses += 1
        self._parsed[(path, number)] = _Parsed(digest, section)
        return section

    def report(self) -> Report:
        """The whole report: every section, each from the editor's text when it is open."""
        config = self.config()
        paths = self.section_files()
        wanted = {(path, number) for number, path in enumerate(paths, start=1)}
        for key in [key for key in self._parsed if key not in wanted]:
            del self._parsed[key]
        sections = tuple(self.section(path, number) for number, path in enumerate(paths, start=1))
        return Report(self.root, config, sections, cover_picture(self.root, config))

    def report_with(self, path: Path) -> Report:
        """The report `path` belongs to; a file that is not one of its sections is read on its
        own with the report's settings (a draft, a README)."""
        path = _absolute(path)
        if path in {_absolute(p) for p in self.section_files()}:
            return self.report()
        config = self.config()
        return Report(self.root, config, (self.section(path, 1),), None)

    # -- lint --------------------------------------------------------------------------------

    def findings_for(self, path: Path) -> list[Finding]:
        """Lint findings in `path`, linted with the whole report around it (an acronym
        explained in an earlier section counts as explained)."""
        return self.findings_by_path(path).get(_absolute(path), [])

    def lint_report(self, report: Report) -> list[Finding]:
        return engine.lint_report(report, self.lint_settings(), self.glossary())

    def findings_by_path(self, path: Path) -> dict[Path, list[Finding]]:
        """Every finding of the report `path` is in (or of `path` alone), by file."""
        found = self.lint_report(self.report_with(path))
        by_path: dict[Path, list[Finding]] = {}
        for finding in found:
            by_path.setdefault(_absolute(finding.path), []).append(finding)
        return by_path


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))
