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

from easyread.errors import SourceError
from easyread.model import Block, Comment, Heading, Picture, Point, Run, Section, Sentence, Source
from easyread.reader.sentences import sentence_spans

# markdown-it silently skips whatever is nested deeper than maxNesting (its default for
# CommonMark is 20 levels, about 10 nested lists), so text could vanish without a word. We allow
# far more and refuse, with a message, anything that reaches the limit.
MAX_NESTING = 600
_PARSER = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
# Keep entities (&amp;) and escapes (\*) as their own tokens: their text differs from the source,
# and joined into the text around them they would shift every column after them.
_PARSER.disable("text_join")
# One or more complete HTML comments and nothing else.
_COMMENTS_ONLY = re.compile(r"^\s*(?:<!--(?:(?!-->).)*?-->\s*)+$", re.DOTALL)
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}")
_LOOKS_LIKE_PICTURE = re.compile(r"!\[[^\]\n]*\]\(([^)\n]*)\)")
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")
# Characters that are not text: they break Word files and show as boxes in a PDF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTAINER_PREFIX = re.compile(r"^(?:\s*(?:>|(?:[-+*]|\d{1,9}[.)])(?=\s|$)))+")


def parse_section(path: Path, text: str, number: int) -> Section:
    """Parse the text of one section file. Raises SourceError on anything an author must fix."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_control_characters(path, text)
    builder = _SectionBuilder(path, text, number)
    builder.build(_tokens(path, text))
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
        "the lists or quotes here are nested too deep for easyread to read",
        path=path,
        line=line,
        hint="Easy Read needs only one or two levels: move these points out to the left",
    )


def _deepest_line(text: str) -> int:
    """The line with the most list and quote markers in front of its text."""
    best, best_line = -1, 1
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTAINER_PREFIX.match(line)
        depth = len(match.group()) if match else 0
        if depth > best:
            best, best_line = depth, number
    return best_line


def _refuse_control_characters(path: Path, text: str) -> None:
    found = _CONTROL.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    raise SourceError(
        f"there is a hidden control character (U+{ord(found.group()):04X}) here",
        path=path,
        line=line,
        column=column,
        hint="delete it: it often comes from copying text from another program",
    )


@dataclass(slots=True)
class _ListItem:
    runs: list[Run] = field(default_factory=list)
    picture: Picture | None = None
    start_line: int = 0
    end_line: int = 0
    column: int = 1


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
        self.items: list[_ListItem] = []
        self.point_count = 0
        self.subheading_count = 0

    # -- block level -------------------------------------------------------------------------

    def build(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self._heading(token, tokens[index + 1])
                index += 2
            elif kind == "paragraph_open":
                self._paragraph(token, tokens[index + 1])
                index += 2
            elif kind == "list_item_open":
                start, end = token.map or (0, 0)
                self.items.append(_ListItem(start_line=start + 1, end_line=end))
            elif kind == "list_item_close":
                self._flush_item(self.items.pop())
            elif kind in ("bullet_list_open", "ordered_list_open") and self.items:
                # A nested list: the outer item's own text comes first, as its own point.
                self._flush_item(self.items[-1])
                self.items[-1] = _ListItem()
            elif kind == "html_block":
                self._html_block(token)
            elif kind in ("fence", "code_block"):
                raise self._error(
                    token,
                    "a code block is not Easy Read text",
                    "write it as plain sentences, without indenting it or putting it in ``` marks",
                )
            index += 1

    def _heading(self, token: Token, inline: Token) -> None:
        level = int(token.tag[1])
        source = self._source(token)
        runs, picture, _ = self._inline(inline, token)
        if picture is not None:
            raise self._error(
                token, "a heading cannot hold a picture", "put the picture at the start of a point"
            )
        if level > 2:
            raise self._error(
                token,
                f"a heading with {level} '#' marks is not used in Easy Read",
                "use '#' for the section title and '##' for a sub-heading",
            )
        if not any(run.text.strip() for run in runs):
            raise self._error(
                token,
                "this heading has no words",
                "write the heading after the '#' marks, or delete the line",
            )
        if level == 1:
            if self.title is not None:
                raise self._error(
                    token,
                    "a section file can have only one '#' title",
                    "start a new file for a new section, or use '##' for a sub-heading",
                )
            if self.blocks:
                raise self._error(
                    self.blocks[0].source.line,
                    "there is text before the section title",
                    "put the '# Title' line first",
                )
            self.title = Heading(1, runs, source, anchor=f"section-{self.number}")
            return
        if self.title is None:
            raise self._error(
                token,
                "this section has no '#' title before its first sub-heading",
                "start the file with a line like '# What we found'",
            )
        self.subheading_count += 1
        anchor = f"section-{self.number}-{self.subheading_count}"
        self.blocks.append(Heading(2, runs, source, anchor=anchor))

    def _paragraph(self, token: Token, inline: Token) -> None:
        runs, picture, column = self._inline(inline, token)
        start, end = token.map or (0, 0)
        if self.items:
            item = self.items[-1]
            if picture is not None and (item.picture is not None or item.runs):
                raise self._picture_not_first(picture)
            if not item.runs and item.picture is None:
                item.start_line, item.column = start + 1, column
            if picture is not None:
                item.picture = picture
            if item.runs and runs:
                item.runs.append(Run(" "))
            item.runs.extend(runs)
            item.end_line = max(item.end_line, end)
            return
        self._add_point(runs, picture, start + 1, end, column, in_list=False)

    def _flush_item(self, item: _ListItem) -> None:
        if item.runs or item.picture is not None:
            self._add_point(
                item.runs, item.picture, item.start_line, item.end_line, item.column, in_list=True
            )

    def _add_point(
        self,
        runs: list[Run],
        picture: Picture | None,
        start_line: int,
        end_line: int,
        column: int,
        *,
        in_list: bool,
    ) -> None:
        if self.title is None:
            raise self._error(
                start_line,
                "this section has no title",
                "start the file with a line like '# What we found'",
            )
        self.point_count += 1
        source = Source(self.path, start_line, column)
        point = Point(
            number=f"{self.number}.{self.point_count}",
            sentences=_split_sentences(runs, source),
            picture=picture,
            source=source,
            end_line=end_line,
            in_list=in_list,
        )
        self.blocks.append(point)

    def _html_block(self, token: Token) -> None:
        content = token.content
        if _COMMENTS_ONLY.match(content):
            start, end = token.map or (0, 0)
            self.comments.append(Comment(content.strip(), self._source(token), end))
            return
        if content.lstrip().startswith("<!--"):
            if "-->" not in content:
                raise self._error(
                    token,
                    "this comment is not closed, so the rest of the file would be hidden",
                    "add --> at the end of the comment",
                )
            raise self._error(
                token,
                "there is text on the same line as a comment, and it would be hidden",
                "put the text on a new line after the line with -->",
            )
        raise self._raw_html(token, content)

    def finish(self) -> Section:
        if self.title is None:
            if not self.text.strip():
                raise SourceError(
                    "this section file is empty",
                    path=self.path,
                    hint="write a '# Title' line and some points, or delete the file",
                )
            raise SourceError(
                "this section has no title",
                path=self.path,
                line=1,
                hint="start the file with a line like '# What we found'",
            )
        return Section(
            number=self.number,
            path=self.path,
            title=self.title,
            blocks=self.blocks,
            comments=self.comments,
            text=self.text,
        )

    # -- inline level ------------------------------------------------------------------------

    def _inline(self, inline: Token, block: Token) -> tuple[list[Run], Picture | None, int]:
        """Runs of text, the point's picture (if the block starts with one) and the column."""
        locator = _Locator(self.path, self.lines, inline.content, (block.map or (0, 0))[0])
        runs: list[Run] = []
        picture: Picture | None = None
        strong = emphasis = 0
        link: str | None = None
        for child in inline.children or []:
            kind = child.type
            if kind == "text":
                if child.content:
                    source = locator.find(child.content)
                    self._refuse_unread_picture(child.content, source)
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
                source = locator.find(child.content)
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
                locator.find("[")
            elif kind == "link_close":
                link = None
                locator.find(")")
            elif kind == "image":
                found = self._picture(child, locator)
                if picture is not None or any(run.text.strip() for run in runs):
                    raise self._picture_not_first(found)
                picture = found
            elif kind == "html_inline":
                if _COMMENTS_ONLY.match(child.content):
                    locator.find(child.content)
                    continue
                raise self._raw_html(block, child.content, locator.find(child.content))
        runs = _merge(_strip(runs))
        column = runs[0].source.column if runs and runs[0].source else 1
        if picture is not None:
            column = picture.source.column
        return runs, picture, column

    def _picture(self, token: Token, locator: _Locator) -> Picture:
        src = str(token.attrGet("src") or "")
        source = locator.find("![") or locator.here()
        alt = token.content.strip()
        title = token.attrGet("title")
        picture = Picture(src=src, alt=alt, source=source, title=str(title) if title else None)
        if src:
            locator.find(src)
        locator.find(")")
        return picture

    def _refuse_unread_picture(self, text: str, source: Source | None) -> None:
        """`![words](address)` that markdown-it left as text: the author meant a picture."""
        found = _LOOKS_LIKE_PICTURE.search(text)
        if found is None or source is None:
            return
        line = self.lines[source.line - 1] if source.line - 1 < len(self.lines) else ""
        column = source.column + found.start()
        if line[column - 1 : column - 1 + len(found.group())] != found.group():
            return  # written with \ escapes: the author wants these characters as text
        picture = Picture(found.group(1).strip("<>"), "", Source(self.path, source.line, column))
        check_picture_address(picture, self.path)
        raise SourceError(
            "this looks like a picture, but easyread cannot read its file name",
            path=self.path,
            line=source.line,
            column=column,
            hint="if the name has spaces, put it in <>: ![words](<pictures/my picture.png>)",
        )

    # -- errors ------------------------------------------------------------------------------

    def _source(self, token: Token) -> Source:
        line = (token.map or (0, 0))[0] + 1
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        return Source(self.path, line, len(text) - len(text.lstrip()) + 1)

    def _error(self, where: Token | int, message: str, hint: str) -> SourceError:
        line = where if isinstance(where, int) else (where.map or (0, 0))[0] + 1
        return SourceError(message, path=self.path, line=line, hint=hint)

    def _picture_not_first(self, picture: Picture) -> SourceError:
        return SourceError(
            "a picture must come at the start of its point",
            path=self.path,
            line=picture.source.line,
            column=picture.source.column,
            hint="move it to the start of the paragraph, or give it a paragraph of its own text",
        )

    def _raw_html(self, token: Token, html: str, where: Source | None = None) -> SourceError:
        found = _TAG.match(html.strip())
        tag = found.group() + ">" if found else "<...>"
        return SourceError(
            f"HTML code such as {tag[:30]} is not allowed in a report",
            path=self.path,
            line=where.line if where else (token.map or (0, 0))[0] + 1,
            column=where.column if where else None,
            hint="write plain text: ![words](picture.png) for pictures, **bold** for hard words",
        )


