"""Render an imported document as a report: section files in Markdown, pictures and settings.

One Markdown file per top-level heading, named like the sample's (01-summary.md). Every Markdown
line remembers the paragraph of the source document it came from (its Place), so lint and score
can name "paragraph 12 (under 'What we found')" when they check a Word file directly.

The Markdown is written to be read back by easyread's own reader and to say exactly what the
document said: characters that would be Markdown marks are escaped, pictures are moved to the
start of their point (where Easy Read puts them), and links only keep web, email and phone
addresses.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from easyread.errors import HIDDEN, SourceError
from easyread.importer.document import (
    Block,
    Document,
    Heading,
    Inline,
    LineBreak,
    ListItem,
    NoteRef,
    Paragraph,
    PictureData,
    Table,
    Text,
    has_words,
    plain_text,
)
from easyread.model import Point
from easyread.reader import parse_section

PICTURES = "pictures"
_GLUE = "\x00"  # marks a piece written straight after the one before it, with no space
_CHECK_PATH = Path("check.md")
LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
DEFAULT_LANGUAGE = "en-GB"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Characters the reader refuses as hidden (control codes, direction controls), and lone
# surrogates: a document may hold them, the report never does.
_CONTROL = re.compile(f"{HIDDEN.pattern}|[\ud800-\udfff]")
_ESCAPE = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
# What would turn the start of a line into a block mark: a heading, a quote, a list item or a
# setext underline.
_TYPED_BULLET = re.compile("^\\s*[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2219\uf0b7]\\s+")
_RULE_LINE = re.compile(r"^[-=][-=\s]*$")
_LINE_START = re.compile(r"^(?:(#|>|=)|([-+])(?=\s|$)|(\d{1,9})([.)]))")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a line of Markdown came from: a paragraph of the source and the heading above it."""

    paragraph: int
    heading: str


@dataclass(slots=True)
class SectionFile:
    name: str  # "01-summary.md"
    text: str
    places: list[Place | None]  # one per line: places[line - 1]

    def place(self, line: int) -> Place | None:
        if 1 <= line <= len(self.places):
            found = self.places[line - 1]
            if found is not None:
                return found
            # A blank line or a table's divider row: the nearest line above it.
            for index in range(line - 2, -1, -1):
                if self.places[index] is not None:
                    return self.places[index]
        return None


@dataclass(slots=True)
class RenderedReport:
    config_text: str
    sections: list[SectionFile]
    pictures: dict[str, bytes]  # "pictures/picture-001.png" -> its bytes
    left_out: list[str] = field(default_factory=list)
    pictures_without_alt: int = 0


def render(document: Document) -> RenderedReport:
    """The report folder's files for `document`, all in memory."""
    return _Renderer(document).render()


