"""Time `easyread build` on a generated report of about 40 pages and print the figures.

    python benchmarks/bench_build.py [--copies 2] [--runs 3]

The report is the sample's sections repeated, with every picture made distinct (a coloured
frame per copy) so that picture work is real. It prints:
- the time of each stage of one build (parse, check, pictures, HTML, PDF, DOCX, score);
- a rebuild with unchanged pictures (it must prepare 0 pictures);
- `easyread build --format pdf` as a new process against a bare WeasyPrint render of the same
  HTML (the target: everything beyond WeasyPrint's own work is under 15% of the build);
- PDF and DOCX side by side in two processes against one after the other;
- the page check (the build reading its own PDF back) against the build it is part of (the
  target: at most 15% of a build's time).
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

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"
FRAME_COLOURS = ["#1b4f72", "#7b241c", "#145a32", "#6c3483", "#7e5109", "#0e6655"]


def make_report(folder: Path, copies: int) -> Path:
    """The sample's sections `copies` times, each copy with its own framed pictures."""
    report = folder / "generated-report"
    pictures = report / "pictures"
    pictures.mkdir(parents=True)
    shutil.copy(SAMPLE / "easyread.toml", report / "easyread.toml")
    shutil.copy(SAMPLE / "pictures" / "cover.png", pictures / "cover.png")
    sections = sorted(SAMPLE.glob("*.md"))
    for copy in range(copies):
        colour = FRAME_COLOURS[copy % len(FRAME_COLOURS)]
        for picture in (SAMPLE / "pictures").glob("*.png"):
            with Image.open(picture) as image:
                framed = ImageOps.expand(image.convert("RGB"), border=12 + copy, fill=colour)
                framed.save(pictures / f"c{copy}-{picture.name}")
        for number, section in enumerate(sections, start=1):
            text = section.read_text(encoding="utf-8").replace(
                "](pictures/", f"](pictures/c{copy}-"
            )
            (report / f"{copy:02d}-{number:02d}-{section.name}").write_text(text, encoding="utf-8")
    return report


def stage_timings(report: Path, out: Path) -> dict[str, float]:
    from easyread.build import build

    result = build(report, out_dir=out, formats=["pdf", "docx", "html"], parallel=False)
    figures = dict(result.timings)
    figures["pages"] = next(o.pages for o in result.outputs if o.format == "pdf") or 0
    figures["pictures prepared"] = result.pictures_processed
    return figures


def rebuild(report: Path, out: Path) -> tuple[float, int]:
    from easyread.build import build

    start = time.perf_counter()
    result = build(report, out_dir=out, formats=["pdf", "docx", "html"])
    return time.perf_counter() - start, result.pictures_processed


def command_build_pdf(report: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "easyread", "build", str(report), "--format", "pdf"]
        + ["--out", str(out), "-q", *extra],
        check=True,
    )
    return time.perf_counter() - start


BARE = """
import sys
from weasyprint import HTML
HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3], pdf_variant="pdf/ua-1")
"""


def bare_weasyprint(report: Path, out: Path) -> float:
    """WeasyPrint alone, as a new process, on the exact HTML the build renders."""
    from easyread.edition.assemble import edition_for_build
    from easyread.glossary import load_glossary
    from easyread.reader import read_report
    from easyread.resources import templates_dir
    from easyread.writers.html import PICTURE_URL, render_html

    model = read_report(report)
    edition = edition_for_build(model, load_glossary(model.config), out / ".cache" / "pictures")
    html = render_html(edition, for_print=True)
    # The print page names its pictures easyread:pictures/<file>; give WeasyPrint plain paths.
    cache = (out / ".cache" / "pictures").resolve().as_uri() + "/"
    page = out / "bare.html"
    page.write_text(html.replace(PICTURE_URL, cache), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            BARE,
            str(page),
            templates_dir().as_uri() + "/",
            str(out / "bare.pdf"),
        ],
        check=True,
    )
    return time.perf_counter() - start


def side_by_side(report: Path, out: Path, parallel: bool) -> float:
    from easyread.build import build

    start = time.perf_counter()
    build(report, out_dir=out, formats=["pdf", "docx"], parallel=parallel, run_checks=False)
    return time.perf_counter() - start


