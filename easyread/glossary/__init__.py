"""The glossary: jargon, acronyms and hard words, with plain explanations.

Built-in glossaries live in the top-level `glossary/` folder (one YAML file per subject). A
project adds its own files with `[glossary] files = ["our-words.yaml"]` in easyread.toml; an
entry there replaces a built-in entry with the same term, and `disable: true` (or
`[glossary] disable = ["GP"]`) switches a built-in entry off. See docs/glossary.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from easyread.config import settings_of
from easyread.errors import ConfigError
from easyread.glossary.acronyms import split_token
from easyread.glossary.entry import KINDS, Entry, GlossaryError, Match
from easyread.glossary.inflect import acronym_forms, term_forms
from easyread.glossary.loader import GlossaryFile, parse_glossary, read_glossary_file
from easyread.glossary.matcher import Matcher, canonical

if TYPE_CHECKING:
    from easyread.config import ReportConfig

__all__ = [
    "KINDS",
    "Entry",
    "Glossary",
    "GlossaryError",
    "GlossaryFile",
    "Match",
    "asked_word_line",
    "asked_words_to_know",
    "bolds_first_uses",
    "builtin_files",
    "is_builtin_glossary",
    "load_glossary",
    "merge",
    "parse_glossary",
    "project_glossary_files",
    "read_glossary_file",
]

_REMEMBERED_TEXTS = 200_000


class Glossary:
    """A merged set of entries with a matcher built once, on first use."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = list(entries)
        self._exact: dict[str, Entry] = {}
        self._folded: dict[str, Entry] = {}
        self._matcher: Matcher | None = None
        self._found: dict[str, list[Match]] = {}
        self._acronyms: dict[str, Entry | None] = {}
        self._index()

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries)

    def _index(self) -> None:
        # Forms written in the files win over generated ones: "leader" listed as its own
        # entry is not the -er form of "lead".
        for entry in self.entries:
            for form in (entry.term, *entry.variants):
                self._add(entry, form)
        for entry in self.entries:
            for form in forms_of(entry):
                self._add(entry, form)

    def _add(self, entry: Entry, form: str) -> None:
        form = canonical(form)
        if not form:
            return
        if entry.case_sensitive:
            self._exact.setdefault(form, entry)
        else:
            self._folded.setdefault(form.lower(), entry)

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self._folded, self._exact)
        return self._matcher

    def find(self, text: str) -> list[Match]:
        """Whole-word matches of every form of every term: leftmost-longest, no overlaps.

        Results are remembered per text (several rules scan the same sentences), so treat the
        list as read-only.
        """
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= _REMEMBERED_TEXTS:
                self._found.clear()
            found = self._found[text] = self.matcher.find(text)
        return found

    def find_all(self, texts: list[str]) -> list[list[Match]]:
        """[find(text) for text in texts], much faster for many short texts: the matcher
        runs once over all of them. Results are remembered like those of `find`."""
        remembered = self._found
        missing = [text for text in dict.fromkeys(texts) if text not in remembered]
        fresh: dict[str, list[Match]] = {}
        if missing:
            fresh = dict(zip(missing, self.matcher.find_many(missing), strict=True))
        # The answer is made before anything is forgotten: clearing the remembered texts
        # first lost the ones this call had found there (a KeyError on a second large run).
        found = [fresh[text] if text in fresh else remembered[text] for text in texts]
        if fresh:
            if len(remembered) + len(fresh) > _REMEMBERED_TEXTS:
                remembered.clear()
            if len(fresh) <= _REMEMBERED_TEXTS:
                remembered.update(fresh)
        return found

    def lookup(self, term: str) -> Entry | None:
        """The entry for a term, a variant or a generated form ("delivered" -> deliver)."""
        form = canonical(term)
        return self._exact.get(form) or self._folded.get(form.lower())

    def acronym(self, token: str) -> Entry | None:
        """The acronym entry for a token, plural and possessive included: ICBs, ICB's -> ICB.
        Remembered per token: a report uses its few acronyms thousands of times."""
        if token in self._acronyms:
            return self._acronyms[token]
        found = None
        for candidate in (token, split_token(canonical(token))[0]):
            entry = self.lookup(candidate)
            if entry is not None and entry.kind == "acronym":
                found = entry
                break
        if len(self._acronyms) >= _REMEMBERED_TEXTS:
            self._acronyms.clear()
        self._acronyms[token] = found
        return found


def forms_of(entry: Entry) -> set[str]:
    """Every form of an entry the matcher looks for: term, variants and regular inflections."""
    names = (entry.term, *entry.variants)
    forms: set[str] = set()
    for name in names:
        if entry.kind == "acronym":
            forms.update(acronym_forms(name) if _acronym_like(name) else {name})
        else:
            forms.update(term_forms(name if entry.case_sensitive else name.lower()))
    return forms


def _acronym_like(name: str) -> bool:
    return sum(1 for char in name if char.isupper()) >= 2 and not name.endswith(("s'", "'s"))


# -- loading and merging -------------------------------------------------------------------


def builtin_files(names: Iterable[str] | None = None) -> list[Path]:
    """The built-in glossary files, or those named (by file name without .yaml)."""
    from easyread.resources import glossary_dir

    try:
        folder = glossary_dir()
    except FileNotFoundError:
        return []
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    if names is None:
        return files
    return [path for path in files if path.stem in set(names)]


