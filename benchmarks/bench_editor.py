"""How quickly the author sees the effect of an edit. Prints figures; not a test.

    /work/venv/bin/python benchmarks/bench_editor.py [--quick]

1. Language server (`easyread lsp`, a real process over pipes): time from a keystroke
   (textDocument/didChange) to its textDocument/publishDiagnostics, in a warm server, for a
   typical section of the sample report (target: under 50 ms). Also lint of that change in
   process (no JSON-RPC).
2. `easyread watch` (in process, warm): on a report of over 10,000 words (the sample 6 times),
   time from a saved change to one section to its findings (target: under 100 ms) and to a new
   HTML preview (target: under 500 ms). Also the whole way through a real `easyread watch`
   process: a file written to its findings and new page printed (the watcher's wait included).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import LspClient  # noqa: E402

from easyread.editor.preview import Preview  # noqa: E402
from easyread.editor.session import EditorSession  # noqa: E402

SAMPLE = ROOT / "samples" / "leder-annual-report"
SECTION = "04-who-died-in-2025.md"  # a typical section: 9 points, about 130 words
TYPED = "We will look at the care people got in hospital and at home"


def copy_sample(target: Path, copies: int = 1) -> Path:
    target.mkdir(parents=True)
    shutil.copy(SAMPLE / "easyread.toml", target)
    shutil.copytree(SAMPLE / "pictures", target / "pictures")
    for copy in range(copies):
        for section in sorted(SAMPLE.glob("*.md")):
            name = section.name if copies == 1 else f"{copy}{section.name}"
            (target / name).write_text(section.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def keystrokes(text: str, count: int) -> list[str]:
    """The section as it is while the author types a new point at its end, key by key."""
    base = text.rstrip("\n") + "\n\n"
    return [base + TYPED[: 1 + index % len(TYPED)] + "\n" for index in range(count)]


def lsp_keystrokes(report: Path, count: int) -> list[float]:
    path = report / SECTION
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    client = LspClient(report)
    try:
        client.start(report)
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        client.diagnostics(uri, timeout=60)
        times = []
        for version, typed in enumerate(keystrokes(text, count + 5), start=2):
            start = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": typed}],
                },
            )
            client.diagnostics(uri)
            times.append(time.perf_counter() - start)
        client.stop()
    finally:
        if client.process.poll() is None:
            client.process.kill()
    return times[5:]  # the first keystrokes warm the server up


def in_process_keystrokes(report: Path, count: int) -> list[float]:
    session = EditorSession(report)
    path = session.root / SECTION
    text = path.read_text(encoding="utf-8")
    session.open_texts[path] = text
    session.findings_for(path)
    times = []
    for typed in keystrokes(text, count):
        session.open_texts[path] = typed
        start = time.perf_counter()
        session.findings_for(path)
        times.append(time.perf_counter() - start)
    return times


def saved_changes(report: Path, count: int) -> tuple[list[float], list[float], int]:
    """A warm `easyread watch` (in process): one section saved again and again with one more
    sentence; the time to its findings and to the new page."""
    preview = Preview(EditorSession(report))
    preview.update()
    section = sorted(report.glob("*.md"))[len(list(report.glob("*.md"))) // 2]
    text = section.read_text(encoding="utf-8")
    findings, pages = [], []
    words = 0
    for index in range(count + 2):
        section.write_text(text + f"\nWe met {index + 2} people in order to talk.\n", "utf-8")
        update = preview.update([section])
        assert update.error is None, update.error
        findings.append(update.findings_seconds)
        pages.append(update.preview_seconds)
        words = update.all_findings
    return findings[2:], pages[2:], words


def watch_process_saves(report: Path, count: int) -> tuple[list[float], list[float]]:
    """`easyread watch` as a process: from writing a section to the line that gives its
    findings, and to the line that says the new page is made. Noticing the save counts too
    (watchfiles waits 50 ms for the editor to finish writing)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "easyread", "watch", str(report), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    try:
        while "The preview is at" not in process.stdout.readline():
            pass
        section = sorted(report.glob("*.md"))[len(list(report.glob("*.md"))) // 2]
        text = section.read_text(encoding="utf-8")
        findings, pages = [], []
        for index in range(count + 2):
            time.sleep(0.3)
            start = time.perf_counter()
            section.write_text(text + f"\nWe met {index + 30} people to talk.\n", "utf-8")
            while not process.stdout.readline().startswith("Checked"):
                pass
            findings.append(time.perf_counter() - start)
            while not process.stdout.readline().startswith("Preview made"):
                pass
            pages.append(time.perf_counter() - start)
        return findings[2:], pages[2:]
    finally:
        process.terminate()
        process.wait(timeout=30)


def count_words(report: Path) -> int:
    return sum(len(path.read_text(encoding="utf-8").split()) for path in report.glob("*.md"))


def figures(name: str, times: list[float], target_ms: float) -> None:
    ms = sorted(t * 1000 for t in times)
    median = statistics.median(ms)
    p90 = ms[int(len(ms) * 0.9) - 1] if len(ms) >= 10 else ms[-1]
    verdict = "meets" if median < target_ms else "MISSES"
    print(
        f"{name:<58} median {median:6.1f} ms  p90 {p90:6.1f} ms  max {ms[-1]:6.1f} ms  "
        f"({verdict} {target_ms:.0f} ms, n={len(ms)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    count = 10 if parser.parse_args().quick else 40
    with tempfile.TemporaryDirectory() as folder:
        report = copy_sample(Path(folder) / "sample")
        figures(
            "lsp: keystroke -> publishDiagnostics (process, pipes)",
            lsp_keystrokes(report, count),
            50,
        )
        figures("lsp: keystroke -> findings (in process)", in_process_keystrokes(report, count), 50)
        big = copy_sample(Path(folder) / "big", copies=6)
        print(
            f"watch: a report of {count_words(big):,} words in {len(list(big.glob('*.md')))} files"
        )
        found, pages, _ = saved_changes(big, count)
        figures("watch: saved section -> its findings (in process)", found, 100)
        figures("watch: saved section -> new HTML preview (in process)", pages, 500)
        found, pages = watch_process_saves(big, min(count, 20))
        figures("watch: file written -> findings printed (process)", found, 100)
        figures("watch: file written -> new preview served (process)", pages, 500)


if __name__ == "__main__":
    main()