class _Renderer:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.picture_names: dict[str, str] = {}  # sha-256 -> name
        self.pictures: dict[str, bytes] = {}
        self.without_alt = 0
        self.lost_styles = 0  # lines written without their bold, which Markdown could not hold
        self.note_refs: list[int] = []  # notes referred to since the last line was written

    def render(self) -> RenderedReport:
        document = self.document
        blocks = _normalised_levels([_typed_bullet(block) for block in document.blocks])
        title = _clean(document.title) or _first_title(blocks) or _title_from(document)
        groups = _sections(blocks, title)
        sections: list[SectionFile] = []
        width = max(2, len(str(len(groups))))
        used: set[str] = set()
        for number, (heading, group) in enumerate(groups, start=1):
            name = _unique(f"{number:0{width}d}-{_slug(heading.text)}", used)
            sections.append(self._section(name, heading, group))
        cover = self._picture_name(document.cover, "cover") if document.cover is not None else ""
        config = _config_text(document, title, cover)
        left_out = list(document.left_out)
        if self.lost_styles:
            lines = f"{self.lost_styles} line{'' if self.lost_styles == 1 else 's'}"
            left_out.append(f"the bold on {lines}, where Markdown cannot keep it")
        return RenderedReport(config, sections, self.pictures, left_out, self.without_alt)

    # -- sections and blocks ----------------------------------------------------------------

    def _section(self, name: str, title: _Title, blocks: list[Block]) -> SectionFile:
        out = _Lines(self.note_refs)
        out.add(f"# {_heading_text(title.text)}", Place(title.paragraph, title.text))
        writer = _SectionWriter(self, out, title.text)
        for block in blocks:
            if isinstance(block, Heading):
                writer.heading(block)
            elif isinstance(block, Table):
                writer.table(block)
            elif isinstance(block, ListItem):
                writer.list_item(block)
            else:
                writer.paragraph(block)
        writer.flush_picture()
        self._notes(out)
        return SectionFile(name, out.text(), out.places)

    def _notes(self, out: _Lines) -> None:
        """The section's footnotes at its end, in the order the text refers to them; each note
        keeps the place of the line that refers to it."""
        written: set[int] = set()
        for number, place in list(out.note_places):
            if number in written:
                continue
            written.add(number)
            out.blank()
            words = self._inline_markdown(self.document.notes.get(number, []))
            out.add(f"[^{number}]: {words}", place)

    def table_lines(self, out: _Lines, table: Table, heading: str) -> None:
        for index, (row, paragraph) in enumerate(zip(table.rows, table.paragraphs, strict=True)):
            cells = [self._inline_markdown(cell) or " " for cell in row]
            out.add("| " + " | ".join(cells) + " |", Place(paragraph, heading))
            if index == 0:
                out.add("|" + "|".join("---" for _ in row) + "|", None)

    # -- inline -----------------------------------------------------------------------------

    def point_lines(self, point: list[Inline], paragraph: int) -> list[tuple[str, int]]:
        """The point's Markdown lines, one per paragraph of the source, with their numbers."""
        lines: list[tuple[str, int]] = []
        segment: list[Inline] = []
        for item in [*point, LineBreak(0)]:
            if not isinstance(item, LineBreak):
                segment.append(item)
                continue
            text = self._inline_markdown(segment)
            if text:
                lines.append((_escape_line_start(text), paragraph))
            segment, paragraph = [], item.paragraph
        return lines

    def _inline_markdown(self, content: list[Inline]) -> str:
        """Text, bold, italics, links, pictures and note marks of one line as Markdown."""
        parts: list[str] = []
        texts: list[Text] = []
        for item in content:
            if isinstance(item, PictureData):
                parts.append(self._styled_markdown(texts))
                parts.append(self.picture_markdown(item))
                texts = []
            elif isinstance(item, NoteRef):
                if not any(
                    isinstance(word, Text) and word.text.strip()
                    for word in self.document.notes.get(item.note, [])
                ):
                    continue  # a note with no words: nothing to refer to
                parts.append(self._styled_markdown(texts))
                parts.append(_GLUE + f"[^{item.note}]")  # right after the word before it
                texts = []
                self.note_refs.append(item.note)
            elif isinstance(item, LineBreak):
                texts.append(Text(" "))
            else:
                texts.append(item)
        parts.append(self._styled_markdown(texts))
        line = ""
        for part in parts:
            if part.startswith(_GLUE):
                line = line.rstrip() + part[len(_GLUE) :]
            elif part:
                line += " " + part
        return " ".join(line.split())

    def _styled_markdown(self, texts: list[Text]) -> str:
        """The texts as Markdown that the reader reads back with the same words and styles.

        Markdown cannot put bold or italic marks everywhere Word can (next to some
        punctuation, or where two styles meet). Every line is read back with easyread's own
        reader; if a style would be lost or would spill, the line is written with fewer styles.
        """
        merged = _merged(texts)
        if not any(item.text.strip() for item in merged):
            return ""
        if not any(item.bold or item.italic for item in merged):
            return _texts_markdown(merged, italic=False, bold=False)  # escapes alone are exact
        for italic, bold in ((True, True), (False, True), (False, False)):
            text = _texts_markdown(merged, italic=italic, bold=bold)
            if _reads_back(text, merged, italic=italic, bold=bold):
                break
        if not bold and any(item.bold and item.text.strip() for item in merged):
            self.lost_styles += 1
        return text

    def picture_markdown(self, picture: PictureData) -> str:
        name = self._picture_name(picture)
        alt = " ".join(_clean(picture.alt).split())
        if not alt:
            self.without_alt += 1
        return f"![{_escape(alt)}]({name})"

    def _picture_name(self, picture: PictureData, stem: str = "") -> str:
        """pictures/<what it shows>.png; the same picture used twice is one file."""
        digest = hashlib.sha256(picture.data).hexdigest()
        if digest not in self.picture_names:
            stem = stem or _picture_stem(picture.alt) or f"picture-{len(self.pictures) + 1:03d}"
            name, count = f"{PICTURES}/{stem}{picture.suffix}", 2
            while name in self.pictures:
                name, count = f"{PICTURES}/{stem}-{count}{picture.suffix}", count + 1
            self.picture_names[digest] = name
            self.pictures[name] = picture.data
        return self.picture_names[digest]


