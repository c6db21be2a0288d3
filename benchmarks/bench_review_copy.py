"""The review copy of a report: its pages, points a page, notes box sizes and the time it takes.

Usage: python benchmarks/bench_review_copy.py [REPORT] [--font-size 18]

Makes the review PDF (laid out twice: see easyread/review/page_fill.py) and reads it back with
pypdf: the pages, how many numbered points each page holds, and the height of every notes box
(its form field's rectangle, the space to write in) against 34 mm, 4 handwritten lines.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from easyread.review.copies import make_copies  # noqa: E402
from easyread.review.page_fill import WRITING_MM  # noqa: E402

PT_PER_MM = 72 / 25.4


def notes_by_page(path: Path) -> dict[int, list[tuple[str, float]]]:
    """{page: [(notes field, height in mm)]}, the whole-document page left out."""
    pages: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for number, page in enumerate(PdfReader(path).pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            name = str(annotation.get("/T", ""))
            if name.endswith("-notes") and not name.startswith("document"):
                _, y1, _, y2 = (float(value) for value in annotation["/Rect"])
                pages[number].append((name, abs(y2 - y1) / PT_PER_MM))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("report", nargs="?", default=str(ROOT / "samples" / "leder-annual-report"))
    parser.add_argument("--font-size", type=float, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started, processor = time.perf_counter(), time.process_time()
        made = make_copies(args.report, out_dir=folder, formats=["pdf"], font_size=args.font_size)
        seconds = time.perf_counter() - started
        processor = time.process_time() - processor
        copy = made.copies["pdf"]
        pages = notes_by_page(copy.path)
    heights = [height for boxes in pages.values() for _, height in boxes]
    per_page = Counter(len(boxes) for boxes in pages.values())
    added = sum(1 for boxes in pages.values() for name, _ in boxes if not name.startswith("p"))
    print(f"report: {args.report}")
    print(f"pages: {copy.pages}, numbered points: {len(heights)} ({added} on the added pages)")
    print("points a page: " + ", ".join(f"{n}: {per_page[n]} pages" for n in sorted(per_page)))
    print(
        f"notes boxes (mm to write in): min {min(heights):.1f}, median "
        f"{statistics.median(heights):.1f}, max {max(heights):.1f}; "
        f"{sum(1 for h in heights if h >= WRITING_MM - 0.5)} of {len(heights)} at least "
        f"{WRITING_MM:g} mm (4 lines)"
    )
    last = [max(boxes, key=lambda box: box[1])[1] for boxes in pages.values()]
    print(
        f"largest notes box on each page: min {min(last):.1f} mm, "
        f"median {statistics.median(last):.1f} mm"
    )
    print(f"time to make the copy (2 layouts): {seconds:.1f} s, processor {processor:.1f} s")


if __name__ == "__main__":
    main()