def page_check_cost(report: Path, out: Path, runs: int) -> dict[str, float]:
    """The page check alone on the built PDF, and whole builds that include it, in processor
    seconds of this process (wall-clock seconds swing with the machine's load) and in wall
    seconds. The builds run in this process (`parallel=False`), so both clocks see all work.
    The check's cost is reading the PDF back plus recording, during the layout, the pages each
    point is on (`points_on_pages`, which the build does inside the PDF writer)."""
    from easyread.build import build
    from easyread.writers.pagecheck import check_pdf

    figures: dict[str, list[float]] = {}
    for label, formats in (("pdf", ["pdf"]), ("all", ["pdf", "docx", "html"])):
        for _ in range(runs):
            cpu, wall = time.process_time(), time.perf_counter()
            result = build(report, out_dir=out, formats=formats, parallel=False)
            figures.setdefault(f"{label} cpu", []).append(time.process_time() - cpu)
            figures.setdefault(f"{label} wall", []).append(time.perf_counter() - wall)
    pdf = next(output.path for output in result.outputs if output.format == "pdf")
    points = record_points(report, out, figures, max(runs, 5))
    for _ in range(max(runs, 5)):
        cpu, wall = time.process_time(), time.perf_counter()
        check_pdf(pdf, points)
        figures.setdefault("read cpu", []).append(time.process_time() - cpu)
        figures.setdefault("read wall", []).append(time.perf_counter() - wall)
    costs = {name: median(values) for name, values in figures.items()}
    for clock in ("cpu", "wall"):
        costs[f"check {clock}"] = costs[f"read {clock}"] + costs[f"record {clock}"]
    return costs


def record_points(report: Path, out: Path, figures: dict[str, list[float]], runs: int) -> list:
    """Lay the print page out once and time `points_on_pages` on it `runs` times."""
    from weasyprint import HTML

    from easyread.edition.assemble import edition_for_build
    from easyread.glossary import load_glossary
    from easyread.reader import read_report
    from easyread.resources import templates_dir
    from easyread.writers.html import render_html
    from easyread.writers.render import points_on_pages, sandbox_fetcher

    model = read_report(report)
    edition = edition_for_build(model, load_glossary(model.config), out / ".cache" / "pictures")
    page = HTML(
        string=render_html(edition, for_print=True),
        base_url=templates_dir().as_uri(),
        url_fetcher=sandbox_fetcher(edition),
    )
    document = page.render(presentational_hints=True, pdf_variant="pdf/ua-1")
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        points = points_on_pages(document)
        figures.setdefault("record cpu", []).append(time.process_time() - cpu)
        figures.setdefault("record wall", []).append(time.perf_counter() - wall)
    return points


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="how many times to repeat the sample")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median is shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report = make_report(Path(folder), args.copies)
        out = Path(folder) / "out"
        figures = stage_timings(report, out)
        print(
            f"Generated report: {figures.pop('pages'):.0f} PDF pages, "
            f"{figures.pop('pictures prepared'):.0f} distinct pictures prepared (cold cache)"
        )
        print("Stages of one build (seconds, one process, one after the other):")
        for name, seconds in figures.items():
            print(f"  {name:<10} {seconds:6.2f}")
        seconds, prepared = rebuild(report, out)
        print(f"Rebuild with unchanged pictures: {seconds:.2f} s, {prepared} pictures prepared")
        bare = median([bare_weasyprint(report, out) for _ in range(args.runs)])
        print(f"Bare WeasyPrint, new process, same HTML: {bare:.2f} s")
        for label, extra in (("checks on", ()), ("--no-checks", ("--no-checks",))):
            command = median([command_build_pdf(report, out, *extra) for _ in range(args.runs)])
            print(
                f"`easyread build --format pdf` ({label}), new process: {command:.2f} s, "
                f"ratio {command / bare:.2f}, beyond WeasyPrint {(command - bare) / command:.0%}"
            )
        together = median([side_by_side(report, out, True) for _ in range(args.runs)])
        apart = median([side_by_side(report, out, False) for _ in range(args.runs)])
        print(
            f"PDF + DOCX side by side: {together:.2f} s; one after the other: {apart:.2f} s "
            f"(saves {apart - together:.2f} s on {os.cpu_count()} cores)"
        )
        cost = page_check_cost(report, out, args.runs)
        for clock in ("cpu", "wall"):
            check = cost[f"check {clock}"]
            print(
                f"Page check ({clock}): {check:.2f} s (reading the PDF "
                f"{cost[f'read {clock}']:.2f} s, points' pages from the layout "
                f"{cost[f'record {clock}']:.3f} s), adding "
                f"{check / (cost[f'pdf {clock}'] - check):.0%} to a PDF-only build "
                f"({cost[f'pdf {clock}']:.2f} s with it) and "
                f"{check / (cost[f'all {clock}'] - check):.0%} to a build of every output "
                f"({cost[f'all {clock}']:.2f} s with it)"
            )


if __name__ == "__main__":
    main()
