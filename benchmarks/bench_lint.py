"""Benchmark for easyread lint: words per second by text size and glossary size.

Generates Easy Read-like reports of 10 thousand, 100 thousand and 1 million words (short
sentences, a picture per point, some jargon, acronyms and numbers), and glossaries of 50, 500
and 5,000 terms (a few real-looking terms that occur in the text plus synthetic ones), then
prints words per second for each cell. Also times `easyread lint` on the 10-thousand-word report
as a new process (start-up included) and, if proselint is installed, proselint on the same
files.

    python benchmarks/bench_lint.py            # all sizes
    python benchmarks/bench_lint.py --quick    # 10k and 100k only
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from easyread.lint import lint_report
from easyread.lint.engine import paused_gc
from easyread.lint.settings import load_settings
from easyread.reader import read_report

SIZES = (10_000, 100_000, 1_000_000)
GLOSSARY_SIZES = (50, 500, 5_000)
WORDS_PER_FILE = 10_000

_PLAIN = (
    "we you people care home doctor nurse help talk listen family staff health check visit "
    "money plan year day week good better safe need want time place service team meet write "
    "letter phone tell ask find learn change work live friend choose right easy hard new"
)
PLAIN_WORDS = _PLAIN.split()
JARGON = [
    ("deliver", "give"), ("facilitate", "help"), ("stakeholder", "people involved"),
    ("robust", "strong"), ("leverage", "use"), ("tackle", "deal with"),
    ("key", "important"), ("utilise", "use"), ("commence", "start"), ("in order to", "to"),
]  # fmt: skip
ACRONYMS = [
    ("ICB", "integrated care board"), ("GP", "general practitioner"),
    ("LeDeR", "learning from lives and deaths"), ("A&E", "accident and emergency"),
]  # fmt: skip
EXTRAS = ["25%", "e.g.", "6/8/18", "seven", "Part II", "12,345", "PLEASE"]


def make_glossary(size: int, rng: random.Random) -> str:
    lines = ["name: bench", "description: synthetic terms for the benchmark", "entries:"]
    for term, plain in JARGON:
        lines += [f"  - term: {term}", "    kind: jargon", f"    plain: Say {plain}.",
                  f"    suggest: [{plain}]"]  # fmt: skip
    for term, expansion in ACRONYMS:
        lines += [f"  - term: {term}", "    kind: acronym", f"    expansion: {expansion}",
                  f"    plain: The {expansion}."]  # fmt: skip
    syllables = ["ka", "lo", "mi", "zer", "tup", "vin", "qua", "rel", "dos", "fen", "bri", "ostr"]
    seen: set[str] = set()
    while len(seen) < size - len(JARGON) - len(ACRONYMS):
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 4)))
        if rng.random() < 0.2:
            word += " " + "".join(rng.choice(syllables) for _ in range(2))
        seen.add(word)
    for word in sorted(seen):
        lines += [f"  - term: {word}", "    kind: jargon", "    plain: A made up word.",
                  "    suggest: [thing]"]  # fmt: skip
    return "\n".join(lines) + "\n"


def make_sentence(rng: random.Random) -> str:
    words = [rng.choice(PLAIN_WORDS) for _ in range(rng.randint(5, 14))]
    roll = rng.random()
    if roll < 0.25:
        words.insert(rng.randrange(len(words)), rng.choice(JARGON)[0])
    elif roll < 0.4:
        words.insert(rng.randrange(len(words)), rng.choice(ACRONYMS)[0])
    elif roll < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(EXTRAS))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def make_report(folder: Path, total_words: int, glossary: str, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.yaml").write_text(glossary, encoding="utf-8")
    (folder / "easyread.toml").write_text(
        'title = "Benchmark"\n\n[glossary]\nbuiltin = []\nfiles = ["bench.yaml"]\n',
        encoding="utf-8",
    )
    written, number = 0, 0
    while written < total_words:
        number += 1
        lines = [f"# Section {number}", ""]
        in_file = 0
        while in_file < min(WORDS_PER_FILE, total_words - written):
            sentences = [make_sentence(rng) for _ in range(rng.randint(1, 3))]
            in_file += sum(len(sentence.split()) for sentence in sentences)
            lines += [f"![A picture](pictures/p{number}.png)", *sentences, ""]
        written += in_file
        (folder / f"{number:04d}-section.md").write_text("\n".join(lines), encoding="utf-8")


def count_words(folder: Path) -> int:
    return sum(len(path.read_text("utf-8").split()) for path in folder.glob("*.md"))


def time_lint(folder: Path) -> tuple[float, float, int]:
    """Seconds to read + lint, seconds to lint alone, and the number of findings."""
    with paused_gc():  # as `easyread lint` does
        started = time.perf_counter()
        report = read_report(folder, check_pictures=False)
        parsed = time.perf_counter()
        findings = lint_report(report, load_settings(report.config))
        done = time.perf_counter()
    return done - started, done - parsed, len(findings)


def time_proselint(folder: Path) -> float | None:
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    config = {**DEFAULT, "max_errors": 10**9}  # report everything, as easyread does
    files = sorted(folder.glob("*.md"))
    started = time.perf_counter()
    for path in files:
        LintFile(path).lint(config)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1 million word corpus")
    args = parser.parse_args()
    sizes = SIZES[:2] if args.quick else SIZES
    rng = random.Random(20260630)
    with tempfile.TemporaryDirectory(prefix="easyread-bench-") as temporary:
        root = Path(temporary)
        print(f"{'words':>10} {'terms':>6} {'findings':>9} {'read+lint s':>12} "
              f"{'words/s':>10} {'lint-only words/s':>18}")  # fmt: skip
        rates: dict[tuple[int, int], float] = {}
        folders: dict[int, Path] = {}
        for size in sizes:
            for terms in GLOSSARY_SIZES:
                folder = root / f"r{size}-{terms}"
                make_report(folder, size, make_glossary(terms, random.Random(terms)), rng)
                folders.setdefault(size, folder)
                words = count_words(folder)
                time_lint(folder) if size <= 100_000 else None  # warm caches once
                total, lint_only, found = time_lint(folder)
                rates[(size, terms)] = words / total
                print(f"{words:>10,} {terms:>6,} {found:>9,} {total:>12.2f} "
                      f"{words / total:>10,.0f} {words / lint_only:>18,.0f}")  # fmt: skip
        print()
        for size in sizes:
            ratio = rates[(size, 50)] / rates[(size, 5_000)]
            print(f"{size:>10,} words: 5,000 terms cost {ratio:.2f}x the time of 50 terms")
        if len(sizes) == 3:
            ratio = rates[(100_000, 500)] / rates[(1_000_000, 500)]
            print(f"1M words cost {ratio:.2f}x per word what 100k words cost (500 terms)")
        small = folders[10_000]
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "easyread", "lint", str(small), "--fail-on", "never",
             "--format", "json"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        print(f"\n`easyread lint` on 10k words as a new process: {seconds:.2f} s")
        for size in sizes[:2]:
            seconds = time_proselint(folders[size])
            if seconds is None:
                print("proselint is not installed: pip install proselint to compare")
                break
            words = count_words(folders[size])
            ours = rates[(size, 500)]
            theirs = words / seconds
            print(f"proselint {words:,} words: {theirs:,.0f} words/s; easyread is "
                  f"{ours / theirs:.1f}x faster (500 terms)")  # fmt: skip


if __name__ == "__main__":
    main()
