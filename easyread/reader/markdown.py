"""One Markdown section file -> one Section of the document model.

markdown-it-py gives block tokens with line ranges; we work out each run's column by finding its
text in the block's source lines, so every finding can point at an exact place.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from easyread.errors import HIDDEN, PictureNotFound, SourceError, hidden_character
from easyread.model import (
    Block,
    CodeBlock,
    Comment,
    Footnote,
    FrontMatter,
    Heading,
    Picture,
    Point,
    RawHtml,
    Run,
    Section,
    Sentence,
    Source,
    Table,
    TableCell,
    ThematicBreak,
)
from easyread.reader.plain_block import SimpleBlock, block_tokens, parse_blocks, simple_blocks
from easyread.reader.plain_inline import parse_inlines, plain_children, plain_parts
from easyread.reader.sentences import sentence_spans

# markdown-it silently skips whatever is nested deeper than maxNesting (its default for
# CommonMark is 20 levels, about 10 nested lists), so text could vanish without a word. We allow
# far more and refuse, with a message, anything that reaches the limit.
MAX_NESTING = 600
# CommonMark with GitHub's tables and strikethrough, footnotes ([^1]) and front matter (a '---'
# block of settings at the top). Inline footnotes (^[text]) are not GitHub Markdown: left as text.
_PARSER = (
    MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    .enable(["table", "strikethrough"])
    .use(footnote_plugin, inline=False)
    .use(front_matter_plugin)
)
# Keep entities (&amp;) and escapes (\*) as their own tokens: their text differs from the source,
# and joined into the text around them they would shift every column after them.
_PARSER.disable("text_join")
# Plain lines of words (most of a report) get their tokens without the inline rules: the same
# tokens, made faster (see plain_inline).
_PARSER.core.ruler.at("inline", parse_inlines)
# Files of only headings and paragraphs get their block tokens without the block rules: the
# same tokens, made faster (see plain_block).
_PARSER.core.ruler.at("block", parse_blocks)
# One or more complete HTML comments and nothing else.
_COMMENTS_ONLY = re.compile(r"^\s*(?:<!--(?:(?!-->).)*?-->\s*)+$", re.DOTALL)
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}")
# `![words](address)` that Markdown left as text (a space or a bracket in the address, or an
# address markdown-it refuses, such as file:): lint's picture-name rule and the build use it.
UNREAD_PICTURE = re.compile(r"!\[[^\]\n]*\]\(([^)\n]*)\)")
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")
_HIDDEN = re.compile("[\x00-\x1f\x7f]")  # %00 and other control codes, once %-decoded
# An inline HTML tag whose content is never text: skipped up to its closing tag.
_HIDDEN_CONTENT = re.compile(r"<(script|style)\b", re.IGNORECASE)
# "Table 2: Deaths by age" or "Table 2. Deaths": a paragraph that names the table after it.
_CAPTION = re.compile(r"^Table\s+[0-9A-Za-z]{1,4}(?:\.[0-9]{1,3})?\s*[:.\-–—]", re.IGNORECASE)
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$")
_FRONT_MATTER_TITLE = re.compile(r"^title\s*:\s*(.+?)\s*$", re.MULTILINE)
_CONTAINER_PREFIX = re.compile(r"^(?:\s*(?:>|(?:[-+*]|\d{1,9}[.)])(?=\s|$)))+")


def parse_section(path: Path, text: str, number: int) -> Section:
    """Parse the text of one section file. Raises SourceError on anything an author must fix."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_control_characters(path, text)
    _refuse_overlong(path, text)
    builder = _SectionBuilder(path, text, number)
    blocks = simple_blocks(text)
    if blocks is None:
        builder.build(_tokens(path, text))
    else:
        builder.build_simple(blocks)
    return builder.finish()


