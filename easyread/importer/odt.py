"""Read an OpenDocument text (ODT, as LibreOffice writes it) into the imported document, safely.

An ODT is a zip of XML like a DOCX, so it is opened the same careful way (sizes checked first,
XML parsed without entities or network). content.xml holds the text: text:h headings with
their outline level, text:p paragraphs, text:list lists (numbered or bulleted as their list
style says), text:span runs whose style is bold or italic, text:a links, draw:frame pictures
with their description (svg:desc or svg:title), text:note footnotes and table:table tables.
meta.xml gives the title, language and author. LibreOffice is never run: this is read directly.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from easyread.errors import SourceError
from easyread.importer.document import (
    CellParts,
    Document,
    Heading,
    Inline,
    ListItem,
    NoteRef,
    Paragraph,
    PictureData,
    Text,
    has_words,
    pictures_in,
    plain_text,
    table_blocks,
)
from easyread.importer.package import Package, encrypted, open_package
from easyread.importer.pictures import picture_suffix

KIND = "OpenDocument file"
MIMETYPE = b"application/vnd.oasis.opendocument.text"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
XLINK = "http://www.w3.org/1999/xlink"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

# Parts of the text that are not the report's own words: a table of contents, indexes,
# tracked deletions and form controls. (Footnotes are read as notes; comments are skipped.)
_SKIPPED = {
    f"{{{TEXT}}}table-of-content",
    f"{{{TEXT}}}alphabetical-index",
    f"{{{TEXT}}}illustration-index",
    f"{{{TEXT}}}table-index",
    f"{{{TEXT}}}bibliography",
    f"{{{TEXT}}}tracked-changes",
    f"{{{TEXT}}}sequence-decls",
    f"{{{TEXT}}}variable-decls",
    f"{{{OFFICE}}}forms",
}


def t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def read_odt(path: Path) -> Document:
    """The OpenDocument text at `path` as an imported document; one plain error otherwise."""
    package = open_package(path, KIND)
    try:
        return _OdtReader(package).read()
    finally:
        package.close()


@dataclass(slots=True)
class _Style:
    parent: str | None = None
    display: str = ""
    bold: bool | None = None
    italic: bool | None = None


@dataclass(slots=True)
class _Styles:
    by_name: dict[str, _Style] = field(default_factory=dict)
    ordered_lists: dict[str, dict[int, bool]] = field(default_factory=dict)
    language: str = ""

    def add(self, root: etree._Element | None) -> None:
        if root is None:
            return
        for element in root.iter(f"{{{STYLE}}}style"):
            name = element.get(f"{{{STYLE}}}name")
            if not name:
                continue
            properties = element.find(f"{{{STYLE}}}text-properties")
            weight = properties.get(f"{{{FO}}}font-weight") if properties is not None else None
            posture = properties.get(f"{{{FO}}}font-style") if properties is not None else None
            self.by_name[name] = _Style(
                parent=element.get(f"{{{STYLE}}}parent-style-name"),
                display=(element.get(f"{{{STYLE}}}display-name") or name).strip().lower(),
                bold=None if weight is None else weight in ("bold", "600", "700", "800", "900"),
                italic=None if posture is None else posture in ("italic", "oblique"),
            )
        for element in root.iter(t("list-style")):
            levels: dict[int, bool] = {}
            for level in element:
                try:
                    number = int(level.get(t("level"), "1"))
                except ValueError:
                    continue
                levels[number] = level.tag == t("list-level-style-number") and bool(
                    level.get(f"{{{STYLE}}}num-format", "1")
                )
            self.ordered_lists[element.get(f"{{{STYLE}}}name", "")] = levels
        for element in root.iter(f"{{{STYLE}}}default-style"):
            properties = element.find(f"{{{STYLE}}}text-properties")
            if properties is not None and element.get(f"{{{STYLE}}}family") == "paragraph":
                language = properties.get(f"{{{FO}}}language", "")
                country = properties.get(f"{{{FO}}}country", "")
                if language and language != "zxx":
                    self.language = f"{language}-{country}" if country else language

    def chain(self, name: str | None) -> list[_Style]:
        found: list[_Style] = []
        seen: set[str] = set()
        while name and name in self.by_name and name not in seen and len(found) < 20:
            seen.add(name)
            found.append(self.by_name[name])
            name = found[-1].parent
        return found

    def flag(self, name: str | None, flag: str) -> bool:
        for style in self.chain(name):
            value = getattr(style, flag)
            if value is not None:
                return bool(value)
        return False

    def paragraph_kind(self, name: str | None) -> str:
        for style in self.chain(name):
            if style.display in ("title", "subtitle"):
                return style.display
        return ""


class _OdtReader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.path = package.path
        self.document = Document(path=package.path, kind="odt")
        self._check_kind()
        self.styles = _Styles()
        if package.has("styles.xml"):
            self.styles.add(package.xml("styles.xml"))
        self.content = package.xml("content.xml")
        self.styles.add(self.content.find(f"{{{OFFICE}}}automatic-styles"))
        self.count = 0
        self.seen_heading = False
        self.pictures: dict[str, PictureData | None] = {}

    def _check_kind(self) -> None:
        if not self.package.has("content.xml"):
            raise _not_odt(self.path)
        if self.package.has("mimetype"):
            mimetype = self.package.read("mimetype").strip()
            if mimetype != MIMETYPE:
                raise _not_odt(self.path)
        if self.package.has("META-INF/manifest.xml"):
            manifest = self.package.xml("META-INF/manifest.xml")
            if manifest.find(f".//{{{MANIFEST}}}encryption-data") is not None:
                raise encrypted(self.path, KIND)

    def read(self) -> Document:
        text = self.content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
        if text is None:
            raise _not_odt(self.path)
        self._walk(text, depth=-1, list_style=None)
        self._meta()
        if not self.document.language:
            self.document.language = self.styles.language
        return self.document

    def _meta(self) -> None:
        if not self.package.has("meta.xml"):
            return
        meta = self.package.xml("meta.xml")
        title = meta.find(f".//{{{DC}}}title")
        if title is not None and (title.text or "").strip() and not self.document.title:
            self.document.title = " ".join(title.text.split())
        for tag in (f"{{{META}}}initial-creator", f"{{{DC}}}creator"):
            author = meta.find(f".//{tag}")
            if author is not None and (author.text or "").strip():
                self.document.author = " ".join(author.text.split())
                break
        language = meta.find(f".//{{{DC}}}language")
        if language is not None and (language.text or "").strip():
            self.document.language = language.text.strip()

    # -- blocks -----------------------------------------------------------------------------

    def _walk(self, parent: etree._Element, *, depth: int, list_style: str | None) -> None:
        for element in parent:
            tag = element.tag
            if tag in _SKIPPED:
                continue
            if tag == t("h"):
                self._heading(element)
            elif tag == t("p"):
                self._paragraph(element, depth, list_style)
            elif tag == t("list"):
                style = element.get(t("style-name")) or list_style
                for item in element:
                    if item.tag in (t("list-item"), t("list-header")):
                        self._walk(item, depth=depth + 1, list_style=style)
            elif tag == f"{{{TABLE}}}table":
                self._table(element)
            elif tag in (t("section"), f"{{{TABLE}}}table-rows", t("soft-page-break")):
                self._walk(element, depth=depth, list_style=list_style)

    def _number(self) -> int:
        self.count += 1
        return self.count

    def _heading(self, element: etree._Element) -> None:
        content = self._inlines(element)
        if not has_words(content) and not pictures_in(content):
            return
        number = self._number()
        try:
            level = int(element.get(t("outline-level"), "1"))
        except ValueError:
            level = 1
        self.seen_heading = True
        self.document.blocks.append(Heading(max(1, min(level, 9)), content, number))

    def _paragraph(self, element: etree._Element, depth: int, list_style: str | None) -> None:
        content = self._inlines(element)
        if not has_words(content) and not pictures_in(content):
            return
        number = self._number()
        kind = self.styles.paragraph_kind(element.get(t("style-name")))
        document = self.document
        if kind == "title" and not document.title and has_words(content):
            document.title = plain_text(content)
            return
        if kind == "subtitle" and not document.subtitle and has_words(content):
            document.subtitle = plain_text(content)
            return
        if not self.seen_heading and not has_words(content) and document.cover is None:
            document.cover = pictures_in(content)[0]
            return
        if depth >= 0:
            ordered = self.styles.ordered_lists.get(list_style or "", {}).get(depth + 1, False)
            document.blocks.append(ListItem(content, number, depth=depth, ordered=ordered))
            return
        document.blocks.append(Paragraph(content, number))

    def _table(self, table: etree._Element) -> None:
        rows: list[list[CellParts]] = []
        paragraphs: list[int] = []
        for row in table.iter(f"{{{TABLE}}}table-row"):
            if _nearest_table(row) is not table:
                continue  # a row of a table inside a cell: read with that cell
            cells: list[CellParts] = []
            for cell in row:
                # A cell covered by its neighbour's span is an empty cell, so columns line up.
                if cell.tag == f"{{{TABLE}}}table-cell":
                    cells.append(self._cell(cell))
                elif cell.tag == f"{{{TABLE}}}covered-table-cell":
                    cells.append([])
            numbers = [parts[0][1] for parts in cells if parts]
            rows.append(cells)
            paragraphs.append(numbers[0] if numbers else self.count)
        rows = [row for row in rows if row]
        if not rows:
            return
        self.document.blocks.extend(table_blocks(rows, paragraphs[: len(rows)]))

    def _cell(self, cell: etree._Element) -> CellParts:
        parts: CellParts = []
        for element in cell.iter(t("p"), t("h")):
            content = self._inlines(element)
            if has_words(content) or pictures_in(content):
                parts.append((content, self._number()))
        return parts

    # -- inline -----------------------------------------------------------------------------

    def _inlines(self, element: etree._Element) -> list[Inline]:
        found: list[Inline] = []
        style = element.get(t("style-name"))
        self._collect(element, found, bold=False, italic=False, link=None, style=style)
        return found

    def _collect(
        self,
        element: etree._Element,
        found: list[Inline],
        *,
        bold: bool,
        italic: bool,
        link: str | None,
        style: str | None,
    ) -> None:
        if element.text:
            found.append(Text(element.text, bold, italic, link))
        for child in element:
            tag = child.tag
            if tag == t("span"):
                name = child.get(t("style-name"))
                self._collect(
                    child,
                    found,
                    bold=bold or self.styles.flag(name, "bold"),
                    italic=italic or self.styles.flag(name, "italic"),
                    link=link,
                    style=name,
                )
            elif tag == t("a"):
                href = child.get(f"{{{XLINK}}}href")
                self._collect(child, found, bold=bold, italic=italic, link=href, style=style)
            elif tag == t("s"):
                found.append(Text(" " * min(_int(child.get(t("c")), 1), 100), bold, italic, link))
            elif tag in (t("tab"), t("line-break")):
                found.append(Text(" ", bold, italic, link))
            elif tag == f"{{{DRAW}}}frame":
                self._frame(child, found)
            elif tag == f"{{{DRAW}}}a":
                for frame in child.iter(f"{{{DRAW}}}frame"):
                    self._frame(frame, found)
            elif tag == t("note"):
                found.append(self._note(child))
            elif tag in (f"{{{OFFICE}}}annotation", t("bookmark-ref")):
                pass  # comments are not part of the text
            elif tag not in _SKIPPED and tag != f"{{{OFFICE}}}annotation-end":
                self._collect(child, found, bold=bold, italic=italic, link=link, style=style)
            if child.tail:
                found.append(Text(child.tail, bold, italic, link))

    def _note(self, note: etree._Element) -> NoteRef:
        """A footnote or endnote: its words, numbered in the order the text refers to them."""
        number = len(self.document.notes) + 1
        content: list[Inline] = []
        body = note.find(t("note-body"))
        for paragraph in body.iter(t("p"), t("h")) if body is not None else ():
            words = [item for item in self._inlines(paragraph) if isinstance(item, Text)]
            if content and words:
                content.append(Text(" "))
            content.extend(words)
        self.document.notes[number] = content
        return NoteRef(number)

    def _frame(self, frame: etree._Element, found: list[Inline]) -> None:
        image = frame.find(f"{{{DRAW}}}image")
        if image is None:
            if frame.find(f"{{{DRAW}}}text-box") is not None:
                self._left_out("a text box")
            elif frame.find(f"{{{DRAW}}}object") is not None:
                self._left_out("a chart or an embedded object")
            return
        alt = ""
        for tag in (f"{{{SVG}}}desc", f"{{{SVG}}}title"):
            element = frame.find(tag)
            if element is not None and (element.text or "").strip():
                alt = " ".join(element.text.split())
                break
        href = image.get(f"{{{XLINK}}}href", "")
        picture = self._picture(href)
        if picture is not None:
            found.append(PictureData(picture.data, picture.suffix, alt))

    def _picture(self, href: str) -> PictureData | None:
        if href not in self.pictures:
            self.pictures[href] = self._picture_data(href)
        return self.pictures[href]

    def _picture_data(self, href: str) -> PictureData | None:
        name = posixpath.normpath(href.lstrip("./")) if href else ""
        if not name or "://" in href or not self.package.has(name):
            self._left_out("a picture that is linked to a file outside the document")
            return None
        data = self.package.read(name)
        suffix, reason = picture_suffix(data)
        if suffix is None:
            self._left_out(f"a picture ({posixpath.basename(name)}): {reason}")
            return None
        return PictureData(data, suffix, "")

    def _left_out(self, what: str) -> None:
        self.document.left_out.append(f"paragraph {self.count + 1}: {what}")


def _nearest_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != f"{{{TABLE}}}table":
        parent = parent.getparent()
    return parent


def _int(value: str | None, default: int) -> int:
    try:
        return max(int(value), 0) if value is not None else default
    except ValueError:
        return default


def _not_odt(path: Path) -> SourceError:
    return SourceError(
        "this is not an OpenDocument text",
        path=path,
        hint="give an .odt file saved by LibreOffice or another word processor",
    )
