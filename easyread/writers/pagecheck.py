"""The build checks its own PDF: it reads the written file back and measures what a reader gets.

The file is read with pikepdf (its content-stream parser, structure tree and outline), never with
regular expressions over its bytes. Each page's drawing operators are followed with a small
graphics state (matrix, fill colour, fill opacity, marked content), which finds:

- the size of every piece of text, as printed (font size times the text and page matrices);
- the colour of every piece of text and of what lies under it (the last filled box drawn
  under it, or the white page), as a WCAG contrast ratio;
- every picture: where it is placed, and its printed resolution (pixels per inch at the size
  it is drawn);
- which text sits beside each picture (the text must start to the right of it, and its own
  point's text must be there: the structure tree says which point each piece belongs to).

The outline (bookmarks) gives the page each section starts on, so pages per section.

Which point is on which page is not in the PDF: WeasyPrint 70 tags each page's part of a point
as an element of its own, so a point that goes on to the next page and a new point at the top
of that page look the same in the file. The layout knows for certain: the PDF writer records
the pages each point's words and picture were laid out on (`PointPlacement`, from
writers/render.py) and passes them to the check, which reports every point on more than one
page, with its words at the end of the first page.

Following the operators costs about a twentieth of what a full text extraction (pdfplumber)
costs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
Colour = tuple[float, float, float]
Block = tuple[int, int, bool]  # a structure element's object number, generation, is a point
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
WHITE: Colour = (1.0, 1.0, 1.0)
BLACK: Colour = (0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class PageCheckSettings:
    """What the printed pages must meet. Each figure comes from the Easy Read rules.

    - `smallest_text_pt`: body text never smaller than 14 pt (16 pt is the usual size).
    - `lowest_contrast`: text against its background at least 4.5 to 1 (WCAG AA).
    - `aim_contrast`: 7 to 1 (WCAG AAA) is what easyread aims for; below it is a note only.
    - `lowest_picture_ppi`: a picture printed at less than 150 pixels per inch looks blurred on
      paper; `aim_picture_ppi`: 300 is print quality (easyread prepares pictures at 300 when the
      source file has enough pixels), below it is a note only.
    - `column_tolerance_pt`: how far text may reach into a picture's column before it counts as
      beside or over the picture (1 pt, rounding of positions).
    """

    smallest_text_pt: float = 14.0
    lowest_contrast: float = 4.5
    aim_contrast: float = 7.0
    lowest_picture_ppi: float = 150.0
    aim_picture_ppi: float = 300.0
    column_tolerance_pt: float = 1.0


@dataclass(frozen=True, slots=True)
class PointPlacement:
    """Where the layout put one point: each page it is on (1 is the first page), in order, and
    its words on each of those pages ("" where only its picture is there)."""

    pages: tuple[int, ...]
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SectionPages:
    title: str
    first_page: int
    pages: int


@dataclass(slots=True)
class PageCheck:
    """What the check found in one PDF. `problems` are what `--strict` fails on."""

    pages: int = 0
    sections: list[SectionPages] = field(default_factory=list)
    smallest_text_pt: float | None = None
    lowest_contrast: float | None = None
    pictures: int = 0
    pictures_beside_text: int = 0
    lowest_picture_ppi: float | None = None
    split_points: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "pages": self.pages,
            "sections": [
                {"title": s.title, "first_page": s.first_page, "pages": s.pages}
                for s in self.sections
            ],
            "smallest_text_pt": _rounded(self.smallest_text_pt, 1),
            "lowest_contrast": _rounded(self.lowest_contrast, 1),
            "pictures": self.pictures,
            "pictures_beside_text": self.pictures_beside_text,
            "lowest_picture_ppi": _rounded(self.lowest_picture_ppi, 0),
            "split_points": list(self.split_points),
            "problems": list(self.problems),
            "notes": list(self.notes),
        }

    def summary(self) -> str:
        """One line for the build summary."""
        parts = [f"Page check: {self.pages} pages"]
        if self.smallest_text_pt is not None:
            parts.append(f"smallest text {self.smallest_text_pt:.1f} pt")
        if self.lowest_contrast is not None:
            parts.append(f"lowest contrast {self.lowest_contrast:.1f} to 1")
        if self.pictures:
            parts.append(
                f"{self.pictures_beside_text} of {self.pictures} pictures on the left of their text"
            )
        if self.lowest_picture_ppi is not None:
            parts.append(f"sharpness at least {self.lowest_picture_ppi:.0f} pixels per inch")
        splits = len(self.split_points)
        parts.append(
            f"{counted(splits, 'point')} split across pages" if splits else "no point split"
        )
        return ", ".join(parts) + "."

    def sections_line(self) -> str:
        """'Pages per section: Summary 1, Medicines 2, ...' for the build summary."""
        shown = ", ".join(f"{section.title} {section.pages}" for section in self.sections)
        return f"Pages per section: {shown}." if shown else ""


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


# -- what one page draws --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlacedText:
    x: float
    y: float  # the baseline, in points from the bottom of the page
    size: float
    contrast: float
    block: Block | None  # the structure element of its point or paragraph
    artifact: bool


@dataclass(frozen=True, slots=True)
class PlacedPicture:
    x0: float
    x1: float
    bottom: float
    top: float
    ppi: float
    block: Block | None


@dataclass(slots=True)
class _State:
    matrix: Matrix = IDENTITY
    fill: Colour = BLACK
    opacity: float = 1.0


@dataclass(slots=True)
class PageDrawing:
    texts: list[PlacedText] = field(default_factory=list)
    pictures: list[PlacedPicture] = field(default_factory=list)


def multiply(first: Matrix, second: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _point(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _scale(matrix: Matrix) -> float:
    a, b, c, d, _, _ = matrix
    return math.sqrt(abs(a * d - b * c))


def luminance(colour: Colour) -> float:
    """WCAG relative luminance of an sRGB colour (components 0 to 1)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(min(max(channel, 0.0), 1.0)) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@lru_cache(maxsize=1024)