def merge(
    builtins: Iterable[GlossaryFile],
    project: Iterable[GlossaryFile] = (),
    disable: Iterable[tuple[str, Path | None, int | None]] = (),
) -> list[Entry]:
    """Project entries replace built-in entries with the same term; disabled terms go."""
    merged: dict[str, Entry] = {}
    for glossary in builtins:
        for entry in glossary.entries:
            merged[entry.key] = entry
    for glossary in project:
        for entry in glossary.entries:
            merged[entry.key] = entry
        for term, line in glossary.disabled:
            _switch_off(merged, term, glossary.path, line)
    for term, path, line in disable:
        _switch_off(merged, term, path, line)
    return list(merged.values())


def _switch_off(merged: dict[str, Entry], term: str, path: Path | None, line: int | None) -> None:
    key = term.casefold()
    if key in merged:
        del merged[key]
        return
    close = difflib.get_close_matches(key, list(merged), n=1, cutoff=0.75)
    hint = f"did you mean '{merged[close[0]].term}'?" if close else "check the spelling"
    error = GlossaryError if path is not None and path.suffix in (".yaml", ".yml") else ConfigError
    raise error(
        f"there is no glossary word '{term}' to switch off", path=path, line=line, hint=hint
    )


def load_glossary(config: ReportConfig | None = None, extra: Iterable[Path] = ()) -> Glossary:
    """The built-in glossaries with the project's own files merged over them."""
    settings = _settings(config)
    builtin = builtin_files(settings.builtin)
    inside = (settings.base,) if settings.base is not None else None
    project = [
        *(_stamp(path, inside) for path in settings.files),
        *(_stamp(Path(path), None) for path in extra),  # named by the user: read where they are
    ]
    return _load(
        tuple(_stamp(path, None) for path in builtin),
        tuple(project),
        tuple(settings.disable),
    )


def project_glossary_files(config: ReportConfig | None) -> list[Path]:
    """The report's own glossary files, as `[glossary] files` names them."""
    return list(_settings(config).files)


def is_builtin_glossary(path: Path) -> bool:
    """True for a file of easyread's own glossaries (the installed package's word lists)."""
    from easyread.resources import glossary_dir

    try:
        return path.resolve().is_relative_to(glossary_dir().resolve())
    except (FileNotFoundError, OSError):
        return False


def bolds_first_uses(config: ReportConfig | None) -> bool:
    """`[glossary] bold-first-use = true`: the outputs show a glossary hard word in bold where
    the report first uses it and explains it straight after. Off unless the author asks."""
    return _settings(config).bold_first_use


def asked_words_to_know(config: ReportConfig | None) -> list[str]:
    """`[glossary] words-to-know = [...]`: glossary words the author wants on the Words to know
    page even where the text does not make them bold."""
    return _settings(config).words_to_know


def asked_word_line(config: ReportConfig | None) -> int | None:
    """The line of `words-to-know` in easyread.toml, for a message about one of its words."""
    return config.line_of("words-to-know", ["glossary"]) if config is not None else None


class _Settings:
    def __init__(self) -> None:
        self.files: list[Path] = []
        self.disable: list[tuple[str, Path | None, int | None]] = []
        self.builtin: list[str] | None = None
        self.bold_first_use = False
        self.words_to_know: list[str] = []
        self.base: Path | None = None  # the report folder the project's files must be in


def _settings(config: ReportConfig | None) -> _Settings:
    settings = _Settings()
    if config is None:
        return settings
    values = settings_of(config, "glossary")  # types and limits: the settings schema
    path = config.path
    base = path.parent if path is not None else Path.cwd()
    settings.base = base
    for name in values["files"]:
        settings.files.append(_inside_report(base, name, config))
    for term in values["disable"]:
        settings.disable.append((term, path, config.line_of("disable", ["glossary"])))
    if values["builtin"] is not None:
        known = {file.stem for file in builtin_files()}
        for name in values["builtin"]:
            if name not in known:
                close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
                raise ConfigError(
                    f"there is no built-in glossary called '{name}'",
                    path=path,
                    line=config.line_of("builtin", ["glossary"]),
                    hint=f"did you mean '{close[0]}'?" if close else f"use: {', '.join(known)}",
                )
        settings.builtin = values["builtin"]
    settings.bold_first_use = values["bold-first-use"]
    settings.words_to_know = values["words-to-know"]
    return settings


def _inside_report(base: Path, name: str, config: ReportConfig) -> Path:
    """A project glossary must live in the report folder: a build reads nothing outside it."""
    candidate = base / name
    if not candidate.resolve().is_relative_to(base.resolve()):
        raise ConfigError(
            f"the glossary file '{name}' is outside the report folder",
            path=config.path,
            line=config.line_of("files", ["glossary"]),
            hint="copy the glossary into the report folder and give its path from there",
        )
    return candidate


Stamp = tuple[Path, int, int, tuple[Path, ...] | None]


def _stamp(path: Path, roots: tuple[Path, ...] | None) -> Stamp:
    """A file with its change time and size, so cached glossaries notice edits, and the folders
    it must be inside (None: a file the user named)."""
    try:
        stat = path.stat()
    except (OSError, ValueError):
        return path, -1, -1, roots
    return path, stat.st_mtime_ns, stat.st_size, roots


@lru_cache(maxsize=64)
def _read_stamped(
    path: Path, mtime: int, size: int, roots: tuple[Path, ...] | None
) -> GlossaryFile:
    return read_glossary_file(path, roots)


@lru_cache(maxsize=16)
def _load(
    builtin: tuple[Stamp, ...],
    project: tuple[Stamp, ...],
    disable: tuple[tuple[str, Path | None, int | None], ...],
) -> Glossary:
    builtins = [_read_stamped(*stamp) for stamp in builtin]
    projects = [_read_stamped(*stamp) for stamp in project]
    return Glossary(merge(builtins, projects, disable))
