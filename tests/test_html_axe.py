"""axe-core, run in a real browser (Debian's chromium), finds no accessibility problem.

Needs `npm ci` in tests/axe and chromium. Without them the test is skipped, unless
EASYREAD_REQUIRE_BROWSER is set (as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from easyread.edition import make_edition
from easyread.reader import read_report
from easyread.writers import html as html_writer

# A real browser: about a minute on this machine.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
AXE_DIR = ROOT / "tests" / "axe"
SAMPLE = ROOT / "samples" / "leder-annual-report"
MINI = ROOT / "tests" / "data" / "mini-report"
# Every Markdown construct: sub-headings h3-h6, a data table with a caption, footnotes, code.
CONSTRUCTS = ROOT / "tests" / "data" / "every-construct"


def _browser() -> str:
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or ""
    node = shutil.which("node")
    missing = []
    if not chromium:
        missing.append("chromium (apt-get install chromium)")
    if not node:
        missing.append("node (apt-get install nodejs npm)")
    if not (AXE_DIR / "node_modules" / "@axe-core" / "playwright").is_dir():
        missing.append("tests/axe/node_modules (npm ci --prefix tests/axe)")
    if missing:
        message = "axe-core check needs " + ", ".join(missing)
        if os.environ.get("EASYREAD_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return chromium


def run_axe(pages: list[Path], widths: list[int]) -> list[dict]:
    """Every page at every width, in one browser session (starting chromium is the slow part)."""
    chromium = _browser()
    arguments = [str(page) for page in pages]
    for width in widths:
        arguments += ["--width", str(width)]
    result = subprocess.run(
        ["node", str(AXE_DIR / "check.js"), *arguments],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "CHROMIUM": chromium},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


BAD_PAGE = """<!DOCTYPE html><html><head><title>Bad</title></head><body>
<img src="http://127.0.0.1:9/picture.png"><h3>Skipped levels</h3>
<p style="color:#bbbbbb">Pale text</p></body></html>"""


def test_axe_finds_no_violations_on_wide_and_phone_screens(tmp_path: Path) -> None:
    _browser()
    pages = []
    for name, report in (("sample", SAMPLE), ("mini", MINI), ("constructs", CONSTRUCTS)):
        edition = make_edition(read_report(report), tmp_path / "cache")
        page = tmp_path / f"{name}.html"
        html_writer.write(edition, page)
        pages.append(page)
    bad = tmp_path / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    results = run_axe([*pages, bad], [1280, 360])
    assert len(results) == 8
    for result in results[:6]:
        assert result["passes"] > 10, "axe ran its checks"
        assert result["outsideRequests"] == [], "the page opens from disk and fetches nothing"
        assert result["violations"] == [], json.dumps(result, indent=2)
    # The same check does catch a bad page, so the passes above mean something.
    for result in results[6:]:
        found = {violation["id"] for violation in result["violations"]}
        assert {"image-alt", "html-has-lang", "color-contrast"} <= found, found
        assert result["outsideRequests"] == ["http://127.0.0.1:9/picture.png"]


def test_axe_finds_no_violations_in_the_readability_report(tmp_path: Path) -> None:
    """The readability report is shared with the team, so it must be accessible too."""
    _browser()
    from easyread.score import summary_for_build
    from easyread.writers.readability import write_score_report

    score, _ = summary_for_build(read_report(SAMPLE))
    page = next(path for path in write_score_report(score, tmp_path) if path.suffix == ".html")
    results = run_axe([page], [1280, 360])
    assert len(results) == 2
    for result in results:
        assert result["passes"] > 10
        assert result["outsideRequests"] == []
        assert result["violations"] == [], json.dumps(result["violations"], indent=2)


def test_axe_finds_no_violations_in_the_picture_contact_sheet(tmp_path: Path) -> None:
    """Authors and checking groups choose pictures from the contact sheet on screen."""
    _browser()
    from easyread.pictograms.library import load_library
    from easyread.pictograms.suggest import suggest_for_report
    from easyread.writers.contact_sheet import write_contact_sheet

    report = read_report(MINI)
    suggestions = suggest_for_report(report, load_library(), every_point=True)[:6]
    page = tmp_path / "sheet.html"
    write_contact_sheet(report, suggestions, html=page)
    results = run_axe([page], [1280, 360])
    assert len(results) == 2
    for result in results:
        assert result["passes"] > 10
        assert result["outsideRequests"] == []
        assert result["violations"] == [], json.dumps(result["violations"], indent=2)