class _SectionWriter:
    """Writes one section's blocks, keeping a picture that stands alone for the next point."""

    def __init__(self, renderer: _Renderer, out: _Lines, heading: str) -> None:
        self.renderer = renderer
        self.out = out
        self.heading_text = heading
        self.pending: tuple[PictureData, int] | None = None
        self.lists = _ListState()

    def flush_picture(self) -> None:
        """A picture with no words after it becomes a point of its own."""
        if self.pending is not None:
            picture, paragraph = self.pending
            self.pending = None
            self.out.blank()
            markdown = self.renderer.picture_markdown(picture)
            self.out.add(markdown, Place(paragraph, self.heading_text))

    def keep_picture(self, picture: PictureData, paragraph: int) -> None:
        self.flush_picture()
        self.pending = (picture, paragraph)

    def with_pending(self, point: list[Inline], paragraph: int) -> tuple[list[Inline], int]:
        """The point with the waiting picture in front, on a line of its own (the picture keeps
        its own paragraph number), if the point has no picture of its own."""
        if self.pending is not None and not isinstance(point[0], PictureData):
            picture, picture_paragraph = self.pending
            self.pending = None
            return [picture, LineBreak(paragraph), *point], picture_paragraph
        self.flush_picture()
        return point, paragraph

    def heading(self, block: Heading) -> None:
        self.flush_picture()
        self.lists.close()
        text = plain_text(block.content)
        self.heading_text = text
        self.out.blank()
        level = min(block.level, 6)
        self.out.add(f"{'#' * level} {_heading_text(text)}", Place(block.paragraph, text))
        for picture in _pictures(block.content):
            self.keep_picture(picture, block.paragraph)

    def table(self, block: Table) -> None:
        self.flush_picture()
        self.lists.close()
        self.out.blank()
        self.renderer.table_lines(self.out, block, self.heading_text)

    def list_item(self, block: ListItem) -> None:
        points = [point for point in _points(block.content) if _readable(point) or _pictures(point)]
        for index, point in enumerate(points):
            paragraph = block.paragraph
            if index == 0:
                point, paragraph = self.with_pending(point, paragraph)
                if self.lists.depth < 0:
                    self.out.blank()
            marker, indent = self.lists.item(block.depth, block.ordered)
            lines = self.renderer.point_lines(point, paragraph)
            more = " " * (len(indent) + len(marker))
            for number, (text, paragraph) in enumerate(lines):
                line = f"{indent}{marker}{text}" if number == 0 else more + text
                self.out.add(line, Place(paragraph, self.heading_text))

    def paragraph(self, block: Paragraph) -> None:
        self.lists.close()
        for point in _points(block.content):
            if not _readable(point):
                if _pictures(point):
                    self.keep_picture(_pictures(point)[0], block.paragraph)
                continue  # a line of only marks ("•", "* * *") is not a point
            point, first = self.with_pending(point, block.paragraph)
            self.out.blank()
            for text, paragraph in self.renderer.point_lines(point, first):
                self.out.add(text, Place(paragraph, self.heading_text))


@dataclass(slots=True)
class _Title:
    text: str
    paragraph: int


class _Lines:
    def __init__(self, note_refs: list[int]) -> None:
        self.lines: list[str] = []
        self.places: list[Place | None] = []
        self.note_refs = note_refs  # filled while a line is rendered, emptied when it is added
        self.note_places: list[tuple[int, Place]] = []

    def add(self, line: str, place: Place | None) -> None:
        self.lines.append(line)
        self.places.append(place)
        if self.note_refs and place is not None:
            self.note_places.extend((number, place) for number in self.note_refs)
        self.note_refs.clear()

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("", None)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class _ListState:
    """Markers and indents for nested Markdown lists, as CommonMark needs them."""

    def __init__(self) -> None:
        self.indents: list[int] = []  # the content column of each open level
        self.counters: list[int] = []
        self.ordered: list[bool] = []

    @property
    def depth(self) -> int:
        return len(self.indents) - 1

    def close(self) -> None:
        self.indents, self.counters, self.ordered = [], [], []

    def item(self, depth: int, ordered: bool) -> tuple[str, str]:
        level = min(max(depth, 0), len(self.indents))  # Markdown cannot skip a level
        indent = self.indents[level - 1] if level else 0
        if level < len(self.indents) and self.ordered[level] == ordered:
            count = self.counters[level] + 1
        else:
            count = 1
        marker = f"{count}. " if ordered else "- "
        self.indents = [*self.indents[:level], indent + len(marker)]
        self.counters = [*self.counters[:level], count]
        self.ordered = [*self.ordered[:level], ordered]
        return marker, " " * indent


