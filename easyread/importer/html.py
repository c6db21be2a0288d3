"""Read a web page (HTML) into the imported document, with Python's own HTML parser.

Nothing is ever fetched: a picture is taken from the page itself (a data: address) or from a
file beside the page, inside its folder; a picture on the internet is left out and named.
Scripts, styles, forms, frames and navigation menus are dropped. When the page has a <main>
landmark only that is read, as the rest is the website around the report. The page's <title>,
lang and author give easyread.toml.

A page that easyread wrote is read back too: its cover gives the settings, and the pages
easyread adds (section-front, section-back) are left out.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from easyread.errors import SourceError
from easyread.importer.document import (
    CellParts,
    Document,
    Heading,
    Inline,
    ListItem,
    Paragraph,
    PictureData,
    Text,
    easy_read_date,
    has_words,
    pictures_in,
    table_blocks,
)
from easyread.importer.pictures import picture_suffix

MAX_HTML_BYTES = 64 * 1024 * 1024
MAX_PICTURE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 400  # deeper elements are read as part of their ancestor at this depth

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_DROPPED = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "select", "textarea", "button", "nav", "form", "head", "map",
}  # fmt: skip
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_PARAGRAPHS = {"p", "pre", "address", "dt", "dd", "figcaption", "caption", "summary", "legend"}
_LISTS = {"ul", "ol", "menu", "dl"}
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em", "cite", "dfn", "var"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page: unknown closing tags are ignored, open ones closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {name: value or "" for name, value in attrs})
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option"):
            self._close_open(tag)
        if len(self.stack) < MAX_DEPTH:
            self.stack[-1].children.append(node)
            if tag not in _VOID:
                self.stack.append(node)
        elif tag in ("img", "br"):
            self.stack[-1].children.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_open(self, tag: str) -> None:
        """A new <p>, <li> or cell closes the one still open at the same level."""
        closers = {"td": ("td", "th"), "th": ("td", "th"), "dt": ("dt", "dd"), "dd": ("dt", "dd")}
        names = closers.get(tag, (tag,))
        stoppers = {"ul", "ol", "table", "tr", "div", "section", "body", "dl"}
        for index in range(len(self.stack) - 1, 0, -1):
            current = self.stack[index].tag
            if current in names:
                del self.stack[index:]
                return
            if current in stoppers:
                return


def read_html(path: Path) -> Document:
    """The web page at `path` as an imported document; one plain error if it cannot be read."""
    text = _read_text(path)
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except (AssertionError, ValueError, RecursionError) as error:
        raise SourceError(
            "this web page is too broken to read",
            path=path,
            hint="open it in a browser and save it again",
        ) from error
    return _HtmlReader(path, builder.root).read()


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_HTML_BYTES:
            raise SourceError(
                f"this web page is too big to import ({size // (1024 * 1024)} MB)",
                path=path,
                hint="split it into smaller pages",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("this file does not exist", path=path, hint="check its name") from None
    except IsADirectoryError:
        raise SourceError("this is a folder, not a file", path=path) from None
    except OSError as error:
        raise SourceError(f"cannot read this file ({error.strerror})", path=path) from None
    if b"\0" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            "this is not a web page",
            path=path,
            hint="give an .html file saved by a browser or a word processor",
        )
    return data.decode(_encoding(data), errors="replace")


def _encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    found = _CHARSET.search(data[:4096])
    if found:
        try:
            return codecs.lookup(found.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"  # what Word writes when it saves a page without saying


class _HtmlReader:
    def __init__(self, path: Path, root: _Node) -> None:
        self.path = path
        self.root = root
        self.document = Document(path=path, kind="html")
        self.count = 0
        self.seen_heading = False
        self.pending: list[Inline] = []

    def read(self) -> Document:
        for tag in ("html", "body"):
            node = _find(self.root, tag)
            if node is not None and not self.document.language:
                self.document.language = node.attrs.get("lang", "").strip()
        head = _find(self.root, "head")
        if head is not None:
            self._head(head)
        cover = _find(self.root, "header", "cover")
        if cover is not None:
            self._easyread_cover(cover)
        main = _find(self.root, "main")
        self._blocks(main if main is not None else self.root, depth=-1, ordered=False)
        self._flush()
        return self.document

    def _head(self, head: _Node) -> None:
        title = _find(head, "title")
        if title is not None and not self.document.title:
            self.document.title = " ".join(_text_of(title).split())
        for node in _all(head, "meta"):
            if node.attrs.get("name", "").lower() == "author":
                self.document.author = " ".join(node.attrs.get("content", "").split())

    def _easyread_cover(self, cover: _Node) -> None:
        """The cover of a page easyread wrote: title, subtitle, picture, organisation, date."""
        fields = {
            "cover-title": "title",
            "cover-subtitle": "subtitle",
            "cover-organisation": "organisation",
            "cover-date": "edition",
        }
        for node in _all(cover, None):
            for name, key in fields.items():
                if name in node.classes():
                    setattr(self.document, key, " ".join(_text_of(node).split()))
            if "cover-date" in node.classes():
                self.document.date = easy_read_date(_text_of(node))
                if self.document.date is not None:
                    self.document.edition = ""
            if "cover-picture" in node.classes():
                pictures = pictures_in(self._inlines(node))
                if pictures:
                    self.document.cover = pictures[0]

    # -- blocks -----------------------------------------------------------------------------

    def _blocks(self, node: _Node, *, depth: int, ordered: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.pending.append(Text(child))
                continue
            tag = child.tag
            if tag in _DROPPED or child.attrs.get("hidden") is not None or _skipped(child):
                continue
            if tag in _HEADINGS:
                self._flush()
                self._heading(child, _HEADINGS[tag])
            elif tag in _PARAGRAPHS:
                self._flush()
                self._add_paragraph(self._inlines(child))
            elif tag in _LISTS:
                self._flush()
                self._list(child, depth=depth + 1, ordered=tag == "ol")
            elif tag == "li":
                self._flush()
                self._list_item(child, depth=max(depth, 0), ordered=ordered)
            elif tag == "table":
                self._flush()
                self._table(child)
            elif tag == "br":
                self.pending.append(Text(" "))
            elif tag == "hr":
                self._flush()
            elif _is_inline(child):
                self.pending.extend(self._inlines(_Node("span", {}, [child])))
            else:  # div, section, article, blockquote, figure and the like
                self._flush()
                self._blocks(child, depth=depth, ordered=ordered)
                self._flush()

    def _flush(self) -> None:
        content, self.pending = self.pending, []
        self._add_paragraph(content)

    def _number(self) -> int:
        self.count += 1
        return self.count

    def _heading(self, node: _Node, level: int) -> None:
        content = self._inlines(node)
        if has_words(content) or pictures_in(content):
            self.seen_heading = True
            self.document.blocks.append(Heading(level, content, self._number()))

    def _add_paragraph(self, content: list[Inline]) -> None:
        if not has_words(content) and not pictures_in(content):
            return
        number = self._number()
        if not self.seen_heading and not has_words(content) and self.document.cover is None:
            self.document.cover = pictures_in(content)[0]
            return
        self.document.blocks.append(Paragraph(content, number))

    def _list(self, node: _Node, *, depth: int, ordered: bool) -> None:
        for child in node.children:
            if isinstance(child, _Node) and child.tag in ("li", "dt", "dd"):
                self._list_item(child, depth=depth, ordered=ordered)
            elif isinstance(child, _Node) and child.tag in _LISTS:
                self._list(child, depth=depth + 1, ordered=child.tag == "ol")

    def _list_item(self, node: _Node, *, depth: int, ordered: bool) -> None:
        """The item's own words are one point; lists inside it are the next level."""
        own = _Node("li", node.attrs, [])
        for child in node.children:
            if isinstance(child, _Node) and child.tag in _LISTS:
                self._add_item(own, depth, ordered)
                own = _Node("li", node.attrs, [])
                self._list(child, depth=depth + 1, ordered=child.tag == "ol")
            else:
                own.children.append(child)
        self._add_item(own, depth, ordered)

    def _add_item(self, node: _Node, depth: int, ordered: bool) -> None:
        content = self._inlines(node)
        if has_words(content) or pictures_in(content):
            self.document.blocks.append(ListItem(content, self._number(), depth, ordered))

    def _table(self, table: _Node) -> None:
        rows: list[list[CellParts]] = []
        paragraphs: list[int] = []
        for row in _rows(table):
            cells: list[CellParts] = []
            for cell in row.children:
                if isinstance(cell, _Node) and cell.tag in ("td", "th"):
                    content = self._inlines(cell)
                    parts = [(content, self._number())] if _has_any(content) else []
                    cells.append(parts)
                    span = _int(cell.attrs.get("colspan"), 1)
                    cells.extend([] for _ in range(min(span, 64) - 1))
            if cells:
                numbers = [parts[0][1] for parts in cells if parts]
                rows.append(cells)
                paragraphs.append(numbers[0] if numbers else self.count)
        if not rows:
            return
        self.document.blocks.extend(table_blocks(rows, paragraphs))

    # -- inline -----------------------------------------------------------------------------

    def _inlines(self, node: _Node) -> list[Inline]:
        found: list[Inline] = []
        self._collect(node, found, bold=False, italic=False, link=None)
        return found

    def _collect(
        self, node: _Node, found: list[Inline], *, bold: bool, italic: bool, link: str | None
    ) -> None:
        for child in node.children:
            if isinstance(child, str):
                found.append(Text(child, bold, italic, link))
                continue
            tag = child.tag
            if tag in _DROPPED or child.attrs.get("hidden") is not None:
                continue
            if tag == "img":
                picture = self._picture(child)
                if picture is not None:
                    found.append(picture)
            elif tag == "br":
                found.append(Text(" ", bold, italic, link))
            else:
                if tag in _LISTS or tag in _PARAGRAPHS or tag in _HEADINGS or tag == "div":
                    found.append(Text(" ", bold, italic, link))
                self._collect(
                    child,
                    found,
                    bold=bold or tag in _BOLD,
                    italic=italic or tag in _ITALIC,
                    link=child.attrs.get("href", link) if tag == "a" else link,
                )

    def _picture(self, node: _Node) -> PictureData | None:
        alt = " ".join(node.attrs.get("alt", "").split())
        src = node.attrs.get("src", "").strip()
        data = self._picture_bytes(src)
        if data is None:
            return None
        suffix, reason = picture_suffix(data)
        if suffix is None:
            self._left_out(f"a picture: {reason}")
            return None
        return PictureData(data, suffix, alt)

    def _picture_bytes(self, src: str) -> bytes | None:
        if src.lower().startswith("data:"):
            header, _, payload = src.partition(",")
            if len(payload) > MAX_PICTURE_BYTES * 4 // 3 + 4:
                self._left_out("a picture that is too big")
                return None
            try:
                if header.lower().endswith(";base64"):
                    return base64.b64decode(payload, validate=False)
                return urllib.parse.unquote_to_bytes(payload)
            except (binascii.Error, ValueError):
                self._left_out("a picture that is damaged")
                return None
        if not src or re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE):
            self._left_out("a picture on the internet, which easyread never fetches")
            return None
        folder = self.path.parent.resolve()
        try:
            candidate = (folder / urllib.parse.unquote(src.split("?")[0].split("#")[0])).resolve()
        except (OSError, RuntimeError, ValueError):
            candidate = None
        if candidate is None or not candidate.is_relative_to(folder) or not candidate.is_file():
            self._left_out(f"a picture that is not in the page's folder ({src[:60]})")
            return None
        if candidate.stat().st_size > MAX_PICTURE_BYTES:
            self._left_out(f"a picture that is too big ({src[:60]})")
            return None
        return candidate.read_bytes()

    def _left_out(self, what: str) -> None:
        self.document.left_out.append(f"paragraph {self.count + 1}: {what}")


