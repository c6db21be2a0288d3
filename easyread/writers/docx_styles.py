"""Word styles, page setup and page numbers for the Easy Read layout.

The look lives in real Word styles (Normal, Heading 1, Heading 2, Title, Subtitle, Footer,
Hyperlink), so a colleague who edits the DOCX keeps it when they add text.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from easyread.config import ReportConfig
from easyread.writers.docx_package import FONT_NAME
from easyread.writers.docx_running import (
    RUNNING_TITLE_STYLE,
    RUNNING_TITLE_STYLE_ID,
    add_running_title,
)
from easyread.writers.geometry import PageGeometry

TEXT_COLOUR = RGBColor(0x1A, 0x1A, 0x1A)  # as in the PDF: near black, 17:1 on white
LINK_COLOUR = RGBColor(0x0B, 0x4A, 0x8F)  # dark blue: about 9:1 on white
HEADER_COLOUR = RGBColor(0x45, 0x45, 0x45)  # as the PDF's running title: about 10:1 on white
HEADER_LINE_EM = 1.25  # a single line of the font, with a little to spare (its own line: 1.24 em)
LINE_SPACING = 1.5
HEADING_LINE_SPACING = 1.05
HYPERLINK_STYLE = "Hyperlink"
POINT_TEXT_STYLE = "Point text"
POINT_PICTURE_STYLE = "Point picture"
_RFONTS_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_up_page(document: DocumentObject, geometry: PageGeometry) -> None:
    section = document.sections[0]
    section.page_width = Mm(geometry.width_mm)
    section.page_height = Mm(geometry.height_mm)
    section.left_margin = section.right_margin = Mm(geometry.side_mm)
    section.top_margin = Mm(geometry.top_mm)
    section.bottom_margin = Mm(geometry.bottom_mm)
    section.header_distance = Mm(geometry.header_mm)
    section.footer_distance = Mm(geometry.footer_mm)


def set_up_styles(
    document: DocumentObject,
    config: ReportConfig,
    *,
    deepest_heading: int = 2,
    tables: bool = False,
) -> None:
    size = config.font_size
    _set_document_defaults(document, config)
    styles = document.styles
    normal = styles["Normal"]
    _paragraph(normal, size, space_after=size * 0.5)
    normal.paragraph_format.widow_control = True
    _no_hyphenation(normal)
    # Sizes and spacing follow the PDF's style sheet (templates/css/base.css).
    _heading(styles["Heading 1"], size * 1.6, before=0, after=size * 0.8)
    _heading(styles["Heading 2"], size * 1.3, before=size * 1.56, after=size * 0.78)
    for level in range(3, deepest_heading + 1):  # as h3 to h6 in templates/css/table.css
        _heading(styles[f"Heading {level}"], size * 1.15, before=size * 1.15, after=size * 0.6)
    if tables:  # a table's caption: body size and bold, as in the PDF (not Word's small blue)
        _heading(styles["Caption"], size, before=size * 0.5, after=size * 0.4)
    _heading(styles["Title"], size * 2.2, before=0, after=size * 1.1)
    _heading(styles["Subtitle"], size * 1.3, before=0, after=size * 1.3)
    styles["Subtitle"].font.bold = False  # as .cover-subtitle in the PDF: large, not bold
    _point_styles(document, size)
    _remove_children(styles["Title"].element, "w:pPr", "w:pBdr")
    _remove_children(styles["Subtitle"].element, "w:pPr", "w:numPr")
    footer = styles["Footer"]
    _paragraph(footer, size, space_after=0)
    footer.paragraph_format.line_spacing = 1.0
    _running_title_styles(document, size)
    _add_hyperlink_style(document)
    _use_font_everywhere(document)
    _remove_italics_everywhere(document)


def _set_document_defaults(document: DocumentObject, config: ReportConfig) -> None:
    """Language and font for every run that does not say otherwise (w:docDefaults)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_defaults.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_defaults.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), config.language)
    half_points = str(round(config.font_size * 2))
    for tag in ("w:sz", "w:szCs"):
        element = run_defaults.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), half_points)
    settings = document.settings.element
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.attrib.clear()
        theme_language.set(qn("w:val"), config.language)


def _paragraph(style: BaseStyle, size: float, *, space_after: float) -> None:
    assert isinstance(style, ParagraphStyle)
    style.font.size = Pt(round(size * 2) / 2)  # Word keeps sizes in half points
    style.font.color.rgb = TEXT_COLOUR
    layout = style.paragraph_format
    layout.alignment = WD_ALIGN_PARAGRAPH.LEFT
    layout.line_spacing = LINE_SPACING
    layout.space_before = Pt(0)
    layout.space_after = Pt(space_after)


def _heading(style: BaseStyle, size: float, *, before: float, after: float) -> None:
    assert isinstance(style, ParagraphStyle)
    _paragraph(style, size, space_after=after)
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.keep_with_next = True
    style.paragraph_format.keep_together = True
    # Headings keep the PDF's line height (1.3 em): the font's own line is 1.24 em.
    style.paragraph_format.line_spacing = HEADING_LINE_SPACING
    style.font.bold = True
    style.font.italic = False
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        _remove_children(rpr, None, tag)
    _plain_colour(rpr)


def _plain_colour(rpr) -> None:  # noqa: ANN001 - an lxml element
    colour = rpr.find(qn("w:color"))
    if colour is not None:
        for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
            colour.attrib.pop(qn(attribute), None)


