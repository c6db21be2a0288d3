"""easyread lint, rules and explain on the command line: formats, exit codes, stdin, --fix."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.errors import OutputError
from easyread.lint import fixer, lint_report
from easyread.reader import read_files

ROOT = Path(__file__).resolve().parent.parent

DATA = Path(__file__).parent / "data" / "lint" / "bad-report"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    folder = tmp_path / "report"
    shutil.copytree(DATA, folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_output_and_exit_code(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(report))
    assert code == 1
    lines = out.splitlines()
    assert any(
        line.endswith(
            "01-problems.md:3:23: warning semicolon This sentence has a semicolon (;). "
            "(End the sentence here with a full stop and start a new sentence.)"
        )
        for line in lines
    )
    assert lines[-1].startswith("2 errors, ") and "a suggested change" in lines[-1]
    # the suppressed semicolon on line 8 and allow-acronyms settings are honoured
    assert not any(":8:" in line and "semicolon" in line for line in lines)


def recorded_picture(folder: Path, name: str = "c.png") -> None:
    """A picture in the folder's pictures folder, with its record, so no picture rule speaks."""
    from PIL import Image

    from easyread.pictograms.records import PictureRecord, add_record

    (folder / "pictures").mkdir(exist_ok=True)
    Image.new("RGB", (600, 300), (90, 90, 200)).save(folder / "pictures" / name)
    add_record(folder, PictureRecord(name, source="Our own drawing", licence="CC0"))