def _skipped(node: _Node) -> bool:
    """The pages easyread adds to its own web page, and its cover (read on its own)."""
    classes = node.classes()
    return bool(classes & {"section-front", "section-back", "cover", "contents"}) or (
        node.attrs.get("aria-hidden") == "true"
    )


def _is_inline(node: _Node) -> bool:
    return node.tag in {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "img",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var", "font", "label", "del", "ins",
    }  # fmt: skip


def _has_any(content: list[Inline]) -> bool:
    return has_words(content) or bool(pictures_in(content))


def _rows(table: _Node) -> list[_Node]:
    rows: list[_Node] = []
    for child in table.children:
        if isinstance(child, _Node):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(
                    row for row in child.children if isinstance(row, _Node) and row.tag == "tr"
                )
    return rows


def _find(node: _Node, tag: str, css_class: str | None = None) -> _Node | None:
    for found in _all(node, tag):
        if css_class is None or css_class in found.classes():
            return found
    return None


def _all(node: _Node, tag: str | None) -> list[_Node]:
    found: list[_Node] = []
    stack: list[_Node] = [node]
    while stack:
        current = stack.pop()
        if current is not node and (tag is None or current.tag == tag):
            found.append(current)
        stack.extend(child for child in reversed(current.children) if isinstance(child, _Node))
    return found


def _text_of(node: _Node) -> str:
    parts: list[str] = []
    stack: list[_Node | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
        elif current.tag not in _DROPPED:
            stack.extend(reversed(current.children))
    return "".join(parts)


def _int(value: str | None, default: int) -> int:
    try:
        return max(int(value), 1) if value is not None else default
    except ValueError:
        return default
