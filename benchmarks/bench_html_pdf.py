"""Time the HTML and PDF writers on a report (the sample by default) and print the figures.

    python benchmarks/bench_html_pdf.py [REPORT_DIR] [--runs 3]

Prints the median of each step: the screen page, the print HTML, WeasyPrint's layout, WeasyPrint's
PDF writing, easyread's footer post-processing, and the whole PDF writer; then the same PDF step
with WeasyPrint's own PNG handling (every picture decoded and compressed again), for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from weasyprint import HTML

from easyread.edition import make_edition
from easyread.reader import read_report
from easyread.resources import templates_dir
from easyread.writers import html as html_writer
from easyread.writers import pdf as pdf_writer
from easyread.writers import render

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "leder-annual-report"


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        edition = make_edition(read_report(args.report), out / "cache")
        figures: dict[str, list[float]] = {}

        def note(name: str, seconds: float) -> None:
            figures.setdefault(name, []).append(seconds)

        for _ in range(args.runs):
            note("html page", timed(lambda: html_writer.write(edition, out / "r.html"))[1])
            page, seconds = timed(lambda: html_writer.render_html(edition, for_print=True))
            note("print html", seconds)
            fetcher = render.sandbox_fetcher(edition)
            source = HTML(string=page, base_url=templates_dir().as_uri(), url_fetcher=fetcher)
            document, seconds = timed(partial(source.render, presentational_hints=True))
            note("weasyprint layout", seconds)
            with render.pngs_passed_as_they_are():
                pdf, seconds = timed(
                    partial(document.write_pdf, pdf_variant="pdf/ua-1", pdf_identifier=True)
                )
            note("weasyprint pdf", seconds)
            note("footers", timed(partial(render.mark_running_footers_as_artifacts, pdf))[1])
            pages, seconds = timed(lambda: pdf_writer.write(edition, out / "r.pdf"))
            note("pdf writer (all)", seconds)
        for _ in range(args.runs):
            page = html_writer.render_html(edition, for_print=True)
            reencoded = partial(
                render.render_pdf,
                page,
                render.sandbox_fetcher(edition),
                base_url=templates_dir().as_uri(),
                presentational_hints=True,
                identifier=True,
                pngs_as_they_are=False,
            )
            note("pdf writer, png re-encoded", timed(reencoded)[1])
        print(f"report: {args.report}  pages: {pages}")
        sizes = {name: (out / name).stat().st_size / 1e6 for name in ("r.pdf", "r.html")}
        print(f"pdf: {sizes['r.pdf']:.2f} MB  html: {sizes['r.html']:.2f} MB")
        for name, values in figures.items():
            print(f"{name:28} {statistics.median(values):6.3f} s")


if __name__ == "__main__":
    main()
