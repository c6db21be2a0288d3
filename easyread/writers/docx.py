"""The DOCX writer: the edition as a Word document a colleague can open and edit.

The same content in the same order as the PDF: cover, About this document, contents, the
report's sections, then the back pages. Each run of points is a borderless two-column table: a
fixed picture column on the left, the sentences on the right, one row per point that never
splits across pages. Headings are real Heading 1 / Heading 2 styles so Word's navigation pane and
screen readers see the structure.

Word lays out pages itself when it opens the file, so `write` returns None for the page count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from easyread.edition import COVER_PX, PICTURE_PX, Edition
from easyread.model import (
    Heading,
    Picture,
    Point,
    Run,
    Section,
    Sentence,
    Source,
    Table,
    TableCell,
)
from easyread.resources import templates_dir
from easyread.writers import OutputFormat
from easyread.writers.docx_contents import (
    begin_contents_field,
    end_contents_field,
    set_contents_line,
)
from easyread.writers.docx_package import (
    add_font_to_table,
    font_files,
    replace_template_parts,
    save_reproducibly,
    set_core_properties,
    tidy_settings,
)
from easyread.writers.docx_running import field_text, mark_row, start_section
from easyread.writers.docx_styles import (
    HYPERLINK_STYLE,
    POINT_PICTURE_STYLE,
    POINT_TEXT_STYLE,
    add_page_numbers,
    add_running_header,
    header_font_size,
    set_up_page,
    set_up_styles,
)
from easyread.writers.geometry import PageGeometry, page_geometry
from easyread.writers.running_title import one_line

GAP_MM = 8.0  # between the picture column and the text, as in the PDF
# Space above each row but a table's first, so pictures never touch. Above, not below: at the
# foot of a page Word and LibreOffice count a bottom margin, and a row would not fit.
ROW_GAP_MM = 4.0
# Words to know, 2 entries a row: a smaller picture, as in the PDF.
PAIR_PICTURE_MM = 20.0
PAIR_GAP_MM = 4.0
LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
DATA_TABLE_STYLE = "Table Grid"  # thin borders on every cell: a table of figures
CAPTION_STYLE = "Caption"
_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Word files take as long as the PDF: a second process writes them while this one writes the rest.
FORMAT = OutputFormat("docx", order=2, own_process=True)


def write(edition: Edition, target: Path, *, numbered: bool = False) -> int | None:
    """Write the edition as a DOCX at `target`. With `numbered`, each point shows its number."""
    config = edition.report.config
    document = Document()
    _count_picture_ids(document)
    geometry = page_geometry(config)
    set_up_page(document, geometry)
    set_up_styles(
        document,
        config,
        deepest_heading=_deepest_heading(edition),
        tables=_has_tables(edition),
    )
    add_page_numbers(document, edition.strings["page"], config.font_size)
    add_running_header(document, geometry, config.font_size)
    add_font_to_table(document, font_files(templates_dir() / "fonts"))
    _Layout(document, edition, geometry, numbered).write_all()
    set_core_properties(document, config)
    replace_template_parts(document, config)
    tidy_settings(document)
    save_reproducibly(document, target, config)
    return None


def _count_picture_ids(document: DocumentObject) -> None:
    """Give pictures their ids from a counter. python-docx finds each new picture's id by
    reading every id in the document, which made writing n pictures cost n squared (2,000
    sections took 4 times as long as 1,000). The counter starts where that scan would and
    counts the same way, so the file is byte for byte the same."""
    part = document.part
    part.__class__ = _counted_ids_class(type(part))


@cache
def _counted_ids_class(base: type) -> type:
    def next_id(self: Any) -> int:
        following = self.__dict__.get("_easyread_next_id")
        if following is None:
            following = base.next_id.fget(self)  # one scan, for the ids already there
        self.__dict__["_easyread_next_id"] = following + 1
        return following

    return type(f"Counted{base.__name__}", (base,), {"next_id": property(next_id)})


@dataclass
class _Layout:
    document: DocumentObject
    edition: Edition
    geometry: PageGeometry
    numbered: bool
    bookmarks: dict[int, str] = field(default_factory=dict)  # id(section) -> bookmark name
    bookmark_count: int = 0
    running_title: str = ""  # the title of the section being written, for the page header
    rows_marked: int = 0  # rows of that section so far
    style_ids: dict[str, str] = field(default_factory=dict)
    _end: Any = None  # the body's final section settings: new blocks go just before them
    _block_width: Any = None

    def write_all(self) -> None:
        self._end = self.document.element.body.sectPr
        self._block_width = self.document._block_width
        # Setting a style by id: python-docx's lookup by name scans every style each time.
        deepest = _deepest_heading(self.edition)
        names = [POINT_TEXT_STYLE, POINT_PICTURE_STYLE]
        names += [f"Heading {level}" for level in range(1, deepest + 1)]
        if _has_tables(self.edition):
            names += [DATA_TABLE_STYLE, CAPTION_STYLE]
        self.style_ids = {name: self.document.styles[name].style_id for name in names}
        self.bookmarks = {
            id(section): _bookmark_name(index, section)
            for index, section in enumerate(self.edition.sections)
        }
        self.write_cover()
        front, body, back = self.edition.front, self.edition.body, self.edition.back
        # As in the PDF: each front and back page starts a page; the report's own sections
        # follow one another from the first one's new page.
        for section in front:
            self.write_section(section, new_page=True)
        if self.edition.show_contents:
            self.write_contents()
        for index, section in enumerate(body):
            self.write_section(section, new_page=index == 0)
        for section in back:
            self.write_section(section, new_page=True)
        self.end_with_a_paragraph()

    # -- cover and contents -----------------------------------------------------------------

    def write_cover(self) -> None:
        config = self.edition.report.config
        self.add_paragraph(_clean(config.title), style="Title")
        if config.subtitle:
            self.add_paragraph(_clean(config.subtitle), style="Subtitle")
        cover = self.edition.report.cover
        if cover is not None:
            paragraph = self.add_paragraph()
            self.set_style(paragraph, POINT_PICTURE_STYLE)  # single spacing around a picture
            size_mm = min(self.geometry.cover_picture_mm, self.geometry.text_width_mm)
            self.add_picture(paragraph, cover, COVER_PX, size_mm)
            paragraph.paragraph_format.space_after = Pt(config.font_size)
        for line in (config.organisation, config.display_date):
            if line:
                self.add_paragraph(_clean(line))

    def write_contents(self) -> None:
        """The contents as Word's own table of contents field (TOC), its result already filled
        in: one line per part, a link to its title, dot leaders and a page number. The page
        numbers are left empty here; the build fills them in from the PDF made in the same run
        (docx_contents.fill_contents_pages). The field is marked dirty, so Word brings them up
        to date for its own pages when it opens the file."""
        strings = self.edition.strings
        heading = self.add_paragraph(strings["contents"], style="Heading 1")
        heading.paragraph_format.page_break_before = True
        intro = self.add_paragraph(strings["contents-intro"])
        intro.paragraph_format.keep_with_next = True
        start_section(heading)
        mark_row(intro, "")  # the contents has no rows: its pages name no section
        entries = self.edition.contents
        tab_twips = round(self.geometry.text_width_mm / 25.4 * 1440)
        size = self.edition.report.config.font_size
        for index, section in enumerate(entries):
            paragraph = self.add_paragraph()
            last = index + 1 == len(entries)
            set_contents_line(paragraph, tab_twips, size, keep_with_next=not last)
            if index == 0:
                begin_contents_field(paragraph)
            link = _internal_link(self.bookmarks[id(section)])
            link.append(_run_element(_clean(section.title.text)))
            link.append(_tab_run())
            link.append(_run_element(""))  # the page number
            paragraph._p.append(link)
            if index + 1 == len(entries):
                end_contents_field(paragraph)

    # -- blocks at the end of the body ----------------------------------------------------------
    # python-docx looks through the whole body for its last element (and for the page width) on
    # every paragraph and table it adds; these put a block before that element in one step, so
    # a report of n sections costs n, not n squared. The XML is the same.

    def add_paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        if self._end is None:
            return self.document.add_paragraph(text, style)
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self.document._body)
        if text:
            paragraph.add_run(text)
        if style is not None:
            paragraph.style = style
        return paragraph

    def add_table(self, rows: int, cols: int) -> DocxTable:
        if self._end is None:
            return self.document.add_table(rows=rows, cols=cols)
        element = CT_Tbl.new_tbl(rows, cols, self._block_width)
        self._end.addprevious(element)
        table = DocxTable(element, self.document._body)
        table.style = None
        return table

    # -- sections ---------------------------------------------------------------------------

    def write_section(self, section: Section, *, new_page: bool) -> None:
        title = self.add_heading(section.title, level=1, bookmark=self.bookmarks[id(section)])
        title.paragraph_format.page_break_before = new_page or None
        start_section(title)
        self.running_title, self.rows_marked = self.fit_header(_clean(section.title.text)), 0
        if self.edition.in_pairs(section):
            self.write_pairs(section.points)
        else:
            self.write_blocks(section)
        if not self.rows_marked:  # no rows: the section's own title says its pages name nothing
            mark_row(title, "")

    def write_blocks(self, section: Section) -> None:
        table: DocxTable | None = None
        for block in self.edition.blocks(section):
            if isinstance(block, Heading):
                if block.text:
                    self.add_heading(block, level=max(2, min(block.level, 6)))
                table = None
                continue
            if isinstance(block, Table):
                self.add_data_table(block)
                table = None
                continue
            if table is None:
                table = self.new_points_table()
            show_number = self.numbered and section.role == "body"
            self.add_point_row(table, block, show_number=show_number)

    def add_data_table(self, source: Table) -> None:
        """The source's table as a real Word table: a header row that repeats on each page,
        thin borders, and the caption (if any) as a Caption paragraph just before it."""
        if source.caption:
            caption = self.add_paragraph()
            self.set_style(caption, CAPTION_STYLE)
            caption.paragraph_format.keep_with_next = True
            for run in _trimmed(source.caption):
                self.add_run(caption, run)
        columns = max((len(row) for row in source.rows), default=0)
        if not columns:
            return
        table = self.add_table(0, columns)
        table._tbl.tblPr.get_or_add_tblStyle().val = self.style_ids[DATA_TABLE_STYLE]
        width = Mm(self.geometry.text_width_mm / columns)
        for row_cells in source.rows:
            row = table.add_row()
            _keep_row_on_one_page(row._tr)
            if row_cells and row_cells[0].header:
                _repeat_as_header_row(row._tr)
            for index, cell in enumerate(row.cells):
                cell.width = width
                if index < len(row_cells):
                    self.write_cell(cell, row_cells[index])
        self.add_paragraph()  # Word runs two tables together without a paragraph

    def write_cell(self, cell: _Cell, source: TableCell) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.alignment = _ALIGNMENTS.get(source.align)
        for run in _trimmed(source.runs):
            added = self.add_run(paragraph, run)
            if source.header and added is not None:
                added.bold = True

    def add_heading(self, heading: Heading, *, level: int, bookmark: str = "") -> Paragraph:
        paragraph = self.add_paragraph()
        self.set_style(paragraph, f"Heading {level}")
        run = paragraph.add_run(_clean(heading.text))
        if bookmark:
            _wrap_in_bookmark(run._r, bookmark, self.bookmark_count)
            self.bookmark_count += 1
        return paragraph

    def new_points_table(self) -> DocxTable:
        picture_width = Mm(self.geometry.picture_mm)
        text_width = Mm(self.geometry.text_width_mm - self.geometry.picture_mm)
        table = self.add_table(0, 2)
        table.autofit = False
        _borderless_fixed_table(table._tbl, Mm(self.geometry.text_width_mm))
        table.columns[0].width = picture_width
        table.columns[1].width = text_width
        return table

    def add_point_row(self, table: DocxTable, point: Point, *, show_number: bool) -> None:
        row = table.add_row()
        _keep_row_on_one_page(row._tr)
        picture_cell, text_cell = row.cells
        picture_cell.width = Mm(self.geometry.picture_mm)
        text_cell.width = Mm(self.geometry.text_width_mm - self.geometry.picture_mm)
        top = 0 if len(table.rows) == 1 else Mm(ROW_GAP_MM).twips
        _cell_margins(picture_cell, top=top)
        _cell_margins(text_cell, top=top, left=Mm(GAP_MM).twips)
        picture_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        text_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        picture_paragraph = picture_cell.paragraphs[0]
        self.set_style(picture_paragraph, POINT_PICTURE_STYLE)
        if point.picture is not None:
            picture_mm = self.geometry.picture_mm
            self.add_picture(picture_paragraph, point.picture, PICTURE_PX, picture_mm)
        self.write_sentences(text_cell, point, show_number=show_number)
        # At the end of the text: in the picture's tiny line, LibreOffice made each row a
        # point or two taller, enough to push rows onto the next page.
        self.mark_row(text_cell.paragraphs[-1])

    def write_pairs(self, points: list[Point]) -> None:
        """Short entries (Words to know) 2 to a row: picture, text, picture, text."""
        half = self.geometry.text_width_mm / 2
        widths = [PAIR_PICTURE_MM, half - PAIR_PICTURE_MM] * 2
        table = self.add_table(0, 4)
        table.autofit = False
        _borderless_fixed_table(table._tbl, Mm(self.geometry.text_width_mm))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        for start in range(0, len(points), 2):
            row = table.add_row()
            _keep_row_on_one_page(row._tr)
            top = 0 if start == 0 else Mm(ROW_GAP_MM).twips
            for index, cell in enumerate(row.cells):
                cell.width = Mm(widths[index])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
                _cell_margins(cell, top=top, left=Mm(PAIR_GAP_MM).twips if index % 2 else 0)
            for offset, point in enumerate(points[start : start + 2]):
                picture_cell, text_cell = row.cells[2 * offset], row.cells[2 * offset + 1]
                paragraph = picture_cell.paragraphs[0]
                self.set_style(paragraph, POINT_PICTURE_STYLE)
                if point.picture is not None:
                    self.add_picture(paragraph, point.picture, PICTURE_PX, PAIR_PICTURE_MM)
                self.write_sentences(text_cell, point, show_number=False)
            self.mark_row(row.cells[1].paragraphs[-1])

    def write_sentences(self, cell: _Cell, point: Point, *, show_number: bool) -> None:
        sentences = [runs for runs in map(_trimmed_runs, point.sentences) if runs]
        paragraph = cell.paragraphs[0]
        self.set_style(paragraph, POINT_TEXT_STYLE)
        if show_number:
            paragraph.add_run(f"{point.number}  ").bold = True
        for index, runs in enumerate(sentences):
            if index:
                paragraph = cell.add_paragraph()
                self.set_style(paragraph, POINT_TEXT_STYLE)
            for run in runs:
                self.add_run(paragraph, run)

    def fit_header(self, title: str) -> str:
        size = header_font_size(self.geometry, self.edition.report.config.font_size)
        fonts = font_files(templates_dir() / "fonts")
        font = fonts[0].path if fonts else None
        return one_line(field_text(title), self.geometry.text_width_mm / 25.4 * 72, size, font)

    def mark_row(self, paragraph: Paragraph) -> None:
        """Say which section this row of points belongs to, for the running title in the page
        header. Tables of figures carry no marks (nor do they in the PDF): their cells stay
        exactly the source's words for programs that read the table."""
        mark_row(paragraph, self.running_title, first=not self.rows_marked)
        self.rows_marked += 1

    def set_style(self, paragraph: Paragraph, name: str) -> None:
        paragraph._p.get_or_add_pPr().style = self.style_ids[name]

    def add_run(self, paragraph: Paragraph, run: Run) -> DocxRun | None:
        text = _clean(run.text)
        if run.link and run.link.lower().startswith(LINK_SCHEMES):
            rel_id = self.document.part.relate_to(run.link, RT.HYPERLINK, is_external=True)
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), rel_id)
            link.set(qn("w:history"), "1")
            link.append(_run_element(text, bold=run.strong, style=HYPERLINK_STYLE))
            paragraph._p.append(link)
            return None
        added = paragraph.add_run(text)
        if run.strong:
            added.bold = True
        return added

    def add_picture(self, paragraph: Paragraph, picture: Picture, size_px: int, box_mm: float):
        prepared = self.edition.pictures.get(picture, size_px)
        scale = box_mm / max(prepared.width_px, prepared.height_px)
        shape = paragraph.add_run().add_picture(
            str(prepared.path),
            width=Mm(prepared.width_px * scale),
            height=Mm(prepared.height_px * scale),
        )
        for side in ("distT", "distB", "distL", "distR"):
            shape._inline.set(side, "0")  # LibreOffice adds 3 mm of space around when unset
        description = _clean(picture.alt.strip())
        shape._inline.docPr.set("descr", description)
        shape._inline.docPr.set("title", _clean(picture.title or description))
        return shape

    def end_with_a_paragraph(self) -> None:
        """Word expects a paragraph after the last table; keep it tiny so it adds no page.

        Its line is exactly 1 pt high: with single spacing, LibreOffice still gave it a line
        of its own and, when the last table ended at the foot of a page, an empty last page."""
        paragraph = self.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.paragraph_format.line_spacing = Pt(1)
        mark = paragraph._p.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "2")
        rpr.append(size)
        mark.append(rpr)


