"""Picture suggestions: how often the author's picture is in the top 3, and search speed.

Run: python benchmarks/bench_pictures.py [--part tuning|held-aside|all]

Accuracy: the sample report is copied to a temporary folder with every picture taken out of
its Markdown, and `suggest` is asked for every point. A point is a hit when the picture its
author chose (the [chosen] table: the sample as it was when the list was written), or one
that benchmarks/data/picture_equivalents.toml lists as equal (that list was written and
committed before suggest was first run), is among the top 3. A skin-tone variant counts as
its base pictogram. The keyword and synonym data were tuned on sections
1-8; sections 9-16 are held aside and given on their own.

Speed: the library is loaded once (its load time is shown), then searched in the warm process
with every point's text of the sample and with each single word of the 16 Easy Read topics;
the figures are the median, 95th percentile and slowest search over all pictograms.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

from easyread.pictograms.library import load_library
from easyread.pictograms.suggest import suggest_for_report
from easyread.reader.report import read_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"
EQUIVALENTS = Path(__file__).resolve().parent / "data" / "picture_equivalents.toml"
_PICTURE = re.compile(r"!\[[^\]]*\]\([^)]*\)\s*")


def report_without_pictures(folder: Path) -> Path:
    copy = folder / "report"
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("out", ".easyread-cache"))
    for path in copy.glob("*.md"):
        path.write_text(_PICTURE.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def measure_accuracy(part: str) -> list[str]:
    with EQUIVALENTS.open("rb") as stream:
        data = tomllib.load(stream)
    accepted: dict[str, list[str]] = data["accepted"]
    parts = {"tuning": data["split"]["tuning"], "held-aside": data["split"]["held-aside"]}
    chosen: dict[str, str] = data["chosen"]
    library = load_library()
    lines = []
    with tempfile.TemporaryDirectory() as temporary:
        report = read_report(report_without_pictures(Path(temporary)))
        suggestions = suggest_for_report(report, library)
    results: dict[str, list[bool]] = {"tuning": [], "held-aside": []}
    first: dict[str, list[bool]] = {"tuning": [], "held-aside": []}
    for suggestion in suggestions:
        file_name = suggestion.section.path.name
        picture = chosen[suggestion.point.number]
        good = set(accepted[picture])
        families = [match.pictogram.family for match in suggestion.matches]
        which = next(name for name, prefixes in parts.items() if file_name[:2] in prefixes)
        hit = any(family in good for family in families)
        results[which].append(hit)
        first[which].append(bool(families) and families[0] in good)
        if part in ("all", which):
            names = ", ".join(m.pictogram.name for m in suggestion.matches)
            mark = "hit " if hit else "MISS"
            lines.append(f"  {mark} {suggestion.point.number:>5} {picture:<26} {names}")
    for name in ("tuning", "held-aside"):
        if part not in ("all", name):
            continue
        hits, top1 = results[name], first[name]
        lines.append(
            f"{name}: top-3 {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.0%}, "
            f"top-1 {sum(top1)}/{len(top1)} = {sum(top1) / len(top1):.0%}"
        )
    if part == "all":
        every = results["tuning"] + results["held-aside"]
        lines.append(f"all points: top-3 {sum(every)}/{len(every)} = {sum(every) / len(every):.0%}")
    return lines


def measure_speed() -> list[str]:
    load_library.cache_clear()
    start = time.perf_counter()
    library = load_library()
    loaded = time.perf_counter() - start
    library.search("warm up the lemma tables", 3)
    queries = [point.text for _, point in read_report(SAMPLE).points()]
    for path in sorted((ROOT / "pictograms" / "keywords").glob("*.toml")):
        with path.open("rb") as stream:
            for words in tomllib.load(stream)["pictograms"].values():
                queries.extend(words)
    times = []
    for query in queries:
        start = time.perf_counter()
        library.search(query, 3)
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    report = read_report(SAMPLE)
    start = time.perf_counter()
    suggestions = suggest_for_report(report, library, every_point=True)
    whole = time.perf_counter() - start
    return [
        f"library: {len(library)} pictograms, loaded in {loaded * 1000:.0f} ms",
        f"search, warm process, {len(times)} queries: median {statistics.median(times) * 1000:.2f}"
        f" ms, 95th percentile {p95 * 1000:.2f} ms, slowest {times[-1] * 1000:.2f} ms"
        " (target: under 100 ms)",
        f"suggest for all {len(suggestions)} points of the sample, warm: {whole * 1000:.0f} ms",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("tuning", "held-aside", "all"), default="all")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    for line in measure_accuracy(args.part):
        print(line)
    if not args.no_speed:
        for line in measure_speed():
            print(line)


if __name__ == "__main__":
    main()
