"""Ways to show findings: text (plain or coloured), JSON, SARIF 2.1.0 and GitHub annotations.

The JSON schema is stable (version 1), documented in docs/lint.md:
{"version": 1, "tool": "easyread", "findings": [{"path", "line", "column", "end_line",
"end_column", "rule", "severity", "text", "message", "suggestion", "fixable"}], "summary":
{"files", "findings", "error", "warning", "info", "fixable"}}
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import orjson

from easyread import __version__
from easyread.errors import display_path
from easyread.lint.findings import SEVERITIES, Finding
from easyread.reader.report import STDIN_PATH

FORMATS = ("text", "json", "sarif", "github")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def shown_path(path: Path) -> str:
    return _shown_path(path, os.getcwd())


@lru_cache(maxsize=4096)
def _shown_path(path: Path, cwd: str) -> str:
    """Worked out once per file and folder: display_path may resolve links on the disk, and a
    large report has tens of thousands of findings in a few hundred files."""
    return Path(display_path(path)).as_posix()


TYPED_IN = "The text you typed in"  # standard input, as text output names it


def where(finding: Finding) -> str:
    """path:line:column, or for a document checked directly "REPORT.docx, paragraph 12
    (under 'What we found')", or for standard input "The text you typed in, line 3, column 7"."""
    if finding.path == STDIN_PATH:
        return f"{TYPED_IN}, line {finding.line}, column {finding.column}"
    if finding.paragraph is not None:
        return f"{shown_path(finding.path)}, {paragraph_place(finding)}"
    return f"{shown_path(finding.path)}:{finding.line}:{finding.column}"


def paragraph_place(finding: Finding) -> str:
    text = f"paragraph {finding.paragraph}"
    if finding.heading:
        text += f" (under '{finding.heading}')"
    return text


def plain_line(finding: Finding) -> str:
    line = f"{where(finding)}: {finding.severity} {finding.rule} {finding.message}"
    if finding.suggestion:
        line += f" ({finding.suggestion})"
    return line


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    result = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        result[finding.severity] = result.get(finding.severity, 0) + 1
    return result


def summary_text(findings: list[Finding]) -> str:
    if not findings:
        return "No problems found."
    number = counts(findings)
    parts = [f"{n} {name}{'' if n == 1 else 's'}" for name, n in number.items() if n]
    files = len({finding.path for finding in findings})
    fixable = sum(1 for finding in findings if finding.fix is not None)
    text = f"{', '.join(parts)} in {files} file{'' if files == 1 else 's'}."
    if fixable:
        # Not "can be fixed": --fix keeps a change only where the sentence, linted again, has no
        # new problem, and working that out for every finding here would slow every lint.
        text += (
            f" {fixable} {'has' if fixable == 1 else 'have'} a suggested change:"
            " 'easyread lint --diff' shows the ones that are safe to make."
        )
    return text


def write_text(findings: list[Finding], stream: IO[str], *, color: bool, summary: bool) -> None:
    if color:
        _write_rich(findings, stream, summary=summary)
        return
    for finding in findings:
        stream.write(plain_line(finding) + "\n")
    if summary:
        stream.write(summary_text(findings) + "\n")


def _write_rich(findings: list[Finding], stream: IO[str], *, summary: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    current: Path | None = None
    for finding in findings:
        if finding.path != current:
            if current is not None:
                console.print()
            current = finding.path
            name = TYPED_IN if finding.path == STDIN_PATH else shown_path(finding.path)
            console.print(Text(name, style="bold underline"))
        line = Text("  ")
        if finding.paragraph is not None:
            line.append(f"paragraph {finding.paragraph}".ljust(15), style="dim")
        else:
            line.append(f"{finding.line}:{finding.column}".ljust(8), style="dim")
        line.append(finding.severity.ljust(8), style=_STYLE.get(finding.severity, ""))
        line.append(finding.rule.ljust(20), style="magenta")
        line.append(finding.message)
        if finding.suggestion:
            line.append(f" ({finding.suggestion})", style="green")
        if finding.heading:
            line.append(f" under '{finding.heading}'", style="dim")
        console.print(line)
    if summary:
        if findings:
            console.print()
        style = "bold red" if any(f.severity == "error" for f in findings) else "bold"
        console.print(Text(summary_text(findings), style=style if findings else "bold green"))


def finding_json(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": shown_path(finding.path),
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "severity": finding.severity,
        "text": finding.text,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "fixable": finding.fix is not None,
    }
    if finding.paragraph is not None:
        data["paragraph"] = finding.paragraph
        data["heading"] = finding.heading
    return data


def to_json(findings: list[Finding]) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "tool": _tool_json(),
        "findings": [finding_json(finding) for finding in findings],
        "summary": _summary_json(findings),
    }


def _tool_json() -> dict[str, str]:
    return {"name": "easyread", "version": __version__}