# -- helpers on the XML ---------------------------------------------------------------------


def _clean(text: str) -> str:
    """Text Word can store: control characters (not allowed in XML) are dropped."""
    return _NOT_XML.sub("", text)


def _trimmed_runs(sentence: Sentence) -> list[Run]:
    """The sentence's runs without the spaces that joined it to the previous line."""
    runs = [run for run in sentence.runs if run.text]
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0] = _with_text(runs[0], runs[0].text.lstrip())
        runs[-1] = _with_text(runs[-1], runs[-1].text.rstrip())
    return runs


def _trimmed(runs: list[Run]) -> list[Run]:
    return _trimmed_runs(Sentence(tuple(runs), Source(Path(), 1)))


def _deepest_heading(edition: Edition) -> int:
    """The deepest heading level any writer draws (2 at least): Word's Heading 3 to 6 styles
    are set up only when used, so a report without them keeps the same file, byte for byte."""
    levels = [
        block.level
        for section in edition.sections
        for block in section.blocks
        if isinstance(block, Heading)
    ]
    return min(max([2, *levels]), 6)


def _has_tables(edition: Edition) -> bool:
    return any(isinstance(block, Table) for section in edition.sections for block in section.blocks)


def _repeat_as_header_row(tr) -> None:  # noqa: ANN001
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.strong, run.emphasis, run.link, run.code, run.source)


