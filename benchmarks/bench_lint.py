"""Benchmark for easyread lint: words per second by text size and glossary size.

Generates Easy Read-like reports of 10 thousand, 100 thousand and 1 million words (short
sentences, a picture per point, some jargon, acronyms and numbers), and glossaries of 50, 500
and 5,000 terms (a few real-looking terms that occur in the text plus synthetic ones), then
prints, for each cell, the time to read the report (Markdown to model), to lint it, and words
per second. Every timing loads the glossary afresh, as a real run does. Also times `easyread
lint` on the 10-thousand-word report as a new process (start-up included) and proselint (if
installed) on the same files, and ends with a table of the targets of issue 3, met or not.

Then the targets of issue 9 ("reading as fast as linting"), on the reports with 500 terms:
`easyread lint --format json` as a whole new process (start-up, reading, linting and writing the
JSON) against proselint's words per second measured in the same run, its peak memory (the
child's maximum resident set size, from wait4), and the cost per word at 1M words against 100k.
proselint is a benchmark tool only, not a dependency: `pip install proselint`. It is timed in
this process with its patterns already compiled, which is kind to it. easyread is timed three
ways: on files it has never seen (EASYREAD_MODEL_CACHE=off), on its first run with the model
cache (which it fills), and on later runs over unchanged files (models loaded from the cache).

    python benchmarks/bench_lint.py               # all sizes (the 1M runs take a minute)
    python benchmarks/bench_lint.py --quick       # 10k and 100k only
    python benchmarks/bench_lint.py --repeat 5    # best of 5 runs for 10k and 100k (default 3)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import easyread.glossary
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


def _tiny_png() -> bytes:
    from io import BytesIO

    from PIL import Image

    data = BytesIO()
    Image.new("RGB", (600, 600), "white").save(data, format="PNG")
    return data.getvalue()


_PNG = _tiny_png()  # 600 pixels, as library pictures are


def make_report(folder: Path, total_words: int, glossary: str, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.yaml").write_text(glossary, encoding="utf-8")
    (folder / "easyread.toml").write_text(
        'title = "Benchmark"\n\n[glossary]\nbuiltin = []\nfiles = ["bench.yaml"]\n',
        encoding="utf-8",
    )
    (folder / "pictures").mkdir(exist_ok=True)
    records: list[str] = []
    written, number = 0, 0
    while written < total_words:
        number += 1
        # The pictures exist with their records, as in a finished report: otherwise the
        # picture rules report every point and the benchmark measures writing those findings.
        (folder / "pictures" / f"p{number}.png").write_bytes(_PNG)
        records.append(
            f'[pictures."p{number}.png"]\nsource = "Benchmark"\nlicence = "CC0 1.0"\n'
            f'author = "easyread"\n'
        )
        lines = [f"# Section {number}", ""]
        in_file = 0
        while in_file < min(WORDS_PER_FILE, total_words - written):
            sentences = [make_sentence(rng) for _ in range(rng.randint(1, 3))]
            in_file += sum(len(sentence.split()) for sentence in sentences)
            lines += [f"![A picture](pictures/p{number}.png)", *sentences, ""]
        written += in_file
        (folder / f"{number:04d}-section.md").write_text("\n".join(lines), encoding="utf-8")
    (folder / "pictures" / "pictures.toml").write_text("\n".join(records), encoding="utf-8")


def count_words(folder: Path) -> int:
    return sum(len(path.read_text("utf-8").split()) for path in folder.glob("*.md"))


@dataclass
class Timing:
    words: int
    read: float  # seconds: Markdown files to the document model
    lint: float  # seconds: all rules, with the glossary already loaded in this process
    lint_cold: float  # seconds: the same, loading and building the glossary first
    findings: int

    @property
    def total(self) -> float:
        """Read and lint as a real run does it: the glossary loaded afresh."""
        return self.read + self.lint_cold


def forget_glossaries() -> None:
    """Make the next lint load and build its glossary again, as a new `easyread lint` does."""
    easyread.glossary._load.cache_clear()
    easyread.glossary._read_stamped.cache_clear()


def time_lint(folder: Path, *, cold: bool) -> tuple[float, float, int]:
    """Seconds to read, seconds to lint, and the number of findings. `cold`: load the
    glossary again first, as a new `easyread lint` process does."""
    if cold:
        forget_glossaries()
    with paused_gc():  # as `easyread lint` does
        started = time.perf_counter()
        report = read_report(folder, check_pictures=False)
        parsed = time.perf_counter()
        if not cold:  # the glossary stays loaded, but must not remember the last run's texts
            easyread.glossary.load_glossary(report.config)._found.clear()
            parsed = time.perf_counter()
        findings = lint_report(report, load_settings(report.config))
        done = time.perf_counter()
    return parsed - started, done - parsed, len(findings)


def best_of(folder: Path, words: int, repeat: int) -> Timing:
    """Best times over `repeat` cold and `repeat` warm runs (other work on the machine only
    adds time, so the best run is the fairest). With repeat 1 (the 1M corpus) the one cold run
    stands for both."""
    cold = [time_lint(folder, cold=True) for _ in range(repeat)]
    warm = [time_lint(folder, cold=False) for _ in range(repeat - 1 if repeat > 1 else 0)]
    return Timing(
        words,
        read=min(run[0] for run in cold + warm),
        lint=min(run[1] for run in (warm or cold)),
        lint_cold=min(run[1] for run in cold),
        findings=cold[0][2],
    )


@dataclass
class ProselintTime:
    seconds: float  # wall clock
    cpu: float  # processor time of this process: steadier on a shared machine


def time_proselint(folder: Path) -> ProselintTime | None:
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
    LintFile(files[0]).lint(config)  # its patterns compile on first use: not part of the rate
    started, started_cpu = time.perf_counter(), time.process_time()
    for path in files:
        LintFile(path).lint(config)
    return ProselintTime(time.perf_counter() - started, time.process_time() - started_cpu)


@dataclass
class ProcessRun:
    seconds: float  # wall clock
    cpu: float  # user + system processor time of the child
    peak_mb: float  # the child's maximum resident set size


# Starts the command given after it and prints its wall time, exit code, processor time and
# peak memory. A child forked straight from this large benchmark process would count this
# process's memory as its own until it starts the new program (ru_maxrss keeps that peak), so
# the child is started from this small, fresh process instead.
_LAUNCHER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps([time.perf_counter() - started, os.waitstatus_to_exitcode(status),
                  usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))
"""