def _summary_json(findings: list[Finding]) -> dict[str, int]:
    return {
        "files": len({finding.path for finding in findings}),
        "findings": len(findings),
        **counts(findings),
        "fixable": sum(1 for finding in findings if finding.fix is not None),
    }


# Findings are turned into JSON this many at a time, so a report with a hundred thousand
# findings never holds all their dictionaries, or all of its JSON text, at once.
_JSON_BATCH = 2_000


def json_chunks(findings: list[Finding]) -> Iterator[bytes]:
    """The bytes of `to_json(findings)` pretty-printed with an indent of 2, as json.dumps
    writes it, in pieces. orjson's C encoder does the work: the pure-Python encoder that
    json.dumps(indent=...) falls back to took a quarter of a whole `lint` run."""
    yield b'{\n  "version": %d,\n  "tool": ' % JSON_VERSION
    yield _indented(orjson.dumps(_tool_json(), option=orjson.OPT_INDENT_2))
    if not findings:
        yield b',\n  "findings": [],\n  "summary": '
    else:
        yield b',\n  "findings": [\n'
        for start in range(0, len(findings), _JSON_BATCH):
            batch = [finding_json(finding) for finding in findings[start : start + _JSON_BATCH]]
            text = orjson.dumps(batch, option=orjson.OPT_INDENT_2)
            if start:
                yield b",\n"
            # Drop the batch's own "[\n" and "\n]", and move it in one level: the only
            # line breaks in orjson's output are its own, as it writes "\n" in a string.
            yield b"  " + _indented(text[2:-2])
        yield b'\n  ],\n  "summary": '
    yield _indented(orjson.dumps(_summary_json(findings), option=orjson.OPT_INDENT_2))
    yield b"\n}\n"


def _indented(text: bytes) -> bytes:
    return text.replace(b"\n", b"\n  ")


def to_sarif(findings: list[Finding]) -> dict[str, Any]:
    from easyread.lint.rules import all_rules

    rules = all_rules()
    ids = list(rules)
    driver_rules = []
    for rule_id, rule in rules.items():
        doc = (rule.__doc__ or rule.description).strip()
        driver_rules.append(
            {
                "id": rule_id,
                "name": "".join(part.capitalize() for part in rule_id.split("-")),
                "shortDescription": {"text": rule.description},
                "fullDescription": {"text": doc.splitlines()[0]},
                "help": {"text": _dedent(doc)},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            }
        )
    results = []
    for finding in findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": _SARIF_LEVEL.get(finding.severity, "warning"),
            "message": {"text": _message(finding)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": shown_path(finding.path)},
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column,
                            "snippet": {"text": finding.text},
                        },
                    }
                }
            ],
        }
        if finding.rule in rules:
            result["ruleIndex"] = ids.index(finding.rule)
        if finding.paragraph is not None:
            # In a document checked directly, the region's line is the paragraph's number.
            location = result["locations"][0]
            location["logicalLocations"] = [{"name": finding.heading or "", "kind": "section"}]
            result["properties"] = {"paragraph": finding.paragraph, "heading": finding.heading}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "easyread",
                        "version": __version__,
                        "informationUri": "https://github.com/easyread/easyread",
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _dedent(text: str) -> str:
    import textwrap

    first, _, rest = text.partition("\n")
    return (first + "\n" + textwrap.dedent(rest)).strip()


def _message(finding: Finding) -> str:
    text = finding.message
    if finding.suggestion:
        text = f"{text} {finding.suggestion}"
    if finding.paragraph is not None:
        place = paragraph_place(finding)
        text = f"{place[0].upper()}{place[1:]}: {text}"
    return text


def github_line(finding: Finding) -> str:
    level = _GITHUB_LEVEL.get(finding.severity, "warning")
    properties = ",".join(
        [
            f"file={_escape_property(shown_path(finding.path))}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"endLine={finding.end_line}",
            f"endColumn={finding.end_column}",
            f"title={_escape_property(finding.rule)}",
        ]
    )
    return f"::{level} {properties}::{_escape_data(_message(finding))}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(
    findings: list[Finding], fmt: str, stream: IO[str], *, color: bool, summary: bool
) -> None:
    if fmt == "json":
        _write_bytes(json_chunks(findings), stream)
    elif fmt == "sarif":
        _write_bytes(iter([orjson.dumps(to_sarif(findings), option=orjson.OPT_INDENT_2)]), stream)
        stream.write("\n")
    elif fmt == "github":
        for finding in findings:
            stream.write(github_line(finding) + "\n")
    else:
        write_text(findings, stream, color=color, summary=summary)


def _write_bytes(chunks: Iterator[bytes], stream: IO[str]) -> None:
    """Write UTF-8 chunks to a text stream: straight to its bytes underneath when it has them
    (standard output), else decoded (a StringIO in tests)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and (getattr(stream, "encoding", "") or "").lower() in ("utf-8", "utf8"):
        stream.flush()
        for chunk in chunks:
            buffer.write(chunk)
        buffer.flush()
        return
    for chunk in chunks:
        stream.write(chunk.decode("utf-8"))
