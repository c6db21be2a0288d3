"""Read and check glossary YAML files, with the file and line of every problem.

We compose the YAML node tree (SafeLoader) rather than calling safe_load, because nodes keep
their start line: an error can then say "health.yaml:212: ..." instead of only what is wrong.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from easyread import files
from easyread.errors import HIDDEN, decode_utf8, hidden_character
from easyread.glossary.entry import KINDS, Entry, GlossaryError

ENTRY_KEYS = (
    "term", "kind", "expansion", "plain", "suggest", "case-sensitive", "variants", "picture",
    "disable",
)  # fmt: skip
FILE_KEYS = ("name", "description", "entries")
MAX_VALUE_LENGTH = 2_000  # a plain explanation is a sentence or two
EXAMPLE = "- term: GP\n  kind: acronym\n  expansion: general practitioner\n  plain: ..."


@dataclass(slots=True)
class GlossaryFile:
    """One glossary file as read: its entries and the terms it switches off."""

    path: Path
    name: str
    description: str = ""
    entries: list[Entry] = field(default_factory=list)
    disabled: list[tuple[str, int]] = field(default_factory=list)  # (term, line)


def read_glossary_file(path: Path, roots: Sequence[Path] | None = None) -> GlossaryFile:
    """Read one glossary file. Raises GlossaryError naming the file and line.

    With `roots` (the report folder), the file must be inside them, links included; without,
    it is a file the user named on the command line, read where it is."""
    if not path.exists() and not path.is_symlink():
        raise GlossaryError(
            "this glossary file does not exist",
            path=path,
            hint="check the file name in [glossary] files in easyread.toml",
        )
    if roots is None:
        roots = [Path(os.path.realpath(path)).parent]
    try:
        data = files.read_bytes(path, [*roots, *files.package_roots()], what="this glossary file")
    except files.FileRefused as refused:
        raise refused.as_error(GlossaryError, path) from None
    text = decode_utf8(data, path, GlossaryError, what="this glossary file")
    return parse_glossary(text, path)


def parse_glossary(text: str, path: Path) -> GlossaryFile:
    root = _compose(text, path)
    if root is None:
        raise GlossaryError(
            "this glossary file is empty",
            path=path,
            line=1,
            hint="start it with 'name:', 'description:' and 'entries:'",
        )
    checker = _Checker(path)
    top = checker.mapping(root, "the glossary file", "write 'name:', 'description:' and 'entries:'")
    for key, (key_node, _) in top.items():
        checker.known_key(key, key_node, FILE_KEYS, "at the top of a glossary file")
    name = checker.text(top, "name", root, required=False) or path.stem
    description = checker.text(top, "description", root, required=False)
    if "entries" not in top:
        raise GlossaryError(
            "this glossary has no 'entries:' list",
            path=path,
            line=_line(root),
            hint="add 'entries:' followed by one '- term: ...' item per word",
        )
    entries_node = top["entries"][1]
    if not isinstance(entries_node, yaml.SequenceNode):
        if _is_null(entries_node):
            return GlossaryFile(path, name, description)
        raise GlossaryError(
            "'entries' must be a list",
            path=path,
            line=_line(entries_node),
            hint="start each entry with '- term:'",
        )
    glossary = GlossaryFile(path, name, description)
    seen: dict[str, Entry] = {}
    for node in entries_node.value:
        entry, disabled = _entry(checker, node)
        if disabled:
            glossary.disabled.append((entry.term, entry.line))
            continue
        _check_duplicate(entry, seen, path)
        glossary.entries.append(entry)
    return glossary


# libyaml's loader builds the same nodes (with their lines) about ten times faster; a file it
# refuses is read again by the Python loader, so error messages stay the same everywhere.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str, path: Path) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or "the YAML cannot be read").rstrip(".")
        raise GlossaryError(
            f"this is not valid YAML ({problem})",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check the indentation and the ':' after each key; put text with ':' in quotes",
        ) from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"this is not valid YAML ({error})", path=path) from None


def _entry(checker: _Checker, node: yaml.Node) -> tuple[Entry, bool]:
    where = "a glossary entry"
    fields = checker.mapping(node, where, f"write each entry like this:\n{EXAMPLE}")
    for key, (key_node, _) in fields.items():
        checker.known_key(key, key_node, ENTRY_KEYS, "in a glossary entry")
    term = checker.text(fields, "term", node, required=True).strip()
    line = _line(node)
    disabled = checker.flag(fields, "disable")
    if disabled:
        return Entry(term=term, kind="jargon", plain="", path=checker.path, line=line), True
    kind = checker.text(fields, "kind", node, required=True).strip()
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'?" if close else "use jargon, acronym or hard-word"
        raise checker.error(fields["kind"][1], f"'{kind}' is not a kind of glossary entry", hint)
    plain = " ".join(checker.text(fields, "plain", node, required=True).split())
    expansion = " ".join(checker.text(fields, "expansion", node, required=False).split())
    suggest = checker.text_list(fields, "suggest")
    if kind == "acronym" and not expansion:
        raise checker.error(
            node,
            f"the acronym '{term}' has no 'expansion'",
            "add the words in full, for example 'expansion: general practitioner'",
        )
    if kind == "jargon" and not suggest:
        raise checker.error(
            node,
            f"the jargon word '{term}' has no 'suggest' list",
            "add plainer words to use instead, for example 'suggest: [give]'",
        )
    entry = Entry(
        term=term,
        kind=kind,
        plain=plain,
        suggest=suggest,
        expansion=expansion,
        variants=checker.text_list(fields, "variants"),
        picture=checker.text(fields, "picture", node, required=False).strip(),
        case_sensitive=checker.flag(fields, "case-sensitive"),
        path=checker.path,
        line=line,
    )
    return entry, False


def _check_duplicate(entry: Entry, seen: dict[str, Entry], path: Path) -> None:
    for name in (entry.term, *entry.variants):
        key = name.casefold()
        first = seen.get(key)
        if first is not None and not _distinct_by_case(first, entry, name):
            what = "term" if name == entry.term else "variant"
            raise GlossaryError(
                f"the {what} '{name}' is already in this file at line {first.line}",
                path=path,
                line=entry.line,
                hint="keep one entry for each word: merge the two or delete one",
            )
        seen.setdefault(key, entry)


def _distinct_by_case(first: Entry, entry: Entry, name: str) -> bool:
    """Two case-sensitive entries may differ only in capitals (CAT and Cat)."""
    if not (first.case_sensitive and entry.case_sensitive):
        return False
    names = {first.term, *first.variants}
    return name not in names


class _Checker:
    """Reads values from YAML nodes, raising errors that point at the node's line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._constructor = yaml.SafeLoader("")

    def error(self, node: yaml.Node, message: str, hint: str) -> GlossaryError:
        return GlossaryError(message, path=self.path, line=_line(node), hint=hint)

    def mapping(self, node: yaml.Node, what: str, hint: str) -> dict[str, tuple[Any, Any]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a set of 'key: value' lines", hint)
        fields: dict[str, tuple[Any, Any]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in fields:
                raise self.error(
                    key_node,
                    f"'{key}' is written twice here",
                    f"keep one '{key}:' line (the first is at line {_line(fields[key][0])})",
                )
            fields[key] = (key_node, value_node)
        return fields

    def known_key(self, key: str, node: yaml.Node, allowed: tuple[str, ...], where: str) -> None:
        if key in allowed:
            return
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(allowed)}"
        raise self.error(node, f"'{key}' is not a known key {where}", hint)

    def value(self, node: yaml.Node) -> Any:
        return self._constructor.construct_document(node)

    def text(self, fields: dict[str, Any], key: str, owner: yaml.Node, *, required: bool) -> str:
        if key not in fields:
            if required:
                raise self.error(owner, f"this entry has no '{key}'", _missing_hint(key))
            return ""
        node = fields[key][1]
        value = self.value(node)
        if value is None and not required:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(node, f"'{key}' must be text", f'write it as {key}: "..."')
        text = str(value)
        if required and not text.strip():
            raise self.error(node, f"'{key}' is empty", _missing_hint(key))
        self.no_hidden_characters(node, key, text)
        return text

    def no_hidden_characters(self, node: yaml.Node, key: str, text: str) -> None:
        if len(text) > MAX_VALUE_LENGTH:
            raise self.error(
                node,
                f"'{key}' is {len(text):,} characters long",
                f"make it shorter: at most {MAX_VALUE_LENGTH:,} characters",
            )
        # YAML's "\a", "\e" and "\0" escapes let a bell, an escape or a NUL into a word.
        found = HIDDEN.search(text)
        if found:
            raise self.error(
                node,
                f"'{key}' holds {hidden_character(found.group())}",
                "delete it: write the text again without \\ escapes",
            )

    def text_list(self, fields: dict[str, Any], key: str) -> tuple[str, ...]:
        if key not in fields:
            return ()
        node = fields[key][1]
        value = self.value(node)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            raise self.error(node, f"'{key}' must be a list of words", f"write it as {key}: [a, b]")
        for item in value:
            self.no_hidden_characters(node, key, item)
        return tuple(" ".join(item.split()) for item in value)

    def flag(self, fields: dict[str, Any], key: str) -> bool:
        if key not in fields:
            return False
        node = fields[key][1]
        value = self.value(node)
        if not isinstance(value, bool):
            raise self.error(node, f"'{key}' must be true or false", f"write {key}: true")
        return value


def _missing_hint(key: str) -> str:
    return {
        "term": "add 'term:' with the word or phrase",
        "kind": "add 'kind:' with jargon, acronym or hard-word",
        "plain": "add 'plain:' with a short Easy Read explanation of the word",
    }.get(key, f"add '{key}:'")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"
