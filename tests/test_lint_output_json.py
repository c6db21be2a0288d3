"""The JSON and SARIF writers give, byte for byte, what json.dumps(indent=2) gives, however many
findings there are (they are encoded in batches) and whatever characters their texts hold."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from easyread.lint import formats as output
from easyread.lint.findings import Finding

# Quotes, a backslash, control characters, a line break, accents, a euro sign and an emoji:
# everything a JSON encoder has to escape or must leave as it is.
AWKWARD = 'said "no" \\ \x01\x1f\t\n é € 😀 \u2028'


def _findings(count: int) -> list[Finding]:
    return [
        Finding(
            rule="jargon",
            severity=("error", "warning", "info")[number % 3],
            message=f"Finding {number}: {AWKWARD}",
            path=Path(f"section-{number % 4}.md"),
            line=number + 1,
            column=3,
            end_line=number + 1,
            end_column=9,
            text=AWKWARD,
            suggestion=None if number % 5 else "say it plainly",
            fix="x" if number % 2 else None,
        )
        for number in range(count)
    ]


def _written(findings: list[Finding], fmt: str) -> str:
    stream = io.StringIO()
    output.write(findings, fmt, stream, color=False, summary=True)
    return stream.getvalue()


@pytest.mark.parametrize("count", [0, 1, 2, output._JSON_BATCH, output._JSON_BATCH + 1, 4_321])
def test_json_is_what_json_dumps_writes(count: int) -> None:
    findings = _findings(count)
    expected = json.dumps(output.to_json(findings), indent=2, ensure_ascii=False) + "\n"
    assert _written(findings, "json") == expected


@pytest.mark.parametrize("count", [0, 3])
def test_sarif_is_what_json_dumps_writes(count: int) -> None:
    findings = _findings(count)
    expected = json.dumps(output.to_sarif(findings), indent=2, ensure_ascii=False) + "\n"
    assert _written(findings, "sarif") == expected


def test_json_goes_to_the_bytes_under_standard_output_unchanged() -> None:
    findings = _findings(3)
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    stream.write("before\n")
    output.write(findings, "json", stream, color=False, summary=True)
    stream.flush()
    expected = json.dumps(output.to_json(findings), indent=2, ensure_ascii=False) + "\n"
    assert raw.getvalue().decode("utf-8") == "before\n" + expected
