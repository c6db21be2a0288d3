"""easyread watch as an author meets it: a real process on a copy of the sample, a real browser
(headless Chromium) reading the preview, a file saved, the preview changed."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "leder-annual-report"
MINI = ROOT / "tests" / "data" / "mini-report"
SECTION = "04-who-died-in-2025.md"
NEW_POINT = "We met with a view to agreeing the plan for next year."

pytestmark = pytest.mark.slow  # a watch process and three browser runs: 5-15 s


def _chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or ""
    if not found:
        if os.environ.get("EASYREAD_REQUIRE_BROWSER"):
            pytest.fail("the watch test needs chromium (apt-get install chromium)")
        pytest.skip("the watch test needs chromium (apt-get install chromium)")
    return found


def dump_dom(chromium: str, url: str, profile: Path) -> str:
    """The page as the browser has it once it has loaded (its script has run)."""
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class Watcher:
    """`easyread watch` in a process of its own; its lines are read as they come."""

    def __init__(self, report: Path, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "easyread", "watch", str(report), "--port", "0", *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.said: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                break
            self.said.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"watch never said {pattern!r}; it said: {self.said}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _serves_only_its_own_page_and_files(address: str, outside: Path) -> None:
    from urllib.error import HTTPError
    from urllib.request import urlopen

    with urlopen(address, timeout=10) as answer:
        page = answer.read().decode("utf-8")
        policy = answer.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert "data:image" not in page  # pictures are served, not embedded
    found = re.search(r'src="(/easyread/picture/[^"]+)"', page)
    assert found is not None
    with urlopen(address.rstrip("/") + found.group(1), timeout=10) as answer:
        assert answer.headers["Content-Type"] == "image/png"
    for refused in (
        "/easyread/template/../../secret.txt",
        "/easyread/picture/../secret.txt",
        "/easyread/file/" + str(outside),
        "/secret.txt",
        "/../secret.txt",
    ):
        with pytest.raises(HTTPError) as error:
            urlopen(address.rstrip("/") + refused, timeout=10)
        assert error.value.code == 404, refused


def test_a_save_changes_the_preview_in_the_browser(tmp_path: Path) -> None:
    chromium = _chromium()
    report = tmp_path / "report"
    shutil.copytree(SAMPLE, report)
    watcher = Watcher(report)
    try:
        address = watcher.wait_for(r"(http://127\.0\.0\.1:\d+/)").group(1)
        (tmp_path / "secret.txt").write_text("not for the browser", encoding="utf-8")
        _serves_only_its_own_page_and_files(address, tmp_path / "secret.txt")
        before = dump_dom(chromium, address, tmp_path / "profile")
        assert "Live preview" in before
        assert NEW_POINT not in before
        assert "preview-notes" not in before.split("</style>")[-1]  # the sample is clean

        section = report / SECTION
        section.write_text(
            section.read_text(encoding="utf-8") + f"\n{NEW_POINT}\n", encoding="utf-8"
        )
        watcher.wait_for(r"wordy-phrase")
        watcher.wait_for(rf"Checked {SECTION}: 2 findings")
        after = dump_dom(chromium, address, tmp_path / "profile")
        assert NEW_POINT in after
        notes = re.findall(r'<aside class="preview-notes"[^>]*>(.*?)</aside>', after, re.S)
        assert len(notes) == 1 and "wordy-phrase" in notes[0] and "missing-picture" in notes[0]

        # A bad save: one line in the terminal and in the page; the last good page stays.
        section.write_text(
            section.read_text(encoding="utf-8") + "\n![A bus](pictures/no-such-bus.png) We go.\n",
            encoding="utf-8",
        )
        # lint names the picture first (picture-file); then the preview cannot be made
        line = watcher.wait_for(r"no-such-bus\.png' was not found").string
        assert SECTION in line and "was not found" in line
        broken = dump_dom(chromium, address, tmp_path / "profile")
        assert "Your last change could not be shown." in broken
        assert "no-such-bus.png" in broken
        assert NEW_POINT in broken and "We go." not in broken
    finally:
        watcher.stop()
    assert watcher.process.returncode == 0  # SIGTERM stops it as Ctrl+C does
    watcher.wait_for("Stopped watching.")


def test_pdf_is_written_again_after_a_save_without_holding_up_the_preview(tmp_path: Path) -> None:
    report = tmp_path / "report"
    shutil.copytree(MINI, report)
    out = tmp_path / "out"
    watcher = Watcher(report, "--pdf", "--out", str(out))
    try:
        watcher.wait_for("The PDF is up to date.", timeout=120)
        pdfs = list(out.glob("*.pdf"))
        assert len(pdfs) == 1
        first = pdfs[0].read_bytes()
        section = sorted(report.glob("*.md"))[0]
        section.write_text(
            section.read_text(encoding="utf-8") + f"\n{NEW_POINT}\n", encoding="utf-8"
        )
        # The preview's line comes first: the PDF is made meanwhile, in another process.
        watcher.wait_for(r"Preview made in")
        watcher.wait_for("The PDF is up to date.", timeout=120)
        assert pdfs[0].read_bytes() != first
    finally:
        watcher.stop()
    assert watcher.process.returncode == 0


AXE_DIR = ROOT / "tests" / "axe"


def test_the_page_reloads_itself_at_the_same_scroll_place(tmp_path: Path) -> None:
    chromium = _chromium()
    if not shutil.which("node") or not (AXE_DIR / "node_modules" / "playwright-core").is_dir():
        pytest.skip("needs node and tests/axe/node_modules (npm ci --prefix tests/axe)")
    report = tmp_path / "report"
    shutil.copytree(SAMPLE, report)
    watcher = Watcher(report)
    browser = None
    try:
        address = watcher.wait_for(r"(http://127\.0\.0\.1:\d+/)").group(1)
        browser = subprocess.Popen(
            ["node", str(AXE_DIR / "preview_reload.js"), address, NEW_POINT],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CHROMIUM": chromium},
        )
        assert browser.stdout is not None
        assert browser.stdout.readline().strip() == "READY"
        section = report / SECTION
        section.write_text(
            section.read_text(encoding="utf-8") + f"\n{NEW_POINT}\n", encoding="utf-8"
        )
        out, errors = browser.communicate(timeout=60)
        assert browser.returncode == 0, errors[-2000:]
        state = json.loads(out.strip().splitlines()[-1])
        assert state["found"], state
        assert state["before"] > 1000 and state["after"] == state["before"], state
        assert state["outside"] == []
    finally:
        if browser is not None and browser.poll() is None:
            browser.kill()
            browser.wait(timeout=10)
        watcher.stop()
