"""The DOCX contents: Word's table of contents field, and its page numbers from the PDF.

Word fills a TOC field only when it updates fields, and LibreOffice shows what the file holds.
So the writer puts the whole result in the file (a line per part: a link, dot leaders, a page
number) and marks the field dirty so that Word updates it to its own pages when it opens the
file. The page numbers come from the PDF made in the same build (WeasyPrint's pages; Word's
may differ by a page or so until it updates the field).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

TOC_INSTRUCTION = ' TOC \\o "1-1" \\h \\z \\u '
DOCUMENT_PART = "word/document.xml"


def set_contents_line(
    paragraph: Paragraph, tab_twips: int, font_size: float, *, keep_with_next: bool
) -> None:
    """A contents line: the page number at the right margin after dot leaders; every line but
    the last keeps with the next, so no line is left alone at the end of a page. The lines are
    spaced as in the PDF (1.5 lines, a little space after): Word's "1.5 lines" is about a fifth
    looser, and the sample's 18 lines then ran onto a second page in LibreOffice."""
    layout = paragraph.paragraph_format
    layout.line_spacing = Pt(font_size * 1.5)
    layout.space_after = Pt(font_size * 0.4)
    layout.tab_stops.add_tab_stop(Twips(tab_twips), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    layout.keep_with_next = keep_with_next or None
    layout.keep_together = True


def begin_contents_field(paragraph: Paragraph) -> None:
    paragraph._p.append(_field_char("begin", dirty=True))
    run = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = TOC_INSTRUCTION
    run.append(instruction)
    paragraph._p.append(run)
    paragraph._p.append(_field_char("separate"))


def end_contents_field(paragraph: Paragraph) -> None:
    paragraph._p.append(_field_char("end"))


def _field_char(kind: str, *, dirty: bool = False):  # noqa: ANN202 - an lxml element
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


# -- filling in the page numbers after the PDF is made -----------------------------------------


def contents_lines(document: etree._Element) -> list[etree._Element]:
    """The hyperlinks of the contents field's lines, in order."""
    lines: list[etree._Element] = []
    inside = False
    for paragraph in document.iter(qn("w:p")):
        if not inside and any(
            (text.text or "").strip().startswith("TOC")
            for text in paragraph.iter(qn("w:instrText"))
        ):
            inside = True
        if inside:
            lines.extend(paragraph.iter(qn("w:hyperlink")))
            if any(
                char.get(qn("w:fldCharType")) == "end" for char in paragraph.iter(qn("w:fldChar"))
            ):
                break
    return lines


def line_title(link: etree._Element) -> str:
    texts = []
    for run in link.iter(qn("w:r")):
        if run.find(qn("w:tab")) is not None:
            break
        texts.extend(text.text or "" for text in run.iter(qn("w:t")))
    return "".join(texts)


def fill_contents_pages(docx: Path, sections: list[tuple[str, int]]) -> int:
    """Write each contents line's page number (title -> first page, in order) into the DOCX at
    `docx`, in place. Returns how many lines got a number."""
    with zipfile.ZipFile(docx) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    parts = {info.filename: index for index, (info, _) in enumerate(entries)}
    if DOCUMENT_PART not in parts:
        return 0
    info, data = entries[parts[DOCUMENT_PART]]
    root = etree.fromstring(data)
    filled = _fill(contents_lines(root), sections)
    if not filled:
        return 0
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    entries[parts[DOCUMENT_PART]] = (info, xml)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for entry, content in entries:
            package.writestr(entry, content, compress_type=entry.compress_type)
    partial = docx.with_name(docx.name + ".contents")
    partial.write_bytes(buffer.getvalue())
    os.replace(partial, docx)
    return filled


def _fill(lines: list[etree._Element], sections: list[tuple[str, int]]) -> int:
    remaining = list(sections)
    filled = 0
    for link in lines:
        title = " ".join(line_title(link).split())
        match = next(
            (i for i, (name, _) in enumerate(remaining) if " ".join(name.split()) == title), None
        )
        if match is None:
            continue
        page = remaining[match][1]
        del remaining[: match + 1]
        texts = list(link.iter(qn("w:t")))
        if texts:
            texts[-1].text = str(page)
            filled += 1
    return filled