def contrast_ratio(text: Colour, background: Colour) -> float:
    lighter, darker = sorted((luminance(text), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _blend(colour: Colour, opacity: float, under: Colour) -> Colour:
    return tuple(opacity * c + (1 - opacity) * u for c, u in zip(colour, under, strict=True))  # type: ignore[return-value]


def _colour(operands: list[object], op: str) -> Colour | None:
    try:
        numbers = [float(value) for value in operands]  # pikepdf gives reals as Decimal
    except (TypeError, ValueError):
        return None  # a pattern or a named colour: not plain text colour
    if op == "g" and len(numbers) == 1:
        return (numbers[0],) * 3  # type: ignore[return-value]
    if op in ("rg", "sc", "scn") and len(numbers) == 3:
        return (numbers[0], numbers[1], numbers[2])
    if op in ("sc", "scn") and len(numbers) == 1:
        return (numbers[0],) * 3  # type: ignore[return-value]
    if op == "k" and len(numbers) == 4:
        cyan, magenta, yellow, black = numbers
        return tuple((1 - min(1.0, ink + black)) for ink in (cyan, magenta, yellow))  # type: ignore[return-value]
    return None


class _PageReader:
    """Follows one page's drawing operators (and those of the forms it draws)."""

    def __init__(self, page: pikepdf.Page, marks: dict[int, Block | None]) -> None:
        self.page = page
        self.marks = marks  # MCID -> the block (point or paragraph) it belongs to
        self.drawing = PageDrawing()
        self.boxes: list[tuple[float, float, float, float, Colour]] = []
        self.pending: list[tuple[float, float, float, float]] = []

    def read(self) -> PageDrawing:
        self._run(self.page.obj, _State(), [])
        return self.drawing

    def _run(self, holder: pikepdf.Object, state: _State, marked: list[int | str | None]) -> None:
        resources = holder.get("/Resources", {})
        stack: list[_State] = []
        text_matrix, line_matrix, font_size, leading = IDENTITY, IDENTITY, 0.0, 0.0
        for operands, operator in pikepdf.parse_content_stream(holder):
            op = str(operator)
            if op == "q":
                stack.append(_State(state.matrix, state.fill, state.opacity))
            elif op == "Q" and stack:
                state = stack.pop()
            elif op == "cm":
                state.matrix = multiply(tuple(map(float, operands)), state.matrix)  # type: ignore[arg-type]
            elif op in ("rg", "g", "k", "sc", "scn"):
                state.fill = _colour(list(operands), op) or state.fill
            elif op == "gs":
                state.opacity = self._fill_opacity(resources, operands[0], state.opacity)
            elif op == "re":
                x, y, width, height = map(float, operands)
                self.pending.append(self._box(state.matrix, x, y, width, height))
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
                colour = _blend(state.fill, state.opacity, self._background(*self._centre()))
                self.boxes.extend((*box, colour) for box in self.pending)
                self.pending.clear()
            elif op in ("n", "S", "s"):
                self.pending.clear()
            elif op == "BT":
                text_matrix = line_matrix = IDENTITY
            elif op == "Tf":
                font_size = float(operands[1])
            elif op == "TL":
                leading = float(operands[0])
            elif op == "Tm":
                text_matrix = line_matrix = tuple(map(float, operands))  # type: ignore[assignment]
            elif op in ("Td", "TD"):
                tx, ty = map(float, operands)
                if op == "TD":
                    leading = -ty
                line_matrix = text_matrix = multiply((1, 0, 0, 1, tx, ty), line_matrix)
            elif op in ("T*", "'", '"'):
                line_matrix = text_matrix = multiply((1, 0, 0, 1, 0, -leading), line_matrix)
                if op != "T*":
                    self._text(text_matrix, font_size, state, marked)
            elif op in ("Tj", "TJ"):
                self._text(text_matrix, font_size, state, marked)
            elif op in ("BDC", "BMC"):
                marked.append(self._mark(operands))
            elif op == "EMC" and marked:
                marked.pop()
            elif op == "Do":
                self._draw_object(resources, operands[0], state, marked)

    def _mark(self, operands: list[object]) -> int | str | None:
        if str(operands[0]) == "/Artifact":
            return "artifact"
        properties = operands[1] if len(operands) > 1 else None
        if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
            return int(properties["/MCID"])
        return None

    @staticmethod
    def _fill_opacity(resources: pikepdf.Object, name: object, current: float) -> float:
        states = resources.get("/ExtGState", {})
        state = states.get(str(name)) if isinstance(states, pikepdf.Dictionary) else None
        if isinstance(state, pikepdf.Dictionary) and "/ca" in state:
            return float(state["/ca"])
        return current

    @staticmethod
    def _box(matrix: Matrix, x: float, y: float, w: float, h: float) -> tuple[float, ...]:
        corners = [_point(matrix, px, py) for px, py in ((x, y), (x + w, y), (x, y + h))]
        corners.append(_point(matrix, x + w, y + h))
        xs, ys = [cx for cx, _ in corners], [cy for _, cy in corners]
        return (min(xs), min(ys), max(xs), max(ys))

    def _centre(self) -> tuple[float, float]:
        if not self.pending:
            return (0.0, 0.0)
        x0, y0, x1, y1 = self.pending[-1]
        return ((x0 + x1) / 2, (y0 + y1) / 2)

    def _background(self, x: float, y: float) -> Colour:
        for x0, y0, x1, y1, colour in reversed(self.boxes):
            if x0 <= x <= x1 and y0 <= y <= y1:
                return colour
        return WHITE

    def _block(self, marked: list[int | str | None]) -> tuple[Block | None, bool]:
        if "artifact" in marked:
            return None, True
        for mark in reversed(marked):
            if isinstance(mark, int):
                return self.marks.get(mark), False
        return None, False

    def _text(
        self, text_matrix: Matrix, font_size: float, state: _State, marked: list[int | str | None]
    ) -> None:
        matrix = multiply(text_matrix, state.matrix)
        size = font_size * _scale(matrix)
        x, y = _point(matrix, 0, 0)
        # Sample the background a third of the way up the letters, where the text is drawn.
        under = self._background(x + 1, y + size / 3)
        colour = _blend(state.fill, state.opacity, under)
        block, artifact = self._block(marked)
        text = PlacedText(x, y, size, contrast_ratio(colour, under), block, artifact)
        self.drawing.texts.append(text)

    def _draw_object(
        self, resources: pikepdf.Object, name: object, state: _State, marked: list[int | str | None]
    ) -> None:
        xobjects = resources.get("/XObject", {})
        xobject = xobjects.get(str(name)) if isinstance(xobjects, pikepdf.Dictionary) else None
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            self._picture(xobject, state.matrix, marked)
        elif subtype == "/Form":
            form_matrix = tuple(map(float, xobject.get("/Matrix", IDENTITY)))
            inner = _State(multiply(form_matrix, state.matrix), state.fill, state.opacity)  # type: ignore[arg-type]
            self._run(xobject, inner, marked)

    def _picture(self, image: pikepdf.Stream, matrix: Matrix, marked: list[object]) -> None:
        if image.get("/ImageMask", False):
            return  # a stencil mask is a shape, not a picture
        x0, y0, x1, y1 = self._box(matrix, 0, 0, 1, 1)
        width_pt = x1 - x0
        if width_pt <= 0 or y1 - y0 <= 0:
            return
        ppi = int(image.get("/Width", 0)) / (width_pt / 72)
        block, artifact = self._block(marked)  # type: ignore[arg-type]
        if not artifact:
            self.drawing.pictures.append(PlacedPicture(x0, x1, y0, y1, ppi, block))


# -- the structure tree: which point or paragraph each piece of content belongs to ----------

BLOCK_TAGS = {"/P", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/LI", "/TD", "/TH", "/Caption"}


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    tree = pdf.Root.get("/StructTreeRoot")
    if tree is None:
        return {}
    nums = tree.get("/ParentTree", {}).get("/Nums", [])
    return {int(nums[index]): nums[index + 1] for index in range(0, len(nums) - 1, 2)}


def _page_marks(page: pikepdf.Page, parents: dict[int, pikepdf.Object], cache: dict) -> dict:
    """MCID -> the block its content belongs to: a point (the Div around a point's paragraph
    and picture) or another block (a heading, a list item, a table cell ...)."""
    key = page.obj.get("/StructParents")
    elements = parents.get(int(key)) if key is not None else None
    if not isinstance(elements, pikepdf.Array):
        return {}
    return {mcid: _block_of(element, cache) for mcid, element in enumerate(elements)}


def _block_of(element: pikepdf.Object, cache: dict[tuple[int, int], Block | None]) -> Block | None:
    """Each element's block, found once per element: an element's block is its parent's unless
    it is a block itself, so most look-ups stop at a parent already seen."""
    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return None
    key = element.objgen
    if key in cache:
        return cache[key]
    cache[key] = None  # a loop in a broken tree ends here
    tag = str(element.S)
    parent = element.get("/P")
    parent_tag = str(parent.S) if isinstance(parent, pikepdf.Dictionary) and "/S" in parent else ""
    if tag == "/P" and parent_tag == "/Div":
        block: Block | None = (*parent.objgen, True)
    elif tag == "/Figure" and parent_tag == "/Div" and _tag(parent.get("/P")) == "/Div":
        block = (*parent.P.objgen, True)
    elif tag in BLOCK_TAGS:
        block = (*key, False)
    else:
        block = _block_of(parent, cache)
    cache[key] = block
    return block


def _tag(element: object) -> str:
    return str(element.S) if isinstance(element, pikepdf.Dictionary) and "/S" in element else ""


# -- the whole document ---------------------------------------------------------------------


def check_pdf(
    path: Path, points: list[PointPlacement], settings: PageCheckSettings | None = None
) -> PageCheck:
    """Read the PDF at `path` and measure its pages against `settings`. `points` is where the
    layout put each point of that PDF (see `PointPlacement`)."""
    settings = settings or PageCheckSettings()
    result = PageCheck()
    with pikepdf.open(path) as pdf:
        parents = _parent_tree(pdf)
        blocks: dict[tuple[int, int], Block | None] = {}
        drawings = [
            _PageReader(page, _page_marks(page, parents, blocks)).read() for page in pdf.pages
        ]
        result.pages = len(drawings)
        result.sections = _sections(pdf)
    _measure_text(drawings, result, settings)
    _measure_pictures(drawings, result, settings)
    _find_split_points(points, result)
    return result


def section_pages(path: Path) -> list[SectionPages]:
    """The PDF's sections (its top-level bookmarks) and their pages, without the page check."""
    with pikepdf.open(path) as pdf:
        return _sections(pdf)


def _sections(pdf: pikepdf.Pdf) -> list[SectionPages]:
    """Each top-level bookmark and the pages it is on: up to the page before the next one, or
    up to the next one's page when that section starts lower down the page."""
    starts: list[tuple[str, int, float]] = []
    page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    with pdf.open_outline() as outline:
        for item in outline.root:
            destination = item.destination
            if isinstance(destination, pikepdf.Array) and len(destination) > 0:
                page = page_numbers.get(destination[0].objgen)
                top = _destination_top(destination)
                if page is not None:
                    starts.append((str(item.title), page, top))
    page_top = max((top for _, _, top in starts), default=0.0)
    sections = []
    for index, (title, first, _) in enumerate(starts):
        if index + 1 < len(starts):
            _, following, top = starts[index + 1]
            last = following if top < page_top - 1 else following - 1
        else:
            last = len(pdf.pages)
        sections.append(SectionPages(title, first, max(last - first + 1, 1)))
    return sections


def _destination_top(destination: pikepdf.Array) -> float:
    """The height an /XYZ destination points at (the top of the page when it has none)."""
    if len(destination) > 3 and str(destination[1]) == "/XYZ":
        try:
            return float(destination[3])
        except (TypeError, ValueError):
            pass
    return float("inf")


def _measure_text(
    drawings: list[PageDrawing], result: PageCheck, settings: PageCheckSettings
) -> None:
    body = [text for drawing in drawings for text in drawing.texts if not text.artifact]
    every = [text for drawing in drawings for text in drawing.texts]
    if body:
        result.smallest_text_pt = min(text.size for text in body)
        if result.smallest_text_pt < settings.smallest_text_pt - 0.05:
            pages = _pages_where(drawings, lambda t: t.size < settings.smallest_text_pt - 0.05)
            result.problems.append(
                f"Some text is {result.smallest_text_pt:.1f} pt, smaller than "
                f"{settings.smallest_text_pt:g} pt (page {pages})."
            )
    if every:
        result.lowest_contrast = min(text.contrast for text in every)
        if result.lowest_contrast < settings.lowest_contrast:
            pages = _pages_where(drawings, lambda t: t.contrast < settings.lowest_contrast)
            result.problems.append(
                f"Some text is hard to see against its background: contrast "
                f"{result.lowest_contrast:.1f} to 1, less than {settings.lowest_contrast:g} "
                f"to 1 (page {pages})."
            )
        elif result.lowest_contrast < settings.aim_contrast:
            result.notes.append(
                f"Lowest text contrast is {result.lowest_contrast:.1f} to 1: enough, but "
                f"{settings.aim_contrast:g} to 1 is easier to see."
            )


def _pages_where(drawings: list[PageDrawing], wanted: object) -> str:
    pages = [
        number
        for number, drawing in enumerate(drawings, start=1)
        if any(wanted(text) for text in drawing.texts)  # type: ignore[operator]
    ]
    return _page_list(pages)


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(page) for page in pages[:5])
    return shown + (f" and {len(pages) - 5} more" if len(pages) > 5 else "")


def _measure_pictures(
    drawings: list[PageDrawing], result: PageCheck, settings: PageCheckSettings
) -> None:
    not_beside: list[int] = []
    blurry: list[int] = []
    for number, drawing in enumerate(drawings, start=1):
        for picture in drawing.pictures:
            if picture.ppi < settings.lowest_picture_ppi:
                blurry.append(number)
            if number == 1:
                continue  # the cover picture stands on its own under the title
            result.pictures += 1
            if _beside_its_text(picture, drawing, settings.column_tolerance_pt):
                result.pictures_beside_text += 1
            else:
                not_beside.append(number)
        lowest = min((picture.ppi for picture in drawing.pictures), default=None)
        if lowest is not None:
            current = result.lowest_picture_ppi
            result.lowest_picture_ppi = lowest if current is None else min(current, lowest)
    if not_beside:
        result.problems.append(
            f"{counted(len(not_beside), 'picture', verb=True)} not on the left of "
            f"{'its' if len(not_beside) == 1 else 'their'} text "
            f"(page {_page_list(sorted(set(not_beside)))})."
        )
    soft = result.lowest_picture_ppi
    if not blurry and soft is not None and soft < settings.aim_picture_ppi - 1:
        result.notes.append(
            f"The least sharp picture is printed at {soft:.0f} pixels per inch: enough, but "
            f"{settings.aim_picture_ppi:g} is print quality. A picture file with more pixels helps."
        )
    if blurry:
        result.problems.append(
            f"{counted(len(blurry), 'picture', verb=True)} printed at less than "
            f"{settings.lowest_picture_ppi:g} "
            f"pixels per inch and may look blurred (page {_page_list(sorted(set(blurry)))})."
        )


def _beside_its_text(picture: PlacedPicture, drawing: PageDrawing, tolerance: float) -> bool:
    """Text level with the picture must all start to its right, and some must be there."""
    level = [
        text
        for text in drawing.texts
        if not text.artifact and picture.bottom - text.size / 2 <= text.y <= picture.top
    ]
    if picture.block is not None:
        own = [text for text in level if text.block == picture.block]
        if not own:
            # Its text may start lower than the picture's top edge only if it is its point's.
            return False
        # On a page of 2 entries a row, the left entry's text is level with the right entry's
        # picture: only this point's text, and any text drawn over the picture, count.
        over = [text for text in level if picture.x0 - tolerance <= text.x < picture.x1]
        level = own + over
    elif not level:
        return False
    return all(text.x >= picture.x1 - tolerance for text in level)


def _find_split_points(points: list[PointPlacement], result: PageCheck) -> None:
    """A point is split when the layout put its words or its picture on more than one page."""
    for point in points:
        for index in range(len(point.pages) - 1):
            result.split_points.append(_split_words(point, index))
    if result.split_points:
        result.problems.append(
            f"{counted(len(result.split_points), 'time')} a point goes on from one page to the "
            "next: " + "; ".join(result.split_points)
        )


def _split_words(point: PointPlacement, index: int) -> str:
    """'page 7 to 8 ("...the words at the end of page 7")'."""
    first, following = point.pages[index], point.pages[index + 1]
    words = " ".join(point.words[index].split())
    if words:
        quoted = f' ("...{words[-60:].strip()}")'
    else:
        quoted = f" (its picture on page {first}, its words on page {following})"
    return f"page {first} to {following}{quoted}"


def counted(number: int, noun: str, *, verb: bool = False) -> str:
    """'1 picture' or '2 pictures'; with verb, '1 picture is' or '2 pictures are'."""
    words = f"{number} {noun}" if number == 1 else f"{number} {noun}s"
    if verb:
        words += " is" if number == 1 else " are"
    return words