class _Locator:
    """Finds where pieces of a block's inline text sit in the source file."""

    def __init__(self, path: Path, lines: list[str], content: str, first_line: int) -> None:
        self.path = path
        self.content_lines = content.split("\n")
        self.first_line = first_line
        self.row = 0
        self.col = 0
        self.offsets = []
        for row, text in enumerate(self.content_lines):
            index = first_line + row
            source_line = lines[index] if index < len(lines) else ""
            found = source_line.find(text) if text else -1
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

    def skip_line(self) -> None:
        if self.row < len(self.content_lines) - 1:
            self.row += 1
            self.col = 0


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
        if previous is not None and previous.same_style(run) and _adjacent(previous, run):
            previous.text += run.text
        else:
            merged.append(Run(run.text, run.strong, run.emphasis, run.link, run.code, run.source))
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
    source = run.source
    if source is not None and start:
        source = Source(source.path, source.line, source.column + start)
    return Run(run.text[start:end], run.strong, run.emphasis, run.link, run.code, source)


def _split_sentences(runs: list[Run], fallback: Source) -> list[Sentence]:
    """Cut a point's runs into sentences, keeping each run's style and position.

    Sentences and runs are both in text order, so one walk over the runs is enough (a long
    paragraph of many sentences and many runs stays linear, not quadratic).
    """
    text = "".join(run.text for run in runs)
    starts: list[int] = []
    offset = 0
    for run in runs:
        starts.append(offset)
        offset += len(run.text)
    sentences: list[Sentence] = []
    first = 0
    for start, end in sentence_spans(text):
        while first < len(runs) and starts[first] + len(runs[first].text) <= start:
            first += 1
        pieces: list[Run] = []
        index = first
        while index < len(runs) and starts[index] < end:
            run_start = starts[index]
            run_end = run_start + len(runs[index].text)
            if run_end > start:
                pieces.append(
                    _slice(
                        runs[index],
                        max(start, run_start) - run_start,
                        min(end, run_end) - run_start,
                    )
                )
            index += 1
        source = next((piece.source for piece in pieces if piece.source), fallback)
        sentences.append(Sentence(pieces, source))
    return sentences


def check_picture_src(picture: Picture, section_path: Path, root: Path) -> Path:
    """Where a picture's file is, refusing anything outside the report folder."""
    check_picture_address(picture, section_path)
    fail = _picture_failure(picture, section_path)
    # markdown-it writes spaces and accents in a link as %20 and %C3%A9: undo that.
    name = urllib.parse.unquote(picture.src.strip())
    root = root.resolve()
    try:
        candidate = (section_path.parent / name).resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
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
        raise fail(f"the picture file '{_short(name)}' was not found", hint)
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