def _run_element(text: str, *, bold: bool = False, style: str = ""):  # noqa: ANN202
    run = OxmlElement("w:r")
    if style or bold:
        rpr = OxmlElement("w:rPr")
        if style:
            style_element = OxmlElement("w:rStyle")
            style_element.set(qn("w:val"), style)
            rpr.append(style_element)
        if bold:
            rpr.append(OxmlElement("w:b"))
        run.append(rpr)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    return run


def _tab_run():  # noqa: ANN202
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:tab"))
    return run


def _internal_link(bookmark: str):  # noqa: ANN202
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    return link


def _bookmark_name(index: int, section: Section) -> str:
    # Names starting with "_" are hidden in Word's bookmark list; at most 40 characters.
    slug = re.sub(r"[^A-Za-z0-9]+", "_", section.anchor).strip("_")
    return f"_er{index}_{slug}"[:40]


def _wrap_in_bookmark(run, name: str, number: int) -> None:  # noqa: ANN001
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    run.addprevious(start)
    run.addnext(end)


# Children of w:tblPr in the order the schema requires.
_TBLPR_ORDER = [
    qn(tag)
    for tag in (
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
        "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
        "w:tblCaption", "w:tblDescription",
    )
]  # fmt: skip


def _borderless_fixed_table(tbl, width) -> None:  # noqa: ANN001
    tbl_pr = tbl.tblPr
    for child in list(tbl_pr):
        if child.tag in (qn("w:tblStyle"), qn("w:tblW"), qn("w:tblLook")):
            tbl_pr.remove(child)
    table_width = OxmlElement("w:tblW")
    table_width.set(qn("w:w"), str(width.twips))
    table_width.set(qn("w:type"), "dxa")
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    margins = _margins_element("w:tblCellMar", top=0, left=0, bottom=0, right=0)
    for element in (table_width, indent, borders, margins):
        _insert_in_order(tbl_pr, element, _TBLPR_ORDER)


def _margins_element(tag: str, **sides: int):  # noqa: ANN202
    margins = OxmlElement(tag)
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            element = OxmlElement(f"w:{side}")
            element.set(qn("w:w"), str(sides[side]))
            element.set(qn("w:type"), "dxa")
            margins.append(element)
    return margins


def _insert_in_order(parent, element, order: list[str]) -> None:  # noqa: ANN001
    for old in parent.findall(element.tag):
        parent.remove(old)
    rank = order.index(element.tag)
    for child in parent:
        if child.tag in order and order.index(child.tag) > rank:
            child.addprevious(element)
            return
    parent.append(element)


_TCPR_ORDER = [
    qn(tag)
    for tag in (
        "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
        "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    )
]  # fmt: skip


def _cell_margins(cell: _Cell, **sides: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    margins = _margins_element("w:tcMar", **sides)
    _insert_in_order(tc_pr, margins, _TCPR_ORDER)


def _keep_row_on_one_page(tr) -> None:  # noqa: ANN001
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))