def run_lint_process(folder: Path, cache: Path, *, model_cache: bool) -> ProcessRun:
    """One `easyread lint --format json` as a new process, its output thrown away. `cache` is
    its cache folder; `model_cache` False makes it read every file (EASYREAD_MODEL_CACHE=off)."""
    command = [sys.executable, "-m", "easyread", "lint", str(folder), "--fail-on", "never",
               "--format", "json"]  # fmt: skip
    env = {**os.environ, "EASYREAD_CACHE_DIR": str(cache)}
    env["EASYREAD_MODEL_CACHE"] = "on" if model_cache else "off"
    launched = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, code, cpu, peak_kib = json.loads(launched.stdout)
    if code != 0:
        raise SystemExit(f"easyread lint failed on {folder} (exit {code})")
    return ProcessRun(seconds, cpu, peak_kib / 1024)  # ru_maxrss is in KiB on Linux


def best_process_run(folder: Path, cache: Path, repeat: int, *, model_cache: bool) -> ProcessRun:
    """The fastest of `repeat` runs (wall and processor time each at their best), and the
    highest peak memory of them."""
    runs = [run_lint_process(folder, cache, model_cache=model_cache) for _ in range(repeat)]
    return ProcessRun(
        min(run.seconds for run in runs),
        min(run.cpu for run in runs),
        max(run.peak_mb for run in runs),
    )


