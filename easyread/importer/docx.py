"""Read a Word file (DOCX) into the imported document, safely.

The package is opened by easyread.importer.package (sizes checked, XML parsed without entities
or network), and the XML is walked here with lxml: paragraphs with their heading level (from
the style or its outline level), list items (from Word's numbering), bold and italic runs,
links, pictures with their alt text, footnotes and endnotes, and tables.

A DOCX that easyread itself wrote is recognised by its bookmarks: the pages easyread adds (About
this document, Contents, Words to know, Checked by, Find out more) are left out, and its cover
gives the title, subtitle, picture, organisation and date back to easyread.toml.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from easyread.errors import SourceError
from easyread.importer.document import (
    Block,
    CellParts,
    Document,
    Heading,
    Inline,
    ListItem,
    NoteRef,
    Paragraph,
    PictureData,
    Text,
    easy_read_date,
    has_words,
    pictures_in,
    plain_text,
    table_blocks,
)
from easyread.importer.package import Package, open_package
from easyread.importer.pictures import picture_suffix

KIND = "Word file"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"  # noqa: E741
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

_FALSE = {"0", "false", "off", "none"}
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$")
# Word's "List Bullet 2" and "List Number 3" styles are the deeper levels of a list, though each
# has its own one-level numbering.
_LIST_STYLE_LEVEL = re.compile(r"^list (?:bullet|number)\s*([2-9])$")
# easyread's DOCX writer puts a bookmark named _er<index>_<anchor> on every section title; the
# author's own sections have the anchor section-<n>, the pages easyread adds have their own.
_EASYREAD_BOOKMARK = re.compile(r"^_er\d+_(.*)$")
_BODY_ANCHOR = re.compile(r"^section_\d+$")
_RECURSE = {f"{{{W}}}{tag}" for tag in ("ins", "smartTag", "fldSimple", "customXml", "moveTo")}
_RECURSE |= {f"{{{W}}}{tag}" for tag in ("dir", "bdo")}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def read_docx(path: Path) -> Document:
    """The Word file at `path` as an imported document; one plain error if it cannot be read."""
    package = open_package(path, KIND)
    try:
        return _DocxReader(package).read()
    finally:
        package.close()


@dataclass(slots=True)
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level, 9 means body text
    numbering: tuple[str, int] | None = None
    bold: bool | None = None
    italic: bool | None = None


@dataclass(slots=True)
class _Styles:
    by_id: dict[str, _Style] = field(default_factory=dict)
    language: str = ""

    @classmethod
    def parse(cls, root: etree._Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        lang = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
        if lang is not None:
            styles.language = lang.get(w("val"), "")
        for element in root.iterchildren(w("style")):
            style_id = element.get(w("styleId"))
            if not style_id:
                continue
            name = element.find(w("name"))
            based = element.find(w("basedOn"))
            ppr = element.find(w("pPr"))
            rpr = element.find(w("rPr"))
            styles.by_id[style_id] = _Style(
                name=(name.get(w("val"), "") if name is not None else "").strip().lower(),
                based_on=based.get(w("val")) if based is not None else None,
                outline=_outline(ppr),
                numbering=_numbering_of(ppr),
                bold=_toggle(rpr, "b"),
                italic=_toggle(rpr, "i"),
            )
        return styles

    def chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen and len(chain) < 20:
            seen.add(style_id)
            style = self.by_id[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def kind(self, style_id: str | None) -> tuple[str, int]:
        """("heading", level), ("title", 0), ("subtitle", 0) or ("", 0) for a paragraph style."""
        for style in self.chain(style_id):
            if style.name == "title":
                return "title", 0
            if style.name == "subtitle":
                return "subtitle", 0
            found = _HEADING_NAME.match(style.name)
            if found:
                return "heading", int(found.group(1))
            if style.outline is not None:
                return ("heading", style.outline + 1) if style.outline < 9 else ("", 0)
        return "", 0

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self.chain(style_id):
            if style.numbering is not None:
                return style.numbering
        return None

    def list_depth(self, style_id: str | None) -> int:
        """The depth a "List Bullet 2" style means, or 0."""
        for style in self.chain(style_id):
            found = _LIST_STYLE_LEVEL.match(style.name)
            if found:
                return int(found.group(1)) - 1
        return 0

    def run_flag(self, style_id: str | None, flag: str) -> bool:
        for style in self.chain(style_id):
            value = getattr(style, flag)
            if value is not None:
                return bool(value)
        return False


@dataclass(slots=True)
class _Numbering:
    """Which Word lists are numbered (1. 2. 3.) and which have bullets."""

    formats: dict[tuple[str, int], str] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract: dict[str, dict[int, str]] = {}
        for element in root.iterchildren(w("abstractNum")):
            abstract[element.get(w("abstractNumId"), "")] = _level_formats(element)
        for element in root.iterchildren(w("num")):
            num_id = element.get(w("numId"), "")
            ref = element.find(w("abstractNumId"))
            levels = dict(abstract.get(ref.get(w("val"), "") if ref is not None else "", {}))
            for override in element.iterchildren(w("lvlOverride")):
                levels.update(_level_formats(override))
            for level, fmt in levels.items():
                numbering.formats[(num_id, level)] = fmt
        return numbering

    def is_ordered(self, num_id: str, level: int) -> bool:
        return self.formats.get((num_id, level), "bullet") not in ("bullet", "none")


def _level_formats(element: etree._Element) -> dict[int, str]:
    formats: dict[int, str] = {}
    for level in element.iterchildren(w("lvl")):
        fmt = level.find(w("numFmt"))
        try:
            number = int(level.get(w("ilvl"), "0"))
        except ValueError:
            continue
        formats[number] = fmt.get(w("val"), "bullet") if fmt is not None else "bullet"
    return formats


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    if rpr is None:
        return None
    element = rpr.find(w(tag))
    if element is None:
        return None
    return element.get(w("val"), "true").lower() not in _FALSE


def _outline(ppr: etree._Element | None) -> int | None:
    element = ppr.find(w("outlineLvl")) if ppr is not None else None
    if element is None:
        return None
    try:
        return int(element.get(w("val"), "9"))
    except ValueError:
        return None


def _numbering_of(ppr: etree._Element | None) -> tuple[str, int] | None:
    element = ppr.find(w("numPr")) if ppr is not None else None
    if element is None:
        return None
    num = element.find(w("numId"))
    level = element.find(w("ilvl"))
    num_id = num.get(w("val"), "0") if num is not None else ""
    try:
        depth = int(level.get(w("val"), "0")) if level is not None else 0
    except ValueError:
        depth = 0
    return (num_id, min(max(depth, 0), 8)) if num_id else None


class _Notes:
    """Footnotes and endnotes, numbered in the order the text first refers to them."""

    def __init__(self) -> None:
        self.parts: dict[bool, tuple[dict[str, etree._Element], dict]] = {}
        self.numbers: dict[tuple[bool, str], int] = {}
        self.reader: _DocxReader | None = None

    @classmethod
    def parse(cls, reader: _DocxReader) -> _Notes:
        notes = cls()
        notes.reader = reader
        for endnote, ending, tag in (
            (False, "/footnotes", "footnote"),
            (True, "/endnotes", "endnote"),
        ):
            for kind, target, external in reader.rels.values():
                if kind.endswith(ending) and not external and reader.package.has(target):
                    root = reader.package.xml(target)
                    by_id = {
                        element.get(w("id"), ""): element
                        for element in root.iterchildren(w(tag))
                        if element.get(w("type"), "normal") == "normal"
                    }
                    notes.parts[endnote] = (by_id, reader._relationships(target))
        return notes

    def reference(self, endnote: bool, note_id: str | None) -> NoteRef | None:
        reader = self.reader
        assert reader is not None
        by_id, rels = self.parts.get(endnote, ({}, {}))
        if note_id is None or note_id not in by_id:
            return None
        key = (endnote, note_id)
        if key not in self.numbers:
            number = len(self.numbers) + 1
            self.numbers[key] = number
            body_rels, reader.rels = reader.rels, rels  # links in a note use the note's part
            try:
                content: list[Inline] = []
                for paragraph in by_id[note_id].iter(w("p")):
                    words = [item for item in reader._inlines(paragraph) if isinstance(item, Text)]
                    if content and words:
                        content.append(Text(" "))
                    content.extend(words)
            finally:
                reader.rels = body_rels
            reader.document.notes[number] = content
        return NoteRef(self.numbers[key])


class _DocxReader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.path = package.path
        self.document = Document(path=package.path, kind="docx")
        main = self._main_part_name()
        self.main = main
        self.root = package.xml(main)
        if self.root.tag != w("document"):
            if self.root.tag.startswith(f"{{{STRICT_W}}}"):
                raise SourceError(
                    "this Word file is saved as 'Strict Open XML', which easyread cannot read",
                    path=self.path,
                    hint="save it again in Word as a normal Word Document (.docx)",
                )
            raise _not_word(self.path)
        self.rels = self._relationships(main)
        self.styles = _Styles.parse(self._related_xml("/styles"))
        self.numbering = _Numbering.parse(self._related_xml("/numbering"))
        self.count = 0
        self.seen_heading = False
        self.skipping = False
        self.pictures: dict[str, PictureData | None] = {}
        self.notes = _Notes.parse(self)
        self.easyread_made = any(
            _EASYREAD_BOOKMARK.match(name)
            for name in self.root.xpath("//w:bookmarkStart/@w:name", namespaces={"w": W})
        )

    # -- the package ------------------------------------------------------------------------

    def _main_part_name(self) -> str:
        if not self.package.has("_rels/.rels"):
            raise _not_word(self.path)
        rels = self.package.xml("_rels/.rels")
        for rel in rels.iterchildren(f"{{{PR}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                name = _part_name("", rel.get("Target", ""))
                if self.package.has(name):
                    return name
        raise _not_word(self.path)

    def _relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Id -> (type, target, external) for one part."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        found: dict[str, tuple[str, str, bool]] = {}
        if not self.package.has(rels_name):
            return found
        for rel in self.package.xml(rels_name).iterchildren(f"{{{PR}}}Relationship"):
            external = rel.get("TargetMode", "") == "External"
            target = rel.get("Target", "")
            if not external:
                target = _part_name(folder, target)
            found[rel.get("Id", "")] = (rel.get("Type", ""), target, external)
        return found

    def _related_xml(self, type_ending: str) -> etree._Element | None:
        for kind, target, external in self.rels.values():
            if kind.endswith(type_ending) and not external and self.package.has(target):
                return self.package.xml(target)
        return None

    # -- the whole document -----------------------------------------------------------------

    def read(self) -> Document:
        body = self.root.find(w("body"))
        if body is not None:
            self._walk(body)
        self._core_properties()
        if not self.document.language:
            self.document.language = self.styles.language
        return self.document

    def _core_properties(self) -> None:
        name = "docProps/core.xml"
        if not self.package.has(name):
            return
        core = self.package.xml(name)
        title = _dc(core, "title")
        if title and not self.document.title:
            self.document.title = title
        self.document.author = _dc(core, "creator")
        language = _dc(core, "language")
        if language:
            self.document.language = language

    def _walk(self, parent: etree._Element) -> None:
        for element in parent:
            tag = element.tag
            if tag == w("p"):
                self._add_paragraph(element)
            elif tag == w("tbl"):
                self._add_table(element)
            elif tag == w("sdt"):
                content = element.find(w("sdtContent"))
                if content is not None:
                    self._walk(content)
            elif tag == w("customXml"):
                self._walk(element)

    def _next_number(self) -> int:
        self.count += 1
        return self.count

    def _add(self, block: Block) -> None:
        if not self.skipping:
            self.document.blocks.append(block)

    # -- paragraphs -------------------------------------------------------------------------

    def _add_paragraph(self, p: etree._Element) -> None:
        content = self._inlines(p)
        if not has_words(content) and not pictures_in(content):
            return
        number = self._next_number()
        style_id = _style_id(p)
        kind, level = self._kind(p, style_id)
        if kind == "heading":
            self._heading(p, level, content, number)
            return
        if self.skipping:
            return
        if kind == "title" and not self.document.title and has_words(content):
            self.document.title = plain_text(content)
            return
        if kind == "subtitle" and not self.document.subtitle and has_words(content):
            self.document.subtitle = plain_text(content)
            return
        if not self.seen_heading and self._cover_part(content):
            return
        numbering = _numbering_of(p.find(w("pPr"))) or self.styles.numbering(style_id)
        if numbering is not None and numbering[0] != "0":
            num_id, depth = numbering
            ordered = self.numbering.is_ordered(num_id, depth)
            depth = max(depth, self.styles.list_depth(style_id))
            self._add(ListItem(content, number, depth=depth, ordered=ordered))
            return
        self._add(Paragraph(content, number))

    def _kind(self, p: etree._Element, style_id: str | None) -> tuple[str, int]:
        outline = _outline(p.find(w("pPr")))
        if outline is not None:
            return ("heading", outline + 1) if outline < 9 else ("", 0)
        return self.styles.kind(style_id)

    def _heading(self, p: etree._Element, level: int, content: list[Inline], number: int) -> None:
        if self.easyread_made and level == 1:
            anchors = [
                found.group(1)
                for name in p.xpath(".//w:bookmarkStart/@w:name", namespaces={"w": W})
                if (found := _EASYREAD_BOOKMARK.match(name))
            ]
            # Only the author's own sections: not About this document, Contents (which has no
            # bookmark), Words to know, Checked by or Find out more.
            self.skipping = not any(_BODY_ANCHOR.match(anchor) for anchor in anchors)
        if self.skipping:
            return
        self.seen_heading = True
        self._add(Heading(level, content, number))

    def _cover_part(self, content: list[Inline]) -> bool:
        """Before the first heading: a picture alone is the cover picture; in easyread's own
        DOCX the lines under it are the organisation and the date. True if it was used."""
        document = self.document
        if not has_words(content) and document.cover is None:
            document.cover = pictures_in(content)[0]
            return True
        if not self.easyread_made or pictures_in(content):
            return False
        text = plain_text(content)
        date = easy_read_date(text)
        if date is not None and document.date is None:
            document.date = date
        elif not document.organisation:
            document.organisation = text
        elif not document.edition:
            document.edition = text
        else:
            return False
        return True

    # -- runs -------------------------------------------------------------------------------

    def _inlines(self, parent: etree._Element) -> list[Inline]:
        found: list[Inline] = []
        for child in parent:
            self._inline(child, None, found)
        return found

    def _inline(self, element: etree._Element, link: str | None, found: list[Inline]) -> None:
        tag = element.tag
        if tag == w("r"):
            self._run(element, link, found)
        elif tag == w("hyperlink"):
            target = self._link_target(element)
            for child in element:
                self._inline(child, target or link, found)
        elif tag in _RECURSE:
            for child in element:
                self._inline(child, link, found)
        elif tag == w("sdt"):
            content = element.find(w("sdtContent"))
            for child in content if content is not None else ():
                self._inline(child, link, found)
        elif tag == f"{{{MC}}}AlternateContent":
            choice = _alternative(element)
            for child in choice if choice is not None else ():
                self._inline(child, link, found)

    def _link_target(self, element: etree._Element) -> str | None:
        rel_id = element.get(f"{{{R}}}id")
        if rel_id and rel_id in self.rels:
            _, target, external = self.rels[rel_id]
            return target if external else None
        return None

    def _run(self, run: etree._Element, link: str | None, found: list[Inline]) -> None:
        rpr = run.find(w("rPr"))
        if _toggle(rpr, "vanish"):
            return  # hidden text
        char_style = rpr.find(w("rStyle")) if rpr is not None else None
        char_style_id = char_style.get(w("val")) if char_style is not None else None
        bold = _toggle(rpr, "b")
        italic = _toggle(rpr, "i")
        if bold is None:
            bold = self.styles.run_flag(char_style_id, "bold")
        if italic is None:
            italic = self.styles.run_flag(char_style_id, "italic")
        for child in run:
            tag = child.tag
            if tag == w("t"):
                found.append(Text(child.text or "", bold, italic, link))
            elif tag in (w("tab"), w("br"), w("cr")):
                found.append(Text(" ", bold, italic, link))
            elif tag == w("noBreakHyphen"):
                found.append(Text("-", bold, italic, link))
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                reference = self.notes.reference(tag == w("endnoteReference"), child.get(w("id")))
                if reference is not None:
                    found.append(reference)
            elif tag == w("drawing"):
                self._drawing(child, found)
            elif tag == w("pict"):
                self._vml_picture(child, found)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = _alternative(child)
                for inner in choice if choice is not None else ():
                    if inner.tag == w("drawing"):
                        self._drawing(inner, found)
                    elif inner.tag == w("pict"):
                        self._vml_picture(inner, found)

    def _drawing(self, drawing: etree._Element, found: list[Inline]) -> None:
        properties = drawing.find(f".//{{{WP}}}docPr")
        alt = ""
        if properties is not None:
            alt = (properties.get("descr") or properties.get("title") or "").strip()
        blips = list(drawing.iter(f"{{{A}}}blip"))
        if not blips:
            if drawing.find(f".//{{{CHART}}}chart") is not None:
                self._left_out("a chart")
            elif drawing.find(f".//{{{W}}}txbxContent") is not None:
                self._left_out("a text box")
            return
        picture = self._picture(blips[0].get(f"{{{R}}}embed"), blips[0].get(f"{{{R}}}link"), alt)
        if picture is not None:
            found.append(picture)

    def _vml_picture(self, pict: etree._Element, found: list[Inline]) -> None:
        image = pict.find(f".//{{{V}}}imagedata")
        if image is None:
            if pict.find(f".//{{{W}}}txbxContent") is not None:
                self._left_out("a text box")
            return
        shape = image.getparent()
        alt = ""
        if shape is not None:
            alt = (shape.get("alt") or image.get(f"{{{O}}}title") or "").strip()
        picture = self._picture(image.get(f"{{{R}}}id"), None, alt)
        if picture is not None:
            found.append(picture)

    def _picture(self, rel_id: str | None, linked: str | None, alt: str) -> PictureData | None:
        if not rel_id:
            if linked:
                self._left_out("a picture that is linked to a file outside the document")
            return None
        if rel_id not in self.pictures:
            self.pictures[rel_id] = self._picture_data(rel_id)
        data = self.pictures[rel_id]
        return PictureData(data.data, data.suffix, alt) if data is not None else None

    def _picture_data(self, rel_id: str) -> PictureData | None:
        kind, target, external = self.rels.get(rel_id, ("", "", False))
        if external or not self.package.has(target):
            self._left_out("a picture that is linked to a file outside the document")
            return None
        data = self.package.read(target)
        suffix, reason = picture_suffix(data)
        if suffix is None:
            self._left_out(f"a picture ({posixpath.basename(target)}): {reason}")
            return None
        return PictureData(data, suffix, "")

    def _left_out(self, what: str) -> None:
        self.document.left_out.append(f"paragraph {self.count + 1}: {what}")

    # -- tables -----------------------------------------------------------------------------

    def _add_table(self, table: etree._Element) -> None:
        rows: list[list[CellParts]] = []
        paragraphs: list[int] = []
        for row in table.iterchildren(w("tr")):
            cells: list[CellParts] = []
            for cell in row.iterchildren(w("tc")):
                cells.append(self._cell(cell))
                cells.extend([] for _ in range(_grid_span(cell) - 1))
            numbers = [parts[0][1] for parts in cells if parts]
            rows.append(cells)
            paragraphs.append(numbers[0] if numbers else self.count)
        if not rows:
            return
        for block in table_blocks(rows, paragraphs):
            self._add(block)

    def _cell(self, cell: etree._Element) -> list[tuple[list[Inline], int]]:
        parts: list[tuple[list[Inline], int]] = []
        for element in cell.iter(w("p")):  # nested tables too: their words join this cell
            content = self._inlines(element)
            if has_words(content) or pictures_in(content):
                parts.append((content, self._next_number()))
        return parts


def _grid_span(cell: etree._Element) -> int:
    span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
    try:
        return max(1, min(int(span.get(w("val"), "1")), 64)) if span is not None else 1
    except ValueError:
        return 1


def _style_id(p: etree._Element) -> str | None:
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val")) if style is not None else None


def _alternative(element: etree._Element) -> etree._Element | None:
    """The first choice of an mc:AlternateContent, which holds the full drawing."""
    choice = element.find(f"{{{MC}}}Choice")
    return choice if choice is not None else element.find(f"{{{MC}}}Fallback")


def _part_name(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _dc(core: etree._Element, tag: str) -> str:
    element = core.find(f"{{{DC}}}{tag}")
    return " ".join((element.text or "").split()) if element is not None else ""


def _not_word(path: Path) -> SourceError:
    return SourceError(
        "this is not a Word document",
        path=path,
        hint="give a .docx file saved by Word or LibreOffice",
    )
