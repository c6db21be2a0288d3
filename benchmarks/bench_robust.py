"""Figures for large and hostile inputs (prints them; not a test).

    .venv/bin/python benchmarks/bench_robust.py

- parse a paragraph of 50,000 words (one line, and 5,000 lines)
- read a report of 1,000 section files
- parse 200 levels of nested lists
- refuse a 20000 x 20000 decompression-bomb PNG (time and peak memory growth)
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from easyread.errors import PictureError
from easyread.model import Picture, Source
from easyread.pictures import prepare_pictures
from easyread.reader import parse_section, read_report

BOMB = Path(__file__).resolve().parent.parent / "tests/data/bad/picture-bomb/pictures/huge.png"
SENTENCE = "We help **people** with their care and we listen to them."


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def show(label: str, figures: tuple[float, float]) -> None:
    best, median = figures
    print(f"{label:<48} best {best * 1000:8.1f} ms   median {median * 1000:8.1f} ms")


def main() -> None:
    per = len(SENTENCE.split())
    one_line = "# Long\n\n" + " ".join([SENTENCE] * (50_000 // per)) + "\n"
    many_lines = "# Long\n\n" + "\n".join([SENTENCE] * (50_000 // per)) + "\n"
    show(
        "50,000-word paragraph on one line",
        best_of(5, lambda: parse_section(Path("a.md"), one_line, 1)),
    )
    show(
        "50,000-word paragraph on 5,000 lines",
        best_of(5, lambda: parse_section(Path("a.md"), many_lines, 1)),
    )

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number in range(1, 1001):
            (root / f"{number:04d}-part.md").write_text(
                f"# Part {number}\n\nWe help people.\nWe listen.\n\n- One point.\n- Two points.\n",
                encoding="utf-8",
            )
        show(
            "report of 1,000 sections (read + parse)",
            best_of(3, lambda: read_report(root, check_pictures=False)),
        )

    nested = "# Deep\n\n" + "".join(f"{'  ' * level}- Level {level}.\n" for level in range(200))
    show("200 levels of nested lists", best_of(5, lambda: parse_section(Path("d.md"), nested, 1)))

    picture = Picture("pictures/huge.png", "a", Source(Path("01.md"), 3, 1), path=BOMB)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def refuse() -> None:
        with tempfile.TemporaryDirectory() as cache:
            try:
                prepare_pictures([(picture, 531)], Path(cache))
            except PictureError:
                return
        raise AssertionError("the bomb was not refused")

    show("refuse a 20000x20000 PNG bomb (76 kB file)", best_of(5, refuse))
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(f"{'peak memory growth while refusing the bomb':<48} {grown:.1f} MB")


if __name__ == "__main__":
    main()
