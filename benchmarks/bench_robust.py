"""Figures for large and hostile inputs (prints them; not a test).

    .venv/bin/python benchmarks/bench_robust.py

- parse a paragraph of 50,000 words (one line, and 5,000 lines)
- read a report of 1,000 section files
- parse 200 levels of nested lists
- refuse a 20000 x 20000 decompression-bomb PNG (time and peak memory growth)

Pathological inputs from issue 11 (each should cost time linear in its size, or be refused):
- the DOCX writer with 500, 1,000 and 2,000 sections of one picture each (2,000 must take at
  most 2.2 times as long as 1,000)
- one paragraph of 5,000, 10,000 and 20,000 bold words (parse)
- 20,000 '[a](' in a row (refused: more than 10,000 characters without a space)
- a 10 MB note in easyread.toml (refused: longer than a setting may be)

Run with --quick to skip the DOCX figures (about a minute).
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from easyread.config import load_config
from easyread.errors import ConfigError, PictureError, SourceError
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


def docx_sections(count: int) -> float:
    """Seconds the DOCX writer takes for `count` sections, each a point with a picture."""
    from PIL import Image

    from easyread.edition import make_edition
    from easyread.writers import get_writer

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "report"
        (root / "pictures").mkdir(parents=True)
        Image.new("RGB", (40, 40), (200, 10, 10)).save(root / "pictures" / "a.png")
        (root / "easyread.toml").write_text('title = "Many"\n', encoding="utf-8")
        for number in range(count):
            (root / f"{number:05d}.md").write_text(
                f"# Part {number}\n\n![A red square](pictures/a.png)\nWe help people.\n",
                encoding="utf-8",
            )
        edition = make_edition(read_report(root), Path(folder) / "cache")
        started = time.perf_counter()
        get_writer("docx").write(edition, Path(folder) / "many.docx")
        return time.perf_counter() - started


def pathological(quick: bool) -> None:
    if not quick:
        times = {count: docx_sections(count) for count in (500, 1000, 2000)}
        for count, seconds in times.items():
            print(f"{f'DOCX writer, {count:,} sections with pictures':<48} {seconds:8.2f} s")
        print(f"{'  2,000 against 1,000 sections':<48} {times[2000] / times[1000]:8.2f} times")
    for count in (5_000, 10_000, 20_000):
        text = "# Bold\n\n" + " ".join(f"**word{n}**" for n in range(count)) + "\n"
        show(
            f"one paragraph of {count:,} bold words (parse)",
            best_of(1, lambda text=text: parse_section(Path("b.md"), text, 1)),
        )
    links = "# Links\n\n" + "[a](" * 20_000 + "\n"

    def refuse_links() -> None:
        try:
            parse_section(Path("l.md"), links, 1)
        except SourceError:
            return
        raise AssertionError("20,000 '[a](' were not refused")

    show("refuse 20,000 '[a](' in a row", best_of(5, refuse_links))
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "easyread.toml"
        config.write_text('title = "T"\nnote = "' + "x" * 10_000_000 + '"\n', encoding="utf-8")

        def refuse_note() -> None:
            try:
                load_config(config)
            except ConfigError:
                return
            raise AssertionError("the 10 MB note was not refused")

        show("refuse a 10 MB note in easyread.toml", best_of(3, refuse_note))


if __name__ == "__main__":
    import sys

    main()
    pathological(quick="--quick" in sys.argv)
