"""Reading speed with every Markdown construct against plain points (prints figures; not a test).

    .venv/bin/python benchmarks/bench_markdown_constructs.py

Issue 9 made the reader take any CommonMark/GFM Markdown: tables, footnotes, code, quotes, raw
HTML, front matter and deep headings. This measures what that costs: words per second for
parse_section, then for parse + lint + score, on a generated section of about 100,000 words made
of plain points, and on one of the same size that uses every construct.
"""

from __future__ import annotations

import time
from pathlib import Path

from easyread.config import default_config
from easyread.lint import lint_report
from easyread.model import Report
from easyread.reader import parse_section
from easyread.score import score_report

SENTENCE = "We checked 96% of the 1,234 homes and met **people** with their families."
PLAIN_UNIT = f"{SENTENCE} {SENTENCE}\n\n- {SENTENCE}\n- {SENTENCE}\n\n## A sub-heading\n\n"
RICH_UNIT = (
    f"{SENTENCE}[^n] {SENTENCE}\n\n"
    f"### A deeper heading\n\n"
    f"| Age | Deaths |\n|:--|--:|\n| {SENTENCE} | 12 |\n| 25 to 64 | 200 |\n\n"
    f"> {SENTENCE}\n\n"
    f"    {SENTENCE}\n\n"
    f"We help <b>all</b> people. {SENTENCE}\n\n"
)
FOOT = "\n[^n]: A note about the numbers.\n"


def _document(unit: str, words: int, head: str = "", foot: str = "") -> str:
    repeats = max(1, words // len(unit.split()))
    return head + "# Our report\n\n" + unit * repeats + foot


def _measure(label: str, text: str) -> None:
    words = len(text.split())
    path = Path("bench/01-section.md")
    best_parse = best_all = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        section = parse_section(path, text, 1)
        parsed = time.perf_counter()
        report = Report(root=path.parent, config=default_config(path.parent), sections=(section,))
        lint_report(report)
        score_report(report, use_glossary=False)
        done = time.perf_counter()
        best_parse = min(best_parse, parsed - started)
        best_all = min(best_all, done - started)
    print(
        f"{label:<28} {words:>8,} words   parse {words / best_parse:>10,.0f} words/s"
        f"   parse+lint+score {words / best_all:>10,.0f} words/s"
    )


def main() -> None:
    _measure("plain points", _document(PLAIN_UNIT, 100_000))
    _measure("every construct", _document(RICH_UNIT, 100_000, "---\ntitle: T\n---\n", FOOT))


if __name__ == "__main__":
    main()