def _tokens(path: Path, text: str) -> list[Token]:
    try:
        tokens = _PARSER.parse(text)
    except RecursionError:
        raise _too_deep(path, _deepest_line(text)) from None
    deepest = max(tokens, key=lambda token: token.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 1:
        raise _too_deep(path, (deepest.map or (0, 0))[0] + 1)
    return tokens


def _too_deep(path: Path, line: int) -> SourceError:
    return SourceError(
        "the lists, quotes or brackets here are nested too deep for easyread to read",
        path=path,
        line=line,
        hint="Easy Read needs only one or two levels: move these points out to the left",
    )


def _deepest_line(text: str) -> int:
    """The line with the most list and quote markers in front of its text, or else with the
    most brackets (thousands of '[' are nested links to the parser)."""
    best, best_line = -1, 1
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTAINER_PREFIX.match(line)
        depth = max(len(match.group()) if match else 0, line.count("[") + line.count("("))
        if depth > best:
            best, best_line = depth, number
    return best_line


# A run of text with no space this long is no word: the PDF's line breaking lays out the rest
# of such a run again for each line (20,000 '[a](' in a row took 196 s). Refused at once.
MAX_WORD_CHARS = 10_000  # a 5,000-digit number is still read (and linted)
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


_NOT_SPACE_RUN = re.compile(r"\S*")


def _has_long_run(text: str) -> bool:
    """True if some run of characters that are not white space is longer than MAX_WORD_CHARS.

    Such a run covers a multiple of MAX_WORD_CHARS, so only the runs through those places are
    measured: a few hundred short looks for a large file, where _LONG_WORD alone tries every
    character (0.1 s for a million words). White space is the same for both: str.rsplit and
    the regular expressions' \\s both use str.isspace."""
    step = MAX_WORD_CHARS
    for at in range(0, len(text), step):
        after = _NOT_SPACE_RUN.match(text, at)
        length = after.end() - at if after else 0
        if length == 0:
            continue
        before = text[max(0, at - step - 1) : at]
        if before and not before[-1].isspace():  # the run began before `at`
            length += len(before.rsplit(None, 1)[-1])
        if length > MAX_WORD_CHARS:
            return True
    return False


def _refuse_overlong(path: Path, text: str) -> None:
    """More than MAX_WORD_CHARS characters without a space: one line, before parsing."""
    if not _has_long_run(text):
        return
    # A run of quote markers is nesting, which has its own message.
    words = (found for found in _LONG_WORD.finditer(text) if found.group().strip(">"))
    long_word = next(words, None)
    if long_word is None:
        return
    line, column = _line_and_column(text, long_word.start())
    raise SourceError(
        f"there are more than {MAX_WORD_CHARS:,} characters here without a space",
        path=path,
        line=line,
        column=column,
        hint="put spaces between the words, or shorten the link",
    )


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of a character of the file's text."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _refuse_control_characters(path: Path, text: str) -> None:
    found = HIDDEN.search(text)
    if found is None:
        return
    line, column = _line_and_column(text, found.start())
    raise SourceError(
        f"there is {hidden_character(found.group())} here",
        path=path,
        line=line,
        column=column,
        hint="delete it: it often comes from copying text from another program",
    )


@dataclass(slots=True)
class _ListItem:
    runs: list[Run] = field(default_factory=list)
    picture: Picture | None = None
    more_pictures: list[Picture] = field(default_factory=list)
    start_line: int = 0
    end_line: int = 0
    column: int = 1


@dataclass(slots=True)
class _FootnoteDraft:
    """A footnote while its paragraphs are read; `freeze` makes the model's Footnote."""

    label: str
    number: int
    sentences: list[Sentence]
    source: Source
    end_line: int
    referenced: bool = True

    def freeze(self) -> Footnote:
        return Footnote(
            self.label,
            self.number,
            tuple(self.sentences),
            self.source,
            self.end_line,
            referenced=self.referenced,
        )


@dataclass(slots=True)
class _Inline:
    """What one inline token holds: its runs, the picture it starts with, any other pictures,
    and the column where its text (or its first picture) starts."""

    runs: list[Run]
    picture: Picture | None
    more_pictures: list[Picture]
    column: int


class _SectionBuilder:
    def __init__(self, path: Path, text: str, number: int) -> None:
        self.path = path
        self.text = text
        # Only "\n" ends a line, as in markdown-it (str.splitlines would also split at U+2028,
        # U+0085 and others, and every line number after them would be wrong).
        self.lines = text.split("\n")
        self.number = number
        self.title: Heading | None = None
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.footnotes: list[_FootnoteDraft] = []
        self.html: list[RawHtml] = []
        self.front_matter: FrontMatter | None = None
        self.items: list[_ListItem] = []
        self.point_count = 0
        self.subheading_count = 0
        self.table_count = 0
        self.heading_level = 1  # the outline level of the last heading: the next never skips one
        self.quote = 0
        self.footnote: _FootnoteDraft | None = None  # the footnote being read
        self.simple = False  # set by build_simple: no line can define a footnote then

    # -- block level -------------------------------------------------------------------------

    def build(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self._end_item_text()
                self._heading(token, tokens[index + 1])
                index += 2
            elif kind == "paragraph_open":
                self._paragraph(token, tokens[index + 1])
                index += 2
            elif kind == "list_item_open":
                start, end = token.map or (0, 0)
                self.items.append(_ListItem(start_line=start + 1, end_line=end))
            elif kind == "list_item_close":
                depth = len(self.items)
                self._flush_item(self.items.pop(), depth)
            elif kind in ("bullet_list_open", "ordered_list_open") and self.items:
                # A nested list: the outer item's own text comes first, as its own point.
                self._end_item_text()
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "html_block":
                self._html_block(token)
            elif kind in ("fence", "code_block"):
                self._end_item_text()
                self._code_block(token)
            elif kind == "hr":
                self._end_item_text()
                self._ensure_title(self._source(token).line)
                self.blocks.append(ThematicBreak(self._source(token)))
            elif kind == "table_open":
                self._end_item_text()
                index = self._table(tokens, index)
            elif kind == "front_matter":
                start, end = token.map or (0, 0)
                self.front_matter = FrontMatter(token.content, Source(self.path, start + 1), end)
            elif kind == "footnote_open":
                self._start_footnote(token)
            elif kind == "footnote_close":
                self.footnote = None
            index += 1

    def build_simple(self, blocks: list[SimpleBlock]) -> None:
        """What build() makes of a file of only headings and paragraphs (plain_block), with
        fewer tokens: a paragraph of plain text (plain_inline) goes straight to its point."""
        self.simple = True
        env: dict[str, object] = {}  # markdown-it's, for the inline rules: no block fills it
        for block in blocks:
            parts = None if block.level else plain_parts(block.content, _PARSER)
            if parts is not None:
                found = self._plain_inline(block.content, block.start, *parts)
                self._place_paragraph(found, block.start, block.end)
                continue
            opening, inline, _ = block_tokens(block)
            plain = plain_children(block.content, _PARSER)
            if plain is None:
                _PARSER.inline.parse(block.content, _PARSER, env, inline.children)
            else:
                inline.children = plain
            if block.level:
                self._heading(opening, inline)
            else:
                self._paragraph(opening, inline)

    def _end_item_text(self) -> None:
        """The open list item's text so far becomes its own point, before a nested block."""
        if self.items:
            self._flush_item(self.items[-1], len(self.items))
            self.items[-1] = _ListItem()

    def _heading(self, token: Token, inline: Token) -> None:
        written = int(token.tag[1])
        source = self._source(token)
        found = self._inline(inline, token)
        pictures = (found.picture,) if found.picture is not None else ()
        pictures += tuple(found.more_pictures)
        if written == 1 and self.title is None and not self.blocks:
            runs = found.runs or self._implied_title_runs()
            self.title = Heading(
                1,
                tuple(runs),
                source,
                anchor=f"section-{self.number}",
                written_level=1,
                implied=not found.runs,
                pictures=pictures,
            )
            return
        self._ensure_title(source.line)
        self.subheading_count += 1
        anchor = f"section-{self.number}-{self.subheading_count}"
        level = max(2, min(written, self.heading_level + 1))
        heading = Heading(level, tuple(found.runs), source, anchor, written, pictures=pictures)
        self.heading_level = level
        self.blocks.append(heading)

    def _ensure_title(self, line: int) -> None:
        """A file that does not start with a '# Title' gets one made from its file name."""
        if self.title is not None:
            return
        source = Source(self.path, 1)
        self.title = Heading(
            1,
            tuple(self._implied_title_runs()),
            source,
            anchor=f"section-{self.number}",
            implied=True,
        )

    def _implied_title_runs(self) -> list[Run]:
        title = _front_matter_title(self.front_matter) or _title_from_file_name(self.path)
        return [Run(title)]

    def _paragraph(self, token: Token, inline: Token) -> None:
        start, end = token.map or (0, 0)
        self._place_paragraph(self._inline(inline, token), start, end)

    def _place_paragraph(self, found: _Inline, start: int, end: int) -> None:
        """A paragraph's runs and pictures go to the footnote or list item being read, or
        become a point of their own. `start` and `end` are 0-based lines, end exclusive."""
        if self.footnote is not None:
            self._add_to_footnote(found, end)
            return
        if self.items:
            item = self.items[-1]
            if not item.runs and item.picture is None:
                item.start_line, item.column = start + 1, found.column
            if found.picture is not None:
                if item.picture is None and not item.runs:
                    item.picture = found.picture
                else:
                    item.more_pictures.append(found.picture)
            item.more_pictures.extend(found.more_pictures)
            if item.runs and found.runs:
                item.runs.append(Run(" "))
            item.runs.extend(found.runs)
            item.end_line = max(item.end_line, end)
            return
        self._add_point(
            found.runs,
            found.picture,
            found.more_pictures,
            start + 1,
            end,
            found.column,
            in_list=False,
        )

    def _flush_item(self, item: _ListItem, depth: int) -> None:
        if item.runs or item.picture is not None or item.more_pictures:
            self._add_point(
                item.runs,
                item.picture,
                item.more_pictures,
                item.start_line,
                item.end_line,
                item.column,
                in_list=True,
                list_depth=depth,
            )

    def _add_point(
        self,
        runs: list[Run],
        picture: Picture | None,
        more_pictures: list[Picture],
        start_line: int,
        end_line: int,
        column: int,
        *,
        in_list: bool,
        list_depth: int = 0,
    ) -> None:
        if picture is None and more_pictures:
            # A picture later in the text is still the point's picture: it is shown on the left.
            picture, more_pictures = more_pictures[0], more_pictures[1:]
        self._ensure_title(start_line)
        self.point_count += 1
        source = Source(self.path, start_line, column)
        point = Point(
            number=f"{self.number}.{self.point_count}",
            sentences=_split_sentences(runs, source),
            picture=picture,
            source=source,
            end_line=end_line,
            in_list=in_list,
            quote=self.quote,
            more_pictures=tuple(more_pictures),
            list_depth=list_depth,
        )
        self.blocks.append(point)

    def _code_block(self, token: Token) -> None:
        start, end = token.map or (0, 0)
        fenced = token.type == "fence"
        first = start + 1 if fenced else start  # 0-based line of the code's first line
        runs: list[Run] = []
        for offset, line in enumerate(token.content.split("\n")):
            index = first + offset
            if not line.strip() or index >= len(self.lines) or index >= end:
                continue
            source_line = self.lines[index]
            at = source_line.find(line)
            if at < 0:
                at = len(source_line) - len(source_line.lstrip())
                line = source_line[at:]
            runs.append(Run(line, code=True, source=Source(self.path, index + 1, at + 1)))
        self._ensure_title(start + 1)
        self.blocks.append(
            CodeBlock(
                token.content,
                tuple(runs),
                self._source(token),
                end,
                info=token.info.strip(),
                fenced=fenced,
                quote=self.quote,
            )
        )

    def _table(self, tokens: list[Token], index: int) -> int:
        """Read the table that starts at tokens[index]; return the index of its table_close."""
        table_token = tokens[index]
        start, end = table_token.map or (0, 0)
        self._ensure_title(start + 1)
        rows: list[tuple[TableCell, ...]] = []
        row: list[TableCell] = []
        row_line = start
        cell_columns: list[int] = []
        index += 1
        while index < len(tokens) and tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                row, row_line = [], (token.map or (row_line, row_line))[0]
                cell_columns = _cell_columns(
                    self.lines[row_line] if row_line < len(self.lines) else ""
                )
            elif token.type == "tr_close":
                rows.append(tuple(row))
            elif token.type in ("th_open", "td_open"):
                inline = tokens[index + 1]
                column = cell_columns[len(row)] if len(row) < len(cell_columns) else 0
                row.append(self._cell(token, inline, row_line, column))
                index += 1
            index += 1
        self.table_count += 1
        source = self._source(table_token)
        caption = self._take_caption(source.line)
        caption_runs, caption_source = (
            (tuple(caption.runs), caption.source) if caption else ((), None)
        )
        self.blocks.append(
            Table(
                tuple(rows),
                source,
                end,
                self.table_count,
                caption=caption_runs,
                caption_source=caption_source,
                quote=self.quote,
            )
        )
        return index

    def _cell(self, token: Token, inline: Token, line: int, column: int) -> TableCell:
        found = self._inline(inline, token, first_line=line, start_column=column)
        pictures = ((found.picture,) if found.picture else ()) + tuple(found.more_pictures)
        source = Source(self.path, line + 1, column + 1)
        if found.runs and found.runs[0].source is not None:
            source = found.runs[0].source
        style = str(token.attrGet("style") or "")
        align = style.split(":", 1)[1].strip() if style.startswith("text-align:") else ""
        return TableCell(
            _split_sentences(found.runs, source),
            source,
            header=token.type == "th_open",
            align=align,
            pictures=pictures,
        )

    def _take_caption(self, table_line: int) -> Point | None:
        """A paragraph such as "Table 2: Deaths by age" just before a table is its caption:
        taken out of the blocks and returned."""
        if not self.blocks or not isinstance(self.blocks[-1], Point):
            return None
        point = self.blocks[-1]
        if point.picture is not None or point.in_list or not _CAPTION.match(point.text):
            return None
        if table_line - point.end_line > 2:
            return None  # more than one blank line between them
        self.blocks.pop()
        self.point_count -= 1
        return point

    def _start_footnote(self, token: Token) -> None:
        meta = token.meta or {}
        label = str(meta.get("label", ""))
        number = int(meta.get("id", len(self.footnotes))) + 1
        self.footnote = _FootnoteDraft(label, number, [], Source(self.path, 1), 0)
        self.footnotes.append(self.footnote)

    def _add_to_footnote(self, found: _Inline, end: int) -> None:
        footnote = self.footnote
        assert footnote is not None
        runs = found.runs
        if not footnote.sentences:
            line = runs[0].source.line if runs and runs[0].source else 1
            footnote.source = Source(self.path, line, _footnote_column(self.lines, line))
        footnote.sentences.extend(_split_sentences(runs, footnote.source))
        footnote.end_line = max(footnote.end_line, end)

    def _html_block(self, token: Token) -> None:
        content = token.content
        start, end = token.map or (0, 0)
        source = self._source(token)
        if _COMMENTS_ONLY.match(content):
            self.comments.append(Comment(content.strip(), source, end))
            return
        if content.lstrip().startswith("<!--"):
            closed = content.find("-->")
            if closed < 0:
                # Never closed: markdown-it hides the rest of the file inside the comment.
                self.html.append(RawHtml(content, source, end, kind="hidden"))
                return
            comment = content[: closed + 3]
            line = start + comment.count("\n")  # 0-based line where the comment ends
            self.comments.append(Comment(comment.strip(), source, line + 1))
            rest = content[closed + 3 :]
            self.html.append(
                RawHtml(rest.strip(), self._hidden_text_source(line, rest), end, "hidden")
            )
            return
        self.html.append(RawHtml(content.rstrip("\n"), source, end, kind="block"))

    def _add_unreferenced_footnotes(self) -> None:
        """Notes the text never points to: markdown-it drops them, and their words would vanish.

        Only a definition at the start of a line outside code, HTML and front matter is read,
        and only its first line, as plain text.
        """
        known = {note.label for note in self.footnotes}
        skipped = self._lines_not_text()
        for index, line in enumerate(self.lines):
            found = _FOOTNOTE_DEFINITION.match(line)
            if found is None or found.group(1) in known or index + 1 in skipped:
                continue
            known.add(found.group(1))
            source = Source(self.path, index + 1, line.find("[^") + 1)
            text = found.group(2).rstrip()
            place = Source(self.path, index + 1, found.start(2) + 1)
            runs = [Run(text, source=place)] if text else []
            number = len(self.footnotes) + 1
            sentences = _split_sentences(runs, source)
            note = _FootnoteDraft(
                found.group(1), number, list(sentences), source, index + 1, referenced=False
            )
            self.footnotes.append(note)

    def _lines_not_text(self) -> set[int]:
        lines: set[int] = set()
        for block in self.blocks:
            if isinstance(block, CodeBlock | Table):
                lines.update(range(block.source.line, block.end_line + 1))
        for html in self.html:
            lines.update(range(html.source.line, html.end_line + 1))
        if self.front_matter is not None:
            lines.update(range(1, self.front_matter.end_line + 1))
        return lines

    def _hidden_text_source(self, line: int, rest: str) -> Source:
        text = self.lines[line] if line < len(self.lines) else ""
        at = text.find(rest.split("\n", 1)[0].strip(), text.find("-->") + 3)
        return Source(self.path, line + 1, max(at, 0) + 1)

    def finish(self) -> Section:
        if self.title is None:  # no '#' title, or an empty file: named after the file
            self._ensure_title(1)
        assert self.title is not None
        if not self.simple:  # a simple file has no line that starts with '[' or a space
            self._add_unreferenced_footnotes()
        return Section(
            number=self.number,
            path=self.path,
            title=self.title,
            blocks=tuple(self.blocks),
            comments=tuple(self.comments),
            footnotes=tuple(
                note.freeze() for note in sorted(self.footnotes, key=lambda note: note.number)
            ),
            html=tuple(self.html),
            front_matter=self.front_matter,
            text=self.text,
        )

    # -- inline level ------------------------------------------------------------------------

    def _inline(
        self,
        inline: Token,
        block: Token,
        *,
        first_line: int | None = None,
        start_column: int = 0,
    ) -> _Inline:
        """Runs of text, the point's picture (if the block starts with one), any other pictures
        and the column. Raw HTML tags are left out of the text and kept in self.html; the text
        inside <script> and <style> is left out too."""
        if first_line is None:
            first_line = (block.map or (0, 0))[0]
        locator = _Locator(self.path, self.lines, inline.content, first_line, start_column)
        runs: list[Run] = []
        picture: Picture | None = None
        more_pictures: list[Picture] = []
        strong = emphasis = 0
        link: str | None = None
        hiding: str | None = None  # the closing tag of a <script> or <style> being skipped
        for child in inline.children or []:
            kind = child.type
            if hiding is not None:
                if kind == "html_inline" and child.content.lower().startswith(hiding):
                    hiding = None
                locator.move_past(child.content or child.markup)
                continue
            if kind == "text":
                if child.content:
                    source = locator.find(child.content)
                    runs.append(Run(child.content, strong > 0, emphasis > 0, link, False, source))
            elif kind == "text_special":
                source = locator.find(child.markup) if child.markup else None
                if source is not None and child.info == "escape":  # \* : point at the *
                    shift = len(child.markup) - len(child.content)
                    source = Source(source.path, source.line, source.column + max(shift, 0))
                runs.append(Run(child.content, strong > 0, emphasis > 0, link, False, source))
            elif kind in ("softbreak", "hardbreak"):
                locator.skip_line()
                if runs:
                    runs.append(Run(" ", strong > 0, emphasis > 0, link, False, None))
            elif kind == "code_inline":
                source = locator.code_span(child.markup, child.content)
                runs.append(Run(child.content, strong > 0, emphasis > 0, link, True, source))
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind == "link_open":
                link = str(child.attrGet("href") or "")
                locator.move_past("[")
            elif kind == "link_close":
                link = None
                locator.move_past(")")
            elif kind == "image":
                found = self._picture(child, locator)
                if picture is None and not more_pictures and not any(r.text.strip() for r in runs):
                    picture = found
                else:
                    more_pictures.append(found)
            elif kind == "footnote_ref":
                meta = child.meta or {}
                label = str(meta.get("label", ""))
                source = locator.find(f"[^{label}]")
                number = int(meta.get("id", 0)) + 1
                runs.append(Run(f"[{number}]", strong > 0, False, None, False, source, label))
            elif kind == "html_inline":
                hiding = self._inline_html(child.content, locator)
        runs = _merge(_strip(runs))
        column = runs[0].source.column if runs and runs[0].source else start_column + 1
        if picture is not None:
            column = picture.source.column
        return _Inline(runs, picture, more_pictures, column)

    def _plain_inline(
        self, content: str, first_line: int, picture: tuple[str, str] | None, rest: str
    ) -> _Inline:
        """What _inline gives for a paragraph of a simple file that plain_inline.plain_parts
        split into a simple picture and plain lines, worked out from those parts, without the
        tokens: the same steps as _inline and _picture take for an image, text and soft break
        tokens. In a simple file every line of a paragraph starts its source line (no line is
        indented), so a line after the first starts at column 1; only the first line, where
        a picture may come first, needs the locator."""
        path = self.path
        lines = rest.split("\n")
        runs: list[Run] = []
        found_picture: Picture | None = None
        if picture is None:
            runs.append(Run(lines[0], False, False, None, False, Source(path, first_line + 1)))
        else:
            locator = _Locator(path, self.lines, content.split("\n", 1)[0], first_line)
            alt, src = picture
            source = locator.find("![") or locator.here()
            found_picture = Picture(src=src, alt=alt.strip(), source=source, title=None)
            if src:
                locator.move_past(src)
            locator.move_past(")")
            if lines[0]:
                runs.append(Run(lines[0], False, False, None, False, locator.find(lines[0])))
        for number in range(1, len(lines)):  # a soft break, then the line's text
            if runs:
                runs.append(_SOFT_BREAK)
            if lines[number]:
                source = Source(path, first_line + number + 1)
                runs.append(Run(lines[number], False, False, None, False, source))
        runs = _merge(_strip(runs))
        column = runs[0].source.column if runs and runs[0].source else 1
        if found_picture is not None:
            column = found_picture.source.column
        return _Inline(runs, found_picture, [], column)

    def _inline_html(self, html: str, locator: _Locator) -> str | None:
        """Record an inline HTML tag; return the closing tag to skip to for script and style."""
        source = locator.find(html)
        if _COMMENTS_ONLY.match(html):
            return None
        where = source or locator.here()
        self.html.append(RawHtml(html, where, where.line + html.count("\n"), kind="inline"))
        opened = _HIDDEN_CONTENT.match(html)
        return f"</{opened.group(1).lower()}" if opened else None

    def _picture(self, token: Token, locator: _Locator) -> Picture:
        src = str(token.attrGet("src") or "")
        source = locator.find("![") or locator.here()
        alt = token.content.strip()
        title = token.attrGet("title")
        picture = Picture(src=src, alt=alt, source=source, title=str(title) if title else None)
        if src:
            locator.move_past(src)
        locator.move_past(")")
        return picture

    # -- places ------------------------------------------------------------------------------
    def _source(self, token: Token) -> Source:
        line = (token.map or (0, 0))[0] + 1
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        return Source(self.path, line, len(text) - len(text.lstrip()) + 1)


# The run a soft line break of plain text becomes: runs are frozen, so one serves them all.
_SOFT_BREAK = Run(" ", False, False, None, False, None)


class _Locator:
    """Finds where pieces of a block's inline text sit in the source file."""

    def __init__(
        self, path: Path, lines: list[str], content: str, first_line: int, start_column: int = 0
    ) -> None:
        """`start_column` (0-based) is where to start looking on the first line: a table cell
        is searched for from its own '|', so two cells with the same text each get their own."""
        self.path = path
        self.content_lines = content.split("\n")
        self.first_line = first_line
        self.row = 0
        self.col = 0
        self.offsets = []
        for row, text in enumerate(self.content_lines):
            index = first_line + row
            source_line = lines[index] if index < len(lines) else ""
            found = source_line.find(text, start_column if row == 0 else 0) if text else -1
            if found < 0:
                found = start_column if row == 0 and start_column else -1
            self.offsets.append(
                found if found >= 0 else len(source_line) - len(source_line.lstrip())
            )

    def here(self) -> Source:
        return Source(
            self.path, self.first_line + self.row + 1, self.offsets[self.row] + self.col + 1
        )

    def find(self, piece: str) -> Source | None:
        """The source of `piece`, searched from the cursor on the current line."""
        if self.row >= len(self.content_lines):
            return None
        line = self.content_lines[self.row]
        at = line.find(piece, self.col)
        if at < 0:
            return self.here()
        source = Source(self.path, self.first_line + self.row + 1, self.offsets[self.row] + at + 1)
        self.col = at + len(piece)
        return source

    def move_past(self, piece: str) -> None:
        """What find(piece) does to the cursor, without making the Source nobody asked for."""
        if self.row < len(self.content_lines):
            at = self.content_lines[self.row].find(piece, self.col)
            if at >= 0:
                self.col = at + len(piece)

    def code_span(self, marks: str, content: str) -> Source | None:
        """The source of an inline code span's words. The cursor moves past its closing marks,
        which may sit on a later line: a code span may hold line breaks (read as spaces)."""
        if self.row >= len(self.content_lines):
            return None
        run_of_marks = re.compile(f"(?<!`){re.escape(marks)}(?!`)")
        opening = run_of_marks.search(self.content_lines[self.row], self.col)
        if opening is None:
            return self.find(content)
        row, col = self.row, opening.end()
        line = self.content_lines[row]
        if content and col < len(line) and line[col] == " " and not content.startswith(" "):
            col += 1  # one space inside each mark is not part of the code
        source = Source(self.path, self.first_line + row + 1, self.offsets[row] + col + 1)
        while row < len(self.content_lines):
            closing = run_of_marks.search(self.content_lines[row], col)
            if closing is not None:
                self.row, self.col = row, closing.end()
                break
            row, col = row + 1, 0
        return source

    def skip_line(self) -> None:
        if self.row < len(self.content_lines) - 1:
            self.row += 1
            self.col = 0


def _cell_columns(line: str) -> list[int]:
    """Where each cell's text may start (0-based) in a table row: just after each '|' that is
    not escaped, and at the start when the row does not begin with '|'."""
    columns: list[int] = []
    stripped = len(line) - len(line.lstrip())
    if not line[stripped:].startswith("|"):
        columns.append(stripped)
    escaped = False
    for at, char in enumerate(line):
        if char == "|" and not escaped:
            columns.append(at + 1)
        escaped = char == "\\" and not escaped
    return columns


def _footnote_column(lines: list[str], line: int) -> int:
    """The column of '[^' on a footnote's first line (1-based)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    at = text.find("[^")
    return at + 1 if at >= 0 else 1


def _front_matter_title(front_matter: FrontMatter | None) -> str:
    if front_matter is None:
        return ""
    found = _FRONT_MATTER_TITLE.search(front_matter.text)
    return found.group(1).strip("'\"").strip() if found else ""


def _title_from_file_name(path: Path) -> str:
    """'02-what-we-found.md' -> 'What we found'."""
    words = re.sub(r"^[0-9]+[-_ .]*", "", path.stem).replace("-", " ").replace("_", " ").strip()
    return (words[:1].upper() + words[1:]) if words else path.stem or "Section"


def _strip(runs: list[Run]) -> list[Run]:
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        first = runs[0]
        leading = len(first.text) - len(first.text.lstrip())
        if leading:
            runs[0] = _slice(first, leading, len(first.text))
        last = runs[-1]
        runs[-1] = _slice(last, 0, len(last.text.rstrip()))
    return runs


def _merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs of one style where that keeps every position exact."""
    merged: list[Run] = []
    for run in runs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and run.note is None
            and previous.same_style(run)
            and _adjacent(previous, run)
        ):
            merged[-1] = Run(
                previous.text + run.text,
                previous.strong,
                previous.emphasis,
                previous.link,
                previous.code,
                previous.source,
                previous.note,
            )
        else:
            merged.append(run)  # runs are frozen: the same run, not a copy of it
    return merged


def _adjacent(previous: Run, run: Run) -> bool:
    if run.source is None or previous.source is None:
        # A soft line break (no source) stays its own run, so every sourced run is on one line.
        return run.source is None and previous.source is None
    before = previous.source
    return (
        before is not None
        and before.line == run.source.line
        and before.column + len(previous.text) == run.source.column
    )


def _slice(run: Run, start: int, end: int) -> Run:
    if start == 0 and end >= len(run.text):
        return run  # the whole run: runs are frozen, so the same one serves
    source = run.source
    if source is not None and start:
        source = Source(source.path, source.line, source.column + start)
    return Run(run.text[start:end], run.strong, run.emphasis, run.link, run.code, source, run.note)


def _split_sentences(runs: list[Run], fallback: Source) -> tuple[Sentence, ...]:
    """Cut a point's runs into sentences, keeping each run's style and position.

    Sentences and runs are both in text order, so one walk over the runs is enough (a long
    paragraph of many sentences and many runs stays linear, not quadratic).
    """
    if len(runs) == 1:  # most table cells and many points: each sentence is a slice of it
        run = runs[0]
        spans = sentence_spans(run.text)
        return tuple(
            Sentence((piece,), fallback if piece.source is None else piece.source)
            for piece in [_slice(run, start, end) for start, end in spans]
        )
    lengths = [len(run.text) for run in runs]
    starts: list[int] = []
    offset = 0
    for length in lengths:
        starts.append(offset)
        offset += length
    count = len(runs)
    sentences: list[Sentence] = []
    first = 0
    for start, end in sentence_spans("".join([run.text for run in runs])):
        while first < count and starts[first] + lengths[first] <= start:
            first += 1
        pieces: list[Run] = []
        index = first
        while index < count and starts[index] < end:
            run_start = starts[index]
            if run_start + lengths[index] > start:
                piece_start = start - run_start if start > run_start else 0
                pieces.append(_slice(runs[index], piece_start, end - run_start))
            index += 1
        source = next((piece.source for piece in pieces if piece.source is not None), fallback)
        sentences.append(Sentence(tuple(pieces), source))
    return tuple(sentences)


def check_picture_src(picture: Picture, section_path: Path, root: Path) -> Path:
    """Where a picture's file is, refusing anything outside the report folder."""
    check_picture_address(picture, section_path)
    fail = _picture_failure(picture, section_path)
    # markdown-it writes spaces and accents in a link as %20 and %C3%A9: undo that.
    name = urllib.parse.unquote(picture.src.strip())
    if _HIDDEN.search(name):
        raise fail(
            f"the picture path '{_short(picture.src.strip())}' holds a hidden character",
            "write the picture's file name again, without codes such as %00",
        )
    root = root.resolve()
    try:
        candidate = (section_path.parent / name).resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of symbolic links
        raise fail(
            f"the picture '{_short(name)}' is a link that goes round in a circle",
            "replace the link with a copy of the picture",
        ) from None
    if not candidate.is_relative_to(root):
        raise fail(
            f"the picture '{_short(name)}' is outside the report folder",
            "copy the picture into the report's pictures folder and use that path",
        )
    if not candidate.is_file():
        hint = "check the file name and that the picture is in the pictures folder"
        if (section_path.parent / name).is_symlink():
            hint = "the file is a link to a picture that is not there: copy the picture in"
        raise PictureNotFound(
            f"the picture file '{_short(name)}' was not found",
            path=section_path,
            line=picture.source.line,
            column=picture.source.column,
            hint=hint,
        )
    return candidate


def check_picture_address(picture: Picture, section_path: Path) -> None:
    """Refuse, without touching any file, a picture address that is not a path in the report."""
    src = picture.src.strip()
    fail = _picture_failure(picture, section_path)
    if not src:
        raise fail(
            "this picture has no file name", "write it as ![what it shows](pictures/name.png)"
        )
    if src.lower().startswith("data:"):
        raise fail(
            "this picture is written into the text as data",
            "save the picture as a file in the pictures folder and use its file name",
        )
    if _WINDOWS_PATH.match(src) or src.startswith(("/", "\\")) or src.lower().startswith("file:"):
        raise fail(
            f"the picture path '{_short(src)}' points somewhere else on this computer",
            "put the picture in the report folder and write a path like pictures/name.png",
        )
    if _REMOTE.match(src):
        raise fail(
            f"the picture '{_short(src)}' is on the internet",
            "save the picture in the report's pictures folder and use its file name",
        )


def _picture_failure(picture: Picture, section_path: Path) -> Callable[[str, str], SourceError]:
    def fail(message: str, hint: str) -> SourceError:
        return SourceError(
            message,
            path=section_path,
            line=picture.source.line,
            column=picture.source.column,
            hint=hint,
        )

    return fail


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
