"""A review copy a group can use in one meeting (issue 14 part 6): several points a page, never
a point split over two pages, and the notes box of the last point on each page reaching down
to the bottom of the page, read back from the PDF's own form fields with pypdf."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader

from easyread.reader import read_report
from easyread.review.page_fill import WRITING_MM
from easyread.review.review_copy import PAGE_MARGINS, write_review_pdf

FIXTURE = Path(__file__).parent / "data" / "review-report"
pytestmark = pytest.mark.slow  # each module makes a review copy (two layouts): about 5 s
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layout") / "report"
    shutil.copytree(FIXTURE, root)
    out = root.parent / "out"
    return write_review_pdf(read_report(root), out / "copy.pdf", cache_dir=out / ".cache").path


def fields_by_page(path: Path) -> dict[int, dict[str, tuple[float, float, float, float]]]:
    """{page: {field name: (x1, y1, x2, y2) in points}}, from the PDF's widgets."""
    pages: dict[int, dict[str, tuple[float, float, float, float]]] = defaultdict(dict)
    for number, page in enumerate(PdfReader(path).pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            x1, y1, x2, y2 = (float(value) for value in annotation["/Rect"])
            rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            pages[number][str(annotation["/T"])] = rect
    return pages


def point_stems(fields: dict[str, tuple[float, float, float, float]]) -> set[str]:
    return {name.split("-")[0] for name in fields if name.startswith("p")}


def test_points_share_pages_and_are_never_split(copy: Path) -> None:
    pages = fields_by_page(copy)
    where: dict[str, set[int]] = defaultdict(set)
    for page, fields in pages.items():
        for name in fields:
            where[name.split("-")[0]].add(page)
    assert all(len(found) == 1 for found in where.values()), where  # every field of a point
    counts = [len(point_stems(fields)) for fields in pages.values() if point_stems(fields)]
    assert max(counts) >= 2 and max(counts) <= 4  # 7 points: several a page, not 1 each
    assert len(counts) <= 3


def test_the_last_notes_box_on_each_page_reaches_the_bottom(copy: Path) -> None:
    bottom_margin_pt = PAGE_MARGINS[2] * PT_PER_MM
    heights = []
    for page, fields in fields_by_page(copy).items():
        notes = {name: rect for name, rect in fields.items() if name.endswith("-notes")}
        if not notes:
            continue
        lowest = min(notes.values(), key=lambda rect: rect[1])
        gap_mm = (lowest[1] - bottom_margin_pt) / PT_PER_MM
        # border, padding and the point's bottom margin and rule, and the 1.5 mm kept free
        assert 0 <= gap_mm <= 8, (page, gap_mm)
        sizes = [(rect[3] - rect[1]) / PT_PER_MM for rect in notes.values()]
        assert (lowest[3] - lowest[1]) / PT_PER_MM >= min(sizes)  # the last one never shrinks
        others = zip(notes.values(), sizes, strict=True)
        heights += [size for rect, size in others if rect != lowest]
    # space left on a page first brings the other notes boxes up to 4 written lines
    assert any(abs(height - WRITING_MM) < 0.5 for height in heights)


def test_a_second_layout_that_moves_a_point_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import easyread.review.review_copy as review_copy

    def far_too_tall(document: object) -> dict[str, float]:
        return {"p1_1-notes": 250.0}  # pushes point 1.2 and the rest onto later pages

    monkeypatch.setattr(review_copy, "space_left_by_field", far_too_tall)
    root = tmp_path / "report"
    shutil.copytree(FIXTURE, root)
    made = write_review_pdf(read_report(root), tmp_path / "copy.pdf", cache_dir=tmp_path / "c")
    notes = fields_by_page(made.path)
    page, rect = next((page, f["p1_1-notes"]) for page, f in notes.items() if "p1_1-notes" in f)
    assert (rect[3] - rect[1]) / PT_PER_MM < 60  # the first layout, as it was
    assert "p1_2-notes" in notes[page]


def test_tick_boxes_and_notes_boxes_keep_their_size(copy: Path) -> None:
    """Packing more points a page must not shrink what the group marks: every tick box is at
    least 9 mm inside its border and every notes box has at least 19 mm (2 written lines)."""
    ticks, notes = [], []
    for fields in fields_by_page(copy).values():
        for name, (x1, y1, x2, y2) in fields.items():
            width, height = (x2 - x1) / PT_PER_MM, (y2 - y1) / PT_PER_MM
            if name.endswith("-notes"):
                notes.append(height)
            elif name.endswith(("-understand", "-change-picture")):
                ticks.append(min(width, height))
    assert len(ticks) == 3 * len(notes) and notes
    assert min(ticks) >= 9 - 0.05, min(ticks)
    assert min(notes) >= 19 - 0.05, min(notes)
