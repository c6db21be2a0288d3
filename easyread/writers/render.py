"""The one render layer, WeasyPrint side: every PDF easyread makes goes through here.

(writers/templates.py is the other half: the one Jinja environment and the CSS helpers.)

- `SandboxFetcher`: the one URL fetcher WeasyPrint gets: the templates folder, the pictures the
  page names and nothing else; never the network.
- `render_pdf()`: HTML to tagged PDF/UA-1 with WeasyPrint, with the running footers marked as
  artifacts and prepared PNGs passed into the PDF as they are.
- `points_on_pages()`: where the layout put each point (the pages its words and picture are
  on), for the page check.

The build's PDF, the review copies, the change list and the readability report all use these.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pikepdf
from weasyprint import HTML, Document
from weasyprint.formatting_structure.boxes import LineBox, ParentBox, ReplacedBox, TextBox
from weasyprint.images import RasterImage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from easyread.edition import Edition
from easyread.resources import templates_dir
from easyread.writers.pagecheck import IDENTITY, PointPlacement, multiply
from easyread.writers.templates import PICTURE_URL, TEMPLATE_URL

PDF_VARIANT = "pdf/ua-1"


class RefusedURL(ValueError):
    """WeasyPrint asked for something a build must never read."""


class SandboxFetcher(URLFetcher):
    """Serves the templates folder and the prepared pictures; refuses everything else.

    Allowed: data: URLs, easyread: URLs (the names the print page uses), and file: URLs that
    point inside an allowed folder or at an allowed file. No network scheme is ever opened.
    """

    def __init__(self, folders: list[Path], files: list[Path]) -> None:
        super().__init__(allowed_protocols=("file", "data", "easyread"), allow_redirects=False)
        self.folders = [folder.resolve() for folder in folders]
        self.files = {path.resolve() for path in files}
        self.by_name = {path.name: path for path in self.files}

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "easyread":
            path = self.named_path(url)
        elif scheme == "file":
            path = self.file_path(url)
        else:
            raise RefusedURL(f"easyread does not fetch '{url}'")
        return URLFetcherResponse(url, path.read_bytes(), {})

    def named_path(self, url: str) -> Path:
        name = unquote(url.split(":", 1)[1])
        if name.startswith(PICTURE_URL.split(":", 1)[1]):
            path = self.by_name.get(name.split("/", 1)[1])
            if path is not None:
                return path
        elif name.startswith(TEMPLATE_URL.split(":", 1)[1]):
            return self.checked(templates_dir() / name.split("/", 1)[1])
        raise RefusedURL(f"easyread has no file called '{url}'")

    def file_path(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"easyread does not fetch '{url}'")
        return self.checked(Path(url2pathname(unquote(parts.path))))

    def checked(self, path: Path) -> Path:
        path = path.resolve()
        inside = path in self.files or any(path.is_relative_to(root) for root in self.folders)
        if not inside or not path.is_file():
            raise RefusedURL(f"easyread does not read '{path}' while building")
        return path


def sandbox_fetcher(edition: Edition) -> SandboxFetcher:
    """The build's fetcher: the templates folder and the edition's prepared pictures."""
    return SandboxFetcher([templates_dir()], edition.pictures.files())


# Given the pages as laid out, the HTML to lay out instead, or None to keep them.
Relayout = Callable[[Document], str | None]


def render_pdf(
    html: str,
    fetcher: SandboxFetcher,
    *,
    base_url: str,
    forms: bool = False,
    presentational_hints: bool = False,
    identifier: bool = False,
    pngs_as_they_are: bool = True,
    laid_out: Callable[[Document], None] | None = None,
    relayout: Relayout | None = None,
) -> tuple[bytes, int]:
    """The page as tagged PDF/UA-1, and its page count.

    `forms` turns inputs into form fields (review copies); `presentational_hints` sizes each
    <img> from its width and height; `identifier` makes the file identifier a content hash;
    `pngs_as_they_are=False` lets WeasyPrint decode and compress every PNG again (benchmarks);
    `laid_out` is given the laid-out document before it is written (see points_on_pages);
    `relayout` sees the first layout and may give HTML to lay out once more (a review copy
    measures the space left on each page and sizes its notes boxes to fill it)."""
    options = {
        "presentational_hints": presentational_hints,
        "pdf_variant": PDF_VARIANT,
        "pdf_forms": forms,
    }
    with _quiet_weasyprint(), pngs_passed_as_they_are(pngs_as_they_are):
        page = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        document = page.render(**options)
        again = relayout(document) if relayout is not None else None
        if again is not None:
            page = HTML(string=again, base_url=base_url, url_fetcher=fetcher)
            document = page.render(**options)
        if laid_out is not None:
            laid_out(document)
        pdf_bytes = document.write_pdf(**options, pdf_identifier=identifier or None)
    return mark_running_footers_as_artifacts(pdf_bytes), len(document.pages)


# -- where the layout put each point ---------------------------------------------------------


def points_on_pages(document: Document, point_class: str = "point") -> list[PointPlacement]:
    """Each point (an element with the class `point_class`) in the order it is first laid out,
    with the pages its words and picture are on and its words on each page.

    WeasyPrint cuts a box that goes on to the next page into a part per page, and every part
    keeps the HTML element it came from: the parts of one point share one element. Only words
    and pictures count, so an empty part (a margin or a padding carried over) is not a page."""
    parts: dict[object, dict[int, list[str]]] = {}
    for number, page in enumerate(document.pages, start=1):
        stack: list[tuple[object, object]] = [(page._page_box, None)]
        while stack:
            box, point = stack.pop()
            box = getattr(box, "_box", box)  # an absolutely placed box, through its placeholder
            element = getattr(box, "element", None)
            if point is None and element is not None and _has_class(element, point_class):
                point = element
            if point is not None and isinstance(box, (LineBox, ReplacedBox, TextBox)):
                words, picture = _content_of(box)
                if words or picture:
                    parts.setdefault(point, {}).setdefault(number, []).append(words)
            elif isinstance(box, ParentBox):
                stack.extend((child, point) for child in reversed(box.children))
    return [
        PointPlacement(
            tuple(pages), tuple(" ".join(filter(None, lines)) for lines in pages.values())
        )
        for pages in parts.values()
    ]


def _has_class(element: object, name: str) -> bool:
    classes = element.get("class") if hasattr(element, "get") else None
    return isinstance(classes, str) and name in classes.split()


def _content_of(box: object) -> tuple[str, bool]:
    """The words of one line (joined as printed) and whether it holds a picture."""
    words: list[str] = []
    picture = False
    stack = [box]
    while stack:
        current = stack.pop()
        current = getattr(current, "_box", current)
        if isinstance(current, TextBox):
            words.append(current.text)
        elif isinstance(current, ReplacedBox):
            picture = True
        elif isinstance(current, ParentBox):
            stack.extend(reversed(current.children))
    return " ".join("".join(words).split()), picture


# WeasyPrint writes each piece of tagged text as "/Tag <</MCID n>> BDC", one token a line.
_MARKED_CONTENT = re.compile(rb"/[A-Za-z0-9]+\n<</MCID (\d+)>>\nBDC")
_FOOTER_ARTIFACT = b"/Artifact\n<</Type /Pagination /Subtype /Footer>>\nBDC"
_HEADER_ARTIFACT = b"/Artifact\n<</Type /Pagination /Subtype /Header>>\nBDC"


def mark_running_footers_as_artifacts(pdf_bytes: bytes) -> bytes:
    """Turn the "Page N of M" footers and the running section titles at the top of the page
    into artifacts, so screen readers skip them.

    WeasyPrint 70 tags the text of page margin boxes as content, under structure elements
    that are not part of the document's structure tree. Any marked content whose element is
    not reachable from the tree's root is such a footer or header: it becomes an /Artifact
    (a header when it is printed in the top half of the page) and its entry in the parent tree
    is cleared.
    """
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return pdf_bytes
        reachable = _reachable_elements(tree)
        parents = _parent_tree(tree)
        changed = False
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            marks = parents.get(int(key)) if key is not None else None
            if not isinstance(marks, pikepdf.Array):
                continue
            orphans = {
                mcid
                for mcid, element in enumerate(marks)
                if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable
            }
            if orphans and _rewrite_marks(page, orphans):
                for mcid in orphans:
                    marks[mcid] = None
                changed = True
        if not changed:
            return pdf_bytes
        output = io.BytesIO()
        pdf.save(
            output,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
        )
        return output.getvalue()


def _reachable_elements(tree: pikepdf.Dictionary) -> set[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    stack = [tree]
    while stack:
        kids = stack.pop().get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and kid.objgen not in seen:
                seen.add(kid.objgen)
                stack.append(kid)
    return seen


def _parent_tree(tree: pikepdf.Dictionary) -> dict[int, pikepdf.Object]:
    """The parent tree's number -> value pairs (WeasyPrint writes one flat /Nums array)."""
    nums = tree.get("/ParentTree", {}).get("/Nums", [])
    return {int(nums[index]): nums[index + 1] for index in range(0, len(nums) - 1, 2)}