@dataclass
class ProcessRuns:
    """`easyread lint` on one report as a new process, three ways."""

    new: ProcessRun  # every file read (no model cache): the files are new to easyread
    writing: ProcessRun  # the first run with the model cache: reads, and fills the cache
    unchanged: ProcessRun  # a later run: every file unchanged, its model loaded from the cache


def process_runs(folder: Path, cache: Path) -> ProcessRuns:
    new = best_process_run(folder, cache, 2, model_cache=False)
    shutil.rmtree(cache / "models", ignore_errors=True)
    writing = run_lint_process(folder, cache, model_cache=True)
    unchanged = best_process_run(folder, cache, 2, model_cache=True)
    return ProcessRuns(new, writing, unchanged)


def time_new_process(folder: Path, repeat: int) -> float:
    """Median seconds of `easyread lint` as a new process, start-up included."""
    command = [sys.executable, "-m", "easyread", "lint", str(folder), "--fail-on", "never",
               "--format", "json"]  # fmt: skip
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1 million word corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell up to 100k words")
    parser.add_argument(
        "--process-only",
        action="store_true",
        help="only the whole-process targets of issue 9 (100k and 1M words, 500 terms)",
    )
    args = parser.parse_args()
    # The grid times reading the Markdown: models loaded from the cache would skip that. (The
    # whole-process runs set this for each child themselves.)
    os.environ["EASYREAD_MODEL_CACHE"] = "off"
    sizes = SIZES[:2] if args.quick else SIZES
    rng = random.Random(20260630)
    with tempfile.TemporaryDirectory(prefix="easyread-bench-") as temporary:
        root = Path(temporary)
        folders: dict[tuple[int, int], Path] = {}
        for size in sizes:
            for terms in GLOSSARY_SIZES if not args.process_only else (500,):
                folder = root / f"r{size}-{terms}"
                make_report(folder, size, make_glossary(terms, random.Random(terms)), rng)
                folders[(size, terms)] = folder
        words = {size: count_words(folders[(size, 500)]) for size in sizes}
        proselint = {}
        if not args.process_only:
            proselint = lint_in_process(folders, sizes, args.repeat)
        else:
            proselint = {size: time_proselint(folders[(size, 500)]) for size in sizes[1:]}
        # A cache folder of the benchmark's own, made ready by one run: word lists and the
        # frequency table are made there once, as on any machine after easyread's first run.
        cache, tiny = root / "cache", tiny_report(root)
        run_lint_process(tiny, cache, model_cache=False)
        start_up = best_process_run(tiny, cache, 3, model_cache=False)
        processes = {size: process_runs(folders[(size, 500)], cache) for size in sizes[1:]}
        print_whole_process_targets(words, processes, proselint, start_up)


def lint_in_process(
    folders: dict[tuple[int, int], Path], sizes: tuple[int, ...], repeat: int
) -> dict[int, ProselintTime | None]:
    """The grid of read and lint timings in this process, and the targets of issue 3."""
    time_lint(folders[(10_000, 50)], cold=True)  # what every run shares: word lists, rules
    print(
        "lint s: glossary already loaded (its matches of the last run forgotten); "
        "cold: loading it too.\nread+lint: read + cold lint, as a new process does it."
    )
    print(f"{'words':>10} {'terms':>6} {'findings':>9} {'read s':>7} {'lint s':>7} "
          f"{'cold s':>7} {'read+lint w/s':>14} {'lint-only w/s':>14} {'cold w/s':>10} "
          f"{'read share':>10}")  # fmt: skip
    timings: dict[tuple[int, int], Timing] = {}
    for (size, terms), folder in folders.items():
        timing = best_of(folder, count_words(folder), repeat if size <= 100_000 else 1)
        timings[(size, terms)] = timing
        print(f"{timing.words:>10,} {terms:>6,} {timing.findings:>9,} {timing.read:>7.3f} "
              f"{timing.lint:>7.3f} {timing.lint_cold:>7.3f} "
              f"{rate(timing.words, timing.total):>14} {rate(timing.words, timing.lint):>14} "
              f"{rate(timing.words, timing.lint_cold):>10} "
              f"{timing.read / timing.total:>10.0%}")  # fmt: skip
    print()
    proselint: dict[int, ProselintTime | None] = {}
    for size in sizes:
        folder = folders[(size, 500)]
        proselint[size] = measured = time_proselint(folder)
        if measured is None:
            print("proselint is not installed: pip install proselint to compare")
            break
        print(f"proselint on {count_words(folder):,} words: "
              f"{count_words(folder) / measured.seconds:,.0f} words/s")  # fmt: skip
    new_process = time_new_process(folders[(10_000, 500)], repeat)
    print(f"`easyread lint` on 10k words as a new process: {new_process:.2f} s (median)")
    rates = {
        size: count_words(folders[(size, 500)]) / t.seconds for size, t in proselint.items() if t
    }
    print_targets(timings, rates, new_process, sizes)
    return proselint


