"""`easyread score` on the command line: inputs, outputs and exit codes; the build hooks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.reader import read_report
from easyread.score import summary_for_build
from easyread.writers.readability import write_score_report

HARD_SECTION = (
    "# Our plans\n\n"
    "The organisation will facilitate the implementation of comprehensive rehabilitation "
    "services, notwithstanding considerable budgetary constraints.\n"
)
EASY_SECTION = "# About us\n\nWe met. It was good.\n\nWe help people.\n"


@pytest.fixture()
def report_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "easyread.toml").write_text('title = "Plans"\n', encoding="utf-8")
    (folder / "01-about-us.md").write_text(EASY_SECTION, encoding="utf-8")
    (folder / "02-our-plans.md").write_text(HARD_SECTION, encoding="utf-8")
    return folder


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    code = main(["score", *args, "--format", "json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else {}, captured.err


def test_text_output_has_a_table_per_section(
    report_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["score", str(report_dir)]) == 0
    out = capsys.readouterr().out
    assert "1. About us" in out and "2. Our plans" in out
    assert "Reading ease" in out and "Words per sentence" in out
    assert "Hardest sentences" in out
    assert "long words: " in out and "'rehabilitation'" in out
    assert out.strip().splitlines()[-1].startswith("Readability: reading ease")


def test_json_output_and_default_folder(
    report_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(report_dir)
    code, data, _ = run_json([], capsys)
    assert code == 0
    assert [section["file"] for section in data["sections"]] == [
        "01-about-us.md",
        "02-our-plans.md",
    ]


def test_fail_under_on_the_whole_report(report_dir: Path, capsys) -> None:
    code, data, err = run_json([str(report_dir), "--fail-under", "100"], capsys)
    assert code == 1
    assert "below --fail-under 100" in err
    ease = data["report"]["measures"]["reading_ease"]
    code, _, _ = run_json([str(report_dir), "--fail-under", str(ease - 1)], capsys)
    assert code == 0


def test_fail_under_on_each_section(report_dir: Path, capsys) -> None:
    _, data, _ = run_json([str(report_dir)], capsys)
    sections = [section["measures"]["reading_ease"] for section in data["sections"]]
    between = (min(sections) + data["report"]["measures"]["reading_ease"]) / 2
    code, _, _ = run_json([str(report_dir), "--fail-under", str(between)], capsys)
    assert code == 0
    args = [str(report_dir), "--fail-under", str(between), "--fail-scope", "section"]
    code, _, err = run_json(args, capsys)
    assert code == 1
    assert "section 2 (Our plans)" in err


def test_fail_under_from_the_score_table(report_dir: Path, capsys) -> None:
    config = report_dir / "easyread.toml"
    config.write_text('title = "Plans"\n\n[score]\nfail-under = 100\n', encoding="utf-8")
    assert main(["score", str(report_dir)]) == 1


def test_bad_score_setting_exits_2_with_one_line(report_dir: Path, capsys) -> None:
    config = report_dir / "easyread.toml"
    config.write_text('title = "Plans"\n\n[score]\nmax-word = 12\n', encoding="utf-8")
    assert main(["score", str(report_dir)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "easyread.toml:4" in err and "max-words" in err


def test_loose_files_use_the_nearest_config(report_dir: Path, capsys) -> None:
    config = report_dir / "easyread.toml"
    config.write_text('title = "Plans"\n\n[score]\nmax-words = 3\n', encoding="utf-8")
    code, data, _ = run_json([str(report_dir / "01-about-us.md")], capsys)
    assert code == 0
    assert data["targets"]["max_words"] == 3
    assert len(data["sections"]) == 1
    assert data["report"]["counts"]["long_sentences"] == 0


def test_standard_input(capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("# Hi\n\nWe met. It was good.\n"))
    code, data, _ = run_json(["-"], capsys)
    assert code == 0
    assert data["report"]["counts"]["sentences"] == 2


def test_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["score", str(tmp_path / "nope.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_compare_with_an_earlier_run(report_dir: Path, tmp_path: Path, capsys) -> None:
    code, before, _ = run_json([str(report_dir)], capsys)
    previous = tmp_path / "before.json"
    previous.write_text(json.dumps(before), encoding="utf-8")
    (report_dir / "02-our-plans.md").write_text(
        "# Our plans\n\nWe want to help you get well.\n", encoding="utf-8"
    )
    code, after, _ = run_json([str(report_dir), "--compare", str(previous)], capsys)
    assert code == 0
    verdicts = {row["file"]: row["verdict"] for row in after["comparison"]["sections"]}
    assert verdicts["02-our-plans.md"] == "easier"
    assert verdicts["01-about-us.md"] == "about the same"
    assert main(["score", str(report_dir), "--compare", str(previous)]) == 0
    assert "Since the earlier run" in capsys.readouterr().out


def test_unsupported_language_warns_on_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "easyread.toml").write_text('title = "T"\nlanguage = "cy-GB"\n', encoding="utf-8")
    (tmp_path / "01-a.md").write_text("# Croeso\n\nRydym ni wedi cwrdd.\n", encoding="utf-8")
    code, data, err = run_json([str(tmp_path)], capsys)
    assert code == 0
    assert data["report"]["counts"]["words"] == 4
    assert err.count("\n") == 1 and "Welsh" in err
    assert main(["score", str(tmp_path), "--fail-under", "50"]) == 2


def test_html_and_pdf_reports(report_dir: Path, tmp_path: Path, capsys) -> None:
    html_path, pdf_path = tmp_path / "out" / "score.html", tmp_path / "out" / "score.pdf"
    args = ["score", str(report_dir), "--html", str(html_path), "--pdf", str(pdf_path)]
    assert main(args) == 0
    page = html_path.read_text(encoding="utf-8")
    assert "<svg" in page and "Reading ease of each section" in page
    assert "Our plans" in page and "http://" not in page.replace('"http://www.w3.org/', "")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    page_validation = pytest.importorskip("page")
    result = page_validation.validate_pdf(str(pdf_path), profile="ua1")
    assert result.is_compliant, result.failures


def test_pdf_fetcher_refuses_every_url() -> None:
    from easyread.writers.readability import fetcher
    from easyread.writers.render import RefusedURL

    for url in ("https://example.org/tracker.png", "file:///etc/passwd", "easyread:template/x"):
        with pytest.raises(RefusedURL):
            fetcher().fetch(url)


def test_build_hooks(sample_dir: Path, tmp_path: Path) -> None:
    report = read_report(sample_dir, check_pictures=False)
    score, line = summary_for_build(report)
    assert line.startswith("Readability: reading ease ")
    assert line.endswith(".") and "\n" not in line
    paths = write_score_report(score, tmp_path, name="leder")
    assert [path.name for path in paths] == ["leder-readability.json", "leder-readability.html"]
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    assert len(data["sections"]) == len(score.sections)
