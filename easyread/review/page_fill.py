"""Notes boxes that fill the page: the last point on each page of a review copy gets the space
left under it, so the group has somewhere to write at length and no page ends in a blank band.

CSS cannot say "grow to the bottom of this page" in paged media (a flex or grid container
does not know where the page ends), so the copy is laid out twice: WeasyPrint lays it out,
`space_left_by_field` measures, from the laid-out boxes, the free space under the last point of
each page, and the second layout gives that point's notes box a minimum height that takes it
up. Form fields are made from the second layout, so each field's rectangle is what is drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MM_PER_PX = 25.4 / 96  # WeasyPrint lays out in CSS pixels
SAFETY_MM = 1.5  # rounding in the second layout must never push a point onto the next page
WRITING_MM = 34.0  # room to write 4 lines of 8.5 mm (16pt text with 1.5 line spacing)
POINT_CLASS = "point"


def space_left_by_field(document: Any, least_mm: float = 3.0) -> dict[str, float]:
    """{notes field name: new minimum height in mm} for the pages with at least `least_mm`
    free under their last point (and nothing else below it). The free space first brings each
    notes box on the page up to WRITING_MM, in order, and the rest goes to the last one."""
    heights: dict[str, float] = {}
    for page in document.pages:
        found = _points_and_space(page._page_box)
        if found is None:
            continue
        notes, free_mm = found
        free_mm -= SAFETY_MM
        if free_mm < least_mm:
            continue
        for name, outer_mm, inner_mm in notes[:-1]:
            extra = min(max(WRITING_MM - inner_mm, 0.0), free_mm)
            if extra >= least_mm:
                heights[name] = round(outer_mm + extra, 1)
                free_mm -= extra
        name, outer_mm, _ = notes[-1]
        heights[name] = round(outer_mm + free_mm, 1)
    return heights


def notes_pages(document: Any) -> dict[str, int]:
    """{notes field name: its page}, to check that the second layout kept every point on
    the page the first layout gave it."""
    found = {}
    for number, page in enumerate(document.pages, start=1):
        for box in _flow_boxes(page._page_box):
            if getattr(box, "element_tag", "") == "textarea" and box.element is not None:
                found.setdefault(str(box.element.get("name") or ""), number)
    return found


def _points_and_space(
    page_box: Any,
) -> tuple[list[tuple[str, float, float]], float] | None:
    """The notes fields of the points on a page (name, height of the box with its border and
    of the space to write in, in mm) and the free space
    under the last point (mm); None when the page ends with something else than a point."""
    bottom = page_box.content_box_y() + page_box.height
    lowest, points = 0.0, []
    for box in _flow_boxes(page_box):
        if _is_point(box):
            points.append(box)
        elif not getattr(box, "children", None):  # what is drawn, not the boxes around it
            lowest = max(lowest, _bottom(box))
    if not points or _bottom(points[-1]) < lowest - 0.5:
        return None
    notes = [found for point in points if (found := _notes_box(point)) is not None]
    if not notes or _notes_box(points[-1]) is None:
        return None
    in_mm = [(name, outer * MM_PER_PX, inner * MM_PER_PX) for name, outer, inner in notes]
    return in_mm, (bottom - _bottom(points[-1])) * MM_PER_PX


def _flow_boxes(page_box: Any) -> Iterator[Any]:
    """The boxes of the page's content, leaving out the page margins (the footer)."""
    for child in page_box.children:
        if type(child).__name__ == "MarginBox":
            continue
        yield from _descendants(child)


def _descendants(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _descendants(child)


def _bottom(box: Any) -> float:
    return box.position_y + box.margin_height()


def _is_point(box: Any) -> bool:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", "") != "div":
        return False
    return POINT_CLASS in (element.get("class") or "").split()


def _notes_box(point: Any) -> tuple[str, float, float] | None:
    """The point's notes field: its name, its height with border and padding (what the CSS
    min-height sets: the box is sized border-box) and the height to write in."""
    for box in _descendants(point):
        element = getattr(box, "element", None)
        if getattr(box, "element_tag", "") == "textarea" and element is not None:
            return str(element.get("name") or ""), box.border_height(), box.height
    return None