def tiny_report(root: Path) -> Path:
    """A report of one short point: what `easyread lint` costs before it reads any words."""
    folder = root / "tiny"
    folder.mkdir()
    (folder / "01-tiny.md").write_text("# Tiny\n\nWe met.\n", encoding="utf-8")
    return folder


def print_targets(
    timings: dict[tuple[int, int], Timing],
    proselint: dict[int, float],
    new_process: float,
    sizes: tuple[int, ...],
) -> None:
    rows: list[tuple[str, str, str, bool | None]] = []
    cell = timings[(100_000, 500)]
    lint_only, lint_cold = cell.words / cell.lint, cell.words / cell.lint_cold
    rows.append(("lint only, 100k words, 500 terms", ">= 650,000 w/s",
                 f"{lint_only:,.0f} w/s", lint_only >= 650_000))  # fmt: skip
    rows.append(("  the same, loading the glossary too", "(for information)",
                 f"{lint_cold:,.0f} w/s", None))  # fmt: skip
    for size, theirs in list(proselint.items())[:2]:
        ours = timings[(size, 500)].words / timings[(size, 500)].total
        rows.append((f"read+lint vs proselint, {size // 1000}k words", ">= 10x",
                     f"{ours / theirs:.1f}x ({ours:,.0f} w/s)", ours / theirs >= 10))  # fmt: skip
    if 1_000_000 in sizes:
        small, big = timings[(100_000, 500)], timings[(1_000_000, 500)]
        per_word = (big.total / big.words) / (small.total / small.words)
        rows.append(("1M words: cost per word vs 100k (read+lint)", "<= 1.1x",
                     f"{per_word:.2f}x", per_word <= 1.1))  # fmt: skip
        lint_per_word = (big.lint_cold / big.words) / (small.lint_cold / small.words)
        rows.append(("1M words: cost per word vs 100k (lint only)", "(for information)",
                     f"{lint_per_word:.2f}x", None))  # fmt: skip
    for size in sizes:
        few, many = timings[(size, 50)], timings[(size, 5_000)]
        ratio = many.total / few.total
        wanted = "< 1.5x" if size == 1_000_000 else "(target is at 1M)"
        met = ratio < 1.5 if size == 1_000_000 else None
        rows.append((f"5,000 vs 50 terms at {size // 1000:,}k words (read+lint)", wanted,
                     f"{ratio:.2f}x", met))  # fmt: skip
    rows.append(("`easyread lint` 10k words, new process", "< 1 s",
                 f"{new_process:.2f} s", new_process < 1))  # fmt: skip
    print_table("Targets (issue 3, point 12)", rows)


