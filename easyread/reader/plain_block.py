"""A quicker way through markdown-it for the commonest kind of file: headings and paragraphs.

markdown-it-py's block parser tries about a dozen rules at the start of every line (tables,
lists, quotes, code, HTML...), and then again at every line of a paragraph to see whether one of
them ends it. Most section files are only '#' headings, paragraphs and blank lines, and for
those its tokens are always the same. `parse_blocks` replaces markdown-it's core "block" rule:
it makes those tokens itself when every line of the file is that simple, and hands the whole file
to markdown-it's own block parser otherwise. Tests compare the two token streams on every
Markdown file in the project and on generated text; they must be equal, field for field.

"Simple" is decided for the whole file and on the safe side. Every line must be one of:
- blank (spaces only);
- an ATX heading written at the start of the line ('#' to '######', then a space or the end);
- a line that starts with a letter, a digit or '!' and is not an ordered list marker
  ("1. ", "2) "): no block rule can start there, and none can end a paragraph there.
A tab or a NUL anywhere, or any other line (indented, '-', '>', '|', '[', '<', '`', ...), sends
the whole file to markdown-it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from markdown_it.common.utils import mdTrim
from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore

# A line that is none of the three simple kinds. (A tab or NUL anywhere is looked for with
# `in`: as a third branch here it made the pattern try every character, not only line starts.)
_NOT_SIMPLE_LINE = re.compile(
    r"^(?:(?![ ]*$)(?!#{1,6}(?: |$))(?![^\W_]|!)"  # not blank, not a heading, not a word or '!'
    r"|[0-9]+[.)](?:\s|$))",  # an ordered list marker
    re.MULTILINE,
)


def is_simple(src: str) -> bool:
    """True if every line of `src` is simple (see the module docstring)."""
    return "\t" not in src and "\x00" not in src and _NOT_SIMPLE_LINE.search(src) is None


# In a simple file: a heading line, or a paragraph (lines that start with neither '#' nor a
# space, the only start of a blank line there) up to a blank line, a heading or the end.
_BLOCK = re.compile(r"^(?:#[^\n]*|[^#\n ][^\n]*(?:\n[^#\n ][^\n]*)*)", re.MULTILINE)


def parse_blocks(state: StateCore) -> None:
    """markdown-it's core "block" rule, with simple files made without its block parser."""
    if state.inlineMode:
        token = Token("inline", "", 0)
        token.content = state.src
        token.map = [0, 1]
        token.children = []
        state.tokens.append(token)
        return
    simple = simple_block_tokens(state.src)
    if simple is None:
        state.md.block.parse(state.src, state.md, state.env, state.tokens)
    else:
        state.tokens.extend(simple)


def simple_block_tokens(src: str) -> list[Token] | None:
    """The block tokens of `src` if every line is simple (see the module docstring), as
    markdown-it's block parser would make them; None if it is not that simple."""
    blocks = simple_blocks(src)
    if blocks is None:
        return None
    tokens: list[Token] = []
    for block in blocks:
        tokens += block_tokens(block)
    return tokens


class SimpleBlock(NamedTuple):
    """A heading (level 1 to 6) or a paragraph (level 0) of a simple file: its lines
    [start, end), 0-based as in markdown-it's map, and its inline content."""

    level: int
    start: int
    end: int
    content: str


def simple_blocks(src: str) -> list[SimpleBlock] | None:
    """The headings and paragraphs of `src` in order, if every line is simple; else None."""
    if not is_simple(src):
        return None
    blocks: list[SimpleBlock] = []
    line = counted_to = 0  # the 0-based line where the text up to `counted_to` ends
    for match in _BLOCK.finditer(src):
        start = match.start()
        line += src.count("\n", counted_to, start)
        counted_to = start
        text = match.group()
        if text[0] == "#":
            blocks.append(_heading(text, line))
        else:
            end = line + text.count("\n") + 1
            blocks.append(SimpleBlock(0, line, end, mdTrim(text)))
    return blocks


def _heading(line: str, number: int) -> SimpleBlock:
    level = len(line) - len(line.lstrip("#"))
    end = len(line.rstrip(" "))
    before_marks = len(line[:end].rstrip("#"))
    if level < before_marks < end and line[before_marks - 1] == " ":
        end = before_marks  # closing marks ('## Title ##') are not part of the title
    return SimpleBlock(level, number, number + 1, mdTrim(line[level:end]))


def block_tokens(block: SimpleBlock) -> tuple[Token, Token, Token]:
    """The opening, inline (children not yet made) and closing tokens of a block."""
    if block.level:
        kind, tag, markup = "heading", f"h{block.level}", "#" * block.level
    else:
        kind, tag, markup = "paragraph", "p", ""
    opening = Token(f"{kind}_open", tag, 1)
    opening.markup = markup
    opening.map = [block.start, block.end]
    opening.block = True
    inline = Token("inline", "", 0)
    inline.content = block.content
    inline.map = [block.start, block.end]
    inline.level = 1
    inline.children = []
    inline.block = True
    closing = Token(f"{kind}_close", tag, -1)
    closing.markup = markup
    closing.block = True
    return opening, inline, closing