# -- helpers --------------------------------------------------------------------------------


def _typed_bullet(block: Block) -> Block:
    """A paragraph that starts with a bullet typed by hand ("• Ask your doctor") is a list item,
    as the writer meant; the bullet itself is not a word."""
    if not isinstance(block, Paragraph):
        return block
    start = 1 if block.content and isinstance(block.content[0], PictureData) else 0
    leading = ""
    for item in block.content[start:]:
        if not isinstance(item, Text):
            break
        leading += item.text
    found = _TYPED_BULLET.match(leading)
    if found is None:
        return block
    content = list(block.content)
    remove, index = found.end(), start
    while remove and index < len(content):
        item = content[index]
        assert isinstance(item, Text)
        cut = min(remove, len(item.text))
        content[index] = Text(item.text[cut:], item.bold, item.italic, item.link)
        remove -= cut
        index += 1
    if not has_words(content):
        return block
    return ListItem(content, block.paragraph)


def _normalised_levels(blocks: list[Block]) -> list[Block]:
    """Shift heading levels so the document's highest one is 1: one section per such heading."""
    levels = [block.level for block in blocks if isinstance(block, Heading)]
    shift = min(levels) - 1 if levels else 0
    if shift <= 0:
        return blocks
    return [
        Heading(block.level - shift, block.content, block.paragraph)
        if isinstance(block, Heading)
        else block
        for block in blocks
    ]


def _sections(blocks: list[Block], title: str) -> list[tuple[_Title, list[Block]]]:
    """Blocks grouped under each level-1 heading that has words; what comes before the first
    one goes into a first section named after the document."""
    groups: list[tuple[_Title, list[Block]]] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1 and has_words(block.content):
            groups.append((_Title(plain_text(block.content), block.paragraph), []))
            rest = [item for item in block.content if isinstance(item, PictureData)]
            if rest:
                groups[-1][1].append(Paragraph(list(rest), block.paragraph))
            continue
        if not groups:
            if isinstance(block, Paragraph) and _same_words(plain_text(block.content), title):
                continue  # the title written again at the top of the page
            first = block.paragraph if not isinstance(block, Table) else block.paragraphs[0]
            groups.append((_Title(title, first), []))
        groups[-1][1].append(block)
    if not groups:
        groups.append((_Title(title, 1), []))
    return groups


def _same_words(first: str, second: str) -> bool:
    return first.split() != [] and [w.casefold() for w in first.split()] == [
        w.casefold() for w in second.split()
    ]


def _first_title(blocks: list[Block]) -> str:
    for block in blocks:
        if isinstance(block, Heading) and has_words(block.content):
            return plain_text(block.content)
    return ""


def _title_from(document: Document) -> str:
    words = re.sub(r"[-_]+", " ", document.path.stem).strip()
    return (words[:1].upper() + words[1:]) or "Easy Read report"


def _points(content: list[Inline]) -> list[list[Inline]]:
    """A paragraph cut before each picture: in Easy Read a picture starts its point."""
    points: list[list[Inline]] = [[]]
    for item in content:
        if isinstance(item, PictureData) and (has_words(points[-1]) or _pictures(points[-1])):
            points.append([])
        points[-1].append(item)
    return [point for point in points if point]


def _readable(content: list[Inline]) -> bool:
    """True if the content has a letter or a digit: what the reader keeps as a sentence."""
    return any(
        isinstance(item, Text) and any(character.isalnum() for character in item.text)
        for item in content
    )


def _pictures(content: list[Inline]) -> list[PictureData]:
    return [item for item in content if isinstance(item, PictureData)]


def _merged(content: list[Text]) -> list[Text]:
    merged: list[Text] = []
    for item in content:
        text = _clean(item.text)
        link = item.link if item.link and item.link.lower().startswith(LINK_SCHEMES) else None
        item = Text(text, item.bold, item.italic, link)
        previous = merged[-1] if merged else None
        if previous is not None and previous.same_style(item):
            previous.text += item.text
            continue
        merged.append(item)
    return merged


def _texts_markdown(texts: list[Text], *, italic: bool, bold: bool) -> str:
    pieces: list[str] = []
    index = 0
    while index < len(texts):
        link = texts[index].link
        end = index
        while end < len(texts) and texts[end].link == link:
            end += 1
        rendered = "".join(_styled(item, italic=italic, bold=bold) for item in texts[index:end])
        if link is not None and rendered.strip():
            leading = " " if rendered[:1].isspace() else ""
            trailing = " " if rendered[-1:].isspace() else ""
            rendered = f"{leading}[{rendered.strip()}]({_link_address(link)}){trailing}"
        pieces.append(rendered)
        index = end
    return " ".join("".join(pieces).split())