def print_whole_process_targets(
    words: dict[int, int],
    processes: dict[int, ProcessRuns],
    proselint: dict[int, ProselintTime | None],
    start_up: ProcessRun,
) -> None:
    """The three targets of issue 9, part 4, for `easyread lint --format json` as a process.

    Speeds are words per second of processor time (user + system), for easyread's child
    process and for proselint in this one: on a machine that others share, wall-clock time
    also counts the time spent waiting for a core. Wall-clock figures are printed too."""
    print()
    print(f"`easyread lint` on a one-sentence report (start-up): {start_up.cpu:.2f} s processor "
          f"time, {start_up.seconds:.2f} s wall, peak {start_up.peak_mb:.0f} MB")  # fmt: skip
    for size, runs in processes.items():
        for name, run in (("files new", runs.new), ("first run with the cache", runs.writing),
                          ("files unchanged, models from the cache", runs.unchanged)):  # fmt: skip
            print(f"`easyread lint --format json`, {words[size]:,} words, {name}: "
                  f"{run.cpu:.2f} s processor time ({words[size] / run.cpu:,.0f} words/s), "
                  f"{run.seconds:.2f} s wall, peak {run.peak_mb:.0f} MB")  # fmt: skip
    for size, theirs in proselint.items():
        if theirs is not None and size in processes:
            print(f"proselint on {words[size]:,} words: {theirs.cpu:.2f} s processor time "
                  f"({words[size] / theirs.cpu:,.0f} words/s), {theirs.seconds:.2f} s wall "
                  f"({words[size] / theirs.seconds:,.0f} words/s)")  # fmt: skip
    big = 1_000_000
    if big not in processes:
        print("(the targets of issue 9 are at 1M words: run without --quick)")
        return
    rows: list[tuple[str, str, str, bool | None]] = []
    runs = processes[big]
    theirs = proselint.get(big)
    if theirs is not None:
        prose_rate = words[big] / theirs.cpu
        for name, run, judged in (
            ("1M words, whole process vs proselint, files new", runs.new, True),
            ("  the same, files unchanged (models from the cache)", runs.unchanged, True),
            ("  the same, first run, filling the cache", runs.writing, False),
        ):
            ours = words[big] / run.cpu
            ratio = ours / prose_rate
            rows.append((name, ">= 10x" if judged else "(for information)",
                         f"{ratio:.1f}x ({ours:,.0f} vs {prose_rate:,.0f} w/s)",
                         ratio >= 10 if judged else None))  # fmt: skip
        wall = (words[big] / runs.new.seconds) / (words[big] / theirs.seconds)
        rows.append(("  files new, wall clock", "(for information)", f"{wall:.1f}x", None))
    else:
        rows.append(("1M words, whole process vs proselint", ">= 10x",
                     "proselint not installed", False))  # fmt: skip
    peak = max(runs.new.peak_mb, runs.writing.peak_mb, runs.unchanged.peak_mb)
    rows.append(("1M words, peak memory of the process (any run)", "<= 200 MB",
                 f"{peak:.0f} MB", peak <= 200))  # fmt: skip
    small = processes[100_000]
    # The start-up is the same for any size and flatters the smaller run: the target is on
    # the cost per word without it.
    for name, big_run, small_run in (
        ("1M vs 100k, cost per word (start-up taken off)", runs.new, small.new),
        ("  the same, files unchanged", runs.unchanged, small.unchanged),
    ):
        per_word = ((big_run.cpu - start_up.cpu) / words[big]) / (
            (small_run.cpu - start_up.cpu) / words[100_000]
        )
        rows.append((name, "<= 1.1x", f"{per_word:.2f}x", per_word <= 1.1))
    whole = (runs.new.cpu / words[big]) / (small.new.cpu / words[100_000])
    rows.append(("  files new, start-up left in", "(for information)", f"{whole:.2f}x", None))
    print_table("Targets (issue 9, part 4: reading as fast as linting)", rows)


def print_table(title: str, rows: list[tuple[str, str, str, bool | None]]) -> None:
    print(f"\n{title}")
    width = max(len(row[0]) for row in rows)
    print(f"{'target':<{width}}  {'wanted':<18} {'measured':<36} result")
    for name, wanted, measured, met in rows:
        result = "-" if met is None else ("met" if met else "NOT MET")
        print(f"{name:<{width}}  {wanted:<18} {measured:<36} {result}")


if __name__ == "__main__":
    main()