def _rewrite_marks(page: pikepdf.Page, orphans: set[int]) -> bool:
    contents = page.obj.get("/Contents")
    if not isinstance(contents, pikepdf.Stream):
        return False
    data = contents.read_bytes()
    found: set[int] = set()
    headers = _marks_in_top_half(page, orphans)

    def replace(match: re.Match[bytes]) -> bytes:
        mcid = int(match.group(1))
        if mcid not in orphans:
            return match.group(0)
        found.add(mcid)
        return _HEADER_ARTIFACT if mcid in headers else _FOOTER_ARTIFACT

    rewritten = _MARKED_CONTENT.sub(replace, data)
    if found != orphans:
        return False  # not the layout this was written for: leave the page as it is
    contents.write(rewritten)
    return True


def _marks_in_top_half(page: pikepdf.Page, wanted: set[int]) -> set[int]:
    """The marked contents among `wanted` whose text starts in the top half of the page."""
    box = [float(value) for value in page.mediabox]
    middle = (box[1] + box[3]) / 2
    matrix, stack, current, top = IDENTITY, [], None, set()
    for operands, operator in pikepdf.parse_content_stream(page, "q Q cm BDC EMC Tm"):
        op = str(operator)
        if op == "q":
            stack.append(matrix)
        elif op == "Q" and stack:
            matrix = stack.pop()
        elif op == "cm":
            matrix = multiply(tuple(map(float, operands)), matrix)  # type: ignore[arg-type]
        elif op == "BDC":
            properties = operands[1] if len(operands) > 1 else None
            is_mark = isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties
            current = int(properties["/MCID"]) if is_mark else None
        elif op == "EMC":
            current = None
        elif op == "Tm" and current in wanted:
            text_matrix = tuple(map(float, operands))
            if multiply(text_matrix, matrix)[5] > middle:  # type: ignore[arg-type]
                top.add(current)
    return top