def _styled(item: Text, *, italic: bool, bold: bool) -> str:
    """One text as Markdown. Punctuation at the edges of a bold or italic stretch stays
    outside the marks: `**` next to punctuation would not be read as bold."""
    text = item.text
    styled_italic = italic and item.italic
    styled_bold = bold and item.bold
    if not (styled_italic or styled_bold) or not text.strip():
        return _escape(text)
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    if start == end:
        return _escape(text)
    inner = _escape(text[start:end])
    if styled_italic:
        inner = f"*{inner}*"
    if styled_bold:
        inner = f"**{inner}**"
    return _escape(text[:start]) + inner + _escape(text[end:])


def _is_edge(character: str) -> bool:
    return character.isspace() or unicodedata.category(character)[0] in "PS"


def _reads_back(markdown: str, texts: list[Text], *, italic: bool, bold: bool) -> bool:
    """True if easyread's reader finds exactly these words, with these styles, in `markdown`."""
    try:
        section = parse_section(_CHECK_PATH, f"# Check\n\n{_escape_line_start(markdown)}\n", 1)
    except SourceError:
        return False
    if len(section.blocks) != 1 or not isinstance(section.blocks[0], Point):
        return False
    # Punctuation is left out of the comparison: marks are never put on punctuation at the
    # edge of a stretch (see _styled), and the reader keeps no sentence made only of it.
    found = [
        (character, run.strong, run.emphasis, run.link)
        for run in section.blocks[0].runs
        for character in run.text
        if not _is_edge(character)
    ]
    wanted = [
        (character, bold and item.bold, italic and item.italic, item.link)
        for item in texts
        for character in item.text
        if not _is_edge(character)
    ]
    return found == wanted


def _escape(text: str) -> str:
    return _ENTITY.sub(r"\\&", _ESCAPE.sub(r"\\\1", text))


def _escape_line_start(text: str) -> str:
    if _RULE_LINE.match(text):  # "---" or "===" under a line would make it a heading
        return "\\" + text
    found = _LINE_START.match(text)
    if found is None:
        return text
    if found.group(3):  # "1. " at the start: escape the full stop
        end = found.end(3)
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def _heading_text(text: str) -> str:
    escaped = _escape(_clean(text))
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"
    return escaped


def _link_address(link: str) -> str:
    if re.search(r"[\s()<>]", link):
        return "<" + re.sub(r"[<>\s]", lambda m: f"%{ord(m.group()):02X}", link) + ">"
    return link


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 40:
        slug = slug[:40].rsplit("-", 1)[0] or slug[:40]
    return slug or "section"


def _picture_stem(alt: str) -> str:
    """A file name from a picture's description: "A red bus" -> "red-bus"."""
    words = re.sub(r"^(?:a|an|the)\s+", "", " ".join(_clean(alt).split()), flags=re.IGNORECASE)
    slug = _slug(words)
    return "" if slug == "section" else slug[:30].rstrip("-")


def _unique(stem: str, used: set[str]) -> str:
    name, count = f"{stem}.md", 2
    while name in used:
        name, count = f"{stem}-{count}.md", count + 1
    used.add(name)
    return name


# -- easyread.toml --------------------------------------------------------------------------


def _config_text(document: Document, title: str, cover: str) -> str:
    language = _clean(document.language).strip().replace("_", "-")
    if not _LANGUAGE.match(language):
        language = DEFAULT_LANGUAGE
    lines = [
        f"# Made by 'easyread import' from {_toml_comment(document.path.name)}.",
        "# Check these settings: see the authoring guide for the others you can add.",
        f"title = {_toml_string(title)}",
    ]
    for key, value in (
        ("subtitle", document.subtitle),
        ("author", document.author),
        ("organisation", document.organisation),
        ("edition", document.edition),
    ):
        if _clean(value).strip():
            lines.append(f"{key} = {_toml_string(value)}")
    if document.date is not None:
        lines.append(f"date = {document.date.isoformat()}")
    lines.append(f"language = {_toml_string(language)}")
    if cover and document.cover is not None:
        lines.append(f"cover-picture = {_toml_string(cover)}")
        if document.cover.alt.strip():
            lines.append(f"cover-alt = {_toml_string(document.cover.alt)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    text = " ".join(_clean(value).split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_comment(value: str) -> str:
    return " ".join(_clean(value).split())
