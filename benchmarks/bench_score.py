"""How fast `easyread score` is. Prints figures; not a test.

    .venv/bin/python benchmarks/bench_score.py [--quick]

1. Words per second scoring the sample report (model already read), and reading + scoring.
2. The same for a generated report of 1 million words (100 sections).
3. Wall time of `easyread score` on a generated 10,000-word report as a new process, start-up
   included (target: under 1 second), with a warm and with a cold syllable cache.
4. A check that each formula is worked out once per sentence, point, section and report.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from easyread.reader import read_report  # noqa: E402
from easyread.score import scorer  # noqa: E402
from easyread.score.scorer import score_report  # noqa: E402

SAMPLE = ROOT / "samples" / "leder-annual-report"
RARE_WORDS = [
    "rehabilitation", "notwithstanding", "commissioning", "multidisciplinary", "safeguarding",
    "reasonable", "adjustments", "pneumonia", "dysphagia", "epilepsy", "constipation",
    "aspiration", "cardiopulmonary", "resuscitation", "governance", "stakeholder",
]  # fmt: skip


def sample_sentences() -> list[str]:
    report = read_report(SAMPLE, check_pictures=False)
    return [sentence.text for _, point in report.points() for sentence in point.sentences]


def generate_report(folder: Path, words: int, sections: int, seed: int = 1) -> int:
    """Sections of points made from the sample's sentences, with some rarer words mixed in."""
    rng = random.Random(seed)
    sentences = sample_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "easyread.toml").write_text('title = "Generated report"\n', encoding="utf-8")
    per_section = words // sections
    total = 0
    for number in range(1, sections + 1):
        lines = [f"# Generated section {number}", ""]
        count = 0
        while count < per_section:
            point = []
            for _ in range(rng.randint(1, 3)):
                text = rng.choice(sentences)
                if rng.random() < 0.2:
                    text = f"{text[:-1]} with {rng.choice(RARE_WORDS)}{number % 97}."
                point.append(text)
                count += len(text.split())
            lines += [" ".join(point), ""]
        total += count
        (folder / f"{number:03d}-section.md").write_text("\n".join(lines), encoding="utf-8")
    return total


def words_per_second(folder: Path, repeats: int) -> tuple[int, float, float]:
    started = time.perf_counter()
    report = read_report(folder, check_pictures=False)
    read_time = time.perf_counter() - started
    timings = []
    words = 0
    for _ in range(repeats):
        started = time.perf_counter()
        score = score_report(report)
        timings.append(time.perf_counter() - started)
        words = score.counts.words + score.heading_counts.words + score.alt_text_counts.words
    best = min(timings)
    return words, words / best, words / (best + read_time)


def formula_calls(folder: Path) -> tuple[int, int]:
    """(times a formula set was worked out, sentences + points + sections + report)."""
    calls = 0
    original = scorer.measures

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    scorer.measures = counting
    try:
        score = score_report(read_report(folder, check_pictures=False))
    finally:
        scorer.measures = original
    points = [point for section in score.sections for point in section.points]
    expected = len(score.sentences()) + len(points) + len(score.sections) + 1
    return calls, expected


def command_time(folder: Path, runs: int, cache: Path | None) -> float:
    env = dict(os.environ)
    if cache is not None:
        env["EASYREAD_CACHE_DIR"] = str(cache)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "easyread", "score", str(folder), "--format", "json"],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 words instead of 1 million")
    args = parser.parse_args()
    big_words = 100_000 if args.quick else 1_000_000

    words, score_rate, total_rate = words_per_second(SAMPLE, repeats=20)
    print(f"sample report: {words:,} words")
    print(f"  scoring:           {score_rate:12,.0f} words/s")
    print(f"  reading + scoring: {total_rate:12,.0f} words/s")

    with tempfile.TemporaryDirectory() as temporary:
        big = Path(temporary) / "big"
        generate_report(big, big_words, sections=100)
        words, score_rate, total_rate = words_per_second(big, repeats=2)
        print(f"generated report: {words:,} words")
        print(f"  scoring:           {score_rate:12,.0f} words/s")
        print(f"  reading + scoring: {total_rate:12,.0f} words/s")

        small = Path(temporary) / "small"
        words = generate_report(small, 10_000, sections=10)
        calls, expected = formula_calls(small)
        print(f"formula sets worked out: {calls:,} for {expected:,} texts (no text twice)")
        command_time(small, 1, None)  # warm the syllable cache
        warm = command_time(small, 5, None)
        cold = command_time(small, 1, Path(temporary) / "empty-cache")
        print(f"`easyread score` on {words:,} words, new process (median of 5): {warm:.2f} s")
        print(f"  the same with an empty syllable cache (first run ever): {cold:.2f} s")


if __name__ == "__main__":
    main()