# -- pictures go into the PDF as they are ---------------------------------------------------------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_WEASYPRINT_PNG_DATA = RasterImage.__dict__.get("_get_png_data")  # read, never replaced here


def png_image_data(png: bytes) -> bytes | None:
    """The compressed pixel data of an 8-bit grey or RGB, non-interlaced PNG, else None.

    Such a PNG's IDAT data is exactly what a PDF image with /FlateDecode and PNG predictors
    holds, so it can go into the PDF without being decoded and compressed again.
    """
    if not png.startswith(_PNG_SIGNATURE):
        return None
    position, chunks = len(_PNG_SIGNATURE), []
    while position + 8 <= len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            depth, colour, interlace = data[8], data[9], data[12]
            if depth != 8 or colour not in (0, 2) or interlace != 0:
                return None
        elif kind == b"IDAT":
            chunks.append(data)
        elif kind == b"IEND":
            break
        position += 12 + length
    return b"".join(chunks) or None


def _png_data_without_recompressing(pillow_image: object) -> bytes:
    """WeasyPrint's PNG step, skipping the decode and re-encode when the file allows it.

    WeasyPrint 70 decodes every PNG and compresses it again (about 10 ms a picture). The
    prepared pictures are already the right size and kind, so their data is used as it is.
    """
    source = getattr(pillow_image, "fp", None)
    if getattr(pillow_image, "format", None) == "PNG" and source is not None:
        try:
            source.seek(0)
            data = png_image_data(source.read())
        except (OSError, ValueError):
            data = None
        if data is not None:
            return data
    return _WEASYPRINT_PNG_DATA.__func__(pillow_image)


@contextmanager
def pngs_passed_as_they_are(wanted: bool = True) -> Iterator[None]:
    """Use the PNG shortcut inside this block only: other WeasyPrint users in the process keep
    WeasyPrint's own behaviour. tests/test_pdf_writer.py checks both ways."""
    original = RasterImage.__dict__.get("_get_png_data")
    if not wanted or not isinstance(original, staticmethod):
        yield  # a WeasyPrint without this step: render as it does
        return
    RasterImage._get_png_data = staticmethod(_png_data_without_recompressing)
    try:
        yield
    finally:
        RasterImage._get_png_data = original


class _quiet_weasyprint:
    """WeasyPrint's own warnings (e.g. about CSS it ignores) are not for report authors."""

    def __enter__(self) -> None:
        self.logger = logging.getLogger("weasyprint")
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR)

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.level)