def test_fail_on_levels(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lint", str(report), "--fail-on", "error")[0] == 1
    assert run(capsys, "lint", str(report), "--fail-on", "never")[0] == 0
    recorded_picture(report)
    (report / "01-problems.md").write_text("# Fine\n\n![A cat](pictures/c.png) We met.\n", "utf-8")
    code, out, _ = run(capsys, "lint", str(report))
    assert (code, out) == (0, "No problems found.\n")


def test_warnings_below_fail_level_pass(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recorded_picture(report)
    text = "# Fine\n\n![A cat](pictures/c.png) We met; ok.\n"
    (report / "01-problems.md").write_text(text, "utf-8")
    assert run(capsys, "lint", str(report), "--fail-on", "error")[0] == 0
    code, out, _ = run(capsys, "lint", str(report), "--fail-on", "error", "--quiet")
    assert (code, out) == (0, "")


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lint", str(tmp_path / "nowhere"))
    assert code == 2 and "does not exist" in err
    toml = tmp_path / "easyread.toml"
    toml.write_text('title = "T"\n[lint]\nfail-onn = "error"\n', "utf-8")
    (tmp_path / "01.md").write_text("# T\n\nHi.\n", "utf-8")
    code, _, err = run(capsys, "lint", str(tmp_path))
    assert code == 2 and "easyread.toml:3" in err and "fail-on" in err
    assert "Traceback" not in err


def test_json_schema(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(report), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["version"] == 1 and data["tool"]["name"] == "easyread"
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "text",
            "message", "suggestion", "fixable"}  # fmt: skip
    assert data["findings"] and all(set(item) == keys for item in data["findings"])
    for item in data["findings"]:
        assert isinstance(item["line"], int) and item["line"] >= 1 and item["column"] >= 1
        assert item["severity"] in ("error", "warning", "info")
    summary = data["summary"]
    assert (
        summary["findings"]
        == len(data["findings"])
        == sum(summary[level] for level in ("error", "warning", "info"))
    )
    assert summary["files"] == 1 and summary["fixable"] >= 3


def test_sarif_is_valid_2_1_0(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "lint", str(report), "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    run_ = sarif["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "easyread"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert "semicolon" in rule_ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run_["results"]
    for result in run_["results"]:
        assert result["message"]["text"] and result["level"] in ("error", "warning", "note")
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith("01-problems.md") and "\\" not in uri


def test_github_annotations(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "lint", str(report), "--format", "github")
    lines = out.splitlines()
    semicolon = next(line for line in lines if "title=semicolon" in line)
    assert semicolon.startswith("::warning file=")
    assert ",line=3,col=23,endLine=3,endColumn=24,title=semicolon::This sentence" in semicolon
    assert any(line.startswith("::error ") and "missing-alt" in line for line in lines)
    assert any("'25%25'" in line for line in lines)  # % is escaped


def test_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    recorded_picture(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("# T\n\n![A cat](pictures/c.png) We met; ok.\n"))
    code, out, _ = run(capsys, "lint", "-", "--format", "json")
    data = json.loads(out)
    assert code == 1 and [f["path"] for f in data["findings"]] == ["<stdin>"]
    assert data["findings"][0]["rule"] == "semicolon" and data["findings"][0]["column"] == 32


def test_loose_files_use_the_nearest_config(
    report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nested = report / "drafts"
    nested.mkdir()
    draft = nested / "draft.md"
    draft.write_text("# T\n\n![A cat](c.png) One two three four five six seven eight nine ten "
                     "eleven twelve thirteen.\n", "utf-8")  # fmt: skip
    code, out, _ = run(capsys, "lint", str(draft), "--format", "json")
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "long-sentence" in rules  # max-words = 12 from the report's easyread.toml
    other = report.parent / "other.toml"
    other.write_text('title = "T"\n[lint]\ndisable = ["long-sentence"]\n', "utf-8")
    _, out, _ = run(capsys, "lint", str(draft), "--format", "json", "--config", str(other))
    assert "long-sentence" not in [f["rule"] for f in json.loads(out)["findings"]]


def test_fix_round_trip(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = report / "01-problems.md"
    before = path.read_text("utf-8")
    code, diff, _ = run(capsys, "lint", str(report), "--diff")
    assert code == 1 and path.read_text("utf-8") == before  # --diff writes nothing
    assert "-We visited seven homes; all of them were clean." in diff
    assert "+We visited 7 homes; all of them were clean." in diff
    assert "+Read Part 2 of the plan on 6/8/18" in diff  # 6/8/18 is ambiguous: not fixed
    code, _, err = run(capsys, "lint", str(report), "--fix")
    assert code == 1 and "Fixed 3 problems in 1 file." in err
    after = path.read_text("utf-8")
    expected = (
        before.replace("seven", "7").replace("e.g.", "for example").replace("Part II", "Part 2")
    )
    assert after == expected  # exactly the fixed spans changed, nothing else
    assert run(capsys, "lint", str(report), "--diff")[1] == ""
    assert not list(report.glob(".*.tmp"))


def test_fix_keeps_crlf_and_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "01.md"
    path.write_bytes(b"\xef\xbb\xbf# T\r\n\r\n![A cat](c.png) We saw seven cats.\r\n")
    run(capsys, "lint", str(path), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbf# T\r\n\r\n![A cat](c.png) We saw 7 cats.\r\n"


def test_fix_refuses_when_the_file_changed(report: Path) -> None:
    path = report / "01-problems.md"
    lint = lint_report(read_files([path]))
    plan = fixer.plan_file(path, fixer.fixable(lint)[path], path.read_text("utf-8"))
    assert plan.changed
    path.write_text(path.read_text("utf-8") + "\nA new line.\n", "utf-8")
    changed = path.read_bytes()
    with pytest.raises(OutputError, match="changed"):
        fixer.write_atomically(plan)
    assert path.read_bytes() == changed
    assert not [name for name in os.listdir(report) if name.endswith(".tmp")]
    with pytest.raises(OutputError, match="changed"):
        fixer.plan_file(path, fixer.fixable(lint)[path], "# The text lint read\n")


def test_fix_skips_a_span_that_no_longer_matches(tmp_path: Path) -> None:
    path = tmp_path / "01.md"
    path.write_text("# T\n\nWe saw seven cats.\n", "utf-8")
    finding = lint_report(read_files([path]))
    seven = next(f for f in finding if f.rule == "hard-number")
    plan = fixer.plan_text(path, b"", "# T\n\nWe saw eight cats.\n", [seven])
    assert not plan.changed and plan.skipped == [seven]


def test_fix_on_stdin_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("# T\n\n![A cat](c.png) We saw seven cats.\n"))
    code, _, err = run(capsys, "lint", "-", "--fix")
    assert code == 2 and "standard input" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("# T\n\n![A cat](c.png) We saw seven cats.\n"))
    code, out, _ = run(capsys, "lint", "-", "--diff")
    assert code == 1 and "+![A cat](c.png) We saw 7 cats." in out


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "long-sentence" in out and "missing-alt" in out and "error" in out
    code, out, _ = run(capsys, "explain", "long-sentence")
    assert code == 0 and "max-words = 15" in out and "Flagged:" in out and "Not flagged:" in out
    code, _, err = run(capsys, "explain", "long-sentense")
    assert code == 2 and "long-sentence" in err


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("semicolom", "semicolon"),
        ("jargn", "jargon"),
        ("tabel", "table"),
        ("pasive-voice", "passive-voice"),
        ("missing-pic", "missing-picture"),
        ("date", "date-format"),
    ],
)
def test_explain_guesses_a_rule_from_a_typo(capsys, typed: str, meant: str) -> None:
    code, _, err = run(capsys, "explain", typed)
    assert code == 2 and f"Did you mean '{meant}'?" in err


@pytest.mark.parametrize("typed", ["nope", "foo", "hello", "banana", "xyz"])
def test_explain_guesses_nothing_for_a_word_like_no_rule(capsys, typed: str) -> None:
    code, _, err = run(capsys, "explain", typed)
    assert code == 2 and "Did you mean" not in err
    assert "Run 'easyread rules' to see them all." in err and len(err.splitlines()) == 1


def test_standard_input_is_named_in_plain_words_in_text_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("We met; ok.\n"))
    code, out, _ = run(capsys, "lint", "-")
    assert code == 1 and "<stdin>" not in out
    lines = out.splitlines()
    assert "The text you typed in, line 1, column 7: warning semicolon This sentence" in out
    assert any("section-title The text you typed in has no '#' title." in x for x in lines)
    monkeypatch.setattr("sys.stdin", io.StringIO("We met; ok.\n"))
    data = json.loads(run(capsys, "lint", "-", "--format", "json")[1])
    assert {finding["path"] for finding in data["findings"]} == {"<stdin>"}


def test_the_lint_process_writes_all_of_its_output_before_it_ends_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`python -m easyread lint` ends with os._exit after flushing: a pipe still gets every
    finding, as text and as JSON, the exit code is lint's, and stderr is kept."""
    import subprocess
    import sys

    corpus = sorted(str(path) for path in (ROOT / "tests" / "data" / "corpus").glob("*.md"))
    for shape in ("text", "json"):
        done = subprocess.run(
            [sys.executable, "-m", "easyread", "lint", *corpus, "--format", shape],
            capture_output=True,
            text=True,
            check=False,
            env=_buffered_environment(),
        )
        code, out, _ = run(capsys, "lint", *corpus, "--format", shape)
        assert done.returncode == code == 1, done.stderr
        assert done.stdout == out
        assert len(out) > 50_000
    missing = subprocess.run(
        [sys.executable, "-m", "easyread", "lint", "no-such-folder"],
        capture_output=True,
        text=True,
        check=False,
        env=_buffered_environment(),
    )
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def _buffered_environment() -> dict[str, str]:
    """The environment with output buffered, as it is for most users (not PYTHONUNBUFFERED)."""
    environment = {**os.environ, "EASYREAD_MODEL_CACHE": "off"}
    environment.pop("PYTHONUNBUFFERED", None)
    return environment