def _no_hyphenation(style: BaseStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        flag = OxmlElement("w:suppressAutoHyphens")
        # w:suppressAutoHyphens comes before w:spacing and w:jc in the schema.
        anchor = next((child for child in ppr if child.tag in _AFTER_SUPPRESS_HYPHENS), None)
        if anchor is None:
            ppr.append(flag)
        else:
            anchor.addprevious(flag)


_AFTER_SUPPRESS_HYPHENS = {
    qn(tag)
    for tag in (
        "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
        "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
        "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    )
}  # fmt: skip


def _point_styles(document: DocumentObject, size: float) -> None:
    """Styles for the two cells of a point's row, so an editor keeps the look."""
    text = document.styles.add_style(POINT_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = document.styles["Normal"]
    text.paragraph_format.space_after = Pt(0)
    text.quick_style = True
    picture = document.styles.add_style(POINT_PICTURE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    picture.base_style = document.styles["Normal"]
    picture.paragraph_format.space_after = Pt(0)
    # "1.5 lines" would also stretch the line that holds the picture, and a tiny font keeps
    # the text's descent from adding to the row height: the row is as tall as its picture.
    picture.paragraph_format.line_spacing = 1.0
    picture.font.size = Pt(2)


def _running_title_styles(document: DocumentObject, size: float) -> None:
    """The page header in the body text size, not bold, in the PDF's grey; and the hidden
    character style that marks which section a row belongs to (see docx_running)."""
    header = document.styles["Header"]
    _paragraph(header, size, space_after=0)
    header.paragraph_format.line_spacing = 1.0
    header.font.color.rgb = HEADER_COLOUR
    _remove_children(header.element, "w:pPr", "w:tabs")
    marker = document.styles.add_style(RUNNING_TITLE_STYLE, WD_STYLE_TYPE.CHARACTER)
    marker.style_id = RUNNING_TITLE_STYLE_ID  # the id the marks name
    marker.hidden = True  # not offered in Word's style gallery
    marker.font.hidden = True
    marker.priority = 99


def add_running_header(document: DocumentObject, geometry: PageGeometry, size: float) -> None:
    """The running section title in the header of every page but the cover, in the body text
    size as long as its line fits between the header's top and the text: a taller header
    would push the text down on every page (from about 20 pt on A4)."""
    header = document.styles["Header"]
    header.font.size = Pt(header_font_size(geometry, size))
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.style = header
    add_running_title(paragraph)


def header_font_size(geometry: PageGeometry, size: float) -> float:
    """The body text size, in half points, or the largest whose line fits above the text."""
    room_pt = (geometry.top_mm - geometry.header_mm) / 25.4 * 72
    return min(round(size * 2), int(room_pt / HEADER_LINE_EM * 2)) / 2


def _add_hyperlink_style(document: DocumentObject) -> None:
    styles = document.styles
    if HYPERLINK_STYLE in [style.name for style in styles]:
        return
    style = styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = LINK_COLOUR
    style.font.underline = True
    style.unhide_when_used = True
    style.priority = 99


def _use_font_everywhere(document: DocumentObject) -> None:
    """One font on all four slots of every w:rFonts, with no theme fonts left to win."""
    root = document.styles.element
    run_defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    if run_defaults.find(qn("w:rFonts")) is None:
        run_defaults.insert(0, OxmlElement("w:rFonts"))
    for style in root.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        styled_text = style.get(qn("w:type")) in ("paragraph", "character")
        if styled_text and rpr is not None and rpr.find(qn("w:rFonts")) is None:
            rpr.insert(_rfonts_position(rpr), OxmlElement("w:rFonts"))
    for fonts in root.iter(qn("w:rFonts")):
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        for attribute in _RFONTS_ATTRIBUTES:
            fonts.set(qn(attribute), FONT_NAME)


def _rfonts_position(rpr) -> int:  # noqa: ANN001 - an lxml element
    # w:rFonts follows only w:rStyle in a run's properties.
    return 1 if len(rpr) and rpr[0].tag == qn("w:rStyle") else 0


def _remove_italics_everywhere(document: DocumentObject) -> None:
    """Easy Read has no italics: take them out of every style, used or not."""
    for tag in ("w:i", "w:iCs"):
        for element in list(document.styles.element.iter(qn(tag))):
            element.getparent().remove(element)


def _remove_children(element, parent_tag: str | None, tag: str) -> None:  # noqa: ANN001
    parent = element if parent_tag is None else element.find(qn(parent_tag))
    if parent is None:
        return
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def add_page_numbers(document: DocumentObject, page_label: str, size: float) -> None:
    """'Page N of M' in every footer but the cover's, with Word's PAGE and NUMPAGES fields."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in split_page_label(page_label):
        if kind == "text":
            paragraph.add_run(text).font.size = Pt(size)
        else:
            add_field(paragraph, kind, size)


def split_page_label(label: str) -> list[tuple[str, str]]:
    """'Page {page} of {pages}' -> text, PAGE field, text, NUMPAGES field."""
    parts: list[tuple[str, str]] = []
    rest = label
    while rest:
        positions = [(rest.find(mark), mark) for mark in ("{page}", "{pages}") if mark in rest]
        if not positions:
            parts.append(("text", rest))
            break
        start, mark = min(positions)
        if start:
            parts.append(("text", rest[:start]))
        parts.append(("PAGE" if mark == "{page}" else "NUMPAGES", mark))
        rest = rest[start + len(mark) :]
    return parts


def add_field(paragraph: Paragraph, instruction: str, size: float) -> None:
    """A simple field whose shown value Word and LibreOffice work out when they lay out pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        rpr.append(element)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
